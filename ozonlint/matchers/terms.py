"""Term sets: words and phrases matched on the words view, gated by a set lookup.

Every term is normalised like the draft (so ``Ё``/``ё`` and case never matter)
and split into words. Russian words of four letters or more also match their
inflected forms (``вотсап`` -> ``вотсапе``, ``телега`` -> ``телегу``): such a
word is kept as its stems and matched as stem + a known ending, and it gates
on its first four letters. Each term set gates on one word per term: a draft
that contains none of them costs one set intersection. Terms with Chinese
characters have no word boundaries to rely on; they match anywhere, with
separators tolerated between the characters (``微 信``).
"""
from __future__ import annotations

from bisect import bisect_left, insort
from itertools import chain, count
from typing import Any, Dict, FrozenSet, List, Optional, Sequence, Tuple

from ..cache import unpickle_bytes
from ..lazyre import lazy, lazy_re
from ..normalize import base_view, words_view
from ..rulepack import Node, RulePackError, RuleSpec, _string_list
from ..spans import NO_SPANS, Spans, spans_of
from .base import (
    _PREFIX_MARKS,
    LATIN_OR_DIGIT,
    NEXT_TOKEN,
    NEXT_TOKEN_PLAIN,
    TOKEN,
    Draft,
    HanTerms,
    Matcher,
    Span,
    compile_pattern,
    context_filter,
    prefix_key,
)
from .leads import compiled_lead, lead_matches
from .params import CONTEXT, NEGATION, NEGATION_KEYS, TERM_SET

# Russian endings added to a word, or to the word without its final vowel.
ENDINGS = frozenset((
    "а", "я", "у", "ю", "е", "и", "ы", "о", "ой", "ей", "ом", "ем", "ам", "ям", "ами",
    "ями", "ах", "ях", "ов", "ев", "ую", "ая", "ое", "ые", "ие", "ий", "ый", "ого", "его",
    "ому", "ему", "ым", "им", "ых", "их", "ою", "ку", "ке", "ки", "кой", "чик", "чике",
    "чику", "чиком", "ь", "те", "ите", "ете", "ишь", "ит", "ет", "ут", "ют", "ат", "ят",
    # Ukrainian ("у вотсапі", "у вайбері", "телеграмів")
    "і", "ї", "ів", "ові", "еві",
))
_VOWEL_END = "аяоеиыуюйь"
_CYRILLIC_WORD = lazy(r"\p{Cyrillic}{4,}")
_HAN_TERM = lazy(r"\p{Han}")
_SEPARATOR = lazy(r"[\s\p{P}\p{S}_]")

_ids = count()

# Gate keys that nearly every seller reply contains. A phrase gated on one of
# them would be looked for in almost every draft, so another of its words gates
# it when it has one. (Speed only: what matches does not change.)
_COMMON_KEYS = frozenset([
    "ozon", "озон", "\x01това", "\x02магази", "\x02рекоме", "есть", "\x01такж", "\x01чере", "\x02достав",
    "\x01день", "\x01отзы", "\x02оформи", "\x02поступ", "\x01зака", "\x02трансп", "\x01можн", "\x01ваше",
    "\x01наше", "\x01спас", "\x01пожа", "\x01фото", "\x02сторон", "\x01скла", "\x01карт", "\x02поддер",
    "\x02совету", "will", "out", "now", "have", "\x01свое", "\x01свои", "\x02постав", "\x01лучш", "\x02упаков",
    "\x02подтве",
    "за", "в", "во", "на", "с", "со", "не", "ни", "и", "к", "по", "для", "от", "до", "у", "о", "об", "а", "но",
    "из", "при", "все", "всё", "будет", "это", "вы", "мы", "нам", "вам", "вас", "нас", "ваш", "наш", "фото",
    "order", "your", "please", "thank", "the", "and", "you", "to", "of", "in", "on", "at", "for", "not", "no",
    "more", "check", "photo", "with", "we", "our", "is", "are", "it", "a", "an",
])


def normalise_term(term: str) -> str:
    """The term as the words view of a draft would show it (terms and drafts meet there)."""
    return words_view(base_view(term.strip())).text


class Word:
    """One word of a term: exactly as written, or (``inflect``) a Russian word
    with its endings. ``key`` is what the draft must contain for it to be there:
    the word itself, or the prefix key of its shortest stem."""

    __slots__ = ("word", "stems", "key")

    def __init__(self, word: str, inflect: bool) -> None:
        self.word = word
        stems: Sequence[str] = ()
        if inflect and _CYRILLIC_WORD.fullmatch(word) and (len(word) >= 5 or word[-1] not in _VOWEL_END):
            stems = (word, word[:-1]) if word[-1] in _VOWEL_END else (word,)
        self.stems = tuple(stems)
        self.key = prefix_key(min(stems, key=len)) if stems else word

    def __reduce__(self) -> tuple:
        # rebuilt from a plain tuple: unpickling the compiled-rules cache is twice as fast
        return _make_word, (self.word, self.stems, self.key)

    def matches(self, token: str) -> bool:
        if token == self.word:
            return True
        for stem in self.stems:
            if token.startswith(stem) and token[len(stem):] in ENDINGS:
                return True
        return False

    @property
    def selectivity(self) -> int:
        return len(self.key) - 1 if self.stems else len(self.word)


def _han_term(term: str) -> Tuple[str, bool, bool]:
    """A Chinese term as it appears in the Chinese view (no separators), and
    whether its first/last character is Latin or a digit ("v信" must not match
    inside "dev信", but may follow a Chinese character: "加v信")."""
    compact = "".join(ch for ch in term if not (ch.isspace() or _SEPARATOR.match(ch)))
    return compact, bool(LATIN_OR_DIGIT.match(compact)), bool(LATIN_OR_DIGIT.match(compact[-1:]))


# (quote marks too: "на «ягодках»", "пишите в \"вотсап\"")
_SPACE_GAP = lazy(r"[\s\-_.«»\"“”„']{1,3}")
# Whether a gap between two words is a space-like one, for the gaps seen so far (a
# handful: " ", "-", " - "; plain dict stores, threads may share it; cleared when large).
_SPACE_GAPS: Dict[str, bool] = {}


def _is_space_gap(gap: str) -> bool:
    """``_SPACE_GAP.fullmatch(gap)``, remembered."""
    found = _SPACE_GAPS.get(gap)
    if found is None:
        if len(_SPACE_GAPS) > 1_000:
            _SPACE_GAPS.clear()
        found = _SPACE_GAPS[gap] = _SPACE_GAP.fullmatch(gap) is not None
    return found


def _make_word(word: str, stems: Tuple[str, ...], key: str) -> "Word":
    made = Word.__new__(Word)
    made.word, made.stems, made.key = word, stems, key
    return made


class Phrase:
    """One non-Chinese term as a sequence of words: the forms each word may take
    and what must stand between them ("t.me": a dot; "кэшбэк за отзыв": spaces)."""

    __slots__ = ("words", "rest", "needs", "gaps", "lead", "tail", "is_word", "second")

    def __init__(self, term: str, inflect: bool) -> None:
        words: List[Word] = []
        gaps: List[Optional[str]] = []  # None: a space-like gap; else the punctuation required
        pos = 0
        lead = ""
        for m in TOKEN.finditer(term):
            gap = term[pos:m.start()].strip()
            if words:
                gaps.append(gap or None)
            else:
                lead = gap
            words.append(Word(m.group(), inflect))
            pos = m.end()
        self.words = words
        self.rest = words[1:]
        self.needs = frozenset(w.key for w in self.rest)  # keys the draft must hold besides the first
        self.gaps = gaps
        self.lead = lead
        self.tail = term[pos:].strip()
        self.is_word = len(words) == 1 and not lead and not self.tail  # a hit wherever its word stands
        self.second = _second_word(words, gaps)

    def __reduce__(self) -> tuple:
        return _make_phrase, (self.words, self.gaps, self.lead, self.tail, self.second)

    def match(self, text: str, start: int, end: int, next_token: Any = NEXT_TOKEN) -> Optional[Span]:
        """The span of this phrase whose first word is ``text[start:end]``, if it is there
        (``next_token``: NEXT_TOKEN, or its std re form for a plain draft)."""
        if self.lead and not text.endswith(self.lead, 0, start):
            return None
        if self.second is not None:
            # the next word's first letters within the gap's reach, before the token is read
            prefix, reach = self.second
            if text.find(prefix, end + 1, end + reach + len(prefix)) < 0:
                return None
        for word, required in zip(self.rest, self.gaps):
            m = next_token.match(text, end)
            if m is None:
                return None
            gap, token = m.groups()
            if token != word.word and not word.matches(token):  # (Word.matches' first test, inline)
                return None
            if required is None:
                if not _is_space_gap(gap):
                    return None
            elif gap.strip() != required or len(gap) > len(required) + 2:
                return None
            end = m.end()
        if self.tail:
            if not text.startswith(self.tail, end):
                return None
            end += len(self.tail)
        if start > 0 and self.lead:
            start -= len(self.lead)
        return start, end


def _make_phrase(words: List[Word], gaps: List[Optional[str]], lead: str, tail: str,
                 second: Optional[Tuple[str, int]]) -> "Phrase":
    made = Phrase.__new__(Phrase)
    made.words, made.rest, made.gaps, made.lead, made.tail = words, words[1:], gaps, lead, tail
    made.needs = frozenset(w.key for w in made.rest)
    made.is_word = len(words) == 1 and not lead and not tail
    made.second = second  # (pickled as it is: a phrase table is read on a check's first use of its set)
    return made


def _second_word(words: List[Word], gaps: List[Optional[str]]) -> Optional[Tuple[str, int]]:
    """What every form of a phrase's second word starts with (the word, or its shortest
    stem), and how far after the first word it may start: a space-like gap is one to
    three characters, a required mark with at most two spaces around it."""
    if len(words) < 2:
        return None
    second = words[1]
    prefix = min(second.stems, key=len) if second.stems else second.word
    required = gaps[0]
    return prefix, (3 if required is None else len(required) + 2)


# A term set's terms whose first word has one key: the one-word terms, and the longer phrases.
_ByFirstWord = Tuple[List[Word], List[Phrase]]
# What one word of a draft starts in a term set: a one-word term (or not), phrases, and
# the phrases by one of their other words' keys, and those keys (None when a phrase has no
# other word): a phrase whose key the draft does not hold cannot match (see find_in_view).
_Starting = Tuple[bool, Tuple[Phrase, ...], Optional[Tuple[FrozenSet[str], Dict[str, Tuple[Phrase, ...]]]]]


def _gate_keys(first: Dict[str, _ByFirstWord]) -> Tuple[FrozenSet[str], FrozenSet[str]]:
    """(keys, lookup keys) of a phrase table: each term's most selective word's key,
    which the gate index opens the set on — the longest word ("личку", not "в"),
    and not one that almost every reply holds ("через", "товар", "Ozon"), or one
    the set opens on already (a one-word term's, an earlier phrase's) — and
    every key that find_in_view asks a draft about (the gate index remembers only these)."""
    keys, lookup = set(), set()
    for words, phrases in first.values():
        keys.update(w.key for w in words)
    for words, phrases in first.values():
        for phrase in phrases:
            # a word whose key opens the set anyway ("фото отзыв" beside "отзыв") widens nothing
            known = [w for w in phrase.words if w.key in keys]
            keys.add(max(known or phrase.words, key=lambda w: (w.key not in _COMMON_KEYS, w.selectivity)).key)
            lookup.update(w.key for w in phrase.words)
    return frozenset(keys), frozenset(keys | lookup)


def _rarity(key: str) -> Tuple[bool, int, str]:
    """How rarely a reply holds a word of ``key``, to rank a phrase's keys: an uncommon
    one (see _COMMON_KEYS) before a common one, then the longest (ties: by the key)."""
    return key not in _COMMON_KEYS, len(key.lstrip("\x01\x02")), key


def _gate_words(first: Dict[str, _ByFirstWord], keys: FrozenSet[str]) -> Tuple[Dict[str, Tuple["Word", ...]],
                                                                          Dict[str, FrozenSet[str]]]:
    """What a phrase table's gate keys (of ``keys``) need besides a word of the key (see
    GateIndex._words_of): (forms, needs).
    forms: the words of each prefix key; a draft's word opens the set on the key only if
    it is a form of one of them. The key of "деньги" ("день") is the whole word "день"
    of "Добрый день", which no form of "деньги" is.
    needs: for a key that only phrases hold, a key of another word of each phrase (the
    rarest, see _rarity); the set opens on it only where the draft holds one of them
    ("возврат" of "возврат через банк" needs "банк", not "через")."""
    forms: Dict[str, Dict[Tuple[str, Tuple[str, ...]], Word]] = {}
    needs: Dict[str, set] = {}
    alone = set()  # keys a term of one key holds: a word of the key may be a hit by itself
    for words, phrases in first.values():
        for term_words in chain(([w] for w in words), (p.words for p in phrases)):
            own = frozenset(w.key for w in term_words)
            for word in term_words:
                if word.key in keys and word.key[:1] in _PREFIX_MARKS:
                    forms.setdefault(word.key, {})[(word.word, word.stems)] = word
            for key in own & keys:
                if len(own) == 1:
                    alone.add(key)
                else:
                    needs.setdefault(key, set()).add(max(own - {key}, key=_rarity))
    return ({key: tuple(found.values()) for key, found in forms.items()},
            {key: frozenset(need) for key, need in needs.items() if key not in alone})


# Read by the gate index, which is built when the rules are compiled and cached
# with them: a cached set leaves them out (they were a sixth of a start's memory).
_GATE_ATTRIBUTES = ("keys", "lookup_keys", "han_first_chars")


class TermSet:
    """Terms (and optional raw patterns) from one rule or one proximity set.

    Words and phrases are found by walking the draft's words, never by a big
    alternation: the ``regex`` module compiles large alternations slowly, and
    a term set is built for every Linter. Chinese terms become one pattern,
    compiled on the first draft that contains Chinese characters.
    """

    def __init__(self, spec: RuleSpec, params: Dict[str, Any], vocabularies: Dict[str, List[str]],
                 key: str = "terms") -> None:
        self.id = next(_ids)  # the Linter renumbers its term sets (see Linter.__init__)
        self.rule = spec.id

        def line_of(k: str) -> int:  # a proximity set is a mapping of its own, with its own lines
            return params.line_of(k) if isinstance(params, Node) else spec.line_of(k if k in params else key)

        line = line_of("terms")
        terms = _string_list(params.get("terms", []), spec.path, line, "terms")
        for name in _string_list(params.get("vocab", []), spec.path, line_of("vocab"), "vocab"):
            if name not in vocabularies:
                known = ", ".join(sorted(vocabularies)) or "none loaded"
                raise RulePackError(spec.path, line_of("vocab"),
                                    f"rule {spec.id}: unknown vocabulary {name!r} (known: {known})")
            terms.extend(vocabularies[name])
        patterns = _string_list(params.get("patterns", []), spec.path, line_of("patterns"), "patterns")
        if not terms and not patterns:
            raise RulePackError(spec.path, line, f"rule {spec.id}: needs 'terms', 'vocab' or 'patterns'")
        inflect = params.get("inflect", True)
        if not isinstance(inflect, bool):
            raise RulePackError(spec.path, line, f"rule {spec.id}: 'inflect' must be true or false")
        han_terms: List[Tuple[str, bool, bool]] = []
        symbols: List[str] = []
        first: Dict[str, List[Phrase]] = {}  # phrases by the key of their first word
        for raw in terms:
            term = normalise_term(raw)
            if not term:
                continue
            if _HAN_TERM.search(term):
                han_terms.append(_han_term(term))
            elif not TOKEN.search(term):  # a symbol such as ₽: no word to gate on
                symbols.append(term)
            else:
                phrase = Phrase(term, inflect)
                first.setdefault(phrase.words[0].key, []).append(phrase)
        # by the key of their first word: the one-word terms (a token is a hit where it
        # stands), then the longer phrases (matched on from there)
        self._first: Optional[Dict[str, _ByFirstWord]] = {
            key: ([p.words[0] for p in phrases if p.is_word], [p for p in phrases if not p.is_word])
            for key, phrases in first.items()}
        self._first_keys = frozenset(first)
        self._memo: Dict[Tuple[str, str], _Starting] = {}  # see _starting_with
        self.keys, self.lookup_keys = _gate_keys(self._first)
        self.han_terms = tuple(sorted(set(han_terms), key=lambda t: -len(t[0])))
        self._patterns = [compile_pattern(p, spec, key, line=line_of("patterns")) for p in patterns]
        # each pattern's lead (see leads.py): a pattern is tried only where its lead
        # stands in the (case-folded) words view, and not at all where it is absent
        self._leads = [compiled_lead(p, folded=True) for p in patterns]
        self._keep = context_filter(spec, params=params, folded=True)
        self.symbols = tuple(symbols)
        self.has_han_terms = bool(self.han_terms)
        self.han_first_chars = frozenset(t[0][0] for t in self.han_terms)
        # raw patterns can match anything: such a set is never skipped by the gate
        self.gated = not self._patterns
        # What the set is, when nothing in it is its rule's own (raw and context
        # patterns run under the rule's name): sets of the same content are one
        # set (see Negation.share). Only needed while the rules are compiled.
        self.content: Optional[Tuple[Any, ...]] = (
            None if self._patterns or not self._keep.empty else (tuple(terms), inflect))

    def _find_han(self, draft: Draft) -> List[Span]:
        """Chinese terms in the Chinese view, as spans of the words view: from the one
        scan of the draft for every set's Chinese terms (see HanTerms)."""
        terms = draft.han_terms
        if terms.terms_of.get(self.id) != self.han_terms:
            terms = self._own_han_terms()  # a draft of another gate index (a set tried on its own)
        return draft.han_hits(terms).get(self.id, [])

    def _own_han_terms(self) -> HanTerms:
        own = self.__dict__.get("_own_han")
        if own is None or own.terms_of.get(self.id) != self.han_terms:
            own = self._own_han = HanTerms([(self.id, self.han_terms)])
        return own  # type: ignore[no-any-return]

    def __getstate__(self) -> Dict[str, Any]:
        # The phrase tables are most of a compiled rule set, and a draft needs
        # the few whose words it holds: they are pickled on their own and read
        # on first use, so the CLI start-up does not rebuild them all.
        state = self.__dict__.copy()
        state["content"] = None
        state["_first"] = None
        state["_memo"] = {}  # this process's own
        state.pop("_own_han", None)
        for name in _GATE_ATTRIBUTES:  # what the gate index is built from: worked out again if ever asked for
            state.pop(name, None)
        import pickle  # only when the rules are cached (a check reads with cache.unpickle_bytes)

        state["_first_blob"] = pickle.dumps(self._phrases(), protocol=pickle.HIGHEST_PROTOCOL)
        # what the gate index asks of the set on a word of one of its keys, on its own:
        # the phrase table is read only for a draft the set opens for
        state["_gate_blob"] = pickle.dumps(self.gate_words(), protocol=pickle.HIGHEST_PROTOCOL)
        return state

    def __getattr__(self, name: str) -> Any:  # only reached for what __getstate__ leaves out
        if name in ("keys", "lookup_keys"):
            self.keys, self.lookup_keys = _gate_keys(self._phrases())
        elif name == "han_first_chars":
            self.han_first_chars = frozenset(t[0][0] for t in self.han_terms)
        else:
            raise AttributeError(name)
        return self.__dict__[name]

    def _phrases(self) -> Dict[str, "_ByFirstWord"]:
        first = self._first
        if first is None:  # two threads here at once unpickle it twice, to equal tables
            first = self._first = unpickle_bytes(self.__dict__["_first_blob"])
        return first

    def gate_words(self) -> Tuple[Dict[str, Tuple[Word, ...]], Dict[str, FrozenSet[str]]]:
        """What each gate key needs besides a word of the key (see _gate_words)."""
        blob = self.__dict__.get("_gate_blob")
        if blob is not None and self._first is None:  # a cached set (see __getstate__)
            return unpickle_bytes(blob)  # type: ignore[no-any-return]
        return _gate_words(self._phrases(), self.keys)

    def excused_by_context(self, text: str, start: int, end: int) -> bool:
        """Whether the set's context patterns (``unless_preceded_by`` / ``unless_followed_by``,
        ``preceded_by`` / ``followed_by``) drop a hit at [start, end) of the case-folded ``text``."""
        return not self._keep.empty and not self._keep(text, start, end)

    def may_match(self, draft: Draft) -> bool:
        """False when the draft certainly holds none of the terms (a set lookup)."""
        return not self.gated or draft.active(self.id)

    MEMO_SIZE = 1_000  # (key, word) pairs remembered per set (10,000 replies of the corpora leave 240 at most)

    def _starting_with(self, key: str, token: str) -> _Starting:
        """Whether ``token`` (a word of gate key ``key``) is one of the set's one-word
        terms, and the phrases whose first word it is: what a word stands for in a
        set does not depend on the draft, so it is worked out once per word (a
        reply's words come back reply after reply) and remembered, as GateIndex
        remembers a word's gate keys (plain dict stores: threads may share it)."""
        memo = self._memo
        found = memo.get((key, token))
        if found is None:
            first = self._first if self._first is not None else self._phrases()
            words, longer = first[key]
            phrases = tuple(p for p in longer if p.words[0].matches(token))
            probe = None
            if phrases and all(p.needs for p in phrases):
                by_need: Dict[str, List[Phrase]] = {}
                for p in phrases:  # each under its longest key: the rarest
                    by_need.setdefault(max(p.needs, key=lambda k: (len(k), k)), []).append(p)
                probe = (frozenset(by_need), {need: tuple(found) for need, found in by_need.items()})
            found = (any(w.matches(token) for w in words), phrases, probe)
            if len(memo) >= self.MEMO_SIZE:
                memo.clear()
            memo[(key, token)] = found
        return found

    def find_in_view(self, draft: Draft) -> List[Span]:
        """Spans in the words view."""
        active = self.id in draft.active_sets
        if self.gated and not active:
            return []  # the common case: none of the set's words is in the draft
        text = draft.words.text
        spans: List[Span] = []
        if self._first_keys and active:
            keys = draft.gate_keys
            memo, with_key = self._memo, draft.tokens_with_key
            next_token = None  # (asked for when a phrase is first matched: most sets match none)
            for key in keys & self._first_keys:
                # (a word's own key stands for that word: Draft.tokens_with_key, inline)
                for token in with_key(key) if key[:1] in _PREFIX_MARKS else (key,):
                    entry = memo.get((key, token))  # (the memo's fast path, inline: this loop is hot)
                    is_term, phrases, probe = entry if entry is not None else self._starting_with(key, token)
                    if phrases:
                        # a phrase whose other words are not all in the draft cannot match anywhere
                        # (one key of each tells most: "не" starts some 60 phrases of a set of cues,
                        # and a draft holds the key of a few; the order of the phrases tried is
                        # not the spans' order, which is sorted)
                        phrases = [p for p in phrases if p.needs <= keys] if probe is None else \
                            [p for need in keys & probe[0] for p in probe[1][need] if p.needs <= keys]
                    if not is_term and not phrases:
                        continue
                    size = len(token)
                    for start in draft.occurrences(token):
                        if is_term:
                            spans.append((start, start + size))
                        for phrase in phrases:
                            if next_token is None:
                                next_token = NEXT_TOKEN_PLAIN if draft.base.plain else NEXT_TOKEN
                            span = phrase.match(text, start, start + size, next_token)
                            if span is not None:
                                spans.append(span)
        if self.han_terms and draft.has_han:
            spans.extend(self._find_han(draft))
        for symbol in self.symbols:
            pos = text.find(symbol)
            while pos != -1:
                spans.append((pos, pos + len(symbol)))
                pos = text.find(symbol, pos + len(symbol))
        for pattern, lead in zip(self._patterns, self._leads):
            spans.extend(lead_matches(pattern, lead, text))
        if not spans:
            return spans
        keep = None if self._keep.empty else self._keep  # most sets have no context patterns
        if len(spans) == 1:  # most sets that match at all match once
            return spans if keep is None or keep(text, *spans[0]) else []
        # where matches overlap ("вотсап" and "вотсап бизнес"), keep the longest
        result: List[Span] = []
        for s, e in sorted(set(spans), key=lambda se: (se[0], -se[1])):
            if result and s < result[-1][1]:
                continue
            if keep is None or keep(text, s, e):
                result.append((s, e))
        return result


# A sentence ends at ! ? ; a line break, or a full stop followed by a capital
# letter (a quote mark or bracket may open it: ". «Гаджет Лайн»"); the full stop in
# "руб. по СБП" or "т.е." does not end one. Read on the
# original text, where capitals are still there.
_SENTENCE_END = lazy(r"[!?;\n。！？；]|\.(?=\s*(?:[«\"“„(]?\p{Lu}|\Z))|…")


# A cue before a hit turns it around only within its clause: in "возврат не
# оформляй, верну деньги сам" the "не" belongs to the first clause. (A list
# after one cue, "никаких доплат, предоплат", is TermsMatcher's _LIST_GAP.)
# (Chinese puts no space after its comma: "Ozon不能做定制订单，所以我们直接跟您交易" has two clauses)
_CLAUSE_BREAK = lazy(r"[,;:](?:\s|(?=\p{Han}))|[，；：、]|\s[-–—]\s")


def same_sentence(draft: Draft, start: int, end: int) -> bool:
    """Whether words-view span [start, end) lies within one sentence."""
    a, b = draft.words.span(start, end)
    return not sentence_ends(draft).found(a, max(a, b - 1))


def sentence_ends(draft: Draft) -> "_SentenceEnds":
    """Where _SENTENCE_END matches in the draft's original text, found once per draft."""
    ends = draft.extras.get(_SentenceEnds)
    if ends is None:
        ends = draft.extras[_SentenceEnds] = _SentenceEnds(draft.text)
    return ends  # type: ignore[no-any-return]


# _SENTENCE_END taken apart, so that a draft's sentence ends are found in one
# scan and not once per span asked about (many hits in a long sentence each
# asking about a long span is quadratic): the ends that need nothing after
# them (``[!?;\n。！？；…]|\.(?=\s*\p{Lu})``: the marks, and a full stop whose
# whitespace is followed by a capital), and every full stop with the whitespace
# after it.
_MARK_END = lazy_re(r"[!?;\n。！？；…]")  # (plain characters: std re finds them faster)
# (\s of regex is std re's \s without \x1c-\x1f: std re finds them faster; a test checks every character)
_FULL_STOP = lazy_re(r"\.[^\S\x1c-\x1f]*")
_CAPITAL = lazy(r"\p{Lu}")
# What may open a sentence before its capital (see _SENTENCE_END)
_OPENERS = frozenset("«\"“„(")
# Whether a character is a capital, for the characters seen so far (plain dict stores:
# threads may share it; cleared when large).
_CAPITALS: Dict[str, bool] = {}


def _is_capital(ch: str) -> bool:
    """Whether ``ch`` (one character, or "" at the end of a text) matches \\p{Lu}."""
    if len(_CAPITALS) > 10_000:
        _CAPITALS.clear()
    found = _CAPITALS[ch] = _CAPITAL.match(ch) is not None
    return found


class _SentenceEnds:
    """Where _SENTENCE_END matches in a text, for any span of it."""

    __slots__ = ("firm", "stops", "reach", "opened")

    def __init__(self, text: str) -> None:
        stops = [m.span() for m in _FULL_STOP.finditer(text)]
        self.stops = [s for s, _ in stops]
        self.reach = [e for _, e in stops]
        firm = [m.start() for m in _MARK_END.finditer(text)]
        # every full stop starts a match of _FULL_STOP, whose \s* reads all the whitespace
        # after it (a capital is no whitespace): its end is where a capital must stand
        capitals = _CAPITALS
        before_capital = []
        # a full stop whose sentence opens with a quote mark or a bracket: where the mark stands
        # (a search that ends right after the mark sees neither the capital nor the text's end)
        self.opened: Dict[int, int] = {}
        for s, e in stops:
            ch = text[e:e + 1]
            opener = ch in _OPENERS
            if opener:
                ch = text[e + 1:e + 2]
            capital = capitals.get(ch)
            if capital is None:
                capital = _is_capital(ch)
            if capital:
                before_capital.append(s)
                if opener:
                    self.opened[s] = e
        self.firm = sorted(firm + before_capital) if before_capital else firm

    def ends(self, size: int) -> List[int]:
        """Where each match of _SENTENCE_END ends, in a text of ``size`` characters: the
        firm ends, and a last full stop that only whitespace follows to the text's end."""
        ends = [at + 1 for at in self.firm]
        if self.reach and self.reach[-1] == size:
            insort(ends, self.stops[-1] + 1)
        return ends

    def found(self, a: int, e: int) -> bool:
        """Whether ``_SENTENCE_END.search(text, a, e)`` finds a sentence end."""
        if e <= a:
            return False
        i = bisect_left(self.firm, a)
        firm = self.firm
        while i < len(firm) and firm[i] < e:
            if not self.opened or self.opened.get(firm[i]) != e - 1:
                return True
            i += 1
        # a full stop followed by nothing but whitespace up to e (the pattern's \Z
        # at the span's end); only the last one before e can be
        j = bisect_left(self.stops, e) - 1
        return j >= 0 and self.stops[j] >= a and self.reach[j] >= e


class Negation:
    """Cues that turn a hit around: ``negation`` stands before it ("никаких доплат",
    "we never ask for prepayment"), ``negation_after`` after it ("доплачивать
    ничего не нужно"); each counts within ``negation_window`` words, in the same
    sentence. ``negation_sentence`` cues ("мы никогда не", "we will never")
    count anywhere earlier in the sentence."""

    def __init__(self, spec: RuleSpec, vocabularies: Dict[str, List[str]]) -> None:
        self.before = self._term_set(spec, vocabularies, "negation")
        self.after = self._term_set(spec, vocabularies, "negation_after")
        self.sentence = self._term_set(spec, vocabularies, "negation_sentence")
        window = spec.params.get("negation_window", 4)
        if not isinstance(window, int) or isinstance(window, bool) or not 0 <= window <= 50:
            raise RulePackError(spec.path, spec.line_of("negation_window"),
                                f"rule {spec.id}: 'negation_window' must be a whole number 0-50")
        self.window = window

    @staticmethod
    def _term_set(spec: RuleSpec, vocabularies: Dict[str, List[str]], key: str) -> Optional[TermSet]:
        params = spec.params.get(key)
        if params is None:
            return None
        if not isinstance(params, dict):
            raise RulePackError(spec.path, spec.line_of(key),
                                f"rule {spec.id}: {key!r} must be a term set (terms/vocab)")
        return TermSet(spec, {**params, "inflect": params.get("inflect", False)}, vocabularies, key=key)

    def term_sets(self) -> List[TermSet]:
        return [t for t in (self.before, self.after, self.sentence) if t is not None]

    def share(self, shared: Dict[Any, TermSet]) -> None:
        """Take from ``shared`` the set of the same content as each cue set (else
        add it there): the rules whose cues come from one vocabulary then hold one
        set, compiled, cached and looked for in a draft once instead of once each."""
        for name in ("before", "after", "sentence"):
            term_set = getattr(self, name)
            if term_set is not None and term_set.content is not None:
                setattr(self, name, shared.setdefault(term_set.content, term_set))

    def _cues(self, draft: Draft, term_set: Optional[TermSet]) -> Spans:
        if term_set is None:
            return NO_SPANS
        cues = draft.extras.get(term_set)
        if cues is None:
            cues = draft.extras[term_set] = spans_of(term_set.find_in_view(draft))
        return cues

    def cancels(self, draft: Draft, start: int, end: int) -> bool:
        """Whether a cue stands near words-view span [start, end) in its sentence.

        A cue may overlap the hit ("картой ozon" after "оплатить можно картой"):
        what counts is that it begins before the hit or ends after it.

        Only the cues next to the hit are looked at (see Spans), so that a long
        draft with many hits and many cues costs time in proportion to its length."""
        extras = draft.extras  # (_cues' look-up, inline: asked once per hit)
        before = extras.get(self.before) if self.before is not None else NO_SPANS
        if before is None:
            before = self._cues(draft, self.before)
        after = extras.get(self.after) if self.after is not None else NO_SPANS
        if after is None:
            after = self._cues(draft, self.after)
        for cues in (before, after):
            if cues.spans:
                for cue_start, cue_end in cues.starting_in(start, end):
                    if cue_end <= end:
                        return True  # between the words of a proximity pair: "скидка не зависит от отзыва"
        # the sentence cue nearest before the hit decides: an earlier one is in the
        # same sentence, and has no turn before the hit, only if the nearest does
        nearest = self._cues(draft, self.sentence).last_starting_before(start)
        if nearest is not None:
            cue_start, cue_end = nearest
            if same_sentence(draft, cue_start, start) and not _turn_between(draft, cue_end, start) \
                    and not own_clause_between(draft, draft.words.text, cue_end, start):
                return True
        if before.spans:
            lo = draft.word_index(start)
            for cue_start, cue_end in before.backwards_from(start):
                # counted from the cue's last word: "не можем дать вам WhatsApp" is two words away
                if lo - draft.word_index(cue_end - 1) > self.window:
                    break  # the cues end in order: every earlier one is farther
                # (read up to the hit's first character: a comma before Chinese is a break only
                # where it sees the character after it, "我们没有别的店,加微信")
                if same_sentence(draft, cue_start, start) \
                        and not _CLAUSE_BREAK.search(draft.words.text, cue_end, start + 1) \
                        and not _turn_between(draft, cue_end, start):
                    return True
        if after.spans:
            hi = draft.word_index(end - 1)
            for cue_start, cue_end in after.forwards_from(end):
                # counted to the cue's first word: "телеграма у нас нет"
                if draft.word_index(cue_start) - hi > self.window + 1:
                    break
                if same_sentence(draft, end, cue_end):
                    return True
        return False


# A turn in the sentence: a cue before it does not reach past it ("мы не можем дать
# скидку в чате, но за отзыв вернём 200 ₽").
# A consequence turns it too: the cue is the reason's, what follows is affirmed ("Ozon не делает
# заказы под размер, поэтому продадим напрямую", "Ozon不能做定制订单，所以我们直接跟您交易"); and so
# does a condition ("we can't ship it unless you send us your full card number").
_TURN = lazy(r"(?<![\p{L}\p{N}])(?:но|однако|зато|поэтому|так\s+что|but|however|therefore|unless)(?![\p{L}\p{N}])"
             r"|所以|因此|但是|可是")
_LONGEST_TURN = len("therefore")
# A clause (after a comma) in which the seller offers something of their own: a warning or
# a "don't" before it does not reach it ("不要相信任何人，加我们的微信", "никогда не переводите
# предоплату, пишите нам в Telegram"). Searched only between a sentence cue and a hit.
_OWN_CLAUSE = lazy(r"[,;，；、](?=[^,;，；。.!?！？]*?(我们的|我的|加我|联系我|找我|本店的"
                   r"|(?<![\p{L}\p{N}])(?:наш\w*|нам|мне|our|us|me)(?![\p{L}\p{N}])))")


def own_clause_between(draft: Draft, text: str, start: int, end: int) -> bool:
    """Whether a clause mark in [start, end) of ``text`` (the draft's original or words view)
    opens a clause whose seller's own word stands before ``end``. Each clause's mark and own
    word are found once per draft: both grow from clause to clause, so the first mark from
    ``start`` decides."""
    key = (_OWN_CLAUSE, text is draft.text)
    found = draft.extras.get(key)
    if found is None:
        marks = [(m.start(), m.start(1)) for m in _OWN_CLAUSE.finditer(text)]
        found = draft.extras[key] = ([a for a, _ in marks], [b for _, b in marks])
    marks, owns = found
    i = bisect_left(marks, start)
    return i < len(marks) and marks[i] < end and owns[i] < end


def _turn_between(draft: Draft, start: int, end: int) -> bool:
    """Whether ``_TURN.search(draft.words.text, start, end)`` finds a turn, from the
    draft's turns found once (every hit of a long sentence asks about a long span)."""
    if end <= start:
        return False
    text = draft.words.text
    turns = draft.extras.get(_TURN)
    if turns is None:
        spans = [m.span() for m in _TURN.finditer(text)]
        turns = draft.extras[_TURN] = ([s for s, _ in spans], [e for _, e in spans])
    starts, ends = turns
    i = bisect_left(starts, start)
    if i < len(starts) and ends[i] <= end:
        return True
    # a turn word cut off by the span's end is one there ("но" of "ноутбук"), as
    # for the search, which ends the text at ``end``
    return _TURN.search(text, max(start, end - _LONGEST_TURN), end) is not None


# What joins the items of a list: "WhatsApp, Telegram и Viber", "WeChat or QQ".
_LIST_GAP = lazy(r"\s*(?:[,/;]\s*)?(?:(?:и|или|либо|ни|а также|and|or|nor|&)\s+)?")


class TermsMatcher(Matcher):
    PARAMS = TERM_SET + NEGATION + CONTEXT

    """Rule kind ``terms``: any term of the set, as a word or phrase."""

    def __init__(self, spec: RuleSpec, vocabularies: Dict[str, List[str]]) -> None:
        self.term_set = TermSet(spec, spec.params, vocabularies)
        has_negation = any(k in spec.params for k in NEGATION_KEYS)
        self.negation = Negation(spec, vocabularies) if has_negation else None

    def term_sets(self) -> Sequence[TermSet]:
        return [self.term_set] + (self.negation.term_sets() if self.negation else [])

    def share_term_sets(self, shared: Dict[Any, Any]) -> None:
        if self.negation is not None:
            self.negation.share(shared)

    def required_sets(self) -> FrozenSet[int]:
        return frozenset([self.term_set.id]) if self.term_set.gated else frozenset()

    def find(self, draft: Draft) -> List[Span]:
        if not self.term_set.may_match(draft):
            return []
        view = draft.words
        negation = self.negation
        if negation is None:
            return [view.span(s, e) for s, e in self.term_set.find_in_view(draft)]
        hits = self.term_set.find_in_view(draft)
        cancelled = [negation.cancels(draft, s, e) for s, e in hits]
        if True not in cancelled:
            return [view.span(s, e) for s, e in hits]  # no cue to share
        # a list shares its cue, before it ("не используем WhatsApp, Telegram и
        # Viber") or after it ("страниц в Instagram и VK у нас нет")
        text = view.text
        joined = [_LIST_GAP.fullmatch(text, hits[i][1], hits[i + 1][0]) is not None for i in range(len(hits) - 1)]
        for i in range(len(hits) - 1):
            if cancelled[i] and joined[i]:
                cancelled[i + 1] = True
        for i in range(len(hits) - 2, -1, -1):
            if cancelled[i + 1] and joined[i]:
                cancelled[i] = True
        return [view.span(s, e) for (s, e), off in zip(hits, cancelled) if not off]
