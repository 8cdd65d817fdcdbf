"""The library API: check, fix, Linter options, spans, threads."""
from __future__ import annotations

import threading

import pytest
from conftest import categories_of, rules_of

import ozonlint


def test_check_returns_contract_fields() -> None:
    text = "Добрый день!\nПишите в WhatsApp: +7 912 555 34 21"
    violations = ozonlint.check(text)
    assert [v.rule for v in violations] == ["contact.messenger", "contact.phone"]
    v = violations[0]
    assert (v.category, v.severity, v.match) == ("external-contact", "error", "WhatsApp")
    # the rewrite is the whole sentence: its span is what it replaces
    assert v.suggestion == "Пишите нам здесь, в чате Ozon."
    assert (v.fix.start, v.fix.end, v.fix.scope, v.fix.applicability) == (13, len(text), "sentence", "safe")
    assert violations[1].fix == v.fix
    assert (v.line, v.column, v.end_line, v.end_column) == (2, 10, 2, 18)
    assert text[v.start:v.end] == v.match
    assert set(v.to_dict("x.txt")) == {"path", "line", "column", "end_line", "end_column", "start", "end",
                                       "rule", "category", "severity", "message", "match", "suggestion", "fix"}


def test_line_and_column_with_crlf_and_cr() -> None:
    text = "Здравствуйте!\r\nСпасибо.\rПишите в телегу"
    v = ozonlint.check(text)[0]
    assert v.match == "телегу" and (v.line, v.column) == (3, 10)


@pytest.mark.parametrize("text", [
    "Здравствуйте! Спасибо за заказ. Отправление 27450913-0002-1 уже собрано.",
    "Hello! Your order 66120384-0005-1 has been shipped, track it in the Ozon app.",
    "Цена 2 490 ₽ указана за комплект, доставка 23.06 с 9:00 до 21:00.",
    "Будем признательны за отзыв после использования.",
    "Доплачивать ничего не нужно: цена в корзине окончательная.",
    "We never ask for prepayment.",
    "Стоимость 5000 тг с доставкой по Алматы.",
    "",
    "   \n\t ",
])
def test_ordinary_replies_are_clean(linter, text: str) -> None:
    assert linter.check(text) == []


def test_disguised_contacts_are_caught(linter) -> None:
    draft = ("Пишите в в.а.т.с.а.п или W h a t s A p p, телега @sunny_help, "
             "тел. 8 9I6 555-12-34, почта sunny собака mail точка ru, сайт sunny-shop.ru, V信 sunny88")
    found = {v.match for v in linter.check(draft) if v.category == "external-contact"}
    assert {"в.а.т.с.а.п", "W h a t s A p p", "телега", "@sunny_help", "8 9I6 555-12-34",
            "sunny собака mail точка ru", "sunny-shop.ru", "V信"} <= found


def test_select_and_ignore(linter) -> None:
    text = "Пишите в WhatsApp, кэшбэк за отзыв 100 ₽"
    assert categories_of(linter, text) == {"external-contact", "review-incentive"}
    only = ozonlint.Linter(select=["review-incentive"])
    assert categories_of(only, text) == {"review-incentive"}
    without = ozonlint.Linter(ignore=["contact", "review.reward"])
    assert rules_of(without, text) == {"review.cashback-phrase"}


def test_allow_list_for_brand_names() -> None:
    text = "Спасибо за покупку в магазине Telegraph Home!"
    assert ozonlint.Linter(allow=["Telegraph Home"]).check("Напишите в Telegram") != []
    assert ozonlint.Linter(allow=["Max Comfort"]).check("Подушка в Max Comfort") == []
    assert ozonlint.Linter(allow=["Telegraph Home"]).check(text) == []


def test_severity_override_and_language() -> None:
    linter = ozonlint.Linter(severity={"external-contact": "warning"}, lang="zh")
    v = linter.check("Пишите в WhatsApp")[0]
    assert v.severity == "warning"
    assert v.message.startswith("提到了站外通讯工具")
    assert v.in_language("ru").message.startswith("Упоминание")


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        ozonlint.Linter(lang="de")


def test_fix_applies_safe_suggestions_and_is_idempotent(linter) -> None:
    text = "Добрый день! Пишите в WhatsApp/Telegram: +7 912 555 34 21, спасибо!!! Заказ отправлен."
    fixed = linter.fix(text)
    assert fixed == "Добрый день! Пишите нам здесь, в чате Ozon. Заказ отправлен."
    assert linter.fix(fixed) == fixed
    assert linter.check(fixed) == []


def test_fix_keeps_unfixable_text(linter) -> None:
    text = "Здравствуйте, {{name}}! Заказ отправлен."
    assert linter.fix(text) == text and linter.fix(text, unsafe=True) == text


def test_check_many_streams_results(linter) -> None:
    texts = iter(["Пишите в телегу", "Спасибо за заказ", "微信"])
    results = list(linter.check_many(texts))
    assert [bool(r) for r in results] == [True, False, True]


def test_shared_linter_in_threads_matches_single_thread(linter) -> None:
    texts = [f"Заказ {i}: пишите в вотсап +7 912 555 {i % 90 + 10} 21, кэшбэк за отзыв" if i % 3 else
             f"Hello! Order {i} shipped. 谢谢" for i in range(400)]
    expected = [linter.check(t) for t in texts]
    results = [None] * len(texts)

    def work(offset: int) -> None:
        for i in range(offset, len(texts), 16):
            results[i] = linter.check(texts[i])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == expected


def test_check_rejects_bytes(linter) -> None:
    with pytest.raises(TypeError):
        linter.check(b"bytes")  # type: ignore[arg-type]


def test_span_points_at_original_after_invisible_characters(linter) -> None:
    text = "Пишите: Wha\u200btsA\u00adpp сюда"
    v = [v for v in linter.check(text) if v.rule == "contact.messenger"][0]
    assert v.match == "Wha\u200btsA\u00adpp" == text[v.start:v.end]


def test_public_fix_is_not_shadowed_by_a_submodule() -> None:
    import ozonlint.pipeline  # noqa: F401  (imports every submodule the CLI uses)

    assert callable(ozonlint.fix) and callable(ozonlint.check)
    assert ozonlint.fix("Пишите в WhatsApp") == "Пишите нам здесь, в чате Ozon."


@pytest.mark.parametrize("source, starts", [
    (r"(?:верн[её]м|вернем|верну)\s+x", ["верн", "вернем", "верну"]),
    (r"abc?d", ["ab"]),                      # the optional "c" is not part of it
    (r"ab{2}", ["a"]),
    (r"не\s+(?:a|b)", ["не"]),
    (r"a|(?:bc|de)f", ["a", "bc", "de"]),
    (r"(?:x(?:y|z)|w)", ["x", "w"]),
    (r"私下(?:退款|退货)", ["私下"]),
    (r"(?:a|b)?x", None),                    # an optional group may be absent
    (r"(?:ab)*c", None),
    (r"(?<=x)y", None),
    (r"(?i)abc", None),
    (r"\d+", None),
    (r"[ab]c", None),
    (r"(?:a|)b", None),                      # an empty alternative starts with anything
    (r"(abc", None),
])
def test_literal_starts_of_a_pattern(source: str, starts) -> None:
    from ozonlint.matchers.pattern import literal_starts

    assert literal_starts(source) == starts


def test_hinted_patterns_find_what_the_combined_scan_finds(linter: ozonlint.Linter) -> None:
    """Patterns that start with words run only where a word is; every shipped
    pattern rule must still find its bad examples (and nothing in the good ones)."""
    from ozonlint.matchers.pattern import PatternMatcher

    hinted = [r for r in linter.all_rules if isinstance(r.matcher, PatternMatcher) and r.matcher.hinted]
    assert hinted, "no shipped pattern rule starts with plain words any more"
    assert not linter.self_test(hinted)


@pytest.mark.parametrize("text, rule, found", [
    # a list after one cue shares it
    ("Мы не используем WhatsApp, Telegram и Viber.", "contact.messenger", []),
    ("We don't use WhatsApp or Telegram for support.", "contact.messenger", []),
    # ... but a new clause is not part of the list
    ("Не используем WhatsApp, пишите в Telegram", "contact.messenger", ["Telegram"]),
    # a cue before a hit stays in its clause
    ("возврат не оформляй, верну деньги сам", "off-platform", ["верну деньги сам"]),
    ("Деньги не верну сам: возврат только через Ozon.", "off-platform", []),
    ("Не волнуйтесь, напишите нам в любой мессенджер", "contact.messenger-generic",
     ["напишите нам в любой мессенджер"]),
    ("Не пишите нам в мессенджеры, только сюда", "contact.messenger-generic", []),
])
def test_negation_reaches_its_clause_and_its_list(linter: ozonlint.Linter, text: str, rule: str, found) -> None:
    assert [v.match for v in linter.check(text) if rule in (v.rule, v.category)] == found


def test_a_list_shares_a_cue_that_follows_it(linter: ozonlint.Linter) -> None:
    assert not [v for v in linter.check("Страниц в Instagram и VK у магазина нет.") if v.rule == "contact.messenger"]
    found = [v.match for v in linter.check("Пишите в Instagram. VK у магазина нет.") if v.rule == "contact.messenger"]
    assert found == ["Instagram"]  # a sentence apart: not one list


@pytest.mark.parametrize("text, found", [
    ("Вы написали: «дайте ваш WhatsApp, так быстрее». Общаемся только в чате Ozon.", []),
    ("Вы написали «отзыв удалю, если вернёте деньги». Мы не можем обменивать отзывы на компенсацию.", []),
    ("Hi! You asked 'can I pay the rest in cash?' — no, everything is paid on Ozon at checkout.", []),
    # told as a clause about the seller, or named as the buyer's own message or review
    ("В отзыве вы пишете, что мы «обещали кешбэк за пять звёзд». Мы ничего подобного не предлагали.", []),
    ("We saw your message: «just send me your e-mail». Sorry, we keep everything in the Ozon chat.", []),
    # ... about someone else ("кто-то предлагал вам"), or a review named as what says it
    ("Вы пишете, что кто-то предлагал вам «починить фен в сервисе магазина без Ozon». У нас нет своего сервиса.",
     []),
    ("We saw the review that says 'the seller asked me to pay for the courier separately'. That was another shop.",
     []),
    ("В отзыве написано «продавец просил доплатить за курьера» — это не наш магазин.", []),
    # a contact inside such a quote is still reported
    ("Отзыв, в котором написано «пишите в вотсап +7 912 555 34 21», мы удалили по жалобе.", ["contact.phone"]),
    # the seller's own words after the quote are still checked
    ("Вы написали «пишите в вотсап» — да, пишите в вотсап +7 916 123 45 67",
     ["contact.messenger", "contact.phone"]),
    # Chinese characters in a quote still make the reply Chinese
    ("Вы написали «你好» — здравствуйте!", ["language.chinese"]),
])
def test_the_buyers_words_quoted_back_are_not_the_sellers(linter: ozonlint.Linter, text: str, found) -> None:
    assert sorted({v.rule for v in linter.check(text) if v.severity != "info"}) == found


@pytest.mark.parametrize("filler", [
    "Здравствуйте! Спасибо за заказ, товар уже в пути.\n",
    "Здравствуйте! Спасибо за заказ, товар уже в пути. ",
    "Здравствуйте!\n\nСпасибо за заказ.\n\n",
])
def test_a_long_text_finds_what_the_whole_text_holds(linter: ozonlint.Linter, filler: str, monkeypatch) -> None:
    """A long text is checked in pieces; a finding across a cut, or one that needs
    words from the other side of it, is still found, exactly as in the whole text."""
    import random

    from ozonlint import engine

    violations = ["Звоните 8 916 555 12 34", "Пишите в W h a t s A p p", "кэшбэк за отзыв",
                  "пишите на shop.sale@mail.ru", "Звоните 8 916\n555 12 34", "кэшбэк\nза отзыв",
                  "Звоните 8 916\n\n555 12 34", "кэшбэк\n\nза отзыв"]
    base = filler * (2 * engine.SPLIT_CHARS // len(filler))
    rng = random.Random(7)
    for violation in violations:
        for _ in range(15):
            offset = rng.randrange(0, len(base))
            while base[offset] not in " \n":
                offset += 1
            text = f"{base[:offset]} {violation} {base[offset:]}"
            split = {(v.start, v.end, v.rule) for v in linter.check(text)}
            monkeypatch.setattr(engine, "SPLIT_CHARS", 10 ** 9)
            whole = {(v.start, v.end, v.rule) for v in linter.check(text)}
            monkeypatch.undo()
            assert split == whole, (violation, offset)


@pytest.mark.parametrize("text", [
    "Здравствуйте, Анна! Пишите нам в вотсап +7 916 123-45-67, там быстрее. Не наш канал: @fake_shop.",
    "Hello! Leave 5 stars and get cashback 200 RUB to your card. 亲，好评返现，加微信 best416",
    "Спасибо за заказ! Размер M подойдёт на рост 170 см.",
])
def test_a_check_leaves_nothing_for_the_garbage_collector(text: str) -> None:
    # a reference cycle left by a check (a filter's cache pointing back at the
    # draft) is freed only by the collector, whose pauses then land on a later check
    import gc

    linter = ozonlint.Linter()
    linter.check(text)  # compiled on first use
    gc.collect()
    gc.disable()
    try:
        assert linter.check(text) is not None
        assert gc.collect() == 0
    finally:
        gc.enable()


def _corpus_texts(limit: int) -> list:
    import json
    from pathlib import Path

    texts = []
    for path in sorted((Path(__file__).parent / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts[::max(1, len(texts) // limit)][:limit]


def test_what_a_word_stands_for_in_a_term_set_is_remembered_without_changing_an_answer(monkeypatch) -> None:
    """A term set remembers, word by word, the terms and phrases a word starts, and a
    draft the places of each word it was asked about: every set finds the same spans
    with its memo warm, cold (cleared at every word) and in another order of drafts."""
    from ozonlint.matchers import Draft
    from ozonlint.matchers.terms import TermSet

    linter = ozonlint.Linter()
    sets = {id(t): t for r in linter.all_rules for t in r.matcher.term_sets() if isinstance(t, TermSet)}
    sets.update({id(t): t for t in linter._filters.term_sets()})
    texts = _corpus_texts(400)

    def spans(order: list) -> dict:
        found = {}
        for text in order:
            draft = Draft(text, linter._index)
            found[text] = [t.find_in_view(draft) for t in sets.values()]
            for word in draft.tokens:
                assert draft.occurrences(word) == draft._find_occurrences(word)
        return found

    warm = spans(texts)
    assert any(any(found) for found in warm.values())
    assert spans(texts[::-1]) == warm
    monkeypatch.setattr(TermSet, "MEMO_SIZE", 0)
    for term_set in sets.values():
        term_set._memo.clear()
    assert spans(texts) == warm


def test_a_phrase_set_ruled_out_by_one_key_of_each_phrase_could_match_nowhere() -> None:
    """A word's phrases in a term set are tried only when the draft holds one (the longest)
    of the other words' keys of some phrase: wherever none is there, no phrase has all of
    its other words there either (what the full test would find)."""
    from ozonlint.matchers import Draft
    from ozonlint.matchers.terms import TermSet

    linter = ozonlint.Linter()
    sets = {id(t): t for r in linter.all_rules for t in r.matcher.term_sets() if isinstance(t, TermSet)}
    sets.update({id(t): t for t in linter._filters.term_sets()})
    ruled_out = tried = 0
    for text in _corpus_texts(300):
        draft = Draft(text, linter._index)
        keys = draft.gate_keys
        for term_set in sets.values():
            term_set.find_in_view(draft)
            for (key, _), (_, phrases, probe) in term_set._memo.items():
                if not phrases or key not in keys:
                    continue
                if probe is not None:  # the phrases under the draft's keys are those whose words it holds
                    kept = [p for need in keys & probe[0] for p in probe[1][need] if p.needs <= keys]
                    assert sorted(map(id, kept)) == sorted(id(p) for p in phrases if p.needs <= keys)
                if probe is not None and keys.isdisjoint(probe[0]):
                    ruled_out += 1
                    assert not [p for p in phrases if p.needs <= keys]
                else:
                    tried += 1
    assert ruled_out and tried


def test_a_phrase_looks_for_its_second_word_s_letters_first_and_matches_as_before() -> None:
    """A phrase rules a place out when its second word's first letters are not within the
    gap's reach: wherever its first word stands in the corpora, it matches as it does when
    it reads the next word at once."""
    import copy
    import pickle

    from ozonlint.matchers import Draft
    from ozonlint.matchers.terms import TermSet, _second_word

    linter = ozonlint.Linter()
    sets = {id(t): t for r in linter.all_rules for t in r.matcher.term_sets() if isinstance(t, TermSet)}
    sets.update({id(t): t for t in linter._filters.term_sets()})
    phrases = [p for t in sets.values() for _, longer in t._phrases().values() for p in longer]
    # (as built, and as read back from the compiled-rules cache, which keeps it)
    assert all(pickle.loads(pickle.dumps(p)).second == _second_word(p.words, p.gaps) for p in phrases)
    by_first: dict = {}
    for phrase in phrases:
        by_first.setdefault(phrase.words[0].key, []).append(phrase)
    matched = tried = 0
    for text in _corpus_texts(300) + ["пишите в вотсап или на e - mail", "кэшбэк  за - отзыв, t . me/x, t.me/y"]:
        draft = Draft(text, linter._index)
        view = draft.words.text
        for key in draft.gate_keys & by_first.keys():
            for token in draft.tokens_with_key(key):
                for phrase in by_first[key]:
                    if not phrase.words[0].matches(token):
                        continue
                    plain = copy.copy(phrase)
                    plain.second = None
                    for start in draft.occurrences(token):
                        found = phrase.match(view, start, start + len(token))
                        assert found == plain.match(view, start, start + len(token)), (text, phrase.words[0].word)
                        tried += 1
                        matched += found is not None
    assert matched and tried > matched
