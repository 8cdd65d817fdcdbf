"""Detector ``url``: links and bare domains, except the allow-listed ones (Ozon's own).

A domain is allowed when it is an allow-listed domain or a subdomain of one:
``seller.ozon.ru`` is Ozon, ``ozon.ru.promo-club.com`` and ``ozon-sale.ru`` are not.
"""
from __future__ import annotations

import re
from typing import Dict, List, Tuple

import regex

from ..lazyre import lazy, lazy_re
from ..normalize import View, class_sets, rewrite
from ..rulepack import RulePackError, RuleSpec, _string_list
from .base import Draft, Matcher, Span
from .params import Param

TLDS = ("ru|рф|su|com|net|org|info|biz|pro|shop|store|online|site|top|xyz|club|app|link|cn|by|kz|"
        "uz|ua|kg|am|ge|az|io|co|cc|me|tv|ly|gl|gg|de|uk|us|eu|ws|vip|live|life|space|website|tech|"
        "fun|ink|ltd|cloud|page|market|sale|moscow|москва|рус|дети|онлайн|сайт|hk|tw|jp|kr|tr|to|"
        "in|ms|su|lt|lv|ee|pl|cz|fr|it|es|nl|ch|at|be|ca|au|one|best|icu|buzz|work|mobi|asia|"
        "xn--p1ai|goo|bit|help|zone|support|chat|email|world|group|center|company|services|delivery|team")
_HOST_LABEL = r"[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?"
_URL = lazy(
    r"(?:(?:https?|ftp)://|www\.)[^\s<>\"'«»]+"
    r"|(?<![\p{L}\p{N}@.\-/_])(?:" + _HOST_LABEL + r"\.)+(?:" + TLDS + r")(?![\p{L}\p{N}\-])"
    r"(?::\d{2,5})?(?:/[^\s<>\"'«»]*)?",
)
# A top-level domain right after a dot that follows a letter or digit: the
# cheap sign that a draft may hold a domain at all (std re: it jumps from dot
# to dot, faster than walking the dots in Python).
_TLD_SET = frozenset(TLDS.split("|"))
_TLD_ORDER = sorted(_TLD_SET, key=lambda tld: (-len(tld), tld))  # not the set's order: it differs between processes
# (Every top-level domain starts with a letter: the look-ahead turns a sentence's
# full stop away before the alternation of domains is tried there.)
_DOT_TLD_SOURCE = r"\.(?<=[^\W_]\.)(?=[^\W\d_])(?:" + "|".join(_TLD_ORDER) + r")(?![^\W_]|-)"
# "santeh-pro точка ru", "shop dot com": a domain with its dot spelled out.
_SPELLED_DOMAIN = lazy(
    r"(?<![\p{L}\p{N}@])[\p{L}\p{N}][\p{L}\p{N}\-]*\s*[(\[]?\s*(?:точка|dot|тчк)\s*[)\]]?\s*"
    r"(?:ru|ру|com|ком|net|org|рф|su|shop|store|online|info|biz|cn)(?![\p{L}\p{N}])")
_SPELLED_TLD = lazy_re(r"(?:точка|dot|тчк)[)\]]?\s*(?:ru|ру|com|ком|net|org|рф|su|shop|store|online|info|biz|cn)"
                          r"(?![^\W_])")
# What such a domain's host is made of: the spelled dot, and the spaces (compiled
# patterns: regex.sub with a source looks it up in the regex module's cache, slowly).
_SPELLED_DOT = lazy(r"\W*(?:точка|dot|тчк)\W*")
_SPACES_RUN = lazy(r"\s+")
# A domain with spaces around its dots or dashes, to slip past link filters:
# "kovry - opt . ru", "shop . com" (a space before a dot is no typo there).
_SPACED_DOMAIN = lazy(
    r"(?<![\p{L}\p{N}@.\-])[a-z0-9][a-z0-9\-]*(?:\s*-\s*[a-z0-9]+)*\s+\.\s*"
    r"(?:ru|com|net|org|su|shop|store|online|info|biz|cn|by|kz)(?![\p{L}\p{N}\-])")
_HOST = lazy(r"^(?:(?:https?|ftp)://)?([^/:?#\s]+)")
# A dot written so that a link filter misses it: the ideographic full stop
# between Latin letters or digits ("shop。ru"; "｡" is one after NFKC) and a
# bracketed dot ("shop[.]ru", "shop(.)ru", "shop{.}ru").
_SHORT_TLDS = r"(?:ru|com|net|org|su|рф|shop|store|online|info|biz|cn|by|kz)(?![\p{L}\p{N}\-])"
_DISGUISED_DOT = lazy(
    r"(?<=[a-z0-9])(?:。|\s?[\[({]\s?\.\s?[\])}]\s?)(?=[a-z0-9])"
    r"|(?<=[a-z0-9])(?:\s?[·•]\s?|,)(?=" + _SHORT_TLDS + r")"
    # after "www", spaces stand for the dots: "www sunny-shop ru"
    r"|(?<=(?<![\p{L}\p{N}])www)\s+(?=[a-z0-9])"
    r"|(?<=(?<![\p{L}\p{N}])www[\s.]+[a-z0-9][a-z0-9\-]{0,62})\s+(?=" + _SHORT_TLDS + r")")

# The cheap signs of _DISGUISED_DOT (std re, each starting with a literal,
# which std re jumps to): commas are everywhere, a comma right before a
# top-level domain is not.
_BRACKET_DOT = lazy_re(r"\.(?:(?<=[\[({]\.)|(?<=[\[({]\s\.))")
_COMMA_TLD = lazy_re(r",(?<=[a-z0-9],)(?:ru|com|net|org|su|рф|shop|store|online|info|biz|cn|by|kz)(?![^\W_]|-)")


def dotted_view(view: View) -> View:
    """``view`` with disguised dots written as dots (see _DISGUISED_DOT; a
    middle dot or bullet counts before a top-level domain: "shop • ru")."""
    text = view.text
    narrow = view.narrow  # (a plain draft's base view: its narrow form is scanned faster, and has no "。")
    if not (((_MIDDLE_DOT in narrow or _BULLET in narrow or b"www" in narrow) if narrow is not None
             else ("。" in text or "·" in text or "•" in text or "www" in text))
            or _COMMA_TLD.search(text)
            or ("(" in text or "[" in text or "{" in text) and _BRACKET_DOT.search(text)):
        return view
    return view.derive(*rewrite(text, _DISGUISED_DOT, lambda m: "."))


# Those of the characters looked for in a view's text that are not ASCII, in its narrow form
# (see normalize.narrow_form: a plain draft's text in code page 1251)
_MIDDLE_DOT, _BULLET, _DOT_WORD, _DOT_ABBREVIATION = (word.encode("cp1251") for word in ("·", "•", "точк", "тчк"))


_TRAILING = ".,;:!?)]}»\"'"
# Where a link may be: no link holds a space, and every one holds "://", "www."
# or a dot before a top-level domain; the link pattern runs only on the runs
# of non-space characters around those (its look-behind at every position of
# a whole reply is what a link check costs).
_LINK_SIGN = lazy_re(r"://|www\.|" + _DOT_TLD_SOURCE)
_SPACES = " \n\t\r\f\v"  # characters that are \s for every engine: a run is cut only there


def _link_chunks(text: str) -> List[Tuple[int, int]]:
    chunks: List[Tuple[int, int]] = []
    end = -1
    size = len(text)
    for m in _LINK_SIGN.finditer(text):
        if m.start() < end:
            continue  # in the run already taken
        start = m.start()
        while start and text[start - 1] not in _SPACES:
            start -= 1
        end = m.end()
        while end < size and text[end] not in _SPACES:
            end += 1
        chunks.append((start, end))
    return chunks


# What _LINK_SIGN's dot before a top-level domain needs, a dot between a letter or
# digit and a letter, in a plain draft's narrow form (see normalize.narrow_form):
# a table of those classes and a search that starts at the dot, where _LINK_SIGN
# scans the whole reply ("://" and "www." are looked for as they are).
_link_dot: List[Tuple[bytes, "re.Pattern[bytes]"]] = []


_LINK_CLASSES = (lazy_re(r"[^\W_]"), ".", lazy_re(r"[^\W\d_]"))  # (module-level: see phone._DIGIT_CLASSES)


def _may_hold_link(view: View) -> bool:
    """Whether _LINK_SIGN may find something in the view (False: it finds nothing;
    told apart without a scan for a plain draft's base view)."""
    narrow = view.narrow
    if narrow is None or b"://" in narrow or b"www." in narrow:
        return True
    if not _link_dot:
        table, (alnum, dot, letter) = class_sets(_LINK_CLASSES)
        _link_dot.append((table, re.compile(b"%s(?<=[%s]%s)[%s]" % (dot, alnum, dot, letter))))
    table, dot = _link_dot[0]
    return dot.search(view.narrow.translate(table)) is not None


class UrlMatcher(Matcher):
    PARAMS = (Param("allow_domains", "texts", [], "Domains (and their subdomains) whose links are not reported."),)

    def __init__(self, spec: RuleSpec, vocabularies: Dict[str, List[str]]) -> None:
        domains = _string_list(spec.params.get("allow_domains", []), spec.path,
                               spec.line_of("allow_domains"), "allow_domains")
        self.allow = tuple(d.lower().strip(".") for d in domains)
        for d in self.allow:
            if not regex.fullmatch(r"[\p{L}\p{N}\-.]+", d):
                raise RulePackError(spec.path, spec.line_of("allow_domains"),
                                    f"rule {spec.id}: {d!r} is not a domain name")

    def allowed(self, host: str) -> bool:
        host = host.lower().strip(".")
        if host.startswith("www."):
            host = host[4:]
        return any(host == d or host.endswith("." + d) for d in self.allow)

    def find(self, draft: Draft) -> List[Span]:
        view = dotted_view(draft.base)
        text = view.text
        spans = []
        narrow = view.narrow
        if ((_DOT_WORD in narrow or b"dot" in narrow or _DOT_ABBREVIATION in narrow) if narrow is not None
                else ("точк" in text or "dot" in text or "тчк" in text)) and _SPELLED_TLD.search(text):
            spans.extend(view.span(*m.span()) for m in _SPELLED_DOMAIN.finditer(text)
                         if not self.allowed(_SPELLED_DOT.sub(".", m.group())))
        if (b" ." in narrow) if narrow is not None else (" ." in text):
            spans.extend(view.span(*m.span()) for m in _SPACED_DOMAIN.finditer(text)
                         if not self.allowed(_SPACES_RUN.sub("", m.group())))
        chunks = _link_chunks(text) if _may_hold_link(view) else []
        for m in (m for lo, hi in chunks for m in _URL.finditer(text, lo, hi)):
            start, end = m.span()
            while end > start and text[end - 1] in _TRAILING:
                end -= 1
            host_match = _HOST.match(text[start:end])
            host = host_match.group(1) if host_match else ""
            if not host or self.allowed(host):
                continue
            spans.append(view.span(start, end))
        return spans
