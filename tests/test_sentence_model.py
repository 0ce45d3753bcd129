"""The sentence-level units and features of the measured (not adopted) running-text model."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from reviewmine.evaluation.sentence_units import FLAGS, N_HASH, featurize, unit_kind, units
from reviewmine.ingest import parse_file


def doc_of(tmp_path: Path, text: str):
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return parse_file(path)[0]


def test_paragraph_sentences_and_list_entries_are_units(tmp_path):
    doc = doc_of(
        tmp_path,
        "# Learning from the review\n\nThe review looked at six months of contact with the family. "
        "Health visitors did not share the concerns they held about the home. "
        "Ok then.\n\nThe partnership should now:\n\n"
        "• agree a pathway for parents who misuse alcohol\n\n"
        "• audit strategy meetings held without the police\n",
    )
    got = [u.text for u in units(doc)]
    assert got[:2] == [
        "The review looked at six months of contact with the family.",
        "Health visitors did not share the concerns they held about the home.",
    ]
    assert "Ok then." not in got  # fewer than 4 words: no unit
    entries = [u for u in units(doc) if u.block.kind == "list_item"]
    assert [u.text for u in entries] == [
        "agree a pathway for parents who misuse alcohol",
        "audit strategy meetings held without the police",
    ]
    assert entries[0].first_in_list and entries[0].after_colon and not entries[1].first_in_list


def test_features_set_grammar_flags(tmp_path):
    doc = doc_of(
        tmp_path,
        "# Recommendations\n\nThe Panel recommends that agencies must share records. "
        "The child lived with her mother and two brothers.\n",
    )
    us = units(doc)
    x = featurize(us).toarray()
    assert x.shape == (2, N_HASH + len(FLAGS))
    flag = {name: N_HASH + n for n, name in enumerate(FLAGS)}
    assert x[0, flag["modal"]] == 1 and x[0, flag["recommend_verb"]] == 1
    assert x[1, flag["modal"]] == 0 and x[1, flag["recommend_verb"]] == 0
    assert np.isclose(np.linalg.norm(x[0, :N_HASH]), 1.0)  # word part L2-normalised
    assert unit_kind(us[0]) == "recommendation"
