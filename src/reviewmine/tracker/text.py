"""How tracker and item texts are compared word by word: stems without stop words, and
texts cleaned of their reference labels.  Matching and the recurrence rules both use it."""

from __future__ import annotations

import re

_STOP = frozenset(["a", "an", "and", "are", "as", "at", "be", "been", "being", "by", "for", "from", "has", "have", "in", "into", "is", "it", "its", "of", "on", "or", "that", "the", "their", "them", "these", "this", "those", "to", "was", "were", "will", "with", "within", "which", "who", "whom", "whose", "all", "any", "each", "every", "other", "such", "so", "than", "then", "there", "when", "where", "while", "should", "would", "could", "must", "may", "can", "ensure", "ensuring", "ensures", "make", "makes", "made", "improve", "improving", "improved", "improvement", "develop", "developing", "strengthen", "further", "including", "include", "includes", "through", "across", "also", "more", "most", "they", "he", "she", "we", "our", "us", "you", "your", "i", "not", "no", "only", "both", "between", "over", "under", "per", "via"])
_WORD = re.compile(r"[a-z0-9]+")
_TRAIL_REF = re.compile(r"\s*\((?:paragraphs?|paras?|page|outcome|see)[^)]*\)\s*\.?\s*$", re.IGNORECASE)
_LEAD_REF = re.compile(
    r"^\s*(?:lscb\s+|board\s+)?(?:rec(?:ommendation)?s?|paras?|paragraphs?|action|finding|"
    r"learning point|lp|r|aim)\.?\s*\d+(?:\.\d+)*[a-z]?(?:\s*(?:-|–|to|and|&)\s*\d+)?"
    r"\s*[:\-–.)]?\s*", re.IGNORECASE)


def _stem(w: str) -> str:
    # Crude, but enough to meet "assessments"/"assessment", "planning"/"plans".
    if w.endswith("ss"):
        return w
    for suf, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: len(w) - len(suf)] + keep
    return w


def content_tokens(text: str) -> list[str]:
    """Lower-case word stems without stop words (what lexical similarity compares)."""
    return [_stem(w) for w in _WORD.findall(text.lower().replace("’", "'"))
            if w not in _STOP and len(w) > 1 and not w.isdigit()]




def clean_item_text(text: str) -> str:
    """Item text without trailing paragraph/outcome references."""
    prev = None
    while prev != text:
        prev, text = text, _TRAIL_REF.sub("", text)
    return text.strip()


def clean_action_text(text: str | None) -> str:
    """Tracker text without a leading "Rec 3:" / "Para 27 -" label."""
    return _LEAD_REF.sub("", text or "").strip()
