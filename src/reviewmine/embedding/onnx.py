"""all-MiniLM-L6-v2 through ONNX Runtime and ``tokenizers``: encoding without torch.

A cold ``reviewmine search`` spent most of its time importing torch and
sentence-transformers to encode one query.  This module runs the same network
from an ONNX file with ONNX Runtime, tokenises with the model's own
``tokenizer.json`` and pools as sentence-transformers does (mean over the
attention mask, then L2 normalisation), so its vectors are interchangeable with
:class:`reviewmine.embedding.embedders.MiniLMEmbedder`'s (a slow test checks 1e-4 cosine on
real passages) and share its model id, hence its cached passage vectors.

The ONNX file is made once, offline, from the packaged, sha256-checked weights
(:func:`ensure_onnx`, run at first use: the first ingest, index or search).
The export needs torch, so it runs in a child process (``python -m
reviewmine.embedding.onnx_export``) and the process that searches never imports torch.
The export is accepted only if it reproduces torch's output on fixed sentences;
its sha256 goes into a manifest beside it and is checked when it is loaded (again
whenever the file's inode, size or times changed since the last check).

Beside the export, a copy with ONNX Runtime's graph optimisations already applied
(:func:`ensure_optimized`, made from the verified export without torch, once per ONNX
Runtime version) is what both queries and bulk embedding load, with optimisation
off: building the graph is then 0.05 s instead of 0.15-0.4 s, and the outputs are
bit-identical.  Its weights are a separate file that ONNX Runtime maps into memory
rather than copying (a query touches few rows of the 47 MB word-embedding table).
Every file has its sha256 in a manifest and is checked like the export.

Where the files live: ``$REVIEWMINE_CACHE_DIR`` or ``$XDG_CACHE_HOME/reviewmine``
or ``~/.cache/reviewmine``, under ``onnx/<weights sha256 prefix>-v<format>``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError

# Not from .embedders: it picks this runner when ONNX Runtime is installed (a cycle).
from .progress import Progress
from .weights import (
    INSTALL_HINT,
    PACKAGED_MODEL_NAME,
    PACKAGED_MODEL_SHA256,
    packaged_model_dir,
    read_dim,
    verify_weights,
)

ONNX_FORMAT = 1  # bump when the export changes: a new folder, a fresh export
ONNX_FILE = "model.onnx"
MANIFEST = "manifest.json"
VERIFIED = "verified.json"  # inode, size and times of the model file when its hash last matched
OPTIMIZED_PREFIX = "ort-"  # + ONNX Runtime's version: the optimised copy, one per version
OPTIMIZED_DATA = "model.data"  # its weights, mapped into memory by ONNX Runtime
MAX_TOKENS = 256  # sentence_bert_config.json's max_seq_length for this model
BATCH_SIZE = 32  # tokens are padded per batch; batches of similar length waste little
# Fixed sentences the export must reproduce (torch vs ONNX Runtime) before it is kept.
CHECK_SENTENCES = (
    "Improve the quality of plans for children in need.",
    (
        "Return home interviews are not always offered to children who go missing from care, "
        "and the information from them is not used to reduce risk."
    ),
    "IRO",
)
CHECK_MIN_COSINE = 0.99999


def cache_dir() -> Path:
    """The folder for derived model files (never inside the installed packages)."""
    if env := os.environ.get("REVIEWMINE_CACHE_DIR"):
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    folder = Path(base) / "reviewmine"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only home (a service account, some CI): the temp folder
        import tempfile

        folder = Path(tempfile.gettempdir()) / f"reviewmine-cache-{os.getuid()}"
    return folder


def onnx_dir(weights_sha256: str) -> Path:
    return cache_dir() / "onnx" / f"{weights_sha256[:16]}-v{ONNX_FORMAT}"


def _read_manifest(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def ensure_onnx(model_dir: Path, weights_sha256: str | None = None, *, quiet: bool = False) -> Path:
    """Folder holding the ONNX export of *model_dir*; exports it first if missing.

    *weights_sha256*: the weights' known hash (the packaged model's pinned one);
    ``None`` hashes the folder's weights now.  The export itself hashes the
    weights again before reading them.
    """
    sha = weights_sha256 or verify_weights(model_dir, None)
    folder = onnx_dir(sha)
    manifest = _read_manifest(folder)
    if manifest and manifest.get("source_sha256") == sha and (folder / ONNX_FILE).is_file():
        return folder
    if not quiet:
        print(
            "preparing the ONNX query model from the packaged MiniLM weights (once, about 10 s)...",
            file=sys.stderr,
            flush=True,
        )
    folder.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "reviewmine.embedding.onnx_export",
            str(model_dir),
            sha,
            str(folder),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["no message"])[-1]
        raise ModelError(
            f"could not export the embedding model to ONNX: {last}",
            path=model_dir,
            hint="check that torch and onnx are installed "
            "(pip install -e .), or use --embedder minilm-torch",
        )
    return folder


def _stat_key(path: Path) -> list[int]:
    st = path.stat()
    # Any rewrite or replacement of the file changes its inode or ctime (which no
    # unprivileged tool can set back).
    return [st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def _verified_bytes(folder: Path, path: Path) -> bytes | str:
    """The model (bytes, or its path when unchanged since last verified); ModelError if altered.

    The file is hashed against the export's manifest; a stamp of its inode,
    size and times is then kept beside it, so later processes re-hash it only
    if the file changed (hashing 90 MB is 0.15 s of every cold search).
    """
    expected = (_read_manifest(folder) or {}).get("onnx_sha256")
    stamp = folder / VERIFIED
    try:
        key = _stat_key(path)
        seen = json.loads(stamp.read_text(encoding="utf-8"))
        if seen == {"sha256": expected, "stat": key}:
            return str(path)
    except (OSError, ValueError):
        pass
    try:
        key = _stat_key(path)
        data = path.read_bytes()
        unchanged = _stat_key(path) == key  # not rewritten while it was read
    except OSError as err:
        raise ModelError(f"cannot read the ONNX model: {err}", path=path) from err
    if hashlib.sha256(data).hexdigest() != expected:
        raise ModelError(
            "the ONNX model does not match the sha256 recorded when it was exported",
            path=path,
            hint=f"delete {folder} and run the command again to re-export",
        )
    if not unchanged:
        return data
    with contextlib.suppress(OSError):  # a read-only cache folder: hash every time
        part = stamp.with_suffix(f".{os.getpid()}.part")
        part.write_text(json.dumps({"sha256": expected, "stat": key}), encoding="utf-8")
        os.replace(part, stamp)
    return data


def _stat_keys(folder: Path, names: Sequence[str]) -> dict[str, list[int]]:
    return {name: _stat_key(folder / name) for name in names}


def _verify_files(folder: Path, expected: dict[str, str]) -> dict[str, list[int]]:
    """Check the files of *folder* against their sha256 (*expected*: name -> hex digest).

    As :func:`_verified_bytes`: hashed once, then trusted while a stamp of each
    file's inode, size and times still matches.  Returns the stat keys checked, so
    the caller can tell whether the files changed while it loaded them.
    """
    stamp = folder / VERIFIED
    try:
        keys = _stat_keys(folder, list(expected))
    except OSError as err:
        raise ModelError(f"cannot read the optimised ONNX model: {err}", path=folder) from err
    with contextlib.suppress(OSError, ValueError):
        if json.loads(stamp.read_text(encoding="utf-8")) == {"sha256": expected, "stat": keys}:
            return keys
    from .weights import sha256_file

    for name, digest in expected.items():
        if sha256_file(folder / name) != digest:
            raise ModelError(
                "the optimised ONNX model does not match the sha256 recorded when it was made",
                path=folder / name,
                hint=f"delete {folder} and run the command again to remake it",
            )
    if _stat_keys(folder, list(expected)) != keys:
        raise ModelError("the optimised ONNX model changed while it was checked", path=folder)
    with contextlib.suppress(OSError):  # a read-only cache folder: hash every time
        part = stamp.with_suffix(f".{os.getpid()}.part")
        part.write_text(json.dumps({"sha256": expected, "stat": keys}), encoding="utf-8")
        os.replace(part, stamp)
    return keys


def _check_feeds(tok: Any) -> dict[str, np.ndarray]:
    enc = tok.encode_batch(list(CHECK_SENTENCES))
    ids = np.asarray([e.ids for e in enc], dtype=np.int64)
    mask = np.asarray([e.attention_mask for e in enc], dtype=np.int64)
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}


def _session_options(ort: Any, threads: int | None) -> Any:
    opts = ort.SessionOptions()
    if threads:
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    # No busy-waiting between runs: on two cores ONNX Runtime's spinning threads
    # starved the matrix product and SQLite that follow each query encoding
    # (100k-passage hybrid p50 177 -> 101 ms on the loaded benchmark machine).
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return opts


def ensure_optimized(folder: Path, model: bytes | str, tok: Any) -> Path | None:
    """Folder of the export with ONNX Runtime's graph optimisations applied; made if missing.

    *model* is the verified export (its bytes or path); *tok* the model's
    tokenizer, for the check.  The copy is made with this ONNX Runtime (so one
    folder per version), saved at the "extended" level (fusions that are not
    specific to one processor), with its weights in a separate file, and kept
    only if it gives the token vectors of the export loaded the usual way on fixed
    sentences (to 1e-5; identical on the machines measured).  Returns ``None`` when it cannot be made (a read-only
    cache folder): the caller then loads the export itself, as before.
    """
    import shutil
    import tempfile

    import onnxruntime as ort

    source_sha = (_read_manifest(folder) or {}).get("onnx_sha256")
    target = folder / f"{OPTIMIZED_PREFIX}{ort.__version__}"

    def made_from_this_export() -> bool:
        manifest = _read_manifest(target) or {}
        return manifest.get("source_onnx_sha256") == source_sha and set(
            manifest.get("sha256") or ()
        ) == {ONNX_FILE, OPTIMIZED_DATA}

    if made_from_this_export():
        return target
    try:
        tmp = Path(tempfile.mkdtemp(prefix=".optimizing-", dir=folder))
    except OSError:
        return None
    try:
        opts = _session_options(ort, 2)
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
        opts.optimized_model_filepath = str(tmp / ONNX_FILE)
        opts.add_session_config_entry(
            "session.optimized_model_external_initializers_file_name", OPTIMIZED_DATA
        )
        opts.add_session_config_entry(
            "session.optimized_model_external_initializers_min_size_in_bytes", "1024"
        )
        ort.InferenceSession(model, opts, providers=["CPUExecutionProvider"])  # writes the copy
        feeds = _check_feeds(tok)
        reference = ort.InferenceSession(
            model, _session_options(ort, 2), providers=["CPUExecutionProvider"]
        ).run(None, feeds)[0]
        fast = _session_options(ort, 2)
        fast.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
        got = ort.InferenceSession(str(tmp / ONNX_FILE), fast, providers=["CPUExecutionProvider"])
        diff = float(np.abs(got.run(None, feeds)[0] - reference).max())
        if not diff <= 1e-5:
            return None
        from .weights import sha256_file

        files = {name: sha256_file(tmp / name) for name in (ONNX_FILE, OPTIMIZED_DATA)}
        made = {
            "source_onnx_sha256": source_sha,
            "onnxruntime": ort.__version__,
            "optimization": "extended",
            "sha256": files,
            "max_abs_diff": diff,
        }
        (tmp / MANIFEST).write_text(json.dumps(made, indent=2), encoding="utf-8")
        for f in tmp.iterdir():
            os.chmod(f, 0o644)
        os.chmod(tmp, 0o755)  # mkdtemp made it private; it is a derived public model
        if made_from_this_export():  # another process made it meanwhile: keep theirs
            return target
        if target.exists():  # made from another export (re-exported since)
            shutil.rmtree(target, ignore_errors=True)
        try:
            os.rename(tmp, target)
        except OSError:  # another process put its copy there first
            return target if made_from_this_export() else None
        return target
    except Exception:  # noqa: BLE001 - an optimisation that fails: the export still works
        return None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


class OnnxMiniLMEmbedder:
    """MiniLM on ONNX Runtime: same vectors and model id as :class:`MiniLMEmbedder`.

    ``model_dir=None`` uses the packaged model (pinned hash); a local folder
    is hashed.  ``threads`` is ONNX Runtime's intra-op thread count.
    """

    def __init__(
        self,
        model_dir: str | Path | None = None,
        *,
        threads: int | None = 2,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        if model_dir is None:
            self.model_dir = packaged_model_dir()
            # The pinned hash names the export; the weights are hashed when exporting.
            self.sha256 = PACKAGED_MODEL_SHA256
        else:
            self.model_dir = Path(model_dir)
            if not self.model_dir.is_dir():
                raise ModelError(
                    "embedding model folder not found", path=self.model_dir, hint=INSTALL_HINT
                )
            self.sha256 = verify_weights(self.model_dir, None)
        name = PACKAGED_MODEL_NAME if self.sha256 == PACKAGED_MODEL_SHA256 else self.model_dir.name
        self.model_id = f"{name}@{self.sha256[:8]}"  # the same id as MiniLMEmbedder's
        self.dim = read_dim(self.model_dir)
        self.threads = threads
        self.batch_size = batch_size
        self._session: Any = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()
        self._preload: threading.Thread | None = None

    def __repr__(self) -> str:
        return f"OnnxMiniLMEmbedder(model_id={self.model_id!r})"

    def preload(self) -> None:
        """Start loading the model in a background thread (the next embed() waits for it).

        A cold ``reviewmine search`` loads the model while it reads the index,
        so on two cores the two overlap.  An error is raised again by embed().
        """
        if self._session is None and self._preload is None:

            def run() -> None:
                try:
                    self._load()
                except Exception:  # noqa: BLE001 - embed() calls _load() again and raises it
                    pass

            # Not a daemon: a process that ends early (a bad option, no store) waits for
            # the load, since ONNX Runtime aborts the process if it exits mid-load.
            self._preload = threading.Thread(target=run, name="onnx-preload")
            self._preload.start()

    def _load(self) -> tuple[Any, Any]:
        with self._lock:
            if self._session is None:
                folder = ensure_onnx(self.model_dir, self.sha256)
                data = _verified_bytes(folder, folder / ONNX_FILE)
                import onnxruntime as ort
                from tokenizers import Tokenizer

                tok = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
                tok.enable_truncation(MAX_TOKENS)
                tok.enable_padding(pad_id=0, pad_token="[PAD]")
                opts = _session_options(ort, self.threads)
                fast = ensure_optimized(folder, data, tok)
                if fast is None:
                    session = ort.InferenceSession(data, opts, providers=["CPUExecutionProvider"])
                else:
                    expected = (_read_manifest(fast) or {})["sha256"]
                    keys = _verify_files(fast, expected)
                    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
                    session = ort.InferenceSession(
                        str(fast / ONNX_FILE), opts, providers=["CPUExecutionProvider"]
                    )
                    if _stat_keys(fast, list(expected)) != keys:
                        raise ModelError(
                            "the optimised ONNX model changed while it was loaded", path=fast
                        )
                self._session, self._tokenizer = session, tok
            return self._session, self._tokenizer

    def _encode(self, texts: list[str]) -> np.ndarray:
        session, tok = self._load()
        enc = tok.encode_batch(texts)
        ids = np.asarray([e.ids for e in enc], dtype=np.int64)
        mask = np.asarray([e.attention_mask for e in enc], dtype=np.int64)
        tokens = session.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        )[0]
        # sentence-transformers' mean pooling, then its Normalize module.
        m = mask[..., None].astype(np.float32)
        pooled = (tokens * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)

    def embed(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        self._load()
        # Longest first, as sentence-transformers does: batches pad to similar lengths.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        with Progress(progress, len(texts), "embedding") as advance:
            for start in range(0, len(order), self.batch_size):
                idx = order[start : start + self.batch_size]
                out[idx] = self._encode([texts[i] for i in idx])
                advance(len(idx))
        return out
