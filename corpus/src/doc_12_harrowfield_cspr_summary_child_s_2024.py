
"""Fictional case-review summary page in running text (Markdown): Child S, Harrowfield, 2024.

Forms: findings stated with reporting verbs, "Learning themes include: a; b; and c",
"Recommendations to the partnership include: a; b; and c", "The review also recommends
that ...".  Traps: a count of findings and recommendations, the purpose of a review,
actions already developed, "should" in a finding.
"""

from dsl import H1, Doc, Finding, Learning, P, Rec, TitlePage

blocks = [
    TitlePage(
        lines=[
            ("Child Safeguarding Practice Review: Child S", 20, "T"),
            ("Harrowfield Safeguarding Children Partnership. Published 12 March 2024.", 11, ""),
        ]
    ),
    H1("About the review"),
    P(
        "Child S was eight months old when he suffered a skull fracture in May 2022 while in "
        "the care of his mother and her partner. The purpose of a practice review is to "
        "identify improvements that should be made to safeguard children. The review covered "
        "the period from the pregnancy to the injury and made five findings and seven "
        "recommendations."
    ),
    H1("What the review found"),
    P(
        [
            Finding(
                None,
                "The reviewer found that the mother's new partner was not known to any agency, "
                "although he had been present at two health visits.",
                ["fathers_male_carers", "professional_curiosity"],
            ),
            " He was recorded only as a family friend. ",
            Finding(
                None,
                "The reviewer was critical of the decision to close the early help plan when "
                "the family moved to a new address in the borough.",
                ["early_help", "transitions"],
            ),
        ]
    ),
    P(
        [
            Finding(
                None,
                "The review concluded that the injury should have led to a strategy discussion "
                "on the day the baby was seen in the emergency department.",
                ["infant_injury", "strategy_s47", "health_services"],
            ),
            " The family has been told of the outcome of the review.",
        ]
    ),
    P(
        [
            "Learning themes include: ",
            Learning("hidden men and the need to ask who lives in the home",
                    ["fathers_male_carers", "professional_curiosity"]),
            "; ",
            Learning("the impact of moves between areas on plans", ["transitions"]),
            "; and ",
            Learning("the weight given to a parent's account of an injury",
                    ["infant_injury", "professional_curiosity"]),
            ".",
        ]
    ),
    H1("What happens next"),
    P(
        [
            "Recommendations to the partnership include: ",
            Rec(None, "a single checklist for asking about every adult in the household",
                ["fathers_male_carers"], to=["partnership"]),
            "; ",
            Rec(None, "a transfer-in protocol so that open plans follow families who move",
                ["transitions", "early_help"], to=["partnership"]),
            "; and ",
            Rec(None, "training for emergency department staff on bruising in babies who are "
                "not mobile", ["infant_injury", "workforce_training"], to=["health"]),
            ".",
        ]
    ),
    P(
        [
            Rec(
                None,
                "The review also recommends that the partnership seeks assurance from the police "
                "that domestic abuse notifications reach health visitors within two working days.",
                ["domestic_abuse", "information_sharing"],
                to=["partnership", "police"],
            ),
        ]
    ),
    P(
        "Action plans and workstreams have been developed by the partners in response to the "
        "review. The full report can be downloaded below."
    ),
]

DOC = Doc(
    file="harrowfield_cspr-summary_child-s_2024.md",
    doc_type="lcspr",  # a partnership's own page about its review
    area="Harrowfield",
    date="2024-03-12",
    title="Child Safeguarding Practice Review: Child S",
    pseudonym="Child S",
    blocks=blocks,
    author="Harrowfield Safeguarding Children Partnership",
    notes=(
        "Markdown web page in running text: findings with reporting verbs ('found that', 'was "
        "critical of', 'concluded that ... should have'), a ';' list after 'Learning themes "
        "include:' and another after 'Recommendations to the partnership include:' (one item "
        "per part, leading 'and' and full stop dropped), and 'The review also recommends that'. "
        "Not items: the count of findings, the purpose of a review, actions already developed."
    ),
)
