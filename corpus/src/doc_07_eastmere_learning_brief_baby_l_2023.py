
"""Fictional 7-minute briefing (HTML) on the Baby L LCSPR, Eastmere, 2023."""

from dsl import H1, Bullets, Doc, Items, Learning, P, TitlePage

blocks = [
    TitlePage(
        lines=[
            ("7-minute briefing: LCSPR Baby L", 20, "T"),
            ("Eastmere Safeguarding Children Partnership | April 2023", 11, ""),
            ("For all practitioners working with babies, parents and carers", 11, ""),
        ]
    ),
    H1("1. Background"),
    P(
        "Baby L was 11 weeks old when he suffered a fractured skull and rib fractures caused by "
        "his mother's partner. His older half-sister had been on a child protection plan for "
        "neglect until two years before he was born. The full review was published on 15 "
        "March 2023."
    ),
    H1("2. Why it matters"),
    P(
        "Babies under one are the age group most at risk of serious harm and death from "
        "abuse. Many of the adults who harm babies are men who are not well known to "
        "services. Several findings from this review repeat learning from the Child D review "
        "in 2017."
    ),
    H1("3. What happened"),
    P(
        "The midwife referred the unborn baby to the MASH because of the sister's previous "
        "plan, but no pre-birth assessment took place. The mother's new partner was not "
        "checked with the police force in the area where he used to live, and he was not "
        "given advice about coping with a crying baby, although he did most of the night "
        "feeds. A small bruise on Baby L's ear was not recognised as a warning sign."
    ),
    H1("4. What the review found"),
    P(
        "The review made five findings and seven recommendations to the partnership, about "
        "the pre-birth protocol, information about new adults, engaging fathers and male "
        "carers, the neglect strategy, coping-with-crying advice, escalation and bruising in "
        "non-mobile babies."
    ),
    H1("5. Key learning"),
    Items(
        [
            Learning(
                "Apply the pre-birth protocol whenever an older child has been subject to a "
                "child protection plan, even if the plan ended some time ago.",
                ["pre_birth"],
                key="lbL.1",
            ),
            Learning(
                "Ask every family who lives in the home, who visits, and who looks after the "
                "baby when you are not there.",
                ["fathers_male_carers", "professional_curiosity"],
                key="lbL.2",
            ),
            Learning(
                "Give coping-with-crying, safe handling and safer sleep advice to every carer, "
                "not only to the mother.",
                ["infant_injury", "safe_sleep", "fathers_male_carers"],
                key="lbL.3",
            ),
            Learning(
                "Check what other agencies know before you decide, and share what you know, "
                "including police information from other areas.",
                ["information_sharing"],
                key="lbL.4",
            ),
            Learning(
                "Any bruise on a baby who is not yet mobile needs a referral to children's "
                "social care and a paediatric assessment.",
                ["infant_injury", "health_services"],
                key="lbL.5",
            ),
            Learning(
                "If you disagree with a decision about an unborn baby, use the escalation "
                "procedure: it applies to pre-birth decisions too.",
                ["escalation_challenge", "pre_birth"],
                key="lbL.6",
            ),
        ],
        style="bullet",
    ),
    H1("6. Questions for practitioners"),
    Bullets(
        [
            "When did you last ask a family who else lives in or visits the home?",
            "Do you know how to check police information from another area?",
            "How do you make sure that fathers and partners receive the advice you give?",
            "What would you do if you disagreed with a decision made in the MASH?",
        ],
        numbered=True,
    ),
    H1("7. Find out more"),
    Bullets(
        [
            "The full LCSPR report: Baby L (ESCP, March 2023)",
            "ESCP pre-birth protocol (revised May 2023)",
            "ESCP guidance: Engaging fathers and male carers (refreshed July 2023)",
            "ESCP escalation and resolution procedure",
        ]
    ),
]

DOC = Doc(
    file="eastmere_learning-brief_baby-l_2023.html",
    doc_type="learning_brief",
    area="Eastmere",
    date="2023-04-01",
    title="7-minute briefing: LCSPR Baby L",
    pseudonym="Baby L",
    blocks=blocks,
    author="Eastmere Safeguarding Children Partnership",
    footer_left="Eastmere Safeguarding Children Partnership. Fictional document written for "
    "the reviewmine sample corpus.",
    notes=(
        "HTML. <h1> title, <h2> numbered sections '1. Background' ... '7. Find out more'. "
        "Items are the <li> of the <ul class=\"learning\"> under '5. Key learning' "
        "(learning_point). The <ol> under '6. Questions for practitioners' and the <ul> "
        "under '7. Find out more' are not items."
    ),
)
