"""Inline suppression comments in template files, with a reason, and which of them were used.

YAML (the comment's line and the next one)::

    reply: "Пишите в WhatsApp"  # ozonlint: disable=contact.messenger -- brand name of our client

Markdown (a region, until ``ozonlint-enable`` or the end of the file)::

    <!-- ozonlint-disable contact.url -- our own Ozon store link -->
    ...
    <!-- ozonlint-enable -->

A rule is named by id, id prefix or category. The comments themselves are
masked out of the checked text. A suppression that suppresses nothing, or
that gives no reason, is itself reported.
"""
from __future__ import annotations

from typing import List, NamedTuple, Optional, Tuple

import regex

from ..lazyre import lazy

_YAML = lazy(r"#\s*ozonlint:\s*disable\s*=\s*(?P<rules>[^\s#][^#]*?)(?:\s+--\s*(?P<reason>[^#]*?))?\s*$",
                      regex.MULTILINE)
_MD_DISABLE = lazy(r"<!--\s*ozonlint-disable\s+(?P<rules>[^\s>][^>]*?)(?:\s+--\s*(?P<reason>.*?))?\s*-->")
_MD_ENABLE = lazy(r"<!--\s*ozonlint-enable\s*-->")
_MD_ANY = lazy(r"<!--\s*ozonlint-(?:disable|enable)\b.*?-->", regex.DOTALL)


class Directive(NamedTuple):
    """One suppression comment: which rules, why, and the lines it covers."""

    rules: Tuple[str, ...]
    reason: str
    first_line: int
    last_line: int
    start: int          # file span of the comment
    end: int

    def covers(self, line: int, rule: str, category: str) -> bool:
        if not self.first_line <= line <= self.last_line:
            return False
        return any(sel in ("all", category, rule) or rule.startswith(sel.rstrip(".") + ".") for sel in self.rules)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _rules(raw: str) -> Tuple[str, ...]:
    return tuple(part.strip() for part in regex.split(r"[,\s]+", raw) if part.strip())


def directives(kind: str, text: str) -> List[Directive]:
    """The suppression comments of a file of ``kind`` (yaml or markdown)."""
    found: List[Directive] = []
    if kind == "yaml":
        if "ozonlint" not in text:
            return found
        for m in _YAML.finditer(text):
            line = _line_of(text, m.start())
            found.append(Directive(_rules(m.group("rules")), (m.group("reason") or "").strip(),
                                   line, line + 1, m.start(), m.end()))
    elif kind == "markdown":
        if "ozonlint-" not in text:
            return found
        enables = [m.start() for m in _MD_ENABLE.finditer(text)]
        for m in _MD_DISABLE.finditer(text):
            end_offset = next((e for e in enables if e > m.end()), len(text))
            found.append(Directive(_rules(m.group("rules")), (m.group("reason") or "").strip(),
                                   _line_of(text, m.start()), _line_of(text, end_offset), m.start(), m.end()))
    return found


def mask_comments(kind: str, text: str) -> str:
    """Markdown: the suppression comments blanked out (same length), so they are never checked."""
    if kind != "markdown" or "ozonlint-" not in text:
        return text
    return _MD_ANY.sub(lambda m: "".join(ch if ch in "\r\n" else " " for ch in m.group()), text)


MESSAGES = {
    "suppression.unused": {
        "ru": "Комментарий ozonlint: disable ничего не подавляет: удалите его.",
        "en": "This ozonlint suppression comment suppresses nothing: remove it.",
        "zh": "此 ozonlint 抑制注释没有抑制任何问题：请删除。",
    },
    "suppression.no-reason": {
        "ru": "Укажите причину подавления после « -- ».",
        "en": "Give the reason for this suppression after \" -- \".",
        "zh": "请在“ -- ”之后写明抑制原因。",
    },
}


def applies(directives_: List[Directive], line: int, rule: str, category: str) -> Optional[int]:
    """Index of the first directive that suppresses this finding, or None."""
    for index, directive in enumerate(directives_):
        if directive.covers(line, rule, category):
            return index
    return None
