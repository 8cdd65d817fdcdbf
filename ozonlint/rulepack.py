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
from collections.abc import Mapping
from collections.abc import Sequence as SequenceABC
from typing import Any, Dict, Iterable, Iterator, List, NamedTuple, Optional, Sequence, Tuple

from .fix import (
    APPLICABILITIES,
    REPLY,
    REWRITE_LANGUAGES,
    SAFE,
    SCOPES,
    SENTENCE,
    TOKEN,
    UNSAFE,
    Rewrite,
    Template,
    legacy_rewrite,
    phrase_key,
)
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


def read_limited(path: str, limit: int, what: str = "file") -> str:
    """The UTF-8 text of a data file of at most ``limit`` bytes; every failure a RulePackError."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)
    except OSError as exc:
        raise RulePackError(path, None, f"cannot read {what}: {exc.strerror or exc}") from None
    if len(raw) > limit:
        raise RulePackError(path, None, f"{what} is larger than {limit} bytes")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RulePackError(path, None, f"{what} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def load_yaml(path: str, text: Optional[str] = None) -> Any:
    """Parse one YAML document safely, with line numbers on mappings."""
    if text is None:
        text = read_limited(path, MAX_PACK_BYTES)
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

COMMON_KEYS = {"id", "category", "severity", "message", "kind", "suggestion", "rewrite",
               "examples", "description", "enabled", "role"}
# What a rule's finding is, for the filters that weigh its sentence (see ozonlint/filters/role.py):
# ``mention`` — a channel's name, a contact only when its sentence offers it as one;
# ``homonym`` — a mention that is also an ordinary word (тележка, Line, Max): offered only in its own clause.
ROLES = ("mention", "homonym")
PACK_KEYS = {"rules", "vocabularies", "pack", "description", "rewrites"}


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
    role: Optional[str] = None
    descriptions: Optional[Dict[str, str]] = None  # the description in ru, en and zh, when the pack gives all three
    rewrites: Tuple[Any, ...] = ()   # ozonlint.fix.Rewrite, preferred first

    def line_of(self, key: str) -> int:
        return (self.key_lines or {}).get(key, self.line)

    def __reduce__(self) -> Tuple[Any, ...]:
        # A compiled rule set in the cache needs its rules' names, messages and
        # rewrites on every check, but what they were compiled from (the pack's
        # params, examples and key lines: a third of the cache's objects) only
        # when an author asks: that part is pickled as one blob, read on first use.
        import pickle  # only when the rules are cached

        authored = tuple(getattr(self, name) or empty for name, empty in _AUTHORED)
        kept = self._replace(**{name: None for name, _ in _AUTHORED})
        return _cached_spec, (tuple(kept), pickle.dumps(authored, protocol=pickle.HIGHEST_PROTOCOL))


# RuleSpec fields that only compiling the rule, its self-test and error
# messages about it read (see RuleSpec.__reduce__), each with its value when
# missing, whose type says how it reads back (a mapping or a list)
_AUTHORED = (("params", {}), ("bad_examples", []), ("good_examples", []), ("key_lines", {}))


class _Authored:
    """A cached rule's authored fields, unpickled on first use (two threads here
    at once unpickle them twice, to equal values)."""

    __slots__ = ("_blob", "_values")

    def __init__(self, blob: bytes) -> None:
        self._blob = blob
        self._values: Optional[Tuple[Any, ...]] = None

    def value(self, index: int) -> Any:
        values = self._values
        if values is None:
            from .cache import unpickle_bytes

            values = self._values = unpickle_bytes(self._blob)
        return values[index]


def _as_is(value: Any) -> Any:
    return value


class _Later:
    """One authored field of a cached rule, read from its _Authored on first use."""

    __slots__ = ("_authored", "_index")

    def __init__(self, authored: _Authored, index: int) -> None:
        self._authored = authored
        self._index = index

    def _value(self) -> Any:
        return self._authored.value(self._index)

    def __getitem__(self, key: Any) -> Any:
        return self._value()[key]

    def __len__(self) -> int:
        return len(self._value())

    def __reduce__(self) -> Tuple[Any, ...]:  # pickled as the value it stands for
        return _as_is, (self._value(),)


class _LaterMapping(_Later, Mapping):  # type: ignore[type-arg]
    """A rule's params or key lines."""

    __slots__ = ()

    def __iter__(self) -> Iterator[Any]:
        return iter(self._value())


class _LaterList(_Later, SequenceABC):  # type: ignore[type-arg]
    """A rule's examples."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return self._value() == (list(other) if isinstance(other, _LaterList) else other)

    __hash__ = None  # type: ignore[assignment]  # as a list's


def _cached_spec(kept: Tuple[Any, ...], blob: bytes) -> RuleSpec:
    authored = _Authored(blob)
    return RuleSpec._make(kept)._replace(**{
        name: (_LaterMapping if isinstance(empty, dict) else _LaterList)(authored, index)
        for index, (name, empty) in enumerate(_AUTHORED)})


class RuleSet:
    """Everything loaded from a set of packs: rules in load order and vocabularies."""

    def __init__(self) -> None:
        self.rules: List[RuleSpec] = []
        self.vocabularies: Dict[str, List[str]] = {}
        self.vocabulary_origin: Dict[str, Tuple[str, int]] = {}
        self.files: List[str] = []
        # category -> the rewrites of its rules that name none (pack-level "rewrites:")
        self.category_rewrites: Dict[str, Tuple[Any, ...]] = {}
        self.category_rewrite_origin: Dict[str, Tuple[str, int]] = {}

    def __getstate__(self) -> Dict[str, Any]:
        # the vocabularies are compiled into the rules' term sets: a cached rule
        # set reads them again only when asked (see RuleSpec.__reduce__)
        import pickle

        state = self.__dict__.copy()
        state.pop("vocabularies", None)  # (a rule set from the cache that never read them has only the blob)
        state["_vocabularies_blob"] = pickle.dumps(self.vocabularies, protocol=pickle.HIGHEST_PROTOCOL)
        return state

    def __getattr__(self, name: str) -> Any:  # only reached for what __getstate__ leaves out
        if name != "vocabularies" or "_vocabularies_blob" not in self.__dict__:
            raise AttributeError(name)
        from .cache import unpickle_bytes

        self.vocabularies = unpickle_bytes(self.__dict__["_vocabularies_blob"])
        return self.vocabularies

    def rewrites_of(self, spec: "RuleSpec") -> Tuple[Any, ...]:
        """A rule's rewrites: its own, else its category's default ones."""
        return spec.rewrites or self.category_rewrites.get(spec.category, ())


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


def _validate_message(rule: Node, path: str, key: str = "message") -> Dict[str, str]:
    line = rule.line_of(key)
    message = rule.get(key)
    _expect(isinstance(message, Node), path, line,
            f"'{key}' must be a mapping with ru, en and zh texts")
    unknown = sorted(set(message) - set(LANGUAGES))
    _expect(not unknown, path, message.line_of(unknown[0]) if unknown else line,
            f"unknown {key} language {unknown[0] if unknown else ''!r} (use ru, en, zh)")
    for lang in LANGUAGES:
        _expect(isinstance(message.get(lang), str) and message[lang].strip() != "", path, line,
                f"{key} is missing its {lang!r} translation")
    return {lang: " ".join(message[lang].split()) if key == "description" else message[lang].strip()
            for lang in LANGUAGES}


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
    from .matchers import MATCHERS, kind_params  # each kind declares its parameters in its own module

    kind = rule["kind"]
    _expect(kind in MATCHERS, path, rule.line_of("kind"),
            f"unknown rule kind {kind!r} (one of: {', '.join(MATCHERS)})")
    declared = kind_params(kind)
    for key in rule:
        _expect(key in COMMON_KEYS or key in declared, path, rule.line_of(key),
                f"unknown key {key!r} for a rule of kind {kind!r}"
                + (f" (it takes: {', '.join(declared)})" if declared else " (it takes no parameters)"))
        if key in declared:
            problem = declared[key].problem(rule[key])
            _expect(problem is None, path, rule.line_of(key), f"rule {rule_id}: {problem}")
    suggestion = rule.get("suggestion")
    _expect(suggestion is None or isinstance(suggestion, str), path, rule.line_of("suggestion"),
            "'suggestion' must be replacement text or null")
    rewrites = (_validate_rewrites(rule["rewrite"], rule.line_of("rewrite"), path) if "rewrite" in rule
                else legacy_rewrite(suggestion))
    messages = _validate_message(rule, path)
    bad, good = _validate_examples(rule, path)
    params = {k: v for k, v in rule.items() if k in declared}
    enabled = rule.get("enabled", True)
    _expect(isinstance(enabled, bool), path, rule.line_of("enabled"), "'enabled' must be true or false")
    role = rule.get("role")
    _expect(role is None or role in ROLES, path, rule.line_of("role"),
            f"unknown role {role!r} (one of: {', '.join(ROLES)})")
    description = rule.get("description", "")
    descriptions = None
    if isinstance(description, Node):  # {ru: …, en: …, zh: …}
        descriptions = _validate_message(rule, path, "description")
        description = descriptions["en"]
    _expect(isinstance(description, str), path, rule.line_of("description"),
            "'description' must be text or a mapping with ru, en and zh texts")
    ids[rule_id] = (path, rule.line)
    return RuleSpec(id=rule_id, category=rule["category"], severity=rule["severity"],
                    messages=messages, kind=kind, params=params, suggestion=suggestion,
                    bad_examples=bad, good_examples=good, description=description.strip(),
                    enabled=enabled, path=path, line=rule.line, key_lines=dict(rule.key_lines), role=role,
                    descriptions=descriptions, rewrites=rewrites)


REWRITE_KEYS = {"scope", "applicability", "ru", "en", "remove", "phrases", "templates"}
# A Russian rewrite names no Latin-script word but Ozon; an English one has no Cyrillic.
_LATIN_WORD = lazy_re(r"[A-Za-z]+")
_CYRILLIC = lazy_re(r"[\u0400-\u04FF]")


def _rewrite_texts(node: Any, path: str, line: int, what: str, strip: bool = True) -> Dict[str, str]:
    """ru and en texts of a rewrite, each in its own script (a phrase keeps its spaces)."""
    _expect(isinstance(node, Node), path, line, f"{what} must be a mapping with 'ru' and 'en' texts")
    texts = {}
    for lang in REWRITE_LANGUAGES:
        value = node.get(lang)
        _expect(isinstance(value, str), path, node.line_of(lang) if lang in node else line,
                f"{what} needs its {lang!r} text (\"\" removes)")
        texts[lang] = value.strip() if strip else value
    foreign = [w for w in _LATIN_WORD.findall(texts["ru"]) if w.lower() != "ozon"]
    _expect(not foreign, path, node.line_of("ru"), f"{what}: the 'ru' text has Latin-script words {foreign}")
    _expect(not _CYRILLIC.search(texts["en"]), path, node.line_of("en"), f"{what}: the 'en' text has Cyrillic")
    return texts


def _validate_category_rewrites(data: Node, path: str, ruleset: RuleSet) -> None:
    """A pack's ``rewrites:``: category -> the rewrite of its rules that have none of their own."""
    node = data["rewrites"]
    _expect(isinstance(node, Node), path, data.line_of("rewrites"),
            "'rewrites' must be a mapping of category -> rewrite")
    categories = [c.value for c in Category]
    for category, value in node.items():
        line = node.line_of(category)
        _expect(category in categories, path, line,
                f"unknown category {category!r} in rewrites (one of: {', '.join(categories)})")
        if category in ruleset.category_rewrites:
            other, other_line = ruleset.category_rewrite_origin[category]
            raise RulePackError(path, line, f"rewrites for {category!r} are already defined at {other}:{other_line}")
        ruleset.category_rewrites[category] = _validate_rewrites(value, line, path)
        ruleset.category_rewrite_origin[category] = (path, line)


def _validate_rewrites(value: Any, line: int, path: str) -> Tuple[Rewrite, ...]:
    """``rewrite:``: one mapping or a list of them, preferred first (see ozonlint.fix)."""
    items = value if isinstance(value, list) else [value]
    _expect(items != [], path, line, "'rewrite' must be a mapping or a non-empty list of mappings")
    found = []
    for item in items:
        _expect(isinstance(item, Node), path, line, "each rewrite is a mapping with scope, ru and en (or remove)")
        where = item.line
        for key in item:
            _expect(key in REWRITE_KEYS, path, item.line_of(key),
                    f"unknown key {key!r} in a rewrite (one of: {', '.join(sorted(REWRITE_KEYS))})")
        scope = item.get("scope", SENTENCE)
        _expect(scope in SCOPES, path, item.line_of("scope"), f"unknown scope {scope!r} (one of: {', '.join(SCOPES)})")
        applicability = item.get("applicability", SAFE)
        _expect(applicability in APPLICABILITIES, path, item.line_of("applicability"),
                f"unknown applicability {applicability!r} (safe or unsafe)")
        remove = item.get("remove", False)
        _expect(isinstance(remove, bool), path, item.line_of("remove"), "'remove' must be true or false")
        texts: Optional[Dict[str, str]] = None
        if remove:
            _expect("ru" not in item and "en" not in item, path, where, "a rewrite that removes has no ru/en text")
            texts = {lang: "" for lang in REWRITE_LANGUAGES}
        elif "ru" in item or "en" in item:
            texts = _rewrite_texts(item, path, where, "rewrite")
        phrases = None
        if "phrases" in item:
            node = item["phrases"]
            _expect(isinstance(node, Node) and scope == TOKEN, path, item.line_of("phrases"),
                    "'phrases' is a mapping of token -> {ru, en}, for scope: token")
            phrases = {phrase_key(k): _rewrite_texts(v, path, node.line_of(k), f"phrase {k!r}", strip=False)
                       for k, v in node.items()}
        templates: Tuple[Template, ...] = ()
        if "templates" in item:
            _expect(scope == REPLY and isinstance(item["templates"], list), path, item.line_of("templates"),
                    "'templates' is a list, for scope: reply")
            found_templates = []
            for t in item["templates"]:
                _expect(isinstance(t, Node) and isinstance(t.get("intent"), str), path, line,
                        "a template has 'intent', 'cues', 'ru' and 'en'")
                cues = _string_list(t.get("cues"), path, t.line_of("cues"), "template cues")
                found_templates.append(Template(t["intent"], tuple(cues), _rewrite_texts(t, path, t.line, "template")))
            templates = tuple(found_templates)
        _expect(scope != REPLY or applicability == UNSAFE, path, where, "a reply template is always unsafe")
        _expect(texts is not None or phrases or templates, path, where,
                "a rewrite needs ru and en texts, remove: true, phrases or templates")
        found.append(Rewrite(scope, applicability, texts, phrases, templates))
    return tuple(found)


_ID = lazy_re(r"[a-z][a-z0-9_-]*(?:\.[a-z0-9][a-z0-9_-]*)+")


def pack_files(paths: Iterable[os.PathLike | str]) -> Iterator[str]:
    """The YAML files named by ``paths`` (folders are searched, sorted, recursively)."""
    for p in paths:
        p = os.fspath(p)
        if os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p, onerror=_unreadable_folder):
                dirs.sort()
                found.extend(os.path.join(root, f) for f in sorted(files)
                             if f.endswith((".yaml", ".yml")))
            for path in found:
                _regular(path)
            yield from found
        elif os.path.exists(p):
            yield _regular(p)
        else:
            raise RulePackError(p, None, "no such rule pack file or folder")


def _unreadable_folder(error: OSError) -> None:
    """A pack folder that cannot be listed would lose its rules without a word."""
    raise RulePackError(error.filename or "?", None, f"cannot read the folder: {error.strerror or error}")


def _regular(path: str) -> str:
    """``path`` if it is a regular file: a FIFO would make loading (and hashing) wait for ever."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError as exc:  # a dangling link in a pack folder
        raise RulePackError(path, None, f"cannot read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode):
        raise RulePackError(path, None, "not a regular file")
    return path


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
        if "rewrites" in data:
            _validate_category_rewrites(data, path, ruleset)
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
