"""Fixing template files keeps every value what it was: a string, in the same place, with nothing lost."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from conftest import CliRunner, assert_no_crash

import ozonlint
from ozonlint.cli import main
from ozonlint.templates.placeholders import PlaceholderMasker


def _check(*args: str) -> list:
    result = CliRunner().invoke(main, ["check", "--no-config", "--format", "json", *args])
    assert_no_crash(result)
    return json.loads(result.stdout) if result.stdout.strip() else []


def _fix(*args: str) -> None:
    result = CliRunner().invoke(main, ["check", "--no-config", "--fix", *args])
    assert_no_crash(result)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


ANCHORS = """\
greeting: &g "Пишите в WhatsApp"
tagged: !!str Пишите в WhatsApp
both: &b !!str 'Пишите в WhatsApp'
copy: *g
"""


def test_anchor_and_tag_are_not_part_of_the_value(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.yaml", ANCHORS)
    found = _check(str(path))
    assert sorted((v["line"], v["column"], v["match"], v["key"]) for v in found) == [
        (1, 24, "WhatsApp", "greeting"), (2, 24, "WhatsApp", "tagged"), (3, 26, "WhatsApp", "both")]
    _fix(str(path))
    fixed = path.read_text(encoding="utf-8")
    lines = fixed.splitlines()
    assert lines[0].startswith('greeting: &g "') and lines[1].startswith("tagged: !!str ")
    assert lines[2].startswith("both: &b !!str '")
    data = yaml.safe_load(fixed)
    assert set(data) == {"greeting", "tagged", "both", "copy"}
    assert data["copy"] == data["greeting"]  # the alias follows its anchor's fixed value
    assert all("WhatsApp" not in value and "Ozon" in value for value in data.values())


def test_nested_aliases_are_checked_once_not_expanded(tmp_path: Path) -> None:
    from ozonlint.templates import segments

    levels = ['a: &a ["Пишите в WhatsApp"]']
    for level in range(1, 5):  # 10**4 copies of the value if aliases were expanded
        prev = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        levels.append(f"{name}: &{name} [{', '.join('*' + prev for _ in range(10))}]")
    text = "\n".join(levels) + "\n"
    assert len(segments("lol.yaml", text, PlaceholderMasker())) == 1
    found = _check(str(_write(tmp_path, "lol.yaml", text)))
    assert [(v["line"], v["match"]) for v in found] == [(1, "WhatsApp")]


def test_a_recursive_alias_is_checked_without_error(tmp_path: Path) -> None:
    found = _check(str(_write(tmp_path, "loop.yaml", 'a: &a ["Пишите в WhatsApp", *a]\n')))
    assert [v["match"] for v in found] == ["WhatsApp"]


@pytest.mark.parametrize("line", [
    "phone: 8 916 555-12-34",
    "code: 12345 t.me/shop_help",
    "date: 2024-01-01 wa.me/79161234567",
    "flag: yes @shop_help",
    "num: 1.5 @shop_help",
    "nothing: ~ @shop_help",
])
def test_a_fix_never_changes_a_value_s_type(tmp_path: Path, line: str) -> None:
    path = _write(tmp_path, "t.yaml", line + "\nother: 'спасибо'\n")
    assert _check(str(path)), "the case must have a finding to fix"
    _fix(str(path))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    key = line.split(":")[0]
    assert set(data) == {key, "other"} and data["other"] == "спасибо"
    assert isinstance(data[key], str)  # never null, a number, a date or a boolean
    assert not [v for v in _check(str(path)) if v["severity"] == "error"]


PACK = """\
rules:
  - id: shop.word
    category: spam
    severity: error
    kind: terms
    terms: [zzword]
    message: {ru: "Слово.", en: "Word.", zh: "词。"}
    suggestion: %s
    examples:
      bad: ["Мой zzword"]
      good: ["Спасибо за заказ"]
"""

STYLES = """\
plain: Мой zzword тут
single: 'Мой zzword'
double: "Мой zzword"
literal: |
  Мой zzword
  тут
folded: >
  Мой zzword
  тут
flow: {k: Мой zzword, j: [Мой zzword]}
last: Мой zzword
"""


@pytest.mark.parametrize("suggestion", ["a #b", "a\\nnew: key", "- x", "'q'", "\\\"dq\\\" \\\\", "x, [y]: {z}",
                                        "tab\\there", ""])
def test_suggestions_are_escaped_for_every_yaml_style(tmp_path: Path, suggestion: str) -> None:
    pack = _write(tmp_path, "pack.yaml", PACK % f'"{suggestion}"')
    written = yaml.safe_load(f'"{suggestion}"')
    path = _write(tmp_path, "s.yaml", STYLES)
    _fix("--rules", str(pack), "--select", "shop.word", str(path))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    expected = yaml.safe_load(STYLES.replace("zzword", "QQMARK"))

    linter = ozonlint.Linter.from_paths([pack], select=["shop.word"])

    def fill(value):  # each value fixed as the same text would be as a draft
        if isinstance(value, dict):
            return {k: fill(v) for k, v in value.items()}
        if isinstance(value, list):
            return [fill(v) for v in value]
        return linter.fix(value.replace("QQMARK", "zzword")) if written == "" else value.replace("QQMARK", written)

    assert data == fill(expected)


def test_a_comment_after_a_block_indicator(tmp_path: Path) -> None:
    text = "a: |  # note\n  Пишите в WhatsApp\n  ещё строка\nb: Пишите в WhatsApp\n"
    path = _write(tmp_path, "c.yaml", text)
    found = _check(str(path))
    assert sorted((v["line"], v["column"], v["match"]) for v in found) == [(2, 12, "WhatsApp"), (4, 13, "WhatsApp")]
    _fix(str(path))
    fixed = path.read_text(encoding="utf-8")
    assert fixed.startswith("a: |  # note\n  ") and "\n  ещё строка\nb: " in fixed
    assert "WhatsApp" not in fixed and fixed.count("Ozon") == 2
    assert yaml.safe_load(fixed)["a"].endswith("\nещё строка\n")


def test_a_bare_csv_cell_is_quoted_to_hold_a_comma(tmp_path: Path) -> None:
    pack = _write(tmp_path, "pack.yaml", PACK % '"a, \\"b\\""')
    path = _write(tmp_path, "r.csv", "id,text\n1,Мой zzword\n")
    _fix("--rules", str(pack), "--select", "shop.word", str(path))
    assert list(csv.reader(io.StringIO(path.read_text(encoding="utf-8")))) == [["id", "text"], ["1", 'Мой a, "b"']]


@pytest.mark.parametrize("name, before, after, same", [
    ("x.yaml", "a: '1'\n", "a: 1\n", False),
    ("x.yaml", "a: 'x'\n", "a: ''\n", True),
    ("x.yaml", "a: 'x'\n", "a:\n", False),
    ("x.yaml", "a: x\n", "a: x\nb: y\n", False),
    ("x.yaml", "a: x\n", "a: [x\n", False),
    ("x.json", '{"a": "1"}', '{"a": 1}', False),
    ("x.json", '{"a": "1"}', '{"a": "2"}', True),
    ("x.csv", "a,b\n1,2\n", "a,b\n1,2,3\n", False),
    ("x.csv", "a,b\n1,2\n", 'a,b\n1,"2,3"\n', True),
])
def test_same_structure(name: str, before: str, after: str, same: bool) -> None:
    from ozonlint.templates import same_structure

    assert same_structure(name, before, after) is same


def test_segments_keep_the_written_value_beside_the_masked_one() -> None:
    from ozonlint.templates import segments

    (segment,) = segments("x.yaml", 'a: "Привет, {name}"\n', PlaceholderMasker())
    assert segment.source == "Привет, {name}" and segment.text == "Привет,       "


@pytest.mark.parametrize("name, text", [("deep.json", "[" * 100_000), ("deep.yaml", "a: " + "[" * 5_000)])
def test_a_template_nested_too_deeply_is_a_clear_error(tmp_path: Path, name: str, text: str) -> None:
    path = _write(tmp_path, name, text)
    result = CliRunner().invoke(main, ["check", "--no-config", str(path)])
    assert result.exit_code == 2
    assert f"{path}: invalid {'JSON' if name.endswith('json') else 'YAML'}: nested too deeply" in result.stderr
