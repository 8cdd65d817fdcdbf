"""Detector ``handle``: ``@name`` handles (Telegram, Instagram, …) that are not e-mails."""
from __future__ import annotations

from typing import Dict, List

from ..lazyre import LazyPattern
from ..rulepack import RulePackError, RuleSpec, _string_list
from .base import Draft, Matcher, Span
from .params import Param


class HandleMatcher(Matcher):
    PARAMS = (Param("min_length", "int", 3, "Shortest name after @ that counts (1-32)."),
              Param("allow", "texts", [], "Handles that are not reported (without @)."))

    def __init__(self, spec: RuleSpec, vocabularies: Dict[str, List[str]]) -> None:
        min_length = spec.params.get("min_length", 3)
        if not isinstance(min_length, int) or not 1 <= min_length <= 32:
            raise RulePackError(spec.path, spec.line_of("min_length"), f"rule {spec.id}: 'min_length' must be 1-32")
        self.allow = frozenset(a.lower().lstrip("@") for a in _string_list(
            spec.params.get("allow", []), spec.path, spec.line_of("allow"), "allow"))
        # not after a word character (that is an e-mail), a name of Latin letters, digits, _ and .
        self.pattern = LazyPattern(
            r"(?<![\w@.+\-])@\s?([a-z0-9_](?:[a-z0-9_.]{%d,31}))(?![\w@])" % (min_length - 1))

    def find(self, draft: Draft) -> List[Span]:
        view = draft.base
        text = view.text
        if "@" not in text:
            return []
        spans = []
        for m in self.pattern.finditer(text):
            name = m.group(1).rstrip(".")
            if name in self.allow or name.isdigit():
                continue
            spans.append(view.span(m.start(), m.start(1) + len(name)))
        return spans
