"""Recurrence of themes across documents, areas and years."""

import json
import random

import pytest

from paths import OFSTED_GOLD
from reviewmine.themes.recurrence import (
    ThemedItem,
    YearCount,
    area_recurrence,
    filter_items,
    theme_recurrence,
    themed_items,
)
from reviewmine.themes.taxonomy import load_taxonomy
from reviewmine.types import Block, Document, Item, ThemeScore


def ti(item, doc, theme, area="Eastmere", year=2020, doc_type="scr"):
    return ThemedItem(item, doc, theme, doc_type, area, year, f"{doc}.pdf", 1, f"text of {item}")


def by_theme(rows):
    return {r.theme: r for r in rows}


def test_theme_in_two_documents_recurs():
    rows = by_theme(
        theme_recurrence(
            [
                ti("a1", "A", "neglect", year=2017),
                ti("a2", "A", "neglect", year=2017),
                ti("b1", "B", "neglect", area="Harrowfield", year=2021, doc_type="lcspr"),
                ti("b2", "B", "online_harm", area="Harrowfield", year=2021),
            ]
        )
    )
    neglect = rows["neglect"]
    assert neglect.recurring and neglect.n_docs == 2 and neglect.n_items == 3
    assert neglect.years == (2017, 2021) and (neglect.first_year, neglect.last_year) == (2017, 2021)
    assert neglect.areas == ("Eastmere", "Harrowfield") and neglect.recurring_areas == ()
    assert neglect.doc_types == ("lcspr", "scr")
    assert neglect.by_year == (YearCount(2017, 2, 1), YearCount(2021, 1, 1))
    assert neglect.example_item_ids == ("a1", "a2", "b1")
    assert not rows["online_harm"].recurring


def test_one_min_docs_for_recurring_across_and_within_areas():
    # One rule (area_recurrence) for 'themes', 'recurring' and the report: a theme recurs in
    # an area when min_docs documents of that area raise it, and across areas when
    # min_docs documents do; two Eastmere documents are not enough when min_docs is 3.
    items = [
        ti("a1", "A", "neglect"),
        ti("b1", "B", "neglect"),
        ti("c1", "C", "recording", area="X"),
        ti("d1", "D", "recording", area="Y"),
        ti("e1", "E", "recording", area="Y"),
    ]
    rows = by_theme(theme_recurrence(items, min_docs=3))
    assert not rows["neglect"].recurring and rows["neglect"].recurring_areas == ()
    assert rows["recording"].recurring and rows["recording"].recurring_areas == ()
    rows = by_theme(theme_recurrence(items, min_docs=2))
    assert rows["neglect"].recurring_areas == ("Eastmere",)
    assert rows["recording"].recurring_areas == ("Y",)
    assert set(area_recurrence(items, 2)) == {("neglect", "Eastmere"), ("recording", "Y")}


def test_other_is_never_recurring():
    rows = by_theme(theme_recurrence([ti("a", "A", "other"), ti("b", "B", "other")]))
    assert rows["other"].n_docs == 2 and not rows["other"].recurring
    assert rows["other"].name == "Other"


def test_filters():
    items = [
        ti("a", "A", "neglect", year=2015, doc_type="scr"),
        ti("b", "B", "neglect", year=2019, doc_type="ofsted_inspection", area="harrowfield"),
        ti("c", "C", "neglect", year=2023, doc_type="lcspr"),
        ti("d", "D", "neglect", year=None),
    ]
    assert [i.item_id for i in filter_items(items, since=2019)] == ["b", "c"]
    assert [i.item_id for i in filter_items(items, until=2019)] == ["a", "b"]
    assert [i.item_id for i in filter_items(items, doc_type=["SCR", "lcspr"])] == ["a", "c", "d"]
    assert [i.item_id for i in filter_items(items, area="Harrowfield")] == ["b"]
    assert [i.item_id for i in filter_items(items)] == ["a", "b", "c", "d"]
    (row,) = theme_recurrence(items, since=2019, until=2022)
    assert row.n_docs == 1 and not row.recurring and row.years == (2019,)


def test_order_and_output_do_not_depend_on_input_order():
    items = [
        ti(f"i{k}", f"D{k % 4}", theme, year=2015 + k % 5)
        for k, theme in enumerate(
            ["neglect", "recording", "neglect", "cse", "recording", "neglect"] * 3
        )
    ]
    expected = theme_recurrence(items)
    for seed in range(3):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert theme_recurrence(shuffled) == expected
    assert [r.theme for r in expected] == sorted(
        (r.theme for r in expected),
        key=lambda t: (-by_theme(expected)[t].n_docs, -by_theme(expected)[t].n_items, t),
    )


def test_names_from_taxonomy_or_mapping():
    items = [ti("a", "A", "neglect")]
    assert theme_recurrence(items, names=load_taxonomy())[0].name == "Neglect"
    assert (
        theme_recurrence(items, names={"neglect": "Neglect (local)"})[0].name == "Neglect (local)"
    )
    assert theme_recurrence(items)[0].name == "neglect"
    with pytest.raises(ValueError):
        theme_recurrence(items, min_docs=0)


def test_themed_items_from_store_records():
    doc = Document(
        id="d" * 64,
        file="a.pdf",
        file_name="a.pdf",
        doc_type="scr",
        title="T",
        area="Eastmere",
        date="2019-03-20",
        pages=1,
        text="x",
        blocks=(Block(index=0, page=1, kind="paragraph", text="x", end=1),),
    )
    item = Item(
        doc_id=doc.id,
        kind="finding",
        text="Neglect was missed.",
        page=3,
        heading=None,
        id="dddddddddddd:0",
    )
    orphan = Item(doc_id="missing", kind="finding", text="?", page=1, heading=None, id="m:0")
    scores = {
        item.id: (ThemeScore("neglect", 0.9, "k"), ThemeScore("recording", 0.6, "k")),
        orphan.id: (ThemeScore("neglect", 0.9, "k"),),
    }
    rows = themed_items({doc.id: doc}, [item, orphan], scores)
    assert [(r.theme, r.year, r.area, r.page, r.file) for r in rows] == [
        ("neglect", 2019, "Eastmere", 3, "a.pdf"),
        ("recording", 2019, "Eastmere", 3, "a.pdf"),
    ]


# ---------------------------------------------------------------- real Ofsted gold

REPEAT_INSPECTIONS = [
    "Norfolk",
    "Bexley",
    "Cornwall",
    "Sunderland",
    "Thurrock",
    "North Lincolnshire",
]


def gold_themed_items():
    rows = []
    for line in OFSTED_GOLD.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for item in doc["items"]:
            for theme in item["themes"]:
                rows.append(
                    ThemedItem(
                        item_id=f"{doc['file']}:{item['n']}",
                        doc_id=doc["file"],
                        theme=theme,
                        doc_type="ofsted_inspection",
                        area=doc["local_authority"],
                        year=int(doc["inspection_date"][:4]),
                        file=doc["file"],
                        page=item["page"],
                        text=item["text"],
                    )
                )
    return rows


def shared_within_area(rows):
    docs = {}
    for r in rows:
        docs.setdefault((r.area, r.theme), set()).add(r.doc_id)
    return {key for key, ds in docs.items() if len(ds) >= 2}


def test_real_gold_repeat_inspections_recur():
    rows = gold_themed_items()
    shared = shared_within_area(rows)
    result = by_theme(theme_recurrence(rows, names=load_taxonomy()))
    for area in REPEAT_INSPECTIONS:
        expected = {theme for a, theme in shared if a == area}
        found = {t for t, r in result.items() if area in r.recurring_areas}
        assert found == expected, area
        assert all(result[t].recurring for t in found)
        # Looked at one authority alone, the same themes recur.
        alone = {r.theme for r in theme_recurrence(rows, area=area) if r.recurring}
        assert alone == expected, area
    # Facts of the set: care recurs across all four Norfolk inspections, planning across Bexley's
    # three; North Lincolnshire's 2022 report has no items, so nothing recurs there.
    assert "Norfolk" in result["children_in_care"].recurring_areas
    assert {"Bexley", "Cornwall", "Sunderland"} <= set(result["assessment_quality"].recurring_areas)
    assert all("North Lincolnshire" not in r.recurring_areas for r in result.values())
    norfolk = theme_recurrence(rows, area="norfolk")
    care = by_theme(norfolk)["children_in_care"]
    assert care.n_docs == 4 and care.years == (2013, 2015, 2017, 2022)


@pytest.mark.slow
def test_recurrence_from_model_themes_on_real_gold():
    """End to end with the shipped theme model instead of gold labels."""
    from reviewmine.embedding.embedders import load_embedder
    from reviewmine.evaluation.themes import load_gold
    from reviewmine.themes.classifier import ThemeModel

    items = load_gold([OFSTED_GOLD])
    emb = load_embedder("minilm")
    texts = [it.text for it in items]
    assigned = ThemeModel.load().assign(texts, emb.embed(texts), embedder_id=emb.model_id)
    rows = [
        ThemedItem(
            f"{it.doc}:{k}",
            it.doc,
            s.theme,
            "ofsted_inspection",
            it.group,
            it.year,
            it.doc,
            1,
            it.text,
        )
        for k, (it, scores) in enumerate(zip(items, assigned))
        for s in scores
    ]
    result = by_theme(theme_recurrence(rows))
    # the gold's group is the authority's slug ("norfolk"), the key of grouped cross-validation
    for area in ("norfolk", "bexley", "cornwall"):
        assert area in result["children_in_care"].recurring_areas
    for area in ("bexley", "cornwall", "sunderland"):
        assert area in result["assessment_quality"].recurring_areas
