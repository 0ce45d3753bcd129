"""Measure extraction against gold annotations (the format of shared gold.jsonl).

An extracted item matches a gold item when their normalised token-level F1 is
at least 0.8, one-to-one (best pairs first); precision, recall and F1 are
reported overall and per document type, with every miss and false positive.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GoldError
from .types import Item

MATCH_F1 = 0.8


def tokens(text: str) -> list[str]:
    """Lower-case letters-and-digits tokens after Unicode normalisation."""
    t = unicodedata.normalize("NFKC", text).lower()
    t = t.replace("’", "'").replace("‘", "'")
    return re.findall(r"[a-z0-9]+", t)


def token_f1(a: str, b: str) -> float:
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def load_gold(path: Path) -> list[dict[str, object]]:
    try:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"cannot read the gold file ({exc})", path=path) from exc
    for n, row in enumerate(rows, 1):
        if "file" not in row or "items" not in row:
            raise GoldError(f"line {n} has no 'file' or 'items'", path=path)
    return rows


@dataclass(frozen=True)
class Match:
    file: str
    gold_text: str
    pred_text: str | None
    f1: float
    gold_page: int | None
    pred_page: int | None
    gold_kind: str | None
    pred_kind: str | None


class PRF:
    """Precision, recall and F1 from ``tp``, ``fp`` and ``fn`` (shared by every evaluation)."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores(PRF):
    tp: int = 0
    fp: int = 0
    fn: int = 0


@dataclass
class ExtractionEval:
    overall: Scores = field(default_factory=Scores)
    by_type: dict[str, Scores] = field(default_factory=lambda: defaultdict(Scores))
    matches: list[Match] = field(default_factory=list)
    misses: list[Match] = field(default_factory=list)
    false_positives: list[Match] = field(default_factory=list)
    page_agree: int = 0
    kind_agree: int = 0
    kinds: tuple[str, ...] = ()
    failed_files: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        def s(x: Scores) -> dict[str, float | int]:
            return {"precision": round(x.precision, 4), "recall": round(x.recall, 4),
                    "f1": round(x.f1, 4), "tp": x.tp, "fp": x.fp, "fn": x.fn}
        n = len(self.matches)
        return {
            "overall": s(self.overall),
            "by_type": {k: s(v) for k, v in sorted(self.by_type.items())},
            "matched_page_equal": round(self.page_agree / n, 4) if n else None,
            "matched_kind_equal": round(self.kind_agree / n, 4) if n else None,
            "kinds": list(self.kinds),
            "misses": [m.__dict__ for m in self.misses],
            "false_positives": [m.__dict__ for m in self.false_positives],
            "failed_files": self.failed_files,
        }


def match_items(gold: Sequence[dict[str, object]], pred: Sequence[Item], file: str) -> tuple[
        list[Match], list[Match], list[Match]]:
    """One-to-one matching, best F1 pairs first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            f = token_f1(str(g["text"]), p.text)
            if f >= MATCH_F1:
                pairs.append((f, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    matches: list[Match] = []
    for f, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g, p = gold[gi], pred[pi]
        matches.append(Match(file, str(g["text"]), p.text, round(f, 3), g.get("page"), p.page,  # type: ignore[arg-type]
                             g.get("kind"), p.kind))  # type: ignore[arg-type]
    misses = [Match(file, str(g["text"]), None, 0.0, g.get("page"), None, g.get("kind"), None)  # type: ignore[arg-type]
              for gi, g in enumerate(gold) if gi not in used_g]
    fps = [Match(file, "", p.text, 0.0, None, p.page, None, p.kind)
           for pi, p in enumerate(pred) if pi not in used_p]
    return matches, misses, fps


def evaluate_extraction(
    gold_path: Path,
    docs_dir: Path | None = None,
    *,
    kinds: Sequence[str] | None = None,
    extractor: Callable[[Path], tuple[str, list[Item]]] | None = None,
) -> ExtractionEval:
    """Parse every gold document and score its items.

    *extractor* maps a file to (doc_type, items); by default the real pipeline.
    Only items of *kinds* count (default: the kinds present in the gold file).
    """
    rows = load_gold(gold_path)
    folder = docs_dir or gold_path.parent
    if kinds is None:
        kinds = sorted({str(it["kind"]) for r in rows for it in r["items"]})  # type: ignore[attr-defined]
    wanted = set(kinds)
    if extractor is None:
        from .ingest import parse_file

        def extractor(p: Path) -> tuple[str, list[Item]]:
            doc, items = parse_file(p)
            return doc.doc_type, items

    ev = ExtractionEval(kinds=tuple(kinds))
    for row in rows:
        file = str(row["file"])
        gold_items = [g for g in row["items"] if g.get("kind") in wanted]  # type: ignore[attr-defined]
        gold_type = str(row.get("doc_type") or ("ofsted_inspection" if row.get("framework") else "other"))
        try:
            _, pred = extractor(folder / file)
        except Exception as exc:  # a failed document counts as all misses
            ev.failed_files.append(f"{file}: {exc}")
            pred = []
        pred = [p for p in pred if p.kind in wanted]
        m, miss, fp = match_items(gold_items, pred, file)
        ev.matches += m
        ev.misses += miss
        ev.false_positives += fp
        for sc in (ev.overall, ev.by_type[gold_type]):
            sc.tp += len(m)
            sc.fn += len(miss)
            sc.fp += len(fp)
        ev.page_agree += sum(1 for x in m if x.gold_page == x.pred_page)
        ev.kind_agree += sum(1 for x in m if x.gold_kind == x.pred_kind)
    return ev
