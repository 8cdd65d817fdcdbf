"""What every matcher shares: the draft being checked, with its views built lazily."""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, chain, compress, count
from operator import add, itemgetter, methodcaller
from sys import intern
from typing import TYPE_CHECKING, Any, Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple, Union

import regex

from ..lazyre import lazy, lazy_re
from ..normalize import View, apply_edits, base_view, is_plain, words_view
from ..rulepack import RulePackError
from ..safepattern import PatternError, SafePattern

if TYPE_CHECKING:  # pragma: no cover
    from ..rulepack import RuleSpec

Span = Tuple[int, int]

# A word for term gating and proximity: letters and digits; a run of Chinese
# characters is a word of its own, so "1688批发" is "1688" and "批发".
TOKEN = lazy(r"\p{Han}+|[[\p{L}\p{N}]--\p{Han}]+", regex.VERSION1)
# The gap to the next word, and the next word (phrases are matched word by word).
NEXT_TOKEN = lazy(r"([^\p{L}\p{N}]*)(\p{Han}+|[[\p{L}\p{N}]--\p{Han}]+)", regex.VERSION1)
# Without Chinese characters a word is a plain run of letters and digits
# (std re finds those faster).
_TOKEN_NO_HAN = lazy_re(r"[^\W_]+")
# NEXT_TOKEN in a plain draft (see normalize.is_plain: ASCII, basic Cyrillic, a few marks,
# each a letter or digit to both or to neither; no Chinese), by std re.
NEXT_TOKEN_PLAIN = lazy_re(r"([\W_]*)([^\W_]+)")
_WORD_RUN = lazy_re(r"\w+")  # the same where there is no "_", and a little faster
HAN = lazy(r"\p{Han}")
_LAST_HAN = lazy(r"\p{Han}", regex.REVERSE)
_HAN_RUN = lazy(r"\p{Han}+")
# Whether a character is Latin or a digit (a Chinese term that starts or ends with one
# does not match inside a Latin word: "v信" not in "dev信").
LATIN_OR_DIGIT = lazy(r"[\p{Latin}\p{N}]")
# Inflected Russian words gate on their first letters: six when their stem is
# that long (more selective), else four; marked so that a prefix key never
# equals a word key.
PREFIXES = (("\x01", 4), ("\x02", 6))


_PREFIX_MARKS = frozenset(mark for mark, _ in PREFIXES)


def prefix_key(stem: str) -> str:
    """The gate key of an inflected word whose shortest stem is ``stem``."""
    mark, size = PREFIXES[1] if len(stem) >= PREFIXES[1][1] else PREFIXES[0]
    return mark + stem[:size]


# Separators between a Chinese character and a Chinese or Latin one.
_HAN_GAP = lazy(r"(?<=\p{Han})[\s\p{P}\p{S}_]{1,3}(?=[\p{Han}\p{Latin}])"
                r"|(?<=[\p{Han}\p{Latin}])[\s\p{P}\p{S}_]{1,3}(?=\p{Han})")


class _WithoutGaps:
    """The words view with some stretches of it deleted (the Chinese view: see
    Draft.han_view); its spans map back to the words view."""

    __slots__ = ("text", "stretch", "_at", "_deleted")

    def __init__(self, text: str, gaps: Sequence[Span], stretch: Optional[Span]) -> None:
        """``gaps``: the stretches of ``text`` deleted, in order, none touching the next;
        ``stretch``: where the text's Chinese characters stand (see Draft._han_stretch),
        which no gap cuts into."""
        self.text = apply_edits(text, [(start, end, "") for start, end in gaps])
        self._at: List[int] = []  # where each gap was, in this view's text
        self._deleted = [0]  # how much was deleted up to and including each gap
        self.stretch = stretch
        deleted = 0
        first, last = stretch or (0, 0)
        before_first = before_last = 0  # what the gaps before the stretch's ends took out
        for start, end in gaps:
            self._at.append(start - deleted)
            deleted += end - start
            self._deleted.append(deleted)
            if end <= first:
                before_first = deleted
            if end <= last:
                before_last = deleted
        if stretch is not None:
            self.stretch = (first - before_first, last - before_last)

    def span(self, start: int, end: int) -> Span:
        """The words-view span of ``text[start:end]``: a span that starts where a gap
        was starts after the gap, one that ends there ends before it."""
        at, deleted = self._at, self._deleted
        start += deleted[bisect_right(at, start)]
        end += deleted[bisect_right(at, end - 1)]
        return start, max(start, end)


# The words of each piece of text between two sentences seen so far (plain dict
# stores, so threads may share it; cleared when large; answers never depend on it).
_PIECE_WORDS: Dict[str, FrozenSet[str]] = {}
_MAX_PIECES = 4_000  # (about 2 KB each: some 8 MB at most)


def _word_runs(text: str) -> FrozenSet[str]:
    """``frozenset(_WORD_RUN.findall(text))``, as the union of the words of the
    text's pieces between ". " (no word holds one), each piece's words
    remembered: replies are written from templates, and most of their
    sentences come back word for word (a set union costs less than finding
    and hashing the words again). The words are interned: the gate's memo (see
    GateIndex._entries) and the term sets' tables then find a word by its identity,
    without reading the key they hold (first sight: a cache miss a word)."""
    pieces = text.split(". ")
    found = list(map(_PIECE_WORDS.get, pieces))
    if None in found:
        if len(_PIECE_WORDS) > _MAX_PIECES:
            _PIECE_WORDS.clear()
        for i, piece in enumerate(pieces):
            if found[i] is None:
                found[i] = _PIECE_WORDS[piece] = frozenset(map(intern, _WORD_RUN.findall(piece)))
    return frozenset().union(*found)


# Where the words of each piece of text between two sentences start, for the pieces seen
# so far (as _PIECE_WORDS, and under its bound: plain dict stores; answers never depend on it).
_PIECE_STARTS: Dict[str, List[int]] = {}


def _word_starts(text: str) -> List[int]:
    """Where the words of ``text`` (a draft's words view without Chinese) start:
    ``[m.start() for m in _TOKEN_NO_HAN.finditer(text)]``, from the starts in each piece
    between ". " (no word holds one), each piece's remembered (see _word_runs)."""
    starts: List[int] = []
    offset = 0
    for piece in text.split(". "):
        found = _PIECE_STARTS.get(piece)
        if found is None:
            if len(_PIECE_STARTS) > _MAX_PIECES:
                _PIECE_STARTS.clear()
            found = _PIECE_STARTS[piece] = [m.start() for m in _TOKEN_NO_HAN.finditer(piece)]
        starts.extend(map(offset.__add__, found) if offset else found)
        offset += len(piece) + 2
    return starts


# Byte tables of a narrow form (see normalize.narrow_form: code page 1251, one byte a
# character): [0] keeps a letter or digit (to std re's [^\W_], which is str.isalnum there: a
# test checks) and makes every other byte " "; [1] makes what [0] made an "a", " " a " ".
_NARROW_WORD_TABLES: List[bytes] = []


def _narrow_word_tables() -> List[bytes]:
    if not _NARROW_WORD_TABLES:
        chars = bytes(range(256)).decode("cp1251", "replace")
        _NARROW_WORD_TABLES.append(bytes(i if _TOKEN_NO_HAN.fullmatch(ch) else 32 for i, ch in enumerate(chars)))
        _NARROW_WORD_TABLES.append(bytes(32 if i == 32 else 97 for i in range(256)))
    return _NARROW_WORD_TABLES


def _narrow_word(word: str) -> Optional[bytes]:
    """A word of letters and digits in code page 1251 between two " " (see Draft._narrow_words);
    None for one that is not such a word."""
    if not word.isalnum():
        return None
    try:
        return b" " + word.encode("cp1251") + b" "
    except UnicodeEncodeError:
        return None


def _narrow_word_starts(spaced: bytes) -> List[int]:
    """``_word_starts`` of a plain draft's words view, from its words in code page 1251
    (see Draft._narrow_words): each made "a" by one translate, a word starts right after each
    " a", whose places the lengths between them add up to (C-level: the scan of the text by
    std re and a match object per word cost several times as much)."""
    gaps = spaced.translate(_narrow_word_tables()[1]).split(b" a")
    gaps.pop()  # (what follows the last word start)
    return list(map(add, accumulate(map(len, gaps)), count(0, 2)))  # (less the " " before the text)


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003134f"


def _same_word(neighbour: str, edge: str) -> bool:
    """Whether ``neighbour`` would continue the word whose edge character is ``edge``
    (letters and digits do, except across a Chinese/non-Chinese border)."""
    return neighbour.isalnum() and _is_han(neighbour) == _is_han(edge)


# A short word followed by no letter or digit, for the short words seen so far (plain dict
# stores: threads may share it; a few hundred at most: the short words that start terms).
_WORD_ENDS: Dict[str, Any] = {}
_start = methodcaller("start")


def _word_end(word: str) -> Any:
    found = _WORD_ENDS.get(word)
    if found is None:
        if len(_WORD_ENDS) > 2_000:
            _WORD_ENDS.clear()
        found = _WORD_ENDS[word] = re.compile(re.escape(word) + r"(?![^\W_])")
    return found


# A Chinese term as a term set keeps it: as it appears in the Chinese view (no separators),
# and whether its first/last character is Latin or a digit (see terms._han_term).
HanTerm = Tuple[str, bool, bool]


class HanTerms:
    """The Chinese terms of some term sets, found in a draft's Chinese view (see
    Draft.han_view) in one scan for them all, each set then taking its own hits:
    the sets share most of their terms ("微信", "加微信"), and dozens of them are
    asked about every draft with Chinese.

    A term of Chinese characters only (most of them) matches wherever it stands,
    so within one run of Chinese characters, and what it finds there depends on
    the run alone: each run's hits are worked out once and
    remembered (replies are written from templates, and their Chinese phrases
    come back reply after reply: "亲，好评返现", "加微信"). Any other term (a
    Latin letter or a digit in it: "v信", "ozon客服", "5星好评") is looked for
    where its first Chinese character stands. Either way each occurrence of a
    term, overlapping ones too, is found once.

    The memo of runs is filled by plain dict stores, which are atomic, and
    cleared when it grows large: threads may share it, and what is found never
    depends on it.
    """

    __slots__ = ("terms_of", "_by_char", "_others", "_other_by_char", "_memo")

    MEMO_SIZE = 10_000  # runs remembered

    def __init__(self, sets: Iterable[Tuple[int, Sequence[HanTerm]]] = ()) -> None:
        self.terms_of: Dict[int, Sequence[HanTerm]] = {}  # set id -> its terms
        owners: Dict[HanTerm, List[int]] = {}
        for set_id, terms in sets:
            self.terms_of[set_id] = terms
            for term in terms:
                owners.setdefault(term, []).append(set_id)
        by_char: Dict[str, List[Tuple[str, Tuple[int, ...]]]] = {}  # the Chinese-only terms by first character
        other_by_char: Dict[str, List[Tuple[int, str, bool, bool, Tuple[int, ...]]]] = {}
        for term, ids in owners.items():
            compact, latin_start, latin_end = term
            if not (latin_start or latin_end) and all(HAN.match(ch) for ch in compact):
                by_char.setdefault(compact[0], []).append((compact, tuple(ids)))
            else:  # by its first Chinese character, with that character's offset in the term
                at = HAN.search(compact).start()  # type: ignore[union-attr]
                other_by_char.setdefault(compact[at], []).append((at, compact, latin_start, latin_end, tuple(ids)))
        self._by_char = {char: tuple(found) for char, found in by_char.items()}
        self._other_by_char = {char: tuple(found) for char, found in other_by_char.items()}
        self._others = lazy_re("[" + "".join(map(re.escape, sorted(other_by_char))) + "]") if other_by_char else None
        self._memo: Dict[str, Tuple[Tuple[int, int, Tuple[int, ...]], ...]] = {}

    def find(self, draft: "Draft") -> Dict[int, List[Span]]:
        """Each set's hits in the draft (spans of the words view; sets without one left out)."""
        found: Dict[int, List[Span]] = {}
        if not draft.has_han or not (self._by_char or self._other_by_char):
            return found
        view = draft.han_view
        if view.stretch is None:
            return found
        text = view.text
        lo, hi = view.stretch  # (every term holds a Chinese character: nothing is found elsewhere)
        hits: List[Tuple[int, int, Tuple[int, ...]]] = []  # (start, end, owners) in the Chinese view
        if self._by_char:
            memo = self._memo
            for m in _HAN_RUN.finditer(text, lo, hi):
                run = m.group()
                in_run = memo.get(run)
                if in_run is None:
                    if len(memo) >= self.MEMO_SIZE:
                        memo.clear()
                    in_run = memo[run] = self._in_run(run)
                if in_run:
                    at = m.start()
                    hits += [(at + start, at + end, ids) for start, end, ids in in_run]
        if self._others is not None:
            by_char = self._other_by_char
            for m in self._others.finditer(text, lo, hi):
                at = m.start()
                for offset, compact, latin_start, latin_end, ids in by_char[m.group()]:
                    pos = at - offset
                    if pos < 0 or not text.startswith(compact, pos):
                        continue
                    stop = pos + len(compact)
                    before = text[pos - 1:pos]
                    after = text[stop:stop + 1]
                    if latin_start and before and LATIN_OR_DIGIT.match(before) or (
                            latin_end and after and LATIN_OR_DIGIT.match(after)):
                        continue
                    hits.append((pos, stop, ids))
        for start, stop, ids in hits:
            span = view.span(start, stop)
            for set_id in ids:
                if set_id in found:
                    found[set_id].append(span)
                else:
                    found[set_id] = [span]
        return found

    def _in_run(self, run: str) -> Tuple[Tuple[int, int, Tuple[int, ...]], ...]:
        """Where the Chinese-only terms stand in a run of their characters, and whose they are."""
        by_char = self._by_char
        found = []
        for i, ch in enumerate(run):
            for compact, ids in by_char.get(ch, ()):
                if run.startswith(compact, i):
                    found.append((i, i + len(compact), ids))
        return tuple(found)

    def __getstate__(self) -> tuple:  # the memo is this process's own
        return self.terms_of, self._by_char, self._others, self._other_by_char

    def __setstate__(self, state: tuple) -> None:
        self.terms_of, self._by_char, self._others, self._other_by_char = state
        self._memo = {}


class GateIndex:
    """Which term sets a draft can possibly match, from cheap facts about it:
    the words it contains, the symbols (₽, ⭐) in it, whether it has Chinese.

    Built once per Linter from its term sets. The only state that changes
    afterwards is a memo of what each word seen so far stands for (see
    ``keys_of``): filled by plain dict stores, which are atomic, and cleared
    when it grows large, so threads may share it and results never depend on it.
    """

    __slots__ = ("by_word", "words", "by_symbol", "by_plain_symbol", "han_sets", "han_terms", "_lookup", "_sets",
                 "_gate_words", "_memo")

    MEMO_SIZE = 50_000  # distinct words remembered (order numbers never repeat)

    def __init__(self, term_sets: Iterable[Any] = ()) -> None:
        by_word: Dict[str, List[int]] = {}
        by_symbol: Dict[str, List[int]] = {}
        han: List[int] = []
        han_terms: List[Tuple[int, Sequence[HanTerm]]] = []
        lookup: set = set()
        sets: Dict[int, Any] = {}  # the sets whose keys need more than a word of theirs (see _entry)
        gate_words: Dict[int, Tuple[Dict[str, Any], Dict[str, Any]]] = {}
        for term_set in term_sets:
            for word in term_set.keys:
                by_word.setdefault(word, []).append(term_set.id)
            found = term_set.gate_words()
            if found[0] or found[1]:
                sets[term_set.id], gate_words[term_set.id] = term_set, found
            for symbol in term_set.symbols:
                by_symbol.setdefault(symbol, []).append(term_set.id)
            if term_set.has_han_terms:
                # a set whose Chinese terms are known opens for a draft that holds one of
                # them (see HanTerms); another (a pattern's) for any Chinese
                if term_set.han_first_chars is None:
                    han.append(term_set.id)
                else:
                    han_terms.append((term_set.id, term_set.han_terms))
            lookup.update(term_set.lookup_keys)
        self.by_word = {k: tuple(v) for k, v in by_word.items()}
        self.words = frozenset(by_word)
        self.by_symbol = {k: tuple(v) for k, v in by_symbol.items()}
        # a plain draft (see normalize.base_view) holds none of the others: no emoji, no hearts
        self.by_plain_symbol = {k: v for k, v in self.by_symbol.items() if is_plain(k)}
        self.han_sets = tuple(han)
        self.han_terms = HanTerms(han_terms)
        self._lookup = frozenset(lookup | self.words)
        self._sets = sets
        self._gate_words = gate_words  # of ``sets``, as asked for (a cached index reads them again)
        self._memo: Dict[str, Tuple[str, ...]] = {}

    def __getstate__(self) -> tuple:  # the memo is this process's own
        return (self.by_word, self.words, self.by_symbol, self.by_plain_symbol, self.han_sets, self.han_terms,
                self._lookup, self._sets)

    def __setstate__(self, state: tuple) -> None:
        (self.by_word, self.words, self.by_symbol, self.by_plain_symbol, self.han_sets, self.han_terms,
         self._lookup, self._sets) = state
        self._gate_words = {}
        self._memo = {}

    def keys_of(self, token: str) -> Tuple[str, ...]:
        """The gate keys of one word (itself, its prefix keys) that some term set asks about."""
        lookup = self._lookup
        keys = [token] if token in lookup else []
        if len(token) >= 4:
            for mark, size in PREFIXES:
                if len(token) >= size and mark + token[:size] in lookup:
                    keys.append(mark + token[:size])
        return tuple(keys)

    def _entry(self, token: str) -> Tuple[Any, ...]:
        """What the memo keeps for one word: () when no term set asks about it,
        else its gate keys, the ids of the term sets it opens, its prefix keys, and
        the sets it opens only with another word: (id, the keys one of which that needs)."""
        keys = self.keys_of(token)
        if not keys:
            return ()
        by_word = self.by_word
        ids: List[int] = []
        needing: List[Tuple[int, FrozenSet[str]]] = []
        for key in keys:
            for set_id in by_word.get(key, ()):
                forms, needs = self._words_of(set_id)
                words = forms.get(key)
                if words is not None and not any(word.matches(token) for word in words):
                    continue
                need = needs.get(key)
                if need is None:
                    ids.append(set_id)
                else:
                    needing.append((set_id, need))
        return keys, tuple(ids), tuple(k for k in keys if k != token), tuple(needing)

    def _words_of(self, set_id: int) -> Tuple[Dict[str, Any], Dict[str, Any]]:
        """What a set's gate keys need besides a word of the key (see terms._gate_words):
        a word of a prefix key opens the set only as a form of one of the set's words of
        the key ("день" is none of "деньги", "карточка" none of "карта"), and a key only
        phrases hold only with a key of another word of one of them. (Read once per set,
        for the memo's entries: a cached index refers to its sets, and reads their phrase
        tables on a word of theirs.)"""
        found = self._gate_words.get(set_id)
        if found is None:
            term_set = self._sets.get(set_id)
            found = self._gate_words[set_id] = term_set.gate_words() if term_set is not None else _NO_NEEDS
        return found

    def _entries(self, tokens: Sequence[str]) -> List[Tuple[Any, ...]]:
        """The memo's entry of each word (see _entry): a lookup per word (C-level
        ``map``), the prefix slicing only for words not seen before."""
        memo = self._memo
        parts: List[Optional[Tuple[Any, ...]]] = list(map(memo.get, tokens))
        if None in parts:
            if len(memo) > self.MEMO_SIZE:
                memo.clear()
            entry = self._entry
            for i, token in enumerate(tokens):
                if parts[i] is None:
                    parts[i] = memo[token] = entry(token)
        return parts  # type: ignore[return-value]

    def draft_keys(self, tokens: Sequence[str], entries: Optional[List[Tuple[Any, ...]]] = None
                   ) -> Tuple[FrozenSet[str], FrozenSet[int]]:
        """The gate keys of a draft's words that some term set asks about, and the
        ids of the term sets those words open: joined by C-level ``chain`` from
        each word's memo entry (``entries``, see _entries), no Python work per word
        (the ids go to a set at once: a list of them with repeats, made into a set
        by ``active``, was built twice)."""
        live = list(filter(None, self._entries(tokens) if entries is None else entries))
        keys = frozenset(chain.from_iterable(map(itemgetter(0), live)))
        ids = frozenset(chain.from_iterable(map(itemgetter(1), live)))
        needing = list(chain.from_iterable(map(_NEEDING, live)))
        if needing:  # (a few words of a draft: "этом" of "не в этом чате")
            more = [i for i, needs in needing if i not in ids and not needs.isdisjoint(keys)]
            if more:
                ids = ids.union(more)
        return keys, ids

    def prefix_tokens(self, tokens: Sequence[str], entries: Optional[List[Tuple[Any, ...]]] = None
                      ) -> Dict[str, List[str]]:
        """Each prefix key (see prefix_key) of a draft's words, with the words that have it
        (only the words that have one are read: picked by C-level ``compress``)."""
        if entries is None:
            entries = self._entries(tokens)
        prefixes = list(map(_PREFIX_KEYS, filter(None, entries)))  # of the words some set asks about
        found: Dict[str, List[str]] = {}
        for token, keys in zip(compress(compress(tokens, entries), prefixes), filter(None, prefixes)):
            for key in keys:
                if key in found:
                    found[key].append(token)
                else:
                    found[key] = [token]
        return found

    def active(self, draft: "Draft") -> FrozenSet[int]:
        ids = draft.gate_ids
        more: List[int] = []  # (most drafts have none: the words' ids are not copied)
        symbols = self.by_plain_symbol if draft.base.plain else self.by_symbol
        if symbols:
            text = draft.words.text
            for symbol, owners in symbols.items():
                if symbol in text:
                    more += owners
        if draft.has_han:
            more += self.han_sets
            more.extend(draft.han_hits(self.han_terms))
        return ids.union(more) if more else ids


_PREFIX_KEYS = itemgetter(2)  # of a word's memo entry (see GateIndex._entry)
_NEEDING = itemgetter(3)
_NO_NEEDS: Tuple[Dict[str, Any], Dict[str, Any]] = ({}, {})
_NO_GATES = GateIndex()


class Draft:
    """One text being checked. Views and token sets are built on first use and kept.

    A Draft belongs to one ``check`` call, so nothing here is shared between
    threads; the compiled rules a Draft is checked against are read-only.
    """

    __slots__ = ("text", "_base", "_words", "_tokens", "_han_words", "_gate_keys", "_key_tokens", "_gate_ids",
                 "_token_starts",
                 "_has_han", "_active", "_index", "_occurrences", "extras")

    def __init__(self, text: str, index: Optional[GateIndex] = None) -> None:
        self.text = text
        self._base: Optional[View] = None
        self._words: Optional[View] = None
        self._tokens: Optional[FrozenSet[str]] = None
        self._han_words: Optional[List[str]] = None  # a draft with Chinese: its words in order (see word_index)
        self._gate_keys: Optional[FrozenSet[str]] = None
        # prefix key -> words (see tokens_with_key); before that, the words and their gate entries
        self._key_tokens: Optional[Union[Dict[str, List[str]], Tuple[List[str], List[Tuple[Any, ...]]]]] = None
        self._gate_ids: Optional[FrozenSet[int]] = None
        self._token_starts: Optional[Sequence[int]] = None
        self._has_han: Optional[bool] = None
        self._active: Optional[FrozenSet[int]] = None
        self._index = index or _NO_GATES
        self._occurrences: Dict[str, List[int]] = {}
        self.extras: Dict[Any, Any] = {}

    @property
    def base(self) -> View:
        if self._base is None:
            self._base = base_view(self.text)
        return self._base

    @property
    def words(self) -> View:
        if self._words is None:
            self._words = words_view(self.base)
        return self._words

    @property
    def tokens(self) -> FrozenSet[str]:
        """The distinct words of the words view."""
        if self._tokens is None:
            text = self.words.text
            if self.has_han:
                self._han_words = TOKEN.findall(text)
                self._tokens = frozenset(self._han_words)
            elif "_" in text:
                self._tokens = frozenset(_TOKEN_NO_HAN.findall(text))
            else:
                self._tokens = _word_runs(text)
        return self._tokens

    def _han_stretch(self) -> Optional[Tuple[int, int]]:
        """Where the words view's Chinese characters stand: from the first one to
        just after the last one (None: it has none)."""
        found = self.extras.get("han_stretch", False)
        if found is False:
            text = self.words.text
            first = HAN.search(text)
            found = None if first is None else (first.start(), _LAST_HAN.search(text).end())  # type: ignore[union-attr]
            self.extras["han_stretch"] = found
        return found  # type: ignore[no-any-return]

    @property
    def han_view(self) -> _WithoutGaps:
        """The words view without the separators next to Chinese characters
        ("微 信", "微-信" -> "微信"), where Chinese terms are looked up."""
        view = self.extras.get("han_view")
        if view is None:
            text = self.words.text
            stretch = self._han_stretch()
            gaps: List[Span] = []
            if stretch is not None:
                # every gap touches a Chinese character (at most three separators away from
                # it): only the stretch from the first one to the last one is searched
                start, end = stretch
                gaps = [m.span() for m in _HAN_GAP.finditer(text, max(0, start - 4), end + 4)]
            self.extras["han_view"] = view = _WithoutGaps(text, gaps, stretch)
        return view  # type: ignore[no-any-return]

    @property
    def gate_keys(self) -> FrozenSet[str]:
        """The keys of the draft's words (the words, and the prefix keys of longer
        ones; see prefix_key) that some term set of the index asks about."""
        if self._gate_keys is None:
            tokens = list(self.tokens)
            entries = self._index._entries(tokens)
            self._gate_keys, self._gate_ids = self._index.draft_keys(tokens, entries)
            self._key_tokens = (tokens, entries)  # read for the words of a stem key only if one is asked for
        return self._gate_keys

    @property
    def gate_ids(self) -> FrozenSet[int]:
        """The ids of the term sets that the draft's words open."""
        if self._gate_keys is None:
            self.gate_keys
        return self._gate_ids  # type: ignore[return-value]

    def tokens_with_key(self, key: str) -> List[str]:
        """The draft's words that a gate key (of ``gate_keys``) stands for."""
        if key[:1] not in _PREFIX_MARKS:  # a word's own key: that word
            return [key] if key in self.gate_keys else []
        found = self._key_tokens
        if not isinstance(found, dict):  # only drafts whose term sets ask for a stem
            found = self._key_tokens = self._index.prefix_tokens(*(found or (list(self.tokens),)))
        return found.get(key, [])

    def occurrences(self, word: str) -> List[int]:
        """Start offsets, in the words view, where ``word`` stands as a whole word
        (found once per draft: a word may start terms of several sets)."""
        found = self._occurrences.get(word)
        if found is None:
            found = self._occurrences[word] = self._find_occurrences(word)
        return found

    def _narrow_words(self) -> Optional[bytes]:
        """A plain draft's words view in code page 1251 (its base view's narrow form) with every
        byte but a letter or digit made " ", between two " "; None for another draft."""
        found = self.extras.get("narrow_words", False)
        if found is False:
            text = self.words.text
            narrow = self.base.narrow if self._words is self._base else None
            # (a character narrow_form could not encode, other than "₽", is read as its "?")
            found = None if narrow is None or narrow.count(b"?") != text.count("?") + text.count("₽") else \
                b" " + narrow.translate(_narrow_word_tables()[0]) + b" "
            self.extras["narrow_words"] = found
        return found  # type: ignore[no-any-return]

    def _find_occurrences(self, word: str) -> List[int]:
        text = self.words.text
        if len(word) <= 2 and self.base.plain:
            # a word of one or two letters ("в", "на") is part of many words: found between two
            # bytes that are no letter or digit in the draft's words in code page 1251, by
            # bytes.find at C speed (std re's scan, a match object at each place it stands in
            # another word, cost 1.5 times as much)
            spaced = self._narrow_words()
            needle = None if spaced is None else _narrow_word(word)
            if spaced is not None and needle is not None:
                places = []
                i = spaced.find(needle)
                while i != -1:
                    places.append(i)  # (it starts at i + 1 of the padded form: at i of the text)
                    i = spaced.find(needle, i + len(needle) - 1)  # (one " " may end one, start the next)
                return places
            # (no Chinese in a plain draft: a word ends where letters and digits do, what \w of std re reads)
            return [i for i in map(_start, _word_end(word).finditer(text)) if i == 0 or not text[i - 1].isalnum()]
        found: List[int] = []
        n = len(word)
        size = len(text)
        i = text.find(word)
        while i != -1:
            if (i == 0 or not _same_word(text[i - 1], word[0])) and (
                    i + n == size or not _same_word(text[i + n], word[-1])):
                found.append(i)
            i = text.find(word, i + 1)
        return found

    def word_index(self, pos: int) -> int:
        """Index of the word (in the words view) that contains or precedes ``pos``."""
        if self._token_starts is None:
            text = self.words.text
            if self.has_han:
                # where each word (in order, as tokens found them) stands: a word is letters and
                # digits, and none stand between two words, so it starts where it is next found
                # (a find per word costs a fraction of TOKEN's second scan of the text)
                if self._han_words is None:
                    self.tokens
                starts = []
                end = 0
                find = text.find
                for word in self._han_words:  # type: ignore[union-attr]
                    end = find(word, end)
                    starts.append(end)
                    end += len(word)
                self._token_starts = starts
            else:
                spaced = self._narrow_words()
                self._token_starts = _word_starts(text) if spaced is None else _narrow_word_starts(spaced)
        return bisect_right(self._token_starts, pos) - 1

    @property
    def han_terms(self) -> HanTerms:
        """The Chinese terms of the term sets of the draft's gate index."""
        return self._index.han_terms

    def han_hits(self, terms: HanTerms) -> Dict[int, List[Span]]:
        """The hits of ``terms`` (see HanTerms.find), found once per draft."""
        found = self.extras.get(terms)
        if found is None:
            found = self.extras[terms] = terms.find(self)
        return found  # type: ignore[no-any-return]

    @property
    def has_han(self) -> bool:
        if self._has_han is None:  # a plain draft (see base_view) has none
            self._has_han = not self.base.plain and HAN.search(self.text) is not None
        return self._has_han

    @property
    def active_sets(self) -> FrozenSet[int]:
        """Ids of the term sets that may match this draft (see GateIndex)."""
        if self._active is None:
            self._active = self._index.active(self)
        return self._active

    def active(self, term_set_id: int) -> bool:
        """Whether any gating word of term set ``term_set_id`` occurs in the draft."""
        return term_set_id in self.active_sets

    def view(self, name: str) -> View:
        if name == "words":
            return self.words
        if name == "base":
            return self.base
        original = self.extras.get("original")  # (made once: several rules read the text as written)
        if original is None:
            original = self.extras["original"] = View(self.text, self.text, ())
        return original


class Matcher:
    """A compiled rule kind. ``find`` yields spans of the original text.

    ``PARAMS`` declares the kind's parameters (see matchers/params.py): the
    loader accepts exactly these keys and checks their types."""

    PARAMS: Tuple[Any, ...] = ()

    def find(self, draft: Draft) -> Iterable[Span]:  # pragma: no cover - interface
        raise NotImplementedError

    def term_sets(self) -> Sequence[Any]:
        """Term sets whose gating words the engine indexes (see Draft.active)."""
        return ()

    def required_sets(self) -> FrozenSet[int]:
        """Ids of term sets that must all be active for ``find`` to find anything;
        the engine skips the matcher for a draft where one is not (empty: always run)."""
        return frozenset()

    def share_term_sets(self, shared: Dict[Any, Any]) -> None:
        """Use the term sets of ``shared`` (content -> set) in place of equal ones
        of this matcher, adding its own; called once, as the rules are compiled."""


def compile_pattern(source: str, spec: "RuleSpec", key: str, flags: int = regex.IGNORECASE,
                    line: Optional[int] = None) -> SafePattern:
    """A rule's pattern as a SafePattern (compiled now, so that an error names the
    rule's file and line; every search budgeted; pickled as its source)."""
    try:
        return SafePattern(source, flags, owner=spec.id)
    except PatternError as exc:
        raise RulePackError(spec.path, line or spec.line_of(key),
                            f"rule {spec.id}: invalid pattern {source!r}: {exc}") from None


# What a reverse search cannot be trusted to read as a forward one does: atomic groups and
# possessive repeats (what they keep depends on the direction), backreferences (the group
# is read after its reference), conditionals, control verbs, recursion, \\G and \\K, fuzzy
# matching, and inline flags other than scoped ones ("(?i:...)"), which could turn the
# direction itself around. (Read on the source: a false alarm only keeps the forward search.)
_NOT_REVERSIBLE = lazy_re(r"\(\?>|[+*?}]\+|\\[1-9gGK]|\(\?P=|\(\?\(|\(\*|\(\?[R0-9&+-]|\{[^}]*[<=]"
                          r"|\(\?[a-zA-Z]+\)|\(\?(?![imsx]*:)[a-zA-Z]")
# A source that ends in words it may skip ("(?:\\w+\\s+)?", "(?:\\w+\\s+){0,2}" before the hit):
# read from the end, every word before the hit is tried as one of them, where a forward
# search jumps to the first letters of the words the source starts with.
_ENDS_IN_SKIPPED_WORDS = lazy_re(r"\\w[+*](?:\\s|\[[^\]]*\])[+*]\)(?:\?|\*|\{0?,\d*\})\)*\$?\Z")


def reads_backwards(sources: Sequence[str]) -> bool:
    """Whether "``sources`` ends here" (``(?:a|b)\\Z`` on the text before a hit) is searched
    from the end. A regex search for a pattern anchored at the end tries every start
    position; searched in reverse it starts at the end, where a match must end, and
    finds a match exactly when the forward search does (whether one exists does not
    depend on the order the alternatives and repeats are tried in, for the constructs
    that _NOT_REVERSIBLE leaves). Decided on the sources, never by timing."""
    return not any(_NOT_REVERSIBLE.search(source) or _ENDS_IN_SKIPPED_WORDS.search(source) for source in sources)


# Letters a case-folded text holds as they are written in a pattern read ignoring case.
_FOLDED_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


_IGNORE_CASE_GROUP = lazy_re(r"(?<!\\)\(\?i:")


def needles(sources: Sequence[str]) -> Optional[Any]:
    """A std re search for the words one of which every match of any of ``sources``
    holds (read as gate keys are, see gatekeys.derive, but as written: a stem of any
    length), or None when some source needs none that can be read. Only for patterns read
    ignoring case on a case-folded text, where a word they match is written as it
    is in the pattern (letters a-z, а-я, ё and digits only)."""
    from .gatekeys import derive

    words = set()
    han = False
    for source in sources:
        # a scoped "ignore case" adds nothing to a pattern read ignoring case (and derive reads no flags)
        found = derive(_IGNORE_CASE_GROUP.sub("(?:", source), literal=True)
        if found is None or not (found[0] or found[1]):
            return None
        words.update(key.lstrip("\x01\x02") for key in found[0])
        han = han or found[1]
    if not all(word and _FOLDED_LETTERS.issuperset(word) for word in words):
        return None
    # a match that holds no such word holds a Chinese character of the pattern's (see
    # gatekeys._is_han; it has no case: the text holds it as written)
    chinese = ["[\u3400-\u9fff\uf900-\ufaff]"] if han else []
    return lazy_re("|".join(sorted(words, key=lambda w: (-len(w), w)) + chinese))


class ContextFilter:
    """Whether a hit stands in an allowed context, from a rule's context keys.

    ``unless_preceded_by`` / ``unless_followed_by``: drop a hit when one of these
    patterns ends right before it / starts right after it ("5000 тг" is tenge).
    ``preceded_by`` / ``followed_by``: keep a hit only when one of these patterns
    stands right before or right after it ("в тг", "vx: name").

    ``folded``: the texts are case-folded (a term set's words view); then a pattern
    is searched for only in a context that holds one of the words it needs (std re
    finds those at a fraction of a regex call, whose budget reads the clock and
    whose compiled pattern is cold in the middle of a check).
    """

    __slots__ = ("unless_before", "unless_after", "need_before", "need_after", "empty")

    def __init__(self, spec: "RuleSpec", params: Optional[Dict[str, Any]] = None, folded: bool = False) -> None:
        params = spec.params if params is None else params
        from ..rulepack import _string_list  # shared validation helper

        def compiled(key: str, template: str, before: bool) -> List[Tuple[Any, Optional[Any]]]:
            sources = _string_list(params.get(key, []), spec.path, spec.line_of(key), key)
            # (each on its own first: an error names the bad one)
            patterns = [compile_pattern(template.format(p), spec, key) for p in sources]
            if not sources:
                return []
            flags = regex.IGNORECASE | (regex.REVERSE if before and reads_backwards(sources) else 0)
            # one search for all of them, where they combine (inline flags may not)
            try:
                patterns = [compile_pattern(template.format("|".join(f"(?:{p})" for p in sources)), spec, key,
                                            flags=flags)]
                return [(patterns[0], needles(sources) if folded else None)]
            except RulePackError:
                return [(compile_pattern(template.format(p), spec, key, flags=flags),
                         needles([p]) if folded else None) for p in sources]

        self.unless_before = compiled("unless_preceded_by", "(?:{})\\Z", before=True)
        self.unless_after = compiled("unless_followed_by", "\\A(?:{})", before=False)
        self.need_before = compiled("preceded_by", "(?:{})\\Z", before=True)
        self.need_after = compiled("followed_by", "\\A(?:{})", before=False)
        self.empty = not (self.unless_before or self.unless_after or self.need_before or self.need_after)

    def __call__(self, text: str, start: int, end: int) -> bool:
        if self.empty:
            return True
        # (loops, not any() over generators: a hit's context is asked about once per hit)
        head = text[max(0, start - 40):start]
        for pattern, words in self.unless_before:
            if (words is None or words.search(head) is not None) and pattern.search(head) is not None:
                return False
        tail = text[end:end + 40]
        for pattern, words in self.unless_after:
            if (words is None or words.search(tail) is not None) and pattern.match(tail) is not None:
                return False
        if not (self.need_before or self.need_after):
            return True
        for pattern, words in self.need_before:
            if (words is None or words.search(head) is not None) and pattern.search(head) is not None:
                return True
        for pattern, words in self.need_after:
            if (words is None or words.search(tail) is not None) and pattern.match(tail) is not None:
                return True
        return False


context_filter = ContextFilter
