"""Regular expressions compiled on first use, and picklable without their compiled form.

The ``regex`` module compiles in Python, slowly: compiling every pattern of
the package at import time cost more than starting the interpreter. A
``LazyPattern`` compiles when first used (a race between threads only
compiles it twice; both results are equal), and pickles as its source, so a
cached compiled rule set loads without compiling anything.
"""
from __future__ import annotations

import re
from typing import Any, Optional

import regex

_ENGINES = {"regex": regex, "re": re}


class LazyPattern:
    """A compiled-on-demand pattern: attribute access is the compiled pattern's.

    Once compiled, the pattern's methods are copied onto the instance, so a
    hot loop pays for the indirection only once."""

    def __init__(self, source: str, flags: int = 0, engine: str = "regex",
                 compiled: Optional[Any] = None) -> None:
        self.source = source
        self.flags = flags
        self.engine = engine
        self._compiled = None
        if compiled is not None:
            self._bind(compiled)

    def _bind(self, pattern: Any) -> Any:
        for name in _METHODS:
            setattr(self, name, getattr(pattern, name))
        self._compiled = pattern
        return pattern

    def compiled(self) -> Any:
        pattern = self._compiled
        if pattern is None:
            pattern = self._bind(_ENGINES[self.engine].compile(self.source, self.flags))
        return pattern

    def __getattr__(self, name: str) -> Any:  # only reached before the first compile
        if name.startswith("__") or name in ("source", "flags", "engine", "_compiled"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __getstate__(self) -> tuple:
        return (self.source, self.flags, self.engine)

    def __setstate__(self, state: tuple) -> None:
        self.source, self.flags, self.engine = state
        self._compiled = None

    def __repr__(self) -> str:
        return f"LazyPattern({self.source!r})"


_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


def lazy(source: str, flags: int = 0) -> LazyPattern:
    """A ``regex``-module pattern compiled on first use."""
    return LazyPattern(source, flags, "regex")


def lazy_re(source: str, flags: int = 0) -> LazyPattern:
    """A standard-library ``re`` pattern compiled on first use (faster for plain classes)."""
    return LazyPattern(source, flags, "re")
