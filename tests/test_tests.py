"""The suite's own asserts: none that cannot fail."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import CliRunner, assert_no_crash

from ozonlint import cli

TESTS = Path(__file__).parent


def _asserts():
    for module in sorted(TESTS.glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assert):
                yield f"{module.name}:{node.lineno}", node.test


def test_no_assert_mixes_and_with_or() -> None:
    """``a and b or c`` passes whenever ``c`` holds: the precedence trap of test_hostile.run."""
    mixed = [where for where, test in _asserts()
             if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or)
             and any(isinstance(v, ast.BoolOp) for v in test.values)]
    assert mixed == []


def test_no_assert_is_always_true() -> None:
    """A tuple or a constant, or looking for a traceback in CliRunner's stderr (it is never there)."""
    vacuous = [where for where, test in _asserts()
               if isinstance(test, (ast.Tuple, ast.Constant)) or "'Traceback' not in" in ast.unparse(test)]
    assert vacuous == []


def test_assert_no_crash_catches_a_crash(monkeypatch) -> None:
    def crash(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "_collect", crash)
    result = CliRunner().invoke(cli.main, ["check", "--no-config", "--text", "hi"])
    assert result.exit_code == 1  # a crash looks like "findings" to the exit status
    with pytest.raises(AssertionError):
        assert_no_crash(result)


def test_cli_tests_use_the_runner_that_keeps_stderr_apart() -> None:
    """click 8.1 (Python 3.9) mixes standard error into the output unless told not
    to: every test takes conftest's CliRunner, which keeps them apart everywhere."""
    banned = "from click.testing " + "import CliRunner"  # (split: this file names it too)
    direct = [module.name for module in sorted(TESTS.glob("test_*.py"))
              if banned in module.read_text(encoding="utf-8")]
    assert direct == []
