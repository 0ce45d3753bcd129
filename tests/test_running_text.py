"""Recommendations and learning in running text (reviewmine.extract.running_text), one test per form or trap."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewmine.evaluation.summaries import evaluate_summaries
from reviewmine.ingest import parse_file

REAL = Path(__file__).resolve().parents[2] / "shared" / "real"
SUMMARIES = REAL / "summaries" / "gold.jsonl"
SEED = REAL / "seed" / "independent-scrutineer-report-2020.txt"


def items_of(tmp_path: Path, text: str, name: str = "page.txt") -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    _, items = parse_file(path)
    return [(it.kind, it.text) for it in items]


def test_semicolon_list_after_includes_is_split(tmp_path):
    got = items_of(
        tmp_path,
        "Review of neglect\n\nThe analysis found practice issues including: slow "
        "escalation; missed health appointments; and drift in plans.2\n",
    )
    assert got == [
        ("finding", "slow escalation"),
        ("finding", "missed health appointments"),
        ("finding", "drift in plans"),
    ]


def test_recommendations_include_semicolon_list_is_recommendations(tmp_path):
    got = items_of(
        tmp_path,
        "Recommendations to the partnership include: a single chronology; "
        "joint training on fathers; and an audit of strategy meetings.\n",
    )
    assert [k for k, _ in got] == ["recommendation"] * 3
    assert got[2][1] == "an audit of strategy meetings"


def test_lead_in_colon_then_bullets(tmp_path):
    got = items_of(
        tmp_path,
        "Case review page\n\nThe review issued the following recommendations:\n\n"
        "• To agree a pathway for parents who misuse alcohol\n\n"
        "• To train staff on bruising in babies, and\n\n"
        "The reviewers identified three concerns:\n\n- Drift in plans\n- Weak supervision\n",
    )
    assert got == [
        ("recommendation", "To agree a pathway for parents who misuse alcohol"),
        ("recommendation", "To train staff on bruising in babies"),
        ("finding", "Drift in plans"),
        ("finding", "Weak supervision"),
    ]


def test_purpose_definition_and_actions_taken_lists_are_not_items(tmp_path):
    got = items_of(
        tmp_path,
        "What is the purpose of a review:\n\n- To gather the facts\n- To decide next steps\n\n"
        "A serious case is defined as:\n\n- a child has died\n\n"
        "Summary of actions taken as a result of reviews:\n\n- Neglect training\n",
    )
    assert got == []


def test_lead_in_whose_list_is_missing_yields_nothing(tmp_path):
    assert (
        items_of(
            tmp_path,
            "Several themes emerged from the analysis, including:\n\n> Read the full report\n",
        )
        == []
    )


def test_panel_recommends_and_calling_for_sentences(tmp_path):
    got = items_of(
        tmp_path,
        "The Panel recommends that ministers review the guidance on home visits. "
        "The weather was poor that week.\n\n"
        "The review is therefore calling for a national register of home-schooled children.\n",
    )
    assert got == [
        (
            "recommendation",
            "The Panel recommends that ministers review the guidance on home visits.",
        ),
        (
            "recommendation",
            "The review is therefore calling for a national register of home-schooled children.",
        ),
    ]


def test_counts_meta_statements_and_decisions_to_review_are_not_items(tmp_path):
    got = items_of(
        tmp_path,
        "The review made six findings and 11 recommendations. "
        "This briefing summarises the key findings and recommendations. "
        "The board recommended that a practice review should be undertaken. "
        "The inquest concluded that the cause of death was unascertained. "
        "Plans to address the recommendations were noted.\n",
    )
    assert got == []


def test_reporting_verbs_make_findings_sentence_by_sentence(tmp_path):
    got = items_of(
        tmp_path,
        "The reviewer identified that the baby was not seen for six weeks. "
        "The family moved in May. "
        "The reviewer was critical of the decision to close the case.\n",
    )
    assert got == [
        ("finding", "The reviewer identified that the baby was not seen for six weeks."),
        ("finding", "The reviewer was critical of the decision to close the case."),
    ]


def test_an_example_or_similarly_joins_two_findings(tmp_path):
    got = items_of(
        tmp_path,
        "Audits found that plans drift. For example one plan ran for two years. "
        "Similarly, reviews have shown that fathers are not invited.\n",
    )
    assert got == [
        (
            "finding",
            (
                "Audits found that plans drift. For example one plan ran for two years. "
                "Similarly, reviews have shown that fathers are not invited."
            ),
        )
    ]


def test_should_in_a_finding_is_not_a_recommendation(tmp_path):
    got = items_of(
        tmp_path,
        "The review concluded that the child should never have been left alone with the lodger.\n",
    )
    assert got == [
        (
            "finding",
            (
                "The review concluded that the child should never have been left alone "
                "with the lodger."
            ),
        )
    ]


def test_label_with_comma_list_of_theme_labels(tmp_path):
    got = items_of(
        tmp_path,
        "Child K briefing\nKey issues: Neglect, school attendance, and working with fathers.\n",
    )
    assert got == [
        ("finding", "Neglect"),
        ("finding", "school attendance"),
        ("finding", "working with fathers"),
    ]


def test_label_line_over_short_bullets(tmp_path):
    got = items_of(tmp_path, "Key Learning Themes\n  • Professional curiosity\n  • Hidden men\n")
    assert got == [("learning_point", "Professional curiosity"), ("learning_point", "Hidden men")]


def test_web_text_keeps_one_paragraph_per_line(tmp_path):
    long = "The committee discussed the report at length and thanked officers for it. " * 3
    got = items_of(
        tmp_path,
        long + "\nThe review had concluded that referrals were stepped down too early.\n"
        "It made 9 recommendations.\n",
    )
    assert got == [
        ("finding", "The review had concluded that referrals were stepped down too early.")
    ]


def test_generic_learning_cues_work_on_other_text(tmp_path):
    # the cue families that also find the scrutineer's learning, on text written for this test
    got = items_of(
        tmp_path,
        "Learning was identified about babies with older siblings. For example the "
        "protocol was not applied. Audits have shown that the toolkit is rarely used.\n\n"
        "The partners have identified areas for improvement in transport and housing.\n",
    )
    assert [k for k, _ in got] == ["finding", "finding"]
    assert "protocol" in got[0][1] and "toolkit" in got[0][1]  # joined by the example between them


def test_committee_resolution_form_is_a_recommendation(tmp_path):
    got = items_of(
        tmp_path,
        "Recommendation to committee\n\nThat the Board approve the revised escalation policy.\n",
    )
    assert got == [("recommendation", "That the Board approve the revised escalation policy.")]


@pytest.mark.skipif(not SEED.exists(), reason="real seed report not available")
def test_seed_scrutineer_report_by_generic_rules():
    _, items = parse_file(SEED)
    assert any(
        it.kind == "recommendation" and it.text.startswith("That the Committee note")
        for it in items
    )
    learning = " ".join(it.text for it in items if it.kind == "finding").lower()
    for topic in ("neglect toolkit", "pre-birth protocol", "complex needs"):
        assert topic in learning


@pytest.mark.slow
@pytest.mark.skipif(not SUMMARIES.exists(), reason="real summaries not available")
def test_real_summaries_development_floor():
    # development figures (the rules were written with these pages in view); a floor against regressions
    ev = evaluate_summaries(SUMMARIES)
    assert ev.precision >= 0.95, ev.as_dict()["false_positives"][:5]
    assert ev.recall >= 0.9, ev.as_dict()["misses"][:5]


def test_label_over_one_quoted_paragraph(tmp_path):
    got = items_of(
        tmp_path,
        "Summary of main findings:\n\n“The panel believes the system has improved, "
        "but delays remain.”\n\nSummary of main recommendations:\n\n"
        "The panel recommends that the guidance is revised.\n",
    )
    assert got == [
        ("finding", "The panel believes the system has improved, but delays remain."),
        ("recommendation", "The panel recommends that the guidance is revised."),
    ]


def test_quotation_attributed_to_the_report_is_a_finding(tmp_path):
    got = items_of(
        tmp_path,
        "“Drift was seen in most plans. Fathers were rarely asked about,” said the report.\n\n"
        "“Children must be seen alone,” the guidance reminds readers.\n",
    )
    assert got == [
        (
            "finding",
            "“Drift was seen in most plans. Fathers were rarely asked about,” said the report.",
        )
    ]


def test_themes_named_in_passing_with_such_as(tmp_path):
    got = items_of(
        tmp_path,
        "The paper sets out common themes, such as housing, school moves and "
        "professional curiosity, and ideas for local action.\n",
    )
    assert got == [
        ("finding", "housing"),
        ("finding", "school moves"),
        ("finding", "professional curiosity"),
    ]


def test_prevalence_across_reviews_is_a_finding_but_other_percentages_are_not(tmp_path):
    got = items_of(
        tmp_path,
        "Parental mental ill-health featured in 40% of the reviews. "
        "96% of schools returned their audit.\n",
    )
    assert got == [("finding", "Parental mental ill-health featured in 40% of the reviews.")]


def test_announced_counts_of_themes_are_not_items(tmp_path):
    assert (
        items_of(
            tmp_path, "From the analysis, the Panel identified six practice themes for partners.\n"
        )
        == []
    )


def test_agreed_actions_after_a_lead_in_are_actions(tmp_path):
    got = items_of(
        tmp_path,
        "The group agreed the following actions:\n\n- Police to share notifications daily.\n"
        "- The hospital to audit skeletal surveys.\n",
    )
    assert got == [
        ("action", "Police to share notifications daily."),
        ("action", "The hospital to audit skeletal surveys."),
    ]


def test_a_child_found_somewhere_is_a_fact_not_a_finding(tmp_path):
    assert items_of(tmp_path, "Child W was found in a flat with two adult men.\n") == []


# The corpus documents in running text (written for the project; development documents).
RUNNING_TEXT_CORPUS = (
    "harrowfield_cspr-summary_child-s_2024.md",
    "national-panel_review-excerpt_missing-education_2024.md",
    "kingsbridge-vale_7-minute-briefing_child-w_2024.html",
    "harrowfield_rapid-review-note_baby-h_2024.md",
    "eastmere_news-scr-child-p_2019.html",
    "harrowfield_sar-learning-page_mr-b_2025.md",
)


def test_corpus_running_text_documents_meet_targets():
    corpus = Path(__file__).resolve().parents[1] / "corpus"
    ev = evaluate_summaries(corpus / "gold.jsonl", files=RUNNING_TEXT_CORPUS)
    assert ev.overall.tp + ev.overall.fn >= 25
    assert ev.precision >= 0.9, ev.as_dict()["false_positives"]
    assert ev.recall >= 0.9, ev.as_dict()["misses"]


def test_practice_judgements_without_a_reporting_verb_are_findings(tmp_path):
    got = items_of(
        tmp_path,
        "Baby J had three health visitors in four months. A joined up approach was lacking. "
        "The referral was not escalated when the mother missed two appointments. "
        "The family lived in a flat above a shop.\n",
    )
    assert got == [
        ("finding", "A joined up approach was lacking."),
        ("finding", "The referral was not escalated when the mother missed two appointments."),
    ]


def test_a_purpose_question_over_infinitive_bullets_is_not_learning(tmp_path):
    got = items_of(
        tmp_path,
        "What is the purpose of a rapid review\n\n- To gather the facts quickly.\n"
        "- To share any learning appropriately.\n",
    )
    assert got == []


def test_an_adult_said_to_lack_capacity_is_a_fact(tmp_path):
    assert items_of(tmp_path, "He was deemed to lack capacity to decide where to live.\n") == []


def test_bullet_glyph_alone_on_its_line_and_wrapped_bullets(tmp_path):
    got = items_of(
        tmp_path,
        "Key findings included:\n\n•\nWeak supervision of\nnewly qualified staff\n"
        "•\nDrift in plans.\n",
    )
    assert got == [
        ("finding", "Weak supervision of newly qualified staff"),
        ("finding", "Drift in plans."),
    ]


def test_priorities_and_agencies_involved_are_not_learning(tmp_path):
    got = items_of(
        tmp_path,
        "The partnership has identified three priorities for next year:\n\n"
        "- Neglect\n- Exploitation\n\nThe review was told about the following agencies:\n\n"
        "- Police\n- Health visiting\n",
    )
    assert got == []


def test_a_bare_recommendations_line_over_paragraphs(tmp_path):
    got = items_of(
        tmp_path,
        "Child Z review\n\nRecommendations\n\nThe review made 6 recommendations.\n\n"
        "Health visitors should ask who lives in the home at every visit.\n\n"
        "The police should share notifications within a day. This will help schools.\n\n"
        "Background\n\nThe family should have moved in 2019.\n",
    )
    assert got == [
        ("recommendation", "Health visitors should ask who lives in the home at every visit."),
        (
            "recommendation",
            "The police should share notifications within a day. This will help schools.",
        ),
    ]  # a recommendation paragraph is one item with its reason; background is not


def test_what_we_learned_label_over_bullets(tmp_path):
    got = items_of(
        tmp_path,
        "What we learned\n\n- Plans drifted when workers changed\n- Fathers were not seen\n",
    )
    assert [k for k, _ in got] == ["learning_point", "learning_point"]


def test_sectioned_page_reads_only_strong_forms_outside_its_sections(tmp_path):
    md = (
        "# Safeguarding Adults Review: Mr Q\n\n## About Mr Q\n\nMr Q lived alone. The review found that he "
        "was isolated.\n\n## Key learning\n\n- Self-neglect was seen as a choice\n- Carers' concerns were "
        "not escalated\n\nThe GP letter was not shared with the care agency.\n\n## What needs to change\n\n"
        "Practitioners should use the self-neglect protocol.\n"
    )
    got = items_of(tmp_path, md, name="sar.md")
    assert (
        "finding",
        "The GP letter was not shared with the care agency.",
    ) in got  # narrative after the list
    assert ("recommendation", "Practitioners should use the self-neglect protocol.") in got
    assert not any(
        "isolated" in t for _, t in got
    )  # outside the sections: reporting sentences are not read


def test_a_review_said_to_recommend_areas_is_not_a_recommendation(tmp_path):
    assert (
        items_of(
            tmp_path,
            "This review identified strategic learning, and recommended key areas for "
            "improvement.\n",
        )
        == []
    )


def test_numbered_lines_in_plain_text_and_a_list_after_including_without_colon(tmp_path):
    got = items_of(
        tmp_path,
        "Child Y\n\nKey findings:\n1. Plans drifted when workers changed.\n"
        "2. Fathers were not seen.\n\nThe review highlighted issues including slow "
        "escalation; drift; and poor recording.\n",
    )
    assert got == [
        ("finding", "Plans drifted when workers changed."),
        ("finding", "Fathers were not seen."),
        ("finding", "slow escalation"),
        ("finding", "drift"),
        ("finding", "poor recording"),
    ]


def test_news_traps_platitudes_spokespeople_and_police(tmp_path):
    got = items_of(
        tmp_path,
        "Police said they found that the door had been forced. “Lessons have been "
        "learned,” a spokesman said. Learning has been identified about bruising in babies.\n",
    )
    assert got == [("finding", "Learning has been identified about bruising in babies.")]


def test_the_reviewers_concern_is_a_finding_a_relatives_is_not(tmp_path):
    got = items_of(
        tmp_path,
        "Both grandparents were concerned about the baby. The reviewer was concerned that "
        "the referral was treated as a single incident.\n",
    )
    assert got == [
        (
            "finding",
            "The reviewer was concerned that the referral was treated as a single incident.",
        )
    ]


def test_under_a_recommendations_line_every_advice_sentence_recommends(tmp_path):
    got = items_of(
        tmp_path,
        "Recommendations\n\nThe review made 5 recommendations. Partner agencies should "
        "ensure that carers are offered an assessment. The Board should seek assurance "
        "that escalation policies are understood.\n",
    )
    assert [t for _, t in got] == [
        "Partner agencies should ensure that carers are offered an assessment.",
        "The Board should seek assurance that escalation policies are understood.",
    ]


def test_a_professional_act_left_undone_is_a_finding(tmp_path):
    got = items_of(
        tmp_path,
        "Linda moved to the town in 2019. The GP did not ask about domestic abuse when she "
        "disclosed low mood. Medical tests did not identify a cause.\n",
    )
    assert got == [
        ("finding", "The GP did not ask about domestic abuse when she disclosed low mood.")
    ]


def test_a_heading_that_names_findings_opens_the_list_under_it(tmp_path):
    md = (
        "# Learning brief: Ruby\n\n## 3. What the review found\n\n"
        "- The school nurse was not invited to the strategy meeting\n- Ruby's voice was missing from the plan\n\n"
        "## 4. Learning for practice\n\n- Invite every professional who knows the child\n"
    )
    got = items_of(tmp_path, md, name="brief.md")
    assert ("finding", "The school nurse was not invited to the strategy meeting") in got
    assert ("finding", "Ruby's voice was missing from the plan") in got


def test_numbered_narrative_under_a_findings_heading_is_not_a_list(tmp_path):
    # an inspection's paragraphs are numbered on through the report: not entries under a label
    para = "Leaders know their services well and " + "staff receive regular supervision and " * 8
    md = f"# Report\n\n## Inspection findings\n\n14. {para}done.\n\n15. {para}again.\n"
    got = items_of(tmp_path, md, name="report.md")
    assert not any(t.startswith("Leaders know") for _, t in got)


def test_a_label_line_naming_agreed_actions_over_numbered_lines(tmp_path):
    txt = (
        "RAPID REVIEW NOTE\n\nActions agreed\n\n"
        "1. Police to check the address history of every adult in the home.\n"
        "2. Midwifery to record the name of the father at booking.\n\n"
        "Learning\n- Nobody asked who else lived in the home.\n"
    )
    got = items_of(tmp_path, txt)
    assert got[:2] == [
        ("action", "Police to check the address history of every adult in the home."),
        ("action", "Midwifery to record the name of the father at booking."),
    ]
    assert got[2][0] != "action"  # the "Learning" line closes the list of actions


def test_a_sentence_whose_subject_is_the_lesson_is_a_learning_point(tmp_path):
    txt = (
        "About the review\n\nThe main lesson of the review is that a plan must say who does what by when. "
        "Ruth moved schools twice in one term. We learned that moves between schools need a handover "
        "meeting.\n"
    )
    got = items_of(tmp_path, txt)
    assert [k for k, _ in got] == ["learning_point", "learning_point"]
    assert not any("moved schools" in t for _, t in got)


def test_it_recommends_after_the_panel_and_absences_of_evidence(tmp_path):
    txt = (
        "National review\n\nThe Panel recommends that the Department publish guidance on bruising. "
        "It also recommends that schools record every injury.\n\n"
        "There was no evidence that the plan was reviewed. Agencies did not recognise the pattern of "
        "injuries. Tests did not identify a medical cause.\n"
    )
    got = items_of(tmp_path, txt)
    assert ("recommendation", "It also recommends that schools record every injury.") in got
    assert ("finding", "There was no evidence that the plan was reviewed.") in got
    assert ("finding", "Agencies did not recognise the pattern of injuries.") in got
    assert not any("medical cause" in t for _, t in got)  # a test's result is a case fact


def test_a_commitment_to_act_is_an_action_but_business_is_not(tmp_path):
    txt = (
        "Learning from the review of Baby Z\n\nThe Board will consider the report in May. "
        "The partners will share this review with the neighbouring partnership. "
        "From April we will audit every referral about a non-mobile baby.\n"
    )
    got = items_of(tmp_path, txt)
    assert got == [("action", "From April we will audit every referral about a non-mobile baby.")]


def test_prose_under_a_findings_heading_is_read_point_by_point(tmp_path):
    md = (
        "# Review summary: Tom\n\n## Background\n\nTom was 9. His mother had a new partner.\n\n"
        "## Key findings\n\nThe referral form was completed by phone with the partner present. "
        "What should have happened?\n\nPractitioners told the reviewer that they felt unable to "
        "challenge the partner.\n"
    )
    got = items_of(tmp_path, md, name="summary.md")
    assert got == [
        ("finding", "The referral form was completed by phone with the partner present."),
        (
            "finding",
            "Practitioners told the reviewer that they felt unable to challenge the partner.",
        ),
    ]  # the background facts and the question are not findings
    elsewhere = items_of(
        tmp_path,
        "About the review\n\nStaff told the reviewers that supervision was rare. Tom liked football.\n",
    )
    assert elsewhere == [("finding", "Staff told the reviewers that supervision was rare.")]


def test_a_what_the_reviews_told_us_heading_over_narrative_then_bullets(tmp_path):
    md = (
        "# Learning page\n\n## What the reviews told us\n\nThe children in these reviews were aged "
        "between 2 and 6 and lived with relatives.\n\n- Kinship carers were not offered an assessment\n"
        "- Contact with parents was not planned\n\n## Find out more\n\n- Read the learning brief\n"
    )
    got = items_of(tmp_path, md, name="page.md")
    assert ("finding", "Kinship carers were not offered an assessment") in got
    assert ("finding", "Contact with parents was not planned") in got
    assert not any("learning brief" in t for _, t in got)


def test_recommendations_written_as_one_paragraph_are_one_item_each():
    # An unseen DHR page gave its seven recommendations as one paragraph, read as one item.
    from reviewmine.extract.running_text import prose_list_parts

    para = (
        "The panel made four recommendations. The health board should offer routine enquiry. "
        "The council should review its carers' assessments. The police must record who was "
        "present. The partnership should audit the checklist within twelve months."
    )
    parts = prose_list_parts(para)
    assert parts[0] == "The health board should offer routine enquiry." and len(parts) == 4
    # without a sentence introducing the recommendations, a paragraph stays whole (a letter's
    # area for improvement often runs to several 'should' sentences)
    assert prose_list_parts(para.split(". ", 1)[1]) == []


def test_a_finding_paragraph_keeps_its_explanation(tmp_path):
    # a briefing's findings as paragraphs: a lead statement, then sentences explaining it
    md = (
        "# Learning brief\n\n## What the review found\n\n"
        "**Home visits were nearly always announced.** Fourteen of sixteen visits were arranged in "
        "advance. The two unannounced visits found the home in a poor state.\n\n"
        "Health appointments were missed. The review also found that no service told the GP.\n\n"
        "The review also noted good practice. The police reassured the children.\n"
    )
    got = items_of(tmp_path, md, name="brief.md")
    assert got == [
        (
            "finding",
            "Home visits were nearly always announced. Fourteen of sixteen visits were arranged in "
            "advance. The two unannounced visits found the home in a poor state.",
        ),
        (
            "finding",
            "Health appointments were missed. The review also found that no service told the GP.",
        ),
    ]  # the bold markers are emphasis, not text; praise is not a finding


def test_converted_text_keeps_numbered_section_headings_and_drops_page_footers(tmp_path):
    txt = (
        "Executive Summary\n\n4. Background\n\n4.1 Kai lived with his mother.\n\n"
        "5. Findings\n\n5.1 The review identified two findings. Each is summarised below.\n\n"
        "5.2 Kai was seen as the problem rather than as a child being exploited. Records\n"
        "    described him as refusing to engage.\n\n"
        "Brackenford SCP    LCSPR    Page 3 of 5\n\n"
        "5.3 Information from return home interviews did not reach the police.\n"
    )
    got = items_of(tmp_path, txt, name="summary.txt")
    assert got == [
        (
            "finding",
            "Kai was seen as the problem rather than as a child being exploited. Records described "
            "him as refusing to engage.",
        ),
        ("finding", "Information from return home interviews did not reach the police."),
    ]


def test_a_question_heading_names_its_kind_by_its_verb(tmp_path):
    html = (
        "<html><body><h1>7 minute briefing</h1><h2>4. What did we learn?</h2><ul>"
        "<li>Safe storage was discussed but never checked.</li><li>Adult services did not think "
        "about the children.</li></ul><h2>5. What should practitioners do?</h2><ul>"
        "<li>Ask to see where the medication is kept.</li><li>Record the names of all children in "
        "the household.</li></ul><h2>6. What has changed since the review?</h2><ul>"
        "<li>The service has introduced home visits.</li></ul></body></html>"
    )
    got = items_of(tmp_path, html, name="briefing.html")
    assert got == [
        ("learning_point", "Safe storage was discussed but never checked."),
        ("learning_point", "Adult services did not think about the children."),
        ("recommendation", "Ask to see where the medication is kept."),
        ("recommendation", "Record the names of all children in the household."),
    ]


def test_a_vignettes_learning_and_what_you_can_do_lines_are_items(tmp_path):
    html = (
        "<html><body><h1>Learning from practice</h1><h2>Case 1: Amira, 15</h2>"
        "<p>Amira was reported missing six times in four months.</p>"
        "<p>Learning: Each missing episode was treated as a separate event.</p>"
        "<p>What you can do: Check the missing history before you close a return interview.</p>"
        "<h2>Case 2: Leo</h2><p>Leo was taken to hospital.</p><p>What you can do:</p><ul>"
        "<li>Ask who else looks after the baby.</li><li>Invite fathers to appointments.</li></ul>"
        "</body></html>"
    )
    got = items_of(tmp_path, html, name="bulletin.html")
    assert got == [
        ("learning_point", "Each missing episode was treated as a separate event."),
        ("recommendation", "Check the missing history before you close a return interview."),
        ("recommendation", "Ask who else looks after the baby."),
        ("recommendation", "Invite fathers to appointments."),
    ]  # the vignettes' facts are not items


def test_a_table_of_learning_and_agreed_actions_gives_both_but_not_completed_ones(tmp_path):
    md = (
        "# Rapid review record\n\n## Immediate actions taken\n\n"
        "- The police investigation has begun and the coroner has been informed.\n\n"
        "## Learning identified and actions agreed\n\n"
        "| Learning identified | Agency | Action agreed | Timescale |\n|---|---|---|---|\n"
        "| Safe sleep advice did not cover sofa-sleeping. | Health visiting | Update the safe sleep "
        "tool to ask about sofas. | June 2026 |\n"
        "| The nursery did not share its concerns about lateness. | Early years | Completed: the "
        "lead wrote to all settings. | Completed |\n"
    )
    got = items_of(tmp_path, md, name="rapid_review.md")
    assert got == [
        ("learning_point", "Safe sleep advice did not cover sofa-sleeping."),
        ("action", "Update the safe sleep tool to ask about sofas."),
        ("learning_point", "The nursery did not share its concerns about lateness."),
    ]  # actions already taken are what was done, not items


def test_web_text_lines_that_name_a_kind_are_headings(tmp_path):
    txt = (
        "Multi-agency audit: children living with a parent with mental ill-health\n"
        "Background\n"
        + "Parental mental ill-health was a feature in four of six rapid reviews. "
        * 3
        + "\nKey findings\n"
        "Referrals from adult services described the diagnosis in detail but said little about the "
        "children, and nobody asked who looked after them when the parent was unwell at home.\n"
        "Areas for development\n"
        "The subgroup has agreed the following areas for development with the agencies involved.\n"
        "Adult mental health services need to make the Think Family section a required field.\n"
        "In addition:\n"
        "• GPs should be invited to multi-agency meetings.\n"
        "• The young carers service should be included in planning.\n"
        "Questions for reflection\n"
        "• Do you know whether the adults you work with have children?\n"
    )
    got = items_of(tmp_path, txt, name="audit.txt")
    assert got == [
        (
            "finding",
            "Referrals from adult services described the diagnosis in detail but said little about "
            "the children, and nobody asked who looked after them when the parent was unwell at home.",
        ),
        (
            "area_for_improvement",
            "Adult mental health services need to make the Think Family section a required field.",
        ),
        ("area_for_improvement", "GPs should be invited to multi-agency meetings."),
        ("area_for_improvement", "The young carers service should be included in planning."),
    ]


def test_run_in_labels_and_plain_leads_keep_their_explanations(tmp_path):
    md = (
        "# Annual report: chapter 3\n\n## Themes we saw\n\n"
        "**Neglect.** Neglect was present in many of the families we read about. Reviews found that "
        "plans closed before change was sustained.\n\n"
        "**What is improving.** We were encouraged that most reviews heard from families.\n"
    )
    got = items_of(tmp_path, md, name="chapter.md")
    assert got == [
        (
            "finding",
            "Neglect was present in many of the families we read about. Reviews found that plans closed "
            "before change was sustained.",
        )
    ]


def test_converted_pages_lose_their_running_header_and_keep_a_paragraph_across_the_break(
    tmp_path,
):
    header = "Harrowfield LSCB Serious Case Review: Child J Executive Summary\n\n"
    txt = (
        header + "1. INTRODUCTION\n\nDoctors found that he was severely malnourished.\n\n"
        "5. LESSONS LEARNED\n\n(a) Missed appointments for a disabled child should be treated\n"
        "as a safeguarding concern.\n\n(b) Practitioners were not\n\f"
        + header
        + "confident in using the neglect toolkit.\n\n6. RECOMMENDATIONS\n\n"
        "The review makes two recommendations.\n\n"
        "The LSCB should adapt its neglect toolkit for disabled children.\n\f" + header
    )
    got = items_of(tmp_path, txt, name="scr_summary.txt")
    assert got == [
        (
            "learning_point",
            # the typed "(a)" is the entry's number, not its text
            "Missed appointments for a disabled child should be treated as a safeguarding concern.",
        ),
        (
            "learning_point",
            "Practitioners were not confident in using the neglect toolkit.",
        ),
        ("recommendation", "The LSCB should adapt its neglect toolkit for disabled children."),
    ]  # the case facts under the introduction are not findings


def test_expandable_sections_sub_headings_and_a_recommending_lead_in(tmp_path):
    html = (
        "<html><body><h1>Thematic audit</h1><h2>What we found</h2><h3>Assessment</h3>"
        "<p>Only four of the fourteen children had a specialist assessment of their behaviour.</p>"
        "<details><summary>Recommendations</summary><p>The subgroup recommends that the "
        "partnership:</p><ul><li>commissions a specialist assessment service;</li>"
        "<li>publishes a multi-agency pathway.</li></ul></details>"
        "<details><summary>Still to do</summary><ul><li>We will publish a records transfer "
        "agreement by September.</li></ul></details>"
        "</body></html>"
    )
    got = items_of(tmp_path, html, name="audit.html")
    assert got == [
        (
            "finding",
            "Only four of the fourteen children had a specialist assessment of their behaviour.",
        ),
        ("recommendation", "commissions a specialist assessment service;"),
        ("recommendation", "publishes a multi-agency pathway."),
        ("next_step", "We will publish a records transfer agreement by September."),
    ]


def test_coded_entries_conclusions_and_a_sign_off(tmp_path):
    txt = (
        "Rapid Review: Baby F\n\n"
        "5. Conclusions\n\n"
        "Agencies did not share what they knew. Each held a small part of the picture, and none\n"
        "of the information was brought together before the incident happened.\n\n"
        "7. Actions agreed\n\n"
        "A1 - Maternity services to revise the booking questions so that both parents are asked\n"
        "about their mental health.\n\n"
        "9. Next steps\n\n"
        "The Partnership Manager will send this rapid review to the national Panel this week.\n\n"
        "Signed on behalf of the safeguarding partners: R. Okafor (Local Authority).\n\n"
        "Do not forward this document without the agreement of the Partnership Manager.\n"
    )
    got = items_of(tmp_path, txt, name="rr.txt")
    assert got == [
        (
            "finding",
            "Agencies did not share what they knew. Each held a small part of the picture, and none "
            "of the information was brought together before the incident happened.",
        ),
        (
            "action",
            "Maternity services to revise the booking questions so that both parents are asked "
            "about their mental health.",
        ),
        (
            "next_step",
            "The Partnership Manager will send this rapid review to the national Panel this week.",
        ),
    ]


def test_questions_to_the_reader_in_a_findings_list_are_not_findings(tmp_path):
    md = (
        "# Overview report\n\n## Findings\n\n- Assessments left out the adults caring for the baby.\n"
        "- How does the Board know that assessments include all adults?\n"
    )
    got = items_of(tmp_path, md, name="report.md")
    assert got == [("finding", "Assessments left out the adults caring for the baby.")]


def test_a_table_of_themes_findings_and_recommendations(tmp_path):
    md = (
        "# Safeguarding Adults Review: Hazel\n\n## Findings and recommendations\n\n"
        "The table sets out, for each theme, what the review found and what it recommends.\n\n"
        "| Theme | What the review found | Recommendation |\n|---|---|---|\n"
        "| Self-neglect | Refusal of care was recorded as a lifestyle choice. | The Board should "
        "relaunch its self-neglect guidance. |\n"
        "| Nursing | District nurses stopped visiting after two missed visits. | No separate "
        "recommendation: the provider has already changed its policy. |\n"
    )
    got = items_of(tmp_path, md, name="sar.md")
    assert got == [
        ("finding", "Refusal of care was recorded as a lifestyle choice."),
        ("recommendation", "The Board should relaunch its self-neglect guidance."),
        ("finding", "District nurses stopped visiting after two missed visits."),
    ]


def test_a_scrutineers_recommendations_and_plans_in_the_first_person(tmp_path):
    md = (
        "# Independent Scrutineer's Annual Assurance Report\n\n## 4.1 Hearing the voice of children\n\n"
        "Children's views rarely informed the partnership's priorities this year.\n\n"
        "I recommend that the partners agree a shared approach to involving children by September.\n\n"
        "## 6. My plans for 2026-27\n\nIn 2026-27 I will:\n\n"
        "- observe two rapid review meetings and give written feedback to the chairs.\n"
    )
    got = items_of(tmp_path, md, name="scrutiny.md")
    assert (
        "recommendation",
        "I recommend that the partners agree a shared approach to involving children by September.",
    ) in got
    assert (
        "next_step",
        "observe two rapid review meetings and give written feedback to the chairs.",
    ) in got


def test_learning_for_an_agency_key_messages_and_a_quoted_voice(tmp_path):
    md = (
        "# DHR overview report: chapter 5\n\n## Analysis\n\n"
        "Learning for Lowmoor Police: Officers did not complete a risk assessment because the "
        "victim had left the address.\n\n"
        "## Key messages for practitioners\n\n"
        "> “They kept asking if I’d sent the pictures.” - young person\n\n"
        "- Ask every young person you are worried about what they do online.\n"
    )
    got = items_of(tmp_path, md, name="dhr.md")
    assert got == [
        (
            "learning_point",
            "Officers did not complete a risk assessment because the victim had left the address.",
        ),
        ("learning_point", "Ask every young person you are worried about what they do online."),
    ]  # a young person's words quoted are not the review's learning


def test_what_needs_to_change_after_a_labelled_finding_is_a_recommendation(tmp_path):
    md = (
        "# LCSPR: Child M\n\n## 5. Findings\n\n"
        "Finding 1: Neglect was seen one incident at a time\n\n"
        "Missed appointments and poor attendance were each handled alone.\n\n"
        "The partnership should make the neglect screening tool the first step when two concerns "
        "are raised.\n"
    )
    got = items_of(tmp_path, md, name="lcspr.md")
    assert got == [
        # the finding keeps its one explaining paragraph (ends at the recommendation)
        (
            "finding",
            "Neglect was seen one incident at a time Missed appointments and poor attendance "
            "were each handled alone.",
        ),
        (
            "recommendation",
            "The partnership should make the neglect screening tool the first step when two "
            "concerns are raised.",
        ),
    ]


def test_a_word_files_page_breaks_give_its_items_their_pages(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("Local Child Safeguarding Practice Review: Child T", 1)
    d.add_paragraph("Published 3 March 2026.")
    d.add_page_break()
    d.add_heading("Recommendations", 2)
    d.add_paragraph("The partnership should audit the use of the neglect toolkit.", "List Number")
    p = d.add_paragraph("Schools should share attendance concerns with the health visitor.")
    p.style = "List Number"
    p.paragraph_format.page_break_before = True
    path = tmp_path / "lcspr.docx"
    d.save(str(path))
    _, items = parse_file(path)
    assert [(it.page, it.text[:30]) for it in items] == [
        (2, "The partnership should audit t"),
        (3, "Schools should share attendanc"),
    ]


def test_a_word_files_last_layout_decides_its_pages_when_word_recorded_one(tmp_path):
    import docx
    from docx.oxml import OxmlElement

    d = docx.Document()
    d.add_heading("Rapid review record", 1)
    d.add_heading("Actions agreed", 2)
    first = d.add_paragraph(
        "Health visiting to offer the crying programme to fathers.", "List Number"
    )
    first.add_run().add_break()  # a line break is not a page break
    second = d.add_paragraph(
        "Early years to remind nurseries how to share concerns.", "List Number"
    )
    # where Word's own layout put a page boundary, recorded in the file
    second.runs[0]._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))
    path = tmp_path / "rr.docx"
    d.save(str(path))
    _, items = parse_file(path)
    assert [it.page for it in items] == [1, 2]


def test_a_finding_labelled_in_a_heading_keeps_its_one_explaining_paragraph(tmp_path):
    html = (
        "<html><body><h1>National review summary</h1><h2>What we found</h2>"
        "<h3>Finding 1 Parents asked for help and were often told to wait.</h3>"
        "<p>Parents described calling several services before anyone visited.</p>"
        "<h2>6. Lessons to be learned</h2><p>Separation is a time of heightened risk. The risk "
        "assessment did not take account of it.</p>"
        "<h2>The Panel's view</h2><p>The Panel asks that:</p><ul><li>the review examines how "
        "information was shared when the child moved.</li></ul></body></html>"
    )
    got = items_of(tmp_path, html, name="national.html")
    assert got == [
        (
            "finding",
            "Parents asked for help and were often told to wait. Parents described calling several "
            "services before anyone visited.",
        ),
        (
            "learning_point",
            "Separation is a time of heightened risk. The risk assessment did not take account of it.",
        ),
        ("recommendation", "the review examines how information was shared when the child moved."),
    ]


def test_setext_headings_a_should_lead_in_and_practice_headings(tmp_path):
    md = (
        "Safeguarding Adults Review: Mr D\n================================\n\n"
        "Recommendations\n---------------\n\nThe Board should:\n\n"
        "- make sure that its self-neglect procedure is used by all partner agencies;\n"
        "- promote the escalation policy to front-line staff.\n\n"
        "What this means for your practice\n---------------------------------\n\n"
        "- Read the records of brothers and sisters when you assess a child.\n\n"
        "What the Partnership will do next\n---------------------------------\n\n"
        "- The Partnership will run a neglect audit in the summer term.\n"
    )
    got = items_of(tmp_path, md, name="sar.md")
    assert got == [
        (
            "recommendation",
            "make sure that its self-neglect procedure is used by all partner agencies;",
        ),
        ("recommendation", "promote the escalation policy to front-line staff."),
        ("recommendation", "Read the records of brothers and sisters when you assess a child."),
        ("next_step", "The Partnership will run a neglect audit in the summer term."),
    ]


def test_numbered_paragraphs_of_an_actions_section_are_its_entries(tmp_path):
    txt = (
        "RAPID REVIEW SUMMARY: BABY K\n\n7. ACTIONS AGREED\n\n"
        "7.1 The designated nurse will agree with neighbouring areas a standard of ten working\n"
        "    days for the transfer of health records.\n\n"
        "7.2 The maternity service will add a question about care leaver status to the booking\n"
        "    appointment.\n"
    )
    got = items_of(tmp_path, txt, name="rr.txt")
    assert [k for k, _ in got] == ["action", "action"]
    assert got[1][1].startswith("The maternity service will add a question")


def test_lettered_requests_a_verdict_on_preventability_and_none_identified(tmp_path):
    txt = (
        "Child Safeguarding Practice Review Panel: response to the rapid review of Child R\n"
        + "The Panel has read the rapid review and the chronology of agency involvement carefully. "
        * 3
        + "\nThe Panel asks that:\n"
        "(a) the LCSPR examines how the placing and host authorities shared information;\n"
        "(b) the partnership shares the final report with the Panel.\n"
        "The panel concluded that R's death could not have been predicted.\n"
        "Learning for the ambulance service: None identified. The response was appropriate.\n"
    )
    got = items_of(tmp_path, txt, name="panel_letter.txt")
    assert got == [
        (
            "recommendation",
            "the LCSPR examines how the placing and host authorities shared information",
        ),
        ("recommendation", "the partnership shares the final report with the Panel."),
    ]


def test_conclusions_are_findings_in_a_review_not_in_a_scrutineers_report(tmp_path):
    body = (
        "## 5. Conclusions\n\nThe partners have grown in confidence over the past year in how "
        "they work together.\n"
    )
    review = items_of(tmp_path, "# Domestic Homicide Review: Ellen\n\n" + body, name="dhr.md")
    assert [k for k, _ in review] == ["finding"]
    scrutiny = items_of(
        tmp_path,
        "# Independent Scrutineer's Annual Report\n\n" + body,
        name="scrutiny.md",
    )
    assert scrutiny == []


def test_a_bodys_commitment_in_prose_is_an_item_but_its_publication_plan_is_not() -> None:
    # "In the coming year we will publish a short guide ..." commits the writer to act; "The
    # Partnership will publish its response alongside this report." is the review's process
    from reviewmine.extract.running_text import _cue_kind

    assert _cue_kind("In the coming year we will publish a short guide for reviewers.") == "action"
    assert (
        _cue_kind("The Board will hold a learning event for practitioners in May 2026.") == "action"
    )
    assert _cue_kind("The Partnership will publish its response alongside this report.") is None
    assert (
        _cue_kind("The partnership will reconsider it if new information comes to light.") is None
    )
    assert _cue_kind("The Board will be asked to approve the plan.") is None


def test_a_condolence_in_the_future_tense_is_no_commitment() -> None:
    from reviewmine.extract.running_text import _cue_kind

    assert _cue_kind("We will miss her enormously.") is None
    assert _cue_kind("We will always remember him.") is None
    assert _cue_kind("We will repeat the audit next summer.") == "action"
