"""pipeline.py: one input in, its findings (and its fixed text) out."""
from __future__ import annotations

from typing import List

import ozonlint
from ozonlint.pipeline import FileSettings, check_and_fix, check_text


class CountingLinter(ozonlint.Linter):
    """The default Linter, remembering every text it was asked to check."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: List[str] = []

    def check(self, text: str, **options: object) -> list:  # type: ignore[override]
        self.asked.append(text)
        return super().check(text, **options)  # type: ignore[arg-type]


def test_check_and_fix_reports_the_input_the_fixed_text_and_what_remains() -> None:
    linter = CountingLinter()
    text = 'greeting: "Пишите в WhatsApp"\nthanks: "Спасибо за заказ!"\n'
    result = check_and_fix(linter, "replies.yaml", text, FileSettings())
    assert [v.rule for v in result.violations] == ["contact.messenger"]
    assert "WhatsApp" not in result.text and "чате Ozon" in result.text
    assert result.remaining == check_text(linter, "replies.yaml", result.text, FileSettings()).violations == []


def test_each_version_of_a_fixed_file_is_checked_once() -> None:
    linter = CountingLinter()
    text = 'greeting: "Пишите в WhatsApp"\n'
    fixed = check_and_fix(linter, "replies.yaml", text, FileSettings()).text
    # the input, then the fixed text (which has nothing left to fix): no text twice
    assert linter.asked == ["Пишите в WhatsApp", fixed.split('"')[1]]


def test_a_clean_file_is_checked_once_and_left_alone() -> None:
    linter = CountingLinter()
    text = 'thanks: "Спасибо за заказ!"\n'
    result = check_and_fix(linter, "replies.yaml", text, FileSettings())
    assert result.text == text and result.violations == result.remaining == []
    assert linter.asked == ["Спасибо за заказ!"]
