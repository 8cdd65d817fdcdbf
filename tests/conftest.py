"""Shared fixtures: one default Linter for the whole run (building it is the slow part)."""
from __future__ import annotations

import inspect
import os
import tempfile

import pytest
from click import testing

# The suite never reads or writes the user's compiled-rules cache.
os.environ["OZONLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="ozonlint-test-cache-")

# Messages in English whatever the machine's locale (tests of the locale set it themselves).
for _name in ("OZONLINT_LANG", "LC_MESSAGES", "LANG"):
    os.environ.pop(_name, None)
os.environ["LC_ALL"] = "C.UTF-8"

import ozonlint  # noqa: E402

# A valid one-rule pack that tests break one key at a time.
GOOD_RULE = """\
rules:
  - id: shop.brand-rival
    category: off-platform
    severity: error
    kind: terms
    terms: [rivalshop]
    message:
      ru: "Конкурент"
      en: "A rival shop"
      zh: "竞争对手"
    examples:
      bad: ["Купите в RivalShop"]
      good: ["Купите на Ozon"]
"""


class CliRunner(testing.CliRunner):
    """click's test runner with standard error kept apart on every click version
    (8.1 mixes it into ``output`` unless told not to; 8.2 has no such switch)."""

    def __init__(self, **kwargs) -> None:
        if "mix_stderr" in inspect.signature(testing.CliRunner.__init__).parameters:
            kwargs.setdefault("mix_stderr", False)
        super().__init__(**kwargs)


@pytest.fixture(scope="session")
def linter() -> ozonlint.Linter:
    return ozonlint.Linter()


def rules_of(linter: ozonlint.Linter, text: str) -> set:
    return {v.rule for v in linter.check(text)}


def categories_of(linter: ozonlint.Linter, text: str) -> set:
    return {v.category for v in linter.check(text)}


def assert_no_crash(result) -> None:
    """A CLI run ended by its own exit status, not by an exception.

    CliRunner keeps an exception's traceback out of ``result.stderr`` (it
    stores the exception and sets exit code 1), so looking for "Traceback" in
    stderr proves nothing; the exception itself must be checked."""
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"crashed: {result.exception!r}\n{result.stderr}")
