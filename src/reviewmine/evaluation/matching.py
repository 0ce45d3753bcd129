"""Measure tracker links against gold links (``reviewmine eval match``).

Gold is JSON Lines, one line per (action, item) link::

    {"action_id": "D-1a", "file": "eastmere_scr_child-d_2017.pdf", "item_n": 7,
     "item_number": "Recommendation 1", "item_text": "The LSCB should ..."}

A line whose ``file`` is null says the action answers no item.  Gold items are
mapped to the extracted items of the same file by token F1 >= 0.8 (as for
extraction), so a gold link whose item the extractor missed counts as missed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import GoldError, TrackerError
from ..tracker.importer import load_actions
from ..tracker.matching import DEFAULT_PARAMS, Link, MatchParams, match_tracker
from ..tracker.overrides import Override
from ..types import Document, Item
from .scoring import PRF

if TYPE_CHECKING:
    from ..embedding.embedders import Embedder
    from ..store import Store


@dataclass(frozen=True)
class LinkEval(PRF):
    tracker: str
    tp: int
    fp: int
    fn: int
    gold_links: int
    unmapped_gold: tuple[dict[str, Any], ...]  # gold items not found among extracted items
    false_links: tuple[dict[str, Any], ...]
    missed_links: tuple[dict[str, Any], ...]
    no_item_correct: int  # gold actions with no item that got no link
    no_item_total: int
    gold_not_in_tracker: tuple[str, ...] = ()  # gold action ids the tracker does not have

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.update(
            precision=round(self.precision, 4), recall=round(self.recall, 4), f1=round(self.f1, 4)
        )
        return d


def load_link_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold links: JSON Lines of {"action_id", "file", "item_n", "item_number", "item_text"}.

    A line whose ``file`` is null says the action answers no item.
    """
    p = Path(path)
    try:
        rows = [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"cannot read the gold links ({exc})", path=p) from exc
    for n, r in enumerate(rows, 1):
        if not isinstance(r, dict) or "action_id" not in r:
            raise GoldError(f"line {n} has no 'action_id'", path=p)
        if r.get("file") and not r.get("item_text"):
            raise GoldError(f"line {n} names a file but no 'item_text'", path=p)
    return rows


def evaluate_links(
    links: Sequence[Link],
    gold: Sequence[Mapping[str, Any]],
    items: Sequence[Item],
    docs: Sequence[Document],
    tracker: str,
    action_ids: Iterable[str] | None = None,
) -> LinkEval:
    """Precision / recall of the links of *tracker* (a file name) against *gold*.

    Gold items are mapped to extracted items of the same file by token F1 >= 0.8
    (the best one); a gold link whose item was not extracted counts as missed and
    is listed in ``unmapped_gold``.  With *action_ids* (the tracker's ids), gold
    lines for actions the tracker does not have are left out and listed.
    """
    from .scoring import MATCH_F1, token_f1

    ids = set(action_ids) if action_ids is not None else None
    absent = sorted({str(g["action_id"]) for g in gold} - ids) if ids is not None else []
    gold = [g for g in gold if ids is None or str(g["action_id"]) in ids]
    pred = {(x.action.action_id, x.item.item_id) for x in links if x.action.source_file == tracker}
    by_file: dict[str, list[Item]] = defaultdict(list)
    fname = {d.id: d.file_name for d in docs}
    for it in items:
        if it.doc_id in fname:
            by_file[fname[it.doc_id]].append(it)
    gold_pairs: set[tuple[str, str]] = set()
    unmapped: list[dict[str, Any]] = []
    no_item_actions: set[str] = set()
    for g in gold:
        if not g.get("file"):
            no_item_actions.add(str(g["action_id"]))
            continue
        cands = by_file.get(Path(str(g["file"])).name, [])
        best = max(cands, key=lambda it: token_f1(str(g["item_text"]), it.text), default=None)
        if best is None or token_f1(str(g["item_text"]), best.text) < MATCH_F1:
            unmapped.append(dict(g))
            continue
        gold_pairs.add((str(g["action_id"]), best.id))
    linked_actions = {a for a, _ in pred}
    text = {it.id: it.text for it in items}
    false_links = tuple(
        {"action_id": a, "item_id": i, "item_text": text.get(i, "")}
        for a, i in sorted(pred - gold_pairs)
    )
    missed = tuple(
        {"action_id": a, "item_id": i, "item_text": text.get(i, "")}
        for a, i in sorted(gold_pairs - pred)
    )
    return LinkEval(
        tracker=tracker,
        tp=len(pred & gold_pairs),
        fp=len(pred - gold_pairs),
        fn=len(gold_pairs - pred) + len(unmapped),
        gold_links=len(gold_pairs) + len(unmapped),
        unmapped_gold=tuple(unmapped),
        false_links=false_links,
        missed_links=missed,
        no_item_correct=sum(1 for a in no_item_actions if a not in linked_actions),
        no_item_total=len(no_item_actions),
        gold_not_in_tracker=tuple(absent),
    )


def evaluate_match(
    store: Store,
    embedder: Embedder,
    gold_path: str | Path,
    *,
    tracker: str | None = None,
    params: MatchParams = DEFAULT_PARAMS,
    overrides: Sequence[Override] | str | Path | None = None,
) -> LinkEval:
    """Run the matcher on one stored tracker and score its links against gold links.

    *tracker* is the tracker's file name; by default the stored tracker whose
    action ids overlap the gold's most.  No overrides unless given.
    """
    gold = load_link_gold(gold_path)
    gold_ids = {str(g["action_id"]) for g in gold}
    by_file: dict[str, set[str]] = defaultdict(set)
    for a in load_actions(store):
        by_file[a.source_file].add(a.action_id)
    if tracker is None:
        if not by_file:
            raise TrackerError(
                "no tracker actions are stored",
                hint="import one with 'reviewmine tracker import FILE'",
            )
        tracker = max(sorted(by_file), key=lambda f: len(by_file[f] & gold_ids))
    elif tracker not in by_file:
        raise TrackerError(
            f"no stored tracker named '{tracker}'",
            hint=f"stored: {', '.join(sorted(by_file)) or 'none'}",
        )
    result = match_tracker(store, embedder, overrides=overrides, params=params, source_file=tracker)
    return evaluate_links(
        result.links, gold, store.items(), store.documents(), tracker, by_file[tracker]
    )


# ----------------------------------------------------------------------------- recurring


@dataclass(frozen=True)
class RecurringEval(PRF):
    """Pairs (completed action, later item raising it again) against gold pairs."""

    tracker: str
    tp: int
    fp: int
    fn: int
    gold_pairs: int
    actions_tp: int  # actions with at least one gold pair that got at least one right
    actions_gold: int
    false_pairs: tuple[dict[str, Any], ...]
    missed_pairs: tuple[dict[str, Any], ...]
    unmapped_gold: tuple[dict[str, Any], ...]

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.update(
            precision=round(self.precision, 4), recall=round(self.recall, 4), f1=round(self.f1, 4)
        )
        return d


def load_recurring_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold cases: JSON Lines of {"action_id", "tracker", "later_file", "later_text"}."""
    p = Path(path)
    try:
        rows = [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"cannot read the gold cases ({exc})", path=p) from exc
    for n, r in enumerate(rows, 1):
        if not isinstance(r, dict) or not all(
            r.get(k) for k in ("action_id", "later_file", "later_text")
        ):
            raise GoldError(f"line {n} needs 'action_id', 'later_file' and 'later_text'", path=p)
    return rows


def map_recurring_gold(
    gold: Sequence[Mapping[str, object]], items: Sequence[Item], file_of: Mapping[str, str]
) -> tuple[set[tuple[str, str]], list[dict[str, object]]]:
    """Gold "raised again" pairs as (action id, stored item id): each gold row's later text is
    the stored item of its later file with the highest token F1, when that is at least 0.8.
    *file_of* gives each item's document file name.  Also returns the rows no item matches."""
    from .scoring import MATCH_F1, token_f1

    per_file: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        per_file[file_of[it.doc_id]].append(it)
    pairs: set[tuple[str, str]] = set()
    unmapped: list[dict[str, object]] = []
    for g in gold:
        text = str(g["later_text"])
        pool = per_file.get(Path(str(g["later_file"])).name, [])
        best = max(pool, key=lambda it: token_f1(text, it.text), default=None)
        if best is None or token_f1(text, best.text) < MATCH_F1:
            unmapped.append(dict(g))
            continue
        pairs.add((str(g["action_id"]), best.id))
    return pairs, unmapped


def evaluate_recurring(
    store: Store, embedder: Embedder, gold_path: str | Path, *, tracker: str | None = None
) -> RecurringEval:
    """Run the matcher on one stored tracker and score its "raised again despite a
    completed action" pairs against gold pairs (later items mapped by token F1 >= 0.8)."""
    gold = load_recurring_gold(gold_path)
    by_file: dict[str, set[str]] = defaultdict(set)
    for a in load_actions(store):
        by_file[a.source_file].add(a.action_id)
    if not by_file:
        raise TrackerError(
            "no tracker actions are stored", hint="import one with 'reviewmine tracker import FILE'"
        )
    if tracker is None:
        named = {str(g.get("tracker")) for g in gold if g.get("tracker")}
        ids = {str(g["action_id"]) for g in gold}
        tracker = next((f for f in sorted(by_file) if f in named), None) or max(
            sorted(by_file), key=lambda f: len(by_file[f] & ids)
        )
    elif tracker not in by_file:
        raise TrackerError(
            f"no stored tracker named '{tracker}'", hint=f"stored: {', '.join(sorted(by_file))}"
        )
    result = match_tracker(store, embedder, source_file=tracker)
    docs = {d.id: d for d in store.documents()}
    items = [it for it in store.items() if it.doc_id in docs]
    gold_pairs, unmapped = map_recurring_gold(
        gold, items, {d.id: d.file_name for d in docs.values()}
    )
    pred = {
        (c.action.action_id, e.item.item_id)
        for c in result.recurring_despite_complete
        for e in c.later
    }
    text = {it.id: it.text for it in items}
    gold_actions = {a for a, _ in gold_pairs} | {str(g["action_id"]) for g in unmapped}
    return RecurringEval(
        tracker=tracker,
        tp=len(pred & gold_pairs),
        fp=len(pred - gold_pairs),
        fn=len(gold_pairs - pred) + len(unmapped),
        gold_pairs=len(gold_pairs) + len(unmapped),
        actions_tp=len({a for a, _ in pred & gold_pairs}),
        actions_gold=len(gold_actions),
        false_pairs=tuple(
            {"action_id": a, "item_id": i, "text": text.get(i, "")}
            for a, i in sorted(pred - gold_pairs)
        ),
        missed_pairs=tuple(
            {"action_id": a, "item_id": i, "text": text.get(i, "")}
            for a, i in sorted(gold_pairs - pred)
        ),
        unmapped_gold=tuple(unmapped),
    )
