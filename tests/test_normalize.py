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
