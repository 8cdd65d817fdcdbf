"""Regular expressions compiled on first use, and picklable without their compiled form.

The ``regex`` module compiles in Python, slowly: compiling every pattern of
the package at import time cost more than starting the interpreter. A
``LazyPattern`` compiles when first used (a race between threads only
compiles it twice; both results are equal), and pickles as its source, so a
cached compiled rule set loads without compiling anything.

Compiling on first use still cost the first check of every process about
6 ms (two dozen patterns, parsed in Python). So the compiled-rules cache also
keeps each pattern's *compiled form* (see ``compiled_forms``; pickled on its
own): for ``regex`` its own pickle, which holds the engine's code; for ``re``,
the arguments ``re.compile`` hands to its C engine, kept only where they make
a pattern equal to ``re.compile``'s. A new process loads them (``preload``) and makes a
pattern from its form without parsing it. A form is the same pattern by
construction, and the cache's key names the Python and ``regex`` versions
that made it.
"""
from __future__ import annotations

import re
from typing import Any, Dict, Optional, Set, Tuple

import regex

_ENGINES = {"regex": regex, "re": re}

Key = Tuple[str, str, int]  # (engine, source, flags)
# Every pattern source this process has made a LazyPattern or a SafePattern of
# (sources, not objects: nothing is kept alive), for compiled_forms; at most
# MAX_SEEN, so that a process that builds Linters from many users' packs stays
# bounded (the package's own patterns are noted first, as it is imported).
_SEEN: Set[Key] = set()
MAX_SEEN = 4096
# Compiled forms loaded from the cache (see preload), and those worked out here.
_READY: Dict[Key, bytes] = {}
_FORMS: Dict[Key, Optional[bytes]] = {}


def _key(engine: str, source: str, flags: int) -> Key:
    if engine == "regex" and not flags & (regex.VERSION0 | regex.VERSION1):
        flags |= regex.DEFAULT_VERSION  # what regex.compile would use: a form is made under one version
    return engine, source, flags


def seen(engine: str, source: str, flags: int) -> None:
    """Note a pattern for compiled_forms (SafePattern's, which compiles at once)."""
    if len(_SEEN) < MAX_SEEN:
        _SEEN.add(_key(engine, source, flags))


def make(engine: str, source: str, flags: int) -> Any:
    """The compiled pattern: from its form when one was preloaded, else compiled."""
    form = _READY.get(_key(engine, source, flags))
    if form is not None:
        try:
            return _from_form(engine, form)
        except Exception:  # a form this engine does not take: compile as usual
            pass
    return _ENGINES[engine].compile(source, flags)


def _from_form(engine: str, form: bytes) -> Any:
    from .cache import unpickle_bytes

    made = unpickle_bytes(form)  # each form is pickled on its own: the cache loads 300 of them as plain bytes
    if engine == "regex":
        return made  # regex's own pickle: its code, not its source
    import _sre

    return _sre.compile(*made)


def _re_form(source: str, flags: int) -> Optional[tuple]:
    """What ``re.compile`` hands to ``_sre.compile`` for this pattern; None when
    it cannot be worked out here, or does not make an equal pattern."""
    try:
        try:
            from re import _compiler, _parser  # type: ignore[attr-defined]
        except ImportError:  # Python < 3.11
            import sre_compile as _compiler  # type: ignore[no-redef]
            import sre_parse as _parser  # type: ignore[no-redef]
        import _sre

        parsed = _parser.parse(source, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, number in groupindex.items():
            indexgroup[number] = name
        code = [int(op) for op in _compiler._code(parsed, flags)]  # plain ints: opcodes are named ints
        form = (source, flags | parsed.state.flags, code,
                parsed.state.groups - 1, groupindex, tuple(indexgroup))
        made, expected = _sre.compile(*form), re.compile(source, flags)
        # equal patterns have the same source, flags and code
        if made == expected and made.groupindex == expected.groupindex and made.groups == expected.groups:
            return form
    except Exception:
        pass
    return None


def _form(key: Key) -> Optional[bytes]:
    if key not in _FORMS:
        import pickle

        engine, source, flags = key
        form = None
        try:
            # regex's pattern pickles as its code; re's as its source, so re's is the arguments to _sre
            made = regex.compile(source, flags) if engine == "regex" else _re_form(source, flags)
            if made is not None:
                form = pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # a pattern that does not compile or pickle: compiled when used, as ever
            form = None
        _FORMS[key] = form
    return _FORMS[key]


def compiled_forms() -> Dict[Key, bytes]:
    """The compiled form of every pattern this process has seen (compiling the
    ones not yet used: this runs when the rules are compiled and cached, once)."""
    found = dict(_READY)
    for key in list(_SEEN):
        form = found.get(key)
        if form is None:
            form = _form(key)
            if form is not None:
                found[key] = form
    return found


def preload(forms: Dict[Key, bytes]) -> None:
    """Make patterns from these compiled forms from now on (see compiled_forms)."""
    _READY.update(forms)


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
        seen(engine, source, flags)
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
            pattern = self._bind(make(self.engine, self.source, self.flags))
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
