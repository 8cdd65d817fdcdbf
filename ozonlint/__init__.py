"""ozonlint: catch what gets an Ozon seller's reply to a buyer penalised, before it is sent.

    import ozonlint
    violations = ozonlint.check("draft reply")         # default rules, list[Violation]
    fixed = ozonlint.fix("draft reply")                # safe suggestions applied
    linter = ozonlint.Linter()                         # default packs, compiled once, thread-safe
    linter = ozonlint.Linter.from_paths(["my_rules/"]) # default packs plus these
    linter.check(text)
"""
from __future__ import annotations

from typing import List

from .engine import ExampleFailure, Linter, Rule, RuleTimeoutError, default_linter
from .model import Category, Severity, Violation
from .rulepack import RulePackError

__version__ = "0.1.0"


def check(text: str) -> List[Violation]:
    """Violations of the default rules in ``text``, sorted by position."""
    return default_linter().check(text)


def fix(text: str) -> str:
    """``text`` with the default rules' safe suggestions applied."""
    return default_linter().fix(text)


__all__ = [
    "Category",
    "ExampleFailure",
    "Linter",
    "Rule",
    "RulePackError",
    "RuleTimeoutError",
    "Severity",
    "Violation",
    "__version__",
    "check",
    "fix",
]
