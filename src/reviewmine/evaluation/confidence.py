"""Training data for the extraction confidence model, read from the gold files.

Parses each gold document once and labels the extractor's candidates and blocks
with the evaluation's matching; :mod:`reviewmine.extract.confidence` holds the
model and its features (and needs none of this to score items).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..errors import ModelError
from ..extract.confidence import N_HASH, ConfidenceModel, featurize, use_model
from ..types import Item

if TYPE_CHECKING:
    from scipy import sparse

# ------------------------------------------------------------------ training data


@dataclass(frozen=True)
class _Recorder(ConfidenceModel):
    """Stands in for the model during extraction to capture the candidates' features."""

    seen: list[sparse.csr_matrix] = field(default_factory=list)

    def predict(self, x: sparse.csr_matrix) -> np.ndarray:
        self.seen.append(x)
        return np.full(x.shape[0], 0.5)


@dataclass(frozen=True)
class LabelledDocument:
    """One gold document as training and evaluation data for the confidence model."""

    path: Path
    family: str
    items: tuple[Item, ...]  # the rules' candidates, in extraction order
    cand_x: sparse.csr_matrix  # one row per candidate
    cand_y: np.ndarray  # 1 when the candidate matches gold, 0 when not
    cand_scored: np.ndarray  # False for kinds the evaluation does not score (strengths)
    block_x: sparse.csr_matrix  # every block of >= 3 words
    block_y: np.ndarray  # 1 when >= 80% of the block's words lie in one gold item
    gold_unmatched: int  # gold items no candidate matches (recall the filter cannot restore)


def labelled_documents(gold_paths: Sequence[Path]) -> list[LabelledDocument]:
    """Parse every document of the gold files once, labelling its candidates and blocks.

    Item-format gold labels a candidate by the one-to-one token-F1 match of the
    evaluation; summaries-format gold by the granularity-tolerant match.
    Documents that are refused (a ReviewmineError) are left out.
    """
    from collections import Counter

    from ..errors import ReviewmineError
    from ..extract.sections import section_kind
    from ..ingest import parse_file
    from .extraction import SCORED_KINDS, family_of, is_summary_format, load_gold
    from .scoring import match_items, tokens

    out: list[LabelledDocument] = []
    for gold_path in gold_paths:
        summary = is_summary_format(gold_path)
        if summary:
            from .summaries import group_of, holds, load_summary_gold

            rows = load_summary_gold(gold_path)
        else:
            rows = load_gold(gold_path)
        for row in rows:
            path = gold_path.parent / str(row["file"])
            recorder = _Recorder(np.zeros(1, dtype=np.float32), 0.0, "recorder")
            try:
                with use_model(recorder):
                    doc, items = parse_file(path)
            except ReviewmineError:
                continue
            x = recorder.seen[-1] if items else featurize([], [], [])
            if x.shape[0] != len(items):
                raise ModelError(
                    f"{len(items)} items but {x.shape[0]} scored candidates", path=path
                )
            scored = np.array([it.kind in SCORED_KINDS for it in items], dtype=bool)
            if summary:
                gold = {g: [str(t) for t in row[g]] for g in ("recommendations", "findings")}
                y = np.array(
                    [
                        any(holds(it.text, t) or holds(t, it.text) for t in gold[group_of(it.kind)])
                        for it in items
                    ],
                    dtype=np.int8,
                )
                gold_texts = gold["recommendations"] + gold["findings"]
                unmatched = sum(
                    1
                    for g, ts in gold.items()
                    for t in ts
                    if not any(group_of(it.kind) == g and holds(it.text, t) for it in items)
                )
            else:
                gold_items = [g for g in row["items"] if g.get("kind") in SCORED_KINDS]
                pred = [it for it, s in zip(items, scored) if s]
                matched, misses, _ = match_items(gold_items, pred, str(row["file"]))
                hit = {m.pred_text for m in matched}
                y = np.array([it.text in hit for it in items], dtype=np.int8)
                gold_texts = [str(g["text"]) for g in row["items"]]
                unmatched = len(misses)
            gold_bags = [Counter(tokens(t)) for t in gold_texts]
            blocks = [b for b in doc.blocks if len(tokens(b.text)) >= 3]
            in_sec, current = [], False
            for b in doc.blocks:
                if b.kind == "heading":
                    current = section_kind(b.text) is not None or (current and b.level > 2)
                if len(tokens(b.text)) >= 3:
                    in_sec.append(current)
            block_y = []
            for b in blocks:
                bt = Counter(tokens(b.text))
                n = sum(bt.values())
                block_y.append(int(any(sum((bt & g).values()) >= 0.8 * n for g in gold_bags)))
            out.append(
                LabelledDocument(
                    path=path,
                    family=family_of(row, str(row["file"])),
                    items=tuple(items),
                    cand_x=x,
                    cand_y=y,
                    cand_scored=scored,
                    block_x=featurize([b.text for b in blocks], blocks, in_sec),
                    block_y=np.array(block_y, dtype=np.int8),
                    gold_unmatched=unmatched,
                )
            )
    return out


def training_matrix(
    docs: Sequence[LabelledDocument], data: str
) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
    """Rows, labels and document groups: *data* is "blocks", "candidates" or "both"."""
    from scipy import sparse

    xs, ys, groups = [], [], []
    for n, d in enumerate(docs):
        if data in ("blocks", "both") and d.block_x.shape[0]:
            xs.append(d.block_x)
            ys.append(d.block_y)
            groups += [n] * d.block_x.shape[0]
        if data in ("candidates", "both") and d.cand_scored.any():
            xs.append(d.cand_x[d.cand_scored])
            ys.append(d.cand_y[d.cand_scored])
            groups += [n] * int(d.cand_scored.sum())
    return sparse.vstack(xs).tocsr(), np.concatenate(ys), np.array(groups)


def fit(
    x: sparse.csr_matrix, y: np.ndarray, model_id: str = "confidence", *, form_only: bool = False
) -> ConfidenceModel:
    """Class-balanced logistic regression (C=4) as a ConfidenceModel.

    *form_only*: learn from the layout and form flags alone (word weights stay 0).
    """
    from sklearn.linear_model import LogisticRegression

    if len(np.unique(y)) < 2:  # one class only (no wrong candidates left to learn from): a constant
        return ConfidenceModel(
            np.zeros(x.shape[1], dtype=np.float32), 10.0 if y.size and y[0] else -10.0, model_id
        )
    first = N_HASH if form_only else 0
    # liblinear: several times faster than lbfgs on these sparse rows, same model family
    clf = LogisticRegression(C=4.0, solver="liblinear", class_weight="balanced").fit(
        x[:, first:], y
    )
    w = np.zeros(x.shape[1], dtype=np.float32)
    w[first:] = clf.coef_[0]
    return ConfidenceModel(w, float(clf.intercept_[0]), model_id)


def choose_threshold(
    prob: np.ndarray, y: np.ndarray, unmatched: int, max_drop: float = 0.01
) -> float:
    """The threshold with the best F1 of the candidates that drops at most *max_drop* of the right ones.

    *prob* and *y* are out-of-fold scores and labels of scored candidates;
    *unmatched* gold items count as misses whatever the threshold.  0.0: no filter.
    """
    pos = int(y.sum())
    best, best_f1 = 0.0, -1.0
    for t in np.round(np.arange(0.0, 0.96, 0.01), 2):
        keep = prob >= t
        tp = int((keep & (y == 1)).sum())
        fp = int((keep & (y == 0)).sum())
        if pos and (pos - tp) > max_drop * pos:
            break
        f1 = 2 * tp / (2 * tp + fp + (pos - tp) + unmatched) if tp else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(t), f1
    return best


def out_of_fold(
    docs: Sequence[LabelledDocument], data: str, folds: int = 3, *, form_only: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """Scores of every scored candidate from a model that never saw its document (grouped K-fold)."""
    from sklearn.model_selection import GroupKFold

    idx = np.arange(len(docs))
    probs, labels = [], []
    for tr, te in GroupKFold(n_splits=min(folds, len(docs))).split(idx, groups=idx):
        x, y, _ = training_matrix([docs[i] for i in tr], data)
        model = fit(x, y, form_only=form_only)
        for i in te:
            d = docs[i]
            if d.cand_scored.any():
                probs.append(model.predict(d.cand_x[d.cand_scored]))
                labels.append(d.cand_y[d.cand_scored])
    return np.concatenate(probs), np.concatenate(labels)
