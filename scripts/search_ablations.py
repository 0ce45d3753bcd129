"""What each part of hybrid search adds, on a judged query set (MRR@10 / nDCG@10).

    .venv/bin/reviewmine ingest ../shared/real/ofsted/*.pdf --db ofsted.db
    .venv/bin/python scripts/search_ablations.py --db ofsted.db \
        --gold evaluation/search/ofsted_queries.jsonl

Rows: keyword and semantic as shipped; semantic with the glossary's term added
to the embedded query (the same text hybrid embeds); hybrid without the
glossary; hybrid.  The vectors come from the store's cache (the first run embeds
every passage with MiniLM).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

import numpy as np

from reviewmine.embedding.embedders import load_embedder
from reviewmine.evaluation.search import QueryCase, load_queries, mrr_ndcg
from reviewmine.search.engine import Searcher, SearchHit
from reviewmine.search.glossary import Glossary
from reviewmine.search.query import parse_query
from reviewmine.store import Store


def semantic_with_glossary(s: Searcher, c: QueryCase) -> list[SearchHit]:
    """Semantic search of the text hybrid embeds (query plus the closest glossary term)."""
    q = parse_query(c.query)
    qv, _, _ = s._glossary_query(q)
    flt = c.filters.validated()
    return s._hits(s._semantic(q, flt, 100, qv)[:10], q)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--gold", required=True)
    args = ap.parse_args()
    store = Store.open(args.db)
    emb = load_embedder("minilm")
    cases = load_queries(args.gold)
    plain = Searcher(store, emb)
    bare = Searcher(store, emb, glossary=Glossary(()))
    bare._units, bare._matrix = plain.units, plain.matrix  # share the loaded index

    def mode(s: Searcher, m: str) -> Callable[[QueryCase], list[SearchHit]]:
        return lambda c: s.search(c.query, mode=m, limit=10, filters=c.filters)

    rows = [("keyword", mode(plain, "keyword")), ("semantic", mode(plain, "semantic")),
            ("semantic + glossary term", lambda c: semantic_with_glossary(plain, c)),
            ("hybrid without glossary", mode(bare, "hybrid")), ("hybrid", mode(plain, "hybrid"))]
    print(f"{len(cases)} queries in {args.gold}")
    for name, run in rows:
        scores = np.array([mrr_ndcg(run(c), c.relevant)[:2] for c in cases])
        print(f"{name:<26} MRR@10={scores[:, 0].mean():.3f} nDCG@10={scores[:, 1].mean():.3f}")


if __name__ == "__main__":
    main()
