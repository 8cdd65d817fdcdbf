#!/usr/bin/env python3
"""Leave-one-corpus-out scores of the sentence classifiers, next to the rules.

    python tools/evaluate_classifier.py               # print the report
    python tools/evaluate_classifier.py --write       # also choose thresholds, write rules/models/evaluation.json

For every corpus: train on all the others (exactly as tools/train_classifier.py
trains), score the held-out corpus. The out-of-fold probabilities of all
corpora together then give, per category, precision / recall / F1 and the
share of clean replies flagged, for

  (a) the rules alone (the default packs without classifier rules),
  (b) the classifier alone (at the chosen thresholds),
  (c) rules + classifier (a category is reported when either reports it),
  (e) the engine: the default packs as shipped (classifier rules at their own
      thresholds, every finding through the filter stage), with the classifier
      rules' model replaced by the fold's: what ``ozonlint check`` would have
      reported had the held-out corpus never been trained on.

Thresholds are chosen on these out-of-fold results, favouring precision: per
category, the threshold that maximises the F1 of (c) among those where the
classifier alone flags at most ``MAX_CLEAN_FLAGGED`` of the clean replies.
(d) "confirmed" shows the classifier as a filter: a rule's category is kept
only where the classifier gives the message at least a small probability
(``VETOES``, chosen per category), plus the classifier's own findings; the
shipped rules do not do this (it is for a filter stage to weigh).
The rules were tuned on most of these corpora, so (a) is optimistic except on
the realistic ones; the classifier's numbers are all out-of-fold.
"""
from __future__ import annotations

import argparse
import json
import sys
from multiprocessing import Pool
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Set, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_classifier as tc  # noqa: E402

MAX_CLEAN_FLAGGED = 0.004  # per category, classifier alone: at most 0.4 % of clean replies
# From 0.15: out of fold, the best thresholds of several categories were at the old floor (0.3).
THRESHOLDS = [round(0.15 + 0.025 * i, 3) for i in range(34)]  # 0.15 .. 0.975
# Thresholds of the classifier rules tried in the engine ((e); each costs a check of every message).
ENGINE_THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.675, 0.75, 0.85]
ENGINE_F1_TOLERANCE = 0.01
RANK = {"info": 0, "warning": 1, "error": 2}


_MESSAGES: List[tc.Message] = []  # set before the workers start (they inherit it)


def _fold(held_out: str) -> Tuple[Dict[str, Dict[str, float]], Dict[str, Set[str]]]:
    """Out-of-fold results of one held-out corpus: id -> category -> max sentence
    probability, and id -> categories the engine reports with the fold's model."""
    messages = _MESSAGES
    train = [m for m in messages if m.record.corpus != held_out]
    models = {c: tc.train_category(train, c) for c in tc.CATEGORIES}
    scores: Dict[str, Dict[str, float]] = {}
    held = [m for m in messages if m.record.corpus == held_out]
    for msg in held:
        scores[msg.record.id] = {c: max(tc.probabilities(models[c], msg))
                                 for c in tc.CATEGORIES}
    linter = _engine_with(models)
    engine = {m.record.id: {v.category for v in linter.check(m.record.text) if RANK[v.severity] >= 1}
              for m in held}
    grid: Dict[float, Dict[str, Set[str]]] = {}
    for threshold in ENGINE_THRESHOLDS:
        _set_thresholds(linter, threshold)
        grid[threshold] = {m.record.id: {v.category for v in linter.check(m.record.text) if RANK[v.severity] >= 1}
                           for m in held}
    return scores, engine, grid


def _set_thresholds(linter, threshold: float) -> None:
    for rule in linter.all_rules:
        if rule.spec.kind == "classifier":
            rule.matcher.threshold = threshold
            rule.matcher.need = rule.matcher.model.need(rule.matcher.column, threshold)


def choose_engine_thresholds(records: Sequence[tc.Record], grid: Dict[float, Dict[str, Set[str]]]
                             ) -> Dict[str, Tuple[float, float]]:
    """Per category, the highest classifier rule threshold under which the engine's F1
    on the realistic corpora is within ENGINE_F1_TOLERANCE of the best, with that F1:
    differences that small are noise between folds, and the higher threshold flags
    fewer clean replies."""
    chosen = {}
    for category in tc.CATEGORIES:
        scores = [(threshold, _f1(records, category, lambda r: category in grid[threshold][r.id]))
                  for threshold in ENGINE_THRESHOLDS]
        best = max(f1 for _, f1 in scores)
        chosen[category] = max((s for s in scores if s[1] >= best - ENGINE_F1_TOLERANCE), key=lambda s: s[0])
    return chosen


def _engine_with(models: Dict[str, "tc.Trained"]):
    """The default Linter whose classifier rules use ``models`` (each at its rule's own threshold)."""
    import ozonlint
    from ozonlint.matchers.classifier import Model

    linter = ozonlint.Linter()
    rules = [r for r in linter.all_rules if r.spec.kind == "classifier"]
    shipped = rules[0].matcher.model
    columns = {c: shipped.categories.index(c) for c in models}
    weights: Dict[str, List[float]] = {}
    for category, trained in models.items():
        for feature, weight in trained.table.items():
            weights.setdefault(feature, [0.0] * len(shipped.categories))[columns[category]] = weight
    bias = [models[c].bias if c in models else 0.0 for c in shipped.categories]
    model = Model(shipped.categories, bias, shipped.thresholds, weights, shipped.settings)
    for rule in rules:
        rule.matcher.model = model
        rule.matcher.need = model.need(rule.matcher.column, rule.matcher.threshold)
    return linter


def rule_predictions(records: Sequence[tc.Record]) -> Dict[str, Set[str]]:
    """Categories the default packs report (warning and above), classifier rules excluded."""
    import ozonlint

    probe = ozonlint.Linter()
    ignore = [r.id for r in probe.all_rules if r.spec.kind == "classifier"]
    linter = ozonlint.Linter(ignore=ignore)
    return {r.id: {v.category for v in linter.check(r.text) if RANK[v.severity] >= 1} for r in records}


def _prf(tp: int, fp: int, fn: int) -> Dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}


def score(records: Sequence[tc.Record], predicted: Dict[str, Set[str]], categories: Sequence[str]) -> dict:
    """Per category P/R/F1, micro-F1 over ``categories`` and the clean replies flagged."""
    out: dict = {}
    total = [0, 0, 0]
    clean = flagged = 0
    for category in categories:
        tp = fp = fn = 0
        for r in records:
            gold, pred = category in r.labels, category in predicted[r.id]
            tp += gold and pred
            fp += pred and not gold
            fn += gold and not pred
        out[category] = _prf(tp, fp, fn)
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
    for r in records:
        if not r.labels:
            clean += 1
            flagged += bool(predicted[r.id] & set(categories))
    out["micro"] = _prf(*total)
    out["clean_flagged"] = round(flagged / clean, 3) if clean else 0.0
    out["clean_replies"] = clean
    return out


def classifier_predictions(records: Sequence[tc.Record], probs: Dict[str, Dict[str, float]],
                           thresholds: Dict[str, float]) -> Dict[str, Set[str]]:
    return {r.id: {c for c, t in thresholds.items() if probs[r.id][c] >= t} for r in records}


def choose_thresholds(records: Sequence[tc.Record], probs: Dict[str, Dict[str, float]],
                      rules: Dict[str, Set[str]]) -> Dict[str, float]:
    clean = [r for r in records if not r.labels]
    chosen = {}
    for category in tc.CATEGORIES:
        best: Optional[Tuple[float, float]] = None
        for t in THRESHOLDS:
            if sum(probs[r.id][category] >= t for r in clean) > MAX_CLEAN_FLAGGED * len(clean):
                continue
            f1 = _f1(records, category, lambda r: category in rules[r.id] or probs[r.id][category] >= t)
            if best is None or f1 > best[0]:
                best = (f1, t)
        chosen[category] = best[1] if best else THRESHOLDS[-1]
    return chosen


def _f1(records: Sequence[tc.Record], category: str, predicted) -> float:
    """F1 of ``predicted(record)`` against the records' labels for one category."""
    tp = fp = fn = 0
    for r in records:
        gold, pred = category in r.labels, bool(predicted(r))
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
    return _prf(tp, fp, fn)["f1"]


VETOES = [0.01, 0.02, 0.05, 0.1, 0.2]


def choose_vetoes(records: Sequence[tc.Record], probs: Dict[str, Dict[str, float]],
                  rules: Dict[str, Set[str]], thresholds: Dict[str, float]) -> Dict[str, float]:
    """Per category, the probability under which a rule's finding would be dropped
    (the classifier as a filter), chosen for the best F1 of (d); for the lead's
    filter stage to weigh, not used by the shipped rules."""
    chosen = {}
    for category in tc.CATEGORIES:
        best: Optional[Tuple[float, float]] = None
        for veto in VETOES:
            f1 = _f1(records, category, lambda r: (category in rules[r.id] and probs[r.id][category] >= veto)
                     or probs[r.id][category] >= thresholds[category])
            if best is None or f1 > best[0]:
                best = (f1, veto)
        chosen[category] = best[1] if best else VETOES[0]
    return chosen


def report(title: str, table: dict) -> str:
    lines = [f"{title}: micro P {table['micro']['precision']:.3f} R {table['micro']['recall']:.3f} "
             f"F1 {table['micro']['f1']:.3f}, clean flagged {table['clean_flagged']:.3f} "
             f"(of {table['clean_replies']})"]
    for c in tc.CATEGORIES:
        s = table[c]
        lines.append(f"  {c:18s} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}")
    return "\n".join(lines)


def _report_only(records: Sequence[tc.Record], held_out: List[str], jobs: int) -> int:
    """Leave-one-corpus-out for a few corpora: each held out in turn, the model trained on
    all the others, the engine (its rules and that model, at the packs' thresholds) scored
    on it; a quick measure of newly added corpora, between full runs."""
    with Pool(jobs) as pool:
        folds = pool.map(_fold, held_out)
    engine: Dict[str, Set[str]] = {}
    grid: Dict[float, Dict[str, Set[str]]] = {t: {} for t in ENGINE_THRESHOLDS}
    for _, fold_engine, fold_grid in folds:
        engine.update(fold_engine)
        for threshold, predicted in fold_grid.items():
            grid[threshold].update(predicted)
    held = [r for r in records if r.corpus in held_out]
    rules = rule_predictions(held)
    print(f"leave-one-corpus-out for {len(held_out)} of the corpora ({', '.join(held_out)}), {len(held)} messages, "
          f"each fold's model trained on every other corpus")
    print(report("[held out] (rules)", score(held, rules, tc.CATEGORIES)))
    print(report("[held out] (engine)", score(held, engine, tc.CATEGORIES)))
    print("per corpus (micro-F1 / clean flagged): rules | engine")
    for corpus in held_out:
        subset = [r for r in held if r.corpus == corpus]
        print(f"  {corpus:12s} " + " | ".join(
            f"{t['micro']['f1']:.3f} / {t['clean_flagged']:.3f}"
            for t in (score(subset, rules, tc.CATEGORIES), score(subset, engine, tc.CATEGORIES))))
    # what these folds alone would choose: a hint between full runs, never written (few corpora)
    shipped = _shipped_thresholds()
    chosen = choose_engine_thresholds(held, grid)
    print("engine F1 on the held-out corpora per classifier rule threshold (shipped [ ], best within "
          f"{ENGINE_F1_TOLERANCE} *):")
    for c in tc.CATEGORIES:
        cells = []
        for t in ENGINE_THRESHOLDS:
            f1 = _f1(held, c, lambda r: c in grid[t][r.id])
            mark = ("[" if t == shipped.get(c) else " ") + ("*" if t == chosen[c][0] else " ")
            cells.append(f"{mark}{t}: {f1:.3f}")
        print(f"  {c:18s} " + " ".join(cells))
    # what a lower threshold costs: the clean replies the category flags at each (a threshold is
    # chosen by both, and the F1 grid alone cannot show the second)
    clean = [r for r in held if not r.labels]
    print(f"clean replies the engine flags with each category, per classifier rule threshold (of {len(clean)}):")
    for c in tc.CATEGORIES:
        cells = [("[" if t == shipped.get(c) else " ") + f"{t}: {sum(c in grid[t][r.id] for r in clean)}"
                 for t in ENGINE_THRESHOLDS]
        print(f"  {c:18s} " + " ".join(cells))
    return 0


def _shipped_thresholds() -> Dict[str, float]:
    """The threshold of each category's classifier rule in the default packs."""
    import ozonlint

    return {r.spec.category: r.matcher.threshold for r in ozonlint.Linter().all_rules if r.spec.kind == "classifier"}


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true",
                        help="write thresholds and scores to rules/models/evaluation.json")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", help="also write the full report here")
    parser.add_argument("--only", nargs="+", metavar="CORPUS",
                        help="hold out only these corpora (names like r37), each in its own fold, and report the "
                             "engine on them at the packs' thresholds; thresholds are not chosen (no --write)")
    args = parser.parse_args(argv)

    files = tc.corpus_files()
    records = tc.read_records(files)
    settings = tc.default_settings()
    corpora = sorted({r.corpus for r in records})
    if args.only:
        if args.write or args.json:
            parser.error("--only scores a few folds and prints them; thresholds and the full report come from "
                         "all of them (drop --write and --json)")
        unknown = sorted(set(args.only) - set(corpora))
        if unknown:
            parser.error(f"unknown corpus: {', '.join(unknown)} (known: {', '.join(corpora)})")
    _MESSAGES[:] = tc.featurize(records, settings)
    if args.only:
        return _report_only(records, sorted(set(args.only)), args.jobs)
    with Pool(args.jobs) as pool:
        folds = pool.map(_fold, corpora)
    probs: Dict[str, Dict[str, float]] = {r.id: {c: 0.0 for c in tc.CATEGORIES} for r in records}
    engine: Dict[str, Set[str]] = {r.id: set() for r in records}
    grid: Dict[float, Dict[str, Set[str]]] = {t: {} for t in ENGINE_THRESHOLDS}
    for fold_probs, fold_engine, fold_grid in folds:
        probs.update(fold_probs)
        engine.update(fold_engine)
        for threshold, predicted in fold_grid.items():
            grid[threshold].update(predicted)
    rules = rule_predictions(records)
    thresholds = choose_thresholds(records, probs, rules)
    clf = classifier_predictions(records, probs, thresholds)
    union = {r.id: rules[r.id] | clf[r.id] for r in records}
    vetoes = choose_vetoes(records, probs, rules, thresholds)
    confirmed = {r.id: clf[r.id] | {c for c in rules[r.id] if c not in vetoes or probs[r.id][c] >= vetoes[c]}
                 for r in records}
    realistic = [r for r in records if r.corpus.startswith("r") and not r.corpus.startswith("holdout")]

    results = {"thresholds": thresholds, "vetoes": vetoes, "max_clean_flagged_per_category": MAX_CLEAN_FLAGGED,
               "corpora": [str(p.relative_to(tc.ROOT)) for p in files], "all": {}, "realistic": {},
               "per_corpus": {}}
    for name, subset in (("all", records), ("realistic", realistic)):
        if not subset:
            continue
        for label, pred in (("rules", rules), ("classifier", clf), ("union", union), ("confirmed", confirmed),
                            ("engine", engine)):
            results[name][label] = score(subset, pred, tc.CATEGORIES)
    for corpus in corpora:
        subset = [r for r in records if r.corpus == corpus]
        results["per_corpus"][corpus] = {label: {k: v for k, v in score(subset, pred, tc.CATEGORIES).items()
                                                 if k in ("micro", "clean_flagged")}
                                         for label, pred in (("rules", rules), ("classifier", clf),
                                                             ("union", union), ("engine", engine))}

    print(f"leave-one-corpus-out over {len(corpora)} corpora, {len(records)} messages; thresholds {thresholds}; "
          f"vetoes for (d) {vetoes}")
    for name in ("all", "realistic"):
        for label in ("rules", "classifier", "union", "confirmed", "engine"):
            if label in results[name]:
                print(report(f"[{name}] ({label})", results[name][label]))
    print("per corpus (micro-F1 / clean flagged): rules | classifier | union | engine")
    for corpus, entry in results["per_corpus"].items():
        print(f"  {corpus:12s} " + " | ".join(f"{entry[k]['micro']['f1']:.3f} / {entry[k]['clean_flagged']:.3f}"
                                              for k in ("rules", "classifier", "union", "engine")))
    engine_thresholds = choose_engine_thresholds(realistic, grid)
    print("engine F1 on the realistic corpora per classifier rule threshold (best marked *):")
    for c in tc.CATEGORIES:
        row = []
        for t in ENGINE_THRESHOLDS:
            f1 = _f1(realistic, c, lambda r: c in grid[t][r.id])
            row.append(f"{t}: {f1:.3f}{'*' if t == engine_thresholds[c][0] else ''}")
        print(f"  {c:18s} " + "  ".join(row))
    tuned = {r.id: {c for c in tc.CATEGORIES if c in grid[engine_thresholds[c][0]][r.id]}
             | (engine[r.id] - set(tc.CATEGORIES)) for r in records}
    for name, subset in (("all", records), ("realistic", realistic)):
        results[name]["engine at chosen thresholds"] = score(subset, tuned, tc.CATEGORIES)
        print(report(f"[{name}] (engine, classifier rules at the thresholds chosen here)",
                     results[name]["engine at chosen thresholds"]))
    results["engine_thresholds"] = {c: t for c, (t, _) in engine_thresholds.items()}
    results["probabilities"] = probs  # out-of-fold, per message and category
    results["engine_predictions"] = {k: sorted(v) for k, v in engine.items()}
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, ensure_ascii=False, indent=1, sort_keys=True)
    if args.write:
        document = {"method": "leave-one-corpus-out (tools/evaluate_classifier.py)",
                    "max_clean_flagged_per_category": MAX_CLEAN_FLAGGED, "corpora": results["corpora"],
                    "categories": {}}
        for c in tc.CATEGORIES:
            document["categories"][c] = {
                "threshold": thresholds[c],
                "scores": {name: {label: results[name][label][c] for label in results[name]}
                           for name in ("all", "realistic") if results[name]},
            }
        document["summary"] = {name: {label: {"micro": results[name][label]["micro"],
                                              "clean_flagged": results[name][label]["clean_flagged"]}
                                      for label in results[name]}
                               for name in ("all", "realistic") if results[name]}
        with open(tc.EVALUATION, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n")
        print(f"wrote {tc.EVALUATION}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
