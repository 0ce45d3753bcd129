"""Which themes recur: theme x year x area x document type.

Pure functions over plain dataclasses, so they can be tested without a store
and reused by the CLI, the report and notebooks.

Example::

    rows = themed_items(docs, items, store.item_themes())
    for r in theme_recurrence(rows, names=taxonomy, since=2018):
        print(r.theme, r.n_docs, r.recurring, r.recurring_areas)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reviewmine.themes.taxonomy import OTHER, Taxonomy
from reviewmine.types import Document, Item, ThemeScore


@dataclass(frozen=True)
class ThemedItem:
    """One (item, theme) pair with the facts recurrence is counted over."""

    item_id: str
    doc_id: str
    theme: str
    doc_type: str
    area: str | None
    year: int | None
    file: str
    page: int
    text: str


@dataclass(frozen=True)
class YearCount:
    year: int
    n_items: int
    n_docs: int


@dataclass(frozen=True)
class ThemeRecurrence:
    """Where and when one theme was raised, and whether it recurs."""

    theme: str
    name: str
    n_items: int
    n_docs: int
    first_year: int | None
    last_year: int | None
    years: tuple[int, ...]  # sorted, distinct
    areas: tuple[str, ...]  # sorted
    doc_types: tuple[str, ...]  # sorted
    recurring: bool
    recurring_areas: tuple[str, ...]  # areas where two or more documents raise it
    by_year: tuple[YearCount, ...]
    example_item_ids: tuple[str, ...]  # first 3 by (year, document, item)


def doc_year(date: str | None) -> int | None:
    """Year of an ISO date string, or None."""
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def themed_items(
    docs: Mapping[str, Document],
    items: Iterable[Item],
    assignments: Mapping[str, Sequence[ThemeScore]],
) -> list[ThemedItem]:
    """Flatten store records into one :class:`ThemedItem` per (item, assigned theme).

    Items whose document is unknown are skipped (they cannot be dated or placed).
    """
    out = []
    for item in items:
        doc = docs.get(item.doc_id)
        if doc is None:
            continue
        for score in assignments.get(item.id, ()):
            out.append(
                ThemedItem(
                    item_id=item.id,
                    doc_id=item.doc_id,
                    theme=score.theme,
                    doc_type=doc.doc_type,
                    area=doc.area,
                    year=doc_year(doc.date),
                    file=doc.file,
                    page=item.page,
                    text=item.text,
                )
            )
    return out


def _as_set(value: str | Iterable[str] | None) -> set[str] | None:
    if value is None:
        return None
    values = [value] if isinstance(value, str) else list(value)
    return {v.casefold() for v in values}


def filter_items(
    items: Iterable[ThemedItem],
    *,
    since: int | None = None,
    until: int | None = None,
    doc_type: str | Iterable[str] | None = None,
    area: str | Iterable[str] | None = None,
) -> list[ThemedItem]:
    """Keep items within [since, until] (years, inclusive) and of the given types/areas.

    With a year bound, undated items are left out: they cannot be shown to fall
    inside it.  Type and area match case-insensitively.
    """
    types, areas = _as_set(doc_type), _as_set(area)
    out = []
    for it in items:
        if since is not None and (it.year is None or it.year < since):
            continue
        if until is not None and (it.year is None or it.year > until):
            continue
        if types is not None and it.doc_type.casefold() not in types:
            continue
        if areas is not None and (it.area is None or it.area.casefold() not in areas):
            continue
        out.append(it)
    return out


def _sort_key(it: ThemedItem) -> tuple[bool, int, str, str]:
    return (it.year is None, it.year or 0, it.doc_id, it.item_id)


def theme_recurrence(
    items: Iterable[ThemedItem],
    *,
    names: Taxonomy | Mapping[str, str] | None = None,
    min_docs: int = 2,
    since: int | None = None,
    until: int | None = None,
    doc_type: str | Iterable[str] | None = None,
    area: str | Iterable[str] | None = None,
    n_examples: int = 3,
) -> list[ThemeRecurrence]:
    """One :class:`ThemeRecurrence` per theme present after filtering.

    A theme recurs when at least ``min_docs`` distinct documents raise it
    (across areas); it recurs in an area when ``min_docs`` documents of that
    area do (:func:`area_recurrence`, the rule ``reviewmine recurring`` uses).  ``other`` is counted but
    never called recurring (it is not a theme).  Ordered by documents, then
    items (both descending), then theme id.

    >>> a = ThemedItem("i1", "d1", "neglect", "scr", "Eastmere", 2019, "a.pdf", 1, "...")
    >>> b = ThemedItem("i2", "d2", "neglect", "lcspr", "Eastmere", 2023, "b.pdf", 4, "...")
    >>> theme_recurrence([a, b])[0].recurring_areas
    ('Eastmere',)
    """
    if min_docs < 1:
        raise ValueError("min_docs must be at least 1")
    kept = filter_items(items, since=since, until=until, doc_type=doc_type, area=area)
    by_theme: dict[str, list[ThemedItem]] = {}
    for it in kept:
        by_theme.setdefault(it.theme, []).append(it)

    out = []
    for theme, its in by_theme.items():
        its = sorted(its, key=_sort_key)
        doc_ids = {it.doc_id for it in its}
        item_ids = {it.item_id for it in its}
        years = sorted({it.year for it in its if it.year is not None})
        docs_per_area: dict[str, set[str]] = {}
        for it in its:
            if it.area:
                docs_per_area.setdefault(it.area, set()).add(it.doc_id)
        recurring_areas = tuple(sorted({area for (_, area) in area_recurrence(its, min_docs)}))
        by_year = tuple(
            YearCount(
                year=y,
                n_items=len({it.item_id for it in its if it.year == y}),
                n_docs=len({it.doc_id for it in its if it.year == y}),
            )
            for y in years
        )
        examples: list[str] = []
        for it in its:
            if it.item_id not in examples:
                examples.append(it.item_id)
            if len(examples) == n_examples:
                break
        out.append(
            ThemeRecurrence(
                theme=theme,
                name=_name(names, theme),
                n_items=len(item_ids),
                n_docs=len(doc_ids),
                first_year=years[0] if years else None,
                last_year=years[-1] if years else None,
                years=tuple(years),
                areas=tuple(sorted(docs_per_area)),
                doc_types=tuple(sorted({it.doc_type for it in its})),
                recurring=theme != OTHER and len(doc_ids) >= min_docs,
                recurring_areas=recurring_areas if theme != OTHER else (),
                by_year=by_year,
                example_item_ids=tuple(examples),
            )
        )
    out.sort(key=lambda r: (-r.n_docs, -r.n_items, r.theme))
    return out


def area_recurrence(
    items: Iterable[ThemedItem], min_docs: int = 2
) -> dict[tuple[str, str], list[ThemedItem]]:
    """Themes recurring in the same area: (theme, area) -> its items, for each pair
    raised by at least *min_docs* documents of that area.  ``other`` never recurs;
    items without an area are left out.  Areas are compared case-insensitively
    (the first spelling met is kept).

    >>> a = ThemedItem("i1", "d1", "neglect", "scr", "Eastmere", 2019, "a.pdf", 1, "...")
    >>> b = ThemedItem("i2", "d2", "neglect", "lcspr", "EASTMERE", 2023, "b.pdf", 4, "...")
    >>> list(area_recurrence([a, b]))
    [('neglect', 'Eastmere')]
    """
    spelling: dict[str, str] = {}
    groups: dict[tuple[str, str], list[ThemedItem]] = {}
    for it in items:
        if not it.area or it.theme == OTHER:
            continue
        area = spelling.setdefault(" ".join(it.area.casefold().split()), it.area)
        groups.setdefault((it.theme, area), []).append(it)
    return {k: v for k, v in groups.items() if len({it.doc_id for it in v}) >= min_docs}


def _name(names: Taxonomy | Mapping[str, str] | None, theme: str) -> str:
    if isinstance(names, Taxonomy):
        return names.name(theme)
    if names is not None:
        return names.get(theme, theme)
    return "Other" if theme == OTHER else theme
