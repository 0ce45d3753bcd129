"""Plain frozen dataclasses passed between the stages.

Provenance by construction: every :class:`Block` carries its page and its
character offsets into :attr:`Document.text` (``doc.text[b.start:b.end] ==
b.text``); every :class:`Item` carries its page, heading and the offsets of the
span of blocks it was built from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DOC_TYPES = (
    "scr",
    "lcspr",
    "rapid_review",
    "ofsted_inspection",
    "focused_visit",
    "monitoring_visit",
    "ofsted_letter",  # an Ofsted letter of no more specific kind
    "jtai_letter",
    "joint_review",
    "area_send",
    "national_review",
    "case_review_summary",
    "scrutiny_report",
    "learning_brief",
    "sar",
    "dhr",
    "annual_report",
    "other",
)

# Names for people (tables, the report); machine outputs keep the ids.
DOC_TYPE_LABELS = {
    "scr": "Serious Case Review",
    "lcspr": "Local Child Safeguarding Practice Review",
    "rapid_review": "Rapid Review",
    "ofsted_inspection": "Ofsted inspection report",
    "focused_visit": "Ofsted focused visit letter",
    "monitoring_visit": "Ofsted monitoring visit letter",
    "ofsted_letter": "Ofsted letter",
    "jtai_letter": "Joint targeted area inspection",
    "joint_review": "Joint inspection or review",
    "area_send": "Area SEND inspection",
    "national_review": "National review",
    "case_review_summary": "Case review summary",
    "scrutiny_report": "Scrutiny report",
    "learning_brief": "Learning brief",
    "sar": "Safeguarding Adults Review",
    "dhr": "Domestic Homicide Review",
    "annual_report": "Annual report",
    "other": "Other document",
}

ITEM_KINDS = (
    "recommendation",
    "finding",
    "learning_point",
    "area_for_improvement",
    "priority_action",
    "next_step",
    "good_practice",  # strengths: never an action, never counted as learning to act on
    "action",
)

KIND_LABELS = {
    "recommendation": "Recommendation",
    "finding": "Finding",
    "learning_point": "Learning point",
    "area_for_improvement": "Area for improvement",
    "priority_action": "Priority action",
    "next_step": "Next step",
    "good_practice": "Strength",
    "action": "Action",
}

# The one owner of "which kinds ask for a change" (tracker gaps, coverage, recurrence).
ACTIONABLE_KINDS = frozenset(
    {"recommendation", "area_for_improvement", "priority_action", "next_step", "action"}
)

BLOCK_KINDS = ("heading", "paragraph", "list_item", "table_cell")


@dataclass(frozen=True)
class Line:
    """One line of text on a page, with the layout facts that decide structure."""

    page: int  # 1-based
    text: str
    x0: float  # left edge, points from the left of the page
    top: float  # distance from the top of the page, points
    size: float  # font size of the line's first character
    bold: bool
    x1: float = 0.0  # right edge
    bottom: float = 0.0
    # Structured formats (DOCX, HTML, Markdown) know their structure: "h1".."h6",
    # "li" (with depth in `depth`), "p", "cell"; PDFs leave it None.
    hint: str | None = None
    depth: int = 0
    table: int | None = None
    row: int | None = None
    col: int | None = None


@dataclass(frozen=True)
class Block:
    """A heading, paragraph, list item or table cell in reading order."""

    index: int  # position in the document, 0-based
    page: int  # 1-based page where the block starts
    kind: str  # one of BLOCK_KINDS
    text: str  # normalised text (bullet glyph and number removed)
    level: int = 0  # heading level (1 = largest) or list nesting depth (0 = top)
    number: str | None = None  # printed number ("2.7", "27", "3)") if any
    bullet: bool = False  # True when the block began with a bullet glyph
    start: int = 0  # offsets into Document.text
    end: int = 0
    size: float = 0.0  # font size of the first line
    bold: bool = False
    x0: float = 0.0
    row: int | None = None  # table cells: table-relative row and column
    col: int | None = None
    table: int | None = None  # table number within the document
    # a Word table cell of several paragraphs: their texts (the block's text joins them)
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """A parsed document: text, structure and metadata."""

    id: str  # sha256 of the file's bytes (hex)
    file: str  # path as given when ingested
    file_name: str
    doc_type: str  # one of DOC_TYPES
    title: str
    area: str | None
    date: str | None  # ISO date: inspection start, or publication for reviews
    pages: int
    text: str  # blocks' text joined by "\n\n"
    blocks: tuple[Block, ...]
    page_texts: tuple[str, ...] = ()  # cleaned text of each page
    dates: dict[str, str] = field(default_factory=dict)  # other dates stated, by role
    pseudonym: str | None = None  # "Child A"
    judgements: dict[str, str] = field(default_factory=dict)
    framework: str | None = None  # Ofsted framework when known (ILACS, SIF, ...)
    topic: str | None = None  # a JTAI's deep-dive topic or a focused visit's focus, as printed


@dataclass(frozen=True)
class Item:
    """A recommendation, finding, learning point, area for improvement..."""

    doc_id: str
    kind: str  # one of ITEM_KINDS
    text: str
    page: int
    heading: str | None
    number: str | None = None  # as printed: "Recommendation 3", "27", "4.1"
    subheading: str | None = None
    paragraph: str | None = None  # numbered paragraph the item sits in, if any
    section: str = "main"  # "local_authority" / "lscb" for combined Ofsted reports
    addressees: tuple[str, ...] = ()
    confidence: float = 1.0
    subitems: tuple[str, ...] = ()
    start: int = 0  # offsets into Document.text of the item's span
    end: int = 0
    ordinal: int = 0  # position among the document's items
    id: str = ""  # stable id, set by the extractor: "<doc_id[:12]>:<ordinal>"


@dataclass(frozen=True)
class ThemeScore:
    """One theme assigned to an item, with a reason a person can check."""

    theme: str
    score: float
    reason: str


@dataclass(frozen=True)
class IngestResult:
    """What happened to one file in a batch."""

    file: str
    status: str  # "ingested", "unchanged", "replaced", "failed"
    doc_id: str | None = None
    message: str = ""
    pages: int = 0
    items: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class TrackerAction:
    """One row of a tracker: an action taken in answer to a recommendation.

    Read by tracker/importer.py, stored and returned by the store."""

    action_id: str  # the tracker's own id, else "<sheet>:<row>"
    source_file: str  # file name of the tracker
    sheet: str  # worksheet title (CSV: the file's stem)
    row: int  # 1-based row as the spreadsheet shows it
    review: str | None = None  # which review / inspection (column or banner row)
    recommendation: str | None = None
    action: str | None = None
    owner: str | None = None
    due_date: str | None = None  # ISO date
    status: str | None = None  # as written
    status_norm: str = "unknown"  # one of STATUSES
    evidence: str | None = None
    rec_number: str | None = None  # "Rec 3", "Para 27" when the tracker has such a column
    due_text: str | None = None  # the due cell as written
    own_id: bool = False  # True when action_id came from the tracker's id column
    raw: dict[str, str] = field(default_factory=dict)  # header -> cell text

    @property
    def key(self) -> str:
        """Unique within one tracker file: sheet and row."""
        return f"{self.sheet}:{self.row}"

    @property
    def text(self) -> str:
        """Recommendation and action text together (what matching reads)."""
        return " ".join(t for t in (self.recommendation, self.action) if t)
