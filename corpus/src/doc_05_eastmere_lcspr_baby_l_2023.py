# ruff: noqa: ISC004  (long prose is split into implicitly concatenated strings)
"""Fictional Local Child Safeguarding Practice Review: Baby L (Eastmere, 2023).

Bullets are the private-use U+F0B7 glyph that Word's Symbol-font bullets become in
PDFs; sub-bullets are a plain 'o'.
"""

from dsl import (
    H1,
    Box,
    Bullets,
    Doc,
    Finding,
    FindingTitle,
    Items,
    Learning,
    P,
    Rec,
    TitlePage,
)

ESCP = "Eastmere Safeguarding Children Partnership"

blocks = [
    TitlePage(
        lines=[
            (ESCP, 14, "B"),
            ("", 34, ""),
            ("Local Child Safeguarding Practice Review", 22, "B"),
            ("Baby L", 24, "B"),
            ("", 26, ""),
            ("Independent reviewer: Claire Onyango", 11, ""),
            ("Published: 15 March 2023", 11, ""),
        ],
        foot=[
            "Baby L is a pseudonym chosen by his maternal grandmother. Some details have been "
            "changed to protect the family's privacy.",
        ],
    ),
    H1("1. Introduction"),
    P(
        "This Local Child Safeguarding Practice Review (LCSPR) concerns Baby L, who was 11 "
        "weeks old when he was admitted to hospital in November 2021 with a fractured skull, "
        "bleeding on the brain and healing rib fractures. Doctors concluded that the injuries "
        "had been inflicted. Baby L survived; he now lives with foster carers who hope to "
        "adopt him, and he is making better progress than was first expected.",
        num="1.1",
    ),
    P(
        "In September 2022 his mother's partner, Mr K, pleaded guilty to causing grievous "
        "bodily harm and was sentenced to eight years' imprisonment. Baby L's mother was not "
        "charged. Baby L's father, Mr B, had separated from the mother before Baby L was born "
        "and was not told about the pregnancy.",
        num="1.2",
    ),
    P(
        "The Rapid Review was held on 17 November 2021, and the safeguarding partners decided "
        "that an LCSPR should be carried out. The Child Safeguarding Practice Review Panel "
        "agreed with that decision.",
        num="1.3",
    ),
    H1("2. Scope and methodology"),
    P(
        "The review considered agency involvement from November 2019, when the child "
        "protection plan for Baby L's half-sister S ended, to the date of the incident. It "
        "used agency chronologies, a practitioner learning event attended by 19 "
        "professionals, and conversations with key practitioners and managers.",
        num="2.1",
    ),
    P(
        "The reviewer met Baby L's mother and his maternal grandmother. Mr K was invited to "
        "contribute through the prison but did not reply. Mr B met the reviewer and spoke "
        "about his wish to have been involved.",
        num="2.2",
    ),
    P(
        "The terms of reference asked the review to consider in particular:",
        num="2.3",
    ),
    Bullets(
        [
            "the application of the pre-birth protocol when a previous child has been subject "
            "to a child protection plan;",
            "how agencies identified, assessed and worked with the men in Baby L's life;",
            "information sharing between agencies and across force and local authority "
            "boundaries; and",
            "whether learning from the Child D serious case review (2017) had been embedded.",
        ]
    ),
    H1("3. Baby L and his family"),
    P(
        "Baby L's mother described herself as a 'proud mum' who had worked hard to turn things "
        "around for S. She told the reviewer that she had been frightened of Mr K by the time "
        "Baby L was born, but did not feel that she could tell anyone, because 'the last time "
        "I asked for help they put S on a plan'.",
        num="3.1",
    ),
    P(
        "Baby L's grandmother said that the family had been 'doing well' until Mr K arrived, "
        "and that 'nobody ever asked him a single question'. Mr B said that he would have "
        "wanted to be considered as a carer for his son, but nobody knew he existed until "
        "after Baby L was injured.",
        num="3.2",
    ),
    H1("4. Summary of professional involvement"),
    P(
        "S was subject to a child protection plan for neglect between March 2018 and November "
        "2019. A Graded Care Profile 2 assessment in 2018 identified poor care in four of the "
        "five areas. The plan ended after the mother reported that things had improved and "
        "S's school attendance rose; the Graded Care Profile 2 was not repeated.",
        num="4.1",
    ),
    P(
        "The mother booked for antenatal care at 24 weeks. The midwife recorded the previous "
        "plan and made a referral to the MASH at 28 weeks. The MASH recorded that there were "
        "'no current concerns' and recommended early help. The midwife was unhappy with the "
        "decision but did not challenge it, because she understood the escalation procedure to "
        "apply only to children who had been born.",
        num="4.2",
    ),
    P(
        "Mr K moved into the family home in July 2021. The GP practice registered him but did "
        "not link his record to the household. The health visitor met him briefly at the new "
        "birth visit and recorded him as 'dad'. Eastmere Police had no record of him; "
        "Kingsbridge Vale Police held records of two domestic abuse incidents involving a "
        "previous partner and her child.",
        num="4.3",
    ),
    P(
        "In October 2021 the mother took Baby L to the GP because he was 'crying all the time'. "
        "A small bruise on his ear was noted and the mother said that S had dropped a toy on "
        "him. The bruise was not seen as a safeguarding concern, and the practice's guidance on "
        "bruising in non-mobile babies was not followed.",
        num="4.4",
    ),
    H1("5. Findings"),
    P(
        "The review has five findings. Each finding is followed by an analysis and, where it "
        "helps practitioners, a learning point.",
        num="5.1",
    ),
    FindingTitle(
        Finding(
            "Finding 1",
            "The pre-birth protocol was not applied, although Baby L's half-sister had been "
            "subject to a child protection plan for neglect less than two years earlier.",
            ["pre_birth", "neglect", "thresholds_front_door"],
            label="Finding 1:",
            key="lcspr.f1",
        )
    ),
    P(
        "The Eastmere pre-birth protocol says that a pre-birth assessment should be started "
        "when a previous child has been subject to a child protection plan. The MASH "
        "practitioner read this as applying only to current plans. Several practitioners at "
        "the learning event shared that understanding.",
        num="5.2",
    ),
    Box(
        "Learning point",
        Learning(
            "Where an older brother or sister has been subject to a child protection plan, the "
            "pre-birth protocol applies to any later pregnancy, whatever the current level of "
            "concern.",
            ["pre_birth"],
            key="lcspr.lp1",
        ),
    ),
    FindingTitle(
        Finding(
            "Finding 2",
            "Information about Mr K was held by individual agencies but was not shared or "
            "pieced together, and checks did not extend beyond Eastmere.",
            ["information_sharing", "fathers_male_carers", "professional_curiosity"],
            label="Finding 2:",
            key="lcspr.f2",
        )
    ),
    P(
        "The GP knew that a new adult had registered at the address; the health visitor knew "
        "that a man was living in the home; Kingsbridge Vale Police knew about his past "
        "violence. None of this reached the MASH, because nobody asked and there was no "
        "expectation that the information would be shared.",
        num="5.3",
    ),
    Box(
        "Learning point",
        Learning(
            "Ask every family who lives in the home, who visits, and who looks after the baby. "
            "Record the full name and date of birth of every adult, and check them with the "
            "police in every area where they have lived.",
            ["professional_curiosity", "fathers_male_carers", "information_sharing"],
            key="lcspr.lp2",
        ),
    ),
    FindingTitle(
        Finding(
            "Finding 3",
            "Professionals did not engage with or assess the men who were caring for Baby L, "
            "and his birth father was not identified at all.",
            ["fathers_male_carers", "assessment_quality"],
            label="Finding 3:",
            key="lcspr.f3",
        )
    ),
    P(
        "This finding repeats learning from the Child D review in 2017. The partnership's "
        "guidance on engaging fathers and male carers was published in 2018, but few "
        "practitioners at the learning event knew about it, and it is not referred to in the "
        "midwifery or health visiting records templates.",
        num="5.4",
    ),
    Box(
        "Learning point",
        Learning(
            "Coping-with-crying and safe handling advice should be given to every adult who "
            "cares for a baby, including fathers and partners, and practitioners should record "
            "who received it.",
            ["infant_injury", "safe_sleep", "fathers_male_carers"],
            key="lcspr.lp3",
        ),
    ),
    FindingTitle(
        Finding(
            "Finding 4",
            "Improvement in S's care was accepted on the basis of the mother's account, and the "
            "Graded Care Profile 2 was not repeated to measure change before the plan ended.",
            ["neglect", "professional_curiosity", "assessment_quality"],
            label="Finding 4:",
            key="lcspr.f4",
        )
    ),
    P(
        "The child protection conference that ended S's plan heard that 'mum reports that "
        "things are much better'. School attendance had improved, but the home had not been "
        "seen for six weeks. Without a repeated assessment there was no baseline against which "
        "to judge later concerns.",
        num="5.5",
    ),
    Box(
        "Learning point",
        Learning(
            "A parent's account of change is not evidence of change. Use the Graded Care "
            "Profile 2 again before a plan ends, and compare the scores with the first "
            "assessment.",
            ["neglect", "professional_curiosity", "assessment_quality"],
            key="lcspr.lp4",
        ),
    ),
    FindingTitle(
        Finding(
            "Finding 5",
            "The bruise seen on Baby L's ear was not treated as a possible sign of abuse, and "
            "the partnership's protocol for bruising in non-mobile babies was not followed.",
            ["infant_injury", "health_services"],
            label="Finding 5:",
            key="lcspr.f5",
        )
    ),
    P(
        "Any bruise on a baby who is not yet mobile should be discussed with children's social "
        "care and lead to a paediatric assessment. The GP accepted the mother's explanation "
        "and did not refer. The GP practice had not received training on the protocol since "
        "it was updated in 2019.",
        num="5.6",
    ),
    H1("6. Recommendations"),
    P(
        "The review makes the following recommendations to the Eastmere Safeguarding Children "
        "Partnership (ESCP). The ESCP should ask partner agencies to report on progress within "
        "six months of publication.",
        num="6.1",
    ),
    Items(
        [
            Rec(
                "1",
                "The ESCP should seek assurance that the pre-birth protocol is understood and "
                "applied by midwifery, health visiting and the MASH, including:",
                ["pre_birth", "workforce_training", "performance_data_qa"],
                to=["partnership"],
                subitems=[
                    "a multi-agency audit of referrals about unborn babies made in the last "
                    "twelve months;",
                    "training for MASH practitioners and managers on the protocol; and",
                    "a clear statement that the protocol applies where any previous child has "
                    "been subject to a plan.",
                ],
                key="lcspr.r1",
            ),
            Rec(
                "2",
                "The ESCP should work with the Integrated Care Board and GP practices to make "
                "sure that GPs tell the health visitor when a new adult registers at the "
                "address of a child under five, and with Eastmere Police to make sure that "
                "MASH checks on new adults include other force areas.",
                ["information_sharing", "health_services", "fathers_male_carers"],
                to=["partnership", "health", "police"],
                key="lcspr.r2",
            ),
            Rec(
                "3",
                "The ESCP should refresh its guidance on engaging fathers and male carers, "
                "launch it with every partner agency, and test through audit whether men are "
                "now included in assessments and plans.",
                ["fathers_male_carers", "assessment_quality", "performance_data_qa"],
                to=["partnership"],
                key="lcspr.r3",
            ),
            Rec(
                "4",
                "The ESCP should relaunch its neglect strategy and make sure that the Graded "
                "Care Profile 2 is repeated before any child protection plan for neglect ends, "
                "so that decisions are based on measured change in the child's care and not "
                "only on what parents report. The relaunch should include:",
                ["neglect", "assessment_quality", "strategy_s47"],
                to=["partnership"],
                subitems=[
                    "guidance for child protection chairs on the evidence needed before a plan "
                    "for neglect ends; and",
                    "a six-monthly report to the ESCP on the use of the Graded Care Profile 2 "
                    "by each agency.",
                ],
                key="lcspr.r4",
            ),
            Rec(
                "5",
                "Eastmere Hospitals NHS Foundation Trust and Eastmere Community Health NHS "
                "Trust should make sure that coping-with-crying and safe handling advice is "
                "given to fathers and male carers as well as mothers, both before and after the "
                "birth.",
                ["infant_injury", "fathers_male_carers", "health_services"],
                to=["health"],
                key="lcspr.r5",
            ),
            Rec(
                "6",
                "The ESCP should revise its escalation procedure to make clear that it applies "
                "to decisions about unborn babies, and should include the procedure in "
                "midwifery induction.",
                ["escalation_challenge", "pre_birth"],
                to=["partnership", "health"],
                key="lcspr.r6",
            ),
            Rec(
                "7",
                "The Integrated Care Board should arrange training for all GP practices on the "
                "protocol for bruising in non-mobile babies, and should audit its use within "
                "twelve months.",
                ["infant_injury", "health_services", "workforce_training"],
                to=["health"],
                key="lcspr.r7",
            ),
        ],
        style="numbered",
    ),
    H1("7. Conclusion"),
    P(
        "Baby L's injuries were caused by an adult who was living in his home and about whom "
        "professionals knew very little. Several of the findings of this review repeat what "
        "the partnership learned from the Child D review six years ago. The ESCP should "
        "consider why actions that were recorded as complete did not change practice, and how "
        "it will know in future that learning has made a difference.",
        num="7.1",
    ),
    H1("Appendix A: Glossary"),
    Bullets(
        [
            "GCP2 - Graded Care Profile 2, a tool for measuring the quality of care given to a "
            "child",
            "ICON - a programme of advice to parents about infant crying and how to cope",
            "LCSPR - Local Child Safeguarding Practice Review",
            "MASH - Multi-Agency Safeguarding Hub",
            "Non-mobile baby - a baby who is not yet crawling, cruising or walking",
        ]
    ),
]

DOC = Doc(
    file="eastmere_lcspr_baby-l_2023.pdf",
    doc_type="lcspr",
    area="Eastmere",
    date="2023-03-15",
    title="Local Child Safeguarding Practice Review: Baby L",
    pseudonym="Baby L",
    blocks=blocks,
    short_title="LCSPR Baby L",
    header_right=ESCP,
    font="dejavu",
    bullet="\uf0b7",
    sub_bullet="o",
    body_size=10.5,
    line_h=5.5,
    title_page=True,
    footer_left="OFFICIAL",
    author=ESCP,
    notes=(
        "Bullets are U+F0B7 (Word Symbol bullet), sub-bullets a plain 'o'. Findings are bold "
        "'Finding N: statement' blocks under '5. Findings' (item text = statement only); "
        "four shaded boxes headed 'Learning point' (item text = box text). Seven numbered "
        "recommendations '1.'-'7.' under '6. Recommendations'; 1 and 4 have 'o' "
        "sub-bullets; running footer 'OFFICIAL' and 'Page N of M'."
    ),
)
