"""The filter stage: every candidate passes through it; each filter acts only on its categories."""
from __future__ import annotations

from typing import List, Tuple

import pytest

import ozonlint
from ozonlint.filters import DROP, IDENTIFIER_KINDS, Candidate, Filter, FilterStage
from ozonlint.filters.quote import QuotedBuyerFilter


def blocking(linter: ozonlint.Linter, text: str) -> List[Tuple[str, str]]:
    return sorted({(v.category, v.match) for v in linter.check(text) if v.severity != "info"})


# ------------------------------------------------------------------ role of a channel's sentence

@pytest.mark.parametrize("text", [
    # a capability or a compatibility of the product
    "Наушники JBL подходят для звонков в Skype и Telegram, микрофон хорошо давит шум.",
    "Yes, this smart speaker can read out WhatsApp and Telegram messages aloud once you link your phone.",
    "Браслет M7 не показывает уведомления Viber, только звонки и СМС.",
    "The action camera can stream live to YouTube and VK Video over Wi-Fi.",
    "Открытка «Telegram» — это наша серия в стиле ретро, размер 10х15 см.",
    # someone else's channel
    "Канал «Скидки КухняПро» в Telegram не наш и никак с нами не связан.",
    "Someone is messaging our customers from a WhatsApp number pretending to be our store. This is a scam.",
    "Страница во ВКонтакте с нашим названием создана не нами — мы уже пожаловались.",
    # a refusal
    "Понимаю, что в Телеграме было бы удобнее, но правила площадки не позволяют нам переписываться вне Ozon.",
    "We understand WhatsApp would be easier for you, but we are not allowed to share it.",
])
def test_a_channel_that_is_not_offered_does_not_block(linter: ozonlint.Linter, text: str) -> None:
    assert not [c for c, _ in blocking(linter, text) if c == "external-contact"], text


@pytest.mark.parametrize("text, match", [
    ("Пишите нам в Telegram, там быстрее.", "Telegram"),
    ("Наш канал в телеге — там все новинки.", "телеге"),
    ("For updates follow us on Instagram.", "Instagram"),
    ("vx: sunny_shop88", "vx"),
    ("Инструкция в коробке. 客服小王 (微信 xiaowang_baby)", "微信"),
    ("вацап есть? кину фотки туда", "вацап"),
    ("Нас легко найти в инсте по названию магазина.", "инсте"),
])
def test_a_channel_offered_as_a_way_to_reach_the_seller_blocks(linter: ozonlint.Linter, text: str,
                                                               match: str) -> None:
    assert ("external-contact", match) in blocking(linter, text)


def test_a_bare_mention_is_info_with_a_note(linter: ozonlint.Linter) -> None:
    found = [v for v in linter.check("Мы в Telegram.") if v.category == "external-contact"]
    assert [v.severity for v in found] == ["info"]
    assert "does not block" in found[0].messages["en"] and "не блокирует" in found[0].messages["ru"]


def test_a_warning_disowns_what_it_describes_in_every_category(linter: ozonlint.Linter) -> None:
    text = ("Номер 8 (903) 555-17-40, с которого вам писали «менеджеры магазина», нам не принадлежит. "
            "Сообщение с просьбой оплатить доставку 149 рублей на карту — не от нас.")
    assert blocking(linter, text) == []


def test_a_warning_does_not_reach_the_sellers_own_offer_in_another_sentence(linter: ozonlint.Linter) -> None:
    text = ("Мошенники пишут от нашего имени, будьте внимательны. Спасибо за заказ! Отправим завтра, "
            "трек пришлём сюда. Для скидки переведите 500 рублей на карту 2202 2015 4477 3310.")
    assert "extra-payment" in {c for c, _ in blocking(linter, text)}


# ------------------------------------------------------------------ a buyer's quote

def test_a_quote_may_excuse_a_name_but_never_an_identifier(linter: ozonlint.Linter) -> None:
    text = "Вы спросили: «наш вотсап +7 916 555 12 34» — да, пишите туда."
    assert ("external-contact", "+7 916 555 12 34") in blocking(linter, text)
    assert blocking(linter, "Вы написали: «дайте ваш WhatsApp». Извините, общаемся только здесь.") == []


@pytest.mark.parametrize("text", [
    "«Есть ли у вас телеграм-канал с новинками?» — нет, и заводить не планируем.",
    "'Could you send it by Boxberry instead?' — unfortunately not, all orders go through Ozon delivery only.",
    "На вопрос «Можете привезти сами, я рядом со складом?» — нет, своими силами мы не доставляем.",
    "Regarding «Will I get a discount if I give 5 stars?» — no, we don't reward ratings in any way.",
])
def test_a_quoted_question_the_seller_answers_no_to_is_the_buyers(linter: ozonlint.Linter, text: str) -> None:
    assert blocking(linter, text) == []


def test_a_question_retold_in_clumsy_english_is_the_buyers(linter: ozonlint.Linter) -> None:
    text = ("Hi Wang, you ask if we have QQ or WeChat for faster answer. Sorry, by Ozon rules we talk with customers "
            "only here in Ozon chat.")
    assert blocking(linter, text) == []


def test_a_question_retold_with_the_verb_alone_is_the_buyers(linter: ozonlint.Linter) -> None:
    """The present tense's ending names the buyer: no "вы" needed right before it."""
    text = ("Здравствуйте, Айгерим! Вы из Казахстана и спрашиваете, можно ли оплатить через Kaspi или Alipay. "
            "К сожалению, нет: мы принимаем оплату только через Ozon при оформлении заказа.")
    assert blocking(linter, text) == []
    adopted = "Вы из Казахстана и спрашиваете, можно ли оплатить через Kaspi? Да, переведите 500 ₽ на Kaspi."
    assert "extra-payment" in {c for c, _ in blocking(linter, adopted)}


def test_a_quoted_question_answered_yes_or_holding_an_identifier_still_blocks(linter: ozonlint.Linter) -> None:
    assert blocking(linter, "На вопрос «Можно оплатить на карту?» — да, переведите 500 ₽ на карту.") != []
    text = "На вопрос «Где вас найти, +7 916 555 12 34?» — нет, только здесь."
    assert ("external-contact", "+7 916 555 12 34") in blocking(linter, text)


def test_the_quote_filter_spares_identifiers_by_declaration() -> None:
    assert QuotedBuyerFilter.spares_identifiers
    assert "language" not in QuotedBuyerFilter.categories


# ------------------------------------------------------------------ refusals, Ozon's own offers, one act

@pytest.mark.parametrize("text", [
    "К сожалению, по правилам Ozon мы не можем ничего давать за отзывы.",
    "На этот товар действует программа Ozon «Баллы за отзывы»: баллы начисляет сам Ozon.",
])
def test_refusals_and_ozons_own_offers_are_clean(linter: ozonlint.Linter, text: str) -> None:
    assert blocking(linter, text) == []


@pytest.mark.parametrize("text", [
    "The 12,490 ₽ you see as pending is a hold placed by your bank when Ozon authorised the payment; it becomes "
    "the actual payment once the order ships.",
    "Второе «списание» 4 120 ₽ в банке — временная блокировка при первой неудачной попытке оплаты; банк снимет её сам.",
])
def test_a_banks_hold_explained_is_not_a_charge(linter: ozonlint.Linter, text: str) -> None:
    assert blocking(linter, text) == []


def test_a_charge_called_a_hold_still_blocks_when_it_is_paid_to_a_card(linter: ozonlint.Linter) -> None:
    text = "Списание 500 ₽ — это оплата доставки, переведите её на карту 2202 2015 4477 3310."
    assert "extra-payment" in {c for c, _ in blocking(linter, text)}


def test_a_promotion_that_answers_the_buyers_retold_question_is_not_spam(linter: ozonlint.Linter) -> None:
    text = ("Вы спрашивали, как не пропустить поступление новых моделей. Откройте страницу нашего магазина на Ozon "
            "и нажмите «Подписаться» — новинки будут появляться в вашей ленте.")
    assert blocking(linter, text) == []


@pytest.mark.parametrize("text", [
    "Вы спрашивали про доставку: завтра. Кстати, подпишитесь на наш магазин, чтобы первыми узнавать о новинках!",
    "Вы спрашивали, когда придёт заказ. Он придёт завтра. Подпишитесь на наш магазин, чтобы узнавать о новинках!",
])
def test_an_aside_or_a_later_sentence_is_not_the_answer(linter: ozonlint.Linter, text: str) -> None:
    assert "spam" in {c for c, _ in blocking(linter, text)}


def test_a_turn_after_a_refusal_is_judged_on_its_own(linter: ozonlint.Linter) -> None:
    text = "По правилам Ozon мы не можем дать скидку в чате, но за отзыв на пять звёзд вернём 200 ₽."
    assert "review-incentive" in {c for c, _ in blocking(linter, text)}


@pytest.mark.parametrize("text", [
    "Мы не можем отправить заказ вовремя, поэтому вернём деньги вам напрямую переводом.",
    "We could not ship it in time, so we will refund you by bank transfer directly.",
])
def test_the_sellers_own_way_after_an_inability_is_judged_on_its_own(linter: ozonlint.Linter, text: str) -> None:
    assert "off-platform" in {c for c, _ in blocking(linter, text)}


def test_a_prize_draw_for_reviewers_is_one_category(linter: ozonlint.Linter) -> None:
    text = "Все, кто до конца месяца опубликует отзыв, участвуют в нашем розыгрыше робота-пылесоса."
    assert {c for c, _ in blocking(linter, text)} == {"review-incentive"}


# ------------------------------------------------------------------ the stage itself

class _DropAll(Filter):
    name = "drop-all"
    categories = frozenset(["spam"])
    spares_identifiers = True

    def judge(self, draft, candidate):  # type: ignore[no-untyped-def]
        return DROP


def test_a_filter_acts_only_on_its_categories_and_spares_identifiers(linter: ozonlint.Linter) -> None:
    from ozonlint.matchers import Draft

    rules = {r.spec.kind: r for r in linter.all_rules if r.category in ("spam", "external-contact")}
    spam = next(r for r in linter.all_rules if r.category == "spam")
    phone = next(r for r in linter.all_rules if r.spec.kind == "phone")
    assert phone.spec.kind in IDENTIFIER_KINDS and rules
    stage = FilterStage([_DropAll()])
    kept = stage.run(Draft("x"), [Candidate(spam, 0, 1, "warning"), Candidate(phone, 0, 1, "error")])
    assert [c.rule for c in kept] == [phone]


def test_no_spans_is_shared_and_answers_as_an_empty_spans() -> None:
    """Drafts share one empty Spans (most cue kinds are in no draft): it answers every
    question as a fresh empty one, and spans_of of a list is that list's Spans."""
    from ozonlint.spans import NO_SPANS, Spans, spans_of

    assert spans_of([]) is NO_SPANS and not NO_SPANS
    fresh = Spans([])
    for a, b in [(0, 0), (0, 5), (3, 9)]:
        for name in ("holding", "overlapping", "within", "starting_in", "last_start_within"):
            assert getattr(NO_SPANS, name)(a, b) == getattr(fresh, name)(a, b)
        for name in ("last_end_by", "first_start_from", "last_starting_before"):
            assert getattr(NO_SPANS, name)(a) == getattr(fresh, name)(a)
        assert list(NO_SPANS.backwards_from(a)) == list(NO_SPANS.forwards_from(a)) == []
    found = [(4, 8), (0, 2)]
    assert spans_of(found).spans == Spans(found).spans == [(0, 2), (4, 8)]


def test_one_span_answers_as_the_spans_of_a_longer_list_would() -> None:
    """A Spans of one span (made without the general tables) answers every question as
    a brute-force look at its span does."""
    from ozonlint.spans import Spans

    for span in [(0, 0), (2, 5), (4, 4)]:
        one = Spans([span])
        s, e = span
        for a in range(0, 8):
            assert one.last_end_by(a) == (e if e <= a else None)
            assert one.first_start_from(a) == (s if s >= a else None)
            assert one.last_starting_before(a) == (span if s < a else None)
            assert list(one.backwards_from(a)) == ([span] if s < a else [])
            assert list(one.forwards_from(a)) == ([span] if e > a else [])
            for b in range(a, 9):
                assert one.holding(a, b) == (s <= a and b <= e)
                assert one.overlapping(a, b) == (s < b and a < e)
                assert one.within(a, b) == (a <= s and e <= b)
                assert one.last_start_within(a, b) == (s if a <= s and e <= b else None)
                assert one.starting_in(a, b) == ([span] if a <= s <= b else [])


def test_a_model_sentence_settled_by_a_precise_finding_is_not_judged_and_nothing_changes(monkeypatch) -> None:
    """The stage skips judging a classifier's sentence that a precise finding of its category
    in the same sentence settles; judging every candidate gives the same findings."""
    import json
    from pathlib import Path

    from ozonlint.filters import precedence

    linter = ozonlint.Linter()
    texts = [json.loads(line)["text"] for path in sorted((Path(__file__).parent / "corpus").glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][::7] + [
        "Напишите нам в WhatsApp +7 916 555-12-34, так будет быстрее.",
        "Оставьте отзыв на 5 звёзд и получите кэшбэк за отзыв 300 рублей. Подписывайтесь на наш канал!",
    ]
    skipped = []
    real = precedence.settled

    def counted(draft, sentences, precise):  # type: ignore[no-untyped-def]
        found = real(draft, sentences, precise)
        skipped.extend(found)
        return found

    monkeypatch.setattr(precedence, "settled", counted)
    fast = [linter.check(t) for t in texts]
    assert any(skipped) and not all(skipped)
    monkeypatch.setattr(precedence, "settled", lambda draft, sentences, precise: [False] * len(sentences))
    assert [linter.check(t) for t in texts] == fast


def test_the_one_scan_for_a_retold_question_or_proposal_finds_what_each_sign_would() -> None:
    import json
    from pathlib import Path

    from ozonlint.filters import quote

    signs = quote._REPORTED_SIGNS + quote._PROPOSAL_SIGNS
    texts = [json.loads(line)["text"] for path in sorted((Path(__file__).parent / "corpus").glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [f"Вы {sign}, спасибо." for sign in signs] + ["You ASKED us", "prefer  to"]
    found = [quote._ANY_SIGN.search(text) is not None for text in texts]
    assert found == [any(sign in text for sign in signs) for text in texts]
    assert any(found) and not all(found)


def test_the_buyer_said_scan_finds_what_its_grouped_form_would() -> None:
    # each alternative of _BUYER_SAID starts with a letter of its own, so that std re jumps
    # from one such letter to the next; the same matches as the form with groups and a class
    import json
    import re
    from pathlib import Path

    from ozonlint.filters import quote

    grouped = re.compile(
        r"вы\s+(?:на)?пи|вы\s+спр|вы\s+прос|вы\s+уточн|покупател|ваш\w{0,3}\s+вопрос|вы\s+переслали|вам\s+(?:пришл|написали)"
        r"|you\s+(?:wrote|asked|said|write|ask|mentioned|forwarded|received|got)|your\s+question"
        r"|(?:sms|message|e-?mail)\s+you|[您你](?:问|说|写|提到)|您的问题|您(?:转发|收到)"
        r"|ваш\w*\s+(?:сообщени|отзыв|комментари)|your\s+(?:message|review|comment)")
    texts = [json.loads(line)["text"].casefold()
             for path in sorted((Path(__file__).parent / "corpus").glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += ["the sms you got", "an e-mail  you received", "email you", "你说了", "您收到的", "вы\nнаписали",
              "в вашем отзыве", "your message"]
    found = [quote._BUYER_SAID.search(text) for text in texts]
    assert [m and m.span() for m in found] == [m and m.span() for m in map(grouped.search, texts)]
    assert any(found) and not all(found)


def test_the_sentences_of_a_draft_are_where_the_sentence_end_pattern_ends_whoever_found_them() -> None:
    """The role filter's sentences, from its own scan or from the ends a rule found before
    (terms._SentenceEnds), start where _SENTENCE_END's matches end."""
    import json
    from pathlib import Path

    from ozonlint.filters import role
    from ozonlint.matchers import Draft
    from ozonlint.matchers.terms import _SENTENCE_END, _SentenceEnds

    texts = [json.loads(line)["text"] for path in sorted((Path(__file__).parent / "corpus").glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += ["", ".", ". ", "a.", "a. ", "a.\n", "a.  \n", "a..B", "a. b", "a.  B", "a. \tB", "a.\x1cB",
              "a.\u00a0B", "a. \nÄ", "a. ǅ", "a.Ⅰ", "x. Ё", "руб. по СБП", "т.е. Да", "Цена 1.5 руб.", "Да… нет",
              "Есть. «Гаджет Лайн»", "a. «b", "a. (B", "a.\"B", "a. “Б", "a. „Б“", "a. «", "a.«»"]
    for text in texts:
        expected = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
        assert role.sentences(Draft(text)) == expected, text
        found_before = Draft(text)
        found_before.extras[_SentenceEnds] = _SentenceEnds(text)
        assert role.sentences(found_before) == expected, text
