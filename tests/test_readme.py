"""The README's examples run as shown.

A fenced block whose info string is ``console`` holds ``$ command`` lines,
each followed by the output it must print (standard output and standard
error, as a terminal shows them, without colour). A fenced block whose info
string names ``file=PATH`` is written to PATH first. All of them run in one
empty folder, in README order, with the installed ``ozonlint`` and messages
in English unless a command says otherwise.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import List, Tuple

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
_FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```$", re.M | re.S)


def _blocks() -> Tuple[List[Tuple[str, str]], List[Tuple[str, str]]]:
    """(files: path, content), (examples: command, expected output)."""
    files, examples = [], []
    for info, body in _FENCE.findall(README.read_text(encoding="utf-8")):
        words = info.split()
        named = [w[len("file="):] for w in words if w.startswith("file=")]
        if named:
            files.append((named[0], body))
        elif words[:1] == ["console"]:
            command, output = None, []
            for line in body.splitlines():
                if line.startswith("$ "):
                    if command is not None:
                        examples.append((command, "\n".join(output)))
                    command, output = line[2:], []
                else:
                    output.append(line)
            if command is not None:
                examples.append((command, "\n".join(output)))
    return files, examples


FILES, EXAMPLES = _blocks()


def test_the_readme_has_examples_to_run() -> None:
    assert len(EXAMPLES) >= 5 and FILES


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    for name, content in FILES:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return folder


@pytest.mark.parametrize("command, expected", EXAMPLES, ids=[c[:60] for c, _ in EXAMPLES])
def test_readme_example(workdir: Path, command: str, expected: str) -> None:
    env = dict(os.environ, NO_COLOR="1", PYTHONIOENCODING="utf-8")
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    env.pop("GITHUB_ACTIONS", None)
    result = subprocess.run(["bash", "-c", command], cwd=workdir, env=env, capture_output=True, text=True,
                            encoding="utf-8", timeout=120)
    assert (result.stdout + result.stderr).rstrip("\n") == expected.rstrip("\n")
