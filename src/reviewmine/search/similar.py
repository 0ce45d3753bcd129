"""Rank items similar to one item: meaning first, then agreement of themes and kind.

Cosine similarity of the sentence embeddings alone lets a long item about
placements look "similar" to a neglect item because both are written in the
same inspection prose.  The score adds the overlap of the two items' assigned
themes (Jaccard over their theme ids, ``other`` ignored) and a smaller bonus
when both are the same kind (recommendation, finding, area for improvement):

    score = cosine + THEME_WEIGHT * jaccard(themes) + KIND_WEIGHT * [same kind]

The weights were chosen with ``scripts/measure_similar.py`` (share of the top 5
items from other documents that share a gold theme, on the real gold sets;
development figures).

Example::

    scores = similarity_scores(vectors, 0, themes, kinds)
    order = np.argsort(-scores)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

THEME_WEIGHT = 0.3
KIND_WEIGHT = 0.05
_IGNORED = frozenset({"other"})


def theme_set(themes: Iterable[str]) -> frozenset[str]:
    """The themes that count for agreement (``other`` says nothing about a topic)."""
    return frozenset(t for t in themes if t not in _IGNORED)


def agreement(
    query_themes: frozenset[str],
    themes: Sequence[frozenset[str] | None],
    query_kind: str | None,
    kinds: Sequence[str | None],
    *,
    theme_weight: float = THEME_WEIGHT,
    kind_weight: float = KIND_WEIGHT,
) -> np.ndarray:
    """Bonus per candidate: theme_weight x Jaccard of theme sets + kind_weight x same kind."""
    out = np.zeros(len(themes), dtype=np.float64)
    for j, (ts, kind) in enumerate(zip(themes, kinds)):
        if ts and query_themes:
            out[j] += theme_weight * len(ts & query_themes) / len(ts | query_themes)
        if query_kind and kind == query_kind:
            out[j] += kind_weight
    return out


def similarity_scores(
    vectors: np.ndarray,
    query: int,
    themes: Sequence[frozenset[str] | None],
    kinds: Sequence[str | None],
    *,
    theme_weight: float = THEME_WEIGHT,
    kind_weight: float = KIND_WEIGHT,
) -> np.ndarray:
    """Score of every row of ``vectors`` (unit length) as similar to row ``query``."""
    sims = np.asarray(vectors @ vectors[query], dtype=np.float64)
    return sims + agreement(
        themes[query] or frozenset(),
        themes,
        kinds[query],
        kinds,
        theme_weight=theme_weight,
        kind_weight=kind_weight,
    )
