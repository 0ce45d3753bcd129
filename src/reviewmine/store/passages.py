"""The store's reads over passages (blocks and items): the search index, keyword
ranking (FTS5, BM25), highlights, and the texts the embedding cache needs.

:class:`PassageQueries` is part of :class:`reviewmine.store.Store`; the search
engine decides what to rank and how to fuse, and asks these methods for rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from .records import IndexBlock, IndexDocument, IndexItem, PassageSource

# The passage tables: each has an FTS5 index "<table>_fts" kept in step by triggers.
PASSAGE_TABLES = ("blocks", "items")


def _table(name: str) -> str:
    # Table names cannot be bound as parameters; only the two passage tables are allowed.
    if name not in PASSAGE_TABLES:
        raise ValueError(f"not a passage table: {name!r}")
    return name


def _marks(n: int) -> str:
    return ",".join("?" * n)


class PassageQueries:
    db: sqlite3.Connection

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction (unless one is open): a consistent view while others write."""
        in_tx = self.db.in_transaction
        if not in_tx:
            self.db.execute("BEGIN")
        try:
            yield
        finally:
            if not in_tx:
                self.db.execute("COMMIT")

    def data_version(self) -> int:
        """Changes when another connection commits to the store (SQLite's data_version)."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    # -- the search index ------------------------------------------------------------
    def index_documents(self) -> list[IndexDocument]:
        """Every document's metadata, by id."""
        return [
            IndexDocument._make(r)
            for r in self.db.execute(
                "SELECT id, file_name, title, doc_type, area, date FROM documents ORDER BY id"
            )
        ]

    def index_items(self) -> list[IndexItem]:
        """Every item, by document, then start offset, then ordinal."""
        return [
            IndexItem._make(r)
            for r in self.db.execute(
                "SELECT rowid, id, doc_id, kind, page, paragraph, start, end, text "
                "FROM items ORDER BY doc_id, start, ordinal"
            )
        ]

    def index_blocks(self) -> Iterator[IndexBlock]:
        """Every block, by document and position (streamed: the largest table)."""
        for r in self.db.execute(
            "SELECT rowid, doc_id, page, kind, number, level, start, end, text FROM blocks "
            "ORDER BY doc_id, idx"
        ):
            yield IndexBlock._make(r)

    def passage_texts(self) -> Iterator[str]:
        """Every block's text, then every item's (repeats included)."""
        for table in PASSAGE_TABLES:
            for (text,) in self.db.execute(f"SELECT text FROM {table}"):
                yield text

    def passage_sources(self, table: str) -> list[PassageSource]:
        """Every block (or item) with its document's file name and its page."""
        return [
            PassageSource._make(r)
            for r in self.db.execute(
                f"SELECT u.rowid, d.file_name, u.page, u.text FROM {_table(table)} u "
                "JOIN documents d ON d.id = u.doc_id"
            )
        ]

    def block_pages(self, file_name: str) -> list[tuple[int, str]]:
        """(page, text) of every block of the documents stored under *file_name*."""
        return [
            (p, t)
            for p, t in self.db.execute(
                "SELECT b.page, b.text FROM blocks b JOIN documents d ON d.id = b.doc_id "
                "WHERE d.file_name = ?",
                (file_name,),
            )
        ]

    def passage_text(self, table: str, rowids: Sequence[int]) -> dict[int, str]:
        """rowid -> text of the given blocks (or items); rowids no longer stored are absent."""
        if not rowids:
            return {}
        return {
            rowid: text
            for rowid, text in self.db.execute(
                f"SELECT rowid, text FROM {_table(table)} WHERE rowid IN ({_marks(len(rowids))})",
                list(rowids),
            )
        }

    # -- keyword search (FTS5) ---------------------------------------------------------
    def keyword_ranked(
        self,
        table: str,
        match: str,
        limit: int,
        *,
        rowids: Sequence[int] | None = None,
        docs: Sequence[str] | None = None,
        kinds: Sequence[str] = (),
        theme: str | None = None,
    ) -> list[tuple[int, float]]:
        """(rowid, bm25) of the blocks (or items) matching the FTS5 query *match*, best
        (lowest) first, at most *limit*.

        Restricted to *rowids* when given (the units passing a filter, already
        known); otherwise to the documents *docs* (None: all) and to passages
        overlapping an item of one of *kinds* / carrying *theme*.  Raises
        sqlite3.OperationalError for a query FTS5 cannot parse.
        """
        t = _table(table)
        if rowids is not None:
            where = f" AND u.rowid IN ({_marks(len(rowids))})" if rowids else " AND 0"
            args: list[Any] = list(rowids)
        else:
            where, args = _filter_sql(t, docs, kinds, theme)
        if where:
            sql = (
                f"SELECT f.rowid, bm25({t}_fts) AS s FROM {t}_fts f "
                f"JOIN {t} u ON u.rowid = f.rowid "
                f"WHERE {t}_fts MATCH ?{where} ORDER BY s LIMIT ?"
            )
        else:  # the join costs ~40% at 100k units when nothing needs it
            sql = (
                f"SELECT rowid, bm25({t}_fts) AS s FROM {t}_fts "
                f"WHERE {t}_fts MATCH ? ORDER BY s LIMIT ?"
            )
        return [(rowid, s) for rowid, s in self.db.execute(sql, [match, *args, limit])]

    def block_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM blocks").fetchone()[0])

    def blocks_matching(self, match: str) -> int:
        """How many blocks match the FTS5 query *match* (a word's document frequency)."""
        return int(
            self.db.execute(
                "SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH ?", (match,)
            ).fetchone()[0]
        )

    def item_ids_matching(self, match: str) -> set[str]:
        """Ids of the items matching the FTS5 query *match*."""
        return {
            r[0]
            for r in self.db.execute(
                "SELECT i.id FROM items_fts JOIN items i ON i.rowid = items_fts.rowid "
                "WHERE items_fts MATCH ?",
                (match,),
            )
        }

    def highlighted(
        self, table: str, match: str, rowids: Sequence[int], open_mark: str, close_mark: str
    ) -> list[tuple[int, str]]:
        """(rowid, text with the words *match* matched wrapped in the marks) of the given
        blocks (or items) that match."""
        t = _table(table)
        return [
            (rowid, marked)
            for rowid, marked in self.db.execute(
                f"SELECT rowid, highlight({t}_fts, 0, ?, ?) FROM {t}_fts "
                f"WHERE {t}_fts MATCH ? AND rowid IN ({_marks(len(rowids))})",
                [open_mark, close_mark, match, *rowids],
            )
        ]

    # -- the embedding cache ------------------------------------------------------------
    def embedding_rows(self, model_id: str, dim: int) -> tuple[list[str], list[bytes]]:
        """Every stored vector of *model_id* with *dim* floats, in one scan: their text
        hashes and their float32 bytes, in the same order (the search index builds its
        matrix from these; a lookup per hash took twice as long)."""
        hashes: list[str] = []
        blobs: list[bytes] = []
        for h, blob in self.db.execute(
            "SELECT text_hash, vector FROM embeddings WHERE model_id = ? AND dim = ?",
            (model_id, dim),
        ):
            hashes.append(h)
            blobs.append(blob)
        return hashes, blobs

    def embedded_hashes(self, model_id: str) -> set[str]:
        """The text hashes with a stored vector for *model_id* (hashes only, not vectors)."""
        return {
            h
            for (h,) in self.db.execute(
                "SELECT text_hash FROM embeddings WHERE model_id = ?", (model_id,)
            )
        }


def _filter_sql(
    table: str, docs: Sequence[str] | None, kinds: Sequence[str], theme: str | None
) -> tuple[str, list[Any]]:
    """Extra WHERE clauses for units ``u`` of *table* (blocks or items).

    *docs*: the ids of the documents that pass the document filters (None: all).
    """
    sql, args = "", []
    if docs is not None:
        sql += f" AND u.doc_id IN ({_marks(len(docs))})" if docs else " AND 0"
        args += list(docs)
    if kinds or theme:
        conds, extra = [], []
        if kinds:
            ordered = sorted(kinds)
            conds.append(f"i.kind IN ({_marks(len(ordered))})")
            extra.extend(ordered)
        if theme:
            conds.append("i.id IN (SELECT item_id FROM item_themes WHERE theme = ?)")
            extra.append(theme)
        if table == "items":
            sql += " AND " + " AND ".join(c.replace("i.", "u.") for c in conds)
        else:
            sql += (
                " AND EXISTS (SELECT 1 FROM items i WHERE i.doc_id = u.doc_id"
                " AND i.start < u.end AND i.end > u.start AND " + " AND ".join(conds) + ")"
            )
        args += extra
    return sql, args
