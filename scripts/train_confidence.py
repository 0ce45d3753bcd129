"""Train the block-level confidence model and write models/confidence/.

    .venv/bin/python scripts/train_confidence.py

Data: every block of the documents in ../shared/real/ofsted/gold.jsonl (read in
place) and corpus/gold.jsonl; a block is positive when at least 80% of its words
lie in one gold item of its document.  Scores are measured by 5-fold
cross-validation grouped by document (no document is in both train and test),
beside a layout-only baseline, and written into the model card.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import GroupKFold

from reviewmine.confidence import LAYOUT_FEATURES, MODEL_DIR, N_HASH, ConfidenceModel, featurize
from reviewmine.evaluate import load_gold, tokens
from reviewmine.extract import section_kind
from reviewmine.ingest import parse_file

ROOT = Path(__file__).resolve().parents[1]
GOLDS = [ROOT.parent / "shared" / "real" / "ofsted" / "gold.jsonl", ROOT / "corpus" / "gold.jsonl"]


def dataset() -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
    xs, ys, groups = [], [], []
    for gold in GOLDS:
        for row in load_gold(gold):
            doc, _ = parse_file(gold.parent / str(row["file"]))
            items = [Counter(tokens(str(g["text"]))) for g in row["items"]]  # type: ignore[attr-defined]
            blocks = [b for b in doc.blocks if len(tokens(b.text)) >= 3]
            in_sec, current = [], False
            for b in doc.blocks:
                if b.kind == "heading":
                    current = section_kind(b.text) is not None or (current and b.level > 2)
                if len(tokens(b.text)) >= 3:
                    in_sec.append(current)
            labels = []
            for b in blocks:
                bt = Counter(tokens(b.text))
                n = sum(bt.values())
                labels.append(int(any(sum((bt & it).values()) >= 0.8 * n for it in items)))
            xs.append(featurize([b.text for b in blocks], blocks, in_sec))
            ys += labels
            groups += [str(row["file"])] * len(blocks)
    return sparse.vstack(xs).tocsr(), np.array(ys), np.array(groups)


def fit(x: sparse.csr_matrix, y: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced").fit(x, y)


def main() -> None:
    # parsing runs extraction, which would load the model being replaced
    for old in ("model.json", "weights.npz"):
        (MODEL_DIR / old).unlink(missing_ok=True)
    x, y, groups = dataset()
    layout = slice(N_HASH, N_HASH + len(LAYOUT_FEATURES))
    scores: dict[str, dict[str, float]] = {}
    for name, cols in (("layout-only baseline", layout), ("words + layout (shipped)", slice(None))):
        prob = np.zeros(len(y))
        for tr, te in GroupKFold(n_splits=5).split(x, y, groups):
            prob[te] = fit(x[tr][:, cols], y[tr]).predict_proba(x[te][:, cols])[:, 1]
        pred = prob >= 0.5
        scores[name] = {"roc_auc": round(float(roc_auc_score(y, prob)), 4),
                        "precision": round(float(precision_score(y, pred)), 4),
                        "recall": round(float(recall_score(y, pred)), 4),
                        "f1": round(float(f1_score(y, pred)), 4)}
        print(f"{name:<28}", scores[name])
    clf = fit(x, y)
    model = ConfidenceModel(np.asarray(clf.coef_[0], dtype=np.float32), float(clf.intercept_[0]), "confidence.v1")
    model.save(MODEL_DIR, {"training_blocks": int(len(y)), "positive_blocks": int(y.sum()),
                           "documents": int(len(set(groups))), "grouped_cv": scores})
    print(f"wrote {MODEL_DIR} ({len(y)} blocks, {int(y.sum())} positive, {len(set(groups))} documents)")


if __name__ == "__main__":
    sys.exit(main())
