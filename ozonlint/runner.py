"""Check many inputs: files one by one or on several processes, JSON-lines batches.

The runner turns inputs into :class:`Outcome` values in input order; it knows
nothing about output formats (``report/``) or options parsing (``cli``).
Parallel runs fork worker processes that inherit the already-built Linter,
and return exactly what a serial run would, in the same order.
"""
from __future__ import annotations

import json
import os
import re
from typing import IO, Callable, Iterator, List, Optional, Sequence

from .engine import Linter, RuleTimeoutError
from .model import Severity, Violation
from .pipeline import FileSettings, check_and_fix, check_text
from .safepattern import PatternTimeout
from .sources import BinaryInput, Decoded, InputError, encode, read_file, remove_stale_temporaries, write_atomic
from .templates import TemplateError

SEVERITY_RANK = {s.value: s.rank for s in Severity}


class Outcome:
    """What checking one input produced."""

    __slots__ = ("path", "text", "violations", "notes", "unusable", "skipped", "fixed", "diff")

    def __init__(self, path: str, text: str = "", violations: Optional[List[Violation]] = None,
                 notes: Optional[List[str]] = None, unusable: bool = False, skipped: bool = False) -> None:
        self.path = path
        self.text = text
        self.violations: List[Violation] = violations or []
        self.notes: List[str] = notes or []  # one-line messages for standard error
        self.unusable = unusable             # unreadable, not verified, or not written
        self.skipped = skipped               # not text: nothing was checked
        self.fixed = 0                       # problems fixed in place
        self.diff = ""                       # with --diff: the fix as a unified diff


def check_decoded(linter: Linter, path: str, decoded: Decoded, settings: FileSettings,
                  fix: bool = False, diff: bool = False, in_place: Optional[bool] = None) -> Outcome:
    """Check one decoded input; with ``fix``, rewrite a file in place (``in_place``,
    by default for any path but '-'), or with ``diff`` describe the rewrite instead."""
    outcome = Outcome(path, decoded.text)
    try:
        if fix or diff:
            result = check_and_fix(linter, path, decoded.text, settings)
            violations, fixed, remaining = result.violations, result.text, result.remaining
            if fixed != decoded.text:
                outcome.fixed = len(violations) - len(remaining)
                if diff:
                    outcome.diff = _unified_diff(path, decoded.text, fixed)
                elif path != "-" and os.path.islink(path):
                    # a fix would replace the link by a file, or edit a file
                    # anywhere the link points (a cloned repository's link to
                    # a file of yours): the author fixes the target itself
                    outcome.notes.append(f"{path}: not fixed: a symbolic link (to {os.path.realpath(path)}); "
                                         "fix the file it points to")
                else:
                    if (path != "-") if in_place is None else in_place:
                        try:
                            write_atomic(path, encode(decoded, fixed))
                        except OSError as exc:
                            outcome.notes.append(f"{path}: cannot write the fixed file: {exc.strerror or exc}; "
                                                 "the file is unchanged")
                            outcome.unusable = True
                            outcome.violations = violations
                            return outcome
                        outcome.notes.append(f"{path}: fixed {outcome.fixed} problem(s)")
                    outcome.text, violations = fixed, remaining
        else:
            violations = check_text(linter, path, decoded.text, settings).violations
        outcome.violations = violations
    except TemplateError as exc:
        where = f"{path}:{exc.line}" if exc.line else path
        outcome.notes.append(f"{where}: {exc}" if not exc.line else f"{where}: {str(exc).split(': ', 1)[-1]}")
        outcome.unusable = True
    except (RuleTimeoutError, PatternTimeout) as exc:
        if isinstance(exc, PatternTimeout):
            exc = RuleTimeoutError(exc.rule)
        outcome.notes.append(f"{path}: not verified: {exc}")
        outcome.unusable = True
    return outcome


_PATCH_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def _unified_diff(path: str, old: str, new: str) -> str:
    """A patch that ``patch -p1`` and ``git apply`` take: lines end at LF only (as
    they read them, not at every break str.splitlines knows), and a last line
    without one is marked as diff marks it."""
    import difflib

    lines = difflib.unified_diff(_PATCH_LINE.findall(old), _PATCH_LINE.findall(new),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def check_file(linter: Linter, path: str, settings: FileSettings, fix: bool = False, diff: bool = False,
               named: bool = True) -> Outcome:
    """Read, decode and check one file. A binary file named on the command line
    is unusable input; one found by walking a folder is skipped with a note."""
    if fix:
        remove_stale_temporaries(os.path.dirname(path) or os.curdir)
    try:
        decoded = read_file(path, settings.encoding)
    except BinaryInput as exc:
        return Outcome(path, notes=[f"{path}: skipped: {exc}"], unusable=named, skipped=True)
    except InputError as exc:
        return Outcome(path, notes=[f"{path}: {exc}"], unusable=True)
    return check_decoded(linter, path, decoded, settings, fix, diff)


class FileJob:
    """One file to check, with the Linter and settings its configuration chose."""

    __slots__ = ("path", "linter", "settings", "fix", "diff", "named")

    def __init__(self, path: str, linter: Linter, settings: FileSettings, fix: bool, diff: bool,
                 named: bool) -> None:
        self.path = path
        self.linter = linter
        self.settings = settings
        self.fix = fix
        self.diff = diff
        self.named = named

    def run(self) -> Outcome:
        try:
            return check_file(self.linter, self.path, self.settings, self.fix, self.diff, self.named)
        except Exception as exc:  # a bug must not hide the other files' results behind a traceback
            return Outcome(self.path, notes=[f"{self.path}: internal error ({type(exc).__name__}: {exc}); "
                                             "the file was not checked — please report this"], unusable=True)


# --------------------------------------------------------------- many files

_worker_jobs: Sequence[FileJob] = ()


def _worker_check(index: int) -> Outcome:
    return _worker_jobs[index].run()


def _worker_start(parent: int) -> None:
    """Tie a worker's life to the run that started it.

    A worker outlives a killed parent otherwise (its own copy of the task
    pipe never reports the end), and would wait for ever. Ctrl-C reaches the
    whole process group: the parent alone handles it, and lets each worker
    finish the file it is writing."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by fork
    if not _die_with_parent():
        import threading

        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the tie was made
        os._exit(1)


def _die_with_parent() -> bool:
    """Linux: the kernel sends SIGKILL when the parent dies (PR_SET_PDEATHSIG)."""
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(1, int(signal.SIGKILL), 0, 0, 0) == 0  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    """Elsewhere: look for a new parent (the old one is gone) every half second."""
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def check_files(jobs: Sequence[FileJob], processes: int = 1) -> Iterator[Outcome]:
    """Outcomes of ``jobs`` in order, on ``processes`` processes.

    Worker processes are forked, so they share the parent's compiled Linters
    and settings; where fork is not available the run is serial."""
    global _worker_jobs
    use_pool = processes > 1 and len(jobs) >= 2 * processes
    if use_pool:
        import multiprocessing

        use_pool = "fork" in multiprocessing.get_all_start_methods()
    if not use_pool:
        for job in jobs:
            yield job.run()
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    _worker_jobs = jobs
    try:
        context = multiprocessing.get_context("fork")
        pool = ProcessPoolExecutor(max_workers=processes, mp_context=context, initializer=_worker_start,
                                   initargs=(os.getpid(),))
        try:
            chunk = max(1, min(16, len(jobs) // (processes * 4)))
            done = 0
            try:
                for outcome in pool.map(_worker_check, range(len(jobs)), chunksize=chunk):
                    yield outcome
                    done += 1
            except BrokenProcessPool:  # a worker was killed (out of memory?): say what was not checked
                for job in jobs[done:]:
                    yield Outcome(job.path, notes=[f"{job.path}: not checked: the worker process checking it "
                                                   "was killed"], unusable=True)
        except BaseException:
            # interrupted (or the reader stopped): start no more files; the
            # workers finish the ones they hold, so no file is left half-written
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
    finally:
        _worker_jobs = ()


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
                stats: BatchStats, fix: bool = False) -> None:
    """One result line per input line ``{"id": ..., "text": ...}``, streamed:
    ``{"id": ..., "violations": [...]}`` (with ``fix``, also ``"fixed"``: the text
    with the safe suggestions applied), or ``{"id": ..., "line": N, "error": ...}``
    for a line that cannot be checked, with its id whenever the line has one.
    Memory does not grow with the input."""
    for number, line in enumerate(source, 1):
        if not line.strip():
            continue
        stats.lines += 1
        record_id = None
        try:
            record = json.loads(line)
            if isinstance(record, dict):
                record_id = record.get("id")
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError('expected an object with a string "text"')
            violations = linter.check(record["text"])
            fixed = linter.fix(record["text"]) if fix else None
        except (ValueError, RuleTimeoutError) as exc:
            stats.errors += 1
            sink(json.dumps({"id": record_id, "line": number, "error": str(exc)}, ensure_ascii=False))
            continue
        for v in violations:
            stats.worst = max(stats.worst, SEVERITY_RANK[v.severity])
        items = [v.in_language(lang).to_dict() for v in violations]
        result = {"id": record_id, "violations": items}
        if fix:
            result["fixed"] = fixed
        sink(json.dumps(result, ensure_ascii=False))

