"""The HTML report rendered by a real headless Chromium shows the figures.

Skipped when Chromium is not installed, unless OZONLINT_REQUIRE_BROWSER=1 (CI), where that fails."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html import unescape

import pytest
from conftest import CliRunner
from test_audit_helpers import write_example

from ozonlint.cli import main

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def browser() -> str:
    found = next((shutil.which(name) for name in BROWSERS if shutil.which(name)), None)
    if found is None:
        if os.environ.get("OZONLINT_REQUIRE_BROWSER") == "1":
            pytest.fail("OZONLINT_REQUIRE_BROWSER=1 but no Chromium is installed (apt-get install chromium)")
        pytest.skip("Chromium is not installed")
    return found


def rendered(html_path, profile) -> str:
    done = subprocess.run([browser(), *FLAGS, f"--user-data-dir={profile}", "--dump-dom", html_path.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def figure(dom: str, ident: str) -> str:
    match = re.search(rf'id="fig-{ident}"[^>]*><div class="value">([^<]*)</div>', dom)
    assert match, f"figure {ident} is not in the rendered page"
    return unescape(match.group(1))


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_browser_shows_the_figures(tmp_path, lang):
    write_example(tmp_path / "h")
    html_path = tmp_path / "report.html"
    runner = CliRunner()
    runner.invoke(main, ["audit", str(tmp_path / "h"), "--format", "html", "-o", str(html_path), "--lang", lang])
    report = json.loads(runner.invoke(main, ["audit", str(tmp_path / "h"), "--format", "json"]).stdout)
    dom = rendered(html_path, tmp_path / "profile")
    assert figure(dom, "chats") == str(report["inputs"]["chats"]) == "3"
    assert figure(dom, "violations") == str(report["compliance"]["violations"]) == "2"
    assert figure(dom, "response-rate") == "66.7 %"
    assert figure(dom, "first-within") == "66.7 %"
    assert figure(dom, "messages-within") == "60.0 %"
    assert figure(dom, "waiting") == "1"
    assert dom.count("<svg") == 3 and 'class="standard"' in dom
    assert ("Менеджеры" if lang == "ru" else "Managers") in dom
    assert "WhatsApp" in dom and "<mark" in dom
