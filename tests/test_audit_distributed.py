"""The distributed recipe on a two-worker local Dask cluster gives ``ozonlint audit``'s report."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from ozonlint.audit import sample
from ozonlint.cli import main

distributed = pytest.importorskip("distributed")


def test_local_cluster_equals_the_command(tmp_path, monkeypatch):
    from ozonlint.audit.distributed import audit

    sample.write(str(tmp_path / "parts"), 120, seed=5, formats=("jsonl",), parts=4)
    monkeypatch.chdir(tmp_path)
    expected = json.loads(CliRunner().invoke(main, ["audit", "parts", "--format", "json", "--timezone",
                                                    "Europe/Moscow", "--lang", "ru"]).stdout)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, worker_dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            assert len(client.scheduler_info()["workers"]) == 2
            report = audit(["parts"], client, timezone="Europe/Moscow", lang="ru")
    assert report["inputs"]["files"] == 4 and report["compliance"]["violations"] > 0
    assert report == expected
