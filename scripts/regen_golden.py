"""Regenerate the golden files under tests/golden from the current parser.

    .venv/bin/python scripts/regen_golden.py

Review the diff (git diff tests/golden) before committing: a change in parsing
shows up there line by line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from paths import GOLDEN, REAL_OFSTED  # noqa: E402

from reviewmine.ingest import parse_file  # noqa: E402

# Small real documents that exercise the layout traps (see shared README).
GOLDEN_DOCS = [
    "cornwall_2019-11-05.pdf",  # nested sub-bullets with a combining-stroke glyph
    "kent_2013-08-23.pdf",  # timescale sub-headings, numbered intro paragraph
    "norfolk_2013-08-16.pdf",  # item across a page break with a running header
    "sunderland_2025-03-11.pdf",  # footnote marker glued to the heading
]


def outline(path: Path) -> str:
    doc, items = parse_file(path)
    lines = [f"# {doc.file_name} | {doc.doc_type} | {doc.area} | {doc.date} | {doc.pages} pages"]
    for b in doc.blocks:
        mark = b.number or ("•" if b.bullet else "")
        lines.append(f"p{b.page} {b.kind} L{b.level} {mark} | {b.text[:90]}")
    lines.append("## items")
    for it in items:
        lines.append(json.dumps({"kind": it.kind, "number": it.number, "page": it.page,
                                 "heading": it.heading, "subheading": it.subheading,
                                 "text": it.text}, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for name in GOLDEN_DOCS:
        out = GOLDEN / (name + ".outline.txt")
        out.write_text(outline(REAL_OFSTED / name), encoding="utf-8")
        print("wrote", out)


if __name__ == "__main__":
    main()
