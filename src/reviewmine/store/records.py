"""Typed records the store returns for rows that have no stage type of their own.

Each record is built from one row with ``from_row`` (the columns in the order
the store's query selects them).  Bulk rows for the search index are named
tuples: tens of thousands are read per index load, and a tuple is the cheapest
typed row to build and unpack.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..types import TrackerAction

# tracker_actions' columns as the store writes and reads them (rowid first when read).
TRACKER_COLUMNS = (
    "action_id",
    "source_file",
    "sheet",
    "row",
    "review",
    "recommendation",
    "action",
    "owner",
    "due_date",
    "status",
    "status_norm",
    "evidence",
    "raw_json",
)


def _opt_str(v: object) -> str | None:
    return None if v is None else str(v)


def _as_int(v: object) -> int:
    # stored columns come back from SQLite as int (or text written by an older version)
    if isinstance(v, int | str | float):
        return int(v)
    raise TypeError(f"not a number: {v!r}")


def tracker_action_from_row(row: Sequence[object]) -> TrackerAction:
    """A :class:`~reviewmine.types.TrackerAction` from a row of TRACKER_COLUMNS.

    The columns without a table column of their own (the cells as read, the
    recommendation number, the due date as written) travel in ``raw_json``.
    """
    r = dict(zip(TRACKER_COLUMNS, row, strict=True))
    extra = json.loads(str(r["raw_json"] or "{}"))
    return TrackerAction(
        action_id=str(r["action_id"]),
        source_file=str(r["source_file"]),
        sheet=str(r["sheet"]),
        row=_as_int(r["row"]),
        review=_opt_str(r["review"]),
        recommendation=_opt_str(r["recommendation"]),
        action=_opt_str(r["action"]),
        owner=_opt_str(r["owner"]),
        due_date=_opt_str(r["due_date"]),
        status=_opt_str(r["status"]),
        status_norm=str(r["status_norm"] or "unknown"),
        evidence=_opt_str(r["evidence"]),
        rec_number=extra.get("rec_number"),
        due_text=extra.get("due_text"),
        own_id=bool(extra.get("own_id")),
        raw=extra.get("cells", {}),
    )


@dataclass(frozen=True)
class StoredLink:
    """A link from a tracker action to an item, as the last ``match`` run saved it.

    The action is named by its tracker file, sheet and row (its key across
    re-imports), with its own id for display.
    """

    source_file: str
    sheet: str
    row: int
    action_id: str
    item_id: str
    score: float
    reason: str
    origin: str  # how the link was made: matched, or confirmed by a person

    @classmethod
    def from_row(cls, row: Sequence[object]) -> StoredLink:
        source_file, sheet, r, action_id, item_id, score, reason, origin = row
        if not isinstance(score, int | float):
            raise TypeError(f"not a score: {score!r}")
        return cls(
            str(source_file),
            str(sheet),
            _as_int(r),
            str(action_id),
            str(item_id),
            float(score),
            str(reason),
            str(origin),
        )


class IndexDocument(NamedTuple):
    """A document's metadata as the search index shows it with each hit."""

    id: str
    file_name: str
    title: str
    doc_type: str
    area: str | None
    date: str | None


class IndexItem(NamedTuple):
    """An item as the search index places it: its span in the document and its text."""

    rowid: int
    id: str
    doc_id: str
    kind: str
    page: int
    paragraph: str | None
    start: int
    end: int
    text: str


class IndexBlock(NamedTuple):
    """A block as the search index places it."""

    rowid: int
    doc_id: str
    page: int
    kind: str
    number: str | None
    level: int
    start: int
    end: int
    text: str


class PassageSource(NamedTuple):
    """A block or item text with the file and page it is on (for judging search gold)."""

    rowid: int
    file_name: str
    page: int
    text: str
