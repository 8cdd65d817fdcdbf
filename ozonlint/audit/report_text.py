"""The terminal summary of an audit (the figures; the findings are in the JSON and HTML reports)."""
from __future__ import annotations

from typing import Any, Dict, List

from .i18n import category, duration, percent, severity, t

TOP = 10


def _clip(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 1] + "…"


def clock_line(report: Dict[str, Any], lang: str) -> str:
    s = report["settings"]
    if report["response"]["clock"] == "wall":
        return t("clock_wall", lang)
    return t("clock_working", lang, hours=s["working_hours"] or "00:00-24:00", days=",".join(s["working_days"]),
             zone=s["timezone"])


def render(report: Dict[str, Any], lang: str) -> str:
    i, c, r = report["inputs"], report["compliance"], report["response"]
    h = f"{r['within_hours']:g}"
    out: List[str] = [t("title", lang), "=" * len(t("title", lang))]
    if i["first_message"]:
        out.append(f"{t('period', lang)}: {i['first_message']} — {i['last_message']} "
                   f"({t('as_of', lang)} {report['settings']['as_of']})")
    a = i["by_author"]
    out.append(f"{t('files', lang)} {i['files']} · {t('chats', lang)} {i['chats']} · {t('messages', lang)} "
               f"{i['messages']} ({t('buyer_messages', lang)} {a['buyer']}, {t('seller_messages', lang)} "
               f"{a['seller']}, {t('other_messages', lang)} {a['other']}) · {t('images', lang)} {i['images']}")
    if i["skipped"]:
        out.append(f"{t('skipped', lang)}: {i['skipped']}")
    if i["unknown_roles"]:
        roles = ", ".join(f"{role!r} × {n}" for role, n in i["unknown_roles"].items())
        out.append(f"! {t('unknown_roles', lang)}: {roles}")
    out += ["", t("compliance", lang)]
    out.append(f"  {t('checked', lang)}: {c['checked_messages']}")
    out.append(f"  {t('violating', lang)}: {c['violating_messages']} ({percent(c['violating_share'])})")
    sev = c["by_severity"]
    out.append(f"  {t('violations', lang)}: {c['violations']} ({t('errors', lang)} {sev['error']}, "
               f"{t('warnings', lang)} {sev['warning']}, {t('infos', lang)} {sev['info']})")
    if not c["violations"]:
        out.append("  " + t("no_violations", lang))
    if c["by_category"]:
        out.append(f"  {t('by_category', lang)}:")
        out += [f"    {category(x['category'], lang):<28} {x['violations']:>6}" for x in c["by_category"]]
    if c["by_rule"]:
        out.append(f"  {t('by_rule', lang)}:")
        out += [f"    {x['rule']:<28} {x['violations']:>6}  {severity(x['severity'], lang)}"
                for x in c["by_rule"][:TOP]]
    if c["by_manager"]:
        out.append(f"  {t('by_manager', lang)} ({t('checked', lang)} / {t('violating', lang)} / "
                   f"{t('violations', lang)}):")
        for m in c["by_manager"][:TOP]:
            name = m["manager"] or t("unknown_manager", lang)
            out.append(f"    {_clip(name, 28):<28} {m['checked_messages']:>6} {m['violating_messages']:>6} "
                       f"{m['violations']:>6}  {percent(m['violating_share'])}")
    if c["repeated_texts"]:
        out.append(f"  {t('repeated', lang)}:")
        out += [f"    {x['count']:>4}×  {_clip(x['text'], 70)}  [{', '.join(x['rules'])}]"
                for x in c["repeated_texts"][:5]]
    if c["worst_messages"]:
        out.append(f"  {t('worst', lang)}:")
        for f in c["worst_messages"][:5]:
            rules = ", ".join(sorted({v["rule"] for v in f["violations"]}))
            out.append(f"    [{severity(f['severity'], lang)}] {f['place']}  {_clip(f['text'], 60)}  [{rules}]")
    out += ["", f"{t('response', lang)} ({clock_line(report, lang)})"]
    first = r["first_response"]
    out.append(f"  {t('response_rate', lang)}: {percent(r['response_rate'])} "
               f"({r['chats_answered']}/{r['chats_with_buyer']})")
    out.append(f"  {t('first_within', lang, h=h)}: {percent(first['within_share'])} "
               f"({first['within']}/{r['chats_with_buyer']})")
    if first["median_seconds"] is not None:
        out.append(f"  {t('first_median', lang)}: {duration(first['median_seconds'], lang)}")
    out.append(f"  {t('messages_within', lang, h=h)}: {percent(r['within_share'])} "
               f"({r['answered_within']}/{r['buyer_messages']})")
    times = r["times"]
    if times["median_seconds"] is not None:
        out.append(f"  {t('response_median', lang)}: {duration(times['median_seconds'], lang)}; "
                   f"{t('response_p90', lang)}: {duration(times['p90_seconds'], lang)}")
    out.append(f"  {t('chats_waiting', lang)}: {r['chats_waiting']}, {t('chats_overdue', lang, h=h)}: "
               f"{r['chats_overdue']}")
    if r["response_rate"] is not None and r["response_rate"] < 0.8:
        out.append("  ! " + t("below_80", lang))
    out += ["", t("details", lang)]
    return "\n".join(out) + "\n"
