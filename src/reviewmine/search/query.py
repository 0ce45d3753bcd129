"""Search queries: the user's words, "exact phrases" and prefix* terms, and their FTS5 form.

Every term reaches FTS5 inside double quotes, so FTS5 operators a user types
(``NEAR``, ``-``, ``*`` alone, parentheses) are plain text and never a syntax
error; :func:`parse_query` raises :class:`QueryError` only for an unclosed
quote or a query without words.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

from ..errors import QueryError
from ..textnorm import QUERY_STOP_WORDS

# Words too common to help a ranked OR query (the shared list); kept inside
# "exact phrases".
STOPWORDS = QUERY_STOP_WORDS


WORD = re.compile(r"[^\W_]+")  # what FTS5's unicode61 tokenizer keeps, near enough
_PIECE = re.compile(r'"([^"]*)"|([^\s"]+)')


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    phrase: bool = False  # typed in double quotes: required
    prefix: bool = False  # ended with *: the last word is a prefix

    def fts(self) -> str:
        # Inside double quotes FTS5 sees only text for its tokenizer: no operators.
        return '"' + " ".join(self.words) + '"' + ("*" if self.prefix else "")


@dataclass(frozen=True)
class ParsedQuery:
    """A user's query split into terms; :meth:`fts` gives the FTS5 expression.

    ``extra`` holds words added by hybrid search (pseudo-relevance feedback):
    they widen the keyword ranking but are not highlighted.
    """

    raw: str
    terms: tuple[Term, ...]
    extra: tuple[Term, ...] = ()
    bridge: tuple[Term, ...] = ()  # glossary names: any one of them is enough to match

    @property
    def phrases(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.phrase)

    @property
    def words(self) -> tuple[Term, ...]:
        """Plain words worth ranking on (stopwords dropped unless nothing else is left)."""
        plain = [t for t in self.terms if not t.phrase]
        useful = [t for t in plain if t.prefix or t.words[0].lower() not in STOPWORDS]
        if not useful and not self.phrases:
            useful = plain
        return tuple(dict.fromkeys(useful))

    def fts(self, semantics: str = "or") -> str:
        """FTS5 MATCH expression: phrases AND the words (OR any glossary name).

        ``semantics``: "or" (any word), "and" (every word) or "pairs" (at least
        two of the words, written as an OR of AND-ed pairs).
        """
        words = [t.fts() for t in (*self.words, *self.extra)]
        alt = ""
        if semantics == "pairs" and len(words) >= 2:
            # "at least two words": every pair once, so each word weighs the same in bm25()
            # (FTS5 scores each occurrence of a phrase in the expression).
            alt = " OR ".join(f"({a} AND {b})" for a, b in itertools.combinations(words, 2))
        elif words:
            alt = (" AND " if semantics == "and" else " OR ").join(words)
        if self.bridge:
            names = " OR ".join(t.fts() for t in self.bridge)
            alt = f"({alt}) OR {names}" if alt else names
        parts = [t.fts() for t in self.phrases] + ([f"({alt})"] if alt else [])
        return " AND ".join(parts)

    def fts_any(self) -> str:
        """Every term OR-ed: marks each matched word for highlighting."""
        return " OR ".join(t.fts() for t in (*self.phrases, *self.words))

    @property
    def text(self) -> str:
        """The query as plain text, for the embedding model."""
        return " ".join(" ".join(t.words) for t in self.terms)


def parse_query(query: str) -> ParsedQuery:
    """Parse plain words, "exact phrases" and prefix* terms; anything else is literal text.

    >>> parse_query('missing "return home" interview*').fts()
    '"return home" AND ("missing" OR "interview"*)'
    """
    q = unicodedata.normalize("NFKC", query or "")
    q = q.replace("\u201c", '"').replace("\u201d", '"').replace("\u201e", '"')
    if q.count('"') % 2:
        raise QueryError(
            "the query has an unclosed double quote",
            hint='close the "exact phrase" or remove the quote',
        )
    terms: list[Term] = []
    for m in _PIECE.finditer(q):
        if m.group(1) is not None:
            words = tuple(w.lower() for w in WORD.findall(m.group(1)))
            if words:
                terms.append(Term(words, phrase=True))
            continue
        token = m.group(2)
        words = tuple(w.lower() for w in WORD.findall(token))
        if not words:
            continue  # lone *, -, ( ... : nothing to search for
        # "multi-agency" stays one term (a phrase of its parts), so OR keeps it together.
        terms.append(Term(words, prefix=token.rstrip(")]}.,;:!?").endswith("*")))
    if not terms:
        raise QueryError(
            "the query has no words to search for",
            hint='type some words, e.g. reviewmine search "neglect"',
        )
    return ParsedQuery(query, tuple(terms))
