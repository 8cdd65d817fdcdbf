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


class Filter:
    """One reason to drop or demote a finding.

    ``categories``: the categories this filter may act on (None: all).
    ``spares_identifiers``: never act on a phone, e-mail, handle, link or card.
    Whether a filter acts on a candidate (``applies``) depends on its category
    and kind only: the stage asks once per pair (see FilterStage.acting_on).
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
        # (category, kind) -> the filters that act on such a candidate; filled by
        # single dict stores (atomic: threads may share a stage), never pickled
        self._acting: Dict[Tuple[str, str], Tuple[Filter, ...]] = {}

    def __getstate__(self) -> Dict[str, object]:
        return {"filters": self.filters}

    def __setstate__(self, state: Dict[str, Tuple[Filter, ...]]) -> None:
        self.filters = state["filters"]
        self._acting = {}

    def with_filter(self, extra: Filter) -> "FilterStage":
        return FilterStage(self.filters + (extra,))

    def term_sets(self) -> List[object]:
        return [t for f in self.filters for t in f.term_sets()]

    def acting_on(self, candidate: Candidate) -> Tuple[Filter, ...]:
        """The filters that act on ``candidate``, in order (see Filter.applies)."""
        spec = candidate.rule.spec  # type: ignore[attr-defined]
        key = (spec.category, spec.kind)
        acting = self._acting.get(key)
        if acting is None:
            acting = self._acting[key] = tuple(f for f in self.filters if f.applies(candidate))
        return acting

    def run(self, draft: Draft, candidates: Iterable[Candidate]) -> List[Candidate]:
        kept: List[Optional[Candidate]] = []
        sentences: List[Tuple[int, Candidate]] = []  # the classifiers' findings, by their place in ``kept``
        judged = self.judged
        for candidate in candidates:
            if candidate.rule.spec.kind == "classifier":  # type: ignore[attr-defined]
                sentences.append((len(kept), candidate))
                kept.append(None)
            else:
                kept.append(judged(draft, candidate))
        if sentences:
            # a model's sentence that a precise finding kept above settles is not judged
            # (most of them: the sentence around a phone or a messenger's name)
            precise = [c for c in kept if c is not None]
            for (i, candidate), done in zip(sentences, precedence.settled(draft, [c for _, c in sentences], precise)):
                if not done:
                    kept[i] = judged(draft, candidate)
        return precedence.resolve(draft, [c for c in kept if c is not None])

    def judged(self, draft: Draft, candidate: Candidate) -> Optional[Candidate]:
        """The candidate after every filter: None when one drops it."""
        current = candidate
        for f in self.acting_on(candidate):
            verdict = f.judge(draft, current)
            if verdict is DROP:
                return None
            if verdict is not None:
                current = verdict  # type: ignore[assignment]
        return current


# (last: the filters of precedence import this module's Candidate; looked up as
# ``precedence.settled`` when called, so that tests may stand in for it)
from . import precedence  # noqa: E402
