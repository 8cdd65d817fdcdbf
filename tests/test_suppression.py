"""Suppression comments: only real comments count, each covers what it says, and text files have none."""
from __future__ import annotations

import json
from pathlib import Path

from conftest import CliRunner, assert_no_crash

from ozonlint.cli import main


def _found(path: Path, *args: str) -> list:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args, str(path)])
    assert_no_crash(result)
    return [(v["rule"], v["line"]) for v in json.loads(result.stdout)] if result.stdout.strip() else []


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_comment_inside_a_yaml_string_is_text_not_a_suppression(tmp_path: Path) -> None:
    path = _file(tmp_path, "q.yaml", 'a: "Пишите в WhatsApp # ozonlint: disable=all -- ok"\n'
                                     "b: 'Пишите в WhatsApp # ozonlint: disable=all -- ok'\n")
    assert _found(path, "--no-config") == [("contact.messenger", 1), ("contact.messenger", 2)]


def test_a_comment_line_inside_a_block_scalar_is_text(tmp_path: Path) -> None:
    path = _file(tmp_path, "b.yaml", "a: |\n  # ozonlint: disable=all -- ok\n  Пишите в WhatsApp\n")
    assert _found(path, "--no-config") == [("contact.messenger", 3)]


def test_a_trailing_comment_covers_its_own_line_and_one_on_its_own_line_the_next(tmp_path: Path) -> None:
    path = _file(tmp_path, "t.yaml", 'a: "Пишите в WhatsApp"  # ozonlint: disable=external-contact -- our brand\n'
                                     'b: "Пишите в WhatsApp"\n'
                                     "# ozonlint: disable=contact.messenger -- our brand\n"
                                     'c: "Пишите в WhatsApp"\n'
                                     'd: "Пишите в WhatsApp"\n')
    assert _found(path, "--no-config") == [("contact.messenger", 2), ("contact.messenger", 5)]


def test_a_comment_on_a_block_header_covers_the_whole_block(tmp_path: Path) -> None:
    path = _file(tmp_path, "h.yaml", "a: |  # ozonlint: disable=contact.messenger -- our brand\n"
                                     "  Добрый день!\n  Пишите в WhatsApp\n"
                                     "b: |  # a note, not a suppression\n"
                                     "  Добрый день!\n  Пишите в WhatsApp\n")
    assert _found(path, "--no-config") == [("contact.messenger", 6)]


def test_a_markdown_region_left_open_is_reported(tmp_path: Path) -> None:
    path = _file(tmp_path, "o.md", "<!-- ozonlint-disable contact.messenger -- our brand -->\n"
                                   "Пишите в WhatsApp\n\nЕщё текст\n")
    assert _found(path, "--no-config") == [("suppression.unclosed", 1)]
    closed = _file(tmp_path, "c.md", "<!-- ozonlint-disable contact.messenger -- our brand -->\n"
                                     "Пишите в WhatsApp\n<!-- ozonlint-enable -->\nПишите в WhatsApp\n")
    assert _found(closed, "--no-config") == [("contact.messenger", 4)]


def test_text_json_and_csv_have_no_comments_and_use_per_file_ignores(tmp_path: Path) -> None:
    path = _file(tmp_path, "r.txt", "# ozonlint: disable=contact.messenger -- WhatsApp is our brand\n"
                                    "Добрый день! Пишите в WhatsApp\n")
    # the comment's own words are not findings; the line is template text that ozonlint does not obey
    assert _found(path, "--no-config") == [("suppression.unsupported", 1), ("contact.messenger", 2)]
    # a draft is checked whole: nothing in it is a comment
    result = CliRunner().invoke(main, ["check", "--no-config", "--format", "json", "--text",
                                       "# ozonlint: disable=all -- WhatsApp"])
    assert [v["rule"] for v in json.loads(result.stdout)] == ["contact.messenger"]
    # the way to suppress in them: per-file-ignores (the README's example)
    (tmp_path / "replies").mkdir()
    brand = [_file(tmp_path, "replies/brand.txt", "Добрый день! Пишите в WhatsApp\n"),
             _file(tmp_path, "replies/brand.json", '{"a": "Пишите в WhatsApp"}\n'),
             _file(tmp_path, "replies/brand.csv", "text\nПишите в WhatsApp\n")]
    other = _file(tmp_path, "replies/other.txt", "Пишите в WhatsApp\n")
    _file(tmp_path, ".ozonlint.yaml", 'per-file-ignores:\n  "replies/brand.*": [contact.messenger]\n')
    for suppressed in brand:
        assert _found(suppressed) == []
    assert _found(other) == [("contact.messenger", 1)]
