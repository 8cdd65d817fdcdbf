"""Selectors (rule ids, id prefixes, categories): an unknown one is an error, never a silent clean run."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CliRunner, assert_no_crash

import ozonlint
from ozonlint.cli import main
from ozonlint.engine import UnknownSelectorError

DRAFT = "Пишите в WhatsApp"


@pytest.mark.parametrize("options, unknown, suggestion", [
    ({"select": ["payments"]}, "payments", "payment"),
    ({"select": ["contcat"]}, "contcat", "contact"),
    ({"select": ["extrnal-contact"]}, "extrnal-contact", "external-contact"),
    ({"ignore": ["nosuchrule"]}, "nosuchrule", None),
    ({"ignore": "stlye"}, "stlye", "style"),
    ({"severity": {"spamm": "error"}}, "spamm", "spam"),
])
def test_library_refuses_an_unknown_selector(options: dict, unknown: str, suggestion) -> None:
    with pytest.raises(ValueError) as caught:
        ozonlint.Linter(**options)
    assert isinstance(caught.value, UnknownSelectorError) and caught.value.selector == unknown
    assert repr(unknown) in str(caught.value)
    if suggestion is None:
        assert "did you mean" not in str(caught.value)
    else:
        assert f"did you mean: {suggestion}" in str(caught.value)


@pytest.mark.parametrize("selector", ["external-contact", "contact", "contact.", "contact.phone", "placeholder",
                                      "suppression.unused", "suppression.no-reason", "suppression"])
def test_known_selectors_are_accepted(selector: str) -> None:
    ozonlint.Linter(ignore=[selector])


def test_a_string_is_one_selector_not_its_letters(linter: ozonlint.Linter) -> None:
    as_string = ozonlint.Linter(ignore="style")
    as_list = ozonlint.Linter(ignore=["style"])
    assert [r.id for r in as_string.rules] == [r.id for r in as_list.rules]
    assert {r.category for r in as_string.rules} == {r.category for r in linter.rules} - {"style"}
    assert [r.id for r in ozonlint.Linter(select="contact.phone").rules] == ["contact.phone"]


def test_a_string_allow_is_one_term() -> None:
    text = "Наш магазин Shop Telegram Home. Пишите в Telegram"
    found = [v.match for v in ozonlint.Linter(allow="Shop Telegram Home").check(text)]
    assert found == [v.match for v in ozonlint.Linter(allow=["Shop Telegram Home"]).check(text)]
    assert found == ["Telegram"] and text.rindex("Telegram") == len(text) - len("Telegram")


def test_selectors_must_be_strings() -> None:
    with pytest.raises(ValueError, match="must be strings"):
        ozonlint.Linter(select=[1])


def _check(*args: str):
    result = CliRunner().invoke(main, ["check", "--format", "json", *args])
    assert_no_crash(result)
    return result


@pytest.mark.parametrize("args, flag, suggestion", [
    (["--select", "contcat"], "--select", "contact"),
    (["--ignore", "nosuchrule"], "--ignore", None),
    (["--select", "contact", "--extend-select", "paymnt"], "--extend-select", "payment"),
    (["--ignore", "style,extrnal-contact"], "--ignore", "external-contact"),
])
def test_cli_unknown_selector_is_a_usage_error(args: list, flag: str, suggestion) -> None:
    result = _check("--no-config", *args, "--text", DRAFT)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"ozonlint: error: {flag}: unknown")
    if suggestion:
        assert f"did you mean: {suggestion}" in lines[0]


@pytest.mark.parametrize("config, key", [
    ("select: [extrnal-contact]\n", "select"),
    ("ignore: [contcat]\n", "ignore"),
    ("extend-select: [paymnt]\n", "select"),
    ("severity:\n  spamm: error\n", "severity"),
    ("per-file-ignores:\n  '*.txt': [contactt]\n", "per-file-ignores"),
])
def test_config_unknown_selector_names_the_file(tmp_path: Path, config: str, key: str) -> None:
    (tmp_path / ".ozonlint.yaml").write_text(config, encoding="utf-8")
    draft = tmp_path / "a.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = _check(str(draft))
    assert result.exit_code == 2 and result.stdout == ""
    assert f"{tmp_path / '.ozonlint.yaml'}: {key}: unknown" in result.stderr
    assert "did you mean" in result.stderr


def test_ignoring_a_suppression_rule_drops_its_findings(tmp_path: Path) -> None:
    draft = tmp_path / "a.md"
    draft.write_text("<!-- ozonlint-disable contact.url -- наша витрина -->\nСпасибо за заказ!\n"
                     "<!-- ozonlint-enable -->\n", encoding="utf-8")
    reported = _check("--no-config", "--fail-on", "info", str(draft))
    assert "suppression.unused" in reported.stdout
    quiet = _check("--no-config", "--fail-on", "info", "--ignore", "suppression.unused", str(draft))
    assert quiet.exit_code == 0 and "suppression.unused" not in quiet.stdout
