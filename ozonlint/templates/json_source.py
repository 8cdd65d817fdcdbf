"""Every string value of a JSON file, with the file span of each character."""
from __future__ import annotations

import json
from typing import List, Optional, Union

from . import MappedText, Segment, TemplateError

_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def _decode_string(text: str, start: int) -> tuple:
    """Decode the JSON string whose opening quote is at ``start``: (MappedText, end)."""
    out = MappedText()
    i = start + 1
    while True:
        ch = text[i]
        if ch == '"':
            return out, i + 1
        if ch == "\\":
            code = text[i + 1]
            if code == "u":
                value = int(text[i + 2:i + 6], 16)
                end = i + 6
                if 0xD800 <= value < 0xDC00 and text[end:end + 2] == "\\u":
                    low = int(text[end + 2:end + 6], 16)
                    if 0xDC00 <= low < 0xE000:
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                        end += 6
                out.add(chr(value), i, end)
                i = end
            else:
                out.add(_ESCAPES[code], i, i + 2)
                i += 2
        else:
            out.add(ch, i, i + 1)
            i += 1


def _path(stack: List[list]) -> str:
    parts = []
    for frame in stack:
        if frame[0] == "obj":
            if frame[1] is not None:
                parts.append(("." if parts else "") + frame[1])
        else:
            parts.append(f"[{frame[1]}]")
    return "".join(parts) or "$"


def json_segments(text: str) -> List[Segment]:
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise TemplateError(f"invalid JSON: {exc.msg}", exc.lineno) from None
    except RecursionError:
        raise TemplateError("invalid JSON: nested too deeply") from None
    found: List[Segment] = []
    stack: List[list] = []   # ["obj", key, expecting_key] or ["arr", index]
    i, size = 0, len(text)
    while i < size:
        ch = text[i]
        if ch == '"':
            mapped, end = _decode_string(text, i)
            frame: Optional[list] = stack[-1] if stack else None
            if frame is not None and frame[0] == "obj" and frame[2]:
                frame[1] = "".join(mapped.chars)
                frame[2] = False
            else:
                found.append(mapped.segment(_path(stack), "json"))
            i = end
            continue
        if ch == "{":
            if stack and stack[-1][0] == "arr":
                pass
            stack.append(["obj", None, True])
        elif ch == "[":
            stack.append(["arr", 0])
        elif ch in "}]":
            stack.pop()
        elif ch == ",":
            top: Union[list, None] = stack[-1] if stack else None
            if top is not None:
                if top[0] == "obj":
                    top[2] = True
                else:
                    top[1] += 1
        i += 1
    return found
