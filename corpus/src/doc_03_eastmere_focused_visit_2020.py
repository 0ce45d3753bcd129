
"""Fictional Ofsted focused-visit letter to Eastmere (visit 11-12 February 2020)."""

from dsl import AFI, H1, Doc, Good, Items, Label, P, PriorityAction, Spacer

blocks = [
    P("Ofsted", style="B", size=22, align="L"),
    P(
        "Regional Office, Meridian House, Lanthorn Way, Northgate NG9 4XQ",
        size=8.5, align="L",
    ),
    Spacer(4),
    P("10 March 2020", align="L"),
    P(
        "Ms Helen Carver\nDirector of Children's Services\nEastmere Borough Council\n"
        "Civic Centre, Market Street\nEastmere EM1 2AB",
        align="L",
    ),
    P("Dear Ms Carver", align="L"),
    Label("Focused visit to Eastmere children's services"),
    P(
        "This letter summarises the findings of the focused visit to Eastmere children's "
        "services on 11 and 12 February 2020. Her Majesty's Inspectors for this visit were "
        "Jane Abbot and Marcus Reid."
    ),
    P(
        "Inspectors looked at the local authority's arrangements for contacts and referrals, "
        "including the multi-agency safeguarding hub (MASH), strategy discussions and the "
        "response to children who need help and protection out of hours. They paid "
        "particular attention to the experiences of children living with neglect, because "
        "this was an area for improvement at the last inspection."
    ),
    P(
        "Inspectors spoke to social workers, managers and partner agencies in the MASH, "
        "looked at the records of 47 children, and considered the local authority's own "
        "performance information, audits and self-evaluation."
    ),
    H1("Headline findings"),
    P(
        "Since the last inspection, senior leaders have strengthened the front door. The MASH "
        "now has police, health and education staff on site, and most children receive a "
        "timely response when concerns about them are first raised. However, practice is not "
        "yet consistent. Some children with similar needs receive a different response "
        "depending on who makes the decision, and the reasons for decisions are not always "
        "recorded."
    ),
    P(
        "Leaders know where practice needs to improve. Their self-evaluation is accurate and "
        "the quality assurance framework gives them a clear line of sight to frontline "
        "practice. Plans to improve the response to neglect are in place but have not yet had "
        "enough impact."
    ),
    H1("Areas for priority action"),
    Items(
        [
            PriorityAction(
                "The quality and timeliness of strategy discussions, so that police, health and "
                "education always contribute and the reasons for decisions about section 47 "
                "enquiries are clearly recorded.",
                ["strategy_s47", "multi_agency_working", "recording"],
                to=["childrens_social_care"],
                key="fv.p1",
            ),
        ],
        style="bullet",
    ),
    H1("Areas for improvement"),
    Items(
        [
            AFI(
                "The consistency of threshold decisions in the MASH, so that children with "
                "similar needs receive a similar response.",
                ["thresholds_front_door"],
                to=["childrens_social_care"],
                key="fv.a1",
            ),
            AFI(
                "The use of the neglect toolkit, including the Graded Care Profile 2, to inform "
                "assessments of children living with chronic neglect.",
                ["neglect", "assessment_quality"],
                to=["childrens_social_care"],
                key="fv.a2",
            ),
            AFI(
                "The timeliness of requests for information from partner agencies, particularly "
                "health and schools, before decisions are made about contacts.",
                ["information_sharing", "thresholds_front_door"],
                to=["childrens_social_care"],
                key="fv.a3",
            ),
            AFI(
                "Management oversight of decisions at the front door, and the recording of the "
                "reasons for those decisions.",
                ["supervision_oversight", "recording", "thresholds_front_door"],
                to=["childrens_social_care"],
                key="fv.a4",
            ),
            AFI(
                "The quality of return home interviews for children who go missing, and how "
                "the information from them is used in safety planning.",
                ["missing", "assessment_quality"],
                to=["childrens_social_care"],
                key="fv.a5",
            ),
        ],
        style="bullet",
    ),
    H1("Main findings"),
    P(
        "Contacts about children are screened promptly by qualified social workers. Parental "
        "consent is appropriately sought or overridden. When children are at immediate risk, "
        "the response is swift and proportionate, and children are seen quickly."
    ),
    P(
        "In a small number of cases, contacts about children who were already known to the "
        "service were closed with no further action, although the information suggested a "
        "pattern of neglect. In these cases the history was not considered and information "
        "from schools and health visitors had not been requested. Inspectors asked the local "
        "authority to review three children's cases, and this was done during the visit."
    ),
    P(
        "Strategy discussions are held for children who may be at risk of significant harm, "
        "but too many take place between the social worker and the police only. Health "
        "professionals and schools are rarely invited, even when they know the child well. "
        "The records of some strategy discussions do not explain why a section 47 enquiry "
        "was or was not started."
    ),
    P(
        "The local authority relaunched its neglect strategy in 2018 and introduced the "
        "Graded Care Profile 2. Social workers have been trained, and where the tool is used "
        "it helps families to understand what needs to change. However, it is used in less "
        "than a third of the cases where neglect is the main concern, and it is rarely "
        "repeated to measure whether children's circumstances have improved."
    ),
    P(
        "Children who go missing are offered return home interviews, and most are completed "
        "within 72 hours. The quality of the interviews varies, and the information gathered "
        "is not consistently used to update safety plans or shared with the police."
    ),
    P(
        "Managers in the MASH are visible and supportive. Staff receive regular supervision, "
        "but management decisions on case records are often brief and do not show what "
        "options were considered."
    ),
    H1("Strengths"),
    P("Inspectors identified the following strengths:", align="L"),
    Items(
        [
            Good(
                "Social workers in the MASH are experienced and speak to children directly when "
                "it is safe to do so, so that children's views inform decisions.",
                ["voice_of_child", "thresholds_front_door"],
                key="fv.g1",
            ),
            Good(
                "The emergency duty team responds promptly out of hours and shares information "
                "with the daytime service by the next working day.",
                ["information_sharing", "thresholds_front_door"],
                key="fv.g2",
            ),
            Good(
                "Caseloads in the assessment teams have reduced, and social workers say that "
                "they receive regular and helpful supervision.",
                ["workforce_training", "supervision_oversight"],
                key="fv.g3",
            ),
        ],
        style="bullet",
    ),
    P(
        "Ofsted will take the findings from this focused visit into account when planning "
        "your next inspection or visit."
    ),
    P("Yours sincerely", align="L"),
    P("Jane Abbot\nHer Majesty's Inspector", align="L"),
]

DOC = Doc(
    file="eastmere_ofsted-focused-visit-letter_2020.pdf",
    doc_type="focused_visit",
    area="Eastmere",
    date="2020-02-11",
    title="Focused visit to Eastmere children's services",
    pseudonym=None,
    blocks=blocks,
    short_title="Focused visit to Eastmere children's services",
    header_right="11 and 12 February 2020",
    font="dejavu",
    bullet="\u25fc",
    body_size=11,
    line_h=6.0,
    title_page=False,
    author="Ofsted",
    first_page_header=False,
    notes=(
        "Letter to the Director of Children's Services. Items are '\u25fc' bullets: one under "
        "'Areas for priority action' (priority_action) and five under 'Areas for improvement' "
        "(area_for_improvement), three under 'Strengths' after the lead-in 'Inspectors "
        "identified the following strengths:' (good_practice). Narrative paragraphs under "
        "'Headline findings' and 'Main findings' are not items. date = first day of the visit "
        "(the letter is dated 10 March 2020)."
    ),
)
