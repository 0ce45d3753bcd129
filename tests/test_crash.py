"""Crash safety: `reviewmine ingest` killed with SIGKILL at random points.

After every kill the store passes SQLite's integrity check, holds no half-stored
document (a document row exists exactly when its pages and blocks do; items and
file links point at stored documents; the keyword indexes match their tables),
the parser processes die with the batch instead of lingering, and a re-run
completes the batch with exactly what an uninterrupted run stores.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import hostile as H
from paths import CORPUS, REAL_OFSTED

pytestmark = pytest.mark.slow

REAL = [
    "leeds_2015-03-27.pdf",
    "norfolk_2015-10-20.pdf",
    "bexley_2014-05-23.pdf",
    "kent_2013-08-23.pdf",
    "slough_2014-02-14.pdf",
    "surrey_2015-08-03.pdf",
    "dorset_2021-11-19.pdf",
    "cornwall_2019-11-05.pdf",
    "croydon_2020-03-16.pdf",
    "bradford_2018-10-29.pdf",
    "thurrock_2019-12-20.pdf",
    "norfolk_2013-08-16.pdf",
]


def _batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    for name in REAL:
        shutil.copy(REAL_OFSTED / name, folder / name)
    if CORPUS.is_dir():
        for p in CORPUS.iterdir():
            if p.suffix in (".pdf", ".docx", ".html", ".md") and p.name != "README.md":
                shutil.copy(p, folder / p.name)
    return folder


def _ingest_cmd(folder: Path, db: Path) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from reviewmine.cli import main; main()",
        "ingest",
        str(folder),
        "--db",
        str(db),
        "--workers",
        "2",
        "--no-index",
    ]


def _kill_after(cmd: list[str], delay: float, cwd: Path) -> bool:
    """Start cmd, SIGKILL its main process after `delay` s; True if it was still running.

    Only the main process is killed, as the kernel's OOM killer or a crash would;
    its parser processes must then die on their own.
    """
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        start_new_session=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(delay)
        killed = proc.poll() is None
        if killed:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        # the parser processes share the session; they must be gone shortly
        deadline = time.monotonic() + 10
        while _group_alive(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _group_alive(proc.pid), "parser processes outlived the killed batch"
        return killed
    finally:
        if _group_alive(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def test_ingest_killed_at_random_points_loses_nothing_and_resumes(tmp_path):
    folder = _batch(tmp_path)
    ref_db = tmp_path / "reference.db"
    t0 = time.perf_counter()
    subprocess.run(
        _ingest_cmd(folder, ref_db), cwd=tmp_path, check=True, capture_output=True, timeout=600
    )
    full = time.perf_counter() - t0
    assert H.consistency_problems(ref_db) == []
    reference = H.store_signature(ref_db)
    assert len(reference["documents"]) == len(list(folder.iterdir()))

    rnd = random.Random(20261126)
    kills = 0
    for round_no in range(10):
        db = tmp_path / f"crash-{round_no}.db"
        # two kills per round: one on a new store, one while resuming the half-done batch
        for _ in range(2):
            delay = rnd.uniform(0.05, 0.95) * full
            if _kill_after(_ingest_cmd(folder, db), delay, tmp_path):
                kills += 1
            if db.exists():
                problems = H.consistency_problems(db)
                assert problems == [], f"round {round_no}, killed after {delay:.2f} s: {problems}"
        done = subprocess.run(
            _ingest_cmd(folder, db),
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert H.consistency_problems(db) == []
        assert H.store_signature(db) == reference, f"round {round_no}"
    print(
        f"\ncrash test: {kills} SIGKILLs survived (batch of {len(reference['documents'])} "
        f"files, {full:.1f} s uninterrupted), data lost: 0"
    )
    assert kills >= 10


WRITER = r"""
import random, sys
from reviewmine.store import Store
from reviewmine.types import Block, Document, Item

store = Store.open(sys.argv[1])
rnd = random.Random(int(sys.argv[2]))
n = 0
while True:
    n += 1
    doc_id = "%064x" % rnd.getrandbits(256)
    texts = ["Paragraph %d of document %d: " % (i, n) + "words " * rnd.randrange(5, 60)
             for i in range(rnd.randrange(50, 400))]
    blocks, pos = [], 0
    for i, t in enumerate(texts):
        blocks.append(Block(index=i, page=1 + i // 20, kind="paragraph", text=t, start=pos,
                            end=pos + len(t)))
        pos += len(t) + 2
    pages = 1 + (len(texts) - 1) // 20
    path = "file-%d.pdf" % (n % 7)  # paths are reused: most saves replace a document
    doc = Document(id=doc_id, file=path, file_name=path, doc_type="other", title="T", area=None,
                   date=None, pages=pages, text="\n\n".join(texts), blocks=tuple(blocks),
                   page_texts=tuple("page" for _ in range(pages)))
    items = [Item(doc_id=doc_id, kind="recommendation", text=texts[i], page=blocks[i].page,
                  heading=None, ordinal=k, id="%s:%d" % (doc_id[:12], k))
             for k, i in enumerate(range(0, len(texts), 3))]
    store.save_document(doc, items, path=path, size=1, mtime=0)
"""


def test_store_killed_in_the_middle_of_writes_stays_consistent(tmp_path):
    # Here almost all the time is spent inside write transactions, so the kills land
    # mid-insert, mid-cascade-delete and mid-checkpoint rather than while parsing.
    rnd = random.Random(99)
    db = tmp_path / "writes.db"
    for k in range(10):
        delay = rnd.uniform(0.5, 2.5)
        assert _kill_after([sys.executable, "-c", WRITER, str(db), str(k)], delay, tmp_path)
        assert H.consistency_problems(db) == [], f"kill {k} after {delay:.2f} s"
    sig = H.store_signature(db)
    assert 1 <= len(sig["documents"]) <= 7 and len(sig["files"]) == len(sig["documents"])
