
"""Fictional case review summary in running text (Markdown): Child J, Kingsbridge Vale, 2025.

Forms: findings in narrative sentences ("The review found ...", "It was clear from the
chronology that ..."), a "Key findings" label over a bulleted list, a numbered list of
recommendations after "The review makes the following recommendations:", and "The
partnership is asked to ..." in running text.  Traps: the terms of reference, the child's
story, a count of recommendations, what the partnership has already done.
"""

from dsl import H1, Bullets, Doc, Finding, Items, P, Rec, TitlePage

blocks = [
    TitlePage(
        lines=[
            ("Child Safeguarding Practice Review: Child J", 20, "T"),
            ("Kingsbridge Vale Safeguarding Children Partnership. Published 9 April 2025.", 11, ""),
        ]
    ),
    H1("Introduction"),
    P(
        "Child J was 11 years old when she was admitted to hospital severely underweight in "
        "August 2023. She lived with her father and two younger brothers. The review was "
        "commissioned after a rapid review in September 2023 and covers the three years "
        "before her admission."
    ),
    P("The terms of reference asked the reviewer to consider:"),
    Bullets(
        [
            "how agencies understood Child J's daily life at home",
            "whether concerns about her weight were shared between health and education",
            "how the views of Child J and her brothers were sought",
        ]
    ),
    H1("What the review found"),
    P(
        [
            Finding(
                None,
                "The review found that Child J's weight had been recorded as falling at four "
                "school nurse contacts, but the measurements were never compared with each other.",
                ["health_services", "neglect", "recording"],
            ),
            " Her father told professionals that she was a fussy eater. ",
            Finding(
                None,
                "It was clear from the chronology that each agency saw only part of the picture "
                "and that no single professional held the whole history.",
                ["multi_agency_working", "information_sharing"],
            ),
        ]
    ),
    P("Key findings"),
    Items(
        [
            Finding(None, "Neglect was not named as a concern until Child J was admitted to "
                    "hospital.", ["neglect", "professional_curiosity"]),
            Finding(None, "Child J's school attendance fell to 71% in the year before her "
                    "admission, and the absences were not linked to the health concerns.",
                    ["education_schools", "neglect"]),
            Finding(None, "Professionals relied on her father's explanations and did not speak "
                    "to Child J on her own.", ["voice_of_child", "fathers_male_carers"]),
        ],
        style="bullet",
    ),
    H1("Recommendations"),
    P(
        "The review makes six recommendations in total; four are for the partnership and two "
        "are for single agencies."
    ),
    P("The review makes the following recommendations:"),
    Items(
        [
            Rec("1", "The partnership should publish guidance on recognising neglect in "
                "children of primary school age, including growth and weight.",
                ["neglect", "workforce_training"], to=["partnership"]),
            Rec("2", "School nurses should plot every weight and height on a growth chart and "
                "refer a falling trend to the GP.", ["health_services", "recording"],
                to=["health"]),
            Rec("3", "Schools should tell the allocated health professional when attendance "
                "falls below 90% for a child with a known health need.",
                ["education_schools", "information_sharing"], to=["education"]),
            Rec("4", "The partnership should audit whether children are seen alone in "
                "single and multi-agency assessments of neglect.",
                ["voice_of_child", "performance_data_qa"], to=["partnership"]),
        ],
        style="numbered",
    ),
    P(
        [
            Rec(
                None,
                "The partnership is asked to seek assurance that the neglect toolkit is used "
                "with fathers who are sole carers.",
                ["neglect", "fathers_male_carers"],
                to=["partnership"],
            ),
            " A learning event for practitioners was held in January 2025 and the neglect "
            "strategy has since been updated.",
        ]
    ),
]

DOC = Doc(
    file="kingsbridge-vale_case-review-summary_child-j_2025.md",
    doc_type="lcspr",  # a partnership's own summary of its review
    area="Kingsbridge Vale",
    date="2025-04-09",
    title="Child Safeguarding Practice Review: Child J",
    pseudonym="Child J",
    blocks=blocks,
    author="Kingsbridge Vale Safeguarding Children Partnership",
    notes=(
        "Written for the unseen measure: gold fixed before the extractor was run on it. "
        "Markdown summary: two narrative findings ('The review found that', 'It was clear "
        "from the chronology that'), a 'Key findings' line over three bullets, four numbered "
        "recommendations after a lead-in and 'The partnership is asked to seek assurance ...' "
        "in running text. Not items: the terms of reference bullets, the count of "
        "recommendations, the learning event and the updated strategy (actions taken)."
    ),
)
