"""Baselines: today's findings, stored as fingerprints, so that later runs report only new ones.

A fingerprint hashes the file's path (relative to the baseline file), the rule
and the normalised text of the finding — not its line number, so findings
survive edits above them, and never the template text itself: a baseline file
holds hashes only and can be committed safely. Identical findings in one file
are counted, so a second copy of a known finding is still new.
"""
from __future__ import annotations

import hashlib
import json
import os
from typing import Dict, Iterable, List

from .model import Violation
from .normalize import base_view

FORMAT = 1


def fingerprint(path: str, v: Violation, root: str) -> str:
    rel = os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/") if path != "-" else "-"
    normalised = " ".join(base_view(v.match).text.split())
    data = "\0".join((rel, v.rule, normalised)).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:32]


class Baseline:
    """Fingerprint counts loaded from (or to be written to) a baseline file."""

    def __init__(self, path: str, counts: Dict[str, int]) -> None:
        self.path = path
        self.root = os.path.dirname(os.path.abspath(path))
        self.counts = counts

    @classmethod
    def load(cls, path: str) -> "Baseline":
        from .sources import InputError, read_file

        if not os.path.lexists(path):
            raise ValueError(f"{path}: no such baseline file (create it with 'ozonlint baseline')")
        try:
            data = json.loads(read_file(path).text)  # a regular file: a FIFO is refused, not waited on
        except InputError as exc:
            raise ValueError(f"{path}: cannot read the baseline: {exc}") from None
        except (ValueError, RecursionError) as exc:
            raise ValueError(f"{path}: not a baseline file: {exc}") from None
        if not isinstance(data, dict) or data.get("ozonlint-baseline") != FORMAT or not isinstance(
                data.get("findings"), dict):
            raise ValueError(f"{path}: not an ozonlint baseline (format {FORMAT})")
        counts = data["findings"]
        for key, count in counts.items():
            # bool is an int to Python, and JSON reads 1e400 as infinity
            if isinstance(count, bool) or not isinstance(count, int) or count < 0:
                raise ValueError(f"{path}: not an ozonlint baseline: the count of finding {key[:40]!r} "
                                 f"is {json.dumps(count)[:40]}, not a whole number")
        return cls(path, dict(counts))

    def filter(self, path: str, violations: Iterable[Violation]) -> List[Violation]:
        """The violations not in the baseline (each known finding absorbs one occurrence)."""
        remaining = dict(self.counts)
        new = []
        for v in violations:
            fp = fingerprint(path, v, self.root)
            if remaining.get(fp, 0) > 0:
                remaining[fp] -= 1
            else:
                new.append(v)
        return new

    @staticmethod
    def write(path: str, findings: Iterable[tuple]) -> int:
        """Write the (file path, violation) pairs as a baseline; the number of findings."""
        root = os.path.dirname(os.path.abspath(path))
        counts: Dict[str, int] = {}
        for file_path, v in findings:
            fp = fingerprint(file_path, v, root)
            counts[fp] = counts.get(fp, 0) + 1
        data = {"ozonlint-baseline": FORMAT, "findings": dict(sorted(counts.items()))}
        from .sources import write_atomic

        write_atomic(path, (json.dumps(data, indent=2) + "\n").encode("utf-8"))
        return sum(counts.values())
