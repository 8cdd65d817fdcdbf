"""Rule kind ``classifier``: a learned model that scores each sentence of a draft.

A term list holds the phrases someone has seen; a reward offered "if the
rating goes up", or a repair "at our own service centre, without Ozon", comes
in words no list has. A classifier rule names a model file (``model:``, a path
``models/NAME.json`` beside its pack) and optionally a ``threshold``; every
sentence whose probability for the rule's category reaches the threshold is a
finding, and its message names the words that weighed most.

A model file holds one logistic regression per category over the same sparse
features of the words view (so disguises are already undone):

* each word as a *term*: Russian words cut to a stem (``отзыва`` -> ``отзыв``),
  other words to ``latin_stem`` letters, Chinese runs as their characters and
  character pairs, and typed placeholders for what generalises: a number, a
  long number, a money amount, a domain, an e-mail, a handle, a messenger's
  name, Ozon;
* pairs of neighbouring terms (``за отзыв``) as ``a b``;
* concepts (model format 2): the words of every language that name one idea
  (``оплатите``, ``переказ``, ``ödeme``, ``überweisen``, ``付款`` are all
  ``~pay``) as one feature ``~pay``, and each pair of concepts that share a
  sentence as ``~pay&~card``. The vocabularies are data
  (``rules/vocab/concepts.yaml``, one ``concept-NAME`` per concept) copied into
  the model file when it is trained, so that a Ukrainian or Turkish payment
  request weighs what a Russian one weighs, and a synonym no corpus has shares
  its concept's weight.

Besides each sentence, each pair of neighbouring sentences is scored as one
window, with the features of both (its log-odds is the sum of theirs less
one bias, so it costs nothing more): a reward in one sentence and the review
in the next are found together. The model was trained on such windows too.

A feature's weights for all the file's categories sit in one vector, so a
draft costs one dictionary look-up per feature whatever the number of
categories, and the scores are computed once per draft for every rule that
uses the file. Weights are data: ``tools/train_classifier.py`` trains them
from the labelled corpora, reproducibly, and ``tools/evaluate_classifier.py``
measures them leave-one-corpus-out.
"""
from __future__ import annotations

import math
import operator
import os
import re
import sys
from array import array
from bisect import bisect_left
from itertools import accumulate, compress, repeat
from typing import Any, Callable, Dict, FrozenSet, Iterable, List, NamedTuple, Optional, Sequence, Set, Tuple, Union
from zlib import crc32

import regex

from ..lazyre import lazy, lazy_re
from ..model import Violation
from ..normalize import is_plain
from ..rulepack import RulePackError, RuleSpec, read_limited
from .base import HAN, TOKEN, Draft, Matcher, Span
from .params import Param
from .terms import normalise_term

FORMAT = "ozonlint-classifier/2"
# Format 1 files (no concepts) are still read: their features are a subset.
READABLE_FORMATS = ("ozonlint-classifier/1", FORMAT)
# A concept feature's mark: no term starts with it (terms are words, pairs of words or "#...").
CONCEPT = "~"
# Entries of this many letters or more also match the words they begin (a stem);
# shorter ones only the word itself (``оплат`` is a stem, ``card`` a word: not ``cardigan``).
CONCEPT_STEM = 5
MAX_MODEL_BYTES = 8 * 1024 * 1024
# Where a pack keeps its models: a model file is named relative to its pack,
# always inside this folder, so that the compiled-rules cache can key on it.
MODELS_DIR = "models"

# Typed placeholders (they cannot collide with a word: words have no "#").
NUMBER, LONG_NUMBER, MONEY, DOMAIN, HANDLE, EMAIL, MESSENGER, OZON, CODE = (
    "#num", "#long", "#money", "#domain", "#handle", "#email", "#messenger", "#ozon", "#code")
_OZON = frozenset(("ozon", "озон", "озоне", "озона", "озону", "озоном", "ozone"))

# Entities read before the words. Each is overwritten, in place, by a marker
# letter padded with spaces to its length (offsets stay those of the words
# view), and the marker becomes its placeholder. A pattern runs only on text
# that has its sign (@, a digit, a dot before a top-level domain).
_AT_ENTITY = lazy_re(r"(?<![\w.+-])([\w.+-]+@[\w-]+(?:\.[\w-]+)+)|@\w+")
# A money amount is found from its unit (₽, руб, $…) back to its digits: a
# pattern that starts with the digits would retry inside every long number.
_UNIT_SOURCE = r"₽|\$|€|¥|руб\w*|р\b|rub\w*|usd\b|юан\w*|元|dollars?\b"
_UNIT = lazy_re(_UNIT_SOURCE)
_AMOUNT_BEFORE = lazy_re(r"\d(?:[\d .,]{0,12}\d)?\s?\Z")
_AMOUNT_AFTER = lazy_re(r"\s?\d+")
_TLD = r"\.(?:ru|com|рф|net|org|me|su|shop|store|cn|io|info|biz|online|site|by|kz|ua|pro|club|top|co|app|link)\b"
_TLD_HINT = lazy_re(_TLD)
# starts only where a dotted chain starts: started again after each of its
# dots, a long chain without a top-level domain cost time quadratic in its length
_DOMAIN = lazy_re(r"(?<![\w-])(?<![\w-]\.)[\w-]+(?:\.[\w-]+)*" + _TLD)
_DIGIT = lazy_re(r"\d")
# Letters no reply uses, one per entity.
_MARKERS = {"\u0238": EMAIL, "\u0239": HANDLE, "\u023f": MONEY, "\u0240": DOMAIN}
_MARKER_OF = {v: k for k, v in _MARKERS.items()}
_WORD = lazy_re(r"[^\W_]+")  # a word of a text without Chinese characters (std re: fast)
# Where a sentence's clauses meet: spaces after a letter's comma, dot, colon or semicolon, after a
# Chinese character or after a digit ("加微信 best854 Компенсацию …": a handle runs into the next
# sentence), before a letter that starts no money unit. A sentence's words are its clauses' words
# one after the other: no word holds a space, nor does an entity but a money amount (digits,
# spaces, dots and commas before its unit, or after a currency sign), which cannot cross such a
# gap. So a clause's words, terms and features can be remembered on their own (see Model._clause_nets).
# (Written to start with the space, which std re jumps to, the look-behinds tried there only.)
_CLAUSE_GAP = lazy_re(r"\s(?:(?<=[^\W\d_][.,;:]\s)|(?<=[\d\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]\s))"
                      r"\s*(?=[^\W\d_])(?!" + _UNIT_SOURCE + ")")
# Sentence ends, as terms.py's sentence-scoped rules see them: a dot ends a
# sentence only before a capital letter or the end (checked on the original:
# group 1 is the next character after a dot, when one follows). Written to
# start with one character class, which std re jumps to (an alternation it
# tries at every position).
_SENTENCE_END = lazy_re(r"[.!?;\n。！？；…](?:(?<=\.)(?=\s*(\S)))?")
MEMO_SIZE = 50_000  # distinct words whose terms are remembered (order numbers never repeat)


class Concepts(tuple):  # type: ignore[type-arg]
    """(concept, its entries) pairs: a tuple whose hash is computed once (settings
    are dictionary keys on every sentence, and a concept vocabulary is long),
    and which keeps its look-up index (see _concept_index)."""

    def __hash__(self) -> int:
        found = self.__dict__.get("hash")
        if found is None:
            found = self.__dict__["hash"] = tuple.__hash__(self)
        return found  # type: ignore[no-any-return]

    def __reduce__(self) -> Tuple[Any, ...]:
        # a string's hash differs between processes: never pickle it; the index travels
        # (the compiled-rules cache: reading it costs half of building it on the first check)
        return Concepts, (tuple(self),), {"index": _concept_index(self)}


class Settings(NamedTuple):
    """How words become features; stored in the model file, so that training
    and inference can never disagree."""

    cyrillic_stem: int = 5
    latin_stem: int = 6
    bigrams: bool = True
    windows: bool = True
    messengers: FrozenSet[str] = frozenset()
    # (concept, its entries as the words view shows them), sorted; see concept_vocabulary
    concepts: Tuple[Tuple[str, Tuple[str, ...]], ...] = Concepts()

    def to_json(self) -> Dict[str, Any]:
        found = {"cyrillic_stem": self.cyrillic_stem, "latin_stem": self.latin_stem, "bigrams": self.bigrams,
                 "windows": self.windows, "messengers": sorted(self.messengers)}
        if self.concepts:
            found["concepts"] = {name: list(entries) for name, entries in self.concepts}
        return found


def _term_words(term: str) -> List[str]:
    """The words of a vocabulary entry as the words view of a draft shows them."""
    return TOKEN.findall(normalise_term(term))


CONCEPT_VOCABULARY = "concept-"  # vocabularies whose name starts so are concepts
PAIR_LABEL = " & "  # between the words of a pair of concepts (words never hold "&")


def concept_vocabulary(vocabularies: Dict[str, List[str]]) -> Tuple[Tuple[str, Tuple[str, ...]], ...]:
    """The concepts of a rule set's vocabularies (``concept-pay`` -> ``pay``), each
    entry as the words view shows it; an entry must be one word (or one run of
    Chinese characters)."""
    found = []
    for name in sorted(vocabularies):
        if not name.startswith(CONCEPT_VOCABULARY):
            continue
        entries = set()
        for entry in vocabularies[name]:
            words = _term_words(entry)
            if len(words) != 1:
                raise ValueError(f"vocabulary {name!r}: {entry!r} is not one word")
            entries.add(words[0])
        found.append((name[len(CONCEPT_VOCABULARY):], tuple(sorted(entries))))
    return Concepts(found)


class _ConceptIndex(NamedTuple):
    words: Dict[str, Tuple[str, ...]]  # a whole word -> its concept features
    stems: Dict[str, Tuple[str, ...]]  # a word's beginning -> its concept features
    lengths: Tuple[int, ...]  # the stems' lengths, ascending
    han: Dict[str, Tuple[str, ...]]  # a run of Chinese characters, found anywhere in a run
    han_lengths: Tuple[int, ...]


_concept_indexes: Dict[Tuple[Tuple[str, Tuple[str, ...]], ...], _ConceptIndex] = {}


def _concept_index(concepts: Tuple[Tuple[str, Tuple[str, ...]], ...]) -> _ConceptIndex:
    """The look-up tables of a concept vocabulary, built once: a Concepts keeps
    its own (no hashing per sentence), any other tuple is looked up."""
    own = getattr(concepts, "__dict__", None)
    index = own.get("index") if own is not None else _concept_indexes.get(concepts)
    if index is None:
        tables: Tuple[Dict[str, List[str]], ...] = ({}, {}, {})
        for name, entries in concepts:
            feature = CONCEPT + name
            for entry in entries:
                table = tables[2] if _is_han(entry[0]) else tables[1] if len(entry) >= CONCEPT_STEM else tables[0]
                table.setdefault(entry, []).append(feature)
        words, stems, han = ({k: tuple(v) for k, v in t.items()} for t in tables)
        index = _ConceptIndex(words, stems, tuple(sorted({len(k) for k in stems})),
                              han, tuple(sorted({len(k) for k in han})))
        if own is not None:
            own["index"] = index
        else:
            _concept_indexes[concepts] = index
    return index  # type: ignore[no-any-return]


def _word_concepts(word: str, index: _ConceptIndex) -> Tuple[str, ...]:
    """The concept features of one word of the words view (a run of Chinese
    characters holds every entry found inside it)."""
    if _is_han(word[0]):
        hits: Tuple[str, ...] = ()
        han = index.han
        for size in index.han_lengths:
            for i in range(len(word) - size + 1):
                hits += han.get(word[i:i + size], ())
    else:
        hits = index.words.get(word, ())
        stems = index.stems
        for size in index.lengths:
            if size > len(word):
                break
            hits += stems.get(word[:size], ())
    return tuple(sorted(set(hits))) if hits else ()


def concepts_of(words: Sequence[str], settings: Settings) -> Dict[str, str]:
    """A sentence's concept features (``~pay``, and ``~card&~pay`` for each pair
    of its concepts), each with the words it came from (for explanations)."""
    if not settings.concepts:
        return _NO_CONCEPTS
    index = _concept_index(settings.concepts)
    return _concepts_of(words, {word: _word_concepts(word, index) for word in words})


def _concepts_of(words: Sequence[str], hits: Dict[str, Tuple[str, ...]]) -> Dict[str, str]:
    """``concepts_of`` given the concept features of (at least) every word that has any."""
    found: Dict[str, str] = {}
    for word in words:
        for feature in hits.get(word, ()):
            if feature not in found:
                found[feature] = word
    if len(found) > 1:
        names = sorted(found)
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                found[a + "&" + b] = found[a] + PAIR_LABEL + found[b]
    return found


_NO_CONCEPTS: Dict[str, str] = {}  # shared, never mutated


def messenger_words(terms: Iterable[str]) -> FrozenSet[str]:
    """The one-word messenger names of a vocabulary, as the words view shows them."""
    found = set()
    for term in terms:
        words = _term_words(term)
        if len(words) == 1:
            found.add(words[0])
    return frozenset(found)


class Sentence(NamedTuple):
    """One sentence: its span in the words view, its features, and its words
    with their terms (for explanations)."""

    view_start: int
    view_end: int
    features: List[str]
    words: List[str]
    word_terms: List[str]
    concepts: Dict[str, str] = {}  # concept feature -> the words it came from (never mutated)

    def labels(self) -> Dict[str, str]:
        """The words each feature came from (the first place it occurs)."""
        words, terms = self.words, self.word_terms
        shown = [t if w in _MARKERS else w for w, t in zip(words, terms)]
        found: Dict[str, str] = dict(self.concepts)
        for i, term in enumerate(terms):
            if term not in found:
                found[term] = shown[i]
            if i:
                pair = terms[i - 1] + " " + term
                if pair not in found:
                    found[pair] = shown[i - 1] + " " + shown[i]
        return found


def term_of(token: str, settings: Settings) -> str:
    """The feature term of one word of the words view."""
    if token.isdigit():
        return LONG_NUMBER if len(token) >= 5 else NUMBER
    marker = _MARKERS.get(token)
    if marker is not None:
        return marker
    if token in settings.messengers:
        return MESSENGER
    if token in _OZON:
        return OZON
    if "\u0400" <= token[0] <= "\u04ff":
        return token[:settings.cyrillic_stem]
    if not token.isalpha() and any(c.isdigit() for c in token):
        return CODE
    return token[:settings.latin_stem]


_memos: Dict[Settings, Tuple[Dict[str, str], Dict[str, Tuple[str, ...]]]] = {}


def _memo(settings: Settings) -> Tuple[Dict[str, str], Dict[str, Tuple[str, ...]]]:
    """Terms of the words seen so far, and the concept features of those of them
    that have any (plain dict stores, so threads may share them; answers never
    depend on them). A word is read for both at once, so that a sentence whose
    words are all known and none in the second dict has no concept: one set
    operation for most sentences."""
    memo = _memos.get(settings)
    if memo is None or len(memo[0]) > MEMO_SIZE:
        memo = _memos[settings] = ({}, {})
    return memo


_FIRST_HAN = "\u3400"  # no character below it is Chinese (see _is_han)


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003134f"


def _overwrite(marker: str) -> Any:
    return lambda m: marker + " " * (m.end() - m.start() - 1)


def mark_entities(text: str) -> str:
    """``text`` with e-mails, handles, domains and money amounts overwritten by
    their marker letters (same length)."""
    if "@" in text:
        text = _AT_ENTITY.sub(lambda m: (_MARKER_OF[EMAIL if m.group(1) else HANDLE]
                                         + " " * (m.end() - m.start() - 1)), text)
    if "." in text and _TLD_HINT.search(text):
        text = _DOMAIN.sub(_overwrite(_MARKER_OF[DOMAIN]), text)
    if _DIGIT.search(text):
        text = _mark_money(text)
    return text


def _mark_money(text: str) -> str:
    spans = []
    for m in _UNIT.finditer(text):
        start, end = m.span()
        head = text[max(0, start - 16):start]
        before = _AMOUNT_BEFORE.search(head)
        if before is not None:
            spans.append((start - len(head) + before.start(), end))
        elif m.group() in "₽$€¥":
            after = _AMOUNT_AFTER.match(text, end)
            if after is not None:
                spans.append((start, after.end()))
    if not spans:
        return text
    parts = []
    pos = 0
    marker = _MARKER_OF[MONEY]
    for start, end in spans:
        start = max(start, pos)
        if start >= end:
            continue
        parts.append(text[pos:start])
        parts.append(marker + " " * (end - start - 1))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _sentence_bounds(draft: Draft) -> List[Tuple[int, int]]:
    """The sentences of the words view (spans), without surrounding spaces."""
    return _split_sentences(draft)[0]


# A plain draft whose words view is its base view, the draft's own bytes in code page 1251
# folded one byte to one byte (View.written: most drafts), has its sentence marks and spaces
# where that view has them (the fold changes letters only: a test checks every byte), and
# its capitals: its sentences are the matches of one scan of those bytes, as
# _split_sentences finds them on the view (a test compares the two). A sentence is a lone
# end mark, or runs from a character that is none to the first end (a full stop only
# before a capital or the end, as _SENTENCE_END reads it) or to the last character that is
# no space before a line break or the end.
# (A lazy pattern made at import, so that the compiled-rules cache keeps its compiled form and a
# new process's first check does not parse it: 0.3 ms of the CLI's start-up.)
def _written_sentence_source() -> bytes:
    capitals = bytes(b for b in range(256) if bytes((b,)).decode("cp1251", "replace").isupper())
    ends_here = rb"(?=[ \t\r\n]*(?:[" + re.escape(capitals) + rb"]|\Z))"
    goes_on = rb"(?!" + ends_here[3:]
    return (rb"[!?;]|\." + ends_here
            + rb"|(?:[^ \t\r\n.!?;]|\." + goes_on + rb")[^\n.!?;]*(?:\." + goes_on + rb"[^\n.!?;]*)*"
            + rb"(?:[.!?;]|(?<![ \t\r\n]))")


_WRITTEN_SENTENCE: "re.Pattern[bytes]" = lazy_re(_written_sentence_source())  # type: ignore[arg-type, assignment]


def _split_sentences(draft: Draft) -> Tuple[List[Tuple[int, int]], List[str]]:
    """The sentences of the words view: their spans, without surrounding spaces, and their texts."""
    written = _written(draft)
    if written is not None:
        text = draft.words.text
        bounds = [m.span() for m in _WRITTEN_SENTENCE.finditer(written)]
        return bounds, [text[a:b] for a, b in bounds]
    return _split_view_sentences(draft)


def _written(draft: Draft) -> Optional[bytes]:
    """The bytes a draft's sentences are read from (see _written_sentence), or None."""
    view = draft.words
    return view.written if view is draft.base else None


def _split_view_sentences(draft: Draft) -> Tuple[List[Tuple[int, int]], List[str]]:
    """_split_sentences read on the words view itself (any draft)."""
    view = draft.words
    text = view.text
    original = draft.text
    # where a character of the view starts in the original (what view.span gives as its
    # start, without working out its end)
    starts = [offset_map.start for offset_map in reversed(view._maps)]
    bounds: List[Tuple[int, int]] = []
    texts: List[str] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        at = m.start(1)
        if at >= 0:  # a dot before a word: a sentence end only before a capital letter
            for start in starts:
                at = start(at)
            if not original[at:at + 1].isupper():
                continue
        end = m.end()
        rest = text[pos:end].lstrip()
        if rest:
            start = end - len(rest)
            rest = rest.rstrip()
            bounds.append((start, start + len(rest)))
            texts.append(rest)
        pos = end
    rest = text[pos:].lstrip()
    if rest:
        start = len(text) - len(rest)
        rest = rest.rstrip()
        bounds.append((start, start + len(rest)))
        texts.append(rest)
    return bounds, texts


def sentences(draft: Draft, settings: Settings) -> List[Sentence]:
    """The draft's sentences with their features (computed once per draft and settings)."""
    key = ("classifier", settings)
    found = draft.extras.get(key)
    if found is None:
        found = draft.extras[key] = _sentences(draft, settings)
    return found


def _sentences(draft: Draft, settings: Settings) -> List[Sentence]:
    result = []
    bigrams = settings.bigrams
    for a, b, words, terms, concepts in sentence_terms(draft, settings):
        result.append(Sentence(a, b, features_of(terms, bigrams, concepts), words, terms, concepts))
    return result


def features_of(terms: Sequence[str], bigrams: bool, concepts: Iterable[str] = ()) -> List[str]:
    """A sentence's features: its distinct terms, its distinct pairs of
    neighbouring terms, then its concept features."""
    features = list(dict.fromkeys(terms))
    if bigrams and len(terms) > 1:
        features.extend(dict.fromkeys(map(" ".join, zip(terms, terms[1:]))))
    features.extend(concepts)
    return features


def sentence_terms(draft: Draft, settings: Settings
                   ) -> List[Tuple[int, int, List[str], List[str], Dict[str, str]]]:
    """(start, end, words, terms, concepts) of each sentence of the words view;
    computed once per draft and settings."""
    key = ("classifier-terms", settings)
    found = draft.extras.get(key)
    if found is not None:
        return found  # type: ignore[no-any-return]
    text, han = draft.words.text, draft.has_han
    found = []
    for a, b in sentence_bounds(draft):
        sentence = text[a:b]
        found.append((a, b) + words_and_terms(sentence, han and _holds_han(sentence), settings))
    draft.extras[key] = found
    return found


def sentence_at(draft: Draft, index: int, settings: Settings) -> Sentence:
    """The draft's sentence ``index`` with its features (the others are not read)."""
    a, b = sentence_bounds(draft)[index]
    sentence = draft.words.text[a:b]
    words, terms, concepts = words_and_terms(sentence, draft.has_han and _holds_han(sentence), settings)
    return Sentence(a, b, features_of(terms, settings.bigrams, concepts), words, terms, concepts)


def sentence_bounds(draft: Draft) -> List[Tuple[int, int]]:
    """The sentences of the words view (spans), found once per draft."""
    return split_sentences(draft)[0]


def split_sentences(draft: Draft) -> Tuple[List[Tuple[int, int]], List[str]]:
    """The sentences of the words view, spans and texts (see _split_sentences), found once per draft."""
    found = draft.extras.get("classifier-sentences")
    if found is None:
        found = draft.extras["classifier-sentences"] = _split_sentences(draft)
    return found  # type: ignore[no-any-return]


def _holds_han(sentence: str) -> bool:
    return HAN.search(sentence) is not None


def words_and_terms(sentence: str, han: bool, settings: Settings
                    ) -> Tuple[List[str], List[str], Dict[str, str]]:
    """The words of one sentence of a words view, its entities marked first
    (see mark_entities), their terms, and its concepts (see concepts_of). A sentence's features depend on its
    own text alone, so that a sentence met again is known by its text.
    ``han``: whether the sentence holds Chinese characters (its words are then
    read apart from them: Chinese has no spaces)."""
    words = _read_words(sentence, han)
    terms, concepts = _terms_and_concepts(words, settings)
    if han:
        return _split_han(words, terms) + (concepts,)
    return words, terms, concepts


def _read_words(sentence: str, han: bool) -> List[str]:
    """The words of a sentence (or of a piece of one, see _CLAUSE_GAP), its entities marked first."""
    sentence = mark_entities(sentence)
    return TOKEN.findall(sentence) if han else _WORD.findall(sentence)  # type: ignore[no-any-return]


def _terms_and_concepts(words: List[str], settings: Settings) -> Tuple[List[str], Dict[str, str]]:
    """The terms of a sentence's words and the sentence's concepts (see concepts_of)."""
    terms, with_concepts = _terms_and_hits(words, settings)
    concepts = _NO_CONCEPTS if with_concepts.keys().isdisjoint(words) else _concepts_of(words, with_concepts)
    return terms, concepts


def _terms_and_hits(words: List[str], settings: Settings) -> Tuple[List[str], Dict[str, Tuple[str, ...]]]:
    """The terms of ``words``, and the concept features of (at least) every one of them that has any
    (one memo read for both: see _memo)."""
    memo, with_concepts = _memo(settings)
    terms = list(map(memo.get, words))
    if None in terms:
        index = _concept_index(settings.concepts) if settings.concepts else None
        for i, word in enumerate(words):
            if terms[i] is None:
                terms[i] = memo[word] = term_of(word, settings)
                if index is not None:
                    found = _word_concepts(word, index)
                    if found:
                        with_concepts[word] = found
    return terms, with_concepts


def _split_han(words: List[str], terms: List[str]) -> Tuple[List[str], List[str]]:
    """Chinese has no spaces: a run of its characters stands for its characters and character pairs.
    (The words between two runs are copied a slice at a time: most words of a sentence are not Chinese.)"""
    out_words: List[str] = []
    out_terms: List[str] = []
    pos = 0
    # (a word below the first Chinese character is none: told for every word at once by C-level map)
    for i in compress(range(len(words)), map(_FIRST_HAN.__le__, words)):
        word = words[i]
        if not _is_han(word[0]):
            continue
        pieces = [*word, *map(operator.add, word, word[1:])]
        out_words += words[pos:i]
        out_words += pieces
        out_terms += terms[pos:i]
        out_terms += pieces
        pos = i + 1
    out_words += words[pos:]
    out_terms += terms[pos:]
    return out_words, out_terms


def span_sentence(draft: Draft, start: int, end: int, settings: Settings) -> Sentence:
    """An arbitrary words-view span [start, end) as one sentence (its words and pairs)."""
    inner = _sentences(Draft(draft.words.text[start:end]), settings)
    features: List[str] = []
    words: List[str] = []
    terms: List[str] = []
    concepts: Dict[str, str] = {}
    for s in inner:
        features.extend(s.features)
        words.extend(s.words)
        terms.extend(s.word_terms)
        concepts.update(s.concepts)
    return Sentence(start, end, list(dict.fromkeys(features)), words, terms, concepts)


# A sentence's features read its ASCII digits alike: a word of digits is a number
# (#num, #long: by its length), a word of Latin letters and digits a code, and
# money, e-mails and domains are marked by patterns to which one digit is any
# other (\d, \w). Only a word that starts with a Cyrillic letter keeps its digits
# in its term (its first letters: "кэш6эк"); and a concept or a messenger's name
# with a digit in it would tell digits apart (see digit_blind).
# (Written as 0 in the sentence's UTF-8 bytes, where an ASCII digit is one byte and
# no other character holds such a byte: str.translate reads a non-ASCII string
# character by character through a dict, at 25 times the cost.)
_DIGITS_ALIKE = bytes.maketrans(b"123456789", b"000000000")
# (Anchored on the Cyrillic letter, which std re jumps to, its look-behind then
# tried there only: "(?<![^\W_])[\u0400-\u04ff]…" tried that at every position.)
_CYRILLIC_WORD_WITH_DIGIT = lazy_re(r"[\u0400-\u04ff](?<![^\W_][\u0400-\u04ff])[^\W_]*0")  # in a number shape
# What such a word needs: its first 0 stands right after its Cyrillic letter or after a letter or
# digit that is no 0. Found from the 0s (few in a sentence) at a tenth of the cost of the
# search above, which stops at every Cyrillic letter: it is tried only where this is found.
_DIGIT_AFTER_LETTER = lazy_re(r"0(?<=(?:[^\W0_]|[\u0400-\u04ff])0)")
# The same in a sentence with Chinese, whose words are TOKEN's: a Chinese character ends a word ("加с5").
# (Anchored on the digit, the word read back from it: regex tried the look-behind and the
# class set at every position, 4-5 us on a sentence of 130 characters, now 0.7.)
_CYRILLIC_TOKEN_WITH_DIGIT = lazy(r"0(?<=(?<![[\p{L}\p{N}]--\p{Han}])[\u0400-\u04ff][[\p{L}\p{N}]--\p{Han}]*0)",
                                  regex.VERSION1)


def number_shape(sentence: str, han: bool = False) -> Optional[str]:
    """``sentence`` with its ASCII digits written as ``0``, when it has some and no
    word that starts with a Cyrillic letter holds one: every sentence of that shape
    has the same features (given settings that are digit_blind); else None.
    ``han``: the sentence is read as one with Chinese (see words_and_terms)."""
    shape = sentence.encode("utf-8", "surrogatepass").translate(_DIGITS_ALIKE).decode("utf-8", "surrogatepass")
    if shape == sentence:
        return None
    if han:
        if _CYRILLIC_TOKEN_WITH_DIGIT.search(shape):
            return None
    elif _DIGIT_AFTER_LETTER.search(shape) and _CYRILLIC_WORD_WITH_DIGIT.search(shape):
        return None
    return shape


def digit_blind(settings: Settings) -> bool:
    """Whether no concept entry and no messenger's name holds a digit (a word with
    digits is then never one, and a word's concepts come from its letters alone)."""
    words = [entry for _, entries in settings.concepts for entry in entries] + list(settings.messengers)
    return not any(ch.isdigit() for word in words for ch in word)


# ----------------------------------------------------------------- the model


# A feature's weights travel packed in one integer, a field of FIELD bits per
# category holding the weight in thousandths plus OFFSET: a sentence's scores
# for every category are then one C-level sum of integers, exact (so the same
# on every machine), unpacked once per sentence.
UNIT = 1000
FIELD = 48
OFFSET = 1 << 30
MAX_WEIGHT = 1000.0
_MASK = (1 << FIELD) - 1


def pack(vector: Sequence[float]) -> int:
    return sum((round(w * UNIT) + OFFSET) << (FIELD * i) for i, w in enumerate(vector))


_U32 = "I" if array("I").itemsize == 4 else "L"  # an unsigned type of 4 bytes (C guarantees "L" at least that)


class WeightTable:
    """The weights of a model's features as the compiled-rules cache keeps them.

    Rebuilt on every start, a dictionary of 22,000 features (each name decoded
    and hashed, each packed weight an integer object) took 4 to 5 ms, and every
    megabyte a start touches costs about a millisecond more, yet one draft reads
    a few dozen features. Here the names are one byte string and the weights one
    array of small integers, in buckets by a hash that is the same in every
    process (crc32: a ``str``'s hash is not), and a feature is decoded when it is
    asked for (or all at once, see ``decode``).

    ``names`` holds every feature as ``\\nNAME`` in bucket order and ends with
    ``\\n``; bucket ``b`` spans ``names[starts[b]:starts[b + 1] + 1]`` and its
    first feature is the ``firsts[b]``-th; feature ``i``'s weights, one per
    category in thousandths plus ``bias`` (so that they are never negative), are
    ``weights[i * columns:(i + 1) * columns]``."""

    __slots__ = ("names", "starts", "firsts", "weights", "columns", "mask", "bias", "_scales", "_extra")

    def __init__(self, names: bytes, starts: "array[int]", firsts: "array[int]", weights: "array[int]",
                 columns: int) -> None:
        self.names, self.starts, self.firsts, self.weights, self.columns = names, starts, firsts, weights, columns
        self.mask = len(starts) - 2  # the number of buckets is a power of two
        self.bias = 1 << (8 * weights.itemsize - 1)
        self._scales = [1 << (FIELD * column) for column in range(columns)]
        # what turns the sum of (weight + bias) << FIELD * column into the packed form's (weight + OFFSET) << ...
        self._extra = sum((OFFSET - self.bias) * scale for scale in self._scales)

    @classmethod
    def of(cls, packed: Dict[str, int], columns: int) -> "Optional[WeightTable]":
        """The table of ``packed`` (feature -> packed weights of ``columns``
        categories); None if a feature's name holds a newline (no sentence has
        such a feature, but a model file could name one)."""
        if any("\n" in feature for feature in packed):
            return None
        buckets = 1 << max(4, (len(packed) // 4).bit_length())  # three to six features a bucket
        mask = buckets - 1
        keyed = sorted((crc32(encoded) & mask, encoded, value)
                       for encoded, value in ((f.encode("utf-8", "surrogatepass"), v) for f, v in packed.items()))
        unpacked = [((value >> (FIELD * column)) & _MASK) - OFFSET
                    for _, _, value in keyed for column in range(columns)]
        typecode = "H" if all(-(1 << 15) <= w < 1 << 15 for w in unpacked) else _U32
        bias = 1 << (8 * array(typecode).itemsize - 1)
        weights = array(typecode, [w + bias for w in unpacked])
        names = [b"\n" + encoded for _, encoded, _ in keyed]
        offsets = [0, *accumulate(map(len, names))]  # where each name starts, and where they end
        in_order = [bucket for bucket, _, _ in keyed]
        firsts = array(_U32, [bisect_left(in_order, bucket) for bucket in range(buckets + 1)])  # the last: the end
        starts = array(_U32, [offsets[first] for first in firsts])
        return cls(b"".join(names) + b"\n", starts, firsts, weights, columns)

    def __reduce__(self) -> Tuple[Any, ...]:
        return WeightTable, (self.names, self.starts, self.firsts, self.weights, self.columns)

    def __len__(self) -> int:
        return len(self.weights) // self.columns

    def get(self, feature: str) -> int:
        """The packed weights of ``feature``; 0 if the model has none for it."""
        encoded = feature.encode("utf-8", "surrogatepass")
        bucket = crc32(encoded) & self.mask
        start, end = self.starts[bucket], self.starts[bucket + 1] + 1
        names = self.names
        at = names.find(b"\n" + encoded + b"\n", start, end)
        if at < 0:
            return 0
        index = (self.firsts[bucket] + names.count(b"\n", start, at)) * self.columns
        return self._extra + sum(map(operator.mul, self.weights[index:index + self.columns], self._scales))

    def decode(self) -> Dict[str, int]:
        """Every feature with its packed weights: each weight's bytes are copied to
        its field of the packed form at once for all features (a strided copy per
        byte), so that a feature costs one ``int.from_bytes``."""
        columns, size, field = self.columns, self.weights.itemsize, FIELD // 8
        weights = self.weights
        if sys.byteorder != "little":  # the packed form is read little-endian
            weights = array(weights.typecode, weights)
            weights.byteswap()
        raw = weights.tobytes()
        width = field * columns
        spread = bytearray(len(self) * width)
        for column in range(columns):
            for byte in range(size):
                spread[column * field + byte::width] = raw[column * size + byte::columns * size]
        features = self.names.decode("utf-8", "surrogatepass").split("\n")[1:-1]
        extra, from_bytes = self._extra, int.from_bytes
        return dict(zip(features, [extra + from_bytes(spread[i:i + width], "little")
                                   for i in range(0, len(spread), width)]))


class Model:
    """One model file: per category a bias and a threshold; per feature its
    weights, one per category (packed, see ``pack``).

    Read from the model file, every feature's weights are in ``packed``. Read
    from the compiled-rules cache, they are in a WeightTable, and ``packed``
    holds the features decoded so far (0 for those the model lacks); once
    DECODE_ALL have been looked up, the process is reading many drafts and the
    whole table is decoded into ``packed`` at once."""

    __slots__ = ("categories", "bias", "thresholds", "packed", "settings", "path", "floors", "_memo", "_text_memo",
                 "_clauses", "_concept_sums", "_table", "_looked_up", "_digit_blind")

    # Distinct sentences (by their text, and by their terms) whose scores are remembered. Replies are
    # written from templates, so the same sentences come again and again; plain
    # dict stores, so threads may share it, and results never depend on it.
    MEMO_SIZE = 20_000
    # Distinct clauses remembered (see _clause_nets): each holds its features, a kilobyte or two.
    CLAUSES_SIZE = 4096
    # Look-ups in the table after which it is decoded whole (about what the whole costs, one by one).
    DECODE_ALL = 4096

    def __init__(self, categories: Sequence[str], bias: Sequence[float], thresholds: Sequence[float],
                 weights: Dict[str, Sequence[float]], settings: Settings, path: str = "") -> None:
        self.categories = tuple(categories)
        self.bias = tuple(bias)
        self.thresholds = tuple(thresholds)
        self.packed: Dict[str, int] = {feature: pack(vector) for feature, vector in weights.items() if any(vector)}
        self._table: Optional[WeightTable] = None
        self._looked_up = 0
        self.settings = settings
        self.path = path
        # (column, need) of the lowest need per category among the rules that read
        # this model (see admit): a sentence below every one of them reports nothing
        self.floors: Tuple[Tuple[int, int], ...] = ()
        self._memo: Dict[Tuple[str, ...], Tuple[int, ...]] = {}
        self._text_memo: Dict[Union[str, bytes], Tuple[Tuple[int, ...], int, int]] = {}
        self._clauses: Dict[Union[str, Tuple[Any, ...]], _Clause] = {}  # by a clause's text, and by its words
        self._concept_sums: Dict[Tuple[str, ...], Tuple[int, int]] = {}
        self._digit_blind = digit_blind(settings)

    def __getstate__(self) -> tuple:
        table = self._table if self._table is not None else WeightTable.of(self.packed, len(self.categories))
        weights = table if table is not None else self.packed
        # (digit_blind travels too: it reads every concept word, a millisecond of each start-up)
        return (self.categories, self.bias, self.thresholds, weights, self.settings, self.path, self.floors,
                self._digit_blind)

    def __setstate__(self, state: tuple) -> None:
        (self.categories, self.bias, self.thresholds, weights, self.settings, self.path, self.floors,
         self._digit_blind) = state
        if isinstance(weights, WeightTable):
            self.packed, self._table = {}, weights
        else:
            self.packed, self._table = weights, None
        self._looked_up = 0
        self._memo = {}
        self._text_memo = {}
        self._clauses = {}
        self._concept_sums = {}

    def _weights(self, features: Sequence[str]) -> List[int]:
        """The packed weights of those of ``features`` the model has."""
        found = list(map(self.packed.get, features))
        if self._table is not None and None in found:
            found = [self._look_up(f) if w is None else w for f, w in zip(features, found)]
        return list(filter(None, found))

    def _look_up(self, feature: str) -> int:
        """A feature's packed weights (0: none) from the table, kept in ``packed``."""
        table = self._table
        if table is None:  # another thread decoded it whole meanwhile
            return self.packed.get(feature, 0)
        self._looked_up += 1
        if self._looked_up >= self.DECODE_ALL:
            self.packed = table.decode()
            self._table = None
            return self.packed.get(feature, 0)
        found = self.packed[feature] = table.get(feature)
        return found

    def admit(self, column: int, need: int) -> None:
        """Note a rule that reports ``column`` at ``need`` (called as rules are
        compiled): the floors only ever go down, so a draft found below them
        is below every rule's need."""
        floors = dict(self.floors)
        if column in floors and floors[column] <= need:
            return
        floors[column] = need
        # the floors first, then a fresh memo: a check racing with this stores
        # headroom worked out from the new floors, or into the memo being dropped
        self.floors = tuple(sorted(floors.items()))
        self._text_memo = {}

    def headroom(self, nets: Tuple[int, ...]) -> Tuple[int, int]:
        """(alone, paired) for one sentence's ``nets``: the most by which a category's
        score is above its floor, and the same for twice the score against the
        floor (two neighbours' paired values summing below 0 mean their window is
        below every floor: 2a + 2b - 2f < 0 when a + b < f). No floors: never below."""
        floors = self.floors
        if not floors:
            return 0, 0
        return (max([nets[c] - f for c, f in floors]), max([2 * nets[c] - f for c, f in floors]))

    def weight(self, feature: str, column: int) -> float:
        packed = self._weights((feature,))
        return 0.0 if not packed else (((packed[0] >> (FIELD * column)) & _MASK) - OFFSET) / UNIT

    def _unpack(self, total: int, count: int) -> List[float]:
        base = count * OFFSET
        return [b + (((total >> (FIELD * i)) & _MASK) - base) / UNIT for i, b in enumerate(self.bias)]

    def sums(self, sents: Sequence[Sentence]) -> List[Tuple[int, int]]:
        """Per sentence, the packed sum of its features' weights and how many there were."""
        out = []
        for s in sents:
            found = self._weights(s.features)
            out.append((sum(found), len(found)))
        return out

    def logits(self, sents: Sequence[Sentence]) -> List[List[float]]:
        """The log-odds of each sentence, one per category."""
        return [self._unpack(total, count) for total, count in self.sums(sents)]

    def _terms_nets(self, terms: List[str], concepts: Dict[str, str]) -> Tuple[int, ...]:
        """One sentence, given by its terms and concepts: per category the sum of its
        features' weights in thousandths (remembered per distinct sentence)."""
        key = tuple(terms) + tuple(concepts) if concepts else tuple(terms)  # concepts start with "~", terms never
        memo = self._memo
        found = memo.get(key)
        if found is None:
            weights = self._weights(features_of(terms, self.settings.bigrams, concepts))
            total, base = sum(weights), len(weights) * OFFSET
            found = tuple(((total >> (FIELD * i)) & _MASK) - base for i in range(len(self.bias)))
            if len(memo) >= self.MEMO_SIZE:
                memo.clear()
            memo[key] = found
        return found

    def draft_scores(self, draft: Draft) -> "Scores":
        """The draft's sentences scored for every category; computed once per
        draft for every rule of this model."""
        found = draft.extras.get(self)  # the model itself is the key: no tuple built per rule
        if found is None:
            written = _written(draft)
            if written is not None and not draft.words.mixed:
                entries = self._written_entries(draft, written)
            elif draft.has_han:
                # only a sentence that holds Chinese is read as such: the others are the
                # same sentences as in a reply without any, and remembered as those
                sentences = split_sentences(draft)[1]
                entries = list(map(self._sentence_entry, sentences, map(_holds_han, sentences)))
            else:  # _sentence_entry's memo looked up here, C-level, for most sentences are known
                sentences = split_sentences(draft)[1]
                entries = list(map(self._text_memo.get, sentences))
                if None in entries:
                    entries = [found if found is not None else self._sentence_entry(sentence, False)
                               for found, sentence in zip(entries, sentences)]
            found = draft.extras[self] = Scores(entries, self.settings.windows)
        return found  # type: ignore[no-any-return]

    def _written_entries(self, draft: Draft, written: bytes) -> List[Tuple[Tuple[int, ...], int, int]]:
        """The entries of a draft whose words view is its own bytes folded one byte to one
        byte, and no word of which mixes scripts (see _written, View.mixed): a sentence's bytes
        make its words, so its entry is remembered by them too, in the same memo (bytes are
        never equal to a text), and a template's sentences are known without their spans or
        words being worked out (the rules ask for those only to report something). The fold
        keeps every digit and makes none (a test checks every byte): the bytes' number shape
        makes the words' (see number_shape), remembered where that is a shape."""
        memo = self._text_memo
        pieces = _WRITTEN_SENTENCE.findall(written)
        entries = list(map(memo.get, pieces))
        if None in entries:
            sentences = None
            for k, entry in enumerate(entries):
                if entry is None:
                    piece = pieces[k]
                    shape = piece.translate(_DIGITS_ALIKE) if self._digit_blind else piece
                    if shape != piece:
                        entry = memo.get(shape)
                    if entry is None:
                        if sentences is None:
                            sentences = split_sentences(draft)[1]
                        entry = self._sentence_entry(sentences[k], False, piece, shape)
                    else:
                        self._remember(piece, entry)
                    entries[k] = entry
        return entries

    def _remember(self, key: Union[str, bytes], entry: Tuple[Tuple[int, ...], int, int]) -> None:
        memo = self._text_memo
        if len(memo) >= self.MEMO_SIZE:
            memo.clear()
        memo[key] = entry

    def _sentence_entry(self, sentence: str, han: bool, written: bytes = b"", written_shape: bytes = b""
                        ) -> Tuple[Tuple[int, ...], int, int]:
        """``_terms_nets`` of one sentence with its headroom, remembered by its text
        too: a template's sentence comes back word for word, and with other numbers
        in it ("заказ №45331778-0844") by its number shape (see number_shape); and by
        its ``written`` bytes and their number shape, when given (see _written_entries)."""
        # (before the floors: see admit)
        found = self._recalled(self._text_memo, self.MEMO_SIZE, sentence, han, self._scored, written_shape)
        if written:
            self._remember(written, found)
        return found

    def _scored(self, sentence: str, han: bool) -> Tuple[Tuple[int, ...], int, int]:
        """``_terms_nets`` of a sentence not remembered, with its headroom."""
        nets = self._clause_nets(sentence, han)
        if nets is None:
            _, terms, concepts = words_and_terms(sentence, han, self.settings)
            nets = self._terms_nets(terms, concepts)
        return (nets,) + self.headroom(nets)

    def _recalled(self, memo: Dict[Any, Any], size: int, text: str, han: bool,
                  make: Callable[[str, bool], Any], shape_alias: bytes = b"") -> Any:
        """``make(text, han)``, remembered in ``memo`` (at most ``size`` entries) by the text and,
        where digits change no feature (see number_shape), by its number shape too: a template
        comes back word for word, or with other numbers in it ("заказ №45331778-0844").
        ``shape_alias``: one more key for it where it has a shape (a written sentence's, see
        _written_entries). A text with Chinese is marked apart: its words are read otherwise."""
        mark = "\x00" if han else ""
        key = mark + text
        found = memo.get(key)
        if found is not None:
            return found
        # (Chinese runs are words of their own, never with a digit: see TOKEN, _split_han)
        shape = number_shape(text, han) if self._digit_blind else None
        if shape is not None:
            shape = mark + shape
            found = memo.get(shape)
        if found is None:
            found = make(text, han)
        if len(memo) >= size:
            memo.clear()
        if shape is not None:
            memo[shape] = found
            if shape_alias:
                memo[shape_alias] = found
        memo[key] = found
        return found

    def _clause_nets(self, sentence: str, han: bool) -> Optional[Tuple[int, ...]]:
        """``_terms_nets`` of a sentence (see _CLAUSE_GAP), from its clauses' features
        remembered by their text: a template's clause comes back in
        sentences that are new (a Chinese phrase runs into the sentences on both sides
        of it, as a sentence ends only before a capital), and so do most of a new
        sentence's. The sum of the distinct features' weights is the clauses' sums, less
        the weights of the features a clause shares with those before it, plus the pairs
        of terms across their gaps (each once) and the sentence's concepts: the same
        integers added, so the same sums. None: the model reads no pairs of terms."""
        settings = self.settings
        if not settings.bigrams:
            return None
        pieces = _CLAUSE_GAP.split(sentence)
        memo = self._clauses
        clauses = []
        for piece in pieces:
            # a plain clause (see is_plain: every character a letter or digit to TOKEN and to std re
            # alike, none Chinese, nor are the entities' markers) is read alike in a sentence with
            # Chinese: the clauses of a template's sentence are known from sentences without any
            # (known by its number shape too, as a sentence is: "best898", "от 25", "ожидается 19.02.")
            clauses.append(self._recalled(memo, self.CLAUSES_SIZE, piece, han and not is_plain(piece), self._clause))
        total, count = self._concepts_sum(tuple(sorted({c for clause in clauses for c in clause.concepts})))
        seen: Set[str] = set()  # the features the model has, of the clauses so far and their gaps
        last = ""
        weight_of = self._weight_of
        for clause in clauses:
            if not clause.first:  # no words
                continue
            weights = clause.weights
            total += clause.total
            count += len(weights)
            if seen:
                twice = seen.intersection(weights)
                if twice:
                    total -= sum(map(weights.__getitem__, twice))
                    count -= len(twice)
            seen.update(weights)
            if last:
                gap = last + " " + clause.first
                if gap not in seen:
                    weight = weight_of(gap)
                    if weight:
                        seen.add(gap)
                        total += weight
                        count += 1
            last = clause.last
        return self._nets(total, count)

    def _concepts_sum(self, names: Tuple[str, ...]) -> Tuple[int, int]:
        """The packed sum of the weights of a sentence's concept features (its concepts ``names``,
        sorted, and each pair of them: see _concepts_of) and how many the model has, remembered
        per set of concepts (a template's sentences bring the same ones)."""
        memo = self._concept_sums
        found = memo.get(names)
        if found is None:
            features = list(names)
            if len(names) > 1:
                features += [a + "&" + b for i, a in enumerate(names) for b in names[i + 1:]]
            weights = self._weights(features)
            found = sum(weights), len(weights)
            if len(memo) >= self.CLAUSES_SIZE:
                memo.clear()
            memo[names] = found
        return found

    def _clause(self, piece: str, han: bool) -> "_Clause":
        """One clause's features and the sum of their weights (see _clause_nets), remembered by
        its words too (in the same memo, the key a tuple: never a clause's text). A clause's
        features are its words' (see _read_words), whatever stands between them, and an
        entity is one marker whatever it names: a template's clause with another e-mail,
        domain or handle in it ("shop71@gmail.com благодарим …", "zakaz98@mail.ru благодарим
        …") is known, where its text and number shape are new. Its words are read with
        their digits as 0 where the clause's marked text has a number shape (see
        number_shape: the words' features are then those of any other digits)."""
        marked = mark_entities(piece)
        shape = number_shape(marked, han) if self._digit_blind else None
        words = (TOKEN.findall if han else _WORD.findall)(marked if shape is None else shape)
        key = (han, *words)
        memo = self._clauses
        found = memo.get(key)
        if found is None:
            # (stored beside the entry _recalled stores by the text: the memo's bound is its business)
            found = memo[key] = self._clause_of(words, han)
        return found

    def _clause_of(self, words: List[str], han: bool) -> "_Clause":
        """The _Clause of a clause's words (see _clause)."""
        terms, hits = _terms_and_hits(words, self.settings)
        concepts = () if hits.keys().isdisjoint(words) else tuple(
            dict.fromkeys(concept for word in words for concept in hits.get(word, ())))
        if han:
            terms = _split_han(words, terms)[1]
        features = list(dict.fromkeys(terms + list(map(" ".join, zip(terms, terms[1:])))))
        weights = dict(zip(features, map(self._weight_of, features)))
        weighted = {feature: weight for feature, weight in weights.items() if weight}
        return _Clause(weighted, sum(weighted.values()), concepts, terms[0] if terms else "",
                       terms[-1] if terms else "")

    def _weight_of(self, feature: str) -> int:
        """The packed weights of one feature (0: the model has none)."""
        found = self.packed.get(feature)
        if found is None:
            found = self._look_up(feature) if self._table is not None else 0
        return found

    def _nets(self, total: int, count: int) -> Tuple[int, ...]:
        """Per category, the sum of ``count`` features' weights in thousandths, from their packed sum."""
        base = count * OFFSET
        return tuple(((total >> (FIELD * i)) & _MASK) - base for i in range(len(self.bias)))

    def need(self, column: int, probability: float) -> int:
        """The packed sum (in thousandths, offsets removed) at which a log-odds for
        ``column`` reaches ``probability``: thresholds are compared in integers."""
        return math.ceil((math.log(probability / (1.0 - probability)) - self.bias[column]) * UNIT - 1e-9)

    def contributions(self, column: int, sents: Sequence[Sentence]) -> List[Tuple[float, str]]:
        """(weight, words) of what pushed these sentences up for one category, strongest first."""
        found: Dict[str, float] = {}
        for sent in sents:
            labels: Optional[Dict[str, str]] = None
            for feature in sent.features:
                weight = self.weight(feature, column)
                if weight > 0:
                    if labels is None:
                        labels = sent.labels()
                    # a pair of concepts weighs for the words of both ("отзыв & бонус")
                    parts = labels.get(feature, feature).split(PAIR_LABEL)
                    for label in parts:
                        found[label] = found.get(label, 0.0) + weight / len(parts)
        return sorted(((w, label) for label, w in found.items()), key=lambda x: (-x[0], x[1]))


_NETS, _HEADROOM_ALONE, _HEADROOM_PAIRED = (operator.itemgetter(i) for i in range(3))  # of a sentence's entry
_AFTER_FIRST = operator.itemgetter(slice(1, None))


class _Clause(NamedTuple):
    """A clause of a sentence as Model._clause_nets remembers it."""

    weights: Dict[str, int]  # the packed weights of those of its terms and pairs of neighbouring terms the model has
    total: int  # their sum
    concepts: Tuple[str, ...]  # the concepts of its words (no pairs)
    first: str  # its first and last terms ("": it has no words)
    last: str


class Scores:
    """A draft's sentences (those of sentence_bounds, in order) with, per category, each
    sentence's score (weights in thousandths, bias aside) and the best score
    of a sentence and of a window (two neighbouring sentences, whose score is
    the sum of theirs): a rule whose threshold neither reaches is done at once.

    ``below``: no sentence and no window reaches the floors of the model (see
    Model.admit), so no rule reports anything; most drafts are, and for them
    the per-category columns are not worked out (only when asked for)."""

    __slots__ = ("below", "_entries", "_windows", "_columns", "_best_alone", "_best_window")

    def __init__(self, entries: List[Tuple[Tuple[int, ...], int, int]], windows: bool) -> None:
        self._entries = entries  # (the sentences' nets are read from them only when asked for: see _fill)
        self._windows = windows
        self._columns: Optional[List[Tuple[int, ...]]] = None
        if not entries or max(map(_HEADROOM_ALONE, entries)) >= 0:
            self.below = False
        elif windows and len(entries) > 1:
            paired = list(map(_HEADROOM_PAIRED, entries))
            self.below = max(map(operator.add, paired, paired[1:])) < 0
        else:
            self.below = True

    def _fill(self) -> List[Tuple[int, ...]]:
        columns = self._columns = list(zip(*map(_NETS, self._entries)))
        # (C-level maps: a draft that reaches a floor has every column asked for)
        self._best_alone = list(map(max, columns))
        self._best_window = (list(map(max, map(map, repeat(operator.add), columns, map(_AFTER_FIRST, columns))))
                             if self._windows and len(self._entries) > 1 else [_NEVER] * len(columns))
        return columns

    @property
    def columns(self) -> List[Tuple[int, ...]]:
        columns = self._columns
        return columns if columns is not None else self._fill()

    @property
    def best_alone(self) -> List[int]:
        if self._columns is None:
            self._fill()
        return self._best_alone

    @property
    def best_window(self) -> List[int]:
        if self._columns is None:
            self._fill()
        return self._best_window


_NEVER = -(1 << 62)  # a score no threshold is below


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


# ------------------------------------------------------------ the model file


def _fail(path: str, text: str, pos: Optional[int], reason: str) -> RulePackError:
    line = text.count("\n", 0, pos) + 1 if pos is not None else None
    return RulePackError(path, line, f"invalid classifier model: {reason}")


def _pos_of_key(text: str, key: str, parent: Optional[str] = None) -> Optional[int]:
    """Where ``"key"`` is written (else its parent's key, for a key written with escapes)."""
    import json

    start = text.find(json.dumps(parent, ensure_ascii=False)) if parent else 0
    pos = text.find(json.dumps(key, ensure_ascii=False), max(start, 0))
    if pos < 0 and parent:
        pos = start
    return pos if pos >= 0 else None


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def load_model(path: str) -> Model:
    """Read and validate a model file; errors name the file and the line."""
    import json  # only when the rules are compiled: a check needs no JSON

    text = read_limited(path, MAX_MODEL_BYTES, "classifier model")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RulePackError(path, exc.lineno, f"invalid classifier model: {exc.msg}") from None
    if not isinstance(data, dict):
        raise _fail(path, text, 0, "the file must hold one JSON object")
    if data.get("format") not in READABLE_FORMATS:
        raise _fail(path, text, _pos_of_key(text, "format"),
                    "'format' must be " + " or ".join(map(repr, READABLE_FORMATS)))
    categories = data.get("categories")
    if not (isinstance(categories, list) and categories and all(isinstance(c, str) for c in categories)
            and len(set(categories)) == len(categories)):
        raise _fail(path, text, _pos_of_key(text, "categories"), "'categories' must be a list of distinct names")
    size = len(categories)
    per_category = []
    for key, check, what in (("bias", _number, "a number"),
                             ("thresholds", lambda v: _number(v) and 0 < v < 1, "a number between 0 and 1")):
        table = data.get(key)
        if not isinstance(table, dict) or sorted(table) != sorted(categories):
            raise _fail(path, text, _pos_of_key(text, key), f"{key!r} must give every category {what}")
        for category, value in table.items():
            if not check(value):
                raise _fail(path, text, _pos_of_key(text, category, key),
                            f"{key} of {category!r} must be {what}, not {value!r}")
        per_category.append([float(table[c]) for c in categories])
    table = data.get("weights")
    if not isinstance(table, dict):
        raise _fail(path, text, _pos_of_key(text, "weights"), "'weights' must map features to lists of weights")
    for feature, vector in table.items():
        if not (isinstance(vector, list) and len(vector) == size and all(map(_number, vector))
                and all(abs(w) < MAX_WEIGHT for w in vector)):
            raise _fail(path, text, _pos_of_key(text, feature, "weights"),
                        f"weights of {feature!r} must be {size} numbers, one per category, "
                        f"each between -{MAX_WEIGHT:g} and {MAX_WEIGHT:g}")
    weights = {k: tuple(map(float, v)) for k, v in table.items()}
    settings = _settings(data.get("features", {}), path, text)
    if settings.concepts and data["format"] != FORMAT:
        raise _fail(path, text, _pos_of_key(text, "concepts", "features"), f"concepts need format {FORMAT!r}")
    return Model(categories, per_category[0], per_category[1], weights, settings, path)


def _settings(raw: Any, path: str, text: str) -> Settings:
    if not isinstance(raw, dict):
        raise _fail(path, text, _pos_of_key(text, "features"), "'features' must be a mapping")
    unknown = sorted(set(raw) - set(Settings._fields))
    if unknown:
        raise _fail(path, text, _pos_of_key(text, unknown[0], "features"), f"unknown feature setting {unknown[0]!r}")
    defaults = Settings()
    values: Dict[str, Any] = {}
    for key in Settings._fields:
        value = raw.get(key, getattr(defaults, key))
        default = getattr(defaults, key)
        if key not in raw:
            values[key] = default
            continue
        if isinstance(default, bool):
            ok = isinstance(value, bool)
            what = "true or false"
        elif key == "concepts":
            ok = isinstance(value, dict) and all(
                isinstance(name, str) and name and isinstance(entries, list)
                and all(isinstance(e, str) and e for e in entries) for name, entries in value.items())
            value = Concepts(sorted((name, tuple(entries)) for name, entries in value.items())) if ok else value
            what = "a mapping of concept names to lists of words"
        elif isinstance(default, int):
            ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 30
            what = "a whole number 1-30"
        else:
            ok = isinstance(value, (list, frozenset)) and all(isinstance(v, str) and v for v in value)
            value = frozenset(value) if ok else value
            what = "a list of words"
        if not ok:
            raise _fail(path, text, _pos_of_key(text, key, "features"), f"feature setting {key!r} must be {what}")
        values[key] = value
    return Settings(**values)


_loaded: Dict[Tuple[str, int, int], Model] = {}


def cached_model(path: str) -> Model:
    """The model at ``path``, loaded once per file version: the rules that share a
    file share one Model (and so one scoring per draft)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise RulePackError(path, None, f"cannot read classifier model: {exc.strerror or exc}") from None
    key = (os.path.realpath(path), st.st_mtime_ns, st.st_size)
    model = _loaded.get(key)
    if model is None:
        model = _loaded[key] = load_model(path)
    return model


def model_path(pack_path: str, name: str) -> str:
    return os.path.join(os.path.dirname(os.path.abspath(pack_path)), name)


def model_files(pack_paths: Iterable[str]) -> List[str]:
    """The model files a set of packs may name (every ``models/*.json`` beside
    them): the compiled-rules cache keys on them, so a retrained model is a
    fresh compile."""
    found: List[str] = []
    seen = set()
    for pack in pack_paths:
        folder = os.path.join(os.path.dirname(os.path.abspath(pack)), MODELS_DIR)
        if folder in seen or not os.path.isdir(folder):
            continue
        seen.add(folder)
        found.extend(os.path.join(folder, f) for f in sorted(os.listdir(folder)) if f.endswith(".json"))
    return found


# ---------------------------------------------------------------- the kind

# The labels that introduce the explanation words of a finding, per language.
_WORDS_LABEL = {"ru": "слова", "en": "words", "zh": "关键词"}
EXPLAIN_WORDS = 3


class ClassifierMatcher(Matcher):
    """Sentences whose probability for the rule's category reaches ``threshold``."""

    PARAMS = (Param("model", "text", None, "The model file, models/NAME.json beside the pack (required)."),
              Param("threshold", "number", None,
                    "Probability (0-1) at which a sentence is reported; default: the model's own for the category."))

    def __init__(self, spec: RuleSpec, vocabularies: Dict[str, List[str]]) -> None:
        name = spec.params.get("model")
        line = spec.line_of("model")
        if not isinstance(name, str) or not name.endswith(".json"):
            raise RulePackError(spec.path, line, f"rule {spec.id}: 'model' must name a .json model file")
        parts = name.replace("\\", "/").split("/")
        if len(parts) != 2 or parts[0] != MODELS_DIR or parts[1] in ("", ".json"):
            raise RulePackError(spec.path, line,
                                f"rule {spec.id}: 'model' must be {MODELS_DIR}/NAME.json beside the pack, "
                                f"not {name!r}")
        path = model_path(spec.path, name)
        if not os.path.isfile(path):
            raise RulePackError(spec.path, line, f"rule {spec.id}: no model file {path}")
        self.model = cached_model(path)
        if spec.category not in self.model.categories:
            raise RulePackError(spec.path, spec.line_of("category"),
                                f"rule {spec.id}: the model has no {spec.category!r} category "
                                f"(it has {', '.join(self.model.categories)})")
        self.column = self.model.categories.index(spec.category)
        threshold = spec.params.get("threshold", self.model.thresholds[self.column])
        if not _number(threshold) or not 0 < threshold < 1:
            raise RulePackError(spec.path, spec.line_of("threshold"),
                                f"rule {spec.id}: 'threshold' must be a number between 0 and 1")
        self.threshold = float(threshold)
        self.need = self.model.need(self.column, self.threshold)
        self.model.admit(self.column, self.need)

    def find(self, draft: Draft) -> List[Span]:
        scores = draft.extras.get(self.model)
        if scores is not None and scores.below:  # the model's other rules scored the draft: nothing
            return []
        return [span for span, _ in self._found(draft)]

    def _found(self, draft: Draft) -> List[Tuple[Span, Tuple[int, ...]]]:
        """Original-text spans found, each with the indexes of its sentences: a
        sentence, or a window of two whose sentences are not reported alone."""
        # the six rules of one model share its scores: most drafts are done by two comparisons
        scores = self.model.draft_scores(draft)
        if scores.below:
            return []
        column, need = self.column, self.need
        if not scores.columns or scores.best_alone[column] < need and scores.best_window[column] < need:
            return []
        values = scores.columns[column]
        bounds = sentence_bounds(draft)
        alone = [v >= need for v in values]
        span = draft.words.span
        found = [(span(*bounds[k]), (k,)) for k, hit in enumerate(alone) if hit]
        if scores.best_window[column] >= need:
            for k in range(len(values) - 1):
                if values[k] + values[k + 1] >= need and not (alone[k] or alone[k + 1]):
                    found.append((span(bounds[k][0], bounds[k + 1][1]), (k, k + 1)))
        return sorted(found, key=lambda item: item[0])

    def score_sentences(self, draft: Draft) -> List[Tuple[int, int, float]]:
        """(start, end, probability) of every sentence; spans in the original text."""
        scores = self.model.draft_scores(draft)
        span = draft.words.span
        bias = self.model.bias[self.column]
        values = scores.columns[self.column] if scores.columns else ()
        return [span(*bound) + (sigmoid(bias + value / UNIT),) for bound, value in zip(sentence_bounds(draft), values)]

    def score_span(self, draft: Draft, start: int, end: int) -> float:
        """The probability of the words-view span [start, end) (say, the sentence
        around a messenger's name) as one sentence."""
        target = span_sentence(draft, start, end, self.model.settings)
        return sigmoid(self.model.logits([target])[0][self.column])

    def explain(self, draft: Draft, start: int, end: int) -> List[str]:
        """The words that weighed most for the finding at original span [start, end)."""
        for found, indexes in self._found(draft):
            if found == (start, end):
                sents = [sentence_at(draft, k, self.model.settings) for k in indexes]
                return [label for _, label in self.model.contributions(self.column, sents)[:EXPLAIN_WORDS]]
        return []

    def explained_messages(self, messages: Dict[str, str], draft: Draft, start: int, end: int) -> Dict[str, str]:
        """The rule's messages with the explanation words appended."""
        words = self.explain(draft, start, end)
        if not words:
            return messages
        listed = ", ".join(words)
        return {lang: f"{text} ({_WORDS_LABEL.get(lang, 'words')}: {listed})" for lang, text in messages.items()}


def yield_to_precise(violations: List[Violation], sentences: Sequence[Violation]) -> List[Violation]:
    """``violations`` without the classifier ``sentences`` that hold or overlap a
    finding of their own category from another rule: that finding already says
    where, and may carry a fix (the sentence would otherwise swallow it as a
    nested finding, or, merged with its neighbour window, hide it). A bare mention (``info``)
    is no such finding: the sentence stands, and holds the mention as a nested finding."""
    if not sentences:
        return violations
    coarse = {id(s) for s in sentences}
    precise = [v for v in violations if id(v) not in coarse and v.severity != "info"]
    drop = {id(s) for s in sentences
            if any(v.category == s.category and v.start < s.end and s.start < v.end for v in precise)}
    return [v for v in violations if id(v) not in drop] if drop else violations


def score_sentence(matcher: ClassifierMatcher, draft: Draft, start: int, end: int) -> float:
    """The probability that the words-view span [start, end) of ``draft`` belongs to
    ``matcher``'s category (for filters that judge a finding by its sentence)."""
    return matcher.score_span(draft, start, end)
