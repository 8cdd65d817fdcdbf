"""The audit's driver: sources -> chats in batches -> partials (on one or several processes) -> one partial.

Reading stays in this process (it is cheap and keeps problems in input
order); checking and timing run per batch of whole chats, on forked worker
processes with ``jobs`` > 1. Batches are merged in input order, so every
figure and the order of the findings are the same for any ``jobs``. Findings
go to spool files in a temporary folder, not to memory.
"""
from __future__ import annotations

import json
import os
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Sequence

from ..engine import Linter
from .aggregate import Partial
from .compliance import check_message
from .hours import Clock
from .inputs import Source
from .readers import read
from .records import Chat, Note, Problem
from .timing import chat_times, in_time_order

BATCH_MESSAGES = 2000


class Settings:
    """What every batch needs: the Linter, the report language, the clock; where to spool findings."""

    def __init__(self, linter: Linter, lang: str, clock: Clock, spool_dir: Optional[str] = None) -> None:
        self.linter = linter
        self.lang = lang
        self.clock = clock
        self.spool_dir = spool_dir


def audit_chats(chats: Sequence[Chat], settings: Settings, spool: Optional[str] = None) -> Partial:
    """The partial figures of some whole chats; findings to ``spool`` (a file) or kept in the partial."""
    partial = Partial()
    lines: List[str] = []
    for chat in chats:
        chat = chat._replace(messages=in_time_order(chat.messages))  # findings in time order, however read
        times = chat_times(chat.messages, settings.clock)
        found = [check_message(settings.linter, m, settings.lang) for m in chat.messages]
        for item in partial.add_chat(chat, times, found, settings.clock):
            lines.append(json.dumps(item, ensure_ascii=False))
    if lines:
        if spool is None:
            partial.findings = [lines]
        else:
            with open(spool, "w", encoding="utf-8") as out:
                out.write("\n".join(lines) + "\n")
            partial.findings = [spool]
    return partial


def chat_stream(sources: Sequence[Source], columns: Mapping[str, str], zone: Any,
                on_problem: Callable[[Problem], None], on_note: Callable[[Note], None]) -> Iterator[Chat]:
    for source in sources:
        for item in read(source, columns, zone):
            if isinstance(item, Chat):
                yield item
            elif isinstance(item, Problem):
                on_problem(item)
            else:
                on_note(item)


def batches(chats: Iterator[Chat], size: Optional[int] = None) -> Iterator[List[Chat]]:
    """Whole chats, about ``size`` messages a batch (BATCH_MESSAGES when None)."""
    size = size or BATCH_MESSAGES
    batch: List[Chat] = []
    count = 0
    for chat in chats:
        batch.append(chat)
        count += len(chat.messages)
        if count >= size:
            yield batch
            batch, count = [], 0
    if batch:
        yield batch


_worker_settings: Optional[Settings] = None


def _worker(index: int, chats: List[Chat]) -> Partial:
    assert _worker_settings is not None
    return audit_chats(chats, _worker_settings, _spool(_worker_settings, index))


def _spool(settings: Settings, index: int) -> Optional[str]:
    return None if settings.spool_dir is None else os.path.join(settings.spool_dir, f"findings-{index:08d}.jsonl")


def audit(chats: Iterator[Chat], settings: Settings, jobs: int = 1) -> Partial:
    """All chats' figures, merged in input order; ``jobs`` > 1 forks worker processes."""
    total = Partial()
    use_pool = jobs > 1
    if use_pool:
        import multiprocessing

        use_pool = "fork" in multiprocessing.get_all_start_methods()
    if not use_pool:
        for index, batch in enumerate(batches(chats)):
            total.merge(audit_chats(batch, settings, _spool(settings, index)))
        return total
    return _audit_parallel(chats, settings, jobs, total)


def _audit_parallel(chats: Iterator[Chat], settings: Settings, jobs: int, total: Partial) -> Partial:
    global _worker_settings
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    _worker_settings = settings  # inherited by the forked workers with the compiled Linter
    pending: Dict[int, "Future[Partial]"] = {}
    done: Dict[int, Partial] = {}
    next_index = 0
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            def drain(limit: int) -> None:
                nonlocal next_index
                while len(pending) > limit:
                    finished, _ = wait(list(pending.values()), return_when=FIRST_COMPLETED)
                    for index in [i for i, f in pending.items() if f in finished]:
                        done[index] = pending.pop(index).result()
                    while next_index in done:
                        total.merge(done.pop(next_index))
                        next_index += 1

            for index, batch in enumerate(batches(chats)):
                pending[index] = pool.submit(_worker, index, batch)
                drain(2 * jobs)  # bounded: a few batches in flight, memory does not grow with the input
            drain(0)
    finally:
        _worker_settings = None
    return total


