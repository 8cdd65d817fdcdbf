"""What another user on the same machine can plant: configurations and compiled-rules caches.

Ownership is simulated with os.chown when the suite runs as root (skipped
otherwise); when root and ``useradd`` is available, one test also runs the
CLI as a throwaway ordinary user.
"""
from __future__ import annotations

import json
import os
import pickle
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from conftest import CliRunner, assert_no_crash

import ozonlint
from ozonlint import cache
from ozonlint.cli import main

POSIX = hasattr(os, "getuid")
ROOT = POSIX and os.getuid() == 0
OTHER_UID = 4242
ALL_OFF = ("ignore: [external-contact, review-incentive, extra-payment, off-platform, language, spam, "
           "personal-data, style, placeholder]\n")


def _check(path: Path, *args: str):
    result = CliRunner().invoke(main, ["check", "--format", "json", *args, str(path)])
    assert_no_crash(result)
    return result, ([v["rule"] for v in json.loads(result.stdout)] if result.stdout.strip() else [])


def _tree(tmp_path: Path, config: str = ALL_OFF) -> Path:
    """tmp/shared/.ozonlint.yaml above tmp/shared/work/a.txt (a draft with a contact)."""
    shared = tmp_path / "shared"
    (shared / "work").mkdir(parents=True)
    (shared / ".ozonlint.yaml").write_text(config, encoding="utf-8")
    draft = shared / "work" / "a.txt"
    draft.write_text("Пишите в WhatsApp\n", encoding="utf-8")
    return draft


@pytest.mark.skipif(not POSIX, reason="file permissions are POSIX")
def test_a_config_in_a_folder_others_may_write_is_refused(tmp_path: Path) -> None:
    draft = _tree(tmp_path)
    (tmp_path / "shared").chmod(0o1777)  # like the system's temporary folder
    result, rules = _check(draft)
    assert result.exit_code == 2 and rules == []
    assert str(tmp_path / "shared" / ".ozonlint.yaml") in result.stderr
    assert "other users may write" in result.stderr
    # the user's own choice is still obeyed
    result, rules = _check(draft, "--config", str(tmp_path / "shared" / ".ozonlint.yaml"))
    assert result.exit_code == 0


@pytest.mark.skipif(not POSIX, reason="file permissions are POSIX")
def test_a_config_others_may_write_is_refused(tmp_path: Path) -> None:
    draft = _tree(tmp_path)
    (tmp_path / "shared" / ".ozonlint.yaml").chmod(0o666)
    result, _ = _check(draft)
    assert result.exit_code == 2 and "other users may write to it" in result.stderr


@pytest.mark.skipif(not ROOT, reason="needs root to give a file to another user")
def test_a_config_owned_by_another_user_is_refused_but_root_s_is_not(tmp_path: Path) -> None:
    draft = _tree(tmp_path)
    config = tmp_path / "shared" / ".ozonlint.yaml"
    os.chown(config, OTHER_UID, OTHER_UID)
    result, rules = _check(draft)
    assert result.exit_code == 2 and rules == []
    assert str(config) in result.stderr and f"owned by another user (uid {OTHER_UID})" in result.stderr
    os.chown(config, 0, 0)
    result, rules = _check(draft)
    assert result.exit_code == 0 and rules == []  # root's configuration is trusted (and turns checks off)
    os.chown(config.parent, OTHER_UID, OTHER_UID)  # but not in a folder that another user may change
    result, rules = _check(draft)
    assert result.exit_code == 2 and "folder other users may write" in result.stderr


def test_the_walk_up_stops_at_the_repository_root(tmp_path: Path) -> None:
    draft = _tree(tmp_path)
    (tmp_path / "shared" / "work" / ".git").mkdir()
    result, rules = _check(draft)
    assert result.exit_code == 1 and rules == ["contact.messenger"]


def test_extends_and_rules_name_the_file_never_its_content(tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text('{"sk_live_0123456789": "value-of-the-secret"}\n', encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    draft = repo / "a.txt"
    draft.write_text("Спасибо за заказ!\n", encoding="utf-8")
    for config in (f"extends: {secret}\n", f"rules: [{secret}]\n"):
        (repo / ".ozonlint.yaml").write_text(config, encoding="utf-8")
        result, _ = _check(draft)
        assert result.exit_code == 2
        assert str(secret) in result.stderr
        assert "sk_live" not in result.stderr and "value-of-the-secret" not in result.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("key: [unclosed 'sk_live_0123456789'\n", encoding="utf-8")
    (repo / ".ozonlint.yaml").write_text(f"extends: {broken}\n", encoding="utf-8")
    result, _ = _check(draft)
    assert result.exit_code == 2 and str(broken) in result.stderr and "sk_live" not in result.stderr


# ------------------------------------------------------------------ the compiled-rules cache

PACK = """\
rules:
  - id: shop.nickname
    category: external-contact
    severity: error
    kind: terms
    terms: [shopcat]
    message: {ru: "Ник.", en: "Nick.", zh: "昵称。"}
    suggestion: null
    examples:
      bad: ["Мой ник shopcat"]
      good: ["Спасибо за заказ"]
"""


class _Planted:
    """A pickle that, when loaded, makes a folder: proof that someone else's code ran."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


def _plant(folder: Path, pack: Path, marker: Path) -> None:
    name, _ = cache.key(ozonlint.engine._default_files() + [str(pack)], ozonlint.__version__)
    (folder / name).write_bytes(pickle.dumps(_Planted(str(marker))))


@pytest.mark.skipif(not POSIX, reason="file permissions are POSIX")
def test_a_symlinked_cache_folder_under_a_writable_parent_never_runs_a_pickle(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack = tmp_path / "shop.yaml"
    pack.write_text(PACK, encoding="utf-8")
    parent = tmp_path / "shared"
    parent.mkdir()
    parent.chmod(0o777)  # others may write: they can replace the cache folder
    attacker = tmp_path / "attacker"
    attacker.mkdir(mode=0o700)
    marker = tmp_path / "code-ran"
    _plant(attacker, pack, marker)
    (parent / "cache").symlink_to(attacker)
    monkeypatch.setenv("OZONLINT_CACHE_DIR", str(parent / "cache"))
    linter = ozonlint.Linter.from_paths([pack])
    assert not marker.exists()
    assert "shop.nickname" in {v.rule for v in linter.check("Мой ник shopcat")}
    # a real folder of ours under that parent is not trusted either: it could be swapped at any time
    (parent / "cache").unlink()
    (parent / "cache").mkdir(mode=0o700)
    _plant(parent / "cache", pack, marker)
    ozonlint.Linter.from_paths([pack])
    assert not marker.exists()


@pytest.mark.skipif(not ROOT, reason="needs root to give files to another user")
def test_a_cache_file_or_folder_of_another_user_is_never_loaded(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    pack = tmp_path / "shop.yaml"
    pack.write_text(PACK, encoding="utf-8")
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("OZONLINT_CACHE_DIR", str(folder))
    marker = tmp_path / "code-ran"
    _plant(folder, pack, marker)
    (planted,) = folder.glob("*.pickle")
    os.chown(planted, OTHER_UID, OTHER_UID)
    ozonlint.Linter.from_paths([pack])
    assert not marker.exists()
    os.chown(planted, 0, 0)
    os.chown(folder, OTHER_UID, OTHER_UID)
    ozonlint.Linter.from_paths([pack])
    assert not marker.exists()
    # our own folder and file, but below a folder of another user, who could swap them at will
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o755)
    mine = theirs / "cache"
    mine.mkdir(mode=0o700)
    _plant(mine, pack, marker)
    os.chown(theirs, OTHER_UID, OTHER_UID)
    monkeypatch.setenv("OZONLINT_CACHE_DIR", str(mine))
    ozonlint.Linter.from_paths([pack])
    assert not marker.exists()


@pytest.mark.skipif(not POSIX, reason="file permissions are POSIX")
def test_the_cache_still_works_in_a_safe_folder_below_a_sticky_one(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    pack = tmp_path / "shop.yaml"
    pack.write_text(PACK, encoding="utf-8")
    sticky = tmp_path / "tmp"
    sticky.mkdir()
    sticky.chmod(0o1777)
    monkeypatch.setenv("OZONLINT_CACHE_DIR", str(sticky / "mine"))
    ozonlint.Linter.from_paths([pack])
    assert len(list((sticky / "mine").glob("*.pickle"))) == 1
    _, key = ozonlint.engine._compile([str(pack)], True)
    assert key is None  # loaded from the cache


def _ordinary_user() -> tuple:
    """(uid, gid) of a throwaway ordinary user: ``oztest``, created if missing, else a bare uid."""
    import pwd

    try:
        return pwd.getpwnam("oztest").pw_uid, pwd.getpwnam("oztest").pw_gid
    except KeyError:
        pass
    if shutil.which("useradd") and subprocess.run(["useradd", "-m", "oztest"], capture_output=True).returncode == 0:
        return pwd.getpwnam("oztest").pw_uid, pwd.getpwnam("oztest").pw_gid
    return OTHER_UID + 1, OTHER_UID + 1


def _check_as(uid: int, gid: int, path: Path) -> tuple:
    """(exit code, stderr) of ``ozonlint check path`` run by another user: a forked child that drops root
    (the interpreter may live where that user cannot read, so the modules are loaded before the fork)."""
    _check(path, "--no-config")  # every module the check needs is imported now
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.close(read)
            os.setgroups([])
            os.setgid(gid)
            os.setuid(uid)
            result = CliRunner().invoke(main, ["check", str(path)])
            os.write(write, json.dumps([result.exit_code, result.stderr]).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as fh:
        data = fh.read()
    os.waitpid(pid, 0)
    code, stderr = json.loads(data)
    return code, stderr


@pytest.mark.skipif(not ROOT or not hasattr(os, "fork"), reason="needs root to act as a second user")
def test_an_ordinary_user_is_not_steered_by_a_config_another_user_planted(monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    monkeypatch.setenv("OZONLINT_CACHE_DIR", "off")
    uid, gid = _ordinary_user()
    top = Path(tempfile.mkdtemp(prefix="ozonlint-users-"))
    try:
        top.chmod(0o755)
        shared = top / "shared"
        (shared / "work").mkdir(parents=True)
        (shared / "work").chmod(0o755)
        shared.chmod(0o1777)
        planted = shared / ".ozonlint.yaml"
        planted.write_text(ALL_OFF, encoding="utf-8")
        os.chown(planted, OTHER_UID, OTHER_UID)
        draft = shared / "work" / "a.txt"
        draft.write_text("Пишите в WhatsApp\n", encoding="utf-8")
        draft.chmod(0o644)
        code, stderr = _check_as(uid, gid, draft)
        assert code == 2 and str(planted) in stderr and "refused" in stderr
        # the same file, the user's own, in a folder only they can write, is obeyed
        shared.chmod(0o755)
        os.chown(shared, uid, gid)
        os.chown(planted, uid, gid)
        code, stderr = _check_as(uid, gid, draft)
        assert code == 0, stderr
        # and root's, in root's folder, too
        os.chown(shared, 0, 0)
        os.chown(planted, 0, 0)
        assert stat.S_IMODE(shared.stat().st_mode) == 0o755
        code, stderr = _check_as(uid, gid, draft)
        assert code == 0, stderr
    finally:
        shutil.rmtree(top)
