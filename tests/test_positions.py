"""Line starts and line/column: one module, the same answer for the engine and the file layer."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import ozonlint
from ozonlint.pipeline import FileSettings, check_text
from ozonlint.positions import line_starts, position

PACKAGE = Path(ozonlint.__file__).parent


@pytest.mark.parametrize("text, starts", [
    ("", [0]),
    ("one", [0]),
    ("one\n", [0, 4]),
    ("a\r\nb\rc\nd", [0, 3, 5, 7]),
    ("a\u2028b\x85c\fd\ve", [0]),              # splitlines' other breaks do not end a line here
    ("a\u2028b\nc", [0, 4]),
    ("\n\n", [0, 1, 2]),
])
def test_line_starts(text: str, starts: list) -> None:
    assert list(line_starts(text)) == starts


def test_position_is_one_based_in_characters() -> None:
    text = "Добрый день\r\nПишите в WhatsApp"
    starts = line_starts(text)
    offset = text.index("WhatsApp")
    assert position(starts, 0) == (1, 1)
    assert position(starts, offset) == (2, 10)
    assert position(starts, len(text)) == (2, 18)


def test_engine_and_file_layer_place_findings_alike(linter: ozonlint.Linter) -> None:
    text = "Здравствуйте!\u2028Спасибо\r\nПишите\rв WhatsApp\n"
    starts = line_starts(text)
    from_draft = linter.check(text)
    from_file = check_text(linter, "draft.txt", text, FileSettings(template_mode=False)).violations
    assert [v.match for v in from_draft] == ["WhatsApp"] and [v.match for v in from_file] == ["WhatsApp"]
    for v in from_draft + from_file:
        assert (v.line, v.column) == position(starts, v.start) == (3, 3)
        assert (v.end_line, v.end_column) == position(starts, v.end)


def test_only_positions_counts_lines() -> None:
    """No second home for line counting: the engine and the file layer import it."""
    defining = []
    for module in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name.lstrip("_") in ("line_starts", "position"):
                defining.append(module.relative_to(PACKAGE).as_posix())
    assert defining == ["positions.py", "positions.py"]
