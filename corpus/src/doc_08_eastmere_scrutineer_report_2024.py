# ruff: noqa: ISC004  (long prose is split into implicitly concatenated strings)
"""Fictional Independent Scrutineer's annual report to a council committee (2024).

Recommendations are written in running text inside numbered paragraphs.
"""

from dsl import H1, Bullets, Doc, Finding, P, Rec, Table

ESCP = "Eastmere Safeguarding Children Partnership"

blocks = [
    P("Eastmere Borough Council", style="B", size=15, align="L"),
    P("Children and Young People Scrutiny Committee", style="B", size=12, align="L"),
    Table(
        header=["Date of meeting", "19 November 2024"],
        widths=[50, 120],
        rows=[
            ["Report title", "Independent Scrutineer's Annual Report 2023-24: " + ESCP],
            ["Report of", "Independent Scrutineer, " + ESCP],
            ["Wards affected", "All"],
            ["Key decision", "No"],
            ["Contact officer", "ESCP Business Manager, Civic Centre, Eastmere"],
        ],
    ),
    H1("Recommendation"),
    P(
        [
            Rec(
                None,
                "That the Committee note the findings of the Independent Scrutineer's annual "
                "report for 2023-24, the progress made by the safeguarding partners and the "
                "priorities for 2024-25 set out in section 6.",
                ["governance_partnership"],
                to=["partnership"],
                key="isr.c1",
            )
        ],
        align="L",
    ),
    H1("1. Introduction"),
    P(
        "This is my second annual report as Independent Scrutineer of the Eastmere "
        "Safeguarding Children Partnership (ESCP). It covers the period from 1 April 2023 to "
        "31 March 2024 and gives my view of how well the three safeguarding partners - "
        "Eastmere Borough Council, NHS Eastmere and Ashby Integrated Care Board and Eastmere "
        "Police - are working together, with schools and other relevant agencies, to keep "
        "children safe.",
        num="1.1",
    ),
    P(
        "My assessment draws on attendance at the ESCP Executive and its subgroups, multi-"
        "agency audits, the partnership's performance data, two visits to the MASH, and "
        "conversations with practitioners, young people and parents. I have also considered "
        "the Ofsted focused visit in 2020 and the partnership's response to it.",
        num="1.2",
    ),
    P(
        "Working Together to Safeguard Children expects independent scrutiny to provide "
        "assurance that the arrangements are effective, and to support a culture of "
        "challenge and learning. I have tried to do both in this report.",
        num="1.3",
    ),
    H1("2. The safeguarding partnership arrangements"),
    P(
        "The Executive meets every two months and is well attended by senior leaders from "
        "all three partners. Decision-making is clearer than last year, and the business unit "
        "has been brought up to full strength. The partnership's priorities for 2023-24 "
        "were:",
        num="2.1",
    ),
    Bullets(
        [
            "neglect, including the relaunch of the neglect strategy;",
            "babies and pre-birth assessment, following the Baby L review;",
            "child exploitation and children missing from home and education; and",
            "children's emotional wellbeing and mental health.",
        ]
    ),
    P(
        "The Quality and Improvement in Practice (QIP) subgroup monitors the implementation "
        "of recommendations from reviews through a single action tracker. At the end of March "
        "2024 the tracker held 34 actions, of which 19 were recorded as complete.",
        num="2.2",
    ),
    P(
        "Schools are represented on the Executive through two head teachers, and the "
        "Education Safeguarding Team reports that 96% of schools returned their annual "
        "safeguarding audit. Engagement of GP practices remains the weakest part of the "
        "arrangements.",
        num="2.3",
    ),
    H1("3. Learning from reviews"),
    P(
        "During the year the ESCP held three Rapid Reviews, published one LCSPR (Baby L, "
        "March 2023) and started a thematic review of child criminal exploitation. The "
        "partnership's decisions on whether to hold a review were timely and were accepted "
        "by the National Panel in every case.",
        num="3.1",
    ),
    P(
        "The Baby L review was thorough and has been well disseminated: the 7-minute briefing "
        "was downloaded more than 900 times, and learning events were held for midwives, "
        "health visitors and MASH staff.",
        num="3.2",
    ),
    P(
        [
            # a finding reported in running text ("... review found that ...")
            Finding(
                None,
                "The Baby L review found that the pre-birth protocol was not applied when an older "
                "child had been on a child protection plan.",
                ["pre_birth"],
            ),
            " Training has been delivered, but the "
            "planned audit of referrals about unborn babies has been postponed twice. ",
            Rec(
                "3.3",
                "The partnership should ensure that the learning from the Baby L review about "
                "the pre-birth protocol is tested through a multi-agency audit of referrals "
                "about unborn babies before the end of March 2025.",
                ["pre_birth", "performance_data_qa"],
                to=["partnership"],
                key="isr.r1",
            ),
        ],
        num="3.3",
    ),
    P(
        [
            "I am concerned that several findings of the Baby L review repeat learning from the "
            "Child D serious case review in 2017, in particular about neglect, information "
            "sharing and the men in a child's life. The actions that followed the 2017 review "
            "were recorded on the tracker as complete in 2018 and 2019, but there was no later "
            "test of whether practice had changed. ",
            Rec(
                "3.4",
                "It is recommended that the QIP subgroup does not close any action on the "
                "tracker until there is evidence of its impact on practice, and that actions "
                "on neglect and on fathers and male carers closed since 2017 are reopened and "
                "reviewed.",
                ["governance_partnership", "performance_data_qa"],
                to=["partnership"],
                key="isr.r2",
            ),
        ],
        num="3.4",
    ),
    P(
        [
            "The Rapid Review for Child T, a 15-year-old who was stabbed in July 2023, showed "
            "how permanent exclusion had removed him from the adults who knew him best. ",
            Rec(
                "3.5",
                "The partnership should ensure that children who are excluded from school, or "
                "at risk of exclusion, are screened for exploitation risk, and that alternative "
                "provision settings take part in exploitation strategy meetings.",
                ["cce", "education_schools", "multi_agency_working"],
                to=["partnership", "education"],
                key="isr.r3",
            ),
            " The thematic review will report in the spring.",
        ],
        num="3.5",
    ),
    H1("4. Multi-agency practice"),
    P(
        "The MASH is well led and most decisions are timely. The proportion of contacts that "
        "become referrals has fallen from 41% to 33%, which is closer to similar areas. "
        "Practitioners told me that they value the health and education staff who now work "
        "in the MASH.",
        num="4.1",
    ),
    P(
        [
            "Use of the Graded Care Profile 2 has increased in children's social care and "
            "health visiting, but schools completed only 12 assessments in the year and the "
            "police none. The neglect strategy expired in 2022 and has not yet been replaced. ",
            Rec(
                "4.2",
                "The partnership should ensure that the neglect strategy is refreshed and that "
                "the Graded Care Profile 2 is used by all partners, including schools.",
                ["neglect", "education_schools"],
                to=["partnership"],
                key="isr.r4",
            ),
        ],
        num="4.2",
    ),
    P(
        "Strategy discussions now include health in most cases, which was an area for "
        "priority action in the Ofsted focused visit. Education representation is still "
        "inconsistent, particularly during school holidays.",
        num="4.3",
    ),
    P(
        [
            "Information sharing at the front door still depends on individual relationships. "
            "Health and education staff in the MASH use different systems and work under "
            "different agreements, and information from GP practices is often not available "
            "on the day a decision is made. ",
            Rec(
                "4.4",
                "It is recommended that the safeguarding partners agree a single "
                "information-sharing agreement for the MASH, so that health and education "
                "information is available before threshold decisions are made.",
                ["information_sharing", "thresholds_front_door"],
                to=["partnership"],
                key="isr.r5",
            ),
        ],
        num="4.4",
    ),
    P(
        "Young people I met through the Children in Care Council spoke warmly about their "
        "social workers, but said that they had to repeat their stories to too many "
        "professionals. I have shared their views with the Executive.",
        num="4.5",
    ),
    P(
        [
            "Waiting times for CAMHS assessment have risen to an average of 26 weeks. Schools "
            "told me that they are often not told when a referral has not been accepted, which "
            "was also a finding of the Siblings M and N review in 2019. ",
            Rec(
                "4.6",
                "Partners should ensure that children waiting for a CAMHS assessment are "
                "offered support while they wait, and that schools are told when a referral is "
                "not accepted.",
                ["child_mental_health", "health_services", "education_schools"],
                to=["health", "education"],
                key="isr.r6",
            ),
        ],
        num="4.6",
    ),
    H1("5. Quality assurance and impact"),
    P(
        "The QIP subgroup completed four multi-agency audits during the year: domestic abuse "
        "and children under five; strategy discussions; children missing from education; and "
        "neglect in families with children under two. Each audit was carried out jointly by "
        "practitioners from at least three agencies and reported to the Executive with a "
        "short action plan.",
        num="5.1",
    ),
    P(
        "The audits found good practice in the response to domestic abuse, where the MARAC "
        "and the MASH share information well and children's experiences are clearly "
        "recorded. The neglect audit was less positive: in five of the twelve families the "
        "Graded Care Profile 2 had not been used, and in three the plan had ended on the "
        "basis of what parents reported rather than on observed change.",
        num="5.2",
    ),
    P(
        "The section 11 audit was completed by all statutory agencies and by 14 voluntary "
        "sector organisations. Most agencies rated themselves as good, but few were able to "
        "show evidence of the impact of their training on practice. The partnership's "
        "challenge events, at which agencies present their returns to their peers, were the "
        "most useful part of the process.",
        num="5.3",
    ),
    P(
        "The partnership's performance report to the Executive has improved and now "
        "includes health and police data alongside children's social care data. It still "
        "describes activity (numbers of contacts, meetings and training places) rather than "
        "outcomes for children. I have discussed with the partners how the report could "
        "include the views of children and families and the findings of audits.",
        num="5.4",
    ),
    P(
        "Training remains a strength. The multi-agency training programme reached 1,460 "
        "practitioners during the year, and the courses on the pre-birth protocol and on "
        "engaging fathers and male carers were oversubscribed. Evaluation at three months "
        "is now routine for the core courses.",
        num="5.5",
    ),
    H1("6. Priorities for 2024-25"),
    P("The partners have agreed the following priorities for 2024-25:", num="6.1"),
    Bullets(
        [
            "Neglect: a new neglect strategy and consistent use of the Graded Care Profile 2.",
            "Babies: embedding the pre-birth protocol and the bruising protocol.",
            "Exploitation: completing the thematic review and acting on its findings.",
            "Impact: moving from recording actions as complete to showing what has changed "
            "for children.",
        ]
    ),
    H1("7. Conclusion"),
    P(
        "The safeguarding partners in Eastmere work well together and are open to challenge. "
        "The test for the coming year is whether the partnership can show that its learning "
        "changes practice, so that the same findings do not recur in future reviews.",
        num="7.1",
    ),
    P("Independent Scrutineer, Eastmere Safeguarding Children Partnership, October 2024",
      style="I", align="L"),
]

DOC = Doc(
    file="eastmere_scrutineer-annual-report_2024.pdf",
    doc_type="scrutiny_report",
    area="Eastmere",
    date="2024-11-19",
    title="Independent Scrutineer's Annual Report 2023-24",
    pseudonym=None,
    blocks=blocks,
    short_title="Independent Scrutineer's Annual Report 2023-24",
    header_right=ESCP,
    font="dejavu",
    bullet="\uf0b7",
    sub_bullet="o",
    body_size=10.5,
    line_h=5.6,
    title_page=False,
    footer_left="OFFICIAL",
    author="Independent Scrutineer",
    notes=(
        "Committee report: a cover table, then 'Recommendation' with one running-text "
        "recommendation 'That the Committee note ...' (number null). Other recommendations "
        "are single sentences inside numbered paragraphs (number = paragraph number) that "
        "begin 'The partnership should ensure that', 'It is recommended that' or 'Partners "
        "should ensure that'; the item text is that sentence only (3.5 continues with a "
        "narrative sentence that is not part of the item). The priorities bullets in "
        "section 6 are not items. Bullets are U+F0B7."
    ),
)
