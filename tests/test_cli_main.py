"""The CLI as users meet it: every case runs the real entry point ``main()``, so the tests
see the exit code and the one-line messages a user sees (no tracebacks)."""

from __future__ import annotations

import json

import pytest

from paths import CORPUS
from reviewmine import __version__
from reviewmine.cli import main
from test_match import add_later, make_store


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        main(list(argv))
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def db(tmp_path):
    add_later(make_store(tmp_path)).close()
    return str(tmp_path / "s.db")


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"reviewmine {__version__}"


@pytest.mark.parametrize(
    "argv",
    [
        ["docs"],
        ["items"],
        ["themes", "show", "neglect"],
        ["recurring"],
        ["match"],
        ["report", "-o", "{tmp}/r.html"],
        ["tracker", "actions"],
    ],
)
def test_read_commands_on_a_missing_store_say_so_and_create_nothing(capsys, tmp_path, argv):
    missing = tmp_path / "typo.db"
    argv = [a.format(tmp=tmp_path) for a in argv]
    code, _, err = run(capsys, *argv, "--db", str(missing))
    assert code == 2, err
    assert f"no store at {missing}: run `reviewmine ingest` first" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not missing.exists()


def test_global_db_before_or_after_the_subcommand(capsys, db):
    for argv in (
        ["--db", db, "themes", "show", "neglect"],
        ["themes", "show", "neglect", "--db", db],
        ["themes", "--db", db, "show", "neglect"],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 0, (argv, err)
        assert out.startswith("Neglect: 2 items"), argv


@pytest.mark.parametrize("name", ["neglect", "Neglect", "NEGLECT"])
def test_theme_arguments_accept_id_or_name_in_any_case(capsys, db, name):
    code, out, err = run(capsys, "--db", db, "themes", "show", name)
    assert code == 0, err
    assert out.startswith("Neglect: 2 items")


def test_unknown_theme_is_one_line(capsys, db):
    code, _, err = run(capsys, "--db", db, "themes", "show", "no such theme")
    assert code == 2 and "no theme 'no such theme'" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["items", "-f", "csv", "-o", "{missing}/items.csv"],
        ["themes", "--no-assign", "-f", "csv", "-o", "{missing}/themes.csv"],
        ["report", "--embedder", "hashing", "-o", "{missing}/report.html"],
        ["briefing", "neglect", "--embedder", "hashing", "-o", "{missing}/neglect.md"],
        ["match", "--embedder", "hashing", "-f", "csv", "-o", "{missing}/match.csv"],
        ["match", "--embedder", "hashing", "-f", "json", "-o", "{missing}/match.json"],
        ["recurring", "--embedder", "hashing", "-f", "json", "-o", "{missing}/recurring.json"],
        ["tracker", "actions", "-f", "csv", "-o", "{missing}/actions.csv"],
    ],
)
def test_output_into_a_missing_folder_fails_first_in_one_line(capsys, tmp_path, db, argv):
    missing = tmp_path / "no-such-folder"
    code, _, err = run(capsys, "--db", db, *[a.format(missing=missing) for a in argv])
    assert code == 2, err
    assert "does not exist" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_report_takes_today_like_match(capsys, tmp_path, db):
    # 'match' and 'report' agree on overdue actions on the same --today
    code, out, err = run(
        capsys, "--db", db, "match", "--embedder", "hashing", "-f", "json", "--today", "2018-04-01"
    )
    assert code == 0, err
    overdue = {o["action_id"] for o in json.loads(out)["overdue"]}
    assert overdue == {"D-2"}
    html = tmp_path / "r.html"
    code, _, err = run(
        capsys,
        "--db",
        db,
        "report",
        "--embedder",
        "hashing",
        "--today",
        "2018-04-01",
        "-o",
        str(html),
    )
    assert code == 0, err
    page = html.read_text(encoding="utf-8")
    data = json.loads(page.split('id="report-data">', 1)[1].split("</script>", 1)[0])
    assert {o["action_id"] for o in data["coverage"]["overdue"]} == overdue


def test_tracker_import_skips_an_unreadable_row_and_keeps_the_rest(capsys, tmp_path):
    csv_file = tmp_path / "tracker.csv"
    csv_file.write_text(
        "Ref,Recommendation,Action,Due date,Status\n"
        "A-1,Rec 1,Relaunch the neglect strategy,31/12/2023,Complete\n"
        'A-2,Rec 2,"Audit the MASH decisions,31/03/2024,Amber\n'
        "A-3,Rec 3,Publish the escalation guide,30/06/2024,Green\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "t.db")
    code, out, err = run(capsys, "--db", db, "tracker", "import", str(csv_file))
    assert code == 0, err
    assert "tracker.csv, line 3: a quote is not closed; row skipped" in err
    assert "2 actions imported" in out
    code, out, err = run(capsys, "--db", db, "tracker", "actions", "-f", "jsonl")
    assert [json.loads(x)["action_id"] for x in out.splitlines()] == ["A-1", "A-3"]


def test_match_prints_one_line_per_action_in_raised_again(capsys, db):
    code, out, err = run(
        capsys, "--db", db, "match", "--embedder", "hashing", "--today", "2024-01-01"
    )
    assert code == 0, err
    section = out.split("raised again in a later document", 1)[1].splitlines()[1:]
    assert [line.split(":")[0].strip() for line in section if line.strip()] == ["D-1"]


@pytest.mark.slow
def test_items_theme_assigns_themes_first(capsys, tmp_path):
    db = str(tmp_path / "c.db")
    code, _, err = run(capsys, "ingest", str(CORPUS / "eastmere_scr_child-d_2017.pdf"), "--db", db)
    assert code == 0, err
    # no 'reviewmine themes' run: items --theme assigns them, as 'themes' does
    code, out, err = run(capsys, "--db", db, "items", "--theme", "Neglect", "-f", "jsonl")
    assert code == 0, err
    rows = [json.loads(x) for x in out.splitlines()]
    assert rows and all("neglect" in r["themes"] and "Neglect" in r["theme_names"] for r in rows)


def test_briefing_takes_today_like_match(capsys, db):
    # D-2 is due 2018-03-31 and Amber: overdue on 2018-04-01, on track the day before
    code, _out, err = run(
        capsys, "--db", db, "match", "--embedder", "hashing", "--today", "2024-01-01"
    )
    assert code == 0, err
    code, late, err = run(
        capsys,
        "--db",
        db,
        "briefing",
        "Thresholds, referrals and the front door",
        "--embedder",
        "hashing",
        "--today",
        "2018-04-01",
    )
    assert code == 0, err
    code, early, err = run(
        capsys,
        "--db",
        db,
        "briefing",
        "thresholds_front_door",
        "--embedder",
        "hashing",
        "--today",
        "2018-03-30",
    )
    assert code == 0, err
    assert "Overdue (due 2018-03-31)" in late and "Overdue" not in early


def test_match_xlsx_has_no_python_structures_in_cells(capsys, tmp_path, db):
    from openpyxl import load_workbook

    out = tmp_path / "m.xlsx"
    code, _, err = run(
        capsys,
        "--db",
        db,
        "match",
        "--embedder",
        "hashing",
        "--today",
        "2024-01-01",
        "-f",
        "xlsx",
        "-o",
        str(out),
    )
    assert code == 0, err
    wb = load_workbook(out)
    ws = wb["recurring_despite_complete"]
    assert ws.max_row == 2  # one action, one later item
    for sheet in wb.worksheets:
        for row in sheet.iter_rows(values_only=True):
            assert not any(isinstance(v, str) and v.startswith(("{", "[")) for v in row)


def test_global_config_before_or_after_the_subcommand(capsys, tmp_path, db):
    cfg = tmp_path / "strict.toml"
    cfg.write_text("min_docs = 5\n", encoding="utf-8")
    for argv in (
        ["--config", str(cfg), "--db", db, "themes", "--no-assign", "-f", "json"],
        ["--db", db, "themes", "--no-assign", "-f", "json", "--config", str(cfg)],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        assert not any(t["recurring"] for t in json.loads(out)), argv  # 3 documents < 5
    code, out, _ = run(capsys, "--db", db, "themes", "--no-assign", "-f", "json")
    assert any(t["recurring"] for t in json.loads(out))  # the default (2) again


def test_ingest_names_each_skipped_file_and_its_reason(capsys, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "review.md").write_text(
        "# Review of Child Q\n\n## Recommendations\n\n"
        "1. The partnership should audit strategy discussions.\n"
    )
    (folder / "notes.xyz").write_text("not a document")
    cfg = tmp_path / "reviewmine.toml"
    cfg.write_text('embedder = "hashing"\n')
    code, _, err = run(
        capsys, "ingest", str(folder), "--db", str(tmp_path / "s.db"), "--config", str(cfg)
    )
    assert code == 0
    assert f"skipped: {folder / 'notes.xyz'} (unsupported type .xyz)" in err
    assert "1 ingested" in err
