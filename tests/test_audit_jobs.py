"""``--jobs N`` forks workers over batches of whole chats; the report is identical to ``--jobs 1``'s."""
from __future__ import annotations

import json

import pytest
from conftest import CliRunner

from ozonlint.audit import run as audit_run
from ozonlint.audit import sample
from ozonlint.cli import main


@pytest.fixture()
def small_batches(monkeypatch):
    monkeypatch.setattr(audit_run, "BATCH_MESSAGES", 40)  # many batches from a small history


@pytest.mark.parametrize("fmt,name", [("json", "history.jsonl"), ("json", "api"), ("html", "export.csv")])
def test_jobs_give_identical_reports(tmp_path, small_batches, fmt, name):
    sample.write(str(tmp_path), 80, seed=11)
    outputs = []
    for jobs in ("1", "2", "3"):
        result = CliRunner().invoke(main, ["audit", str(tmp_path / name), "--format", fmt, "--jobs", jobs,
                                           "--timezone", "Europe/Moscow"])
        assert result.exit_code == 1, result.output
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    if fmt == "json":
        assert len(json.loads(outputs[0])["findings"]) > 5


def test_batches_hold_whole_chats(small_batches):
    chats = [audit_run.Chat(str(n), "f", [None] * 15) for n in range(10)]  # type: ignore[list-item]
    batches = list(audit_run.batches(iter(chats)))
    assert [len(b) for b in batches] == [3, 3, 3, 1]
    assert [c.chat_id for b in batches for c in b] == [str(n) for n in range(10)]


def test_jobs_fork_workers_only_when_there_is_more_than_one_batch(tmp_path, small_batches, monkeypatch):
    pools = []
    real = audit_run._audit_parallel

    def recorded(every, settings, jobs, total):
        pools.append(jobs)
        return real(every, settings, jobs, total)

    monkeypatch.setattr(audit_run, "_audit_parallel", recorded)
    sample.write(str(tmp_path), 30, seed=2, formats=("jsonl",))
    CliRunner().invoke(main, ["audit", str(tmp_path / "history.jsonl"), "--jobs", "2"])
    assert pools == [2]
    monkeypatch.setattr(audit_run, "BATCH_MESSAGES", 100000)
    CliRunner().invoke(main, ["audit", str(tmp_path / "history.jsonl"), "--jobs", "2"])
    assert pools == [2]  # one batch: checked in this process
