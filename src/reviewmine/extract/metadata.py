"""Document metadata: type, title, area, dates, case pseudonym, topic, judgements.

Regex rules over page texts, plus the first page's layout (block sizes and heading
levels) for titles; no models.  Tolerant of the extractor: pypdfium2's and ingest's own
page texts give the same answers on the real Ofsted set, and so does pdfplumber's text
(plain or layout; not a dependency, checked by a slow test where it is installed).
What the ingest stage must keep:

* pages in order, lines separated by "\n"; page 1 starts with its title block
  (authority name, title, "Inspection date(s): ..."), a letter's with its letterhead;
* a judgement table's rows together and in printed order (a wrapped label and its
  grade cell may come in either order); "Record of main findings" and the SIF
  sentence "The Local Safeguarding Children Board is ..." each start a line.
Running headers/footers and page numbers may or may not be there.

Dates are ISO strings.  ``date`` is the first day of an inspection or visit, else the
document's own date (title block, label, sign-off); ``dates`` keeps the others by role
(first_day, last_day, letter, published, meeting, dated).  Dates are read by
:mod:`reviewmine.dates` (shared with the tracker); :func:`date_span` reads every printed
span.  A document's date printed without a day ("November 2020") becomes the first of
that month ("2020-11-01"), where a tracker's due date becomes its last; numeric dates
are day first ("12/06/2017").  Areas are canonical names from the table in areas.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from .. import dates
from ..types import DOC_TYPE_LABELS, Block
from .areas import canonical_area, find_area, is_health_body

__all__ = ["Metadata", "date_span", "detect_metadata", "parse_date"]


@dataclass(frozen=True)
class Metadata:
    doc_type: str  # one of reviewmine.types.DOC_TYPES
    title: str
    area: str | None
    date: str | None  # inspection/visit start for Ofsted, publication otherwise
    dates: dict[str, str] = field(default_factory=dict)
    pseudonym: str | None = None
    judgements: dict[str, str] = field(default_factory=dict)
    framework: str | None = None
    topic: str | None = None  # JTAI deep-dive topic / focused-visit focus, as printed


# ---------------------------------------------------------------- dates

_MONTH, _ORD, _DATE, _DATE_RE = dates.MONTH_NAME, dates.ORDINAL, dates.DATE_PATTERN, dates.DATE_RE
_DASH = r"(?:to|until|and|[-\u2010-\u2015\u2212\u2500])"
# A span of days, every printed form: "6 to 10 February 2023", "15 – 19 July 2013",
# "30 November to 4 December 2020", "9 July 2018 to 20 July 2018", "on 5 and 6 February
# 2019", "Between 20 and 24 June" (no year: the caller's year hint decides).
_RANGE_RE = re.compile(
    rf"(?<![\w/.-])(?P<a>\d{{1,2}}){_ORD}(?:\s+(?:of\s+)?(?P<am>{_MONTH}))?(?:,?\s+(?P<ay>\d{{4}}))?"
    rf"\s*{_DASH}\s*(?P<b>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<bm>{_MONTH})(?:,?\s+(?P<by>\d{{4}}))?"
    rf"(?![\w/-])"
)


def _iso(y: str | int, m: str | int, d: str | int) -> str | None:
    day = dates.make_date(y, m, d, month_only="first")
    return day.isoformat() if day else None


def _from_match(m: re.Match[str]) -> str | None:
    # A document's date printed without a day ("November 2020") is the 1st of the month.
    day = dates.date_from_match(m, month_only="first")
    return day.isoformat() if day else None


def parse_date(text: str) -> str | None:
    """First date in ``text`` as ISO ("12 June 2017", "12/06/2017", "June 2017" -> the 1st, ...)."""
    day = dates.find_date(text, month_only="first")
    return day.isoformat() if day else None


def _parse_range(m: re.Match[str], hint: str | None = None) -> tuple[str | None, str | None]:
    """(first day, last day) of a span; parts it does not print come from its other end,
    a year printed nowhere from *hint* (an ISO date, e.g. the letter's), never after it."""
    year = m["by"] or m["ay"] or (hint[:4] if hint else None)
    if not year:
        return None, None
    end = _iso(m["by"] or year, m["bm"], m["b"])
    start = _iso(m["ay"] or year, m["am"] or m["bm"], m["a"])
    if start and end and start > end and not m["ay"]:  # "30 December to 3 January 2020"
        start = _iso(int(year) - 1, m["am"] or m["bm"], m["a"])
    if hint and not (m["by"] or m["ay"]) and start and end and end > hint:
        start, end = (_iso(int(d[:4]) - 1, d[5:7], d[8:]) for d in (start, end))
    return start, end


def date_span(text: str, hint: str | None = None) -> tuple[str | None, str | None]:
    """First and last day of the first span or date in *text*.

    >>> date_span("Inspection dates: 10 to 21 July 2023")
    ('2023-07-10', '2023-07-21')
    >>> date_span("between 20 and 24 June", hint="2021-07-30")
    ('2021-06-20', '2021-06-24')
    """
    rng = _RANGE_RE.search(text)
    one = _DATE_RE.search(text)
    if rng and (not one or rng.start() <= one.start()):
        start, end = _parse_range(rng, hint)
        if start:
            return start, end
    day = parse_date(text)
    return day, day if day and not re.fullmatch(r"\d{4}-\d{2}-01", day) else None


# Runs of spaces (incl. those of layout-mode extraction) and other blanks; a lone space is
# left alone, which makes the substitution several times cheaper than matching every space.
_SPACES = re.compile(r"[ \t\xa0\u2000-\u200a\u202f]{2,}|[\t\xa0\u2000-\u200a\u202f]")
_PAGE_NUMBER = re.compile(r"\d{1,3}")


def _clean(page: str) -> str:
    # pypdfium2 marks a line-end hyphen as U+FFFE; these reports use real compound hyphens.
    page = page.replace("\r\n", "\n").replace("\ufffe\n", "-").replace("\ufffe", "-")
    lines = [ln.strip() for ln in _SPACES.sub(" ", page).split("\n")]
    return "\n".join(ln for ln in lines if not _PAGE_NUMBER.fullmatch(ln))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_I, _M = re.IGNORECASE, re.MULTILINE  # short names for the flags
_APOS = "['\u2019]"
_GRADE = r"Requires? improvement(?: to be good)?|Inadequate|Good|Outstanding|Adequate"
_GRADE_ANYCASE = rf"(?i:{_GRADE})"


# ---------------------------------------------------------------- Ofsted reports

_SIF = (
    r"services for children in need of help and protection, children looked after and care leavers"
)
_OFSTED_TITLES = [  # (regex over the flattened title block, framework)
    (r"Inspection of looked after children services", "LAC 2012-13"),
    (r"Inspection of safeguarding and looked after children services", "SLAC"),
    (r"Re-inspection of " + _SIF, "SIF re-inspection"),
    (r"(?<!area )Inspection of " + _SIF, "SIF"),
    # "Inspection of [the] <authority> [local authority] children's [social care] services",
    # "Inspection of local authority children's services" under the authority's name.
    (
        (
            rf"(?<!area )Inspection of (?:(?P<area>(?!local authority)[A-Z].{{1,80}}?) )??"
            rf"(?:local authority )?children{_APOS}s (?:social care )?services"
        ),
        "ILACS",
    ),
    (r"Review of the effectiveness of the Local Safeguarding Children Board", "SIF LSCB review"),
]
_AREA_PREFIX = re.compile(
    r"^(?:The )?(?:London Borough|Royal Borough|City|County|Borough|"
    r"Metropolitan Borough|Council) of "
)
_AREA_SUFFIX = re.compile(
    r"\s+(?:(?:Metropolitan )?(?:District|Borough|County|City)\s+)*Council$"
    r"|\s+(?:Metropolitan\s+)?(?:District|Borough)$"
    rf"|\s+(?:Local\s+)?(?:Safeguarding Children{_APOS}?s?|Children{_APOS}?s? Safeguarding)"
    r"\s+(?:Board|Partnership|Executive|Arrangements)$|\s+Safeguarding Partnership$"
    r"|\s+Regional Safeguarding(?: Children| Adults)? Board$|\s+Safeguarding Partners$"
    r"|\s+(?:SAB|LSCB|L?SCP|LSAB)$"
    r"|\s+Local Area Partnership$|\s+(?:Local|Community)$"
)  # "Brighton & Hove Local ..."


def _norm_area(raw: str) -> str | None:
    """A printed authority or partnership name as the canonical area: known English
    authorities by the table in areas.py; other names (the corpus's fictional areas)
    with council and partnership words removed; a health body's name never."""
    area = _flat(re.sub(r"(?<=[a-z])\d+\b", "", raw)).strip(" ,.:;-")
    for _ in range(2):  # "City of Bradford Metropolitan District Council" needs both
        area = _AREA_SUFFIX.sub("", _AREA_PREFIX.sub("", area)).strip(" ,")
    area = re.sub(r"^(?:(?:The|A|An|Local|Our|This|Independent|In|By|Of|And|Dear)\s+)+", "", area)
    area = _AREA_SUFFIX.sub("", _AREA_PREFIX.sub("", area)).strip(" ,")
    if known := canonical_area(area) or find_area(area):
        return known
    if is_health_body(area) or all(w in _NOT_AREA for w in re.split(r"[\s'\u2019]+", area.lower())):
        return None
    return area if area and area[0].isupper() and len(area) < 60 else None


# Words that make up partnership names but name no place ("Local", "Children's").
_NOT_AREA = frozenset(
    {
        "local",
        "children",
        "childrens",
        "s",
        "safeguarding",
        "national",
        "the",
        "our",
        "this",
        "partnership",
        "board",
        "multi-agency",
        "adults",
        "community",
        "statutory",
        "three",
        "chair",
        "",
    }
)
_DATES_LABEL = re.compile(
    r"(?:(?<=\n)|^|(?<=\s))(?:(?:Inspection|Review|Visit) dates?|On[- ]site(?: dates?)?"
    r"|Dates? of (?:the )?(?:inspection|visit))\s*:",
    _I,
)  # "Inspection dates: ...", "On site: 15 to 19 September 2025."


def _ofsted_report(pages: list[str]) -> Metadata | None:
    """Metadata of an Ofsted inspection report, or None when page 1 is not one."""
    first = pages[0] if pages else ""
    m = _DATES_LABEL.search(first)
    block = _flat(re.sub(r"(?<=[a-z])\d\b", "", first[: m.start()] if m else first[:600]))
    hits = [(h, fw) for rx, fw in _OFSTED_TITLES if (h := re.search(rx, block, _I))]
    if not hits or (not m and not re.search(r"Judgement\s+Grade", first)):
        return None
    # The first printed title wins; but a combined report printing its LSCB review title
    # first is still a SIF report, whose local authority judgements must be read.
    hit, framework = min(hits, key=lambda x: (x[1] == "SIF LSCB review", x[0].start()))
    letter = re.search(
        "|".join(_TYPE_PATTERNS[k] for k in sorted(_LETTERS - {"ofsted_letter"})), block, _I
    )
    if letter and letter.start() < hit.start():  # a letter naming the ILACS framework
        return None
    rest = re.sub("|".join(re.escape(h.group(0)) for h, _ in hits), " ", block)
    rest = re.sub(r"^\s*and\s+|\s+and\s*$", " ", _flat(rest))  # the authority's name
    area = _norm_area(hit["area"] if "area" in hit.re.groupindex and hit["area"] else rest)
    printed = _flat(hit.group(0))
    title = printed if not area or area.lower() in printed.lower() else f"{area}: {printed}"
    dates: dict[str, str] = {}
    if m:
        start, end = date_span(_flat(first[m.end() : m.end() + 120]))
        dates.update({k: v for k, v in (("first_day", start), ("last_day", end)) if v})
    pub = re.search(r"(?:^|\s)(?:Report )?published:?\s*(.{0,40})", first, _M | _I)
    if pub and (iso := parse_date(pub.group(1))):
        dates["published"] = iso
    return Metadata(
        doc_type="ofsted_inspection",
        title=_short(title),
        area=area,
        date=dates.get("first_day") or dates.get("published"),
        dates=dates,
        judgements=_judgements(pages, framework),
        framework=framework,
    )


# Grade words of a judgement table.  Extractors put a wrapped label's lines and its grade
# cell in different orders ("Requires" / "1. Children who ..." / "improvement"), so rows
# are rebuilt by taking the grade words out: the rest splits into labels at row starts and
# the grades pair with the labels in order.
_GRADE_WORD = re.compile(
    r"\b(?:Requires?|improvement(?:\s+to)?|(?:to\s+)?be\s+good|Inadequate"
    r"|Good|Outstanding|Adequate)\b",
    _I,
)


def _table(region: str, row_start: str) -> dict[str, str]:
    grades: list[str] = []
    pending: list[str] = []
    for word in (m.group(0) for m in _GRADE_WORD.finditer(region)):
        if word.lower().startswith(("requir", "improvement")):
            pending.append(word)
            if len(pending) == 2:  # either order: "Requires improvement"
                req = [w for w in pending if w.lower().startswith("requir")]
                if not req:  # two "improvement"s: not a table this reader understands
                    return {}
                grades.append(req[0] + " improvement")
                pending = []
        elif word.lower().endswith("be good"):
            if grades and grades[-1].lower().endswith("improvement"):
                grades[-1] += " to be good"
        else:
            grades.append(word)
    rest = _GRADE_WORD.sub(" ", region)
    labels = _dedupe_labels([_flat(x) for x in re.split(row_start, rest) if _flat(x)])
    # A count mismatch means the region is not a clean table: better no rows than wrong ones.
    return dict(zip(labels, grades, strict=True)) if len(labels) == len(grades) else {}


def _dedupe_labels(labels: list[str]) -> list[str]:
    """Undo text a PDF prints twice (a clipped copy of a cell under the visible one):
    "... with children and families with children and families", "permanence 21
    Adoption performance" before the row "Adoption performance", a stray letter "p"."""
    out = []
    for i, label in enumerate(labels):
        words = label.split()
        for n in range(len(words) // 2, 2, -1):  # a run of 3+ words repeated at once
            for j in range(len(words) - 2 * n + 1):
                if words[j : j + n] == words[j + n : j + 2 * n]:
                    words = words[: j + n] + words[j + 2 * n :]
                    break
        nxt = labels[i + 1].split() if i + 1 < len(labels) else []
        for n in range(min(len(words) - 1, len(nxt)), 1, -1):  # the next row's label, again
            if words[-n:] == nxt[:n]:
                words = words[:-n]
                if words and re.fullmatch(r"\d+", words[-1]):
                    words = words[:-1]
                break
        while len(words) > 1 and re.fullmatch(r"[a-z]", words[-1]):
            words = words[:-1]
        out.append(" ".join(words))
    return out


def _judgements(pages: list[str], framework: str) -> dict[str, str]:
    flat = _flat("\n".join(pages[:3]))
    if framework == "ILACS":  # rows from "Judgement Grade" to "Overall effectiveness <grade>"
        m = re.search(rf"Judgement Grade (.*?\bOverall effectiveness (?:{_GRADE}))", flat)
        return _table(m.group(1), r"(?=\b[A-Z])") if m else {}
    if framework in ("LAC 2012-13", "SLAC"):
        for page in pages:  # the table, not the contents line "Record of main findings 21"
            for m in re.finditer(r"^Record of main findings\s*$", page, _M):
                body = _flat(
                    re.sub(
                        r"^Services for looked after children\s*$", "", page[m.end() :], flags=_M
                    )
                )
                if found := _table(re.split(r"[.\d]", body)[0][:700], r"(?=\b[A-Z])"):
                    return found
        return {}
    out: dict[str, str] = {}
    overall = re.search(
        rf"(?:The overall judgement is(?: that children{_APOS}s services are)?"
        rf"|Children{_APOS}s services in [A-Z][^.]{{0,60}}?(?: are| is)?)\s+({_GRADE_ANYCASE})",
        flat,
    )
    rows = re.search(  # "1. Children who need help ..." to the grade after "3. Leadership ..."
        r"(?:\b(?:Requires?|Inadequate|Good|Outstanding) )*(?<![\w.])1\. Children.{0,700}?"
        r"(?<![\w.])3\. [^\d]*?(?:Requires? improvement|improvement|Inadequate|Good|Outstanding)"
        r"\b",
        flat,
    )
    if framework != "SIF LSCB review" and overall:
        out["Overall effectiveness"] = overall.group(1)
    if framework != "SIF LSCB review" and rows:
        out.update(_table(rows.group(0), r"(?<![\w.])(?:2\.[12]|[123]\.)(?= )"))
    if framework != "SIF re-inspection":
        lscb = re.search(
            r"^The (?:effectiveness of the )?(?:Local Safeguarding Children Board|LSCB)"
            rf"(?: \(LSCB\))?\s+(?:is\s+|are\s+)?({_GRADE_ANYCASE})(?:\.|\s*$)",
            "\n".join(pages),
            _M,
        )
        if lscb:
            out["Local Safeguarding Children Board"] = lscb.group(1)
    return out


# ---------------------------------------------------------------- other documents

# What each document type calls itself.  Inspection forms name other types in their
# text ("the focused visit ... an LCSPR"), so where the title block names one of them
# the earliest named form wins; elsewhere the earliest name in the title block, then in
# the body.
_TYPE_PATTERNS = {
    "area_send": r"\b(?:area|local area) SEND (?:inspection|revisit)|\bSEND inspection\b"
    r"|\binspection of (?:local area )?special educational needs\b"
    # the SEND framework's monitoring of an area's written statement of action (WSOA)
    r"|\bmonitoring (?:inspection|visit) of (?:the|a|its) written statement of action\b",
    "jtai_letter": r"joint targeted area inspection",
    "joint_review": r"\bjoint (?:progress |area |local area )?(?:inspection|review)\b"
    r"(?! of (?:the )?multi-agency)",
    "focused_visit": r"\bfocused visit\b",
    "monitoring_visit": r"\bmonitoring visit\b",
    "national_review": r"\bnational (?:review|panel|analysis)\b|\btriennial (?:analysis|review)"
    r"|(?:analysis|analyses|reports?)(?: published)? (?:of|about|into) "
    r"(?:learning from )?(?:serious |significant |child safeguarding (?:practice )?)"
    r"(?:case )?reviews"
    r"|\bcase reviews in (?:England|Scotland|Wales)",
    "sar": r"\bsafeguarding adults? reviews?\b|\bSARs?\b",
    "dhr": r"\bdomestic homicide reviews?\b|\bDHRs?\b",
    "learning_brief": r"learning (?:review )?(?:brief|briefing|summary)s?\b|(?:7|seven|one)[- ]minute "
    r"(?:brief|guide)|practice review briefing|\blearning (?:[a-z]+ ){0,2}(?:bulletin|newsletter)s?\b",
    "rapid_review": r"\brapid review",
    # Wales's child practice reviews (concise or extended) are its local child reviews
    "lcspr": r"(?:local )?child safeguarding practice review(?!\s+panel)|\bL?CSPR\b"
    r"|\b(?:concise|extended) child practice review",
    "scr": r"serious case review|\bSCR\b",
    "scrutiny_report": r"independent scrutineer|independent scrutiny",
    "annual_report": r"\bannual report\b",
}
_STRONG = (
    "area_send",
    "jtai_letter",
    "joint_review",
    "focused_visit",
    "monitoring_visit",
    "national_review",
    "sar",
    "dhr",
    "learning_brief",
)  # forms that name other types
# The national Panel is a body, not a form: a sentence naming it ("sent to the national
# Panel within 15 working days") is no national review; a title line naming it is.
_BODY_NAME = re.compile(r"\bnational panel\b", _I)
# Forms of documents that are not reviews themselves, named in a title ("Multi-agency case
# audit: ...", "Executive Board minutes", "Partnership Bulletin - Spring 2026"): counted in
# the title only, where they name the document, never in its text.
_NOT_A_REVIEW = re.compile(
    r"\baudit\b(?!\s+(?:trail|tool|of (?:the )?(?:review|action)))|\bminutes\b(?! (?:later|after|before))"
    r"|\b(?:newsletter|bulletin)\b",
    _I,
)
# Forms that report on many reviews, by rank: named in the title, they outrank the reviews
# named beside them ("Annual Report 2025-26" above "Rapid reviews held 9").
_CONTAINERS = ("national_review", "scrutiny_report", "annual_report")
# A page that reports on one review (news, minutes, a publication notice) rather than
# being the review: its first lines name a case review and say something happened to it.
_ONE_REVIEW = re.compile(r"\b(?:serious case|practice|rapid) review\b", _I)
_REPORTING = re.compile(
    r"\b(?:says|said|publication of|publishes|published its|received a (?:joint )?"
    r"report|sub[- ]?committee|agenda item|members)\b",
    _I,
)
# Written about a review by someone else: "A serious case review into ... has found",
# "Learning from a Child Safeguarding Practice Review: Ellie", "What we learned from the
# review about Child D".
_ABOUT_A_REVIEW = re.compile(
    r"\b[Aa] (?:serious case|(?:local )?(?:child )?(?:safeguarding )?"
    r"practice|rapid) review (?:into|of|about|has|had|found|finds)\b"
    r"|^(?:(?:key )?learning|lessons(?: learn[te]d)?|what we (?:have )?learn[te]d) from (?:a|the) "
    r"(?:(?:serious case|(?:local )?(?:child )?(?:safeguarding )?practice) )?review\b",
    _I | _M,
)
# Documents about many cases or none: a pseudonym they mention is not theirs.
_MANY_CASES = frozenset({"scrutiny_report", "annual_report", "national_review"})
_LETTERS = frozenset(
    {
        "focused_visit",
        "monitoring_visit",
        "ofsted_letter",
        "jtai_letter",
        "joint_review",
        "area_send",
    }
)  # dated by the first day on site


def _named(text: str, kinds: Iterable[str] = _TYPE_PATTERNS) -> list[tuple[int, str]]:
    """(position, type) of every document type *text* names."""
    return [(m.start(), k) for k in kinds if (m := re.search(_TYPE_PATTERNS[k], text, _I))]


def _title_like(text: str) -> str:
    """*text* with only the lines that read as titles (short, not sentences); the others
    are blanked, so positions stay those of *text*."""
    return "\n".join(
        ln if len(ln) <= 100 and not ln.rstrip().endswith(".") else " " * len(ln)
        for ln in text.split("\n")
    )


def _doc_type(head: str, body: str, title: str = "") -> str:
    kind = _doc_type_named(head, body, title)
    # a joint inspection that the title block also names as a JTAI is the specific form
    # ("Joint inspection" as a letterhead over "Joint targeted area inspection of ...")
    if kind == "joint_review" and re.search(_TYPE_PATTERNS["jtai_letter"], _title_like(head), _I):
        return "jtai_letter"
    return kind


def _doc_type_named(head: str, body: str, title: str = "") -> str:
    titles = re.sub(r"(?m)^\d+\.\s.*$", "", head)  # not numbered headings or menu entries
    # The title itself (the largest line, the first title lines, the file name) names the
    # document's form: a report on many reviews, by rank (a national body's annual report is
    # a national review), then a form that is no review (an audit, minutes, a bulletin).
    stem = head.rsplit("\n", 1)[-1]
    lines = [ln for ln in _title_like(titles).split("\n") if ln.strip()]
    zone = "\n".join([title, *lines[:2], stem])
    named = _named(zone)
    if container := [k for k in _CONTAINERS if k in {f[1] for f in named}]:
        return container[0]
    first = [f for f in named if f[1] not in _CONTAINERS]
    if (m := _NOT_A_REVIEW.search(zone)) and (not first or m.start() < min(first)[0]):
        return "other"
    masked = "\n".join(  # the Panel's name in a sentence, blanked (positions kept)
        _BODY_NAME.sub(lambda x: " " * len(x.group(0)), ln)
        if len(ln) > 100 or ln.rstrip().endswith(".")
        else ln
        for ln in titles.split("\n")
    )
    if title and (own := _named(title, _STRONG)):
        # the title by layout (the largest lines) names the document's own form; a letterhead
        # above it may name another ("Joint inspection team: <address>")
        return _reported(min(own)[1], head)
    if strong := _named(masked, _STRONG):
        pos, kind = min(strong)
        # A form named only in a sentence below the title block ("The National Panel was
        # informed ...") is a mention when the title block names the document's own type.
        block = "\n".join(titles.split("\n")[:4])
        if pos > len(block) and (named := _named(_title_like(block))):
            return _reported(min(named)[1], head)
        return kind
    # Title lines and the file name name the document's type; a sentence of the opening
    # text may only mention another ("... completed two local child safeguarding practice
    # reviews.").
    for text in (_title_like(head), head, body):
        found = _named(text)
        if text is body:  # in running text a review type is often only a mention
            found = [f for f in found if f[1] not in ("annual_report", "national_review")]
        if found:
            pos, kind = min(found)
            line = text[text.rfind("\n", 0, pos) + 1 :].split("\n", 1)[0]
            if kind == "annual_report" and re.search(_TYPE_PATTERNS["scrutiny_report"], line, _I):
                return "scrutiny_report"  # "Independent Scrutineer's Annual Report"
            return _reported(kind, head)
    dcs = re.search(r"^Dear\b", body, _M) and re.search(f"Director of Children{_APOS}s", body, _I)
    return "ofsted_letter" if dcs else _reported("other", head)  # an unnamed letter to the DCS


def _reported(kind: str, head: str) -> str:
    lead = "\n".join(head.split("\n")[:4])
    if kind in ("scr", "lcspr", "rapid_review", "other") and (
        (_ONE_REVIEW.search(lead) and _REPORTING.search(lead)) or _ABOUT_A_REVIEW.search(lead)
    ):
        return "case_review_summary"
    return kind


# An area name stays on one line; the words around it may wrap.
_NAME = r"[A-Z][A-Za-z'\u2019-]+(?:(?:,| and| &| upon| on| of)? [A-Z][A-Za-z'\u2019-]+){0,4}"
_SAFEGUARDING = (
    rf"(?:Local\s+)?(?:Safeguarding\s+Children{_APOS}?s?|Children{_APOS}?s?\s+"
    r"Safeguarding)\s+(?:Multi-Agency\s+)?(?:Board|Partnership|Executive|Arrangements)"
    r"|Safeguarding\s+Partnership|Safeguarding\s+Adults?\s+(?:Board|Partnership)"
    r"|Regional\s+Safeguarding\s+(?:Children\s+|Adults\s+)?Board|Safeguarding\s+Partners\b"
)
_AREA_PATTERNS = [
    rf"Inspection\s+of\s+({_NAME})\s+local\s+authority",
    rf"(?:visit|inspection)\s+(?:to|of)\s+({_NAME})\s+(?:local\s+authority\s+)?children{_APOS}s",
    rf"(?:visit|inspection)\s+(?:to|of)\s+({_NAME})\s+Local\s+Area\s+Partnership",
    rf"Joint\s+targeted\s+area\s+inspection[^.]*?\s+in\s+({_NAME})",
    rf"(?:London Borough|Royal Borough|City|County|Borough) of ({_NAME})",
    rf"({_NAME})\s+(?:{_SAFEGUARDING})",
    # a board's abbreviation after a place's name ("Chair, Wenbury SAB"), not an acronym's
    r"\b([A-Z][a-z][A-Za-z'\u2019-]+(?: [A-Z][a-z][A-Za-z'\u2019-]+){0,2}) (?:SAB|LSAB|LSCB|L?SCP)\b",
    rf"({_NAME})\s+(?:(?:Metropolitan|District|Borough|County|City)\s+)+Council",
]


def _area(text: str) -> str | None:
    """The first name the patterns find that is a known authority; else the first name
    found (an area the table does not know, or a name cut by a line break)."""
    fallback = None
    for rx in _AREA_PATTERNS:
        for m in re.finditer(rx, text):
            raw = re.sub(
                r"\s+Children(?:['\u2019]s|s)?$", "", m.group(1)
            )  # "X Children's Safeguarding ..."
            if (area := _norm_area(raw)) and area not in ("Children", "Safeguarding"):
                if canonical_area(area):
                    return area
                fallback = fallback or area
    return fallback


_CODE = (
    r"\s+(?P<code>(?!(?:IN|OF|ON|TO|AT|IS|AND|THE|FOR|BY|OR|CP|CIN|LAC|CSE|CCE|SCR|NHS|GP"
    r"|UK)\b)[A-Z]{1,3}\d{0,2}(?:\s*(?i:and|&|,)\s*[A-Z]{1,3}\d{0,2})*)\b"
)
_PSEUDONYM = re.compile(  # "Child D", "BABY T", "Children A and B"; not "Child Protection"
    r"\b(?P<kw>(?i:child(?:ren)?|bab(?:y|ies)|family|young person|infant|sibling(?:s| group)?"
    r"|twins))" + _CODE
)
# Adults' reviews name their subject "Adult A", "Mr B", "Patient S" (only there: in a
# child's review "Ms A" is a parent).
_ADULT_PSEUDONYM = re.compile(r"\b(?P<kw>(?i:adult|patient)|Mr|Mrs|Ms|Miss)" + _CODE)


_QUOTED_NAME = re.compile(
    r"(?:LCSPR|SCR|[Rr]eview)\s*[:\-\u2013]?\s*[\u2018'\"\u201c]([A-Z][a-z]{1,20})[\u2019'\"\u201d]"
)


def _only_case(rx: re.Pattern[str], lines: Sequence[str]) -> re.Match[str] | None:
    """The one case the opening lines name; none when they name several (a page that
    gathers the learning of several reviews, or links to them, is about no one case)."""
    found = list(rx.finditer("\n".join(lines)))
    names = {(m["kw"].lower(), _flat(m["code"])) for m in found}
    return found[0] if len(names) == 1 else None


_LABEL_START = re.compile(
    r"(?:Report |Date )?(?:Published|Publication|Date|Rapid Review meeting|Posted|Added)", _I
)
# A date set between a web page's bars at its head ("By Conor Whitlam | 22 January 2026",
# "12 March 2026 | Press release"): the page's own date.
_BAR_DATE = re.compile(rf"(?:^|\|)\s*{_DATE}\s*(?:\||$)")  # on a line with a bar


# What a case's dates are labelled with: events, never the document's own date ("Date of
# notification to the Panel", "Date of incident").
_EVENT = (
    r"(?:birth|death|incident|notification|referral|admission|injur|harm|offence|arrest"
    r"|conviction|hearing|discharge|sentenc)"
)
# A date introduced as the time of an event ("the death of Sarah in March 2023", "from
# June 2023"), not as the document's own date.
_EVENT_LEAD = re.compile(r"\b(?:in|since|between|from|until|to|during|after|before)\s*$", _I)


def _title_block_date(lines: Sequence[str]) -> re.Match[str] | None:
    """The title block's own date: the first date of its short lines ("Partnership |
    April 2023", "Wednesday 11 February 2026, 10:00-12:30, ..."), or one that ends a short
    byline sentence ("Summary prepared by the ... business unit, November 2024."); never a
    date a title or sentence gives to an event ("... the death of Sarah in March 2023")."""
    for prev, ln in zip(["", *lines], lines):
        if len(ln) > 160 or ln[0].islower():
            continue
        if len(prev) < 60 and re.search(_EVENT, prev, _I) and not _DATE_RE.search(prev):
            continue  # "Date of incident" above its value
        for m in _DATE_RE.finditer(ln):
            ends = not ln[m.end() :].strip(" .*_)")
            if _EVENT_LEAD.search(ln[: m.start()]) or (ln.endswith(".") and not ends):
                continue
            return m
    return None


def _sign_off_day(pages: Sequence[str], month: str) -> str | None:
    """A full date of *month* (ISO "YYYY-MM") in the document's last lines: the sign-off
    that dates a report its title page dates by the month only."""
    tail = "\n".join("\n".join(pages).split("\n")[-8:])
    days = [
        iso
        for m in _DATE_RE.finditer(tail)
        if not m["m5"]
        and not re.search(r"\b(?:on|in|at|since|from|until|to|by)\s*$", tail[: m.start()], _I)
        and (iso := _from_match(m))
        and iso.startswith(month)
    ]
    return days[-1] if days else None


# A publication label that starts a clause of a title-block line ("Audit completed March
# 2026 · Page published 22 April 2026", "Executive summary. Published by ..."), not a
# sentence's verb ("The full review was published on 15 March 2023").
_PUBLISHED_CLAUSE = re.compile(
    r"(?:(?<=[\u00b7|\u2022,;.])\s*|\s[-\u2013]\s)\s*(?:(?:Page|Report)\s+)?"
    r"(?:Published|Publication date|(?:Last |Page (?:last )?)?updated)\b",
    _I,
)


def _labelled_date(text: str) -> tuple[str, str] | None:
    """(role, date) of a "Published: ..." / "Date of report: ..." label, not dates of birth."""
    # "Updated 3 March 2025" / "Last updated: ...": a web page's own date
    m = re.search(
        rf"(?P<label>(?:Report |Date |Page )?Published(?: on| by [^,.\n]{{3,80}},| in [^:\n]{{1,30}})?"
        rf"|Publication date"
        # a web page's post or a library's entry ("Posted on Monday 9 February 2026",
        # "Added to repository: 21/01/2026")
        rf"|(?-i:Posted)(?: on)?(?: (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?"
        rf"|(?-i:Added)(?: to [^:\n]{{1,30}})?(?=:)"
        rf"|(?:Last |Page (?:last )?)?updated(?: on)?"
        rf"|Date(?! of (?:[\w ]{{0,20}}\s)?{_EVENT})(?: of [^:\n]{{1,40}}?)?"
        rf"|Rapid Review meeting(?: held)?(?: on)?)\s*[:\-\u2013]?"
        rf"\s*{_DATE}",
        text,
        _I,
    )
    if not m or not (iso := _from_match(m)):
        return None
    role = (
        "published"
        if re.search("publi|updated|posted|added", m["label"], _I)
        else "meeting"
        if re.search("meeting", m["label"], _I)
        else "dated"
    )
    return role, iso


def _sign_off_label(pages: Sequence[str]) -> str | None:
    """The last "Date:" label of the pages after the first two (a sign-off or statement
    block, often before appendices), not an event's."""
    found = [
        iso
        for m in re.finditer(rf"\bDate\s*:\s*{_DATE}", "\n".join(pages))
        if (iso := _from_match(m))
    ]
    return found[-1] if found else None


def _standalone_dates(text: str) -> list[str]:
    """Dates printed alone on a line (cover page, signature block); no sentence ends."""
    found = (_DATE_RE.fullmatch(line.strip()) for line in text.split("\n"))
    return [iso for m in found if m and (iso := _from_match(m))]


_CONNECTOR = re.compile(r"\b(?:of|and|the|to|in|for|on|from|into|with|a|an)$|[-\u2013:]$", _I)
_GENERIC = re.compile(
    r"(?:contents|foreword|introduction|summary|official|confidential"
    r"|official[- ]sensitive|private and confidential)\W*$"
    r"|(?:skip|jump) to (?:main )?(?:content|navigation)\b",  # a saved web page's furniture
    _I,
)


def _title_lines(lines: list[str], start: int) -> str:
    """The title starting at lines[start] plus wrapped continuation lines."""
    title = lines[start]
    for nxt in lines[start + 1 : start + 4]:
        if (
            not nxt
            or title.endswith(".")
            or _DATE_RE.fullmatch(nxt)
            or len(title + nxt) > 150
            or re.match(
                r"(?:Dear|Published|Date|Publication|(?:Page |Last )?updated|Posted|Reading time)\b",
                nxt,
                _I,
            )
        ):
            break
        if nxt[0].islower() or _CONNECTOR.search(title):  # a wrapped line
            title += " " + nxt
        elif _PSEUDONYM.fullmatch(nxt) or (
            len(title) <= 25 and len(nxt) < 100 and not nxt.endswith((".", ","))
        ):
            title += " " + nxt if title.endswith(":") else ": " + nxt  # "Rapid Review: Family X"
        else:
            break
    return title


def _title(
    lines: list[str], kind: str, headings: Sequence[str], file_name: str, area: str | None
) -> str:
    # The title block: lines before the first line of prose (letters: below the address).
    n = next(
        (i for i, ln in enumerate(lines) if ln[0].islower() or ln.endswith((".", ";"))), len(lines)
    )
    block = lines[:30] if kind in _LETTERS else lines[: min(n, 15)]
    if kind in _TYPE_PATTERNS:  # the line that names the document type is the title
        for i, line in enumerate(block):
            # a capital, or the type's own name first ("7 Minute Briefing: ...")
            if re.search(_TYPE_PATTERNS[kind], line, _I) and (
                line[0].isupper() or re.match(_TYPE_PATTERNS[kind], line, _I)
            ):
                return _title_lines(lines, i)
    for h in headings:  # never a numbered section heading ("1.1 Purpose of report")
        if (
            h.strip()
            and not _GENERIC.match(h.strip())
            and not re.match(r"\d+(?:\.\d+)*\.?\s", h.strip())
        ):
            return _flat(h)
    for i, line in enumerate([] if kind in _LETTERS else lines[: min(n, 10)]):  # no address
        if (
            len(line) < 100
            and not _DATE_RE.fullmatch(line)
            and not _GENERIC.match(line)
            and not _is_publisher(line)
            and not _BREADCRUMB.search(line)
        ):
            return _title_lines(lines, i)
    if kind not in _LETTERS:  # a web page: its heading, the first line that reads as one
        for line, nxt in zip(lines[:12], [*lines[1:13], ""]):
            if (
                len(re.findall(r"[A-Za-z]{2,}", line)) >= 3
                and len(line) <= 150
                and not nxt[:1].islower()  # not the first line of a wrapped sentence
                and line[0].isupper()
                and not line.endswith((".", ":", ";", ","))
                and not _GENERIC.match(line)
                and not _is_publisher(line)
            ):
                return _drop_publisher(line)
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", file_name.replace("\\", "/").rsplit("/", 1)[-1])
    label = re.sub(r"[-_ ]+", " ", stem).strip().capitalize()
    if len(re.findall(r"[A-Za-z]{2,}", label)) < 2:  # "report.pdf" says nothing
        label = _TYPE_LABELS.get(kind) or DOC_TYPE_LABELS.get(kind, label or "Untitled")
    return f"{area}: {label}" if area and area.lower() not in label.lower() else label


_TYPE_LABELS = {
    "scr": "Serious case review",
    "lcspr": "Local child safeguarding practice review",
    "rapid_review": "Rapid review",
    "ofsted_letter": "Ofsted letter",
    "jtai_letter": "Joint targeted area inspection letter",
    "other": "Document",
    "scrutiny_report": "Independent scrutiny report",
    "learning_brief": "Learning brief",
}


def _site_days(first: str, flat_body: str, letter: str | None) -> tuple[str | None, str | None]:
    """First and last day of an inspection or visit: a "dates:" label on page 1, else the
    first span or date the text gives to the visit ("on 5 and 6 February 2019", "Between
    20 and 24 June", "took place from 10 to 14 January 2022")."""
    if m := _DATES_LABEL.search(first):
        start, end = date_span(_flat(first[m.end() : m.end() + 120]), letter)
        if start:
            return start, end
    cue = re.compile(
        r"(?:visit|inspection|inspected|took place)\b[^.]{0,160}?\s(?:on|between|from"
        r"|during)\s|(?<![\w-])between\s",
        _I,
    )  # not the "on" of "Stoke-on-Trent"
    for m in cue.finditer(flat_body):
        start, end = date_span(flat_body[m.end() : m.end() + 80], letter)
        if start and re.match(r"\s*(?:the\s+)?\d", flat_body[m.end() :]):
            return start, end or start
    return None, None


# A numbered section heading ("2. Background", "1.1 Purpose"); a bare number that starts a
# title of several words ("7 Minute Briefing: ...") is part of it.
_SECTION_NUMBER = re.compile(r"\d+(?:\.\d+)*[.)]\s|\d+(?:\.\d+)+\s|\d+\s+\S+$")
_BREADCRUMB = re.compile(r"\s>\s")  # "Home > Professionals > Learning"
# A saved web page's trail or row of links ("You are here: Home / Reviews / Adult C", "Home >
# Learning", "Home | About | Contact"), or its cookie notice: what comes before the page's own
# title.
_PAGE_NAVIGATION = re.compile(
    r"^(?:you are here:?\s*)?home\s*(?:>|›|»|/|\|)\s*\S|\S\s+(?:>|›|»)\s+\S.*\s(?:>|›|»)\s"
    # a row of three or more links; a row of dates and labels ("Published: 2 March 2026 |
    # Review type: LCSPR") describes the page below its title
    r"|^[^\d:]*\S\s\|\s[^\d:]*\S\s\|\s[^\d:]*$|\bcookies?\b",
    _I,
)


def _after_navigation(lines: list[str]) -> list[str]:
    """The lines after a saved web page's navigation at its top (menus, trail, cookie notice),
    which ends before the first sentence of the page; a page's footer links are not it."""
    last = -1
    for i, ln in enumerate(lines[:25]):
        if _PAGE_NAVIGATION.search(ln):
            last = i
        elif len(ln) > 120 or ln.rstrip().endswith((".", "!", "?")):
            break  # the page's prose has begun
    return lines[last + 1 :] if 0 <= last < len(lines) - 1 else lines


_TEMPLATE_LABEL = re.compile(r"(?:report|document|review)?\s*(?:title|name)\s*:?", _I)
_NOT_TITLE = re.compile(
    r"(?:contents|foreword|introduction|summary|official|confidential|official[- ]sensitive"
    r"|private and confidential|not for publication|ofsted|page \d+)\b",
    _I,
)


def _is_publisher(text: str) -> bool:
    """A publisher's or council's name alone ("Eastmere Safeguarding Children Partnership")."""
    return bool(
        canonical_area(text)
        or re.fullmatch(
            rf"(?:The )?(?:{_NAME}\s+)?(?:{_SAFEGUARDING}|(?:(?:Metropolitan|District|Borough|County"
            rf"|City)\s+)*Council|Local Area Partnership|Children and Young People Scrutiny Committee"
            rf"|Community Safety Partnership)",
            text,
        )
        # a community safety partnership's own name ("Safer Ellerby Partnership")
        or re.fullmatch(rf"(?:The )?Safer\s+{_NAME}\s+Partnership", text)
    )


def _layout_title(blocks: Sequence[Block], kind: str) -> str | None:
    """The title a reader sees on the first page: the value of a "Report title" cell,
    else the run of largest-type lines (a heading level where sizes are unknown), never
    a numbered section heading, a template label, a date or the publisher's name alone.
    Letters keep their title below the address: only a line naming the type counts."""
    if not blocks:
        return None
    page = blocks[0].page
    first = [b for b in blocks if b.page == page][:40]
    for b, nxt in pairwise(first):
        if (
            b.kind == "table_cell"
            and _TEMPLATE_LABEL.fullmatch(b.text)
            and nxt.table == b.table
            and nxt.row == b.row
        ):
            return _drop_publisher(_flat(nxt.text))

    def ok(b: Block) -> bool:
        t = b.text.strip()
        return (
            b.kind in ("heading", "paragraph")
            and not b.number
            and 2 < len(t) <= 160
            and not _NOT_TITLE.match(t)
            and not _DATE_RE.fullmatch(t)
            and not _is_publisher(t)
            and not _SECTION_NUMBER.match(t)
            and not t.endswith((".", ":", ";"))
        )

    if kind in _LETTERS:
        rx = _TYPE_PATTERNS.get(kind)
        named = next((b for b in first if ok(b) and rx and re.search(rx, b.text, _I)), None)
        return _drop_publisher(_flat(named.text)) if named else None
    cands = [b for b in first if ok(b)]
    if not cands:
        return None
    if any(b.size for b in cands):
        top = max(b.size for b in cands)
        if top <= min(b.size for b in first if b.size) * 1.05:  # nothing stands out
            return None
        big = [i for i, b in enumerate(first) if ok(b) and b.size >= top * 0.75]
    else:  # structured formats: heading levels instead of sizes
        heads = [b for b in cands if b.kind == "heading"]
        # plain text with only section headings (no top-level one): a line above the first
        # that names the document's form is its title ("Safeguarding Adults Review: Mrs K"
        # above "About Mrs K")
        rx = _TYPE_PATTERNS.get(kind)
        if rx and heads and min(b.level for b in heads) > 1:
            above = first[: first.index(heads[0])]
            if named := next((b for b in above if ok(b) and re.search(rx, b.text, _I)), None):
                return _drop_publisher(_flat(named.text))
        if not heads:
            return None
        lvl = min(b.level for b in heads)
        big = [i for i, b in enumerate(first) if ok(b) and b.kind == "heading" and b.level == lvl]
    run = [big[0]]  # the first title-sized lines that follow one another
    for i in big[1:]:
        if i != run[-1] + 1 or len(run) == 3:
            break
        run.append(i)
    parts = [_flat(first[i].text) for i in run]
    title = parts[0]
    for part in parts[1:]:  # wrapped title lines, or "Review" / "Baby L"
        title += " " + part if _CONNECTOR.search(title) or part[0].islower() else ": " + part
    return _drop_publisher(title)


# Labels of a title page's other lines: never a title's continuation.
_TITLE_PAGE_LABEL = re.compile(
    r"(?:(?:independent|lead)\s+)?(?:reviewer|author|chair|published|publication|date"
    r"|prepared|written|commissioned|version|status|classification|contents|foreword)\b",
    _I,
)


def _complete_bare_title(
    title: str, lines: Sequence[str], kind: str, blocks: Sequence[Block] = ()
) -> str:
    """A title that is only its type's name ("Local Child Safeguarding Practice Review",
    "Rapid Review Record") with the title page's next line, which names the case or the
    part ("Child T: Executive Summary"), or the case a table row below it names ("Child's
    identifier | Child W"): a list of documents needs more than the type."""
    rx = _TYPE_PATTERNS.get(kind)
    bare = rf"(?:{rx})(?:\s+(?:record|report|note|summary|outcome))?" if rx else None
    if not bare or not re.fullmatch(bare, title.strip(), _I):
        return title
    at = next((i for i, ln in enumerate(lines) if _flat(ln) == title.strip()), None)
    nxt = lines[at + 1].strip() if at is not None and at + 1 < len(lines) else ""
    rows: dict[tuple[int | None, int | None], list[str]] = {}
    for b in blocks[:40]:
        if b.kind == "table_cell" and b.page == blocks[0].page:
            rows.setdefault((b.table, b.row), []).append(_flat(b.text))
    if nxt and any(" ".join(cells) == _flat(nxt) for cells in rows.values()):
        case_rx = _ADULT_PSEUDONYM if kind in ("sar", "dhr") else _PSEUDONYM
        case = case_rx.search(nxt)  # a row of a table: only the case it names
        return f"{title.strip()}: {case['kw']}{case.group(0)[len(case['kw']) :]}" if case else title
    if (
        not nxt
        or len(nxt) > 90
        or nxt.endswith((".", ";", ","))
        or _TITLE_PAGE_LABEL.match(nxt)
        or _DATE_RE.match(nxt)
        or _SECTION_NUMBER.match(nxt)
        or _is_publisher(nxt)
        or _GENERIC.match(nxt)
    ):
        return title
    return f"{title.strip()}: {_flat(nxt)}"


def _drop_publisher(title: str) -> str:
    """ "Annual Report 2023-24: Eastmere Safeguarding Children Partnership" -> its title."""
    head, sep, tail = title.rpartition(": ")
    return head if sep and head and _is_publisher(tail) else title


def _other(
    pages: list[str], file_name: str, headings: Sequence[str], blocks: Sequence[Block] = ()
) -> Metadata:
    first = pages[0] if pages else ""
    # a table's rows name no form of the document ("Inspections (focused visit, JTAI) | 4" in
    # a table of figures): the type is read from the other lines
    rows: dict[tuple[int | None, int | None], list[str]] = {}
    for b in blocks:
        if b.kind == "table_cell" and b.page == 1:
            rows.setdefault((b.table, b.row), []).append(b.text)
    cells = {" ".join(" ".join(r).split()) for r in rows.values()}
    lines = [ln for ln in first.split("\n") if ln.strip()]
    stem = re.sub(r"[-_]+", " ", file_name.replace("\\", "/").rsplit("/", 1)[-1])
    head = "\n".join([*lines[:15], *headings[:3], stem])
    body = "\n".join(pages[:2])
    prose = [ln for ln in lines if " ".join(ln.split()) not in cells]
    kind = _doc_type(
        "\n".join([*prose[:15], *headings[:3], stem]), body, _layout_title(blocks, "other") or ""
    )
    laid_out = _layout_title(blocks, kind)
    text = re.sub(r"[ \t]+", " ", head + "\n" + body)
    area = (
        _area(laid_out or "")
        or _area(text)
        or _area(_recase(text))
        or _area_from_file_name(file_name, "\n".join(pages))
    )
    dates: dict[str, str] = {}
    flat_body = _flat(body)
    top = next(iter(_standalone_dates("\n".join(lines[:25]))), None)
    if kind in _LETTERS:  # the date is the first day on site; the letter's own date is kept
        # (a letterhead may come after the body in reading order: any date alone on page 1)
        if letter := top or next(iter(_standalone_dates(first)), None):
            dates["letter"] = letter
        start, end = _site_days(first, flat_body, dates.get("letter"))
        dates.update({k: v for k, v in (("first_day", start), ("last_day", end)) if v})
    # Publication: a labelled date, else a date alone on a cover line, else in the sign-off.
    # The title block's own date ("Partnership | April 2023") beats a date the body
    # mentions ("the full review was published on 15 March 2023").
    # A publication label anywhere in a title-block line ("Audit completed March 2026 ·
    # Page published 22 April 2026"); other labels at a line's start.
    head_labelled = next(
        (
            d
            for ln in lines[:12]
            if (m := _LABEL_START.match(ln) or _PUBLISHED_CLAUSE.search(ln))
            and (d := _labelled_date(ln[m.start() :]))
        ),
        None,
    )
    if head_labelled is None and kind not in _LETTERS:  # "By X | 22 January 2026" at its head
        head_labelled = next(
            (
                ("published", iso)
                for ln in lines[:12]
                # (a month alone, "| November 2026", leaves the day to the sign-off)
                if "|" in ln
                and (m := _BAR_DATE.search(ln))
                and not m["m5"]
                and (iso := _from_match(m))
            ),
            None,
        )
    labelled = head_labelled or _labelled_date(body)
    # A date in the title block's short lines, not one a sentence mentions.
    heading = _title_block_date(lines[:4])
    heading_date = _from_match(heading) if heading else None
    if heading and heading["m5"] and heading_date:  # "November 2025" over the signature
        heading_date = _sign_off_day(pages, heading_date[:7]) or heading_date
    if labelled and (head_labelled or not heading_date):
        dates[labelled[0]] = labelled[1]
    elif heading_date and heading_date != dates.get("letter"):
        dates["published"] = heading_date
    elif top and "letter" not in dates:
        dates["published"] = top
    elif pages and "letter" not in dates and (tail := _standalone_dates(pages[-1])):
        dates["published"] = tail[-1]
    elif pages and "letter" not in dates and (signed := _sign_off_label(pages[2:])):
        dates["dated"] = signed  # "Chair of Review Panel: ... Date: 20 November 2025"
    date = (
        dates.get("first_day")
        or dates.get("letter")
        or dates.get("published")
        or dates.get("meeting")
        or dates.get("dated")
    )
    title = laid_out or _flat(_title(_after_navigation(lines), kind, headings, file_name, area))
    if kind not in _LETTERS:
        title = _complete_bare_title(title, lines[:12], kind, blocks)
    # "No. 55 Rapid Reviews - Devon"; a title wrapped inside the name ("... of North" /
    # "Northamptonshire Local Area Partnership") still names it in the title block
    if not area and kind != "national_review":  # a national review names areas, not its own
        # (a word opening a sentence, "Reading across the reviews ...", names no authority)
        openers = re.sub(r"(?m)(?:^|(?<=[.!?] ))[A-Z][a-z]+(?= [a-z])", " ", "\n".join(lines[:15]))
        area = find_area(title) or find_area(openers)
    # A case pseudonym names one case: not looked for in letters and scrutiny reports.
    one_case = kind not in _LETTERS | _MANY_CASES
    rx = _ADULT_PSEUDONYM if kind in ("sar", "dhr") else _PSEUDONYM
    pseudo = None if not one_case else (rx.search(title) or _only_case(rx, lines[:40]))
    name = (
        f"{pseudo['kw'][0].upper()}{pseudo['kw'][1:].lower()} {_flat(pseudo['code'])}"
        if pseudo
        else None
    )
    if name is None and one_case:
        quoted = _QUOTED_NAME.search(title)  # "LCSPR 'Tyler'": a name chosen for the review
        name = quoted.group(1) if quoted else None
    judgements = {}
    if kind == "area_send" and (outcome := _send_outcome(first)):
        judgements["Area SEND outcome"] = outcome
    elif kind in _LETTERS and (status := _priority_action_status(pages)):
        judgements["Areas for priority action"] = status
    return Metadata(
        doc_type=kind,
        title=_short(title),
        area=area,
        date=date,
        dates=dates,
        pseudonym=name,
        judgements=judgements,
        topic=_topic(flat_body, area) if kind in _LETTERS else None,
    )


# The focus of a visit or a JTAI's deep dive, as the letter words it: "Inspectors looked
# at the local authority's arrangements for care leavers", "included a 'deep dive' focus
# on ...", "the JTAI of the multi-agency response to <topic> in <area>".
_TOPIC_CUES = [
    r"\bdeep dive\W{0,3}\s+(?:focus\s+)?on\s+(?:the\s+)?(?:(?:multi-agency\s+)?response\s+to\s+)?",
    (
        rf"\b(?:looked at|considered|evaluated|reviewed|focused on|has delivered)\s+"
        rf"(?:the\s+)?(?:local authority{_APOS}s\s+)?"
        rf"(?=arrangements|practice|the quality|(?:the )?progress|child-centred)"
    ),
    r"\bThis visit looked at\s+",
    r"\b(?:JTAI|inspection)\)?\s+of the multi-agency response to\s+",
]


def _topic(flat_body: str, area: str | None) -> str | None:
    for rx in _TOPIC_CUES:
        if m := re.search(rx, flat_body, _I):
            topic = re.split(
                r"\.\s|\.$| in accordance with | under the | This visit|, specifically"
                r"|\s\((?:often|known|also)\b|\s[\u25fc\u25aa\u2022\uf06e]",
                flat_body[m.end() :][:400],
            )[0]
            if area:  # "... abuse and neglect in Wokingham": the area is not the topic
                topic = re.sub(
                    rf"\s+(?:in|at)\s+(?:the\s+)?(?:[A-Z]\w+\s+){{0,3}}(?:of\s+)?"
                    rf"{re.escape(area)}\b.*$",
                    "",
                    topic,
                )
            topic = topic.strip(" ,;:")
            # "a 'deep dive' focus on this vulnerable group" points back: not the topic
            if 3 <= len(topic) <= 300 and not re.match(r"(?:this|these|that|those)\b", topic, _I):
                return topic
    return None


def _priority_action_status(pages: list[str]) -> str | None:
    """A letter's "Areas for priority action" heading: "None" when the section says there
    are none, "Identified" when it lists some; None when the letter has no such heading."""
    text = "\n".join(pages)
    m = re.search(r"^(?:Areas? for priority action|Priority actions?)\s*$", text, _M | _I)
    if not m:
        return None
    after = _flat(text[m.end() : m.end() + 300])
    return (
        "None"
        if re.match(r"\W*There (?:are|were) no (?:areas for )?priority action", after, _I)
        else "Identified"
    )


def _send_outcome(first: str) -> str | None:
    """The printed outcome of an area SEND inspection: the first sentence of its
    "Inspection outcome" box."""
    m = re.search(r"Inspection outcome\s+(.{20,600}?\.)(?=\s|$)", _flat(first))
    return m.group(1) if m else None


_INSTITUTION = re.compile(
    r"(?:National|Panel|Board|Partnership|Council|Ofsted|Government|Review|Reviews|Briefing|Learning)",
    _I,
)


# Words of a file name that are not part of a place's name.
_NOT_PLACE = frozenset(
    {
        "scp",
        "lscb",
        "lscp",
        "sab",
        "csp",
        "dhr",
        "sar",
        "scr",
        "lcspr",
        "cspr",
        "jtai",
        "send",
        "ilacs",
        "nhs",
        "trust",
        "council",
        "partnership",
        "board",
        "review",
        "report",
        "summary",
        "learning",
        "brief",
        "briefing",
        "rapid",
        "national",
        "panel",
        "the",
        "and",
        "of",
    }
)


def _area_from_file_name(file_name: str, body: str) -> str | None:
    """ "harrowfield_learning-brief.pdf" names Harrowfield when the text or a web or mail
    address in it does too, and
    "north-yorkshire_lcspr.pdf" North Yorkshire, a known authority, even when its name is
    only in a running header or footer the text lost."""
    base = file_name.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    stem = re.split(r"[_.]", base)[0]
    name = " ".join(w.capitalize() for w in stem.split("-") if w)
    # "ashby_vale_dhr_overview.pdf": the longest run of leading words the text names as one
    # ("Ashby Vale"), when the first word alone is no known authority
    words = [w for w in re.split(r"[_\-]+", base) if w]
    for n in (3, 2):
        longer = " ".join(w.capitalize() for w in words[:n])
        if (
            len(words) > n
            and not canonical_area(name)
            and all(w.isalpha() and w.lower() not in _NOT_PLACE for w in words[:n])
            and re.search(rf"\b{re.escape(longer)}\b", body)
        ):
            name = longer
            break
    if _INSTITUTION.fullmatch(name):
        return None  # "panel_thematic_review.html": the Panel is a body, not a place
    # the text names it, or a web or mail address does ("hscp@harrowfield.example.org")
    domain = rf"(?:@|www\.|://)(?:[\w-]+\.)?{re.escape(name.lower().replace(' ', ''))}"
    if len(name) >= 4 and (re.search(rf"\b{re.escape(name)}\b", body) or re.search(domain, body)):
        return canonical_area(name) or name
    return canonical_area(name) if len(name) >= 4 else None


_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "upon", "to", "a", "an"})


def _recase(text: str) -> str:
    """All-capital lines in title case ("INDEPENDENT SCRUTINY OF THE X SAFEGUARDING
    CHILDREN PARTNERSHIP"), so names are read as in mixed-case text."""

    def line(ln: str) -> str:
        if len(re.findall(r"[A-Z]{2,}", ln)) < 2 or re.search(r"[a-z]", ln):
            return ln
        return " ".join(
            w.lower() if i and w.lower() in _SMALL_WORDS else w.capitalize()
            for i, w in enumerate(ln.split(" "))
        )

    return "\n".join(line(ln) for ln in text.split("\n"))


def _short(title: str, limit: int = 159) -> str:
    return title if len(title) <= limit else title[:limit].rsplit(" ", 1)[0].rstrip(" ,:;-")


# ---------------------------------------------------------------- entry point


def detect_metadata(
    page_texts: Sequence[str],
    file_name: str,
    headings: Sequence[str] = (),
    blocks: Sequence[Block] = (),
) -> Metadata:
    """Type, title, area, dates, pseudonym, topic and judgements of one document.

    *blocks* (from structure.build_blocks) give the title by layout; without them the
    title comes from the first page's lines.
    """
    pages = [_clean(p) for p in page_texts if p and p.strip()]
    return _ofsted_report(pages) or _other(pages, file_name, headings, blocks)
