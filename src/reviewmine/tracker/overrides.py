"""Users' corrections to the tracker links: confirmed and rejected pairs.

The matcher is wrong sometimes, and a user who has checked a link should not have
to check it again after every run.  An overrides file (CSV or TOML) lists
(action, item) pairs with a decision; :func:`reviewmine.tracker.matching.find_links` never
links a rejected pair, and keeps only the confirmed links of an action that has any.
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError


@dataclass(frozen=True)
class Override:
    action_id: str  # the tracker's id, or "sheet:row"
    item_id: str
    decision: str  # "confirm" or "reject"
    tracker: str | None = None  # tracker file name, when ids repeat across trackers
    where: str = ""  # file and line, for messages


def load_overrides(path: str | Path) -> list[Override]:
    """Read confirmed / rejected links from CSV or TOML.

    CSV: a header with ``action_id,item_id,decision`` (optional ``tracker``,
    ``note``).  TOML: ``[[override]]`` tables with the same keys.  ``decision``
    is ``confirm`` or ``reject``.
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the overrides file ({exc.strerror})", path=p) from exc
    rows: list[tuple[str, dict[str, Any]]] = []
    if p.suffix.lower() == ".toml":
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"invalid TOML ({exc})", path=p) from exc
        entries = data.get("override", data.get("overrides", []))
        if not isinstance(entries, list):
            raise ConfigError("expected [[override]] tables", path=p)
        rows = [(f"{p.name} [[override]] #{i}", e) for i, e in enumerate(entries, 1)]
    else:
        from .importer import decode_csv_bytes

        text, _ = decode_csv_bytes(raw)
        reader = csv.DictReader(text.splitlines())
        need = {"action_id", "item_id", "decision"}
        if not reader.fieldnames or not need <= {h.strip().lower() for h in reader.fieldnames}:
            raise ConfigError(
                "the overrides CSV needs the columns action_id, item_id, decision", path=p
            )
        for n, r in enumerate(reader, 2):
            rows.append((f"{p.name} line {n}", {k.strip().lower(): v for k, v in r.items() if k}))
    out: list[Override] = []
    for where, r in rows:
        if not isinstance(r, dict):
            raise ConfigError(f"{where}: not a table", path=p)
        aid, iid = str(r.get("action_id") or "").strip(), str(r.get("item_id") or "").strip()
        dec = str(r.get("decision") or "").strip().lower()
        dec = {"confirmed": "confirm", "yes": "confirm", "rejected": "reject", "no": "reject"}.get(
            dec, dec
        )
        if not aid or not iid:
            raise ConfigError(f"{where}: action_id and item_id are required", path=p)
        if dec not in ("confirm", "reject"):
            raise ConfigError(
                f"{where}: decision must be 'confirm' or 'reject', not '{dec}'", path=p
            )
        tracker = str(r.get("tracker") or "").strip() or None
        out.append(Override(aid, iid, dec, tracker, where))
    return out


__all__ = ["Override", "load_overrides"]
