"""Recommendations and learning stated in running text.

Documents with no section of learning (scrutiny reports, summaries of reviews,
web pages about reviews, briefings) state their recommendations and findings in
sentences and short lists.  This module reads them with families of cues, not
phrases of one document:

* **lead-ins**: a sentence ending in ':' (or a short label such as "Key issues")
  whose words name recommendations or learning ("issued the following
  recommendations:", "were identified by the review:", "findings included:")
  opens the list that follows; each bullet or number is one item.
* **inline lists**: the same lead-in followed by a ';' list in the same sentence
  ("Learning includes: a; b; c"), or a comma list of short theme labels
  ("Key issues: A, B, C."), is split into its parts.
* **reporting sentences**: a recommending verb with its author ("The Panel
  recommends ...", "is calling for ...", "That the Committee note ...") makes
  a recommendation; a reporting verb of a finding ("identified that",
  "concluded that", "was critical of", "emerged as a theme", "learning has
  been derived from ..."), a quotation attributed to the review, or prevalence
  across reviews ("featured in 55% of SCRs") makes a finding.
* **practice judgements** without a reporting verb ("a joined up approach was
  lacking", "the referral was not escalated", "discharged without a meeting").
* **advice under a bare "Recommendations" / "What needs to change" line**.

Negatives are families too: scope and purpose lists, definitions, criteria,
priorities, actions already taken, counts ("made eight findings and 14
recommendations"), statements about the page itself ("This briefing summarises
..."), decisions to hold a review, conclusions of courts, inquests and police,
a spokesperson's words.

extract.py calls :func:`running_text_items` for every document: with all forms
where no section of learning was found (and for scrutiny reports), with the strong
forms only elsewhere.  Measured by :mod:`reviewmine.evaluation.summaries`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..types import Block, Document
from .sections import Candidate, heading_words, section_kind

# Reviews of cases and their summaries, briefings and learning pages (not inspections, not a
# scrutineer's or annual report).
REVIEW_TYPES = frozenset(
    {
        "scr",
        "lcspr",
        "rapid_review",
        "national_review",
        "case_review_summary",
        "learning_brief",
        "sar",
        "dhr",
        "joint_review",
    }
)

# --- cue families -------------------------------------------------------------------------

# Words that make a lead-in introduce recommendations.
_REC_LEAD = re.compile(
    r"\brecommend\w*|\bcall(s|ed|ing)? (for|on|upon)\b|\bproposals?\b|\bnext steps\b|\b(asks?|requests?) that\s*:?\s*$|"
    r"\b(is|are) (asking|urging)\s*:?\s*$|"
    # what practitioners are expected to do, the entries finishing the sentence
    r"\b(is|are) (now |also )?expected to\s*:\s*$|"
    # asking someone to act, the entries finishing the sentence ("would ask the partnership to
    # consider:", "would like the following to be explored:"); not the review's own brief
    # ("was asked to consider:", no one named)
    r"\b(ask|asks|invite|invites|urge|urges|encourage|encourages|would like) (?!to\b)[\w ,’'-]{2,60}? "
    r"to (be )?[a-z]+\s*:\s*$|"
    # ... the entries finishing "to" ("... and asks them to:"), or a governing body asked
    # ("the partnership and the Board are asked to:")
    r"\b(asks|asked|invites|invited|urges|urged) (?!to\b)[\w ,’'-]{2,40}? to\s*:\s*$|"
    r"\b(partnership|board|partners|agencies|committee|council|government|commissioners)\b[\w ,’'-]{0,40}? "
    r"(is|are|was|were) (also )?asked to( (be )?[a-z]+)?\s*:\s*$|"
    # an obligation that the entries finish ("Leaders now need to focus on:")
    r"\b(should|must|needs? to|ought to)\b[^.:;]{0,30}:\s*$|"
    r"\bwhat (needs|should) (to )?"
    r"(change|happen|improve)",
    re.IGNORECASE,
)
# A lead-in to what the writer will do next ("In the coming year we will:", "Still to do:").
_NEXT_LEAD = re.compile(
    r"\b(we|i|the (safeguarding )?(partnership|board|partners|panel))( will| am going to| are going to)"
    r"( now| also)?\s*:?\s*$|"
    r"^(still )?to do\s*:?\s*$|\bnext steps?\s*:?\s*$|\bwhat happens next\b",
    re.I,
)
# Words that make a lead-in introduce findings or learning.
_FIND_LEAD = re.compile(
    r"\b(findings?|learning|learn[te]d?|lessons?|themes?|issues|concerns?|factors|areas|messages|weakness(es)?|"
    r"gaps|problems|conclusions?|key points|points for|need for improved|need for|take[- ]?aways?)\b|"
    r"\b(identified|emerged|highlighted|found|concluded|showed|revealed)\b",
    re.IGNORECASE,
)
# Words that make a lead-in introduce actions agreed (a rapid review's or a board's).
_ACTION_LEAD = re.compile(
    r"\b(agreed|following|these|further) actions\b|\bactions? (agreed|required|to be taken)\b|"
    r"\b(has|have) agreed to\b",
    re.IGNORECASE,
)
# Lead-ins that open a list which is not learning: scope, purpose, definitions, criteria,
# actions already taken, quotations, navigation.
_LEAD_NEG = re.compile(
    r"\b(purpose|aims?|objectives?|priorit(y|ies)|terms of reference|scope|defined as|definition|criteria|"
    r"examined the following|considered the following|following (areas|questions)|questions?|"
    r"actions? (taken|already)|(have|has) been (developed|put in place|introduced|taken)|"
    # what was done: "Since the last inspection, leaders have completed the following:"
    r"(have|has|had) (now |already )?(been )?(completed|taken|delivered|implemented|achieved)|"
    r"were noted|said|says|stated|told|download|login|contents|menu|navigation|"
    r"published in|reports? published|partners? (are|were|is)|made up of|members?|vision|"
    r"where|when|who|how to|as follows to)\b",
    re.IGNORECASE,
)
# A sentence that recommends (its author is a review body or the writer).
_REC_SENT = re.compile(
    r"^that the (committee|board|partnership|panel|council|cabinet|members?|sub[- ]?committee)\b.{0,60}?"
    r"\b(note|notes|agree|approve|endorse|consider|receive|support|accept)\b|"
    r"\bit (is|was) (also |further )?recommended that\b|^recommended that\b|"
    # calling on someone to act ("Kestrel is calling on the government to set ...")
    r"\b(call|calls|called|calling) (up)?on [\w ,’'-]{2,60}? to (?-i:[a-z]+)\b|"
    r"(?<!what )\b(we|i) (would )?recommend\b|\brecommendation (is|was) that\b|"
    # a reviewer named or referred to ("Marchbank also recommends that", "She recommended that")
    r"^((mr|mrs|ms|dr|professor) )?[\w’'-]+ (also |further )?(recommends|recommended) that\b|"
    # a recommendation as the subject of its asking verb ("A second recommendation asked ... to")
    r"\brecommendation (asks|asked|calls for|called for|invites|invited|urges|urged|proposes|proposed)\b|"
    # a body asking others to act ("We ask safeguarding partners to ...", "The Board has asked
    # care homes ... to adopt"); "was asked to consider" is the review's own brief, and "asks the
    # Panel to agree this decision" a rapid review's request about itself
    r"^(it|they|the \w+( \w+)?) (has|have) (also )?asked [\w ,’'-]{2,80}? to [a-z]+\b|"
    r"^we (are )?(also |now )?(ask|asking) [\w ,’'-]{2,80}? to (?!agree (with )?(this|the|that|our) decision)"
    r"[a-z]+\b|"
    # the review as the one asking ("The report also asks integrated care boards to make ...")
    r"^((finally|further|in addition|also),? )?the (review|report|reviewers?|panel|author)s? (also |further )?"
    r"(asks|asked) (?!(how|whether|what|why|if|who)\b)[\w ,’'-]{2,60}? to (?!act\b)(?-i:[a-z]+)\b|"
    # ... the review or its author asking a governing body ("Finally, Mr Ellery asked the
    # partnership board to seek ...", "She asked the partnership to write to ...")
    r"^((finally|further|in addition|also),? )?((mr|mrs|ms|dr|professor) [\w’'-]+|the (review|report|reviewer|"
    r"author|panel|chair)|he|she|they|it) (also )?(asks|ask|asked) (the )?(?!(how|whether|what|why|if|who)\b)"
    r"([\w-]+ ){0,3}(partnership|board|partners|committee|government|department|commissioners|agencies)\b"
    r"[^.;:]{0,40}? to (?-i:[a-z]+)\b(?! in (two|three|four|five|six|\d+) )|"
    # ... or the body asked ("The board was asked to seek assurance ..."); "was asked to consider"
    # or "to agree" is a board's own business in the past, not a review's request
    r"\b(the )?(partnership|board|partners|committee|safeguarding partners|agencies|services|trust|"
    r"authority|council|commissioners)( \w+)? (was|were) "
    r"(also |further )?asked to (ensure|review|undertake|develop|strengthen|commission|improve|seek|"
    r"gain|obtain|establish|monitor|audit|evaluate|make sure|write|publish)\b|"
    r"\b(panel|review|reviewers?|report|board|partnership|author|inquiry|committee|inspectorate|"
    r"commission(er)?|analysis|team|sar|dhr|scr|cspr|lcspr)\b[^.;:]{0,60}?\b"
    r"(recommends?|recommended|(is|are|was|were) (therefore |also |now )*(calling|calls) for|calls? for|called for|urges?|urged)\b|"
    r"\b(is|are) (therefore |also |now )*calling for\b|"
    # the body named in the sentence before ("The Panel recommends ... It also recommends ...")
    r"^((finally|further|in addition|separately),? )?(it (also |further )?(recommends|recommended|calls for|"
    r"called for|urges|urged)|they (also |further )?(recommend|recommended|call for|called for|urge|urged))\b|"
    # the partnership asked to act by a verb of governance ("partners should now seek assurance ...");
    # "partners must notify" (a duty) or "agencies should talk" (advice to practice) are not
    r"\b(the )?(partnership|board|partners|committee|safeguarding partners|agencies) (should|must|(is|are) "
    r"(also |now |further )?asked to) "
    r"(now |also )?(ensure|review|consider|undertake|develop|strengthen|agree|commission|improve|seek|"
    r"gain|obtain|establish|monitor|audit|evaluate|make sure)\b"
    # ... not what was just named ("Partners should consider them together", "should make sure
    # that they are addressed")
    r"(?!( that)? (them|they|these|those|this|it)\b)",
    re.IGNORECASE,
)
# Words without which _REC_SENT cannot match (a cheap test first: most sentences have none).
# Searched in the lower-cased sentence: a case-sensitive scan is several times faster.
_REC_HINT = re.compile(r"recommend|call|urge|should|must|that the|ask")
# A sentence that reports a finding or learning.
_FIND_SENT = re.compile(
    # ... or what the learning showed to matter ("It highlighted the value of the graded care profile")
    r"(?<!it was )(?<!it is )\b(identified|found|concluded|showed|shown|highlighted|demonstrated|"
    r"underlined|emphasi[sz]ed) (that\b|the (need|importance|value|risks?) (of|for|to)\b)|"
    # the review as the subject of a present-tense report ("The review also highlights that ...")
    r"\b(review|panel|report|analysis|reviewers?)\b[^.;:]{0,20}?\b(identifies|finds|concludes|shows|highlights|"
    r"demonstrates|notes) that\b|"
    # reviews as the subject, in the plural ("Reviews continue to show that ...")
    r"\b(reviews|analyses|reports)\b[^.;:]{0,20}?\b(show|find|identify|highlight|conclude) that\b|"
    # a finding named as such ("A further finding was that ...")
    r"^(a|the|another|one) ([\w-]+ ){0,2}finding (is|was) that\b|"
    r"\b(was|were|is|are) (highly |particularly |also )?critical of\b|"
    # an impersonal conclusion ("It was clear from the chronology that ...")
    r"^it (was|is|became) (also )?(clear|evident|apparent|striking)\b[^.;]{0,60}?\bthat\b|"
    # concern is a finding when the review body holds it (a relative's concern is a fact)
    r"\b(review(er)?s?|panel|author|team|inspectors?|scrutineer|board) (was|were|is|are) (also |particularly )?"
    r"concerned (that|about|by)\b|"
    r"\bin the [\w’' ]{0,40}?\b(opinion|view)\b|\bemerged as\b|"
    # practitioners' own account given to the review ("Practitioners told the reviewer that ...")
    r"\b(practitioners|professionals|staff|workers|managers|agencies) (told|explained to|described to) "
    r"(the )?(review(er)?s?|panel|authors?|independent reviewers?)\b|"
    # ... and says what or where from: "lessons have been learned." alone is a platitude
    r"\b(learning|lessons?) (has|have|had|was|were) (been )?(derived|identified|drawn|learn[te]d|highlighted)\b"
    r"(?!\s*([.,;!”\"’']|$))|"
    r"\bidentified (some |several |a number of |key |common |significant )*(areas|issues|themes|concerns|"
    r"weaknesses|gaps|strengths|learning|lessons|findings)\b|"
    # a passive finding ends its clause or names who found it ("... were found.", "was identified by the
    # review"); "ensure children were identified and seen" or "was found in a flat" are not findings
    r"\b(was|were) (also )?(identified|found)(?=\s*([.,;]|$|from\b|during\b|in (the|this|all|many|most|some) "
    r"(reviews?|audits?|cases?|scrutiny)\b|by the (reviews?|reviewers?|panel|scrutin\w+|audits?)\b))|\bthere are lessons\b|\bthe (key )?learning (is|was) that\b|"
    r"\b(it|report|review|panel|analysis|inspectorate|reviewers?) (had |has )?(also )?(states|stated|found|finds|"
    r"concludes|concluded|notes|noted|said that|says that|reported that)\b|"
    # the report reported on ("According to the report, ...", "It said the health visitor ...",
    # "Reviewer Dr Helen Marchbank wrote that ..."); not what the body said it would do
    r"\baccording to the ([\w-]+ ){0,2}(review|report|panel|reviewers?|analysis|inquiry)\b|"
    # the author's judgement ("Its author, Dr Helen Oakridge, writes that ...", "The reviewer
    # accepted that ... but judged that ...", "As the review makes clear, ...")
    r"\b(review|panel|report|analysis|reviewers?|authors?)\b[^.;:]{0,60}?\b(argues|argued|writes|wrote|"
    r"judged|judges|thought|considered|considers) that\b|"
    r"\bas the (review|report|panel|analysis) (makes clear|shows|showed|found|notes)\b|"
    r"^it (also )?(shows|showed|makes clear) that\b|"
    r"^(a|an|the) ([\w-]+ ){0,3}(review|report|analysis)\b[^.;:]{0,80}?\b(says|said) "
    r"(?!(that )?(it|they|he|she|we) (would|will)\b)|"
    r"^(it|the (report|review)) (said|says) (?!(that )?(it|they|he|she|we) (would|will)\b)|"
    r"\breviewers?\b[^.;:]{0,40}?\b(wrote|writes|said|says) that\b|"
    # a quotation attributed to the review ("..., said the report.")
    r"\b(said|says|states|stated|concluded|found) the (report|review|panel|analysis|inspectorate|reviewers?)\b|"
    # prevalence in a set of reviews ("Neglect featured in 55% of SCRs", "40% of reviews followed ...")
    r"\b((two|three|four|five|six|seven|eight|nine|ten|\d+) of the|across (the|all|these)) (\w+ )?"
    r"(reviews|scrs|csprs|lcsprs|sars|dhrs|cases)\b|"
    r"\b(\d+(\.\d+)?%|\d+ of \d+|a (quarter|third|half)|three-quarters|most|(the )?majority) of (the )?"
    r"([\w-]+ ){0,2}(reviews|scrs|csprs|lcsprs|sars|dhrs|icrs|cases)\b|"
    r"\bthe most common (\w+ )?(feature|cause|theme|factor|issue|concern)\b|"
    r",[^,]{3,60}\b(has|have) (stated|found|concluded|reported)\s*\.?$",
    re.IGNORECASE,
)
# A sentence that states a lesson: its subject is the lesson or message ("The key lesson from this
# review is that ...", "A further lesson is that ...") or the writer learned it ("We learned that ...").
_LEARN_SENT = re.compile(
    r"^([\w ]{0,30},\s*)?(the |a |an |one |another )?([\w-]+ ){0,2}(lessons?|messages?|learning( points?)?|"
    r"take-?aways?)\b[^.;:!?]{0,80}?\b(is|was|are|were) that\b|"
    r"\bwe (have )?(learn[te]d|were reminded) that\b",
    re.IGNORECASE,
)
# A commitment by the writer or the partnership to act on the learning ("We will ask ...", "The Board
# will audit ..."), read by its grammar, not a list of verbs: an action agreed.  "will be", "will
# continue", a condolence ("We will miss her") and the review's own publication are not.
_COMMIT_SENT = re.compile(
    r"^([\w-]+,? ){0,4}(we|the (safeguarding )?(partnership|board|partners|executive|panel))"
    r"( and [\w ]{1,30})? will (also |now |then )?"
    r"(?!be\b|not\b|have\b|continue\b|miss\b|remember\b|always\b|never\b)[a-z]+\b"
    # an act on something already named ("We will publish them", "tell you the outcome") is
    # the page's process; so are the review's own publication and the response to it
    r"(?! (?:them|it|you|us|these|those)\b)"
    r"(?!.*\b(?:its response|response to|(?:this|the) (?:review|report|rapid review)\b|alongside))"
    r"(?<!\brespond)(?<!\breconsider)",
    re.IGNORECASE,
)
# ... or an action the partners agreed ("Partners agreed to audit ...")
_AGREED_SENT = re.compile(
    r"^([\w-]+,? ){0,4}(we|partners|the ([\w-]+ ){0,3}?(partnership|board|partners|executive|panel|"
    r"sub-?group|group|committee))"
    r"( and [\w ]{1,30})? (have |has )?(also )?agreed to "
    # to do something: not to hold a review, nor what a list below says
    r"(?!(?:be|the|a|an|this|that|these|those|its|their|our)\b)"
    r"(?!(?:carry out|undertake|commission|conduct|hold) (?:a|an|the)\b[^.]{0,60}\breview)"
    r"(?![^.]*\bthe following\b)[a-z]+\b",
    re.IGNORECASE,
)
# A committee paper's request about itself ("The Board is asked to note the findings"): no
# item, in a section or in running text.
PAPER_REQUEST = r"\basked to (?:note|receive|approve|endorse|comment on|discuss)\b"
# Sentences that look like findings or recommendations and are not.
_SENT_NEG = re.compile(
    r"\b(made|makes|contains?|includes?) (\w+ |\d+ )?(findings|recommendations)\b|"
    r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) ([\w-]+ )?(key |main |practice )?"
    r"(themes|findings|recommendations|lessons|learning points|messages|areas (for|of))\b|\b(findings|recommendations) (were|have been|are) "
    r"(accepted|made|agreed|embedded)|"
    r"\b(this|the) (briefing|report|page|summary|document|paper|leaflet|website|table|section|chapter)\b[^.]{0,40}\b"
    r"(summarises|sets out|describes|outlines|presents|provides|aims|is designed)\b|"
    r"\b(purpose|aim) of\b|\bto establish whether\b|\bconsidered whether\b|\b(is|are) defined as\b|"
    r"\brecommended (that )?(an? |the )?[\w ]{0,40}\b(review|scr|cspr|lcspr|dhr|sar|investigation|inquiry)"
    r"\b[\w ]{0,20}\b(be|is|was) (undertaken|commissioned|held|carried out|conducted)|"
    # whether to hold a review ("They recommend to the Panel that an LCSPR is not required")
    r"\brecommend(s|ed)?\b[^.]{0,30}\bthat (an? |the )?[\w ]{0,40}\b(review|scr|cspr|lcspr|dhr|sar)\b"
    r"[\w ]{0,20}\b(is|be|was|are) (not )?(required|needed|necessary)\b|"
    # ... or whether the criteria for one were met ("concluded that the criteria for a local
    # child safeguarding practice review were not met")
    r"\bcriteria for (an? |the )?[\w ]{0,50}\b(review|scr|cspr|lcspr|dhr|sar)\b[\w ]{0,20}\b"
    r"(is|are|was|were|had been|have been|has been) (not )?met\b|"
    r"\b(did|does|do) not meet the criteria for\b|\b(case|circumstances|incident|death|it) met the criteria\b|\bthe criteria (was|were|had been) (not )?met\b|"
    rf"{PAPER_REQUEST}|"
    # a breadcrumb run into the text of a scraped page ("Home > News > ...")
    r"^home ?[>›»] |"
    r"\b(inquest|court|coroner|jury|trial|judge|post[- ]mortem|medical examinations?|pathologists?|"
    r"paramedics|officers|police)\b[^.]{0,40}\b"
    r"(concluded|found|heard|determined|established)\b|"
    r"\bto (address|respond to|implement) the (findings|recommendations)\b|"
    # a review's verdict on preventability is not a finding about practice
    r"\bcould( not|n't)? (reasonably )?have been (predicted|prevented|foreseen)\b|"
    r"\b(was|were)( not)? (predictable|preventable)\b|"
    # a person's words quoted in a news item or minutes ("..., a spokesman said")
    # (opening the sentence, after a quote or a comma; "why he said no" is no one's words)
    r"(^|[,;:”\"’]\s*|\b(and|but) )(he|she|they|a spokes(man|woman|person)|the chair(man|woman)?|the director) "
    r"(said|says|added)\b|"
    # "... and recommended key areas for improvement." says that a review recommended, not what
    r"\brecommend(s|ed)? (key |a number of |several |some |further )?(areas|improvements|changes|actions)"
    r"( for (improvement|development|change))?\s*\.?$",
    re.IGNORECASE,
)
# A short label that names a list of learning ("Key issues", "Learning themes").
_LABEL = re.compile(
    r"(^|\s)(key |main |common |emerging )?(learning |practice )?(issues|themes|learning themes|learning points|"
    r"lessons( learn[te]d)?|findings|key messages|messages|recommendations|what (we|the reviews?|the panel) (learn[te]d|found|heard|saw|told us|showed( us)?)|"
    r"what needs to (change|improve|happen))\s*$",
    re.IGNORECASE,
)
# A label's noun names the entries below it, not a kind of page ("Learning briefings", "Themes library").
_ENTRY_NOUN = re.compile(
    r"\b(issues|themes|learning|lessons|findings|recommendations)\b(?! ?(briefings?|brief|reviews?|"
    r"reports?|events?|resources?|pages?|hub|library|section|and development)\b)",
    re.IGNORECASE,
)
# A lead-in about learning (not findings).
_LEARNING_WORD = re.compile(r"\b(learning|learn[te]d?|lessons?|take[- ]?aways?)\b", re.IGNORECASE)
_ATTRIBUTED = re.compile(
    r"[”\"’'],?\s+(said|says|states|stated|concluded|found) the (report|review|panel|"
    r"analysis|inspectorate|reviewers?)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"^(paragraph \d+, chapter \d+|[‘'\"“])", re.IGNORECASE)
# ... also where a scraped page ran two blocks together ("... school nurse.The partnership"):
# a word of lower-case letters, its stop and a capitalised word with no space between
# (one lookbehind first for both: most positions fail on it at once)
_SENTENCE = re.compile(r"(?<=[.!?”\"])(?:\s+(?=[A-Z0-9“‘'\"(])|(?<=[a-z]{3}[.!?])(?=[A-Z][a-z]))")
_NUMBERED = re.compile(r"^\(?(\d{1,2}|[a-h])[.)]\s+(?=\S)")
_FOOTNOTE = re.compile(r"(?<=[a-z).])\d{1,2}$")


# Questions for practitioners close a section: they are prompts, not learning.
_PROMPTS = re.compile(
    r"^(reflective |key )?questions\b(?! for the (board|partnership))|^things to think about", re.I
)


# A question that asks how practice went ("Question 2: Were missing episodes responded to ...?",
# "How well did agencies ...?"), not what something is or why the review was held.
_EVALUATIVE_QUESTION = re.compile(
    r"^(?:question \d+[.:]?\s+|\d+(?:\.\d+)*\.?\s+)?"
    r"(?:how (?:well|effectively|far|did|were|was|do|does)|to what extent|did|were|was|do|does|"
    r"has|have|is|are)\b.*\?$",
    re.I,
)


def is_prompt(heading: str) -> bool:
    """A heading over questions for the reader ("Reflective questions"): prompts, not learning."""
    return bool(_PROMPTS.match(heading))


def answered_questions(blocks: Sequence[Block], i: int) -> bool:
    """Is the heading at *i* over sub-headings that ask how practice went, each answered by a
    paragraph (at least two; every sub-heading of the section a question)?"""
    level = blocks[i].level
    answered, questions = 0, 0
    for j in range(i + 1, len(blocks)):
        b = blocks[j]
        if b.kind != "heading":
            continue
        if b.level <= level:
            break
        if not b.text.rstrip().endswith("?"):
            if is_prompt(b.text):
                break  # questions for the reader close the section
            return False
        questions += 1
        nxt = blocks[j + 1] if j + 1 < len(blocks) else None
        if (
            _EVALUATIVE_QUESTION.match(b.text.strip())
            and nxt is not None
            and nxt.kind == "paragraph"
            and not nxt.text.rstrip().endswith("?")
        ):
            answered += 1
    return answered >= 2 and answered == questions


def running_text_items(
    doc: Document,
    found: Sequence[Candidate],
    *,
    sentences: bool = True,
    prose_sections: bool = False,
) -> list[Candidate]:
    """Recommendations and learning stated in running text, in document order.

    *found* are the items already read from sections (their blocks are skipped).  With
    ``sentences=False`` (a document whose sections of learning were found) only the
    strong forms are read outside those sections: lists after lead-ins, ';' lists, and
    sentences with a recommending verb or under a bare "Recommendations" line (inspection
    narrative is full of judgements that are not items).  With ``prose_sections`` (a review,
    not an inspection) the prose of a findings or learning section is read point by point
    even then.
    """
    blocks = [b for b in doc.blocks if b.kind in ("heading", "paragraph", "list_item")]
    taken = _covered(blocks, found)
    out: list[Candidate] = []
    used: set[int] = set()
    heading: str | None = None
    rec_context = False
    narrative = False  # under a heading of the case's story or the review's method
    story = False  # ... or of the story and its learning together
    done_section = False  # ... or of what has already been done
    learning_kind = False  # under a heading of findings or learning
    learning_level = 99  # ... of this level (a deeper heading is a sub-heading inside it)
    learning_own: str | None = None  # ... and the kind it names
    after_list = False  # ... and past the items read from that section
    owed = 0  # recommendations a sentence counted, stated in the prose that follows it
    explained: str | None = None  # the kind of the item the heading above is ("Finding 1: ...")
    field: str | None = None  # the kind a record's field label named ("Learning: ...") ...
    for i, b in enumerate(blocks):
        if b.kind == "heading":
            heading = b.text
            owed = 0
            field = None
            explained = (
                next((c.kind for c in found if c.start <= b.start and c.end >= b.end), None)
                if i in taken
                else None
            )
            narrative = narrative_heading(b.text)
            done_section = done_heading(b.text)
            narrative = narrative or done_section
            own = section_kind(b.text)
            if own is None and doc.doc_type in REVIEW_TYPES and answered_questions(blocks, i):
                own = "finding"  # the review's own questions, each answered: its findings
            # "What happened and what we learned": the story, its lessons in sentences of its own
            story = narrative and not done_section and own in ("finding", "learning_point")
            if story:
                own, narrative = None, False
            if own == "finding" and doc.doc_type not in REVIEW_TYPES and _CONCLUSIONS.match(b.text):
                own = None  # a scrutineer's or annual report's conclusions are its judgements
            if i in taken:
                # a heading that is itself an item ("Finding 1: ..."): what follows explains it
                learning_kind = False
            elif own is not None or b.level <= learning_level:
                learning_kind = own in ("finding", "learning_point")
                learning_level = b.level if learning_kind else 99
                learning_own = own if learning_kind else None
            # else: a sub-heading inside a findings section ("Assessment") keeps its kind
            after_list = False
            # a heading that asks for change ("What needs to change") and that no section owns
            if (
                section_kind(b.text) is None
                and _LABEL.search(b.text)
                and _lead_kind(b.text) == "recommendation"
            ):
                rec_context = True
        if i in taken:
            after_list = learning_kind
            continue
        if i in used or (done_section and b.kind == "list_item"):
            continue  # ... an entry under a heading of what was already done
        counted = _counted_paragraphs(blocks, i, taken)
        if counted:
            # "The review identified three areas of learning." then one paragraph for each
            kind, members = counted
            used.update(members)
            out += [_item(kind, blocks[j].text, blocks[j], heading) for j in members]
            continue
        lead = _lead_in(b) if b.kind != "heading" else _heading_lead(b)
        if b.kind != "heading" and done_lead(b.text):
            used.update(_list_after(blocks, i, b))  # what was already done: not learning
            continue
        if done_section and lead != "recommendation":
            lead = (
                None  # a list of what was already done ("They have already: ...") is not learning
            )
        if (
            lead is None
            and (b.text.rstrip().endswith(":") or _is_short_line(b))
            and _LEAD_NEG.search(_last_sentence(b.text))
        ):
            used.update(
                _list_after(blocks, i, b)
            )  # a purpose, scope or criteria list: not learning
        if lead == "recommendation" and _is_short_line(b) and not b.text.rstrip().endswith(":"):
            rec_context = True  # a bare "Recommendations" line: the paragraphs below recommend
        elif (b.kind == "heading" and not rec_context) or (
            b.kind != "heading" and (_is_short_line(b) or b.text.rstrip().endswith(":"))
        ):
            rec_context = False
        plain = lead is None and sentences and not narrative and not done_section
        members = _list_after(blocks, i, b) if lead is not None or plain else []
        if plain:
            lead = _shortfall_list(blocks, members)
        if lead is not None:
            if b.kind == "heading" and not members:
                # a paragraph of narrative may come between the heading and its list
                k = i + 1
                while (
                    k < len(blocks)
                    and blocks[k].kind == "paragraph"
                    and not _is_member(blocks[k])
                    and not blocks[k].text.rstrip().endswith(":")
                    and _lead_in(blocks[k]) is None
                ):
                    k += 1
                if k > i + 1 and k < len(blocks) and _is_member(blocks[k]):
                    members = _list_after(blocks, k - 1, b)
            if b.kind == "heading" and not _short_list(blocks, members):
                members = []  # numbered narrative under "Inspection findings": paragraphs, not entries
            if not members and lead in ("action", "next_step") and b.kind == "paragraph":
                # "Agreed actions:" over lines that each commit someone to act (web text has
                # no list markup): the commitments that follow it
                k = i + 1
                while (
                    k < len(blocks)
                    and blocks[k].kind == "paragraph"
                    and is_commitment(blocks[k].text, active=True)
                ):
                    members.append(k)
                    k += 1
            if (
                not members
                and _is_label(b.text)
                and i + 1 < len(blocks)
                and blocks[i + 1].kind == "paragraph"
                and _lead_in(blocks[i + 1]) is None
                and len(blocks[i + 1].text) <= 800
            ):
                members = [i + 1]  # "Summary of main findings:" over one paragraph
            for j in members:
                used.add(j)
                m = blocks[j]
                if j in taken:
                    continue
                inline = _inline_list(m.text)
                parts = inline[1] if inline else [_clean_item(m.text).strip('“”"')]
                kind = inline[0] if inline and inline[0] == "recommendation" else lead
                for part in parts:
                    if len(part) > 1:  # an entry cut to one letter is no item
                        out.append(_item(kind, part, m, heading))
        if b.kind == "heading":
            continue
        text = _lead_body(b.text) if lead is not None else b.text
        if _in_fact_record(blocks, i):
            continue  # "Themes: ..." among "Type of review: ...", "Age of child: 14": facts
        lists = _inline_lists(text)
        if lists:
            out += [_item(kind, part, b, heading) for kind, parts in lists for part in parts]
            text = _before_list(text)  # "The reviewer found that ... The learning includes: a; b."
            if not text:
                continue
        labelled = _inline_label(text) if (sentences or prose_sections) else None
        if labelled and labelled[0] == explained:
            continue  # "What we saw: ..." under "Finding 1: ...": the finding's evidence
        if labelled:  # "Learning: ...", "What you can do: ..." after a case vignette
            # (not a minute's "ACTION: ...", which labels one entry among the minutes)
            field = (
                labelled[0]
                if labelled[0] in ("finding", "learning_point", "recommendation")
                and _fields_follow(blocks, i)
                else None
            )
            asks = [x for x in _SENTENCE.split(labelled[1]) if x.strip()]
            if labelled[0] == "recommendation" and len(asks) >= 2 and all(map(_counted_ask, asks)):
                out += [_item("recommendation", x, b, heading) for x in asks]  # one per sentence
            else:
                out.append(_item(labelled[0], labelled[1], b, heading))
            continue
        if _INLINE_LABEL.match(text):
            field = None  # another field of the record ("Notes: ...")
        elif field and b.kind == "paragraph" and _SENTENCE_LIKE.search(text):
            # ... over the paragraphs that follow it, up to the record's next field label
            out.append(_item(field, text, b, heading))
            continue
        # findings stated in sentences; in a sectioned document only in the narrative that
        # follows the list of a findings or learning section
        weak = (
            (sentences and not narrative)
            or after_list
            or (prose_sections and learning_kind)
            or story
        )
        for part in _such_as_list(text) if weak else ():
            out.append(_item("finding", part, b, heading))
        if _QUOTED.search(b.text) and not _ATTRIBUTED.search(b.text):
            continue  # quoted guidance is not the document's own learning; a quoted review is
        if (
            rec_context
        ):  # under a "Recommendations" line every sentence asking for change recommends
            found_here = [
                _item("recommendation", s, b, heading)
                for s in _SENTENCE.split(text.strip())
                if (_ADVICE.search(s) or _REC_SENT.search(s)) and not _SENT_NEG.search(s)
            ]
        else:
            # a findings or learning section the section reader left whole (its paragraphs are
            # prose, not a list): each of its sentences states what its heading names
            default = (
                learning_own
                if (sentences or prose_sections)
                and learning_kind
                and not after_list
                and lead is None
                else None
            )
            found_here = _sentence_items(text, b, heading, findings=weak, default=default)
            if section_kind(heading or "") != "recommendation":  # (the section reader's own)
                found_here, owed = _counted_asks(text, b, heading, found_here, owed)
        out += found_here
    return out


# "The review makes five recommendations, which are set out within this conclusion. X should
# ...": a count of recommendations, not pointing elsewhere for them ("in section 9", "below")
_COUNT_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_COUNT = re.compile(
    rf"\b(\d{{1,3}}|{'|'.join(_COUNT_WORDS)}|several)\s+(?:[\w-]+\s+)?recommendations\b", re.I
)


def _count(s: str) -> re.Match[str] | None:
    """_COUNT in *s*, tested for its one fixed word first (most sentences have none)."""
    return _COUNT.search(s) if "recommendations" in s.lower() else None


def _count_value(word: str) -> int:
    """The number a count's word gives ("five" 5, "12" 12; "several" 0: not a count to keep)."""
    w = word.lower()
    return int(w) if w.isdigit() else _COUNT_WORDS.index(w) + 2 if w in _COUNT_WORDS else 0


_ELSEWHERE = re.compile(
    r"\b(section|appendix|chapter|part|table|below|later|following|full report|at the end)\b", re.I
)


# What comes before "should" names who is asked: not a pronoun or a gerund ("Acting on them
# should improve ..." predicts, it does not ask)
_ANAPHOR = re.compile(r"\b(it|they|them|these|this|those)\b|^\w+ing\b", re.I)


_WHETHER = re.compile(r"\bwhether\b", re.I)
_REPORTING_FRAME = re.compile(
    r"^\s*(?:it|they|the (?:report|review|reviewer))\s+(?:also\s+)?(?:says|said|adds|added|states|stated)"
    r"\s+(?:that\s+)?",
    re.I,
)


def _asks_of_someone(s: str) -> bool:
    # a modal of obligation, or a recommending or asking verb ("The first asks the Board to")
    m = _ADVICE.search(s) or _ASKS.search(s)
    if m is None:
        return False
    frame = _REPORTING_FRAME.match(s)  # "It says the Board should ...": the Board is asked
    return (
        not _ANAPHOR.search(s[frame.end() if frame else 0 : m.start()])
        and not _WHETHER.search(
            s[: m.start()]
        )  # "discussed whether the review should ..." asks no one
        and not _SENT_NEG.search(s)
        and not s.rstrip().endswith("?")
    )


# A sentence counting the items that follow it, one paragraph each ("The review identified
# three areas of learning.", "There are four key findings.")
_COUNTED_KIND = re.compile(
    rf"\b({'|'.join(_COUNT_WORDS)})\s+(?:[\w-]+\s+)?(?:areas? (?:of|for) )?"
    r"(recommendations|findings|lessons|learning points|learning|improvement|development|themes)"
    r"\s*[.:]?$",
    re.I,
)
_COUNTED_AS = {
    "recommendations": "recommendation",
    "findings": "finding",
    "improvement": "area_for_improvement",
    "development": "area_for_improvement",
}


def _counted_paragraphs(
    blocks: Sequence[Block], i: int, taken: set[int]
) -> tuple[str, list[int]] | None:
    """A paragraph whose last sentence counts N items of a kind (or whose first does, the second
    saying they follow), then exactly N paragraphs (the section's next blocks, or one under each
    of N sub-headings; each a statement of its own): those paragraphs, one item each."""
    b = blocks[i]
    counts = b.kind in ("paragraph", "heading") and _COUNTED_KIND.search(b.text[-160:])
    if not counts and not (b.kind == "paragraph" and _FOLLOWING.search(b.text[-60:])):
        return None  # (most paragraphs: a cheap test first)
    sents = [x for x in _SENTENCE.split(b.text.strip()) if x.strip()]
    m = _COUNTED_KIND.search(sents[-1]) if sents else None
    if m is None and len(sents) == 2 and _FOLLOWING.search(sents[1]):
        sents = sents[:1]  # "The review identified three themes. Each is described below."
        m = _COUNTED_KIND.search(sents[0])
    if not m or _ELSEWHERE.search(sents[-1]):
        return None
    n = _count_value(m.group(1))
    if n < 2 or i + 1 >= len(blocks):
        return None
    if blocks[i + 1].kind == "heading":
        headed = _headed_paragraphs(blocks, i + 1, n)
        if headed is None:
            return None
        members = headed
    else:
        members = list(range(i + 1, i + 1 + n))
    kind = _COUNTED_AS.get(m.group(2).lower(), "learning_point")
    members = [j for j in members if j < len(blocks)]
    for n_, j in enumerate(members):
        t = blocks[j].text.rstrip()
        first = _SENTENCE.split(t)[0]
        aside = _ASIDE.search(first)
        if aside and kind == "recommendation" and n_ >= 2:
            # a news story names only some of the recommendations it counted, then turns to
            # reactions: the asks before the aside are the ones it gives
            asked = members[:n_]
            return (kind, asked) if all(_counted_ask(blocks[k].text) for k in asked) else None
        if (
            j in taken
            or blocks[j].kind != "paragraph"
            or len(t.split()) < 8
            or t.endswith((":", "?"))
            or _SENT_NEG.search(first)
            or aside
            or _praise_only(first)
            or _PRAISE.search(first)
        ):
            return None
    return (kind, members) if len(members) == n else None


# The verbs that report someone's words ("said:", "told the Panel:", "wrote, \u201c...")
SPEECH_VERBS = "said|says|told|tells|added|wrote|explained|described|commented|reflected"
# A paragraph that is no item of a count: someone's reaction in their own words ("The chair
# said: ...", "A spokesperson for the council said ..."), or where to read the report.
_ASIDE = re.compile(
    rf"\b(?:{SPEECH_VERBS})\s*(?::|,?\s*[\"“])|\bspokes(?:person|man|woman)\b|"
    r"\bcan be (?:read|found|downloaded|viewed|accessed)\b",
    re.I,
)


# A short field of facts ("Age of child: 14", "Review author: ...")
_FACT_FIELD = re.compile(r"^[A-Z][\w’' ()/-]{1,30}:\s+\S")


def _in_fact_record(blocks: Sequence[Block], i: int) -> bool:
    """Is block *i* one field of a record of facts: with at least two neighbours (two blocks
    either side) that are short "Label: value" paragraphs too?"""

    def field(j: int) -> bool:
        b = blocks[j]
        return (
            bool(_FACT_FIELD.match(b.text)) and b.kind == "paragraph" and len(b.text.split()) <= 20
        )

    if not field(i):
        return False
    near = [j for j in range(max(0, i - 2), min(len(blocks), i + 3)) if j != i]
    return sum(map(field, near)) >= 2


def _headed_paragraphs(blocks: Sequence[Block], start: int, n: int) -> list[int] | None:
    """The paragraphs under exactly *n* sub-headings of one level from *start*, one under each
    ("Theme 1: ..." over its paragraph; a quotation may follow it), or None."""
    level, j = blocks[start].level, start
    out: list[int] = []
    while len(out) < n:
        if not (
            j + 1 < len(blocks)
            and blocks[j].kind == "heading"
            and blocks[j].level == level
            and blocks[j + 1].kind == "paragraph"
        ):
            return None
        out.append(j + 1)
        j += 2
        while (
            j < len(blocks) and blocks[j].kind == "paragraph" and _QUOTE_OPEN.match(blocks[j].text)
        ):
            j += 1  # a practitioner's words quoted under the paragraph
    if j < len(blocks) and blocks[j].kind == "heading" and blocks[j].level == level:
        return None  # more sub-headings than counted: not these
    return out


_QUOTE_OPEN = re.compile(r"^\s*[\"“‘']")


def _counted_asks(
    text: str, b: Block, heading: str | None, found: list[Candidate], owed: int
) -> tuple[list[Candidate], int]:
    """The sentences asking for change that a counted "N recommendations" sentence announced,
    each a recommendation, up to N, in this paragraph and the next ones of the section.  The
    count holds only when one of the two sentences after it asks for change (one sentence
    may say more of them first: "Two of them are for health services.")."""
    if not owed and "recommendations" not in text.lower():
        return found, owed  # no count here and none open: nothing to do
    sents = [x.strip() for x in _SENTENCE.split(text.strip()) if x.strip()]
    if owed < 0:  # a count that ended the paragraph before: this one must open with its asks
        owed = -owed if any(map(_counted_ask, sents[:2])) else 0
    out = list(found)
    for n, s in enumerate(sents):
        m = _count(s)
        if m and not _ELSEWHERE.search(s):
            after = sents[n + 1 : n + 3]
            owed = _count_value(m.group(1))
            if not after:
                owed = -owed  # the count ends its paragraph: the next one decides
            elif not any(map(_counted_ask, after)):
                owed = 0
            continue
        if owed and _counted_ask(s):
            owed -= 1
            out = [c for c in out if c.text.strip() not in s]  # the sentence read alone before
            out.append(_item("recommendation", s, b, heading))
    return out, owed


# "First, the Board will ...", "Secondly, ...": a counted list's entries in sentences
_ENUMERATED = re.compile(
    r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last)(?:ly)?,\s+",
    re.I,
)


def _counted_ask(s: str) -> bool:
    """Is a sentence after a count one of the items it counted (an ask, a recommending
    sentence such as "It recommends that ...", or an ordinal's entry)?"""
    if _ENUMERATED.match(s) or _asks_of_someone(s):
        return True
    return bool(_REC_SENT.search(s)) and not _SENT_NEG.search(s)


def _covered(blocks: Sequence[Block], found: Sequence[Candidate]) -> set[int]:
    """Indexes of the blocks inside an item already found (an item may span several blocks)."""
    spans = sorted((r.start, r.end) for r in found)
    starts = [a for a, _ in spans]
    reach: list[int] = []  # the furthest end among the spans starting at or before each one
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    out: set[int] = set()
    for i, b in enumerate(blocks):
        k = bisect.bisect_right(starts, b.start) - 1
        if k >= 0 and reach[k] >= b.end:
            out.add(i)
    return out


def _item(kind: str, text: str, b: Block, heading: str | None) -> Candidate:
    return Candidate(
        kind=kind,
        text=text,
        page=b.page,
        start=b.start,
        end=b.end,
        heading=heading,
        number=b.number,
        paragraph=b.number,
        confidence=0.6,
        running=True,
    )


def _last_sentence(text: str) -> str:
    return _SENTENCE.split(text.strip())[-1]


def _lead_in(b: Block) -> str | None:
    """The kind of item a lead-in block introduces, or None when it is not a lead-in."""
    text = b.text.strip()
    if text.endswith(":") and len(text.split()) <= 6:
        # a label that names a kind by itself ("What you can do:", "Learning:", "Agreed actions:")
        named = section_kind(text.rstrip(":"))
        if named in ("finding", "learning_point", "recommendation", "action", "next_step"):
            return named
    if text.endswith(":"):
        last = _last_sentence(text)
        label = " ".join(last.rstrip(":").split()[-4:])
        if _LABEL.search(label):  # "... Key Learning Themes:" at the end of a joined line
            return _lead_kind(label) or "finding"
        # a label that ends the line ("Key Learning Themes:") inside a longer block
        tail = last.rsplit(")", 1)[-1] if len(last) > 120 else last
        for cand in (tail, last):
            if _LEAD_NEG.search(cand):
                return None
            kind = _lead_kind(cand)
            if kind:
                return kind
        return None
    # a label line (not a heading: sections under headings are extract.py's) over a list
    if (
        len(text.split()) <= 8
        and not text.endswith((".", "?", "!"))
        and b.kind == "paragraph"
        and not _NUMBERED.match(text)
    ):
        label = re.sub(
            r"^[A-Z][a-z]+(?=[A-Z])", "", text
        )  # a glued table column header ("DateIssues")
        # the noun names the entries, not a kind of page ("Learning briefings", "Themes library")
        if _LABEL.search(label) or (_ENTRY_NOUN.search(label) and not _LEAD_NEG.search(label)):
            return _lead_kind(label) or "finding"
        if _ACTION_LEAD.search(label) and not _LEAD_NEG.search(label):
            return "action"  # "Immediate actions agreed" over a numbered list
    return None


_INLINE_LABEL = re.compile(r"^([A-Z][\w’' -]{1,40}?)\s*:\s+(\S.{10,})$", re.S)


# "Learning for Lowmoor Police": a kind's name, then whom it is for
_FOR_WHOM = re.compile(
    r"^(learning|lessons?|recommendations?|findings?|messages?)\s+(for|to)\s+.*$", re.I
)


def _fields_follow(blocks: Sequence[Block], i: int) -> bool:
    """Is the labelled paragraph at *i* a record's field: does another "Label: ..." paragraph
    follow before the next heading, so the paragraphs between belong to this one?"""
    for b in blocks[i + 1 :]:
        if b.kind == "heading":
            return False
        if b.kind == "paragraph" and _INLINE_LABEL.match(b.text):
            return True
    return False


# A count broken down after its label ("... nine recommendations: four for the partnership, ...")
_BREAKDOWN = re.compile(
    rf"(\d+|{'|'.join(_COUNT_WORDS)}|one|all|some|most) (for|of|to|about|in)\b", re.I
)


def _inline_label(text: str) -> tuple[str, str] | None:
    """A paragraph that opens with a label naming a kind ("Learning: ...") and the rest of it."""
    m = _INLINE_LABEL.match(text.strip())
    if not m or len(m.group(1).split()) > 6:
        return None
    # "Learning for Lowmoor Police: ..." names its kind and then whom it is for
    if re.match(r"(none|no (learning|lessons?|recommendations?|issues?))\b", m.group(2), re.I):
        return None  # "Learning for the ambulance service: None identified."
    if _BREAKDOWN.match(m.group(2)):
        return None  # "The review made nine recommendations: four for the partnership, ..."
    kind = section_kind(_FOR_WHOM.sub(r"\1", m.group(1)))
    if kind not in ("finding", "learning_point", "recommendation", "action", "next_step"):
        return None
    if kind in ("action", "next_step") and not re.match(
        r"(agreed )?(actions?|next steps?)\b", m.group(1), re.I
    ):
        return None  # "Action: ..." labels an action; "Translating learning into action: ..." is a title
    return kind, m.group(2).strip()


def _heading_lead(b: Block) -> str | None:
    """The kind of a heading that no section owns and whose words name the list under it
    ("4. What the review found", "Learning themes"), or None."""
    if section_kind(b.text) is not None:
        return None  # a section heading: extract.py reads its list
    label = _NUMBERED.sub("", b.text.strip()).rstrip(":").strip()
    if len(label.split()) > 8:
        return None
    if _LABEL.search(label):  # the label's last words name the entries ("What the reviews told us")
        return _lead_kind(label) or "finding"
    if _ACTION_LEAD.search(label) and not _LEAD_NEG.search(label):
        return "action"
    return None


def _short_list(blocks: Sequence[Block], members: Sequence[int]) -> bool:
    """True when *members* read as a list of short entries that starts under its label:
    none is a paragraph (over 60 words) and the numbering, if any, starts at 1."""
    if any(len(blocks[j].text.split()) > 60 for j in members):
        return False
    first = blocks[members[0]].number if members else None
    return first is None or str(first).strip(".() ") in ("1", "a", "i")


def _is_short_line(b: Block) -> bool:
    """A line that can only be a label or a question over what follows."""
    t = b.text.strip()
    return (
        b.kind in ("paragraph", "heading") and len(t.split()) <= 10 and not t.endswith((".", "!"))
    )


def _lead_kind(lead: str) -> str | None:
    """next_step / recommendation / action / learning_point / finding, by the lead-in's cue family."""
    if _NEXT_LEAD.search(lead):
        return "next_step"
    if _REC_LEAD.search(lead):
        return "recommendation"
    if _ACTION_LEAD.search(lead):
        return "action"
    if _FIND_LEAD.search(lead) or _LABEL.search(lead.strip()):
        return "learning_point" if _LEARNING_WORD.search(lead) else "finding"
    return None


def _is_label(text: str) -> bool:
    """A whole block that is a short label ending in ':' ("Key findings:")."""
    t = text.strip()
    return t.endswith(":") and len(t.split()) <= 8 and bool(_LABEL.search(t.rstrip(":")))


def _lead_body(text: str) -> str:
    """A lead-in block's text before its lead-in sentence (it may hold findings of its own)."""
    parts = _SENTENCE.split(text.strip())
    return " ".join(parts[:-1])


def _is_member(b: Block) -> bool:
    return b.kind == "list_item" or bool(_NUMBERED.match(b.text))


# An entry that names what was missing or not done ("Lack of ...", "Not seeing the adult
# alone", "Assessments not undertaken"): grammar, whatever the subject.
_SHORTFALL = re.compile(
    r"^(?:lack(?:ing)?|absence|failure|poor|limited|insufficient|inadequate|missed|little)\b"
    r"|\b(?:not|never|no|without|lack(?:ed|ing|s)?|unable)\b|n't\b",
    re.I,
)


def states_shortfall(text: str) -> bool:
    """Does the paragraph's first sentence state what is missing or not done ("We have not
    yet been able to show ...")?"""
    first = _SENTENCE.split(text.strip())[0]
    return bool(_SHORTFALL.search(first)) and not _FOLLOWING.search(first)


def _shortfall_list(blocks: Sequence[Block], after: Sequence[int]) -> str | None:
    """ "finding" when the short list entries *after* a block (no lead-in of a known kind)
    mostly name shortfalls: in a page read sentence by sentence such a list is what the
    review found wanting."""
    members = [blocks[j] for j in after]
    if len(members) < 3 or any(m.kind != "list_item" or len(m.text.split()) > 30 for m in members):
        return None  # short entries only: paragraphs set as a list are read sentence by sentence
    if any(m.text.rstrip().endswith("?") for m in members):
        return None  # questions for the reader ("Who would you talk to if you were unsure?")
    short = sum(1 for m in members if _SHORTFALL.search(m.text))
    return "finding" if short >= 0.6 * len(members) else None


def _list_after(blocks: Sequence[Block], i: int, lead: Block) -> list[int]:
    """Indexes of the list items a lead-in introduces (short unmarked lines inside it included)."""
    out: list[int] = []
    level = lead.level if lead.kind == "list_item" else -1
    j = i + 1
    while j < len(blocks):
        b = blocks[j]
        if b.kind == "heading" or done_lead(b.text):
            break  # ... or a lead-in to what was already done, a list of its own
        if _is_member(b):
            if (
                lead.kind == "paragraph"
                and not lead.text.rstrip().endswith(":")
                and len(b.text.split()) > 60
            ):
                break  # a label introduces short entries, not paragraphs
            if lead.kind == "list_item" and b.kind == "list_item" and b.level < level:
                break
            if (
                _lead_in(b) is not None
                and b.kind == "list_item"
                and b.level <= max(level, 0)
                and out
            ):
                break  # a new lead-in inside the list opens a list of its own
            out.append(j)
            j += 1
            continue
        # an unmarked short line between two items (markup lost) belongs to the list
        k = j
        while (
            k < len(blocks)
            and not _is_member(blocks[k])
            and blocks[k].kind == "paragraph"
            and len(blocks[k].text) <= 160
            and not blocks[k].text.rstrip().endswith(":")
            and _lead_in(blocks[k]) is None  # a label line ("Learning") opens a list of its own
        ):
            k += 1
        if out and k > j and k < len(blocks) and _is_member(blocks[k]) and k - j <= 3:
            out.extend(range(j, k))
            j = k
            continue
        break
    return out


def _clean_item(text: str) -> str:
    t = _NUMBERED.sub("", text.strip())
    t = re.sub(r"[,;]?\s*(and|or)$", "", t).strip()
    return t.rstrip(";,").strip()


# A cue before ':' and a ';' list after it, or a label and a comma list of short labels; or
# the same without the colon: "... issues including a; b; and c."  Found by scanning for the
# colon or the keyword (a single regex over long paragraphs backtracks badly).
_PUNCT = re.compile(r"[.:;!?]")
_BARE_KEY = re.compile(r"\b(?:includ(?:es|ed|ing)|such as|namely)\s+")
_BARE_REST = re.compile(r"[^.:]+;")


def _run_before(text: str, end: int) -> str:
    """The text before *end* back to the previous sentence or clause mark (at most 200 characters)."""
    start = max(0, end - 200)
    marks = [m.end() for m in _PUNCT.finditer(text, start, end)]
    return text[marks[-1] if marks else start : end]


def _before_list(text: str) -> str:
    """The whole sentences of *text* before the sentence that leads in to its first inline list."""
    split = _inline_split(text)
    if split is None:
        return ""
    before = text[: text.find(split[0])].rstrip()
    if before.endswith((".", "!", "?", "”", '"')):
        return before
    return " ".join(_SENTENCE.split(before)[:-1])  # the lead's sentence began before its clause


def _inline_split(text: str) -> tuple[str, str] | None:
    """(lead, rest) of the first inline list in *text*, or None."""
    if ":" in text:
        for m in re.finditer(":", text):
            lead = _run_before(text, m.start())
            if len(lead) >= 3:
                return lead, text[m.end() :].strip()
    if ";" in text:
        for m in _BARE_KEY.finditer(text):
            if _BARE_REST.match(text, m.end()):
                return _run_before(text, m.end()).rstrip(), text[m.end() :].strip()
    return None


# A sentence that asks for a change: a modal of obligation or a recommending verb.
_ASKS = re.compile(
    r"\b(should|must|needs? to|recommend(s|ed)?|(is|are) (also |now |further )?asked to)\b"
    # a review asking someone to act ("The first asks the Partnership to develop ...")
    r"|\b(asks|invites|encourages|urges)\b[\w ,’'-]{2,80}?\bto [a-z]+",
    re.I,
)


def prose_list_parts(text: str) -> list[str]:
    """The sentences of a recommendations list written as one paragraph, or [].

    Such a paragraph opens with one sentence that introduces the recommendations ("The
    panel made six recommendations ...") and is not an item, then has at least two
    sentences that each ask for a change.
    """
    sents = [x.strip() for x in _SENTENCE.split(text.strip()) if x.strip()]

    def asks(x: str) -> bool:  # "... should ...", or counted: "The first is that ..."
        return bool(_ASKS.search(x) or _FIRST.match(x) or _ORDINAL.match(x))

    lead = 0  # the introducing sentences ("The panels made 31 recommendations. Three apply ...")
    while lead < len(sents) and not asks(sents[lead]):
        lead += 1
    parts = sents[lead:]
    intro = 1 <= lead <= 2 and re.search(r"\brecommendations\b", sents[0], re.I)
    return parts if len(parts) >= 2 and intro and all(asks(x) for x in parts) else []


# A sentence that adds a point of its own by its grammar: a reporting or asking verb with
# "also", "further" or "too" ("The panel learned too that ...", "We also need to ...").
_VERB = (
    r"(?:found|learn[te]d|noted|saw|identified|concluded|heard|told|need(?:s|ed)? to|recommends?|asks?"
    r"|possible|likely|clear|apparent)"
)
_ANOTHER_POINT = re.compile(
    rf"^(?:[\w’'-]+\s+){{1,4}}?(?:also|further)\s+(?:\w+\s+)?{_VERB}\b"
    rf"|^(?:[\w’'-]+\s+){{1,3}}?{_VERB}\s+(?:too|also)\b",
    re.I,
)


def _another_point(s: str) -> bool:
    """A sentence that adds a point: "also/too" with a reporting or asking verb, and a
    shortfall or an ask in it (what was also done well is no further point)."""
    return bool(_ANOTHER_POINT.match(s)) and bool(
        _WEAKNESS.search(s) or _ADVICE.search(s) or _ASKS.search(s)
    )


def point_parts(text: str) -> list[str]:
    """A paragraph of a section that makes a second point in a sentence of its own ("... on
    either occasion. The panel learned too that ..."): one part per point, or [] (one point).
    The sentences between two such openings explain the point before them."""
    sents = [x.strip() for x in _SENTENCE.split(text.strip()) if x.strip()]
    starts = [0] + [n for n in range(1, len(sents)) if _another_point(sents[n])]
    if len(starts) < 2:
        return []
    ends = starts[1:] + [len(sents)]
    return [" ".join(sents[a:b]) for a, b in zip(starts, ends)]


def asks_for_change(text: str) -> bool:
    """True when every sentence of *text* asks for a change ("X should ...", "X must ...")."""
    sents = [x for x in _SENTENCE.split(text.strip()) if x.strip()]
    return bool(sents) and all(_ADVICE.search(x) for x in sents)


def directive_parts(text: str) -> list[str]:
    """The sentences of a paragraph whose every sentence asks for a change with its own subject, or [].

    "Practitioners should use ... . Home care agencies must report ..." is two recommendations; a
    sentence that goes on from the one before ("This should include ...") is part of it, and then
    the paragraph is one item.
    """
    sents = [x.strip() for x in _SENTENCE.split(text.strip()) if x.strip()]

    def recommending(x: str) -> bool:  # "The Panel recommends that ...", "It also recommends ..."
        return _cue_kind(x, findings=False) == "recommendation"

    def own(x: str) -> bool:
        asks = _ADVICE.search(x) or _ASKS.search(x)
        return recommending(x) or (bool(asks) and not _ANAPHOR.match(x))

    # a closing remark that asks nothing and does not go on from the sentence before ("The
    # partnership has accepted all of the recommendations.") is no part of the list
    while len(sents) > 2 and not own(sents[-1]) and not _ANAPHOR.match(sents[-1]):
        sents = sents[:-1]
    if len(sents) < 2 or not all(own(x) for x in sents[1:]):
        return []
    return sents if _ADVICE.search(sents[0]) or recommending(sents[0]) else []


# A sentence that opens by pointing back at the one before.
_ANAPHOR = re.compile(r"^(this|these|that|those|it|they|such|he|she|its|their|both|each)\b", re.I)


def inline_parts(text: str, in_section: bool = False) -> list[str]:
    """The parts of a ';' list after a lead-in in *text* ("Recommendations include: a; b; c"), or [].

    In a section that names its kind, any lead-in ending ':' over three or more ';' parts
    will do ("The partnership has agreed that the following areas need to improve: a; b; c").
    """
    found = _inline_list(text, in_section)
    return found[1] if found else []


def _inline_list(text: str, in_section: bool = False) -> tuple[str, list[str]] | None:
    found = _inline_list_end(text, in_section)
    return found[:2] if found else None


def _inline_lists(text: str) -> list[tuple[str, list[str]]]:
    """Every inline list of a paragraph, one after another ("Learning includes: a; b; and c.
    Recommendations include: d; e.")."""
    out: list[tuple[str, list[str]]] = []
    while (found := _inline_list_end(text)) is not None:
        out.append(found[:2])
        text = text[found[2] :]
    return out


def _inline_list_end(text: str, in_section: bool = False) -> tuple[str, list[str], int] | None:
    """The first inline list's kind, entries and where in *text* its sentence ends."""
    split = _inline_split(text)
    if split is None:
        return None
    lead, rest = split
    # "the following areas" is a review's scope, unless what follows must change
    if (_LEAD_NEG.search(lead) and not (in_section and _ASKS.search(lead))) or rest.endswith(":"):
        return None
    first = _SENTENCE.split(rest)[0]  # the list ends with its sentence
    kind = _lead_kind(lead) or ("section" if in_section and first.count(";") >= 2 else None)
    if kind is None:
        return None
    if ";" in first:
        parts = first.split(";")
    elif _LABEL.search(lead.strip()) and len(lead.split()) <= 6 and not _count(lead):
        # (a count's breakdown, "seven recommendations: four to government and ...", is none)
        parts = re.split(r",\s*|\s+and\s+", first)
        if any(len(p.split()) > 8 for p in parts):
            return None  # a sentence, not a list of labels
    else:
        return None
    items = []
    for p in parts:
        p = re.sub(r"^\s*(and|or)\s+", "", p.strip())
        p = _FOOTNOTE.sub("", p.rstrip(". ").strip()).rstrip(".").strip()
        if p:
            items.append(p)
    return (kind, items, text.index(rest) + len(first)) if len(items) >= 2 else None


# "common themes, such as A, B and C, and ..." names the themes in passing.
_SUCH_AS = re.compile(
    r"\b(themes|lessons|findings|learning)\b[^.;:]{0,30}?,?\s+"
    r"(such as|including|namely)\s+(?P<list>[^.;:]+)",
    re.IGNORECASE,
)


def _such_as_list(text: str) -> list[str]:
    m = _SUCH_AS.search(text)
    if not m:
        return []
    body = re.split(r",\s+and\s+|\s+\(", m.group("list"))[0]  # a second object ends the list
    parts = [p.strip() for p in re.split(r",\s*|\s+and\s+", body) if p.strip()]
    if len(parts) < 2 or any(len(p.split()) > 6 for p in parts):
        return []
    return parts


# Practice judgements stated without a reporting verb ("a joined up approach was lacking",
# "the referral was not escalated", "he was appropriately assessed", "there should always be").
_JUDGEMENT = re.compile(
    r"\b(lack(ing|ed)|lack of|insufficient|inadequate(ly)?|failures? to|missed opportunit\w+|"
    r"not (properly|adequately|appropriately|fully|sufficiently|consistently)|"
    r"(was|were) (also )?not (considered|shared|explored|recognised|assessed|followed|escalated|aware|seen|"
    r"challenged|questioned)|(was|were) compromised|too (long|late|slow)|(was|were|been) appropriately|"
    r"an appropriate [\w -]{1,30} (was|were) (undertaken|made|completed|taken|carried out)|"
    r"should always|it (is|was) (not )?(apparent|clear|evident)( from [\w ]{1,40})? that|"
    # a professional act left undone ("The GP did not ask about ...", "... were not known to the housing provider")
    r"(did|does|do) not (ask|share|consider|record|refer|escalate|explore|check|assess|follow|recognise|"
    r"recognize)|"
    # an absence the review looked for ("There was no evidence that ...")
    r"there (was|were|is) (no|little|limited) (evidence|record)s? (that|of)|"
    r"(was|were) not known to|"
    # a due step of practice skipped ("discharged without a multi-agency meeting")
    r"without (a |an |any )?([\w-]+ ){0,2}(assessments?|meetings?|plans?|referrals?|discussions?|checks?|"
    r"enquir(y|ies)|supervision))\b",
    re.IGNORECASE,
)
# The same words describing the child's or the adult's condition, or a process in general.
_CASE_FACT = re.compile(
    r"\b(to lack (mental )?capacity|lacks? capacity|when a child dies|the purpose)\b", re.IGNORECASE
)
# A sentence that asks for a change (read as a recommendation under a "Recommendations" label).
_ADVICE = re.compile(r"\b(should|must|needs? to|ought to)\b|^to [a-z]+\b", re.IGNORECASE)
_EXAMPLE = re.compile(r"\b(for example|for instance|in particular|e\.g\.|such as)\b", re.IGNORECASE)
_CONNECTIVE = re.compile(
    r"(similarly|likewise|equally|in addition|also|furthermore|moreover)\b", re.IGNORECASE
)


def _cue_kind(s: str, findings: bool = True) -> str | None:
    """The kind a sentence's own cue gives it (a recommending, committing, lesson or reporting verb)."""
    if _REC_HINT.search(s.lower()) and _REC_SENT.search(s):
        return "recommendation"
    if _COMMIT_SENT.search(s) or _AGREED_SENT.search(s):
        return "action"  # a strong form, like a recommending verb
    if findings and _LEARN_SENT.search(s):
        return "learning_point"
    if findings and _FIND_SENT.search(s):
        return "finding"
    return None


def recommends(text: str) -> bool:
    """Does the paragraph open by recommending ("I recommend that ...", "The panel recommends")?"""
    return _cue_kind(_SENTENCE.split(text.strip())[0], findings=False) == "recommendation"


_PARA_NUMBER_ONLY = re.compile(r"\(?\d{1,3}(?:\.\d{1,3})*[.)]?")


def _paragraph_items(
    sentences: Sequence[str], b: Block, heading: str | None, default: str
) -> list[Candidate]:
    """A paragraph under a heading of findings or learning: one item per point it makes.

    A point opens with the paragraph or, in a paragraph that opens with a reported finding,
    with a sentence that has a cue of its own ("The review also found that ..."); the sentences
    after it explain it and belong to it.  A paragraph that
    opens by counting or introducing ("The review identified five findings."), asks, leads in
    to a list or turns to good practice is not a point.
    """
    if not sentences:
        return []
    counted = prose_list_parts(" ".join(sentences))  # "The review makes two recommendations. ..."
    if counted:
        return [_item("recommendation", part, b, heading) for part in counted]
    first = sentences[0]
    if not _SENTENCE_LIKE.search(sentences[-1]) and len(" ".join(sentences).split()) < 12:
        return []  # a date, a byline or a link line, not a statement
    if len(sentences) > 1 and _PARA_NUMBER_ONLY.fullmatch(first.strip()):
        sentences = sentences[1:]  # "35. This chapter sets out ...": the number is no sentence
        first = sentences[0]
    if (
        _SENT_NEG.search(first)
        or first.rstrip().endswith((":", "?"))
        or _PRAISE.search(first)
        or _praise_only(first)
        or _FOLLOWING.search(first)
        or (len(sentences) > 1 and _SET_OUT.search(sentences[1]))  # "... They are set out below."
        or _ABOUT_REVIEWS.search(first)
    ):
        return []
    if (
        len(sentences) > 1
        and len(first.split()) <= 5
        and not _FINITE.search(first)
        and not _cue_kind(first)
    ):
        # a run-in label ("Neglect. Neglect featured in ..."): what follows is the point
        if _PRAISE.search(first):
            return []
        sentences = sentences[1:]
        if _PRAISE.search(sentences[0]):
            return []
    # a paragraph that opens with a reported finding may report several; one that opens with
    # a plain statement of its point explains that point in the sentences after it
    reported = _cue_kind(sentences[0]) is not None
    out: list[Candidate] = []
    for s in sentences:
        if s.rstrip().endswith(("?", ":")):
            continue  # a question to the reader or a lead-in is not part of the point
        kind = _cue_kind(s)
        # "The panel learned too that ... was not known"; after a headline of a few words
        # ("Health appointments were missed.") the sentences explain the headline
        another = _another_point(s) and len(sentences[0].split()) > 6
        if out and not another and (kind is None or not reported or _SENT_NEG.search(s)):
            out[-1].text += " " + s
            continue
        out.append(_item(kind or default, s, b, heading))
    return out


# Headings of a report's story and method, not its learning: what is said under them is the case
# or the process ("Doctors found that ...", "The review looked at ...").
_NARRATIVE = re.compile(
    r"^(introduction|background|summary of (the )?(key )?(events|circumstances|incident)|chronology|"
    r"(the )?(case|family) (background|history|summary)|(the )?review process|how the review was|"
    r"methodology|terms of reference|scope\b|why (this|the) review|circumstances|what happened|"
    r"the incident|agency involvement|acknowledg)",
    re.I,
)
# Headings of what has already been done since the incident or the review.
_DONE_HEADING = re.compile(
    r"^((immediate )?([\w-]+ ){0,2}?actions? (already )?(taken|completed)|completed\b|"
    r"actions? [\w’' ]{0,40}?\b(has|have) (already )?(been )?(taken|completed|done)\b|"
    r"what (has|have) (already )?(changed|happened|improved)|"
    r"what (we|agencies|the (\w+ )?(partnership|board|partners|council|panel)) (have |has )?"
    r"(already )?(did|done)\b)",
    re.I,
)


# A finite verb of the closed class: a short sentence with none is a label ("Neglect.").
_FINITE = re.compile(
    r"\b(is|are|was|were|be|been|has|have|had|do|does|did|can|could|should|must|will|would|may|"
    r"might)\b",
    re.I,
)


# An entry that commits someone to act: a subject, then "will" ("We will audit ...", "The drug
# and alcohol service will introduce ..."); grammar, not a list of verbs.
_COMMITMENT = re.compile(r"^(?:[\w’'-]+,?\s+){1,10}?will\s+(?!not\b)[a-z]", re.I)


def is_commitment(text: str, active: bool = False) -> bool:
    """Does *text* open with a subject committing to act?  With *active*, "will be ..." (a
    passive: "Progress will be tracked") does not count."""
    m = _COMMITMENT.match(text)
    if m is None:
        return False
    return not (active and re.match(r"be\b", text[m.end() - 1 :], re.I))


def is_title(text: str) -> bool:
    """A line with no finite verb names a topic ("Missing episodes"); it states nothing."""
    return not _FINITE.search(text)


def opens_with_example(text: str) -> bool:
    """A paragraph that gives evidence for what precedes it ("For example, the records ...")."""
    return bool(_EXAMPLE.match(text))


# A review's "Conclusions" section states its findings (a DHR's, an SCR's).
_CONCLUSIONS = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+)?conclusions\b", re.I)


# A lead-in to a list of what was already done ("The following actions were completed by
# agencies before the review concluded:")
_DONE_LEAD = re.compile(
    r"\bactions? (?:were|have been|has been|was) (?:already )?(?:completed|taken|done)\b[^.]*:\s*$",
    re.I,
)


def done_lead(text: str) -> bool:
    """A lead-in saying that the entries below were already done."""
    return text.rstrip().endswith(":") and bool(_DONE_LEAD.search(text))


def done_heading(text: str) -> bool:
    """A heading of what has been done since ("What has changed", "7.4 Actions already taken")."""
    return bool(_DONE_HEADING.match(heading_words(text)))


def narrative_heading(text: str) -> bool:
    """A heading of a report's story or method ("Background", "2. How the review was carried out")."""
    return bool(_NARRATIVE.match(heading_words(text)))


# A sentence ends as one (a full stop, possibly inside quotes or brackets).
_SENTENCE_LIKE = re.compile(r"[.!]['’”\")]*\s*$")
# A sentence that announces what comes next ("identified the following lessons", "... as follows").
_FOLLOWING = re.compile(r"\b(the following|as follows|set out below|listed below|below)\b", re.I)
_SET_OUT = re.compile(r"\b(the following|as follows|(set out|listed|described) below)\b", re.I)
# A sentence that turns to what went well: what follows is a strength, not learning.
_GOOD_WORK = r"\b(good|positive|effective|strong) (practice|work)\b"
_PRAISE = re.compile(
    rf"{_GOOD_WORK}|\bstrengths?\b|\bwent well\b|\bgrateful\b|\bthank|"
    r"\bwhat is (improving|working)\b|\bencourag",
    re.I,
)
# Practice judged good, with no weakness beside it ("Children's voices were well recorded in most
# cases"); "it was thorough, but its conclusions were not used" is a finding.
_POSITIVE = re.compile(
    r"\b(was|were|is|are) (very |generally |consistently |mostly |usually |often )?"
    r"(well [a-z]+ed|good|strong|effective|thorough|timely|prompt|clear|appropriate)\b",
    re.I,
)
_WEAKNESS = re.compile(
    r"\b(not|no|never|rarely|seldom|without|lack\w*|but|although|however|except|too)\b|n't\b", re.I
)


def _praise_only(sentence: str) -> bool:
    return bool(_POSITIVE.search(sentence) or _PRAISED.search(sentence)) and not _WEAKNESS.search(
        sentence
    )


# Practice the review praised ("The report praised the hospital's paediatric team ...")
_PRAISED = re.compile(
    rf"\bprais(e|ed|es|ing)\b|{_GOOD_WORK}"
    r"|\bacted (quickly|promptly|swiftly|decisively)\b",
    re.I,
)


# A sentence about the reviews themselves, not what they found ("The partnership completed two
# reviews", "We published three rapid reviews this year").
_ABOUT_REVIEWS = re.compile(
    r"\b(completed|published|undertook|carried out|commissioned|held|conducted|received)\b[^.;]{0,60}?"
    r"\b(reviews|lcsprs|csprs|scrs|sars|dhrs|audits|notifications)\b",
    re.I,
)


def _sentence_items(
    text: str,
    b: Block,
    heading: str | None,
    *,
    findings: bool = True,
    default: str | None = None,
) -> list[Candidate]:
    """One item per cue sentence; two cue sentences one sentence apart make one item.

    With ``findings=False`` only recommending sentences count.  With a *default* kind (the
    sentences stand under a heading of that kind) a sentence without a cue is an item too,
    unless it introduces a list, asks a question or is one of the negatives.
    """
    sentences = [s for s in _SENTENCE.split(text.strip()) if s]
    if default:
        return _paragraph_items(sentences, b, heading, default)
    kinds: list[str | None] = []
    for s in sentences:
        kind = _cue_kind(s, findings)
        if kind is None and findings and _JUDGEMENT.search(s) and not _CASE_FACT.search(s):
            kind = "finding"  # a practice judgement without a reporting verb
        if kind is None and default and not s.rstrip().endswith((":", "?")):
            kind = default
        if kind == "finding" and (_ABOUT_REVIEWS.search(s) or _praise_only(s)):
            kind = None  # the reviews' own activity, or practice found good
        if s.rstrip().endswith(":"):
            kind = None  # a lead-in ("The Panel will focus on the following priorities:")
        kinds.append(
            None if kind and _SENT_NEG.search(s) else kind
        )  # negatives only where a cue fired (or the heading gave the kind)
    for n in range(1, len(sentences)):
        if kinds[n] is None and _count(sentences[n - 1]) and _FIRST.match(sentences[n]):
            kinds[n] = (
                "recommendation"  # "The review makes two recommendations. The first is that ..."
            )
        if kinds[n - 1] == "recommendation" and _ORDINAL.match(sentences[n]):
            kinds[n] = (
                "recommendation"  # "The first recommendation is that ... The second is that ..."
            )
    out: list[Candidate] = []
    n = 0
    while n < len(sentences):
        kind = kinds[n]
        if kind is None:
            # a quotation over several sentences, attributed to the review at its end
            if findings and sentences[n][:1] in '“"':
                ends = [
                    m
                    for m in range(n, min(n + 6, len(sentences)))
                    if _ATTRIBUTED.search(sentences[m])
                ]
                if ends:
                    out.append(_item("finding", " ".join(sentences[n : ends[0] + 1]), b, heading))
                    n = ends[0] + 1
                    continue
            n += 1
            continue
        end = n
        # an example between two findings, or a finding that goes on "Similarly, ...", joins them
        while (
            end + 2 < len(sentences)
            and kinds[end + 1] is None
            and kinds[end + 2] == kind == "finding"
            and (_EXAMPLE.search(sentences[end + 1]) or _CONNECTIVE.match(sentences[end + 2]))
        ):
            end += 2
        joined = " ".join(sentences[n : end + 1])
        for part in that_clauses(joined) or [joined]:
            out.append(_item(kind, part, b, heading))
        n = end + 1
    return out


def lettered_run(sentence: str) -> list[str]:
    """The entries of a sentence that letters them "(a) ... (b) ... (c)" in sequence from (a),
    without the lead-in before (a), or [] (fewer than two).

    >>> lettered_run("Remember that (a) babies cry a lot; and (b) fathers need the advice too.")
    ['babies cry a lot', 'fathers need the advice too']
    """
    marks: list[re.Match[str]] = []
    for m in _RUN_LETTER.finditer(sentence):
        if ord(m.group(1)) - ord("a") == len(marks):
            marks.append(m)
    if len(marks) < 2:
        return []
    ends = [m.start() for m in marks[1:]] + [len(sentence)]
    parts = [
        re.sub(r"[;,]?\s*(?:and|or)?\s*$", "", sentence[m.end() : e].strip()).rstrip(".;, ")
        for m, e in zip(marks, ends, strict=True)
    ]
    return parts if all(len(p.split()) >= 3 for p in parts) else []


# A sentence that goes on counting what the one before began ("The second is that ...").
_ORDINAL = re.compile(
    r"^(?:the )?(?:second|third|fourth|fifth|sixth|seventh|next|last|final|other)\b(?: \w+)?"
    r" (?:is|was|asks|recommends|calls|concerns|proposes|requires)\b",
    re.IGNORECASE,
)
# ... and the sentence that begins the count, after one that counts recommendations
_FIRST = re.compile(
    r"^(?:the )?first\b(?: \w+)? (?:is|was|asks|asked|recommends|calls|proposes|requires)\b", re.I
)
_THAT_LEAD = re.compile(
    r"\brecommend(?:s|ed)?(?: [\w ]{1,40}?)? that\s+|\b(?:is|are|was|were) that\s+"
    r"|\b(?:found|finds|identified|concluded|showed|shows|highlighted) that\s+",
    re.IGNORECASE,
)
# "(a) ... (b) ... (c) ...": lettered entries run together in one sentence.
_RUN_LETTER = re.compile(r"(?:^|(?<=\s))\(([a-h])\)\s+")
_THAT_NEXT = re.compile(r";\s*(?:and\s+)?that\s+", re.IGNORECASE)
_SEMI_NEXT = re.compile(r";\s*(?:and\s+)?", re.IGNORECASE)
_THAT_COMMA = re.compile(r",\s*(?:and\s+)?that\s+", re.IGNORECASE)


def that_clauses(sentence: str) -> list[str]:
    """The items of one sentence that lists them ("It recommended that A; that B; and that C.",
    "The learning is that A; B; and C."), each without its joining words, or [] for a sentence
    with one.

    >>> that_clauses("It recommended that the board acts now; and that schools report absences.")
    ['the board acts now', 'schools report absences']
    """
    lettered = lettered_run(sentence)
    if lettered:
        return lettered
    m = _THAT_LEAD.search(sentence)
    if not m:
        return []
    rest = sentence[m.end() :]
    parts = [p.strip().rstrip(".").strip() for p in _THAT_NEXT.split(rest)]
    if len(parts) < 2:
        # "The review found that A, that B, and that C.": three or more, joined by commas
        parts = [p.strip().rstrip(".").strip() for p in _THAT_COMMA.split(rest)]
        parts = parts if len(parts) >= 3 else [rest]
    if len(parts) < 2:
        # "The main learning is that A; B; and C.": three or more parts joined by ';'
        parts = [p.strip().rstrip(".").strip() for p in _SEMI_NEXT.split(rest)]
        parts = parts if len(parts) >= 3 else []
    return parts if all(len(p.split()) >= 3 for p in parts) else []


def sentences(text: str) -> list[str]:
    """The sentences of *text*, as every rule of running text splits them."""
    return [s for s in _SENTENCE.split(text.strip()) if s]


def one_sentence(text: str) -> bool:
    """Is *text* a single sentence (it may list several items inside it)?"""
    return len(sentences(text)) == 1
