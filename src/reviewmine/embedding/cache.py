"""Embeddings cached in the store, keyed by the text's hash and the model id.

Unchanged text is never embedded twice, whichever stage asks for it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from ..store import Store
    from .embedders import Embedder


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def cached_embed(
    store: Store, embedder: Embedder, texts: Sequence[str], progress: bool = False
) -> tuple[np.ndarray, int]:
    """Vectors for *texts* (rows in order) and how many had to be computed now."""
    hashes = [text_hash(t) for t in texts]
    have = store.get_embeddings(sorted(set(hashes)), embedder.model_id)
    missing: dict[str, str] = {}
    for h, t in zip(hashes, texts):
        if h not in have and h not in missing:
            missing[h] = t
    if missing:
        keys = list(missing)
        vecs = embedder.embed([missing[k] for k in keys], progress=progress)
        new = {k: np.asarray(vecs[i], dtype=np.float32) for i, k in enumerate(keys)}
        store.put_embeddings(new, embedder.model_id)
        have.update(new)
    dim = embedder.dim
    out = np.zeros((len(texts), dim), dtype=np.float32)
    for i, h in enumerate(hashes):
        out[i] = have[h]
    return out, len(missing)


def missing_texts(store: Store, model_id: str) -> tuple[list[str], int]:
    """Distinct block and item texts with no vector for *model_id*, and the distinct total.

    Reads hashes only (not the vectors), so it is cheap enough to run before
    every search to tell whether the index is complete.
    """
    have = store.embedded_hashes(model_id)
    wanted: dict[str, str] = {}
    seen: set[str] = set()
    for text in store.passage_texts():
        h = text_hash(text)
        seen.add(h)
        if h not in have:
            wanted.setdefault(h, text)
    return list(wanted.values()), len(seen)


def index_passages(
    store: Store,
    embedder: Embedder,
    *,
    progress: bool = False,
    batch: int = 256,
    label: str = "embedding passages",
) -> tuple[int, int]:
    """Embed every stored passage (block or item text) that has no vector yet.

    Vectors are written one batch per transaction, so a killed run keeps every
    finished batch and a re-run continues where it stopped.  Returns
    ``(embedded now, distinct texts)``.
    """
    from .progress import Progress

    todo, total = missing_texts(store, embedder.model_id)
    if not todo:
        return 0, total
    with Progress(progress, len(todo), label) as advance:
        for start in range(0, len(todo), batch):
            part = todo[start : start + batch]
            vecs = embedder.embed(part)
            store.put_embeddings(
                {text_hash(t): np.asarray(v, dtype=np.float32) for t, v in zip(part, vecs)},
                embedder.model_id,
            )
            advance(len(part))
    return len(todo), total
