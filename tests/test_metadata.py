"""Tests for reviewmine.extract.metadata: real Ofsted reports against gold, a real scrutineer's
report, and small synthetic first pages for the other document types."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewmine.extract.areas import authorities, canonical_area
from reviewmine.extract.metadata import Metadata, date_span, detect_metadata, parse_date
from reviewmine.types import DOC_TYPES

SHARED = Path(os.environ.get("REVIEWMINE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
OFSTED = SHARED / "real" / "ofsted"
SCRUTINEER = SHARED / "real" / "seed" / "independent-scrutineer-report-2020.txt"

# Gold erratum: norfolk_2013-08-16.pdf page 21 prints the row label "Outcomes for looked after
# children and young people" (checked on the rendered page; the same table in kent_2013-08-23.pdf
# has the full label in gold).  The gold key lost the wrapped second line.
GOLD_KEY_ERRATA = {
    (
        "norfolk_2013-08-16.pdf",
        "Outcomes for looked after children",
    ): "Outcomes for looked after children and young people",
}


def _gold() -> list[dict]:
    if not (OFSTED / "gold.jsonl").exists():
        return []
    return [json.loads(line) for line in (OFSTED / "gold.jsonl").read_text().splitlines() if line]


def _pdf_pages(path: Path, drop_page_numbers: bool) -> list[str]:
    pypdfium2 = pytest.importorskip("pypdfium2")
    pages = [
        p.get_textpage().get_text_range().replace("\r\n", "\n")
        for p in pypdfium2.PdfDocument(str(path))
    ]
    if not drop_page_numbers:
        return pages
    out = []
    for page in pages:  # mimic ingest: a first/last line that is only a page number goes
        lines = page.split("\n")
        if lines and lines[0].strip().isdigit():
            lines = lines[1:]
        if lines and lines[-1].strip().isdigit():
            lines = lines[:-1]
        out.append("\n".join(lines))
    return out


GOLD = _gold()


@pytest.mark.slow
@pytest.mark.skipif(not GOLD, reason="real Ofsted set not available")
@pytest.mark.parametrize("clean", [False, True], ids=["raw", "page-numbers-dropped"])
@pytest.mark.parametrize("gold", GOLD, ids=[g["file"] for g in GOLD])
def test_real_ofsted_report_matches_gold(gold: dict, clean: bool) -> None:
    meta = detect_metadata(_pdf_pages(OFSTED / gold["file"], clean), gold["file"])
    expected = {GOLD_KEY_ERRATA.get((gold["file"], k), k): v for k, v in gold["judgements"].items()}
    assert meta.judgements == expected
    assert meta.doc_type == "ofsted_inspection"
    assert meta.framework == gold["framework"]
    assert meta.area == gold["local_authority"]
    assert meta.date == gold["inspection_date"]
    assert meta.dates["first_day"] == gold["inspection_date"]
    assert meta.dates["last_day"] == gold["inspection_end_date"]
    assert meta.pseudonym is None
    assert 10 < len(meta.title) < 160 and meta.area in meta.title


@pytest.mark.slow
@pytest.mark.skipif(not GOLD, reason="real Ofsted set not available")
def test_real_ofsted_titles_and_publication_dates() -> None:
    metas = {
        g["file"]: detect_metadata(_pdf_pages(OFSTED / g["file"], True), g["file"]) for g in GOLD
    }
    assert metas["bexley_2014-05-23.pdf"].title == (
        "Bexley: Inspection of services for children in need of help and protection, "
        "children looked after and care leavers"
    )
    assert metas["dorset_2021-11-19.pdf"].title == (
        "Inspection of Dorset local authority children\u2019s services"
    )
    assert (
        metas["kent_2013-08-23.pdf"].title == "Kent: Inspection of looked after children services"
    )
    # Reports that print "Report published:" carry it; it matches the file-name date give or
    # take a day (Norfolk 2015 prints 19 October, the file says 20 October).
    assert metas["bexley_2014-05-23.pdf"].dates["published"] == "2014-05-23"
    assert metas["kent_2013-08-23.pdf"].dates["published"] == "2013-08-23"
    assert metas["norfolk_2015-10-20.pdf"].dates["published"] == "2015-10-19"


@pytest.mark.skipif(not SCRUTINEER.exists(), reason="real scrutineer report not available")
def test_real_scrutineer_report() -> None:
    text = SCRUTINEER.read_text(encoding="utf-8")
    pages = text.split("\f") if "\f" in text else [text]
    meta = detect_metadata(pages, SCRUTINEER.name)
    assert meta.doc_type == "scrutiny_report"
    # Dated "November 2020" under the signature; a day-less date is the 1st of the month.
    assert meta.date == "2020-11-01"
    assert meta.dates == {"published": "2020-11-01"}
    # The text names "Gloucestershire Safeguarding Children's Executive (GSCE)".
    assert meta.area == "Gloucestershire"
    assert meta.judgements == {} and meta.framework is None
    assert meta.title == "Gloucestershire: Independent scrutineer report 2020"
    assert detect_metadata(pages, "report.txt").doc_type == "scrutiny_report"


SCR = """Exampleshire Safeguarding Children Board
Serious Case Review: Child D
Published: 12 June 2017

1. Introduction
1.1 This review was commissioned after the death of Child D, aged 14 months.
"""

LCSPR = """OFFICIAL
Local Child Safeguarding Practice Review
Baby L
Bexley Safeguarding Children Partnership
Date of publication: 12/06/2017
This review was commissioned following a rapid review in March 2017.
"""

RAPID = """CONFIDENTIAL
Rapid Review
Family X
Date of Rapid Review meeting: 2017-06-12
Date of birth: 01/01/2015
The partnership met to consider whether the case should be subject to an LCSPR.
"""

JTAI = """Ofsted
Piccadilly Gate
Store Street
Manchester M1 2WD

20 June 2017

Ms Jane Smith
Director of Children\u2019s Services
Norfolk County Council

Dear Ms Smith
Joint targeted area inspection of the multi-agency response to abuse and
neglect in Norfolk
Between 8 and 12 May 2017, Ofsted, the Care Quality Commission (CQC), HMI Constabulary
and HMI Probation undertook a joint inspection of the multi-agency response.
"""

FOCUSED = """12 November 2020
Mr John Jones
Director of Children\u2019s Services, Gloucestershire County Council
Dear Mr Jones
Focused visit to Gloucestershire children\u2019s services
This letter summarises the findings of the focused visit to Gloucestershire
children\u2019s services on 6 and 7 October 2020.
"""

BRIEF = """7 Minute Briefing
Learning from the Serious Case Review: Child D
June 2017
Why it matters
Child D was known to several agencies.
"""


@pytest.mark.parametrize(
    ("text", "doc_type", "title", "area", "date", "pseudonym"),
    [
        (SCR, "scr", "Serious Case Review: Child D", "Exampleshire", "2017-06-12", "Child D"),
        (
            LCSPR,
            "lcspr",
            "Local Child Safeguarding Practice Review: Baby L",
            "Bexley",
            "2017-06-12",
            "Baby L",
        ),
        (RAPID, "rapid_review", "Rapid Review: Family X", None, "2017-06-12", "Family X"),
        (
            JTAI,
            "jtai_letter",
            (
                "Joint targeted area inspection of the multi-agency response to "
                "abuse and neglect in Norfolk"
            ),
            "Norfolk",
            "2017-05-08",
            None,
        ),
        (
            FOCUSED,
            "focused_visit",
            "Focused visit to Gloucestershire children\u2019s services",
            "Gloucestershire",
            "2020-10-06",
            None,
        ),
        (
            BRIEF,
            "learning_brief",
            ("7 Minute Briefing: Learning from the Serious Case Review: Child D"),
            None,
            "2017-06-01",
            "Child D",
        ),
    ],
    ids=["scr", "lcspr", "rapid", "jtai", "focused", "brief"],
)
def test_synthetic_first_pages(
    text: str, doc_type: str, title: str, area: str | None, date: str, pseudonym: str | None
) -> None:
    meta = detect_metadata([text, "Second page.\n"], "document.pdf")
    assert (meta.doc_type, meta.title, meta.area, meta.date, meta.pseudonym) == (
        doc_type,
        title,
        area,
        date,
        pseudonym,
    )
    assert meta.judgements == {} and meta.framework is None


def test_letter_dates_by_role() -> None:
    jtai = detect_metadata([JTAI], "jtai.pdf")
    assert jtai.dates == {
        "first_day": "2017-05-08",
        "last_day": "2017-05-12",
        "letter": "2017-06-20",
    }
    focused = detect_metadata([FOCUSED], "letter.pdf")
    assert focused.dates == {
        "first_day": "2020-10-06",
        "last_day": "2020-10-07",
        "letter": "2020-11-12",
    }


def test_rapid_review_ignores_date_of_birth() -> None:
    assert detect_metadata([RAPID], "rr.docx").dates == {"meeting": "2017-06-12"}


def test_type_from_file_name_and_headings_and_other() -> None:
    body = "The panel met on several occasions.\nIt considered the records.\n"
    assert detect_metadata([body], "Child Q SCR final.pdf").doc_type == "scr"
    assert (
        detect_metadata([body], "x.pdf", headings=["Learning brief"]).doc_type == "learning_brief"
    )
    other = detect_metadata([body], "minutes.pdf")
    assert other.doc_type == "other" and other.date is None and other.title == "Document"
    assert detect_metadata([], "empty.pdf").doc_type == "other"


def test_headings_give_the_title_when_page_starts_with_prose() -> None:
    meta = detect_metadata(
        ["the rest of a sentence.\nMore."],
        "a.pdf",
        headings=["Contents", "Thematic review of neglect"],
    )
    assert meta.title == "Thematic review of neglect"


def test_text_quirks_are_tolerated() -> None:
    text = (
        "Serious\xa0Case Review\r\nChildren A and B\r\nPublished:\xa012th June 2017\r\n"
        "Multi\ufffe\nagency work was ..."
    )
    meta = detect_metadata([text], "scr.pdf")
    assert (meta.doc_type, meta.pseudonym, meta.date) == ("scr", "Children A and B", "2017-06-12")
    assert meta.title == "Serious Case Review: Children A and B"


def test_no_false_pseudonym() -> None:
    text = "Child Safeguarding Practice Review\nFamily Court proceedings and Child Protection\n"
    assert detect_metadata([text], "r.pdf").pseudonym is None


@pytest.mark.parametrize(
    ("text", "doc_type", "area", "pseudonym", "date"),
    [
        (
            "SERIOUS CASE REVIEW\nBABY T\nBrighton & Hove Local Safeguarding Children Board\n",
            "scr",
            "Brighton and Hove",
            "Baby T",
            None,
        ),
        (
            (
                "Kent Safeguarding Children Multi-Agency Partnership\nLocal Child Safeguarding Practice "
                "Review\n\u2018Child K\u2019\nMarch 2021\n"
            ),
            "lcspr",
            "Kent",
            "Child K",
            "2021-03-01",
        ),
        (
            (
                "Annual Report 2020-21\nBath and North East Somerset Community Safeguarding Partnership\n"
                "Foreword\n"
            ),
            "annual_report",
            "Bath and North East Somerset",
            None,
            None,
        ),
        (
            (
                "Monitoring visit to Barking and Dagenham children\u2019s services\nThis letter "
                "summarises the monitoring visit on 12 and 13 January 2021.\n"
            ),
            "monitoring_visit",
            "Barking and Dagenham",
            None,
            "2021-01-12",
        ),
        (
            (
                "12 May 2020\nMs A Smith\nDirector of Children\u2019s Services\nExampleshire County "
                "Council\nDear Ms Smith\nThank you for meeting us.\n"
            ),
            "ofsted_letter",
            "Exampleshire",
            None,
            "2020-05-12",
        ),
    ],
    ids=["upper-case-scr", "lcspr-multi-agency", "annual-report", "monitoring", "dcs-letter"],
)
def test_type_area_pseudonym_variants(
    text: str, doc_type: str, area: str | None, pseudonym: str | None, date: str | None
) -> None:
    meta = detect_metadata([text], "doc.pdf")
    assert (meta.doc_type, meta.area, meta.pseudonym, meta.date) == (
        doc_type,
        area,
        pseudonym,
        date,
    )


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("12 June 2017", "2017-06-12"),
        ("12th of June, 2017", "2017-06-12"),
        ("June 12, 2017", "2017-06-12"),
        ("12/06/2017", "2017-06-12"),
        ("12.06.2017", "2017-06-12"),
        ("2017-06-12", "2017-06-12"),
        ("June 2017", "2017-06-01"),
        ("Sept 2017", "2017-09-01"),
        ("published in Nov. 2020", "2020-11-01"),
        ("31/02/2017", None),
        ("no date here", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_ofsted_layouts_synthetic() -> None:
    # ILACS table as pdfplumber orders it: a grade inside the wrapped label.
    ilacs = (
        "Inspection of Exampleshire local authority\nchildren\u2019s services\n"
        "Inspection dates: 27 September to 8 October 2021\nJudgement Grade\n"
        "The impact of leaders on social work practice with Requires improvement to\n"
        "children and families be good\nThe experiences and progress of children who need\n"
        "Good\nhelp and protection\nOverall effectiveness Good\nThe text follows."
    )
    meta = detect_metadata([ilacs], "x.pdf")
    assert meta.framework == "ILACS" and meta.area == "Exampleshire"
    assert meta.judgements == {
        "The impact of leaders on social work practice with children and families": "Requires improvement to be good",
        "The experiences and progress of children who need help and protection": "Good",
        "Overall effectiveness": "Good",
    }
    assert (meta.date, meta.dates["last_day"]) == ("2021-09-27", "2021-10-08")
    # SIF page 1 with grades printed before/after their wrapped labels.
    sif = (
        "Royal Borough of Exampleton\nInspection of services for children in need of help and"
        " \nprotection, children looked after and care leavers\nand\nReview of the "
        "effectiveness of the Local Safeguarding Children \nBoard1\nInspection date: 15 \u2013 19"
        " July 2013\nThe overall judgement is requires improvement.\n"
        "Requires\n1. Children who need help and protection\nimprovement\n"
        "2. Children looked after and achieving\nGood\npermanence\n"
        "2.1 Adoption performance Outstanding\n"
        "2.2 Experiences and progress of Care Leavers Good\n"
        "3. Leadership, management and governance Requires \nimprovement\n"
        "The effectiveness of the Local Safeguarding Children Board (LSCB) is \ninadequate.\n"
    )
    meta = detect_metadata([sif], "y.pdf")
    assert meta.framework == "SIF" and meta.area == "Exampleton"
    assert meta.date == "2013-07-15" and meta.dates["last_day"] == "2013-07-19"
    assert meta.judgements == {
        "Overall effectiveness": "requires improvement",
        "Children who need help and protection": "Requires improvement",
        "Children looked after and achieving permanence": "Good",
        "Adoption performance": "Outstanding",
        "Experiences and progress of Care Leavers": "Good",
        "Leadership, management and governance": "Requires improvement",
        "Local Safeguarding Children Board": "inadequate",
    }


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400), max_size=3
    ),
    st.text(max_size=40),
)
def test_never_raises_and_shapes_hold(pages: list[str], name: str) -> None:
    meta = detect_metadata(pages, name)
    assert isinstance(meta, Metadata)
    assert meta.doc_type in DOC_TYPES
    assert 0 < len(meta.title) < 160
    assert meta.date is None or _ISO.fullmatch(meta.date)
    assert all(_ISO.fullmatch(v) for v in meta.dates.values())


@given(
    st.sampled_from([SCR, LCSPR, RAPID, JTAI, FOCUSED, BRIEF]),
    st.sampled_from(["", "\n", "  \n", "\n\n\n"]),
)
def test_blank_lines_do_not_matter(text: str, pad: str) -> None:
    padded = pad + text.replace("\n", "\n" + pad)
    a, b = detect_metadata([text], "d.pdf"), detect_metadata([padded], "d.pdf")
    assert (a.doc_type, a.title, a.area, a.date, a.pseudonym) == (
        b.doc_type,
        b.title,
        b.area,
        b.date,
        b.pseudonym,
    )


# ------------------------------------------------------------------ one date-span parser


@pytest.mark.parametrize(
    ("text", "hint", "span"),
    [
        ("Inspection dates: 10 to 21 July 2023", None, ("2023-07-10", "2023-07-21")),
        ("30 November to 4 December 2020", None, ("2020-11-30", "2020-12-04")),
        ("Between 20 and 24 June", "2021-07-30", ("2021-06-20", "2021-06-24")),
        ("on 5 and 6 February 2019.", None, ("2019-02-05", "2019-02-06")),
        ("4 December 2023 to 8 December 2023", None, ("2023-12-04", "2023-12-08")),
        ("18 November \u2013 10 December 2014", None, ("2014-11-18", "2014-12-10")),
        ("between 13 October and 15 October 2020", None, ("2020-10-13", "2020-10-15")),
        ("on 29 September 2020", None, ("2020-09-29", "2020-09-29")),
        # a visit in December, the letter in January: the year borrowed is the one before
        ("between 9 and 10 December", "2026-01-27", ("2025-12-09", "2025-12-10")),
        ("28 December to 2 January 2021", None, ("2020-12-28", "2021-01-02")),
        ("November 2020", None, ("2020-11-01", None)),
        ("no date", None, (None, None)),
    ],
)
def test_date_span_every_printed_form(
    text: str, hint: str | None, span: tuple[str | None, str | None]
) -> None:
    assert date_span(text, hint) == span


def test_letter_without_a_year_takes_it_from_the_letter_date() -> None:
    text = (
        "21 July 2021\nDear Ms Jones\nFocused visit to Exampleshire children\u2019s services\n"
        "This letter summarises the findings of the focused visit to Exampleshire children\u2019s"
        " services\nbetween 20 and 24 June. Inspectors looked at the local authority\u2019s "
        "arrangements for care leavers.\n"
    )
    meta = detect_metadata([text], "letter.pdf")
    assert (meta.doc_type, meta.date, meta.topic) == (
        "focused_visit",
        "2021-06-20",
        "arrangements for care leavers",
    )
    assert meta.dates == {
        "first_day": "2021-06-20",
        "last_day": "2021-06-24",
        "letter": "2021-07-21",
    }


# ------------------------------------------------------------------ areas


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("Telford & Wrekin", "Telford and Wrekin"),
        ("St. Helens", "St Helens"),
        ("County Durham", "Durham"),
        ("Royal Borough of Windsor and Maidenhead", "Windsor and Maidenhead"),
        ("Bournemouth, Christchurch & Poole", "Bournemouth, Christchurch and Poole"),
        ("Cumbria", "Cumbria"),  # a former authority keeps its name for its old reports
        ("Bexley and South East London Integrated Care Board", None),
    ],
)
def test_canonical_area_names(printed: str, canonical: str | None) -> None:
    assert canonical_area(printed) == canonical


def test_authority_table_current_and_former() -> None:
    table = {a.name: a for a in authorities()}
    assert sum(a.current for a in table.values()) == 153  # English children's services authorities
    assert table["Cumbria"].successors == ("Cumberland", "Westmorland and Furness")
    assert not table["Northamptonshire"].current
    assert all(s in table and table[s].current for a in table.values() for s in a.successors)


def test_area_is_never_a_health_board() -> None:
    text = (
        "Area SEND inspection of Hounslow Local Area Partnership\nInspection dates: 21 to 25 "
        "October 2024\nInspection outcome\nThe local area partnership\u2019s arrangements lead "
        "to inconsistent experiences and outcomes for children.\nThe London Borough of Hounslow"
        " and North West London Integrated Care Board (ICB) are responsible.\n"
    )
    meta = detect_metadata([text], "send.pdf")
    assert (meta.doc_type, meta.area, meta.date) == ("area_send", "Hounslow", "2024-10-21")
    assert meta.judgements == {
        "Area SEND outcome": (
            "The local area partnership\u2019s arrangements lead to inconsistent experiences and "
            "outcomes for children."
        )
    }
    assert (
        detect_metadata(["Report of the South East London Integrated Care Board\n"], "x.pdf").area
        is None
    )


# ------------------------------------------------------------------ types and judgements


def test_ilacs_title_forms_and_lsc_board_sentence() -> None:
    ilacs = (
        "Exampleton Borough Council\nInspection of local authority children\u2019s services\n"
        "Inspection dates: 02 March 2020 to 13 March 2020\nJudgement Grade\n"
        "The impact of leaders on social work practice with children and families Good\n"
        "Overall effectiveness Good\n"
    )
    meta = detect_metadata([ilacs], "x.pdf")
    assert (meta.doc_type, meta.framework, meta.area, meta.date) == (
        "ofsted_inspection",
        "ILACS",
        "Exampleton",
        "2020-03-02",
    )
    assert meta.title == "Exampleton: Inspection of local authority children\u2019s services"
    lscb = (
        "Exampleshire\nReview of the effectiveness of the Local Safeguarding Children Board\n"
        "Inspection date: 15 \u2013 19 July 2015\nThe Local Safeguarding Children Board "
        "requires improvement to be good. The board has a clear plan.\n"
    )
    meta = detect_metadata([lscb], "y.pdf")
    assert meta.framework == "SIF LSCB review"
    assert meta.judgements == {
        "Local Safeguarding Children Board": "requires improvement to be good"
    }


def test_letter_priority_action_status_as_printed() -> None:
    base = (
        "3 May 2019\nDear Sir\nJoint targeted area inspection of Exampleshire\nThis inspection "
        "took place from 1 to 5 April 2019.\n"
    )
    none = detect_metadata(
        [
            base + "Areas for priority action\n\u25fc\nThere are no areas for "
            "priority action\nAreas for improvement\n"
        ],
        "j.pdf",
    )
    some = detect_metadata(
        [base + "Areas for priority action\n\u25fc Leaders need to act.\n"], "j.pdf"
    )
    plain = detect_metadata([base], "j.pdf")
    assert none.judgements == {"Areas for priority action": "None"}
    assert some.judgements == {"Areas for priority action": "Identified"}
    assert plain.judgements == {}


@pytest.mark.parametrize(
    ("text", "doc_type"),
    [
        (
            "Skip to content.\nSAR Adult A - learning briefing\nThis briefing summarises the SAR.\n",
            "sar",
        ),
        ("Domestic Homicide Review: lessons learned\nThemes identified.\n", "dhr"),
        (
            "Serious Case Review into baby's death says lessons need to be learned\nA review.\n",
            "case_review_summary",
        ),
        (
            (
                "Agenda item\nChildren's Safeguarding Partnership Annual Report\nThe report set out "
                "the work, including independent scrutiny.\n"
            ),
            "annual_report",
        ),
        (
            (
                "Triennial analysis of serious case reviews 2014 to 2017\nThe report looks at 368 "
                "serious case reviews.\n"
            ),
            "national_review",
        ),
    ],
    ids=["sar-brief", "dhr", "news-about-one-review", "annual-report", "national"],
)
def test_review_summary_types(text: str, doc_type: str) -> None:
    assert detect_metadata([text], "page.txt").doc_type == doc_type


def test_sif_report_printing_its_lscb_review_title_first_keeps_all_judgements() -> None:
    sif = (
        "Exampleshire County Council\nReview of the effectiveness of the Local Safeguarding "
        "Children Board\nand\nInspection of services for children in need of help and "
        "protection, children looked after and care leavers\nInspection date: 9 March \u2013 1 "
        "April 2015\nThe overall judgement is that children\u2019s services are good\n"
        "1. Children who need help and protection Good\n"
        "2. Children looked after and achieving permanence Good\n"
        "2.1 Adoption performance Outstanding\n"
        "2.2 Experiences and progress of care leavers Requires improvement\n"
        "3. Leadership, management and governance Good\n"
        "The Local Safeguarding Children Board is good.\n"
    )
    meta = detect_metadata([sif], "sif.pdf")
    assert (meta.framework, meta.area, meta.date) == ("SIF", "Exampleshire", "2015-03-09")
    assert meta.judgements == {
        "Overall effectiveness": "good",
        "Children who need help and protection": "Good",
        "Children looked after and achieving permanence": "Good",
        "Adoption performance": "Outstanding",
        "Experiences and progress of care leavers": "Requires improvement",
        "Leadership, management and governance": "Good",
        "Local Safeguarding Children Board": "good",
    }


def test_letter_naming_the_ilacs_framework_stays_a_letter() -> None:
    text = (
        "Focused visit to Exampleshire children\u2019s services\nVisit dates: 3 and 4 May 2022\n"
        "This visit was carried out under the Inspection of local authority children\u2019s "
        "services framework.\n"
    )
    meta = detect_metadata([text], "letter.pdf")
    assert (meta.doc_type, meta.area, meta.date) == ("focused_visit", "Exampleshire", "2022-05-03")
    assert meta.title == "Focused visit to Exampleshire children\u2019s services"


def test_a_national_panel_mentioned_in_a_sentence_does_not_type_a_rapid_review() -> None:
    # An unseen rapid review note was typed national_review from "The National Panel was
    # informed" in its opening text, although its title block names a rapid review.
    note = (
        "EXAMPLESHIRE SAFEGUARDING CHILDREN PARTNERSHIP\nRAPID REVIEW OUTCOME NOTE\n\n"
        "Child: Child M (aged 7 months)\nDate of rapid review meeting: 17 October 2024\n\n"
        "Decision\nThe rapid review agreed that the criteria for a local child safeguarding "
        "practice review are not met. The National Panel was informed and agreed.\n"
    )
    meta = detect_metadata([note], "outcome_note.txt")
    assert (meta.doc_type, meta.pseudonym, meta.date) == ("rapid_review", "Child M", "2024-10-17")


def test_a_review_type_mentioned_in_an_opening_sentence_does_not_type_the_page() -> None:
    # An unseen annual report section was typed lcspr from "completed two local child
    # safeguarding practice reviews" in its first paragraph; its file name says what it is.
    page = (
        "What we learned from reviews this year\n\n"
        "During 2023-24 the partnership completed two local child safeguarding practice "
        "reviews and held five rapid reviews.\n"
    )
    meta = detect_metadata([page], "exampleshire_annual_report_learning.md")
    assert meta.doc_type == "annual_report"


def _parsed(tmp_path: Path, name: str, text: str) -> Metadata:
    from reviewmine.ingest import parse_file

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc, _ = parse_file(path)
    return doc


def test_a_title_that_opens_with_a_number_is_not_a_numbered_section(tmp_path) -> None:
    html = (
        "<html><body><h1>7 Minute Briefing: Serious Case Review - Child P</h1>"
        "<p>Published: 9 July 2019</p><h2>1. Why 7 minutes?</h2><p>Short and focused.</p>"
        "<h2>Further information</h2><p>See the full report.</p></body></html>"
    )
    doc = _parsed(tmp_path, "eastmarsh_briefing.html", html)
    assert doc.title == "7 Minute Briefing: Serious Case Review - Child P"
    assert doc.doc_type == "learning_brief"


def test_a_community_safety_partnership_name_is_the_publisher_not_the_title(tmp_path) -> None:
    md = (
        "# Safer Ellerby Partnership\n\n## Domestic Homicide Review: Nadia - Learning Summary\n\n"
        "*Published 27 January 2026.*\n\n### Key findings\n\n- The risk was underestimated.\n"
    )
    doc = _parsed(tmp_path, "ellerby_dhr.md", md)
    assert doc.title == "Domestic Homicide Review: Nadia - Learning Summary"
    assert doc.area == "Ellerby"


def test_a_national_body_in_the_file_name_is_not_an_area(tmp_path) -> None:
    html = (
        "<html><body><h1>Moved on: families who move between areas</h1><p>A national review by "
        "the Child Safeguarding Practice Review Panel. Published 4 November 2025.</p>"
        "<h2>What we found</h2><p>Records rarely followed children. The Panel saw this often.</p>"
        "</body></html>"
    )
    assert _parsed(tmp_path, "panel_thematic_review.html", html).area is None


def test_an_adults_board_names_its_area(tmp_path) -> None:
    md = (
        "# Safeguarding Adults Review: Joseph - 7-minute briefing\n\n"
        "Northfield Vale Safeguarding Adults Board. Published June 2024.\n"
    )
    assert _parsed(tmp_path, "sar_joseph.md", md).area == "Northfield Vale"


def test_a_saved_web_page_is_titled_past_its_skip_link_publisher_and_breadcrumb(tmp_path) -> None:
    txt = (
        "Skip to main content\nBrindleford Safeguarding Children Partnership\n"
        "Home > Professionals > Learning and improvement > Multi-agency audits\n"
        "Multi-agency audit: children living with a parent with mental ill-health\n"
        "Published 2 February 2026\n"
        + "Parental mental ill-health was a feature in four of six reviews we looked at. " * 3
        + "\n"
    )
    doc = _parsed(tmp_path, "audit.txt", txt)
    assert doc.title == "Multi-agency audit: children living with a parent with mental ill-health"
    assert doc.area == "Brindleford"


def test_known_authority_in_the_file_name_names_the_area_when_the_text_does_not():
    """A running header or footer that named the partnership is lost; the file name of a
    known authority still names it, an unknown word in a file name does not."""
    page = "Local Child Safeguarding Practice Review: Child M\nOverview report\n"
    assert detect_metadata([page], "north-yorkshire_lcspr_child-m.pdf").area == "North Yorkshire"
    assert detect_metadata([page], "final_lcspr_child-m.pdf").area is None


def test_publication_verb_in_a_sentence_is_no_label_but_a_clause_is():
    """ "The review was published on 2 September 2024." mentions the full review's date
    below the title block's own month; a title-block clause "· Page published 22 April
    2026" is the page's own date."""
    told = (
        "7-minute briefing: Child W\nKingsbridge Safeguarding Children Partnership | September 2024\n"
        "Child W was 13. The review was published on 2 September 2024.\n"
    )
    assert detect_metadata([told], "brief.html").date == "2024-09-01"
    byline = (
        "Multi-agency audit: neglect\nAudit completed March 2026 · Page published 22 April 2026\n"
    )
    assert detect_metadata([byline], "audit.html").date == "2026-04-22"


def test_area_of_two_words_from_the_file_name_and_without_childrens() -> None:
    # "ashby_vale_dhr_overview_...pdf" names Ashby Vale, which the text names too; "Hollinsworth
    # Children's Safeguarding Partnership" is Hollinsworth's
    from pathlib import Path as _Path

    from reviewmine.ingest import parse_file as _parse

    sets = _Path(__file__).resolve().parents[1] / "evaluation" / "extraction"
    doc = _parse(sets / "unseen11" / "ashby_vale_dhr_overview_report_excerpt_grace.pdf")[0]
    assert doc.area == "Ashby Vale"
    doc = _parse(sets / "unseen11" / "hollinsworth_learning_review_baby_s.md")[0]
    assert doc.area == "Hollinsworth"


def test_a_saved_web_pages_menu_trail_and_cookie_notice_are_no_title() -> None:
    # a page saved as text: site name, menu lines, a cookie notice and "Home > ... > Mr P"
    # before the page's own title; a row of dates and labels below the title is no menu
    page = "\n".join(
        [
            "Marlcote Safeguarding Adults Board",
            "Home",
            "Safeguarding adults reviews",
            "Training and events",
            "We use cookies to make this site work. Accept all cookies | Reject optional cookies",
            "Home > Safeguarding adults reviews > Published reviews > Mr P",
            "Safeguarding Adults Review: Mr P",
            "Published: 3 March 2026 | Review type: SAR | Reading time: 4 minutes",
            "Mr P was 78 when he died in a fire at his flat. The reviewer found that his refusal"
            " of help was accepted at face value.",
        ]
    )
    assert detect_metadata([page], "marlcote_sar.txt").title == "Safeguarding Adults Review: Mr P"
    lines = page.split("\n")
    lines[6] = "Safeguarding Adults Review: Mr P - what we learned"
    lines.insert(6, "Published: 3 March 2026 | Updated: 4 March 2026 | Print")  # above the title
    title = detect_metadata(["\n".join(lines)], "marlcote_sar.txt").title
    assert title == "Safeguarding Adults Review: Mr P - what we learned"


def test_a_web_pages_posted_line_added_label_and_byline_date_date_the_page() -> None:
    # "Posted 8 September 2025 by ...", "Added to repository: 21/01/2026", "By Conor
    # Whitlam | 22 January 2026"
    def date_of(*lines: str) -> str | None:
        body = "The review found that the plan was closed too early."
        return detect_metadata(["\n".join([*lines, body])], "page.txt").date

    assert date_of("Learning from reviews", "Posted 8 September 2025 by the team") == "2025-09-08"
    assert (
        date_of("Child K", "Review type: LCSPR    Added to repository: 21/01/2026") == "2026-01-21"
    )
    assert date_of("Neglect review finds case closed", "By Conor Whitlam | 22 January 2026") == (
        "2026-01-22"
    )
