"""Inline suppression comments in template files, with a reason, and which of them were used.

YAML — only real comments count (a ``#`` inside a string value, or a ``#``
line inside a ``|`` block, is template text and suppresses nothing). A
comment after a value covers its own line; a comment on a line of its own
covers the next line (yamllint's ``disable-line`` and ``disable-next-line``).
A value that starts on a covered line is covered whole, so a comment can
cover a multi-line block scalar::

    reply: "Пишите в WhatsApp"  # ozonlint: disable=contact.messenger -- brand name of our client
    # ozonlint: disable=contact.url -- our own Ozon store link
    store: |
      Наша витрина: ozon.ru/seller/sunny

Markdown (a region, until ``ozonlint-enable``; one left open to the end of
the file is reported)::

    <!-- ozonlint-disable contact.url -- our own Ozon store link -->
    ...
    <!-- ozonlint-enable -->

Plain text, JSON and CSV have no comments: everything in them is template
text, so they are suppressed by ``per-file-ignores`` in the configuration. A
suppression comment written in a ``.txt`` template is reported
(``suppression.unsupported``) instead of being checked as a reply.

A rule is named by id, id prefix or category. The comments themselves are
masked out of the checked text. A suppression that suppresses nothing, or
that gives no reason, is itself reported.
"""
from __future__ import annotations

from typing import List, NamedTuple, Optional, Sequence, Tuple

import regex

from ..lazyre import lazy

_YAML = lazy(r"#\s*ozonlint:\s*disable\s*=\s*(?P<rules>[^\s#][^#]*?)(?:\s+--\s*(?P<reason>[^#]*?))?\s*$")
_MD_DISABLE = lazy(r"<!--\s*ozonlint-disable\s+(?P<rules>[^\s>][^>]*?)(?:\s+--\s*(?P<reason>.*?))?\s*-->")
_MD_ENABLE = lazy(r"<!--\s*ozonlint-enable\s*-->")
_MD_ANY = lazy(r"<!--\s*ozonlint-(?:disable|enable)\b.*?-->", regex.DOTALL)
# a line of a plain-text template written as if it were a suppression comment
_TEXT_DIRECTIVE = lazy(r"^[ \t]*(?:#\s*ozonlint\s*:\s*disable|<!--\s*ozonlint-(?:disable|enable))\b[^\r\n]*",
                       regex.MULTILINE)


class Directive(NamedTuple):
    """One suppression comment: which rules, why, and the lines it covers."""

    rules: Tuple[str, ...]
    reason: str
    first_line: int
    last_line: int
    start: int          # file span of the comment
    end: int
    closed: bool = True  # Markdown: an ozonlint-enable ends the region

    def covers(self, line: int, rule: str, category: str, value_line: Optional[int] = None) -> bool:
        """Whether a finding on ``line`` (in a value that starts on ``value_line``) is suppressed."""
        if not (self.first_line <= line <= self.last_line
                or value_line is not None and self.first_line <= value_line <= self.last_line):
            return False
        return any(sel in ("all", category, rule) or rule.startswith(sel.rstrip(".") + ".") for sel in self.rules)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _rules(raw: str) -> Tuple[str, ...]:
    return tuple(part.strip() for part in regex.split(r"[,\s]+", raw) if part.strip())


def directives(kind: str, text: str, comments: Sequence[Tuple[int, int]] = ()) -> List[Directive]:
    """The suppression comments of a file of ``kind``: in YAML, among its real ``comments`` (file spans)."""
    found: List[Directive] = []
    if kind == "yaml":
        for start, end in comments:
            m = _YAML.match(text, start, end)
            if m is None:
                continue
            line = _line_of(text, start)
            line_start = text.rfind("\n", 0, start) + 1
            covered = line if text[line_start:start].strip() else line + 1
            found.append(Directive(_rules(m.group("rules")), (m.group("reason") or "").strip(),
                                   covered, covered, start, end))
    elif kind == "markdown":
        if "ozonlint-" not in text:
            return found
        enables = [m.start() for m in _MD_ENABLE.finditer(text)]
        for m in _MD_DISABLE.finditer(text):
            end_offset = next((e for e in enables if e > m.end()), None)
            found.append(Directive(_rules(m.group("rules")), (m.group("reason") or "").strip(),
                                   _line_of(text, m.start()), _line_of(text, len(text) if end_offset is None
                                                                       else end_offset),
                                   m.start(), m.end(), end_offset is not None))
    return found


def text_directives(text: str) -> List[Tuple[int, int]]:
    """File spans of the lines of a plain-text template written as suppression comments."""
    if "ozonlint" not in text:
        return []
    return [(m.start(), m.end()) for m in _TEXT_DIRECTIVE.finditer(text)]


def mask_comments(kind: str, text: str) -> str:
    """Markdown: the suppression comments blanked out (same length), so they are never checked;
    plain text: the lines written as suppression comments (reported as unsupported instead)."""
    if kind == "text":
        spans = text_directives(text)
        if not spans:
            return text
        parts, pos = [], 0
        for start, end in spans:
            parts.append(text[pos:start])
            parts.append(" " * (end - start))
            pos = end
        parts.append(text[pos:])
        return "".join(parts)
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
    "suppression.unclosed": {
        "ru": "Нет <!-- ozonlint-enable --> после этого комментария: подавление действует до конца файла.",
        "en": "No <!-- ozonlint-enable --> after this comment: the suppression runs to the end of the file.",
        "zh": "此注释之后没有 <!-- ozonlint-enable -->：抑制一直持续到文件末尾。",
    },
    "suppression.unsupported": {
        "ru": "В файлах .txt, .json и .csv нет комментариев: эта строка — текст шаблона и уйдёт покупателю. "
              "Подавляйте через per-file-ignores в конфигурации.",
        "en": "Files .txt, .json and .csv have no comments: this line is template text and would reach the buyer. "
              "Suppress with per-file-ignores in the configuration.",
        "zh": ".txt、.json 和 .csv 文件没有注释：这一行是模板文本，会发送给买家。"
              "请在配置中使用 per-file-ignores 抑制。",
    },
}


def applies(directives_: List[Directive], line: int, rule: str, category: str,
            value_line: Optional[int] = None) -> Optional[int]:
    """Index of the first directive that suppresses this finding, or None."""
    for index, directive in enumerate(directives_):
        if directive.covers(line, rule, category, value_line):
            return index
    return None
