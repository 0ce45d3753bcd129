"""`similar` ranks by meaning plus agreement of themes and kind."""

import numpy as np

from reviewmine.search.similar import agreement, similarity_scores, theme_set


def unit(*xs):
    v = np.array(xs, dtype=float)
    return v / np.linalg.norm(v)


def test_a_neglect_item_prefers_neglect_over_equally_worded_placement_items():
    # The demo bug: a neglect item's nearest neighbours by prose alone were placement items.
    vectors = np.stack([unit(1, 0.0), unit(1, 0.05), unit(1, 0.15)])
    themes = [
        theme_set(["neglect", "assessment_quality"]),
        theme_set(["children_in_care"]),  # closer in wording
        theme_set(["neglect"]),
    ]
    kinds = ["recommendation"] * 3
    cosine_only = similarity_scores(vectors, 0, themes, kinds, theme_weight=0, kind_weight=0)
    assert cosine_only[1] > cosine_only[2]
    scores = similarity_scores(vectors, 0, themes, kinds)
    assert scores[2] > scores[1]


def test_other_and_missing_themes_give_no_bonus():
    q = theme_set(["other"])
    assert q == frozenset()
    bonus = agreement(
        q,
        [theme_set(["other"]), None],
        "finding",
        ["finding", "recommendation"],
        theme_weight=1.0,
        kind_weight=0.1,
    )
    assert bonus.tolist() == [0.1, 0.0]
