"""``--format json`` (the contract's array) and ``--format jsonl`` (one object a line)."""
from __future__ import annotations

import json
from typing import Iterator, List

from . import FileResult


def _objects(results: List[FileResult]) -> Iterator[dict]:
    for result in sorted(results, key=lambda r: r.path):
        for v in result.violations:
            yield v.to_dict(result.path)


def format_json(results: List[FileResult], catalog: dict = None) -> str:  # type: ignore[assignment]
    return json.dumps(list(_objects(results)), ensure_ascii=False, indent=2) + "\n"


def format_jsonl(results: List[FileResult], catalog: dict = None) -> str:  # type: ignore[assignment]
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in _objects(results))
