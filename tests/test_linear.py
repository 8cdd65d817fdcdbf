"""No shipped rule, view or filter is superlinear: 8x the input costs about 8x the time.

Every rule of every shipped pack, the draft's views and gate, and the filter
stage are timed on long adversarial inputs: runs of letters, digits, spaces
and punctuation without the closing part a pattern waits for, long URLs,
e-mails and handles without a top-level domain, "кв 5" and long letters,
digit runs with separators, long Chinese runs, mixed scripts, and for each
rule repeated near-misses of its own words and examples.

A ratio of two times within one run, never an absolute threshold: linear is
about 8x, quadratic about 64x; the room up to 32x is for noise and cache
effects, which show as steps of 2-4x. An input is timed once; only one that
looks superlinear is timed again, several times, on inputs twice as long.
"""
from __future__ import annotations

import gc
import time
from typing import Callable, Dict, Iterator, List, Tuple

import pytest

import ozonlint
from ozonlint.filters import Candidate
from ozonlint.filters.quote import quoted_spans
from ozonlint.matchers import Draft, PatternTimeout
from ozonlint.normalize import base_view, words_view

SMALL, LARGE = 1000, 8000  # the growth measured; a suspect is measured again at twice these
LIMIT = 32

Make = Callable[[int], str]


def repeat(unit: str) -> Make:
    """``unit`` repeated to about n characters."""
    return lambda n: unit * max(1, n // len(unit))


def around(head: str, unit: str, tail: str = "") -> Make:
    """``head``, then ``unit`` repeated to about n characters, then ``tail``."""
    return lambda n: head + unit * max(1, n // len(unit)) + tail


# Shapes that make a regular expression backtrack or a matcher rescan: a long
# run that a pattern keeps extending and then finds no closing part for.
SHAPES: Dict[str, Make] = {
    "latin letters": repeat("a"),
    "cyrillic letters": repeat("а"),
    "kazakh words, then one long cyrillic word": around("сәлем досым, рахмет сізге ", "а"),
    "capitals": repeat("ПРИВЕТ "),
    "capitals glued": repeat("ПРИВЕТ"),
    "capitals then a small letter": around("", "ПРИВЕТ ", "ПРИВЕТa"),
    "capitals and single capitals": repeat("ПРИВЕТ A "),
    "digits": repeat("1"),
    "spaces": around("a", " ", "b"),
    "tabs and vertical tabs": around("8", "\t\x0b", "9"),
    "line breaks": repeat("a\n"),
    "full stops": repeat("."),
    "dashes": repeat("-"),
    "exclamations": repeat("!"),
    "at signs": repeat("@"),
    "braces": repeat("{"),
    "open placeholders": repeat("{{ shop_phone "),
    "brackets": repeat("["),
    "underscores": repeat("_"),
    "slashes": repeat("/"),
    "colons": repeat(":"),
    "quotes": repeat('"'),
    "guillemets then a name": around("", "«", "WhatsApp"),
    "ellipses": repeat("…"),
    "flat number then letters": around("кв 5", "а"),
    "flat number, space, letters": around("кв 5 ", "а"),
    "street word then letters": around("street ", "a"),
    "street name run": around("ул. ", "Садовая", " 14, кв. 7"),
    "flat words": repeat("кв. "),
    "addresses": repeat("Анна Петрова, ул. Садовая 5, "),
    "first names": around("", "Иван ", "ПВЗ"),
    "first and last names": repeat("Иван Петров "),
    "phone ending": around("телефон заканчивается на ", "12 "),
    "url without a domain end": around("http://", "a"),
    "tracking url": around("https://tracking.example.com/", "a1b2c3"),
    "www and dotted letters": around("www.", "a."),
    "dotted letters": repeat("a."),
    "dotted words after a domain": around("t.me/", "www.", "]]"),
    "dotted mixed words after a domain": around("t.me/", "скидк微a."),
    "ideographic full stops": repeat("shop。"),
    "e-mail without a domain end": lambda n: "a" * (n // 2) + "@" + "b" * (n // 2),
    "at signs between letters": repeat("a@"),
    "e-mail near-misses": repeat("a.b@c"),
    "handle": around("@", "a"),
    "telegram link": around("t.me/", "a"),
    "digits and spaces": repeat("12 "),
    "single digits and spaces": repeat("1 "),
    "digits and dashes": repeat("1-2-"),
    "digits and dots": repeat("1.2."),
    "digits and bars": repeat("8|"),
    "plus seven then digits": around("+7 ", "9"),
    "area codes": repeat("8 (916) "),
    "card-like groups": repeat("4111 1111 "),
    "digits and letters": repeat("a1"),
    "digits then a unit and a letter": around("", "1", "рубx"),
    "chinese": repeat("微"),
    "chinese words": repeat("好评"),
    "chinese and latin": repeat("a中"),
    "chinese and a heart": repeat("威❤"),
    "latin and cyrillic": repeat("aа"),
    "latin and greek": repeat("αa"),
    "spaced cyrillic letters": repeat("т е л е "),
    "spaced latin letters": repeat("W h a t s "),
    "spaced letters, one word": lambda n: " ".join("a" * (n // 2)),
    "dotted letters, one word": lambda n: ".".join("а" * (n // 2)),
    "mixed separators": repeat("W-h_a.t "),
    "look-alike letters": repeat("WhаtsApp "),
    "leetspeak": repeat("wh@ts@pp "),
    "small capitals": repeat("ᴡʜᴀᴛsᴀᴘᴘ "),
    "full-width letters": repeat("ＷｈａｔｓＡｐｐ"),
    "numeric entities": repeat("&#87;"),
    "combining marks": repeat("a\u0301"),
    "zero-width spaces": repeat("a\u200b"),
    "no-break spaces": repeat("a\u00a0"),
    "plus v": repeat("+V "),
    "roubles": repeat("100 ₽ "),
    "words": repeat("слово "),
    "commas": repeat("а, "),
    "sentences": repeat("Привет. "),
    "exclaimed sentences": repeat("Привет! "),
    "quoted buyer": repeat("Вы написали: «WhatsApp» "),
    "possessive after": repeat("WhatsApp наш "),
    "possessive before": around("наш ", "WhatsApp "),
    "mentions in one sentence": repeat("уведомления из WhatsApp "),
    "negated sentence": around("мы никогда не ", "WhatsApp "),
    "questions": repeat("вацап есть? "),
}


def _examples(rule) -> Iterator[Tuple[str, str]]:
    spec = rule.spec
    for i, example in enumerate(spec.bad_examples[:4]):
        text = example["text"] if isinstance(example, dict) else example
        yield f"bad example {i}", text
        if isinstance(example, dict) and example.get("match"):
            yield f"bad example {i}'s match", example["match"]
    for i, text in enumerate(spec.good_examples[:3]):
        yield f"good example {i}", text


def _words_of(value: object, vocabularies: Dict[str, List[str]]) -> Iterator[str]:
    """The terms a rule's parameters name (terms, vocabularies, gate words), at any depth."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "vocab":
                for name in inner if isinstance(inner, list) else [inner]:
                    yield from vocabularies.get(name, [])
            elif key in ("terms", "requires"):
                yield from (t for t in (inner if isinstance(inner, list) else [inner]) if isinstance(t, str))
            else:
                yield from _words_of(inner, vocabularies)
    elif isinstance(value, list):
        for inner in value:
            yield from _words_of(inner, vocabularies)


def rule_shapes(rule, vocabularies: Dict[str, List[str]]) -> Dict[str, Make]:
    """Inputs made of the rule's own words: its examples repeated, and near-misses
    of them (each word without its last letter, the first half of a phrase)."""
    shapes: Dict[str, Make] = {}
    for name, text in _examples(rule):
        shapes[name] = repeat(text + " ")
        shapes[name + " without spaces"] = repeat(text.replace(" ", ""))
        words = [w for w in text.split() if len(w) > 2]
        if words:
            shapes[name + ", words cut short"] = repeat(" ".join(w[:-1] for w in words) + " ")
            shapes[name + ", first half"] = repeat(" ".join(words[:max(1, len(words) // 2)]) + " ")
    terms = sorted(set(_words_of(rule.spec.params, vocabularies)), key=lambda t: (-len(t), t))[:40]
    if terms:
        shapes["its terms"] = repeat(" ".join(terms) + " ")
        shapes["its terms cut short"] = repeat(" ".join(t[:-1] for t in terms if len(t) > 1) + " ")
        shapes["its terms glued"] = repeat("".join(terms))
    return shapes


@pytest.fixture(scope="module")
def default_linter() -> ozonlint.Linter:
    return ozonlint.Linter()


class Prepared:
    """Drafts of one shape at the two sizes, their views and gate built once, so
    that a rule's timing is its own work."""

    def __init__(self, linter: ozonlint.Linter, make: Make) -> None:
        self.linter = linter
        self.make = make
        self.drafts: Dict[int, Draft] = {}

    def draft(self, n: int) -> Draft:
        if n not in self.drafts:
            draft = Draft(self.make(n), self.linter._index)
            draft.words, draft.active_sets, draft.has_han, draft.word_index(0)
            self.drafts[n] = draft
        return self.drafts[n]

    def fresh(self, n: int) -> Draft:
        """A new draft of size ``n`` with the views and gate, and nothing any rule left in it."""
        prepared = self.draft(n)
        draft = Draft(prepared.text, self.linter._index)
        for slot in ("_base", "_words", "_tokens", "_gate_keys", "_key_tokens", "_token_starts", "_has_han",
                     "_active"):
            setattr(draft, slot, getattr(prepared, slot))
        return draft


def _time(run: Callable[[], object], runs: int) -> float:
    """The best of ``runs`` timings, with the garbage collector off, as timeit
    does (a collection's cost is that of everything the test process holds)."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(runs):
            start = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - start)
    finally:
        if enabled:
            gc.enable()
    return best


def growth(timed: Callable[[int], Callable[[], object]]) -> float:
    """How many times longer ``timed(8n)`` takes than ``timed(n)``: once, and
    when that looks superlinear, again at twice the sizes, best of five."""
    ratio = _time(timed(LARGE), 1) / max(_time(timed(SMALL), 1), 1e-5)
    if ratio < LIMIT:
        return ratio
    small, large = timed(2 * SMALL), timed(2 * LARGE)
    return _time(large, 5) / max(_time(small, 5), 1e-5)


@pytest.fixture(scope="module")
def prepared_shapes(default_linter) -> Dict[str, Prepared]:
    return {name: Prepared(default_linter, make) for name, make in SHAPES.items()}


def _rule_ids() -> List[str]:
    return [rule.id for rule in ozonlint.Linter().all_rules]


@pytest.mark.parametrize("rule_id", _rule_ids())
def test_every_shipped_rule_grows_linearly(default_linter, prepared_shapes, rule_id: str) -> None:
    rule = next(r for r in default_linter.all_rules if r.id == rule_id)
    shapes = dict(prepared_shapes)
    shapes.update((name, Prepared(default_linter, make))
                  for name, make in rule_shapes(rule, default_linter.ruleset.vocabularies).items())
    find = rule.matcher.find
    failures: Dict[str, str] = {}

    for name, prepared in shapes.items():
        def timed(n: int, prepared: Prepared = prepared) -> Callable[[], object]:
            prepared.draft(n)
            return lambda: list(find(prepared.fresh(n)))

        timed(SMALL)()  # compiles, caches
        try:
            ratio = growth(timed)
        except PatternTimeout:
            failures[name] = f"{rule_id} on {name!r}: ran out of its time budget"
            continue
        if ratio >= LIMIT:
            failures[name] = f"{rule_id} on {name!r}: 8x the input took {ratio:.0f}x the time (quadratic: ~64x)"
    assert not failures, "; ".join(failures.values())


@pytest.mark.parametrize("stage", ["base view", "words view", "gate"])
def test_draft_views_grow_linearly(default_linter, stage: str) -> None:
    index = default_linter._index

    def timed_on(make: Make) -> Callable[[int], Callable[[], object]]:
        def timed(n: int) -> Callable[[], object]:
            text = make(n)
            base = base_view(text)
            words = words_view(base)
            if stage == "base view":
                return lambda: base_view(text)
            if stage == "words view":
                return lambda: words_view(base)

            def gate() -> object:
                draft = Draft(text, index)
                draft._base, draft._words = base, words
                return draft.active_sets, draft.word_index(0)
            return gate
        return timed

    for name, make in SHAPES.items():
        ratio = growth(timed_on(make))
        assert ratio < LIMIT, f"{stage} of {name!r}: 8x the input took {ratio:.0f}x the time (quadratic: ~64x)"


def _all_bad_examples(linter: ozonlint.Linter) -> str:
    return " ".join(e["text"] if isinstance(e, dict) else e for r in linter.all_rules for e in r.spec.bad_examples)


def test_filter_stage_grows_linearly(default_linter, prepared_shapes) -> None:
    """The filters on every candidate of every rule: many findings, many quotes,
    many cue words in one long sentence."""
    shapes = dict(prepared_shapes)
    every_bad = _all_bad_examples(default_linter)
    shapes["every bad example"] = Prepared(default_linter, lambda n: (every_bad * (n // len(every_bad) + 1))[:n])

    for name, prepared in shapes.items():
        def timed(n: int, prepared: Prepared = prepared) -> Callable[[], object]:
            candidates = [Candidate(rule, start, end, rule.severity) for rule in default_linter.rules
                          for start, end in rule.matcher.find(prepared.fresh(n)) if end > start]
            return lambda: default_linter._filters.run(prepared.fresh(n), candidates)

        ratio = growth(timed)
        assert ratio < LIMIT, f"filters on {name!r}: 8x the input took {ratio:.0f}x the time (quadratic: ~64x)"


# The words that name the buyer's words (filters/quote.py), each repeated, glued or spaced,
# after a quote: a pattern that lets a word run on before its next part ("ваш\w*\s+…")
# would try every start of the run to its end.
_QUOTE_LEADS = ["ваш", "отзыв", "сообщени", "вы пи", "вы спр", "вам пришл", "вам написали", "покупател",
                "you wrote", "your message", "message you", "review that says", "в отзыве написано",
                "вы пишете, что ", "кто-то ", "you asked whether ", "вы спросили, можно ли ", "вы предложили ",
                "на вопрос «", "regarding «", "您问", "«", "'"]


@pytest.mark.parametrize("lead", _QUOTE_LEADS)
def test_quoted_buyer_words_grow_linearly(lead: str) -> None:
    for make in (repeat(lead), repeat(lead + " ")):
        def timed(n: int, make: Make = make) -> Callable[[], object]:
            text = "«x» " + make(n)
            return lambda: quoted_spans(text)

        ratio = growth(timed)
        assert ratio < LIMIT, f"quoted_spans on {lead!r} repeated: 8x the input took {ratio:.0f}x the time"


def test_the_measure_tells_quadratic_from_linear() -> None:
    """The test's own yardstick: a quadratic scan fails it, a linear one passes."""
    def quadratic(n: int) -> Callable[[], object]:
        return lambda: sum(1 for _ in range(n // 10) for _ in range(n // 10))

    def linear(n: int) -> Callable[[], object]:
        text = "a b " * (n // 4)
        return lambda: [w.upper() for w in text.split()]

    assert growth(quadratic) >= LIMIT
    assert growth(linear) < LIMIT
