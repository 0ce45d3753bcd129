"""The search glossary: loading, user overrides, name matching."""

from __future__ import annotations

import pytest

from reviewmine.errors import ConfigError
from reviewmine.search.glossary import load_glossary


def test_default_glossary_has_a_meaning_for_every_term():
    g = load_glossary()
    assert len(g) >= 100
    terms = [e.term.casefold() for e in g.entries]
    assert len(terms) == len(set(terms))
    for e in g.entries:
        assert e.means and len(e.means.split()) >= 5, e.term
        assert e.term not in e.aliases


def test_names_match_whole_words_acronyms_only_in_capitals():
    g = load_glossary()

    def named(text: str) -> list[str]:
        return [e.term for e in g.named_in(text)]

    assert named("How quickly do IROs escalate?") == ["independent reviewing officer"]
    assert named("the iro said") == []  # an acronym only in capitals
    assert "multi-agency safeguarding hub" in named("the Multi Agency Safeguarding Hub")
    assert "care leavers" in named("care leavers' accommodation")
    assert named("the lado") == []
    assert "local authority designated officer" in named("the LADO")
    assert named("a scrapbook") == []  # no partial words
    assert named("") == []


def test_user_file_adds_replaces_and_drops_entries(tmp_path):
    user = tmp_path / "g.toml"
    user.write_text(
        """
[[terms]]
term = "neglect toolkit"
aliases = ["GCP2"]
means = "a checklist practitioners use to judge whether a child is neglected"

[[terms]]
term = "Independent Visitor"
means = "a grown-up friend for a child in care"

[[terms]]
term = "private fostering"
drop = true
""",
        encoding="utf-8",
    )
    base, g = load_glossary(), load_glossary(user)
    by_term = {e.term.casefold(): e for e in g.entries}
    assert len(g) == len(base)  # one added, one dropped, one replaced
    assert by_term["neglect toolkit"].aliases == ("GCP2",)
    assert by_term["independent visitor"].means == "a grown-up friend for a child in care"
    assert by_term["independent visitor"].aliases == ()
    assert "private fostering" not in by_term
    assert [e.term for e in g.named_in("GCP2 scores")] == ["neglect toolkit"]


@pytest.mark.parametrize(
    "body, message",
    [
        ('[[terms]]\nterm = "x"\n', "terms\\[0\\].means must be a non-empty string"),
        (
            '[[terms]]\nterm = "x"\nmeans = "y"\ncolour = "red"\n',
            "terms\\[0\\].colour: unknown key",
        ),
        ('[[terms]]\nterm = ""\nmeans = "y"\n', "term must be a non-empty string"),
        ('[[terms]]\nterm = "x"\nmeans = "y"\naliases = "z"\n', "aliases must be a list"),
        (
            '[[terms]]\nterm = "no such term"\ndrop = true\n',
            "drop: no glossary term 'no such term'",
        ),
        ('[[terms]]\nterm = "x"\nmeans = "y"\ndrop = "yes"\n', "drop must be true or false"),
        ("terms = 3\n", "terms must be a list"),
        ("other = 1\n", "other: unknown top-level key"),
        ("[[terms]\n", "invalid TOML"),
    ],
)
def test_bad_user_files_are_config_errors_naming_the_file(tmp_path, body, message):
    user = tmp_path / "mine.toml"
    user.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as err:
        load_glossary(user)
    assert "mine.toml" in str(err.value)


def test_missing_user_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read glossary file"):
        load_glossary(tmp_path / "absent.toml")
