"""A small learned model that scores how likely a block is learning (an item).

The rules in :mod:`reviewmine.extract` decide what is an item; this model
gives each its ``confidence`` so a reviewer can check the doubtful ones first.
It does not drop items: ``scripts/leave_one_family_out.py`` measured it as a
filter (candidates below a threshold dropped) and found that it costs recall
on a family of documents it never saw.  Logistic regression over hashed words
and a few layout and form features, trained on the gold files by
``scripts/train_confidence.py`` (the training rows are built here); stored as
plain arrays (no pickle) under ``models/confidence/`` with a model card.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .artefacts import model_dir
from .errors import ModelError
from .types import Block, Item

if TYPE_CHECKING:
    from scipy import sparse

N_HASH = 2**16
MODEL_DIR = model_dir("confidence")
_WORD = re.compile(r"[a-z0-9]+")
_MODAL = re.compile(r"\b(should|must|ensure|needs? to|recommend\w*|improve|develop|review)\b", re.I)
_IMPERATIVE = re.compile(r"^(ensure|improve|develop|strengthen|review|establish|implement|provide|"
                         r"increase|reduce|make|agree|commission|consider|embed|extend|maintain|the)\b",
                         re.I)
# Form of a line that is not a statement: a name, an organisation, an address, a contact.
_CONTACT = re.compile(r"@|\bwww\.|https?:|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|\b\d{3,5} ?\d{3} ?\d{3,4}\b")
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")
LAYOUT_FEATURES = ("list_item", "paragraph", "heading", "table_cell", "bullet", "numbered",
                   "in_section", "modal", "imperative_start", "question", "long",
                   "no_end_stop", "short", "title_case", "contact")


def _hash(token: str) -> int:
    # FNV-1a: stable across processes and Python versions, unlike hash()
    h = 2166136261
    for ch in token.encode("utf-8"):
        h = ((h ^ ch) * 16777619) & 0xFFFFFFFF
    return h % N_HASH


def featurize(texts: Sequence[str], blocks: Sequence[Block], in_section: Sequence[bool]) -> sparse.csr_matrix:
    """Sparse features: hashed word unigrams and bigrams (L2-normalised) + layout flags."""
    from scipy import sparse

    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, (text, b, sec) in enumerate(zip(texts, blocks, in_section)):
        words = _WORD.findall(text.lower())
        counts: dict[int, float] = {}
        for tok in words + [f"{a}_{b2}" for a, b2 in zip(words, words[1:])]:
            h = _hash(tok)
            counts[h] = counts.get(h, 0.0) + 1.0
        norm = float(np.sqrt(sum(v * v for v in counts.values()))) or 1.0
        for h in sorted(counts):
            rows.append(i)
            cols.append(h)
            vals.append(counts[h] / norm)
        n_words = len(text.split())
        flags = (b.kind == "list_item", b.kind == "paragraph", b.kind == "heading",
                 b.kind == "table_cell", b.bullet, bool(b.number), sec,
                 bool(_MODAL.search(text)), bool(_IMPERATIVE.match(text)),
                 text.rstrip().endswith("?"), len(text) > 400,
                 not text.rstrip().rstrip("”’\"')").endswith((".", "?", "!", ":", ";")),
                 n_words < 6, len(_CAPITALISED.findall(text)) >= 0.6 * max(n_words, 1),
                 bool(_CONTACT.search(text)))
        for j, flag in enumerate(flags):
            if flag:
                rows.append(i)
                cols.append(N_HASH + j)
                vals.append(1.0)
    shape = (len(texts), N_HASH + len(LAYOUT_FEATURES))
    return sparse.csr_matrix((np.array(vals, dtype=np.float32), (rows, cols)), shape=shape)


@dataclass(frozen=True)
class ConfidenceModel:
    weights: np.ndarray  # (N_HASH + len(LAYOUT_FEATURES),)
    bias: float
    model_id: str

    def predict(self, x: sparse.csr_matrix) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(np.asarray(x @ self.weights).ravel() + self.bias)))

    def save(self, folder: Path, meta: dict[str, object]) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        nz = np.flatnonzero(self.weights)
        np.savez_compressed(folder / "weights.npz", index=nz.astype(np.int32),
                            value=self.weights[nz].astype(np.float32))
        (folder / "model.json").write_text(json.dumps(
            {"model_id": self.model_id, "bias": self.bias, "n_hash": N_HASH,
             "layout_features": list(LAYOUT_FEATURES), **meta}, indent=2, sort_keys=True) + "\n")

    @classmethod
    def load(cls, folder: Path | None = None) -> ConfidenceModel:
        folder = folder or MODEL_DIR
        try:
            meta = json.loads((folder / "model.json").read_text())
            with np.load(folder / "weights.npz", allow_pickle=False) as z:
                index, value = z["index"], z["value"]
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"the confidence model cannot be read ({exc})", path=folder,
                             hint="regenerate it: .venv/bin/python scripts/train_confidence.py") from exc
        # a model trained on a prefix of today's features still loads: the later ones weigh 0
        trained = meta.get("layout_features") or []
        if meta.get("n_hash") != N_HASH or list(LAYOUT_FEATURES[:len(trained)]) != trained:
            raise ModelError("the confidence model was trained with other features", path=folder,
                             hint="regenerate it: .venv/bin/python scripts/train_confidence.py")
        w = np.zeros(N_HASH + len(LAYOUT_FEATURES), dtype=np.float32)
        w[index] = value
        return cls(w, float(meta["bias"]), str(meta["model_id"]))


_CACHED: ConfidenceModel | None = None


def default_model() -> ConfidenceModel | None:
    """The shipped model, loaded once per process; None when it is not installed."""
    global _CACHED
    if _CACHED is None and (MODEL_DIR / "model.json").exists():
        _CACHED = ConfidenceModel.load(MODEL_DIR)
    return _CACHED


@contextmanager
def use_model(model: ConfidenceModel | None) -> Iterator[None]:
    """Run extraction with *model* instead of the shipped one (training and evaluation scripts)."""
    global _CACHED
    before = _CACHED
    _CACHED = model
    try:
        yield
    finally:
        _CACHED = before


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

    from .errors import ReviewmineError
    from .evaluate import SCORED_KINDS, family_of, is_summary_format, load_gold, match_items, tokens
    from .extract import section_kind
    from .ingest import parse_file

    out: list[LabelledDocument] = []
    for gold_path in gold_paths:
        summary = is_summary_format(gold_path)
        if summary:
            from .summary_eval import group_of, holds, load_summary_gold

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
                raise ModelError(f"{len(items)} items but {x.shape[0]} scored candidates", path=path)
            scored = np.array([it.kind in SCORED_KINDS for it in items], dtype=bool)
            if summary:
                gold = {g: [str(t) for t in row[g]] for g in ("recommendations", "findings")}  # type: ignore[attr-defined]
                y = np.array([any(holds(it.text, t) or holds(t, it.text) for t in gold[group_of(it.kind)])
                              for it in items], dtype=np.int8)
                gold_texts = gold["recommendations"] + gold["findings"]
                unmatched = sum(1 for g, ts in gold.items() for t in ts
                                if not any(group_of(it.kind) == g and holds(it.text, t) for it in items))
            else:
                gold_items = [g for g in row["items"] if g.get("kind") in SCORED_KINDS]  # type: ignore[attr-defined]
                pred = [it for it, s in zip(items, scored) if s]
                matched, misses, _ = match_items(gold_items, pred, str(row["file"]))
                hit = {m.pred_text for m in matched}
                y = np.array([it.text in hit for it in items], dtype=np.int8)
                gold_texts = [str(g["text"]) for g in row["items"]]  # type: ignore[attr-defined]
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
            out.append(LabelledDocument(
                path=path, family=family_of(row, str(row["file"])), items=tuple(items), cand_x=x, cand_y=y,
                cand_scored=scored, block_x=featurize([b.text for b in blocks], blocks, in_sec),
                block_y=np.array(block_y, dtype=np.int8), gold_unmatched=unmatched))
    return out


def training_matrix(docs: Sequence[LabelledDocument], data: str) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
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


def fit(x: sparse.csr_matrix, y: np.ndarray, model_id: str = "confidence", *,
        form_only: bool = False) -> ConfidenceModel:
    """Class-balanced logistic regression (C=4) as a ConfidenceModel.

    *form_only*: learn from the layout and form flags alone (word weights stay 0).
    """
    from sklearn.linear_model import LogisticRegression

    if len(np.unique(y)) < 2:  # one class only (no wrong candidates left to learn from): a constant
        return ConfidenceModel(np.zeros(x.shape[1], dtype=np.float32), 10.0 if y.size and y[0] else -10.0,
                               model_id)
    first = N_HASH if form_only else 0
    # liblinear: several times faster than lbfgs on these sparse rows, same model family
    clf = LogisticRegression(C=4.0, solver="liblinear", class_weight="balanced").fit(x[:, first:], y)
    w = np.zeros(x.shape[1], dtype=np.float32)
    w[first:] = clf.coef_[0]
    return ConfidenceModel(w, float(clf.intercept_[0]), model_id)


def choose_threshold(prob: np.ndarray, y: np.ndarray, unmatched: int, max_drop: float = 0.01) -> float:
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


def out_of_fold(docs: Sequence[LabelledDocument], data: str, folds: int = 3, *,
                form_only: bool = False) -> tuple[np.ndarray, np.ndarray]:
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
