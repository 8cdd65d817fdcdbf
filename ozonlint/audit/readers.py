"""One entry point for every input format: a source in, chats, problems and notes out."""
from __future__ import annotations

import gzip
import zlib
from typing import Any, Iterator, Mapping, Optional, Union

from .csv_reader import read_csv
from .inputs import Source
from .json_reader import read_json, read_jsonl
from .records import Chat, Note, Problem


def read(source: Source, columns: Mapping[str, str], zone: Optional[Any]) -> Iterator[Union[Chat, Problem, Note]]:
    """The chats of one source; a file that cannot be read at all is one Problem."""
    try:
        fmt = source.format()
        if fmt == "csv":
            yield from read_csv(source, columns, zone)
        elif fmt == "jsonl":
            yield from read_jsonl(source, zone)
        else:
            yield from read_json(source, zone)
    except OSError as exc:
        key = "bad_gzip" if isinstance(exc, gzip.BadGzipFile) else "unreadable"
        yield Problem(source.path, key, getattr(exc, "strerror", None) or str(exc))
    except (EOFError, zlib.error) as exc:
        yield Problem(source.path, "bad_gzip", str(exc))
