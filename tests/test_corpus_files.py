"""The fictional sample corpus (corpus/) is consistent with its gold annotations.

Checks the committed files, independently of the script that made them:
every gold document exists, PDF page counts match, every gold item's text is
printed on its page (letters and digits only; an item may continue on the next
page, with the running header and footer in between removed), DOCX/HTML/MD
items are in the document text, and the tracker gold points at real tracker
rows and gold items.  Regenerate with ``.venv/bin/python scripts/make_corpus.py``.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = CORPUS / "gold.jsonl"
TRACKER_GOLD = CORPUS / "tracker_gold.jsonl"

DOC_TYPES = {
    "scr",
    "lcspr",
    "rapid_review",
    "ofsted_inspection",
    "ofsted_letter",
    "jtai_letter",
    "scrutiny_report",
    "learning_brief",
    "other",
    "focused_visit",
    "monitoring_visit",
    "joint_review",
    "area_send",
    "national_review",
    "case_review_summary",
    "sar",
    "dhr",
    "annual_report",
}
KINDS = {
    "recommendation",
    "finding",
    "learning_point",
    "area_for_improvement",
    "good_practice",
    "action",
    "priority_action",
    "next_step",
}


def norm(s: str) -> str:
    return re.sub(r"[^0-9a-z]", "", s.lower())


def main_text(item: dict) -> str:
    text = item["text"]
    if item["subitems"]:
        tail = " " + " ".join(item["subitems"])
        assert text.endswith(tail), item["n"]
        text = text[: -len(tail)]
    return text


def theme_ids() -> set[str]:
    toml = ROOT / "src" / "reviewmine" / "data" / "themes.toml"
    if toml.exists():
        ids = set(re.findall(r"^\[themes\.([a-z0-9_]+)\]", toml.read_text("utf-8"), re.MULTILINE))
        if ids:
            return ids
    spec = ROOT.parent / "shared" / "spec" / "themes.md"
    if spec.exists():
        return set(
            re.findall(r"^\|\s*([a-z0-9_]+)\s*\|", spec.read_text("utf-8"), re.MULTILINE)
        ) - {"id"}
    return set()


GOLDS = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


def _id(g):
    return g["file"]


def pdf_pages(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def without_furniture(pages: list[str]) -> list[str]:
    """Remove running headers/footers: lines that recur (digits masked) on half the pages."""
    split = [re.split(r"\r\n|\r|\n", p) for p in pages]
    masked = [[re.sub(r"\d+", "#", ln.strip()) for ln in lines] for lines in split]
    counts = Counter(m for page in masked for m in set(page) if m)
    limit = max(2, (len(pages) + 1) // 2)
    return [
        "\n".join(ln for ln, m in zip(lines, ms) if counts[m] < limit or len(pages) < 2)
        for lines, ms in zip(split, masked)
    ]


def test_gold_is_well_formed():
    assert len(GOLDS) >= 10
    themes = theme_ids()
    files = [g["file"] for g in GOLDS]
    assert len(files) == len(set(files))
    for g in GOLDS:
        assert (CORPUS / g["file"]).is_file(), g["file"]
        assert g["doc_type"] in DOC_TYPES
        dt.date.fromisoformat(g["date"])
        assert g["n_items"] == len(g["items"]) > 0
        assert [it["n"] for it in g["items"]] == list(range(1, g["n_items"] + 1))
        assert sum(h["n_items"] for h in g["headings"]) == g["n_items"]
        for it in g["items"]:
            assert it["kind"] in KINDS
            assert it["text"] == " ".join(it["text"].split()), (g["file"], it["n"])
            assert 1 <= it["page"] <= g["pages"]
            assert it["themes"] and (not themes or set(it["themes"]) <= themes), it["themes"]
            assert it["heading"], (g["file"], it["n"])
    types = {g["doc_type"] for g in GOLDS}
    assert {
        "scr",
        "lcspr",
        "rapid_review",
        "focused_visit",
        "jtai_letter",
        "scrutiny_report",
        "learning_brief",
    } <= types
    assert {Path(f).suffix for f in files} == {".pdf", ".docx", ".html", ".md"}


@pytest.mark.parametrize("gold", [g for g in GOLDS if g["file"].endswith(".pdf")], ids=_id)
def test_pdf_items_are_printed_on_their_page(gold):
    pages = pdf_pages(CORPUS / gold["file"])
    assert len(pages) == gold["pages"]
    normed = [norm(p) for p in without_furniture(pages)]
    for it in gold["items"]:
        p = it["page"] - 1
        text = norm(main_text(it))
        here = normed[p]
        joined = here + (normed[p + 1] if p + 1 < len(normed) else "")
        starts = [m.start() for m in re.finditer(re.escape(text), joined)]
        assert any(s < len(here) for s in starts), (
            f"{gold['file']} item {it['n']} not found starting on page {it['page']}"
        )
        window = "".join(normed[p : p + 3])
        for sub in it["subitems"]:
            assert norm(sub) in window, (gold["file"], it["n"], sub)


def docx_text(path: Path) -> str:
    import docx

    body = docx.Document(str(path)).element.body
    paras = []
    for el in body.iter():
        if el.tag.endswith("}p"):
            paras.append("".join(t.text or "" for t in el.iter() if t.tag.endswith("}t")))
    return "\n".join(paras)


@pytest.mark.parametrize("gold", [g for g in GOLDS if not g["file"].endswith(".pdf")], ids=_id)
def test_other_formats_contain_their_items(gold):
    path = CORPUS / gold["file"]
    if path.suffix == ".docx":
        text = docx_text(path)
    else:
        text = path.read_text("utf-8")
        if path.suffix == ".html":
            text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    nt = norm(text)
    assert gold["pages"] == 1
    for it in gold["items"]:
        assert it["page"] == 1
        assert norm(main_text(it)) in nt, (gold["file"], it["n"])
        for sub in it["subitems"]:
            assert norm(sub) in nt


def test_some_items_cross_a_page_break_and_columns_read_in_order():
    crossing = 0
    for g in GOLDS:
        if not g["file"].endswith(".pdf"):
            continue
        normed = [norm(p) for p in without_furniture(pdf_pages(CORPUS / g["file"]))]
        for it in g["items"]:
            if it["kind"] == "recommendation" and norm(main_text(it)) not in normed[it["page"] - 1]:
                crossing += 1
    assert crossing >= 1


def tracker_refs() -> dict[str, str]:
    import openpyxl

    wb = openpyxl.load_workbook(CORPUS / "tracker.xlsx")
    refs = {}
    for ws in wb.worksheets:
        header = [c.value for c in ws[4]]
        assert header[0] == "Ref" and "RAG status" in header, ws.title
        for row in ws.iter_rows(min_row=5, values_only=True):
            if row[0] and row[1]:  # group rows are merged and have only column A
                refs[row[0]] = ws.title
    return refs


def test_tracker_gold_points_at_tracker_rows_and_gold_items():
    refs = tracker_refs()
    assert 25 <= len(refs) <= 40
    by_file = {g["file"]: g for g in GOLDS}
    links = [json.loads(x) for x in TRACKER_GOLD.read_text("utf-8").splitlines() if x]
    assert links
    for link in links:
        assert link["action_id"] in refs, link["action_id"]
        item = by_file[link["file"]]["items"][link["item_n"] - 1]
        assert item["n"] == link["item_n"]
        assert item["number"] == link["item_number"]
        assert item["text"] == link["item_text"]
    linked = {x["action_id"] for x in links}
    assert set(refs) - linked, "some actions have no source item"


def test_tracker_csv_is_cp1252_first_sheet():
    raw = (CORPUS / "tracker.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    rows = list(csv.reader(io.StringIO(raw.decode("cp1252"))))
    assert rows[3][0] == "Ref"
    assert "£" in raw.decode("cp1252")
    refs = {r[0] for r in rows[4:] if r[1]}
    xlsx = {ref for ref, sheet in tracker_refs().items() if sheet == "SCR and LCSPR actions"}
    assert refs == xlsx


def _can_render() -> bool:
    try:
        import fpdf  # noqa: F401
    except ImportError:
        return False
    return Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").exists()


@pytest.mark.slow
@pytest.mark.skipif(not _can_render(), reason="fpdf2 or DejaVu fonts not installed")
def test_regenerating_gives_the_same_gold(tmp_path):
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_corpus.py"), "--out", str(tmp_path), "-q"],
        check=True,
    )
    for name in ("gold.jsonl", "tracker_gold.jsonl", "tracker.csv"):
        assert (tmp_path / name).read_bytes() == (CORPUS / name).read_bytes(), name
