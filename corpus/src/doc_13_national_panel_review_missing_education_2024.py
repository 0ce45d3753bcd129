
"""Fictional excerpt of a national Panel review (Markdown), 2024.

Forms: a lead-in announcing practice themes followed by bullets, a quotation attributed to
the Panel, numbered "The Panel recommends that ..." sentences, "The Panel is calling for ...".
Traps: "This summary sets out ...", statutory "must notify", the count of incidents.
"""

from dsl import H1, Doc, Finding, Items, P, Rec, TitlePage

blocks = [
    TitlePage(
        lines=[
            ("Out of sight: children missing from education (national review excerpt)", 20, "T"),
            ("Child Safeguarding Practice Review Panel. Published 4 June 2024.", 11, ""),
        ]
    ),
    H1("Introduction"),
    P(
        "This summary sets out the key findings and recommendations of the Panel's review of "
        "14 serious incidents notified by safeguarding partners, among them Eastmere, "
        "Harrowfield and Kingsbridge Vale. Safeguarding partners must notify the Panel of a "
        "serious incident within five working days."
    ),
    H1("What the Panel found"),
    P("The Panel identified four practice themes across the incidents:"),
    Items(
        [
            Finding(None, "Children removed from the school roll were not seen by any professional "
                    "for months at a time.", ["education_schools", "missing", "voice_of_child"]),
            Finding(None, "Elective home education was accepted without checking the child's "
                    "safety or the parents' capacity to educate.",
                    ["education_schools", "assessment_quality"]),
            Finding(None, "Information about older siblings held by children's social care did "
                    "not reach the school or the education welfare service.",
                    ["information_sharing", "education_schools"]),
            Finding(None, "Part-time timetables ran for longer than a year without review.",
                    ["education_schools", "supervision_oversight"]),
        ],
        style="bullet",
    ),
    P(
        [
            Finding(
                None,
                "“Too often the child became invisible to every agency on the day they left "
                "the school roll,” said the Panel.",
                ["education_schools", "missing"],
            ),
        ]
    ),
    H1("What the Panel recommends"),
    Items(
        [
            Rec("1", "The Panel recommends that the Department for Education makes a register "
                "of children not in school a statutory duty for every local authority.",
                ["education_schools", "missing"], to=["education"]),
            Rec("2", "The Panel recommends that safeguarding partners audit every part-time "
                "timetable that has lasted longer than six weeks.",
                ["education_schools", "performance_data_qa"], to=["partnership"]),
            Rec("3", "The Panel recommends that Ofsted and the Care Quality Commission look at "
                "children missing education in their joint inspections.",
                ["education_schools", "governance_partnership"]),
        ],
    ),
    P(
        [
            Rec(
                None,
                "The Panel is also calling for schools to be named as a fourth safeguarding "
                "partner in every area.",
                ["education_schools", "governance_partnership"],
                to=["education"],
            ),
            " Ministers will respond to the review in the autumn.",
        ]
    ),
]

DOC = Doc(
    file="national-panel_review-excerpt_missing-education_2024.md",
    doc_type="national_review",
    area=None,  # a national review belongs to no local area
    date="2024-06-04",
    title="Out of sight: children missing from education (national review excerpt)",
    pseudonym=None,
    blocks=blocks,
    author="Child Safeguarding Practice Review Panel",
    notes=(
        "Markdown excerpt of a national review: a lead-in 'The Panel identified four practice "
        "themes across the incidents:' over '- ' bullets (findings), a quotation attributed "
        "with 'said the Panel' (finding), numbered 'The Panel recommends that ...' items under "
        "a heading that is not a recommendations heading, and 'The Panel is also calling for "
        "...' (recommendation). Not items: 'This summary sets out ...', the statutory duty to "
        "notify."
    ),
)
