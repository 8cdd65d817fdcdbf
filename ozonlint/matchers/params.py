"""What a rule kind takes: each kind declares its parameters, and the loader validates from that.

A kind's module lists its parameters (``PARAMS`` on its Matcher class): name,
type, default and what it does. The pack loader accepts exactly those keys
(no key is accepted and then ignored) and checks each value's type before the
kind's constructor sees it; the constructor checks what only it knows (a
vocabulary's name, a pattern's syntax). ``ozonlint kinds`` and the README's
rule-pack section read the same declarations.
"""
from __future__ import annotations

from typing import Any, Optional, Tuple


class Param:
    """One parameter of a rule kind."""

    __slots__ = ("name", "type", "default", "doc", "choices")

    # value types: text, texts (a string or a list of strings), int, number,
    # bool, choice (one of ``choices``), term-set (a mapping: terms/vocab/…),
    # term-sets (a list of such mappings)
    TYPES = ("text", "texts", "int", "number", "bool", "choice", "term-set", "term-sets")

    def __init__(self, name: str, type: str, default: Any = None, doc: str = "",
                 choices: Tuple[str, ...] = ()) -> None:
        assert type in self.TYPES, type
        self.name = name
        self.type = type
        self.default = default
        self.doc = doc
        self.choices = choices

    def __repr__(self) -> str:
        return f"Param({self.name!r}, {self.type!r})"

    def problem(self, value: Any) -> Optional[str]:
        """Why ``value`` is not a value of this parameter (None: it is)."""
        t = self.type
        if t == "text":
            ok = isinstance(value, str) and value != ""
            want = "text"
        elif t == "texts":
            ok = isinstance(value, str) or isinstance(value, list) and all(isinstance(v, str) for v in value)
            want = "a list of strings"
            others = [v for v in value if not isinstance(v, (str, bool))] if isinstance(value, list) else []
            if others:
                return f"'{self.name}': {others[0]!r} is not text; quote it"
            booleans = [v for v in value if isinstance(v, bool)] if isinstance(value, list) else []
            if booleans:
                return (f"'{self.name}': {booleans[0]!r} was read as a YAML boolean; "
                        "quote the word (e.g. \"no\", \"on\")")
        elif t == "int":
            ok = isinstance(value, int) and not isinstance(value, bool)
            want = "a whole number"
        elif t == "number":
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            want = "a number"
        elif t == "bool":
            ok = isinstance(value, bool)
            want = "true or false"
        elif t == "choice":
            ok = value in self.choices
            want = f"one of {', '.join(self.choices)}"
        elif t == "term-set":
            ok = isinstance(value, dict)
            want = "a term set (a mapping with terms/vocab)"
        else:  # term-sets
            ok = isinstance(value, list) and all(isinstance(v, dict) for v in value)
            want = "a list of term sets"
        return None if ok else f"'{self.name}' must be {want}"


# Groups several kinds share.
TERM_SET = (
    Param("terms", "texts", [], "Words and phrases; Russian words of 4+ letters match their inflected forms."),
    Param("vocab", "texts", [], "Names of shared vocabularies (rules/vocab/) whose terms are added."),
    Param("patterns", "texts", [], "Raw regex-module patterns, matched on the words view, under a time budget."),
    Param("inflect", "bool", True, "Match Russian inflections of the terms."),
)
NEGATION = (
    Param("negation", "term-set", None, "Cues before a hit that turn it around, within negation_window words."),
    Param("negation_after", "term-set", None, "Cues after a hit that turn it around."),
    Param("negation_sentence", "term-set", None, "Cues anywhere earlier in the sentence (not past a turn: 'но')."),
    Param("negation_window", "int", 4, "Words between a negation cue and the hit (0-50)."),
)
CONTEXT = (
    Param("unless_preceded_by", "texts", [], "Drop a hit when one of these patterns ends right before it."),
    Param("unless_followed_by", "texts", [], "Drop a hit when one of these patterns starts right after it."),
    Param("preceded_by", "texts", [], "Keep a hit only when one of these patterns ends right before it (or follows)."),
    Param("followed_by", "texts", [], "Keep a hit only when one of these starts right after it (or precedes)."),
)
NEGATION_KEYS = frozenset(p.name for p in NEGATION)
