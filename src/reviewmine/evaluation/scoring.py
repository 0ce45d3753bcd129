"""The matching every extraction evaluation shares: tokens, token F1, one-to-one pairs.

An extracted item matches a gold item when their normalised token-level F1 is at
least :data:`MATCH_F1`, best pairs first, each side used once.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..types import Item

MATCH_F1 = 0.8


def tokens(text: str) -> list[str]:
    """Lower-case letters-and-digits tokens after Unicode normalisation."""
    t = unicodedata.normalize("NFKC", text).lower()
    t = t.replace("’", "'").replace("‘", "'")
    return re.findall(r"[a-z0-9]+", t)


def token_f1(a: str, b: str) -> float:
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


@dataclass(frozen=True)
class Match:
    file: str
    gold_text: str
    pred_text: str | None
    f1: float
    gold_page: int | None
    pred_page: int | None
    gold_kind: str | None
    pred_kind: str | None
    family: str | None = None


class PRF:
    """Precision, recall and F1 from ``tp``, ``fp`` and ``fn`` (shared by every evaluation)."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores(PRF):
    tp: int = 0
    fp: int = 0
    fn: int = 0


def match_items(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Item], file: str, family: str | None = None
) -> tuple[list[Match], list[Match], list[Match]]:
    """One-to-one matching, best F1 pairs first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            f = token_f1(str(g["text"]), p.text)
            if f >= MATCH_F1:
                pairs.append((f, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    matches: list[Match] = []
    for f, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g, p = gold[gi], pred[pi]
        matches.append(
            Match(
                file,
                str(g["text"]),
                p.text,
                round(f, 3),
                g.get("page"),
                p.page,
                g.get("kind"),
                p.kind,
                family,
            )
        )
    misses = [
        Match(file, str(g["text"]), None, 0.0, g.get("page"), None, g.get("kind"), None, family)
        for gi, g in enumerate(gold)
        if gi not in used_g
    ]
    fps = [
        Match(file, "", p.text, 0.0, None, p.page, None, p.kind, family)
        for pi, p in enumerate(pred)
        if pi not in used_p
    ]
    return matches, misses, fps
