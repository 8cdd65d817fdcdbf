"""Configuration files: discovery, keys, overrides, errors; baselines."""
from __future__ import annotations

import json
import os
from pathlib import Path

from conftest import CliRunner, assert_no_crash

from ozonlint.cli import main


def check(*args: str, cwd: Path = None):
    old = os.getcwd()
    if cwd:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, ["check", "--format", "json", *args])
    finally:
        os.chdir(old)
    assert_no_crash(result)
    return result, (json.loads(result.stdout) if result.stdout.strip() else [])


def make_repo(tmp_path: Path, config: str, name: str = ".ozonlint.yaml") -> Path:
    (tmp_path / name).write_text(config, encoding="utf-8")
    sub = tmp_path / "templates" / "ru"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text("Пишите в Telegram, Telegraph Home рядом!!!", encoding="utf-8")
    (sub / "legacy.txt").write_text("Спасибо!!! Пишите в вотсап", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "x.txt").write_text("Пишите в WhatsApp", encoding="utf-8")
    return tmp_path


def test_config_found_by_walking_up_and_applied(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, """
lang: zh
allow: [Telegraph Home]
ignore: [style.exclamations]
per-file-ignores:
  "templates/ru/legacy.txt": [external-contact]
exclude: ["drafts/*"]
""")
    _, data = check(str(repo / "templates"), str(repo / "drafts" / "x.txt"))
    assert [(Path(v["path"]).name, v["rule"]) for v in data] == [("a.txt", "contact.messenger")]
    assert data[0]["message"].startswith("提到了")


def test_pyproject_tool_table(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, '[tool.ozonlint]\nselect = ["style"]\nfail-on = "info"\n', "pyproject.toml")
    result, data = check(str(repo / "templates"))
    assert {v["category"] for v in data} == {"style"}
    assert result.exit_code == 1  # fail-on info


def test_command_line_overrides_configuration(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, "lang: zh\nselect: [style]\n")
    _, data = check("--lang", "ru", "--select", "external-contact", str(repo / "templates" / "ru" / "a.txt"))
    assert {v["category"] for v in data} == {"external-contact"}
    assert data[0]["message"].startswith("Упоминание")


def test_no_config_and_explicit_config(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, "select: [style]\n")
    _, ignored = check("--no-config", str(repo / "templates" / "ru" / "a.txt"))
    assert "external-contact" in {v["category"] for v in ignored}
    other = tmp_path / "other.yaml"
    other.write_text("ignore: [external-contact, style]\n", encoding="utf-8")
    result, data = check("--config", str(other), str(repo / "templates" / "ru" / "a.txt"))
    assert data == [] and result.exit_code == 0


def test_extends_merges_lists_and_overrides_values(tmp_path: Path) -> None:
    (tmp_path / "base.yaml").write_text("lang: zh\nallow: [Telegraph Home]\n", encoding="utf-8")
    repo = make_repo(tmp_path, "extends: base.yaml\nlang: en\nallow: [Telegram]\n")
    _, data = check(str(repo / "templates" / "ru" / "a.txt"))
    assert not any(v["category"] == "external-contact" for v in data)  # both allow lists apply
    assert all(not v["message"].startswith("提") for v in data)


def test_extra_rule_pack_relative_to_the_config(tmp_path: Path) -> None:
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "shop.yaml").write_text(
        "rules:\n  - id: shop.rival\n    category: off-platform\n    severity: error\n    kind: terms\n"
        "    terms: [rivalshop]\n    message: {ru: р, en: Rival shop, zh: 中}\n"
        "    examples: {bad: [rivalshop], good: [ozon]}\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("Есть и в RivalShop", encoding="utf-8")
    (tmp_path / ".ozonlint.yaml").write_text("rules: [packs/shop.yaml]\n", encoding="utf-8")
    _, data = check(str(tmp_path / "t.txt"))
    assert [v["rule"] for v in data] == ["shop.rival"]


def test_invalid_configuration_names_file_and_key(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, "lang: de\n")
    result, _ = check(str(repo / "templates"))
    assert result.exit_code == 2
    assert ".ozonlint.yaml: lang: must be one of ru, en, zh" in result.stderr
    (tmp_path / ".ozonlint.yaml").write_text("colour: red\n", encoding="utf-8")
    result, _ = check(str(repo / "templates"))
    assert result.exit_code == 2 and "colour: unknown key" in result.stderr
    (tmp_path / ".ozonlint.yaml").write_text("placeholders: ['(unclosed']\n", encoding="utf-8")
    result, _ = check(str(repo / "templates"))
    assert result.exit_code == 2 and "placeholders: invalid pattern" in result.stderr


def test_custom_placeholder_syntax(tmp_path: Path) -> None:
    (tmp_path / ".ozonlint.yaml").write_text("placeholders: ['<<[^<>]+>>']\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("Почта: <<shop@mail.ru>>", encoding="utf-8")
    _, data = check(str(tmp_path / "t.txt"))
    assert data == []


def test_baseline_reports_only_new_findings(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, "exclude: ['drafts/*']\n")
    runner = CliRunner()
    old = os.getcwd()
    os.chdir(repo)
    try:
        made = runner.invoke(main, ["baseline", "templates", "-o", ".ozonlint-baseline.json"])
        assert made.exit_code == 0, made.stderr
        stored = (repo / ".ozonlint-baseline.json").read_text(encoding="utf-8")
        assert "вотсап" not in stored and "Telegram" not in stored  # hashes only
        result = runner.invoke(main, ["check", "--format", "json", "--baseline", ".ozonlint-baseline.json",
                                      "templates"])
        assert json.loads(result.stdout) == [] and result.exit_code == 0
        # the same finding moved down a line is still known; a new one is reported
        legacy = repo / "templates" / "ru" / "legacy.txt"
        legacy.write_text("Здравствуйте!\nСпасибо!!! Пишите в вотсап\nЗвоните 8 916 555 12 34", encoding="utf-8")
        result = runner.invoke(main, ["check", "--format", "json", "--baseline", ".ozonlint-baseline.json",
                                      "templates"])
        assert [v["rule"] for v in json.loads(result.stdout)] == ["contact.phone"]
        assert result.exit_code == 1
    finally:
        os.chdir(old)
