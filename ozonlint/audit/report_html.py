"""One self-contained HTML file: figures first, then charts (inline SVG), then the findings with their messages.

No script, no style sheet or font from the network: the file opens offline."""
from __future__ import annotations

from html import escape
from itertools import islice
from typing import Any, Dict, Iterable, List, Optional, Sequence

from . import svg
from .i18n import category, duration, percent, severity, t
from .report_text import clock_line

MAX_FINDINGS = 300

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;
background:#f6f7f9;color:#1d2330}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:18px;margin:32px 0 12px;border-bottom:2px solid #005bff;padding-bottom:4px}
.sub{color:#5b6475;margin:0 0 16px}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:12px}
.figure{background:#fff;border-radius:8px;padding:12px 14px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.figure .value{font-size:26px;font-weight:700}.figure .label{color:#5b6475;font-size:13px}
.figure.bad .value{color:#d62728}.figure.good .value{color:#2a9d3c}
.chart{background:#fff;border-radius:8px;padding:12px;margin-bottom:12px}
table{border-collapse:collapse;width:100%;background:#fff;border-radius:8px;margin-bottom:12px;font-size:14px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eceef2;vertical-align:top}th{background:#eef2fb}
td.n{text-align:right;font-variant-numeric:tabular-nums}
mark{background:#ffd6d6;border-bottom:2px solid #d62728;padding:0 1px}
.sev-error{color:#d62728;font-weight:600}.sev-warning{color:#b36b00;font-weight:600}.sev-info{color:#5b6475}
.msg{white-space:pre-wrap}.why{color:#5b6475;font-size:12px}.alert{background:#ffe9e9;border-left:4px solid #d62728;
padding:8px 12px;margin:12px 0}
"""


def _figure(ident: str, value: str, label: str, tone: str = "") -> str:
    return (f'<div class="figure {tone}" id="fig-{ident}"><div class="value">{escape(value)}</div>'
            f'<div class="label">{escape(label)}</div></div>')


def _table(headers: Sequence[str], rows: Iterable[Sequence[Any]], numeric: Sequence[int] = ()) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for index, cell in enumerate(row):
            raw = cell if isinstance(cell, _Raw) else escape(str(cell))
            cells.append(f'<td class="n">{raw}</td>' if index in numeric else f"<td>{raw}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


class _Raw(str):
    """Already-escaped HTML for a table cell."""


def marked(text: str, violations: List[Dict[str, Any]]) -> str:
    """The message with each violation's span marked (overlapping spans: the first one wins)."""
    parts, pos = [], 0
    for v in sorted(violations, key=lambda v: (v["start"], -v["end"])):
        if v["start"] < pos:
            continue
        parts.append(escape(text[pos:v["start"]]))
        title = escape(v["rule"] + ": " + v["message"])
        parts.append(f'<mark title="{title}">{escape(text[v["start"]:v["end"]])}</mark>')
        pos = v["end"]
    parts.append(escape(text[pos:]))
    return "".join(parts)


def _finding_rows(findings: Iterable[Dict[str, Any]], lang: str) -> List[Sequence[Any]]:
    rows = []
    for f in findings:
        why = "<br>".join(f'<span class="sev-{escape(v["severity"])}">{escape(v["rule"])}</span> '
                          f'<span class="why">{escape(v["message"])}</span>' for v in f["violations"])
        rows.append((_Raw(f'<span class="sev-{escape(f["severity"])}">{escape(severity(f["severity"], lang))}</span>'),
                     _Raw(f'{escape(f["chat_id"])}<br><span class="why">{escape(f["place"])}</span>'),
                     f["time"].replace("T", " ").replace("Z", ""), f["manager"] or t("unknown_manager", lang),
                     _Raw(f'<div class="msg">{marked(f["text"], f["violations"])}</div>{why}')))
    return rows


def render(report: Dict[str, Any], findings: Iterable[Dict[str, Any]], lang: str) -> str:
    i, c, r = report["inputs"], report["compliance"], report["response"]
    h = f"{r['within_hours']:g}"
    first = r["first_response"]
    out: List[str] = [f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
                      f'<meta name="viewport" content="width=device-width, initial-scale=1">'
                      f'<title>{escape(t("title", lang))}</title><style>{STYLE}</style></head><body><main>']
    out.append(f'<h1>{escape(t("title", lang))}</h1>')
    if i["first_message"]:
        out.append(f'<p class="sub">{escape(t("period", lang))}: {escape(i["first_message"])} — '
                   f'{escape(i["last_message"])} ({escape(t("as_of", lang))} {escape(report["settings"]["as_of"])}) · '
                   f'{escape(clock_line(report, lang))}</p>')
    rate = r["response_rate"]
    out.append('<section class="figures">')
    out += [
        _figure("chats", str(i["chats"]), t("chats", lang)),
        _figure("messages", str(i["messages"]), t("messages", lang)),
        _figure("checked", str(c["checked_messages"]), t("checked", lang)),
        _figure("violating", f'{c["violating_messages"]} ({percent(c["violating_share"])})', t("violating", lang),
                "bad" if c["violating_messages"] else "good"),
        _figure("violations", str(c["violations"]), t("violations", lang), "bad" if c["violations"] else "good"),
        _figure("response-rate", percent(rate), t("response_rate", lang),
                "" if rate is None else ("bad" if rate < 0.8 else "good")),
        _figure("first-within", percent(first["within_share"]), t("first_within", lang, h=h)),
        _figure("first-median", "—" if first["median_seconds"] is None else duration(first["median_seconds"], lang),
                t("first_median", lang)),
        _figure("messages-within", percent(r["within_share"]), t("messages_within", lang, h=h)),
        _figure("waiting", str(r["chats_waiting"]), t("chats_waiting", lang), "bad" if r["chats_overdue"] else ""),
        _figure("overdue", str(r["chats_overdue"]), f'{t("chats_waiting", lang)}: {t("chats_overdue", lang, h=h)}'),
    ]
    if i["skipped"]:
        out.append(_figure("skipped", str(i["skipped"]), t("skipped", lang), "bad"))
    out.append("</section>")
    if rate is not None and rate < 0.8:
        out.append(f'<p class="alert">{escape(t("below_80", lang))}</p>')
    if i["unknown_roles"]:
        roles = ", ".join(f"{role!r} × {n}" for role, n in i["unknown_roles"].items())
        out.append(f'<p class="alert">{escape(t("unknown_roles", lang))}: {escape(roles)}</p>')
    out.append(_charts(report, lang))
    out.append(f'<h2>{escape(t("by_category", lang))}</h2>')
    out.append(_table([t("category", lang), t("violations", lang), t("violating", lang)],
                      [(category(x["category"], lang), x["violations"], x["messages"]) for x in c["by_category"]],
                      (1, 2)) if c["by_category"] else f'<p>{escape(t("no_violations", lang))}</p>')
    if c["by_rule"]:
        out.append(f'<h2>{escape(t("by_rule", lang))}</h2>')
        out.append(_table([t("rule", lang), t("category", lang), t("severity", lang), t("violations", lang)],
                          [(x["rule"], category(x["category"], lang), severity(x["severity"], lang), x["violations"])
                           for x in c["by_rule"]], (3,)))
    out.append(f'<h2>{escape(t("by_manager", lang))}</h2>')
    out.append(_table([t("manager", lang), t("seller_messages", lang), t("checked", lang), t("violating", lang),
                       t("share", lang), t("violations", lang)],
                      [(m["manager"] or t("unknown_manager", lang), m["seller_messages"], m["checked_messages"],
                        m["violating_messages"], percent(m["violating_share"]), m["violations"])
                       for m in c["by_manager"]], (1, 2, 3, 4, 5)))
    if c["repeated_texts"]:
        out.append(f'<h2>{escape(t("repeated", lang))}</h2>')
        out.append(_table([t("count", lang), t("text", lang), t("rule", lang), t("place", lang)],
                          [(x["count"], _Raw(f'<div class="msg">{escape(x["text"])}</div>'), ", ".join(x["rules"]),
                            x["example"]) for x in c["repeated_texts"]], (0,)))
    if c["worst_messages"]:
        out.append(f'<h2>{escape(t("worst", lang))}</h2>')
        out.append(_table([t("severity", lang), t("chat", lang), t("time", lang), t("manager", lang),
                           t("message", lang)], _finding_rows(c["worst_messages"], lang)))
    if c["by_chat"]:
        out.append(f'<h2>{escape(t("by_chat", lang))}</h2>')
        out.append(_table([t("chat", lang), t("violations", lang), t("violating", lang), t("place", lang)],
                          [(x["chat_id"], x["violations"], x["violating_messages"], x["source"])
                           for x in c["by_chat"]], (1, 2)))
    if r["waiting"]:
        out.append(f'<h2>{escape(t("chats_waiting", lang))}</h2>')
        out.append(_table([t("chat", lang), t("waiting_since", lang), t("waited", lang), t("buyer_messages", lang),
                           t("place", lang)],
                          [(w["chat_id"], w["since"], duration(w["waiting_seconds"], lang), w["buyer_messages"],
                            w["source"]) for w in r["waiting"][:MAX_FINDINGS]], (3,)))
    total = c["violating_messages"]
    if total:
        out.append(f'<h2>{escape(t("findings", lang))} ({total})</h2>')
        out.append(_table([t("severity", lang), t("chat", lang), t("time", lang), t("manager", lang),
                           t("message", lang)], _finding_rows(islice(findings, MAX_FINDINGS), lang)))
        if total > MAX_FINDINGS:
            out.append(f'<p>{escape(t("findings_more", lang, n=total - MAX_FINDINGS))}</p>')
    if i["problems"]:
        out.append(f'<h2>{escape(t("problems", lang))} ({i["skipped"]})</h2>')
        out.append(_table([t("place", lang), t("text", lang)],
                          [(p["place"], p["message"]) for p in i["problems"][:MAX_FINDINGS]]))
    out.append(f'<p class="sub">{escape(t("generated", lang, version=report["ozonlint"]))}</p></main></body></html>')
    return "\n".join(out) + "\n"


def _charts(report: Dict[str, Any], lang: str) -> str:
    c, r = report["compliance"], report["response"]
    h = r["within_hours"]
    parts = []
    weeks = c["by_week"]
    if weeks:
        names = [x["category"] for x in c["by_category"]]
        series = [(category(name, lang), [w["by_category"].get(name, 0) for w in weeks]) for name in names]
        parts.append(f'<div class="chart" id="chart-weeks"><h3>{escape(t("by_week", lang))}</h3>'
                     + svg.stacked_bars(t("by_week", lang), [w["week"] for w in weeks], series) + "</div>")
    buckets = r["distribution"]
    labels = [_bucket_label(b, lang) for b in buckets]
    marker: Optional[int] = next((n for n, b in enumerate(buckets) if b["to_hours"] == h), None)
    parts.append(f'<div class="chart" id="chart-response"><h3>{escape(t("distribution", lang))} '
                 f'({r["times"]["count"]} {escape(t("answers", lang))})</h3>'
                 + svg.histogram(t("distribution", lang), labels, [b["count"] for b in buckets], marker,
                                 t("hours_line", lang, h=f"{h:g}")) + "</div>")
    managers = c["by_manager"][:15]
    if managers:
        rows = [(m["manager"] or t("unknown_manager", lang), m["checked_messages"], m["violating_messages"])
                for m in managers]
        parts.append(f'<div class="chart" id="chart-managers"><h3>{escape(t("by_manager", lang))}</h3>'
                     + svg.paired_bars(t("by_manager", lang), rows, (t("legend_checked", lang),
                                                                     t("legend_violating", lang))) + "</div>")
    return "<section>" + "".join(parts) + "</section>"


def _bucket_label(bucket: Dict[str, Any], lang: str) -> str:
    unit = t("hours", lang)
    low, high = bucket["from_hours"], bucket["to_hours"]
    if high is None:
        return f"> {low:g} {unit}"
    return f"≤ {high:g} {unit}" if not low else f"{low:g}–{high:g} {unit}"
