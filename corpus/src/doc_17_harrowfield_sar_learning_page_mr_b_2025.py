
"""Fictional safeguarding adults review learning page (Markdown): Mr B, Harrowfield, 2025.

Forms: a "Key learning" label over bullets, a narrative paragraph of practice judgements,
"What needs to change" over advice sentences.  Traps: the review's scope, the statutory
duty, the adult's condition.
"""

from dsl import H1, Doc, Finding, Items, Learning, P, Rec, TitlePage

blocks = [
    TitlePage(
        lines=[
            ("Safeguarding Adults Review: Mr B", 20, "T"),
            ("Harrowfield Safeguarding Adults Board. Published 21 January 2025.", 11, ""),
        ]
    ),
    H1("About Mr B"),
    P(
        "Mr B was 71 and lived alone. He had diabetes and was thought to lack capacity to manage "
        "his money. He died in hospital in March 2023 after a fall at home. The Board has a "
        "duty to arrange a review when an adult with care and support needs dies and abuse or "
        "neglect is suspected. The review looked at the two years before his death."
    ),
    H1("Key learning"),
    Items(
        [
            Learning("Self-neglect was seen as a lifestyle choice rather than a safeguarding "
                     "concern.", ["neglect", "assessment_quality"]),
            Learning("Carers raised concerns about his nephew taking money, but no safeguarding "
                     "enquiry was made.", ["escalation_challenge", "thresholds_front_door"]),
            Learning("His capacity to make decisions about his care was assumed rather than "
                     "assessed.", ["assessment_quality"]),
        ],
        style="bullet",
    ),
    P(
        [
            Finding(None, "Information from the GP was not shared with the home care agency.",
                    ["information_sharing", "health_services"]),
            " ",
            Finding(None, "Hospital discharge went ahead without a multi-agency meeting, although "
                    "this was the third admission in a year.", ["multi_agency_working",
                                                                 "health_services"]),
        ]
    ),
    H1("What needs to change"),
    P(
        [
            Rec(None, "Practitioners should use the self-neglect protocol whenever a person "
                "repeatedly refuses care.", ["neglect"], to=["partnership"]),
            " ",
            Rec(None, "Home care agencies must report concerns about money to the local "
                "authority on the same day.", ["escalation_challenge"], to=["childrens_social_care"]),
        ]
    ),
]

DOC = Doc(
    file="harrowfield_sar-learning-page_mr-b_2025.md",
    doc_type="sar",
    area="Harrowfield",
    date="2025-01-21",
    title="Safeguarding Adults Review: Mr B",
    pseudonym="Mr B",
    blocks=blocks,
    author="Harrowfield Safeguarding Adults Board",
    notes=(
        "Markdown SAR learning page: '## Key learning' over '- ' bullets (learning_point), a "
        "paragraph of two practice judgements without a reporting verb (findings), and "
        "'## What needs to change' over two advice sentences (recommendations). Not items: the "
        "adult's condition ('thought to lack capacity'), the Board's statutory duty, the scope."
    ),
)
