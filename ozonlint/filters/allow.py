"""The user's allow-list: terms (their own brand, their Ozon store's name) inside which nothing is reported."""
from __future__ import annotations

from typing import Optional, Sequence

import regex

from ..matchers.base import Draft
from ..spans import Spans
from . import DROP, Candidate, Filter
from .quote import excused


class AllowListFilter(Filter):
    name = "allow"

    def __init__(self, terms: Sequence[str]) -> None:
        from ..normalize import base_view

        cleaned = sorted({base_view(t.strip()).text for t in terms if t and t.strip()}, key=len, reverse=True)
        self.pattern = regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(regex.escape(t) for t in cleaned)
                                     + r")(?![\p{L}\p{N}])") if cleaned else None

    def spans(self, draft: Draft) -> Spans:
        found = draft.extras.get(AllowListFilter)
        if found is None:
            view = draft.base
            found = draft.extras[AllowListFilter] = Spans(
                [view.span(*m.span()) for m in self.pattern.finditer(view.text)] if self.pattern else [])
        return found

    def judge(self, draft: Draft, candidate: Candidate) -> Optional[object]:
        return DROP if excused(candidate, self.spans(draft)) else None
