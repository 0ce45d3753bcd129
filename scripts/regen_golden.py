"""Regenerate the golden files under tests/golden from the current parser.

    .venv/bin/python scripts/regen_golden.py

Review the diff (git diff tests/golden) before committing: a change in parsing
shows up there line by line.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from paths import GOLDEN, REAL_OFSTED, SHARED
from reviewmine.ingest import parse_file

# Small real documents that exercise the layout traps (see shared README).
GOLDEN_DOCS = [
    "cornwall_2019-11-05.pdf",  # nested sub-bullets with a combining-stroke glyph
    "kent_2013-08-23.pdf",  # timescale sub-headings, numbered intro paragraph
    "norfolk_2013-08-16.pdf",  # item across a page break with a running header
    "sunderland_2025-03-11.pdf",  # footnote marker glued to the heading
    # letters (../shared/real/letters): block outline only, since their metadata and items
    # are pinned elsewhere (tests/test_extract_traps.py)
    "jtai_cornwall_2018-11-23.pdf",  # bullet glyphs on lines of their own, a box drawn out of order
    "area-send_north-northamptonshire_2024-03-25.pdf",  # two-column table with a header row inside
    "focused-visit_derbyshire_2022-10-26.pdf",  # letterhead stored after the page's body
]
LETTERS = SHARED / "real" / "letters"


def source(name: str) -> Path:
    """Where a golden document lives."""
    return LETTERS / name if (LETTERS / name).exists() else REAL_OFSTED / name


def outline(path: Path) -> str:
    doc, items = parse_file(path)
    letter = path.parent == LETTERS
    head = (
        f"# {doc.file_name} | {doc.pages} pages"
        if letter
        else (f"# {doc.file_name} | {doc.doc_type} | {doc.area} | {doc.date} | {doc.pages} pages")
    )
    lines = [head]
    for b in doc.blocks:
        mark = b.number or ("•" if b.bullet else "")
        table = f" t{b.table}r{b.row}c{b.col}" if b.kind == "table_cell" else ""
        # letters: a fingerprint of each block (its first word, length and hash), not its text
        text = (
            (
                f"{b.text.split()[0]} … {len(b.text)} chars "
                f"{hashlib.sha1(b.text.encode()).hexdigest()[:10]}"
            )
            if letter
            else b.text[:90]
        )
        lines.append(f"p{b.page} {b.kind}{table} L{b.level} {mark} | {text}")
    if letter:
        return "\n".join(lines) + "\n"
    lines.append("## items")
    for it in items:
        lines.append(
            json.dumps(
                {
                    "kind": it.kind,
                    "number": it.number,
                    "page": it.page,
                    "heading": it.heading,
                    "subheading": it.subheading,
                    "text": it.text,
                },
                ensure_ascii=False,
            )
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for name in GOLDEN_DOCS:
        out = GOLDEN / (name + ".outline.txt")
        out.write_text(outline(source(name)), encoding="utf-8")
        print("wrote", out)


if __name__ == "__main__":
    main()
