"""Detector ``phone``: phone numbers, however they are written, and not order numbers.

Works on a digits view of the draft: number words (ru, en, zh) become digits
(``восемь девятьсот шестнадцать`` -> ``8 916``) and letters used as digits
between digits become digits (``9O3`` -> ``903``). A candidate is a run of
digits with separators; it is a phone number only when its digits and its
grouping fit a real numbering plan (Russian +7/8, Chinese mobiles and
landlines, any ``+`` international number) or phone words stand right before
it. Ozon posting numbers (``12345678-0012-1``), article codes, barcodes,
tracking codes, dates, sizes and prices do not fit and are not reported.
"""
from __future__ import annotations

import re
from typing import Dict, FrozenSet, List, NamedTuple, Optional, Tuple

import regex

from ..lazyre import lazy, lazy_re
from ..normalize import View, apply_edits, class_sets, rewrite
from ..rulepack import RulePackError, RuleSpec, _string_list
from .base import Draft, Matcher, Span, compile_pattern
from .params import Param

_RU_UNITS = {"ноль": 0, "нуль": 0, "один": 1, "одна": 1, "одно": 1, "два": 2, "две": 2, "три": 3,
             "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9}
_RU_TEENS = {"десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
             "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17,
             "восемнадцать": 18, "девятнадцать": 19}
_RU_TENS = {"двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60,
            "семьдесят": 70, "восемьдесят": 80, "девяносто": 90}
_RU_HUNDREDS = {"сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500,
                "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900}
_EN_UNITS = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9}
_EN_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
             "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}
_ZH_DIGITS = {"零": "0", "〇": "0", "一": "1", "幺": "1", "二": "2", "两": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}

_UNITS = {**_RU_UNITS, **_EN_UNITS}
_TEENS = {**_RU_TEENS, **_EN_TEENS}
_TENS = {**_RU_TENS, **_EN_TENS}
_HUNDREDS = dict(_RU_HUNDREDS)
_REPEAT = {"double": 2, "triple": 3}
_PLUS = {"плюс", "plus"}
_NUMBER_WORDS = sorted(list(_UNITS) + list(_TEENS) + list(_TENS) + list(_HUNDREDS) + list(_REPEAT)
                       + list(_PLUS), key=len, reverse=True)
_WORD_ALT = "(?:" + "|".join(_NUMBER_WORDS) + ")"
# Runs of number words (or digits) separated by spaces, commas or dashes.
_NUMBER_WORD_RUN = lazy(
    r"(?<![\p{L}])" + _WORD_ALT + r"(?:[\s,\-]+(?:" + _WORD_ALT + r"|\d+))*(?![\p{L}])"
)
_ZH_DIGIT_RUN = lazy(r"[零〇一幺二两三四五六七八九](?:[\s\-]*[零〇一幺二两三四五六七八九]){6,}")
# Letters that stand for digits when they sit between digits: 9O3, 8-9l6.
_LETTER_DIGIT = lazy(
    r"(?<=\d[\doоlзiб\s\-().]{0,12})[oоlзiб](?=[\doоlзiб\s\-().]{0,12}\d|[oоlзiб]*(?![\p{L}]))")
# The cheap sign of it (anchored on a digit, so the scan is fast): most replies have none.
# Written as a digit, the longest run (at most 12) of what may stand between
# (without the letters), then a letter: the same drafts have it as have
# [0-9][0-9oоlзiб\s\-().]{0,12}[oоlзiб] (the first letter after a digit ends
# such a run), and the atomic run is not retried shorter at every digit of a
# long number (a third of the sign's cost in a reply with an order number).
_LETTER_DIGIT_HINT = lazy(r"[0-9](?>[0-9\s\-().]{0,12})[oоlзiб]")
# Where the first of them may stand (any decimal digit, as _LETTER_DIGIT's \\d; std
# re's \\s holds regex's): _LETTER_DIGIT, whose look-behind is tried at every
# position, is searched from there (its look-behind still sees what is before).
_LETTER_DIGIT_START = lazy_re(r"\d[\doоlзiб\s\-().]{0,12}[oоlзiб]")
_LETTER_DIGIT_MAP = str.maketrans({"o": "0", "о": "0", "l": "1", "i": "1", "з": "3", "б": "6"})


# A word or a number of a run of number words. (A compiled pattern: regex.findall with a
# source looks it up in the regex module's cache, 4 us at best and 20-40 in a check.)
_RUN_WORD = lazy(r"[\p{L}]+|\d+")


def _words_to_digits(m: "regex.Match[str]") -> str:
    groups: List[str] = []
    value: Optional[int] = None  # the group being built
    repeat = 1
    slots = set()  # which of hundreds/tens/units the current group has

    def close() -> None:
        nonlocal value, slots
        if value is not None:
            groups.append(str(value))
        value, slots = None, set()

    for word in _RUN_WORD.findall(m.group()):
        if word in _PLUS:
            close()
            groups.append("+")
            continue
        if word in _REPEAT:
            close()
            repeat = _REPEAT[word]
            continue
        if word.isdigit():
            # digits finishing a group begun in words: "девятьсот 03" is 903, "сорок 5" is 45
            if value is not None and ((slots == {"h"} and len(word) == 2) or (slots == {"t"} and len(word) == 1)):
                groups.append(f"{value + int(word):0{len(str(value))}d}")
                value, slots = None, set()
                continue
            close()
            groups.append(word)
            continue
        if word in _HUNDREDS:
            close()
            value, slots = _HUNDREDS[word], {"h"}
        elif word in _TENS or word in _TEENS:
            if slots & {"t", "u"}:
                close()
            value = (value or 0) + (_TENS.get(word) or _TEENS[word])
            slots = slots | ({"t"} if word in _TENS else {"t", "u"})
        else:
            digit = _UNITS[word]
            if "u" in slots or digit == 0 or repeat > 1:
                close()
            if repeat > 1 or digit == 0:
                groups.append(str(digit) * repeat)
                repeat = 1
                continue
            value = (value or 0) + digit
            slots = slots | {"u"}
    close()
    out = " ".join(groups).replace("+ ", "+")
    return out


_HAS_DIGIT = lazy(r"\d")
_NUMBER_WORD_SET = frozenset(_NUMBER_WORDS)


def _rewrite_number_words(text: str, present: FrozenSet[str]) -> Tuple[str, List[Tuple[int, int, str]]]:
    """``rewrite(text, _NUMBER_WORD_RUN, _words_to_digits)``, with the run pattern
    tried only where one of the number words ``present`` in the draft stands
    (found by str.find), not at every position: "one" in an English reply made
    that scan the phone detector's largest cost."""
    starts = set()
    for word in present:
        i = text.find(word)
        while i != -1:
            starts.add(i)
            i = text.find(word, i + 1)
    edits = []
    done = 0
    for start in sorted(starts):
        if start < done:
            continue
        m = _NUMBER_WORD_RUN.match(text, start)
        if m is None:
            continue
        done = m.end()
        new = _words_to_digits(m)
        if new != m.group():
            edits.append((m.start(), m.end(), new))
    return apply_edits(text, edits), edits


class DigitSigns(NamedTuple):
    """The signs of a number, read from a plain draft's narrow form (see
    normalize.narrow_form) through one class table: found in the same drafts
    as the patterns they stand for on the base view, at a fraction of the cost."""

    table: bytes
    any_digit: "re.Pattern[bytes]"     # _HAS_DIGIT
    letter_digit: "re.Pattern[bytes]"  # _LETTER_DIGIT_HINT
    candidate: "re.Pattern[bytes]"     # _CANDIDATE_HINT
    card: "re.Pattern[bytes]"          # card._HINT


_digit_signs: List[DigitSigns] = []


def digit_signs() -> DigitSigns:
    """The table and the signs, worked out from the patterns' own classes on first use."""
    if not _digit_signs:
        table, (any_digit, digit, letter_digit_gap, letter_digit, gap, comma, card_gap) = class_sets(_DIGIT_CLASSES)
        _digit_signs.append(DigitSigns(
            table,
            re.compile(b"[%s]" % any_digit),
            re.compile(b"[%s][%s]{0,12}[%s]" % (digit, letter_digit_gap, letter_digit)),
            re.compile(b"[%s](?:(?:[%s]{0,3}|[%s])[%s]){6}" % (digit, gap, comma, digit)),
            re.compile(b"[%s](?:[%s]?[%s]){12}" % (digit, card_gap, digit))))
    return _digit_signs[0]


def digit_classes(draft: Draft) -> Optional[bytes]:
    """The base view's narrow form read through digit_signs' table (once per
    draft), for a plain draft; else None."""
    narrow = draft.base.narrow
    if narrow is None:
        return None
    found = draft.extras.get("digit-classes")
    if found is None:
        found = draft.extras["digit-classes"] = narrow.translate(digit_signs().table)
    return found  # type: ignore[no-any-return]


def plain_without_digit(draft: Draft) -> bool:
    """Whether the draft is plain (see normalize.is_plain) and holds no digit: a
    plain text's only digits are ASCII ones, which folding neither makes nor
    takes, so its base view's narrow form tells for the text as written too."""
    classes = digit_classes(draft)
    return classes is not None and not digit_signs().any_digit.search(classes)


def digits_view(draft: Draft) -> View:
    """The base view with number words and letters-as-digits turned into digits."""
    cached = draft.extras.get("digits")
    if cached is not None:
        return cached
    view = draft.base
    if not draft.tokens.isdisjoint(_NUMBER_WORD_SET):  # (most drafts: no set made)
        view = view.derive(*_rewrite_number_words(view.text, draft.tokens & _NUMBER_WORD_SET))
    if draft.has_han and _ZH_DIGIT_RUN.search(view.text):
        view = view.derive(*rewrite(view.text, _ZH_DIGIT_RUN,
                                    lambda m: "".join(_ZH_DIGITS.get(c, c) for c in m.group())))
    classes = digit_classes(draft) if view is draft.base else None
    if (digit_signs().letter_digit.search(classes) if classes is not None
            else _LETTER_DIGIT_HINT.search(view.text)):
        start = _LETTER_DIGIT_START.search(view.text).start()  # (found: the hint's match is one)
        if _LETTER_DIGIT.search(view.text, start):
            view = View(view.original, _LETTER_DIGIT.sub(lambda m: m.group().translate(_LETTER_DIGIT_MAP),
                                                         view.text, pos=start), view._maps)
    draft.extras["digits"] = view
    return view


# What stands between digit groups: spaces, dashes, dots, brackets, slashes,
# and the marks used only to break a number up for a filter (|, _, *, ~, •, \).
_SEP_CHARS = r"[ \t\-.()\[\]/|_*~•·\\]"
# (module-level, so that their compiled forms are in the compiled-rules cache)
_DIGIT_CLASSES = (lazy(r"\d"), lazy_re("[0-9]"), lazy(r"[0-9\s\-().]"), lazy("[oоlзiб]"), lazy_re(_SEP_CHARS), ",",
                  lazy_re(r"[ \-]"))
_SEP = r"(?:" + _SEP_CHARS + r"{0,3}|,)"  # a comma only alone: "44, 46, 48" is a list
# (A candidate glued to the word before it, "Звоните89165551234" or
# "WhatsApp+79165551234", is a phone only when that word is a phone word.)
_CANDIDATE = lazy(
    r"(?<![\d+])(?:\+\s{0,2})?(?:\(\s?)?\d(?:" + _SEP + r"\d){6,17}(?![\p{L}\d])"
)
_GLUED_PHONE_WORD = lazy_re(
    r"(?:тел\w*|моб\w*|звон\w*|позвон\w*|номер|whatsapp|вотсап\w*|ватсап\w*|viber|вайбер\w*|"
    r"telegram|телеграм\w*|phone|tel|call|mobile|сбп|电话|手机|微信)\Z")
_LETTERS_BEFORE = lazy(r"(?r)\p{L}+")
# Seven digits with separators: what every candidate holds (a fast scan; the
# candidate pattern itself starts with a look-behind, tried at every position).
_CANDIDATE_HINT = lazy_re(r"[0-9](?:" + _SEP + r"[0-9]){6}")  # std re: its classes are ASCII
# The same with any decimal digit (what the candidate pattern's \d is): every
# candidate holds one, and begins at most five characters ("+  ( ") before it,
# so the candidate scan starts there rather than at the draft's start.
_FIRST_DIGITS = lazy_re(r"\d(?:" + _SEP + r"\d){6}")
_MAX_LEAD = 5
_GROUPS = lazy(r"\d+")
# Words that say "this number is something else" when they stand right before it.
_NOT_PHONE_BEFORE = lazy_re(
    r"(?:заказ\w*|отправлени\w*|посылк\w*|артикул\w*|арт|sku|штрих\w*|barcode|ean|трек\w*|"
    r"track\w*|order|posting|parcel|shipment|№|#|инн|огрн|кпп|бик|сч[её]т\w*|р/с|карт\w*|card|"
    r"код\w*|code|серийн\w*|serial|s/n|imei|модел\w*|model|партии|партия|batch|накладн\w*|"
    r"invoice|чек\w*|receipt|id|ид|размер\w*|size)\W{0,3}(?:\w+\W{1,3}){0,2}\Z"
)
# Words that say "this is a phone number" when they stand before it.
_PHONE_BEFORE = lazy_re(
    r"(?:тел\w*|моб\w*|звон\w*|позвон\w*|набер\w*|номер\w*|(?:my|our)\s+number|whats\s?app|вотсап\w*|ватсап\w*|вацап\w*|"
    r"viber|вайбер\w*|telegram|телеграм\w*|phone|call|tel|mobile|cell|contact|сбп|"
    r"电话|手机|热线|联系|微信|связ\w*|смс|sms)\W{0,6}(?:\w+\W{1,3}){0,3}\Z"
)


# A number split in two with words between ("первые цифры 8916, остальные
# 555-12-34", "8 921. Остальные цифры — 407 18 33"): looked for only when the
# draft holds one of the words that join the halves.
_SPLIT_WORDS = frozenset(["остальные", "остальное", "остальных", "дальше", "далее", "затем", "потом",
                          "продолжение", "последние", "последних", "окончание", "rest", "remaining"])
_SPLIT = lazy(
    r"(?<![\d+])(\+?\d[\d \-()]{0,12}\d)[^\d]{1,40}?"
    r"(?:остальн\w*|дальше|далее|затем|потом|продолжени\w*|последни\w*|окончани\w*|rest|remaining)"
    r"[^\d]{0,25}?(\d[\d \-()]{2,14}\d)(?![\d])")


# A town's five- or six-digit number, right after "тел." (too short to be a
# candidate on its own: without the word it is a price, a code or a count).
_SHORT_AFTER_WORD = lazy(r"(?:тел\w*|phone|tel)\.?\s*:?\s*(\d{2,3}(?:[ \-]\d{2,3}){1,2})(?![\d\-])")
_PHONE_WORDS = frozenset(["тел", "телефон", "телефона", "телефону", "phone", "tel"])


def _split_numbers(text: str, has_han: bool) -> List[Tuple[int, int]]:
    """Spans (in ``text``) of phone numbers written in two halves with words between."""
    found = []
    for m in _SPLIT.finditer(text):
        head, tail = m.group(1), m.group(2)
        if classify(head.strip() + " " + tail.strip(), text[max(0, m.start() - 60):m.start()], has_han):
            found.append(m.span())
    return found


# A phone word right before the number: it outweighs an INN or an order word
# further back ("ИНН 7723…, тел. 8 (916)…"); "номер" alone does not ("серийный номер").
_PHONE_WORD_RIGHT_BEFORE = lazy_re(r"(?:тел\w*|(?<!\w)т\.|моб\w*|phone|tel|mobile|звон\w*)\W{0,6}\Z")


def classify(candidate: str, before: str, has_han: bool) -> bool:
    """Whether ``candidate`` (in the digits view) is a phone number, given the text before it.

    The shape is judged first (cheap); the words before the number are read
    only for a candidate whose shape could be a phone."""
    groups = [len(g) for g in _GROUPS.findall(candidate)]
    n = sum(groups)
    if not 7 <= n <= 15:
        return False
    if candidate.lstrip().startswith("+"):
        return n >= 10  # an international number: +7 …, +86 …, +1 …
    if len(groups) > 1 and max(groups) >= 8:
        return False  # a posting number (12345678-0012-1) or a code with a suffix
    seps = {ch for ch in candidate if not (ch.isdigit() or ch.isspace())}
    if seps and seps <= {".", "/"} and len(groups) in (2, 3) and groups[0] <= 4:
        return False  # a date or a version
    if _NOT_PHONE_BEFORE.search(before[-40:]) and not _PHONE_WORD_RIGHT_BEFORE.search(before[-12:]):
        return False  # "заказ №", "артикул", "трек", "SKU" … before it (and no "тел." closer to it)
    digits = "".join(ch for ch in candidate if ch.isdigit())
    if groups == [4, 4] and all(1900 <= int(y) <= 2099 for y in _GROUPS.findall(candidate)):
        return False  # a range of years: "серии 2018–2023", "2008-2013 models"

    def phone_word() -> bool:
        return _PHONE_BEFORE.search(before[-60:]) is not None

    if n == 11 and digits[0] in "78" and digits[1] in "3489":
        return groups[0] in (1, 4, 11) or phone_word()
    if n == 10 and digits[0] == "9":
        return groups in ([3, 3, 2, 2], [3, 3, 4], [3, 7], [3, 2, 2, 3]) or phone_word()
    if n == 11 and digits[0] == "1" and digits[1] in "3456789":
        return groups in ([3, 4, 4], [3, 8]) or (has_han and groups == [11]) or phone_word()
    if digits[0] == "0" and 10 <= n <= 12 and groups[0] in (3, 4) and len(groups) <= 3:
        return True  # Chinese landline with area code: 0755-2688 1234
    if n <= 12 and len(groups) >= 2 and max(groups) <= 4:
        return phone_word()  # a city number right after "звоните", "тел.", …
    return False


def number_key(number: str) -> str:
    """The digits that name a number however it is written: a Russian number
    without its trunk prefix (+7 495 … and 8 495 … are one number)."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return digits[1:] if len(digits) == 11 and digits[0] in "78" else digits


class PhoneMatcher(Matcher):
    PARAMS = (Param("unless_preceded_by", "texts", [], "Patterns before a number that make it not a phone."),
              Param("allow_numbers", "term-set", {},
                    "Numbers (terms or vocab) that are not reported, however written: Ozon's own lines."))

    def __init__(self, spec: RuleSpec, vocabularies: Dict[str, List[str]]) -> None:
        extra = _string_list(spec.params.get("unless_preceded_by", []), spec.path,
                             spec.line_of("unless_preceded_by"), "unless_preceded_by")
        self.unless = [compile_pattern(f"(?:{p})\\W{{0,3}}\\Z", spec, "unless_preceded_by") for p in extra]
        self.allowed = frozenset(number_key(n) for n in _allowed_numbers(spec, vocabularies))

    def find(self, draft: Draft) -> List[Span]:
        base = draft.base.text
        classes = digit_classes(draft)
        tokens = draft.tokens
        if classes is not None:  # a plain draft: no Chinese
            if tokens.isdisjoint(_NUMBER_WORD_SET):
                signs = digit_signs()
                if not signs.any_digit.search(classes):
                    return []
                # its digits view is its base view unless a letter stands for a digit: without
                # that, no candidate there, no split number and no short one after a phone word
                # is none at all (most replies with a digit: an order's number, a date, a
                # price), told without making the view
                if not (signs.candidate.search(classes) or signs.letter_digit.search(classes)) \
                        and tokens.isdisjoint(_SPLIT_WORDS) and tokens.isdisjoint(_PHONE_WORDS):
                    return []
        elif not _HAS_DIGIT.search(base) and tokens.isdisjoint(_NUMBER_WORD_SET) \
                and not (draft.has_han and _ZH_DIGIT_RUN.search(base)):
            return []
        view = digits_view(draft)
        text = view.text
        spans: List[Tuple[int, int]] = []
        if not draft.tokens.isdisjoint(_SPLIT_WORDS):
            spans.extend(view.span(s, e) for s, e in _split_numbers(text, draft.has_han))
        if not draft.tokens.isdisjoint(_PHONE_WORDS):
            spans.extend(view.span(*m.span(1)) for m in _SHORT_AFTER_WORD.finditer(text)
                         if 5 <= sum(ch.isdigit() for ch in m.group(1)) <= 6)
        if classes is not None and view is draft.base:  # (its narrow form's positions are the text's)
            signs = digit_signs()
            hint = signs.candidate.search(classes)
            if hint is None:
                return spans
            # A candidate, and any try of the pattern that succeeds, ends with seven digits that
            # the sign matches, so none ends past the last end of the sign's matches (the first
            # match in the classes reversed: the sign reads the same backwards); the scan stops
            # right after it (its look-ahead reads that character), not at the text's end
            first, last_end = hint.start(), len(classes) - signs.candidate.search(classes[::-1]).start()
        else:
            if not _CANDIDATE_HINT.search(text):
                return spans
            first, last_end = _FIRST_DIGITS.search(text).start(), len(text)  # (found: the hint's match is one)
        for m in _CANDIDATE.finditer(text, max(0, first - _MAX_LEAD), last_end + 1):
            start, end = m.span()
            if start and text[start - 1].isalpha():
                word = _LETTERS_BEFORE.search(text, max(0, start - 30), start)
                if word is None or not _GLUED_PHONE_WORD.search(word.group()):
                    continue  # a code or a model number glued to its letters: "AB1234567"
            if text[start] == "(" and ")" not in m.group():
                start += 1
            before = text[max(0, start - 60):start]
            if any(p.search(before) for p in self.unless):
                continue
            if classify(text[start:end], before, draft.has_han) and number_key(text[start:end]) not in self.allowed:
                spans.append(view.span(start, end))
        return spans


def _allowed_numbers(spec: RuleSpec, vocabularies: Dict[str, List[str]]) -> List[str]:
    """The numbers of the rule's ``allow_numbers`` (its terms and the vocabularies it names)."""
    params = spec.params.get("allow_numbers") or {}
    line = spec.line_of("allow_numbers")
    numbers = _string_list(params.get("terms", []), spec.path, line, "allow_numbers.terms")
    for name in _string_list(params.get("vocab", []), spec.path, line, "allow_numbers.vocab"):
        if name not in vocabularies:
            raise RulePackError(spec.path, line, f"rule {spec.id}: unknown vocabulary {name!r}")
        numbers.extend(vocabularies[name])
    short = [n for n in numbers if len(number_key(n)) < 7]
    if short:
        raise RulePackError(spec.path, line, f"rule {spec.id}: {short[0]!r} in 'allow_numbers' is not a phone number")
    return numbers
