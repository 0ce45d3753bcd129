"""The self-contained interactive HTML report, and the facts it shows.

:func:`build_report` gathers everything from the store into a frozen
:class:`ReportData` (themes by year, recurrence, tracker links and coverage);
:func:`render_report_html` turns that into ONE HTML file with its styles,
script and data inlined, so it opens from an email attachment with no
network.  The page is the Jinja2 template data/report.html, rendered with
autoescape.  The data travels as JSON (Jinja2's ``tojson``) in a
``<script type="application/json">`` element with ``<``, ``>``, ``&`` and ``'``
written as ``\\u003c`` etc., so no document text can close the element; the
script renders with ``textContent``/``createElement`` only, and a
Content-Security-Policy allows only that one script (by hash) and no network.

Example::

    with Store.open("reviewmine.db") as store:
        data = write_report(store, Path("report.html"))
    data.summary()  # {'documents': 31, 'items': 297, ...}
"""

from __future__ import annotations

import base64
import datetime as _dt
import functools
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..tracker.importer import STATUS_LABELS
from ..types import ACTIONABLE_KINDS, DOC_TYPE_LABELS, KIND_LABELS, Document, Item, ThemeScore

if TYPE_CHECKING:
    from ..embedding.embedders import Embedder
    from ..store import Store
    from ..themes.taxonomy import Taxonomy
    from ..tracker.despite import DespiteCase
    from ..tracker.matching import ActionRef, Overdue

# Labels for people come from types.py (DOC_TYPE_LABELS, KIND_LABELS) and the
# actionable kinds from types.ACTIONABLE_KINDS: one owner each, shared with the CLI.
REVIEW_TYPES = frozenset(
    {
        "scr",
        "lcspr",
        "rapid_review",
        "learning_brief",
        "case_review_summary",
        "national_review",
        "sar",
        "dhr",
    }
)
INSPECTION_TYPES = frozenset(
    {
        "ofsted_inspection",
        "ofsted_letter",
        "jtai_letter",
        "focused_visit",
        "monitoring_visit",
        "joint_review",
        "area_send",
    }
)
# Tracker states in words (tracker.STATUS_LABELS, the one owner) and "no tracker linked".
STATE_LABELS: dict[str, str] = {**STATUS_LABELS, "none": "No tracker linked"}
NO_TRACKER = STATE_LABELS["none"]

# How the tests, scripts/screenshots.py and the benchmark open the report: Debian's
# chromium driven by Playwright's Python package (no browser download, no network).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def doc_category(doc_type: str) -> str:
    """'review', 'inspection' or 'other': how the report counts documents."""
    if doc_type in REVIEW_TYPES:
        return "review"
    if doc_type in INSPECTION_TYPES:
        return "inspection"
    return "other"


def doc_year(doc: Document) -> int | None:
    return int(doc.date[:4]) if doc.date and doc.date[:4].isdigit() else None


def citation(doc: Document, item: Item) -> str:
    """Where a reader finds the item: file, page, paragraph (or number) and heading.

    >>> from reviewmine.types import Document, Item
    >>> d = Document("x", "a.pdf", "a.pdf", "scr", "T", None, None, 9, "", ())
    >>> citation(d, Item("x", "finding", "t", 4, "Findings", number="2"))
    'a.pdf, page 4, para 2, "Findings"'
    """
    parts = [doc.file_name, f"page {item.page}"]
    para = item.paragraph or item.number
    if para:
        parts.append(f"para {para}")
    if item.heading:
        parts.append(f'"{item.heading}"')
    return ", ".join(parts)


# --------------------------------------------------------------------- tracker


@dataclass(frozen=True)
class TrackerLink:
    """A tracker action linked to an item by the match stage."""

    item_id: str
    action_id: str
    action: str
    owner: str
    due_date: str | None
    status: str  # as written in the tracker
    state: str  # one of STATE_LABELS' keys
    source: str  # "tracker.xlsx, sheet Actions, row 12"
    score: float | None = None


def action_state(status_norm: str | None, due_date: str | None, today: str) -> str:
    """One of STATE_LABELS' keys: :func:`reviewmine.tracker.importer.action_state` (the one rule)."""
    from ..tracker.importer import action_state as _state

    return _state(status_norm, due_date, today)


def tracker_links(store: Store, today: str | None = None) -> dict[str, tuple[TrackerLink, ...]]:
    """Tracker actions linked to each item by the match stage (empty when none are).

    Reads the store's ``tracker_actions`` and ``tracker_links`` tables (the
    latter written by ``reviewmine match``), best-scoring link first.
    """
    today = today or _dt.date.today().isoformat()
    actions = {(a.source_file, a.sheet, a.row): a for a in store.tracker_actions()}
    out: dict[str, list[TrackerLink]] = {}
    for ln in store.tracker_links():
        a = actions.get((ln.source_file, ln.sheet, ln.row))
        if a is None:
            continue
        due = a.due_date or None
        out.setdefault(ln.item_id, []).append(
            TrackerLink(
                item_id=ln.item_id,
                action_id=a.action_id,
                action=(a.action or a.recommendation or "").strip(),
                owner=a.owner or "",
                due_date=due,
                status=a.status or "",
                state=action_state(a.status_norm, due, today),
                source=f"{Path(a.source_file).name}, sheet {a.sheet}, row {a.row}",
                score=ln.score,
            )
        )
    return {
        k: tuple(sorted(v, key=lambda x: (-(x.score or 0.0), x.source)))
        for k, v in sorted(out.items())
    }


def overall_state(links: Sequence[TrackerLink]) -> str:
    """One state for an item with several actions: the least finished one wins."""
    if not links:
        return "none"
    order = ["overdue", "at_risk", "not_started", "unknown", "on_track", "complete"]
    return min((ln.state for ln in links), key=order.index)


# ------------------------------------------------------------------ recurrence


@dataclass(frozen=True)
class ThemeSummary:
    """One theme across the collection: where and when it was raised."""

    id: str
    name: str
    description: str
    n_items: int
    n_docs: int
    n_areas: int
    n_reviews: int
    n_inspections: int
    by_year: tuple[tuple[int, int, int], ...]  # (year, documents, items)
    first_year: int | None
    last_year: int | None
    doc_types: tuple[str, ...]
    recurring: bool
    despite_complete: int = 0  # completed actions on this theme whose learning was raised again


def theme_summaries(
    docs: Mapping[str, Document],
    items: Sequence[Item],
    item_themes: Mapping[str, Sequence[ThemeScore]],
    *,
    taxonomy: Taxonomy | None = None,
    min_docs: int = 2,
) -> list[ThemeSummary]:
    """Recurrence per theme: documents, areas, years and document types raising it.

    Whether a theme recurs comes from :func:`reviewmine.themes.recurrence.theme_recurrence`
    (``min_docs`` documents, or two of the same area).  Ordered by
    the number of documents (most first), then name.
    """
    from ..themes.recurrence import theme_recurrence, themed_items

    # "recurring" is decided once, in recurrence.py, for the CLI and the report alike
    recurs = {
        r.theme: r.recurring
        for r in theme_recurrence(themed_items(docs, items, item_themes), min_docs=min_docs)
    }
    per: dict[str, list[Item]] = {}
    for it in items:
        for ts in item_themes.get(it.id, ()):
            per.setdefault(ts.theme, []).append(it)
    out = []
    for theme_id, its in per.items():
        dids = sorted({it.doc_id for it in its})
        ds = [docs[d] for d in dids if d in docs]
        years: dict[int, tuple[set[str], int]] = {}
        for it in its:
            y = doc_year(docs[it.doc_id]) if it.doc_id in docs else None
            if y is None:
                continue
            s, n = years.get(y, (set(), 0))
            s.add(it.doc_id)
            years[y] = (s, n + 1)
        by_year = tuple((y, len(s), n) for y, (s, n) in sorted(years.items()))
        name, desc = theme_id, ""
        if taxonomy is not None and theme_id in taxonomy:
            t = taxonomy.get(theme_id)
            name, desc = t.name, t.description
        elif theme_id == "other":
            name = "Other"
        out.append(
            ThemeSummary(
                id=theme_id,
                name=name,
                description=desc,
                n_items=len(its),
                n_docs=len(ds),
                n_areas=len({d.area for d in ds if d.area}),
                n_reviews=sum(1 for d in ds if doc_category(d.doc_type) == "review"),
                n_inspections=sum(1 for d in ds if doc_category(d.doc_type) == "inspection"),
                by_year=by_year,
                first_year=by_year[0][0] if by_year else None,
                last_year=by_year[-1][0] if by_year else None,
                doc_types=tuple(sorted({d.doc_type for d in ds})),
                recurring=recurs.get(theme_id, False),
            )
        )
    out.sort(key=lambda t: (-t.n_docs, -t.n_items, t.name.lower(), t.id))
    return out


# ------------------------------------------------------------------ the report


@dataclass(frozen=True)
class Coverage:
    """How well the tracker covers the recommendations (the findings of ``reviewmine match``)."""

    n_actions: int  # tracker rows loaded
    n_actionable: int  # items of an actionable kind (types.ACTIONABLE_KINDS)
    n_linked: int  # of those, linked to at least one action
    gaps: tuple[str, ...]  # actionable item ids with no action
    overdue: tuple[Overdue, ...]  # actions overdue on the report's date
    despite_complete: tuple[DespiteCase, ...]
    actions_without_item: tuple[ActionRef, ...] = ()

    @property
    def has_tracker(self) -> bool:
        return self.n_actions > 0


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows, gathered from one store."""

    title: str
    generated: str  # ISO date
    min_docs: int
    documents: tuple[Document, ...]
    items: tuple[Item, ...]
    item_themes: Mapping[str, tuple[ThemeScore, ...]]
    themes: tuple[ThemeSummary, ...]
    links: Mapping[str, tuple[TrackerLink, ...]]
    coverage: Coverage
    theme_names: Mapping[str, str] = field(default_factory=dict)

    def summary(self) -> dict[str, int]:
        return {
            "documents": len(self.documents),
            "items": len(self.items),
            "themes": len(self.themes),
            "recurring_themes": sum(1 for t in self.themes if t.recurring),
            "tracker_actions": self.coverage.n_actions,
            "linked_items": len(self.links),
        }


def _default_taxonomy(taxonomy: Taxonomy | None) -> Taxonomy | None:
    if taxonomy is not None:
        return taxonomy
    from ..themes.taxonomy import load_taxonomy

    return load_taxonomy()


def build_report(
    store: Store,
    *,
    taxonomy: Taxonomy | None = None,
    min_docs: int = 2,
    today: str | None = None,
    embedder: Embedder | None = None,
    title: str = "Learning from reviews and inspections",
) -> ReportData:
    """Gather the report's facts from *store*.

    ``today`` (ISO date) decides which actions are overdue and is printed as
    the report's date; pass it to get byte-identical reports.  Gaps, overdue
    actions and learning raised again despite a completed action come from
    :func:`reviewmine.tracker.matching.tracker_findings`, the functions behind
    ``reviewmine match``; *embedder* is the matcher's (default: the
    configuration's, read from the store's embedding cache).
    """
    from ..tracker.matching import tracker_findings

    today = today or _dt.date.today().isoformat()
    taxonomy = _default_taxonomy(taxonomy)
    documents = tuple(store.documents())
    docs = {d.id: d for d in documents}
    items = tuple(store.items())
    ithemes = store.item_themes()
    links = tracker_links(store, today)
    themes = theme_summaries(docs, items, ithemes, taxonomy=taxonomy, min_docs=min_docs)
    n_actions = int(store.counts()["tracker_actions"])
    actionable = [it for it in items if it.kind in ACTIONABLE_KINDS]
    if n_actions:
        if embedder is None:
            from ..config import load_config
            from ..embedding.embedders import load_embedder

            embedder = load_embedder(load_config(None).embedder)
        found = tracker_findings(store, embedder, today=_dt.date.fromisoformat(today))
        gaps = tuple(i.item_id for i in found.items_without_action)
        overdue, again, orphans = (
            found.overdue,
            found.recurring_despite_complete,
            found.actions_without_item,
        )
    else:
        gaps = tuple(it.id for it in actionable)
        overdue, again, orphans = (), (), ()
    per_theme: dict[str, int] = {}
    for case in again:
        for tid in {ts.theme for i in case.earlier for ts in ithemes.get(i.item_id, ())}:
            per_theme[tid] = per_theme.get(tid, 0) + 1
    themes = [replace(t, despite_complete=per_theme.get(t.id, 0)) for t in themes]
    coverage = Coverage(
        n_actions=n_actions,
        n_actionable=len(actionable),
        n_linked=sum(1 for it in actionable if links.get(it.id)),
        gaps=gaps,
        overdue=tuple(overdue),
        despite_complete=tuple(again),
        actions_without_item=tuple(orphans),
    )
    names = {t.id: t.name for t in themes}
    return ReportData(
        title=title,
        generated=today,
        min_docs=min_docs,
        documents=documents,
        items=items,
        item_themes=ithemes,
        themes=tuple(themes),
        links=links,
        coverage=coverage,
        theme_names=names,
    )


# ---------------------------------------------------------------- rendering


def _link_json(ln: TrackerLink) -> dict[str, Any]:
    return {
        "action_id": ln.action_id,
        "action": ln.action,
        "owner": ln.owner,
        "due": ln.due_date,
        "status": ln.status,
        "state": ln.state,
        "source": ln.source,
    }


def report_payload(data: ReportData) -> dict[str, Any]:
    """The JSON the page's script renders from (plain, deterministic structures)."""
    doc_index = {d.id: i for i, d in enumerate(data.documents)}
    item_index = {it.id: i for i, it in enumerate(data.items)}
    docs = [
        {
            "id": d.id[:12],
            "file": d.file_name,
            "title": d.title,
            "type": d.doc_type,
            "category": doc_category(d.doc_type),
            "area": d.area,
            "date": d.date,
            "year": doc_year(d),
            "pages": d.pages,
            "judgements": d.judgements,
            "pseudonym": d.pseudonym,
        }
        for d in data.documents
    ]
    items = []
    for it in data.items:
        lns = data.links.get(it.id, ())
        items.append(
            {
                "id": it.id,
                "d": doc_index[it.doc_id],
                "kind": it.kind,
                "number": it.number,
                "para": it.paragraph,
                "text": it.text,
                "page": it.page,
                "heading": it.heading,
                "themes": [ts.theme for ts in data.item_themes.get(it.id, ())],
                "links": [_link_json(ln) for ln in lns],
                "state": overall_state(lns) if it.kind in ACTIONABLE_KINDS or lns else None,
            }
        )
    themes = [
        {
            "id": t.id,
            "name": t.name,
            "desc": t.description,
            "items": t.n_items,
            "docs": t.n_docs,
            "areas": t.n_areas,
            "reviews": t.n_reviews,
            "inspections": t.n_inspections,
            "years": [list(y) for y in t.by_year],
            "first": t.first_year,
            "last": t.last_year,
            "types": list(t.doc_types),
            "recurring": t.recurring,
            "despite": t.despite_complete,
        }
        for t in data.themes
    ]
    cov = data.coverage

    def action_json(a: ActionRef) -> dict[str, Any]:
        return {
            "action_id": a.action_id,
            "action": a.text,
            "owner": a.owner or "",
            "due": a.due_date,
            "status": a.status or "",
            "state": a.status_norm,
            "source": f"{Path(a.source_file).name}, sheet {a.sheet}, row {a.row}",
        }

    coverage = {
        "actions": cov.n_actions,
        "actionable": cov.n_actionable,
        "linked": cov.n_linked,
        "gaps": [item_index[i] for i in cov.gaps if i in item_index],
        "overdue": [
            {
                **action_json(o.action),
                "state": "overdue",
                "days": o.days_overdue,
                "reason": o.reason,
            }
            for o in cov.overdue
        ],
        "orphans": [action_json(a) for a in cov.actions_without_item],
        "despite": [
            {
                "action": action_json(c.action),
                "items": [item_index[i.item_id] for i in c.earlier if i.item_id in item_index],
                "themes": sorted(
                    {ts.theme for i in c.earlier for ts in data.item_themes.get(i.item_id, ())}
                ),
                "later": [
                    {"item": item_index[e.item.item_id], "score": e.score, "words": list(e.words)}
                    for e in c.later
                    if e.item.item_id in item_index
                ],
            }
            for c in cov.despite_complete
        ],
    }
    present = [y for d in data.documents if (y := doc_year(d)) is not None]
    # Every year from the first to the last, so a year with no documents shows as empty.
    years = list(range(min(present), max(present) + 1)) if present else []
    return {
        "title": data.title,
        "generated": data.generated,
        "minDocs": data.min_docs,
        "docTypes": DOC_TYPE_LABELS,
        "kinds": KIND_LABELS,
        "states": STATE_LABELS,
        "years": years,
        "docs": docs,
        "items": items,
        "themes": themes,
        "coverage": coverage,
    }


# How Jinja2's ``tojson`` writes the data island: the keys sorted (byte-identical
# reports) and no spaces or ``\\uXXXX`` for non-ASCII text (a smaller file).  The filter
# itself writes ``<``, ``>``, ``&`` and ``'`` as JSON escapes, so no document text can
# close the element or open a comment.
JSON_POLICY = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}


def _asset(name: str) -> str:
    return resources.files("reviewmine.data").joinpath(name).read_text(encoding="utf-8")


def _own_asset(name: str, closers: tuple[str, ...]) -> str:
    """A style or script asset of the package, inlined as it is (so never escaped)."""
    text = _asset(name)
    for closer in closers:
        if closer in text.lower():  # our own asset: a mistake here would break the page
            raise ValueError(f"{name} must not contain {closer!r}")
    return text


@functools.cache
def _template() -> Any:
    from jinja2 import Environment, StrictUndefined

    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    env.policies["json.dumps_kwargs"] = JSON_POLICY
    return env.from_string(_asset("report.html"))


def render_report_html(data: ReportData) -> str:
    """The whole report as one HTML string (styles, script and data inlined).

    The template is data/report.html, rendered by Jinja2 with autoescape.
    """
    from markupsafe import Markup

    js = _own_asset("report.js", ("</script", "<!--"))
    css = _own_asset("report.css", ("</style", "<!--"))
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    n_docs = len(data.documents)
    years = sorted({y for d in data.documents if (y := doc_year(d)) is not None})
    span = f", {years[0]} to {years[-1]}" if years else ""
    subtitle = (
        f"{n_docs} document{'s' if n_docs != 1 else ''}{span}. "
        f"Produced by reviewmine on {data.generated}."
    )
    return str(
        _template().render(
            title=data.title,
            subtitle=subtitle,
            css=Markup(css),
            js=Markup(js),
            script_hash=digest,
            payload=report_payload(data),
        )
    )


def write_report(store: Store, path: Path, **kwargs: Any) -> ReportData:
    """Build the report from *store* and write it to *path* (UTF-8)."""
    data = build_report(store, **kwargs)
    Path(path).write_text(render_report_html(data), encoding="utf-8")
    return data


def iter_theme_items(data: ReportData, theme: str) -> Iterable[Item]:
    """The items carrying *theme*, in document order."""
    return (
        it for it in data.items if any(ts.theme == theme for ts in data.item_themes.get(it.id, ()))
    )
