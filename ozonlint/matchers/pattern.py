"""Rule kind ``pattern``: raw ``regex``-module patterns, each run under a time budget.

Patterns run on the ``base`` view by default (case-folded, look-alikes folded,
so write them in lower case), on ``words`` (spaced letters joined, leetspeak
undone) or on ``original`` (the text as written, e.g. to see capitals).
"""
from __future__ import annotations

from typing import Dict, FrozenSet, List, Optional, Tuple

import regex

from ..lazyre import LazyPattern
from ..normalize import is_plain
from ..rulepack import RulePackError, RuleSpec, _string_list
from ..safepattern import PatternError, SafePattern
from .base import Draft, Matcher, Span, compile_pattern, context_filter
from .gatekeys import DerivedGate, derive_all, derive_gate
from .leads import compiled_lead, lead_matches, lead_start
from .params import CONTEXT, Param
from .terms import TermSet

VIEWS = ("base", "words", "original")
_HAN_KEY = frozenset(["\x00han"])  # stands for "the draft has Chinese characters" among gate keys

_META = set(".^$*+?{}[]()|\\")
_OPTIONAL = set("?*{")


def _split_top(source: str) -> Optional[List[str]]:
    """``source`` split at its top-level ``|`` (None when brackets do not balance)."""
    parts, depth, start, i = [], 0, 0, 0
    in_class = False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    if depth or in_class:
        return None
    parts.append(source[start:])
    return parts


def _literal_head(alternative: str) -> str:
    """The plain characters every match of ``alternative`` starts with."""
    head = []
    for i, ch in enumerate(alternative):
        if ch in _META or ch.isspace():
            break
        if alternative[i + 1:i + 2] in _OPTIONAL and alternative[i + 1:i + 2]:
            break  # "abc?": the "c" may be absent
        head.append(ch)
    return "".join(head)


def literal_starts(source: str) -> Optional[List[str]]:
    """Literal strings one of which every match of ``source`` begins with, or
    None when the pattern does not start with plain text (a class, an escape,
    a look-around, an inline flag, an optional group).

    Recognised: ``word...``, ``(?:word|word...)...`` and top-level ``a|b``."""
    alternatives = _split_top(source)
    if alternatives is None:
        return None
    found: List[str] = []
    for alternative in alternatives:
        if alternative.startswith("(?:"):
            depth, end = 0, -1
            for i, ch in enumerate(alternative):  # the group's closing bracket
                if ch == "(" and alternative[i - 1:i] != "\\":
                    depth += 1
                elif ch == ")" and alternative[i - 1:i] != "\\":
                    depth -= 1
                    if depth == 0:
                        end = i
                        break
            if end < 0 or alternative[end + 1:end + 2] in _OPTIONAL and alternative[end + 1:end + 2]:
                return None
            inner = literal_starts(alternative[3:end])
            if inner is None:
                return None
            found.extend(inner)
            continue
        head = _literal_head(alternative)
        if not head:
            return None
        found.append(head)
    return found


def _heads(starts: List[str]) -> Tuple[str, ...]:
    # the views patterns read here are case-folded: a match begins with the folded text
    return tuple(sorted({h.casefold() for h in starts}))


class PatternMatcher(Matcher):
    PARAMS = (Param("patterns", "texts", None, "regex-module patterns (required)."),
              Param("view", "choice", "base", "The text the patterns read.", choices=VIEWS),
              Param("requires", "texts", [], "Literal strings one of which the text must contain."),
              Param("gate", "term-set", None, "Words one of which the draft must hold (where the patterns give none)."),
              Param("prefilter", "text", None, "A pattern the text must match before the patterns run.")) + CONTEXT

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
        # Each pattern runs only on drafts that can match it: one whose matches need
        # words (the parts read from the pattern, see gatekeys.py) waits until the
        # draft's gate keys hold a word of every part; else one that starts with
        # plain text waits for that text (set and substring tests are far cheaper
        # than a scan that tries every position). The rest run as one combined
        # scan, where they combine.
        # per keyed pattern, its parts as key sets (the Chinese one as _HAN_KEY)
        self.keyed: List[Tuple[List[FrozenSet[str]], SafePattern]] = []
        # each scan's lead (see leads.py), looked for first, and the scan run from where it stands
        self._leads: Dict[str, Optional[LazyPattern]] = {}  # by the source of the pattern
        self._by_key: Dict[str, List[int]] = {}  # the keyed patterns that need a key (by one part)
        self.hinted: List[Tuple[Tuple[str, ...], SafePattern]] = []
        rest = []
        for source in sources:
            parts = derive_all(source) if self.view != "original" else None
            starts = literal_starts(source) if self.view != "original" else None
            if parts:
                needs = [keys | _HAN_KEY if han else keys for keys, han in parts]
                for key in max(needs, key=lambda keys: min(map(len, keys))):  # the most selective part
                    self._by_key.setdefault(key, []).append(len(self.keyed))
                self.keyed.append((needs, compile_pattern(source, spec, "patterns", flags=flags)))
            elif starts:
                self.hinted.append((_heads(starts), compile_pattern(source, spec, "patterns", flags=flags)))
            else:
                rest.append(source)
        combined = "|".join(f"(?:{s})" for s in rest)
        try:
            self.patterns = [SafePattern(combined, flags, owner=spec.id)] if rest else []
        except PatternError:  # inline flags that do not combine: one scan each
            self.patterns = [compile_pattern(s, spec, "patterns", flags=flags) for s in rest]
        folded = self.view != "original"
        for pattern in [p for _, p in self.keyed] + [p for _, p in self.hinted] + self.patterns:
            self._leads[pattern.source] = compiled_lead(pattern.source, folded)
        requires = _string_list(spec.params.get("requires", []), spec.path, spec.line_of("requires"), "requires")
        # substring tests (C-level; cheaper than one alternation scan for a few literals)
        self.requires: Tuple[str, ...] = tuple(r if self.view == "original" else r.casefold() for r in requires)
        # Every required text holds a character no plain draft (see normalize.base_view) has, so
        # a plain draft holds none of them: its original text is plain too, the codes
        # that decoding turned into characters being ASCII ("，" of language.chinese-punctuation)
        self._plain_holds_none = self.view == "original" and bool(self.requires) and not any(
            is_plain(r) for r in self.requires)
        prefilter = spec.params.get("prefilter")
        # case-sensitive, like the original view it usually reads
        self.prefilter: Optional[SafePattern] = (
            compile_pattern(prefilter, spec, "prefilter", flags=0) if prefilter is not None else None)
        self._prefilter_lead: Optional[LazyPattern] = (
            compiled_lead(prefilter, folded=False) if prefilter is not None else None)
        self._keys = frozenset().union(*(keys for needs, _ in self.keyed for keys in needs))
        gate = spec.params.get("gate")
        if gate is not None and not isinstance(gate, dict):
            raise RulePackError(spec.path, spec.line_of("gate"),
                                f"rule {spec.id}: 'gate' must be a term set (terms/vocab)")
        # the words the patterns themselves need (a hand-kept list drifts from its patterns);
        # a written `gate:` only where they cannot be read from the patterns
        derived = derive_gate(sources) if self.view != "original" else None
        self.gate: Optional[object] = derived if derived is not None else (
            TermSet(spec, gate, vocabularies, key="gate") if gate is not None else None)
        self.rule = spec.id
        self.keep = context_filter(spec, folded=self.view != "original")

    def _prefiltered(self, text: str) -> bool:
        """Whether the prefilter matches ``text``: searched from where its lead first stands."""
        start = lead_start(self._prefilter_lead, text)
        return start is not None and self.prefilter.search(text, start) is not None  # type: ignore[union-attr]

    def _scan(self, pattern: SafePattern, text: str, heads: Tuple[str, ...] = ()) -> List[Span]:
        """``pattern``'s matches in ``text``, tried where its lead stands (see
        lead_matches), else scanned from where the first of its plain ``heads``
        first stands: no match begins before."""
        lead = self._leads.get(pattern.source)
        if lead is not None:
            return lead_matches(pattern, lead, text)
        start = 0
        if heads:
            starts = [i for i in map(text.find, heads) if i >= 0]
            if not starts:
                return []
            start = min(starts)
        return [m.span() for m in pattern.finditer(text, start) if m.end() > m.start()]

    def term_sets(self) -> List[object]:
        sets: List[object] = [self.gate] if self.gate is not None else []
        if self.keyed:  # the draft must be asked about every word the keyed patterns need
            sets.append(DerivedGate(self._keys - _HAN_KEY, not _HAN_KEY.isdisjoint(self._keys), gated=False))
        return sets

    def required_sets(self) -> FrozenSet[int]:
        # the patterns run only on drafts that hold one of the gate's words
        gate = self.gate
        return frozenset([gate.id]) if gate is not None and gate.gated else frozenset()  # type: ignore[attr-defined]

    def find(self, draft: Draft) -> List[Span]:
        if self._plain_holds_none and draft.base.plain:
            return []
        view = draft.view(self.view)
        text = view.text
        if self.requires and not any(map(text.__contains__, self.requires)):
            return []
        if self.prefilter is not None and not self._prefiltered(text):
            return []
        patterns = self.patterns
        if self.keyed:
            present = draft.gate_keys & self._keys
            if draft.has_han:
                present |= _HAN_KEY
            if present:
                patterns = list(patterns)
                by_key, keyed = self._by_key, self.keyed
                for i in sorted({i for key in present for i in by_key.get(key, ())}):
                    needs, pattern = keyed[i]
                    for keys in needs:
                        if keys.isdisjoint(present):
                            break
                    else:
                        patterns.append(pattern)
        scan = self._scan
        spans = {span for p in patterns for span in scan(p, text)}
        for heads, pattern in self.hinted:
            spans.update(scan(pattern, text, heads))
        return [view.span(s, e) for s, e in sorted(spans) if self.keep(text, s, e)]
