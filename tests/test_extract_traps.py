"""Layouts of real letters, joint inspections and area SEND reports that broke extraction.

Each test is named after the layout it pins and reads the real PDF in place
(../shared/real/letters, never copied).  A further held-out set of letters measures
the same mechanisms, so these tests check structure (sections, boxes, tables, lists),
not wording of one document.
"""

import re
from functools import cache
from pathlib import Path

import pytest

from paths import SHARED
from reviewmine.evaluation.extraction import load_gold
from reviewmine.evaluation.scoring import match_items
from reviewmine.extract.items import is_statement
from reviewmine.ingest import parse_file
from reviewmine.read.readers import RawDocument, RawPage
from reviewmine.read.structure import build_blocks, split_marker
from reviewmine.types import ACTIONABLE_KINDS, Line

LETTERS = SHARED / "real" / "letters"


@cache
def _items(name: str):
    return parse_file(LETTERS / name)[1]


def _actionable(name: str):
    return [it for it in _items(name) if it.kind in ACTIONABLE_KINDS]


def _md(tmp_path: Path, text: str):
    path = tmp_path / "letter.md"
    path.write_text(text, encoding="utf-8")
    return parse_file(path)[1]


# ------------------------------------------------------------------ section scoping


def test_jtai_2016_sub_headings_inside_areas_for_improvement_keep_the_section():
    """Bold sub-headings ("Leadership and management") under "Areas for improvement" are
    smaller than the section heading and each is followed by bullets: the section goes on."""
    items = [
        it
        for it in _actionable("jtai_bradford_2017-04-21.pdf")
        if it.heading == "Areas for improvement"
    ]
    assert len(items) == 21
    assert {it.subheading for it in items} == {
        "Identifying and managing risk of harm at the ‘front door’",
        "Response to children living with domestic abuse",
        "Leadership and management",
    }
    assert items[-1].page == 15


def test_sub_heading_over_a_contact_table_ends_the_section():
    """Area SEND: "Local area partnership details" (a smaller heading over a table of names
    and addresses) after plain-paragraph areas for improvement is not part of them."""
    items = _actionable("area-send_brighton-and-hove_2023-05-31.pdf")
    assert len(items) == 3
    assert all(it.text.startswith("Leaders") and it.page == 5 for it in items)


def test_jtai_2022_strengths_list_after_what_needs_to_improve_is_never_actionable():
    items = _items("jtai_wirral_2023-02-16.pdf")
    strengths = [it for it in items if it.heading == "Strengths"]
    assert strengths and all(it.kind == "good_practice" for it in strengths)
    assert not any(it.kind in ACTIONABLE_KINDS and it.heading == "Strengths" for it in items)


def test_area_send_effective_and_do_better_lists_are_not_items_to_act_on():
    """'What is the area partnership doing that is effective?' holds strengths and 'What does
    the area partnership need to do better?' the inspectors' evidence of weaknesses; only the
    areas named as such (for improvement, for priority action) are items."""
    items = _items("area-send_gateshead_2023-07-24.pdf")
    effective = [
        it
        for it in items
        if (it.heading or "").lower().startswith("what is the area partnership doing")
    ]
    assert effective and all(it.kind == "good_practice" for it in effective)
    assert not any("need to do better" in (it.heading or "").lower() for it in items)
    assert {it.heading for it in items if it.kind != "good_practice"} == {"Areas for improvement"}


@pytest.mark.parametrize(
    "name",
    [
        "focused-visit_devon_2018-10-05.pdf",
        "focused-visit_oldham_2020-11-27.pdf",
        "jtai_rochdale_2024-07-12.pdf",
    ],
)
def test_a_letters_findings_are_narrative_not_items(name):
    """Focused-visit letters of 2018-2021 bullet their 'Findings' with the improvement list's
    own glyph; a letter's findings (strengths and weaknesses mixed) are never items."""
    items = _items(name)
    assert not any(it.kind == "finding" for it in items)
    assert all(
        it.kind == "good_practice" or "find" not in (it.heading or "").lower() for it in items
    )


def test_focused_visit_scope_bullets_are_not_items():
    """'This visit focused specifically on:' + bullets on page 1 describe the visit's scope."""
    items = _actionable("focused-visit_north-northamptonshire_2024-10-31.pdf")
    assert items and all(it.heading and "improve" in it.heading.lower() for it in items)
    assert all(it.page > 1 or "need" in (it.heading or "").lower() for it in items)


# ----------------------------------------------------------- signatures and contacts


@pytest.mark.parametrize(
    "name",
    [
        "jtai_bradford_2017-04-21.pdf",
        "jtai_wokingham_2017-07-14.pdf",
        "jtai_cornwall_2018-11-23.pdf",
        "jtai_portsmouth_2020-01-31.pdf",
    ],
)
def test_signature_block_of_the_inspectorates_is_never_an_item(name):
    """After 'Yours sincerely' come the inspectorates' names in a two-column grid."""
    for it in _actionable(name):
        assert not re.search(
            r"Inspector of Constabulary|National Director|Care Quality Commission$|"
            r"^HMI ",
            it.text,
        ), it.text
        assert it.kind != "action", it.text


@pytest.mark.parametrize(
    "name",
    [
        "area-send_brighton-and-hove_2023-05-31.pdf",
        "area-send_east-sussex_2025-02-04.pdf",
        "area-send_north-northamptonshire_2024-03-25.pdf",
    ],
)
def test_area_send_contact_table_yields_no_items(name):
    for it in _actionable(name):
        assert not re.search(
            r"www\.|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b|Director of|Chief Executive", it.text
        ), it.text


def test_names_addresses_and_contact_lines_are_not_statements():
    for text in (
        "Wendy Williams Her Majesty’s Inspector of Constabulary",
        "HMI Probation",
        "Eleanor Schooling National Director, Social Care",
        "www.brighton-hove.gov.uk",
        "Hove Town Hall, Norton Road, Hove BN3 3BQ",
        "North Northamptonshire Council, NHS Northamptonshire Integrated Care Board",
    ):
        assert not is_statement(text), text
    for text in (
        "Support and oversight of children who are privately fostered",
        "The consistency and quality of pathway plans in the pathways service.",
    ):
        assert is_statement(text), text


# -------------------------------------------------------------------------- boxes


def test_boxed_case_study_area_for_improvement_is_one_item():
    items = [
        it
        for it in _actionable("jtai_bradford_2017-04-21.pdf")
        if it.heading == "Case study: area(s) for improvement"
    ]
    assert len(items) == 1 and items[0].page == 16
    assert items[0].text.startswith("Multi-agency working is not always robust enough")


def test_box_crossing_a_page_break_keeps_its_second_part():
    """South Tyneside: the case-study box ends on the next page, framed there as a cell."""
    box = [
        it
        for it in _actionable("jtai_south-tyneside_2016-04-05.pdf")
        if it.heading == "Case study: area for improvement"
    ]
    assert len(box) == 1 and box[0].page == 9
    assert box[0].text.endswith("address longer term risk.")


def test_practice_study_of_effective_practice_is_not_an_item_and_is_read_where_it_sits():
    """Cornwall 2018: a 'highly effective practice' box at the top of page 10 comes after the
    page's other text in the PDF; read in place, it no longer splits the first bullet."""
    items = _actionable("jtai_cornwall_2018-11-23.pdf")
    assert not any("Sarah" in it.text or "pseudonyms" in it.text for it in items)
    first = next(it for it in items if it.text.startswith("Within the MARU"))
    assert first.page == 10 and "routinely involve all relevant agencies" in first.text
    assert len([it for it in items if it.kind == "area_for_improvement"]) == 25


# --------------------------------------------------------------------- next steps


def test_next_steps_paragraphs_are_next_step_items():
    steps = [it for it in _items("jtai_cornwall_2018-11-23.pdf") if it.kind == "next_step"]
    assert len(steps) == 3
    assert steps[0].text.startswith("The local authority should prepare a written statement")


def test_next_step_paragraph_across_a_page_break_is_one_item():
    steps = [it for it in _items("jtai_walsall_2023-01-06.pdf") if it.kind == "next_step"]
    assert [it.page for it in steps] == [7, 8]
    assert "This should be a multi-" in steps[0].text or "multi-agency" in steps[0].text


def test_there_are_no_areas_for_priority_action_is_not_an_item():
    items = _items("jtai_cornwall_2018-11-23.pdf")
    assert not any(it.kind == "priority_action" for it in items)


def test_there_are_not_enough_is_a_finding_not_an_empty_section(tmp_path):
    """The 'not an item' rule needs a word boundary: 'There are not enough ...' is an item."""
    items = _md(
        tmp_path,
        "# Letter\n\n## Areas for improvement\n\n"
        "- There are not enough qualified social workers in the assessment teams.\n"
        "- There are no agreed thresholds for early help.\n\n## Main findings\n\nNarrative.\n",
    )
    texts = [it.text for it in items if it.kind == "area_for_improvement"]
    assert texts == ["There are not enough qualified social workers in the assessment teams."]


# ------------------------------------------------------------------- list glyphs


def _line(text, x0, top, x1=None, size=12.0):
    return Line(
        page=1,
        text=text,
        x0=x0,
        top=top,
        size=size,
        bold=False,
        x1=x1 if x1 is not None else x0 + 6 * len(text),
        bottom=top + size,
    )


def test_unknown_bullet_glyph_u0083_on_its_own_line_with_wrapped_lines():
    """A glyph no list of bullets names (U+0083), stored as a line of its own beside the text,
    whose wrapped lines sit at the hanging indent: one list item per bullet."""
    lines = [
        _line("Areas for improvement", 72, 80),
        _line("\u0083", 72, 110, 78),
        _line("Strategy discussions do not always include", 100, 110),
        _line("health practitioners.", 100, 124),
        _line("\u0083", 72, 146, 78),
        _line("Plans are not specific enough.", 100, 146),
    ]
    blocks, _, _ = build_blocks(RawDocument("pdf", (RawPage(1, 595, 842, tuple(lines)),)))
    listed = [(b.kind, b.bullet, b.text) for b in blocks if b.kind == "list_item"]
    assert listed == [
        ("list_item", True, "Strategy discussions do not always include health practitioners."),
        ("list_item", True, "Plans are not specific enough."),
    ]
    assert split_marker("\u0083 Plans are not specific enough.") == (
        "Plans are not specific enough.",
        None,
        True,
    )
    assert split_marker("© Crown copyright 2023")[2] is False


def test_private_use_glyph_on_its_own_line_real_jtai_2018():
    """Cornwall 2018 stores each U+F06E bullet as a separate text line: all 24 bullets found."""
    items = [
        it
        for it in _actionable("jtai_cornwall_2018-11-23.pdf")
        if it.heading == "Areas for improvement"
    ]
    assert len(items) == 24
    assert not any(it.text.startswith("\uf06e") for it in items)


# ------------------------------------------------------------ area SEND tables


def test_area_send_two_column_priority_action_table():
    """'Responsible body | Areas for priority action', then 'Areas for improvement' as a
    header row inside the same table: kinds from the header rows, bodies as sub-headings."""
    items = _actionable("area-send_north-northamptonshire_2024-03-25.pdf")
    pa = [it for it in items if it.kind == "priority_action"]
    assert len(pa) == 4 and all(it.text.startswith("Leaders across the partnership") for it in pa)
    assert all(
        it.subheading and it.subheading.startswith("North Northamptonshire Council") for it in pa
    )
    afi = [it for it in items if it.kind == "area_for_improvement"]
    assert len(afi) == 6


def test_area_send_priority_action_row_across_a_page_break_is_one_item():
    """Nottinghamshire: row 1 starts on page 5 and ends on page 6 (two tables in the PDF)."""
    pa = [
        it
        for it in _actionable("area-send_nottinghamshire_2023-05-16.pdf")
        if it.kind == "priority_action"
    ]
    assert len(pa) == 2
    assert pa[0].page == 5 and "holistic oversight of these plans" in pa[0].text
    assert "Integrated Care Board" in (pa[0].subheading or "")


def test_area_send_lead_ins_keep_their_sub_bullets():
    """Hounslow: 'Leaders ... in relation to:' with lower-case sub-bullets is one item."""
    items = _actionable("area-send_hounslow_2024-12-18.pdf")
    assert len(items) == 5
    assert all(it.text.startswith("Leaders") for it in items)
    third = items[2]
    assert third.text.startswith("Leaders should develop more coherent strategies")
    assert "the fair access panel" in third.text and len(third.subitems) == 5


def test_lead_in_then_plain_paragraphs_are_each_an_item():
    """East Sussex: the first area has sub-bullets, the next three are plain paragraphs."""
    items = _actionable("area-send_east-sussex_2025-02-04.pdf")
    assert len(items) == 4 and len(items[0].subitems) == 2


# ------------------------------------------------------------- broken paragraphs


def test_paragraphs_split_by_the_documents_line_pitch():
    """Brighton: paragraph gaps only a little wider than line gaps (~23 pt vs ~14.5 pt)."""
    items = _actionable("area-send_brighton-and-hove_2023-05-31.pdf")
    assert [it.text.split()[1] for it in items] == ["should", "must", "across"]


def test_bullet_continued_on_the_next_page_at_its_hanging_indent():
    """Northumberland 2019: a bullet's second paragraph opens page 9 at the text indent."""
    item = next(
        it
        for it in _actionable("jtai_northumberland_2019-08-02.pdf")
        if it.text.startswith("Northumberland has a high rate of permanent exclusions")
    )
    assert "the board has not challenged agencies" in item.text and item.page == 8


def test_letterhead_emitted_after_the_body_is_not_glued_to_the_last_bullet():
    """Derbyshire 2022: the page-1 letterhead comes last in the PDF, after a bullet with no
    full stop; read where it sits, it stays out of the item."""
    item = next(
        it
        for it in _actionable("focused-visit_derbyshire_2022-10-26.pdf")
        if it.text.startswith("Support and oversight")
    )
    assert item.text == "Support and oversight of children who are privately fostered"


# ------------------------------------------------------------------ whole families


@pytest.mark.slow
def test_letters_every_family_meets_targets():
    """Development figures: the 43 letters the mechanisms were built on; every actionable
    kind predicted counts (signature lines as `action` are false positives too)."""
    rows = load_gold(LETTERS / "gold.jsonl")
    fam: dict[str, list[int]] = {}
    for row in rows:
        gold = [g for g in row["items"] if g["kind"] in ACTIONABLE_KINDS]  # type: ignore[union-attr]
        pred = _actionable(str(row["file"]))
        m, miss, fp = match_items(gold, pred, str(row["file"]))
        s = fam.setdefault(str(row["file"]).split("_")[0], [0, 0, 0, 0])
        s[0] += len(m)
        s[1] += len(fp)
        s[2] += len(miss)
        s[3] += sum(1 for x in m if x.gold_page == x.pred_page)
    for family, (tp, fp, fn, pages) in fam.items():
        assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.95, (family, tp, fp, fn)
        assert pages / tp >= 0.98, family


def test_theme_headings_in_the_section_headings_own_font_keep_the_list(tmp_path):
    """Sub-headings printed as large as 'Areas for improvement' itself, each over bullets
    like the section's: the items under them are the section's, with the theme as sub-heading;
    a same-size heading over prose ends the section."""
    items = _md(
        tmp_path,
        "# Joint targeted area inspection\n\n## Areas for improvement\n\n"
        "- Strategy discussions do not always include health practitioners.\n\n"
        "## Responses to children missing from home\n\n"
        "- Return home interviews are not offered to every child who goes missing.\n"
        "- Information from return interviews is not used to plan disruption.\n\n"
        "## Leadership and management\n\n"
        "- The partnership does not yet evaluate the impact of its training.\n\n"
        "## The partnership\n\nLeaders know their services well and should be proud.\n",
    )
    afi = [it for it in items if it.kind == "area_for_improvement"]
    assert len(afi) == 4
    assert [it.subheading for it in afi] == [
        None,
        "Responses to children missing from home",
        "Responses to children missing from home",
        "Leadership and management",
    ]
    assert not any("proud" in it.text for it in items if it.kind in ACTIONABLE_KINDS)


def _pdf_items(lines):
    """Items of a one-page PDF-like document made of *lines* (bold where the text says so)."""
    from reviewmine.extract.items import extract_items
    from reviewmine.types import Document

    blocks, pages, text = build_blocks(RawDocument("pdf", (RawPage(1, 595, 842, tuple(lines)),)))
    doc = Document(
        id="0" * 64,
        file="x.pdf",
        file_name="x.pdf",
        doc_type="other",
        title="",
        area=None,
        date=None,
        pages=1,
        text=text,
        blocks=tuple(blocks),
        page_texts=tuple(pages),
    )
    return extract_items(doc)


def test_table_of_contents_lines_never_open_a_section():
    """A bold contents line 'Recommendations ........ 7' followed by more contents lines is
    not the recommendations section; the real one, later, is."""

    def bold(text, top):
        return Line(page=1, text=text, x0=72, top=top, size=12, bold=True, x1=400, bottom=top + 12)

    lines = [
        bold("Contents", 60),
        bold("Recommendations .................... 7", 100),
        _line("What the partnership should do next        12", 72, 130),
        _line("How leaders should respond ........ 14", 72, 160),
        bold("Recommendations", 300),
        _line("\u2022 Ensure that every child in care has an up-to-date plan.", 72, 330),
    ]
    items = [it for it in _pdf_items(lines) if it.kind in ACTIONABLE_KINDS]
    assert [it.text for it in items] == ["Ensure that every child in care has an up-to-date plan."]


def test_areas_printed_without_bullets_are_each_an_item(tmp_path):
    """No list in the section (bullets drawn as pictures, or none): each short statement
    or each paragraph saying what must be done is an item; narrative is not."""
    items = _md(
        tmp_path,
        "# Focused visit\n\n## What needs to improve?\n\n"
        "The consistency and quality of pathway plans.\n\n"
        "Leaders should make sure that supervision is regular. It should be recorded.\n\n"
        "Inspectors met many staff during the visit. They spoke to managers and to leaders.\n\n"
        "## Main findings\n\nThe local authority needs to do more.\n",
    )
    assert [it.text for it in items if it.kind in ACTIONABLE_KINDS] == [
        "The consistency and quality of pathway plans.",
        "Leaders should make sure that supervision is regular. It should be recorded.",
    ]


def test_ilacs_what_needs_to_improve_holding_only_narrative_has_no_item():
    """North Lincolnshire 2022 (outstanding): the section is one paragraph of narrative."""
    _, items = parse_file(SHARED / "real" / "ofsted" / "north-lincolnshire_2022-11-25.pdf")
    assert not [it for it in items if it.kind in ACTIONABLE_KINDS]


def test_contact_line_opening_with_contact_is_no_item_however_long() -> None:
    # "Contact the Glenmoor Safeguarding Children Partnership on 01632 ... or at ...": a
    # contact line at the end of a recommendations list, not a recommendation
    from reviewmine.extract.items import is_statement

    assert not is_statement(
        "Contact the Glenmoor Safeguarding Children Partnership on 01632 960641 or at "
        "gscp@glenmoor.example.org if you would like to talk about this review."
    )
    assert is_statement(
        "The local authority should prepare a written statement of proposed action and send "
        "it to ProtectionOfChildren@ofsted.gov.uk by 1 June."
    )
