# ruff: noqa: ISC004  (long prose is split into implicitly concatenated strings)
"""Fictional Serious Case Review (2017): Child D, Eastmere LSCB.

Core PDF font (Times, Latin-1 only): straight quotes and '-' bullets on purpose.
"""

from dsl import (
    H1,
    H2,
    Bullets,
    Contents,
    Doc,
    Finding,
    Items,
    P,
    PageBreak,
    Rec,
    Table,
    TitlePage,
)

BOARD = "Eastmere Local Safeguarding Children Board"

blocks = [
    TitlePage(
        lines=[
            (BOARD, 15, "B"),
            ("", 40, ""),
            ("Serious Case Review", 28, "B"),
            ("Child D", 24, "B"),
            ("", 10, ""),
            ("Overview report", 15, ""),
            ("", 30, ""),
            ("Independent reviewer: Dr Ruth Calloway", 12, ""),
            ("Publication date: 14 June 2017", 12, ""),
        ],
        foot=[
            "This report has been anonymised. The names of family members have been replaced "
            "by letters and some details have been changed to protect the children's privacy.",
            "The report should be read in full and must not be quoted out of context.",
        ],
    ),
    Contents(
        [
            "1. Introduction",
            "2. Terms of reference and methodology",
            "3. Summary of agency involvement",
            "4. Analysis of practice",
            "5. Findings and lessons learned",
            "6. Recommendations",
            "Appendix A: Glossary",
        ]
    ),
    H1("1. Introduction"),
    P(
        "This Serious Case Review (SCR) concerns Child D, who was four years old when she was "
        "admitted to Eastmere General Hospital in February 2016. She weighed less than the "
        "second centile for her age, had untreated dental decay that required the extraction "
        "of eleven teeth, and had an old, untreated fracture of the left forearm that nobody "
        "could explain. Ward staff described her as withdrawn and unusually quiet for a child "
        "of her age. Child D now lives with her maternal aunt under a special guardianship "
        "order and is reported to be making good progress.",
        num="1.1",
    ),
    P(
        "Child D lived with her mother, her three older half-siblings and, for most of the "
        "period under review, her mother's partner, who is referred to in this report as "
        "Mr P. Child D's father, Mr D, lived in a neighbouring town and had frequent but "
        "unplanned contact with her. The family had been known to children's social care, "
        "health services, the police and two schools for more than six years, mainly because "
        "of concerns about the physical care of the children, poor school attendance and "
        "incidents of domestic abuse between the adults.",
        num="1.2",
    ),
    P(
        "On 12 April 2016 the Independent Chair of Eastmere Local Safeguarding Children Board "
        "(the LSCB) accepted the advice of the Serious Case Review Panel that the criteria for "
        "a review were met: abuse or neglect of Child D was known or suspected, and she had "
        "been seriously harmed. The Panel also noted that there were lessons to be learned "
        "about the way in which agencies had worked together.",
        num="1.3",
    ),
    P(
        "The purpose of the review is not to apportion blame to individual practitioners. It "
        "is to understand why professionals acted as they did at the time, to identify what "
        "could have been done differently, and to make sure that the learning is used to "
        "improve the way in which agencies in Eastmere work together to protect children.",
        num="1.4",
    ),
    H1("2. Terms of reference and methodology"),
    P(
        "The review examined the involvement of agencies with Child D, her half-siblings and "
        "the adults in the household between 1 January 2013 and 29 February 2016. Significant "
        "events before that period were considered where they helped to explain later "
        "practice.",
        num="2.1",
    ),
    P(
        "Individual Management Reviews (IMRs) and chronologies were provided by the following "
        "agencies:",
        num="2.2",
    ),
    Bullets(
        [
            "Eastmere Borough Council Children's Social Care;",
            "Eastmere Police;",
            "Eastmere Community Health NHS Trust (health visiting and school nursing);",
            "Eastmere and Ashby Clinical Commissioning Group, on behalf of the family's GP "
            "practice;",
            "Eastmere Hospitals NHS Foundation Trust (emergency department and paediatrics);",
            "Oakfield Primary School and its nursery; and",
            "Eastmere Homes, the family's housing provider.",
        ]
    ),
    P(
        "The independent reviewer met the Review Panel on six occasions and held two "
        "practitioner learning events, which were attended by 23 professionals. Child D's "
        "mother and maternal aunt contributed to the review. Mr D and Mr P were invited to "
        "take part but declined. The family's views are reflected in section 3.",
        num="2.3",
    ),
    P(
        "The key lines of enquiry agreed by the Panel were: how agencies recognised and "
        "responded to neglect; how information was shared between agencies; how the adults "
        "in the household, including the men, were assessed; and whether professionals used "
        "the LSCB escalation procedure when they disagreed with decisions made by other "
        "agencies.",
        num="2.4",
    ),
    H1("3. Summary of agency involvement"),
    P(
        "Child D's eldest half-sibling was first referred to children's social care by the "
        "health visitor in 2010 because of poor home conditions and missed immunisations. "
        "Between 2010 and 2016 the family were the subject of 14 contacts to the Eastmere "
        "Multi-Agency Safeguarding Hub (MASH) and its predecessor, four single assessments "
        "and two periods of child in need planning. None of the contacts led to a strategy "
        "discussion.",
        num="3.1",
    ),
    P(
        "In 2013, when Child D was a baby, the police attended the home twice after "
        "neighbours reported shouting and the sound of breaking glass. On both occasions a "
        "domestic abuse notification was sent to children's social care. The notifications "
        "named Mr P as the mother's partner, but his name did not appear in any health or "
        "school record until the end of 2015.",
        num="3.2",
    ),
    P(
        "Between 2013 and 2015 Child D was not brought to nine health appointments, "
        "including her two-year developmental review and three dental appointments. The "
        "health visiting service closed Child D's case to the universal service in 2014 "
        "after two letters to the mother went unanswered. The GP practice was not told.",
        num="3.3",
    ),
    P(
        "Child D started at Oakfield Primary School nursery in September 2015. Nursery staff "
        "noticed that she was often hungry, had a persistent nappy rash and arrived in dirty "
        "clothes. They recorded their concerns in the school's safeguarding log and spoke to "
        "the mother, who said that Child D had a medical condition that affected her weight. "
        "This explanation was not checked with the GP.",
        num="3.4",
    ),
    P(
        "In November 2015 the school made a referral to the MASH. The referral was assessed "
        "as not meeting the threshold for a single assessment because the family were "
        "'known to services' and an assessment in 2014 had found that home conditions had "
        "improved. The school was advised to complete an early help assessment. The "
        "designated safeguarding lead disagreed with this decision but did not use the "
        "escalation procedure, because she was not aware that it existed.",
        num="3.5",
    ),
    P(
        "In February 2016 Child D was taken to the emergency department by her maternal "
        "aunt, who had been asked to look after her for a weekend. The paediatrician "
        "identified severe faltering growth and dental decay, and an X-ray showed the old "
        "fracture. A strategy discussion was held the same day and a section 47 enquiry "
        "began. An initial child protection conference (ICPC) was held twelve days later and "
        "all four children became subject to child protection plans under the category of "
        "neglect.",
        num="3.6",
    ),
    P(
        "Child D's mother told the reviewer that she had felt 'judged but not helped'. She "
        "said that workers came and went, that each one asked the same questions, and that "
        "nobody ever asked to see where the children slept. Child D's aunt said that the "
        "family had been 'hiding in plain sight'.",
        num="3.7",
    ),
    H1("4. Analysis of practice"),
    H2("Recognition of neglect"),
    P(
        "Professionals saw the family's difficulties as a series of separate episodes "
        "rather than as a pattern. Each contact was assessed against the most recent event, "
        "and earlier concerns were described as 'historic'. The cumulative effect of six "
        "years of poor care on the children was not analysed in any assessment, and no "
        "agency held a chronology that brought the history together.",
        num="4.1",
    ),
    P(
        "Eastmere adopted the Graded Care Profile in 2012 as part of its neglect strategy, "
        "but its use was voluntary and no agency used it with this family. Practitioners at "
        "the learning events said that the tool was seen as a social work tool, and that "
        "they lacked the time and the training to complete it.",
        num="4.2",
    ),
    H2("Information sharing"),
    P(
        "Each agency held part of the picture. The police knew about Mr P and the domestic "
        "abuse; health visitors knew about the missed appointments; the nursery knew that "
        "Child D was hungry. No single agency brought this information together, and the "
        "MASH did not routinely ask health and education for information before making a "
        "threshold decision.",
        num="4.3",
    ),
    P(
        "The GP practice was not routinely told when children were not brought to health "
        "appointments or when a health visiting case was closed. Information about the "
        "family's previous involvement with children's social care was not available to the "
        "nursery when Child D started there.",
        num="4.4",
    ),
    H2("Men in the household"),
    P(
        "Mr P lived in the household for at least three years, yet he was not seen by a "
        "health visitor or a social worker and was not included in any assessment. Mr D was "
        "regarded as a 'visiting father'; his capacity to care for Child D, and any risk he "
        "might pose, were not considered.",
        num="4.5",
    ),
    H2("Escalation and challenge"),
    P(
        "The nursery and the health visitor both had doubts about decisions not to proceed "
        "to a single assessment. Neither raised a formal challenge. The LSCB escalation "
        "procedure existed but was little known outside children's social care, and "
        "practitioners said that they did not feel confident to question social work "
        "decisions.",
        num="4.6",
    ),
    H1("5. Findings and lessons learned"),
    P(
        "The review has identified the following lessons for the LSCB and its partner "
        "agencies. They are discussed in section 4 and are the basis for the recommendations "
        "in section 6.",
        num="5.1",
    ),
    Items(
        [
            Finding(
                "5.2",
                "Neglect was assessed one episode at a time. Without a chronology that brought "
                "the history together, professionals could not see the cumulative harm to the "
                "children.",
                ["neglect", "recording", "assessment_quality"],
                key="scrD.f1",
            ),
            Finding(
                "5.3",
                "The Graded Care Profile was not used by any agency, so there was no shared and "
                "objective measure of the children's care or of whether it was improving.",
                ["neglect", "assessment_quality"],
                key="scrD.f2",
            ),
            Finding(
                "5.4",
                "Information held by the police, health services and the school was not shared "
                "or brought together in the MASH before threshold decisions were made.",
                ["information_sharing", "thresholds_front_door"],
                key="scrD.f3",
            ),
            Finding(
                "5.5",
                "Men who lived in or regularly visited the household were invisible to "
                "professionals and were not assessed.",
                ["fathers_male_carers", "professional_curiosity"],
                key="scrD.f4",
            ),
            Finding(
                "5.6",
                "Children who were repeatedly not brought to health appointments were treated "
                "as families who had disengaged, rather than as children whose needs were not "
                "being met.",
                ["health_services", "neglect"],
                key="scrD.f5",
            ),
            Finding(
                "5.7",
                "Professionals who disagreed with threshold decisions did not use the escalation "
                "procedure, which was not well known outside children's social care.",
                ["escalation_challenge", "thresholds_front_door"],
                key="scrD.f6",
            ),
        ],
        style="para",
    ),
    H1("6. Recommendations"),
    P(
        "The review makes six recommendations to the LSCB and seven recommendations to "
        "single agencies. The LSCB should seek evidence that each recommendation has been "
        "implemented and that it has made a difference to practice, and not only that an "
        "action has been completed.",
        num="6.1",
    ),
    H2("Recommendations to the LSCB"),
    Items(
        [
            Rec(
                "Recommendation 1",
                "The LSCB should revise the Eastmere neglect strategy and make the use of the "
                "Graded Care Profile an expected part of practice for all agencies working with "
                "families where neglect is a concern, with training for practitioners in "
                "health, education and the police as well as in children's social care.",
                ["neglect", "workforce_training"],
                to=["partnership"],
                key="scrD.r1",
            ),
            Rec(
                "Recommendation 2",
                "The LSCB should ensure that the MASH seeks information from health, education "
                "and the police before a threshold decision is made on any contact about a "
                "child who has been known to services before.",
                ["information_sharing", "thresholds_front_door"],
                to=["partnership"],
                key="scrD.r2",
            ),
            Rec(
                "Recommendation 3",
                "The LSCB should produce practice guidance on identifying and engaging fathers "
                "and male carers, including men who are not the child's parent but who live in "
                "or visit the household, and should seek assurance that assessments routinely "
                "include them.",
                ["fathers_male_carers", "assessment_quality"],
                to=["partnership"],
                key="scrD.r3",
            ),
            Rec(
                "Recommendation 4",
                "The LSCB should ask all health agencies to adopt a 'was not brought' policy, so "
                "that a child who misses appointments is followed up as a safeguarding matter "
                "and the GP is informed.",
                ["health_services", "neglect"],
                to=["partnership", "health"],
                key="scrD.r4",
            ),
            Rec(
                "Recommendation 5",
                "The LSCB should relaunch its escalation procedure and make sure that it is "
                "known and used by practitioners in all agencies. In particular the LSCB "
                "should:",
                ["escalation_challenge", "workforce_training", "performance_data_qa"],
                to=["partnership"],
                subitems=[
                    "publish a one-page guide to the escalation procedure for practitioners;",
                    "include the procedure in all multi-agency safeguarding training; and",
                    "audit the use of escalation every year and report the results to the "
                    "Board.",
                ],
                key="scrD.r5",
            ),
            Rec(
                "Recommendation 6",
                "The LSCB should carry out a multi-agency audit of cases of neglect within "
                "twelve months of the publication of this report, to test whether the changes "
                "made in response to this review have improved practice, and should report the "
                "findings of that audit to the Board and to the Eastmere Health and Wellbeing "
                "Board, together with a plan for any further work that the audit shows is "
                "needed.",
                ["neglect", "performance_data_qa", "governance_partnership"],
                to=["partnership"],
                key="scrD.r6",
            ),
        ],
        style="label",
    ),
    H2("Single-agency recommendations"),
    P(
        "Each agency that took part in the review has made recommendations for its own "
        "service. They are set out in the table below and will be monitored by the LSCB "
        "Serious Case Review Subgroup.",
        num="6.2",
    ),
    Table(
        header=["Agency", "Recommendation"],
        widths=[45, 125],
        rows=[
            [
                "Children's Social Care",
                Rec(
                    None,
                    "Managers must ensure that every single assessment of a child who has been "
                    "known to the service before includes a chronology and an analysis of the "
                    "history, and that earlier concerns are not described as historic without "
                    "evidence of lasting change.",
                    ["assessment_quality", "recording", "neglect"],
                    to=["childrens_social_care"],
                    key="scrD.sa1",
                ),
            ],
            [
                "Eastmere Police",
                Rec(
                    None,
                    "Domestic abuse notifications should record every adult present, including "
                    "any partner of the parent, and should be shared with health visiting and "
                    "school nursing through the MASH.",
                    ["domestic_abuse", "information_sharing", "fathers_male_carers"],
                    to=["police"],
                    key="scrD.sa2",
                ),
            ],
            [
                "Eastmere Community Health NHS Trust",
                Rec(
                    None,
                    "The health visiting service should not close a case to the universal "
                    "service after missed contacts without discussing the child with a "
                    "safeguarding supervisor and informing the GP.",
                    ["health_services", "supervision_oversight", "information_sharing"],
                    to=["health"],
                    key="scrD.sa3",
                ),
            ],
            [
                "Eastmere and Ashby CCG",
                Rec(
                    None,
                    "The CCG should ensure that GP practices hold a register of children with "
                    "safeguarding concerns and review it at regular practice safeguarding "
                    "meetings with the health visitor.",
                    ["health_services", "information_sharing"],
                    to=["health"],
                    key="scrD.sa4",
                ),
            ],
            [
                "Eastmere Hospitals NHS Foundation Trust",
                Rec(
                    None,
                    "The emergency department should check the child protection information "
                    "system for every child who attends and record the result of that check.",
                    ["health_services", "information_sharing"],
                    to=["health"],
                    key="scrD.sa5",
                ),
            ],
            [
                "Oakfield Primary School",
                Rec(
                    None,
                    "The school should ensure that all staff know how to use the LSCB "
                    "escalation procedure and that the designated safeguarding lead records "
                    "the outcome of every referral and any disagreement with it.",
                    ["escalation_challenge", "education_schools", "recording"],
                    to=["education"],
                    key="scrD.sa6",
                ),
            ],
            [
                "Eastmere Homes",
                Rec(
                    None,
                    "Housing officers should be trained to recognise neglect during home "
                    "visits and to make a referral to the MASH.",
                    ["neglect", "workforce_training", "thresholds_front_door"],
                    to=["housing"],
                    key="scrD.sa7",
                ),
            ],
        ],
    ),
    PageBreak(),
    H1("Appendix A: Glossary"),
    Bullets(
        [
            "CCG - Clinical Commissioning Group, the body that commissions local health "
            "services, including GP services.",
            "GCP - Graded Care Profile, a tool for assessing the quality of care a child "
            "receives, used to identify and measure neglect.",
            "ICPC - Initial Child Protection Conference.",
            "IMR - Individual Management Review, an agency's own analysis of its involvement.",
            "LSCB - Local Safeguarding Children Board.",
            "MASH - Multi-Agency Safeguarding Hub, the single point of contact for concerns "
            "about children in Eastmere.",
            "Section 47 enquiry - an enquiry by the local authority, under section 47 of the "
            "Children Act 1989, where there is reasonable cause to suspect that a child is "
            "suffering, or is likely to suffer, significant harm.",
            "Strategy discussion - a discussion between children's social care, the police "
            "and other agencies to decide whether to start a section 47 enquiry.",
        ]
    ),
]

DOC = Doc(
    file="eastmere_scr_child-d_2017.pdf",
    doc_type="scr",
    area="Eastmere",
    date="2017-06-14",
    title="Serious Case Review: Child D",
    pseudonym="Child D",
    blocks=blocks,
    short_title="Serious Case Review: Child D",
    header_right=BOARD,
    font="times",
    bullet="-",
    sub_bullet="o",
    body_size=12,
    line_h=6.0,
    title_page=True,
    author="Eastmere LSCB",
    notes=(
        "Core Times font (no Unicode bullets: '-' and 'o'). Title page and a contents page "
        "that lists '6. Recommendations'. Findings are numbered report paragraphs (5.2-5.7) "
        "under '5. Findings and lessons learned'; Board recommendations are 'Recommendation "
        "N:' paragraphs, recommendation 5 has three '-' sub-bullets; single-agency "
        "recommendations are rows of a ruled two-column table (Agency | Recommendation), "
        "number null, addressee from the Agency cell."
    ),
)
