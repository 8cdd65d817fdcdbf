"""Every string the command line shows, in Russian, English and Chinese: one catalogue.

The English text is the key (what the code writes, with ``{name}`` fields);
``CATALOGUE`` gives its Russian and Chinese forms. ``count`` says "3 problems"
with each language's plural forms, ``note`` translates the ``path: reason``
notes the runner writes, ``gloss`` says what a Russian suggestion means to a
reader of another language, and ``translated_help`` shows ``--help`` in the
reader's language, and ``click_message`` says click's own usage errors in it.
``RULE_PACK_REASONS`` holds why a rule pack is refused or a rule fails its own
examples: the library raises them in English, the command line shows them
through ``note`` like any other reason.
The language: ``--lang``, else the configuration's ``lang``, else
``default_lang()`` (the command line's ``--lang`` while ``chosen`` holds it,
then $OZONLINT_LANG, then the locale, then en).
Rule messages are not here: they live with their rules in the packs.
"""
from __future__ import annotations

import contextlib
import inspect
import os
import re
import unicodedata
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

import click

LANGUAGES = ("ru", "en", "zh")


_CHOSEN: List[str] = []  # the command line's --lang, while a command runs (see ``chosen``)


@contextlib.contextmanager
def chosen(lang: Optional[str]) -> Iterator[None]:
    """``default_lang()`` is ``lang`` while the block runs (None: unchanged).

    The command line's ``--lang`` must reach what is said before its options
    are parsed (click's usage errors) and what does not see them (notes, errors)."""
    if lang not in LANGUAGES:
        yield
        return
    _CHOSEN.append(str(lang))
    try:
        yield
    finally:
        _CHOSEN.pop()


def default_lang() -> str:
    """--lang (see ``chosen``), else $OZONLINT_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG: ru_*, zh_*),
    else en."""
    if _CHOSEN:
        return _CHOSEN[-1]
    named = os.environ.get("OZONLINT_LANG", "").strip().lower()
    if named in LANGUAGES:
        return named
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:  # the first one set decides, as in POSIX
            code = value.split(".")[0].split("_")[0].lower()
            return code if code in ("ru", "zh") else "en"
    return "en"


# English -> (Russian, Chinese)
CATALOGUE: Dict[str, Tuple[str, str]] = {
    # ------------------------------------------------------------ audit --help
    "Audit chat histories (Seller API JSON, JSON Lines, CSV exports; gzip; '-' for standard input):\n"
    "violations per category, rule, manager, week and chat, and response times.": (
        "Аудит истории чатов (JSON Seller API, JSON Lines, выгрузки CSV; gzip; «-» — стандартный ввод):\n"
        "нарушения по категориям, правилам, менеджерам, неделям и чатам, и время ответа.",
        "审计聊天记录（Seller API JSON、JSON Lines、CSV 导出；gzip；“-”表示标准输入）：\n"
        "按类别、规则、客服、周和聊天统计违规，以及回复时间。"),
    "Report format: a terminal summary, JSON with every figure and finding, or one offline HTML file.": (
        "Формат отчёта: сводка для терминала, JSON со всеми показателями и находками или один офлайн-файл HTML.",
        "报告格式：终端摘要、包含全部数据和问题的 JSON，或一个离线 HTML 文件。"),
    "Language of the report (default: configuration, $OZONLINT_LANG, en).": (
        "Язык отчёта (по умолчанию: конфигурация, $OZONLINT_LANG, en).",
        "报告语言（默认：配置文件、$OZONLINT_LANG、en）。"),
    "The response-time standard, in hours.": ("Норматив времени ответа, в часах.", "回复时间标准（小时）。"),
    "Count only these hours of each working day (e.g. 09:00-18:00).": (
        "Считать только эти часы рабочего дня (например, 09:00-18:00).",
        "只计算每个工作日的这些时段（例如 09:00-18:00）。"),
    "Working days, e.g. mon-fri or mon,wed,fri (default: every day).": (
        "Рабочие дни, например mon-fri или mon,wed,fri (по умолчанию: все дни).",
        "工作日，例如 mon-fri 或 mon,wed,fri（默认：每天）。"),
    "The shop's time zone (IANA, e.g. Europe/Moscow): working hours, weeks, and CSV times written without an "
    "offset (default: UTC).": (
        "Часовой пояс магазина (IANA, например Europe/Moscow): рабочие часы, недели и время в CSV без смещения "
        "(по умолчанию: UTC).",
        "店铺时区（IANA，例如 Europe/Moscow）：用于工作时间、周以及 CSV 中未带时区偏移的时间（默认：UTC）。"),
    "When waiting chats are measured (default: the latest message).": (
        "На какой момент считать ожидающие чаты (по умолчанию: последнее сообщение).",
        "计算等待中聊天的时间点（默认：最后一条消息）。"),
    "A CSV column by header name or 1-based number; FIELD: time, role, author, chat, order, text, message_id, "
    "image (repeatable).": (
        "Столбец CSV по названию или номеру (с 1); FIELD: time, role, author, chat, order, text, message_id, "
        "image (можно повторять).",
        "按表头名称或序号（从 1 开始）指定 CSV 列；FIELD：time、role、author、chat、order、text、message_id、"
        "image（可重复）。"),
    "Format of the inputs (auto: from the name, else the content).": (
        "Формат входных данных (auto: по имени файла, иначе по содержимому).",
        "输入格式（auto：按文件名判断，否则按内容）。"),
    "Processes (default: the number of cores).": ("Процессы (по умолчанию: число ядер).", "进程数（默认：CPU 核数）。"),
    # ------------------------------------------------------------ reports
    "Found {problems} ({parts}).": ("Найдено: {problems} ({parts}).", "发现 {problems}（{parts}）。"),
    "No problems found.": ("Проблем не найдено.", "未发现问题。"),
    "No problems found in the checked inputs.": ("В проверенных входных данных проблем не найдено.",
                                                 "已检查的输入中未发现问题。"),
    "{inputs} could not be checked: {names}.": ("Не удалось проверить: {inputs} ({names}).",
                                               "{inputs}无法检查：{names}。"),
    "{inputs} skipped (not text): {names}.": ("Пропущено (не текст): {inputs} ({names}).",
                                             "已跳过{inputs}（不是文本）：{names}。"),
    "suggestion: ": ("замена: ", "建议替换："),
    "suggestion (safe fix): ": ("замена (безопасная): ", "建议替换（安全）："),
    "suggestion (unsafe fix, applied with --unsafe-fixes): ": (
        "замена (небезопасная, применяется с --unsafe-fixes): ", "建议替换（不安全，仅在 --unsafe-fixes 时应用）："),
    "suggestion (unsafe: a template reply to check, --unsafe-fixes): ": (
        "замена (небезопасная: шаблон ответа, проверьте его; --unsafe-fixes): ",
        "建议替换（不安全：需要检查的回复模板；--unsafe-fixes）："),
    "(remove «{text}»)": ("(удалить «{text}»)", "（删除「{text}」）"),
    "rewrites:": ("замены:", "改写："),
    "rewrites: none (no automatic fix)": ("замены: нет (автоматического исправления нет)", "改写：无（没有自动修复）"),
    "remove": ("удалить", "删除"),
    "Apply safe fixes: print the fixed draft for --text/stdin (what remains goes to standard error), rewrite files "
    "in place.": (
        "Применить безопасные исправления: для --text и стандартного ввода напечатать исправленный черновик (что "
        "осталось — в стандартный поток ошибок), файлы переписать на месте.",
        "应用安全修复：对 --text 和标准输入打印修复后的草稿（剩余问题输出到标准错误），文件则原地改写。"),
    "Also show and apply unsafe fixes: rewrites that change what the reply promises.": (
        "Показывать и применять также небезопасные исправления: замены, которые меняют то, что обещает ответ.",
        "同时显示并应用不安全的修复：会改变回复承诺内容的改写。"),
    "(remove)": ("(удалить)", "（删除）"),
    " (in {key})": (" (в {key})", "（位于 {key}）"),
    # ------------------------------------------------------------ errors and notes
    "ozonlint: error: {message}": ("ozonlint: ошибка: {message}", "ozonlint：错误：{message}"),
    "invalid rule pack: {reason}": ("ошибка в наборе правил: {reason}", "规则包无效：{reason}"),
    "invalid configuration: {reason}": ("ошибка в конфигурации: {reason}", "配置无效：{reason}"),
    "cannot write {path}: {reason}": ("не удалось записать {path}: {reason}", "无法写入 {path}：{reason}"),
    "nothing to check: give files, --text, or pipe a draft to standard input": (
        "нечего проверять: укажите файлы, --text или передайте черновик на стандартный ввод",
        "没有可检查的内容：请指定文件、--text，或通过标准输入传入草稿"),
    "--statistics works with --format text or json": ("--statistics работает только с --format text или json",
                                                       "--statistics 只能与 --format text 或 json 一起使用"),
    "--fix prints fixed drafts but rewrites files: check drafts and files in separate runs": (
        "--fix печатает исправленные черновики, а файлы переписывает: проверяйте черновики и файлы отдельно",
        "--fix 会输出修正后的草稿、但会直接改写文件：请分别检查草稿和文件"),
    "--jsonl cannot be combined with {options}: it reads its drafts from JSON lines and writes one JSON line "
    "per input line": (
        "--jsonl нельзя сочетать с {options}: черновики читаются из строк JSON, и на каждую выводится одна строка JSON",
        "--jsonl 不能与 {options} 同时使用：它从 JSON 行读取草稿，并为每个输入行输出一行 JSON"),
    "{source}: {lines} could not be checked": ("{source}: не удалось проверить: {lines}", "{source}：{lines}无法检查"),
    "{folder}: not checked: {files} with other suffixes ({suffixes}); add them with --extend-suffixes": (
        "{folder}: не проверено: {files} с другими расширениями ({suffixes}); добавьте их через --extend-suffixes",
        "{folder}：未检查其他扩展名的{files}（{suffixes}）；可用 --extend-suffixes 添加"),
    "wrote {findings} from {inputs} to {path}": ("записано в {path}: находок — {n}, входов — {m}",
                                                "已将 {m} 个输入中的 {n} 个问题写入 {path}"),
    "unknown rule {rule!r}{hint}; see 'ozonlint rules'": ("неизвестное правило {rule!r}{hint}; см. 'ozonlint rules'",
                                                          "未知规则 {rule!r}{hint}；见 'ozonlint rules'"),
    " (did you mean: {ids}?)": (" (возможно: {ids}?)", "（您是否要找：{ids}？）"),
    # the runner's and reader's notes: "path: reason"
    "fixed {n} problem(s)": ("исправлено проблем: {n}", "已修复 {n} 个问题"),
    "skipped: {reason}": ("пропущено: {reason}", "已跳过：{reason}"),
    "binary file (contains NUL bytes)": ("двоичный файл (есть байты NUL)", "二进制文件（含 NUL 字节）"),
    "no such file": ("нет такого файла", "文件不存在"),
    "permission denied": ("нет доступа", "没有权限"),
    "is a directory": ("это папка", "是一个目录"),
    "cannot read: {reason}": ("не удалось прочитать: {reason}", "无法读取：{reason}"),
    "cannot read standard input: {reason}": ("не удалось прочитать стандартный ввод: {reason}",
        "无法读取标准输入：{reason}"),
    "no standard input": ("нет стандартного ввода", "没有标准输入"),
    "not UTF-8 text (invalid byte {byte} at offset {offset}); name the encoding with --encoding": (
        "не текст в UTF-8 (недопустимый байт {byte} по смещению {offset}); укажите кодировку через --encoding",
        "不是 UTF-8 文本（偏移 {offset} 处的字节 {byte} 无效）；请用 --encoding 指定编码"),
    "not {encoding} text (invalid byte {byte} at offset {offset})": (
        "не текст в {encoding} (недопустимый байт {byte} по смещению {offset})",
        "不是 {encoding} 文本（偏移 {offset} 处的字节 {byte} 无效）"),
    "unknown encoding {name}": ("неизвестная кодировка {name}", "未知编码 {name}"),
    "invalid {encoding} at byte {offset}": ("недопустимый {encoding} в байте {offset}",
        "第 {offset} 字节处 {encoding} 无效"),
    "larger than {n} MiB": ("больше {n} МиБ", "大于 {n} MiB"),
    "not verified: {reason}": ("не проверено: {reason}", "未能验证：{reason}"),
    "cannot read the folder: {reason}; its files were not checked": (
        "не удалось прочитать папку: {reason}; её файлы не проверены", "无法读取目录：{reason}；其中的文件未检查"),
    "rule {rule} ran out of time on its examples": ("правилу {rule} не хватило времени на его примеры",
                                                    "规则 {rule} 运行其示例时超时"),
    "cannot load the rule packs: {reason}": ("не удалось загрузить наборы правил: {reason}",
                                             "无法加载规则包：{reason}"),
    "interrupted": ("прервано", "已中断"),
    "cannot write to {stream}: {reason}": ("не удалось записать в {stream}: {reason}", "无法写入{stream}：{reason}"),
    "{stream} is closed": ("{stream}: закрыт", "{stream}已关闭"),
    "standard output": ("стандартный вывод", "标准输出"),
    "standard error": ("стандартный поток ошибок", "标准错误"),
    "terminated": ("остановлено", "已终止"),
    "rule {rule} ran out of time; the draft is not verified": (
        "правилу {rule} не хватило времени; черновик не проверен", "规则 {rule} 超时；草稿未经验证"),
    "not fixed: a symbolic link (to {target}); fix the file it points to": (
        "не исправлено: символическая ссылка (на {target}); исправьте файл, на который она указывает",
        "未修复：这是符号链接（指向 {target}）；请修复它指向的文件"),
    "internal error ({error}); the file was not checked — please report this": (
        "внутренняя ошибка ({error}); файл не проверен — пожалуйста, сообщите о ней",
        "内部错误（{error}）；该文件未检查——请报告此问题"),
    "not checked: the worker process checking it was killed": (
        "не проверено: процесс, проверявший файл, был завершён", "未检查：检查它的工作进程被终止"),
    # baseline files ("path: reason")
    "no such baseline file (create it with 'ozonlint baseline')": (
        "нет такого файла базовой линии (создайте его командой 'ozonlint baseline')",
        "基线文件不存在（可用 'ozonlint baseline' 创建）"),
    "cannot read the baseline: {reason}": ("не удалось прочитать базовую линию: {reason}", "无法读取基线：{reason}"),
    "not a baseline file: {reason}": ("не файл базовой линии: {reason}", "不是基线文件：{reason}"),
    "not an ozonlint baseline (format {format})": ("не базовая линия ozonlint (формат {format})",
                                                   "不是 ozonlint 基线（格式 {format}）"),
    # templates that do not parse ("path:line: reason")
    "unterminated quoted field": ("незакрытые кавычки в поле", "字段的引号未闭合"),
    "no column named {names} in the header": ("в заголовке нет столбца {names}", "表头中没有名为 {names} 的列"),
    "invalid JSON: nested too deeply": ("недопустимый JSON: слишком глубокая вложенность", "JSON 无效：嵌套过深"),
    "invalid YAML: nested too deeply": ("недопустимый YAML: слишком глубокая вложенность", "YAML 无效：嵌套过深"),
    "invalid JSON: {detail}": ("недопустимый JSON: {detail}", "JSON 无效：{detail}"),
    "invalid YAML: {detail}": ("недопустимый YAML: {detail}", "YAML 无效：{detail}"),
    "Expecting value": ("ожидалось значение", "此处应为值"),
    "Expecting property name enclosed in double quotes": ("ожидалось имя свойства в двойных кавычках",
                                                          "此处应为双引号括起的属性名"),
    "Expecting ',' delimiter": ("ожидалась запятая", "此处应为逗号"),
    "Expecting ':' delimiter": ("ожидалось двоеточие", "此处应为冒号"),
    "Unterminated string starting at": ("незакрытая строка", "字符串未闭合"),
    "Invalid control character at": ("недопустимый управляющий символ", "无效的控制字符"),
    "Extra data": ("лишние данные после конца", "结尾处有多余内容"),
    "mapping values are not allowed here": ("здесь нельзя задавать значение ключа", "此处不允许映射值"),
    "could not find expected ':'": ("не найдено ожидаемое ':'", "找不到应有的 ':'"),
    "found unexpected end of stream": ("неожиданный конец файла", "意外的文件结尾"),
    "did not find expected key": ("не найден ожидаемый ключ", "找不到应有的键"),
    "expected {expected}, but got {found}": ("ожидалось {expected}, а встретилось {found}",
                                             "此处应为 {expected}，实际为 {found}"),
    "expected {expected}, but found {found}": ("ожидалось {expected}, а встретилось {found}",
                                               "此处应为 {expected}，实际为 {found}"),
    "line {line}: {reason}": ("строка {line}: {reason}", "第 {line} 行：{reason}"),
    # configuration files ("invalid configuration: path: key: reason")
    "must be a table": ("должно быть таблицей", "必须是一个表"),
    "must be a mapping of settings": ("должно быть словарём настроек", "必须是设置项的映射"),
    "unknown key (one of: {keys})": ("неизвестный ключ (допустимы: {keys})", "未知的键（可用：{keys}）"),
    "unknown key; did you mean {key}?": ("неизвестный ключ; возможно, {key}?", "未知的键；您是否要找 {key}？"),
    "unknown key; the keys are: {keys}": ("неизвестный ключ; допустимые ключи: {keys}", "未知的键；可用的键：{keys}"),
    "must be a list of strings": ("должно быть списком строк", "必须是字符串列表"),
    "{pack}: not a rule pack (a .yaml or .yml file, or a folder)": (
        "{pack}: не набор правил (нужен файл .yaml или .yml либо папка)",
        "{pack}：不是规则包（应为 .yaml 或 .yml 文件，或目录）"),
    "must be a string": ("должно быть строкой", "必须是字符串"),
    "must be one of {values}": ("должно быть одним из: {values}", "必须是以下之一：{values}"),
    "must be error, warning or info": ("должно быть error, warning или info", "必须是 error、warning 或 info"),
    "must be true or false": ("должно быть true или false", "必须是 true 或 false"),
    "must map rule ids or categories to error, warning or info": (
        "должно сопоставлять правилам или категориям error, warning или info",
        "必须把规则 ID 或类别映射到 error、warning 或 info"),
    "must map file globs to lists of rule ids or categories": (
        "должно сопоставлять шаблонам файлов списки правил или категорий",
        "必须把文件通配符映射到规则 ID 或类别的列表"),
    "must be a list of rule ids or categories": ("должно быть списком правил или категорий",
                                                 "必须是规则 ID 或类别的列表"),
    "invalid pattern {pattern}: {reason}": ("недопустимый шаблон {pattern}: {reason}",
                                            "无效的模式 {pattern}：{reason}"),
    "configurations extend each other in a loop": ("конфигурации расширяют друг друга по кругу",
                                                   "配置文件之间循环 extends"),
    "no such configuration file": ("нет такого файла конфигурации", "配置文件不存在"),
    "refused: owned by another user (uid {uid}); use --config or --no-config": (
        "отклонено: файл принадлежит другому пользователю (uid {uid}); используйте --config или --no-config",
        "已拒绝：文件属于其他用户（uid {uid}）；请使用 --config 或 --no-config"),
    "refused: other users may write to it (chmod go-w); use --config or --no-config": (
        "отклонено: другие пользователи могут его изменять (chmod go-w); используйте --config или --no-config",
        "已拒绝：其他用户可以写入该文件（chmod go-w）；请使用 --config 或 --no-config"),
    "refused: it is in a folder other users may write to, so anyone could have put it there; "
    "use --config or --no-config": (
        "отклонено: файл лежит в папке, куда могут писать другие пользователи, и его мог положить кто угодно; "
        "используйте --config или --no-config",
        "已拒绝：该文件位于其他用户可写入的目录中，任何人都可能放置它；请使用 --config 或 --no-config"),
    "unknown rule id, id prefix or category {selector} (did you mean: {ids}?)": (
        "неизвестное правило, префикс id или категория {selector} (возможно: {ids}?)",
        "未知的规则 ID、ID 前缀或类别 {selector}（您是否要找：{ids}？）"),
    "unknown rule id, id prefix or category {selector}": ("неизвестное правило, префикс id или категория {selector}",
                                                          "未知的规则 ID、ID 前缀或类别 {selector}"),
    "cannot write the fixed file: {reason}; the file is unchanged": (
        "не удалось записать исправленный файл: {reason}; файл не изменён",
        "无法写入修正后的文件：{reason}；文件未改动"),
    # ------------------------------------------------------------ rules, explain, test-rules, show-settings
    "RULE": ("ПРАВИЛО", "规则"),
    "CATEGORY": ("КАТЕГОРИЯ", "类别"),
    "SEVERITY": ("УРОВЕНЬ", "严重程度"),
    "KIND": ("ВИД", "类型"),
    "FIX": ("ЗАМЕНА", "可修复"),
    "yes": ("да", "是"),
    "{rules} from {files}.": ("Правил: {n}, файлов: {m}.", "{n} 条规则，来自 {m} 个文件。"),
    "kind {kind}": ("вид {kind}", "类型 {kind}"),
    "defined in {place}": ("определено в {place}", "定义于 {place}"),
    "null (no safe rewrite)": ("null (нет безопасной замены)", "null（没有安全的替换）"),
    "'' (remove the text)": ("'' (удалить текст)", "''（删除该文本）"),
    # a rewrite's scope and applicability (the packs' keywords), in explain
    "token": ("слово", "词"),
    "clause": ("часть предложения", "分句"),
    "sentence": ("предложение", "整句"),
    "reply": ("весь ответ", "整条回复"),
    "safe": ("безопасная", "安全"),
    "unsafe": ("небезопасная", "不安全"),
    "phrases": ("фразы", "短语"),
    "templates": ("шаблоны", "模板"),
    "reported:": ("сообщается:", "会报告："),
    "not reported:": ("не сообщается:", "不会报告："),
    "{rules}, {examples}, {failures}.": ("{rules}, {examples}, {failures}.", "{rules}，{examples}，{failures}。"),
    "input": ("вход", "输入"),
    "configuration file": ("файл конфигурации", "配置文件"),
    "command line": ("командная строка", "命令行"),
    "none": ("нет", "无"),
    "rules": ("правила", "规则"),
    # ------------------------------------------------------------ --help: click's own words
    "Usage:": ("Использование:", "用法："),
    "Options": ("Параметры", "选项"),
    "Commands": ("Команды", "命令"),
    "Arguments": ("Аргументы", "参数"),
    "Show this message and exit.": ("Показать эту справку и выйти.", "显示此帮助并退出。"),
    "default: {default}": ("по умолчанию: {default}", "默认：{default}"),
    "required": ("обязательно", "必填"),
    "Show the version and exit.": ("Показать версию и выйти.", "显示版本并退出。"),
    # ------------------------------------------------------------ click's usage errors (see click_message)
    "Error: {message}": ("Ошибка: {message}", "错误：{message}"),
    "Try '{command} {option}' for help.": ("Справка: '{command} {option}'.", "运行 '{command} {option}' 查看帮助。"),
    "No such option {name}.": ("Нет такого параметра: {name}.", "没有此选项：{name}。"),
    "No such command {name}.": ("Нет такой команды: {name}.", "没有此命令：{name}。"),
    "Missing argument {name}.": ("Не указан аргумент {name}.", "缺少参数 {name}。"),
    "Missing option {name}.": ("Не указан параметр {name}.", "缺少选项 {name}。"),
    "Missing parameter {name}.": ("Не указано значение {name}.", "缺少值 {name}。"),
    "Missing command.": ("Не указана команда.", "缺少命令。"),
    "Invalid value for {param}: {message}": ("Недопустимое значение {param}: {message}", "{param} 的值无效：{message}"),
    "Invalid value: {message}": ("Недопустимое значение: {message}", "值无效：{message}"),
    "{value} is not one of {choices}.": ("{value} — не одно из значений {choices}.", "{value} 不是 {choices} 之一。"),
    "{value} is not {choice}.": ("{value} — не {choice}.", "{value} 不是 {choice}。"),
    "{value} is not a valid integer.": ("{value} — не целое число.", "{value} 不是有效的整数。"),
    "{value} is not a valid float.": ("{value} — не число.", "{value} 不是有效的数字。"),
    "{value} is not a valid integer range.": ("{value} — не целое число.", "{value} 不是有效的整数。"),
    "{value} is not a valid float range.": ("{value} — не число.", "{value} 不是有效的数字。"),
    "{value} is not in the range {range}.": ("{value} вне диапазона {range}.", "{value} 不在范围 {range} 内。"),
    "Option {name} requires an argument.": ("Параметру {name} нужно значение.", "选项 {name} 需要一个值。"),
    "Option {name} requires {nargs} arguments.": ("Параметру {name} нужно значений: {nargs}.",
                                                  "选项 {name} 需要 {nargs} 个值。"),
    "Option {name} does not take a value.": ("Параметр {name} не принимает значения.", "选项 {name} 不接受值。"),
    "Argument {name} takes {nargs} values.": ("Аргумент {name} принимает значений: {nargs}.",
                                              "参数 {name} 需要 {nargs} 个值。"),
    "Got unexpected extra argument ({args})": ("Лишний аргумент ({args})", "多余的参数（{args}）"),
    "Got unexpected extra arguments ({args})": ("Лишние аргументы ({args})", "多余的参数（{args}）"),
    # ------------------------------------------------------------ --help: commands
    "ozonlint: check Ozon sellers' replies to buyers before they are sent.\n\n"
    "Catches external contacts (WhatsApp, WeChat, Telegram, phones, e-mails,\n"
    "links), review bribes, extra payments, off-platform deals, requests for\n"
    "personal data, spam and Chinese text, including disguised spellings.": (
        "ozonlint: проверка ответов продавцов Ozon покупателям до отправки.\n\n"
        "Находит внешние контакты (WhatsApp, WeChat, Telegram, телефоны, e-mail,\n"
        "ссылки), вознаграждение за отзывы, доплаты, сделки вне площадки, запросы\n"
        "персональных данных, спам и китайский текст, в том числе замаскированные.",
        "ozonlint：在发送之前检查 Ozon 卖家给买家的回复。\n\n"
        "找出站外联系方式（WhatsApp、微信、Telegram、电话、邮箱、链接）、好评返现、\n"
        "额外付款、站外交易、索要个人信息、垃圾推销和中文内容，包括各种变形写法。"),
    "Check drafts: files, folders, --text, or standard input ('-' or piped).": (
        "Проверить черновики: файлы, папки, --text или стандартный ввод ('-' или канал).",
        "检查草稿：文件、目录、--text 或标准输入（'-' 或管道）。"),
    "Record today's findings in a baseline file; later runs with it report only new ones.": (
        "Записать сегодняшние находки в файл базовой линии; следующие запуски с ним сообщают только о новых.",
        "把当前的问题记录到基线文件；之后使用它只报告新问题。"),
    "List the rules: id, category, severity, kind, whether they can fix.": (
        "Список правил: id, категория, уровень, вид, есть ли замена.",
        "列出规则：ID、类别、严重程度、类型、能否自动修复。"),
    "Describe one rule: what it catches, why, its messages and examples.": (
        "Описать правило: что оно находит, почему, его сообщения и примеры.",
        "说明一条规则：检查什么、原因、提示和示例。"),
    "Run the examples of every rule in the rule packs at PATHS.": (
        "Выполнить примеры каждого правила в наборах правил PATHS.",
        "运行 PATHS 中规则包里每条规则的示例。"),
    # ------------------------------------------------------------ --help: options
    "Check this text (repeatable).": ("Проверить этот текст (можно повторять).", "检查这段文本（可重复）。"),
    "Language of the messages (default: configuration, $OZONLINT_LANG, the locale, en).": (
        "Язык сообщений (по умолчанию: конфигурация, $OZONLINT_LANG, локаль, en).",
        "提示语言（默认：配置、$OZONLINT_LANG、系统区域设置、en）。"),
    "Only these rule ids, id prefixes or categories.": ("Только эти правила, префиксы id или категории.",
                                                        "只检查这些规则 ID、ID 前缀或类别。"),
    "Add these to the selection.": ("Добавить их к выбранным.", "把这些加入所选规则。"),
    "Skip these rule ids, id prefixes or categories.": ("Пропустить эти правила, префиксы id или категории.",
                                                        "跳过这些规则 ID、ID 前缀或类别。"),
    "Extra rule pack file or folder (repeatable).": ("Дополнительный набор правил: файл или папка (можно повторять).",
                                                     "额外的规则包文件或目录（可重复）。"),
    "A term never reported, e.g. your brand name (repeatable).": (
        "Слово, о котором не сообщать, например название вашего бренда (можно повторять).",
        "永不报告的词，例如您的品牌名（可重复）。"),
    "Use this configuration file.": ("Использовать этот файл конфигурации.", "使用此配置文件。"),
    "Ignore configuration files.": ("Не читать файлы конфигурации.", "忽略配置文件。"),
    "Template mode: placeholders are masked and not reported (default: on for files, off for --text and "
    "standard input).": (
        "Режим шаблонов: подстановки скрываются и не считаются ошибкой (по умолчанию: включён для файлов, "
        "выключен для --text и стандартного ввода).",
        "模板模式：屏蔽占位符且不报告（默认：文件开启，--text 和标准输入关闭）。"),
    "The CSV column that holds the templates.": ("Столбец CSV с шаблонами.", "存放模板的 CSV 列。"),
    "Processes for many files (default: the number of cores).": (
        "Число процессов для многих файлов (по умолчанию: число ядер).", "处理大量文件时的进程数（默认：CPU 核数）。"),
    "Check standard input as if it were this file (its configuration, per-file ignores and format).": (
        "Проверять стандартный ввод как этот файл (его конфигурация, исключения для файлов и формат).",
        "把标准输入当作此文件检查（使用其配置、按文件忽略规则和格式）。"),
    "Skip files matching these globs (instead of the configuration's exclude).": (
        "Пропускать файлы по этим шаблонам (вместо exclude из конфигурации).",
        "跳过匹配这些通配符的文件（替代配置中的 exclude）。"),
    "Skip files matching these globs too.": ("Пропускать и файлы по этим шаблонам.", "同时跳过匹配这些通配符的文件。"),
    "Suffixes of the files a folder walk checks (instead of the default list).": (
        "Расширения файлов, проверяемых при обходе папки (вместо списка по умолчанию).",
        "遍历目录时检查的文件扩展名（替代默认列表）。"),
    "Check files with these suffixes too when walking a folder, e.g. .rst,.html.": (
        "При обходе папки проверять и файлы с этими расширениями, например .rst,.html.",
        "遍历目录时也检查这些扩展名的文件，例如 .rst,.html。"),
    "Read files and standard input in this encoding (default: BOM, UTF-8, Windows-1251).": (
        "Читать файлы и стандартный ввод в этой кодировке (по умолчанию: BOM, UTF-8, Windows-1251).",
        "按此编码读取文件和标准输入（默认：BOM、UTF-8、Windows-1251）。"),
    "Do not read or write the compiled-rules cache.": ("Не использовать кэш скомпилированных правил.",
                                                       "不读写已编译规则的缓存。"),
    'Batch mode: read {"id", "text"} JSON lines, write one result line per input line.': (
        'Пакетный режим: читать строки JSON {"id", "text"}, на каждую выводить одну строку результата.',
        '批处理模式：读取 {"id", "text"} JSON 行，每个输入行输出一行结果。'),
    "Output format (default: text; github under GitHub Actions).": (
        "Формат вывода (по умолчанию: text; github в GitHub Actions).",
        "输出格式（默认：text；在 GitHub Actions 中为 github）。"),
    "Write the report to FILE.": ("Записать отчёт в FILE.", "把报告写入 FILE。"),
    "Lowest severity that makes the exit status 1 (default: configuration, else error).": (
        "Наименьший уровень, при котором код выхода 1 (по умолчанию: конфигурация, иначе error).",
        "使退出码为 1 的最低严重程度（默认：配置，否则 error）。"),
    "Show only findings at or above this severity (default: configuration, else info).": (
        "Показывать только находки этого уровня и выше (по умолчанию: конфигурация, иначе info).",
        "只显示不低于此严重程度的问题（默认：配置，否则 info）。"),
    "Exit 0 even when problems are found (2 still means an error).": (
        "Код выхода 0, даже если найдены проблемы (2 по-прежнему означает ошибку).",
        "即使发现问题也以 0 退出（2 仍表示错误）。"),
    "Print the findings only: no summary, no notes but errors.": (
        "Печатать только находки: без итога и без заметок, кроме ошибок.",
        "只输出问题：不输出汇总，除错误外不输出提示。"),
    "Print how many findings each rule has instead of the findings.": (
        "Вместо находок напечатать, сколько их у каждого правила.", "输出每条规则的问题数量，而不是问题本身。"),
    "Print the configuration files, settings and rules that apply to the first input, then exit.": (
        "Напечатать файлы конфигурации, настройки и правила для первого входа и выйти.",
        "输出适用于第一个输入的配置文件、设置和规则，然后退出。"),
    "Apply safe suggestions: print the fixed text for --text/stdin, rewrite files in place.": (
        "Применить безопасные замены: для --text и стандартного ввода напечатать исправленный текст, "
        "файлы переписать на месте.",
        "应用安全的替换：--text/标准输入输出修正后的文本，文件则原地改写。"),
    "Print the fixes as a unified diff instead of writing them.": (
        "Напечатать исправления в виде unified diff, не записывая их.", "以 unified diff 输出修正，而不写入文件。"),
    "Report only findings not in this baseline file.": ("Сообщать только о находках, которых нет в этой базовой линии.",
                                                       "只报告不在此基线文件中的问题。"),
    "Ignore the baseline named in the configuration.": ("Не использовать базовую линию из конфигурации.",
                                                        "忽略配置中指定的基线。"),
    "Colour the text output (default: on a terminal, unless NO_COLOR is set).": (
        "Цветной вывод (по умолчанию: в терминале, если не задан NO_COLOR).",
        "彩色输出（默认：在终端中开启，除非设置了 NO_COLOR）。"),
    "The baseline file to write.": ("Файл базовой линии для записи.", "要写入的基线文件。"),
    "Output format.": ("Формат вывода.", "输出格式。"),
    "Extra rule pack (repeatable).": ("Дополнительный набор правил (можно повторять).", "额外的规则包（可重复）。"),
    "Language of the messages and the table (default: $OZONLINT_LANG, the locale, en).": (
        "Язык сообщений и таблицы (по умолчанию: $OZONLINT_LANG, локаль, en).",
        "提示和表格的语言（默认：$OZONLINT_LANG、系统区域设置、en）。"),
    "Language of the description (default: $OZONLINT_LANG, the locale, en).": (
        "Язык описания (по умолчанию: $OZONLINT_LANG, локаль, en).",
        "说明的语言（默认：$OZONLINT_LANG、系统区域设置、en）。"),
    "Language of the report (default: $OZONLINT_LANG, the locale, en).": (
        "Язык отчёта (по умолчанию: $OZONLINT_LANG, локаль, en).",
        "报告语言（默认：$OZONLINT_LANG、系统区域设置、en）。"),
}

# Why a rule pack (or a classifier model beside it) is refused, and why a rule
# fails its own examples: the English reasons of RulePackError, PatternError and
# ExampleFailure (the library's API, kept English), translated where the command
# line shows them (``note``). A reason is read back by its best-fitting text and
# its fields in turn ("rule {rule}: {reason}" around "'inflect' must be …"), so
# a wrapper and what it wraps are separate entries; tests/test_conventions.py
# checks that every reason written in the source has one.
RULE_PACK_REASONS: Dict[str, Tuple[str, str]] = {
    # ------------------------------------------------------------ wrappers
    "rule {rule}: {reason}": ("правило {rule}: {reason}", "规则 {rule}：{reason}"),
    "{failure} (and {n} more)": ("{failure} (и ещё {n})", "{failure}（另有 {n} 处）"),
    "invalid classifier model: {reason}": ("недопустимая модель классификатора: {reason}",
                                           "分类器模型无效：{reason}"),
    # ------------------------------------------------------------ files and YAML
    "no such rule pack file or folder": ("нет такого файла или папки с набором правил", "规则包文件或目录不存在"),
    "not a regular file": ("не обычный файл", "不是普通文件"),
    "cannot read the folder: {reason}": ("не удалось прочитать папку: {reason}", "无法读取目录：{reason}"),
    "cannot read {what}: {reason}": ("не удалось прочитать {what}: {reason}", "无法读取{what}：{reason}"),
    "cannot read file: {reason}": ("не удалось прочитать файл: {reason}", "无法读取文件：{reason}"),
    "cannot read classifier model: {reason}": ("не удалось прочитать модель классификатора: {reason}",
                                               "无法读取分类器模型：{reason}"),
    "{what} is larger than {limit} bytes": ("{what}: больше {limit} байт", "{what}大于 {limit} 字节"),
    "file is larger than {limit} bytes": ("файл больше {limit} байт", "文件大于 {limit} 字节"),
    "classifier model is larger than {limit} bytes": ("модель классификатора больше {limit} байт",
                                                      "分类器模型大于 {limit} 字节"),
    "{what} is not UTF-8 text ({reason} at byte {offset})": (
        "{what}: не текст в UTF-8 ({reason}, байт {offset})", "{what}不是 UTF-8 文本（第 {offset} 字节：{reason}）"),
    "file is not UTF-8 text ({reason} at byte {offset})": (
        "файл не в UTF-8 ({reason}, байт {offset})", "文件不是 UTF-8 文本（第 {offset} 字节：{reason}）"),
    "classifier model is not UTF-8 text ({reason} at byte {offset})": (
        "модель классификатора не в UTF-8 ({reason}, байт {offset})",
        "分类器模型不是 UTF-8 文本（第 {offset} 字节：{reason}）"),
    "invalid start byte": ("недопустимый начальный байт", "无效的起始字节"),
    "invalid continuation byte": ("недопустимый байт продолжения", "无效的后续字节"),
    "unexpected end of data": ("неожиданный конец данных", "数据意外结束"),
    "No such file or directory": ("нет такого файла или папки", "文件或目录不存在"),
    "Permission denied": ("нет доступа", "没有权限"),
    "Is a directory": ("это папка", "是一个目录"),
    "Not a directory": ("не папка", "不是目录"),
    "rule pack is too large (more than {n} YAML nodes)": (
        "набор правил слишком велик (больше {n} узлов YAML)", "规则包过大（超过 {n} 个 YAML 节点）"),
    "YAML anchors and aliases are not allowed in rule packs": (
        "якоря и псевдонимы YAML в наборах правил не допускаются", "规则包中不允许使用 YAML 锚点和别名"),
    "mapping keys must be strings, not {key}": ("ключи словаря должны быть строками, а не {key}",
                                                "映射的键必须是字符串，不能是 {key}"),
    "duplicate key {key}": ("повторяется ключ {key}", "重复的键 {key}"),
    # what libyaml says (see also "invalid YAML: {detail}" above)
    "while parsing a block mapping: {problem}": ("в словаре: {problem}", "解析块映射时：{problem}"),
    "while parsing a block collection: {problem}": ("в списке: {problem}", "解析块序列时：{problem}"),
    "while parsing a flow sequence: {problem}": ("в списке [...]: {problem}", "解析流式序列 [...] 时：{problem}"),
    "while parsing a flow mapping: {problem}": ("в словаре {{...}}: {problem}", "解析流式映射 {{...}} 时：{problem}"),
    "while scanning a quoted scalar: {problem}": ("в строке в кавычках: {problem}", "扫描带引号的字符串时：{problem}"),
    "while scanning a simple key: {problem}": ("в ключе: {problem}", "扫描键时：{problem}"),
    "while scanning for the next token: {problem}": ("{problem}", "{problem}"),
    "did not find expected ',' or ']'": ("не найдено ожидаемое ',' или ']'", "找不到应有的 ',' 或 ']'"),
    "did not find expected ',' or '}'": ("не найдено ожидаемое ',' или '}'", "找不到应有的 ',' 或 '}'"),
    "did not find expected '-' indicator": ("не найден ожидаемый знак '-'", "找不到应有的 '-' 标记"),
    "did not find expected node content": ("не найдено ожидаемое значение", "找不到应有的节点内容"),
    "mapping values are not allowed in this context": ("здесь нельзя задавать значение ключа", "此处不允许映射值"),
    "found character that cannot start any token": (
        "символ, с которого не может начинаться значение (например, табуляция или @)",
        "出现了不能作为记号开头的字符（例如制表符或 @）"),
    "found undefined alias": ("ссылка на неопределённый якорь", "引用了未定义的别名"),
    "too many rules ({n}); at most {limit} can be loaded": (
        "слишком много правил ({n}); можно загрузить не больше {limit}", "规则过多（{n} 条）；最多只能加载 {limit} 条"),
    "too many terms ({n}); at most {limit} can be loaded": (
        "слишком много слов ({n}); можно загрузить не больше {limit}", "词语过多（{n} 个）；最多只能加载 {limit} 个"),
    # ------------------------------------------------------------ the pack's layout
    "a rule pack must be a mapping with 'rules' and/or 'vocabularies'": (
        "набор правил должен быть словарём с 'rules' и/или 'vocabularies'",
        "规则包必须是包含 'rules' 和/或 'vocabularies' 的映射"),
    "unknown top-level key {key} (one of: {keys})": ("неизвестный ключ верхнего уровня {key} (допустимы: {keys})",
                                                     "未知的顶层键 {key}（可用：{keys}）"),
    "'rules' must be a list": ("'rules' должно быть списком", "'rules' 必须是列表"),
    "'vocabularies' must be a mapping of name -> list of terms": (
        "'vocabularies' должно сопоставлять имени список слов", "'vocabularies' 必须是“名称 -> 词语列表”的映射"),
    "vocabulary {name} is already defined at {place}": ("словарь {name} уже определён в {place}",
                                                        "词表 {name} 已在 {place} 定义"),
    "vocabulary {name}": ("словарь {name}", "词表 {name}"),
    "{what} must be a list of non-empty strings": ("{what}: нужен список непустых строк",
                                                   "{what} 必须是非空字符串列表"),
    "{what}: {item} was read as a YAML boolean; quote the word (e.g. \"no\", \"on\")": (
        "{what}: {item} прочитано как логическое значение YAML; возьмите слово в кавычки (например, \"no\", \"on\")",
        "{what}：{item} 被读成了 YAML 布尔值；请给该词加引号（例如 \"no\"、\"on\"）"),
    "{what}: {item} is not text; quote it": ("{what}: {item} — не текст; возьмите в кавычки",
                                             "{what}：{item} 不是文本；请加引号"),
    "{what}: empty string": ("{what}: пустая строка", "{what}：空字符串"),
    # ------------------------------------------------------------ a rule
    "each rule must be a mapping": ("каждое правило должно быть словарём", "每条规则都必须是映射"),
    "rule is missing required key {key}": ("в правиле нет обязательного ключа {key}", "规则缺少必需的键 {key}"),
    "rule id {id} must be dotted lower-case words, e.g. 'contact.messenger'": (
        "id правила {id} должен состоять из строчных слов через точку, например 'contact.messenger'",
        "规则 ID {id} 必须是以点分隔的小写单词，例如 'contact.messenger'"),
    "duplicate rule id {id} (first at {place})": ("повторяется id правила {id} (впервые: {place})",
                                                  "重复的规则 ID {id}（首次出现于 {place}）"),
    "unknown category {category} (one of: {values})": ("неизвестная категория {category} (допустимы: {values})",
                                                       "未知类别 {category}（可用：{values}）"),
    "unknown severity {severity} (one of: {values})": ("неизвестный уровень {severity} (допустимы: {values})",
                                                       "未知的严重程度 {severity}（可用：{values}）"),
    "unknown rule kind {kind} (one of: {values})": ("неизвестный вид правила {kind} (допустимы: {values})",
                                                    "未知的规则类型 {kind}（可用：{values}）"),
    "unknown key {key} for a rule of kind {kind} (it takes: {keys})": (
        "неизвестный ключ {key} для правила вида {kind} (допустимы: {keys})",
        "类型为 {kind} 的规则没有键 {key}（可用：{keys}）"),
    "unknown key {key} for a rule of kind {kind} (it takes no parameters)": (
        "неизвестный ключ {key} для правила вида {kind} (у него нет параметров)",
        "类型为 {kind} 的规则没有键 {key}（它不接受参数）"),
    "unknown role {role} (one of: {values})": ("неизвестная роль {role} (допустимы: {values})",
                                               "未知角色 {role}（可用：{values}）"),
    "'suggestion' must be replacement text or null": ("'suggestion' должно быть текстом замены или null",
                                                      "'suggestion' 必须是替换文本或 null"),
    "'description' must be text or a mapping with ru, en and zh texts": (
        "'description' должно быть текстом или словарём с текстами ru, en и zh",
        "'description' 必须是文本，或包含 ru、en、zh 文本的映射"),
    "'{key}' must be a mapping with ru, en and zh texts": ("'{key}' должно быть словарём с текстами ru, en и zh",
                                                          "'{key}' 必须是包含 ru、en、zh 文本的映射"),
    "unknown {key} language {lang} (use ru, en, zh)": ("неизвестный язык {lang} в {key} (допустимы ru, en, zh)",
                                                       "{key} 中有未知语言 {lang}（请用 ru、en、zh）"),
    "{key} is missing its {lang} translation": ("в {key} нет перевода {lang}", "{key} 缺少 {lang} 译文"),
    # examples
    "every rule needs 'examples' with 'bad' and 'good' lists": (
        "каждому правилу нужны 'examples' со списками 'bad' и 'good'",
        "每条规则都需要包含 'bad' 和 'good' 列表的 'examples'"),
    "unknown key {key} in examples (use bad, good)": ("неизвестный ключ {key} в examples (допустимы bad, good)",
                                                      "examples 中有未知的键 {key}（请用 bad、good）"),
    "examples.bad must be a non-empty list": ("examples.bad должно быть непустым списком",
                                              "examples.bad 必须是非空列表"),
    "examples.good must be a non-empty list": ("examples.good должно быть непустым списком",
                                               "examples.good 必须是非空列表"),
    "a bad example is a string or a mapping with 'text' and optional 'match'": (
        "плохой пример — строка или словарь с 'text' и необязательным 'match'",
        "反例必须是字符串，或包含 'text' 和可选 'match' 的映射"),
    "a bad example is a string or a mapping": ("плохой пример — строка или словарь", "反例必须是字符串或映射"),
    "good examples must be strings": ("хорошие примеры должны быть строками", "正例必须是字符串"),
    # a rule's own examples that do not behave (ExampleFailure)
    "bad example is not reported: {text}": ("о плохом примере не сообщается: {text}", "反例未被报告：{text}"),
    "bad example {text} matched {hits}, expected {match}": (
        "плохой пример {text}: найдено {hits}, ожидалось {match}", "反例 {text} 匹配到 {hits}，应为 {match}"),
    "good example is reported ({hits}): {text}": ("о хорошем примере сообщается ({hits}): {text}",
                                                  "正例被报告了（{hits}）：{text}"),
    # ------------------------------------------------------------ rewrites
    "'rewrites' must be a mapping of category -> rewrite": ("'rewrites' должно сопоставлять категории замену",
                                                            "'rewrites' 必须是“类别 -> 改写”的映射"),
    "unknown category {category} in rewrites (one of: {values})": (
        "неизвестная категория {category} в rewrites (допустимы: {values})",
        "rewrites 中有未知类别 {category}（可用：{values}）"),
    "rewrites for {category} are already defined at {place}": ("замены для {category} уже определены в {place}",
                                                               "{category} 的改写已在 {place} 定义"),
    "'rewrite' must be a mapping or a non-empty list of mappings": (
        "'rewrite' должно быть словарём или непустым списком словарей", "'rewrite' 必须是映射或非空的映射列表"),
    "each rewrite is a mapping with scope, ru and en (or remove)": (
        "каждая замена — словарь со scope, ru и en (или remove)",
        "每个改写都必须是包含 scope、ru 和 en（或 remove）的映射"),
    "unknown key {key} in a rewrite (one of: {keys})": ("неизвестный ключ {key} в замене (допустимы: {keys})",
                                                        "改写中有未知的键 {key}（可用：{keys}）"),
    "unknown scope {scope} (one of: {values})": ("неизвестная область {scope} (допустимы: {values})",
                                                 "未知的范围 {scope}（可用：{values}）"),
    "unknown applicability {value} (safe or unsafe)": ("неизвестная применимость {value} (safe или unsafe)",
                                                       "未知的适用性 {value}（safe 或 unsafe）"),
    "a rewrite that removes has no ru/en text": ("у замены, которая удаляет, нет текстов ru/en",
                                                 "删除型改写不能带 ru/en 文本"),
    "{what} must be a mapping with 'ru' and 'en' texts": ("{what}: нужен словарь с текстами 'ru' и 'en'",
                                                         "{what} 必须是包含 'ru' 和 'en' 文本的映射"),
    "{what} needs its {lang} text (\"\" removes)": ("{what}: нужен текст {lang} (\"\" — удалить)",
                                                    "{what} 需要 {lang} 文本（\"\" 表示删除）"),
    "{what}: the 'ru' text has Latin-script words {words}": ("{what}: в тексте 'ru' есть слова латиницей {words}",
                                                             "{what}：'ru' 文本中有拉丁字母的词 {words}"),
    "{what}: the 'en' text has Cyrillic": ("{what}: в тексте 'en' есть кириллица", "{what}：'en' 文本中有西里尔字母"),
    "'phrases' is a mapping of token -> {ru, en}, for scope: token": (
        "'phrases' — словарь «слово -> {ru, en}», для scope: token",
        "'phrases' 是“词 -> {ru, en}”的映射，用于 scope: token"),
    "'templates' is a list, for scope: reply": ("'templates' — список, для scope: reply",
                                                "'templates' 是列表，用于 scope: reply"),
    "a template has 'intent', 'cues', 'ru' and 'en'": ("у шаблона ответа есть 'intent', 'cues', 'ru' и 'en'",
                                                       "模板必须有 'intent'、'cues'、'ru' 和 'en'"),
    "a reply template is always unsafe": ("шаблон ответа всегда небезопасен", "回复模板总是不安全的"),
    "a rewrite needs ru and en texts, remove: true, phrases or templates": (
        "замене нужны тексты ru и en, remove: true, phrases или templates",
        "改写需要 ru 和 en 文本、remove: true、phrases 或 templates"),
    "phrase {phrase}": ("фраза {phrase}", "短语 {phrase}"),
    # a reply template's texts (its "what" is one word, which is not read back alone)
    "template must be a mapping with 'ru' and 'en' texts": ("шаблон ответа: нужен словарь с текстами 'ru' и 'en'",
                                                           "模板必须是包含 'ru' 和 'en' 文本的映射"),
    "template needs its {lang} text (\"\" removes)": ("шаблону ответа нужен текст {lang} (\"\" — удалить)",
                                                     "模板需要 {lang} 文本（\"\" 表示删除）"),
    "template: the 'ru' text has Latin-script words {words}": (
        "шаблон ответа: в тексте 'ru' есть слова латиницей {words}", "模板：'ru' 文本中有拉丁字母的词 {words}"),
    "template: the 'en' text has Cyrillic": ("шаблон ответа: в тексте 'en' есть кириллица",
                                             "模板：'en' 文本中有西里尔字母"),
    "template cues": ("подсказки шаблона", "模板提示词"),
    # ------------------------------------------------------------ a kind's parameters (matchers/params.py)
    "'{name}' must be text": ("значение '{name}' должно быть текстом", "'{name}' 必须是文本"),
    "'{name}' must be a list of strings": ("значение '{name}' должно быть списком строк", "'{name}' 必须是字符串列表"),
    "'{name}' must be a whole number": ("значение '{name}' должно быть целым числом", "'{name}' 必须是整数"),
    "'{name}' must be a number": ("значение '{name}' должно быть числом", "'{name}' 必须是数字"),
    "'{name}' must be true or false": ("значение '{name}' должно быть true или false", "'{name}' 必须是 true 或 false"),
    "'{name}' must be one of {choices}": ("значение '{name}' должно быть одним из: {choices}",
                                          "'{name}' 必须是以下之一：{choices}"),
    "'{name}' must be a term set (a mapping with terms/vocab)": (
        "значение '{name}' должно быть набором слов (словарём с terms/vocab)",
        "'{name}' 必须是词语集合（包含 terms/vocab 的映射）"),
    "'{name}' must be a list of term sets": ("значение '{name}' должно быть списком наборов слов",
                                             "'{name}' 必须是词语集合的列表"),
    "'{name}' must be a term set (terms/vocab)": ("значение '{name}' должно быть набором слов (terms/vocab)",
                                                  "'{name}' 必须是词语集合（terms/vocab）"),
    "'{name}' must be a whole number 0-{top}": ("значение '{name}' должно быть целым числом 0-{top}",
                                                "'{name}' 必须是 0-{top} 的整数"),
    "'{name}' must be >= 1": ("значение '{name}' должно быть >= 1", "'{name}' 必须 >= 1"),
    "'{name}' must be 1-32": ("значение '{name}' должно быть от 1 до 32", "'{name}' 必须在 1-32 之间"),
    "'{name}' must be in (0, 1]": ("значение '{name}' должно быть в (0, 1]", "'{name}' 必须在 (0, 1] 范围内"),
    "'{name}' must be a number between 0 and 1": ("значение '{name}' должно быть числом от 0 до 1",
                                                  "'{name}' 必须是 0 到 1 之间的数字"),
    # ------------------------------------------------------------ what one kind checks (matchers/*.py)
    "unknown vocabulary {name}": ("неизвестный словарь {name}", "未知词表 {name}"),
    "unknown vocabulary {name} (known: {known})": ("неизвестный словарь {name} (известны: {known})",
                                                   "未知词表 {name}（已知：{known}）"),
    "needs 'terms', 'vocab' or 'patterns'": ("нужно 'terms', 'vocab' или 'patterns'",
                                             "需要 'terms'、'vocab' 或 'patterns'"),
    "'sets' must be a list of two or more term sets": ("'sets' должно быть списком из двух и более наборов слов",
                                                       "'sets' 必须是包含两个或更多词语集合的列表"),
    "unknown key {key} in a proximity set": ("неизвестный ключ {key} в наборе proximity",
                                             "proximity 集合中有未知的键 {key}"),
    "unknown view {view} (one of: {values})": ("неизвестное представление {view} (допустимы: {values})",
                                               "未知的视图 {view}（可用：{values}）"),
    "check {check} needs 'names' (a vocabulary of first names)": ("проверке {check} нужно 'names' (словарь имён)",
                                                                   "检查 {check} 需要 'names'（人名词表）"),
    "{name} is not a Unicode script name (e.g. Han, Hangul)": (
        "{name} — не название письменности Unicode (например, Han, Hangul)",
        "{name} 不是 Unicode 文字名称（例如 Han、Hangul）"),
    "unknown script: {reason}": ("неизвестная письменность: {reason}", "未知文字：{reason}"),
    "{domain} is not a domain name": ("{domain} — не доменное имя", "{domain} 不是域名"),
    "{number} in 'allow_numbers' is not a phone number": ("{number} в 'allow_numbers' — не номер телефона",
                                                         "'allow_numbers' 中的 {number} 不是电话号码"),
    # classifier rules and their model files (matchers/classifier.py)
    "'model' must name a .json model file": ("'model' должно называть файл модели .json",
                                             "'model' 必须指定一个 .json 模型文件"),
    "'model' must be {folder}/NAME.json beside the pack, not {name}": (
        "'model' должно быть {folder}/NAME.json рядом с набором правил, а не {name}",
        "'model' 必须是规则包旁边的 {folder}/NAME.json，不能是 {name}"),
    "no model file {path}": ("нет файла модели {path}", "模型文件 {path} 不存在"),
    "the model has no {category} category (it has {categories})": (
        "в модели нет категории {category} (есть: {categories})", "模型中没有类别 {category}（它有：{categories}）"),
    "the file must hold one JSON object": ("в файле должен быть один объект JSON", "文件中必须是一个 JSON 对象"),
    "'format' must be {format}": ("'format' должно быть {format}", "'format' 必须是 {format}"),
    "'categories' must be a list of distinct names": ("'categories' должно быть списком разных имён",
                                                      "'categories' 必须是互不相同的名称列表"),
    "{key} must give every category {what}": ("{key} должно задавать каждой категории {what}",
                                              "{key} 必须为每个类别给出{what}"),
    "{key} must give every category a number": ("{key} должно задавать каждой категории число",
                                                "{key} 必须为每个类别给出一个数字"),
    "{key} must give every category a number between 0 and 1": (
        "{key} должно задавать каждой категории число от 0 до 1", "{key} 必须为每个类别给出一个 0 到 1 之间的数字"),
    "{key} of {category} must be {what}, not {value}": ("{key} для {category} должно быть {what}, а не {value}",
                                                        "{category} 的 {key} 必须是{what}，不能是 {value}"),
    "{key} of {category} must be a number, not {value}": ("{key} для {category} должно быть числом, а не {value}",
                                                          "{category} 的 {key} 必须是数字，不能是 {value}"),
    "{key} of {category} must be a number between 0 and 1, not {value}": (
        "{key} для {category} должно быть числом от 0 до 1, а не {value}",
        "{category} 的 {key} 必须是 0 到 1 之间的数字，不能是 {value}"),
    "'weights' must map features to lists of weights": ("'weights' должно сопоставлять признакам списки весов",
                                                        "'weights' 必须把特征映射到权重列表"),
    "weights of {feature} must be {n} numbers, one per category, each between -{low} and {high}": (
        "веса {feature} должны быть {n} числами, по одному на категорию, каждое от -{low} до {high}",
        "{feature} 的权重必须是 {n} 个数字，每个类别一个，每个都在 -{low} 到 {high} 之间"),
    "'features' must be a mapping": ("'features' должно быть словарём", "'features' 必须是映射"),
    "unknown feature setting {key}": ("неизвестная настройка признаков {key}", "未知的特征设置 {key}"),
    "feature setting {key} must be {what}": ("настройка признаков {key} должна быть {what}",
                                             "特征设置 {key} 必须是{what}"),
    "feature setting {key} must be true or false": ("настройка признаков {key} должна быть true или false",
                                                    "特征设置 {key} 必须是 true 或 false"),
    "feature setting {key} must be a whole number 1-30": ("настройка признаков {key} должна быть целым числом 1-30",
                                                          "特征设置 {key} 必须是 1-30 的整数"),
    "feature setting {key} must be a list of words": ("настройка признаков {key} должна быть списком слов",
                                                      "特征设置 {key} 必须是词语列表"),
    "feature setting {key} must be a mapping of concept names to lists of words": (
        "настройка признаков {key} должна быть словарём: имя понятия -> список слов",
        "特征设置 {key} 必须是概念名称到词语列表的映射"),
    "concepts need format {format}": ("понятиям нужен формат {format}", "概念需要格式 {format}"),
    # ------------------------------------------------------------ patterns (safepattern.py, the regex module)
    "a pattern must be text, not {type}": ("шаблон должен быть текстом, а не {type}", "模式必须是文本，不能是 {type}"),
    "pattern is longer than {n} characters": ("шаблон длиннее {n} символов", "模式长度超过 {n} 个字符"),
    "repeat count {count} is larger than {limit}": ("число повторений {count} больше {limit}",
                                                    "重复次数 {count} 大于 {limit}"),
    "nested repeat counts multiply to {product}, more than {limit}": (
        "вложенные повторения дают {product}, больше {limit}", "嵌套重复次数相乘为 {product}，超过 {limit}"),
    "nested too deeply": ("слишком глубокая вложенность", "嵌套过深"),
    "too large": ("слишком велик", "过大"),
    "{error} at position {position}": ("{error} (позиция {position})", "{error}（位置 {position}）"),
    "missing )": ("не хватает )", "缺少 )"),
    "missing >": ("не хватает >", "缺少 >"),
    "unbalanced parenthesis": ("непарная скобка", "括号不匹配"),
    "nothing to repeat": ("нечего повторять", "没有可重复的内容"),
    "multiple repeat": ("повторение повторения", "重复了重复符"),
    "unterminated character set": ("незакрытый набор символов", "字符集未闭合"),
    "bad character range": ("недопустимый диапазон символов", "无效的字符范围"),
    "bad escape {escape}": ("недопустимая escape-последовательность {escape}", "无效的转义 {escape}"),
    "unknown property": ("неизвестное свойство", "未知属性"),
    "unknown extension": ("неизвестное расширение", "未知扩展"),
    "unknown group": ("неизвестная группа", "未知分组"),
    "invalid group reference": ("недопустимая ссылка на группу", "无效的分组引用"),
    "min repeat greater than max repeat": ("наименьшее число повторений больше наибольшего",
                                           "最小重复次数大于最大重复次数"),
}
CATALOGUE.update(RULE_PACK_REASONS)

# Nouns counted in the output: English (one, many), Russian (one, few, many), Chinese measure word + noun.
_NOUNS: Dict[str, Tuple[Tuple[str, str], Tuple[str, str, str], str]] = {
    "problem": (("problem", "problems"), ("проблема", "проблемы", "проблем"), "个问题"),
    "error": (("error", "errors"), ("ошибка", "ошибки", "ошибок"), "个错误"),
    "warning": (("warning", "warnings"), ("предупреждение", "предупреждения", "предупреждений"), "个警告"),
    "info": (("info", "infos"), ("замечание", "замечания", "замечаний"), "条提示"),
    "input": (("input", "inputs"), ("вход", "входа", "входов"), "个输入"),
    "file": (("file", "files"), ("файл", "файла", "файлов"), "个文件"),
    "line": (("line", "lines"), ("строка", "строки", "строк"), "行"),
    "rule": (("rule", "rules"), ("правило", "правила", "правил"), "条规则"),
    "finding": (("finding", "findings"), ("находка", "находки", "находок"), "个问题"),
    "example": (("example", "examples"), ("пример", "примера", "примеров"), "个示例"),
    "failure": (("failure", "failures"), ("ошибка", "ошибки", "ошибок"), "个失败"),
}


def tr(text: str, lang: str, /, **values: object) -> str:
    """``text`` (the English key) in ``lang``, with ``values`` filled in."""
    forms = CATALOGUE.get(text)
    if forms is not None and lang in ("ru", "zh"):
        text = forms[0] if lang == "ru" else forms[1]
    return text.format(**values) if values else text


def count(n: int, noun: str, lang: str) -> str:
    """``n`` and ``noun`` in the plural form ``lang`` needs: "3 problems", "3 проблемы", "3 个问题"."""
    english, russian, chinese = _NOUNS[noun]
    if lang == "zh":
        return f"{n} {chinese}"
    if lang == "ru":
        if n % 10 == 1 and n % 100 != 11:
            form = russian[0]
        elif 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            form = russian[1]
        else:
            form = russian[2]
        return f"{n} {form}"
    return f"{n} {english[0] if n == 1 else english[1]}"


def join(items: Sequence[str], lang: str) -> str:
    return ("，" if lang == "zh" else ", ").join(items)


# What the default packs' Russian suggestions mean, for readers of the other languages.
GLOSSES: Dict[str, Tuple[str, str]] = {
    "чат Ozon": ("Ozon chat", "即“Ozon 聊天”，回复中请保留俄文"),
    "Пишите нам здесь, в чате Ozon.": ("Message us here in the Ozon chat.", "意为“请在 Ozon 聊天里给我们留言”"),
    "Будем благодарны за ваш честный отзыв.": ("We would be grateful for your honest review.",
                                               "意为“感谢您留下真实的评价”"),
    "Возврат оформляется через Ozon.": ("Returns are arranged through Ozon.", "意为“退货通过 Ozon 办理”"),
    "Доплачивать ничего не нужно: всё оплачивается в заказе на Ozon.": (
        "There is nothing extra to pay: everything is paid in your Ozon order.",
        "意为“无需额外付款：所有费用都在 Ozon 订单中支付”"),
    "Доставку заказов выполняет Ozon.": ("Orders are delivered by Ozon.", "意为“订单由 Ozon 配送”"),
    "Если с заказом что-то не так, напишите нам здесь, в чате Ozon: постараемся помочь.": (
        "If something is wrong with your order, write to us here in the Ozon chat and we will do our best to help.",
        "意为“如果订单有问题，请在 Ozon 聊天里联系我们，我们会尽力帮忙”"),
    "Заказать товар можно здесь, на Ozon.": ("You can order it here on Ozon.", "意为“可以在 Ozon 上下单”"),
    "Заказы мы принимаем только на Ozon.": ("We take orders only on Ozon.", "意为“我们只在 Ozon 上接单”"),
    "Оплатить можно только в заказе на Ozon.": ("Payment is made only in your Ozon order.",
                                                "意为“只能在 Ozon 订单中付款”"),
    "Оформите, пожалуйста, возврат через Ozon в разделе «Мои заказы»: деньги вернутся автоматически.": (
        "Please request the return through Ozon under “My orders”: the money will be refunded automatically.",
        "意为“请在 Ozon 的“我的订单”中申请退货，款项会自动退回”"),
    "Присылать личные данные в чат не нужно.": ("There is no need to send personal data in the chat.",
                                                "意为“无需在聊天中发送个人信息”"),
}


def gloss(suggestion: Optional[str], lang: str) -> Optional[str]:
    """What a Cyrillic suggestion means in ``lang``, in brackets (None for Russian readers or no gloss)."""
    if not suggestion or lang == "ru":
        return None
    meaning = GLOSSES.get(suggestion)
    if meaning is None:
        return None
    return f"({meaning[0]})" if lang == "en" else f"（{meaning[1]}）"


_NOTE_PATTERNS: List[Tuple["re.Pattern[str]", str]] = []
_QUOTED = "|".join((r"'(?:[^'\\\n]|\\.)*'", r'"(?:[^"\\\n]|\\.)*"'))  # a value as repr() quotes it


def _pattern(key: str) -> "re.Pattern[str]":
    """A regular expression that reads the fields of ``key``'s English text back.

    A field takes the least text it can, but a quoted value whole: "invalid pattern
    {pattern}: {reason}" reads 'vx: (' as the pattern, its ": " not the end of it."""
    parts = re.split(r"\{(\w+)(?:!r)?\}", key)
    pattern = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>{_QUOTED}|.+?)" for i, part in enumerate(parts))
    return re.compile(pattern + r"\Z", re.S)


def _note_patterns() -> List[Tuple["re.Pattern[str]", str]]:
    if not _NOTE_PATTERNS:
        for key in CATALOGUE:
            if "{" not in key and " " not in key.strip():
                continue
            fields = set(re.findall(r"\{(\w+)", key))
            if any(set(re.findall(r"\{(\w+)", form)) - fields for form in CATALOGUE[key]):
                continue  # its translations need figures the English text does not hold ("{n}")
            _NOTE_PATTERNS.append((_pattern(key), key))
    return _NOTE_PATTERNS


def note(path: Optional[str], message: str, lang: str) -> str:
    """A ``path: reason`` (or ``path:line: reason``) note with the reason in ``lang`` (left as it is when
    unknown)."""
    if lang == "en" or path is None or not message.startswith(path):
        return message
    where = re.match(r"(?::\d+)?: ", message[len(path):])
    if where is None:
        return message
    head = len(path) + where.end()
    return message[:head] + _reason(message[head:], lang)


def translated(reason: str, lang: str) -> str:
    """An English reason (a configuration's problem, a parser's) in ``lang``, as far as the catalogue knows it."""
    return reason if lang == "en" else _reason(reason, lang)


def untranslated(reason: str) -> List[str]:
    """The parts of an English reason that no catalogue text reads: the whole of it, or, in
    turn, the fields of the text that does (what a new message needs added to the catalogue)."""
    missing: List[str] = []
    _reason(reason, "ru", missing)
    return missing


def _reason(reason: str, lang: str, missing: Optional[List[str]] = None) -> str:
    best = _best_match(_note_patterns(), reason)
    if best is None:
        if missing is not None:
            missing.append(reason)
        return reason
    key, found = best
    values = {name: _reason(value, lang, missing) for name, value in found.groupdict().items()}
    return tr(key.replace("!r", ""), lang, **values)


def _best_match(patterns: Sequence[Tuple["re.Pattern[str]", str]],
                text: str) -> Optional[Tuple[str, "re.Match[str]"]]:
    """The key whose English text matches ``text`` with the most fixed words: "cannot write the
    fixed file: {reason}; …" before "cannot write {path}: {reason}", which matches it too.

    A key that opens with fixed words comes first: it wraps the others, which its fields then
    read ("rule x: 'terms': False was read …" is "rule {rule}: {reason}" around "{what}: {item}
    was read …", not that text with "rule x" for its what)."""
    best: Optional[Tuple[str, "re.Match[str]"]] = None
    fixed: Tuple[bool, int] = (False, -1)
    for pattern, key in patterns:
        found = pattern.match(text)
        if found:
            rank = (not key.startswith("{"), len(re.sub(r"\{\w+(?:!r)?\}", "", key)))
            if rank > fixed:
                best, fixed = (key, found), rank
    return best


# ---------------------------------------------------------------- --help

def width(text: str) -> int:
    """Columns ``text`` takes on a terminal (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


@contextlib.contextmanager
def translated_help(command: click.Command, lang: str) -> Iterator[None]:
    """``command``'s help and its options' help in ``lang`` while the block runs."""
    if lang == "en":
        yield
        return
    saved = [(command, command.help)] + [(p, p.help) for p in command.params if isinstance(p, click.Option)]
    try:
        for owner, text in saved:
            if text:
                owner.help = tr(inspect.cleandoc(text), lang)
        yield
    finally:
        for owner, text in saved:
            owner.help = text


def help_option(option: Optional[click.Option]) -> Optional[click.Option]:
    """click's --help option with its help in the reader's language."""
    if option is not None and option.help:
        option.help = tr(option.help, default_lang())
    return option


class HelpFormatter(click.HelpFormatter):
    """click's formatter with its own words (Usage, Options, Commands) in the reader's language."""

    def write_usage(self, prog: str, args: str = "", prefix: Optional[str] = None) -> None:
        if prefix is None:
            prefix = tr("Usage:", default_lang()) + " "
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(tr(heading, default_lang()))

    def write_dl(self, rows: Iterable[Tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        """The options' table, with click's "[default: …]" and "[required]" in the reader's language."""
        lang = default_lang()
        if lang != "en":
            rows = [(term, _OPTION_EXTRA.sub(lambda m: _option_extra(m.group(1), lang), text)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


_OPTION_EXTRA = re.compile(r"\[((?:default: |required)[^\]]*)\]\Z")


def _option_extra(extra: str, lang: str) -> str:
    parts = []
    for part in extra.split("; "):
        if part.startswith("default: "):
            part = tr("default: {default}", lang, default=part[len("default: "):])
        elif part == "required":
            part = tr("required", lang)
        parts.append(part)
    return "[" + join(parts, lang) + "]"


# ---------------------------------------------------------------- click's usage errors

def click_message(error: click.ClickException, lang: str) -> str:
    """What click says about ``error`` (the text after "Error: "), in ``lang``.

    Built from the error's own fields where click has them (the option, its
    close matches, the parameter), so that it reads the same whichever click
    version made it; the rest is translated as text through the catalogue."""
    if lang not in ("ru", "zh"):
        return error.format_message()
    if isinstance(error, click.NoSuchOption):
        return tr("No such option {name}.", lang, name=repr(error.option_name)) + _did_you_mean(
            error.possibilities, lang)
    if isinstance(error, click.MissingParameter):
        kind = error.param_type or (error.param.param_type_name if error.param is not None else "")
        key = {"argument": "Missing argument {name}.", "option": "Missing option {name}."}.get(
            kind, "Missing parameter {name}.")
        return tr(key, lang, name=_param_hint(error))
    if isinstance(error, click.BadParameter):
        hint = _param_hint(error)
        detail = _value_problem(error.message, lang)
        return (tr("Invalid value for {param}: {message}", lang, param=hint, message=detail) if hint
                else tr("Invalid value: {message}", lang, message=detail))
    unknown = re.match(r"No such command ('.*')\.", error.message)
    if unknown:  # click 8.1 suggests no command; later versions do (NoSuchCommand.possibilities)
        ctx = error.ctx
        possibilities = getattr(error, "possibilities", None)
        if possibilities is None and ctx is not None and isinstance(ctx.command, click.Group):
            import difflib

            possibilities = difflib.get_close_matches(unknown.group(1)[1:-1], ctx.command.list_commands(ctx))
        return tr("No such command {name}.", lang, name=unknown.group(1)) + _did_you_mean(possibilities, lang)
    message = error.format_message()
    best = _best_match(_click_patterns(), message)
    return message if best is None else tr(best[0], lang, **best[1].groupdict())


# What click's parser and types say about the command line, and about one value.
_CLICK_KEYS = ("Option {name} requires an argument.", "Option {name} requires {nargs} arguments.",
               "Option {name} does not take a value.", "Argument {name} takes {nargs} values.",
               "Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})",
               "Missing command.")
_VALUE_KEYS = ("{value} is not one of {choices}.", "{value} is not a valid integer.", "{value} is not a valid float.",
               "{value} is not a valid integer range.", "{value} is not a valid float range.",
               "{value} is not in the range {range}.", "{value} is not {choice}.")
_CLICK_PATTERNS: Dict[str, List[Tuple["re.Pattern[str]", str]]] = {}


def _click_patterns(keys: Sequence[str] = _CLICK_KEYS) -> List[Tuple["re.Pattern[str]", str]]:
    patterns = _CLICK_PATTERNS.get(keys[0])
    if patterns is None:
        patterns = _CLICK_PATTERNS[keys[0]] = [(_pattern(key), key) for key in keys]
    return patterns


def _value_problem(message: str, lang: str) -> str:
    """A click type's complaint about a value ("'xx' is not one of …"), in ``lang``."""
    best = _best_match(_click_patterns(_VALUE_KEYS), message)
    return message if best is None else tr(best[0], lang, **best[1].groupdict())


def _param_hint(error: click.BadParameter) -> str:
    """The parameter as click names it in errors: '--jobs' / '-j', 'RULE_ID'."""
    hint = error.param_hint
    if hint is None and error.param is not None and error.ctx is not None:
        hint = error.param.get_error_hint(error.ctx)
    if hint is None:
        return ""
    return hint if isinstance(hint, str) else " / ".join(repr(part) for part in hint)


def _did_you_mean(possibilities: Optional[Sequence[str]], lang: str) -> str:
    if not possibilities:
        return ""
    return tr(" (did you mean: {ids}?)", lang, ids=join([repr(p) for p in possibilities], lang))
