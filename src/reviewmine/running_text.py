"""Recommendations and learning stated in running text.

Documents with no section of learning (scrutiny reports, summaries of reviews,
web pages about reviews) state their recommendations and findings in sentences.
This module owns that reading; extract.py calls it for such documents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .types import Document

# Running-text cues (documents with no sections of learning).
_REC_CUES = re.compile(
    r"^that the (committee|board|partnership|panel)\b.{0,40}\b(note|agree|approve|endorse|consider)|"
    r"\bit is recommended that\b|\bwe recommend\b|\b(the )?(partnership|board|partners|committee|"
    r"safeguarding partners|agencies) (should|must) (now )?(ensure|review|consider|undertake|develop|"
    r"strengthen|agree|commission|improve)\b",
    re.I,
)
_LEARN_CUES = re.compile(
    r"\blearning (has been|was) (derived|identified)\b|\b(reviews?|audits?|rrs?) (have|has) "
    r"(shown|identified|found)\b|\bidentified key areas for improvement\b|\blessons? learn|"
    r"\bnot used by all\b|\bthe learning (is|was) that\b|\bkey learning\b",
    re.I,
)
_QUOTED = re.compile(r"^(paragraph \d+, chapter \d+|[‘'\"“])", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“‘'\"(])")


def running_text_items(doc: Document, found: Sequence[dict[str, object]]) -> list[dict[str, object]]:
    """Recommendations and learning stated in running text, one item per paragraph."""
    taken = {(r["start"], r["end"]) for r in found}
    out: list[dict[str, object]] = []
    heading: str | None = None
    for b in doc.blocks:
        if b.kind == "heading":
            heading = b.text
            continue
        if b.kind not in ("paragraph", "list_item") or (b.start, b.end) in taken:
            continue
        if _QUOTED.search(b.text):
            continue  # quoted statutory guidance is not the document's own learning
        sentences = _SENTENCE.split(b.text)
        rec = [s for s in sentences if _REC_CUES.search(s)]
        learn = [s for s in sentences if _LEARN_CUES.search(s)]
        if not rec and not learn:
            continue
        kind = "recommendation" if rec else "finding"
        if kind == "recommendation":
            # from the first to the last recommending sentence; a finding keeps its paragraph
            first, last_ = sentences.index(rec[0]), sentences.index(rec[-1])
            text = " ".join(sentences[first:last_ + 1])
        else:
            text = b.text
        out.append({
            "kind": kind, "text": text, "page": b.page, "heading": heading,
            "subheading": None, "number": b.number, "paragraph": b.number, "section": "main",
            "start": b.start, "end": b.end, "subitems": [], "confidence": 0.6, "running": True,
        })
    return out
