"""The theme taxonomy (default TOML plus user overrides) and the keyword lexicon.

The default taxonomy ships as ``reviewmine/data/themes.toml``.  A user file
with the same layout can rename, redefine, drop or add themes::

    [themes.neglect]
    name = "Neglect and cumulative harm"
    [themes.online_harm]
    drop = true
    [themes.radicalisation]
    name = "Radicalisation"
    description = "Prevent duty, extremism"
    keywords = ["radicalisation", "extremism"]

Example::

    tax = load_taxonomy()
    LexiconTagger(tax).tag("Improve the quality of pathway plans for care leavers.")
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewmine.config import read_data_toml
from reviewmine.errors import ConfigError
from reviewmine.types import ThemeScore

OTHER = "other"
_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_THEME_KEYS = ("name", "description", "examples", "keywords", "patterns", "drop")


@dataclass(frozen=True)
class Theme:
    """One theme: stable id, display name, and the text used to recognise it."""

    id: str
    name: str
    description: str
    examples: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Taxonomy:
    """An ordered, validated set of themes; always contains ``other``."""

    themes: tuple[Theme, ...]
    sources: tuple[str, ...] = ()  # files it was built from, for run records
    version: int = 0  # version of the shipped default it was built on (2 = taxonomy v2)
    _by_id: dict[str, Theme] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {t.id: t for t in self.themes})

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.themes)

    def __iter__(self) -> Iterator[Theme]:
        return iter(self.themes)

    def __len__(self) -> int:
        return len(self.themes)

    def __contains__(self, theme_id: object) -> bool:
        return theme_id in self._by_id

    def get(self, theme_id: str) -> Theme:
        try:
            return self._by_id[theme_id]
        except KeyError:
            from reviewmine.errors import NotFound

            raise NotFound(f"unknown theme {theme_id!r}", hint="see the taxonomy file") from None

    def name(self, theme_id: str) -> str:
        theme = self._by_id.get(theme_id)
        return theme.name if theme else theme_id

    @property
    def digest(self) -> str:
        """Short sha256 of every theme's id, name, description, examples, keywords and
        patterns: two runs with the same digest themed with the same taxonomy."""
        blob = json.dumps(
            [theme_record(t) for t in self.themes], sort_keys=True, ensure_ascii=False
        )
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]

    @property
    def stamp(self) -> str:
        """``v2:<digest>``: what a theme run records about its taxonomy."""
        return f"v{self.version}:{self.digest}"


DEFAULT_TAXONOMY_RESOURCE = "themes.toml"


def _read_toml(path: Path | None) -> tuple[dict[str, Any], str]:
    return read_data_toml(DEFAULT_TAXONOMY_RESOURCE, path, "taxonomy")


def _str_list(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a list of strings", path=where)
    return tuple(v.strip() for v in value if v.strip())


def _check_theme_table(theme_id: str, table: Any, where: str) -> dict[str, Any]:
    prefix = f"themes.{theme_id}"
    if not _ID.match(theme_id):
        raise ConfigError(
            f"{prefix}: theme ids are lower-case letters, digits and '_' (start with a letter)",
            path=where,
        )
    if not isinstance(table, dict):
        raise ConfigError(f"{prefix} must be a table", path=where)
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _THEME_KEYS:
            raise ConfigError(
                f"{prefix}.{key}: unknown key (allowed: {', '.join(_THEME_KEYS)})", path=where
            )
        if key in ("name", "description"):
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{prefix}.{key} must be a non-empty string", path=where)
            out[key] = value.strip()
        elif key == "drop":
            if not isinstance(value, bool):
                raise ConfigError(f"{prefix}.drop must be true or false", path=where)
            out[key] = value
        else:
            out[key] = _str_list(value, f"{prefix}.{key}", where)
    for i, pattern in enumerate(out.get("patterns", ())):
        try:
            re.compile(pattern)
        except re.error as err:
            raise ConfigError(
                f"{prefix}.patterns[{i}]: invalid regular expression: {err}", path=where
            ) from err
    return out


def _themes_table(data: dict[str, Any], where: str) -> dict[str, Any]:
    unknown = sorted(set(data) - {"version", "themes"})
    if unknown:
        raise ConfigError(
            f"{unknown[0]}: unknown top-level key (allowed: version, themes)", path=where
        )
    version = data.get("version")
    if version is not None and (isinstance(version, bool) or not isinstance(version, int)):
        raise ConfigError("version must be a whole number (e.g. version = 2)", path=where)
    themes = data.get("themes", {})
    if not isinstance(themes, dict):
        raise ConfigError("themes must be a table of [themes.<id>] tables", path=where)
    return themes


def load_taxonomy(user_path: Path | str | None = None) -> Taxonomy:
    """The default taxonomy, with the overrides from ``user_path`` applied.

    Keys given for an existing theme replace the default values; ``drop = true``
    removes it; a new id needs a ``description`` and ``keywords`` or
    ``patterns``.  Errors are :class:`ConfigError` naming the offending key.

    >>> "neglect" in load_taxonomy()
    True
    """
    data, source = _read_toml(None)
    # A user file's own version (a copy of the v1 default says 1) only labels that file:
    # its tables override the current default, so v2 themes it does not mention stay.
    version = int(data.get("version") or 0)
    base: dict[str, dict[str, Any]] = {}
    for theme_id, table in _themes_table(data, source).items():
        checked = _check_theme_table(theme_id, table, source)
        for key in ("name", "description"):
            if key not in checked:
                raise ConfigError(f"themes.{theme_id}.{key} is missing", path=source)
        base[theme_id] = checked
    sources = [source]

    if user_path is not None:
        where = str(user_path)
        user, _ = _read_toml(Path(user_path))
        for theme_id, table in _themes_table(user, where).items():
            checked = _check_theme_table(theme_id, table, where)
            if checked.get("drop"):
                if theme_id == OTHER:
                    raise ConfigError("themes.other.drop: 'other' cannot be dropped", path=where)
                if theme_id not in base:
                    raise ConfigError(f"themes.{theme_id}.drop: no such theme to drop", path=where)
                del base[theme_id]
                continue
            if theme_id in base:
                base[theme_id] = {**base[theme_id], **checked}
                continue
            if "description" not in checked:
                raise ConfigError(
                    f"themes.{theme_id}.description is missing (needed for a new theme)", path=where
                )
            if not checked.get("keywords") and not checked.get("patterns"):
                raise ConfigError(
                    f"themes.{theme_id}.keywords: a new theme needs keywords or patterns",
                    path=where,
                )
            checked.setdefault("name", theme_id.replace("_", " ").capitalize())
            base[theme_id] = checked
        sources.append(where)

    themes = tuple(
        Theme(
            id=theme_id,
            name=t["name"],
            description=t["description"],
            examples=t.get("examples", ()),
            keywords=t.get("keywords", ()),
            patterns=t.get("patterns", ()),
        )
        for theme_id, t in base.items()
    )
    if OTHER not in base:
        themes = themes + (Theme(OTHER, "Other", "Fits none of the above."),)
    # Keep 'other' last so listings read naturally.
    themes = tuple(t for t in themes if t.id != OTHER) + tuple(t for t in themes if t.id == OTHER)
    return Taxonomy(themes=themes, sources=tuple(sources), version=version)


# --- lexicon -------------------------------------------------------------------

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-", "‑": "-"})


def normalise_text(text: str) -> str:
    """Straight quotes, plain hyphens, single spaces: what the lexicon matches against."""
    return " ".join(text.translate(_QUOTES).split())


def is_acronym(keyword: str) -> bool:
    """All capitals ("SEND", "MASH"): matched case-sensitively."""
    return keyword.isupper() and sum(c.isalpha() for c in keyword) >= 2


def _keyword_body(keyword: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", normalise_text(keyword)) if w]
    return r"[\s\-]+".join(re.escape(w) for w in words)


def phrase_regex(keywords: Sequence[str], flags: int) -> re.Pattern[str]:
    """One regex matching any of *keywords* as whole phrases (see :func:`keyword_regex`)."""
    # Longest first, so an alternation prefers "care leavers" over "care".
    bodies = sorted({_keyword_body(k) for k in keywords}, key=lambda b: (-len(b), b))
    return re.compile(rf"(?<![\w-])(?:{'|'.join(bodies)})(?:s|es|'s|s')?(?![\w])", flags)


def keyword_regex(keyword: str) -> re.Pattern[str]:
    """Whole-phrase regex for a keyword.

    Spaces and hyphens are interchangeable, a plural or possessive ending is
    allowed, and an all-capitals keyword (an acronym such as "SEND") is matched
    case-sensitively.
    """
    return phrase_regex([keyword], 0 if is_acronym(keyword) else re.IGNORECASE)


@dataclass(frozen=True)
class _Rule:
    theme: str
    regex: re.Pattern[str]


class LexiconTagger:
    """Plain keyword baseline: a theme is assigned when any of its keywords occurs.

    Scores are the number of distinct matched phrases, scaled into (0, 1]; the
    reason lists the phrases as they appear in the text.
    """

    def __init__(self, taxonomy: Taxonomy | Sequence[Theme]) -> None:
        themes = list(taxonomy)
        self.theme_ids = tuple(t.id for t in themes if t.id != OTHER)
        self._rules: list[_Rule] = []
        for theme in themes:
            if theme.id == OTHER:
                continue
            # One alternation per theme and case mode: ~30 scans per text instead of ~400.
            acronyms = [k for k in theme.keywords if is_acronym(k)]
            words = [k for k in theme.keywords if not is_acronym(k)]
            if words:
                self._rules.append(_Rule(theme.id, phrase_regex(words, re.IGNORECASE)))
            if acronyms:
                self._rules.append(_Rule(theme.id, phrase_regex(acronyms, 0)))
            for pattern in theme.patterns:
                self._rules.append(_Rule(theme.id, re.compile(pattern, re.IGNORECASE)))

    def matches(self, text: str) -> dict[str, tuple[str, ...]]:
        """Theme id -> distinct matched phrases (lower-cased, in order of first occurrence)."""
        norm = normalise_text(text)
        found: dict[str, dict[str, int]] = {}
        for rule in self._rules:
            for m in rule.regex.finditer(norm):
                phrase = m.group(0).lower()
                seen = found.setdefault(rule.theme, {})
                seen.setdefault(phrase, m.start())
        return {
            theme: tuple(sorted(phrases, key=lambda p: (phrases[p], p)))
            for theme, phrases in found.items()
        }

    def tag(self, text: str) -> tuple[ThemeScore, ...]:
        """Themes whose keywords occur, best first; ``other`` when none does."""
        hits = self.matches(text)
        if not hits:
            return (ThemeScore(OTHER, 0.0, "no theme keywords found"),)
        scores = [
            ThemeScore(
                theme, round(1.0 - 0.5 ** len(phrases), 4), "keywords: " + quote_list(phrases)
            )
            for theme, phrases in hits.items()
        ]
        return tuple(sorted(scores, key=lambda s: (-s.score, s.theme)))

    def tag_many(self, texts: Sequence[str]) -> list[tuple[ThemeScore, ...]]:
        return [self.tag(t) for t in texts]


def quote_list(phrases: Sequence[str], limit: int = 4) -> str:
    shown = ", ".join(f"'{p}'" for p in phrases[:limit])
    return shown + (f" (+{len(phrases) - limit} more)" if len(phrases) > limit else "")


def themes_from_records(records: Sequence[Mapping[str, Any]]) -> tuple[Theme, ...]:
    """Rebuild themes from plain dicts (as stored in a model's JSON)."""
    return tuple(
        Theme(
            id=r["id"],
            name=r.get("name", r["id"]),
            description=r.get("description", ""),
            examples=tuple(r.get("examples", ())),
            keywords=tuple(r.get("keywords", ())),
            patterns=tuple(r.get("patterns", ())),
        )
        for r in records
    )


def theme_record(theme: Theme) -> dict[str, Any]:
    return {
        "id": theme.id,
        "name": theme.name,
        "description": theme.description,
        "examples": list(theme.examples),
        "keywords": list(theme.keywords),
        "patterns": list(theme.patterns),
    }


__all__ = [
    "OTHER",
    "LexiconTagger",
    "Taxonomy",
    "Theme",
    "keyword_regex",
    "load_taxonomy",
    "normalise_text",
]
