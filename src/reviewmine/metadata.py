"""Document metadata: type, title, area, dates, case pseudonym, Ofsted judgements.

Pure regex heuristics over page texts (no layout, no models), fast and tolerant of
the extractor: pypdfium2 and pdfplumber (plain or layout) text give the same answers
on the real Ofsted set.  What the ingest stage must keep:

* pages in order, lines separated by "\n"; page 1 starts with its title block
  (authority name, title, "Inspection date(s): ..." at the start of a line);
* a judgement table's rows together and in printed order (a wrapped label and its
  grade cell may come in either order); "Record of main findings" and the SIF
  sentence "The Local Safeguarding Children Board is ..." each start a line.
Running headers/footers and page numbers may or may not be there.

Dates are ISO strings.  A date printed without a day ("November 2020") becomes the
first of that month ("2020-11-01"); numeric dates are day first ("12/06/2017").
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["Metadata", "detect_metadata", "parse_date"]


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

_MON3 = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_ORD = r"(?:st|nd|rd|th)?"
_DASH = r"(?:to|until|and|[-\u2010-\u2015\u2212\u2500])"
# One date, most specific first; named groups say which format matched.
_DATE = (rf"(?:(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>\d{{4}})"
         rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}){_ORD},?\s+(?P<y2>\d{{4}})"
         rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{1,2}})-(?P<d3>\d{{1,2}})"
         rf"|(?P<d4>\d{{1,2}})[/.](?P<m4>\d{{1,2}})[/.](?P<y4>\d{{4}})"
         rf"|(?P<m5>{_MONTH})\s+(?P<y5>\d{{4}}))")
_DATE_RE = re.compile(rf"(?<![\w/.-]){_DATE}(?![\w/-])")
# A range "6 to 10 February 2023", "15 – 19 July 2013", "9 July 2018 to 20 July 2018".
_RANGE_RE = re.compile(
    rf"(?P<a>\d{{1,2}}){_ORD}(?:\s+(?P<am>{_MONTH}))?(?:,?\s+(?P<ay>\d{{4}}))?\s*{_DASH}\s*"
    rf"(?P<b>\d{{1,2}}){_ORD}\s+(?P<bm>{_MONTH}),?\s+(?P<by>\d{{4}})")


def _iso(y: str | int, m: str | int, d: str | int) -> str | None:
    try:
        month = int(m) if str(m).isdigit() else _MON3.index(str(m)[:3].lower()) + 1
        return _dt.date(int(y), month, int(d)).isoformat()
    except ValueError:  # "31/02/2017", unknown month
        return None


def _from_match(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    for d, mo, y in (("d", "m", "y"), ("d2", "m2", "y2"), ("d3", "m3", "y3"), ("d4", "m4", "y4")):
        if g.get(y):
            return _iso(g[y], g[mo], g[d])
    return _iso(g["y5"], g["m5"], 1) if g.get("y5") else None


def parse_date(text: str) -> str | None:
    """First date in ``text`` as ISO ("12 June 2017", "12/06/2017", "June 2017", ...)."""
    for m in _DATE_RE.finditer(text):
        if iso := _from_match(m):
            return iso
    return None


def _parse_range(m: re.Match[str]) -> tuple[str | None, str | None]:
    """(start, end); the start borrows a month/year it does not print from the end."""
    return _iso(m["ay"] or m["by"], m["am"] or m["bm"], m["a"]), _iso(m["by"], m["bm"], m["b"])


def _clean(page: str) -> str:
    # pypdfium2 marks a line-end hyphen as U+FFFE; these reports use real compound hyphens.
    page = page.replace("\r\n", "\n").replace("\ufffe\n", "-").replace("\ufffe", "-")
    spaces = r"[ \t\xa0\u2000-\u200a\u202f]+"  # incl. runs from layout-mode extraction
    lines = [re.sub(spaces, " ", ln).strip() for ln in page.split("\n")]
    return "\n".join(ln for ln in lines if not re.fullmatch(r"\d{1,3}", ln))  # page numbers


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_I, _M = re.IGNORECASE, re.MULTILINE  # short names for the flags
_APOS = "['\u2019]"
_GRADE = r"Requires? improvement(?: to be good)?|Inadequate|Good|Outstanding|Adequate"
_GRADE_ANYCASE = rf"(?i:{_GRADE})"


# ---------------------------------------------------------------- Ofsted reports

_SIF = r"services for children in need of help and protection, children looked after and care leavers"
_OFSTED_TITLES = [  # (regex over the flattened title block, framework)
    (r"Inspection of looked after children services", "LAC 2012-13"),
    (r"Re-inspection of " + _SIF, "SIF re-inspection"),
    (r"Inspection of " + _SIF, "SIF"),
    (rf"Inspection of children{_APOS}s social care services", "ILACS"),
    (rf"Inspection of (?P<area>.{{2,80}}?) local authority children{_APOS}s services", "ILACS"),
    (r"Review of the effectiveness of the Local Safeguarding Children Board", "SIF LSCB review"),
]
_AREA_PREFIX = re.compile(r"^(?:The )?(?:London Borough|Royal Borough|City|County|Borough|"
                          r"Metropolitan Borough|Council) of ")
_AREA_SUFFIX = re.compile(
    r"\s+(?:(?:Metropolitan )?(?:District|Borough|County|City)\s+)*Council$"
    rf"|\s+(?:Local\s+)?(?:Safeguarding Children{_APOS}?s?|Children{_APOS}?s? Safeguarding)"
    r"\s+(?:Board|Partnership|Executive|Arrangements)$|\s+Safeguarding Partnership$"
    r"|\s+(?:Local|Community)$")  # "Brighton & Hove Local Safeguarding Children Board"


def _norm_area(raw: str) -> str | None:
    area = _flat(re.sub(r"(?<=[a-z])\d+\b", "", raw)).strip(" ,.:;-")
    for _ in range(2):  # "City of Bradford Metropolitan District Council" needs both
        area = _AREA_SUFFIX.sub("", _AREA_PREFIX.sub("", area)).strip(" ,")
    area = re.sub(r"^(?:(?:The|A|An|Local|Our|This|Independent|In|By|Of|And)\s+)+", "", area)
    return area if area and area[0].isupper() and len(area) < 60 else None


def _ofsted_report(pages: list[str]) -> Metadata | None:
    """Metadata of an Ofsted inspection report, or None when page 1 is not one."""
    first = pages[0] if pages else ""
    m = re.search(r"^(?:Inspection|Review) dates?\s*:?", first, _M)
    block = _flat(re.sub(r"(?<=[a-z])\d\b", "", first[: m.start()] if m else first[:600]))
    hits = [(h, fw) for rx, fw in _OFSTED_TITLES if (h := re.search(rx, block, _I))]
    if not hits or (not m and not re.search(r"Judgement\s+Grade", first)):
        return None
    hit, framework = min(hits, key=lambda x: x[0].start())  # the first printed title wins
    rest = re.sub("|".join(re.escape(h.group(0)) for h, _ in hits), " ", block)
    rest = re.sub(r"^\s*and\s+|\s+and\s*$", " ", _flat(rest))  # the authority's name
    area = _norm_area(hit["area"] if "area" in hit.re.groupindex else rest)
    title = hit.group(0) if not area or area in hit.group(0) else f"{area}: {hit.group(0)}"
    dates: dict[str, str] = {}
    line = re.search(r"^(?:Inspection|Review) dates?\s*:?\s*(.*(?:\n.*)?)", first, _M)
    if line:
        rng = _RANGE_RE.search(_flat(line.group(1)))
        start, end = _parse_range(rng) if rng else (parse_date(line.group(1)), None)
        dates.update({k: v for k, v in (("inspection_start", start), ("inspection_end", end)) if v})
    pub = re.search(r"^(?:Report )?published:?\s*(.*)", first, _M | _I)
    if pub and (iso := parse_date(pub.group(1))):
        dates["published"] = iso
    return Metadata(doc_type="ofsted_inspection", title=_short(title), area=area,
                    date=dates.get("inspection_start") or dates.get("published"), dates=dates,
                    judgements=_judgements(pages, framework), framework=framework)


# Grade words of a judgement table.  Extractors put a wrapped label's lines and its grade
# cell in different orders ("Requires" / "1. Children who ..." / "improvement"), so rows
# are rebuilt by taking the grade words out: the rest splits into labels at row starts and
# the grades pair with the labels in order.
_GRADE_WORD = re.compile(r"\b(?:Requires?|improvement(?:\s+to)?|(?:to\s+)?be\s+good|Inadequate"
                         r"|Good|Outstanding|Adequate)\b")


def _table(region: str, row_start: str) -> dict[str, str]:
    grades: list[str] = []
    pending: list[str] = []
    for word in (m.group(0) for m in _GRADE_WORD.finditer(region)):
        if word.startswith(("Requir", "improvement")):
            pending.append(word)
            if len(pending) == 2:  # either order: "Requires improvement"
                grades.append(next(w for w in pending if w.startswith("R")) + " improvement")
                pending = []
        elif word.endswith("be good"):
            if grades and grades[-1].endswith("improvement"):
                grades[-1] += " to be good"
        else:
            grades.append(word)
    rest = _GRADE_WORD.sub(" ", region)
    labels = [_flat(x) for x in re.split(row_start, rest) if _flat(x)]
    # A count mismatch means the region is not a clean table: better no rows than wrong ones.
    return dict(zip(labels, grades, strict=True)) if len(labels) == len(grades) else {}


def _judgements(pages: list[str], framework: str) -> dict[str, str]:
    flat = _flat("\n".join(pages[:3]))
    if framework == "ILACS":  # rows from "Judgement Grade" to "Overall effectiveness <grade>"
        m = re.search(rf"Judgement Grade (.*?\bOverall effectiveness (?:{_GRADE}))", flat)
        return _table(m.group(1), r"(?=\b[A-Z])") if m else {}
    if framework == "LAC 2012-13":
        for page in pages:  # the table, not the contents line "Record of main findings 21"
            m = re.search(r"^Record of main findings\s*$", page, _M)
            if m:
                body = _flat(re.sub(r"^Services for looked after children\s*$", "",
                                    page[m.end():], flags=_M))
                return _table(re.split(r"[.\d]", body)[0][:700], r"(?=\b[A-Z])")
        return {}
    out: dict[str, str] = {}
    overall = re.search(
        rf"(?:The overall judgement is(?: that children{_APOS}s services are)?"
        rf"|Children{_APOS}s services in [A-Z][^.]{{0,60}}?(?: are| is)?)\s+({_GRADE_ANYCASE})",
        flat)
    rows = re.search(  # "1. Children who need help ..." to the grade after "3. Leadership ..."
        r"(?:\b(?:Requires?|Inadequate|Good|Outstanding) )*(?<![\w.])1\. Children.{0,700}?"
        r"(?<![\w.])3\. [^\d]*?(?:Requires? improvement|improvement|Inadequate|Good|Outstanding)"
        r"\b", flat)
    if framework != "SIF LSCB review" and overall:
        out["Overall effectiveness"] = overall.group(1)
    if framework != "SIF LSCB review" and rows:
        out.update(_table(rows.group(0), r"(?<![\w.])(?:2\.[12]|[123]\.)(?= )"))
    if framework != "SIF re-inspection":
        lscb = re.search(
            r"^The (?:effectiveness of the )?(?:Local Safeguarding Children Board|LSCB)"
            rf"(?: \(LSCB\))?\s+(?:is\s+|are\s+)?({_GRADE_ANYCASE})\.?\s*$",
            "\n".join(pages), _M)
        if lscb:
            out["Local Safeguarding Children Board"] = lscb.group(1)
    return out


# ---------------------------------------------------------------- other documents

_TYPE_PATTERNS = {
    "jtai_letter": r"joint targeted area inspection",
    "ofsted_letter": r"focused visit|monitoring visit",
    "learning_brief": r"learning (?:brief|briefing|summary)\b|(?:7|seven)[- ]minute brief",
    "rapid_review": r"\brapid review",
    "lcspr": r"(?:local )?child safeguarding practice review(?!\s+panel)|\bLCSPR\b",
    "scr": r"serious case review|\bSCR\b",
    "scrutiny_report": r"independent scrutineer|independent scrutiny|annual report",
}
_STRONG = ("jtai_letter", "ofsted_letter", "learning_brief")  # forms that name other types


def _doc_type(head: str, body: str) -> str:
    for kind in _STRONG:
        if re.search(_TYPE_PATTERNS[kind], head, _I):
            return kind
    for text in (head, body):
        found = [(m.start(), kind) for kind, rx in _TYPE_PATTERNS.items()
                 if (m := re.search(rx, text, _I))]
        if text is body:  # in running text an "annual report" is only a mention
            found = [f for f in found if f[1] != "scrutiny_report"
                     or re.search(r"independent scrutin", text, _I)]
        if found:
            return min(found)[1]
    dcs = re.search(r"^Dear\b", body, _M) and re.search(f"Director of Children{_APOS}s", body, _I)
    return "ofsted_letter" if dcs else "other"  # an unnamed letter to the DCS


# An area name stays on one line; the words around it may wrap.
_NAME = r"[A-Z][A-Za-z'\u2019-]+(?:(?:,| and| &| upon| on| of)? [A-Z][A-Za-z'\u2019-]+){0,4}"
_SAFEGUARDING = (rf"(?:Local\s+)?(?:Safeguarding\s+Children{_APOS}?s?|Children{_APOS}?s?\s+"
                 r"Safeguarding)\s+(?:Multi-Agency\s+)?(?:Board|Partnership|Executive|Arrangements)"
                 r"|Safeguarding\s+Partnership")
_AREA_PATTERNS = [
    rf"Inspection\s+of\s+({_NAME})\s+local\s+authority",
    rf"(?:visit|inspection)\s+(?:to|of)\s+({_NAME})\s+(?:local\s+authority\s+)?children{_APOS}s",
    rf"Joint\s+targeted\s+area\s+inspection[^.]*?\s+in\s+({_NAME})",
    rf"(?:London Borough|Royal Borough|City|County|Borough) of ({_NAME})",
    rf"({_NAME})\s+(?:{_SAFEGUARDING})",
    rf"({_NAME})\s+(?:(?:Metropolitan|District|Borough|County|City)\s+)+Council",
]


def _area(text: str) -> str | None:
    for rx in _AREA_PATTERNS:
        for m in re.finditer(rx, text):
            if (area := _norm_area(m.group(1))) and area not in ("Children", "Safeguarding"):
                return area
    return None


_PSEUDONYM = re.compile(  # "Child D", "BABY T", "Children A and B"; not "Child Protection"
    r"\b(?P<kw>(?i:child(?:ren)?|bab(?:y|ies)|family|young person|infant|sibling(?:s| group)?"
    r"|twins))\s+(?P<code>(?!(?:IN|OF|ON|TO|AT|IS|AND|THE|FOR|BY|OR|CP|CIN|LAC|CSE|CCE|SCR|NHS|GP"
    r"|UK)\b)[A-Z]{1,3}\d{0,2}(?:\s*(?i:and|&|,)\s*[A-Z]{1,3}\d{0,2})*)\b")


_QUOTED_NAME = re.compile(r"(?:LCSPR|SCR|[Rr]eview)\s*[:\-\u2013]?\s*[\u2018'\"\u201c]([A-Z][a-z]{1,20})[\u2019'\"\u201d]")


_LABEL_START = re.compile(r"(?:Report |Date )?(?:Published|Publication|Date|Rapid Review meeting)", _I)


def _labelled_date(text: str) -> tuple[str, str] | None:
    """(role, date) of a "Published: ..." / "Date of report: ..." label, not dates of birth."""
    m = re.search(rf"(?P<label>(?:Report |Date )?Published(?: on)?|Publication date"
                  rf"|Date(?! of (?:[\w ]{{0,20}}\s)?(?:birth|death|incident))(?: of [^:\n]{{1,40}}?)?|Rapid Review meeting(?: held)?(?: on)?)\s*[:\-\u2013]?"
                  rf"\s*{_DATE}", text, _I)
    if not m or not (iso := _from_match(m)):
        return None
    return ("published" if re.search("publi", m["label"], _I) else "dated"), iso


def _standalone_dates(text: str) -> list[str]:
    """Dates printed alone on a line (cover page, signature block); no sentence ends."""
    found = (_DATE_RE.fullmatch(line.strip()) for line in text.split("\n"))
    return [iso for m in found if m and (iso := _from_match(m))]


_CONNECTOR = re.compile(r"\b(?:of|and|the|to|in|for|on|from|into|with|a|an)$|[-\u2013:]$", _I)
_GENERIC = re.compile(r"(?:contents|foreword|introduction|summary|official|confidential"
                      r"|official[- ]sensitive|private and confidential)\W*$", _I)


def _title_lines(lines: list[str], start: int) -> str:
    """The title starting at lines[start] plus wrapped continuation lines."""
    title = lines[start]
    for nxt in lines[start + 1: start + 4]:
        if (not nxt or title.endswith(".") or _DATE_RE.fullmatch(nxt) or len(title + nxt) > 150
                or re.match(r"(?:Dear|Published|Date|Publication)\b", nxt)):
            break
        if nxt[0].islower() or _CONNECTOR.search(title):  # a wrapped line
            title += " " + nxt
        elif _PSEUDONYM.fullmatch(nxt) or (len(title) <= 25 and len(nxt) < 100
                                            and not nxt.endswith((".", ","))):
            title += " " + nxt if title.endswith(":") else ": " + nxt  # "Rapid Review: Family X"
        else:
            break
    return title


def _title(lines: list[str], kind: str, headings: Sequence[str], file_name: str,
           area: str | None) -> str:
    # The title block: lines before the first line of prose (letters: below the address).
    n = next((i for i, ln in enumerate(lines) if ln[0].islower() or ln.endswith((".", ";"))),
             len(lines))
    block = lines[:30] if kind.endswith("letter") else lines[:min(n, 15)]
    if kind in _TYPE_PATTERNS:  # the line that names the document type is the title
        for i, line in enumerate(block):
            if re.search(_TYPE_PATTERNS[kind], line, _I) and line[0].isupper():
                return _title_lines(lines, i)
    for h in headings:
        if h.strip() and not _GENERIC.match(h.strip()):
            return _flat(h)
    for i, line in enumerate([] if kind.endswith("letter") else lines[:min(n, 10)]):  # no address
        if len(line) < 100 and not _DATE_RE.fullmatch(line) and not _GENERIC.match(line):
            return _title_lines(lines, i)
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", file_name.replace("\\", "/").rsplit("/", 1)[-1])
    label = re.sub(r"[-_ ]+", " ", stem).strip().capitalize()
    if len(re.findall(r"[A-Za-z]{2,}", label)) < 2:  # "report.pdf" says nothing
        label = _TYPE_LABELS.get(kind, label or "Untitled")
    return f"{area}: {label}" if area and area.lower() not in label.lower() else label


_TYPE_LABELS = {"scr": "Serious case review", "lcspr": "Local child safeguarding practice review",
                "rapid_review": "Rapid review", "ofsted_letter": "Ofsted letter",
                "jtai_letter": "Joint targeted area inspection letter", "other": "Document",
                "scrutiny_report": "Independent scrutiny report", "learning_brief": "Learning brief"}


def _other(pages: list[str], file_name: str, headings: Sequence[str]) -> Metadata:
    first = pages[0] if pages else ""
    lines = [ln for ln in first.split("\n") if ln.strip()]
    stem = re.sub(r"[-_]+", " ", file_name.replace("\\", "/").rsplit("/", 1)[-1])
    head = "\n".join([*lines[:15], *headings[:3], stem])
    body = "\n".join(pages[:2])
    kind = _doc_type(head, body)
    area = _area(re.sub(r"[ \t]+", " ", head + "\n" + body)) or _area_from_file_name(file_name, body)
    dates: dict[str, str] = {}
    flat_body = _flat(body)
    if kind in ("ofsted_letter", "jtai_letter"):  # the date is the first day on site
        start_role, end_role = (("visit", "visit_end") if kind == "ofsted_letter"
                                else ("inspection_start", "inspection_end"))
        rng = re.search(rf"(?:(?:visit|inspection)\b[^.]{{0,160}}?\b(?:on|between|from)"
                        rf"|[Bb]etween|dates?:)\s*(?:the\s+)?{_RANGE_RE.pattern}", flat_body)
        one = re.search(rf"(?:visit|inspection)\b[^.]{{0,160}}?\bon\s+{_DATE}", flat_body)
        start, end = _parse_range(rng) if rng else (_from_match(one) if one else None, None)
        dates.update({k: v for k, v in ((start_role, start), (end_role, end)) if v})
    # Publication: a labelled date, else a date alone on a cover line, else in the sign-off.
    # The title block's own date ("Partnership | April 2023") beats a date the body
    # mentions ("the full review was published on 15 March 2023").
    head_labelled = next((d for ln in lines[:12] if _LABEL_START.match(ln)
                          and (d := _labelled_date(ln))), None)
    labelled = head_labelled or _labelled_date(body)
    heading_date = parse_date("\n".join(lines[:3]))
    if labelled and (head_labelled or not heading_date):
        dates[labelled[0]] = labelled[1]
    elif heading_date:
        dates["published"] = heading_date
    elif top := _standalone_dates("\n".join(lines[:25])):
        dates["published"] = top[0]
    elif pages and (tail := _standalone_dates(pages[-1])):
        dates["published"] = tail[-1]
    date = (dates.get("visit") or dates.get("inspection_start") or dates.get("published")
            or dates.get("dated"))
    title = _flat(_title(lines, kind, headings, file_name, area))
    # A case pseudonym names one case: not looked for in letters and scrutiny reports.
    pseudo = None if kind.endswith(("letter", "report")) else (
        _PSEUDONYM.search(title) or _PSEUDONYM.search("\n".join(lines[:40])))
    name = f"{pseudo['kw'].title()} {_flat(pseudo['code'])}" if pseudo else None
    if name is None and not kind.endswith(("letter", "report")):
        quoted = _QUOTED_NAME.search(title)  # "LCSPR 'Tyler'": a name chosen for the review
        name = quoted.group(1) if quoted else None
    return Metadata(doc_type=kind, title=_short(title), area=area, date=date, dates=dates,
                    pseudonym=name)


def _area_from_file_name(file_name: str, body: str) -> str | None:
    """"harrowfield_learning-brief.pdf" names Harrowfield when the text does too."""
    stem = re.split(r"[_.]", file_name.replace("\\", "/").rsplit("/", 1)[-1])[0]
    name = " ".join(w.capitalize() for w in stem.split("-") if w)
    if len(name) >= 4 and re.search(rf"\b{re.escape(name)}\b", body):
        return name
    return None


def _short(title: str, limit: int = 159) -> str:
    return title if len(title) <= limit else title[:limit].rsplit(" ", 1)[0].rstrip(" ,:;-")


# ---------------------------------------------------------------- entry point

def detect_metadata(page_texts: Sequence[str], file_name: str,
                    headings: Sequence[str] = ()) -> Metadata:
    """Type, title, area, dates, pseudonym and (Ofsted) judgements of one document."""
    pages = [_clean(p) for p in page_texts if p and p.strip()]
    return _ofsted_report(pages) or _other(pages, file_name, headings)
