"""CSV exports ("Export Chat" in the seller cabinet, or an ERP's): columns from the header or from options."""
from __future__ import annotations

import csv
import unicodedata
from typing import Any, Dict, Iterator, List, Mapping, Optional, Union

from .grouping import Item, chats, is_grouped
from .inputs import Source, sniff_encoding, text_stream
from .records import NOT_GROUPED, BadRecord, Chat, Message, Note, Problem, parse_time, role_of

FIELDS = ("time", "role", "author", "chat", "order", "text", "message_id", "image")
REQUIRED = ("time", "role", "text")

# Header names per field (ru, en, zh), compared after _key(): case and punctuation do not matter.
HEADERS: Dict[str, tuple] = {
    "time": ("time", "date", "datetime", "date time", "created at", "created", "timestamp", "sent", "sent at",
             "время", "дата", "дата и время", "дата/время", "время отправки", "дата отправки", "дата сообщения",
             "время сообщения", "时间", "日期", "发送时间", "创建时间", "日期时间", "消息时间"),
    "role": ("role", "author role", "sender role", "sender type", "author type", "user type", "user.type", "type",
             "роль", "роль автора", "роль отправителя", "тип отправителя", "тип автора", "кто написал",
             "角色", "发送者类型", "发送方", "用户类型", "类型"),
    "author": ("manager", "manager name", "author name", "sender name", "employee", "agent", "operator", "user id",
               "user.id", "менеджер", "сотрудник", "оператор", "имя менеджера", "имя отправителя", "经理", "客服",
               "客服人员", "员工", "发送人姓名"),
    "chat": ("chat", "chat id", "dialog", "dialogue", "dialog id", "conversation", "conversation id", "thread",
             "чат", "id чата", "ид чата", "номер чата", "диалог", "id диалога", "聊天", "聊天id", "会话", "会话id",
             "对话id"),
    "order": ("order", "order number", "order id", "posting", "posting number", "заказ", "номер заказа",
              "отправление", "номер отправления", "订单", "订单号", "货件", "货件号"),
    "text": ("text", "message", "message text", "body", "content", "data", "текст", "сообщение",
             "текст сообщения", "消息", "内容", "文本", "消息内容"),
    "message_id": ("message id", "id сообщения", "номер сообщения", "消息id", "id"),
    "image": ("is image", "image", "изображение", "картинка", "图片"),
}
# Names that say who wrote a row without saying whether as a role or a name: the role when
# no column is named as a role, else the author.
AMBIGUOUS = ("sender", "from", "author", "отправитель", "автор", "от кого", "发送者", "发送人", "作者")
TRUE_WORDS = {"true", "1", "yes", "да", "是"}


def _key(name: str) -> str:
    name = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in name if ch.isalnum())


_FIELD_OF = {_key(name): field for field, names in HEADERS.items() for name in names}
_AMBIGUOUS = {_key(name) for name in AMBIGUOUS}


def parse_columns(options: List[str]) -> Dict[str, str]:
    """``--column FIELD=NAME`` values as a mapping; ValueError for an unknown field or a missing ``=``."""
    columns: Dict[str, str] = {}
    for option in options:
        field, sep, name = option.partition("=")
        field = field.strip().replace("-", "_")
        if not sep or field not in FIELDS or not name.strip():
            raise ValueError(option)
        columns[field] = name.strip()
    return columns


def map_header(header: List[str], given: Mapping[str, str]) -> Dict[str, int]:
    """Field -> column index. A given column is a header name or a 1-based number; BadRecord if absent."""
    found: Dict[str, int] = {}
    ambiguous: List[int] = []
    for index, name in enumerate(header):
        key = _key(name)
        field = _FIELD_OF.get(key)
        if field is not None and field not in found:
            found[field] = index
        elif key in _AMBIGUOUS:
            ambiguous.append(index)
    for index in ambiguous:
        field = "role" if "role" not in found else "author"
        found.setdefault(field, index)
    for field, name in given.items():
        keys = [_key(h) for h in header]
        if name.isdigit() and 1 <= int(name) <= len(header):
            found[field] = int(name) - 1
        elif _key(name) in keys:
            found[field] = keys.index(_key(name))
        else:
            raise BadRecord("csv_no_column", f"{field}={name}")
    missing = [field for field in REQUIRED if field not in found]
    if missing:
        raise BadRecord("csv_missing", ", ".join(missing))
    return found


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t", "|")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def _rows(source: Source, given: Mapping[str, str], zone: Optional[Any]) -> Iterator[Item]:
    encoding = sniff_encoding(source.sample())
    with source.open() as raw:
        stream = text_stream(raw, encoding)
        try:
            first = stream.readline()
            if not first.strip():
                yield Problem(source.path, "csv_empty")
                return
            delimiter = _delimiter(first)
            header = next(csv.reader([first], delimiter=delimiter))
            try:
                columns = map_header(header, given)
            except BadRecord as exc:
                yield exc.at(f"{source.path}:1")
                return
            width = len(header)
            reader = csv.reader(stream, delimiter=delimiter)
            line = 1
            known_roles = False
            for row in reader:
                start, line = line + 1, reader.line_num + 1
                if not any(cell.strip() for cell in row):
                    continue
                place = f"{source.path}:{start}"
                if len(row) != width:
                    yield Problem(place, "csv_width", f"{len(row)}/{width}")
                    continue
                try:
                    message = _message(row, columns, source.stem, place, zone)
                except BadRecord as exc:
                    yield exc.at(place)
                    continue
                known_roles = known_roles or message.role != "other"
                yield message
            if line > 1 and not known_roles:
                yield Problem(f"{source.path}:1", "csv_no_roles", header[columns["role"]])
        except UnicodeDecodeError as exc:
            yield Problem(source.path, "not_utf8_rest", exc.reason)
        except csv.Error as exc:
            yield Problem(f"{source.path}:{line}", "csv_broken", str(exc))


def _message(row: List[str], columns: Mapping[str, int], default_chat: str, place: str,
             zone: Optional[Any]) -> Message:
    def cell(field: str) -> Optional[str]:
        index = columns.get(field)
        value = row[index].strip() if index is not None else ""
        return value or None

    user_type = cell("role")
    if user_type is None:
        raise BadRecord("no_role")
    chat_id = cell("chat") if "chat" in columns else default_chat
    if chat_id is None:
        raise BadRecord("no_chat")
    text = row[columns["text"]]
    image = (cell("image") or "").casefold() in TRUE_WORDS
    return Message(chat_id=chat_id, place=place, message_id=cell("message_id"), role=role_of(user_type),
                   user_type=user_type, author=cell("author"), time=parse_time(cell("time"), zone), text=text,
                   is_image=image, order=cell("order"))


def _chat_ids(source: Source, given: Mapping[str, str]) -> Iterator[str]:
    """The chat column of every row, without reading the rest (whether the file is grouped by chat)."""
    with source.open() as raw:
        stream = text_stream(raw, sniff_encoding(source.sample()))
        try:
            first = stream.readline()
            delimiter = _delimiter(first)
            columns = map_header(next(csv.reader([first], delimiter=delimiter)), given)
            if "chat" not in columns:
                return
            index = columns["chat"]
            for row in csv.reader(stream, delimiter=delimiter):
                if len(row) > index:
                    yield row[index].strip()
        except (BadRecord, StopIteration, UnicodeDecodeError, csv.Error):
            return


def read_csv(source: Source, given: Mapping[str, str], zone: Optional[Any]) -> Iterator[Union[Chat, Problem, Note]]:
    grouped = is_grouped(_chat_ids(source, given))
    if not grouped:
        yield Note(source.path, NOT_GROUPED)
    yield from chats(_rows(source, given, zone), source.path, grouped)
