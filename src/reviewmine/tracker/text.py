"""How tracker and item texts are compared word by word: stems without stop words, and
texts cleaned of their reference labels.  Matching and the recurrence rules both use it."""

from __future__ import annotations

import re

# The stop words (function words plus what every recommendation says) and the stemmer
# are the shared ones; matching and the recurrence rules import content_tokens from here.
from ..textnorm import content_words as content_tokens

__all__ = ["clean_action_text", "clean_item_text", "content_tokens"]

_TRAIL_REF = re.compile(
    r"\s*\((?:paragraphs?|paras?|page|outcome|see)[^)]*\)\s*\.?\s*$", re.IGNORECASE
)
_LEAD_REF = re.compile(
    r"^\s*(?:lscb\s+|board\s+)?(?:rec(?:ommendation)?s?|paras?|paragraphs?|action|finding|"
    r"learning point|lp|r|aim)\.?\s*\d+(?:\.\d+)*[a-z]?(?:\s*(?:-|–|to|and|&)\s*\d+)?"
    r"\s*[:\-–.)]?\s*",
    re.IGNORECASE,
)


def clean_item_text(text: str) -> str:
    """Item text without trailing paragraph/outcome references."""
    prev = None
    while prev != text:
        prev, text = text, _TRAIL_REF.sub("", text)
    return text.strip()


def clean_action_text(text: str | None) -> str:
    """Tracker text without a leading "Rec 3:" / "Para 27 -" label."""
    return _LEAD_REF.sub("", text or "").strip()
