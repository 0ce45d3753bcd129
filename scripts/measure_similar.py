"""Measure `reviewmine similar` on the real gold sets: do the top 5 share a theme?

    .venv/bin/python scripts/measure_similar.py            # chosen weights and cosine alone
    .venv/bin/python scripts/measure_similar.py --grid     # also a small grid of weights

For each gold item (``other``-only items excluded), rank the gold items of OTHER
documents as `similar` does (cosine of MiniLM vectors + agreement of themes and
kind) and count the share of the top 5 that share a gold theme with it; the
figure is the mean over items.  The themes used for ranking are the ones the
theme model assigns, predicted out of fold (GroupKFold by local authority, the
document where none), never the gold themes being measured.  Item vectors are
cached in --cache.  Figures on these items are development figures: the weights
were chosen on them.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from reviewmine.embedding.embedders import load_embedder
from reviewmine.evaluation.themes import REAL, embed_cached, load_gold
from reviewmine.search.similar import KIND_WEIGHT, THEME_WEIGHT, similarity_scores, theme_set
from reviewmine.themes.classifier import train_theme_model
from reviewmine.themes.taxonomy import load_taxonomy

TOP = 5


def out_of_fold_themes(items, vectors, embedder, taxonomy) -> list[frozenset[str]]:
    from sklearn.model_selection import GroupKFold

    texts = [it.text for it in items]
    groups = np.array([it.group for it in items])
    out: list[frozenset[str]] = [frozenset()] * len(items)
    for train, test in GroupKFold(5).split(vectors, groups=groups):
        model = train_theme_model(
            [texts[i] for i in train],
            [items[i].themes for i in train],
            vectors[train],
            taxonomy,
            embedder=embedder,
            groups=[str(groups[i]) for i in train],
        )  # as shipped
        for i, scores in zip(test, model.assign([texts[i] for i in test], vectors[test])):
            out[i] = theme_set(s.theme for s in scores)
    return out


def top5_agreement(items, vectors, themes, kinds, theme_weight, kind_weight) -> dict[str, float]:
    gold = [theme_set(it.themes) for it in items]
    docs = np.array([f"{it.source}|{it.doc}" for it in items])
    shares: dict[str, list[float]] = {}
    for q, it in enumerate(items):
        if not gold[q]:
            continue
        scores = similarity_scores(
            vectors, q, themes, kinds, theme_weight=theme_weight, kind_weight=kind_weight
        )
        scores[docs == docs[q]] = -np.inf
        top = np.argsort(-scores, kind="stable")[:TOP]
        share = float(np.mean([bool(gold[j] & gold[q]) for j in top]))
        shares.setdefault(it.family, []).append(share)
        shares.setdefault("all", []).append(share)
    return {k: float(np.mean(v)) for k, v in shares.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/reviewmine-theme-vectors"))
    parser.add_argument("--grid", action="store_true")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    paths = [REAL / name / "gold.jsonl" for name in ("ofsted", "letters", "summaries")]
    taxonomy = load_taxonomy()
    items = load_gold([p for p in paths if p.is_file()], taxonomy)
    embedder = load_embedder("minilm")
    vectors = embed_cached(embedder, [it.text for it in items], args.cache)
    themes = out_of_fold_themes(items, vectors, embedder, taxonomy)
    kinds = [it.kind or None for it in items]
    settings = [("cosine only", 0.0, 0.0), ("chosen", THEME_WEIGHT, KIND_WEIGHT)]
    if args.grid:
        settings += [
            (f"themes {t}, kind {k}", t, k)
            for t in (0.1, 0.2, 0.3, 0.5, 1.0)
            for k in (0.0, 0.05, 0.1)
        ]
    print(
        f"{len(items)} gold items from {len({(i.source, i.doc) for i in items})} documents;"
        f" share of the top {TOP} similar items (other documents) sharing a gold theme"
    )
    print(
        "| ranking | theme weight | kind weight | all | "
        + " | ".join(sorted({it.family for it in items}))
        + " |"
    )
    for name, tw, kw in settings:
        r = top5_agreement(items, vectors, themes, kinds, tw, kw)
        fams = " | ".join(f"{r[f]:.3f}" for f in sorted({it.family for it in items}))
        print(f"| {name} | {tw} | {kw} | {r['all']:.3f} | {fams} |", flush=True)
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
