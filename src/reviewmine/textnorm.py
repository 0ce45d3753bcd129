"""Word normalisation shared by tracker matching, keyword search and emergent themes:
one stop-word list (with two named extensions), one stemmer and a text's content words.

* :data:`STOP_WORDS`: English function words (pronouns, determiners, auxiliaries and
  modals, prepositions, conjunctions).  :data:`QUERY_STOP_WORDS` adds the frequent words
  search drops from a ranked query but word comparison keeps ("before", "until", "some"),
  and keeps a few base words a question can turn on ("must", "within", "every").
* :data:`RECOMMENDATION_WORDS`: what every recommendation and tracker action says
  ("ensure", "improve", "make", "develop" ...).  They tell no two of them apart, so word
  comparison (tracker matching, raised again) drops them too; a search user who types
  "improve" still finds it.
* :data:`CARE_WORDS`: words of children's social care that nearly every passage uses
  ("children", "families", "practice", "services" ...) and the reference furniture around
  items ("paragraph", "page").  Emergent themes drop them so a cluster is not labelled
  by them.

:func:`stem` is a light suffix stripper ("assessments" -> "assessment", "plans" ->
"plan", "planning" -> "plann"): enough to meet a word's plural and verb forms on both
sides of a comparison, never shown to a user.
"""

from __future__ import annotations

import re

# Grouped as a grammar book would (pronouns, determiners, auxiliaries and modals, ...).
STOP_WORDS = frozenset(
    """i we our us you your he she it its they them their who whom whose which this that
    these those be is are was were been being have has will would should could can may must
    a an the and or so than then as while of at by for with between into through to from
    in on over under within across via per further there when where all any both each every
    other such more most no not only also""".split()  # noqa: SIM905
)

# Also dropped from a ranked search query (too frequent to help BM25), but kept by word
# comparison: "before" / "after" / "until" and "some" / "few" tell one recommendation from
# another, and dropping these words adds a false raised-again pair on the corpus tracker.
# Search keeps these base words in a ranked query: its ranking (and its figures) were
# measured with them in, and "must", "within" or "every" can carry a scrutineer's question.
_QUERY_KEEPS = frozenset("us whose may must within across via per every".split())  # noqa: SIM905
QUERY_STOP_WORDS = (STOP_WORDS - _QUERY_KEEPS) | frozenset(
    """me my ours her hers him his itself theirs am do does did doing had having
    but if nor because until about before after during above below up down out off
    near again once here why how what few some own same too very just""".split()  # noqa: SIM905
)

RECOMMENDATION_WORDS = frozenset(
    """ensure ensures ensuring improve improved improving improvement develop developing
    strengthen make makes made include includes including""".split()  # noqa: SIM905
)

CARE_WORDS = frozenset(
    """child children young people person family families local authority authorities
    service services practice work working need needs quality consistently consistent
    effective effectively particularly timely appropriate appropriately sure robust robustly
    good better developed development use used able did mr mrs ms
    paragraph paragraphs para paras page outcome""".split()  # noqa: SIM905
)

# What tracker matching and the raised-again rule compare: stems of the other words.
MATCHING_STOP_WORDS = STOP_WORDS | RECOMMENDATION_WORDS

_WORD = re.compile(r"[a-z0-9]+")
# (suffix, replacement), tried in order; the stem keeps at least four letters.
_SUFFIXES = (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


def stem(word: str) -> str:
    """The lower-case *word* without a plural or verb ending ("assessments" -> "assessment")."""
    if word.endswith("ss"):  # "process", "address": not plurals
        return word
    for suffix, keep in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: len(word) - len(suffix)] + keep
    return word


def content_words(text: str, stop: frozenset[str] = MATCHING_STOP_WORDS) -> list[str]:
    """Stems of *text*'s words in order, without stop words, single letters and numbers."""
    return [
        stem(w)
        for w in _WORD.findall(text.lower().replace("’", "'"))
        if w not in stop and len(w) > 1 and not w.isdigit()
    ]
