#!/usr/bin/env python
"""Render reviewmine's fictional sample corpus and its gold annotations.

    .venv/bin/python scripts/make_corpus.py            # writes into corpus/
    .venv/bin/python scripts/make_corpus.py --out DIR  # writes elsewhere (tests)

Every document is fictional and was written for this project.  The source of
each document is a module ``corpus/src/doc_*.py`` built from the small model in
``corpus/src/dsl.py``; the same objects are rendered (PDF with fpdf2, DOCX with
python-docx, HTML, Markdown) and turned into ``gold.jsonl``, so printed text and
gold text cannot drift.  The tracker (``tracker.xlsx``, ``tracker.csv``) and its
gold links (``tracker_gold.jsonl``) come from ``corpus/src/tracker.py``.

Output is deterministic: fixed PDF creation dates, fixed DOCX/XLSX core
properties and fixed ZIP timestamps, so re-running with the same library versions
(fpdf2, fontTools, python-docx, openpyxl) gives identical bytes.  PDFs need the
DejaVu TrueType fonts (Debian package ``fonts-dejavu-core``).

After rendering, every gold item is checked against the text that pypdfium2
extracts from the PDF (or the DOCX/HTML/MD text), and the script fails if any
item is missing or starts on another page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import importlib.util
import io
import json
import re
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

import reviewmine.types

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "corpus" / "src"
sys.path.insert(0, str(SRC))
sys.dont_write_bytecode = True  # keep corpus/src free of __pycache__

from dsl import (
    H1,
    H2,
    Box,
    Bullets,
    Columns,
    Contents,
    Doc,
    FindingBlock,
    FindingTitle,
    Item,
    Items,
    Label,
    P,
    PageBreak,
    Spacer,
    Table,
    TitlePage,
)

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]
FAMILIES = {
    "dejavu": ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"),
    "dejavu_serif": (
        "DejaVuSerif",
        "DejaVuSerif-Bold",
        "DejaVuSerif-Italic",
        "DejaVuSerif-BoldItalic",
    ),
    "dejavu_condensed": (
        "DejaVuSansCondensed",
        "DejaVuSansCondensed-Bold",
        "DejaVuSansCondensed-Oblique",
        "DejaVuSansCondensed-BoldOblique",
    ),
}
# Word's "Symbol" bullet and Wingdings square arrive in PDFs as private-use code
# points; the "Sym" font maps them onto DejaVu's bullet and small square glyphs.
PUA_GLYPHS = {0xF0B7: 0x2022, 0xF0A7: 0x25AA}

ITEM_KINDS = set(reviewmine.types.ITEM_KINDS)


def load_themes() -> set[str]:
    """Theme ids from the shipped taxonomy, else from ../shared/spec/themes.md."""
    toml = ROOT / "src" / "reviewmine" / "data" / "themes.toml"
    if toml.exists():
        ids = set(re.findall(r"^\[themes\.([a-z0-9_]+)\]", toml.read_text("utf-8"), re.MULTILINE))
        if ids:
            return ids
    spec = ROOT.parent / "shared" / "spec" / "themes.md"
    if spec.exists():
        found = re.findall(r"^\|\s*([a-z0-9_]+)\s*\|", spec.read_text("utf-8"), re.MULTILINE)
        return set(found) - {"id"}
    return set()


# ====================================================================== helpers


def font_path(name: str) -> Path:
    for d in FONT_DIRS:
        p = d / f"{name}.ttf"
        if p.exists():
            return p
    raise SystemExit(
        f"font {name}.ttf not found in {FONT_DIRS}: install fonts-dejavu-core to render the PDFs"
    )


def make_sym_font(tmp: Path) -> Path:
    """DejaVu Sans plus cmap entries for U+F0B7 / U+F0A7 (deterministic bytes)."""
    from fontTools.ttLib import TTFont

    out = tmp / "DejaVuSym.ttf"
    if out.exists():
        return out
    font = TTFont(str(font_path("DejaVuSans")))
    for table in font["cmap"].tables:
        if table.isUnicode():
            for pua, real in PUA_GLYPHS.items():
                if real in table.cmap:
                    table.cmap[pua] = table.cmap[real]
    font.recalcTimestamp = False
    font.save(str(out), reorderTables=True)
    return out


def fixed_datetime(iso: str) -> dt.datetime:
    d = dt.date.fromisoformat(iso)
    return dt.datetime(d.year, d.month, d.day, 9, 0, 0, tzinfo=dt.UTC)


def normalise_zip(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite an OOXML zip with fixed timestamps and fixed core-property dates."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = blob.decode("utf-8")
                for tag in ("dcterms:created", "dcterms:modified"):
                    text = re.sub(rf"(<{tag}[^>]*>)[^<]*(</{tag}>)", rf"\g<1>{stamp}\g<2>", text)
                blob = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 3
            dst.writestr(zi, blob)
    return out.getvalue()


def norm(s: str) -> str:
    """Letters and digits only, lower case: the comparison key for item text."""
    return re.sub(r"[^0-9a-z]", "", s.lower())


class Record:
    """Where an item was rendered."""

    def __init__(self, item: Item, page: int, heading: str | None, subheading: str | None):
        self.item = item
        self.page = page
        self.end_page = page
        self.heading = heading
        self.subheading = subheading


# ====================================================================== PDF


def _pdf_class():
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    class ReportPDF(FPDF):
        def __init__(self, doc: Doc, tmp: Path, toc_pages: dict[str, int] | None = None):
            super().__init__(orientation="P", unit="mm", format="A4")
            self.doc = doc
            self.toc_pages = toc_pages or {}
            self.set_margins(20, 20, 20)
            self.set_auto_page_break(True, margin=20)
            self.set_creation_date(fixed_datetime(doc.date))
            self.set_title(doc.title)
            self.set_author(doc.author or doc.area)
            self.set_creator("reviewmine sample corpus (fictional)")
            self.set_producer("reviewmine make_corpus.py")
            self.lh = doc.line_h
            self.size = doc.body_size
            if doc.font == "times":
                self.F = "Times"
                self.SYM = "Times"
            else:
                self.F = "Body"
                for style, name in zip(("", "B", "I", "BI"), FAMILIES[doc.font], strict=True):
                    self.add_font("Body", style, str(font_path(name)))
                self.add_font("Sym", "", str(make_sym_font(tmp)))
                self.SYM = "Sym"
            self.records: list[Record] = []
            self.heading_pages: dict[str, int] = {}
            self.h1: str | None = None
            self.h2: str | None = None
            self.FontFace = FontFace

        # ---------------------------------------------------------- furniture
        def _furniture(self) -> bool:
            return not (self.doc.title_page and self.page_no() == 1)

        def header(self):
            if not self._furniture():
                return
            if self.page_no() == 1 and not self.doc.first_page_header:
                return
            self.set_font(self.F, "I", 8.5)
            self.set_text_color(90, 90, 90)
            y = 10
            self.set_xy(self.l_margin, y)
            self.cell(self.epw / 2, 5, self.doc.short_title, align="L")
            if self.doc.header_right:
                self.set_xy(self.l_margin + self.epw / 2, y)
                self.cell(self.epw / 2, 5, self.doc.header_right, align="R")
            self.set_draw_color(150, 150, 150)
            self.line(self.l_margin, y + 6, self.w - self.r_margin, y + 6)
            self.set_text_color(0, 0, 0)
            self.set_draw_color(0, 0, 0)
            self.set_xy(self.l_margin, self.t_margin)

        def footer(self):
            if not self._furniture():
                return
            self.set_y(-13)
            self.set_font(self.F, "", 8.5)
            self.set_text_color(90, 90, 90)
            if self.doc.footer_left:
                self.set_x(self.l_margin)
                self.cell(self.epw / 3, 5, self.doc.footer_left, align="L")
            self.set_x(self.l_margin)
            self.cell(self.epw, 5, f"Page {self.page_no()} of {{nb}}", align="C")
            self.set_text_color(0, 0, 0)

        # ---------------------------------------------------------- primitives
        def body(self, style: str = "", size: float | None = None):
            self.set_font(self.F, style, size or self.size)

        def ensure(self, h: float):
            if self.get_y() + h > self.page_break_trigger:
                self.add_page()

        def record(self, item: Item, page: int | None = None) -> Record:
            rec = Record(item, page or self.page_no(), self.h1, self.h2)
            self.records.append(rec)
            return rec

        def text_height(self, w: float, text: str, style: str = "", markdown=False) -> float:
            self.body(style)
            return self.multi_cell(
                w, self.lh, text, dry_run=True, output="HEIGHT", markdown=markdown
            )

        def glyph(self, g: str, w: float):
            """Print a bullet glyph in a cell of width w (Sym font for PUA glyphs)."""
            if self.F != "Times" and (ord(g[0]) >= 0xE000 and ord(g[0]) <= 0xF8FF):
                self.set_font(self.SYM, "", self.size)
            self.cell(w, self.lh, g)
            self.body()

        # ---------------------------------------------------------- blocks
        def render(self, blocks):
            for b in blocks:
                self.block(b)

        def block(self, b):
            if isinstance(b, TitlePage):
                self.title_page(b)
            elif isinstance(b, Contents):
                self.contents(b)
            elif isinstance(b, H1):
                self.heading(b.text, 1)
            elif isinstance(b, H2):
                self.heading(b.text, 2)
            elif isinstance(b, Label):
                self.ensure(self.lh * 3)
                self.ln(1.5)
                self.body("B")
                self.multi_cell(0, self.lh, b.text, align="L", new_x="LMARGIN", new_y="NEXT")
                self.body()
            elif isinstance(b, P):
                self.para(b)
            elif isinstance(b, Bullets):
                self.bullets(b)
            elif isinstance(b, Items):
                self.items(b)
            elif isinstance(b, Box):
                self.box(b.label, b.item)
            elif isinstance(b, FindingBlock):
                self.finding_block(b)
            elif isinstance(b, FindingTitle):
                self.finding_title(b)
            elif isinstance(b, Table):
                self.table_block(b)
            elif isinstance(b, Columns):
                self.columns(b)
            elif isinstance(b, PageBreak):
                self.add_page()
            elif isinstance(b, Spacer):
                self.ln(b.h)
            else:
                raise TypeError(f"unknown block {b!r}")

        def title_page(self, t: TitlePage):
            self.set_y(55)
            for text, size, style in t.lines:
                if not text:
                    self.ln(size / 2)
                    continue
                self.set_font(self.F, style, size)
                self.multi_cell(0, size * 0.5, text, align="C", new_x="LMARGIN", new_y="NEXT")
                self.ln(2)
            if t.foot:
                self.set_y(235)
                self.set_font(self.F, "I", 9.5)
                for line in t.foot:
                    self.multi_cell(0, 5, line, align="C", new_x="LMARGIN", new_y="NEXT")
                    self.ln(1)
            self.add_page()

        def contents(self, c: Contents):
            self.set_font(self.F, "B", self.size + 4)
            self.cell(0, 10, c.title, new_x="LMARGIN", new_y="NEXT")
            self.ln(4)
            self.body()
            for entry in c.entries:
                page = str(self.toc_pages.get(entry, ""))
                self.cell(self.epw - 15, self.lh + 2, entry)
                self.cell(15, self.lh + 2, page, align="R", new_x="LMARGIN", new_y="NEXT")
            self.add_page()

        def heading(self, text: str, level: int):
            size = self.size + (3.5 if level == 1 else 1.5)
            self.ensure(self.lh * (6 if level == 1 else 5))
            if self.get_y() > self.t_margin + 1:
                self.ln(4 if level == 1 else 2.5)
            self.set_font(self.F, "B", size)
            if level == 1:
                self.set_text_color(20, 50, 100) if self.F != "Times" else None
            self.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
            self.set_text_color(0, 0, 0)
            self.ln(2)
            self.body()
            if level == 1:
                self.h1, self.h2 = text, None
            else:
                self.h2 = text
            self.heading_pages.setdefault(text, self.page_no())

        def para(self, p: P):
            indent = 13 if p.num else 0
            text = p.text
            self.body(p.style, p.size)
            if p.items:  # keep paragraphs that carry inline items on one page
                h = self.multi_cell(self.epw - indent, self.lh, text, dry_run=True, output="HEIGHT")
                self.ensure(h)
            else:
                self.ensure(self.lh * 2)
            for it in p.items:
                self.record(it)
            if p.num:
                self.body("")
                self.cell(indent, self.lh, p.num)
                self.body(p.style, p.size)
            self.multi_cell(
                self.epw - indent, self.lh, text, align=p.align, new_x="LMARGIN", new_y="NEXT"
            )
            self.ln(2.2)
            self.body()

        def bullet_line(self, glyph, text, level=0, style=""):
            x0 = self.l_margin + 4 + level * 8
            self.ensure(self.lh)
            self.set_x(x0)
            self.glyph(glyph, 6)
            self.body(style)
            self.multi_cell(
                self.w - self.r_margin - x0 - 6,
                self.lh,
                text,
                align="L",
                new_x="LMARGIN",
                new_y="NEXT",
            )
            self.body()
            self.ln(0.8)

        def bullets(self, b: Bullets):
            for i, e in enumerate(b.entries, 1):
                text, subs = (e, []) if isinstance(e, str) else e
                glyph = f"{i}." if b.numbered else self.doc.bullet
                self.bullet_line(glyph, text)
                for s in subs:
                    self.bullet_line(self.doc.sub_bullet, s, level=1)
            self.ln(1.5)

        def subitems(self, it: Item, x_indent: float):
            for s in it.subitems:
                x0 = self.l_margin + x_indent
                self.ensure(self.lh)
                self.set_x(x0)
                self.glyph(self.doc.sub_bullet, 6)
                self.multi_cell(
                    self.w - self.r_margin - x0 - 6,
                    self.lh,
                    s,
                    align="L",
                    new_x="LMARGIN",
                    new_y="NEXT",
                )

        def items(self, block: Items):
            for it in block.items:
                label = it.label if it.label is not None else it.number
                self.body()
                if block.style == "label":
                    self.ensure(self.lh * 1.2)
                    rec = self.record(it)
                    self.multi_cell(
                        0,
                        self.lh,
                        f"**{label}:** {it.text}",
                        markdown=True,
                        align="J",
                        new_x="LMARGIN",
                        new_y="NEXT",
                    )
                    self.subitems(it, 8)
                elif block.style in ("numbered", "para", "docx_auto"):
                    indent = 13 if block.style == "para" else 9
                    shown = label if block.style == "para" else f"{label}."
                    self.ensure(self.lh * 1.2)
                    rec = self.record(it)
                    self.cell(indent, self.lh, shown)
                    self.multi_cell(
                        self.epw - indent,
                        self.lh,
                        it.text,
                        align="J",
                        new_x="LMARGIN",
                        new_y="NEXT",
                    )
                    self.subitems(it, indent + 2)
                elif block.style == "bullet":
                    self.ensure(self.lh * 2)
                    rec = self.record(it)
                    self.bullet_line(self.doc.bullet, it.text)
                    self.subitems(it, 14)
                else:
                    raise ValueError(block.style)
                rec.end_page = self.page_no()
                self.ln(2.2)

        def shaded(self, text: str, label: str | None, fill=(231, 238, 247), bold_text=False):
            pad = 3
            w_in = self.epw - 2 * pad
            h = self.text_height(w_in, text, "B" if bold_text else "")
            if label:
                h += self.lh + 1
            total = h + 2 * pad
            self.ensure(total + 1)
            y = self.get_y()
            self.set_fill_color(*fill)
            self.set_draw_color(60, 90, 140)
            self.set_line_width(0.4)
            self.rect(self.l_margin, y, self.epw, total, style="DF")
            self.set_line_width(0.2)
            self.set_draw_color(0, 0, 0)
            self.set_xy(self.l_margin + pad, y + pad)
            page = self.page_no()
            if label:
                self.body("B")
                self.cell(w_in, self.lh, label, new_x="LEFT", new_y="NEXT")
                self.ln(1)
                self.set_x(self.l_margin + pad)
            self.body("B" if bold_text else "")
            self.multi_cell(w_in, self.lh, text, align="L", new_x="LMARGIN", new_y="NEXT")
            self.set_y(y + total)
            self.ln(3)
            self.body()
            return page

        def box(self, label: str, it: Item):
            rec = self.record(it)
            rec.page = self.shaded(it.text, label)
            rec.end_page = rec.page

        def finding_block(self, f: FindingBlock):
            it = f.item
            self.ensure(self.lh * 8)
            self.ln(2)
            self.set_font(self.F, "B", self.size + 1.5)
            self.set_text_color(20, 50, 100)
            self.cell(0, self.lh + 1, it.label or it.number, new_x="LMARGIN", new_y="NEXT")
            self.set_text_color(0, 0, 0)
            if f.category:
                self.body("I")
                self.multi_cell(0, self.lh, f.category, align="L", new_x="LMARGIN", new_y="NEXT")
            self.ln(1.5)
            rec = self.record(it)
            rec.page = self.shaded(it.text, None, fill=(236, 242, 236), bold_text=True)
            self.render(f.body)
            self.ensure(self.lh * 3)
            self.body("B")
            self.multi_cell(0, self.lh, f.issues_label, align="L", new_x="LMARGIN", new_y="NEXT")
            self.ln(1)
            self.body()
            for q in it.subitems:
                self.bullet_line(self.doc.bullet, q)
            rec.end_page = self.page_no()
            self.ln(2)

        def finding_title(self, ft: FindingTitle):
            it = ft.item
            self.ensure(self.lh * 4)
            self.ln(1.5)
            rec = self.record(it)
            self.body("B")
            self.set_text_color(20, 50, 100)
            self.multi_cell(
                0,
                self.lh,
                f"{it.label or it.number + ':'} {it.text}",
                align="L",
                new_x="LMARGIN",
                new_y="NEXT",
            )
            self.set_text_color(0, 0, 0)
            rec.end_page = self.page_no()
            self.ln(2)
            self.body()

        def table_block(self, t: Table):
            widths = t.widths or [self.epw / len(t.header)] * len(t.header)
            pad = 1.5
            total = 0.0
            for row in [t.header, *t.rows]:
                hs = []
                for w, cell in zip(widths, row, strict=True):
                    text = cell.text if isinstance(cell, Item) else str(cell)
                    hs.append(self.text_height(w - 2 * pad, text) + 2 * pad)
                total += max(hs)
            if t.title:
                total += self.lh * 2
            self.ensure(total + 4)
            page = self.page_no()
            if t.title:
                self.body("B")
                self.cell(0, self.lh, t.title, new_x="LMARGIN", new_y="NEXT")
                self.ln(1)
            self.body()
            head_style = self.FontFace(emphasis="BOLD", fill_color=(215, 222, 232))
            with self.table(
                col_widths=widths,
                width=sum(widths),
                align="LEFT",
                line_height=self.lh,
                text_align="LEFT",
                headings_style=head_style,
                padding=pad,
                first_row_as_headings=True,
            ) as table:
                row = table.row()
                for h in t.header:
                    row.cell(h)
                for cells in t.rows:
                    row = table.row()
                    for cell in cells:
                        if isinstance(cell, Item):
                            self.record(cell)
                            row.cell(cell.text)
                        else:
                            row.cell(str(cell))
            if self.page_no() != page:
                raise RuntimeError(f"{self.doc.file}: table split across pages")
            self.ln(4)

        def columns(self, c: Columns):
            page = self.page_no()
            with self.text_columns(
                ncols=c.ncols,
                gutter=8,
                balance=True,
                text_align="LEFT",
                line_height=self.lh / (self.size * 0.3528),
            ) as cols:
                for b in c.blocks:
                    if isinstance(b, Label):
                        self.body("B", self.size + 1)
                        with cols.paragraph(top_margin=2, bottom_margin=1.5) as par:
                            par.write(b.text)
                    elif isinstance(b, P):
                        self.body(b.style, b.size)
                        with cols.paragraph(bottom_margin=2) as par:
                            par.write(b.text)
                    elif isinstance(b, Bullets):
                        for e in b.entries:
                            with cols.paragraph(bottom_margin=1.2) as par:
                                self.body()
                                par.write(f"{self.doc.bullet}  {e}")
                    elif isinstance(b, Items):
                        for it in b.items:
                            self.record(it, page)  # page_no() is 0 inside text_columns
                            with cols.paragraph(bottom_margin=2) as par:
                                self.body("B")
                                lab = it.label if it.label is not None else it.number
                                par.write(f"{lab}. " if b.style == "numbered" else f"{lab} ")
                                self.body()
                                par.write(it.text)
                    else:
                        raise TypeError(f"not supported in columns: {b!r}")
                    self.body()
            if self.page_no() != page:
                raise RuntimeError(f"{self.doc.file}: two-column region split across pages")
            self.ln(3)

    return ReportPDF


def render_pdf(doc: Doc, out: Path, tmp: Path) -> tuple[list[Record], dict, int]:
    cls = _pdf_class()
    toc: dict[str, int] = {}
    for _ in range(2):  # second pass fills the contents page with real page numbers
        pdf = cls(doc, tmp, toc)
        pdf.add_page()
        pdf.render(doc.blocks)
        toc = dict(pdf.heading_pages)
    out.write_bytes(bytes(pdf.output()))
    return pdf.records, pdf.heading_pages, pdf.page_no()


# ====================================================================== DOCX


def render_docx(doc: Doc, out: Path) -> tuple[list[Record], dict, int]:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    for name in ("Heading 1", "Heading 2", "Title"):
        d.styles[name].font.name = "Arial"
        d.styles[name].font.color.rgb = RGBColor(0x1F, 0x3A, 0x60)

    section = d.sections[0]
    hp = section.header.paragraphs[0]
    hp.text = doc.short_title
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = section.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def field(par, instr):
        run = par.add_run()
        for tag, attr in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "end")):
            el = OxmlElement(tag)
            if attr:
                el.set(qn("w:fldCharType"), attr)
            else:
                el.set(qn("xml:space"), "preserve")
                el.text = instr
            run._r.append(el)

    if doc.footer_left:
        fp.add_run(doc.footer_left + "    ")
    fp.add_run("Page ")
    field(fp, "PAGE")
    fp.add_run(" of ")
    field(fp, "NUMPAGES")

    records: list[Record] = []
    state = {"h1": None, "h2": None}
    heading_pages: dict[str, int] = {}

    def rec(it):
        r = Record(it, 1, state["h1"], state["h2"])
        records.append(r)
        return r

    def shade(cell, hex_fill):
        tc_pr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), hex_fill)
        tc_pr.append(shd)

    def block(b):
        if isinstance(b, TitlePage):
            for text, _size, style in b.lines:
                if not text:
                    continue
                if style == "T":
                    d.add_paragraph(text, style="Title")
                else:
                    par = d.add_paragraph()
                    run = par.add_run(text)
                    run.bold = "B" in style
        elif isinstance(b, (H1, H2)):
            level = 1 if isinstance(b, H1) else 2
            d.add_heading(b.text, level=level)
            if level == 1:
                state["h1"], state["h2"] = b.text, None
            else:
                state["h2"] = b.text
            heading_pages.setdefault(b.text, 1)
        elif isinstance(b, Label):
            d.add_paragraph().add_run(b.text).bold = True
        elif isinstance(b, P):
            for it in b.items:
                rec(it)
            par = d.add_paragraph()
            if b.num:
                par.add_run(f"{b.num}\t")
            run = par.add_run(b.text)
            run.bold = "B" in b.style
            run.italic = "I" in b.style
        elif isinstance(b, Bullets):
            for e in b.entries:
                text, subs = (e, []) if isinstance(e, str) else e
                d.add_paragraph(text, style="List Number" if b.numbered else "List Bullet")
                for s in subs:
                    d.add_paragraph(s, style="List Bullet 2")
        elif isinstance(b, Items):
            for it in b.items:
                rec(it)
                if b.style == "bullet":
                    d.add_paragraph(it.text, style="List Bullet")
                elif b.style == "docx_auto":
                    d.add_paragraph(it.text, style="List Number")
                else:
                    label = it.label if it.label is not None else f"{it.number}."
                    par = d.add_paragraph()
                    par.add_run(f"{label} ").bold = True
                    par.add_run(it.text)
                for s in it.subitems:
                    d.add_paragraph(s, style="List Bullet 2")
        elif isinstance(b, Table):
            if b.title:
                d.add_paragraph().add_run(b.title).bold = True
            table = d.add_table(rows=1, cols=len(b.header))
            table.style = "Table Grid"
            for cell, h in zip(table.rows[0].cells, b.header, strict=True):
                cell.text = ""
                cell.paragraphs[0].add_run(h).bold = True
                shade(cell, "D9E2F3")
            key_value = not any(isinstance(v, Item) for row in b.rows for v in row)
            for row in b.rows:
                cells = table.add_row().cells
                for j, (cell, value) in enumerate(zip(cells, row, strict=True)):
                    if isinstance(value, Item):
                        rec(value)
                        cell.text = value.text
                    else:
                        cell.text = str(value)
                        if key_value and j == 0:
                            cell.paragraphs[0].runs[0].bold = True
                            shade(cell, "F2F2F2")
            d.add_paragraph()
        elif isinstance(b, (PageBreak, Spacer, Contents)):
            pass
        else:
            raise TypeError(f"DOCX: unsupported block {b!r}")

    for b in doc.blocks:
        block(b)

    when = fixed_datetime(doc.date)
    cp = d.core_properties
    cp.author = doc.author or doc.area
    cp.last_modified_by = doc.author or doc.area
    cp.title = doc.title
    cp.created = when.replace(tzinfo=None)
    cp.modified = when.replace(tzinfo=None)
    cp.revision = 1
    cp.comments = "Fictional document written for the reviewmine sample corpus."
    buf = io.BytesIO()
    d.save(buf)
    out.write_bytes(normalise_zip(buf.getvalue(), when))
    return records, heading_pages, 1


# ====================================================================== HTML / MD

HTML_CSS = """body{font-family:Arial,Helvetica,sans-serif;max-width:52em;margin:2em auto;line-height:1.45;color:#222}
header{border-bottom:3px solid #2b5d8a;margin-bottom:1em}header p{color:#555;margin:.2em 0}
h1{color:#1f3a60}h2{color:#2b5d8a;border-bottom:1px solid #ccd;padding-bottom:.2em}
.learning li{margin:.4em 0}table{border-collapse:collapse}td,th{border:1px solid #99a;padding:.3em .6em;text-align:left}
footer{margin-top:2em;border-top:1px solid #ccd;color:#555;font-size:.9em}"""


def render_html(doc: Doc, out: Path) -> tuple[list[Record], dict, int]:
    records: list[Record] = []
    state = {"h1": None, "h2": None}

    def e(text: str) -> str:
        return html.escape(text, quote=False)

    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(doc.title)}</title>",
        f'<meta name="author" content="{html.escape(doc.author)}">',
        f'<meta name="date" content="{doc.date}">',
        f"<style>{HTML_CSS}</style>",
        "</head>",
        "<body>",
    ]

    def rec(it):
        records.append(Record(it, 1, state["h1"], state["h2"]))

    for b in doc.blocks:
        if isinstance(b, TitlePage):
            parts.append("<header>")
            for text, _size, style in b.lines:
                if style == "T":
                    parts.append(f"<h1>{e(text)}</h1>")
                elif text:
                    parts.append(f"<p>{e(text)}</p>")
            parts.append("</header>")
            parts.append("<main>")
        elif isinstance(b, H1):
            state["h1"], state["h2"] = b.text, None
            parts.append(f"<h2>{e(b.text)}</h2>")
        elif isinstance(b, H2):
            state["h2"] = b.text
            parts.append(f"<h3>{e(b.text)}</h3>")
        elif isinstance(b, Label):
            parts.append(f"<p><strong>{e(b.text)}</strong></p>")
        elif isinstance(b, P):
            for it in b.items:
                rec(it)
            txt = e(b.text)
            if b.style == "I":
                txt = f"<em>{txt}</em>"
            parts.append(f"<p>{txt}</p>")
        elif isinstance(b, Bullets):
            tag = "ol" if b.numbered else "ul"
            parts.append(f"<{tag}>")
            for x in b.entries:
                parts.append(f"  <li>{e(x if isinstance(x, str) else x[0])}</li>")
            parts.append(f"</{tag}>")
        elif isinstance(b, Items):
            tag = "ul" if b.style == "bullet" else "ol"
            parts.append(f'<{tag} class="learning">')
            for it in b.items:
                rec(it)
                parts.append(f"  <li>{e(it.text)}</li>")
            parts.append(f"</{tag}>")
        elif isinstance(b, (PageBreak, Spacer)):
            pass
        else:
            raise TypeError(f"HTML: unsupported block {b!r}")
    parts.append("</main>")
    parts.append(f"<footer><p>{e(doc.footer_left)}</p></footer>")
    parts.append("</body>")
    parts.append("</html>")
    out.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return records, {}, 1


def render_md(doc: Doc, out: Path) -> tuple[list[Record], dict, int]:
    records: list[Record] = []
    state = {"h1": None, "h2": None}
    lines: list[str] = []

    def rec(it):
        records.append(Record(it, 1, state["h1"], state["h2"]))

    for b in doc.blocks:
        if isinstance(b, TitlePage):
            for text, _size, style in b.lines:
                if style == "T":
                    lines += [f"# {text}", ""]
                elif text:
                    lines += [f"**{text}**" if "B" in style else text, ""]
        elif isinstance(b, H1):
            state["h1"], state["h2"] = b.text, None
            lines += [f"## {b.text}", ""]
        elif isinstance(b, H2):
            state["h2"] = b.text
            lines += [f"### {b.text}", ""]
        elif isinstance(b, Label):
            lines += [f"**{b.text}**", ""]
        elif isinstance(b, P):
            for it in b.items:
                rec(it)
            lines += [f"*{b.text}*" if b.style == "I" else b.text, ""]
        elif isinstance(b, Bullets):
            for i, x in enumerate(b.entries, 1):
                lines.append(f"{i}. {x}" if b.numbered else f"- {x}")
            lines.append("")
        elif isinstance(b, Items):
            for it in b.items:
                rec(it)
                if b.style == "bullet":
                    lines.append(f"- {it.text}")
                else:
                    lines.append(f"{it.number}. {it.text}")
                for s in it.subitems:
                    lines.append(f"    - {s}")
            lines.append("")
        elif isinstance(b, Table):
            lines.append("| " + " | ".join(b.header) + " |")
            lines.append("|" + "---|" * len(b.header))
            for row in b.rows:
                cells = []
                for c in row:
                    if isinstance(c, Item):
                        rec(c)
                        cells.append(c.text)
                    else:
                        cells.append(str(c))
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
        elif isinstance(b, (PageBreak, Spacer)):
            pass
        else:
            raise TypeError(f"MD: unsupported block {b!r}")
    out.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    return records, {}, 1


# ====================================================================== gold


def gold_for(doc: Doc, records: list[Record], heading_pages: dict, pages: int) -> dict:
    items = []
    for n, r in enumerate(records, 1):
        it = r.item
        items.append(
            {
                "n": n,
                "text": it.gold_text,
                "page": r.page,
                "kind": it.kind,
                "themes": it.themes,
                "section": "main",
                "heading": r.heading,
                "subheading": r.subheading,
                "number": it.number,
                "subitems": it.subitems,
                "addressees": it.to,
            }
        )
    headings = []
    seen: dict[tuple, dict] = {}
    for r, _g in zip(records, items, strict=True):
        k = (r.heading, r.item.kind)
        if k not in seen:
            seen[k] = {
                "heading": r.heading,
                "page": heading_pages.get(r.heading, r.page),
                "section": "main",
                "kind": r.item.kind,
                "n_items": 0,
            }
            headings.append(seen[k])
        seen[k]["n_items"] += 1
    return {
        "file": doc.file,
        "doc_type": doc.doc_type,
        "local_authority": doc.area,
        "date": doc.date,
        "title": doc.title,
        "pseudonym": doc.pseudonym,
        "pages": pages,
        "judgements": doc.judgements,
        "headings": headings,
        "n_items": len(items),
        "items": items,
        "fictional": True,
        "notes": doc.notes,
    }


# ====================================================================== checks


def pdf_page_texts(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def strip_furniture(pages: list[str]) -> list[str]:
    """Drop lines that repeat (digits masked) on at least half the pages."""
    if len(pages) < 2:
        return pages
    masked = [[re.sub(r"\d+", "#", ln.strip()) for ln in re.split(r"\r\n|\n|\r", p)] for p in pages]
    counts = Counter(ln for page in masked for ln in set(page) if ln)
    limit = max(2, (len(pages) + 1) // 2)
    out = []
    for page, mpage in zip(pages, masked, strict=True):
        lines = re.split(r"\r\n|\n|\r", page)
        out.append("\n".join(ln for ln, m in zip(lines, mpage, strict=True) if counts[m] < limit))
    return out


def check_pdf(path: Path, gold: dict) -> list[str]:
    errors = []
    pages = strip_furniture(pdf_page_texts(path))
    if len(pages) != gold["pages"]:
        errors.append(f"{path.name}: {len(pages)} pages, gold says {gold['pages']}")
    normed = [norm(p) for p in pages]
    for it in gold["items"]:
        p = it["page"] - 1
        main = norm(main_text(it))
        here = normed[p]
        joined = here + (normed[p + 1] if p + 1 < len(normed) else "")
        idx = joined.find(main)
        while idx != -1 and idx >= len(here):
            idx = -1
        if idx == -1:
            errors.append(f"{path.name} item {it['n']}: text not found starting on page {p + 1}")
        window = "".join(normed[p : p + 3])
        for s in it["subitems"]:
            if norm(s) not in window:
                errors.append(f"{path.name} item {it['n']}: subitem not found: {s[:40]!r}")
    return errors


def docx_text(path: Path) -> str:
    import docx

    d = docx.Document(str(path))
    parts = []
    body = d.element.body
    for el in body.iter():
        if el.tag.endswith("}p"):
            parts.append("".join(t.text or "" for t in el.iter() if t.tag.endswith("}t")))
    return "\n".join(parts)


def main_text(it: dict) -> str:
    """The item text without its appended sub-bullets."""
    text = it["text"]
    if it["subitems"]:
        tail = " " + " ".join(it["subitems"])
        assert text.endswith(tail)
        text = text[: -len(tail)]
    return text


def check_text(path: Path, gold: dict, text: str) -> list[str]:
    errors = []
    nt = norm(text)
    for it in gold["items"]:
        if norm(main_text(it)) not in nt:
            errors.append(f"{path.name} item {it['n']}: text not found")
        for s in it["subitems"]:
            if norm(s) not in nt:
                errors.append(f"{path.name} item {it['n']}: subitem not found")
    return errors


def check_doc(path: Path, gold: dict) -> list[str]:
    if path.suffix == ".pdf":
        return check_pdf(path, gold)
    if path.suffix == ".docx":
        return check_text(path, gold, docx_text(path))
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    return check_text(path, gold, raw)


# ====================================================================== main


def load_docs() -> list[Doc]:
    docs = []
    for path in sorted(SRC.glob("doc_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        docs.append(mod.DOC)
    return docs


def validate(doc: Doc, themes: set[str]) -> None:
    assert doc.doc_type in reviewmine.types.DOC_TYPES, doc.doc_type
    dt.date.fromisoformat(doc.date)


def render_all(out_dir: Path, verbose: bool = True) -> list[dict]:
    themes = load_themes()
    out_dir.mkdir(parents=True, exist_ok=True)
    golds = []
    index: dict[str, tuple[str, dict]] = {}  # item key -> (file, gold item)
    errors: list[str] = []
    with tempfile.TemporaryDirectory() as tmpname:
        tmp = Path(tmpname)
        for doc in load_docs():
            validate(doc, themes)
            path = out_dir / doc.file
            ext = path.suffix
            if ext == ".pdf":
                records, hp, pages = render_pdf(doc, path, tmp)
            elif ext == ".docx":
                records, hp, pages = render_docx(doc, path)
            elif ext == ".html":
                records, hp, pages = render_html(doc, path)
            elif ext == ".md":
                records, hp, pages = render_md(doc, path)
            else:
                raise ValueError(doc.file)
            gold = gold_for(doc, records, hp, pages)
            for it in gold["items"]:
                assert it["kind"] in ITEM_KINDS, it
                bad = [t for t in it["themes"] if themes and t not in themes]
                if bad:
                    errors.append(f"{doc.file} item {it['n']}: unknown themes {bad}")
            errors += check_doc(path, gold)
            golds.append(gold)
            for r, g in zip(records, gold["items"], strict=True):
                if r.item.key:
                    if r.item.key in index:
                        errors.append(f"duplicate item key {r.item.key}")
                    index[r.item.key] = (doc.file, g)
            if verbose:
                cross = [r.item.number or r.item.text[:30] for r in records if r.end_page > r.page]
                print(
                    f"{doc.file}: {pages} page(s), {len(records)} items"
                    + (f"; crossing a page break: {cross}" if cross else ""),
                    file=sys.stderr,
                )
    with open(out_dir / "gold.jsonl", "w", encoding="utf-8") as f:
        for g in golds:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    import tracker as tracker_mod  # corpus/src/tracker.py

    errors += tracker_mod.build(out_dir, index, normalise_zip)
    if verbose:
        facts = tracker_mod.summary(index)
        print(f"tracker actions with no source item: {facts['no_item']}", file=sys.stderr)
        print(f"tracker overdue actions: {facts['overdue']}", file=sys.stderr)
        print("Eastmere recommendations/actions with no tracker action:", file=sys.stderr)
        for file, item in facts["unactioned"]:
            print(
                f"  {file} n={item['n']} {item['number']!r}: {item['text'][:60]}", file=sys.stderr
            )
    if errors:
        for e in errors:
            print("ERROR", e, file=sys.stderr)
        raise SystemExit(1)
    return golds


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "corpus", help="output folder")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)
    golds = render_all(args.out, verbose=not args.quiet)
    kinds = Counter((g["doc_type"], it["kind"]) for g in golds for it in g["items"])
    if not args.quiet:
        print(f"{len(golds)} documents, {sum(kinds.values())} items", file=sys.stderr)
        for (dtp, kind), n in sorted(kinds.items()):
            print(f"  {dtp:16} {kind:22} {n}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
