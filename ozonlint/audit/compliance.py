"""Seller messages through the same Linter as ``check``: one finding per message with violations."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from ..engine import Linter
from ..model import Severity
from .records import SELLER, Message, iso

SEVERITY_RANK = {s.value: s.rank for s in Severity}


def checkable(message: Message) -> bool:
    """Only the shop's own text is checked: seller messages that are not images and hold text."""
    return message.role == SELLER and not message.is_image and bool(message.text.strip())


def finding(message: Message, violations: List[Any], lang: str) -> Dict[str, Any]:
    """The JSON object of one seller message with violations (violations as ``check --format json`` has them)."""
    worst = max(violations, key=lambda v: SEVERITY_RANK[v.severity]).severity
    return {
        "chat_id": message.chat_id,
        "message_id": message.message_id,
        "time": iso(message.time),
        "manager": message.author,
        "order": message.order,
        "place": message.place,
        "severity": worst,
        "text": message.text,
        "violations": [v.in_language(lang).to_dict() for v in violations],
    }


def check_message(linter: Linter, message: Message, lang: str) -> Optional[Dict[str, Any]]:
    """The finding for ``message``, or None when it is clean (or not the shop's text)."""
    if not checkable(message):
        return None
    violations = linter.check(message.text)
    return finding(message, violations, lang) if violations else None
