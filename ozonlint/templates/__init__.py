"""Reply-template files as segments: the texts to check and where each character sits in the file.

A ``.txt`` or ``.md`` file is one template; in ``.yaml``/``.yml`` and
``.json`` every string value, however nested, is one; in ``.csv`` each cell
of the template column is one. A :class:`Segment` carries the text that is
checked (placeholders and suppression comments masked with spaces, so they
can never match and never shift an offset) and, for every character, the
span of the file it was decoded from, so a finding inside a YAML string with
escapes still points at the right file line and column.

Fixing goes through :meth:`Segment.rewrite`: the fix code says which spans of
the checked text to replace with what, and the segment answers with the file
edits that write the new value in its own format (escaped, quoted where its
style cannot hold it) or ``None`` when there is no safe way. After the edits,
:func:`same_structure` confirms that the file still parses to the same shape
with the same value types.
"""
from __future__ import annotations

import os
from array import array
from typing import Any, List, NamedTuple, Optional, Sequence, Tuple

from .placeholders import PlaceholderMasker

STRUCTURED = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".csv": "csv"}
WHOLE_FILE = {".txt": "text", ".md": "markdown", ".markdown": "markdown"}


class TemplateError(Exception):
    """A template file that cannot be parsed: ``line`` (1-based) and reason."""

    def __init__(self, reason: str, line: Optional[int] = None) -> None:
        super().__init__(reason if line is None else f"line {line}: {reason}")
        self.line = line


class Segment:
    """One template: its checked text and the file span of each of its characters.

    ``starts[i]``/``ends[i]`` is the file span that produced ``text[i]`` (an
    escape such as ``\\n`` is two file characters for one text character);
    ``None`` means the identity (the text *is* the file from ``offset``).
    ``style`` says how replacement text must be written back (see ``escape``).
    """

    __slots__ = ("text", "source", "offset", "starts", "ends", "key", "style")

    def __init__(self, text: str, offset: int = 0, starts: Optional[Sequence[int]] = None,
                 ends: Optional[Sequence[int]] = None, key: Optional[str] = None, style: str = "raw") -> None:
        self.text = text
        self.source = text      # the value as written, before placeholders are masked in ``text``
        self.offset = offset
        self.starts = starts
        self.ends = ends
        self.key = key
        self.style = style

    def file_span(self, start: int, end: int) -> Tuple[int, int]:
        """The file span of ``text[start:end]``."""
        if self.starts is None or self.ends is None:
            return self.offset + start, self.offset + end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else self.offset)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def value_start(self) -> Optional[int]:
        """Where a value of a structured file starts (a suppression on that line covers all of it);
        None for a whole file, which suppressions cover line by line."""
        return None

    def rewrite(self, edits: Sequence[Tuple[int, int, str]]) -> Optional[List[Tuple[int, int, str]]]:
        """File edits ``(start, end, new text)`` that replace each ``text[start:end]`` of the
        sorted, non-overlapping ``edits`` with its replacement; None when they cannot be written safely."""
        out = []
        for start, end, replacement in edits:
            escaped = self.escape(replacement)
            if escaped is None:
                return self._rewrite_whole(edits)
            file_start, file_end = self.file_span(start, end)
            out.append((file_start, file_end, escaped))
        return out

    def _rewrite_whole(self, edits: Sequence[Tuple[int, int, str]]) -> Optional[List[Tuple[int, int, str]]]:
        """A bare CSV cell that must be quoted to hold the replacement: the whole cell, quoted."""
        if self.style != "csv-raw" or self.starts is None or self.ends is None or not len(self.starts):
            return None
        value = splice(self.source, edits)
        return [(self.starts[0], self.ends[-1], '"' + value.replace('"', '""') + '"')]

    def escape(self, replacement: str) -> Optional[str]:
        """``replacement`` written so that the file stays valid where it goes (None: no safe way)."""
        if self.style == "json":
            import json

            return json.dumps(replacement, ensure_ascii=False)[1:-1]
        if self.style == "yaml-double":
            return replacement.replace("\\", "\\\\").replace('"', '\\"')
        if self.style == "yaml-single":
            return replacement.replace("'", "''")
        if self.style == "csv-quoted":
            return replacement.replace('"', '""')
        if self.style == "csv-raw" and any(ch in replacement for ch in ',;\t"\r\n'):
            return None
        return replacement


def splice(text: str, edits: Sequence[Tuple[int, int, str]]) -> str:
    """``text`` with sorted, non-overlapping ``(start, end, replacement)`` edits applied."""
    from ..normalize import apply_edits

    return apply_edits(text, edits)


class MappedText:
    """A text built character by character with the file span of each (helper for parsers)."""

    def __init__(self) -> None:
        self.chars: List[str] = []
        self.starts = array("q")
        self.ends = array("q")

    def add(self, text: str, start: int, end: int) -> None:
        for ch in text:
            self.chars.append(ch)
            self.starts.append(start)
            self.ends.append(end)

    def segment(self, key: Optional[str], style: str) -> Segment:
        return Segment("".join(self.chars), 0, self.starts, self.ends, key, style)


def kind_of(path: str) -> str:
    """How a file is read: yaml, json, csv, markdown or text."""
    ext = os.path.splitext(path)[1].lower()
    return STRUCTURED.get(ext) or WHOLE_FILE.get(ext) or "text"


class Parsed(NamedTuple):
    """A file's templates, and the file spans of its real comments (YAML ``#`` comments only)."""

    segments: List[Segment]
    comments: List[Tuple[int, int]]


def parse(path: str, text: str, masker: PlaceholderMasker, csv_column: Optional[str] = None,
          template_mode: bool = True) -> Parsed:
    """The templates of one file, with placeholders masked when ``template_mode``, and its comments."""
    kind = kind_of(path)
    comments: List[Tuple[int, int]] = []
    if kind == "yaml":
        from .yaml_source import yaml_segments

        found = yaml_segments(text, comments)
    elif kind == "json":
        from .json_source import json_segments

        found = json_segments(text)
    elif kind == "csv":
        from .csv_source import csv_segments

        found = csv_segments(text, csv_column)
    else:
        found = [Segment(text)]
    if template_mode:
        for segment in found:
            segment.text = masker.mask(segment.text)
    return Parsed(found, comments)


def segments(path: str, text: str, masker: PlaceholderMasker, csv_column: Optional[str] = None,
             template_mode: bool = True) -> List[Segment]:
    """The templates of one file, with placeholders masked when ``template_mode``."""
    return parse(path, text, masker, csv_column, template_mode).segments


def same_structure(path: str, before: str, after: str, csv_column: Optional[str] = None) -> bool:
    """Whether ``after`` parses to the same shape as ``before``, every value of the same type.

    The last guard of a fix: a rewritten template may change a string's
    content, never turn it into a number, a date, a boolean or null, nor add
    or remove a key, an item, a row or a cell."""
    kind = kind_of(path)
    if kind not in ("yaml", "json", "csv"):
        return True
    try:
        return bool(_shape(kind, before, csv_column) == _shape(kind, after, csv_column))
    except (TemplateError, ValueError, RecursionError):
        return False


def _shape(kind: str, text: str, csv_column: Optional[str]) -> Any:
    if kind == "yaml":
        from .yaml_source import yaml_shape

        return yaml_shape(text)
    if kind == "json":
        import json

        def shape(value: Any) -> Any:
            if isinstance(value, dict):
                return {key: shape(item) for key, item in value.items()}
            if isinstance(value, list):
                return [shape(item) for item in value]
            return type(value).__name__

        return shape(json.loads(text))
    from .csv_source import csv_shape

    return csv_shape(text)
