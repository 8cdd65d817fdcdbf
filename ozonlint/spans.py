"""Spans of a draft asked about by position, in logarithmic time.

Filters ask about quotes and cue words once per candidate, and negation asks
about the cues around each hit: a scan of every span per question is
quadratic on a long draft with many of both."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Iterable, Iterator, List, Optional, Tuple


class Spans:
    """Spans of one draft (quotes, cue words, a term set's hits), sorted."""

    __slots__ = ("spans", "starts", "ends", "disjoint", "_reach", "_ends_from")

    def __init__(self, spans: Iterable[Tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        if not self.spans:  # most cue kinds are not in most drafts
            self.starts = self.ends = self._reach = self._ends_from = []
            self.disjoint = True
            return
        if len(self.spans) == 1:  # (most that are there at all are there once)
            (a, b), = self.spans
            self.starts, self.ends, self._reach, self._ends_from = [a], [b], [b], [b]
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

    # For spans that never overlap (a term set's hits), whose ends are then in their order:

    def starting_in(self, start: int, end: int) -> List[Tuple[int, int]]:
        """The spans that start in [start, end]."""
        return self.spans[bisect_left(self.starts, start):bisect_right(self.starts, end)]

    def last_starting_before(self, pos: int) -> Optional[Tuple[int, int]]:
        i = bisect_left(self.starts, pos)
        return self.spans[i - 1] if i else None

    def backwards_from(self, pos: int) -> Iterator[Tuple[int, int]]:
        """The spans that start before ``pos``, nearest first."""
        for i in range(bisect_left(self.starts, pos) - 1, -1, -1):
            yield self.spans[i]

    def forwards_from(self, pos: int) -> Iterator[Tuple[int, int]]:
        """The spans that end after ``pos``, nearest first."""
        for i in range(bisect_right(self.ends, pos), len(self.spans)):
            yield self.spans[i]


NO_SPANS = Spans([])  # shared by every draft: a Spans is never changed once made


def spans_of(found: List[Tuple[int, int]]) -> Spans:
    """``Spans(found)``; the shared empty one for no spans (most cue kinds, most drafts)."""
    return Spans(found) if found else NO_SPANS
