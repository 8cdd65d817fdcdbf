"""``--format text``: place, severity, rule, message, the excerpt marked, the suggestion."""
from __future__ import annotations

import unicodedata
from typing import List

import click

from ..model import Violation
from . import FileResult

_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _excerpt(text: str, v: Violation) -> List[str]:
    """The line holding the start of the span, with a caret line under the span."""
    line_start = text.rfind("\n", 0, v.start) + 1
    line_end = text.find("\n", v.start)
    if line_end == -1:
        line_end = len(text)
    line = text[line_start:line_end].rstrip("\r")
    end = min(v.end, line_start + len(line))
    # long lines: show at most 60 characters either side of the span
    lo = max(line_start, v.start - 60)
    hi = min(line_start + len(line), end + 60)
    shown = text[lo:hi].replace("\t", " ")
    prefix = "…" if lo > line_start else ""
    suffix = "…" if hi < line_start + len(line) else ""
    pad = _width(prefix + text[lo:v.start].replace("\t", " "))
    marks = max(1, _width(text[v.start:end]))
    return [f"    {prefix}{shown}{suffix}",
            "    " + " " * pad + click.style("^" * marks, fg=_COLOURS.get(v.severity, "red"), bold=True)]


def _fix_label(v: Violation) -> str:
    """"suggestion (safe fix): " — or unsafe, applied only with --unsafe-fixes; or a template to check."""
    if v.fix is None:
        return "suggestion: "
    if v.fix.template:
        return "suggestion (unsafe: a template reply to check, --unsafe-fixes): "
    if v.fix.applicability == "unsafe":
        return "suggestion (unsafe fix, applied with --unsafe-fixes): "
    return "suggestion (safe fix): "


def _fix_shown(text: str, v: Violation) -> str:
    if v.suggestion:
        return v.suggestion
    if v.fix is not None and v.fix.end > v.fix.start:
        return f"(remove «{' '.join(text[v.fix.start:v.fix.end].split())}»)"
    return "(remove)"


def format_text(results: List[FileResult], catalog: dict = None) -> str:  # type: ignore[assignment]
    out: List[str] = []
    counts = {"error": 0, "warning": 0, "info": 0}
    for result in sorted(results, key=lambda r: r.path):
        for v in result.violations:
            counts[v.severity] = counts.get(v.severity, 0) + 1
            place = click.style(f"{result.path}:{v.line}:{v.column}", bold=True)
            sev = click.style(v.severity, fg=_COLOURS.get(v.severity), bold=True)
            where = f" (in {v.key})" if v.key else ""
            out.append(f"{place}: {sev} [{v.rule}] {v.message}{where}")
            out.extend(_excerpt(result.text, v))
            if v.suggestion is not None:
                out.append("    " + click.style(_fix_label(v), fg="green") + _fix_shown(result.text, v))
    total = sum(counts.values())
    if total:
        parts = [f"{n} {name}{'s' if n != 1 else ''}" for name, n in counts.items() if n]
        out.append(f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}).")
    else:
        out.append("No problems found.")
    return "\n".join(out) + "\n"
