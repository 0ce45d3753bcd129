"""A theme's example is its most representative item, and no item illustrates two themes."""

import numpy as np

from reviewmine.themes.examples import pick_examples


def unit(*xs):
    v = np.array(xs, dtype=float)
    return v / np.linalg.norm(v)


def test_one_escalation_item_does_not_illustrate_three_themes():
    # The bug seen on the demo: one item carrying three themes was every theme's example.
    scores = {
        "esc": {"escalation_challenge": 0.99, "multi_agency_working": 0.99, "recording": 0.99},
        "maw": {"multi_agency_working": 0.9},
        "rec": {"recording": 0.9},
    }
    members = {
        "escalation_challenge": ["esc"],
        "multi_agency_working": ["esc", "maw"],
        "recording": ["esc", "rec"],
    }
    vectors = {k: unit(1, 0) for k in scores}
    picks = pick_examples(
        ["escalation_challenge", "multi_agency_working", "recording"], members, scores, vectors, n=1
    )
    assert picks == {
        "escalation_challenge": ("esc",),
        "multi_agency_working": ("maw",),
        "recording": ("rec",),
    }


def test_central_item_beats_an_outlier_with_the_same_score():
    # CSE illustrated by a criminal-exploitation sentence: an outlier among the CSE items.
    members = {"cse": ["a", "b", "c", "outlier"]}
    scores = {i: {"cse": 0.9} for i in members["cse"]}
    vectors = {"a": unit(1, 0.1), "b": unit(1, -0.1), "c": unit(1, 0), "outlier": unit(0, 1)}
    picks = pick_examples(["cse"], members, scores, vectors, n=4)
    assert picks["cse"][0] != "outlier" and picks["cse"][-1] == "outlier"


def test_an_item_mainly_about_another_theme_ranks_lower():
    members = {"neglect": ["mostly_cic", "neglect_item"]}
    scores = {
        "mostly_cic": {"neglect": 0.8, "children_in_care": 0.95},
        "neglect_item": {"neglect": 0.75},
    }
    picks = pick_examples(["neglect"], members, scores, {}, n=1)
    assert picks["neglect"] == ("neglect_item",)
