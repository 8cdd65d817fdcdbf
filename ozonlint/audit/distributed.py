"""The audit on a Dask cluster, for histories that outgrow one machine.

    pip install "ozonlint[dask]"

    from dask.distributed import Client
    from ozonlint.audit.distributed import audit
    report = audit(["histories/"], Client("scheduler:8786"), timezone="Europe/Moscow")

The input is partitioned JSON Lines (or any of the audit's formats): one
file a partition, each holding whole chats, e.g. ``history-000.jsonl.gz`` …
as ``python -m ozonlint.audit.sample OUT --formats jsonl --parts 64`` writes
them. A Dask bag maps every partition to a partial aggregate on the workers
(each worker builds its Linter once, with the same helpers as ``ozonlint
audit``), and the partials are merged in partition order by the same code as
the single-machine audit, so the figures equal ``ozonlint audit``'s on the
same files. Every worker must see the files at the same paths (a shared
file system or object store mounted alike).
"""
from __future__ import annotations

import os
from typing import Any, Dict, List, Optional, Sequence, Tuple

from .aggregate import Partial
from .inputs import Inputs

_linters: Dict[Tuple, Any] = {}


def _linter(flags: Dict[str, Any]):
    """One Linter per worker process and rule configuration (compiling it is the slow part)."""
    from .setup import linter_for

    key = tuple(sorted((k, tuple(v) if isinstance(v, (list, tuple)) else v) for k, v in flags.items()))
    if key not in _linters:
        _linters[key] = linter_for(flags, flags.get("_paths") or ["-"])
    return _linters[key]


def audit_partition(path: str, flags: Dict[str, Any], options: Dict[str, Any]) -> Partial:
    """One partition (a file) to partial figures, with the problems met reading it and its findings inline."""
    from .hours import Clock, load_zone, parse_days, parse_hours
    from .inputs import Source
    from .run import Settings, chat_stream
    from .run import audit as run_audit

    linter, lang, _ = _linter(flags)
    zone = load_zone(options.get("timezone"))
    clock = Clock(zone, parse_hours(options["working_hours"]) if options.get("working_hours") else None,
                  parse_days(options["working_days"]) if options.get("working_days") else None)
    naive_zone = zone if options.get("timezone") else None
    chats = chat_stream([Source(path, path, options.get("input_format"))], options.get("columns") or {},
                        naive_zone, lambda note: None)
    return run_audit(chats, Settings(linter, lang, clock, None, naive_zone), jobs=1)


def partitions(paths: Sequence[str]) -> List[str]:
    """The files below ``paths``, in the order ``ozonlint audit`` reads them."""
    return [source.path for source in Inputs(list(paths))]


def audit(paths: Sequence[str], client: Optional[Any] = None, *, lang: Optional[str] = None,
          select: Sequence[str] = (), extend_select: Sequence[str] = (), ignore: Sequence[str] = (),
          rules: Sequence[str] = (), allow: Sequence[str] = (), config: Optional[str] = None,
          no_config: bool = False, within_hours: float = 24.0, working_hours: Optional[str] = None,
          working_days: Optional[str] = None, timezone: Optional[str] = None, as_of: Optional[str] = None,
          columns: Sequence[str] = (), input_format: Optional[str] = None) -> Dict[str, Any]:
    """The audit report (the JSON report's document, ``findings`` included) computed on Dask.

    Keyword arguments are ``ozonlint audit``'s options; ``client`` is a ``dask.distributed.Client``
    (None: Dask's default scheduler, or the client already set as default)."""
    import dask.bag as db

    from . import figures, i18n
    from .setup import parse_options

    files = partitions(paths)
    flags = {"lang": lang, "select": tuple(select), "extend_select": tuple(extend_select), "ignore": tuple(ignore),
             "rule_paths": tuple(rules), "allow": tuple(allow), "config_path": config, "no_config": no_config,
             "_paths": tuple(os.path.abspath(p) for p in paths[:1])}
    checked = parse_options(columns, timezone, working_hours, working_days, as_of)  # fail here, not on a worker
    options = {"timezone": timezone, "working_hours": working_hours, "working_days": working_days,
               "columns": checked["columns"], "input_format": input_format}
    bag = db.from_sequence(files, npartitions=max(1, len(files)))
    results = bag.map(audit_partition, flags, options).compute(**({"scheduler": client} if client else {}))
    total = Partial()
    for partial in results:
        total.merge(partial)
    _, language, _ = _linter(flags)
    report = figures.build(total, total.problems, len(files), checked["clock"], within_hours, checked["as_of"],
                           language, i18n.problem)
    report["findings"] = list(total.iter_findings())
    return report
