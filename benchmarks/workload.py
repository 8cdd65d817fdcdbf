"""A deterministic workload of Ozon seller replies for ozonlint's benchmarks.

Mostly Russian, some English, a little Chinese; about one reply in ten breaks
a rule (a messenger, a phone number, an e-mail, a link, a review bribe, a
surcharge, Chinese text). The same seed gives the same replies on any machine,
so figures from different runs compare. Standard library only.
"""
from __future__ import annotations

import random
from typing import List

SEED = 20261125

GREETINGS_RU = ["Здравствуйте!", "Добрый день!", "Добрый вечер!", "Здравствуйте, {name}!",
                "{name}, добрый день!"]
GREETINGS_EN = ["Hello!", "Hi {name},", "Good afternoon!", "Dear {name},"]
NAMES_RU = ["Анна", "Ирина", "Дмитрий", "Сергей", "Ольга", "Павел", "Мария", "Игорь"]
NAMES_EN = ["Anna", "John", "Maria", "Alex", "Kate", "David"]
SHOPS = ["Уютный Дом", "ТехноМир", "SportLine", "Мир Посуды", "ZooLand", "Книжный Угол"]

BODY_RU = [
    "Спасибо за заказ №{order}, он уже собран и передан в доставку.",
    "Отправление {posting} сегодня уедет на склад Ozon.",
    "Ожидаемая дата доставки — {date}, отслеживать посылку можно в приложении Ozon.",
    "Размер {size} подойдёт на обхват груди {cm} см, ориентируйтесь на таблицу в карточке товара.",
    "Цена {price} ₽ указана за комплект из двух штук.",
    "Гарантия производителя {months} мес., гарантийный талон лежит в коробке.",
    "Если товар не подошёл, оформите возврат в личном кабинете Ozon в течение {days} дней.",
    "Пришлите, пожалуйста, фото дефекта в этот чат — мы разберёмся.",
    "Извините за задержку: посылка в сортировочном центре и скоро будет у вас.",
    "Зарядка в комплект не входит, подойдёт любой адаптер USB-C от {watts} Вт.",
    "Артикул {article}, штрихкод на коробке {barcode}.",
    "Трек-номер {track}, посылка пересекла границу {date}.",
    "Цвет на фото может немного отличаться из-за настроек экрана.",
    "Инструкция на русском языке есть в коробке и в карточке товара.",
    "Благодарим за отзыв! Нам важно ваше мнение.",
    "Мы работаем ежедневно с 9:00 до 21:00 по Москве и отвечаем в этом чате.",
    "Модель маломерит, советуем взять на размер больше.",
    "Компенсацию за повреждённую упаковку можно запросить через поддержку Ozon.",
]
BODY_EN = [
    "Thank you for your order {posting}, it has been shipped.",
    "Your parcel should arrive by {date}; you can track it in the Ozon app.",
    "Size {size} fits a chest of {cm} cm, please check the size chart.",
    "If the item does not fit, request a return in your Ozon account within {days} days.",
    "Please send a photo of the defect in this chat and we will sort it out.",
    "The charger is not included; any USB-C adapter of {watts} W or more will work.",
    "Tracking number {track}; the parcel is at the sorting centre now.",
]
CLOSINGS_RU = ["С уважением, магазин «{shop}».", "Хорошего дня!", "Всегда на связи в чате Ozon.",
               "Спасибо, что вы с нами!"]
CLOSINGS_EN = ["Best regards, {shop} team.", "Have a nice day!", "We are always here in the Ozon chat."]

VIOLATIONS_RU = [
    "Напишите нам в WhatsApp {phone}, так быстрее.",
    "Можем всё обсудить в вотсап: {phone}.",
    "Пишите в телеграм @{handle}, ответим за час.",
    "Фото можно прислать на почту {email}.",
    "Подробности на нашем сайте https://{domain}/sale",
    "Оставьте отзыв на 5 звёзд и получите кэшбэк {price} рублей.",
    "Для ускоренной отправки доплатите {small} рублей.",
    "Переведите, пожалуйста, предоплату на карту 2202 {d4} {d4} {d4}.",
    "Этот товар есть у нас на Wildberries, там сейчас скидка.",
    "Звоните по номеру {phone}, менеджер всё подскажет.",
]
VIOLATIONS_EN = [
    "Contact us on WhatsApp {phone} for a faster answer.",
    "Email me at {email} and I will send the manual.",
    "Leave 5 stars and get cashback for review, {small} RUB.",
]
VIOLATIONS_ZH = ["亲，好评返现{tiny}元，加微信 {handle}", "您好，您的订单已发货。", "如有问题请联系客服。"]


class _Generator:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)

    def _values(self, lang: str) -> dict:
        r = self.r
        return dict(
            name=r.choice(NAMES_RU if lang == "ru" else NAMES_EN), shop=r.choice(SHOPS),
            order=r.randint(10**6, 10**7), posting="%08d-%04d-%d" % (r.randint(10**7, 10**8 - 1),
                                                                   r.randint(1, 999), r.randint(1, 3)),
            date="%02d.%02d" % (r.randint(1, 28), r.randint(1, 12)), size=r.choice(["S", "M", "L", "XL", "48"]),
            cm=r.randint(80, 120), price=r.choice(["990", "1 299", "2 490", "12 990"]),
            months=r.choice([6, 12, 24]), days=r.choice([7, 14, 30]), watts=r.choice([18, 20, 30, 65]),
            article=r.randint(10**9, 10**10 - 1), barcode=r.randint(10**12, 10**13 - 1),
            track="RU%09dCN" % r.randint(0, 10**9 - 1),
            phone=r.choice(["+7 9{a} {b}-{c}-{d}", "8 (9{a}) {b}-{c}-{d}", "+79{a}{b}{c}{d}"]).format(
                a=r.randint(10, 99), b=r.randint(100, 999), c=r.randint(10, 99), d=r.randint(10, 99)),
            handle=r.choice(["shop", "sale", "opt", "vip"]) + str(r.randint(1, 999)),
            email="%s%d@%s" % (r.choice(["shop", "info", "sale"]), r.randint(1, 99),
                               r.choice(["gmail.com", "mail.ru", "yandex.ru", "qq.com"])),
            domain=r.choice(["best-shop.ru", "super-sale.com", "myshop24.net"]),
            small=r.choice([100, 200, 300]), tiny=r.choice([2, 5, 10]), d4="%04d" % r.randint(0, 9999),
        )

    def message(self) -> str:
        r = self.r
        lang = "en" if r.random() < 0.15 else "ru"
        greetings, body, closings = ((GREETINGS_EN, BODY_EN, CLOSINGS_EN) if lang == "en"
                                     else (GREETINGS_RU, BODY_RU, CLOSINGS_RU))
        parts = [r.choice(greetings).format(**self._values(lang))]
        target = max(60, min(600, int(r.lognormvariate(5.4, 0.45))))
        while sum(len(p) for p in parts) < target - 40:
            parts.append(r.choice(body).format(**self._values(lang)))
        if r.random() < 0.10:
            pool = VIOLATIONS_ZH if r.random() < 0.2 else (VIOLATIONS_EN if lang == "en" else VIOLATIONS_RU)
            parts.insert(r.randint(1, len(parts)), r.choice(pool).format(**self._values(lang)))
        parts.append(r.choice(closings).format(**self._values(lang)))
        return " ".join(parts)[:700]


def generate(n: int, seed: int = SEED) -> List[str]:
    """``n`` seller replies, always the same for the same seed."""
    g = _Generator(seed)
    return [g.message() for _ in range(n)]


def big_text(n_bytes: int, seed: int = SEED) -> str:
    """Replies separated by blank lines until the UTF-8 size reaches ``n_bytes``."""
    g = _Generator(seed)
    parts: List[str] = []
    size = 0
    while size < n_bytes:
        message = g.message()
        parts.append(message)
        size += len(message.encode("utf-8")) + 2
    return "\n\n".join(parts)
