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
the hybrid of 2026-12-06 (reciprocal rank fusion of the keyword list and the
items' whole-text cosine); then the ranking of search/rankers.py with one part
changed at a time (no clauses, no keyword score, no report context, keyword
weight and context weight halved and doubled); and as shipped.  The vectors
come from the store's cache (the first run embeds every passage with MiniLM,
and the clauses of the items compared).

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
from reviewmine.search.query import parse_query
from reviewmine.store import Store

Run = Callable[[QueryCase], list[SearchHit]]


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


def rrf_of_whole_items(s: Searcher, c: QueryCase) -> list[SearchHit]:
    """The earlier hybrid with a kind filter: RRF of the keyword list and whole-text cosine."""
    q = parse_query(c.query)
    flt = c.filters.validated()
    qv, meant, named = s._glossary_query(q)
    sem = s._semantic(q, flt, 100, qv)
    wide = s._expand(q, sem, _name_terms([*meant, *named]))  # feedback from the items alone
    kw = s._keyword(wide, flt, 100, "pairs")
    if len(kw) < MIN_PAIR_HITS:
        seen = {g for g, _ in kw}
        kw += [x for x in s._keyword(wide, flt, 100, "or") if x[0] not in seen]
    return s._hits(_rrf([kw[:100], sem])[:10], q)


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
    ap.add_argument("--glossary-queries", action="store_true",
                    help="with --kind: queries made from the glossary instead of --gold")
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
            print(f"--kind {args.kind}: {skipped} queries left out (no judged passage of the "
                  "kind)")
        hybrid = mode(plain, "hybrid")
        kw, ctx = rankers.KEYWORD_WEIGHT, rankers.CONTEXT_WEIGHT
        rows = [("RRF, whole item text", lambda c: rrf_of_whole_items(plain, c), {}),
                ("no clauses", hybrid, {"CLAUSE_ITEMS": 0}),
                ("no keyword score", hybrid, {"KEYWORD_WEIGHT": 0.0}),
                ("no report context", hybrid, {"CONTEXT_WEIGHT": 0.0}),
                (f"keyword weight {kw / 2:g}", hybrid, {"KEYWORD_WEIGHT": kw / 2}),
                (f"keyword weight {kw * 2:g}", hybrid, {"KEYWORD_WEIGHT": kw * 2}),
                (f"context weight {ctx / 2:g}", hybrid, {"CONTEXT_WEIGHT": ctx / 2}),
                (f"context weight {ctx * 2:g}", hybrid, {"CONTEXT_WEIGHT": ctx * 2}),
                ("shipped", hybrid, {})]
    else:
        bare = Searcher(store, emb, glossary=Glossary(()))
        bare._units, bare._matrix = plain.units, plain.matrix  # share the loaded index
        rows = [("keyword", mode(plain, "keyword"), {}), ("semantic", mode(plain, "semantic"), {}),
                ("semantic + glossary term", lambda c: semantic_with_glossary(plain, c), {}),
                ("hybrid without glossary", mode(bare, "hybrid"), {}),
                ("hybrid", mode(plain, "hybrid"), {})]
    print(f"{len(cases)} queries in {args.gold or 'the glossary (glossary off)'}")
    for name, run, change in rows:
        with constants(**change):
            scores = np.array([mrr_ndcg(run(c), c.relevant)[:2] for c in cases])
        print(f"{name:<26} MRR@10={scores[:, 0].mean():.3f} nDCG@10={scores[:, 1].mean():.3f}")


if __name__ == "__main__":
    main()
