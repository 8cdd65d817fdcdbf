"""Template files: formats, positions, key paths, placeholders, suppressions, fixes."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from conftest import CliRunner, assert_no_crash

from ozonlint.cli import main

YAML = """\
# Шаблоны ответов
delay:
  ru: "Здравствуйте, {{ name }}! Пишите в WhatsApp: +7 912 555 34 21"
  en: 'Hello {name}, email us at {email}, call {{ shop_phone }}'
nested:
  - reply: "Пишите в \\u0442елегу"
  - reply: "Escaped \\"quote\\" and телега"
block: |
  Добрый день!
  Кэшбэк за отзыв 100 ₽
"""

JSON_TEXT = """{
  "replies": [
    {"id": 1, "text": "Пишите в \\u0442елегу @shop_help"},
    {"id": 2, "text": "Заказ {order_id} отправлен, трек {track}, почта {email}"}
  ],
  "meta": {"author": "Иван"}
}
"""

CSV_TEXT = ('id,text,lang\r\n1,"Звоните, 8 916 555-12-34",ru\r\n2,Спасибо за заказ,ru\r\n'
            '3,"Он сказал ""WhatsApp""",ru\r\n')

MD_TEXT = """# Ответы

<!-- ozonlint-disable contact.url, spam.classifier -- ссылка на нашу витрину на Ozon -->
Наша витрина: sunny-shop.ru
<!-- ozonlint-enable -->

Пишите в вотсап, {name}!
"""


def run_json(*args: str):
    result = CliRunner().invoke(main, ["check", "--format", "json", "--no-config", *args])
    assert_no_crash(result)
    return result, (json.loads(result.stdout) if result.stdout.strip() else [])


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_yaml_positions_keys_and_placeholders(tmp_path: Path) -> None:
    path = write(tmp_path, "replies.yaml", YAML)
    result, data = run_json(str(path))
    text = path.read_text(encoding="utf-8")
    found = {(v["rule"], v["match"], v["line"], v["column"], v["key"]) for v in data}
    assert ("contact.messenger", "WhatsApp", 3, 43, "delay.ru") in found
    assert ("contact.phone", "+7 912 555 34 21", 3, 53, "delay.ru") in found
    assert ("contact.messenger", "\\u0442елегу", 6, 22, "nested[0].reply") in found
    assert ("contact.messenger", "телега", 7, 35, "nested[1].reply") in found
    assert any(v["key"] == "block" and v["line"] == 10 and v["category"] == "review-incentive" for v in data)
    for v in data:
        assert text[v["start"]:v["end"]] == v["match"]
        line = text.splitlines()[v["line"] - 1]
        assert line[v["column"] - 1:].startswith(v["match"].split("\n")[0])
    # placeholders are never contacts, and are not reported in template mode (a classifier's
    # finding is a whole sentence, which may hold one: "email us at {email}" is an invitation);
    # one whose name says it holds a contact is a contact
    assert not any(v["category"] == "placeholder" for v in data)
    assert not any("{" in v["match"] for v in data
                   if v["rule"] != "contact.placeholder" and not v["rule"].endswith(".classifier"))
    assert result.exit_code == 1


def test_json_strings_with_escapes(tmp_path: Path) -> None:
    path = write(tmp_path, "replies.json", JSON_TEXT)
    _, data = run_json(str(path))
    assert [(v["rule"], v["match"], v["line"], v["key"]) for v in data] == [
        ("contact.messenger", "\\u0442елегу", 3, "replies[0].text"),
        ("contact.handle", "@shop_help", 3, "replies[0].text"),
        ("contact.placeholder", "{email}", 4, "replies[1].text"),  # it will hold an e-mail address
    ]


def test_csv_template_column(tmp_path: Path) -> None:
    path = write(tmp_path, "replies.csv", CSV_TEXT)
    _, data = run_json(str(path))
    assert [(v["rule"], v["match"], v["line"], v["column"], v["key"]) for v in data] == [
        ("contact.phone", "8 916 555-12-34", 2, 13, "text[row 2]"),
        ("contact.messenger", "WhatsApp", 4, 16, "text[row 4]"),
    ]


def test_csv_column_option(tmp_path: Path) -> None:
    path = write(tmp_path, "r.csv", "reply_ru,note\nПишите в телегу,Пишите в WhatsApp\n")
    _, data = run_json("--csv-column", "note", str(path))
    assert [v["match"] for v in data] == ["WhatsApp"]
    result, _ = run_json(str(path))  # no text/template/message/reply column
    assert result.exit_code == 2 and "no column named" in result.stderr


def test_markdown_region_suppression_and_placeholder(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.md", MD_TEXT)
    _, data = run_json(str(path))
    assert [(v["rule"], v["match"], v["line"]) for v in data] == [("contact.messenger", "вотсап", 7)]


def test_text_mode_reports_placeholders_template_mode_masks_them(tmp_path: Path) -> None:
    draft = "Здравствуйте, {{name}}! Ваш заказ {order_id}, почта {email}"
    _, as_text = run_json("--text", draft)
    assert {v["rule"] for v in as_text} == {"placeholder.unfilled", "contact.placeholder"}
    _, as_template = run_json("--template", "--text", draft)
    assert [v["rule"] for v in as_template] == ["contact.placeholder"]  # {email} holds a contact
    path = write(tmp_path, "t.txt", draft)
    _, file_default = run_json(str(path))
    assert [v["rule"] for v in file_default] == ["contact.placeholder"]
    _, file_no_template = run_json("--no-template", str(path))
    assert {v["rule"] for v in file_no_template} == {"placeholder.unfilled", "contact.placeholder"}


@pytest.mark.parametrize("placeholder", ["{email}", "{{ shop_phone }}", "%s", "%(phone)s", "$phone", "${email}",
                                         "{0}", "[ТЕЛЕФОН]"])
def test_placeholders_are_never_contacts(tmp_path: Path, placeholder: str) -> None:
    """Never a phone, an e-mail or a handle; a placeholder named for a contact
    is reported as what it will hold (contact.placeholder), nothing else."""
    path = write(tmp_path, "t.txt", f"Пишите нам: {placeholder}, ответим сразу.")
    _, data = run_json(str(path))
    named_for_a_contact = placeholder not in ("%s", "{0}")
    assert [v["rule"] for v in data] == (["contact.placeholder"] if named_for_a_contact else [])


def test_yaml_suppression_comment_and_unused_and_missing_reason(tmp_path: Path) -> None:
    text = ("a: Пишите в WhatsApp  # ozonlint: disable=contact.messenger -- название клиента\n"
            "# ozonlint: disable=external-contact\n"
            "b: Звоните 8 916 555 12 34\n"
            "c: Спасибо!  # ozonlint: disable=contact.phone -- не нужно\n")
    path = write(tmp_path, "s.yaml", text)
    _, data = run_json(str(path))
    assert [(v["rule"], v["line"]) for v in data] == [("suppression.no-reason", 2), ("suppression.unused", 4)]


def test_invalid_structured_file_is_an_input_error(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.yaml", "a: [unclosed\n")
    good = write(tmp_path, "good.txt", "Пишите в телегу")
    result, data = run_json(str(bad), str(good))
    assert result.exit_code == 2
    assert f"{bad}:" in result.stderr and "invalid YAML" in result.stderr
    assert [Path(v["path"]).name for v in data] == ["good.txt"]


def _changed_regions(old: str, new: str):
    import difflib
    return [op for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if op[0] != "equal"]


@pytest.mark.parametrize("name, text, parse", [
    ("r.yaml", YAML, yaml.safe_load),
    ("r.json", JSON_TEXT, json.loads),
    ("r.csv", CSV_TEXT, lambda t: list(csv.reader(io.StringIO(t)))),
    ("r.md", MD_TEXT, lambda t: t),
])
def test_fix_keeps_files_valid_and_changes_only_the_spans(tmp_path: Path, name: str, text: str, parse) -> None:
    path = write(tmp_path, name, text)
    _, before = run_json(str(path))
    fixable = [v for v in before if v["suggestion"] is not None]
    assert fixable
    result = CliRunner().invoke(main, ["check", "--fix", "--no-config", "--format", "json", str(path)])
    assert_no_crash(result)
    fixed = path.read_bytes().decode("utf-8")
    parse(fixed)  # still valid
    regions = _changed_regions(text, fixed)
    spans = [(v["fix"]["start"], v["fix"]["end"]) for v in fixable]
    for _, i1, i2, _, _ in regions:
        assert any(s <= i1 and i2 <= e for s, e in spans), (i1, i2, text[i1:i2])
    # idempotent: a second fix changes nothing and does not touch the file
    stamp = path.stat().st_mtime_ns
    CliRunner().invoke(main, ["check", "--fix", "--no-config", str(path)])
    assert path.read_bytes().decode("utf-8") == fixed and path.stat().st_mtime_ns == stamp


def test_fix_escapes_replacements_for_the_format(tmp_path: Path) -> None:
    path = write(tmp_path, "q.json", '{"a": "WhatsApp"}\n')
    pack = write(tmp_path, "pack.yaml",
                 "rules:\n  - id: shop.quote\n    category: style\n    severity: warning\n    kind: terms\n"
                 "    terms: [whatsapp]\n    suggestion: 'say \"hi\"\\\\'\n"
                 "    message: {ru: р, en: e, zh: 中}\n"
                 "    examples: {bad: [whatsapp], good: [hello]}\n")
    CliRunner().invoke(main, ["check", "--fix", "--no-config", "--select", "shop.quote", "--rules", str(pack),
                              str(path)])
    # the suggestion (say "hi" and two backslashes) comes back intact from the escaped JSON
    assert json.loads(path.read_text(encoding="utf-8")) == {"a": 'say "hi"\\\\'}


def test_fix_preserves_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffДобрый день!\r\nПишите в WhatsApp.\r\n".encode("utf-8"))
    CliRunner().invoke(main, ["check", "--fix", "--no-config", str(path)])
    assert path.read_bytes() == "\ufeffДобрый день!\r\nПишите нам здесь, в чате Ozon.\r\n".encode("utf-8")


def test_diff_prints_and_does_not_write(tmp_path: Path) -> None:
    path = write(tmp_path, "d.yaml", "a: Пишите в WhatsApp\n")
    result = CliRunner().invoke(main, ["check", "--diff", "--no-config", str(path)])
    assert "-a: Пишите в WhatsApp" in result.stdout and "+a: Пишите нам здесь, в чате Ozon." in result.stdout
    assert path.read_text(encoding="utf-8") == "a: Пишите в WhatsApp\n"


def test_binary_file_in_a_folder_is_skipped_with_a_note(tmp_path: Path) -> None:
    write(tmp_path, "ok.txt", "Спасибо!")
    (tmp_path / "pic.txt").write_bytes(b"\x00\x01\x02binary")
    result = CliRunner().invoke(main, ["check", "--no-config", str(tmp_path)])
    assert result.exit_code == 0 and "skipped: binary file" in result.stderr
