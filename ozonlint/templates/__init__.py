"""Reply-template files as segments: the texts to check and where each character sits in the file.

A ``.txt`` or ``.md`` file is one template; in ``.yaml``/``.yml`` and
``.json`` every string value, however nested, is one; in ``.csv`` each cell
of the template column is one. A :class:`Segment` carries the text that is
checked (placeholders and suppression comments masked with spaces, so they
can never match and never shift an offset) and, for every character, the
span of the file it was decoded from, so a finding inside a YAML string with
escapes still points at the right file line and column.
"""
from __future__ import annotations

import os
from array import array
from typing import List, Optional, Sequence, Tuple

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

    __slots__ = ("text", "offset", "starts", "ends", "key", "style")

    def __init__(self, text: str, offset: int = 0, starts: Optional[Sequence[int]] = None,
                 ends: Optional[Sequence[int]] = None, key: Optional[str] = None, style: str = "raw") -> None:
        self.text = text
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


def segments(path: str, text: str, masker: PlaceholderMasker, csv_column: Optional[str] = None,
             template_mode: bool = True) -> List[Segment]:
    """The templates of one file, with placeholders masked when ``template_mode``."""
    kind = kind_of(path)
    if kind == "yaml":
        from .yaml_source import yaml_segments

        found = yaml_segments(text)
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
    return found
