"""The analyst's command: `reviewmine themes` over real reports with the real model."""

import json
from collections import defaultdict

import pytest
from typer.testing import CliRunner

from paths import CORPUS, OFSTED_GOLD, REAL_OFSTED
from reviewmine.cli import app
from reviewmine.ingest import ingest_paths
from reviewmine.store import Store
from reviewmine.types import ThemeScore

runner = CliRunner()


@pytest.fixture(scope="module")
def themed_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("themes") / "t.db"
    ingest_paths([REAL_OFSTED, CORPUS], Store.open(db))
    return db


@pytest.mark.slow
def test_themes_recur_across_inspections_and_runs_are_identical(themed_db):
    first = runner.invoke(app, ["themes", "--db", str(themed_db), "--format", "json"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["themes", "--db", str(themed_db), "--format", "json"])
    assert second.stdout == first.stdout  # byte for byte
    assert "(0 newly embedded" in second.stderr
    rows = json.loads(first.stdout)
    for r in rows:
        assert {
            "theme",
            "items",
            "documents",
            "years",
            "areas",
            "recurring",
            "example_item_ids",
        } <= set(r)
    # themes the gold shows in two or more inspections of one authority
    gold = [json.loads(line) for line in OFSTED_GOLD.read_text().splitlines()]
    files = defaultdict(lambda: defaultdict(set))
    for g in gold:
        for it in g["items"]:
            for t in it["themes"]:
                files[g["local_authority"]][t].add(g["file"])
    expected = {
        (la, t) for la, d in files.items() for t, f in d.items() if len(f) >= 2 and t != "other"
    }
    reported = {(a, r["theme"]) for r in rows for a in r["recurring_areas"]}
    assert len(expected) >= 30
    assert len(expected & reported) >= 0.9 * len(expected), sorted(expected - reported)
    show = runner.invoke(app, ["themes", "--db", str(themed_db), "show", "neglect"])
    assert show.exit_code == 0 and "p. " in show.stdout
    items = [
        json.loads(x)
        for x in runner.invoke(
            app, ["items", "--db", str(themed_db), "--format", "jsonl", "--theme", "neglect"]
        ).stdout.splitlines()
    ]
    assert items and all("neglect" in it["themes"] for it in items)


def test_theme_summary_from_stored_assignments(tmp_path):
    from reviewmine.config import Config
    from reviewmine.themes.stage import citations, theme_summary

    db = tmp_path / "s.db"
    store = Store.open(db)
    ingest_paths(
        [
            REAL_OFSTED / "norfolk_2013-08-16.pdf",
            REAL_OFSTED / "norfolk_2018-01-19.pdf",
            REAL_OFSTED / "cornwall_2019-11-05.pdf",
        ],
        store,
    )
    items = store.items()
    store.set_item_themes(
        {
            it.id: (ThemeScore("neglect", 0.9, "test"),)
            for it in items
            if it.doc_id in {d.id for d in store.documents() if d.area == "Norfolk"}
        }
    )
    rows = theme_summary(store, Config())
    assert [(r.theme, r.n_docs, r.recurring, r.recurring_areas) for r in rows] == [
        ("neglect", 2, True, ("Norfolk",))
    ]
    assert rows[0].years == (2013, 2017)
    cite = citations(store, list(rows[0].example_item_ids))[0]
    assert cite.file == "norfolk_2013-08-16.pdf" and cite.page == 8
    res = runner.invoke(app, ["themes", "--db", str(db), "--no-assign", "--format", "csv"])
    assert res.exit_code == 0 and res.stdout.startswith("theme,name,items,documents")
    res = runner.invoke(app, ["themes", "--db", str(db), "show", "no_such_theme"])
    assert res.exit_code != 0
