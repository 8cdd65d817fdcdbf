"""The Linter: compiles a rule set once and checks drafts against it.

A Linter's rules do not change after construction: compiled patterns, term
sets and vocabularies are read-only, and all per-draft state lives in a
:class:`~ozonlint.matchers.Draft` made by each ``check`` call. What does change
never changes an answer: caches filled on first use (a pattern compiled, a
term set's phrase table unpickled, the gate index's memo of words), each by
single atomic stores, so a race only does the work twice. One Linter can
therefore be shared by any number of threads.
"""
from __future__ import annotations

import os
import threading
from array import array
from bisect import bisect_right
from itertools import accumulate
from typing import Dict, Iterable, Iterator, List, Mapping, NamedTuple, Optional, Sequence, Tuple, Union

import regex

from . import cache, matchers
from .lazyre import lazy
from .matchers import Draft, Matcher, PatternTimeout
from .matchers.classifier import model_files, yield_to_precise
from .model import LANGUAGES, Category, Severity, Violation
from .rulepack import RulePackError, RuleSet, RuleSpec, default_rules_dir, load_rules, pack_files

PathLike = Union[str, "os.PathLike[str]"]


class RuleTimeoutError(RuntimeError):
    """A rule ran out of its time budget: the draft is *not verified* (never treated as clean)."""

    def __init__(self, rule: str) -> None:
        super().__init__(f"rule {rule} ran out of time; the draft is not verified")
        self.rule = rule


class Rule(NamedTuple):
    """A compiled rule: its spec, its matcher and its effective severity."""

    spec: RuleSpec
    matcher: Matcher
    severity: str
    required: frozenset = frozenset()  # term sets that must all be active (see Matcher.required_sets)

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def category(self) -> str:
        return self.spec.category


class ExampleFailure(NamedTuple):
    """A rule example that does not behave as its rule says."""

    rule: str
    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: rule {self.rule}: {self.reason}"


def _default_files() -> List[str]:
    return list(pack_files([default_rules_dir()]))


class Compiled(NamedTuple):
    """What the packs compile to, and what the compiled-rules cache holds."""

    ruleset: RuleSet
    rules: List[Tuple[RuleSpec, Matcher]]
    index: "matchers.GateIndex"


def _compile(extra: List[str], defaults: bool) -> Tuple[Compiled, Optional[Tuple[str, str]]]:
    """The compiled packs: from the cache when the packs are unchanged (then the
    key returned is None), else freshly built (with the key to store them under)."""
    from . import __version__

    files = (_default_files() if defaults else []) + list(pack_files(extra))
    cache_key = cache.key(files + model_files(files), __version__)  # a retrained model is a fresh compile
    cached = cache.load(cache_key)
    if isinstance(cached, Compiled):
        return cached, None
    ruleset = RuleSet()
    if defaults:
        load_rules([default_rules_dir()], ruleset)
    if extra:
        load_rules(extra, ruleset)
    compiled = [(spec, matchers.build(spec, ruleset.vocabularies)) for spec in ruleset.rules if spec.enabled]
    # term-set ids index the gate (and a draft's set of active ones): numbered 0..n here
    term_sets = [t for _, matcher in compiled for t in matcher.term_sets()]
    for number, term_set in enumerate(term_sets):
        term_set.id = number
    return Compiled(ruleset, compiled, matchers.GateIndex(term_sets)), cache_key


def _selector_matches(selector: str, rule: RuleSpec) -> bool:
    return (selector == rule.category or selector == rule.id
            or rule.id.startswith(selector.rstrip(".") + "."))


class Linter:
    """A compiled rule set. ``check`` returns violations sorted by position.

    :param paths: extra rule packs (files or folders) loaded after the defaults.
    :param defaults: load the shipped default packs.
    :param select: only rules whose id, id prefix or category is listed.
    :param ignore: drop rules whose id, id prefix or category is listed.
    :param allow: terms (a seller's own brand names, their own Ozon store name)
        inside which nothing is reported.
    :param lang: language of the messages: ``ru``, ``en`` or ``zh``.
    :param severity: per-rule or per-category severity overrides.
    :param verify_examples: run the examples of the packs at ``paths`` and refuse
        the packs if a rule fails its own examples (the shipped packs are
        verified by the test suite instead, to keep start-up fast).
    """

    def __init__(self, paths: Sequence[PathLike] = (), *, defaults: bool = True,
                 select: Optional[Iterable[str]] = None, ignore: Optional[Iterable[str]] = None,
                 allow: Optional[Iterable[str]] = None, lang: str = "en",
                 severity: Optional[Mapping[str, str]] = None, verify_examples: bool = True) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, not {lang!r}")
        self.lang = lang
        extra = [os.fspath(p) for p in paths]
        built, cache_key = _compile(extra, defaults)
        ruleset, compiled = built.ruleset, built.rules
        self.ruleset = ruleset
        select = list(select or [])
        ignore = list(ignore or [])
        overrides = dict(severity or {})
        for key, value in overrides.items():
            if value not in (s.value for s in Severity):
                raise ValueError(f"severity for {key!r} must be error, warning or info, not {value!r}")
        all_rules: List[Rule] = []
        for spec, matcher in compiled:
            sev = spec.severity
            for key, value in overrides.items():
                if _selector_matches(key, spec):
                    sev = value
            all_rules.append(Rule(spec, matcher, sev, matcher.required_sets()))
        self.all_rules: Tuple[Rule, ...] = tuple(all_rules)
        self.rules: Tuple[Rule, ...] = tuple(
            r for r in all_rules
            if (not select or any(_selector_matches(s, r.spec) for s in select))
            and not any(_selector_matches(s, r.spec) for s in ignore))
        self._index = built.index
        # rules run on every draft, and the others by one of the term sets they
        # need: a draft costs a lookup per active set, not a test per rule
        self._ungated = tuple(r for r in self.rules if not r.required)
        gated: Dict[int, List[Rule]] = {}
        for rule in self.rules:
            if rule.required:
                gated.setdefault(min(rule.required), []).append(rule)
        self._gated = {set_id: tuple(rules) for set_id, rules in gated.items()}
        self._allow = self._compile_allow(list(allow or []))
        if cache_key is not None:  # compiled just now, not loaded from the cache
            extra_files = set(ruleset.files) - set(_default_files() if defaults else [])
            if extra_files and verify_examples:
                failures = self.self_test([r for r in self.all_rules if r.spec.path in extra_files])
                if failures:
                    first = failures[0]
                    raise RulePackError(first.path, first.line, f"rule {first.rule}: {first.reason}"
                                        + (f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""))
            cache.store(cache_key, built)

    @classmethod
    def from_paths(cls, paths: Sequence[PathLike], **options: object) -> "Linter":
        """The default packs plus the packs at ``paths`` (files or folders)."""
        return cls(paths, **options)  # type: ignore[arg-type]

    # ------------------------------------------------------------ checking

    @staticmethod
    def _compile_allow(terms: List[str]) -> Optional["regex.Pattern[str]"]:
        from .normalize import base_view

        cleaned = [base_view(t.strip()).text for t in terms if t and t.strip()]
        if not cleaned:
            return None
        cleaned.sort(key=len, reverse=True)
        return regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(regex.escape(t) for t in cleaned)
                             + r")(?![\p{L}\p{N}])")

    def _allowed_spans(self, draft: Draft) -> List[Tuple[int, int]]:
        if self._allow is None:
            return []
        view = draft.base
        return [view.span(*m.span()) for m in self._allow.finditer(view.text)]

    def check(self, text: str) -> List[Violation]:
        """All violations in ``text``, sorted by position then rule id."""
        if len(text) > SPLIT_CHARS:
            return self._check_long(text)
        return _drop_nested(self._check(text))

    def _check_long(self, text: str) -> List[Violation]:
        """A long text (a file of many replies) in pieces cut at blank lines (see
        SPLIT_CHARS); positions, lines and columns are the whole text's."""
        line_starts = _line_starts(text)
        found: List[Violation] = []
        for offset, piece in _pieces(text):
            for v in _drop_nested(self._check(piece)):
                start, end = v.start + offset, v.end + offset
                line, column = _position(line_starts, start)
                end_line, end_column = _position(line_starts, end)
                found.append(v._replace(start=start, end=end, line=line, column=column,
                                        end_line=end_line, end_column=end_column))
        return found

    def _check(self, text: str) -> List[Violation]:
        """Every rule's findings, nested ones included (sorted by position)."""
        if not isinstance(text, str):
            raise TypeError(f"check() takes a str, not {type(text).__name__}")
        draft = Draft(text, self._index)
        found: Dict[Tuple[int, int, str], Violation] = {}
        allowed: Optional[List[Tuple[int, int]]] = None
        line_starts: Optional[List[int]] = None
        active = draft.active_sets
        rules = list(self._ungated)
        gated = self._gated
        for set_id in active:
            if set_id in gated:
                # a rule whose term sets are not all active needs a word the draft lacks
                rules.extend(r for r in gated[set_id] if r.required <= active)
        quoted: Optional[List[Tuple[int, int]]] = None
        sentences: List[Violation] = []  # findings of classifier rules (whole sentences)
        for rule in rules:
            try:
                spans = rule.matcher.find(draft)
            except PatternTimeout as exc:
                raise RuleTimeoutError(exc.rule) from None
            for start, end in spans:
                if end <= start:
                    continue
                whole = rule.spec.kind == "classifier"  # a sentence: excused by a quote or allowed term in it
                if rule.spec.category != Category.LANGUAGE.value:
                    if quoted is None:
                        quoted = _quoted_buyer(text)
                    if any(a <= start and end <= b or whole and a < end and start < b for a, b in quoted):
                        continue  # the buyer's own words, quoted back in a refusal
                if self._allow is not None:
                    if allowed is None:
                        allowed = self._allowed_spans(draft)
                    if any(a <= start and end <= b or whole and a < end and start < b for a, b in allowed):
                        continue
                if line_starts is None:
                    line_starts = _line_starts(text)
                key = (start, end, rule.id)
                if key not in found:
                    found[key] = self._violation(rule, text, start, end, line_starts)
                    if whole:  # a classifier's message names the words that weighed most
                        messages = rule.matcher.explained_messages(rule.spec.messages, draft, start, end)
                        found[key] = found[key]._replace(message=messages[self.lang], messages=messages)
                        sentences.append(found[key])
        return yield_to_precise([found[k] for k in sorted(found)], sentences)

    def _violation(self, rule: Rule, text: str, start: int, end: int, line_starts: List[int]) -> Violation:
        line, column = _position(line_starts, start)
        end_line, end_column = _position(line_starts, end)
        spec = rule.spec
        return Violation(rule=spec.id, category=spec.category, severity=rule.severity,
                         message=spec.messages[self.lang], match=text[start:end], start=start,
                         end=end, line=line, column=column, end_line=end_line,
                         end_column=end_column, suggestion=spec.suggestion,
                         messages=spec.messages)

    def check_many(self, texts: Iterable[str]) -> Iterator[List[Violation]]:
        """``check`` over an iterable, lazily: one result per text, in order, constant memory."""
        for text in texts:
            yield self.check(text)

    def fix(self, text: str) -> str:
        """``text`` with every safe suggestion applied; fixing the result changes nothing more."""
        from .fixes import apply_fixes

        for _ in range(8):
            fixed = apply_fixes(text, self.check(text))
            if fixed == text:
                break
            text = fixed
        return text

    # ------------------------------------------------------------ examples

    def _matches(self, rule: Rule, text: str) -> List[str]:
        """What one rule alone finds in ``text`` (its examples are its own business)."""
        try:
            spans = rule.matcher.find(Draft(text, self._index))
        except PatternTimeout as exc:
            raise RuleTimeoutError(exc.rule) from None
        return [text[start:end] for start, end in spans if end > start]

    def self_test(self, rules: Optional[Sequence[Rule]] = None) -> List[ExampleFailure]:
        """Run every rule's own examples; the failures, in rule order."""
        failures: List[ExampleFailure] = []
        for rule in rules if rules is not None else self.all_rules:
            spec = rule.spec
            line = spec.line_of("examples")
            for example in spec.bad_examples:
                text = example["text"] if isinstance(example, dict) else example
                want = example.get("match") if isinstance(example, dict) else None
                hits = self._matches(rule, text)
                if not hits:
                    failures.append(ExampleFailure(spec.id, spec.path, line,
                                                   f"bad example is not reported: {text!r}"))
                elif want is not None and want not in hits:
                    failures.append(ExampleFailure(
                        spec.id, spec.path, line, f"bad example {text!r} matched {hits!r}, expected {want!r}"))
            for text in spec.good_examples:
                hits = self._matches(rule, text)
                if hits:
                    failures.append(ExampleFailure(spec.id, spec.path, line,
                                                   f"good example is reported ({hits!r}): {text!r}"))
        return failures


def _drop_nested(violations: List[Violation]) -> List[Violation]:
    """Drop a finding that lies inside another finding of the same category
    (a handle inside a link, "好评返现" found by two review rules): one thing,
    one report. Input and output are sorted by position."""
    kept: List[Violation] = []
    reach: Dict[str, Tuple[int, int]] = {}  # category -> widest span seen so far
    for v in sorted(violations, key=lambda v: (v.start, -v.end, v.rule)):
        widest = reach.get(v.category)
        if widest is not None and widest[0] <= v.start and v.end <= widest[1]:
            continue
        if widest is None or v.end > widest[1]:
            reach[v.category] = (v.start, v.end)
        kept.append(v)
    return sorted(kept, key=lambda v: (v.start, v.end, v.rule))


# The buyer's words quoted back: «дайте ваш WhatsApp» after "Вы написали:", 'can
# I pay in cash?' after "You asked". What the seller then says is checked; the
# quote is not the seller's. (Chinese characters in it still make the reply
# Chinese.)
_QUOTED_BUYER = lazy(
    r"(?:\bвы\s+(?:на)?пи\w*|\bвы\s+спр\w*|\bвы\s+прос\w*|\bвы\s+уточн\w*|\bпокупател\w+\s+(?:на)?пис\w*|"
    r"\byou\s+(?:wrote|asked|said|write|ask|mentioned))\W{0,4}"
    r"(?:«([^»\n]{1,200})»|\"([^\"\n]{1,200})\"|“([^”\n]{1,200})”|„([^“”\n]{1,200})[“”]|'([^'\n]{1,200})')",
    regex.IGNORECASE)


def _quoted_buyer(text: str) -> List[Tuple[int, int]]:
    """Spans of the buyer's words quoted back in ``text`` (see _QUOTED_BUYER)."""
    if not any(q in text for q in "«\"“„'"):
        return []
    return [m.span(m.lastindex) for m in _QUOTED_BUYER.finditer(text) if m.lastindex]


_NEWLINE = lazy(r"\r\n|\r|\n")


# Line ends that str.splitlines knows but a line here does not end at.
_OTHER_LINE_BREAKS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def _line_starts(text: str) -> "array[int]":
    """Offsets where lines start; CRLF, CR and LF all end a line."""
    starts = array("q", [0])
    if any(ch in text for ch in _OTHER_LINE_BREAKS):
        starts.extend(m.end() for m in _NEWLINE.finditer(text))
    else:  # the common case, counted in C: splitlines ends lines exactly at CRLF, CR and LF here
        starts.extend(accumulate(map(len, text.splitlines(keepends=True))))
        if starts[-1] == len(text) and len(starts) > 1 and not text.endswith(("\n", "\r")):
            starts.pop()  # the last piece has no line break after it: no line starts at the end
    return starts


# A text longer than SPLIT_CHARS (a file of many replies, not one reply) is
# checked in pieces of about PIECE_CHARS cut at blank lines: the gate then
# sees the words of a few replies, not of thousands, and memory stays bounded.
# No rule reaches across a blank line (proximity stays inside a sentence).
SPLIT_CHARS = 4096
PIECE_CHARS = 400
MAX_PIECE_CHARS = 64 * 1024
_PARAGRAPH_BREAK = lazy(r"\n[ \t]*\r?\n")


def _pieces(text: str) -> Iterator[Tuple[int, str]]:
    """(offset, piece) covering ``text``: cut at the first blank line after
    PIECE_CHARS, else at a line break, else at a space, else at MAX_PIECE_CHARS."""
    pos = 0
    size = len(text)
    while pos < size:
        if size - pos <= PIECE_CHARS:
            yield pos, text[pos:]
            return
        limit = min(size, pos + MAX_PIECE_CHARS)
        m = _PARAGRAPH_BREAK.search(text, pos + PIECE_CHARS, limit)
        if m is not None:
            cut = m.end()
        else:
            cut = (text.find("\n", pos + PIECE_CHARS, limit) + 1 or text.find(" ", pos + PIECE_CHARS, limit) + 1
                   or limit)
        yield pos, text[pos:cut]
        pos = cut


def _position(line_starts: Sequence[int], offset: int) -> Tuple[int, int]:
    """1-based (line, column) of a character offset."""
    line = bisect_right(line_starts, offset) - 1
    return line + 1, offset - line_starts[line] + 1


_default: Optional[Linter] = None
_default_lock = threading.Lock()


def default_linter() -> Linter:
    """The process-wide Linter with the default packs, built on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Linter()
    return _default
