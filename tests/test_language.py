"""The ``language`` kind through the real engine: whole replies and single sentences
in another language, and Russian or English replies that only name something foreign."""
from __future__ import annotations

import pytest

import ozonlint


def _language(linter: ozonlint.Linter, text: str) -> bool:
    return any(v.rule == "language.other" for v in linter.check(text))


@pytest.mark.parametrize("text", [
    # whole replies
    "Assalomu alaykum! Buyurtmangiz ertaga yetkazib beriladi. Rahmat!",
    "Ассалому алайкум! Буюртмангиз эртага етказилади, илтимос кутинг.",
    "Сәлеметсіз бе! Тапсырысыңыз жіберілді.",
    "Саламатсызбы! Буйрутмаңыз жөнөтүлдү.",
    "Merhaba Ayşe Hanım, siparişiniz yarın kargoya verilecek.",
    "Salam! Sifarişiniz sabah göndəriləcək, təşəkkür edirik.",
    # many ə (U+0259, outside Latin Extended) and no word the function lists know
    "Salam, Rəşad bəy! Zəmanəti rəsmiləşdirmək üçün şəxsiyyət vəsiqənizin şəklini və vəsiqə əlinizdə olan "
    "selfinizi göndərin.",
    # Uzbek signed in English: its own words tell it
    "Salom, Sardor! Kofe mashinani Ozon orqali qaytarish shart emas, uni do'konimizga olib keling. Coffee Corner",
    "Добрий день! Ваше замовлення вже відправлено, очікуйте.",
    "Γεια σας! Ευχαριστούμε για την παραγγελία σας.",
    "Xin chào chị Lan! Đơn hàng của chị đã được gửi đi, cảm ơn chị.",
    # one sentence in another language inside a Russian or English reply
    "Здравствуйте, Дилноза! Заказ уже в пункте выдачи. Buyurtmangiz uchun rahmat, yoqimli ishtaha!",
    "Добрый день, Оксана! Размер 86 подойдёт. Якщо виникнуть питання щодо розміру, пишіть нам.",
    "Заказ отправлен, ждите примерно через неделю. İyi günler!",
    "Здравствуйте! Заказ отправлен. Сизга катта рахмат!",
    "Hello Mr. Becker, the drill ships today. Bei Fragen schreiben Sie uns gern, wir helfen Ihnen weiter.",
    "Hello Carlos, the dispenser holds 500 ml. Muchas gracias por su compra, esperamos que lo disfrute.",
])
def test_another_language_is_reported(linter: ozonlint.Linter, text: str) -> None:
    assert _language(linter, text)


@pytest.mark.parametrize("text", [
    "Здравствуйте! Спасибо за заказ, посылка уже в пути.",
    "Hello! Thank you for your order, the parcel is on its way.",
    # a foreign brand or a single foreign word is not a reply in another language
    "Здравствуйте! Духи Vous et Nous отправлены.",
    "Здравствуйте! Набор Le Creuset и соус Del Monte уже в пути, спасибо за заказ.",
    "Hello! Our Que Sera candle and the Una lamp ship tomorrow.",
    "Hello, the Nous Sommes perfume ships today.",
    "Рахмет за заказ! Посылка уже в пути.",
    # a greeting or thanks of one word in another language
    "Сәлем, Дана! Шапка 56–58, внутри мех, доставка в Алматы 5–7 дней.",
    "Rahmat, Дилшод! Гирлянда на 10 м питается от USB, режимов восемь.",
    "Hi Kasia, dziękujemy! The knitted hat is one size and ships tomorrow.",
    "Здравствуйте! Доставка в Київ не выполняется, только по России.",
    "Добрый день! Фильтр для линзы 5 μm, сопротивление 10 Ω.",
    "Здравствуйте! Доставим в г. Харьков, ул. Сумская, через 5 дней.",
])
def test_russian_or_english_is_not(linter: ozonlint.Linter, text: str) -> None:
    assert not _language(linter, text)


def test_foreign_words_are_not_russian_or_english_words() -> None:
    from ozonlint.matchers.language import _ENGLISH_WORDS, _RUSSIAN_WORDS

    linter = ozonlint.Linter()
    rule = next(r for r in linter.all_rules if r.spec.id == "language.other")
    assert not rule.matcher.foreign_words & (_ENGLISH_WORDS | _RUSSIAN_WORDS)


def test_a_latin_sentence_of_another_language_in_a_russian_reply(linter) -> None:
    """One sentence in Turkish or Uzbek inside a Russian reply is another language; a product's
    title in Latin letters is not, nor an English reply's sentence of terms."""
    for text in ("Здравствуйте! Спасибо за заказ. Kargonuz yarın yola çıkacak, takip numarasını göndereceğiz. "
                 "Хорошего дня!",
                 "Добрый день! Заказ собран. Buyurtmangiz ertaga jo'natiladi, kuzatib boring. Спасибо!"):
        assert any(v.rule == "language.other" for v in linter.check(text)), text
    for text in ("Здравствуйте! Модель: Xiaomi Redmi Note Pro Max Global. Спасибо за заказ!",
                 "Hello! Ingredients: hyaluronic acid, niacinamide, panthenol, squalane. Apply twice a day."):
        assert not any(v.category == "language" for v in linter.check(text)), text
