"""Floor on the running-text pages written after the rules and scored before they were tuned.

evaluation/extraction/unseen/ holds five fictional pages (DHR summary, SAR 7-minute briefing,
Panel review summary, annual-report learning, rapid review note) whose gold was committed before
the extractor ran on them.  Untuned: one-to-one P 0.833 / R 0.377 (20 of 53 gold items),
tolerant P 0.958 / R 0.547 (29 of 53).  Running text was then improved with these misses in view,
so the floors below are development figures (the measured counts minus one item), not a
generalisation claim.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewmine.evaluation.extraction import evaluate_extraction
from reviewmine.evaluation.summaries import evaluate_summaries

UNSEEN = Path(__file__).resolve().parents[1] / "evaluation" / "extraction" / "unseen"
GOLD = UNSEEN / "gold.jsonl"
# A second set of seven pages (LCSPR executive summary, rapid review letter, 7-minute briefing,
# learning brief, national review page, newsletter, DHR summary), written the same way by someone
# who had read neither the extractor nor the development documents.  Untuned: one-to-one
# P 0.833 / R 0.449 (35 of 78); its misses then led to reading the prose of a review's findings
# sections point by point, question headings by their verb and converted text's numbered
# headings, so these floors too are development figures.
UNSEEN2 = UNSEEN.parent / "unseen2"
# A third set of eight documents (two Word files, converted PDF text, web pages), written after
# those changes by someone who had read neither the extractor nor the development documents.
# Untuned: one-to-one P 0.734 / R 0.630 (58 of 92); its misses led to inline labels ("Learning:",
# "What you can do:"), tables with a second column of items, headings named on their own lines in
# web text, run-in labels, narrative headings and converted pages' running headers.
UNSEEN3 = UNSEEN.parent / "unseen3"
# A fourth set of ten documents written the same way after those changes.  Untuned: one-to-one
# P 0.755 / R 0.638 (74 of 116); its misses led to <details> summaries as headings, "Conclusions"
# sections, lead-ins to what the writer will do next, a recommending lead-in over one entry per
# bullet, sub-headings inside a findings section, coded entries ("A1 - ..."), questions to the
# reader and a sign-off ending the items.
UNSEEN4 = UNSEEN.parent / "unseen4"
# A fifth set of ten documents written the same way after those changes.  Untuned: one-to-one
# P 0.750 / R 0.581 (54 of 93); its misses led to first-person recommendations and plans ("I
# recommend that", "I will:"), "Learning for <agency>:" labels, "Key messages" sections,
# blockquotes as quotations and recommendations after a labelled finding.
UNSEEN5 = UNSEEN.parent / "unseen5"
# A sixth set of ten, written the same way after those changes.  Untuned: one-to-one P 0.823 /
# R 0.646 (51 of 79); then "Lessons to be learned" headings, question headings by "tell",
# "asks that:" lead-ins, "Action:" labels and a labelled finding's one explaining paragraph.
UNSEEN6 = UNSEEN.parent / "unseen6"
# A seventh set of eight, written as a final check.  Untuned: one-to-one P 0.900 / R 0.683 (54 of
# 79); then lead-ins ending "should:" over one entry per bullet, Markdown setext headings,
# "What this means for your practice" / "What the Partnership will do next" and numbered
# paragraphs ("7.2") as a section's entries.
UNSEEN7 = UNSEEN.parent / "unseen7"
# The eighth and ninth sets (eight documents each), scored once on the rules of the time before
# any change: one-to-one P 0.794 / R 0.848 and P 0.861 / R 0.740.  Their misses then led to one
# entry per bullet after a review's lead-in ending ":", numbered heading lines in sequence, a
# labelled or title heading taking its explaining paragraph, commitments ("We will ...") as next
# steps, ";" lines finishing a lead-in as a list, "(a)" entries, an unnamed sub-heading going back
# to its findings section, and labelled paragraphs ending at the next heading.
UNSEEN8 = UNSEEN.parent / "unseen8"
UNSEEN9 = UNSEEN.parent / "unseen9"


def test_unseen_running_text_pages_one_to_one_floor():
    ev = evaluate_extraction(GOLD, UNSEEN)
    # development figure 45 of 53 found, 3 false positives (P 0.938 / R 0.849): paragraphs under a
    # findings heading are now one point with their explanation, where this gold has sentences
    assert ev.overall.tp >= 44
    assert ev.overall.fp <= 3


def test_unseen_running_text_pages_tolerant_floor():
    ev = evaluate_summaries(GOLD, UNSEEN)
    # development figure 49 of 53 gold items found, 1 extracted item wrong
    assert ev.overall.tp >= 48
    assert ev.overall.fp <= 1


def test_second_unseen_set_one_to_one_floor():
    ev = evaluate_extraction(UNSEEN2 / "gold.jsonl", UNSEEN2)
    # development figure 61 of 78 found, 3 false positives (P 0.953 / R 0.782); 14 of the 17
    # misses are actions already taken and next steps in prose, which are not read as items
    assert ev.overall.tp >= 60
    assert ev.overall.fp <= 5


def test_second_unseen_set_tolerant_floor():
    ev = evaluate_summaries(UNSEEN2 / "gold.jsonl", UNSEEN2)
    # development figure 65 of 84 gold items (strengths included) found, 2 extracted items wrong
    assert ev.overall.tp >= 63
    assert ev.overall.fp <= 3


def test_third_unseen_set_one_to_one_floor():
    ev = evaluate_extraction(UNSEEN3 / "gold.jsonl", UNSEEN3)
    # development figure 91 of 92 found, 3 false positives (P 0.968 / R 0.989)
    assert ev.overall.tp >= 89
    assert ev.overall.fp <= 5


def test_third_unseen_set_tolerant_floor():
    ev = evaluate_summaries(UNSEEN3 / "gold.jsonl", UNSEEN3)
    # development figure 102 of 106 gold items (strengths included) found, 2 extracted items wrong
    assert ev.overall.tp >= 100
    assert ev.overall.fp <= 3


def test_fourth_unseen_set_one_to_one_floor():
    ev = evaluate_extraction(UNSEEN4 / "gold.jsonl", UNSEEN4)
    # development figure 111 of 116 found, 7 false positives (P 0.941 / R 0.957)
    assert ev.overall.tp >= 107
    assert ev.overall.fp <= 8


def test_fourth_unseen_set_tolerant_floor():
    ev = evaluate_summaries(UNSEEN4 / "gold.jsonl", UNSEEN4)
    # development figure 121 of 127 gold items (strengths included) found, 4 extracted items wrong
    assert ev.overall.tp >= 117
    assert ev.overall.fp <= 5


def test_fifth_unseen_set_one_to_one_floor():
    ev = evaluate_extraction(UNSEEN5 / "gold.jsonl", UNSEEN5)
    # development figure 74 of 93 found, 15 false positives (P 0.831 / R 0.796)
    assert ev.overall.tp >= 71
    assert ev.overall.fp <= 16


def test_fifth_unseen_set_tolerant_floor():
    ev = evaluate_summaries(UNSEEN5 / "gold.jsonl", UNSEEN5)
    # development figure 75 of 102 gold items (strengths included) found, 7 extracted items wrong
    assert ev.overall.tp >= 72
    assert ev.overall.fp <= 8


def test_sixth_unseen_set_one_to_one_floor():
    ev = evaluate_extraction(UNSEEN6 / "gold.jsonl", UNSEEN6)
    # development figure 64 of 79 found, 8 false positives (P 0.889 / R 0.810)
    assert ev.overall.tp >= 62
    assert ev.overall.fp <= 9


def test_sixth_unseen_set_tolerant_floor():
    ev = evaluate_summaries(UNSEEN6 / "gold.jsonl", UNSEEN6)
    # development figure 67 of 84 gold items (strengths included) found, 6 extracted items wrong
    assert ev.overall.tp >= 65
    assert ev.overall.fp <= 7


def test_seventh_unseen_set_one_to_one_floor():
    ev = evaluate_extraction(UNSEEN7 / "gold.jsonl", UNSEEN7)
    # development figure 75 of 79 found, 3 false positives (P 0.962 / R 0.949)
    assert ev.overall.tp >= 73
    assert ev.overall.fp <= 4


def test_seventh_unseen_set_tolerant_floor():
    ev = evaluate_summaries(UNSEEN7 / "gold.jsonl", UNSEEN7)
    # development figure 78 of 87 gold items (strengths included) found, 3 extracted items wrong
    assert ev.overall.tp >= 76
    assert ev.overall.fp <= 4


def test_eighth_and_ninth_unseen_sets_one_to_one_floor():
    eighth = evaluate_extraction(UNSEEN8 / "gold.jsonl", UNSEEN8).overall
    ninth = evaluate_extraction(UNSEEN9 / "gold.jsonl", UNSEEN9).overall
    # development figures: 59 of 59 found with 1 false positive; 50 of 50 with none
    assert eighth.tp >= 58 and eighth.fp <= 2
    assert ninth.tp >= 49 and ninth.fp <= 1


# Sets 10 to 117, each scored once on the rules of its time before any change (first runs in
# the README and in each set's commit); their misses then led to the forms pinned in
# tests/test_review_forms.py, so these floors are development figures: (set, found, false).
LATER_SETS = [
    ("unseen10", 85, 3),
    ("unseen11", 76, 4),
    ("unseen12", 65, 7),
    ("unseen13", 77, 5),
    ("unseen14", 73, 4),
    ("unseen15", 89, 5),
    ("unseen16", 63, 3),
    ("unseen17", 87, 11),
    ("unseen18", 71, 3),
    ("unseen19", 94, 8),
    ("unseen20", 67, 0),
    ("unseen21", 81, 1),
    ("unseen22", 80, 4),
    ("unseen23", 91, 1),
    ("unseen24", 73, 2),
    ("unseen25", 80, 3),
    ("unseen26", 71, 3),
    ("unseen27", 75, 2),
    ("unseen28", 56, 7),
    ("unseen29", 86, 7),
    ("unseen30", 61, 7),
    ("unseen31", 66, 5),
    ("unseen32", 74, 5),
    ("unseen33", 71, 7),
    ("unseen34", 63, 3),
    ("unseen35", 75, 10),
    ("unseen36", 76, 5),
    ("unseen37", 71, 13),
    ("unseen38", 77, 5),
    ("unseen39", 63, 7),
    ("unseen40", 69, 7),
    ("unseen41", 74, 4),
    ("unseen42", 66, 8),
    ("unseen43", 65, 4),
    ("unseen44", 50, 6),
    ("unseen45", 46, 7),
    ("unseen46", 66, 9),
    ("unseen47", 64, 0),
    ("unseen48", 48, 3),
    ("unseen49", 35, 4),
    ("unseen50", 60, 14),
    ("unseen51", 60, 2),
    ("unseen52", 47, 5),
    ("unseen53", 36, 8),
    ("unseen54", 42, 3),
    ("unseen55", 54, 3),
    ("unseen56", 42, 8),
    ("unseen57", 29, 1),
    ("unseen58", 31, 4),
    ("unseen59", 53, 7),
    ("unseen60", 45, 7),
    ("unseen61", 27, 3),
    ("unseen62", 40, 1),
    ("unseen63", 51, 12),
    ("unseen64", 42, 6),
    ("unseen65", 33, 1),
    ("unseen66", 39, 0),
    ("unseen67", 57, 7),
    ("unseen68", 41, 7),
    ("unseen69", 25, 1),
    ("unseen70", 35, 2),
    ("unseen71", 62, 5),
    ("unseen72", 52, 4),
    ("unseen73", 24, 3),
    ("unseen74", 27, 1),
    ("unseen75", 44, 6),
    ("unseen76", 39, 4),
    ("unseen77", 64, 4),
    ("unseen78", 32, 1),
    ("unseen79", 29, 0),
    ("unseen80", 58, 1),
    ("unseen81", 47, 3),
    ("unseen82", 45, 3),
    ("unseen83", 61, 1),
    ("unseen84", 40, 4),
    ("unseen85", 79, 14),
    ("unseen86", 59, 1),
    ("unseen87", 52, 6),
    ("unseen88", 60, 15),
    ("unseen89", 29, 2),
    ("unseen90", 26, 1),
    ("unseen91", 56, 8),
    ("unseen92", 64, 1),
    ("unseen93", 40, 6),
    ("unseen94", 40, 1),
    ("unseen95", 67, 0),
    ("unseen96", 28, 1),
    ("unseen97", 29, 3),
    ("unseen98", 58, 12),
    ("unseen99", 45, 3),
    ("unseen100", 47, 6),
    ("unseen101", 56, 4),
    ("unseen102", 26, 2),
    ("unseen103", 34, 1),
    ("unseen104", 60, 9),
    ("unseen105", 60, 4),
    ("unseen106", 37, 2),
    ("unseen107", 42, 1),
    ("unseen108", 22, 4),
    ("unseen109", 23, 8),
    ("unseen110", 40, 8),
    ("unseen111", 45, 4),
    ("unseen112", 33, 4),
    ("unseen113", 24, 1),
    ("unseen114", 45, 1),
    ("unseen115", 44, 3),
    ("unseen116", 32, 1),
    ("unseen117", 35, 4),
    ("unseen118", 32, 6),
    ("unseen119", 58, 7),
    ("unseen120", 18, 6),
    ("unseen121", 47, 5),
    ("unseen122", 44, 2),
    ("unseen123", 40, 11),
    ("unseen124", 32, 5),
    ("unseen125", 41, 11),
    ("unseen126", 19, 1),
    ("unseen127", 36, 7),
    ("unseen128", 32, 2),
    ("unseen129", 40, 6),
    ("unseen130", 33, 5),
    ("unseen131", 13, 3),
    ("unseen132", 31, 6),
    ("unseen133", 48, 4),
    ("unseen134", 38, 3),
    ("unseen135", 48, 0),
    ("unseen136", 28, 2),
    ("unseen137", 28, 2),
    ("unseen138", 29, 7),
    ("unseen139", 22, 2),
    ("unseen140", 14, 2),
    ("unseen141", 21, 7),
    ("unseen142", 28, 1),
    ("unseen143", 18, 3),
    ("unseen144", 22, 3),
    ("unseen145", 21, 1),
    ("unseen146", 20, 1),
    ("unseen147", 20, 6),
]


@pytest.mark.parametrize(("name", "found", "false"), LATER_SETS)
def test_later_unseen_sets_one_to_one_floor(name: str, found: int, false: int) -> None:
    folder = UNSEEN.parent / name
    o = evaluate_extraction(folder / "gold.jsonl", folder).overall
    assert o.tp >= found - 1
    assert o.fp <= false + 1
