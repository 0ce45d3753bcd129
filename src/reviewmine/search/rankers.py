"""Ranking for hybrid search: rank fusion, and a ranking of items by their clauses.

Hybrid search fuses a semantic and a keyword ranking with :func:`rrf`, with or
without a kind filter.

:func:`rank_items` is an alternative for searches with a kind filter
(``--kind actionable``), measured and **not adopted**.  The candidates are then
recommendations and areas for improvement: short texts that often join several
asks in one sentence ("the response to children who are homeless ..., as well
as the oversight of allegations"), so it scores each item by the best of its
whole text and its clauses (:func:`clauses`) against the query's vector, adds
the keyword evidence as a standardised BM25 score (CombSUM of z-scores) rather
than by rank, and the closeness of the item's own report to the question.  On
the development sets it did better than RRF (with --kind actionable, Ofsted 17
queries MRR@10 0.770 -> 0.828, corpus 15 queries 1.000 -> 0.967, glossary-made
queries 0.417 -> 0.519 and 0.453 -> 0.578), but on both held-out Ofsted sets it
did worse (held-out 14 queries 0.717 -> 0.669, independent 19 queries 0.846 ->
0.824, and lower nDCG@10 on both), so search keeps RRF.
``scripts/search_ablations.py --kind actionable`` reproduces every figure.

>>> clauses("Ensure that plans are reviewed, and that children are seen alone.")
['Ensure that plans are reviewed', 'and that children are seen alone']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import numpy as np

Group = tuple[str, int]
Ranked = list[tuple[Group, float]]

RRF_K = 60  # the usual constant; damps the weight of the very top ranks
CLAUSE_ITEMS = 30  # items (best whole-text cosine first) whose clauses are compared
KEYWORD_WEIGHT = 0.2  # standardised BM25 beside the standardised meaning score
CONTEXT_WEIGHT = 0.2  # the item's report: its passage closest to the query, standardised
MIN_CLAUSE_WORDS = 3  # shorter pieces ("Immediately") say nothing on their own

# Where one ask ends and the next begins: sentence ends and semicolons, and a
# comma or "and" before the words that open a further clause in report English.
_CLAUSE_BREAK = re.compile(
    r"(?<=[.;:])\s+"
    r"|,\s+(?=(?:including|and|as\s+well\s+as|particularly|in\s+particular|so\s+that"
    r"|to\s+ensure|which|where|with)\b)"
    r"|\s+as\s+well\s+as\s+|\s+and\s+that\s+|\s+and\s+ensure\s+",
    re.IGNORECASE,
)
# "(paragraph 91)", "(paras 110, 116)": cross-references, not content
_CROSS_REF = re.compile(r"\((?:paras?|paragraphs?)\b[^)]*\)", re.IGNORECASE)


def clauses(text: str) -> list[str]:
    """The clauses of an item's text worth comparing on their own (may be empty).

    >>> clauses("Immediately: review all cases (paras 110, 116).")
    ['review all cases']
    """
    pieces = (p.strip(" ,.;:") for p in _CLAUSE_BREAK.split(_CROSS_REF.sub("", text)))
    return [p for p in pieces if len(p.split()) >= MIN_CLAUSE_WORDS]


def rrf(
    lists: Sequence[Sequence[tuple[Group, float]]],
    k: int = RRF_K,
    weights: Sequence[float] | None = None,
) -> Ranked:
    """Reciprocal rank fusion: sum of weight/(k + rank) over the lists a group is in.

    >>> rrf([[(("b", 1), 9.0), (("b", 2), 8.0)], [(("b", 2), 0.5)]])[0][0]
    ('b', 2)
    """
    weights = [1.0] * len(lists) if weights is None else weights
    score: dict[Group, float] = {}
    for w, ranked in zip(weights, lists):
        for rank, (g, _) in enumerate(ranked, start=1):
            score[g] = score.get(g, 0.0) + w / (k + rank)
    return sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))


def standardise(x: np.ndarray) -> np.ndarray:
    """(x - mean) / std; all zeros when the values do not vary."""
    sd = float(x.std())
    return (x - x.mean()) / sd if sd > 1e-12 else np.zeros_like(x)


def rank_items(
    cosine: Mapping[Group, float],
    keyword: Sequence[tuple[Group, float]],
    texts: Mapping[Group, str],
    qv: np.ndarray,
    embed: Callable[[list[str]], np.ndarray],
    context: Mapping[Group, float] | None = None,
    *,
    keyword_weight: float | None = None,
    clause_items: int | None = None,
    context_weight: float | None = None,
) -> Ranked:
    """Rank candidate items: best of whole text and clauses by meaning, plus keyword evidence.

    *cosine*: every candidate's whole-text cosine with the query vector *qv*
    (candidates found only by keyword included).  *keyword*: the keyword
    ranking with its scores (BM25, higher better); a candidate missing from it
    scores 0.  *texts*: the item texts to split into clauses, for the first
    ``clause_items`` candidates by cosine; *embed* returns unit vectors for
    texts (the store's cache, so each clause is embedded once).  *context*: each
    candidate's report, how close its passage nearest the query is (cosine).
    The weights default to the module's constants (read at call time, so
    scripts/search_ablations.py can vary them).
    """
    keyword_weight = KEYWORD_WEIGHT if keyword_weight is None else keyword_weight
    clause_items = CLAUSE_ITEMS if clause_items is None else clause_items
    context_weight = CONTEXT_WEIGHT if context_weight is None else context_weight
    if not cosine:
        return []
    groups = sorted(cosine, key=lambda g: (-cosine[g], g))
    meaning = np.asarray([cosine[g] for g in groups], dtype=np.float64)
    pieces: list[str] = []
    owner: list[int] = []
    for pos, g in enumerate(groups[:clause_items]):
        for c in clauses(texts.get(g, "")):
            pieces.append(c)
            owner.append(pos)
    if pieces:
        sims = np.asarray(embed(pieces), dtype=np.float32) @ qv
        np.maximum.at(meaning, np.asarray(owner), sims.astype(np.float64))
    kw = dict(keyword)
    bm25 = np.asarray([kw.get(g, 0.0) for g in groups], dtype=np.float64)
    score = standardise(meaning) + keyword_weight * standardise(bm25)
    if context:
        score += context_weight * standardise(np.asarray([context.get(g, 0.0) for g in groups]))
    order = np.lexsort((np.arange(len(groups)), -score))
    return [(groups[int(i)], float(score[int(i)])) for i in order]
