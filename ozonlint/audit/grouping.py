"""Rows (one message each) into chats.

A file whose rows keep each chat together (grouped by chat, in any order
inside the chat: what an ERP writes when it pages chat by chat, and what a
one-chat export is) streams: a chat is closed when the next chat starts, so
memory holds one chat. A file whose chats interleave (sorted by time across
chats) cannot stream: its chats stay open until the file ends. Which one a
file is, is looked up first (:func:`is_grouped`), so the answer never
depends on guessing.
"""
from __future__ import annotations

from typing import Dict, Iterable, Iterator, List, Union

from .records import Chat, Message, Problem

Item = Union[Chat, Message, Problem]


def is_grouped(chat_ids: Iterable[str]) -> bool:
    """True when no chat's rows are split by another chat's rows (the ids of the rows, in file order)."""
    closed = set()
    current = None
    for chat_id in chat_ids:
        if chat_id == current:
            continue
        if chat_id in closed:
            return False
        if current is not None:
            closed.add(current)
        current = chat_id
    return True


def chats(items: Iterable[Item], source: str, grouped: bool) -> Iterator[Union[Chat, Problem]]:
    """Chats (in the order they first appear) and problems (as they are met)."""
    if grouped:
        current: List[Message] = []
        for item in items:
            if isinstance(item, Message):
                if current and item.chat_id != current[0].chat_id:
                    yield Chat(current[0].chat_id, source, current)
                    current = []
                current.append(item)
                continue
            if isinstance(item, Chat) and current:  # a whole chat on one line ends the rows before it
                yield Chat(current[0].chat_id, source, current)
                current = []
            yield item
        if current:
            yield Chat(current[0].chat_id, source, current)
        return
    open_chats: Dict[object, Union[Chat, List[Message]]] = {}
    for item in items:
        if isinstance(item, Message):
            open_chats.setdefault(item.chat_id, []).append(item)  # type: ignore[union-attr]
        elif isinstance(item, Chat):
            open_chats[len(open_chats), id(item)] = item
        else:
            yield item
    for key, held in open_chats.items():
        yield held if isinstance(held, Chat) else Chat(str(key), source, held)
