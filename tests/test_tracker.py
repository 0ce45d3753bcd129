"""Tracker import: messy workbooks and CSVs built here, normalisation tables, bad input."""

import datetime as dt
import json

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from reviewmine.cli import app
from reviewmine.errors import TrackerError
from reviewmine.store import Store
from reviewmine.tracker.importer import (
    STATUSES,
    import_tracker,
    load_actions,
    normalise_status,
    parse_date,
    parse_mapping,
    read_tracker,
)

runner = CliRunner()


def messy_workbook(path, *, extra_row=None):
    """Two sheets laid out the way partnerships keep them.

    Sheet 1: title rows (merged) above a header on row 4, a banner row merged
    across the table, a recommendation merged over two action rows, dates as a
    date cell, an Excel serial and text, RAG words.  Sheet 2: header on row 2,
    no review column (the banner names it), percentages and text dates.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "SCR actions"
    ws["A1"] = "Eastmere Safeguarding Children Partnership - learning tracker"
    ws.merge_cells("A1:H1")
    ws["A2"] = "RAG: Blue complete, Green on track, Amber at risk, Red off track"
    ws.merge_cells("A2:H2")
    ws.append([])
    ws.append(
        [
            "Ref",
            "Review",
            "Recommendation",
            "Action",
            "Lead agency",
            "Target date",
            "RAG status",
            "Evidence / impact",
        ]
    )  # row 4
    ws.append(["Serious Case Review: Child D (2017)"])  # row 5, banner
    ws.merge_cells("A5:H5")
    ws.append(
        [
            "D-1a",
            "SCR Child D",
            "Rec 1: revise the neglect strategy",
            "Relaunch the neglect strategy",
            "LSCB",
            dt.datetime(2017, 12, 31),
            "Blue",
            "Relaunched Jan 2018",
        ]
    )  # row 6
    ws.append(
        [
            "D-1b",
            "SCR Child D",
            None,
            "Graded Care Profile training for schools",
            "LSCB Training",
            43190,
            "Complete",
            None,
        ]
    )  # row 7 (serial = 2018-03-31)
    ws.merge_cells("C6:C7")
    ws.append(
        [
            "D-2",
            None,
            "Rec 2: MASH to seek school information",
            "Amend the MASH procedure",
            "Children's Social Care",
            "30/09/2017",
            "Amber",
            None,
        ]
    )  # row 8: review from the banner
    if extra_row:
        ws.append(extra_row)
    ws2 = wb.create_sheet("Rapid reviews")
    ws2["A1"] = "Rapid review actions"
    ws2.append(["Action No.", "Improvement action", "Owner", "Deadline", "Progress"])  # row 2
    ws2.append(["Rapid Review: Baby L (November 2021)"])  # row 3, banner (not merged)
    ws2.append(
        ["RR-1", "Remind MASH staff to check siblings' records", "CSC", "March 2022", "100%"]
    )  # row 4
    ws2.append(
        [
            "RR-2",
            "ICON advice to fathers at the new birth visit",
            "Health",
            "31-01-22",
            "In progress",
        ]
    )  # row 5
    ws3 = wb.create_sheet("Key")
    ws3.append(["Blue", "Complete"])
    wb.save(path)
    return path


def test_messy_workbook_is_read_with_sheets_rows_and_merged_cells(tmp_path):
    result = read_tracker(messy_workbook(tmp_path / "tracker.xlsx"))
    assert result.sheets == (("SCR actions", 3), ("Rapid reviews", 2))
    by_id = {a.action_id: a for a in result.actions}
    d1a, d1b, d2 = by_id["D-1a"], by_id["D-1b"], by_id["D-2"]
    assert (d1a.sheet, d1a.row, d1b.row, d2.row) == ("SCR actions", 6, 7, 8)
    # the merged recommendation reaches both of its action rows
    assert d1b.recommendation == d1a.recommendation == "Rec 1: revise the neglect strategy"
    assert d1a.due_date == "2017-12-31" and d1b.due_date == "2018-03-31"
    assert d2.due_date == "2017-09-30"
    assert [d1a.status_norm, d1b.status_norm, d2.status_norm] == ["complete", "complete", "at_risk"]
    # the review column wins; where it is empty the banner row names the review
    assert d1a.review == "SCR Child D"
    assert d2.review == "Serious Case Review: Child D (2017)"
    rr1 = by_id["RR-1"]
    assert (rr1.sheet, rr1.row, rr1.review) == (
        "Rapid reviews",
        4,
        "Rapid Review: Baby L (November 2021)",
    )
    assert rr1.due_date == "2022-03-31" and rr1.status_norm == "complete"
    assert by_id["RR-2"].due_date == "2022-01-31" and by_id["RR-2"].status_norm == "on_track"
    assert result.columns["Rapid reviews"]["action_id"] == "Action No."
    # the legend sheet has no header: skipped, and said so
    assert any("sheet 'Key'" in w and "skipped" in w for w in result.warnings)


def test_one_sheet_only(tmp_path):
    result = read_tracker(messy_workbook(tmp_path / "t.xlsx"), sheet="Rapid reviews")
    assert [a.action_id for a in result.actions] == ["RR-1", "RR-2"]
    with pytest.raises(TrackerError, match="no sheet named 'Nope'"):
        read_tracker(tmp_path / "t.xlsx", sheet="Nope")


def cp1252_csv(path):
    text = (
        "Partnership tracker \u2013 exported 01/02/2024\r\n"
        "\r\n"
        "Ref;Case;Recommendation;Agreed action;Lead;Due date;Status;Update\r\n"
        "1.1;SCR Child D;Neglect strategy \u2013 relaunch;"
        "R\u00e9vise the strategy \u2018now\u2019;"
        "LSCB;31 March 2022;Completed;Done\r\n"
        "1.2;SCR Child D;;Train staff on the Graded Care Profile;LSCB;Mar 2023;Ongoing;\r\n"
        "2.1;Rapid Review Baby L;;Audit of pre-birth referrals;ICB;2022-03-31;75%;\r\n"
    )
    path.write_bytes(text.encode("cp1252"))
    return path


def test_cp1252_csv_with_header_below_a_title(tmp_path):
    result = read_tracker(cp1252_csv(tmp_path / "tracker.csv"))
    assert [(a.action_id, a.row) for a in result.actions] == [("1.1", 4), ("1.2", 5), ("2.1", 6)]
    first = result.actions[0]
    assert first.sheet == "tracker"
    assert first.recommendation == "Neglect strategy \u2013 relaunch"
    assert first.action == "R\u00e9vise the strategy \u2018now\u2019"
    assert first.review == "SCR Child D"
    assert [a.due_date for a in result.actions] == ["2022-03-31", "2023-03-31", "2022-03-31"]
    assert [a.status_norm for a in result.actions] == ["complete", "on_track", "on_track"]


def test_utf8_bom_csv_and_comma_separator(tmp_path):
    p = tmp_path / "bom.csv"
    p.write_bytes("\ufeffID,Action,Status\nA1,Café visits,Red\n".encode("utf-8"))
    (a,) = read_tracker(p).actions
    assert (a.action_id, a.action, a.status_norm) == ("A1", "Café visits", "overdue")


STATUS_TABLE = [
    ("Complete", "complete"),
    ("Completed", "complete"),
    ("COMPLETE (Blue)", "complete"),
    ("Blue", "complete"),
    ("Closed", "complete"),
    ("100%", "complete"),
    ("Green", "on_track"),
    ("On track", "on_track"),
    ("Ongoing", "on_track"),
    ("In progress", "on_track"),
    ("75%", "on_track"),
    ("Partially complete", "on_track"),
    ("Not complete", "on_track"),
    ("Amber", "at_risk"),
    ("At risk", "at_risk"),
    ("Amber - in progress", "at_risk"),
    ("Delayed", "at_risk"),
    ("Red", "overdue"),
    ("Overdue", "overdue"),
    ("Off track", "overdue"),
    ("Not started", "not_started"),
    ("Not yet started", "not_started"),
    ("0%", "not_started"),
    ("", "unknown"),
    (None, "unknown"),
    ("See notes", "unknown"),
    ("Green - complete", "complete"),
]


@pytest.mark.parametrize(("text", "expected"), STATUS_TABLE)
def test_status_normalisation(text, expected):
    assert normalise_status(text) == expected
    assert expected in STATUSES


DATE_TABLE = [
    ("31/03/2022", dt.date(2022, 3, 31)),
    ("31-03-22", dt.date(2022, 3, 31)),
    ("31.03.2022", dt.date(2022, 3, 31)),
    ("31 March 2022", dt.date(2022, 3, 31)),
    ("31st Mar 2022", dt.date(2022, 3, 31)),
    ("March 31, 2022", dt.date(2022, 3, 31)),
    ("2022-03-31", dt.date(2022, 3, 31)),
    ("March 2023", dt.date(2023, 3, 31)),
    ("Feb 2024", dt.date(2024, 2, 29)),
    ("Sept 2014", dt.date(2014, 9, 30)),
    ("end of June 2023", dt.date(2023, 6, 30)),
    ("Q1 2023", dt.date(2023, 3, 31)),
    ("2023", dt.date(2023, 12, 31)),
    ("44651", dt.date(2022, 3, 31)),
    (44651, dt.date(2022, 3, 31)),
    (44651.0, dt.date(2022, 3, 31)),
    (dt.datetime(2022, 3, 31, 0, 0), dt.date(2022, 3, 31)),
    (dt.date(2022, 3, 31), dt.date(2022, 3, 31)),
    ("Ongoing", None),
    ("TBC", None),
    ("N/A", None),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("value", "expected"), DATE_TABLE)
def test_date_parsing(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["next spring", "31/13/2022", "soon-ish", 12.5])
def test_unreadable_dates_raise(value):
    with pytest.raises(ValueError):
        parse_date(value)


def test_bad_date_is_a_warning_naming_file_sheet_row_and_column(tmp_path):
    path = messy_workbook(
        tmp_path / "t.xlsx",
        extra_row=[
            "D-3",
            "SCR Child D",
            "Rec 3",
            "Escalation briefings",
            "LSCB",
            "when possible",
            "Red",
        ],
    )
    result = read_tracker(path)
    d3 = next(a for a in result.actions if a.action_id == "D-3")
    assert d3.due_date is None and d3.due_text == "when possible"  # row kept
    (msg,) = [w for w in result.warnings if "due date" in w]
    assert "t.xlsx" in msg and "sheet 'SCR actions'" in msg and "row 9" in msg
    assert "column F ('Target date')" in msg and "when possible" in msg


def test_duplicate_ids_are_warned_and_both_rows_kept(tmp_path):
    path = messy_workbook(
        tmp_path / "t.xlsx",
        extra_row=[
            "D-2",
            "SCR Child D",
            "Rec 2",
            "Second action with a reused id",
            "CSC",
            "",
            "Green",
        ],
    )
    result = read_tracker(path)
    assert sum(a.action_id == "D-2" for a in result.actions) == 2
    (msg,) = [w for w in result.warnings if "D-2" in w]
    assert "sheet 'SCR actions', row 9" in msg and "row 8" in msg


def test_no_recognisable_columns_is_an_error(tmp_path):
    p = tmp_path / "notes.csv"
    p.write_text("Date,Attendees,Minutes\n2024-01-01,QIP,Discussed\n", encoding="utf-8")
    with pytest.raises(TrackerError) as err:
        read_tracker(p)
    assert "notes.csv" in str(err.value) and "no header row" in str(err.value)
    assert "--map" in str(err.value)


def test_empty_sheet_and_empty_file(tmp_path):
    wb = Workbook()
    wb.active.title = "Blank"
    ws = wb.create_sheet("Actions")
    ws.append(["ID", "Action", "Status"])
    ws.append(["1", "Do it", "Green"])
    wb.save(tmp_path / "t.xlsx")
    result = read_tracker(tmp_path / "t.xlsx")
    assert [a.action_id for a in result.actions] == ["1"]
    assert any("sheet 'Blank': the sheet is empty" in w for w in result.warnings)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(TrackerError, match=r"empty\.csv"):
        read_tracker(empty)


def test_unsupported_and_missing_files(tmp_path):
    with pytest.raises(TrackerError, match="xls"):
        (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
        read_tracker(tmp_path / "old.xls")
    with pytest.raises(TrackerError, match="no such tracker file"):
        read_tracker(tmp_path / "missing.xlsx")
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(TrackerError, match="cannot open the workbook"):
        read_tracker(bad)


def test_row_without_action_text_is_skipped_with_a_warning(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("Ref,Action,Owner,Status\n1,Do it,LA,Green\n2,,LA,Green\n", encoding="utf-8")
    result = read_tracker(p)
    assert [a.action_id for a in result.actions] == ["1"]
    assert any("row 3" in w and "no action or recommendation text" in w for w in result.warnings)


def test_explicit_mapping_beats_header_names(tmp_path):
    p = tmp_path / "odd.csv"
    p.write_text(
        "Number,What happens,Who,When,How is it going\n7,Audit plans,QA team,30/06/2024,Amber\n",
        encoding="utf-8",
    )
    mapping = parse_mapping(
        [
            "What happens=action",
            "Who=owner",
            "When=due_date",
            "How is it going=status",
            "Number=action_id",
        ]
    )
    (a,) = read_tracker(p, mapping=mapping).actions
    assert (a.action_id, a.action, a.owner, a.due_date, a.status_norm) == (
        "7",
        "Audit plans",
        "QA team",
        "2024-06-30",
        "at_risk",
    )
    with pytest.raises(TrackerError, match="unknown field 'colour'"):
        read_tracker(p, mapping={"Who": "colour"})
    with pytest.raises(TrackerError, match="is not 'Column header=field'"):
        parse_mapping(["no equals sign"])


def test_percentage_cells_and_rec_number_column(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Ref", "Rec No.", "Action", "% complete"])
    ws.append(["A1", "3", "Audit plans", 0.75])
    ws.append(["A2", "4", "Train staff", 1])
    ws.append(["A3", "4", "Brief schools", 0])
    wb.save(tmp_path / "p.xlsx")
    result = read_tracker(tmp_path / "p.xlsx")
    assert result.columns["Sheet"] == {
        "action_id": "Ref",
        "rec_number": "Rec No.",
        "action": "Action",
        "status": "% complete",
    }
    assert [(a.rec_number, a.status, a.status_norm) for a in result.actions] == [
        ("3", "75%", "on_track"),
        ("4", "100%", "complete"),
        ("4", "0%", "not_started"),
    ]


def test_id_column_absent_gives_sheet_and_row_ids(tmp_path):
    p = tmp_path / "plain.csv"
    p.write_text("Action,Owner,Status\nFirst,LA,Green\nSecond,ICB,Red\n", encoding="utf-8")
    assert [a.action_id for a in read_tracker(p).actions] == ["plain:2", "plain:3"]


def test_reimport_replaces_previous_rows(tmp_path):
    store = Store.open(tmp_path / "s.db")
    path = messy_workbook(tmp_path / "tracker.xlsx")
    import_tracker(store, path)
    assert store.counts()["tracker_actions"] == 5
    # the same file, edited: one action fewer
    wb = Workbook()
    ws = wb.active
    ws.append(["Ref", "Action", "Status"])
    ws.append(["D-1a", "Relaunch the neglect strategy", "Complete"])
    wb.save(path)
    import_tracker(store, path)
    stored = load_actions(store)
    assert [(a.action_id, a.status_norm) for a in stored] == [("D-1a", "complete")]
    # another file keeps its own rows
    import_tracker(store, cp1252_csv(tmp_path / "other.csv"))
    assert store.counts()["tracker_actions"] == 4
    assert {a.source_file for a in load_actions(store)} == {"tracker.xlsx", "other.csv"}


def test_stored_actions_round_trip(tmp_path):
    store = Store.open(tmp_path / "s.db")
    result = import_tracker(store, messy_workbook(tmp_path / "tracker.xlsx"))
    assert tuple(load_actions(store)) == result.actions


def test_cli_import_prints_rows_per_sheet_and_warnings(tmp_path):
    path = messy_workbook(tmp_path / "tracker.xlsx")
    db = tmp_path / "s.db"
    res = runner.invoke(app, ["tracker", "import", str(path), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "3 actions imported" not in res.stdout
    assert "5 actions imported from tracker.xlsx" in res.stdout
    assert "sheet 'SCR actions': 3 actions imported" in res.stderr
    assert "sheet 'Rapid reviews': 2 actions imported" in res.stderr
    assert "warning:" in res.stderr and "'Key'" in res.stderr
    res = runner.invoke(
        app,
        [
            "tracker",
            "import",
            str(path),
            "--sheet",
            "SCR actions",
            "--map",
            "Lead agency=owner",
            "--db",
            str(db),
        ],
    )
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["tracker", "actions", "--db", str(db), "--format", "jsonl"])
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert len(rows) == 5
    assert next(r for r in rows if r["action_id"] == "D-1a")["owner"] == "LSCB"
