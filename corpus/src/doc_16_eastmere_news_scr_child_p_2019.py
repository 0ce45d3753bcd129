# ruff: noqa: ISC004  (long prose is split into implicitly concatenated strings)
"""Fictional local news article about a serious case review (HTML): Child P, Eastmere, 2019.

Written as a reporter would: case facts, quotations from the chair, the review's findings
reported in speech ("The report said ...", "It found ..."), and the recommendations in a
sentence.  Traps: the court case, the chair's list of changes already made, the number of
recommendations.
"""

from dsl import H1, Bullets, Doc, Finding, P, Rec, TitlePage

blocks = [
    TitlePage(
        lines=[
            ("Review finds missed chances to protect toddler", 20, "T"),
            ("Eastmere Evening Post, 8 October 2019", 11, ""),
        ]
    ),
    H1("News"),
    P(
        [
            Finding(
                None,
                "A serious case review into the death of a two-year-old boy in Eastmere has found "
                "that agencies missed several chances to protect him.",
                ["multi_agency_working"],
            ),
            " The boy, known as Child P, died in "
        "January 2018. His stepfather was jailed for 12 years at Eastmere Crown Court last "
        "year after the jury heard he had been left alone with the child for long periods.",
        ]
    ),
    P(
        [
            Finding(
                None,
                "The report said that nursery staff had seen bruises on four occasions but had "
                "not referred the child to children's social care.",
                ["infant_injury", "education_schools", "thresholds_front_door"],
            ),
            " ",
            Finding(
                None,
                "It found that the stepfather's history of violence was never checked because he "
                "was not registered at the family's address.",
                ["fathers_male_carers", "offender_risk", "information_sharing"],
            ),
        ]
    ),
    P(
        [
            Finding(
                None,
                "The reviewer also concluded that the mother's own fear of her partner was not "
                "explored by any professional.",
                ["domestic_abuse", "professional_curiosity"],
            ),
            " The review makes nine recommendations.",
        ]
    ),
    P(
        [
            # a pair joined by "and" inside one clause stays one item (only ';' lists are split)
            Rec(None, "Among them, the review recommends a single record of bruising for children "
                "under three seen by early years settings and routine police checks on new "
                "partners when a child is on a plan.",
                ["infant_injury", "education_schools", "fathers_male_carers", "offender_risk"]),
        ]
    ),
    P("The chair of the Eastmere Safeguarding Children Board said the board had already made "
      "changes, including:"),
    Bullets(
        [
            "new bruising guidance for nurseries;",
            "a training programme on hidden men; and",
            "a review of how early years settings refer concerns.",
        ]
    ),
    P("“We are deeply sorry that Child P was not protected,” she said. “Every agency has "
      "accepted the recommendations.”"),
]

DOC = Doc(
    file="eastmere_news-scr-child-p_2019.html",
    doc_type="case_review_summary",
    area="Eastmere",
    date="2019-10-08",
    title="Review finds missed chances to protect toddler",
    pseudonym="Child P",
    blocks=blocks,
    author="Eastmere Evening Post",
    notes=(
        "HTML news article about one SCR (third-party summary: case_review_summary). Findings "
        "are reported speech ('The report said that', 'It found that', 'The reviewer also "
        "concluded that'); two recommendations are named in one sentence ('the review "
        "recommends a ... and ...'), kept as one item. Not items: the court case, the count of recommendations, "
        "the changes the board had already made, the chair's quotation. The opening sentence "
        "('has found that agencies missed several chances to protect him') is a finding."
    ),
)
