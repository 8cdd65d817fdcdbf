"""The value types every part of ozonlint shares: severities, categories, violations."""
from __future__ import annotations

import enum
from typing import Any, Dict, Literal, NamedTuple, Optional


class Severity(str, enum.Enum):
    """How serious a violation is; compares by rank (error > warning > info)."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def __str__(self) -> str:
        return self.value


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Category(str, enum.Enum):
    """The fixed list of categories from the contract."""

    EXTERNAL_CONTACT = "external-contact"
    REVIEW_INCENTIVE = "review-incentive"
    EXTRA_PAYMENT = "extra-payment"
    OFF_PLATFORM = "off-platform"
    LANGUAGE = "language"
    SPAM = "spam"
    PERSONAL_DATA = "personal-data"
    STYLE = "style"
    PLACEHOLDER = "placeholder"

    def __str__(self) -> str:
        return self.value


LANGUAGES = ("ru", "en", "zh")

# A violation's severity as the string it is in JSON (``Severity`` is the enum of the same values).
SeverityName = Literal["error", "warning", "info"]


class Violation(NamedTuple):
    """One finding, with its span in the original text (``match == text[start:end]``).

    (A NamedTuple rather than a dataclass: importing ``dataclasses`` costs more
    than a check, and ``import ozonlint`` sits on every message's path.)"""

    rule: str
    category: str
    severity: SeverityName
    message: str
    match: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    suggestion: Optional[str] = None
    messages: Optional[Dict[str, str]] = None  # the message in every language
    key: Optional[str] = None                  # key path of the template inside a YAML/JSON/CSV file
    fix: Optional[Any] = None                  # the planned ozonlint.fix.Fix: span, applicability, scope

    def to_dict(self, path: Optional[str] = None) -> Dict[str, Any]:
        """The contract's JSON object: a plain ``dict`` of str, int and None values
        (``json.dumps(v.to_dict())`` works; ``json.dumps(v)`` would give a list),
        ``path`` first when given, and ``key`` for a template inside a YAML, JSON
        or CSV file."""
        data: Dict[str, Any] = {}
        if path is not None:
            data["path"] = path
        data.update(
            line=self.line,
            column=self.column,
            end_line=self.end_line,
            end_column=self.end_column,
            start=self.start,
            end=self.end,
            rule=self.rule,
            category=self.category,
            severity=self.severity,
            message=self.message,
            match=self.match,
            suggestion=self.suggestion,
            fix=self.fix.to_dict() if self.fix is not None else None,
        )
        if self.key is not None:
            data["key"] = self.key
        return data

    def in_language(self, lang: str) -> "Violation":
        """The same violation with its message in ``lang`` (ru, en or zh); the
        Linter's own ``lang`` only chooses the default, so one Linter serves readers
        of every language (``[v.in_language("zh") for v in linter.check(text)]``)."""
        text = (self.messages or {}).get(lang)
        if text is None or text == self.message:
            return self
        return self._replace(message=text)
