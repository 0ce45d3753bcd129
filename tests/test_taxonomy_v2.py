"""Taxonomy v2: new themes, version and hash stamps, v1-style user files, every gold layout."""

import json

import pytest

from paths import SHARED
from reviewmine.evaluation.themes import load_gold
from reviewmine.themes.taxonomy import LexiconTagger, load_taxonomy

V2_THEMES = (
    "sexual_abuse",
    "physical_abuse",
    "offender_risk",
    "private_fostering",
    "allegations_lado",
    "housing_homelessness",
    "young_carers",
)
REAL = SHARED / "real"


def test_default_is_v2_with_the_seven_new_themes():
    tax = load_taxonomy()
    assert tax.version == 2
    assert set(V2_THEMES) <= set(tax.ids)
    assert tax.stamp == f"v2:{tax.digest}" and len(tax.digest) == 16


def test_digest_changes_with_any_user_change(tmp_path):
    base = load_taxonomy()
    path = tmp_path / "t.toml"
    path.write_text('[themes.neglect]\nname = "Neglect and cumulative harm"\n', encoding="utf-8")
    renamed = load_taxonomy(path)
    assert renamed.digest != base.digest
    assert load_taxonomy(path).digest == renamed.digest  # stable across loads


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("The response to 16- and 17-year-olds who present as homeless.", "housing_homelessness"),
        ("Support and oversight of children who are privately fostered.", "private_fostering"),
        ("The timeliness of the LADO's response to allegations against staff.", "allegations_lado"),
        ("Risks posed by registered sex offenders living with children.", "offender_risk"),
        # Practitioners' words for the same risk: a release back into the household, a record.
        ("Children's services were not told before his release from prison.", "offender_risk"),
        ("A partner released early from custody moved into the home.", "offender_risk"),
        ("The stepfather's history of violence was not checked.", "offender_risk"),
        ("Support for children who display harmful sexual behaviour.", "sexual_abuse"),
        ("Child protection medicals for children with physical injuries.", "physical_abuse"),
        ("Young carers are identified and offered an assessment.", "young_carers"),
    ],
)
def test_lexicon_names_the_new_themes(text, theme):
    assert theme in LexiconTagger(load_taxonomy()).matches(text)


def test_v1_style_user_file_still_loads(tmp_path):
    # A user who, under v1, copied the default's layout, renamed a theme, dropped one and
    # added private fostering themselves (v1 had no such theme).
    path = tmp_path / "mine.toml"
    path.write_text(
        """version = 1

[themes.neglect]
name = "Neglect and cumulative harm"
keywords = ["neglect", "cumulative harm"]

[themes.online_harm]
drop = true

[themes.private_fostering]
name = "Privately fostered children"
description = "Children living in private fostering arrangements."
keywords = ["private fostering", "privately fostered"]

[themes.radicalisation]
description = "Prevent duty and extremism"
keywords = ["radicalisation", "extremism"]
""",
        encoding="utf-8",
    )
    tax = load_taxonomy(path)
    assert tax.version == 2  # the stamp follows the default the file overrides
    assert tax.name("neglect") == "Neglect and cumulative harm"
    assert tax.name("private_fostering") == "Privately fostered children"
    assert "online_harm" not in tax and "radicalisation" in tax
    assert "sexual_abuse" in tax  # v2 themes the file does not mention stay
    assert tax.ids[-1] == "other"


def test_bad_version_is_a_config_error(tmp_path):
    from reviewmine.errors import ConfigError

    path = tmp_path / "bad.toml"
    path.write_text('version = "two"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="version"):
        load_taxonomy(path)


def test_summaries_gold_layout_gives_items_with_kinds(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(
        json.dumps(
            {
                "file": "summary-x.txt",
                "area": "England",
                "year": 2020,
                "recommendations": ["Improve support for young carers"],
                "recommendation_themes": [["young_carers"]],
                "findings": ["optimistic thinking", "a stub"],
                "finding_themes": [["professional_curiosity"], []],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    items = load_gold([path])
    assert [(i.text, i.kind, i.family) for i in items] == [
        ("Improve support for young carers", "recommendation", "summaries"),
        ("optimistic thinking", "finding", "summaries"),
    ]
    assert items[0].group == "summary-x.txt" and items[0].year == 2020


@pytest.mark.skipif(not (REAL / "letters" / "gold.jsonl").is_file(), reason="no shared real data")
def test_every_real_gold_set_loads_under_v2():
    families = {}
    for name in ("ofsted", "letters", "summaries"):
        items = load_gold([REAL / name / "gold.jsonl"])
        families[name] = {i.family for i in items}
        assert len(items) > 100
    assert families == {"ofsted": {"ilacs_sif"}, "letters": {"letters"}, "summaries": {"summaries"}}


def test_reason_quotes_the_items_own_words_around_the_keyword():
    from reviewmine.themes.classifier import carrying_words

    tax = load_taxonomy()
    text = (
        "Leaders have improved the front door and the quality of assessments is better, "
        "but the response to 16- and 17-year-olds who present as homeless remains slow "
        "and too many of them are placed in bed and breakfast accommodation."
    )
    words = carrying_words(text, tax.get("housing_homelessness"), ("homeless",))
    assert "homeless" in words and words.startswith("...") and len(words.split()) <= 16
    assert words.strip(".") in text or words.strip(".").split("...")[0] in text


def test_reason_without_keywords_picks_the_sentence_about_the_theme():
    from reviewmine.themes.classifier import carrying_words

    tax = load_taxonomy()
    text = (
        "Managers meet weekly. Chronologies are rarely kept up to date in case records. "
        "Staff turnover is high."
    )
    assert (
        carrying_words(text, tax.get("recording"), ())
        == "Chronologies are rarely kept up to date in case records."
    )


def test_a_store_themed_under_v1_is_reported_as_upgraded(tmp_path):
    from reviewmine.ingest import ingest_paths
    from reviewmine.store import Store
    from reviewmine.themes.stage import ThemeRun, previous_taxonomy
    from reviewmine.types import ThemeScore

    store = Store.open(tmp_path / "s.db")
    ingest_paths([SHARED / "real" / "ofsted" / "norfolk_2013-08-16.pdf"], store)
    assert previous_taxonomy(store) is None  # never themed: nothing to upgrade
    store.set_item_themes({store.items()[0].id: (ThemeScore("neglect", 0.9, "test"),)})
    assert previous_taxonomy(store) == "v1"  # themed, no run recorded: the oldest stores
    store.record_run("themes", {}, {"embedder": "m"})  # a run recorded before taxonomy stamps
    assert previous_taxonomy(store) == "v1"
    store.record_run("themes", {}, {"embedder": "m", "taxonomy": load_taxonomy().stamp})
    assert previous_taxonomy(store) == load_taxonomy().stamp
    stamp = load_taxonomy().stamp
    assert ThemeRun(1, 0, "m", "models/themes", stamp, "v1").upgraded
    assert not ThemeRun(1, 0, "m", "models/themes", stamp, stamp).upgraded
    assert not ThemeRun(1, 0, "m", "models/themes", stamp, None).upgraded
