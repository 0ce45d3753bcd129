"""Measure extraction against gold annotations (the format of shared gold.jsonl).

An extracted item matches a gold item when their normalised token-level F1 is
at least 0.8, one-to-one (best pairs first); precision, recall and F1 are
reported overall, per document type and per document family, with every miss
and false positive.  Precision counts every extracted item of a scored kind
(by default every kind but ``good_practice``), whether or not the gold has
items of that kind: a signature line extracted as an ``action`` is a false
positive.  :func:`evaluate_by_family` scores several gold files at once and
hands gold files in the summaries format to :mod:`reviewmine.evaluation.summaries`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..artefacts import SOURCE_ROOT
from ..errors import GoldError
from ..types import ITEM_KINDS, Item
from .scoring import Match, Scores, match_items
from .summaries import SummaryEval, evaluate_summaries

# Every kind that asks for a change or states learning; strengths are not scored.
SCORED_KINDS = tuple(k for k in ITEM_KINDS if k != "good_practice")
# Document families, in report order.  A document's family comes from its gold record.
FAMILIES = (
    "ilacs_sif",
    "focused_visit",
    "jtai",
    "area_send",
    "corpus",
    "summaries",
    "independent",
)
_FAMILY_OF_TYPE = {
    "ofsted_inspection": "ilacs_sif",
    "focused_visit": "focused_visit",
    "jtai_letter": "jtai",
    "area_send": "area_send",
}
_FAMILY_OF_PREFIX = {"focused-visit_": "focused_visit", "jtai_": "jtai", "area-send_": "area_send"}
Extractor = Callable[[Path], tuple[str, list[Item]]]


def load_gold(path: Path) -> list[dict[str, Any]]:  # JSON rows, checked below
    try:
        rows = [
            json.loads(line)
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"cannot read the gold file ({exc})", path=path) from exc
    for n, row in enumerate(rows, 1):
        if "file" not in row or "items" not in row:
            raise GoldError(f"line {n} has no 'file' or 'items'", path=path)
    return rows


@dataclass
class FamilyScores(Scores):
    """Scores of one document family, with how often matched items have the gold page and kind."""

    documents: int = 0
    page_agree: int = 0
    kind_agree: int = 0
    method: str = "one-to-one token F1 >= 0.8"
    # granularity-tolerant scores count correct extracted items apart from gold items found
    tp_pred: int | None = None

    @property
    def precision(self) -> float:
        if self.tp_pred is None:
            return super().precision
        return self.tp_pred / (self.tp_pred + self.fp) if self.tp_pred + self.fp else 1.0

    @property
    def pages_right(self) -> float | None:
        """Share of matched items on the gold page (None where pages are not compared)."""
        return self.page_agree / self.tp if self.tp and self.tp_pred is None else None

    def as_dict(self) -> dict[str, object]:
        # pages_right is None where pages are not compared (summaries)
        return {
            "documents": self.documents,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "pages_right": None if self.pages_right is None else round(self.pages_right, 4),
            "kind_right": round(self.kind_agree / self.tp, 4)
            if self.tp and self.tp_pred is None
            else None,
            "method": self.method,
        }


def family_of(row: dict[str, object], file: str | None = None) -> str:
    """The family of a gold record: from its fields, never from what the extractor decides.

    >>> family_of({"file": "jtai_bradford_2017-04-21.pdf", "doc_kind": "jtai_letter"})
    'jtai'
    >>> family_of({"file": "x.pdf", "framework": "ILACS"})
    'ilacs_sif'
    >>> family_of({"file": "/abs/page.md", "doc_type": "dhr", "family": "independent"})
    'independent'
    """
    if row.get("family"):  # set by whoever assembles the gold, e.g. independently written pages
        return str(row["family"])
    if row.get("fictional"):
        return "corpus"
    if "items" not in row and isinstance(row.get("findings"), list):
        return "summaries"
    kind = str(row.get("doc_kind") or row.get("doc_type") or "")
    if kind in _FAMILY_OF_TYPE:
        return _FAMILY_OF_TYPE[kind]
    if row.get("framework"):
        return "ilacs_sif"
    name = str(file or row.get("file") or "")
    for prefix, fam in _FAMILY_OF_PREFIX.items():
        if name.startswith(prefix):
            return fam
    return kind or "other"


@dataclass
class ExtractionEval:
    overall: Scores = field(default_factory=Scores)
    by_type: dict[str, Scores] = field(default_factory=lambda: defaultdict(Scores))
    by_family: dict[str, FamilyScores] = field(default_factory=lambda: defaultdict(FamilyScores))
    matches: list[Match] = field(default_factory=list)
    misses: list[Match] = field(default_factory=list)
    false_positives: list[Match] = field(default_factory=list)
    page_agree: int = 0
    kind_agree: int = 0
    kinds: tuple[str, ...] = ()
    failed_files: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:  # JSON-shaped: nested dicts of numbers
        def s(x: Scores) -> dict[str, float | int]:
            return {
                "precision": round(x.precision, 4),
                "recall": round(x.recall, 4),
                "f1": round(x.f1, 4),
                "tp": x.tp,
                "fp": x.fp,
                "fn": x.fn,
            }

        n = len(self.matches)
        return {
            "overall": s(self.overall),
            "by_type": {k: s(v) for k, v in sorted(self.by_type.items())},
            "by_family": {k: v.as_dict() for k, v in _in_family_order(self.by_family)},
            "matched_page_equal": round(self.page_agree / n, 4) if n else None,
            "matched_kind_equal": round(self.kind_agree / n, 4) if n else None,
            "kinds": list(self.kinds),
            "misses": [m.__dict__ for m in self.misses],
            "false_positives": [m.__dict__ for m in self.false_positives],
            "failed_files": self.failed_files,
        }


def _in_family_order(d: dict[str, FamilyScores]) -> list[tuple[str, FamilyScores]]:
    return sorted(
        d.items(),
        key=lambda kv: (FAMILIES.index(kv[0]) if kv[0] in FAMILIES else len(FAMILIES), kv[0]),
    )


def default_extractor() -> Extractor:
    """The real pipeline: a file to (doc_type, items)."""
    from ..ingest import parse_file

    def extractor(p: Path) -> tuple[str, list[Item]]:
        doc, items = parse_file(p)
        return doc.doc_type, items

    return extractor


def evaluate_extraction(
    gold_path: Path,
    docs_dir: Path | None = None,
    *,
    kinds: Sequence[str] | None = None,
    extractor: Extractor | None = None,
    ev: ExtractionEval | None = None,
) -> ExtractionEval:
    """Parse every gold document and score its items.

    *extractor* maps a file to (doc_type, items); by default the real pipeline.
    Only items of *kinds* count, gold and extracted alike (default
    :data:`SCORED_KINDS`: every kind but strengths, so an extracted item of a
    kind the gold never uses is still a false positive).  Pass *ev* to add
    the scores to an earlier result (several gold files, one report).

    >>> ev = evaluate_extraction(Path("gold.jsonl"))  # doctest: +SKIP
    >>> ev.by_family["jtai"].precision  # doctest: +SKIP
    """
    rows = load_gold(gold_path)
    folder = docs_dir or gold_path.parent
    wanted = set(kinds or SCORED_KINDS)
    extractor = extractor or default_extractor()
    if ev is None:
        ev = ExtractionEval(kinds=tuple(kinds or SCORED_KINDS))
    for row in rows:
        file = str(row["file"])
        family = family_of(row, file)
        gold_items = [g for g in row["items"] if g.get("kind") in wanted]
        gold_type = str(
            row.get("doc_type")
            or row.get("doc_kind")
            or ("ofsted_inspection" if row.get("framework") else "other")
        )
        try:
            _, pred = extractor(folder / file)
        except Exception as exc:  # noqa: BLE001 a failed document counts as all misses
            ev.failed_files.append(f"{file}: {exc}")
            pred = []
        pred = [p for p in pred if p.kind in wanted]
        m, miss, fp = match_items(gold_items, pred, file, family)
        ev.matches += m
        ev.misses += miss
        ev.false_positives += fp
        fam = ev.by_family[family]
        fam.documents += 1
        for sc in (ev.overall, ev.by_type[gold_type], fam):
            sc.tp += len(m)
            sc.fn += len(miss)
            sc.fp += len(fp)
        pages = sum(1 for x in m if x.gold_page == x.pred_page)
        kinds_ok = sum(1 for x in m if x.gold_kind == x.pred_kind)
        ev.page_agree += pages
        ev.kind_agree += kinds_ok
        fam.page_agree += pages
        fam.kind_agree += kinds_ok
    return ev


def development_golds() -> list[Path]:
    """The gold files of the development set, where a source checkout has them."""
    root = SOURCE_ROOT
    real = root.parent / "shared" / "real"
    paths = [
        real / "ofsted" / "gold.jsonl",
        real / "letters" / "gold.jsonl",
        root / "corpus" / "gold.jsonl",
        real / "summaries" / "gold.jsonl",
    ]
    return [p for p in paths if p.is_file()]


@dataclass
class FamilyReport:
    """Per-family scores over several gold files (item-format and summaries-format)."""

    items: ExtractionEval
    summaries: list[SummaryEval] = field(default_factory=list)  # one per summaries gold file
    summary_documents: int = 0

    @property
    def by_family(self) -> dict[str, FamilyScores]:
        out = dict(self.items.by_family)
        for sev in self.summaries:
            fam = out.setdefault(
                "summaries",
                FamilyScores(method="granularity-tolerant (>= 80% of words held)", tp_pred=0),
            )
            o = sev.overall
            fam.tp_pred = (fam.tp_pred or 0) + o.tp_pred
            fam.tp += o.tp
            fam.fn += o.fn
            fam.fp += o.fp
        if self.summaries:
            out["summaries"].documents = self.summary_documents
        return dict(_in_family_order(out))

    def as_dict(self) -> dict[str, object]:
        return {
            "by_family": {k: v.as_dict() for k, v in self.by_family.items()},
            "items": self.items.as_dict(),
            "summaries": [s.as_dict() for s in self.summaries],
        }


def evaluate_by_family(
    gold_paths: Sequence[Path],
    docs_dir: Path | None = None,
    *,
    kinds: Sequence[str] | None = None,
    extractor: Extractor | None = None,
) -> FamilyReport:
    """Score extraction on several gold files, per document family.

    Item-format gold files are scored one-to-one (token F1 >= 0.8); gold files in
    the summaries format (``recommendations`` / ``findings`` lists) are scored by
    :func:`reviewmine.evaluation.summaries.evaluate_summaries`, granularity-tolerant.
    *docs_dir* defaults to each gold file's folder.  *extractor* is shared, so a
    caching extractor parses each file once.

    >>> report = evaluate_by_family(development_golds())  # doctest: +SKIP
    >>> report.by_family["area_send"].recall  # doctest: +SKIP
    """
    extractor = extractor or default_extractor()
    report = FamilyReport(ExtractionEval(kinds=tuple(kinds or SCORED_KINDS)))
    for path in gold_paths:
        if is_summary_format(path):
            report.summaries.append(evaluate_summaries(path, docs_dir, extractor=extractor))
            report.summary_documents += sum(
                1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
            )
        else:
            evaluate_extraction(path, docs_dir, kinds=kinds, extractor=extractor, ev=report.items)
    return report


def is_summary_format(path: Path) -> bool:
    """True when a gold file's first record has ``recommendations`` / ``findings`` lists, not ``items``."""
    try:
        with path.open(encoding="utf-8") as fh:
            first = next((line for line in fh if line.strip()), "")
        row = json.loads(first) if first else {}
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"cannot read the gold file ({exc})", path=path) from exc
    return isinstance(row, dict) and "items" not in row and isinstance(row.get("findings"), list)
