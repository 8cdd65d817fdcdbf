"""One formatter per output format. A formatter only formats: it never re-runs a rule."""
from __future__ import annotations

from typing import Callable, NamedTuple, Sequence

from ..model import Violation


class FileResult(NamedTuple):
    """The violations found in one input, with the text they point into."""

    path: str
    text: str
    violations: Sequence[Violation]


# A formatter takes the results and, for formats that describe rules (SARIF),
# a catalog: rule id -> {category, severity, messages, description}.
Formatter = Callable[..., str]


FORMATS = ("text", "json", "jsonl", "sarif", "github")


_FORMATTERS = {"text": ("text", "format_text"), "json": ("jsonfmt", "format_json"),
               "jsonl": ("jsonfmt", "format_jsonl"), "sarif": ("sarif", "format_sarif"),
               "github": ("github", "format_github")}


def formatter(name: str) -> Formatter:
    """The formatter of one format (only its module is imported)."""
    import importlib

    module, function = _FORMATTERS[name]
    return getattr(importlib.import_module(f"{__name__}.{module}"), function)
