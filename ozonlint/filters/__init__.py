"""The filter stage: the one place where a candidate finding is kept, dropped or demoted.

Matchers report candidates (a rule and a span of the original text); every
candidate of every kind then passes through the same filters, in order. A
filter declares which categories it may act on, and whether it spares
identifiers — a phone number, an e-mail, a handle, a link or a card number is
evidence in itself, so a filter that reads the words around a finding (a
buyer's quote, the role of a sentence) can never hide one.

Rule-level conditions that belong to a rule's own definition — its negation
cues, ``unless_preceded_by``/``followed_by`` contexts — stay with the rule's
term sets (see matchers/terms.py): they decide what the rule *means*, and a
proximity rule weighs them while pairing its words.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Dict, FrozenSet, Iterable, List, NamedTuple, Optional, Sequence, Tuple

from ..matchers.base import Draft

# Kinds whose findings are identifiers: never dropped by a filter that spares them.
IDENTIFIER_KINDS = frozenset(("phone", "email", "url", "handle", "card"))
DROP = "drop"


class Candidate(NamedTuple):
    """A finding before the filters: which rule, where (original text), its severity."""

    rule: object   # engine.Rule
    start: int
    end: int
    severity: str
    note: Optional[Dict[str, str]] = None  # a filter's addition to the message, per language

    @property
    def category(self) -> str:
        return self.rule.spec.category  # type: ignore[attr-defined]

    @property
    def kind(self) -> str:
        return self.rule.spec.kind  # type: ignore[attr-defined]


class Spans:
    """Spans of a draft (quotes, cue words …), asked about by position in
    logarithmic time: a filter asks once per candidate, and a scan of every
    span per candidate is quadratic on a long draft with many of both."""

    __slots__ = ("spans", "starts", "ends", "disjoint", "_reach", "_ends_from")

    def __init__(self, spans: Iterable[Tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        if not self.spans:  # most cue kinds are not in most drafts
            self.starts = self.ends = self._reach = self._ends_from = []
            self.disjoint = True
            return
        self.starts = [a for a, _ in self.spans]
        self.ends = sorted(b for _, b in self.spans)
        # no two overlap (a term set's hits never do): then the ends are in the spans' order
        self.disjoint = all(self.spans[i][1] <= self.spans[i + 1][0] for i in range(len(self.spans) - 1))
        self._reach: List[int] = []  # the largest end among the spans up to each one
        for _, b in self.spans:
            self._reach.append(max(b, self._reach[-1]) if self._reach else b)
        self._ends_from = [0] * len(self.spans)  # the smallest end among the spans from each one on
        smallest = None
        for i in range(len(self.spans) - 1, -1, -1):
            b = self.spans[i][1]
            smallest = b if smallest is None else min(b, smallest)
            self._ends_from[i] = smallest

    def __bool__(self) -> bool:
        return bool(self.spans)

    def holding(self, start: int, end: int) -> bool:
        """Whether a span holds [start, end)."""
        i = bisect_right(self.starts, start)
        return i > 0 and self._reach[i - 1] >= end

    def overlapping(self, start: int, end: int) -> bool:
        """Whether a span overlaps [start, end)."""
        i = bisect_left(self.starts, end)
        return i > 0 and self._reach[i - 1] > start

    def within(self, lo: int, hi: int) -> bool:
        """Whether a span lies within [lo, hi]."""
        i = bisect_left(self.starts, lo)
        return i < len(self.spans) and self._ends_from[i] <= hi

    def last_end_by(self, pos: int) -> Optional[int]:
        """The last end of a span at or before ``pos`` (None: none ends there)."""
        i = bisect_right(self.ends, pos) - 1
        return self.ends[i] if i >= 0 else None

    def first_start_from(self, pos: int) -> Optional[int]:
        """The first start of a span at or after ``pos`` (None: none starts there)."""
        i = bisect_left(self.starts, pos)
        return self.starts[i] if i < len(self.starts) else None

    def last_start_within(self, lo: int, hi: int) -> Optional[int]:
        """The start of the last span that lies within [lo, hi], or None."""
        i = bisect_right(self.starts, hi) - 1
        while i >= 0 and self.spans[i][1] > hi:
            i -= 1
        return self.spans[i][0] if i >= 0 and self.spans[i][0] >= lo else None


class Filter:
    """One reason to drop or demote a finding.

    ``categories``: the categories this filter may act on (None: all).
    ``spares_identifiers``: never act on a phone, e-mail, handle, link or card.
    ``judge`` returns None to keep the candidate, ``DROP``, or a candidate to
    put in its place (a lower severity, with a note)."""

    name = "filter"
    categories: Optional[FrozenSet[str]] = None
    spares_identifiers = False

    def applies(self, candidate: Candidate) -> bool:
        if self.spares_identifiers and candidate.kind in IDENTIFIER_KINDS:
            return False
        return self.categories is None or candidate.category in self.categories

    def judge(self, draft: Draft, candidate: Candidate) -> Optional[object]:  # pragma: no cover - interface
        raise NotImplementedError

    def term_sets(self) -> Sequence[object]:
        """Term sets this filter reads, for the gate index (see GateIndex)."""
        return ()


class FilterStage:
    """The filters of one Linter, applied in order to every candidate."""

    def __init__(self, filters: Iterable[Filter] = ()) -> None:
        self.filters: Tuple[Filter, ...] = tuple(filters)

    def with_filter(self, extra: Filter) -> "FilterStage":
        return FilterStage(self.filters + (extra,))

    def term_sets(self) -> List[object]:
        return [t for f in self.filters for t in f.term_sets()]

    def run(self, draft: Draft, candidates: Iterable[Candidate]) -> List[Candidate]:
        kept: List[Candidate] = []
        for candidate in candidates:
            current: Optional[Candidate] = candidate
            for f in self.filters:
                if not f.applies(current):  # type: ignore[arg-type]
                    continue
                verdict = f.judge(draft, current)  # type: ignore[arg-type]
                if verdict is DROP:
                    current = None
                    break
                if verdict is not None:
                    current = verdict  # type: ignore[assignment]
            if current is not None:
                kept.append(current)
        from .precedence import resolve

        return resolve(draft, kept)
