"""Measure structural variants of "learning raised again despite a completed action" on
both gold sets (in sample, the rule's shipped settings).

    .venv/bin/python scripts/recurring_structure.py --corpus-db corpus.db --ofsted-db ofsted.db

Each store must hold its documents, themes and tracker (evaluation/tracker/README.md).
Variants (each a change of what the rule compares, not of its settings):

* ``finding behind``: each recommendation a completed action answers brings the finding
  of the same document it answers (the mutual best match by meaning among the document's
  findings and learning points, cosine >= 0.5) into the action's earlier texts, so a later
  item restating the failure (a finding) meets the earlier finding;
* ``best over same-case actions too``: the later item's best action (for the margin and
  "a subject of its own") is taken over every completed action, also those for which the
  item is excluded as being about the same case (a full review retelling a rapid review's
  case is better explained by that case's actions);
* ``best over theme-sharing actions only``: the later item's best action is taken only
  over the actions whose items share a theme with it (those the rule could accept);
* ``with the missing second link``: the rule given the gold's second link of corpus
  action L-3 (LCSPR Finding 3), which the matcher does not make, to measure what that
  link costs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from reviewmine.config import load_config
from reviewmine.embedding.cache import cached_embed
from reviewmine.embedding.embedders import load_embedder
from reviewmine.evaluation.matching import load_recurring_gold, map_recurring_gold
from reviewmine.store import Store
from reviewmine.tracker.despite import (
    DEFAULT_DESPITE,
    FEATURES,
    Candidate,
    despite_candidates,
    rule_accepts,
)
from reviewmine.tracker.matching import match_tracker
from reviewmine.tracker.refs import Link, item_ref
from reviewmine.tracker.text import clean_item_text
from reviewmine.types import ACTIONABLE_KINDS

ROOT = Path(__file__).resolve().parents[1]
GOLD = {
    "corpus": ROOT / "evaluation" / "tracker" / "corpus_recurring_gold.jsonl",
    "ofsted": ROOT / "evaluation" / "tracker" / "ofsted_recurring_gold.jsonl",
}
F = {n: i for i, n in enumerate(FEATURES)}
FINDING_KINDS = ("finding", "learning_point")


def findings_behind(items: Sequence, embed: Callable, min_cos: float = 0.5) -> dict[str, object]:
    """{recommendation id: the finding of its document it answers} by mutual best meaning."""
    per_doc: dict[str, list] = {}
    for it in items:
        per_doc.setdefault(it.doc_id, []).append(it)
    out: dict[str, object] = {}
    for its in per_doc.values():
        recs = [i for i in its if i.kind in ACTIONABLE_KINDS]
        fins = [i for i in its if i.kind in FINDING_KINDS]
        if not recs or not fins:
            continue
        a = embed([clean_item_text(i.text) for i in recs])
        b = embed([clean_item_text(i.text) for i in fins])
        sims = a @ b.T
        for r in range(len(recs)):
            f = int(sims[r].argmax())
            if int(sims[:, f].argmax()) == r and sims[r, f] >= min_cos:
                out[recs[r].id] = fins[f]
    return out


def accepted(cands: Sequence[Candidate], best: dict[str, tuple[float, frozenset]] | None):
    """The rule's accepted pairs; with *best*, the margin and own subject taken against it."""
    out = []
    for c in cands:
        if best is None:
            ok = rule_accepts(c)
        else:
            f = dict(zip(FEATURES, c.features, strict=False))
            s = f["rule_score"]
            top, words = best.get(c.item.id, (s, frozenset()))
            own = bool(c.words - words) and s >= (
                DEFAULT_DESPITE.threshold + DEFAULT_DESPITE.own_subject_extra
            )
            ok = (
                s >= DEFAULT_DESPITE.threshold
                and f["theme_agree"] > 0
                and (s - top >= -DEFAULT_DESPITE.item_margin or own)
            )
        if ok:
            out.append(c)
    return out


def best_of(cands: Sequence[Candidate], themed_only: bool) -> dict[str, tuple[float, frozenset]]:
    best: dict[str, tuple[float, frozenset]] = {}
    for c in cands:
        f = dict(zip(FEATURES, c.features, strict=False))
        if themed_only and f["theme_agree"] == 0:
            continue
        if c.item.id not in best or f["rule_score"] > best[c.item.id][0]:
            best[c.item.id] = (f["rule_score"], c.words)
    return best


def run(name: str, db: Path) -> None:
    emb = load_embedder(load_config(None).embedder)
    store = Store.open(db)
    gold = load_recurring_gold(GOLD[name])
    tracker = str(gold[0].get("tracker") or "") or None
    links: list[Link] = list(match_tracker(store, emb, source_file=tracker).links)
    docs = store.documents()
    by_doc = {d.id: d for d in docs}
    items = [it for it in store.items() if it.doc_id in by_doc]
    themes = store.item_themes()

    def embed(texts: Sequence[str]) -> np.ndarray:
        v = np.asarray(cached_embed(store, emb, list(texts))[0], dtype=np.float64)
        return v / np.linalg.norm(v, axis=1, keepdims=True).clip(1e-12)

    pairs, _ = map_recurring_gold(gold, items, {d.id: d.file_name for d in docs})

    shipped: set[tuple[str, str]] = set()

    def score(label: str, lns: Sequence[Link], the_docs=docs, best_from=None, themed=False):
        done, cands = despite_candidates(lns, items, the_docs, embed, themes=themes)
        best = None
        if best_from is not None:
            _, wide = despite_candidates(lns, items, best_from, embed, themes=themes)
            best = best_of(wide, themed)
        elif themed:
            best = best_of(cands, True)
        aid = {k: v[0].action.action_id for k, v in done.items()}
        pred = {(aid[c.action], c.item.id) for c in accepted(cands, best)}
        tp, fp = len(pred & pairs), len(pred - pairs)
        p = tp / (tp + fp) if tp + fp else 0.0
        print(f"{name:<7} {label:<40} P {p:.3f}  R {tp / len(gold):.3f}  (tp {tp}, fp {fp})")
        text = {it.id: it.text for it in items}
        if shipped:
            for a, i in sorted(pred - shipped):
                print(f"          + {'right' if (a, i) in pairs else 'false'} {a}: {text[i][:70]}")
            for a, i in sorted(shipped - pred):
                print(f"          - {'right' if (a, i) in pairs else 'false'} {a}: {text[i][:70]}")
        return pred

    shipped = score("shipped rule", links)
    behind = findings_behind(items, embed)
    extra = [
        replace(ln, item=item_ref(f, by_doc[f.doc_id]))  # type: ignore[attr-defined]
        for ln in links
        if (f := behind.get(ln.item.item_id)) is not None
    ]
    score("finding behind", links + extra)
    no_case = [replace(d, pseudonym=None) for d in docs]
    score("best over same-case actions too", links, best_from=no_case)
    score("best over theme-sharing actions only", links, themed=True)
    if name == "corpus":
        f3 = next((i for i in items if i.text.startswith("Professionals did not engage")), None)
        l3 = next((ln for ln in links if ln.action.action_id == "L-3"), None)
        if f3 is not None and l3 is not None:
            more = [replace(l3, item=item_ref(f3, by_doc[f3.doc_id]))]
            score("with the missing second link (L-3)", links + more)
    store.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus-db", type=Path, required=True)
    ap.add_argument("--ofsted-db", type=Path, required=True)
    args = ap.parse_args()
    run("corpus", args.corpus_db)
    run("ofsted", args.ofsted_db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
