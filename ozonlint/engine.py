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
from operator import attrgetter
from typing import Any, Dict, Iterable, Iterator, List, Mapping, NamedTuple, Optional, Sequence, Tuple, Union

from . import cache, matchers
from .filters import Candidate, FilterStage
from .filters.allow import AllowListFilter
from .filters.quote import QuotedBuyerFilter
from .filters.role import ROLE_VOCABULARIES, RoleFilter
from .fix import Review, annotate
from .fix import review as review_draft
from .lazyre import compiled_forms, lazy, preload
from .matchers import Draft, Matcher, PatternTimeout
from .matchers.classifier import model_files, yield_to_precise
from .model import LANGUAGES, Category, Severity, Violation
from .positions import line_starts as _line_starts
from .positions import position as _position
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
    filters: FilterStage
    patterns: Optional[dict] = None  # compiled forms of the regular expressions (see lazyre.compiled_forms)


def _compile(extra: List[str], defaults: bool) -> Tuple[Compiled, Optional[Tuple[str, str]]]:
    """The compiled packs: from the cache when the packs are unchanged (then the
    key returned is None), else freshly built (with the key to store them under)."""
    from . import __version__

    files = (_default_files() if defaults else []) + list(pack_files(extra))
    cache_key = cache.key(files + model_files(files), __version__)  # a retrained model is a fresh compile
    cached = cache.load(cache_key)
    if isinstance(cached, Compiled):
        preload(cached.patterns or {})
        return cached, None
    ruleset = RuleSet()
    if defaults:
        load_rules([default_rules_dir()], ruleset)
    if extra:
        load_rules(extra, ruleset)
    compiled = [(spec, matchers.build(spec, ruleset.vocabularies)) for spec in ruleset.rules if spec.enabled]
    shared: Dict[object, object] = {}  # rules' equal term sets (negation cues of one vocabulary) become one
    for _, matcher in compiled:
        matcher.share_term_sets(shared)
    stage = default_filters(ruleset)
    # term-set ids index the gate (and a draft's set of active ones): numbered 0..n here, each set once
    term_sets = list({id(t): t for _, matcher in compiled for t in matcher.term_sets()}.values()) + stage.term_sets()
    for number, term_set in enumerate(term_sets):
        term_set.id = number
    return Compiled(ruleset, compiled, matchers.GateIndex(term_sets), stage), cache_key


def default_filters(ruleset: RuleSet) -> FilterStage:
    """The filters every Linter applies: the buyer's quoted words, then the role
    of a channel's sentence (when the packs define its cue words)."""
    filters: List = [QuotedBuyerFilter()]
    if all(name in ruleset.vocabularies for name in ROLE_VOCABULARIES):
        filters.append(RoleFilter(ruleset.vocabularies, ruleset.vocabulary_origin[ROLE_VOCABULARIES[0]]))
    return FilterStage(filters)


def _selector_matches(selector: str, rule: RuleSpec) -> bool:
    return _selects(selector, rule.id, rule.category)


def _selects(selector: str, rule_id: str, category: str) -> bool:
    return selector == category or selector == rule_id or rule_id.startswith(selector.rstrip(".") + ".")


class UnknownSelectorError(ValueError):
    """A selector (``select``, ``ignore``, a ``severity`` key …) that names no rule id, prefix or category.

    Such a selector would silently select nothing, or ignore nothing: a typo
    that turns every check off must be an error, not a clean run."""

    def __init__(self, option: str, selector: object, suggestions: Sequence[str] = ()) -> None:
        hint = f" (did you mean: {', '.join(suggestions)}?)" if suggestions else ""
        self.reason = f"unknown rule id, id prefix or category {selector!r}{hint}"
        super().__init__(f"{option}: {self.reason}")
        self.option = option
        self.selector = selector
        self.suggestions = tuple(suggestions)


def _selector_list(option: str, selectors: Optional[Iterable[str]]) -> List[str]:
    """``selectors`` as a list; a single string is one selector, not its letters."""
    if selectors is None:
        return []
    if isinstance(selectors, str):
        return [selectors]
    chosen = list(selectors)
    for selector in chosen:
        if not isinstance(selector, str):
            raise ValueError(f"{option}: selectors must be strings, not {type(selector).__name__}")
    return chosen


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
        select = _selector_list("select", select)
        ignore = _selector_list("ignore", ignore)
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
        self.validate_selectors("select", select)
        self.validate_selectors("ignore", ignore)
        self.validate_selectors("severity", overrides)
        self.rules: Tuple[Rule, ...] = tuple(
            r for r in all_rules
            if (not select or any(_selector_matches(s, r.spec) for s in select))
            and not any(_selector_matches(s, r.spec) for s in ignore))
        self._index = built.index
        self.rewrites = {spec.id: ruleset.rewrites_of(spec) for spec in ruleset.rules if ruleset.rewrites_of(spec)}
        # rules run on every draft, and the others by one of the term sets they
        # need: a draft costs a lookup per active set, not a test per rule
        # (rule, its matcher's find): a draft asks two dozen rules, most of which find nothing
        self._ungated = tuple((r, r.matcher.find) for r in self.rules if not r.required)
        gated: Dict[int, List[Tuple[Rule, object]]] = {}
        for rule in self.rules:
            if rule.required:
                gated.setdefault(min(rule.required), []).append((rule, rule.matcher.find))
        self._gated = {set_id: tuple(rules) for set_id, rules in gated.items()}
        allow = [allow] if isinstance(allow, str) else [a for a in (allow or []) if a and a.strip()]
        self._filters = built.filters.with_filter(AllowListFilter(allow)) if allow else built.filters
        if cache_key is not None:  # compiled just now, not loaded from the cache
            extra_files = set(ruleset.files) - set(_default_files() if defaults else [])
            if extra_files and verify_examples:
                failures = self.self_test([r for r in self.all_rules if r.spec.path in extra_files])
                if failures:
                    first = failures[0]
                    raise RulePackError(first.path, first.line, f"rule {first.rule}: {first.reason}"
                                        + (f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""))
            if (verify_examples or not extra_files) and cache.cache_dir() is not None:
                # never cache packs whose examples were not run
                cache.store(cache_key, built._replace(patterns=compiled_forms()))

    @classmethod
    def from_paths(cls, paths: Sequence[PathLike], **options: object) -> "Linter":
        """The default packs plus the packs at ``paths`` (files or folders)."""
        return cls(paths, **options)  # type: ignore[arg-type]

    def validate_selectors(self, option: str, selectors: Iterable[str]) -> None:
        """Raise UnknownSelectorError for the first selector that matches no rule of
        the packs (nor a category, nor a finding about suppression comments)."""
        selectors = list(selectors)
        if not selectors:
            return  # the usual case: no need to import the suppression rules' names
        from .templates.suppress import MESSAGES as SUPPRESSION_RULES

        named = [(spec.id, spec.category) for spec in self.ruleset.rules]
        named += [(rule_id, Category.STYLE.value) for rule_id in SUPPRESSION_RULES]
        categories = [c.value for c in Category]
        for selector in selectors:
            if selector in categories or any(_selects(selector, rule_id, category) for rule_id, category in named):
                continue
            import difflib

            ids = [rule_id for rule_id, _ in named]
            candidates = sorted(set(categories) | set(ids) | {rule_id.split(".")[0] for rule_id in ids})
            close = difflib.get_close_matches(str(selector), candidates, n=3, cutoff=0.7)
            raise UnknownSelectorError(option, selector, close)

    # ------------------------------------------------------------ checking

    def check(self, text: str, *, unsafe_fixes: bool = False) -> List[Violation]:
        """All violations in ``text``, sorted by position then rule id, each with
        its planned fix (``suggestion`` is its replacement text)."""
        if not isinstance(text, str):
            raise TypeError(f"check() takes a str, not {type(text).__name__}")
        if len(text) > SPLIT_CHARS:
            return self._annotate_long(text, self._check_long(text), unsafe_fixes)
        found = self._check(text)
        if not found:  # most replies
            return found
        return annotate(text, _drop_nested(_merge_one_phrase(text, found)), self.rewrites, unsafe_fixes)

    def _annotate_long(self, text: str, found: List[Violation], unsafe_fixes: bool) -> List[Violation]:
        """The fixes of a long text's findings, planned piece by piece (the pieces of
        _check_long): planning reads a reply's sentences, and a file of thousands
        of replies must not cost memory in proportion to all of them at once."""
        out: List[Violation] = []
        i = 0
        for offset, piece in _pieces(text):
            stop = offset + len(piece)
            part = []
            while i < len(found) and found[i].start < stop:
                part.append(found[i])
                i += 1
            if not part:
                continue
            end = max(stop, max(v.end for v in part))
            local = [v._replace(start=v.start - offset, end=v.end - offset) for v in part]
            for v, planned in zip(part, annotate(text[offset:end], local, self.rewrites, unsafe_fixes)):
                fix = planned.fix
                if fix is not None:
                    fix = fix._replace(start=fix.start + offset, end=fix.end + offset)
                out.append(planned._replace(start=v.start, end=v.end, fix=fix))
        return out

    def _check_long(self, text: str) -> List[Violation]:
        """A long text (a file of many replies) in pieces (see SPLIT_CHARS), then
        each seam between two pieces on its own, so that a finding that crosses a
        cut (a phrase around a line break), or that needs words from the other
        side ("Звоните 8 916" | "555 12 34"), is found as in the whole text.
        Positions are the whole text's."""
        line_starts = _line_starts(text)
        found: Dict[Tuple[int, int, str], Violation] = {}

        def add(violations: List[Violation], offset: int, near: Optional[int] = None) -> None:
            for v in violations:
                start, end = v.start + offset, v.end + offset
                if near is not None and (end < near - SEAM_CHARS // 2 or start > near + SEAM_CHARS // 2):
                    continue  # far from the cut: the pieces saw it with all its context
                key = (start, end, v.rule)
                if key not in found:
                    line, column = _position(line_starts, start)
                    end_line, end_column = _position(line_starts, end)
                    found[key] = v._replace(start=start, end=end, line=line, column=column,
                                            end_line=end_line, end_column=end_column)

        cuts = []
        for offset, piece in _pieces(text):
            add(self._check(piece), offset)
            if offset:
                cuts.append(offset)
        for cut in cuts:
            lo, hi = _seam(text, cut)
            add(self._check(text[lo:hi]), lo, near=cut)
        return _drop_nested(_merge_one_phrase(text, sorted(found.values(), key=_BY_POSITION)))

    def _check(self, text: str) -> List[Violation]:
        """Every rule's findings, nested ones included (sorted by position)."""
        if not isinstance(text, str):
            raise TypeError(f"check() takes a str, not {type(text).__name__}")
        draft = Draft(text, self._index)
        try:
            return self._check_draft(draft)
        finally:
            # what matchers and filters keep for a draft may point back at it (a
            # reference cycle): cleared, the draft is freed at once rather than by
            # the garbage collector, whose pauses land on some unlucky later check
            draft.extras.clear()

    def _check_draft(self, draft: Draft) -> List[Violation]:
        text = draft.text
        active = draft.active_sets
        rules = list(self._ungated)
        gated = self._gated
        for set_id in active.intersection(gated):
            # a rule whose term sets are not all active needs a word the draft lacks
            rules += [pair for pair in gated[set_id] if pair[0].required <= active]
        kept = self._found(draft, rules)
        if not kept:
            return []
        found: Dict[Tuple[int, int, str], Candidate] = {}
        for c in kept:
            key = (c.start, c.end, c.rule.spec.id)  # type: ignore[attr-defined]
            if key not in found:
                found[key] = c
        line_starts = _line_starts(text)
        violation = self._violation
        if len(found) == 1:  # (one finding: the usual case of a reply with any)
            (c,) = found.values()
            if c.rule.spec.kind != "classifier":  # type: ignore[attr-defined]
                return [violation(c, text, line_starts)]
        pairs = [(violation(c, text, line_starts), c) for _, c in sorted(found.items())]
        sentences = {id(v): c for v, c in pairs if c.rule.spec.kind == "classifier"}  # type: ignore[attr-defined]
        result = [v for v, _ in pairs]
        if not sentences:
            return result
        result = yield_to_precise(result, [v for v, _ in pairs if id(v) in sentences])
        # a classifier's message names the words that weighed most: worked out
        # only for the sentences that stay
        out = []
        for v in result:
            sentence = sentences.get(id(v))
            if sentence is not None:
                messages = sentence.rule.matcher.explained_messages(v.messages, draft, sentence.start, sentence.end)
                v = v._replace(message=messages[self.lang], messages=messages)
            out.append(v)
        return out

    def _found(self, draft: Draft, rules: Iterable[Tuple[Rule, Any]]) -> List[Candidate]:
        """The candidates of ``rules`` (each with its matcher's find) in ``draft``
        that the filter stage keeps."""
        candidates: List[Candidate] = []
        try:
            for rule, find in rules:
                spans = find(draft)
                if spans:  # most rules find nothing in most drafts
                    candidates += [Candidate(rule, start, end, rule.severity) for start, end in spans if end > start]
            return self._filters.run(draft, candidates) if candidates else candidates
        except PatternTimeout as exc:
            raise RuleTimeoutError(exc.rule) from None

    def _violation(self, candidate: Candidate, text: str, line_starts: Sequence[int]) -> Violation:
        start, end = candidate.start, candidate.end
        if len(line_starts) == 1:  # a text of one line
            line = end_line = 1
            column, end_column = start + 1, end + 1
        else:
            line, column = _position(line_starts, start)
            end_line, end_column = _position(line_starts, end)
        spec = candidate.rule.spec  # type: ignore[attr-defined]
        messages = spec.messages
        if candidate.note:
            messages = {lang: f"{messages[lang]} {candidate.note[lang]}" for lang in LANGUAGES}
        return Violation(spec.id, spec.category, candidate.severity, messages[self.lang], text[start:end], start, end,
                         line, column, end_line, end_column, spec.suggestion, messages)

    def check_many(self, texts: Iterable[str]) -> Iterator[List[Violation]]:
        """``check`` over an iterable, lazily: one result per text, in order, constant memory."""
        for text in texts:
            yield self.check(text)

    def fix(self, text: str, unsafe: bool = False) -> str:
        """``text`` with every safe fix applied (and the unsafe ones too when
        ``unsafe``); fixing the result changes nothing more."""
        return self.review(text, unsafe).fixed

    def review(self, text: str, unsafe: bool = False) -> Review:
        """Everything a bot needs before sending ``text``: the fixed text, the
        fixes applied, and the findings that remain in it (see :class:`Review`)."""
        return review_draft(text, lambda draft: self.check(draft, unsafe_fixes=unsafe), unsafe)

    # ------------------------------------------------------------ examples

    def _matches(self, rule: Rule, text: str) -> List[str]:
        """What one rule reports in ``text`` the way ``check`` would: gated on the
        words it needs, through the filter stage, at its own severity (a finding
        the filters demote to info does not count as reported)."""
        draft = Draft(text, self._index)
        if rule.required and not rule.required <= draft.active_sets:
            return []  # the gate would not run it: a gate that misses its own words is a bug
        return [text[c.start:c.end] for c in self._found(draft, [(rule, rule.matcher.find)])
                if c.severity == rule.severity]

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
    if len({v.category for v in violations}) == len(violations):
        return violations  # one finding per category: none inside another
    kept: List[Violation] = []
    reach: Dict[str, Tuple[int, int]] = {}  # category -> widest span seen so far
    for v in sorted(violations, key=lambda v: (v.start, -v.end, v.rule)):
        widest = reach.get(v.category)
        if widest is not None and widest[0] <= v.start and v.end <= widest[1]:
            continue
        if widest is None or v.end > widest[1]:
            reach[v.category] = (v.start, v.end)
        kept.append(v)
    return sorted(kept, key=_BY_POSITION)


_BY_POSITION = attrgetter("start", "end", "rule")

_CLAUSE_MARKS = ".,;:!?…"


def _merge_one_phrase(text: str, violations: List[Violation]) -> List[Violation]:
    """Merge the findings of one rule that are one phrase: their spans overlap
    ("order directly from our website" + "website, it's 20% cheaper"), or
    they touch across nothing but spaces inside a clause ("Только сегодня" +
    "скидки до"). One phrase is one report and one fix. Items of a list stay
    apart: a comma, a conjunction, a line break or a clause's end between
    them ("@best_sale или @vip_opt"), or two single words side by side.
    Input and output are sorted by position (the findings of a check come so)."""
    if len(violations) < 2 or len({v.rule for v in violations}) == len(violations):
        return violations  # one finding per rule: nothing to merge
    merged: List[Violation] = []
    latest: Dict[str, int] = {}  # rule -> index in merged of its latest finding
    for v in violations:
        i = latest.get(v.rule)
        if i is not None and _one_phrase(text, merged[i], v):
            first = merged[i]
            if v.end > first.end:
                merged[i] = first._replace(end=v.end, end_line=v.end_line, end_column=v.end_column,
                                           match=text[first.start:v.end])
            continue
        latest[v.rule] = len(merged)
        merged.append(v)
    return sorted(merged, key=_BY_POSITION)  # (a merged finding ends later: it may now sort after another)


def _one_phrase(text: str, first: Violation, then: Violation) -> bool:
    """Whether ``then`` (starting at or after ``first``) continues ``first``'s phrase."""
    if then.start < first.end:
        return True
    if text[first.end:then.start].strip(" \t\u00a0"):
        return False
    if first.match[-1:] in _CLAUSE_MARKS or then.match[:1] in _CLAUSE_MARKS:
        return False
    return any(ch.isspace() for ch in first.match) or any(ch.isspace() for ch in then.match)


# A text longer than SPLIT_CHARS (a file of many replies, not one reply) is
# checked in pieces of about PIECE_CHARS cut at blank lines: the gate then
# sees the words of a few replies, not of thousands, and memory stays bounded.
# A finding may still cross a cut (a phrase's words may stand on two lines),
# so the SEAM_CHARS on either side of every cut are checked again, for the
# findings that cross it: longer than any finding a rule reports, short next
# to a piece.
SPLIT_CHARS = 4096
PIECE_CHARS = 400
MAX_PIECE_CHARS = 64 * 1024
SEAM_CHARS = 160
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


def _seam(text: str, cut: int) -> Tuple[int, int]:
    """The span around ``cut`` checked for findings that cross it, widened to
    whole words (a window that starts inside a word could see half of one)."""
    lo = max(0, cut - SEAM_CHARS)
    hi = min(len(text), cut + SEAM_CHARS)
    while lo > 0 and not text[lo - 1].isspace() and cut - lo < 2 * SEAM_CHARS:
        lo -= 1
    while hi < len(text) and not text[hi].isspace() and hi - cut < 2 * SEAM_CHARS:
        hi += 1
    return lo, hi


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
