# ruff: noqa: ISC004  (long prose is split into implicitly concatenated strings)
"""Fictional SCR using a SCIE "Learning Together"-style systems approach (2019).

Findings with "Issues for the Board" questions; no recommendations section.
"""

from dsl import H1, Bullets, Doc, Finding, FindingBlock, P, PageBreak, TitlePage

BOARD = "Eastmere Safeguarding Children Board"

blocks = [
    TitlePage(
        lines=[
            (BOARD, 14, "B"),
            ("", 36, ""),
            ("Serious Case Review", 26, "B"),
            ("Siblings M and N", 22, "B"),
            ("", 8, ""),
            ("A systems review using the Learning Together approach", 13, "I"),
            ("", 30, ""),
            ("Lead reviewers: Anna Whitlock and Dev Sharma", 11, ""),
            ("Published: 20 March 2019", 11, ""),
        ],
        foot=[
            "The children's names have been replaced by letters chosen at random. The children "
            "and their father have seen this report and agreed to its publication.",
        ],
    ),
    H1("1 Introduction"),
    P(
        "This review concerns two siblings, M, who was 14, and N, who was 12, at the time of "
        "the events that led to the review. They lived with their father in a privately rented "
        "flat in the north of Eastmere. In July 2017 M was admitted to hospital after taking an "
        "overdose of her father's prescribed medication. During her admission it became clear "
        "that the children had been living without working heating, often with very little "
        "food, and that N had hardly attended school for most of the previous term. M told "
        "ward staff that she had been 'running the house' since their mother left in 2015.",
        num="1.1",
    ),
    P(
        "Both children had been known to several agencies for many years. Their father has a "
        "long-standing mental health condition and was under the care of the community mental "
        "health team. M had been referred to the Child and Adolescent Mental Health Service "
        "(CAMHS) twice. The family had received early help in 2016, and a child in need plan "
        "was in place for four months in 2017.",
        num="1.2",
    ),
    P(
        "The Eastmere Safeguarding Children Board (ESCB) decided in October 2017 that the "
        "case met the criteria for a Serious Case Review. Because the Board had already "
        "commissioned a traditional review after the death of Child D, and many of the same "
        "agencies were involved, it chose a systems approach for this review, to understand "
        "what it is about the local safeguarding system that makes good practice with older "
        "children more or less likely.",
        num="1.3",
    ),
    H1("2 Methodology"),
    P(
        "The Learning Together approach looks beyond the individual case. It asks why "
        "practice happened as it did, and what features of the wider system - procedures, "
        "tools, resources, organisational culture and the way agencies relate to one another "
        "- made that practice likely. The review team was made up of six senior managers from "
        "agencies that had not been directly involved with the family, supported by two "
        "independent lead reviewers.",
        num="2.1",
    ),
    P(
        "A case group of 11 practitioners and first-line managers who had worked with the "
        "family took part in individual conversations and in two case group meetings, where "
        "the emerging findings were tested and refined. Agency records were read by the "
        "review team rather than summarised in management reviews.",
        num="2.2",
    ),
    P("The Board agreed the following research question for the review:", num="2.3"),
    P(
        "How well does the Eastmere safeguarding system recognise and respond to neglect of "
        "older children, particularly where children take on caring roles and where their own "
        "mental health is affected?",
        style="I",
    ),
    P(
        "M and N met the lead reviewers twice, once with their foster carer. Their father "
        "spoke to the lead reviewers by telephone. Their contributions have shaped the "
        "findings, and their words are used, with permission, in section 3.",
        num="2.4",
    ),
    H1("3 Appraisal of practice"),
    P(
        "The review team found examples of caring and persistent practice. The school "
        "attendance officer visited the home many times and built a good relationship with "
        "N. The young carers' worker who saw M in 2016 understood the pressure she was under "
        "and wrote a clear account of her day. The hospital social worker who saw M after her "
        "overdose acted quickly and made sure that both children were safe that night.",
        num="3.1",
    ),
    P(
        "However, for most of the period the children's circumstances were seen through the "
        "lens of their father's illness and his wish to keep the family together. "
        "Professionals often described M as 'mature' and 'coping'. The state of the flat, the "
        "lack of food and N's falling attendance were each known to one or two agencies, but "
        "were not seen together as neglect.",
        num="3.2",
    ),
    P(
        "CAMHS declined M's first referral in 2016 because she did not meet the criteria for "
        "the specialist service, and the letter to the GP suggested 'universal support'. No "
        "such support was offered. The second referral, in 2017, was accepted, but M was on "
        "the waiting list when she took the overdose.",
        num="3.3",
    ),
    P(
        "M told the reviewers: 'Everybody asked how Dad was. Nobody asked how I was, or what "
        "we'd had for tea.' N said that he stopped going to school because 'there was no point "
        "if nobody noticed'.",
        num="3.4",
    ),
    PageBreak(),
    H1("4 Findings"),
    P(
        "The review team identified five findings. Each finding describes a feature of the "
        "Eastmere safeguarding system that is likely to affect other children, not only M and "
        "N. In line with the Learning Together approach the review does not make "
        "recommendations. Instead, each finding is followed by issues for the Board to "
        "consider, and the Board is asked to decide how it will respond.",
        num="4.1",
    ),
    FindingBlock(
        Finding(
            "Finding 1",
            "Neglect of teenagers is less likely to be recognised than neglect of younger "
            "children, because professionals expect older children to cope and see tools such "
            "as the Graded Care Profile as designed for babies and toddlers.",
            ["neglect", "assessment_quality"],
            subitems=[
                "How can the Board be assured that practitioners recognise neglect in "
                "adolescents, including children who are caring for a parent?",
                "Should the neglect toolkit be adapted, or a different tool adopted, for use "
                "with older children?",
                "What would the Board expect to see in assessments of older children to show "
                "that their lived experience has been understood?",
            ],
            key="mn.f1",
        ),
        category="Finding type: tools and frameworks for assessment",
        body=[
            P(
                "Practitioners in the case group agreed that they would have acted much sooner "
                "if a toddler had been living in the same conditions as M and N. Teenagers are "
                "expected to find food for themselves, to get themselves to school and to tell "
                "someone if things are wrong. When they do not, their behaviour is more often "
                "seen as a choice than as a sign of neglect.",
                num="4.2",
            ),
            P(
                "Eastmere's neglect toolkit was revised in 2017 after the Child D review. Its "
                "guidance and examples are almost all about young children, and none of the "
                "practitioners who worked with M and N had considered using it. An audit of "
                "child in need plans for children aged 11 to 17, carried out for this review, "
                "found that the toolkit had been used in only two of 30 cases where neglect "
                "was a feature.",
                num="4.3",
            ),
        ],
    ),
    FindingBlock(
        Finding(
            "Finding 2",
            "Schools hold important information about attendance and the daily presentation of "
            "children, but there is no reliable route for this information to reach children's "
            "social care and health when a child's attendance falls gradually rather than "
            "suddenly.",
            ["information_sharing", "education_schools", "missing"],
            subitems=[
                "How does the Board know whether information about falling attendance is shared "
                "with the MASH and with school nurses?",
                "What arrangements are there for sharing information when a child moves from "
                "primary to secondary school, or changes school during the year?",
            ],
            key="mn.f2",
        ),
        category="Finding type: communication and collaboration in longer-term work",
        body=[
            P(
                "N's attendance fell from 94% to 61% over eighteen months. Because there was "
                "no single point at which it dropped sharply, it never triggered a referral. "
                "The secondary school did not know that the primary school had raised "
                "concerns about N's hunger in Year 6, because the safeguarding file did not "
                "transfer until several months after he started.",
                num="4.4",
            ),
        ],
    ),
    FindingBlock(
        Finding(
            "Finding 3",
            "When CAMHS decline a referral because it does not meet their criteria, the "
            "referrer is not routinely told what other help is available, and the child can be "
            "left without any service.",
            ["child_mental_health", "thresholds_front_door", "health_services"],
            subitems=[
                "How can the Board be confident that children whose referrals are not accepted "
                "by CAMHS are offered other support?",
                "What information does the Board have about the number of referrals declined and "
                "what then happens to those children?",
            ],
            key="mn.f3",
        ),
        category="Finding type: management systems and resources",
        body=[
            P(
                "The letter declining M's first referral was sent to the GP, who assumed that "
                "the school would provide support. The school assumed that CAMHS were "
                "involved. Practitioners described a 'gap between services' for children "
                "whose emotional distress is significant but who do not have a diagnosable "
                "condition.",
                num="4.5",
            ),
        ],
    ),
    FindingBlock(
        Finding(
            "Finding 4",
            "Children who care for a parent are often seen as coping well, and their own "
            "wishes and feelings are not sought separately from the parent's.",
            ["voice_of_child", "parental_mental_health"],
            subitems=[
                "How does the Board know that young carers are seen and spoken to alone?",
                "Is the young carers' service linked to the early help offer and the MASH?",
            ],
            key="mn.f4",
        ),
        category="Finding type: family-professional interaction",
        body=[
            P(
                "Most home visits took place when the father was present, and M often spoke "
                "for him. Adult mental health workers saw M regularly but did not think it "
                "was their role to ask about her own wellbeing. M was never seen alone by a "
                "social worker during the child in need plan.",
                num="4.6",
            ),
        ],
    ),
    FindingBlock(
        Finding(
            "Finding 5",
            "Professionals in Eastmere continue to find it difficult to challenge decisions "
            "made by other agencies, and the escalation procedure is rarely used by health and "
            "education staff.",
            ["escalation_challenge", "multi_agency_working"],
            subitems=[
                "Why has the relaunch of the escalation procedure after the Child D review not "
                "led to greater use by health and education staff?",
                "How could the Board create a culture in which professional challenge is "
                "expected and welcomed?",
            ],
            key="mn.f5",
        ),
        category="Finding type: professional norms and culture",
        body=[
            P(
                "The attendance officer and the school nurse both disagreed with the decision "
                "to close the child in need plan in 2017. Both told the review team that they "
                "knew about the escalation procedure but felt that 'it would not change "
                "anything'. The Board's own audit found only four escalations by health staff "
                "and none by schools in 2018.",
                num="4.7",
            ),
        ],
    ),
    H1("5 Conclusion"),
    P(
        "M and N are now living with foster carers and both attend school regularly. Their "
        "father is receiving treatment and has regular contact with them. The review team "
        "thanks the children, their father and the practitioners who took part so openly. "
        "The Board will publish its response to the findings alongside this report.",
        num="5.1",
    ),
    H1("Appendix: Glossary"),
    Bullets(
        [
            "CAMHS - Child and Adolescent Mental Health Service",
            "ESCB - Eastmere Safeguarding Children Board",
            "MASH - Multi-Agency Safeguarding Hub",
            "Young carer - a child who provides care for a family member who is ill or disabled",
        ]
    ),
]

DOC = Doc(
    file="eastmere_scr_siblings-m-n_2019.pdf",
    doc_type="scr",
    area="Eastmere",
    date="2019-03-20",
    title="Serious Case Review: Siblings M and N",
    pseudonym="Siblings M and N",
    blocks=blocks,
    short_title="SCR: Siblings M and N",
    header_right=BOARD,
    font="dejavu_serif",
    bullet="\u2022",
    body_size=10.5,
    line_h=5.4,
    title_page=True,
    author="Eastmere Safeguarding Children Board",
    notes=(
        "SCIE Learning Together style: no recommendations. Five findings under '4 Findings', "
        "each a titled block: 'Finding N' line, an italic 'Finding type: ...' line, the "
        "finding statement in a shaded box (bold), numbered narrative paragraphs, then the "
        "label 'Issues for the Board' and '\u2022' question bullets. Item text = statement + "
        "the questions (subitems); the narrative is not part of the item."
    ),
)
