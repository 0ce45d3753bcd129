"""Leave-one-family-out of the rules' lexicons (scripts/leave_one_family_out.py --rules).

The held-out figure is only honest if the lexicon machinery is exact: every pattern
reads back to itself, a dropped entry never matches while the rest still do, the
recorder names the entry a match went through, and with nothing dropped the rules
extract exactly what they extract without the stand-ins.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from paths import REAL_OFSTED
from reviewmine.extract import items, running_text, sections
from reviewmine.extract.items import extract_items
from reviewmine.ingest import parse_file
from reviewmine.types import ACTIONABLE_KINDS

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("lofo", ROOT / "scripts" / "leave_one_family_out.py")
assert _spec is not None and _spec.loader is not None
lofo = importlib.util.module_from_spec(_spec)
sys.modules["lofo"] = lofo  # dataclasses look their module up
_spec.loader.exec_module(lofo)

PATTERNS = [
    v for m in (items, running_text) for v in vars(m).values() if isinstance(v, re.Pattern)
] + [p for p, _ in sections._SECTION_KINDS]


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:40])
def test_every_rule_pattern_reads_back_and_compiles_tagged_and_pruned(pattern):
    tree = lofo.parse_pattern(pattern.pattern)
    entries: list[str] = []
    lofo.number_entries(tree, entries)
    assert lofo.render_pattern(tree) == pattern.pattern
    re.compile(lofo.render_pattern(tree, tag="e"), pattern.flags)
    re.compile(lofo.render_pattern(tree, frozenset(range(len(entries)))), pattern.flags)


def test_a_dropped_entry_never_matches_and_the_others_still_do():
    pat = re.compile(
        r"^(?:\d+\.?\s+)?(?:key |main )?(themes|key messages|lessons? learn[te]d)\b", re.I
    )
    entries: list[str] = []
    lp = lofo.LexiconPattern("t", pat, 0, entries)
    assert entries == ["key ", "main ", "themes", "key messages", "lessons? learn[te]d"]
    lp.drop(frozenset({entries.index("key messages")}))
    assert lp.search("3. Key messages") is None
    assert lp.search("Main themes") is not None
    assert lp.search("Lessons learned").group(1) == "Lessons learned"  # group numbers unchanged


def test_grammar_and_lookarounds_are_not_entries():
    entries: list[str] = []
    lofo.number_entries(lofo.parse_pattern(r"\b(is|are) (?<!not )required\b(?! (for|by))"), entries)
    assert entries == []


def test_closed_class_words_and_kind_names_are_entries_only_when_strict():
    src = r"\b(should|must|needs? to)\b|^(?:single[- ]agency )?(recommendations?|next steps)"
    kept: list[str] = []
    lofo.number_entries(lofo.parse_pattern(src), kept)
    assert kept == [
        "^(?:single[- ]agency )?(recommendations?|next steps)"
    ]  # a word beside the kind names
    strict: list[str] = []
    lofo.number_entries(lofo.parse_pattern(src), strict, strict=True)
    assert {"should", "must", "needs? to", "recommendations?", "next steps"} <= set(strict)


def test_the_recorder_names_the_entries_a_match_went_through():
    entries: list[str] = []
    lp = lofo.LexiconPattern(
        "t", re.compile(r"\b(the )?(panel|review) (recommends|calls for)\b", re.I), 0, entries
    )
    seen: set[int] = set()
    lp.recording = seen
    assert lp.search("The Panel calls for change")
    assert {entries[i] for i in seen} == {"panel", "calls for"}


def test_with_nothing_dropped_the_stand_ins_extract_exactly_the_same():
    doc, before = parse_file(ROOT / "corpus" / "harrowfield_cspr-summary_child-s_2024.md")
    with lofo.installed_lexicon() as lex:
        seen: set[int] = set()
        lex.record(seen)
        during = extract_items(doc)
        lex.record(None)
        assert seen, "the summary's cues are recorded"
    assert [(i.kind, i.text) for i in during] == [(i.kind, i.text) for i in before]
    assert isinstance(items._LABEL, re.Pattern)  # the modules get their patterns back
    assert [(i.kind, i.text) for i in extract_items(doc)] == [(i.kind, i.text) for i in before]


def _without(lex, *words: str) -> frozenset[int]:
    """Ids of the heading and sub-heading entries that hold one of *words*."""
    return frozenset(
        i
        for i, (w, e) in enumerate(zip(lex.where, lex.entries, strict=True))
        if w.startswith(("items._OFSTED_SUB", "sections.heading"))
        and any(x in e and "|" not in e for x in words)
    )


@pytest.mark.skipif(
    not (REAL_OFSTED / "kent_2013-08-23.pdf").is_file(), reason="real reports not present"
)
@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("kent_2013-08-23.pdf", "review the arrangements for the independent reviewing services"),
        (
            "slough_2014-02-14.pdf",
            "Develop and put into operation a comprehensive workforce strategy",
        ),
    ],
)
def test_timescale_and_unknown_headings_over_imperatives_are_read_by_what_they_hold(name, first):
    """ "Immediately:", "Within three months:" and "Priority and immediate action" over lists of
    imperatives are found with those headings removed from every lexicon: the list says what
    the section is."""
    doc, before = parse_file(REAL_OFSTED / name)
    with lofo.installed_lexicon() as lex:
        lex.drop(_without(lex, "immediate", "months", "need to improve"))
        assert (
            sections.section_kind("Priority and immediate action") == "action"
        )  # its head noun only
        after = extract_items(doc)
    texts = [i.text for i in after if i.kind in ACTIONABLE_KINDS]
    assert any(t.startswith(first) for t in texts)
    assert len(texts) >= len([i for i in before if i.kind in ACTIONABLE_KINDS]) - 1


@pytest.mark.skipif(
    not (REAL_OFSTED / "slough_2014-02-14.pdf").is_file(), reason="real reports not present"
)
def test_a_list_of_findings_under_an_unknown_heading_is_not_a_list_of_actions():
    doc, _ = parse_file(REAL_OFSTED / "slough_2014-02-14.pdf")
    i = next(
        n
        for n, b in enumerate(doc.blocks)
        if b.text.startswith("This Local Authority has serious weaknesses")
    )
    assert items._directive_list(doc.blocks, i) < 0.5
    j = next(n for n, b in enumerate(doc.blocks) if b.text == "Priority and immediate action")
    assert items._directive_list(doc.blocks, j) >= 0.75


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("3. Immediate learning", "learning_point"),
        ("Learning identified", "learning_point"),
        ("Single-agency recommendations", "recommendation"),
        ("Actions agreed", "action"),
        ("Summary of key findings", None),  # an inspection's narrative, not a section of items
        ("What did the review find?", "finding"),  # a question read by its verb
        ("What is the partnership doing?", None),
        ("Learning from case reviews in the region", None),
    ],
)
def test_a_heading_names_its_kind_by_its_head_noun(heading, kind):
    assert sections.section_kind(heading) == kind


def test_questions_for_the_reader_are_never_items_even_without_the_prompt_lexicon():
    """The Tyler brief's "Questions for practitioners" close its learning points because the
    list under them is all questions, not because the heading's words are known."""
    doc, _ = parse_file(ROOT / "corpus" / "harrowfield_learning-brief_tyler_2023.pdf")
    with lofo.installed_lexicon() as lex:
        lex.drop(frozenset(i for i, w in enumerate(lex.where) if w == "running_text._PROMPTS"))
        assert running_text._PROMPTS.match("Questions for practitioners") is None
        found = extract_items(doc)
    assert not [i for i in found if i.text.rstrip().endswith("?")]
    assert len([i for i in found if i.kind == "learning_point"]) == 6


def test_questions_under_a_finding_stay_its_sub_items_without_the_board_lexicon():
    doc, before = parse_file(ROOT / "corpus" / "eastmere_scr_siblings-m-n_2019.pdf")
    with lofo.installed_lexicon() as lex:
        lex.drop(frozenset(i for i, w in enumerate(lex.where) if w == "items._QUESTIONS"))
        after = extract_items(doc)
    assert [(i.text, i.subitems) for i in after if i.kind == "finding"] == [
        (i.text, i.subitems) for i in before if i.kind == "finding"
    ]
    assert all(len(i.subitems) >= 2 for i in after if i.kind == "finding")


@pytest.mark.skipif(
    not (REAL_OFSTED / "slough_2014-02-14.pdf").is_file(), reason="real reports not present"
)
def test_a_list_of_actions_does_not_run_on_into_strengths_whatever_the_document_type():
    """Slough 2014: "Key strengths and weaknesses of the LSCB" follows "Areas for improvement" in
    the same font, with bullets at the same indent.  Read as a document of unknown type (no
    inspection rule), the statements under it are still not areas for improvement: the list
    of actions does not go on into a list of statements."""
    from dataclasses import replace

    doc, before = parse_file(REAL_OFSTED / "slough_2014-02-14.pdf")
    after = extract_items(replace(doc, doc_type="other"))
    assert not [
        i
        for i in after
        if i.kind in ACTIONABLE_KINDS and i.text.startswith("The LSCB has made clear")
    ]
    assert {i.text for i in after if i.kind == "area_for_improvement"} >= {
        i.text for i in before if i.kind == "area_for_improvement" and i.section == "lscb"
    }


def test_independently_written_pages_are_one_family_with_absolute_files(tmp_path):
    gold = lofo.independent_gold(tmp_path)
    assert gold is not None
    rows = [lofo.json.loads(line) for line in gold.read_text().splitlines()]
    assert rows and {r["family"] for r in rows} == {"independent"}
    assert all(Path(r["file"]).is_absolute() and Path(r["file"]).is_file() for r in rows)
    assert set(lofo.gold_documents([gold]).values()) == {"independent"}
