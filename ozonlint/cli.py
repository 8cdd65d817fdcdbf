"""The ``ozonlint`` command: check, rules, explain, test-rules."""
from __future__ import annotations

import io
import json
import os
import sys
from typing import BinaryIO, Iterable, Iterator, List, Optional, Sequence, Tuple

import click

from . import __version__
from .engine import Linter
from .model import LANGUAGES
from .report import FileResult, formatters
from .rulepack import RulePackError
from .runner import SEVERITY_RANK, BatchStats, Outcome, check_decoded, check_files, check_jsonl, default_jobs
from .sources import Decoded, InputError, read_stream

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def _split(values: Iterable[str]) -> List[str]:
    """Repeatable, comma-separated option values as one flat list."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _fail(message: str) -> "click.exceptions.Exit":
    click.echo(f"ozonlint: error: {message}", err=True)
    return click.exceptions.Exit(EXIT_ERROR)


def _build_linter(rule_paths: Sequence[str], select: Sequence[str] = (), ignore: Sequence[str] = (),
                  allow: Sequence[str] = (), lang: str = "en", verify_examples: bool = True) -> Linter:
    try:
        return Linter(list(rule_paths), select=_split(select) or None, ignore=_split(ignore),
                      allow=list(allow), lang=lang, verify_examples=verify_examples)
    except RulePackError as exc:
        raise _fail(f"invalid rule pack: {exc}")


def _color(flag: Optional[bool]) -> Optional[bool]:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return None  # click decides: colour on a terminal only


def _note(message: str) -> None:
    click.echo(f"ozonlint: {message}", err=True)


# Files that are templates or plain text when a folder is walked.
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".yaml", ".yml", ".json", ".csv", ".text", ".tmpl", ".tpl")


def _walk(folder: str) -> Iterator[str]:
    seen = set()
    for root, dirs, files in os.walk(folder, followlinks=False):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(TEXT_SUFFIXES):
                yield os.path.join(root, name)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ozonlint")
def main() -> None:
    """ozonlint: check Ozon sellers' replies to buyers before they are sent.

    Catches external contacts (WhatsApp, WeChat, Telegram, phones, e-mails,
    links), review bribes, extra payments, off-platform deals, requests for
    personal data, spam and Chinese text, including disguised spellings.
    """


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--text", "texts", multiple=True, metavar="DRAFT", help="Check this text (repeatable).")
@click.option("--jsonl", "jsonl", metavar="FILE|-",
              help='Batch mode: read {"id", "text"} JSON lines, write one result line per input line.')
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default="text",
              show_default=True, help="Output format.")
@click.option("--lang", type=click.Choice(LANGUAGES), default=lambda: os.environ.get("OZONLINT_LANG", "en"),
              help="Language of the messages (default: $OZONLINT_LANG or en).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="error", show_default=True,
              help="Lowest severity that makes the exit status 1.")
@click.option("--select", multiple=True, metavar="IDS", help="Only these rule ids, id prefixes or categories.")
@click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rule ids, id prefixes or categories.")
@click.option("--rules", "rule_paths", multiple=True, metavar="PATH",
              help="Extra rule pack file or folder (repeatable).")
@click.option("--allow", multiple=True, metavar="TERM",
              help="A term never reported, e.g. your brand name (repeatable).")
@click.option("--fix", is_flag=True, help="Apply safe suggestions: print the fixed text for --text/stdin, "
                                         "rewrite files in place.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes for many files (default: the number of cores).")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal, "
                                                      "unless NO_COLOR is set).")
def check(paths: Tuple[str, ...], texts: Tuple[str, ...], jsonl: Optional[str], fmt: str, lang: str,
          fail_on: str, select: Tuple[str, ...], ignore: Tuple[str, ...], rule_paths: Tuple[str, ...],
          allow: Tuple[str, ...], fix: bool, jobs: Optional[int], color: Optional[bool]) -> None:
    """Check drafts: files, folders, --text, or standard input ('-' or piped)."""
    linter = _build_linter(rule_paths, select, ignore, allow, lang)
    threshold = SEVERITY_RANK[fail_on]
    if jsonl is not None:
        raise click.exceptions.Exit(_check_jsonl(linter, jsonl, lang, threshold))
    stdin = getattr(sys.stdin, "buffer", None)
    if not paths and not texts:
        if stdin is None or stdin.isatty():
            raise click.UsageError("nothing to check: give files, --text, or pipe a draft to standard input")
        paths = ("-",)
    outcomes: List[Outcome] = [check_decoded(linter, "-", Decoded(text, "utf-8", b""), fix) for text in texts]
    file_jobs = []
    for path in paths:
        if path == "-":
            if file_jobs:
                outcomes.extend(check_files(linter, file_jobs, jobs or default_jobs()))
                file_jobs = []
            outcomes.append(_check_stdin(linter, stdin, fix))
        elif os.path.isdir(path):
            file_jobs.extend((p, fix, False) for p in _walk(path))
        else:
            file_jobs.append((path, fix, True))
    outcomes.extend(check_files(linter, file_jobs, jobs or default_jobs()))

    status = EXIT_CLEAN
    for outcome in outcomes:
        for note in outcome.notes:
            _note(note)
        if outcome.unusable:
            status = EXIT_ERROR
    results = [FileResult(o.path, o.text, [v.in_language(lang) for v in o.violations])
               for o in outcomes if not o.unusable and not o.skipped]
    if any(SEVERITY_RANK[v.severity] >= threshold for r in results for v in r.violations):
        status = max(status, EXIT_FOUND)
    if fix and all(r.path == "-" for r in results) and results:
        click.echo("\n".join(r.text for r in results), nl=False)
    else:
        click.echo(formatters()[fmt](results), nl=False, color=_color(color))
    raise click.exceptions.Exit(status)


def _check_stdin(linter: Linter, stdin: Optional[BinaryIO], fix: bool) -> Outcome:
    if stdin is None:
        return Outcome("-", notes=["-: no standard input"], unusable=True)
    try:
        return check_decoded(linter, "-", read_stream(stdin), fix)
    except InputError as exc:
        return Outcome("-", notes=[f"-: {exc}"], unusable=True)


def _check_jsonl(linter: Linter, source: str, lang: str, threshold: int) -> int:
    stats = BatchStats()
    out = sys.stdout

    def sink(line: str) -> None:
        out.write(line + "\n")
        out.flush()

    try:
        if source == "-":
            stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", errors="strict")
            check_jsonl(linter, stream, sink, lang, stats)
        else:
            with open(source, encoding="utf-8-sig") as stream:
                check_jsonl(linter, stream, sink, lang, stats)
    except (OSError, UnicodeDecodeError) as exc:
        _note(f"{source}: cannot read: {getattr(exc, 'strerror', None) or exc}")
        return EXIT_ERROR
    if stats.errors:
        _note(f"{source}: {stats.errors} line(s) could not be checked")
        return EXIT_ERROR
    return EXIT_FOUND if stats.worst >= threshold else EXIT_CLEAN


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--rules", "rule_paths", multiple=True, metavar="PATH", help="Extra rule pack (repeatable).")
@click.option("--lang", type=click.Choice(LANGUAGES), default=lambda: os.environ.get("OZONLINT_LANG", "en"))
def list_rules(fmt: str, rule_paths: Tuple[str, ...], lang: str) -> None:
    """List the rules: id, category, severity, kind, whether they can fix."""
    linter = _build_linter(rule_paths, lang=lang)
    rows = [{"id": r.id, "category": r.category, "severity": r.severity, "kind": r.spec.kind,
             "fixable": r.spec.suggestion is not None, "message": r.spec.messages[lang],
             "source": r.spec.path} for r in linter.all_rules]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    width = max(len(r["id"]) for r in rows)
    click.echo(f"{'RULE':<{width}}  {'CATEGORY':<16}  {'SEVERITY':<8}  {'KIND':<9}  FIX")
    for r in rows:
        click.echo(f"{r['id']:<{width}}  {r['category']:<16}  {r['severity']:<8}  {r['kind']:<9}  "
                   f"{'yes' if r['fixable'] else '-'}")
    click.echo(f"\n{len(rows)} rules from {len(linter.ruleset.files)} files.")


@main.command()
@click.argument("rule_id")
@click.option("--rules", "rule_paths", multiple=True, metavar="PATH", help="Extra rule pack (repeatable).")
def explain(rule_id: str, rule_paths: Tuple[str, ...]) -> None:
    """Describe one rule: what it catches, why, its messages and examples."""
    linter = _build_linter(rule_paths)
    matches = [r for r in linter.all_rules if r.id == rule_id]
    if not matches:
        close = [r.id for r in linter.all_rules if rule_id in r.id]
        hint = f" (did you mean: {', '.join(close)}?)" if close else ""
        raise _fail(f"unknown rule {rule_id!r}{hint}; see 'ozonlint rules'")
    spec = matches[0].spec
    click.echo(click.style(spec.id, bold=True) + f"  [{spec.category}, {matches[0].severity}, kind {spec.kind}]")
    click.echo(f"defined in {spec.path}:{spec.line}\n")
    if spec.description:
        click.echo(spec.description + "\n")
    for lang in LANGUAGES:
        click.echo(f"  {lang}: {spec.messages[lang]}")
    shown = "null (no safe rewrite)" if spec.suggestion is None else (repr(spec.suggestion) if spec.suggestion
                                                                        else "'' (remove the text)")
    click.echo(f"\nsuggestion: {shown}\n\nreported:")
    for example in spec.bad_examples:
        click.echo(f"  - {example['text'] if isinstance(example, dict) else example}")
    click.echo("not reported:")
    for example in spec.good_examples:
        click.echo(f"  - {example}")


@main.command("test-rules")
@click.argument("paths", nargs=-1, required=True)
def test_rules(paths: Tuple[str, ...]) -> None:
    """Run the examples of every rule in the rule packs at PATHS."""
    linter = _build_linter(paths, verify_examples=False)
    wanted = {os.path.abspath(p) for p in paths}

    def in_paths(path: str) -> bool:
        full = os.path.abspath(path)
        return any(full == w or full.startswith(w.rstrip(os.sep) + os.sep) for w in wanted)

    rules = [r for r in linter.all_rules if in_paths(r.spec.path)]
    failures = linter.self_test(rules)
    for failure in failures:
        click.echo(str(failure))
    examples = sum(len(r.spec.bad_examples) + len(r.spec.good_examples) for r in rules)
    click.echo(f"{len(rules)} rules, {examples} examples, {len(failures)} failures.")
    raise click.exceptions.Exit(EXIT_FOUND if failures else EXIT_CLEAN)
