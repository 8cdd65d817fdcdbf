"""Contacts pointed to rather than written (issue 9, class 4): by role — a way
to reach the seller plus where to find it — and their refusals and look-alikes."""
from __future__ import annotations

import pytest

POINTED = [
    ("По гарантии звоните по номеру, который напечатан на гарантийном талоне.", "contact.pointed-number"),
    ("Номер сервиса указан на этикетке посылки — звоните туда.", "contact.pointed-number"),
    ("Our support number is printed on the warranty card in the box.", "contact.pointed-number"),
    ("Call the number on the parcel label and we'll sort it out.", "contact.pointed-number"),
    ("Отсканируйте QR-код на коробке, чтобы связаться с нашей поддержкой.", "contact.scan-code"),
    ("Наведите камеру на код на вкладыше — откроется чат с нами.", "contact.scan-code"),
    ("Scan the code on the box to reach our support team.", "contact.scan-code"),
    ("Find us on the social network by the shop's name.", "contact.messenger-generic"),
    ("Найдите нас в соцсети по названию магазина, там отвечаем быстрее.", "contact.messenger-generic"),
    ("Этот же набор дешевле на фиолетовом маркетплейсе.", "offplatform.marketplace-nickname"),
    ("Заходите к нам на фиолетовый, там скидка больше.", "offplatform.marketplace-nickname"),
    ("Закажите на ягодке, там дешевле.", "offplatform.marketplace-nickname"),
    ("It's cheaper on the purple marketplace.", "offplatform.marketplace-nickname"),
    ("Ссылка в нашем профиле, переходите.", "contact.profile-link"),
    ("Ссылка в шапке профиля, там все контакты.", "contact.profile-link"),
    ("The link is in our profile, check it out.", "contact.profile-link"),
    ("Link in bio for more discounts.", "contact.profile-link"),
]

CLEAN = [
    "Гарантийный талон вложен в коробку, номер заказа указан на этикетке.",
    "Гарантийный талон вложен в коробку, по гарантийным вопросам пишите нам в этот чат.",
    "Серийный номер напечатан на наклейке на дне коробки.",
    "Телефон в коробке вместе с зарядкой и чехлом.",
    "Warranty card and the order number label are in the box.",
    "Звоните в поддержку Ozon, номер отправления есть на этикетке.",
    "Покажите QR-код из приложения Ozon в пункте выдачи.",
    "Курьер отсканирует QR-код на посылке.",
    "Scan the barcode on the box at the pickup point.",
    "Инструкцию найдёте по QR-коду на коробке.",
    "Мы не ведём соцсети, пишите здесь, в чате Ozon.",
    "Фиолетовый цвет этой модели закончился, есть синий.",
    "На фиолетовом фоне принт смотрится ярче.",
    "Мы не продаём на других маркетплейсах.",
    "Ссылку на возврат найдёте в вашем профиле Ozon.",
    "Все наши товары — в профиле магазина на Ozon.",
    # refusals and negations
    "Мы не указываем свой номер на гарантийном талоне — звоните только в поддержку Ozon.",
    "We never put our phone number on the box: please write here.",
    "Никаких ссылок в нашем профиле нет, всё общение — в этом чате.",
    "Не сканируйте коды на коробке, чтобы связаться с нами: пишите только здесь.",
]


@pytest.mark.parametrize("text, rule", POINTED)
def test_pointed_contact_is_reported(linter, text: str, rule: str) -> None:
    assert rule in {v.rule for v in linter.check(text)}, [(v.rule, v.match) for v in linter.check(text)]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_or_refused(linter, text: str) -> None:
    found = [(v.rule, v.match) for v in linter.check(text)
             if v.category in ("external-contact", "off-platform")]
    assert found == [], text
