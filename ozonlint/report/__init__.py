"""One formatter per output format. A formatter only formats: it never re-runs a rule."""
from __future__ import annotations

from typing import Callable, Dict, List, NamedTuple, Sequence

from ..model import Violation


class FileResult(NamedTuple):
    """The violations found in one input, with the text they point into."""

    path: str
    text: str
    violations: Sequence[Violation]


Formatter = Callable[[List[FileResult]], str]


def formatters() -> Dict[str, Formatter]:
    from . import jsonfmt, text

    return {"text": text.format_text, "json": jsonfmt.format_json, "jsonl": jsonfmt.format_jsonl}
