"""A pattern's lead: a std ``re`` pattern that every match of it begins with.

A rule's pattern runs on ``regex`` under a time budget, and ``regex`` pays for
the budget on every call (it reads the process clock, a system call, twice)
and tries a pattern like ``не\\s+(?:возвращайте|…)`` at every position of a
draft. Its lead (``не\\s+(?:возвращайте|…)``, read off its source) runs on std
``re``, which jumps to a literal start and needs no budget: where the lead is
not found, the pattern cannot match; where it is first found, the pattern's
scan may start (``finditer(text, pos)``: its look-behinds still see the text
before ``pos``).

A lead matches wherever the pattern could begin a match (it may match more:
``\\s`` of std re is a superset of regex's, a lazy or possessive repeat is read
as a greedy one) and it cannot backtrack for long, having no budget itself:
literal characters, classes of plain characters, ``\\s`` and ``\\d``, each at
most an exact number of times (or optional), alternatives of such sequences
(groups in them too), and at most one open repeat, of spaces and marks only (no
letter or digit), so that a start costs at most its run of spaces (each
alternative of a group that no open repeat comes before may have its own: a
start then costs at most one run per alternative). A pattern that begins with a
look-behind that no digit may stand before, and then a run of digits
(``(?<![\\p{L}\\p{N}])\\d+руб``), has a lead that begins where a run of digits
does (``\\d(?<!\\d\\d)\\d*руб``), and reads each run once. It stops at the first item it
cannot read. With case folding (the base and words views are case-folded), its
letters are ASCII or Cyrillic, written in lower case, and it is compiled
without IGNORECASE (std re jumps to a literal start only when it is case
sensitive): in a case-folded text, a letter that matches one of those
ignoring case is that lower-case letter.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, List, Optional, Tuple

from ..lazyre import LazyPattern, lazy_re
from .base import _is_han
from .gatekeys import group_end

if TYPE_CHECKING:  # pragma: no cover
    from ..safepattern import SafePattern

_MAX_OPTIONAL = 4


class _Lead:
    """The state of one lead being read: what it has, whether it may go on."""

    def __init__(self, folded: bool, digit_run: bool = False) -> None:
        self.folded = folded
        self.open_repeat = False  # the one open repeat has been used
        self.optional = 0
        # no digit stands before a match: its first item, \d, may be an open repeat (see _digits_first)
        self.digit_run = digit_run


def _plain_char(ch: str, folded: bool) -> bool:
    if ch.isalnum():
        # a Chinese character has no case: ignoring case, it matches itself alone
        return ch.isascii() or not folded or "\u0400" <= ch <= "\u04ff" or _is_han(ch)
    return ch.isprintable() and ch not in "\\[]()|{}.^$*+?"


# A negative look-behind of one class that holds every digit (\\d, \\p{N} or \\p{Nd} of regex;
# std re's \\d is the same Unicode digits, \\p{Nd}): no digit stands before a match.
_NO_DIGIT_BEFORE = re.compile(r"\(\?<!(?:\\d|\[(?!\^)(?:[^\]\[\\]|\\.)*?(?:\\d|\\p\{Nd?\})(?:[^\]\[\\]|\\.)*\])\)")


def _digits_first(source: str) -> Optional[str]:
    """What follows the look-behinds ``source`` begins with, when one of them keeps a digit from
    standing before a match and a run of digits (``\\d+``) follows them: such a pattern is
    tried only where a run of digits starts (its lead reads each run once, where a lead of
    ``\\d`` alone stands at every digit). None for another pattern."""
    rest, no_digit = source, False
    while rest.startswith(("(?<=", "(?<!")):
        end = group_end(rest, 0)
        if end >= len(rest):
            return None
        look_behind = rest[:end + 1]
        no_digit = no_digit or _NO_DIGIT_BEFORE.fullmatch(look_behind) is not None and not any(
            operator in look_behind for operator in ("--", "&&", "||", "~~"))  # (a set operation of regex)
        rest = rest[end + 1:]
    return rest if no_digit and rest.startswith("\\d+") else None


def _after_look_behinds(source: str) -> str:
    """``source`` without the look-behinds it begins with, when a literal letter follows
    them: they match no character (a match begins where what follows them does), and a
    pattern tried at a lead's place still sees the text before it. (Not before a class:
    std re jumps to a literal, but "\\d" after "(?<!\\d)" stands at every digit of a
    reply, and the pattern would be tried at each.)"""
    rest = source
    while rest.startswith(("(?<=", "(?<!")):
        end = group_end(rest, 0)
        if end >= len(rest):
            return source
        rest = rest[end + 1:]
    return rest if rest[:1].isalnum() else source


def _atom(source: str, i: int, lead: _Lead) -> Optional[Tuple[int, str, bool]]:
    """(end, re source, whether it can match a letter or digit) of the one-character
    item at ``i``, or None when it is not one a lead reads."""
    ch = source[i]
    if ch == "\\":
        nxt = source[i + 1:i + 2]
        if nxt in ("s", "d"):
            return i + 2, "\\" + nxt, nxt == "d"
        if nxt and not nxt.isalnum() and nxt.isascii() and nxt.isprintable():
            return i + 2, "\\" + nxt, False
        return None
    if ch == "[":
        return _class(source, i, lead)
    if _plain_char(ch, lead.folded):
        return i + 1, re.escape(ch.lower() if lead.folded else ch), ch.isalnum()
    return None


def _class(source: str, i: int, lead: _Lead) -> Optional[Tuple[int, str, bool]]:
    """A class of plain characters, ranges, ``\\s``, ``\\d`` and escaped marks (no
    negation, nested sets or set operations, which regex's version 1 reads otherwise)."""
    j = i + 1
    if source[j:j + 1] in ("^", "]"):
        return None
    alnum = False
    while j < len(source) and source[j] != "]":
        ch = source[j]
        if ch == "\\":
            nxt = source[j + 1:j + 2]
            if nxt == "d":
                alnum = True
            elif not (nxt == "s" or nxt and not nxt.isalnum() and nxt.isascii() and nxt.isprintable()):
                return None
            j += 2
            continue
        if ch == "[" or source[j:j + 2] in ("--", "&&", "||", "~~"):
            return None
        if ch != "-" and not _plain_char(ch, lead.folded) and ch not in ".$*+?(){}|^":
            return None
        if lead.folded and ch != ch.lower():
            return None  # an upper-case letter in a class read ignoring case: not rewritten here
        alnum = alnum or ch.isalnum()
        j += 1
    if j >= len(source):
        return None
    return j + 1, source[i:j + 1], alnum


def _quantifier(source: str, i: int) -> Tuple[int, Optional[int], Optional[int]]:
    """(end, least, most) of the quantifier at ``i`` (most None: open); (i, 1, 1) when none,
    (i, None, None) when one that is not read."""
    ch = source[i:i + 1]
    if ch == "?":
        low, high, end = 0, 1, i + 1
    elif ch == "*":
        low, high, end = 0, None, i + 1
    elif ch == "+":
        low, high, end = 1, None, i + 1
    elif ch == "{":
        m = re.match(r"\{(\d+)(,(\d*))?\}", source[i:])
        if m is None:
            return i, None, None
        low = int(m.group(1))
        high = low if m.group(2) is None else (int(m.group(3)) if m.group(3) else None)
        end = i + m.end()
    else:
        return i, 1, 1
    if source[end:end + 1] in ("?", "+"):
        end += 1  # lazy or possessive: the same characters, tried in another order
    return end, low, high


def _sequence(source: str, lead: _Lead, whole: bool) -> Optional[Tuple[str, bool]]:
    """(lead, whether all of ``source`` was read) of one alternative; None when
    ``whole`` and it was not all read, or when nothing was."""
    parts: List[str] = []
    i = 0
    done = True
    while i < len(source):
        if source[i] == "(":
            group = _group(source, i, lead)
            if group is None:
                done = False
                break
            end, text, complete = group
            q_end, low, high = _quantifier(source, end)
            if (low, high) == (0, 1) and lead.optional < _MAX_OPTIONAL:
                lead.optional += 1
                parts.append(f"(?:{text})?")
            elif (low, high) == (1, 1):
                parts.append(f"(?:{text})")
            else:
                done = False
                break
            i = q_end
            if not complete:
                done = False
                break
            continue
        atom = _atom(source, i, lead)
        if atom is None:
            done = False
            break
        end, text, alnum = atom
        q_end, low, high = _quantifier(source, end)
        if low is None:
            done = False
            break
        if (low, high) == (1, 1):
            parts.append(text)
        elif low == high:
            parts.append(text * low if low <= 8 else f"{text}{{{low}}}")  # std re scans a written-out run faster
        elif (low, high) == (0, 1) and lead.optional < _MAX_OPTIONAL:
            lead.optional += 1
            parts.append(text + "?")
        elif not alnum and not lead.open_repeat:
            lead.open_repeat = True
            parts.append(f"{text}{{{low},}}")
        elif lead.digit_run and not parts and text == "\\d" and low == 1 and not lead.open_repeat:
            # a start only where a run begins (a digit with none before it), the run read once from
            # there; the digit first, for std re to jump to (a look-behind first, it tries every place)
            lead.open_repeat = True
            parts.append("\\d(?<!\\d\\d)\\d*")
        else:  # the lead stops here, with the least this repeat matches
            if low:
                parts.append(text * low if low <= 8 else f"{text}{{{low}}}")
            done = False
            break
        i = q_end
    if not parts or whole and not done:
        return None
    return "".join(parts), done


def _group(source: str, i: int, lead: _Lead) -> Optional[Tuple[int, str, bool]]:
    """(end, alternatives, whether each was read whole) of the group at ``i``."""
    from .pattern import _split_top

    j = group_end(source, i)
    if j >= len(source):
        return None
    inner = source[i + 1:j]
    if inner.startswith("?:"):
        inner = inner[2:]
    elif inner.startswith("?"):
        return None  # a look-around, inline flags, a named or atomic group
    alternatives = _split_top(inner)
    if not alternatives:
        return None
    read = []
    complete = True
    # with no open repeat before the group, each alternative may have its own (one is
    # read at a time); after the group, none may, if one of them had one
    fresh = not lead.open_repeat
    used = lead.open_repeat
    for alternative in alternatives:
        if fresh:
            lead.open_repeat = False
        found = _sequence(alternative, lead, whole=False)
        if found is None:
            return None
        used = used or lead.open_repeat
        read.append(found[0])
        complete = complete and found[1]
    lead.open_repeat = used
    return j + 1, "|".join(read), complete


def _starts_with_a_letter(source: str, folded: bool) -> bool:
    """Whether every match of ``source`` begins with a letter or digit that it
    must have: then no two starts share a run of spaces and marks that an open
    repeat reads (a lead starting at every space of a long run would read the
    rest of the run each time)."""
    lead = _Lead(folded)
    if source.startswith("("):
        group = _group(source, 0, lead)
        if group is None or _quantifier(source, group[0])[1:] != (1, 1):
            return False
        from .pattern import _split_top

        inner = source[1:group[0] - 1]
        inner = inner[2:] if inner.startswith("?:") else inner
        return all(alternative and _starts_with_a_letter(alternative, folded)
                   for alternative in _split_top(inner) or [""])
    atom = _atom(source, 0, lead) if source else None
    if atom is None or not atom[2]:
        return False
    low = _quantifier(source, atom[0])[1]
    return low is not None and low >= 1


def lead_of(source: str, folded: bool) -> Optional[str]:
    """The lead of ``source`` (see the module's text), or None when it has none.
    ``folded``: the pattern is case-insensitive and reads case-folded text."""
    from .pattern import _split_top

    if re.search(r"\(\?[a-zA-Z^]", source) or "\\G" in source:
        return None  # inline flags: not read; \\G: a match there depends on where a scan starts
    alternatives = _split_top(source)
    if not alternatives:
        return None
    leads = []
    for alternative in alternatives:
        digits = _digits_first(alternative)
        alternative = _after_look_behinds(alternative) if digits is None else digits
        found = _sequence(alternative, _Lead(folded, digit_run=digits is not None), whole=False)
        if found is None or not _starts_with_a_letter(alternative, folded):
            return None
        leads.append(found[0])
    lead = leads[0] if len(leads) == 1 else "|".join(f"(?:{lead})" for lead in leads)
    try:
        re.compile(lead)
    except re.error:
        return None
    return lead


def compiled_lead(source: str, folded: bool) -> Optional[LazyPattern]:
    """The lead of ``source`` as a std ``re`` pattern (compiled on first use), or None."""
    lead = lead_of(source, folded)
    return None if lead is None else lazy_re(lead)  # (case-sensitive: see the module's text)


def lead_start(lead: Optional[LazyPattern], text: str) -> Optional[int]:
    """Where a scan of ``text`` may start: where ``lead`` first stands (None when it is
    absent: nothing can match), or 0 when the pattern has no lead."""
    if lead is None:
        return 0
    found = lead.search(text)
    return None if found is None else found.start()


# How many of a lead's places a pattern is tried at, one match each, before one scan
# takes the rest of the text from the next (a try costs a regex call, with its budget's
# clock reads; a scan of a reply from its first lead, several).
_MAX_TRIES = 6


def lead_matches(pattern: "SafePattern", lead: Optional[LazyPattern], text: str) -> List[Tuple[int, int]]:
    """The spans of ``pattern.finditer(text)``'s non-empty matches, the pattern tried only
    where its ``lead`` stands (every match begins where its lead does): regex scans a
    text from a start position at some 20 ns a character and tries each position,
    std re jumps to a lead's literal start.

    The same matches: a search from ``pos`` is, position by position from ``pos``, a
    match there (what ``pos`` changes is only where a match may start: look-behinds and
    ``\\b`` see the text before it, ``\\A`` and ``^`` never match at it, and a lead
    is refused to a pattern with ``\\G``); a position where the lead does not stand
    cannot start a match; and a lead's match is never empty, so neither is a match
    of the pattern, and after a match the scan goes on from its end, as finditer's does."""
    if lead is None:
        return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
    spans = []
    found = lead.search(text)
    tries = 0
    while found is not None:
        start = found.start()
        if tries == _MAX_TRIES:
            spans.extend(m.span() for m in pattern.finditer(text, start) if m.end() > m.start())
            break
        tries += 1
        match = pattern.match(text, start)
        if match is not None:
            spans.append(match.span())
            found = lead.search(text, match.end())
        else:
            found = lead.search(text, start + 1)
    return spans
