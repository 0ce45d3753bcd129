"""Pick each theme's example: its most representative item, never shared between themes.

An item is representative of a theme when the theme is assigned to it with a
high score and the item sits near the middle of the theme's items in meaning
(cosine to their mean vector), and when the theme is what the item is mainly
about (its best-scoring theme).  Examples are handed out theme by theme in the
order of the table, so no item illustrates two themes in one table.

Example::

    picks = pick_examples(["neglect", "cse"], members, scores, vectors, n=1)
    picks["neglect"]  # -> ("item-id",)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

# An item whose best theme is another one illustrates this theme less well.
NOT_MAIN_THEME_FACTOR = 0.8


def representativeness(
    members: Sequence[str],
    theme_score: Mapping[str, float],
    main_theme: Mapping[str, bool],
    vectors: Mapping[str, np.ndarray],
) -> dict[str, float]:
    """Item id -> score x centrality (x a factor when the theme is not its main one).

    Centrality is the cosine to the mean of the members' (unit) vectors, floored
    at 0; without vectors it is 1, and the score alone decides.
    """
    have = [m for m in members if m in vectors]
    centre = None
    if have:
        mean = np.mean([vectors[m] for m in have], axis=0)
        norm = float(np.linalg.norm(mean))
        centre = mean / norm if norm > 0 else None
    out = {}
    for m in members:
        centrality = 1.0
        if centre is not None and m in vectors:
            v = vectors[m]
            n = float(np.linalg.norm(v))
            centrality = max(0.0, float(v @ centre) / n) if n > 0 else 0.0
        factor = 1.0 if main_theme.get(m, True) else NOT_MAIN_THEME_FACTOR
        out[m] = theme_score.get(m, 0.0) * centrality * factor
    return out


def pick_examples(
    order: Sequence[str],
    members: Mapping[str, Sequence[str]],
    scores: Mapping[str, Mapping[str, float]],
    vectors: Mapping[str, np.ndarray],
    n: int = 3,
) -> dict[str, tuple[str, ...]]:
    """Up to ``n`` example item ids per theme, most representative first.

    ``order``: themes as the table lists them; ``members``: theme -> item ids;
    ``scores``: item id -> {theme: score}.  First examples are handed out
    before second ones, so every theme gets its best free item; an item is
    never given to two themes.  Ties break on item id (deterministic).
    """
    ranked: dict[str, list[str]] = {}
    for theme in order:
        ids = list(dict.fromkeys(members.get(theme, ())))
        main = {i: _is_main(theme, scores.get(i, {})) for i in ids}
        rep = representativeness(
            ids, {i: scores.get(i, {}).get(theme, 0.0) for i in ids}, main, vectors
        )
        ranked[theme] = sorted(ids, key=lambda i: (-round(rep[i], 6), i))
    used: set[str] = set()
    picks: dict[str, list[str]] = {t: [] for t in order}
    for _ in range(n):
        for theme in order:
            for item_id in ranked[theme]:
                if item_id not in used:
                    picks[theme].append(item_id)
                    used.add(item_id)
                    break
    return {t: tuple(p) for t, p in picks.items()}


def _is_main(theme: str, item_scores: Mapping[str, float]) -> bool:
    if not item_scores:
        return True
    best = max(item_scores.values())
    return item_scores.get(theme, 0.0) >= best
