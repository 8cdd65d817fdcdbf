"""Where histories come from: files, folders, gzip, standard input; which format each one is.

An input is opened as a :class:`Source` that can be read more than once (the
row readers look at a file's chat ids before they stream it), so standard
input is first copied to a temporary file, on disk rather than in memory.
"""
from __future__ import annotations

import gzip
import io
import os
import shutil
import sys
import tempfile
from typing import IO, Iterator, List, Optional

GZIP_MAGIC = b"\x1f\x8b"
SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv", ".txt": None}
SAMPLE_BYTES = 1 << 16


class Source:
    """One input file (or standard input); ``open`` gives a fresh decompressed binary stream each time."""

    def __init__(self, path: str, real_path: str, fmt: Optional[str] = None) -> None:
        self.path = path            # as the user named it ("-" for standard input)
        self.real_path = real_path  # what is opened
        self.fmt = fmt              # json, jsonl, csv, or None: decided from the content
        self.stem = _stem(path)     # the chat id when nothing else gives one

    def open(self) -> IO[bytes]:
        raw = open(self.real_path, "rb")
        if raw.read(2) == GZIP_MAGIC:
            raw.seek(0)
            return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
        raw.seek(0)
        return raw

    def sample(self) -> bytes:
        with self.open() as stream:
            return stream.read(SAMPLE_BYTES)

    def format(self) -> str:
        """json, jsonl or csv: from the name, else from the first character of the content."""
        if self.fmt:
            return self.fmt
        name = self.path.lower()
        if name.endswith(".gz"):
            name = name[:-3]
        fmt = SUFFIXES.get(os.path.splitext(name)[1])
        if fmt is None:
            head = self.sample().lstrip(b"\xef\xbb\xbf \t\r\n")
            fmt = "json" if head[:1] in (b"{", b"[") else "csv"
        self.fmt = fmt
        return fmt


def text_stream(stream: IO[bytes], encoding: str) -> IO[str]:
    return io.TextIOWrapper(stream, encoding=encoding, errors="strict", newline="")


def sniff_encoding(sample: bytes) -> str:
    """utf-8-sig unless the sample is not UTF-8 (then cp1251, what Russian spreadsheets save)."""
    import codecs

    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8-sig"
    except UnicodeDecodeError:
        return "cp1251"


def _stem(path: str) -> str:
    """The file name without .gz and the format suffix."""
    if path == "-":
        return "-"
    name = os.path.basename(path)
    if name.lower().endswith(".gz"):
        name = name[:-3]
    root, ext = os.path.splitext(name)
    return root if ext.lower() in SUFFIXES else name


WALKED = (".json", ".jsonl", ".ndjson", ".csv", ".tsv")


def walk(folder: str) -> Iterator[str]:
    """History files below ``folder`` (also gzip-compressed), in a stable order."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            plain = name[:-3] if name.lower().endswith(".gz") else name
            if not name.startswith(".") and plain.lower().endswith(WALKED):
                yield os.path.join(root, name)


class Inputs:
    """The sources named on the command line; cleans up the copy of standard input."""

    def __init__(self, paths: List[str], fmt: Optional[str] = None) -> None:
        self.paths = paths
        self.fmt = fmt
        self._spool: Optional[str] = None

    def __iter__(self) -> Iterator[Source]:
        for path in self.paths:
            if path == "-":
                yield Source("-", self._stdin_copy(), self.fmt)
            elif os.path.isdir(path):
                for found in walk(path):
                    yield Source(found, found, self.fmt)
            else:
                yield Source(path, path, self.fmt)

    def _stdin_copy(self) -> str:
        if self._spool is None:
            handle, self._spool = tempfile.mkstemp(prefix="ozonlint-audit-stdin-")
            with os.fdopen(handle, "wb") as out:
                shutil.copyfileobj(sys.stdin.buffer, out, 1 << 20)
        return self._spool

    def close(self) -> None:
        if self._spool is not None:
            try:
                os.unlink(self._spool)
            except OSError:
                pass
            self._spool = None
