"""Detector ``contact-placeholder``: a template placeholder whose name says it
holds a contact (``{{ shop_phone }}``, ``{shop_email}``, ``{site_url}``).

Whatever is filled in there is a phone, an e-mail or a link outside Ozon, so
it is reported in a draft and in template mode alike (where the masker marks
such placeholders instead of hiding them; see ``templates.placeholders``).
"""
from __future__ import annotations

from typing import Dict, List

from ..rulepack import RuleSpec
from ..templates.placeholders import contact_placeholders
from .base import Draft, Matcher, Span


class ContactPlaceholderMatcher(Matcher):
    PARAMS = ()

    def __init__(self, spec: RuleSpec, vocabularies: Dict[str, List[str]]) -> None:
        pass

    def find(self, draft: Draft) -> List[Span]:
        return contact_placeholders(draft.text)
