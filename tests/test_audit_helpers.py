"""Small chat histories written by hand, shared by the audit tests."""
from __future__ import annotations

import json
from typing import Dict, List, Optional


def message(mid: Optional[int], kind: str, when: str, text: str, user: str = "", image: bool = False) -> Dict:
    item = {"user": {"id": user or kind.lower(), "type": kind}, "created_at": when, "data": [text],
            "is_image": image, "context": {"order_number": "27450913-0002"}}
    if mid is not None:
        item["message_id"] = str(mid)
    return item


# The README's worked example (all times UTC; 2026-11-16 is a Monday).
CHAT_A = [
    message(1, "Customer", "2026-11-16T09:00:00Z", "Здравствуйте, где мой заказ?"),
    message(2, "Customer", "2026-11-16T09:20:00Z", "Ответьте, пожалуйста"),
    message(3, "Seller", "2026-11-16T10:00:00Z", "Добрый день! Заказ уже в пути.", "anna"),
    message(4, "Crm", "2026-11-16T10:05:00Z", "Заказ доставлен в пункт выдачи."),
    message(5, "Customer", "2026-11-16T20:00:00Z", "Спасибо. А можно вернуть?"),
    message(6, "Seller", "2026-11-17T21:00:00Z", "Здравствуйте! Оформите возврат в личном кабинете Ozon.", "anna"),
    message(7, "Seller", "2026-11-17T22:00:00Z", "Пишите в WhatsApp +7 916 555-12-34", "oleg"),
]
CHAT_B = [
    message(11, "Seller", "2026-11-16T08:00:00Z", "Здравствуйте! Ваш заказ собран.", "anna"),
    message(12, "Customer", "2026-11-16T12:00:00Z", "Мой WhatsApp +7 916 555-12-34, напишите туда"),
]
CHAT_C = [
    message(21, "Customer", "2026-11-16T10:00:00Z", "https://cdn.ozon.ru/photo.jpg", image=True),
    message(22, "Seller", "2026-11-16T10:00:00Z", "Здравствуйте! Вижу фото, заменим товар.", "oleg"),
    message(23, "Support", "2026-11-16T11:00:00Z", "Поддержка Ozon подключилась к чату."),
]


def write_example(folder) -> None:
    """The three chats as Seller API files (newest first, as the API pages them), chat id in a wrapper."""
    folder.mkdir(parents=True, exist_ok=True)
    for chat_id, messages in (("chat-a", CHAT_A), ("chat-b", CHAT_B), ("chat-c", CHAT_C)):
        (folder / f"{chat_id}.json").write_text(
            json.dumps({"chat_id": chat_id, "has_next": False, "messages": list(reversed(messages))},
                       ensure_ascii=False), encoding="utf-8")


def rows(chat_id: str, messages: List[Dict]) -> List[Dict]:
    return [dict(m, chat_id=chat_id) for m in messages]
