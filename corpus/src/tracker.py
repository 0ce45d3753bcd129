
"""Fictional Eastmere Safeguarding Children Partnership action tracker.

Rows paraphrase recommendations and actions from the Eastmere documents of the
sample corpus.  ``links`` name the gold items (by their ``key`` in the document
sources) that an action answers; ``build`` writes tracker.xlsx, tracker.csv
(cp1252, first sheet only) and tracker_gold.jsonl.

Due dates are deliberately mixed, as in real trackers: ``date`` objects become
real Excel dates, ``int`` values are bare Excel serial numbers, strings are text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

D = dt.date
TODAY = D(2026, 11, 26)  # "overdue" means due before this date and not complete
LAST_REVIEWED = dt.datetime(2026, 10, 14, 9, 0, 0, tzinfo=dt.UTC)

COLUMNS = [
    "Ref",
    "Review",
    "Recommendation",
    "Action",
    "Lead agency",
    "Due date",
    "RAG status",
    "Evidence / impact",
]
WIDTHS = [9, 22, 34, 48, 24, 13, 12, 46]


def serial(d: dt.date) -> int:
    """Excel serial day number (1900 date system)."""
    return (d - D(1899, 12, 30)).days


def A(ref, review, rec, action, lead, due, status, evidence, links=()):
    return {
        "ref": ref,
        "review": review,
        "rec": rec,
        "action": action,
        "lead": lead,
        "due": due,
        "status": status,
        "evidence": evidence,
        "links": list(links),
    }


def G(text):
    return {"group": text}


SCR_D = "SCR Child D (2017)"
SCR_MN = "SCR Siblings M and N (2019)"
LCSPR_L = "LCSPR Baby L (2023)"
ISR = "Independent Scrutineer annual report 2023-24"

SHEET1 = [
    G("Serious Case Review: Child D (published June 2017)"),
    A("D-1a", SCR_D, "Rec 1: revise neglect strategy; Graded Care Profile expected for all "
      "agencies",
      "Revise and relaunch the Eastmere neglect strategy 2017-2020, making the Graded Care "
      "Profile the expected tool for all agencies.",
      "LSCB Neglect Subgroup", D(2017, 12, 31), "Complete",
      "Strategy relaunched January 2018; launch event attended by 140 practitioners.",
      ["scrD.r1"]),
    A("D-1b", SCR_D, "Rec 1: Graded Care Profile training",
      "Deliver multi-agency Graded Care Profile training to health, education and police "
      "staff.",
      "LSCB Training Officer", "March 2018", "Complete",
      "212 staff trained by April 2018 (cost £14,600 met from the LSCB budget).",
      ["scrD.r1"]),
    A("D-2", SCR_D, "Rec 2: MASH to seek partner information",
      "Amend the MASH procedure so that health, education and police checks are completed "
      "before a threshold decision on any child previously known.",
      "Children's Social Care (MASH)", serial(D(2017, 9, 30)), "Complete",
      "Procedure amended September 2017; health navigator in post in the MASH.",
      ["scrD.r2"]),
    A("D-3", SCR_D, "Rec 3: guidance on fathers and male carers",
      "Publish ‘Think Family: engaging fathers and male carers’ practice guidance and add it "
      "to the LSCB procedures.",
      "LSCB Business Unit", "31/03/2018", "Complete",
      "Guidance published May 2018.",
      ["scrD.r3"]),
    A("D-4", SCR_D, "Rec 4: 'was not brought' policy",
      "All health providers to adopt a Was Not Brought policy that includes informing the GP.",
      "Eastmere and Ashby CCG", D(2018, 6, 30), "Complete",
      "Policies in place in all three trusts; GP audit shows 82% compliance.",
      ["scrD.r4"]),
    A("D-5a", SCR_D, "Rec 5: relaunch escalation procedure",
      "Publish a one-page practitioners’ guide to the escalation procedure.",
      "LSCB Business Unit", "31/12/2017", "Complete",
      "Guide published December 2017; included in all multi-agency courses.",
      ["scrD.r5"]),
    A("D-5b", SCR_D, "Rec 5: audit use of escalation",
      "Audit the use of escalation every year and report to the Board.",
      "LSCB Performance Subgroup", "March 2019", "Ongoing",
      "First audit February 2019: 4 escalations from health, none from schools. No audit "
      "since.",
      ["scrD.r5"]),
    A("D-6", SCR_D, "Rec 6: multi-agency neglect audit",
      "Multi-agency audit of 20 neglect cases within 12 months; report to the Board and the "
      "Health and Wellbeing Board.",
      "LSCB Performance Subgroup", D(2018, 6, 30), "Complete",
      "Audit reported June 2018: Graded Care Profile used in 9 of 20 cases. Neglect actions "
      "closed.",
      ["scrD.r6"]),
    A("D-SA1", SCR_D, "Single-agency (Children's Social Care): chronologies",
      "Make a chronology and an analysis of history mandatory in single assessments of "
      "children previously known.",
      "Children's Social Care", serial(D(2017, 12, 31)), "Complete",
      "Assessment template changed December 2017.",
      ["scrD.sa1"]),
    A("D-SA2", SCR_D, "Single-agency (Police): domestic abuse notifications",
      "Domestic abuse notifications to list all adults present and to be shared with health "
      "visiting through the MASH.",
      "Eastmere Police", "Sept 2017", "Complete",
      "Notification form amended.",
      ["scrD.sa2"]),
    G("Serious Case Review: Siblings M and N (published March 2019)"),
    A("MN-1", SCR_MN, "Finding 1: neglect of older children",
      "Adapt the neglect toolkit for adolescents and pilot it in two secondary schools.",
      "ESCB Neglect Subgroup", D(2019, 12, 31), "75%",
      "Adolescent version drafted; pilot in two schools completed July 2020. Not yet "
      "launched.",
      ["mn.f1"]),
    A("MN-2", SCR_MN, "Finding 2: attendance information",
      "Share weekly attendance data for children on child in need and child protection plans "
      "with the MASH and school nursing.",
      "Education Safeguarding Team", "30/09/2019", "Complete",
      "Weekly data feed in place since October 2019.",
      ["mn.f2"]),
    A("MN-3", SCR_MN, "Finding 3: declined CAMHS referrals",
      "CAMHS to send the referrer an outcome letter setting out other support whenever a "
      "referral is not accepted.",
      "CAMHS (Eastmere Hospitals NHS FT)", serial(D(2019, 6, 30)), "Complete",
      "Outcome letter template in use from July 2019.",
      ["mn.f3"]),
    A("MN-5", SCR_MN, "Finding 5: professional challenge",
      "Name an escalation champion in every agency and school cluster.",
      "ESCB Business Unit", "March 2020", "Amber",
      "Champions named in health and children's social care; schools not yet.",
      ["mn.f5"]),
    G("LCSPR: Baby L (published March 2023)"),
    A("L-1a", LCSPR_L, "Rec 1: pre-birth protocol assurance",
      "Multi-agency audit of referrals about unborn babies made in the last 12 months.",
      "ESCP QIP Subgroup", D(2023, 12, 31), "Red",
      "Audit postponed twice (capacity); now planned for January 2025.",
      ["lcspr.r1", "isr.r1"]),
    A("L-1b", LCSPR_L, "Rec 1: pre-birth protocol training and wording",
      "Pre-birth protocol training for MASH practitioners and managers, midwives and health "
      "visitors; revise the protocol wording.",
      "ESCP Learning and Development", "30/09/2023", "Complete",
      "96 practitioners trained; protocol revised May 2023.",
      ["lcspr.r1"]),
    A("L-2", LCSPR_L, "Rec 2: new adults in the household",
      "GP practices to tell health visitors when a new adult registers at the address of a "
      "child under five; MASH police checks to include other force areas.",
      "NHS Eastmere and Ashby ICB / Eastmere Police", serial(D(2023, 9, 30)), "Amber",
      "Police process agreed (see RR-L3). GP notification pilot in 4 of 19 practices.",
      ["lcspr.r2"]),
    A("L-3", LCSPR_L, "Rec 3: refresh fathers and male carers guidance",
      "Refresh the guidance on engaging fathers and male carers and launch the ‘Who else "
      "lives here?’ campaign.",
      "ESCP Business Unit", "June 2023", "Complete",
      "Guidance refreshed July 2023; campaign materials issued to all agencies.",
      ["lcspr.r3", "lcspr.f3"]),
    A("L-4", LCSPR_L, "Rec 4: relaunch neglect strategy",
      "Relaunch the neglect strategy (2024-2027) with a requirement to repeat the Graded Care "
      "Profile 2 before a neglect plan ends.",
      "ESCP Neglect Subgroup", D(2024, 3, 31), "Ongoing",
      "Strategy in draft; guidance for child protection chairs issued February 2024.",
      ["lcspr.r4", "isr.r4"]),
    A("L-5", LCSPR_L, "Rec 5: ICON advice for fathers",
      "Deliver ICON coping-with-crying advice to fathers and male carers at antenatal and new "
      "birth contacts.",
      "Eastmere Hospitals NHS FT / Eastmere Community Health NHS Trust", "31/03/2024",
      "Green",
      "Q2 2024 audit: fathers received the advice at 88% of new birth visits.",
      ["lcspr.r5"]),
    A("L-7", LCSPR_L, "Rec 7: bruising protocol in primary care",
      "Training for all GP practices on the protocol for bruising in non-mobile babies, with an "
      "audit after 12 months.",
      "NHS Eastmere and Ashby ICB", "Dec 2023", "Complete",
      "17 of 19 practices trained. Audit due 2025.",
      ["lcspr.r7"]),
    G("Independent Scrutineer annual report 2023-24"),
    A("IS-1", ISR, "Para 3.4: close actions only on evidence of impact",
      "Add an impact-evidence test before QIP closes an action; review the neglect and fathers "
      "actions closed since 2017.",
      "QIP Chair", D(2025, 1, 31), "Ongoing",
      "Closure criteria agreed December 2024; review of closed actions not started.",
      ["isr.r2"]),
    A("IS-2", ISR, "Para 4.4: MASH information-sharing agreement",
      "Agree and sign a single information-sharing agreement for the MASH.",
      "ESCP Business Manager", "30/06/2025", "Red",
      "Draft with the three partners' information governance leads.",
      ["isr.r5"]),
    G("Partnership actions (no review recommendation)"),
    A("P-1", "QIP subgroup", "",
      "Develop a multi-agency performance dashboard for the Executive, including outcome "
      "measures.",
      "ESCP Performance Lead", "December 2024", "Not started", ""),
    A("P-2", "ESCP Executive", "",
      "Annual section 11 and section 175 safeguarding audits with peer challenge events.",
      "ESCP Business Unit", serial(D(2025, 12, 31)), "Ongoing",
      "2023-24 returns complete; challenge events held March 2024."),
]

RR_L = "Rapid Review Baby L (17/11/2021)"
RR_T = "Rapid Review Child T (20/07/2023)"

SHEET2 = [
    G("Rapid Review: Baby L (meeting 17 November 2021)"),
    A("RR-L1", RR_L, "Action 1",
      "Remind MASH staff and managers of the pre-birth protocol and the two-year sibling "
      "rule.",
      "Children's Social Care", D(2021, 11, 19), "Complete",
      "Briefing sent to all MASH staff 19/11/2021.",
      ["rrL.a1"]),
    A("RR-L2", RR_L, "Action 2",
      "ICON advice to fathers and male carers at the new birth visit, recorded on the visit "
      "template.",
      "Eastmere Community Health NHS Trust", "31/01/2022", "Complete",
      "Template field added; see also L-5.",
      ["rrL.a2"]),
    A("RR-L3", RR_L, "Action 3",
      "Process for MASH requests to other police force areas when a new adult joins a "
      "household.",
      "Eastmere Police", "March 2022", "Complete",
      "Process agreed with the regional forces April 2022.",
      ["rrL.a3"]),
    A("RR-L4", RR_L, "Action 4",
      "Prompt in the midwifery booking record about the baby's father and other adults in "
      "the home.",
      "Eastmere Hospitals NHS FT", serial(D(2022, 2, 28)), "Complete",
      "Prompt live from March 2022.",
      ["rrL.a4"]),
    A("RR-L5", RR_L, "Action 5",
      "Briefing for midwives and health visitors on the escalation procedure and unborn "
      "babies.",
      "ESCP Business Unit", "31/03/2022", "Not started",
      "To be combined with the response to LCSPR Baby L recommendation 6.",
      ["rrL.a5"]),
    A("RR-L6", RR_L, "Action 6",
      "Commission an LCSPR.",
      "Safeguarding partners", D(2021, 12, 10), "Complete",
      "Reviewer appointed December 2021; report published 15/03/2023.",
      ["rrL.a6"]),
    G("Rapid Review: Child T (meeting 20 July 2023)"),
    A("RR-T1", RR_T, "Action 1",
      "Exploitation risk check added to the exclusions protocol.",
      "Education Safeguarding Team", D(2023, 12, 31), "Complete",
      "Protocol revised; the check is mandatory from January 2024.",
      ["rrT.a1", "isr.r3"]),
    A("RR-T2", RR_T, "Action 2",
      "Template for police intelligence summaries at exploitation strategy meetings.",
      "Eastmere Police", "31/10/2023", "Green",
      "Template drafted and in trial in the Missing and Exploitation Hub.",
      ["rrT.a2"]),
    A("RR-T3", RR_T, "Action 3",
      "Invite alternative provision and other education settings to all exploitation "
      "strategy meetings.",
      "Children's Social Care", "Oct 2023", "Complete",
      "Standard invitation list amended.",
      ["rrT.a3"]),
    A("RR-T4", RR_T, "Action 4",
      "Review the child exploitation screening tool, including the weight given to repeat "
      "missing episodes.",
      "ESCP", serial(D(2024, 3, 31)), "Amber",
      "Awaiting the findings of the exploitation thematic review.",
      ["rrT.a4"]),
]

SHEETS = [("SCR and LCSPR actions", SHEET1), ("Rapid review actions", SHEET2)]

TITLE = "Eastmere Safeguarding Children Partnership – Learning and Improvement Action Tracker"
NOTE = (
    "Owner: Quality and Improvement in Practice (QIP) subgroup. Last reviewed: 14/10/2026. "
    "OFFICIAL – fictional data written for the reviewmine sample corpus."
)
KEY = (
    "RAG key: Red = off track; Amber = at risk; Green = on track; ‘Complete’ = action "
    "finished and closed by QIP. Costs are shown in £."
)

FILLS = {
    "Red": "F4B6B6",
    "Amber": "FFD966",
    "Green": "B7DDB0",
    "Complete": "BDD7EE",
}


def display_due(due) -> str:
    if isinstance(due, dt.date):
        return due.strftime("%d/%m/%Y")
    return str(due)


def due_date(due) -> dt.date | None:
    """Best reading of a due value (for reporting overdue actions)."""
    if isinstance(due, dt.date):
        return due
    if isinstance(due, int):
        return D(1899, 12, 30) + dt.timedelta(days=due)
    for fmt in ("%d/%m/%Y", "%B %Y", "%b %Y"):
        try:
            return dt.datetime.strptime(due.replace("Sept", "Sep"), fmt).date()
        except ValueError:
            pass
    return None


def _write_sheet(ws, title, rows):
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ncol = len(COLUMNS)
    ws["A1"] = TITLE
    ws["A1"].font = Font(bold=True, size=14, color="1F3A60")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws["A2"] = NOTE
    ws["A2"].font = Font(italic=True, size=9)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncol)
    ws["A3"] = KEY
    ws["A3"].font = Font(italic=True, size=9)
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=ncol)
    for j, name in enumerate(COLUMNS, 1):
        c = ws.cell(row=4, column=j, value=name)
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = PatternFill("solid", fgColor="1F3A60")
        c.alignment = Alignment(wrap_text=True, vertical="center")
        c.border = border
        ws.column_dimensions[c.column_letter].width = WIDTHS[j - 1]
    r = 5
    for row in rows:
        if "group" in row:
            c = ws.cell(row=r, column=1, value=row["group"])
            c.font = Font(bold=True)
            c.fill = PatternFill("solid", fgColor="DDE4EE")
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
            r += 1
            continue
        values = [row["ref"], row["review"], row["rec"] or None, row["action"], row["lead"],
                  row["due"], row["status"], row["evidence"] or None]
        for j, v in enumerate(values, 1):
            c = ws.cell(row=r, column=j, value=v)
            c.alignment = Alignment(wrap_text=True, vertical="top")
            c.border = border
            if j == 6 and isinstance(v, dt.date):
                c.number_format = "DD/MM/YYYY"
            if j == 7 and v in FILLS:
                c.fill = PatternFill("solid", fgColor=FILLS[v])
        r += 1
    ws.freeze_panes = "A5"
    ws.auto_filter.ref = f"A4:{ws.cell(row=r - 1, column=ncol).coordinate}"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.orientation = "landscape"


def csv_rows(rows) -> list[list[str]]:
    out = [[TITLE] + [""] * 7, [NOTE] + [""] * 7, [KEY] + [""] * 7, list(COLUMNS)]
    for row in rows:
        if "group" in row:
            out.append([row["group"]] + [""] * 7)
        else:
            out.append([row["ref"], row["review"], row["rec"], row["action"], row["lead"],
                        display_due(row["due"]), row["status"], row["evidence"]])
    return out


def build(out_dir: Path, index: dict, normalise_zip) -> list[str]:
    """Write the tracker files; ``index`` maps item keys to (file, gold item)."""
    import openpyxl

    errors: list[str] = []
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in SHEETS:
        _write_sheet(wb.create_sheet(title), title, rows)
    props = wb.properties
    props.creator = "ESCP Business Unit"
    props.lastModifiedBy = "ESCP Business Unit"
    props.title = "ESCP action tracker"
    props.created = LAST_REVIEWED.replace(tzinfo=None)
    buf = io.BytesIO()
    wb.save(buf)
    (out_dir / "tracker.xlsx").write_bytes(normalise_zip(buf.getvalue(), LAST_REVIEWED))

    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(csv_rows(SHEET1))
    (out_dir / "tracker.csv").write_bytes(text.getvalue().encode("cp1252"))

    refs = set()
    lines = []
    for sheet, rows in SHEETS:
        for row in rows:
            if "group" in row:
                continue
            if row["ref"] in refs:
                errors.append(f"tracker: duplicate ref {row['ref']}")
            refs.add(row["ref"])
            for key in row["links"]:
                if key not in index:
                    errors.append(f"tracker {row['ref']}: unknown item key {key}")
                    continue
                file, item = index[key]
                lines.append(
                    {
                        "action_id": row["ref"],
                        "sheet": sheet,
                        "file": file,
                        "item_n": item["n"],
                        "item_number": item["number"],
                        "item_text": item["text"],
                    }
                )
    with open(out_dir / "tracker_gold.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    return errors


def summary(index: dict) -> dict:
    """Facts for README / the report: unlinked actions, unactioned items, overdue."""
    linked = {k for _, rows in SHEETS for r in rows if "links" in r for k in r["links"]}
    no_item = [r["ref"] for _, rows in SHEETS for r in rows if "links" in r and not r["links"]]
    eastmere_items = [
        (file, item)
        for key, (file, item) in index.items()
        if file.startswith("eastmere_")
        and key not in linked
        and item["kind"] in ("recommendation", "action")
    ]
    overdue = []
    for _, rows in SHEETS:
        for r in rows:
            if "ref" not in r:
                continue
            d = due_date(r["due"])
            if d and d < TODAY and r["status"] != "Complete":
                overdue.append(r["ref"])
    return {"no_item": no_item, "unactioned": eastmere_items, "overdue": overdue}
