# ruff: noqa: ISC004  (long prose is split into implicitly concatenated strings)
"""Fictional learning brief (PDF, 3 pages) for an LCSPR about 'Tyler', Harrowfield.

Page 2 is set in two columns (key learning points flow from the left column into
the right one, then questions for practitioners).
"""

from dsl import H1, Bullets, Columns, Doc, Items, Label, Learning, P, PageBreak

HSCP = "Harrowfield Safeguarding Children Partnership"

blocks = [
    P(HSCP, style="B", size=11, align="L"),
    P("Learning brief: LCSPR 'Tyler'", style="B", size=22, align="L"),
    P("October 2023  |  For practitioners and managers in all agencies", style="I", size=10,
      align="L"),
    H1("About this brief"),
    P(
        "This brief summarises the learning from a Local Child Safeguarding Practice Review "
        "(LCSPR) about a boy we have called Tyler. It is for everyone who works with "
        "children and families in Harrowfield. Please read it, discuss it in your team or in "
        "supervision, and use the questions on page 2 to reflect on your own practice. The "
        "full report is available on the HSCP website."
    ),
    H1("About Tyler"),
    P(
        "Tyler was 16 when he was seriously injured in an attack in Harrowfield in January "
        "2022. He had moved to the city with his mother and younger sister from another "
        "local authority eighteen months earlier. Tyler loved football and music, and "
        "teachers at his first school in Harrowfield described him as funny and kind. He "
        "wanted to be a sound engineer."
    ),
    H1("What happened"),
    P(
        "In the months after the move, Tyler began spending time with older young people, "
        "and his mother noticed that he had new clothes and a second phone. He was excluded "
        "for fixed periods three times and then permanently, after he was found with "
        "cannabis in school. He started at a pupil referral unit but attended for only a few "
        "days a week."
    ),
    P(
        "Tyler was reported missing eleven times in six months. He was twice found in a town "
        "forty miles away. An assessment by children's social care described him as "
        "'making unwise choices'. A referral to CAMHS for low mood and poor sleep was "
        "declined because he did not attend the first appointment. Information from his "
        "previous area, where he had been on a child in need plan, did not arrive until "
        "after he was injured."
    ),
    P(
        "In his own words: 'Everyone kept asking me what I'd done. No one asked what was "
        "happening to me.'",
        style="I",
    ),
    H1("The review"),
    P(
        "The review was led by an independent reviewer and used agency chronologies, "
        "conversations with practitioners and meetings with Tyler and his mother. It made "
        "six recommendations to the partnership, which are being monitored by the HSCP "
        "Learning and Improvement Group. The key learning for practitioners is set out "
        "overleaf."
    ),
    PageBreak(),
    H1("Key learning points"),
    Columns(
        [
            P(
                "The review found that the professionals who worked with Tyler cared about "
                "him, but that the system around him did not connect what each of them knew. "
                "These are the six points that the reviewer asks every practitioner to "
                "remember.",
                align="L",
            ),
            Items(
                [
                    Learning(
                        "Exploitation often begins long before a child is first reported "
                        "missing. Changes in behaviour, new friends, new possessions and "
                        "unexplained money are early signs, and should prompt a conversation "
                        "with the child and a check with other agencies.",
                        ["cce", "missing"],
                        number="1",
                        key="lbT.1",
                    )
                ]
            ),
            Items(
                [
                    Learning(
                        "A move between areas can break the chain of information. When a "
                        "child moves, the sending and receiving agencies should talk to each "
                        "other, not only transfer records.",
                        ["transitions", "information_sharing"],
                        number="2",
                        key="lbT.2",
                    )
                ]
            ),
            Items(
                [
                    Learning(
                        "Exclusion from school can increase a child's exposure to people who "
                        "exploit children. The risk should be assessed, with other agencies, "
                        "before the decision to exclude is made.",
                        ["education_schools", "cce"],
                        number="3",
                        key="lbT.3",
                    )
                ]
            ),
            Items(
                [
                    Learning(
                        "Children who are exploited are victims, even when they are also "
                        "involved in offending. The language used in records and meetings "
                        "shapes how they are treated by every agency that reads them, so "
                        "describe what is happening to the child and avoid phrases such as "
                        "'making unwise choices' or 'lifestyle'.",
                        ["cce", "recording"],
                        number="4",
                        key="lbT.4",
                    )
                ]
            ),
            Items(
                [
                    Learning(
                        "Tyler's emotional and mental health needs were seen as behaviour. "
                        "Practitioners should think about trauma, loss and unmet emotional "
                        "needs behind challenging behaviour, and should not close a CAMHS "
                        "referral because a child did not attend.",
                        ["child_mental_health", "health_services"],
                        number="5",
                        key="lbT.5",
                    )
                ]
            ),
            Items(
                [
                    Learning(
                        "Parents are often the first to notice that something is wrong. Their "
                        "concerns should be taken seriously, and they should be supported as "
                        "partners in safety planning rather than blamed.",
                        ["cce", "multi_agency_working"],
                        number="6",
                        key="lbT.6",
                    )
                ]
            ),
            Label("Questions for practitioners"),
            Bullets(
                [
                    "What would make you think that a child you work with might be being "
                    "exploited?",
                    "When a child moves into or out of your area, who do you speak to?",
                    "How do you make sure that your records describe children as victims "
                    "where they are being exploited?",
                    "How do you respond when a parent tells you they are worried about who "
                    "their child is spending time with?",
                    "Do you know how to contact the Harrowfield Horizon team for advice?",
                ]
            ),
        ]
    ),
    PageBreak(),
    H1("What has changed since the review"),
    Bullets(
        [
            "The Horizon team now offers consultation to any practitioner worried about "
            "exploitation, by telephone or in person.",
            "Schools must contact the Horizon team before a permanent exclusion of a child "
            "known to be at risk of exploitation.",
            "Children's social care has agreed a transfer-in protocol with neighbouring "
            "authorities, including a conversation between social workers.",
            "CAMHS will no longer close a referral after one missed appointment without "
            "contacting the referrer.",
        ]
    ),
    H1("Further information"),
    P(
        "The full LCSPR report, the HSCP exploitation strategy and the child exploitation "
        "screening tool are available on the HSCP website. For advice about a child, contact "
        "the Harrowfield MASH or the Horizon team."
    ),
]

DOC = Doc(
    file="harrowfield_learning-brief_tyler_2023.pdf",
    doc_type="learning_brief",
    area="Harrowfield",
    date="2023-10-01",
    title="Learning brief: LCSPR 'Tyler'",
    pseudonym="Tyler",
    blocks=blocks,
    short_title="Learning brief: LCSPR 'Tyler'",
    header_right=HSCP,
    font="dejavu_condensed",
    bullet="\u27a2",
    body_size=11.5,
    line_h=5.8,
    title_page=False,
    author=HSCP,
    notes=(
        "Three pages; page 2 is two columns under the full-width heading 'Key learning "
        "points': six learning points '1.'-'6.' (bold number, text in the same paragraph) "
        "flow from the left column into the right one (one point is split between the "
        "columns), each point one paragraph; then 'Questions for practitioners' with "
        "'\u27a2' bullets (not items). Bullets on page 3 ('What has changed since the review') "
        "are not items."
    ),
)
