"""Gate keys derived from a pattern: words one of which every match must hold.

A ``pattern`` rule runs only on drafts that can match it (see GateIndex), and
a hand-kept list of the words its patterns need drifts from the patterns (a
bad example that the rule's own matcher finds, but the gate never opens for).
So the words are read from the patterns themselves: in every top-level
alternative, a part that every match must contain — a literal word, or a group
of literal words — standing at the start of a word (the start of the
alternative, or after a space or ``\\b``). A word is its own gate key; a word
written as a stem (``возвраща\\w+``) gates on its first six (or four) letters,
the prefix keys of matchers/base.py. Chinese literals open the gate of any
draft with Chinese characters. When some alternative has no such part, no key
is derived and the rule runs on every draft.

Patterns are read as word-initial at their start: a pattern meant to match
inside a word says so with ``\\w*`` in front.
"""
from __future__ import annotations

from typing import Dict, FrozenSet, List, Optional, Tuple

from .base import PREFIXES


def group_end(source: str, i: int) -> int:
    """Where the group opened at ``i`` of a pattern's source closes (its ")"), or
    ``len(source)`` or beyond when it does not; escapes and classes are skipped."""
    depth, j, n = 0, i, len(source)
    while j < n:
        c = source[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            while j < n and source[j] != "]":
                j += 2 if source[j] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                break
        j += 1
    return j


# Items after which a word starts, and items that end a word (see _items for their form).
_SPACE_ITEMS = ("\\s", " ", "\\W", "\\b")

# How a group's source ends when it always ends with a space.
_SPACE_ENDS = ("\\s+", "\\s", " ")

Keys = Tuple[FrozenSet[str], bool]  # (gate keys, whether Chinese text opens it)


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _items(source: str) -> Optional[List[Tuple[str, str, bool, bool]]]:
    """The sequence ``source`` as (kind, text, optional, once) items; None when it cannot be read.

    kinds: ``lit`` (one literal character), ``group`` (inner source), ``look``
    (a look-around: matches nothing), ``other`` (escapes, classes, dots …);
    ``once``: not repeated (no ``+``, ``*`` or ``{n,m}`` after it)."""
    items: List[Tuple[str, str, bool, bool]] = []
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            escaped = source[i + 1:i + 2]
            # \s, \w, \d, \b …: a class or an anchor; \. \- \+: the character itself
            kind, text = ("other", "\\" + escaped) if escaped.isalnum() else ("lit", escaped)
            i += 2
        elif ch == "[":
            j = i + 1
            if source[j:j + 1] == "^":
                j += 1
            if source[j:j + 1] == "]":
                j += 1
            while j < n and source[j] != "]":
                j += 2 if source[j] == "\\" else 1
            kind, text, i = "other", source[i:j + 1], j + 1
        elif ch == "(":
            j = group_end(source, i)
            if j >= n:
                return None
            inner = source[i + 1:j]
            if inner.startswith(("?=", "?!", "?<=", "?<!")):
                kind, text = "look", inner
            elif inner.startswith("?:"):
                kind, text = "group", inner[2:]
            elif inner.startswith("?"):
                return None  # inline flags, named or atomic groups: not read
            else:
                kind, text = "group", inner
            i = j + 1
        elif ch in ".^$":
            kind, text, i = "other", ch, i + 1
        elif ch in "*+?{|)":
            return None  # a quantifier with nothing before it, or an unbalanced bracket
        else:
            kind, text, i = "lit", ch, i + 1
        optional, once = False, True
        if i < n and source[i] in "?*":
            optional, once, i = True, source[i] == "?", i + 1
        elif i < n and source[i] == "{":
            close = source.find("}", i)
            if close < 0:
                return None
            optional = source[i + 1:close].split(",")[0].strip() in ("", "0")
            once = source[i + 1:close].strip() in ("0,1", "1", "1,1")
            i = close + 1
        elif i < n and source[i] == "+":
            once, i = False, i + 1
        else:
            items.append((kind, text, optional, once))
            continue
        if i < n and source[i] in "?+":
            i += 1  # lazy or possessive
        items.append((kind, text, optional, once))
    return items


def _word_key(word: str, stem: bool) -> Optional[str]:
    if not stem:
        return word
    for mark, size in reversed(PREFIXES):
        if len(word) >= size:
            return mark + word[:size]
    return None


def derive(source: str, ends: bool = False, literal: bool = False) -> Optional[Keys]:
    """(keys, han) one of which every match of ``source`` needs, or None.
    ``ends``: a word ends where a match ends (the pattern says so after the group
    ``source`` is the inside of), so a word last in an alternative is whole.
    ``literal``: the keys are the letters as written, a stem of any length too (a text
    holds them wherever a match stands; no prefix keys)."""
    from .pattern import _split_top

    alternatives = _split_top(source)
    if alternatives is None:
        return None
    keys: set = set()
    han = False
    for alternative in alternatives:
        found = _branch(alternative, ends, literal)
        if found is None:
            return None
        keys |= found[0]
        han = han or found[1]
    return frozenset(keys), han


def _common(keys: FrozenSet[str]) -> bool:
    """Whether one of ``keys`` (words, prefix keys, or literal letters) is one that nearly
    every seller reply holds (the list term sets choose their keys by, terms._COMMON_KEYS:
    "ozon", "по", the prefix key of "карта" …), itself or as the word of a prefix key (the
    prefix key of "ozon", which "(?:озон|ozon)" at a pattern's end gates on)."""
    from .terms import _COMMON_KEYS

    return any(key in _COMMON_KEYS or key.lstrip("\x01\x02") in _COMMON_KEYS for key in keys)


def _branch(source: str, ends: bool = False, literal: bool = False) -> Optional[Keys]:
    """The most selective part of one alternative: one without a common key (see _common;
    offplatform.return-outside's pattern for a return "без озон/ozon", gated on "ozon", ran
    on a fifth of clean replies) where it has one, and of those, the one with the longest
    shortest key. (Any part will do: every match holds each.)"""
    parts = _parts(source, ends, literal)
    if parts is None:
        return None
    best: Optional[Keys] = None
    best_rank = (False, 0)
    for keys, size in parts:
        rank = (not _common(keys[0]), size)
        if rank > best_rank and size:
            best, best_rank = keys, rank
    return best


def _parts(source: str, ends: bool = False, literal: bool = False) -> Optional[List[Tuple[Keys, int]]]:
    """Every part that each match of ``source`` (one alternative) must hold, in
    order, with its size (the length of its shortest key); ``ends`` and ``literal`` as in derive."""
    items = _items(source)
    if items is None:
        return None
    parts: List[Tuple[Keys, int]] = []
    word_start = True
    i = 0
    while i < len(items):
        kind, text, optional, _ = items[i]
        if kind == "look":
            i += 1
            continue
        if kind == "lit" and not optional and word_start and (text.isalnum() or _is_han(text)):
            j = i
            word = ""
            while j < len(items) and items[j][0] == "lit" and not items[j][2] and items[j][1].isalnum():
                word += items[j][1]
                j += 1
                if not items[j - 1][3]:
                    break  # "ааа+": the word may go on with more of its last letter
            # the word ends where the pattern says a non-letter follows; else it may go on (a stem)
            whole = items[j - 1][3] and _word_ends(items, j, ends)
            if any(_is_han(c) for c in word):
                parts.append(((frozenset(), True), 1))
            else:
                key = word.casefold() if literal else _word_key(word.casefold(), not whole)
                if key is not None:
                    parts.append(((frozenset([key]), False), len(key.lstrip("\x01\x02"))))
            i = j
            word_start = False
            continue
        if kind == "group" and not optional and word_start:
            # "(?:передайте|отдайте)\\s+": the words end with the group ("передайте", not every "передан…")
            inner = derive(text, items[i][3] and _word_ends(items, i + 1, ends), literal)
            if inner is not None and (inner[0] or inner[1]):
                parts.append((inner, min((len(k.lstrip("\x01\x02")) for k in inner[0]), default=1)))
        if kind == "group" and text.endswith(_SPACE_ENDS):
            # "(?:\\w+\\s+){0,3}": a word starts after it, and after nothing if it is absent
            word_start = word_start or not optional
        else:
            word_start = not optional and (kind == "other" and text in _SPACE_ITEMS or kind == "lit" and text == " ")
        i += 1
    return parts


def _word_ends(items: List[Tuple[str, str, bool, bool]], j: int, ends: bool) -> bool:
    """Whether a word ends before ``items[j]``: a non-letter that is not optional
    follows (or nothing follows, and a word ends where ``items`` end: ``ends``)."""
    if j >= len(items):
        return ends
    kind, text, optional, _ = items[j]
    return not optional and (kind == "other" and text in _SPACE_ITEMS or kind == "lit" and not text.isalnum())


def derive_all(source: str) -> Optional[List[Keys]]:
    """Parts every match of ``source`` must hold, all of them (each a choice of
    keys, see ``derive``); None when not even one part can be read."""
    from .pattern import _split_top

    alternatives = _split_top(source)
    if alternatives is None:
        return None
    if len(alternatives) > 1:
        one = derive(source)
        return [one] if one is not None and (one[0] or one[1]) else None
    parts = _parts(source)
    return [keys for keys, _ in parts] or None if parts is not None else None


class DerivedGate:
    """A pattern rule's gate from its own patterns: the shape GateIndex reads from a term set."""

    symbols: Tuple[str, ...] = ()
    han_first_chars = None  # its Chinese literals are not listed: any Chinese opens it (see GateIndex)

    def __init__(self, keys: FrozenSet[str], han: bool, gated: bool = True) -> None:
        self.id = -1  # numbered by the Linter with the term sets
        self.gated = gated  # False: the words are only asked about, the rule runs on every draft
        self.keys = keys
        self.lookup_keys = keys
        self.has_han_terms = han

    def gate_words(self) -> Tuple[Dict[str, tuple], Dict[str, tuple]]:
        """Nothing: a pattern's stem ("возвраща\\w+") may go on with any letters, so every
        word of its prefix key opens the gate, and on its own (see GateIndex._words_of)."""
        return {}, {}


def derive_gate(sources: List[str]) -> Optional[DerivedGate]:
    """The gate of a rule whose matches come from ``sources`` (None: some pattern needs no word)."""
    keys: set = set()
    han = False
    for source in sources:
        found = derive(source)
        if found is None or not (found[0] or found[1]):
            return None
        keys |= found[0]
        han = han or found[1]
    return DerivedGate(frozenset(keys), han)
