"""The distributed recipe on a two-worker local Dask cluster gives ``ozonlint audit``'s report."""
from __future__ import annotations

import json

import pytest
from conftest import CliRunner

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


def test_the_readme_recipe_runs(tmp_path):
    import os
    import re
    import subprocess
    import sys
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Shop audit", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"\n(    python -m ozonlint\.audit\.sample parts.*?)\n\n(?=\S)", section, re.S).group(1)
    script = "\n".join(line[4:] for line in block.splitlines())
    env = dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    # not -e: the audit's exit status is 1 when it finds violations, as the sample shop has
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert done.stdout.strip().splitlines()[-1] == "True", (done.stdout, done.stderr[-3000:])
    assert json.loads((tmp_path / "cluster.json").read_text(encoding="utf-8"))["inputs"]["files"] == 8
