# ruff: noqa: ISC004  (long prose is split into implicitly concatenated strings)
"""Fictional Rapid Review notes (DOCX, Word template look): Baby L, Eastmere, 2021."""

from dsl import H1, Action, Bullets, Doc, Items, Learning, P, Table, TitlePage

blocks = [
    TitlePage(
        lines=[
            ("OFFICIAL-SENSITIVE: not for publication", 10, "B"),
            ("Eastmere Safeguarding Children Partnership", 12, "B"),
            ("Rapid Review: Baby L", 26, "T"),
        ]
    ),
    Table(
        header=["Information required", "Response"],
        rows=[
            ["Child's name (pseudonym)", "Baby L"],
            ["Age at time of incident", "11 weeks"],
            ["Date of incident", "2 November 2021"],
            ["Date of notification to the Child Safeguarding Practice Review Panel",
             "4 November 2021"],
            ["Date of Rapid Review meeting", "17 November 2021"],
            ["Local authority", "Eastmere Borough Council"],
            ["Safeguarding partnership", "Eastmere Safeguarding Children Partnership (ESCP)"],
            ["Chair of the Rapid Review",
             "Designated Nurse for Safeguarding Children, NHS Eastmere and Ashby CCG"],
            ["Agencies represented",
             "Children's Social Care (MASH and Early Help); Eastmere Police; Eastmere Hospitals "
             "NHS Foundation Trust (maternity and paediatrics); Eastmere Community Health NHS "
             "Trust (health visiting); GP practice (represented by the CCG); Kingsbridge Vale "
             "Police (information only)"],
        ],
    ),
    H1("1. Summary of the incident"),
    P(
        "On 2 November 2021 Baby L, aged 11 weeks, was taken by ambulance to Eastmere General "
        "Hospital after his mother's partner, Mr K, called 999 to say that Baby L had stopped "
        "breathing after a feed. A CT scan showed a skull fracture and bleeding on the brain, "
        "and a skeletal survey identified three healing rib fractures. The treating "
        "paediatrician considers the injuries to be non-accidental. Baby L has been "
        "discharged to foster care. The police investigation is continuing and both adults "
        "have been interviewed under caution. Baby L's half-sister, S, aged 6, is living with "
        "her maternal grandmother under a child arrangements order."
    ),
    H1("2. Background and agency involvement"),
    P(
        "S was subject to a child protection plan under the category of neglect from March "
        "2018 to November 2019. The plan ended when home conditions and S's school attendance "
        "improved, and the family received early help until May 2020."
    ),
    P(
        "The mother booked late for antenatal care, at 24 weeks. The midwife knew about the "
        "previous plan and made a referral to the MASH at 28 weeks. The MASH decided to take "
        "no further action and to recommend early help, because the case had been closed for "
        "nearly two years and the mother said that she had a supportive new partner. A "
        "pre-birth assessment was not started."
    ),
    P(
        "Mr K moved into the home in July 2021. He was known to Kingsbridge Vale Police for "
        "violence towards a previous partner and her child. This information was not known to "
        "any agency in Eastmere until after the incident, because checks were limited to "
        "Eastmere Police systems."
    ),
    P(
        "The health visitor carried out the new birth visit when Baby L was 12 days old. Mr K "
        "was present but was not spoken to, and coping-with-crying and safe handling (ICON) "
        "advice was given to the mother only. The mother later told the police that Mr K did "
        "most of the night feeds because she was 'exhausted'."
    ),
    H1("3. Immediate learning"),
    Items(
        [
            Learning(
                "The MASH decision not to progress the midwife's referral was made without "
                "applying the pre-birth protocol, although S had been subject to a child "
                "protection plan within the previous two years.",
                ["pre_birth", "thresholds_front_door"],
                key="rrL.i1",
            ),
            Learning(
                "Coping-with-crying and safe handling (ICON) advice was given to the mother "
                "only; Mr K, who was the main carer at night, did not receive it.",
                ["infant_injury", "fathers_male_carers"],
                key="rrL.i2",
            ),
            Learning(
                "Police checks on Mr K were limited to Eastmere Police systems, so his history "
                "in Kingsbridge Vale was not known.",
                ["information_sharing", "fathers_male_carers"],
                key="rrL.i3",
            ),
        ],
        style="bullet",
    ),
    H1("4. Learning identified"),
    Items(
        [
            Learning(
                "Neglect of an older sibling is a risk factor for a new baby and should be "
                "considered in every pre-birth assessment, even where the earlier plan has "
                "ended.",
                ["neglect", "pre_birth"],
                key="rrL.l1",
            ),
            Learning(
                "Professionals did not ask who else was living in or visiting the home; the "
                "men in Baby L's life were not assessed.",
                ["fathers_male_carers", "professional_curiosity"],
                key="rrL.l2",
            ),
            Learning(
                "Information held by different agencies about Mr K was not brought together, "
                "and the health visitor did not know about the previous child protection plan "
                "when she visited.",
                ["information_sharing"],
                key="rrL.l3",
            ),
            Learning(
                "The midwife disagreed with the MASH decision but did not escalate it, and the "
                "escalation procedure was not seen as applying to decisions about unborn "
                "babies.",
                ["escalation_challenge", "pre_birth"],
                key="rrL.l4",
            ),
            Learning(
                "The learning echoes the Child D serious case review (2017), particularly about "
                "neglect, information sharing and the men in the household.",
                ["neglect", "information_sharing", "fathers_male_carers"],
                key="rrL.l5",
            ),
        ],
        style="bullet",
    ),
    H1("5. Actions"),
    P("The partners agreed the following actions at the meeting."),
    Table(
        header=["No.", "Action", "Lead agency", "Timescale"],
        rows=[
            [
                "1",
                Action(
                    "1",
                    "Remind all MASH staff and managers of the pre-birth protocol, including the "
                    "requirement to start a pre-birth assessment where a sibling has been "
                    "subject to a child protection plan within the last two years.",
                    ["pre_birth", "thresholds_front_door"],
                    to=["childrens_social_care"],
                    key="rrL.a1",
                ),
                "Children's Social Care",
                "Immediate (completed 19 November 2021)",
            ],
            [
                "2",
                Action(
                    "2",
                    "Give ICON coping-with-crying advice to fathers and male carers at the new "
                    "birth visit, and record who received it.",
                    ["infant_injury", "fathers_male_carers", "health_services"],
                    to=["health"],
                    key="rrL.a2",
                ),
                "Eastmere Community Health NHS Trust",
                "31 January 2022",
            ],
            [
                "3",
                Action(
                    "3",
                    "Agree a process for the MASH to request police information from other force "
                    "areas when a new adult joins a household.",
                    ["information_sharing", "thresholds_front_door"],
                    to=["police"],
                    key="rrL.a3",
                ),
                "Eastmere Police",
                "31 March 2022",
            ],
            [
                "4",
                Action(
                    "4",
                    "Add a prompt to the midwifery booking record to ask about the baby's father "
                    "and any other adults living in the home.",
                    ["pre_birth", "fathers_male_carers"],
                    to=["health"],
                    key="rrL.a4",
                ),
                "Eastmere Hospitals NHS Foundation Trust",
                "28 February 2022",
            ],
            [
                "5",
                Action(
                    "5",
                    "Brief midwives and health visitors on the ESCP escalation procedure and how "
                    "it applies to decisions about unborn babies.",
                    ["escalation_challenge", "pre_birth", "workforce_training"],
                    to=["partnership"],
                    key="rrL.a5",
                ),
                "ESCP Business Unit",
                "31 March 2022",
            ],
            [
                "6",
                Action(
                    "6",
                    "Commission a Local Child Safeguarding Practice Review.",
                    ["governance_partnership"],
                    to=["partnership"],
                    key="rrL.a6",
                ),
                "Safeguarding partners",
                "Terms of reference by 10 December 2021",
            ],
        ],
    ),
    H1("6. Decision"),
    P(
        "The safeguarding partners agreed that the criteria for a Local Child Safeguarding "
        "Practice Review are met. Baby L has been seriously harmed, abuse is suspected, and "
        "the case raises issues about the pre-birth protocol, the assessment of men in the "
        "household and information sharing across force areas that may be relevant to "
        "other children in Eastmere."
    ),
    Bullets(
        [
            "Decision: an LCSPR will be carried out.",
            "The decision and this Rapid Review will be sent to the National Panel by 24 "
            "November 2021.",
            "Parallel processes: police investigation; care proceedings for Baby L.",
        ]
    ),
    P("Signed on behalf of the safeguarding partners: Director of Children's Services; "
      "Chief Nurse, NHS Eastmere and Ashby CCG; Detective Chief Superintendent, Eastmere "
      "Police. Date: 19 November 2021."),
]

DOC = Doc(
    file="eastmere_rapid-review_baby-l_2021.docx",
    doc_type="rapid_review",
    area="Eastmere",
    date="2021-11-17",
    title="Rapid Review: Baby L",
    pseudonym="Baby L",
    blocks=blocks,
    short_title="OFFICIAL-SENSITIVE | Rapid Review: Baby L | ESCP",
    author="ESCP Business Unit",
    notes=(
        "Word document (Heading 1 headings, 'List Bullet' bullets, 'Table Grid' tables). A "
        "two-column case-details table (not items). Items: 'List Bullet' paragraphs under "
        "'3. Immediate learning' and '4. Learning identified' (learning_point) and the rows "
        "of the actions table under '5. Actions' (columns No. | Action | Lead agency | "
        "Timescale; number = the No. cell). date = Rapid Review meeting; page = 1 for every "
        "item."
    ),
)
