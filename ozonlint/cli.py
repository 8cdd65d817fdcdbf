"""The ``ozonlint`` command: check, baseline, rules, explain, test-rules."""
from __future__ import annotations

import contextlib
import errno
import gc
import io
import json
import os
import signal
import sys
from typing import Any, BinaryIO, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

import click

from . import __version__, i18n
from .config import Config, ConfigError, ConfigResolver, glob_match
from .engine import Linter, RuleTimeoutError, UnknownSelectorError
from .i18n import tr
from .model import LANGUAGES, Category
from .pipeline import FileSettings
from .report import FORMATS, FileResult, formatter
from .rulepack import RulePackError
from .runner import SEVERITY_RANK, BatchStats, FileJob, Outcome, check_decoded, check_files, check_jsonl, default_jobs
from .sources import Decoded, InputError, read_stream, write_atomic
from .templates.placeholders import PlaceholderMasker

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2
# True in the ozonlint command's own process (run): see _long_lived.
_OWN_PROCESS = False


def _split(values: Iterable[str]) -> List[str]:
    """Repeatable, comma-separated option values as one flat list."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _fail(message: str) -> "click.exceptions.Exit":
    click.echo(tr("ozonlint: error: {message}", i18n.default_lang(), message=message), err=True)
    return click.exceptions.Exit(EXIT_ERROR)


def _build_linter(rule_paths: Sequence[str], select: Sequence[str] = (), ignore: Sequence[str] = (),
                  allow: Sequence[str] = (), lang: str = "en", verify_examples: bool = True,
                  severity: Optional[dict] = None, extend_select: Sequence[str] = ()) -> Linter:
    try:
        chosen = _split(select) or None
        if chosen is not None or extend_select:
            chosen = (chosen or [c.value for c in Category]) + _split(extend_select)
        with _long_lived():
            return Linter(list(rule_paths), select=chosen, ignore=_split(ignore), allow=list(allow), lang=lang,
                          verify_examples=verify_examples, severity=severity)
    except RulePackError as exc:  # "path:line: reason", the reason in the reader's language
        lang = i18n.default_lang()
        raise _fail(tr("invalid rule pack: {reason}", lang, reason=i18n.note(exc.path, str(exc), lang)))
    except RuleTimeoutError as exc:  # while running a pack's own examples
        raise _fail(tr("invalid rule pack: {reason}", i18n.default_lang(), reason=tr(
            "rule {rule} ran out of time on its examples", i18n.default_lang(), rule=exc.rule)))
    except UnknownSelectorError:
        raise  # the caller knows whether it came from an option or a configuration
    except ValueError as exc:
        raise _fail(str(exc))
    except Exception as exc:  # whatever else a pack makes the loader raise: one line, not a traceback
        raise _fail(tr("cannot load the rule packs: {reason}", i18n.default_lang(),
                         reason=f"{type(exc).__name__}: {exc}"))


@contextlib.contextmanager
def _long_lived() -> Iterator[None]:
    """What the block makes lives as long as the command and is no garbage (the
    compiled rules): in the command's own process the collector does not walk it
    while it is made, nor ever after (frozen; see ``__main__``). A program that
    calls ``main`` keeps its collector as it was."""
    if not _OWN_PROCESS or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


class _Context(click.Context):
    formatter_class = i18n.HelpFormatter


class _Command(click.Command):
    """A command whose help is shown in the reader's language (see ``i18n``)."""

    context_class = _Context

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with i18n.translated_help(self, i18n.default_lang()):
            super().format_help(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        with i18n.translated_help(self, i18n.default_lang()):
            return super().get_short_help_str(limit)

    def get_help_option(self, ctx: click.Context) -> Optional[click.Option]:
        return i18n.help_option(super().get_help_option(ctx))


class _Translated(click.UsageError):
    """A click error shown in the reader's language: click's own ``show`` says
    "Usage:", "Try … for help" and "Error:" in English whatever the reader reads."""

    def __init__(self, error: click.ClickException) -> None:
        super().__init__(error.format_message(), getattr(error, "ctx", None))
        self.error = error
        self.exit_code = error.exit_code

    def show(self, file: Optional[Any] = None) -> None:
        lang = i18n.default_lang()
        ctx = self.ctx
        color = ctx.color if ctx is not None else None
        if ctx is not None and isinstance(self.error, click.UsageError):
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                hint = tr("Try '{command} {option}' for help.", lang, command=ctx.command_path,
                          option=ctx.help_option_names[0]) + "\n"
            usage = i18n.HelpFormatter(width=ctx.terminal_width, max_width=ctx.max_content_width)
            ctx.command.format_usage(ctx, usage)  # not ctx.get_usage(): a plain click command's says "Usage:"
            click.echo(f"{usage.getvalue().rstrip()}\n{hint}", file=file, err=True, color=color)
        click.echo(tr("Error: {message}", lang, message=i18n.click_message(self.error, lang)), file=file,
                   err=True, color=color)


_NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", _Translated)


@contextlib.contextmanager
def _in_readers_language() -> Iterator[None]:
    """click's errors raised in the block, re-raised to be shown in the reader's language."""
    try:
        yield
    except (_Translated, _NO_ARGS_IS_HELP):
        raise  # click >= 8.2 shows the help for a bare command through an error: it is already translated
    except click.ClickException as error:
        raise _Translated(error) from None


def _lang_in_args(args: Sequence[str]) -> Optional[str]:
    """The value of the command line's --lang, read before click parses it (its errors need it)."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg[len("--lang="):]
    return None


class _Group(click.Group):
    command_class = _Command
    context_class = _Context

    def main(self, args: Optional[Sequence[str]] = None, *rest: Any, **extra: Any) -> Any:
        with i18n.chosen(_lang_in_args(sys.argv[1:] if args is None else list(args))):
            return super().main(args, *rest, **extra)

    def add_command(self, cmd: click.Command, name: Optional[str] = None) -> None:
        if type(cmd) is click.Command:  # defined apart (audit): its help in the reader's language too
            cmd.__class__ = _Command
        super().add_command(cmd, name)

    def make_context(self, info_name: Optional[str], args: List[str], parent: Optional[click.Context] = None,
                     **extra: Any) -> click.Context:
        with _in_readers_language():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        with _in_readers_language():
            return super().invoke(ctx)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with i18n.translated_help(self, i18n.default_lang()):
            super().format_help(ctx, formatter)

    def get_help_option(self, ctx: click.Context) -> Optional[click.Option]:
        return i18n.help_option(super().get_help_option(ctx))

    # ``audit`` lives in its own module, imported when the command is named (or
    # listed, for --help): a check does not pay for it on every start.
    def get_command(self, ctx: click.Context, cmd_name: str) -> Optional[click.Command]:
        if cmd_name == "audit" and cmd_name not in self.commands:
            from .audit.cli import audit

            self.add_command(audit)
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> List[str]:
        return sorted({*super().list_commands(ctx), "audit"})


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
        return self.flags["lang"] or config.get("lang") or i18n.default_lang()

    def config_of(self, path: str) -> Config:
        """The configuration of ``path`` (for a draft: a '-' in the folder its settings come from)."""
        try:
            return self.resolver.for_path(path)
        except ConfigError as exc:
            raise _fail(_config_problem(exc))

    def here(self) -> Config:
        """The configuration of drafts: the one found from the current folder."""
        return self.config_of(os.path.join(os.getcwd(), "-"))

    def min_rank(self, config: Config) -> int:
        return SEVERITY_RANK[self.flags.get("min_severity") or config.get("min-severity") or "info"]

    def excluded(self, config: Config, path: str) -> bool:
        """Excluded by --exclude (else the configuration's ``exclude``) or --extend-exclude."""
        f = self.flags
        rel = os.path.relpath(os.path.abspath(path)).replace(os.sep, "/")
        patterns = _split(f.get("extend_exclude", ()))
        if f.get("exclude"):
            patterns += _split(f["exclude"])
        elif config.excluded(path):
            return True
        return any(glob_match(rel, pattern) for pattern in patterns)

    def suffixes(self, config: Config) -> Tuple[str, ...]:
        """The suffixes of the files a folder walk checks."""
        f = self.flags
        chosen = _split(f.get("suffixes", ())) or list(config.get("suffixes", [])) or list(TEXT_SUFFIXES)
        extra = list(config.get("extend-suffixes", [])) + _split(f.get("extend_suffixes", ()))
        return tuple(s.lower() if s.startswith(".") else "." + s.lower() for s in chosen + extra)

    def fail_on(self, config: Config) -> str:
        return self.flags["fail_on"] or config.get("fail-on") or "error"

    def linter(self, config: Config) -> Linter:
        f = self.flags
        key = (config.linter_key(), self.lang(config))
        linter = self._linters.get(key)
        if linter is None:
            try:
                linter = _build_linter(
                    list(config.get("rules", [])) + list(f["rule_paths"]),
                    select=f["select"] or config.get("select", []),
                    ignore=list(config.get("ignore", [])) + list(f["ignore"]),
                    allow=list(config.get("allow", [])) + list(f["allow"]),
                    lang=self.lang(config), severity=config.get("severity"),
                    extend_select=list(config.get("extend-select", [])) + list(f["extend_select"]))
                for selectors in config.get("per-file-ignores", {}).values():
                    linter.validate_selectors("per-file-ignores", selectors)
            except UnknownSelectorError as exc:
                raise _fail(self._unknown_selector(exc, config))
            self._linters[key] = linter
        return linter

    def _unknown_selector(self, exc: UnknownSelectorError, config: Config) -> str:
        """Name the option or the configuration file the unknown selector came from."""
        lang = i18n.default_lang()
        reason = i18n.translated(exc.reason, lang)
        for flag in ("select", "extend_select", "ignore"):
            if exc.selector in _split(self.flags[flag]):
                return f"--{flag.replace('_', '-')}: {reason}"
        if config.path:
            return tr("invalid configuration: {reason}", lang, reason=f"{config.path}: {exc.option}: {reason}")
        return f"{exc.option}: {reason}"

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
                    raise _fail(i18n.note(baseline_path, str(exc), i18n.default_lang()))
        ignore = config.ignored_for(path) if path != "-" else []
        # the run's own ignores as well: the Linter drops rules, but findings about
        # suppression comments (suppression.unused …) are made after it
        ignore = ignore + list(config.get("ignore", [])) + _split(f["ignore"])
        masker = self._maskers.get(id(config))
        if masker is None:
            masker = self._maskers[id(config)] = PlaceholderMasker(config.get("placeholders", []))
        return FileSettings(template_mode=template_mode, masker=masker,
                            csv_column=f["csv_column"] or config.get("csv-column"), ignore=ignore,
                            baseline=baseline, lang=self.lang(config), encoding=f.get("encoding"),
                            unsafe_fixes=bool(f.get("unsafe_fixes")))


def _config_problem(exc: ConfigError) -> str:
    """"invalid configuration: path: key: reason", the reason in the reader's language."""
    lang = i18n.default_lang()
    where = f"{exc.path}: {exc.key}" if exc.key else exc.path
    return tr("invalid configuration: {reason}", lang, reason=f"{where}: {i18n.translated(exc.reason, lang)}")


def _color(flag: Optional[bool]) -> Optional[bool]:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return None  # click decides: colour on a terminal only


def _note(message: str, path: Optional[str] = None, lang: Optional[str] = None) -> None:
    """A one-line note on standard error; ``path: reason`` notes in the reader's language."""
    lang = lang or i18n.default_lang()
    shown = i18n.note(path, message, lang) if path is not None else message
    click.echo(f"ozonlint: {shown}", err=True)


# Files that are templates or plain text when a folder is walked (config
# ``suffixes``/``extend-suffixes``, --suffixes/--extend-suffixes change it).
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".yaml", ".yml", ".json", ".csv", ".text", ".tmpl", ".tpl")


def _walk(folder: str, unreadable: List[OSError], suffixes: Tuple[str, ...] = TEXT_SUFFIXES,
          other: Optional[List[str]] = None) -> Iterator[str]:
    """The files below ``folder`` with one of ``suffixes``; the others go to ``other``, and
    the folders that cannot be listed to ``unreadable``."""
    seen = set()
    for root, dirs, files in os.walk(folder, onerror=unreadable.append, followlinks=False):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if name.lower().endswith(suffixes):
                yield os.path.join(root, name)
            elif other is not None:
                other.append(os.path.join(root, name))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
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
                     help="Language of the messages (default: configuration, $OZONLINT_LANG, the locale, en)."),
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
        click.option("--stdin-filename", metavar="PATH",
                     help="Check standard input as if it were this file (its configuration, "
                          "per-file ignores and format)."),
        click.option("--exclude", multiple=True, metavar="GLOBS",
                     help="Skip files matching these globs (instead of the configuration's exclude)."),
        click.option("--extend-exclude", multiple=True, metavar="GLOBS",
                     help="Skip files matching these globs too."),
        click.option("--suffixes", multiple=True, metavar="LIST",
                     help="Suffixes of the files a folder walk checks (instead of the default list)."),
        click.option("--extend-suffixes", multiple=True, metavar="LIST",
                     help="Check files with these suffixes too when walking a folder, e.g. .rst,.html."),
        click.option("--encoding", metavar="NAME",
                     help="Read files and standard input in this encoding (default: BOM, UTF-8, Windows-1251)."),
        click.option("--no-cache", is_flag=True, help="Do not read or write the compiled-rules cache."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _draft_names(texts: Sequence[str], stdin_too: bool) -> List[str]:
    """'-' for a single draft (the contract's path), '<text N>' when several are checked."""
    if len(texts) == 1 and not stdin_too:
        return ["-"]
    return [f"<text {number}>" for number in range(1, len(texts) + 1)]


def _collect(session: _Session, paths: Sequence[str], texts: Sequence[str], fix: bool, diff: bool,
             jobs: Optional[int]) -> List[Tuple[Outcome, Config]]:
    """Check every input; outcomes in input order, each with its configuration.

    Drafts (--text, standard input) take the configuration found from the
    current folder, or from --stdin-filename's folder for standard input."""
    stdin = getattr(sys.stdin, "buffer", None)
    if not paths and not texts:
        if stdin is None or stdin.isatty():
            raise click.UsageError(tr("nothing to check: give files, --text, or pipe a draft to standard input",
                                      i18n.default_lang()))
        paths = ("-",)
    stdin_name = session.flags.get("stdin_filename")
    config_of = session.config_of
    results: List[Tuple[Outcome, Config]] = []
    for name, text in zip(_draft_names(texts, "-" in paths), texts):
        config = session.here()
        outcome = check_decoded(session.linter(config), name, Decoded(text, "utf-8", b""),
                                session.settings(config, "-", False), fix, diff, in_place=False)
        results.append((outcome, config))
    pending: List[Tuple[FileJob, Config]] = []

    def flush() -> None:
        outcomes = check_files([job for job, _ in pending], jobs or default_jobs())
        results.extend(zip(outcomes, [config for _, config in pending]))
        pending.clear()

    for path in paths:
        if path == "-":
            flush()
            config = config_of(stdin_name) if stdin_name else session.here()
            name = stdin_name or "-"
            settings = session.settings(config, name, bool(stdin_name))
            results.append((_check_stdin(session.linter(config), stdin, settings, fix, diff, name), config))
            continue
        walked = os.path.isdir(path)
        other: List[str] = []
        unreadable: List[OSError] = []
        suffixes = session.suffixes(config_of(os.path.join(path, "-")))
        files = _walk(path, unreadable, suffixes, other) if walked else [path]
        for file_path in files:
            config = config_of(file_path)
            if session.excluded(config, file_path):
                continue
            pending.append((FileJob(file_path, session.linter(config), session.settings(config, file_path, True),
                                    fix, diff, not walked), config))
        if other and not session.flags.get("quiet"):
            _note_skipped_suffixes(path, other)
        for error in unreadable:  # its files were not checked: never a clean run
            folder = error.filename or path
            results.append((Outcome(folder, notes=[f"{folder}: cannot read the folder: {error.strerror or error}; "
                                                   "its files were not checked"], unusable=True), Config()))
    flush()
    return results


def _note_skipped_suffixes(folder: str, other: List[str]) -> None:
    counts: Dict[str, int] = {}
    for name in other:
        suffix = os.path.splitext(name)[1].lower() or os.path.basename(name)
        counts[suffix] = counts.get(suffix, 0) + 1
    shown = ", ".join(f"{suffix} ×{n}" if n > 1 else suffix for suffix, n in sorted(counts.items()))
    lang = i18n.default_lang()
    _note(tr("{folder}: not checked: {files} with other suffixes ({suffixes}); add them with --extend-suffixes",
             lang, folder=folder, files=i18n.count(len(other), "file", lang), suffixes=shown))


@main.command()
@_check_options
@click.option("--jsonl", "jsonl", metavar="FILE|-",
              help='Batch mode: read {"id", "text"} JSON lines, write one result line per input line.')
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: text; github under GitHub Actions).")
@click.option("--output", "-o", "output", metavar="FILE", help="Write the report to FILE.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit status 1 (default: configuration, else error).")
@click.option("--min-severity", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Show only findings at or above this severity (default: configuration, else info).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when problems are found (2 still means an error).")
@click.option("--quiet", "-q", is_flag=True, help="Print the findings only: no summary, no notes but errors.")
@click.option("--statistics", is_flag=True, help="Print how many findings each rule has instead of the findings.")
@click.option("--show-settings", is_flag=True,
              help="Print the configuration files, settings and rules that apply to the first input, then exit.")
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
          no_baseline: bool, jobs: Optional[int], color: Optional[bool], **conventions: object) -> None:
    """Check drafts: files, folders, --text, or standard input ('-' or piped)."""
    session = _session(locals())
    flags = session.flags
    ui = session.lang(session.here())
    if jsonl is not None:
        _refuse_with_jsonl(paths, texts, fmt, diff, flags, ui)
        config = session.here()
        threshold = SEVERITY_RANK[session.fail_on(config)]
        status = _check_jsonl(session.linter(config), jsonl, session.lang(config), threshold, fix, output)
        raise click.exceptions.Exit(EXIT_CLEAN if status == EXIT_FOUND and flags["exit_zero"] else status)
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if flags["statistics"] and fmt not in ("text", "json"):
        raise _fail(tr("--statistics works with --format text or json", ui))
    drafts_only = all(p == "-" for p in paths)
    if fix and (texts or "-" in paths) and not drafts_only:
        raise _fail(tr("--fix prints fixed drafts but rewrites files: check drafts and files in separate runs", ui))
    if flags["show_settings"]:
        _show_settings(session, paths, texts, ui)
        raise click.exceptions.Exit(EXIT_CLEAN)
    results = _collect(session, paths, texts, fix, diff, jobs)
    status = EXIT_CLEAN
    reports: List[FileResult] = []
    unchecked: List[str] = []
    skipped: List[str] = []
    for outcome, config in results:
        for note in outcome.notes:
            if outcome.unusable or not flags["quiet"]:
                _note(note, outcome.path, ui)
        if outcome.unusable:
            status = EXIT_ERROR
            unchecked.append(outcome.path)
            continue
        if outcome.skipped:
            skipped.append(outcome.path)
            continue
        threshold = SEVERITY_RANK[session.fail_on(config)]
        language = session.lang(config)
        shown = [v for v in outcome.violations if SEVERITY_RANK[v.severity] >= session.min_rank(config)]
        if any(SEVERITY_RANK[v.severity] >= threshold for v in shown):
            status = max(status, EXIT_FOUND)
        reports.append(FileResult(outcome.path, outcome.text, [v.in_language(language) for v in shown]))
    if status == EXIT_FOUND and flags["exit_zero"]:
        status = EXIT_CLEAN
    if diff:
        _emit("".join(o.diff for o, _ in results), output, color)
        raise click.exceptions.Exit(status)
    if fix and reports and drafts_only:
        _emit("\n".join(r.text for r in reports), output, color)
        if any(r.violations for r in reports):  # the draft goes to standard output, what remains beside it
            from .report.text import format_text

            remaining = (format_text(reports, lang=ui, summary=not flags["quiet"]) if (fmt or "text") == "text"
                         else formatter(fmt)(reports, catalog=session.catalog() if fmt == "sarif" else None))
            click.echo(remaining, nl=False, err=True, color=_color(color))
        raise click.exceptions.Exit(status)
    if flags["statistics"]:
        from .report.text import format_statistics

        text = format_statistics(reports, fmt, ui)
    elif fmt == "text":
        from .report.text import format_text

        text = format_text(reports, lang=ui, unchecked=unchecked, skipped=skipped, summary=not flags["quiet"])
    else:
        text = formatter(fmt)(reports, catalog=session.catalog() if fmt == "sarif" else None)
    _emit(text, output, color)
    raise click.exceptions.Exit(status)


def _emit(text: str, output: Optional[str], color: Optional[bool]) -> None:
    """The report (or fixed drafts, or diff) on standard output, or in ``output``."""
    if output:
        try:
            write_atomic(output, (text if color else click.unstyle(text)).encode("utf-8"))
        except OSError as exc:
            raise _fail(tr("cannot write {path}: {reason}", i18n.default_lang(), path=output,
                           reason=exc.strerror or exc))
    else:
        click.echo(text, nl=False, color=_color(color))


def _refuse_with_jsonl(paths: Sequence[str], texts: Sequence[str], fmt: Optional[str], diff: bool,
                       flags: Dict[str, Any], ui: str) -> None:
    """--jsonl writes its own JSON lines: what would be ignored there is refused."""
    clashes = [name for name, given in (("PATH", bool(paths)), ("--text", bool(texts)),
                                        ("--format", fmt is not None and fmt != "jsonl"), ("--diff", diff),
                                        ("--statistics", flags["statistics"]),
                                        ("--show-settings", flags["show_settings"])) if given]
    if clashes:
        raise _fail(tr("--jsonl cannot be combined with {options}: it reads its drafts from JSON lines and "
                       "writes one JSON line per input line", ui, options=", ".join(clashes)))


def _show_settings(session: _Session, paths: Sequence[str], texts: Sequence[str], ui: str) -> None:
    """What applies to the first input: configuration file, settings, flags, rules."""
    flags = session.flags
    first = next(iter(paths), "-")
    if first == "-":
        first = flags.get("stdin_filename") or "-"
    probe = os.path.join(first, "-") if os.path.isdir(first) else (
        first if first != "-" else os.path.join(os.getcwd(), "-"))
    config = session.config_of(probe)
    linter = session.linter(config)
    given = {k: v for k, v in flags.items()
             if v not in (None, False, (), "") and k not in ("paths", "texts", "show_settings")}
    lines = [f"{tr('input', ui)}: {first}",
             f"{tr('configuration file', ui)}: {config.path or tr('none', ui)}"]
    for key, value in sorted(config.values.items()):
        lines.append(f"  {key}: {value}")
    lines.append(f"{tr('command line', ui)}: " + (", ".join(f"{k}={v}" for k, v in sorted(given.items()))
                                                   or tr("none", ui)))
    lines.append(f"lang: {session.lang(config)}")
    lines.append(f"fail-on: {session.fail_on(config)}")
    lines.append(f"min-severity: {flags.get('min_severity') or config.get('min-severity') or 'info'}")
    lines.append(f"suffixes: {' '.join(session.suffixes(config))}")
    ids = [r.id for r in linter.rules]
    lines.append(f"{tr('rules', ui)} ({len(ids)}): {', '.join(ids)}")
    click.echo("\n".join(lines))


def _session(options: dict) -> _Session:
    try:
        resolver = ConfigResolver(options.get("config_path"), options.get("no_config", False))
    except ConfigError as exc:
        raise _fail(_config_problem(exc))
    options.setdefault("fail_on", None)
    options.setdefault("baseline", None)
    options.setdefault("no_baseline", False)
    options.update(options.pop("conventions", None) or {})
    for flag in ("exit_zero", "quiet", "statistics", "show_settings"):
        options.setdefault(flag, False)
    if options.get("no_cache"):
        os.environ["OZONLINT_CACHE_DIR"] = "off"  # the cache module's own switch, for this process
    return _Session(options, resolver)


@main.command()
@_check_options
@click.option("--output", "-o", "output", default=".ozonlint-baseline.json", show_default=True, metavar="FILE",
              help="The baseline file to write.")
def baseline(paths: Tuple[str, ...], texts: Tuple[str, ...], output: str, lang: Optional[str],
             select: Tuple[str, ...], extend_select: Tuple[str, ...], ignore: Tuple[str, ...],
             rule_paths: Tuple[str, ...], allow: Tuple[str, ...], config_path: Optional[str], no_config: bool,
             template: Optional[bool], csv_column: Optional[str], jobs: Optional[int],
             **conventions: object) -> None:
    """Record today's findings in a baseline file; later runs with it report only new ones."""
    options = dict(locals())
    options["no_baseline"] = True  # record everything, not what an old baseline leaves
    session = _session(options)
    results = _collect(session, paths or ((".",) if not texts else ()), texts, False, False, jobs)
    status = EXIT_CLEAN
    findings = []
    for outcome, _ in results:
        for note in outcome.notes:
            _note(note, outcome.path, lang)
        status = EXIT_ERROR if outcome.unusable else status
        findings.extend((outcome.path, v) for v in outcome.violations)
    from .baseline import Baseline

    try:
        count = Baseline.write(output, findings)
    except OSError as exc:
        raise _fail(tr("cannot write {path}: {reason}", i18n.default_lang(), path=output, reason=exc.strerror or exc))
    ui = lang or i18n.default_lang()
    click.echo("ozonlint: " + tr("wrote {findings} from {inputs} to {path}", ui, path=output,
                                 findings=i18n.count(count, "finding", ui), n=count, m=len(results),
                                 inputs=i18n.count(len(results), "input", ui)), err=True)
    raise click.exceptions.Exit(status)


def _check_stdin(linter: Linter, stdin: Optional[BinaryIO], settings: FileSettings, fix: bool, diff: bool = False,
                 name: str = "-") -> Outcome:
    if stdin is None:
        return Outcome(name, notes=[f"{name}: no standard input"], unusable=True)
    try:
        return check_decoded(linter, name, read_stream(stdin, settings.encoding), settings, fix, diff, in_place=False)
    except InputError as exc:
        return Outcome(name, notes=[f"{name}: {exc}"], unusable=True)


def _check_jsonl(linter: Linter, source: str, lang: str, threshold: int, fix: bool = False,
                 output: Optional[str] = None) -> int:
    stats = BatchStats()
    ui = i18n.default_lang()
    try:
        out = open(output, "w", encoding="utf-8") if output else sys.stdout
    except OSError as exc:
        raise _fail(tr("cannot write {path}: {reason}", ui, path=output, reason=exc.strerror or exc))

    def sink(line: str) -> None:
        out.write(line + "\n")
        out.flush()

    try:  # a failure to write the results is an OutputError (see run), not a failure to read
        if source == "-":
            stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", errors="strict")
            check_jsonl(linter, stream, sink, lang, stats, fix)
        else:
            with open(source, encoding="utf-8-sig") as stream:
                check_jsonl(linter, stream, sink, lang, stats, fix)
    except (OSError, UnicodeDecodeError) as exc:
        _note(f"{source}: cannot read: {getattr(exc, 'strerror', None) or exc}", source, ui)
        return EXIT_ERROR
    finally:
        if output:
            out.close()
    if stats.errors:
        _note(tr("{source}: {lines} could not be checked", ui, source=source,
                 lines=i18n.count(stats.errors, "line", ui)))
        return EXIT_ERROR
    return EXIT_FOUND if stats.worst >= threshold else EXIT_CLEAN


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
@click.option("--rules", "rule_paths", multiple=True, metavar="PATH", help="Extra rule pack (repeatable).")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of the messages and the table (default: $OZONLINT_LANG, the locale, en).")
def list_rules(fmt: str, rule_paths: Tuple[str, ...], lang: Optional[str]) -> None:
    """List the rules: id, category, severity, kind, whether they can fix."""
    lang = lang or i18n.default_lang()
    linter = _build_linter(rule_paths, lang=lang)
    rows = [{"id": r.id, "category": r.category, "severity": r.severity, "kind": r.spec.kind,
             "fixable": bool(r.spec.rewrites), "message": r.spec.messages[lang],
             "source": r.spec.path} for r in linter.all_rules]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    headers = [tr(h, lang) for h in ("RULE", "CATEGORY", "SEVERITY", "KIND", "FIX")]
    table: List[List[str]] = [[str(r["id"]), str(r["category"]), str(r["severity"]), str(r["kind"]),
                               tr("yes", lang) if r["fixable"] else "-"] for r in rows]
    widths = [max(i18n.width(cell) for cell in column) for column in zip(headers, *table)]
    for cells in [headers] + table:
        click.echo("  ".join(i18n.pad(cell, w) for cell, w in zip(cells[:-1], widths)) + "  " + cells[-1])
    files = len(linter.ruleset.files)
    click.echo("\n" + tr("{rules} from {files}.", lang, rules=i18n.count(len(rows), "rule", lang),
                         files=i18n.count(files, "file", lang), n=len(rows), m=files))


@main.command()
@click.argument("rule_id")
@click.option("--rules", "rule_paths", multiple=True, metavar="PATH", help="Extra rule pack (repeatable).")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of the description (default: $OZONLINT_LANG, the locale, en).")
def explain(rule_id: str, rule_paths: Tuple[str, ...], lang: Optional[str]) -> None:
    """Describe one rule: what it catches, why, its messages and examples."""
    lang = lang or i18n.default_lang()
    linter = _build_linter(rule_paths, lang=lang)
    matches = [r for r in linter.all_rules if r.id == rule_id]
    if not matches:
        close = [r.id for r in linter.all_rules if rule_id in r.id]
        hint = tr(" (did you mean: {ids}?)", lang, ids=", ".join(close)) if close else ""
        raise _fail(tr("unknown rule {rule!r}{hint}; see 'ozonlint rules'", lang, rule=rule_id, hint=hint))
    spec = matches[0].spec
    click.echo(click.style(spec.id, bold=True) + f"  [{spec.category}, {matches[0].severity}, "
               + tr("kind {kind}", lang, kind=spec.kind) + "]")
    click.echo(tr("defined in {place}", lang, place=f"{spec.path}:{spec.line}") + "\n")
    description = (spec.descriptions or {}).get(lang) or spec.description
    if description:
        click.echo(description + "\n")
    for code in [lang] + [c for c in LANGUAGES if c != lang]:
        click.echo(f"  {code}: {spec.messages[code]}")
    if spec.suggestion is None:
        shown = tr("null (no safe rewrite)", lang)
    elif spec.suggestion:
        meaning = i18n.gloss(spec.suggestion, lang)
        shown = repr(spec.suggestion) + ("  " + meaning if meaning else "")
    else:
        shown = tr("'' (remove the text)", lang)
    click.echo("\n" + tr("suggestion: ", lang) + shown)
    click.echo("\n" + tr("rewrites:", lang) if spec.rewrites else "\n" + tr("rewrites: none (no automatic fix)", lang))
    for rewrite in spec.rewrites:
        what = (tr("remove", lang) if rewrite.texts and not any(rewrite.texts.values())
                else " / ".join(f"{k}: {v}" for k, v in (rewrite.texts or {}).items() if v)
                or tr("phrases" if rewrite.phrases else "templates", lang))
        meaning = i18n.gloss((rewrite.texts or {}).get("ru"), lang) if lang == "zh" else None
        kind = i18n.join([tr(rewrite.scope, lang), tr(rewrite.applicability, lang)], lang)
        click.echo(f"  - {kind}{'：' if lang == 'zh' else ': '}{what}" + (f"  {meaning}" if meaning else ""))
    click.echo("\n" + tr("reported:", lang))
    for example in spec.bad_examples:
        click.echo(f"  - {example['text'] if isinstance(example, dict) else example}")
    click.echo(tr("not reported:", lang))
    for example in spec.good_examples:
        click.echo(f"  - {example}")


@main.command("test-rules")
@click.argument("paths", nargs=-1, required=True)
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of the report (default: $OZONLINT_LANG, the locale, en).")
def test_rules(paths: Tuple[str, ...], lang: Optional[str]) -> None:
    """Run the examples of every rule in the rule packs at PATHS."""
    ui = lang or i18n.default_lang()
    linter = _build_linter(paths, verify_examples=False, lang=ui)
    wanted = {os.path.abspath(p) for p in paths}

    def in_paths(path: str) -> bool:
        full = os.path.abspath(path)
        return any(full == w or full.startswith(w.rstrip(os.sep) + os.sep) for w in wanted)

    rules = [r for r in linter.all_rules if in_paths(r.spec.path)]
    try:
        failures = linter.self_test(rules)
    except RuleTimeoutError as exc:
        raise _fail(tr("invalid rule pack: {reason}", ui, reason=tr(
            "rule {rule} ran out of time on its examples", ui, rule=exc.rule)))
    for failure in failures:
        click.echo(i18n.note(failure.path, str(failure), ui))
    examples = sum(len(r.spec.bad_examples) + len(r.spec.good_examples) for r in rules)
    click.echo(tr("{rules}, {examples}, {failures}.", ui, rules=i18n.count(len(rules), "rule", ui),
                  examples=i18n.count(examples, "example", ui), failures=i18n.count(len(failures), "failure", ui)))
    raise click.exceptions.Exit(EXIT_FOUND if failures else EXIT_CLEAN)


class OutputError(Exception):
    """Standard output cannot be written: closed, a full disk, the reader gone.

    Not an OSError, so that neither click nor a handler for failures to *read*
    takes it for something else: ``run`` turns it into the exit status."""

    def __init__(self, number: int, reason: str) -> None:
        super().__init__(reason)
        self.errno = number
        self.reason = reason


class _GuardedOutput(io.RawIOBase):
    """Standard output or error (fd None: it was closed when we started).

    Standard output raises OutputError: the report is the run's result.
    Standard error drops what it cannot write: a note that cannot be shown
    must not stop the report, and the exit status still tells."""

    def __init__(self, fd: Optional[int], name: str) -> None:
        super().__init__()
        self._fd = fd
        self._name = name
        self._drop = name == "standard error"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._fd is not None and os.isatty(self._fd)

    def fileno(self) -> int:
        if self._fd is None:
            raise io.UnsupportedOperation(f"{self._name} is closed")
        return self._fd

    def write(self, data) -> int:  # type: ignore[override]
        if self._fd is None:
            if self._drop:
                return len(data)
            raise OutputError(errno.EBADF, f"{self._name} is closed")
        try:
            return os.write(self._fd, data)
        except OSError as exc:
            if self._drop:
                return len(data)
            raise OutputError(exc.errno or 0, f"cannot write to {self._name}: {exc.strerror or exc}") from None


def _guard(stream: str) -> None:
    """Route sys.stdout or sys.stderr through _GuardedOutput."""
    current = getattr(sys, stream)
    try:
        fd = current.fileno() if current is not None else None
    except (AttributeError, OSError, ValueError):
        return  # not a real file (an embedding program's stream): leave it alone
    name = "standard output" if stream == "stdout" else "standard error"
    setattr(sys, stream, io.TextIOWrapper(io.BufferedWriter(_GuardedOutput(fd, name)),
                                          encoding=getattr(current, "encoding", None) or "utf-8",
                                          errors=getattr(current, "errors", None) or "strict",
                                          line_buffering=stream == "stderr" or bool(
                                              getattr(current, "line_buffering", False))))


class Interrupted(BaseException):
    """Ctrl-C or SIGTERM: a BaseException, so that no ``except Exception`` (nor
    click, which reads KeyboardInterrupt as "Aborted!", exit 1) stops it on its
    way out; files being written are cleaned up by write_atomic."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted(signum)


def _output_failure(exc: OutputError) -> str:
    lang = i18n.default_lang()
    return tr("ozonlint: error: {message}", lang, message=i18n.translated(exc.reason, lang))


def _say(message: str) -> None:
    """One line on standard error, if there is one left to write to."""
    try:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
    except (OutputError, OSError, ValueError):
        pass



def run() -> None:
    """The ``ozonlint`` command: ``main``, then an exit without the interpreter's teardown.

    Teardown frees the compiled rules object by object, which takes longer than
    checking a draft, on every pre-commit run. When ``main`` returns there is
    nothing left to finish: reports are on the (flushed) standard streams,
    files were written by write_atomic, the worker pool was joined. An
    unexpected exception still takes the ordinary path (and its traceback).

    Exit statuses beyond ``main``'s: 2 when standard output cannot be written
    (quietly when the reader went away, as ``| head`` does), 130 on Ctrl-C and
    143 on SIGTERM, after the files being written are cleaned up.
    """
    global _OWN_PROCESS
    _OWN_PROCESS = True
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _interrupt)
    _guard("stdout")
    _guard("stderr")
    output_failed = False
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    except Interrupted as exc:
        _say("ozonlint: " + tr("interrupted" if exc.signum == signal.SIGINT else "terminated", i18n.default_lang()))
        code = 128 + exc.signum
    except OutputError as exc:
        output_failed = True
        if exc.errno != errno.EPIPE:
            _say(_output_failure(exc))
        code = EXIT_ERROR
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    try:
        if not output_failed:
            sys.stdout.flush()
    except OutputError as exc:
        if exc.errno != errno.EPIPE:
            _say(_output_failure(exc))
        code = EXIT_ERROR
    except OSError:
        code = EXIT_ERROR  # an output we did not guard (see _guard) failed
    try:
        sys.stderr.flush()
    except (OutputError, OSError, ValueError):
        pass  # the reader went away: nothing more can be said to it
    os._exit(code)
