"""Positions in a text: where its lines start, and the line and column of an offset.

One home for the counting that the engine (a draft's findings) and the file
layer (findings placed back in their file) both need, so that both agree on
what a line is: CRLF, CR and LF end a line; other characters that
``str.splitlines`` knows (form feed, NEL, U+2028 …) do not.
"""
from __future__ import annotations

from array import array
from bisect import bisect_right
from itertools import accumulate
from typing import Sequence, Tuple

from .lazyre import lazy, lazy_re

_NEWLINE = lazy(r"\r\n|\r|\n")


# Line ends that str.splitlines knows but a line here does not end at.
_OTHER_LINE_BREAKS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_OTHER_LINE_BREAK = lazy_re("[" + _OTHER_LINE_BREAKS + "]")


def line_starts(text: str) -> "array[int]":
    """Offsets where lines start; CRLF, CR and LF all end a line."""
    starts = array("q", [0])
    if "\n" not in text and "\r" not in text:
        return starts  # one line (most replies): two scans in C
    if _OTHER_LINE_BREAK.search(text):
        starts.extend(m.end() for m in _NEWLINE.finditer(text))
    else:  # the common case, counted in C: splitlines ends lines exactly at CRLF, CR and LF here
        starts.extend(accumulate(map(len, text.splitlines(keepends=True))))
        if starts[-1] == len(text) and len(starts) > 1 and not text.endswith(("\n", "\r")):
            starts.pop()  # the last piece has no line break after it: no line starts at the end
    return starts


def position(starts: Sequence[int], offset: int) -> Tuple[int, int]:
    """1-based (line, column) of a character offset, given the text's ``line_starts``."""
    line = bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1
