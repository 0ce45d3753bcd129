"""Emergent themes: clusters of the items the taxonomy does not explain.

Pipeline of swappable parts: pick unexplained items -> reduce (PCA) ->
cluster (any object with ``fit_predict``; default KMeans with k chosen by
silhouette) -> represent (c-TF-IDF key phrases over clusters, plus the items
nearest each cluster's centre).  Accepts precomputed vectors; the same input
and seed give the same output.

Example::

    assigned = model.assign(texts, vectors)
    for theme in emergent_themes(texts, vectors, assigned, seed=0):
        print(theme.label, theme.representative)
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from reviewmine.textnorm import CARE_WORDS, QUERY_STOP_WORDS, RECOMMENDATION_WORDS
from reviewmine.themes.taxonomy import OTHER
from reviewmine.types import ThemeScore

# Words every recommendation or passage uses; they say nothing about a cluster.
DOMAIN_STOP_WORDS = RECOMMENDATION_WORDS | CARE_WORDS
# Two-word phrases name a topic better than single words ("looked after" vs "looked").
BIGRAM_BOOST = 1.5
_TOKEN = r"(?u)\b[a-zA-Z][a-zA-Z\-]+\b"


class Clusterer(Protocol):
    def fit_predict(self, X: np.ndarray) -> Any: ...


@dataclass(frozen=True)
class EmergentTheme:
    """A cluster of unexplained items with the phrases that set it apart."""

    id: str  # "emergent_1", numbered by size
    label: str  # the top key phrases, joined
    key_phrases: tuple[str, ...]
    item_indices: tuple[int, ...]  # indices into the texts given, ascending
    representative: tuple[int, ...]  # closest to the cluster centre first
    size: int


def unexplained(assigned: Sequence[Sequence[ThemeScore]], min_score: float = 0.5) -> list[int]:
    """Indices of items with only ``other`` or whose best theme scores below ``min_score``."""
    out = []
    for i, scores in enumerate(assigned):
        real = [s for s in scores if s.theme != OTHER]
        if not real or max(s.score for s in real) < min_score:
            out.append(i)
    return out


def emergent_themes(
    texts: Sequence[str],
    vectors: np.ndarray,
    assigned: Sequence[Sequence[ThemeScore]] | None = None,
    seed: int = 0,
    *,
    min_score: float = 0.5,
    min_cluster_size: int = 3,
    max_clusters: int = 12,
    pca_dim: int = 32,
    n_phrases: int = 5,
    n_representative: int = 3,
    clusterer: Clusterer | None = None,
) -> list[EmergentTheme]:
    """Cluster the items no taxonomy theme explains well (all items if ``assigned`` is None).

    Fewer than ``min_cluster_size`` such items give no emergent theme; clusters
    smaller than that are left out.  Ordered by size, then first item.
    """
    vectors = np.asarray(vectors, dtype=np.float32)
    if len(texts) != len(vectors):
        raise ValueError(f"{len(texts)} texts but {len(vectors)} vectors")
    candidates = list(range(len(texts))) if assigned is None else unexplained(assigned, min_score)
    if len(candidates) < max(min_cluster_size, 1):
        return []
    X = _reduce(vectors[candidates], pca_dim, seed)
    labels = _cluster(X, seed, min_cluster_size, max_clusters, clusterer)

    clusters: dict[int, list[int]] = {}
    for idx, label in zip(candidates, labels):
        if label >= 0:  # -1 is noise (HDBSCAN)
            clusters.setdefault(int(label), []).append(idx)
    members = sorted(
        (sorted(m) for m in clusters.values() if len(m) >= min_cluster_size),
        key=lambda m: (-len(m), m[0]),
    )
    if not members:
        return []
    background = sorted(set(range(len(texts))) - set(candidates))
    phrases = _key_phrases(texts, members, background, n_phrases)
    out = []
    for n, (member, keys) in enumerate(zip(members, phrases), 1):
        out.append(
            EmergentTheme(
                id=f"emergent_{n}",
                label=", ".join(keys[:3]) if keys else f"cluster {n}",
                key_phrases=tuple(keys),
                item_indices=tuple(member),
                representative=_central(vectors, member, n_representative),
                size=len(member),
            )
        )
    return out


def _reduce(X: np.ndarray, pca_dim: int, seed: int) -> np.ndarray:
    """PCA to at most ``pca_dim`` dimensions (fewer for tiny inputs); unit rows after."""
    n, d = X.shape
    k = min(pca_dim, n - 1, d)
    if k >= 2 and k < d:
        from sklearn.decomposition import PCA

        X = PCA(n_components=k, svd_solver="full", random_state=seed).fit_transform(X)
    norms = np.linalg.norm(X, axis=1, keepdims=True)
    return np.divide(X, norms, out=np.zeros_like(X), where=norms > 0)


def _cluster(
    X: np.ndarray, seed: int, min_size: int, max_clusters: int, clusterer: Clusterer | None
) -> np.ndarray:
    if clusterer is not None:
        return np.asarray(clusterer.fit_predict(X), dtype=int)
    n = len(X)
    k_max = min(max_clusters, n // max(min_size, 1))
    if k_max < 2 or np.allclose(X, X[0]):
        return np.zeros(n, dtype=int)
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    best: tuple[float, np.ndarray] | None = None
    for k in range(2, k_max + 1):
        labels = KMeans(n_clusters=k, random_state=seed, n_init=3).fit_predict(X)
        if len(set(labels)) < 2:
            continue
        # A fixed-seed sample keeps model selection fast on large inputs.
        score = float(
            silhouette_score(
                X, labels, metric="cosine", sample_size=min(n, 2000), random_state=seed
            )
        )
        if best is None or score > best[0] + 1e-9:  # ties keep the smaller k
            best = (score, labels)
    return best[1] if best is not None else np.zeros(n, dtype=int)


def _key_phrases(
    texts: Sequence[str], clusters: Sequence[Sequence[int]], background: Sequence[int], n: int
) -> list[list[str]]:
    """c-TF-IDF: a term's frequency within a cluster, weighted by how rare it is
    across all classes (the clusters plus one background class of explained items)."""
    from sklearn.feature_extraction.text import CountVectorizer

    stop = QUERY_STOP_WORDS | DOMAIN_STOP_WORDS

    def analyse(text: str) -> list[str]:
        # Bigrams of words adjacent in the text (a stop word in between breaks
        # the pair), so no "fathers male" out of "fathers and male carers".
        words = re.findall(_TOKEN, text.lower())
        keep = [w not in stop for w in words]
        grams = [w for w, k in zip(words, keep) if k]
        grams += [
            f"{a} {b}" for (a, ka), (b, kb) in itertools.pairwise(zip(words, keep)) if ka and kb
        ]
        return grams

    vectoriser = CountVectorizer(analyzer=analyse)
    docs = [" ".join(texts[i] for i in c) for c in clusters]
    if background:
        docs.append(" ".join(texts[i] for i in background))
    try:
        counts = vectoriser.fit_transform(docs).toarray().astype(float)
    except ValueError:  # only stop words
        return [[] for _ in clusters]
    terms = vectoriser.get_feature_names_out()
    per_class = counts.sum(axis=1, keepdims=True)
    tf = np.divide(counts, per_class, out=np.zeros_like(counts), where=per_class > 0)
    avg_words = counts.sum() / len(docs)
    idf = np.log1p(avg_words / np.maximum(counts.sum(axis=0), 1.0))
    weights = tf * idf
    weights[:, [" " in t for t in terms]] *= BIGRAM_BOOST

    # A key phrase should be shared, not one item's wording.
    item_counts = vectoriser.transform([texts[i] for c in clusters for i in c]).toarray() > 0
    out: list[list[str]] = []
    offset = 0
    for c_idx, cluster in enumerate(clusters):
        df = item_counts[offset : offset + len(cluster)].sum(axis=0)
        offset += len(cluster)
        need = min(2, len(cluster))
        order = sorted(
            (j for j in np.flatnonzero(weights[c_idx] > 0) if df[j] >= need),
            key=lambda j: (-weights[c_idx, j], terms[j]),
        )
        chosen: list[str] = []
        covered: set[str] = set()
        for j in order:
            words = set(re.findall(r"[a-z\-]+", terms[j]))
            if words <= covered:
                continue  # "care" after "care leavers" adds nothing
            chosen.append(str(terms[j]))
            covered |= words
            if len(chosen) == n:
                break
        out.append(chosen)
    return out


def _central(vectors: np.ndarray, members: Sequence[int], n: int) -> tuple[int, ...]:
    sub = vectors[list(members)]
    centre = sub.mean(axis=0)
    norm = np.linalg.norm(centre)
    if norm > 0:
        centre = centre / norm
    sims = sub @ centre
    order = sorted(range(len(members)), key=lambda k: (-round(float(sims[k]), 6), members[k]))
    return tuple(members[k] for k in order[:n])


@dataclass(frozen=True)
class Stability:
    """Agreement of the clustering with clusterings of resampled items.

    Each resample keeps ``fraction`` of the unexplained items (drawn without
    replacement, its own seed), reduces and clusters them again, and is
    compared with the clustering of all items on the items it kept, by the
    adjusted Rand index (1 = the same partition, about 0 = chance).
    """

    mean_ari: float
    min_ari: float
    scores: tuple[float, ...]
    n_items: int  # unexplained items clustered
    fraction: float

    def describe(self) -> str:
        return (
            f"stability: adjusted Rand index {self.mean_ari:.2f} on average (lowest "
            f"{self.min_ari:.2f}) over {len(self.scores)} resamples of "
            f"{self.fraction:.0%} of the {self.n_items} unexplained items"
        )


def cluster_stability(
    texts: Sequence[str],
    vectors: np.ndarray,
    assigned: Sequence[Sequence[ThemeScore]] | None = None,
    seed: int = 0,
    *,
    n_resamples: int = 5,
    fraction: float = 0.8,
    min_score: float = 0.5,
    min_cluster_size: int = 3,
    max_clusters: int = 12,
    pca_dim: int = 32,
    clusterer: Clusterer | None = None,
) -> Stability | None:
    """How stable :func:`emergent_themes`' clusters are (``None`` with too few items).

    Same inputs and seed, same result.
    """
    from sklearn.metrics import adjusted_rand_score

    vectors = np.asarray(vectors, dtype=np.float32)
    if len(texts) != len(vectors):
        raise ValueError(f"{len(texts)} texts but {len(vectors)} vectors")
    candidates = list(range(len(texts))) if assigned is None else unexplained(assigned, min_score)
    size = round(fraction * len(candidates))
    if size < 2 * max(min_cluster_size, 1):
        return None
    full = _cluster(
        _reduce(vectors[candidates], pca_dim, seed), seed, min_cluster_size, max_clusters, clusterer
    )
    scores = []
    for r in range(n_resamples):
        rng = np.random.default_rng(seed + 1 + r)
        keep = np.sort(rng.choice(len(candidates), size=size, replace=False))
        sub = vectors[[candidates[k] for k in keep]]
        labels = _cluster(
            _reduce(sub, pca_dim, seed + 1 + r),
            seed + 1 + r,
            min_cluster_size,
            max_clusters,
            clusterer,
        )
        scores.append(float(adjusted_rand_score(full[keep], labels)))
    return Stability(
        mean_ari=float(np.mean(scores)),
        min_ari=float(np.min(scores)),
        scores=tuple(round(s, 4) for s in scores),
        n_items=len(candidates),
        fraction=fraction,
    )
