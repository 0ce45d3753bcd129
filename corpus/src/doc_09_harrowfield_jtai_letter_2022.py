
"""Fictional JTAI letter: criminal exploitation, Harrowfield, May 2022."""

from dsl import AFI, H1, H2, Doc, Good, Item, Items, Label, P, Spacer

TITLE = (
    "Joint targeted area inspection of the multi-agency response to children at risk of "
    "criminal exploitation in Harrowfield"
)

blocks = [
    P("Ofsted  |  Care Quality Commission  |  HMICFRS  |  HMI Probation", style="B", size=10,
      align="L"),
    Spacer(3),
    P("24 June 2022", align="L"),
    P(
        "Mr Paul Denholm, Director of Children's Services, Harrowfield City Council\n"
        "Ms Farah Qureshi, Accountable Officer, NHS Harrowfield Clinical Commissioning Group\n"
        "Chief Constable Ian Marsh, Harrowfield Police\n"
        "Mr Owen Pryce, Head of Harrowfield Youth Justice Service\n"
        "Mrs Lorna Haines, Independent Scrutineer, Harrowfield Safeguarding Children "
        "Partnership",
        align="L",
    ),
    Label(TITLE),
    P(
        "Between 9 and 13 May 2022, Ofsted, the Care Quality Commission (CQC), Her Majesty's "
        "Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) and Her Majesty's "
        "Inspectorate of Probation (HMI Probation) carried out a joint inspection of the "
        "multi-agency response to children at risk of criminal exploitation in Harrowfield."
    ),
    P(
        "This letter to all the agencies involved sets out the inspectorates' findings. It "
        "includes a detailed 'deep dive' into the experiences of children at risk of, or "
        "subject to, criminal exploitation, including children who go missing and children "
        "who are not in school. Inspectors looked at the work of the local authority, health "
        "services, the police, the youth justice service and schools, and at the leadership of "
        "the Harrowfield Safeguarding Children Partnership."
    ),
    H1("Headline findings"),
    P(
        "Leaders in Harrowfield understand the risks to children from criminal exploitation "
        "and have made this a shared priority. The partnership has invested in a specialist "
        "team and in a daily meeting about children who go missing, and many children now "
        "receive a quicker and better-coordinated response than they did two years ago."
    ),
    P(
        "However, the partnership does not yet have a complete picture of exploitation across "
        "the city. Information held by health services and schools is not consistently "
        "brought together with police intelligence, and the quality of work with children "
        "varies between the specialist team and locality teams. Some children are still "
        "treated as offenders rather than as victims."
    ),
    H1("Strengths"),
    Items(
        [
            Good(
                "Leaders across the partnership share a clear understanding of criminal "
                "exploitation and have invested in a specialist exploitation team, the "
                "Harrowfield Horizon team.",
                ["cce", "governance_partnership"],
                key="jtai.g1",
            ),
            Good(
                "Youth workers and youth justice practitioners build trusting relationships with "
                "children, which helps children to talk about the risks they face.",
                ["voice_of_child", "cce"],
                key="jtai.g2",
            ),
            Good(
                "The daily missing and exploitation meeting makes sure that the police and "
                "children's social care share information quickly about children who go "
                "missing.",
                ["missing", "information_sharing"],
                key="jtai.g3",
            ),
            Good(
                "Staff in the emergency department at Harrowfield Royal Infirmary routinely ask "
                "young people with injuries about exploitation and make prompt referrals.",
                ["health_services", "cce", "thresholds_front_door"],
                key="jtai.g4",
            ),
        ],
        style="bullet",
    ),
    H1("Areas for improvement"),
    P(
        "The inspectorates found the following areas for improvement. The safeguarding "
        "partners should make sure that they are addressed by each agency.",
        align="L",
    ),
    H2("Harrowfield Safeguarding Children Partnership"),
    Items(
        [
            AFI(
                "The understanding of the scale of criminal exploitation across Harrowfield, "
                "including the use of data from all partners to identify places and adults "
                "who pose a risk to children.",
                ["cce", "performance_data_qa"],
                to=["partnership"],
                key="jtai.a1",
            ),
            AFI(
                "Oversight by the safeguarding partners of the impact of the exploitation "
                "strategy on children's outcomes.",
                ["governance_partnership", "cce"],
                to=["partnership"],
                key="jtai.a2",
            ),
        ],
        style="bullet",
    ),
    H2("Children's social care"),
    Items(
        [
            AFI(
                "The quality of return home interviews, and the use of the information from "
                "them to update children's safety plans.",
                ["missing", "assessment_quality"],
                to=["childrens_social_care"],
                key="jtai.a3",
            ),
            AFI(
                "The consistency of management oversight of children's plans when children move "
                "between the Horizon team and locality teams.",
                ["supervision_oversight", "transitions", "cce"],
                to=["childrens_social_care"],
                key="jtai.a4",
            ),
        ],
        style="bullet",
    ),
    H2("Harrowfield Police"),
    Items(
        [
            AFI(
                "The use of disruption tactics against adults who exploit children, and the "
                "recording of children as victims rather than offenders.",
                ["cce", "recording"],
                to=["police"],
                key="jtai.a5",
            ),
            AFI(
                "The timeliness with which intelligence about exploitation is shared with "
                "children's social care before strategy meetings.",
                ["information_sharing", "strategy_s47", "cce"],
                to=["police"],
                key="jtai.a6",
            ),
        ],
        style="bullet",
    ),
    H2("Health partners"),
    Items(
        [
            AFI(
                "The identification of children at risk of exploitation by GPs and sexual "
                "health services, and the sharing of that information with the MASH.",
                ["health_services", "information_sharing", "cce"],
                to=["health"],
                key="jtai.a7",
            ),
            AFI(
                "Access to timely CAMHS support for children who are being exploited, including "
                "children in custody.",
                ["child_mental_health", "cce"],
                to=["health"],
                key="jtai.a8",
            ),
        ],
        style="bullet",
    ),
    H2("Youth justice service"),
    Items(
        [
            AFI(
                "The inclusion of exploitation risk in youth justice assessments and plans for "
                "children who receive out-of-court disposals.",
                ["cce", "assessment_quality"],
                to=["youth_justice"],
                key="jtai.a9",
            ),
        ],
        style="bullet",
    ),
    H2("Schools and education"),
    Items(
        [
            AFI(
                "The consideration of exploitation risk before a child is permanently excluded "
                "or moved to alternative provision, and the sharing of information when a child "
                "moves school.",
                ["education_schools", "cce", "transitions"],
                to=["education"],
                key="jtai.a10",
            ),
        ],
        style="bullet",
    ),
    H1("The multi-agency response to children at risk of criminal exploitation"),
    P(
        "When concerns about exploitation are first raised, the MASH responds quickly. Police, "
        "health and children's social care staff work side by side and most decisions are "
        "made on the same day. Strategy meetings for children at risk of exploitation are "
        "well attended, but police intelligence is often shared verbally at the meeting "
        "rather than in advance, which limits the quality of planning."
    ),
    P(
        "The Horizon team provides a skilled and persistent service to the children it works "
        "with. Practitioners are creative in finding ways to stay in touch with children who "
        "are reluctant to engage, and plans take account of the places and people that pose "
        "a risk. When children move to locality teams, plans are sometimes not updated and "
        "managers do not always check that agreed actions have been completed."
    ),
    P(
        "Return home interviews are offered to all children who go missing. Too many are "
        "short and do not explore where the child has been or who they were with, and the "
        "information is not routinely passed to the police or used to update the child's "
        "safety plan."
    ),
    P(
        "Health practitioners in the emergency department and in school nursing are alert to "
        "the signs of exploitation. GPs and sexual health services make few referrals, and "
        "their records rarely show that exploitation has been considered. Children who are "
        "being exploited wait too long for CAMHS support, and there is no agreed pathway for "
        "children in custody."
    ),
    P(
        "Schools value the training they have received from the Horizon team. However, "
        "decisions to exclude children permanently or to move them to alternative provision "
        "are not consistently informed by what other agencies know about the risk of "
        "exploitation, and information does not always follow the child to the new "
        "setting."
    ),
    H1("Case study: highly vulnerable child"),
    P(
        "Jordan is 15. He was first reported missing at the age of 13, when he was found in a "
        "flat in another town with two adults who were later convicted of drug supply. Since "
        "then he has been reported missing 22 times. Jordan's current social worker, youth "
        "worker and youth justice officer know him well and he trusts them. His safety plan "
        "is detailed and is reviewed after every missing episode."
    ),
    P(
        "However, for the first year of his involvement with services, Jordan was seen mainly "
        "as a young person who was offending. Police records described him as 'associating "
        "with known drug dealers' rather than as a child at risk of exploitation. He was "
        "excluded from two schools, and his move to alternative provision was not discussed "
        "with children's social care. His mother asked for help on several occasions and "
        "said that she felt blamed."
    ),
    P(
        "Jordan told inspectors that things changed when 'someone finally listened'. He now "
        "attends a college course three days a week and has not been reported missing for "
        "four months."
    ),
    H1("Next steps"),
    P(
        [
            Item(
                "next_step",
                "The local authority should prepare a written statement of proposed action, on "
                "behalf of all the agencies, responding to this letter. The statement should be "
                "sent to Ofsted by 5 October 2022 and will be shared with the other "
                "inspectorates.",
                ["governance_partnership"],
                to=["childrens_social_care"],
            )
        ]
    ),
    P("Yours sincerely", align="L"),
    P(
        "Ofsted: Yvonne Barlow, Director, Social Care\n"
        "Care Quality Commission: Daniel Hirst, Head of Inspection\n"
        "HMICFRS: Grace Odell, HM Inspector of Constabulary\n"
        "HMI Probation: Simon Trent, HM Inspector of Probation",
        align="L",
    ),
]

DOC = Doc(
    file="harrowfield_jtai-letter_2022.pdf",
    doc_type="jtai_letter",
    area="Harrowfield",
    date="2022-05-09",
    title=TITLE,
    pseudonym=None,
    blocks=blocks,
    short_title="JTAI: criminal exploitation, Harrowfield",
    header_right="9-13 May 2022",
    font="dejavu",
    bullet="\u2022",
    body_size=10.5,
    line_h=5.6,
    author="Ofsted",
    first_page_header=False,
    notes=(
        "Joint letter from four inspectorates. '\u2022' bullets: four under 'Strengths' "
        "(good_practice); ten under 'Areas for improvement', grouped by agency sub-headings "
        "(subheading = agency; addressees from it). The case study is not an item; the "
        "'Next steps' paragraph ('The local authority should prepare a written statement "
        "...') is one next_step item, as in real JTAI letters. date = first day of the inspection (letter dated 24 June 2022)."
    ),
)
