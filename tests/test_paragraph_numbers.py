"""Numbered paragraphs of real Ofsted reports: every one found, in order, on its page.

A wrong paragraph number in a quoted finding is the worst error for a scrutineer, so
these tests read whole real reports and check the numbering against the PDF's own text
(pypdfium2, independently of the structure stage).
"""

import itertools
import re

import pytest

from paths import REAL_OFSTED
from reviewmine.ingest import parse_file
from reviewmine.read.readers import RawDocument, RawPage
from reviewmine.read.structure import build_blocks, split_marker
from reviewmine.types import Line

REPORTS = [
    # SIF, 2015: a wrapped line starts "15. The proportion ..." ("2014–" / "15.") mid-paragraph
    "norfolk_2015-10-20.pdf",
    # SIF, 2015: an LSCB part that numbers its paragraphs from 1 again
    "leeds_2015-03-27.pdf",
    # SIF, 2016: a wrapped line starting with a bare number at the continuation indent
    "thurrock_2016-05-24.pdf",
    # SIF re-inspection, 2018: "8." printed in a column of its own, the text on its baseline
    "norfolk_2018-01-19.pdf",
    # ILACS, 2018 and 2024: "10.Multi-agency partners ..." with no space after the number
    "bexley_2018-08-20.pdf",
    "westmorland-and-furness_2024-07-12.pdf",
]


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _printed_numbers(raw_pages: list[str]) -> int:
    """The highest paragraph number printed at a line start ("12." / "12.Text")."""
    top = 0
    for text in raw_pages:
        for m in re.finditer(r"(?m)^\s*(\d{1,3})\.(?=\s|[A-Z]|$)", text):
            top = max(top, int(m.group(1)))
    return top


@pytest.mark.slow
@pytest.mark.parametrize("name", REPORTS)
def test_every_numbered_paragraph_in_order_on_its_page(name):
    import pypdfium2 as pdfium

    path = REAL_OFSTED / name
    doc, _ = parse_file(path)
    numbered = [
        b
        for b in doc.blocks
        if b.number and b.number.isdigit() and b.level == 0 and b.kind in ("paragraph", "list_item")
    ]
    numbers = [int(b.number) for b in numbered]  # type: ignore[arg-type]
    assert numbers and numbers[0] == 1, numbers[:5]
    # in order, no gaps, no merges; a report's second part (the LSCB) may start again at 1
    for a, b in itertools.pairwise(numbers):
        assert b == a + 1 or b == 1, (name, a, b)
    pdf = pdfium.PdfDocument(str(path))
    raw = [pdf[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(pdf))]
    pdf.close()
    assert max(numbers) == _printed_numbers(raw), name
    pages = [_squash(t) for t in raw]
    for b in numbered:
        opening = _squash(b.text)[:40]
        assert opening in pages[b.page - 1], (name, b.number, b.page, b.text[:60])


def test_paragraph_number_with_or_without_a_space():
    assert split_marker("16.Children are seen promptly.") == (
        "Children are seen promptly.",
        "16",
        False,
    )
    assert split_marker("16. Children are seen promptly.") == (
        "Children are seen promptly.",
        "16",
        False,
    )
    # a decimal or a percentage is not a paragraph number
    assert split_marker("10.5% of children") == ("10.5% of children", None, False)


def _line(text, x0, top, x1=None, size=12.0):
    return Line(
        page=1,
        text=text,
        x0=x0,
        top=top,
        size=size,
        bold=False,
        x1=x1 if x1 is not None else x0 + 6 * len(text),
        bottom=top + size,
    )


def test_number_in_its_own_column_starts_the_paragraph():
    """'16' in a narrow column, the paragraph's lines beside it: paragraph 16, not a line of 15."""
    lines = [
        _line("15.", 72, 100, 84),
        _line("The first paragraph ends here.", 110, 100),
        _line("16", 72, 130, 82),
        _line("Children are seen promptly and their plans are", 110, 130),
        _line("reviewed on time.", 110, 145),
    ]
    raw = RawDocument("pdf", (RawPage(1, 595, 842, tuple(lines)),))
    blocks, _, _ = build_blocks(raw)
    assert [(b.number, b.text) for b in blocks] == [
        ("15", "The first paragraph ends here."),
        ("16", "Children are seen promptly and their plans are reviewed on time."),
    ]
