"""Patterns compiled on first use, and made again from their compiled forms (the cache's)."""
from __future__ import annotations

import pickle
import re

import pytest
import regex

from ozonlint import lazyre
from ozonlint.lazyre import LazyPattern, lazy, lazy_re
from ozonlint.safepattern import SafePattern

SAMPLES = [
    ("re", r"(?P<word>[^\W\d_]+)-(\d+)", re.I),
    ("re", r"[ -~\n\r\tЀ-џ«»°\xa0–—’“”„…№₽]*", 0),
    ("re", r"\.(?<=[^\W_]\.)(?:ru|com|рф)(?![^\W_]|-)", 0),
    ("regex", r"(?<![\p{L}\d])\d(?:[ \-]?\d){12,18}(?![\p{L}\d])", 0),
    ("regex", r"(?P<handle>@\w+)|\p{Han}+|[[\p{L}\p{N}]--\p{Han}]+", regex.VERSION1),
    ("regex", r"(?r)\p{L}+", 0),
]
TEXTS = ["Привет, MiXeD-42 Слово 1234 5678 9012 3456 @shop_42 汉字 shop.ru x.com", "", "ё" * 50]


def _found(pattern, text: str) -> list:
    return [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.fixture()
def fresh_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing preloaded, nothing worked out yet (the module's tables restored afterwards)."""
    monkeypatch.setattr(lazyre, "_READY", {})
    monkeypatch.setattr(lazyre, "_FORMS", {})


@pytest.mark.parametrize("engine, source, flags", SAMPLES)
def test_a_pattern_made_from_its_form_is_the_compiled_pattern(fresh_forms, engine: str, source: str,
                                                              flags: int) -> None:
    LazyPattern(source, flags, engine)  # seen
    forms = lazyre.compiled_forms()
    key = lazyre._key(engine, source, flags)
    assert forms[key] is not None
    made = lazyre._from_form(engine, pickle.loads(pickle.dumps(forms[key])))  # as the cache stores it
    compiled = (regex if engine == "regex" else re).compile(source, flags)
    assert (made.pattern, made.flags, made.groups, made.groupindex) == (
        compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex)
    for text in TEXTS:
        assert _found(made, text) == _found(compiled, text)


def test_a_preloaded_form_is_used_instead_of_compiling(fresh_forms, monkeypatch: pytest.MonkeyPatch) -> None:
    std, rx = lazy_re(r"(\d+)-(\d+)"), lazy(r"\p{Lu}\p{Ll}+")
    safe = SafePattern(r"(?i)пиши\w*")
    forms = lazyre.compiled_forms()
    lazyre.preload(forms)

    def refuse(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(re, "compile", refuse)
    monkeypatch.setattr(regex, "compile", refuse)
    std2 = pickle.loads(pickle.dumps(std))
    rx2 = pickle.loads(pickle.dumps(rx))
    safe2 = pickle.loads(pickle.dumps(safe))
    assert std2.search("tel 12-34").groups() == ("12", "34")
    assert rx2.findall("Мама Mia") == ["Мама", "Mia"]
    assert safe2.search("Пишите нам").group() == "Пишите"


def test_a_form_the_engine_refuses_means_compiling(fresh_forms) -> None:
    pattern = lazy_re(r"a(b)c")
    lazyre.preload({lazyre._key("re", r"a(b)c", 0): ("not", "a", "form")})
    assert pattern.search("xabc").group(1) == "b"


def test_regex_forms_are_keyed_by_the_version_they_were_made_under() -> None:
    plain = lazyre._key("regex", r"\w+", 0)
    assert plain == lazyre._key("regex", r"\w+", regex.DEFAULT_VERSION)
    other = regex.VERSION1 if regex.DEFAULT_VERSION == regex.VERSION0 else regex.VERSION0
    assert plain != lazyre._key("regex", r"\w+", other)


def test_module_patterns_have_the_same_source_in_every_process() -> None:
    """A source built from a set in hash order would differ from process to process,
    and its cached compiled form would never be found again."""
    import subprocess
    import sys

    code = ("import ozonlint, ozonlint.cli\n"
            "from ozonlint import lazyre\n"
            "print(sorted(lazyre._SEEN, key=repr))\n")  # (a source may be bytes: a std re pattern on bytes)
    seen = set()
    for seed in ("1", "2"):
        env = dict(__import__("os").environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        seen.add(out.stdout)
    assert len(seen) == 1


def test_the_sources_noted_for_the_cache_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process building Linters from many users' packs must not grow without end."""
    monkeypatch.setattr(lazyre, "_SEEN", set())
    monkeypatch.setattr(lazyre, "MAX_SEEN", 3)
    for n in range(10):
        SafePattern(f"word{n}")
    assert len(lazyre._SEEN) == 3
