"""The personal-data detector (kind personal-data): each check's table of
what it reports and what it leaves alone, and linear cost on long inputs."""
from __future__ import annotations

import time
from typing import Callable, List

import pytest

import ozonlint
from ozonlint.matchers import Draft
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
    ("Наш покупатель Иванов Иван, ул. Ленина 5, кв. 3, тоже брал этот чайник.", "personal.address-disclosure",
     "ул. Ленина 5, кв. 3"),
    ("Скажите пароль от домашнего Wi-Fi, мастер всё настроит.", "personal.password-request", None),
    ("Send us your app account password so we can check.", "personal.password-request", None),
])
def test_reported(linter, text: str, rule: str, match) -> None:
    found = [v for v in linter.check(text) if v.rule == rule]
    assert found, (text, rules_found(linter, text))
    if match is not None:
        assert found[0].match == match


@pytest.mark.parametrize("text", [
    "Пункт выдачи Ozon: ул. Ленина, 5, вход со двора.",
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
])
def test_not_reported(linter, text: str) -> None:
    assert rules_found(linter, text) == [], text


def test_first_names_match_in_any_case() -> None:
    assert _stem("Марии") == _stem("Мария") and _stem("Ивану") == _stem("Иван") and _stem("Анной") == _stem("Анна")


# Inputs that made the old address pattern backtrack: a flat number then a
# long run of letters, a long word before a street word, a long tracking URL.
ADVERSARIAL: List[Callable[[int], str]] = [
    lambda n: "кв 5 " + "а" * n,
    lambda n: "кв 5" + "а" * n,
    lambda n: "street " + "a" * n,
    lambda n: "ул. " + "Садовая" * (n // 7) + " 14, кв. 7",
    lambda n: "https://tracking.example.com/" + "a1b2c3" * (n // 6),
    lambda n: "Иван " * (n // 5) + "ПВЗ",
    lambda n: "телефон заканчивается на " + "12 " * (n // 3),
    lambda n: ("Анна Петрова, ул. Садовая 5, " * (n // 29)),
]


def _prepared(linter: ozonlint.Linter, text: str) -> Draft:
    draft = Draft(text, linter._index)
    draft.words, draft.active_sets  # the views, built once: the rule's own cost is timed
    return draft


def _best_time(find: Callable[[Draft], object], linter: ozonlint.Linter, prepared: Draft, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        draft = Draft(prepared.text, linter._index)
        draft._base, draft._words = prepared._base, prepared._words  # a fresh draft, no cached hits
        start = time.perf_counter()
        find(draft)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.fixture(scope="module")
def personal_rules():
    linter = ozonlint.Linter(select=["personal-data"])
    return linter, linter.rules


@pytest.mark.parametrize("make", ADVERSARIAL)
def test_personal_rules_grow_linearly(personal_rules, make: Callable[[int], str]) -> None:
    """Each shipped personal-data rule on 8x the input costs about 8x the time
    (quadratic: 64x). Ratios within one run, no absolute threshold; the room
    up to 32x is for noise and cache effects, which show as steps of 2-4x."""
    linter, rules = personal_rules
    small, large = _prepared(linter, make(2000)), _prepared(linter, make(16000))
    assert len(large.text) >= 7 * len(small.text)
    for rule in rules:
        find = rule.matcher.find
        _best_time(find, linter, small, runs=1)  # warm up: compile, caches
        ratio = _best_time(find, linter, large) / max(_best_time(find, linter, small), 1e-5)
        assert ratio < 32, f"{rule.id}: 8x input took {ratio:.1f}x the time (quadratic would be ~64x)"
