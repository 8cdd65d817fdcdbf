"""``ozonlint audit`` end to end: the README's example, exit statuses, options shared with ``check``."""
from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CliRunner
from test_audit_helpers import write_example

from ozonlint.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def run(*args, input=None, env=None):
    return CliRunner().invoke(main, ["audit", *args], input=input, env=env)


def readme_example():
    section = README.read_text(encoding="utf-8").split("## Shop audit", 1)[1].split("\n## ", 1)[0]
    block = section.split("\n\n    python -m ozonlint.audit.sample shop", 1)[1].split("\n\n", 1)[0]
    lines = ("python -m ozonlint.audit.sample shop" + block).splitlines()
    return [shlex.split(line.split("  #")[0].strip()) for line in lines if line.strip()]


def test_the_readme_example_runs(tmp_path):
    commands = readme_example()
    assert commands[0][:3] == ["python", "-m", "ozonlint.audit.sample"] and len(commands) >= 4
    outputs = []
    for command in commands:
        prefix = [sys.executable] if command[0] == "python" else [sys.executable, "-m", "ozonlint"]
        exe = prefix + command[1:]
        done = subprocess.run(exe, cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert done.returncode in (0, 1), (command, done.stderr)  # 1: the sample shop has violations
        assert done.stderr == "" or "error" not in done.stderr, done.stderr
        outputs.append(done.stdout)
    assert "Response rate" in outputs[1]
    html = (tmp_path / "shop" / "audit.html").read_text(encoding="utf-8")
    report = json.loads((tmp_path / "shop" / "audit.json").read_text(encoding="utf-8"))
    assert report["inputs"]["chats"] == 300 and f'>{report["inputs"]["chats"]}<' in html


def test_the_same_history_gives_the_same_figures_in_every_format(tmp_path):
    from ozonlint.audit import sample

    sample.write(str(tmp_path), 60, seed=3)
    reports = []
    for name in ("api", "export.csv", "history.jsonl"):
        result = run(str(tmp_path / name), "--format", "json", "--timezone", "Europe/Moscow")
        assert result.exit_code in (0, 1), result.output
        reports.append(json.loads(result.stdout))
    for report in reports:
        report["inputs"].pop("files")
        for key in ("by_manager", "by_chat", "worst_messages", "repeated_texts"):  # managers: ids vs names
            report["compliance"].pop(key)
        for waiting in report["response"]["waiting"]:
            waiting.pop("source")
        report["findings"] = [(f["chat_id"], f["time"], f["text"], f["violations"]) for f in report["findings"]]
    assert reports[0] == reports[1] == reports[2]
    assert reports[0]["compliance"]["violations"] > 0 and reports[0]["response"]["chats_waiting"] > 0


def test_exit_status_clean_found_and_skipped(tmp_path):
    write_example(tmp_path / "h")
    assert run(str(tmp_path / "h")).exit_code == 1                       # a WhatsApp number: an error
    assert run(str(tmp_path / "h"), "--ignore", "external-contact").exit_code == 0
    (tmp_path / "h" / "broken.json").write_text("{", encoding="utf-8")
    result = run(str(tmp_path / "h"), "--ignore", "external-contact")
    assert result.exit_code == 2
    assert f"{tmp_path / 'h' / 'broken.json'}:1: not valid JSON" in result.stderr


def test_select_and_rules_config_are_those_of_check(tmp_path):
    write_example(tmp_path / "h")
    (tmp_path / "h" / ".ozonlint.yaml").write_text("ignore: [contact.phone]\n", encoding="utf-8")
    report = json.loads(run(str(tmp_path / "h"), "--format", "json").stdout)
    assert {r["rule"] for r in report["compliance"]["by_rule"]} == {"contact.messenger"}
    report = json.loads(run(str(tmp_path / "h"), "--format", "json", "--no-config", "--select", "contact.phone").stdout)
    assert {r["rule"] for r in report["compliance"]["by_rule"]} == {"contact.phone"}


def test_standard_input_and_gzip(tmp_path):
    import gzip

    from test_audit_helpers import CHAT_A, rows

    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows("a", CHAT_A)).encode()
    for payload in (data, gzip.compress(data)):
        result = CliRunner().invoke(main, ["audit", "--format", "json"], input=payload)
        report = json.loads(result.stdout)
        assert report["inputs"]["messages"] == 7 and report["findings"][0]["place"] == "-:7"


@pytest.mark.parametrize("lang,word", [("ru", "Скорость ответа"), ("en", "Response times"), ("zh", "回复时效")])
def test_text_report_in_the_chosen_language(tmp_path, lang, word):
    write_example(tmp_path)
    assert word in run(str(tmp_path), "--lang", lang).stdout
    assert word in run(str(tmp_path), env={"OZONLINT_LANG": lang}).stdout


@pytest.mark.parametrize("args,message", [
    (["--column", "nonsense"], "bad --column"),
    (["--timezone", "Mars/Olympus"], "unknown time zone"),
    (["--working-hours", "18:00-09:00"], "bad working hours"),
    (["--working-days", "someday"], "bad working days"),
])
def test_bad_options_are_one_line_errors(tmp_path, args, message):
    write_example(tmp_path)
    result = run(str(tmp_path), *args)
    assert result.exit_code == 2 and message in result.stderr and result.stderr.count("\n") == 1


def test_bad_option_error_in_russian(tmp_path):
    write_example(tmp_path)
    result = run(str(tmp_path), "--lang", "ru", "--timezone", "Mars/Olympus")
    assert "неизвестный часовой пояс" in result.stderr


def test_missing_input_is_an_error(tmp_path):
    result = run(str(tmp_path / "nope.json"))
    assert result.exit_code == 2 and "no such file or folder" in result.stderr


def test_report_written_to_a_file(tmp_path):
    write_example(tmp_path / "h")
    result = run(str(tmp_path / "h"), "--format", "html", "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 1 and result.stdout == ""
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not any(name.endswith(".tmp") for name in os.listdir(tmp_path))


def test_help_lists_audit():
    assert "audit" in CliRunner().invoke(main, ["--help"]).output
    assert re.search(r"--within HOURS", CliRunner().invoke(main, ["audit", "--help"]).output)


def test_a_folder_without_histories_is_an_error(tmp_path):
    (tmp_path / "notes.txt").write_text("nothing here", encoding="utf-8")
    result = run(str(tmp_path))
    assert result.exit_code == 2 and "no history files" in result.stderr
