"""Train the confidence model and write models/confidence/.

    .venv/bin/python scripts/train_confidence.py [--data both]

Data: the development gold files (reviewmine.evaluation.extraction.development_golds: the
real Ofsted reports, letters and summaries under ../shared/real, read in place,
and corpus/gold.jsonl).  Rows are every block of >= 3 words (positive when at
least 80% of its words lie in one gold item) and/or the extraction rules'
candidate items (positive when they match gold as the evaluation matches them).
Scores come from 5-fold cross-validation grouped by document (no document is
in both train and test), beside a layout-only baseline, and go into model.json.
The model only ranks.  What it would do as a filter (the threshold with the best
F1 on out-of-fold candidate scores that drops at most 1% of the right ones) is
recorded in model.json; scripts/leave_one_family_out.py measures whether such a
filter carries over to a family the model never saw (it does not, so none is used).
"""

from __future__ import annotations

import argparse
import sys

import numpy as np
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import GroupKFold

from reviewmine.evaluation.confidence import (
    choose_threshold,
    fit,
    labelled_documents,
    out_of_fold,
    training_matrix,
)
from reviewmine.evaluation.extraction import development_golds
from reviewmine.extract.confidence import LAYOUT_FEATURES, MODEL_DIR, N_HASH

MODEL_ID = "confidence.v2"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", choices=("blocks", "candidates", "both"), default="both")
    args = ap.parse_args()
    golds = development_golds()
    docs = labelled_documents(golds)
    x, y, groups = training_matrix(docs, args.data)
    layout = np.arange(N_HASH, N_HASH + len(LAYOUT_FEATURES))
    scores: dict[str, dict[str, float]] = {}
    for name, cols in (("layout-only baseline", layout), ("words + layout (shipped)", None)):
        prob = np.zeros(len(y))
        for tr, te in GroupKFold(n_splits=5).split(x, y, groups):
            xa = x if cols is None else x[:, cols]
            prob[te] = fit(xa[tr], y[tr]).predict(xa[te])
        pred = prob >= 0.5
        scores[name] = {
            "roc_auc": round(float(roc_auc_score(y, prob)), 4),
            "precision": round(float(precision_score(y, pred)), 4),
            "recall": round(float(recall_score(y, pred)), 4),
            "f1": round(float(f1_score(y, pred)), 4),
        }
        print(f"{name:<28}", scores[name])
    oof, lab = out_of_fold(docs, args.data, folds=5)
    t = choose_threshold(oof, lab, sum(d.gold_unmatched for d in docs))
    drop: dict[str, float] = {
        "threshold": t,
        "right_candidates_dropped": int(((oof < t) & (lab == 1)).sum()),
        "wrong_candidates_dropped": int(((oof < t) & (lab == 0)).sum()),
        "right_candidates": int(lab.sum()),
        "wrong_candidates": int((lab == 0).sum()),
    }
    print(f"as a filter (not used) on out-of-fold candidate scores: {drop}")
    model = fit(x, y, MODEL_ID)
    families = sorted({d.family for d in docs})
    model.save(
        MODEL_DIR,
        {
            "training_rows": len(y),
            "positive_rows": int(y.sum()),
            "data": args.data,
            "documents": len(docs),
            "families": families,
            "grouped_cv": scores,
            "as_a_filter_out_of_fold": drop,
        },
    )
    print(
        f"wrote {MODEL_DIR} ({len(y)} rows, {int(y.sum())} positive, {len(docs)} documents, "
        f"families {', '.join(families)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
