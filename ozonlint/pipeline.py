"""Check one input: its templates, in file positions, after suppressions, ignores and baseline; fix it.

source -> segments -> Linter.check per segment -> file spans, lines, key paths
-> suppression comments -> per-file ignores -> baseline -> findings (and fixes).
"""
from __future__ import annotations

from typing import Any, List, Optional, Sequence, Tuple

from .engine import Linter, _line_starts, _position
from .fix import applicable, apply, plan, with_fixes
from .model import Violation
from .templates import Segment, TemplateError, kind_of, segments
from .templates.placeholders import PlaceholderMasker
from .templates.suppress import MESSAGES as SUPPRESSION_MESSAGES
from .templates.suppress import applies, directives, mask_comments

MAX_FIX_PASSES = 4


class FileSettings:
    """How to check one file: template mode, placeholders, CSV column, ignores, baseline."""

    def __init__(self, template_mode: bool = True, masker: Optional[PlaceholderMasker] = None,
                 csv_column: Optional[str] = None, ignore: Sequence[str] = (),
                 baseline: Optional[Any] = None, lang: str = "en", unsafe_fixes: bool = False) -> None:
        self.template_mode = template_mode
        self.masker = masker or PlaceholderMasker()
        self.csv_column = csv_column
        self.ignore = tuple(ignore)
        self.baseline = baseline
        self.lang = lang
        self.unsafe_fixes = unsafe_fixes  # plan (and apply) the unsafe rewrites too


def _selected(selectors: Sequence[str], rule: str, category: str) -> bool:
    return any(sel in (rule, category) or rule.startswith(sel.rstrip(".") + ".") for sel in selectors)


def _in_file(text: str, line_starts: Sequence[int], segment: Segment, v: Violation) -> Violation:
    start, end = segment.file_span(v.start, v.end)
    line, column = _position(line_starts, start)
    end_line, end_column = _position(line_starts, end)
    fix = v.fix
    if fix is not None:
        fix_start, fix_end = segment.file_span(fix.start, fix.end)
        fix = fix._replace(start=fix_start, end=fix_end)
    return v._replace(start=start, end=end, match=text[start:end], line=line, column=column,
                      end_line=end_line, end_column=end_column, key=segment.key, fix=fix)


class Checked:
    """The findings of one file, and the segment each came from (for fixing)."""

    def __init__(self, violations: List[Violation], origins: List[Tuple[Segment, Violation]]) -> None:
        self.violations = violations
        self.origins = origins   # (segment, violation in segment coordinates), for the kept findings


def check_text(linter: Linter, path: str, text: str, settings: FileSettings) -> Checked:
    """All findings of one file (or '-') that survive suppressions, ignores and the baseline.

    Raises TemplateError when a structured file does not parse."""
    kind = kind_of(path) if path != "-" else "text"
    checked_text = mask_comments(kind, text)
    parts = segments(path if path != "-" else "-.txt", checked_text, settings.masker, settings.csv_column,
                     settings.template_mode)
    line_starts = _line_starts(text)
    pairs: List[Tuple[Violation, Segment, Violation]] = []
    for segment in parts:
        for v in _planned(linter, text, segment, settings.unsafe_fixes):
            pairs.append((_in_file(text, line_starts, segment, v), segment, v))
    found = directives(kind, text)
    used = [False] * len(found)
    kept: List[Tuple[Violation, Segment, Violation]] = []
    for file_v, segment, v in pairs:
        index = applies(found, file_v.line, file_v.rule, file_v.category) if found else None
        if index is not None:
            used[index] = True
            continue
        if settings.ignore and _selected(settings.ignore, file_v.rule, file_v.category):
            continue
        kept.append((file_v, segment, v))
    extra: List[Violation] = []
    for directive, was_used in zip(found, used):
        for rule, bad in (("suppression.unused", not was_used), ("suppression.no-reason", not directive.reason)):
            if bad and not _selected(settings.ignore, rule, "style"):
                extra.append(_meta(rule, directive.start, directive.end, text, line_starts, settings.lang))
    violations = [k[0] for k in kept]
    if settings.baseline is not None:
        survivors = settings.baseline.filter(path, violations)
        surviving = set(map(id, survivors))
        kept = [k for k in kept if id(k[0]) in surviving]
        violations = survivors
    violations = sorted(violations + extra, key=lambda v: (v.start, v.end, v.rule))
    return Checked(violations, [(k[1], k[2]) for k in kept])


def _planned(linter: Linter, text: str, segment: Segment, unsafe: bool) -> List[Violation]:
    """The findings of one segment, their fixes planned on its text with the
    placeholders shown, which no fix may touch."""
    found = linter.check(segment.text, unsafe_fixes=unsafe)
    if not found:
        return found
    shown, keep = _placeholders(text, segment)
    if not keep:
        return found
    return with_fixes(found, plan(shown, found, linter.rewrites, unsafe, keep))


def _meta(rule: str, start: int, end: int, text: str, line_starts: Sequence[int], lang: str = "en") -> Violation:
    """A finding about a suppression comment itself."""
    line, column = _position(line_starts, start)
    end_line, end_column = _position(line_starts, end)
    messages = SUPPRESSION_MESSAGES[rule]
    return Violation(rule=rule, category="style", severity="warning", message=messages[lang],
                     match=text[start:end], start=start, end=end, line=line, column=column,
                     end_line=end_line, end_column=end_column, suggestion=None, messages=messages)


def fixed_text(linter: Linter, path: str, text: str, settings: FileSettings) -> str:
    """``text`` with every safe fix applied (the unsafe ones too with
    ``settings.unsafe_fixes``), written the way each template's format needs
    (JSON/YAML escapes, CSV quotes); repeated until nothing more changes.
    Placeholders are never touched.

    A structured file whose fixed form would not parse is returned unchanged."""
    current = text
    for _ in range(MAX_FIX_PASSES):
        result = check_text(linter, path, current, settings)
        by_segment = {}
        for segment, v in result.origins:
            if v.fix is not None:
                by_segment.setdefault(id(segment), (segment, []))[1].append(v.fix)
        edits = []
        for segment, fixes in by_segment.values():
            for fix in applicable(fixes, settings.unsafe_fixes):
                replacement = segment.escape(fix.replacement)
                if replacement is None:
                    continue  # no safe way to write it here
                start, end = segment.file_span(fix.start, fix.end)
                edits.append(fix._replace(start=start, end=end, replacement=replacement))
        candidate = apply(current, edits)
        if candidate == current:
            break
        try:
            segments(path if path != "-" else "-.txt", candidate, settings.masker, settings.csv_column, False)
        except TemplateError:
            break  # never write a file that would no longer parse
        current = candidate
    return current


def _placeholders(text: str, segment: Segment) -> Tuple[str, List[Tuple[int, int]]]:
    """The segment's text with its masked placeholders shown again (so that joining
    never squeezes them as blanks), and their spans, which no fix may touch."""
    spans: List[Tuple[int, int]] = []
    checked = segment.text
    for i, ch in enumerate(checked):
        if ch == " ":
            start, end = segment.file_span(i, i + 1)
            if text[start:end].strip():
                if spans and spans[-1][1] == i:
                    spans[-1] = (spans[-1][0], i + 1)
                else:
                    spans.append((i, i + 1))
    shown = checked
    for start, end in reversed(spans):
        file_start, file_end = segment.file_span(start, end)
        if file_end - file_start == end - start:
            shown = shown[:start] + text[file_start:file_end] + shown[end:]
    return shown, spans
