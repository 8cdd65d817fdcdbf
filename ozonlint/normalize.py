"""The normalised views that matchers read, each with a map back to the original text.

A view is built by a chain of rewrites. Each rewrite records only the places
where it changed the text (an *edit*: source span -> replacement span), so a
clean ASCII/Cyrillic draft — the common case — costs a few C-level scans and no
per-character Python work, and mapping a span back is a binary search per
rewrite. Cost is linear in the text and in the number of edits.

Views:

* ``base`` — NFKC, case folding, zero-width/format characters and combining marks
  removed, ``ё`` → ``е``, all decimal digits as ASCII, dashes and quotes unified,
  Latin/Cyrillic/Greek look-alikes folded inside words that mix scripts.
  Detectors (phone, e-mail, URL, card) and patterns read it.
* ``words`` — ``base`` plus letters separated by spaces, dots or dashes joined
  (``W h a t s A p p``) and leetspeak inside words (``wh@ts@pp``). Term and
  proximity rules read it.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import Any, Callable, Dict, FrozenSet, List, NamedTuple, Optional, Sequence, Tuple

import regex

from .lazyre import lazy, lazy_re

Edit = Tuple[int, int, str]  # (source start, source end, replacement)


class OffsetMap:
    """Maps positions in a rewritten string back to the string it was made from."""

    __slots__ = ("_dst_starts", "_dst_ends", "_src_starts", "_src_ends")

    def __init__(self, edits: Sequence[Edit]) -> None:
        dst_starts: List[int] = []
        dst_ends: List[int] = []
        src_starts: List[int] = []
        src_ends: List[int] = []
        shift = 0  # destination minus source, accumulated over earlier edits
        for src_start, src_end, replacement in edits:
            dst_start = src_start + shift
            dst_end = dst_start + len(replacement)
            dst_starts.append(dst_start)
            dst_ends.append(dst_end)
            src_starts.append(src_start)
            src_ends.append(src_end)
            shift += len(replacement) - (src_end - src_start)
        self._dst_starts = dst_starts
        self._dst_ends = dst_ends
        self._src_starts = src_starts
        self._src_ends = src_ends

    def __bool__(self) -> bool:
        return bool(self._dst_starts)

    def start(self, pos: int) -> int:
        """Source position of a span that starts at ``pos``."""
        i = bisect_right(self._dst_starts, pos) - 1
        if i < 0:
            return pos
        if pos < self._dst_ends[i]:
            return self._src_starts[i]
        return pos - self._dst_ends[i] + self._src_ends[i]

    def end(self, pos: int) -> int:
        """Source position of a span that ends (exclusive) at ``pos``."""
        i = bisect_right(self._dst_starts, pos - 1) - 1
        if i < 0:
            return pos
        if pos <= self._dst_ends[i]:
            # inside or right at the end of a replacement: cover its whole source
            return self._src_ends[i] if pos > self._dst_starts[i] else self._src_starts[i]
        return pos - self._dst_ends[i] + self._src_ends[i]


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with the (sorted, non-overlapping) edits applied."""
    if not edits:
        return text
    parts: List[str] = []
    pos = 0
    for start, end, replacement in edits:
        parts.append(text[pos:start])
        parts.append(replacement)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def rewrite(text: str, pattern: "regex.Pattern[str]",
            replace: Callable[["regex.Match[str]"], Optional[str]]) -> Tuple[str, List[Edit]]:
    """Rewrite every match of ``pattern`` for which ``replace`` returns a new string."""
    edits: List[Edit] = []
    for m in pattern.finditer(text):
        new = replace(m)
        if new is not None and new != m.group():
            edits.append((m.start(), m.end(), new))
    return apply_edits(text, edits), edits


class View:
    """A normalised string plus the chain of maps back to the original text."""

    __slots__ = ("original", "text", "_maps", "plain", "mixed", "narrow", "written")

    def __init__(self, original: str, text: str, maps: Tuple[OffsetMap, ...], plain: bool = False,
                 mixed: Optional[bool] = None, narrow: Optional[bytes] = None, written: Optional[bytes] = None
                 ) -> None:
        self.original = original
        self.text = text
        self._maps = maps
        self.plain = plain  # the original is printable ASCII, basic Cyrillic and common punctuation
        self.mixed = mixed  # a word of the text mixes Latin with Cyrillic or Greek (None: not known)
        self.narrow = narrow  # the text's narrow form (see narrow_form), for a plain draft's base view
        # the original in code page 1251, one byte a character, for the base view of a plain draft
        # that NFKC leaves alone and that code page holds (see _stable_plain_form), most drafts
        self.written = written

    def derive(self, text: str, edits: Sequence[Edit]) -> "View":
        """A further view of this one, made by ``edits`` on ``self.text``."""
        if not edits:
            return self
        return View(self.original, text, self._maps + (OffsetMap(edits),))

    def span(self, start: int, end: int) -> Tuple[int, int]:
        """The span of the original text that ``text[start:end]`` came from."""
        for offset_map in reversed(self._maps):
            start, end = offset_map.start(start), offset_map.end(end)
        if end < start:
            end = start
        return start, end


# --------------------------------------------------------------- base view

# Anything followed by combining marks, or any single character outside ASCII,
# the basic Cyrillic letters, common punctuation and the unified Chinese
# characters (which NFKC never changes): NFKC is applied cluster by cluster so
# that every change is a local edit.
_NFKC_STABLE = "\x00-\x7f\u0400-\u045f«»—–‘’“”„₽°•·€×±\u3400-\u4dbf\u4e00-\u9fff"
_CLUSTER = lazy(r"\P{M}\p{M}+|[^" + _NFKC_STABLE + "]")
# Every cluster holds a character outside that set (a mark is one): the
# clusters are looked for only around runs of those (std re: a fast scan).
_NFKC_UNSTABLE_RUN = lazy_re("[^" + _NFKC_STABLE + "]+")
# Invisible characters used to split words: format characters (zero-width
# space, joiners, soft hyphen, bidi marks), combining marks, variation
# selectors, fillers that render as nothing, and control characters.
_INVISIBLE = lazy(
    r"[\p{Cf}\p{Mn}\p{Me}\u115f\u1160\u3164\uffa0\u2800"
    r"\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]+"
)
# Controls and marks that separate like a space (vertical tab, form feed,
# information separators, NEL, line and paragraph separators): a space in
# the view, so "Звоните\v8\v916" keeps its words apart and its digit groups.
_SPACE_LIKE = "\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029"
# An emoji or symbol between two letters splits a word to hide it ("W🟢A",
# "Т🔹Е🔹Л🔹Е🔹Г🔹А"); between words it stays (a space is not a letter).
_SYMBOL_IN_WORD = lazy(r"(?<=\p{L})[\p{So}\p{Sk}\u200d\ufe0f]{1,3}(?=\p{L})"
                       r"|(?<=\p{N})[\p{So}\p{Sk}\u200d\ufe0f]{1,3}(?=\p{N})")  # between digits: a separator
_DIGIT_AND_PUNCT_FOLD: Dict[int, str] = {
    ord("ё"): "е",
    ord("‐"): "-", ord("‑"): "-", ord("‒"): "-", ord("–"): "-", ord("—"): "-",
    ord("―"): "-", ord("−"): "-", ord("﹣"): "-",
    ord("’"): "'", ord("‘"): "'", ord("ʼ"): "'", ord("`"): "'", ord("´"): "'",
    ord("\u00a0"): " ", ord("\u2007"): " ", ord("\u202f"): " ", ord("\u2009"): " ",
    ord("\u3000"): " ",
    **{ord(ch): " " for ch in _SPACE_LIKE},
    # a heavy or small plus sign is a plus ("➕V" is "+V")
    ord("➕"): "+", ord("﹢"): "+",
    # dots in the middle of a line: one middle dot ("8・916・555")
    ord("・"): "·", ord("‧"): "·", ord("∙"): "·", ord("⋅"): "·", ord("･"): "·",
    # Cyrillic letters with diacritics inside the basic block (the plain path
    # folds them here; _accent_table covers the rest)
    ord("ѐ"): "е", ord("ѓ"): "г", ord("ќ"): "к", ord("ѝ"): "и", ord("ў"): "у", ord("ї"): "і",
}


def _fold_table() -> Dict[int, str]:
    table = dict(_DIGIT_AND_PUNCT_FOLD)
    # every decimal digit of every script as its ASCII digit (same length)
    for start in (0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6,
                  0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090,
                  0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0,
                  0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50,
                  0xABF0, 0xFF10):
        for d in range(10):
            table[start + d] = str(d)
    return table


_FOLD = _fold_table()

# Look-alike letters (after case folding). Only letters of words that mix
# scripts are folded, towards the script that the word's unambiguous letters
# belong to, so ordinary Russian and English words are never touched.
_CYR_TO_LAT = {
    "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ј": "j", "ԁ": "d",
    "ԛ": "q", "ԝ": "w", "ь": "b", "п": "n", "г": "r", "з": "3",
}
_LAT_TO_CYR = {
    "a": "а", "b": "в", "c": "с", "e": "е", "h": "н", "k": "к", "m": "м", "o": "о",
    "p": "р", "t": "т", "x": "х", "y": "у", "n": "п", "r": "г", "u": "и",
}
_GREEK_TO_LAT = {
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "μ": "m", "ν": "v",
    "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ω": "w", "ς": "s",
    "σ": "o", "ζ": "z", "δ": "d",
}
# Two adjacent letters of different scripts: the sign of a word that mixes them.
_SCRIPT_SWITCH = lazy(
    r"\p{Latin}[\p{Cyrillic}\p{Greek}]|[\p{Cyrillic}\p{Greek}]\p{Latin}"
    r"|\p{Cyrillic}\p{Greek}|\p{Greek}\p{Cyrillic}"
)
_WORD_HEAD = lazy(r"(?r)[\p{L}\p{N}]*")
_WORD_TAIL = lazy(r"[\p{L}\p{N}]*")


def _script(ch: str) -> str:
    # plain comparisons: this runs per letter of every word that mixes scripts
    if ch < "\u0080":
        return "lat" if ch.isalpha() else "other"
    if "\u0400" <= ch <= "\u052f":
        return "cyr"
    if ch in _GREEK_TO_LAT:
        return "grk"
    if "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff":
        return "lat" if ch.isalpha() else "other"
    return "other"


# Letters that look the same as a letter of the other script in lower case;
# every other letter is evidence for its own script when a word mixes them.
_SAME_LOOKING = frozenset("аеорсхуіјѕԁԛԝһaeopcxyijsdqwh")


# Letters that only their own script has (no look-alike in the other one):
# a run of letters holding one is a word of that script, not a disguise.
_LATIN_ONLY = frozenset("dfgijlqsvwz")
_CYRILLIC_ONLY = frozenset("бджзийлфцчшщъыэюя")


def _glued_switches(word: str) -> List[int]:
    """Where a word that mixes scripts is really two or more words glued
    together ("whatsappсейчас", "вотсапnow"): offsets of its script switches,
    when every run of one script has three letters or more, one of them a
    letter only that script has. Otherwise (a look-alike letter or two inside
    a word: "whаtsapp") no offsets."""
    runs: List[List[int]] = []  # [script, start, letters, own letters]
    for i, ch in enumerate(word):
        script = _script(ch)
        if script == "grk":
            return []
        if script not in ("lat", "cyr"):
            continue
        own = ch in (_LATIN_ONLY if script == "lat" else _CYRILLIC_ONLY)
        if runs and runs[-1][0] == script:
            runs[-1][2] += 1
            runs[-1][3] += own
        else:
            runs.append([script, i, 1, int(own)])
    if len(runs) < 2 or any(letters < 3 or not own for _, _, letters, own in runs):
        return []
    return [start for _, start, _, _ in runs[1:]]


def _unmix(word: str) -> str:
    if _glued_switches(word):
        return word  # two words glued together, each in its own script
    unambiguous = {"lat": 0, "cyr": 0}
    total = {"lat": 0, "cyr": 0}
    for ch in word:
        script = _script(ch)
        if script == "grk":
            script = "lat"
            ch = _GREEK_TO_LAT[ch]
        if script in total:
            total[script] += 1
            if ch not in _SAME_LOOKING:
                unambiguous[script] += 1
    if unambiguous["cyr"] != unambiguous["lat"]:
        target = "cyr" if unambiguous["cyr"] > unambiguous["lat"] else "lat"
    else:
        target = "cyr" if total["cyr"] > total["lat"] else "lat"
    out = []
    for ch in word:
        if ch in _GREEK_TO_LAT:
            ch = _GREEK_TO_LAT[ch]
            if target == "cyr":
                ch = _LAT_TO_CYR.get(ch, ch)
        elif target == "lat":
            ch = _CYR_TO_LAT.get(ch, ch) if _script(ch) == "cyr" else ch
        else:
            ch = _LAT_TO_CYR.get(ch, ch) if _script(ch) == "lat" else ch
        out.append(ch)
    return "".join(out)


def _nfkc(m: "regex.Match[str]") -> str:
    return unicodedata.normalize("NFKC", m.group())


# Chinese punctuation and the full-width forms (the ones is_plain_or_chinese lets through; none
# a combining mark: a test checks), each with its NFKC: a run of only these is a cluster a character.
_CHINESE_PUNCTUATION_NFKC = {ch: unicodedata.normalize("NFKC", ch) for first, last in (
    ("\u3000", "\u3002"), ("\u3008", "\u3011"), ("\u3014", "\u301f"), ("\uff01", "\uff5e"))
    for ch in map(chr, range(ord(first), ord(last) + 1))}
_CHINESE_PUNCTUATION = frozenset(_CHINESE_PUNCTUATION_NFKC)


def _nfkc_clusters(text: str) -> Tuple[str, List[Edit]]:
    """``text`` in NFKC, cluster by cluster (see _CLUSTER), with the edits.

    The same edits as ``rewrite(text, _CLUSTER, _nfkc)``: a cluster starts at
    most one character before a run of unstable characters (its base, when
    the run begins with marks) and never crosses a stable one that is not its
    base. A run of Chinese punctuation (a Chinese reply's "，", "！", "："), no mark in it,
    is a cluster a character, each looked up (where a regex-module scan of the run
    and a normalisation a cluster cost a Chinese reply some 15 us)."""
    edits: List[Edit] = []
    for run in _NFKC_UNSTABLE_RUN.finditer(text):
        chars = run.group()
        if _CHINESE_PUNCTUATION.issuperset(chars):
            start = run.start()
            for i, ch in enumerate(chars):
                new = _CHINESE_PUNCTUATION_NFKC[ch]
                if new != ch:
                    edits.append((start + i, start + i + 1, new))
            continue
        for m in _CLUSTER.finditer(text, max(0, run.start() - 1), run.end()):
            new = _nfkc(m)
            if new != m.group():
                edits.append((m.start(), m.end(), new))
    return apply_edits(text, edits), edits


def _casefold_with_edits(text: str) -> Tuple[str, List[Edit]]:
    # casefold is per character; only the characters it expands move positions
    edits = [(i, i + 1, ch.casefold()) for i, ch in enumerate(text) if len(ch.casefold()) != 1]
    return text.casefold(), edits


def _unmix_words(text: str) -> str:
    """Fold look-alikes in every word that mixes scripts (same length as ``text``)."""
    parts: List[str] = []
    done = 0
    for m in _SCRIPT_SWITCH.finditer(text):
        if m.start() < done:
            continue  # inside a word already folded
        head = _WORD_HEAD.search(text, 0, m.start())
        word_start = head.start() if head else m.start()
        word_end = _WORD_TAIL.match(text, m.start()).end()
        parts.append(text[done:word_start])
        parts.append(_unmix(text[word_start:word_end]))
        done = word_end
    parts.append(text[done:])
    return "".join(parts)


# Printable ASCII, basic Cyrillic and the punctuation Russian replies use: a
# draft of only these (most drafts) has no invisible characters and no Greek,
# so the cheaper checks below decide for it. (std ``re``: faster for plain classes.)
_PLAIN = lazy_re("[\x20-\x7e\n\r\t\u0400-\u045f\u00ab\u00bb\u00b0\u00a0\u2013\u2014\u2019"
                    "\u201c\u201d\u201e\u2026\u2116\u20bd]*")
_CYRILLIC_RUN = lazy_re("[\u0400-\u045f]+")
# The same with Chinese characters and punctuation, full-width forms included
# (which NFKC turns into ASCII): no letter of another script, no invisible or
# accented character.
_PLAIN_OR_CHINESE = lazy_re("[\x20-\x7e\n\r\t\u0400-\u045f\u00ab\u00bb\u00b0\u00a0\u2013\u2014\u2019"
                            "\u201c\u201d\u201e\u2026\u2116\u20bd\u3000-\u3002\u3008-\u3011\u3014-\u301f"
                            "\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]*")
# Blocks that hold every Latin, Greek and Cyrillic letter (and some other
# characters): a test checks them against the regex module's script tables.
_LATIN_BLOCKS = ("A-Za-z\u00aa\u00ba\u00c0-\u02ff\u1d00-\u1dbf\u1e00-\u1eff\u2070-\u209f\u2100-\u218f"
                 "\u2c60-\u2c7f\ua720-\ua7ff\uab30-\uab6f\ufb00-\ufb06\uff21-\uff3a\uff41-\uff5a"
                 "\U00010780-\U000107bf\U0001df00-\U0001dfff")
_GREEK_BLOCKS = ("\u0370-\u03ff\u1d00-\u1dbf\u1f00-\u1fff\u2100-\u214f\uab65"
                 "\U00010140-\U000101af\U0001d200-\U0001d24f\U0001df00-\U0001dfff")
_CYRILLIC_BLOCKS = ("\u0400-\u052f\u1c80-\u1c8f\u1d00-\u1dbf\u2de0-\u2dff\ua640-\ua69f\ufe2e\ufe2f"
                    "\U0001e030-\U0001e08f")
# Every switch of script involves a Latin or Greek letter (Cyrillic next to
# Cyrillic is none), and a Cyrillic or Greek one: runs of either kind.
_LATIN_GREEK_RUN = lazy_re("[" + _LATIN_BLOCKS + _GREEK_BLOCKS + "]+")
_CYRILLIC_GREEK_RUN = lazy_re("[" + _CYRILLIC_BLOCKS + _GREEK_BLOCKS + "]+")
_SCRIPT_CHAR = lazy_re("[" + _LATIN_BLOCKS + _CYRILLIC_BLOCKS + _GREEK_BLOCKS + "]")


def is_plain(text: str) -> bool:
    """Whether ``text`` holds only ASCII, basic Cyrillic and the punctuation
    Russian replies use (most replies): no Chinese, no letter of another script,
    no Latin letter outside ASCII."""
    return _PLAIN.fullmatch(text) is not None


def is_plain_or_chinese(text: str) -> bool:
    """Whether ``text`` holds only ASCII, basic Cyrillic, common punctuation and
    Chinese characters and punctuation (full-width forms included): no letter
    of another script, no invisible or accented character (after NFKC, no
    look-alike either)."""
    return _PLAIN_OR_CHINESE.fullmatch(text) is not None


def _mixes_scripts(text: str) -> bool:
    """Whether ``text`` has a word with letters of two scripts side by side
    (what _SCRIPT_SWITCH finds). A Russian reply holds few Latin runs ("Ozon",
    "USB"), an English one few Cyrillic runs (a shop's name), a Chinese one
    few of either: only around the runs of the rarer kind can a switch be, and
    only there is it looked for (scanning a whole reply for every pair of
    adjacent letters is what this saves)."""
    russian = len(text.encode("ascii", "ignore")) * 2 <= len(text)
    runs = _LATIN_GREEK_RUN if russian else _CYRILLIC_GREEK_RUN
    size = len(text)
    for m in runs.finditer(text):
        start, end = m.span()
        one_script = m.group().isascii() if russian else _CYRILLIC_RUN.fullmatch(m.group())
        if (one_script and not (start and _SCRIPT_CHAR.match(text, start - 1))
                and not (end < size and _SCRIPT_CHAR.match(text, end))):
            continue
        if _SCRIPT_SWITCH.search(text, max(0, start - 1), end + 1):
            return True
    return False


# ------------------------------------------------ a plain text's narrow form

# A plain draft's folded text (see is_plain and base_view) holds only characters
# of code page 1251 and "₽", which is no letter, digit or separator of any
# pattern here. Encoded in it, one byte a character ("₽" as "?", likewise none
# of those), it is the text's *narrow form*: a table turns each byte into the
# class of its character for one pattern (bytes.translate), and the pattern,
# written on those classes, is a C-level bytes.find or a short std-re scan of
# bytes, where the pattern itself scans the text at several times the cost.


def narrow_form(text: str) -> bytes:
    """``text`` (a plain draft's folded text) in code page 1251, "?" for "₽"."""
    return text.encode("ascii") if text.isascii() else text.encode("cp1251", "replace")


class _NarrowClasses(NamedTuple):
    scripts: bytes  # L: a Latin letter, C: a Cyrillic one, G: a Greek one, M: of more than one script
    spaced: bytes   # _MAYBE_SPACED's: s: a separator, a: a letter, d: another letter or digit
    leet: bytes     # _LEET_HINT's: a: a letter; leet characters: E 0134, e @, L other digits, l $|!
    marks: bytes    # m: a mark of _IN_WORD_MARK_HINT
    # _MAYBE_SPACED and _LEET_HINT written on those classes: the same drafts have them
    spaced_sign: "re.Pattern[bytes]"
    leet_sign: "re.Pattern[bytes]"


_narrow_classes: List[_NarrowClasses] = []


_CP1251_CHARS = bytes(range(256)).decode("cp1251", "replace")  # a narrow form's characters, by byte


def chars_of(pattern: Any) -> FrozenSet[str]:
    """The characters of code page 1251 that a one-character ``pattern`` (a class) matches,
    found in one scan of them all (a match per character took 1-2 ms at the first check)."""
    return frozenset(m.group() for m in pattern.finditer(_CP1251_CHARS))


def class_table(kind: Callable[[str], str]) -> bytes:
    """A bytes.translate table that turns each byte of a narrow form into the class
    (an ASCII letter) that ``kind`` gives its character (the byte of "₽" is "?")."""
    return "".join(map(kind, _CP1251_CHARS)).encode("ascii")


def class_sets(sets: Sequence[Any]) -> Tuple[bytes, List[bytes]]:
    """A class table (see class_table) in which the characters that are in the same
    of ``sets`` share a class, and for each set the classes of its characters (a
    character class of a pattern on bytes: "[" + them + "]"). Each set is a
    one-character pattern (a class) or a string of the characters. Worked out, not written."""
    found = [frozenset(member) if isinstance(member, str) else chars_of(member) for member in sets]
    memberships = [tuple(ch in member for member in found) for ch in _CP1251_CHARS]
    letters = {m: chr(ord("A") + i) for i, m in enumerate(dict.fromkeys(memberships))}
    table = "".join(letters[m] for m in memberships).encode("ascii")
    members = ["".join(letter for m, letter in letters.items() if m[i]).encode("ascii") for i in range(len(sets))]
    return table, members


def _classes() -> _NarrowClasses:
    """The class tables, worked out from the patterns' own classes on first use."""
    if not _narrow_classes:
        scripts = [chars_of(script) for script in _SCRIPT_CLASSES]
        sep, letter, alnum, leet = map(chars_of, (_SEP_CLASS, _LETTER_CLASS, _ALNUM_CLASS, _LEET_CLASS))

        def script_of(ch: str) -> str:
            found = [name for name, script in zip("LCG", scripts) if ch in script]
            return (found[0] if len(found) == 1 else "M") if found else " "

        def spaced_class(ch: str) -> str:
            return "s" if ch in sep else "a" if ch in letter else "d" if ch in alnum else " "

        def leet_class(ch: str) -> str:
            if ch in letter:
                return "a"
            if ch in "0134@":  # (may end a word)
                return "E" if ch in alnum else "e"
            if ch in leet:
                return "L" if ch in alnum else "l"
            return "d" if ch in alnum else " "

        _narrow_classes.append(_NarrowClasses(
            *(class_table(kind)
              for kind in (script_of, spaced_class, leet_class, lambda ch: "m" if ch in "/\\*·•+~" else " ")),
            re.compile(rb"sas{1,3}a(?![ad])"),
            re.compile(rb"[EeLl](?<=a[EeLl])(?:[EeLl]?a|(?<=[Ee])(?![aELd]))")))
    return _narrow_classes[0]


def _narrow_mixes_scripts(narrow: bytes, folded: str) -> bool:
    """_mixes_scripts of a plain draft's folded text, from its narrow form."""
    scripts = narrow.translate(_classes().scripts)
    if b"G" in scripts or b"M" in scripts:  # (no byte of code page 1251 is either today)
        return _mixes_scripts(folded)
    # a Latin letter next to a Cyrillic one, looked for from each letter of the rarer
    # script (std re jumps to them), as its first 40 letters tell it: a search for the
    # pair ("LC" in scripts) tries every letter of the text
    head = scripts[:40]
    switch = _SWITCH_AT_LATIN if head.count(b"L") <= head.count(b"C") else _SWITCH_AT_CYRILLIC
    return switch.search(scripts) is not None


_SWITCH_AT_LATIN = re.compile(rb"L(?:(?<=CL)|(?=C))")  # (on the script classes: bytes, compiled at once)
_SWITCH_AT_CYRILLIC = re.compile(rb"C(?:(?<=LC)|(?=L))")


def _char_class(codes: Sequence[int]) -> str:
    """A character class of ``codes`` written as ranges (compiles faster than a list)."""
    parts, run = [], []
    for code in sorted(codes):
        if run and code == run[-1] + 1:
            run.append(code)
            continue
        if run:
            parts.append(re.escape(chr(run[0])) + ("-" + re.escape(chr(run[-1])) if len(run) > 1 else ""))
        run = [code]
    if run:
        parts.append(re.escape(chr(run[0])) + ("-" + re.escape(chr(run[-1])) if len(run) > 1 else ""))
    return "[" + "".join(parts) + "]"


_FOLD_CHARS = lazy_re(_char_class(list(_FOLD)))


# Letters with diacritics, Latin (Latin-1, Extended-A/B, Extended Additional)
# and Cyrillic (ѓ ќ ѐ ѝ ў ї …, but not й): a disguise inside a word
# ("WhatsÁpp", "телеѓрам"), folded to the plain letter. (Other languages'
# letters are judged on the original text, not on this view.)
_ACCENTED = lazy_re("[\u00c0-\u024f\u1e00-\u1eff\u0400-\u040f\u0450-\u045f\u0476\u0477\u04c1-\u04ff]")
_accents: Dict[int, str] = {}


def _accent_table() -> Dict[int, str]:
    if not _accents:
        codes = list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)) + list(range(0x400, 0x500))
        for code in codes:
            if code in (0x419, 0x439):  # й is a letter of its own
                continue
            decomposed = unicodedata.normalize("NFD", chr(code))
            base = decomposed[0]
            if len(decomposed) > 1 and base.isalpha() and (base.isascii() or "\u0400" <= base <= "\u04ff"):
                _accents[code] = base.lower()
    return _accents


def _fold_char(m: "re.Match[str]") -> str:
    return _FOLD[ord(m.group())]


# Letters of other alphabets drawn like Latin ones, which NFKC leaves alone:
# small capitals (ᴡʜᴀᴛsᴀᴘᴘ), negative circled and squared letters (🅦, 🆆),
# regional indicators (🇼🇭🇦), Cherokee and Armenian look-alikes. Folded
# everywhere (one character to one character), before NFKC, so that
# parenthesised letters (⒲) become a letter rather than "(w)".
def _lookalike_table() -> Dict[int, str]:
    table: Dict[int, str] = {}
    small_capitals = {
        "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ɪ": "i",
        "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ꞯ": "q", "ʀ": "r",
        "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z",
        "ɑ": "a", "ɡ": "g", "ı": "i", "ȷ": "j", "ɩ": "i",
    }
    table.update({ord(k): v for k, v in small_capitals.items()})
    for start in (0x1F150, 0x1F170, 0x1F1E6, 0x249C):  # negative circled, negative squared, regional, parenthesised
        for i in range(26):
            table[start + i] = chr(ord("a") + i)
    for start in (0x2776, 0x2780, 0x278A):  # dingbat circled digits ❶ ➀ ➊ (NFKC leaves them)
        for i in range(9):
            table[start + i] = chr(ord("1") + i)
    table[0x24FF] = "0"  # ⓿
    cherokee = {0x13A0: "d", 0x13A1: "r", 0x13A2: "t", 0x13AA: "a", 0x13AB: "j", 0x13AC: "e",
                0x13B3: "w", 0x13D4: "w", 0x13B7: "m", 0x13BB: "h", 0x13C0: "g", 0x13C3: "z", 0x13DA: "s",
                0x13D9: "v", 0x13DE: "l", 0x13DF: "c", 0x13E2: "p", 0x13E6: "k", 0x13F4: "b"}
    for code, letter in cherokee.items():
        table[code] = letter
        table[0xAB70 + code - 0x13A0] = letter  # the small form (U+AB70 block)
    table.update({ord(k): v for k, v in {"օ": "o", "ս": "u", "հ": "h", "ո": "n", "ց": "g", "ա": "w"}.items()})
    return table


_LOOKALIKE = _lookalike_table()
_LOOKALIKE_CHARS = lazy_re(_char_class(list(_LOOKALIKE)))

# Characters written as codes: HTML character references ("&#87;hatsApp",
# "&#x57;", "&amp;"; a numeric one may end without ";", as browsers read it,
# a named one needs its ";"), escapes ("\\u0057hatsApp", "\\x57") and URL
# percent-encoding ("%57hatsApp": decoded where it touches a letter or is a
# run, so "10%AB" stays a discount).
_ENCODED = lazy_re(
    r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)"
    r"|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}"
    r"|(?:%[0-9a-fA-F]{2}){2,}|(?<=[^\W\d_])%[0-9a-fA-F]{2}|%[0-9a-fA-F]{2}(?=[^\W\d_])")


# The characters of a plain text (see is_plain) that NFKC changes, each on its own (a
# plain text has no combining mark to make a cluster of more): a test checks every one.
_PLAIN_NFKC = {ch: unicodedata.normalize("NFKC", ch) for ch in "\u00a0\u2026\u2116"}
_PLAIN_UNSTABLE = lazy_re("[" + "".join(_PLAIN_NFKC) + "]")


def _plain_nfkc(text: str) -> Tuple[str, List[Edit]]:
    """``_nfkc_clusters(text)`` of a plain text: an edit per character of _PLAIN_NFKC
    (std re finds them; the clusters' regex-module scan cost a reply with "№" 20 us)."""
    edits = [(m.start(), m.end(), _PLAIN_NFKC[m.group()]) for m in _PLAIN_UNSTABLE.finditer(text)]
    return apply_edits(text, edits), edits


# _FOLD of the characters of code page 1251, as a byte table (see _fold_plain; every one
# folds to another of them, or encoding would fail here), and of the printable ASCII ones
_FOLDED_CP1251 = [ch for ch in _CP1251_CHARS if ord(ch) in _FOLD]
_FOLD_CP1251 = bytes.maketrans("".join(_FOLDED_CP1251).encode("cp1251"),
                               "".join(_FOLD[ord(ch)] for ch in _FOLDED_CP1251).encode("cp1251"))
_PLAIN_ASCII_FOLD = [(ch, _FOLD[ord(ch)]) for ch in _FOLDED_CP1251 if " " <= ch <= "~"]


def _fold_plain(text: str) -> Tuple[str, bytes]:
    """``_FOLD_CHARS.sub(_fold_char, text)`` of a plain draft's case-folded text, and
    its narrow form: the text encoded in code page 1251 and folded by a byte table
    (the pattern called a function per folded character: "ё", "—", "\u00a0"; most
    replies have some), unless it holds a character that code page lacks ("₽",
    "ѐ", "ѝ": the pattern then)."""
    if text.isascii():
        for ch, new in _PLAIN_ASCII_FOLD:
            if ch in text:
                text = text.replace(ch, new)
        return text, text.encode("ascii")
    try:
        raw = text.encode("cp1251")
    except UnicodeEncodeError:
        folded = _FOLD_CHARS.sub(_fold_char, text)
        return folded, narrow_form(folded)
    narrow = raw.translate(_FOLD_CP1251)
    return (narrow.decode("cp1251") if narrow != raw else text), narrow


def _decoded(m: "re.Match[str]") -> str:
    code = m.group()
    if code[0] == "&":
        import html  # its table of entities costs 2 ms at start-up; few drafts hold one

        return html.unescape(code)
    if code[0] == "\\":
        char = chr(int(code[2:], 16))
        return code if 0xD800 <= ord(char) <= 0xDFFF else char
    try:
        decoded = bytes(int(code[i + 1:i + 3], 16) for i in range(0, len(code), 3)).decode("utf-8")
    except UnicodeDecodeError:
        return code
    return decoded if decoded.isprintable() else code


def _invisible(m: "regex.Match[str]") -> str:
    """Nothing, or a space where the invisible run was all that kept a word
    from a number ("Звоните\u200b8 916 …")."""
    text = m.string
    before = text[m.start() - 1:m.start()]
    after = text[m.end():m.end() + 1]
    if before and after and (before.isalpha() and after.isdigit() or before.isdigit() and after.isalpha()):
        return " "
    return ""


def base_view(text: str) -> View:
    """NFKC, case folding, invisible characters removed, look-alikes folded."""
    view = View(text, text, ())
    if ("&" in text or "\\" in text or "%" in text) and _ENCODED.search(text):
        view = view.derive(*rewrite(text, _ENCODED, _decoded))
    stable = _stable_plain_form(view.text)
    written = None
    if stable is None and _PLAIN_UNSTABLE.search(view.text):
        # an order's "№" (one reply in ten), "…", U+00A0: NFKC's edits first, then, when they
        # leave a text the fast way takes, what the general way makes of that text
        nfkc, edits = _plain_nfkc(view.text)
        stable = _stable_plain_form(nfkc)
        if stable is not None:
            view = view.derive(nfkc, edits)
    if stable is not None:  # most drafts
        plain = True
        folded, narrow, raw = stable
        if not view._maps:  # (no code was decoded, no NFKC edit: its bytes are the original's)
            written = raw
        mixed = not folded.isascii() and _narrow_mixes_scripts(narrow, folded)
    else:
        plain = _PLAIN.fullmatch(view.text) is not None
        if not plain and _LOOKALIKE_CHARS.search(view.text):
            view = View(text, view.text.translate(_LOOKALIKE), view._maps)  # one char to one char
        if plain:
            if _PLAIN_UNSTABLE.search(view.text):  # (a reply with an order's "№": one in ten)
                view = view.derive(*_plain_nfkc(view.text))
        elif not unicodedata.is_normalized("NFKC", view.text):
            view = view.derive(*_nfkc_clusters(view.text))
        # a Chinese reply is not plain, but its characters are no disguise either
        calm = plain or is_plain_or_chinese(view.text)
        if not calm and _INVISIBLE.search(view.text):
            view = view.derive(*rewrite(view.text, _INVISIBLE, _invisible))
        if not calm and _SYMBOL_IN_WORD.search(view.text):
            view = view.derive(*rewrite(view.text, _SYMBOL_IN_WORD,
                                        lambda m: " " if m.string[m.start() - 1].isdigit() else ""))
        folded = view.text.casefold()
        if len(folded) == len(view.text):
            view = View(text, folded, view._maps)  # one char to one char: positions kept
        else:
            view = view.derive(*_casefold_with_edits(view.text))
        if plain:
            folded, narrow = _fold_plain(view.text)
            mixed = not folded.isascii() and _narrow_mixes_scripts(narrow, folded)
        else:
            folded = _FOLD_CHARS.sub(_fold_char, view.text)  # one char to one char
            if not calm and _ACCENTED.search(folded):
                folded = folded.translate(_accent_table())  # "whatsápp" -> "whatsapp" (one char to one char)
            narrow = None
            mixed = _mixes_scripts(folded)
    if mixed:
        folded = _unmix_words(folded)  # same length
        narrow = narrow_form(folded) if plain else None
    return View(text, folded, view._maps, plain, mixed, narrow, written)


_stable_tables: List[Tuple["re.Pattern[bytes]", bytes]] = []


def _stable_plain_form(text: str) -> Optional[Tuple[str, bytes, bytes]]:
    """What base_view makes of a plain text (see is_plain) that NFKC leaves as it is (no
    "№", "…", U+00A0) and code page 1251 holds (no "₽", "ѐ", "ѝ"), most drafts: its
    folded text and narrow form, and its own bytes in that code page, checked by one
    class and case-folded and folded by one byte table (the text's own scans for
    plainness, NFKC, case folding and the fold cost twice as much); None for any
    other text."""
    ascii = text.isascii()
    try:
        raw = text.encode("ascii") if ascii else text.encode("cp1251")
    except UnicodeEncodeError:
        return None
    if not _stable_tables:
        stable = [ch for ch in _CP1251_CHARS if is_plain(ch) and unicodedata.is_normalized("NFKC", ch)]
        folded = "".join(_FOLD.get(ord(ch.casefold()), ch.casefold()) for ch in stable)  # (one each: a test checks)
        _stable_tables.append((re.compile(b"[%s]*" % re.escape("".join(stable).encode("cp1251"))),
                               bytes.maketrans("".join(stable).encode("cp1251"), folded.encode("cp1251"))))
    stable_run, fold = _stable_tables[0]
    if stable_run.fullmatch(raw) is None:
        return None
    narrow = raw.translate(fold)
    return narrow.decode("ascii" if ascii else "cp1251"), narrow, raw


# -------------------------------------------------------------- words view

_SEP = r"[ \t\r\n.\-_*·•/|+~,:'\"()\[\]]"
# The classes the tables are worked out from (module-level, so that their compiled forms
# are in the compiled-rules cache: compiling them cost the first check of a process 1-2 ms)
_SCRIPT_CLASSES = (lazy(r"\p{Latin}"), lazy(r"\p{Cyrillic}"), lazy(r"\p{Greek}"))
_SEP_CLASS, _LETTER_CLASS, _ALNUM_CLASS = lazy_re(_SEP), lazy_re(r"[^\W\d_]"), lazy_re(r"[^\W_]")
_LEET_CLASS = lazy_re(r"[@0-9$|!]")
# Three or more single letters of one script, separated by the same one to
# three separator characters ("w h a t s a p p", "в.а.т.с.а.п", "т. е. л. е. г. а",
# "(w)(h)(a)"), or by single separators that may differ, the first one not a
# space ("W-h_a.t s A p p"; "и т.д." stays as it is), or by spaces of
# uneven width ("W h  a t   s", four letters or more).
# One script per run, and "в" before a consonant is the preposition, so
# "в W h a t s A p p" and "в т е л е г р а м" keep "в" as a word of its own
# (before a vowel it begins the name: "в а т с а п"). Separators with a comma,
# colon or quote must repeat exactly, so a list "W h a t s A p p, V i b e r"
# stays two words.
_LAT = r"[\p{Latin}аеорсху]"   # Latin letters, and the Cyrillic ones that look the same in lower case
_CYR = r"[\p{Cyrillic}aeopcxytkmhb]"  # and Latin letters that look Cyrillic (upper case T K M H B)
_MIXED_SEP = r"[ \t.\-_*·•/|+~']"
_MIXED_FIRST = r"[.\-_*·•/|+~']"  # not a space: "и т.д." is a word and an abbreviation
_RUN_START = r"(?<![\p{L}\p{N}])(?!в" + _SEP + r"{1,3}[^\W\d_аеиоуыэюяaeiouy])"
# Likewise a last "к", "с" or "в" before "нам", "нами", "нашему менеджеру"… is the
# preposition: "в т е л е г у к нам" is "в телегу к нам", not "телегук".
_NOT_PREPOSITION = (r"(?![ксв][ \t]+(?:нам|нас|вам|нами|вами|мне|нему|ней|ним|ними|наш\p{L}*|менеджер\p{L}*"
                    r"|магазин\p{L}*)(?![\p{L}]))")
_SPACED_LETTERS = lazy(
    _RUN_START + _LAT + _MIXED_FIRST + _LAT + r"(?:" + _MIXED_SEP + _LAT + r"(?![\p{L}\p{N}]))+"
    r"|" + _RUN_START + _CYR + _MIXED_FIRST + _CYR + r"(?:" + _MIXED_SEP + _NOT_PREPOSITION + _CYR
    + r"(?![\p{L}\p{N}]))+"
    r"|" + _RUN_START + _LAT + r"[ \t]{1,3}" + _LAT + r"(?:[ \t]{1,3}" + _LAT + r"(?![\p{L}\p{N}])){2,}"
    r"|" + _RUN_START + _CYR + r"[ \t]{1,3}" + _CYR + r"(?:[ \t]{1,3}" + _NOT_PREPOSITION + _CYR
    + r"(?![\p{L}\p{N}])){2,}"
    r"|" + _RUN_START + _LAT + r"(" + _SEP + r"{1,3})" + _LAT + r"(?:\1" + _LAT + r"(?![\p{L}\p{N}]))+"
    r"|" + _RUN_START + _CYR + r"(" + _SEP + r"{1,3})" + _CYR + r"(?:\2" + _NOT_PREPOSITION + _CYR
    + r"(?![\p{L}\p{N}]))+"
)
# The cheap sign of such a run: a single letter between separators, and another after it.
# Anchored on the separator before the middle letter, so it is a fast scan; it
# may see runs that are not there (separators differ), never miss one.
_MAYBE_SPACED = lazy_re(_SEP + r"[^\W\d_]" + _SEP + r"{1,3}[^\W\d_](?![^\W_])")
# Punctuation inside a word that no word needs there: an apostrophe splits a
# name ("What'sApp"; "don't" becomes "dont" in drafts and terms alike), and
# a slash, backslash, star, dot-like bullet, plus or tilde splits it into two
# words ("теле/грам" is "теле грам", which the vocabularies list as a split name).
_IN_WORD_APOSTROPHE = lazy(r"(?<=\p{L})'(?=\p{L})")
# Turkish writes a name's case ending after an apostrophe ("WhatsApp'tan", "Telegram'da",
# "Instagram'ımızdan"): the name stays a word of its own. (Folded: "ı" is "i".)
_NAME_SUFFIX = lazy(r"(?<=[a-z]{3})'(?=(?:y?[aeiou]|n?[iu]n|[dt][ae](?:n|ki)?|y?l[ae]|[dt][iu]r"
                    r"|[iu]m[iu]z(?:[dt][ae]n?|[iu]n|[ae]|l[ae])?)(?![\p{L}\p{N}]))")
_IN_WORD_MARK = lazy(r"(?<=\p{L})[/\\*·•+~](?=\p{L})")
_IN_WORD_MARK_HINT = lazy_re(r"[/\\*·•+~]")  # one of the marks at all (a fast scan)
_LEET_RUN = lazy(r"(?<=\p{L})[@0-9$|!]{1,2}(?=\p{L})|(?<=\p{L}{4})[0134@](?![\p{L}\p{N}])")
# The cheap sign of it (std re, anchored on the leet character, so the scan skips
# every other one): such a character right after a letter, and a letter after it
# or, for the end-of-word kind, no letter or digit ("[^\W\d_]": letters, a superset).
_LEET_HINT = lazy_re(r"[@0-9$|!](?<=[^\W\d_][@0-9$|!])(?:[@0-9$|!]?[^\W\d_]|(?<=[0134@])(?![^\W_]))")
_LEET = str.maketrans({"@": "a", "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "6": "б",
                       "$": "s", "7": "t", "|": "l", "!": "i"})


def _join_letters(m: "regex.Match[str]") -> str:
    return "".join(ch for ch in m.group() if ch.isalpha())


def _leet(m: "regex.Match[str]") -> str:
    return m.group().translate(_LEET)


def words_view(base: View) -> View:
    """``base`` with spaced-out letters joined, names split by punctuation
    rejoined or split at it, leetspeak inside words undone, and a name glued
    to the next word of the other script split from it ("WhatsAppсейчас")."""
    view = base
    mixed = base.mixed  # whether a word mixes scripts, kept up to date below (None: look)
    narrow = base.narrow  # the narrow form of view.text while it is the base's (see narrow_form)
    classes = _classes() if narrow is not None else None
    if (classes.spaced_sign.search(narrow.translate(classes.spaced)) if classes
            else _MAYBE_SPACED.search(view.text)):
        view = view.derive(*rewrite(view.text, _SPACED_LETTERS, _join_letters))
        mixed = _mixes_scripts(view.text)
        if mixed:  # joined letters may mix scripts: "W h a t s A р p"
            view = View(view.original, _unmix_words(view.text), view._maps)
        classes = None
    if "'" in view.text and _IN_WORD_APOSTROPHE.search(view.text):
        text = view.text
        view = view.derive(*rewrite(text, _IN_WORD_APOSTROPHE,
                                    lambda m: " " if _NAME_SUFFIX.match(text, m.start()) else ""))
        mixed = None
        classes = None
    if ((b"m" in narrow.translate(classes.marks)) if classes else _IN_WORD_MARK_HINT.search(view.text)) \
            and _IN_WORD_MARK.search(view.text):
        view = View(view.original, _IN_WORD_MARK.sub(" ", view.text), view._maps)  # same length
        classes = None
    if (classes.leet_sign.search(narrow.translate(classes.leet)) if classes else _LEET_HINT.search(view.text)) \
            and _LEET_RUN.search(view.text):
        # twice: a digit at the end of "т3л3гр@мм3" is only at a word's end once "@" is a letter
        text = _LEET_RUN.sub(_leet, _LEET_RUN.sub(_leet, view.text))  # same length
        mixed = _mixes_scripts(text)
        if mixed:  # "т3л3гр@мм" -> "тeлeгрaмм": fold the new Latin letters
            text = _unmix_words(text)
        view = View(view.original, text, view._maps)
    if mixed is None:
        mixed = _mixes_scripts(view.text)
    if mixed:
        view = view.derive(*_split_glued(view.text))
    return view


def _split_glued(text: str) -> Tuple[str, List[Edit]]:
    """A space inserted wherever a word turns from one script to the other
    between two words of their own (see _glued_switches)."""
    edits: List[Edit] = []
    done = 0
    for m in _SCRIPT_SWITCH.finditer(text):
        if m.start() < done:
            continue
        head = _WORD_HEAD.search(text, 0, m.start())
        word_start = head.start() if head else m.start()
        done = _WORD_TAIL.match(text, m.start()).end()
        edits.extend((word_start + i, word_start + i, " ") for i in _glued_switches(text[word_start:done]))
    return apply_edits(text, edits), edits
