"""The ``ozonlint`` command, through click's runner and through the installed script."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CliRunner, assert_no_crash

from ozonlint.cli import main

BAD = "Видео распаковки могу скинуть в ватсап, мой номер 8 937 200 11 45."
CLEAN = "Здравствуйте! Отправление 27450913-0002-1 уже собрано."


def run(*args: str, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_check_text_json_contract() -> None:
    result = run("check", "--format", "json", "--text", BAD)
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert [v["rule"] for v in data] == ["contact.messenger", "contact.invitation", "contact.phone"]
    for v in data:
        assert v["path"] == "-"
        assert BAD[v["start"]:v["end"]] == v["match"]
        assert list(v) == ["path", "line", "column", "end_line", "end_column", "start", "end", "rule",
                           "category", "severity", "message", "match", "suggestion", "fix"]


def test_clean_text_exits_zero() -> None:
    result = run("check", "--format", "json", "--text", CLEAN)
    assert result.exit_code == 0 and json.loads(result.output) == []


def test_text_output_marks_the_span() -> None:
    result = run("check", "--no-color", "--text", "Пишите в WhatsApp")
    lines = result.output.splitlines()
    assert lines[0].startswith("-:1:10: error [contact.messenger]")
    assert lines[1] == "    Пишите в WhatsApp"
    assert lines[2] == "             ^^^^^^^^"
    assert "suggestion (safe fix): Пишите нам здесь, в чате Ozon." in result.output
    assert "Found 1 problem (1 error)." in result.output


def test_no_color_env_is_respected() -> None:
    result = CliRunner().invoke(main, ["check", "--text", "Пишите в WhatsApp"], env={"NO_COLOR": "1"}, color=True)
    assert "\x1b[" not in result.output
    coloured = CliRunner().invoke(main, ["check", "--text", "Пишите в WhatsApp"], color=True)
    assert "\x1b[" in coloured.output


@pytest.mark.parametrize("lang, start", [("ru", "Упоминание"), ("en", "Mentions"), ("zh", "提到了")])
def test_message_language(lang: str, start: str) -> None:
    data = json.loads(run("check", "--format", "json", "--lang", lang, "--text", "Пишите в WhatsApp").output)
    assert data[0]["message"].startswith(start)


def test_stdin_and_dash() -> None:
    result = run("check", "--format", "json", "-", input=BAD.encode())
    assert result.exit_code == 1 and json.loads(result.output)[0]["path"] == "-"
    piped = run("check", "--format", "json", input=CLEAN.encode())
    assert piped.exit_code == 0


def test_fail_on_threshold() -> None:
    shouting = "ВНИМАНИЕ! ЗАКАЗ НЕ ОТМЕНЯТЬ!"
    assert run("check", "--text", shouting).exit_code == 0
    assert run("check", "--fail-on", "warning", "--text", shouting).exit_code == 1


def test_select_and_ignore_options() -> None:
    both = "Пишите в WhatsApp, кэшбэк за отзыв"
    only = json.loads(run("check", "--format", "json", "--select", "review-incentive", "--text", both).output)
    assert {v["category"] for v in only} == {"review-incentive"}
    rest = json.loads(run("check", "--format", "json", "--ignore", "contact,review.reward", "--text", both).output)
    assert {v["rule"] for v in rest} == {"review.cashback-phrase"}


def test_files_are_sorted_by_path(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Пишите в телегу", encoding="utf-8")
    (tmp_path / "c.txt").write_text(CLEAN, encoding="utf-8")
    data = json.loads(run("check", "--format", "json", str(tmp_path / "b.txt"), str(tmp_path / "a.txt"),
                          str(tmp_path / "c.txt")).output)
    paths = [Path(v["path"]).name for v in data]
    assert paths == sorted(paths) and set(paths) == {"a.txt", "b.txt"}


def test_directory_is_walked_and_binary_skipped(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("Пишите в телегу", encoding="utf-8")
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x00\x00\x00")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(tmp_path)])
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)) == 1
    assert "skipped: binary file" in result.stderr


def test_unreadable_inputs_get_a_message_and_exit_2(tmp_path: Path) -> None:
    bad_utf8 = tmp_path / "latin1.txt"
    bad_utf8.write_bytes("Grüße für München".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text("Пишите в телегу", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(bad_utf8), str(tmp_path / "missing.txt"),
                                       str(good)])
    assert result.exit_code == 2
    assert "not UTF-8 text" in result.stderr and "no such file" in result.stderr
    assert_no_crash(result)
    assert len(json.loads(result.stdout)) == 1  # the good file was still checked


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(b"\xff\xfe" + "Пишите в телегу".encode("utf-16-le"))
    data = json.loads(run("check", "--format", "json", str(path)).output)
    assert data[0]["match"] == "телегу"


def test_fix_text_prints_fixed_draft() -> None:
    result = run("check", "--fix", "--text", "Пишите в WhatsApp!!!")
    assert result.output == "Пишите нам здесь, в чате Ozon."
    assert result.exit_code == 0 and result.stderr == ""  # nothing remains


def test_fix_file_in_place_keeps_bytes_outside_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "reply.txt"
    original = "\ufeffДобрый день!\r\nПишите в WhatsApp.\r\nСпасибо за заказ! Кэшбэк за отзыв 100 ₽.\r\n"
    path.write_bytes(original.encode("utf-8"))
    os.chmod(path, 0o640)
    result = CliRunner().invoke(main, ["check", "--fix", "--format", "json", str(path)])
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    fixed = original.replace("Пишите в WhatsApp.", "Пишите нам здесь, в чате Ozon.").replace(
        "Кэшбэк за отзыв 100 ₽.", "Будем благодарны за ваш честный отзыв.")
    assert path.read_bytes() == fixed.encode("utf-8")
    assert oct(path.stat().st_mode & 0o777) == oct(0o640)
    mtime = path.stat().st_mtime_ns
    again = CliRunner().invoke(main, ["check", "--fix", str(path)])
    assert again.exit_code == 0 and path.stat().st_mtime_ns == mtime  # nothing to fix: not touched


def test_rules_command() -> None:
    table = run("rules")
    assert "contact.messenger" in table.output and "external-contact" in table.output
    data = json.loads(run("rules", "--format", "json").output)
    assert {"id", "category", "severity", "kind", "fixable", "message", "source"} <= set(data[0])


def test_explain_command() -> None:
    result = run("explain", "contact.phone")
    assert "contact.phone" in result.output and "Звоните: 8 (921) 404-55-66." in result.output
    unknown = CliRunner().invoke(main, ["explain", "contact.phon"])
    assert unknown.exit_code == 2 and "did you mean: contact.phone" in unknown.stderr


def test_test_rules_command(tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "rules:\n  - id: shop.rival\n    category: off-platform\n    severity: error\n    kind: terms\n"
        "    terms: [rivalshop]\n    message: {ru: р, en: e, zh: 中}\n"
        "    examples:\n      bad: [rivalshop]\n      good: ['rivalshop is fine']\n", encoding="utf-8")
    result = run("test-rules", str(pack))
    assert result.exit_code == 1
    assert "good example is reported" in result.output and "1 failure." in result.output


def test_invalid_rule_pack_exits_2(tmp_path: Path) -> None:
    pack = tmp_path / "broken.yaml"
    pack.write_text("rules:\n  - id: x.y\n    category: nope\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--rules", str(pack), "--text", "hi"])
    assert result.exit_code == 2
    assert f"{pack}:2" in result.stderr
    assert_no_crash(result)


def test_nothing_to_check_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["check", "--bogus"])
    assert result.exit_code == 2


def _console_script() -> str:
    candidate = Path(sys.executable).with_name("ozonlint")
    return str(candidate) if candidate.exists() else (shutil.which("ozonlint") or "")


@pytest.mark.skipif(not _console_script(), reason="ozonlint is not installed as a console script")
def test_installed_console_script(tmp_path: Path) -> None:
    proc = subprocess.run([_console_script(), "check", "--format", "json", "--text", BAD],
                          capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert proc.returncode == 1
    assert json.loads(proc.stdout)[0]["rule"] == "contact.messenger"
    module = subprocess.run([sys.executable, "-m", "ozonlint", "rules", "--format", "json"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert module.returncode == 0 and len(json.loads(module.stdout)) > 20


def test_command_exit_leaves_nothing_unwritten(tmp_path: Path) -> None:
    """``python -m ozonlint`` (like the console script) exits without the
    interpreter's teardown: exit codes, messages and every byte of a large
    report, on stdout and in -o files, must still arrive."""
    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "ozonlint", *args], input=stdin, capture_output=True,
                              text=True, cwd=tmp_path, timeout=120)

    assert run("check", "--text", CLEAN).returncode == 0
    usage = run("check", "--no-such-option")
    assert usage.returncode == 2 and "no-such-option" in usage.stderr
    lines = "".join(json.dumps({"id": i, "text": f"{BAD} {i}"}, ensure_ascii=False) + "\n" for i in range(3000))
    batch = run("check", "--jsonl", "-", stdin=lines)
    assert batch.returncode == 1
    out = batch.stdout.splitlines()
    assert len(out) == 3000 and json.loads(out[-1])["id"] == 2999
    report = tmp_path / "report.json"
    (tmp_path / "drafts.txt").write_text("\n\n".join(f"{BAD} {i}" for i in range(2000)), encoding="utf-8")
    assert run("check", "--format", "json", "-o", str(report), "drafts.txt").returncode == 1
    assert len(json.loads(report.read_text(encoding="utf-8"))) >= 2000


def test_jobs_give_the_same_output_in_the_same_order(tmp_path: Path) -> None:
    drafts = [BAD, CLEAN, "Пишите в телегу @shop_help", "Кэшбэк за отзыв 100 ₽", "微信 sunny88"]
    for i in range(40):
        (tmp_path / f"reply_{i:03d}.txt").write_text(drafts[i % len(drafts)], encoding="utf-8")
    serial = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "1", str(tmp_path)])
    parallel = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "4", str(tmp_path)])
    assert serial.exit_code == parallel.exit_code == 1
    assert serial.stdout == parallel.stdout
    assert len(json.loads(serial.stdout)) > 40


def test_jsonl_batch_mode(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join([
        json.dumps({"id": 1, "text": BAD}, ensure_ascii=False),
        json.dumps({"id": "b", "text": CLEAN}, ensure_ascii=False),
        "not json",
        json.dumps({"id": 3, "text": "Пишите в телегу"}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--jsonl", str(batch)])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == [1, "b", None, 3]
    assert lines[0]["violations"][0]["rule"] == "contact.messenger" and "path" not in lines[0]["violations"][0]
    assert lines[1]["violations"] == []
    assert lines[2]["line"] == 3 and "error" in lines[2]
    assert result.exit_code == 2  # one line could not be checked


def test_jsonl_from_stdin() -> None:
    result = CliRunner().invoke(main, ["check", "--jsonl", "-"],
                                input=json.dumps({"id": 7, "text": CLEAN}).encode() + b"\n")
    assert result.exit_code == 0 and json.loads(result.stdout) == {"id": 7, "violations": []}


def test_every_subpackage_ships_in_the_wheel() -> None:
    """pyproject.toml lists packages by hand (rules/ is mapped into the package):
    a new subpackage must be listed too, or the installed tool cannot import it."""
    root = Path(__file__).resolve().parents[1]
    listed = (root / "pyproject.toml").read_text(encoding="utf-8")
    for init in (root / "ozonlint").rglob("__init__.py"):
        name = ".".join(init.parent.relative_to(root).parts)
        assert f'"{name}"' in listed, f"{name} is missing from [tool.setuptools] packages"


def test_import_ozonlint_imports_no_engine_until_a_name_is_used() -> None:
    """The command sets the garbage collector up before the engine is imported
    (``__main__``): ``import ozonlint`` must leave that to the first use."""
    code = ("import sys, ozonlint\n"
            "print('ozonlint.engine' in sys.modules)\n"
            "ozonlint.Linter\n"
            "print('ozonlint.engine' in sys.modules, callable(ozonlint.fix))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.split() == ["False", "True", "True"]


def test_main_called_in_a_program_leaves_its_garbage_collector_alone() -> None:
    """Only the command's own process freezes its start-up objects for the collector."""
    import gc

    frozen, enabled = gc.get_freeze_count(), gc.isenabled()
    result = CliRunner().invoke(main, ["check", "--format", "json", "--text", BAD])
    assert result.exit_code == 1
    assert (gc.get_freeze_count(), gc.isenabled()) == (frozen, enabled)
