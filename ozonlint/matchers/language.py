"""Rule kind ``language``: a reply written in a language other than the allowed ones.

The cheap checks decide almost every draft: Russian Cyrillic, English function
words, or letters that only other languages use (Ukrainian ``ї``, Kazakh ``ә``,
German ``ß``, Turkish ``ğ``…). Only a Latin-script draft long enough to judge
and not clearly English reaches langdetect, whose profiles (tens of MB) are
loaded on that first call, once per process, with a fixed seed so the answer
never changes between runs.
"""
from __future__ import annotations

import threading
from typing import Dict, List, Optional

import regex

from ..rulepack import RulePackError, RuleSpec, _string_list
from .base import Draft, Matcher, Span

_LETTERS = regex.compile(r"\p{L}")
_LATIN = regex.compile(r"\p{Latin}")
_CYRILLIC = regex.compile(r"\p{Cyrillic}")
# Letters outside the Russian and English alphabets that mark another language.
_FOREIGN_CYRILLIC = regex.compile(r"[іїєґўәғқңөұүһјљњћџѓќѕ]")
_FOREIGN_LATIN = regex.compile(r"[äöüßàâçéèêëîïôûùÿñáíóúãõąćęłńśźżčďěňřšťůžğışåøæ]")
_OTHER_SCRIPT = regex.compile(r"[\p{Arabic}\p{Hebrew}\p{Hangul}\p{Hiragana}\p{Katakana}\p{Thai}"
                              r"\p{Georgian}\p{Armenian}\p{Devanagari}]")
_WORD = regex.compile(r"\p{L}+")
_ENGLISH_WORDS = frozenset(
    "the a an and or of to in on for with is are was be been it this that you your we our "
    "us i me my please thank thanks hi hello dear order item will can have has not no yes "
    "if as at by from all any so do does did sorry here there they them it's we're you're "
    "just one more get got send sent days day new how what when where which".split())
_RUSSIAN_WORDS = frozenset(
    "и в не на с что по к я вы мы это как но для от за из у о а же ваш вас вам наш нам "
    "здравствуйте спасибо пожалуйста заказ товар день добрый".split())

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

    def _foreign(self, draft: Draft) -> bool:
        text = draft.base.text
        letters = len(_LETTERS.findall(text))
        if letters < self.min_letters:
            return False
        if len(_OTHER_SCRIPT.findall(text)) * 2 > letters:
            return True
        cyrillic = len(_CYRILLIC.findall(text))
        latin = len(_LATIN.findall(text))
        words = _WORD.findall(text)
        if cyrillic >= latin:
            if len(set(_FOREIGN_CYRILLIC.findall(text))) < 2 and "ru" in self.allow:
                return False
            if sum(w in _RUSSIAN_WORDS for w in words) * 4 > len(words):
                return False  # Russian with a stray foreign letter
        else:
            english = sum(w in _ENGLISH_WORDS for w in words)
            if english * 5 >= len(words) and "en" in self.allow:
                return False
            if not _FOREIGN_LATIN.search(text) and english * 8 >= len(words):
                return False
        probabilities = _detect(draft.text)
        if not probabilities:
            return False
        lang, prob = max(probabilities.items(), key=lambda kv: kv[1])
        return lang not in self.allow and prob >= self.min_probability

    def find(self, draft: Draft) -> List[Span]:
        if draft.has_han or not self._foreign(draft):
            return []  # Chinese is the script rule's to report
        text = draft.text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return [(start, end)] if end > start else []
