"""Seller API chat histories: one chat per file, a wrapper with its chat id, a list, or JSON Lines."""
from __future__ import annotations

import json
import re
from typing import Any, Dict, Iterator, List, Optional, Tuple, Union

from .grouping import Item, chats, is_grouped
from .inputs import Source, text_stream
from .records import NOT_GROUPED, BadRecord, Chat, Message, Note, Problem, RawLines, parse_time, role_of


def message_from(obj: Any, default_chat: str, place: str, zone: Optional[Any]) -> Message:
    """One Seller API message (or a flat JSON Lines row with its ``chat_id``); BadRecord says what is wrong."""
    if not isinstance(obj, dict):
        raise BadRecord("not_object")
    user = obj.get("user")
    user_type = user.get("type") if isinstance(user, dict) else obj.get("user_type", obj.get("role"))
    if not isinstance(user_type, str) or not user_type.strip():
        raise BadRecord("no_role")
    if "created_at" not in obj:
        raise BadRecord("no_time")
    time = parse_time(obj["created_at"], zone)
    data = obj.get("data", obj.get("text"))
    if data is None:
        text = ""
    elif isinstance(data, str):
        text = data
    elif isinstance(data, list) and all(isinstance(part, str) for part in data):
        text = "\n".join(data)
    else:
        raise BadRecord("bad_data")
    author = user.get("id") if isinstance(user, dict) else obj.get("author")
    context = obj.get("context") if isinstance(obj.get("context"), dict) else {}
    order = context.get("order_number") or context.get("posting_number") or obj.get("order_number")
    chat_id = obj.get("chat_id", default_chat)
    message_id = obj.get("message_id")
    image = obj.get("is_image")
    return Message(chat_id=str(chat_id), place=place, message_id=None if message_id is None else str(message_id),
                   role=role_of(user_type), user_type=user_type, author=None if author is None else str(author),
                   time=time, text=text, is_image=image is True or str(image).lower() == "true",
                   order=None if order is None else str(order))


def _chat(obj: dict, default_chat: str, where: str, path: str, zone: Optional[Any]) -> Iterator[Union[Chat, Problem]]:
    """A chat object (``messages``, and ``chat_id`` or the file's name): its messages, bad ones as problems."""
    body = obj if "messages" in obj or not isinstance(obj.get("result"), dict) else obj["result"]
    messages = body.get("messages")
    if not isinstance(messages, list):
        yield Problem(where, "no_messages")
        return
    chat_id = str(obj.get("chat_id", body.get("chat_id", default_chat)))
    good: List[Message] = []
    for index, raw in enumerate(messages):
        place = f"{where}: messages[{index}]"
        try:
            message = message_from(raw, chat_id, place, zone)
        except BadRecord as exc:
            yield exc.at(place)
            continue
        good.append(message._replace(chat_id=chat_id))
    if good:
        yield Chat(chat_id, path, good)


def read_json(source: Source, zone: Optional[Any]) -> Iterator[Union[Chat, Problem, Note]]:
    """A whole JSON document (one chat, a wrapper, or a list); JSON Lines when it turns out to be that."""
    with source.open() as raw:
        try:
            document = json.load(text_stream(raw, "utf-8-sig"))
        except json.JSONDecodeError as exc:
            if exc.msg == "Extra data":
                yield from read_jsonl(source, zone)
                return
            yield Problem(f"{source.path}:{exc.lineno}", "bad_json", exc.msg)
            return
        except UnicodeDecodeError as exc:
            yield Problem(source.path, "not_utf8", exc.reason)
            return
    if isinstance(document, dict):
        yield from _chat(document, source.stem, source.path, source.path, zone)
    elif isinstance(document, list) and all(isinstance(x, dict) and "messages" in x for x in document):
        for index, obj in enumerate(document):
            yield from _chat(obj, f"{source.stem}[{index}]", f"{source.path}: [{index}]", source.path, zone)
    elif isinstance(document, list):
        items: List[Item] = []
        for index, raw_message in enumerate(document):
            place = f"{source.path}: [{index}]"
            try:
                items.append(message_from(raw_message, source.stem, place, zone))
            except BadRecord as exc:
                items.append(exc.at(place))
        yield from chats(items, source.path, grouped=False)
    else:
        yield Problem(source.path, "bad_document")


_CHAT_ID = re.compile(r'"chat_id"\s*:\s*(?:"((?:[^"\\]|\\.)*)"|(-?\d+))')


def _line_key(line: str, number: int, stem: str) -> Optional[str]:
    """Which chat a line belongs to, cheaply (the line is decoded later, on a worker): a key inside a
    JSON string has its quotes escaped, so the first plain ``"chat_id":`` is the key. A whole chat on
    one line is a group of its own; None for a line whose chat cannot be told (it is reported later)."""
    if '"messages"' in line:
        return f"\0chat object {number}"
    found = _CHAT_ID.search(line)
    if found and "\\" not in (found.group(1) or ""):
        return found.group(1) if found.group(1) is not None else found.group(2)
    try:
        obj = json.loads(line)
    except json.JSONDecodeError:
        return None
    return str(obj.get("chat_id", stem)) if isinstance(obj, dict) else None


def _keyed_lines(source: Source) -> Iterator[Union[Tuple[Optional[str], int, str], Problem]]:
    with source.open() as raw:
        number = 0
        try:
            for number, line in enumerate(text_stream(raw, "utf-8-sig"), 1):
                if line.strip():
                    yield _line_key(line, number, source.stem), number, line
        except UnicodeDecodeError as exc:
            yield Problem(f"{source.path}:{number + 1}", "not_utf8_rest", exc.reason)


def read_jsonl(source: Source, zone: Optional[Any]) -> Iterator[Union[RawLines, Problem, Note]]:
    """JSON Lines: a chat object per line, or a message per line with its ``chat_id``; chats come out
    as undecoded lines (:func:`decode` turns them into a chat), so decoding runs on the workers."""
    grouped = is_grouped(item[0] for item in _keyed_lines(source) if not isinstance(item, Problem) and item[0])
    if not grouped:
        yield Note(source.path, NOT_GROUPED)
    held: Dict[str, List[Tuple[int, str]]] = {}
    current: Optional[str] = None
    for item in _keyed_lines(source):
        if isinstance(item, Problem):
            yield item
            continue
        key, number, line = item
        key = key if key is not None else (current if current is not None else "")
        if grouped and key != current and current is not None:
            yield RawLines(current, source.path, source.stem, held.pop(current))
        held.setdefault(key, []).append((number, line))
        current = key
    for key, lines in held.items():
        yield RawLines(key, source.path, source.stem, lines)


def decode(raw: RawLines, zone: Optional[Any]) -> Iterator[Union[Chat, Problem]]:
    """The chat (or chats) and problems of some JSON lines."""
    messages: List[Message] = []
    for number, line in raw.lines:
        place = f"{raw.path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(place, "bad_json", exc.msg)
            continue
        if isinstance(obj, dict) and "messages" in obj:
            yield from _chat(obj, f"{raw.stem}:{number}", place, raw.path, zone)
            continue
        try:
            messages.append(message_from(obj, raw.stem, place, zone))
        except BadRecord as exc:
            yield exc.at(place)
    if messages:
        yield Chat(messages[0].chat_id, raw.path, messages)
