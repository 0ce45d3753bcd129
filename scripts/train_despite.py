"""Compare the rule for "learning raised again despite a completed action" with a small
learned judge, out of fold, on both gold sets; write the judge to models/despite/ only
when it beats the rule out of fold.

    .venv/bin/python scripts/train_despite.py --corpus-db corpus.db --ofsted-db ofsted.db \
        [--results evaluation/tracker/despite_judge_results.json] [--write-model]

Each store must already hold its documents, themes and tracker (README.md, "How well it
works"; evaluation/tracker/README.md).  For each gold set the matcher links the tracker,
:func:`reviewmine.tracker.despite.despite_candidates` lists every (completed action,
later item) pair that passes the date, area, case and retelling checks with its generic
features (:data:`reviewmine.tracker.despite.FEATURES`), and a pair is positive when the
gold names it (later item mapped as ``reviewmine eval recurring`` maps it: token F1 >= 0.8).
A gold pair the checks exclude stays a miss for every judge.

Each pair also carries the two features that compare the change each text asks for
(:data:`reviewmine.tracker.despite.CHANGE_FEATURES`, found by grammar with spaCy).

Judges, each scored as precision and recall of pairs on each gold set:

* ``rule``: the shipped rule (:func:`reviewmine.tracker.despite.rule_accepts`), in sample
  (its settings were chosen on both sets);
* ``rule, refit``: the rule's threshold and margin chosen on the training part only;
* ``rule + change gate``: the refitted rule that also needs ``change_meaning`` (or
  ``change_shared``) at or above a floor chosen on the training part with its threshold
  and margin;
* ``rule, change term``: the rule whose score takes w x (change_meaning - meaning), the
  meaning of the asked-for changes in place of (w = 1) or beside (w = 0.5) that of the whole
  texts, its gap to the later item's best action recomputed; w, threshold and margin chosen
  on the training part;
* ``logistic``: scikit-learn logistic regression over the standardised rule features, its
  decision threshold chosen on the training part (best F1); ``logistic + change``: the same
  over the rule features and the change features.

Out of fold means 5-fold cross-validation grouped by tracker action (no action in both
parts), or by the later item's document, over both sets pooled, and leave-one-set-out (trained on one gold set, scored on
the other).  Deterministic for the same stores and library versions.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from reviewmine.config import load_config
from reviewmine.embedding.cache import cached_embed
from reviewmine.embedding.embedders import load_embedder
from reviewmine.evaluation.matching import load_recurring_gold, map_recurring_gold
from reviewmine.store import Store
from reviewmine.tracker.despite import (
    CHANGE_FEATURES,
    DEFAULT_DESPITE,
    FEATURES,
    DespiteParams,
    despite_candidates,
)
from reviewmine.tracker.matching import match_tracker

ROOT = Path(__file__).resolve().parents[1]
GOLD = {
    "corpus": ROOT / "evaluation" / "tracker" / "corpus_recurring_gold.jsonl",
    "ofsted": ROOT / "evaluation" / "tracker" / "ofsted_recurring_gold.jsonl",
}
MODEL_DIR = ROOT / "models" / "despite"
MODEL_ID = "despite-judge.v1"
THRESHOLDS = np.round(np.arange(0.50, 0.861, 0.02), 2)
MARGINS = (0.10, 0.15, 0.20, 0.25, 0.30, 1.0)
C_VALUE = 1.0
CHANGE_FLOORS = tuple(round(float(v), 2) for v in np.arange(0.20, 0.601, 0.02))
CHANGE_WEIGHTS = (0.5, 1.0)
# the columns of a GoldSet's x: the rule's features, the change features, then the rule's
# score and gap with the change term for each weight (derived by with_change_terms)
COLUMNS = (
    *FEATURES,
    *CHANGE_FEATURES,
    *(f"{n}_w{w}" for w in CHANGE_WEIGHTS for n in ("rule_score", "gap_to_best")),
)
COL = {n: i for i, n in enumerate(COLUMNS)}


@dataclass(frozen=True)
class GoldSet:
    name: str
    x: np.ndarray  # (pairs, features)
    y: np.ndarray  # 1 when gold names the pair
    groups: np.ndarray  # the tracker action of each pair
    later_docs: np.ndarray  # the later item's document of each pair
    gold: int  # gold pairs, including those no candidate reaches
    later_items: np.ndarray  # the later item of each pair


def gold_set(name: str, db: Path, embedder_spec: str | None) -> GoldSet:
    """Candidate pairs of one gold set's store, with features and labels."""
    emb = load_embedder(embedder_spec or load_config(None).embedder)
    store = Store.open(db)
    gold = load_recurring_gold(GOLD[name])
    tracker = str(gold[0].get("tracker") or "") or None
    links = match_tracker(store, emb, source_file=tracker).links
    docs = store.documents()
    by_doc = {d.id: d for d in docs}
    items = [it for it in store.items() if it.doc_id in by_doc]

    def embed(texts: Sequence[str]) -> np.ndarray:
        return cached_embed(store, emb, list(texts))[0]

    done, cands = despite_candidates(
        links, items, docs, embed, themes=store.item_themes(), with_change=True
    )
    pairs, _ = map_recurring_gold(gold, items, {d.id: d.file_name for d in docs})
    action_id = {k: v[0].action.action_id for k, v in done.items()}
    width = len(FEATURES) + len(CHANGE_FEATURES)
    x = np.array([c.features for c in cands], dtype=np.float64).reshape(-1, width)
    y = np.array([(action_id[c.action], c.item.id) in pairs for c in cands], dtype=int)
    groups = np.array([f"{name}:{action_id[c.action]}" for c in cands])
    later_docs = np.array([f"{name}:{c.doc.id}" for c in cands])
    later_items = np.array([f"{name}:{c.item.id}" for c in cands])
    store.close()
    x = with_change_terms(x, later_items)
    return GoldSet(name, x, y, groups, later_docs, len(gold), later_items)


def with_change_terms(x: np.ndarray, later_items: np.ndarray) -> np.ndarray:
    """*x* with, for each weight w, the rule's score plus w x (change_meaning - meaning)
    (0 where the rule's score is 0: no specific word shared) and its gap to the best score
    of the same later item.  No label is used, so computing it on all pairs leaks nothing."""
    cols = [x]
    for w in CHANGE_WEIGHTS:
        s = x[:, COL["rule_score"]]
        s = np.where(s > 0, s + w * (x[:, COL["change_meaning"]] - x[:, COL["meaning"]]), 0.0)
        best: dict[str, float] = {}
        for item, v in zip(later_items, s, strict=True):
            best[item] = max(best.get(item, v), v)
        gap = s - np.array([best[i] for i in later_items])
        cols.append(np.stack([s, gap], axis=1))
    return np.hstack(cols)


# ----------------------------------------------------------------------------- judges

Judge = Callable[[np.ndarray], np.ndarray]  # features -> accepted (bool per pair)


def rule_judge(params: DespiteParams, score: str = "rule_score", gap: str = "gap_to_best") -> Judge:
    f = {n: i for i, n in enumerate(FEATURES)}

    def accept(x: np.ndarray) -> np.ndarray:
        s = x[:, COL[score]]
        return (
            (s >= params.threshold)
            & ((x[:, f["theme_agree"]] > 0) | (not params.theme_gate))
            & (
                (x[:, COL[gap]] >= -params.item_margin)
                | (
                    (x[:, f["own_subject"]] > 0)
                    & (s >= params.threshold + params.own_subject_extra)
                )
            )
        )

    return accept


def f1_of(pred: np.ndarray, y: np.ndarray, gold: int) -> float:
    tp = int((pred & (y == 1)).sum())
    fp = int((pred & (y == 0)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def fit_rule(x: np.ndarray, y: np.ndarray, gold: int) -> tuple[Judge, dict[str, float]]:
    """The rule with the threshold and margin of best F1 on (x, y)."""
    best = (-1.0, DEFAULT_DESPITE)
    for t in THRESHOLDS:
        for m in MARGINS:
            p = replace(DEFAULT_DESPITE, threshold=float(t), item_margin=m)
            f1 = f1_of(rule_judge(p)(x), y, gold)
            if f1 > best[0] + 1e-9:
                best = (f1, p)
    return rule_judge(best[1]), {"threshold": best[1].threshold, "item_margin": best[1].item_margin}


def fit_change_gate(feature: str, floors: Sequence[float]) -> Callable[..., tuple[Judge, dict]]:
    """The rule, refitted, that also needs *feature* >= a floor chosen with it."""

    def fit(x: np.ndarray, y: np.ndarray, gold: int) -> tuple[Judge, dict[str, float]]:
        best: tuple[float, DespiteParams, float] = (-1.0, DEFAULT_DESPITE, 0.0)
        for t in THRESHOLDS:
            for m in MARGINS:
                p = replace(DEFAULT_DESPITE, threshold=float(t), item_margin=m)
                base = rule_judge(p)(x)
                for g in floors:
                    f1 = f1_of(base & (x[:, COL[feature]] >= g), y, gold)
                    if f1 > best[0] + 1e-9:
                        best = (f1, p, float(g))
        _, p, g = best
        judge = rule_judge(p)
        return (lambda z: judge(z) & (z[:, COL[feature]] >= g)), {
            "threshold": p.threshold,
            "item_margin": p.item_margin,
            feature: g,
        }

    return fit


def fit_change_term(x: np.ndarray, y: np.ndarray, gold: int) -> tuple[Judge, dict[str, float]]:
    """The rule scoring with the change term (:func:`with_change_terms`): weight, threshold
    and margin of best F1 on (x, y)."""
    best: tuple[float, DespiteParams, float] = (-1.0, DEFAULT_DESPITE, CHANGE_WEIGHTS[0])
    for w in CHANGE_WEIGHTS:
        for t in THRESHOLDS:
            for m in MARGINS:
                p = replace(DEFAULT_DESPITE, threshold=float(t), item_margin=m)
                f1 = f1_of(rule_judge(p, f"rule_score_w{w}", f"gap_to_best_w{w}")(x), y, gold)
                if f1 > best[0] + 1e-9:
                    best = (f1, p, w)
    _, p, w = best
    judge = rule_judge(p, f"rule_score_w{w}", f"gap_to_best_w{w}")
    return judge, {"threshold": p.threshold, "item_margin": p.item_margin, "weight": w}


def fit_logistic(
    x: np.ndarray, y: np.ndarray, gold: int, columns: Sequence[str] = FEATURES
) -> tuple[Judge, dict[str, object]]:
    """Logistic regression on the standardised *columns* of x; threshold of best F1 on (x, y)."""
    from sklearn.linear_model import LogisticRegression

    cols = [COL[n] for n in columns]
    full_x, x = x, x[:, cols]
    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    model = LogisticRegression(C=C_VALUE, max_iter=2000).fit((x - mu) / sd, y)
    w, b = model.coef_[0] / sd, float(model.intercept_[0] - (model.coef_[0] * mu / sd).sum())

    def prob(z: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(z[:, cols] @ w + b)))

    p_train = prob(full_x)
    cut = max(
        (float(c) for c in np.unique(np.round(p_train, 4))),
        key=lambda c: (f1_of(p_train >= c, y, gold), -c),
    )
    return (lambda z: prob(z) >= cut), {
        "features": list(columns),
        "weights": [round(float(v), 6) for v in w],
        "bias": round(b, 6),
        "threshold": round(cut, 4),
    }


def _logistic_with_change(x: np.ndarray, y: np.ndarray, gold: int) -> tuple[Judge, dict]:
    return fit_logistic(x, y, gold, (*FEATURES, *CHANGE_FEATURES))


FITTERS: dict[str, Callable[[np.ndarray, np.ndarray, int], tuple[Judge, dict]]] = {
    "rule, refit": fit_rule,
    "rule + change_meaning gate": fit_change_gate("change_meaning", CHANGE_FLOORS),
    "rule + change_shared gate": fit_change_gate("change_shared", (0.0, 1.0, 2.0)),
    "rule, change term": fit_change_term,
    "logistic": fit_logistic,
    "logistic + change": _logistic_with_change,
}


# ----------------------------------------------------------------------------- scoring


def scores(pred: np.ndarray, y: np.ndarray, gold: int) -> dict[str, float | int]:
    tp = int((pred & (y == 1)).sum())
    fp = int((pred & (y == 0)).sum())
    return {
        "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
        "recall": round(tp / gold, 3) if gold else 0.0,
        "tp": tp,
        "fp": fp,
        "fn": gold - tp,
    }


def evaluate(sets: list[GoldSet]) -> dict[str, dict[str, dict[str, float | int]]]:
    from sklearn.model_selection import GroupKFold

    x = np.vstack([s.x for s in sets])
    y = np.concatenate([s.y for s in sets])
    by_group = {
        "action": np.concatenate([s.groups for s in sets]),
        "later document": np.concatenate([s.later_docs for s in sets]),
    }
    which = np.concatenate([np.full(len(s.y), i) for i, s in enumerate(sets)])
    # a judge is fitted on the gold pairs its training part's candidates reach
    out: dict[str, dict[str, dict[str, float | int]]] = {}
    rule = rule_judge(DEFAULT_DESPITE)
    out["rule (shipped settings), in sample"] = {
        s.name: scores(rule(s.x), s.y, s.gold) for s in sets
    }
    ungated = rule_judge(replace(DEFAULT_DESPITE, theme_gate=False))
    out["rule without theme agreement, in sample"] = {
        s.name: scores(ungated(s.x), s.y, s.gold) for s in sets
    }
    for name, fit in FITTERS.items():
        judge, _ = fit(x, y, int(y.sum()))
        out[f"{name}, in sample"] = {s.name: scores(judge(s.x), s.y, s.gold) for s in sets}
        for unit, groups in by_group.items():
            pred = np.zeros(len(y), dtype=bool)
            for tr, te in GroupKFold(n_splits=5).split(x, y, groups):
                judge, _ = fit(x[tr], y[tr], int(y[tr].sum()))
                pred[te] = judge(x[te])
            out[f"{name}, 5-fold grouped by {unit}"] = {
                s.name: scores(pred[which == i], s.y, s.gold) for i, s in enumerate(sets)
            }
        row = {}
        for i, s in enumerate(sets):
            tr = which != i
            judge, _ = fit(x[tr], y[tr], int(y[tr].sum()))
            row[s.name] = scores(judge(s.x), s.y, s.gold)
        out[f"{name}, trained on the other set"] = row
    return out


def mean_f1(row: dict[str, dict[str, float | int]]) -> float:
    f = []
    for v in row.values():
        p, r = float(v["precision"]), float(v["recall"])
        f.append(2 * p * r / (p + r) if p + r else 0.0)
    return sum(f) / len(f)


def write_model(sets: list[GoldSet], results: Mapping[str, object]) -> None:
    x = np.vstack([s.x for s in sets])
    y = np.concatenate([s.y for s in sets])
    _, coef = fit_logistic(x, y, int(y.sum()))
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    body = {"model_id": MODEL_ID, **coef, "measured": results}
    text = json.dumps(body, indent=2, sort_keys=True) + "\n"
    (MODEL_DIR / "judge.json").write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    print(f"wrote {MODEL_DIR / 'judge.json'} (sha256 {digest})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus-db", type=Path, required=True)
    ap.add_argument("--ofsted-db", type=Path, required=True)
    ap.add_argument("--embedder", default=None, help="embedder spec (default: the configured one)")
    ap.add_argument("--results", type=Path, default=None, help="write the figures as JSON here")
    ap.add_argument(
        "--write-model", action="store_true", help="write models/despite/ if the judge wins"
    )
    args = ap.parse_args()
    sets = [
        gold_set("corpus", args.corpus_db, args.embedder),
        gold_set("ofsted", args.ofsted_db, args.embedder),
    ]
    for s in sets:
        print(f"{s.name}: {len(s.y)} candidate pairs, {int(s.y.sum())} of {s.gold} gold pairs")
    results = evaluate(sets)
    print(f"{'judge':<56} {'corpus P / R':>14} {'ofsted P / R':>14}")
    for name, row in results.items():
        cells = [f"{row[s.name]['precision']:.3f} / {row[s.name]['recall']:.3f}" for s in sets]
        print(f"{name:<56} {cells[0]:>14} {cells[1]:>14}")
    if args.results:
        args.results.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    oof = [k for k in results if "grouped" in k or "other set" in k]
    learned = min(mean_f1(results[k]) for k in oof if k.startswith("logistic,"))
    refit = min(mean_f1(results[k]) for k in oof if k.startswith("rule, refit"))
    print(f"worst out-of-fold mean F1: logistic {learned:.3f}, rule refit {refit:.3f}")
    if args.write_model:
        if learned > refit:
            write_model(sets, results)
        else:
            print("the learned judge does not beat the rule out of fold: no model written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
