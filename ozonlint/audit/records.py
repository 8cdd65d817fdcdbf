"""The audit's value types: one message of a chat history, one chat, one problem found while reading."""
from __future__ import annotations

import calendar
from datetime import datetime, timedelta, timezone
from typing import List, NamedTuple, Optional, Tuple

BUYER, SELLER, OTHER = "buyer", "seller", "other"

# user.type (Seller API) and CSV role values, compared case-folded; anything else is OTHER
# (Support, Crm, Courier, NotificationUser: neither questions from the buyer nor the shop's answers)
ROLE_NAMES = {
    BUYER: ("customer", "buyer", "client", "покупатель", "клиент", "买家", "顾客", "客户"),
    SELLER: ("seller", "shop", "store", "продавец", "магазин", "卖家", "商家", "店铺"),
}
_ROLE_OF = {name: role for role, names in ROLE_NAMES.items() for name in names}
# the other authors the Seller API and the exports name; any other value is reported as unknown
KNOWN_OTHER = frozenset(("support", "crm", "courier", "notificationuser", "system", "ozon", "поддержка", "система",
                         "курьер", "уведомление", "系统", "快递员", "平台客服", "通知"))

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
MICROS = 1_000_000


def unknown_role(user_type: str) -> bool:
    """A value that names none of the known authors (it is counted as OTHER, and reported)."""
    key = user_type.strip().casefold()
    return key not in _ROLE_OF and key not in KNOWN_OTHER


def role_of(user_type: str) -> str:
    """BUYER, SELLER or OTHER for a user type or CSV role, case-insensitively."""
    return _ROLE_OF.get(user_type.strip().casefold(), OTHER)


class Message(NamedTuple):
    """One message; ``time`` is microseconds since the Unix epoch, UTC (exact, integer)."""

    chat_id: str
    place: str                 # where it was read: "file:line" or "file: messages[i]"
    message_id: Optional[str]
    role: str                  # BUYER, SELLER or OTHER
    user_type: str             # as written in the input
    author: Optional[str]      # the seller's user id or the manager's name
    time: int
    text: str
    is_image: bool = False
    order: Optional[str] = None


class Chat(NamedTuple):
    """One chat's messages, in the order they were read."""

    chat_id: str
    source: str
    messages: List[Message]


class RawLines(NamedTuple):
    """One chat's JSON lines, not decoded yet (decoding is left to the worker that audits the chat)."""

    chat_id: str
    path: str
    stem: str
    lines: List[Tuple[int, str]]   # (line number, text)

    @property
    def messages(self) -> List[Tuple[int, str]]:  # what a batch counts
        return self.lines


class Problem(NamedTuple):
    """A file or row that could not be read; it is reported and skipped.

    ``key`` names the reason in ``i18n.PROBLEMS`` (said in the report's language);
    ``detail`` is the untranslatable part (the bad value, the parser's words)."""

    place: str
    key: str
    detail: str = ""


class BadRecord(ValueError):
    """A row or message that cannot be used: a ``Problem`` without its place yet."""

    def __init__(self, key: str, detail: str = "") -> None:
        super().__init__(key, detail)
        self.key = key
        self.detail = detail

    def at(self, place: str) -> Problem:
        return Problem(place, self.key, self.detail)


class Note(NamedTuple):
    """Something the user should know about an input that loses nothing (a message key, see ``i18n``)."""

    place: str
    key: str


NOT_GROUPED = "note.not_grouped"


def parse_time(value: object, naive_zone: Optional[object] = None) -> int:
    """Microseconds since the epoch from RFC 3339 / ISO 8601 text, ``DD.MM.YYYY HH:MM[:SS]``
    or a Unix time in seconds. A time without an offset is in ``naive_zone`` (UTC when None).

    Raises BadRecord."""
    if isinstance(value, bool) or value is None:
        raise BadRecord("no_time")
    if isinstance(value, (int, float)):
        return int(round(value * MICROS))
    text = str(value).strip()
    if len(text) == 20 and text[10] == "T" and text[19] == "Z":  # the Seller API's form, most of the input
        try:
            moment = datetime.fromisoformat(text[:19])
        except ValueError:
            pass
        else:
            return int(calendar.timegm(moment.timetuple())) * MICROS
    if not text:
        raise BadRecord("no_time")
    if text.replace(".", "", 1).isdigit():
        return int(round(float(text) * MICROS))
    moment = _parse_text_time(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=naive_zone or timezone.utc)
    delta = moment - EPOCH
    return (delta.days * 86400 + delta.seconds) * MICROS + delta.microseconds


def _parse_text_time(text: str) -> datetime:
    candidate = text
    if candidate.endswith(("Z", "z")):
        candidate = candidate[:-1] + "+00:00"
    if candidate[:4].isdigit():
        candidate = _trim_fraction(candidate)
        try:
            return datetime.fromisoformat(candidate.replace("t", "T"))
        except ValueError:
            pass
    if len(text) in (16, 19) and text[2] == "." and text[5] == "." and text[10] == " " and text[13] == ":":
        try:  # DD.MM.YYYY HH:MM[:SS], what Russian exports write: strptime is slow
            return datetime(int(text[6:10]), int(text[3:5]), int(text[0:2]), int(text[11:13]), int(text[14:16]),
                            int(text[17:19]) if len(text) == 19 else 0)
        except ValueError:
            pass
    for pattern in ("%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y, %H:%M:%S", "%d.%m.%Y, %H:%M",
                    "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M"):
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    raise BadRecord("bad_time", text)


def _trim_fraction(text: str) -> str:
    """Python < 3.11 reads only 3 or 6 fraction digits: pad or cut to 6 (below a microsecond is dropped)."""
    dot = text.find(".", 10)
    if dot < 0:
        return text
    end = dot + 1
    while end < len(text) and text[end].isdigit():
        end += 1
    digits = text[dot + 1:end]
    return text[:dot + 1] + (digits + "000000")[:6] + text[end:]


def iso(micros: int) -> str:
    """RFC 3339 UTC text of an epoch time in microseconds (seconds precision unless it has a fraction)."""
    moment = EPOCH + timedelta(microseconds=micros)
    if micros % MICROS:
        return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
