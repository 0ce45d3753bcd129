"""Score document metadata (type, date, area, title) against gold records.

    .venv/bin/python scripts/score_metadata.py [-v]
    .venv/bin/python scripts/score_metadata.py --gold PATH/gold.jsonl [--docs DIR] [-v]

DEVELOPMENT FIGURES: by default it reads the independently written sets
evaluation/extraction/unseen{,2..9}/gold.jsonl, on which the metadata rules have been
developed (sets 1-3 since they were written, sets 4-9 since this script was written),
so its figures are development figures, not estimates for a new document.  It never
reads a set beyond these by default; a set kept as an untouched test set is scored only
when named with --gold (and its first score is then the only unseen figure).

Each document is parsed as ``reviewmine eval extraction`` parses it
(:func:`reviewmine.ingest.parse_file`, readers -> structure -> metadata) and compared
with its gold record:

* type: ``doc_type`` equal;
* date: ``date`` equal; a gold date printed without a day or month ("2025-11",
  "2026") matches any date it is a prefix of (the tool dates "November 2025" 2025-11-01);
* area: the canonical area equal to the gold ``local_authority`` (None = no area, as
  for a national review);
* title: equal after folding case, quotes, dashes and spaces ("title"), and token F1
  >= 0.8 ("title~").

-v lists every mismatch (file, field, gold, found).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = ["unseen", *(f"unseen{n}" for n in range(2, 10))]  # sets 1-9 only
FIELDS = ("type", "date", "area", "title", "title~")


def default_golds() -> list[Path]:
    base = ROOT / "evaluation" / "extraction"
    return [p for s in SETS if (p := base / s / "gold.jsonl").is_file()]


def _fold(text: str | None) -> str:
    text = (text or "").lower()
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"'`]", "'", text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return re.sub(r"\s+", " ", text).strip(" .")


def _tokens(text: str | None) -> list[str]:
    return re.findall(r"[a-z0-9]+", _fold(text))


def token_f1(a: str | None, b: str | None) -> float:
    ta, tb = Counter(_tokens(a)), Counter(_tokens(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(tb.values()), common / sum(ta.values())
    return 2 * p * r / (p + r)


def date_ok(gold: str | None, found: str | None) -> bool:
    if not gold:
        return not found
    if len(gold) < 10:  # "2025-11", "2026": printed without a day
        return bool(found) and found.startswith(gold)
    return gold == found


def compare(row: dict, doc) -> dict[str, tuple[bool, object, object]]:
    """field -> (right, gold, found) for one document."""
    return {
        "type": (doc.doc_type == row.get("doc_type"), row.get("doc_type"), doc.doc_type),
        "date": (date_ok(row.get("date"), doc.date), row.get("date"), doc.date),
        "area": (doc.area == row.get("local_authority"), row.get("local_authority"), doc.area),
        "title": (_fold(doc.title) == _fold(row.get("title")), row.get("title"), doc.title),
        "title~": (token_f1(row.get("title"), doc.title) >= 0.8, row.get("title"), doc.title),
    }


def score_set(gold: Path, docs: Path | None = None) -> list[tuple[str, dict]]:
    from reviewmine.ingest import parse_file

    folder = docs or gold.parent
    out = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        try:
            doc, _ = parse_file(folder / row["file"])
        except Exception as exc:  # noqa: BLE001 a document that fails is wrong on every field
            res = {f: (False, row.get(f), f"failed: {exc}") for f in FIELDS}
        else:
            res = compare(row, doc)
        out.append((row["file"], res))
    return out


def _line(name: str, results: list[tuple[str, dict]]) -> str:
    n = len(results)
    cells = [f"{f} {sum(r[f][0] for _, r in results):>2}/{n}" for f in FIELDS]
    return f"{name:<12} " + "  ".join(cells)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, help="one gold.jsonl (default: sets 1-9)")
    ap.add_argument("--docs", type=Path, help="its documents' folder (default: the gold's)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every mismatch")
    args = ap.parse_args(argv)
    golds = [args.gold] if args.gold else default_golds()
    everything: list[tuple[str, dict]] = []
    for gold in golds:
        results = score_set(gold, args.docs if args.gold else None)
        everything += results
        print(_line(gold.parent.name, results))
        if args.verbose:
            for file, res in results:
                for f in FIELDS[:-1]:  # title~ repeats title's values
                    ok, want, got = res[f]
                    if not ok:
                        print(f"    {file}  {f}: gold {want!r}  found {got!r}")
    if len(golds) > 1:
        print(_line("overall", everything))
    return 0


if __name__ == "__main__":
    sys.exit(main())
