"""One stop-word list and one stemmer: tracker matching, search and emergent themes share them."""

from reviewmine import textnorm
from reviewmine.search import query
from reviewmine.textnorm import (
    CARE_WORDS,
    MATCHING_STOP_WORDS,
    QUERY_STOP_WORDS,
    RECOMMENDATION_WORDS,
    STOP_WORDS,
    content_words,
    stem,
)
from reviewmine.themes import emergent
from reviewmine.tracker import text


def test_every_list_extends_the_one_base_list():
    assert STOP_WORDS < MATCHING_STOP_WORDS
    # search keeps a few base words its ranking was measured with ("must", "within")
    assert {"must", "within", "every"} <= STOP_WORDS - QUERY_STOP_WORDS
    assert len(STOP_WORDS - QUERY_STOP_WORDS) < 10
    assert query.STOPWORDS is QUERY_STOP_WORDS
    assert emergent.DOMAIN_STOP_WORDS == RECOMMENDATION_WORDS | CARE_WORDS
    assert text.content_tokens is textnorm.content_words


def test_stem_meets_plurals_and_verb_forms_but_keeps_short_words_and_double_s():
    assert stem("assessments") == stem("assessment") == "assessment"
    assert stem("families") == "family"
    assert stem("plans") == stem("plan") == "plan"
    assert stem("planning") == stem("planned") == "plann"
    assert stem("process") == "process" and stem("address") == "address"
    assert stem("uses") == "uses"  # the stem would be shorter than four letters


def test_content_words_drop_what_every_recommendation_says_but_keep_before_and_until():
    words = content_words("Ensure that the 12 plans are reviewed before a child's case is closed.")
    assert words == ["plan", "review", "before", "child", "case", "clos"]
    assert "ensure" not in words and "12" not in words
    # search ranks without those words; word comparison keeps them
    assert {"before", "until"} <= QUERY_STOP_WORDS - MATCHING_STOP_WORDS


def test_curly_apostrophes_read_as_straight_ones():
    assert content_words("the child’s plan") == content_words("the child's plan")
