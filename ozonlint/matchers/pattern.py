"""Rule kind ``pattern``: raw ``regex``-module patterns, each run under a time budget.

Patterns run on the ``base`` view by default (case-folded, look-alikes folded,
so write them in lower case), on ``words`` (spaced letters joined, leetspeak
undone) or on ``original`` (the text as written, e.g. to see capitals).
"""
from __future__ import annotations

import re
from typing import Dict, FrozenSet, List, Optional

import regex

from ..lazyre import LazyPattern, lazy_re
from ..rulepack import RulePackError, RuleSpec, _string_list
from .base import Draft, Matcher, Span, compile_pattern, context_filter, search_with_budget
from .terms import TermSet

VIEWS = ("base", "words", "original")


class PatternMatcher(Matcher):
    def __init__(self, spec: RuleSpec, vocabularies: Dict[str, List[str]]) -> None:
        sources = _string_list(spec.params.get("patterns"), spec.path, spec.line_of("patterns"), "patterns")
        self.view = spec.params.get("view", "base")
        if self.view not in VIEWS:
            raise RulePackError(spec.path, spec.line_of("view"),
                                f"rule {spec.id}: unknown view {self.view!r} (one of: {', '.join(VIEWS)})")
        # case matters in the original text (capitals); the other views are case-folded
        flags = 0 if self.view == "original" else regex.IGNORECASE
        for source in sources:  # each on its own first, so an error names the bad one
            compile_pattern(source, spec, "patterns", flags=flags)
        # then one scan for all of them, where they combine (inline flags may not)
        combined = "|".join(f"(?:{s})" for s in sources)
        try:
            self.patterns = [LazyPattern(combined, flags | regex.VERSION1, "regex",
                                         regex.compile(combined, flags | regex.VERSION1))]
        except regex.error:
            self.patterns = [compile_pattern(s, spec, "patterns", flags=flags) for s in sources]
        requires = _string_list(spec.params.get("requires", []), spec.path, spec.line_of("requires"), "requires")
        # one scan for all of them (std re: plain literals, fast)
        self.requires = lazy_re("|".join(re.escape(r if self.view == "original" else r.casefold())
                                         for r in requires)) if requires else None
        prefilter = spec.params.get("prefilter")
        if prefilter is not None:
            import re as std_re

            try:
                self.prefilter: Optional[LazyPattern] = LazyPattern(prefilter, 0, "re", std_re.compile(prefilter))
            except (std_re.error, TypeError) as exc:
                raise RulePackError(spec.path, spec.line_of("prefilter"),
                                    f"rule {spec.id}: invalid prefilter {prefilter!r}: {exc}") from None
        else:
            self.prefilter = None
        gate = spec.params.get("gate")
        if gate is not None and not isinstance(gate, dict):
            raise RulePackError(spec.path, spec.line_of("gate"),
                                f"rule {spec.id}: 'gate' must be a term set (terms/vocab)")
        self.gate = TermSet(spec, gate, vocabularies, key="gate") if gate is not None else None
        self.rule = spec.id
        self.keep = context_filter(spec)

    def term_sets(self) -> List[TermSet]:
        return [self.gate] if self.gate is not None else []

    def required_sets(self) -> FrozenSet[int]:
        # the patterns run only on drafts that hold one of the gate's words
        return frozenset([self.gate.id]) if self.gate is not None and self.gate.gated else frozenset()

    def find(self, draft: Draft) -> List[Span]:
        view = draft.view(self.view)
        text = view.text
        if self.requires is not None and not self.requires.search(text):
            return []
        if self.prefilter is not None and not self.prefilter.search(text):
            return []
        spans = {m.span() for p in self.patterns for m in search_with_budget(p, text, self.rule)
                 if m.end() > m.start()}
        return [view.span(s, e) for s, e in sorted(spans) if self.keep(text, s, e)]
