"""Every string value of a YAML file, with the file span of each character.

PyYAML's nodes give each scalar's span in the file; inside it, the decoded
value is aligned back to the raw characters: quotes, indentation and line
folding are skipped, escapes in double-quoted strings map as a whole.
"""
from __future__ import annotations

from typing import Any, List, Optional, Tuple

from . import MappedText, Segment, TemplateError

_SIMPLE_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
                   "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
                   "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}
_HEX_LENGTH = {"x": 2, "u": 4, "U": 8}


def _escape_unit(raw: str, j: int) -> Tuple[Optional[str], int]:
    """The character a double-quoted escape at ``raw[j]`` stands for, and where it ends."""
    code = raw[j + 1:j + 2]
    if code in _HEX_LENGTH:
        n = _HEX_LENGTH[code]
        try:
            return chr(int(raw[j + 2:j + 2 + n], 16)), j + 2 + n
        except ValueError:
            return None, j + 1
    if code in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[code], j + 2
    return None, j + 1  # an escaped line break: folding, no character


def _align(value: str, raw: str, offset: int, escapes: bool) -> MappedText:
    """Map each character of ``value`` to the span of ``raw`` it came from."""
    out = MappedText()
    i = 0
    n = len(raw)
    for ch in value:
        j = i
        placed = False
        while j < n:
            if escapes and raw[j] == "\\":
                decoded, end = _escape_unit(raw, j)
                if decoded == ch:
                    out.add(ch, offset + j, offset + end)
                    i = end
                    placed = True
                    break
                if decoded is None:
                    j = end
                    continue
            if raw[j] == ch:
                out.add(ch, offset + j, offset + j + 1)
                i = j + 1
                placed = True
                break
            if raw[j] in " \t\r\n'\"|>-+0123456789" or j == 0:
                j += 1  # quotes, indentation, folding, block indicators
                continue
            break
        if not placed:
            # a character made by folding (a line break read as a space): no file character of its own
            out.add(ch, offset + i, offset + i)
    return out


def _walk(node: Any, path: str, text: str, found: List[Segment]) -> None:
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            _walk(value_node, f"{path}.{key}" if path else str(key), text, found)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, f"{path}[{index}]", text, found)
    elif isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str" and node.value:
        start, end = node.start_mark.index, node.end_mark.index
        style = node.style
        mapped = _align(node.value, text[start:end], start, escapes=style == '"')
        kind = {'"': "yaml-double", "'": "yaml-single"}.get(style or "", "raw")
        if style in ("|", ">"):
            kind = "raw"
        found.append(mapped.segment(path or "$", kind))


def yaml_segments(text: str) -> List[Segment]:
    import yaml

    loader = yaml.SafeLoader(text)
    try:
        documents = []
        while loader.check_node():
            documents.append(loader.get_node())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise TemplateError(f"invalid YAML: {exc.problem or exc}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise TemplateError(f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    found: List[Segment] = []
    for number, root in enumerate(documents):
        _walk(root, "" if len(documents) == 1 else f"[doc {number + 1}]", text, found)
    return found
