"""Apply suggestions: only safe ones (a suggestion that is text, not null), never overlapping."""
from __future__ import annotations

from typing import Iterable, List, Sequence, Tuple

from .model import Violation


def choose_fixes(violations: Iterable[Violation]) -> List[Violation]:
    """The fixable violations to apply: where spans overlap, the one that starts first
    (the longest of those) wins; spans that only touch are all kept."""
    chosen: List[Violation] = []
    for v in sorted((v for v in violations if v.suggestion is not None),
                    key=lambda v: (v.start, -v.end, v.rule)):
        if chosen and v.start < chosen[-1].end:
            continue
        chosen.append(v)
    return chosen


def apply_fixes(text: str, violations: Iterable[Violation]) -> str:
    """``text`` with the chosen suggestions applied (one pass)."""
    return splice(text, [(v.start, v.end, v.suggestion or "") for v in choose_fixes(violations)])


_BLANKS = " \t"


def splice(text: str, edits: Sequence[Tuple[int, int, str]]) -> str:
    """``text`` with each ``(start, end, replacement)`` applied; the edits are sorted
    and do not overlap. This is the one place where fixes change text.

    A removal that would leave blanks at the end of a line takes them too (before
    and after the removed span), so a fixed file passes a trailing-whitespace check."""
    parts: List[str] = []
    pos = 0
    for start, end, replacement in edits:
        if not replacement:
            after = end
            while after < len(text) and text[after] in _BLANKS:
                after += 1
            if after == len(text) or text[after] in "\r\n":
                end = after
                while start > pos and text[start - 1] in _BLANKS:
                    start -= 1
        parts.append(text[pos:start])
        parts.append(replacement)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)

