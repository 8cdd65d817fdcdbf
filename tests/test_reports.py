"""Output formats for CI: SARIF 2.1.0, GitHub annotations, JSON lines, --output."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import CliRunner

from ozonlint.cli import main


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    (tmp_path / "r.yaml").write_text('a: "Пишите в WhatsApp: +7 912 555 34 21"\nb: Кэшбэк за отзыв\n',
                                     encoding="utf-8")
    (tmp_path / "t.txt").write_text("Спасибо!!!", encoding="utf-8")
    return tmp_path


def test_sarif_structure(repo: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--no-config", "--format", "sarif", str(repo)])
    doc = json.loads(result.stdout)
    assert doc["version"] == "2.1.0" and doc["$schema"].endswith("sarif-2.1.0.json")
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert "contact.messenger" in ids
    messenger = rules[ids.index("contact.messenger")]
    assert messenger["help"]["text"] and messenger["shortDescription"]["text"]
    assert messenger["defaultConfiguration"]["level"] == "error"
    first = run["results"][0]
    assert ids[first["ruleIndex"]] == first["ruleId"]
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (1, 14)
    assert first["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "a"
    assert {r["level"] for r in run["results"]} <= {"error", "warning", "note"}


def _validator() -> str:
    return os.environ.get("SARIF_MULTITOOL") or shutil.which("sarif-multitool-linux") or ""


@pytest.mark.skipif(not _validator(), reason="the SARIF reference validator (npm @microsoft/sarif-multitool-linux) "
                                             "is not installed; set SARIF_MULTITOOL to its path")
def test_sarif_passes_the_reference_validator(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.sarif"
    CliRunner().invoke(main, ["check", "--no-config", "--format", "sarif", "-o", str(out), str(repo)])
    log = tmp_path / "validation.sarif"
    subprocess.run([_validator(), "validate", "-o", str(log), str(out)], check=True, capture_output=True,
                   timeout=300)
    problems = json.loads(log.read_text(encoding="utf-8"))["runs"][0].get("results", [])
    assert problems == []


def test_github_annotations_and_auto_selection(repo: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--no-config", str(repo / "r.yaml")], env={"GITHUB_ACTIONS": "true"})
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::error file=")
    assert ",line=1,col=14,endLine=1,endColumn=22,title=contact.messenger::" in lines[0]
    assert lines[0].endswith("(a)")


def test_output_file_and_jsonl(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.jsonl"
    result = CliRunner().invoke(main, ["check", "--no-config", "--format", "jsonl", "-o", str(out), str(repo)])
    assert result.stdout == ""
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and all("rule" in r and "path" in r for r in rows)


@pytest.mark.parametrize("color", ["--color", "--no-color"])
def test_terminal_escapes_in_the_text_are_shown_escaped(color: str) -> None:
    """Checked text may carry escape sequences (clear the screen, hide a line):
    the excerpt shows them as text, never sends them to the terminal."""
    from conftest import CliRunner

    from ozonlint.cli import main

    result = CliRunner().invoke(main, ["check", "--no-config", color, "--text",
                                       "\x1b[2J\x1b]0;title\x07Пишите в WhatsApp\x1b[31m!"])
    excerpt = result.stdout.splitlines()[1]
    assert "\\x1b[2J" in excerpt and "\\x07" in excerpt and "\\x1b[31m" in excerpt
    assert "\x1b[2J" not in result.stdout and "\x07" not in result.stdout
    carets = result.stdout.splitlines()[2]
    assert click_unstyle(carets).index("^") == excerpt.index("WhatsApp")


def click_unstyle(text: str) -> str:
    import click

    return click.unstyle(text)
