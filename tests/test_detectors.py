"""Table-driven tests for the built-in detectors: what they report, and where."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def detect(linter):
    def run(rule: str, text: str):
        return [v.match for v in linter.check(text) if v.rule == rule]
    return run


PHONES = [
    ("Звоните: 8 (921) 404-55-66.", "8 (921) 404-55-66"),
    ("Мой номер +7 912 555 34 21", "+7 912 555 34 21"),
    ("+79125553421", "+79125553421"),
    ("8-912-555-34-21", "8-912-555-34-21"),
    ("8.912.555.34.21", "8.912.555.34.21"),
    ("WhatsApp: +86 138 1234 5678", "+86 138 1234 5678"),
    ("售后热线：0755-2688 1234", "0755-2688 1234"),
    ("手机 138 1234 5678", "138 1234 5678"),
    ("Пишите 916 777 22 11", "916 777 22 11"),
    ("Наберите ８９１６７７７２２１１", "８９１６７７７２２１１"),
    ("Звоните 8 9O3 555 12 34", "8 9O3 555 12 34"),
    ("Телефон менеджера +7 (903) 1OO-2O-3O", "+7 (903) 1OO-2O-3O"),
    ("номер восемь девятьсот шестнадцать семьсот семьдесят семь двадцать два одиннадцать",
     "восемь девятьсот шестнадцать семьсот семьдесят семь двадцать два одиннадцать"),
    ("call plus seven nine one six five five five one two three four",
     "plus seven nine one six five five five one two three four"),
    ("тел. 404-55-66", "404-55-66"),
    ("8 800 555 35 35", "8 800 555 35 35"),
]

NOT_PHONES = [
    "Отправление 27450913-0002-1 уже собрано.",
    "Номер отправления 89210044-0011-1.",
    "Артикул 1320574896, цена 1 299 ₽.",
    "SKU 1458302769 — версия на 2 литра.",
    "Трек SY2405176633018, посылка в Шэньчжэне.",
    "Штрихкод 4607001234567 на коробке.",
    "Размеры в наличии: 90 92 94 96 98.",
    "Доставим 23.06.2025 с 9:00 до 21:00.",
    "Цена 12 990 ₽, скидка 1 500 ₽.",
    "Размер 120x60x75 см, вес 12,5 кг.",
    "Заказ № 9161234567 собран.",
    "Версия 10.12.2024.1",
]


@pytest.mark.parametrize("text, match", PHONES)
def test_phone_found(detect, text: str, match: str) -> None:
    assert detect("contact.phone", text) == [match]


@pytest.mark.parametrize("text", NOT_PHONES)
def test_phone_not_found(detect, text: str) -> None:
    assert detect("contact.phone", text) == []


@pytest.mark.parametrize("text, match", [
    ("Пишите: sunnyshop@mail.ru.", "sunnyshop@mail.ru"),
    ("Send it to sunny.service@outlook.com", "sunny.service@outlook.com"),
    ("почта ivan собака mail точка ru", "ivan собака mail точка ru"),
    ("shop(at)gmail(dot)com", "shop(at)gmail(dot)com"),
    ("info[at]kovriki-optom[.]ru", "info[at]kovriki-optom[.]ru"),
    ("Email shop@gmail для связи", "shop@gmail"),
    ("s h o p @ m a i l . r u", "s h o p @ m a i l . r u"),
    ("ＳＨＯＰ＠ＭＡＩＬ．ＲＵ", "ＳＨＯＰ＠ＭＡＩＬ．ＲＵ"),
])
def test_email_found(detect, text: str, match: str) -> None:
    assert detect("contact.email", text) == [match]


@pytest.mark.parametrize("text", [
    "Встретимся at home",
    "Напишите нам в этот чат.",
    "Поставьте @ в начале имени",
    "Цена 5$ at checkout",
])
def test_email_not_found(detect, text: str) -> None:
    assert detect("contact.email", text) == []


@pytest.mark.parametrize("text, match", [
    ("Наш сайт sunny-shop.ru — там больше фото.", "sunny-shop.ru"),
    ("Подробнее: https://best-shop.ru/sale.", "https://best-shop.ru/sale"),
    ("www.brightlamp-store.com", "www.brightlamp-store.com"),
    ("Акция на ozon-sale.ru", "ozon-sale.ru"),
    ("Смотрите ozon.ru.promo-club.com", "ozon.ru.promo-club.com"),
    ("t.me/sunnyshop", "t.me/sunnyshop"),
    ("магазин-подарков.рф", "магазин-подарков.рф"),
])
def test_url_found(detect, text: str, match: str) -> None:
    assert detect("contact.url", text) == [match]


@pytest.mark.parametrize("text", [
    "Товар на ozon.ru по артикулу.",
    "https://www.ozon.ru/product/12345/",
    "seller.ozon.ru/help",
    "ozon.kz и ozon.by тоже работают",
    "Размер 1.5 м, т.е. как на фото.",
    "Файл manual.pdf в коробке",
])
def test_url_not_found(detect, text: str) -> None:
    assert detect("contact.url", text) == []


@pytest.mark.parametrize("text, matches", [
    ("Наш Telegram: @sunny_shop_ru", ["@sunny_shop_ru"]),
    ("Пишите @best_sale или @vip_opt", ["@best_sale", "@vip_opt"]),
    ("Напишите на shop@mail.ru", []),
    ("Официальный канал @ozon_ru", []),
    ("@ 5", []),
])
def test_handle(detect, text: str, matches) -> None:
    assert detect("contact.handle", text) == matches


@pytest.mark.parametrize("text, found", [
    ("Карта 4276 3800 1234 5679", True),        # Luhn-valid
    ("на карту 2202 2000 1234 5678", True),      # card word + groups of four
    ("4276380012345679", True),
    ("Штрихкод 4607001234567", False),
    ("Отправление 27450913-0002-1", False),
    ("Номер 1234 5678 9012 3456 в накладной", False),  # not Luhn, no card word
    ("Пишите 4276 3800 1234 5679 в заметку", True),   # Luhn-valid, no card word
])
def test_card(detect, text: str, found: bool) -> None:
    assert bool(detect("payment.card-number", text)) is found


def test_luhn() -> None:
    from ozonlint.matchers.card import luhn_valid
    assert luhn_valid("4276380012345679")
    assert not luhn_valid("4276380012345674")


@pytest.mark.parametrize("text, found", [
    ("the serial number of the phone you received is 356938035643809", False),  # IMEI, Luhn-valid
    ("IMEI 490154203237518", False),
    ("Штрихкод 4601234567893123 на коробке", False),
    ("Amex 378282246310005", True),
    ("карта 4111111111111111", True),
])
def test_card_numbers_are_not_serials(linter, text: str, found: bool) -> None:
    assert any(v.rule == "payment.card-number" for v in linter.check(text)) is found


def test_a_phone_word_right_before_the_number_wins_over_an_id_further_back(linter) -> None:
    text = "С уважением, ИП Кузнецова Е. А., ИНН 772345678901, тел. 8 (916) 555-12-34."
    assert [v.match for v in linter.check(text) if v.rule == "contact.phone"] == ["8 (916) 555-12-34"]
    assert not [v for v in linter.check("ИНН 772345678901, заказ 8 916 555 12 34") if v.rule == "contact.phone"]


@pytest.mark.parametrize("text, match", [
    ("первые цифры 8916, остальные 555-12-34", "8916, остальные 555-12-34"),
    ("Code starts with +7 916, the rest is 555 12 34", "+7 916, the rest is 555 12 34"),
    ("Заказ 12345678-0012-1 отправлен, остальные 3 шт. придут потом 15.07.", None),
    ("Размер 42, остальные 44 и 46 будут позже.", None),
])
def test_a_phone_number_split_by_words(linter, text: str, match) -> None:
    found = [v.match for v in linter.check(text) if v.rule == "contact.phone"]
    assert found == ([match] if match else [])


@pytest.mark.parametrize("text, match", [
    ("Везите в наш сервис на ул. Кирова, 12, тел. 45-67-89", "45-67-89"),
    ("Телефон: 34-56", None),               # four digits: not a number anyone dials
    ("Цена 45-67 ₽, размер 89", None),
    ("tel. 512 334", "512 334"),
])
def test_a_town_number_after_a_phone_word(linter, text: str, match) -> None:
    found = [v.match for v in linter.check(text) if v.rule == "contact.phone"]
    assert found == ([match] if match else [])


@pytest.mark.parametrize("text, rule, match", [
    ("Пишите в W🟢A, номер тот же", "contact.messenger-short", "W🟢A"),                # emoji inside a word
    ("Каталог на нашем сайте kovry - opt . ru", "contact.url", "kovry - opt . ru"),  # spaced domain
    ("my number is nine one six, four oh two, seventeen eighty-eight", "contact.phone",
     "nine one six, four oh two, seventeen eighty-eight"),
    ("Hi! You can start a return at ozon.ru under My orders.", "contact.email", None),  # Ozon's own domain
    ("Спасибо🙂Хорошего дня", None, None),
    ("Товар . Ru-версия инструкции", None, None),
    ("Oh, sorry! Order 12345678-0012-1 ships today.", None, None),
])
def test_disguises_and_their_innocent_twins(linter, text: str, rule, match) -> None:
    found = [(v.rule, v.match) for v in linter.check(text) if v.category == "external-contact"]
    assert found == ([(rule, match)] if match else [])


@pytest.mark.parametrize("text", [
    "Hi, order number 0194-5521 is split in two parcels.",
    "Serial number format: SN-2211-0457-88.",
])
def test_number_after_order_or_serial_is_not_a_phone(linter, text: str) -> None:
    assert not [v for v in linter.check(text) if v.rule == "contact.phone"]


def test_a_serial_number_is_not_a_phone_because_of_its_word_numer(linter) -> None:
    text = "Серийный номер 3KX8-2291-0045-7731 на наклейке под аккумулятором."
    assert not [v for v in linter.check(text) if v.rule == "contact.phone"]
