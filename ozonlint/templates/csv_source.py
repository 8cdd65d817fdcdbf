"""The template column of a CSV file, each cell with the file span of each character."""
from __future__ import annotations

from typing import List, Optional, Tuple

from . import MappedText, Segment, TemplateError

DEFAULT_COLUMNS = ("text", "template", "message", "reply")


def delimiter_of(text: str) -> str:
    """The header line's most frequent of ``,``, ``;`` and tab (Excel in a Russian
    locale saves ``;``); ``,`` when the header holds none."""
    header = text[:text.find("\n")] if "\n" in text else text
    counts = {d: header.count(d) for d in ",;\t"}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def _rows(text: str, delimiter: str = ",") -> List[List[Tuple[MappedText, bool]]]:
    """RFC 4180 rows: (cell, quoted) with positions; quotes and doubled quotes decoded."""
    rows: List[List[Tuple[MappedText, bool]]] = []
    row: List[Tuple[MappedText, bool]] = []
    i, size = 0, len(text)
    while i <= size:
        cell = MappedText()
        quoted = i < size and text[i] == '"'
        if quoted:
            i += 1
            while True:
                if i >= size:
                    raise TemplateError("unterminated quoted field", text.count("\n", 0, i) + 1)
                if text[i] == '"':
                    if text[i + 1:i + 2] == '"':
                        cell.add('"', i, i + 2)
                        i += 2
                        continue
                    i += 1
                    break
                cell.add(text[i], i, i + 1)
                i += 1
        while i < size and text[i] != delimiter and text[i] not in "\r\n":
            cell.add(text[i], i, i + 1)
            i += 1
        row.append((cell, quoted))
        if i >= size:
            break
        if text[i] == delimiter:
            i += 1
            continue
        # end of row
        if text[i] == "\r" and text[i + 1:i + 2] == "\n":
            i += 1
        i += 1
        rows.append(row)
        row = []
        if i >= size:
            break
    if row and not (len(row) == 1 and not row[0][0].chars):
        rows.append(row)
    return rows


def csv_segments(text: str, column: Optional[str] = None) -> List[Segment]:
    rows = _rows(text, delimiter_of(text))
    if not rows:
        return []
    header = ["".join(cell.chars).strip().lower() for cell, _ in rows[0]]
    wanted = [column.lower()] if column else list(DEFAULT_COLUMNS)
    index = next((header.index(name) for name in wanted if name in header), None)
    if index is None:
        raise TemplateError(f"no column named {' or '.join(wanted)} in the header", 1)
    name = header[index]
    found = []
    for number, row in enumerate(rows[1:], start=2):
        if index < len(row):
            cell, quoted = row[index]
            found.append(cell.segment(f"{name}[row {number}]", "csv-quoted" if quoted else "csv-raw"))
    return found


def csv_shape(text: str) -> List[int]:
    """The number of cells in each row (what a rewrite of a cell must not change)."""
    return [len(row) for row in _rows(text, delimiter_of(text))]
