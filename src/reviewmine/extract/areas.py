"""Canonical names of English local authority areas.

One table (``data/local_authorities.csv``) lists every authority with children's
services duties, current and former (before the reorganisations of 2019-2023), with
the other forms in which reports print their names ("Brighton & Hove", "County
Durham", "Royal Borough of Windsor and Maidenhead").  Metadata uses it to turn a
printed name into the canonical one and to find an authority inside a longer name
("Hounslow and North West London Integrated Care Board" -> "Hounslow").

>>> canonical_area("Telford & Wrekin")
'Telford and Wrekin'
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Authority", "authorities", "canonical_area", "find_area", "is_health_body"]


@dataclass(frozen=True)
class Authority:
    name: str  # canonical
    aliases: tuple[str, ...]
    current: bool
    successors: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def authorities() -> tuple[Authority, ...]:
    """The table, in file order."""
    text = (
        resources.files("reviewmine.data")
        .joinpath("local_authorities.csv")
        .read_text(encoding="utf-8")
    )
    rows = csv.DictReader(
        io.StringIO("\n".join(ln for ln in text.splitlines() if not ln.startswith("#")))
    )
    return tuple(
        Authority(
            name=r["name"],
            aliases=tuple(a for a in (r["aliases"] or "").split(";") if a),
            current=r["status"] == "current",
            successors=tuple(s for s in (r["successors"] or "").split(";") if s),
        )
        for r in rows
    )


def _key(name: str) -> str:
    """Spelling-insensitive key: "St. Helens" = "St Helens", "&" = "and", hyphens = spaces."""
    name = name.replace("\u2019", "'").replace("&", " and ").replace(".", " ")
    name = re.sub(r"[-\u2010-\u2015,]", " ", name)
    return re.sub(r"\s+", " ", name).strip().lower()


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    out: dict[str, str] = {}
    for a in authorities():
        for n in (a.name, *a.aliases):
            out.setdefault(_key(n), a.name)
    return out


@lru_cache(maxsize=1)
def _finder() -> re.Pattern[str]:
    # Printed names are capitalised; matching case-sensitively keeps "reading" or
    # "bury" in a sentence from being taken for Reading or Bury.  Longest names first,
    # so "North East Lincolnshire" wins over "Lincolnshire".
    forms = {n for a in authorities() for n in (a.name, *a.aliases) if len(n) > 3}
    alts = []
    for n in sorted(forms, key=len, reverse=True):
        words = [re.escape(w) for w in re.split(r"[\s-]+", n.replace("&", " & "))]
        alts.append(r"[\s\-]+".join(words).replace(r"\&", r"(?:&|and)"))
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")


def canonical_area(name: str | None) -> str | None:
    """The canonical name of an authority printed as *name*, or None when it is not one."""
    if not name:
        return None
    key = _key(name)
    return _index().get(key) or _index().get(re.sub(r"^the ", "", key))


def find_area(text: str) -> str | None:
    """The first authority named in *text*, canonical ("... in Bexley and ..." -> "Bexley")."""
    m = _finder().search(text)
    return canonical_area(m.group(0)) if m else None


_HEALTH = re.compile(
    r"\b(?:Integrated Care|ICB|NHS|Clinical Commissioning|CCG|Health|Trust"
    r"|Hospital)\b"
)


def is_health_body(name: str) -> bool:
    """True for a health organisation's name, which is never a local area."""
    return bool(_HEALTH.search(name))
