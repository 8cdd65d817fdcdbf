"""The buyer's words quoted back ("Вы написали: «дайте ваш WhatsApp»"): not the seller's.

A quote may excuse a messenger's name or a phrase, never an identifier: a
phone number, e-mail, handle, link or card inside it is still reported (a
seller can paste a real contact into a "quote" to slip it through). Chinese
characters in it still make the reply Chinese.
"""
from __future__ import annotations

from typing import List, Optional, Tuple

import regex

from ..lazyre import lazy, lazy_re
from ..matchers.base import Draft
from ..model import Category
from ..spans import Spans, spans_of
from . import DROP, Candidate, Filter

_QUOTED_BUYER = lazy(
    r"(?:\bвы\s+(?:на)?пи\w*|\bвы\s+спр\w*|\bвы\s+прос\w*|\bвы\s+уточн\w*|\bпокупател\w+\s+(?:на)?пис\w*|"
    r"\byou\s+(?:wrote|asked|said|write|ask|mentioned)|\b(?:на\s+|по\s+)?ваш\w{0,3}\s+вопрос\w{0,2}|\byour\s+question"
    r"|[您你](?:问|说|写|提到)(?:了|过|道)?|您的问题"
    # a message the buyer received and forwarded: someone else's words, like the buyer's own
    r"|\bвы\s+переслали|(?<!\b(?:мы|я)\s+(?:\w+\s+)?)\bвам\s+(?:пришл\w*|написали)(?:\s+\w+){0,2}"
    r"|\byou\s+(?:forwarded|received|got)(?:\s+\w+){0,2}"
    r"|\b(?:sms|message|e-?mail)\s+you\s+(?:forwarded|received|got)|您(?:转发|收到)(?:的|了)?"
    # the buyer's own message or review named as the source ("we saw your message: «…»")
    r"|\bваш\w{0,4}\s+(?:сообщени|отзыв|комментари)\w*|\byour\s+(?:message|review|comment)s?"
    # ... or a review or message that says it, whoever wrote it ("the review that says '…'")
    r"|\b(?:review|comment|message)s?\s+(?:that\s+|which\s+)?(?:says|said|reads|read)"
    r"|\bв\s+(?:этом\s+|том\s+)?(?:отзыве|комментарии|сообщении)\s+(?:написано|пишут|сказано|говорится)"
    # (the ending bounded: "\w*" after a word that repeats, glued, would try every start to the end)
    r"|\b(?:отзыв|комментари|сообщени)\w{0,4},?\s+(?:где|в\s+котором|в\s+которой)\s+(?:написано|пишут|сказано|говорится))"
    # what is said is told as a clause about the seller ("вы пишете, что мы «обещали …»")
    # ("вы пишете, что кто-то предлагал вам «…»": a hyphenated word is one)
    r"(?:\W{0,3}(?:что|будто|якобы|that)(?:\s+\w+(?:-\w+)?){0,3}\s*)?\W{0,4}?"
    r"(?:«([^»\n]{1,200})»|\"([^\"\n]{1,200})\"|“([^”\n]{1,200})”|„([^“”\n]{1,200})[“”]"
    r"|'((?:[^'\n]|(?<=\p{L})'(?=\p{L})){1,200})'(?!\p{L})"  # an apostrophe inside ("I'll") does not end it
    r"|「([^」\n]{1,200})」)",
    regex.IGNORECASE)
# The buyer's question told in the seller's words, up to the end of its clause (the buyer's
# own words quoted inside it too: "можно ли купить «без посредников»"):
# "Вы спросили, можно ли купить у нас напрямую.", "You asked whether we have a Telegram channel."
# ("you ask if …": the clumsy English of cross-border shops)
# (the present tense's ending names the buyer without "вы": "Вы из Казахстана и спрашиваете, можно ли …")
_REPORTED_QUESTION = lazy(
    r"(?:\bвы\s+(?:спросил\w*|спрашивал\w*|интересовал\w*|уточнял\w*)|\bспрашиваете|\bинтересуетесь"
    r"|\byou\s+(?:asked|ask|are\s+asking|were\s+asking|wondered))"
    # ("about" names a thing, which a comma ends: "the gift wrapping you asked about, please send …")
    r"\s*,?\s*(about\b(?:[^,.?!\n—:;«“\"]|«[^»\n]{1,80}»|“[^”\n]{1,80}”){1,200}"
    r"|(?:можно\s+ли|нельзя\s+ли|будет\s+ли|есть\s+ли|\w+\s+ли|как|где|почему|сколько|"
    r"whether|if|how|where|why|when|what|which|can|could|do|does|is|are|will|should)\b(?:[^.?!\n—:;«“\"]|«[^»\n]{1,80}»|“[^”\n]{1,80}”){1,200})",
    regex.IGNORECASE)
# The buyer's proposal retold, up to the end of its clause: "Вы предложили брать следующую
# партию у нас напрямую.", "You suggested paying the courier in cash."
# ("как вы просили, переведите …", "as you asked, transfer …": an aside; what follows is the seller's own)
_RETOLD_PROPOSAL = lazy(
    r"(?:(?<!\bкак\s{1,3})\bвы\s+(?:предложил\w*|предлагаете|просил\w*|просите|хотел\w*\s+бы)"
    r"|(?<!\bas\s{1,3})\byou\s+(?:suggested|proposed|offered|asked\s+us\s+to|(?:would|'d)\s+(?:like|prefer)\s+to))"
    r"\s*,?\s*([^.?!\n—–:;]{1,200})",
    regex.IGNORECASE)
# The seller takes the quoted words up: «…» — да, пишите туда. A quote answered so excuses nothing.
_ADOPTED = lazy(r"\W{0,4}(?:да|можно|конечно|верно|именно|давайте|договорились|yes|sure|of course|correct|exactly"
               r"|let's|deal|agreed|可以|好的|是的|没问题|行)\b",
                regex.IGNORECASE)
# …or sends the buyer back to what the quote named: «есть ли у вас вотсап?» Есть, пишите туда.
_POINTS_BACK = lazy(r"(?<![\p{L}\p{N}])(?:туда|там|по нему|на него|there)(?![\p{L}\p{N}])|那里|那儿|加我们|加我",
                    regex.IGNORECASE)
_DENIES = lazy(r"(?<![\p{L}\p{N}])(?:нет|не|ни|no|not|never|sorry|извините|к сожалению)(?![\p{L}\p{N}])"
               r"|n't|没有|不|抱歉", regex.IGNORECASE)
# What every match of _QUOTED_BUYER holds before its quote, as a fast scan of the case-folded
# text: most replies with a quote mark (an apostrophe in "don't") quote no one. Every
# alternative starts with a letter of its own (no group, no class), so that std re looks
# for a match only where one of those letters stands.
_BUYER_SAID = lazy_re(
    r"вы\s+(?:на)?пи|вы\s+спр|вы\s+прос|вы\s+уточн|покупател|ваш\w{0,3}\s+вопрос|вы\s+переслали|вам\s+(?:пришл|написали)"
    r"|you\s+(?:wrote|asked|said|write|ask|mentioned|forwarded|received|got)|your\s+question"
    r"|ваш\w{0,4}\s+(?:сообщени|отзыв|комментари)|your\s+(?:message|review|comment)"
    r"|sms\s+you|message\s+you|e-?mail\s+you|您(?:问|说|写|提到)|你(?:问|说|写|提到)|您的问题|您(?:转发|收到)"
    r"|(?:review|comment|message)s?\s+(?:that\s+|which\s+)?(?:says|said|reads|read)"
    r"|в\s+(?:этом\s+|том\s+)?(?:отзыве|комментарии|сообщении)\s+(?:написано|пишут|сказано|говорится)"
    r"|(?:отзыв|комментари|сообщени)\w{0,4},?\s+(?:где|в\s+котор)")
# A question in quote marks introduced as the one being answered ("На вопрос «Можете привезти
# сами?» — нет", "Regarding «Will I get a discount for 5 stars?» — no"): the buyer's words even
# with no "you asked", since a seller does not quote a question of their own to answer it.
_QUESTION_IN_QUOTES = (r"«([^»\n]{1,200}[?？])»|\"([^\"\n]{1,200}[?？])\"|“([^”\n]{1,200}[?？])”"
                       r"|„([^“”\n]{1,200}[?？])[“”]|「([^」\n]{1,200}[?？])」")
_ANSWERED_QUESTION = lazy(
    r"(?:\bна\s+(?:ваш\s+)?вопрос|\bпо\s+поводу|\bнасч[её]т|\bотносительно|\bregarding|\bas\s+for|\bas\s+to"
    r"|\babout\s+your\s+question|关于)\W{0,4}?(?:" + _QUESTION_IN_QUOTES + ")",
    regex.IGNORECASE)
_QUESTION_LEADS = ("вопрос", "поводу", "насчет", "насчёт", "относительно", "regarding", "as for", "as to", "关于")
# …or one the seller answers "no" right after it, wherever it stands: «Есть ли у вас телеграм-канал?» — нет;
# 'Could you send it by Boxberry instead?' — unfortunately not. A seller does not ask and refuse their own question.
_DENIED_QUESTION = lazy(
    r"(?:" + _QUESTION_IN_QUOTES + r"|'([^'\n]{1,200}[?？])')"
    r"\s*[—–-]?\s*(?=(?:нет|к\s+сожалению|увы|no|unfortunately|sorry|not|不|没有|抱歉)(?![\p{L}\p{N}]))",
    regex.IGNORECASE)
# …or one the reply opens with, after a greeting at most, and answers ("«Можно ли оплатить курьеру
# наличными?» — оплата при получении выбирается при оформлении"): the question being answered.
_OPENING_QUESTION = lazy(
    r"\A\s*(?:[^«\"“„「\n?？]{1,60}?[!,.:]\s+)?(?:" + _QUESTION_IN_QUOTES + r")\s*[—–:\-]")
_ANSWER_REACH = 80  # characters of the seller's answer read after a quote
_REPORTED_SIGNS = ("спрос", "спраш", "интересовал", "интересуетесь", "уточнял", "asked", "asking", "wondered",
                   "you ask")  # a cheap gate
_PROPOSAL_SIGNS = ("предлаг", "предлож", "просил", "просит", "хотел", "suggested", "proposed", "offered",
                   "asked us", "like to", "prefer to")
_QUOTE_MARKS = "«\"“„'「"
_QUOTE_MARK = lazy_re("[" + _QUOTE_MARKS + "]")
# Either kind of sign, in one scan: most replies hold neither.
_ANY_SIGN = lazy_re("|".join(regex.escape(sign) for sign in _REPORTED_SIGNS + _PROPOSAL_SIGNS))


def adopted(text: str, end: int) -> bool:
    """Whether the seller's answer after the buyer's words (ending at ``end``) takes them up:
    agrees ("— да, пишите"), or sends the buyer back to what they named ("Есть, пишите туда",
    "We do — message us there") with no denial before that."""
    if _ADOPTED.match(text, end) or _ADOPTED.match(text, end + 1):
        return True
    back = _POINTS_BACK.search(text, end, min(len(text), end + _ANSWER_REACH))
    return back is not None and not _DENIES.search(text, end, back.start())


def quoted_spans(text: str) -> List[Tuple[int, int]]:
    """Spans of the buyer's words quoted or retold in ``text`` (not those the seller then agrees with)."""
    spans = []
    if _QUOTE_MARK.search(text):
        folded = text.casefold()
        if _BUYER_SAID.search(folded):
            spans = [m.span(m.lastindex) for m in _QUOTED_BUYER.finditer(text)
                     if m.lastindex and not adopted(text, m.end())]
        if any(lead in folded for lead in _QUESTION_LEADS):
            spans.extend(m.span(m.lastindex) for m in _ANSWERED_QUESTION.finditer(text)
                         if m.lastindex and not adopted(text, m.end()))
        if "?" in text or "？" in text:
            spans.extend(m.span(m.lastindex) for m in _DENIED_QUESTION.finditer(text) if m.lastindex)
            opening = _OPENING_QUESTION.match(text)
            if opening is not None and opening.lastindex and not adopted(text, opening.end()):
                spans.append(opening.span(opening.lastindex))
    if not _ANY_SIGN.search(text):
        return spans
    if any(sign in text for sign in _REPORTED_SIGNS):
        spans.extend(m.span(1) for m in _REPORTED_QUESTION.finditer(text) if not adopted(text, m.end()))
    if any(sign in text for sign in _PROPOSAL_SIGNS):
        spans.extend(m.span(1) for m in _RETOLD_PROPOSAL.finditer(text) if not adopted(text, m.end()))
    return spans


class QuotedBuyerFilter(Filter):
    name = "quoted-buyer"
    categories = frozenset(c.value for c in Category) - {Category.LANGUAGE.value}
    spares_identifiers = True

    def judge(self, draft: Draft, candidate: Candidate) -> Optional[object]:
        quotes = draft.extras.get(QuotedBuyerFilter)
        if quotes is None:
            quotes = draft.extras[QuotedBuyerFilter] = spans_of(quoted_spans(draft.text))
        return DROP if quotes and excused(candidate, quotes) else None  # (most drafts quote no one)


def excused(candidate: Candidate, spans: Spans) -> bool:
    """Whether one of ``spans`` excuses the candidate: it holds it, or, for a
    classifier's finding (a whole sentence), it overlaps it."""
    if candidate.kind == "classifier":
        return spans.overlapping(candidate.start, candidate.end)
    return spans.holding(candidate.start, candidate.end)
