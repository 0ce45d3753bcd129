"""A small learned model that scores how likely a block is learning (an item).

The rules in :mod:`reviewmine.extract.items` decide what is an item; this model
gives each its ``confidence`` so a reviewer can check the doubtful ones first.
It does not drop items: ``scripts/leave_one_family_out.py`` measured it as a
filter (candidates below a threshold dropped) and found that it costs recall
on a family of documents it never saw.  Logistic regression over hashed words
and a few layout and form features, trained on the gold files by
``scripts/train_confidence.py`` (the training rows are built by
:mod:`reviewmine.evaluation.confidence`); stored as
plain arrays (no pickle) under ``models/confidence/`` with a model card.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..artefacts import model_dir
from ..errors import ModelError
from ..types import Block

if TYPE_CHECKING:
    from scipy import sparse

N_HASH = 2**16
MODEL_DIR = model_dir("confidence")
_WORD = re.compile(r"[a-z0-9]+")
_MODAL = re.compile(r"\b(should|must|ensure|needs? to|recommend\w*|improve|develop|review)\b", re.I)
_IMPERATIVE = re.compile(
    r"^(ensure|improve|develop|strengthen|review|establish|implement|provide|"
    r"increase|reduce|make|agree|commission|consider|embed|extend|maintain|the)\b",
    re.I,
)
# Form of a line that is not a statement: a name, an organisation, an address, a contact.
_CONTACT = re.compile(
    r"@|\bwww\.|https?:|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|\b\d{3,5} ?\d{3} ?\d{3,4}\b"
)
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")
LAYOUT_FEATURES = (
    "list_item",
    "paragraph",
    "heading",
    "table_cell",
    "bullet",
    "numbered",
    "in_section",
    "modal",
    "imperative_start",
    "question",
    "long",
    "no_end_stop",
    "short",
    "title_case",
    "contact",
)


@lru_cache(maxsize=1 << 16)  # words repeat: a document's vocabulary is small
def hash_token(token: str) -> int:
    # FNV-1a: stable across processes and Python versions, unlike hash()
    h = 2166136261
    for ch in token.encode("utf-8"):
        h = ((h ^ ch) * 16777619) & 0xFFFFFFFF
    return h % N_HASH


def featurize(
    texts: Sequence[str], blocks: Sequence[Block], in_section: Sequence[bool]
) -> sparse.csr_matrix:
    """Sparse features: hashed word unigrams and bigrams (L2-normalised) + layout flags."""
    from scipy import sparse

    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, (text, b, sec) in enumerate(zip(texts, blocks, in_section)):
        words = _WORD.findall(text.lower())
        counts: dict[int, float] = {}
        for tok in words + [f"{a}_{b2}" for a, b2 in itertools.pairwise(words)]:
            h = hash_token(tok)
            counts[h] = counts.get(h, 0.0) + 1.0
        norm = float(np.sqrt(sum(v * v for v in counts.values()))) or 1.0
        for h in sorted(counts):
            rows.append(i)
            cols.append(h)
            vals.append(counts[h] / norm)
        n_words = len(text.split())
        flags = (
            b.kind == "list_item",
            b.kind == "paragraph",
            b.kind == "heading",
            b.kind == "table_cell",
            b.bullet,
            bool(b.number),
            sec,
            bool(_MODAL.search(text)),
            bool(_IMPERATIVE.match(text)),
            text.rstrip().endswith("?"),
            len(text) > 400,
            not text.rstrip().rstrip("”’\"')").endswith((".", "?", "!", ":", ";")),
            n_words < 6,
            len(_CAPITALISED.findall(text)) >= 0.6 * max(n_words, 1),
            bool(_CONTACT.search(text)),
        )
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
        np.savez_compressed(
            folder / "weights.npz",
            index=nz.astype(np.int32),
            value=self.weights[nz].astype(np.float32),
        )
        (folder / "model.json").write_text(
            json.dumps(
                {
                    "model_id": self.model_id,
                    "bias": self.bias,
                    "n_hash": N_HASH,
                    "layout_features": list(LAYOUT_FEATURES),
                    **meta,
                },
                indent=2,
                sort_keys=True,
            )
            + "\n"
        )

    @classmethod
    def load(cls, folder: Path | None = None) -> ConfidenceModel:
        folder = folder or MODEL_DIR
        try:
            meta = json.loads((folder / "model.json").read_text())
            with np.load(folder / "weights.npz", allow_pickle=False) as z:
                index, value = z["index"], z["value"]
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(
                f"the confidence model cannot be read ({exc})",
                path=folder,
                hint="regenerate it: .venv/bin/python scripts/train_confidence.py",
            ) from exc
        # a model trained on a prefix of today's features still loads: the later ones weigh 0
        trained = meta.get("layout_features") or []
        if meta.get("n_hash") != N_HASH or list(LAYOUT_FEATURES[: len(trained)]) != trained:
            raise ModelError(
                "the confidence model was trained with other features",
                path=folder,
                hint="regenerate it: .venv/bin/python scripts/train_confidence.py",
            )
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
