"""Search past findings: keyword (SQLite FTS5, BM25), semantic (stored vectors) and hybrid.

The searchable units are every stored block (paragraphs, list items, headings,
table cells) and every extracted item.  A block that lies inside an item's
span and the item itself form one *group*, so a finding is returned once: as
its block (the fuller text, for items built from part of a paragraph) when the
item is one block, otherwise as the item's own text.

* keyword: the user's words become a safe FTS5 query (every token quoted, so
  FTS5 operators typed by the user are plain words); plain words are OR-ed,
  "exact phrases" are required; ``word*`` is a prefix.  Ranked by ``bm25()``.
  OR because scrutineers ask questions, not keyword lists: with AND every one
  of the 37 judged queries returned nothing.
* semantic: exact cosine between the query's vector and every unit's vector,
  one matrix product with numpy.  Unit vectors come from
  :func:`reviewmine.embedding.cache.cached_embed`, so each text is embedded once per
  model and store.
* hybrid (default): reciprocal rank fusion (k=60) of the semantic ranking and
  a keyword ranking built for it: the user's words (minus those in more than
  20% of blocks) plus up to 5 rarer words that recur in the top 5 semantic hits
  (pseudo-relevance feedback, which bridges "runs away" to "missing" and
  "return home interview"), requiring at least two of those words per passage.
  Both lists also use the search glossary (:mod:`reviewmine.search.glossary`): the
  entry whose plain-English meaning is closest to the query (cosine >= 0.5)
  adds its term to the text embedded for the semantic list ("volunteer
  befrienders ... (independent visitor)"), and its names, with those of any
  entry the query names ("IRO"), join the keyword query, where one name alone
  is enough to match.  Plain RRF of the plain keyword and semantic lists was
  worse than either list alone on the judged Ofsted queries; see
  evaluation/search/README.md for the measurements behind each constant below.

Example::

    from reviewmine.embedding.embedders import load_embedder
    hits = search(store, 'children missing from care "return home"',
                  embedder=load_embedder("minilm"), filters=SearchFilters(since="2018-01-01"))
    hits[0].file, hits[0].page, hits[0].paragraph

:func:`search` loads the units and vectors each time it is called (about 2 s
for 100,000 units); a :class:`Searcher` keeps them for many queries.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date as _date
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import NotFound, QueryError
from ..types import ACTIONABLE_KINDS, DOC_TYPES, ITEM_KINDS
from .glossary import Glossary, GlossaryEntry, load_glossary
from .query import STOPWORDS, WORD, ParsedQuery, Term, parse_query

if TYPE_CHECKING:
    from ..embedding.embedders import Embedder
    from ..store import Store

MODES = ("keyword", "semantic", "hybrid")
RRF_K = 60  # the usual constant; damps the weight of the very top ranks
MIN_CANDIDATES = 100  # ranks fused from each list (RRF barely moves beyond this)
# Hybrid's keyword ranking (measured on evaluation/search, see the module docstring):
FEEDBACK_DOCS = 5  # top semantic hits whose recurring words are added to the keyword query
FEEDBACK_TERMS = 5  # at most this many added words
MAX_DF = 0.2  # words in more blocks than this share are left out of hybrid's keyword query
FEEDBACK_MAX_DF = 0.05  # feedback words must be rarer: they are there to be specific
MAX_QUERY_WORDS = 8  # the user's rarest words kept (a long question's pairs query was slow)
MIN_PAIR_HITS = 10  # fewer hits with two matching words than this: fall back to any word
GLOSSARY_MIN_SIM = 0.5  # query-to-meaning cosine for a glossary entry to join the query
GLOSSARY_MAX = 1  # at most this many entries found by meaning
# Names a scrutineer can give --kind for several kinds at once.
KIND_GROUPS: dict[str, frozenset[str]] = {"actionable": ACTIONABLE_KINDS}
_HL_OPEN, _HL_CLOSE = "\x02", "\x03"  # highlight() markers; never in extracted text


# ------------------------------------------------------------------------------ data


@dataclass(frozen=True)
class SearchFilters:
    """Restrict a search; every field is optional and they combine with AND.

    ``since``/``until`` are ISO dates (inclusive) compared with the document's
    date; a document without a date is excluded when either is given.  A block
    matches ``theme`` or ``kind`` when an item overlapping its span does.
    ``kind`` is one kind, several separated by commas (any of them), or a group
    name from ``KIND_GROUPS`` (``actionable``: the kinds that ask for a change).
    """

    doc_type: str | None = None
    area: str | None = None
    since: str | None = None
    until: str | None = None
    theme: str | None = None
    kind: str | None = None

    def validated(self) -> SearchFilters:
        if self.doc_type is not None and self.doc_type not in DOC_TYPES:
            raise QueryError(
                f"unknown document type '{self.doc_type}'",
                hint=f"use one of: {', '.join(DOC_TYPES)}",
            )
        out = self
        if self.kind is not None:
            out = replace(self, kind=",".join(sorted(_expand_kinds(self.kind))))
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                try:
                    _date.fromisoformat(value)
                except ValueError:
                    raise QueryError(
                        f"--{name} '{value}' is not a date", hint="write it as YYYY-MM-DD"
                    ) from None
        if self.since and self.until and self.since > self.until:
            raise QueryError(f"--since {self.since} is after --until {self.until}")
        return out

    @property
    def kinds(self) -> frozenset[str]:
        """The item kinds ``kind`` allows (empty: no kind filter)."""
        return frozenset(_expand_kinds(self.kind)) if self.kind else frozenset()

    @property
    def empty(self) -> bool:
        return all(
            v is None
            for v in (self.doc_type, self.area, self.since, self.until, self.theme, self.kind)
        )


def _expand_kinds(spec: str | Sequence[str]) -> set[str]:
    """Kinds named by ``spec``: kinds and group names, comma-separated or in a list."""
    parts = spec.split(",") if isinstance(spec, str) else [str(p) for p in spec]
    out: set[str] = set()
    for part in (p.strip().lower().replace("-", "_").replace(" ", "_") for p in parts):
        if not part:
            continue
        if part in KIND_GROUPS:
            out |= KIND_GROUPS[part]
        elif part in ITEM_KINDS:
            out.add(part)
        else:
            raise QueryError(
                f"unknown item kind '{part}'",
                hint=f"use one or more of: {', '.join((*KIND_GROUPS, *ITEM_KINDS))}",
            )
    if not out:
        raise QueryError(
            "--kind names no item kind",
            hint=f"use one or more of: {', '.join((*KIND_GROUPS, *ITEM_KINDS))}",
        )
    return out


@dataclass(frozen=True)
class SearchHit:
    """One result with its citation.

    ``paragraph`` is the block's printed number or, failing that, the nearest
    numbered paragraph before it.  ``highlights`` are ``(start, end)`` offsets
    into ``text`` of the words the keyword query matched (also for hits found
    only by meaning, when they contain query words).
    """

    doc_id: str
    file: str
    title: str
    doc_type: str
    date: str | None
    page: int
    paragraph: str | None
    item_id: str | None
    score: float
    text: str
    highlights: tuple[tuple[int, int], ...] = ()
    themes: tuple[str, ...] = ()
    area: str | None = None
    kind: str = ""  # the item's kind when the hit is an item, else the block's kind

    def as_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "file": self.file,
            "title": self.title,
            "doc_type": self.doc_type,
            "area": self.area,
            "date": self.date,
            "page": self.page,
            "paragraph": self.paragraph,
            "item_id": self.item_id,
            "kind": self.kind,
            "score": round(self.score, 6),
            "text": self.text,
            "highlights": [list(h) for h in self.highlights],
            "themes": list(self.themes),
        }


def hit_rows(hits: Sequence[SearchHit]) -> list[dict[str, Any]]:
    """The rows of ``reviewmine search --format json`` (and of serve's JSON endpoint)."""
    return [{"rank": n, **h.as_dict()} for n, h in enumerate(hits, start=1)]


# --------------------------------------------------------------------- the index


@dataclass
class _Units:
    """Blocks and items, in arrays, with the group each belongs to."""

    keys: list[tuple[str, int]]  # ("b", block rowid) / ("i", item rowid)
    index: dict[tuple[str, int], int]
    doc: np.ndarray  # unit -> document position
    is_item: np.ndarray
    group: list[tuple[str, int]]  # ("i", item rowid) or ("b", block rowid)
    texts_hash: list[str]
    link_unit: np.ndarray  # (unit, item position) pairs: the unit overlaps that item
    link_item: np.ndarray
    unit_items: dict[int, list[int]]  # the same pairs, by unit
    doc_ids: list[str]
    doc_meta: list[dict[str, Any]]
    items: list[dict[str, Any]]  # position -> id, rowid, doc, kind, page, paragraph
    item_pos: dict[str, int]  # item id -> position
    item_rowid: dict[int, int]  # item rowid -> position
    blocks: dict[int, dict[str, Any]]  # block rowid -> doc, page, kind, paragraph
    group_block: dict[tuple[str, int], int | None]  # item group -> its single block rowid
    themes: dict[str, tuple[str, ...]]


def _load_units(store: Store) -> _Units:
    from ..embedding.cache import text_hash

    doc_ids: list[str] = []
    doc_meta: list[dict[str, Any]] = []
    for d in store.index_documents():
        doc_ids.append(d.id)
        doc_meta.append(
            {
                "file": d.file_name,
                "title": d.title,
                "doc_type": d.doc_type,
                "area": d.area,
                "date": d.date,
            }
        )
    doc_pos = {d: i for i, d in enumerate(doc_ids)}

    items: list[dict[str, Any]] = []
    by_doc_items: dict[str, list[int]] = {}
    item_hash: list[str] = []
    for r in store.index_items():
        by_doc_items.setdefault(r.doc_id, []).append(len(items))
        items.append(
            {
                "rowid": r.rowid,
                "id": r.id,
                "doc": doc_pos[r.doc_id],
                "kind": r.kind,
                "page": r.page,
                "paragraph": r.paragraph,
                "start": r.start,
                "end": r.end,
                "blocks": [],
            }
        )
        item_hash.append(text_hash(r.text))
    item_pos = {it["id"]: i for i, it in enumerate(items)}

    keys: list[tuple[str, int]] = []
    doc_of: list[int] = []
    group: list[tuple[str, int]] = []
    hashes: list[str] = []
    link_u: list[int] = []
    link_i: list[int] = []
    blocks: dict[int, dict[str, Any]] = {}
    current, last_number = None, None
    starts: list[int] = []
    reach: list[int] = []
    doc_items: list[int] = []
    for rowid, doc_id, page, kind, number, level, start, end, text in store.index_blocks():
        if doc_id != current:
            current, last_number = doc_id, None
            doc_items = by_doc_items.get(doc_id, [])
            starts = [items[i]["start"] for i in doc_items]
            reach = list(itertools.accumulate((items[i]["end"] for i in doc_items), max))
        if number and kind in ("paragraph", "list_item") and level == 0:
            last_number = number
        blocks[rowid] = {
            "doc": doc_pos[doc_id],
            "page": page,
            "kind": kind,
            "paragraph": number or last_number,
        }
        u = len(keys)
        keys.append(("b", rowid))
        doc_of.append(doc_pos[doc_id])
        hashes.append(text_hash(text))
        g: tuple[str, int] = ("b", rowid)
        # Items are sorted by start; scan back from the last one starting before this block
        # ends, while some earlier item still reaches past its start (reach = running max end).
        j = bisect.bisect_left(starts, end) - 1
        while j >= 0 and reach[j] > start:
            it = items[doc_items[j]]
            if it["end"] > start:
                link_u.append(u)
                link_i.append(doc_items[j])
                if it["start"] <= start and end <= it["end"]:
                    g = ("i", it["rowid"])
                    it["blocks"].append(rowid)
            j -= 1
        group.append(g)
    group_block: dict[tuple[str, int], int | None] = {}
    for pos, it in enumerate(items):
        u = len(keys)
        keys.append(("i", it["rowid"]))
        doc_of.append(it["doc"])
        hashes.append(item_hash[pos])
        group.append(("i", it["rowid"]))
        link_u.append(u)
        link_i.append(pos)
        group_block[("i", it["rowid"])] = it["blocks"][0] if len(it["blocks"]) == 1 else None
        if it["paragraph"] is None and it["blocks"]:
            it["paragraph"] = blocks[it["blocks"][0]]["paragraph"]

    unit_items: dict[int, list[int]] = {}
    for a, b in zip(link_u, link_i):
        unit_items.setdefault(a, []).append(b)
    # each item's themes, best score first
    themes = {item_id: [s.theme for s in scores] for item_id, scores in store.item_themes().items()}
    return _Units(
        keys=keys,
        index={k: i for i, k in enumerate(keys)},
        doc=np.asarray(doc_of, np.int32),
        is_item=np.asarray([k[0] == "i" for k in keys], bool),
        group=group,
        texts_hash=hashes,
        link_unit=np.asarray(link_u, np.int64),
        link_item=np.asarray(link_i, np.int64),
        unit_items=unit_items,
        doc_ids=doc_ids,
        doc_meta=doc_meta,
        items=items,
        item_pos=item_pos,
        item_rowid={it["rowid"]: i for i, it in enumerate(items)},
        blocks=blocks,
        group_block=group_block,
        themes={k: tuple(v) for k, v in themes.items()},
    )


class Searcher:
    """Search one store; loads units and vectors once and answers many queries.

    >>> from reviewmine.store import Store
    >>> Searcher(Store.open(":memory:")).search("neglect", mode="keyword")
    []
    """

    def __init__(
        self,
        store: Store,
        embedder: Embedder | None = None,
        *,
        progress: bool = False,
        fts_semantics: str = "or",
        glossary: Glossary | None = None,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.glossary = load_glossary() if glossary is None else glossary
        self._glossary_matrix: np.ndarray | None = None
        self.progress = progress
        if fts_semantics not in ("or", "and", "pairs"):
            raise QueryError(
                f"unknown keyword semantics '{fts_semantics}'", hint="use 'or', 'and' or 'pairs'"
            )
        self.fts_semantics = fts_semantics
        self._units: _Units | None = None
        self._matrix: np.ndarray | None = None
        self._dfs: dict[str, float] = {}
        self._masks: dict[SearchFilters, np.ndarray] = {}
        self._n_blocks: int | None = None
        self.n_embedded = 0  # texts embedded (not found in the cache) when loading

    # -- loading -------------------------------------------------------------------
    @property
    def units(self) -> _Units:
        if self._units is None:
            # One read transaction: a consistent snapshot while other processes ingest.
            with self.store.snapshot():
                self._units = _load_units(self.store)
        return self._units

    @property
    def matrix(self) -> np.ndarray:
        """Unit vectors (rows in unit order); embeds what the cache lacks."""
        if self._matrix is None:
            if self.embedder is None:
                raise QueryError(
                    "semantic and hybrid search need an embedding model",
                    hint="pass embedder=load_embedder('minilm') or use mode='keyword'",
                )
            self._matrix = self._load_matrix()
        return self._matrix

    def _load_matrix(self) -> np.ndarray:
        from ..embedding.cache import cached_embed

        assert self.embedder is not None
        hashes = self.units.texts_hash
        model_id, dim = self.embedder.model_id, self.embedder.dim
        # One scan of the model's stored vectors, then one buffer in unit order (no
        # second copy: at 100,000 passages that was 160 MB more at load).
        stored, blobs = self.store.embedding_rows(model_id, dim)
        row = {h: i for i, h in enumerate(stored)}
        missing = sorted({h for h in hashes if h not in row})
        if missing:
            if self.progress:  # never a silent wait: say what is happening and what avoids it
                import sys

                print(
                    f"{len(missing)} passages are not indexed yet: embedding them now "
                    "(saved; 'reviewmine index' does this ahead of time)",
                    file=sys.stderr,
                    flush=True,
                )
            texts = self._texts_for_hashes(set(missing))
            _, self.n_embedded = cached_embed(
                self.store, self.embedder, [texts[h] for h in missing], progress=self.progress
            )
            stored, blobs = self.store.embedding_rows(model_id, dim)
            row = {h: i for i, h in enumerate(stored)}
        buf = bytearray().join([blobs[row[h]] for h in hashes])  # writable, unlike bytes
        return np.frombuffer(buf, dtype=np.float32).reshape(len(hashes), dim)

    def _texts_for_hashes(self, wanted: set[str]) -> dict[str, str]:
        from ..embedding.cache import text_hash

        out: dict[str, str] = {}
        for text in self.store.passage_texts():
            h = text_hash(text)
            if h in wanted:
                out[h] = text
        return out

    # -- public -------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        mode: str = "hybrid",
        limit: int = 10,
        filters: SearchFilters | None = None,
    ) -> list[SearchHit]:
        """Ranked hits for *query*; see the module docstring for the query syntax."""
        if mode not in MODES:
            raise QueryError(
                f"unknown search mode '{mode}'", hint=f"use one of: {', '.join(MODES)}"
            )
        if limit < 1:
            raise QueryError("--limit must be at least 1")
        parsed = parse_query(query)
        flt = (filters or SearchFilters()).validated()
        n_cand = max(MIN_CANDIDATES, 3 * limit)
        if not self.units.keys:
            return []
        if mode == "keyword":
            ranked = self._keyword(parsed, flt, n_cand, self.fts_semantics)
        else:
            with _one_blas_thread():
                ranked = self._ranked_by_meaning(parsed, flt, n_cand, mode)
        return self._hits(ranked[:limit], parsed)

    def _ranked_by_meaning(
        self, parsed: ParsedQuery, flt: SearchFilters, n_cand: int, mode: str
    ) -> list[tuple[tuple[str, int], float]]:
        """Semantic or hybrid ranking (groups and scores, best first)."""
        # The stored vectors first: a cold process reads them while the model still loads.
        self.matrix  # noqa: B018 - loads it (QueryError without an embedder)
        if mode == "hybrid" and len(self.glossary):
            self._glossary_vectors()
        if mode == "semantic":
            ranked = self._semantic(parsed, flt, n_cand, self._embed_query(parsed.text))
        else:
            qv, meant, named = self._glossary_query(parsed)
            sem = self._semantic(parsed, flt, n_cand, qv)
            bridge = _name_terms([*meant, *named])
            wide = self._expand(parsed, sem, bridge)
            kw = self._keyword(wide, flt, n_cand, "pairs")
            if len(kw) < MIN_PAIR_HITS:  # too strict for this query: any word will do
                seen = {g for g, _ in kw}
                kw += [x for x in self._keyword(wide, flt, n_cand, "or") if x[0] not in seen]
            # With a kind filter too: ranking items by their clauses and fusing scores instead
            # of ranks did better on the development sets but worse on both held-out sets
            # (search/rankers.py, scripts/search_ablations.py --kind actionable).
            ranked = _rrf([kw[:n_cand], sem])
        return ranked

    def similar(self, item_id: str, *, limit: int = 10) -> list[SearchHit]:
        """Items in other documents most similar to item *item_id*: meaning, then
        agreement of themes and kind (see reviewmine.search.similar)."""
        from .similar import similarity_scores, theme_set

        u = self.units
        pos = u.item_pos.get(item_id)
        if pos is None:
            raise NotFound(
                f"no stored item with id {item_id}", hint="list them with 'reviewmine items'"
            )
        unit = u.index[("i", u.items[pos]["rowid"])]
        assigned = self.store.item_themes()
        by_rowid = {it["rowid"]: it for it in u.items}
        unit_items = [by_rowid.get(k[1]) if k[0] == "i" else None for k in u.keys]
        sims = similarity_scores(
            self.matrix,
            unit,
            [
                theme_set(s.theme for s in assigned.get(it["id"], ())) if it else None
                for it in unit_items
            ],
            [it["kind"] if it else None for it in unit_items],
        )
        sims[~u.is_item | (u.doc == u.items[pos]["doc"])] = -np.inf
        ranked = _top(sims, u.keys, limit)
        return self._hits([(g, s) for g, s in _grouped(ranked, u) if s > -np.inf][:limit], None)

    # -- rankers ------------------------------------------------------------------
    def _keyword(
        self, q: ParsedQuery, flt: SearchFilters, n: int, semantics: str = "or"
    ) -> list[tuple[tuple[str, int], float]]:
        match = q.fts(semantics)
        found: list[tuple[float, tuple[str, int]]] = []
        docs = None
        if any(v is not None for v in (flt.doc_type, flt.area, flt.since, flt.until)):
            ok = self._doc_ok(flt)
            docs = [d for d, keep in zip(self.units.doc_ids, ok) if keep]
        allowed = self._allowed_rowids(flt)
        for table, tag in (("blocks", "b"), ("items", "i")):
            try:
                # With a theme or kind filter the units that pass are already known (and few).
                rows = self.store.keyword_ranked(
                    table,
                    match,
                    n,
                    rowids=None if allowed is None else allowed[tag],
                    docs=docs,
                    kinds=sorted(flt.kinds),
                    theme=flt.theme,
                )
            except Exception as exc:  # sqlite3.OperationalError: should not happen once quoted
                raise QueryError(
                    f"the keyword query could not be run ({exc})",
                    hint="remove unusual punctuation and try again",
                ) from exc
            found.extend((s, (tag, rowid)) for rowid, s in rows)
        found.sort()  # bm25: lower is better; the two tables' scores are close enough to merge
        return _grouped([(k, -s) for s, k in found], self.units)[:n]

    def _df(self, term: Term) -> float:
        """Share of blocks containing *term* (cached: one FTS count per term and Searcher)."""
        key = term.fts()
        if key not in self._dfs:
            if self._n_blocks is None:
                self._n_blocks = max(1, self.store.block_count())
            n = self.store.blocks_matching(key)
            self._dfs[key] = n / self._n_blocks
        return self._dfs[key]

    def _expand(
        self,
        q: ParsedQuery,
        sem: Sequence[tuple[tuple[str, int], float]],
        bridge: tuple[Term, ...] = (),
    ) -> ParsedQuery:
        """The query for hybrid's keyword ranking: rare-enough user words plus feedback words.

        Words recurring in the top semantic hits bridge the vocabulary gap
        between a question in everyday words and the reports' terms (e.g.
        "runs away" -> "missing", "return home interview"); words in more than
        ``MAX_DF`` of the blocks carry little weight in BM25 yet dominate its
        cost, so they are dropped (the rarest word is always kept), and of a long
        question only the ``MAX_QUERY_WORDS`` rarest are kept: the "pairs" query
        grows with the square of its words (at 100,000 passages the 36 judged
        questions' p95 fell from 222 to 155 ms; MRR@10 unchanged on all three sets,
        with and without --kind actionable).
        """
        words = [t for t in q.words if t.prefix or self._df(t) <= MAX_DF]
        if not words and q.words:
            words = [min(q.words, key=self._df)]
        if len(words) > MAX_QUERY_WORDS:  # the rarest carry BM25; pairs grow as n squared
            # (a word found nowhere matches nothing: it goes first)
            keep = set(
                sorted(words, key=lambda t: (self._df(t) == 0, self._df(t)))[:MAX_QUERY_WORDS]
            )
            words = [t for t in words if t in keep]
        have = {w for t in q.terms for w in t.words}
        count: dict[str, int] = {}
        shown = [self._shown(g) for g, _ in sem[:FEEDBACK_DOCS]]
        for text in self._fetch(shown).values():
            for w in {w.lower() for w in WORD.findall(text)}:
                if len(w) >= 4 and not w.isdigit() and w not in STOPWORDS and w not in have:
                    count[w] = count.get(w, 0) + 1
        scored = []
        for w, c in count.items():
            if c >= 2:
                df = self._df(Term((w,)))
                if 0 < df <= FEEDBACK_MAX_DF:
                    scored.append((-c * math.log(1 / df), w))
        extra = tuple(Term((w,)) for _, w in sorted(scored)[:FEEDBACK_TERMS])
        return ParsedQuery(q.raw, (*q.phrases, *words), extra, bridge)

    def _embed_query(self, text: str) -> np.ndarray:
        if self.embedder is None:
            self.matrix  # noqa: B018 - raises the QueryError that explains what is missing
        assert self.embedder is not None
        return np.asarray(self.embedder.embed([text]), dtype=np.float32)[0]

    def _glossary_query(
        self, q: ParsedQuery
    ) -> tuple[np.ndarray, list[GlossaryEntry], list[GlossaryEntry]]:
        """Hybrid's query vector and the glossary entries it found (by meaning, by name).

        The closest entry's term is embedded beside the user's words, so the
        semantic list sees the reports' own term too.
        """
        qv = self._embed_query(q.text)
        meant, named = self._glossary_entries(q, qv)
        if meant:
            qv = self._embed_query(f"{q.text} ({'; '.join(e.term for e in meant)})")
        return qv, meant, named

    def _glossary_entries(
        self, q: ParsedQuery, qv: np.ndarray
    ) -> tuple[list[GlossaryEntry], list[GlossaryEntry]]:
        """Glossary entries close to the query in meaning, and those it names.

        Close: the cosine between the query's vector and an entry's
        plain-English ``means`` is at least ``GLOSSARY_MIN_SIM`` (at most
        ``GLOSSARY_MAX`` entries, the closest first).  Named: one of the entry's
        names is typed in the query.
        """
        g = self.glossary
        if not len(g):
            return [], []
        sims = self._glossary_vectors() @ qv
        meant = [
            g.entries[int(i)]
            for i in np.argsort(-sims, kind="stable")[:GLOSSARY_MAX]
            if sims[int(i)] >= GLOSSARY_MIN_SIM
        ]
        named = [e for e in g.named_in(q.raw) if e not in meant]
        return meant, named

    def _glossary_vectors(self) -> np.ndarray:
        """The glossary entries' ``means`` vectors (from the store's cache once embedded)."""
        if self._glossary_matrix is None:
            from ..embedding.cache import cached_embed

            assert self.embedder is not None
            self._glossary_matrix, _ = cached_embed(
                self.store, self.embedder, [e.means for e in self.glossary.entries]
            )
        return self._glossary_matrix

    def _semantic(
        self, q: ParsedQuery, flt: SearchFilters, n: int, qv: np.ndarray
    ) -> list[tuple[tuple[str, int], float]]:
        m = self.matrix  # QueryError without an embedder
        sims = m @ qv
        mask = self._mask(flt)
        if mask is not None:
            sims[~mask] = -np.inf
        if flt.kind:
            # Asked for items of a kind: rank their own text, not a paragraph that merely
            # overlaps one.  Hybrid MRR@10 with --kind actionable (eval search --kind):
            # Ofsted 0.760 -> 0.789, Ofsted held-out 0.705 -> 0.717, corpus 0.889 -> 0.967.
            sims[~self.units.is_item] = -np.inf
        # a group can fill several of the top slots (item + its block): take a margin
        ranked = _top(sims, self.units.keys, 2 * n)
        return [(g, s) for g, s in _grouped(ranked, self.units) if s > -np.inf][:n]

    def _doc_ok(self, flt: SearchFilters) -> np.ndarray:
        """Which documents (in unit order of doc_ids) pass the document filters.

        Decided from the metadata loaded once: the documents table holds every
        document's full text, so scanning it per query costs ~20 ms at 1,000 reports.
        """
        area = flt.area.strip().casefold() if flt.area else None
        return np.asarray(
            [
                (flt.doc_type is None or m["doc_type"] == flt.doc_type)
                and (area is None or (m["area"] or "").casefold() == area)
                and (flt.since is None or (m["date"] is not None and m["date"] >= flt.since))
                and (flt.until is None or (m["date"] is not None and m["date"] <= flt.until))
                for m in self.units.doc_meta
            ],
            bool,
        )

    def _allowed_rowids(self, flt: SearchFilters) -> dict[str, list[int]] | None:
        """Block and item rowids passing a theme or kind filter, when few enough to list.

        Listing them is far cheaper than a correlated EXISTS per matching row at
        100,000 units; SQLite allows 32,766 parameters, so larger sets use SQL.
        """
        if not (flt.theme or flt.kind):
            return None
        mask = self._mask(flt)
        assert mask is not None
        idx = np.flatnonzero(mask)
        if len(idx) > 30000:
            return None
        keys = self.units.keys
        out: dict[str, list[int]] = {"b": [], "i": []}
        for i in idx:
            tag, rowid = keys[int(i)]
            out[tag].append(rowid)
        return out

    def _mask(self, flt: SearchFilters) -> np.ndarray | None:
        """Which units pass *flt* (None: all); cached per filter for the Searcher's life."""
        if flt.empty:
            return None
        if flt in self._masks:
            return self._masks[flt]
        u = self.units
        doc_ok = self._doc_ok(flt)
        mask = doc_ok[u.doc] if len(u.doc_ids) else np.zeros(len(u.keys), bool)
        if flt.kind or flt.theme:
            kinds = flt.kinds
            ok_items = np.asarray([(not kinds or it["kind"] in kinds) for it in u.items], bool)
            if flt.theme:
                ok_items &= np.asarray(
                    [flt.theme in u.themes.get(it["id"], ()) for it in u.items], bool
                )
            unit_ok = np.zeros(len(u.keys), bool)
            if len(u.link_unit):
                unit_ok[u.link_unit[ok_items[u.link_item]]] = True
            mask &= unit_ok
        self._masks[flt] = mask
        return mask

    # -- results --------------------------------------------------------------------
    def _shown(self, g: tuple[str, int]) -> tuple[str, int]:
        """The unit displayed for a group: an item made of one block shows that block."""
        b = self.units.group_block.get(g) if g[0] == "i" else None
        return ("b", b) if b is not None else g

    def _hits(
        self, ranked: Sequence[tuple[tuple[str, int], float]], q: ParsedQuery | None
    ) -> list[SearchHit]:
        u = self.units
        shown = [self._shown(g) for g, _ in ranked]
        texts = self._fetch(shown)
        marks = self._highlights(shown, q) if q is not None else {}
        out = []
        for (g, score), key in zip(ranked, shown):
            if key not in texts:
                continue  # removed by a concurrent ingest since the index was loaded
            if g[0] == "i":
                it = u.items[u.item_rowid[g[1]]]
                doc, page, kind = it["doc"], it["page"], it["kind"]
                paragraph, item_id = it["paragraph"], it["id"]
                themes = u.themes.get(item_id, ())
                if key[0] == "b":
                    page = u.blocks[key[1]]["page"]
            else:
                b = u.blocks[g[1]]
                doc, page, kind, paragraph, item_id = (
                    b["doc"],
                    b["page"],
                    b["kind"],
                    b["paragraph"],
                    None,
                )
                themes = self._block_themes(u.index[g])
            meta = u.doc_meta[doc]
            out.append(
                SearchHit(
                    doc_id=u.doc_ids[doc],
                    file=meta["file"],
                    title=meta["title"],
                    doc_type=meta["doc_type"],
                    date=meta["date"],
                    page=page,
                    paragraph=paragraph,
                    item_id=item_id,
                    score=float(score),
                    text=texts[key],
                    highlights=marks.get(key, ()),
                    themes=themes,
                    area=meta["area"],
                    kind=kind,
                )
            )
        return out

    def _block_themes(self, unit: int) -> tuple[str, ...]:
        u = self.units
        out: dict[str, None] = {}
        for pos in u.unit_items.get(unit, ()):
            for t in u.themes.get(u.items[pos]["id"], ()):
                out[t] = None
        return tuple(out)

    def _fetch(self, keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], str]:
        out: dict[tuple[str, int], str] = {}
        for tag, table in (("b", "blocks"), ("i", "items")):
            ids = [k[1] for k in keys if k[0] == tag]
            for rowid, text in self.store.passage_text(table, ids).items():
                out[(tag, rowid)] = text
        return out

    def _highlights(
        self, keys: Sequence[tuple[str, int]], q: ParsedQuery
    ) -> dict[tuple[str, int], tuple[tuple[int, int], ...]]:
        out: dict[tuple[str, int], tuple[tuple[int, int], ...]] = {}
        match = q.fts_any()
        for tag, table in (("b", "blocks"), ("i", "items")):
            ids = [k[1] for k in keys if k[0] == tag]
            if not ids:
                continue
            for rowid, marked in self.store.highlighted(table, match, ids, _HL_OPEN, _HL_CLOSE):
                spans = _spans(marked)
                if spans is not None:
                    out[(tag, rowid)] = spans
        return out


def _spans(marked: str) -> tuple[tuple[int, int], ...] | None:
    """Offsets of the marked runs in the unmarked text (None if the markers were ambiguous)."""
    spans: list[tuple[int, int]] = []
    pos, start = 0, -1
    for ch in marked:
        if ch == _HL_OPEN:
            if start >= 0:
                return None
            start = pos
        elif ch == _HL_CLOSE:
            if start < 0:
                return None
            spans.append((start, pos))
            start = -1
        else:
            pos += 1
    return tuple(spans) if start < 0 else None


def _top(
    scores: np.ndarray, keys: Sequence[tuple[str, int]], n: int
) -> list[tuple[tuple[str, int], float]]:
    n = min(n, len(scores))
    if n <= 0:
        return []
    idx = np.argpartition(-scores, n - 1)[:n] if n < len(scores) else np.arange(len(scores))
    # stable order: score, then unit position (deterministic ties)
    idx = idx[np.lexsort((idx, -scores[idx]))]
    return [(keys[int(i)], float(scores[int(i)])) for i in idx]


_BLAS: Any = None


def _one_blas_thread() -> Any:
    """Context: numpy's BLAS on one thread while a query is embedded and compared.

    OpenBLAS threads keep spinning after a matrix product and starve the
    model's own threads: on the 2-core machine a MiniLM query encoding took
    28 ms after a product against 12 ms alone.  One BLAS thread costs ~5 ms
    on a 100,000-row product and saves more than that.
    """
    global _BLAS
    if _BLAS is None:
        from threadpoolctl import ThreadpoolController

        _BLAS = ThreadpoolController()
    return _BLAS.limit(limits=1, user_api="blas")


def _name_terms(entries: Iterable[GlossaryEntry]) -> tuple[Term, ...]:
    """Every name of the entries, and its plural, as keyword terms (each once).

    FTS5 does not stem, so "independent visitor" needs "independent visitors" too.
    """
    terms: dict[tuple[str, ...], Term] = {}
    for entry in entries:
        for name in entry.names:
            words = tuple(w.lower() for w in WORD.findall(name))
            if not words:
                continue
            terms.setdefault(words, Term(words))
            if not words[-1].endswith("s") and words[-1].isalpha():
                plural = (*words[:-1], words[-1] + "s")
                terms.setdefault(plural, Term(plural))
    return tuple(terms.values())


def _grouped(
    ranked: Iterable[tuple[tuple[str, int], float]], u: _Units
) -> list[tuple[tuple[str, int], float]]:
    """Map units to their groups, keeping each group's best (first) score."""
    seen: set[tuple[str, int]] = set()
    out = []
    for key, score in ranked:
        pos = u.index.get(key)
        if pos is None:
            continue  # stored after this searcher loaded its index (a concurrent ingest)
        g = u.group[pos]
        if g not in seen:
            seen.add(g)
            out.append((g, score))
    return out


def _rrf(
    lists: Sequence[Sequence[tuple[tuple[str, int], float]]], k: int = RRF_K
) -> list[tuple[tuple[str, int], float]]:
    """Reciprocal rank fusion: sum of 1/(k + rank) over the lists a group appears in."""
    from .rankers import rrf

    return rrf(lists, k)


# ----------------------------------------------------------------------------- api


def search(
    store: Store,
    query: str,
    *,
    mode: str = "hybrid",
    embedder: Embedder | None = None,
    limit: int = 10,
    filters: SearchFilters | None = None,
    progress: bool = False,
    glossary: Glossary | None = None,
) -> list[SearchHit]:
    """Search *store*; ``mode`` is keyword, semantic or hybrid (needs *embedder*).

    >>> from reviewmine.store import Store
    >>> search(Store.open(":memory:"), "neglect", mode="keyword")
    []
    """
    return Searcher(store, embedder, progress=progress, glossary=glossary).search(
        query, mode=mode, limit=limit, filters=filters
    )


def similar(
    store: Store, item_id: str, *, embedder: Embedder, limit: int = 10, progress: bool = False
) -> list[SearchHit]:
    """The items in other documents closest in meaning to *item_id* (cosine)."""
    return Searcher(store, embedder, progress=progress).similar(item_id, limit=limit)
