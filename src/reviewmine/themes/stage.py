"""The themes stage over the store: assign, summarise recurrence, find emergent themes.

Glue between the store and the pure parts (:mod:`reviewmine.themes.classifier`,
:mod:`reviewmine.themes.recurrence`, :mod:`reviewmine.themes.emergent`).  Item vectors come
from the store's embedding cache, so an unchanged store embeds nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..config import Config
from ..embedding.cache import cached_embed
from ..errors import ReviewmineError
from ..store import Store
from ..types import Item, ThemeScore

if TYPE_CHECKING:
    from ..embedding.embedders import Embedder
    from .emergent import EmergentTheme, Stability
    from .recurrence import ThemedItem, ThemeRecurrence


@dataclass(frozen=True)
class ThemeRun:
    items: int
    embedded: int  # vectors computed in this run (0 when the cache had them all)
    embedder_id: str
    theme_model: str
    taxonomy: str = ""  # "v2:<digest>" of the taxonomy used
    previous_taxonomy: str | None = None  # what the store was themed with before, if known

    @property
    def upgraded(self) -> bool:
        """The store had been themed with another taxonomy and has been re-themed."""
        return self.previous_taxonomy is not None and self.previous_taxonomy != self.taxonomy


@dataclass(frozen=True)
class Citation:
    item_id: str
    file: str
    title: str
    date: str | None
    page: int
    number: str | None
    heading: str | None
    text: str


def assign_themes(
    store: Store, cfg: Config, *, embedder: Embedder | None = None, progress: bool = False
) -> ThemeRun:
    """Give every stored item its themes (score and reason) and record the run.

    >>> # assign_themes(Store.open("demo.db"), load_config())  # doctest: +SKIP
    """
    from ..embedding.embedders import load_embedder
    from .classifier import ThemeModel
    from .taxonomy import load_taxonomy

    embedder = embedder or load_embedder(cfg.embedder)
    taxonomy = load_taxonomy(cfg.themes_file)
    model = ThemeModel.load(cfg.theme_model, taxonomy=taxonomy)
    previous = previous_taxonomy(store)
    items = store.items()
    texts = [it.text for it in items]
    if items:
        vectors, computed = cached_embed(store, embedder, texts, progress=progress)
        assigned = model.assign(texts, vectors, embedder_id=embedder.model_id)
        store.set_item_themes({it.id: a for it, a in zip(items, assigned)})
    else:
        computed = 0
    # Every run re-themes every item, so a store themed under an older taxonomy
    # is upgraded by the next run; the stamp lets that run say so.
    store.record_run(
        "themes",
        cfg,
        {
            "embedder": embedder.model_id,
            "theme_model": model.embedder_id,
            "taxonomy": taxonomy.stamp,
            "taxonomy_version": str(taxonomy.version),
            "taxonomy_hash": taxonomy.digest,
        },
        {"items": len(items), "embedded": computed},
    )
    return ThemeRun(
        len(items),
        computed,
        embedder.model_id,
        str(cfg.theme_model or "models/themes"),
        taxonomy=taxonomy.stamp,
        previous_taxonomy=previous,
    )


def previous_taxonomy(store: Store) -> str | None:
    """The taxonomy stamp of the store's last ``themes`` run.

    Runs recorded before taxonomy stamps existed were v1 (``"v1"``); ``None``
    when the store was never themed.
    """
    if not store.item_themes():
        return None
    last = store.last_run("themes")
    if last is None:
        return "v1"  # themed, but no run recorded: the oldest stores
    models = last.get("models")
    return str(models.get("taxonomy") or "v1") if isinstance(models, dict) else "v1"


def theme_summary(
    store: Store,
    cfg: Config,
    *,
    since: int | None = None,
    until: int | None = None,
    doc_type: str | None = None,
    area: str | None = None,
    min_docs: int | None = None,
) -> list[ThemeRecurrence]:
    """Per theme: items, documents, years, areas, types, whether it recurs."""
    from .recurrence import theme_recurrence, themed_items
    from .taxonomy import load_taxonomy

    docs = {d.id: d for d in store.documents()}
    items = store.items()
    assigned = store.item_themes()
    rows = themed_items(docs, items, assigned)
    summary = theme_recurrence(
        rows,
        names=load_taxonomy(cfg.themes_file),
        min_docs=min_docs or cfg.min_docs,
        since=since,
        until=until,
        doc_type=doc_type,
        area=area,
    )
    return _with_representative_examples(
        store,
        cfg,
        summary,
        rows,
        items,
        assigned,
        since=since,
        until=until,
        doc_type=doc_type,
        area=area,
    )


def _with_representative_examples(
    store: Store,
    cfg: Config,
    summary: list[ThemeRecurrence],
    rows: Sequence[ThemedItem],
    items: Sequence[Item],
    assigned: dict[str, tuple[ThemeScore, ...]],
    *,
    since: int | None,
    until: int | None,
    doc_type: str | Iterable[str] | None,
    area: str | Iterable[str] | None,
) -> list[ThemeRecurrence]:
    """Each theme's examples: its most representative items, none shared between themes."""
    from dataclasses import replace

    from .examples import pick_examples
    from .recurrence import filter_items

    if not summary:
        return summary
    kept = filter_items(rows, since=since, until=until, doc_type=doc_type, area=area)
    members: dict[str, list[str]] = {}
    for r in kept:
        members.setdefault(r.theme, []).append(r.item_id)
    scores = {i: {s.theme: s.score for s in scores} for i, scores in assigned.items()}
    vectors = _cached_vectors(
        store, cfg, [it for it in items if it.id in {r.item_id for r in kept}]
    )
    n = max(len(r.example_item_ids) for r in summary) or 1
    picks = pick_examples([r.theme for r in summary], members, scores, vectors, n=n)
    return [replace(r, example_item_ids=picks.get(r.theme, ())) for r in summary]


def _cached_vectors(store: Store, cfg: Config, items: Sequence[Item]) -> dict[str, np.ndarray]:
    """Item vectors already in the store's cache (nothing is embedded here)."""
    from ..embedding.cache import text_hash
    from ..embedding.embedders import load_embedder

    if not items:
        return {}
    try:
        model_id = load_embedder(cfg.embedder).model_id
    except ReviewmineError:
        return {}  # no embedder: the theme scores alone rank the examples
    hashes = {it.id: text_hash(it.text) for it in items}
    have = store.get_embeddings(sorted(set(hashes.values())), model_id)
    return {i: have[h] for i, h in hashes.items() if h in have}


def citations(store: Store, item_ids: Sequence[str]) -> list[Citation]:
    """Document, page, number and heading of items, in the order given."""
    docs = {d.id: d for d in store.documents()}
    by_id = {it.id: it for it in store.items_by_ids(item_ids)}
    out = []
    for i in item_ids:
        it = by_id.get(i)
        if it is not None:
            d = docs[it.doc_id]
            out.append(
                Citation(
                    it.id, d.file_name, d.title, d.date, it.page, it.number, it.heading, it.text
                )
            )
    return out


def theme_items(store: Store, theme: str) -> list[Citation]:
    """Every item carrying *theme*, oldest document first."""
    return citations(store, [it.id for it in store.items(theme=theme)])


def emergent(
    store: Store, cfg: Config, *, embedder: Embedder | None = None, seed: int = 0
) -> tuple[list[EmergentTheme], list[Item]]:
    """Clusters of items no taxonomy theme explains (vectors from the cache)."""
    from ..embedding.embedders import load_embedder
    from .emergent import emergent_themes

    embedder = embedder or load_embedder(cfg.embedder)
    items = store.items()
    if not items:
        return [], []
    assigned = store.item_themes()
    vectors, _ = cached_embed(store, embedder, [it.text for it in items])
    found = emergent_themes(
        [it.text for it in items], vectors, [assigned.get(it.id, ()) for it in items], seed=seed
    )
    return found, items


def emergent_stability(
    store: Store,
    cfg: Config,
    *,
    embedder: Embedder | None = None,
    seed: int = 0,
    n_resamples: int = 5,
) -> Stability | None:
    """Adjusted Rand index of the emergent clustering over resamples (vectors from the cache)."""
    from ..embedding.embedders import load_embedder
    from .emergent import cluster_stability

    embedder = embedder or load_embedder(cfg.embedder)
    items = store.items()
    if not items:
        return None
    assigned = store.item_themes()
    vectors, _ = cached_embed(store, embedder, [it.text for it in items])
    return cluster_stability(
        [it.text for it in items],
        vectors,
        [assigned.get(it.id, ()) for it in items],
        seed=seed,
        n_resamples=n_resamples,
    )
