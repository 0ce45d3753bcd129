"""The granularity-tolerant scorer for review summaries (reviewmine.evaluation.summaries)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewmine.errors import GoldError
from reviewmine.evaluation.summaries import (
    evaluate_summaries,
    holds,
    is_summary_gold,
    score_document,
)
from reviewmine.types import Item

SUMMARIES = Path(__file__).resolve().parents[2] / "shared" / "real" / "summaries"


def item(text: str, kind: str = "finding") -> Item:
    return Item(doc_id="d", kind=kind, text=text, page=1, heading=None)


def test_holds_counts_words_of_the_held_text():
    assert holds("Weak risk assessment and poor decision making.", "poor decision making")
    assert not holds("poor decision", "poor decision making by agencies")  # 2 of 5 words
    assert not holds("anything", "")  # an empty text is held by nothing


def test_one_item_holding_a_whole_semicolon_list_finds_every_part():
    gold = {"recommendations": [], "findings": ["optimistic thinking", "weak risk assessment"]}
    sc, misses, fps = score_document(
        gold, [item("Issues including: optimistic thinking; weak risk assessment.")]
    )
    assert (sc.tp, sc.fn, sc.tp_pred, sc.fp) == (2, 0, 1, 0)
    assert sc.precision == 1.0 and sc.recall == 1.0 and not misses and not fps


def test_a_fragment_held_by_a_gold_sentence_is_correct_but_finds_nothing():
    gold = {
        "recommendations": [],
        "findings": ["The review found that the plan was never reviewed by a manager."],
    }
    sc, misses, _ = score_document(gold, [item("the plan was never reviewed")])
    assert sc.tp_pred == 1 and sc.fp == 0  # a correct extracted item ...
    assert sc.tp == 0 and misses[0].gold_text.startswith(
        "The review found"
    )  # ... that is too short to find it


def test_kind_decides_the_list_compared_unless_kind_blind():
    gold = {"recommendations": ["Schools should share notifications"], "findings": []}
    pred = [item("Schools should share notifications", kind="finding")]
    sc, _, fps = score_document(gold, pred)
    assert (sc.tp, sc.fp) == (0, 1) and fps[0].pred_kind == "finding"
    sc, _, _ = score_document(gold, pred, kind_aware=False)
    assert (sc.tp, sc.fp) == (1, 0)


def test_actions_are_compared_with_recommendations():
    gold = {"recommendations": ["Agree a protocol"], "findings": []}
    sc, _, _ = score_document(gold, [item("Agree a protocol.", kind="action")])
    assert sc.tp == 1 and sc.fp == 0


def test_evaluate_summaries_with_an_extractor(tmp_path):
    rows = [
        {
            "file": "a.txt",
            "doc_type": "national_review",
            "recommendations": ["Create a pathway"],
            "findings": ["weak risk assessment", "poor decision making"],
        },
        {
            "file": "b.txt",
            "doc_type": "sar",
            "recommendations": [],
            "findings": [],
            "negative": True,
        },
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    outputs = {
        "a.txt": [
            item("Create a pathway", "recommendation"),
            item("weak risk assessment; poor decision making"),
        ],
        "b.txt": [item("The purpose of the review was to gather facts.")],
    }
    ev = evaluate_summaries(gold, extractor=lambda p: ("x", outputs[p.name]))
    assert (ev.overall.tp, ev.overall.fn, ev.overall.tp_pred, ev.overall.fp) == (3, 0, 2, 1)
    assert ev.recall == 1.0 and ev.precision == pytest.approx(2 / 3)
    assert ev.false_positives[0].file == "b.txt"
    assert ev.by_type["sar"].fp == 1 and ev.by_group["recommendations"].tp == 1
    # strict one-to-one token-F1: the joined list matches neither part
    assert ev.strict.tp == 1 and ev.strict.fn == 2
    d = ev.as_dict()
    assert d["overall"]["recall"] == 1.0 and d["misses"] == []


def test_a_failing_document_counts_as_all_misses(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"file": "x.txt", "recommendations": ["A"], "findings": ["B"]}) + "\n"
    )

    def boom(p: Path) -> tuple[str, list[Item]]:
        raise ValueError("unreadable")

    ev = evaluate_summaries(gold, extractor=boom)
    assert ev.overall.fn == 2 and ev.failed_files and "unreadable" in ev.failed_files[0]


def test_malformed_gold_is_refused_and_corpus_format_converted(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"file": "x.pdf", "findings": "not a list"}) + "\n")
    with pytest.raises(GoldError):
        evaluate_summaries(bad)
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "file": "x.md",
                "items": [
                    {"kind": "action", "text": "Agree a protocol"},
                    {"kind": "learning_point", "text": "Plans drift"},
                ],
            }
        )
        + "\n"
        + json.dumps({"file": "y.md", "items": []})
        + "\n"
    )
    assert not is_summary_gold(gold)
    ev = evaluate_summaries(
        gold, extractor=lambda p: ("x", [item("Plans drift", "finding")]), files=["x.md"]
    )
    assert (ev.overall.tp, ev.overall.fn, ev.overall.fp) == (1, 1, 0)
    assert (
        ev.misses[0].gold_text == "Agree a protocol" and ev.misses[0].gold_kind == "recommendations"
    )
    if (SUMMARIES / "gold.jsonl").exists():
        assert is_summary_gold(SUMMARIES / "gold.jsonl")
