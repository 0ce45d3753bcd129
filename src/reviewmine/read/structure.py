"""Turn a :class:`RawDocument`'s lines into blocks in reading order.

PDF pages lose their running headers, footers, page numbers and footnotes;
lines are read in column order; lines join into headings, paragraphs and list
items by layout (font, indentation, bullets, numbering, vertical gaps), also
across page breaks.  Structured formats (DOCX, HTML, Markdown) carry hints and
need no layout guesses.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..types import Block, Line
from .readers import RawDocument, RawPage

# Bullet glyphs seen in real reports: Wingdings private-use glyphs, squares,
# dots, dashes, guillemets, and the combining long stroke some Word exports produce.
BULLETS = "•◼▪■●○◦▫□➢➤►▶✓✔·»›\uf06e\uf0a7\uf0b7\uf02d\uf0d8\uf0fc\uf076\u2212\u0336\u2013\u2014-*o"
_BULLET_RE = re.compile(rf"^([{re.escape(BULLETS)}])\s*(?=\S)")
# Symbols that are never a bullet although Unicode calls them "other symbol".
_NOT_GLYPH = set("©®™°§¶")
_NUMBER_RE = re.compile(
    r"^(?:(\d{1,3}(?:\.\d{1,3}){1,3})\.?|(\d{1,3})[.)]|\(?([a-z]|[ivx]{1,4})\))\s+(?=\S)"
)
_LONE_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,3})[.)]?$")
# "16.Children ...": a paragraph number printed without its space (a capital follows).
_TIGHT_NUMBER_RE = re.compile(r"^(\d{1,3})\.(?=[A-Z‘“'\"(])")
_PAGE_NO = re.compile(
    r"^(?:page\s+)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|/)\s*\d{1,4})?$|^[ivxlc]{1,6}$", re.I
)
_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_CLEAN_TABLE = str.maketrans({**_LIGATURES, "\u00ad": "-", "\ufffe": "-"})
_SPECIAL = re.compile("[\ufb00-\ufb06\u00ad\ufffe]")
# runs of spaces, or one odd space (a single plain space needs no work)
_SPACE_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f]{2,}|[\t\u00a0\u2000-\u200a\u202f]")
_TERMINAL = (".", "?", "!", ":", ";", ".”", ".'", ".’", ")")

# A numbered label on a line of its own ("Learning point 1"): a heading of its own; followed
# by its punctuation at a line start ("Recommendation 3:", "Finding 2.") it opens a paragraph.
_LABEL_WORDS = r"^(recommendation|finding|learning point|lesson|action)\s+\d{1,3}[a-z]?"
_LABEL_LINE = re.compile(_LABEL_WORDS + r"\b", re.I)
_LABEL_START = re.compile(_LABEL_WORDS + r"\s*[:.\-–—]", re.I)

_DIGITS = re.compile(r"\d+")
_FOOTNOTE_START = re.compile(r"^(\d{1,2}|[*†])\s*\S")
_FOOTNOTE_MARK = re.compile(r"\d{1,2}|[*†]")

MARGIN = 0.085  # share of page height treated as header / footer zone


@lru_cache(maxsize=65536)  # each PDF line is cleaned for its page text and for its block
def clean_text(text: str) -> str:
    """Normalise ligatures, odd spaces and pdfium's hyphen marker; idempotent."""
    if text.isascii() and "  " not in text and "\t" not in text:
        return text.strip()  # nothing to normalise (most lines): skip the scans
    # pdfium marks a line-end hyphen; these documents use real compound hyphens.
    if _SPECIAL.search(text):
        text = text.translate(_CLEAN_TABLE)
    text = _SPACE_RE.sub(" ", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.strip()


def join_lines(parts: Sequence[str]) -> str:
    """Join wrapped lines: a hyphen after a letter joins without a space."""
    out = ""
    for p in parts:
        if not out:
            out = p
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha():
            out += p
        else:
            out += " " + p
    return out


@dataclass
class _Open:
    """A block being assembled."""

    kind: str
    page: int
    lines: list[str]
    level: int = 0
    number: str | None = None
    bullet: bool = False
    size: float = 0.0
    bold: bool = False
    x0: float = 0.0  # where the text (after bullet/number) starts
    last_top: float = 0.0
    last_size: float = 0.0
    last_page: int = 0
    table: int | None = None
    row: int | None = None
    col: int | None = None
    mark_x: float = 0.0  # list items: where the bullet or number sits
    wrap_x: float | None = None  # where its last wrapped line started
    own_pitch: float | None = None  # the distance between its own last two lines


def build_blocks(raw: RawDocument) -> tuple[list[Block], list[str], str]:
    """Return (blocks, cleaned page texts, document text) for a raw document.

    ``doc_text[b.start:b.end] == b.text`` for every block.
    """
    if raw.kind == "pdf":
        pages = [_order_page(p) for p in _strip_furniture(raw.pages)]
        body = _body_size(pages)
        opened = _layout_blocks(_attach_glyphs(pages, body), body, _line_pitch(pages))
    else:
        pages = list(raw.pages)
        opened = _hinted_blocks(pages)
    page_texts = [_page_text(p) for p in pages]
    blocks: list[Block] = []
    pos = 0
    for ob in opened:
        text = clean_text(join_lines([clean_text(t) for t in ob.lines]))
        if not text:
            continue
        if blocks:
            pos += 2  # the "\n\n" separator
        blocks.append(
            Block(
                index=len(blocks),
                page=ob.page,
                kind=ob.kind,
                text=text,
                level=ob.level,
                number=ob.number,
                bullet=ob.bullet,
                start=pos,
                end=pos + len(text),
                size=ob.size,
                bold=ob.bold,
                x0=round(ob.x0, 1),
                table=ob.table,
                row=ob.row,
                col=ob.col,
                parts=(
                    tuple(clean_text(t) for t in ob.lines)
                    if ob.kind == "table_cell" and len(ob.lines) > 1
                    else ()
                ),
            )
        )
        pos += len(text)
    doc_text = "\n\n".join(b.text for b in blocks)
    return blocks, page_texts, doc_text


def _page_text(p: RawPage) -> str:
    """Cleaned text of a page; a table row's cells share one line."""
    out: list[str] = []
    prev: tuple[int | None, int | None] | None = None
    for ln in p.lines:
        key = (ln.table, ln.row) if ln.hint == "cell" else None
        text = clean_text(ln.text)
        if key is not None and key == prev and out:
            out[-1] += " " + text
        else:
            out.append(text)
        prev = key
    return "\n".join(out)


# ------------------------------------------------------------------ page furniture


def _furniture_key(text: str) -> str:
    return _DIGITS.sub("#", text.lower()).strip()


# A protective marking printed in a page's margin ("OFFICIAL - SENSITIVE", alone or before
# the running title): furniture even where the running title beside it changes
_MARKING = re.compile(r"^(?:OFFICIAL(?:\s*[-\u2013:]\s*SENSITIVE)?|NOT PROTECTIVELY MARKED)\b")


def _strip_furniture(pages: Sequence[RawPage]) -> list[RawPage]:
    """Drop running headers/footers (repeated in the margins), page numbers, footnotes."""
    counts: Counter[str] = Counter()
    for p in pages:
        seen = {_furniture_key(ln.text) for ln in p.lines if _in_margin(ln, p)}
        counts.update(seen)
    repeat = max(2, int(0.3 * len(pages)))
    body = _body_size(pages)
    out: list[RawPage] = []
    for p in pages:
        kept = [
            ln
            for ln in p.lines
            if not (
                _in_margin(ln, p)
                and (
                    counts[_furniture_key(ln.text)] >= repeat
                    or _PAGE_NO.match(ln.text.strip())
                    or _MARKING.match(ln.text.strip())
                )
            )
        ]
        kept = _drop_footnotes(kept, p, body)
        out.append(RawPage(p.number, p.width, p.height, tuple(kept)))
    return out


def _in_margin(ln: Line, p: RawPage) -> bool:
    return ln.top < p.height * MARGIN or ln.top > p.height * (1 - MARGIN - 0.04)


def _drop_footnotes(lines: list[Line], p: RawPage, body: float) -> list[Line]:
    """Small-print lines at the page foot that start with a marker number."""
    if not lines or body <= 0:
        return lines
    by_top = sorted(lines, key=lambda ln: ln.top)
    for i, ln in enumerate(by_top):
        if ln.top < p.height * 0.6 or ln.hint:
            continue
        rest = by_top[i:]
        if (
            _FOOTNOTE_START.match(ln.text)
            and ln.size <= body - 1.5
            and all(r.size <= body - 1.5 for r in rest)
        ):
            drop = set(map(id, rest))
            return [x for x in lines if id(x) not in drop]
    return lines


def _body_size(pages: Sequence[RawPage]) -> float:
    sizes: Counter[float] = Counter()
    for p in pages:
        for ln in p.lines:
            sizes[round(ln.size)] += len(ln.text)
    return float(sizes.most_common(1)[0][0]) if sizes else 0.0


def _order_page(p: RawPage) -> RawPage:
    """A page's lines in reading order: by columns where it is set in columns, else with
    boxes drawn out of order put where they sit."""
    ordered = _order_columns(p)
    return ordered if ordered is not p else _order_floats(p)


def _order_columns(p: RawPage) -> RawPage:
    """Read columns of text column by column (pdfium gives content-stream order, which may
    interleave them line by line).

    A gutter is a left edge that three or more lines start at and that splits the page's lines
    into those wholly left of it and those wholly right of it; lines crossing it (a full-width
    title, a table) part the page into bands.  A band with five or more lines on each side,
    side by side, and lines that fill their column (text, not a list of labels and values) is
    read left column first.  Each side is searched again for a further gutter (three columns).
    A page with no such band keeps its order.
    """
    if p.width <= 0 or len(p.lines) < 6:
        return p
    ordered = _column_order(list(p.lines))
    if ordered is None:
        return p
    return RawPage(p.number, p.width, p.height, tuple(ordered))


def _column_order(lines: list[Line], depth: int = 0) -> list[Line] | None:
    """*lines* in column order, or None when no band of them is set in columns."""
    text = [ln for ln in lines if not ln.hint]
    leftmost = min((ln.x0 for ln in text), default=0.0)
    best: list[tuple[list[Line], bool]] = []
    best_covered, gutter = 0, 0.0
    for edge in sorted({round(ln.x0) for ln in text}):
        # a left edge that three lines share, not the page's margin
        if edge - leftmost < 40 or sum(abs(ln.x0 - edge) < 3 for ln in text) < 3:
            continue
        bands = _bands(lines, edge)
        covered = sum(len(band) for band, columned in bands if columned)
        if covered > best_covered:
            best, best_covered, gutter = bands, covered, edge
    if not best_covered:
        return None
    out: list[Line] = []
    for band, columned in best:
        if not columned:
            out += band
            continue
        left = [ln for ln in band if ln.x1 <= gutter + 3]
        right = [ln for ln in band if ln.x1 > gutter + 3]
        for side in (left, right):
            deeper = _column_order(side, depth + 1) if depth < 2 else None
            out += side if deeper is None else deeper
    return out


def _bands(lines: list[Line], edge: float) -> list[tuple[list[Line], bool]]:
    """The lines cut into bands, in top order, at the lines that cross *edge* (and table
    cells), each with whether it is set in two columns there."""
    bands: list[list[Line]] = []
    cur: list[Line] = []
    for ln in sorted(lines, key=lambda ln: ln.top):
        if ln.hint or (ln.x0 < edge - 3 and ln.x1 > edge + 3):
            bands += [cur, [ln]] if cur else [[ln]]
            cur = []
        else:
            cur.append(ln)
    if cur:
        bands.append(cur)
    out = []
    for band in bands:
        left = [ln for ln in band if ln.x1 <= edge + 3]
        right = [ln for ln in band if ln.x1 > edge + 3]
        # five lines a side, four or more of them beside each other: not a letterhead's halves
        side_by_side = (
            len(left) >= 5
            and len(right) >= 5
            and min(max(ln.top for ln in left), max(ln.top for ln in right))
            - max(min(ln.top for ln in left), min(ln.top for ln in right))
            > 40
        )
        out.append((band, side_by_side and _fills(left) and _fills(right)))
    return out


def _fills(side: list[Line]) -> bool:
    """Most lines are running text that fills its column: not short labels, and not a
    column of bullet glyphs or paragraph numbers beside the text."""
    x0, x1 = min(ln.x0 for ln in side), max(ln.x1 for ln in side)
    width = sorted(ln.x1 - ln.x0 for ln in side)[len(side) // 2]
    words = sorted(len(ln.text.split()) for ln in side)[len(side) // 2]
    return width >= 0.7 * (x1 - x0) and words >= 3


# --------------------------------------------------------------------- PDF blocks


def split_marker(text: str) -> tuple[str, str | None, bool]:
    """Split a leading bullet glyph or list number off a line: (rest, number, bullet)."""
    if is_glyph(text[:1]) and len(text) > 1 and (text[1].isspace() or not text[1].isalnum()):
        return (
            text[1:].lstrip(),
            None,
            True,
        )  # an unlisted bullet glyph (private use, control, symbol)
    m = _BULLET_RE.match(text)
    if m:
        glyph = m.group(1)
        rest = text[m.end() :]
        # "-" / "o" / "*" are bullets only when followed by a space
        if glyph in "-*o" and not text[1:2].isspace():
            return text, None, False
        return rest, None, True
    m = _NUMBER_RE.match(text)
    if m:
        number = m.group(1) or m.group(2) or m.group(3)
        return text[m.end() :], number, False
    m = _TIGHT_NUMBER_RE.match(text)
    if m:
        return text[m.end() :], m.group(1), False
    return text, None, False


def is_glyph(ch: str) -> bool:
    """A character that can only be a bullet: listed, private use, control or a symbol."""
    if not ch or ch in _NOT_GLYPH:
        return False
    if ch in BULLETS and ch not in "-*o":
        return True
    return unicodedata.category(ch) in ("Co", "Cc", "So")


def _line_pitch(pages: Sequence[RawPage]) -> dict[int, float]:
    """The usual distance between wrapped lines, by font size.

    A paragraph gap is then anything clearly wider, whatever the document's leading;
    a fixed multiple of the font size misses the small gaps of some templates.
    """
    gaps: dict[int, Counter[float]] = {}
    for p in pages:
        for a, b in zip(p.lines, p.lines[1:]):
            size = round(a.size)
            gap = b.top - a.top
            if a.hint or b.hint or round(b.size) != size or not size * 0.9 < gap < size * 2.2:
                continue
            gaps.setdefault(size, Counter())[round(gap * 2) / 2] += 1
    return {size: c.most_common(1)[0][0] for size, c in gaps.items() if sum(c.values()) >= 8}


def _order_floats(p: RawPage) -> RawPage:
    """Put a box drawn out of order (a case study placed later in the content stream) where
    it sits on the page.

    The page's lines split into runs that go down the page; a run that starts above where
    the previous one ended, and fits wholly between two lines already placed, moves there.
    Runs beside other text (side panels, columns) keep content-stream order.
    """
    lines = list(p.lines)
    if len(lines) < 4 or any(ln.hint for ln in lines):
        return p
    runs: list[list[Line]] = [[lines[0]]]
    for ln in lines[1:]:
        if ln.top < runs[-1][-1].top - max(ln.size, 6) * 1.5:
            runs.append([ln])
        else:
            runs[-1].append(ln)
    if len(runs) < 2:
        return p
    placed = runs[0]
    for run in runs[1:]:
        top, bottom = run[0].top, max(ln.top for ln in run)
        overlaps = [ln for ln in placed if top - 1 <= ln.top <= bottom + 1]
        left, right = min(ln.x0 for ln in run), max(ln.x1 for ln in run)
        if overlaps and all(ln.x1 < left or ln.x0 > right for ln in overlaps):
            # a column beside lines already placed (a letterhead's two halves): after them
            last = max(placed.index(ln) for ln in overlaps)
            if all(ln.top >= top - 1 for ln in placed[last + 1 :]):
                placed = placed[: last + 1] + run + placed[last + 1 :]
                continue
        at = next((i for i, ln in enumerate(placed) if ln.top > bottom), None)
        if overlaps or at is None or (at > 0 and placed[at - 1].top > top):
            placed = placed + run
        else:
            placed = placed[:at] + run + placed[at:]
    return RawPage(p.number, p.width, p.height, tuple(placed))


def _attach_glyphs(pages: Sequence[RawPage], body: float = 0.0) -> list[RawPage]:
    """A bullet glyph that the PDF stores as a line of its own joins the text beside it."""
    out: list[RawPage] = []
    for p in pages:
        lines = list(p.lines)
        merged: list[Line] = []
        i = 0
        while i < len(lines):
            ln = lines[i]
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            t = ln.text.strip()
            beside = (
                nxt
                if (
                    nxt is not None
                    and not nxt.hint
                    and nxt.x0 > ln.x1
                    and abs(nxt.top - ln.top) < max(ln.size, 6) * 0.5
                )
                else None
            )
            if beside is not None and len(t) == 1 and is_glyph(t):
                merged.append(replace(beside, text=f"{t} {beside.text.strip()}", x0=ln.x0))
                i += 2
                continue
            num = _LONE_NUMBER.match(t)
            if beside is not None and num and not ln.hint and min(ln.size, beside.size) >= body - 1:
                # a paragraph number in a column of its own ("8." then the text on its baseline)
                marker = num.group(1) + ("" if "." in num.group(1) else ".")
                merged.append(replace(beside, text=f"{marker} {beside.text.strip()}", x0=ln.x0))
                i += 2
                continue
            merged.append(ln)
            i += 1
        out.append(RawPage(p.number, p.width, p.height, tuple(merged)))
    return out


def _layout_blocks(
    pages: Sequence[RawPage], body: float, pitch: dict[int, float] | None = None
) -> list[_Open]:
    pitch = pitch or {}
    heading_sizes = sorted(
        {round(ln.size) for p in pages for ln in p.lines if round(ln.size) > body + 1}, reverse=True
    )
    blocks: list[_Open] = []
    cur: _Open | None = None
    first_bullet_x: float | None = None  # x of the first top-level bullet of a list
    anchor_x: float | None = None  # x of the current numbered item
    numbered_x: list[float] = []  # x of the numbers of the open numbered lists, outermost first
    numbered_at: tuple[int, float] | None = None  # page and top of the last number
    for p in pages:
        for ln in p.lines:
            text = ln.text.strip()
            if ln.size < body - 1.5 and _FOOTNOTE_MARK.fullmatch(text):
                continue  # a detached footnote marker
            if ln.hint == "cell":
                cur = _Open(
                    "table_cell",
                    p.number,
                    [text],
                    size=ln.size,
                    bold=ln.bold,
                    x0=ln.x0,
                    table=ln.table,
                    row=ln.row,
                    col=ln.col,
                )
                blocks.append(cur)
                cur = None
                continue
            rest, number, bullet = split_marker(text)
            if not (number or bullet) and text.startswith(("> ", "? ")):
                # a list glyph the PDF's font could not draw, printed as ">" or "?" (in web
                # text "> " marks a link or a quotation, so only here)
                rest, bullet = text[2:].lstrip(), True
            size = round(ln.size)
            # a bold lead sentence wrapped onto its next line ("... children in need," /
            # "including police notifications ..."): the line goes on, it is no heading
            goes_on = (
                cur is not None
                and cur.kind in ("paragraph", "list_item")
                and text[:1].islower()
                and cur.page == p.number
                and not cur.lines[-1].rstrip().endswith(_TERMINAL)
                and 0 < ln.top - cur.last_top < max(cur.last_size, 8) * 1.9
            )
            is_heading = (
                not bullet
                and not goes_on
                and len(text) < 160
                and (ln.bold or size > body + 1)
                and size >= body - 0.5
                and not text.endswith(",")
            )
            if is_heading:
                level = (
                    heading_sizes.index(size) + 1
                    if size in heading_sizes
                    else len(heading_sizes) + 1
                )
                if (
                    cur is not None
                    and cur.kind == "heading"
                    and cur.page == p.number
                    and cur.level == level
                    and ln.top - cur.last_top < cur.last_size * 2.0
                    and not number
                    and not _LABEL_LINE.match(text)  # "Learning point 1" under its section's title
                ):
                    cur.lines.append(text)  # a heading wrapped onto two lines
                    cur.last_top = ln.top
                    continue
                first_bullet_x = anchor_x = None
                numbered_x = []
                cur = _Open(
                    "heading",
                    p.number,
                    [text],
                    level=level,
                    number=number,
                    size=ln.size,
                    bold=ln.bold,
                    x0=ln.x0,
                    last_top=ln.top,
                    last_size=ln.size,
                    last_page=p.number,
                )
                blocks.append(cur)
                continue
            if (
                number
                and not bullet
                and cur is not None
                and cur.kind == "list_item"
                and cur.number
                and cur.page == p.number
                and ln.x0 > cur.mark_x + 10
                and 0 < ln.top - cur.last_top < max(cur.last_size, 8) * 1.9
                and not cur.lines[-1].rstrip().endswith(_TERMINAL)
            ):
                number = (
                    None  # "... in 2014–" / "15. The proportion": a wrapped line, not paragraph 15
                )
            if bullet or number:
                if bullet:
                    if anchor_x is not None and ln.x0 > anchor_x + 6:
                        depth = 1  # bullets under a numbered item are its sub-items
                    elif first_bullet_x is None:
                        first_bullet_x, depth = ln.x0, 0
                    else:
                        depth = 1 if ln.x0 > first_bullet_x + 6 else 0
                    if text[:1] in "\u0336\u2212" and cur is not None and cur.kind == "list_item":
                        depth = max(depth, 1)  # stroke/minus glyphs under an item are sub-bullets
                else:
                    # "(i)" set further in than the "(b)" above it is that entry's sub-entry; a
                    # number at the top of a new column or page goes on the list at its level
                    if numbered_at is None or numbered_at[0] != p.number or ln.top < numbered_at[1]:
                        numbered_x = []
                    numbered_at = (p.number, ln.top)
                    while numbered_x and ln.x0 < numbered_x[-1] - 6:
                        numbered_x.pop()
                    if not numbered_x or (ln.x0 > numbered_x[-1] + 6 and len(numbered_x) < 3):
                        numbered_x.append(ln.x0)
                    depth = len(numbered_x) - 1
                    anchor_x, first_bullet_x = ln.x0, None
                text_x = ln.x0 + 12 if bullet else ln.x0 + 18
                cur = _Open(
                    "list_item",
                    p.number,
                    [rest],
                    level=depth,
                    number=number,
                    bullet=bullet,
                    size=ln.size,
                    bold=ln.bold,
                    x0=text_x,
                    mark_x=ln.x0,
                    last_top=ln.top,
                    last_size=ln.size,
                    last_page=p.number,
                )
                blocks.append(cur)
                continue
            if (
                cur is not None
                and cur.kind == "heading"
                and text[:1].islower()
                and cur.page == p.number
                and not cur.lines[-1].rstrip().endswith(_TERMINAL)
                and round(ln.size) == round(cur.last_size)
                and cur.x0 - 3 <= ln.x0 <= cur.x0 + 60
                and 0 < ln.top - cur.last_top < max(cur.last_size, 8) * 1.9
            ):
                # a bold first line whose sentence goes on in plain text ("2 The Department
                # for Education ..." / "should set out ..."): a paragraph, not a heading
                if cur.number:
                    cur.kind, cur.level, cur.mark_x, cur.x0 = "list_item", 0, cur.x0, ln.x0
                    cur.lines[0] = split_marker(cur.lines[0])[0]
                else:
                    cur.kind, cur.level = "paragraph", 0
                cur.lines.append(text)
                cur.last_top = ln.top
                continue
            if (
                cur is not None
                and cur.kind != "heading"
                and cur.table is None
                and not _LABEL_START.match(text)
                and _continues(cur, ln, p.number, pitch)
            ):
                if cur.last_page in (0, p.number) and ln.top > cur.last_top:
                    cur.own_pitch = ln.top - cur.last_top
                cur.lines.append(text)
                cur.last_top = ln.top
                cur.last_page = p.number  # the block keeps the page where it starts
                cur.wrap_x = ln.x0
                continue
            cur = _Open(
                "paragraph",
                p.number,
                [text],
                size=ln.size,
                bold=ln.bold,
                x0=ln.x0,
                last_top=ln.top,
                last_size=ln.size,
                last_page=p.number,
            )
            blocks.append(cur)
            first_bullet_x = anchor_x = None
            numbered_x = []
    return blocks


def _continues(cur: _Open, ln: Line, page: int, pitch: dict[int, float] | None = None) -> bool:
    """Does *ln* carry on the open block (a wrapped line, maybe over a page break)?"""
    if page != (cur.last_page or cur.page) or ln.top < cur.last_top - 1:
        # first line of a new page or column: continue only an unfinished sentence, or a list
        # item whose text goes on at its hanging indent (clear of the bullet)
        if (
            cur.kind == "list_item"
            and cur.mark_x
            and page == (cur.last_page or cur.page) + 1
            and cur.mark_x + 3 < ln.x0 < cur.x0 + 30
            and round(ln.size) == round(cur.last_size)
        ):
            return True
        return not cur.lines[-1].rstrip().endswith(_TERMINAL) and ln.x0 >= cur.x0 - 30
    gap = ln.top - cur.last_top
    # pdfium sometimes merges two visual lines at a hyphen: allow one more line of gap
    allowed = 1.9 + (1.3 if "\u00ad" in cur.lines[-1] or "\ufffe" in cur.lines[-1] else 0)
    if gap > max(cur.last_size, 8) * allowed:
        return False
    if (
        cur.kind == "list_item"
        and cur.mark_x + 3 < ln.x0 < cur.x0 + 30
        and ln.text.lstrip()[:1].islower()
        and not cur.lines[-1].rstrip().endswith(_TERMINAL)
    ):
        return True  # an unfinished entry going on at its hanging indent, however wide the leading
    usual = (pitch or {}).get(round(cur.last_size))
    if usual and allowed < 2 and gap > usual * 1.35 and round(ln.size) == round(cur.last_size):
        return False  # wider than the document's line pitch: a new paragraph
    if (
        cur.kind == "paragraph"  # (a list entry may hold two paragraphs)
        and cur.own_pitch
        and gap > cur.own_pitch * 1.2
        and gap - cur.own_pitch > 2.5
        and cur.lines[-1].rstrip().endswith(_TERMINAL)
    ):
        return False  # wider than the paragraph's own leading, after a finished sentence
    if cur.kind == "list_item":
        if (
            cur.wrap_x is not None
            and ln.x0 < cur.wrap_x - 10
            and cur.lines[-1].rstrip().endswith(_TERMINAL)
        ):
            return False  # the entry wrapped at its hanging indent; a finished one ends there
        # a numbered paragraph's lines may wrap back to its number ("4.1 We make ... / months")
        return ln.x0 >= cur.x0 - 16 or (bool(cur.number) and abs(ln.x0 - cur.mark_x) < 3)
    return ln.x0 >= cur.x0 - 20 or abs(ln.x0 - cur.x0) < 3


# ------------------------------------------------------------ structured formats


def _hinted_blocks(pages: Sequence[RawPage]) -> list[_Open]:
    blocks: list[_Open] = []
    counters: dict[int, int] = {}
    prev_hint: str | None = None
    for p in pages:
        for ln in p.lines:
            text = ln.text.strip()
            hint = ln.hint or "p"
            if hint.startswith("h") and hint[1:].isdigit():
                rest, number, _ = split_marker(text)
                blocks.append(
                    _Open(
                        "heading", p.number, [text], level=int(hint[1:]), bold=True, number=number
                    )
                )
            elif hint in ("li", "oli"):
                rest, number, bullet = split_marker(text)
                if hint == "oli" and number is None:
                    if prev_hint != "oli":
                        counters = {}
                    counters[ln.depth] = counters.get(ln.depth, 0) + 1
                    for d in [d for d in counters if d > ln.depth]:
                        del counters[d]
                    number = str(counters[ln.depth])
                blocks.append(
                    _Open(
                        "list_item",
                        p.number,
                        [rest if (number or bullet) else text],
                        level=ln.depth,
                        number=number,
                        bullet=hint == "li",
                    )
                )
            elif hint == "cell":
                last = blocks[-1] if blocks else None
                if (
                    prev_hint == "cell"
                    and last is not None
                    and (last.table, last.row, last.col) == (ln.table, ln.row, ln.col)
                ):
                    last.lines.append(text)  # the cell's next paragraph
                    prev_hint = hint
                    continue
                blocks.append(
                    _Open(
                        "table_cell",
                        p.number,
                        [text],
                        table=ln.table,
                        row=ln.row,
                        col=ln.col,
                        bold=ln.bold,
                    )
                )
            else:
                rest, number, bullet = split_marker(text)
                if bullet:
                    blocks.append(_Open("list_item", p.number, [rest], bullet=True))
                elif number and "." in number:
                    # numbered paragraph "2.7 ..." keeps its number as a paragraph number
                    blocks.append(_Open("paragraph", p.number, [rest], number=number, bold=ln.bold))
                elif number and number.isalpha():
                    # "a) agrees with ...", "(ii) ...": lettering typed into a Word paragraph
                    blocks.append(_Open("list_item", p.number, [rest], number=number))
                else:
                    blocks.append(_Open("paragraph", p.number, [text], bold=ln.bold))
            prev_hint = hint
    return blocks
