"""The audit's driver: sources -> chats in batches -> partials (on one or several processes) -> one partial.

This process only cuts the input into whole chats: JSON lines grouped by a
cheap scan of their chat ids, JSON files handed over whole, CSV rows read.
Decoding, checking and timing run per batch of whole chats, on forked worker
processes with ``jobs`` > 1; problems met while reading travel in the batches.
Batches are merged in input order, so every figure, problem and finding comes
out the same for any ``jobs``. Findings go to spool files in a temporary
folder, not to memory.
"""
from __future__ import annotations

import itertools
import json
import os
import zlib
from typing import Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Union

from ..engine import Linter
from .aggregate import Partial
from .compliance import check_message
from .hours import Clock
from .inputs import Source
from .json_reader import decode
from .readers import read
from .records import Chat, Note, Problem, RawLines
from .timing import chat_times, in_time_order

BATCH_MESSAGES = 2000
Item = Union[Chat, RawLines, Problem, Source]


class Settings:
    """What every batch needs: the Linter, the report language, the clock, the zone of times
    written without an offset; where to spool findings."""

    def __init__(self, linter: Linter, lang: str, clock: Clock, spool_dir: Optional[str] = None,
                 zone: Any = None) -> None:
        self.linter = linter
        self.lang = lang
        self.clock = clock
        self.spool_dir = spool_dir
        self.zone = zone


def _decoded(items: Sequence[Item], zone: Any) -> Iterator[Union[Chat, Problem, Note]]:
    """Chats and problems, decoding what the reading process left undecoded (JSON lines, JSON files)."""
    for item in items:
        if isinstance(item, RawLines):
            yield from decode(item, zone)
        elif isinstance(item, Source):
            for found in read(item, {}, zone):
                yield from (decode(found, zone) if isinstance(found, RawLines) else [found])
        else:
            yield item


def audit_chats(items: Sequence[Item], settings: Settings, spool: Optional[str] = None) -> Partial:
    """The partial figures of some whole chats (and the problems met on the way, in order);
    findings to ``spool`` (a file) or kept in the partial."""
    partial = Partial()
    lines: List[str] = []
    for chat in _decoded(items, settings.zone):
        if isinstance(chat, Problem):
            partial.problems.append(chat)
            continue
        if isinstance(chat, Note):
            partial.notes.append(chat)
            continue
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


def chat_stream(sources: Iterable[Source], columns: Mapping[str, str], zone: Any,
                on_note: Callable[[Note], None]) -> Iterator[Item]:
    """Chats (decoded or not) and problems, in input order; notes go to ``on_note`` at once.
    A JSON document is left whole to the worker that audits it (its chats are not known before)."""
    for source in sources:
        try:
            whole = source.format() == "json"
        except (OSError, EOFError, zlib.error):
            whole = False  # read() says what is wrong with it
        if whole:
            yield source
            continue
        for item in read(source, columns, zone):
            if isinstance(item, Note):
                on_note(item)
            else:
                yield item


def batches(items: Iterator[Item], size: Optional[int] = None) -> Iterator[List[Item]]:
    """Whole chats (and problems, where they were met), about ``size`` messages a batch
    (BATCH_MESSAGES when None)."""
    size = size or BATCH_MESSAGES
    batch: List[Item] = []
    count = 0
    for item in items:
        batch.append(item)
        count += _weight(item)
        if count >= size:
            yield batch
            batch, count = [], 0
    if batch:
        yield batch


def _weight(item: Item) -> int:
    """About how many messages an item holds (a JSON file's by its size: a message is some 300 bytes)."""
    if isinstance(item, Problem):
        return 0
    if isinstance(item, Source):
        try:
            return 1 + os.path.getsize(item.real_path) // 300
        except OSError:
            return 1
    return len(item.messages)


_worker_settings: Optional[Settings] = None


def _worker(index: int, chats: List[Item]) -> Partial:
    assert _worker_settings is not None
    return audit_chats(chats, _worker_settings, _spool(_worker_settings, index))


def _spool(settings: Settings, index: int) -> Optional[str]:
    return None if settings.spool_dir is None else os.path.join(settings.spool_dir, f"findings-{index:08d}.jsonl")


def audit(chats: Iterator[Item], settings: Settings, jobs: int = 1) -> Partial:
    """All chats' figures, merged in input order; ``jobs`` > 1 forks worker processes
    (when there is more than one batch: a small history is not worth a pool)."""
    total = Partial()
    pending = batches(chats)
    first = list(itertools.islice(pending, 2))
    use_pool = jobs > 1 and len(first) > 1
    if use_pool:
        import multiprocessing

        use_pool = "fork" in multiprocessing.get_all_start_methods()
    every = itertools.chain(first, pending)
    if not use_pool:
        for index, batch in enumerate(every):
            total.merge(audit_chats(batch, settings, _spool(settings, index)))
        return total
    return _audit_parallel(every, settings, jobs, total)


def _audit_parallel(every: Iterator[List[Item]], settings: Settings, jobs: int, total: Partial) -> Partial:
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

            for index, batch in enumerate(every):
                pending[index] = pool.submit(_worker, index, batch)
                drain(2 * jobs)  # bounded: a few batches in flight, memory does not grow with the input
            drain(0)
    finally:
        _worker_settings = None
    return total


