"""Extraction scoring: families from the gold, precision over every scored kind, summaries routed."""

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from paths import SHARED
from reviewmine.cli import app
from reviewmine.evaluation.extraction import (
    SCORED_KINDS,
    evaluate_by_family,
    evaluate_extraction,
    family_of,
)
from reviewmine.types import Item

LETTERS = SHARED / "real" / "letters"


def _item(kind: str, text: str, page: int = 1) -> Item:
    return Item(doc_id="d", kind=kind, text=text, page=page, heading=None)


def _gold(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_family_comes_from_the_gold_fields_then_the_file_prefix():
    assert family_of({"file": "a.pdf", "doc_kind": "jtai_letter"}) == "jtai"
    assert family_of({"file": "a.pdf", "doc_kind": "area_send"}) == "area_send"
    assert family_of({"file": "a.pdf", "framework": "SIF LSCB review"}) == "ilacs_sif"
    assert family_of({"file": "focused-visit_x_2020-01-01.pdf"}) == "focused_visit"
    # the corpus is one family whatever its document types, summaries gold another
    assert family_of({"file": "a.pdf", "doc_type": "jtai_letter", "fictional": True}) == "corpus"
    assert family_of({"file": "s.txt", "recommendations": [], "findings": ["x"]}) == "summaries"


def test_signature_extracted_as_action_counts_against_precision(tmp_path):
    # the gold has only areas for improvement; an 'action' the extractor invents is still scored
    gold = _gold(
        tmp_path,
        [
            {
                "file": "jtai_x.pdf",
                "doc_kind": "jtai_letter",
                "items": [
                    {
                        "kind": "area_for_improvement",
                        "text": "The quality of strategy discussions with the police.",
                        "page": 2,
                    }
                ],
            }
        ],
    )
    pred = [
        _item("area_for_improvement", "The quality of strategy discussions with the police.", 3),
        _item("action", "Care Quality Commission"),
        _item("good_practice", "Leaders know their services well."),
    ]
    ev = evaluate_extraction(gold, extractor=lambda p: ("jtai_letter", pred))
    fam = ev.by_family["jtai"]
    assert (fam.tp, fam.fp, fam.fn) == (1, 1, 0)
    assert ev.false_positives[0].pred_text == "Care Quality Commission"
    assert fam.pages_right == 0.0  # matched, but on the wrong page
    assert "good_practice" not in SCORED_KINDS
    # --kinds restricts gold and extracted items alike
    only = evaluate_extraction(
        gold, kinds=["area_for_improvement"], extractor=lambda p: ("jtai_letter", pred)
    )
    assert (only.overall.tp, only.overall.fp) == (1, 0)


def test_summaries_gold_is_scored_tolerantly_beside_item_gold(tmp_path):
    items = _gold(
        tmp_path,
        [
            {
                "file": "area-send_x.pdf",
                "doc_kind": "area_send",
                "items": [
                    {
                        "kind": "area_for_improvement",
                        "text": "Leaders should improve the timeliness of EHC plans.",
                        "page": 4,
                    }
                ],
            }
        ],
    )
    (tmp_path / "s").mkdir()
    summaries = _gold(
        tmp_path / "s",
        [
            {
                "file": "summary-x.txt",
                "doc_type": "sar",
                "recommendations": [],
                "findings": [
                    "professionals did not share information",
                    "risk assessments were not reviewed",
                ],
            }
        ],
    )
    preds = {
        "area-send_x.pdf": [
            _item("area_for_improvement", "Leaders should improve the timeliness of EHC plans.", 4)
        ],
        "summary-x.txt": [
            _item("finding", "Learning: professionals did not share information and")
        ],
    }
    report = evaluate_by_family([items, summaries], extractor=lambda p: ("other", preds[p.name]))
    fams = report.by_family
    assert list(fams) == ["area_send", "summaries"]
    assert fams["area_send"].precision == 1.0 and fams["area_send"].pages_right == 1.0
    s = fams["summaries"]
    assert s.documents == 1 and s.recall == 0.5 and s.precision == 1.0 and s.pages_right is None
    assert "tolerant" in s.method


@pytest.mark.slow
def test_eval_by_family_cli_on_real_letters(tmp_path):
    rows = [json.loads(x) for x in (LETTERS / "gold.jsonl").read_text().splitlines() if x.strip()]
    picked = [next(r for r in rows if r["doc_kind"] == k) for k in ("focused_visit", "jtai_letter")]
    gold = _gold(tmp_path, picked)
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "extraction",
            "--by",
            "family",
            "--gold",
            str(gold),
            "--docs",
            str(LETTERS),
            "--no-details",
        ],
    )
    assert result.exit_code == 0, result.output
    lines: dict[str, str] = {}
    for ln in result.output.splitlines():  # the family table comes before the by-type lines
        if ln.strip():
            lines.setdefault(ln.split()[0], ln)
    assert "focused_visit" in lines and "jtai" in lines
    assert lines["focused_visit"].split()[1] == "1"  # one document
    assert "pages right" in result.output
    bad = CliRunner().invoke(app, ["eval", "extraction", "--by", "area", "--gold", str(gold)])
    assert bad.exit_code != 0 and "--by" in bad.output


def test_filter_threshold_drops_at_most_the_allowed_share_of_right_candidates():
    from reviewmine.evaluation.confidence import choose_threshold

    prob = np.array([0.9] * 200 + [0.05] + [0.1] * 50)
    y = np.array([1] * 201 + [0] * 50)
    t = choose_threshold(prob, y, unmatched=0)
    assert 0.1 < t <= 0.9  # the 50 wrong candidates go, with the one right candidate scored 0.05
    assert choose_threshold(prob, y, unmatched=0, max_drop=0.0) <= 0.05  # no right candidate may go
    assert (
        choose_threshold(np.array([0.2, 0.3]), np.array([1, 1]), unmatched=3) == 0.0
    )  # nothing to gain


def test_a_model_trained_on_fewer_form_features_still_loads(tmp_path):
    import json as _json

    from reviewmine.extract.confidence import LAYOUT_FEATURES, N_HASH, ConfidenceModel

    w = np.zeros(N_HASH + len(LAYOUT_FEATURES), dtype=np.float32)
    w[N_HASH] = 1.5
    ConfidenceModel(w, -1.0, "old").save(tmp_path, {})
    meta = _json.loads((tmp_path / "model.json").read_text())
    meta["layout_features"] = list(LAYOUT_FEATURES[:11])
    (tmp_path / "model.json").write_text(_json.dumps(meta))
    loaded = ConfidenceModel.load(tmp_path)
    assert loaded.weights[N_HASH] == 1.5 and loaded.model_id == "old"
    meta["layout_features"] = ["bullet"] + list(LAYOUT_FEATURES[1:11])
    (tmp_path / "model.json").write_text(_json.dumps(meta))
    with pytest.raises(Exception, match="other features"):
        ConfidenceModel.load(tmp_path)


def test_eval_by_family_cli_lists_summary_misses_under_their_family(tmp_path):
    (tmp_path / "page.txt").write_text(
        "Review of practice\n\nThe family moved house four times in a year.\n", encoding="utf-8"
    )
    gold = _gold(
        tmp_path,
        [
            {
                "file": "page.txt",
                "doc_type": "lcspr",
                "recommendations": [],
                "findings": ["agencies did not share the family's moves with each other"],
            }
        ],
    )
    result = CliRunner().invoke(app, ["eval", "extraction", "--by", "family", "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    assert "MISS  summaries     page.txt" in result.output
    row = next(ln for ln in result.output.splitlines() if ln.startswith("summaries "))
    assert row.split()[:2] == ["summaries", "1"]  # one document


def test_labelled_documents_mark_candidates_as_the_evaluation_matches_them(tmp_path):
    from reviewmine.evaluation.confidence import labelled_documents, training_matrix

    (tmp_path / "review.md").write_text(
        "# Serious Case Review: Child Q\n\n## Recommendations\n\n"
        "1. The partnership should audit the use of the neglect toolkit in early help.\n\n"
        "2. The police should share domestic abuse notifications with schools.\n\n## Background\n\nThe family moved to the area in 2019.\n",
        encoding="utf-8",
    )
    gold = _gold(
        tmp_path,
        [
            {
                "file": "review.md",
                "doc_type": "scr",
                "fictional": True,
                "items": [
                    {
                        "kind": "recommendation",
                        "page": 1,
                        "text": "The partnership should audit the use of the neglect toolkit in early help.",
                    }
                ],
            }
        ],
    )
    [doc] = labelled_documents([gold])
    assert doc.family == "corpus" and doc.gold_unmatched == 0
    labels = {it.text: int(y) for it, y in zip(doc.items, doc.cand_y)}
    assert labels["The partnership should audit the use of the neglect toolkit in early help."] == 1
    assert (
        labels["The police should share domestic abuse notifications with schools."] == 0
    )  # not in the gold
    assert doc.cand_x.shape[0] == len(doc.items)
    x, y, groups = training_matrix([doc], "both")
    assert x.shape[0] == len(y) == len(groups) == doc.block_x.shape[0] + len(doc.items)
    assert y.sum() == 2  # the matching candidate and its block


def test_confidence_fit_on_one_class_is_a_constant_model():
    from scipy import sparse

    from reviewmine.evaluation.confidence import fit

    model = fit(sparse.csr_matrix(np.eye(4, 20)), np.ones(4, dtype=np.int8))
    assert np.allclose(model.predict(sparse.csr_matrix(np.eye(2, 20))), 1.0, atol=1e-3)
