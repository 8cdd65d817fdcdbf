"""The normalised views and their offset maps."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ozonlint.normalize import OffsetMap, base_view, words_view


@pytest.mark.parametrize("text, base", [
    ("WhatsApp", "whatsapp"),
    ("WhаtsApp", "whatsapp"),                # Cyrillic а inside a Latin word
    ("Teлеграм", "телеграм"),                # Latin T, e inside a Cyrillic word
    ("ＷｈａｔｓＡｐｐ", "whatsapp"),          # fullwidth
    ("What\u200bs\u00adApp", "whatsapp"),      # zero-width space, soft hyphen
    ("Ёлка", "елка"),
    ("８９１６", "8916"),
    ("𝟖𝟗𝟏𝟔", "8916"),                         # mathematical bold digits
    ("Straße", "strasse"),                   # case folding that changes length
    ("W\u0336h\u0336a\u0336t\u0336s", "whats"),  # strike-through combining marks
    ("обычный текст", "обычный текст"),
    ("&#87;hats&#x41;pp &amp;", "whatsapp &"),  # HTML character references
    ("ᴡʜᴀᴛsᴀᴘᴘ", "whatsapp"),                  # small capitals
    ("🆆🅷🅰🆃🆂🅰🅿🅿", "whatsapp"),               # negative squared letters
    ("⒲⒣⒜", "wha"),                           # parenthesised letters: a letter, not "(w)"
    ("ᏔᎻᎪᎢᏚᎪᏢᏢ", "whatsapp"),                  # Cherokee look-alikes
    ("a\vb\x85c\u2028d", "a b c d"),          # separators that are not invisible
    ("тел\u200b8916", "тел 8916"),              # an invisible split between a word and a number
    ("8\u200b916", "8916"),
    ("➕v", "+v"),
    ("%57hats%41pp", "whatsapp"),              # percent-encoding
    ("10%ab", "10%ab"),                        # a percent sign before letters that do not decode to text
    ("\\u0057hatsapp", "whatsapp"),            # an escape written out
    ("8・916‧555", "8·916·555"),                # middle dots
])
def test_base_view(text: str, base: str) -> None:
    view = base_view(text)
    assert view.text == base
    assert view.span(0, len(view.text)) == (0, len(text))


@pytest.mark.parametrize("text, words", [
    ("W h a t s A p p", "whatsapp"),
    ("в.а.т.с.а.п", "ватсап"),
    ("т-е-л-е-г-а", "телега"),
    ("wh@ts@pp", "whatsapp"),
    ("v1ber", "viber"),
    ("в W h a t s A p p", "в whatsapp"),     # the preposition stays a word
    ("в т.е.л.е.г.у", "в телегу"),
    ("и т.д.", "и т.д."),                      # two letters: not joined
    ("shop@mail.ru", "shopamail.ru"),        # the words view is for terms only
    ("в т е л е г р а м", "в телеграм"),     # "в" before a consonant is the preposition
    ("в t e l e g r a m", "в telegram"),
    ("в а т с а п", "ватсап"),               # before a vowel it begins the name
    ("в т е л е г у к нам", "в телегу к нам"),  # a last "к" before "нам" is the preposition too
    ("ф е й с б у к, пишите", "фейсбук, пишите"),  # a last "к" before any other word is a letter
    ("W-h_a.t s A p p", "whatsapp"),         # single separators that differ
    ("W h a t s A p p, V i b e r", "whatsapp, viber"),  # a list stays a list
    ("what'sapp", "whatsapp"),               # an apostrophe inside a word
    ("теле/грам", "теле грам"),              # a slash inside a word splits it
    ("whatsappсейчас", "whatsapp сейчас"),   # two words glued, each in its own script
    ("whаtsapp", "whatsapp"),                # a look-alike letter is not a glued word
    ("w h  a t   s", "whats"),                # spaces of uneven width
    ("т\nе\nл\nе", "теле"),                   # one letter a line
])
def test_words_view(text: str, words: str) -> None:
    assert words_view(base_view(text)).text == words


def test_span_of_joined_letters_covers_the_original() -> None:
    text = "Пишите: W h a t s A p p!"
    view = words_view(base_view(text))
    start = view.text.index("whatsapp")
    s, e = view.span(start, start + len("whatsapp"))
    assert text[s:e] == "W h a t s A p p"


def test_offset_map_inside_a_replacement_covers_its_whole_source() -> None:
    m = OffsetMap([(2, 3, "ss")])          # "aaßbb" -> "aassbb"
    assert (m.start(2), m.end(3)) == (2, 3)  # half of "ss" is still all of "ß"
    assert (m.start(4), m.end(6)) == (3, 5)
    assert (m.start(0), m.end(2)) == (0, 2)


ALPHABET = st.sampled_from(list(
    "aAbBcCwWhHtTsSpPoO0123 .-_@"
    "аАвВеЕкКмМнНоОрРсСтТхХёЁйЙ"
    "ßﬁ８９ＷＡ𝟖İ"
    "\u200b\u200c\u200d\u00ad\u2060\ufeff\u0301\u0336\u20e3\ufe0f"
    "微信中文"
    "🙂👍🏽\n\t"
    "\x0b\x85\u2028&#;x7'/|*ᴡᴀ🅦🇼⒲Ꮃ。сейчдл%5\\u"
))


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join), st.data())
def test_every_view_span_maps_inside_the_original(text: str, data) -> None:
    for view in (base_view(text), words_view(base_view(text))):
        n = len(view.text)
        a = data.draw(st.integers(0, n))
        b = data.draw(st.integers(a, n))
        s, e = view.span(a, b)
        assert 0 <= s <= e <= len(text)
        # monotonic: a later start never maps before an earlier one
        s2, _ = view.span(b, n)
        assert s2 >= s


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80))
def test_views_never_fail_on_any_text(text: str) -> None:
    view = words_view(base_view(text))
    assert view.span(0, len(view.text))[1] <= len(text)


def test_clean_text_has_identity_map() -> None:
    text = "Здравствуйте! Заказ 27450913-0002-1 отправлен."
    view = words_view(base_view(text))
    assert len(view.text) == len(text)
    assert view.span(5, 12) == (5, 12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["&#87;", "&#x57;", "&amp;", "&", "#", "8", "w", "h", "a", "т", "е", "л",
                                 " ", "'", "/", "-", "_", ".", "\u200b", "ᴡ", "сейчас", "app", "в"]),
                max_size=30).map("".join))
def test_spans_of_disguise_rewrites_cover_their_source(text: str) -> None:
    """Every character of a view comes from somewhere in the original, in order,
    and a span over the whole view is the whole original."""
    import html
    import re
    import unicodedata

    # what the views drop: invisible characters, written as such or as a reference, and a
    # reference to a character HTML does not allow ("&#8" decodes to nothing)
    dropped = any(unicodedata.category(c) in ("Cc", "Cf") and c not in "\t\n\r" for c in html.unescape(text)) \
        or any(html.unescape(ref) == "" for ref in re.findall(r"&#\d+;?|&#[xX][0-9a-fA-F]+;?", text))
    for view in (base_view(text), words_view(base_view(text))):
        if view.text and not dropped:  # nothing dropped: the whole view is the whole text
            assert view.span(0, len(view.text)) == (0, len(text))
        previous = 0
        for i in range(len(view.text) + 1):
            s, _ = view.span(i, i)
            assert previous <= s <= len(text)
            previous = s


def test_script_blocks_hold_every_letter_of_their_scripts() -> None:
    """_mixes_scripts looks only around runs of these blocks: a letter of the
    script outside them would be a switch it cannot see."""
    import re

    import regex

    from ozonlint import normalize

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for script, blocks in (("Latin", normalize._LATIN_BLOCKS), ("Greek", normalize._GREEK_BLOCKS),
                           ("Cyrillic", normalize._CYRILLIC_BLOCKS)):
        letters = "".join(regex.findall(r"\p{%s}" % script, every))
        outside = re.sub("[" + blocks + "]", "", letters)
        assert outside == "", f"{script} letters outside the blocks: {[hex(ord(c)) for c in outside[:10]]}"


_SCRIPT_SAMPLES = ["Пишите в WhatsApp", "Пишите в WhаtsApp", "Teлеграм", "ok", "πρόσφορά", "Сбер σ",
                   "zаказ 您好 Ozon", "您好，请加微信", "Hello Анна, order 12", "Hellо Anna", "шоп.ru магазинσ",
                   "ǅабвг", "ℌello", "Ⅻа", "", "a", "я"]


@given(st.lists(st.sampled_from(_SCRIPT_SAMPLES + ["а", "a", "σ", " ", "。", "-", "1"]), max_size=12))
@settings(max_examples=300, deadline=None)
def test_mixes_scripts_agrees_with_the_full_scan(parts) -> None:
    from ozonlint import normalize

    text = "".join(parts)
    assert normalize._mixes_scripts(text) == (normalize._SCRIPT_SWITCH.search(text) is not None)


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x2000), max_size=40))
@settings(max_examples=300, deadline=None)
def test_mixes_scripts_agrees_with_the_full_scan_on_any_text(text: str) -> None:
    from ozonlint import normalize

    assert normalize._mixes_scripts(text) == (normalize._SCRIPT_SWITCH.search(text) is not None)


@given(st.lists(st.sampled_from(list("aZя ,.") + ["\u0301", "\u0336", "\ufe0f", "，", "。", "汉", "ﬁ",
                                                   "①", "Ａ", "№", "\u200b", "é", "e\u0301", "🙂", "！", "：",
                                                   "、", "（", "）", "【", "〜", "\u3000", "ｚ", "\u302a"]),
                max_size=30))
@settings(max_examples=300, deadline=None)
def test_nfkc_runs_give_the_edits_of_the_full_scan(parts) -> None:
    from ozonlint import normalize

    text = "".join(parts)
    assert normalize._nfkc_clusters(text) == normalize.rewrite(text, normalize._CLUSTER, normalize._nfkc)



def test_chinese_punctuation_read_a_character_a_cluster_holds_no_mark() -> None:
    """_nfkc_clusters reads a run of Chinese punctuation a character a cluster: none of it is a
    combining mark (which would join the character before it), and each is its own NFKC."""
    import unicodedata

    from ozonlint import normalize

    for ch, new in normalize._CHINESE_PUNCTUATION_NFKC.items():
        assert not unicodedata.category(ch).startswith("M"), ch
        assert normalize._CLUSTER.fullmatch(ch) or ch == new, ch
        assert unicodedata.normalize("NFKC", ch) == new
    text = "亲，好评返现２元！加微信：ｗｘ１２３、【店铺】（谢谢）。\u3000Ｏｋ〜"
    assert normalize._nfkc_clusters(text) == normalize.rewrite(text, normalize._CLUSTER, normalize._nfkc)
