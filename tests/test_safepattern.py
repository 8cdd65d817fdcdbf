"""Every user pattern goes through SafePattern: validated, bounded, budgeted.

A pattern from a rule pack or a configuration that backtracks forever, or
that would take gigabytes to compile, must end as a one-line error or a
"not verified" input — never a hang, an out-of-memory kill or a silent pass.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import CliRunner

import ozonlint
from ozonlint.cli import main
from ozonlint.safepattern import PatternError, PatternTimeout, SafePattern, check_source

SLOW_TEXT = "x" * 60
SLOW = "(x|xx)+y"  # exponential on a run of x without a y
# the same, for a context pattern: read from the end of the text before a hit, and with no
# word it needs (a class, not a letter), so that it is searched for at all
SLOW_FROM_THE_END = r"[y](x|xx)+\s"


@pytest.fixture(autouse=True)
def short_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ozonlint.safepattern.PATTERN_TIMEOUT", 0.2)


@pytest.mark.parametrize("source, reason", [
    ("a{1000000000}", "repeat count"),
    ("(?:ab){5000}", "repeat count"),
    ("(a{100}){200}", "multiply"),
    ("((a{10}){10}){101}", "multiply"),
    ("(" * 5000 + "a" + ")" * 5000, "nested too deeply"),
    ("[a-", "unterminated"),
])
def test_refused_before_it_costs_anything(source: str, reason: str) -> None:
    started = time.perf_counter()
    with pytest.raises(PatternError, match=reason):
        SafePattern(source)
    assert time.perf_counter() - started < 5  # not a timing threshold: a 24 GB compile never gets here


@pytest.mark.parametrize("source", ["a{2,5}x{3}", r"\{1000000\}", "(?:ab){0,1000}", "(a{100})(b{100}){50}", "[{]"])
def test_ordinary_repeats_and_literal_braces_pass(source: str) -> None:
    check_source(source)


def test_a_time_out_is_pattern_timeout_not_an_os_error() -> None:
    pattern = SafePattern(SLOW, owner="user.slow")
    for call in (pattern.search, pattern.match, pattern.finditer):
        with pytest.raises(PatternTimeout) as info:
            call(SLOW_TEXT)
        assert info.value.rule == "user.slow"
    with pytest.raises(PatternTimeout):
        pattern.sub("", SLOW_TEXT)


def test_pickles_as_its_source() -> None:
    import pickle

    pattern = SafePattern("ab+c", owner="r.x")
    copy = pickle.loads(pickle.dumps(pattern))
    assert copy.search("xxabbbc").span() == (2, 7) and copy.owner == "r.x"


def _pack(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text("rules:\n  - id: user.rule\n    category: spam\n    severity: warning\n"
                    "    message: {ru: р, en: e, zh: 中}\n" + body, encoding="utf-8")
    return path


PACKS = {
    "prefilter": f"    kind: pattern\n    patterns: ['y']\n    prefilter: '{SLOW}'\n"
                 "    examples: {bad: ['xxy'], good: ['z']}\n",
    "context filter": f"    kind: terms\n    terms: [shop]\n    unless_preceded_by: ['{SLOW_FROM_THE_END}']\n"
                      "    examples: {bad: ['shop'], good: ['z']}\n",
    "phone context": f"    kind: phone\n    unless_preceded_by: ['{SLOW}']\n"
                     "    examples: {bad: ['Звоните 8 916 555-12-34'], good: ['z']}\n",
}


@pytest.mark.parametrize("where", sorted(PACKS))
def test_every_user_pattern_is_budgeted(tmp_path: Path, where: str) -> None:
    linter = ozonlint.Linter.from_paths([_pack(tmp_path, PACKS[where])])
    text = SLOW_TEXT + " shop Звоните 8 916 555-12-34"
    with pytest.raises(ozonlint.RuleTimeoutError) as info:
        linter.check(text)
    assert info.value.rule == "user.rule"


@pytest.mark.parametrize("body, reason", [
    ("    kind: pattern\n    patterns: ['a{1000000000}']\n    examples: {bad: ['a'], good: ['b']}\n",
     "repeat count"),
    ("    kind: pattern\n    patterns: ['a']\n    prefilter: '" + "(" * 3000 + "a" + ")" * 3000 + "'\n"
     "    examples: {bad: ['a'], good: ['b']}\n", "nested too deeply"),
    ("    kind: script\n    scripts: ['Han}](?:.*?,){30}z[\\p{Han']\n    examples: {bad: ['中'], good: ['b']}\n",
     "not a Unicode script name"),
])
def test_bad_patterns_name_file_and_line(tmp_path: Path, body: str, reason: str) -> None:
    pack = _pack(tmp_path, body)
    with pytest.raises(ozonlint.RulePackError) as info:
        ozonlint.Linter.from_paths([pack])
    assert str(pack) in str(info.value) and reason in str(info.value)
    assert info.value.line is not None and info.value.line > 1


def test_config_placeholder_pattern_is_budgeted(tmp_path: Path) -> None:
    (tmp_path / ".ozonlint.yaml").write_text(f"placeholders: ['{SLOW}']\n", encoding="utf-8")
    draft = tmp_path / "reply.txt"
    draft.write_text(SLOW_TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(draft)],
                                env={"OZONLINT_PATTERN_TIMEOUT": "0.2"})
    assert result.exit_code == 2, result.output
    assert "not verified" in result.stderr
    assert json.loads(result.stdout) == []


def test_config_refuses_a_huge_placeholder_repeat(tmp_path: Path) -> None:
    (tmp_path / ".ozonlint.yaml").write_text("placeholders: ['x{999999999}']\n", encoding="utf-8")
    draft = tmp_path / "reply.txt"
    draft.write_text("hello", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(draft)])
    assert result.exit_code == 2
    assert "placeholders" in result.stderr and "repeat count" in result.stderr
