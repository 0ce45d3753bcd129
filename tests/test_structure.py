"""Layout: golden outlines of small real PDFs, furniture removal, text invariants."""

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paths import GOLDEN, REAL_OFSTED, ROOT
from reviewmine.ingest import parse_file
from reviewmine.read.structure import clean_text, join_lines, split_marker

sys.path.insert(0, str(ROOT / "scripts"))
from regen_golden import GOLDEN_DOCS, outline, source


@pytest.mark.parametrize("name", GOLDEN_DOCS)
def test_golden_outline(name):
    """If this fails after a deliberate parser change: scripts/regen_golden.py, then review the diff."""
    expected = (GOLDEN / (name + ".outline.txt")).read_text(encoding="utf-8")
    assert outline(source(name)) == expected


def test_item_across_page_break_loses_running_header():
    # norfolk_2013 item 9 runs over a page break with the running header in between
    _doc, items = parse_file(REAL_OFSTED / "norfolk_2013-08-16.pdf")
    joined = [it for it in items if "Inspection of looked after children services" in it.text]
    assert joined == []
    assert len(items) == 17


def test_nested_sub_bullets_belong_to_their_parent():
    _, items = parse_file(REAL_OFSTED / "cornwall_2019-11-05.pdf")
    assert len(items) == 3
    assert items[0].subitems == (
        "sufficiency of accommodation",
        "assessment and support available to young people",
        "management oversight of the use of any unregulated provision.",
    )


@pytest.mark.slow
@pytest.mark.parametrize("pdf", sorted(p.name for p in REAL_OFSTED.glob("*.pdf")))
def test_no_page_furniture_in_page_text(pdf):
    doc, _ = parse_file(REAL_OFSTED / pdf)
    for n, page in enumerate(doc.page_texts, start=1):
        lines = [ln for ln in page.splitlines() if ln.strip()]
        for ln in lines[:1] + lines[-1:]:
            # the page's own printed number (allowing for unnumbered cover pages);
            # other bare numbers here are table-of-contents entries
            m = re.fullmatch(r"(page\s+)?(\d{1,3})(\s+of\s+\d+)?", ln.strip(), re.I)
            assert not (m and n - 2 <= int(m.group(2)) <= n), (pdf, n, ln)
        # a running header repeated on most pages is gone
    firsts = [p.splitlines()[0] for p in doc.page_texts[1:] if p.strip()]
    if len(firsts) > 4:
        most = max(set(firsts), key=firsts.count)
        assert firsts.count(most) < 0.5 * len(firsts), (pdf, most)
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text
        assert "\ufffe" not in b.text and "\u00ad" not in b.text


def test_two_column_page_reads_column_by_column(tmp_path):
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    left = [f"Left column line {i} about neglect." for i in range(8)]
    right = [f"Right column line {i} about exploitation." for i in range(8)]
    for i, (a, b) in enumerate(zip(left, right)):
        pdf.set_xy(15, 30 + i * 7)
        pdf.cell(85, 6, a)
        pdf.set_xy(110, 30 + i * 7)
        pdf.cell(85, 6, b)
    path = tmp_path / "two-col.pdf"
    pdf.output(str(path))
    doc, _ = parse_file(path)
    text = doc.text
    assert text.index("Left column line 7") < text.index("Right column line 0")


@given(st.text())
def test_clean_text_is_idempotent(s):
    once = clean_text(s)
    assert clean_text(once) == once


def test_hyphen_joining_follows_the_gold_convention():
    assert join_lines(["multi-", "agency work"]) == "multi-agency work"
    assert join_lines(["16-", "and 17-year-olds"]) == "16- and 17-year-olds"
    assert clean_text("of\ufb01ce\u00a0hours") == "office hours"


def test_markers():
    assert split_marker("\uf06e improve the plans") == ("improve the plans", None, True)
    assert split_marker("27. Ensure that") == ("Ensure that", "27", False)
    assert split_marker("2.7 The partnership") == ("The partnership", "2.7", False)
    assert split_marker("16- and 17-year-olds") == ("16- and 17-year-olds", None, False)


def test_regression_highlighted_paragraph_lines_are_not_a_table():
    # BCP 2025 p10: paragraphs highlighted line by line (one rectangle behind each line) were
    # read as table cells and printed twice, with paragraph 61 cut after its first line.

    from reviewmine.ingest import parse_file

    pdf = (
        Path(__file__).resolve().parents[2]
        / "shared/real/ofsted/bournemouth-christchurch-and-poole_2025-01-29.pdf"
    )
    if not pdf.exists():
        pytest.skip("real Ofsted reports not present")
    doc, _ = parse_file(pdf)
    assert not [b for b in doc.blocks if b.page == 10 and b.kind == "table_cell"]
    p61 = next(b for b in doc.blocks if b.number == "61")
    assert "holistic and learning approach to QA" in p61.text


def test_highlight_bands_are_dropped_but_a_one_column_table_is_kept():
    from reviewmine.read.readers import _without_highlight_bands

    bands = [
        (99.0, 700.0 - 14.5 * (i + 1), right, 700.0 - 14.5 * i)
        for i, right in enumerate((490.0, 472.5, 510.6, 260.4))
    ]
    assert _without_highlight_bands(bands) == []
    table = [(99.0, 700.0 - 14.5 * (i + 1), 500.0, 700.0 - 14.5 * i) for i in range(4)]
    assert _without_highlight_bands(table) == table


def test_html_navigation_and_footer_are_not_document_text(tmp_path):
    # A web page's menu and footer ("Accessibility | Contact us") once came out as an item.
    page = tmp_path / "learning.html"
    page.write_text(
        "<html><body><nav><ul><li>Home</li><li>Reviews</li></ul></nav>"
        "<h1>Learning from the review of Child Q</h1>"
        "<h2>Recommendations</h2><ul><li>The partnership should audit strategy meetings.</li></ul>"
        "<footer><p>Example Council 2025 | Accessibility | Contact us</p></footer>"
        "</body></html>",
        encoding="utf-8",
    )
    doc, items = parse_file(page)
    assert "Accessibility" not in doc.text and "Home" not in doc.text
    assert [i.text for i in items] == ["The partnership should audit strategy meetings."]
