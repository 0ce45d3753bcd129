"""The store's schema: every table, index, trigger and pragma, applied as migrations.

All DDL lives here.  Opening a store applies the pending migrations, each in
its own transaction together with its record in ``schema_migrations``, so a
store made by an older version opens in a newer one.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from ..errors import StoreError


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, foreign keys on."""
    db = sqlite3.connect(str(path), timeout=60, isolation_level=None)
    db.execute("PRAGMA busy_timeout = 60000")
    if str(path) != ":memory:":
        set_wal(db)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def _script(db: sqlite3.Connection, sql: str) -> None:
    """Run DDL statement by statement: executescript() would commit the open transaction."""
    stmt = ""
    for line in sql.splitlines(keepends=True):
        stmt += line
        if sqlite3.complete_statement(stmt):
            db.execute(stmt)
            stmt = ""
    if stmt.strip():
        db.execute(stmt)


def set_wal(db: sqlite3.Connection) -> None:
    # Switching a new file to WAL needs a moment alone with it; SQLite's busy handler does not
    # cover that step, so two processes creating one store at once retry it for a while.
    for attempt in range(100):
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or attempt == 99:
                raise
            time.sleep(0.05 + 0.01 * attempt)


def _m001_initial(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            file TEXT NOT NULL,
            file_name TEXT NOT NULL,
            doc_type TEXT NOT NULL,
            title TEXT NOT NULL,
            area TEXT,
            date TEXT,
            pages INTEGER NOT NULL,
            text TEXT NOT NULL,
            dates_json TEXT NOT NULL DEFAULT '{}',
            pseudonym TEXT,
            judgements_json TEXT NOT NULL DEFAULT '{}',
            framework TEXT,
            ingested_at REAL NOT NULL
        );
        -- which path currently holds which document (a changed file replaces its old version)
        CREATE TABLE files (
            path TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            size INTEGER NOT NULL,
            mtime REAL NOT NULL
        );
        CREATE TABLE pages (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            page INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (doc_id, page)
        );
        CREATE TABLE blocks (
            rowid INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            page INTEGER NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            level INTEGER NOT NULL,
            number TEXT,
            bullet INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            size REAL NOT NULL,
            bold INTEGER NOT NULL,
            x0 REAL NOT NULL,
            tbl INTEGER,
            row INTEGER,
            col INTEGER,
            UNIQUE (doc_id, idx)
        );
        CREATE TABLE items (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            kind TEXT NOT NULL,
            number TEXT,
            text TEXT NOT NULL,
            page INTEGER NOT NULL,
            heading TEXT,
            subheading TEXT,
            paragraph TEXT,
            section TEXT NOT NULL,
            addressees_json TEXT NOT NULL,
            confidence REAL NOT NULL,
            subitems_json TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL
        );
        CREATE INDEX items_doc ON items(doc_id);
        CREATE TABLE item_themes (
            item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            theme TEXT NOT NULL,
            score REAL NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (item_id, theme)
        );
        CREATE INDEX item_themes_theme ON item_themes(theme);
        -- keyed by the text's hash and the model id: unchanged text is never re-embedded
        CREATE TABLE embeddings (
            text_hash TEXT NOT NULL,
            model_id TEXT NOT NULL,
            dim INTEGER NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (text_hash, model_id)
        );
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started REAL NOT NULL,
            command TEXT NOT NULL,
            config_json TEXT NOT NULL,
            models_json TEXT NOT NULL,
            summary_json TEXT NOT NULL DEFAULT '{}'
        );
        """,
    )


def _m002_fulltext(db: sqlite3.Connection) -> None:
    # External-content FTS5 tables kept in step by triggers, so every write path
    # (including deletes by cascade) updates the keyword index.
    _script(
        db,
        """
        CREATE VIRTUAL TABLE blocks_fts USING fts5(
            text, content='blocks', content_rowid='rowid', tokenize='porter unicode61');
        CREATE TRIGGER blocks_ai AFTER INSERT ON blocks BEGIN
            INSERT INTO blocks_fts(rowid, text) VALUES (new.rowid, new.text);
        END;
        CREATE TRIGGER blocks_ad AFTER DELETE ON blocks BEGIN
            INSERT INTO blocks_fts(blocks_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        END;
        CREATE VIRTUAL TABLE items_fts USING fts5(
            text, content='items', content_rowid='rowid', tokenize='porter unicode61');
        CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN
            INSERT INTO items_fts(rowid, text) VALUES (new.rowid, new.text);
        END;
        CREATE TRIGGER items_ad AFTER DELETE ON items BEGIN
            INSERT INTO items_fts(items_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        END;
        """,
    )


def _m003_tracker(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE tracker_actions (
            rowid INTEGER PRIMARY KEY,
            action_id TEXT NOT NULL,
            source_file TEXT NOT NULL,
            sheet TEXT NOT NULL,
            row INTEGER NOT NULL,
            review TEXT,
            recommendation TEXT,
            action TEXT,
            owner TEXT,
            due_date TEXT,
            status TEXT,
            status_norm TEXT,
            evidence TEXT,
            raw_json TEXT NOT NULL,
            UNIQUE (source_file, sheet, row)
        );
        """,
    )


def _m004_tracker_links(db: sqlite3.Connection) -> None:
    # Links from tracker actions to the items they answer, as the last `match` run
    # (plus user confirmations) decided them; cascades drop them when the tracker is
    # re-imported or the items are re-extracted, so a link never outlives either end.
    _script(
        db,
        """
        CREATE TABLE tracker_links (
            action_rowid INTEGER NOT NULL REFERENCES tracker_actions(rowid) ON DELETE CASCADE,
            item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            score REAL NOT NULL,
            reason TEXT NOT NULL,
            origin TEXT NOT NULL,
            PRIMARY KEY (action_rowid, item_id)
        );
        CREATE INDEX tracker_links_item ON tracker_links(item_id);
        """,
    )


def _m005_document_topic(db: sqlite3.Connection) -> None:
    # A JTAI's deep-dive topic or a focused visit's focus ("which JTAIs looked at neglect").
    db.execute("ALTER TABLE documents ADD COLUMN topic TEXT")


# Ordered, named, append-only: never edit a released migration, add a new one.
MIGRATIONS: tuple[tuple[str, Callable[[sqlite3.Connection], None]], ...] = (
    ("001_initial", _m001_initial),
    ("002_fulltext", _m002_fulltext),
    ("003_tracker", _m003_tracker),
    ("004_tracker_links", _m004_tracker_links),
    ("005_document_topic", _m005_document_topic),
)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite3.Connection, path: Path) -> None:
    """Apply the pending migrations, each with its record in one transaction."""
    try:
        db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied REAL)"
        )
        done = {r[0] for r in db.execute("SELECT name FROM schema_migrations")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"not a usable reviewmine store ({exc})", path=path) from exc
    unknown = done - {name for name, _ in MIGRATIONS}
    if unknown:
        raise StoreError(
            f"store was written by a newer reviewmine (migrations {sorted(unknown)})",
            path=path,
            hint="upgrade reviewmine",
        )
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have applied it while we waited for the lock.
            if not db.execute("SELECT 1 FROM schema_migrations WHERE name=?", (name,)).fetchone():
                fn(db)
                db.execute("INSERT INTO schema_migrations VALUES (?, ?)", (name, time.time()))
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
