"""Which kind of learning a section's heading announces (recommendations, findings, ...).

A leaf shared by the item rules and the running-text cues, which both read headings
and both hand on :class:`Candidate` items (extract.items makes them public Items).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(slots=True)
class Candidate:
    """An item while it is being read: its text grows over wrapped lines and sub-bullets.

    Mutable on purpose (a list item's continuation is appended to it); internal to the
    extract package, which turns each into a frozen :class:`reviewmine.types.Item`.
    """

    kind: str
    text: str
    page: int
    start: int
    end: int
    heading: str | None = None
    subheading: str | None = None
    number: str | None = None
    paragraph: str | None = None
    section: str = "main"
    confidence: float = 0.9
    subitems: list[str] = field(default_factory=list)
    labelled: bool = False  # "Recommendation 3: ...", "Finding 1"
    awaiting: bool = False  # a label whose statement follows in the next block
    running: bool = False  # read from running text, not from a section
    agency: str | None = None  # a table row's responsible body
    subs_open: bool = False  # "... including:": the following flat bullets belong to it
    size: float = 0.0  # font size of a paragraph item (smaller print after it is not an item)
    box: object = None  # the boxed study it was read from


# Section headings -> item kind.  Order matters: first match wins.
_SECTION_KINDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.I), k)
    for p, k in (
        (
            r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:what (?:does|do) the .{2,60} need to improve|what needs to improve)|"
            # "Areas where practice must improve", "Where leaders need to improve"
            r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:areas? )?where .{2,40}\b(?:must|needs? to|should) improve\b|"
            # "Things we need to get better at", "What the local authority needs to do better"
            r"\b(?:must|needs? to|should) (?:get|do) better\b",
            "area_for_improvement",
        ),
        (
            r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:areas? (?:for|requiring) priority action|priority actions?\s*:?$)",
            "priority_action",
        ),
        (
            r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:priority and immediate action|"
            r"areas? for (?:further )?improvement|areas? (?:requiring|for) development)",
            "area_for_improvement",
        ),
        # strengths and weaknesses found, in a joint inspection's own questions
        (r"^what (?:is|are) the .{2,60} doing (?:that is effective|well)", "good_practice"),
        (r"^(?:highly )?effective practice\b", "good_practice"),
        (
            r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:single[- ]agency |multi[- ]agency )?recommendations?\b",
            "recommendation",
        ),
        (
            # with a determiner too ("Our findings", "The review's findings")
            r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:our|its|their|the(?: [\w-]+['’]s)?) )?"
            r"(?:key |main |summary of )?(?:findings?\b(?!\s+\d)|conclusions\s*:?$)|"
            # a summary's "Key issues" ("Key issues arising"); "Issues for the Board" asks
            r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:the )?key issues(?: arising| identified)?\s*:?$",
            "finding",
        ),
        (
            r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:key |immediate |practice )?learning(?: points?| identified| for practice)?\s*:?$|"
            r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:key )?lessons? (?:to be )?(?:learn[et]|for)|^(?:\d+\.?\s+)?learning points?\b|"
            r"^(?:\d+(?:\.\d+)*\.?\s+)?key messages?\b|"
            # a briefing's advice to practitioners ("Top tips for practitioners", "Practice tips")
            r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:top |practice |key )?tips\b",
            "learning_point",
        ),
        (
            r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:areas of )?good practice\b|^(?:\d+\.?\s+)?(?:key )?strengths\b(?!\s+and\s+weakness)",
            "good_practice",
        ),
        (r"^(?:\d+\.?\s+)?(?:next steps\b|what happens next\b|still to do\b)", "next_step"),
        (
            # actions already taken are what was done, not items ("Immediate actions taken")
            r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:agreed |immediate |next )?actions?(?: agreed| required| plan)?\s*:?$",
            "action",
        ),
    )
)


# The item kinds in the task's own words.  A short heading whose head noun is one of them announces
# that kind, whatever its other words: the last word of an English noun phrase ("Immediate learning",
# "Single-agency recommendations"), or the first before a participle ("Learning identified",
# "Actions agreed").  Findings are left out: an inspection's "Summary of key findings" is narrative.
_KIND_NAMES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.I), k)
    for p, k in (
        (r"^recommendations?$", "recommendation"),
        (r"^(?:learning|learning points?|key points?|lessons?|messages?)$", "learning_point"),
        (r"^(?:areas? for improvement|improvements?)$", "area_for_improvement"),
        (r"^priority actions?$", "priority_action"),
        (r"^next steps?$", "next_step"),
        (r"^actions?$", "action"),
        (r"^(?:strengths|good practice)$", "good_practice"),
    )
)
# A heading's printed number: "4.", "4.2", "IV.", "iv)", "B.", "(c)", a form's "Q5."
_NUMBERING = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?|\(?(?:\d{1,2}|[A-Za-z]|[ivx]+|[IVX]+)[.)]|Q\d{1,2}[.:)]?)\s+"
)


# A heading that asks what the review found, what was learned or what should be done, by its
# verb ("4. What did we learn?", "What the review found", "What should practitioners do?"): the
# question a briefing's section answers.  Read by grammar: "what", then a verb of the kind
# within the next few words; a question about what is being done or has changed is not one.
_ASKED = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+)?what\s+(.+)$", re.I)
_ASKED_VERBS = (
    (re.compile(r"^(?:learns?|learnt|learned|taught|teach|teaches)$", re.I), "learning_point"),
    (
        re.compile(
            r"^(?:finds?|found|identif(?:y|ies|ied)|sees?|saw|shows?|showed|tells?|told|hears?|heard)$",
            re.I,
        ),
        "finding",
    ),
    # what the review asks for, in the present ("What the review calls for", "... asks of
    # agencies", "What we ask of partners"); "was asked to consider" is its terms of
    # reference, not a request
    (re.compile(r"^(?:recommend|recommends|calls|asks?|urges?)$", re.I), "recommendation"),
)
_ASKED_NOUN = re.compile(r"^(?:learning|lessons|recommendations|findings|actions)$", re.I)
# "What further actions have been agreed?": a word that only qualifies the noun asked for
_ASKED_QUALIFIER = re.compile(r"^(?:further|other|immediate|key|main|new|additional)$", re.I)
_ASKED_AUX = re.compile(r"^(?:has|have|had|did|does|do|is|are|was|were|can|should)$", re.I)
_ASKED_MODAL = re.compile(r"^(?:should|must|can|could|needs?|ought)$", re.I)
_ASKED_WANT = re.compile(r"^(?:wants?|would|need|needs|expect|expects|asking)$", re.I)
_ASKED_DO = re.compile(r"^(?:do|change|happen|improve|consider|know|ask)$", re.I)


# "Themes we saw", "Issues the reviews identified": learning named by a noun and what the
# review did with it.
_RELATIVE = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:the |our )?(?:key |main |common )?(themes|issues|messages|lessons|learning|concerns)"
    r"\s+(?:that\s+|which\s+)?(?:we|the (?:\w+ )?reviews?|reviewers|the panel|they)\s+(?:have\s+)?"
    r"(?:saw|seen|found|identified|heard|learned|learnt|noted)\s*$",
    re.I,
)


# "Themes from recent reviews", "Issues arising from local reviews": the same, by where they
# came from.
_FROM_REVIEWS = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:the |our )?(?:key |main |common )?(themes|issues)"
    r"\s+(?:from|arising from|emerging from)\s+(?:the |our |recent |local |these )*(?:[\w-]+ )?"
    r"(?:reviews?|cases?)\s*$",
    re.I,
)


_WELL = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?what(?:'s| is| was| has been)?\s+(?:working|went|worked|is going)\s+well\b",
    re.I,
)


_GOOD_PRACTICE_ASKED = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:what|(?:was|were|is|are) there)\b.*\bgood practice\b", re.I
)


_WRONG = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?what (?:went|has gone|goes|was) (?:wrong|less well|not (?:so )?well)\b",
    re.I,
)


_MEANS = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?what (?:this|that|it|the learning) means for (?:you|your|practi|practice)",
    re.I,
)
_NEXT = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?what (?:we|the (?:\w+ )?(?:partnership|board|panel|partners)) (?:will|are going to) "
    r"do(?: next)?\b",
    re.I,
)


def asked_kind(heading: str) -> str | None:
    """The kind a heading asks for by its verb, or None.

    >>> asked_kind("4. What did we learn?"), asked_kind("What the review found")
    ('learning_point', 'finding')
    >>> asked_kind("What should practitioners do?"), asked_kind("What has changed since the review?")
    ('recommendation', None)
    """
    if _WELL.match(heading.strip()) or _GOOD_PRACTICE_ASKED.search(heading):
        return "good_practice"  # "What has the review identified as good practice?"
    if _WRONG.match(heading.strip()):
        return "finding"  # "What went wrong": the counterpart of "What went well"
    if _MEANS.match(heading.strip()):
        return "recommendation"  # "What this means for your practice"
    if _NEXT.match(heading.strip()):
        return "next_step"  # "What the Partnership will do next"
    if rel := _RELATIVE.match(heading.strip().rstrip("?:. ")) or _FROM_REVIEWS.match(
        heading.strip().rstrip("?:. ")
    ):
        return "learning_point" if rel.group(1).lower() in ("lessons", "learning") else "finding"
    m = _ASKED.match(heading.strip().rstrip("?:. "))
    words = m.group(1).split() if m else []
    if not words or len(words) > 9:
        return None
    if len(words) <= 3 and words[0].lower() == "to" and _ASKED_DO.match(words[1]):
        return "recommendation"  # "What to do", "What to do next": an instruction to the reader
    if (
        len(words) >= 4
        and words[-2].lower() == "to"
        and _ASKED_DO.match(words[-1])
        # someone else is to do it ("want partners to do", "partners are being asked to
        # change"); "need to do" is the writer's own, "was asked to consider" the brief
        and (
            any(_ASKED_WANT.match(w) for w in words[:-3])
            or (
                words[-3].lower() == "asked"
                and any(w.lower() in ("are", "is", "being") for w in words[:-3])
            )
        )
    ):
        return "recommendation"  # "What we want partners to do", "What we would like you to do"
    asked = words[1:] if len(words) >= 3 and _ASKED_QUALIFIER.match(words[0]) else words
    if len(asked) >= 2 and _ASKED_NOUN.match(asked[0]) and _ASKED_AUX.match(asked[1]):
        # "What learning has the rapid review identified?": the noun asked for names the kind
        noun = asked[0].lower()
        if noun.startswith("action"):
            # "What further actions have been agreed?"; "... have been taken?" is what was done
            done = any(w.lower() in ("taken", "completed", "done", "already") for w in asked)
            return None if done else "action"
        return (
            "recommendation"
            if noun.startswith("recommend")
            else ("finding" if noun.startswith("finding") else "learning_point")
        )
    for j, word in enumerate(words[:5]):
        if len(words) - j - 1 > 4:
            continue  # the verb of a short question is near its end
        for pat, kind in _ASKED_VERBS:
            if pat.match(word):
                return kind
        if _ASKED_DO.match(word) and any(_ASKED_MODAL.match(w) for w in words[:j]):
            return "recommendation"
    return None


def heading_words(heading: str) -> str:
    """A heading without its printed number ("7.4 Actions already taken" -> "Actions already taken")."""
    return _NUMBERING.sub("", heading.strip())


# A document's own division before a heading's words ("Section 4:", "Part 2 -", "Chapter 3.").
_DIVISION = re.compile(
    r"^(?:section|part|chapter)\s+(?:\w{1,4}\s*[:.\-–—]|(?:\d{1,2}|[a-z]|[ivx]{1,4})\b)\s+(?=\S)"
    r"|^(?:appendix|annex)(?:\s+(?:\w{1,4}|\d{1,2}))?\s*[:.\-–—]\s+(?=\S)",  # "Appendix: Action plan"
    re.I,
)


def section_kind(heading: str, *, named: bool = True) -> str | None:
    """The kind of item a heading's section holds, or None.

    With ``named=False`` (a table cell, which may be any short phrase) only the heading
    patterns count, not a kind's name as the head noun.

    >>> section_kind("6. Recommendations"), section_kind("Immediate learning"), section_kind("Contents")
    ('recommendation', 'learning_point', None)
    """
    # "Section 4: Learning identified", "IV. Findings": the heading's words without its number
    h = _NUMBERING.sub("", _DIVISION.sub("", heading.strip()))
    for pat, kind in _SECTION_KINDS:
        if pat.search(h):
            return kind
    return (_named_kind(h) if named else None) or asked_kind(h)


def _named_kind(heading: str) -> str | None:
    words = _NUMBERING.sub("", heading).rstrip(" :").split()
    if not 1 <= len(words) <= 5 or heading.rstrip().endswith(("?", ".")):
        return None  # a question or a sentence, not a heading naming its content
    if words[0].lower() in ("how", "why", "when", "where", "more"):
        # "How we shared the learning": a process, not the learning itself; "More learning"
        # on a web page: links to other pages
        return None
    lower = [w.lower() for w in words]
    if "for" in lower[1:4]:
        # "Messages for practice", "Recommendations for the Board": the noun before "for"
        head = " ".join(words[: lower.index("for", 1)])
        for pat, kind in _KIND_NAMES:
            if pat.match(head):
                return kind
    for n in (3, 2, 1):
        # "Actions agreed", "Learning identified"; "Action to take", "Steps to be taken"
        participle = (len(words) == n + 1 and words[-1].lower().endswith(("ed", "nt"))) or (
            len(words) in (n + 2, n + 3) and words[n].lower() == "to"
        )
        for part in (words[-n:], words[:n] if participle else []):
            for pat, kind in _KIND_NAMES:
                if part and pat.match(" ".join(part)):
                    return kind
    return None
