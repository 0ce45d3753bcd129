""" "Raised again despite a completed action": the rule's parts on small hand-built cases.

The embedder here is a bag of word stems, so each test controls which words mean the
same; the real-model figures are in evaluation/tracker/README.md (slow tests in
test_match.py).
"""

import sys
from collections.abc import Sequence

import numpy as np
import pytest

from paths import CORPUS
from reviewmine.store import Store
from reviewmine.tracker.despite import DespiteParams, find_despite_complete, soft_shared
from reviewmine.tracker.refs import ActionRef, Link, item_ref
from reviewmine.tracker.text import content_tokens
from reviewmine.types import Document, Item


def bag_embedder(same: dict[str, str] | None = None):
    """Texts -> counts of their word stems; *same* maps a stem onto another one (words
    the embedder takes to mean the same)."""
    same = same or {}
    vocab: dict[str, int] = {}

    def embed(texts: Sequence[str]) -> np.ndarray:
        rows = []
        for t in texts:
            v = np.zeros(512)
            for w in content_tokens(t):
                v[vocab.setdefault(same.get(w, w), len(vocab))] += 1.0
            rows.append(v)
        return np.asarray(rows)

    return embed


def doc(key: str, name: str, date: str, pseudonym: str | None, area: str = "Eastmere"):
    return Document(
        id=key * 64,
        file=name,
        file_name=name,
        doc_type="lcspr",
        title=name,
        area=area,
        date=date,
        pages=5,
        text="",
        blocks=(),
        pseudonym=pseudonym,
    )


def item(d: Document, n: int, kind: str, text: str) -> Item:
    return Item(
        doc_id=d.id, kind=kind, text=text, page=2, heading=None, ordinal=n, id=f"{d.id[:12]}:{n}"
    )


def completed(action_id: str, text: str, answered: Item, d: Document, row: int = 2) -> Link:
    a = ActionRef(
        action_id, "tracker.xlsx", "Actions", row, None, text, None, None, "Complete", "complete"
    )
    return Link(a, item_ref(answered, d), 0.9, "test")


LOW = DespiteParams(threshold=0.2)  # the bag embedder scores lower than MiniLM


def later_texts(cases):
    return [[e.item.text for e in c.later] for c in cases]


def test_regression_an_annual_report_retelling_the_review_is_not_raised_again():
    """The scrutineer's "the Baby L review found that ..." retells events from before the
    action; the same report asking to test that learning, and a new case that repeats it,
    raise it again."""
    lcspr = doc("a", "eastmere_lcspr_baby-l_2023.pdf", "2023-03-15", "Baby L")
    annual = doc("b", "eastmere_scrutineer-annual-report_2024.pdf", "2024-11-19", None)
    review = doc("c", "eastmere_rapid-review_child-p_2024.docx", "2024-06-01", "Child P")
    rec = item(
        lcspr,
        0,
        "recommendation",
        "Seek assurance that the pre-birth protocol is applied by midwives.",
    )
    retold = item(
        annual, 0, "finding", "The Baby L review found that the pre-birth protocol was not applied."
    )
    asked = item(
        annual,
        1,
        "recommendation",
        "Test through audit that the Baby L review's "
        "learning about the pre-birth protocol is applied.",
    )
    repeated = item(
        review, 0, "finding", "As in the Baby L review, the pre-birth protocol was not applied."
    )
    links = [completed("L-1b", "Pre-birth protocol training for midwives", rec, lcspr)]
    cases = find_despite_complete(
        links, [rec, retold, asked, repeated], [lcspr, annual, review], bag_embedder(), LOW
    )
    assert [c.action.action_id for c in cases] == ["L-1b"]
    assert sorted(later_texts(cases)[0]) == sorted([asked.text, repeated.text])


def test_a_specific_word_said_in_other_words_counts_only_when_the_embedder_says_so():
    """ "the men caring for the baby" raises "engaging fathers and male carers" again
    although no specific stem is shared, when the embedder puts "men" by "male"."""
    scr = doc("a", "eastmere_scr_child-d_2017.pdf", "2017-06-14", "Child D")
    lcspr = doc("b", "eastmere_lcspr_baby-l_2023.pdf", "2023-03-15", "Baby L")
    rec = item(scr, 0, "recommendation", "Produce guidance on engaging fathers and male carers.")
    later = item(lcspr, 0, "finding", "Professionals did not assess the men caring for the baby.")
    links = [completed("D-3", "Publish guidance on engaging fathers and male carers", rec, scr)]
    args = (links, [rec, later], [scr, lcspr])
    assert find_despite_complete(*args, bag_embedder(), LOW) == []
    (case,) = find_despite_complete(*args, bag_embedder({"men": "male", "caring": "carer"}), LOW)
    (ev,) = case.later
    assert ev.item.text == later.text and {"men", "caring"} <= set(ev.words)
    assert 0 <= ev.score <= 1


def test_soft_shared_takes_the_nearest_later_word_above_the_floor():
    v = {
        w: np.asarray(x, dtype=float) / np.linalg.norm(x)
        for w, x in {
            "male": [1, 0.1, 0],
            "men": [1, 0, 0],
            "father": [0.6, 0.8, 0],
            "bruis": [0, 0, 1],
        }.items()
    }
    assert soft_shared({"male", "bruis"}, {"men", "father"}, v, 0.9) == {"male": "men"}
    assert soft_shared({"male"}, {"male", "men"}, v, 0.9) == {}  # shared exactly: not soft
    assert soft_shared({"bruis"}, {"men"}, v, 0.5) == {}


def test_one_later_item_raises_two_actions_only_when_it_names_each_ones_subject():
    """Past the margin an action still counts when the later item shares a word with it
    that the best action does not share (its own subject); a word both share is not enough."""
    rr = doc("a", "eastmere_rapid-review_child-t_2023.docx", "2023-07-20", "Child T")
    annual = doc("b", "eastmere_scrutineer-annual-report_2024.pdf", "2024-11-19", None)
    check = item(rr, 0, "action", "Add an exploitation check to the exclusion protocol.")
    invite = item(
        rr, 1, "action", "Invite alternative provision to exploitation strategy meetings."
    )
    both = item(
        annual,
        0,
        "recommendation",
        "Screen children at risk of exclusion for "
        "exploitation, and invite alternative provision to strategy meetings.",
    )
    one = item(
        annual,
        1,
        "recommendation",
        "Invite alternative provision to every exploitation strategy meeting.",
    )
    links = [
        completed("RR-T1", "Exploitation check added to the exclusion protocol", check, rr),
        completed(
            "RR-T3",
            "Invite alternative provision to exploitation strategy meetings",
            invite,
            rr,
            row=3,
        ),
    ]
    strict = DespiteParams(threshold=0.2, item_margin=0.0, own_subject_extra=0.0)
    cases = find_despite_complete(
        links, [check, invite, both, one], [rr, annual], bag_embedder(), strict
    )
    later = {c.action.action_id: sorted(e.item.text for e in c.later) for c in cases}
    assert later == {"RR-T1": [both.text], "RR-T3": sorted([both.text, one.text])}
    # without the exemption the item goes to its best action only
    only_best = find_despite_complete(
        links,
        [check, invite, both, one],
        [rr, annual],
        bag_embedder(),
        DespiteParams(threshold=0.2, item_margin=0.0, own_subject_extra=9),
    )
    assert [c.action.action_id for c in only_best] == ["RR-T3"]


@pytest.mark.slow
def test_regression_corpus_retold_finding_and_two_subject_item(tmp_path):
    """On the corpus with MiniLM: the scrutineer's retelling of the Baby L review is not
    "raised again" for the pre-birth actions, while its request to test that learning is; the
    exclusions item raises both Child T actions (each has a word of its own in it)."""
    from reviewmine.embedding.embedders import load_embedder
    from reviewmine.ingest import ingest_paths
    from reviewmine.tracker.importer import import_tracker
    from reviewmine.tracker.matching import match_tracker

    with Store.open(tmp_path / "corpus.db") as store:
        ingest_paths([CORPUS], store)
        import_tracker(store, CORPUS / "tracker.xlsx")
        cases = match_tracker(store, load_embedder("minilm")).recurring_despite_complete
    later = {c.action.action_id: [e.item.text for e in c.later] for c in cases}
    for action in ("L-1b", "RR-L1"):
        assert any(
            t.startswith("The partnership should ensure that the learning from the Baby L")
            for t in later[action]
        )
        assert not any(t.startswith("The Baby L review found") for t in later[action])
    for action in ("RR-T1", "RR-T3"):
        assert any("excluded from school" in t for t in later[action]), later.get(action)


def _scored(theme: str, score: float = 0.8):
    from reviewmine.types import ThemeScore

    return (ThemeScore(theme, score, "test"),)


def _fathers_case():
    scr = doc("a", "eastmere_scr_child-d_2017.pdf", "2017-06-14", "Child D")
    lcspr = doc("b", "eastmere_lcspr_baby-l_2023.pdf", "2023-03-15", "Baby L")
    rec = item(scr, 0, "recommendation", "Produce guidance on engaging fathers and male carers.")
    later = item(lcspr, 0, "finding", "Fathers and male carers were not engaged by any agency.")
    links = [completed("D-3", "Publish guidance on engaging fathers and male carers", rec, scr)]
    return links, [rec, later], [scr, lcspr], rec, later


def test_a_later_item_sharing_no_theme_with_the_earlier_ones_is_not_raised_again():
    """Sharing the subject implies sharing the theme: with themes stored, a later item
    none of whose themes the earlier items have is not a case; without themes (or with
    the gate off) the words and meaning decide alone."""
    links, items, docs, rec, later = _fathers_case()
    same = {rec.id: _scored("fathers_male_carers"), later.id: _scored("fathers_male_carers")}
    other = {rec.id: _scored("fathers_male_carers"), later.id: _scored("voice_of_child")}
    emb = bag_embedder()
    assert len(find_despite_complete(links, items, docs, emb, LOW)) == 1
    assert len(find_despite_complete(links, items, docs, emb, LOW, themes=same)) == 1
    assert find_despite_complete(links, items, docs, emb, LOW, themes=other) == []
    ungated = DespiteParams(threshold=0.2, theme_gate=False)
    assert len(find_despite_complete(links, items, docs, emb, ungated, themes=other)) == 1
    # an earlier item without a stored theme says nothing against the later one
    assert len(find_despite_complete(links, items, docs, emb, LOW, themes={later.id: ()})) == 1


def test_candidate_features_are_named_bounded_and_decide_the_cases():
    """Every candidate carries one value per FEATURES name; the rule's decision on the
    candidates is exactly the cases find_despite_complete reports."""
    from reviewmine.tracker.despite import FEATURES, despite_candidates, rule_accepts

    links, items, docs, _rec, later = _fathers_case()
    noise = item(docs[1], 1, "finding", "The school nurse did not record the bruising.")
    done, cands = despite_candidates(links, [*items, noise], docs, bag_embedder(), LOW)
    assert len(done) == 1 and {c.item.id for c in cands} == {later.id, noise.id}
    f = {c.item.id: dict(zip(FEATURES, c.features, strict=True)) for c in cands}
    assert all(len(c.features) == len(FEATURES) for c in cands)
    assert f[later.id]["shared"] >= 2 and f[noise.id]["shared"] == 0
    assert f[noise.id]["rule_score"] == 0  # no specific word in common: never a case
    for v in f.values():
        assert 0 <= v["idf_cover"] <= 1 and 0 <= v["align_earlier"] <= 1
        assert v["later_asks"] == 0 and v["theme_agree"] == 1
    assert f[later.id]["align_earlier"] > f[noise.id]["align_earlier"]
    accepted = [c.item.id for c in cands if rule_accepts(c, LOW)]
    cases = find_despite_complete(links, [*items, noise], docs, bag_embedder(), LOW)
    assert accepted == [e.item.item_id for c in cases for e in c.later] == [later.id]


def test_the_training_script_measures_the_shipped_rule():
    """scripts/train_despite.py judges candidates as arrays; its rule must be the rule
    find_despite_complete applies, or its figures would describe another rule."""
    from reviewmine.tracker.despite import despite_candidates, rule_accepts

    script = _load_training_script()
    links, items, docs, rec, _later = _fathers_case()
    other = item(docs[1], 1, "finding", "Male carers were not seen, and fathers not engaged.")
    themes = {rec.id: _scored("fathers_male_carers"), other.id: _scored("voice_of_child")}
    outcomes = set()
    for params in (LOW, DespiteParams(threshold=0.2, theme_gate=False), DespiteParams()):
        _, cands = despite_candidates(
            links, [*items, other], docs, bag_embedder(), params, themes=themes
        )
        x = np.array([c.features for c in cands])
        want = [rule_accepts(c, params) for c in cands]
        assert list(script.rule_judge(params)(x)) == want
        outcomes |= {(params.theme_gate, c.item.id, w) for c, w in zip(cands, want, strict=True)}
    # both decisions were exercised: the theme gate rejects the other-theme item
    assert (True, other.id, False) in outcomes and (False, other.id, True) in outcomes


def _load_training_script():
    import importlib.util

    from paths import ROOT

    spec = importlib.util.spec_from_file_location(
        "train_despite", ROOT / "scripts" / "train_despite.py"
    )
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    sys.modules["train_despite"] = script  # its dataclasses look their module up
    spec.loader.exec_module(script)
    return script


def test_the_change_term_replaces_meaning_and_compares_each_later_item_with_its_best():
    """The training script's change term: score + w x (change meaning - meaning) where the
    rule scores at all, and the gap to the best action is taken per later item again."""
    from reviewmine.tracker.despite import CHANGE_FEATURES, FEATURES

    script = _load_training_script()
    x = np.zeros((3, len(FEATURES) + len(CHANGE_FEATURES)))
    col = {n: i for i, n in enumerate((*FEATURES, *CHANGE_FEATURES))}
    x[:, col["rule_score"]] = [0.8, 0.7, 0.0]
    x[:, col["meaning"]] = [0.5, 0.3, 0.2]
    x[:, col["change_meaning"]] = [0.3, 0.6, 0.9]
    out = script.with_change_terms(x, np.array(["a", "a", "b"]))
    got = dict(zip(script.COLUMNS, out.T, strict=True))
    np.testing.assert_allclose(got["rule_score_w1.0"], [0.6, 1.0, 0.0])
    np.testing.assert_allclose(got["gap_to_best_w1.0"], [-0.4, 0.0, 0.0])
    np.testing.assert_allclose(got["rule_score_w0.5"], [0.7, 0.85, 0.0])
    np.testing.assert_allclose(out[:, : x.shape[1]], x)  # the features themselves unchanged


@pytest.mark.slow
def test_asked_changes_keep_the_change_and_drop_who_is_asked():
    """spaCy's parse: past "should ensure that" to the clause that says the change, an
    imperative as it stands, and a statement's main clause without who acted."""
    from reviewmine.tracker.despite import asked_changes

    ensure, imperative, statement, two = asked_changes(
        [
            "The partnership should ensure that pre-birth assessments include the father.",
            "Review the escalation procedure.",
            "The midwife did not escalate her concern about the baby.",
            "Agencies must record who lives in the home. Publish the new neglect toolkit.",
        ]
    )
    assert len(ensure) == 1 and "partnership" not in ensure[0].phrase
    assert {"include", "father"} <= set(ensure[0].heads) and "birth" in ensure[0].phrase
    assert imperative[0].phrase.split() == ["Review", "escalation", "procedure"]
    assert "midwife" not in statement[0].phrase and "escalate" in statement[0].heads
    assert len(two) == 2 and "Agencies" not in two[0].phrase and "toolkit" in two[1].phrase


@pytest.mark.slow
def test_change_features_are_added_on_request_and_leave_the_rule_alone():
    """with_change adds CHANGE_FEATURES after FEATURES; the rule decides as without them."""
    from reviewmine.tracker.despite import (
        CHANGE_FEATURES,
        FEATURES,
        despite_candidates,
        rule_accepts,
    )

    links, items, docs, _rec, later = _fathers_case()
    noise = item(docs[1], 1, "finding", "The school nurse did not record the bruising.")
    pool = [*items, noise]
    _, plain = despite_candidates(links, pool, docs, bag_embedder(), LOW)
    _, cands = despite_candidates(links, pool, docs, bag_embedder(), LOW, with_change=True)
    assert all(len(c.features) == len(FEATURES) + len(CHANGE_FEATURES) for c in cands)
    assert [c.features[: len(FEATURES)] for c in cands] == [c.features for c in plain]
    assert [rule_accepts(c, LOW) for c in cands] == [rule_accepts(c, LOW) for c in plain]
    f = {c.item.id: dict(zip(CHANGE_FEATURES, c.features[len(FEATURES) :])) for c in cands}
    # "engaging fathers and male carers" against "fathers and male carers were not engaged"
    assert f[later.id]["change_shared"] >= 2 and f[noise.id]["change_shared"] == 0
    assert f[later.id]["change_meaning"] > f[noise.id]["change_meaning"]


def _load_script(name: str):
    import importlib.util

    from paths import ROOT

    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    sys.modules[name] = script  # its dataclasses look their module up
    spec.loader.exec_module(script)
    return script


def test_the_variants_script_measures_the_shipped_rule():
    """scripts/recurring_variants.py scores each variant with the rule's own checks; with
    the rule's own meaning ('whole') it must take the rule's decisions, or its baseline
    row would describe another rule."""
    from reviewmine.tracker.despite import FEATURES, despite_candidates, rule_accepts

    script = _load_script("recurring_variants")
    links, items, docs, rec, later = _fathers_case()
    other = item(docs[1], 1, "finding", "Male carers were not seen, and fathers not engaged.")
    themes = {rec.id: _scored("fathers_male_carers"), other.id: _scored("voice_of_child")}
    _, cands = despite_candidates(links, [*items, other], docs, bag_embedder(), LOW, themes=themes)
    x = np.array([c.features for c in cands])
    col = {n: i for i, n in enumerate(FEATURES)}
    n = len(cands)
    pairs = script.Pairs(
        "t",
        x,
        np.zeros(n, dtype=int),
        np.array(["t:D-3"] * n),
        np.array([f"t:{c.doc.id}" for c in cands]),
        np.array([f"t:{c.item.id}" for c in cands]),
        1,
        {"whole": x[:, col["meaning"]]},
    )
    s, gap = script.variant_scores(pairs, "whole")
    np.testing.assert_allclose(s, x[:, col["rule_score"]])
    np.testing.assert_allclose(gap, x[:, col["gap_to_best"]])
    got = script.accept(s, gap, x, LOW.threshold, LOW.item_margin)
    want = [rule_accepts(c, LOW) for c in cands]
    assert list(got) == want
    # both decisions were exercised: the other-theme item is rejected, the later one kept
    assert dict(zip([c.item.id for c in cands], want, strict=True)) == {
        later.id: True,
        other.id: False,
    }


def test_a_variant_blend_replaces_meaning_and_recomputes_each_later_items_best():
    """'a+b:w' puts (1 - w) a + w b in place of the rule's meaning where the rule scores at
    all (a shared specific word), and the gap to the later item's best action follows."""
    from reviewmine.tracker.despite import FEATURES

    script = _load_script("recurring_variants")
    col = {n: i for i, n in enumerate(FEATURES)}
    x = np.zeros((3, len(FEATURES)))
    x[:, col["rule_score"]] = [0.8, 0.7, 0.0]
    x[:, col["meaning"]] = [0.5, 0.3, 0.2]
    pairs = script.Pairs(
        "t",
        x,
        np.zeros(3, dtype=int),
        np.array(["t:A", "t:B", "t:A"]),
        np.array(["t:d"] * 3),
        np.array(["t:i1", "t:i1", "t:i2"]),
        1,
        {"whole": x[:, col["meaning"]], "clause": np.array([0.1, 0.9, 0.9])},
    )
    s, gap = script.variant_scores(pairs, "whole+clause:0.25")
    # 0.8 - 0.5 + (0.75 x 0.5 + 0.25 x 0.1) = 0.7; 0.7 - 0.3 + (0.225 + 0.225) = 0.85
    np.testing.assert_allclose(s, [0.7, 0.85, 0.0])
    np.testing.assert_allclose(gap, [-0.15, 0.0, 0.0])


def test_the_finding_behind_a_recommendation_is_its_mutual_best_match():
    """scripts/recurring_structure.py pairs a recommendation with the finding of its own
    document that it answers only when each is the other's closest."""
    script = _load_script("recurring_structure")
    scr = doc("a", "eastmere_scr_child-d_2017.pdf", "2017-06-14", "Child D")
    r1 = item(scr, 0, "recommendation", "Engage fathers and male carers in assessments.")
    r2 = item(scr, 1, "recommendation", "Relaunch the escalation procedure for practitioners.")
    f1 = item(scr, 2, "finding", "Fathers and male carers were not engaged in assessments.")
    f2 = item(scr, 3, "finding", "Bruising in a baby was not referred.")
    emb = bag_embedder()

    def unit(texts):
        v = emb(texts)
        return v / np.linalg.norm(v, axis=1, keepdims=True).clip(1e-12)

    behind = script.findings_behind([r1, r2, f1, f2], unit, min_cos=0.3)
    assert {k: v.id for k, v in behind.items()} == {r1.id: f1.id}
