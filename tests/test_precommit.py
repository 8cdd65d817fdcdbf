"""The real pre-commit tool runs this repository's hooks on a repository of templates.

pre-commit builds the hook's environment from this checkout (pip, from the
package index), so this test needs the index and takes a minute the first time.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _pre_commit() -> list:
    exe = shutil.which("pre-commit")
    if exe:
        return [exe]
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        return []
    return [sys.executable, "-m", "pre_commit"]


pytestmark = pytest.mark.skipif(not _pre_commit() or not (ROOT / ".git").exists() or not shutil.which("git"),
                                reason="needs pre-commit, git and a git checkout of ozonlint")


@pytest.fixture(scope="module")
def templates_repo(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("templates")
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    (repo / "bad.yaml").write_text('delay: "Пишите в WhatsApp, {{ name }}"\n', encoding="utf-8")
    (repo / "good.md").write_text("Здравствуйте, {name}! Заказ {order_id} в пути.\n", encoding="utf-8")
    (repo / "fixable.txt").write_text("Пишите в телегу, мы ответим\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    return repo


def _try_repo(repo: Path, hook: str, *files: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PRE_COMMIT_HOME=str(repo.parent / "pre-commit-home"), PRE_COMMIT_COLOR="never")
    return subprocess.run(_pre_commit() + ["try-repo", str(ROOT), hook, "--files", *files],
                          cwd=repo, capture_output=True, text=True, env=env, timeout=900)


def test_bad_template_is_blocked_with_the_message(templates_repo: Path) -> None:
    result = _try_repo(templates_repo, "ozonlint", "bad.yaml", "good.md")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "bad.yaml:1:18: error [contact.messenger]" in result.stdout and "(in delay)" in result.stdout
    assert "good.md" not in result.stdout.split("Failed", 1)[-1]


def test_clean_template_passes(templates_repo: Path) -> None:
    result = _try_repo(templates_repo, "ozonlint", "good.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_fix_hook_rewrites_the_template(templates_repo: Path) -> None:
    result = _try_repo(templates_repo, "ozonlint-fix", "fixable.txt")
    assert (templates_repo / "fixable.txt").read_text(encoding="utf-8") == "Пишите нам здесь, в чате Ozon.\n"
    assert result.returncode == 1  # pre-commit fails a hook that changed files, so the user re-stages
