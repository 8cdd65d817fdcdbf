"""The JSON report: the figures, then every finding, written as a stream (findings are read back from spool)."""
from __future__ import annotations

import json
from typing import IO, Any, Dict, Iterable


def write(report: Dict[str, Any], findings: Iterable[Dict[str, Any]], out: IO[str]) -> None:
    """``report`` with a ``"findings"`` list appended, one finding at a time (memory does not grow)."""
    head = json.dumps(report, ensure_ascii=False, indent=2)
    out.write(head[:-2] + ',\n  "findings": [')
    first = True
    for item in findings:
        out.write(("\n    " if first else ",\n    ") + json.dumps(item, ensure_ascii=False))
        first = False
    out.write("\n  ]\n}\n" if not first else "]\n}\n")
