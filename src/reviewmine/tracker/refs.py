"""The citation records the tracker stages pass around: an item, an action, a link.

Matching makes them and the recurrence rules read them; they live apart from both so
neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..types import Document, Item
from .importer import TrackerAction


@dataclass(frozen=True)
class ItemRef:
    """An item with its citation."""

    item_id: str
    doc_id: str
    file: str
    date: str | None
    area: str | None
    page: int
    kind: str
    number: str | None
    heading: str | None
    text: str

    @property
    def citation(self) -> str:
        num = f", {self.number}" if self.number else ""
        return f"{self.file} p.{self.page}{num}"


@dataclass(frozen=True)
class ActionRef:
    """A tracker action with what a reader needs to find it."""

    action_id: str
    source_file: str
    sheet: str
    row: int
    review: str | None
    text: str
    owner: str | None
    due_date: str | None
    status: str | None
    status_norm: str


@dataclass(frozen=True)
class Link:
    action: ActionRef
    item: ItemRef
    score: float
    reason: str
    origin: str = "auto"  # "auto" or "confirmed"


def action_ref(a: TrackerAction) -> ActionRef:
    return ActionRef(
        a.action_id,
        a.source_file,
        a.sheet,
        a.row,
        a.review,
        a.action or a.recommendation or "",
        a.owner,
        a.due_date,
        a.status,
        a.status_norm,
    )


def item_ref(it: Item, doc: Document) -> ItemRef:
    return ItemRef(
        it.id,
        it.doc_id,
        doc.file_name,
        doc.date,
        doc.area,
        it.page,
        it.kind,
        it.number,
        it.heading,
        it.text,
    )
