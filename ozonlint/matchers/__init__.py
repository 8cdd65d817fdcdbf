"""One matcher per rule kind; ``build`` turns a validated rule into its compiled matcher."""
from __future__ import annotations

from typing import Dict, List, Type

from ..rulepack import RuleSpec
from ..safepattern import PatternTimeout
from .base import Draft, GateIndex, Matcher
from .card import CardMatcher
from .classifier import ClassifierMatcher
from .contact_placeholder import ContactPlaceholderMatcher
from .email import EmailMatcher
from .handle import HandleMatcher
from .language import LanguageMatcher
from .params import Param
from .pattern import PatternMatcher
from .personal import PersonalDataMatcher
from .phone import PhoneMatcher
from .proximity import ProximityMatcher
from .script import ScriptMatcher
from .terms import TermsMatcher
from .url import UrlMatcher

MATCHERS: Dict[str, Type[Matcher]] = {
    "terms": TermsMatcher,
    "pattern": PatternMatcher,
    "proximity": ProximityMatcher,
    "script": ScriptMatcher,
    "language": LanguageMatcher,
    "phone": PhoneMatcher,
    "email": EmailMatcher,
    "url": UrlMatcher,
    "handle": HandleMatcher,
    "card": CardMatcher,
    "classifier": ClassifierMatcher,
    "contact-placeholder": ContactPlaceholderMatcher,
    "personal-data": PersonalDataMatcher,
}


def kind_params(kind: str) -> Dict[str, Param]:
    """The parameters the rule kind ``kind`` declares, by name."""
    return {p.name: p for p in MATCHERS[kind].PARAMS}


def build(spec: RuleSpec, vocabularies: Dict[str, List[str]]) -> Matcher:
    """The compiled matcher of a validated rule (raises RulePackError on bad parameters)."""
    return MATCHERS[spec.kind](spec, vocabularies)  # type: ignore[call-arg]


__all__ = ["MATCHERS", "Draft", "GateIndex", "Matcher", "PatternTimeout", "build"]
