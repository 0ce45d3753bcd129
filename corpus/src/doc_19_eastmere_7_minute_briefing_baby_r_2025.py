
"""Fictional 7-minute briefing (HTML): Baby R, Eastmere, 2025.

Forms: seven numbered headings; under "4. Learning" the learning points are a numbered
list with no lead-in; under "6. Recommendations" a ';' list after "The review recommends:".
Traps: the case facts, "Reflect" prompts (questions), advice to the reader ("Remember to ..."),
a count of learning points.
"""

from dsl import H1, Bullets, Doc, Items, Learning, P, Rec, TitlePage

blocks = [
    TitlePage(
        lines=[
            ("7-minute briefing: Baby R", 20, "T"),
            ("Eastmere Safeguarding Children Partnership | February 2025", 11, ""),
        ]
    ),
    H1("1. Why this briefing"),
    P(
        "This briefing shares the learning from the rapid review and local child safeguarding "
        "practice review about Baby R. It takes about seven minutes to read with your team."
    ),
    H1("2. The case"),
    P(
        "Baby R was six weeks old when he was taken to hospital with a fractured arm. His "
        "parents were both 19. His mother had been a child in care until she was 18, and "
        "the family lived in temporary accommodation."
    ),
    H1("3. What happened"),
    P(
        "The health visitor saw Baby R twice and noted that his mother seemed low. The "
        "family moved to a hostel in another part of the borough when he was four weeks old."
    ),
    H1("4. Learning"),
    Items(
        [
            Learning("The mother's care history was known to children's social care but was "
                     "not shared with midwifery or health visiting.",
                     ["information_sharing", "children_in_care", "pre_birth"], number="1"),
            Learning("Low mood after the birth was noted but not assessed, and no referral "
                     "was made to perinatal mental health services.",
                     ["parental_mental_health", "health_services"], number="2"),
            Learning("The move to the hostel ended the health visiting contact because the "
                     "new address was not passed on.", ["transitions", "housing_homelessness"],
                     number="3"),
            Learning("Nobody asked the father about his own support or how he coped with a "
                     "crying baby.", ["fathers_male_carers", "infant_injury"], number="4"),
        ],
        style="numbered",
    ),
    H1("5. Reflect"),
    Bullets(
        [
            "What do you know about the care history of the young parents you work with?",
            "Who do you tell when a family with a new baby moves address?",
        ]
    ),
    H1("6. Recommendations"),
    P(
        [
            "The review recommends: ",
            Rec(None, "a pre-birth pathway for parents who were in care",
                ["pre_birth", "children_in_care"], to=["partnership"]),
            "; ",
            Rec(None, "a shared alert when a family with a baby under one moves to temporary "
                "accommodation", ["housing_homelessness", "information_sharing"],
                to=["partnership"]),
            "; and ",
            Rec(None, "routine questions about mood for both parents at every new birth visit",
                ["parental_mental_health", "fathers_male_carers"], to=["health"]),
            ".",
        ]
    ),
    H1("7. Remember"),
    P(
        "Remember to ask both parents how they are coping, and always pass on a new address "
        "to the health visiting team."
    ),
]

DOC = Doc(
    file="eastmere_7-minute-briefing_baby-r_2025.html",
    doc_type="learning_brief",
    area="Eastmere",
    date="2025-02-01",  # the briefing's printed month
    title="7-minute briefing: Baby R",
    pseudonym="Baby R",
    blocks=blocks,
    author="Eastmere Safeguarding Children Partnership",
    notes=(
        "Written for the unseen measure: gold fixed before the extractor was run on it. "
        "HTML 7-minute briefing; four numbered learning points under '4. Learning' with no "
        "lead-in; three recommendations in a ';' list after 'The review recommends:'. Not "
        "items: the case facts, the 'Reflect' questions, the reminder to readers."
    ),
)
