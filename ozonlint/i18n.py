"""Every string the command line shows, in Russian, English and Chinese: one catalogue.

The English text is the key (what the code writes, with ``{name}`` fields);
``CATALOGUE`` gives its Russian and Chinese forms. ``count`` says "3 problems"
with each language's plural forms, ``note`` translates the ``path: reason``
notes the runner writes, ``gloss`` says what a Russian suggestion means to a
reader of another language, and ``translated_help`` shows ``--help`` in the
reader's language, and ``click_message`` says click's own usage errors in it.
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
}

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


def _pattern(key: str) -> "re.Pattern[str]":
    """A regular expression that reads the fields of ``key``'s English text back."""
    parts = re.split(r"\{(\w+)(?:!r)?\}", key)
    pattern = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts))
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


def _reason(reason: str, lang: str) -> str:
    best = _best_match(_note_patterns(), reason)
    if best is None:
        return reason
    key, found = best
    values = {name: _reason(value, lang) for name, value in found.groupdict().items()}
    return tr(key.replace("!r", ""), lang, **values)


def _best_match(patterns: Sequence[Tuple["re.Pattern[str]", str]],
                text: str) -> Optional[Tuple[str, "re.Match[str]"]]:
    """The key whose English text matches ``text`` with the most fixed words: "cannot write the
    fixed file: {reason}; …" before "cannot write {path}: {reason}", which matches it too."""
    best: Optional[Tuple[str, "re.Match[str]"]] = None
    fixed = -1
    for pattern, key in patterns:
        found = pattern.match(text)
        if found:
            length = len(re.sub(r"\{\w+(?:!r)?\}", "", key))
            if length > fixed:
                best, fixed = (key, found), length
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
