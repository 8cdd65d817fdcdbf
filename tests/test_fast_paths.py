"""Each fast path of a check gives what the slower way it replaces gives."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List

import ozonlint
from ozonlint.matchers import Draft
from ozonlint.matchers.terms import _rarity

CORPUS = Path(__file__).parent / "corpus"


def _texts(limit: int = 1500) -> List[str]:
    texts = []
    for path in sorted(CORPUS.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts[::max(1, len(texts) // limit)][:limit]


def _gate_reference(linter: ozonlint.Linter, draft: Draft) -> tuple:
    """A draft's gate keys, term-set ids and each key's words, word by word (the way it was done:
    a set opens on a word of one of its keys that is a form of one of its words of that key,
    where a term of that key has no other word, or the draft holds the rarest key of
    another word of one)."""
    index = linter._index
    term_sets = {t.id: t for rule in linter.all_rules for t in rule.matcher.term_sets()}
    term_sets.update((t.id, t) for t in linter._filters.term_sets())
    tokens = list(draft.tokens)
    found: Dict[str, List[str]] = {}
    for token in tokens:
        for key in index.keys_of(token):
            found.setdefault(key, []).append(token)
    ids: List[int] = []
    for token in tokens:
        for key in index.keys_of(token):
            for set_id in index.by_word.get(key, ()):
                term_set = term_sets.get(set_id)
                if not hasattr(term_set, "_phrases"):  # a pattern's gate
                    ids.append(set_id)
                    continue
                holding = [term for words, phrases in term_set._phrases().values()
                           for term in [[w] for w in words] + [p.words for p in phrases]
                           if any(w.key == key for w in term)]
                forms = [w for term in holding for w in term if w.key == key]
                others = [{w.key for w in term} - {key} for term in holding]
                if (key == token or any(w.matches(token) for w in forms)) and \
                        any(not other or max(other, key=_rarity) in found for other in others):
                    ids.append(set_id)
    return frozenset(found), ids, found


def test_a_drafts_gate_is_the_one_worked_out_word_by_word(linter: ozonlint.Linter) -> None:
    texts = _texts()
    for cold in (True, False):  # the memo filled during the check, then already full
        if cold:
            linter._index._memo.clear()
        for text in texts:
            draft = Draft(text, linter._index)
            keys, ids, words = _gate_reference(linter, draft)
            assert draft.gate_keys == keys
            assert draft.gate_ids == frozenset(ids)
            for key in keys:
                assert draft.tokens_with_key(key) == words[key]
            assert draft.tokens_with_key("\x01" + "нет такого") == []
            assert draft.tokens_with_key("такого-нет") == []


def test_where_a_short_word_stands_is_where_a_scan_of_each_place_finds_it(linter: ozonlint.Linter) -> None:
    """Draft.occurrences of a word of one or two letters in a plain draft (std re) is the scan
    of every place the word is part of, each place's neighbours asked."""
    from ozonlint.matchers.base import _same_word

    def scanned(text: str, word: str) -> List[int]:
        return [i for i in range(len(text)) if text.startswith(word, i)
                and (i == 0 or not _same_word(text[i - 1], word[0]))
                and (i + len(word) == len(text) or not _same_word(text[i + len(word)], word[-1]))]

    texts = _texts() + ["в в-в вв в_в в1 1в в", "на, на.на нана на", "Ok ok ok-ok ok_ok ok"]
    plain = 0
    for text in texts:
        draft = Draft(text, linter._index)
        plain += draft.base.plain
        for word in [w for w in draft.tokens if len(w) <= 2] + ["в", "на", "ok"]:
            assert draft.occurrences(word) == scanned(draft.words.text, word), (text, word)
    assert plain > 500


def test_the_next_word_of_a_plain_draft_is_read_by_std_re_as_by_regex(linter: ozonlint.Linter) -> None:
    """NEXT_TOKEN_PLAIN (std re) reads what NEXT_TOKEN reads in a plain draft's words view: every
    character a plain text may hold is a letter or digit to both or to neither, none is
    Chinese, and a plain draft's words view is plain."""
    import regex

    from ozonlint.matchers.base import NEXT_TOKEN, NEXT_TOKEN_PLAIN
    from ozonlint.normalize import is_plain

    plain_chars = [chr(code) for code in range(0x10000) if is_plain(chr(code))]
    assert len(plain_chars) > 150
    for ch in plain_chars:
        assert (regex.match(r"[\p{L}\p{N}]", ch) is not None) == ch.isalnum(), ch
        assert regex.match(r"\p{Han}", ch) is None
    plain = 0
    for text in _texts() + ["W h a t s A p p: +7 9OO, т3л3гр@мм_ok", "a - b  —  c. d\nе…ж №5 ₽"]:
        draft = Draft(text, linter._index)
        if not draft.base.plain:
            continue
        plain += 1
        words = draft.words.text
        assert is_plain(words), text
        for pos in range(len(words) + 1):
            a, b = NEXT_TOKEN.match(words, pos), NEXT_TOKEN_PLAIN.match(words, pos)
            assert (a and a.groups() + a.span()) == (b and b.groups() + b.span()), (text, pos)
    assert plain > 500


def test_a_words_index_from_its_sentences_remembered_is_the_index_of_a_scan(linter: ozonlint.Linter) -> None:
    """Draft.word_index from the word starts of each piece between ". " (remembered) is the
    index among the starts of a scan of the whole words view."""
    import re
    from bisect import bisect_right

    from ozonlint.matchers.base import TOKEN

    texts = _texts(500) + ["Да. Да. Да.  Нет. ", ". . a. b", "", "Ok. ok.ok. 1. 2"]
    for _ in range(2):  # the pieces new, then remembered
        for text in texts:
            draft = Draft(text, linter._index)
            words = draft.words.text
            starts = [m.start() for m in (TOKEN if draft.has_han else re.compile(r"[^\W_]+")).finditer(words)]
            for pos in range(len(words) + 1):
                assert draft.word_index(pos) == bisect_right(starts, pos) - 1, (text, pos)


def test_a_plain_drafts_words_read_in_code_page_1251_are_where_a_scan_finds_them(linter: ozonlint.Linter) -> None:
    """A plain draft's word starts and the places of its short words, read off its words in
    code page 1251 (Draft._narrow_words), are those a scan of its words view finds; a draft
    whose narrow form holds a character it could not encode is read the scan's way."""
    import re

    scan = re.compile(r"[^\W_]+")
    chars = bytes(range(256)).decode("cp1251", "replace")
    assert all(ch.isalnum() == bool(scan.fullmatch(ch)) for ch in chars)  # (what the byte table reads)
    made = ["", "a", " a", "a ", "в в  в", "ab.cd", "₽ 100 ₽", "?a?", "x_y z", "Ёлка, ёжик; Ї і є ґ ў", "1a 2б",
            "..a..b..", "на,на.на-на_на", "Ok. ok.ok. 1. 2", "Да. Да. Да.  Нет. ", "Ѐж ѐж в", "в́ в"]
    read = 0
    for text in _open_texts(800) + made:
        draft = Draft(text, linter._index)
        if draft.has_han:
            continue
        words = draft.words.text
        starts = [m.start() for m in scan.finditer(words)]
        draft.word_index(0)
        assert draft._token_starts == starts, text
        read += draft._narrow_words() is not None
        slow = Draft(text, linter._index)
        slow.extras["narrow_words"] = None  # (read the scan's way)
        for word in {m.group() for m in scan.finditer(words) if len(m.group()) <= 2} | {"в", "на", "ok"}:
            assert draft._find_occurrences(word) == slow._find_occurrences(word), (text, word)
    assert read > 300


def test_a_drafts_sentence_ends_are_where_a_search_finds_them() -> None:
    """terms._SentenceEnds (its full stops found by std re) answers for any span as a search
    of _SENTENCE_END does; std re's [^\\S\\x1c-\\x1f] is regex's \\s, character by character."""
    import re

    import regex

    from ozonlint.matchers.terms import _SENTENCE_END, _SentenceEnds

    spaces = re.compile(r"[^\S\x1c-\x1f]")
    for code in range(0x110000):
        assert (regex.match(r"\s", chr(code)) is None) == (spaces.match(chr(code)) is None), hex(code)
    texts = _texts(300) + ["Да. Нет.\x1cА. б.\u2003В.\n\nГ... Д.", "a.\u00a0B. c.  ", ". ", "Ok!Ok?ok;ok…ok。",
                           "Есть. «Гаджет Лайн». Да. (См. ниже) a. «b», „Б“.\n«В»"]
    for text in texts:
        ends = _SentenceEnds(text)
        for a in range(0, len(text), 3):
            for e in range(a, min(len(text), a + 60) + 1, 2):
                assert ends.found(a, e) == (_SENTENCE_END.search(text, a, e) is not None), (text, a, e)


def _scans(linter: ozonlint.Linter) -> list:
    """(matcher, pattern, heads) of every scan of the shipped pattern rules."""
    from ozonlint.matchers.pattern import PatternMatcher

    found = []
    for rule in linter.all_rules:
        matcher = rule.matcher
        if isinstance(matcher, PatternMatcher):
            found += [(matcher, pattern, ()) for _, pattern in matcher.keyed]
            found += [(matcher, pattern, heads) for heads, pattern in matcher.hinted]
            found += [(matcher, pattern, ()) for pattern in matcher.patterns]
    return found


def test_a_scan_from_where_its_lead_stands_finds_what_a_scan_of_the_whole_draft_finds(
        linter: ozonlint.Linter) -> None:
    scans = _scans(linter)
    assert sum(matcher._leads[pattern.source] is not None for matcher, pattern, _ in scans) > 20
    texts = _texts() + _TRICKY + ["не возвращайте через озон, не оформляйте на площадке", "верну деньги напрямую верну",
                                  "Don't  return it via Ozon, do not refund it through the app"]
    hits = 0
    for text in texts:
        draft = Draft(text, linter._index)
        for matcher, pattern, heads in scans:
            view_text = draft.view(matcher.view).text
            found = matcher._scan(pattern, view_text, heads)
            assert found == [m.span() for m in pattern.finditer(view_text) if m.end() > m.start()]
            hits += bool(found)
    assert hits > 20


def test_a_term_sets_patterns_scanned_from_their_leads_find_what_whole_scans_find(linter: ozonlint.Linter) -> None:
    from ozonlint.matchers.leads import lead_start
    from ozonlint.matchers.terms import TermSet

    sets = {id(t): t for rule in linter.all_rules for t in rule.matcher.term_sets()
            if isinstance(t, TermSet) and t._patterns}
    assert sum(lead is not None for t in sets.values() for lead in t._leads) > 5
    texts = _texts() + _TRICKY + ["Отмените заказ, мы сами привезём. Возврат оформлять не нужно, переведём напрямую",
                                  "Don't open a return, rather than returning it we will pay you back directly"]
    hits = 0
    for text in texts:
        words = Draft(text, linter._index).words.text
        for term_set in sets.values():
            for pattern, lead in zip(term_set._patterns, term_set._leads):
                whole = [m.span() for m in pattern.finditer(words)]
                start = lead_start(lead, words)
                if start is None:
                    assert whole == []
                else:
                    assert [m.span() for m in pattern.finditer(words, start)] == whole
                hits += bool(whole)
    assert hits > 5


def test_a_lead_is_what_every_match_begins_with_and_reads_no_more_than_it_may() -> None:
    import random
    import re

    import regex

    from ozonlint.matchers.leads import lead_of

    assert lead_of(r"[A-ZА-ЯЁ]{3}[\s,.!?:;\-]+[A-ZА-ЯЁ]{2}[A-ZА-ЯЁ]*", False) == \
        "[A-ZА-ЯЁ][A-ZА-ЯЁ][A-ZА-ЯЁ][\\s,.!?:;\\-]{1,}[A-ZА-ЯЁ][A-ZА-ЯЁ]"
    assert lead_of(r"не\s+(?:возвращайте|делайте)\s+(?:\w+\s+){0,2}", True) == "не\\s{1,}(?:возвращайте|делайте)\\s"
    assert lead_of(r"(?:возврат|замен\w*)\s+x", True) == "(?:возврат|замен)"  # a word cut short: the lead stops
    assert lead_of(r"(?:don'?t|do\s+not)\s+return", True) == "(?:don'?t|do\\s{1,}not)\\s"  # one open repeat
    for source in (r"\s+abc", r"[a-z]?x", r",\s+x", r"(?<!a)\dc", r"\p{Lu}{3}", r"[^a]bc", r"[a-z--q]x", r"[[:alpha:]]",
                   r"(?i)abc", r"a|\bb", "(?<!a"):
        assert lead_of(source, True) is None, source
    assert lead_of("私下退款", False) == lead_of("私下退款", True) == "私下退款"  # no case to fold
    # look-behinds match no character: the lead is what follows them
    assert lead_of(r"(?<![\p{L}])send\s+x", True) == "send\\s{1,}x"
    assert lead_of(r"(?<!a)(?<=b)cd|(?<!x)e", True) == "(?:cd)|(?:e)"
    assert lead_of(r"Ozon\s+X", True) == "ozon\\s{1,}x"  # a case-folded text: its letters in lower case
    assert lead_of(r"[A-Z]x", True) is None and lead_of(r"[A-Z]x", False) == "[A-Z]x"
    # each alternative of a group with no open repeat before it has its own; groups in a group are read
    assert lead_of(r"(?:ab|не\s+x|не\s+y)\s+z", True) == "(?:ab|не\\s{1,}x|не\\s{1,}y)\\s"
    assert lead_of(r"(?:не\s+(?:x|y)|z\s+(?:u|v))\s+w", True) == "(?:не\\s{1,}(?:x|y)|z\\s{1,}(?:u|v))\\s"
    assert lead_of(r"(?:не\s+(?:x|y\s+q)|z)\s+w", True) == "(?:не\\s{1,}(?:x|y\\s)|z)"  # (q cut off: it stops)
    # a run of digits that no digit may stand before: the lead starts where the run does
    assert lead_of(r"(?<![\p{L}\p{N}])\d+(?:р|руб)(?![\p{L}\p{N}])", True) == "\\d(?<!\\d\\d)\\d*(?:р|руб)"
    assert lead_of(r"(?<!\d)\d+\s+x", True) == "\\d(?<!\\d\\d)\\d*\\s"
    for source in (r"(?<![\p{N}--\d])\d+x", r"(?<![^\d])\d+x", r"(?<![a-z])\d+x", r"(?<![\p{L}\p{N}])\d{2}x"):
        assert lead_of(source, True) is None, source
    # every match of a pattern begins where its lead matches
    sources = [r"не\s+(?:возвращайте|делайте)\s+\w+", r"[A-Z]{2}[\s,.]+[A-Z]{2}", r"(?:ab|a)c?\s*d", r"x\.?y{2}z+",
               r"(?:do|don'?t)\s+(?:it|that)", r"ф[её]\d{2,}", r"(?<![a-z])ac|(?<=x)(?<!dx)d", r"(?:取消|x退)\s*d",
               r"(?:не\s+(?:do|it)|no\s+(?:a|c\s+d))\s+x", r"(?:do\s+it|не\s+x)\s*z",
               r"(?<![\p{L}\p{N}])\d+(?:c|ab)(?![\p{L}\p{N}])", r"(?<![\d.])\d+\s*x"]
    rng = random.Random(9)
    for source in sources:
        folded = source.islower() or not any(ch.isupper() for ch in source)
        pattern = regex.compile(source, (regex.IGNORECASE if folded else 0) | regex.VERSION1)
        lead = re.compile(lead_of(source, folded))
        alphabet = "неdoiz xyacABCDфеё12.,'\u00a0\x1c" + "".join(set(re.sub(r"\\.|[^\w]", "", source)))
        for _ in range(3000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
            if folded:
                text = text.casefold()
            for m in pattern.finditer(text):
                assert lead.match(text, m.start()), (source, text)


def test_a_chinese_character_in_a_lead_matches_what_the_pattern_matches_ignoring_case() -> None:
    """A lead's Chinese characters are written as they are (see leads._plain_char): ignoring
    case, regex matches each of them with itself alone."""
    import regex
    from regex import _regex

    from ozonlint.matchers.base import _is_han

    for flags in (regex.IGNORECASE, regex.IGNORECASE | regex.FULLCASE | regex.VERSION1):
        for first, last in ((0x3400, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F)):
            for code in range(first, last + 1):
                if chr(code).isalnum():
                    assert _is_han(chr(code)) and list(_regex.get_all_cases(flags, code)) == [code]


def test_a_draft_below_every_classifier_floor_has_no_classifier_finding(linter: ozonlint.Linter) -> None:
    """The headroom over the floors decides "nothing" only where the full scoring finds nothing."""
    from ozonlint.matchers.classifier import ClassifierMatcher

    rules = [r for r in linter.all_rules if isinstance(r.matcher, ClassifierMatcher)]
    model = rules[0].matcher.model
    assert all(r.matcher.model is model for r in rules)
    assert dict(model.floors) == {c: min(r.matcher.need for r in rules if r.matcher.column == c)
                                  for c in {r.matcher.column for r in rules}}
    below = found = 0
    for text in _texts():
        draft = Draft(text, linter._index)
        scores = model.draft_scores(draft)
        spans = [r.matcher.find(draft) for r in rules]
        if scores.below:
            below += 1
            scores.below = False  # the full scoring, as if the headroom were not known
            assert [r.matcher.find(draft) for r in rules] == spans == [[]] * len(rules)
        found += any(spans)
    assert below > 100 and found > 100


def test_sentences_of_one_number_shape_have_the_same_features(linter: ozonlint.Linter) -> None:
    """A sentence met again with other digits in it is known by its number shape,
    a sentence with Chinese characters too (read as one: its Chinese runs are words
    of their own, and a Cyrillic word right after one is a word that keeps its digits)."""
    import random

    from ozonlint.matchers.classifier import ClassifierMatcher, digit_blind, number_shape, words_and_terms

    settings = next(r.matcher.model.settings for r in linter.all_rules if isinstance(r.matcher, ClassifierMatcher))
    assert digit_blind(settings)

    def features(sentence: str, han: bool) -> tuple:  # what a sentence's scores are worked out from (_terms_nets)
        _, terms, concepts = words_and_terms(sentence, han, settings)
        return terms, list(concepts)

    rng = random.Random(3)
    texts = _texts() + ["Спасибо за заказ №45331778-0844, 500 ₽ вернём", "кэш6эк 200р за отзыв",
                        "x5 and 2 pcs, 12 345 руб.", "пишите на shop12@mail.ru или @sale77, сайт best24.ru",
                        "亲，好评返现10元，加微信 shop325", "好评返现3元，加V信：best_898，5星", "加с5微信", "返现5元"]
    shaped = {False: 0, True: 0}
    for text in texts:
        draft = Draft(text, linter._index)
        han = draft.has_han
        words = draft.words.text
        shape = number_shape(words, han)
        if shape is None:
            continue
        assert len(shape) == len(words)
        shaped[han] += 1
        other = "".join(rng.choice("0123456789") if ch.isascii() and ch.isdigit() else ch for ch in words)
        assert number_shape(other, han) in (shape, None if other == shape else shape)
        assert features(words, han) == features(other, han) == features(shape, han), text
    assert number_shape("кэш6эк за отзыв") is None and number_shape("no digits") is None
    assert number_shape("加с5微信", han=True) is None and number_shape("返现5元", han=True) == "返现0元"
    assert shaped[False] > 100 and shaped[True] > 20


def test_a_lower_threshold_lowers_the_floor_and_forgets_the_headroom_worked_out(linter: ozonlint.Linter) -> None:
    from ozonlint.matchers.classifier import Model, Settings

    model = Model(["a", "b"], [0.0, 0.0], [0.5, 0.5], {"x": [1.0, 0.0]}, Settings())
    model.admit(0, 500)
    model._text_memo["x"] = ((600, 0), 100, 700)
    model.admit(0, 800)  # higher: the floor stays
    assert model.floors == ((0, 500),) and "x" in model._text_memo
    model.admit(1, 100)
    model.admit(0, 300)
    assert model.floors == ((0, 300), (1, 100)) and not model._text_memo
    assert model.headroom((250, 120)) == (20, 200)  # max(250-300, 120-100), max(500-300, 240-100)


_TRICKY = ["", "   ", "a. b. C", "Привет.  Как дела?\n\n  ok…  ", "x.\u00a0Y", "1. 2. 3.", "…", "\u2028a\u2029. B",
           "Звоните +7 (916) 555-12-34 или 8 916 555 12 34.", "+  ( 916 555 12 34", "٣٤٥ ٦٧٨ ٩٠ ١٢ и 8 916 555 12 34",
           "Заказ 12345678-0012-1, тел. 8-916-555-12-34", "a.b.c. D. e!f?g;h。i…j"]


def test_the_sentence_end_pattern_finds_the_ends_of_the_alternation_it_replaces() -> None:
    """One character class first (a fast scan), the same ends and the same next character after a dot."""
    import re

    from ozonlint.matchers.classifier import _SENTENCE_END

    alternation = re.compile(r"[!?;\n。！？；…]|\.(?=\s*(\S)|\s*$)")
    for text in _texts() + _TRICKY:
        for view in (text, Draft(text).words.text):
            want = [(m.end(), m.start(1)) for m in alternation.finditer(view)]
            assert [(m.end(), m.start(1)) for m in _SENTENCE_END.finditer(view)] == want


def test_the_phone_candidates_scan_from_the_first_run_of_digits_finds_them_all() -> None:
    from ozonlint.matchers import phone

    checked = 0
    for text in _texts() + _TRICKY:
        view = phone.digits_view(Draft(text)).text
        if phone._CANDIDATE_HINT.search(view):
            start = max(0, phone._FIRST_DIGITS.search(view).start() - phone._MAX_LEAD)
            found = [m.span() for m in phone._CANDIDATE.finditer(view, start)]
            assert found == [m.span() for m in phone._CANDIDATE.finditer(view)]
            checked += bool(found)
    assert checked > 50


def test_a_prefilter_is_searched_from_where_its_lead_stands(linter: ozonlint.Linter) -> None:
    from ozonlint.matchers.pattern import PatternMatcher

    matchers = [r.matcher for r in linter.all_rules
                if isinstance(r.matcher, PatternMatcher) and r.matcher._prefilter_lead is not None]
    assert matchers, "no shipped prefilter has a lead"
    # (the corpora sample changes as corpora are added: the texts after it hold shouting of their own)
    texts = _texts() + ["ВНИМАНИЕ! ЗАКАЗ НЕ ОТМЕНЯТЬ!", "Наш склад OZON FBS работает ежедневно.", "АБВ ГД ЕЖ",
                        "абв ABC DE FG", "OZON, USB-C, HDMI", "X" * 50, "СРОЧНО: ВАШ ЗАКАЗ ГОТОВ К ВЫДАЧЕ",
                        "Hello! THANK YOU FOR YOUR ORDER, dear.", "Спасибо. НЕ ЗАБУДЬТЕ ОСТАВИТЬ ОТЗЫВ!"]
    seen = 0
    for matcher in matchers:
        for text in texts:
            want = matcher.prefilter.search(text) is not None
            assert matcher._prefiltered(text) is want
            seen += want
    assert seen > 3


def test_the_sign_of_letters_as_digits_is_the_plain_patterns() -> None:
    import random

    import regex

    from ozonlint.matchers import phone

    plain = regex.compile(r"[0-9][0-9oоlзiб\s\-().]{0,12}[oоlзiб]")
    rng = random.Random(5)
    alphabet = "0123456789oоlзiб \t\x1c\x85\u00a0\u3000-().xaб,"
    texts = _texts() + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(30000)]
    found = 0
    for text in texts:
        want = plain.search(text) is not None
        assert (phone._LETTER_DIGIT_HINT.search(text) is not None) is want, text
        found += want
    assert found > 1000


def test_letters_as_digits_are_looked_for_from_the_first_digit_that_may_precede_one() -> None:
    from ozonlint.matchers import phone

    def whole(text: str) -> str:  # the rewrite over the whole text, as it was done
        if phone._LETTER_DIGIT_HINT.search(text) and phone._LETTER_DIGIT.search(text):
            return phone._LETTER_DIGIT.sub(lambda m: m.group().translate(phone._LETTER_DIGIT_MAP), text)
        return text

    changed = 0
    for text in _texts() + _TRICKY + ["звоните 89l6 5З5 l2 З4, код 1о", "٣o 8 9I6 и 8-9l6-555-12-З4", "8 (9l6)"]:
        draft = Draft(text)
        want = whole(_before_letters(draft))
        assert phone.digits_view(draft).text == want
        changed += want != _before_letters(Draft(text))
    assert changed >= 2


def _before_letters(draft: Draft) -> str:
    """The digits view up to (not with) its letters-as-digits rewrite."""
    from ozonlint.matchers import phone

    view = draft.base
    present = draft.tokens & phone._NUMBER_WORD_SET
    if present:
        view = view.derive(*phone._rewrite_number_words(view.text, present))
    if draft.has_han and phone._ZH_DIGIT_RUN.search(view.text):
        view = view.derive(*phone.rewrite(view.text, phone._ZH_DIGIT_RUN,
                                          lambda m: "".join(phone._ZH_DIGITS.get(c, c) for c in m.group())))
    return view.text


def test_a_plain_russian_reply_is_read_for_other_languages_letters_without_folding_its_case(
        linter: ozonlint.Linter) -> None:
    """Read as not plain (the general way: its case folded first), every plain reply gets the same answer."""
    from ozonlint.matchers.language import LanguageMatcher
    from ozonlint.normalize import View

    matcher = next(r.matcher for r in linter.all_rules if isinstance(r.matcher, LanguageMatcher))
    texts = _texts() + ["Дякую за замовлення, Її доставлять завтра.", "ЇЖАК І ЄНОТ у КИЄВІ",
                        "Привет, Іван! І ще раз і.", "Спасибо, Ўладзімір.", "Товар в пути, ожидайте.",
                        "Добрий день! Чекайте на доставку"]
    plain = foreign = 0
    for text in texts:
        draft = Draft(text, linter._index)
        if not draft.base.plain:
            continue
        plain += 1
        general = Draft(text, linter._index)
        base = draft.base
        general._base = View(base.original, base.text, base._maps, False, base.mixed)
        assert matcher._foreign(draft) == matcher._foreign(general), text
        foreign += matcher._foreign(draft)
    assert plain > 500 and foreign >= 2


def test_a_drafts_words_are_the_union_of_its_pieces_words_remembered_or_not(monkeypatch) -> None:
    from ozonlint.matchers import base

    texts = [Draft(text).words.text for text in _texts() + _TRICKY + ["a. b. c", ". . ", "x.y. z", "10. 5. 2026"]]
    texts = [text for text in texts if "_" not in text]
    for size in (4_000, 0):  # remembered, and cleared at every piece
        monkeypatch.setattr(base, "_MAX_PIECES", size)
        base._PIECE_WORDS.clear()
        for _ in range(2):  # each piece new, then known
            for text in texts:
                assert base._word_runs(text) == frozenset(base._WORD_RUN.findall(text))


def test_every_top_level_domain_starts_with_a_letter() -> None:
    """The link sign turns a full stop away unless a letter follows (see url._DOT_TLD_SOURCE)."""
    import re

    from ozonlint.matchers import url

    assert all(re.match(r"[^\W\d_]", tld) for tld in url._TLD_SET)
    for text in _texts() + ["см. shop.ru и www.x.com", "site.рф, a.b.1c, x.xn--p1ai"]:
        folded = Draft(text).base.text
        plain = re.compile(r"://|www\.|\.(?<=[^\W_]\.)(?:" + "|".join(url._TLD_ORDER) + r")(?![^\W_]|-)")
        assert [m.span() for m in url._LINK_SIGN.finditer(folded)] == [m.span() for m in plain.finditer(folded)]


def test_a_plain_drafts_narrow_form_has_the_signs_its_text_has() -> None:
    """A plain draft's folded text in code page 1251, read through class tables, has a
    switch of script and the signs of the words view's rewrites where its text has them."""
    import random
    import re

    from ozonlint import normalize

    plain = [chr(c) for c in list(range(0x20, 0x7F)) + list(range(0x400, 0x460))] + list("\n\r\t«»°\u00a0–—’“”„…№₽")
    assert all(normalize.is_plain(ch) for ch in plain)
    folded = sorted({ch for text in plain for ch in Draft(text).base.text})
    # every plain character, folded, is in code page 1251, or no letter, digit or separator ("?" is none)
    for ch in folded:
        try:
            ch.encode("cp1251")
        except UnicodeEncodeError:
            assert not ch.isalnum() and not re.match(normalize._SEP, ch) and ch not in "/\\*·•+~@$|!"
    rng = random.Random(12)
    common = list("ab vwxyz авсд еи т.-_/|@0134789$!'*·•+~,:()") + folded
    texts = [a + b for a in folded for b in folded]
    texts += ["".join(rng.choice(common) for _ in range(rng.randint(3, 12))) for _ in range(30_000)]
    texts += [Draft(text).base.text for text in _texts() + _TRICKY + ["whаtsapp тут", "Оzon", "тeлeграм ₽5"]]
    classes = normalize._classes()
    seen = [0, 0, 0, 0]
    for text in texts:
        if not normalize.is_plain(text):
            continue
        narrow = normalize.narrow_form(text)
        assert len(narrow) == len(text)
        found = [normalize._mixes_scripts(text), bool(normalize._MAYBE_SPACED.search(text)),
                 bool(normalize._LEET_HINT.search(text)), bool(normalize._IN_WORD_MARK_HINT.search(text))]
        assert found == [normalize._narrow_mixes_scripts(narrow, text),
                         bool(classes.spaced_sign.search(narrow.translate(classes.spaced))),
                         bool(classes.leet_sign.search(narrow.translate(classes.leet))),
                         b"m" in narrow.translate(classes.marks)], text
        seen = [n + f for n, f in zip(seen, found)]
    assert min(seen) > 500, seen
    for text in _texts() + _TRICKY + ["W h a t s A р p ₽", "т3л3гр@мм3", "Оzon"]:
        base = Draft(text).base
        assert base.narrow == (normalize.narrow_form(base.text) if base.plain else None)


def test_a_plain_texts_nfkc_and_fold_are_those_of_the_general_way() -> None:
    """A plain text's NFKC edits (a character of _PLAIN_NFKC each) and its fold with its
    narrow form (code page 1251 and a byte table) are what the clusters' scan and the
    fold's pattern give; no other plain character is changed by NFKC."""
    import random
    import sys
    import unicodedata

    from ozonlint import normalize

    plain = [ch for ch in map(chr, range(sys.maxunicode + 1)) if normalize.is_plain(ch)]
    assert sorted(ch for ch in plain if unicodedata.normalize("NFKC", ch) != ch) == sorted(normalize._PLAIN_NFKC)
    rng = random.Random(13)
    common = list("ab Zё—– `'’…№₽ѐѝЀЍЁ.,- ") + plain
    texts = ["".join(rng.choice(common) for _ in range(rng.randint(0, 12))) for _ in range(20_000)]
    texts += _texts() + _TRICKY + plain + ["Заказ №123… ок ё`", "ѐѝ ₽ ё"]
    seen = 0
    for text in texts:
        if not normalize.is_plain(text):
            continue
        seen += bool(normalize._PLAIN_UNSTABLE.search(text))
        assert normalize._plain_nfkc(text) == normalize._nfkc_clusters(text), text
        folded = unicodedata.normalize("NFKC", text).casefold()
        if normalize.is_plain(folded):
            general = normalize._FOLD_CHARS.sub(normalize._fold_char, folded)
            assert normalize._fold_plain(folded) == (general, normalize.narrow_form(general)), text
    assert seen > 1000


def test_a_stable_plain_texts_base_is_worked_out_in_code_page_1251_as_by_the_general_way() -> None:
    """_stable_plain_form answers exactly for the plain texts that NFKC leaves alone and code
    page 1251 holds, with what the general way makes of them (case folding, then the fold);
    and a switch of script is found from either script's letters alike."""
    import random
    import unicodedata

    from ozonlint import normalize

    plain = [chr(c) for c in list(range(0x20, 0x7F)) + list(range(0x400, 0x460))] + list("\n\r\t«»°\u00a0–—’“”„…№₽")
    rng = random.Random(14)
    texts = plain + ["".join(rng.choice(plain + list("aA Яя.")) for _ in range(rng.randint(0, 20)))
                     for _ in range(30_000)]
    texts += _texts() + _TRICKY + ["Hello, Ёлка", "ЁЖ`’—\u00a0", "é", "ѐ", "Цена 5 ₽"]
    fast = 0
    for text in texts:
        found = normalize._stable_plain_form(text)
        stable = (normalize.is_plain(text) and unicodedata.is_normalized("NFKC", text)
                  and all(ch.encode("cp1251", "ignore") for ch in text))
        assert (found is not None) == stable, text
        if found is not None:
            fast += 1
            assert found[:2] == normalize._fold_plain(text.casefold()), text
            assert found[2] == text.encode("cp1251"), text
            scripts = found[1].translate(normalize._classes().scripts)
            assert {normalize._SWITCH_AT_LATIN.search(scripts) is not None,
                    normalize._SWITCH_AT_CYRILLIC.search(scripts) is not None} == {b"LC" in scripts or b"CL" in scripts}
    assert fast > 10_000


def test_a_plain_text_with_no_sign_or_an_ellipsis_has_the_base_view_of_the_general_way(monkeypatch) -> None:
    """A plain text whose "№", "…" or U+00A0 alone keep it off the fast way (one reply in ten
    holds an order's "№") takes it after NFKC's edits: its base view is the general way's
    (text, positions of every span, narrow form, script mix; its written bytes none)."""
    import random

    from ozonlint import normalize

    plain = [chr(c) for c in list(range(0x20, 0x7F)) + list(range(0x400, 0x460))] + list("\n\r\t«»°–—’“”„₽")
    rng = random.Random(15)
    texts = ["".join(rng.choice(plain + list("№…\u00a0aA Яя.")) for _ in range(rng.randint(0, 20)))
             for _ in range(10_000)]
    texts += [t for t in _texts() if normalize._PLAIN_UNSTABLE.search(t)]
    texts += ["Ваш заказ №12345678-0012 в пути…", "№\u00a05", "Hello, Ёлка №1", "Цена 5 ₽, №3", "%D0%B9 №"]
    texts = [text for text in texts if normalize._PLAIN_UNSTABLE.search(text)]
    views = [normalize.base_view(text) for text in texts]
    monkeypatch.setattr(normalize, "_stable_plain_form", lambda text: None)
    for text, fast in zip(texts, views):
        general = normalize.base_view(text)
        assert (fast.text, fast.plain, fast.mixed, fast.narrow, fast.written) == (
            general.text, general.plain, general.mixed, general.narrow, general.written), text
        size = len(fast.text)
        assert [fast.span(i, j) for i in range(size + 1) for j in range(i, min(size, i + 3) + 1)] == [
            general.span(i, j) for i in range(size + 1) for j in range(i, min(size, i + 3) + 1)], text
    assert sum(map(normalize.is_plain, texts)) > 1000


def test_the_language_signs_read_on_a_drafts_bytes_are_those_of_its_text() -> None:
    """A draft written in code page 1251 (View.written) has, in its bytes, the foreign Cyrillic
    letters, the Ukrainian i's and the ASCII characters its text has."""
    import random

    from ozonlint.matchers import language

    letters = language._FOREIGN_CYRILLIC_LETTERS + language._FOREIGN_CYRILLIC_LETTERS.upper()
    pool = [chr(c) for c in list(range(0x20, 0x7F)) + list(range(0x400, 0x460))] + list(letters + "ёЁ—«»\n")
    rng = random.Random(15)
    texts = ["".join(rng.choice(pool) for _ in range(rng.randint(0, 30))) for _ in range(30_000)]
    seen = 0
    for text in texts + _texts() + _TRICKY + ["Київ, дякую", "Іі і"]:
        written = Draft(text).base.written
        if written is None:
            continue
        seen += 1
        assert written == text.encode("cp1251")
        assert (language._FOREIGN_CYRILLIC_WRITTEN.search(written) is not None) == (
            language._FOREIGN_CYRILLIC_ANY_CASE.search(text) is not None), text
        assert written.count(language._UKRAINIAN_I_WRITTEN) == text.count(language._UKRAINIAN_I)
        assert written.count(language._UKRAINIAN_CAPITAL_I_WRITTEN) == text.count(language._UKRAINIAN_I.upper())
        assert len(written.translate(None, language._NOT_ASCII)) == len(text.encode("ascii", "ignore"))
    assert seen > 5_000


def test_the_link_detector_finds_the_same_with_or_without_a_drafts_narrow_form(linter: ozonlint.Linter) -> None:
    """Its signs read on a plain draft's narrow form are those of the text."""
    from ozonlint.matchers.url import UrlMatcher, dotted_view
    from ozonlint.normalize import View

    matcher = next(r.matcher for r in linter.all_rules if isinstance(r.matcher, UrlMatcher))
    texts = _texts() + _TRICKY + ["t[.]me/shop", "shop·ru", "shop • ru", "www sunny-shop ru", "shop,ru и т.д.",
                                  "santeh-pro точка ru", "shop dot com", "kovry - opt . ru", "https://x.ru/a",
                                  "см. на сайте x.com", "магазин тчк ру", "Цена 5 ₽, shop.ru"]
    found = 0
    for text in texts:
        draft = Draft(text, linter._index)
        base = draft.base
        if base.narrow is None:
            continue
        general = Draft(text, linter._index)
        general._base = View(base.original, base.text, base._maps, base.plain, base.mixed)
        assert matcher.find(draft) == matcher.find(general), text
        assert dotted_view(base).text == dotted_view(general.base).text, text
        found += bool(matcher.find(draft))
    assert found >= 8


def test_a_number_shape_is_the_sentence_with_its_ascii_digits_as_zeros() -> None:
    """number_shape as first written (str.translate, a look-behind tried at every position)."""
    import re

    from ozonlint.matchers.classifier import number_shape

    word_with_digit = re.compile(r"(?<![^\W_])[\u0400-\u04ff][^\W_]*0")

    def reference(sentence: str):
        shape = sentence.translate(str.maketrans("123456789", "000000000"))
        return None if shape == sentence or word_with_digit.search(shape) else shape

    texts = [Draft(text).words.text for text in _texts()] + _TRICKY + [
        "щ5", "_щ5", "a_щ5", "aщ5", " щ5", "ё5 x", "Ӿ9", "ԁ9", "٣ и 5", "x\ud800 5", "\udfff1щ", "№5 щ 5", "щ-5"]
    shaped = 0
    for text in texts:
        assert number_shape(text) == reference(text), text
        shaped += number_shape(text) is not None
    assert shaped > 100


def test_a_plain_drafts_digit_signs_are_those_of_the_patterns_they_stand_for() -> None:
    import random

    from ozonlint import normalize
    from ozonlint.matchers import card, phone

    signs = phone.digit_signs()
    # "₽", the one plain character outside code page 1251, is read as "?": in no class of the patterns either
    for pattern in (phone._HAS_DIGIT, phone._LETTER_DIGIT_HINT, phone._CANDIDATE_HINT, card._HINT):
        for text in ("1₽2", "12₽34", "1₽о", "₽", "1234567₽", "1₽2₽3₽4₽5₽6₽7", "1₽2345678901234"):
            assert bool(pattern.search(text)) == bool(pattern.search(text.replace("₽", "?")))
    rng = random.Random(5)
    alphabet = list("0123456789" * 4 + " -\t\n.()[]/|_*~•·\\,oоlзiбa₽?")
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(5, 40))) for _ in range(30_000)]
    texts += ["".join(rng.choice("0123456789" * 9 + " -.") for _ in range(rng.randint(12, 24))) for _ in range(3_000)]
    texts += [Draft(text).base.text for text in _texts() + _TRICKY]
    seen = [0, 0, 0, 0]
    for text in texts:
        if not normalize.is_plain(text):
            continue
        classes = normalize.narrow_form(text).translate(signs.table)
        found = [bool(p.search(text)) for p in (phone._HAS_DIGIT, phone._LETTER_DIGIT_HINT, phone._CANDIDATE_HINT,
                                                card._HINT)]
        assert found == [bool(s.search(classes)) for s in (signs.any_digit, signs.letter_digit, signs.candidate,
                                                           signs.card)], text
        seen = [n + f for n, f in zip(seen, found)]
    assert min(seen) > 300, seen


def test_a_plain_draft_without_the_sign_of_a_link_in_its_narrow_form_has_no_link_chunk() -> None:
    import random

    from ozonlint import normalize
    from ozonlint.matchers import url

    rng = random.Random(8)
    alphabet = list("ab.ru com1 .-:/w₽?щ") + ["www.", "://", ".ru", "ozon"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(2, 12))) for _ in range(20_000)]
    texts += [Draft(text).base.text for text in _texts() + _TRICKY + ["см. shop.ru и www.x.com", "site.рф, a.b.1c"]]
    chunked = 0
    for text in texts:
        if not normalize.is_plain(text):
            continue
        view = normalize.View(text, text, (), True, False, normalize.narrow_form(text))
        chunks = url._link_chunks(text)
        assert url._may_hold_link(view) or not chunks, text
        chunked += bool(chunks)
    assert chunked > 1000


def test_a_plain_draft_without_a_digit_in_its_narrow_form_has_none_as_written() -> None:
    """(what lets the street without a street word go unread: its house number is a digit)"""
    import random
    import re

    from ozonlint.matchers import phone

    rng = random.Random(9)
    alphabet = list("ab №…\u00a0x5٣¹²ЁёЙ₽?-") + [chr(c) for c in range(0x400, 0x460, 7)]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in range(20_000)]
    without = 0
    for text in texts + _texts() + _TRICKY:
        draft = Draft(text)
        if phone.plain_without_digit(draft):
            assert not re.search(r"\d", text), text
            without += 1
        elif draft.base.plain:
            assert re.search(r"\d", text), text
    assert without > 1000


def _open_texts(limit: int = 600) -> List[str]:
    texts = []
    for path in sorted(CORPUS.rglob("*.jsonl")):
        if "blind" not in path.parts:
            lines = path.read_text(encoding="utf-8").splitlines()
            texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return texts[::max(1, len(texts) // limit)][:limit]


def test_a_context_filter_read_from_the_end_and_gated_by_its_words_answers_as_a_forward_search(
        linter: ozonlint.Linter) -> None:
    import regex

    from ozonlint.matchers.base import ContextFilter, reads_backwards

    owners = [t for rule in linter.all_rules for t in list(rule.matcher.term_sets()) + [rule.matcher]]
    filters = {id(k): k for k in (getattr(t, "_keep", getattr(t, "keep", None)) for t in owners)
               if isinstance(k, ContextFilter) and not k.empty}
    before = [p for k in filters.values() for p, _ in k.unless_before + k.need_before]
    assert sum(bool(p.flags & regex.REVERSE) for p in before) > 10
    assert sum(w is not None for k in filters.values() for _, w in k.unless_before + k.unless_after) > 10
    # a pattern that needs a Chinese character of its own is looked for where one stands
    assert any(w is not None and "\u3400" in w.source for k in filters.values() for _, w in k.unless_before)
    for source in (r"(?>ab)c", r"a++b", r"(a)\1", r"(?(1)a|b)", r"(*SKIP)a", r"(?r)ab", r"a\Kb", r"(?:\w+\s+){0,2}",
                   r"by\s+(?:\w+\s+)?"):
        assert not reads_backwards([source]), source
    assert reads_backwards([r"(?<![\p{L}])(?:чтобы|чтоб)\s+", r"(?i:chery|чери)\s+", r"feel\s+$"])
    forward = {id(p): regex.compile(p.source, p.flags & ~regex.REVERSE) for p in before}

    def reference(k: ContextFilter, text: str, start: int, end: int) -> bool:
        head, tail = text[max(0, start - 40):start], text[end:end + 40]
        if any(forward[id(p)].search(head) for p, _ in k.unless_before) or any(
                p.match(tail) for p, _ in k.unless_after):
            return False
        if k.need_before or k.need_after:
            return any(forward[id(p)].search(head) for p, _ in k.need_before) or any(
                p.match(tail) for p, _ in k.need_after)
        return True

    rejected = 0
    for text in _open_texts() + _TRICKY + ["лучший подарок за отзыв", "сменить пароль по умолчанию от роутера",
                                           "您的 карта, 付款的 card 你的卡 with a card, 付款 на карту"]:
        words = Draft(text, linter._index).words.text
        for start in range(0, len(words), 2):
            end = min(len(words), start + 4)
            for k in filters.values():
                want = reference(k, words, start, end)
                assert k(words, start, end) == want, (text, start)
                rejected += not want
    assert rejected > 100


def test_a_pattern_tried_where_its_lead_stands_finds_what_a_scan_finds_however_often_the_lead_stands() -> None:
    from ozonlint.matchers.leads import compiled_lead, lead_matches
    from ozonlint.safepattern import SafePattern

    source = r"не\s+(?:возвращайте|оформляйте)\s+(?:\w+\s+){0,2}(?:через|на)\s+(?:озон|сайт)"
    pattern, lead = SafePattern(source, 2), compiled_lead(source, folded=True)
    assert lead is not None
    for text in ("не " * 20 + "не оформляйте возврат на озон, " * 9, "не возвращайте через сайт", "нет", ""):
        assert lead_matches(pattern, lead, text) == [m.span() for m in pattern.finditer(text)]


def test_a_pattern_rule_whose_required_texts_no_plain_draft_holds_skips_a_plain_draft(
        linter: ozonlint.Linter) -> None:
    """language.chinese-punctuation requires "，" and the like: a plain draft holds none of
    them in its text (one with "&#65292;", which decodes to one, is not plain either)."""
    from ozonlint.matchers.pattern import PatternMatcher

    skipping = [r for r in linter.all_rules if isinstance(r.matcher, PatternMatcher) and r.matcher._plain_holds_none]
    assert "language.chinese-punctuation" in {r.id for r in skipping}
    plain = 0
    for text in _texts() + ["Спасибо&#65292; ждём", "Hello%EF%BC%8C", "Привет，мир", "ok"]:
        draft = Draft(text, linter._index)
        if draft.base.plain:
            plain += 1
            for rule in skipping:
                assert not any(required in text for required in rule.matcher.requires), (rule.id, text)
    assert plain > 1000
    assert "language.chinese-punctuation" in {v.rule for v in linter.check("Спасибо，ждём заказ")}


def _merge_and_drop_reference(text: str, violations: list) -> list:
    """_merge_one_phrase then _drop_nested, each walking every finding (the way it was done)."""
    from ozonlint.engine import _one_phrase

    merged: list = []
    latest: Dict[str, int] = {}
    for v in sorted(violations, key=lambda v: (v.start, v.end, v.rule)):
        i = latest.get(v.rule)
        if i is not None and _one_phrase(text, merged[i], v):
            if v.end > merged[i].end:
                merged[i] = merged[i]._replace(end=v.end, end_line=v.end_line, end_column=v.end_column,
                                               match=text[merged[i].start:v.end])
            continue
        latest[v.rule] = len(merged)
        merged.append(v)
    kept: list = []
    reach: Dict[str, tuple] = {}
    for v in sorted(merged, key=lambda v: (v.start, -v.end, v.rule)):
        widest = reach.get(v.category)
        if widest is not None and widest[0] <= v.start and v.end <= widest[1]:
            continue
        if widest is None or v.end > widest[1]:
            reach[v.category] = (v.start, v.end)
        kept.append(v)
    return sorted(kept, key=lambda v: (v.start, v.end, v.rule))


def test_the_engines_shortcuts_give_what_the_whole_way_gives(linter: ozonlint.Linter) -> None:
    """One finding per rule (nothing to merge), per category (none nested, nothing to sort again), a text
    of one line (positions without its line starts): the findings and their places are those of the whole way."""
    from ozonlint.engine import _drop_nested, _merge_one_phrase
    from ozonlint.positions import line_starts, position

    texts = _texts(3000) + ["Пишите в WhatsApp или Telegram @shop_1, WhatsApp +7 916 555-12-34",
                            "Наш сайт shop.ru\r\nзвоните 8 916 555 12 34\n\nили в WhatsApp"]
    checked = 0
    for text in texts:
        found = linter._check(text)
        if not found:
            continue
        checked += 1
        starts = line_starts(text)
        for v in found:
            assert (v.line, v.column, v.end_line, v.end_column) == position(starts, v.start) + position(starts, v.end)
        # the merge and the drop take findings sorted by position, as a check gives them
        assert found == sorted(found, key=lambda v: (v.start, v.end, v.rule))
        assert _drop_nested(_merge_one_phrase(text, list(found))) == _merge_and_drop_reference(text, found[::-1])
    assert checked > 100


def test_the_phone_detector_finds_without_a_digits_view_what_it_finds_with_one(monkeypatch) -> None:
    """A plain draft without number words whose narrow form shows no candidate and no letter
    standing for a digit is answered before its digits view is made: the same numbers as the
    general way (no narrow form: the patterns on the digits view) finds."""
    import random

    import ozonlint
    from ozonlint.matchers import Draft, phone

    linter = ozonlint.Linter(select=["contact.phone"])
    [rule] = linter.rules
    rng = random.Random(16)
    pieces = ["8", "916", "555", "12", "34", "+7", "№", "12345678-0012-1", "тел.", "звоните", "номер", "остальные",
              "o", "l", "з", " ", "-", "(", ")", ".", ",", "заказ", "Ozon", "₽", "2024", "8-916-555-12-34"]
    texts = _texts() + _TRICKY + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(5_000)]
    texts += ["Заказ №12345678-0012-1, звоните 8 916 555-12-34 до 2024 года, тел. 555-12-34",
              "+7 (916) 555 12 34 x 89161234567a 8916123456712345678 no98861211-0780. ок",
              "1234567 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5", "8916555123", "8916555123a"]
    found = [rule.matcher.find(Draft(text, linter._index)) for text in texts]
    monkeypatch.setattr(phone, "digit_classes", lambda draft: None)
    assert [rule.matcher.find(Draft(text, linter._index)) for text in texts] == found
    assert sum(map(bool, found)) > 300


def test_an_english_replys_latin_words_read_on_its_bytes_are_those_of_its_case_folded_text() -> None:
    """The language rule reads a written draft's Latin words (see View.written) on its bytes,
    ASCII letters lowered: the words _LATIN_WORD finds in the case-folded text, as bytes, and
    a case-folded text as long as the bytes."""
    import random

    from ozonlint.matchers import language
    from ozonlint.normalize import _CP1251_CHARS, base_view

    chars = [ch for ch in _CP1251_CHARS if base_view(ch).written is not None]
    assert len(chars) > 150
    rng = random.Random(17)
    texts = chars + _texts() + _TRICKY + ["".join(rng.choice(chars + list("Hello World. Ёж ")) for _ in range(30))
                                          for _ in range(20_000)]
    written = 0
    for text in texts:
        view = base_view(text)
        if view.written is None:
            continue
        written += 1
        folded = text.casefold()
        assert len(folded) == len(view.written), text
        assert language._LATIN_WORD_WRITTEN.findall(view.written.lower()) == [
            word.encode("ascii") for word in language._LATIN_WORD.findall(folded)], text
    assert written > 20_000
