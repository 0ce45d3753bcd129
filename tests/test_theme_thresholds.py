"""Decision thresholds tuned by grouped CV inside the training items (never on scored items)."""

import numpy as np
import pytest

from reviewmine.embedding.embedders import HashingEmbedder
from reviewmine.themes.classifier import (
    OTHER,
    THRESHOLD_GRID,
    LexiconTagger,
    decide,
    train_theme_model,
)
from reviewmine.themes.taxonomy import load_taxonomy

# Items whose keywords and classifier disagree, so the thresholds matter.
TEMPLATES = {
    "children_in_care": [
        "Improve the stability of placements for children looked after {x}.",
        "Ensure pathway plans for care leavers are reviewed {x}.",
        "Increase the sufficiency of foster carers {x}.",
        "Children in care should see their independent reviewing officer {x}.",
    ],
    "supervision_oversight": [
        "Strengthen management oversight of casework {x}.",
        "Ensure supervision of social workers is regular and reflective {x}.",
        "Managers should record the rationale for their decisions {x}.",
        "Team managers need to challenge drift in plans {x}.",
    ],
    "performance_data_qa": [
        "Ensure case audits evaluate the quality of practice {x}.",
        "Improve the accuracy of performance data {x}.",
        "Develop a quality assurance framework {x}.",
        "Audit findings should lead to learning for the placements team {x}.",
    ],
}
PLACES = [
    "in all teams",
    "across the service",
    "promptly",
    "for every child",
    "in the north",
    "each month",
]


def synthetic(n_groups: int = 6):
    texts, labels, groups = [], [], []
    for g in range(n_groups):
        for theme, templates in TEMPLATES.items():
            for k, template in enumerate(templates):
                texts.append(template.format(x=PLACES[(g + k) % len(PLACES)]))
                labels.append([theme])
                groups.append(f"LA{g}")
    return texts, labels, groups


@pytest.fixture(scope="module")
def tuned():
    emb = HashingEmbedder(128)
    texts, labels, groups = synthetic()
    model = train_theme_model(
        texts,
        labels,
        emb.embed(texts),
        load_taxonomy(),
        embedder=emb,
        min_positives=10,
        groups=groups,
    )
    return emb, model


def test_thresholds_come_from_the_grid_and_are_recorded(tuned):
    _, model = tuned
    record = model.training["threshold_tuning"]
    assert record["inner_folds"] == "GroupKFold(3) on local authority"
    assert record["chosen"] == {
        "confirm": model.confirm_threshold,
        "confirm_long": model.confirm_threshold_long,
        "add": model.add_threshold,
    }
    for key, value in record["chosen"].items():
        assert value in THRESHOLD_GRID[key]
    assert 0.0 < record["inner_objective"] <= 1.0 and "macro-F1" in record["objective"]


def test_tuning_is_deterministic_and_uses_only_the_items_given(tuned):
    emb, model = tuned
    texts, labels, groups = synthetic()
    again = train_theme_model(
        texts,
        labels,
        emb.embed(texts),
        load_taxonomy(),
        embedder=emb,
        min_positives=10,
        groups=groups,
    )
    assert again.training["threshold_tuning"] == model.training["threshold_tuning"]
    # Without groups the given thresholds are kept (nothing to tune them on honestly).
    plain = train_theme_model(
        texts,
        labels,
        emb.embed(texts),
        load_taxonomy(),
        embedder=emb,
        min_positives=10,
        confirm_threshold=0.45,
    )
    assert plain.confirm_threshold == 0.45 and "threshold_tuning" not in plain.training


def test_vectorised_rule_matches_assign(tuned):
    # The tuner scores thresholds with decide(); it must make the decisions assign() makes.
    emb, model = tuned
    texts, _, _ = synthetic(3)
    texts += [
        "The weather was fine.",
        "Placements and supervision of foster carers in care.",
        "Audit of oversight " * 30,
    ]
    vectors = emb.embed(texts)
    active = [t.id for t in model.taxonomy if t.id != OTHER]
    lexicon = LexiconTagger(model.taxonomy)
    hits = np.array([[t in lexicon.matches(x) for t in active] for x in texts])
    probs = np.full((len(texts), len(active)), np.nan)
    p = model.probabilities(vectors, texts)
    for j, theme in enumerate(model.classifier_themes):
        probs[:, active.index(theme)] = p[:, j]
    on_topic = (np.asarray(vectors, np.float32) @ model.example_vectors.T).max(
        axis=1
    ) >= model.fallback_min_similarity
    pred = decide(
        hits,
        probs,
        np.array([len(x) >= model.long_item_chars for x in texts]),
        on_topic,
        confirm=model.confirm_threshold,
        confirm_long=model.confirm_threshold_long,
        add=model.add_threshold,
        fallback=model.fallback_threshold,
    )
    expected = [{s.theme for s in scores} for scores in model.assign(texts, vectors)]
    got = [{active[j] for j in np.flatnonzero(row)} or {OTHER} for row in pred]
    assert got == expected
    assert expected[-3] == {OTHER}  # the off-topic sentence


def test_fallback_thresholds_are_tuned_when_the_grid_names_them(monkeypatch):
    # The fallback rule's thresholds join the tuning only when the grid lists them
    # (scripts/themes_experiments.py fallback); the model then applies what was chosen.
    from reviewmine.themes import classifier

    grid = {**THRESHOLD_GRID, "fallback": (0.2, 0.9), "fallback_min_similarity": (0.0, 0.99)}
    monkeypatch.setattr(classifier, "THRESHOLD_GRID", grid)
    emb = HashingEmbedder(128)
    texts, labels, groups = synthetic()
    model = train_theme_model(
        texts,
        labels,
        emb.embed(texts),
        load_taxonomy(),
        embedder=emb,
        min_positives=10,
        groups=groups,
    )
    chosen = model.training["threshold_tuning"]["chosen"]
    assert set(chosen) == {"confirm", "confirm_long", "add", "fallback", "fallback_min_similarity"}
    assert chosen["fallback"] in grid["fallback"]
    assert chosen["fallback_min_similarity"] in grid["fallback_min_similarity"]
    assert model.fallback_threshold == chosen["fallback"]
    assert model.fallback_min_similarity == chosen["fallback_min_similarity"]
