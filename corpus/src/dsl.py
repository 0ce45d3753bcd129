"""Tiny document model for the fictional sample corpus.

Each ``corpus/src/doc_*.py`` module builds one :class:`Doc` out of the blocks
below.  ``scripts/make_corpus.py`` renders the same objects to PDF, DOCX, HTML
or Markdown *and* writes the gold annotations from them, so the printed text
and the gold text cannot drift apart.

Everything here is plain data: no rendering logic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# ---------------------------------------------------------------- items


@dataclass
class Item:
    """One gold item: a recommendation, finding, learning point, ...

    ``text`` is the item's own text exactly as printed, without its label or
    number; ``subitems`` are nested bullets (questions for the Board, sub-bullets
    of a recommendation) and are appended to ``text`` in the gold, separated by
    single spaces.  ``number`` is the printed number as the gold records it
    ("Recommendation 3", "Finding 2", "5.3", "4") or None for bullets; ``label``
    is what is printed before the text when it differs from ``number``
    ("Recommendation 3:", "4.", "Finding 2:").
    """

    kind: str
    text: str
    themes: list[str]
    number: str | None = None
    label: str | None = None
    to: list[str] = field(default_factory=list)  # addressees
    subitems: list[str] = field(default_factory=list)
    key: str | None = None  # used by the tracker to point at this item

    @property
    def gold_text(self) -> str:
        return " ".join([self.text, *self.subitems])


def Rec(number, text, themes, to=(), subitems=(), key=None, label=None):
    return Item("recommendation", text, list(themes), number, label, list(to), list(subitems), key)


def Finding(number, text, themes, subitems=(), key=None, label=None):
    return Item("finding", text, list(themes), number, label, [], list(subitems), key)


def Learning(text, themes, number=None, key=None, label=None):
    return Item("learning_point", text, list(themes), number, label, [], [], key)


def PriorityAction(text, themes, to=(), number=None, key=None, subitems=()):
    return Item("priority_action", text, list(themes), number, None, list(to), list(subitems), key)


def AFI(text, themes, to=(), number=None, key=None, subitems=()):
    return Item("area_for_improvement", text, list(themes), number, None, list(to), list(subitems), key)


def Good(text, themes, to=(), key=None):
    return Item("good_practice", text, list(themes), None, None, list(to), [], key)


def Action(number, text, themes, to=(), key=None, label=None):
    return Item("action", text, list(themes), number, label, list(to), [], key)


# ---------------------------------------------------------------- blocks


@dataclass
class TitlePage:
    """A PDF cover page: list of (text, size, style) lines, then a page break."""

    lines: list[tuple[str, float, str]]
    foot: list[str] = field(default_factory=list)


@dataclass
class Contents:
    """A table of contents page (PDF): (entry, page) pairs as printed."""

    entries: list[tuple[str, str]]
    title: str = "Contents"


@dataclass
class H1:
    text: str


@dataclass
class H2:
    text: str


@dataclass
class Label:
    """A bold run-in label line that is *not* a heading (e.g. "Issues for the Board")."""

    text: str


@dataclass
class P:
    """A paragraph; ``parts`` may mix plain strings and inline :class:`Item` s
    (recommendations written in running text).  ``num`` is a printed paragraph
    number ("2.3") shown in a hanging column."""

    parts: str | list
    num: str | None = None
    align: str = "J"
    style: str = ""  # "", "B", "I"
    size: float | None = None

    @property
    def text(self) -> str:
        if isinstance(self.parts, str):
            return self.parts
        return "".join(p if isinstance(p, str) else p.text for p in self.parts)

    @property
    def items(self) -> list[Item]:
        if isinstance(self.parts, str):
            return []
        return [p for p in self.parts if isinstance(p, Item)]


@dataclass
class Bullets:
    """A bulleted list that carries no items: entries are strings or
    (string, [sub-bullets])."""

    entries: list
    numbered: bool = False


@dataclass
class Items:
    """A list of items.

    style:
      "label"    - bold run-in label then the text: "Recommendation 1: The LSCB ..."
      "numbered" - hanging label column: "1.  The ESCP should ..."
      "para"     - like "numbered" but the label is a report paragraph number ("5.2")
      "bullet"   - bullet glyph, no number
      "docx_auto"- DOCX only: Word automatic numbering ("List Number" style)
    """

    items: list[Item]
    style: str = "numbered"


@dataclass
class Box:
    """A shaded, bordered box with a bold label line, holding one item."""

    label: str
    item: Item


@dataclass
class FindingBlock:
    """SCIE-style finding: "Finding N" title line, the statement (the item text,
    shaded), narrative paragraphs, then a label and question bullets (the item's
    subitems)."""

    item: Item
    body: list
    issues_label: str = "Issues for the Board"
    category: str | None = None


@dataclass
class FindingTitle:
    """LCSPR-style finding: a bold "Finding N: statement" block; narrative follows
    as ordinary paragraphs."""

    item: Item


@dataclass
class Table:
    """A ruled table.  Cells are strings or an :class:`Item` (the cell text is the
    item text).  ``item_label_col`` prints the item's label in that column."""

    header: list[str]
    rows: list[list]
    widths: list[float] | None = None
    title: str | None = None


@dataclass
class Columns:
    """Two-column region (PDF); other formats render the blocks in order."""

    blocks: list
    ncols: int = 2


@dataclass
class PageBreak:
    pass


@dataclass
class Spacer:
    h: float = 4.0


# ---------------------------------------------------------------- document


@dataclass
class Doc:
    file: str
    doc_type: str
    area: str
    date: str  # ISO
    title: str
    pseudonym: str | None
    blocks: list
    short_title: str = ""  # running header (PDF)
    header_right: str = ""
    font: str = "dejavu"  # "times" (core), "dejavu", "dejavu_serif", "dejavu_condensed"
    bullet: str = "\u2022"
    sub_bullet: str = "\u2013"
    body_size: float = 11.0
    line_h: float = 5.6
    title_page: bool = False  # no running header/footer on page 1
    first_page_header: bool = True  # letters: no running header on page 1
    footer_left: str = ""
    notes: str = ""
    author: str = ""
    judgements: dict = field(default_factory=dict)
