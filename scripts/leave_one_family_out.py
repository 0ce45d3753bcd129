"""Leave one document family out: train on all other families, score on the one left out.

    .venv/bin/python scripts/leave_one_family_out.py [--data both] [--json out.json]

Families (from the gold): ilacs_sif (../shared/real/ofsted), focused_visit, jtai,
area_send (../shared/real/letters), corpus (corpus/gold.jsonl), summaries
(../shared/real/summaries, scored granularity-tolerant).

What is learned in extraction is the confidence model (reviewmine.extract.confidence):
the rules find candidate items, the model scores them.  For each left-out
family this script trains the model on the other families only, chooses its
filter threshold on those families too (out-of-fold scores, grouped by
document; at most 1% of their right candidates dropped), then scores the
left-out family twice: the rules' candidates as they are, and the candidates
the model keeps.  "block AUC" says how well the model, as a ranker, tells the
left-out family's learning blocks from its other blocks.  The model is trained
on three kinds of data, reported side
by side: every block of the gold documents, the rules' candidates, or both;
with words and form flags, or (--features form) the layout and form flags only.

The rules themselves were written while looking at every family, so this
measures only the learned part: it says whether the filter carries over to a
family it never saw, not how the rules would do on one.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from reviewmine.evaluation.confidence import (
    LabelledDocument,
    choose_threshold,
    fit,
    labelled_documents,
    out_of_fold,
    training_matrix,
)
from reviewmine.evaluation.extraction import FAMILIES, development_golds, evaluate_by_family
from reviewmine.extract.confidence import ConfidenceModel
from reviewmine.types import Item

DATA = ("blocks", "candidates", "both")
CAVEAT = ("NOTE: the extraction rules were developed on all of these families; leave-one-family-out "
          "measures only the learned filter (confidence model and its threshold).")


def score(golds: list[Path], docs: list[LabelledDocument], keep: dict[Path, list[Item]] | None = None
          ) -> dict[str, dict[str, object]]:
    """Per-family scores of the candidates (all of them, or those in *keep*), with the evaluation's matching."""
    by_path = {d.path.resolve(): list(d.items) for d in docs}
    if keep is not None:
        by_path.update({p.resolve(): v for p, v in keep.items()})

    def extractor(p: Path) -> tuple[str, list[Item]]:
        return "", by_path[p.resolve()]

    return {k: v.as_dict() for k, v in evaluate_by_family(golds, extractor=extractor).by_family.items()}


def filtered(docs: list[LabelledDocument], model: ConfidenceModel, threshold: float) -> dict[Path, list[Item]]:
    out: dict[Path, list[Item]] = {}
    for d in docs:
        probs = model.predict(d.cand_x) if d.items else np.zeros(0)
        out[d.path] = [replace(it, confidence=round(float(p), 3)) for it, p in zip(d.items, probs)
                       if it.kind == "good_practice" or round(float(p), 3) >= threshold]
    return out


def block_auc(docs: list[LabelledDocument], model: ConfidenceModel) -> float | None:
    """ROC AUC of the model's scores on the left-out family's blocks (learning against the rest)."""
    from sklearn.metrics import roc_auc_score

    y = np.concatenate([d.block_y for d in docs])
    if len(set(y.tolist())) < 2:
        return None
    return round(float(roc_auc_score(y, np.concatenate([model.predict(d.block_x) for d in docs]))), 4)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", choices=DATA + ("all",), default="all", help="training data to compare")
    ap.add_argument("--features", choices=("words+form", "form"), default="words+form",
                    help="form: layout and form flags only, no words")
    ap.add_argument("--json", type=Path, help="also write the table as JSON")
    args = ap.parse_args()
    golds = development_golds()
    docs = labelled_documents(golds)
    families = [f for f in FAMILIES if any(d.family == f for d in docs)]
    variants = DATA if args.data == "all" else (args.data,)
    form_only = args.features == "form"
    rules = score(golds, docs)

    print(CAVEAT)
    print(f"{len(docs)} documents; families: {', '.join(families)}; features: {args.features}")
    rows: list[dict[str, object]] = []
    header = (f"{'left out':<14}{'docs':>5} {'training data':<12}{'thr':>6}"
              f"{'rules P':>9}{'rules R':>9}{'filter P':>10}{'filter R':>10}{'dropped right/wrong':>21}"
              f"{'block AUC':>11}")
    print(header)
    for held in families:
        test = [d for d in docs if d.family == held]
        train = [d for d in docs if d.family != held]
        r = rules[held]
        for data in variants:
            x, y, _ = training_matrix(train, data)
            model = fit(x, y, form_only=form_only)
            prob, lab = out_of_fold(train, data, form_only=form_only)
            threshold = choose_threshold(prob, lab, sum(d.gold_unmatched for d in train))
            keep = filtered(test, model, threshold)
            f = score(golds, docs, keep)[held]
            gone = [(np.round(model.predict(d.cand_x), 3) < threshold) & d.cand_scored for d in test if d.items]
            labels = [d.cand_y for d in test if d.items]
            right = sum(int((g & (y == 1)).sum()) for g, y in zip(gone, labels))
            wrong = sum(int((g & (y == 0)).sum()) for g, y in zip(gone, labels))
            auc = block_auc(test, model)
            rows.append({"family": held, "documents": len(test), "data": data, "features": args.features,
                         "threshold": threshold, "block_auc": auc,
                         "rules": {k: r[k] for k in ("precision", "recall", "f1")},
                         "filtered": {k: f[k] for k in ("precision", "recall", "f1")},
                         "dropped_right": right, "dropped_wrong": wrong})
            print(f"{held:<14}{len(test):>5} {data:<12}{threshold:>6.2f}{r['precision']:>9.3f}{r['recall']:>9.3f}"
                  f"{f['precision']:>10.3f}{f['recall']:>10.3f}{f'{right}/{wrong}':>21}"
                  f"{'-' if auc is None else f'{auc:.3f}':>11}")
        sys.stdout.flush()
    print("\nmean over left-out families (each family weighs the same):")
    for data in variants:
        sel = [x for x in rows if x["data"] == data]
        rp = np.mean([x["rules"]["precision"] for x in sel])
        rr = np.mean([x["rules"]["recall"] for x in sel])
        fp = np.mean([x["filtered"]["precision"] for x in sel])
        fr = np.mean([x["filtered"]["recall"] for x in sel])
        worse = [x["family"] for x in sel if x["filtered"]["recall"] < x["rules"]["recall"] - 1e-9]
        print(f"  {data:<12} rules P={rp:.3f} R={rr:.3f}  filter P={fp:.3f} R={fr:.3f}  "
              f"recall lower on: {', '.join(worse) or 'none'}")
    print(CAVEAT)
    if args.json:
        args.json.write_text(json.dumps({"note": CAVEAT, "rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
