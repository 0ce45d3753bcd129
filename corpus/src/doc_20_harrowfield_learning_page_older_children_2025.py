
"""Fictional partnership learning page (Markdown): neglect of older children, Harrowfield, 2025.

Forms: a page drawing learning from several reviews: "Across the reviews, ..." findings with
prevalence, "Themes from these reviews include: a; b; c", a bulleted list under "What the
reviews told us", and "The partnership has agreed to: a; b" (actions agreed).  Traps: links to
the reviews, the page's own purpose, a definition of neglect, contact details.
"""

from dsl import H1, Action, Bullets, Doc, Finding, Items, Learning, P, TitlePage

blocks = [
    TitlePage(
        lines=[
            ("Learning from reviews: neglect of older children", 20, "T"),
            ("Harrowfield Safeguarding Children Partnership. Updated 3 March 2025.", 11, ""),
        ]
    ),
    H1("About this page"),
    P(
        "This page brings together the learning from four local reviews published between "
        "2021 and 2024 about children aged 11 to 16 who experienced neglect. Neglect is "
        "defined as the persistent failure to meet a child's basic physical and psychological "
        "needs."
    ),
    H1("What the reviews told us"),
    P(
        [
            Finding(
                None,
                "Across the four reviews, older children's neglect was recognised later than "
                "the neglect of their younger brothers and sisters.",
                ["neglect", "professional_curiosity"],
            ),
            " ",
            Finding(
                None,
                "In three of the four reviews the young person had stopped attending school "
                "regularly more than a year before any referral was made.",
                ["education_schools", "neglect"],
            ),
        ]
    ),
    Items(
        [
            Finding(None, "Young people were often described as choosing not to engage, when "
                    "they had no adult at home to help them.", ["neglect", "voice_of_child"]),
            Finding(None, "Their own health appointments, including dental and optician "
                    "checks, were missed for years without follow-up.",
                    ["health_services", "neglect"]),
            Finding(None, "Plans focused on the parents' needs and rarely set out what would "
                    "change for the young person.", ["assessment_quality", "voice_of_child"]),
        ],
        style="bullet",
    ),
    P(
        [
            "Themes from these reviews include: ",
            Learning("the invisibility of older children in busy households",
                     ["neglect", "voice_of_child"]),
            "; ",
            Learning("young carers whose caring role hid their own needs", ["young_carers"]),
            "; and ",
            Learning("the step down from child protection plans before change was sustained",
                     ["neglect", "early_help"]),
            ".",
        ]
    ),
    H1("What happens now"),
    P(
        [
            "The partnership has agreed to: ",
            Action(None, "add an adolescent section to the neglect toolkit",
                   ["neglect", "assessment_quality"], to=["partnership"]),
            "; ",
            Action(None, "review every child protection plan for neglect that is ended within "
                   "six months", ["neglect", "performance_data_qa"], to=["partnership"]),
            ".",
        ]
    ),
    H1("Find out more"),
    Bullets(
        [
            "Read the Child M and Child N review summary",
            "Read the Jack and Rosie learning brief",
            "Contact the business unit: reviews@harrowfield-scp.example.org",
        ]
    ),
]

DOC = Doc(
    file="harrowfield_learning-page_older-children_2025.md",
    doc_type="learning_brief",
    area="Harrowfield",
    date="2025-03-03",
    title="Learning from reviews: neglect of older children",
    pseudonym=None,
    blocks=blocks,
    author="Harrowfield Safeguarding Children Partnership",
    notes=(
        "Written for the unseen measure: gold fixed before the extractor was run on it. "
        "Markdown learning page over four reviews: two narrative findings (the second a "
        "prevalence), three bulleted findings under 'What the reviews told us' with no "
        "lead-in, a ';' list after 'Themes from these reviews include:' and two actions "
        "agreed in a ';' list after 'The partnership has agreed to:'. Not items: the page's "
        "purpose, the definition of neglect, the links and the contact line."
    ),
)
