"""Rule kind ``pattern``: raw ``regex``-module patterns, each run under a time budget.

Patterns run on the ``base`` view by default (case-folded, look-alikes folded,
so write them in lower case), on ``words`` (spaced letters joined, leetspeak
undone) or on ``original`` (the text as written, e.g. to see capitals).
"""
from __future__ import annotations

import re
from typing import Dict, FrozenSet, List, Optional, Tuple

import regex

from ..lazyre import LazyPattern, lazy_re
from ..rulepack import RulePackError, RuleSpec, _string_list
from ..safepattern import PatternError, SafePattern
from .base import Draft, Matcher, Span, compile_pattern, context_filter, search_with_budget
from .gatekeys import DerivedGate, derive_all, derive_gate
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


# A character class of plain characters and ranges (no escapes, nested sets or
# set operations: std re and regex read it alike), its count, and what follows.
_PLAIN_CLASS_RUN = re.compile(r"\[(?!\^)((?:[^\\\[\]&|~-]|(?<!-)-(?!-))+)\](?:\{(\d+)(?:,\d*)?\}|(\+))?")
_INLINE_FLAG = re.compile(r"\(\?[a-zA-Z^]")


def class_run_head(source: str) -> Optional[str]:
    """A std-re pattern every match of case-sensitive ``source`` begins with,
    when ``source`` begins with a run of a plain character class
    (``[A-ZА-ЯЁ]{3}…`` -> ``[A-ZА-ЯЁ]{3}``); else None."""
    m = _PLAIN_CLASS_RUN.match(source)
    if m is None or _INLINE_FLAG.search(source) or len(_split_top(source) or ()) != 1:
        return None
    if not (m.group(2) or m.group(3)) and source[m.end():m.end() + 1] in ("?", "*", "{"):
        return None  # the class may be absent: "[A-Z]?x", "[A-Z]*x", "[A-Z]{,3}x"
    count = int(m.group(2)) if m.group(2) else 1
    if count < 1 or count > 100:
        return None
    return f"[{m.group(1)}]" * min(count, 8) + (f"[{m.group(1)}]{{{count - 8}}}" if count > 8 else "")  # (written out: std re scans that faster than a counted repeat)


def _heads(starts: List[str]) -> Tuple[str, ...]:
    # the views patterns read here are case-folded: a match begins with the folded text
    return tuple(sorted({h.casefold() for h in starts}))


def _matches_at_heads(pattern: SafePattern, text: str, heads: Tuple[str, ...]) -> List[Span]:
    """The spans ``pattern.finditer(text)`` finds, for a pattern every match of
    which begins with one of ``heads`` (see literal_starts): tried only where a
    head stands (found by str.find), in order, each from the end of the last
    match on, as finditer goes; a match elsewhere cannot be. (A scan tries every
    position of the draft, and a regex alternation of words has no fast skip.)"""
    starts = set()
    for head in heads:
        i = text.find(head)
        while i != -1:
            starts.add(i)
            i = text.find(head, i + 1)
    spans: List[Span] = []
    done = 0
    for start in sorted(starts):
        if start < done:
            continue
        m = pattern.match(text, start)
        if m is not None:  # it holds its head: never empty
            spans.append(m.span())
            done = m.end()
    return spans


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
        self._heads: Dict[int, Tuple[str, ...]] = {}  # a keyed pattern's plain starts (see literal_starts)
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
                if starts:
                    self._heads[len(self.keyed)] = _heads(starts)
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
        requires = _string_list(spec.params.get("requires", []), spec.path, spec.line_of("requires"), "requires")
        # substring tests (C-level; cheaper than one alternation scan for a few literals)
        self.requires: Tuple[str, ...] = tuple(r if self.view == "original" else r.casefold() for r in requires)
        prefilter = spec.params.get("prefilter")
        # case-sensitive, like the original view it usually reads
        self.prefilter: Optional[SafePattern] = (
            compile_pattern(prefilter, spec, "prefilter", flags=0) if prefilter is not None else None)
        head = class_run_head(prefilter) if prefilter is not None else None
        self._prefilter_head: Optional[LazyPattern] = lazy_re(head) if head is not None else None
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
        self.keep = context_filter(spec)

    def _prefiltered(self, text: str) -> bool:
        """Whether the prefilter matches ``text``: searched from where the run of
        characters it starts with first stands, when std re can find that run (a
        fast scan; a ``regex`` search tries every position of the draft)."""
        head = self._prefilter_head
        start = 0
        if head is not None:
            found = head.search(text)
            if found is None:
                return False
            start = found.start()
        return self.prefilter.search(text, start) is not None  # type: ignore[union-attr]

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
        view = draft.view(self.view)
        text = view.text
        if self.requires and not any(map(text.__contains__, self.requires)):
            return []
        if self.prefilter is not None and not self._prefiltered(text):
            return []
        patterns = self.patterns
        # a pattern that starts with plain words is tried where they stand, not at every position
        anchored: List[Tuple[Tuple[str, ...], SafePattern]] = []
        if self.keyed:
            present = draft.gate_keys & self._keys
            if draft.has_han:
                present |= _HAN_KEY
            if present:
                patterns = list(patterns)
                by_key, keyed, heads = self._by_key, self.keyed, self._heads
                for i in sorted({i for key in present for i in by_key.get(key, ())}):
                    needs, pattern = keyed[i]
                    for keys in needs:
                        if keys.isdisjoint(present):
                            break
                    else:
                        if i in heads:
                            anchored.append((heads[i], pattern))
                        else:
                            patterns.append(pattern)
        if self.hinted:
            anchored += self.hinted
        spans = {m.span() for p in patterns for m in search_with_budget(p, text, self.rule)
                 if m.end() > m.start()}
        for heads_of, pattern in anchored:
            spans.update(_matches_at_heads(pattern, text, heads_of))
        return [view.span(s, e) for s, e in sorted(spans) if self.keep(text, s, e)]
