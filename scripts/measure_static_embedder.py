"""Is a model2vec static embedder distilled from MiniLM good enough for search?

    .venv/bin/pip install model2vec skeletoken   # or "model2vec[distill]" (see below)
    .venv/bin/python scripts/measure_static_embedder.py \\
        --ofsted-db /tmp/m2v/ofsted.db --corpus-db /tmp/m2v/corpus.db [--with-minilm]

Needs ``pip install "model2vec[distill]"``.  (That extra pins transformers<5.4,
which would downgrade transformers/tokenizers/huggingface_hub in this venv;
installing ``model2vec`` and ``skeletoken`` with the current versions pinned
works just as well for distillation.)

Measures, in one run: distillation time of static models from the packaged
all-MiniLM-L6-v2 folder (offline; saved under --out, reused if present unless
--force), their size on disk, embedding throughput (texts/s) of each static
model and of MiniLM on the same 500 paragraph texts of the Ofsted store,
MRR@10 / nDCG@10 per search mode on the Ofsted and corpus query sets, and
peak RSS (of this process, and of a process that only loads a static model
and embeds the 500 texts, i.e. the footprint without torch).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# Before anything imports huggingface_hub / transformers.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

import numpy as np

from reviewmine.embedding.embedders import Embedder, load_embedder, packaged_model_dir
from reviewmine.evaluation.search import evaluate_search
from reviewmine.store import Store

ROOT = Path(__file__).resolve().parents[1]
QUERY_SETS = {
    "ofsted": ROOT / "evaluation/search/ofsted_queries.jsonl",
    "corpus": ROOT / "evaluation/search/corpus_queries.jsonl",
}
# name -> (pca_dims, use a vocabulary of frequent store words)
VARIANTS: dict[str, tuple[int | None, bool]] = {
    "256": (256, False),  # model2vec defaults
    "384": (None, False),  # no PCA: MiniLM's full 384 dims
    "256-vocab": (256, True),  # defaults + frequent words of both stores as whole-word tokens
}
_WORD = re.compile(r"[a-z]{3,}")


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def code_fingerprint() -> dict[str, str]:
    """sha256 prefixes of the reviewmine sources: results are only comparable within one."""
    import reviewmine

    src = Path(reviewmine.__file__).parent
    files = sorted(p for p in src.rglob("*") if p.suffix in (".py", ".toml") and p.is_file())
    whole = hashlib.sha256()
    for p in files:
        whole.update(p.relative_to(src).as_posix().encode() + b"\0" + p.read_bytes())
    return {"src": whole.hexdigest()[:12], "search.py": sha256_file(src / "search.py")[:12]}


class StaticEmbedder:
    """A saved model2vec StaticModel behind reviewmine's Embedder protocol."""

    def __init__(self, model_dir: Path, label: str) -> None:
        from model2vec import StaticModel

        self.model_dir = model_dir
        self._model = StaticModel.from_pretrained(str(model_dir))
        self.dim: int = int(self._model.dim)
        # The weights hash in the id keeps store caches apart when a model is re-distilled.
        digest = sha256_file(model_dir / "model.safetensors")[:8]
        self.model_id = f"model2vec-minilm-{label}@{digest}"

    def embed(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = np.asarray(
            self._model.encode(texts, show_progress_bar=progress, use_multiprocessing=False),
            dtype=np.float32,
        ).reshape(len(texts), self.dim)
        # The model stores float16: renormalise in float32 (rows without tokens stay zero).
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        np.divide(vecs, norms, out=vecs, where=norms > 0)
        return vecs


def store_vocabulary(dbs: Sequence[Path], min_count: int, max_words: int) -> list[str]:
    """Frequent lower-case store words that are not whole tokens of MiniLM's vocabulary.

    Unsupervised domain adaptation: only block text is read, no queries or judgements.
    """
    known = set((packaged_model_dir() / "vocab.txt").read_text(encoding="utf-8").split())
    counts: Counter[str] = Counter()
    for db in dbs:
        with Store.open(db) as store:
            for (text,) in store.db.execute("SELECT text FROM blocks"):
                counts.update(_WORD.findall(text.lower()))
    new = [w for w, n in counts.most_common() if n >= min_count and w not in known]
    return new[:max_words]


def distill_variant(name: str, out: Path, vocab: list[str] | None, force: bool) -> dict[str, Any]:
    """Distil (or reuse) one variant; returns its folder, timing and size."""
    target = out / f"minilm-m2v-{name}"
    info: dict[str, Any] = {"path": str(target), "distill_s": None}
    if force or not (target / "model.safetensors").is_file():
        import torch
        from model2vec.distill import distill

        torch.set_num_threads(2)
        pca_dims, _ = VARIANTS[name]
        t0 = time.perf_counter()
        model = distill(str(packaged_model_dir()), vocabulary=vocab, pca_dims=pca_dims)
        info["distill_s"] = round(time.perf_counter() - t0, 1)
        model.save_pretrained(str(target))
    info["size_mb"] = round(sum(p.stat().st_size for p in target.iterdir()) / 1e6, 1)
    info["weights_mb"] = round((target / "model.safetensors").stat().st_size / 1e6, 1)
    info["vocab_added"] = len(vocab) if vocab else 0
    return info


def sample_paragraphs(db: Path, n: int = 500) -> list[str]:
    """The first *n* distinct paragraph texts (40+ characters) of a store, in block order."""
    with Store.open(db) as store:
        rows = store.db.execute(
            "SELECT text FROM blocks WHERE kind = 'paragraph' AND length(text) >= 40 ORDER BY rowid"
        ).fetchall()
    texts = list(dict.fromkeys(t for (t,) in rows))[:n]
    if len(texts) < n:
        raise SystemExit(f"only {len(texts)} paragraphs in {db}, need {n}")
    return texts


def throughput(embedder: Embedder, texts: list[str], repeats: int) -> dict[str, float]:
    """texts/s after one warm-up call (model loading excluded); median of *repeats*."""
    embedder.embed(texts[:8])
    rates = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        vecs = embedder.embed(texts)
        rates.append(len(texts) / (time.perf_counter() - t0))
    assert vecs.shape == (len(texts), embedder.dim) and vecs.dtype == np.float32
    return {"texts_per_s": round(statistics.median(rates), 1), "repeats": repeats}


def static_only_footprint(model_dir: Path, texts_file: Path) -> dict[str, float]:
    """Peak RSS and load time of a fresh process that only loads the static model and embeds."""
    code = (
        "import json,sys,time\n"
        "t=time.perf_counter()\n"
        "from model2vec import StaticModel\n"
        "m=StaticModel.from_pretrained(sys.argv[1])\n"
        "load=time.perf_counter()-t\n"
        "texts=json.load(open(sys.argv[2]))\n"
        "m.encode(texts, use_multiprocessing=False)\n"
        # VmHWM, not ru_maxrss: Linux carries the forked parent's peak across exec.
        "hwm=[l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
        "print(json.dumps({'load_s': round(load, 2), 'peak_rss_mb': round(int(hwm)/1024, 1)}))\n"
    )
    res = subprocess.run(
        [sys.executable, "-c", code, str(model_dir), str(texts_file)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(res.stdout.strip().splitlines()[-1])


def evaluate(embedder: Embedder, dbs: dict[str, Path]) -> dict[str, Any]:
    """MRR@10 / nDCG@10 per mode and query set (first call embeds and caches every passage)."""
    out: dict[str, Any] = {}
    for set_name, db in dbs.items():
        with Store.open(db) as store:
            t0 = time.perf_counter()
            res = evaluate_search(store, QUERY_SETS[set_name], embedder)
            elapsed = time.perf_counter() - t0
        out[set_name] = {
            "eval_s": round(elapsed, 1),
            "unresolved": len(res["unresolved"]),
            "modes": {
                m: {
                    "mrr@10": round(r["mrr@10"], 3),
                    "ndcg@10": round(r["ndcg@10"], 3),
                    "per_query": {p["id"]: round(p["mrr"], 3) for p in r["per_query"]},
                }
                for m, r in res["modes"].items()
            },
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ofsted-db", type=Path, required=True, help="store of the 30 Ofsted PDFs")
    ap.add_argument("--corpus-db", type=Path, required=True, help="store of corpus/")
    ap.add_argument("--out", type=Path, default=Path("/tmp/m2v"), help="where models are saved")
    ap.add_argument(
        "--variants", default="256,384", help=f"comma-separated, from {','.join(VARIANTS)}"
    )
    ap.add_argument(
        "--vocab-words",
        type=int,
        default=5000,
        help="max store words added as tokens by the -vocab variant",
    )
    ap.add_argument("--force", action="store_true", help="re-distil even if a saved model exists")
    ap.add_argument(
        "--with-minilm",
        action="store_true",
        help="also evaluate MiniLM (embeds every passage: ~4 min per store)",
    )
    ap.add_argument("--repeats", type=int, default=5, help="throughput repeats for static models")
    ap.add_argument("--json", type=Path, default=None, help="write all results here")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    dbs = {"ofsted": args.ofsted_db, "corpus": args.corpus_db}
    names = [v.strip() for v in args.variants.split(",") if v.strip()]
    for name in names:
        if name not in VARIANTS:
            raise SystemExit(f"unknown variant {name!r}; choose from {', '.join(VARIANTS)}")

    results: dict[str, Any] = {
        "variants": {},
        "load": os.getloadavg(),
        "code_start": code_fingerprint(),
    }
    texts = sample_paragraphs(args.ofsted_db)
    texts_file = args.out / "throughput_texts.json"
    texts_file.write_text(json.dumps(texts), encoding="utf-8")
    print(
        f"throughput sample: {len(texts)} paragraphs, mean {np.mean([len(t) for t in texts]):.0f} chars"
    )

    for name in names:
        vocab = None
        if VARIANTS[name][1]:
            vocab = store_vocabulary(list(dbs.values()), min_count=3, max_words=args.vocab_words)
        info = distill_variant(name, args.out, vocab, args.force)
        emb = StaticEmbedder(Path(info["path"]), name)
        info.update(model_id=emb.model_id, dim=emb.dim)
        info["throughput"] = throughput(emb, texts, args.repeats)
        info["static_only_process"] = static_only_footprint(Path(info["path"]), texts_file)
        info["eval"] = evaluate(emb, dbs)
        info["peak_rss_mb_so_far"] = round(peak_rss_mb(), 1)
        results["variants"][name] = info
        print(f"[{name}] {json.dumps({k: v for k, v in info.items() if k != 'eval'})}", flush=True)

    minilm = load_embedder("minilm")
    results["minilm"] = {"model_id": minilm.model_id, "dim": minilm.dim}
    t0 = time.perf_counter()
    minilm.embed(texts[:1])  # loads torch + the model
    results["minilm"]["load_s"] = round(time.perf_counter() - t0, 1)
    results["minilm"]["throughput"] = throughput(minilm, texts, 1)
    if args.with_minilm:
        results["minilm"]["eval"] = evaluate(minilm, dbs)
    results["peak_rss_mb"] = round(peak_rss_mb(), 1)
    results["load_end"] = os.getloadavg()
    results["code_end"] = code_fingerprint()

    print("\nthroughput on the same 500 Ofsted paragraphs (texts/s, model loading excluded):")
    print(f"  MiniLM            {results['minilm']['throughput']['texts_per_s']:>9}")
    for name, info in results["variants"].items():
        print(f"  model2vec {name:<8}{info['throughput']['texts_per_s']:>9}")
    print("\nset     mode      model                 MRR@10  nDCG@10")
    rows = [(n, i["eval"]) for n, i in results["variants"].items()]
    if "eval" in results["minilm"]:
        rows.append(("MiniLM", results["minilm"]["eval"]))
    for set_name in dbs:
        for mode in ("keyword", "semantic", "hybrid"):
            for label, ev in rows:
                r = ev[set_name]["modes"][mode]
                shown = label if label == "MiniLM" else f"model2vec-{label}"
                print(
                    f"{set_name:<8}{mode:<10}{shown:<22}{r['mrr@10']:>6.3f}  {r['ndcg@10']:>7.3f}"
                )
    print(
        f"\nreviewmine code: start {results['code_start']}, end {results['code_end']}"
        + ("" if results["code_start"] == results["code_end"] else "  (CHANGED during the run!)")
    )
    print(
        f"peak RSS of this process: {results['peak_rss_mb']} MB; "
        f"load average start {results['load']}, end {results['load_end']}"
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
