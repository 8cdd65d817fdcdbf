"""Find, read, merge and validate configuration: ``.ozonlint.yaml`` or ``[tool.ozonlint]``.

The configuration of a file is the nearest one found walking up from the
file's folder (``.ozonlint.yaml``, ``.ozonlint.yml``, or a ``pyproject.toml``
with a ``[tool.ozonlint]`` table). ``extends`` names another configuration
whose values this one overrides. Paths inside a configuration are relative
to the file that holds them. Command-line flags override the configuration.
An unknown key or a wrong value is a :class:`ConfigError` naming the file and
the key.
"""
from __future__ import annotations

import fnmatch
import os
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
        table = data.get("tool", {}).get("ozonlint")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(path, "tool.ozonlint", "must be a table")
        return table
    from .rulepack import RulePackError, load_yaml

    try:
        data = load_yaml(path)
    except RulePackError as exc:
        raise ConfigError(path, None, exc.reason) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(path, None, "must be a mapping of settings")
    return dict(data)


def _validate(path: str, raw: Dict[str, Any]) -> Dict[str, Any]:
    values: Dict[str, Any] = {}
    base = os.path.dirname(os.path.abspath(path))
    for key, value in raw.items():
        norm = key.replace("_", "-")
        if norm not in _KEYS:
            raise ConfigError(path, key, f"unknown key (one of: {', '.join(sorted(_KEYS))})")
        if norm in _LIST_KEYS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise ConfigError(path, key, "must be a list of strings")
            if norm == "rules":
                value = [os.path.normpath(os.path.join(base, v)) for v in value]
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
            import regex

            for pattern in value:
                try:
                    regex.compile(pattern)
                except regex.error as exc:
                    raise ConfigError(path, key, f"invalid pattern {pattern!r}: {exc}") from None
        values[norm] = value
    return values


def load(path: str, _seen: Tuple[str, ...] = ()) -> Config:
    """The configuration in ``path`` with what it ``extends`` merged under it."""
    real = os.path.realpath(path)
    if real in _seen:
        raise ConfigError(path, "extends", "configurations extend each other in a loop")
    if not os.path.isfile(path):
        raise ConfigError(path, None, "no such configuration file")
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
        self.explicit = load(explicit) if explicit else None
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
