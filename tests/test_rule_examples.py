"""Every rule of every shipped pack passes its own examples (one test case per example)."""
from __future__ import annotations

import pytest

import ozonlint

_LINTER = ozonlint.Linter()


def _cases():
    for rule in _LINTER.all_rules:
        for i, example in enumerate(rule.spec.bad_examples):
            text = example["text"] if isinstance(example, dict) else example
            want = example.get("match") if isinstance(example, dict) else None
            yield pytest.param(rule.id, text, want, True, id=f"{rule.id}-bad{i}")
        for i, text in enumerate(rule.spec.good_examples):
            yield pytest.param(rule.id, text, None, False, id=f"{rule.id}-good{i}")


@pytest.mark.parametrize("rule_id, text, want_match, reported", list(_cases()))
def test_rule_example(rule_id: str, text: str, want_match, reported: bool) -> None:
    rule = next(r for r in _LINTER.all_rules if r.id == rule_id)
    matches = _LINTER._matches(rule, text)
    if reported:
        assert matches, f"{rule_id} should report {text!r}"
        if want_match is not None:
            assert want_match in matches
    else:
        assert not matches, f"{rule_id} should not report {text!r}, got {matches!r}"


def test_every_rule_has_examples_of_both_kinds() -> None:
    for rule in _LINTER.all_rules:
        assert rule.spec.bad_examples and rule.spec.good_examples, rule.id


def test_self_test_agrees() -> None:
    assert _LINTER.self_test() == []


def test_every_category_is_covered_by_a_default_rule() -> None:
    covered = {r.category for r in _LINTER.all_rules}
    assert covered == {c.value for c in ozonlint.Category}


def test_style_rules_are_never_errors() -> None:
    for rule in _LINTER.all_rules:
        if rule.category == "style":
            assert rule.severity in ("warning", "info"), rule.id
