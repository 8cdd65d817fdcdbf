"""One act, one category: a prize draw for reviewers is a review bribe, not an advert.

Some wording serves two rules at once. A giveaway "among everyone who leaves a
review" matches the advertising words of ``spam`` and the reward-for-review
pair of ``review-incentive``; moderators (and the buyer) see one thing, the
bribe. A finding of a category listed here yields to a finding of the
category it names in the same sentence.
"""
from __future__ import annotations

from typing import Dict, FrozenSet, List, Sequence, Tuple

from ..matchers.base import Draft
from ..model import Category
from . import Candidate
from .role import sentence_of

YIELDS_TO: Dict[str, FrozenSet[str]] = {
    Category.SPAM.value: frozenset([Category.REVIEW_INCENTIVE.value]),
}
_YIELDED_TO = frozenset().union(*YIELDS_TO.values())


def resolve(draft: Draft, kept: List[Candidate]) -> List[Candidate]:
    """``kept`` without the findings that yield to another in their sentence."""
    categories = {c.rule.spec.category for c in kept}  # type: ignore[attr-defined]
    if len(categories) < 2 or categories.isdisjoint(YIELDS_TO) or categories.isdisjoint(_YIELDED_TO):
        return kept  # (most drafts: no category that yields, or none it yields to)
    sentence_categories: Dict[int, set] = {}
    for c in kept:
        if c.severity != "info":
            sentence_categories.setdefault(sentence_of(draft, c.start)[0], set()).add(c.category)
    return [c for c in kept if not YIELDS_TO.get(c.category, frozenset())
            & sentence_categories.get(sentence_of(draft, c.start)[0], set())]


def settled(draft: Draft, sentences: Sequence[Candidate], precise: Sequence[Candidate]) -> List[bool]:
    """For each classifier finding (a sentence) of ``sentences``, whether it is settled
    before any filter reads it: a precise finding of its category, kept by the filters,
    overlaps it and starts in the same sentence. The engine drops such a sentence whatever
    the filters say of it (see classifier.yield_to_precise: the precise finding says where),
    and it changes nothing here: ``resolve`` treats the two alike, and the precise one
    already gives the sentence its category. A bare mention (``info``: it does not block) settles
    nothing: the model may read the sentence as an offer ("Telegramda do'konimiz nomini qidiring").
    The precise findings are sorted by sentence once."""
    wanted = {c.rule.spec.category for c in sentences}  # type: ignore[attr-defined]
    by_place: Dict[Tuple[int, str], List[Candidate]] = {}
    for c in precise:
        category = c.rule.spec.category  # type: ignore[attr-defined]
        if category in wanted and c.severity != "info":
            by_place.setdefault((sentence_of(draft, c.start)[0], category), []).append(c)
    if not by_place:
        return [False] * len(sentences)
    return [any(c.start < s.end and s.start < c.end
                for c in by_place.get((sentence_of(draft, s.start)[0], s.rule.spec.category), ()))  # type: ignore
            for s in sentences]
