"""Every string value of a YAML file, with the file span of each character.

PyYAML's scanner gives each scalar's own span in the file (after any anchor
``&a`` or tag ``!!str``, which belong to the node, not to the text); inside
it, the decoded value is aligned back to the raw characters: quotes,
indentation, line folding and a block scalar's header line (``|  # note``)
are skipped, escapes in double-quoted strings map as a whole.

Each node is visited once: an alias (``*a``) is the anchored value again, so
it is neither reported twice nor expanded — a file of nested aliases
("billion laughs") costs what its text costs. The scanner also records the
file's real comments, so that a ``#`` inside a string value is text, never a
suppression comment.

A value is written back by :meth:`YamlScalar.rewrite`, which keeps it a
string: the new text is spliced in the scalar's own style when that reads
back as exactly the new value, else the scalar is written double-quoted, and
refused if even that does not read back.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Set, Tuple

from . import MappedText, Segment, TemplateError, splice

STR_TAG = "tag:yaml.org,2002:str"
# Tags whose values are not text: every other scalar (plain strings, !!str,
# an application's own !tag) is checked as a template.
_NOT_TEXT = {"tag:yaml.org,2002:" + name for name in
             ("int", "float", "bool", "null", "timestamp", "binary", "merge", "value")}
_LINE_BREAKS = "\r\n\x85\u2028\u2029"
_SIMPLE_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
                   "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
                   "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}
_WRITE_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0",
                  "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}
_HEX_LENGTH = {"x": 2, "u": 4, "U": 8}


def _loader(text: str) -> Any:
    """A SafeLoader over ``text`` that records comments and each scalar token's own span."""
    import yaml

    class Loader(yaml.SafeLoader):
        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.comments: List[Tuple[int, int]] = []
            self.scalar_start: Dict[int, int] = {}  # end index of a scalar token -> its start index

        def get_token(self) -> Any:
            token = super().get_token()  # type: ignore[no-untyped-call]
            if isinstance(token, yaml.ScalarToken):
                self.scalar_start[token.end_mark.index] = token.start_mark.index
            return token

        def _skip_comment(self) -> None:
            start = self.index
            while self.peek() not in "\0" + _LINE_BREAKS:
                self.forward()
            self.comments.append((start, self.index))

        def scan_to_next_token(self) -> None:  # PyYAML's, recording the comments it skips
            if self.index == 0 and self.peek() == "\ufeff":
                self.forward()
            while True:
                while self.peek() == " ":
                    self.forward()
                if self.peek() == "#":
                    self._skip_comment()
                if self.scan_line_break():  # type: ignore[no-untyped-call]
                    if not self.flow_level:
                        self.allow_simple_key = True
                else:
                    return

        def scan_block_scalar_ignored_line(self, start_mark: Any) -> None:
            while self.peek() == " ":
                self.forward()
            if self.peek() == "#":
                self._skip_comment()
            super().scan_block_scalar_ignored_line(start_mark)

    return Loader(text)


# The last file composed, with its comments and scalar starts: a fix composes
# the fixed text to compare its shape, and the next pass checks that same text.
# One entry, replaced whole (safe across threads); nodes are never changed.
_last: Tuple[str, Any] = ("", None)


def _compose_all(text: str, comments: Optional[List[Tuple[int, int]]] = None) -> Tuple[List[Any], Dict[int, int]]:
    global _last
    last_text, last = _last
    if last is not None and last_text == text:
        documents, scalar_start, found = last
        if comments is not None:
            comments.extend(found)
        return documents, scalar_start
    documents, scalar_start, found = _compose(text)
    _last = (text, (documents, scalar_start, found))
    if comments is not None:
        comments.extend(found)
    return documents, scalar_start


def _compose(text: str) -> Tuple[List[Any], Dict[int, int], List[Tuple[int, int]]]:
    import yaml

    loader = _loader(text)
    try:
        documents = []
        while loader.check_node():
            documents.append(loader.get_node())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise TemplateError(f"invalid YAML: {exc.problem or exc}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise TemplateError(f"invalid YAML: {exc}") from None
    except RecursionError:
        raise TemplateError("invalid YAML: nested too deeply") from None
    finally:
        loader.dispose()
    return documents, loader.scalar_start, loader.comments


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


def _align(value: str, raw: str, offset: int, style: Optional[str]) -> MappedText:
    """Map each character of ``value`` to the span of ``raw`` (the scalar token) it came from."""
    out = MappedText()
    i = 0
    if style in ("|", ">"):
        # the header line (indicators and maybe a comment) holds no text
        while i < len(raw) and raw[i] not in _LINE_BREAKS:
            i += 1
    elif style in ('"', "'"):
        i = 1
    skip = " \t" + _LINE_BREAKS + ("'" if style == "'" else "")
    n = len(raw)
    for ch in value:
        j = i
        placed = False
        while j < n:
            if style == '"' and raw[j] == "\\":
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
            if raw[j] in skip:
                j += 1  # indentation, folding, a doubled quote
                continue
            break
        if not placed:
            # a character made by folding (a line break read as a space): no file character of its own
            out.add(ch, offset + i, offset + i)
    return out


def _double_quoted(value: str) -> str:
    return '"' + "".join(_WRITE_ESCAPES.get(ch) or (ch if ch.isprintable() else _hex_escape(ch))
                         for ch in value) + '"'


def _hex_escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


class YamlScalar(Segment):
    """A YAML string value: knows its token's span, style and context to write a new value back."""

    __slots__ = ("file_text", "token_start", "token_end", "yaml_style", "in_flow")

    def __init__(self, mapped: MappedText, key: str, file_text: str, token_start: int, token_end: int,
                 yaml_style: Optional[str], in_flow: bool) -> None:
        style = {'"': "yaml-double", "'": "yaml-single"}.get(yaml_style or "", "raw")
        super().__init__("".join(mapped.chars), 0, mapped.starts, mapped.ends, key, style)
        self.file_text = file_text  # the file the spans point into (shared by its segments, never changed)
        self.token_start = token_start
        self.token_end = token_end
        self.yaml_style = yaml_style
        self.in_flow = in_flow

    def value_start(self) -> Optional[int]:
        return self.token_start  # a block scalar's header line, before its first line of text

    def rewrite(self, edits: Sequence[Tuple[int, int, str]]) -> Optional[List[Tuple[int, int, str]]]:
        value = splice(self.source, edits)
        for raw in (self._spliced(edits), self._quoted(value)):
            if raw is not None and self._reads_back(raw, value):
                return [(self.token_start, self.token_end, raw)]
        return None

    def _raw(self) -> str:
        return self.file_text[self.token_start:self.token_end]

    def _spliced(self, edits: Sequence[Tuple[int, int, str]]) -> Optional[str]:
        """The token with each edit written in the scalar's own style (None: that style cannot hold it)."""
        parts, pos = [], self.token_start
        raw = self._raw()
        for start, end, replacement in edits:
            if self.yaml_style == '"':
                written = _double_quoted(replacement)[1:-1]
            elif any(ch in _LINE_BREAKS or not ch.isprintable() for ch in replacement):
                return None  # only a double-quoted scalar can hold it
            elif self.yaml_style == "'":
                written = replacement.replace("'", "''")
            else:
                written = replacement
            file_start, file_end = self.file_span(start, end)
            if not self.token_start <= file_start <= file_end <= self.token_end:
                return None
            parts.append(raw[pos - self.token_start:file_start - self.token_start])
            parts.append(written)
            pos = file_end
        parts.append(raw[pos - self.token_start:])
        return "".join(parts)

    def _quoted(self, value: str) -> str:
        raw = self._raw()
        tail = raw[len(raw.rstrip(" \t" + _LINE_BREAKS)):] if self.yaml_style in ("|", ">") else ""
        return _double_quoted(value) + tail  # a block scalar's token ends with its line breaks: keep them

    def _reads_back(self, raw: str, value: str) -> bool:
        """Whether ``raw``, in this scalar's context, reads as the string ``value`` and nothing else."""
        import yaml

        document = f"[{raw}]" if self.in_flow else f"x: {raw}"
        try:
            # the C loader when there is one (a value is small, a loader costly to set up); the
            # whole file is still read back by the pure one (same_structure) before it is written
            root = yaml.compose(document, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except (yaml.YAMLError, RecursionError):
            return False
        if root is None or len(root.value) != 1:
            return False
        node = root.value[0] if self.in_flow else root.value[0][1]
        return isinstance(node, yaml.ScalarNode) and node.tag == STR_TAG and node.value == value


def _walk(root: Any, path: str, text: str, scalar_start: Dict[int, int], found: List[Segment]) -> None:
    """Every text scalar under ``root``, each node once (an alias is its anchor's node again)."""
    import yaml

    seen: Set[int] = set()
    stack: List[Tuple[Any, str, bool]] = [(root, path, False)]
    while stack:
        node, where, in_flow = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            children = []
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
                children.append((value_node, f"{where}.{key}" if where else str(key), bool(node.flow_style)))
            stack.extend(reversed(children))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed([(item, f"{where}[{index}]", bool(node.flow_style))
                                   for index, item in enumerate(node.value)]))
        elif isinstance(node, yaml.ScalarNode) and node.tag not in _NOT_TEXT and node.value:
            end = node.end_mark.index
            start = scalar_start.get(end, node.start_mark.index)
            mapped = _align(node.value, text[start:end], start, node.style)
            found.append(YamlScalar(mapped, where or "$", text, start, end, node.style, in_flow))


def yaml_segments(text: str, comments: Optional[List[Tuple[int, int]]] = None) -> List[Segment]:
    """The text values of a YAML file; its comments' file spans are added to ``comments``."""
    documents, scalar_start = _compose_all(text, comments)
    found: List[Segment] = []
    for number, root in enumerate(documents):
        _walk(root, "" if len(documents) == 1 else f"[doc {number + 1}]", text, scalar_start, found)
    return found


def yaml_shape(text: str) -> List[Tuple[str, str, int]]:
    """Each node once, in order: its kind, its resolved tag, and how many children it has."""
    import yaml

    documents, _ = _compose_all(text)
    shape: List[Tuple[str, str, int]] = []
    seen: Set[int] = set()
    stack = list(reversed(documents))
    while stack:
        node = stack.pop()
        if id(node) in seen:
            shape.append(("alias", node.tag, 0))
            continue
        seen.add(id(node))
        children: List[Any] = []
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        shape.append((type(node).__name__, node.tag, len(children)))
        stack.extend(reversed(children))
    return shape
