# ruff: noqa: ISC004  (long prose is split into implicitly concatenated strings)
"""Fictional Rapid Review notes (DOCX): Child T, Eastmere, 2023.

Actions use Word's automatic numbering ("List Number" style): the numbers are
not in the document text.
"""

from dsl import H1, H2, Action, Doc, Items, Learning, P, Table, TitlePage

blocks = [
    TitlePage(
        lines=[
            ("OFFICIAL-SENSITIVE", 10, "B"),
            ("Eastmere Safeguarding Children Partnership", 12, "B"),
            ("Rapid Review: Child T", 26, "T"),
            ("Notes of the Rapid Review meeting held on 20 July 2023", 11, ""),
        ]
    ),
    Table(
        header=["Case details", ""],
        rows=[
            ["Pseudonym", "Child T"],
            ["Age", "15 years"],
            ["Date of serious incident", "3 July 2023"],
            ["Serious incident notification", "5 July 2023"],
            ["Rapid Review meeting", "20 July 2023"],
            ["Legal status", "Child in need; subject to a child exploitation safety plan"],
            ["Ethnicity", "White British"],
            ["Education", "Permanently excluded January 2023; attending Riverside Learning "
             "Centre (alternative provision)"],
        ],
    ),
    H1("Summary of the incident"),
    P(
        "On the evening of 3 July 2023 Child T was stabbed in the thigh in Eastmere town "
        "centre. He was treated at Eastmere General Hospital and discharged after four days. "
        "Two older young people have been arrested. Child T has told the police that he was "
        "'paying back a debt' and has not made a statement."
    ),
    H1("Agency involvement"),
    P(
        "Child T had been reported missing seven times in 2023, on two occasions being found "
        "in Harrowfield. He was permanently excluded from Eastmere Academy in January 2023 "
        "after bringing a knife to school. A National Referral Mechanism referral was made in "
        "May 2023, and an exploitation strategy meeting was held the same month. The child "
        "exploitation screening tool was completed in February and May 2023; on both "
        "occasions the risk was scored as medium."
    ),
    P(
        "Child T's mother contacted the MASH twice in the spring, saying that he was coming "
        "home with new clothes and money and that she was frightened of the people he was "
        "with. She was offered a parenting course."
    ),
    H1("Immediate learning"),
    Items(
        [
            Learning(
                "Return home interviews were offered after five of Child T's seven missing "
                "episodes, but he declined each one, and no other professional was asked to "
                "speak with him about where he had been.",
                ["missing", "voice_of_child"],
                key="rrT.i1",
            ),
            Learning(
                "The alternative provision was not invited to the exploitation strategy "
                "meeting in May 2023.",
                ["cce", "education_schools", "multi_agency_working"],
                key="rrT.i2",
            ),
        ],
        style="bullet",
    ),
    H1("Learning identified"),
    Items(
        [
            Learning(
                "Permanent exclusion removed Child T from the one setting where a trusted adult "
                "saw him every day, and the risk of exploitation was not considered in the "
                "exclusion decision.",
                ["education_schools", "cce"],
                key="rrT.l1",
            ),
            Learning(
                "Intelligence about the older young people Child T was with was held by the "
                "police but was not shared in a form that professionals could use in safety "
                "planning.",
                ["information_sharing", "cce"],
                key="rrT.l2",
            ),
            Learning(
                "The child exploitation screening tool was completed twice, but the risk was "
                "scored as medium each time although the number of missing episodes was "
                "increasing.",
                ["cce", "missing", "assessment_quality"],
                key="rrT.l3",
            ),
            Learning(
                "Child T's mother asked for help several times; her reports that he had new "
                "clothes and money were not treated as signs of exploitation.",
                ["cce", "professional_curiosity"],
                key="rrT.l4",
            ),
        ],
        style="bullet",
    ),
    H1("Actions"),
    P("Agreed actions (owners to report progress to the QIP subgroup):"),
    Items(
        [
            Action(
                "1",
                "Education Safeguarding Team to add an exploitation risk check to the exclusions "
                "protocol, so that the risk is considered before any permanent exclusion.",
                ["education_schools", "cce"],
                to=["education"],
                key="rrT.a1",
            ),
            Action(
                "2",
                "Eastmere Police to agree with Children's Social Care a template for sharing "
                "intelligence summaries at exploitation strategy meetings.",
                ["information_sharing", "cce", "strategy_s47"],
                to=["police", "childrens_social_care"],
                key="rrT.a2",
            ),
            Action(
                "3",
                "Children's Social Care to make sure that alternative provision and other "
                "education settings are invited to all exploitation strategy meetings.",
                ["multi_agency_working", "education_schools", "cce"],
                to=["childrens_social_care"],
                key="rrT.a3",
            ),
            Action(
                "4",
                "The ESCP to review the child exploitation screening tool, including how repeat "
                "missing episodes affect the risk score.",
                ["cce", "missing", "assessment_quality"],
                to=["partnership"],
                key="rrT.a4",
            ),
            Action(
                "5",
                "The Missing and Exploitation Hub to offer return home interviews by a trusted "
                "professional chosen by the child when the child declines the standard offer.",
                ["missing", "voice_of_child"],
                to=["childrens_social_care"],
                key="rrT.a5",
            ),
        ],
        style="docx_auto",
    ),
    H1("Decision on whether to hold an LCSPR"),
    P(
        "The safeguarding partners agreed that the criteria for a Local Child Safeguarding "
        "Practice Review are not met. Child T was seriously harmed, but the learning is "
        "already known to the partnership and will be taken forward through the thematic "
        "review of child criminal exploitation that the ESCP began in June 2023. The partners "
        "will share this Rapid Review with Harrowfield Safeguarding Children Partnership."
    ),
    H2("National Panel response"),
    P("The National Panel agreed with this decision on 30 August 2023."),
]

DOC = Doc(
    file="eastmere_rapid-review_child-t_2023.docx",
    doc_type="rapid_review",
    area="Eastmere",
    date="2023-07-20",
    title="Rapid Review: Child T",
    pseudonym="Child T",
    blocks=blocks,
    short_title="OFFICIAL-SENSITIVE | Rapid Review: Child T",
    author="ESCP Business Unit",
    notes=(
        "Word document. Case details in a two-column table (not items). Learning points are "
        "'List Bullet' paragraphs under 'Immediate learning' and 'Learning identified'; "
        "actions are 'List Number' paragraphs (Word automatic numbering: the digits 1-5 are "
        "NOT in the text, the gold number is the displayed number) under 'Actions', after "
        "the lead-in paragraph 'Agreed actions (...)'. Decision: no LCSPR."
    ),
)
