"""The compiled-rules cache: used when valid, never trusted when not, bounded in size."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import ozonlint
from ozonlint import cache
from ozonlint.rulepack import RulePackError

PACK = """\
rules:
  - id: shop.nickname
    category: external-contact
    severity: error
    kind: terms
    terms: [{term}, пишите в личку магазина]
    message: {{ru: "Никнейм.", en: "Nickname.", zh: "昵称。"}}
    suggestion: null
    examples:
      bad: ["Мой ник {term}"]
      good: ["Спасибо за заказ"]
"""


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("OZONLINT_CACHE_DIR", str(folder))
    return folder


def _pack(path: Path, term: str) -> Path:
    path.write_text(PACK.format(term=term), encoding="utf-8")
    return path


def _cache_files(folder: Path) -> list:
    return sorted(folder.glob("*.pickle")) if folder.exists() else []


def _rules(linter: ozonlint.Linter, text: str) -> set:
    return {v.rule for v in linter.check(text)}


def test_second_linter_comes_from_the_cache_and_checks_the_same(cache_dir: Path, tmp_path: Path) -> None:
    pack = _pack(tmp_path / "shop.yaml", "shopcat")
    fresh = ozonlint.Linter.from_paths([pack])
    assert len(_cache_files(cache_dir)) == 1
    built, key = ozonlint.engine._compile([str(pack)], True)
    assert key is None  # loaded, not compiled
    cached = ozonlint.Linter.from_paths([pack])
    drafts = ["Мой ник shopcat, пишите в личку магазина", "Пишите в вотсап +7 916 123-45-67",
              "Кэшбэк за отзыв 200 ₽", "Здравствуйте! Заказ 12345678-0001-1 отправлен 12.07."]
    for draft in drafts:
        assert cached.check(draft) == fresh.check(draft)
    assert "shop.nickname" in _rules(cached, "Мой ник shopcat")


def test_an_edited_pack_is_compiled_again(cache_dir: Path, tmp_path: Path) -> None:
    pack = _pack(tmp_path / "shop.yaml", "shopcat")
    assert "shop.nickname" in _rules(ozonlint.Linter.from_paths([pack]), "ник shopcat")
    _pack(pack, "catshop")
    os.utime(pack, ns=(pack.stat().st_atime_ns, pack.stat().st_mtime_ns + 10**9))
    linter = ozonlint.Linter.from_paths([pack])
    assert "shop.nickname" in _rules(linter, "ник catshop")
    assert "shop.nickname" not in _rules(linter, "ник shopcat")


def test_a_damaged_cache_file_means_compiling_again(cache_dir: Path, tmp_path: Path) -> None:
    pack = _pack(tmp_path / "shop.yaml", "shopcat")
    ozonlint.Linter.from_paths([pack])
    (stored,) = _cache_files(cache_dir)
    stored.write_bytes(stored.read_bytes()[:1000])
    assert "shop.nickname" in _rules(ozonlint.Linter.from_paths([pack]), "ник shopcat")
    stored.write_bytes(b"not a pickle at all")
    assert "shop.nickname" in _rules(ozonlint.Linter.from_paths([pack]), "ник shopcat")


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file ownership is POSIX")
def test_a_folder_others_can_write_to_is_not_trusted(cache_dir: Path, tmp_path: Path) -> None:
    pack = _pack(tmp_path / "shop.yaml", "shopcat")
    ozonlint.Linter.from_paths([pack])
    cache_dir.chmod(cache_dir.stat().st_mode | stat.S_IWOTH)
    try:
        files = ozonlint.engine._default_files() + [str(pack)]
        key = cache.key(files + ozonlint.engine.model_files(files), ozonlint.__version__)
        assert cache.load(key) is None
    finally:
        cache_dir.chmod(0o700)
    assert cache.load(key) is not None


def test_cache_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OZONLINT_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    pack = _pack(tmp_path / "shop.yaml", "shopcat")
    assert "shop.nickname" in _rules(ozonlint.Linter.from_paths([pack]), "ник shopcat")
    assert not list(tmp_path.rglob("*.pickle"))


def test_only_the_most_recently_used_files_are_kept(cache_dir: Path, tmp_path: Path) -> None:
    packs = [_pack(tmp_path / f"shop{i}.yaml", f"shopcat{i}") for i in range(cache.KEEP + 3)]

    def stored(pack: Path) -> Path:
        files = ozonlint.engine._default_files() + [str(pack)]
        key = cache.key(files + ozonlint.engine.model_files(files), ozonlint.__version__)
        return cache_dir / key[0]

    for age, pack in enumerate(packs[:cache.KEEP]):
        ozonlint.Linter.from_paths([pack])
        os.utime(stored(pack), ns=(age * 10**9, age * 10**9))  # used in this order
    ozonlint.Linter.from_paths([packs[0]])  # the oldest, used again: now the newest
    for pack in packs[cache.KEEP:]:
        ozonlint.Linter.from_paths([pack])
    assert len(_cache_files(cache_dir)) == cache.KEEP
    assert stored(packs[0]).exists()
    assert not stored(packs[1]).exists() and not stored(packs[3]).exists()
    assert stored(packs[4]).exists() and stored(packs[-1]).exists()


def test_a_cached_linter_shared_by_threads_from_its_first_check(cache_dir: Path, tmp_path: Path) -> None:
    """Phrase tables of a cached Linter are read on first use: threads racing to
    read them must still all get the full answer."""
    from concurrent.futures import ThreadPoolExecutor

    drafts = ["Кэшбэк за отзыв 200 ₽, пишите в вотсап", "Доплатите 300 ₽ переводом на карту",
              "Верните товар через СДЭК, деньги переведу на карту", "Add me on WeChat: shop_88"] * 8
    expected = [ozonlint.Linter().check(d) for d in drafts]
    cached = ozonlint.Linter()  # from the cache the first one wrote: no table read yet
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(cached.check, drafts)) == expected
    assert all(expected)


def test_test_rules_does_not_cache_a_pack_whose_examples_fail(cache_dir: Path, tmp_path: Path) -> None:
    from conftest import CliRunner

    from ozonlint.cli import main

    pack = tmp_path / "broken.yaml"
    # the bad example does not contain the term: the rule fails its own example
    pack.write_text(PACK.format(term="shopcat").replace("Мой ник shopcat", "Мой ник другой"), encoding="utf-8")
    tested = CliRunner().invoke(main, ["test-rules", str(pack)])
    assert tested.exit_code == 1, tested.output
    checked = CliRunner().invoke(main, ["check", "--no-config", "--rules", str(pack), "--text", "Спасибо"])
    assert checked.exit_code == 2, checked.output
    assert "invalid rule pack" in checked.stderr
    ozonlint.Linter.from_paths([pack], verify_examples=False)  # the library's way to the same state
    with pytest.raises(RulePackError):
        ozonlint.Linter.from_paths([pack])


def test_the_key_names_python_and_regex(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Compiled patterns are kept in the engines' own formats: another regex is a fresh compile."""
    import regex

    pack = _pack(tmp_path / "shop.yaml", "shopcat")
    before = cache.key([str(pack)], "x")
    assert f"regex {regex.__version__}" in before[1]
    monkeypatch.setattr(regex, "__version__", "0.0.0", raising=False)
    after = cache.key([str(pack)], "x")
    assert after[0] != before[0]


def test_the_key_names_every_module_of_the_package(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A changed, added or unreadable module of ozonlint is another key (or none): never old objects."""
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    for name in ("cache.py", "sub/kind.py"):
        (package / name).write_text("x = 1\n", encoding="utf-8")
    monkeypatch.setattr(cache, "__file__", str(package / "cache.py"))
    first = cache.key([], "x")
    assert first is not None and str(package / "sub" / "kind.py") in first[1]
    (package / "sub" / "kind.py").write_text("x = 22\n", encoding="utf-8")
    edited = cache.key([], "x")
    (package / "sub" / "new.py").write_text("", encoding="utf-8")
    added = cache.key([], "x")
    assert len({first[0], edited[0], added[0]}) == 3
    (package / "sub" / "gone.py").symlink_to(package / "nowhere.py")
    assert cache.key([], "x") is None


def test_a_cached_linter_makes_its_patterns_from_their_compiled_forms(cache_dir: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    import regex

    from ozonlint import lazyre

    pack = _pack(tmp_path / "shop.yaml", "shopcat")
    fresh = ozonlint.Linter.from_paths([pack])
    draft = "Мой ник shopcat, пишите в вотсап +7 916 123-45-67 или на shop@mail.ru, карта 4276 1234 5678 9012"
    expected = fresh.check(draft)
    monkeypatch.setattr(lazyre, "_READY", {})
    built, key = ozonlint.engine._compile([str(pack)], True)
    assert key is None and built.patterns  # loaded, with the compiled forms
    for source in ("re", "regex"):
        assert any(k[0] == source for k in built.patterns)
    cached = ozonlint.Linter.from_paths([pack])

    def refuse(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(re, "compile", refuse)
    monkeypatch.setattr(regex, "compile", refuse)
    assert cached.check(draft) == expected


def test_a_cached_rule_set_reads_what_its_rules_were_compiled_from_only_when_asked(cache_dir: Path,
                                                                                   tmp_path: Path) -> None:
    """The packs' params, examples, key lines and vocabularies come back from the
    cache equal to the compiled ones, but are not unpickled for a check."""
    pack = _pack(tmp_path / "shop.yaml", "shopnick")
    fresh = ozonlint.Linter([pack])
    cached = ozonlint.Linter([pack])
    assert cached.check("Мой ник shopnick, пишите") == fresh.check("Мой ник shopnick, пишите")
    later = [r.spec for r in cached.all_rules]
    assert all(spec.params._authored._values is None for spec in later)  # a check read none of them
    assert "vocabularies" not in vars(cached.ruleset)
    for mine, theirs in zip(later, (r.spec for r in fresh.all_rules)):
        assert dict(mine.params) == dict(theirs.params)
        assert list(mine.bad_examples) == list(theirs.bad_examples)
        assert list(mine.good_examples) == list(theirs.good_examples)
        assert mine.line_of("terms") == theirs.line_of("terms")
        assert mine == theirs
    assert cached.ruleset.vocabularies == fresh.ruleset.vocabularies
    assert cached.self_test() == []
    import pickle  # a cached rule pickled again (a worker's copy) is the rule it was

    rules_again = pickle.loads(pickle.dumps(ozonlint.Linter([pack]).ruleset))  # vocabularies never read before
    assert rules_again.vocabularies == fresh.ruleset.vocabularies
    again = pickle.loads(pickle.dumps(later[0]))
    assert again == next(iter(fresh.all_rules)).spec and again.line_of("terms") == later[0].line_of("terms")
