"""Forms of review documents met in the eighth and ninth independent sets (their misses led to
these rules, so those sets' scores are development figures since).  Each test pins one form on
the fictional document that showed it."""

from __future__ import annotations

from pathlib import Path

from paths import SHARED
from reviewmine.ingest import parse_file
from reviewmine.types import Item

SETS = Path(__file__).resolve().parents[1] / "evaluation" / "extraction"
REAL = SHARED / "real"


def _items(name: str) -> list[Item]:
    folder, file = name.split("/")
    return parse_file(next((SETS / folder).glob(file)))[1]


def _texts(name: str, kind: str) -> list[str]:
    """The texts of the items of one kind in a set's document."""
    return [i.text for i in _items(name) if i.kind == kind]


def test_review_lead_in_ending_colon_gives_one_item_per_bullet() -> None:
    # "We are asking all practitioners to:" over two bullets: two recommendations, no lead-in
    recs = [
        i
        for i in _items("unseen8/kestrel_vale_7_minute_briefing_neglect.txt")
        if i.kind == "recommendation"
    ]
    assert [i.text.split()[:2] for i in recs] == [["use", "the"], ["raise", "drift"]]


def test_numbered_heading_lines_run_in_sequence() -> None:
    # "6. What you should do" is named; "7. Questions to reflect on" follows it in the sequence
    from reviewmine.extract.items import _named_headings

    path = SETS / "unseen8" / "kestrel_vale_7_minute_briefing_neglect.txt"
    doc = _named_headings(parse_file(path)[0])
    heads = [b.text for b in doc.blocks if b.kind == "heading"]
    assert "7. Questions to reflect on" in heads and "5. What worked well" in heads
    # the title line and the numbered entries of a list stay what they are
    assert not any(h.startswith("Kestrel Vale") for h in heads)


def test_labelled_finding_line_takes_its_one_explaining_paragraph() -> None:
    # "Finding 2 - The carer's own needs" then one paragraph: one finding, title and paragraph
    found = [
        i for i in _items("unseen8/wenbury_sar_mrs_p_overview_report.txt") if i.kind == "finding"
    ]
    assert len(found) == 3
    assert all(len(i.text.split()) > 20 for i in found)
    assert found[1].text.startswith("The carer's own needs Mrs P's son")


def test_title_heading_takes_its_first_paragraph_and_leaves_the_case_evidence() -> None:
    # "Finding 2: Missing episodes" (no verb: a title) over a statement and a case example
    found = [
        i
        for i in _items("unseen8/ashcombe_thematic_review_adolescents_criminal_exploitation.docx")
        if i.kind == "finding"
    ]
    missing = next(i for i in found if i.text.startswith("Missing episodes"))
    assert "Return home interviews" in missing.text and "Kai went missing" not in missing.text
    # a statement heading whose second paragraph opens "For example": the example stays out
    points = [
        i
        for i in _items("unseen9/harrowfield_lcspr_child_m_overview_report.docx")
        if i.kind == "learning_point"
    ]
    assert points[0].text.startswith("The partner was invisible to services Practitioners asked")
    assert "For example" not in points[0].text


def test_list_of_commitments_under_an_unnamed_heading_is_next_steps() -> None:
    # "Our priorities for learning in 2025-26" over "We will ..." bullets
    steps = [
        i
        for i in _items("unseen8/brackley_scp_annual_report_2024_25_learning_chapter.docx")
        if i.kind == "next_step"
    ]
    assert len(steps) == 3 and all(i.text.startswith("We will") for i in steps)


def test_text_lines_finishing_a_colon_lead_in_with_semicolons_are_a_list() -> None:
    # a web page saved as text: "The review recommends that the Board:" then four lines ending ";"
    from reviewmine.read.readers import read_file

    path = SETS / "unseen9" / "fenwick_sab_sar_mr_d_learning_summary.txt"
    lines = [ln for page in read_file(path).pages for ln in page.lines]
    listed = [ln.text for ln in lines if ln.hint == "li"]
    assert len(listed) == 4 and listed[0].startswith("publishes")
    recs = [i for i in _items("unseen9/fenwick*") if i.kind == "recommendation"]
    assert [i.text.split()[0] for i in recs] == ["publishes", "seeks", "works", "checks"]


def test_lettered_hanging_paragraphs_are_entries() -> None:
    # "(a)   Learning from rapid reviews is slow ..." under "4  AREAS FOR IMPROVEMENT"
    afis = [i for i in _items("unseen9/calderbrook*") if i.kind == "area_for_improvement"]
    assert [i.number for i in afis] == ["a", "b", "c"]
    assert afis[1].text.startswith("The partnership does not know")


def test_unnamed_sub_heading_goes_back_to_the_findings_section_it_sits_in() -> None:
    # "What we found" > "Strengths" (strengths) > "What needs attention" (findings again)
    items = _items("unseen9/lowmoor*")
    found = [i for i in items if i.kind == "finding"]
    assert len(found) == 3 and all(i.subheading == "What needs attention" for i in found)
    assert len([i for i in items if i.kind == "good_practice"]) == 2


def test_labelled_paragraphs_end_at_the_next_heading_of_their_level() -> None:
    # "Learning point 1. ..." paragraphs under "Is there learning?"; "Actions already taken"
    # after them is another section, not more learning points
    points = [i for i in _items("unseen8/thornbury*") if i.kind == "learning_point"]
    assert len(points) == 3
    assert not any("strategy discussion was held" in i.text for i in points)


def test_labelled_finding_takes_its_explanation_before_the_recommendation_after_it() -> None:
    # "Finding 1: Neglect was seen one incident at a time", its explanation, then "The
    # partnership should ..." (an item of its own): the finding holds the explanation only
    items = _items("unseen5/brackenridge*")
    found = [i for i in items if i.kind == "finding"]
    assert found[0].text.startswith("Neglect was seen one incident at a time Missed dental")
    assert not any("should make the neglect screening tool" in i.text for i in found)


def test_review_areas_for_development_under_numbered_sub_headings() -> None:
    # a scrutineer's "4. Areas for development" > "4.1 Hearing the voice of children": the
    # weakness paragraph is the area, the "I recommend that ..." paragraph a recommendation
    items = [
        i
        for i in _items("unseen5/harrowfield_independent*")
        if i.heading and i.heading.startswith("4.")
    ]
    kinds = [i.kind for i in items]
    assert kinds == ["area_for_improvement", "recommendation"] * 4
    assert items[0].subheading == "4.1 Hearing the voice of children"


def test_seven_minute_briefing_grid_of_boxes_is_read_box_by_box() -> None:
    # a landscape page of seven ruled boxes, each a bold numbered heading over its text: boxes,
    # not a table (the tenth set; its first run found none of the box's items)
    items = _items("unseen10/carrowmere*")
    learned = [i for i in items if i.heading == "3 What we learned"]
    assert len(learned) == 4 and learned[0].text.startswith("Each missing episode")
    assert not any(i.text.endswith("?") for i in items)


def test_short_finding_heading_takes_its_numbered_paragraph() -> None:
    # "Finding 1: Practitioners saw the mother but not the household" over paragraph 6.4
    found = [i for i in _items("unseen10/brindlecombe*") if i.kind == "finding"]
    assert len(found) == 5
    assert "Assessments in pregnancy and after the birth" in found[0].text


def test_finding_heading_of_a_full_sentence_stands_alone() -> None:
    # the corpus LCSPR's "Finding 2: Information about Mr K was held by individual agencies but
    # was not shared ..." (a full statement) keeps paragraph 5.3, its evidence, out
    from reviewmine.ingest import parse_file as parse

    corpus = SETS.parents[1] / "corpus" / "eastmere_lcspr_baby-l_2023.pdf"
    found = [i for i in parse(corpus)[1] if i.text.startswith("Information about Mr K")]
    assert len(found) == 1 and "The GP knew" not in found[0].text


def test_bullets_drawn_as_shapes_make_list_items() -> None:
    # the Panel review's "Key findings" box: six bullets drawn as small filled circles, no glyph
    from reviewmine.read.readers import read_file

    path = next((SETS / "unseen10").glob("cspr_panel*.pdf"))
    page3 = read_file(path).pages[2].lines
    assert sum(1 for ln in page3 if ln.text.startswith("• ")) == 6
    found = [i for i in _items("unseen10/cspr_panel*.pdf") if i.heading == "Key findings"]
    assert len(found) == 6 and found[0].text.startswith("Children's records did not travel")


def test_numbered_paragraph_wrapping_back_to_its_number_is_one_block() -> None:
    # "4.1 We make five recommendations ... within six" / "months what it has done in response."
    doc = parse_file(next((SETS / "unseen10").glob("cspr_panel*.pdf")))[0]
    block = next(b for b in doc.blocks if b.text.startswith("We make five recommendations"))
    assert block.text.endswith("months what it has done in response.")


def test_label_heading_naming_its_addressee_takes_the_paragraph_below() -> None:
    # "Recommendation 1 | Department for Education" then "The Panel asks the Department ..."
    recs = [i for i in _items("unseen10/cspr_panel*.pdf") if i.text.startswith("The Panel asks")]
    assert [i.number for i in recs] == ["Recommendation 1", "Recommendation 2", "Recommendation 3"]
    assert recs[0].addressees == ("education",)


def test_monitoring_visit_letter_in_prose_gives_the_paragraphs_that_name_their_kind() -> None:
    # no section lists what must improve: paragraphs naming "an area for priority action" or
    # opening "Leaders should improve" are the items; the rest of the letter is evidence
    items = _items("unseen10/quenby*.pdf")
    assert [i.kind for i in items] == ["priority_action"] * 2 + ["area_for_improvement"] * 3
    assert not any(i.text.startswith("Ofsted will take the findings") for i in items)


def test_capitals_line_of_converted_text_is_a_heading_and_an_indented_list_keeps_its_entries() -> (
    None
):
    # "WHAT MANAGERS SHOULD DO" over three bullets indented one level: three recommendations
    items = _items("unseen11/tallowford*")
    managers = [i for i in items if i.heading == "WHAT MANAGERS SHOULD DO"]
    assert [i.text.split()[0] for i in managers] == ["Make", "Check", "Call"]


def test_action_plan_table_gives_the_actions_not_yet_completed() -> None:
    # Recommendation | Scope | Action to take | Lead | Target date | Completed ("Yes - ..." / "No")
    items = _items("unseen11/ashby_vale*")
    actions = [i for i in items if i.kind == "action"]
    assert [i.text.split()[0] for i in actions] == ["Audit", "Add", "Agree"]
    assert len([i for i in items if i.kind == "recommendation" and "should" in i.text]) == 5


def test_report_statement_about_where_its_items_are_is_not_an_item() -> None:
    # a real summary's "Key Findings" list ends "Recommendations are embedded in the learning."
    path = SETS.parents[2] / "shared" / "real" / "summaries" / "summary-022.txt"
    items = parse_file(path)[1]
    assert len(items) == 2 and not any(i.text.startswith("Recommendations are") for i in items)


def test_heading_asking_what_the_review_calls_for_holds_recommendations() -> None:
    # "What the review calls for" over "The review calls on the Partnership to:" and three
    # bullets; "What the review asks of agencies" over coded paragraphs "Q1 The maternity ..."
    from reviewmine.extract.sections import asked_kind

    assert asked_kind("What the review calls for") == "recommendation"
    assert asked_kind("What the review asks of agencies") == "recommendation"
    assert asked_kind("What we want local safeguarding partners to do") == "recommendation"
    assert asked_kind("What we are asking you to do") == "recommendation"
    assert asked_kind("What the review was asked to consider") is None
    assert asked_kind("What does the area partnership need to do better?") is None
    assert asked_kind("What do we still need to do?") is None  # the writer's own to-do
    recs = [i for i in _items("unseen10/hollinsford*") if i.kind == "recommendation"]
    assert [i.number for i in recs if i.number and i.number.startswith("Q")] == ["Q1", "Q2"]
    assert any(i.text.startswith("make sure that a written assessment") for i in recs)


def test_paragraph_of_recommending_sentences_is_one_item_per_sentence() -> None:
    # "The Panel recommends that ... It also recommends that ... Finally, the Panel recommends"
    from reviewmine.extract.running_text import directive_parts

    text = (
        "The Panel recommends that the Department issue guidance on safe sleep. It also "
        "recommends that care boards notify health visitors of every crisis contact. This "
        "should include weekends."
    )
    assert directive_parts(text) == []  # the last sentence goes on from the one before
    assert len(directive_parts(text.rsplit(" This", 1)[0])) == 2


def test_learning_taught_run_in_labels_and_a_recommendations_paragraph() -> None:
    # "What our reviews have taught us" over "**Recognising coercive control.** Practitioners
    # ..." paragraphs; "What we are asking every partner to do" over "Across the five reviews,
    # the panels made 31 recommendations ... Three apply to every partner." then three asks
    items = _items("unseen13/tennant*")
    learned = [i for i in items if i.heading == "What our reviews have taught us"]
    assert len(learned) == 6 and learned[0].text.startswith("Practitioners across our reviews")
    asks = [i for i in items if i.heading == "What we are asking every partner to do"]
    assert [i.text.split()[0] for i in asks] == ["Every", "Agencies", "MARAC"]


def test_heading_banners_are_not_a_table_and_what_to_do_is_an_instruction() -> None:
    # a 7-minute briefing whose numbered section headings sit in coloured bars, the text
    # between the bars: headings and lists, not a table of seven cells
    from reviewmine.extract.sections import asked_kind

    assert asked_kind("5 What to do") == "recommendation"
    doc, items = parse_file(next((SETS / "unseen12").glob("pelham*.pdf")))
    assert not any(b.kind == "table_cell" for b in doc.blocks)
    assert len([i for i in items if i.heading == "5 What to do"]) == 4


def test_agreed_actions_label_over_lines_of_commitments_in_web_text() -> None:
    # "Agreed actions:" then one line per action ("The designated GP will remind ..."); the
    # passive "Progress on these actions will be tracked ..." after them is not one
    actions = [i for i in _items("unseen13/ravensby*") if i.kind == "action"]
    assert len(actions) == 5 and actions[-1].text.startswith("The partnership will publish")


def test_tips_for_practitioners_are_learning() -> None:
    # "TOP TIPS FOR PRACTITIONERS" over numbered paragraphs; "PRACTICE TIPS" over bullets
    from reviewmine.extract.sections import section_kind

    assert section_kind("Top tips for practitioners") == "learning_point"
    assert section_kind("PRACTICE TIPS") == "learning_point"
    tips = [i for i in _items("unseen11/tallowford*") if i.heading == "TOP TIPS FOR PRACTITIONERS"]
    assert len(tips) == 5 and tips[0].text.startswith("Ask yourself who is looking after")


def test_boxes_stacked_under_a_judgements_table_are_not_its_rows() -> None:
    # an ILACS report: a two-column judgements table, then "What needs to improve?" and six
    # numbered items each in its own shaded box, drawn with the same rules as the table
    items = _items("unseen14/ravensholt*.pdf")
    afis = [i for i in items if i.kind == "area_for_improvement"]
    assert len(afis) == 6 and all(i.heading == "What needs to improve?" for i in afis)


def test_heading_saying_where_practice_must_improve() -> None:
    from reviewmine.extract.sections import section_kind

    assert section_kind("Areas where practice must improve") == "area_for_improvement"
    assert section_kind("Where leaders need to improve") == "area_for_improvement"


def test_headings_of_messages_key_points_what_went_wrong_and_getting_better() -> None:
    from reviewmine.extract.sections import section_kind

    assert section_kind("Messages for practice") == "learning_point"
    assert section_kind("Key points for staff") == "learning_point"
    assert section_kind("Recommendations for the Board") == "recommendation"
    assert section_kind("What went wrong") == "finding"
    assert section_kind("Things we need to get better at") == "area_for_improvement"
    assert section_kind("What the local authority needs to do better") == "area_for_improvement"
    items = _items("unseen15/mereton*")
    assert len([i for i in items if i.heading == "What went wrong"]) == 4
    assert len([i for i in items if i.heading == "Key points for staff"]) == 3


def test_heading_naming_the_issues_the_review_found() -> None:
    # "The issues we found" over paragraphs that each open with their point in bold
    from reviewmine.extract.sections import section_kind

    assert section_kind("The issues we found") == "finding"
    found = [i for i in _items("unseen14/kelderby*") if i.heading == "The issues we found"]
    assert len(found) == 5 and found[1].text.startswith("The recovery service and health visiting")


def test_html_paragraph_that_is_all_bold_is_a_heading() -> None:
    # <p><strong>Messages for designated safeguarding leads</strong></p> over a lead-in and
    # a list: the list is that section's, not the page title's
    doc, items = parse_file(next((SETS / "unseen17").glob("ravensholt*")))
    heads = [b.text for b in doc.blocks if b.kind == "heading"]
    assert "Messages for designated safeguarding leads" in heads
    dsl = [i for i in items if i.heading == "Messages for designated safeguarding leads"]
    assert len(dsl) == 3 and dsl[0].text.startswith("review attendance")


def test_area_send_need_to_do_better_stays_narrative_and_short_lead_ins_give_one_item_each() -> (
    None
):
    # the area SEND framework's "What does the area partnership need to do better?" is its
    # narrative (the real reports' gold has no item there); an ILACS report's "Leaders should
    # improve:" over capitalised entries gives one area for improvement per entry
    real = SETS.parents[2] / "shared" / "real" / "letters"
    seen = 0
    for send in sorted(real.glob("area-send_*.pdf"))[:3]:
        doc, items = parse_file(send)
        seen += any("need to do better" in b.text for b in doc.blocks if b.kind == "heading")
        assert not any("need to do better" in (i.heading or "") for i in items)
    assert seen  # the layout this pins is there
    afis = [i for i in _items("unseen16/fellbridge*") if i.kind == "area_for_improvement"]
    assert len(afis) == 6 and afis[0].text.startswith("The range and suitability")


def test_bold_lead_sentence_wrapped_onto_a_lower_case_line_is_not_a_heading() -> None:
    # a focused visit letter's priority action in bold: "... risk to children in need," /
    # "including police notifications of domestic abuse, is reviewed ..."
    doc, items = parse_file(next((SETS / "unseen16").glob("marlcombe*.pdf")))
    assert not any(
        b.kind == "heading" and b.text.startswith("including police") for b in doc.blocks
    )
    priority = [i for i in items if i.kind == "priority_action"]
    assert "including police notifications" in priority[0].text
    # (the second one, bold across a page break with the letter's address footer between,
    # is still read as a heading)


def test_an_inspection_letters_main_findings_are_narrative() -> None:
    # a JTAI letter without "Dear ...": its "MAIN FINDINGS" paragraphs are evidence, not items
    items = _items("unseen16/stourleigh*.pdf")
    assert not any(i.kind == "finding" for i in items)


def test_lettering_typed_into_word_paragraphs_makes_entries() -> None:
    # "The review panel recommends that the Trust:" then paragraphs "a) agrees ...", "b) adds ..."
    recs = [i for i in _items("unseen19/haddon*") if i.kind == "recommendation"]
    assert [i.number for i in recs] == ["a", "b", "c", "d"]
    assert recs[0].text.startswith("agrees with the electronic record supplier")


def test_sections_named_with_their_division_and_lists_of_what_was_done() -> None:
    # "Section 4: Learning identified" holds learning; "Section 3: Immediate safeguarding
    # actions" over "A strategy discussion was held ..." reports what was done
    from reviewmine.extract.sections import section_kind

    assert section_kind("Section 4: Learning identified") == "learning_point"
    items = _items("unseen19/fennick*")
    assert not any(i.heading and i.heading.startswith("Section 3") for i in items)
    assert len([i for i in items if i.heading and i.heading.startswith("Section 6")]) == 4


def test_labelled_finding_in_a_box_takes_its_statement_paragraph() -> None:
    # "Finding 1: Self-harm was treated as ..." then the statement, then the evidence
    found = [i for i in _items("unseen20/wexcombe*") if i.kind == "finding"]
    assert found[0].text.startswith("Self-harm was treated as a health issue")
    assert "Agencies responded to Child R's self-harm" in found[0].text
    assert "The school nurse's referral" not in found[0].text


def test_numbered_commitments_after_a_lead_in_in_converted_text() -> None:
    # "6.6 Our priorities for 2026-27", "... has agreed three priorities for the coming year:",
    # "1. We will launch ...", then thanks: three next steps and nothing else
    steps = [i for i in _items("unseen21/oakmere*") if i.kind == "next_step"]
    assert [i.text.split()[:2] for i in steps] == [["We", "will"]] * 3


def test_two_tables_on_one_page_each_in_its_own_place() -> None:
    # a rapid review: a case-details table at the top of page 1 and a table of learning and
    # actions further down, with headings and paragraphs between them
    doc = parse_file(next((SETS / "unseen22").glob("eastbridge*.pdf")))[0]
    page1 = [b for b in doc.blocks if b.page == 1]
    first_learning = next(
        k for k, b in enumerate(page1) if b.text.startswith("Early Help workers did not")
    )
    circumstances = next(
        k for k, b in enumerate(page1) if b.text.startswith("Circumstances of the serious")
    )
    assert circumstances < first_learning
    tables = {b.table for b in page1 if b.kind == "table_cell"}
    assert len(tables) == 2


def test_word_layout_table_of_panels_is_read_panel_by_panel() -> None:
    # a 7-minute briefing laid out as a 2 x 2 Word table, each cell a bold heading over its
    # paragraphs: "4. Key learning" holds learning points, not one cell of text
    doc, items = parse_file(next((SETS / "unseen22").glob("haddonshire*.docx")))
    assert not any(b.kind == "table_cell" for b in doc.blocks)
    learning = [i for i in items if i.heading == "4. Key learning" and i.kind == "learning_point"]
    assert learning and learning[0].text.startswith("Removal from roll is a moment of risk")


def test_asking_lead_in_over_imperative_bullets_gives_one_item_per_bullet() -> None:
    # an area SEND report's "The partnership should:" + "improve ...", "strengthen ...";
    # a heading "The review recommended that:" over lower-case bullets
    afis = [i for i in _items("unseen24/kellingford*") if i.kind == "area_for_improvement"]
    assert len(afis) == 5 and afis[0].text.startswith("improve the quality of advice")
    recs = [i for i in _items("unseen25/fellside*") if i.heading == "The review recommended that:"]
    assert len(recs) == 3


def test_roman_numbered_findings_heading_opens_its_section() -> None:
    # "IV. Findings" over sub-headed paragraphs: the printed number is not part of the name
    from reviewmine.extract.sections import section_kind

    assert [section_kind(h) for h in ("IV. Findings", "iv) Findings", "(c) Learning points")] == [
        "finding",
        "finding",
        "learning_point",
    ]
    found = [
        i for i in _items("unseen22/tollbridge_lcspr_child_r_report.pdf") if i.kind == "finding"
    ]
    assert len(found) >= 6 and found[0].text.startswith("Child R was rarely seen alone")


def test_recommendations_summarised_early_are_one_item_each() -> None:
    # the executive summary lists "(1) ... (5)" in one paragraph; section VI states them again
    recs = [
        i
        for i in _items("unseen22/tollbridge_lcspr_child_r_report.pdf")
        if i.kind == "recommendation"
    ]
    assert len(recs) == 5
    assert all(i.heading == "VI. Recommendations" for i in recs)


def test_shaded_two_row_table_header_is_read_as_cells_not_highlighted_lines() -> None:
    # "Learning identified | Actions agreed" over "Learning | Action | Owner | By", each cell a
    # filled one-line rectangle: side by side, so a header, and every row below gives its items
    items = _items("unseen22/eastbridge_moor_rapid_review_child_j.pdf")
    assert [i.kind for i in items if i.kind in ("learning_point", "action")] == [
        "learning_point",
        "action",
    ] * 4
    assert not any(i.text.startswith(("Learning identified", "Owner")) for i in items)


def test_two_columns_after_a_full_width_title_are_read_column_by_column() -> None:
    # a title block across the page, then two columns; the right column's first line finishes
    # the left column's last paragraph, and its own sub-headings open new entries
    from reviewmine.read import structure
    from reviewmine.read.readers import read_file

    path = SETS / "unseen16" / "panel_national_review_between_the_gaps_2025.pdf"
    page = structure._strip_furniture(read_file(path).pages)[0]
    ordered = [ln.text for ln in structure._order_page(page).lines]
    assert ordered.index("Learning for the system") < ordered.index("spent without supervision.")
    assert (
        ordered.index("spent without supervision.")
        == ordered.index(
            next(t for t in ordered if t.startswith("normal education, and the hours"))
        )
        + 1
    )
    items = [i.text for i in _items("unseen16/panel_national_review_between_the_gaps_2025.pdf")]
    assert any(t.endswith("the hours out of school were spent without supervision.") for t in items)


def test_letterhead_halves_and_glyph_columns_are_not_text_columns() -> None:
    # a letter's address beside the inspectorate's contact lines, and bullets drawn in a
    # column of their own beside the text, keep their order
    from reviewmine.read import structure
    from reviewmine.read.readers import read_file

    for path, n in (
        (REAL / "letters" / "focused-visit_swindon_2018-05-18.pdf", 0),
        (REAL / "letters" / "jtai_cornwall_2018-11-23.pdf", 3),
    ):
        page = structure._strip_furniture(read_file(path).pages)[n]
        assert structure._order_columns(page) is page


def test_text_cell_taller_than_its_number_cell_is_one_cell() -> None:
    # "1" in a short ruled box beside a two-line text box: no rule crosses the text box
    # where the number's box ends, so its two lines are one entry
    items = _items("unseen28/brackenridge_scp_annual_report_2025_26_chapter4.pdf")
    learned = [i.text for i in items if i.kind == "learning_point"]
    assert len(learned) == 4
    assert learned[0].startswith("Our shared understanding") and "own audits" in learned[0]
    steps = [i.text for i in items if i.kind == "next_step"]
    # entries whose wrapped lines have a wider leading than the body text stay whole
    assert len(steps) == 5 and all(t.rstrip().endswith(".") for t in steps)


def test_appendix_heading_ends_the_recommendations_section_at_any_level() -> None:
    # "Appendix A: Terms of reference" is set smaller than "5. Recommendations"; its scope
    # bullets ("how well agencies identified ...;") are not recommendations
    recs = [
        i
        for i in _items("unseen29/ebbsworth_lcspr_child_r_overview_report.pdf")
        if i.kind == "recommendation"
    ]
    assert len(recs) == 7
    assert not any(i.text.startswith(("how ", "whether ", "the use of")) for i in recs)


def test_semicolon_list_after_a_lead_in_inside_a_named_section_is_one_item_per_part() -> None:
    # "4. AREAS FOR IMPROVEMENT" over "... the following areas need to improve: a; b; c":
    # three items; "Thank you to ..." under the next steps is not one
    items = _items("unseen29/kestwick_scp_learning_summary_child_w.txt")
    afi = [i.text for i in items if i.kind == "area_for_improvement"]
    assert len(afi) == 3 and afi[0].startswith("the process for checking")
    assert not any(i.text.startswith("Thank you") for i in items)


def test_bold_numbered_entries_that_ask_are_items_and_prompts_are_not() -> None:
    # "What you should do" over "1. Talk about safe sleep at every contact ..." set in bold,
    # each followed by "Prompt: ...?": four recommendations, no prompt
    recs = [
        i.text
        for i in _items("unseen29/carnbrook_learning_brief_baby_d_safe_sleep.pdf")
        if i.kind == "recommendation"
    ]
    assert len(recs) == 4 and recs[0].startswith("Talk about safe sleep")
    assert not any(t.startswith("Prompt") for t in recs)


def test_form_question_over_numbered_answers_gives_one_item_per_answer() -> None:
    # a rapid review form's row "What learning has the rapid review identified?" | "1. ... 2. ..."
    from reviewmine.extract.items import numbered_run

    learned = [
        i
        for i in _items("unseen29/wexcombe_rapid_review_child_b.docx")
        if i.kind == "learning_point"
    ]
    assert [i.number for i in learned] == ["1", "2", "3", "4"]
    assert learned[0].text.startswith("The midwife gave both parents")
    assert numbered_run("2. Not from one. 3. Nor two.") == []


def test_recommendations_listed_in_one_sentence_and_counted_in_the_next() -> None:
    # "It recommended that A; that B; and that C." gives one item per part; "The first
    # recommendation is that ... The second is that ..." counts on; "The Panel is calling on:"
    # leads in a list of recommendations
    library = [
        i.text
        for i in _items("unseen30/marrowby_child_r_case_review_library_entry.txt")
        if i.kind == "recommendation"
    ]
    assert len(library) >= 4 and library[0].startswith("the partnership introduces")
    sar = [
        i.text
        for i in _items("unseen30/fennick_vale_sab_sar_mr_b_summary.txt")
        if i.kind == "recommendation"
    ]
    assert any(t.startswith("The second is that partners audit") for t in sar)
    panel = [
        i.text
        for i in _items("unseen30/national_panel_review_online_exploitation_press_release.html")
        if i.kind == "recommendation"
    ]
    assert any(t.startswith("the Home Office to make sure") for t in panel)


def test_things_to_take_away_are_learning_points() -> None:
    items = _items("unseen30/tolhurst_moor_safeguarding_matters_newsletter_issue_14.txt")
    learned = [i.text for i in items if i.kind == "learning_point"]
    assert len(learned) == 3 and learned[1].startswith("Information about risk must travel")


def test_bold_first_line_going_on_in_plain_text_is_an_entry_not_a_heading() -> None:
    # "2" in the margin, "The Department for Education and ..." in bold, then "should set out
    # ..." in plain text: six numbered recommendations, none of them a heading
    items = _items("unseen31/panel_national_review_out_of_the_picture.pdf")
    recs = [i for i in items if i.kind == "recommendation"]
    assert len(recs) == 6
    assert recs[1].text.startswith("The Department for Education and the Department of Health")
    assert "should set out" in recs[1].text


def test_roman_numbered_entries_set_further_in_are_sub_entries() -> None:
    # "(b) develop a single multi-agency process ..., so that:" over "(i)" and "(ii)" set in
    # further: one recommendation whose parts are sub-items
    recs = [
        i
        for i in _items("unseen31/rivenshaw_lcspr_child_k_overview_report.pdf")
        if i.kind == "recommendation"
    ]
    develop = next(i for i in recs if i.text.startswith("develop a single"))
    assert len(develop.subitems) == 2
    assert not any(i.text.startswith("information from return home") for i in recs)


def test_label_line_under_a_wrapped_section_title_is_a_heading_of_its_own() -> None:
    # "What we have learned" / "so far" (one title on two lines), then "Learning point 1" in the
    # same font: the label opens its own learning point
    learned = [
        i for i in _items("unseen31/sandwick_rapid_review_baby_r.pdf") if i.kind == "learning_point"
    ]
    assert len(learned) == 4 and learned[0].text.startswith("Baby R's father had a history")


def test_requests_by_a_board_and_reports_by_reviews_in_the_plural() -> None:
    # "We ask safeguarding partners to make sure ..." recommends; "Reviews continue to show
    # that ..." reports; under "What we will do" what was done, or what a chapter holds, is
    # no next step
    items = _items("unseen33/national_panel_annual_report_2025_26_chapter3_themes.txt")
    kinds = {i.text[:30]: i.kind for i in items}
    assert kinds.get("We ask safeguarding partners t") == "recommendation"
    assert kinds.get("Reviews continue to show that ") == "finding"
    steps = [i.text for i in items if i.kind == "next_step"]
    assert not any(t.startswith(("During 2025", "Chapter 4")) for t in steps)


def test_web_page_links_and_labels_under_recommendations_are_not_items() -> None:
    items = _items("unseen33/ashcombe_child_r_repository_case_review_summary.txt")
    assert not any(
        i.text.startswith(("Download", "Read the", "Keywords:", "See also")) for i in items
    )


def test_inspection_page_label_over_a_list_opens_its_section() -> None:
    # an ILACS summary web page: "What needs to improve?" in a plain paragraph over a list
    afi = [
        i
        for i in _items("unseen32/holmbury_cross_ilacs_report_summary.html")
        if i.kind == "area_for_improvement"
    ]
    assert len(afi) == 5 and afi[0].text.startswith("The quality and timeliness of pathway plans")


def test_action_plan_group_rows_and_completed_actions_are_not_items() -> None:
    # "Recommendation 1: ..." rows across the table group its actions (the header still holds);
    # rows whose status says "Complete" are done; "On track" and "At risk" rows are actions
    items = _items("unseen32/fennick_lscp_action_plan_lcspr_child_b.docx")
    actions = [i for i in items if i.kind == "action"]
    assert actions and all(i.kind == "action" for i in items if i.text[:1].isupper())
    assert not any(
        i.text.startswith(("Agree a transfer protocol", "Recommendation 1")) for i in items
    )
    assert any(i.text.startswith("Check through the annual section 175 audit") for i in actions)
    assert actions[0].subheading and actions[0].subheading.startswith("Recommendation 1")


def test_table_of_figures_is_no_list_of_items_and_own_priorities_are_next_steps() -> None:
    # a child death overview panel's "Category of death | Number" table under "Analysis and
    # learning"; "Section 6: Priorities for 2026-27" over the panel's own plans
    from reviewmine.extract.running_text import that_clauses

    items = _items("unseen33/hollinsby_cdop_annual_report_2025_26_extract.pdf")
    assert not any(i.text.startswith(("Category of death", "Perinatal")) for i in items)
    steps = [i for i in items if i.heading and i.heading.startswith("Section 6")]
    assert steps and all(i.kind == "next_step" for i in steps)
    assert (
        len(
            that_clauses(
                "The learning is that plans drift often; fathers are unseen at home; and records do not move."
            )
        )
        == 3
    )


def test_pdf_entries_marked_with_a_substituted_glyph_are_a_list() -> None:
    # a 7-minute briefing whose font printed its arrow bullets as "> " and its question marks
    # as "? ": four learning points, each one entry, and the questions are no items
    items = _items("unseen34/wenmere_7_minute_briefing_child_r.pdf")
    learned = [i.text for i in items if i.kind == "learning_point"]
    assert len(learned) == 4 and not any(t.startswith(">") for t in learned)
    assert not any(i.text.startswith(("?", "When did you")) for i in items)


def test_recommendations_in_sentences_then_a_closing_remark() -> None:
    # a repository entry: three sentences that each recommend, then "The partnership has
    # accepted all of the recommendations."
    recs = [
        i.text
        for i in _items("unseen34/ollerby_child_t_case_review_summary.txt")
        if i.kind == "recommendation"
    ]
    assert len(recs) == 3 and not any("accepted" in t for t in recs)


def test_one_sentence_listing_several_learning_points_or_findings() -> None:
    # "Practitioners should remember that (a) ...; (b) ...; and (c) ..." under "What we
    # learned": three learning points; a recommendation's "by (a) ... and (b) ..." stays one
    from reviewmine.extract.running_text import lettered_run, that_clauses

    learned = [
        i.text
        for i in _items("unseen35/islingham_rapid_review_learning_summary_infant_d.pdf")
        if i.kind == "learning_point"
    ]
    assert any(t.startswith("babies who cry a lot") for t in learned)
    assert (
        len(
            that_clauses(
                "The review found that plans drifted for months; nobody saw the child; and records stayed behind."
            )
        )
        == 3
    )
    recs = [
        i
        for i in _items("unseen19/kestermoor_independent_scrutiny_annual_report_chapter_3.html")
        if i.kind == "recommendation" and "(a)" in i.text
    ]
    assert recs and lettered_run(recs[0].text)


def test_capitals_headings_in_converted_text_beside_numbered_sub_headings() -> None:
    # converted text whose reader found "3.1 Strengths" as headings: "4. AREAS FOR
    # IMPROVEMENT" and "5. NEXT STEPS" in capitals are headings too, a level above
    items = _items("unseen38/wexmoor_multi_agency_audit_neglect_2026.txt")
    assert sum(i.kind == "area_for_improvement" for i in items) == 3
    assert any(i.kind == "next_step" and "child protection chairs" in i.text for i in items)


def test_findings_listed_in_one_sentence_joined_by_commas() -> None:
    from reviewmine.extract.running_text import that_clauses

    assert that_clauses(
        "The review found that plans drifted for months, that nobody saw the child alone,"
        " and that records stayed with the first agency."
    ) == [
        "plans drifted for months",
        "nobody saw the child alone",
        "records stayed with the first agency",
    ]
    # two parts joined by a comma are one sentence's clauses, not a list
    assert that_clauses("It recommended that the board acts now, and that it reports back.") == []


def test_action_plan_row_stating_the_whole_recommendation_is_that_recommendation() -> None:
    # a SAR action plan: "Recommendation 1: The Board should seek assurance that ..." across
    # the table over its actions (a bare title there is only their sub-heading)
    recs = [
        i
        for i in _items("unseen40/kellsby_sar_mrs_p_action_plan.pdf")
        if i.kind == "recommendation"
    ]
    assert len(recs) >= 4 and recs[0].text.startswith("The Board should seek assurance")
    assert recs[0].number == "1"


def test_commitments_about_what_the_page_already_named_are_not_items() -> None:
    from reviewmine.extract.items import is_statement
    from reviewmine.extract.running_text import _cue_kind

    assert _cue_kind("We will publish them when they are complete.") is None
    assert _cue_kind("We will tell you the outcome in writing.") is None
    assert not is_statement(
        "For support, call the Eastholt domestic abuse helpline on 01632 960981 or visit "
        "www.eastholtsafe.example.org at any time of day or night."
    )


def test_monitoring_visit_sentence_saying_what_leaders_need_to_do_after_the_evidence() -> None:
    # a monitoring visit letter in prose: "... Leaders need to make sure that children's plans
    # are updated ..." ends a paragraph of evidence; "Further work is needed to improve ..."
    items = _items("unseen42/ingleford_monitoring_visit_letter_children_in_care.html")
    afi = [i.text for i in items if i.kind == "area_for_improvement"]
    assert len(afi) == 4
    assert any(t.startswith("Further work is needed to improve the timeliness") for t in afi)
    assert not any("Dental checks have improved" in t for t in afi)


def test_contact_line_is_no_item_of_any_kind() -> None:
    # "If you are worried about domestic abuse, call ... on 01632 960773 or visit x.org."
    items = _items("unseen43/elmstead_dhr_ruth_summary_questions_and_answers.txt")
    assert not any("01632 960773" in i.text for i in items)


def test_agency_subheadings_right_under_an_empty_areas_for_improvement_heading() -> None:
    # a JTAI letter: "Areas for improvement" then "The safeguarding partners", "Health
    # partners" ... in the same bold font, each over its bullets; none closes the section
    items = _items("unseen47/corrandale_jtai_letter_criminal_exploitation_2026.pdf")
    afi = [i for i in items if i.kind == "area_for_improvement"]
    assert len(afi) == 7
    assert afi[3].text.startswith("Emergency department staff")
    assert afi[4].text.startswith("Children with speech")  # a plural noun, no imperative
    assert not any(i.text.startswith("Jay, aged 15") for i in items)  # the case example after


def test_form_answers_after_a_guidance_prompt_numbered_or_lettered() -> None:
    # "Learning identified" | "What has this case told us ...? (guidance) 1. ... 2. ... 3. ..."
    # and "Actions" | "Agreed actions ... (guidance) a) ... Lead: ... Target date: ... b) ..."
    from reviewmine.extract.items import numbered_run

    items = _items("unseen47/corrandale_rapid_review_record_baby_l.docx")
    learned = [i for i in items if i.kind == "learning_point"]
    assert [i.number for i in learned] == ["1", "2", "3"]
    acts = [i for i in items if i.kind in ("action", "next_step")]
    assert [i.number for i in acts] == ["a", "b", "c"]
    assert not any("Target date" in i.text or "(guidance)" in i.text for i in learned + acts)
    # a run after a long passage of prose is not a form's answers to a prompt
    prose = "The panel met twice and read every agency's chronology before it agreed. " * 3
    assert numbered_run(prose + "1. Fathers were absent. 2. Plans drifted.", lead=True) == []
    assert numbered_run("Prompt? 1. Fathers were absent. 2. Plans drifted.", lead=True) == [
        ("1", "Fathers were absent."),
        ("2", "Plans drifted."),
    ]


def test_guillemet_bullets_under_bold_themes_of_a_focused_visit_letter() -> None:
    # "» Assessments ..." under bold "Assessment and planning": the themes are not items,
    # nor is the letter's closing "Ofsted will take the findings ... into account"
    afi = [
        i.text
        for i in _items("unseen47/corrandale_focused_visit_letter_2026.pdf")
        if i.kind == "area_for_improvement"
    ]
    assert len(afi) == 5 and afi[0].startswith("Assessments for children in need")
    assert not any(t.startswith(("»", "Management oversight", "Ofsted will")) for t in afi)


def test_story_heading_with_learning_gives_the_lesson_sentences_only() -> None:
    # "What happened and what we learned": the story's paragraphs are not items; the
    # sentences that state a lesson or a finding inside them are
    items = _items("unseen48/orrington_sab_sar_mrs_k_summary.txt")
    texts = [i.text for i in items if i.heading == "What happened and what we learned"]
    assert any(t.startswith("One lesson from this is that") for t in texts)
    assert any(t.startswith("The review found that carers") for t in texts)
    assert not any(t.startswith(("District nurses began", "Mrs K was admitted")) for t in texts)


def test_priority_labels_over_paragraphs_and_priority_titles() -> None:
    # "Priority 1" over "Adapt the neglect screening tool ...": a review's next step
    steps = [
        i
        for i in _items("unseen48/eastwold_thematic_review_adolescent_neglect_summary.pdf")
        if i.kind == "next_step"
    ]
    assert [i.number for i in steps] == ["Priority 1", "Priority 2", "Priority 3"]
    assert steps[0].text.startswith("Adapt the neglect screening tool")
    # "Priority 1: Children at risk of exploitation" titles a part of a plan, not an item
    titles = [
        i.text
        for i in _items("unseen38/wexmoor_wscp_annual_report_2025_26_chapter_4.html")
        if i.text in ("Children at risk of exploitation", "Hearing the voice of children")
    ]
    assert titles == []


def test_list_of_short_shortfalls_under_an_unknown_label_is_findings() -> None:
    # a page read sentence by sentence: "Lack of ...", "... not ..." entries under a label
    # that names no kind are what the review found wanting
    from reviewmine.extract.running_text import _SHORTFALL

    found = [
        i.text
        for i in _items("unseen42/larchmere_independent_scrutineer_report_2026.txt")
        if i.kind == "finding"
    ]
    assert any(t.startswith("Schools, nurseries and colleges are consulted") for t in found)
    assert _SHORTFALL.search("Not seeing the adult alone")
    assert not _SHORTFALL.search("Family hubs are well located and trusted by parents")


def test_agency_lead_in_lines_over_numbered_recommendations_name_their_addressee() -> None:
    # "Marlshire Police should:" over "1. make sure that ...": the line is whom the entries
    # are for, not an item
    recs = [
        i
        for i in _items("unseen49/wyvernton_youth_justice_joint_inspection_2026.docx")
        if i.kind == "recommendation"
    ]
    assert not any(i.text.rstrip().endswith("should:") for i in recs)
    police = [i for i in recs if i.subheading == "Marlshire Police should"]
    assert len(police) == 1 and "police" in police[0].addressees


def test_paragraph_counting_recommendations_then_stating_them() -> None:
    # "The reviewer made five recommendations, which ... The first asks the Partnership to
    # develop ... The second is that ... should ...": one recommendation per sentence after
    # the count, under a heading ("What happens next") that names no recommendations
    recs = [
        i.text
        for i in _items("unseen46/kelderby_cspr_learning_summary_child_r.html")
        if i.kind == "recommendation"
    ]
    assert recs[0].startswith("The first asks the Partnership to develop")
    assert recs[1].startswith("The second is that Kelderby Council")
    assert not any(t.startswith(("The reviewer made five", "Two further")) for t in recs)
    assert any(t.startswith("Lastly, the Partnership should") for t in recs)


def test_a_review_asking_and_inviting_in_one_paragraph_makes_two_recommendations() -> None:
    recs = [
        i.text
        for i in _items("unseen48/brackenholme_lcspr_child_j_summary.html")
        if i.kind == "recommendation"
    ]
    assert any(t.startswith("It also suggests that the Partnership should") for t in recs)
    assert any(t.startswith("The reviewer further asks the fire and rescue service") for t in recs)
    assert not any(t.startswith("The reviewer made a small number") for t in recs)


def test_a_further_point_in_the_same_paragraph_is_an_item_of_its_own() -> None:
    # "... on either occasion. The panel learned too that ... was not known ...": two findings;
    # "The review also noted that the foster carers were caring ..." is no further point
    found = [
        i.text
        for i in _items("unseen46/oxley_dene_dhr_overview_summary_jane.txt")
        if i.kind == "finding"
    ]
    assert any(t.startswith("The panel learned too that Mark") for t in found)
    assert any(
        t.startswith("Jane's children were not seen") and "learned too" not in t for t in found
    )
    other = _items("unseen34/ollerby_child_t_case_review_summary.txt")
    assert not any(i.text.startswith("The review also noted that Child T") for i in other)


def test_findings_heading_with_a_determiner_and_bold_lead_sentences() -> None:
    # "Our findings" over paragraphs that open with a bold sentence: one finding per
    # paragraph, its explanation kept
    found = [
        i.text
        for i in _items("unseen51/panel_thematic_review_temporary_accommodation_summary.html")
        if i.kind == "finding"
    ]
    assert len(found) == 5
    assert found[1].startswith("Children lost contact with the services that knew them. Children")


def test_web_text_line_of_what_has_happened_since_ends_the_recommendations() -> None:
    # one paragraph per line: "What has happened since" over what was done is no recommendation
    items = _items("unseen51/wendlecombe_rapid_review_baby_k_web_text.txt")
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert len(recs) == 3
    assert not any(
        t.startswith(("What has happened", "The maternity service has added")) for t in recs
    )


def test_list_of_what_leaders_have_completed_is_no_action() -> None:
    # "Since the last inspection, leaders have completed the following actions:" over
    # "recruited 14 permanent social workers ...": done, not to do
    items = _items("unseen53/hollinbury_ilacs_inspection_report.pdf")
    assert not any(i.text.startswith(("recruited 14", "launched a new")) for i in items)
    assert len([i for i in items if i.kind == "area_for_improvement"]) == 6


def test_question_headings_in_the_present_and_asked_of_partners() -> None:
    # "What Child R's story tells us" (findings), "What partners are being asked to change"
    # (recommendations); "What the review was asked to consider" is its brief
    from reviewmine.extract.sections import section_kind

    assert section_kind("What Child R's story tells us") == "finding"
    assert section_kind("What partners are being asked to change") == "recommendation"
    assert section_kind("What the review was asked to consider") is None
    recs = [
        i.text
        for i in _items("unseen52/ashcombe_cspr_child_r_summary.html")
        if i.kind == "recommendation"
    ]
    assert any(t.startswith("The Integrated Care Board should make sure") for t in recs)
    assert any(t.startswith("Finally, the out-of-hours service") for t in recs)


def test_a_further_point_told_or_judged_possible() -> None:
    # "Practitioners also told us that ...", "It is also possible that ...": points of their own
    learned = [i.text for i in _items("unseen52/dunsford_rapid_review_learning_note_baby_f.docx")]
    assert any(t.startswith("Practitioners also told us that") for t in learned)


def test_titled_lesson_takes_its_paragraph_even_when_it_says_what_must_happen() -> None:
    # "Lesson 2: Professional judgement in risk assessment" over "A risk assessment is only as
    # good as ... professional judgement should be used ...": one lesson, not a title and a
    # recommendation
    items = _items("unseen59/ellerford_dhr_joanne_overview_chapter6.pdf")
    lessons = [i.text for i in items if i.kind == "learning_point"]
    assert any(
        t.startswith("Professional judgement in risk assessment A risk assessment") for t in lessons
    )
    assert not any(
        i.kind == "recommendation" and i.text.startswith("Where a victim is unable") for i in items
    )


def test_rapid_review_form_questions_name_their_kinds() -> None:
    # "What has the review identified as good practice?" (a strength), "What further actions
    # have been agreed ...?" (actions, one per numbered answer); "Are there any questions or
    # issues for the national Panel?" names no kind: no item
    from reviewmine.extract.sections import section_kind

    assert section_kind("What actions have been taken?") is None
    items = _items("unseen59/kelmoor_rapid_review_baby_s.docx")
    kinds = [i.kind for i in items]
    assert kinds.count("action") == 3 and kinds.count("good_practice") == 1
    assert not any(i.text.startswith("Are there any questions") for i in items)
    other = _items("unseen47/corrandale_rapid_review_record_baby_l.docx")
    assert not any(i.text.startswith(("Does the case meet", "Is the case relevant")) for i in other)


def test_lettered_parts_finish_a_labelled_recommendation() -> None:
    # "Recommendation 1" over "The Board should seek assurance ... that:" and "(a) no referral
    # ... (b) cases closed ...": one recommendation with its parts
    recs = [
        i
        for i in _items("unseen63/wendlebury_sab_sar_mrs_k_overview.pdf")
        if i.kind == "recommendation"
    ]
    assert len(recs) == 4
    assert "no referral about self-neglect" in recs[0].text


def test_actions_already_taken_heading_gives_no_actions() -> None:
    items = _items("unseen63/kestrelford_dhr_helen_overview_chapter7.pdf")
    assert not any(i.text.startswith("Northmere Police introduced a prompt") for i in items)


def test_obligation_lead_in_over_lowercase_entries_and_a_long_web_text_heading() -> None:
    # "Leaders and managers now need to focus on:" over "(a) the quality of care plans ...";
    # a line of web text "What needs to improve in this area of social work practice" (ten
    # words) heads the lines below it
    focus = [i.text for i in _items("unseen65/fernleigh_monitoring_visit_letter_2026.pdf")]
    assert any(t.startswith("the consistency of life-story work") for t in focus)
    afi = [
        i.text
        for i in _items("unseen65/hallowby_focused_visit_letter_2026.txt")
        if i.kind == "area_for_improvement"
    ]
    assert len(afi) == 4 and afi[0].startswith("The quality of pathway plans")


def test_inspectorates_use_of_its_findings_is_no_next_step() -> None:
    items = _items("unseen65/oakhollow_jtai_letter_2026.pdf")
    assert not any("when planning future inspect" in i.text for i in items)
    assert any(i.kind == "next_step" for i in items)  # the written statement of action stays


def test_agency_subheadings_after_a_sentence_introducing_the_areas() -> None:
    # "What needs to improve?", "The inspectorates have identified the following areas for
    # improvement.", then "Corrington Council", "Marshvale Police" ... each over its bullets
    afi = [
        i
        for i in _items("unseen69/corrington_jtai_letter_criminal_exploitation.pdf")
        if i.kind == "area_for_improvement"
    ]
    assert len(afi) == 6 and afi[0].text.startswith("The consistency of return home interviews")


def test_prose_letter_lead_in_over_lowercase_entries() -> None:
    # a focused visit letter: "The local authority should improve:" over entries finishing it
    afi = [
        i.text
        for i in _items("unseen69/brindleford_focused_visit_letter_care_leavers.pdf")
        if i.kind == "area_for_improvement"
    ]
    assert len(afi) == 3 and afi[0].startswith("the quality and timeliness of pathway plans")


def test_prose_letter_obligation_lead_in_over_capitalised_entries() -> None:
    # "Leaders should focus on the following areas to improve practice:" over four entries
    afi = [
        i.text
        for i in _items("unseen73/kestrel_vale_focused_visit_care_leavers.pdf")
        if i.kind == "area_for_improvement"
    ]
    assert len(afi) == 4 and afi[0].startswith("The quality and timeliness of pathway plans")


def test_introducing_paragraph_that_asks_partners_about_them_is_no_item() -> None:
    # "The following areas for improvement were identified for each agency. Partners should
    # consider them together ...", then same-font agency sub-headings over their bullets
    items = _items("unseen73/marlow_fen_jtai_letter_neglect.pdf")
    afi = [i for i in items if i.kind == "area_for_improvement"]
    assert len(afi) == 5 and afi[0].text.startswith("The use of chronologies")
    assert not any(i.text.startswith(("The following areas", "Partners should")) for i in items)


def test_underlined_numbered_headings_also_listed_in_the_contents_are_headings() -> None:
    # plain text: "4. Findings" is listed under "Contents" and again, underlined with "===",
    # above its paragraphs; listed once and underlined once is a heading, not a page header
    items = _items("unseen68/ashcombe_sab_sar_mr_k_summary.txt")
    assert [i.kind for i in items if i.kind in ("finding", "recommendation")].count(
        "recommendation"
    ) >= 4
    assert sum(i.kind == "finding" for i in items) == 3


def test_counted_recommendations_then_the_first_and_the_second() -> None:
    # "The review makes two recommendations. The first is that ... The second is that ..."
    # in a paragraph under "Learning": one recommendation each, not learning
    recs = [
        i.text
        for i in _items("unseen76/corrisford_child_s_national_repository_entry.html")
        if i.kind == "recommendation"
    ]
    assert len(recs) == 2 and recs[0].startswith("The first is that")


def test_recommendations_counted_and_stated_in_a_conclusion() -> None:
    # "The review makes five recommendations, which are set out within this conclusion.",
    # then sentences asking named bodies to act, over three paragraphs
    recs = [
        i.text
        for i in _items("unseen81/brackenmoor_scr_child_t_overview_report.docx")
        if i.kind == "recommendation"
    ]
    assert len(recs) == 5 and recs[-1].startswith("Finally, the independent reviewing service")


def test_recommendation_as_subject_and_they_recommend() -> None:
    # "A second recommendation asked the neonatal unit ... to hold"; "They also recommend that"
    wexmoor = _items("unseen76/wexmoor_baby_r_scr_archive_record.txt")
    assert any(
        i.kind == "recommendation" and i.text.startswith("A second recommendation asked")
        for i in wexmoor
    )
    ludgate = _items("unseen76/ludgate_fold_siblings_c_and_d_learning_summary.html")
    assert any(
        i.kind == "recommendation" and i.text.startswith("They also recommend") for i in ludgate
    )


def test_rapid_review_recommending_no_lcspr_is_no_item() -> None:
    # "They recommend to the Panel that a local child safeguarding practice review is not
    # required": the decision about a review, not a recommendation for practice
    items = _items("unseen19/fennick_cross_rapid_review_chi*")
    assert not any("is not required" in i.text for i in items)


def test_review_questions_each_answered_by_a_paragraph_are_findings() -> None:
    # "4. Key lines of enquiry: questions and answers", then "Question 1: How well did
    # agencies recognise ...?" over one answer paragraph each; the reader's reflective
    # questions after them are not items
    items = _items("unseen81/marlstow_lcspr_child_r_report.pdf")
    findings = [i for i in items if i.kind == "finding"]
    assert len(findings) == 5
    assert findings[0].text.startswith("Agencies saw the signs of exploitation")
    assert not any(i.text.endswith("?") for i in items)


def test_priorities_in_the_imperative_and_a_first_paragraph_stating_a_shortfall() -> None:
    # an annual report: "6. Priorities for 2026-27", a lead-in, then "Test ...", "Agree ...",
    # "Make sure ..." (the partnership's next steps); "Where we need to improve" opens with
    # "We have not yet been able to show ...", a weakness, not an introduction
    items = _items("unseen80/kestrelford_scp_annual_report_2025_26_learning.docx")
    steps = [i.text for i in items if i.kind == "next_step"]
    assert len(steps) == 3 and steps[-1].startswith("Make sure every agency")
    afi = [i.text for i in items if i.kind == "area_for_improvement"]
    assert len(afi) == 2 and afi[0].startswith("We have not yet been able to show")


def test_actions_given_the_date_they_were_completed_are_done() -> None:
    # "Actions already completed": a table "Action | Agency | Completed" whose last column
    # holds the month each was done; none is an action still to take
    for name in (
        "unseen81/stellford_lcspr_child_k_review_report.docx",
        "unseen76/kestrelmoor_twins_e_and_f_lcspr_learning.html",
    ):
        assert not [i for i in _items(name) if i.kind == "action"], name


def test_labelled_finding_takes_a_paragraph_that_ends_on_what_should_happen() -> None:
    # "Finding 4 - Stopping short breaks" over "When the family ended short breaks, the
    # provider closed the case ... A family stopping a service ... should be treated as ..."
    items = _items("unseen81/stellford_lcspr_child_k_review_report.docx")
    last = [i for i in items if i.kind == "finding"][-1]
    assert "the provider closed the case" in last.text


def test_terms_of_reference_questions_after_a_lead_in_are_no_recommendations() -> None:
    # "2. Terms of reference" / "The panel agreed to examine:" / "what each agency knew ...;"
    # "whether the children's experience was seen ...": question words are not imperatives
    items = _items("unseen77/kestonbury_csp_dhr_sophie_executive_summary.docx")
    assert not any(i.text.startswith(("what each agency", "whether ")) for i in items)


def test_underlined_headings_in_text_with_one_paragraph_per_line() -> None:
    # plain text whose paragraphs are single long lines: "7. Actions completed by agencies"
    # underlined with "=" is a heading, not a recommendation after "6. Recommendations"
    items = _items("unseen77/lydmarsh_csp_dhr_daniel_overview_summary.txt")
    assert not any(i.text.startswith("Actions completed") for i in items)
    assert sum(i.kind == "recommendation" for i in items) == 4


def test_key_issues_heading_holds_findings() -> None:
    # a summary's "KEY ISSUES" (capitals in converted text) over four paragraphs, each an issue
    items = _items("unseen82/caselibrary_scr_child_g_coldharbour_vale.txt")
    issues = [i for i in items if i.kind == "finding"]
    assert len(issues) == 4 and issues[0].text.startswith("Risk assessment at the multi-agency")


def test_counted_areas_of_learning_then_one_paragraph_each() -> None:
    # "The review identified three areas of learning." then three paragraphs; the fourth
    # (the emergency response done well) is no learning
    items = _items("unseen82/caselibrary_lcspr_baby_r_ellerbrook_2024.html")
    learning = [i.text for i in items if i.kind == "learning_point"]
    assert len(learning) == 3 and learning[0].startswith("Fathers and male carers")
    assert not any("acted quickly" in i.text for i in items)


def test_counted_recommendations_reported_as_recommended() -> None:
    # "The review makes three recommendations. The partnership should ... It also recommended
    # that ... Finally, ... should be included ...": one recommendation per sentence
    items = _items("unseen82/saferchildhoods_lcspr_sibling_group_c_farrowby.txt")
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert any(r.startswith("It also recommended that") for r in recs)
    assert not any(r.startswith("The review makes") for r in recs)


def test_agency_strengths_then_a_lead_in_naming_areas_for_improvement() -> None:
    # an older JTAI letter: under each agency, "Strengths" bullets (wrapped at a hanging
    # indent), then "Inspectors identified the following areas for improvement for ...:" at
    # the margin over numbered entries: the lead-in ends the bullet and opens the areas
    items = _items("unseen84/brackenmoor_jtai_letter_cse_missing_2016.pdf")
    afi = [i.text for i in items if i.kind == "area_for_improvement"]
    assert len(afi) == 8 and afi[0].startswith("Return home interviews are not offered")
    strengths = [i.text for i in items if i.kind == "good_practice"]
    assert not any("Inspectors identified" in t for t in strengths)


def test_plain_text_rules_are_no_text_and_a_line_between_two_is_a_heading() -> None:
    # a highlight report: "=====" rules above and below "2. LEARNING FROM RAPID REVIEWS THIS
    # QUARTER"; the rules give no item, the framed line is a heading
    items = _items("unseen87/wenmarsh_lis_subgroup_hig*")
    assert not any(set(i.text) <= set("=-") for i in items)
    assert not any(i.text.startswith(("PRIORITIES FOR", "Reporting period")) for i in items)


def test_breakdown_of_a_count_of_recommendations_is_no_list() -> None:
    # "The Panel makes seven recommendations: four to government and national bodies and
    # three to local safeguarding partners." counts them; the recommendations come later
    items = _items("unseen85/cspr_panel_national_review_medicines_misuse_under_fives.pdf")
    assert not any(i.text in ("four to government", "national bodies") for i in items)


def test_paragraphs_apart_by_more_than_their_own_leading_are_separate() -> None:
    # "Key learning": three two-line paragraphs 18 points apart, their lines 14 points apart
    # (less than the document-wide threshold): one learning point each
    items = _items("unseen83/millbrook_7_minute_briefing_neglect_audit.pdf")
    learning = [i.text for i in items if i.kind == "learning_point"]
    assert any(t.startswith("Good plans say what needs to change") for t in learning)
    assert not any("Good plans say" in t and t.startswith("Look at") for t in learning)


def test_converted_text_page_number_between_dashes_and_numbered_clauses_after_a_lead() -> None:
    # converted PDF text: "- 2 -" centred at each page foot is furniture, not an entry; under
    # "The review recommends that:", "5.1 the Partnership agrees ...;" "5.2 maternity
    # services include ...;": one recommendation per numbered clause
    items = _items("unseen88/quarrington_lcspr_baby_z_executive_summary_pdf.txt")
    assert not any(i.text.strip(" -").isdigit() for i in items)
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert len(recs) == 4 and recs[1].startswith("maternity services include")


def test_paragraphs_finishing_a_recommends_that_lead_in_are_recommendations() -> None:
    # "The reviewer recommends that:" then paragraphs without a modal ("Rowanbank Safeguarding
    # Adults Board seeks assurance ...", "Commissioners ... make sure ..."), then thanks
    items = _items("unseen88/rowanbank_sab_sar_adult_b_executive_summary.docx")
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert len(recs) == 5 and recs[0].startswith("Rowanbank Safeguarding Adults Board seeks")
    assert not any(t.startswith("The Board thanks") for t in recs)


def test_part_letter_heading_without_a_separator_names_its_kind() -> None:
    # a rapid review as text: "PART C  LEARNING IDENTIFIED" over labelled entries "L1 ..."
    items = _items("unseen93/orchard_heath_rapid_review_young_person_k.txt")
    learning = [i for i in items if i.kind == "learning_point"]
    assert len(learning) >= 4
    assert any("given lifts by older men" in i.text for i in learning)


def test_a_heading_that_counts_lessons_over_one_paragraph_each() -> None:
    # "The reviewer drew out four lessons." set as a heading, then four paragraphs; the
    # fifth (credit to the school counsellor) is not one of them
    items = _items("unseen88/stelling_scp_learning_summary_teenage_neglect.pdf")
    lessons = [i.text for i in items if i.kind == "learning_point"]
    assert len(lessons) == 4 and lessons[0].startswith("Neglect of teenagers is often not")


def test_questions_for_practitioners_are_never_a_list_of_shortfalls() -> None:
    # "Questions for practitioners" over "Do you know what your local protocol says ...?",
    # "Who would you talk to in your team if you were unsure?": prompts, not findings
    items = _items("unseen93/cspr_panel_practice_briefing_babies_bruising.txt")
    assert not any(i.text.rstrip().endswith("?") for i in items)


def test_actions_that_have_already_been_completed_are_done() -> None:
    # "Part 4: Immediate actions" / "The following actions have already been completed:"
    items = _items("unseen93/brantley_vale_rapid_review_baby_s.docx")
    assert not [i for i in items if i.kind == "action"]


def test_one_paragraph_with_two_inline_lists_gives_both() -> None:
    # a repository abstract: "Learning includes: a; b; and c. Recommendations include: d; e;
    # and f." in one paragraph; the second list is read too
    items = _items("unseen94/marlstone_scr_child_r_repository_abstract.txt")
    assert sum(i.kind == "learning_point" for i in items) == 4
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert len(recs) == 4 and recs[0].startswith("the Board should seek assurance")


def test_counted_recommendations_with_a_sentence_between_and_asking_verbs() -> None:
    # "The review makes four recommendations for the partnership. Two of them are for
    # health services ... The first asks the Integrated Care Board to make sure ..."
    items = _items("unseen94/carrowdale_blog_baby_l_fathers_reflection.html")
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert any(t.startswith("The first asks the Integrated Care Board") for t in recs)
    assert any(t.startswith("The second asks maternity") for t in recs)


def test_counted_recommendations_in_ordinal_sentences() -> None:
    # "The Board agreed eight recommendations ..., and three of them will make the biggest
    # difference. First, the Board will develop ... Second, ... Third, ..."
    items = _items("unseen94/ravensworth_sab_thematic_sar_homelessness_summary.txt")
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert len(recs) == 3 and recs[0].startswith(
        "First, the Board will develop multi-agency guidance"
    )


def test_table_of_actions_already_completed_gives_no_items() -> None:
    # "Actions already completed by agencies" over "Agency | Action completed" rows, after
    # the recommendations list of a safeguarding adults review
    items = _items("unseen98/ollerby_sab_sar_mr_desmond_overview_report.docx")
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert len(recs) == 5
    assert not any("champions named" in t for t in recs)


def test_labelled_evidence_under_a_finding_heading_is_part_of_that_finding() -> None:
    # "Finding 1: Exclusion opened the door to exploitation", its statement, then "What we
    # saw: Ayo and Dan were both on reduced timetables ...": evidence, not a fifth finding
    items = _items("unseen98/ashcombe_vale_thematic_review_extra_familial_harm.pdf")
    findings = [i.text for i in items if i.kind == "finding"]
    assert len(findings) == 4
    assert not any(t.startswith("Ayo and Dan were both") for t in findings)


def test_paragraph_saying_the_recommendations_are_shown_below_is_no_item() -> None:
    # "The panel's recommendations and the action plan ... are shown below." over a table
    items = _items("unseen98/westmarsh_dhr_lena_executive_summary.pdf")
    assert not any("are shown below" in i.text for i in items)
    assert sum(i.kind == "recommendation" for i in items) == 6


def test_introducing_list_entry_leaves_a_section_of_coded_paragraphs() -> None:
    # "I make four recommendations. ..." set as a list entry, then "R1 That the partnership
    # links ...", "R2 That ...": the section is one of paragraphs, each coded one an item
    items = _items("unseen99/brindlewood_independent_scrutineer_annual_report_2025_26.pdf")
    recs = [i for i in items if i.kind == "recommendation"]
    assert [i.number for i in recs] == ["R1", "R2", "R3", "R4"]
    assert recs[0].text.startswith("That the partnership links")


def test_lead_in_asking_someone_to_act_over_a_list_gives_recommendations() -> None:
    # a Panel letter: "As the local review proceeds, the Panel would ask the partnership to
    # consider:" over four entries
    items = _items("unseen99/panel_response_letter_kestrel_vale_child_r.pdf")
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert len(recs) == 4 and recs[0].startswith("how the father and any other men")


def test_restated_priority_action_box_and_completed_actions_heading() -> None:
    # a progress report: "Area for priority action 1 (from the inspection report) Leaders
    # ... must ..." is an item; the list under "Completed since our last report" is done
    items = _items("unseen97/marrowby_send_priority_action_plan_progress_report.pdf")
    texts = [i.text for i in items]
    assert sum("Leaders across the partnership must reduce" in t for t in texts) == 1
    assert not any(t.startswith(("1.1 We appointed", "We appointed")) for t in texts)


def test_heading_on_how_learning_was_shared_holds_no_learning() -> None:
    # an annual report's "How we shared the learning" over "We held four practitioner
    # learning events ...": what was done, not what was learned
    items = _items("unseen99/thornleigh_annual_report_2025_26_learning_from_reviews.html")
    assert not any(i.text.startswith("We held four practitioner") for i in items)
    assert sum(i.kind == "finding" for i in items) == 3


def test_count_of_recommendations_stated_by_recommending_sentences_and_next_paragraph() -> None:
    # "The review makes three recommendations. It recommends that ... It also recommends
    # that ..." then a paragraph "The partnership is asked to revise ...": the third
    items = _items("unseen94/kestrelford_news_lcspr_child_j_published.html")
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert len(recs) == 3 and recs[-1].startswith("The partnership is asked to revise")


def test_areas_of_significant_weakness_after_a_lead_in_are_items() -> None:
    # a 2019 joint local area SEND letter: "... a Written Statement of Action ... that
    # explains how the local area will tackle the following areas of significant weakness:"
    items = _items("unseen103/eastlinn_joint_local_area_send_inspection_letter_2019.pdf")
    afis = [i.text for i in items if i.kind == "area_for_improvement"]
    assert any(t.startswith("the lack of a shared, strategic approach") for t in afis)
    assert any(t.startswith("poor communication and co-production") for t in afis)


def test_what_the_board_has_done_so_far_is_done_not_recommended() -> None:
    # a SAR summary page: "Recommendations" bullets, then "What the Board has done so far"
    # bullets, which are no recommendations
    items = _items("unseen100/thornmere_sab_sar_mr_l_summary.txt")
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert len(recs) == 4 and not any("was updated in October" in t for t in recs)


def test_counted_themes_one_paragraph_under_each_sub_heading() -> None:
    # "The review identified three themes. Each is described below." then "Theme 1: ..."
    # sub-headings over one paragraph each (a practitioner's quotation after the first)
    items = _items("unseen100/ravensholme_scp_learning_from_reviews_child_h.html")
    lessons = [i.text for i in items if i.kind == "learning_point"]
    assert len(lessons) == 3 and lessons[0].startswith("Child H's absences from school")


def test_actions_the_partnership_has_already_taken_are_done() -> None:
    # "What this means for you" bullets, then "Actions the Partnership has already taken"
    items = _items("unseen101/corranby_learning_from_rapid_review_child_s.pdf")
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert len(recs) == 4 and not any(t.startswith("The exploitation hub now has") for t in recs)


def test_unnumbered_agency_headings_inside_a_numbered_recommendations_section() -> None:
    # an SCR: "8. SINGLE AGENCY RECOMMENDATIONS", then agency names set at the same level
    # ("Westshire Constabulary") over "Police to respond to ..." entries, until "9. ..."
    items = _items("unseen104/ashcombe_lscb_scr_child_f_overview_2014.pdf")
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert len(recs) == 9 and recs[-1].startswith("Police to respond to requests")


def test_heading_what_we_ask_of_partners_holds_recommendations() -> None:
    # the Panel's annual report: "What we ask of safeguarding partners" over imperatives
    items = _items("unseen105/panel_annual_report_2025_26_extract.pdf")
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert any(t.startswith("Use your escalation policy data") for t in recs)


def test_rapid_review_form_questions_numbered_q_name_their_kind() -> None:
    # "Q5. What learning has been identified ...?" over entries, "Q7. What further actions are
    # required, by whom and by when?" over "X to ..." entries; "Q4. Was there any good
    # practice?" answers with a strength
    items = _items("unseen105/ashcombe_tennet_rapid_review_form_baby_r.pdf")
    kinds = [i.kind for i in items]
    assert kinds.count("learning_point") == 4 and kinds.count("action") == 3
    assert not any(i.kind == "finding" for i in items)


def test_how_lessons_are_grouped_and_actions_already_completed_entry_are_no_items() -> None:
    # an SCR: "The lessons are grouped by the agency that contributed them ..." opening the
    # lessons; "Actions already completed:" as a list entry over what was done, after the
    # recommendations table
    items = _items("unseen110/hollinsbury_scr_child_j_overview_report.pdf")
    assert not any(i.text.startswith("The lessons are grouped") for i in items)
    assert not any("Actions already completed" in i.text for i in items)
    assert sum(i.kind == "recommendation" for i in items) == 8


def test_record_fields_span_paragraphs_and_recommending_sentences_split() -> None:
    # a repository record: "Learning:" opens a field of three paragraphs, up to
    # "Recommendations:", whose three recommending sentences are one item each
    items = _items("unseen112/brackenholt_repository_record_child_r.txt")
    lessons = [i.text for i in items if i.kind == "learning_point"]
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert len(lessons) == 3 and lessons[1].startswith("Child R's father was described")
    assert len(recs) == 3 and recs[2].startswith("Finally, the review recommended")


def test_heading_themes_from_recent_reviews_holds_its_labelled_paragraphs() -> None:
    # a trust's page: "Themes from recent reviews" over "Professional curiosity: In several
    # reviews staff recorded what they were told ..." paragraphs, one theme each
    items = _items("unseen112/fellbridge_eastmoor_nhs_learning_from_safeguarding_reviews.html")
    themes = [i.text for i in items if "Themes from recent reviews" in (i.heading or "")]
    labels = (
        "Professional curiosity",
        "Hearing the voice",
        "Think family",
        "Escalation",
        "Was not",
    )
    assert sum(t.startswith(labels) for t in themes) == 5


def test_prose_letter_without_a_salutation_reads_its_body_from_the_first_heading() -> None:
    # a monitoring visit letter printed without "Dear ...": its "Leaders need to ensure ..."
    # paragraphs among the findings are still its areas for improvement
    items = _items("unseen113/wendlebury_monitoring_visit_letter_2020.pdf")
    afis = [i.text for i in items if i.kind == "area_for_improvement"]
    assert any(t.startswith("Leaders need to ensure that child protection plans") for t in afis)


def test_lead_in_saying_what_the_panel_would_like_explored() -> None:
    # a Panel letter: "In taking the local review forward, the Panel would like the
    # following to be explored:" over three entries
    items = _items("unseen117/panel_letter_rapid_review_child_k_ashdown.pdf")
    asked = [i.text for i in items if i.kind == "recommendation"]
    assert len(asked) == 3 and asked[0].startswith("Why the domestic abuse disclosed")


def test_questions_in_a_list_of_what_to_do_are_no_items() -> None:
    # a two-column 7-minute briefing whose "Questions to discuss with your team" entries are
    # read after box 6's list: a question is never a recommendation
    items = _items("unseen114/thornleigh_cspr_7_minute_briefing_child_r.pdf")
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert len(recs) == 4 and not any(t.rstrip().endswith("?") for t in recs)


def test_appendix_heading_naming_an_action_plan_holds_its_actions() -> None:
    # a DHR executive summary in Word: "Appendix: Action plan" over a Rec. / Action to take /
    # Lead agency / Target date / Status table
    items = _items("unseen115/harnley_csp_dhr_executive_summary_ruth.docx")
    actions = [i.text for i in items if i.kind == "action"]
    assert len(actions) == 4 and actions[0].startswith("Deliver three economic abuse briefings")


def test_form_answer_cell_of_several_paragraphs_gives_one_item_each() -> None:
    # a rapid review record in Word: "What learning has been identified?" | an answer cell of
    # three paragraphs; "What recommendations are made ...?" | a lead-in ending in a colon
    # over three paragraphs: three learning points and three recommendations, no lead-in
    items = _items("unseen111/kestrel_vale_rapid_review_baby_h.docx")
    learning = [i.text for i in items if i.kind == "learning_point"]
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert len(learning) == 3 and learning[2].startswith("None of the practitioners talked")
    assert len(recs) == 3 and recs[0].startswith("The probation service should make sure")


def test_word_cell_keeps_its_paragraphs_and_joins_them_in_its_text() -> None:
    from reviewmine.read.readers import read_file
    from reviewmine.read.structure import build_blocks

    path = next((SETS / "unseen74").glob("kestrelford_case_audit_form_child_b.docx"))
    blocks, _, _ = build_blocks(read_file(path))
    answer = next(b for b in blocks if b.kind == "table_cell" and len(b.parts) == 3)
    assert answer.text == " ".join(answer.parts)
    assert answer.parts[0].startswith("Adult mental health service to add")
    # a cell of one paragraph keeps no parts
    assert any(b.kind == "table_cell" and not b.parts for b in blocks)


def test_list_naming_later_headings_is_contents_not_findings() -> None:
    # "In this chapter" over five entries, each the words of a later "3.n ..." heading
    items = _items("unseen123/national_panel_annual_report_2025_26_chapter_3.docx")
    texts = {i.text for i in items}
    assert not texts & {"Notifications at a glance", "Themes from this year's reviews"}


def test_links_to_files_are_no_items() -> None:
    # "Child R: full report (PDF, 1.1MB)" under a review's "What we learned" on a web page
    items = _items("unseen118/kestlebury_scp_published_case_reviews_page.html")
    assert items and not any("KB)" in i.text or "MB)" in i.text for i in items)


def test_news_story_counts_recommendations_and_gives_only_those_it_states() -> None:
    # "The report makes five recommendations." then two asks ("It says the Integrated Care
    # Board should ...") and the chair's reaction ("... said: ..."): two recommendations
    items = _items("unseen118/pellingham_courier_news_story_review_baby_h.html")
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert len(recs) == 2
    assert recs[0].startswith("It says the Integrated Care Board should")
    assert not any("said" in t for t in recs)


def test_what_practitioners_are_expected_to_do_is_asked_of_them() -> None:
    # "Every practitioner in Dunholt is expected to:" over four bullets
    items = _items("unseen121/dunholt_practice_guide_fathers_and_male_carers.docx")
    asked = [i.text for i in items if i.kind in ("recommendation", "action")]
    assert any(t.startswith("Record the name, date of birth") for t in asked)
    assert any(t.startswith("Assess what each father brings") for t in asked)


def test_discussing_whether_something_should_happen_asks_no_one() -> None:
    from reviewmine.extract.running_text import _asks_of_someone

    assert not _asks_of_someone("Members discussed whether the review should be published.")
    assert _asks_of_someone("It says the Board should publish the review in full.")
    assert not _asks_of_someone("It should be published in full.")


def test_finding_title_over_its_statement_in_bold_takes_the_statement() -> None:
    # "Finding 1: Exclusion removed ..." over "4.1 When Child R was permanently excluded ..."
    # set in bold (a heading by its font), then "Evidence from the case"
    items = _items("unseen122/wrenmouth_lcspr_child_r_full_report.pdf")
    found = [i.text for i in items if i.kind == "finding"]
    assert len(found) == 4
    assert "When Child R was permanently excluded in Year 9" in found[0]
    assert not any("Evidence from the case" in t for t in found)


def test_learning_labels_and_a_protective_marking_in_the_margin() -> None:
    # "Learning 3: A paediatric ward is not a place of safety ..." over its one paragraph
    items = _items("unseen122/stannerby_lcspr_child_t_with_partnership_response.pdf")
    learning = [i.text for i in items if i.kind == "learning_point"]
    assert len(learning) == 4 and any("Child T spent 23 days" in t for t in learning)
    # "OFFICIAL - SENSITIVE | Rapid review outcome: Baby S" atop page 2, inside a list
    items = _items("unseen122/fallowmere_rapid_review_outcome_baby_s.pdf")
    assert not any("OFFICIAL" in i.text for i in items)


def test_immediate_safeguarding_action_taken_is_done_in_a_section_and_in_a_form() -> None:
    # a heading "2. Immediate safeguarding action taken" over a list of what was done
    items = _items("unseen122/fallowmere_rapid_review_outcome_baby_s.pdf")
    assert not any(i.text.startswith("A strategy discussion was held") for i in items)
    # a form's row "Immediate safeguarding actions taken": the form's later rows still count
    items = _items("unseen29/wexcombe_rapid_review_child_b.docx")
    learning = [i for i in items if i.kind == "learning_point"]
    assert len(learning) == 4
    assert not any(i.text.startswith("A strategy discussion was held") for i in items)


def test_lead_ins_to_findings_and_to_quotes_are_no_items() -> None:
    # numbered paragraphs: "16. The review found that:" over findings at the same level
    items = _items("unseen119/stanbridge_wold_sar_executive_summary_ms_r.pdf")
    assert not any(i.text.rstrip().endswith(":") for i in items)
    assert sum(i.kind == "finding" for i in items) == 6
    # "Mrs H's niece told the Panel:" over her words
    items = _items("unseen119/oxcaster_dhr_overview_report_mrs_h_chapters_9_11.pdf")
    assert not any("told the Panel" in i.text for i in items)


def test_actions_completed_before_the_review_ended_close_the_list_of_recommendations() -> None:
    # after a recommendations table: "The following actions were completed by agencies
    # before the review concluded and are not recommendations of this review:" over bullets
    items = _items("unseen119/oxcaster_dhr_overview_report_mrs_h_chapters_9_11.pdf")
    assert not any(
        i.text.startswith(("The following actions", "Adult social care has")) for i in items
    )
    assert sum(i.kind == "action" for i in items) == 6


def test_numbered_paragraph_describing_its_chapter_is_no_finding() -> None:
    # "35. This chapter sets out the review's findings. They are systemic: ..."
    items = _items("unseen119/marlowmere_sar_overview_report_mr_b_chapters_4_7.docx")
    assert not any(i.text.startswith("This chapter") for i in items)


def test_annual_report_prose_partners_agreed_to_act_and_what_a_review_highlighted() -> None:
    # "Partners agreed to audit ...": an agreed action; "It highlighted the value of ...": learning
    items = _items("unseen123/brackenmoor_scp_annual_report_2025_26_learning_from_reviews.html")
    actions = [i.text for i in items if i.kind == "action"]
    assert len(actions) == 5 and all(t.startswith("Partners agreed to") for t in actions)
    assert any(i.text.startswith("It highlighted the value of") for i in items)


def test_agreeing_to_hold_a_review_or_to_the_steps_below_is_no_action() -> None:
    from reviewmine.extract.running_text import _cue_kind

    assert _cue_kind("The Board agreed to carry out a Safeguarding Adults Review.") is None
    assert _cue_kind("The Partnership has agreed to take the following steps.") is None
    assert _cue_kind("Partners agreed to the resourcing of an analyst.") is None
    assert _cue_kind("Partners agreed to audit the use of the toolkit.") == "action"


def test_a_sentence_leading_in_to_a_list_is_no_item() -> None:
    # "In the coming year the Panel will focus on the following priorities:"
    items = _items("unseen123/national_panel_annual_report_2025_26_chapter_3.docx")
    assert not any(i.text.rstrip().endswith(":") for i in items)


def test_web_page_fact_fields_and_more_links_are_no_items() -> None:
    # "Themes: child criminal exploitation, school exclusion, ..." among "Type of review: ...",
    # "Age of child: 14", "Review author: ...": a record of facts, not findings
    items = _items("unseen118/safer_childhoods_trust_case_review_summary_orrinford_child_z.txt")
    assert not any(i.text in ("school exclusion", "children who go missing") for i in items)
    assert sum(i.kind == "recommendation" for i in items) >= 3
    # "More learning" over links to other pages
    assert _items("unseen118/marshby_scp_case_reviews_index_page.html") == []


def test_a_count_broken_down_and_a_decision_on_the_criteria_are_no_items() -> None:
    from reviewmine.extract.running_text import _SENT_NEG

    # "The review made nine recommendations: four for the partnership ..., five for ..."
    items = _items("unseen118/wendlow_council_dhr_sarah_page.html")
    assert not any(i.text.startswith("four for the partnership") for i in items)
    assert _SENT_NEG.search(
        "The rapid review concluded that the criteria for a local child safeguarding practice "
        "review were not met."
    )


def test_attribution_lines_and_quoted_words_are_no_items() -> None:
    # "- Mark Ellison, Independent Scrutineer, Ashcombe Safeguarding Children Partnership"
    # under a quotation in a news release
    items = _items("unseen124/ashcombe_scp_news_release_lcspr_child_r.html")
    assert items and not any(i.text.startswith("Mark Ellison") for i in items)
    # "Leanne's mother said: \u201cShe was so full of life ...\u201d" in an annual report
    items = _items("unseen124/safer_greyport_csp_annual_report_2025_26.pdf")
    assert items and not any("mother said" in i.text for i in items)


def test_counting_messages_for_practice_is_no_item() -> None:
    items = _items(
        "unseen129/national_panel_practice_briefing_7_missing_from_school_parental_mental_illness.pdf"
    )
    assert not any(i.text.startswith("The Panel has identified four messages") for i in items)


def test_action_tracker_rows_continued_rag_ratings_key_and_closed_actions() -> None:
    # a Word tracker: Ref | Recommendation | Action | Owner | RAG | Update, a second action of a
    # recommendation in a row whose first cells are empty, "Green" meaning on track; then a
    # "RAG key" table (Red | Off track ...) and a table of closed actions (Ref | Action | Closed)
    items = _items("unseen127/tarnside_lcspr_siblings_r_and_s_action_tracker.docx")
    actions = [i.text for i in items if i.kind == "action"]
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert len(actions) == 7 and len(recs) == 4
    assert any(t.startswith("Add a prompt on parental custody") for t in actions)
    assert not any(
        t.startswith(("Off track", "At risk", "Brief all team managers")) for t in actions + recs
    )


def test_terms_of_reference_and_actions_already_taken_hold_no_items() -> None:
    # a DHR overview in Word: "4. Terms of reference" over "Establish what agencies knew ...",
    # "Consider whether ..."; "Actions already taken" as a sub-heading under "8. Lessons learned"
    items = _items("unseen132/thornbury_cross_dhr_overview_report_julia.docx")
    texts = [i.text for i in items]
    assert not any(t.startswith(("Establish what agencies", "Consider whether")) for t in texts)
    assert not any(t.startswith("Westmarch Police introduced a stalking") for t in texts)
    assert sum(i.kind == "learning_point" for i in items) == 4


def test_paragraphs_after_a_that_list_and_a_row_of_links_are_no_recommendations() -> None:
    # "They ask that:" over four entries, then the mother's words, "Full report (PDF) | Board
    # response (PDF)" and "Was this page useful?": the list finished the lead-in
    recs = _texts("unseen138/wrenford_sab_sar_ms_k_learning.txt", "recommendation")
    assert len(recs) == 4 and recs[-1].startswith("providers train all staff")


def test_what_was_done_since_the_review_and_related_links_are_no_items() -> None:
    # "Since the review, 212 staff have attended briefings on the protocol." and "Related pages:
    # Self-neglect and hoarding protocol | Mental capacity hub" after the recommendations
    texts = [i.text for i in _items("unseen138/marlcote_sab_sar_mr_p_summary.txt")]
    assert not any(t.startswith(("Since the review", "Related pages")) for t in texts)
    from reviewmine.extract.items import is_statement

    assert is_statement("The board should review the protocol | the guidance.")


def test_a_governing_body_asked_to_act_is_a_recommendation() -> None:
    # "The board was asked to seek assurance ...", "Finally, Mr Ellery asked the partnership
    # board to seek evidence ..."; "The review asks the partnership to act in four areas." counts
    recs = [i.text for i in _items("unseen138/marlcote_sab_sar_mr_p_summary.txt")]
    assert any(t.startswith("The board was asked to seek assurance") for t in recs)
    jay = _items("unseen137/merrowfield_lcspr_jay_learning_page.txt")
    assert any(
        i.kind == "recommendation" and i.text.startswith("Finally, Mr Ellery asked") for i in jay
    )
    texts = [i.text for i in _items("unseen13/eastmere_cspr_sophie_summary.html")]
    assert "The review asks the partnership to act in four areas." not in texts


def test_why_he_said_no_is_no_reported_speech() -> None:
    # "... without anyone exploring why he said no ...": a finding, not someone's words
    found = [
        i.text for i in _items("unseen138/marlcote_sab_sar_mr_p_summary.txt") if i.kind == "finding"
    ]
    assert any(t.startswith("The reviewer found that Mr P's refusal") for t in found)


def test_sentences_run_together_by_a_scraper_are_two() -> None:
    # "... a conversation with the GP or school nurse.The partnership is also asked to ..."
    recs = _texts("unseen139/eastholme_reviews_library_child_j.txt", "recommendation")
    assert any(t.startswith("The partnership is also asked to commission") for t in recs)
    assert not any("nurse.The" in t for t in recs)


def test_findings_before_an_inline_list_are_read_too() -> None:
    # "The reviewer found that ... Agencies wrote down ... The learning for the partnership
    # includes: a; b; and c." in one paragraph: the finding and the three entries
    items = _items("unseen139/brackenmoor_case_review_library_2025_reviews.txt")
    assert any(
        i.kind == "finding" and i.text.startswith("The reviewer found that each return")
        for i in items
    )
    assert (
        sum(i.text.startswith(("return home interviews need", "school absence")) for i in items)
        == 2
    )


def test_text_wrapped_at_a_fixed_width_without_blank_lines_keeps_its_paragraphs() -> None:
    # a DHR page saved as text wrapped at 70 columns, no blank line anywhere: a line that ends
    # a sentence where the next word would have fitted ends its paragraph
    from reviewmine.read.readers import _line_ends_block, _wrap_width

    items = _items("unseen138/kelderby_csp_dhr_helen_summary.txt")
    assert any(i.text.startswith("The panel found that no professional saw") for i in items)
    assert sum(i.kind == "learning_point" for i in items) == 3  # "The learning includes: a; b; c"
    wrapped = ["x" * (66 + k % 5) for k in range(10)]
    assert _wrap_width(wrapped) == 70
    assert _line_ends_block("curious about.", "Across the agencies", 70)
    assert not _line_ends_block("x" * 60 + " end.", "Another", 70)  # it would not have fitted
    assert not _line_ends_block("a short line without a stop", "and more", 70)
    assert _wrap_width(["y" * (40 + 15 * k) for k in range(10)]) == 0  # lines of any length


def test_a_news_report_of_what_the_review_said_is_a_finding() -> None:
    # "According to the report, the mother was seen on her own only once ...", "It said the
    # health visiting team ..."; "It said it would publish a progress report" is no finding
    found = _texts("unseen140/wrenford_gazette_baby_h_review_news.txt", "finding")
    assert any(t.startswith("According to the report, the mother") for t in found)
    assert any(t.startswith("It said the health visiting team") for t in found)
    assert not any(t.startswith("It said it would") for t in found)


def test_quoted_then_attributed_words_and_a_papers_request_to_note_are_no_items() -> None:
    # “These boys were known to many of us ...,” said Marcus Ondrey: someone's words; “...,”
    # said the report stays a finding (real summary); "The Board is asked to note the findings"
    from reviewmine.extract.items import _signed_or_quoted

    assert _signed_or_quoted(
        "“These boys were known to many of us,” said Marcus Ondrey, the chair."
    )
    assert _signed_or_quoted('"I hope the next family doesn\'t get that call," her mother said.')
    assert not _signed_or_quoted("“Neglect can affect children of all ages,” said the report.")
    assert not _signed_or_quoted("“Too often the child became invisible,” the Panel said.")
    texts = [i.text for i in _items("unseen140/hethercombe_lyne_icb_board_paper_child_r.txt")]
    assert not any(t.startswith("The Board is asked to note") for t in texts)
    texts = [i.text for i in _items("unseen141/corrisby_7_minute_briefing_child_l.txt")]
    assert not any("the criteria were met" in t for t in texts)


def test_entries_that_lost_their_bullets_after_a_lead_in_are_a_list() -> None:
    # one paragraph per line: "... and asks them to:" over four bare lines ("adopt one
    # definition of cuckooing ..."); "... the partnership and the Board are asked to:" over bullets
    from reviewmine.read.readers import _bare_entry

    recs = _texts("unseen143/northwick_sab_sar_daniel_exploitation.txt", "recommendation")
    assert (
        sum(t.startswith(("adopt one", "add a prompt", "make sure", "set up")) for t in recs) == 4
    )
    items = _items("unseen147/fellgarth_wendle_dhr_dennis_summary.txt")
    assert (
        sum(
            i.kind == "recommendation" and i.text.startswith(("make sure", "issue", "audit"))
            for i in items
        )
        == 3
    )
    assert not any(i.text.endswith("are asked to:") for i in items)
    assert _bare_entry("Name a senior lead for children in temporary accommodation", True)
    assert not _bare_entry("Review of multi-agency safeguarding arrangements", False)  # a link
    assert not _bare_entry("> Have a look at our summary", True)
    assert not _bare_entry("agencies met. The chair then closed the meeting.", True)


def test_calling_on_and_asking_as_a_body_or_a_report_are_recommendations() -> None:
    # "The Commissioner is calling on the Home Office to set up ...", "The report also asks
    # integrated care boards to make ..."; "We are asking the Panel to agree with this decision." no
    recs = _texts("unseen147/commissioner_news_themes_across_dhrs_2025.txt", "recommendation")
    assert any(t.startswith("The Commissioner is calling on the Home Office") for t in recs)
    assert any(t.startswith("The report also asks integrated care boards") for t in recs)
    texts = [i.text for i in _items("unseen16/oakhurst_bay_rapid_review_letter_child_j.html")]
    assert "We are asking the Panel to agree with this decision." not in texts


def test_a_paragraph_of_recommendations_each_with_its_own_subject_is_several() -> None:
    # hard-wrapped: "The reviewer recommends that the Board seeks ... The Board is also asked to
    # make sure that ... Partner agencies should stop ... The local authority should review ..."
    recs = _texts("unseen144/glannau_tawel_rsb_concise_cpr_child_g.txt", "recommendation")
    assert any(t.startswith("The Board is also asked to make sure") for t in recs)
    assert any(t.startswith("The local authority should review") for t in recs)


def test_a_heading_on_its_own_line_in_wrapped_text_is_no_part_of_the_paragraph() -> None:
    # hard-wrapped page: "...were met." / "What we learned" / "Planning for Leah's move ..."
    from reviewmine.read.readers import _wrapped_heading

    lines = ["The criteria were met.", "What we learned", "Planning for Leah's move started late"]
    assert _wrapped_heading(lines, 1, 74)
    assert not _wrapped_heading(["x.", "1 Introduction", "2 Method"], 1, 74)  # contents
    assert not _wrapped_heading(["the board agreed", "What we learned", "Planning"], 1, 74)
    items = _items("unseen143/ashcombe_sab_what_we_learned_leah_transitions.txt")
    assert any(i.text.startswith("Planning for Leah's move started too late") for i in items)
    assert not any(i.text.startswith("What we learned") for i in items)


def test_the_authors_judgement_and_what_the_review_makes_clear_are_findings() -> None:
    # "Its author, Dr Helen Oakridge, writes that ...", "A national review of ... says repeated
    # moves ...", "As the review makes clear, ..."; "The report praised ..." is no finding
    found = _texts(
        "unseen145/dfl_press_release_national_review_temporary_accommodation.txt", "finding"
    )
    assert any(t.startswith("Its author, Dr Helen Oakridge, writes that") for t in found)
    assert any(t.startswith("A national review of serious harm") for t in found)
    texts = [i.text for i in _items("unseen130/tollbridge_gazette_scr_baby_h_story.txt")]
    assert not any(t.startswith("The report praised") for t in texts)


def test_they_ask_the_committee_is_a_recommendation_and_acting_quickly_is_praise() -> None:
    # "The reviewers recommend that ... They ask the Committee to revise its IRD guidance ...
    # Early learning and childcare settings should be given ...": three recommendations;
    # "The reviewers also noted that the officers ... acted quickly ..." is no finding
    items = _items("unseen144/ardgowrie_cpc_learning_review_callum.txt")
    recs = [i.text for i in items if i.kind == "recommendation"]
    assert any(t.startswith("They ask the Committee to revise") for t in recs)
    assert not any("acted quickly" in i.text for i in items)
