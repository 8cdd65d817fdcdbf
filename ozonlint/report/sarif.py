"""``--format sarif``: SARIF 2.1.0, with rule metadata so that code scanning shows help text."""
from __future__ import annotations

import json
import os
from typing import Dict, List, Optional
from urllib.parse import quote

from . import FileResult

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    """A relative URI reference for a path below the working folder, else a file URI."""
    if path == "-":
        return "stdin"
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute)
    if rel.startswith(".."):
        from pathlib import Path

        return Path(absolute).as_uri()
    return quote(rel.replace(os.sep, "/"))


def _rule_entry(rule_id: str, info: dict) -> dict:
    messages = info.get("messages") or {}
    short = messages.get("en") or rule_id
    text = info.get("description") or short
    help_lines = [text, "", f"ru: {messages.get('ru', '')}", f"zh: {messages.get('zh', '')}"]
    entry = {
        "id": rule_id,
        "name": "".join(part.capitalize() for part in rule_id.replace("-", ".").split(".")),
        "shortDescription": {"text": short},
        "fullDescription": {"text": text},
        "help": {"text": "\n".join(help_lines),
                 "markdown": "\n".join([f"**{rule_id}** ({info.get('category', '')})", ""] + help_lines)},
        "defaultConfiguration": {"level": _LEVELS.get(info.get("severity", "error"), "warning")},
        "properties": {"category": info.get("category", ""), "tags": [info.get("category", "")]},
    }
    return entry


def format_sarif(results: List[FileResult], catalog: Optional[Dict[str, dict]] = None) -> str:
    from .. import __version__
    from ..baseline import fingerprint

    catalog = dict(catalog or {})
    used: List[str] = []
    for result in results:
        for v in result.violations:
            if v.rule not in catalog:
                catalog[v.rule] = {"category": v.category, "severity": v.severity, "messages": v.messages or {}}
            if v.rule not in used:
                used.append(v.rule)
    rule_ids = sorted(catalog)
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    sarif_results = []
    for result in sorted(results, key=lambda r: r.path):
        for v in result.violations:
            region = {"startLine": v.line, "startColumn": v.column, "endLine": v.end_line,
                      "endColumn": v.end_column, "charOffset": v.start, "charLength": v.end - v.start}
            if v.match:
                region["snippet"] = {"text": v.match}
            location = {"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)}, "region": region}}
            if v.key:
                location["logicalLocations"] = [{"fullyQualifiedName": v.key, "kind": "member"}]
            item = {
                "ruleId": v.rule,
                "ruleIndex": index[v.rule],
                "level": _LEVELS.get(v.severity, "warning"),
                "message": {"text": v.message},
                "locations": [location],
                "partialFingerprints": {"ozonlint/v1": fingerprint(result.path, v, os.getcwd())},
                "properties": {"category": v.category},
            }
            if v.suggestion is not None and result.path != "-":
                # the fix's span is what it replaces: the token, the clause or the whole sentence
                start, end = (v.fix.start, v.fix.end) if v.fix is not None else (v.start, v.end)
                applicability = v.fix.applicability if v.fix is not None else "safe"
                action = "Replace with the suggestion" if v.suggestion else "Remove"
                item["fixes"] = [{
                    "description": {"text": f"{action} ({applicability} fix)"},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": _uri(result.path)},
                        "replacements": [{"deletedRegion": {"charOffset": start, "charLength": end - start},
                                          "insertedContent": {"text": v.suggestion}}],
                    }],
                }]
                item["properties"]["fix"] = applicability
            sarif_results.append(item)
    run = {
        "tool": {"driver": {
            "name": "ozonlint",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [_rule_entry(rule_id, catalog[rule_id]) for rule_id in rule_ids],
        }},
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
