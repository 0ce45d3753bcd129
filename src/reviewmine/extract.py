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

from .running_text import running_text_items
from .types import Block, Document, Item

EXTRACTOR_VERSION = "extract.v1"

# Section headings -> item kind.  Order matters: first match wins.
_SECTION_KINDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.I), k)
    for p, k in (
        (r"^(?:\d+(?:\.\d+)*\.?\s+)?what (?:does|do) the .{2,60} need to improve|^what needs to improve",
         "area_for_improvement"),
        (r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:priority and immediate action|areas? for priority action|"
         r"areas? for (?:further )?improvement|areas? (?:requiring|for) development)", "area_for_improvement"),
        (r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:single[- ]agency |multi[- ]agency )?recommendations?\b",
         "recommendation"),
        (r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:key |main |summary of )?findings?\b(?!\s+\d)", "finding"),
        (r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:key |immediate |practice )?learning(?: points?| identified| for practice)?\s*:?$|"
         r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:key )?lessons? (?:learn[et]|for)|^(?:\d+\.?\s+)?learning points?\b",
         "learning_point"),
        (r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:areas of )?good practice\b|^(?:\d+\.?\s+)?strengths\b", "good_practice"),
        (r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:agreed |immediate |next )?actions?(?: agreed| taken| required| plan)?\s*:?$|"
         r"^(?:\d+\.?\s+)?next steps\b", "action"),
    )
)
# A labelled paragraph or heading that is itself an item.
_LABEL = re.compile(
    r"^(recommendation|finding|learning point|lesson|action|area for improvement)\s+"
    r"(\d{1,3}[a-z]?|[A-Z])\s*[:.\-–—)]?\s*", re.I
)
_LABEL_KIND = {"recommendation": "recommendation", "finding": "finding",
               "learning point": "learning_point", "lesson": "learning_point",
               "action": "action", "area for improvement": "area_for_improvement"}
# Statements inside a list that are not items.
_NOT_ITEM = re.compile(
    r"^(there (are|were) no|the inspection did not (find|identify)|no (priority|areas|recommendations))"
    r"|^in order to improve\b.*\bfollowing action",
    re.I,
)
# Sub-headings that keep an Ofsted "need to improve" section open.
_OFSTED_SUB = re.compile(
    r"^(priority and immediate action|areas for improvement|immediately:?|within \w+ months:?)$", re.I
)
_LSCB = re.compile(r"local safeguarding children board|\blscb\b", re.I)
_QUESTIONS = re.compile(r"^(issues?|questions?)( and questions)?( for the (board|partnership|lscb|escp))", re.I)
# Questions for practitioners close a section: they are prompts, not learning.
_PROMPTS = re.compile(r"^(reflective |key )?questions\b(?! for the (board|partnership))|^things to think about", re.I)
_BOX = re.compile(r"^(key )?(learning point|good practice|practice point)\s*:?$", re.I)
# A first paragraph that introduces the list rather than being an item.
_INTRO = re.compile(
    r"\b(the following|as follows|set out (below|in the table)|in the table below|"
    r"(has|have|identified|makes|made) (\w+ )?(findings|recommendations|lessons|learning points))\b",
    re.I,
)

# The subject ends at the modal or the "to"-infinitive of an action ("Police to agree ...").
_SUBJECT_END = re.compile(r"\b(should|must|will|shall|needs? to|is asked to|are asked to|to (?=[a-z]+\b))")
_ADDRESSEES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(p, re.I)) for name, p in (
        ("partnership", r"\b(lscb|board|safeguarding partners(hip)?|partnership|[a-z]{0,4}scp|gscb|"
                        r"qip subgroup|subgroup|executive)\b"),
        ("childrens_social_care", r"\b(local authority|children'?s social care|social work(ers)?|"
                                  r"children'?s services|council|mash|front door)\b"),
        ("police", r"\bpolice|constabulary\b"),
        ("health", r"\b(health|icb|ccg|gp|gps|nhs|midwi\w+|hospital|camhs|health visit\w*|"
                   r"clinical commissioning|integrated care board)\b"),
        ("education", r"\b(schools?|education|academ(y|ies)|virtual school|designated safeguarding lead)\b"),
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
    items: list[dict[str, object]] = field(default_factory=list)


def extract_items(doc: Document) -> list[Item]:
    """All items of *doc*, in document order, with stable ids.

    >>> # doc = reviewmine.ingest.parse_file(Path("corpus/..."))[0]; extract_items(doc)
    """
    raw = _section_items(doc)
    if not raw or doc.doc_type == "scrutiny_report":
        raw += running_text_items(doc, raw)
    raw.sort(key=lambda r: r["start"])  # type: ignore[arg-type, return-value]
    _score(doc, raw)
    # Inspection reports and letters are addressed to the local authority.
    default = "childrens_social_care" if doc.doc_type in ("ofsted_inspection", "ofsted_letter") else None
    items: list[Item] = []
    for n, r in enumerate(raw):
        text = str(r["text"])
        items.append(Item(
            doc_id=doc.id, kind=str(r["kind"]), text=text, page=int(r["page"]),  # type: ignore[arg-type]
            heading=r.get("heading"), number=r.get("number"),  # type: ignore[arg-type]
            subheading=r.get("subheading"), paragraph=r.get("paragraph"),  # type: ignore[arg-type]
            section=str(r.get("section", "main")),
            addressees=addressees(text, (str(r.get("agency") or ""), str(r.get("subheading") or "")),
                                  default),
            confidence=float(r.get("confidence", 0.9)),  # type: ignore[arg-type]
            subitems=tuple(r.get("subitems", ())),  # type: ignore[arg-type]
            start=int(r["start"]), end=int(r["end"]), ordinal=n,  # type: ignore[arg-type]
            id=f"{doc.id[:12]}:{n}",
        ))
    return items


def _score(doc: Document, raw: list[dict[str, object]]) -> None:
    """Set each item's confidence from the learned model (see reviewmine.confidence)."""
    from .confidence import default_model, featurize

    model = default_model()
    if model is None or not raw:
        return
    by_start = {b.start: b for b in doc.blocks}
    blocks = [by_start.get(int(r["start"]), doc.blocks[0]) for r in raw]  # type: ignore[call-overload]
    texts = [str(r["text"]) for r in raw]
    in_section = [not r.get("running", False) for r in raw]
    for r, p in zip(raw, model.predict(featurize(texts, blocks, in_section))):
        r["confidence"] = round(float(p), 3)


def addressees(text: str, context: Sequence[str] = (), default: str | None = None) -> tuple[str, ...]:
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
        subject = text[:m.start()]
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


def section_kind(heading: str) -> str | None:
    h = heading.strip()
    for pat, kind in _SECTION_KINDS:
        if pat.search(h):
            return kind
    return None


def _section_items(doc: Document) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    blocks = doc.blocks
    sec: _Section | None = None
    in_lscb = doc.framework == "SIF LSCB review"
    last: dict[str, object] | None = None
    para_no: str | None = None
    for i, b in enumerate(blocks):
        if b.kind == "heading":
            text = b.text
            if last is not None and last.get("awaiting") and not text.lower().startswith("finding type"):
                _fill(last, text, b)  # "Finding 1" then its statement in bold
                continue
            if sec is not None and _PROMPTS.match(text):
                sec, last = None, None
                continue
            if _LSCB.search(text) and (b.level <= 3 or "need to improve" in text.lower()):
                in_lscb = True
            kind = section_kind(text)
            label = _LABEL.match(text)
            if sec is not None and _is_subheading(sec, b, text, kind, label, doc):
                # a sub-heading inside the section (timescales, themes, questions)
                sec.questions = bool(_QUESTIONS.match(text))
                sec.fresh = True
                sec.subheading = text if not sec.subheading or sec.ofsted_afi is False else _sub(sec, text)
                if last is not None and _unfinished(last) and text[:1].islower():
                    _append(last, text, b)  # a wrapped line that looked like a heading
                continue
            if label and sec is not None and b.level >= sec.level and sec.kind in ("finding", "learning_point", "recommendation"):
                last = _new_item(out, sec, b, text, label, in_lscb, doc)
                continue
            if last is not None and sec is not None and _unfinished(last) and text[:1].islower():
                _append(last, text, b)
                continue
            if kind is not None:
                sec = _Section(kind, text, b.level, ofsted_afi=kind == "area_for_improvement"
                               and "improve" in text.lower())
                last = None
                continue
            if label:
                lk = _LABEL_KIND[label.group(1).lower()]
                sec = _Section(lk, text, b.level, ofsted_afi=False)
                last = _new_item(out, sec, b, text, label, in_lscb, doc)
                continue
            sec = None
            last = None
            continue
        if b.kind == "paragraph" and b.number:
            para_no = b.number
        if sec is None:
            label = _LABEL.match(b.text) if b.kind == "paragraph" else None
            if label:
                lk = _LABEL_KIND[label.group(1).lower()]
                sec = _Section(lk, "", b.level, ofsted_afi=False)
                last = _new_item(out, sec, b, b.text, label, in_lscb, doc, heading=None)
            continue
        if b.kind == "table_cell":
            last = _table_item(out, sec, b, blocks, i, in_lscb) or last
            continue
        if b.kind == "list_item":
            if last is not None and (b.level > 0 or (sec.questions and b.bullet) or (b.bullet and (
                    last.get("subs_open") or str(last["text"]).rstrip().endswith(":")))):
                _append(last, b.text, b, sub=True)
                # "... including:" with flat bullets: the following bullets belong to it too
                last["subs_open"] = b.level == 0
                continue
            if _NOT_ITEM.search(b.text):
                continue
            if _QUESTIONS.match(b.text) and last is not None:
                continue
            if last is not None and last.get("labelled") and last["kind"] == "finding" and not b.bullet:
                continue  # analysis paragraphs under a labelled finding
            if sec.fresh and not b.bullet and (_INTRO.search(b.text) or (
                    b.text.rstrip().endswith(":") and (not b.number or "." in b.number))):
                continue  # a numbered paragraph introducing the list
            if last is not None and last.get("awaiting"):
                _fill(last, b.text, b)
                continue
            last = _new_item(out, sec, b, b.text, None, in_lscb, doc, number=b.number,
                             paragraph=para_no)
            continue
        # a paragraph inside a section
        if last is not None and last.get("awaiting"):
            if not b.text.lower().startswith("finding type"):
                _fill(last, b.text, b)
            continue
        label = _LABEL.match(b.text)
        if label:
            last = _new_item(out, sec, b, b.text, label, in_lscb, doc)
            continue
        if last is not None and _unfinished(last) and b.text[:1].islower():
            _append(last, b.text, b)
            continue
        if _QUESTIONS.match(b.text):
            continue
        if last is not None and last.get("kind") == "finding" and last.get("labelled"):
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
    return out


_JUDGED = re.compile(r":\s*(outstanding|good|requires? improvement|inadequate)\b", re.I)


def _is_subheading(sec: _Section, b: Block, text: str, kind: str | None,
                   label: re.Match[str] | None, doc: Document) -> bool:
    """Does a heading keep the current section open (timescales, themes)?"""
    if _OFSTED_SUB.match(text):
        return sec.ofsted_afi  # elsewhere "Areas for improvement" opens its own section
    if _QUESTIONS.match(text):
        return True
    if doc.doc_type == "ofsted_inspection" or _JUDGED.search(text):
        return False  # Ofsted sections end at the next heading
    # "Recommendations to the LSCB" under "6. Recommendations" refines, not restarts
    return b.level > sec.level and kind in (None, sec.kind) and not label


def _sub(sec: _Section, text: str) -> str:
    if sec.subheading and _OFSTED_SUB.match(sec.subheading) and not _OFSTED_SUB.match(text):
        return f"{sec.subheading} > {text}"
    return text


def _unfinished(item: dict[str, object]) -> bool:
    return not str(item["text"]).rstrip().endswith((".", "?", "!", ")", ":", ".”", ".’"))


def _new_item(out: list[dict[str, object]], sec: _Section, b: Block, text: str,
              label: re.Match[str] | None, in_lscb: bool, doc: Document, *,
              number: str | None = None, paragraph: str | None = None,
              heading: str | None | bool = True) -> dict[str, object]:
    kind = sec.kind
    if label is not None:
        kind = _LABEL_KIND[label.group(1).lower()]
        number = f"{label.group(1).capitalize()} {label.group(2)}"
        text = text[label.end():].strip()  # empty: the statement follows ("Finding 1" heading)
    item: dict[str, object] = {
        "kind": kind, "text": text, "page": b.page, "awaiting": label is not None and text == "",
        "heading": (sec.heading or None) if heading is True else heading,
        "subheading": sec.subheading, "number": number, "paragraph": paragraph,
        "section": ("lscb" if in_lscb else "local_authority") if doc.doc_type == "ofsted_inspection" else "main",
        "start": b.start, "end": b.end, "subitems": [], "labelled": label is not None,
        "confidence": 0.95 if (b.bullet or b.number or label) else 0.8,
    }
    sec.items.append(item)
    sec.fresh = False
    out.append(item)
    return item


def _fill(item: dict[str, object], text: str, b: Block) -> None:
    item["text"] = text
    item["end"] = b.end
    item["awaiting"] = False


def _append(item: dict[str, object], text: str, b: Block, sub: bool = False) -> None:
    item["text"] = f"{item['text']} {text}".strip()
    item["end"] = b.end
    if sub:
        item["subitems"].append(text)  # type: ignore[attr-defined]


def _table_item(out: list[dict[str, object]], sec: _Section, b: Block, blocks: Sequence[Block],
                i: int, in_lscb: bool) -> dict[str, object] | None:
    """One item per table row: the widest text cell of a row that is not the header."""
    if b.row == 0 or b.col is None:
        return None
    row = [c for c in blocks if c.kind == "table_cell" and c.table == b.table and c.row == b.row]
    if row[0] is not b:
        return None  # handle a row once, at its first cell
    header = [c for c in blocks if c.kind == "table_cell" and c.table == b.table and c.row == 0]
    text_col = _text_column(header, row)
    cell = next((c for c in row if c.col == text_col), None)
    if cell is None or len(cell.text) < 15:
        return None
    agency_col = next((h.col for h in header if re.search(r"agency|lead|owner|responsib", h.text, re.I)), None)
    agency = next((c.text for c in row if c.col != text_col and c.col is not None
                   and (c.col == agency_col if agency_col is not None else len(c.text) < 60)
                   and not c.text.strip().isdigit()), None)
    num = next((c.text.strip().rstrip(".") for c in row if re.fullmatch(r"\d{1,3}(\.\d+)?\.?", c.text.strip())), None)
    item: dict[str, object] = {
        "kind": sec.kind, "text": cell.text, "page": cell.page, "heading": sec.heading or None,
        "subheading": sec.subheading, "number": num, "paragraph": None, "section": "main",
        "start": cell.start, "end": cell.end, "subitems": [], "labelled": False,
        "confidence": 0.85, "agency": agency,
    }
    sec.items.append(item)
    sec.fresh = False
    out.append(item)
    return item


def _text_column(header: Sequence[Block], row: Sequence[Block]) -> int | None:
    for h in header:
        if re.search(r"recommendation|action|finding|learning", h.text, re.I):
            return h.col
    longest = max(row, key=lambda c: len(c.text), default=None)
    return longest.col if longest else None


def with_ids(items: Sequence[Item]) -> list[Item]:
    """Re-number items after filtering, keeping ids stable by ordinal."""
    return [replace(it, ordinal=n, id=f"{it.doc_id[:12]}:{n}") for n, it in enumerate(items)]
