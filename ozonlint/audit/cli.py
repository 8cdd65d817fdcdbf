"""``ozonlint audit``: a shop's chat history, its compliance and its response times, in one report.

The rule options and the configuration go through the same helpers as
``check`` (``ozonlint.cli._session``), so both commands build the same Linter."""
from __future__ import annotations

import os
import sys
from typing import Optional, Tuple

import click

from ..model import LANGUAGES


@click.command("audit")
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True,
              help="Report format: a terminal summary, JSON with every figure and finding, or one offline HTML file.")
@click.option("--output", "-o", metavar="FILE", help="Write the report to FILE.")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of the report (default: configuration, $OZONLINT_LANG, en).")
@click.option("--select", multiple=True, metavar="IDS", help="Only these rule ids, id prefixes or categories.")
@click.option("--extend-select", multiple=True, metavar="IDS", help="Add these to the selection.")
@click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rule ids, id prefixes or categories.")
@click.option("--rules", "rule_paths", multiple=True, metavar="PATH",
              help="Extra rule pack file or folder (repeatable).")
@click.option("--allow", multiple=True, metavar="TERM",
              help="A term never reported, e.g. your brand name (repeatable).")
@click.option("--config", "config_path", metavar="PATH", help="Use this configuration file.")
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
@click.option("--within", "within_hours", type=click.FloatRange(min=0, min_open=True), default=24.0,
              show_default=True, metavar="HOURS", help="The response-time standard, in hours.")
@click.option("--working-hours", metavar="HH:MM-HH:MM",
              help="Count only these hours of each working day (e.g. 09:00-18:00).")
@click.option("--working-days", metavar="DAYS", help="Working days, e.g. mon-fri or mon,wed,fri (default: every day).")
@click.option("--timezone", "zone_name", metavar="ZONE",
              help="The shop's time zone (IANA, e.g. Europe/Moscow): working hours, weeks, and CSV times "
                   "written without an offset (default: UTC).")
@click.option("--as-of", metavar="TIME", help="When waiting chats are measured (default: the latest message).")
@click.option("--column", "columns", multiple=True, metavar="FIELD=NAME",
              help="A CSV column by header name or 1-based number; FIELD: time, role, author, chat, order, text, "
                   "message_id, image (repeatable).")
@click.option("--input-format", type=click.Choice(["auto", "json", "jsonl", "csv"]), default="auto",
              show_default=True, help="Format of the inputs (auto: from the name, else the content).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes (default: the number of cores).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit status 1 (default: configuration, else error).")
def audit(paths: Tuple[str, ...], fmt: str, output: Optional[str], lang: Optional[str], select: Tuple[str, ...],
          extend_select: Tuple[str, ...], ignore: Tuple[str, ...], rule_paths: Tuple[str, ...],
          allow: Tuple[str, ...], config_path: Optional[str], no_config: bool, within_hours: float,
          working_hours: Optional[str], working_days: Optional[str], zone_name: Optional[str],
          as_of: Optional[str], columns: Tuple[str, ...], input_format: str, jobs: Optional[int],
          fail_on: Optional[str]) -> None:
    """Audit chat histories (Seller API JSON, JSON Lines, CSV exports; gzip; '-' for standard input):
    violations per category, rule, manager, week and chat, and response times."""
    from .. import cli as base
    from ..runner import SEVERITY_RANK, default_jobs
    from . import i18n
    from .csv_reader import FIELDS
    from .setup import OptionError, linter_for, parse_options

    flags = dict(locals())
    if not paths:
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None or stdin.isatty():
            guess = lang or os.environ.get("OZONLINT_LANG") or "en"
            raise click.UsageError(i18n.t("err_no_input", guess if guess in LANGUAGES else "en"))
        paths = ("-",)
    linter, language, fail_level = linter_for(flags, paths)
    for path in paths:
        if path != "-" and not os.path.exists(path):
            raise base._fail(i18n.t("err_missing", language, value=path))
    try:
        options = parse_options(columns, zone_name, working_hours, working_days, as_of)
    except OptionError as exc:
        raise base._fail(i18n.t(exc.key, language, value=exc.value, fields=", ".join(FIELDS)))
    threshold = SEVERITY_RANK[fail_level]
    status = _run(paths, fmt, output, language, linter, options, within_hours, input_format,
                  jobs or default_jobs(), threshold)
    raise click.exceptions.Exit(status)


def _run(paths, fmt: str, output: Optional[str], lang: str, linter, options: dict, within_hours: float,
         input_format: str, jobs: int, threshold: int) -> int:
    from .. import cli as base
    from ..runner import SEVERITY_RANK
    from . import figures, i18n
    from .inputs import Inputs
    from .run import Settings, audit, chat_stream

    def on_note(note) -> None:
        base._note(f"{note.place}: {i18n.note(note, lang)}")

    inputs = Inputs(list(paths), None if input_format == "auto" else input_format)
    import shutil  # (here: shutil brings bz2 and lzma, and every `ozonlint` start imports this module)
    import tempfile

    spool_dir = tempfile.mkdtemp(prefix="ozonlint-audit-")
    files = 0

    def counted():
        nonlocal files
        for source in inputs:
            files += 1
            yield source

    try:
        settings = Settings(linter, lang, options["clock"], spool_dir, options["zone"])
        chats = chat_stream(counted(), options["columns"], options["zone"], on_note)
        partial = audit(chats, settings, jobs)
        problems = partial.problems
        for note in partial.notes:
            on_note(note)
        for problem in problems:
            base._note(f"{problem.place}: {i18n.problem(problem, lang)}")
        report = figures.build(partial, problems, files, options["clock"], within_hours, options["as_of"], lang,
                               i18n.problem)
        _write(fmt, output, report, partial, lang)
    finally:
        inputs.close()
        shutil.rmtree(spool_dir, ignore_errors=True)
    if not files:
        base._note(i18n.t("err_no_files", lang, value=", ".join(paths)))
        return base.EXIT_ERROR
    if problems:
        base._note(i18n.t("skipped_note", lang, n=len(problems)))
        return base.EXIT_ERROR
    if any(SEVERITY_RANK[sev] >= threshold and n for sev, n in partial.by_severity.items()):
        return base.EXIT_FOUND
    return base.EXIT_CLEAN


def _write(fmt: str, output: Optional[str], report: dict, partial, lang: str) -> None:
    """The report in ``fmt`` to ``output`` (written beside it, then renamed) or standard output."""
    from .. import cli as base
    from . import i18n, report_html, report_json, report_text

    target = output + ".tmp" if output else None
    try:
        out = open(target, "w", encoding="utf-8", newline="\n") if target else sys.stdout
        try:
            if fmt == "json":
                report_json.write(report, partial.iter_findings(), out)
            elif fmt == "html":
                out.write(report_html.render(report, partial.iter_findings(), lang))
            else:
                out.write(report_text.render(report, lang))
        finally:
            if target:
                out.close()
        if target:
            os.replace(target, output)
    except OSError as exc:
        if target:
            try:
                os.unlink(target)
            except OSError:
                pass
        raise base._fail(i18n.t("err_write", lang, value=output or "-", reason=exc.strerror or exc))
