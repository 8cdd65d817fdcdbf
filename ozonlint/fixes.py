"""Apply suggestions: only safe ones (a suggestion that is text, not null), never overlapping."""
from __future__ import annotations

from typing import Iterable, List

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
    parts: List[str] = []
    pos = 0
    for v in choose_fixes(violations):
        parts.append(text[pos:v.start])
        parts.append(v.suggestion or "")
        pos = v.end
    parts.append(text[pos:])
    return "".join(parts)

