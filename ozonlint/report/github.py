"""``--format github``: GitHub Actions workflow annotations (chosen automatically under Actions)."""
from __future__ import annotations

from typing import List

from . import FileResult

_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(results: List[FileResult], catalog: dict = None) -> str:  # type: ignore[assignment]
    lines = []
    for result in sorted(results, key=lambda r: r.path):
        for v in result.violations:
            place = (f"file={_property(result.path)},line={v.line},col={v.column},"
                     f"endLine={v.end_line},endColumn={v.end_column}")
            where = f" ({v.key})" if v.key else ""
            lines.append(f"::{_LEVELS.get(v.severity, 'warning')} {place},title={_property(v.rule)}::"
                         f"{_data(v.message + where)}")
    return "".join(line + "\n" for line in lines)
