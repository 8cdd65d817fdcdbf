"""Each rule kind declares its parameters; the loader accepts exactly those and checks their types."""
from __future__ import annotations

import inspect
from pathlib import Path

import pytest

import ozonlint
from ozonlint.matchers import MATCHERS, kind_params
from ozonlint.matchers.params import Param


@pytest.mark.parametrize("kind", sorted(MATCHERS))
def test_every_declared_parameter_is_read_by_its_kind(kind: str) -> None:
    """No key is accepted and then ignored: the kind's module (or the shared term-set
    code it builds on) reads every parameter it declares."""
    matcher = MATCHERS[kind]
    sources = inspect.getsource(inspect.getmodule(matcher))
    shared = inspect.getsource(inspect.getmodule(MATCHERS["terms"])) + inspect.getsource(
        inspect.getmodule(Param)) + inspect.getsource(inspect.getmodule(MATCHERS["pattern"]).__dict__["context_filter"])
    for param in matcher.PARAMS:
        assert param.doc, f"{kind}.{param.name} has no doc"
        assert f'"{param.name}"' in sources or f'"{param.name}"' in shared, f"{kind} never reads {param.name!r}"


def _pack(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text("rules:\n  - id: user.rule\n    category: external-contact\n    severity: error\n"
                    "    message: {ru: р, en: e, zh: 中}\n"
                    "    examples: {bad: ['Звоните 8 916 555-12-34'], good: ['x']}\n" + body, encoding="utf-8")
    return path


@pytest.mark.parametrize("body, reason", [
    ("    kind: phone\n    context: ['тел']\n", "unknown key 'context' for a rule of kind 'phone'"),
    ("    kind: card\n    allow: [x]\n", "it takes no parameters"),
    ("    kind: terms\n    terms: [звоните]\n    negation_window: '4'\n", "'negation_window' must be a whole number"),
    ("    kind: terms\n    terms: [звоните]\n    inflect: 'yes'\n", "'inflect' must be true or false"),
    ("    kind: pattern\n    patterns: ['звон']\n    view: raw\n", "'view' must be one of base, words, original"),
    ("    kind: proximity\n    sets: {terms: [a]}\n", "'sets' must be a list of term sets"),
])
def test_the_loader_validates_from_the_declaration(tmp_path: Path, body: str, reason: str) -> None:
    pack = _pack(tmp_path, body)
    with pytest.raises(ozonlint.RulePackError) as info:
        ozonlint.Linter.from_paths([pack])
    assert reason in str(info.value) and str(pack) in str(info.value)
    assert info.value.line is not None and info.value.line >= 7


def test_a_kind_lists_what_it_takes() -> None:
    assert set(kind_params("phone")) == {"unless_preceded_by", "allow_numbers"}
    assert {"terms", "vocab", "negation", "unless_preceded_by"} <= set(kind_params("terms"))
    assert kind_params("card") == {}
