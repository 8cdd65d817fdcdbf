"""Why a rule pack is refused, and why a rule fails its examples, in the reader's language.

The library raises these reasons in English (RulePackError, PatternError,
ExampleFailure are its API); the command line shows them through the i18n
catalogue. Every reason written in the source must have a catalogue text, so
a new error without a translation fails here.
"""
from __future__ import annotations

import ast
import itertools
import re
import textwrap
from pathlib import Path
from typing import Iterator, List, Tuple

import pytest
from conftest import GOOD_RULE, CliRunner

from ozonlint import i18n
from ozonlint.cli import main
from ozonlint.matchers.params import Param

PACKAGE = Path(i18n.__file__).parent



def run(*args: str, env=None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def pack(tmp_path: Path, old: str = "", new: str = "", name: str = "pack.yaml") -> Path:
    assert old in GOOD_RULE
    path = tmp_path / name
    path.write_text(GOOD_RULE.replace(old, new) if old else GOOD_RULE, encoding="utf-8")
    return path


# (change to GOOD_RULE, line, Russian reason, Chinese reason)
BROKEN_PACKS = [
    ("terms: [rivalshop]", "terms: [no]", 6,
     "правило shop.brand-rival: 'terms': False прочитано как логическое значение YAML; возьмите слово в кавычки",
     "规则 shop.brand-rival：'terms'：False 被读成了 YAML 布尔值；请给该词加引号"),
    ("kind: terms\n    terms: [rivalshop]", "kind: pattern\n    patterns: ['riv(al']", 6,
     "правило shop.brand-rival: недопустимый шаблон 'riv(al': не хватает ) (позиция 6)",
     "规则 shop.brand-rival：无效的模式 'riv(al'：缺少 )（位置 6）"),
    ("kind: terms", "kind: fuzzy", 5, "неизвестный вид правила 'fuzzy' (допустимы: terms, ",
     "未知的规则类型 'fuzzy'（可用：terms, "),
    ('      zh: "竞争对手"\n', "", 7, "в message нет перевода 'zh'", "message 缺少 'zh' 译文"),
    ("    kind: terms\n", "    kind: terms\n    inflect: 3\n", 6,
     "правило shop.brand-rival: значение 'inflect' должно быть true или false",
     "规则 shop.brand-rival：'inflect' 必须是 true 或 false"),
    ('good: ["Купите на Ozon"]', 'good: ["RivalShop рядом"]', 11,
     "правило shop.brand-rival: о хорошем примере сообщается (['RivalShop']): 'RivalShop рядом'",
     "规则 shop.brand-rival：正例被报告了（['RivalShop']）：'RivalShop рядом'"),
    ('bad: ["Купите в RivalShop"]', 'bad: ["Купите на Ozon", "Привет"]', 11,
     "правило shop.brand-rival: о плохом примере не сообщается: 'Купите на Ozon' (и ещё 1)",
     "规则 shop.brand-rival：反例未被报告：'Купите на Ozon'（另有 1 处）"),
    ("    examples:", "    examples: &a\n    other: *a\n    examples:", 11,
     "якоря и псевдонимы YAML в наборах правил не допускаются", "规则包中不允许使用 YAML 锚点和别名"),
    ("terms: [rivalshop]", "terms: [rivalshop", 7,
     "недопустимый YAML: в списке [...]: не найдено ожидаемое ',' или ']'",
     "YAML 无效：解析流式序列 [...] 时：找不到应有的 ',' 或 ']'"),
]


@pytest.mark.parametrize("old, new, line, ru, zh", BROKEN_PACKS)
def test_an_invalid_pack_in_the_readers_language(tmp_path: Path, old: str, new: str, line: int, ru: str,
                                                 zh: str) -> None:
    path = pack(tmp_path, old, new)
    english = run("check", "--lang", "en", "--rules", str(path), "--text", "hi")
    assert english.exit_code == 2 and english.stderr.startswith(f"ozonlint: error: invalid rule pack: {path}:{line}: ")
    said = {"ru": f"ozonlint: ошибка: ошибка в наборе правил: {path}:{line}: {ru}",
            "zh": f"ozonlint：错误：规则包无效：{path}:{line}: {zh}"}
    for lang, expected in said.items():
        result = run("check", "--lang", lang, "--rules", str(path), "--text", "hi")
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.startswith(expected), result.stderr
        assert result.stderr.count("\n") == 1  # still one line


@pytest.mark.parametrize("lang, expected", [("ru", "нет такого файла или папки с набором правил"),
                                            ("zh", "规则包文件或目录不存在")])
def test_a_missing_pack_in_the_readers_language(tmp_path: Path, lang: str, expected: str) -> None:
    for command in (["check", "--text", "hi", "--rules"], ["rules", "--rules"], ["test-rules"]):
        result = run(*command, str(tmp_path / "nope.yaml"), env={"OZONLINT_LANG": lang})
        assert result.exit_code == 2 and f"{tmp_path / 'nope.yaml'}: {expected}\n" in result.stderr


CLASSIFIER_RULE = """\
rules:
  - id: shop.spam-model
    category: spam
    severity: warning
    kind: classifier
    model: models/spam.json
    threshold: 0.5
    message: {ru: "Спам", en: "Spam", zh: "垃圾信息"}
    examples:
      bad: ["КУПИТЕ СЕЙЧАС"]
      good: ["Спасибо"]
"""


@pytest.mark.parametrize("lang, expected", [
    ("ru", "недопустимая модель классификатора: 'format' должно быть 'ozonlint-classifier"),
    ("zh", "分类器模型无效：'format' 必须是 'ozonlint-classifier"),
])
def test_a_classifier_model_error_in_the_readers_language(tmp_path: Path, lang: str, expected: str) -> None:
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "spam.json").write_text('{"format": "nonsense"}', encoding="utf-8")
    (tmp_path / "pack.yaml").write_text(CLASSIFIER_RULE, encoding="utf-8")
    result = run("check", "--lang", lang, "--rules", str(tmp_path / "pack.yaml"), "--text", "hi")
    assert result.exit_code == 2 and f"{tmp_path / 'models' / 'spam.json'}:1: {expected}" in result.stderr


@pytest.mark.parametrize("how", [["--lang", "{lang}"], []])
@pytest.mark.parametrize("lang, failure, summary", [
    ("ru", "правило shop.brand-rival: о хорошем примере сообщается (['RivalShop']): 'RivalShop рядом'",
     "1 правило, 2 примера, 1 ошибка."),
    ("zh", "规则 shop.brand-rival：正例被报告了（['RivalShop']）：'RivalShop рядом'", "1 条规则，2 个示例，1 个失败。"),
])
def test_test_rules_reports_in_the_readers_language(tmp_path: Path, how: List[str], lang: str, failure: str,
                                                     summary: str) -> None:
    path = pack(tmp_path, 'good: ["Купите на Ozon"]', 'good: ["RivalShop рядом"]')
    options = [part.format(lang=lang) for part in how]
    result = run("test-rules", *options, str(path), env={"OZONLINT_LANG": "en" if options else lang})
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{path}:11: {failure}", summary]


def test_test_rules_in_english_is_the_librarys_text(tmp_path: Path) -> None:
    path = pack(tmp_path, 'good: ["Купите на Ozon"]', 'good: ["RivalShop рядом"]')
    result = run("test-rules", "--lang", "en", str(path))
    assert result.exit_code == 1 and result.stdout.splitlines() == [
        f"{path}:11: rule shop.brand-rival: good example is reported (['RivalShop']): 'RivalShop рядом'",
        "1 rule, 2 examples, 1 failure."]
    clean = run("test-rules", "--lang", "zh", str(pack(tmp_path, name="clean.yaml")))
    assert clean.exit_code == 0 and clean.stdout == "1 条规则，2 个示例，0 个失败。\n"


def test_a_config_placeholder_pattern_error_in_the_readers_language(tmp_path: Path) -> None:
    config = tmp_path / ".ozonlint.yaml"
    config.write_text("placeholders: ['a{2000}']\n", encoding="utf-8")
    result = run("check", "--lang", "ru", "--config", str(config), "--text", "hi")
    assert result.exit_code == 2
    assert "недопустимый шаблон 'a{2000}': число повторений 2000 больше 1000" in result.stderr


# ------------------------------------------------------------------ the catalogue covers the source

def test_every_rule_pack_reason_has_russian_and_chinese() -> None:
    """Each text says the same fields as its English (a note is read back only then: see i18n.note)."""
    assert len(i18n.RULE_PACK_REASONS) > 100
    for english, forms in i18n.RULE_PACK_REASONS.items():
        assert len(forms) == 2, english
        fields = set(re.findall(r"\{(\w+)\}", english))
        for form in forms:
            assert form.strip() and form != english, english
            assert set(re.findall(r"\{(\w+)\}", form)) == fields, english
        assert i18n.CATALOGUE[english] == forms


# Where the source says why a pack is refused: the callable, the argument that is the
# reason, and what the reason is shown inside.
REASON_ARGUMENTS = {"RulePackError": (2, "{}"), "PatternError": (0, "{}"), "_expect": (3, "{}"),
                    "ExampleFailure": (3, "rule Q99: {}"),
                    "_string_list": (3, "{}: empty string"), "_rewrite_texts": (3, "{}: the 'en' text has Cyrillic")}
CLASSIFIER_FAIL = (3, "invalid classifier model: {}")  # matchers/classifier.py's _fail
SOURCES = ["rulepack.py", "safepattern.py", "engine.py"] + sorted(
    f"matchers/{p.name}" for p in (PACKAGE / "matchers").glob("*.py"))


def _texts(node: ast.expr, numbers: Iterator[int]) -> List[str]:
    """The English texts ``node`` can make, with a marker (Q0, 'Q1' for !r) for each value."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        texts = [""]
        for part in node.values:
            if isinstance(part, ast.Constant):
                texts = [t + str(part.value) for t in texts]
            else:
                marker = f"Q{next(numbers)}"
                quoted = isinstance(part, ast.FormattedValue) and part.conversion == ord("r")
                marker = f"'{marker}'" if quoted else marker
                texts = [t + marker for t in texts]
        return texts
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [a + b for a in _texts(node.left, numbers) for b in _texts(node.right, numbers)]
    if isinstance(node, ast.IfExp):
        return _texts(node.body, numbers) + _texts(node.orelse, numbers)
    return [f"Q{next(numbers)}"]


def _reasons_in_the_source() -> List[Tuple[str, str]]:
    found = []
    for module in SOURCES:
        for call in ast.walk(ast.parse((PACKAGE / module).read_text(encoding="utf-8"))):
            if not isinstance(call, ast.Call):
                continue
            name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
            where = REASON_ARGUMENTS.get(name or "")
            if name == "_fail" and module == "matchers/classifier.py":
                where = CLASSIFIER_FAIL
            if where is None or len(call.args) <= where[0]:
                continue
            for text in _texts(call.args[where[0]], itertools.count()):
                found.append((f"{module}:{call.lineno}", where[1].format(text)))
    return found


def _param_problems() -> List[str]:
    """What each parameter type of a rule kind says about a wrong value."""
    wrong = [None, 3, [True], [3]]
    return [problem for kind in Param.TYPES for value in wrong
            for problem in [Param("key", kind, choices=("Q8", "Q9")).problem(value)] if problem]


def test_the_source_reasons_are_found() -> None:
    """The scan below sees the errors it must (a renamed helper must not empty it)."""
    texts = [text for _, text in _reasons_in_the_source()]
    assert len(texts) > 100
    for expected in ("rule Q0: 'inflect' must be true or false", "repeat count Q0 is larger than Q1",
                     "rule Q99: bad example is not reported: 'Q0'",
                     "invalid classifier model: 'features' must be a mapping",
                     "unknown rule kind 'Q0' (one of: Q1)"):
        assert expected in texts
    assert len(set(_param_problems())) >= len(Param.TYPES)


def test_every_reason_in_the_source_has_a_catalogue_text() -> None:
    """Every RulePackError, PatternError and ExampleFailure reason (and each parameter type's
    complaint) is read by catalogue texts down to its values: add a new one to RULE_PACK_REASONS."""
    missing = []
    cases = _reasons_in_the_source() + [("matchers/params.py", f"rule Q0: {p}") for p in _param_problems()]
    for where, english in cases:
        for part in i18n.untranslated(english):
            words = re.sub(r"Q\d+", "", part)
            # values are left as they are, and so is a single word: a key's name ("terms", "allow")
            if re.search(r"[A-Za-z]", words) and re.search(r"\s", words.strip()):
                missing.append(f"{where}: {english!r} ({part!r} untranslated)")
    assert missing == []


def test_untranslated_names_what_the_catalogue_lacks() -> None:
    assert i18n.untranslated("rule x.y: 'inflect' must be true or false") == ["x.y", "inflect"]
    assert i18n.untranslated("rule x.y: the moon is made of cheese") == ["x.y", "the moon is made of cheese"]


@pytest.mark.parametrize("english, ru, zh", [
    ("rule a.b: 'terms': 'x: y' is not text; quote it", "правило a.b: 'terms': 'x: y' — не текст; возьмите в кавычки",
     "规则 a.b：'terms'：'x: y' 不是文本；请加引号"),
    ("rule a.b: bad example 'x' matched ['y'], expected 'z' (and 2 more)",
     "правило a.b: плохой пример 'x': найдено ['y'], ожидалось 'z' (и ещё 2)",
     "规则 a.b：反例 'x' 匹配到 ['y']，应为 'z'（另有 2 处）"),
    ("invalid classifier model: feature setting 'max_n' must be a whole number 1-30",
     "недопустимая модель классификатора: настройка признаков 'max_n' должна быть целым числом 1-30",
     "分类器模型无效：特征设置 'max_n' 必须是 1-30 的整数"),
    ("template needs its 'en' text (\"\" removes)", "шаблону ответа нужен текст 'en' (\"\" — удалить)",
     "模板需要 'en' 文本（\"\" 表示删除）"),
    ("file is not UTF-8 text (invalid start byte at byte 0)", "файл не в UTF-8 (недопустимый начальный байт, байт 0)",
     "文件不是 UTF-8 文本（第 0 字节：无效的起始字节）"),
])
def test_nested_reasons_are_translated_at_every_level(english: str, ru: str, zh: str) -> None:
    assert i18n.translated(english, "ru") == ru
    assert i18n.translated(english, "zh") == zh
    assert i18n.translated(english, "en") == english


def test_placeholders_are_carried_over_untranslated() -> None:
    english = textwrap.dedent("""\
        unknown key 'colour' for a rule of kind 'terms' (it takes: terms, vocab)""")
    for lang in ("ru", "zh"):
        said = i18n.translated(english, lang)
        assert said != english and "'colour'" in said and "'terms'" in said and "terms, vocab" in said
