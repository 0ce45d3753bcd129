"""A learned sentence-level reader of running text: is this sentence or list entry an item?

The cue families of :mod:`reviewmine.extract.running_text` read running text by its
wording; this model reads the same documents one unit at a time (each sentence of a
paragraph, each list entry) and scores how likely the unit is a recommendation or
finding.  Features: hashed word unigrams and bigrams of the unit and of its heading,
and grammar and layout flags (a modal of obligation, an imperative opening, a
recommending or reporting verb, a list entry and its position, the line before ending
in ':', length).  Logistic regression, trained and measured by
``scripts/train_sentence_model.py`` (cross-validation grouped by document,
leave-one-family-out).

Measured, not adopted: added to the rules at a threshold chosen on the training
documents, it recovered no held-out item the rules miss without lowering precision
(figures in the script's docstring), so extraction does not call it.  It stays to keep
that measurement repeatable when the rules or the data change.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..extract.confidence import hash_token
from ..types import Block, Document

if TYPE_CHECKING:
    from scipy import sparse

N_HASH = 2**15
_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z0-9“‘'\"(])")
_MODAL = re.compile(r"\b(should|must|needs? to|ought to|have to|has to)\b", re.I)
# an imperative or infinitive opening: a base-form verb first ("Ensure ...", "To create ...")
_IMPERATIVE = re.compile(
    r"^(to\s+)?(ensure|improve|develop|strengthen|review|establish|implement|provide|increase|"
    r"reduce|make|agree|commission|consider|embed|extend|maintain|create|support|promote|"
    r"raise|share|use|work|seek|undertake|build|set|identify|monitor|audit)\b",
    re.I,
)
_RECOMMEND = re.compile(r"\brecommend\w*|\bcall(s|ed|ing)? for\b|\burg(e|es|ed)\b", re.I)
_REPORTING = re.compile(
    r"\b(found|identified|concluded|highlighted|showed|shown|revealed|noted|emerged|"
    r"learn\w*|lessons?|findings?|themes?)\b",
    re.I,
)
_NEGATION = re.compile(
    r"\b(not|no|lack\w*|fail\w*|missed|insufficient|poor|limited|without)\b", re.I
)
FLAGS = (
    "list_item",
    "first_in_list",
    "after_colon",
    "modal",
    "imperative_start",
    "recommend_verb",
    "reporting_word",
    "negation",
    "question",
    "n_words_lt8",
    "n_words_8_20",
    "n_words_20_40",
    "n_words_gt40",
    "first_sentence",
    "heading_recommend",
    "heading_learning",
    "quoted",
)


@dataclass(frozen=True)
class Unit:
    """One sentence of a paragraph, or one list entry, with its place in the document."""

    text: str
    block: Block
    heading: str
    first_in_list: bool
    after_colon: bool
    first_sentence: bool


def units(doc: Document) -> list[Unit]:
    """Every sentence of a paragraph and every list entry of *doc* with at least 4 words, in order."""
    out: list[Unit] = []
    heading = ""
    prev: Block | None = None
    for b in doc.blocks:
        if b.kind == "heading":
            heading, prev = b.text, None
            continue
        if b.kind not in ("paragraph", "list_item"):
            continue
        after_colon = prev is not None and prev.text.rstrip().endswith(":")
        first_in_list = b.kind == "list_item" and (prev is None or prev.kind != "list_item")
        parts = (
            [b.text.strip()]
            if b.kind == "list_item"
            else [s for s in _SENTENCE.split(b.text.strip()) if s]
        )
        for n, s in enumerate(parts):
            if len(_WORD.findall(s.lower())) >= 4:
                out.append(Unit(s, b, heading, first_in_list, after_colon and n == 0, n == 0))
        prev = b
    return out


def featurize(us: Sequence[Unit]) -> sparse.csr_matrix:
    """Hashed word unigrams and bigrams of each unit (L2-normalised), heading words, grammar flags."""
    from scipy import sparse

    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, u in enumerate(us):
        words = _WORD.findall(u.text.lower())
        counts: dict[int, float] = {}
        toks = words + [f"{a}_{b}" for a, b in itertools.pairwise(words)]
        toks += [f"h:{w}" for w in _WORD.findall(u.heading.lower())]
        for tok in toks:
            h = hash_token(tok) % N_HASH
            counts[h] = counts.get(h, 0.0) + 1.0
        norm = float(np.sqrt(sum(v * v for v in counts.values()))) or 1.0
        for h in sorted(counts):
            rows.append(i)
            cols.append(h)
            vals.append(counts[h] / norm)
        n = len(words)
        flags = (
            u.block.kind == "list_item",
            u.first_in_list,
            u.after_colon,
            bool(_MODAL.search(u.text)),
            bool(_IMPERATIVE.match(u.text.strip())),
            bool(_RECOMMEND.search(u.text)),
            bool(_REPORTING.search(u.text)),
            bool(_NEGATION.search(u.text)),
            u.text.rstrip().endswith("?"),
            n < 8,
            8 <= n < 20,
            20 <= n < 40,
            n >= 40,
            u.first_sentence,
            bool(_RECOMMEND.search(u.heading)),
            bool(re.search(r"learn|lesson|find|found", u.heading, re.I)),
            u.text.lstrip()[:1] in "“\"‘'",
        )
        for j, flag in enumerate(flags):
            if flag:
                rows.append(i)
                cols.append(N_HASH + j)
                vals.append(1.0)
    shape = (len(us), N_HASH + len(FLAGS))
    return sparse.csr_matrix((np.array(vals, dtype=np.float32), (rows, cols)), shape=shape)


def unit_kind(u: Unit) -> str:
    """recommendation when the unit or its heading recommends, finding otherwise."""
    return (
        "recommendation" if _RECOMMEND.search(u.text) or _RECOMMEND.search(u.heading) else "finding"
    )
