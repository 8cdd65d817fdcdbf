"""Detector ``card``: payment card numbers (13-19 digits that pass the Luhn check)."""
from __future__ import annotations

from typing import Dict, List

import regex

from ..lazyre import lazy, lazy_re
from ..rulepack import RuleSpec
from .base import Draft, Matcher, Span
from .phone import digit_classes, digit_signs

_CANDIDATE = lazy(r"(?<![\p{L}\d])\d(?:[ \-]?\d){12,18}(?![\p{L}\d])")
# What every candidate holds; anchored on a digit, so the scan is fast (the
# base view has only ASCII digits, and [0-9] is cheaper to test than \d, with std re cheaper still).
_HINT = lazy_re(r"[0-9](?:[ \-]?[0-9]){12}")
# "на карту 2202 …": a card context makes a 16-digit group of fours a card even if mistyped.
_CARD_WORD = lazy(r"(?:карт\w*|card|卡号?|сбер\w*|тинькофф|мир|visa|mastercard)\W{0,5}(?:\w+\W{1,3}){0,2}\Z")
_FOURS = lazy(r"\d{4}([ \-]?)\d{4}\1\d{4}\1\d{4}")
# Words that say "this number is something else" right before it.
_NOT_CARD_BEFORE = lazy(r"(?:imei|serial|серийн\w*|s/n|штрих\w*|barcode|ean|трек\w*|tracking)"
                        r"\W{0,3}(?:\w+\W{1,3}){0,3}\Z")
# How card numbers are written: groups of four (the last may be shorter),
# Amex's 4-6-5, or one solid run of 15-16 digits. A posting number
# (12345678-0012-1) or a 13-digit barcode is none of these.
_CARD_SHAPE = lazy(r"\d{4}(?:[ \-]\d{4}){2,3}(?:[ \-]\d{1,4})?|\d{4}[ \-]\d{6}[ \-]\d{4,5}|\d{15,16}")


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


class CardMatcher(Matcher):
    PARAMS = ()

    def __init__(self, spec: RuleSpec, vocabularies: Dict[str, List[str]]) -> None:
        pass

    def find(self, draft: Draft) -> List[Span]:
        view = draft.base
        text = view.text
        classes = digit_classes(draft)
        if not (digit_signs().card.search(classes) if classes is not None else _HINT.search(text)):
            return []  # no 13 digits in a row: no card number
        spans = []
        for m in _CANDIDATE.finditer(text):
            candidate = m.group()
            digits = regex.sub(r"\D", "", candidate)
            if not _CARD_SHAPE.fullmatch(candidate):
                continue
            if len(digits) == 15 and candidate == digits and digits[:2] not in ("34", "37"):
                continue  # a solid 15-digit run is an IMEI or a serial unless it is Amex (34/37)
            if _NOT_CARD_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
                continue
            if luhn_valid(digits) or (_FOURS.fullmatch(candidate)
                                      and _CARD_WORD.search(text[max(0, m.start() - 40):m.start()])):
                spans.append(view.span(*m.span()))
        return spans
