"""Find, read, merge and validate configuration: ``.ozonlint.yaml`` or ``[tool.ozonlint]``.

The configuration of a file is the nearest one found walking up from the
file's folder (``.ozonlint.yaml``, ``.ozonlint.yml``, or a ``pyproject.toml``
with a ``[tool.ozonlint]`` table). The walk stops at the repository root (a
folder holding ``.git``), so a configuration planted above the repository,
in a shared folder such as the system's temporary folder, is never found.
``extends`` names another configuration whose values this one overrides.
Paths inside a configuration are relative to the file that holds them.
Command-line flags override the configuration.

A configuration that someone else could have written is refused, never
obeyed: a file owned by another user (root excepted), or a file or folder
that others may write to. An unknown key or a wrong value is a
:class:`ConfigError` naming the file and the key — but never quoting the
file's content, since ``extends`` or ``rules`` may name a file that is not a
configuration at all.
"""
from __future__ import annotations

import fnmatch
import os
import stat
from typing import Any, Dict, List, Optional, Tuple

from .model import LANGUAGES

CONFIG_NAMES = (".ozonlint.yaml", ".ozonlint.yml")

_LIST_KEYS = {"rules", "select", "ignore", "extend-select", "allow", "placeholders", "exclude",
              "suffixes", "extend-suffixes"}
_KEYS = _LIST_KEYS | {"extends", "severity", "lang", "fail-on", "csv-column", "per-file-ignores",
                      "baseline", "template-mode", "min-severity"}


class ConfigError(Exception):
    """An invalid configuration: ``path: key: reason``."""

    def __init__(self, path: str, key: Optional[str], reason: str) -> None:
        self.path = path
        self.key = key
        self.reason = reason
        super().__init__(f"{path}: {key}: {reason}" if key else f"{path}: {reason}")


class Config:
    """Merged settings for the files below one configuration file."""

    def __init__(self, path: Optional[str] = None, values: Optional[Dict[str, Any]] = None) -> None:
        self.path = path                      # the file it came from (None: defaults)
        self.root = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
        self.values: Dict[str, Any] = values or {}

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def linter_key(self) -> Tuple:
        """What decides the compiled Linter (files sharing it share one Linter)."""
        v = self.values
        return (tuple(v.get("rules", [])), tuple(v.get("select", [])), tuple(v.get("ignore", [])),
                tuple(v.get("extend-select", [])), tuple(sorted(v.get("severity", {}).items())),
                tuple(v.get("allow", [])), v.get("lang"))

    def relative(self, path: str) -> str:
        return os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")

    def excluded(self, path: str) -> bool:
        rel = self.relative(path)
        return any(_glob_match(rel, pattern) for pattern in self.get("exclude", []))

    def ignored_for(self, path: str) -> List[str]:
        rel = self.relative(path)
        found: List[str] = []
        for pattern, selectors in self.get("per-file-ignores", {}).items():
            if _glob_match(rel, pattern):
                found.extend(selectors)
        return found


def glob_match(rel: str, pattern: str) -> bool:
    """Whether a path relative to a configuration's folder matches an exclude glob."""
    return _glob_match(rel, pattern)


def _glob_match(rel: str, pattern: str) -> bool:
    pattern = pattern.strip("/")
    return (fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(rel), pattern)
            or rel.startswith(pattern.rstrip("*").rstrip("/") + "/") and pattern.endswith(("/", "**", "/*")))


def _refusal(path: str) -> Optional[str]:
    """Why a configuration file must not be trusted (None: it may be read).

    Others must not be able to have written it: it is owned by the user or
    root, and neither it nor its folder is writable by group or others."""
    if not hasattr(os, "getuid"):
        return None
    uid = os.getuid()
    try:
        own = os.stat(path)
        folder = os.stat(os.path.dirname(os.path.abspath(path)))
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    if own.st_uid not in (uid, 0):
        return f"refused: owned by another user (uid {own.st_uid}); use --config or --no-config"
    if _others_may_write(own):
        return "refused: other users may write to it (chmod go-w); use --config or --no-config"
    if _others_may_write(folder) or folder.st_uid not in (uid, 0):
        return ("refused: it is in a folder other users may write to, so anyone could have put it there; "
                "use --config or --no-config")
    return None


def _others_may_write(st: os.stat_result) -> bool:
    """Writable by all, or by a group that is not the user's own (a private group is the user)."""
    return bool(st.st_mode & stat.S_IWOTH or st.st_mode & stat.S_IWGRP and st.st_gid != os.getgid())


def _read(path: str) -> Optional[Dict[str, Any]]:
    """The raw table of a configuration file (None: a pyproject.toml without [tool.ozonlint])."""
    if os.path.basename(path) == "pyproject.toml":
        try:
            import tomllib  # type: ignore[import-not-found]
        except ImportError:  # Python < 3.11
            import tomli as tomllib  # type: ignore[no-redef]
        try:
            with open(path, "rb") as fh:
                data = tomllib.load(fh)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(path, None, f"cannot read: {exc}") from None
        tool = data.get("tool", {})
        table = tool.get("ozonlint") if isinstance(tool, dict) else None
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(path, "tool.ozonlint", "must be a table")
        return table
    from .rulepack import RulePackError, load_yaml

    try:
        data = load_yaml(path)
    except RulePackError as exc:
        # the parser's reason may quote the file (which may be no configuration at all): drop the quotes
        import re

        reason = re.sub(r"'[^'\n]*'|\"[^\"\n]*\"", "…", exc.reason)
        raise ConfigError(path, None, f"line {exc.line}: {reason}" if exc.line else reason) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(path, None, "must be a mapping of settings")
    return data


def _validate(path: str, raw: Dict[str, Any]) -> Dict[str, Any]:
    values: Dict[str, Any] = {}
    base = os.path.dirname(os.path.abspath(path))
    for key, value in raw.items():
        norm = key.replace("_", "-") if isinstance(key, str) else ""
        if norm not in _KEYS:
            if os.path.basename(path) in CONFIG_NAMES + ("pyproject.toml",):
                raise ConfigError(path, key, f"unknown key (one of: {', '.join(sorted(_KEYS))})")
            # a file that is not named as a configuration may be anything: name the line, not the key
            raise ConfigError(path, None, _unknown_key(raw, key, norm))
        if norm in _LIST_KEYS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise ConfigError(path, key, "must be a list of strings")
            if norm == "rules":
                value = [os.path.normpath(os.path.join(base, v)) for v in value]
                for pack in value:
                    if not (os.path.isdir(pack) or pack.endswith((".yaml", ".yml"))):
                        raise ConfigError(path, key, f"{pack}: not a rule pack (a .yaml or .yml file, or a folder)")
        elif norm in ("extends", "baseline", "csv-column"):
            if not isinstance(value, str) or not value:
                raise ConfigError(path, key, "must be a string")
            if norm != "csv-column":
                value = os.path.normpath(os.path.join(base, value))
        elif norm == "lang":
            if value not in LANGUAGES:
                raise ConfigError(path, key, f"must be one of {', '.join(LANGUAGES)}")
        elif norm in ("fail-on", "min-severity"):
            if value not in ("error", "warning", "info"):
                raise ConfigError(path, key, "must be error, warning or info")
        elif norm == "template-mode":
            if not isinstance(value, bool):
                raise ConfigError(path, key, "must be true or false")
        elif norm == "severity":
            if not isinstance(value, dict) or not all(
                    isinstance(k, str) and v in ("error", "warning", "info") for k, v in value.items()):
                raise ConfigError(path, key, "must map rule ids or categories to error, warning or info")
            value = dict(value)
        elif norm == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(path, key, "must map file globs to lists of rule ids or categories")
            checked = {}
            for glob, selectors in value.items():
                if isinstance(selectors, str):
                    selectors = [selectors]
                if not isinstance(selectors, list) or not all(isinstance(s, str) for s in selectors):
                    raise ConfigError(path, f"{key}.{glob}", "must be a list of rule ids or categories")
                checked[glob] = selectors
            value = checked
        if norm == "placeholders":
            from .safepattern import PatternError, SafePattern

            for pattern in value:
                try:
                    SafePattern(pattern)
                except PatternError as exc:
                    raise ConfigError(path, key, f"invalid pattern {pattern!r}: {exc}") from None
        values[norm] = value
    return values


def _unknown_key(raw: Dict[str, Any], key: Any, norm: str) -> str:
    """An unknown key named by its line (and the nearest known key), never by its own text."""
    import difflib

    line = raw.line_of(key) if hasattr(raw, "line_of") else None
    where = f"line {line}: " if line else ""
    close = difflib.get_close_matches(norm, sorted(_KEYS), n=1) if norm else []
    hint = f"did you mean {close[0]!r}?" if close else f"the keys are: {', '.join(sorted(_KEYS))}"
    return f"{where}unknown key; {hint}"


def load(path: str, _seen: Tuple[str, ...] = (), trusted: bool = False) -> Config:
    """The configuration in ``path`` with what it ``extends`` merged under it.

    ``trusted``: named by the user (``--config``), so read whoever owns it; a
    configuration found by walking up, and everything one extends, must pass
    the ownership checks (see :func:`_refusal`)."""
    real = os.path.realpath(path)
    if real in _seen:
        raise ConfigError(path, "extends", "configurations extend each other in a loop")
    if not os.path.isfile(path):
        raise ConfigError(path, None, "no such configuration file")
    refusal = None if trusted else _refusal(path)
    if refusal:
        raise ConfigError(path, None, refusal)
    raw = _read(path)
    values = _validate(path, raw or {})
    parent = values.pop("extends", None)
    if parent:
        base = load(parent, _seen + (real,))
        merged = dict(base.values)
        for key, value in values.items():
            if key in ("rules", "allow", "placeholders", "exclude", "extend-select", "extend-suffixes"):
                merged[key] = list(merged.get(key, [])) + value
            elif key in ("severity", "per-file-ignores"):
                merged[key] = {**merged.get(key, {}), **value}
            else:
                merged[key] = value
        values = merged
    return Config(path, values)


def find(folder: str) -> Optional[str]:
    """The nearest configuration file at or above ``folder``."""
    folder = os.path.abspath(folder)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                return candidate
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject) and _has_tool_table(pyproject):
            return pyproject
        if os.path.exists(os.path.join(folder, ".git")):
            return None  # the repository root: what lies above is not the repository's
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _has_tool_table(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return b"[tool.ozonlint" in fh.read()
    except OSError:
        return False


class ConfigResolver:
    """The configuration of each checked file, each configuration read once."""

    def __init__(self, explicit: Optional[str] = None, disabled: bool = False) -> None:
        self.disabled = disabled
        self.explicit = load(explicit, trusted=True) if explicit else None
        self._by_folder: Dict[str, Config] = {}
        self._by_path: Dict[str, Config] = {}

    def for_path(self, path: str) -> Config:
        if self.explicit is not None:
            return self.explicit
        if self.disabled or path == "-":
            return Config()
        folder = os.path.dirname(os.path.abspath(path))
        config = self._by_folder.get(folder)
        if config is None:
            found = find(folder)
            if found is None:
                config = Config()
            else:
                config = self._by_path.get(found) or load(found)
                self._by_path[found] = config
            self._by_folder[folder] = config
        return config
