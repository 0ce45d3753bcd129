"""Measure extraction on review summaries with a granularity-tolerant match.

Gold files in the summaries format hold, per document, two lists of verbatim
texts, ``recommendations`` and ``findings`` (see shared real/summaries/README).
Running-text summaries do not fix how finely a statement is cut ("a; b; c" may
be one item or three), so the one-to-one token-F1 match of
:mod:`reviewmine.evaluation.extraction` is replaced here by containment:

* ``holds(a, b)``: at least 80% of the words of *b* (a multiset of
  :func:`reviewmine.evaluation.extraction.tokens`) occur in *a*.
* A gold item is **found** when some extracted item of the same group holds it.
  Recall = found gold items / all gold items.
* An extracted item is **correct** when it holds some gold item of its group or
  is held by one (a fragment of a gold sentence).  Precision = correct extracted
  items / all extracted items.
* Groups: ``recommendations`` (extracted kinds recommendation, action,
  next_step, priority_action) and ``findings`` (every other kind).  With
  ``kind_aware=False`` the groups are merged.

Containment forgives granularity in both directions, so it also forgives an
item that swallows a whole page: the strict one-to-one token-F1 figures are
reported beside it (``strict``) to keep that visible.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import GoldError
from ..types import Item
from .scoring import PRF, Match, Scores, match_items, tokens

HOLD = 0.8
GROUPS = ("recommendations", "findings")
_REC_KINDS = frozenset({"recommendation", "action", "next_step", "priority_action"})


def group_of(kind: str) -> str:
    """The gold list an extracted item of *kind* is compared with."""
    return "recommendations" if kind in _REC_KINDS else "findings"


def holds(container: str, held: str, threshold: float = HOLD) -> bool:
    """True when *container* has at least *threshold* of the words of *held*."""
    need = Counter(tokens(held))
    n = sum(need.values())
    if not n:
        return False
    have = Counter(tokens(container))
    return sum((need & have).values()) / n >= threshold


@dataclass
class TolerantScores(PRF):
    """Recall counts gold items, precision counts extracted items (they differ here)."""

    tp: int = 0  # gold items found
    fn: int = 0  # gold items not found
    fp: int = 0  # extracted items that hold no gold item and are held by none
    tp_pred: int = 0  # extracted items that are correct

    @property
    def precision(self) -> float:
        n = self.tp_pred + self.fp
        return self.tp_pred / n if n else 1.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "gold_found": self.tp,
            "gold_missed": self.fn,
            "extracted_correct": self.tp_pred,
            "extracted_wrong": self.fp,
        }


@dataclass
class SummaryEval:
    overall: TolerantScores = field(default_factory=TolerantScores)
    by_group: dict[str, TolerantScores] = field(default_factory=lambda: defaultdict(TolerantScores))
    by_type: dict[str, TolerantScores] = field(default_factory=lambda: defaultdict(TolerantScores))
    strict: Scores = field(default_factory=Scores)  # one-to-one token-F1 >= 0.8, for comparison
    misses: list[Match] = field(default_factory=list)
    false_positives: list[Match] = field(default_factory=list)
    failed_files: list[str] = field(default_factory=list)
    kind_aware: bool = True

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def f1(self) -> float:
        return self.overall.f1

    def as_dict(self) -> dict[str, Any]:  # JSON-shaped: nested dicts of numbers
        return {
            "overall": self.overall.as_dict(),
            "by_group": {k: v.as_dict() for k, v in sorted(self.by_group.items())},
            "by_type": {k: v.as_dict() for k, v in sorted(self.by_type.items())},
            "strict": {
                "precision": round(self.strict.precision, 4),
                "recall": round(self.strict.recall, 4),
                "f1": round(self.strict.f1, 4),
            },
            "kind_aware": self.kind_aware,
            "misses": [m.__dict__ for m in self.misses],
            "false_positives": [m.__dict__ for m in self.false_positives],
            "failed_files": self.failed_files,
        }


def load_summary_gold(path: Path) -> list[dict[str, Any]]:  # JSON rows, checked below
    """Rows of a summaries-format gold file (``file``, ``recommendations``, ``findings``).

    A row in the corpus format (``items`` with a ``kind`` each) is converted: its items go
    to the list of their kind's group (see :func:`group_of`).
    """
    try:
        rows = [
            json.loads(line)
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"cannot read the gold file ({exc})", path=path) from exc
    for n, row in enumerate(rows, 1):
        if (
            "file" in row
            and isinstance(row.get("items"), list)
            and not any(g in row for g in GROUPS)
        ):
            for g in GROUPS:
                row[g] = [
                    str(it["text"]) for it in row["items"] if group_of(str(it.get("kind"))) == g
                ]
        if "file" not in row or not all(isinstance(row.get(g), list) for g in GROUPS):
            raise GoldError(
                f"line {n} has no 'file', 'recommendations' or 'findings' list", path=path
            )
    return rows


def is_summary_gold(path: Path) -> bool:
    """True when *path*'s first record is in the summaries format (not ``items``)."""
    try:
        with path.open(encoding="utf-8") as fh:
            first = next((line for line in fh if line.strip()), "")
        row = json.loads(first) if first else {}
    except (OSError, json.JSONDecodeError):
        return False
    return (
        isinstance(row, dict)
        and "items" not in row
        and all(isinstance(row.get(g), list) for g in GROUPS)
    )


def score_document(
    gold: Mapping[str, Sequence[str]],
    pred: Sequence[Item],
    file: str = "",
    *,
    kind_aware: bool = True,
) -> tuple[TolerantScores, list[Match], list[Match]]:
    """Tolerant scores of one document's items against its gold lists, with misses and false positives."""

    def grp(g: str) -> str:
        return g if kind_aware else "all"

    sc = TolerantScores()
    misses: list[Match] = []
    fps: list[Match] = []
    for g in GROUPS:
        for text in gold.get(g, ()):
            if any(grp(group_of(p.kind)) == grp(g) and holds(p.text, text) for p in pred):
                sc.tp += 1
            else:
                sc.fn += 1
                misses.append(Match(file, text, None, 0.0, None, None, g, None))
    for p in pred:
        pg = grp(group_of(p.kind))
        ok = any(
            grp(g) == pg and (holds(p.text, text) or holds(text, p.text))
            for g in GROUPS
            for text in gold.get(g, ())
        )
        if ok:
            sc.tp_pred += 1
        else:
            sc.fp += 1
            fps.append(Match(file, "", p.text, 0.0, None, p.page, None, p.kind))
    return sc, misses, fps


def evaluate_summaries(
    gold_path: Path,
    docs_dir: Path | None = None,
    *,
    kind_aware: bool = True,
    extractor: Callable[[Path], tuple[str, list[Item]]] | None = None,
    files: Sequence[str] | None = None,
) -> SummaryEval:
    """Parse every document of a summaries-format gold file and score its items tolerantly.

    *docs_dir* defaults to the gold file's folder.  *extractor* maps a file to
    (doc_type, items); by default the real pipeline.  *files* limits the
    evaluation to those gold rows (by ``file``).  The corpus gold format
    (``items``) is accepted too.  Every extracted kind is
    scored: summaries are read for recommendations and findings only, so any
    other item is a false positive unless it matches gold text.

    >>> ev = evaluate_summaries(Path("gold.jsonl"))  # doctest: +SKIP
    >>> ev.precision, ev.recall, ev.f1  # doctest: +SKIP
    """
    rows = load_summary_gold(gold_path)
    if files is not None:
        rows = [r for r in rows if r["file"] in set(files)]
    folder = docs_dir or gold_path.parent
    if extractor is None:
        from ..ingest import parse_file

        def extractor(p: Path) -> tuple[str, list[Item]]:
            doc, items = parse_file(p)
            return doc.doc_type, items

    ev = SummaryEval(kind_aware=kind_aware)
    for row in rows:
        file = str(row["file"])
        try:
            _, pred = extractor(folder / file)
        except Exception as exc:  # noqa: BLE001  (any failure: the document counts as all misses)
            ev.failed_files.append(f"{file}: {exc}")
            pred = []
        gold = {g: [str(t) for t in row[g]] for g in GROUPS}
        sc, miss, fp = score_document(gold, pred, file, kind_aware=kind_aware)
        ev.misses += miss
        ev.false_positives += fp
        gold_type = str(row.get("doc_type") or "other")
        for t in (ev.overall, ev.by_type[gold_type]):
            t.tp += sc.tp
            t.fn += sc.fn
            t.fp += sc.fp
            t.tp_pred += sc.tp_pred
        for g in GROUPS:
            gsc, _, _ = score_document(
                {g: gold[g]}, [p for p in pred if group_of(p.kind) == g], file
            )
            t = ev.by_group[g]
            t.tp += gsc.tp
            t.fn += gsc.fn
            t.fp += gsc.fp
            t.tp_pred += gsc.tp_pred
        flat = [{"text": t, "kind": g} for g in GROUPS for t in gold[g]]
        m, smiss, sfp = match_items(flat, pred, file)
        ev.strict.tp += len(m)
        ev.strict.fn += len(smiss)
        ev.strict.fp += len(sfp)
    return ev
