#!/usr/bin/env python
"""Write the second evaluation tracker: a post-inspection improvement plan.

    .venv/bin/python evaluation/tracker/make_ofsted_tracker.py

writes, next to this script,

* ``ofsted_improvement_plan.xlsx``: one workbook holding three local
  authorities' improvement plans after their Ofsted inspections (Norfolk
  2013-2022, Bexley 2014-2023, Cornwall 2016-2024; the reports are the real
  ones in ``../shared/real/ofsted``), one sheet each plus a "Key" sheet.  Every
  sheet is laid out differently, the way real plans are: a title block above
  the header row, merged cells, banner rows naming the inspection, dates as
  date cells, as text in several formats and as bare Excel serial numbers, RAG
  colours, words and percentages as status.
* ``ofsted_improvement_plan_gold.jsonl``: the gold links, one line per
  (action, item) pair, in the same format as ``corpus/tracker_gold.jsonl``:
  ``{"action_id", "file", "item_n", "item_number", "item_text"}``.  Actions that
  answer no recommendation have one line with ``file``/``item_n`` null.

The actions are written for this project in the words an improvement plan would
use (paraphrased, with the plan's own vocabulary), so they are not copies of
the inspection text; some recommendations have no action and some actions
answer no recommendation.  The gold ``item_text`` is taken from the shared gold
annotations (``gold.jsonl``, by item ``n``), read in place.

The file was written before the matcher existed and was not edited to suit it.
Output is deterministic (fixed workbook dates and ZIP timestamps).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED_GOLD = ROOT.parent / "shared" / "real" / "ofsted" / "gold.jsonl"
OUT_XLSX = HERE / "ofsted_improvement_plan.xlsx"
OUT_GOLD = HERE / "ofsted_improvement_plan_gold.jsonl"
WHEN = dt.datetime(2025, 1, 6, 9, 0, 0)
STAMP = WHEN.strftime("%Y-%m-%dT%H:%M:%SZ").encode()

D = dt.datetime  # date cells

# ----------------------------------------------------------------------------- Norfolk
# (ref, review, recommendation as the plan summarises it, action, lead, due, RAG, update,
#  gold links [(file, n)])
N13 = "norfolk_2013-08-16.pdf"
N15 = "norfolk_2015-10-20.pdf"
N17 = "norfolk_2018-01-19.pdf"
N22 = "norfolk_2023-01-13.pdf"

NORFOLK = [
    ("N13.1", "LAC inspection July 2013",
     "Corporate parenting: members' understanding and reporting",
     "Deliver a corporate parenting induction for every councillor and give the Corporate "
     "Parenting Board a quarterly scorecard comparing Norfolk with its statistical neighbours.",
     "Assistant Director, Corporate Parenting", D(2014, 3, 31), "Blue",
     "Induction delivered to 82 of 84 members; scorecard in use since Jan 2014.", [(N13, 1)]),
    ("N13.2", "LAC inspection July 2013",
     "Health assessments for looked after children",
     "LAC nurses to track every initial and review health assessment weekly with the CCG and "
     "escalate any delay past 28 days to the Designated Nurse.",
     "Designated Nurse LAC (CCG)", D(2014, 1, 31), "Blue",
     "Timeliness 93% (Q4).", [(N13, 3)]),
    ("N13.3", "LAC inspection July 2013", "Pathway plans",
     "Leaving care service to rewrite the pathway plan format with young people and audit a "
     "sample each quarter against the care leavers regulations.",
     "Head of Leaving Care", D(2014, 6, 30), "Green", "New format live.", [(N13, 4)]),
    ("N13.4", "LAC inspection July 2013", "Supervision",
     "Add a supervision template to CareFirst recording the case numbers discussed, decisions "
     "and deadlines; team managers' compliance checked monthly.",
     "Principal Social Worker", D(2013, 12, 31), "Blue", "", [(N13, 6)]),
    ("N13.5", "LAC inspection July 2013", "Personal education plans",
     "Virtual School to quality-assure every PEP each term, with SMART targets for attendance and "
     "attainment and a termly report to the governing body.",
     "Virtual School Head", D(2014, 7, 31), "Blue", "", [(N13, 7)]),
    ("N13.6", "LAC inspection July 2013", "Social worker numbers in LAC teams",
     "Run a recruitment and retention campaign for the looked after children teams, including a "
     "market supplement for experienced practitioners.",
     "Head of HR (Children's)", D(2014, 9, 30), "Amber",
     "Vacancy rate down from 21% to 15%.", [(N13, 12)]),
    ("N13.7", "LAC inspection July 2013", "IRO capacity",
     "Recruit four additional independent reviewing officers so that IROs can meet children "
     "before each review and track the progress of plans between reviews.",
     "Head of Safeguarding & Quality", D(2014, 3, 31), "Blue", "", [(N13, 13)]),
    ("N13.8", "LAC inspection July 2013", "Care leavers not in education, employment or training",
     "Create 20 council apprenticeships ring-fenced for care leavers and a traineeship route with "
     "the county's colleges.",
     "Head of Leaving Care", D(2015, 3, 31), "Green", "", [(N13, 15)]),
    ("N13.9", "LAC inspection July 2013", "",
     "Relocate the out-of-hours emergency duty team to the new county hall office and replace its "
     "telephony.",
     "Business Support Manager", D(2014, 2, 28), "Blue", "", []),
    # --- SIF 2015 (one recommendation with two actions: rec 1)
    ("N15.1", "Ofsted SIF inspection July 2015", "Rec 1 - management oversight in the MASH",
     "Appoint a second MASH team manager so that every contact has a recorded management decision "
     "within 24 hours.",
     "Head of MASH", D(2015, 12, 31), "Blue", "Post filled Nov 2015.", [(N15, 1)]),
    ("N15.2", "Ofsted SIF inspection July 2015", "Rec 1 - management oversight in the MASH",
     "Head of Service to dip-sample 20 MASH decisions a week and feed findings back to the team.",
     "Head of MASH", D(2016, 3, 31), "Blue", "", [(N15, 1)]),
    ("N15.3", "Ofsted SIF inspection July 2015", "Rec 2 - strategy discussions",
     "Revise the strategy discussion record so that it always includes an interim safety plan "
     "and contingency while the section 47 enquiry runs.",
     "Head of Safeguarding & Quality", D(2015, 11, 30), "Blue", "", [(N15, 2)]),
    ("N15.4", "Ofsted SIF inspection July 2015", "Rec 3 - review of CIN and CP plans",
     "Monthly case-tracking meetings at which team managers review progress and risk on every "
     "child in need and child protection plan.",
     "Assistant Director, Social Work", D(2016, 1, 31), "Green", "", [(N15, 3)]),
    ("N15.5", "Ofsted SIF inspection July 2015", "Rec 5 - return home interviews",
     "Commission an independent provider to offer every child reported missing a return "
     "conversation; record the outcome on the child's file and pass it to the missing coordinator.",
     "Commissioning Manager", D(2016, 3, 31), "Blue",
     "Contract let April 2016; 71% of episodes offered an interview.", [(N15, 5)]),
    ("N15.6", "Ofsted SIF inspection July 2015", "Rec 6 - CSE risk assessments and MASE",
     "Upload MASE minutes and the CSE screening tool to each child's record and require the "
     "child's plan to refer to them.",
     "CSE Coordinator", D(2015, 12, 31), "Blue", "", [(N15, 6)]),
    ("N15.7", "Ofsted SIF inspection July 2015", "Rec 7 - PLO tracking",
     "Legal gateway panel to keep a live tracker of every child in pre-proceedings with review "
     "dates.",
     "Head of Legal Services", D(2016, 2, 29), "Blue", "", [(N15, 7)]),
    ("N15.8", "Ofsted SIF inspection July 2015", "Rec 12 - keeping in touch with care leavers",
     "Personal advisers to contact every care leaver at least every eight weeks and record it; "
     "monthly 'lost contact' list to the Head of Leaving Care.",
     "Head of Leaving Care", D(2016, 3, 31), "Green", "", [(N15, 12)]),
    ("N15.9", "Ofsted SIF inspection July 2015", "Rec 14 - health passports",
     "Introduce a health passport for every young person leaving care, completed with the LAC "
     "nurse before their 18th birthday.",
     "Designated Nurse LAC (CCG)", D(2016, 6, 30), "Blue", "", [(N15, 14)]),
    ("N15.10", "Ofsted SIF inspection July 2015", "Rec 15 - sufficiency",
     "Refresh the placement sufficiency strategy and commission additional in-county foster "
     "placements.",
     "Head of Commissioning", D(2016, 9, 30), "Blue", "", [(N15, 15)]),
    ("N15.11", "Ofsted SIF inspection July 2015", "Rec 16 - data accuracy",
     "Cleanse CareFirst data and publish a monthly data-quality exception report to team managers.",
     "Performance Manager", D(2016, 1, 31), "Green", "", [(N15, 16)]),
    ("N15.12", "Ofsted SIF inspection July 2015", "LSCB Rec 140 - CDOP",
     "Designated doctor to chair the child death overview panel; clear the backlog of reviews "
     "and publish an analysis of modifiable factors.",
     "LSCB Business Manager", D(2016, 3, 31), "Amber", "", [(N15, 22)]),
    ("N15.13", "Ofsted SIF inspection July 2015", "LSCB Rec 139 - following through board actions",
     "Business Group to track every action in the Board's business plan with exception reports "
     "to each Board meeting.",
     "LSCB Business Manager", D(2016, 1, 31), "Blue", "", [(N15, 21)]),
    # --- SIF re-inspection 2017
    ("N17.1", "SIF re-inspection Nov 2017", "Rec 1 - stable workforce",
     "Bring average social work caseloads down to 18 through a recruitment drive and a career "
     "progression framework that keeps experienced staff.",
     "Director of Children's Services", D(2019, 3, 31), "Green", "", [(N17, 1)]),
    ("N17.2", "SIF re-inspection Nov 2017", "Rec 2 - MASH capacity",
     "Add six social workers to the MASH and introduce triage of police notifications so that "
     "contacts are decided within one working day.",
     "Head of MASH", D(2018, 6, 30), "Blue", "", [(N17, 2)]),
    ("N17.3", "SIF re-inspection Nov 2017", "Rec 4 - missing and CSE",
     "Replace MASE with a single missing and exploitation panel with clear terms of reference; "
     "return interviews written onto the child's file within 72 hours.",
     "CSE Coordinator", D(2018, 9, 30), "Blue", "", [(N17, 4)]),
    ("N17.4", "SIF re-inspection Nov 2017", "Rec 5 - health assessments and health histories",
     "Agree with the CCG that initial health assessments happen within 20 working days of a child "
     "coming into care.",
     "Designated Nurse LAC (CCG)", D(2018, 12, 31), "Red", "Capacity issue in paediatrics.",
     [(N17, 5)]),
    ("N17.5", "SIF re-inspection Nov 2017", "Rec 7 - private fostering",
     "Head of service to sign off every private fostering arrangement after DBS and home checks, "
     "recording the reasons.",
     "Head of Safeguarding & Quality", D(2018, 3, 31), "Blue", "", [(N17, 7)]),
    ("N17.6", "SIF re-inspection Nov 2017", "",
     "Prepare the annual self-evaluation and the agenda for the annual engagement meeting with "
     "Ofsted.",
     "Assistant Director, Quality", D(2018, 4, 30), "Blue", "", []),
    # --- ILACS 2022
    ("N22.1", "ILACS Nov 2022", "Homeless 16-17 year olds",
     "Agree a joint protocol with district housing teams: every 16- or 17-year-old who presents "
     "as homeless gets a joint assessment within ten working days.",
     "Head of Adolescent Services", D(2023, 6, 30), "Green", "", [(N22, 1)]),
    ("N22.2", "ILACS Nov 2022", "Long-term neglect",
     "Roll out Graded Care Profile 2 across all family support teams and use chronologies to "
     "spot cumulative harm.",
     "Principal Social Worker", D(2023, 9, 30), "Amber", "", [(N22, 2)]),
    ("N22.3", "ILACS Nov 2022", "Children living with family and friends",
     "Set up a kinship care team to assess and support family and friends carers; connected "
     "person placements approved under regulation 24 within 16 weeks.",
     "Head of Fostering", D(2023, 12, 31), "Not started", "", [(N22, 3)]),
    ("N22.4", "ILACS Nov 2022", "",
     "Publish the annual report of the Local Authority Designated Officer.",
     "LADO", D(2023, 5, 31), "Green", "", []),
]

# ----------------------------------------------------------------------------- Bexley
B14 = "bexley_2014-05-23.pdf"
B18 = "bexley_2018-08-20.pdf"
B23 = "bexley_2023-03-24.pdf"

# (action no, inspection, area for improvement (para), actions, responsible, deadline (text),
#  status, impact, gold links)
BEXLEY = [
    ("B01", "SIF 2014", "Para 27 - thresholds",
     "Relaunch the Bexley continuum of need document with briefings for schools, GPs and police "
     "and dip-sample referrals for consistent use.",
     "Head of MASH", "31/03/2015", "Completed", "Audit: 88% of referrals consistent.", [(B14, 1)]),
    ("B02", "SIF 2014", "Para 28 - timely good-quality assessments",
     "Weekly tracking of assessment timeliness; 85% of single assessments within 45 working days.",
     "Service Manager, Assessment", "30-09-14", "Complete", "", [(B14, 2)]),
    ("B03", "SIF 2014", "Para 30 - police notifications",
     "MASH police officer to RAG-rate all police notifications within 24 hours.",
     "Met Police / Head of MASH", "31 March 2015", "Ongoing", "", [(B14, 4)]),
    ("B04", "SIF 2014", "Para 31 - strategy discussions",
     "New strategy meeting template: who attended, reasons for the decision and dated actions.",
     "Child Protection Service Manager", "Dec 2014", "Completed", "", [(B14, 5)]),
    ("B05", "SIF 2014", "Para 43 - dental checks and immunisations",
     "LAC health team to chase outstanding dental checks and vaccinations and report monthly.",
     "LAC Nurse", "2015-01-31", "Completed", "", [(B14, 17)]),
    ("B06", "SIF 2014", "Paras 52-53 - workforce",
     "Workforce strategy: convert agency posts to permanent ones, introduce a recruitment and "
     "retention package and a management development programme.",
     "Head of HR", "31/03/2016", "75%", "Agency staff down to 24%.", [(B14, 26), (B14, 27)]),
    ("B07", "SIF 2014", "Para 44 - changes of social worker",
     "Monitor the number of changes of social worker per child; no more than two a year.",
     "Service Manager, CIN", "31/03/2015", "In progress", "", [(B14, 18)]),
    ("B08", "SIF 2014", "Para 54 - management oversight",
     "Relaunch the supervision policy; monthly audit of supervision records in every team.",
     "Principal Social Worker", "30/06/2015", "Completed", "", [(B14, 28)]),
    ("B09", "SIF 2014", "Para 55 - QA framework",
     "Adopt a quality assurance framework with monthly case file audits by managers and a "
     "quarterly learning report.",
     "Head of Quality Assurance", "30/04/15", "Completed", "", [(B14, 29)]),
    ("B10", "SIF 2014", "Para 45 - adoption tracker",
     "Permanence panel chair to review the adoption tracker each month and challenge drift.",
     "Adoption Service Manager", "31 Dec 2014", "Completed", "", [(B14, 19)]),
    ("B11", "SIF 2014", "Para 50 - pathway plans",
     "Redesign the pathway plan with care leavers, focused on independence skills.",
     "Leaving Care Manager", "31/07/2015", "Not started", "", [(B14, 24)]),
    ("B12", "SIF 2014", "Para 57 - sufficiency",
     "Write a sufficiency strategy based on an analysis of current and projected demand for "
     "placements.",
     "Head of Commissioning", "30/09/2015", "Completed", "", [(B14, 31)]),
    ("B13", "SIF 2014 (LSCB)", "Para 172 - multi-agency audits",
     "Agree an annual programme of multi-agency case audits on the Board's priorities and carry "
     "learning forward into the next round.",
     "LSCB Business Manager", "31/03/2015", "Completed", "", [(B14, 38)]),
    ("B14", "SIF 2014 (LSCB)", "Para 178 - annual report",
     "Rewrite the Board's annual report to evaluate the difference partners' work has made for "
     "children.",
     "LSCB Independent Chair", "30/09/2015", "Completed", "", [(B14, 44)]),
    ("B15", "SIF 2014", "",
     "Procure a new out-of-hours emergency duty service jointly with a neighbouring borough.",
     "Head of Commissioning", "31/03/2015", "Overdue", "", []),
    ("B16", "ILACS 2018", "Return home interviews",
     "Add a return interview form to the case record; the missing coordinator to produce a "
     "quarterly intelligence report.",
     "Missing Coordinator", "31/12/2018", "Completed", "", [(B18, 1)]),
    ("B17", "ILACS 2018", "Pre-proceedings",
     "Head of Service to review the PLO tracker fortnightly; contingency plans recorded at every "
     "legal planning meeting.",
     "Head of Service, CIN/CP", "31/03/2019", "Completed", "", [(B18, 2)]),
    ("B18", "ILACS 2018", "Care leavers' health",
     "Give care leavers a written summary of their health history at 18 and a fast-track route "
     "into adult mental health services.",
     "Leaving Care Manager / CCG", "30/06/2019", "Ongoing", "", [(B18, 4)]),
    ("B19", "ILACS Feb 2023", "PLO",
     "Send letters before proceedings within two weeks of the legal planning meeting and review "
     "every pre-proceedings case at 12 weeks.",
     "Head of Legal", "31/07/2023", "In progress", "", [(B23, 2)]),
    ("B20", "ILACS Feb 2023", "Private fostering, homeless 16-17s, exploitation",
     "Refresh the joint housing protocol for 16-17s, run a private fostering awareness campaign "
     "and set up a contextual safeguarding panel.",
     "Head of Adolescent Services", "30/09/2023", "At risk", "", [(B23, 1)]),
    ("B21", "ILACS Feb 2023", "",
     "Implement the Supporting Families outcome framework across early help.",
     "Early Help Manager", "31/03/2024", "25%", "", []),
]

# ----------------------------------------------------------------------------- Cornwall
C16 = "cornwall_2016-06-27.pdf"
C19 = "cornwall_2019-11-05.pdf"
C24 = "cornwall_2024-08-22.pdf"


def serial(y: int, m: int, d: int) -> int:
    """Excel's serial day number (as a bare number in a General-format cell)."""
    return (dt.date(y, m, d) - dt.date(1899, 12, 30)).days


# banner rows (str) and actions: (id, improvement action, owner, by when, progress, links)
CORNWALL: list[str | tuple] = [
    "Ofsted SIF inspection - April 2016",
    ("C-01", "MACSE panel to agree and review an intervention plan for every child at risk of "
     "exploitation or going missing; return interview information shared with police analysts.",
     "Head of Adolescent Service", serial(2016, 12, 31), "Blue", [(C16, 1)]),
    ("C-02", "Joint housing protocol: every homeless 16- or 17-year-old told of their right to be "
     "accommodated under section 20 and offered a safe bed the same day.",
     "Head of Adolescent Service", serial(2016, 10, 31), "Blue", [(C16, 2)]),
    ("C-03", "Rec 3: daily MASH review so that a strategy discussion is held as soon as risk "
     "escalates.",
     "MASH Manager", serial(2016, 9, 30), "Blue", [(C16, 3)]),
    ("C-04", "Virtual school to fund targeted tuition for children in care in Years 10 and 11.",
     "Virtual School Head", serial(2017, 7, 31), "Green", [(C16, 6)]),
    ("C-05", "No permanence decision for siblings without a together-or-apart assessment.",
     "Permanence Service Manager", serial(2016, 12, 31), "Blue", [(C16, 8)]),
    ("C-06", "Board audit programme to include frontline practitioners, managers and children, "
     "with repeat audits where progress is slow.",
     "LSCB Business Manager", serial(2017, 3, 31), "Blue", [(C16, 10)]),
    ("C-07", "Launch the 'Foster for Cornwall' campaign and web pages.",
     "Fostering Service Manager", serial(2016, 11, 30), "Blue", []),
    "ILACS - October 2019",
    ("C-08", "Life story training for every social worker of a child in care; life story books "
     "started within six months of the permanence decision.",
     "Principal Social Worker", serial(2020, 6, 30), "Green", [(C19, 2)]),
    ("C-09", "New SMART plan template with named actions and dates; monthly audit of plan "
     "quality.",
     "Head of Quality Assurance", serial(2020, 3, 31), "Amber", [(C19, 3)]),
    "ILACS - July 2024",
    ("C-10", "Strategy meeting timeliness reported to the daily MASH huddle; all held within one "
     "working day of the decision.",
     "MASH Manager", serial(2024, 12, 31), "Green", [(C24, 1)]),
    ("C-11", "Legal services and social work to co-produce a plain-English letter before "
     "proceedings.",
     "Head of Legal", serial(2024, 11, 30), "Red", [(C24, 3)]),
    ("C-12", "Weekly visits and senior manager oversight for every child placed in an unregistered "
     "home.",
     "Head of Children in Care", serial(2024, 10, 31), "Amber", [(C24, 4)]),
    ("C-13", "Refresh the SEND local offer web pages.",
     "SEND Manager", serial(2025, 3, 31), "Not started", []),
]

BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")


def _norfolk(wb: Workbook) -> None:
    ws = wb.create_sheet("Norfolk")
    ws["A1"] = "Norfolk Children's Services - Improvement Plan following Ofsted inspections"
    ws.merge_cells("A1:H1")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Version 12 - updated for the Improvement Board, December 2022"
    ws.merge_cells("A2:H2")
    # row 3 left empty; header on row 4
    headers = ["Ref", "Source (inspection)", "Ofsted recommendation", "What we will do",
               "Lead officer", "Target date", "RAG", "Progress update / evidence"]
    ws.append(headers)
    for c in ws[4]:
        c.font, c.fill = BOLD, HEAD_FILL
    start = 5
    for ref, review, rec, action, lead, due, rag, update, _ in NORFOLK:
        ws.append([ref, review, rec or None, action, lead, due, rag, update or None])
    # Recommendations with several actions are merged vertically, as planners do.
    for first in range(start, start + len(NORFOLK) - 1):
        r0 = NORFOLK[first - start][2]
        last = first
        while last + 1 < start + len(NORFOLK) and r0 and NORFOLK[last + 1 - start][2] == r0:
            last += 1
        if last > first and not any(first in range(m.min_row, m.max_row + 1)
                                    for m in ws.merged_cells.ranges if m.min_col == 3):
            for r in range(first + 1, last + 1):
                ws.cell(r, 3).value = None
            ws.merge_cells(start_row=first, start_column=3, end_row=last, end_column=3)
    for row in ws.iter_rows(min_row=start):
        row[5].number_format = "DD/MM/YYYY"
        for c in row:
            c.alignment = WRAP


def _bexley(wb: Workbook) -> None:
    ws = wb.create_sheet("Bexley")
    ws["A1"] = "London Borough of Bexley: children's social care improvement plan"
    ws.merge_cells("A1:H1")
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(["Action No.", "Inspection", "Area for improvement (para)", "Actions",
               "Responsible", "Deadline", "Status", "Impact"])
    for c in ws[2]:
        c.font, c.fill = BOLD, HEAD_FILL
    for no, insp, afi, action, who, due, status, impact, _ in BEXLEY:
        ws.append([no, insp, afi or None, action, who, due, status, impact or None])
    for row in ws.iter_rows(min_row=3):
        for c in row:
            c.alignment = WRAP


def _cornwall(wb: Workbook) -> None:
    ws = wb.create_sheet("Cornwall")
    ws["A1"] = "Cornwall Council - Together for Families"
    ws["A2"] = "Ofsted improvement actions"
    ws["A3"] = None
    ws.append([])
    ws.append(["ID", "Improvement action", "Owner", "By when", "Progress"])  # row 5
    for c in ws[5]:
        c.font, c.fill = BOLD, HEAD_FILL
    for entry in CORNWALL:
        if isinstance(entry, str):
            ws.append([entry])
            r = ws.max_row
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
            ws.cell(r, 1).font = BOLD
        else:
            aid, action, owner, due, progress, _ = entry
            ws.append([aid, action, owner, due, progress])


def _key(wb: Workbook) -> None:
    ws = wb.create_sheet("Key")
    for row in (["Blue", "Complete and evidenced"], ["Green", "On track"],
                ["Amber", "Some slippage"], ["Red", "Off track / overdue"]):
        ws.append(row)


def gold_lines() -> list[dict[str, object]]:
    shared = {}
    for line in SHARED_GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            shared[g["file"]] = {it["n"]: it for it in g["items"]}
    out: list[dict[str, object]] = []
    actions = [(a[0], a[-1]) for a in NORFOLK] + [(a[0], a[-1]) for a in BEXLEY] + [
        (a[0], a[-1]) for a in CORNWALL if not isinstance(a, str)]
    seen = set()
    for aid, links in actions:
        assert aid not in seen, aid
        seen.add(aid)
        if not links:
            out.append({"action_id": aid, "file": None, "item_n": None, "item_number": None,
                        "item_text": None})
        for file, n in links:
            it = shared[file][n]
            out.append({"action_id": aid, "file": file, "item_n": n, "item_number": it["number"],
                        "item_text": it["text"]})
    return out


def fixed_zip(data: bytes) -> bytes:
    """Same bytes on every run: fixed ZIP entry times."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=WHEN.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the save time into <dcterms:modified>.
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + STAMP, body)
            dst.writestr(zi, body)
    return buf.getvalue()


def main() -> None:
    wb = Workbook()
    wb.remove(wb.active)
    _norfolk(wb)
    _bexley(wb)
    _cornwall(wb)
    _key(wb)
    wb.properties.creator = "reviewmine evaluation"
    wb.properties.created = WHEN
    wb.properties.modified = WHEN
    buf = io.BytesIO()
    wb.save(buf)
    OUT_XLSX.write_bytes(fixed_zip(buf.getvalue()))
    lines = gold_lines()
    OUT_GOLD.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                        encoding="utf-8")
    n_actions = len({x["action_id"] for x in lines})
    n_links = sum(1 for x in lines if x["file"])
    print(f"wrote {OUT_XLSX.name} ({n_actions} actions) and {OUT_GOLD.name} ({n_links} links)")


if __name__ == "__main__":
    main()
