"""Fixing: rewrites from the packs, planned per sentence in its language, applied once.

The corpus test runs every labelled reply in tests/corpus (none of them was
written for the rewrites) through ``fix()`` and checks what the issue asks:
errors gone, nothing Cyrillic put into a reply without it, no Latin word but
Ozon put into a Russian sentence, no stray punctuation created, idempotent,
sentences without findings byte-identical.
"""
from __future__ import annotations

import importlib
import json
import re
from pathlib import Path
from typing import Dict, List, Tuple

import pytest
from conftest import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import ozonlint
from ozonlint.cli import main
from ozonlint.fix import Fix, Rewrite, apply, clauses, plan, reply_language, sentence_language, sentences, tidy
from ozonlint.rulepack import RulePackError, load_rules

CORPUS = Path(__file__).parent / "corpus"
CHAT_RU = "Пишите нам здесь, в чате Ozon."
CHAT_EN = "Message us here in the Ozon chat."
NOTHING_TO_PAY_RU = "Доплачивать ничего не нужно: всё оплачивается в заказе на Ozon."
NOTHING_TO_PAY_EN = "There is nothing extra to pay: everything is paid in your Ozon order."


# ---------------------------------------------------------------- examples

@pytest.mark.parametrize("draft, fixed", [
    # a contact becomes an invitation to write here, in the sentence's language
    ("Пишите в вотсап по номеру 8 916 123-45-67", CHAT_RU),
    ("Добрый день! Пишите в WhatsApp: +7 912 555 34 21. Заказ отправлен.",
     f"Добрый день! {CHAT_RU} Заказ отправлен."),
    ("Hi! Message us on WhatsApp for details.", f"Hi! {CHAT_EN}"),
    # a link in brackets goes with its brackets: the grammar survives
    ("Инструкция есть на сайте производителя (sunny-shop.ru), там же видео.",
     "Инструкция есть на сайте производителя, там же видео."),
    # a review bribe, an upsell, a request for a passport photo are removed
    ("Товар отправлен, а за отзыв с пятью звёздами вернём 100 ₽ на карту.", "Товар отправлен."),
    ("Спасибо за заказ! Купите ещё один комплект со скидкой 10%.", "Спасибо за заказ!"),
    ("Здравствуйте! Для оформления пришлите фото паспорта. Заказ отправим завтра.",
     "Здравствуйте! Заказ отправим завтра."),
    # a bribe that is the whole sentence: the request for a review stays, the reward goes
    ("Спасибо за заказ! Оставьте отзыв на 5 звёзд и получите кэшбэк 200 ₽.",
     "Спасибо за заказ! Будем благодарны за ваш честный отзыв."),
    # a Chinese fragment: removed, or a courtesy phrase in the reply's language
    ("Hi! The scarf is 180 cm long. 长度180厘米", "Hi! The scarf is 180 cm long."),
    ("Hi! The lamp takes an E14 bulb, max 40 W. 谢谢", "Hi! The lamp takes an E14 bulb, max 40 W. Thank you!"),
    ("Здравствуйте! Товар отправлен. 谢谢！", "Здравствуйте! Товар отправлен. Спасибо!"),
    ("Спасибо за заказ! 谢谢", "Спасибо за заказ!"),  # said already: not twice
    ("Hello Roman, thank you for your order. 我们会尽快发货，请耐心等待。It has two USB-C ports.",
     "Hello Roman, thank you for your order. It has two USB-C ports."),
    # removing everything but the greeting would leave nothing to send: the rule says something instead
    ("Здравствуйте! Назовите три цифры на обороте карты, это нужно для возврата.",
     "Здравствуйте! Присылать личные данные в чат не нужно."),
    ("В следующий раз заказывайте у нас на сайте maski-spa.ru — там на 20% дешевле.",
     "Заказы мы принимаем только на Ozon."),
    ("Здравствуйте! Подписывайтесь на наш канал в телеграме — там розыгрыши каждую неделю.",
     f"Здравствуйте! {CHAT_RU}"),
    # lines: a list keeps its marker, a removed line goes with its line break, CRLF stays CRLF
    ("Hello!\n- order shipped\n- write me on WhatsApp +79161234567\n- thanks",
     f"Hello!\n- order shipped\n- {CHAT_EN}\n- thanks"),
    ("Здравствуйте!\r\nЗаказ отправлен.\r\nПришлите фото паспорта.\r\nСпасибо!\r\n",
     "Здравствуйте!\r\nЗаказ отправлен.\r\nСпасибо!\r\n"),
    ("Здравствуйте!\n\nКонтакты:\nWhatsApp: +7 916 123-45-67\nTelegram: @shop_ru\n\nСпасибо!",
     f"Здравствуйте!\n\n{CHAT_RU}\n\nСпасибо!"),
    # said once per reply; a file of replies (blank lines between) has it in each
    ("Пишите в WhatsApp.\nПишите в Telegram.", CHAT_RU),
    ("Пишите в WhatsApp.\n\nПишите в Telegram.", f"{CHAT_RU}\n\n{CHAT_RU}"),
    # Chinese punctuation becomes ordinary punctuation
    ("Здравствуйте дорогой друг！Ваш заказ уже отправлен，спасибо！",
     "Здравствуйте дорогой друг! Ваш заказ уже отправлен, спасибо!"),
])
def test_safe_fix_reads_as_a_reply(linter, draft: str, fixed: str) -> None:
    assert linter.fix(draft) == fixed
    assert not [v for v in linter.check(fixed) if v.severity == "error"]


@pytest.mark.parametrize("draft, safe, unsafe", [
    # a surcharge: the safe fix says where paying happens; the unsafe one promises nothing is due
    ("Доплатите 300 ₽ переводом на карту.", "Оплатить можно только в заказе на Ozon.", NOTHING_TO_PAY_RU),
    ("Please pay 300 rubles extra by bank transfer.", "Payment is made only in your Ozon order.",
     NOTHING_TO_PAY_EN),
    ("Здравствуйте! Доставка оплачивается отдельно, 350 ₽ переводом на карту 2202 2056 1234 8877. Спасибо!",
     "Здравствуйте! Оплатить можно только в заказе на Ozon. Спасибо!",
     f"Здравствуйте! {NOTHING_TO_PAY_RU} Спасибо!"),
    # a private refund: removed, or (unsafe) the return through Ozon
    ("Здравствуйте! Вернём деньги переводом на карту, возврат через Ozon оформлять не нужно. Хорошего дня!",
     "Здравствуйте! Возврат оформляется через Ozon. Хорошего дня!",
     "Здравствуйте! Оформите, пожалуйста, возврат через Ozon в разделе «Мои заказы»: деньги вернутся автоматически. "
     "Хорошего дня!"),
    # the rewrite's quotes are the reply's own
    ('Здравствуйте! Товар "Лампа" отправлен. Вернём деньги переводом на карту, возврат через Ozon оформлять не нужно.',
     'Здравствуйте! Товар "Лампа" отправлен. Возврат оформляется через Ozon.',
     'Здравствуйте! Товар "Лампа" отправлен. Оформите, пожалуйста, возврат через Ozon в разделе "Мои заказы": '
     'деньги вернутся автоматически.'),
])
def test_unsafe_rewrites_only_when_asked(linter, draft: str, safe: str, unsafe: str) -> None:
    assert linter.fix(draft) == safe
    assert linter.fix(draft, unsafe=True) == unsafe
    shown = linter.check(draft, unsafe_fixes=True)
    assert "unsafe" in {v.fix.applicability for v in shown if v.fix is not None}


def test_several_findings_in_a_sentence_give_one_rewrite(linter) -> None:
    draft = "Добрый день! Пишите в WhatsApp или Telegram: +7 912 555 34 21, sunny@mail.ru. Заказ отправлен."
    found = linter.check(draft)
    assert len(found) >= 4
    assert len({v.fix for v in found}) == 1
    fix = found[0].fix
    assert (fix.scope, fix.applicability, draft[fix.start:fix.end]) == (
        "sentence", "safe", "Пишите в WhatsApp или Telegram: +7 912 555 34 21, sunny@mail.ru.")
    assert set(fix.rules) == {v.rule for v in found}
    assert all(v.suggestion == CHAT_RU for v in found)


def test_a_contact_that_serves_a_payment_goes_with_the_payment(linter) -> None:
    draft = "Перевод на Т-Банк по номеру 89261234590."
    assert linter.fix(draft) == "Оплатить можно только в заказе на Ozon."


def test_english_sentences_get_english_and_russian_ones_russian(linter) -> None:
    draft = "Здравствуйте! Пишите в WhatsApp. Hello! Message me on WhatsApp please."
    assert linter.fix(draft) == f"Здравствуйте! {CHAT_RU} Hello! {CHAT_EN}"
    # a sentence of handles and Chinese in a Russian reply is not English
    draft = "Спасибо за заказ. 客服小王 (微信 xiaowang_baby)"
    assert linter.fix(draft) == f"Спасибо за заказ. {CHAT_RU}"


def test_whole_reply_in_chinese_gets_no_rewrite_and_says_why(linter) -> None:
    draft = "您好，今天下午发货，请留意物流。"
    assert linter.fix(draft) == draft
    found = linter.check(draft)
    chinese = next(v for v in found if v.rule == "language.chinese")
    assert "No automatic rewrite" in chinese.message and "Автоматической правки нет" in chinese.messages["ru"]
    # the template for its intent is offered, unsafe and marked as a template to check
    assert chinese.fix is not None and chinese.fix.template and chinese.fix.applicability == "unsafe"
    review = linter.review(draft, unsafe=True)
    assert review.fixed.startswith("Здравствуйте! Ваш заказ в пути")
    assert review.action == "stop"  # a person checks a template before it is sent


def test_reply_in_another_language_is_left_alone(linter) -> None:
    draft = "Доброго дня! Дякуємо за замовлення, пишіть у WhatsApp, ваша посилка вже їде до вас."
    assert reply_language(draft, linter.check(draft)) is None
    assert linter.fix(draft) == draft and linter.fix(draft, unsafe=True) == draft


def test_review_tells_a_bot_what_to_do(linter) -> None:
    clean = linter.review("Здравствуйте! Заказ отправлен.")
    assert (clean.action, clean.fixes, clean.remaining) == ("send", (), ())
    fixed = linter.review("Здравствуйте! Пишите в WhatsApp.")
    assert fixed.action == "send-fix" and fixed.fixed == f"Здравствуйте! {CHAT_RU}"
    assert [f.rules for f in fixed.fixes] == [("contact.messenger",)] and fixed.errors == []
    stuck = linter.review("Здравствуйте, {{name}}! Заказ отправлен.")
    assert stuck.action == "stop" and [v.rule for v in stuck.errors] == ["placeholder.unfilled"]
    assert ozonlint.review("Пишите в WhatsApp").fixed == CHAT_RU


def test_check_shows_the_fix_in_json(linter) -> None:
    v = linter.check("Доплатите 300 ₽ переводом на карту.")[0]
    data = v.to_dict()
    assert list(data)[-2:] == ["suggestion", "fix"]
    assert data["fix"] == {"applicability": "safe", "scope": "sentence", "start": 0, "end": 35}
    assert data["suggestion"] == "Оплатить можно только в заказе на Ozon."


# ---------------------------------------------------------------- pieces

def test_sentences_and_clauses() -> None:
    text = "Здравствуйте! Адрес: ул. Ленина, д. 5, доб. 3. Контакты:\n+7 912 555 34 21\nПока! 你好。Hi"
    assert [text[s.start:s.end] for s in sentences(text)] == [
        "Здравствуйте!", "Адрес: ул. Ленина, д. 5, доб. 3.", "Контакты:\n+7 912 555 34 21", "Пока!", "你好。", "Hi"]
    sentence = "Поставьте, пожалуйста, пятёрку, а мы положим подарок; спасибо"
    assert [sentence[c.start:c.end] for c in clauses(sentence)] == [
        "Поставьте, пожалуйста, пятёрку", "а мы положим подарок", "спасибо"]


@pytest.mark.parametrize("abbreviation", ["ул", "д", "гг", "тел", "руб", "т.е", "т.к", "корп", "mrs", "e.g", "approx"])
def test_an_abbreviation_ends_no_sentence(abbreviation: str) -> None:
    text = f"Смотрите ({abbreviation}. Пример) здесь. Дальше"
    assert [text[s.start:s.end] for s in sentences(text)] == [f"Смотрите ({abbreviation}. Пример) здесь.", "Дальше"]


def test_a_word_ending_like_an_abbreviation_ends_its_sentence() -> None:
    # "стол" ends in the letter of "тел", "ул"; "гаг" in that of "г": only the whole word is one
    text = "Купили стол. Вот гаг. Конец"
    assert [text[s.start:s.end] for s in sentences(text)] == ["Купили стол.", "Вот гаг.", "Конец"]


def test_planning_splits_only_as_far_as_asked() -> None:
    fix = importlib.import_module("ozonlint.fix")
    text = "Здравствуйте! Адрес: ул. Ленина, д. 5. Пишите в WhatsApp. Спасибо!\n\nДо свидания. Ещё"
    whole = sentences(text)
    for pos in range(len(text) + 2):
        lazy = fix._Sentences(text)
        lazy.up_to(pos)
        # every sentence that starts before pos, up to the first that ends at or after it: a prefix of the whole list
        assert lazy.spans == whole[:len(lazy.spans)]
        assert all(s.end < pos for s in lazy.spans[:-1])
        assert lazy.spans[-1].end >= pos or len(lazy.spans) == len(whole)
        assert all(s.start >= pos for s in whole[len(lazy.spans):])
        assert lazy.all() == whole and lazy.starts == [s.start for s in whole]


@given(st.lists(st.sampled_from(list("aZЫул.д!?…»)\n\t :;5 。！") + ["т.е", "руб", "\u3000", "\x1c", ". x", "?»"]),
                max_size=30).map("".join), st.integers(min_value=0, max_value=200))
@settings(max_examples=500, deadline=None)
def test_a_split_from_a_restart_gives_the_whole_split_from_there(text: str, pos: int) -> None:
    fix = importlib.import_module("ozonlint.fix")
    pos = min(pos, len(text))
    restart = fix.sentence_restart(text, pos)
    assert 0 <= restart <= pos
    assert list(fix.iter_sentences(text, restart)) == [s for s in sentences(text) if s.start >= restart]


def test_a_restart_skips_the_sentences_before_but_no_end_that_may_not_be_one() -> None:
    fix = importlib.import_module("ozonlint.fix")
    text = "Привет! Адрес: ул. Ленина. Контакты:\nпишите. Всё. Т. е. так"
    assert fix.sentence_restart(text, text.index("Адрес")) == text.index(" Адрес")
    assert fix.sentence_restart(text, text.index("Ленина")) == text.index(" Адрес")  # "ул." may be no end
    assert fix.sentence_restart(text, text.index("пишите")) == text.index(" Контакты")  # a label's line
    assert fix.sentence_restart(text, text.rindex("так")) == text.index(" Т. е.")  # "Т. е. так" is one
    assert fix.sentence_restart(text, 3) == 0

@pytest.mark.parametrize("edited, original, joined", [
    ("Пишите в чат Ozon: , там быстрее", "x", "Пишите в чат Ozon: там быстрее"),
    ("Подробнее на нашем сайте !", "Подробнее на нашем сайте x!", "Подробнее на нашем сайте!"),
    ("Инструкция  () в коробке .", "Инструкция (x) в коробке.", "Инструкция в коробке."),
    ("Контакты: , ,", "Контакты: a, b", ""),   # a label whose value was removed goes
    (" — 200 ₽", "x — 200 ₽", "200 ₽"),
    ("Спасибо!!", "Спасибо!", "Спасибо!"),
])
def test_tidy_joins_what_is_left(edited: str, original: str, joined: str) -> None:
    assert tidy(edited, original) == joined


def test_capital_only_after_a_removed_start() -> None:
    assert tidy("посылка придёт завтра.", "X посылка придёт завтра.", capital=True) == "Посылка придёт завтра."
    assert tidy("say hi", "WhatsApp", capital=False) == "say hi"


def test_sentence_language() -> None:
    assert sentence_language("Пишите в WhatsApp", "ru") == "ru"
    assert sentence_language("Please write to us on WhatsApp", "ru") == "en"
    assert sentence_language("客服 (微信 shop_88)", "ru") == "ru"
    assert sentence_language("Пишите", "en", reply_has_cyrillic=False) == "en"


def test_apply_keeps_the_first_of_overlapping_fixes() -> None:
    fixes = [Fix(0, 5, "A", "token", "safe", ("r",)), Fix(3, 8, "B", "token", "safe", ("r",)),
             Fix(9, 10, "", "token", "safe", ("r",))]
    assert apply("0123456789", fixes) == "A5678"


def test_placeholders_are_never_touched() -> None:
    rewrites: Dict[str, Tuple[Rewrite, ...]] = {
        "contact.messenger": (Rewrite("sentence", "safe", {"ru": CHAT_RU, "en": CHAT_EN}),)}
    linter = ozonlint.Linter()
    text = "Пишите в вотсап, {name}!"
    found = linter.check(text.replace("{name}", "      "))
    planned = plan(text, found, rewrites, keep=[(17, 23)])
    fix = planned[0]
    assert apply(text, [fix]) == "Пишите нам здесь, в чате Ozon, {name}!"
    # a placeholder inside the finding's own clause: no fix at all
    text = "Пишите в вотсап {name}"
    found = linter.check(text.replace("{name}", "      "))
    assert plan(text, found, rewrites, keep=[(16, 22)]) == {}


def test_template_file_fix_keeps_placeholders(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text('a: "Здравствуйте, {name}! Пишите в вотсап, {name}!"\nb: Спасибо!\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--fix", "--no-config", str(path)])
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8") == (
        'a: "Здравствуйте, {name}! Пишите нам здесь, в чате Ozon, {name}!"\nb: Спасибо!\n')


# ---------------------------------------------------------------- the packs

def _rewrite_texts(linter: ozonlint.Linter) -> List[Tuple[str, str]]:
    found = []
    for rule_id, rewrites in linter.rewrites.items():
        for rewrite in rewrites:
            for texts in ([rewrite.texts] if rewrite.texts else []) + list((rewrite.phrases or {}).values()) \
                    + [t.texts for t in rewrite.templates]:
                found.extend((rule_id, text) for text in texts.values() if text.strip(" ,.!?:;()[]"))
    return found


def test_every_rewrite_is_clean(linter) -> None:
    """A rewrite never brings a finding of its own (else fixing would not stop)."""
    for rule_id, text in _rewrite_texts(linter):
        assert [v.rule for v in linter.check(text)] == [], (rule_id, text)


def test_every_error_rule_has_a_rewrite_but_placeholders(linter) -> None:
    missing = [r.id for r in linter.rules if r.severity == "error" and r.id not in linter.rewrites]
    assert missing == ["placeholder.unfilled"]  # only the writer knows the value


def _pack(tmp_path: Path, rewrite: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text("rules:\n  - id: shop.messenger\n    category: external-contact\n    severity: error\n"
                    "    kind: terms\n    terms: [пейджер]\n    message: {ru: р, en: e, zh: 中}\n"
                    f"{rewrite}"
                    "    examples: {bad: [пейджер], good: [hello]}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("rewrite, reason", [
    ("    rewrite: {scope: sentence, ru: 'Пишите в WhatsApp.', en: 'Write here.'}\n", "Latin-script words"),
    ("    rewrite: {scope: sentence, ru: 'Пишите здесь.', en: 'Пишите here.'}\n", "Cyrillic"),
    ("    rewrite: {scope: paragraph, remove: true}\n", "unknown scope"),
    ("    rewrite: {scope: token, applicability: maybe, remove: true}\n", "unknown applicability"),
    ("    rewrite: {scope: sentence, ru: 'Пишите здесь.'}\n", "needs its 'en' text"),
    ("    rewrite: {scope: sentence, remove: true, colour: red}\n", "unknown key 'colour'"),
    ("    rewrite: {scope: reply, templates: [{intent: x, cues: [好], ru: 'Да.', en: 'Yes.'}]}\n", "always unsafe"),
    ("    rewrite: []\n", "non-empty list"),
])
def test_loader_refuses_bad_rewrites(tmp_path: Path, rewrite: str, reason: str) -> None:
    with pytest.raises(RulePackError) as exc:
        load_rules([_pack(tmp_path, rewrite)])
    assert reason in str(exc.value) and "pack.yaml:" in str(exc.value)


def test_a_rule_without_a_rewrite_takes_its_categorys(tmp_path: Path) -> None:
    linter = ozonlint.Linter([_pack(tmp_path, "    suggestion: null\n")], select=["shop"])
    assert linter.fix("Здравствуйте! Пишите на пейджер. Спасибо!") == f"Здравствуйте! {CHAT_RU} Спасибо!"


@pytest.mark.parametrize("pack, reason", [
    ("rewrites:\n  gossip: {scope: clause, remove: true}\n", "unknown category 'gossip'"),
    ("rewrites:\n  spam: {scope: clause, remove: true}\n", "already defined at"),
    ("rewrites: [spam]\n", "mapping of category"),
])
def test_loader_refuses_bad_category_rewrites(tmp_path: Path, pack: str, reason: str) -> None:
    from ozonlint.rulepack import default_rules_dir

    path = tmp_path / "defaults.yaml"
    path.write_text(pack, encoding="utf-8")
    with pytest.raises(RulePackError) as exc:
        load_rules([default_rules_dir(), path])
    assert reason in str(exc.value)


def test_plain_suggestion_still_fixes_and_fills_the_json(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "    suggestion: чат Ozon\n")
    linter = ozonlint.Linter([pack], select=["shop"])
    assert linter.fix("Пишите на пейджер, ответим.") == "Пишите на чат Ozon, ответим."
    v = linter.check("Пишите на пейджер.")[0]
    assert v.to_dict()["suggestion"] == "чат Ozon" and v.fix.scope == "token"
    # never Cyrillic into an English sentence, even from a plain suggestion
    pack = _pack(tmp_path, "    suggestion: чат Ozon\n").read_text(encoding="utf-8").replace("пейджер", "pager")
    (tmp_path / "pack.yaml").write_text(pack, encoding="utf-8")
    english = ozonlint.Linter([tmp_path / "pack.yaml"], select=["shop"])
    assert english.check("Call my pager")[0].suggestion is None
    assert english.fix("Call my pager") == "Call my pager"


# ---------------------------------------------------------------- the CLI

def test_fix_text_prints_the_draft_and_reports_what_remains() -> None:
    result = CliRunner().invoke(main, ["check", "--fix", "--no-config", "--text",
                                       "Здравствуйте, {{name}}! Пишите в WhatsApp."])
    assert result.exit_code == 1
    assert result.stdout == f"Здравствуйте, {{{{name}}}}! {CHAT_RU}"
    assert "placeholder.unfilled" in result.stderr and "contact.messenger" not in result.stderr


def test_unsafe_fixes_flag() -> None:
    draft = "Доплатите 300 ₽ переводом на карту."
    safe = CliRunner().invoke(main, ["check", "--fix", "--no-config", "--text", draft])
    unsafe = CliRunner().invoke(main, ["check", "--fix", "--unsafe-fixes", "--no-config", "--text", draft])
    assert (safe.stdout, safe.exit_code) == ("Оплатить можно только в заказе на Ozon.", 0)
    assert (unsafe.stdout, unsafe.exit_code) == (NOTHING_TO_PAY_RU, 0)
    shown = CliRunner().invoke(main, ["check", "--unsafe-fixes", "--no-config", "--text", draft])
    assert "suggestion (unsafe fix, applied with --unsafe-fixes): " + NOTHING_TO_PAY_RU in shown.stdout
    data = json.loads(CliRunner().invoke(main, ["check", "--format", "json", "--no-config", "--text",
                                                draft]).stdout)
    assert {v["fix"]["applicability"] for v in data} == {"safe"}


def test_diff_works_for_drafts() -> None:
    result = CliRunner().invoke(main, ["check", "--diff", "--no-config", "--text", "Привет! Пишите в WhatsApp."])
    assert result.exit_code == 1
    assert "-Привет! Пишите в WhatsApp." in result.stdout and f"+Привет! {CHAT_RU}" in result.stdout


def test_sarif_fix_replaces_the_sentence(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Привет! Пишите в WhatsApp, ответим.\n", encoding="utf-8")
    doc = json.loads(CliRunner().invoke(main, ["check", "--format", "sarif", "--no-config", str(path)]).stdout)
    fix = doc["runs"][0]["results"][0]["fixes"][0]
    replacement = fix["artifactChanges"][0]["replacements"][0]
    assert replacement["deletedRegion"] == {"charOffset": 8, "charLength": 27}
    assert replacement["insertedContent"]["text"] == CHAT_RU and "safe fix" in fix["description"]["text"]


# ---------------------------------------------------------------- the corpora

_ARTEFACTS = re.compile(r" [.,!?:;]|: ,|, ,|\(\s*\)|  |[,:;]\.|\.,|[ \t]+(?:\r?\n|$)")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def _corpus() -> List[Tuple[str, str]]:
    found = []
    for path in sorted(CORPUS.glob("*.jsonl")) + sorted((CORPUS / "realistic").glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            found.extend((f"{path.name}:{json.loads(line)['id']}", json.loads(line)["text"])
                         for line in fh if line.strip())
    return found


def test_fix_on_every_labelled_corpus(linter) -> None:
    checked = fixed_clean = 0
    problems: Dict[str, List[str]] = {"errors remain": [], "Cyrillic into a reply without": [],
                                      "Latin word into a Russian sentence": [], "new punctuation artefact": [],
                                      "not idempotent": [], "sentence without findings changed": []}
    for name, text in _corpus():
        found = linter.check(text)
        if not any(v.severity == "error" for v in found) or reply_language(text, found) is None:
            continue
        checked += 1
        fixed = linter.fix(text)
        if any(v.severity == "error" for v in linter.check(fixed)):
            problems["errors remain"].append(name)
        else:
            fixed_clean += 1
        if not _CYRILLIC.search(text) and _CYRILLIC.search(fixed):
            problems["Cyrillic into a reply without"].append(name)
        known = set(_LATIN_WORD.findall(text)) | {"Ozon"}
        for s in sentences(fixed):
            sentence = fixed[s.start:s.end]
            if _CYRILLIC.search(sentence) and set(_LATIN_WORD.findall(sentence)) - known:
                problems["Latin word into a Russian sentence"].append(name)
        if len(_ARTEFACTS.findall(fixed)) > len(_ARTEFACTS.findall(text)):
            problems["new punctuation artefact"].append(name)
        if linter.fix(fixed) != fixed:
            problems["not idempotent"].append(name)
        # the fixes of the findings leave every other sentence as it was, byte for byte
        # (a later pass may rewrite one whose finding only shows once its neighbour is fixed)
        once = apply(text, [v.fix for v in found if v.fix is not None and v.fix.applicability == "safe"])
        for s in sentences(text):
            if not any(v.start < s.end and s.start < v.end for v in found) and text[s.start:s.end] not in once:
                problems["sentence without findings changed"].append(name)
    share = fixed_clean / checked
    print(f"\nfix(): {fixed_clean}/{checked} replies with errors are error-free afterwards ({share:.1%})")
    assert checked > 2000
    assert share >= 0.95, f"only {share:.1%} error-free: {problems['errors remain'][:10]}"
    for what, names in problems.items():
        if what != "errors remain":
            assert names == [], f"{what}: {names[:10]}"


@given(st.text(alphabet=st.sampled_from(list("aZяЯіїєўІЇЁё ,.!«»№汉字。、，！Ａｚ\u3000")
                                        + ["\u00e9", "ґ", "ә", "ß", "\u0301"]), max_size=40))
@settings(max_examples=300, deadline=None)
def test_foreign_letters_counted_alike_on_plain_and_other_texts(text: str) -> None:
    fix = importlib.import_module("ozonlint.fix")
    if fix.is_plain_or_chinese(text):
        assert sum(map(text.count, fix._FOREIGN_BASIC_CYRILLIC_LETTERS)) == len(fix._FOREIGN_LETTER.findall(text))


def test_cyrillic_codes_are_the_cyrillic_script() -> None:
    import regex

    fix = importlib.import_module("ozonlint.fix")
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert re.sub("[^" + fix.CYRILLIC_CODES + "]", "", every) == "".join(regex.findall(r"\p{Cyrillic}", every))


def test_plain_marks_are_what_a_plain_text_holds_beyond_ascii_and_basic_cyrillic() -> None:
    # reply_language counts a plain text's Cyrillic letters as its characters that are neither
    fix = importlib.import_module("ozonlint.fix")
    beyond = {chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000 and not 0x400 <= c <= 0x45F
              and fix.is_plain(chr(c))}
    assert beyond == set(fix.PLAIN_MARKS)
    assert all(fix.is_plain(chr(c)) and fix._CYRILLIC.match(chr(c)) for c in range(0x400, 0x460))


def _language_of_counts(cyrillic: int, latin: int, foreign: int) -> object:
    """reply_language's verdict on the letters counted (the references below count them two ways)."""
    if foreign and foreign > cyrillic + latin:
        return None
    return "ru" if cyrillic and cyrillic * 2 >= latin else "en"


def _reply_language_counted(text: str) -> object:
    """reply_language of a plain text without findings, every letter counted (what its
    shortcut for a mostly Cyrillic reply must agree with)."""
    fix = importlib.import_module("ozonlint.fix")
    cyrillic = len(re.findall("[" + fix.CYRILLIC_CODES + "]", text))
    latin = sum(map(len, re.findall(r"[A-Za-z][A-Za-z'\-]*", text)))
    foreign = len(re.findall("[іїєў]", text))
    return _language_of_counts(cyrillic, latin, foreign)


@given(st.text(alphabet=st.sampled_from(list("aZq'-яЯЁёіїєў ,.!«»№0—…₽\u00a0")), max_size=60))
@settings(max_examples=500, deadline=None)
def test_a_mostly_cyrillic_reply_is_russian_without_counting_its_latin(text: str) -> None:
    fix = importlib.import_module("ozonlint.fix")
    assert fix.is_plain(text)
    assert reply_language(text) == _reply_language_counted(text)


def _sentences_one_by_one(text: str) -> list:
    """iter_sentences as it was written before its loop was made cheaper: the reference."""
    import regex

    fix = importlib.import_module("ozonlint.fix")
    found, start = [], 0
    for m in regex.compile(fix.SENTENCE_END_SOURCE).finditer(text):
        end = m.end() if m.group() != "\n" else m.start()
        if m.group() == "\n" and text[start:end].rstrip().endswith(":"):
            continue
        if m.group()[0] == "." and ((m.start() > start and text[m.start() - 1] in fix._ABBREVIATION_ENDS
                                     and fix._ABBREVIATION.search(text[max(start, m.start() - 8):m.start() + 1]))
                                    or fix._LOWER_NEXT.match(text, m.end())):
            continue
        span = fix._trimmed(text, start, end)
        if span is not None:
            found.append(span)
        start = m.end()
    span = fix._trimmed(text, start, len(text))
    return found + ([span] if span is not None else [])


@given(st.lists(st.sampled_from(list("aZул.д!?…»)\n\t :;5 。") + ["т.е", "руб", "\u3000", "\x1c"]),
                max_size=30).map("".join))
@settings(max_examples=500, deadline=None)
def test_sentences_split_as_the_reference_does(text: str) -> None:
    assert sentences(text) == _sentences_one_by_one(text)


def test_sentences_of_the_corpus_split_as_the_reference_does() -> None:
    texts = [json.loads(line)["text"] for path in sorted(CORPUS.glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(texts) > 2000
    for text in texts:
        assert sentences(text) == _sentences_one_by_one(text), text


def test_sentence_ends_found_by_std_re_are_where_the_regex_module_finds_them() -> None:
    """fix._SENTENCE_END (std re, one class first) matches where SENTENCE_END_SOURCE does under
    the regex module: every match of a split, and a match at every position (sentence_restart)."""
    import regex

    fix = importlib.import_module("ozonlint.fix")
    plain = regex.compile(fix.SENTENCE_END_SOURCE)
    texts = [json.loads(line)["text"] for path in sorted(CORPUS.glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += ["a.\x1cB a.\u2003B a.\u00a0b a.\u3000B a.\x85B a!?» b… c!!\n", "?", "。！", "\n\n", ".)]", "a.»\n",
              "a.\x1c", "x.\ny", "«Да?» — нет.", "ok.\r\nok"]
    alphabet = ".!?…»\"”’')]。！？\n \t\x1c\x1f\u00a0\u2003\x85aБ"
    rng = __import__("random").Random(14)
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 25))) for _ in range(3000)]
    for text in texts:
        assert [m.span() for m in fix._SENTENCE_END.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        for pos in range(len(text)):
            a, b = fix._SENTENCE_END.match(text, pos), plain.match(text, pos)
            assert (a and a.span()) == (b and b.span()), (text, pos)


def test_a_rewrite_normalised_once_is_normalised_alike() -> None:
    fix = importlib.import_module("ozonlint.fix")
    for rewrite in ("Оплатить можно только в заказе на Ozon.", "Thank you!", "«Мои заказы» — там"):
        assert fix._norm_rewrite(rewrite) == fix._norm(rewrite) == fix._norm_rewrite(rewrite)


# ---------------------------------------------------------------- shortcuts of planning
# (each against the longer way it saves: the plan must not change)

def _plain_or_chinese_every_char() -> str:
    fix = importlib.import_module("ozonlint.fix")
    return "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000 and fix.is_plain_or_chinese(chr(c)))


def test_plain_or_chinese_ranges_are_the_scripts_it_holds() -> None:
    import regex

    fix = importlib.import_module("ozonlint.fix")
    every = _plain_or_chinese_every_char()
    assert fix._PLAIN_HAN.findall(every) == regex.findall(r"\p{Han}", every)
    assert "".join(fix._WIDE_LATIN_WORD.findall(every)) == "".join(regex.findall(r"\p{Latin}", every))
    assert "".join(fix._NOT_ASCII_OR_BASIC_CYRILLIC_RUN.findall(every)) == regex.sub(r"[\x00-\x7f\p{Cyrillic}]", "",
                                                                                      every)


def _reply_language_by_scripts(text: str) -> object:
    """reply_language of a text without findings as it reads one that is neither plain
    nor plain with Chinese: by the regex module's scripts (the reference)."""
    fix = importlib.import_module("ozonlint.fix")
    cyrillic = len(fix._CYRILLIC_RUN.sub("", text))
    cyrillic = len(text) - cyrillic
    latin = sum(len(w) for w in fix._LATIN_WORD.findall(text))
    foreign = 2 * len(fix._NOT_HAN_RUN.sub("", text)) + len(fix._FOREIGN_LETTER.findall(text))
    return _language_of_counts(cyrillic, latin, foreign)


@given(st.text(alphabet=st.sampled_from(list("aZq'-яЯЁёіїєў ,.!«»№0—…₽\u00a0汉字。、，！Ａｚ\u3000【")), max_size=60))
@settings(max_examples=500, deadline=None)
def test_a_reply_with_chinese_is_counted_as_by_scripts(text: str) -> None:
    fix = importlib.import_module("ozonlint.fix")
    assert fix.is_plain_or_chinese(text)
    assert reply_language(text) == _reply_language_by_scripts(text)


_WORDS_AND_ENDS = st.lists(st.sampled_from(["Здравствуйте", "спасибо", "Hi", "good", "мы", "вам", "ок", "a", "5", " ",
                                            " ", ", ", ". ", "! ", "?", "…", "\n", ":\n", "。", "ул.", "-", "«", "»"]),
                           max_size=24).map("".join)


@given(_WORDS_AND_ENDS)
@settings(max_examples=500, deadline=None)
def test_nothing_to_send_as_sentence_by_sentence(text: str) -> None:
    fix = importlib.import_module("ozonlint.fix")
    by_sentence = all(fix._PHATIC.match(text[s.start:s.end])
                      and len(fix._LETTER_RUN.findall(text[s.start:s.end])) <= fix._PHATIC_WORDS
                      for s in sentences(text))
    assert fix._nothing_to_send(text) == by_sentence


@given(_WORDS_AND_ENDS, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20),
                                           st.sampled_from(["", "Ок.", " ", "Пишите нам здесь, в чате Ozon."])),
                                 max_size=3))
@settings(max_examples=500, deadline=None)
def test_many_words_left_means_something_to_send(text: str, edits: list) -> None:
    fix = importlib.import_module("ozonlint.fix")
    fixes = [Fix(min(s, len(text)), min(s + n, len(text)), r, "sentence", "safe", ("r",)) for s, n, r in edits]
    if fix._many_words_left(text, fixes):
        assert not fix._nothing_to_send(apply(text, fixes))


@given(st.text(alphabet=st.sampled_from(list("abcпишеEM -.@'!\u0301_1²")), max_size=30),
       st.sampled_from(["e", "email", "пише", "abc", "a1", "ab²", "пишеm"]))
@settings(max_examples=500, deadline=None)
def test_a_word_is_spelled_in_a_text_as_in_its_letters(text: str, word: str) -> None:
    fix = importlib.import_module("ozonlint.fix")
    folded = text.casefold()
    assert fix._spelled_in(word, folded) == (word in fix._WORD_OR_SPACE.sub("", folded))


@given(st.lists(st.sampled_from(["Привет", "мы", "Ozon", "ozon", "WhatsApp", "send", "it", "to", "me", "@shop",
                                 "v2.0", "e-mail", "don't", " ", ", ", ". "]), max_size=16).map("".join),
       st.sampled_from(["ru", "en"]))
@settings(max_examples=500, deadline=None)
def test_sentence_language_as_by_every_word(sentence: str, reply: str) -> None:
    fix = importlib.import_module("ozonlint.fix")
    cyrillic = len(fix._CYRILLIC_WORD.findall(sentence))
    latin = len([w for w in fix._PLAIN_LATIN_WORD.findall(sentence) if w.lower() != "ozon"])
    expected = "ru" if cyrillic and cyrillic >= latin else "en" if latin >= 3 and latin > 2 * cyrillic else reply
    assert sentence_language(sentence, reply) == expected


def test_no_capital_is_what_a_sentence_end_may_be_followed_by_in_lower_case() -> None:
    # _lower_next skips its pattern after a space and a capital
    import regex

    fix = importlib.import_module("ozonlint.fix")
    capitals = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000 and chr(c).isupper())
    assert not regex.search(r"[\p{Ll}\d]", capitals)
    for text in ("Ок. да", "Ок. Да", "Ок.  да", "Ок.\tДа", "Ок. 5", "Ок.", "Ок. ", "Ок.Да"):
        assert fix._lower_next(text, 3) == (fix._LOWER_NEXT.match(text, 3) is not None)


def test_choose_remembers_a_tuple_of_rewrites_by_identity_only() -> None:
    fix = importlib.import_module("ozonlint.fix")
    safe = Rewrite("sentence", "safe", {"ru": "А", "en": "A"})
    unsafe = Rewrite("sentence", "unsafe", {"ru": "Б", "en": "B"})
    rewrites = (unsafe, safe)
    assert fix.choose(rewrites, False, False) == (safe,) == fix.choose(rewrites, False, False)
    assert fix.choose(rewrites, True, False) == (unsafe, safe)
    assert fix.choose((unsafe,), False, False) == (unsafe,)  # an equal key, another tuple
    listed = [unsafe, safe]
    assert fix.choose(listed, False, False) == (safe,)
    listed.remove(safe)
    assert fix.choose(listed, False, False) == (unsafe,)  # a list may change: never remembered


@given(st.lists(st.sampled_from(["мы", "и", "we", "Ок", " ", "  ", ",", ";", " —", "-", "–", "\t", "x"]),
                max_size=16).map("".join), st.integers(0, 40))
@settings(max_examples=500, deadline=None)
def test_no_clause_break_before_a_finding_without_its_marks(sentence: str, start: int) -> None:
    # _clause_removal's cheap test: no mark of _CLAUSE_BREAK_MARKS up to a character past the finding's start
    fix = importlib.import_module("ozonlint.fix")
    if not sentence[start:start + 1].isspace() and not any(m in sentence[:start + 2] for m in fix._CLAUSE_BREAK_MARKS):
        first = fix._CLAUSE_BREAK.search(sentence)
        assert first is None or first.start() > start


def test_no_bullet_starts_with_a_letter() -> None:
    # _span_of looks for a bullet only where a sentence starts with no letter (str.isalpha)
    import regex

    fix = importlib.import_module("ozonlint.fix")
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert not [c for c in every if c.isalpha() and regex.match(r"\d", c)]
    assert not [c for c in fix._BULLET_MARKS if c.isalpha()]
    assert fix._BULLET.match("• x") and fix._BULLET.match("12) x") and not fix._BULLET.match("x - y")


def test_sentence_language_of_a_plain_sentence_with_one_run_of_latin_letters_is_the_counted_one() -> None:
    """sentence_language skips counting English words in a plain sentence with at most one
    run of Latin letters; the reference counts them in every sentence."""
    from ozonlint.fix import _CYRILLIC, _CYRILLIC_WORD, _PLAIN_LATIN_WORD
    from ozonlint.normalize import is_plain

    def reference(sentence: str, reply: str) -> str:
        latin = len([w for w in _PLAIN_LATIN_WORD.findall(sentence) if w.lower() != "ozon"])
        if latin <= 1:
            return "ru" if _CYRILLIC.search(sentence) else reply
        cyrillic = len(_CYRILLIC_WORD.findall(sentence))
        if cyrillic and cyrillic >= latin:
            return "ru"
        if latin >= 3 and latin > 2 * cyrillic:
            return "en"
        return reply

    pieces = [text[s.start:s.end] for _, text in _corpus() for s in sentences(text)]
    pieces += ["Оплата на Ozon.", "Pay on Ozon only.", "Скидка ozon-style", "rock'n'roll тут", "It's ok", "OK",
               "Ёлка ёжик", "ѐ ѝ", "№ 5 — 100 ₽", "", "12345", "Заказ WB-123", "café тут", "Привет, John Smith!"]
    fast = 0
    for piece in pieces:
        for reply in ("ru", "en"):
            assert sentence_language(piece, reply) == reference(piece, reply), (piece, reply)
        fast += is_plain(piece) and len(re.findall("[A-Za-z]+", piece)) <= 1
    assert fast > len(pieces) // 4


def test_a_plain_reply_without_foreign_letters_is_told_russian_or_english_before_it_is_weighed(linter) -> None:
    """Planning tells a reply's language apart as reply_language does: whether it is another
    language at once (weighed only for a reply that may be), Russian or English when asked."""
    from ozonlint.fix import _Reply

    texts = [text for _, text in _corpus()][::2] + [
        "Дякую за замовлення, ї є ґ", "Дзякуй, ў", "Hello, write to us", "你好，加微信", "Привет 你好 hello", "",
        "Спасибо за заказ! 📦", "Добрый день! 亲，好评返现2元，加微信 shop288 С уважением.",
        "好评返现 加微信 谢谢 Спасибо",
        "Қазақша мәтін, рахмет", "Çok teşekkürler, siparişiniz", "\x0bplain ascii"]
    told = 0
    for text in texts:
        found = linter.check(text)
        for violations in (found, []):
            reply = _Reply(text, violations)
            told += reply._language == ""
            expected = reply_language(text, violations)
            assert reply.foreign == (expected is None), text
            if expected is not None:
                assert reply.language() == expected, text
    assert told > len(texts) // 2


def test_a_plain_text_without_foreign_letters_is_one_class() -> None:
    """_Reply's one scan: every character is plain (see is_plain) and none of іїєў."""
    from ozonlint.fix import _FOREIGN_BASIC_CYRILLIC_LETTERS, _PLAIN_WITHOUT_FOREIGN_LETTERS
    from ozonlint.normalize import is_plain

    for code in range(0x110000):
        ch = chr(code)
        expected = is_plain(ch) and ch not in _FOREIGN_BASIC_CYRILLIC_LETTERS
        assert (_PLAIN_WITHOUT_FOREIGN_LETTERS.fullmatch(ch) is not None) == expected, hex(code)


def test_a_reply_that_is_not_plain_is_told_by_its_counts_as_reply_language_weighs_it() -> None:
    """_unweighed_language answers as reply_language does, when it answers."""
    from ozonlint.fix import _unweighed_language
    from ozonlint.normalize import is_plain

    texts = [text for _, text in _corpus()] + ["Спасибо 📦", "Спасибо 你好你好", "Қазақша мәтін", "ї" * 3 + "и" * 3,
                                               "你" * 4 + "я" * 8, "你" * 4 + "я" * 7, "é" * 5 + "ж" * 10, "\x0b",
                                               "Hello 📦 team", "Write-to-us'now я" + "я" * 10, "ab-cd'ef яяя 📦"]
    told = ru = 0
    for text in texts:
        if is_plain(text):
            continue
        language = _unweighed_language(text)
        if language is not None:
            told += 1
            expected = reply_language(text)
            assert expected is not None, text
            if language:
                ru += 1
                assert language == expected, text
    assert told > 10 and ru > 10
