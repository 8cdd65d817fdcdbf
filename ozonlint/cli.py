"""The ``ozonlint`` command: check, baseline, rules, explain, test-rules."""
from __future__ import annotations

import io
import json
import os
import sys
from typing import BinaryIO, Iterable, Iterator, List, Optional, Sequence, Tuple

import click

from . import __version__
from .config import Config, ConfigError, ConfigResolver
from .engine import Linter
from .model import LANGUAGES, Category
from .pipeline import FileSettings
from .report import FORMATS, FileResult, formatter
from .rulepack import RulePackError
from .runner import SEVERITY_RANK, BatchStats, FileJob, Outcome, check_decoded, check_files, check_jsonl, default_jobs
from .sources import Decoded, InputError, read_stream, write_atomic
from .templates.placeholders import PlaceholderMasker

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def _split(values: Iterable[str]) -> List[str]:
    """Repeatable, comma-separated option values as one flat list."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _fail(message: str) -> "click.exceptions.Exit":
    click.echo(f"ozonlint: error: {message}", err=True)
    return click.exceptions.Exit(EXIT_ERROR)


def _build_linter(rule_paths: Sequence[str], select: Sequence[str] = (), ignore: Sequence[str] = (),
                  allow: Sequence[str] = (), lang: str = "en", verify_examples: bool = True,
                  severity: Optional[dict] = None, extend_select: Sequence[str] = ()) -> Linter:
    try:
        chosen = _split(select) or None
        if chosen is not None or extend_select:
            chosen = (chosen or [c.value for c in Category]) + _split(extend_select)
        return Linter(list(rule_paths), select=chosen, ignore=_split(ignore), allow=list(allow), lang=lang,
                      verify_examples=verify_examples, severity=severity)
    except RulePackError as exc:
        raise _fail(f"invalid rule pack: {exc}")
    except ValueError as exc:
        raise _fail(str(exc))


class _Session:
    """Per-configuration Linters and file settings for one ``check`` run (CLI flags win)."""

    def __init__(self, flags: dict, resolver: ConfigResolver) -> None:
        self.flags = flags
        self.resolver = resolver
        self._linters: dict = {}
        self._baselines: dict = {}
        self._maskers: dict = {}

    def catalog(self) -> dict:
        """Rule id -> metadata, for formats that describe the rules (SARIF)."""
        from .templates.suppress import MESSAGES

        found = {rule_id: {"category": "style", "severity": "warning", "messages": messages,
                           "description": messages["en"]} for rule_id, messages in MESSAGES.items()}
        for linter in self._linters.values():
            for rule in linter.rules:
                found[rule.id] = {"category": rule.category, "severity": rule.severity,
                                  "messages": rule.spec.messages, "description": rule.spec.description}
        return found

    def lang(self, config: Config) -> str:
        return self.flags["lang"] or config.get("lang") or os.environ.get("OZONLINT_LANG") or "en"

    def fail_on(self, config: Config) -> str:
        return self.flags["fail_on"] or config.get("fail-on") or "error"

    def linter(self, config: Config) -> Linter:
        f = self.flags
        key = (config.linter_key(), self.lang(config))
        linter = self._linters.get(key)
        if linter is None:
            linter = _build_linter(
                list(config.get("rules", [])) + list(f["rule_paths"]),
                select=f["select"] or config.get("select", []),
                ignore=list(config.get("ignore", [])) + list(f["ignore"]),
                allow=list(config.get("allow", [])) + list(f["allow"]),
                lang=self.lang(config), severity=config.get("severity"),
                extend_select=list(config.get("extend-select", [])) + list(f["extend_select"]))
            self._linters[key] = linter
        return linter

    def settings(self, config: Config, path: str, template_default: bool) -> FileSettings:
        f = self.flags
        template_mode = f["template"] if f["template"] is not None else config.get("template-mode",
                                                                                    template_default)
        baseline_path = f["baseline"] or config.get("baseline")
        baseline = None
        if baseline_path and not f["no_baseline"]:
            baseline = self._baselines.get(baseline_path)
            if baseline is None:
                from .baseline import Baseline

                try:
                    baseline = self._baselines[baseline_path] = Baseline.load(baseline_path)
                except ValueError as exc:
                    raise _fail(str(exc))
        ignore = config.ignored_for(path) if path != "-" else []
        masker = self._maskers.get(id(config))
        if masker is None:
            masker = self._maskers[id(config)] = PlaceholderMasker(config.get("placeholders", []))
        return FileSettings(template_mode=template_mode, masker=masker,
                            csv_column=f["csv_column"] or config.get("csv-column"), ignore=ignore,
                            baseline=baseline, lang=self.lang(config), unsafe_fixes=bool(f.get("unsafe_fixes")))


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


def _check_options(function):
    """The options shared by ``check`` and ``baseline``."""
    options = [
        click.argument("paths", nargs=-1),
        click.option("--text", "texts", multiple=True, metavar="DRAFT", help="Check this text (repeatable)."),
        click.option("--lang", type=click.Choice(LANGUAGES), default=None,
                     help="Language of the messages (default: configuration, $OZONLINT_LANG, en)."),
        click.option("--select", multiple=True, metavar="IDS", help="Only these rule ids, id prefixes or categories."),
        click.option("--extend-select", multiple=True, metavar="IDS", help="Add these to the selection."),
        click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rule ids, id prefixes or categories."),
        click.option("--rules", "rule_paths", multiple=True, metavar="PATH",
                     help="Extra rule pack file or folder (repeatable)."),
        click.option("--allow", multiple=True, metavar="TERM",
                     help="A term never reported, e.g. your brand name (repeatable)."),
        click.option("--config", "config_path", metavar="PATH", help="Use this configuration file."),
        click.option("--no-config", is_flag=True, help="Ignore configuration files."),
        click.option("--template/--no-template", default=None,
                     help="Template mode: placeholders are masked and not reported (default: on for files, "
                          "off for --text and standard input)."),
        click.option("--csv-column", metavar="NAME", help="The CSV column that holds the templates."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                     help="Processes for many files (default: the number of cores)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _collect(session: _Session, paths: Sequence[str], texts: Sequence[str], fix: bool, diff: bool,
             jobs: Optional[int]) -> List[Tuple[Outcome, Config]]:
    """Check every input; outcomes in input order, each with its configuration."""
    resolver = session.resolver
    stdin = getattr(sys.stdin, "buffer", None)
    if not paths and not texts:
        if stdin is None or stdin.isatty():
            raise click.UsageError("nothing to check: give files, --text, or pipe a draft to standard input")
        paths = ("-",)
    no_config = Config()
    results: List[Tuple[Outcome, Config]] = []
    for text in texts:
        config = resolver.explicit or no_config
        outcome = check_decoded(session.linter(config), "-", Decoded(text, "utf-8", b""),
                                session.settings(config, "-", False), fix, diff)
        results.append((outcome, config))
    pending: List[Tuple[FileJob, Config]] = []

    def flush() -> None:
        outcomes = check_files([job for job, _ in pending], jobs or default_jobs())
        results.extend(zip(outcomes, [config for _, config in pending]))
        pending.clear()

    for path in paths:
        if path == "-":
            flush()
            config = resolver.explicit or no_config
            results.append((_check_stdin(session.linter(config), stdin, session.settings(config, "-", False), fix,
                                         diff), config))
            continue
        walked = os.path.isdir(path)
        for file_path in (_walk(path) if walked else [path]):
            try:
                config = resolver.for_path(file_path)
            except ConfigError as exc:
                raise _fail(f"invalid configuration: {exc}")
            if config.excluded(file_path):
                continue
            pending.append((FileJob(file_path, session.linter(config), session.settings(config, file_path, True),
                                    fix, diff, not walked), config))
    flush()
    return results


@main.command()
@_check_options
@click.option("--jsonl", "jsonl", metavar="FILE|-",
              help='Batch mode: read {"id", "text"} JSON lines, write one result line per input line.')
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: text; github under GitHub Actions).")
@click.option("--output", "-o", "output", metavar="FILE", help="Write the report to FILE.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit status 1 (default: configuration, else error).")
@click.option("--fix", is_flag=True, help="Apply safe fixes: print the fixed draft for --text/stdin (what remains "
                                         "goes to standard error), rewrite files in place.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them.")
@click.option("--unsafe-fixes", is_flag=True, help="Also show and apply unsafe fixes: rewrites that change what "
                                                  "the reply promises.")
@click.option("--baseline", metavar="FILE", help="Report only findings not in this baseline file.")
@click.option("--no-baseline", is_flag=True, help="Ignore the baseline named in the configuration.")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal, "
                                                      "unless NO_COLOR is set).")
def check(paths: Tuple[str, ...], texts: Tuple[str, ...], jsonl: Optional[str], fmt: Optional[str],
          output: Optional[str], lang: Optional[str], fail_on: Optional[str], select: Tuple[str, ...],
          extend_select: Tuple[str, ...], ignore: Tuple[str, ...], rule_paths: Tuple[str, ...],
          allow: Tuple[str, ...], config_path: Optional[str], no_config: bool, template: Optional[bool],
          csv_column: Optional[str], fix: bool, diff: bool, unsafe_fixes: bool, baseline: Optional[str],
          no_baseline: bool, jobs: Optional[int], color: Optional[bool]) -> None:
    """Check drafts: files, folders, --text, or standard input ('-' or piped)."""
    session = _session(locals())
    if jsonl is not None:
        config = session.resolver.explicit or Config()
        threshold = SEVERITY_RANK[session.fail_on(config)]
        raise click.exceptions.Exit(_check_jsonl(session.linter(config), jsonl, session.lang(config), threshold))
    results = _collect(session, paths, texts, fix, diff, jobs)
    status = EXIT_CLEAN
    reports: List[FileResult] = []
    for outcome, config in results:
        for note in outcome.notes:
            _note(note)
        if outcome.unusable:
            status = EXIT_ERROR
            continue
        if outcome.skipped:
            continue
        threshold = SEVERITY_RANK[session.fail_on(config)]
        language = session.lang(config)
        if any(SEVERITY_RANK[v.severity] >= threshold for v in outcome.violations):
            status = max(status, EXIT_FOUND)
        reports.append(FileResult(outcome.path, outcome.text, [v.in_language(language) for v in outcome.violations]))
    if diff:
        click.echo("".join(o.diff for o, _ in results), nl=False)
        raise click.exceptions.Exit(status)
    if fix and reports and all(r.path == "-" for r in reports):
        click.echo("\n".join(r.text for r in reports), nl=False)
        if any(r.violations for r in reports):  # the draft goes to standard output, what remains beside it
            remaining = formatter(fmt or "text")(reports, catalog=session.catalog() if fmt == "sarif" else None)
            click.echo(remaining, nl=False, err=True, color=_color(color))
        raise click.exceptions.Exit(status)
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    text = formatter(fmt)(reports, catalog=session.catalog() if fmt == "sarif" else None)
    if output:
        try:
            write_atomic(output, text.encode("utf-8"))
        except OSError as exc:
            raise _fail(f"cannot write {output}: {exc.strerror or exc}")
    else:
        click.echo(text, nl=False, color=_color(color))
    raise click.exceptions.Exit(status)


def _session(options: dict) -> _Session:
    try:
        resolver = ConfigResolver(options.get("config_path"), options.get("no_config", False))
    except ConfigError as exc:
        raise _fail(f"invalid configuration: {exc}")
    options.setdefault("fail_on", None)
    options.setdefault("baseline", None)
    options.setdefault("no_baseline", False)
    return _Session(options, resolver)


@main.command()
@_check_options
@click.option("--output", "-o", "output", default=".ozonlint-baseline.json", show_default=True, metavar="FILE",
              help="The baseline file to write.")
def baseline(paths: Tuple[str, ...], texts: Tuple[str, ...], output: str, lang: Optional[str],
             select: Tuple[str, ...], extend_select: Tuple[str, ...], ignore: Tuple[str, ...],
             rule_paths: Tuple[str, ...], allow: Tuple[str, ...], config_path: Optional[str], no_config: bool,
             template: Optional[bool], csv_column: Optional[str], jobs: Optional[int]) -> None:
    """Record today's findings in a baseline file; later runs with it report only new ones."""
    options = dict(locals())
    options["no_baseline"] = True  # record everything, not what an old baseline leaves
    session = _session(options)
    results = _collect(session, paths or ((".",) if not texts else ()), texts, False, False, jobs)
    status = EXIT_CLEAN
    findings = []
    for outcome, _ in results:
        for note in outcome.notes:
            _note(note)
        status = EXIT_ERROR if outcome.unusable else status
        findings.extend((outcome.path, v) for v in outcome.violations)
    from .baseline import Baseline

    try:
        count = Baseline.write(output, findings)
    except OSError as exc:
        raise _fail(f"cannot write {output}: {exc.strerror or exc}")
    click.echo(f"ozonlint: wrote {count} finding(s) from {len(results)} input(s) to {output}", err=True)
    raise click.exceptions.Exit(status)


def _check_stdin(linter: Linter, stdin: Optional[BinaryIO], settings: FileSettings, fix: bool,
                 diff: bool = False) -> Outcome:
    if stdin is None:
        return Outcome("-", notes=["-: no standard input"], unusable=True)
    try:
        return check_decoded(linter, "-", read_stream(stdin), settings, fix, diff)
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
             "fixable": bool(r.spec.rewrites), "message": r.spec.messages[lang],
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
    click.echo("\nrewrites:" if spec.rewrites else "\nrewrites: none (no automatic fix)")
    for rewrite in spec.rewrites:
        what = ("remove" if rewrite.texts and not any(rewrite.texts.values())
                else " / ".join(f"{k}: {v}" for k, v in (rewrite.texts or {}).items() if v)
                or ("phrases" if rewrite.phrases else "templates"))
        click.echo(f"  - {rewrite.scope}, {rewrite.applicability}: {what}")
    click.echo("\nreported:")
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


def run() -> None:
    """The ``ozonlint`` command: ``main``, then an exit without the interpreter's teardown.

    Teardown frees the compiled rules object by object, which takes longer than
    checking a draft, on every pre-commit run. When ``main`` returns there is
    nothing left to finish: reports are on the (flushed) standard streams,
    files were written by write_atomic, the worker pool was joined. An
    unexpected exception still takes the ordinary path (and its traceback).
    """
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass  # the reader went away (``| head``): nothing more can be said to it
    os._exit(code)
