"""The Linter and report language an audit uses, built by the same helpers as ``check``
(``ozonlint.cli._session``: configuration files, --select/--ignore/--rules/--allow, --lang)."""
from __future__ import annotations

import os
from typing import Any, Dict, Optional, Sequence, Tuple

from ..engine import Linter

RULE_FLAGS = ("lang", "select", "extend_select", "ignore", "rule_paths", "allow", "config_path", "no_config",
              "fail_on")


def first_config_path(paths: Sequence[str]) -> str:
    """Where the configuration is looked up from: the first input (for standard input, the current folder)."""
    first = paths[0] if paths else "-"
    if first == "-":
        return os.path.join(os.getcwd(), "-")
    return os.path.join(first, "-") if os.path.isdir(first) else first


def linter_for(flags: Dict[str, Any], paths: Sequence[str]) -> Tuple[Linter, str, str]:
    """(Linter, report language, fail-on severity) for these rule flags and inputs.

    A bad configuration or rule pack ends the command as it ends ``check`` (exit 2, one line)."""
    from .. import cli as base
    from ..config import ConfigError

    options = {name: flags.get(name) for name in RULE_FLAGS}
    for name in ("select", "extend_select", "ignore", "rule_paths", "allow"):
        options[name] = tuple(options[name] or ())
    options.update(no_config=bool(options["no_config"]), template=None, csv_column=None)
    session = base._session(options)
    try:
        config = session.resolver.for_path(first_config_path(paths))
    except ConfigError as exc:
        raise base._fail(f"invalid configuration: {exc}")
    return session.linter(config), session.lang(config), session.fail_on(config)


class OptionError(ValueError):
    """A bad audit option: ``key`` names the message in ``i18n``."""

    def __init__(self, key: str, value: str) -> None:
        super().__init__(f"{key}: {value}")
        self.key = key
        self.value = value


def parse_options(columns: Sequence[str] = (), zone_name: Optional[str] = None, working_hours: Optional[str] = None,
                  working_days: Optional[str] = None, as_of: Optional[str] = None) -> Dict[str, Any]:
    """The audit's own options, checked: CSV columns, the clock, the zone of times without an offset, as-of."""
    from .csv_reader import parse_columns
    from .hours import Clock, load_zone, parse_days, parse_hours
    from .records import BadRecord, parse_time

    try:
        mapping = parse_columns(list(columns))
    except ValueError as exc:
        raise OptionError("err_column", str(exc))
    try:
        zone = load_zone(zone_name)
    except ValueError:
        raise OptionError("err_zone", zone_name or "")
    try:
        hours = parse_hours(working_hours) if working_hours else None
    except ValueError:
        raise OptionError("err_hours", working_hours or "")
    try:
        days = parse_days(working_days) if working_days else None
    except ValueError:
        raise OptionError("err_days", working_days or "")
    try:
        reference = parse_time(as_of, zone) if as_of else None
    except BadRecord:
        raise OptionError("err_as_of", as_of or "")
    return {"columns": mapping, "zone": zone if zone_name else None, "clock": Clock(zone, hours, days),
            "as_of": reference}
