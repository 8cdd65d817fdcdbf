"""Check many inputs: files one by one or on several processes, JSON-lines batches.

The runner turns inputs into :class:`Outcome` values in input order; it knows
nothing about output formats (``report/``) or options parsing (``cli``).
Parallel runs fork worker processes that inherit the already-built Linter,
and return exactly what a serial run would, in the same order.
"""
from __future__ import annotations

import json
import os
from typing import IO, Callable, Iterator, List, Optional, Sequence

from .engine import Linter, RuleTimeoutError
from .model import Severity, Violation

SEVERITY_RANK = {s.value: s.rank for s in Severity}
from .sources import BinaryInput, Decoded, InputError, encode, read_file, write_atomic


class Outcome:
    """What checking one input produced."""

    __slots__ = ("path", "text", "violations", "notes", "unusable", "skipped", "fixed")

    def __init__(self, path: str, text: str = "", violations: Optional[List[Violation]] = None,
                 notes: Optional[List[str]] = None, unusable: bool = False, skipped: bool = False) -> None:
        self.path = path
        self.text = text
        self.violations: List[Violation] = violations or []
        self.notes: List[str] = notes or []  # one-line messages for standard error
        self.unusable = unusable             # unreadable, not verified, or not written
        self.skipped = skipped               # not text: nothing was checked
        self.fixed = 0                       # problems fixed in place


def check_decoded(linter: Linter, path: str, decoded: Decoded, fix: bool = False) -> Outcome:
    """Check one decoded input; with ``fix``, rewrite a file (not '-') in place."""
    outcome = Outcome(path, decoded.text)
    try:
        violations = linter.check(decoded.text)
        if fix:
            fixed = linter.fix(decoded.text)
            if fixed != decoded.text:
                remaining = linter.check(fixed)
                if path != "-":
                    write_atomic(path, encode(decoded, fixed))
                    outcome.notes.append(f"{path}: fixed {len(violations) - len(remaining)} problem(s)")
                outcome.fixed = len(violations) - len(remaining)
                outcome.text, violations = fixed, remaining
        outcome.violations = violations
    except RuleTimeoutError as exc:
        outcome.notes.append(f"{path}: not verified: {exc}")
        outcome.unusable = True
    except OSError as exc:
        outcome.notes.append(f"{path}: cannot write the fixed file: {exc.strerror or exc}; the file is unchanged")
        outcome.unusable = True
    return outcome


def check_file(linter: Linter, path: str, fix: bool = False, named: bool = True) -> Outcome:
    """Read, decode and check one file. A binary file named on the command line
    is unusable input; one found by walking a folder is skipped with a note."""
    try:
        decoded = read_file(path)
    except BinaryInput as exc:
        return Outcome(path, notes=[f"{path}: skipped: {exc}"], unusable=named, skipped=True)
    except InputError as exc:
        return Outcome(path, notes=[f"{path}: {exc}"], unusable=True)
    return check_decoded(linter, path, decoded, fix)


# --------------------------------------------------------------- many files

_worker_linter: Optional[Linter] = None


def _worker_check(job: tuple) -> Outcome:
    path, fix, named = job
    assert _worker_linter is not None
    return check_file(_worker_linter, path, fix, named)


def check_files(linter: Linter, jobs: Sequence[tuple], processes: int = 1) -> Iterator[Outcome]:
    """Outcomes of ``jobs`` — (path, fix, named) — in order, on ``processes`` processes.

    Worker processes are forked, so they share the parent's compiled Linter;
    where fork is not available the run is serial."""
    global _worker_linter
    use_pool = processes > 1 and len(jobs) >= 2 * processes
    if use_pool:
        import multiprocessing

        use_pool = "fork" in multiprocessing.get_all_start_methods()
    if not use_pool:
        for path, fix, named in jobs:
            yield check_file(linter, path, fix, named)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _worker_linter = linter
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
            chunk = max(1, min(16, len(jobs) // (processes * 4)))
            yield from pool.map(_worker_check, jobs, chunksize=chunk)
    finally:
        _worker_linter = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# --------------------------------------------------------------- JSON lines

class BatchStats:
    """Counts of a --jsonl run (constant size, however long the input)."""

    def __init__(self) -> None:
        self.lines = 0
        self.errors = 0
        self.worst = -1  # rank of the most severe violation seen (-1: none)


def check_jsonl(linter: Linter, source: IO[str], sink: Callable[[str], None], lang: str,
                stats: BatchStats) -> None:
    """One result line per input line ``{"id": ..., "text": ...}``, streamed:
    ``{"id": ..., "violations": [...]}``, or ``{"id": ..., "line": N, "error": ...}``
    for a line that cannot be checked. Memory does not grow with the input."""
    for number, line in enumerate(source, 1):
        if not line.strip():
            continue
        stats.lines += 1
        record_id = None
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError('expected an object with a string "text"')
            record_id = record.get("id")
            violations = linter.check(record["text"])
        except (ValueError, RuleTimeoutError) as exc:
            stats.errors += 1
            sink(json.dumps({"id": record_id, "line": number, "error": str(exc)}, ensure_ascii=False))
            continue
        for v in violations:
            stats.worst = max(stats.worst, SEVERITY_RANK[v.severity])
        items = [v.in_language(lang).to_dict() for v in violations]
        sink(json.dumps({"id": record_id, "violations": items}, ensure_ascii=False))

