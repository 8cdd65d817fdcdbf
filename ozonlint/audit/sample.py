"""A synthetic shop history to try the audit on, in the Seller API's JSON, a CSV export and JSON Lines.

    python -m ozonlint.audit.sample OUT_DIR [--chats 300] [--seed 7] [--formats api,csv,jsonl] [--parts 1]

Deterministic for a seed. Buyers write from morning to late night (Moscow
time); four managers answer on weekdays 09:00–19:00 and Saturdays 10:00–15:00,
so questions asked at night or on Sunday wait; a few chats are never answered,
some buyers write several messages before an answer, Ozon's system and support
write too, and some managers use templates that break the rules.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
from datetime import datetime, timedelta, timezone
from typing import Dict, Iterator, List, Optional

MOSCOW = timezone(timedelta(hours=3))  # no daylight saving since 2014: a fixed offset is exact
START = datetime(2026, 9, 7, tzinfo=MOSCOW)  # a Monday
WEEKS = 8
CSV_HEADER = ["Дата", "ID чата", "Номер заказа", "Роль", "Менеджер", "Сообщение", "Изображение"]
CSV_ROLES = {"Customer": "Покупатель", "Seller": "Продавец", "Support": "Поддержка", "Crm": "Система"}

MANAGERS = [("4418207", "Анна", 0.02), ("4418311", "Игорь", 0.18), ("4418452", "Мария", 0.05),
            ("4418590", "Олег", 0.30)]  # (seller user id, name, share of replies that break a rule)
QUESTIONS = [
    "Добрый вечер, подойдёт ли M на рост 170?", "Здравствуйте! Когда отправите заказ?",
    "Пришёл не тот цвет, что делать?", "Есть ли гарантия на товар?", "Можно оформить возврат?",
    "Подскажите, товар оригинальный?", "Посылка задерживается, где она?", "Hello, does it fit iPhone 15?",
    "Какой размер брать на 42 ногу?", "Есть ли этот товар в чёрном цвете?", "Здравствуйте, почему заказ отменён?",
]
FOLLOW_UPS = ["Алло, вы здесь?", "Ответьте, пожалуйста.", "Жду ответа уже давно.", "???"]
REPLIES = [
    "Здравствуйте! Размер M подойдёт на рост 170 см.",
    "Добрый день! Заказ передан в доставку, трек-номер появится в карточке заказа.",
    "Здравствуйте! Да, товар в наличии, отправим сегодня.",
    "Здравствуйте! Гарантия 12 месяцев, чек вложен в посылку.",
    "Здравствуйте! Оформите возврат через личный кабинет Ozon, мы его одобрим.",
    "Hello! The item ships tomorrow.",
    "Добрый вечер! Приносим извинения за задержку, заказ уже в пути.",
    "Здравствуйте! Пришлите фото дефекта сюда в чат, пожалуйста.",
    "Здравствуйте! Цвет на фото соответствует реальному.",
]
BAD_REPLIES = [  # templates that keep failing: the audit groups them
    "Здравствуйте! Напишите нам в WhatsApp +7 916 555-12-34, там ответим быстрее.",
    "Добрый день! Оставьте отзыв 5 звёзд, и мы вернём 200 рублей кэшбэком.",
    "Здравствуйте! Для срочной отправки нужна доплата 300 рублей переводом на карту.",
    "Добрый день! Можем продать напрямую дешевле, без Ozon, пишите.",
    "您好，我们会尽快发货。",
    "Здравствуйте, {name}! Ваш заказ отправлен.",
    "Добрый день! Купите ещё один товар, второй со скидкой 50%!",
    "Добрый день! Напишите в телегу @shop_best, там скидки.",
]
OPENERS = ["Здравствуйте! Ваш заказ {order} собран и передан в доставку."]
SYSTEM = ["Заказ {order} доставлен в пункт выдачи.", "Покупатель открыл спор по заказу {order}."]
SUPPORT = ["Здравствуйте! Это поддержка Ozon, мы подключились к чату."]


def _open_at(moment: datetime) -> Optional[datetime]:
    """The first moment at or after ``moment`` when a manager is at work."""
    local = moment.astimezone(MOSCOW)
    for _ in range(8):
        weekday = local.weekday()
        hours = (9, 19) if weekday < 5 else ((10, 15) if weekday == 5 else None)
        if hours is not None:
            opens = local.replace(hour=hours[0], minute=0, second=0)
            closes = local.replace(hour=hours[1], minute=0, second=0)
            if local < opens:
                return opens
            if local < closes:
                return local
        local = (local + timedelta(days=1)).replace(hour=0, minute=0, second=0)
    return None


def _answer_time(rng: random.Random, asked: datetime) -> datetime:
    at_work = _open_at(asked)
    assert at_work is not None
    delay = timedelta(minutes=min(600.0, rng.lognormvariate(3.3, 0.9)))
    if at_work > asked:
        delay = timedelta(minutes=rng.uniform(5, 90))
    return at_work + delay


def chats(count: int, seed: int) -> Iterator[Dict]:
    """``count`` chats, each ``{"chat_id", "messages": [...]}`` oldest first, messages as the Seller API has them."""
    rng = random.Random(seed)
    message_id = 3000000000817000000
    end = START + timedelta(weeks=WEEKS)
    for number in range(count):
        chat_id = f"5f3c{number:08d}-aa{seed % 100:02d}-4c1e-9b7a-{rng.getrandbits(40):010x}"
        order = f"{rng.randint(10000000, 99999999)}-{rng.randint(1, 9):04d}"
        buyer = str(rng.randint(100000, 999999))
        manager_id, _, bad_share = rng.choice(MANAGERS)
        day = START + timedelta(days=rng.randrange(WEEKS * 7))
        moment = day.replace(hour=rng.choice([8, 10, 12, 14, 16, 18, 20, 21, 22, 23]), minute=rng.randrange(60),
                             second=rng.randrange(60))
        messages: List[Dict] = []

        def add(kind: str, text: str, when: datetime, image: bool = False, user: str = "") -> None:
            nonlocal message_id
            message_id += rng.randint(1, 40)
            messages.append({"message_id": str(message_id), "user": {"id": user, "type": kind},
                             "created_at": when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                             "is_read": True, "data": [text], "context": {"order_number": order, "sku": "1540926733"},
                             "is_image": image})

        if rng.random() < 0.1:  # the seller writes first: not an answer to anything
            add("Seller", OPENERS[0].format(order=order), _open_at(moment) or moment, user=manager_id)
            moment += timedelta(hours=rng.uniform(2, 30))
        for turn in range(rng.choice([1, 1, 1, 2, 2, 3])):
            if moment >= end:
                break
            add("Customer", rng.choice(QUESTIONS), moment, user=buyer)
            if rng.random() < 0.08:
                add("Customer", "https://cdn.ozon.ru/chat/photo.jpg", moment + timedelta(seconds=40), True, buyer)
            for _ in range(rng.choice([0, 0, 0, 1, 2])):
                moment += timedelta(minutes=rng.uniform(2, 240))
                add("Customer", rng.choice(FOLLOW_UPS), moment, user=buyer)
            if rng.random() < 0.05:
                add("Crm", rng.choice(SYSTEM).format(order=order), moment + timedelta(minutes=3), user="0")
            answered = _answer_time(rng, moment)
            if answered >= end or rng.random() < 0.05:
                break  # never answered: the chat is still waiting
            if rng.random() < 0.04:
                add("Support", SUPPORT[0], moment + timedelta(hours=1), user="ozon-support")
            text = rng.choice(BAD_REPLIES) if rng.random() < bad_share else rng.choice(REPLIES)
            add("Seller", text, answered, user=manager_id)
            moment = answered + timedelta(hours=rng.uniform(0.2, 40))
        messages.sort(key=lambda m: m["created_at"])
        yield {"chat_id": chat_id, "messages": messages}


def _csv_row(chat_id: str, m: Dict, names: Dict[str, str]) -> List[str]:
    when = datetime.strptime(m["created_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    kind = m["user"]["type"]
    return [when.astimezone(MOSCOW).strftime("%d.%m.%Y %H:%M:%S"), chat_id, m["context"]["order_number"],
            CSV_ROLES.get(kind, kind), names.get(m["user"]["id"], "") if kind == "Seller" else "", m["data"][0],
            "да" if m["is_image"] else ""]


def write(out_dir: str, count: int = 300, seed: int = 7, formats=("api", "csv", "jsonl"), parts: int = 1) -> None:
    """The same history in each of ``formats``: api/ (one Seller API file per chat, newest first),
    export.csv (the cabinet's columns in Russian, Moscow time), history.jsonl (a message per line,
    grouped by chat; with ``parts`` > 1, history-NNN.jsonl files, each holding whole chats)."""
    os.makedirs(out_dir, exist_ok=True)
    names = {manager_id: name for manager_id, name, _ in MANAGERS}
    csv_file = jsonl_files = None
    if "api" in formats:
        os.makedirs(os.path.join(out_dir, "api"), exist_ok=True)
    if "csv" in formats:
        csv_file = open(os.path.join(out_dir, "export.csv"), "w", encoding="utf-8", newline="")
        csv_writer = csv.writer(csv_file, delimiter=";")
        csv_writer.writerow(CSV_HEADER)
    if "jsonl" in formats:
        jsonl_files = [open(os.path.join(out_dir, "history.jsonl" if parts == 1 else f"history-{n:03d}.jsonl"),
                            "w", encoding="utf-8") for n in range(parts)]
    try:
        for number, chat in enumerate(chats(count, seed)):
            if "api" in formats:
                with open(os.path.join(out_dir, "api", f"{chat['chat_id']}.json"), "w", encoding="utf-8") as out:
                    json.dump({"chat_id": chat["chat_id"], "has_next": False,
                               "messages": list(reversed(chat["messages"]))}, out, ensure_ascii=False, indent=1)
            if csv_file is not None:
                csv_writer.writerows(_csv_row(chat["chat_id"], m, names) for m in chat["messages"])
            if jsonl_files is not None:
                target = jsonl_files[number % parts]
                target.writelines(json.dumps(dict(m, chat_id=chat["chat_id"]), ensure_ascii=False) + "\n"
                                  for m in chat["messages"])
    finally:
        for handle in [csv_file] + (jsonl_files or []):
            if handle is not None:
                handle.close()


def main(argv: Optional[List[str]] = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m ozonlint.audit.sample", description=__doc__.split("\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--chats", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--formats", default="api,csv,jsonl", help="comma-separated: api, csv, jsonl")
    parser.add_argument("--parts", type=int, default=1, help="JSON Lines files to spread the chats over")
    args = parser.parse_args(argv)
    write(args.out_dir, args.chats, args.seed, tuple(args.formats.split(",")), max(1, args.parts))
    print(f"wrote {args.chats} chats to {args.out_dir}")


if __name__ == "__main__":
    main()
