"""Every input format the audit reads, and bad rows and files reported with their place and skipped."""
from __future__ import annotations

import gzip
import json

import pytest
from test_audit_helpers import CHAT_A, CHAT_B, message, rows

from ozonlint.audit.inputs import Inputs
from ozonlint.audit.json_reader import decode
from ozonlint.audit.readers import read
from ozonlint.audit.records import BUYER, OTHER, SELLER, Chat, Note, Problem, RawLines, parse_time


def read_all(path, columns=None, zone=None, fmt=None):
    found = []
    for source in Inputs([str(path)], fmt):
        for item in read(source, columns or {}, zone):
            found.extend(decode(item, zone) if isinstance(item, RawLines) else [item])
    chats = [x for x in found if isinstance(x, Chat)]
    problems = [x for x in found if isinstance(x, Problem)]
    notes = [x for x in found if isinstance(x, Note)]
    return chats, problems, notes


def write_jsonl(path, items):
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in items), encoding="utf-8")


def test_api_file_chat_id_from_the_file_name_and_roles_case_insensitive(tmp_path):
    raw = {"has_next": False, "messages": [message(2, "seller", "2026-11-17T09:42:10Z", "Да"),
                                           message(1, "CUSTOMER", "2026-11-17T09:00:00Z", "Подойдёт?"),
                                           message(3, "NotificationUser", "2026-11-17T09:50:00Z", "…")]}
    (tmp_path / "chat-77.json").write_text(json.dumps(raw), encoding="utf-8")
    chats, problems, _ = read_all(tmp_path / "chat-77.json")
    assert not problems and [c.chat_id for c in chats] == ["chat-77"]
    assert [m.role for m in chats[0].messages] == [SELLER, BUYER, OTHER]
    assert chats[0].messages[0].place == f"{tmp_path / 'chat-77.json'}: messages[0]"


def test_wrapper_list_and_integer_ids(tmp_path):
    data = [{"chat_id": "x", "messages": [dict(message(None, "Customer", "2026-11-17T09:00:00Z", "a"),
                                               message_id=3000000000817031942)]},
            {"chat_id": "y", "messages": [message(5, "Seller", "2026-11-17T09:00:00Z", "b")]}]
    (tmp_path / "all.json").write_text(json.dumps(data), encoding="utf-8")
    chats, problems, _ = read_all(tmp_path / "all.json")
    assert [c.chat_id for c in chats] == ["x", "y"] and not problems
    assert chats[0].messages[0].message_id == "3000000000817031942"


def test_jsonl_messages_and_chat_objects(tmp_path):
    write_jsonl(tmp_path / "h.jsonl", rows("a", CHAT_A) + [{"chat_id": "b", "messages": CHAT_B}])
    chats, problems, notes = read_all(tmp_path / "h.jsonl")
    assert [(c.chat_id, len(c.messages)) for c in chats] == [("a", 7), ("b", 2)]
    assert not problems and not notes


def test_jsonl_not_grouped_by_chat_gives_the_same_chats_and_a_note(tmp_path):
    a, b = rows("a", CHAT_A), rows("b", CHAT_B)
    write_jsonl(tmp_path / "mixed.jsonl", [a[0], b[0], a[1], b[1]] + a[2:])
    chats, problems, notes = read_all(tmp_path / "mixed.jsonl")
    assert [(c.chat_id, len(c.messages)) for c in chats] == [("a", 7), ("b", 2)]
    assert len(notes) == 1 and notes[0].key == "note.not_grouped"


def test_gzip_and_content_sniffing(tmp_path):
    with gzip.open(tmp_path / "h.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write("".join(json.dumps(x) + "\n" for x in rows("a", CHAT_A)))
    chats, problems, _ = read_all(tmp_path / "h.jsonl.gz")
    assert len(chats[0].messages) == 7 and not problems
    (tmp_path / "noext").write_bytes(gzip.compress(json.dumps({"chat_id": "q", "messages": CHAT_B}).encode()))
    chats, _, _ = read_all(tmp_path / "noext")
    assert chats[0].chat_id == "q"


def test_bad_json_lines_are_reported_with_their_line_and_skipped(tmp_path):
    good = rows("a", CHAT_A)
    lines = [json.dumps(good[0]), "{not json", json.dumps(dict(good[1], created_at="вчера")),
             json.dumps({k: v for k, v in good[2].items() if k != "user"}), json.dumps(good[3])]
    (tmp_path / "h.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    chats, problems, _ = read_all(tmp_path / "h.jsonl")
    path = str(tmp_path / "h.jsonl")
    assert [(p.place, p.key) for p in problems] == [(f"{path}:2", "bad_json"), (f"{path}:3", "bad_time"),
                                                    (f"{path}:4", "no_role")]
    assert len(chats[0].messages) == 2


def test_bad_message_in_an_api_file_and_a_broken_file(tmp_path):
    data = {"chat_id": "a", "messages": [message(1, "Customer", "2026-11-17T09:00:00Z", "a"), {"user": {}},
                                         dict(message(3, "Seller", "2026-11-17T10:00:00Z", "b"), data=[1, 2])]}
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "b.json").write_text('{"messages": [', encoding="utf-8")
    chats, problems, _ = read_all(tmp_path)
    assert [(p.place.replace(str(tmp_path), ""), p.key) for p in problems] == [
        ("/a.json: messages[1]", "no_role"), ("/a.json: messages[2]", "bad_data"), ("/b.json:1", "bad_json")]
    assert len(chats) == 1 and len(chats[0].messages) == 1


CSV_RU = ("Дата;ID чата;Номер заказа;Роль;Менеджер;Сообщение\n"
          "17.11.2026 12:00:00;a;1-1;Покупатель;;Здравствуйте, подойдёт?\n"
          "17.11.2026 13:30:00;a;1-1;Продавец;Анна;\"Добрый день; да, подойдёт\"\n")


@pytest.mark.parametrize("text", [
    CSV_RU,
    "time,chat id,order number,role,manager,message\n"
    "2026-11-17 09:00:00,a,1-1,customer,,Hi\n2026-11-17 10:30:00,a,1-1,seller,Анна,\"Hello, yes\"\n",
    "时间,聊天ID,订单号,角色,客服,消息\n2026-11-17T09:00:00Z,a,1-1,买家,,你好\n2026-11-17T10:30:00Z,a,1-1,卖家,Анна,好的\n",
])
def test_csv_headers_in_three_languages(tmp_path, text):
    from ozonlint.audit.hours import load_zone

    (tmp_path / "e.csv").write_text(text, encoding="utf-8-sig")
    chats, problems, _ = read_all(tmp_path / "e.csv", zone=load_zone("Europe/Moscow") if "Дата" in text else None)
    assert not problems
    (chat,) = chats
    assert [(m.role, m.author, m.order) for m in chat.messages] == [(BUYER, None, "1-1"), (SELLER, "Анна", "1-1")]
    assert chat.messages[0].time == parse_time("2026-11-17T09:00:00Z")
    assert chat.messages[1].place == f"{tmp_path / 'e.csv'}:3"


def test_csv_columns_given_by_option_and_one_chat_per_file(tmp_path):
    (tmp_path / "chat-9.csv").write_text("when|who|what\n2026-11-17T09:00:00Z|Customer|a\n"
                                         "2026-11-17T09:05:00Z|Seller|b\n", encoding="utf-8")
    chats, problems, _ = read_all(tmp_path / "chat-9.csv", {"time": "when", "role": "2", "text": "what"})
    assert not problems and chats[0].chat_id == "chat-9" and [m.text for m in chats[0].messages] == ["a", "b"]


def test_csv_without_the_needed_columns_is_one_problem(tmp_path):
    (tmp_path / "x.csv").write_text("foo,bar\n1,2\n", encoding="utf-8")
    chats, problems, _ = read_all(tmp_path / "x.csv")
    assert not chats and [(p.place, p.key) for p in problems] == [(f"{tmp_path / 'x.csv'}:1", "csv_missing")]


def test_csv_bad_rows_reported_with_their_line(tmp_path):
    text = CSV_RU + "не дата;a;1-1;Покупатель;;x\n17.11.2026 14:00:00;a;1-1;Продавец\n"
    text += '17.11.2026 15:00:00;a;1-1;Продавец;Анна;"две\nстроки"\n17.11.2026 16:00:00;a;1-1;;;y\n'
    (tmp_path / "e.csv").write_text(text, encoding="utf-8")
    chats, problems, _ = read_all(tmp_path / "e.csv")
    path = str(tmp_path / "e.csv")
    assert [(p.place, p.key) for p in problems] == [(f"{path}:4", "bad_time"), (f"{path}:5", "csv_width"),
                                                    (f"{path}:8", "no_role")]
    assert [m.text for m in chats[0].messages][-1] == "две\nстроки"


def test_csv_in_windows_1251(tmp_path):
    (tmp_path / "e.csv").write_bytes(CSV_RU.encode("cp1251"))
    chats, problems, _ = read_all(tmp_path / "e.csv")
    assert not problems and chats[0].messages[1].author == "Анна"


def test_unreadable_file_is_a_problem(tmp_path):
    (tmp_path / "bad.json.gz").write_bytes(b"\x1f\x8bnot really gzip")
    chats, problems, _ = read_all(tmp_path / "bad.json.gz")
    assert not chats and problems[0].key == "bad_gzip"
