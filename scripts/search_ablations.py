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
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np

from reviewmine.embedding.embedders import load_embedder
from reviewmine.evaluation.search import QueryCase, _with_kind, load_queries, mrr_ndcg
from reviewmine.search import rankers
from reviewmine.search.engine import MIN_PAIR_HITS, Searcher, SearchHit, _name_terms, _rrf
from reviewmine.search.glossary import Glossary
from reviewmine.search.query import parse_query
from reviewmine.store import Store

Run = Callable[[QueryCase], list[SearchHit]]


def semantic_with_glossary(s: Searcher, c: QueryCase) -> list[SearchHit]:
    """Semantic search of the text hybrid embeds (query plus the closest glossary term)."""
    q = parse_query(c.query)
    qv, _, _ = s._glossary_query(q)
    flt = c.filters.validated()
    return s._hits(s._semantic(q, flt, 100, qv)[:10], q)


def rrf_of_whole_items(s: Searcher, c: QueryCase) -> list[SearchHit]:
    """The earlier hybrid with a kind filter: RRF of the keyword list and whole-text cosine."""
    q = parse_query(c.query)
    flt = c.filters.validated()
    qv, meant, named = s._glossary_query(q)
    sem = s._semantic(q, flt, 100, qv)
    wide = s._expand(q, sem, _name_terms([*meant, *named]))
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
    ap.add_argument("--gold", required=True)
    ap.add_argument("--kind", help="score the ranking of these item kinds (e.g. actionable)")
    args = ap.parse_args()
    store = Store.open(args.db)
    emb = load_embedder("minilm")
    cases = load_queries(args.gold)
    plain = Searcher(store, emb)

    def mode(s: Searcher, m: str) -> Run:
        return lambda c: s.search(c.query, mode=m, limit=10, filters=c.filters)

    rows: list[tuple[str, Run, dict[str, float]]]
    if args.kind:
        cases, skipped = _with_kind(plain, cases, args.kind)
        print(f"--kind {args.kind}: {skipped} queries left out (no judged passage of the kind)")
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
    print(f"{len(cases)} queries in {args.gold}")
    for name, run, change in rows:
        with constants(**change):
            scores = np.array([mrr_ndcg(run(c), c.relevant)[:2] for c in cases])
        print(f"{name:<26} MRR@10={scores[:, 0].mean():.3f} nDCG@10={scores[:, 1].mean():.3f}")


if __name__ == "__main__":
    main()
