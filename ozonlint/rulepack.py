"""Load and validate YAML rule packs; every error names the file, the line and the reason.

A pack file holds ``rules:`` (a list of rules) and/or ``vocabularies:`` (named
term lists that rules of any loaded pack refer to by name). Validation is
strict: unknown keys, a wrong category or severity, a missing translation, an
unknown vocabulary or an invalid pattern stop the load with a
:class:`RulePackError`. Whether each rule passes its own examples is checked
by the engine once the rules are compiled (see ``Linter.self_test``).
"""
from __future__ import annotations

import os
from typing import Any, Dict, Iterable, Iterator, List, NamedTuple, Optional, Sequence, Tuple

from .lazyre import lazy_re
from .model import LANGUAGES, Category, Severity


def default_rules_dir() -> str:
    """The shipped packs: inside the installed package, or ``rules/`` of a source checkout."""
    here = os.path.dirname(os.path.realpath(__file__))
    installed = os.path.join(here, "rules")
    return installed if os.path.isdir(installed) else os.path.join(os.path.dirname(here), "rules")


MAX_PACK_BYTES = 1024 * 1024
MAX_NODES = 100_000
# Bounds that keep a hostile or runaway pack from costing minutes and gigabytes.
MAX_RULES = 2_000
MAX_TERMS = 200_000


class RulePackError(Exception):
    """An invalid rule pack: ``path:line: reason``."""

    def __init__(self, path: str, line: Optional[int], reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")


class Node(dict):  # type: ignore[type-arg]
    """A YAML mapping that remembers the line of itself and of each key."""

    line: int = 0
    key_lines: Dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


_loader: Any = None


def _loader_class() -> Any:
    """A safe YAML loader that records the line of every mapping and key.

    Built on first use, so that ``import ozonlint`` does not import PyYAML when
    the compiled rule packs come from the cache."""
    global _loader
    if _loader is not None:
        return _loader
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ~10x faster

    class LineLoader(base):  # type: ignore[misc,valid-type]
        def construct_mapping(self, node: Any, deep: bool = False) -> Node:  # type: ignore[override]
            mapping = Node()
            mapping.line = node.start_mark.line + 1
            mapping.key_lines = {}
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=deep)
                if not isinstance(key, str):
                    raise RulePackError(self.name, key_node.start_mark.line + 1,
                                        f"mapping keys must be strings, not {key!r}")
                if key in mapping:
                    raise RulePackError(self.name, key_node.start_mark.line + 1,
                                        f"duplicate key {key!r}")
                mapping[key] = self.construct_object(value_node, deep=deep)
                mapping.key_lines[key] = key_node.start_mark.line + 1
            return mapping

    LineLoader.add_constructor("tag:yaml.org,2002:map", LineLoader.construct_mapping)
    _loader = LineLoader
    return LineLoader


def _check_node_graph(root: Any, path: str) -> None:
    """Refuse aliases (YAML bombs) and absurdly large documents before building them."""
    import yaml

    seen = set()
    stack = [root]
    count = 0
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise RulePackError(path, node.start_mark.line + 1,
                                "YAML anchors and aliases are not allowed in rule packs")
        seen.add(id(node))
        count += 1
        if count > MAX_NODES:
            raise RulePackError(path, None, f"rule pack is too large (more than {MAX_NODES} YAML nodes)")
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def load_yaml(path: str, text: Optional[str] = None) -> Any:
    """Parse one YAML document safely, with line numbers on mappings."""
    if text is None:
        try:
            with open(path, "rb") as fh:
                raw = fh.read(MAX_PACK_BYTES + 1)
        except OSError as exc:
            raise RulePackError(path, None, f"cannot read: {exc.strerror or exc}") from None
        if len(raw) > MAX_PACK_BYTES:
            raise RulePackError(path, None, f"file is larger than {MAX_PACK_BYTES} bytes")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise RulePackError(path, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    import yaml

    loader = _loader_class()(text)
    loader.name = path
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        _check_node_graph(root, path)
        return loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or str(exc)
        if exc.context:
            reason = f"{exc.context}: {reason}"
        raise RulePackError(path, line, f"invalid YAML: {reason}") from None
    except yaml.YAMLError as exc:
        raise RulePackError(path, None, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()


# ------------------------------------------------------------------ schema

RULE_KINDS = ("terms", "pattern", "proximity", "script", "language",
              "phone", "email", "url", "handle", "card", "classifier")

COMMON_KEYS = {"id", "category", "severity", "message", "kind", "suggestion",
               "examples", "description", "enabled"}
CONTEXT_KEYS = {"unless_preceded_by", "unless_followed_by", "preceded_by", "followed_by"}
NEGATION_KEYS = {"negation", "negation_after", "negation_sentence", "negation_window"}
TERM_SET_KEYS = {"terms", "vocab", "patterns", "inflect"} | NEGATION_KEYS | CONTEXT_KEYS
KIND_KEYS: Dict[str, set] = {
    "terms": TERM_SET_KEYS,
    "pattern": {"patterns", "view", "requires", "gate", "prefilter"} | CONTEXT_KEYS,
    "proximity": {"sets", "within", "same_sentence"} | NEGATION_KEYS,
    "script": {"scripts", "min_chars"},
    "language": {"allow", "min_letters", "min_probability", "foreign_words"},
    "phone": {"context", "unless_preceded_by"},
    "email": {"allow_domains"},
    "url": {"allow_domains"},
    "handle": {"min_length", "allow"},
    "card": set(),
    "classifier": {"model", "threshold"},
}
PACK_KEYS = {"rules", "vocabularies", "pack", "description"}


class RuleSpec(NamedTuple):
    """A validated rule as written in its pack (compiled later by the engine)."""

    id: str
    category: str
    severity: str
    messages: Dict[str, str]
    kind: str
    params: Dict[str, Any]
    suggestion: Optional[str]
    bad_examples: List[Any]
    good_examples: List[str]
    description: str
    enabled: bool
    path: str
    line: int
    key_lines: Optional[Dict[str, int]] = None

    def line_of(self, key: str) -> int:
        return (self.key_lines or {}).get(key, self.line)


class RuleSet:
    """Everything loaded from a set of packs: rules in load order and vocabularies."""

    def __init__(self) -> None:
        self.rules: List[RuleSpec] = []
        self.vocabularies: Dict[str, List[str]] = {}
        self.vocabulary_origin: Dict[str, Tuple[str, int]] = {}
        self.files: List[str] = []


def _expect(cond: bool, path: str, line: int, reason: str) -> None:
    if not cond:
        raise RulePackError(path, line, reason)


def _string_list(value: Any, path: str, line: int, what: str) -> List[str]:
    if isinstance(value, str):
        value = [value]
    _expect(isinstance(value, list), path, line, f"{what} must be a list of non-empty strings")
    for item in value:
        if isinstance(item, bool):
            raise RulePackError(path, line, f"{what}: {item!r} was read as a YAML boolean; "
                                            f"quote the word (e.g. \"no\", \"on\")")
        _expect(isinstance(item, str), path, line, f"{what}: {item!r} is not text; quote it")
        _expect(item != "", path, line, f"{what}: empty string")
    return list(value)


def _validate_vocabularies(data: Node, path: str, ruleset: RuleSet) -> None:
    vocabs = data["vocabularies"]
    _expect(isinstance(vocabs, Node), path, data.line_of("vocabularies"),
            "'vocabularies' must be a mapping of name -> list of terms")
    for name, terms in vocabs.items():
        line = vocabs.line_of(name)
        if name in ruleset.vocabularies:
            other, other_line = ruleset.vocabulary_origin[name]
            raise RulePackError(path, line, f"vocabulary {name!r} is already defined at {other}:{other_line}")
        ruleset.vocabularies[name] = _string_list(terms, path, line, f"vocabulary {name!r}")
        ruleset.vocabulary_origin[name] = (path, line)


def _validate_message(rule: Node, path: str) -> Dict[str, str]:
    line = rule.line_of("message")
    message = rule.get("message")
    _expect(isinstance(message, Node), path, line,
            "'message' must be a mapping with ru, en and zh texts")
    unknown = sorted(set(message) - set(LANGUAGES))
    _expect(not unknown, path, message.line_of(unknown[0]) if unknown else line,
            f"unknown message language {unknown[0] if unknown else ''!r} (use ru, en, zh)")
    for lang in LANGUAGES:
        _expect(isinstance(message.get(lang), str) and message[lang].strip() != "", path, line,
                f"message is missing its {lang!r} translation")
    return {lang: message[lang].strip() for lang in LANGUAGES}


def _validate_examples(rule: Node, path: str) -> Tuple[List[Any], List[str]]:
    line = rule.line_of("examples")
    examples = rule.get("examples")
    _expect(isinstance(examples, Node), path, line,
            "every rule needs 'examples' with 'bad' and 'good' lists")
    unknown = sorted(set(examples) - {"bad", "good"})
    _expect(not unknown, path, line, f"unknown key {unknown[0] if unknown else ''!r} in examples (use bad, good)")
    bad = examples.get("bad")
    good = examples.get("good")
    _expect(isinstance(bad, list) and bad != [], path, examples.line_of("bad"),
            "examples.bad must be a non-empty list")
    _expect(isinstance(good, list) and good != [], path, examples.line_of("good"),
            "examples.good must be a non-empty list")
    for item in bad:
        if isinstance(item, Node):
            _expect(set(item) <= {"text", "match"} and isinstance(item.get("text"), str)
                    and isinstance(item.get("match", ""), str), path, item.line,
                    "a bad example is a string or a mapping with 'text' and optional 'match'")
        else:
            _expect(isinstance(item, str), path, line, "a bad example is a string or a mapping")
    _expect(all(isinstance(g, str) for g in good), path, examples.line_of("good"),
            "good examples must be strings")
    return list(bad), list(good)


def _validate_rule(rule: Any, path: str, ruleset: RuleSet, ids: Dict[str, Tuple[str, int]],
                   line: int) -> RuleSpec:
    _expect(isinstance(rule, Node), path, line, "each rule must be a mapping")
    line = rule.line
    for key in ("id", "category", "severity", "message", "kind"):
        _expect(key in rule, path, line, f"rule is missing required key {key!r}")
    rule_id = rule["id"]
    _expect(isinstance(rule_id, str) and bool(_ID.fullmatch(rule_id)), path, rule.line_of("id"),
            f"rule id {rule_id!r} must be dotted lower-case words, e.g. 'contact.messenger'")
    if rule_id in ids:
        other, other_line = ids[rule_id]
        raise RulePackError(path, rule.line_of("id"), f"duplicate rule id {rule_id!r} (first at {other}:{other_line})")
    categories = [c.value for c in Category]
    _expect(rule["category"] in categories, path, rule.line_of("category"),
            f"unknown category {rule['category']!r} (one of: {', '.join(categories)})")
    severities = [s.value for s in Severity]
    _expect(rule["severity"] in severities, path, rule.line_of("severity"),
            f"unknown severity {rule['severity']!r} (one of: {', '.join(severities)})")
    kind = rule["kind"]
    _expect(kind in RULE_KINDS, path, rule.line_of("kind"),
            f"unknown rule kind {kind!r} (one of: {', '.join(RULE_KINDS)})")
    allowed = COMMON_KEYS | KIND_KEYS[kind]
    for key in rule:
        _expect(key in allowed, path, rule.line_of(key),
                f"unknown key {key!r} for a rule of kind {kind!r}")
    suggestion = rule.get("suggestion")
    _expect(suggestion is None or isinstance(suggestion, str), path, rule.line_of("suggestion"),
            "'suggestion' must be replacement text or null")
    messages = _validate_message(rule, path)
    bad, good = _validate_examples(rule, path)
    params = {k: v for k, v in rule.items() if k in KIND_KEYS[kind]}
    enabled = rule.get("enabled", True)
    _expect(isinstance(enabled, bool), path, rule.line_of("enabled"), "'enabled' must be true or false")
    description = rule.get("description", "")
    _expect(isinstance(description, str), path, rule.line_of("description"), "'description' must be text")
    ids[rule_id] = (path, rule.line)
    return RuleSpec(id=rule_id, category=rule["category"], severity=rule["severity"],
                    messages=messages, kind=kind, params=params, suggestion=suggestion,
                    bad_examples=bad, good_examples=good, description=description.strip(),
                    enabled=enabled, path=path, line=rule.line, key_lines=dict(rule.key_lines))


_ID = lazy_re(r"[a-z][a-z0-9_-]*(?:\.[a-z0-9][a-z0-9_-]*)+")


def pack_files(paths: Iterable[os.PathLike | str]) -> Iterator[str]:
    """The YAML files named by ``paths`` (folders are searched, sorted, recursively)."""
    for p in paths:
        p = os.fspath(p)
        if os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs.sort()
                found.extend(os.path.join(root, f) for f in sorted(files)
                             if f.endswith((".yaml", ".yml")))
            yield from found
        elif os.path.exists(p):
            yield p
        else:
            raise RulePackError(p, None, "no such rule pack file or folder")


def load_rules(paths: Sequence[os.PathLike | str], ruleset: Optional[RuleSet] = None) -> RuleSet:
    """Load and validate packs (in order) into ``ruleset``; vocabulary references are checked last."""
    ruleset = ruleset if ruleset is not None else RuleSet()
    ids = {r.id: (r.path, r.line) for r in ruleset.rules}
    pending: List[Tuple[Node, str]] = []
    for path in pack_files(paths):
        data = load_yaml(path)
        ruleset.files.append(path)
        if data is None:
            continue
        _expect(isinstance(data, Node), path, 1, "a rule pack must be a mapping with 'rules' and/or 'vocabularies'")
        for key in data:
            _expect(key in PACK_KEYS, path, data.line_of(key),
                    f"unknown top-level key {key!r} (one of: {', '.join(sorted(PACK_KEYS))})")
        if "vocabularies" in data:
            _validate_vocabularies(data, path, ruleset)
        if "rules" in data:
            _expect(isinstance(data["rules"], list), path, data.line_of("rules"), "'rules' must be a list")
            pending.append((data, path))
    for data, path in pending:
        if len(ruleset.rules) + len(data["rules"]) > MAX_RULES:
            raise RulePackError(path, data.line_of("rules"),
                                f"too many rules ({len(ruleset.rules) + len(data['rules'])}); "
                                f"at most {MAX_RULES} can be loaded")
        for item in data["rules"]:
            ruleset.rules.append(_validate_rule(item, path, ruleset, ids, data.line_of("rules")))
    terms = sum(len(v) for v in ruleset.vocabularies.values()) + sum(
        len(r.params.get("terms", [])) for r in ruleset.rules)
    if terms > MAX_TERMS:
        raise RulePackError(ruleset.files[-1] if ruleset.files else "rules", None,
                            f"too many terms ({terms}); at most {MAX_TERMS} can be loaded")
    return ruleset
