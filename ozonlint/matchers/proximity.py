"""Rule kind ``proximity``: a term of every set, all within N words (``within``).

``kyшбэк`` alone is an ordinary word and ``отзыв`` alone is a polite request;
together, a few words apart, they are a review bribe. A negation cue
(``не``, ``без``, ``никаких``, ``never``…) within ``negation_window`` words of
the pair cancels it: "никаких доплат не нужно" is the opposite of a surcharge.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Any, Dict, FrozenSet, List, Optional, Tuple

from ..rulepack import RulePackError, RuleSpec
from .base import Draft, Matcher, Span
from .params import NEGATION, NEGATION_KEYS, Param
from .terms import Negation, TermSet, same_sentence


class ProximityMatcher(Matcher):
    PARAMS = (Param("sets", "term-sets", None, "Two or more term sets that must all match (required)."),
              Param("within", "int", 6, "Words between the first and the last set's hits (0-100)."),
              Param("same_sentence", "bool", True, "All hits in one sentence.")) + NEGATION

    def __init__(self, spec: RuleSpec, vocabularies: Dict[str, List[str]]) -> None:
        sets = spec.params.get("sets")
        line = spec.line_of("sets")
        if not (isinstance(sets, list) and len(sets) >= 2 and all(isinstance(s, dict) for s in sets)):
            raise RulePackError(spec.path, line, f"rule {spec.id}: 'sets' must be a list of two or more term sets")
        allowed = {"terms", "vocab", "patterns", "inflect", "unless_preceded_by", "unless_followed_by",
                   "preceded_by", "followed_by"}
        for s in sets:
            unknown = sorted(set(s) - allowed)
            if unknown:
                raise RulePackError(spec.path, getattr(s, "line", line),
                                    f"rule {spec.id}: unknown key {unknown[0]!r} in a proximity set")
        self.sets = [TermSet(spec, s, vocabularies, key="sets") for s in sets]
        # the order the sets are looked for in: sets of words first (see find)
        self._order = sorted(range(len(self.sets)), key=lambda i: not self.sets[i].gated)
        self.within = self._int(spec, "within", 6)
        has_negation = any(k in spec.params for k in NEGATION_KEYS)
        self.negation = Negation(spec, vocabularies) if has_negation else None
        self.same_sentence = spec.params.get("same_sentence", True)
        if not isinstance(self.same_sentence, bool):
            raise RulePackError(spec.path, spec.line_of("same_sentence"),
                                f"rule {spec.id}: 'same_sentence' must be true or false")

    @staticmethod
    def _int(spec: RuleSpec, key: str, default: int) -> int:
        value = spec.params.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
            raise RulePackError(spec.path, spec.line_of(key), f"rule {spec.id}: {key!r} must be a whole number 0-100")
        return value

    def required_sets(self) -> FrozenSet[int]:
        return frozenset(s.id for s in self.sets if s.gated)

    def term_sets(self) -> List[TermSet]:
        return self.sets + (self.negation.term_sets() if self.negation else [])

    def share_term_sets(self, shared: Dict[Any, Any]) -> None:
        if self.negation is not None:
            self.negation.share(shared)

    def find(self, draft: Draft) -> List[Span]:
        active = draft.active_sets
        for term_set in self.sets:
            if term_set.gated and term_set.id not in active:
                return []  # every set must match: one absent set settles it (see TermSet.may_match)
        # the sets of words first: a set of raw patterns scans the whole draft, and
        # is not scanned at all when a set of words has no hit
        hits_per_set: List[List[Tuple[int, int]]] = [[] for _ in self.sets]
        for i in self._order:
            hits = self.sets[i].find_in_view(draft)
            if not hits:
                return []
            hits_per_set[i] = hits
        # anchor on each hit of the first set; take the nearest hit of every other set
        word_index = draft.word_index
        words = [[(word_index(s), s, e) for s, e in hits] for hits in hits_per_set]
        nearest = [_Nearest(others) for others in words[1:]]
        within = self.within
        found = []
        for anchor in words[0]:
            group = [anchor]
            for others in nearest:
                best = others.nearest(anchor)
                if best is None or abs(best[0] - anchor[0]) > within:
                    break
                group.append(best)
            else:
                if len(group) == 2:  # (two sets: the one distance is the one just checked)
                    other = group[1]
                    start = anchor[1] if anchor[1] < other[1] else other[1]
                    end = anchor[2] if anchor[2] > other[2] else other[2]
                else:
                    if max(g[0] for g in group) - min(g[0] for g in group) > within:
                        continue
                    start = min(g[1] for g in group)
                    end = max(g[2] for g in group)
                if self.same_sentence and not same_sentence(draft, start, end):
                    continue
                if self.negation is not None and self.negation.cancels(draft, start, end):
                    continue
                found.append((start, end))
        if not found:
            return found
        span = draft.words.span
        return sorted({span(start, end) for start, end in found}) if len(found) > 1 else [span(*found[0])]


# Up to this many hits, the nearest is found by a scan of them all.
_SCANNED = 8


class _Nearest:
    """The hits of one set, by word index, for "the nearest hit to an anchor" in
    logarithmic time (a scan of all hits per anchor is quadratic on long drafts).

    The answer is the scan's: the least distance in words, a tie going to the
    hit listed first, and never a hit with the anchor's own span."""

    __slots__ = ("hits", "indexes", "by_index")

    def __init__(self, hits: List[Tuple[int, int, int]]) -> None:
        self.hits = hits
        self.indexes: List[int] = []
        self.by_index: Dict[int, List[Tuple[int, Tuple[int, int, int]]]] = {}
        if len(hits) <= _SCANNED:
            return  # (see nearest)
        by_index: Dict[int, List[Tuple[int, Tuple[int, int, int]]]] = {}
        for order, hit in enumerate(hits):
            by_index.setdefault(hit[0], []).append((order, hit))
        self.indexes = sorted(by_index)
        self.by_index = by_index

    def _scanned(self, anchor: Tuple[int, int, int]) -> Optional[Tuple[int, int, int]]:
        """The scan itself, for a few hits (cheaper than the bisection's steps)."""
        best, least = None, -1
        index, start, end = anchor
        for hit in self.hits:
            if hit[1] != start or hit[2] != end:
                gap = hit[0] - index if hit[0] >= index else index - hit[0]
                if best is None or gap < least:
                    best, least = hit, gap
        return best

    def _first(self, index: int, anchor: Tuple[int, int, int]) -> Optional[Tuple[int, Tuple[int, int, int]]]:
        """The first-listed hit at word ``index`` that is not the anchor itself."""
        return next((entry for entry in self.by_index[index] if entry[1][1:] != anchor[1:]), None)

    def nearest(self, anchor: Tuple[int, int, int]) -> Optional[Tuple[int, int, int]]:
        if len(self.hits) <= _SCANNED:
            return self._scanned(anchor)
        indexes = self.indexes
        right = bisect_left(indexes, anchor[0])
        left = right - 1
        while left >= 0 or right < len(indexes):
            # the closer of the two next word indexes on either side (both when equally far)
            left_gap = anchor[0] - indexes[left] if left >= 0 else None
            right_gap = indexes[right] - anchor[0] if right < len(indexes) else None
            gap = min(g for g in (left_gap, right_gap) if g is not None)
            entries = []
            if left_gap == gap:
                entries.append(self._first(indexes[left], anchor))
                left -= 1
            if right_gap == gap:
                entries.append(self._first(indexes[right], anchor))
                right += 1
            entries = [e for e in entries if e is not None]
            if entries:
                return min(entries)[1]
        return None
