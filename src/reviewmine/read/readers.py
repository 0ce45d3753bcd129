"""Read files into lines with layout facts (PDF) or structure hints (DOCX, HTML, text).

PDF text and layout come from pypdfium2 (about 60x faster than pdfplumber here, which
is why pdfplumber is not a dependency), ruled tables from the page's own rules (see
:func:`_grid_cells`).  Every reader returns a
:class:`RawDocument`; :mod:`reviewmine.read.structure` turns it into blocks.
"""

from __future__ import annotations

import itertools
import re
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from operator import itemgetter
from pathlib import Path
from typing import Any, ClassVar

from ..errors import EmptyDocument, EncryptedDocument, InputError, NoTextLayer, UnsupportedFile
from ..types import Line

PDF_EXT = {".pdf"}
DOCX_EXT = {".docx"}
HTML_EXT = {".html", ".htm"}
TEXT_EXT = {".txt", ".md", ".markdown"}
SUPPORTED = PDF_EXT | DOCX_EXT | HTML_EXT | TEXT_EXT

# A DOCX's uncompressed XML above this is treated as a zip bomb.
MAX_DOCX_XML = 200 * 1024 * 1024


@dataclass(frozen=True)
class RawPage:
    number: int  # 1-based
    width: float
    height: float
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class RawDocument:
    kind: str  # "pdf", "docx", "html", "text"
    pages: tuple[RawPage, ...]
    title_hint: str | None = None  # e.g. the HTML <title>


def read_file(path: Path) -> RawDocument:
    """Read any supported file; raise an :class:`InputError` subclass naming the reason."""
    ext = path.suffix.lower()
    if ext not in SUPPORTED:
        raise UnsupportedFile(
            f"unsupported file type '{ext or '(none)'}'",
            path=path,
            hint="reviewmine reads PDF, DOCX, HTML, TXT and MD",
        )
    data = path.read_bytes()
    if not data.strip():
        raise EmptyDocument("the file is empty", path=path)
    if ext in PDF_EXT:
        return read_pdf(path, data)
    if ext in DOCX_EXT:
        return read_docx(path, data)
    text = decode_text(data)
    if _looks_binary(text):
        raise InputError(
            "the file holds binary data, not text",
            path=path,
            hint="is it a PDF or Word file with the wrong extension?",
        )
    if ext in HTML_EXT:
        return read_html(path, text)
    return read_text(path, text)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252, which never fails."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM: Notepad's "Unicode"
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with a few bad bytes (a damaged or concatenated file): decoding all
    # of it as cp1252 would garble every accent and curly quote.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if sum(1 for ch in text if ch > "\x7f") - bad > bad:
        return text
    return data.decode("cp1252", errors="replace")


def _looks_binary(text: str) -> bool:
    """Control characters other than tab, newlines and form feed are rare in real text."""
    sample = text[:65536]
    bad = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f")
    return bad > max(8, len(sample) // 100)


# --------------------------------------------------------------------------- PDF

_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.I)


def read_pdf(path: Path, data: bytes) -> RawDocument:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise InputError(
            "not a PDF file (no %PDF header)", path=path, hint="check the file's real type"
        )
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        # PDFium's last-error code is per process and not reset by a failed load, so a
        # "password" error left by an earlier file must not decide the reason alone.
        if "password" in msg.lower() and b"/Encrypt" in data:
            raise EncryptedDocument(
                "the PDF is password-protected",
                path=path,
                hint="save an unprotected copy and ingest that",
            ) from exc
        detail = "" if "password" in msg.lower() or "Success" in msg else f" ({msg})"
        raise InputError(f"the PDF is damaged and cannot be read{detail}", path=path) from exc
    try:
        pages: list[RawPage] = []
        n_chars = 0
        table_no = 0
        for i in range(len(pdf)):
            try:
                page = pdf[i]
            except pdfium.PdfiumError as exc:  # e.g. a page tree that loops or is too deep
                raise InputError(
                    f"the PDF is damaged: page {i + 1} cannot be read ({exc})", path=path
                ) from exc
            width, height = page.get_size()
            tp = page.get_textpage()
            lines = _pdf_lines(tp, i + 1, height)
            n_chars += sum(len(ln.text) for ln in lines)
            paths = _path_bounds(page, pdfium_c) if lines else []
            lines = _drawn_bullets(lines, paths, height)
            cells = _grid_cells(page, tp, paths, i + 1, height, table_no, lines) if lines else []
            for number in sorted({cl.table or 0 for cl in cells}):
                # each table of the page in its own place (a case-details table at the top,
                # a table of learning and actions further down)
                lines = _place_cells(lines, [cl for cl in cells if cl.table == number])
                table_no += 1
            pages.append(RawPage(i + 1, width, height, tuple(lines)))
            tp.close()
            page.close()
    finally:
        pdf.close()
    if not pages:
        raise EmptyDocument("the PDF has no pages", path=path)
    if n_chars < 20 * len(pages) and n_chars < 200:
        raise NoTextLayer(
            "the PDF has no text layer (scanned images?)",
            path=path,
            hint="run OCR on it first, e.g. ocrmypdf",
        )
    return RawDocument("pdf", tuple(pages))


def _pdf_lines(tp: object, page_no: int, height: float) -> list[Line]:
    text: str = tp.get_text_range()  # type: ignore[attr-defined]
    n = tp.count_chars()  # type: ignore[attr-defined]
    chars = _PageChars(tp)
    out: list[Line] = []
    pos = 0
    for raw in text.split("\r\n"):
        start, pos = pos, pos + len(raw) + 2
        stripped = raw.strip()
        if not stripped:
            continue
        i0 = start + (len(raw) - len(raw.lstrip()))
        i1 = start + len(raw.rstrip()) - 1
        if i1 >= n:  # text and char counts disagree (rare): skip layout for safety
            i0 = i1 = min(i0, n - 1)
        # The font's box (ascent to descent, from the glyph's origin) rather than the ink's:
        # a line starting with a capital and one starting with "a" then share a baseline-true
        # top and left edge, so line pitch is steady enough to tell a paragraph gap from a
        # line gap.
        left, bottom1, top0, right = chars.line_box(i0, i1)
        # the size of the line's first letter, not of a larger number opening it ("2 The ...")
        letter = next((k for k, ch in enumerate(stripped) if ch.isalpha()), 0)
        size = chars.font_size(min(i0 + letter, i1))
        pieces = chars.split_at_gaps(start, len(raw), size, height)
        if pieces:
            # text runs far apart on one baseline (columns, table without rules)
            bold = chars.is_bold(i0)
            out.extend(
                Line(
                    page=page_no,
                    text=t.replace("\ufffe", "\u00ad"),
                    x0=x0,
                    top=top,
                    size=round(size, 1),
                    bold=bold,
                    x1=x1,
                    bottom=bottom,
                )
                for t, x0, top, x1, bottom in pieces
            )
            continue
        out.append(
            Line(
                page=page_no,
                text=stripped.replace("\ufffe", "\u00ad"),
                x0=float(left),
                top=float(height - top0),
                size=round(size, 1),
                bold=chars.is_bold(i0) and chars.is_bold(i1),
                x1=float(right),
                bottom=float(height - bottom1),
            )
        )
    return out


class _PageChars:
    """The layout facts of one text page's characters, through PDFium's raw calls.

    pypdfium2's helpers allocate ctypes buffers on every call; a page has thousands of
    lines and several calls per line, so the buffers are made once per page here.
    """

    def __init__(self, tp: Any) -> None:
        import ctypes

        import pypdfium2.raw as c

        self.tp, self.raw, self.c = tp, tp.raw, c
        self.box = [ctypes.c_double() for _ in range(4)]
        self.refs = [ctypes.byref(v) for v in self.box]
        self.loose = c.FS_RECTF()
        self.loose_ref = ctypes.byref(self.loose)

    def line_box(self, i0: int, i1: int) -> tuple[float, float, float, float]:
        """Left, bottom and top of the first character's font box, right of the last's glyph."""
        c = self.c
        # GetCharBox fills left, right, bottom, top
        if not (
            c.FPDFText_GetLooseCharBox(self.raw, i0, self.loose_ref)
            and c.FPDFText_GetCharBox(self.raw, i1, *self.refs)
        ):
            import pypdfium2 as pdfium

            raise pdfium.PdfiumError("Failed to get charbox.")
        loose = self.loose
        return loose.left, loose.bottom, loose.top, self.box[1].value

    def font_size(self, i: int) -> float:
        return float(self.c.FPDFText_GetFontSize(self.raw, i))

    def is_bold(self, i: int) -> bool:
        c = self.c
        w = c.FPDFText_GetFontWeight(self.raw, i)
        if w > 0:
            return bool(w >= 600)
        import ctypes

        buf = ctypes.create_string_buffer(128)
        flags = ctypes.c_int(0)
        c.FPDFText_GetFontInfo(self.raw, i, buf, 128, ctypes.byref(flags))
        return bool(_BOLD_NAME.search(buf.value.decode("latin-1", "replace")))

    def split_at_gaps(
        self, start: int, length: int, size: float, height: float
    ) -> list[tuple[str, float, float, float, float]]:
        """Pieces of a line separated by a horizontal gap wider than ~2.5 ems, else []."""
        c, raw = self.c, self.raw
        n = c.FPDFText_CountRects(raw, start, length)
        if n < 2:
            return []
        get_rect, refs, (v_left, v_top, v_right, v_bottom) = c.FPDFText_GetRect, self.refs, self.box
        spans = []
        for i in range(n):  # most lines have several rectangles (one per font run)
            get_rect(raw, i, *refs)
            spans.append((v_left.value, v_right.value, i))
        spans.sort(key=itemgetter(0))
        gap = max(2.5 * size, 18.0)
        reach = spans[0][1]
        for left, right, _i in spans:  # most lines have no gap: find one before grouping
            if left - reach > gap:
                break
            reach = max(reach, right)
        else:
            return []
        groups: list[list[float]] = []
        for left, right, i in spans:
            get_rect(raw, i, *refs)
            bottom, top = v_bottom.value, v_top.value
            if groups and left - groups[-1][2] <= gap:
                g = groups[-1]
                g[1], g[2], g[3] = min(g[1], bottom), max(g[2], right), max(g[3], top)
            else:
                groups.append([left, bottom, right, top])
        out = []
        for left, bottom, right, top in groups:
            text = self.tp.get_text_bounded(left - 0.5, bottom - 0.5, right + 0.5, top + 0.5)
            text = " ".join(text.split())
            if text:
                out.append((text, left, height - top, right, height - bottom))
        return out


def _grid_cells(
    page: object,
    tp: object,
    paths: list[tuple[float, float, float, float]],
    page_no: int,
    height: float,
    table_no: int,
    lines: list[Line] | None = None,
) -> list[Line]:
    """Cells of ruled tables, from the page's thin path pieces and cell rectangles.

    No table library: pdfplumber's table finder cost ~0.5 s a page here, while the rules
    themselves are in the page's path objects and pdfium reads the text inside each cell.
    """
    hs: list[tuple[float, float, float]] = []  # (y, x_left, x_right), y from the top
    vs: list[tuple[float, float, float]] = []  # (x, y_top, y_bottom)
    rects: list[tuple[float, float, float, float]] = []
    page_width = float(page.get_width())  # type: ignore[attr-defined]
    for left, bottom, right, top in paths:
        w, h = right - left, top - bottom
        if w <= 3 and h >= 8:
            vs.append(((left + right) / 2, height - top, height - bottom))
        elif h <= 3 and w >= 20:
            hs.append((height - (top + bottom) / 2, left, right))
        elif w >= 20 and h >= 8 and w < page_width * 0.95:  # a page-wide band is a background
            rects.append((left, bottom, right, top))
    rects = _without_highlight_bands(rects)
    for r in rects:
        # a shaded text box inside a cell's own rectangle is not a column of its own
        if any(
            o is not r
            and o[0] <= r[0] + 1
            and o[1] <= r[1] + 1
            and o[2] >= r[2] - 1
            and o[3] >= r[3] - 1
            and (o[2] - o[0]) * (o[3] - o[1]) > (r[2] - r[0]) * (r[3] - r[1]) + 1
            for o in rects
        ):
            continue
        left, bottom, right, top = r  # a cell drawn as a rectangle: its four edges
        hs += [(height - top, left, right), (height - bottom, left, right)]
        vs += [(left, height - top, height - bottom), (right, height - top, height - bottom)]
    ys = _cluster(y for y, _, _ in hs)
    xs = _cluster(x for x, _, _ in vs)
    if len(ys) < 3 or len(xs) < 3:
        return []
    cells: list[Line] = []
    runs: dict[int, int] = {}  # row -> the table it belongs to (rows no rule crosses part tables)
    run = 0
    for row_no, (y0, y1) in enumerate(itertools.pairwise(ys)):
        # only the columns whose rules actually cross this row
        row_xs = [
            x
            for x in xs
            if any(abs(vx - x) < 3 and vt <= y0 + 2 and vb >= y1 - 2 for vx, vt, vb in vs)
        ]
        if len(row_xs) < 2:
            run += 1  # a gap between two tables on the page
            continue
        runs[row_no] = run
        for col, (x0, x1) in enumerate(itertools.pairwise(row_xs)):
            above = next(
                (
                    cl
                    for cl in reversed(cells)
                    if abs(cl.bottom - y0) < 1 and cl.x0 == x0 and cl.x1 == x1
                ),
                None,
            )
            ruled = any(abs(y - y0) < 3 and xl <= x0 + 3 and xr >= x1 - 3 for y, xl, xr in hs)
            top = above.top - 1 if above is not None and not ruled else y0
            text = tp.get_text_bounded(x0 + 0.5, height - y1 + 0.5, x1 - 0.5, height - top - 0.5)  # type: ignore[attr-defined]
            parts = [t.strip() for t in text.replace("\ufffe", "\u00ad").split("\r\n") if t.strip()]
            if above is not None and not ruled:
                # no rule between this cell and the one above in its column: one cell over
                # two rows (a taller text cell beside a short number cell)
                cells[cells.index(above)] = replace(above, text=_join_lines(parts), bottom=y1)
                continue
            if parts:
                cells.append(
                    Line(
                        page=page_no,
                        text=_join_lines(parts),
                        x0=x0,
                        top=y0 + 1,
                        size=0.0,
                        bold=False,
                        x1=x1,
                        bottom=y1,
                        hint="cell",
                        table=table_no,
                        row=row_no,
                        col=col,
                    )
                )
    if cells and lines is not None and _banners(lines, cells, _covered(lines, cells)):
        return []  # the page's rules as a whole are banners, whatever their gaps
    tables: list[Line] = []
    for k in sorted({runs[cl.row or 0] for cl in cells}):
        group = _without_panels([cl for cl in cells if runs[cl.row or 0] == k])
        if len({ln.col for ln in group}) < 2 or len({ln.row for ln in group}) < 2:
            continue  # a one-column frame is a box, not a table
        # a later table of the page counts its rows from its own first row
        first = min(cl.row or 0 for cl in group) if tables else 0
        number = table_no + len({cl.table for cl in tables})
        tables += [replace(cl, table=number, row=(cl.row or 0) - first) for cl in group]
    return tables


_GLYPH_START = re.compile(r"^[•◼▪●◦○·■➢►–\-*\u2022\uf0b7\u0083]")


def _drawn_bullets(
    lines: list[Line], paths: list[tuple[float, float, float, float]], height: float
) -> list[Line]:
    """A bullet drawn as a small filled shape rather than a glyph: the line it sits beside
    gets a glyph, so it reads as a list item like any other."""
    marks = [
        (left, height - top, right, height - bottom)
        for left, bottom, right, top in paths
        if 2 <= right - left <= 7
        and 2 <= top - bottom <= 7
        and abs((right - left) - (top - bottom)) <= 1.5
    ]
    if not marks:
        return lines
    out = []
    for ln in lines:
        mark = next(
            (
                m
                for m in marks
                if 0 <= ln.x0 - m[2] <= 20 and ln.top <= (m[1] + m[3]) / 2 <= ln.bottom
            ),
            None,
        )
        if mark is not None and not _GLYPH_START.match(ln.text):
            ln = replace(ln, text=f"• {ln.text}", x0=mark[0])
        out.append(ln)
    return out


def _without_panels(cells: list[Line]) -> list[Line]:
    """Boxes stacked above or below a table of columns are not its rows: two or more one-cell
    rows at its top or bottom (a shaded list of what must improve under a judgements table)
    stay text.  A full-width row inside the table (a section header) is kept."""
    per_row: dict[int, int] = {}
    for cl in cells:
        per_row[cl.row or 0] = per_row.get(cl.row or 0, 0) + 1
    rows = sorted(per_row)
    wide = [r for r in rows if per_row[r] >= 2]
    if not wide:
        return cells
    lone = {r for r in rows if r < wide[0] or r > wide[-1]}
    above = sum(1 for r in lone if r < wide[0])
    below = len(lone) - above
    drop = {r for r in lone if (r < wide[0] and above >= 2) or (r > wide[-1] and below >= 2)}
    return [cl for cl in cells if (cl.row or 0) not in drop]


def _without_highlight_bands(
    rects: list[tuple[float, float, float, float]],
) -> list[tuple[float, float, float, float]]:
    """Drop highlighted text: one-line-high rectangles stacked edge to edge behind a paragraph.

    Each band ends where its line of text ends, so a stack of three or more has a ragged
    right edge; the rows of a ruled one-column table share theirs.  (rects: left, bottom,
    right, top in PDF points.)
    """
    low = [i for i, r in enumerate(rects) if r[3] - r[1] < 20]
    parent = {i: i for i in low}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a in low:
        for b in low:
            ra, rb = rects[a], rects[b]
            # b sits directly below a (touching edges) and they overlap horizontally
            if a != b and abs(ra[1] - rb[3]) < 2 and ra[0] < rb[2] and rb[0] < ra[2]:
                parent[find(a)] = find(b)
    groups: dict[int, list[int]] = {}
    for i in low:
        groups.setdefault(find(i), []).append(i)
    drop: set[int] = set()
    for members in groups.values():
        rights = [rects[i][2] for i in members]
        # cells side by side on one line are a table's header rows, not highlighted lines
        side_by_side = any(
            a != b and abs(rects[a][1] - rects[b][1]) < 2 and rects[a][2] <= rects[b][0] + 1
            for a in members
            for b in members
        )
        if len(members) >= 3 and max(rights) - min(rights) > 10 and not side_by_side:
            drop.update(members)
    return [r for i, r in enumerate(rects) if i not in drop]


def _path_bounds(page: object, c: Any) -> list[tuple[float, float, float, float]]:
    """Bounds of the page's path objects, also inside form XObjects (two levels).

    PDFium's raw calls, bound to local names: a page can hold thousands of objects
    (often one per word), and pypdfium2's object wrappers or a call per lookup cost more
    than the rest of the table search.
    """
    import ctypes

    box = [ctypes.c_float() for _ in range(4)]
    refs = [ctypes.byref(v) for v in box]
    path_type, form_type = c.FPDF_PAGEOBJ_PATH, c.FPDF_PAGEOBJ_FORM
    get_type, get_bounds = c.FPDFPageObj_GetType, c.FPDFPageObj_GetBounds
    get_object, get_inner = c.FPDFPage_GetObject, c.FPDFFormObj_GetObject
    out: list[tuple[float, float, float, float]] = []
    raw = page.raw  # type: ignore[attr-defined]
    for k in range(c.FPDFPage_CountObjects(raw)):
        obj = get_object(raw, k)
        kind = get_type(obj)
        if kind == path_type and get_bounds(obj, *refs):
            out.append((box[0].value, box[1].value, box[2].value, box[3].value))
        elif kind == form_type:  # the second level: paths drawn inside a form, in place
            for j in range(c.FPDFFormObj_CountObjects(obj)):
                inner = get_inner(obj, j)
                if get_type(inner) == path_type and get_bounds(inner, *refs):
                    out.append((box[0].value, box[1].value, box[2].value, box[3].value))
    return out


def _cluster(values: Iterable[float], tol: float = 2.5) -> list[float]:
    """Rule positions within *tol* of each other (chained) as one, at their middle."""
    groups: list[list[float]] = []
    for v in sorted(values):
        if not groups or v - groups[-1][-1] > tol:
            groups.append([v])
        else:
            groups[-1].append(v)
    return [(g[0] + g[-1]) / 2 for g in groups]


def _place_cells(lines: list[Line], cells: list[Line]) -> list[Line]:
    """Replace the lines that start inside a table cell by the cells, in reading order."""
    covered = _covered(lines, cells)
    if _banners(lines, cells, covered):
        return lines
    boxes = _box_grid(lines, cells, covered)
    if boxes is not None:
        return boxes
    sizes: dict[tuple[int | None, int | None], float] = {}
    for ln in lines:
        cl = covered.get(id(ln))
        if cl is not None:
            sizes.setdefault((cl.row, cl.col), ln.size)
    placed = [
        Line(
            page=cl.page,
            text=cl.text,
            x0=cl.x0,
            top=cl.top,
            size=sizes.get((cl.row, cl.col), 0.0),
            bold=False,
            x1=cl.x1,
            bottom=cl.bottom,
            hint="cell",
            table=cl.table,
            row=cl.row,
            col=cl.col,
        )
        for cl in cells
    ]
    keep = [ln for ln in lines if id(ln) not in covered]
    table_top = min(cl.top for cl in cells)
    before = [ln for ln in keep if ln.top < table_top]
    after = [ln for ln in keep if ln.top >= table_top]
    return before + placed + after


def _covered(lines: list[Line], cells: list[Line]) -> dict[int, Line]:
    """The cell each line starts in (by the line's id), for the lines inside one."""
    out: dict[int, Line] = {}
    for ln in lines:
        y = ln.top + max(ln.size, 4) / 2
        cell = next(
            (
                cl
                for cl in cells
                if cl.x0 - 1 <= ln.x0 + 1 <= cl.x1 and cl.top - 1 <= y <= cl.bottom
            ),
            None,
        )
        if cell is not None:
            out[id(ln)] = cell
    return out


def _banners(lines: list[Line], cells: list[Line], covered: dict[int, Line]) -> bool:
    """More text between the rules than inside them: banners over the page's sections (a
    briefing's coloured heading bars, highlight bands), not a table; its lines stay lines."""
    top, bottom = min(cl.top for cl in cells), max(cl.bottom for cl in cells)
    loose = [ln for ln in lines if id(ln) not in covered and top <= ln.top <= bottom]
    return len(loose) > len(covered)


def _box_grid(lines: list[Line], cells: list[Line], covered: dict[int, Line]) -> list[Line] | None:
    """A grid of text boxes (a 7-minute briefing's panels), not a table of data: every box
    opens with a short heading line, bold or larger than its text, over at least two lines of
    text.  Its lines are kept as they are (heading, paragraphs, bullets), box after box in
    reading order; None when the cells are a table."""
    inside: dict[int, list[Line]] = {}
    for ln in lines:
        cl = covered.get(id(ln))
        if cl is not None:
            inside.setdefault(id(cl), []).append(ln)
    if len(cells) < 3 or len(inside) != len(cells):
        return None
    for body in inside.values():
        body.sort(key=lambda ln: (ln.top, ln.x0))
        head, rest = body[0], body[1:]
        if (
            len(rest) < 2
            or len(head.text.split()) > 8
            or not (head.bold or head.size > max(ln.size for ln in rest) + 0.5)
        ):
            return None
    order = sorted(cells, key=lambda cl: (cl.row or 0, cl.col or 0))
    placed = [ln for cl in order for ln in inside[id(cl)]]
    keep = [ln for ln in lines if id(ln) not in covered]
    table_top = min(cl.top for cl in cells)
    return (
        [ln for ln in keep if ln.top < table_top]
        + placed
        + [ln for ln in keep if ln.top >= table_top]
    )


def _join_lines(parts: list[str]) -> str:
    out = ""
    for p in parts:
        if not out:
            out = p
        elif out.endswith("\u00ad"):
            out = out[:-1] + p
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha():
            out += p
        else:
            out += " " + p
    return out


# -------------------------------------------------------------------------- DOCX


def read_docx(path: Path, data: bytes) -> RawDocument:
    import io

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        total = sum(info.file_size for info in zf.infolist())
    except zipfile.BadZipFile as exc:
        raise InputError("not a valid DOCX (it is not a zip archive)", path=path) from exc
    if total > MAX_DOCX_XML:
        raise InputError(
            f"DOCX expands to {total // 2**20} MB: refused as a possible zip bomb", path=path
        )
    # Deflate never makes data much bigger, so a member stored larger than it claims to
    # be lies about its size, the usual way past the check above; zipfile would inflate
    # all of it before noticing.
    if any(i.compress_size > i.file_size + i.file_size // 50 + 1024 for i in zf.infolist()):
        raise InputError(
            "the DOCX's zip headers understate its size: refused as a possible zip bomb", path=path
        )
    if "word/document.xml" not in zf.namelist():
        raise InputError("not a valid DOCX (no word/document.xml)", path=path)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for broken XML
        raise InputError(
            f"the DOCX is damaged ({type(exc).__name__}: {str(exc)[:100]})", path=path
        ) from exc
    lines: list[Line] = []
    table_no = 0
    # Pages: where Word last laid the document out (w:lastRenderedPageBreak) if it did,
    # else the explicit page breaks; a paragraph is cited on the page where it starts.
    body = document.element.body
    rendered = next(body.iter("{*}lastRenderedPageBreak"), None) is not None
    page = 1

    def breaks(el: Any) -> tuple[int, int]:
        """Page breaks before and after the element's first text."""
        before = after = 0
        if el.find("./{*}pPr/{*}pageBreakBefore") is not None and not rendered:
            before += 1
        seen_text = False
        for node in el.iter():
            if not isinstance(node.tag, str):
                continue  # a comment or processing instruction
            name = node.tag.rsplit("}", 1)[-1]
            if name == "t" and (node.text or "").strip():
                seen_text = True
            hit = (
                name == "lastRenderedPageBreak"
                if rendered
                else name == "br" and node.get(node.tag.replace("}br", "}type")) == "page"
            )
            if hit:
                if seen_text:
                    after += 1
                else:
                    before += 1
        if not rendered and el.find("./{*}pPr/{*}sectPr") is not None:
            after += 1  # a section break ends the page
        return before, after

    def add(text: str, hint: str, depth: int = 0, bold: bool = False, **kw: int) -> None:
        text = " ".join(text.split())
        if text:
            lines.append(
                Line(
                    page=page,
                    text=text,
                    x0=0.0,
                    top=float(len(lines)),
                    size=11.0,
                    bold=bold,
                    hint=hint,
                    depth=depth,
                    **kw,
                )
            )

    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        before, after = breaks(child) if tag in ("p", "tbl") else (0, 0)
        page += before
        if tag == "p":
            para = Paragraph(child, document)
            style = (para.style.name if para.style is not None else "") or ""
            is_list = child.find(".//{*}numPr") is not None or style.lower().startswith("list")
            bold = bool(para.runs) and all(r.bold for r in para.runs if r.text.strip())
            if style.lower().startswith("heading") or style.lower() == "title":
                level = int(re.sub(r"\D", "", style) or 1)
                add(para.text, f"h{min(level, 6)}", bold=True)
            elif is_list:
                ilvl = child.find(".//{*}ilvl")
                depth = int(ilvl.get(ilvl.tag.replace("ilvl", "val"), 0)) if ilvl is not None else 0
                numbered = "Number" in style or (
                    child.find(".//{*}numId") is not None and "Bullet" not in style
                )
                add(para.text, "oli" if numbered else "li", depth=depth)
            else:
                add(para.text, "p", bold=bold)
        elif tag == "tbl":
            table = Table(child, document)
            boxes = _docx_boxes(table)
            if boxes is not None:
                # a layout table: panels (a briefing's boxes, a shaded "Practice point"), each
                # a heading over its own paragraphs and bullets, read panel by panel
                for head, body in boxes:
                    add(head, "h4", bold=True)
                    for text, hint in body:
                        add(text, hint)
                page += after
                continue
            for r, row in enumerate(table.rows):
                seen: set[Any] = set()  # the cells' elements, kept alive: ids would be reused
                for col, cell in enumerate(row.cells):
                    if cell._tc in seen:  # merged cells repeat
                        continue
                    seen.add(cell._tc)
                    # a line per paragraph: a form's answer may hold several entries
                    for para in cell.paragraphs:
                        add(para.text, "cell", table=table_no, row=r, col=col)
            table_no += 1
        page += after
    if not lines:
        raise EmptyDocument("the DOCX contains no text", path=path)
    pages = [
        RawPage(n, 0.0, 0.0, tuple(ln for ln in lines if ln.page == n))
        for n in range(1, lines[-1].page + 1)
    ]
    return RawDocument("docx", tuple(pages))


def _docx_boxes(table: Any) -> list[tuple[str, list[tuple[str, str]]]] | None:
    """The panels of a Word table used for layout, or None for a table of data: every cell
    with text opens with a short heading (a heading style, or bold throughout) over at least
    one more paragraph."""
    panels: list[tuple[str, list[tuple[str, str]]]] = []
    seen: set[Any] = set()  # the cells' elements, kept alive: ids would be reused
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:  # merged cells repeat
                continue
            seen.add(cell._tc)
            paras = [p for p in cell.paragraphs if p.text.strip()]
            if not paras:
                continue
            first = paras[0]
            style = ((first.style.name if first.style is not None else "") or "").lower()
            bold = bool(first.runs) and all(r.bold for r in first.runs if r.text.strip())
            if (
                len(paras) < 2
                or len(first.text.split()) > 10
                or not (bold or style.startswith("heading"))
            ):
                return None
            body = []
            for p in paras[1:]:
                pstyle = ((p.style.name if p.style is not None else "") or "").lower()
                listed = p._p.find(".//{*}numPr") is not None or pstyle.startswith("list")
                body.append((p.text, "li" if listed else "p"))
            panels.append((first.text, body))
    return panels or None


# -------------------------------------------------------------------------- HTML


class _HTMLLines(HTMLParser):
    """Collects block-level text with its tag; scripts, styles, navigation and footers are dropped."""

    BLOCKS: ClassVar[set[str]] = {
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "li",
        "td",
        "th",
        "div",
        "dt",
        "dd",
        "blockquote",
        "title",
        "caption",
        "pre",
        "summary",
    }
    # A page's navigation and footer (menus, copyright, "Accessibility | Contact us") are the
    # site's, not the document's.
    SKIP: ClassVar[set[str]] = {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "nav",
        "footer",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[tuple[str, str, int, tuple[int, int, int] | None]] = []
        self.stack: list[str] = []
        self.buf: list[str] = []
        self.skip = 0
        self.list_depth = -1
        self.ordered: list[bool] = []
        self.table = -1
        self.row = -1
        self.col = -1
        self.title: str | None = None
        self.in_title = False
        self.buf_bold: list[bool] = []  # per piece of text: inside <strong>/<b>
        self.bold = 0

    def _flush(self) -> None:
        text = " ".join("".join(self.buf).split())
        plain = "".join(t for t, b in zip(self.buf, self.buf_bold) if not b).strip()
        self.buf, self.buf_bold = [], []
        if not text:
            return
        tag = next((t for t in reversed(self.stack) if t in self.BLOCKS), "p")
        if (
            tag in ("p", "div")
            and not plain
            and len(text.split()) <= 12
            and not text.endswith((".", ":", ";", ",", "?", "!"))
        ):
            tag = "h4"  # <p><strong>Messages for designated safeguarding leads</strong></p>
        if tag == "li" and self.ordered and self.ordered[-1]:
            tag = "oli"  # the number of an ordered-list item is implicit in HTML
        cell = (self.table, self.row, self.col) if tag in ("td", "th") else None
        self.out.append((text, tag, max(self.list_depth, 0), cell))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in self.SKIP:
            self.skip += 1
            return
        if tag in self.BLOCKS or tag in ("br", "ul", "ol", "tr", "table"):
            self._flush()
        if tag in ("ul", "ol"):
            self.list_depth += 1
            self.ordered.append(tag == "ol")
        elif tag == "table":
            self.table += 1
            self.row = -1
        elif tag == "tr":
            self.row += 1
            self.col = -1
        elif tag in ("td", "th"):
            self.col += 1
        if tag in ("strong", "b"):
            self.bold += 1
        if tag not in ("br",):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag in self.BLOCKS or tag in ("ul", "ol", "tr", "table"):
            self._flush()
        if tag in ("ul", "ol"):
            self.list_depth -= 1
            if self.ordered:
                self.ordered.pop()
        if tag in ("strong", "b"):
            self.bold = max(0, self.bold - 1)
        if tag in self.stack:
            while self.stack:
                top = self.stack.pop()
                if top == tag:
                    break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title = (self.title or "") + data
            return
        if not self.skip:
            self.buf.append(data)
            self.buf_bold.append(self.bold > 0 or not data.strip())


def read_html(path: Path, text: str) -> RawDocument:
    parser = _HTMLLines()
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:  # html.parser is lenient; anything here is truly broken
        raise InputError(f"the HTML could not be parsed ({exc})", path=path) from exc
    parser._flush()
    lines: list[Line] = []
    for text_, tag, depth, cell in parser.out:
        if (tag.startswith("h") and tag[1:].isdigit()) or tag in ("li", "oli"):
            hint = tag
        elif tag == "summary":
            hint = "h3"  # the title of an expandable section (<details>)
        elif tag in ("td", "th"):
            hint = "cell"
        else:
            hint = "p"
        kw = {}
        if cell is not None:
            kw = {"table": cell[0], "row": cell[1], "col": cell[2]}
        lines.append(
            Line(
                page=1,
                text=text_,
                x0=0.0,
                top=float(len(lines)),
                size=11.0,
                bold=hint.startswith("h"),
                hint=hint,
                depth=depth,
                **kw,
            )
        )
    if not lines:
        raise EmptyDocument("the HTML contains no text", path=path)
    return RawDocument("html", (RawPage(1, 0.0, 0.0, tuple(lines)),), title_hint=parser.title)


# ------------------------------------------------------------------- TXT and MD

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_BULLET = re.compile(r"^(\s*)([-*+•◼▪●◦○·■➢►–]|\d+[.)])\s+(.*)$")
_LONE_GLYPH = re.compile(r"^\s*[-*+•◼▪●◦○·■➢►–]\s*$")  # a bullet whose text is on the next line
_NUMBERED_PARA = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})+)\s+(\S.*)$")
_UNWRAPPED = 200  # characters: a line longer than this was not wrapped
_TXT_NUMBER = re.compile(r"^\s*\(?\d{1,2}[.)]\s+[A-Z“‘\"]")
# a setext heading's underline ("=====" or "-----" under the heading's text)
_UNDERLINE = re.compile(r"\s{0,3}(=+|-+)\s*")
# a rule drawn with one character repeated ("=====", "-----", "* * *")
_RULE_LINE = re.compile(r"^\s*([=\-*_~])(?:\s?\1){2,}\s*$")
# "5. Findings" on a line of its own in converted text: a numbered section heading
_TXT_SECTION = re.compile(r"^\s*(\d{1,2})\.?\s+([A-Z][^.:;,?!]{1,60})$")
# a page's running footer kept in converted text ("... Executive Summary    Page 3 of 5")
_TXT_PAGE_FOOTER = re.compile(
    r"(?:^|\s)page\s+\d{1,4}(?:\s+of\s+\d{1,4})?\s*$|^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$", re.I
)
# Markdown: a line that is all bold ("**Learning identified**") is a heading; bold inside a
# line is emphasis, its markers are not text
_MD_BOLD_LINE = re.compile(r"^\s*(\*\*|__)([^*_].{0,78}?)\1\s*$")
_MD_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<![\w.])__(?=\S)(.+?)(?<=\S)__(?!\w)")


def _text_line(page: int, top: int, text: str, hint: str, *, bold: bool = False, **kw: int) -> Line:
    """A line of a text or Markdown file: no geometry, its order is its position."""
    return Line(page=page, text=text, x0=0.0, top=float(top), size=11.0, bold=bold, hint=hint, **kw)


def read_text(path: Path, text: str) -> RawDocument:
    """Markdown headings and lists are honoured; plain text becomes paragraphs.

    Pages are split at form feeds, so citations in converted PDFs keep pages.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    # Text saved from web pages keeps one paragraph per line (no blank line between them);
    # wrapped text (converted PDFs) never has lines this long, so there each line break is a wrap.
    markdown = path.suffix.lower() != ".txt"
    # (Markdown joins a paragraph's lines whatever their length: only a blank line ends it)
    line_paragraphs = not markdown and any(len(ln) > _UNWRAPPED for ln in text.split("\n"))
    # a running header repeated on every page is furniture, even underlined like a heading;
    # a heading also listed in the contents is underlined only once
    all_lines = [ln.strip() for ln in text.split("\n")]
    counts = Counter(
        ln
        for ln, below in itertools.pairwise(all_lines)
        if len(ln) > 3 and _UNDERLINE.fullmatch(below)
    )
    repeated = {ln for ln, c in counts.items() if c > 1}
    pages: list[RawPage] = []
    for page_no, page_text in enumerate(text.split("\f"), start=1):
        lines: list[Line] = []
        para: list[str] = []

        # bound now: flush belongs to this page's lists, never a later iteration's
        def flush(
            para: list[str] = para, lines: list[Line] = lines, page_no: int = page_no
        ) -> None:
            if para:
                lines.append(_text_line(page_no, len(lines), " ".join(para), "p"))
                para.clear()

        raw_lines = page_text.split("\n")
        width = 0 if line_paragraphs or markdown else _wrap_width(raw_lines)
        md_table, table_row = -1, -1
        glyph = ""  # a bullet glyph seen alone on its line, waiting for its text
        for n, raw in enumerate(raw_lines):
            line = raw.rstrip()
            if _LONE_GLYPH.match(line):
                flush()
                glyph = line
                continue
            if glyph and line.strip():
                line = raw = f"{glyph.rstrip()} {line.strip()}"
                glyph = ""
            next_blank = (
                n + 1 >= len(raw_lines)
                or not raw_lines[n + 1].strip()
                or bool(_RULE_LINE.match(raw_lines[n + 1]))
            )
            # a banner: a line between two rules ("=====" / "1. COMPLETED THIS QUARTER" / "=====")
            framed = (
                n > 0
                and n + 1 < len(raw_lines)
                and bool(_RULE_LINE.match(raw_lines[n - 1]))
                and bool(_RULE_LINE.match(raw_lines[n + 1]))
            )
            if not line.strip():
                flush()
                continue
            # the line above, still open, or (text with one paragraph per line) just written
            above: str | None = None
            if len(para) == 1:
                above = para[0]
            elif (
                line_paragraphs
                and not para
                and lines
                and lines[-1].hint == "p"
                and raw_lines[n - 1].strip() == lines[-1].text
            ):
                above = lines[-1].text
            if (
                above is not None
                and _UNDERLINE.fullmatch(line)
                and len(line.strip()) >= 3
                # in plain text only an underline as long as the line above (not a rule)
                and (
                    markdown
                    or (
                        abs(len(line.strip()) - len(above.strip())) <= 3
                        and above.strip() not in repeated
                    )
                )
            ):
                # a setext heading: the line above, underlined with "===" or "---"
                text_ = para.pop() if para else lines.pop().text
                lines.append(
                    _text_line(
                        page_no,
                        len(lines),
                        text_,
                        "h1" if line.strip()[0] == "=" else "h2",
                        bold=True,
                    )
                )
                continue
            if _RULE_LINE.match(line):
                flush()  # a rule drawn in characters is no text
                continue
            alone = not para and next_blank and (not line_paragraphs or framed)
            if alone and len(line) < 120 and _TXT_PAGE_FOOTER.search(line):
                continue  # page furniture of a converted PDF
            if markdown:
                bold = _MD_BOLD_LINE.match(line)
                if bold and not bold.group(2).rstrip().endswith((".", ",", ";")):
                    flush()
                    lines.append(
                        _text_line(page_no, len(lines), bold.group(2).strip(), "h6", bold=True)
                    )
                    continue
                line = _MD_BOLD.sub(lambda m: m.group(1) or m.group(2), line)
                line = re.sub(r"^\s{0,3}>\s?", "", line)  # a blockquote's marker is not text
            section = _TXT_SECTION.match(line) if not markdown and alone else None
            if section:
                lines.append(
                    _text_line(
                        page_no,
                        len(lines),
                        f"{section.group(1)}. {section.group(2).strip()}",
                        "h2",
                        bold=True,
                    )
                )
                continue
            m = _MD_HEADING.match(line)
            if m:
                flush()
                lines.append(
                    _text_line(page_no, len(lines), m.group(2), f"h{len(m.group(1))}", bold=True)
                )
                continue
            if path.suffix.lower() != ".txt" and line.lstrip().startswith("|"):
                flush()  # a Markdown table row: one cell per column
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                    continue  # the header separator row
                if not lines or lines[-1].hint != "cell" or table_row < 0:
                    md_table += 1
                    table_row = -1
                table_row += 1
                for col, cell in enumerate(cells):
                    if cell:
                        lines.append(
                            _text_line(
                                page_no,
                                len(lines),
                                cell.strip("*"),
                                "cell",
                                table=md_table,
                                row=table_row,
                                col=col,
                            )
                        )
                continue
            table_row = -1 if lines and lines[-1].hint != "cell" else table_row
            m = _NUMBERED_PARA.match(line)
            if m:
                # "2.7 ..." starts a numbered paragraph; a short unpunctuated one is a heading
                flush()
                body = m.group(2).strip()
                if len(body) < 70 and next_blank and not body.endswith((".", ",", ";", ":")):
                    lines.append(
                        _text_line(page_no, len(lines), f"{m.group(1)} {body}", "h2", bold=True)
                    )
                else:
                    para.append(line.strip())
                continue
            if para and _TXT_NUMBER.match(line) and para[-1].endswith((".", ":", ";", "?", "!")):
                flush()  # "2. The panel ..." after a finished sentence starts a numbered entry
            m = _MD_BULLET.match(line)
            if m and (m.group(2)[0].isdigit() is False or path.suffix.lower() != ".txt"):
                flush()
                depth = len(m.group(1).expandtabs(4)) // 2
                hint = "oli" if m.group(2)[0].isdigit() else "li"
                number = m.group(2) if hint == "oli" else ""
                body = (number + " " + m.group(3)).strip() if number else m.group(3)
                lines.append(_text_line(page_no, len(lines), body, hint, depth=min(depth, 3)))
                continue
            wrapped = (
                (
                    not line_paragraphs
                    and line.lstrip()[:1].islower()
                    and not lines[-1].text.rstrip().endswith((".", ":", ";", "!", "?"))
                )
                if lines
                else False
            )
            if (
                lines
                and lines[-1].hint in ("li", "oli")
                and not para
                and (raw[:1].isspace() or wrapped)
            ):
                last = lines[-1]  # continuation of a list item: indented, or a wrapped clause
                lines[-1] = replace(last, text=last.text + " " + line.strip())
                continue
            if width and _wrapped_heading(raw_lines, n, width):
                flush()  # "What we learned" on its own line between paragraphs
                para.append(line.strip())
                flush()
                continue
            para.append(line.strip())
            if line_paragraphs or (
                width and n + 1 < len(raw_lines) and _line_ends_block(line, raw_lines[n + 1], width)
            ):
                flush()
        flush()
        pages.append(RawPage(page_no, 0.0, 0.0, tuple(_clause_lists(lines, line_paragraphs))))
    if not any(p.lines for p in pages):
        raise EmptyDocument("the file contains no text", path=path)
    return RawDocument("text", tuple(_text_pages_joined(pages)))


_STOPS = (".", "!", "?", '"', "”")  # how a sentence, or a quotation closing one, ends


def _wrap_width(lines: list[str]) -> int:
    """The column at which text wrapped to a fixed width breaks its lines, or 0.

    Most long lines of such text end within a few characters of that column; text that
    was not wrapped, or wrapped by a proportional font, has no such column.
    """
    long = sorted(len(ln.rstrip()) for ln in lines if 40 <= len(ln.rstrip()) <= _UNWRAPPED)
    if len(long) < 8:
        return 0
    width = long[int(0.9 * (len(long) - 1))]
    near = sum(1 for n in long if n >= width - 8)
    return width if near >= 0.6 * len(long) else 0


def _line_ends_block(line: str, nxt: str, width: int) -> bool:
    """In text wrapped at *width*, does *line* end its paragraph?  It ends a sentence, and a
    wrapped line breaks only where the next word would not have fitted."""
    words = nxt.split()
    if not words:
        return False  # a blank line ends the paragraph anyway
    fits = len(line.rstrip()) + 1 + len(words[0]) <= width - max(2, width // 10)
    return fits and line.rstrip().endswith(_STOPS)


def _wrapped_heading(lines: list[str], n: int, width: int) -> bool:
    """In text wrapped at *width*, is lines[n] a heading of a few words on its own line: after
    the end of a sentence, before a capitalised line, with no number, stop or colon?"""
    t = lines[n].strip()
    before = lines[n - 1].rstrip() if n > 0 else ""
    after = lines[n + 1].strip() if n + 1 < len(lines) else ""
    return (
        0 < len(t.split()) <= 6
        and len(t) < 0.6 * width
        and t[0].isupper()
        and not any(ch.isdigit() for ch in t)
        and not t.endswith((".", ",", ":", ";", "!", "?"))
        and (not before.strip() or before.endswith(_STOPS))
        and after[:1].isupper()
    )


_CLAUSE_END = re.compile(r"(;|[;,] (and|or))\s*$")


def _clause_lists(lines: list[Line], bare: bool = False) -> list[Line]:
    """Paragraphs that each finish a sentence opened by a line ending ":" ("The review
    recommends that the Board:" then "publishes a pathway ...;" "checks in twelve months ...")
    are a list without glyphs: two or more lines opening in lower case, each but the last ending
    in ";" (or "; and"); with *bare* (one paragraph per line), two or more entries of one
    clause each (see _bare_entry)."""
    out = list(lines)
    k = 0
    while k < len(out):
        if out[k].hint != "p" or not out[k].text.rstrip().endswith(":"):
            k += 1
            continue
        run = k + 1
        while (
            run < len(out)
            and out[run].hint == "p"
            and out[run].text[:1].islower()
            and (run == k + 1 or _CLAUSE_END.search(out[run - 1].text))
        ):
            run += 1
        if run - k > 2 and _CLAUSE_END.search(out[k + 1].text):
            for m in range(k + 1, run):
                out[m] = replace(out[m], hint="li")
        elif bare:
            # text with one paragraph per line: entries that lost their bullets, each a
            # clause or a short line of its own ("adopt one definition of ...", "Name a lead")
            run = k + 1
            finishes = bool(_FINISHED_BY_ENTRIES.search(out[k].text))
            while run < len(out) and out[run].hint == "p" and _bare_entry(out[run].text, finishes):
                run += 1
            if run - k > 2:
                for m in range(k + 1, run):
                    out[m] = replace(out[m], hint="li")
        k = max(run, k + 1)
    return out


def _bare_entry(text: str, finishes: bool) -> bool:
    """A line that reads as a list entry without its glyph: one clause opening in lower case,
    or, after a lead-in the entries finish ("... asks them to:"), a short line without a closing
    stop ("Name a senior lead"); never two sentences, a link ("> Read more") or a number."""
    t = text.strip()
    if not t[:1].isalpha() or _SENTENCE_INSIDE.search(t) or t.endswith(":"):
        return False
    return t[0].islower() or (finishes and len(t.split()) <= 25 and not t.endswith((".", "!", "?")))


# a lead-in whose sentence its entries finish ("... are asked to:", "We will:", "... that:")
_FINISHED_BY_ENTRIES = re.compile(r"\b(?:to|that|will|should|must|can)\s*:\s*$", re.I)


_SENTENCE_INSIDE = re.compile(r"[.!?][\"”’]?\s+[A-Z“\"]")


def _text_pages_joined(pages: list[RawPage]) -> list[RawPage]:
    """Converted text split into pages at form feeds: a running header or footer repeated on
    several pages is dropped, and a paragraph cut by a page break is joined again."""
    if len(pages) < 2:
        return pages
    seen: dict[str, int] = {}
    for p in pages:
        for key in {re.sub(r"\d+", "#", ln.text) for ln in p.lines if ln.hint == "p"}:
            seen[key] = seen.get(key, 0) + 1
    repeat = max(2, int(0.3 * len(pages)))
    out: list[RawPage] = []
    for p in pages:
        kept = [
            ln
            for ln in p.lines
            if not (
                ln.hint == "p"
                and len(ln.text) < 100
                and seen[re.sub(r"\d+", "#", ln.text)] >= repeat
            )
        ]
        prev = out[-1].lines if out else ()
        if (
            kept
            and prev
            and prev[-1].hint == "p"
            and kept[0].hint == "p"
            and kept[0].text[:1].islower()
            and not prev[-1].text.rstrip().endswith((".", ":", ";", "!", "?"))
        ):
            joined = replace(prev[-1], text=prev[-1].text + " " + kept[0].text)
            out[-1] = RawPage(out[-1].number, 0.0, 0.0, (*prev[:-1], joined))
            kept = kept[1:]
        out.append(RawPage(p.number, 0.0, 0.0, tuple(kept)))
    return out
