"""Search evaluation: judged query sets, MRR@k and nDCG@k per mode.

A query set is JSON Lines, one query per line with its judged passages
(``evaluation/search/README.md`` describes the format and how the sets were
made).  A judged passage is named by file, page and a snippet of its text, so
the judgements survive re-ingestion.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import GoldError
from ..search.engine import MODES, Searcher, SearchFilters, SearchHit
from ..search.glossary import Glossary
from ..search.query import WORD

if TYPE_CHECKING:
    from ..embedding.embedders import Embedder
    from ..store import Store


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(WORD.findall(text))


@dataclass(frozen=True)
class Judged:
    """A relevant passage: file name, page and a distinctive snippet of its text."""

    file: str
    page: int
    snippet: str
    grade: int = 1

    def matches(self, hit: SearchHit) -> bool:
        return (
            hit.file == self.file
            and hit.page <= self.page <= hit.page + 1
            and _norm(self.snippet) in _norm(hit.text)
        )


@dataclass(frozen=True)
class QueryCase:
    id: str
    query: str
    relevant: tuple[Judged, ...]
    filters: SearchFilters = field(default_factory=SearchFilters)


def load_queries(path: str | Path) -> list[QueryCase]:
    """Read a query set (JSON Lines); GoldError names the line of any malformed entry."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"cannot read the query set ({exc.strerror})", path=p) from exc
    out: list[QueryCase] = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            rel = tuple(
                Judged(str(r["file"]), int(r["page"]), str(r["text"]), int(r.get("grade", 1)))
                for r in obj["relevant"]
            )
            flt = SearchFilters(**obj.get("filters", {}))
            case = QueryCase(str(obj.get("id", n)), str(obj["query"]), rel, flt)
        except (ValueError, KeyError, TypeError) as exc:
            raise GoldError(
                f"line {n}: malformed query entry ({exc!r})",
                path=p,
                hint='each line needs "query" and "relevant": [{"file", "page", "text"}]',
            ) from exc
        if not rel:
            raise GoldError(f"line {n}: query '{case.id}' has no relevant passages", path=p)
        out.append(case)
    if not out:
        raise GoldError("the query set is empty", path=p)
    return out


def mrr_ndcg(
    hits: Sequence[SearchHit], relevant: Sequence[Judged], k: int = 10
) -> tuple[float, float, int | None]:
    """MRR@k, nDCG@k and the rank of the first relevant hit; each judgement counts once."""
    used: set[int] = set()
    dcg, first = 0.0, None
    for rank, hit in enumerate(hits[:k], start=1):
        for j, rel in enumerate(relevant):
            if j not in used and rel.matches(hit):
                used.add(j)
                dcg += rel.grade / math.log2(rank + 1)
                first = first or rank
                break
    ideal = sorted((r.grade for r in relevant), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return (1.0 / first if first else 0.0), (dcg / idcg if idcg else 0.0), first


def evaluate_search(
    store: Store,
    queries_path: str | Path,
    embedder: Embedder | None,
    *,
    modes: Sequence[str] = MODES,
    k: int = 10,
    progress: bool = False,
    glossary: Glossary | None = None,
    on_query: Callable[[str], None] | None = None,
    kind: str | None = None,
) -> dict[str, Any]:
    """MRR@k and nDCG@k per mode over a judged query set, with per-query ranks.

    Judged passages that match no stored block or item are listed under
    ``unresolved`` (a stale query set or a document not ingested).  *kind*
    (e.g. ``"actionable"``) adds that kind filter to every query: it scores the
    ranking of those items alone, and queries none of whose judged passages
    lies in such an item are left out (``result["skipped"]`` counts them).
    """
    cases = load_queries(queries_path)
    searcher = Searcher(store, embedder, progress=progress, glossary=glossary)
    files = {m["file"] for m in searcher.units.doc_meta}
    wanted = {r.file for c in cases for r in c.relevant}
    if not wanted & files:
        raise GoldError(
            "none of the judged documents is in the store",
            path=queries_path,
            hint="ingest them first: reviewmine ingest FOLDER --db ...",
        )
    unresolved = _unresolved(store, cases)
    skipped = 0
    if kind is not None:
        cases, skipped = _with_kind(searcher, cases, kind)
    result: dict[str, Any] = {
        "queries": len(cases),
        "k": k,
        "modes": {},
        "unresolved": unresolved,
        "skipped": skipped,
        "kind": kind,
    }
    if embedder is None:
        modes = [m for m in modes if m == "keyword"]
    for mode in modes:
        per: list[dict[str, Any]] = []
        for c in cases:
            if on_query:
                on_query(f"{mode}: {c.id}")
            hits = searcher.search(c.query, mode=mode, limit=k, filters=c.filters)
            mrr, ndcg, first = mrr_ndcg(hits, c.relevant, k)
            per.append(
                {
                    "id": c.id,
                    "query": c.query,
                    "mrr": mrr,
                    "ndcg": ndcg,
                    "first_relevant_rank": first,
                }
            )
        result["modes"][mode] = {
            f"mrr@{k}": sum(p["mrr"] for p in per) / len(per),
            f"ndcg@{k}": sum(p["ndcg"] for p in per) / len(per),
            "per_query": per,
        }
    return result


def _with_kind(
    searcher: Searcher, cases: Sequence[QueryCase], kind: str
) -> tuple[list[QueryCase], int]:
    """The cases with *kind* added to their filters; those it leaves nothing to find are dropped.

    A case is kept when one of its judged passages is (part of) an item of
    the kind: the judged block, or the item's own text, matches the judgement.
    """
    from dataclasses import replace

    kinds = SearchFilters(kind=kind).validated().kinds
    u = searcher.units
    files = {r.file for c in cases for r in c.relevant}
    found: list[tuple[str, int, str]] = []  # (file, page, normalised text) of kind-units
    for tag, table in (("b", "blocks"), ("i", "items")):
        for rowid, file, page, text in searcher.store.passage_sources(table):
            if file not in files:
                continue
            unit = u.index.get((tag, rowid))
            if unit is not None and any(
                u.items[pos]["kind"] in kinds for pos in u.unit_items.get(unit, ())
            ):
                found.append((file, page, _norm(text)))
    kept = []
    for c in cases:
        own = c.filters.validated().kinds
        wanted = (kinds & own) if own else kinds
        if wanted and any(
            r.file == f and abs(r.page - p) <= 1 and _norm(r.snippet) in t
            for r in c.relevant
            for f, p, t in found
        ):
            kept.append(replace(c, filters=replace(c.filters, kind=",".join(sorted(wanted)))))
    return kept, len(cases) - len(kept)


def _unresolved(store: Store, cases: Sequence[QueryCase]) -> list[dict[str, Any]]:
    out = []
    cache: dict[str, list[tuple[int, str]]] = {}
    for c in cases:
        for r in c.relevant:
            if r.file not in cache:
                cache[r.file] = [(p, _norm(t)) for p, t in store.block_pages(r.file)]
            snip = _norm(r.snippet)
            if not any(abs(p - r.page) <= 1 and snip in t for p, t in cache[r.file]):
                out.append({"query": c.id, "file": r.file, "page": r.page, "text": r.snippet})
    return out
