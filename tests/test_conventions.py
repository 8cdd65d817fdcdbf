"""What users of ruff, yamllint and Vale expect: the library's surface, conventions of the CLI."""
from __future__ import annotations

import json
import typing

import pytest

import ozonlint
from ozonlint.model import Violation


def test_to_dict_is_json_ready() -> None:
    v = ozonlint.check("Пишите в WhatsApp")[0]
    data = v.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["rule"] == "contact.messenger" and data["match"] == "WhatsApp"
    assert v.to_dict("a.txt")["path"] == "a.txt" and list(v.to_dict("a.txt"))[0] == "path"


def test_severity_is_a_literal() -> None:
    hint = typing.get_type_hints(Violation)["severity"]
    assert typing.get_origin(hint) is typing.Literal
    assert set(typing.get_args(hint)) == {"error", "warning", "info"}


@pytest.mark.parametrize("value", [None, b"WhatsApp", 42])
def test_check_and_fix_refuse_what_is_not_text(value: object) -> None:
    with pytest.raises(TypeError, match="takes a str"):
        ozonlint.check(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="takes a str"):
        ozonlint.fix(value)  # type: ignore[arg-type]


def test_public_namespace_is_clean() -> None:
    names = dir(ozonlint)
    assert "List" not in names and "annotations" not in names and "engine" not in names
    assert {"check", "fix", "Linter", "Violation"} <= set(names)


def test_in_language_per_call() -> None:
    v = ozonlint.Linter(lang="en").check("Пишите в WhatsApp")[0]
    assert v.in_language("zh").message.startswith("提到了")
    assert v.in_language("ru").message.startswith("Упоминание")


@pytest.mark.parametrize("draft, fixed", [
    ("Пишите: +7 912 555 34 21\nСпасибо", "Пишите:\nСпасибо"),
    ("Мой номер +7 912 555 34 21 \n", "Мой номер\n"),
    ("Звоните +7 912 555 34 21", "Звоните"),
])
def test_a_removal_leaves_no_trailing_blanks(draft: str, fixed: str) -> None:
    assert ozonlint.fix(draft) == fixed
