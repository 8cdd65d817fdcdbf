"""Check one input: its templates, in file positions, after suppressions, ignores and baseline; fix it.

source -> segments -> Linter.check per segment -> file spans, lines, key paths
-> suppression comments -> per-file ignores -> baseline -> findings (and fixes).

``check_text`` is one input in, its findings out; ``check_and_fix`` adds the
fixed text and what remains in it. Reading, writing and reporting are the
runner's (runner.py); the checking of one draft is the engine's.
"""
from __future__ import annotations

from typing import Any, List, NamedTuple, Optional, Sequence, Tuple

from .engine import Linter
from .fix import applicable, plan, with_fixes
from .model import Violation
from .positions import line_starts as _line_starts
from .positions import position as _position
from .templates import Segment, kind_of, parse, same_structure, splice
from .templates.placeholders import PlaceholderMasker
from .templates.suppress import MESSAGES as SUPPRESSION_MESSAGES
from .templates.suppress import applies, directives, mask_comments, text_directives

MAX_FIX_PASSES = 4


class FileSettings:
    """How to check one file: template mode, placeholders, CSV column, ignores, baseline."""

    def __init__(self, template_mode: bool = True, masker: Optional[PlaceholderMasker] = None,
                 csv_column: Optional[str] = None, ignore: Sequence[str] = (),
                 baseline: Optional[Any] = None, lang: str = "en", encoding: Optional[str] = None,
                 unsafe_fixes: bool = False) -> None:
        self.template_mode = template_mode
        self.masker = masker or PlaceholderMasker()
        self.csv_column = csv_column
        self.ignore = tuple(ignore)
        self.baseline = baseline
        self.lang = lang
        self.encoding = encoding  # None: detected (BOM, UTF-8, Windows-1251)
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
    # a draft (standard input, --text, --no-template) is checked whole: nothing in it is a comment
    template_file = path != "-" and settings.template_mode
    checked_text = mask_comments(kind, text) if template_file or kind != "text" else text
    parsed = parse(path if path != "-" else "-.txt", checked_text, settings.masker, settings.csv_column,
                   settings.template_mode)
    line_starts = _line_starts(text)
    pairs: List[Tuple[Violation, Segment, Violation]] = []
    for segment in parsed.segments:
        for v in _planned(linter, text, segment, settings.unsafe_fixes):
            pairs.append((_in_file(text, line_starts, segment, v), segment, v))
    found = directives(kind, text, parsed.comments)
    used = [False] * len(found)
    kept: List[Tuple[Violation, Segment, Violation]] = []
    for file_v, segment, v in pairs:
        index = applies(found, file_v.line, file_v.rule, file_v.category,
                        _value_line(line_starts, segment)) if found else None
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
        if not directive.closed and not _selected(settings.ignore, "suppression.unclosed", "style"):
            extra.append(_meta("suppression.unclosed", directive.start, directive.end, text, line_starts,
                               settings.lang))
    if kind == "text" and template_file and not _selected(settings.ignore, "suppression.unsupported", "style"):
        for start, end in text_directives(text):
            extra.append(_meta("suppression.unsupported", start, end, text, line_starts, settings.lang, "error"))
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


def _value_line(line_starts: Sequence[int], segment: Segment) -> Optional[int]:
    start = segment.value_start()
    return None if start is None else _position(line_starts, start)[0]


def _meta(rule: str, start: int, end: int, text: str, line_starts: Sequence[int], lang: str = "en",
          severity: str = "warning") -> Violation:
    """A finding about a suppression comment itself."""
    line, column = _position(line_starts, start)
    end_line, end_column = _position(line_starts, end)
    messages = SUPPRESSION_MESSAGES[rule]
    return Violation(rule=rule, category="style", severity=severity, message=messages[lang],
                     match=text[start:end], start=start, end=end, line=line, column=column,
                     end_line=end_line, end_column=end_column, suggestion=None, messages=messages)


class Fixed(NamedTuple):
    """One input checked and fixed: its findings, the fixed text, and the findings left in that."""

    violations: List[Violation]
    text: str
    remaining: List[Violation]


def check_and_fix(linter: Linter, path: str, text: str, settings: FileSettings) -> Fixed:
    """The findings of ``text``, and ``text`` with every safe fix applied (the
    unsafe ones too with ``settings.unsafe_fixes``), written the way each
    template's format needs (each segment's ``rewrite``); repeated until
    nothing more changes, each version of the text checked once. Placeholders
    are never touched.

    A structured file whose fixed form would not parse to the same shape and
    value types is returned without that pass."""
    first = result = check_text(linter, path, text, settings)
    current = text
    for _ in range(MAX_FIX_PASSES):
        candidate = _fix_pass(path, current, result, settings)
        if candidate is None:
            break
        current = candidate
        result = check_text(linter, path, current, settings)
    return Fixed(first.violations, current, result.violations)


def _fix_pass(path: str, current: str, result: Checked, settings: FileSettings) -> Optional[str]:
    """``current`` with the fixes of its findings ``result`` applied once; None
    when that changes nothing, or would break the file's structure."""
    by_segment = {}
    for segment, v in result.origins:
        if v.fix is not None:
            by_segment.setdefault(id(segment), (segment, []))[1].append(v.fix)
    edits = []
    for segment, fixes in by_segment.values():
        chosen = applicable(fixes, settings.unsafe_fixes)
        written = segment.rewrite([(f.start, f.end, f.replacement) for f in chosen])
        if written is not None:  # None: no safe way to write it in this value
            edits.extend(written)
    edits.sort()
    merged = []
    for start, end, replacement in edits:
        if merged and start < merged[-1][1]:
            continue
        merged.append((start, end, replacement))
    if not merged:
        return None
    candidate = splice(current, merged)
    if not same_structure(path, current, candidate, settings.csv_column):
        return None  # never write a file that would no longer parse, or parse to other types
    if candidate == current:
        return None
    return candidate


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
