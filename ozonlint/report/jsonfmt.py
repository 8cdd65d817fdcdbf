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


def _encode(o: dict) -> str:
    """One object, flat; its "fix" (the only nested value) on its own line."""
    fix = o.get("fix")
    if fix is None:
        return _FLAT_OBJECT.encode(o)[1:-1]
    text = _FLAT_OBJECT.encode(dict(o, fix=None))[1:-1]
    return text.replace('"fix": null', '"fix": ' + json.dumps(fix, ensure_ascii=False), 1)


def format_json(results: List[FileResult], catalog: dict = None) -> str:  # type: ignore[assignment]
    """The array, laid out as ``json.dumps(..., indent=2)`` lays it out (a fix on one line)."""
    objects = ["  {\n    " + _encode(o) + "\n  }" for o in _objects(results)]
    return "[\n" + ",\n".join(objects) + "\n]\n" if objects else "[]\n"


def format_jsonl(results: List[FileResult], catalog: dict = None) -> str:  # type: ignore[assignment]
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in _objects(results))
