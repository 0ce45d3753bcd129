"""Two ingest processes and searches/reads on one store at the same time.

The store uses WAL, busy_timeout=60000 and BEGIN IMMEDIATE writes, so nobody
sees "database is locked", every reader sees whole documents only, and the end
result equals one uninterrupted ingest.  Ten rounds, each on a new store.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import hostile as H
from paths import CORPUS, REAL_OFSTED
from reviewmine.embedding.cache import cached_embed
from reviewmine.embedding.embedders import HashingEmbedder
from reviewmine.ingest import ingest_paths
from reviewmine.search.engine import Searcher, search
from reviewmine.store import Store

REAL = [
    "dorset_2021-11-19.pdf",
    "cornwall_2019-11-05.pdf",
    "kent_2013-08-23.pdf",
    "croydon_2020-03-16.pdf",
    "bradford_2018-10-29.pdf",
    "surrey_2015-08-03.pdf",
    "norfolk_2013-08-16.pdf",
    "thurrock_2019-12-20.pdf",
]
# Not "-m reviewmine.cli": run as __main__, cli.py gets a second `app` that the
# commands/*.py modules (search among them) do not register on.
CLI = [sys.executable, "-c", "from reviewmine.cli import main; main()"]


def test_regression_a_searcher_meets_blocks_stored_after_it_loaded(tmp_path):
    store = Store.open(tmp_path / "s.db")
    ingest_paths([REAL_OFSTED / "dorset_2021-11-19.pdf"], store)
    searcher = Searcher(store)
    assert searcher.units  # loaded now
    ingest_paths([REAL_OFSTED / "kent_2013-08-23.pdf"], store)  # e.g. by another process
    assert searcher.search("children social care", mode="keyword")


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in REAL:
        shutil.copy(REAL_OFSTED / name, folder / name)
    if CORPUS.is_dir():
        for p in sorted(CORPUS.glob("*")):
            if p.suffix in (".pdf", ".docx", ".html", ".md") and p.name != "README.md":
                shutil.copy(p, folder / p.name)
    return folder


def _snapshot_is_whole(db_path: Path) -> tuple[int, list[str]]:
    """Inside one read transaction: every visible document has all its pages and blocks."""
    db = sqlite3.connect(str(db_path), timeout=60, isolation_level=None)
    try:
        db.execute("BEGIN")
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "documents" not in tables:
            return 0, []
        bad = [
            f"{r[0][:12]}: {r[2]}/{r[1]} pages, {r[3]} blocks"
            for r in db.execute(
                "SELECT d.id, d.pages, (SELECT count(*) FROM pages p WHERE p.doc_id=d.id),"
                " (SELECT count(*) FROM blocks b WHERE b.doc_id=d.id) FROM documents d"
            )
            if r[2] != r[1] or r[3] == 0
        ]
        bad += [
            f"item of missing document {r[0]}"
            for r in db.execute(
                "SELECT id FROM items WHERE doc_id NOT IN (SELECT id FROM documents) LIMIT 3"
            )
        ]
        n = db.execute("SELECT count(*) FROM documents").fetchone()[0]
        db.execute("COMMIT")
        return n, bad
    finally:
        db.close()


def _rounds(tmp_path: Path, reader) -> int:
    """Ten rounds of two concurrent ingests on a new store, calling reader(db) meanwhile."""
    folder = _folder(tmp_path)
    files = sorted(p for p in folder.iterdir())
    ref_db = tmp_path / "reference.db"
    subprocess.run(
        [*CLI, "ingest", str(folder), "--db", str(ref_db), "--no-index"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=600,
    )
    reference = H.store_signature(ref_db)
    assert len(reference["documents"]) == len(files)

    reads = 0
    for round_no in range(10):
        db = tmp_path / f"shared-{round_no}.db"
        # one walks the folder in order, the other the files in reverse: they meet in the
        # middle, parse some of the same files at once and both try to store them
        procs = [
            subprocess.Popen(
                [*CLI, "ingest", str(folder), "--db", str(db), "--workers", "1", "--no-index"],
                cwd=tmp_path,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            ),
            subprocess.Popen(
                [
                    *CLI,
                    "ingest",
                    *map(str, reversed(files)),
                    "--db",
                    str(db),
                    "--workers",
                    "1",
                    "--no-index",
                ],
                cwd=tmp_path,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            ),
        ]
        seen = 0
        while any(p.poll() is None for p in procs):
            if db.exists():
                n, bad = _snapshot_is_whole(db)
                assert bad == [], f"round {round_no}: a reader saw half a document: {bad}"
                assert n >= seen, "documents disappeared"
                seen = n
                reader(db)
                reads += 1
            time.sleep(0.05)
        for p in procs:
            _, err = p.communicate(timeout=60)
            assert p.returncode == 0, err[-2000:]
            assert "locked" not in err
        assert H.consistency_problems(db) == []
        assert H.store_signature(db) == reference, f"round {round_no}"
    return reads


def _read_and_cache_embeddings(db: Path) -> None:
    with Store.open(db) as store:  # the library's read paths, and a third writer
        items = store.items()
        store.documents()
        cached_embed(store, HashingEmbedder(64), [it.text for it in items[:200]])


@pytest.mark.slow
def test_two_ingests_with_reads_and_a_third_writer_never_lock_and_agree(tmp_path):
    reads = _rounds(tmp_path, _read_and_cache_embeddings)
    print(
        f"\nconcurrency: 10 rounds of two concurrent ingests, {reads} consistent reads "
        "(each also caching embeddings); no lock errors"
    )
    assert reads >= 10


def _search_while_ingesting(db: Path) -> None:
    with Store.open(db) as store:
        search(store, "strategy discussions", mode="keyword")
    # a search in its own process, as a user would run it; it also caches embeddings
    hit = subprocess.run(
        [
            *CLI,
            "search",
            "neglect toolkit",
            "--db",
            str(db),
            "--mode",
            "hybrid",
            "--embedder",
            "hashing",
            "--format",
            "json",
        ],
        cwd=db.parent,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert hit.returncode == 0 and "locked" not in hit.stderr, hit.stderr[-2000:]


@pytest.mark.slow
def test_searches_during_two_ingests_never_fail(tmp_path):
    assert _rounds(tmp_path, _search_while_ingesting) >= 10
