"""The audit's JSON (versioned schema) and HTML (one offline file) reports."""
from __future__ import annotations

import json
import re

from conftest import CliRunner
from test_audit_helpers import write_example

from ozonlint.cli import main

CONTRACT_FIELDS = {"line", "column", "end_line", "end_column", "start", "end", "rule", "category", "severity",
                   "message", "match", "suggestion"}


def audit_json(folder, *args):
    result = CliRunner().invoke(main, ["audit", str(folder), "--format", "json", *args])
    return json.loads(result.stdout)


def test_json_schema_and_version(tmp_path):
    write_example(tmp_path)
    report = audit_json(tmp_path)
    assert (report["schema"], report["version"]) == ("ozonlint-audit", 1)
    assert list(report) == ["schema", "version", "ozonlint", "settings", "inputs", "compliance", "response",
                            "findings"]
    assert set(report["settings"]) == {"timezone", "working_hours", "working_days", "lang", "within_hours", "as_of"}
    assert set(report["inputs"]) == {"files", "chats", "messages", "by_author", "unknown_roles", "images",
                                     "first_message",
                                     "last_message", "skipped", "problems"}
    assert set(report["compliance"]) == {"seller_messages", "checked_messages", "violating_messages",
                                         "violating_share", "violations", "by_severity", "by_category", "by_rule",
                                         "by_manager", "by_week", "by_chat", "worst_messages", "repeated_texts"}
    assert {"times", "first_response", "distribution", "response_rate", "within_share", "waiting",
            "chats_waiting", "chats_overdue"} <= set(report["response"])
    (finding,) = report["findings"]
    assert set(finding) == {"chat_id", "message_id", "time", "manager", "order", "place", "severity", "text",
                            "violations"}
    for v in finding["violations"]:
        assert CONTRACT_FIELDS <= set(v) <= CONTRACT_FIELDS | {"fix"}  # "fix": the applicability (additive)
        assert finding["text"][v["start"]:v["end"]] == v["match"]
    assert sum(b["count"] for b in report["response"]["distribution"]) == report["response"]["times"]["count"]


def test_findings_follow_the_language(tmp_path):
    write_example(tmp_path)
    en = audit_json(tmp_path)["findings"][0]["violations"][0]["message"]
    zh = audit_json(tmp_path, "--lang", "zh")["findings"][0]["violations"][0]["message"]
    assert en != zh and re.search(r"[\u4e00-\u9fff]", zh)


def test_problems_are_in_the_report(tmp_path):
    write_example(tmp_path)
    (tmp_path / "x.jsonl").write_text('{"chat_id": "z", "created_at": "2026-11-16T09:00:00Z"}\n', encoding="utf-8")
    report = audit_json(tmp_path, "--lang", "ru")
    assert report["inputs"]["skipped"] == 1
    assert report["inputs"]["problems"] == [{"place": f"{tmp_path / 'x.jsonl'}:1", "reason": "no_role",
                                             "detail": None, "message": "нет автора (user.type или столбец роли)"}]


def test_repeated_texts_group_one_template(tmp_path):
    from test_audit_helpers import message

    bad = "Напишите в WhatsApp +7 916 555-12-34"
    for n in range(3):
        chat = [message(1, "Customer", "2026-11-16T09:00:00Z", "?"),
                message(2, "Seller", "2026-11-16T09:30:00Z", bad if n else "  " + bad.upper() + " ")]
        (tmp_path / f"c{n}.json").write_text(json.dumps({"chat_id": f"c{n}", "messages": chat}), encoding="utf-8")
    repeated = audit_json(tmp_path)["compliance"]["repeated_texts"]
    assert [(r["count"], r["rules"]) for r in repeated] == [(3, ["contact.messenger", "contact.phone"])]


def test_html_is_one_offline_file(tmp_path):
    write_example(tmp_path / "h")
    out = tmp_path / "r.html"
    CliRunner().invoke(main, ["audit", str(tmp_path / "h"), "--format", "html", "-o", str(out)])
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html and "<link" not in html and "@import" not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert html.count("<svg") == 3  # violations per week, response times, managers
    assert 'class="standard"' in html  # the 24-hour line
    assert "<mark" in html and "WhatsApp" in html


def test_html_escapes_the_messages(tmp_path):
    from test_audit_helpers import message

    chat = [message(1, "Customer", "2026-11-16T09:00:00Z", "?"),
            message(2, "Seller", "2026-11-16T09:30:00Z", "<script>alert(1)</script> WhatsApp +7 916 555-12-34")]
    (tmp_path / "c.json").write_text(json.dumps({"chat_id": "<b>c</b>", "messages": chat}), encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", str(tmp_path), "--format", "html"])
    assert "<script>" not in result.stdout and "&lt;script&gt;" in result.stdout and "<b>c</b>" not in result.stdout


def test_unknown_author_roles_are_counted_as_other_and_reported(tmp_path):
    from test_audit_helpers import message

    chat = [message(1, "Customer", "2026-11-16T09:00:00Z", "?"), message(2, "Менеджер", "2026-11-16T09:30:00Z", "!"),
            message(3, "Support", "2026-11-16T09:40:00Z", "…")]
    (tmp_path / "c.json").write_text(json.dumps({"chat_id": "c", "messages": chat}), encoding="utf-8")
    report = audit_json(tmp_path)
    assert report["inputs"]["by_author"]["other"] == 2 and report["inputs"]["unknown_roles"] == {"Менеджер": 1}
    text = CliRunner().invoke(main, ["audit", str(tmp_path)]).stdout
    assert "unknown author roles" in text and "'Менеджер' × 1" in text
