"""Response-time and compliance figures on small histories, against values computed by hand."""
from __future__ import annotations

import json

import pytest
from test_audit_helpers import write_example

from ozonlint.audit import figures, i18n
from ozonlint.audit.hours import Clock, load_zone, parse_days, parse_hours
from ozonlint.audit.records import BUYER, OTHER, SELLER, Message, parse_time
from ozonlint.audit.run import Settings, audit
from ozonlint.audit.timing import chat_times, in_time_order

H = 3600 * 1_000_000


def msg(role: str, when: str, mid=None, text: str = "Здравствуйте!", author: str = "m") -> Message:
    return Message("c", "f:1", None if mid is None else str(mid), role, role, author, parse_time(when), text)


def report_of(folder, linter, clock=None, within=24.0, as_of=None):
    from ozonlint.audit.inputs import Inputs
    from ozonlint.audit.run import chat_stream

    clock = clock or Clock()
    partial = audit(chat_stream(Inputs([str(folder)]), {}, None, lambda n: None), Settings(linter, "en", clock))
    return figures.build(partial, partial.problems, 3, clock, within, as_of, "en", i18n.problem), partial


def test_worked_example_response_figures(tmp_path, linter):
    write_example(tmp_path)
    report, _ = report_of(tmp_path, linter)
    r = report["response"]
    assert r["buyer_messages"] == 5                  # A: 3, B: 1, C: 1 (the image counts: the buyer asked)
    assert r["answered_messages"] == 4
    assert r["times"] == {"count": 4, "median_seconds": 3000, "mean_seconds": 24000, "p90_seconds": 90000,
                          "min_seconds": 0, "max_seconds": 90000}   # 0, 2400, 3600, 90000
    assert r["answered_within"] == 3 and r["within_share"] == 0.6
    assert r["answered_share"] == 0.8
    assert (r["chats_with_buyer"], r["chats_answered"], r["response_rate"]) == (3, 2, 0.666667)
    first = r["first_response"]
    assert (first["count"], first["median_seconds"], first["within"], first["within_share"]) == (2, 1800, 2, 0.666667)
    assert r["chats_waiting"] == 1
    assert r["waiting"] == [{"chat_id": "chat-b", "source": str(tmp_path / "chat-b.json"),
                             "since": "2026-11-16T12:00:00Z", "buyer_messages": 1, "waiting_seconds": 34 * 3600,
                             "overdue": True}]
    assert report["settings"]["as_of"] == "2026-11-17T22:00:00Z"


def test_worked_example_compliance_counts_only_seller_text(tmp_path, linter):
    write_example(tmp_path)
    report, partial = report_of(tmp_path, linter)
    c = report["compliance"]
    assert c["seller_messages"] == 5 and c["checked_messages"] == 5
    assert c["violating_messages"] == 1
    assert {x["rule"] for x in c["by_rule"]} == {"contact.messenger", "contact.phone"}
    findings = list(partial.iter_findings())
    assert [(f["chat_id"], f["message_id"], f["manager"]) for f in findings] == [("chat-a", "7", "oleg")]
    # chat B's buyer wrote the same WhatsApp number: never the seller's violation
    assert all(f["chat_id"] != "chat-b" for f in findings)
    assert c["by_manager"][0]["manager"] == "oleg" and c["by_manager"][0]["violations"] == 2
    assert report["inputs"]["by_author"] == {"buyer": 5, "seller": 5, "other": 2}
    assert report["inputs"]["images"] == 1


def test_working_hours_count_only_open_time(tmp_path, linter):
    write_example(tmp_path)
    clock = Clock(load_zone("UTC"), parse_hours("09:00-18:00"), parse_days("mon-fri"))
    report, _ = report_of(tmp_path, linter, clock)
    r = report["response"]
    # 09:00->10:00 = 1 h; 09:20->10:00 = 40 min; Mon 20:00 -> Tue 21:00 = Tue 09:00-18:00 = 9 h; 10:00->10:00 = 0
    assert r["clock"] == "working"
    assert r["times"]["max_seconds"] == 9 * 3600 and r["times"]["median_seconds"] == 3000
    assert r["answered_within"] == 4
    # chat B: Mon 12:00 -> Tue 22:00 on the clock = 6 h + 9 h
    assert r["waiting"][0]["waiting_seconds"] == 15 * 3600 and r["waiting"][0]["overdue"] is False


def test_several_buyer_messages_share_one_answer():
    times = chat_times([msg(BUYER, "2026-11-16T09:00:00Z"), msg(BUYER, "2026-11-16T09:30:00Z"),
                        msg(SELLER, "2026-11-16T10:00:00Z"), msg(SELLER, "2026-11-16T11:00:00Z")], Clock())
    assert times.response_times == [H, H // 2] and times.first_response == H
    assert times.waiting_since is None


def test_answers_before_any_buyer_message_answer_nothing():
    times = chat_times([msg(SELLER, "2026-11-16T08:00:00Z"), msg(BUYER, "2026-11-16T09:00:00Z")], Clock())
    assert times.response_times == [] and times.first_response is None
    assert times.waiting_since == parse_time("2026-11-16T09:00:00Z") and times.waiting_count == 1


def test_other_authors_neither_ask_nor_answer():
    times = chat_times([msg(BUYER, "2026-11-16T09:00:00Z"), msg(OTHER, "2026-11-16T09:05:00Z"),
                        msg(SELLER, "2026-11-16T11:00:00Z")], Clock())
    assert times.response_times == [2 * H] and times.buyer_messages == 1


def test_equal_times_ordered_by_numeric_message_id():
    # the seller's message has the larger id: it comes after the question and answers it in 0 s
    answered = chat_times([msg(SELLER, "2026-11-16T10:00:00Z", 6), msg(BUYER, "2026-11-16T10:00:00Z", 5)], Clock())
    assert answered.response_times == [0]
    unanswered = chat_times([msg(SELLER, "2026-11-16T10:00:00Z", 5), msg(BUYER, "2026-11-16T10:00:00Z", 6)], Clock())
    assert unanswered.response_times == [] and unanswered.waiting_count == 1


def test_equal_times_without_ids_follow_the_read_order_newest_first_read_from_the_end():
    oldest_first = [msg(BUYER, "2026-11-16T09:00:00Z"), msg(SELLER, "2026-11-16T10:00:00Z"),
                    msg(BUYER, "2026-11-16T10:00:00Z")]
    assert chat_times(oldest_first, Clock()).waiting_count == 1
    newest_first = list(reversed(oldest_first))
    assert [m.role for m in in_time_order(newest_first)] == [BUYER, SELLER, BUYER]
    assert chat_times(newest_first, Clock()) == chat_times(oldest_first, Clock())


def test_summary_median_even_count_and_nearest_rank_p90():
    from collections import Counter

    s = figures.summary(Counter({10 * 1_000_000: 1, 20 * 1_000_000: 1, 30 * 1_000_000: 1, 40 * 1_000_000: 1}))
    assert s["median_seconds"] == 25 and s["p90_seconds"] == 40 and s["mean_seconds"] == 25
    s = figures.summary(Counter({1_000_000: 9, 100 * 1_000_000: 1}))
    assert s["median_seconds"] == 1 and s["p90_seconds"] == 1  # ceil(0.9 * 10) = 9th smallest


def test_exactly_the_standard_counts_as_within():
    from collections import Counter

    assert figures.within(Counter({24 * H: 1, 24 * H + 1: 1}), 24 * H) == 1


def test_daylight_saving_day_counts_its_real_hours():
    clock = Clock(load_zone("Europe/Berlin"))  # whole days, every day: 2026-03-29 has 23 hours
    start, end = parse_time("2026-03-28T23:00:00Z"), parse_time("2026-03-29T22:00:00Z")
    assert clock.elapsed(start, end) == 23 * H
    working = Clock(load_zone("Europe/Berlin"), parse_hours("01:00-04:00"))
    assert working.elapsed(start, end) == 2 * H  # 02:00-03:00 local does not exist that night


@pytest.mark.parametrize("bad", ["18:00-09:00", "9-18", "x"])
def test_bad_working_hours_are_refused(bad):
    with pytest.raises(ValueError):
        parse_hours(bad)


def test_weeks_follow_the_shop_time_zone(tmp_path, linter):
    write_example(tmp_path)
    report, _ = report_of(tmp_path, linter)
    assert [w["week"] for w in report["compliance"]["by_week"]] == ["2026-W47"]
    assert report["compliance"]["by_week"][0]["by_category"] == {"external-contact": 2}
    json.dumps(report)  # plain JSON types only
