"""Gates decide which rules and patterns run on a draft: they must never hide a match.

A gate opens on cheap facts (a word, a Chinese term found in one scan for all sets);
these tests pin that it opens wherever a match can be, and stays shut where
none can."""
from __future__ import annotations

from pathlib import Path

import ozonlint
from ozonlint.matchers import Draft
from ozonlint.matchers.gatekeys import derive_all


def _linter(tmp_path: Path, body: str) -> ozonlint.Linter:
    pack = tmp_path / "pack.yaml"
    pack.write_text("rules:\n  - id: user.rule\n    category: external-contact\n    severity: error\n"
                    "    message: {ru: р, en: e, zh: 中}\n" + body, encoding="utf-8")
    return ozonlint.Linter([str(pack)], defaults=False)


def test_a_chinese_term_set_opens_on_a_term(tmp_path: Path) -> None:
    linter = _linter(tmp_path, "    kind: terms\n    terms: [加微信, 薇信]\n"
                               "    examples: {bad: ['请加微信 abc'], good: ['您好，谢谢']}\n")
    [rule] = linter.rules
    [term_set] = rule.matcher.term_sets()
    assert term_set.han_first_chars == frozenset("加薇")
    shut = Draft("您好，谢谢您的订单", linter._index)
    assert term_set.id not in shut.active_sets  # Chinese, but no term can start anywhere in it
    assert [v.match for v in linter.check("您好，请 加 微 信 abc")] == ["加 微 信"]  # separators dropped
    assert [v.match for v in linter.check("订单已发货。薇信：abc")] == ["薇信"]


def test_a_cached_term_set_leaves_its_gate_keys_out_and_works_them_out_again(tmp_path: Path) -> None:
    import pickle

    linter = _linter(tmp_path, "    kind: terms\n    terms: [вотсап, пишите в личку, 加微信]\n"
                               "    examples: {bad: ['пишите в личку'], good: ['спасибо']}\n")
    [term_set] = linter.rules[0].matcher.term_sets()
    gate = (term_set.keys, term_set.lookup_keys, term_set.han_first_chars)
    # one key a term; every word's key besides
    assert len(gate[0]) == 2 and gate[0] < gate[1] and gate[2] == frozenset("加")
    copy = pickle.loads(pickle.dumps(term_set))
    assert not {"keys", "lookup_keys", "han_first_chars"} & set(vars(copy))
    assert (copy.keys, copy.lookup_keys, copy.han_first_chars) == gate


def test_a_pattern_needs_every_part_it_names(tmp_path: Path) -> None:
    parts = derive_all(r"(?:возврат|обмен)\s+(?:\S+\s+){0,4}(?:напрямую|переводом)")
    assert parts is not None and len(parts) == 2  # both groups, the optional words between skipped
    linter = _linter(tmp_path, "    kind: pattern\n    view: words\n    patterns:\n"
                               "      - '(?:возврат|обмен)\\s+(?:\\S+\\s+){0,4}(?:напрямую|переводом)'\n"
                               "    examples: {bad: ['возврат сделаем напрямую'], good: ['возврат через Ozon']}\n")
    assert [v.match for v in linter.check("Обмен товара сделаем напрямую, без площадки.")] == [
        "Обмен товара сделаем напрямую"]
    assert linter.check("Возврат оформляется в приложении, деньги придут переводом на карту.") == []
    assert linter.check("Оплата переводом не нужна, возврат через Ozon.") == []


def test_a_word_that_a_group_ends_with_is_whole_when_a_space_follows_the_group() -> None:
    from ozonlint.matchers.gatekeys import derive

    # "передайте" itself, not every word from "переда…" ("передан в доставку")
    assert derive(r"(?:передайте|отдайте)\s+курьеру") == (frozenset(["передайте", "отдайте"]), False)
    assert derive(r"(?:вне|без)\s+(?:озона|площадки)\s") == (frozenset(["озона", "площадки"]), False)  # a later group
    # a stem still where the group may be followed by letters, or repeats
    assert derive(r"(?:передайте|отдайте)\w*\s") == (frozenset(["\x02переда", "\x02отдайт"]), False)
    assert derive(r"(?:передайте|отдайте)+\s") == (frozenset(["\x02переда", "\x02отдайт"]), False)
    assert derive(r"x\s+(?:передайте|отдайте)") == (frozenset(["\x02переда", "\x02отдайт"]), False)
    assert derive(r"(?:передайте+)\s") == (frozenset(["\x02переда"]), False)  # "передайтее"


def test_a_phrase_gates_on_a_word_whose_key_opens_its_set_anyway(tmp_path: Path) -> None:
    linter = _linter(tmp_path, "    kind: terms\n    terms: [cat, big dog cat, lazy fox]\n"
                               "    examples: {bad: ['big dog cat'], good: ['a big dog']}\n")
    [term_set] = linter.rules[0].matcher.term_sets()
    assert term_set.keys == frozenset(["cat", "lazy"])  # not "big" too: a draft without "cat" has no match
    assert Draft("a big dog", linter._index).active_sets.isdisjoint([term_set.id])
    assert [v.match for v in linter.check("such a big dog cat")] == ["big dog cat"]


def test_a_part_naming_the_marketplace_gates_only_where_no_other_part_can(tmp_path: Path) -> None:
    from ozonlint.matchers.gatekeys import derive

    # "без" (three letters) stands in for "ozon" (four, but in most replies)
    assert derive(r"без\s+(?:озон|ozon|площадки)") == (frozenset(["без"]), False)
    assert derive(r"(?:ozon|озон)\s+return") == (frozenset(["\x02return"]), False)
    assert derive(r"через\s+(?:ozon|озон)") == (frozenset(["через"]), False)
    assert derive(r"(?:ozon|озон)") == (frozenset(["\x01ozon", "\x01озон"]), False)  # the only part
    parts = derive_all(r"(?:возврат|обмен)\s+(?:\S+\s+){0,4}(?:напрямую|без\s+(?:озон|ozon))")
    assert parts == [(frozenset(["возврат", "обмен"]), False), (frozenset(["\x02напрям", "без"]), False)]
    linter = _linter(tmp_path, "    kind: pattern\n    view: words\n    patterns:\n"
                               "      - '(?:возврат|обмен)\\s+(?:\\S+\\s+){0,4}(?:напрямую|без\\s+(?:озон|ozon))'\n"
                               "    examples: {bad: ['возврат сделаем без Ozon'], good: ['возврат через Ozon']}\n")
    assert [v.match for v in linter.check("Обмен сделаем без OZON, пишите.")] == ["Обмен сделаем без OZON"]
    assert linter.check("Возврат оформляется в приложении Ozon.") == []


def test_a_set_opens_on_a_key_only_for_a_form_of_its_words_with_the_rest_of_a_phrase(tmp_path: Path) -> None:
    linter = _linter(tmp_path, "    kind: terms\n    terms: [деньги за отзыв, карта, не в этом чате]\n"
                               "    examples: {bad: ['вернём деньги за отзыв'], good: ['Добрый день!']}\n")
    [term_set] = linter.rules[0].matcher.term_sets()
    assert term_set.keys == frozenset(["\x01день", "\x01карт", "\x01этом"])
    for shut in ("Добрый день!", "Карточку товара обновили в тот же день.", "Об этом мы писали вчера."):
        draft = Draft(shut, linter._index)
        assert draft.gate_keys & term_set.keys and term_set.id not in draft.active_sets, shut
    for text, found in (("Вернём деньгами за отзыв", "деньгами за отзыв"), ("Оплата картой", "картой"),
                        ("Пишите не в этом чате", "не в этом чате")):
        assert term_set.id in Draft(text, linter._index).active_sets
        assert [v.match for v in linter.check(text)] == [found]


def test_the_gate_shuts_on_a_key_only_sets_that_find_nothing(linter: ozonlint.Linter) -> None:
    """Every term set finds in each draft what it finds when any word of one of its keys
    opens it (the gate without the test of the word's form and of a phrase's other words)."""
    import json
    import pickle

    keys_only = pickle.loads(pickle.dumps(linter._index))
    keys_only._sets = {}
    term_sets = {t.id: t for rule in linter.all_rules for t in rule.matcher.term_sets()}
    term_sets.update((t.id, t) for t in linter._filters.term_sets())
    term_sets = {i: t for i, t in term_sets.items() if hasattr(t, "find_in_view")}
    shut = 0
    lines = [line for path in sorted((Path(__file__).parent / "corpus").glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for text in (json.loads(line)["text"] for line in lines[::max(1, len(lines) // 800)]):
        exact, wide = Draft(text, linter._index), Draft(text, keys_only)
        assert exact.active_sets <= wide.active_sets
        for set_id in wide.active_sets - exact.active_sets:
            shut += 1
            assert term_sets[set_id].find_in_view(wide) == [], (text, term_sets[set_id].rule)
    assert shut  # the test shut some set


def test_a_cached_term_set_reads_its_gate_words_without_its_phrase_table(linter: ozonlint.Linter) -> None:
    import pickle

    def plain(gate: tuple) -> tuple:
        forms, needs = gate
        return {key: [(w.word, w.stems, w.key) for w in words] for key, words in forms.items()}, needs

    term_sets = [t for rule in linter.all_rules for t in rule.matcher.term_sets() if hasattr(t, "_phrases")]
    assert any(t.gate_words()[1] for t in term_sets)
    for term_set in term_sets:
        copy = pickle.loads(pickle.dumps(term_set))
        assert plain(copy.gate_words()) == plain(term_set.gate_words()), term_set.rule
        assert copy._first is None  # (its phrase table not read for it)
