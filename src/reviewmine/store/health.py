"""Checks on a store file without opening it as a :class:`~reviewmine.store.Store`
(which would apply migrations): what ``reviewmine doctor`` reports.

Errors are SQLite's own (``sqlite3.Error`` and subclasses): the doctor turns
each into a one-line diagnosis.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .passages import PASSAGE_TABLES


class StoreInspection:
    """A store file opened read-only.  Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> StoreInspection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def applied_migrations(self) -> set[str]:
        """Names of the migrations applied (sqlite3.DatabaseError: not a reviewmine store)."""
        return {r[0] for r in self.db.execute("SELECT name FROM schema_migrations")}

    def integrity_check(self) -> list[str]:
        """SQLite's integrity_check: ["ok"] or its complaints."""
        return [r[0] for r in self.db.execute("PRAGMA integrity_check")]

    def foreign_key_problems(self) -> list[tuple[object, ...]]:
        """Rows pointing at missing rows: (table, rowid, parent table, constraint index)."""
        return [tuple(r) for r in self.db.execute("PRAGMA foreign_key_check").fetchall()]


def fts_integrity_error(path: Path, table: str) -> sqlite3.DatabaseError | None:
    """FTS5's check of ``<table>_fts`` against *table*, or the error it raised.

    FTS5 runs the check only through an INSERT, hence a read-write connection
    and a transaction that is always rolled back.
    """
    if table not in PASSAGE_TABLES:
        raise ValueError(f"not a passage table: {table!r}")
    fts = f"{table}_fts"
    rw = sqlite3.connect(str(path), timeout=60, isolation_level=None)
    try:
        rw.execute("BEGIN")
        try:
            rw.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            return exc
        finally:
            rw.execute("ROLLBACK")
    finally:
        rw.close()
    return None


def fts_rebuild_command(path: Path, table: str) -> str:
    """The shell command that rebuilds ``<table>_fts`` from its table."""
    fts = f"{table}_fts"
    return f"sqlite3 {path} \"INSERT INTO {fts}({fts}) VALUES ('rebuild')\""
