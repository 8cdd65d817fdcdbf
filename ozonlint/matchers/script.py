"""Rule kind ``script``: runs of characters of given Unicode scripts (e.g. Han)."""
from __future__ import annotations

from typing import Dict, List

from ..lazyre import lazy_re
from ..rulepack import RulePackError, RuleSpec, _string_list
from ..safepattern import PatternError, SafePattern
from .base import Draft, Matcher, Span
from .params import Param

# A Unicode script or property name as \p{…} takes it: nothing else reaches the pattern.
_SCRIPT_NAME = lazy_re(r"[A-Za-z][A-Za-z_ ]{0,40}")


class ScriptMatcher(Matcher):
    PARAMS = (Param("scripts", "texts", None, "Unicode script names (Han, Hangul…) (required)."),
              Param("min_chars", "int", 1, "Shortest run of the script that counts."))

    def __init__(self, spec: RuleSpec, vocabularies: Dict[str, List[str]]) -> None:
        scripts = _string_list(spec.params.get("scripts"), spec.path, spec.line_of("scripts"), "scripts")
        self.han_only = scripts == ["Han"]
        self.min_chars = spec.params.get("min_chars", 1)
        if not isinstance(self.min_chars, int) or self.min_chars < 1:
            raise RulePackError(spec.path, spec.line_of("min_chars"), f"rule {spec.id}: 'min_chars' must be >= 1")
        for name in scripts:
            if not _SCRIPT_NAME.fullmatch(name):
                raise RulePackError(spec.path, spec.line_of("scripts"),
                                    f"rule {spec.id}: {name!r} is not a Unicode script name (e.g. Han, Hangul)")
        try:
            classes = "".join(f"\\p{{{s}}}" for s in scripts)
            char = f"[{classes}]"
            # a run of the script's characters, with the punctuation and spaces between them
            # (short Latin gaps too: "加V信" is one run)
            source = f"{char}(?:[\\s\\p{{P}}\\p{{S}}\\p{{N}}\\p{{Latin}}]{{0,12}}{char})*"
            self.run = SafePattern(source, 0, owner=spec.id)
        except PatternError as exc:
            raise RulePackError(spec.path, spec.line_of("scripts"), f"rule {spec.id}: unknown script: {exc}") from None

    def find(self, draft: Draft) -> List[Span]:
        if self.han_only and not draft.has_han:
            return []
        spans = []
        for m in self.run.finditer(draft.text):
            if m.end() - m.start() >= self.min_chars:
                spans.append(m.span())
        return spans
