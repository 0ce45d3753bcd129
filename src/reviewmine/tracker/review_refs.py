"""Which stored documents a tracker action's review name points at.

A tracker names its review loosely ("SCR Child D (2017)", "Ofsted ILACS May 2022",
a banner row, a sheet name).  This compares that text with what each document is
known to be (case pseudonym, area, dates, document type, title words) and scores
every document, so the matcher can favour items of the review the action means.
Kept apart from :mod:`reviewmine.tracker.matching` because it is about documents, not items.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..types import Document

_WORD = re.compile(r"[a-z0-9]+")

_DOC_TYPE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("scr", ("scr", "serious case review")),
    ("lcspr", ("lcspr", "cspr", "practice review", "child safeguarding practice review")),
    ("rapid_review", ("rapid review", "rr")),
    (
        "ofsted_inspection",
        ("ilacs", "sif", "inspection", "ofsted inspection", "re inspection", "lac inspection"),
    ),
    ("focused_visit", ("focused visit", "fv")),
    ("monitoring_visit", ("monitoring visit",)),
    ("jtai_letter", ("jtai", "joint targeted area inspection", "joint targeted")),
    ("joint_review", ("joint inspection", "joint review", "joint progress inspection")),
    ("area_send", ("area send", "send inspection", "send local area")),
    (
        "learning_brief",
        ("learning brief", "7 minute briefing", "seven minute briefing", "briefing"),
    ),
    ("scrutiny_report", ("scrutineer", "scrutiny")),
    ("annual_report", ("annual report",)),
)
_MONTH_WORDS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_GENERIC = frozenset(
    [
        "review",
        "report",
        "inspection",
        "ofsted",
        "actions",
        "action",
        "plan",
        "tracker",
        "sheet",
        "case",
        "child",
        "children",
        "baby",
        "the",
        "of",
        "and",
        "for",
        "in",
        "serious",
        "local",
        "safeguarding",
        "practice",
        "rapid",
        "learning",
        "brief",
        "partnership",
        "board",
        "lscb",
        "scr",
        "lcspr",
        "ilacs",
        "sif",
        "services",
        "service",
        "social",
        "care",
        "re",
        "visit",
        "letter",
        "recommendations",
        "recommendation",
        "lac",
        "jtai",
    ]
)


def normalise(text: str) -> str:
    return " ".join(_WORD.findall(text.lower().replace("&", " and ")))


@dataclass(frozen=True)
class _DocFacts:
    doc_id: str
    pseudonym: str | None  # normalised "child d"
    area: str | None  # normalised
    years: frozenset[int]
    months: frozenset[tuple[int, int]]
    doc_type: str
    words: frozenset[str]  # informative words of title and file name


def doc_facts(doc: Document) -> _DocFacts:
    dates = [doc.date or "", *doc.dates.values()]
    years: set[int] = set()
    months: set[tuple[int, int]] = set()
    for d in dates:
        m = re.match(r"(\d{4})-(\d{2})", d or "")
        if m:
            years.add(int(m[1]))
            months.add((int(m[1]), int(m[2])))
    for text in (doc.file_name, doc.title):
        years.update(int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text))
    words = {
        w
        for w in normalise(f"{doc.title} {Path(doc.file_name).stem}").split()
        if w not in _GENERIC and not w.isdigit() and len(w) > 1
    }
    return _DocFacts(
        doc.id,
        normalise(doc.pseudonym) if doc.pseudonym else None,
        normalise(doc.area) if doc.area else None,
        frozenset(years),
        frozenset(months),
        doc.doc_type,
        frozenset(words),
    )


_PSEUDO = re.compile(r"\b(child|baby|young person|siblings?|family|infant)\s+([a-z])\b")


def _context_years(text: str) -> tuple[set[int], set[tuple[int, int]]]:
    years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)}
    months: set[tuple[int, int]] = set()
    low = text.lower()
    for m in re.finditer(r"\b([a-z]{3})[a-z]*\.?\s+((?:19|20)\d{2})\b", low):
        if m[1] in _MONTH_WORDS:
            months.add((int(m[2]), _MONTH_WORDS[m[1]]))
    for m in re.finditer(r"\b\d{1,2}[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\b", low):
        y = int(m[2]) + (2000 if len(m[2]) == 2 else 0)
        years.add(y)
        if 1 <= int(m[1]) <= 12:
            months.add((y, int(m[1])))
    return years, months


def review_affinity(
    context: str, weak: str, facts: Sequence[_DocFacts], areas: set[str]
) -> tuple[dict[str, float], dict[str, str]]:
    """Evidence that the action's review is each document; a reason for each.

    *context* is the review column / banner; *weak* the sheet name (counts half).
    """
    scores: dict[str, float] = {}
    reasons: dict[str, str] = {}
    parts = [(context, 1.0), (weak, 0.5)]
    for f in facts:
        total = 0.0
        why: list[str] = []
        for text, w in parts:
            if not text:
                continue
            n = f" {normalise(text)} "
            s = 0.0
            named = {m[0] + " " + m[1] for m in _PSEUDO.findall(n)}
            if f.pseudonym and f" {f.pseudonym} " in n:
                s += 2.0
                why.append(f.pseudonym.title())
            elif named and f.pseudonym and f.pseudonym not in named:
                s -= 1.0
            elif named and not f.pseudonym:
                s -= 0.5
            if f.area and f" {f.area} " in n:
                s += 0.7
                why.append(f.area.title())
            elif any(f" {a} " in n for a in areas if a != f.area):
                s -= 1.0
            years, months = _context_years(text)
            if years & f.years:
                s += 1.0
                why.append(str(min(years & f.years)))
            elif years and f.years:
                s -= 0.5
            if months & f.months:
                s += 0.5
            for dtype, words in _DOC_TYPE_WORDS:
                if any(f" {x} " in n for x in words):
                    if dtype == f.doc_type:
                        s += 0.7
                        why.append(dtype.replace("_", " "))
                    else:
                        s -= 0.2
            ctx_words = {
                x
                for x in n.split()
                if x not in _GENERIC and len(x) > 1 and not x.isdigit() and x not in _MONTH_WORDS
            }
            if ctx_words:
                overlap = ctx_words & f.words
                s += 0.8 * len(overlap) / len(ctx_words)
            total += w * s
        scores[f.doc_id] = total
        reasons[f.doc_id] = ", ".join(dict.fromkeys(why))
    return scores, reasons


__all__ = ["review_affinity"]
