"""Embeddings cached in the store, keyed by the text's hash and the model id.

Unchanged text is never embedded twice, whichever stage asks for it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .embed import Embedder
    from .store import Store


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def cached_embed(store: Store, embedder: Embedder, texts: Sequence[str],
                 progress: bool = False) -> tuple[np.ndarray, int]:
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
