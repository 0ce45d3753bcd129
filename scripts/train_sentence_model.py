"""Measure a learned sentence-level reader of running text against the cue rules (and write it if it helps).

    .venv/bin/python scripts/train_sentence_model.py [--json out.json] [--save]

Units are the sentences and list entries (reviewmine.evaluation.sentence_units.units) of
the running-text documents: those extraction reads in full sentence mode (no section
of learning found, a scrutiny report, or a review whose sections hold no findings),
plus the letters as extra training data (--letters).  A unit is positive when it is
part of a gold item (>= 80% of its words in one gold item, as the summaries'
granularity-tolerant match counts a fragment) or holds one.  Three readers are scored
with the evaluation's own matching (one-to-one token F1 for item gold, granularity-
tolerant for the summaries):

  (a) the cue rules alone (extraction as it is);
  (b) the model alone (units above its threshold);
  (c) the rules, plus the model's units above a threshold that no rule item covers;
  (d) the same with another way of choosing the threshold.

Thresholds are chosen inside the training documents only (out-of-fold scores of a
3-fold split grouped by document): (b) the best unit F1; (c) the best F1 of the units
the rules do not cover, among thresholds whose precision there is >= --min-precision
(default 0.9); (d) the best F1 of rules and added units together, among thresholds
that keep their precision >= 0.95 on the training documents' running text.  Beside
them, (c) at fixed thresholds shows the most the model could add (a curve read on the
test documents, so not a threshold to adopt).
Splits: 5-fold cross-validation grouped by document over every running-text document;
leave-one-family-out (train on corpus + letters, test on the summaries; train on
summaries + letters, test on the corpus); and the three newest corpus pages (the last
three gold rows, written for an unseen measure) held out of training.  On the held-out
summaries, (a) is also given with the summaries-only lexicon entries withheld
(scripts/leave_one_family_out.py --rules), the rules' own held-out estimate.

Result (7 December 2026; 33 running-text documents, 538 of their units, 167 positive,
plus the 43 letters' 3,867 units for training): NOT ADOPTED.  Out-of-fold ROC AUC
0.80 on all units, 0.77 on the units no rule item covers; of those, 14 are right, and
the model would add 102 units to recover 11 of them at threshold 0.5, 8 units for 2 at
0.9.  (c) chooses no threshold in any split (it adds nothing, so equals (a)).  (d):
grouped CV corpus P 0.896 R 0.984 (rules 1.000 / 0.951, precision below 0.95),
summaries 0.965 / 0.925 (rules 1.000 / 0.925); summaries held out 0.993 / 0.925;
with the summaries-only lexicon withheld 0.986 / 0.483 (rules 1.000 / 0.476); corpus
held out 0.983 / 0.951 (rules 1.000 / 0.951); the newest corpus pages 1.000 / 0.850,
as the rules.  The model alone (b): 0.594 / 0.333 on the summaries held out.
Without the letters (--no-letters, tried after the above): (c) again adds nothing;
(d) adds 1 unit to the held-out summaries, a wrong one (a board's decision to hold a
review: 0.993 / 0.925), none with the summaries-only lexicon withheld (0.986 / 0.476),
and 2 right plain-narrative findings of one corpus page (corpus held out 1.000 /
0.984, newest pages 1.000 / 0.950); a variant chosen after seeing the first, on
fictional pages, against a wrong addition on the real family.  The model does not recover what the cue lexicon misses without costing more
precision than it returns in recall; extraction does not use it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from reviewmine.errors import ReviewmineError
from reviewmine.evaluation.extraction import (
    SCORED_KINDS,
    development_golds,
    evaluate_extraction,
    family_of,
    is_summary_format,
    load_gold,
)
from reviewmine.evaluation.sentence_units import Unit, featurize, unit_kind, units
from reviewmine.evaluation.summaries import evaluate_summaries, holds, load_summary_gold
from reviewmine.types import Document, Item

sys.path.insert(0, str(Path(__file__).resolve().parent))


@dataclass
class Doc:
    path: Path
    gold_file: Path
    row: dict[str, object]
    family: str
    doc: Document
    rules: list[Item]
    full: bool
    units: list[Unit]
    y: np.ndarray
    golds: list[str]


def is_full(doc: Document) -> bool:
    """Does extraction read this document in full sentence mode (running_text_items(sentences=True))?"""
    from reviewmine.extract.items import reads_every_sentence

    return reads_every_sentence(doc)


def gold_texts(gold_file: Path, row: dict[str, object]) -> list[str]:
    if is_summary_format(gold_file):
        return [str(t) for g in ("recommendations", "findings") for t in row[g]]  # type: ignore[attr-defined]
    return [str(g["text"]) for g in row["items"] if g.get("kind") in SCORED_KINDS]  # type: ignore[attr-defined]


def load_docs(letters: bool) -> list[Doc]:
    from reviewmine.ingest import parse_file

    out: list[Doc] = []
    for gold_file in development_golds():
        rows = (
            load_summary_gold(gold_file) if is_summary_format(gold_file) else load_gold(gold_file)
        )
        for row in rows:
            fam = family_of(row, str(row["file"]))
            if fam in ("ilacs_sif",) or (
                fam in ("focused_visit", "jtai", "area_send") and not letters
            ):
                continue
            path = gold_file.parent / str(row["file"])
            try:
                doc, items = parse_file(path)
            except ReviewmineError:
                continue
            full = is_full(doc)
            if not full and fam in ("summaries", "corpus"):
                continue  # a sectioned document: the running-text reader reads only its strong forms
            us = units(doc)
            golds = gold_texts(gold_file, row)
            y = np.array(
                [int(any(holds(g, u.text) or holds(u.text, g) for g in golds)) for u in us],
                dtype=np.int8,
            )
            out.append(Doc(path, gold_file, row, fam, doc, items, full, us, y, golds))
    return out


def fit(docs: Sequence[Doc]) -> tuple[np.ndarray, float]:
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    x = sparse.vstack([featurize(d.units) for d in docs if d.units]).tocsr()
    y = np.concatenate([d.y for d in docs if d.units])
    clf = LogisticRegression(C=1.0, solver="liblinear", class_weight="balanced").fit(x, y)
    return clf.coef_[0].astype(np.float32), float(clf.intercept_[0])


def predict(w: np.ndarray, b: float, d: Doc) -> np.ndarray:
    if not d.units:
        return np.zeros(0)
    return 1.0 / (1.0 + np.exp(-(np.asarray(featurize(d.units) @ w).ravel() + b)))


def covered(d: Doc) -> np.ndarray:
    """Units a rule item already holds or is held by (the model adds nothing there)."""
    return np.array(
        [any(holds(it.text, u.text) or holds(u.text, it.text) for it in d.rules) for u in d.units],
        dtype=bool,
    )


def best_threshold(p: np.ndarray, y: np.ndarray, min_precision: float) -> float:
    best, best_f1 = 1.01, -1.0  # 1.01: the model adds nothing
    for t in np.round(np.arange(0.05, 1.0, 0.01), 2):
        keep = p >= t
        tp = int((keep & (y == 1)).sum())
        fp = int((keep & (y == 0)).sum())
        if not tp or tp / (tp + fp) < min_precision:
            continue
        f1 = 2 * tp / (2 * tp + fp + int(y.sum()) - tp)
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(t), f1
    return best


def combined_threshold(
    p: np.ndarray,
    y: np.ndarray,
    c: np.ndarray,
    rules_right: int,
    rules_wrong: int,
    floor: float = 0.95,
) -> float:
    """(d): the threshold with the best F1 of rules + added units whose precision stays >= *floor*.

    Recall is counted over positive units (a unit a rule item covers counts as found).
    """
    best, best_f1 = 1.01, -1.0
    pos, found = int(y.sum()), int((y.astype(bool) & c).sum())
    for t in np.round(np.arange(0.05, 1.02, 0.01), 2):
        add = (p >= t) & ~c
        right, wrong = int((add & (y == 1)).sum()), int((add & (y == 0)).sum())
        prec = (rules_right + right) / max(rules_right + rules_wrong + right + wrong, 1)
        rec = (found + right) / max(pos, 1)
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if prec >= floor and f1 > best_f1 + 1e-9:
            best, best_f1 = float(t), f1
    return best


def rule_counts(d: Doc) -> tuple[int, int]:
    """Rule items of *d* (scored kinds) that hold or are held by a gold item, and those that are not."""
    its = [it for it in d.rules if it.kind in SCORED_KINDS]
    right = sum(1 for it in its if any(holds(g, it.text) or holds(it.text, g) for g in d.golds))
    return right, len(its) - right


def train(
    docs: Sequence[Doc], min_precision: float
) -> tuple[np.ndarray, float, float, float, float]:
    """Weights, bias and the thresholds of (b), (c) and (d), chosen on out-of-fold scores of *docs*."""
    from sklearn.model_selection import GroupKFold

    idx = np.arange(len(docs))
    probs, ys, cov = [], [], []
    for tr, te in GroupKFold(n_splits=min(3, len(docs))).split(idx, groups=idx):
        w, b = fit([docs[i] for i in tr])
        for i in te:
            probs.append(predict(w, b, docs[i]))
            ys.append(docs[i].y)
            cov.append(covered(docs[i]))
    p, y, c = np.concatenate(probs), np.concatenate(ys), np.concatenate(cov)
    t_alone = best_threshold(p, y, 0.0)
    t_add = best_threshold(p[~c], y[~c], min_precision)
    running = [d for d in docs if d.full]  # (d) is for the documents the reader reads in full
    mask = np.concatenate([np.full(len(d.units), d.full) for d in docs])
    counts = [rule_counts(d) for d in running]
    t_comb = combined_threshold(
        p[mask], y[mask], c[mask], sum(r for r, _ in counts), sum(w_ for _, w_ in counts)
    )
    w, b = fit(docs)
    return w, b, t_alone, t_add, t_comb


def model_items(d: Doc, p: np.ndarray, t: float, skip: np.ndarray | None = None) -> list[Item]:
    out = []
    for n, (u, s) in enumerate(zip(d.units, p)):
        if s >= t and (skip is None or not skip[n]):
            out.append(
                Item(
                    doc_id=d.doc.id,
                    kind=unit_kind(u),
                    text=u.text,
                    page=u.block.page,
                    heading=u.heading,
                    confidence=round(float(s), 3),
                    start=u.block.start,
                    end=u.block.end,
                )
            )
    return out


def readers(
    d: Doc,
    w: np.ndarray,
    b: float,
    t_alone: float,
    t_add: float,
    t_comb: float = 1.01,
    rules: list[Item] | None = None,
) -> dict[str, list[Item]]:
    p = predict(w, b, d)
    base = d.rules if rules is None else rules
    skip = np.array(
        [any(holds(it.text, u.text) or holds(u.text, it.text) for it in base) for u in d.units],
        dtype=bool,
    )
    return {
        "a": list(base),
        "b": model_items(d, p, t_alone),
        "c": list(base) + model_items(d, p, t_add, skip),
        "d": list(base) + model_items(d, p, t_comb, skip),
    }


def score(docs: Sequence[Doc], items: dict[Path, list[Item]]) -> dict[str, float]:
    """P/R of *items* on *docs* with the evaluation's own matching, summed over the documents' gold files."""
    tp = fn = fp = tp_pred = 0

    def extractor(path: Path) -> tuple[str, list[Item]]:
        return "", items[path.resolve()]

    by_gold: dict[Path, list[Doc]] = {}
    for d in docs:
        by_gold.setdefault(d.gold_file, []).append(d)
    with tempfile.TemporaryDirectory() as tmp:
        for n, (gold_file, ds) in enumerate(by_gold.items()):
            sub = Path(tmp) / f"gold{n}.jsonl"
            raw = [
                json.loads(x)
                for x in gold_file.read_text(encoding="utf-8").splitlines()
                if x.strip()
            ]
            keep = {str(d.row["file"]) for d in ds}
            sub.write_text(
                "".join(json.dumps(r) + "\n" for r in raw if r["file"] in keep), encoding="utf-8"
            )
            if is_summary_format(gold_file):
                o = evaluate_summaries(sub, gold_file.parent, extractor=extractor).overall
                tp, fn, fp, tp_pred = tp + o.tp, fn + o.fn, fp + o.fp, tp_pred + o.tp_pred
            else:
                e = evaluate_extraction(sub, gold_file.parent, extractor=extractor).overall
                tp, fn, fp, tp_pred = tp + e.tp, fn + e.fn, fp + e.fp, tp_pred + e.tp
    return {
        "precision": round(tp_pred / (tp_pred + fp), 3) if tp_pred + fp else 1.0,
        "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
        "documents": len(docs),
    }


def evaluate(
    test: Sequence[Doc],
    train_docs: Sequence[Doc],
    min_precision: float,
    rules_for: Callable[[Doc], list[Item]] | None = None,
) -> dict[str, object]:
    w, b, t_alone, t_add, t_comb = train(train_docs, min_precision)
    got = {
        d.path.resolve(): readers(
            d, w, b, t_alone, t_add, t_comb, rules_for(d) if rules_for else None
        )
        for d in test
    }
    out: dict[str, object] = {r: score(test, {p: v[r] for p, v in got.items()}) for r in "abcd"}
    out["thresholds"] = {"b": t_alone, "c": t_add, "d": t_comb}
    out["added"] = {r: sum(len(v[r]) - len(v["a"]) for v in got.values()) for r in "cd"}
    # (c) at fixed thresholds: what the model could add at best (a curve, not a threshold chosen here)
    curve = []
    for t in (0.5, 0.7, 0.8, 0.9):
        fixed = {
            d.path.resolve(): readers(
                d, w, b, t_alone, t, 1.01, rules_for(d) if rules_for else None
            )["c"]
            for d in test
        }
        curve.append(
            {
                "threshold": t,
                "added": sum(len(v) for v in fixed.values())
                - sum(len(v["a"]) for v in got.values()),
                **score(test, fixed),
            }
        )
    out["c_at_fixed_thresholds"] = curve
    return out


def grouped_cv(docs: Sequence[Doc], min_precision: float, folds: int = 5) -> dict[str, object]:
    """Out-of-fold readers on every running-text document, scored per family."""
    from sklearn.model_selection import GroupKFold

    pool = [d for d in docs if d.full]
    idx = np.arange(len(pool))
    got: dict[Path, dict[str, list[Item]]] = {}
    thresholds = []
    oof: list[
        tuple[np.ndarray, np.ndarray, np.ndarray]
    ] = []  # scores, labels, covered by a rule item
    for tr, te in GroupKFold(n_splits=folds).split(idx, groups=idx):
        train_docs = [pool[i] for i in tr] + [
            d for d in docs if not d.full
        ]  # letters only ever train
        w, b, t_alone, t_add, t_comb = train(train_docs, min_precision)
        thresholds.append((t_alone, t_add, t_comb))
        for i in te:
            got[pool[i].path.resolve()] = readers(pool[i], w, b, t_alone, t_add, t_comb)
            oof.append((predict(w, b, pool[i]), pool[i].y, covered(pool[i])))
    p, y, c = (np.concatenate([o[k] for o in oof]) for k in range(3))
    curve = []
    for t in (0.3, 0.5, 0.7, 0.8, 0.9, 0.95):
        keep = (p >= t) & ~c
        curve.append(
            {
                "threshold": t,
                "added": int(keep.sum()),
                "right": int((keep & (y == 1)).sum()),
                "positives_uncovered": int(((y == 1) & ~c).sum()),
            }
        )
    out: dict[str, object] = {
        "thresholds": thresholds,
        "uncovered_units_curve": curve,
        "roc_auc_all_units": round(float(_auc(y, p)), 3),
        "roc_auc_uncovered_units": round(float(_auc(y[~c], p[~c])), 3),
    }
    for fam in sorted({d.family for d in pool}):
        test = [d for d in pool if d.family == fam]
        out[fam] = {
            r: score(test, {d.path.resolve(): got[d.path.resolve()][r] for d in test})
            for r in "abcd"
        }
    return out


def _auc(y: np.ndarray, p: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, p)) if 0 < y.sum() < len(y) else float("nan")


def withheld_rules(docs: Sequence[Doc], family: str) -> dict[Path, list[Item]]:
    """Extraction of *family*'s documents with the lexicon entries only that family uses withheld."""
    from collections import defaultdict

    from leave_one_family_out import gold_documents, installed_lexicon

    from reviewmine.extract.items import extract_items
    from reviewmine.ingest import parse_file

    fam_of = gold_documents(development_golds())
    parsed: dict[Path, Document] = {}
    for p in fam_of:
        try:
            parsed[p] = parse_file(p)[0]
        except ReviewmineError:
            continue
    with installed_lexicon() as lex:
        used: dict[int, set[str]] = defaultdict(set)
        for p, doc in parsed.items():
            seen: set[int] = set()
            lex.record(seen)
            extract_items(doc)
            lex.record(None)
            for e in seen:
                used[e].add(fam_of[p])
        lex.drop(frozenset(e for e, fams in used.items() if fams == {family}))
        types = defaultdict(set)
        for p, doc in parsed.items():
            types[doc.doc_type].add(fam_of[p])
        unseen = {t for t, fams in types.items() if fams == {family}}
        out = {}
        for d in docs:
            if d.family == family:
                doc = d.doc if d.doc.doc_type not in unseen else replace(d.doc, doc_type="other")
                out[d.path.resolve()] = extract_items(doc)
        lex.drop(frozenset())
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", type=Path)
    ap.add_argument(
        "--no-letters", dest="letters", action="store_false", help="train without the letters"
    )
    ap.add_argument(
        "--min-precision",
        type=float,
        default=0.9,
        help="(c): least out-of-fold precision of the units the model adds",
    )
    args = ap.parse_args()
    docs = load_docs(args.letters)
    fams = sorted({d.family for d in docs})
    print(
        f"{len(docs)} documents ({', '.join(f'{f} {sum(d.family == f for d in docs)}' for f in fams)}); "
        f"running-text: {sum(d.full for d in docs)}; units {sum(len(d.units) for d in docs)}, "
        f"positive {sum(int(d.y.sum()) for d in docs)}"
    )
    report: dict[str, object] = {}

    def show(name: str, r: dict[str, object]) -> None:
        cells = "  ".join(
            f"({k}) P {r[k]['precision']:.3f} R {r[k]['recall']:.3f}"  # type: ignore[index]
            for k in "abcd"
            if k in r
        )
        print(
            f"{name:<46}{cells}  thresholds {r.get('thresholds', '')}  units added {r.get('added', '')}"
        )
        for row in r.get("c_at_fixed_thresholds", ()):  # type: ignore[attr-defined]
            print(
                f"{'':<8}(c) at a fixed threshold {row['threshold']}: P {row['precision']:.3f} "
                f"R {row['recall']:.3f}, {row['added']} units added"
            )
        sys.stdout.flush()

    cv = grouped_cv(docs, args.min_precision)
    report["grouped_cv"] = cv
    print(f"grouped-CV thresholds (b, c, d) per fold: {cv['thresholds']}")
    print(
        f"out-of-fold ROC AUC: all units {cv['roc_auc_all_units']}, units no rule item covers "
        f"{cv['roc_auc_uncovered_units']}"
    )
    for row in cv["uncovered_units_curve"]:  # type: ignore[attr-defined]
        print(
            f"  units the model would add at threshold {row['threshold']}: {row['added']}, of them right "
            f"{row['right']} (right units the rules miss: {row['positives_uncovered']})"
        )
    for fam in fams:
        if fam in cv:
            show(f"5-fold grouped CV, {fam} (development)", cv[fam])  # type: ignore[arg-type]
    summ = [d for d in docs if d.family == "summaries"]
    corpus = [d for d in docs if d.family == "corpus"]
    others = [d for d in docs if d.family not in ("summaries",)]
    lofo = evaluate(summ, others, args.min_precision)
    report["lofo_summaries"] = lofo
    extra = "+letters" if args.letters else ""
    show(f"LOFO: train corpus{extra}, test summaries", lofo)
    held_rules = withheld_rules(docs, "summaries")
    lofo_w = evaluate(
        summ, others, args.min_precision, rules_for=lambda d: held_rules[d.path.resolve()]
    )
    report["lofo_summaries_rules_withheld"] = lofo_w
    show("  ... rules with summaries-only entries withheld", lofo_w)
    lofo_c = evaluate(corpus, [d for d in docs if d.family != "corpus"], args.min_precision)
    report["lofo_corpus"] = lofo_c
    show(f"LOFO: train summaries{extra}, test corpus", lofo_c)
    corpus_rows = [
        json.loads(x) for x in (Path("corpus") / "gold.jsonl").read_text().splitlines() if x.strip()
    ]
    newest = {str(r["file"]) for r in corpus_rows[-3:]}
    new = [d for d in corpus if str(d.row["file"]) in newest]
    if new:
        r3 = evaluate(new, [d for d in docs if d not in new], args.min_precision)
        report["newest_corpus_pages"] = r3
        show(f"3 newest corpus pages held out ({len(new)} read)", r3)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
