"""The report's figures from merged partials: the JSON document minus its findings (schema in the README)."""
from __future__ import annotations

from collections import Counter
from typing import Any, Dict, List, Optional

from .. import __version__
from .aggregate import Partial, worst_key
from .hours import Clock
from .records import BUYER, MICROS, OTHER, SELLER, Problem, iso

SCHEMA = "ozonlint-audit"
SCHEMA_VERSION = 1
HOUR = 3600 * MICROS
BUCKET_EDGES_HOURS = (1, 2, 4, 8, 12, 24, 48, 72)
MIN_REPEATS = 2


def seconds(micros: float) -> float:
    """Seconds as a JSON number: an integer when whole."""
    value = micros / MICROS
    return int(value) if value == int(value) else value


def share(part: int, whole: int) -> Optional[float]:
    return None if whole == 0 else round(part / whole, 6)


def summary(times: Counter) -> Dict[str, Any]:
    """count, median (the middle value; the mean of the two middle ones for an even count),
    mean (rounded to the microsecond), p90 (nearest rank: the ceil(0.9 n)-th smallest), min and max, in seconds."""
    count = sum(times.values())
    if not count:
        return {"count": 0, "median_seconds": None, "mean_seconds": None, "p90_seconds": None,
                "min_seconds": None, "max_seconds": None}
    values = sorted(times.items())

    def nth(rank: int) -> int:  # 1-based rank in the sorted values
        seen = 0
        for value, n in values:
            seen += n
            if seen >= rank:
                return value
        raise AssertionError(rank)

    middle = (nth((count + 1) // 2) + nth(count // 2 + 1)) / 2
    total = sum(value * n for value, n in values)
    return {"count": count, "median_seconds": seconds(middle), "mean_seconds": seconds(round(total / count)),
            "p90_seconds": seconds(nth(-(-9 * count // 10))), "min_seconds": seconds(values[0][0]),
            "max_seconds": seconds(values[-1][0])}


def within(times: Counter, limit: int) -> int:
    return sum(n for value, n in times.items() if value <= limit)


def distribution(times: Counter, within_hours: float) -> List[Dict[str, Any]]:
    """Counts per bucket (lower edge exclusive, upper inclusive; the first from 0, the last open)."""
    edges = sorted(set(BUCKET_EDGES_HOURS) | {within_hours})
    buckets = []
    lower: Optional[float] = None
    for upper in edges + [None]:
        count = sum(n for value, n in times.items()
                    if (lower is None or value > lower * HOUR) and (upper is None or value <= upper * HOUR))
        buckets.append({"from_hours": lower or 0, "to_hours": upper, "count": count})
        lower = upper
    return buckets


def build(partial: Partial, problems: List[Problem], files: int, clock: Clock, within_hours: float,
          as_of: Optional[int], lang: str, problem_text) -> Dict[str, Any]:
    limit = int(round(within_hours * HOUR))
    reference = as_of if as_of is not None else partial.last_time
    compliance = {
        "seller_messages": partial.by_author[SELLER],
        "checked_messages": partial.checked,
        "violating_messages": partial.violating,
        "violating_share": share(partial.violating, partial.checked),
        "violations": partial.violations,
        "by_severity": {sev: partial.by_severity[sev] for sev in ("error", "warning", "info")},
        "by_category": [{"category": c, "violations": n, "messages": partial.by_category_messages[c]}
                        for c, n in sorted(partial.by_category.items(), key=lambda x: (-x[1], x[0]))],
        "by_rule": [{"rule": r, "category": partial.rules[r][0], "severity": partial.rules[r][1], "violations": n}
                    for r, n in sorted(partial.by_rule.items(), key=lambda x: (-x[1], x[0]))],
        "by_manager": [{"manager": name or None, "seller_messages": m[0], "checked_messages": m[1],
                        "violating_messages": m[2], "violations": m[3], "violating_share": share(m[2], m[1])}
                       for name, m in sorted(partial.managers.items(), key=lambda x: (-x[1][3], -x[1][0], x[0]))],
        "by_week": [{"week": week, "checked_messages": partial.week_checked[week],
                     "violations": sum(partial.weeks.get(week, Counter()).values()),
                     "by_category": dict(sorted(partial.weeks.get(week, Counter()).items()))}
                    for week in sorted(set(partial.week_checked) | set(partial.weeks))],
        "by_chat": [{"chat_id": chat_id, "source": source, "violations": n, "violating_messages": m}
                    for n, m, chat_id, source in partial.top_chats],
        "worst_messages": sorted(partial.worst, key=worst_key),
        "repeated_texts": [{"text": example["text"], "count": count, "rules": rules, "example": example["place"]}
                           for count, example, rules in sorted(partial.repeated.values(),
                                                               key=lambda e: (-e[0], worst_key(e[1])[2:]))
                           if count >= MIN_REPEATS],
    }
    waiting = []
    for since, chat_id, source, count in sorted(partial.waiting, key=lambda w: (w[0], w[1], w[2])):
        waited = clock.elapsed(since, reference) if reference is not None else 0
        waiting.append({"chat_id": chat_id, "source": source, "since": iso(since), "buyer_messages": count,
                        "waiting_seconds": seconds(waited), "overdue": waited > limit})
    first = summary(partial.first_responses)
    first_within = within(partial.first_responses, limit)
    first.update(within=first_within, within_share=share(first_within, partial.chats_with_buyer))
    response = {
        "clock": "working" if clock.working else "wall",
        "within_hours": within_hours,
        "buyer_messages": partial.buyer_messages,
        "answered_messages": partial.answered,
        "unanswered_messages": partial.buyer_messages - partial.answered,
        "answered_share": share(partial.answered, partial.buyer_messages),
        "answered_within": within(partial.response_times, limit),
        "within_share": share(within(partial.response_times, limit), partial.buyer_messages),
        "times": summary(partial.response_times),
        "distribution": distribution(partial.response_times, within_hours),
        "chats_with_buyer": partial.chats_with_buyer,
        "chats_answered": partial.chats_answered,
        "response_rate": share(partial.chats_answered, partial.chats_with_buyer),
        "first_response": first,
        "first_response_distribution": distribution(partial.first_responses, within_hours),
        "chats_waiting": len(waiting),
        "chats_overdue": sum(1 for w in waiting if w["overdue"]),
        "waiting": waiting,
    }
    return {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "ozonlint": __version__,
        "settings": dict(clock.describe(), lang=lang, within_hours=within_hours,
                         as_of=None if reference is None else iso(reference)),
        "inputs": {
            "files": files,
            "chats": partial.chats,
            "messages": partial.messages,
            "by_author": {role: partial.by_author[role] for role in (BUYER, SELLER, OTHER)},
            "unknown_roles": dict(sorted(partial.unknown_roles.items())),
            "images": partial.images,
            "first_message": None if partial.first_time is None else iso(partial.first_time),
            "last_message": None if partial.last_time is None else iso(partial.last_time),
            "skipped": len(problems),
            "problems": [{"place": p.place, "reason": p.key, "detail": p.detail or None,
                          "message": problem_text(p, lang)} for p in problems],
        },
        "compliance": compliance,
        "response": response,
    }
