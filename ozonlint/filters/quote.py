"""The buyer's words quoted back ("Вы написали: «дайте ваш WhatsApp»"): not the seller's.

A quote may excuse a messenger's name or a phrase, never an identifier: a
phone number, e-mail, handle, link or card inside it is still reported (a
seller can paste a real contact into a "quote" to slip it through). Chinese
characters in it still make the reply Chinese.
"""
from __future__ import annotations

from typing import List, Optional, Tuple

import regex

from ..lazyre import lazy
from ..matchers.base import Draft
from ..model import Category
from . import DROP, Candidate, Filter, Spans

_QUOTED_BUYER = lazy(
    r"(?:\bвы\s+(?:на)?пи\w*|\bвы\s+спр\w*|\bвы\s+прос\w*|\bвы\s+уточн\w*|\bпокупател\w+\s+(?:на)?пис\w*|"
    r"\byou\s+(?:wrote|asked|said|write|ask|mentioned))\W{0,4}"
    r"(?:«([^»\n]{1,200})»|\"([^\"\n]{1,200})\"|“([^”\n]{1,200})”|„([^“”\n]{1,200})[“”]|'([^'\n]{1,200})')",
    regex.IGNORECASE)


def quoted_spans(text: str) -> List[Tuple[int, int]]:
    """Spans of the buyer's words quoted back in ``text``."""
    if not any(q in text for q in "«\"“„'"):
        return []
    return [m.span(m.lastindex) for m in _QUOTED_BUYER.finditer(text) if m.lastindex]


class QuotedBuyerFilter(Filter):
    name = "quoted-buyer"
    categories = frozenset(c.value for c in Category) - {Category.LANGUAGE.value}
    spares_identifiers = True

    def judge(self, draft: Draft, candidate: Candidate) -> Optional[object]:
        quotes = draft.extras.get(QuotedBuyerFilter)
        if quotes is None:
            quotes = draft.extras[QuotedBuyerFilter] = Spans(quoted_spans(draft.text))
        return DROP if excused(candidate, quotes) else None


def excused(candidate: Candidate, spans: Spans) -> bool:
    """Whether one of ``spans`` excuses the candidate: it holds it, or, for a
    classifier's finding (a whole sentence), it overlaps it."""
    if candidate.kind == "classifier":
        return spans.overlapping(candidate.start, candidate.end)
    return spans.holding(candidate.start, candidate.end)
