#!/usr/bin/env python3
"""The shop audit end to end on a large synthetic history: wall time and peak memory.

Usage:  python benchmarks/audit_bench.py [--messages 1000000] [--jobs 1,2] [--keep DIR]

Writes the sample shop's history (``ozonlint.audit.sample``) as one JSON Lines
file with about ``--messages`` messages, then times ``ozonlint audit FILE
--format json -o OUT`` once per ``--jobs`` value, each in a fresh process, and
once more on a tenth of the history to show that memory does not grow with
the number of chats. Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from typing import Dict, List

MESSAGES_PER_CHAT = 4.45  # what the sample generator averages (more chats are asked for; it stops at the count)


def write_history(path: str, messages: int) -> int:
    from ozonlint.audit import sample

    written = 0
    with open(path, "w", encoding="utf-8") as out:
        for chat in sample.chats(int(messages / MESSAGES_PER_CHAT * 1.2) + 10, seed=2026):
            if written >= messages:
                break
            out.writelines(json.dumps(dict(m, chat_id=chat["chat_id"]), ensure_ascii=False) + "\n"
                           for m in chat["messages"])
            written += len(chat["messages"])
    return written


def timed_audit(history: str, jobs: int, report: str) -> Dict[str, float]:
    command = [sys.executable, "-m", "ozonlint", "audit", history, "--format", "json", "-o", report,
               "--jobs", str(jobs)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8
    if code not in (0, 1):
        raise SystemExit(f"audit failed ({code}): {process.stderr.read().decode()[-2000:]}")  # type: ignore
    return {"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_rss_mib": usage.ru_maxrss / 1024}


def main(argv: List[str] = None) -> None:  # type: ignore[assignment]
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--keep", metavar="DIR", help="Write the history and reports here and keep them.")
    args = parser.parse_args(argv)
    folder = args.keep or tempfile.mkdtemp(prefix="ozonlint-audit-bench-")
    os.makedirs(folder, exist_ok=True)
    try:
        history = os.path.join(folder, "history.jsonl")
        small = os.path.join(folder, "history-tenth.jsonl")
        start = time.perf_counter()
        count = write_history(history, args.messages)
        written_in = time.perf_counter() - start
        small_count = write_history(small, args.messages // 10)
        size = os.path.getsize(history) / 2 ** 20
        print(f"{count:,} messages ({size:.0f} MiB JSON Lines) written in {written_in:.0f} s; "
              f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores")
        rows = []
        for jobs in [int(j) for j in args.jobs.split(",")]:
            result = timed_audit(history, jobs, os.path.join(folder, f"report-{jobs}.json"))
            rows.append((f"{count:,} messages, `--jobs {jobs}`", result, count))
        tenth = timed_audit(small, 1, os.path.join(folder, "report-tenth.json"))
        rows.append((f"{small_count:,} messages, `--jobs 1`", tenth, small_count))
        reports = [open(os.path.join(folder, f"report-{j}.json"), encoding="utf-8").read()
                   for j in args.jobs.split(",")]
        print("\n| run | wall time | messages/s | CPU time (all processes) | peak RSS |\n"
              "| --- | --- | --- | --- | --- |")
        for label, result, n in rows:
            print(f"| {label} | {result['seconds']:.0f} s | {n / result['seconds']:,.0f} | "
                  f"{result['cpu_seconds']:.0f} s | {result['peak_rss_mib']:.0f} MiB |")
        print(f"\nreports identical across --jobs: {len(set(reports)) == 1}")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
