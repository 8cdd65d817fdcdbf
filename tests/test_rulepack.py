"""Invalid rule packs are refused with the file, the line and the reason."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import GOOD_RULE

import ozonlint
from ozonlint import RulePackError


def write(tmp_path: Path, text: str, name: str = "pack.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load_error(tmp_path: Path, text: str) -> RulePackError:
    path = write(tmp_path, text)
    with pytest.raises(RulePackError) as info:
        ozonlint.Linter.from_paths([path])
    assert info.value.path == str(path)
    return info.value


def test_a_valid_pack_loads_and_works(tmp_path: Path) -> None:
    linter = ozonlint.Linter.from_paths([write(tmp_path, GOOD_RULE)])
    assert [v.rule for v in linter.check("Есть в RivalShop дешевле")] == ["shop.brand-rival"]


@pytest.mark.parametrize("old, new, line, reason", [
    ("    kind: terms\n", "    kind: terms\n    colour: red\n", 6, "unknown key 'colour'"),
    ("category: off-platform", "category: offplatform", 3, "unknown category 'offplatform'"),
    ("severity: error", "severity: fatal", 4, "unknown severity 'fatal'"),
    ("kind: terms", "kind: fuzzy", 5, "unknown rule kind 'fuzzy'"),
    ('      zh: "竞争对手"\n', "", 7, "missing its 'zh' translation"),
    ("id: shop.brand-rival", "id: Brand Rival", 2, "must be dotted lower-case words"),
    ('    examples:\n      bad: ["Купите в RivalShop"]\n      good: ["Купите на Ozon"]\n', "", 2,
     "needs 'examples'"),
    ("terms: [rivalshop]", "vocab: [rivals]", 6, "unknown vocabulary 'rivals'"),
    ("terms: [rivalshop]", "terms: [no]", 6, "read as a YAML boolean"),
    ("terms: [rivalshop]", "terms: [1688]", 6, "is not text"),
])
def test_invalid_rule(tmp_path: Path, old: str, new: str, line: int, reason: str) -> None:
    assert old in GOOD_RULE
    error = load_error(tmp_path, GOOD_RULE.replace(old, new))
    assert error.line == line
    assert reason in error.reason


def test_invalid_regex(tmp_path: Path) -> None:
    text = GOOD_RULE.replace("kind: terms", "kind: pattern").replace("terms: [rivalshop]", "patterns: ['riv(al']")
    error = load_error(tmp_path, text)
    assert error.line == 6
    assert "invalid pattern" in error.reason


def test_rule_failing_its_own_example(tmp_path: Path) -> None:
    error = load_error(tmp_path, GOOD_RULE.replace('good: ["Купите на Ozon"]', 'good: ["RivalShop рядом"]'))
    assert error.line == 11
    assert "good example is reported" in error.reason


def test_bad_example_not_reported(tmp_path: Path) -> None:
    error = load_error(tmp_path, GOOD_RULE.replace('bad: ["Купите в RivalShop"]', 'bad: ["Купите на Ozon"]'))
    assert "bad example is not reported" in error.reason


def test_duplicate_rule_id(tmp_path: Path) -> None:
    text = GOOD_RULE + GOOD_RULE[len("rules:\n"):]
    error = load_error(tmp_path, text)
    assert error.line == 14 and "duplicate rule id" in error.reason


def test_rule_id_clashing_with_a_default_rule(tmp_path: Path) -> None:
    error = load_error(tmp_path, GOOD_RULE.replace("shop.brand-rival", "contact.phone"))
    assert "duplicate rule id 'contact.phone'" in error.reason


def test_invalid_yaml_syntax(tmp_path: Path) -> None:
    error = load_error(tmp_path, "rules:\n  - id: [unclosed\n")
    assert error.line is not None and "invalid YAML" in error.reason


def test_yaml_object_tags_are_refused(tmp_path: Path) -> None:
    error = load_error(tmp_path, "rules: !!python/object/apply:os.system ['echo pwned']\n")
    assert "invalid YAML" in error.reason


def test_yaml_bomb_is_refused_quickly(tmp_path: Path) -> None:
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        bomb.append(f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
    error = load_error(tmp_path, "\n".join(bomb) + "\n")
    assert "aliases are not allowed" in error.reason


def test_unknown_top_level_key(tmp_path: Path) -> None:
    error = load_error(tmp_path, "rulez: []\n")
    assert error.line == 1 and "unknown top-level key 'rulez'" in error.reason


def test_missing_pack_file(tmp_path: Path) -> None:
    with pytest.raises(RulePackError) as info:
        ozonlint.Linter.from_paths([tmp_path / "nope.yaml"])
    assert "no such rule pack" in str(info.value)


def test_vocabulary_shared_across_packs(tmp_path: Path) -> None:
    write(tmp_path, "vocabularies:\n  rivals: [rivalshop, rival-market]\n", "a_vocab.yaml")
    write(tmp_path, GOOD_RULE.replace("terms: [rivalshop]", "vocab: [rivals]"), "b_rules.yaml")
    linter = ozonlint.Linter.from_paths([tmp_path])
    assert [v.match for v in linter.check("есть на rival-market") if v.rule == "shop.brand-rival"] == ["rival-market"]


def test_user_pack_can_use_default_vocabulary(tmp_path: Path) -> None:
    text = GOOD_RULE.replace("terms: [rivalshop]", "vocab: [messengers]").replace(
        "Купите в RivalShop", "Пишите в вотсап")
    linter = ozonlint.Linter.from_paths([write(tmp_path, text)])
    assert "shop.brand-rival" in {v.rule for v in linter.check("Пишите в телегу")}
