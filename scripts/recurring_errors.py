"""Print every error of "learning raised again despite a completed action" against a gold
set, with both sides' texts and the rule's evidence, for reading the causes.

    .venv/bin/python scripts/recurring_errors.py --db corpus.db \
        --gold evaluation/tracker/corpus_recurring_gold.jsonl [--all]

The store must hold the documents, themes and the gold's tracker (evaluation/tracker/
README.md).  For each missed and each false pair: the action, the items it answered
(file, page, text), the later item (file, page, kind, text) and the candidate's features
(:data:`reviewmine.tracker.despite.FEATURES`); a gold pair no candidate reaches says so.
With ``--all`` the right pairs are printed too.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from reviewmine.config import load_config
from reviewmine.embedding.cache import cached_embed
from reviewmine.embedding.embedders import load_embedder
from reviewmine.evaluation.matching import load_recurring_gold, map_recurring_gold
from reviewmine.store import Store
from reviewmine.tracker.despite import FEATURES, despite_candidates, rule_accepts
from reviewmine.tracker.matching import match_tracker


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(
        " ".join(text.split()), 100, initial_indent=indent, subsequent_indent=indent
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--all", action="store_true", help="print the right pairs too")
    args = ap.parse_args()
    emb = load_embedder(load_config(None).embedder)
    store = Store.open(args.db)
    gold = load_recurring_gold(args.gold)
    tracker = str(gold[0].get("tracker") or "") or None
    links = match_tracker(store, emb, source_file=tracker).links
    docs = store.documents()
    by_doc = {d.id: d for d in docs}
    items = [it for it in store.items() if it.doc_id in by_doc]

    def embed(texts: Sequence[str]) -> np.ndarray:
        return cached_embed(store, emb, list(texts))[0]

    done, cands = despite_candidates(links, items, docs, embed, themes=store.item_themes())
    pairs, unmapped = map_recurring_gold(gold, items, {d.id: d.file_name for d in docs})
    for g in unmapped:
        print(f"UNEXTRACTED {g['action_id']} {g['later_file']}: {g['later_text']}")
    aid = {k: v[0].action.action_id for k, v in done.items()}
    key_of = {v: k for k, v in aid.items()}
    seen: set[tuple[str, str]] = set()
    item_by_id = {it.id: it for it in items}
    rows = []
    for c in cands:
        p = (aid[c.action], c.item.id)
        seen.add(p)
        ok = rule_accepts(c)
        label = {(True, True): "RIGHT", (True, False): "FALSE", (False, True): "MISS"}.get(
            (ok, p in pairs)
        )
        if label and (label != "RIGHT" or args.all):
            rows.append((label, c.action, c.item, c.doc, c.features, sorted(c.words)))
    for a, i in sorted(pairs - seen):
        it = item_by_id[i]
        k = key_of.get(a)
        rows.append(("MISS (no candidate)", k, it, by_doc[it.doc_id], None, []))
    rows.sort(key=lambda r: (r[0], aid.get(r[1], "") if r[1] else "", r[2].id))
    for label, key, it, doc, feats, words in rows:
        print("=" * 100)
        lns = done.get(key, []) if key else []
        name = aid.get(key, "?") if key else "(action not complete or not linked)"
        print(f"{label}  {name}  ->  {doc.file_name} p{it.page} [{it.kind}] {it.id}")
        if lns:
            print(_wrap(lns[0].action.text, "  ACTION: "))
            for ln in lns:
                e = by_doc.get(ln.item.doc_id)
                print(
                    _wrap(
                        ln.item.text, f"  ANSWERED ({e.file_name if e else '?'} p{ln.item.page}): "
                    )
                )
        print(_wrap(it.text, "  LATER: "))
        if feats is not None:
            f = dict(zip(FEATURES, feats, strict=False))
            print("  " + ", ".join(f"{n}={v:.2f}" for n, v in f.items()) + f"  words={words}")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
