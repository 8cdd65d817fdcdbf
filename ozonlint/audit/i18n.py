"""Every word the audit says to a person, in Russian, English and Chinese."""
from __future__ import annotations

from typing import Dict

from .records import Note, Problem

# key -> (ru, en, zh); placeholders are str.format fields
_TEXTS: Dict[str, tuple] = {
    # report headings and labels
    "title": ("Аудит магазина: переписка с покупателями", "Shop audit: chats with buyers", "店铺审计：与买家的聊天"),
    "period": ("Период", "Period", "时间范围"),
    "as_of": ("на момент", "as of", "截至"),
    "files": ("Файлы", "Files", "文件"),
    "chats": ("Чаты", "Chats", "聊天"),
    "messages": ("Сообщения", "Messages", "消息"),
    "buyer_messages": ("Сообщения покупателей", "Buyer messages", "买家消息"),
    "seller_messages": ("Сообщения продавца", "Seller messages", "卖家消息"),
    "other_messages": ("Прочие (поддержка, система, курьер)", "Other (support, system, courier)",
                       "其他（客服、系统、快递员）"),
    "images": ("Изображения", "Images", "图片"),
    "skipped": ("Пропущено (ошибки чтения)", "Skipped (unreadable)", "已跳过（无法读取）"),
    "compliance": ("Соблюдение правил", "Compliance", "合规"),
    "checked": ("Проверено сообщений продавца", "Seller messages checked", "已检查的卖家消息"),
    "violating": ("Сообщений с нарушениями", "Messages with violations", "有违规的消息"),
    "violations": ("Нарушений", "Violations", "违规"),
    "errors": ("ошибки", "errors", "错误"),
    "warnings": ("предупреждения", "warnings", "警告"),
    "infos": ("замечания", "info", "提示"),
    "by_category": ("Нарушения по категориям", "Violations by category", "按类别的违规"),
    "by_rule": ("Нарушения по правилам", "Violations by rule", "按规则的违规"),
    "by_manager": ("Менеджеры", "Managers", "客服人员"),
    "by_week": ("Нарушения по неделям", "Violations per week", "每周违规"),
    "by_chat": ("Чаты с наибольшим числом нарушений", "Chats with the most violations", "违规最多的聊天"),
    "worst": ("Худшие сообщения", "Worst messages", "最严重的消息"),
    "repeated": ("Повторяющиеся тексты с нарушениями (один шаблон — одно исправление)",
                 "Repeated texts with violations (one template, one fix)", "重复出现的违规文本（一个模板，一次修正）"),
    "findings": ("Все сообщения с нарушениями", "All messages with violations", "所有违规消息"),
    "findings_more": ("ещё {n} — в отчёте JSON (--format json)", "{n} more in the JSON report (--format json)",
                      "另有 {n} 条见 JSON 报告（--format json）"),
    "category": ("Категория", "Category", "类别"),
    "rule": ("Правило", "Rule", "规则"),
    "severity": ("Важность", "Severity", "严重程度"),
    "manager": ("Менеджер", "Manager", "客服"),
    "unknown_manager": ("(не указан)", "(not named)", "（未注明）"),
    "week": ("Неделя", "Week", "周"),
    "chat": ("Чат", "Chat", "聊天"),
    "time": ("Время", "Time", "时间"),
    "text": ("Текст", "Text", "文本"),
    "count": ("Раз", "Times", "次数"),
    "place": ("Где", "Where", "位置"),
    "share": ("Доля", "Share", "比例"),
    "message": ("Сообщение", "Message", "消息"),
    "response": ("Скорость ответа", "Response times", "回复时效"),
    "clock_wall": ("время считается круглосуточно", "time counted around the clock", "按全天时间计算"),
    "clock_working": ("считаются только рабочие часы: {hours}, {days}, {zone}",
                      "working hours only: {hours}, {days}, {zone}", "仅计算工作时间：{hours}，{days}，{zone}"),
    "response_rate": ("Доля чатов с ответом", "Response rate (chats answered)", "回复率（已回复的聊天）"),
    "first_within": ("Первый ответ в пределах {h} ч", "First response within {h} h", "{h} 小时内首次回复"),
    "messages_within": ("Сообщений покупателей с ответом в пределах {h} ч", "Buyer messages answered within {h} h",
                        "{h} 小时内回复的买家消息"),
    "first_median": ("Медиана первого ответа", "Median first response", "首次回复中位数"),
    "response_median": ("Медиана времени ответа", "Median response time", "回复时间中位数"),
    "response_p90": ("90-й перцентиль времени ответа", "90th percentile response time", "回复时间第 90 百分位"),
    "chats_waiting": ("Чатов ждут ответа", "Chats still waiting", "仍在等待回复的聊天"),
    "chats_overdue": ("из них дольше {h} ч", "of them longer than {h} h", "其中超过 {h} 小时"),
    "waiting_since": ("Ждёт с", "Waiting since", "等待开始于"),
    "waited": ("Ждёт", "Waited", "已等待"),
    "distribution": ("Распределение времени ответа", "Response-time distribution", "回复时间分布"),
    "hours_line": ("норма {h} ч", "{h} h standard", "{h} 小时标准"),
    "answers": ("ответов", "answers", "条回复"),
    "below_80": ("Доля ответов ниже 80 %: магазин не допускается к акциям",
                 "Response rate below 80 %: the shop is barred from promotions",
                 "回复率低于 80%：店铺无法参加促销活动"),
    "none": ("нет", "none", "无"),
    "unknown_roles": ("неизвестные авторы, посчитаны как прочие (не покупатель и не продавец)",
                      "unknown author roles, counted as other (neither buyer nor seller)",
                      "未知的作者角色，按其他计算（既非买家也非卖家）"),
    "no_violations": ("Нарушений не найдено.", "No violations found.", "未发现违规。"),
    "problems": ("Пропущенные строки и файлы", "Skipped rows and files", "已跳过的行和文件"),
    "hours": ("ч", "h", "小时"),
    "minutes": ("мин", "min", "分钟"),
    "seconds": ("с", "s", "秒"),
    "days": ("дн", "d", "天"),
    "generated": ("Отчёт ozonlint {version}", "Report by ozonlint {version}", "由 ozonlint {version} 生成"),
    "details": ("Подробно: --format html или --format json", "Details: --format html or --format json",
                "详情：--format html 或 --format json"),
    "legend_checked": ("проверено", "checked", "已检查"),
    "legend_violating": ("с нарушениями", "with violations", "有违规"),
    # problems met while reading (the detail, when there is one, follows after a colon)
    "bad_json": ("не JSON", "not valid JSON", "不是有效的 JSON"),
    "not_object": ("сообщение должно быть объектом JSON", "a message must be a JSON object", "消息必须是 JSON 对象"),
    "no_role": ("нет автора (user.type или столбец роли)", "no author role (user.type or the role column)",
                "没有作者角色（user.type 或角色列）"),
    "no_time": ("нет времени (created_at)", "no time (created_at)", "没有时间（created_at）"),
    "bad_time": ("не удалось прочитать время", "unreadable time", "无法读取时间"),
    "bad_data": ('"data" должно быть списком строк', '"data" must be a list of strings', '"data" 必须是字符串列表'),
    "no_messages": ('нет списка "messages"', 'no "messages" list', '没有 "messages" 列表'),
    "bad_document": ("ожидался объект чата или список", "expected a chat object or a list", "应为聊天对象或列表"),
    "not_utf8": ("не текст UTF-8", "not UTF-8 text", "不是 UTF-8 文本"),
    "not_utf8_rest": ("не текст UTF-8; остаток файла не прочитан", "not UTF-8 text; the rest of the file was not read",
                      "不是 UTF-8 文本；文件其余部分未读取"),
    "unreadable": ("не удалось прочитать", "cannot read", "无法读取"),
    "bad_gzip": ("повреждённый gzip", "broken gzip data", "gzip 数据损坏"),
    "csv_empty": ("пустой файл CSV", "empty CSV file", "空的 CSV 文件"),
    "csv_missing": ("в заголовке не найдены столбцы (укажите --column ПОЛЕ=ИМЯ)",
                    "the header names no column for (give --column FIELD=NAME)",
                    "表头中没有这些列（请用 --column 字段=名称 指定）"),
    "csv_no_column": ("нет такого столбца", "no such column", "没有这一列"),
    "csv_width": ("число полей в строке не совпадает с заголовком",
                  "the row's number of fields differs from the header's",
                  "该行字段数与表头不一致"),
    "csv_no_roles": ("ни в одной строке не распознан автор (покупатель/продавец) в столбце",
                     "no row names a known author (buyer/seller) in the column",
                     "该列中没有任何一行是已知作者（买家/卖家）"),
    "csv_broken": ("ошибка CSV", "broken CSV", "CSV 格式错误"),
    "no_chat": ("нет идентификатора чата", "no chat id", "没有聊天 ID"),
    # notes and command-line errors
    "note.not_grouped": ("строки разных чатов перемешаны: файл читается целиком, память растёт с его размером "
                         "(отсортируйте по чату, чтобы читать потоком)",
                         "the chats' rows are interleaved: the file is held in memory as a whole "
                         "(sort it by chat to stream it)",
                         "各聊天的行相互交错：整个文件将载入内存（按聊天排序即可流式读取）"),
    "skipped_note": ("пропущено: {n} (строки или файлы, см. выше)", "{n} row(s) or file(s) skipped (see above)",
                     "已跳过 {n} 行或文件（见上文）"),
    "err_column": ("неверный --column {value!r}: нужно ПОЛЕ=ИМЯ, ПОЛЕ одно из {fields}",
                   "bad --column {value!r}: expected FIELD=NAME, FIELD one of {fields}",
                   "--column {value!r} 无效：应为 字段=名称，字段为 {fields} 之一"),
    "err_zone": ("неизвестный часовой пояс {value!r}", "unknown time zone {value!r}", "未知时区 {value!r}"),
    "err_hours": ("неверные рабочие часы {value!r} (пример: 09:00-18:00)",
                  "bad working hours {value!r} (example: 09:00-18:00)", "工作时间 {value!r} 无效（例如 09:00-18:00）"),
    "err_days": ("неверные рабочие дни {value!r} (пример: mon-fri)", "bad working days {value!r} (example: mon-fri)",
                 "工作日 {value!r} 无效（例如 mon-fri）"),
    "err_as_of": ("неверное время --as-of {value!r}", "bad --as-of time {value!r}", "--as-of 时间 {value!r} 无效"),
    "err_no_input": ("нечего проверять: укажите файлы или папки, или передайте историю на стандартный ввод",
                     "nothing to audit: give files or folders, or pipe a history to standard input",
                     "没有可审计的内容：请给出文件或文件夹，或通过标准输入传入聊天记录"),
    "err_no_files": ("не найдено файлов истории (.json, .jsonl, .ndjson, .csv, .tsv, также .gz) в {value}",
                     "no history files (.json, .jsonl, .ndjson, .csv, .tsv, also .gz) in {value}",
                     "在 {value} 中没有找到聊天记录文件（.json、.jsonl、.ndjson、.csv、.tsv，以及 .gz）"),
    "err_missing": ("нет такого файла или папки: {value}", "no such file or folder: {value}",
                    "没有该文件或文件夹：{value}"),
    "err_write": ("не удалось записать {value}: {reason}", "cannot write {value}: {reason}",
                  "无法写入 {value}：{reason}"),
}
LANG_INDEX = {"ru": 0, "en": 1, "zh": 2}
CATEGORY_NAMES = {
    "external-contact": ("внешние контакты", "external contact", "站外联系方式"),
    "review-incentive": ("поощрение за отзыв", "review incentive", "好评诱导"),
    "extra-payment": ("доплата", "extra payment", "额外付款"),
    "off-platform": ("сделка вне Ozon", "off-platform deal", "站外交易"),
    "language": ("язык", "language", "语言"),
    "spam": ("спам", "spam", "垃圾信息"),
    "personal-data": ("персональные данные", "personal data", "个人数据"),
    "style": ("стиль", "style", "风格"),
    "placeholder": ("незаполненный шаблон", "unfilled placeholder", "未填写的占位符"),
}
SEVERITY_NAMES = {"error": ("ошибка", "error", "错误"), "warning": ("предупреждение", "warning", "警告"),
                  "info": ("замечание", "info", "提示")}


def t(key: str, lang: str, **fields: object) -> str:
    text = _TEXTS[key][LANG_INDEX[lang]]
    return text.format(**fields) if fields else text


def category(name: str, lang: str) -> str:
    names = CATEGORY_NAMES.get(name)
    return names[LANG_INDEX[lang]] if names else name


def severity(name: str, lang: str) -> str:
    return SEVERITY_NAMES[name][LANG_INDEX[lang]]


def problem(item: Problem, lang: str) -> str:
    """The reason a row or file was skipped, in ``lang`` (without the place)."""
    text = t(item.key, lang)
    return f"{text}: {item.detail}" if item.detail else text


def note(item: Note, lang: str) -> str:
    return t(item.key, lang)


def duration(seconds_value: float, lang: str) -> str:
    """A short human duration: 45 s, 12 min, 3.5 h, 2.1 d."""
    if seconds_value < 60:
        return f"{seconds_value:g} {t('seconds', lang)}"
    if seconds_value < 3600:
        return f"{seconds_value / 60:.0f} {t('minutes', lang)}"
    if seconds_value < 3 * 86400:
        return f"{seconds_value / 3600:.1f} {t('hours', lang)}"
    return f"{seconds_value / 86400:.1f} {t('days', lang)}"


def percent(value: object) -> str:
    return "—" if value is None else f"{float(value) * 100:.1f} %"  # type: ignore[arg-type]
