"""``--format json`` (the contract's array) and ``--format jsonl`` (one object a line)."""
from __future__ import annotations

import json
from typing import Iterator, List

from . import FileResult


def _objects(results: List[FileResult]) -> Iterator[dict]:
    for result in sorted(results, key=lambda r: r.path):
        for v in result.violations:
            yield v.to_dict(result.path)


# The objects are flat, so json's C encoder with these separators writes what
# ``indent=2`` would; ``indent`` itself switches to the pure-Python encoder,
# which cost more than reading and splitting the files in a large run.
_FLAT_OBJECT = json.JSONEncoder(ensure_ascii=False, separators=(",\n    ", ": "))


def format_json(results: List[FileResult], catalog: dict = None) -> str:  # type: ignore[assignment]
    """The array, laid out as ``json.dumps(..., indent=2)`` lays it out."""
    objects = ["  {\n    " + _FLAT_OBJECT.encode(o)[1:-1] + "\n  }" for o in _objects(results)]
    return "[\n" + ",\n".join(objects) + "\n]\n" if objects else "[]\n"


def format_jsonl(results: List[FileResult], catalog: dict = None) -> str:  # type: ignore[assignment]
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in _objects(results))
