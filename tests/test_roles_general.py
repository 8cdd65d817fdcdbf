"""Classes of false alarm and of hidden contact, each checked through the whole engine."""
from __future__ import annotations

from typing import Set

import ozonlint

RANK = {"info": 0, "warning": 1, "error": 2}


def blocking(linter: ozonlint.Linter, text: str) -> Set[str]:
    return {v.category for v in linter.check(text) if RANK[v.severity] >= 1}


def test_at_before_a_sentence_end_is_not_a_spelled_address(linter: ozonlint.Linter) -> None:
    for text in ("Keep the beige one, no need to go through Ozon at all. Regards, Lana.",
                 "You can set it up via the web interface at 192.168.0.1. No cloud account is required.",
                 "Pay when you collect it, if you chose that at checkout. No transfer is needed."):
        assert "external-contact" not in blocking(linter, text), text
    assert "external-contact" in blocking(linter, "Write to sunny at gmail dot com, please.")


def test_a_range_of_years_is_not_a_phone(linter: ozonlint.Linter) -> None:
    text = "Пульт работает с телевизорами Samsung серии 2018–2023, настройка не нужна."
    assert "external-contact" not in blocking(linter, text)
    assert "external-contact" in blocking(linter, "Звоните: 8 916 123-45-67.")


def test_a_messenger_name_as_a_design_or_a_title(linter: ozonlint.Linter) -> None:
    assert "external-contact" not in blocking(linter, "It's one of our retro telegram-style cards from the 1960s.")
    title = "Книга «Instagram: продвижение для новичков» — издание 2023 года."
    assert "external-contact" not in blocking(linter, title)
    assert "external-contact" in blocking(linter, "Здравствуйте! Скайп: kovry точка opt")
    assert "external-contact" in blocking(linter, "Пишите в Telegram: shop_24, ответим быстрее.")


def test_the_buyers_question_retold_is_not_the_sellers_offer(linter: ozonlint.Linter) -> None:
    text = ("Добрый день! Вы спросили, можно ли купить у нас напрямую без Ozon. Извините, мы работаем "
            "только через площадку Ozon.")
    assert "off-platform" not in blocking(linter, text)
    assert "external-contact" not in blocking(linter, "您问“可以加微信吗?”——很抱歉,按照Ozon规定,我们只能在这里沟通。")


def test_a_quote_the_seller_agrees_with_is_the_sellers(linter: ozonlint.Linter) -> None:
    text = "Вы написали: «есть ли у вас вотсап?» — да, пишите туда, ответим быстрее."
    assert "external-contact" in blocking(linter, text)


def test_someone_elses_page_is_not_the_sellers_contact(linter: ozonlint.Linter) -> None:
    for text in ("That Instagram page using our photos isn't connected to us in any way.",
                 "Someone is using our photos on a TikTok account. That account isn't ours.",
                 "Нет, страница в Instagram с похожим логотипом к нам отношения не имеет.",
                 "Сообщение, где просят писать в WhatsApp, это не от нашего магазина."):
        assert "external-contact" not in blocking(linter, text), text


def test_the_sellers_card_to_pay_to_is_a_payment_not_the_buyers_data(linter: ozonlint.Linter) -> None:
    text = "За срочную упаковку нужно доплатить 200 рублей по номеру карты 2202 2015 4477 3310."
    found = blocking(linter, text)
    assert "extra-payment" in found and "personal-data" not in found
    assert "personal-data" in blocking(linter, "Пришлите, пожалуйста, полный номер карты и срок действия.")


def test_we_do_it_ourselves_is_not_a_refund(linter: ozonlint.Linter) -> None:
    text = "Пришлите логин и пароль от аккаунта в приложении, мы всё сделаем сами."
    assert "off-platform" not in blocking(linter, text)
    assert "off-platform" in blocking(linter, "Деньги за брак вернём сами на карту, заявку в Ozon создавать не нужно.")


def test_chinese_text_beside_a_latin_name_is_not_a_disguise(linter: ozonlint.Linter) -> None:
    text = "亲,这款平板支持微信视频通话和Telegram,摄像头是800万像素。如果还有问题,请在Ozon聊天里告诉我们。"
    assert "external-contact" not in blocking(linter, text)  # capability; "我们" is two sentences away
    assert "external-contact" in blocking(linter, "加我们的微信 shop_888,马上发给您。")
    account = "Здравствуйте! Скайп для консультаций по оборудованию: live:.cid.protools77"
    assert "external-contact" in blocking(linter, account)


def test_thanks_for_a_review_already_left_is_no_incentive(linter: ozonlint.Linter) -> None:
    text = ("Здравствуйте, Елизавета! Спасибо за отзыв на 5 звёзд, нам очень приятно! Совет: стирайте маску "
            "в мешочке для стирки при 30 градусах.")
    assert "review-incentive" not in blocking(linter, text)
    assert "review-incentive" in blocking(linter, "Поставьте 5 звёзд в отзыве — вернём 200 ₽ на карту.")


def test_ozons_own_ways_to_pay_are_not_a_separate_payment(linter: ozonlint.Linter) -> None:
    for text in ("Заказ с оплатой при получении подтверждается автоматически. Оплатить можно картой или наличными "
                 "в пункте выдачи.",
                 "You can pay when you collect it at the Ozon pickup point, by card or cash, "
                 "if you chose payment on receipt."):
        assert "extra-payment" not in blocking(linter, text), text
    assert "extra-payment" in blocking(linter, "Подъём на этаж оплачиваете нашему водителю наличными, 500 ₽.")


def test_a_password_typed_on_the_buyers_own_screen_is_not_asked_for(linter: ozonlint.Linter) -> None:
    text = "Откройте приложение и введите пароль от своего Wi-Fi на экране телефона — нам его присылать не нужно."
    assert "personal-data" not in blocking(linter, text)
    assert "personal-data" in blocking(linter, "Пришлите пароль от вашего Wi-Fi, мы настроим камеру удалённо.")


def test_the_buyers_wish_reported_then_refused_is_not_the_sellers_request(linter: ozonlint.Linter) -> None:
    for text in ("Hello Tatiana, you ask can you pay half now and half later to our card because of the limit. "
                 "Sorry, we cannot accept any payment to card, only Ozon checkout.",
                 "You ask if we can make it cheaper when you pay before by bank transfer — sorry, we not take "
                 "money outside Ozon, never."):
        assert "extra-payment" not in blocking(linter, text), text
    # the same wish granted is the seller's request
    assert "extra-payment" in blocking(linter, "You ask can you pay half now to our card. Yes, send 2 000 rubles "
                                               "to card 2202 2015 4477 3310 and the rest on Ozon.")


def test_someone_elses_request_in_a_warning_is_not_the_sellers(linter: ozonlint.Linter) -> None:
    for text in ("Если кто-то пишет от нашего имени и просит перевод на карту — это мошенник, не отвечайте.",
                 "Появилась группа ВКонтакте с нашим названием. Там просят предоплату 50% — не переводите!"):
        assert "extra-payment" not in blocking(linter, text), text
    assert "extra-payment" in blocking(linter, "Для отправки нужна предоплата 50% переводом на карту Сбера.")


def test_ozons_sale_named_first_is_not_the_shops_advert(linter: ozonlint.Linter) -> None:
    for text in ("About Black Friday: Ozon will have a big sale from 24 to 30 November, and our vacuum takes part.",
                 "На Ozon сейчас распродажа 12.12, и наш чайник тоже участвует."):
        assert "spam" not in blocking(linter, text), text
    assert "spam" in blocking(linter, "Black Friday in our shop: everything 40% off, hurry!")


def test_a_card_asked_for_a_refund_is_no_extra_payment(linter: ozonlint.Linter) -> None:
    for text in ("Dear customer, we want to refund the shipping cost for the delay. Please send the card number "
                 "so our finance team can transfer it.",
                 "Деньги за трещину вернём сами — напишите номер карты, куда перевести 690 ₽."):
        assert "extra-payment" not in blocking(linter, text), text
    # a refund beside a payment the buyer is told to make is still a payment
    assert "extra-payment" in blocking(linter, "Разницу вернём позже, а сейчас переведите 500 ₽ на карту "
                                               "2202 2015 4477 3310 за упаковку.")
    assert "extra-payment" in blocking(linter, "Пополните наш ЮMoney-кошелёк на 150 ₽ — это компенсация за доставку.")


def test_an_offer_on_the_buyers_wish_is_still_the_sellers(linter: ozonlint.Linter) -> None:
    # "if you want …" offers; a refusal about something else after it excuses nothing
    text = ("If you want it faster, transfer 300 rubles to our card 2202 2015 4477 3310. "
            "Unfortunately we cannot ship on weekends.")
    assert "extra-payment" in blocking(linter, text)


def test_the_buyers_question_answered_as_ozons_own_is_not_the_sellers_offer(linter: ozonlint.Linter) -> None:
    text = ("Добрый день! Вы спрашивали, дают ли за отзыв с фото баллы. Да, это программа Ozon «Баллы за "
            "отзывы», баллы начисляет площадка.")
    assert "review-incentive" not in blocking(linter, text)
    offer = "Добрый день! Вы спрашивали про отзыв. За отзыв с фото вернём 200 ₽ на карту."
    assert "review-incentive" in blocking(linter, offer)


def test_news_of_others_and_of_fakes_is_not_the_sellers(linter: ozonlint.Linter) -> None:
    for text in ("Вы пишете, что на Wildberries эта лампа дешевле — это другой продавец, нас на других площадках нет.",
                 "Сообщение о выигрыше от нашего магазина с просьбой оплатить доставку по ссылке — подделка.",
                 "Если курьер попросит доплату за подъём, откажитесь и напишите нам номер заказа.",
                 "The Instagram page with our photos is not run by us. If that page asked you to pay by "
                 "bank transfer, please don't."):
        assert not blocking(linter, text) - {"language"}, text
    assert "extra-payment" in blocking(linter, "Курьер попросит доплату 300 ₽ за подъём, отдайте ему наличными.")


def test_money_the_seller_sends_is_no_extra_payment(linter: ozonlint.Linter) -> None:
    text = "Это наша ошибка: мы переведём вам 1 190 ₽ на карту через возврат в Ozon."
    assert "extra-payment" not in blocking(linter, text)
    assert "extra-payment" in blocking(linter, "Переведите нам 1 190 ₽ на карту, тогда отправим.")


def test_how_to_use_ozons_subscribe_button_told_step_by_step_is_an_answer(linter: ozonlint.Linter) -> None:
    for text in ("Откройте страницу магазина в приложении Ozon и нажмите кнопку «Подписаться». "
                 "Новинки будут появляться у вас в ленте.",
                 "Open our shop page on Ozon and tap the follow button. New arrivals will then show up in your feed."):
        assert "spam" not in blocking(linter, text), text
    assert "spam" in blocking(linter, "Подпишитесь на наш магазин, чтобы не пропустить новинки!")


def test_a_sentence_may_open_with_a_quote_mark(linter: ozonlint.Linter) -> None:
    """'… уже есть. «Гаджет Лайн»': the shop's name in the signature is a sentence of its own,
    not one with the 'у нас' before it."""
    text = "Пришлите, пожалуйста, видео индикатора. Номер заказа у нас уже есть. «Гаджет Лайн»"
    assert "external-contact" not in blocking(linter, text)
    assert "external-contact" in blocking(linter, "Номер заказа у нас уже есть, пишите нам в Лайн.")


def test_a_quoted_question_the_reply_opens_with_is_the_buyers(linter: ozonlint.Linter) -> None:
    """A seller does not quote a question of their own to answer it; one taken up ("— да, …") is theirs again."""
    for text in ("«Можно ли оплатить курьеру наличными?» — оплата при получении выбирается при оформлении, "
                 "это функция Ozon.",
                 "Здравствуйте, Анна! «Можно ли оплатить курьеру наличными?» — нет, только через Ozon."):
        assert "extra-payment" not in blocking(linter, text), text
    assert "extra-payment" in blocking(linter, "«Можно ли оплатить курьеру наличными?» — да, оплатите курьеру "
                                               "наличными при получении.")


def test_a_bare_mention_does_not_hide_the_sentence_that_offers_the_channel(linter: ozonlint.Linter) -> None:
    """A channel's name with no invitation in its own words is only mentioned (info): it does not
    settle the model's sentence around it, which may read as an offer and then blocks; a blocking
    precise finding does settle it (it says where, and carries the fix)."""
    from ozonlint.matchers.classifier import yield_to_precise
    from ozonlint.model import Violation

    def made(rule: str, severity: str, start: int, end: int) -> Violation:
        return Violation(rule, "external-contact", severity, "m", "x" * (end - start), start, end, 1, start + 1, 1,
                         end + 1)

    sentence = made("contact.classifier", "error", 0, 60)
    for severity, kept in (("info", True), ("error", False)):
        mention = made("contact.messenger", severity, 10, 20)
        assert (sentence in yield_to_precise([sentence, mention], [sentence])) is kept, severity
    # a capability stays a capability, its Turkic case ending no disguise
    assert "external-contact" not in blocking(linter, "Kamera YouTube va Instagram'ga jonli efir qila oladi.")


def test_the_buyers_question_echoed_then_refused_is_not_the_sellers_offer(linter: ozonlint.Linter) -> None:
    for text in ("Кэшбэк за отзыв? Нет, так мы не делаем, это против правил Ozon.",
                 "A gift for a review? No, we never do that.",
                 "Telegram? Нет, общаемся только здесь, в чате Ozon."):
        assert not blocking(linter, text) & {"review-incentive", "external-contact"}, text
    # "no problem" is a yes, and an identifier is never hidden by the no
    assert "review-incentive" in blocking(linter, "Хотите кэшбэк за отзыв? Нет проблем, напишите нам после оценки.")
    assert "external-contact" in blocking(linter, "Есть вотсап? Нет проблем: +7 916 555-12-34.")


def test_a_chinese_comma_and_a_consequence_end_the_reach_of_a_refusal(linter: ozonlint.Linter) -> None:
    """"Ozon cannot do X, so we deal with you directly": the refusal is the reason's, not the offer's."""
    assert "off-platform" in blocking(linter, "Ozon不能做定制订单，所以我们直接跟您交易，用我们的物流发货。")
    assert "off-platform" in blocking(linter, "На Ozon такие не выставить, так что продадим мимо площадки.")
    assert "off-platform" not in blocking(linter, "Мы не продаём мимо площадки, только через Ozon.")


def test_a_promotion_answered_before_the_question_is_retold_is_an_answer(linter: ozonlint.Linter) -> None:
    text = "Здравствуйте! Новые модели видны в разделе «Новинки» на странице магазина — вы спрашивали, где их искать."
    assert "spam" not in blocking(linter, text)
    assert "spam" in blocking(linter, "Здравствуйте! Загляните в наши новинки, а ещё — вы спрашивали про размер: M.")


def test_a_masked_phone_beside_where_someone_lives_is_disclosed(linter: ozonlint.Linter) -> None:
    for text in ("Такой же заказ получила соседка из Твери, телефон +7 903 ***-**-18.",
                 "李娜住在上海浦东新区，电话139****2087，她也买了。"):
        assert "personal-data" in blocking(linter, text), text
    assert "personal-data" not in blocking(linter, "Ваш номер +7 903 ***-**-18 подтверждён, заказ в пути.")


def test_a_name_on_a_box_and_money_to_the_buyers_wallet_are_not_payments(linter: ozonlint.Linter) -> None:
    for text in ("Надпись «Alipay» на упаковке — это маркировка фабрики, оплата прошла через Ozon.",
                 "Phone case with a slot for one card, so you can tap to pay and keep your pass at the back."):
        assert "extra-payment" not in blocking(linter, text), text
    assert "extra-payment" in blocking(linter, "Остаток оплатите на ю-мани, кошелёк 4100 1172 3344 556.")


def test_the_sellers_own_people_instead_of_ozons_logistics(linter: ozonlint.Linter) -> None:
    """Who does it is told by a possessive before a word for a person or a vehicle, not by a list of
    phrases; a tradesman who comes to install what Ozon delivered is a paid service, not a way past Ozon."""
    for text in ("Через корзину такой заказ не оформить, поэтому в субботу моя сестра привезёт его вам сама.",
                 "Возвращать кресло не надо: наш столяр в четверг подъедет и подтянет крепления.",
                 "No need to open a return — my cousin lives nearby and will swap it for you on Sunday."):
        assert "off-platform" in blocking(linter, text), text
    for text in ("Заказ привезёт курьер Ozon в четверг, наш склад уже передал его в доставку.",
                 "Монтаж в заказ не входит: наш мастер приедет после доставки, его работа 2 000 ₽."):
        assert "off-platform" not in blocking(linter, text), text


def test_a_thing_the_buyer_asked_about_ends_at_its_comma(linter: ozonlint.Linter) -> None:
    """"The gift box you asked about, please pay …": the buyer's question is the thing named, not the
    request after the comma."""
    asked = "The gift box you asked about, please send 300 rubles to our card first."
    assert "extra-payment" in blocking(linter, asked)
    refused = "You asked about paying to our card instead: sorry, only through Ozon."
    assert "extra-payment" not in blocking(linter, refused)


def test_a_condition_turns_a_refusal_around(linter: ozonlint.Linter) -> None:
    text = "We can't ship the replacement unless you send us your full card number."
    assert "personal-data" in blocking(linter, text)
    assert "personal-data" not in blocking(linter, "We never ask for your full card number, only the order number.")
