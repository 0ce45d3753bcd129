"""What each part of hybrid search adds, on a judged query set (MRR@10 / nDCG@10).

    .venv/bin/reviewmine ingest ../shared/real/ofsted/*.pdf --db ofsted.db
    .venv/bin/python scripts/search_ablations.py --db ofsted.db \
        --gold evaluation/search/ofsted_queries.jsonl
    .venv/bin/python scripts/search_ablations.py --db ofsted.db \
        --gold evaluation/search/ofsted_queries.jsonl --kind actionable

Without --kind, rows: keyword and semantic as shipped; semantic with the
glossary's term added to the embedded query (the same text hybrid embeds);
hybrid without the glossary; hybrid.

With --kind (each query gets that kind filter, as ``reviewmine eval search
--kind`` does; queries with no judged passage of the kind are left out), rows:
hybrid as shipped (reciprocal rank fusion of the keyword list and the items'
whole-text cosine); the same with the keyword list's feedback words taken from
the best passages of any kind; the clause ranking of search/rankers.py
(measured, not adopted: better on the development sets, worse on both held-out
sets), then that ranking with one part changed at a time (feedback from the
items alone, no clauses, no keyword score, no report context, keyword and
context weights halved and doubled).  The vectors come from the store's cache
(the first run embeds every passage with MiniLM, and the clauses compared).

--glossary-queries (with --kind) scores the same rows on a larger set made
from the glossary instead of --gold: each entry's plain-English ``means`` is a
query, and the items of the kind that name the entry (its term or an alias,
as the glossary matches names) are its relevant items; entries named by no
such item or by more than 20 are left out.  Search runs without the glossary
here (it would find the entry from its own ``means``), so the rows measure how
the ranking bridges everyday words to the reports' terms on its own.  Relevance
by a name is rough (an item can name a term without asking for a change in
it), but it is the same for every row.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace

import numpy as np

from reviewmine.embedding.embedders import load_embedder
from reviewmine.evaluation.search import Judged, QueryCase, _with_kind, load_queries, mrr_ndcg
from reviewmine.search import rankers
from reviewmine.search.engine import (
    MIN_PAIR_HITS,
    Searcher,
    SearchFilters,
    SearchHit,
    _name_terms,
    _rrf,
)
from reviewmine.search.glossary import Glossary, load_glossary
from reviewmine.search.query import ParsedQuery, parse_query
from reviewmine.store import Store

Run = Callable[[QueryCase], list[SearchHit]]
Ranked = list[tuple[tuple[str, int], float]]


def semantic_with_glossary(s: Searcher, c: QueryCase) -> list[SearchHit]:
    """Semantic search of the text hybrid embeds (query plus the closest glossary term)."""
    q = parse_query(c.query)
    qv, _, _ = s._glossary_query(q)
    flt = c.filters.validated()
    return s._hits(s._semantic(q, flt, 100, qv)[:10], q)


def glossary_cases(s: Searcher, kind: str, most: int = 20) -> list[QueryCase]:
    """Query cases from the glossary: an entry's ``means`` as the query, items naming it relevant."""
    glossary = load_glossary()
    flt = SearchFilters(kind=kind).validated()
    u = s.units
    keys = [("i", it["rowid"]) for it in u.items if it["kind"] in flt.kinds]
    texts = s._fetch(keys)
    hits = s._hits([(k, 0.0) for k in keys if k in texts], None)  # the cited form of each item
    named = [(h, set(glossary.named_in(texts[k]))) for k, h in zip(keys, hits)]
    cases = []
    for n, entry in enumerate(glossary.entries):
        rel = tuple(Judged(h.file, h.page, h.text) for h, entries in named if entry in entries)
        if 0 < len(rel) <= most:
            cases.append(QueryCase(f"glossary-{n}", entry.means, rel, flt))
    return cases


def _kind_lists(
    s: Searcher, q: ParsedQuery, flt: SearchFilters, qv: np.ndarray, feedback_all: bool
) -> tuple[Ranked, Ranked]:
    """Hybrid's semantic and keyword lists under a kind filter.

    *feedback_all*: the feedback words come from the best passages of any kind
    (the report's discussion of the topic) instead of the kind's items alone.
    """
    _, meant, named = s._glossary_query(q)
    sem = s._semantic(q, flt, 100, qv)
    fb = s._semantic(q, replace(flt, kind=None, theme=None), 100, qv) if feedback_all else sem
    wide = s._expand(q, fb, _name_terms([*meant, *named]))
    kw = s._keyword(wide, flt, 100, "pairs")
    if len(kw) < MIN_PAIR_HITS:
        seen = {g for g, _ in kw}
        kw += [x for x in s._keyword(wide, flt, 100, "or") if x[0] not in seen]
    return sem, kw[:100]


def rrf_of_whole_items(s: Searcher, c: QueryCase, feedback_all: bool = False) -> list[SearchHit]:
    """Hybrid as shipped with a kind filter: RRF of the keyword list and whole-text cosine."""
    q = parse_query(c.query)
    flt = c.filters.validated()
    qv, _, _ = s._glossary_query(q)
    sem, kw = _kind_lists(s, q, flt, qv, feedback_all)
    return s._hits(_rrf([kw, sem])[:10], q)


def clause_ranking(s: Searcher, c: QueryCase, feedback_all: bool = True) -> list[SearchHit]:
    """The alternative measured for --kind: :func:`rankers.rank_items` over the hybrid's lists.

    Each candidate scores the best of its whole text and its clauses (the first
    ``CLAUSE_ITEMS`` by cosine), plus the standardised BM25 and the cosine of its
    report's passage closest to the query.
    """
    from reviewmine.embedding.cache import cached_embed

    q = parse_query(c.query)
    flt = c.filters.validated()
    qv, _, _ = s._glossary_query(q)
    sem, kw = _kind_lists(s, q, flt, qv, feedback_all)
    u, m = s.units, s.matrix
    cosine = {
        g: float(m[u.index[g]] @ qv)
        for g in dict.fromkeys(g for g, _ in (*sem, *kw))
        if g in u.index
    }
    top = sorted(cosine, key=lambda g: (-cosine[g], g))[: rankers.CLAUSE_ITEMS]
    texts = s._fetch([g for g in top if g[0] == "i"])
    embedder = s.embedder
    assert embedder is not None

    def embed(texts: list[str]) -> np.ndarray:
        return cached_embed(s.store, embedder, texts)[0]

    best = np.full(len(u.doc_ids), -1.0, dtype=np.float32)
    np.maximum.at(best, u.doc, np.where(u.is_item, -1.0, m @ qv))
    context = {g: float(best[u.doc[u.index[g]]]) for g in cosine}
    return s._hits(rankers.rank_items(cosine, kw, texts, qv, embed, context=context)[:10], q)


@contextmanager
def constants(**values: float) -> Iterator[None]:
    """rankers' constants changed for the duration (rank_items reads them at call time)."""
    old = {k: getattr(rankers, k) for k in values}
    for k, v in values.items():
        setattr(rankers, k, v)
    try:
        yield
    finally:
        for k, v in old.items():
            setattr(rankers, k, v)


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--gold")
    ap.add_argument("--kind", help="score the ranking of these item kinds (e.g. actionable)")
    ap.add_argument(
        "--glossary-queries",
        action="store_true",
        help="with --kind: queries made from the glossary instead of --gold",
    )
    args = ap.parse_args()
    if args.glossary_queries != (args.gold is None) or (args.glossary_queries and not args.kind):
        ap.error("give --gold, or --glossary-queries with --kind")
    store = Store.open(args.db)
    emb = load_embedder("minilm")
    plain = Searcher(store, emb)
    if args.glossary_queries:
        plain = Searcher(store, emb, glossary=Glossary(()))
        cases = glossary_cases(plain, args.kind)
    else:
        cases = load_queries(args.gold)

    def mode(s: Searcher, m: str) -> Run:
        return lambda c: s.search(c.query, mode=m, limit=10, filters=c.filters)

    rows: list[tuple[str, Run, dict[str, float]]]
    if args.kind:
        if not args.glossary_queries:
            cases, skipped = _with_kind(plain, cases, args.kind)
            print(f"--kind {args.kind}: {skipped} queries left out (no judged passage of the kind)")
        kw, ctx = rankers.KEYWORD_WEIGHT, rankers.CONTEXT_WEIGHT

        def clause(feedback_all: bool = True) -> Run:
            return lambda c: clause_ranking(plain, c, feedback_all)

        rows = [
            ("hybrid as shipped", mode(plain, "hybrid"), {}),
            ("shipped, feedback from all", lambda c: rrf_of_whole_items(plain, c, True), {}),
            ("clause ranking", clause(), {}),
            ("  feedback from items", clause(False), {}),
            ("  no clauses", clause(), {"CLAUSE_ITEMS": 0}),
            ("  no keyword score", clause(), {"KEYWORD_WEIGHT": 0.0}),
            ("  no report context", clause(), {"CONTEXT_WEIGHT": 0.0}),
            (f"  keyword weight {kw / 2:g}", clause(), {"KEYWORD_WEIGHT": kw / 2}),
            (f"  keyword weight {kw * 2:g}", clause(), {"KEYWORD_WEIGHT": kw * 2}),
            (f"  context weight {ctx / 2:g}", clause(), {"CONTEXT_WEIGHT": ctx / 2}),
            (f"  context weight {ctx * 2:g}", clause(), {"CONTEXT_WEIGHT": ctx * 2}),
        ]
    else:
        bare = Searcher(store, emb, glossary=Glossary(()))
        bare._units, bare._matrix = plain.units, plain.matrix  # share the loaded index
        rows = [
            ("keyword", mode(plain, "keyword"), {}),
            ("semantic", mode(plain, "semantic"), {}),
            ("semantic + glossary term", lambda c: semantic_with_glossary(plain, c), {}),
            ("hybrid without glossary", mode(bare, "hybrid"), {}),
            ("hybrid", mode(plain, "hybrid"), {}),
        ]
    print(f"{len(cases)} queries in {args.gold or 'the glossary (glossary off)'}")
    for name, run, change in rows:
        with constants(**change):
            scores = np.array([mrr_ndcg(run(c), c.relevant)[:2] for c in cases])
        print(f"{name:<28} MRR@10={scores[:, 0].mean():.3f} nDCG@10={scores[:, 1].mean():.3f}")


if __name__ == "__main__":
    main()
