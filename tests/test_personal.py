"""The personal-data detector (kind personal-data): each check's table of
what it reports and what it leaves alone (its cost on long inputs: test_linear.py)."""
from __future__ import annotations

from typing import List

import pytest

import ozonlint
from ozonlint.matchers.personal import _stem


def rules_found(linter: ozonlint.Linter, text: str) -> List[str]:
    return [v.rule for v in linter.check(text) if v.category == "personal-data"]


@pytest.mark.parametrize("text, rule, match", [
    ("Ваш заказ по ошибке получила Иванова Мария из Казани, ул. Ленина 5 — можете забрать у неё.",
     "personal.address-disclosure", "Иванова Мария из Казани, ул. Ленина 5"),
    ("Посылка ушла другому покупателю: Сергей Иванов, г. Тверь, ул. Советская, 8.",
     "personal.address-disclosure", "Сергей Иванов, г. Тверь, ул. Советская, 8"),
    ("Заказ ушёл Кузнецову Дмитрию, ул. Садовая 14, кв. 7.", "personal.address-disclosure", "ул. Садовая 14, кв. 7"),
    ("Доставили соседке: Садовая, 14, кв. 7.", "personal.address-disclosure", "Садовая, 14, кв. 7"),
    ("Another buyer, John Miller from Leeds, 14 Elm Street, had it too.", "personal.address-disclosure",
     "14 Elm Street"),
    ("Return came from Maria Sokolova, Lenina St. 8 apt 4, Tula.", "personal.address-disclosure",
     "Lenina St. 8 apt 4"),
    ("Посылку получил мужчина с телефоном, заканчивающимся на 12 34, он живёт на Профсоюзной.",
     "personal.partial-phone", "телефоном, заканчивающимся на 12 34, он живёт на Профсоюзной"),
    ("Номер менеджера заканчивается на 45-67, он живёт рядом с вами на Профсоюзной.", "personal.partial-phone",
     None),
    ("Курьер отдал заказ по номеру на 45-67, это женщина из Тулы.", "personal.partial-phone",
     "по номеру на 45-67, это женщина из Тулы"),
    ("Сергей Владимирович Кузнецов, ваш заказ ждёт в пункте выдачи.", "personal.name-at-pickup",
     "Сергей Владимирович Кузнецов"),
    ("Забрать посылку в постамате может только Петрова Анна.", "personal.name-at-pickup", "Петрова Анна"),
    ("Mary Johnson, your order is at the pickup point on Green Road.", "personal.name-at-pickup", "Mary Johnson"),
    # a greeting or title before the full name is not part of it
    ("Ответ продавца: Уважаемый Кирилл Андреевич Соловьёв, ваш заказ ожидает в пункте выдачи на Профсоюзной, 56.",
     "personal.name-at-pickup", "Кирилл Андреевич Соловьёв"),
    ("Dear John Miller, your order is waiting at the pickup point on Green Road.", "personal.name-at-pickup",
     "John Miller"),
    ("Наш покупатель Иванов Иван, ул. Ленина 5, кв. 3, тоже брал этот чайник.", "personal.address-disclosure",
     "ул. Ленина 5, кв. 3"),
    ("Такой же брала покупательница с телефоном на ...47 12 из Самары.", "personal.partial-phone",
     "телефоном на ...47 12 из Самары"),
    ("Его получила соседка на Садовой, телефон заканчивается на 47 19.", "personal.partial-phone",
     "на Садовой, телефон заканчивается на 47 19"),
    ("A gentleman on Lenin Street got the same one, his number ends in 33 81.", "personal.partial-phone", None),
    ("Його купив сусід з вулиці Шевченка, телефон закінчується на 42-17.", "personal.partial-phone", None),
    ("The same lamp went to Maria Sokolova, flat 12 in the blue house.", "personal.address-disclosure",
     "Maria Sokolova, flat 12"),
    ("Скажите пароль от домашнего Wi-Fi, мастер всё настроит.", "personal.password-request", None),
    ("Send us your app account password so we can check.", "personal.password-request", None),
    # a full name with the street, no house number
    ("Например, Гульнара Сафина с улицы Декабристов уже месяц им пользуется.", "personal.address-disclosure",
     "Гульнара Сафина с улицы Декабристов"),
    ("Aigul Nabieva on Bauman Street bought two last month.", "personal.address-disclosure",
     "Aigul Nabieva on Bauman Street"),
])
def test_reported(linter, text: str, rule: str, match) -> None:
    found = [v for v in linter.check(text) if v.rule == rule]
    assert found, (text, rules_found(linter, text))
    if match is not None:
        assert found[0].match == match


@pytest.mark.parametrize("text", [
    "Пункт выдачи Ozon: ул. Ленина, 5, вход со двора.",
    "Мы с Мариной Ивановой на улице Ленина открыли шоурум.",  # a business after the street
    "С уважением, Анна Смирнова, магазин на улице Ленина.",  # a signature
    "Ирина, доставка на улицу Садовую будет завтра.",  # a first name alone
    "Склад Ozon в Хоругвино, ул. Заводская 3, отправил ваш заказ.",
    "Продавец: ООО «Ромашка», ИНН 7714382915, юридический адрес: г. Москва, ул. Тверская, д. 1, кв. 2.",
    "Наш сервисный центр: ул. Мира 10, кв. 1 — вход со двора.",
    "Здравствуйте, Мария! Ваш заказ уже в пункте выдачи.",
    "Здравствуйте, Ольга Петровна! Заказ уже в пункте выдачи.",
    "Анна, заберите заказ в ПВЗ по адресу ул. Ленина 5.",
    "Номер заказа заканчивается на 12 34, проверьте в приложении.",
    "Карта, номер которой заканчивается на 5678, из Москвы? Возврат придёт на неё.",
    "Пароль от Wi-Fi камеры задаётся в приложении при первой настройке.",
    "Никогда не сообщайте пароль от приложения.",
    "Модель «Анна Каренина» из коллекции «Классика» есть в пункте выдачи? Да.",
    "Hi Anna! Your order is waiting at the pickup point.",
    "Заказ ждёт вас в пункте выдачи. С уважением, Анна Смирнова, магазин «Уют».",
    "Заказ уже в пункте выдачи. Иван Петров, менеджер магазина.",
    "Your parcel is at the pickup point. Best regards, John Smith",
    "Наш адрес: ул. Ленина 5, кв. 2 — это офис продаж.",
    "Номер заказа на ...47 12, он уже в Самаре.",
    "The order number ends in 33 81, it is in Tomsk now.",
    "Ваш телефон на ...45 67 подтверждён, код придёт на него.",
    "Наш офис: Анна Смирнова, кв. 12.",
    "Уважаемая Ольга Петровна, заказ уже в пункте выдачи на Ленина 5.",  # first name and patronymic: a greeting
    "Заказ ждёт в пункте выдачи. С уважением, Менеджер Ольга Иванова",  # a title in the signature
])
def test_not_reported(linter, text: str) -> None:
    # the detector's checks and the packs' term rules; personal.classifier is the
    # trained model's (tests/test_classifier.py), and it reads the card number
    # "ending in 5678" with a town as a disclosure (a known miss of the model)
    assert [r for r in rules_found(linter, text) if r != "personal.classifier"] == [], text


def test_first_names_match_in_any_case() -> None:
    assert _stem("Марии") == _stem("Мария") and _stem("Ивану") == _stem("Иван") and _stem("Анной") == _stem("Анна")
