"""Mergeable partial figures: what a batch of chats adds up to, and how two partials combine.

Everything is a count, a sum of integers, a counter of exact durations, or a
top-N list with a total order, so merging in any grouping gives the same
result: ``--jobs 1``, ``--jobs N`` and a Dask cluster agree to the last digit.
"""
from __future__ import annotations

import heapq
import json
from collections import Counter
from typing import Any, Dict, Iterable, List, Optional, Tuple

from .compliance import SEVERITY_RANK
from .hours import Clock
from .records import OTHER, SELLER, Chat, Message, Note, Problem, unknown_role
from .timing import ChatTimes

TOP_CHATS = 20
TOP_MESSAGES = 20


def worst_key(found: Dict[str, Any]) -> Tuple:
    """Worst first: highest severity, then most violations, then earliest, then place."""
    return (-SEVERITY_RANK[found["severity"]], -len(found["violations"]), found["time"], found["chat_id"],
            found["place"])


def text_key(text: str) -> str:
    """Texts that differ only in spacing or case are one template."""
    return " ".join(text.split()).casefold()


class Partial:
    """The figures of some chats. ``add_chat`` to fill, ``merge`` to combine."""

    def __init__(self) -> None:
        self.chats = 0
        self.messages = 0
        self.by_author: Counter = Counter()
        self.unknown_roles: Counter = Counter()        # author values that name no known author
        self.images = 0
        self.first_time: Optional[int] = None
        self.last_time: Optional[int] = None
        # compliance
        self.checked = 0
        self.violating = 0
        self.violations = 0
        self.by_severity: Counter = Counter()
        self.by_category: Counter = Counter()
        self.by_category_messages: Counter = Counter()
        self.by_rule: Counter = Counter()
        self.rules: Dict[str, Tuple[str, str]] = {}
        self.managers: Dict[str, List[int]] = {}      # name -> [seller messages, checked, violating, violations]
        self.weeks: Dict[str, Counter] = {}           # ISO week -> violations per category
        self.week_checked: Counter = Counter()
        self.top_chats: List[Tuple] = []
        self.worst: List[Dict[str, Any]] = []
        self.repeated: Dict[str, List[Any]] = {}      # text key -> [count, example finding, rule ids]
        self.findings: List[Any] = []                 # spool file paths or lists of JSON lines, in order
        self.finding_count = 0
        # response times
        self.buyer_messages = 0
        self.answered = 0
        self.response_times: Counter = Counter()
        self.first_responses: Counter = Counter()
        self.chats_with_buyer = 0
        self.chats_answered = 0
        self.waiting: List[Tuple[int, str, str, int]] = []  # (since, chat id, source, buyer messages waiting)
        self.problems: List[Problem] = []             # rows and files skipped, in input order
        self.notes: List[Note] = []                   # what the workers had to say about their inputs

    # ------------------------------------------------------------ filling

    def add_chat(self, chat: Chat, times: ChatTimes, findings: List[Optional[Dict[str, Any]]],
                 clock: Clock) -> List[Dict[str, Any]]:
        """Count one chat; ``findings`` has one entry per message (None when clean). Returns the findings."""
        self.chats += 1
        kept: List[Dict[str, Any]] = []
        chat_violations = chat_violating = 0
        for message, found in zip(chat.messages, findings):
            self._count_message(message, clock)
            if found is None:
                continue
            kept.append(found)
            chat_violating += 1
            chat_violations += len(found["violations"])
            self._count_finding(message, found, clock)
        if chat_violating:
            self._keep_top_chat((chat_violations, chat_violating, chat.chat_id, chat.source))
        self.buyer_messages += times.buyer_messages
        self.answered += len(times.response_times)
        self.response_times.update(times.response_times)
        if times.buyer_messages:
            self.chats_with_buyer += 1
            if times.first_response is not None:
                self.chats_answered += 1
                self.first_responses[times.first_response] += 1
        if times.waiting_since is not None:
            self.waiting.append((times.waiting_since, chat.chat_id, chat.source, times.waiting_count))
        return kept

    def _count_message(self, message: Message, clock: Clock) -> None:
        self.messages += 1
        self.by_author[message.role] += 1
        if message.role == OTHER and unknown_role(message.user_type):
            self.unknown_roles[message.user_type] += 1
        self.images += message.is_image
        if self.first_time is None or message.time < self.first_time:
            self.first_time = message.time
        if self.last_time is None or message.time > self.last_time:
            self.last_time = message.time
        if message.role != SELLER:
            return
        manager = self.managers.setdefault(message.author or "", [0, 0, 0, 0])
        manager[0] += 1
        if message.is_image or not message.text.strip():
            return
        manager[1] += 1
        self.checked += 1
        self.week_checked[week_of(message.time, clock)] += 1

    def _count_finding(self, message: Message, found: Dict[str, Any], clock: Clock) -> None:
        self.violating += 1
        self.finding_count += 1
        manager = self.managers[message.author or ""]
        manager[2] += 1
        manager[3] += len(found["violations"])
        week = self.weeks.setdefault(week_of(message.time, clock), Counter())
        for category in {v["category"] for v in found["violations"]}:
            self.by_category_messages[category] += 1
        for v in found["violations"]:
            self.violations += 1
            self.by_severity[v["severity"]] += 1
            self.by_category[v["category"]] += 1
            self.by_rule[v["rule"]] += 1
            self.rules[v["rule"]] = (v["category"], v["severity"])
            week[v["category"]] += 1
        self._keep_worst([found])
        key = text_key(message.text)
        entry = self.repeated.get(key)
        if entry is None:
            self.repeated[key] = [1, found, sorted({v["rule"] for v in found["violations"]})]
        else:
            entry[0] += 1
            if worst_key(found)[2:] < worst_key(entry[1])[2:]:
                entry[1] = found

    def _keep_top_chat(self, item: Tuple) -> None:
        self.top_chats.append(item)
        if len(self.top_chats) > 2 * TOP_CHATS:
            self.top_chats = top_chats(self.top_chats)

    def _keep_worst(self, found: Iterable[Dict[str, Any]]) -> None:
        self.worst.extend(found)
        if len(self.worst) > 4 * TOP_MESSAGES:
            self.worst = heapq.nsmallest(TOP_MESSAGES, self.worst, key=worst_key)

    # ------------------------------------------------------------ combining

    def merge(self, other: "Partial") -> "Partial":
        """Add ``other`` (which comes after this one in input order) into this partial."""
        for name in ("chats", "messages", "images", "checked", "violating", "violations", "finding_count",
                     "buyer_messages", "answered", "chats_with_buyer", "chats_answered"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("by_author", "unknown_roles", "by_severity", "by_category", "by_category_messages", "by_rule",
                     "week_checked", "response_times", "first_responses"):
            getattr(self, name).update(getattr(other, name))
        if other.first_time is not None:
            self.first_time = other.first_time if self.first_time is None else min(self.first_time, other.first_time)
            self.last_time = other.last_time if self.last_time is None else max(self.last_time,
                                                                                other.last_time)  # type: ignore
        self.rules.update(other.rules)
        for name, counts in other.managers.items():
            mine = self.managers.setdefault(name, [0, 0, 0, 0])
            for index, value in enumerate(counts):
                mine[index] += value
        for week, counts in other.weeks.items():
            self.weeks.setdefault(week, Counter()).update(counts)
        self.top_chats = top_chats(self.top_chats + other.top_chats)
        self.worst = heapq.nsmallest(TOP_MESSAGES, self.worst + other.worst, key=worst_key)
        for key, (count, example, rules) in other.repeated.items():
            entry = self.repeated.get(key)
            if entry is None:
                self.repeated[key] = [count, example, rules]
            else:
                entry[0] += count
                if worst_key(example)[2:] < worst_key(entry[1])[2:]:
                    entry[1] = example
                entry[2] = sorted(set(entry[2]) | set(rules))
        self.findings.extend(other.findings)
        self.problems.extend(other.problems)
        self.notes.extend(other.notes)
        self.waiting.extend(other.waiting)
        return self

    def iter_findings(self) -> Iterable[Dict[str, Any]]:
        """Every finding, in input order (spooled ones read back from disk)."""
        for part in self.findings:
            if isinstance(part, str):
                with open(part, encoding="utf-8") as spool:
                    for line in spool:
                        yield json.loads(line)
            else:
                for line in part:
                    yield json.loads(line)


def top_chats(items: List[Tuple]) -> List[Tuple]:
    """The chats with most violations (then most violating messages, then by id and file)."""
    return sorted(items, key=lambda c: (-c[0], -c[1], c[2], c[3]))[:TOP_CHATS]


def week_of(micros: int, clock: Clock) -> str:
    year, week, _ = clock.local_date(micros).isocalendar()
    return f"{year}-W{week:02d}"
