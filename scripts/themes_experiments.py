"""Experiments on the theme model under the evaluation's grouped cross-validation.

    .venv/bin/python scripts/themes_experiments.py errors       # error analysis, shipped method
    nice -n 10 .venv/bin/python scripts/themes_experiments.py setfit --family letters
    nice -n 10 .venv/bin/python scripts/themes_experiments.py setfit-top --family letters --pairs 3000
    .venv/bin/python scripts/themes_experiments.py projection --pairs 4000 --epochs 20 [--mix 0]
    .venv/bin/python scripts/themes_experiments.py stack        # label-correlation step
    .venv/bin/python scripts/themes_experiments.py fallback|length|family|own-family
    .venv/bin/python scripts/themes_experiments.py context --context title|heading|both [--weight 0.5]
    .venv/bin/python scripts/themes_experiments.py family-thresholds

Every experiment scores each item once, with a model fitted (and its thresholds
tuned, by the inner grouped CV of ``train_theme_model``) on the other folds'
items only: the same ``GroupKFold(5)`` over all gold items, on the local
authority (the document where none), as ``scripts/train_themes.py --eval-only``.
Figures printed here are development figures.  Nothing is written into the
project; fold outputs go to ``--work`` (default /tmp/reviewmine-theme-exp).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from reviewmine.embedding.embedders import Embedder, load_embedder
from reviewmine.evaluation.themes import (
    FAMILIES,
    GoldItem,
    default_gold_paths,
    embed_cached,
    load_gold,
    score_theme_sets,
)
from reviewmine.themes.classifier import example_vectors_for, train_theme_model
from reviewmine.themes.taxonomy import OTHER, LexiconTagger, Taxonomy, load_taxonomy

CACHE = Path("/tmp/reviewmine-theme-vectors")
N_SPLITS = 5

# A fold transform: (training item indices) -> (vectors of every item, example vectors),
# both in the space the fold's classifiers are trained and applied in.
Transform = Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]


class Data:
    """Gold items, their MiniLM vectors, the taxonomy and the embedded theme examples."""

    def __init__(self) -> None:
        self.taxonomy: Taxonomy = load_taxonomy()
        self.embedder: Embedder = load_embedder("minilm")
        self.items: list[GoldItem] = load_gold(default_gold_paths(), self.taxonomy)
        self.texts = [it.text for it in self.items]
        self.gold = [set(it.themes) for it in self.items]
        self.groups = np.array([it.group for it in self.items])
        self.families = np.array([it.family for it in self.items])
        self.vectors = embed_cached(self.embedder, self.texts, CACHE)
        self.examples = example_vectors_for(self.taxonomy, self.embedder)

    def folds(self) -> list[tuple[np.ndarray, np.ndarray]]:
        from sklearn.model_selection import GroupKFold

        return list(GroupKFold(n_splits=N_SPLITS).split(self.vectors, groups=self.groups))


def model_folder(data: Data) -> str:
    """The installed MiniLM folder (hash-checked by the embedder); nothing is downloaded."""
    folder = getattr(data.embedder, "model_dir", None)
    if folder is None:
        from reviewmine.embedding.weights import packaged_model_dir

        folder = packaged_model_dir()
    return str(folder)


def cv_predict(
    data: Data,
    transform: Transform | None = None,
    *,
    only_family: str | None = None,
    log: bool = True,
) -> tuple[list[set[str] | None], dict[int, dict[str, float]]]:
    """Out-of-fold theme sets (None for items not scored) and classifier probabilities.

    ``only_family`` skips folds with no item of that family and scores only its items
    (the model is still trained on every family's training items)."""
    pred: list[set[str] | None] = [None] * len(data.items)
    probs: dict[int, dict[str, float]] = {}
    ex_texts, ex_themes, ex_vectors = data.examples
    for k, (train, test) in enumerate(data.folds()):
        if only_family is not None:
            test = test[data.families[test] == only_family]
            if not len(test):
                continue
        started = time.perf_counter()
        vectors, examples = (
            transform(train) if transform is not None else (data.vectors, ex_vectors)
        )
        model = train_theme_model(
            [data.texts[i] for i in train],
            [data.gold[i] for i in train],
            vectors[train],
            data.taxonomy,
            embedder=data.embedder,
            examples=(ex_texts, ex_themes, examples),
            groups=[str(data.groups[i]) for i in train],
        )
        test_texts = [data.texts[i] for i in test]
        for i, scores in zip(test, model.assign(test_texts, vectors[test])):
            pred[i] = {s.theme for s in scores}
        p = model.probabilities(vectors[test], test_texts)
        for row, i in enumerate(test):
            probs[int(i)] = dict(zip(model.classifier_themes, map(float, p[row])))
        if log:
            print(
                f"  fold {k}: {len(train)} train, {len(test)} scored, "
                f"{time.perf_counter() - started:.0f} s, thresholds "
                f"{model.confirm_threshold}/{model.confirm_threshold_long}/{model.add_threshold}",
                flush=True,
            )
    return pred, probs


def family_table(data: Data, pred: Sequence[set[str] | None], label: str) -> dict[str, float]:
    """Print micro/macro-F1 per family (scored items only); return micro-F1 by family."""
    out: dict[str, float] = {}
    lex = LexiconTagger(data.taxonomy)
    for family in FAMILIES:
        idx = [i for i, it in enumerate(data.items) if it.family == family and pred[i] is not None]
        if not idx:
            continue
        s = score_theme_sets([data.gold[i] for i in idx], [pred[i] or set() for i in idx])
        b = score_theme_sets(
            [data.gold[i] for i in idx], [{t.theme for t in lex.tag(data.texts[i])} for i in idx]
        )
        out[family] = s.micro_f1
        print(
            f"{label:>28} {family:<10} n={len(idx):>3} micro {s.micro_f1:.3f} macro "
            f"{s.macro_f1:.3f} (lexicon {b.micro_f1:.3f}/{b.macro_f1:.3f})"
        )
    return out


# --- 1. error analysis --------------------------------------------------------------


def error_analysis(
    data: Data, pred: Sequence[set[str] | None], probs: dict[int, dict[str, float]]
) -> None:
    lex = LexiconTagger(data.taxonomy)
    hits = [set(lex.matches(t)) for t in data.texts]
    for family in ("letters", "summaries", "ilacs_sif", "corpus"):
        idx = [i for i, it in enumerate(data.items) if it.family == family]
        gold = [data.gold[i] for i in idx]
        got = [pred[i] or set() for i in idx]
        s = score_theme_sets(gold, got)
        tp_all = sum(len(g & p) for g, p in zip(gold, got))
        err_all = sum(len(g ^ p) for g, p in zip(gold, got))
        print(
            f"\n== {family}: {len(idx)} items, micro-F1 {s.micro_f1:.3f}, "
            f"{tp_all} right pairs, {err_all} wrong (FP+FN)"
        )
        print(
            "theme                       support pred   FP   FN  share-of-errors  F1   "
            "P(gold|keyword)  kw-hits"
        )
        rows = []
        for m in s.per_theme:
            tp = round(m.recall * m.support)
            fp, fn = m.predicted - tp, m.support - tp
            kw = [i for i in idx if m.theme in hits[i]]
            pg = sum(m.theme in data.gold[i] for i in kw) / len(kw) if kw else float("nan")
            rows.append((fp + fn, m.theme, m.support, m.predicted, fp, fn, m.f1, pg, len(kw)))
        for e, theme, sup, npred, fp, fn, f1, pg, nkw in sorted(rows, reverse=True)[:14]:
            print(
                f"{theme:<28}{sup:>6}{npred:>5}{fp:>5}{fn:>5}{e / err_all:>10.2f}"
                f"{f1:>12.2f}{pg:>12.2f}{nkw:>9}"
            )
        # Which theme stands in for which: a missed gold theme and a wrongly assigned one
        # in the same item.
        swaps: Counter[tuple[str, str]] = Counter()
        for g, p in zip(gold, got):
            for miss in g - p:
                for wrong in p - g:
                    swaps[(miss, wrong)] += 1
        print(
            "most frequent (missed -> assigned instead) in the same item:",
            ", ".join(f"{a}->{b} {n}" for (a, b), n in swaps.most_common(8)),
        )
        # Errors on items with exactly one gold theme vs several.
        by_card: dict[str, list[int]] = {"1 gold theme": [], "2": [], "3+": []}
        for g, p in zip(gold, got):
            key = "1 gold theme" if len(g) == 1 else ("2" if len(g) == 2 else "3+")
            by_card[key].append(len(g ^ p))
        print(
            "errors per item by gold cardinality:",
            ", ".join(f"{k}: {len(v)} items, {np.mean(v):.2f}" for k, v in by_card.items() if v),
        )
        # Ranking: is the gold theme at least ranked first?
        top1 = [
            max(probs[i], key=lambda t: probs[i][t]) in data.gold[i]
            for i in idx
            if probs.get(i) and not (data.gold[i] <= {OTHER})
        ]
        print(
            f"best-scored classifier theme is a gold theme: {np.mean(top1):.2f} of {len(top1)} items"
        )

    # Systematic differences between families (one annotator each): how often a theme is
    # gold when its keywords match, and how common it is, per family.
    print("\n== broad themes across families: prevalence (share of items) / P(gold | keyword)")
    broad = (
        "assessment_quality",
        "multi_agency_working",
        "information_sharing",
        "governance_partnership",
        "health_services",
        "performance_data_qa",
        "thresholds_front_door",
        "children_in_care",
        "workforce_training",
        OTHER,
    )
    fams = [f for f in FAMILIES]
    print(f"{'theme':<26}" + "".join(f"{f:>22}" for f in fams))
    for theme in broad:
        cells = []
        for family in fams:
            idx = [i for i, it in enumerate(data.items) if it.family == family]
            prev = sum(theme in data.gold[i] for i in idx) / len(idx)
            kw = [i for i in idx if theme in hits[i]]
            pg = sum(theme in data.gold[i] for i in kw) / len(kw) if kw else float("nan")
            cells.append(f"{prev:>8.2f} / {pg:.2f} ({len(kw):>3})")
        print(f"{theme:<26}" + "".join(f"{c:>22}" for c in cells))
    # Gold cardinality per family
    print(
        "gold themes per item: "
        + ", ".join(
            f"{f} {np.mean([len(data.gold[i]) for i in range(len(data.items)) if data.families[i] == f]):.2f}"
            for f in fams
        )
    )


# --- 2. contrastive fine-tuning --------------------------------------------------------


def pair_sample(
    label_sets: Sequence[set[str]], n_pairs: int, rng: np.random.Generator
) -> list[tuple[int, int, float]]:
    """SetFit-style pairs: half share a gold theme (label 1), half share none (label 0).
    Anchors are drawn per theme so rare themes get pairs too."""
    by_theme: dict[str, list[int]] = {}
    for i, ls in enumerate(label_sets):
        for t in ls:
            by_theme.setdefault(t, []).append(i)
    themes = sorted(t for t, v in by_theme.items() if len(v) >= 2)
    pairs: list[tuple[int, int, float]] = []
    n = len(label_sets)
    while len(pairs) < n_pairs:
        t = themes[rng.integers(len(themes))]
        a, b = rng.choice(by_theme[t], size=2, replace=False)
        pairs.append((int(a), int(b), 1.0))
        a = int(rng.choice(by_theme[t]))
        for _ in range(20):
            c = int(rng.integers(n))
            if not (label_sets[a] & label_sets[c]):
                pairs.append((a, c, 0.0))
                break
    return pairs[:n_pairs]


def setfit_transform(data: Data, n_pairs: int, max_seconds: float, seed: int = 0) -> Transform:
    """Fine-tune the MiniLM body on pairs of training items (CosineSimilarityLoss, one
    epoch), then embed every item and the theme examples with the tuned body."""

    def transform(train: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        import os

        os.environ["HF_HUB_OFFLINE"] = "1"
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(1)
        torch.manual_seed(seed)
        model: Any = SentenceTransformer(model_folder(data), device="cpu", local_files_only=True)
        model.max_seq_length = 128  # long paragraphs: the first 128 tokens carry the topic
        rng = np.random.default_rng(seed)
        pairs = pair_sample([data.gold[i] for i in train], n_pairs, rng)
        texts = [data.texts[i] for i in train]
        opt = torch.optim.AdamW(model.parameters(), lr=2e-5)
        model.train()
        started = time.perf_counter()
        batch = 16
        done = 0
        for start in range(0, len(pairs), batch):
            chunk = pairs[start : start + batch]
            fa = model.tokenize([texts[a] for a, _, _ in chunk])
            fb = model.tokenize([texts[b] for _, b, _ in chunk])
            labels = torch.tensor([y for _, _, y in chunk], dtype=torch.float32)
            # CosineSimilarityLoss: squared error between the pair's cosine and its label.
            za = torch.nn.functional.normalize(model(fa)["sentence_embedding"], dim=1)
            zb = torch.nn.functional.normalize(model(fb)["sentence_embedding"], dim=1)
            loss = ((za * zb).sum(1) - labels).pow(2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            done += len(chunk)
            if time.perf_counter() - started > max_seconds:
                break
        model.eval()
        print(
            f"    fine-tuned on {done} pairs in {time.perf_counter() - started:.0f} s", flush=True
        )
        enc = dict(
            batch_size=32, convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False
        )
        model.max_seq_length = 256
        vectors = np.asarray(model.encode(data.texts, **enc), dtype=np.float32)
        examples = np.asarray(model.encode(list(data.examples[0]), **enc), dtype=np.float32)
        return vectors, examples

    return transform


def projection_transform(
    data: Data, n_pairs: int, *, epochs: int = 30, mix: float = 0.5, seed: int = 0, lr: float = 1e-3
) -> Transform:
    """A learned linear map over frozen MiniLM vectors (the shippable variant): W
    (384 x 384, identity at start) trained with the SetFit pair loss on training items;
    an item becomes normalise(mix * x + (1 - mix) * normalise(W x))."""

    def transform(train: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        import torch

        torch.set_num_threads(1)
        torch.manual_seed(seed)
        rng = np.random.default_rng(seed)
        pairs = pair_sample([data.gold[i] for i in train], n_pairs, rng)
        X = torch.tensor(data.vectors[train])
        a = torch.tensor([p[0] for p in pairs])
        b = torch.tensor([p[1] for p in pairs])
        y = torch.tensor([p[2] for p in pairs], dtype=torch.float32)
        dim = X.shape[1]
        W = torch.nn.Parameter(torch.eye(dim))
        opt = torch.optim.Adam([W], lr=lr)
        for _ in range(epochs):
            perm = torch.randperm(len(pairs))
            for s in range(0, len(pairs), 64):
                j = perm[s : s + 64]
                za = torch.nn.functional.normalize(X[a[j]] @ W.T, dim=1)
                zb = torch.nn.functional.normalize(X[b[j]] @ W.T, dim=1)
                loss = ((za * zb).sum(1) - y[j]).pow(2).mean()
                opt.zero_grad()
                loss.backward()
                opt.step()
        Wn = W.detach().numpy()

        def apply(v: np.ndarray) -> np.ndarray:
            z = v @ Wn.T
            z /= np.linalg.norm(z, axis=1, keepdims=True) + 1e-12
            out = mix * v + (1 - mix) * z
            return (out / (np.linalg.norm(out, axis=1, keepdims=True) + 1e-12)).astype(np.float32)

        return apply(data.vectors), apply(data.examples[2])

    return transform


class _LowerLayers:
    """MiniLM's hidden states below the top ``top`` layers for every item and theme
    example, computed once: fine-tuning only the top layers then costs a fraction of
    fine-tuning the whole body, so more pairs fit the time budget."""

    def __init__(self, data: Data, top: int, max_tokens: int = 256) -> None:
        import os

        os.environ["HF_HUB_OFFLINE"] = "1"
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(1)
        started = time.perf_counter()
        self.st: Any = SentenceTransformer(model_folder(data), device="cpu", local_files_only=True)
        bert: Any = self.st[0].auto_model
        self.layers: Any = bert.encoder.layer
        self.split = len(self.layers) - top
        texts = data.texts + list(data.examples[0])
        self.states: list[Any] = []
        with torch.no_grad():
            for s in range(0, len(texts), 32):
                enc = self.st.tokenizer(
                    texts[s : s + 32],
                    padding=True,
                    truncation=True,
                    max_length=max_tokens,
                    return_tensors="pt",
                )
                out = bert(**enc, output_hidden_states=True)
                h = out.hidden_states[self.split]
                for row in range(h.shape[0]):
                    n = int(enc["attention_mask"][row].sum())
                    self.states.append(h[row, :n].clone())
        self.n_items = len(data.texts)
        print(f"    lower layers cached in {time.perf_counter() - started:.0f} s", flush=True)

    def run(self, layers: Any, idx: Sequence[int]) -> Any:
        import torch

        seqs = [self.states[i] for i in idx]
        L = max(x.shape[0] for x in seqs)
        h = torch.zeros(len(seqs), L, seqs[0].shape[1])
        mask = torch.zeros(len(seqs), L)
        for r, x in enumerate(seqs):
            h[r, : x.shape[0]] = x
            mask[r, : x.shape[0]] = 1
        ext = (1.0 - mask[:, None, None, :]) * torch.finfo(torch.float32).min
        for layer in layers:
            out = layer(h, attention_mask=ext)
            h = out[0] if isinstance(out, tuple) else out
        m = mask.unsqueeze(-1)
        v = (h * m).sum(1) / m.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(v, dim=1)

    def embed(self, layers: Any, idx: Sequence[int]) -> np.ndarray:
        import torch

        with torch.no_grad():
            parts = [self.run(layers, idx[s : s + 64]).numpy() for s in range(0, len(idx), 64)]
        return np.concatenate(parts).astype(np.float32)


def setfit_top_transform(
    data: Data, n_pairs: int, max_seconds: float, *, top: int = 2, lr: float = 5e-5, seed: int = 0
) -> Transform:
    """SetFit-style fine-tuning (CosineSimilarityLoss on pairs sharing / not sharing a
    theme, one pass) of MiniLM's top ``top`` layers, on the training items only."""
    import copy

    cache: list[_LowerLayers] = []

    def transform(train: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        import torch

        if not cache:
            cache.append(_LowerLayers(data, top))
            low = cache[0]
            check = low.embed(low.layers[low.split :], list(range(min(200, low.n_items))))
            cos = (check * data.vectors[: len(check)]).sum(1)
            print(f"    check: cosine to the cached vectors min {cos.min():.4f}", flush=True)
        low = cache[0]
        torch.manual_seed(seed)
        layers: Any = copy.deepcopy(low.layers[low.split :])
        layers.train()
        opt = torch.optim.AdamW(layers.parameters(), lr=lr)
        rng = np.random.default_rng(seed)
        pairs = pair_sample([data.gold[i] for i in train], n_pairs, rng)
        started, done, batch = time.perf_counter(), 0, 16
        for s in range(0, len(pairs), batch):
            chunk = pairs[s : s + batch]
            za = low.run(layers, [int(train[a]) for a, _, _ in chunk])
            zb = low.run(layers, [int(train[b]) for _, b, _ in chunk])
            y = torch.tensor([t for _, _, t in chunk], dtype=torch.float32)
            loss = ((za * zb).sum(1) - y).pow(2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            done += len(chunk)
            if time.perf_counter() - started > max_seconds:
                break
        layers.eval()
        print(
            f"    fine-tuned top {top} layers on {done} pairs in {time.perf_counter() - started:.0f} s",
            flush=True,
        )
        vectors = low.embed(layers, list(range(low.n_items)))
        examples = low.embed(layers, list(range(low.n_items, len(low.states))))
        return vectors, examples

    return transform


# --- 3. other generic changes ---------------------------------------------------------------


def tune_fallback() -> None:
    """Tune the fallback rule's two thresholds with the other three (inner CV)."""
    from reviewmine.themes import classifier

    classifier.THRESHOLD_GRID = {
        **classifier.THRESHOLD_GRID,
        "fallback": (0.2, 0.3, 0.4, 0.5),
        "fallback_min_similarity": (0.2, 0.25, 0.3, 0.35),
    }


def length_features() -> None:
    """Item-length indicators beside the keyword indicators: letters' paragraphs and
    summaries' noun phrases are themed differently (see the error analysis), and the
    length of an item is what tells the families apart at run time."""
    from reviewmine.themes import classifier

    plain = classifier.lexicon_indicators

    def with_length(
        texts: Sequence[str], themes: Sequence[str], lexicon: LexiconTagger
    ) -> np.ndarray:
        base = plain(texts, themes, lexicon)
        n = np.array([len(t) for t in texts], dtype=np.float64)
        extra = np.stack([n < 60, (n >= 60) & (n < 200), n >= 400], axis=1) * 0.5
        return np.hstack([base, extra])

    classifier.lexicon_indicators = with_length


def _inner_probs(
    X: np.ndarray,
    label_sets: Sequence[set[str]],
    groups: np.ndarray,
    active: Sequence[str],
    *,
    C: float,
    min_positives: int = 20,
    folds: int = 3,
) -> np.ndarray:
    """Out-of-fold probabilities (NaN where no classifier) by GroupKFold on ``groups``."""
    from sklearn.model_selection import GroupKFold

    from reviewmine.themes.classifier import _fit_classifiers, _sigmoid

    col = {t: j for j, t in enumerate(active)}
    probs = np.full((len(X), len(active)), np.nan)
    for tr, te in GroupKFold(n_splits=folds).split(X, groups=groups):
        themes, coefs, icpts = _fit_classifiers(
            X[tr], [label_sets[i] for i in tr], active, min_positives, C
        )
        if themes:
            probs[np.ix_(te, [col[t] for t in themes])] = _sigmoid(
                X[te] @ np.array(coefs).T + np.array(icpts)
            )
    return probs


def _full_probs(
    Xtr: np.ndarray,
    label_sets: Sequence[set[str]],
    Xte: np.ndarray,
    active: Sequence[str],
    *,
    C: float,
    min_positives: int = 20,
) -> np.ndarray:
    from reviewmine.themes.classifier import _fit_classifiers, _sigmoid

    col = {t: j for j, t in enumerate(active)}
    probs = np.full((len(Xte), len(active)), np.nan)
    themes, coefs, icpts = _fit_classifiers(Xtr, label_sets, active, min_positives, C)
    if themes:
        probs[:, [col[t] for t in themes]] = _sigmoid(Xte @ np.array(coefs).T + np.array(icpts))
    return probs


def decision_arrays(
    data: Data,
) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """What the decision rule reads for every gold item: the themes with a classifier's
    place, keyword hits, features (vector and keyword indicators), the gold as arrays
    (themes, and `other`), the long-item flags and whether each item is on some topic."""
    from reviewmine.themes.classifier import lexicon_indicators

    active = [t.id for t in data.taxonomy if t.id != OTHER]
    lex = LexiconTagger(data.taxonomy)
    hits = np.array([[t in lex.matches(x) for t in active] for x in data.texts], dtype=bool)
    X = np.hstack([data.vectors.astype(np.float64), lexicon_indicators(data.texts, active, lex)])
    truth = np.array([[t in g for t in active] for g in data.gold], dtype=bool)
    other_truth = np.array([OTHER in g or not (g & set(active)) for g in data.gold])
    long_items = np.array([len(t) >= 200 for t in data.texts])
    on_topic = (data.vectors @ data.examples[2].T).max(axis=1) >= 0.35
    return active, hits, X, truth, other_truth, long_items, on_topic


def best_thresholds(
    hits: np.ndarray,
    probs: np.ndarray,
    long_items: np.ndarray,
    on_topic: np.ndarray,
    truth: np.ndarray,
    other_truth: np.ndarray,
) -> dict[str, float]:
    """The grid point of the shipped decision rule (fallback 0.5) with the best objective on
    these items' out-of-fold probabilities; ties keep the earlier point."""
    from reviewmine.themes.classifier import THRESHOLD_GRID, _objective, decide

    best: tuple[float, dict[str, float]] | None = None
    for confirm in THRESHOLD_GRID["confirm"]:
        for confirm_long in THRESHOLD_GRID["confirm_long"]:
            for add in THRESHOLD_GRID["add"]:
                st = {"confirm": confirm, "confirm_long": confirm_long, "add": add}
                pred = decide(hits, probs, long_items, on_topic, fallback=0.5, **st)
                f = _objective(pred, truth, other_truth)
                if best is None or f > best[0] + 1e-12:
                    best = (f, st)
    assert best is not None
    return best[1]


def stacked_predict(data: Data, *, C2: float = 1.0, stack: bool = True) -> list[set[str] | None]:
    """Label-correlation step: a second logistic regression per theme on the logits of
    every theme's first-stage probability (out-of-fold inside the training items), the
    keyword indicators and a long-item flag; then the shipped decision rule with its
    thresholds tuned on second-stage out-of-fold probabilities of the training items."""
    from reviewmine.themes.classifier import decide

    active, hits, X, truth, other_truth, long_items, on_topic = decision_arrays(data)
    pred: list[set[str] | None] = [None] * len(data.items)

    def stage2(P1: np.ndarray) -> np.ndarray:
        lo = np.log(np.clip(np.nan_to_num(P1, nan=0.5), 1e-4, 1 - 1e-4))
        hi = np.log(1 - np.clip(np.nan_to_num(P1, nan=0.5), 1e-4, 1 - 1e-4))
        return lo - hi

    for k, (train, test) in enumerate(data.folds()):
        g = data.groups[train]
        labels = [data.gold[i] for i in train]
        P1_tr = _inner_probs(X[train], labels, g, active, C=4.0)
        P1_te = _full_probs(X[train], labels, X[test], active, C=4.0)
        if stack:
            F_tr = np.hstack([stage2(P1_tr), hits[train] * 0.5, long_items[train, None] * 0.5])
            F_te = np.hstack([stage2(P1_te), hits[test] * 0.5, long_items[test, None] * 0.5])
            P_tr = _inner_probs(F_tr, labels, g, active, C=C2)
            P_te = _full_probs(F_tr, labels, F_te, active, C=C2)
            # stage 2 only where stage 1 had a classifier
            P_tr[np.isnan(P1_tr)] = np.nan
            P_te[np.isnan(P1_te)] = np.nan
        else:
            P_tr, P_te = P1_tr, P1_te
        best = best_thresholds(
            hits[train], P_tr, long_items[train], on_topic[train], truth[train], other_truth[train]
        )
        out = decide(hits[test], P_te, long_items[test], on_topic[test], fallback=0.5, **best)
        for row, i in enumerate(test):
            pred[i] = {active[j] for j in np.flatnonzero(out[row])} or {OTHER}
        print(f"  fold {k}: thresholds {best}", flush=True)
    return pred


def family_features(data: Data) -> None:
    """The item's family (ILACS/SIF, letters, summaries, corpus) as indicators beside
    the keyword indicators: an upper bound for telling the model the document type,
    which the stage knows from the document's metadata but does not pass today."""
    from reviewmine.themes import classifier

    plain = classifier.lexicon_indicators
    family_of_text = {t: f for t, f in zip(data.texts, data.families)}

    def with_family(
        texts: Sequence[str], themes: Sequence[str], lexicon: LexiconTagger
    ) -> np.ndarray:
        base = plain(texts, themes, lexicon)
        extra = np.array(
            [[family_of_text.get(t) == f for f in FAMILIES] for t in texts], dtype=np.float64
        )
        return np.hstack([base, extra * 0.5])

    classifier.lexicon_indicators = with_family


def item_contexts(data: Data) -> dict[str, tuple[str, str]]:
    """Each gold item's document title and, where extraction finds the item (token F1 >= 0.5
    with an extracted item of the same document), that item's heading and sub-heading: the
    context a theme stage could see at run time."""
    from reviewmine.evaluation.scoring import token_f1 as f1
    from reviewmine.ingest import parse_file

    parsed: dict[Path, Any] = {}
    out: dict[str, tuple[str, str]] = {}
    for it in data.items:
        path = (Path(it.source).parent / it.doc).resolve()
        if path not in parsed:
            try:
                parsed[path] = parse_file(path)
            except Exception:  # noqa: BLE001 an unreadable document gives no context
                parsed[path] = None
        got = parsed[path]
        if got is None:
            out[it.text] = ("", "")
            continue
        doc, items = got
        best = max(items, key=lambda x: f1(it.text, x.text), default=None)
        heading = ""
        if best is not None and f1(it.text, best.text) >= 0.5:
            heading = " ".join(x for x in (best.heading, best.subheading) if x)
        out[it.text] = (doc.title or "", heading)
    return out


def context_features(data: Data, which: str, weight: float) -> None:
    """Keyword indicators of the item's context (document title, heading, or both) beside the
    item's own: summaries' short phrases and letters' paragraphs are themed in context."""
    from reviewmine.themes import classifier

    plain = classifier.lexicon_indicators
    ctx = item_contexts(data)

    def with_context(
        texts: Sequence[str], themes: Sequence[str], lexicon: LexiconTagger
    ) -> np.ndarray:
        base = plain(texts, themes, lexicon)
        around = []
        for t in texts:
            title, heading = ctx.get(t, ("", ""))
            around.append({"title": title, "heading": heading}.get(which, f"{title}. {heading}"))
        return np.hstack([base, plain(around, themes, lexicon) * weight])

    classifier.lexicon_indicators = with_context


def family_threshold_predict(data: Data) -> list[set[str] | None]:
    """The shipped decision rule with its three thresholds tuned per family (on that family's
    training items, out-of-fold inside the training folds) instead of once for all."""
    from reviewmine.themes.classifier import decide

    active, hits, X, truth, other_truth, long_items, on_topic = decision_arrays(data)
    pred: list[set[str] | None] = [None] * len(data.items)
    for train, test in data.folds():
        labels = [data.gold[i] for i in train]
        P_tr = _inner_probs(X[train], labels, data.groups[train], active, C=4.0)
        P_te = _full_probs(X[train], labels, X[test], active, C=4.0)
        for family in set(data.families[test].tolist()):
            m = data.families[train] == family
            best = best_thresholds(
                hits[train][m],
                P_tr[m],
                long_items[train][m],
                on_topic[train][m],
                truth[train][m],
                other_truth[train][m],
            )
            rows = np.flatnonzero(data.families[test] == family)
            out = decide(
                hits[test][rows],
                P_te[rows],
                long_items[test][rows],
                on_topic[test][rows],
                fallback=0.5,
                **best,
            )
            for r, row in zip(rows, out):
                pred[test[r]] = {active[j] for j in np.flatnonzero(row)} or {OTHER}
    return pred


# --- main ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "experiment",
        choices=[
            "errors",
            "setfit",
            "projection",
            "baseline",
            "fallback",
            "length",
            "stack",
            "nostack",
            "family",
            "setfit-top",
            "own-family",
            "context",
            "family-thresholds",
        ],
    )
    parser.add_argument(
        "--family", help="score only this family's items (folds without it skipped)"
    )
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=170.0, help="fine-tuning budget per fold")
    parser.add_argument("--mix", type=float, default=0.5)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--top", type=int, default=2, help="layers fine-tuned (setfit-top)")
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--c2", type=float, default=1.0, help="C of the label-correlation step")
    parser.add_argument("--context", choices=("title", "heading", "both"), default="title")
    parser.add_argument("--weight", type=float, default=0.5, help="weight of context indicators")
    args = parser.parse_args(argv)
    data = Data()
    print(f"{len(data.items)} items; families {dict(Counter(data.families.tolist()))}")
    base_pred, base_probs = cv_predict(data, only_family=args.family, log=False)
    family_table(data, base_pred, "shipped method")
    if args.experiment == "errors":
        error_analysis(data, base_pred, base_probs)
        return 0
    if args.experiment == "baseline":
        return 0
    if args.experiment == "own-family":
        # One model per family, trained on that family's training-fold items only.
        pred: list[set[str] | None] = [None] * len(data.items)
        for family in ("letters", "summaries", "ilacs_sif"):
            keep = data.families == family
            for train, test in data.folds():
                train, test = train[keep[train]], test[keep[test]]
                model = train_theme_model(
                    [data.texts[i] for i in train],
                    [data.gold[i] for i in train],
                    data.vectors[train],
                    data.taxonomy,
                    embedder=data.embedder,
                    examples=data.examples,
                    groups=[str(data.groups[i]) for i in train],
                )
                got = model.assign([data.texts[i] for i in test], data.vectors[test])
                for i, scores in zip(test, got):
                    pred[i] = {sc.theme for sc in scores}
        family_table(data, pred, "own family only")
        return 0
    if args.experiment == "family-thresholds":
        family_table(data, family_threshold_predict(data), "thresholds per family")
        return 0
    if args.experiment == "context":
        context_features(data, args.context, args.weight)
        pred, _ = cv_predict(data, only_family=args.family, log=False)
        family_table(data, pred, f"context {args.context} x{args.weight}")
        return 0
    if args.experiment in ("stack", "nostack"):
        pred = stacked_predict(data, C2=args.c2, stack=args.experiment == "stack")
        family_table(data, pred, f"{args.experiment} C2={args.c2}")
        return 0
    if args.experiment in ("fallback", "length", "family"):
        if args.experiment == "family":
            family_features(data)
        else:
            (tune_fallback if args.experiment == "fallback" else length_features)()
        pred, _ = cv_predict(data, only_family=args.family)
        family_table(data, pred, args.experiment)
        return 0
    transform: Transform
    if args.experiment == "setfit":
        transform = setfit_transform(data, args.pairs, args.seconds)
        label = f"setfit {args.pairs} pairs"
    elif args.experiment == "setfit-top":
        transform = setfit_top_transform(data, args.pairs, args.seconds, top=args.top, lr=args.lr)
        label = f"setfit top{args.top} {args.pairs}p"
    else:
        transform = projection_transform(data, args.pairs, epochs=args.epochs, mix=args.mix)
        label = f"projection mix {args.mix}"
    pred, _ = cv_predict(data, transform, only_family=args.family)
    family_table(data, pred, label)
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__: list[Any] = []
