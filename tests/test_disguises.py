"""Disguised contacts (issue 11, "Disguises that pass"): each alone in a draft,
reported through the library and the CLI; and the innocent texts next to them."""
from __future__ import annotations

import json

import pytest
from conftest import CliRunner

import ozonlint
from ozonlint.cli import main

# (draft, category that must be reported)
DISGUISES = [
    ("Пишите в т е л е г р а м", "external-contact"),
    ("Пишите в т е л е г у к нам, ответим сразу", "external-contact"),
    ("Пишите в T e l e g r a m", "external-contact"),
    ("Пишите в в о т с а п", "external-contact"),
    ("Пишите в а т с а п", "external-contact"),
    ("WhatsAppсейчас", "external-contact"),
    ("Пишите в Telegramпрямо сейчас", "external-contact"),
    ("Звоните\v8\v916\v555\v12\v34", "external-contact"),
    ("Звоните\x858\x85916\x85555\x8512\x8534", "external-contact"),
    ("Звоните\u200b8\u200b916\u200b555\u200b12\u200b34", "external-contact"),
    ("Звоните\u20288\u2028916\u2028555\u202812\u202834", "external-contact"),
    ("Звоните|8|916|555|12|34", "external-contact"),
    ("Звоните 8_916_555_12_34", "external-contact"),
    ("Звоните89165551234", "external-contact"),
    ("What'sApp", "external-contact"),
    ("What’sApp", "external-contact"),
    ("&#87;hatsApp", "external-contact"),
    ("&#x57;hatsApp", "external-contact"),
    ("Whats&#65;pp", "external-contact"),
    ("ᴡʜᴀᴛsᴀᴘᴘ", "external-contact"),
    ("🅦🅗🅐🅣🅢🅐🅟🅟", "external-contact"),
    ("🆆🅷🅰🆃🆂🅰🅿🅿", "external-contact"),
    ("🇼🇭🇦🇹🇸🇦🇵🇵", "external-contact"),
    ("⒲⒣⒜⒯⒮⒜⒫⒫", "external-contact"),
    ("ᏔᎻᎪᎢᏚᎪᏢᏢ", "external-contact"),
    ("W-h_a.t s A p p", "external-contact"),
    ("t.e-l_e g r a m", "external-contact"),
    ("теле/грам", "external-contact"),
    ("теле-грам", "external-contact"),
    ("+V shop88", "external-contact"),
    ("➕V", "external-contact"),
    ("VX同号", "external-contact"),
    ("微xin", "external-contact"),
    ("威❤", "external-contact"),
    ("shop。ru", "external-contact"),
    ("shop｡ru", "external-contact"),
    ("Наш сайт shop[.]ru", "external-contact"),
    ("пишите shop@mail。ru", "external-contact"),
    # more of the same kinds: other encodings, separators, alphabets, spacing
    ("%57hatsApp", "external-contact"),
    ("%77%68%61%74%73%61%70%70", "external-contact"),
    ("\\u0057hatsApp", "external-contact"),
    ("Пишите в \\u0442елеграм", "external-contact"),
    ("What&#8203;sApp", "external-contact"),
    ("W&shy;hatsApp", "external-contact"),
    ("т\nе\nл\nе\nг\nр\nа\nм", "external-contact"),
    ("W h  a t   s A p p", "external-contact"),
    ("т—е—л—е—г—р—а—м", "external-contact"),
    ("𝔚𝔥𝔞𝔱𝔰𝔄𝔭𝔭", "external-contact"),
    ("ʷʰᵃᵗˢᵃᵖᵖ", "external-contact"),
    ("Звоните 8‧916‧555‧12‧34", "external-contact"),
    ("Звоните 8・916・555・12・34", "external-contact"),
    ("shop • ru", "external-contact"),
    ("shop(.)com", "external-contact"),
    ("Звоните 8🔹916🔹555🔹12🔹34", "external-contact"),
    ("Звоните ➑➒➀➅➄➄➄➀➁➂➃", "external-contact"),
    ("Звоните 8,916,555,12,34", "external-contact"),
    ("Сайт: shop,ru", "external-contact"),
    ("Наш сайт: www sunny-shop ru", "external-contact"),
]

# Texts of the same shapes that are not contacts.
INNOCENT = [
    "и т.д. и т.п.",
    "Размеры S/M/L в наличии.",
    "Размер (S) (M) (L) — уточните в чате.",
    "We don't use WhatsApp, only this chat.",
    "Мы не используем WhatsApp/Telegram — пишите здесь.",
    "Модель RTX3060, артикул ABC1234567.",
    "Заказ 12345678-0012-1 отправлен.",
    "Цена 1 299 ₽, скидка 10%.",
    "Сделано в 🇷🇺, доставка по всей стране.",
    "Здравствуйте, Анна! Ваш заказ уже в пункте выдачи.",
    "Hi! It's in stock, and it's the 2024 model.",
    "Lightning/USB-C кабель в комплекте.",
    "Посылка 8|916 — это номер ячейки? Нет, ячейка 12.",
    "Скидка 10%AB в магазине, 100% хлопок.",
    "Доставка • Оплата • Возврат",
    "Размеры:\nS\nM\nL",
    "Путь к файлу: C:\\new\\x-files — это не про нас.",
    "Звоните, размеры 44, 46, 48, 50 в наличии.",
    "Цена 1,299 ₽, артикул 1320574896.",
    "Работаем с 9:00 до 18:00, звоните в поддержку Ozon.",
    "Нажмите Ctrl+V, чтобы вставить код.",
    "Оценка 5⭐ — спасибо!",
]


def _categories(violations) -> set:
    return {v.category for v in violations}


@pytest.mark.parametrize("text, category", DISGUISES)
def test_disguise_is_reported_by_the_library(text: str, category: str) -> None:
    assert category in _categories(ozonlint.check(text)), text


@pytest.mark.parametrize("text, category", DISGUISES)
def test_disguise_match_is_the_original_text(text: str, category: str) -> None:
    for v in ozonlint.check(text):
        assert v.match == text[v.start:v.end]


@pytest.mark.parametrize("text", INNOCENT)
def test_innocent_twin_is_not_a_contact(text: str) -> None:
    assert "external-contact" not in _categories(ozonlint.check(text)), ozonlint.check(text)


def test_disguises_are_reported_by_the_cli() -> None:
    runner = CliRunner()
    for text, category in DISGUISES:
        result = runner.invoke(main, ["check", "--format", "json", "--text", text])
        assert result.exit_code == 1, (text, result.output)
        assert category in {v["category"] for v in json.loads(result.output)}, text


CONTACT_PLACEHOLDERS = ["Звоните {{ shop_phone }}", "Пишите на {shop_email}", "Наш сайт: {site_url}",
                        "Наш телеграм: $telegram", "WhatsApp: %(whatsapp)s", "Контакты: [ТЕЛЕФОН]",
                        "Пишите: {{sellerEmail}}", "Ссылка: ${shop.link}"]
OTHER_PLACEHOLDERS = ["Здравствуйте, {{ name }}!", "Заказ {order_id} отправлен.", "Товар: {product_link}",
                      "Трек: {tracking_url}", "Ваш отзыв: {{ review_link }}", "Наш магазин на Ozon: {ozon_url}",
                      "Отель {hotel_name}"]


@pytest.mark.parametrize("text", CONTACT_PLACEHOLDERS)
def test_contact_placeholder_in_a_draft(text: str) -> None:
    assert "contact.placeholder" in {v.rule for v in ozonlint.check(text)}


@pytest.mark.parametrize("text", OTHER_PLACEHOLDERS)
def test_other_placeholders_are_not_contacts(text: str) -> None:
    assert "external-contact" not in _categories(ozonlint.check(text))


@pytest.mark.parametrize("name, text", [
    ("a.txt", "Звоните {{ shop_phone }}\n"),
    ("b.txt", "Пишите на {shop_email}\n"),
    ("c.yaml", 'greeting: "Наш сайт: {site_url}"\nname: "Здравствуйте, {{ name }}!"\n'),
    ("d.json", '{"reply": "Звоните {{ shop_phone }}, {{ name }}"}\n'),
    ("e.csv", 'text\n"Пишите на {shop_email}"\n'),
])
def test_contact_placeholder_in_template_mode(tmp_path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-config", "--format", "json", str(path)])
    found = json.loads(result.output)
    assert result.exit_code == 1
    assert [v["rule"] for v in found] == ["contact.placeholder"]  # and not an unfilled placeholder
    assert all(v["match"] == text[v["start"]:v["end"]] for v in found)


def test_template_mode_still_masks_other_placeholders(tmp_path) -> None:
    path = tmp_path / "ok.txt"
    path.write_text("Здравствуйте, {{ name }}! Заказ {order_id} отправлен.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-config", "--format", "json", str(path)])
    assert result.exit_code == 0 and json.loads(result.output) == []


def test_two_phone_numbers_in_a_list_are_two_findings() -> None:
    found = [v.match for v in ozonlint.check("тел. 8 916 555 12 34, 8 916 555 12 35") if v.rule == "contact.phone"]
    assert found == ["8 916 555 12 34", "8 916 555 12 35"]
