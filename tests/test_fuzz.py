"""Fuzzing with hypothesis: the public API and the rule-pack loader never crash.

Runs in CI with a bounded number of examples (``HYPOTHESIS_PROFILE=long`` for a
deeper run). Every crash or miss it has found is kept below as a regression case.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ozonlint
from ozonlint import RulePackError

settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
SELLER = st.lists(st.sampled_from([
    "Здравствуйте!", "Пишите в", "WhatsApp", "вотсап", "телега", "+7 912 555 34 21", "8 (921) 404-55-66",
    "27450913-0002-1", "shop@mail.ru", "собака", "точка", "ru", "t.me/shop", "@shop_help", "кэшбэк", "за",
    "отзыв", "5 звёзд", "доплатите", "не", "нужно", "微信", "好评返现", "{{ name }}", "!!!", "\u200b", " ", "\n",
    "ВНИМАНИЕ", "Ozon", "ozon.ru", "2202 2000 1234 5678", "паспорт", "код из СМС",
]), max_size=25).map(" ".join)


@given(st.one_of(TEXT, SELLER))
def test_check_never_crashes_and_spans_hold(text: str) -> None:
    for v in ozonlint.check(text):
        assert text[v.start:v.end] == v.match
        assert v.line >= 1 and v.column >= 1
        assert v.severity in ("error", "warning", "info")


@given(st.one_of(TEXT, SELLER))
def test_fix_is_idempotent(text: str) -> None:
    once = ozonlint.fix(text)
    assert ozonlint.fix(once) == once


VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20),
              st.sampled_from(["terms", "pattern", "proximity", "phone", "error", "spam", "x.y", "(a|aa)+$"])),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.sampled_from(
                                   ["id", "category", "severity", "kind", "terms", "patterns", "message", "ru",
                                    "en", "zh", "examples", "bad", "good", "sets", "vocab", "rules",
                                    "vocabularies", "within", "suggestion", "negation"]), children, max_size=6)),
    max_leaves=25)


@given(VALUES)
def test_rule_pack_loader_reports_or_loads(tmp_path_factory, document) -> None:
    path = tmp_path_factory.mktemp("pack") / "fuzz.yaml"
    path.write_text(yaml.safe_dump({"rules": document} if not isinstance(document, dict) else document,
                                   allow_unicode=True), encoding="utf-8")
    try:
        ozonlint.Linter.from_paths([path], defaults=False)
    except RulePackError as exc:
        assert exc.path == str(path) and exc.reason


@given(st.binary(max_size=400))
def test_loader_on_arbitrary_bytes(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("pack") / "bytes.yaml"
    path.write_bytes(data)
    try:
        ozonlint.Linter.from_paths([path], defaults=False)
    except RulePackError as exc:
        assert exc.path == str(path)


# Found by the property tests above and by the evasion test in test_hostile.py.
@pytest.mark.parametrize("text, match", [
    ("Пишите нам в WhatsÁpp сегодня.", "WhatsÁpp"),                 # Latin letter with a diacritic
    ("Пишите нам в телеѓрам сегодня.", "телеѓрам"),                 # Cyrillic letter with a diacritic
    ("Пишите нам в воtcaп сегодня.", "воtcaп"),                     # half the letters Latin look-alikes
    ("Пишите нам сюда: t е л е г р а м сегодня.", "t е л е г р а м"),  # spaced, first letter Latin
    ("Пишите нам в W h a t s A р p сегодня.", "W h a t s A р p"),   # spaced, one letter Cyrillic
    ("Пишите в т.е.л.е.г.у — ник sunny", "т.е.л.е.г.у"),           # a preposition before other separators
    ("Звоните 8 9O3 555 12 34", "8 9O3 555 12 34"),                 # a letter O for a zero
    ("Всё расписали в т3л3гр@мм3, ищите нас", "т3л3гр@мм3"),        # leetspeak with a digit at the end
    ("亲，加个vx吧：gz_shop888", "vx"),                              # a short name after a Chinese "add"
    ("Sk1pe: gadget.zone.help", "Sk1pe"),                           # leetspeak i for y
])
def test_regressions(text: str, match: str) -> None:
    assert match in [v.match for v in ozonlint.check(text)]


def test_regression_term_with_a_digit_inside(tmp_path: Path) -> None:
    # a term such as "word0x" met leetspeak folding on the draft's side only
    pack = tmp_path / "p.yaml"
    pack.write_text("rules:\n  - id: a.b\n    category: spam\n    severity: warning\n    kind: terms\n"
                    "    terms: [word0x]\n    message: {ru: р, en: e, zh: 中}\n"
                    "    examples: {bad: [word0x], good: [hello]}\n", encoding="utf-8")
    assert [v.rule for v in ozonlint.Linter.from_paths([pack]).check("a word0x b")] == ["a.b"]
