"""Detector ``email``: e-mail addresses, including ``at``/``dot``/``собака``/``точка`` spellings."""
from __future__ import annotations

from typing import Dict, List

from ..lazyre import lazy, lazy_re
from ..normalize import rewrite
from ..rulepack import RuleSpec, _string_list
from .base import Draft, Matcher, Span
from .params import Param
from .url import dotted_view

PROVIDERS = ("gmail|googlemail|mail|yandex|ya|bk|inbox|list|rambler|outlook|hotmail|live|yahoo|"
             "icloud|me|proton|protonmail|qq|163|126|sina|sohu|foxmail|aliyun|ukr|tut|gmx|aol|zoho")
# A country code (any two letters) or a generic top-level domain that is in use:
# "love@first.sight" and "coffee@work.always" printed on a mug are no addresses.
# Not url.TLDS: an address tolerates spaces around its dots, so a word of prose
# after a full stop must not pass for a domain ("Telegram @sale811. Best regards").
_TLD = (r"(?:com|net|org|info|biz|edu|gov|name|pro|shop|store|online|site|website|xyz|top|club|app|dev|tech|"
        r"space|fun|live|life|world|today|email|mobi|asia|travel|cloud|digital|company|group|agency|center|"
        r"network|studio|design|media|news|blog|market|moscow|tatar|[a-z]{2}|рф|рус|онлайн|сайт)")
# A spelled-out address ends in a common top-level domain: with any two letters
# after a dot, "nothing at all. Regards" and "at checkout. No" would be addresses.
_SPELLED_TLD = r"(?:ru|ру|com|net|org|su|рф|рус|shop|store|online|info|biz|cn|by|kz|ua|uz|io|de|tr|am|kg|az)"
_AT_SPELLED = (r"(?:\(\s*(?:at|собака|эт)\s*\)|\[\s*(?:at|собака|эт)\s*\]|\{\s*(?:at|собака)\s*\}|<\s*at\s*>"
               r"|(?<![\p{L}])(?:at|собака|собачка|эт)(?![\p{L}]))")
# (in brackets also in the other languages sellers write in: Turkish "nokta", German "punkt",
# Kazakh "нүкте", Uzbek "nuqta")
_DOT_SPELLED = (r"(?:\(\s*(?:dot|точка|nokta|punkt|нүкте|nuqta|\.)\s*\)|\[\s*(?:dot|точка|nokta|punkt|\.)\s*\]"
                r"|\{\s*dot\s*\}|(?<![\p{L}])(?:dot|точка|тчк)(?![\p{L}]))")
_LOCAL = r"[a-z0-9][a-z0-9._+\-]{0,63}"
_PATTERNS = [
    # plain address: name@host.tld (spaces around @ and dots tolerated)
    lazy(r"(?<![\w.+\-])" + _LOCAL + r"\s?@\s?[\w\-]+(?:\s?\.\s?[\w\-]+)*\s?\.\s?" + _TLD
                  + r"(?![\w\-])"),
    # name@provider with the domain left out: shop@gmail, shop@mail
    lazy(r"(?<![\w.+\-])" + _LOCAL + r"\s?@\s?(?:" + PROVIDERS + r")(?![\w@])"),
    # spelled out: name (at) host (dot) tld, name собака mail точка ru
    lazy(r"(?<![\w.+\-])" + _LOCAL + r"\s*" + _AT_SPELLED + r"\s*[a-z0-9][\w\-]*(?:\s*(?:\.|"
                  + _DOT_SPELLED + r")\s*[a-z0-9][\w\-]*)*\s*(?:\.|" + _DOT_SPELLED + r")\s*" + _SPELLED_TLD
                  + r"(?![\w])"),
    # name собака mail (domain a known provider, no dot)
    lazy(r"(?<![\w.+\-])" + _LOCAL + r"\s*" + _AT_SPELLED + r"\s*(?:" + PROVIDERS + r")(?![\w@])"),
]
# "at"/"собака" followed by a host and a dot (real or spelled) or a mail provider:
# the cheap sign of a spelled-out address ("meet at home" is not one).
_AT_WORDS = frozenset(("at", "эт", "собака", "собачка"))
_SPELLED_AT = lazy_re(
    r"(?<![^\W\d_])(?:at|эт|собака|собачка)(?![^\W\d_])\W{0,3}[a-z0-9][\w\-]*\W{0,3}"
    r"(?:\.|dot|точк|тчк|\(\s*(?:nokta|punkt|нүкте|nuqta)|\[\s*(?:nokta|punkt)|" + PROVIDERS + r")")
# Five or more single characters separated by single spaces: "s h o p @ m a i l . r u".
_SPACED_CHARS = lazy(r"(?<!\S)\S(?: \S(?!\S)){4,}")


# Where the domain of a found address starts: after "@" or a spelled "at".
_AT = lazy(r"@|＠|" + _AT_SPELLED)
_SPELLED_DOT = lazy(r"\s*(?:" + _DOT_SPELLED + r")\s*|\s*\.\s*")


class EmailMatcher(Matcher):
    PARAMS = (Param("allow_domains", "texts", [], "Domains whose addresses are not reported (ozon.ru)."),)

    def __init__(self, spec: RuleSpec, vocabularies: Dict[str, List[str]]) -> None:
        domains = _string_list(spec.params.get("allow_domains", []), spec.path,
                               spec.line_of("allow_domains"), "allow_domains")
        self.allow = tuple(d.lower().strip(".") for d in domains)

    def _allowed(self, address: str) -> bool:
        """Whether the address is at an allowed domain: "return at ozon.ru" is the
        way back to Ozon, and Ozon's own addresses are not a seller's contact."""
        at = _AT.search(address)
        if at is None or not self.allow:
            return False
        host = _SPELLED_DOT.sub(".", address[at.end():]).strip(" .")
        return any(host == d or host.endswith("." + d) for d in self.allow)

    def find(self, draft: Draft) -> List[Span]:
        text = draft.base.text
        if "@" not in text and "＠" not in text and not (
                not draft.tokens.isdisjoint(_AT_WORDS) and _SPELLED_AT.search(text)):
            return []
        view = dotted_view(draft.base)
        text = view.text
        if _SPACED_CHARS.search(text):
            view = view.derive(*rewrite(text, _SPACED_CHARS, lambda m: m.group().replace(" ", "")))
            text = view.text
        spans = set()
        # the first two need an "@", the spelled ones a word "at" / "собака"
        spelled = not draft.tokens.isdisjoint(_AT_WORDS)
        for pattern in (_PATTERNS if spelled else _PATTERNS[:2]) if "@" in text else _PATTERNS[2:]:
            spans.update(m.span() for m in pattern.finditer(text))
        # keep the longest of overlapping matches
        result: List[Span] = []
        for s, e in sorted(spans, key=lambda se: (se[0], -se[1])):
            if result and s < result[-1][1]:
                continue
            result.append((s, e))
        return [view.span(s, e) for s, e in result if not self._allowed(text[s:e])]
