"""Find every recommendation, finding, learning point and area for improvement.

Structure first: headings that open a section of learning ("Recommendations",
"What needs to improve", "Findings", "Learning points", "Actions"...), then
the list items, numbered paragraphs, labelled paragraphs ("Recommendation 3:")
and table rows inside it.  Documents with no such section (scrutiny reports)
are read sentence by sentence for recommendations and learning stated in
running text.  Every item keeps its page, heading and character span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..types import ACTIONABLE_KINDS, Block, Document, Item
from .running_text import (
    PAPER_REQUEST,
    REVIEW_TYPES,
    SPEECH_VERBS,
    asks_for_change,
    directive_parts,
    done_heading,
    done_lead,
    inline_parts,
    is_commitment,
    is_prompt,
    is_title,
    lettered_run,
    narrative_heading,
    one_sentence,
    opens_with_example,
    point_parts,
    prose_list_parts,
    recommends,
    running_text_items,
    sentences,
    states_shortfall,
    that_clauses,
)
from .sections import Candidate, heading_words, section_kind

EXTRACTOR_VERSION = "extract.v9"  # v9: scraped web pages (bare lists, wrapped text, asked-to forms)

# Inspections and their letters: their narrative is evidence and judgement, not items.
_INSPECTION_TYPES = frozenset(
    {
        "ofsted_inspection",
        "focused_visit",
        "monitoring_visit",
        "ofsted_letter",
        "jtai_letter",
        "area_send",
    }
)

# A labelled paragraph or heading that is itself an item.
_LABEL = re.compile(
    r"^(recommendation|finding|learning point|learning|lesson|action|area for improvement|"
    r"area for priority action|priority action|priority)\s+"
    r"(\d{1,3}(?!\d)[a-z]?|(?-i:[A-Z])(?![\w’']))\s*[:.\-–—)]?\s*",
    re.I,  # "Action plans" is no label
)
_LABEL_KIND = {
    "recommendation": "recommendation",
    "finding": "finding",
    "learning point": "learning_point",
    "learning": "learning_point",
    "lesson": "learning_point",
    "action": "action",
    "area for improvement": "area_for_improvement",
    "priority action": "priority_action",
    "area for priority action": "priority_action",
    "priority": "priority_action",
}


def _item_label(text: str) -> re.Match[str] | None:
    """The label of a labelled item ("Finding 2: ...", "Priority 1"); a priority named by a
    title ("Priority 1: Neglect") heads a part of a plan, not one item."""
    label = _LABEL.match(text)
    if label and label.group(1).lower().startswith("priority"):
        rest = text[label.end() :].strip()
        if rest and len(rest.split()) < 8 and not rest.endswith("."):
            return None
    return label


def _label_kind(label: re.Match[str], doc: Document | None = None) -> str:
    """The kind a label names; a review's or a partnership's own priorities are its next steps."""
    kind = _LABEL_KIND[label.group(1).lower()]
    if kind == "priority_action" and doc is not None and doc.doc_type not in _INSPECTION_TYPES:
        return "next_step"
    return kind


# Statements inside a list that are not items.
_NOT_ITEM = re.compile(
    r"^(there (are|were) no\b|the inspection did not (find|identify)|no (priority|areas|recommendations)\b)"
    r"|\b(did|does) not (find|identify) any (areas|priority|recommendations)\b"  # none to report
    r"|^in order to improve\b.*\bfollowing action"
    # where the document keeps its items ("Recommendations are embedded in the learning.")
    r"|^(the )?(recommendations|findings|learning|actions) (are|is) (\w+ )?(embedded|included|"
    r"set out|listed|contained|summarised|found)\b"
    # the inspectorate's own use of its findings, closing a letter ("Ofsted will take the
    # findings from this visit into account when planning your next inspection")
    r"|\bwhen planning (?:your |its |the |their )?(?:next|future) inspection"
    rf"|{PAPER_REQUEST}"
    # what was done after the review ("Since the review, 212 staff have attended briefings")
    r"|^(?:since|following|after) (?:the|this) (?:\w+ )?(?:review|report)\b[^.]{0,80}?"
    r"\b(?:has|have) (?:now |already )?(?:been )?\w+ed\b",
    re.I,
)
# How the document sets out its items ("The lessons are grouped by the agency that ..."): no
# item, read in a list or in running text.
_ARRANGED = re.compile(
    r"^(?:the )?(?:recommendations|findings|lessons|actions) (?:are|is) (?:(?!not\b)\w+ )?"
    r"(?:set out|listed|grouped|arranged|ordered|presented|summarised)\b",
    re.I,
)
# Sub-headings that keep an Ofsted "need to improve" section open.
_OFSTED_SUB = re.compile(
    r"^(priority and immediate action|areas for improvement|immediately:?|within \w+ months:?)$",
    re.I,
)
# A boxed study inside a letter: "Case study: area(s) for improvement", "Practice study: highly
# effective practice".  The words after the colon say what the box holds.
_STUDY = re.compile(
    r"^(?:[\w’']+ )?stud(?:y|ies)\s*[:\-–—]\s*(.+)$", re.I
)  # "Case study:", "Practice study:"
# A paragraph (not a list item) is an item only when it says what must be done.
_DIRECTIVE = re.compile(
    r"\b(should|must|needs? to|will need to|(is|are) required to|ought to)\b", re.I
)
# The end of a letter's body: nothing after the valediction is an item.
_CLOSING = re.compile(
    r"^(yours (sincerely|faithfully)|kind regards|best wishes|signed on behalf of)\b", re.I
)
# A document's back matter: under any heading level it ends the section before it.
_BACK_MATTER = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:appendix|appendices|annex(?:es)?|glossary|references|bibliography|"
    r"terms of reference|acknowledge?ments)\b",
    re.I,
)
# A table of contents line: a title, then dot leaders or a gap, then a page number.
_TOC_LINE = re.compile(r"(?:\.{3,}|…+|\s)\s*\d{1,3}$")
_DOT_LEADERS = re.compile(r"(?:\.{3,}|…{2,})\s*\d{1,3}$")


def _dot_leaders(text: str) -> bool:
    """A contents line's dot leaders and page number; only a line ending in a digit is searched."""
    return text.rstrip("\n")[-1:].isdigit() and bool(_DOT_LEADERS.search(text))


# Contact details: web and mail addresses, UK postcodes and phone numbers.
_CONTACT = re.compile(
    r"www\.|https?://|\S@\S+\.[a-z]|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b|\b0\d{3} ?\d{3} ?\d{4}\b"
    # other UK number groupings ("01632 960773", "020 7946 0321") and bare web addresses
    r"|\b0\d{2,4} \d{3,4}(?: \d{3,4})?\b|\b[a-z0-9-]+\.(?:[a-z0-9-]+\.)*(?:org|com|net)(?:\.uk)?\b"
)
_LSCB = re.compile(r"local safeguarding children board|\blscb\b", re.I)
_QUESTIONS = re.compile(
    r"^(issues?|questions?)( and questions)?( for the (board|partnership|lscb|escp))", re.I
)
_BOX = re.compile(r"^(key )?(learning point|good practice|practice point)\s*:?$", re.I)
# A first paragraph that introduces the list rather than being an item.
_INTRO = re.compile(
    r"\b(the following|as follows|(set out|shown|listed|given|summarised) (below|in the table)|"
    r"in the table below|"
    r"(has|have|identified|makes?|made) ([\w-]+ ){0,4}?(findings|recommendations|lessons|learning points|"
    r"areas (?:of|for) \w+|themes|issues))\b",
    re.I,
)

# The subject ends at the modal or the "to"-infinitive of an action ("Police to agree ...").
_SUBJECT_END = re.compile(
    r"\b(should|must|will|shall|needs? to|is asked to|are asked to|to (?=[a-z]+\b))"
)
_ADDRESSEES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(p, re.I))
    for name, p in (
        (
            "partnership",
            r"\b(lscb|board|safeguarding partners(hip)?|partnership|[a-z]{0,4}scp|gscb|"
            r"qip subgroup|subgroup|executive)\b",
        ),
        (
            "childrens_social_care",
            r"\b(local authority|children'?s social care|social work(ers)?|"
            r"children'?s services|council|mash|front door)\b",
        ),
        ("police", r"\bpolice|constabulary\b"),
        (
            "health",
            r"\b(health|icb|ccg|gp|gps|nhs|midwi\w+|hospital|camhs|health visit\w*|"
            r"clinical commissioning|integrated care board)\b",
        ),
        (
            "education",
            r"\b(schools?|education|academ(y|ies)|virtual school|designated safeguarding lead)\b",
        ),
        ("housing", r"\bhousing\b"),
        ("youth_justice", r"\byouth (justice|offending)\b"),
    )
)


@dataclass
class _Section:
    kind: str
    heading: str
    level: int
    ofsted_afi: bool  # a "need to improve" section keeps its Ofsted sub-headings
    subheading: str | None = None
    questions: bool = False  # under "Issues/questions for the Board": sub-items of a finding
    fresh: bool = True  # nothing extracted since the section or sub-heading began
    items: list[Candidate] = field(default_factory=list)
    paragraphs: bool = False  # no list or table in the section: each paragraph is an item
    that_lead: bool = False  # after "... recommends that:": each paragraph finishes the sentence
    box_x: float | None = (
        None  # a boxed study: its text is one item, the box ends where text leaves it
    )
    outer: _Section | None = None  # the section a box interrupts, open again after it
    list_x: float | None = None  # where the section's bullets sit
    list_level: int | None = None  # the depth of its first entry (an indented list's is 1)


def _reading_mode(doc: Document, raw: Sequence[Candidate]) -> tuple[bool, bool]:
    """(an inspection letter in prose, read every sentence) given the items its sections gave."""
    kinds = {section_kind(r.heading or "") for r in raw} - {None}
    # a review's own summary states its findings in sentences unless a section lists them
    # (an inspection's narrative is judgement, read only in its sections)
    letter_prose = doc.doc_type in _INSPECTION_TYPES and not kinds
    full = not letter_prose and (
        doc.doc_type == "scrutiny_report"
        or not kinds
        or (doc.doc_type in REVIEW_TYPES and not kinds & {"finding", "learning_point"})
    )
    return letter_prose, full


def reads_every_sentence(doc: Document) -> bool:
    """Does extraction read *doc* sentence by sentence (no section of learning found)?"""
    named = _named_headings(doc)
    return _reading_mode(named, _section_items(named))[1]


def extract_items(doc: Document) -> list[Item]:
    """All items of *doc*, in document order, with stable ids.

    >>> # doc = reviewmine.ingest.parse_file(Path("corpus/..."))[0]; extract_items(doc)
    """
    doc = _named_headings(doc)
    raw = _section_items(doc)
    letter_prose, full = _reading_mode(doc, raw)
    if letter_prose:
        raw += _named_in_prose(doc)
    # strong forms only where sections were found; a review's prose sections of learning still
    raw += running_text_items(
        doc, raw, sentences=full, prose_sections=doc.doc_type not in _INSPECTION_TYPES
    )
    raw.sort(key=lambda r: r.start)
    # whatever kind it was read as: a contact line, or a sentence on how the items are set out
    raw[:] = [
        r
        for r in raw
        if not _contact_line(r.text)
        and not _ARRANGED.match(r.text)
        and not _signed_or_quoted(r.text)
    ]
    if doc.doc_type not in _INSPECTION_TYPES:
        _explained_statements(doc, raw)
        raw[:] = [part for r in raw for part in _listing_parts(r)]
    _drop_restated(raw)
    _score(doc, raw)
    # Inspection reports and letters are addressed to the local authority.
    default = (
        "childrens_social_care" if doc.doc_type in ("ofsted_inspection", "ofsted_letter") else None
    )
    items: list[Item] = []
    for n, r in enumerate(raw):
        items.append(
            Item(
                doc_id=doc.id,
                kind=r.kind,
                text=r.text,
                page=r.page,
                heading=r.heading,
                number=r.number,
                subheading=r.subheading,
                paragraph=r.paragraph,
                section=r.section,
                addressees=addressees(r.text, (r.agency or "", r.subheading or ""), default),
                confidence=r.confidence,
                subitems=tuple(r.subitems),
                start=r.start,
                end=r.end,
                ordinal=n,
                id=f"{doc.id[:12]}:{n}",
            )
        )
    return items


_THANKS = re.compile(
    r"^(?:thank you\b|(?:we|i|the \w+(?: \w+)?) (?:would like to |wish to )?thanks?\b)", re.I
)
_DO_BETTER = re.compile(r"\bneeds? to do better\b", re.I)
# A lead-in whose bullets are each a recommendation ("recommends that the partnership:").
_ASKS_LEAD = re.compile(
    r"(\brecommend(?:s|ed)?( that)?( the [\w ]{1,40})?|\b(should|must|needs? to)|\bask [\w ]{1,60} to):\s*$",
    re.I,
)
# A numbered paragraph's own number within its section ("7.2"): an entry of that section.
_SECTION_NUMBERED = re.compile(r"(\d{1,2})\.(\d{1,2})")
# A paragraph that opens with its entry number ("1. ", "(2) ").
_ENTRY_NUMBER = re.compile(
    r"^(?:\(?(\d{1,2})[.)]|([A-Z]{1,2}\d{1,2})\s*[:.\-–]?|\(([a-h])\))\s+(?=[A-Z])"
)
# The lines that end a web page's content ("Contact us", "Find out more").
_PAGE_END = re.compile(
    r"^(contact( us| details)?|further information|find out more|related (pages|links|content)|"
    r"useful links|resources)$",
    re.I,
)


# A heading-length statement: longer, a labelled finding is stated in full by itself.
_HEADLINE_WORDS = 15


# An inspection's paragraph that names what it is ("... remains an area for priority action",
# "... this is an area for improvement"): the task's own names for the kinds.
_KIND_IN_PROSE = re.compile(
    r"\b(?:areas? for (priority action|improvement)|(?:requires?|needs?) (priority action))\b", re.I
)


_WEAKNESS_LEAD = re.compile(r"\bareas? of (?:significant )?weakness\b", re.I)


def _kind_lead_in(blocks: Sequence[Block], i: int) -> str | None:
    """The kind a paragraph ending in a colon names for the list below it, or None."""
    b = blocks[i]
    if (
        not b.text.rstrip().endswith(":")
        or i + 1 >= len(blocks)
        or blocks[i + 1].kind != "list_item"
    ):
        return None
    # a written statement of action must tackle "the following areas of significant weakness:"
    m = _KIND_IN_PROSE.search(b.text) or _WEAKNESS_LEAD.search(b.text)
    if m is None:
        return None
    return "priority_action" if "priority" in m.group(0).lower() else "area_for_improvement"


# ... or that opens by saying what leaders should do ("Leaders should improve ...").
_LEADERS_SHOULD = re.compile(
    r"^(?:[\w’'-]+ ){1,6}?(?:\w+ )?(?:should|must|needs? to|(?:is|are) needed to) "
    r"(?:improve|make sure|ensure)\b",
    re.I,
)


def _named_in_prose(doc: Document) -> list[Candidate]:
    """An inspection letter written in prose only (a monitoring visit): no section lists what must
    improve, so each paragraph of the letter's body that names its kind, or opens by saying what
    leaders should improve, is the item; the other paragraphs are the inspectors' evidence."""
    out: list[Candidate] = []
    blocks = doc.blocks
    # the body starts after "Dear ..."; a letter printed without one starts at its first heading
    greeted = any(b.kind == "paragraph" and _SALUTATION.match(b.text) for b in blocks)
    body = False
    heading: str | None = None
    for i, b in enumerate(blocks):
        if b.kind == "heading":
            heading = b.text
            body = body or not greeted
        if b.kind == "paragraph" and _SALUTATION.match(b.text):
            body = True
            continue
        if _CLOSING.match(b.text):
            break
        if not body or b.kind != "paragraph" or _NOT_ITEM.search(b.text):
            continue
        named = _KIND_IN_PROSE.search(b.text)
        if named:
            kind = (
                "priority_action"
                if (named.group(1) or named.group(2) or "").lower().startswith("priority")
                else "area_for_improvement"
            )
        elif _LEADERS_SHOULD.match(b.text) or (
            # "Leaders should focus on the following areas to improve practice:" over entries
            b.text.rstrip().endswith(":")
            and _obliges(b.text)
            and i + 1 < len(blocks)
            and blocks[i + 1].kind == "list_item"
        ):
            kind = "area_for_improvement"
        else:
            # ... or says it later, after the evidence ("... Leaders need to make sure that
            # plans are updated after each review."): that sentence
            sents = sentences(b.text)
            out += [
                Candidate(
                    kind="area_for_improvement",
                    text=x,
                    page=b.page,
                    start=b.start,
                    end=b.end,
                    heading=heading,
                    confidence=0.6,
                )
                for k, x in enumerate(sents)
                if k and _LEADERS_SHOULD.match(x)
            ]
            continue
        entries = []  # "The local authority should improve:" over entries finishing it
        if b.text.rstrip().endswith(":"):
            j = i + 1
            while j < len(blocks) and blocks[j].kind == "list_item":
                entries.append(blocks[j])
                j += 1
        out += [
            Candidate(
                kind=kind,
                text=e.text,
                page=e.page,
                start=e.start,
                end=e.end,
                heading=heading,
                confidence=0.7,
            )
            for e in entries or [b]
        ]
    return out


def _explained_statements(doc: Document, raw: list[Candidate]) -> None:
    """A finding stated as a heading ("Parents asked for help and were told to wait") with
    one paragraph under it that explains it: the paragraph is part of the finding.  Under a
    statement followed by several paragraphs (an analysis) the statement stays alone."""
    blocks = doc.blocks
    # sentences read from the explaining paragraph as findings of their own give way to it
    starts = {r.start for r in raw if not r.running}
    absorbed: set[int] = set()
    # a labelled line ("Finding 2 - The carer's own needs") states its finding as a heading does
    labelled = {r.start for r in raw if r.labelled}
    at = {
        b.start: i
        for i, b in enumerate(blocks)
        if b.kind == "heading" or (b.kind == "paragraph" and b.start in labelled)
    }
    for r in raw:
        i = at.get(r.start)
        if i is None or r.kind not in ("finding", "learning_point") or r.end != blocks[i].end:
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if r.labelled and nxt is not None and _sentence_heading(nxt):
            # "Finding 1: Exclusion removed ..." over "4.1 When Child R was excluded, ..." set
            # in bold: the finding's statement
            r.text = f"{r.text.rstrip()} {heading_words(nxt.text)}"
            r.end = nxt.end
            absorbed.add(nxt.start)
            continue
        j = i + 1
        while (
            j < len(blocks)
            and blocks[j].kind in ("paragraph", "list_item")  # a numbered paragraph too
            and (j == i + 1 or blocks[j].start not in labelled | starts)
        ):
            j += 1
        # a lesson under a title ("Lesson 1: Asking about domestic abuse") may say what must
        # happen: its paragraph is still the lesson
        titled_lesson = r.kind == "learning_point" and r.labelled and is_title(r.text)
        # ... and under a labelled finding's title a paragraph that opens by stating what
        # happened is the finding, even if it ends on what should happen
        asks = _DIRECTIVE.search(
            sentences(blocks[i + 1].text)[0] if r.labelled else blocks[i + 1].text
        )
        if j == i + 1 or blocks[i + 1].start in starts or (asks and not titled_lesson):
            continue
        # one paragraph explains the statement; under a title ("Missing episodes": no verb, so
        # no finding by itself) the first paragraph states it; so it does when the rest is
        # its evidence ("For example, ...")
        if (
            (
                len(r.text.split()) > _HEADLINE_WORDS
                # a labelled title, however long, over its one paragraph: the paragraph states it
                and not (r.labelled and j - i == 2 and not r.text.rstrip().endswith("."))
            )
            or not (
                j - i == 2
                or is_title(r.text)
                or r.labelled  # "Finding 1: Self-harm was treated as ...": its first paragraph states it
                or all(opens_with_example(b.text) for b in blocks[i + 2 : j])
            )
        ):
            continue  # a statement of a full sentence's length is the finding by itself
        nxt = blocks[i + 1]
        r.text = f"{r.text.rstrip()} {nxt.text}"
        r.end = nxt.end
        absorbed.add(nxt.start)
    raw[:] = [r for r in raw if not (r.running and r.start in absorbed)]


def _sentence_heading(b: Block) -> bool:
    """A whole sentence set as a heading (bold), as a finding's statement is under its title."""
    text = b.text.rstrip()
    return b.kind == "heading" and len(text.split()) >= 8 and text.endswith(".")


_WORD = re.compile(r"[a-z0-9]+")


def _listing_parts(r: Candidate) -> list[Candidate]:
    """A review's item that is one sentence listing several ("The review found that A; B; and
    C.", "Practitioners should remember that (a) ... (b) ..."): one item per part."""
    if r.kind not in ("finding", "learning_point", "recommendation") or not one_sentence(r.text):
        return [r]
    if r.kind == "recommendation" and lettered_run(r.text):
        return [r]  # "... should strengthen ... by (a) ... and (b) ...": the parts of one ask
    return [replace(r, text=part) for part in that_clauses(r.text)] or [r]


def _drop_restated(raw: list[Candidate]) -> None:
    """A sentence read from running text that a section states again ("In summary: (1) The
    Board should ...", then the recommendations section) is one item: the section's."""
    stated = [(r.kind, set(_WORD.findall(r.text.lower()))) for r in raw if not r.running]

    def restated(r: Candidate) -> bool:
        words = set(_WORD.findall(_ENTRY_NUMBER.sub("", r.text).lower()))
        return len(words) >= 6 and any(
            kind == r.kind and len(words & other) >= 0.9 * len(words) for kind, other in stated
        )

    raw[:] = [r for r in raw if not (r.running and restated(r))]


def _named_headings(doc: Document) -> Document:
    """A document with no headings (text saved from a web page) has them on lines of their own:
    a short unpunctuated line that names a kind of item ("Key findings", "Areas for
    development", "Next steps") is read as the heading of what follows it."""
    if any(b.kind == "heading" for b in doc.blocks):
        # an inspection is read by its sections only (a review's labelled lists are read as
        # running text): its label lines over lists are headings
        doc = _named_list_labels(doc) if doc.doc_type in _INSPECTION_TYPES else doc
        return _capitals_headings(doc)

    def line(b: Block) -> bool:
        return (
            b.kind == "paragraph"
            and b.index > 0  # the first line is the page's title, about the whole page
            # a line that names a kind by a heading's pattern may be longer ("What needs to
            # improve in this area of social work practice")
            and len(b.text.split()) <= (14 if section_kind(b.text) else 8)
            and _ENTRY_NUMBER.sub("", b.text)[:1].isupper()
            and not b.text.rstrip().endswith((".", ",", ";", ":", "!"))
        )

    def named(b: Block) -> bool:
        text = _ENTRY_NUMBER.sub("", b.text)
        return (
            # set in capitals on a line of its own: a heading of converted or typed text
            _capitals(text)
            or section_kind(b.text) is not None
            or narrative_heading(b.text)
            or done_heading(b.text)
            or bool(is_prompt(text) or _PAGE_END.match(text))
        )

    heads = {i for i, b in enumerate(doc.blocks) if line(b) and named(b)}
    # numbered heading lines run in sequence ("1. Background" ... "7. Questions to reflect
    # on"): a numbered line between or after numbered headings of the next numbers is one too
    numbered = {
        int(m.group(1)): i
        for i, b in enumerate(doc.blocks)
        if line(b) and (m := _ENTRY_NUMBER.match(b.text)) and m.group(1)
    }
    if sum(1 for i in numbered.values() if i in heads) >= 2:
        for n, i in sorted(numbered.items()):
            prev = numbered.get(n - 1)
            if prev is not None and prev in heads and prev < i:
                heads.add(i)
    blocks = tuple(
        replace(b, kind="heading", level=2) if i in heads else b for i, b in enumerate(doc.blocks)
    )
    return replace(doc, blocks=blocks)


def _capitals(text: str) -> bool:
    """A line set in capitals (two capitalised words or more): a heading of typed text."""
    return text.isupper() and len(re.findall(r"[A-Z]{2,}", text)) >= 2


def _capitals_headings(doc: Document) -> Document:
    """Converted text whose reader found some headings ("3.1 Strengths") may set the main
    ones in capitals on lines of their own ("4. AREAS FOR IMPROVEMENT"): those are headings
    too, a level above the highest found."""
    top = min(b.level for b in doc.blocks if b.kind == "heading")
    blocks = list(doc.blocks)
    for i, b in enumerate(blocks):
        text = _ENTRY_NUMBER.sub("", b.text).strip()
        if (
            i > 0
            and b.kind == "paragraph"
            and 1 <= len(text.split()) <= 8
            and _capitals(text)
            and not text.endswith((".", ",", ";", "!"))
        ):
            blocks[i] = replace(b, kind="heading", level=max(1, top - 1))
    return replace(doc, blocks=tuple(blocks))


def _named_list_labels(doc: Document) -> Document:
    """A short line that names a kind ("What needs to improve?") set as a plain paragraph
    directly over a list is that list's heading, at the level of the next heading (which ends
    it)."""
    blocks = list(doc.blocks)
    for i, b in enumerate(blocks[:-1]):
        if not (
            b.kind == "paragraph"
            and len(b.text.split()) <= 8
            and not b.text.rstrip().endswith((".", ",", ";", "!"))
            and blocks[i + 1].kind == "list_item"
            and section_kind(b.text.rstrip(":")) in ACTIONABLE_KINDS | {"finding", "learning_point"}
        ):
            continue
        level = next((h.level for h in blocks[i + 1 :] if h.kind == "heading"), 2)
        blocks[i] = replace(b, kind="heading", level=level)
    return replace(doc, blocks=tuple(blocks))


def _score(doc: Document, raw: list[Candidate]) -> None:
    """Set each item's confidence from the learned model (see reviewmine.extract.confidence)."""
    from .confidence import default_model, featurize

    model = default_model()
    if model is None or not raw:
        return
    by_start = {b.start: b for b in doc.blocks}
    blocks = [by_start.get(r.start, doc.blocks[0]) for r in raw]
    texts = [r.text for r in raw]
    in_section = [not r.running for r in raw]
    for r, p in zip(raw, model.predict(featurize(texts, blocks, in_section))):
        r.confidence = round(float(p), 3)


def addressees(
    text: str, context: Sequence[str] = (), default: str | None = None
) -> tuple[str, ...]:
    """Agencies an item is addressed to.

    The grammatical subject when the item states one ("The LSCB should ..."),
    else what its context names (a table's agency cell, an agency sub-heading),
    else *default* (an inspection letter's items are for the local authority).
    Measured against the corpus gold by scripts/measure_addressees.py.

    >>> addressees("The LSCB and the police should agree a protocol.")
    ('partnership', 'police')
    """
    m = _SUBJECT_END.search(text)
    if m:
        subject = text[: m.start()]
        subject = re.sub(r"^(it is recommended that|that)\s+", "", subject, flags=re.I)
        found = _lexicon(subject)
        if found:
            return found
    for ctx in context:
        found = _lexicon(ctx or "")
        if found:
            return found
    return (default,) if default else ()


def _lexicon(text: str) -> tuple[str, ...]:
    return tuple(name for name, pat in _ADDRESSEES if pat.search(text))


_SALUTATION = re.compile(r"^dear\b", re.I)


def is_letter(doc: Document) -> bool:
    """Does the document open as a letter ("Dear ...") within its first two pages?

    An inspection letter's findings are the inspectorate's evidence, strengths and
    weaknesses mixed; what it asks for is in its own sections (areas for improvement,
    priority actions, next steps).
    """
    return any(_SALUTATION.match(b.text) for b in doc.blocks[:80] if b.page <= 2)


def _section_items(doc: Document) -> list[Candidate]:
    out: list[Candidate] = []
    blocks = doc.blocks
    letter = is_letter(doc)
    review = doc.doc_type not in _INSPECTION_TYPES
    sec: _Section | None = None
    parent: _Section | None = None  # the outermost section a heading named, for its sub-headings
    in_lscb = doc.framework == "SIF LSCB review"
    last: Candidate | None = None
    para_no: str | None = None
    tables_done: set[int | None] = set()
    heading_level = 0
    # where each heading's words last stand as a heading: a list naming later headings is contents
    heading_at = {_contents_key(h.text): h.index for h in blocks if h.kind == "heading"}
    for i, b in enumerate(blocks):
        if b.kind == "heading":
            text = b.text
            heading_level = b.level
            if last is not None and last.awaiting and not text.lower().startswith("finding type"):
                _fill(last, text, b)  # "Finding 1" then its statement in bold
                continue
            sentence = _NUMBER_LEAD.sub("", text)
            if (
                sec is not None
                and sec.kind in ("recommendation", "next_step", "action", "area_for_improvement")
                and b.level > sec.level
                and len(sentence.split()) >= 8
                and sentence.rstrip().endswith(".")
                and (_imperative(sentence) or _obliges(sentence))
            ):
                # "1. Talk about safe sleep at every contact ...": an entry set in bold, a
                # whole sentence that asks for something, not a sub-heading (the prompt
                # question under it does not close the section)
                last = _new_item(out, sec, b, sentence, None, in_lscb, doc)
                continue
            about_finding = last is not None and last.kind == "finding"
            asked = sec is not None and _question_list(blocks, i)
            if sec is not None and (
                is_prompt(text) or (asked and not about_finding and not _QUESTIONS.match(text))
            ):
                sec, last = None, None  # questions for the reader close the section
                continue
            if _CLOSING.match(text) or (_TOC_LINE.search(text) and not label_of(text)):
                sec, last = None, None  # a valediction; a contents line ("Recommendations ..... 7")
                continue
            if sec is not None and sec.box_x is not None:
                sec = sec.outer  # a heading ends a box
            study = _STUDY.match(text)
            if study:
                inner = section_kind(study.group(1).replace("(s)", "s")) or "good_practice"
                sec = _Section(
                    inner,
                    text,
                    b.level,
                    ofsted_afi=False,
                    box_x=b.x0,
                    outer=sec if sec is not None and sec.box_x is None else None,
                )
                last = None
                continue
            if _LSCB.search(text) and (b.level <= 3 or "need to improve" in text.lower()):
                in_lscb = True
            kind = section_kind(text)
            if kind in ("finding", "learning_point") and narrative_heading(text):
                kind = None  # "What happened and what we learned": read by its sentences' cues
            if kind is None and _ASKS_LEAD.search(text):
                kind = "recommendation"  # a heading that leads in: "The review recommended that:"
            if kind == "finding" and (letter or doc.doc_type in _INSPECTION_TYPES):
                kind = None  # an inspection's findings are its narrative: the section closes here
            if doc.doc_type == "area_send" and _DO_BETTER.search(text):
                # the area SEND framework's "What does the area partnership need to do better?"
                # is narrative; its areas for improvement are listed in their own section
                kind = None
            label = _item_label(text)
            # a heading no lexicon knows, over a list of what must be done: a section by what it holds
            # (read under every heading, so the verbs are checked on every family's lists)
            directive = _directive_list(blocks, i)
            unknown = kind is None and label is None and not _CLOSING.match(text)
            # most of the list to open a section; half of it to go on with one (a timescale inside
            # "Areas for improvement")
            # ... not under a heading of the review's scope or story ("Terms of reference" over
            # "Establish what agencies knew ...": lines of enquiry)
            asks = unknown and directive >= 0.75 and not narrative_heading(text)
            commits = unknown and not asks and _commitment_list(blocks, i)
            if sec is not None and done_heading(text):
                # "Completed since our last report", "Actions already taken" under lessons: done
                sec, last = None, None
                continue
            if sec is not None and (
                (
                    _is_subheading(sec, blocks, i, kind, label, doc)
                    and _same_content_follows(sec, blocks, i)
                )
                or _same_list_goes_on(sec, blocks, i, kind, label, doc)
                or (
                    unknown
                    and directive >= 0.5
                    and sec.kind in ACTIONABLE_KINDS
                    and b.level > sec.level
                )
            ):
                # a sub-heading inside the section (timescales, themes, questions)
                # questions under a finding ("Issues for the Board") are its sub-items
                sec.questions = bool(_QUESTIONS.match(text)) or (asked and about_finding)
                sec.fresh = True
                sec.subheading = (
                    text if not sec.subheading or sec.ofsted_afi is False else _sub(sec, text)
                )
                if last is not None and _unfinished(last) and text[:1].islower():
                    _append(last, text, b)  # a wrapped line that looked like a heading
                continue
            if (
                label
                and sec is not None
                and b.level >= sec.level
                and sec.kind in ("finding", "learning_point", "recommendation")
            ):
                last = _new_item(out, sec, b, text, label, in_lscb, doc)
                continue
            if last is not None and sec is not None and _unfinished(last) and text[:1].islower():
                _append(last, text, b)
                continue
            if kind in ("action", "next_step") and (_done_list(blocks, i) or done_heading(text)):
                kind = None  # "Immediate safeguarding actions", "Actions already taken": done
            if parent is not None and b.level <= parent.level and kind is None:
                parent = None  # a heading of the same level closes the outer section too
            if kind is not None:
                sec = _Section(
                    kind,
                    text,
                    b.level,
                    ofsted_afi=kind == "area_for_improvement" and "improve" in text.lower(),
                    paragraphs=kind in ACTIONABLE_KINDS and not _has_list(blocks, i),
                )
                if parent is None or b.level <= parent.level:
                    parent = sec
                last = None
                continue
            if label:
                lk = _label_kind(label, doc)
                sec = _Section(lk, text, b.level, ofsted_afi=False)
                last = _new_item(out, sec, b, text, label, in_lscb, doc)
                continue
            if asks or commits:
                named = _kind_named(text, doc) if asks else "next_step"
                sec = _Section(
                    named, text, b.level, ofsted_afi=False, paragraphs=not _has_list(blocks, i)
                )
                last = None
                continue
            if (
                review
                and unknown
                and parent is not None
                and parent.kind in ("finding", "learning_point", "area_for_improvement")
                and b.level > parent.level
                and not narrative_heading(text)
            ):
                # "What we found" > "Strengths", then "What needs attention": a sub-heading no
                # lexicon knows goes back to the kind of the section it sits in
                sec = _Section(
                    parent.kind,
                    parent.heading,
                    b.level,
                    ofsted_afi=False,
                    paragraphs=parent.paragraphs,
                    subheading=text,
                )
                last = None
                continue
            sec = None
            last = None
            continue
        if b.kind == "paragraph" and b.number:
            para_no = b.number
        if b.kind == "paragraph" and _CLOSING.match(b.text):
            sec, last = None, None
            continue
        if b.kind in ("paragraph", "list_item") and _dot_leaders(b.text):
            continue  # a contents line with dot leaders
        if (
            b.kind == "table_cell"
            and b.row == 0
            and last is not None
            and _unfinished(last)
            and b.text[:1].islower()
        ):
            _append(last, b.text, b)  # a box's text carried over a page, framed as a cell there
            continue
        if sec is not None and sec.box_x is not None:
            if b.kind != "table_cell" and b.x0 >= sec.box_x - 4:
                if sec.kind not in ACTIONABLE_KINDS or _NOT_ITEM.search(b.text):
                    continue
                if last is None or last.box is not sec:
                    last = _new_item(out, sec, b, b.text, None, in_lscb, doc, paragraph=para_no)
                    last.box = sec
                else:
                    _append(last, b.text, b)
                continue
            sec, last = sec.outer, None  # the text has left the box
        if sec is None and b.kind == "table_cell":
            if b.table not in tables_done:  # a table whose header names its items
                sec = _table_items(out, None, blocks, i, in_lscb, tables_done)
                last = None
            continue
        if sec is None:
            label = _item_label(b.text) if b.kind == "paragraph" else None
            if label:
                lk = _label_kind(label, doc)
                # at the level of the heading it sits under: the next such heading ends it
                sec = _Section(lk, "", heading_level, ofsted_afi=False)
                last = _new_item(out, sec, b, b.text, label, in_lscb, doc, heading=False)
            elif in_prose := _kind_lead_in(blocks, i):
                # "... will tackle the following areas of significant weakness:" over a list
                sec = _Section(in_prose, b.text, heading_level, ofsted_afi=False)
                last = None
            continue
        if b.kind == "table_cell":
            if b.table not in tables_done:
                sec = _table_items(out, sec, blocks, i, in_lscb, tables_done)
                last = (
                    out[-1]
                    if out and sec is not None and sec.items and out[-1] is sec.items[-1]
                    else None
                )
            continue
        if b.kind == "list_item":
            if b.text.rstrip().endswith(":") and (
                done_heading(b.text.rstrip(" :")) or done_lead(b.text)
            ):
                sec, last = None, None  # "Actions already completed:" over what was done
                continue
            if last is not None and (
                b.level > (sec.list_level or 0)
                or (sec.questions and b.bullet)
                or (
                    # bullets, or lettered parts ("(a) no referral is closed ..."), that finish
                    # the item's lead-in
                    (b.bullet or (b.number or "").isalpha())
                    and (last.subs_open or last.text.rstrip().endswith(":"))
                )
            ):
                _append(last, b.text, b, sub=True)
                # "... including:" with flat bullets: the following bullets belong to it too
                last.subs_open = b.level == 0
                continue
            if (
                _NOT_ITEM.search(b.text)
                or (len(b.text) < 120 and heading_at.get(_contents_key(b.text), -1) > i)
                or (_FILE_LINK.search(b.text) and len(b.text.split()) <= 15)
            ):
                continue  # ... an entry of a contents list ("In this chapter"), a file to download
            if _QUESTIONS.match(b.text) and last is not None:
                continue
            if sentences(b.text)[0].rstrip().endswith("?"):
                continue  # a question to the reader ("How does the Board know ...?") is no item
            if (
                b.text.rstrip().endswith(":")
                and len(b.text.split()) <= 12
                and (_THAT_COLON.search(b.text) or _SPEECH_LEAD.search(b.text))
                and not (
                    i + 1 < len(blocks)
                    and blocks[i + 1].kind == "list_item"
                    and blocks[i + 1].level > b.level
                )
            ):
                continue  # "The review found that:" only leads in to the entries after it
            if last is not None and last.labelled and last.kind == "finding" and not b.bullet:
                continue  # analysis paragraphs under a labelled finding
            if (
                sec.fresh
                and not b.bullet
                and (
                    _INTRO.search(b.text)
                    or (b.text.rstrip().endswith(":") and (not b.number or "." in b.number))
                )
            ):
                continue  # a numbered paragraph introducing the list
            if last is not None and last.awaiting:
                _fill(last, b.text, b)
                continue
            last = _new_item(
                out, sec, b, b.text, None, in_lscb, doc, number=b.number, paragraph=para_no
            )
            # "They ask that:" was finished by the list: a paragraph after it finishes nothing
            sec.that_lead = False
            if sec.list_level is None:
                sec.list_level = b.level
            if b.bullet and b.level == 0:
                sec.list_x = b.x0
            continue
        # a paragraph inside a section
        if last is not None and last.awaiting:
            if not b.text.lower().startswith("finding type"):
                _fill(last, b.text, b)
            continue
        kind = _kind_lead_in(blocks, i)
        if kind is not None and kind != sec.kind:
            # "Inspectors identified the following areas for improvement for health partners:"
            # after an agency's strengths: the list below is of the kind the lead-in names
            sec = _Section(kind, sec.heading, sec.level, ofsted_afi=False)
            last = None
            continue
        label = _item_label(b.text)
        if label:
            last = _new_item(out, sec, b, b.text, label, in_lscb, doc)
            continue
        if b.text.rstrip().endswith("?") and not sec.questions:
            continue  # a prompt for the reader ("Prompt: Who else needs to know?") asks, it is no item
        if _leads_in(blocks, i, sec, review):
            # "Leaders should ... in relation to:" with sub-bullets finishing its sentence: one item;
            # the section's items are its paragraphs from here on
            last = _new_item(out, sec, b, b.text, None, in_lscb, doc, paragraph=para_no)
            last.subs_open = True
            last.size = b.size
            sec.paragraphs = True
            continue
        if sec.kind == "recommendation" and b.text.rstrip().endswith(":"):
            # "The reviewer recommends that:": each paragraph below finishes its sentence
            sec.that_lead = bool(_THAT_COLON.search(b.text))
        if (
            review
            and not sec.paragraphs
            and sec.kind in ACTIONABLE_KINDS
            and (_DIRECTIVE.search(b.text) or (sec.that_lead and not _THANKS.match(b.text)))
            and not _INTRO.search(b.text)
            and not b.text.rstrip().endswith(":")
            and not _NOT_ITEM.search(b.text)
        ):
            # a review's section asking for change in paragraphs before its list: each is an item
            for part in directive_parts(b.text) or [b.text]:
                last = _new_item(out, sec, b, part, None, in_lscb, doc, paragraph=para_no)
            continue
        if sec.paragraphs:
            if _NOT_ITEM.search(b.text) or (sec.items and b.size < sec.items[0].size - 1.5):
                continue  # "There are no areas for priority action"; small print
            if _PAGE_LABEL.match(b.text) or (
                _NAVIGATION.match(b.text) and len(b.text.split()) <= 12
            ):
                continue  # a web page's links and labels ("Download the full review", "Keywords:")
            if _THANKS.match(b.text):
                continue
            if sec.fresh and b.text.rstrip().endswith(":"):
                continue  # "... has agreed three priorities for the coming year:"
            if sec.fresh and _introduces(b.text):
                continue  # "The inspectorates have identified the following areas for improvement."
            if _names_entries(blocks, i):
                sec.subheading = b.text.rstrip(": ")  # "Marlshire Police should:" over its entries
                sec.fresh = True
                continue
            if review and (
                (_INTRO.search(b.text) and not _DIRECTIVE.search(b.text))
                or (
                    len(b.text.split()) <= 8
                    and not b.text.rstrip().endswith(".")
                    and section_kind(b.text) is not None
                )
            ):
                if section_kind(b.text) is not None:
                    sec.subheading = b.text  # "Recommendations for individual agencies"
                continue  # "The review makes three recommendations to ..."
            if last is not None and _unfinished(last) and b.text[:1].islower() and not b.number:
                _append(last, b.text, b)  # one paragraph broken by a page or a float
                continue
            entry = _ENTRY_NUMBER.match(b.text) or (
                _SECTION_NUMBERED.match(b.number or "") if review else None
            )
            if sec.kind == "next_step" and not (
                entry or is_commitment(b.text) or _DIRECTIVE.search(b.text)
            ):
                continue  # a next step commits or asks someone to act; "During 2025 we published" no
            if not (
                _DIRECTIVE.search(b.text)
                or _leads_in(blocks, i, sec, review)
                or _one_short_sentence(b.text)
                or entry
                or sec.that_lead
                # a review's area for development is the weakness it describes
                or (
                    review
                    and sec.kind == "area_for_improvement"
                    and (not sec.fresh or sec.subheading is not None or states_shortfall(b.text))
                )
            ):
                continue  # narrative: a paragraph item says what must be done, or names it
            if entry:  # "1. Health visiting to audit ...": a numbered entry written as a paragraph
                last = _new_item(
                    out,
                    sec,
                    b,
                    b.text[entry.end() :] if entry.re is _ENTRY_NUMBER else b.text,
                    None,
                    in_lscb,
                    doc,
                    number=entry.group(1) or entry.group(2) or entry.group(3),
                )
                last.size = b.size
                continue
            # "The review recommends: a; b; and c." is one item per part, and so is each
            # sentence of a recommendations list written as one paragraph
            counted = prose_list_parts(b.text)  # "The review made five recommendations. ..."
            parts = (
                inline_parts(b.text, in_section=True)
                or counted
                or (
                    directive_parts(b.text)
                    if review and sec.kind in ("recommendation", "learning_point")
                    else []
                )
                or (point_parts(b.text) if review else [])
            )
            if parts:
                into = sec
                if counted and parts is counted and sec.kind != "recommendation":
                    into = _Section("recommendation", sec.heading, sec.level, ofsted_afi=False)
                    into.subheading = sec.subheading
                for part in parts:
                    last = _new_item(out, into, b, part, None, in_lscb, doc, paragraph=para_no)
                    last.size = b.size
                continue
            if review and sec.kind != "recommendation" and recommends(b.text):
                # "I recommend that ..." after the weakness it answers, in a review's section
                rec = _Section("recommendation", sec.heading, sec.level, ofsted_afi=False)
                rec.subheading = sec.subheading
                last = _new_item(out, rec, b, b.text, None, in_lscb, doc, paragraph=para_no)
            else:
                last = _new_item(out, sec, b, b.text, None, in_lscb, doc, paragraph=para_no)
            last.size = b.size
            continue
        if last is not None and _unfinished(last) and b.text[:1].islower() and not b.number:
            _append(last, b.text, b)
            continue
        if _QUESTIONS.match(b.text):
            continue
        if last is not None and last.kind == "finding" and last.labelled:
            if review and asks_for_change(b.text) and not _INTRO.search(b.text):
                # "What needs to change" after a labelled finding: every sentence asks for change
                rec = _Section("recommendation", sec.heading, sec.level, ofsted_afi=False)
                _new_item(out, rec, b, b.text, None, in_lscb, doc, paragraph=para_no)
            continue  # a finding's explanatory paragraph is not part of the item
        if sec.fresh and (_INTRO.search(b.text) or b.text.rstrip().endswith(":")):
            continue
        if len(b.text) < 90 and not b.text.rstrip().endswith((".", "?", "!")):
            sec.subheading = b.text  # unformatted thematic sub-heading
            continue
        if b.bold and sec.kind in ("learning_point",):
            continue
        if _BOX.match(sec.heading) and not sec.items:
            # a "Learning point" box: its paragraph is the item
            last = _new_item(out, sec, b, b.text, None, in_lscb, doc, paragraph=para_no)
            continue
        if sec.items and sec.kind not in ("learning_point", "good_practice"):
            sec = None  # narrative after the list: the section is over
            last = None
    # names, addresses, contact rows and signature lines are never items
    return [r for r in out if r.kind not in ACTIONABLE_KINDS or is_statement(r.text)]


# A list entry that says what must be done, told by its grammar rather than by a list of verbs:
# an imperative opens with a verb in its base form (after an adverb: "Urgently review") followed by
# its object or a conjunction ("Ensure that", "Review the", "Develop and", "Work with"), where a
# statement opens with its subject ("The council", "Leaders in", "However, the", "There is").
_IMPERATIVE_FORM = re.compile(
    r"^(?:\w+ly\s+)?(?!(?:however|although|though|despite|since|because|during|following|between|after|"
    r"before|overall|within|across|through|under|over|throughout|until|unless|whilst|while|once|where|when|"
    r"there|this|these|those|the|a|an|all|some|many|most|each|every|it|they|we|he|she|in|on|at|for|of|by|"
    r"with|from|as|if|not|no|too|only|also|both|more|less|one|two|three|"
    # question words ("whether the children's experience was seen")
    r"what|whether|how|why|who|which|"
    # plural nouns without an -s ("Children with communication needs are ...")
    r"children|people|staff|men|women)\b)"
    r"(?P<verb>[a-z][a-z-]*(?:[^s\W]|ss))\s+(?:the|that|a|an|all|and|every|each|there|whether|with|on|for|"
    r"to|its|their|this|these|those|any|how|what|more|sufficient|regular|clear|effective|about|sure)\b",
    re.I,
)
# A web page's labelled lines about the page itself.
_PAGE_LABEL = re.compile(r"^(?:keywords|tags|source|see also|related|share( this page)?)\s*:", re.I)
# Links and calls to read or get in touch are a web page's navigation, not actions.
_NAVIGATION = re.compile(
    r"^(?:read|contact|download|visit|see|find|click|watch|view|go|email|call|follow|"
    r"sign up|book|register|subscribe)\b",
    re.I,
)
# A link to a file, named with its format and size: "Child R: full report (PDF, 1.1MB)"
_FILE_LINK = re.compile(
    r"[(\[](?:pdf|docx?|word|xlsx?|excel|odt|rtf|pptx?)\b[^)\]]{0,30}?\d+(?:\.\d+)?\s*[kmg]b\s*[)\]]\s*$",
    re.I,
)
# Searched in lower-cased text (see _obliges): a case-sensitive scan is several times faster.
_OBLIGATION = re.compile(r"\b(should|must|needs? to|ought to|(is|are) required to)\b")
_OBLIGATION_WORDS = ("should", "must", "need", "ought", "required")  # one is in every match


def _obliges(text: str) -> bool:
    """Does *text* carry a modal of obligation ("should", "must", "needs to")?"""
    low = text.lower()
    return any(w in low for w in _OBLIGATION_WORDS) and bool(_OBLIGATION.search(low))


def _directive_list(blocks: Sequence[Block], i: int) -> float:
    """How much of the list under the heading at *i* says what must be done (0 without a list of two)?

    What a section holds says what it is when its heading is one no lexicon knows
    ("Immediately:", "What does the council need to improve?"): most of its entries start
    with a verb of action or carry a modal of obligation.  Narrative, strengths and
    findings read as statements of fact.
    """
    entries = _list_entries(blocks, i)
    asks = sum(1 for t in entries if (_imperative(t) or _obliges(t)) and not _NAVIGATION.match(t))
    return asks / len(entries) if len(entries) >= 2 else 0.0


# An entry that reports what was done ("A strategy discussion was held ...", "The policy has
# been relaunched ..."), with nothing still to do in it.
_DONE_ENTRY = re.compile(r"\b(?:was|were|has been|have been|had been)\b", re.I)
_TO_DO = re.compile(r"\b(?:will|should|must|needs? to|to be)\b", re.I)


def _done_list(blocks: Sequence[Block], i: int) -> bool:
    """Is the heading at *i* over a list (of two or more) most of whose entries report what
    was already done?"""
    entries = _list_entries(blocks, i)
    done = sum(1 for t in entries if _DONE_ENTRY.search(t) and not _TO_DO.search(t))
    return len(entries) >= 2 and done * 3 >= len(entries) * 2


def _list_entries(blocks: Sequence[Block], i: int) -> list[str]:
    """The top-level list entries right under the heading at *i* (after a lead-in; their
    sub-bullets are part of them)."""
    entries: list[str] = []
    for b in blocks[i + 1 :]:
        if b.kind == "list_item" and b.level == 0:
            entries.append(_NUMBER_LEAD.sub("", b.text))
        elif b.kind == "list_item":
            continue  # a sub-bullet of the entry before it
        elif b.kind == "paragraph" and _ENTRY_NUMBER.match(b.text):
            entries.append(_ENTRY_NUMBER.sub("", b.text))  # "1. We will ..." in plain text
        elif b.kind == "paragraph" and not entries and b.text.rstrip().endswith(":"):
            continue  # a lead-in over the list
        else:
            break
    return entries


def _commitment_list(blocks: Sequence[Block], i: int) -> bool:
    """Is the heading at *i* over a list (of two or more) whose every entry is a commitment?
    Under a heading no lexicon knows ("Our priorities for 2025-26") that is the writer's
    own next steps."""
    entries = _list_entries(blocks, i)
    return len(entries) >= 2 and all(is_commitment(t) for t in entries)


def _question_list(blocks: Sequence[Block], i: int) -> bool:
    """Is the heading at *i* over a list of questions only (prompts, or questions about a finding)?"""
    entries = []
    for b in blocks[i + 1 :]:
        if b.kind != "list_item":
            break
        entries.append(b.text.rstrip())
    return bool(entries) and all(t.endswith("?") for t in entries)


def _imperative(text: str) -> bool:
    m = _IMPERATIVE_FORM.match(text)
    verb = m.group("verb").lower() if m else ""
    return bool(m) and not verb.endswith("ing") and not (verb.endswith("ed") and len(verb) > 5)


_NUMBER_LEAD = re.compile(r"^\(?[\dA-Za-z]{1,3}[.)]\s+")


_KEY_WORDS = re.compile(r"[\w’']+")


def _contents_key(text: str) -> str:
    """A heading's or contents entry's words, without numbering ("3.1 ", "2. ") or case."""
    return " ".join(_KEY_WORDS.findall(heading_words(text).lower()))


def _kind_named(heading: str, doc: Document) -> str:
    """The kind a heading names in the task's own words, else what an inspection or a review asks for."""
    h = heading.lower()
    for stem, kind in (
        ("improv", "area_for_improvement"),
        ("recommend", "recommendation"),
        ("learn", "learning_point"),
        ("lesson", "learning_point"),
        # an inspection's priorities are its priority actions; a partnership's or a panel's
        # own ("Priorities for 2026-27") are what it will do next
        ("priorit", "priority_action" if doc.doc_type in _INSPECTION_TYPES else "next_step"),
        ("next step", "next_step"),
        ("action", "action"),
    ):
        if stem in h:
            return kind
    return "area_for_improvement" if doc.doc_type == "ofsted_inspection" else "recommendation"


def _one_short_sentence(text: str) -> bool:
    """ "The consistency and quality of pathway plans." printed without a bullet glyph (or with
    one drawn as a picture): an item by itself, unlike several sentences of narrative."""
    return len(text.split()) <= 45 and not re.search(r"[.!?]\s+[A-Z]", text.rstrip(".!? "))


def label_of(text: str) -> re.Match[str] | None:
    """ "Recommendation 3", "Finding 2": a labelled item, not a contents line."""
    return _LABEL.match(text)


def _link_bar(text: str) -> bool:
    """A web page's row of links ("Full report (PDF, 980KB) | Board response (PDF, 150KB)"):
    short pieces between bars, none a sentence."""
    pieces = [p.strip() for p in text.split(" | ")]
    return (
        len(pieces) >= 2
        and all(0 < len(p.split()) <= 8 for p in pieces)
        and not text.rstrip().endswith((".", "!", "?", ";"))
    )


def is_statement(text: str) -> bool:
    """Does *text* read as a statement rather than a name, title, address or contact line?

    >>> is_statement("Wendy Williams Her Majesty's Inspector of Constabulary")
    False
    >>> is_statement("The consistency and quality of pathway plans.")
    True
    """
    words = text.split()
    if len(words) < 3 or (len(words) == 3 and not text.rstrip().endswith(".")):
        return False  # "HMI Probation", "Care Quality Commission"; "Care leavers' accommodation." stays
    if _CONTACT.search(text) and (len(words) < 12 or _contact_line(text)):
        return (
            False  # a contact line; "Contact the Partnership on 01632 ... or at x@y" however long
        )
    if _link_bar(text):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return not (
        capitalised / len(words) >= 0.5 and not text.rstrip().endswith((".", "?", "!", ":"))
    )


# Someone's words, introduced by who said them ("Leanne's mother said: \u201cShe was ...")
_QUOTED_SPEECH = re.compile(
    rf"^[^\"\u201c.]{{0,60}}\b(?:{SPEECH_VERBS})(?: [\w ]{{1,30}}?)?\s*[:,]\s*[\"\u201c]", re.I
)


# ... or quoted first and attributed after (“These boys were known to many of us,” said Marcus
# Ondrey; “...,” her mother said), unless the report is the speaker
_QUOTE_THEN_SPEAKER = re.compile(
    r"^[\"“][^\"”]{10,}[\"”],?\s+(?!(?:\w+\s+)?the (?:report|review|panel|reviewers?|author|analysis)\b)"
    rf"(?:(?:{SPEECH_VERBS})\s+\S|(?:[\w’'-]+\s+){{1,4}}?(?:{SPEECH_VERBS})\b)",
    re.I,
)


def _signed_or_quoted(text: str) -> bool:
    """A signature or attribution line ("- Mark Ellison, Independent Scrutineer, Ashcombe
    Safeguarding Children Partnership": names and roles, no verb), or someone's quoted words."""
    t = text.strip().lstrip("-\u2013\u2014 ")
    return bool(_QUOTED_SPEECH.match(t) or _QUOTE_THEN_SPEAKER.match(t)) or (
        "," in t and is_title(t) and not is_statement(t) and len(t.split()) <= 16
    )


def _contact_line(text: str) -> bool:
    """A line asking the reader to get in touch, with an address or number, after at most a
    short lead ("Contact the Partnership on 01632 ...", "If you are worried, call ...")."""
    return bool(_CONTACT.search(text)) and bool(
        _NAVIGATION.match(text) or _NAVIGATION.match(text.split(", ", 1)[-1])
    )


# A pronoun that points back at what was just introduced ("Partners should consider them").
_BACK_REFERENCE = re.compile(r"\b(them|they|these|those)\b", re.I)


def _introduces(text: str) -> bool:
    """A paragraph that introduces the items below it ("The inspectorates have identified
    the following areas for improvement."), asking nothing of its own: any later sentence
    that asks refers back to them ("Partners should consider them together ...")."""
    sents = sentences(text) if text.strip() else [""]
    if not _INTRO.search(sents[0]) or _DIRECTIVE.search(sents[0]):
        return False
    return all(not _DIRECTIVE.search(x) or _BACK_REFERENCE.search(x) for x in sents[1:])


def _names_entries(blocks: Sequence[Block], i: int) -> bool:
    """A short line ending in ':' over numbered or listed entries ("Marlshire Police should:"):
    it names whom, or what, the entries below are for; it is not one of them."""
    b = blocks[i]
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return (
        b.text.rstrip().endswith(":")
        and len(b.text.split()) <= 15
        and nxt is not None
        and (
            nxt.kind == "list_item"
            or bool(nxt.number)
            or bool(re.match(r"\(?(?:\d{1,2}|[a-h])[.)]\s", nxt.text))
        )
    )


def _has_list(blocks: Sequence[Block], i: int) -> bool:
    """Is there a list or a table in the section opened by the heading at *i*?

    The section runs to the next heading of the same or a higher level, or to a heading
    that opens another section; a section of plain paragraphs has each paragraph as an item.
    """
    level = blocks[i].level
    numbered = bool(_HEADING_NUMBER.match(blocks[i].text))
    for j in range(i + 1, len(blocks)):
        b = blocks[j]
        if b.kind == "heading" and (
            b.level < level
            or (b.level == level and not (numbered and _unnumbered_list_heading(blocks, j)))
            or section_kind(b.text)
            or _STUDY.match(b.text)
            or _CLOSING.match(b.text)
        ):
            return False
        if b.kind == "heading" and (j + 1 >= len(blocks) or blocks[j + 1].kind != "list_item"):
            return False  # a sub-heading over something other than a list ends the section
        if b.kind == "paragraph" and _CLOSING.match(b.text):
            return False
        if b.kind == "list_item" and _introduces(b.text):
            continue  # an introducing paragraph set as a list entry ("I make four recommendations.")
        if b.kind in ("list_item", "table_cell"):
            return True
    return False


def _leads_in(blocks: Sequence[Block], i: int, sec: _Section, review: bool = False) -> bool:
    """A paragraph whose sentence its following bullets finish ("... in relation to:" + "the fair
    access panel ..."), unless it only introduces a list of separate items ("the following")."""
    b = blocks[i]
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    if (
        nxt is None
        or nxt.kind != "list_item"
        or not nxt.bullet
        or _INTRO.search(b.text)
        or sec.kind not in ACTIONABLE_KINDS
        # "In addition:" + items; "Leaders should improve:" + "The quality of pathway plans ..."
        or (len(b.text.split()) <= 6 and nxt.text[:1].isupper())
        # a review's "The subgroup recommends that the partnership:" + one entry per bullet
        or (review and b.text.rstrip().endswith(":"))
        # "The partnership should:" + "improve the quality of ...": each bullet asks on its own
        or (_ASKS_LEAD.search(b.text) is not None and _imperative(nxt.text))
    ):
        return False
    return nxt.text[:1].islower() or b.text.rstrip().endswith(":")


# A heading that names findings or asks a question is not a theme inside a list.
_FINDINGS_OR_QUESTION = re.compile(r"\bfindings?\b|\?$", re.I)
_JUDGED = re.compile(r":\s*(outstanding|good|requires? improvement|inadequate)\b", re.I)


def _is_subheading(
    sec: _Section,
    blocks: Sequence[Block],
    i: int,
    kind: str | None,
    label: re.Match[str] | None,
    doc: Document,
) -> bool:
    """Does the heading at *i* keep the current section open (timescales, themes)?"""
    b = blocks[i]
    text = b.text
    if _OFSTED_SUB.match(text):
        return sec.ofsted_afi  # elsewhere "Areas for improvement" opens its own section
    if _QUESTIONS.match(text):
        return True
    if doc.doc_type == "ofsted_inspection" or _JUDGED.search(text) or _BACK_MATTER.match(text):
        return False  # Ofsted sections end at the next heading; so does any at an appendix
    if kind not in (None, sec.kind) or label:
        return False
    # "Recommendations to the LSCB" under "6. Recommendations" refines, not restarts; so does
    # an unnumbered heading over a list, set like the numbered one it sits under ("8. Single
    # agency recommendations" > "Westshire Constabulary"): the numbered sections go on at "9."
    return b.level > sec.level or (
        b.level == sec.level
        and _unnumbered_list_heading(blocks, i)
        and bool(_HEADING_NUMBER.match(sec.heading))
    )


def _unnumbered_list_heading(blocks: Sequence[Block], i: int) -> bool:
    """A heading without a number, directly over a list's entries."""
    return (
        not _HEADING_NUMBER.match(blocks[i].text)
        and i + 1 < len(blocks)
        and blocks[i + 1].kind == "list_item"
    )


_HEADING_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s")


def _same_content_follows(sec: _Section, blocks: Sequence[Block], i: int) -> bool:
    """A sub-heading in a section of paragraph items keeps it open only over more of them
    (not over a table of contacts or notes about the inspection)."""
    if not sec.paragraphs:
        return True
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return nxt is not None and nxt.kind == "paragraph" and bool(_DIRECTIVE.search(nxt.text))


def _same_list_goes_on(
    sec: _Section,
    blocks: Sequence[Block],
    i: int,
    kind: str | None,
    label: re.Match[str] | None,
    doc: Document,
) -> bool:
    """A heading as large as the section's own, between two runs of the same bullets.

    Some letters print the themes inside "Areas for improvement" ("Leadership and
    management") in the section heading's own font: the list after it, with the same
    bullets at the same indent, is still the section's.  A heading followed by prose, or
    naming a section, a box or findings, ends it.
    """
    b = blocks[i]
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    # "Areas for improvement" with nothing under it but the first theme's heading, in its font
    # (after, at most, a sentence introducing them: "... identified the following areas")
    k = i - 1
    while k > 0 and blocks[k].kind == "paragraph" and _introduces(blocks[k].text):
        k -= 1
    empty = (
        not sec.items and k >= 0 and blocks[k].kind == "heading" and blocks[k].text == sec.heading
    )
    if (
        doc.doc_type == "ofsted_inspection"
        or kind is not None
        or label is not None
        or sec.kind not in ACTIONABLE_KINDS
        or sec.box_x is not None
        or ((sec.list_x is None or not sec.items) and not empty)
        or b.level < sec.level
        or _STUDY.match(b.text)
        or _CLOSING.match(b.text)
        or _FINDINGS_OR_QUESTION.search(b.text)
    ):
        return False
    if not (
        nxt is not None
        and nxt.kind == "list_item"
        and nxt.bullet
        and nxt.level == 0
        and (empty or (sec.list_x is not None and abs(nxt.x0 - sec.list_x) < 3))
    ):
        return False
    if empty:
        return True
    # ... and in the same form: a list of actions does not go on into a list of strengths
    asked = sum(1 for it in sec.items if _imperative(it.text) or _obliges(it.text)) / len(sec.items)
    return abs(asked - _directive_list(blocks, i)) < 0.5


def _sub(sec: _Section, text: str) -> str:
    if sec.subheading and _OFSTED_SUB.match(sec.subheading) and not _OFSTED_SUB.match(text):
        return f"{sec.subheading} > {text}"
    return text


def _unfinished(item: Candidate) -> bool:
    return not item.text.rstrip().endswith((".", "?", "!", ")", ":", ".”", ".’"))


def _new_item(
    out: list[Candidate],
    sec: _Section,
    b: Block,
    text: str,
    label: re.Match[str] | None,
    in_lscb: bool,
    doc: Document,
    *,
    number: str | None = None,
    paragraph: str | None = None,
    heading: bool = True,
) -> Candidate:
    kind = sec.kind
    agency = None
    if label is not None:
        kind = _label_kind(label, doc)
        number = f"{label.group(1).capitalize()} {label.group(2)}"
        text = text[label.end() :].strip()  # empty: the statement follows ("Finding 1" heading)
        addressed = _ADDRESSED.match(text)
        if addressed and is_title(text):
            # "Recommendation 1 | Department for Education": whom it is for; the statement follows
            agency, text = addressed.group(1).strip(), ""
    item = Candidate(
        kind=kind,
        text=text,
        page=b.page,
        awaiting=label is not None and text == "",
        heading=(sec.heading or None) if heading else None,
        subheading=sec.subheading,
        number=number,
        paragraph=paragraph,
        section=("lscb" if in_lscb else "local_authority")
        if doc.doc_type == "ofsted_inspection"
        else "main",
        start=b.start,
        end=b.end,
        labelled=label is not None,
        confidence=0.95 if (b.bullet or b.number or label) else 0.8,
        agency=agency,
    )
    sec.items.append(item)
    sec.fresh = False
    out.append(item)
    return item


# What follows a label after a separator bar or dash, when it is only a name ("| Home Office").
_ADDRESSED = re.compile(r"^[|/–—-]\s*(\S.{0,80})$")


def _fill(item: Candidate, text: str, b: Block) -> None:
    item.text = text
    item.end = b.end
    item.awaiting = False


def _append(item: Candidate, text: str, b: Block, sub: bool = False) -> None:
    item.text = f"{item.text} {text}".strip()
    item.end = b.end
    if sub:
        item.subitems.append(text)


_AGENCY_HEADER = re.compile(r"agency|lead|owner|responsib", re.I)
# A table header cell that names the column holding the items.
_TEXT_HEADER = re.compile(r"recommendation|action|finding|learning", re.I)


def _table_rows(blocks: Sequence[Block], i: int, done: set[int | None]) -> list[list[Block]]:
    """Rows of the table starting at block *i*, with its continuation on the next page.

    A table broken by a page is two tables in the PDF: a first row on the new page that
    carries on an unfinished cell (or has no header of its own) joins the row before.
    """
    table = blocks[i].table
    rows: dict[tuple[int, int], list[Block]] = {}
    order: list[tuple[int, int]] = []
    tables = [table]
    for b in blocks[i:]:
        if b.kind != "table_cell":
            if b.kind == "heading" or (b.kind == "paragraph" and len(b.text) > 3):
                break  # text between two tables: not one table
            continue
        if b.table not in tables:
            prev_page = max(c.page for r in rows.values() for c in r)
            if b.page != prev_page + 1 or b.row not in (0, 1):
                break
            tables.append(b.table)
        key = (tables.index(b.table), b.row or 0)
        if key not in rows:
            rows[key] = []
            order.append(key)
        rows[key].append(b)
    done.update(tables)
    out: list[list[Block]] = []
    for key in order:
        row = sorted(rows[key], key=lambda c: c.col or 0)
        first_of_next = key[0] > 0 and key == min(k for k in order if k[0] == key[0])
        if first_of_next and out and not any(section_kind(c.text, named=False) for c in row):
            prev = out[-1]
            carried = any(c.text[:1].islower() for c in row) or any(
                not c.text.rstrip().endswith((".", "!", "?")) for c in prev
            )
            if carried and len(prev) == len(row):
                out[-1] = prev + row  # cells of one row, the first part before the page break
                continue
        out.append(row)
    return out


def _answer_paragraphs(value: Sequence[Block]) -> list[tuple[str | None, str]]:
    """The paragraphs of a form's answer cell as its entries, when it has several (a lead-in
    ending in a colon, "The review makes three recommendations:", is not one of them)."""
    if len(value) != 1:
        return []
    paras = list(value[0].parts)
    if paras and paras[0].rstrip().endswith(":"):
        paras = paras[1:]
    if len(paras) < 2 or any(len(p.split()) < 4 for p in paras):
        return []
    return [(None, p) for p in paras]


def _table_items(
    out: list[Candidate],
    sec: _Section | None,
    blocks: Sequence[Block],
    i: int,
    in_lscb: bool,
    done: set[int | None],
) -> _Section | None:
    """Items from one table: a row per item, the text column named by the header row.

    A header cell that names a section ("Areas for priority action") gives the kind and
    the text column, also in a row inside the table; a "Responsible body" column gives
    the item's addressee.  Rows of names, addresses and web sites are not items.
    """
    text_col: int | None = None
    agency_col: int | None = None
    # further columns the header names as items of their own ("Learning identified" |
    # "Action agreed"): each row gives one item per such column
    more_cols: list[tuple[int, str]] = []
    status_col: int | None = None  # "Completed" / "Status": a row marked done has no action left
    rag = False  # ... a column of ratings (red, amber, green), where green means on track
    done_on = False  # ... a "Completed" column, whose dates say when each row was done
    header_seen = False
    header_cols = 0  # columns of the header row
    rows = _table_rows(blocks, i, done)
    if len(rows) >= 3 and all(_KEY_WORD.fullmatch(r[0].text.strip()) for r in rows[1:]):
        return sec  # a key to the ratings ("Red | Off track"), not a table of items
    for row in rows:
        cols = sorted({c.col or 0 for c in row})
        if not header_seen and _done_header(row):
            if len(cols) == 2 and done_heading(row[0].text):
                continue  # a form's question of what was already done, and its answer
            return sec  # a table of what was already done: no item in its rows
        named = [
            (c, section_kind(c.text, named=False))
            for c in row
            if len(c.text) < 80 and section_kind(c.text, named=False)
        ]
        if named and len(cols) == 2 and named[0][0].col == cols[0]:
            cell, kind = named[0]
            value = [c for c in row if c.col != cell.col]
            text = " ".join(c.text for c in value).strip()
            if kind in ACTIONABLE_KINDS | {"finding", "learning_point", "good_practice"} and len(
                text
            ) >= max(60, 2 * len(cell.text)):
                # a form's row, a question and its answer ("What learning has the rapid
                # review identified?" | "1. ... 2. ..."): the answer's entries are items
                parts: list[tuple[str | None, str]] = [(None, text)]
                for number, part in (
                    numbered_run(text, lead=True) or _answer_paragraphs(value) or parts
                ):
                    out.append(
                        Candidate(
                            kind=kind,
                            text=part,
                            page=value[0].page,
                            heading=cell.text,
                            number=number,
                            start=value[0].start,
                            end=value[-1].end,
                            confidence=0.85,
                        )
                    )
                continue
        if named and header_seen and sec is not None and len(cols) == 1:
            # a row across the table grouping the rows below ("Recommendation 1: ..."): the
            # header's columns still hold; a row that states the whole recommendation
            # ("Recommendation 1: The Board should seek assurance that ...") is one too
            sec.subheading = named[0][0].text
            out += _group_row_item(named[0][0], sec)
            continue
        if named:
            cell, kind = named[0]
            if sec is None or sec.kind != kind:
                # a header row inside the table opens a section that the next heading ends
                sec = _Section(
                    kind or "", cell.text, sec.level if sec is not None else 99, ofsted_afi=False
                )
            text_col = cell.col if len(cols) > 1 else None
            # the header row is known now: its other cells may name a kind by its noun
            # ("Action to take"), which a cell of the table's body could not do
            more_cols = [
                (c.col or 0, k)
                for c in row
                if c is not cell
                and c.col != cell.col
                and len(c.text) < 40
                and (k := section_kind(c.text)) in ACTIONABLE_KINDS | {"finding", "learning_point"}
            ]
            agency_col = next(
                (c.col for c in row if c is not cell and _AGENCY_HEADER.search(c.text)), None
            )
            status_col = next((c.col for c in row if _STATUS_HEADER.match(c.text.strip())), None)
            rag = any(_RAG_HEADER.search(c.text) for c in row if c.col == status_col)
            done_on = any(_DONE_ON_HEADER.match(c.text.strip()) for c in row if c.col == status_col)
            header_seen, header_cols = True, len(cols)
            continue
        if sec is None:
            if len(cols) == 2:
                continue  # a form's other rows (dates, decisions): a question may come later
            return None  # no header naming what the rows are: not a table of items
        if len(cols) == 2 and row[0].col == cols[0] and row[0].text.rstrip().endswith("?"):
            continue  # a form's question that names no kind ("Is the case relevant to ...?")
        if not header_seen and (row[0].row == 0):
            header_seen, header_cols = True, len(cols)
            text_col = (
                _text_column(row, row) if any(_TEXT_HEADER.search(c.text) for c in row) else None
            )
            agency_col = next((c.col for c in row if _AGENCY_HEADER.search(c.text)), None)
            if text_col is not None or agency_col is not None:
                continue
        if _FIGURES_HEADER.match(row[-1].text.strip()) or (
            len(cols) > 1
            and all(_FIGURE.fullmatch(c.text.strip()) for c in row[1:])
            and is_title(row[0].text)
        ):
            continue  # a table of figures ("Category of death | Number"): its labels are no items
        if header_seen and len(cols) == 1 and header_cols >= 3:
            sec.subheading = row[0].text  # a row across the table grouping the rows below
            out += _group_row_item(row[0], sec)
            continue
        cells = [c for c in row if text_col is None or len(cols) == 1 or c.col == text_col]
        if text_col is None and len(cols) > 1:
            best = max(cells, key=lambda c: len(c.text))
            cells = [c for c in row if c.col == best.col]
        text = " ".join(c.text for c in cells).strip()
        status = " ".join(c.text for c in row if status_col is not None and c.col == status_col)
        if len(text) < 15:
            if text_col is not None and more_cols and sec.items and not text:
                # a further action of the recommendation in the row above (its cell left empty)
                out += _more_items(row, more_cols, sec.items[-1], status, rag)
            continue
        agency = " ".join(
            c.text for c in row if agency_col is not None and c.col == agency_col
        ) or next(
            (
                c.text
                for c in row
                if c not in cells and len(c.text) < 60 and not c.text.strip().isdigit()
            ),
            None,
        )
        num = next(
            (
                c.text.strip().rstrip(".")
                for c in row
                if re.fullmatch(r"\d{1,3}(\.\d+)?\.?", c.text.strip())
            ),
            None,
        )
        if sec.kind == "action" and (
            _STATUS_COMPLETE.match(status.strip()) or (done_on and _YEAR.search(status))
        ):
            continue  # an action marked complete, or given the date it was completed, is done
        item = Candidate(
            kind=sec.kind,
            text=text,
            page=cells[0].page,
            heading=sec.heading or None,
            subheading=sec.subheading or (agency if agency_col is not None else None),
            number=num,
            start=cells[0].start,
            end=cells[-1].end,
            confidence=0.85,
            agency=agency,
        )
        sec.items.append(item)
        sec.fresh = False
        out.append(item)
        out += _more_items(row, more_cols, item, status, rag)
    return sec


def _more_items(
    row: Sequence[Block],
    more_cols: Sequence[tuple[int, str]],
    item: Candidate,
    status: str,
    rag: bool,
) -> list[Candidate]:
    """The items of a row's further columns ("Action agreed" beside "Learning identified"),
    unless the row is marked done ("Complete"; in a RAG column green only means on track)."""
    if (_STATUS_COMPLETE if rag else _STATUS_DONE).match(status.strip()):
        return []
    out = []
    for col, kind in more_cols:
        extra = [c for c in row if c.col == col]
        more = " ".join(c.text for c in extra).strip()
        if len(more) < 15 or _DONE.match(more):
            continue  # an action already completed is not an item
        out.append(
            replace(
                item, kind=kind, text=more, start=extra[0].start, end=extra[-1].end, subitems=[]
            )
        )
    return out


def _group_row_item(cell: Block, sec: _Section) -> list[Candidate]:
    """A row grouping an action plan's actions that states the whole of what it groups
    ("Recommendation 1: The Board should seek assurance that ..."): that item too."""
    label = label_of(cell.text)
    body = cell.text[label.end() :].strip(" :.-–") if label else ""
    if not label or len(body.split()) < 8 or not _DIRECTIVE.search(body):
        return []  # a title ("Recommendation 1: Information sharing")
    return [
        Candidate(
            kind=_label_kind(label),
            text=body,
            page=cell.page,
            heading=sec.heading or None,
            number=label.group(2),
            start=cell.start,
            end=cell.end,
            confidence=0.85,
        )
    ]


# A table of figures: a count column's header, and the cells that hold only a figure.
_FIGURES_HEADER = re.compile(
    r"^(?:number|no\.|count|total|%|per ?cent(?:age)?|rate)(?: of \w+)?$", re.I
)
_FIGURE = re.compile(r"[\d.,%]+(?:\s*\([\d.,%]+\))?")


def _done_header(row: Sequence[Block]) -> bool:
    """A header row of what was done ("Agency | Action completed") and of nothing else to learn
    (not "Theme | What we learned | What we have done")."""
    done = [done_heading(c.text) for c in row]
    return any(done) and not any(section_kind(c.text) for c, d in zip(row, done) if not d)


# A column of progress ("Completed", "Status", "RAG") and a cell in it saying the row is done.
_STATUS_HEADER = re.compile(r"^(?:completed?|closed|status|progress|done|rag( rating)?)\b", re.I)
# The first column of a key to a tracker's ratings
_KEY_WORD = re.compile(
    r"(?:red|amber|green|blue|grey|gray|black|purple|yellow|white|complete[d]?|on track|"
    r"off track|not (?:yet )?started|in progress|closed|open|overdue)",
    re.I,
)
_RAG_HEADER = re.compile(r"\brag\b|red,? amber", re.I)
_STATUS_DONE = re.compile(r"^(?:yes|y|completed?|done|closed|achieved|green|blue)\b", re.I)
# ... and one saying so in words (in a RAG column "green" may only mean on track).
# A column of the dates actions were completed ("Completed", "Date completed")
_DONE_ON_HEADER = re.compile(r"^(?:date )?(?:completed|closed)(?: on| date)?$", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# A lead-in to someone's words ("Mrs H's niece told the Panel:")
_SPEECH_LEAD = re.compile(rf"\b(?:{SPEECH_VERBS})\b[^.:]{{0,40}}:\s*$", re.I)
_THAT_COLON = re.compile(r"\bthat\s*:\s*$", re.I)
_STATUS_COMPLETE = re.compile(r"^(?:completed?|done|closed|achieved|blue)\b", re.I)
# A cell that reports an action as done ("Completed: the lead wrote to all settings ...").
_DONE = re.compile(
    r"^(?:completed|complete|done|closed|achieved|no (?:separate |further )?(?:recommendation|action))\b",
    re.I,
)


# "1. The midwife ... 2. The father's ...": numbered entries run together in one cell.
_RUN_NUMBER = re.compile(r"(?:^|(?<=[.!?;:]\s))(\d{1,2})[.)]\s+(?=[A-Z])")
# after a prompt, a cell's lines joined: "... (guidance) 1. Professionals ..." or "a) The ..."
_RUN_MARK = re.compile(r"(?:^|(?<=\s))\(?(\d{1,2}|[a-h])[.)]\s+(?=[A-Z])")
# what only records an entry's lead and date, after it ("... days. Lead: Head of service")
_FIELD_TAIL = re.compile(r"(?<=[.!?])\s+[A-Z][a-z]+(?: [a-z]+)?:\s.*$")


def numbered_run(text: str, *, lead: bool = False) -> list[tuple[str | None, str]]:
    """The entries of *text* numbered 1, 2, 3 ... in sequence from its start, or [] (fewer than two).

    With *lead* the run may follow a short prompt ("What has this case told us? (guidance)"),
    which is dropped, and may be lettered a, b, c ...; what only records an entry's lead and
    date ("Lead: ... Target date: ...") is dropped from it.

    >>> numbered_run("1. Fathers were not seen. 2. Records did not move.")
    [('1', 'Fathers were not seen.'), ('2', 'Records did not move.')]
    >>> numbered_run("Agreed actions: a) Audit plans. Lead: Head of service b) Train staff.", lead=True)
    [('a', 'Audit plans.'), ('b', 'Train staff.')]
    """
    pattern = _RUN_MARK if lead else _RUN_NUMBER
    marks: list[re.Match[str]] = []
    for m in pattern.finditer(text):
        first = "1" if not marks and m.group(1) == "1" else "a" if not marks else marks[0].group(1)
        want = str(len(marks) + 1) if first.isdigit() else chr(ord(first) + len(marks))
        if m.group(1) == want:
            marks.append(m)
    if len(marks) < 2:
        return []
    start = marks[0].start()
    if start and not (
        lead and len(text[:start].split()) <= 30 and text[:start].rstrip()[-1:] in "?:)."
    ):
        return []
    ends = [m.start() for m in marks[1:]] + [len(text)]
    parts = [(m.group(1), text[m.end() : e].strip()) for m, e in zip(marks, ends, strict=True)]
    if lead:
        parts = [(n, _FIELD_TAIL.sub("", t)) for n, t in parts]
    return parts


def _text_column(header: Sequence[Block], row: Sequence[Block]) -> int | None:
    for h in header:
        if _TEXT_HEADER.search(h.text):
            return h.col
    longest = max(row, key=lambda c: len(c.text), default=None)
    return longest.col if longest else None


def with_ids(items: Sequence[Item]) -> list[Item]:
    """Re-number items after filtering, keeping ids stable by ordinal."""
    return [replace(it, ordinal=n, id=f"{it.doc_id[:12]}:{n}") for n, it in enumerate(items)]
