"""Extraction quality on the real Ofsted reports and the real scrutineer report."""

import json

import pytest
from typer.testing import CliRunner

from paths import OFSTED_GOLD, SEED_REPORT
from reviewmine.cli import app
from reviewmine.evaluation.extraction import evaluate_extraction
from reviewmine.evaluation.scoring import token_f1
from reviewmine.extract.sections import section_kind
from reviewmine.ingest import parse_file


@pytest.mark.slow
def test_real_ofsted_extraction_meets_targets():
    ev = evaluate_extraction(OFSTED_GOLD, kinds=["recommendation", "area_for_improvement"])
    assert ev.overall.precision >= 0.95, ev.as_dict()["false_positives"][:5]
    assert ev.overall.recall >= 0.95, ev.as_dict()["misses"][:5]
    # every matched item has the gold page and kind
    assert ev.page_agree == len(ev.matches)
    assert ev.kind_agree == len(ev.matches)


def test_scrutineer_report_running_text():
    doc, items = parse_file(SEED_REPORT)
    assert doc.doc_type == "scrutiny_report"
    recs = [it for it in items if it.kind == "recommendation"]
    assert any(it.text.startswith("That the Committee note the progress") for it in recs)
    learning = " ".join(it.text for it in items if it.kind in ("finding", "learning_point")).lower()
    for topic in ("neglect toolkit", "pre-birth protocol", "complex needs"):
        assert topic in learning, topic


def test_eval_reports_a_miss_and_a_false_positive(tmp_path):
    gold = [json.loads(line) for line in OFSTED_GOLD.read_text().splitlines()]
    row = next(r for r in gold if r["file"] == "cornwall_2019-11-05.pdf")
    row["items"][1]["text"] = "A recommendation that the report never made about safe sleep."
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(row) + "\n")
    ev = evaluate_extraction(path, OFSTED_GOLD.parent)
    assert ev.overall.tp == 2 and ev.overall.fn == 1 and ev.overall.fp == 1
    assert ev.misses[0].gold_text.startswith("A recommendation that the report never made")
    result = CliRunner().invoke(
        app, ["eval", "extraction", "--gold", str(path), "--docs", str(OFSTED_GOLD.parent)]
    )
    assert result.exit_code == 0, result.output
    assert "MISS  cornwall_2019-11-05.pdf p2" in result.output
    assert "R=0.667" in result.output


def test_token_f1():
    assert token_f1("Ensure that plans are SMART.", "ensure that plans are smart") == 1.0
    assert token_f1("a b c d", "a b") == pytest.approx(2 / 3)
    assert token_f1("", "x") == 0.0


def test_labelled_recommendation_paragraphs_and_addressees(tmp_path):
    md = tmp_path / "review.md"
    md.write_text(
        "# Serious Case Review: Child Q\n\nPublished: 3 March 2018\n\n## Recommendations\n\n"
        "Recommendation 1: The LSCB should seek assurance that the neglect toolkit is used.\n\n"
        "Recommendation 2: Police should share domestic abuse notifications with schools.\n\n"
        "## Appendix\n\nThe panel met four times.\n",
        encoding="utf-8",
    )
    _doc, items = parse_file(md)
    assert [it.number for it in items] == ["Recommendation 1", "Recommendation 2"]
    assert items[0].text.startswith("The LSCB should seek assurance")
    assert "partnership" in items[0].addressees
    assert "police" in items[1].addressees
    assert all(it.heading == "Recommendations" for it in items)


def test_project_corpus_extraction_every_type():
    from paths import CORPUS

    ev = evaluate_extraction(CORPUS / "gold.jsonl")
    assert not ev.failed_files
    assert len(ev.by_type) >= 7
    for doc_type, s in ev.by_type.items():
        assert s.precision >= 0.9 and s.recall >= 0.9, (doc_type, ev.as_dict()["by_type"][doc_type])
    assert ev.page_agree == len(ev.matches)


def test_addressees_from_subject_then_context():
    from reviewmine.extract.items import addressees

    assert addressees("The LSCB and the police should agree a protocol.") == (
        "partnership",
        "police",
    )
    # no stated subject: the table's agency cell or an agency sub-heading decides
    assert addressees(
        "Managers must ensure that assessments use chronologies.", ("Children's Social Care",)
    ) == ("childrens_social_care",)
    assert addressees("The use of disruption tactics.", ("", "Harrowfield Police")) == ("police",)
    assert addressees("The quality of plans.", (), "childrens_social_care") == (
        "childrens_social_care",
    )
    assert addressees("Eastmere Police to agree a template.") == ("police",)


def test_corpus_table_rows_carry_their_agency():
    from paths import CORPUS

    _, items = parse_file(CORPUS / "eastmere_scr_child-d_2017.pdf")
    table = [it for it in items if it.subheading == "Single-agency recommendations"]
    assert len(table) == 7
    assert {it.heading for it in table} == {"6. Recommendations"}
    assert table[1].addressees == ("police",)
    assert ("housing",) in [it.addressees for it in table]


def test_confidence_model_loads_without_pickle_and_scores_items(tmp_path):
    import numpy as np

    from reviewmine.errors import ModelError
    from reviewmine.extract.confidence import MODEL_DIR, ConfidenceModel

    meta = json.loads((MODEL_DIR / "model.json").read_text())
    cv = meta["grouped_cv"]
    assert cv["words + layout (shipped)"]["roc_auc"] > cv["layout-only baseline"]["roc_auc"]
    with np.load(MODEL_DIR / "weights.npz", allow_pickle=False) as z:
        assert set(z.files) == {"index", "value"}
    _doc, items = parse_file(OFSTED_GOLD.parent / "cornwall_2019-11-05.pdf")
    assert all(0.5 < it.confidence <= 1.0 for it in items)
    assert [
        it.confidence for it in parse_file(OFSTED_GOLD.parent / "cornwall_2019-11-05.pdf")[1]
    ] == [it.confidence for it in items]
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "model.json").write_text(json.dumps({**meta, "n_hash": 8}))
    (bad / "weights.npz").write_bytes((MODEL_DIR / "weights.npz").read_bytes())
    with pytest.raises(ModelError, match="other features"):
        ConfidenceModel.load(bad)


def test_regression_sif_strengths_and_weaknesses_heading_is_not_a_strengths_list():
    # SIF 2014 LSCB sections mix both under "Key strengths and weaknesses of the LSCB":
    # its paragraphs are mostly weaknesses, never "good practice".
    assert section_kind("Key strengths and weaknesses of the LSCB") is None
    assert section_kind("Key strengths") == "good_practice"
