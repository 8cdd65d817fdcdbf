"""One formatter per output format. A formatter only formats: it never re-runs a rule."""
from __future__ import annotations

from typing import Callable, Dict, NamedTuple, Sequence

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


def formatters() -> Dict[str, Formatter]:
    from . import github, jsonfmt, sarif, text

    return {"text": text.format_text, "json": jsonfmt.format_json, "jsonl": jsonfmt.format_jsonl,
            "sarif": sarif.format_sarif, "github": github.format_github}
