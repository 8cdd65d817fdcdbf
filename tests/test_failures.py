"""Failures around a check: outputs that cannot be written, broken baselines and packs,
files that are not files, folders that cannot be read, signals and killed runs.

Each ends in one line on standard error and a clear exit status, never a
traceback, a hang, a lost file or a silent "clean"."""
from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import List

import pytest
from conftest import CliRunner, assert_no_crash

import ozonlint
from ozonlint import cli, runner, sources
from ozonlint.cli import main
from ozonlint.engine import RuleTimeoutError
from ozonlint.rulepack import RulePackError

BAD = "Добрый день! Пишите в WhatsApp"
ENV = {**os.environ, "NO_COLOR": "1"}
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def ozonlint_process(*args: str, **options) -> subprocess.CompletedProcess:
    """The real command, as a user's shell runs it (``run``: exit statuses, signals, streams)."""
    options.setdefault("timeout", 120)
    return subprocess.run([sys.executable, "-m", "ozonlint", *args], capture_output=True, env=ENV, **options)


def invoke(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert_no_crash(result)
    return result


def one_error_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr  # a traceback is never one line
    return lines[0]


# ------------------------------------------------------------------ outputs

def test_closed_standard_output_is_one_line_and_exit_2() -> None:
    command = f'exec "{sys.executable}" -m ozonlint check --no-config --text "{BAD}" >&-'
    done = subprocess.run(["sh", "-c", command], capture_output=False, stderr=subprocess.PIPE, env=ENV,
                          timeout=120)
    assert done.returncode == 2
    assert one_error_line(done.stderr.decode()) == "ozonlint: error: standard output is closed"


def test_closed_standard_output_is_fine_when_nothing_is_written_there(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    command = (f'exec "{sys.executable}" -m ozonlint check --no-config --format json -o "{report}" '
               f'--text "{BAD}" >&-')
    done = subprocess.run(["sh", "-c", command], stderr=subprocess.PIPE, env=ENV, timeout=120)
    assert done.returncode == 1 and done.stderr == b""
    assert [v["match"] for v in json.loads(report.read_text(encoding="utf-8"))] == ["WhatsApp"]


@pytest.mark.parametrize("redirect", ["2>&-", "2>/dev/full"])
def test_notes_that_cannot_be_shown_do_not_stop_the_report(tmp_path: Path, redirect: str) -> None:
    if redirect.endswith("full") and not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    draft = tmp_path / "reply.txt"
    draft.write_text(BAD, encoding="utf-8")
    command = (f'exec "{sys.executable}" -m ozonlint check --no-config --format json --fix "{draft}" '
               f'"{tmp_path / "missing.txt"}" {redirect}')
    done = subprocess.run(["sh", "-c", command], stdout=subprocess.PIPE, env=ENV, timeout=120)
    assert done.returncode == 2  # the missing file
    assert json.loads(done.stdout) == []  # the report, after the fix
    assert draft.read_text(encoding="utf-8") == "Добрый день! Пишите нам здесь, в чате Ozon."


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("args", [["--text", BAD], ["--format", "json", "--text", "Спасибо"]])
def test_full_disk_on_standard_output_is_one_line_and_exit_2(args: List[str]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "ozonlint", "check", "--no-config", *args], stdout=full,
                              stderr=subprocess.PIPE, env=ENV, timeout=120)
    assert done.returncode == 2
    assert one_error_line(done.stderr.decode()) == (
        "ozonlint: error: cannot write to standard output: No space left on device")


@needs_fifo
def test_report_file_that_is_not_a_regular_file_is_written_into_not_replaced(tmp_path: Path) -> None:
    """``-o /dev/stdout``, ``-o /dev/null``: renaming a file over them would, as root,
    replace a device of the system (shown here on a FIFO, which is safe to lose)."""
    fifo = tmp_path / "report"
    os.mkfifo(fifo)
    received: List[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as fh:
            received.append(fh.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    done = ozonlint_process("check", "--no-config", "--format", "json", "-o", str(fifo), "--text", BAD)
    if not received:  # release the reader if the report never went into the FIFO
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
    reader.join(60)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert done.returncode == 1 and done.stderr == b""
    assert [v["match"] for v in json.loads(received[0])] == ["WhatsApp"]


def test_report_file_has_no_colour_codes(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    invoke("check", "--no-config", "-o", str(report), "--text", BAD)
    assert "WhatsApp" in report.read_text(encoding="utf-8") and "\x1b[" not in report.read_text(encoding="utf-8")


def _reader_goes_away(args: List[str]) -> subprocess.Popen:
    """Run ozonlint into a pipe, read one line and close the pipe (``| head -1``)."""
    process = subprocess.Popen([sys.executable, "-m", "ozonlint", *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=ENV)
    assert process.stdout.readline()
    process.stdout.close()
    process.wait(timeout=120)
    return process


def test_jsonl_into_head_ends_quietly(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps({"id": i, "text": BAD}) + "\n" for i in range(3000)), encoding="utf-8")
    process = _reader_goes_away(["check", "--jsonl", str(batch)])
    assert process.stderr.read() == b""  # not "cannot read: Broken pipe"
    assert process.returncode == 2       # not everything was delivered: never "clean"


def test_report_into_head_ends_quietly(tmp_path: Path) -> None:
    for i in range(100):  # about 1.5 MB of report: far more than a pipe holds
        (tmp_path / f"{i:03}.txt").write_text((BAD + "\n") * 50, encoding="utf-8")
    process = _reader_goes_away(["check", "--no-config", "--format", "jsonl", "--jobs", "1", str(tmp_path)])
    assert process.stderr.read() == b""
    assert process.returncode == 2


# ------------------------------------------------------------------ baselines

@pytest.mark.parametrize("content", [
    '{"ozonlint-baseline": 1, "findings": {"x": null}}',
    '{"ozonlint-baseline": 1, "findings": {"x": 1e400}}',
    '{"ozonlint-baseline": 1, "findings": {"x": -1}}',
    '{"ozonlint-baseline": 1, "findings": {"x": true}}',
    '{"ozonlint-baseline": 1, "findings": {"x": "2"}}',
    '{"ozonlint-baseline": 1, "findings": {"x": 1.5}}',
    "[" * 100000,
])
def test_malformed_baseline_is_one_line_and_exit_2(tmp_path: Path, content: str) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    result = invoke("check", "--no-config", "--baseline", str(baseline), "--text", BAD)
    assert result.exit_code == 2 and result.stdout == ""
    assert one_error_line(result.stderr).startswith(f"ozonlint: error: {baseline}: not ")


def test_a_valid_baseline_still_loads(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    invoke("baseline", "--no-config", "-o", str(baseline), "--text", BAD)
    counts = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert list(counts.values()) == [1]
    assert invoke("check", "--no-config", "--baseline", str(baseline), "--text", BAD).exit_code == 0


# ------------------------------------------------------------------ rule packs

@pytest.mark.parametrize("raised, expected", [
    (RulePackError("pack.yaml", 3, "bad pattern"), "invalid rule pack: pack.yaml:3"),
    (RuleTimeoutError("shop.slow"), "invalid rule pack: rule shop.slow ran out of time"),
    (RecursionError("maximum recursion depth exceeded"), "cannot load the rule packs: RecursionError"),
    (OverflowError("regular expression code size limit exceeded"), "cannot load the rule packs: OverflowError"),
    (MemoryError(), "cannot load the rule packs: MemoryError"),
])
@pytest.mark.parametrize("command", [["check", "--no-config", "--text", BAD], ["rules"], ["test-rules", "x.yaml"]])
def test_whatever_loading_the_packs_raises_is_one_line_and_exit_2(monkeypatch, raised: BaseException,
                                                                   expected: str, command: List[str]) -> None:
    def load(*args, **kwargs):
        raise raised

    monkeypatch.setattr(cli, "Linter", load)
    result = invoke(*command)
    assert result.exit_code == 2
    assert expected in one_error_line(result.stderr)


def test_a_pack_example_that_times_out_in_test_rules_is_one_line_and_exit_2(tmp_path: Path, monkeypatch) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "rules:\n  - id: shop.slow\n    category: off-platform\n    severity: error\n    kind: terms\n"
        "    terms: [rivalshop]\n    message: {ru: р, en: e, zh: 中}\n"
        "    examples:\n      bad: [rivalshop]\n      good: ['our shop']\n", encoding="utf-8")

    def slow(self, rules=None):
        raise RuleTimeoutError("shop.slow")

    monkeypatch.setattr(ozonlint.Linter, "self_test", slow)
    result = invoke("test-rules", str(pack))
    assert result.exit_code == 2
    assert "rule shop.slow ran out of time" in one_error_line(result.stderr)


# ------------------------------------------------------------------ files that are not files

@needs_fifo
def test_fifo_named_on_the_command_line_is_skipped_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "draft.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text(BAD, encoding="utf-8")
    done = ozonlint_process("check", "--no-config", "--format", "json", str(fifo), str(good))
    assert done.returncode == 2  # something named was not checked
    assert one_error_line(done.stderr.decode()) == f"ozonlint: {fifo}: skipped: not a regular file (a FIFO)"
    assert [Path(v["path"]).name for v in json.loads(done.stdout)] == ["good.txt"]


@needs_fifo
def test_fifo_met_while_walking_is_skipped_with_a_note(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text(BAD, encoding="utf-8")
    done = ozonlint_process("check", "--no-config", "--format", "json", "--fix", str(tmp_path))
    assert done.returncode == 0  # the good file was fixed; the FIFO is only noted
    notes = done.stderr.decode().splitlines()
    assert f"ozonlint: {tmp_path / 'pipe.txt'}: skipped: not a regular file (a FIFO)" in notes
    assert (tmp_path / "good.txt").read_text(encoding="utf-8") == "Добрый день! Пишите нам здесь, в чате Ozon."


@needs_fifo
@pytest.mark.parametrize("option, name, message", [
    ("--baseline", "baseline.json", "cannot read the baseline: not a regular file (a FIFO)"),
    ("--rules", "pack.yaml", "invalid rule pack: {path}: not a regular file"),
    ("--rules", "packs/pack.yaml", "invalid rule pack: {path}: not a regular file"),
])
def test_fifo_as_baseline_or_rule_pack_is_refused_not_waited_on(tmp_path: Path, option: str, name: str,
                                                                message: str) -> None:
    fifo = tmp_path / name
    fifo.parent.mkdir(exist_ok=True)
    os.mkfifo(fifo)
    named = fifo if fifo.parent == tmp_path else fifo.parent
    done = ozonlint_process("check", "--no-config", option, str(named), "--text", BAD)
    assert done.returncode == 2
    assert message.format(path=fifo) in one_error_line(done.stderr.decode())


def test_dangling_link_in_a_pack_folder_is_a_pack_error(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    with pytest.raises(RulePackError, match="gone.yaml.*cannot read: No such file"):
        ozonlint.Linter.from_paths([packs])


def test_a_device_is_never_opened(tmp_path: Path, monkeypatch) -> None:
    opened = []
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda path, *a, **k: opened.append(path) or real_open(path, *a, **k))
    with pytest.raises(sources.BinaryInput, match="not a regular file"):
        sources.read_file(os.devnull)
    assert opened == []


def test_stdin_may_be_a_pipe() -> None:
    done = ozonlint_process("check", "--no-config", "-", input=BAD.encode("utf-8"))
    assert done.returncode == 1 and b"WhatsApp" in done.stdout


def _make_unreadable(monkeypatch, folder: Path) -> None:
    """``folder`` cannot be listed (as for another user's folder), whoever runs the test."""
    real_scandir = os.scandir

    def scandir(path="."):
        if os.path.abspath(path) == str(folder):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_unreadable_subfolder_is_reported_not_skipped(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text("Спасибо за заказ!", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(BAD, encoding="utf-8")
    _make_unreadable(monkeypatch, locked)
    result = invoke("check", "--no-config", "--format", "json", str(tmp_path))
    assert result.exit_code == 2
    assert one_error_line(result.stderr) == (f"ozonlint: {locked}: cannot read the folder: Permission denied; "
                                             "its files were not checked")
    assert json.loads(result.stdout) == []


def test_unreadable_folder_of_rule_packs_is_an_error(tmp_path: Path, monkeypatch) -> None:
    locked = tmp_path / "packs" / "locked"
    locked.mkdir(parents=True)
    _make_unreadable(monkeypatch, locked)
    result = invoke("check", "--no-config", "--rules", str(tmp_path / "packs"), "--text", BAD)
    assert result.exit_code == 2
    assert one_error_line(result.stderr) == (f"ozonlint: error: invalid rule pack: {locked}: "
                                             "cannot read the folder: Permission denied")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_subfolder_for_real(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(BAD, encoding="utf-8")
    locked.chmod(0)
    try:
        done = ozonlint_process("check", "--no-config", str(tmp_path))
    finally:
        locked.chmod(0o755)
    assert done.returncode == 2 and "cannot read the folder" in done.stderr.decode()


# ------------------------------------------------------------------ --diff

@pytest.mark.parametrize("text", [
    "Добрый день!\nПишите в WhatsApp",                     # no final newline
    "Пишите в WhatsApp",                                    # one line, no newline
    "Добрый день!\r\nПишите в WhatsApp\r\nСпасибо",          # CRLF, last line unchanged and unterminated
    "Строка\u2028в одной строке: пишите в WhatsApp\nСпасибо\n",  # a break that patch does not know
    "Добрый день!\nПишите в WhatsApp\n",                   # the ordinary case still works
])
def test_diff_is_a_patch_that_patch_applies(tmp_path: Path, text: str) -> None:
    patch = shutil.which("patch")
    if patch is None:
        pytest.skip("the patch program is not installed")
    work, applied = tmp_path / "work", tmp_path / "applied"
    work.mkdir()
    applied.mkdir()
    for folder in (work, applied):
        (folder / "reply.txt").write_bytes(text.encode("utf-8"))
    diff = ozonlint_process("check", "--no-config", "--diff", "reply.txt", cwd=work)
    assert diff.returncode == 1 and diff.stderr == b""
    if not text.endswith("\n"):
        assert b"\n\\ No newline at end of file\n" in diff.stdout
    done = subprocess.run([patch, "-p1", "--batch", "--silent"], input=diff.stdout, cwd=applied,
                          capture_output=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    fixed = ozonlint_process("check", "--no-config", "--fix", "reply.txt", cwd=work)
    assert fixed.returncode in (0, 1)
    assert (applied / "reply.txt").read_bytes() == (work / "reply.txt").read_bytes() != text.encode("utf-8")


# ------------------------------------------------------------------ symbolic links

@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_fix_leaves_a_symlinked_template_and_its_target_alone_with_a_note(tmp_path: Path) -> None:
    target = tmp_path / "shared" / "reply.txt"
    target.parent.mkdir()
    target.write_text(BAD, encoding="utf-8")
    link = tmp_path / "ru" / "reply.txt"
    link.parent.mkdir()
    link.symlink_to(target)
    result = invoke("check", "--no-config", "--fix", "--format", "json", str(link))
    assert result.exit_code == 1  # still reported: nothing hidden
    assert [v["match"] for v in json.loads(result.stdout)] == ["WhatsApp"]
    assert one_error_line(result.stderr) == (f"ozonlint: {link}: not fixed: a symbolic link (to {target}); "
                                             "fix the file it points to")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == BAD
    # the file the link points to is fixed when it is named itself
    assert invoke("check", "--no-config", "--fix", str(target)).exit_code == 0
    assert link.read_text(encoding="utf-8") == "Добрый день! Пишите нам здесь, в чате Ozon." and link.is_symlink()


# ------------------------------------------------------------------ temporary files, signals, killed runs

def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_temporary_files_of_killed_runs_are_removed(tmp_path: Path) -> None:
    draft = tmp_path / "reply.txt"
    draft.write_text("Спасибо за заказ!", encoding="utf-8")
    stale = tmp_path / f".ozonlint-{_dead_pid()}-k1ll3d.tmp"
    alive = tmp_path / f".ozonlint-{os.getpid()}-runn1ng.tmp"   # a run still writing
    foreign = tmp_path / ".ozonlint-notes.tmp"                  # not of our naming
    for path in (stale, alive, foreign):
        path.write_text("half a file", encoding="utf-8")
    sources._swept.discard(str(tmp_path))
    assert invoke("check", "--no-config", "--fix", str(draft)).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([alive.name, foreign.name, draft.name])


@linux_only
def test_a_zombie_writers_temporary_file_is_a_leftover(tmp_path: Path) -> None:
    # a killed run's worker that nobody reaps (a container's init may not)
    # answers signal 0 for ever; its half-written file must still be swept
    zombie = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        deadline = time.monotonic() + 60  # a liveness wait, not a speed limit
        while _state(zombie.pid) != "Z" and time.monotonic() < deadline:
            time.sleep(0.01)
        assert _state(zombie.pid) == "Z"
        os.kill(zombie.pid, 0)  # still "exists" to signal 0
        left = tmp_path / f".ozonlint-{zombie.pid}-z0mb1e.tmp"
        left.write_text("half a file", encoding="utf-8")
        sources.remove_stale_temporaries(str(tmp_path))
        assert not left.exists()
    finally:
        zombie.wait()


def test_temporary_files_carry_the_process_id(tmp_path: Path, monkeypatch) -> None:
    names = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda src, dst: names.append(os.path.basename(src)) or real_replace(src, dst))
    sources.write_atomic(str(tmp_path / "out.txt"), b"x")
    assert len(names) == 1 and sources._TEMPORARY.match(names[0])
    assert names[0].startswith(f".ozonlint-{os.getpid()}-")


def test_interrupt_while_writing_leaves_no_temporary_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "reply.txt"
    path.write_text(BAD, encoding="utf-8")

    def interrupted(*args):
        raise cli.Interrupted(signal.SIGINT)

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(cli.Interrupted):
        CliRunner().invoke(main, ["check", "--no-config", "--fix", str(path)], catch_exceptions=False)
    assert [p.name for p in tmp_path.iterdir()] == ["reply.txt"]
    assert path.read_text(encoding="utf-8") == BAD


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum, status, message", [(signal.SIGINT, 130, "ozonlint: interrupted"),
                                                     (signal.SIGTERM, 143, "ozonlint: terminated")])
def test_interrupted_run_exits_with_its_own_status_and_one_line(signum: int, status: int, message: str) -> None:
    process = subprocess.Popen([sys.executable, "-m", "ozonlint", "check", "--jsonl", "-"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    try:
        process.stdin.write((json.dumps({"id": 1, "text": BAD}) + "\n").encode("utf-8"))
        process.stdin.flush()
        assert json.loads(process.stdout.readline())["id"] == 1  # running, waiting for the next line
        process.send_signal(signum)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == status  # not 1, which means "problems found"
    assert one_error_line(process.stderr.read().decode()) == message


def test_a_killed_worker_is_reported_not_a_traceback(tmp_path: Path, monkeypatch) -> None:
    for i in range(8):
        (tmp_path / f"{i}.txt").write_text(BAD, encoding="utf-8")
    real_run = runner.FileJob.run

    def run(job):
        if job.path.endswith("5.txt"):
            os._exit(9)  # as the kernel's OOM killer would end it
        return real_run(job)

    monkeypatch.setattr(runner.FileJob, "run", run)
    result = invoke("check", "--no-config", "--format", "json", "--jobs", "2", str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path / '5.txt'}: not checked: the worker process checking it was killed" in result.stderr
    checked = {Path(v["path"]).name for v in json.loads(result.stdout)}
    assert "5.txt" not in checked and "0.txt" in checked


def _state(pid: int) -> str:
    """A process's state letter ('' when it is gone); 'Z' is dead, waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0].decode()
    except (OSError, IndexError):
        return ""


def _children(parent: int) -> List[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    fields = fh.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                found.append(int(entry))
    return found


@linux_only
def test_workers_die_with_a_killed_parent_and_leave_nothing_behind(tmp_path: Path) -> None:
    for i in range(600):
        (tmp_path / f"{i:03}.txt").write_text(("Заказ 27450913-0002-1 уже в пути, спасибо. " * 40 + "\n\n"
                                               + BAD + " +7 912 555 34 21\n") * 3, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, "-m", "ozonlint", "check", "--no-config", "--fix", "--jobs", "2",
                               str(tmp_path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    workers: List[int] = []
    try:
        while parent.poll() is None and len(workers) < 2:
            workers = [pid for pid in _children(parent.pid) if _state(pid) not in ("", "Z")]
            time.sleep(0.01)
        assert parent.poll() is None, "the run ended before its workers were seen: give it more files"
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 60  # a liveness wait, not a speed limit
        while time.monotonic() < deadline and any(_state(pid) not in ("", "Z") for pid in workers):
            time.sleep(0.05)
        assert [pid for pid in workers if _state(pid) not in ("", "Z")] == [], "workers outlived their parent"
    finally:
        for pid in workers:  # the workers this test started, if they survived
            if _state(pid) not in ("", "Z"):
                os.kill(pid, signal.SIGKILL)
    # whatever the kill interrupted, the next run in the folder cleans up
    sources._swept.discard(str(tmp_path))
    ozonlint_process("check", "--no-config", "--fix", str(tmp_path / "000.txt"))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".ozonlint-")] == []
