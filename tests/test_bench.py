"""The benchmark's baseline L is built exactly as shared/bench/baseline.py builds it."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_BENCH = ROOT.parent / "shared" / "bench"


def _module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(ROOT / "benchmarks"))  # bench.py imports its own workload module
    try:
        return _module(ROOT / "benchmarks" / "bench.py", "ozonlint_bench")
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


@pytest.mark.skipif(not (SHARED_BENCH / "baseline.py").exists(), reason="shared/bench is not beside the checkout")
def test_l_from_a_term_list_is_build_l(bench) -> None:
    baseline = _module(SHARED_BENCH / "baseline.py", "shared_baseline")
    ours = bench.load_terms(str(SHARED_BENCH / "terms.txt"))
    theirs = baseline.build_L()
    assert (ours.pattern, ours.flags) == (theirs.pattern, theirs.flags)
    assert ours.findall("Пишите в WhatsApp") == theirs.findall("Пишите в WhatsApp")


def test_l_from_the_default_packs_has_word_boundaries(bench) -> None:
    engine = bench.build_engine(["vx", "телега"], [r"\d{11}"])
    assert engine.findall("vx телега") == ["vx", "телега"]
    assert engine.findall("xvxz телеграф") == []  # whole words only, as build_L()


def test_latency_is_measured_after_a_warm_up_on_other_replies(bench) -> None:
    """The measured replies are timed after the warm-up ones were checked, and the
    warm-up's one-time cost is reported beside the figures, not hidden."""
    import ozonlint

    checked = []

    class Recording(ozonlint.Linter):
        def check(self, text, **kwargs):
            checked.append(text)
            return super().check(text, **kwargs)

    measured, warm = ["Здравствуйте! Заказ отправлен.", "Hello, your order ships today."], ["Спасибо за отзыв!"]
    figures = bench.latency(measured, warm, Recording(), bench.build_engine(["whatsapp"], []))
    assert checked == warm + measured
    assert figures["warmup_replies"] == 1 and "warmup_extra_ms" in figures
