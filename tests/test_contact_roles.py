"""External contacts judged by the role a channel plays: whose it is and what the sentence does with it.

Each test is a class of reply (not one sentence): the hard negatives beside a
positive of the same shape, so that a test fails both when the class is
reported again and when the excuse grows wide enough to hide a real contact.
"""
from __future__ import annotations

from typing import Set

import pytest

import ozonlint

RANK = {"info": 0, "warning": 1, "error": 2}
CONTACT = "external-contact"


def blocking(linter: ozonlint.Linter, text: str) -> Set[str]:
    return {v.category for v in linter.check(text) if RANK[v.severity] >= 1}


@pytest.mark.parametrize("text", [
    "Hello Irina! The cushion covers from our Line collection come in 45×45 and 50×50 cm.",
    "Здравствуйте! Открытка «Telegram» — это наша серия в стиле ретро телеграммы, размер 10×15 см.",
    "Шины модели Viber Sport подойдут на вашу машину, размер 205/55 R16.",
    "这款抱枕属于 Line 系列，有三种颜色。",
])
def test_a_name_beside_a_product_word_is_the_products_name(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT not in blocking(linter, text)


def test_a_product_word_does_not_hide_a_channel_offered_beside_it(linter: ozonlint.Linter) -> None:
    assert CONTACT in blocking(linter, "Новая коллекция уже в нашем Telegram, пишите туда.")
    assert CONTACT in blocking(linter, "Our new collection is on our Instagram page, follow us there.")
    assert CONTACT in blocking(linter, "新系列在我们的微信里，加我们看看。")


@pytest.mark.parametrize("text", [
    "亲,您好!很抱歉,根据Ozon平台规定,我们不能提供微信或电话。有任何问题请直接在这个聊天窗口留言。",
    "Извините, номер для связи дать не можем: общение только в чате Ozon.",
    "Sorry, we are not allowed to share our phone number, all questions are answered here.",
])
def test_a_refusal_in_the_same_clause_excuses_an_invitation(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT not in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "Здесь подробно ответить не можем, позвоните нам, всё объясним.",
    "We cannot explain it properly here, call us and we will walk you through it.",
    "这里不能详细说明,加我微信,我发视频给您。",
])
def test_a_refusal_of_something_else_does_not_excuse_the_invitation_after_it(linter: ozonlint.Linter,
                                                                             text: str) -> None:
    assert CONTACT in blocking(linter, text)


def test_a_turn_after_a_refusal_starts_an_offer_of_its_own(linter: ozonlint.Linter) -> None:
    text = ("Hello Maya! Thanks for asking about the other glaze colours. We can't upload all of them here, "
            "but if you search our shop name on the photo app with the camera icon, you'll find every mug "
            "we've ever made. New batch comes out in May.")
    assert CONTACT in blocking(linter, text)
    assert CONTACT not in blocking(linter, "We can't share a WhatsApp number, sorry — all communication stays here.")


@pytest.mark.parametrize("text", [
    "Hello! The smart speaker can make calls through your own Telegram account once you link it in the app.",
    "Hello Nora, the kids' tablet comes with YouTube Kids and a reading app preinstalled, and the parent "
    "profile lets you block any other app.",
    "Часы поддерживают звонки через ваш аккаунт в Viber, если телефон рядом.",
])
def test_the_buyers_account_or_a_far_contact_word_does_not_make_a_capability_an_offer(
        linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT not in blocking(linter, text)


def test_asking_for_the_buyers_account_is_still_an_exchange_of_contacts(linter: ozonlint.Linter) -> None:
    assert CONTACT in blocking(linter, "Часы поддерживают звонки, пришлите ваш ник в Telegram.")
    assert CONTACT in blocking(linter, "The watch supports calls; send us your Telegram username.")


@pytest.mark.parametrize("text", [
    "Thanks for forwarding the message from that WhatsApp number — it was not sent by us.",
    "Сообщение в Telegram с просьбой оплатить доставку отправили не мы, не переходите по ссылке.",
    "那条微信消息不是我们发的，请不要付款。",
])
def test_a_message_disowned_is_someone_elses(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT not in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "For custom colours talk to our designer directly, her contacts are in our shop description.",
    "We have more colours than we can list here — the link to the full colour chart is in our profile.",
    "Ссылка у нас в профиле, там все расцветки.",
])
def test_a_contact_pointed_to_in_the_profile_or_description(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "Номер телефона в заказе меняется в профиле Ozon, мы его не видим и поменять не можем.",
    "Ссылку на возврат найдёте в вашем профиле Ozon.",
    "The size chart is in the product description, scroll down below the photos.",
])
def test_ozons_own_profile_is_not_a_pointed_contact(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT not in blocking(linter, text)


def test_an_e_mail_asked_for_with_its_password_is_a_login_not_a_channel(linter: ozonlint.Linter) -> None:
    login = "If the pairing keeps failing, send us the email and password you used for the app."
    found = blocking(linter, login)
    assert CONTACT not in found and "personal-data" in found
    assert CONTACT in blocking(linter, "Please send us your email, we will mail you the manual.")


def test_a_quote_with_an_apostrophe_inside_is_still_the_buyers(linter: ozonlint.Linter) -> None:
    text = ("Hi Artem, you wrote: 'can you just send it by CDEK and I'll pay you on card?' We only sell and "
            "ship through Ozon.")
    assert "extra-payment" not in blocking(linter, text)
    adopted = "You wrote: 'I'll pay you on card?' Yes, transfer 500 rub to my card 2202 2015 4477 3310."
    assert "extra-payment" in blocking(linter, adopted)


@pytest.mark.parametrize("text", [
    "Игорь, здравствуйте. Понимаю, что в телеграме удобнее, но по правилам площадки мы не можем переписываться "
    "вне Ozon. Присылайте фото прямо сюда.",
    "I get that WhatsApp is easier for you, but Ozon rules say we can only talk in this chat.",
    "您好！我们没有微信，请在这里联系我们。",
    "Извините, мы не можем написать вам в WhatsApp — пишите сюда, ответим за час.",
])
def test_a_sentence_whose_last_word_on_the_channel_is_a_refusal(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT not in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "К сожалению, видео сюда прислать не можем, напишите нам в WhatsApp, отправим там.",
    "We can't send big files here, so message us on Telegram and we'll send the video.",
    "这里不能发视频，请加我们微信，我们发给您。",
])
def test_a_refusal_then_an_offer_of_another_channel_is_an_offer(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "Hi Jake, the keyboard has a dedicated emoji key, which is handy when you text friends on WhatsApp all day.",
    "Hi Anna, our tripod is great for TikTok and YouTube creators, it extends to 1.6 m.",
    "Здравствуйте! Штатив удобно брать в поездки, а видео сразу отправлять друзьям в Telegram.",
    "您好！这个自拍杆很适合和家人朋友微信视频。",
])
def test_a_channel_the_buyer_uses_with_others_or_a_product_suits(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT not in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "Send the video to your friends, or to us on WhatsApp, we will check it.",
    "Наша поддержка в Telegram отвечает круглосуточно.",
    "Штатив отлично подходит для видео, а наш Telegram-канал с обзорами — вот он: @tripod_shop.",
])
def test_the_sellers_own_channel_beside_others_or_a_product_is_still_offered(linter: ozonlint.Linter,
                                                                             text: str) -> None:
    assert CONTACT in blocking(linter, text)


def test_the_buyers_wish_granted_in_words_then_refused_is_not_the_sellers_offer(linter: ozonlint.Linter) -> None:
    text = ("Hello Amir, we understand you'd prefer to pay the courier in cash for the extra cushion, but we can't "
            "take any payment outside Ozon. Please add the cushion to your order instead.")
    assert "extra-payment" not in blocking(linter, text)
    offer = "We can't do it through Ozon, but pay the courier 300 rub in cash for the extra cushion."
    assert "extra-payment" in blocking(linter, offer)


@pytest.mark.parametrize("text", [
    "Здравствуйте! Вы предложили брать следующую партию корма у нас напрямую, чтобы вышло дешевле. Спасибо за "
    "доверие, но продаём только через Ozon.",
    "Здравствуйте, Эмиль. На ваш вопрос «скидку дадите, если поставлю пятёрку?» ответ — нет, за оценки мы ничего "
    "не предлагаем.",
])
def test_the_buyers_proposal_retold_or_quoted_is_the_buyers(linter: ozonlint.Linter, text: str) -> None:
    assert not blocking(linter, text) & {"off-platform", "review-incentive"}


def test_a_retold_proposal_ends_with_its_clause(linter: ozonlint.Linter) -> None:
    text = ("Вы просили перешить пиджак на 54 размер — это возможно, но доработка стоит отдельно: 1 200 ₽ "
            "отправьте переводом на наш расчётный счёт.")
    assert "extra-payment" in blocking(linter, text)
    adopted = "Вы предложили купить у нас напрямую, без Ozon, — давайте, так дешевле."
    assert "off-platform" in blocking(linter, adopted)


def test_ozons_own_points_as_the_last_word_on_a_review(linter: ozonlint.Linter) -> None:
    text = ("Добрый день! Спасибо за оценку 5 звёзд 🙏 Рады, что ковшик пригодился. Если захотите, в отзыв можно "
            "добавить фото — за отзывы с фото Ozon начисляет баллы в рамках своей программы.")
    assert "review-incentive" not in blocking(linter, text)
    ours = "Оставьте отзыв с фото — Ozon начисляет за него баллы. А мы вернём 300 ₽ на телефон за отзыв."
    assert "review-incentive" in blocking(linter, ours)


@pytest.mark.parametrize("text", [
    "Для ремонта Ozon не нужен: позвоните по номеру из гарантийного талона, и наш мастер приедет к вам.",
    "Доплату 600 ₽ можно перевести мне по номеру телефона, который указан в моём профиле.",
])
def test_a_number_pointed_to_in_any_case_form(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT in blocking(linter, text)


def test_a_qualified_number_on_a_tag_is_not_a_phone(linter: ozonlint.Linter) -> None:
    text = "Hi Olga, the plush toy has a hologram tag. The batch number on the tag lets you check authenticity."
    assert CONTACT not in blocking(linter, text)
    assert CONTACT in blocking(linter, "Our number is on the tag, call it if anything breaks.")


def test_a_chinese_refusal_of_rewards(linter: ozonlint.Linter) -> None:
    text = "您好!根据Ozon的规定,我们不能为评价提供任何奖励或返现。请根据您的真实体验评价,谢谢理解。"
    assert "review-incentive" not in blocking(linter, text)
    assert "review-incentive" in blocking(linter, "好评返现20元,谢谢支持。")


@pytest.mark.parametrize("text", [
    "Beware of fake accounts, our only real Telegram is @sunny_shop_official.",
    "Появились фейковые страницы, наш официальный WhatsApp +7 900 123 45 67.",
    "有人冒充我们，我们唯一的微信号是 sunny888。",
])
def test_a_warning_does_not_disown_the_channel_it_claims_as_the_sellers(linter: ozonlint.Linter,
                                                                        text: str) -> None:
    assert CONTACT in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "Осторожно: мошенники пишут с номера +7 999 111-22-33 от имени нашего магазина. Это не мы.",
    "Beware: scammers use the handle @ozon_support_help, it is not ours.",
    "这个微信号 abc123 不是我们的，请不要添加。",
])
def test_a_warning_disowns_the_fraudsters_identifiers(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT not in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "Вы спросили: «есть ли у вас вотсап?» Есть, пишите туда, ответим быстрее.",
    "You asked \"do you have Telegram?\" We do — message us there for the video.",
    "您问\"有微信吗？\"有的，加我们发视频。",
])
def test_a_quote_the_seller_sends_the_buyer_back_to_is_the_sellers(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "Вы спросили: «есть ли у вас вотсап?» К сожалению, нет, там мы не отвечаем, только здесь.",
    "You asked \"do you have a Telegram channel?\" No, we only answer here in the Ozon chat.",
])
def test_a_quote_denied_stays_the_buyers(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT not in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "Здравствуйте! Если колесо на тележке сломается в течение года, пишите, заменим по гарантии.",
    "Добрый день! Сумка на тележке вмещает до 30 кг, напишите, если нужен другой цвет.",
    "Здравствуйте! Ручку на тележке можно отрегулировать по высоте, наш мастер показал это на видео.",
])
def test_a_name_that_is_an_ordinary_word_is_offered_only_in_its_own_clause(linter: ozonlint.Linter,
                                                                         text: str) -> None:
    assert CONTACT not in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "Здравствуйте! Фото брака скиньте в тележку, ник такой же, как у магазина.",
    "Добрый день! Пишите в тг, там быстрее отвечаем.",
    "Hi! Add me on Line, my ID is sunny_jp.",
])
def test_a_short_name_invited_to_in_its_clause_is_an_offer(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "Пароль от сети вводите только у себя в телефоне, нам его присылать не нужно.",
    "Для гарантии нужны только номер заказа и IMEI. Пароли и Apple ID нам никогда не присылайте.",
    "Your account password stays with you — never send it to us or anyone else.",
    "Hello Svetlana, Ozon asks for passport details for cross-border orders directly in your account, not "
    "through sellers.",
])
def test_data_the_seller_refuses_to_receive_or_ozon_asks_for_is_not_requested(linter: ozonlint.Linter,
                                                                              text: str) -> None:
    assert "personal-data" not in blocking(linter, text)


def test_a_refusal_after_a_request_refuses_something_else(linter: ozonlint.Linter) -> None:
    text = "Please send us the password of your account, no need to send the receipt."
    assert "personal-data" in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "Hi Paul, call quality on Viber and WhatsApp is clear even on 3G thanks to the noise-cancelling mics.",
    "Hi! Text size in Telegram is set on your phone, the case doesn't affect it.",
    "Hello Kate! Many buyers follow cooking channels on YouTube and use this stand while cooking.",
    "Здравствуйте, Вера! Связь в Viber и Telegram через этот роутер стабильная, проверяли на 50 устройствах.",
])
def test_a_verb_that_is_also_a_noun_is_no_invitation(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT not in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "Hi Paul, call us on Viber if the headset doesn't connect, we'll walk you through it.",
    "Just text on WhatsApp if the parcel is late.",
    "Продавец на связи в Телеграме и Вотсапе круглосуточно.",
])
def test_the_same_verb_with_whom_or_how_invites(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "Здравствуйте! Вам пришло сообщение «Пишите в WhatsApp +7 900 123-45-67 для возврата денег»? Мы такое не "
    "отправляли, это чужой номер.",
    "Hello! The SMS you forwarded (\"text us on Telegram @ozon_refund_help to get your money back\") did not come "
    "from our shop. Please ignore it.",
    "您好！您转发的那条“加微信 refund888 退款”的消息不是我们发的，请不要理会。",
])
def test_a_forwarded_fake_is_someone_elses(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT not in blocking(linter, text)


def test_the_sellers_own_earlier_message_quoted_is_still_the_sellers(linter: ozonlint.Linter) -> None:
    assert CONTACT in blocking(linter, "Мы вам уже написали: «пишите в WhatsApp», ждём фото там.")
    assert CONTACT in blocking(linter, "Hello! Yes, the message from +44 7700 900123 was from us, reply there.")


@pytest.mark.parametrize("text", [
    "Guten Tag! Schreiben Sie uns auf WhatsApp, dann schicken wir das Video.",
    "¡Hola, Carlos! Escríbanos por WhatsApp y le enviamos las fotos.",
    "Assalomu alaykum! WhatsApp orqali yozing, tezroq javob beramiz.",
    "Доброго дня! Пишіть нам у Telegram, відповімо швидше.",
])
def test_an_invitation_in_another_language_offers_the_channel(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT in blocking(linter, text)


def test_a_bare_mention_in_another_language_is_only_info(linter: ozonlint.Linter) -> None:
    found = [v for v in linter.check("Die Kamera streamt direkt auf YouTube und Instagram.") if v.category == CONTACT]
    assert found and {v.severity for v in found} == {"info"}


def test_a_code_that_opens_an_instruction_is_no_channel(linter: ozonlint.Linter) -> None:
    text = ("Hi Ivan! The QR code on the box opens the assembly video on the manufacturer's site; you don't need "
            "to register anywhere. If anything is missing, write to us here in the Ozon chat.")
    assert CONTACT not in blocking(linter, text)
    assert CONTACT in blocking(linter, "Scan the QR code on the box, it opens a chat with our support team directly.")


def test_a_models_finding_in_a_sentence_naming_a_product_series(linter: ozonlint.Linter) -> None:
    assert CONTACT not in blocking(linter, "亲，微信系列的手机壳已经卖完了，其他系列还有货。")
    assert CONTACT in blocking(linter, "亲，新系列的照片在我们的微信里，加一下看看。")


@pytest.mark.parametrize("text", [
    "Здравствуйте, Ольга! Если возврат не оформляется, позвоните в поддержку Ozon по номеру 8 800 555-19-43.",
    "Служба поддержки Ozon: +7 495 150-56-07, звонок бесплатный. С уважением, магазин «Уют».",
    "Hi Tom! Ozon customer support: 8 800 555 35 35, they handle returns for the whole marketplace.",
    "8 800 555-35-35 — это горячая линия Ozon, там помогут с возвратом.",
    "如有退货问题，请拨打Ozon客服热线 8 800 555-35-35。",
])
def test_a_number_of_ozons_own_support_is_no_outside_contact(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT not in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "Здравствуйте, Ольга! Поддержка Ozon долго отвечает, звоните мне: 8 912 555-34-21.",
    "Служба поддержки Ozon не поможет, наш номер +7 912 555-34-21.",
    "Hi Tom! Ozon support is slow, call us at +7 912 555 34 21.",
    "Оплатите через Ozon Банк на номер +7 912 555-34-21.",
    "Поддержка Ozon отвечает долго, наша поддержка быстрее: звоните 8 912 555-34-21.",
])
def test_the_sellers_own_number_beside_ozons_support_is_still_reported(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT in blocking(linter, text)


def test_ozons_published_numbers_are_data_and_match_however_written(linter: ozonlint.Linter) -> None:
    for number in ("8 800 234-70-00", "+7 (800) 234 70 00", "88002347000"):
        assert not [v for v in linter.check(f"Номер: {number}.") if v.rule == "contact.phone"], number
    assert [v for v in linter.check("Номер: 8 800 234-70-01.") if v.rule == "contact.phone"]


@pytest.mark.parametrize("text", [
    "Здравствуйте! С этой гарнитурой вы можете звонить по Telegram со своего телефона без рук.",
    "Смарт-часы: звонить по WhatsApp можно прямо с часов, без телефона. Заказ 48201994-0003-1 отправлен.",
    "Hello! With this watch you can call via WhatsApp straight from your wrist.",
])
def test_calling_over_a_channel_as_the_buyers_own_use_is_no_invitation(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT not in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "Здравствуйте! Вы можете звонить нам по Telegram со своего телефона, ответим сразу.",
    "Смарт-часы в наличии. Звоните по WhatsApp, ответим прямо с магазина.",
    "Hello! You can call us via WhatsApp straight from your phone.",
    "Позвоните в Telegram, там быстрее.",
])
def test_calling_the_seller_over_a_channel_is_an_invitation(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "亲，不要相信自称客服的人，他们会让您加微信转账。订单已发货。",
    "请勿添加陌生人的微信，我们不会私下联系您。",
    "我们不能提供微信，请在Ozon聊天中联系我们。",
    "不能加微信哦，平台不允许，请在Ozon聊天里问我们。",
])
def test_a_chinese_dont_scopes_over_its_warning(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT not in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "不要相信任何人，加我们的微信shop88。",
    "不要在这里问，加我微信聊。",
    "Никогда не переводите предоплату незнакомцам, пишите нам в Telegram.",
    "Never share your card details with anyone, message us on WhatsApp instead.",
])
def test_a_dont_does_not_reach_a_later_clause_offering_the_sellers_own(linter: ozonlint.Linter,
                                                                       text: str) -> None:
    assert CONTACT in blocking(linter, text)


@pytest.mark.parametrize("text, name", [
    ("Merhaba! Sorularınız için WhatsApp'tan yazın lütfen.", "WhatsApp"),
    ("Bize Telegram’dan ulaşın, hemen cevap veriyoruz.", "Telegram"),
    ("Instagram'ımızdan takip edin.", "Instagram"),
    ("Telegram'da kanalımız var, orada yazın.", "Telegram"),
    ("Пишіть нам у вотсапі, відповімо швидко.", "вотсапі"),
    ("Напишіть нам у вайбері.", "вайбері"),
    ("Пишите мне в WhatsApp-ка, отвечу сразу.", "WhatsApp"),
])
def test_a_channel_with_a_case_ending_is_still_the_channel(linter: ozonlint.Linter, text: str, name: str) -> None:
    found = [v for v in linter.check(text) if v.category == CONTACT and RANK[v.severity] >= 1]
    assert name in [v.match for v in found]


@pytest.mark.parametrize("text", [
    "Saat, WhatsApp'tan gelen bildirimleri gösterir.",  # the watch shows notifications from WhatsApp
    "Don't worry, it's the courier's job; we'll call you if there's news.",
])
def test_an_apostrophe_ending_is_not_an_invitation_by_itself(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT not in blocking(linter, text)


def blocking_all(linter: ozonlint.Linter, text: str) -> Set[str]:
    return {v.category for v in linter.check(text) if RANK[v.severity] >= 1} - {"style", "language"}


@pytest.mark.parametrize("text", [
    "Добрый день! Промокод из рассылки Ozon «ОСЕНЬ15» действует до 30.09, скидка применится в корзине.",
    "Здравствуйте! Принимать оплату мимо Ozon мы не имеем права, оплатите заказ в приложении.",
    "Hey Sam! There's no deposit and no way to reserve a size outside Ozon; the listing goes live on 15 May.",
    "Страница «Карапуз» в Одноклассниках создана не нами. Если там предлагают цены без Ozon — это обман.",
    "Уважаемые покупатели! Этот отзыв оставили не мы, мы уже попросили Ozon удалить этот отзыв.",
])
def test_ozons_own_programme_a_right_refused_or_a_deception_named_is_clean(linter: ozonlint.Linter,
                                                                         text: str) -> None:
    assert blocking_all(linter, text) == set()


@pytest.mark.parametrize("text, category", [
    ("Подпишитесь на нашу рассылку, там промокоды каждую неделю.", "spam"),
    ("Можем принять оплату мимо Ozon, так выйдет дешевле.", "off-platform"),
    ("Hey Sam! You can reserve a size outside Ozon with a small deposit.", "off-platform"),
    ("Если хотите оптовые цены без Ozon — пишите, договоримся.", "off-platform"),
    ("Мы уже попросили покупателя удалить этот отзыв за кэшбэк.", "review-incentive"),
])
def test_the_same_words_offered_by_the_seller_are_reported(linter: ozonlint.Linter, text: str,
                                                           category: str) -> None:
    assert category in blocking_all(linter, text)


@pytest.mark.parametrize("text", [
    "Добрый день! Наш номер склада 77 в описании — это номер зоны хранения на складе Ozon.",
    "Dear Veronika, the phone case is from our 'Telegram Blue' colour line, a soft sky blue.",
    'The tablet cover comes in the "Telegram Blue" and "Skype Grey" colors — those are just our color names.',
    "Колонка умеет зачитывать входящие из VK Мессенджера, если привязать аккаунт VK ID в приложении.",
])
def test_a_number_of_a_thing_a_shade_or_the_buyers_linked_account_is_no_contact(linter: ozonlint.Linter,
                                                                                text: str) -> None:
    assert CONTACT not in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "Добрый день! Наш номер 8 912 555-34-21, звоните.",
    "The case is from our 'Telegram Blue' colour line. Also join our 'Telegram' channel for news.",
    'Пишите нам в «Telegram» или «WhatsApp», ответим быстрее.',
    "Колонка читает сообщения из VK, добавьте наш аккаунт VK ID: shop123.",
    "Dear, for video please add 薇信 ozon-kitty520, we send you quickly.",
])
def test_the_sellers_number_channel_or_account_beside_them_is_reported(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "Hi Boris, the product passport and warranty card are in the envelope taped to the box.",
    "Здравствуйте! Технический паспорт изделия и гарантийный талон лежат в коробке.",
])
def test_a_products_papers_are_no_persons_document(linter: ozonlint.Linter, text: str) -> None:
    assert "personal-data" not in blocking_all(linter, text)


@pytest.mark.parametrize("text", [
    "Please send a photo of your passport; the product passport is in the box.",
    "Пришлите фото паспорта для гарантии, паспорт изделия уже у вас.",
])
def test_a_persons_document_beside_a_products_papers_is_reported(linter: ozonlint.Linter, text: str) -> None:
    assert "personal-data" in blocking_all(linter, text)


def test_a_reported_question_holds_the_buyers_words_quoted_inside_it(linter: ozonlint.Linter) -> None:
    asked = "Понимаю, вы спрашивали, можно ли купить эту же раковину «без посредников»."
    assert blocking_all(linter, asked + " Нет, мы продаём только через Ozon.") == set()
    assert "off-platform" in blocking_all(linter, asked + " Можно, переведите 5000 на карту и заберите со склада.")


@pytest.mark.parametrize("text", [
    "Salam, Leyla xanım! Bu ayaqqabını birbaşa bizim instagram mağazamızdan alsanız, daha ucuz olacaq.",
    "Біздің WhatsApp нөміріміз бар, жазыңыз.",
])
def test_the_sellers_possessive_in_another_language_offers_the_channel(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT in blocking(linter, text)


@pytest.mark.parametrize("text", [
    "İyi günler! Instagram'da mağazamızın adını kullanan sahte bir hesap var, o hesap bize ait değil.",
    "Назар аударыңыз: алаяқтар біздің дүкен атынан WhatsApp арқылы жазып жатыр.",
])
def test_a_fake_in_another_language_is_someone_elses(linter: ozonlint.Linter, text: str) -> None:
    assert CONTACT not in blocking(linter, text)


@pytest.mark.parametrize("text, category", [
    ("Спасибо, что предложили заехать к нам и доплатить разницу наличными, но так мы сделать не можем.",
     "extra-payment"),
    ("Thank you for offering to meet at the market and pay cash for the second jar, but we can't do that: "
     "all sales go through Ozon.", "extra-payment"),
])
def test_the_buyers_offer_thanked_for_and_turned_down_is_not_the_sellers(linter: ozonlint.Linter, text: str,
                                                                         category: str) -> None:
    assert category not in blocking_all(linter, text)
