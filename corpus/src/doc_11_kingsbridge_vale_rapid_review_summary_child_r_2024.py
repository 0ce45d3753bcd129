# ruff: noqa: ISC004  (long prose is split into implicitly concatenated strings)
"""Fictional short Rapid Review summary (Markdown): Child R, Kingsbridge Vale, 2024."""

from dsl import H1, Action, Doc, Items, Learning, P, Table, TitlePage

blocks = [
    TitlePage(
        lines=[
            ("Rapid Review summary: Child R", 20, "T"),
            ("Kingsbridge Vale Safeguarding Children Partnership (KVSCP)", 11, "B"),
            ("Summary for the KVSCP Executive. Not for publication.", 10, "I"),
        ]
    ),
    Table(
        header=["Field", "Detail"],
        rows=[
            ["Child", "Child R, aged 14"],
            ["Serious incident", "Serious self-harm requiring intensive care, 22 January 2024"],
            ["Rapid Review meeting", "14 February 2024"],
            ["Agencies", "CAMHS; school nursing; Kingsbridge Vale Academy; GP; Kingsbridge "
             "Vale Police; Children's Social Care"],
        ],
    ),
    H1("Summary"),
    P(
        "Child R had been self-harming for about a year and had been referred to CAMHS by her "
        "GP in June 2023. She was still waiting for an assessment when she was admitted to "
        "hospital. In the weeks before, she had told a friend that older boys she met online "
        "were threatening to share images of her. She is now recovering and is receiving "
        "support from CAMHS."
    ),
    H1("Learning identified"),
    Items(
        [
            Learning(
                "Child R was on the CAMHS waiting list for 31 weeks, and no agency was clear "
                "who was responsible for reviewing risk while she waited.",
                ["child_mental_health", "health_services", "multi_agency_working"],
                key="rrR.l1",
            ),
            Learning(
                "The school nurse and the school's pastoral team each knew about Child R's "
                "self-harm, but they did not share what they knew with each other or with her "
                "GP.",
                ["information_sharing", "child_mental_health", "education_schools"],
                key="rrR.l2",
            ),
            Learning(
                "Images that Child R had been pressured to share online were reported to the "
                "school, but the police were not told, so the online abuse was not "
                "investigated.",
                ["online_harm", "cse"],
                key="rrR.l3",
            ),
        ],
        style="bullet",
    ),
    H1("Actions"),
    Items(
        [
            Action(
                "1",
                "Kingsbridge Vale CAMHS to introduce a 'waiting well' risk review for every "
                "child who has been on the waiting list for more than 12 weeks.",
                ["child_mental_health", "health_services"],
                to=["health"],
                key="rrR.a1",
            ),
            Action(
                "2",
                "The school nursing service and secondary schools to agree a protocol for "
                "sharing information about self-harm, with the child's knowledge where it is "
                "safe.",
                ["information_sharing", "child_mental_health", "education_schools"],
                to=["health", "education"],
                key="rrR.a2",
            ),
            Action(
                "3",
                "The KVSCP to remind designated safeguarding leads that incidents of image "
                "sharing that involve coercion must be reported to the police.",
                ["online_harm", "education_schools"],
                to=["partnership"],
                key="rrR.a3",
            ),
            Action(
                "4",
                "The KVSCP to add online harm to its multi-agency training programme for "
                "2024-25.",
                ["online_harm", "workforce_training"],
                to=["partnership"],
                key="rrR.a4",
            ),
        ],
        style="numbered",
    ),
    H1("Decision"),
    P(
        "The partners agreed that an LCSPR is not needed: the learning is clear and can be "
        "taken forward through the actions above. The National Panel agreed with this "
        "decision on 6 March 2024."
    ),
]

DOC = Doc(
    file="kingsbridge-vale_rapid-review-summary_child-r_2024.md",
    doc_type="rapid_review",
    area="Kingsbridge Vale",
    date="2024-02-14",
    title="Rapid Review summary: Child R",
    pseudonym="Child R",
    blocks=blocks,
    author="Kingsbridge Vale Safeguarding Children Partnership",
    notes=(
        "Markdown: '# ' title, '## ' headings, a pipe table of case details (not items), "
        "'- ' bullets under '## Learning identified' (learning_point) and '1. '-'4. ' "
        "numbered actions under '## Actions' (action)."
    ),
)
