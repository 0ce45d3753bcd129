"""Every sample document type: metadata as in corpus/gold.jsonl."""

import json

import pytest
from paths import CORPUS

from reviewmine.ingest import parse_file

GOLD = [json.loads(line) for line in (CORPUS / "gold.jsonl").read_text().splitlines()]
# Types the corpus gold gave before DOC_TYPES named letters by kind: the focused-visit
# letter is now typed focused_visit (an ofsted_letter of a known kind).
FINER_TYPE = {("eastmere_ofsted-focused-visit-letter_2020.pdf", "ofsted_letter"): "focused_visit"}


@pytest.mark.parametrize("row", GOLD, ids=[r["file"] for r in GOLD])
def test_corpus_document_metadata(row):
    doc, items = parse_file(CORPUS / row["file"])
    doc_type = FINER_TYPE.get((row["file"], row["doc_type"]), row["doc_type"])
    assert (doc.doc_type, doc.area, doc.date, doc.pseudonym) == (
        doc_type, row["local_authority"], row["date"], row["pseudonym"])
    assert doc.title == row["title"]
    assert doc.pages == row["pages"]
    for b in doc.blocks:  # provenance: offsets slice back to the block text
        assert doc.text[b.start:b.end] == b.text
    for it in items:
        assert doc.text[it.start:it.end]


def test_markdown_table_rows_become_cells(tmp_path):
    md = tmp_path / "rr.md"
    md.write_text("# Rapid Review summary: Child Q\n\n| Field | Detail |\n|---|---|\n"
                  "| Rapid Review meeting | 3 May 2024 |\n| Child | Child Q, aged 9 |\n", encoding="utf-8")
    doc, _ = parse_file(md)
    cells = [b for b in doc.blocks if b.kind == "table_cell"]
    assert [(c.row, c.col, c.text) for c in cells][:4] == [
        (0, 0, "Field"), (0, 1, "Detail"), (1, 0, "Rapid Review meeting"), (1, 1, "3 May 2024")]
    assert doc.date == "2024-05-03" and doc.pseudonym == "Child Q"
