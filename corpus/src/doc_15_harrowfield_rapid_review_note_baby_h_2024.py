
"""Fictional rapid review note in running text (Markdown): Baby H, Harrowfield, 2024.

Forms: "Learning identified at the meeting included: a; b; and c", a lead-in "The group
agreed the following actions:" over bullets.  Traps: the purpose bullets ("To gather the
facts ..."), the criteria, the decision not to hold a review.
"""

from dsl import H1, Action, Bullets, Doc, Items, Learning, P, TitlePage

blocks = [
    TitlePage(
        lines=[
            ("Rapid Review note: Baby H", 20, "T"),
            ("Harrowfield Safeguarding Children Partnership", 11, ""),
            ("Date of meeting: 9 October 2024", 11, ""),
        ]
    ),
    H1("The incident"),
    P(
        "Baby H, aged ten weeks, was taken to hospital with a fractured femur on 25 September "
        "2024. Both parents gave the same account of a fall from a changing table."
    ),
    H1("The meeting"),
    P("The purpose of the Rapid Review was:"),
    Bullets(
        [
            "To gather the facts about the case as far as they can be established quickly.",
            "To decide whether the criteria for a local review are met.",
        ]
    ),
    P(
        [
            "Learning identified at the meeting included: ",
            Learning("the health visitor did not know that the father had a previous "
                    "caution for assault", ["information_sharing", "offender_risk"]),
            "; ",
            Learning("the GP practice had two different addresses for the family",
                    ["recording", "health_services"]),
            "; and ",
            Learning("the hospital did not complete a skeletal survey until the second day",
                    ["infant_injury", "health_services"]),
            ".",
        ]
    ),
    P("The group agreed the following actions:"),
    Items(
        [
            Action(None, "Health visiting to check police information about every adult in the "
                   "household at the new birth visit.", ["information_sharing", "fathers_male_carers"],
                   to=["health"]),
            Action(None, "The hospital safeguarding team to audit the timeliness of skeletal "
                   "surveys for babies under one.", ["infant_injury", "performance_data_qa"],
                   to=["health"]),
        ],
        style="bullet",
    ),
    H1("Decision"),
    P(
        "The partners agreed that the criteria for a Local Child Safeguarding Practice Review "
        "are not met and that the learning will be shared through a briefing."
    ),
]

DOC = Doc(
    file="harrowfield_rapid-review-note_baby-h_2024.md",
    doc_type="rapid_review",
    area="Harrowfield",
    date="2024-10-09",
    title="Rapid Review note: Baby H",
    pseudonym="Baby H",
    blocks=blocks,
    author="Harrowfield Safeguarding Children Partnership",
    notes=(
        "Markdown rapid review note in running text: a ';' list after 'Learning identified at "
        "the meeting included:' (findings) and '- ' bullets after 'The group agreed the "
        "following actions:' (action). Not items: the purpose bullets, the decision."
    ),
)
