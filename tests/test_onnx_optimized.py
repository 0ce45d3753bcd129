"""The ONNX model as queries load it: a copy with ONNX Runtime's graph optimisations
already applied, its weights in a file ONNX Runtime maps instead of copying.

It is derived from the hash-checked export without torch, must give the same
vectors bit for bit, is itself hash-checked, and is never required: when it cannot
be made the export is loaded as before.
"""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from reviewmine.embedding import onnx as onnx_embed
from reviewmine.embedding.weights import PACKAGED_MODEL_SHA256, packaged_model_dir
from reviewmine.errors import ModelError

SENTENCES = [
    "Return home interviews are not always offered to children who go missing.",
    "IRO",
    "Leaders should improve the quality of supervision so that plans are progressed.",
]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A private cache holding a copy of the export only (no optimised copy yet)."""
    folder = onnx_embed.ensure_onnx(packaged_model_dir(), PACKAGED_MODEL_SHA256)
    monkeypatch.setenv("REVIEWMINE_CACHE_DIR", str(tmp_path))
    copy = onnx_embed.onnx_dir(PACKAGED_MODEL_SHA256)
    copy.mkdir(parents=True)
    for name in (onnx_embed.ONNX_FILE, onnx_embed.MANIFEST):
        shutil.copy2(folder / name, copy / name)
    return copy


class Spy:
    """Records what each ONNX Runtime session was built from and at which optimisation level."""

    def __init__(self, monkeypatch):
        import onnxruntime as ort

        self.loads: list[tuple[object, object]] = []
        real = ort.InferenceSession
        loads = self.loads

        def session(model, opts=None, *args, **kwargs):
            loads.append((model, opts.graph_optimization_level if opts else None))
            return real(model, opts, *args, **kwargs)

        monkeypatch.setattr(ort, "InferenceSession", session)


def _optimized(copy):
    found = sorted(copy.glob(f"{onnx_embed.OPTIMIZED_PREFIX}*"))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.slow
def test_queries_load_the_optimised_copy_and_get_the_exports_vectors_bit_for_bit(
    cache, monkeypatch, no_network
):
    import onnxruntime as ort

    spy = Spy(monkeypatch)
    fast = onnx_embed.OnnxMiniLMEmbedder().embed(SENTENCES)
    opt = _optimized(cache)
    manifest = json.loads((opt / onnx_embed.MANIFEST).read_text())
    assert manifest["onnxruntime"] == ort.__version__
    assert set(manifest["sha256"]) == {onnx_embed.ONNX_FILE, onnx_embed.OPTIMIZED_DATA}
    assert (
        manifest["source_onnx_sha256"]
        == json.loads((cache / "manifest.json").read_text())["onnx_sha256"]
    )
    # The weights are outside the graph file (mapped, not parsed and copied).
    assert (opt / onnx_embed.ONNX_FILE).stat().st_size < 1_000_000
    assert (opt / onnx_embed.OPTIMIZED_DATA).stat().st_size > 80_000_000
    assert spy.loads[-1] == (
        str(opt / onnx_embed.ONNX_FILE),
        ort.GraphOptimizationLevel.ORT_DISABLE_ALL,
    )

    # The export loaded the usual way (optimised at load): the same floats exactly.
    spy.loads.clear()
    monkeypatch.setattr(onnx_embed, "ensure_optimized", lambda *a: None)
    plain = onnx_embed.OnnxMiniLMEmbedder().embed(SENTENCES)
    assert spy.loads[-1][1] == ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    assert np.array_equal(fast, plain)


@pytest.mark.slow
def test_a_tampered_optimised_copy_is_refused_and_a_rewrite_is_hashed_again(cache):
    onnx_embed.OnnxMiniLMEmbedder().embed(["x"])
    opt = _optimized(cache)
    data = opt / onnx_embed.OPTIMIZED_DATA
    original = data.read_bytes()
    with data.open("r+b") as fh:  # same inode and size, one weight changed
        fh.seek(len(original) // 2)
        fh.write(bytes([original[len(original) // 2] ^ 0xFF]))
    with pytest.raises(ModelError, match="optimised ONNX model does not match the sha256"):
        onnx_embed.OnnxMiniLMEmbedder().embed(["x"])
    data.write_bytes(original)
    assert onnx_embed.OnnxMiniLMEmbedder().embed(["x"]).shape == (1, 384)
    stamp = json.loads((opt / onnx_embed.VERIFIED).read_text())
    assert set(stamp["stat"]) == {onnx_embed.ONNX_FILE, onnx_embed.OPTIMIZED_DATA}


@pytest.mark.slow
def test_the_export_is_still_checked_when_the_optimised_copy_is_loaded(cache):
    onnx_embed.OnnxMiniLMEmbedder().embed(["x"])
    raw = bytearray((cache / onnx_embed.ONNX_FILE).read_bytes())
    raw[len(raw) // 3] ^= 0xFF
    (cache / onnx_embed.ONNX_FILE).write_bytes(bytes(raw))
    with pytest.raises(ModelError, match="does not match the sha256"):
        onnx_embed.OnnxMiniLMEmbedder().embed(["x"])


@pytest.mark.slow
def test_a_copy_made_from_another_export_is_replaced(cache):
    onnx_embed.OnnxMiniLMEmbedder().embed(["x"])
    opt = _optimized(cache)
    manifest = json.loads((opt / onnx_embed.MANIFEST).read_text())
    manifest["source_onnx_sha256"] = "0" * 64  # as if the export had been redone since
    (opt / onnx_embed.MANIFEST).write_text(json.dumps(manifest))
    onnx_embed.OnnxMiniLMEmbedder().embed(["x"])
    again = json.loads((_optimized(cache) / onnx_embed.MANIFEST).read_text())
    assert again["source_onnx_sha256"] != "0" * 64
    assert not list(cache.glob(".optimizing-*"))  # no working folder left behind


@pytest.mark.slow
def test_when_no_copy_can_be_made_the_export_is_loaded_as_before(cache, monkeypatch):
    """A cache folder that cannot be written (a read-only home, a shared cache)."""
    import tempfile

    import onnxruntime as ort

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", kwargs.get("dir"))

    spy = Spy(monkeypatch)
    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    vec = onnx_embed.OnnxMiniLMEmbedder().embed(SENTENCES)
    assert not list(cache.glob(f"{onnx_embed.OPTIMIZED_PREFIX}*"))
    model, level = spy.loads[-1]
    # the export: its bytes as hashed (its first load) or its path once stamped
    assert isinstance(model, bytes) or model == str(cache / onnx_embed.ONNX_FILE)
    assert level == ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    assert vec.shape == (3, 384)
