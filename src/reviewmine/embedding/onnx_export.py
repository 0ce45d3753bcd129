"""Export MiniLM's transformer to ONNX (run as a child process: it imports torch).

    python -m reviewmine.embedding.onnx_export MODEL_DIR WEIGHTS_SHA256 OUT_DIR

Verifies the weights' sha256, exports the transformer (token embeddings out;
pooling stays in numpy), checks ONNX Runtime reproduces torch on fixed
sentences, then moves the file and a manifest with its sha256 into OUT_DIR
atomically (a concurrent or killed export never leaves a half-written model).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

from .onnx import (
    CHECK_MIN_COSINE,
    CHECK_SENTENCES,
    MANIFEST,
    MAX_TOKENS,
    ONNX_FILE,
    ONNX_FORMAT,
)
from .weights import verify_weights

OPSET = 17
INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def _mean_pool(tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
    m = mask[..., None].astype(np.float32)
    v = (tokens * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def export(model_dir: Path, sha256: str, out_dir: Path) -> dict[str, object]:
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    verify_weights(model_dir, sha256)
    import onnxruntime as ort
    import torch
    from tokenizers import Tokenizer
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    torch.set_num_threads(2)
    # Eager attention: the traced graph then has no shape-dependent branches.
    model = AutoModel.from_pretrained(
        str(model_dir), local_files_only=True, attn_implementation="eager"
    ).eval()

    class TokenEmbeddings(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tok.enable_truncation(MAX_TOKENS)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    enc = tok.encode_batch(list(CHECK_SENTENCES))
    ids = np.asarray([e.ids for e in enc], dtype=np.int64)
    mask = np.asarray([e.attention_mask for e in enc], dtype=np.int64)
    feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
    args = tuple(torch.from_numpy(feeds[k]) for k in INPUTS)

    out_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(suffix=".onnx.part", dir=out_dir.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with torch.no_grad():
            expected = TokenEmbeddings(model)(*args).numpy()
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # tracer notes on constant shapes
                torch.onnx.export(
                    TokenEmbeddings(model),
                    args,
                    str(tmp),
                    input_names=list(INPUTS),
                    output_names=["token_embeddings"],
                    opset_version=OPSET,
                    dynamo=False,
                    dynamic_axes={
                        k: {0: "batch", 1: "tokens"} for k in (*INPUTS, "token_embeddings")
                    },
                )
        session = ort.InferenceSession(str(tmp), providers=["CPUExecutionProvider"])
        got = session.run(None, feeds)[0]
        cos = (_mean_pool(got, mask) * _mean_pool(expected, mask)).sum(axis=1)
        if float(cos.min()) < CHECK_MIN_COSINE:
            raise SystemExit(f"the ONNX export differs from torch (cosine {cos.min():.6f})")
        digest = hashlib.sha256(tmp.read_bytes()).hexdigest()
        os.chmod(tmp, 0o644)  # mkstemp made it private; it is a derived public model
        manifest = {
            "format": ONNX_FORMAT,
            "source_sha256": sha256,
            "onnx_sha256": digest,
            "opset": OPSET,
            "torch": torch.__version__,
            "min_check_cosine": float(cos.min()),
            "check_sentences": len(CHECK_SENTENCES),
        }
        os.replace(tmp, out_dir / ONNX_FILE)
        part = out_dir / (MANIFEST + ".part")
        part.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        os.replace(part, out_dir / MANIFEST)  # the manifest last: it marks the export complete
        return manifest
    finally:
        tmp.unlink(missing_ok=True)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        export(Path(argv[0]), argv[1], Path(argv[2]))
    except Exception as err:  # noqa: BLE001 - the parent shows this line as the error
        print(f"{type(err).__name__}: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
