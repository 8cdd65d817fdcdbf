"""Plan and apply fixes: one place for drafts, files and templates.

A rule's rewrites are data (``rewrite:`` in its pack, see ``rulepack``): per
language of the sentence, with a scope (the token, the clause or the whole
sentence) and an applicability (``safe``: it only removes or replaces the
violating part; ``unsafe``: it changes what the reply promises). Planning
turns the findings of one text into :class:`Fix` values, at most one per
sentence, so that several findings in a sentence give one rewrite of it; the
joining rules (spaces, punctuation, capitals, a sentence left without words,
a repeated sentence) live here and nowhere else. Sentences without findings
are never touched.

A reply written in another language as a whole (Chinese, Ukrainian …) gets
no automatic rewrite: only, where its intent is a common one, a template
reply in Russian, marked unsafe and as a template to check.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import partial
from operator import itemgetter
from typing import Callable, Dict, Iterable, Iterator, List, Mapping, NamedTuple, Optional, Sequence, Tuple

import regex

from .lazyre import lazy, lazy_re
from .model import Violation
from .normalize import is_plain, is_plain_or_chinese

SAFE, UNSAFE = "safe", "unsafe"
APPLICABILITIES = (SAFE, UNSAFE)
TOKEN, CLAUSE, SENTENCE, REPLY = "token", "clause", "sentence", "reply"
SCOPES = (TOKEN, CLAUSE, SENTENCE, REPLY)
REWRITE_LANGUAGES = ("ru", "en")


class Template(NamedTuple):
    """A reply for a common intent, offered for a reply in another language."""

    intent: str
    cues: Tuple[str, ...]        # words of the foreign reply that show the intent
    texts: Dict[str, str]        # ru, en


class Rewrite(NamedTuple):
    """One way to fix a rule's finding (a rule may list several, preferred first)."""

    scope: str
    applicability: str = SAFE
    texts: Optional[Dict[str, str]] = None   # ru, en -> replacement; "" removes; None: see phrases
    phrases: Optional[Dict[str, Dict[str, str]]] = None   # a token equal to a key -> its texts
    templates: Tuple[Template, ...] = ()

    def text_for(self, match: str, lang: str) -> Optional[str]:
        """The replacement of ``match`` in a sentence in ``lang`` (None: this rewrite has none)."""
        if self.phrases:
            key = _PHRASE_KEYS.get(match)
            if key is None:
                if len(_PHRASE_KEYS) >= _NORMED_SIZE:
                    _PHRASE_KEYS.clear()
                key = _PHRASE_KEYS[match] = phrase_key(match)
            found = self.phrases.get(key)
            if found is not None:
                return found[lang]
        if self.texts is None:
            return None
        return self.texts.get(lang)


class Fix(NamedTuple):
    """One edit of a text: ``text[start:end]`` becomes ``replacement``.

    ``rules`` are the findings it resolves; ``template`` marks a whole reply
    written for the seller to check."""

    start: int
    end: int
    replacement: str
    scope: str
    applicability: str
    rules: Tuple[str, ...]
    template: bool = False

    def to_dict(self) -> Dict[str, object]:
        data: Dict[str, object] = {"applicability": self.applicability, "scope": self.scope,
                                   "start": self.start, "end": self.end}
        if self.template:
            data["template"] = True
        return data


def legacy_rewrite(suggestion: Optional[str]) -> Tuple[Rewrite, ...]:
    """A pack's plain ``suggestion:`` as a rewrite: the token, in every language."""
    if suggestion is None:
        return ()
    # never Cyrillic into an English sentence
    english = None if _CYRILLIC.search(suggestion) else suggestion
    return (Rewrite(TOKEN, SAFE, {"ru": suggestion, "en": english}),)  # type: ignore[dict-item]


# ------------------------------------------------------------------ language

_CYRILLIC = lazy(r"\p{Cyrillic}")
# The Cyrillic script as code points (a test checks them against the regex
# module's tables): std re counts its letters faster.
CYRILLIC_CODES = ("\u0400-\u0484\u0487-\u052f\u1c80-\u1c8a\u1d2b\u1d78\u2de0-\u2dff\ua640-\ua69f"
                  "\ufe2e\ufe2f\U0001e030-\U0001e06d\U0001e08f")
_CYRILLIC_RUN = lazy_re("[" + CYRILLIC_CODES + "]+")
_NOT_HAN_RUN = lazy(r"\P{Han}+")
_CYRILLIC_WORD = lazy(r"\p{Cyrillic}[\p{Cyrillic}\-]*")
_LATIN_WORD = lazy(r"\p{Latin}[\p{Latin}'\-]*")
_ASCII_LATIN_WORD = lazy_re(r"[A-Za-z][A-Za-z'\-]*")  # the same words in a plain text (see is_plain)
_HAN = lazy(r"\p{Han}")
# Cyrillic letters of other languages (Ukrainian, Belarusian, Kazakh): reply_language counts them
# as another language's, and so do its bounds (see _unweighed_language)
_FOREIGN_CYRILLIC_LETTERS = "іїєґўәғқңөұүһ"
_FOREIGN_LETTER = lazy(r"[^\p{Latin}\p{Cyrillic}\p{Han}\P{L}]|[" + _FOREIGN_CYRILLIC_LETTERS + "À-ÖØ-öø-ɏ]")
# The letters of _FOREIGN_LETTER that a plain or Chinese text can hold (see is_plain_or_chinese).
_FOREIGN_BASIC_CYRILLIC_LETTERS = "іїєў"  # counted one by one
# What a plain text (see is_plain) may hold beyond ASCII and the basic Cyrillic letters
# U+0400-U+045F (a test checks them against is_plain).
PLAIN_MARKS = "\u00ab\u00bb\u00b0\u00a0\u2013\u2014\u2019\u201c\u201d\u201e\u2026\u2116\u20bd"
_PLAIN_MARK_OR_FOREIGN = lazy_re("[" + PLAIN_MARKS + _FOREIGN_BASIC_CYRILLIC_LETTERS + "]")
# A plain text (see is_plain) without those foreign letters (a test checks it against is_plain).
_PLAIN_WITHOUT_FOREIGN_LETTERS = lazy_re("[\x20-\x7e\n\r\t\u0400-\u0453\u0455\u0458-\u045d\u045f" + PLAIN_MARKS + "]*")
# In a plain or Chinese text (see is_plain_or_chinese; tests check them against the
# regex module's tables): what is neither ASCII nor basic Cyrillic, the Chinese
# characters, and the Latin words (full-width letters too).
_NOT_ASCII_OR_BASIC_CYRILLIC_RUN = lazy_re("[^\x00-\x7f\u0400-\u045f]+")
_PLAIN_HAN = lazy_re("[\u3400-\u4dbf\u4e00-\u9fff]")
_WIDE_LATIN_WORD = lazy_re("[A-Za-z\uff21-\uff3a\uff41-\uff5a][A-Za-z\uff21-\uff3a\uff41-\uff5a'\\-]*")
# A reply-wide finding of language.other covering at least this share of the text
# says the reply is written in another language.
_WHOLE_REPLY_SHARE = 0.5
_WHOLE_REPLY_WORDS = 8


def reply_language(text: str, violations: Sequence[Violation] = ()) -> Optional[str]:
    """``ru`` or ``en`` for a reply written in Russian or English (mostly), None for
    one written in another language (Chinese characters outweigh the rest, or a
    finding of another language covers most of it)."""
    for v in violations:  # langdetect's word on a reply long enough to judge
        if v.rule == "language.other":
            size = len(text.strip())
            if size and (v.end - v.start) >= _WHOLE_REPLY_SHARE * size and len(v.match.split()) >= _WHOLE_REPLY_WORDS:
                return None
    if is_plain(text):  # most replies: no Chinese, and ASCII letters are all the Latin there is
        # beyond ASCII a plain text holds basic Cyrillic letters and a few marks: its
        # Cyrillic letters are the rest, counted without reading its words one by one
        rare = _PLAIN_MARK_OR_FOREIGN.findall(text)  # one scan for both: they are few
        foreign = sum(map(rare.count, _FOREIGN_BASIC_CYRILLIC_LETTERS))
        cyrillic = len(text) - len(text.encode("ascii", "ignore")) - (len(rare) - foreign)
        # Latin and Cyrillic letters are different characters: a mostly Cyrillic reply is
        # Russian whatever its Latin words weigh, and then they need not be counted
        if cyrillic and foreign <= cyrillic and cyrillic * 3 >= len(text):
            return "ru"
        if not cyrillic and not foreign:
            return "en"  # (what the end says whatever the Latin letters weigh: not counted)
        latin = sum(map(len, _ASCII_LATIN_WORD.findall(text)))
    elif is_plain_or_chinese(text):  # most of the rest: Russian or English with Chinese in it
        # its Cyrillic letters are the basic ones, counted as the plain text's are
        others = "".join(_NOT_ASCII_OR_BASIC_CYRILLIC_RUN.findall(text))
        cyrillic = len(text) - len(text.encode("ascii", "ignore")) - len(others)
        foreign = 2 * len(_PLAIN_HAN.findall(others)) + sum(map(text.count, _FOREIGN_BASIC_CYRILLIC_LETTERS))
        if cyrillic and foreign <= cyrillic and cyrillic * 3 >= len(text):  # (see above)
            return "ru"
        latin = sum(map(len, _WIDE_LATIN_WORD.findall(text)))
    else:
        cyrillic = len(text) - len(_CYRILLIC_RUN.sub("", text))  # a match per word, not per letter
        latin = sum(len(w) for w in _LATIN_WORD.findall(text))
        # a Chinese character carries about a Russian or English word's worth of two syllables;
        # Ukrainian, Kazakh … letters and Latin letters with diacritics are another language's
        foreign = 2 * len(_NOT_HAN_RUN.sub("", text)) + len(_FOREIGN_LETTER.findall(text))
    if foreign and foreign > cyrillic + latin:
        return None
    return "ru" if cyrillic and cyrillic * 2 >= latin else "en"


def sentence_language(sentence: str, reply: str, reply_has_cyrillic: bool = True) -> str:
    """The language of one sentence from its words (names, handles and codes
    aside); a reply without Cyrillic is English throughout."""
    return _sentence_language(sentence, lambda: reply, reply_has_cyrillic)


def _sentence_language(sentence: str, reply: Callable[[], str], reply_has_cyrillic: bool,
                       plain: bool = False) -> str:
    """sentence_language, the reply's language asked for only when the sentence's words
    leave it open (``plain``: the sentence is known to be, see is_plain)."""
    if not reply_has_cyrillic:
        return "en"
    if plain or is_plain(sentence):  # (most sentences) its Latin letters are ASCII ones, its Cyrillic the basic block
        run = _ASCII_LETTER_RUN.search(sentence)
        if run is None or _ASCII_LETTER_RUN.search(sentence, run.end()) is None:
            # one run of letters holds one English word at most (below): not looked for
            return "ru" if _BASIC_CYRILLIC.search(sentence) else reply()
    latin = len([w for w in _PLAIN_LATIN_WORD.findall(sentence) if w.lower() != "ozon"])
    if latin <= 1:  # (most sentences) one Cyrillic word is as many: no need to count them
        return "ru" if _CYRILLIC.search(sentence) else reply()
    cyrillic = len(_CYRILLIC_WORD.findall(sentence))
    if cyrillic and cyrillic >= latin:
        return "ru"
    if latin >= 3 and latin > 2 * cyrillic:
        return "en"
    return reply()


class _Reply:
    """A reply's language (see reply_language) as planning asks for it: whether it is
    written in another language, told at once; Russian or English, weighed only when
    a sentence's own words leave it open (most never do). A reply with no finding of
    another language is Russian or English whatever its letters weigh when it is plain
    (see is_plain) with none of the foreign letters a plain text may hold; another
    reply is told by _unweighed_language when its counts settle it."""

    __slots__ = ("text", "violations", "plain", "foreign", "_language")

    def __init__(self, text: str, violations: Sequence[Violation], language: Optional[str] = "") -> None:
        self.text, self.violations = text, violations
        found_other = language == "" and any(v.rule == "language.other" for v in violations)
        if _PLAIN_WITHOUT_FOREIGN_LETTERS.fullmatch(text) is not None:  # (most replies: one scan tells both)
            self.plain = True
            if found_other:
                language = reply_language(text, violations)
        else:
            self.plain = is_plain(text)
            if language == "":
                told = None if self.plain or found_other else _unweighed_language(text)
                language = reply_language(text, violations) if told is None else told
        self._language = language  # "" until weighed
        self.foreign = language is None

    def language(self) -> str:
        """``ru`` or ``en``: the reply is not in another language (see foreign)."""
        if self._language == "":
            self._language = reply_language(self.text, self.violations)
        return self._language  # type: ignore[return-value]


_FOREIGN_CYRILLIC_LETTER = lazy_re("[" + _FOREIGN_CYRILLIC_LETTERS + "]")


def _unweighed_language(text: str) -> Optional[str]:
    """What reply_language answers for a text that is not plain (a Russian reply with a
    Chinese phrase or an emoji in it), when bounds std re counts settle it, whichever way
    reply_language counts: ``ru``; "" for Russian or English (not weighed); None when
    it must weigh. Its Cyrillic letters are at least the basic block's (counted here).
    What it may count as foreign is at most twice what is neither ASCII nor Cyrillic (a
    Chinese character counts twice, every other foreign letter once, each neither ASCII
    nor Cyrillic) and the Cyrillic letters of _FOREIGN_CYRILLIC_LETTER; its Latin words'
    letters are ASCII letters, apostrophes, hyphens and what is neither ASCII nor Cyrillic."""
    others = sum(map(len, _NOT_ASCII_OR_BASIC_CYRILLIC_RUN.findall(text)))  # (few runs: the Cyrillic ones are many)
    ascii_part = text.encode("ascii", "ignore")
    cyrillic = len(text) - len(ascii_part) - others
    if 2 * others + len(_FOREIGN_CYRILLIC_LETTER.findall(text)) > cyrillic:
        return None
    latin = len(ascii_part) - len(ascii_part.translate(None, _ASCII_LETTERS_AND_JOINERS)) + others
    return "ru" if cyrillic and cyrillic * 2 >= latin else ""


_ASCII_LETTERS_AND_JOINERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'-"


# an English word: letters only (not a handle, an id or a model code)
_PLAIN_LATIN_WORD = lazy(r"(?<![\w@.\-])\p{Latin}{2,}(?:'\p{Latin}+)?(?![\w@\-]|\.\w)")
# In a plain text (see is_plain): a run of Latin letters, and a Cyrillic letter.
_ASCII_LETTER_RUN = lazy_re("[A-Za-z]+")
_BASIC_CYRILLIC = lazy_re("[\u0400-\u045f]")


# ------------------------------------------------------------------ sentences

# A sentence ends after . ! ? … (and closing quotes or brackets) before a
# space, and after Chinese 。！？ anywhere; a line break ends one too, except
# after a colon (a label and its value on the next line are one sentence).
SENTENCE_END_SOURCE = r"[.!?…]+[»\"”’')\]]*(?=\s|$)|[。！？]+|\n"  # (for the regex module)
# The same, for std re, which splits a reply in about half the time: its first character is one
# class, which std re jumps to (an alternation it tries at every position), and that
# character picks the branch; [^\S\x1c-\x1f] is regex's \s (a test checks that both match alike).
_SENTENCE_END = lazy_re(r"[.!?…。！？\n](?:(?<=[.!?…])[.!?…]*[»\"”’')\]]*(?=[^\S\x1c-\x1f]|$)"
                        r"|(?<=[。！？])[。！？]*|(?<=\n))")
# "ул." "т.е." "руб." are not the end of a sentence
_ABBREVIATIONS = ("ул", "д", "г", "гг", "тел", "доб", "стр", "см", "р", "руб", "коп", "т.е", "т.к", "т.д", "т.п", "пр",
                  "пер", "им", "мм", "шт", "кв", "корп", "mr", "mrs", "ms", "dr", "no", "vs", "etc", "e.g", "i.e",
                  "approx")
_ABBREVIATION = lazy(r"(?:^|[\s(])(?:" + "|".join(a.replace(".", r"\.") for a in _ABBREVIATIONS) + r")\.$", flags=0)
# the letter before such a full stop (a cheap test first: most full stops end a word that is no abbreviation)
_ABBREVIATION_ENDS = frozenset(a[-1] for a in _ABBREVIATIONS)
# a full stop before a lower-case word or a digit ends nothing
_LOWER_NEXT = lazy(r"[ \t]+[\p{Ll}\d]")
_SPACE_OR_TAB = (" ", "\t")  # what _LOWER_NEXT starts with


def _lower_next(text: str, end: int) -> bool:
    """Whether _LOWER_NEXT follows ``end``; the cheap tests first: most sentence ends
    are followed by a space and a capital (no capital is a lower-case letter or a
    digit: a test checks)."""
    return (text[end:end + 1] in _SPACE_OR_TAB and not text[end + 1:end + 2].isupper()
            and _LOWER_NEXT.match(text, end) is not None)


# A clause starts after a semicolon, or after a comma or a dash before a
# conjunction or a pronoun ("…, а мы положим подарок", "…, and we will…");
# other commas join lists and asides ("Поставьте, пожалуйста, пятёрку").
_CLAUSE_BREAK = lazy(r"\s*;\s+|\s*(?:,|\s[—–-])\s+(?=(?i:а|и|но|или|зато|однако|поэтому|мы|я|вы|он|она|они|оно|это|"
                     r"and|but|or|so|we|i|you|it|they|this|he|she|plus)\b)")
# One of these is in every clause break, at most a character after where its blanks end.
_CLAUSE_BREAK_MARKS = ";,—–-"
_CLAUSE_BREAK_MARK = lazy_re("[" + _CLAUSE_BREAK_MARKS + "]")
_SUBORDINATE_START = lazy(r"(?i)^(?:если|когда|чтобы|пока|хотя|после того|как только|поскольку|потому что|"
                          r"так как|if|when|once|so that|as soon as|because|since|while|unless|after|before)\b")
_ANY_BREAK = lazy(r"\s*(?:[,;]|\s[—–-])\s+")
_WORD = lazy(r"[\p{L}\p{N}]")
_LETTER = lazy(r"\p{L}")
_WORD_BEFORE = lazy(r"[\p{L}\p{N}]\s*$")
_MID_SENTENCE = lazy(r"[\p{L}\p{N},;:—–-]\s*$")
_BULLET_MARKS = "-–—•*·"
_BULLET = lazy(r"(?:[" + _BULLET_MARKS + r"]|\d{1,2}[.)])[ \t]+")


class Span(NamedTuple):
    start: int
    end: int


def sentences(text: str) -> List[Span]:
    """The sentences of ``text`` (without their surrounding whitespace), in order."""
    return list(iter_sentences(text))


def iter_sentences(text: str, start: int = 0) -> Iterator[Span]:
    """``sentences``, one at a time (a caller that stops early reads no further);
    from ``start``, those after it when a sentence certainly starts afresh there
    (see sentence_restart)."""
    for m in _SENTENCE_END.finditer(text, start):
        at, end = m.span()
        mark = text[at]  # (its first character tells the kinds of end apart)
        if mark == "\n":
            if text[start:at].rstrip().endswith(":"):
                continue  # "Контакты:\n+7 …" is one thing
            piece = text[start:at]
        elif mark == "." and ((at > start and text[at - 1] in _ABBREVIATION_ENDS
                               and _ABBREVIATION.search(text[max(start, at - 8):at + 1]))
                              or _lower_next(text, end)):
            continue  # "ул. Ленина", "доб. 3", "т. е. так"
        else:
            piece = text[start:end]
        rest = piece.lstrip()  # _trimmed, inline: this runs for every sentence of every reply planned
        if rest:
            first = start + len(piece) - len(rest)
            yield Span(first, first + len(rest.rstrip()))
        start = end
    span = _trimmed(text, start, len(text))
    if span is not None:
        yield span


# The characters a sentence end (_SENTENCE_END) starts with, looked for backwards.
_END_MARK_BEFORE = lazy(r"(?r)[.!?…。！？\n]")


def sentence_restart(text: str, pos: int) -> int:
    """An offset at or before ``pos`` where the split of ``text`` from its start
    begins a sentence whatever came before it: after a line break (not one after
    a label's colon), a Chinese end, or an end of ! ? … or a full stop that no
    abbreviation or lower-case word can cancel. ``iter_sentences(text, at)`` then
    gives the very sentences ``iter_sentences(text)`` gives from there on, so a
    plan reads the sentences around its findings, not every one before them (0
    when no such end stands before ``pos``)."""
    end = pos
    while end > 0:
        mark = _END_MARK_BEFORE.search(text, 0, end)
        if mark is None:
            return 0
        at = mark.start()
        char = text[at]
        end = at
        if char == "\n":
            before = at
            while before > 0 and text[before - 1].isspace():
                before -= 1
            if before == 0 or text[before - 1] != ":":  # (after a colon: "Контакты:\n+7 …" is one sentence)
                return at + 1
            continue
        run = "。！？" if char in "。！？" else ".!?…"
        while end > 0 and text[end - 1] in run:  # the run's first mark: where the split meets it
            end -= 1
        m = _SENTENCE_END.match(text, end)
        if m is None or m.end() > pos:
            continue  # no end here ("v2.0"), or one that reaches past pos
        if text[end] == "." and (text[end - 1:end] in _ABBREVIATION_ENDS
                                 or _lower_next(text, m.end())):
            continue  # perhaps "ул. Ленина" (whether it is depends on the sentence's start), or "т. е. так"
        return m.end()
    return 0


def _trimmed(text: str, start: int, end: int) -> Optional[Span]:
    piece = text[start:end]
    stripped = piece.strip()  # the same whitespace as str.isspace
    if not stripped:
        return None
    start += len(piece) - len(piece.lstrip())
    return Span(start, start + len(stripped))


def clauses(sentence: str, loose: bool = False) -> List[Span]:
    """The clauses of a sentence (see _CLAUSE_BREAK); ``loose``: cut at every
    comma, semicolon and dash."""
    found: List[Span] = []
    start = 0
    for m in (_ANY_BREAK if loose else _CLAUSE_BREAK).finditer(sentence):
        found.append(Span(start, m.start()))
        start = m.end()
    found.append(Span(start, len(sentence)))
    return found


# ------------------------------------------------------------------ joining

_EMPTY_BRACKETS = lazy(r"\(\s*\)|\[\s*\]|«\s*»|\"\s*\"|“\s*”")
_SPACES = lazy(r"[ \t\u00a0]{2,}")
_SPACE_BEFORE_PUNCT = lazy(r"[ \t\u00a0]+(?=[,.!?:;)\]»…])")
_PUNCT_RUN = lazy(r"([,;:—–-])(?:\s*[,;:—–-](?=\s|$))+|[,;:—–]\s*(?=[.!?…])")
_DOUBLED_END = lazy(r"([!?])[!?.]+|(?<!\.)(\.)\.(?!\.)|\.([!?])")
_LEADING_PUNCT = lazy(r"^[\s,;:.!?—–-]+")
_TRAILING_DANGLE = lazy(r"[\s,;—–-]+$")
_OPEN_AFTER_SPACE = lazy(r"([(\[«])\s+")
_TERMINATOR = lazy(r"[.!?…。！？]+[»\"”’')\]]*$")


def tidy(sentence: str, original: str, capital: bool = True) -> str:
    """A sentence after token or clause edits, joined again: no empty brackets,
    doubled spaces, space before punctuation, orphaned or doubled punctuation;
    the original's final punctuation; and, when its start was removed
    (``capital``), a capital where the original had one.
    An empty string when no word is left or what is left ends in a colon
    (the value after a label was what was removed)."""
    s = _EMPTY_BRACKETS.sub("", sentence)
    s = _SPACES.sub(" ", s)
    s = _OPEN_AFTER_SPACE.sub(r"\1", s)
    s = _SPACE_BEFORE_PUNCT.sub("", s)
    s = _PUNCT_RUN.sub(lambda m: m.group(1) or "", s)
    s = _DOUBLED_END.sub(lambda m: m.group(1) or m.group(2) or m.group(3), s)
    s = _LEADING_PUNCT.sub("", s).rstrip()
    if not _WORD.search(s):
        return ""
    ending = _TERMINATOR.search(original)
    if not _TERMINATOR.search(s):
        s = _TRAILING_DANGLE.sub("", s)
        if s.endswith(":"):
            return ""
        if ending:
            s += ending.group()
    elif s.rstrip(".!?…").endswith(":"):
        return ""
    first = _LETTER.search(s)
    first_original = _LETTER.search(original)
    if capital and first and first_original and not first_original.group().islower() and first.group().islower():
        s = s[:first.start()] + first.group().upper() + s[first.end():]
    return s


def phrase_key(match: str) -> str:
    return "".join(ch for ch in match if ch.isalnum() or ch in "，。！？：；、【】（）")


# phrase_key of the findings a rewrite of phrases is asked about, remembered: the same
# few phrases reply after reply (plain dict stores: threads may share it)
_PHRASE_KEYS: Dict[str, str] = {}


# ------------------------------------------------------------------ planning

class _Choice(NamedTuple):
    index: int                      # of the violation in the caller's list
    violation: Violation
    rewrites: Tuple[Rewrite, ...]   # the usable ones, preferred first


def choose(rewrites: Sequence[Rewrite], unsafe: bool, foreign: bool) -> Tuple[Rewrite, ...]:
    """The rewrites that may be applied, preferred first: the safe ones (and the
    unsafe ones too, when ``unsafe``). Without any, the first one alone: shown
    as the suggestion but never applied."""
    key = (id(rewrites), unsafe, foreign)
    known = _CHOSEN.get(key)
    if known is not None and known[0] is rewrites:
        return known[1]
    usable = [r for r in rewrites if (r.scope == REPLY) == foreign]
    allowed = usable if unsafe else [r for r in usable if r.applicability == SAFE]
    chosen = tuple(allowed or usable[:1])
    if type(rewrites) is tuple:
        if len(_CHOSEN) >= _CHOSEN_SIZE:
            _CHOSEN.clear()
        _CHOSEN[key] = (rewrites, chosen)
    return chosen


# choose's answer for a rule's rewrites (a Linter's tuple, asked about reply after reply),
# by the tuple's identity: the entry holds the tuple, so no other can take its id while
# it is there (plain dict stores: threads may share it)
_CHOSEN: Dict[Tuple[int, bool, bool], Tuple[Tuple[Rewrite, ...], Tuple[Rewrite, ...]]] = {}
_CHOSEN_SIZE = 1_000


def plan(text: str, violations: Iterable[Violation], rewrites: Mapping[str, Sequence[Rewrite]],
         unsafe: bool = False, keep: Sequence[Tuple[int, int]] = (), reply: Optional[str] = "") -> Dict[int, Fix]:
    """The fix of each fixable finding of ``text``, by its index in ``violations``
    (the findings of one sentence share one fix).

    ``keep`` are spans no fix may touch (a template's placeholders); ``reply``
    the reply's language when the caller knows it already (see reply_language)."""
    violations = list(violations)
    return _plan(text, violations, rewrites, unsafe, keep, _Reply(text, violations, reply))


def _plan(text: str, violations: List[Violation], rewrites: Mapping[str, Sequence[Rewrite]], unsafe: bool,
          keep: Sequence[Tuple[int, int]], reply: _Reply) -> Dict[int, Fix]:
    chosen = []
    for index, v in enumerate(violations):
        if v.severity == "info":
            continue  # it does not block (a bare mention of a channel): nothing to rewrite
        usable = choose(rewrites.get(v.rule, ()), unsafe, reply.foreign)
        if usable:
            chosen.append(_Choice(index, v, usable))
    if not chosen:
        return {}
    if reply.foreign:
        fixes = _plan_foreign(text, chosen)
    else:
        fixes = _plan_sentences(text, chosen, reply, keep)
        if (not _many_words_left(text, fixes.values()) and _nothing_to_send(apply(text, fixes.values()))
                and not _nothing_to_send(text)):
            # removing would leave nothing to send: the rewrites that say something instead
            fixes = _plan_sentences(text, [c._replace(rewrites=_saying_first(c)) for c in chosen], reply, keep,
                                    saying=True)
    if not keep:
        return fixes
    return {index: fix for index, fix in fixes.items()
            if not any(fix.start < k_end and k_start < fix.end for k_start, k_end in keep)}


def _plan_foreign(text: str, chosen: List[_Choice]) -> Dict[int, Fix]:
    """A whole reply in another language: a template for its intent, if one fits."""
    folded = text.casefold()
    for choice in chosen:
        for template in choice.rewrites[0].templates:
            if any(cue.casefold() in folded for cue in template.cues):
                span = sentences(text)
                start, end = (span[0].start, span[-1].end) if span else (0, len(text))
                fix = Fix(start, end, template.texts["ru"], REPLY, UNSAFE,
                          tuple(sorted({c.violation.rule for c in chosen})), template=True)
                return {c.index: fix for c in chosen}
    return {}


# Words that open a greeting, a thanks or an address: a reply left with only
# short sentences that start with one ("Здравствуйте, Ирина!") has nothing to send.
_PHATIC = lazy(r"(?i)^\W*(?:(?:здравствуй|добр|привет|уважаем|дорог|спасибо|благодар)\w*|"
               r"(?:hello|hi|hey|dear|good|thanks?|thank you)\b)")
_PHATIC_WORDS = 4
# More words than that between two characters a sentence may end at (_END_MARK_BEFORE's): the sentence that
# holds them all has something to send (most replies have one, found without a split).
_MANY_WORDS_IN_A_ROW = lazy(r"(?<!\p{L})(?:\p{L}++[^\p{L}.!?…。！？\n]++){%d}\p{L}" % _PHATIC_WORDS)


def _many_words_left(text: str, fixes: Iterable[Fix]) -> bool:
    """Whether ``text`` holds a stretch of _MANY_WORDS_IN_A_ROW that no fix touches: then
    the fixed text has something to send (most do: this is found without applying them),
    or a replacement holds one (the first fix applies whole: most replace a sentence)."""
    ordered = sorted(set(fixes), key=_apply_order)
    if ordered and _has_many_words(ordered[0].replacement):
        return True
    pos = 0
    for fix in ordered:
        if fix.start > pos and _MANY_WORDS_IN_A_ROW.search(text, pos, fix.start):
            return True
        pos = max(pos, fix.end)
    return _MANY_WORDS_IN_A_ROW.search(text, pos) is not None


def _has_many_words(replacement: str) -> bool:
    """Whether a replacement holds _MANY_WORDS_IN_A_ROW, remembered: most are a pack's
    few rewrite texts, asked about reply after reply (plain dict stores: threads may share it)."""
    found = _MANY_WORDS_IN.get(replacement)
    if found is None:
        if len(_MANY_WORDS_IN) >= _NORMED_SIZE:
            _MANY_WORDS_IN.clear()
        found = _MANY_WORDS_IN[replacement] = _MANY_WORDS_IN_A_ROW.search(replacement) is not None
    return found


_MANY_WORDS_IN: Dict[str, bool] = {}


def _nothing_to_send(text: str) -> bool:
    if _MANY_WORDS_IN_A_ROW.search(text):
        return False
    # (the opening word first: it rules out most sentences at their first letters)
    return all(_PHATIC.match(text[s.start:s.end]) and len(_LETTER_RUN.findall(text[s.start:s.end])) <= _PHATIC_WORDS
               for s in iter_sentences(text))


def _saying_first(choice: _Choice) -> Tuple[Rewrite, ...]:
    """A finding's rewrites with those that put a sentence in first (order kept otherwise)."""
    def says(rewrite: Rewrite) -> bool:
        return bool(rewrite.texts and any(rewrite.texts.values())) or rewrite.scope == TOKEN
    return tuple(sorted(choice.rewrites, key=lambda r: not says(r)))


class _Unit(NamedTuple):
    start: int
    end: int
    choices: List[_Choice]


class _Sentences:
    """The sentences of a text (see iter_sentences), split only as far as asked:
    planning reads those around its findings (from the restart before the first:
    see start_before), and the rest only when a rewrite asks whether another
    sentence says it already (most never do)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._rest: Optional[Iterator[Span]] = None
        self._started = False
        self._whole = False  # whether spans start at the text's first sentence
        self.spans: List[Span] = []
        self.starts: List[int] = []

    def start_before(self, pos: int) -> None:
        """Split from a restart at or before ``pos`` (see sentence_restart), not from
        the text's start: no sentence before ``pos`` is asked for but the one holding it."""
        if not self._started:
            restart = sentence_restart(self._text, pos)
            self._started, self._whole = True, restart == 0
            self._rest = iter_sentences(self._text, restart)

    def up_to(self, pos: int) -> None:
        """Split on until no sentence left can start before ``pos``: the last one
        split ends at or after it (a sentence starts where the one before it has
        ended), or none is left."""
        if not self._started:
            self._started, self._whole = True, True
            self._rest = iter_sentences(self._text)
        rest, spans, starts = self._rest, self.spans, self.starts
        if rest is None or (spans and spans[-1].end >= pos):
            return
        for span in rest:
            spans.append(span)
            starts.append(span.start)
            if span.end >= pos:
                return
        self._rest = None

    def all(self) -> List[Span]:
        if not self._whole:  # split from a restart (or not at all): the sentences before it too
            self.spans = list(iter_sentences(self._text))
            self._rest, self._started, self._whole = None, True, True
            self.starts = [s.start for s in self.spans]
        elif self._rest is not None:
            self.spans.extend(self._rest)
            self._rest = None
            self.starts = [s.start for s in self.spans]
        return self.spans


def _units(sentences: _Sentences, chosen: List[_Choice]) -> List[_Unit]:
    """The sentences that hold findings; a finding across sentences joins them."""
    units: List[_Unit] = []
    ordered = sorted(chosen, key=lambda c: (c.violation.start, c.violation.end)) if len(chosen) > 1 else chosen
    if ordered:
        sentences.start_before(ordered[0].violation.start)
    for choice in ordered:
        v = choice.violation
        start, end = v.start, v.end
        stop = end if end > start else start + 1
        # every sentence that starts before ``stop``: what the whole list would show to this search
        spans = sentences.spans
        if not spans or spans[-1].end < stop:
            sentences.up_to(stop)
            spans = sentences.spans
        i = max(0, bisect_right(sentences.starts, v.start) - 1)
        while i < len(spans):
            span = spans[i]
            if span.start >= stop:
                break
            if v.start < span.end:
                start, end = min(start, span.start), max(end, span.end)
            i += 1
        if units and start < units[-1].end:
            last = units.pop()
            units.append(_Unit(last.start, max(end, last.end), last.choices + [choice]))
        else:
            units.append(_Unit(start, end, [choice]))
    return units


def _plan_sentences(text: str, chosen: List[_Choice], reply: _Reply,
                    keep: Sequence[Tuple[int, int]] = (), saying: bool = False) -> Dict[int, Fix]:
    fixes: Dict[int, Fix] = {}
    spans = _Sentences(text)
    units = _units(spans, chosen)
    # what each reply (paragraph) says already, so that a rewrite is not said twice in it
    paragraph_starts = _paragraph_starts(text)
    already = _AlreadySaid(text, spans, units, paragraph_starts)
    written: Dict[int, List[str]] = {}
    # (a Russian reply has Cyrillic letters, a plain one's are the basic block's)
    has_cyrillic = (_BASIC_CYRILLIC if reply.plain else _CYRILLIC).search(text) is not None
    last_end = 0
    previous: Optional[Fix] = None
    for unit in units:
        paragraph = _paragraph(paragraph_starts, unit.start) if len(paragraph_starts) > 1 else 0
        said, said_here = partial(already.says, paragraph), written.setdefault(paragraph, [])
        original = text[unit.start:unit.end]
        lang = _sentence_language(original, reply.language, has_cyrillic, reply.plain)
        kept = [(max(s, unit.start) - unit.start, min(e, unit.end) - unit.start)
                for s, e in keep if s < unit.end and unit.start < e] if keep else keep
        new, scope, applicability = _rewrite_unit(text, unit, lang, kept, said, saying)
        if new is None:
            continue
        new = _in_reply_quotes(new, text)
        said_new = _norm_rewrite(new) if new else ""
        if new and (said_new in said_here or said(said_new)):
            new = ""   # the reply says it already
        if new:
            said_here.append(said_new)
        start, end, replacement = _span_of(text, unit, new, scope)
        if last_end > start and not text[start:last_end].strip():
            start = last_end  # the space between two removed sentences goes once
        if (replacement and end < len(text) and not text[end].isspace() and not replacement[-1].isspace()
                and text[end - 1] in "。！？"):
            replacement += " "  # "друг！Ваш" -> "друг! Ваш"
        if text[start:end] == replacement:
            continue
        if previous is not None and previous.end == start and previous.replacement.endswith(" ") \
                and not replacement and (end == len(text) or text[end] in "\r\n"):
            _replace_fix(fixes, previous, previous._replace(replacement=previous.replacement.rstrip(" ")))
        last_end = end
        rules = (tuple(sorted({c.violation.rule for c in unit.choices})) if len(unit.choices) > 1
                 else (unit.choices[0].violation.rule,))
        fix = previous = Fix(start, end, replacement, scope, applicability, rules)
        for c in unit.choices:
            fixes[c.index] = fix
    return fixes


def _replace_fix(fixes: Dict[int, Fix], old: Fix, new: Fix) -> None:
    for index, fix in fixes.items():
        if fix is old:
            fixes[index] = new


_QUOTED = lazy(r"[«“]([^«»“”]*)[»”]")
_QUOTE_PAIRS = (("«", "»"), ("“", "”"), ("„", "“"), ('"', '"'))


def _in_reply_quotes(new: str, text: str) -> str:
    """A rewrite's «quotes» in the quotes the reply itself uses (if it uses others)."""
    if "«" not in new and "“" not in new:
        return new
    for opening, closing in _QUOTE_PAIRS:
        if opening in text and closing in text.split(opening, 1)[1]:
            return _QUOTED.sub(lambda m: f"{opening}{m.group(1)}{closing}", new)
    return new


def _paragraph_starts(text: str) -> List[int]:
    """Where the paragraphs (the replies of a file of many) start."""
    if text.count("\n") < 2:  # a paragraph break takes two line breaks: most replies have none
        return [0]
    return [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]


def _paragraph(starts: List[int], offset: int) -> int:
    return starts[bisect_right(starts, offset) - 1]


_PARAGRAPH_BREAK = lazy(r"\n[ \t]*\r?\n")


class _AlreadySaid:
    """Whether a paragraph's sentences without findings already say a rewrite;
    worked out when a rewrite first asks (most plans never do)."""

    def __init__(self, text: str, spans: _Sentences, units: List[_Unit], paragraph_starts: List[int]) -> None:
        self._text, self._spans, self._units, self._starts = text, spans, units, paragraph_starts
        self._folded: Optional[str] = None  # the text case-folded
        self._untouched: Optional[Dict[int, List[str]]] = None

    def says(self, paragraph: int, new: str) -> bool:
        """Whether a sentence without findings in ``paragraph`` says ``new`` (normalised)."""
        if self._folded is None:
            self._folded = self._text.casefold()
        if not all(_spelled_in(word, self._folded) for word in new.split()):
            return False  # a word of it is nowhere in the text: no sentence says it
        if self._untouched is None:
            self._untouched = _untouched_sentences(self._text, self._spans.all(), self._units, self._starts)
        return _said(new, self._untouched.get(paragraph, []))


def _untouched_sentences(text: str, spans: List[Span], units: List[_Unit],
                         starts: List[int]) -> Dict[int, List[str]]:
    """The sentences without findings of each paragraph that has findings, normalised."""
    paragraphs = {_paragraph(starts, u.start) for u in units}
    found: Dict[int, List[str]] = {}
    unit_index = 0
    for s in spans:
        while unit_index < len(units) and units[unit_index].end < s.end:
            unit_index += 1
        inside = unit_index < len(units) and units[unit_index].start <= s.start and s.end <= units[unit_index].end
        if inside:
            continue
        paragraph = _paragraph(starts, s.start)
        if paragraph in paragraphs:
            found.setdefault(paragraph, []).append(f" {_norm(text[s.start:s.end])} ")
    return found


def _said(new: str, untouched: Sequence[str]) -> bool:
    """Whether a sentence without findings already says ``new`` ("Спасибо!" after
    "Спасибо за заказ!")."""
    return any(f" {new} " in sentence for sentence in untouched)


def _norm(sentence: str) -> str:
    return " ".join(_WORD_OR_SPACE.sub("", sentence.casefold()).split())


_WORD_OR_SPACE = lazy(r"[^\p{L}\p{N}\s]")
_NOT_WORD_OR_SPACE_RUN = r"[^\p{L}\p{N}\s]*+"
# For each word of a rewrite (see _spelled_in), the pattern of its letters with any of
# what _norm drops between them; a pack's rewrites hold a few hundred words.
_SPELLED: Dict[str, "regex.Pattern[str]"] = {}


def _spelled_in(word: str, folded: str) -> bool:
    """Whether the normalised ``word`` (letters and digits) is in ``_norm(folded)``: in
    ``folded`` itself (most that are), or spelled with what _norm drops between its
    letters ("e-mail"). Cheaper than dropping it from the whole text."""
    if word in folded:
        return True
    pattern = _SPELLED.get(word)
    if pattern is None:
        if len(_SPELLED) >= _NORMED_SIZE:
            _SPELLED.clear()
        pattern = _SPELLED[word] = regex.compile(_NOT_WORD_OR_SPACE_RUN.join(map(regex.escape, word)))
    return pattern.search(folded) is not None


# _norm of the rewrites planned: a pack's few rewrite texts, asked about reply after reply
_NORMED: Dict[str, str] = {}
_NORMED_SIZE = 1_000


def _norm_rewrite(rewrite: str) -> str:
    """``_norm(rewrite)``, remembered (plain dict stores: threads may share it)."""
    found = _NORMED.get(rewrite)
    if found is None:
        if len(_NORMED) >= _NORMED_SIZE:
            _NORMED.clear()
        found = _NORMED[rewrite] = _norm(rewrite)
    return found


def _rewrite_unit(text: str, unit: _Unit, lang: str, keep: Sequence[Tuple[int, int]] = (),
                  said: Callable[[str], bool] = lambda new: False, saying: bool = False
                  ) -> Tuple[Optional[str], str, str]:
    """The new text of one sentence (None: leave it; "": remove it), the scope
    used and its applicability (unsafe when any rewrite used is). A sentence
    holding a placeholder (``keep``) is rewritten only in the clauses of its findings."""
    original = text[unit.start:unit.end]
    taken: List[Tuple[int, str]] = []   # (length of the finding, its sentence; "" removes the sentence)
    remove_sentence = False
    clause_spans: List[Tuple[int, int]] = []
    clause_fallbacks: List[Tuple[Rewrite, ...]] = []
    token_edits: List[Tuple[int, int, str]] = []
    used: List[Rewrite] = []

    # a contact that is the means of another request (a card number to pay to,
    # a messenger to send a passport to) goes with that request's rewrite (unless
    # that one only removes, and removing would leave nothing to send: ``saying``)
    others = len(unit.choices) > 1 and any(  # (a finding alone has no other to go with)
        c.violation.category != "external-contact" and c.rewrites[0].scope != TOKEN
        and (not saying or c.rewrites[0].text_for(c.violation.match, lang)) for c in unit.choices)
    for choice in unit.choices:
        v, rewrite = choice.violation, choice.rewrites[0]
        if others and v.category == "external-contact":
            used.append(rewrite)
            continue
        replacement = rewrite.text_for(v.match, lang)
        if replacement is None:
            continue
        start, end = v.start - unit.start, v.end - unit.start
        if rewrite.scope == TOKEN:
            said_replacement = _norm_rewrite(replacement)
            if said_replacement and said(said_replacement):
                replacement = ""  # "Здравствуйте, Ирина! 您好 …": the greeting is there already
            elif replacement[:1].isupper() and _MID_SENTENCE.search(original[:start]):
                if _WORD_BEFORE.search(original[:start]) and not _WORD.search(original[end:]):
                    replacement = ". " + replacement   # "… max 40 W 谢谢" -> "… max 40 W. Thank you!"
                else:                                  # "Спасибо, 祝您生活愉快!" -> ", хорошего дня!"
                    replacement = replacement[0].lower() + replacement[1:]
                    if _WORD.search(original[end:]):
                        replacement = replacement.rstrip(".!?")
            token_edits.append((start, end, replacement))
            used.append(rewrite)
        elif len(unit.choices) == 1 and _bracketed(original, start, end):
            token_edits.append(_bracket_group(original, start, end))  # "(site.ru)": grammar survives
            used.append(rewrite)
        elif rewrite.scope == CLAUSE and replacement == "":
            clause_spans.append((start, end))
            clause_fallbacks.append(choice.rewrites[1:])
            used.append(rewrite)
        else:
            used.append(rewrite)
            taken.append((end - start, replacement))
    removed = _clause_removal(original, clause_spans) if clause_spans else None
    if clause_spans and removed is None:  # the clause cannot go alone: the next rewrite, or the sentence
        for (start, end), rest in zip(clause_spans, clause_fallbacks):
            for fallback in rest:
                replacement = fallback.text_for("", lang)
                if replacement is not None:
                    used.append(fallback)
                    taken.append((end - start, replacement))
                    break
            else:
                remove_sentence = True
    sentence_texts = [item for item in taken if item[1]]
    remove_sentence = remove_sentence or len(sentence_texts) < len(taken)
    # one rewrite of the sentence: the one of its widest finding, which says most about it
    best = max(sentence_texts, key=itemgetter(0))[1] if sentence_texts else ""
    applicability = UNSAFE if UNSAFE in [r.applicability for r in used] else SAFE
    if keep and (sentence_texts or remove_sentence):
        spans = [(c.violation.start - unit.start, c.violation.end - unit.start) for c in unit.choices]
        edit = _clause_replacement(original, spans, keep, best)
        if edit is None:
            return None, SENTENCE, applicability
        return tidy(_apply_edits(original, [edit]), original, capital=False) or None, CLAUSE, applicability
    if sentence_texts:
        return best, SENTENCE, applicability
    if remove_sentence:
        return "", SENTENCE, applicability
    if removed is None and not token_edits:
        return None, TOKEN, applicability
    edits = token_edits + ([removed] if removed is not None else [])
    first_letter = _LETTER.search(original)
    start_removed = any(not r and s <= (first_letter.start() if first_letter else 0) < e for s, e, r in edits)
    new = tidy(_apply_edits(original, edits), original, capital=start_removed)
    scope = CLAUSE if removed is not None else TOKEN
    if not new:
        return "", SENTENCE, applicability
    return new, scope, applicability


def _clause_removal(sentence: str, spans: List[Tuple[int, int]]) -> Optional[Tuple[int, int, str]]:
    """The edit that removes the clauses holding ``spans``: a run at the end of the
    sentence, leaving a main clause of a few words; None when what would be
    left could not stand alone (then the next rewrite, or the sentence goes)."""
    first_finding = min(s for s, _ in spans)
    if not sentence[first_finding:first_finding + 1].isspace() and not _CLAUSE_BREAK_MARK.search(
            sentence, 0, first_finding + 2):
        return None  # no clause break starts before the first finding (the search below would find none)
    first = _CLAUSE_BREAK.search(sentence)
    if first is None or any(s < first.start() for s, _ in spans):
        return None  # a finding in the first clause: nothing would be left (the rest of the clauses unread)
    parts = clauses(sentence)
    hit = [i for i, c in enumerate(parts) if any(c.start < e and s < c.end for s, e in spans)]
    if not hit:
        return None
    lo, hi = min(hit), max(hit)
    if hi < len(parts) - 1 or lo == 0:
        return None  # what follows a removed clause often points back at it ("…, он привезёт новую")
    kept = sentence[:parts[lo - 1].end]
    edit = (parts[lo - 1].end, len(sentence), "")
    if _SUBORDINATE_START.search(kept.strip()) or len(_LETTER_RUN.findall(kept)) < 2:
        return None
    return edit


_LETTER_RUN = lazy(r"\p{L}+")


def _clause_replacement(sentence: str, spans: List[Tuple[int, int]], keep: Sequence[Tuple[int, int]],
                        replacement: str) -> Optional[Tuple[int, int, str]]:
    """The edit that puts ``replacement`` (a sentence; "" removes) in place of the
    clauses holding ``spans`` only, so that ``keep`` survives; None when it cannot."""
    parts = clauses(sentence, loose=True)
    hit = [i for i, c in enumerate(parts) if any(c.start < e and s < c.end for s, e in spans)]
    lo, hi = min(hit), max(hit)
    start, end = parts[lo].start, parts[hi].end
    if any(s < end and start < e for s, e in keep) or (lo == 0 and hi == len(parts) - 1):
        return None
    if not replacement:
        return (parts[lo - 1].end, end, "") if lo > 0 else (0, parts[hi + 1].start, "")
    if hi < len(parts) - 1:
        replacement = replacement.rstrip(".!?…")
    if lo > 0 and replacement[:1].isupper() and not replacement.startswith("Ozon"):
        replacement = replacement[0].lower() + replacement[1:]
    return start, end, replacement


def _bracketed(sentence: str, start: int, end: int) -> bool:
    lo = sentence.rfind("(", 0, start)
    hi = sentence.find(")", end)
    return (lo != -1 and hi != -1 and not sentence[lo + 1:start].strip(" :")
            and not sentence[end:hi].strip(" .,"))


def _bracket_group(sentence: str, start: int, end: int) -> Tuple[int, int, str]:
    lo = sentence.rfind("(", 0, start)
    hi = sentence.find(")", end) + 1
    while lo > 0 and sentence[lo - 1] in " \t":
        lo -= 1
    return lo, hi, ""


def _apply_edits(text: str, edits: List[Tuple[int, int, str]]) -> str:
    """``text`` with non-overlapping edits applied (where two overlap, the first, widest, wins)."""
    parts: List[str] = []
    pos = 0
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], -e[1])):
        if start < pos:
            continue
        parts.append(text[pos:start])
        if replacement and parts and parts[-1] and not parts[-1][-1].isspace() and replacement[0].isalnum() \
                and parts[-1][-1].isalnum():
            parts.append(" ")
        parts.append(replacement)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _span_of(text: str, unit: _Unit, new: str, scope: str) -> Tuple[int, int, str]:
    """The span a unit's rewrite replaces: a removed sentence takes the space
    before it with it (or after it, at the start of a line), and its whole
    line when it was alone on it."""
    start, end = unit.start, unit.end
    if new:
        if scope != SENTENCE:  # only what changed, so that diffs show the token or the clause
            old = text[start:end]
            prefix = 0
            while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
                prefix += 1
            suffix = 0
            while (suffix < min(len(old), len(new)) - prefix
                   and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]):
                suffix += 1
            return start + prefix, end - suffix, new[prefix:len(new) - suffix]
        # "- write me on WhatsApp": the list keeps its dash (no bullet starts with a letter: most sentences do)
        bullet = None if text[start:start + 1].isalpha() else _BULLET.match(text, start, end)
        return (bullet.end() if bullet else start), end, new
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    before, after = text[line_start:start], text[end:line_end]
    if not before.strip() and not after.strip():
        if line_end < len(text):
            return line_start, line_end + 1, ""
        if line_start > 0:  # the last line: its line break goes with it
            cut = line_start - 1
            if cut > 0 and text[cut - 1] == "\r":
                cut -= 1
            return cut, len(text), ""
        return line_start, line_end, ""
    if before.strip():
        if end < line_end and not text[end].isspace():
            return start, end, ""  # "…charger. 我们会发货。It has…": the space stays between the neighbours
        while start > line_start and text[start - 1] in " \t\u00a0":
            start -= 1
        return start, end, ""
    while end < line_end and text[end] in " \t\u00a0":
        end += 1
    return start, end, ""


# ------------------------------------------------------------------ applying

_TRAILING_BLANKS = lazy_re(r"[ \t]+(?=\r|\n|\Z)")


def _apply_order(fix: Fix) -> Tuple[int, int]:
    return fix.start, -fix.end


def apply(text: str, fixes: Iterable[Fix]) -> str:
    """``text`` with the fixes applied once; where two overlap, the one that starts first wins."""
    parts: List[str] = []
    pos = 0
    for fix in sorted(set(fixes), key=_apply_order):
        if fix.start < pos:
            continue
        parts.append(text[pos:fix.start])
        parts.append(fix.replacement)
        pos = fix.end
        blanks = _TRAILING_BLANKS.match(text, pos)
        if blanks is not None and (not fix.replacement or not fix.replacement[-1].isspace()):
            pos = blanks.end()  # the line ends here now: no blanks left before its break
    parts.append(text[pos:])
    return "".join(parts)


def applicable(fixes: Iterable[Fix], unsafe: bool = False) -> List[Fix]:
    """The distinct fixes that are applied: safe ones, and unsafe ones only when asked."""
    return sorted({f for f in fixes if unsafe or f.applicability == SAFE}, key=lambda f: (f.start, f.end))


# What a finding of language says when the whole reply is in another language.
FOREIGN_NOTE = {
    "ru": "Автоматической правки нет: весь ответ написан не на русском и не на английском; "
          "напишите его заново по-русски или по-английски.",
    "en": "No automatic rewrite: the whole reply is in another language; write it again in Russian or English.",
    "zh": "无法自动改写：整条回复不是俄语或英语，请用俄语或英语重新撰写。",
}


def annotate(text: str, violations: List[Violation], rewrites: Mapping[str, Sequence[Rewrite]],
             unsafe: bool = False, keep: Sequence[Tuple[int, int]] = ()) -> List[Violation]:
    """The findings of ``text`` with their planned fixes; in a reply written in
    another language, the language findings say why nothing is rewritten."""
    reply = _Reply(text, violations)
    found = with_fixes(violations, _plan(text, violations, rewrites, unsafe, keep, reply))
    if not reply.foreign:
        return found
    out = []
    for v in found:
        if v.category == "language" and v.messages:
            lang = next((k for k, m in v.messages.items() if m == v.message), "en")
            messages = {k: f"{m} {FOREIGN_NOTE[k]}" for k, m in v.messages.items()}
            v = v._replace(message=messages[lang], messages=messages)
        out.append(v)
    return out


def with_fixes(violations: List[Violation], fixes: Mapping[int, Fix]) -> List[Violation]:
    """The violations with their planned fix, and its replacement as the suggestion."""
    if not fixes:
        return [_with_fix(v, None) if v.suggestion is not None or v.fix else v for v in violations]
    return [_with_fix(v, fixes.get(index)) for index, v in enumerate(violations)]


_SUGGESTION, _FIX = Violation._fields.index("suggestion"), Violation._fields.index("fix")


def _with_fix(v: Violation, fix: Optional[Fix]) -> Violation:
    """``v._replace(suggestion=…, fix=fix)`` without reading every field by name."""
    values = list(v)
    values[_SUGGESTION], values[_FIX] = (fix.replacement if fix else None), fix
    return v._make(values)


# ------------------------------------------------------------------ reviewing

MAX_PASSES = 4

SEND, SEND_FIX, STOP = "send", "send-fix", "stop"


class Review(NamedTuple):
    """What to do with a draft before it is sent.

    ``fixed`` is the draft with the fixes applied; ``fixes`` are those fixes
    (each in the coordinates of the text of its pass: one pass is the rule);
    ``remaining`` are the findings of ``fixed``, with their severities."""

    text: str
    fixed: str
    fixes: Tuple[Fix, ...]
    remaining: Tuple[Violation, ...]

    @property
    def errors(self) -> List[Violation]:
        return [v for v in self.remaining if v.severity == "error"]

    @property
    def action(self) -> str:
        """``send`` the draft as it is, ``send-fix`` (send ``fixed``), or ``stop``: errors
        remain, nothing is left to send, or the fix is a template a person must check."""
        if self.errors or not _WORD.search(self.fixed) or any(f.template for f in self.fixes):
            return STOP
        return SEND if self.fixed == self.text else SEND_FIX


def review(text: str, check, unsafe: bool = False) -> Review:
    """Fix ``text`` with the findings ``check(text)`` reports (their planned fixes),
    again on the result until nothing changes, and report what remains."""
    current = text
    applied: List[Fix] = []
    for _ in range(MAX_PASSES):
        found = check(current)
        fixes = applicable((v.fix for v in found if v.fix is not None), unsafe)
        fixed = apply(current, fixes) if fixes else current
        if fixed == current:
            return Review(text, current, tuple(applied), tuple(found))
        applied.extend(fixes)
        current = fixed
    return Review(text, current, tuple(applied), tuple(check(current)))
