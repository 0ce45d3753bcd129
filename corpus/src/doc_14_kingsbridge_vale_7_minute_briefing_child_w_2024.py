
"""Fictional 7-minute briefing with numbered learning points (HTML): Child W, Kingsbridge Vale, 2024.

Forms: seven numbered sections; the learning points are a numbered list after the lead-in
"The review identified these learning points:".  Traps: "Questions to consider:" prompts,
the background facts, "what you should do" advice to readers.
"""

from dsl import H1, Bullets, Doc, Items, Learning, P, TitlePage

blocks = [
    TitlePage(
        lines=[
            ("7-minute briefing: Child W", 20, "T"),
            ("Kingsbridge Vale Safeguarding Children Partnership | September 2024", 11, ""),
        ]
    ),
    H1("1. Background"),
    P(
        "Child W was 13 when she was found in a flat in another county with two adult men. "
        "She had been reported missing from home eleven times in the previous six months. "
        "The review was published on 2 September 2024."
    ),
    H1("2. Why it matters"),
    P(
        "Children who go missing repeatedly are at high risk of criminal and sexual "
        "exploitation, and each episode is a chance to learn what is happening to them."
    ),
    H1("3. What the review found"),
    P("The review identified these learning points:"),
    Items(
        [
            Learning("Return home interviews were offered after only three of the eleven "
                     "missing episodes, so Child W's own account was rarely heard.",
                     ["missing", "voice_of_child"], number="1"),
            Learning("Each missing episode was treated on its own; nobody looked at the pattern "
                     "of times, places and people.", ["missing", "cse", "assessment_quality"],
                     number="2"),
            Learning("The school knew that Child W had a much older boyfriend but did not "
                     "share this with the police or children's social care.",
                     ["information_sharing", "education_schools", "cse"], number="3"),
            Learning("The exploitation screening tool was completed by one agency and was not "
                     "discussed at a multi-agency meeting.", ["cse", "multi_agency_working"],
                     number="4"),
        ],
    ),
    H1("4. Questions to consider"),
    P("Questions to consider:"),
    Bullets(
        [
            "How do you record the places a child goes when missing?",
            "Who do you tell when a child mentions an older boyfriend?",
        ]
    ),
    H1("5. What you should do"),
    P(
        "Always ask for a return home interview and read it before any meeting about the "
        "child. Use the exploitation screening tool and share it with the MASH."
    ),
    H1("6. Further reading"),
    P("The full review and the exploitation pathway are on the partnership website."),
    H1("7. Feedback"),
    P("Please tell the business unit how you used this briefing with your team."),
]

DOC = Doc(
    file="kingsbridge-vale_7-minute-briefing_child-w_2024.html",
    doc_type="learning_brief",
    area="Kingsbridge Vale",
    date="2024-09-01",  # the briefing's printed month
    title="7-minute briefing: Child W",
    pseudonym="Child W",
    blocks=blocks,
    author="Kingsbridge Vale Safeguarding Children Partnership",
    notes=(
        "HTML 7-minute briefing in seven numbered sections; the four learning points are an "
        "ordered list after the lead-in 'The review identified these learning points:' under "
        "'3. What the review found' (not a learning heading). Not items: the reflective "
        "questions and the advice to readers in '5. What you should do'."
    ),
)
