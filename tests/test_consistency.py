"""One store, every output: `match --format json`, `recurring`, `themes --format json` and
the report's embedded data give the same counts and ids (each rule has one owner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paths import CORPUS, REAL_OFSTED, ROOT
from reviewmine.cli import main
from test_match import add_later, make_store


def run(capsys, *argv: str) -> str:
    try:
        main(list(argv))
    except SystemExit as exc:
        assert not exc.code, capsys.readouterr().err
    return capsys.readouterr().out


def outputs(capsys, db: str, tmp: Path, embedder: str, today: str) -> dict:
    match = json.loads(
        run(capsys, "--db", db, "match", "-f", "json", "--embedder", embedder, "--today", today)
    )
    recurring = json.loads(
        run(capsys, "--db", db, "recurring", "-f", "json", "--embedder", embedder)
    )
    themes = json.loads(run(capsys, "--db", db, "themes", "--no-assign", "-f", "json"))
    html = tmp / "report.html"
    run(capsys, "--db", db, "report", "-o", str(html), "--embedder", embedder, "--today", today)
    page = html.read_text(encoding="utf-8")
    report = json.loads(page.split('id="report-data">', 1)[1].split("</script>", 1)[0])
    return {"match": match, "recurring": recurring, "themes": themes, "report": report}


def assert_agree(o: dict) -> None:
    match, report, themes, recurring = o["match"], o["report"], o["themes"], o["recurring"]
    items = report["items"]
    cov = report["coverage"]
    # items of an actionable kind with no action
    assert sorted(i["item_id"] for i in match["items_without_action"]) == sorted(
        items[k]["id"] for k in cov["gaps"]
    )
    # actions with no item, overdue actions (same --today)
    assert sorted(a["action_id"] for a in match["actions_without_item"]) == sorted(
        a["action_id"] for a in cov["orphans"]
    )
    assert [a["action_id"] for a in match["overdue"]] == [a["action_id"] for a in cov["overdue"]]
    # raised again although the action is complete: the same actions and later items
    assert [
        (c["action_id"], [e["item_id"] for e in c["later"]])
        for c in match["recurring_despite_complete"]
    ] == [
        (c["action"]["action_id"], [items[e["item"]]["id"] for e in c["later"]])
        for c in cov["despite"]
    ]
    # linked items: the links match stored are the report's
    assert sorted({x["item_id"] for x in match["links"]}) == sorted(
        i["id"] for i in items if i["links"]
    )
    # recurring themes: 'themes' and the report agree on every theme's count and flag
    by_id = {t["id"]: t for t in report["themes"]}
    for t in themes:
        assert (t["documents"], t["items"], t["recurring"]) == (
            by_id[t["theme"]]["docs"],
            by_id[t["theme"]]["items"],
            by_id[t["theme"]]["recurring"],
        )
    # recurring in one area: 'recurring' lists exactly the areas 'themes' names
    assert sorted((r["theme"], r["area"]) for r in recurring) == sorted(
        (t["theme"], a) for t in themes for a in t["recurring_areas"]
    )


def test_every_output_agrees_on_a_small_store(capsys, tmp_path):
    add_later(make_store(tmp_path)).close()
    o = outputs(capsys, str(tmp_path / "s.db"), tmp_path, "hashing", "2024-01-01")
    assert o["match"]["recurring_despite_complete"], "the case the store was built for"
    assert_agree(o)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("docs", "tracker"),
    [
        (CORPUS, CORPUS / "tracker.xlsx"),
        (REAL_OFSTED, ROOT / "evaluation" / "tracker" / "ofsted_improvement_plan.xlsx"),
    ],
    ids=["corpus", "real-ofsted"],
)
def test_every_output_agrees_on_the_corpus_and_the_real_ofsted_tracker(
    capsys, tmp_path, docs, tracker
):
    if not docs.is_dir():
        pytest.skip(f"{docs} not present")
    db = str(tmp_path / "c.db")
    run(capsys, "ingest", str(docs), "--db", db, "--no-index")
    run(capsys, "--db", db, "themes")
    run(capsys, "--db", db, "tracker", "import", str(tracker))
    o = outputs(capsys, db, tmp_path, "minilm", "2024-12-31")
    assert o["match"]["overdue"] and o["match"]["recurring_despite_complete"]
    assert_agree(o)
