"""The SQLite store: every read and write; the only package that runs SQL.

One file holds documents, pages, blocks, items, theme assignments, cached
embeddings, tracker actions and links, and run records.  All DDL lives in
:mod:`.schema` (MIGRATIONS); opening a store applies the pending ones, so a
store made by an older version opens in a newer one.  Each document is
written in one transaction: a crash leaves either the old version or the new
one, never half of either.  Reads return the stages' dataclasses (Document,
Item, TrackerAction ...) or the records of :mod:`.records`; the search
index's reads are in :mod:`.passages`, the doctor's checks in :mod:`.health`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from pathlib import Path

import numpy as np

from ..errors import NotFound, StoreError
from ..types import Block, Document, Item, ThemeScore, TrackerAction
from .passages import PassageQueries
from .records import TRACKER_COLUMNS, StoredLink, tracker_action_from_row
from .schema import MIGRATIONS, SCHEMA_VERSION, connect, migrate

__all__ = ["DEFAULT_DB", "MIGRATIONS", "SCHEMA_VERSION", "Store", "StoredLink", "default_db_path"]

DEFAULT_DB = "reviewmine.db"


def default_db_path() -> Path:
    """The store used when ``--db`` is not given: $REVIEWMINE_DB or ./reviewmine.db."""
    return Path(os.environ.get("REVIEWMINE_DB") or DEFAULT_DB)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Store(PassageQueries):
    """An open reviewmine store.  Use :meth:`open`; close with :meth:`close`."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path

    # -- opening and schema -------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None) -> Store:
        """Open (creating if needed) the store at *path* and apply pending migrations.

        >>> store = Store.open(":memory:")
        >>> store.schema_version() == SCHEMA_VERSION
        True
        """
        p = Path(path) if path is not None else default_db_path()
        if str(p) != ":memory:" and p.parent and not p.parent.exists():
            raise StoreError(
                "the folder for the store does not exist",
                path=p,
                hint="create it or pass another --db",
            )
        try:
            db = connect(p)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"cannot open the store ({exc})", path=p, hint="is it a reviewmine database?"
            ) from exc
        store = cls(db, p)
        store._migrate()
        return store

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any error."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _migrate(self) -> None:
        migrate(self.db, self.path)

    def schema_version(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM schema_migrations").fetchone()[0])

    def integrity_ok(self) -> bool:
        return self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    # -- documents ----------------------------------------------------------
    def doc_id_for_path(self, path: str) -> str | None:
        row = self.db.execute("SELECT doc_id FROM files WHERE path=?", (path,)).fetchone()
        return row[0] if row else None

    def has_document(self, doc_id: str) -> bool:
        return (
            self.db.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone() is not None
        )

    def link_file(self, path: str, doc_id: str, size: int, mtime: float) -> str | None:
        """Point *path* at an already stored document; returns the replaced doc id if any."""
        with self.transaction():
            return self._link(path, doc_id, size, mtime)

    def _link(self, path: str, doc_id: str, size: int, mtime: float) -> str | None:
        old = self.doc_id_for_path(path)
        self.db.execute(
            "INSERT INTO files(path, doc_id, size, mtime) VALUES (?,?,?,?) "
            "ON CONFLICT(path) DO UPDATE SET doc_id=excluded.doc_id, size=excluded.size, "
            "mtime=excluded.mtime",
            (path, doc_id, size, mtime),
        )
        if old and old != doc_id:
            # Drop the old version unless another path still holds it.
            if not self.db.execute("SELECT 1 FROM files WHERE doc_id=?", (old,)).fetchone():
                self.db.execute("DELETE FROM documents WHERE id=?", (old,))
            return old
        return None

    def save_document(
        self, doc: Document, items: Sequence[Item], *, path: str, size: int, mtime: float
    ) -> str | None:
        """Write a parsed document with its items in one transaction.

        Returns the id of the document this one replaced (same path, older content).
        """
        with self.transaction():
            self.db.execute("DELETE FROM documents WHERE id=?", (doc.id,))
            self.db.execute(
                "INSERT INTO documents(id, file, file_name, doc_type, title, area, date, pages, text,"
                " dates_json, pseudonym, judgements_json, framework, topic, ingested_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc.id,
                    doc.file,
                    doc.file_name,
                    doc.doc_type,
                    doc.title,
                    doc.area,
                    doc.date,
                    doc.pages,
                    doc.text,
                    _json(doc.dates),
                    doc.pseudonym,
                    _json(doc.judgements),
                    doc.framework,
                    doc.topic,
                    time.time(),
                ),
            )
            self.db.executemany(
                "INSERT INTO pages(doc_id, page, text) VALUES (?,?,?)",
                [(doc.id, i + 1, t) for i, t in enumerate(doc.page_texts)],
            )
            self.db.executemany(
                "INSERT INTO blocks(doc_id, idx, page, kind, text, level, number, bullet, start, end,"
                " size, bold, x0, tbl, row, col) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        doc.id,
                        b.index,
                        b.page,
                        b.kind,
                        b.text,
                        b.level,
                        b.number,
                        int(b.bullet),
                        b.start,
                        b.end,
                        b.size,
                        int(b.bold),
                        b.x0,
                        b.table,
                        b.row,
                        b.col,
                    )
                    for b in doc.blocks
                ],
            )
            self._insert_items(doc.id, items)
            return self._link(path, doc.id, size, mtime)

    def replace_items(self, doc_id: str, items: Sequence[Item]) -> None:
        """Swap a document's items (after the extractor changed) in one transaction."""
        with self.transaction():
            self.db.execute("DELETE FROM items WHERE doc_id=?", (doc_id,))
            self._insert_items(doc_id, items)

    def _insert_items(self, doc_id: str, items: Sequence[Item]) -> None:
        self.db.executemany(
            "INSERT INTO items(id, doc_id, ordinal, kind, number, text, page, heading, subheading,"
            " paragraph, section, addressees_json, confidence, subitems_json, start, end)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    it.id,
                    doc_id,
                    it.ordinal,
                    it.kind,
                    it.number,
                    it.text,
                    it.page,
                    it.heading,
                    it.subheading,
                    it.paragraph,
                    it.section,
                    _json(list(it.addressees)),
                    it.confidence,
                    _json(list(it.subitems)),
                    it.start,
                    it.end,
                )
                for it in items
            ],
        )

    def document_ids(self) -> list[str]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT id FROM documents ORDER BY date IS NULL, date, file_name, id"
            )
        ]

    def documents(self, *, with_blocks: bool = False) -> list[Document]:
        """All stored documents in (date, file name) order."""
        return [self.document(i, with_blocks=with_blocks) for i in self.document_ids()]

    def find_document(self, ref: str) -> Document:
        """A document by id, id prefix, file name or path."""
        row = self.db.execute(
            "SELECT id FROM documents WHERE id=? OR file_name=? OR file=? "
            "OR id IN (SELECT doc_id FROM files WHERE path=?) ORDER BY ingested_at DESC LIMIT 1",
            (ref, ref, ref, ref),
        ).fetchone()
        if row is None and len(ref) >= 6:
            rows = self.db.execute(
                "SELECT id FROM documents WHERE id LIKE ?", (ref + "%",)
            ).fetchall()
            row = rows[0] if len(rows) == 1 else None
        if row is None:
            raise NotFound(
                f"no stored document matches '{ref}'", hint="list them with 'reviewmine docs'"
            )
        return self.document(row[0], with_blocks=True)

    def document(self, doc_id: str, *, with_blocks: bool = True) -> Document:
        row = self.db.execute(
            "SELECT id, file, file_name, doc_type, title, area, date, pages, text, dates_json,"
            " pseudonym, judgements_json, framework, topic FROM documents WHERE id=?",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no stored document with id {doc_id}")
        blocks: tuple[Block, ...] = ()
        page_texts: tuple[str, ...] = ()
        if with_blocks:
            blocks = tuple(
                Block(
                    index=r[0],
                    page=r[1],
                    kind=r[2],
                    text=r[3],
                    level=r[4],
                    number=r[5],
                    bullet=bool(r[6]),
                    start=r[7],
                    end=r[8],
                    size=r[9],
                    bold=bool(r[10]),
                    x0=r[11],
                    table=r[12],
                    row=r[13],
                    col=r[14],
                )
                for r in self.db.execute(
                    "SELECT idx, page, kind, text, level, number, bullet, start, end, size, bold,"
                    " x0, tbl, row, col FROM blocks WHERE doc_id=? ORDER BY idx",
                    (doc_id,),
                )
            )
            page_texts = tuple(
                r[0]
                for r in self.db.execute(
                    "SELECT text FROM pages WHERE doc_id=? ORDER BY page", (doc_id,)
                )
            )
        return Document(
            id=row[0],
            file=row[1],
            file_name=row[2],
            doc_type=row[3],
            title=row[4],
            area=row[5],
            date=row[6],
            pages=row[7],
            text=row[8] if with_blocks else "",
            blocks=blocks,
            page_texts=page_texts,
            dates=json.loads(row[9]),
            pseudonym=row[10],
            judgements=json.loads(row[11]),
            framework=row[12],
            topic=row[13],
        )

    # -- items ----------------------------------------------------------------
    def items(
        self, *, doc_id: str | None = None, kind: str | None = None, theme: str | None = None
    ) -> list[Item]:
        """Items in document order, optionally filtered."""
        sql = (
            "SELECT i.id, i.doc_id, i.ordinal, i.kind, i.number, i.text, i.page, i.heading,"
            " i.subheading, i.paragraph, i.section, i.addressees_json, i.confidence,"
            " i.subitems_json, i.start, i.end FROM items i JOIN documents d ON d.id = i.doc_id"
        )
        where: list[str] = []
        args: list[object] = []
        if doc_id:
            where.append("i.doc_id = ?")
            args.append(doc_id)
        if kind:
            where.append("i.kind = ?")
            args.append(kind)
        if theme:
            where.append("i.id IN (SELECT item_id FROM item_themes WHERE theme = ?)")
            args.append(theme)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY d.date IS NULL, d.date, d.file_name, i.ordinal"
        return [
            Item(
                id=r[0],
                doc_id=r[1],
                ordinal=r[2],
                kind=r[3],
                number=r[4],
                text=r[5],
                page=r[6],
                heading=r[7],
                subheading=r[8],
                paragraph=r[9],
                section=r[10],
                addressees=tuple(json.loads(r[11])),
                confidence=r[12],
                subitems=tuple(json.loads(r[13])),
                start=r[14],
                end=r[15],
            )
            for r in self.db.execute(sql, args)
        ]

    def item(self, item_id: str) -> Item:
        for it in self.items_by_ids([item_id]):
            return it
        raise NotFound(
            f"no stored item with id {item_id}", hint="list them with 'reviewmine items'"
        )

    def items_by_ids(self, ids: Iterable[str]) -> list[Item]:
        wanted = set(ids)
        return [it for it in self.items() if it.id in wanted]

    # -- themes -----------------------------------------------------------------
    def set_item_themes(self, assignments: dict[str, Sequence[ThemeScore]]) -> None:
        with self.transaction():
            for item_id, scores in assignments.items():
                self.db.execute("DELETE FROM item_themes WHERE item_id=?", (item_id,))
                self.db.executemany(
                    "INSERT INTO item_themes(item_id, theme, score, reason) VALUES (?,?,?,?)",
                    [(item_id, s.theme, s.score, s.reason) for s in scores],
                )

    def item_themes(self) -> dict[str, tuple[ThemeScore, ...]]:
        out: dict[str, list[ThemeScore]] = {}
        for item_id, theme, score, reason in self.db.execute(
            "SELECT item_id, theme, score, reason FROM item_themes ORDER BY item_id, score DESC, theme"
        ):
            out.setdefault(item_id, []).append(ThemeScore(theme, score, reason))
        return {k: tuple(v) for k, v in out.items()}

    def theme_ids(self) -> list[str]:
        """The themes at least one item carries, sorted."""
        return [
            r[0] for r in self.db.execute("SELECT DISTINCT theme FROM item_themes ORDER BY theme")
        ]

    # -- embeddings cache ---------------------------------------------------------
    def get_embeddings(self, text_hashes: Sequence[str], model_id: str) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for i in range(0, len(text_hashes), 500):
            chunk = list(text_hashes[i : i + 500])
            marks = ",".join("?" * len(chunk))
            for h, dim, blob in self.db.execute(
                f"SELECT text_hash, dim, vector FROM embeddings WHERE model_id=? AND text_hash IN ({marks})",
                [model_id, *chunk],
            ):
                out[h] = np.frombuffer(blob, dtype=np.float32, count=dim)
        return out

    def put_embeddings(self, vectors: dict[str, np.ndarray], model_id: str) -> None:
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO embeddings(text_hash, model_id, dim, vector) VALUES (?,?,?,?)",
                [
                    (h, model_id, int(v.shape[0]), np.asarray(v, dtype=np.float32).tobytes())
                    for h, v in vectors.items()
                ],
            )

    # -- tracker ------------------------------------------------------------------
    _TRACKER_COLS = TRACKER_COLUMNS

    def replace_tracker_actions(
        self, source_file: str, rows: Sequence[dict[str, object]], sheet: str | None = None
    ) -> None:
        """Swap one tracker file's rows (or one sheet's) for *rows*, in one transaction."""
        cols = self._TRACKER_COLS
        with self.transaction():
            if sheet is None:
                self.db.execute("DELETE FROM tracker_actions WHERE source_file=?", (source_file,))
            else:
                self.db.execute(
                    "DELETE FROM tracker_actions WHERE source_file=? AND sheet=?",
                    (source_file, sheet),
                )
            self.db.executemany(
                f"INSERT INTO tracker_actions({', '.join(cols)})"
                f" VALUES ({','.join('?' * len(cols))})",
                [tuple(r.get(c) for c in cols) for r in rows],
            )

    def _tracker_rows(self, source_file: str | None) -> list[tuple[object, ...]]:
        sql = f"SELECT rowid, {', '.join(self._TRACKER_COLS)} FROM tracker_actions"
        args: tuple[object, ...] = ()
        if source_file is not None:
            sql += " WHERE source_file=?"
            args = (source_file,)
        sql += " ORDER BY source_file, rowid"
        return [tuple(r) for r in self.db.execute(sql, args)]

    def tracker_actions(self, source_file: str | None = None) -> list[TrackerAction]:
        """Stored tracker actions (optionally of one file) in file, sheet (as imported) and
        row order."""
        return [tracker_action_from_row(r[1:]) for r in self._tracker_rows(source_file)]

    def tracker_action_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM tracker_actions").fetchone()[0])

    def replace_tracker_links(self, links: Sequence[dict[str, object]]) -> int:
        """Replace all stored links.  Each link names its action by (source_file, sheet,
        row) and carries item_id, score, reason, origin; links to actions or items no
        longer stored are dropped.  Returns the number stored."""
        with self.transaction():
            self.db.execute("DELETE FROM tracker_links")
            n = 0
            for ln in links:
                cur = self.db.execute(
                    "INSERT OR REPLACE INTO tracker_links"
                    "(action_rowid, item_id, score, reason, origin) SELECT a.rowid, i.id, ?, ?, ? FROM tracker_actions a, items i"
                    " WHERE a.source_file=? AND a.sheet=? AND a.row=? AND i.id=?",
                    (
                        ln["score"],
                        ln["reason"],
                        ln["origin"],
                        ln["source_file"],
                        ln["sheet"],
                        ln["row"],
                        ln["item_id"],
                    ),
                )
                n += cur.rowcount
            return n

    def tracker_links(self) -> list[StoredLink]:
        """Stored links with their action's file, sheet, row and id, by action then score."""
        out = []
        for r in self.db.execute(
            "SELECT a.source_file, a.sheet, a.row, a.action_id, l.item_id, l.score, l.reason,"
            " l.origin FROM tracker_links l JOIN tracker_actions a ON a.rowid = l.action_rowid"
            " ORDER BY a.source_file, a.rowid, l.score DESC, l.item_id"
        ):
            try:
                out.append(StoredLink.from_row(r))
            except (TypeError, ValueError):
                continue  # a row or score that is not a number (only a hand-edited store)
        return out

    # -- runs -------------------------------------------------------------------
    def record_run(
        self,
        command: str,
        config: object,
        models: dict[str, str],
        summary: dict[str, object] | None = None,
    ) -> None:
        cfg = asdict(config) if is_dataclass(config) and not isinstance(config, type) else config
        with self.transaction():
            self.db.execute(
                "INSERT INTO runs(started, command, config_json, models_json, summary_json)"
                " VALUES (?,?,?,?,?)",
                (time.time(), command, _json(cfg), _json(models), _json(summary or {})),
            )

    def last_run(self, command: str) -> dict[str, object] | None:
        """The newest recorded run of *command*: its config, models and summary, or None."""
        row = self.db.execute(
            "SELECT started, config_json, models_json, summary_json FROM runs WHERE command=?"
            " ORDER BY started DESC, rowid DESC LIMIT 1",
            (command,),
        ).fetchone()
        if row is None:
            return None
        return {
            "started": row[0],
            "config": json.loads(row[1]),
            "models": json.loads(row[2]),
            "summary": json.loads(row[3]),
        }

    def counts(self) -> dict[str, int]:
        return {
            t: int(self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
            for t in (
                "documents",
                "blocks",
                "items",
                "item_themes",
                "embeddings",
                "tracker_actions",
            )
        }
