"""``--format text``: place, severity, rule, message, the excerpt marked, the suggestion."""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Dict, List, Optional, Sequence

import click

from .. import i18n
from ..i18n import tr
from ..model import Violation
from . import FileResult

_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+")


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _visible(s: str) -> str:
    """``s`` with control characters shown escaped (\\x1b…): text under check may hold
    terminal escape sequences, which must never reach the terminal as commands."""
    return _CONTROL.sub(lambda m: "".join(f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}"
                                          for c in m.group()), s)


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
    shown = _visible(text[lo:hi].replace("\t", " "))
    prefix = "…" if lo > line_start else ""
    suffix = "…" if hi < line_start + len(line) else ""
    pad = _width(prefix + _visible(text[lo:v.start].replace("\t", " ")))
    marks = max(1, _width(_visible(text[v.start:end])))
    return [f"    {prefix}{shown}{suffix}",
            "    " + " " * pad + click.style("^" * marks, fg=_COLOURS.get(v.severity, "red"), bold=True)]


def _fix_label(v: Violation, lang: str) -> str:
    """"suggestion (safe fix): " — or unsafe, applied only with --unsafe-fixes; or a template to check."""
    fix = getattr(v, "fix", None)
    if fix is None:
        return tr("suggestion: ", lang)
    if fix.template:
        return tr("suggestion (unsafe: a template reply to check, --unsafe-fixes): ", lang)
    if fix.applicability == "unsafe":
        return tr("suggestion (unsafe fix, applied with --unsafe-fixes): ", lang)
    return tr("suggestion (safe fix): ", lang)


def _fix_shown(text: str, v: Violation, lang: str) -> str:
    if v.suggestion:
        meaning = i18n.gloss(v.suggestion, lang)
        return v.suggestion + ("  " + meaning if meaning else "")
    fix = getattr(v, "fix", None)
    if fix is not None and fix.end > fix.start:
        return tr("(remove «{text}»)", lang, text=" ".join(text[fix.start:fix.end].split()))
    return tr("(remove)", lang)


def format_text(results: List[FileResult], catalog: Optional[Dict[str, Any]] = None, lang: str = "en",
                unchecked: Sequence[str] = (), skipped: Sequence[str] = (), summary: bool = True) -> str:
    """Each finding with its excerpt and suggestion, then a summary in ``lang``
    that counts per severity and names the inputs that were not checked."""
    out: List[str] = []
    counts = {"error": 0, "warning": 0, "info": 0}
    for result in sorted(results, key=lambda r: r.path):
        for v in result.violations:
            counts[v.severity] = counts.get(v.severity, 0) + 1
            place = click.style(f"{result.path}:{v.line}:{v.column}", bold=True)
            sev = click.style(v.severity, fg=_COLOURS.get(v.severity), bold=True)
            where = tr(" (in {key})", lang, key=v.key) if v.key else ""
            out.append(f"{place}: {sev} [{v.rule}] {v.message}{where}")
            out.extend(_excerpt(result.text, v))
            if v.suggestion is not None:
                out.append("    " + click.style(_fix_label(v, lang), fg="green") + _fix_shown(result.text, v, lang))
    if summary:
        out.extend(_summary(counts, unchecked, skipped, lang))
    return "\n".join(out) + "\n" if out else ""


def _summary(counts: Dict[str, int], unchecked: Sequence[str], skipped: Sequence[str], lang: str) -> List[str]:
    lines = []
    total = sum(counts.values())
    if total:
        parts = i18n.join([i18n.count(n, name, lang) for name, n in counts.items() if n], lang)
        lines.append(tr("Found {problems} ({parts}).", lang, problems=i18n.count(total, "problem", lang), parts=parts))
    elif not unchecked and not skipped:
        lines.append(tr("No problems found.", lang))
    elif not unchecked:
        lines.append(tr("No problems found in the checked inputs.", lang))
    if unchecked:
        lines.append(tr("{inputs} could not be checked: {names}.", lang,
                        inputs=i18n.count(len(unchecked), "input", lang), names=i18n.join(unchecked, lang)))
    if skipped:
        lines.append(tr("{inputs} skipped (not text): {names}.", lang,
                        inputs=i18n.count(len(skipped), "input", lang), names=i18n.join(skipped, lang)))
    return lines


def format_statistics(results: List[FileResult], fmt: str = "text", lang: str = "en") -> str:
    """How many findings each rule has, most first (``--statistics``)."""
    import json

    counts: Dict[str, int] = {}
    first: Dict[str, Violation] = {}
    for result in results:
        for v in result.violations:
            counts[v.rule] = counts.get(v.rule, 0) + 1
            first.setdefault(v.rule, v)
    order = sorted(counts, key=lambda rule: (-counts[rule], rule))
    if fmt == "json":
        rows = [{"rule": rule, "category": first[rule].category, "severity": first[rule].severity,
                 "count": counts[rule], "message": first[rule].message} for rule in order]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if not order:
        return tr("No problems found.", lang) + "\n"
    width = max(len(rule) for rule in order)
    digits = len(str(counts[order[0]]))
    return "".join(f"{counts[rule]:>{digits}}  {rule:<{width}}  {first[rule].severity:<7}  {first[rule].message}\n"
                   for rule in order)
