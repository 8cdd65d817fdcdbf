"""The role a channel plays in its sentence: an offer to talk elsewhere, or something else.

A messenger's name is an external contact when its sentence offers it as a
way to reach, follow or find the seller: an invitation ("пишите", "follow
us"), the seller's own account or a contact word ("наш канал", "my number").
The same name describing a product ("works with Skype and Telegram",
"уведомления из WhatsApp"), in a refusal ("по правилам Ozon мы общаемся
только здесь") or in a warning about someone else's account ("этот канал не
наш", "this is a scam") is not; a mention that is none of these is reported
at ``info``, which does not block (Ozon's own filter may still hold it).

A warning about someone else disowns everything its sentence (or the short
sentence after it: "Это не мы.") describes — the fraudster's number, their
request for prepayment or card details — so this filter may drop findings of
every category but language, style and placeholders. A classifier's sentence
is read by its words, not by what the sentence does with them: one that is
negated, a refusal, or (for personal data) the seller's own address and legal
details is dropped. The cue words are data (``rules/vocab/roles.yaml``).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Callable, Dict, List, Optional, Tuple

import regex

from ..lazyre import lazy
from ..matchers.base import Draft
from ..matchers.terms import TermSet, own_clause_between, sentence_ends
from ..model import Category
from ..rulepack import RuleSpec
from ..spans import Spans, spans_of
from . import DROP, IDENTIFIER_KINDS, Candidate, Filter

ROLE_VOCABULARIES = ("role_invite", "role_possessive", "role_contact", "role_capability", "role_disown",
                     "role_refusal", "role_platform", "role_contrast", "role_own_details", "negation_sentence",
                     "role_thanks", "role_product", "role_buyer", "role_others",
                     "role_concession", "role_claim", "role_invite_verb", "role_content", "role_ozon_contact",
                     "role_use", "role_product_document", "role_refund", "role_payer", "role_asked")
# Cue lists read as written, not inflected: "звонить" (how someone uses a channel) must not
# read "звоните" (an invitation).
EXACT_VOCABULARIES = frozenset(("role_use",))
# How near the channel the seller's possessive must stand, in words (before it; one after it).
POSSESSIVE_REACH = 4
# How many words the buyer's own ("your", "привязать") reaches to the contact word it owns.
BUYER_REACH = 3
# How far (in characters, from its start) a claim ("наш настоящий номер:") reaches the channel it claims.
CLAIM_REACH = 60
# How far (in characters) Ozon's own service named before a number ("поддержка Ozon по номеру …") owns it.
OZON_REACH = 40
_CONTACT = Category.EXTERNAL_CONTACT.value
_PERSONAL_DATA = Category.PERSONAL_DATA.value
_REVIEW_INCENTIVE = Category.REVIEW_INCENTIVE.value
_EXTRA_PAYMENT = Category.EXTRA_PAYMENT.value
_SPAM = Category.SPAM.value
_NOTE = {
    "ru": "Упоминание без приглашения связаться (не блокирует): модерация Ozon всё же может задержать сообщение.",
    "en": "A mention, not an invitation to get in touch (does not block): Ozon's own filter may still hold it.",
    "zh": "仅为提及，并非邀请站外联系（不阻止发送）：Ozon 自身的审核仍可能拦截该消息。",
}

Span = Tuple[int, int]
# An account written after the name ("vx: sunny_shop88", "(微信 xiaowang_baby)", "Telegram @shop",
# "薇信 ozon-kitty520"),
# or after a colon later in its sentence ("Скайп для консультаций: decor.opt.msk").
# After a colon an account is a handle, a number, or a Latin name that has a digit, "_" or an
# inner dot or stands alone ("WhatsApp: shopname,"); not the first word of a title
# ("Книга «Instagram: продвижение для новичков»", "Instagram: The Complete Guide").
_IDENTIFIER_AFTER = lazy(r"\s*[:：]\s*(?:[@+\d]|[A-Za-z](?=[\w.]*(?:[_\d]|\.\w))"
                         r"|[A-Za-z][\w.]*(?=\s*(?:[,;)\n]|$|точка|dot\b|\(dot\))))"
                         r"|\s*@\w|\s*(?:\+|\d{5,})"
                         r"|[\s(\-–—]{1,3}(?=[\w.@]*(?:-[\w.]+)*(?:[_\d]|\.\w))@?\p{L}[\w.]{2,}(?:-[\w.]+)*")
# Something that may be an account anywhere in a sentence: a handle, a long number, a word with digits or "_".
_ACCOUNT_LIKE = lazy(r"@\w|\d{5,}|[A-Za-z][A-Za-z.:_-]*\d|[A-Za-z\d]_[A-Za-z\d]")
# A name glued to a design word is a look, not a channel: "telegram-style cards", "WhatsApp-themed stickers".
_DESIGN_COMPOUND = lazy(r"[-‑]\s?(?:style|styled|themed|inspired|shaped|look|like|стиль|стиле|стилю)\b",
                        regex.IGNORECASE)
# Cues that name Ozon itself, and the marks of an account around a name ("ozon-kitty520", "@ozon_shop").
_PLATFORM_CUES = frozenset(("role_platform", "role_ozon_contact"))
_GLUED_BEFORE = lazy(r"[@_\-.]")
# (a hyphen alone joins Ozon's own services too: "Ozon-доставка", "ozon-express")
_GLUED_AFTER = lazy(r"[_\-.]?[\p{L}\d_\-]*\d|_\w")
# A document word alone, which may refer back to a product's papers named earlier.
_BARE_PASSPORT = lazy(r"(?i)(?<!\w)(?:паспорт\w*|passports?|pasport\w*)")


def _papers_excused_before(draft: Draft, rule: object, start: int) -> bool:
    """Whether a document word before ``start`` is one the rule's own context excuses (its
    ``unless_preceded_by`` / ``unless_followed_by``: "паспорт на радиатор", "паспорт качества",
    "технический паспорт"): the reply has named a product's papers, and a bare word later
    refers back to them. A rule without such a context excuses nothing."""
    term_set = getattr(getattr(rule, "matcher", None), "term_set", None)
    if not isinstance(term_set, TermSet):
        return False
    view = draft.words
    for m in _BARE_PASSPORT.finditer(view.text):
        if view.span(m.start(), m.end())[0] >= start:
            return False
        if term_set.excused_by_context(view.text, m.start(), m.end()):
            return True
    return False


# What may stand between a product word and the name it titles: spaces, quotes, a dash.
_TITLE_GAP = lazy(r"[\s«»\"“”„'‘’()\-–—]*")
# After the name, its title may take one more word inside the quotes: "our 'Telegram Blue' colour line",
# and more quoted titles may share the product word: '"Telegram Blue" and "Skype Grey" colours'.
_TITLE_GAP_AFTER = lazy(r"[\s«»\"“”„'‘’()\-–—]*(?:\p{L}+[«»\"“”„'‘’]\s*)?"
                        r"(?:(?:,|and|or|и|или)\s*[«\"“„'‘][^«»\"“”„'‘’\n]{1,30}[»\"”'’]\s*)*")
# The last opening quote mark before a name, with the name still inside it; and its closing mark after.
_QUOTED_TITLE_REACH = 40
_OPEN_QUOTE_BEFORE = lazy(r"[«“„\"](?=[^«»“”„\"\n]*\Z)")
_CLOSE_QUOTE_AFTER = lazy(r"[^«»“”„\"\n]{0,40}[»”“\"]")
# What ends a clause: a refusal there ("не можем ответить здесь, позвоните нам") no longer refuses.
_CLAUSE_MARK = lazy(r"[,;:—–.!?，；：。！？]|\s-\s")
# A turn after a refusal: what follows is said on its own ("we can't post them here, but …").
_STRONG_TURN = lazy(r"(?<![\p{L}\p{N}])(?:но|однако|зато|but|however)(?![\p{L}\p{N}])|但是|但|不过|可是",
                    regex.IGNORECASE)
# What makes an English verb that is also a noun an invitation: whom or how ("call us", "text on WhatsApp").
_INVITED = lazy(r"\s+(?:us|me|our|my|the\s+(?:shop|store|seller|manager|team)|on|via|in|through|at|with|over)"
                r"(?![\p{L}\p{N}])", regex.IGNORECASE)
# Ozon chat as the place an invitation points to: "пишите сюда", "message us right here".
_HERE = lazy(r"\s*(?:(?:нам|мне|us|me)\s+)?(?:(?:прямо|right|just)\s+)?"
             r"(?:сюда|здесь|тут|в\s+(?:этот\s+|этом\s+)?чат|here|in\s+(?:the\s+|this\s+)?(?:ozon\s+)?chat)"
             r"(?![\p{L}\p{N}])|\s*(?:在)?这里", regex.IGNORECASE)
# What may stand between a number and Ozon's service named after it: "8 800 … — горячая линия Ozon".
_OZON_AFTER = lazy(r"[\s()\-–—:,]*(?:(?:это|is|the)\s+)?[\s()\-–—:,]*")
# (a Skype name keeps its "live:" prefix: "live:.cid.protools77")
_ACCOUNT_AFTER_COLON = lazy(r"[:：]\s*@?(?:live:\.?)?(?=[\w.]*(?:[_\d]|\.\w))\p{L}[\w.]{2,}\w")


class _Sentences:
    """The sentences of one draft: where each starts (original text), and the sentence
    of each position asked about, kept (the findings of a sentence, each filter and
    the precedence after them ask about the same few positions)."""

    __slots__ = ("starts", "_end", "_of")

    def __init__(self, draft: Draft) -> None:
        self.starts = [0] + sentence_ends(draft).ends(len(draft.text))
        self._end = len(draft.text)
        self._of: Dict[int, Tuple[int, int, int]] = {}

    def of(self, pos: int) -> Tuple[int, int, int]:
        """(index, start, end) of the sentence holding ``pos``."""
        found = self._of.get(pos)
        if found is None:
            starts = self.starts
            i = bisect_right(starts, pos) - 1
            found = self._of[pos] = (i, starts[i], starts[i + 1] if i + 1 < len(starts) else self._end)
        return found


def _sentences(draft: Draft) -> _Sentences:
    table = draft.extras.get(_Sentences)
    if table is None:
        table = draft.extras[_Sentences] = _Sentences(draft)
    return table  # type: ignore[no-any-return]


def sentences(draft: Draft) -> List[int]:
    """Start offsets (original text) of the draft's sentences."""
    return _sentences(draft).starts


def sentence_of(draft: Draft, start: int) -> Tuple[int, int, int]:
    """(index, start, end) of the sentence holding ``start``."""
    return _sentences(draft).of(start)


_HAN = lazy(r"\p{Han}")
# (a Turkic case ending after an apostrophe is no disguise: "Instagram'ga", "WhatsApp'tan")
_PLAIN_NAME = lazy(r"(?:[A-Za-z]+(?:['’][a-z]{1,5})?|[А-Яа-яЁё]+|\p{Han}+)(?: (?:[A-Za-z]+|[А-Яа-яЁё]+|\p{Han}+))*")


def disguised(text: str, start: int, end: int) -> bool:
    """Whether a channel's name is written to slip past a filter: letters spaced,
    dotted or mixed with symbols, look-alikes of another script, small capitals,
    entities, or glued to a word of another script ("WhatsAppсейчас")."""
    key = (text[start - 1:start] if start else "", text[start:end], text[end:end + 1])
    found = _DISGUISED.get(key)
    if found is None:
        if len(_DISGUISED) >= _DISGUISED_SIZE:
            _DISGUISED.clear()
        found = _DISGUISED[key] = _disguised(*key)
    return found


# disguised's answer by the name as written and the characters around it (what it reads):
# the same few names and neighbours reply after reply (plain dict stores: threads may share it)
_DISGUISED: Dict[Tuple[str, str, str], bool] = {}
_DISGUISED_SIZE = 1_000


def _disguised(before: str, span: str, after: str) -> bool:
    if not _PLAIN_NAME.fullmatch(span):
        return True
    words = span.split()
    if len(words) >= 3 and all(len(w) == 1 for w in words):
        return True  # "т е л е г р а м"
    if any(_mixes_scripts(w) for w in span.replace("-", " ").split()):
        return True
    # Chinese is written without spaces: a Latin name beside Chinese characters is not glued
    return bool(after and after.isalpha() and not _HAN.match(after) and _script(after) != _script(span[-1])) or bool(
        before and before.isalpha() and not _HAN.match(before) and _script(before) != _script(span[0]))


def _script(ch: str) -> str:
    return "latin" if ch.isascii() else "cyrillic" if "\u0400" <= ch <= "\u04ff" else "other"


def _mixes_scripts(word: str) -> bool:
    return len({_script(c) for c in word if c.isalpha()}) > 1


class _Cues(dict):
    """The spans of each kind of role cue in one draft, found when first asked
    for (most findings are judged on one or two kinds)."""

    __slots__ = ("_cues", "_draft")  # (one per draft with a finding to judge: made without an attribute dict)

    def __init__(self, cues: Dict[str, TermSet], draft: Draft) -> None:
        self._cues = cues
        self._draft = draft

    def __missing__(self, name: str) -> Spans:
        draft = self._draft
        cues = self._cues[name]
        # most cue kinds are in no draft: the gate tells, without a look
        spans = cues.find_in_view(draft) if not cues.gated or cues.id in draft.active_sets else []
        if spans:
            view = draft.words
            if view._maps:  # words-view spans are the original's unless the view moved something
                spans = [view.span(s, e) for s, e in spans]
        if name == "role_invite":
            text = self._draft.text
            # an English verb that is also a noun invites only with an object or a way after it
            spans = sorted(spans + [(s, e) for s, e in self["role_invite_verb"].spans if _INVITED.match(text, e)])
            if spans:
                # a word both lists read ("звонки": an inflected "звоните", and the calls a product makes)
                # is the product's; "пишите сюда", "message us here" invite to Ozon chat, not elsewhere
                capability = self["role_capability"]
                spans = [(s, e) for s, e in spans if not capability.holding(s, e) and not _HERE.match(text, e)]
            if spans and self["role_use"]:
                # "звонить по Telegram с часов", "you can call via WhatsApp": someone's use of a
                # channel, not a request, unless the seller is whom the call goes to ("звонить нам")
                uses, possessives = self["role_use"], self["role_possessive"]
                spans = [(s, e) for s, e in spans if not uses.overlapping(s, e) or _addressed(text, possessives, e)]
        if spans and name in _PLATFORM_CUES:
            # "ozon-kitty520", "@ozon_shop": a name glued into an account is the account's, not Ozon's
            text = self._draft.text
            spans = [(s, e) for s, e in spans if not _GLUED_BEFORE.match(text, max(0, s - 1), s)
                     and not _GLUED_AFTER.match(text, e)]
        found = self[name] = spans_of(spans)
        return found


class RoleFilter(Filter):
    name = "role"
    categories = frozenset(c.value for c in Category) - {
        Category.LANGUAGE.value, Category.STYLE.value, Category.PLACEHOLDER.value}

    def __init__(self, vocabularies: Dict[str, List[str]], origin: Tuple[str, int]) -> None:
        path, line = origin
        spec = RuleSpec(id="filter.role", category=_CONTACT, severity="info", messages=dict(_NOTE),
                        kind="terms", params={}, suggestion=None, bad_examples=[], good_examples=[],
                        description="", enabled=True, path=path, line=line)
        self.cues = {name: TermSet(spec, {"vocab": [name], "inflect": name not in EXACT_VOCABULARIES},
                                   vocabularies, key="vocab")
                     for name in ROLE_VOCABULARIES}

    def term_sets(self) -> List[TermSet]:
        return list(self.cues.values())

    def _found(self, draft: Draft) -> Dict[str, Spans]:
        found = draft.extras.get(RoleFilter)
        if found is None:
            found = draft.extras[RoleFilter] = _Cues(self.cues, draft)
        return found  # type: ignore[no-any-return]

    @staticmethod
    def _turn_between(found: Dict[str, Spans], cue_start: int, cue_end: int, candidate: Candidate) -> bool:
        lo, hi = (cue_end, candidate.start) if cue_end <= candidate.start else (candidate.end, cue_start)
        return found["role_contrast"].within(lo, hi)

    def _excused_in_clause(self, cues: Spans, found: Dict[str, Spans], lo: int, hi: int,
                           candidate: Candidate, requested: Callable[[], bool] = lambda: False) -> bool:
        """Whether a cue of ``cues`` in the sentence [lo, hi] has no turn between it and the candidate.

        A turn between the candidate and a cue is also between the candidate and
        every cue farther away on that side: only the nearest cue on each side
        is asked about, when the cues do not overlap (they never do in practice:
        a term set's hits do not). When the finding is ``requested()`` (see _requested; asked only
        of a cue after the finding, as an invitation is looked for in the whole draft),
        a cue after it does not reach back over the request ("Пришлите пароль от аккаунта,
        чек присылать не нужно" refuses the receipt; "Пароли нам никогда не присылайте" them)."""
        spans = cues.spans

        def excuses(s: int, e: int) -> bool:
            return lo <= s and e <= hi and not self._turn_between(found, s, e, candidate) and not (
                s >= candidate.end and requested())

        if not cues.disjoint:
            return any(excuses(s, e) for s, e in spans)
        nearest = []
        before = bisect_right(cues.ends, candidate.start) - 1  # the last cue that ends before the candidate
        if before >= 0:
            nearest.append(spans[before])
        after = max(before + 1, bisect_left(cues.starts, lo))  # the first cue in the sentence after that
        if after < len(spans):
            nearest.append(spans[after])
        return any(excuses(s, e) for s, e in nearest)

    @staticmethod
    def _requested(text: str, found: Dict[str, Spans], lo: int, candidate: Candidate) -> bool:
        """Whether a request ("Пришлите", "send us") stands within three words before the finding,
        or opens it (a rule that pairs the request with what is asked for finds both)."""
        invites = found["role_invite"]
        if invites.overlapping(candidate.start, candidate.end):
            return True
        end = invites.last_end_by(candidate.start)
        return end is not None and end >= lo and _last_words(text, end, candidate.start, 3) is not None

    @staticmethod
    def _denied_in_sentence(draft: Draft, found: Dict[str, Spans], lo: int, hi: int) -> bool:
        """Whether the sentence [lo, hi) negates or refuses, with no turn after its last such
        cue: "мы никогда не просим пароль" is denied; "We can't upload them here, but search
        our shop's name on the photo app" is not (what follows the turn is said on its own),
        nor "不要相信任何人，加我们的微信" (a later clause offers the seller's own)."""
        starts = [start for start in (found[name].last_start_within(lo, hi)
                                      for name in ("negation_sentence", "role_refusal")) if start is not None]
        return bool(starts) and not _STRONG_TURN.search(draft.text, max(starts), hi) \
            and not own_clause_between(draft, draft.text, max(starts), hi)

    @staticmethod
    def _sellers_contact_word(draft: Draft, found: Dict[str, Spans], lo: int, hi: int) -> bool:
        """Whether the sentence [lo, hi) has a contact word that is not the buyer's own:
        "наш канал" is the seller's, "calls through your own Telegram account" is the
        buyer's account the product uses; asked for ("пришлите ваш ник"), it is an exchange of contacts."""
        contacts = found["role_contact"]
        if not contacts.within(lo, hi):
            return False
        if found["role_invite"].within(lo, hi):
            return True
        # asked once per span: the findings of a sentence share its clauses
        key = ("sellers_contact_word", lo, hi)
        answer = draft.extras.get(key)
        if answer is None:
            text = draft.text
            buyers = found["role_buyer"]
            answer = False
            possessives = found["role_possessive"]
            for start, end in contacts.spans[bisect_left(contacts.starts, lo):]:
                if start >= hi:
                    break
                if end > hi or possessives.holding(start, end):
                    continue  # "our", "мне": the seller's only beside the name (see _possessive_near)
                buyer = buyers.last_end_by(start)
                # the buyer's own reaches over a name in its clause: "your own Telegram account",
                # "привязать аккаунт VK ID"
                if buyer is None or buyer < lo or _last_words(text, buyer, start, BUYER_REACH) is None \
                        or _CLAUSE_MARK.search(text, buyer, start):
                    answer = True
                    break
            draft.extras[key] = answer
        return answer  # type: ignore[no-any-return]

    @staticmethod
    def _claimed(found: Dict[str, Spans], lo: int, candidate: Candidate) -> bool:
        """Whether the seller claims the finding as their own real channel just before it, inside a
        warning about fakes: "Beware of fake accounts, our only real Telegram is @shop"."""
        claim = found["role_claim"].last_start_within(lo, candidate.start)
        return claim is not None and candidate.start - claim <= CLAIM_REACH

    @staticmethod
    def _ozons(text: str, found: Dict[str, Spans], lo: int, hi: int, candidate: Candidate) -> bool:
        """Whether the number belongs to Ozon's own service named right before it in its
        sentence, with nothing of the seller's between ("позвоните в поддержку Ozon по номеру
        …", "Ozon support: …"; not "поддержка Ozon не ответит, звоните мне: …"), or right after it
        ("8 800 … — горячая линия Ozon")."""
        services = found["role_ozon_contact"]
        if not services:
            return False
        end = services.last_end_by(candidate.start)
        if end is not None and end >= lo and candidate.start - end <= OZON_REACH and not any(
                found[name].overlapping(end, candidate.start)
                for name in ("role_possessive", "role_contrast", "role_invite", "role_refusal")):
            return True
        start = services.first_start_from(candidate.end)
        return start is not None and start < hi and bool(_OZON_AFTER.fullmatch(text, candidate.end, start))

    @staticmethod
    def _product_papers(draft: Draft, found: Dict[str, Spans], rule: object, start: int, end: int, lo: int,
                        hi: int) -> bool:
        """Whether the document in [start, end) of sentence [lo, hi) is a product's papers: named
        so ("паспорт изделия", "product passport"), or a bare "паспорт" once the draft has named
        the product's ("Паспорт изделия в коробке … отметку в паспорте ставит мастер", or in words
        the finding's own rule excuses: "Паспорт на радиатор в коробке … сохраните паспорт") and
        its sentence says nothing of the buyer's own ("ваш паспорт", "your passport")."""
        papers = found["role_product_document"]
        if papers.overlapping(start, end):
            return True
        if found["role_buyer"].within(lo, hi) or not _BARE_PASSPORT.search(draft.text, start, end):
            return False
        if papers.last_end_by(start) is not None:
            return True
        # the finding is the bare word itself: "серию и номер паспорта" is a person's, whatever came before
        bare = _BARE_PASSPORT.fullmatch(draft.text, start, end) is not None
        return bare and _papers_excused_before(draft, rule, start)

    @staticmethod
    def _titles(text: str, found: Dict[str, Spans], candidate: Candidate) -> bool:
        """Whether a product word stands right beside the name, so that the name is the
        product's: "our Line collection", "серия «Telegram»", "модель Viber Sport"."""
        products = found["role_product"]
        if not products:
            return False
        before = products.last_end_by(candidate.start)
        if before is not None and _TITLE_GAP.fullmatch(text, before, candidate.start):
            return True
        after = products.first_start_from(candidate.end)
        if after is not None and _TITLE_GAP_AFTER.fullmatch(text, candidate.end, after):
            return True
        # inside the words a product carries, quoted after it: "футболка с надписью «Пиши в телегу»",
        # "a mug printed with 'WhatsApp me'"
        quote = _OPEN_QUOTE_BEFORE.search(text, max(0, candidate.start - _QUOTED_TITLE_REACH), candidate.start)
        if quote is None:
            return False
        titled = products.last_end_by(quote.start())
        return titled is not None and bool(_TITLE_GAP.fullmatch(text, titled, quote.start())) \
            and _CLOSE_QUOTE_AFTER.match(text, candidate.end) is not None

    @staticmethod
    def _refused_in_clause(text: str, found: Dict[str, Spans], candidate: Candidate, invitation: bool) -> bool:
        """Whether a refusal and the finding share a clause with no turn between them:
        "не можем дать номер для связи", "我们不能提供微信或电话", "не можем написать вам в
        WhatsApp"; not "здесь ответить не можем, позвоните нам" (the call is a clause of its
        own). For a finding that is an ``invitation`` by itself, an invitation between them is
        the refused act's, not the finding's: "не можем ответить, позвоните нам" is not refused."""
        refusals = found["role_refusal"]
        if not refusals:
            return False
        breaks = ("role_invite", "role_contrast") if invitation else ("role_contrast",)

        def plain(lo: int, hi: int) -> bool:
            return hi - lo <= 60 and not _CLAUSE_MARK.search(text, lo, hi) and not any(
                found[name].overlapping(lo, hi) for name in breaks)

        before = refusals.last_end_by(candidate.start)
        if before is not None and plain(before, candidate.start):
            return True
        after = refusals.first_start_from(candidate.end)
        return after is not None and plain(candidate.end, after)

    @staticmethod
    def _refund_to_buyer(draft: Draft, found: Dict[str, Spans], index: int, lo: int, hi: int) -> bool:
        """Whether the sentence [lo, hi), or the one right before it, sends money to the buyer
        ("we want to refund the shipping cost. Please send the card number so we can transfer
        it") and the sentence tells the buyer to pay nothing: a card asked for to pay a refund
        to is no extra payment (it may be personal data, or a refund off Ozon)."""
        refunds = found["role_refund"]
        if not refunds:  # (asked first: a refund is in few drafts, a payer's word in many)
            return False
        if found["role_payer"].within(lo, hi):
            return False
        if refunds.within(lo, hi):
            return True
        if index == 0:
            return False
        _, last_lo, last_hi = sentence_of(draft, lo - 1)
        return refunds.within(last_lo, last_hi) and not found["role_payer"].within(last_lo, last_hi)

    @staticmethod
    def _answers_the_buyer(draft: Draft, found: Dict[str, Spans], index: int, lo: int, hi: int,
                           candidate: Candidate) -> bool:
        """Whether the promotion answers the buyer's own question, reported in its sentence (before
        it, within it: a model's sentence holds its cue, or after it: "Новинки видны в разделе
        «Новинки» — вы спрашивали, где смотреть") or in the sentence right before ("Вы спрашивали,
        как не пропустить новинки. Нажмите «Подписаться»"), with no aside between ("Кстати, …",
        "а ещё", "also"): asked for, it is not unsolicited."""
        asked = found["role_asked"]
        if not asked:
            return False
        contrast = found["role_contrast"]
        # a model's sentence that opens with the question retold ("Как вы и спросили: подписка …")
        if candidate.rule.spec.kind == "classifier":  # type: ignore[attr-defined]
            opening = asked.first_start_from(candidate.start)
            if opening is not None and opening <= candidate.start + _OPENING_CHARS and opening < candidate.end:
                return True
        after = asked.first_start_from(candidate.end)
        if after is not None and asked.within(candidate.end, hi) and not contrast.within(candidate.end, after):
            return True
        since = asked.last_end_by(candidate.start)
        if since is None or since < lo:
            if index == 0 or since is None:
                return False
            _, last_lo, _ = sentence_of(draft, lo - 1)
            if since < last_lo:
                return False
        return not contrast.within(max(since, lo), candidate.start)

    @staticmethod
    def _possessive_near(draft: Draft, found: Dict[str, Spans], candidate: Candidate) -> bool:
        """Whether a possessive stands next to the channel (counted in words of the text).

        The nearest possessive on each side has the fewest words and marks
        between it and the channel: only those two are looked at, and only
        as many words as the reach (the words between can be a whole draft)."""
        text = draft.text
        possessives = found["role_possessive"]
        before = possessives.last_end_by(candidate.start)
        # "наша серия в стиле ретро телеграммы", "our tripod is great for TikTok": the possessive
        # owns the product, not the name
        if before is not None and not any(found[name].within(before, candidate.start)
                                          for name in ("role_product", "role_capability")):
            gap = _last_words(text, before, candidate.start, POSSESSIVE_REACH)
            if gap is not None and _near(gap):
                return True
        after = possessives.first_start_from(candidate.end)
        if after is not None:
            gap = _first_words(text, candidate.end, after, 1)
            if gap is not None and _near(gap):
                return True
        return False

    def judge(self, draft: Draft, candidate: Candidate) -> Optional[object]:
        found = self._found(draft)
        table = _sentences(draft)
        index, lo, hi = table.of(candidate.start)
        spec = candidate.rule.spec  # type: ignore[attr-defined]
        kind, category = spec.kind, spec.category

        disowns = found["role_disown"]
        if disowns:  # (a warning about someone else is in few drafts)
            disowned = disowns.within(lo, hi)
            if not disowned and index + 1 < len(table.starts):
                _, next_lo, next_hi = table.of(hi)
                disowned = next_hi - next_lo <= 120 and disowns.within(next_lo, next_hi)
            if disowned and not self._claimed(found, lo, candidate):
                return DROP
        if kind in IDENTIFIER_KINDS:
            return DROP if kind == "phone" and self._ozons(draft.text, found, lo, hi, candidate) else None
        if _is_question(draft, index, lo, hi) and _refused_next(draft, table, index, hi):
            return DROP  # the buyer's question echoed, then refused: "Подарок за отзыв? Нет, так мы не делаем."
        if kind == "classifier":
            # a model reads the words of a sentence, not what the sentence does with them:
            # a negated sentence ("мы никогда не просим пароль"), a refusal, or the seller's
            # own address and legal details are not what the words suggest
            if self._denied_in_sentence(draft, found, lo, hi):
                return DROP
            if category == _PERSONAL_DATA and self._product_papers(draft, found, candidate.rule, lo, hi, lo, hi):
                return DROP
            # a sentence that sends the buyer to Ozon's own service ("позвоните в поддержку Ozon по
            # номеру …"), with nothing of the seller's in it: its contact is Ozon's
            if category == _CONTACT and candidate.end <= hi and found["role_ozon_contact"].within(lo, hi) \
                    and not any(found[name].within(lo, hi) for name in ("role_possessive", "role_contrast")):
                return DROP
            line_start = draft.text.rfind("\n", 0, lo) + 1  # "юридический адрес: г. Москва, ул. …" spans "sentences"
            if category == _PERSONAL_DATA and found["role_own_details"].within(line_start, hi):
                return DROP
            # thanks for a review already left ("Спасибо за отзыв на 5 звёзд!"), the finding within that sentence
            if category == _REVIEW_INCENTIVE and candidate.end <= hi and found["role_thanks"].within(lo, hi):
                return DROP
            # a channel in a sentence about what a product does ("支持微信视频通话") or is called
            # ("微信系列的手机壳"), whom the buyer talks to ("видео — друзьям в Telegram") or what a
            # code opens ("the QR code opens the assembly video") with nothing that offers it to
            # the buyer: no invitation, contact word or "our"
            # (asked only of a contact: each cue kind asked for is looked for in the whole draft)
            if category == _CONTACT \
                    and any(found[name].within(lo, hi)
                            for name in ("role_capability", "role_product", "role_others", "role_content")) \
                    and not any(found[name].within(lo, hi)
                                for name in ("role_invite", "role_contact", "role_possessive")) \
                    and not _ACCOUNT_LIKE.search(draft.text, lo, hi):
                return DROP
        if category == _EXTRA_PAYMENT and self._refund_to_buyer(draft, found, index, lo, hi):
            return DROP
        if category == _SPAM and self._answers_the_buyer(draft, found, index, lo, hi, candidate):
            return DROP
        if category == _PERSONAL_DATA \
                and self._product_papers(draft, found, candidate.rule, candidate.start, candidate.end, lo, hi):
            return DROP
        if category != _CONTACT:
            return self._judge_by_clause(draft, found, table, index, lo, hi, candidate, kind)
        return self._judge_channel(draft, found, table, index, lo, hi, candidate, spec.role)

    def _judge_by_clause(self, draft: Draft, found: Dict[str, Spans], table: _Sentences, index: int,
                         lo: int, hi: int, candidate: Candidate, kind: str) -> Optional[object]:
        """The verdict on a finding that is no channel's name, in its clause and sentence."""
        # a refusal ("по правилам Ozon мы не можем ничего давать за отзывы") or
        # Ozon's own offer ("баллы за отзывы начисляет Ozon") in the finding's
        # clause: unless a turn ("…, но вернём 200 ₽") stands between them
        # (each kind is asked about only when the draft has one: most have none)
        refusals = found["role_refusal"]
        if refusals and self._excused_in_clause(refusals, found, lo, hi, candidate,
                                                lambda: self._requested(draft.text, found, lo, candidate)):
            return DROP
        platforms = found["role_platform"]
        if platforms and self._excused_in_clause(platforms, found, lo, hi, candidate):
            return DROP
        # the buyer's wish granted in words or reported, then refused: "we understand you'd
        # prefer to pay the courier in cash, but we can't take any payment outside Ozon"; "you
        # ask can you pay half to our card. Sorry, we cannot accept any payment to card"
        whole_sentence = kind == "classifier"
        concessions = found["role_concession"]
        concession = concessions.last_start_within(lo, candidate.end if whole_sentence else candidate.start) \
            if concessions else None
        if concession is not None:
            # (a model's finding may be the question and its answer together: two sentences)
            if refusals.last_start_within(concession if whole_sentence else candidate.end,
                                          max(hi, candidate.end)) is not None:
                return DROP
            if candidate.end <= hi and index + 1 < len(table.starts):
                _, next_lo, next_hi = table.of(hi)
                # refused, or answered as Ozon's own ("Вы спросили, правда ли, что за отзыв с фото
                # дают баллы. Да, это программа Ozon «Баллы за отзывы»")
                if next_hi - next_lo <= 160 and (refusals.within(next_lo, next_hi)
                                                 or platforms.within(next_lo, next_hi)) \
                        and not found["role_contrast"].within(next_lo, next_hi):
                    return DROP
        # a model's finding may span sentences: Ozon's own programme as the last word on it
        # ("… в отзыв можно добавить фото — за отзывы с фото Ozon начисляет баллы")
        if whole_sentence and candidate.end > hi and platforms:
            platform = platforms.last_start_within(candidate.start, candidate.end)
            contrast = found["role_contrast"].last_start_within(candidate.start, candidate.end)
            if platform is not None and platform > (contrast or -1):
                return DROP
        return None

    def _judge_channel(self, draft: Draft, found: Dict[str, Spans], table: _Sentences, index: int,
                       lo: int, hi: int, candidate: Candidate, role: Optional[str]) -> Optional[object]:
        """The verdict on a channel's name (a contact finding that is no identifier)."""
        text = draft.text
        if role not in ("mention", "homonym"):
            # an invitation or a request by its own definition, unless its own clause refuses it
            # ("我们不能提供微信或电话", "номер для связи дать не можем")
            return DROP if self._refused_in_clause(text, found, candidate, invitation=True) else None
        # a refusal excuses the name in its clause, or anywhere in a sentence whose last word on
        # it is the refusal ("Понимаю, что в телеграме удобнее, но по правилам мы не можем");
        # not a name that a later clause offers ("Видео сюда не можем прислать, напишите в WhatsApp")
        refusal = found["role_refusal"].last_start_within(lo, hi)
        if refusal is not None and (refusal > (found["role_invite"].last_start_within(lo, hi) or -1)
                                    or self._refused_in_clause(text, found, candidate, invitation=False)):
            return DROP
        if _DESIGN_COMPOUND.match(text, candidate.end) or self._titles(text, found, candidate):
            return DROP
        if _IDENTIFIER_AFTER.match(text, candidate.end) or _account_after_colon(draft, index, lo, hi, candidate.end):
            return None  # "vx: sunny_shop88", "Telegram @shop": the name labels an account
        if disguised(text, candidate.start, candidate.end):
            return None  # "W h a t s A p p", "WhаtsApp" with a Cyrillic а: nobody hides a product feature
        # (whether a possessive stands beside the name is asked only when it may change the
        # verdict: it reads three cue kinds, and an invitation in the sentence settles most names)
        about_product = found["role_capability"].within(lo, hi) or found["role_others"].within(lo, hi)
        near = self._possessive_near(draft, found, candidate) if about_product else None
        if about_product and not near:
            # in a sentence about what a product does or whom the buyer talks to, a contact word
            # that makes the name an offer stands in the name's own clause ("наш канал в
            # Telegram"), not in another ("comes with YouTube Kids preinstalled, and the parent
            # profile lets you …"); a possessive counts only beside the name (above)
            clause_lo, clause_hi = _clause_of(draft, index, lo, hi, candidate)
            if not self._sellers_contact_word(draft, found, clause_lo, clause_hi):
                return DROP
        # a name that is also an ordinary word ("тележка", "Line", "Max") is offered only in its own
        # clause: "Если колесо на тележке сломается, пишите" invites to Ozon chat about the cart
        a, b = _clause_of(draft, index, lo, hi, candidate) if role == "homonym" else (lo, hi)
        if found["role_invite"].within(a, b) or found["role_possessive"].within(a, b) \
                or self._sellers_contact_word(draft, found, lo, hi) \
                or (near if near is not None else self._possessive_near(draft, found, candidate)):
            return None
        if _is_question(draft, index, lo, hi) and index + 1 < len(table.starts):
            # "вацап есть? кину фотки туда": a question, answered by the invitation after it
            _, next_lo, next_hi = table.of(hi)
            if found["role_invite"].within(next_lo, next_hi) or found["role_contact"].within(next_lo, next_hi):
                return None
        return candidate._replace(severity="info", note=_NOTE)


# What str.split() splits on: regex's \s and the four separators \x1c-\x1f.
_WORD_AFTER = lazy(r"[^\s\x1c-\x1f]+")
_WORD_BEFORE = lazy(r"(?r)[^\s\x1c-\x1f]+")


def _addressed(text: str, possessives: Spans, end: int) -> bool:
    """Whether the seller is whom a verb ending at ``end`` goes to: "звонить нам", "call us"."""
    after = possessives.first_start_from(end)
    return after is not None and _first_words(text, end, after, 1) is not None


def _near(gap: str) -> bool:
    """Whether the words between a possessive and a channel keep them together: no
    sentence mark between, and (Chinese has no spaces) no long Chinese run."""
    return not any(ch in gap for ch in ".!?;。！？；") and not (_HAN.search(gap) and len(gap) > 2 * POSSESSIVE_REACH)


def _last_words(text: str, start: int, end: int, most: int) -> Optional[str]:
    """The words of ``text[start:end]`` (joined by spaces) when there are at most ``most``
    of them, else None; read from the end, so that no more than ``most`` + 1 are read."""
    words = []
    for m in _WORD_BEFORE.finditer(text, start, end):
        words.append(m.group())
        if len(words) > most:
            return None
    return " ".join(reversed(words))


def _first_words(text: str, start: int, end: int, most: int) -> Optional[str]:
    """As _last_words, read from the start."""
    words = []
    for m in _WORD_AFTER.finditer(text, start, end):
        words.append(m.group())
        if len(words) > most:
            return None
    return " ".join(words)


def _clause_of(draft: Draft, index: int, lo: int, hi: int, candidate: Candidate) -> Tuple[int, int]:
    """The clause of the sentence [lo, hi) (number ``index``) that holds the candidate: up to
    the clause marks around it (the sentence's marks are found once, not once per finding)."""
    key = ("clause_marks", index)
    marks = draft.extras.get(key)
    if marks is None:
        found = [m.span() for m in _CLAUSE_MARK.finditer(draft.text, lo, hi)]
        marks = draft.extras[key] = ([a for a, _ in found], [b for _, b in found])
    starts, ends = marks
    before = bisect_right(ends, candidate.start) - 1
    after = bisect_left(starts, candidate.end)
    return (ends[before] if before >= 0 else lo), (starts[after] if after < len(starts) else hi)


def _account_after_colon(draft: Draft, index: int, lo: int, hi: int, start: int) -> bool:
    """``_ACCOUNT_AFTER_COLON.search(draft.text, start, hi)`` for a finding in the
    sentence [lo, hi) (number ``index``): the sentence's colons are tried once
    each, not once per finding in it."""
    key = ("account_after_colon", index)
    found = draft.extras.get(key)
    if found is None:
        text = draft.text
        found = draft.extras[key] = [
            m.start() for m in _COLON.finditer(text, lo, hi) if _ACCOUNT_AFTER_COLON.match(text, m.start(), hi)]
    return bisect_left(found, start) < len(found)


_COLON = lazy(r"[:：]")


# A sentence that opens by saying no ("Нет, …", "No, we …", "不，…"), not "no problem".
_NO_OPENING = lazy(r"\s*(?:(?i:нет|no|nope)(?![\p{L}\p{N}])(?!\s+(?:проблем|problem|worries))|不[，,。！!]|不是|没有)")


# How far into a finding its sentence's opening words reach ("Да, как вы и просили, …").
_OPENING_CHARS = 12


def _refused_next(draft: Draft, table: "_Sentences", index: int, hi: int) -> bool:
    """Whether the sentence after the one ending at ``hi`` (number ``index``) opens with a no."""
    if index + 1 >= len(table.starts):
        return False
    _, next_lo, _ = table.of(hi)
    return _NO_OPENING.match(draft.text, next_lo) is not None


def _is_question(draft: Draft, index: int, lo: int, hi: int) -> bool:
    """Whether the sentence [lo, hi) (number ``index``) ends with a question mark."""
    key = ("question", index)
    asked = draft.extras.get(key)
    if asked is None:
        asked = draft.extras[key] = draft.text[lo:hi].rstrip().endswith(("?", "？"))
    return asked
