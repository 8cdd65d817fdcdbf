"""What users of ruff, yamllint and Vale expect: the library's surface, conventions of the CLI."""
from __future__ import annotations

import json
import typing

import pytest

import ozonlint
from ozonlint.model import Violation


def test_to_dict_is_json_ready() -> None:
    v = ozonlint.check("Пишите в WhatsApp")[0]
    data = v.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["rule"] == "contact.messenger" and data["match"] == "WhatsApp"
    assert v.to_dict("a.txt")["path"] == "a.txt" and list(v.to_dict("a.txt"))[0] == "path"


def test_severity_is_a_literal() -> None:
    hint = typing.get_type_hints(Violation)["severity"]
    assert typing.get_origin(hint) is typing.Literal
    assert set(typing.get_args(hint)) == {"error", "warning", "info"}


@pytest.mark.parametrize("value", [None, b"WhatsApp", 42])
def test_check_and_fix_refuse_what_is_not_text(value: object) -> None:
    with pytest.raises(TypeError, match="takes a str"):
        ozonlint.check(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="takes a str"):
        ozonlint.fix(value)  # type: ignore[arg-type]


def test_public_namespace_is_clean() -> None:
    names = dir(ozonlint)
    assert "List" not in names and "annotations" not in names and "engine" not in names
    assert {"check", "fix", "Linter", "Violation"} <= set(names)


def test_in_language_per_call() -> None:
    v = ozonlint.Linter(lang="en").check("Пишите в WhatsApp")[0]
    assert v.in_language("zh").message.startswith("提到了")
    assert v.in_language("ru").message.startswith("Упоминание")


@pytest.mark.parametrize("draft", [
    "Пишите: +7 912 555 34 21\nСпасибо",
    "Мой номер +7 912 555 34 21 \nСпасибо за заказ!\n",
    "Заказ собран. Звоните +7 912 555 34 21",
])
def test_a_fix_leaves_no_trailing_blanks(draft: str) -> None:
    fixed = ozonlint.fix(draft)
    assert "912" not in fixed
    assert all(line == line.rstrip(" \t") for line in fixed.splitlines())


# ------------------------------------------------------------------ the command line

from pathlib import Path  # noqa: E402

from conftest import CliRunner  # noqa: E402

from ozonlint import i18n  # noqa: E402
from ozonlint.cli import main  # noqa: E402

WHATSAPP = "Пишите в WhatsApp"
CLEAN = "Здравствуйте! Заказ уже собран."


def run(*args: str, input=None, env=None):
    return CliRunner().invoke(main, list(args), input=input, env=env, catch_exceptions=False)


def test_config_in_the_current_folder_applies_to_text_and_stdin(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / ".ozonlint.yaml").write_text("allow: [WhatsApp]\nlang: ru\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("check", "--format", "json", "--text", WHATSAPP).output == "[]\n"
    assert run("check", "--format", "json", input=WHATSAPP).output == "[]\n"
    phone = json.loads(run("check", "--format", "json", "--text", "Звоните 8 916 555-12-34").output)
    assert phone[0]["message"].startswith("Номер телефона")
    summary = run("check", "--text", "Звоните 8 916 555-12-34").output.splitlines()[-1]
    assert summary == "Найдено: 1 проблема (1 ошибка)."
    batch = run("check", "--jsonl", "-", input='{"id": 1, "text": "Пишите в WhatsApp"}\n')
    assert json.loads(batch.output) == {"id": 1, "violations": []}


def test_stdin_filename_takes_that_files_configuration(tmp_path: Path) -> None:
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / ".ozonlint.yaml").write_text("per-file-ignores:\n  'legacy/*': [contact]\n",
                                                     encoding="utf-8")
    ignored = run("check", "--format", "json", "--stdin-filename", str(tmp_path / "shop" / "legacy" / "a.txt"),
                  input=WHATSAPP)
    assert ignored.exit_code == 0 and ignored.output == "[]\n"
    reported = run("check", "--format", "json", "--stdin-filename", str(tmp_path / "shop" / "a.txt"), input=WHATSAPP)
    assert json.loads(reported.output)[0]["path"] == str(tmp_path / "shop" / "a.txt")


def test_several_drafts_are_named_in_every_format() -> None:
    data = json.loads(run("check", "--format", "json", "--text", CLEAN, "--text", WHATSAPP).output)
    assert [v["path"] for v in data] == ["<text 2>"]
    text = run("check", "--no-color", "--text", WHATSAPP, "--text", WHATSAPP).output
    assert text.startswith("<text 1>:1:10: error") and "<text 2>:1:10: error" in text
    single = json.loads(run("check", "--format", "json", "--text", WHATSAPP).output)
    assert single[0]["path"] == "-"  # the contract's path for one draft


def test_jsonl_keeps_the_id_fixes_and_writes_to_output(tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text('{"id": 7}\n{"id": 8, "text": "Пишите в WhatsApp"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("check", "--jsonl", str(batch), "--fix", "-o", str(out))
    assert result.exit_code == 2 and result.stdout == ""
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["id"] == 7 and "error" in lines[0]
    assert lines[1]["id"] == 8 and lines[1]["fixed"] == "Пишите нам здесь, в чате Ozon."


@pytest.mark.parametrize("extra", [["--format", "text"], ["--diff"], ["--text", "x"], ["--statistics"]])
def test_jsonl_refuses_what_it_would_ignore(tmp_path: Path, extra: list) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text('{"id": 1, "text": "hi"}\n', encoding="utf-8")
    result = run("check", "--jsonl", str(batch), *extra)
    assert result.exit_code == 2 and "--jsonl cannot be combined with" in result.stderr


def test_fixed_draft_and_diff_go_to_output(tmp_path: Path) -> None:
    out = tmp_path / "fixed.txt"
    result = run("check", "--fix", "-o", str(out), "--text", WHATSAPP)
    assert result.stdout == "" and out.read_text(encoding="utf-8") == "Пишите нам здесь, в чате Ozon."
    diff = run("check", "--diff", "-o", str(out), "--text", WHATSAPP)
    assert diff.stdout == "" and "+Пишите нам здесь, в чате Ozon." in out.read_text(encoding="utf-8")


def test_fix_refuses_drafts_mixed_with_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(WHATSAPP, encoding="utf-8")
    result = run("check", "--fix", "--text", WHATSAPP, str(tmp_path / "a.txt"))
    assert result.exit_code == 2 and "separate runs" in result.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == WHATSAPP


def test_exit_zero_quiet_and_min_severity() -> None:
    assert run("check", "--exit-zero", "--text", WHATSAPP).exit_code == 0
    quiet = run("check", "--quiet", "--no-color", "--text", WHATSAPP)
    assert quiet.exit_code == 1 and "Found" not in quiet.output and "[contact.messenger]" in quiet.output
    assert run("check", "--quiet", "--text", CLEAN).output == ""
    shouting = "ЗДРАВСТВУЙТЕ!!! ЗАКАЗ ГОТОВ!!!"
    everything = {v["severity"] for v in json.loads(run("check", "--format", "json", "--text", shouting).output)}
    assert everything - {"error"}
    errors_only = json.loads(run("check", "--format", "json", "--min-severity", "error", "--text", shouting).output)
    assert all(v["severity"] == "error" for v in errors_only)


def test_statistics_counts_per_rule() -> None:
    text = "Пишите в WhatsApp или в Telegram, телефон 8 916 555-12-34"
    rows = json.loads(run("check", "--statistics", "--format", "json", "--text", text).output)
    counts = {row["rule"]: row["count"] for row in rows}
    assert counts.get("contact.messenger") == 2 and counts.get("contact.phone") == 1
    table = run("check", "--statistics", "--text", text).output.splitlines()
    assert table[0].split()[:2] == ["2", "contact.messenger"]
    assert run("check", "--statistics", "--format", "sarif", "--text", text).exit_code == 2


def test_exclude_and_extend_exclude(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text(WHATSAPP, encoding="utf-8")
    (tmp_path / "b.txt").write_text(WHATSAPP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    paths = {v["path"] for v in json.loads(run("check", "--format", "json", "--exclude", "drafts/*", ".").output)}
    assert paths == {"./b.txt"} or paths == {"b.txt"}
    none = run("check", "--format", "json", "--extend-exclude", "drafts/*,b.txt", ".")
    assert none.output == "[]\n"


def test_show_settings_names_the_config_and_rules(tmp_path: Path) -> None:
    (tmp_path / ".ozonlint.yaml").write_text("ignore: [style]\nlang: zh\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = run("check", "--show-settings", str(tmp_path / "a.txt"))
    assert result.exit_code == 0
    assert str(tmp_path / ".ozonlint.yaml") in result.output and "lang: zh" in result.output
    assert "contact.messenger" in result.output and "style.shouting" not in result.output


def test_no_cache_compiles_without_the_cache(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("OZONLINT_CACHE_DIR", str(tmp_path / "cache"))
    run("check", "--no-cache", "--text", CLEAN)
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").iterdir())
    monkeypatch.setenv("OZONLINT_CACHE_DIR", str(tmp_path / "cache"))


def test_summary_names_what_could_not_be_checked(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(CLEAN, encoding="utf-8")
    result = run("check", "--no-color", str(tmp_path / "good.txt"), str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert "No problems found." not in result.stdout
    assert "1 input could not be checked: " + str(tmp_path / "missing.txt") in result.stdout


def test_folder_walk_names_skipped_suffixes_and_takes_more(tmp_path: Path) -> None:
    (tmp_path / "a.rst").write_text(WHATSAPP, encoding="utf-8")
    (tmp_path / "b.j2").write_text(WHATSAPP, encoding="utf-8")
    result = run("check", "--format", "json", str(tmp_path))
    assert result.stdout == "[]\n" and ".j2" in result.stderr and ".rst" in result.stderr
    more = run("check", "--format", "json", "--extend-suffixes", ".rst,j2", str(tmp_path))
    assert len(json.loads(more.stdout)) == 2
    (tmp_path / ".ozonlint.yaml").write_text("extend-suffixes: [.rst]\n", encoding="utf-8")
    assert len(json.loads(run("check", "--format", "json", str(tmp_path)).stdout)) == 1


def test_windows_1251_csv_with_semicolons_just_works(tmp_path: Path) -> None:
    path = tmp_path / "replies.csv"
    original = "id;text\r\n1;Пишите в WhatsApp\r\n2;Спасибо за заказ\r\n"
    path.write_bytes(original.encode("cp1251"))
    data = json.loads(run("check", "--format", "json", str(path)).output)
    assert [(v["rule"], v["key"]) for v in data] == [("contact.messenger", "text[row 2]")]
    run("check", "--fix", str(path))
    fixed = path.read_bytes().decode("cp1251")  # written back in the file's own encoding
    assert fixed.startswith("id;text\r\n1;") and "WhatsApp" not in fixed and "чате Ozon" in fixed
    assert fixed.endswith("\r\n2;Спасибо за заказ\r\n")


def test_encoding_option(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(WHATSAPP.encode("koi8-r"))
    result = run("check", "--format", "json", "--encoding", "koi8-r", str(path))
    assert json.loads(result.output)[0]["match"] == "WhatsApp"
    assert run("check", "--encoding", "nonsense", str(path)).exit_code == 2


# ------------------------------------------------------------------ languages

@pytest.mark.parametrize("env, lang", [
    ({"OZONLINT_LANG": "zh", "LANG": "ru_RU.UTF-8"}, "zh"),
    ({"LANG": "ru_RU.UTF-8"}, "ru"),
    ({"LC_ALL": "zh_CN.UTF-8", "LANG": "ru_RU.UTF-8"}, "zh"),
    ({"LC_ALL": "C.UTF-8"}, "en"),
])
def test_default_language_follows_the_locale(monkeypatch, env: dict, lang: str) -> None:
    for name in ("OZONLINT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert i18n.default_lang() == lang


@pytest.mark.parametrize("lang, summary, suggestion", [
    ("ru", "Найдено: 1 проблема (1 ошибка).", "замена (безопасная): Пишите нам здесь, в чате Ozon."),
    ("zh", "发现 1 个问题（1 个错误）。", "建议替换（安全）：Пишите нам здесь, в чате Ozon.  （意为“请在 Ozon 聊天里"),
])
def test_text_output_in_the_readers_language(lang: str, summary: str, suggestion: str) -> None:
    result = run("check", "--no-color", "--lang", lang, "--text", WHATSAPP)
    assert summary in result.output and suggestion in result.output
    clean = run("check", "--lang", lang, "--text", CLEAN).output.strip()
    assert clean == i18n.tr("No problems found.", lang)


def test_russian_plurals() -> None:
    assert [i18n.count(n, "problem", "ru") for n in (1, 2, 5, 11, 21, 22, 112)] == [
        "1 проблема", "2 проблемы", "5 проблем", "11 проблем", "21 проблема", "22 проблемы", "112 проблем"]


def test_every_help_text_is_translated() -> None:
    import inspect

    import click

    missing = []
    for command in [main] + list(main.commands.values()):
        texts = [command.help] + [p.help for p in command.params if isinstance(p, click.Option)]
        missing += [t for t in texts if t and inspect.cleandoc(t) not in i18n.CATALOGUE]
    assert missing == []


def test_help_in_russian_and_chinese() -> None:
    ru = run("check", "--help", env={"OZONLINT_LANG": "ru"}).output
    assert "Использование:" in ru and "Проверить черновики" in ru and "Показать эту справку" in ru
    zh = run("rules", "--help", env={"OZONLINT_LANG": "zh"}).output
    assert "用法：" in zh and "列出规则" in zh


def test_rules_table_and_explain_in_the_readers_language() -> None:
    table = run("rules", "--lang", "ru").output
    assert table.startswith("ПРАВИЛО") and table.splitlines()[-1].startswith("Правил: ")
    explained = run("explain", "--lang", "zh", "language.chinese").output
    assert "会报告：" in explained and "任何汉字" in explained


def test_notes_in_the_readers_language(tmp_path: Path) -> None:
    result = run("check", "--lang", "ru", str(tmp_path / "missing.txt"), env={"OZONLINT_LANG": "ru"})
    assert "missing.txt: нет такого файла" in result.stderr


def test_every_russian_suggestion_has_a_gloss(linter) -> None:
    rewrites = [rw for rule in linter.all_rules for rw in rule.spec.rewrites] + [
        rw for rws in linter.ruleset.category_rewrites.values() for rw in rws]
    texts = [rule.spec.suggestion for rule in linter.all_rules] + [
        rw.texts["ru"] for rw in rewrites if rw.texts and rw.texts["ru"] and rw.scope == "sentence"]
    for suggestion in texts:
        if suggestion and any("\u0400" <= ch <= "\u04ff" for ch in suggestion):
            assert i18n.gloss(suggestion, "zh") and i18n.gloss(suggestion, "en"), suggestion


# click's own usage errors: said in the reader's language, exit status 2 kept
USAGE_ERRORS = [
    (["check", "--nope"], "Нет такого параметра: '--nope'.", "没有此选项：'--nope'。"),
    (["check", "--ignor", "x"], "(возможно: '--ignore'?)", "（您是否要找：'--ignore'？）"),
    (["chek"], "Нет такой команды: 'chek'. (возможно: 'check'?)", "没有此命令：'chek'。（您是否要找：'check'？）"),
    (["explain"], "Не указан аргумент 'RULE_ID'.", "缺少参数 'RULE_ID'。"),
    (["check", "--format", "xx"], "Недопустимое значение '--format': 'xx' — не одно из значений 'text'",
     "'--format' 的值无效：'xx' 不是 'text'"),
    (["check", "--jobs", "0"], "Недопустимое значение '--jobs' / '-j': 0 вне диапазона x>=1.",
     "'--jobs' / '-j' 的值无效：0 不在范围 x>=1 内。"),
    (["check", "--jobs", "x"], "'x' — не целое число.", "'x' 不是有效的整数。"),
    (["check", "--select"], "Параметру '--select' нужно значение.", "选项 '--select' 需要一个值。"),
    (["explain", "a", "b"], "Лишний аргумент (b)", "多余的参数（b）"),
]


@pytest.mark.parametrize("args, russian, chinese", USAGE_ERRORS)
@pytest.mark.parametrize("how", ["option", "environment"])
def test_usage_errors_in_the_readers_language(args: list, russian: str, chinese: str, how: str) -> None:
    for lang, expected, error in (("ru", russian, "Ошибка: "), ("zh", chinese, "错误：")):
        if how == "option":
            result = run(*(args[:1] + ["--lang", lang] + args[1:] if args[0] == "check" else args + ["--lang", lang]),
                         env={"OZONLINT_LANG": "en", "LANG": "C"})
        else:
            result = run(*args, env={"OZONLINT_LANG": lang})
        assert result.exit_code == 2, result.stderr
        assert expected in result.stderr and error in result.stderr
        assert "Error:" not in result.stderr and "Try '" not in result.stderr and "Usage:" not in result.stderr


def test_usage_error_frame_in_russian_and_chinese() -> None:
    ru = run("check", "--nope", env={"OZONLINT_LANG": "ru"}).stderr.splitlines()
    assert ru[0].startswith("Использование: ") and ru[1].startswith("Справка: '") and ru[1].endswith(" check -h'.")
    zh = run("check", "--nope", env={"OZONLINT_LANG": "zh"}).stderr.splitlines()
    assert zh[0].startswith("用法：") and zh[1].startswith("运行 '") and zh[1].endswith(" check -h' 查看帮助。")


def test_usage_errors_stay_clicks_own_in_english() -> None:
    result = run("check", "--nope", env={"OZONLINT_LANG": "en", "LANG": "C"})
    assert result.exit_code == 2 and "Error: No such option" in result.stderr and "Usage: " in result.stderr


@pytest.mark.parametrize("lang, expected", [
    ("ru", ["bad.yaml:2: недопустимый YAML: ожидалось ',' or ']', а встретилось '<stream end>'",
            "bad.json:1: недопустимый JSON: ожидалось значение", "bad.csv:3: незакрытые кавычки в поле",
            "Не удалось проверить: 3 входа"]),
    ("zh", ["bad.yaml:2: YAML 无效：此处应为 ',' or ']'，实际为 '<stream end>'", "bad.json:1: JSON 无效：此处应为值",
            "bad.csv:3: 字段的引号未闭合", "3 个输入无法检查"]),
])
def test_template_parse_errors_in_the_readers_language(tmp_path: Path, monkeypatch, lang: str, expected: list) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.yaml").write_text("a: [1\n", encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"a": }', encoding="utf-8")
    (tmp_path / "bad.csv").write_text('text\n"abc\n', encoding="utf-8")
    result = run("check", "--no-color", "--lang", lang, "bad.yaml", "bad.json", "bad.csv")
    assert result.exit_code == 2
    for text in expected:
        assert text in result.stderr + result.stdout
    assert "invalid" not in result.stderr and "unterminated" not in result.stderr


@pytest.mark.parametrize("lang, unknown_key, missing, selector", [
    ("ru", "ozonlint: ошибка: ошибка в конфигурации: cfg.yaml: строка 2: неизвестный ключ; возможно, 'select'?",
     "ошибка в конфигурации: nope.yaml: нет такого файла конфигурации",
     "--select: неизвестное правило, префикс id или категория 'nope'"),
    ("zh", "ozonlint：错误：配置无效：cfg.yaml: 第 2 行：未知的键；您是否要找 'select'？",
     "配置无效：nope.yaml: 配置文件不存在",
     "--select: 未知的规则 ID、ID 前缀或类别 'nope'"),
])
def test_configuration_errors_in_the_readers_language(tmp_path: Path, monkeypatch, lang: str, unknown_key: str,
                                                      missing: str, selector: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cfg.yaml").write_text("lang: ru\nselct: [x]\n", encoding="utf-8")
    for args, expected in ((["--config", "cfg.yaml"], unknown_key), (["--config", "nope.yaml"], missing),
                           (["--select", "nope"], selector)):
        result = run("check", "--lang", lang, *args, "--text", CLEAN)
        assert result.exit_code == 2 and expected in result.stderr
    from_locale = run("check", "--config", "nope.yaml", "--text", CLEAN, env={"OZONLINT_LANG": lang})
    assert missing in from_locale.stderr


# ------------------------------------------------------------------ one phrase, one finding

def _finding(text: str, rule: str, phrase: str, occurrence: int = 0) -> Violation:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    end = start + len(phrase)
    return Violation(rule=rule, category=rule.split(".")[0], severity="error", message="m", match=phrase,
                     start=start, end=end, line=1, column=start + 1, end_line=1, end_column=end + 1)


@pytest.mark.parametrize("text, rule, phrases, merged", [
    # the two examples: one rule found twice in one phrase
    ("…дешевле на нашем сайте sunny-home.ru…", "offplatform.own-site",
     ["дешевле на нашем сайте", "на нашем сайте sunny-home.ru"], "дешевле на нашем сайте sunny-home.ru"),
    ("Наш номер телефона в профиле магазина", "contact.invitation",
     ["Наш номер телефона", "телефона в профиле магазина"], "Наш номер телефона в профиле магазина"),
    # touching across a space inside one clause
    ("Только сегодня скидки до 70%!", "spam.promo", ["Только сегодня", "скидки до"], "Только сегодня скидки до"),
])
def test_one_rule_twice_in_one_phrase_is_one_finding(text: str, rule: str, phrases: list, merged: str) -> None:
    from ozonlint.engine import _merge_one_phrase

    found = _merge_one_phrase(text, [_finding(text, rule, p) for p in phrases])
    assert [(v.rule, v.match) for v in found] == [(rule, merged)]
    assert (found[0].start, found[0].end) == (text.index(merged), text.index(merged) + len(merged))
    assert found[0].end_column == found[0].end + 1


@pytest.mark.parametrize("text, phrases", [
    ("Пишите @best_sale или @vip_opt", ["@best_sale", "@vip_opt"]),     # a conjunction between
    ("Пишите @best_sale, @vip_opt", ["@best_sale", "@vip_opt"]),        # a comma
    ("Пишите @best_sale @vip_opt", ["@best_sale", "@vip_opt"]),         # two single words side by side
    ("кинь свой номер. перезвоню тебе", ["кинь свой номер.", "перезвоню тебе"]),  # a clause's end
    ("кинь свой номер\nперезвоню тебе", ["кинь свой номер", "перезвоню тебе"]),   # a line break
])
def test_items_of_a_list_stay_apart(text: str, phrases: list) -> None:
    from ozonlint.engine import _merge_one_phrase

    found = _merge_one_phrase(text, [_finding(text, "contact.handle", p) for p in phrases])
    assert [v.match for v in found] == phrases


def test_findings_of_two_rules_are_not_merged() -> None:
    from ozonlint.engine import _merge_one_phrase

    text = "Только сегодня скидки до 70%"
    found = _merge_one_phrase(text, [_finding(text, "spam.promo", "Только сегодня"),
                                     _finding(text, "spam.upsell", "скидки до")])
    assert [v.rule for v in found] == ["spam.promo", "spam.upsell"]


@pytest.mark.parametrize("draft", [
    "…дешевле на нашем сайте sunny-home.ru…",
    "Здравствуйте! Этот товар дешевле на нашем сайте sunny-home.ru, заходите.",
    "Наш номер телефона в профиле магазина",
    "Next time order directly from our website, it's 20% cheaper: www.lunahome-store.com",
    "Уважаемые покупатели! Только сегодня скидки до 70% на весь ассортимент!",
])
def test_a_rule_reports_a_phrase_once(draft: str) -> None:
    rules = [v.rule for v in ozonlint.check(draft)]
    assert rules and len(rules) == len(set(rules))


def test_a_list_of_handles_is_two_findings_and_both_are_fixed() -> None:
    draft = "Пишите @best_sale или @vip_opt"
    found = ozonlint.check(draft)
    assert [(v.rule, v.match) for v in found] == [("contact.handle", "@best_sale"), ("contact.handle", "@vip_opt")]
    assert all(v.fix is not None for v in found)
    fixed = ozonlint.fix(draft)
    assert "@best_sale" not in fixed and "@vip_opt" not in fixed


def test_a_merged_finding_is_fixed_whole() -> None:
    draft = "Next time order directly from our website, it's 20% cheaper: www.lunahome-store.com"
    own_site = [v for v in ozonlint.check(draft) if v.rule == "offplatform.own-site"]
    assert [v.match for v in own_site] == ["order directly from our website, it's 20% cheaper"]
    assert "cheaper" not in ozonlint.fix(draft)


@pytest.mark.parametrize("lang, missing, not_ours", [
    ("ru", "нет такого файла базовой линии", "не базовая линия ozonlint (формат 1)"),
    ("zh", "基线文件不存在", "不是 ozonlint 基线（格式 1）"),
])
def test_baseline_errors_in_the_readers_language(tmp_path: Path, lang: str, missing: str, not_ours: str) -> None:
    (tmp_path / "b.json").write_text("[]", encoding="utf-8")
    for name, expected in (("nope.json", missing), ("b.json", not_ours)):
        result = run("check", "--lang", lang, "--baseline", str(tmp_path / name), "--text", CLEAN)
        assert result.exit_code == 2 and f"{tmp_path / name}: {expected}" in result.stderr


def test_explain_says_its_rewrites_in_the_readers_language() -> None:
    zh = run("explain", "--lang", "zh", "contact.messenger").output
    assert "  - 整句，安全：ru: Пишите нам здесь, в чате Ozon." in zh and "（意为“请在 Ozon 聊天里给我们留言”）" in zh
    ru = run("explain", "--lang", "ru", "contact.messenger").output
    assert "  - предложение, безопасная: ru: Пишите нам здесь" in ru
    en = run("explain", "--lang", "en", "contact.messenger").output
    assert "  - sentence, safe: ru: Пишите нам здесь" in en


def test_help_follows_the_lang_option() -> None:
    zh = run("check", "--lang", "zh", "--help", env={"OZONLINT_LANG": "en", "LANG": "C"}).output
    assert zh.startswith("用法：") and "检查草稿" in zh
    ru = run("rules", "--help", "--lang=ru", env={"OZONLINT_LANG": "en", "LANG": "C"}).output
    assert ru.startswith("Использование:") and "Список правил" in ru


def test_audit_help_and_option_defaults_in_the_readers_language() -> None:
    zh = run("audit", "--help", env={"OZONLINT_LANG": "zh"}).output
    assert zh.startswith("用法：") and "审计聊天记录" in zh and "[默认：text]" in zh and "[default:" not in zh
    ru = run("baseline", "--help", env={"OZONLINT_LANG": "ru"}).output
    assert "[по умолчанию:" in ru and "[default:" not in ru
    listing = run("--help", env={"OZONLINT_LANG": "ru"}).output
    assert "audit       Аудит истории чатов" in listing
    assert "[default: text]" in run("audit", "--help", env={"OZONLINT_LANG": "en", "LANG": "C"}).output


def test_a_bare_command_shows_its_help_not_an_error() -> None:
    result = run(env={"OZONLINT_LANG": "ru"})
    shown = result.output + result.stderr
    assert "Использование:" in shown and "Ошибка" not in shown and "Error" not in shown


def test_a_plain_commands_usage_error_in_the_readers_language() -> None:
    result = run("audit", "--within", "0", "x", env={"OZONLINT_LANG": "ru"})
    assert result.exit_code == 2 and result.stderr.startswith("Использование: ") and "Usage" not in result.stderr
    assert "Недопустимое значение '--within': 0.0 вне диапазона x>0." in result.stderr


@pytest.mark.parametrize("lang, expected", [("ru", "ozonlint: ошибка: стандартный вывод: закрыт"),
                                            ("zh", "ozonlint：错误：标准输出已关闭")])
def test_closed_standard_output_in_the_readers_language(lang: str, expected: str) -> None:
    import os
    import subprocess
    import sys

    env = dict(os.environ, OZONLINT_LANG=lang, OZONLINT_CACHE_DIR="off")
    command = f'exec "{sys.executable}" -m ozonlint check --no-config --text "{WHATSAPP}" >&-'
    done = subprocess.run(["sh", "-c", command], stderr=subprocess.PIPE, env=env, timeout=120)
    assert done.returncode == 2 and done.stderr.decode().strip() == expected


def test_every_catalogue_text_with_fields_is_read_back_from_its_english() -> None:
    """A note or error in English becomes the catalogue's translation: each key is found as itself,
    never taken by a shorter one that also matches ("cannot write {path}: …")."""
    import re

    checked = 0
    for key, forms in i18n.CATALOGUE.items():
        names = re.findall(r"\{(\w+)(?:!r)?\}", key)
        if not names or any(set(re.findall(r"\{(\w+)", form)) - set(names) for form in forms):
            continue
        values = {name: f"Q{i}" for i, name in enumerate(names)}
        english = key.replace("!r", "").format(**values)
        for lang in ("ru", "zh"):
            assert i18n.note("a.txt", "a.txt: " + english, lang) == "a.txt: " + i18n.tr(
                key.replace("!r", ""), lang, **values), key
        checked += 1
    assert checked > 50


def test_a_long_file_merges_one_phrase_too() -> None:
    from ozonlint.engine import SPLIT_CHARS

    filler = "Здравствуйте! Заказ уже собран.\n\n" * (SPLIT_CHARS // 30)
    draft = filler + "Next time order directly from our website, it's 20% cheaper.\n"
    own_site = [v for v in ozonlint.check(draft) if v.rule == "offplatform.own-site"]
    assert [v.match for v in own_site] == ["order directly from our website, it's 20% cheaper"]
    assert own_site[0].start == len(filler) + len("Next time ")
