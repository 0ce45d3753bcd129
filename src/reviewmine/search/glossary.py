"""The search glossary: terms of art, their other names and a plain-English meaning.

A scrutineer asks about "volunteer befrienders"; the reports say "independent
visitors".  Hybrid search looks the question up here, by meaning (the query's
vector against each entry's ``means``) and by name (a term or alias typed in
the query), and adds the names of the entries found to its keyword query.

The default glossary ships as ``reviewmine/data/glossary.toml``; a user file
with the same layout adds entries, replaces an entry with the same ``term`` or
drops one (``drop = true``).

>>> g = load_glossary()
>>> [e.term for e in g.named_in("Do IROs challenge plans?")]
['independent reviewing officer']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from ..config import read_data_toml
from ..errors import ConfigError
from ..themes.taxonomy import is_acronym, normalise_text, phrase_regex

DEFAULT_GLOSSARY_RESOURCE = "glossary.toml"
_KEYS = ("term", "aliases", "means", "drop")


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    aliases: tuple[str, ...]
    means: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)


@dataclass(frozen=True)
class Glossary:
    entries: tuple[GlossaryEntry, ...]
    source: str = ""

    def __len__(self) -> int:
        return len(self.entries)

    @cached_property
    def _keys(self) -> list[tuple[str, ...]]:
        # Each name's first word, lower-cased: a name can only match text containing it.
        # Checking these first spares compiling ~150 regexes per process (0.15 s) for a query.
        return [
            tuple(m.group(0).lower() for n in e.names if (m := _FIRST_WORD.search(n)))
            for e in self.entries
        ]

    def _regexes(self, i: int) -> list[re.Pattern[str]]:
        # the theme lexicon's rules: spaces = hyphens, plurals, acronyms in capitals only
        if i not in self._compiled:
            e = self.entries[i]
            acronyms = [n for n in e.names if is_acronym(n)]
            words = [n for n in e.names if not is_acronym(n)]
            self._compiled[i] = [
                phrase_regex(names, flags)
                for names, flags in ((acronyms, 0), (words, re.IGNORECASE))
                if names
            ]
        return self._compiled[i]

    @cached_property
    def _compiled(self) -> dict[int, list[re.Pattern[str]]]:
        return {}

    def named_in(self, text: str) -> list[GlossaryEntry]:
        """Entries one of whose names occurs in *text* as whole words."""
        text = normalise_text(text)
        lowered = text.lower()
        return [
            e
            for i, (e, keys) in enumerate(zip(self.entries, self._keys))
            if any(k in lowered for k in keys) and any(r.search(text) for r in self._regexes(i))
        ]


_FIRST_WORD = re.compile(r"\w+")


def _entries(data: dict[str, Any], where: str) -> list[dict[str, Any]]:
    unknown = sorted(set(data) - {"version", "terms"})
    if unknown:
        raise ConfigError(
            f"{unknown[0]}: unknown top-level key (allowed: version, terms)", path=where
        )
    terms = data.get("terms", [])
    if not isinstance(terms, list) or not all(isinstance(t, dict) for t in terms):
        raise ConfigError("terms must be a list of [[terms]] tables", path=where)
    out = []
    for i, t in enumerate(terms):
        at = f"terms[{i}]"
        bad = sorted(set(t) - set(_KEYS))
        if bad:
            raise ConfigError(
                f"{at}.{bad[0]}: unknown key (allowed: {', '.join(_KEYS)})", path=where
            )
        if not isinstance(t.get("term"), str) or not t["term"].strip():
            raise ConfigError(f"{at}.term must be a non-empty string", path=where)
        aliases = t.get("aliases", [])
        if not isinstance(aliases, list) or not all(
            isinstance(a, str) and a.strip() for a in aliases
        ):
            raise ConfigError(f"{at}.aliases must be a list of non-empty strings", path=where)
        if "drop" in t and not isinstance(t["drop"], bool):
            raise ConfigError(f"{at}.drop must be true or false", path=where)
        if not t.get("drop") and (not isinstance(t.get("means"), str) or not t["means"].strip()):
            raise ConfigError(f"{at}.means must be a non-empty string", path=where)
        out.append(t)
    return out


def load_glossary(user_path: Path | str | None = None) -> Glossary:
    """The default glossary with the entries of ``user_path`` added, replaced or dropped."""
    data, source = read_data_toml(DEFAULT_GLOSSARY_RESOURCE, None, "glossary")
    by_term: dict[str, GlossaryEntry] = {}
    sources = [source]
    tables = [(t, source) for t in _entries(data, source)]
    if user_path is not None:
        user, where = read_data_toml(DEFAULT_GLOSSARY_RESOURCE, user_path, "glossary")
        tables += [(t, where) for t in _entries(user, where)]
        sources.append(where)
    for t, where in tables:
        key = t["term"].strip().casefold()
        if t.get("drop"):
            if key not in by_term:
                raise ConfigError(f"drop: no glossary term '{t['term']}'", path=where)
            del by_term[key]
            continue
        by_term[key] = GlossaryEntry(
            t["term"].strip(),
            tuple(a.strip() for a in t.get("aliases", [])),
            " ".join(t["means"].split()),
        )
    return Glossary(tuple(by_term.values()), " + ".join(sources))
