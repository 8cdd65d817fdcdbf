"""Seller API chat histories: one chat per file, a wrapper with its chat id, a list, or JSON Lines."""
from __future__ import annotations

import json
from typing import Any, Iterator, List, Optional, Union

from .grouping import Item, chats, is_grouped
from .inputs import Source, text_stream
from .records import NOT_GROUPED, BadRecord, Chat, Message, Note, Problem, parse_time, role_of


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


def _rows(source: Source, zone: Optional[Any]) -> Iterator[Item]:
    with source.open() as raw:
        number = 0
        try:
            for number, line in enumerate(text_stream(raw, "utf-8-sig"), 1):
                if not line.strip():
                    continue
                place = f"{source.path}:{number}"
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield Problem(place, "bad_json", exc.msg)
                    continue
                if isinstance(obj, dict) and "messages" in obj:
                    yield from _chat(obj, f"{source.stem}:{number}", place, source.path, zone)
                    continue
                try:
                    yield message_from(obj, source.stem, place, zone)
                except BadRecord as exc:
                    yield exc.at(place)
        except UnicodeDecodeError as exc:
            yield Problem(f"{source.path}:{number + 1}", "not_utf8_rest", exc.reason)


def read_jsonl(source: Source, zone: Optional[Any]) -> Iterator[Union[Chat, Problem, Note]]:
    """JSON Lines: a chat object per line, or a message per line with its ``chat_id``."""
    grouped = is_grouped(_rows(source, zone))
    if not grouped:
        yield Note(source.path, NOT_GROUPED)
    yield from chats(_rows(source, zone), source.path, grouped)
