#!/usr/bin/env python3
"""Train the sentence classifiers of the ``classifier`` rule kind from the labelled corpora.

    python tools/train_classifier.py                  # writes rules/models/semantic.json
    python tools/train_classifier.py --out DIR --date 2026-12-04

Reproducible: inputs are read in sorted order, the optimiser's shuffles come
from a fixed seed, weights are rounded, and the JSON is written with sorted
keys, so the same corpora (and evaluation file) give the same bytes. Pure
Python: no dependency beyond ozonlint's own.

Data: every ``tests/corpus/*.jsonl`` and ``tests/corpus/realistic/*.jsonl``;
never a file under a folder named ``blind``. A record has ``text`` and
``labels`` (categories of the whole message); many have ``spans`` (the exact
violating text per category). Instances are sentences and windows (pairs of
neighbouring sentences, scored with the features of both). With spans, a
sentence that holds a span is positive, a span across sentences makes their
window positive, and the rest is negative. A positive message without spans
and with one sentence labels that sentence; with several it is a bag
(multiple-instance learning): first the whole message stands in for it, then
its highest-scoring sentence or window (and any other that scores above 0.5)
is the positive, for ``MIL_ROUNDS`` rounds. Every sentence of a message
without the category is a negative.

The model is a logistic regression trained by AdaGrad SGD with L2; features
seen in fewer than ``MIN_COUNT`` training messages are dropped, and weights
smaller than ``MIN_WEIGHT`` are not written (see ozonlint/matchers/classifier.py
for the features themselves).
"""
from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import random
import sys
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, List, NamedTuple, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ozonlint.matchers.base import Draft  # noqa: E402
from ozonlint.matchers.classifier import FORMAT, Settings, concept_vocabulary, messenger_words, sentences, sigmoid  # noqa: E402
from ozonlint.rulepack import load_rules  # noqa: E402

CATEGORIES = ("review-incentive", "extra-payment", "off-platform", "spam", "personal-data", "external-contact")
CORPUS_GLOBS = ("tests/corpus/*.jsonl", "tests/corpus/realistic/*.jsonl")
MODELS = ROOT / "rules" / "models"
MODEL_FILE = "semantic.json"
EVALUATION = MODELS / "evaluation.json"

SEED = 20261204
EPOCHS = 8
LEARNING_RATE = 0.3
L2 = 0.01
MIN_COUNT = 4
MIN_WEIGHT = 0.02
DIGITS = 3
MIL_ROUNDS = 2
WINDOWS = True  # also train on (and score) pairs of neighbouring sentences
# Every instance is also trained on as its language-free copy: its concepts
# ("~pay", "~card&~pay") and typed placeholders ("#money") alone. Without it a
# Russian sentence's stems take the weight its concepts should carry, and a
# Turkish or Kazakh sentence, which has only the concepts in common with it,
# scores low.
ABSTRACT_COPIES = True


class Record(NamedTuple):
    corpus: str
    id: str
    text: str
    labels: Tuple[str, ...]
    spans: Optional[Tuple[Tuple[str, str], ...]]  # (category, text); None when the record has none


class Message(NamedTuple):
    """A record as features: per sentence its feature list; per category the labels
    of its sentences and of its windows (pairs of neighbouring sentences): True,
    False, or None when unknown (left out); and the categories where the message
    is a bag (positive, with no span to say which sentence)."""

    record: Record
    sentences: List[List[str]]
    labels: Dict[str, List[Optional[bool]]]
    window_labels: Dict[str, List[Optional[bool]]]
    bags: FrozenSet[str]


# ----------------------------------------------------------------- data


def corpus_files(root: Path = ROOT) -> List[Path]:
    files = sorted({p for pattern in CORPUS_GLOBS for p in root.glob(pattern)})
    return [p for p in files if "blind" not in p.relative_to(root).parts]


def read_records(files: Iterable[Path]) -> List[Record]:
    records = []
    for path in files:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path}:{number}: invalid JSON: {exc.msg}")
                spans = data.get("spans")
                records.append(Record(
                    corpus=path.stem, id=str(data["id"]), text=data["text"],
                    labels=tuple(sorted(data["labels"])),
                    spans=None if spans is None else tuple((s["category"], s["text"]) for s in spans)))
    return records


def default_settings() -> Settings:
    vocab = load_rules([ROOT / "rules" / "vocab"]).vocabularies
    return Settings(messengers=messenger_words(vocab["messengers"]), windows=WINDOWS,
                    concepts=concept_vocabulary(vocab))


def _span_ranges(text: str, spans: Sequence[Tuple[str, str]], category: str) -> List[Tuple[int, int]]:
    ranges = []
    for cat, piece in spans:
        if cat != category or not piece:
            continue
        at = text.find(piece)
        if at < 0:  # a span written with other spaces or quotes: fall back to its first words
            at = text.find(piece[:20])
        if at >= 0:
            ranges.append((at, at + len(piece)))
    return ranges


def _window_label(a: Optional[bool], b: Optional[bool]) -> Optional[bool]:
    if a or b:
        return True
    return None if a is None or b is None else False


def featurize(records: Sequence[Record], settings: Settings) -> List[Message]:
    """Sentence features and labels. With spans: a sentence that holds (most of)
    a span is positive; a span across sentences makes their window positive and
    leaves the sentences alone unknown; the rest is negative."""
    messages = []
    for rec in records:
        draft = Draft(rec.text)
        sents = sentences(draft, settings)
        if not sents:
            continue
        n = len(sents)
        spans = [draft.words.span(s.view_start, s.view_end) for s in sents]
        labels: Dict[str, List[Optional[bool]]] = {}
        windows: Dict[str, List[Optional[bool]]] = {}
        bags = set()
        for category in CATEGORIES:
            sentence: List[Optional[bool]] = [False] * n
            window: List[Optional[bool]] = [False] * (n - 1)
            if category in rec.labels:
                ranges = _span_ranges(rec.text, rec.spans or (), category)
                if not ranges:
                    if n > 1:
                        bags.add(category)
                    sentence = [True] if n == 1 else [None] * n
                    window = [None] * (n - 1)
                else:
                    crossing = set()
                    for a, b in ranges:
                        inside = [k for k, (start, end) in enumerate(spans)
                                  if min(end, b) - max(start, a) >= min(3, b - a)]
                        best = max(inside, key=lambda k: min(spans[k][1], b) - max(spans[k][0], a), default=None)
                        if best is None:
                            continue
                        if min(spans[best][1], b) - max(spans[best][0], a) >= 0.8 * (b - a):
                            sentence[best] = True
                        else:
                            for k in inside:
                                if sentence[k] is not True:
                                    sentence[k] = None
                            crossing.update((k, k + 1) for k in inside if k + 1 in inside)
                    window = [True if (k, k + 1) in crossing else _window_label(sentence[k], sentence[k + 1])
                              for k in range(n - 1)]
            labels[category] = sentence
            windows[category] = window
        messages.append(Message(rec, [list(s.features) for s in sents], labels, windows, frozenset(bags)))
    return messages


# ------------------------------------------------------------- training


def _fit(instances: List[Tuple[List[int], int]], size: int) -> Tuple[List[float], float]:
    """Logistic regression by AdaGrad SGD (lazy L2 on the features of each instance)."""
    weights = [0.0] * size
    squares = [1e-6] * size
    bias, bias_square = 0.0, 1e-6
    order = list(range(len(instances)))
    rng = random.Random(SEED)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            features, label = instances[i]
            z = bias
            for f in features:
                z += weights[f]
            g = sigmoid(z) - label
            for f in features:
                step = g + L2 * weights[f]
                squares[f] += step * step
                weights[f] -= LEARNING_RATE * step / math.sqrt(squares[f])
            bias_square += g * g
            bias -= LEARNING_RATE * g / math.sqrt(bias_square)
    return weights, bias


def _with_abstract_copies(instances: List[Tuple[List[int], int]], abstract: Sequence[int]
                          ) -> List[Tuple[List[int], int]]:
    """``instances`` followed by their language-free copies (see ABSTRACT_COPIES)
    that have any feature left."""
    if not ABSTRACT_COPIES:
        return instances
    keep = set(abstract)
    copies = []
    for features, label in instances:
        kept = [f for f in features if f in keep]
        if kept:
            copies.append((kept, label))
    return instances + copies


def _score(features: List[int], weights: List[float], bias: float) -> float:
    return bias + sum(weights[f] for f in features)


class Trained(NamedTuple):
    table: Dict[str, float]  # feature -> weight
    bias: float
    stats: Dict[str, int]


def train_category(messages: Sequence[Message], category: str) -> Trained:
    """One category's model."""
    counts: Dict[str, int] = {}
    for msg in messages:
        seen = set()
        for features in msg.sentences:
            seen.update(features)
        for f in seen:
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: i for i, f in enumerate(names)}
    encoded = [[[index[f] for f in features if f in index] for features in msg.sentences] for msg in messages]

    windows = [[a + b for a, b in zip(enc, enc[1:])] for enc in encoded] if WINDOWS else [[] for _ in encoded]
    abstract = [f for f, name in enumerate(names) if name[0] in "~#" and " " not in name]
    bags = []  # (message number) of positives whose sentences are unknown
    fixed: List[Tuple[List[int], int]] = []
    for number, msg in enumerate(messages):
        if category in msg.bags:
            bags.append(number)
            continue
        for items, labels in ((encoded[number], msg.labels[category]),
                              (windows[number], msg.window_labels[category])):
            fixed.extend((features, int(label)) for features, label in zip(items, labels) if label is not None)
    # round 0: a bag is its whole message; then its best sentence or window
    first = [(sorted({f for features in encoded[number] for f in features}), 1) for number in bags]
    trained = _with_abstract_copies(fixed, abstract)
    weights, bias = _fit(trained + _with_abstract_copies(first, abstract), len(names))
    for _ in range(MIL_ROUNDS):
        chosen = []
        for number in bags:
            candidates = encoded[number] + windows[number]
            scores = [_score(features, weights, bias) for features in candidates]
            best = max(range(len(scores)), key=lambda k: (scores[k], -k))
            chosen.extend((features, 1) for k, features in enumerate(candidates) if k == best or scores[k] > 0)
        weights, bias = _fit(trained + _with_abstract_copies(chosen, abstract), len(names))
    table = {names[i]: round(w, DIGITS) for i, w in enumerate(weights) if abs(w) >= MIN_WEIGHT}
    stats = {"features_seen": len(counts), "features_trained": len(names), "features_kept": len(table),
             "sentences_labelled": len(fixed), "positive_sentences": sum(label for _, label in fixed),
             "positive_bags": len(bags),
             "positive_messages": sum(1 for m in messages if category in m.record.labels)}
    return Trained(table, round(bias, DIGITS), stats)


def probabilities(model: Trained, message: Message) -> List[float]:
    """Probabilities of a featurised message's sentences and windows (training-side
    twin of Model.draft_logits)."""
    get = model.table.get
    scores = [model.bias + sum(filter(None, map(get, features))) for features in message.sentences]
    if WINDOWS:
        scores += [a + b - model.bias for a, b in zip(scores, scores[1:])]
    return [sigmoid(z) for z in scores]


# --------------------------------------------------------------- output


def model_document(models: Dict[str, Trained], settings: Settings, files: Sequence[Path],
                   records: Sequence[Record], date: str, evaluation: Optional[dict]) -> dict:
    """The model file: every category's weights, one vector per feature."""
    categories = list(models)
    entries = (evaluation or {}).get("categories", {})
    weights: Dict[str, List[float]] = {}
    for column, category in enumerate(categories):
        for feature, weight in models[category].table.items():
            weights.setdefault(feature, [0.0] * len(categories))[column] = weight
    return {
        "format": FORMAT,
        "categories": categories,
        "thresholds": {c: entries.get(c, {}).get("threshold", 0.5) for c in categories},
        "bias": {c: models[c].bias for c in categories},
        "features": settings.to_json(),
        "training": {
            "script": "tools/train_classifier.py",
            "date": date,
            "corpora": [str(p.relative_to(ROOT)) for p in files],
            "messages": len(records),
            "messages_with_spans": sum(1 for r in records if r.spans is not None),
            "optimiser": {"method": "logistic regression per category, AdaGrad SGD", "epochs": EPOCHS,
                          "learning_rate": LEARNING_RATE, "l2": L2, "seed": SEED, "min_count": MIN_COUNT,
                          "min_weight": MIN_WEIGHT, "mil_rounds": MIL_ROUNDS, "windows": WINDOWS,
                          "abstract_copies": ABSTRACT_COPIES},
            "counts": {c: models[c].stats for c in categories},
        },
        "evaluation": {"method": (evaluation or {}).get("method", "not evaluated"),
                       "summary": (evaluation or {}).get("summary", {}),
                       "categories": {c: entries.get(c, {}).get("scores", {}) for c in categories}},
        "weights": weights,
    }


def dump(doc: dict) -> str:
    """The model file's text: sorted keys; the weight tables last, one feature a line."""
    tables = ("weights",)
    head = json.dumps({k: v for k, v in doc.items() if k not in tables}, ensure_ascii=False, sort_keys=True,
                      indent=1)
    parts = [head[:-2]]
    for key in tables:
        rows = [f"  {json.dumps(f, ensure_ascii=False)}: {json.dumps(v)}" for f, v in sorted(doc[key].items())]
        parts.append(f',\n {json.dumps(key)}: {{\n' + ",\n".join(rows) + "\n }" if rows else f',\n "{key}": {{}}')
    return "".join(parts) + "\n}\n"


def train_all(files: Sequence[Path], settings: Settings, categories: Sequence[str] = CATEGORIES
              ) -> Tuple[List[Record], Dict[str, Trained]]:
    records = read_records(files)
    messages = featurize(records, settings)
    return records, {c: train_category(messages, c) for c in categories}


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(MODELS), help="folder for the model files (default: rules/models)")
    parser.add_argument("--date", default=None, help="training date written into the models (default: today, UTC)")
    parser.add_argument("--evaluation", default=str(EVALUATION),
                        help="thresholds and leave-one-corpus-out scores to embed (tools/evaluate_classifier.py)")
    args = parser.parse_args(argv)
    date = args.date or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    evaluation = None
    if args.evaluation and os.path.exists(args.evaluation):
        with open(args.evaluation, encoding="utf-8") as fh:
            evaluation = json.load(fh)
    files = corpus_files()
    settings = default_settings()
    records, models = train_all(files, settings)
    os.makedirs(args.out, exist_ok=True)
    doc = model_document(models, settings, files, records, date, evaluation)
    path = Path(args.out) / MODEL_FILE
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(dump(doc))
    print(f"{path}: {len(doc['weights'])} features, thresholds {doc['thresholds']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
