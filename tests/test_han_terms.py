"""Chinese terms are found in one scan of a draft for every term set (HanTerms), and the
Chinese view is built from the stretch of the text that holds Chinese characters: both
must find exactly what a search of each set's terms on its own, over the whole text, finds."""
from __future__ import annotations

import random
from pathlib import Path
from typing import List, Tuple

import pytest

import ozonlint
from ozonlint.matchers import Draft
from ozonlint.matchers.base import _HAN_GAP, HAN, LATIN_OR_DIGIT
from ozonlint.normalize import rewrite


@pytest.fixture(scope="module")
def linter() -> ozonlint.Linter:
    return ozonlint.Linter()


def _han_sets(linter: ozonlint.Linter) -> list:
    sets = {id(t): t for rule in linter.all_rules for t in rule.matcher.term_sets()}
    sets.update((id(t), t) for t in linter._filters.term_sets())
    return [t for t in sets.values() if getattr(t, "han_terms", None)]


def _each_term_on_its_own(term_set, draft: Draft) -> List[Tuple[int, int]]:
    """What a set's Chinese terms match, searched for one by one (the way before HanTerms)."""
    view = draft.han_view
    text = view.text
    found = []
    for term, latin_start, latin_end in term_set.han_terms:
        n = len(term)
        pos = text.find(term)
        while pos != -1:
            before, after = text[pos - 1:pos], text[pos + n:pos + n + 1]
            if not (latin_start and before and LATIN_OR_DIGIT.match(before)) and not (
                    latin_end and after and LATIN_OR_DIGIT.match(after)):
                found.append(view.span(pos, pos + n))
            pos = text.find(term, pos + 1)
    return sorted(found)


def _texts(linter: ozonlint.Linter, count: int = 400) -> List[str]:
    """Replies made of the sets' own Chinese terms, cut and joined with separators, Latin
    letters, digits and Russian words (overlapping terms, terms inside Latin words)."""
    rng = random.Random(13)
    terms = sorted({t[0] for s in _han_sets(linter) for t in s.han_terms})
    glue = [" ", "，", "、", " - ", ".", "", "", "", "v", "ozon", "dev", "7", "微", "信", " 微 信 ", "Здравствуйте! ",
            " спасибо. ", "abc", "加", "...", "x1"]
    texts = ["亲，好评返现10元，加微信 best854", "Доброе утро! 亲，好评返现3元，加微信 opt86 Товар сертифицирован.",
             "加 微 信", "请加v信", "dev信", "ozon客服", "联系ozon客服热线", "加vx123"]
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 8)):
            term = rng.choice(terms)
            if rng.random() < 0.3:
                term = term[:rng.randint(1, len(term))]
            parts.append(term)
            parts.append(rng.choice(glue))
        texts.append("".join(parts))
    return texts


def test_one_scan_finds_what_each_set_finds_on_its_own(linter: ozonlint.Linter) -> None:
    sets = _han_sets(linter)
    assert len(sets) > 50
    found_any = 0
    for text in _texts(linter):
        draft = Draft(text, linter._index)
        active = draft.active_sets
        for term_set in sets:
            slow = _each_term_on_its_own(term_set, draft)
            assert sorted(term_set._find_han(draft)) == slow, (text, term_set.rule)
            if slow:
                found_any += 1
                assert term_set.id in active  # a set opens where one of its Chinese terms stands
    assert found_any > 1000


def test_a_set_opens_on_its_chinese_term_not_on_its_first_character(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text("rules:\n  - id: user.rule\n    category: external-contact\n    severity: error\n"
                    "    message: {ru: р, en: e, zh: 中}\n    kind: terms\n    terms: [加微信, v信]\n"
                    "    examples: {bad: ['请加微信 abc'], good: ['您好']}\n", encoding="utf-8")
    linter = ozonlint.Linter([str(pack)], defaults=False)
    [term_set] = linter.rules[0].matcher.term_sets()
    assert term_set.id not in Draft("请加我们 dev信", linter._index).active_sets  # 加 and v, but no term
    assert term_set.id in Draft("请 加 微 信", linter._index).active_sets
    assert [v.match for v in linter.check("请加 v 信 abc")] == ["v 信"]
    assert linter.check("dev信") == []  # a Latin first letter does not match inside a Latin word


def test_a_set_tried_on_a_draft_of_another_index_finds_its_own_terms(linter: ozonlint.Linter) -> None:
    term_set = next(t for t in _han_sets(linter) if any(term == "微信" for term, _, _ in t.han_terms))
    draft = Draft("请加微信 abc，微 信")  # no gate index: the set searches on its own
    assert sorted(term_set._find_han(draft)) == _each_term_on_its_own(term_set, draft) != []


def test_the_chinese_view_reads_only_the_stretch_with_chinese_and_drops_the_same_gaps() -> None:
    rng = random.Random(7)
    pieces = ["微", "信", "a", "Z", "1", " ", "  ", "   ", "-", "，", "。", "_", "!", "★", "д", "ё", "\n", "é", "ß"]
    texts = ["", "abc", "微信", " 微 信 ", "a - 微", "微 - a", "加 v 信", "a   微", "微   a", "a    微"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    for text in texts:
        draft = Draft(text)
        words = draft.words
        whole, edits = rewrite(words.text, _HAN_GAP, lambda m: "")
        view = draft.han_view
        assert view.text == whole, text
        chinese = [i for i, ch in enumerate(whole) if HAN.match(ch)]
        assert view.stretch == ((chinese[0], chinese[-1] + 1) if chinese else None), text
        # the rewrite's own map back (an OffsetMap), as a view derived from the words view keeps it
        offsets = words.derive(whole, edits)._maps[-1] if edits else None
        for start in range(len(whole) + 1):
            for end in range(start, min(len(whole), start + 4) + 1):
                a, b = (offsets.start(start), offsets.end(end)) if offsets else (start, end)
                assert view.span(start, end) == (a, max(a, b)), text



def test_the_word_starts_of_a_draft_with_chinese_are_token_s(linter: ozonlint.Linter) -> None:
    from ozonlint.matchers.base import TOKEN

    rng = random.Random(11)
    pieces = ["微信", "好评返现", "加", "a", "best854", "Здравствуйте", " ", ". ", "_", "1", "ß", "😀", "微 信", "x_y",
              "\u0558", "aa", "a1"]
    texts = _texts(linter, 100) + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for text in texts:
        draft = Draft(text, linter._index)
        if not draft.has_han:
            continue
        words = draft.words.text
        assert draft.word_index(len(words)) == len(TOKEN.findall(words)) - 1, text
        assert list(draft._token_starts) == [m.start() for m in TOKEN.finditer(words)], text
        assert draft.tokens == frozenset(TOKEN.findall(words))
