"""Rule kind ``language``: a reply written in a language other than the allowed ones.

The cheap checks decide almost every draft: Russian Cyrillic, English function
words, or letters that only other languages use (Ukrainian ``ї``, Kazakh ``ә``,
German ``ß``, Turkish ``ğ``…). Only a Latin-script draft long enough to judge
and not clearly English reaches langdetect, whose profiles (tens of MB) are
loaded on that first call, once per process, with a fixed seed so the answer
never changes between runs.
"""
from __future__ import annotations

import re
import threading
from typing import Dict, FrozenSet, List, Optional, Sequence

from ..lazyre import lazy, lazy_re
from ..rulepack import RulePackError, RuleSpec, _string_list
from .base import Draft, Matcher, Span
from .params import Param

# Letters outside the Russian and English alphabets that mark another language.
# Letters Russian does not have: a sure sign (Ukrainian ї є ґ, Belarusian ў,
# Kazakh ә ғ қ ң ө ұ ү һ, Uzbek and Tajik ҳ ҷ ӣ ӯ, Tatar and Bashkir җ ҡ ҙ ҫ,
# Serbian/Macedonian ј љ њ ћ џ ѓ ќ), and і, which
# Ukrainian, Belarusian and Kazakh share and which also turns up as a stray.
_FOREIGN_CYRILLIC_LETTERS = "їєґўәғқңөұүһјљњћџѓќҳҷӣӯҗҡҙҫ"
_FOREIGN_CYRILLIC = lazy_re(f"[{_FOREIGN_CYRILLIC_LETTERS}]")
# The same in either case: what a plain text holds of them before case folding
# (in a plain text, see normalize.is_plain, folding changes only the case of a letter).
_FOREIGN_CYRILLIC_ANY_CASE = lazy_re(f"[{_FOREIGN_CYRILLIC_LETTERS}{_FOREIGN_CYRILLIC_LETTERS.upper()}]")
# A word with such a letter: one ("Сәлем, Дана!", "Київ") is a greeting or a
# name in a Russian reply; two are a phrase in another language. (A letter alone is
# the letter named: "казахские буквы Қ, Ғ и Ң гравировка не поддерживает".) Words are
# found as runs of Cyrillic letters and then asked for such a letter: a pattern that
# looks for the letter inside the run would try every start of a long run without one.
_CYRILLIC_RUN = lazy_re(f"[а-яёі{_FOREIGN_CYRILLIC_LETTERS}]+")
_FOREIGN_OR_I = lazy_re(f"[і{_FOREIGN_CYRILLIC_LETTERS}]")
_CYRILLIC_I = lazy_re("і")
# Latin letters English does not use (with Vietnamese, whose letters are mostly in U+1EA0-U+1EF9)
_FOREIGN_LETTERS = "äöüßàâçéèêëîïôûùÿñáíóúãõąćęłńśźżčďěňřšťůžğışåøæəǵýđơư\u1ea0-\u1ef9"
_FOREIGN_LATIN = lazy_re(f"[{_FOREIGN_LETTERS}]")
_FOREIGN_LATIN_WORD = lazy_re(f"[a-z]*[{_FOREIGN_LETTERS}][a-z{_FOREIGN_LETTERS}]*")
# Arabic, Hebrew, Armenian, Devanagari, Thai, Georgian, Hangul, kana (as ranges: fast to scan).
_GREEK_WORD = lazy_re("[\u0370-\u03ff]{3,}")  # a unit (μm, Ω) is a letter or two, a Greek word more
_OTHER_SCRIPT = lazy_re("[\u0530-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u10a0-\u10ff"
                              "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\uac00-\ud7af]")
MAX_WORD = 40            # longer runs of letters are not words
MAX_DETECT_WORDS = 400   # langdetect samples the text anyway: bound its cost
_LETTER_RUN = lazy(r"\p{L}+")
# (with Azerbaijani ə, U+0259, outside Latin Extended: without it "Zəmanəti" was three words and its
# ə's were counted as Cyrillic letters, so a reply in Azerbaijani read as Russian)
_LATIN_WORD = lazy_re("[a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f\u0259\u1e00-\u1eff]+")  # case-folded text
_LATIN_WORD_ANY_CASE = lazy_re("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0259\u1e00-\u1eff]+")
# ... with an apostrophe inside a word ("do'konimizda", "sovg'a": Uzbek's o' and g' are letters)
_LATIN_WORD_WITH_APOSTROPHES = lazy_re("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0259\u1e00-\u1eff]+"
                                       "(?:['ʻ’][A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0259\u1e00-\u1eff]+)*")
# Inside a chunk of text: @ / ( [ _ : a digit, or a dot between letters:
# an address, a link, a code.
# (a colon that ends a word is punctuation: "жазыңыз: @shop" keeps its word)
_TECHNICAL = lazy_re(r"[@/(\[_\d]|\w\.\w|:(?=\S)")
_RUSSIAN_ONLY = lazy_re("[ыэъ]")
_ENGLISH_WORDS = frozenset("""
the a an and or but of to in on at for with by from into about as is are was were be been being it its
this that these those there here you your yours we our ours us i me my he she they them their his her
will would can could may might must shall should do does did done have has had not no yes if so than then
please thank thanks hello hi dear good morning afternoon evening day regards kind best sincerely sorry
order orders item items parcel package delivery shipped shipping size colour color price return refund
just one two more most very also only all any some each other new same such what when where which who
how why because after before during within up down out over again still already soon now today
get got send sent make made take like look looks see help let know need want use used works fit fits
""".split())


# Russian words that no other language here writes the same way: a sentence
# that has them is Russian, whatever foreign word it quotes.
_RUSSIAN_WORDS = frozenset("""
и что это как от из вы мы уже ещё еще только если чтобы когда где здесь тоже также очень спасибо
пожалуйста здравствуйте добрый утро заказ заказа можно нужно был была было были будет есть
""".split())
# A sentence ends at . ! ? ; or a line break (in the words view, which keeps them).
_SENTENCE = lazy_re(r"[^.!?;\n…]+")
_WORD = lazy_re(r"[^\W\d_]+")
_UKRAINIAN_I = "і"
_HAS_CYRILLIC = lazy_re("[А-Яа-яЁё]")
# A sentence of another language inside a reply: at least so many Latin words, and letters
_SENTENCE_WORDS = 4
_SENTENCE_LETTERS = 24
# Uzbek's o' and g' inside a word ("do'kon", "sovg'a"), not an English 's, 'd, 't, 'll, 're, 've, 'm
_UZBEK_LETTER = lazy_re("[a-z][og]['ʻ’](?!(?:s|d|t|ll|re|ve|m)\\b)[a-z]")
# _SENTENCE_WORDS Latin words in a row, read on a draft's bytes (a Turkish or Uzbek sentence has four
# words of ASCII letters in a row even without its ğ and ı). Each word starts where no letter stands
# before it and has a word's length: a run of thousands of letters would otherwise be tried from each
# of its starts and back from each of its ends. (A source, not a compiled pattern: std re caches it.)
_LATIN_PHRASE_SOURCE = rb"(?<![A-Za-z'])[A-Za-z']{2,40}(?:[ ,'\-]+[A-Za-z']{2,40}){3}"
# The same read on a draft's bytes in code page 1251 (see normalize.View.written), where each
# of its characters is one byte: those of the letters that code page has, and "і".
_FOREIGN_CYRILLIC_WRITTEN = re.compile(b"[%s]" % re.escape(b"".join(
    ch.encode("cp1251") for ch in _FOREIGN_CYRILLIC_LETTERS + _FOREIGN_CYRILLIC_LETTERS.upper()
    if ch.encode("cp1251", "ignore"))))  # (a class of a few bytes: compiled at once)
_UKRAINIAN_I_WRITTEN = _UKRAINIAN_I.encode("cp1251")
_UKRAINIAN_CAPITAL_I_WRITTEN = _UKRAINIAN_I.upper().encode("cp1251")
_NOT_ASCII = bytes(range(128, 256))
_NOT_ASCII_LETTER = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))
# every byte but a Russian letter's in code page 1251 (А-я 0xC0-0xFF, Ё 0xA8, ё 0xB8)
_NOT_CYRILLIC_WRITTEN = bytes(b for b in range(256) if not (b >= 0xC0 or b in (0xA8, 0xB8)))
# _LATIN_WORD's words of a case-folded text, read on its bytes in code page 1251 with ASCII
# letters lowered: that code page's only Latin letters are ASCII ones, and case folding
# keeps each of its characters one character and ASCII or not as it was (a test checks)
_LATIN_WORD_WRITTEN = re.compile(b"[a-z]+")
_ENGLISH_WORDS_WRITTEN = frozenset(word.encode("ascii") for word in _ENGLISH_WORDS)


def _english(words: Sequence[object], vocabulary: FrozenSet[object] = _ENGLISH_WORDS) -> bool:
    """At least one word in five is a common English word (of ``vocabulary``: the same words
    as bytes for words read on bytes), and not only "a" or "i", which a short reply in another
    language has as fragments ("WhatsApp-a yazın")."""
    found = list(filter(vocabulary.__contains__, words))  # (C-level filter)
    return len(found) * 5 >= len(words) and not _ONE_LETTER_ENGLISH.issuperset(found)


_ONE_LETTER_ENGLISH = frozenset(("a", "i", b"a", b"i"))
_ONE_LETTER_WORDS = frozenset("ўі")


def _without_codes(text: str) -> str:
    """``text`` without its e-mails, links, handles and codes (see _TECHNICAL): they are not language."""
    return " ".join(chunk for chunk in text.split() if not _TECHNICAL.search(chunk))


def _titles(original: str) -> bool:
    """Whether two thirds of the Latin words of ``original`` (as written, links and codes left out)
    start with a capital: names and titles of goods, not sentences of a language."""
    written = [w for w in _LATIN_WORD_ANY_CASE.findall(_without_codes(original)) if len(w) <= MAX_WORD]
    return bool(written) and sum(w[0].isupper() for w in written) * 3 >= len(written) * 2


def _foreign_cyrillic_words(text: str) -> int:
    """How many words of ``text`` (case-folded) have a letter Russian lacks; a letter alone counts
    only if it is a word (Belarusian "ў", Ukrainian "і"), not a letter named ("буквы Қ, Ғ и Ң")."""
    search = _FOREIGN_OR_I.search
    return sum((len(w) > 1 or w in _ONE_LETTER_WORDS) and search(w) is not None for w in _CYRILLIC_RUN.findall(text))


_detector_lock = threading.Lock()
_factory = None


def _detect(text: str) -> Optional[Dict[str, float]]:
    """langdetect's language probabilities (profiles loaded on the first call)."""
    global _factory
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException

    if _factory is None:
        with _detector_lock:  # load the profiles once, even if two threads get here together
            if _factory is None:
                factory = DetectorFactory()
                factory.load_profile(PROFILES_DIRECTORY)
                factory.set_seed(0)  # each detector seeds its own Random from this: deterministic
                _factory = factory
    try:
        detector = _factory.create()
        detector.append(text)
        return {p.lang: p.prob for p in detector.get_probabilities()}
    except LangDetectException:
        return None


class LanguageMatcher(Matcher):
    PARAMS = (Param("allow", "texts", ["ru", "en"], "Languages a reply may be written in."),
              Param("min_letters", "int", 30, "Fewest Latin letters before langdetect is asked."),
              Param("min_probability", "number", 0.9, "How sure langdetect must be of another language."),
              Param("foreign_words", "texts", [],
                    "Other languages' words (function words, greetings, pinyin): two in a sentence that "
                    "outnumber its Russian and English words make the sentence foreign."),
              Param("russian_in_latin", "texts", [],
                    "Russian words as written in Latin letters (\"zdravstvuyte\", \"zakaz\"): three of them "
                    "make a Latin-script reply Russian, not a foreign language."))

    def __init__(self, spec: RuleSpec, vocabularies: Dict[str, List[str]]) -> None:
        self.allow = frozenset(_string_list(spec.params.get("allow", ["ru", "en"]), spec.path,
                                            spec.line_of("allow"), "allow"))
        self.min_letters = spec.params.get("min_letters", 30)
        self.min_probability = spec.params.get("min_probability", 0.9)
        if not isinstance(self.min_letters, int) or self.min_letters < 1:
            raise RulePackError(spec.path, spec.line_of("min_letters"), f"rule {spec.id}: 'min_letters' must be >= 1")
        if not isinstance(self.min_probability, (int, float)) or not 0 < self.min_probability <= 1:
            raise RulePackError(spec.path, spec.line_of("min_probability"),
                                f"rule {spec.id}: 'min_probability' must be in (0, 1]")
        from .terms import normalise_term

        # words of another language written in letters Russian also has
        # ("дякую", "дзякуй"): a short reply has no other sign of its language
        self.foreign_words = frozenset(normalise_term(w) for w in _string_list(
            spec.params.get("foreign_words", []), spec.path, spec.line_of("foreign_words"), "foreign_words"))
        # Russian in Latin letters ("Zdravstvuyte! Vash zakaz otpravlen"), written so by a manager
        # without a Russian keyboard: langdetect, which has no profile for it, calls it Slovak or Croatian
        self.russian_in_latin = frozenset(w.casefold() for w in _string_list(
            spec.params.get("russian_in_latin", []), spec.path, spec.line_of("russian_in_latin"), "russian_in_latin"))

    def _foreign(self, draft: Draft) -> bool:
        # the original letters, case-folded: the base view folds the very letters
        # (ї, ў, ä, ñ) that tell other languages apart
        plain = draft.base.plain  # ASCII and basic Cyrillic only: no other script, no foreign letters
        written = draft.base.written  # (most drafts: the text in code page 1251, a byte a character)
        if written is not None:  # the same tests as below, on its bytes
            mostly_other = len(written.translate(None, _NOT_ASCII)) * 3 < len(written)
            if mostly_other and not (
                    _FOREIGN_CYRILLIC_WRITTEN.search(written)
                    or written.count(_UKRAINIAN_I_WRITTEN) + written.count(_UKRAINIAN_CAPITAL_I_WRITTEN) >= 2):
                return False
            if not mostly_other and "en" in self.allow:  # an English reply (else as below)
                words = _LATIN_WORD_WRITTEN.findall(written.lower())
                if sum(map(len, words)) * 3 >= len(written) and _english(words, _ENGLISH_WORDS_WRITTEN):
                    return False
        elif plain and len(draft.text.encode("ascii", "ignore")) * 3 < len(draft.text):
            # the common case, a plain Russian reply: read as written, without folding its case
            original = draft.text
            if not (_FOREIGN_CYRILLIC_ANY_CASE.search(original)
                    or original.count(_UKRAINIAN_I) + original.count(_UKRAINIAN_I.upper()) >= 2):
                return False
        text = draft.text.casefold()
        other_script = 0 if plain else len(_OTHER_SCRIPT.findall(text))
        if other_script >= 2 or not plain and len(_GREEK_WORD.findall(text)) >= 2:
            return True  # a phrase in Korean, Georgian, Arabic, Greek… ("감사합니다") is not Russian or English
        # the common case, a Russian reply (perhaps with "Ozon" in it), has fewer
        # Latin letters than a third of its characters; counting ASCII (a C-level
        # encode) usually shows that without listing the Latin words
        latin_words: List[str] = []
        mostly_other = len(text.encode("ascii", "ignore")) * 3 < len(text)
        if not mostly_other:
            latin_words = _LATIN_WORD.findall(text)
            mostly_other = sum(map(len, latin_words)) * 3 < len(text)
        if mostly_other:
            if not plain and len(_FOREIGN_LATIN_WORD.findall(text)) >= 2:
                return True  # a sentence in another Latin-script language: "Süreniz 7 gündür, unutmayın"
            if not (_FOREIGN_CYRILLIC.search(text) or other_script or text.count("і") >= 2):
                return False
        elif "en" in self.allow and _english(latin_words):
            # an English reply, or a Russian one quoting English; a phrase in Kazakh or
            # Ukrainian in it is still another language ("… Сау болыңыз, тағы келіңіз!")
            return not plain and _foreign_cyrillic_words(text) >= 2
        text = _without_codes(text)
        # a "word" of hundreds of letters is noise, not language
        latin_words = [w for w in _LATIN_WORD.findall(text) if len(w) <= MAX_WORD]
        latin = sum(map(len, latin_words))
        letters = sum(len(w) for w in _LETTER_RUN.findall(text) if len(w) <= MAX_WORD)
        if letters < 8:
            return False
        if len(_OTHER_SCRIPT.findall(text)) * 2 > letters:
            return True
        cyrillic = letters - latin
        if cyrillic >= latin:
            # a Cyrillic reply with Latin names, codes or e-mails in it: the Cyrillic decides
            return self._foreign_cyrillic(draft, text)
        # mostly Latin: a Russian signature ("Salom, Nodira! … «Самарканд Текстиль»")
        # does not make the rest Russian
        if cyrillic >= 15:
            if self._foreign_cyrillic(draft, text):
                return True
            if _titles(draft.text):
                return False  # a Russian reply naming goods: "Модель: Xiaomi Redmi Note Pro Max Global"
        return self._foreign_latin(draft, text, latin_words, latin)

    def _foreign_cyrillic(self, draft: Draft, text: str) -> bool:
        if "ru" not in self.allow:
            return True
        if _FOREIGN_CYRILLIC.search(text) and _foreign_cyrillic_words(text) >= 2:
            return True
        i_count = len(_CYRILLIC_I.findall(text))
        russian_only = len(_RUSSIAN_ONLY.findall(text))  # ы э ъ: Russian, not Ukrainian
        return i_count >= 2 and (russian_only == 0 or i_count >= 3 * russian_only)

    def _foreign_latin(self, draft: Draft, text: str, words: List[str], latin: int) -> bool:
        if "en" in self.allow and _english(words):
            return False
        english = sum(w in _ENGLISH_WORDS for w in words)
        if (_FOREIGN_LATIN.search(text) or "¡" in text or "¿" in text) and english * 10 < len(words) \
                and latin >= 12:
            return True  # ß, ñ, ğ…: not English, and not enough English words to be a quote
        if english * 2 < len(words) and len(draft.tokens & self.foreign_words) >= 2:
            return True  # "qin, mingtian fahuo": pinyin, too short for langdetect (one word may be a name)
        if latin < self.min_letters:
            return False
        if len(self.russian_in_latin.intersection(words)) >= 3:
            return False  # Russian written in Latin letters
        # langdetect reads case: give it the words as written
        original = _without_codes(draft.text)
        words_as_written = [w for w in _LATIN_WORD_ANY_CASE.findall(original) if len(w) <= MAX_WORD]
        probabilities = _detect(" ".join(words_as_written[:MAX_DETECT_WORDS]))
        if not probabilities:
            return False
        outside = 1.0 - sum(p for lang, p in probabilities.items() if lang in self.allow)
        return outside >= self.min_probability

    def _foreign_sentence(self, draft: Draft) -> bool:
        """Whether one sentence of a Russian or English reply is in another
        language ("Якщо виникнуть питання, пишіть", "Buyurtmangiz uchun rahmat",
        "Bei Fragen schreiben Sie uns gern"): its words are another language's
        function words, or Ukrainian ``і`` without a letter only Russian has.
        Only a draft that has such words or letters reads its sentences, so a
        clean reply costs a set intersection and a count."""
        written = draft.base.written
        ukrainian = (written.count(_UKRAINIAN_I_WRITTEN) if written is not None
                     else draft.text.count(_UKRAINIAN_I)) >= 2
        if not ukrainian and self.foreign_words.isdisjoint(draft.tokens):  # (most drafts: no set made)
            return False
        hits = draft.tokens & self.foreign_words
        if len(hits) < 2 and not ukrainian and not (hits and "\u0130" in draft.text):  # Turkish İ splits a word
            return False
        for sentence in _SENTENCE.findall(draft.words.text):
            words = _WORD.findall(sentence.replace("\u0307", ""))  # Turkish İ folds to i and a dot
            distinct = set(words)
            ours = len(distinct & _ENGLISH_WORDS) + len(distinct & _RUSSIAN_WORDS)
            found = distinct & self.foreign_words  # distinct: "Le Creuset … Le Creuset" is one foreign word
            if len(found) >= 2 and len(found) > ours and self._in_one_script(words, found):
                return True
            if ukrainian and sentence.count(_UKRAINIAN_I) >= 2 and sum(map(len, words)) >= 12 \
                    and not _RUSSIAN_ONLY.search(sentence):
                return True
        return False

    @staticmethod
    def _in_one_script(words: List[str], found: FrozenSet[str]) -> bool:
        """Whether the sentence is written in the script of its foreign words (two
        thirds of its words): a brand ("Vous et Nous") inside a Russian sentence is not."""
        latin = next(iter(found))[0].isascii()
        same = sum(w[0].isascii() == latin for w in words)
        return same * 3 >= len(words) * 2

    def _foreign_latin_sentence(self, draft: Draft) -> bool:
        """Whether one sentence of a Russian reply is written in Latin letters in another language
        ("Спасибо за заказ! Yorum yazarsanız size hediye göndereceğiz.", "Agar sharh qoldirsangiz,
        keyingi buyurtmaga sovg'a qo'shamiz."): the reply as a whole reads Russian, and the sentence
        has no Cyrillic word, few English ones (fewer than one in four: "size" is Turkish too) and
        two signs of another language: words with letters English lacks (ğ, ı, ö, ß, ñ …), words
        with Uzbek's o' and g', or the rule's foreign words. Signs, not langdetect: its profiles
        take 45 MiB the first time it is asked, and a big file's fragment of English ("water
        bottle arrives safely") would ask it."""
        if "en" not in self.allow:
            return False
        text = draft.text
        written = draft.base.written  # (most drafts: the text in code page 1251, a byte a character)
        # (letters counted by C-level deletes, not a scan; most drafts, a Russian reply with "Ozon" in it,
        # have too few Latin letters for such a sentence; only a reply with more Cyrillic letters than
        # Latin ones is read here)
        scanned = written if written is not None else text.encode("ascii", "ignore")
        latin = len(scanned.translate(None, _NOT_ASCII_LETTER))
        if latin < _SENTENCE_LETTERS:
            return False
        cyrillic = len(written.translate(None, _NOT_CYRILLIC_WRITTEN)) if written is not None \
            else len(_HAS_CYRILLIC.findall(text))
        if cyrillic < latin or re.search(_LATIN_PHRASE_SOURCE, scanned) is None:
            return False
        sentences = _SENTENCE.findall(text)
        if len(sentences) < 2:
            return False  # a reply of one sentence is the whole reply's to judge
        for sentence in sentences:
            if _HAS_CYRILLIC.search(sentence):
                continue
            words = [w.casefold() for w in _LATIN_WORD_WITH_APOSTROPHES.findall(_without_codes(sentence))
                     if 1 < len(w) <= MAX_WORD]
            if len(words) < _SENTENCE_WORDS or sum(map(len, words)) < _SENTENCE_LETTERS:
                continue
            if sum(w in _ENGLISH_WORDS for w in words) * 4 >= len(words) or _titles(sentence):
                continue  # English, or a title or names ("Crème Brûlée Deluxe Set")
            signs = sum(1 for w in words if _FOREIGN_LATIN.search(w) or _UZBEK_LETTER.search(w)) \
                + len(self.foreign_words.intersection(words))
            if signs >= 2:
                return True
        return False

    def find(self, draft: Draft) -> List[Span]:
        if draft.has_han or not (self._foreign(draft) or self._foreign_sentence(draft)
                                 or self._foreign_latin_sentence(draft)):
            return []  # Chinese is the script rule's to report
        text = draft.text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return [(start, end)] if end > start else []
