"""ozonlint: catch what gets an Ozon seller's reply to a buyer penalised, before it is sent.

    import ozonlint
    violations = ozonlint.check("draft reply")         # default rules, list[Violation]
    fixed = ozonlint.fix("draft reply")                # safe fixes applied
    result = ozonlint.review("draft reply")            # fixed text, fixes applied, what remains, action
    linter = ozonlint.Linter()                         # default packs, compiled once, thread-safe
    linter = ozonlint.Linter.from_paths(["my_rules/"]) # default packs plus these
    linter.check(text)
    [v.to_dict() for v in violations]                 # JSON-ready dicts (the contract's fields)
    [v.in_language("zh") for v in violations]         # the messages in another language, per call
"""
from .engine import ExampleFailure, Linter, Rule, RuleTimeoutError, default_linter
from .fix import Fix, Review
from .model import Category, Severity, Violation
from .rulepack import RulePackError

__version__ = "0.1.0"


def check(text: str) -> "list[Violation]":
    """Violations of the default rules in ``text``, sorted by position; a
    ``TypeError`` for anything but a ``str``."""
    return default_linter().check(text)


def fix(text: str, unsafe: bool = False) -> str:
    """``text`` with the default rules' safe fixes applied (unsafe ones too when ``unsafe``);
    a ``TypeError`` for anything but a ``str``."""
    return default_linter().fix(text, unsafe)


def review(text: str, unsafe: bool = False) -> Review:
    """One call before sending: the fixed text, the fixes applied, the findings
    that remain (with severities) and the ``action``: send, send-fix or stop."""
    return default_linter().review(text, unsafe)


__all__ = [
    "Category",
    "ExampleFailure",
    "Fix",
    "Linter",
    "Rule",
    "Review",
    "RulePackError",
    "RuleTimeoutError",
    "Severity",
    "Violation",
    "__version__",
    "check",
    "fix",
    "review",
]


def __dir__() -> "list[str]":
    """The public names only (not the submodules an import leaves behind)."""
    return sorted(__all__)
