"""Regular expressions written by users: validated, bounded and run under a time budget.

Rule packs and configuration files come from users, and a pattern from one
can backtrack for minutes (``(a+)+b``) or, with a huge repeat count
(``a{1000000000}``), take gigabytes just to compile. Every such pattern goes
through :class:`SafePattern` — the patterns of every rule kind, the context
filters, prefilters, script names and the configuration's placeholders — so
there is exactly one path from user text to a regex engine:

* the source is checked before it reaches the engine (length, repeat counts
  and their products along nested groups), and any compile failure, recursion
  or overflow included, is a :class:`PatternError` with a one-line reason;
* every search runs under ``PATTERN_TIMEOUT`` seconds (``regex``'s own
  time-out) and a time-out is a :class:`PatternTimeout` naming the owner (a
  rule id), which the engine reports as "not verified", never as clean.
"""
from __future__ import annotations

import os
from typing import Callable, Iterator, List, Optional, Union

import regex

from .lazyre import make, seen

# Seconds one pattern may spend on one text; OZONLINT_PATTERN_TIMEOUT changes it.
PATTERN_TIMEOUT = float(os.environ.get("OZONLINT_PATTERN_TIMEOUT", "1.0"))
MAX_SOURCE_CHARS = 100_000
# A counted repeat larger than this, or nested counted repeats whose product is
# larger, is refused: the engine expands them when compiling.
MAX_REPEAT = 1_000
MAX_REPEAT_PRODUCT = 10_000


class PatternError(ValueError):
    """A pattern that cannot be used; ``str(exc)`` is the reason."""


class PatternTimeout(Exception):
    """A pattern ran out of its time budget on one text."""

    def __init__(self, owner: str) -> None:
        super().__init__(owner)
        self.rule = owner


def _repeat_bound(source: str, start: int) -> Optional[tuple]:
    """(end, largest count) of a counted repeat ``{n}``, ``{n,}``, ``{,m}``, ``{n,m}`` at ``start``."""
    close = source.find("}", start)
    if close < 0:
        return None
    body = source[start + 1:close]
    low, comma, high = body.partition(",")
    low, high = low.strip(), high.strip()
    if not (low.isdigit() or (comma and not low)) or not (high.isdigit() or not high):
        return None  # a literal brace, not a repeat
    if not low and not high:
        return None
    numbers = [int(x) for x in (low, high) if x]
    return close + 1, max(numbers)


def check_source(source: str) -> None:
    """Refuse a pattern source that is too long or repeats too much (before compiling it)."""
    if not isinstance(source, str):
        raise PatternError(f"a pattern must be text, not {type(source).__name__}")
    if len(source) > MAX_SOURCE_CHARS:
        raise PatternError(f"pattern is longer than {MAX_SOURCE_CHARS} characters")
    # per open group: the largest product of counted repeats nested inside it so far
    inner: List[int] = [1]
    last_group: Optional[int] = None  # that product for a group that just closed
    i, n = 0, len(source)
    in_class = False
    while i < n:
        ch = source[i]
        if ch == "\\":
            i += 2
            last_group = None
            continue
        if in_class:
            if ch == "]":
                in_class = False
            i += 1
            continue
        if ch == "[":
            in_class = True
            # a "]" right after "[" or "[^" is a literal
            if source[i + 1:i + 2] == "]":
                i += 1
            elif source[i + 1:i + 3] == "^]":
                i += 2
            last_group = None
        elif ch == "(":
            inner.append(1)
            last_group = None
        elif ch == ")" and len(inner) > 1:
            last_group = inner.pop()
            inner[-1] = max(inner[-1], last_group)
            i += 1
            continue
        elif ch == "{":
            bound = _repeat_bound(source, i)
            if bound is not None:
                end, count = bound
                if count > MAX_REPEAT:
                    raise PatternError(f"repeat count {count} is larger than {MAX_REPEAT}")
                product = (last_group or 1) * max(count, 1)
                if product > MAX_REPEAT_PRODUCT:
                    raise PatternError(f"nested repeat counts multiply to {product}, more than {MAX_REPEAT_PRODUCT}")
                inner[-1] = max(inner[-1], product)
                i = end
                last_group = None
                continue
        else:
            last_group = None
        i += 1


class SafePattern:
    """A user's pattern, compiled at once (so errors surface at load time), that
    pickles as its source and runs every search under the time budget."""

    __slots__ = ("source", "flags", "owner", "_compiled")

    def __init__(self, source: str, flags: int = 0, owner: str = "pattern") -> None:
        check_source(source)
        self.source = source
        self.flags = flags | regex.VERSION1
        self.owner = owner
        self._compiled = _compile(source, self.flags)
        seen("regex", source, self.flags)  # its compiled form goes into the compiled-rules cache

    def __getstate__(self) -> tuple:
        return (self.source, self.flags, self.owner)

    def __setstate__(self, state: tuple) -> None:
        self.source, self.flags, self.owner = state
        self._compiled = None

    def __repr__(self) -> str:
        return f"SafePattern({self.source!r})"

    @property
    def pattern(self) -> "regex.Pattern[str]":
        compiled = self._compiled
        if compiled is None:  # after unpickling; a race compiles it twice, to equal patterns
            compiled = self._compiled = _compile(self.source, self.flags)
        return compiled

    # The time-out goes to regex by position. As a keyword it cost 2 µs a call
    # (regex parses keywords slowly), more than scanning a short reply; the
    # positions -- search/match (string, pos, endpos, concurrent, partial,
    # timeout), finditer (string, pos, endpos, overlapped, concurrent, partial,
    # timeout) -- are the same in every regex release from the floor in
    # pyproject.toml on, and test_safepattern checks that each call still times out.

    def search(self, text: str, pos: int = 0, endpos: Optional[int] = None) -> Optional["regex.Match[str]"]:
        try:
            return self.pattern.search(text, pos, endpos, None, False, PATTERN_TIMEOUT)
        except TimeoutError:  # regex's time-out (an OSError: never let it look like an I/O failure)
            raise PatternTimeout(self.owner) from None

    def match(self, text: str, pos: int = 0, endpos: Optional[int] = None) -> Optional["regex.Match[str]"]:
        try:
            return self.pattern.match(text, pos, endpos, None, False, PATTERN_TIMEOUT)
        except TimeoutError:
            raise PatternTimeout(self.owner) from None

    def finditer(self, text: str, pos: int = 0, endpos: Optional[int] = None) -> Iterator["regex.Match[str]"]:
        """All matches, found under one budget (a list's iterator: the budget ends here)."""
        try:
            return iter(list(self.pattern.finditer(text, pos, endpos, False, None, False, PATTERN_TIMEOUT)))
        except TimeoutError:
            raise PatternTimeout(self.owner) from None

    def sub(self, repl: Union[str, Callable[["regex.Match[str]"], str]], text: str) -> str:
        try:
            return self.pattern.sub(repl, text, timeout=PATTERN_TIMEOUT)
        except TimeoutError:
            raise PatternTimeout(self.owner) from None


def _compile(source: str, flags: int) -> "regex.Pattern[str]":
    try:
        return make("regex", source, flags)  # from its cached compiled form when there is one
    except (regex.error, TypeError, ValueError, RecursionError, OverflowError, MemoryError) as exc:
        reason = str(exc) or type(exc).__name__
        if isinstance(exc, RecursionError):
            reason = "nested too deeply"
        elif isinstance(exc, (OverflowError, MemoryError)):
            reason = "too large"
        raise PatternError(reason) from None
