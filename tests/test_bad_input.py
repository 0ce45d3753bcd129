"""Hostile and broken input: each bad file gets one clear line, the rest of the batch is
ingested, nothing already stored changes, and the CLI exits non-zero."""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import hostile as H
import reviewmine.ingest as ingest_mod
from paths import REAL_OFSTED
from reviewmine.cli import app
from reviewmine.ingest import ingest_paths
from reviewmine.store import Store

runner = CliRunner()
GOOD_PDF = REAL_OFSTED / "dorset_2021-11-19.pdf"  # 9 pages, fast
BASELINE_PDF = REAL_OFSTED / "cornwall_2019-11-05.pdf"

GOOD_TEXT = (
    "Learning from the review of Child P\n\nRecommendations\n\n"
    "1. The partnership should audit strategy discussions.\n"
    "2. Schools should use the neglect toolkit.\n"
)


def _baseline(tmp_path: Path) -> Path:
    """A store that already holds one document, to prove bad input leaves it alone."""
    db = tmp_path / "store.db"
    store = Store.open(db)
    [res] = ingest_paths([BASELINE_PDF], store)
    assert res.status == "ingested"
    store.close()
    return db


def _bad_folder(tmp_path: Path) -> tuple[Path, dict[str, str], set[str]]:
    """A folder of broken files (name -> expected reason) and good ones (names)."""
    rnd = random.Random(7)
    folder = tmp_path / "batch"
    folder.mkdir()
    real = GOOD_PDF.read_bytes()
    bad = {
        "empty.pdf": (b"", "the file is empty"),
        "empty.txt": (b"", "the file is empty"),
        "empty.docx": (b"", "the file is empty"),
        "blank.html": (b"  \n\n\t ", "the file is empty"),
        "truncated.pdf": (real[: len(real) // 2], "the PDF is damaged"),
        "header-only.pdf": (b"%PDF-1.7\n%%EOF\n", "the PDF is damaged"),
        "corrupt.pdf": (b"%PDF-1.7\n" + rnd.randbytes(5000), "the PDF is damaged"),
        "locked.pdf": (H.text_pdf(encrypt={"user": b"secret", "r": 2}), "password-protected"),
        "locked-128.pdf": (H.text_pdf(encrypt={"user": b"secret", "r": 3}), "password-protected"),
        "scanned.pdf": (H.image_only_pdf(3), "no text layer"),
        "page-tree-loop.pdf": (H.cyclic_page_tree_pdf(), "page 2 cannot be read"),
        "word-really.pdf": (H.docx_bytes(["Hello"]), "not a PDF file"),
        "web-page-really.pdf": (b"<html><body><p>Hello</p></body></html>", "not a PDF file"),
        "not-a-zip.docx": (b"This is plain text, not a Word file.", "not a valid DOCX"),
        "zip-not-word.docx": (_zip_of({"a.txt": b"hello"}), "no word/document.xml"),
        "binary.txt": (rnd.randbytes(4000), "binary data, not text"),
        "script-only.html": (
            b"<html><script>var s = 'no text';</script></html>",
            "contains no text",
        ),
    }
    for name, (data, _) in bad.items():
        (folder / name).write_bytes(data)
    (folder / "dangling.pdf").symlink_to(tmp_path / "gone.pdf")
    reasons = {name: reason for name, (_, reason) in bad.items()}
    reasons["dangling.pdf"] = "link points to a file that does not exist"

    shutil.copy(GOOD_PDF, folder / "good.pdf")
    (folder / "owner-password-only.pdf").write_bytes(
        H.text_pdf(encrypt={"user": b"", "owner": b"boss", "r": 3})
    )
    (folder / "notes.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "notes-utf16.txt").write_bytes(
        GOOD_TEXT.replace("Child P", "Child Ü").encode("utf-16")
    )
    (folder / "notes-cp1252.txt").write_bytes(
        GOOD_TEXT.replace("Child P", "Child’s café").encode("cp1252")
    )
    (folder / "notes-utf8-one-bad-byte.txt").write_bytes(
        GOOD_TEXT.replace("Child P", "Child’s café").encode("utf-8") + b"\xff\n"
    )
    (folder / "script.html").write_text(
        "<html><head><script>document.write('INJECTED')</script></head><body>"
        "<h1>Learning brief</h1><p>Practitioners should record the child's voice.</p>"
        "<script>alert('INJECTED')</script></body></html>",
        encoding="utf-8",
    )
    good = {
        "good.pdf",
        "owner-password-only.pdf",
        "notes.txt",
        "notes-utf16.txt",
        "notes-cp1252.txt",
        "notes-utf8-one-bad-byte.txt",
        "script.html",
    }
    return folder, reasons, good


def _zip_of(members: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _direct_paths(tmp_path: Path, folder: Path) -> dict[Path, str]:
    """Paths named on the command line that cannot be ingested (path -> reason)."""
    out: dict[Path, str] = {}
    for name in ("minutes.doc", "tracker.xlsx", "README"):
        p = tmp_path / name
        p.write_bytes(b"something")
        out[p] = "unsupported file type"
    out[tmp_path / "missing.pdf"] = "no such file"
    out[folder / "notes.txt" / "inside-a-file.pdf"] = "no such file"
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    out[fifo] = "not a regular file"
    out[tmp_path / ("x" * 300 + ".pdf")] = "File name too long"
    return out


def _failed_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("failed: ")]


def test_a_batch_of_broken_files_each_gets_one_line_and_the_rest_is_ingested(tmp_path):
    db = _baseline(tmp_path)
    before = H.snapshot(db)
    folder, reasons, good = _bad_folder(tmp_path)
    direct = _direct_paths(tmp_path, folder)
    res = runner.invoke(
        app, ["ingest", str(folder), *map(str, direct), "--db", str(db), "--timeout", "60"]
    )
    assert res.exit_code == 1, res.output
    lines = _failed_lines(res.stderr)
    assert len(lines) == len(reasons) + len(direct), "\n".join(lines)
    for name, reason in reasons.items():
        mine = [ln for ln in lines if f"{folder / name}:" in ln]
        assert len(mine) == 1, (name, lines)
        assert reason in mine[0], (name, mine[0])
    for path, reason in direct.items():
        mine = [ln for ln in lines if f"{path}:" in ln]
        assert len(mine) == 1 and reason in mine[0], (path, mine)
    assert f"{len(good)} ingested" in res.stderr and f"{len(lines)} failed" in res.stderr

    store = Store.open(db)
    docs = {d.file_name: d for d in store.documents(with_blocks=True)}
    assert set(docs) == good | {BASELINE_PDF.name}
    assert "strategy discussions" in docs["owner-password-only.pdf"].text
    assert "Child Ü" in docs["notes-utf16.txt"].text
    assert "Child’s café" in docs["notes-cp1252.txt"].text
    assert "Child’s café" in docs["notes-utf8-one-bad-byte.txt"].text
    assert "INJECTED" not in docs["script.html"].text
    assert "child's voice" in docs["script.html"].text
    new_ids = {d.id for name, d in docs.items() if name in good}
    store.close()
    assert H.unchanged_except(before, H.snapshot(db), new_ids) == []
    assert H.consistency_problems(db) == []


def test_a_rerun_changes_nothing_and_still_reports_the_bad_files(tmp_path):
    db = _baseline(tmp_path)
    folder, reasons, good = _bad_folder(tmp_path)
    first = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert first.exit_code == 1
    before = H.snapshot(db)
    again = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert again.exit_code == 1
    assert len(_failed_lines(again.stderr)) == len(reasons)
    assert f"0 ingested, 0 replaced, {len(good)} unchanged" in again.stderr
    assert H.snapshot(db) == before


def test_unsupported_files_in_a_folder_are_skipped_but_named_ones_are_refused(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "notes.txt").write_text(GOOD_TEXT)
    (folder / "minutes.doc").write_bytes(b"\xd0\xcf\x11\xe0 old word")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / "~$notes.docx").write_bytes(b"lock file")
    store = Store.open(tmp_path / "s.db")
    assert [(Path(r.file).name, r.status) for r in ingest_paths([folder], store)] == [
        ("notes.txt", "ingested")
    ]
    [res] = ingest_paths([folder / "minutes.doc"], store)
    assert res.status == "failed"
    assert res.message == (
        f"{folder / 'minutes.doc'}: unsupported file type '.doc' "
        "(reviewmine reads PDF, DOCX, HTML, TXT and MD)"
    )


def test_a_file_the_system_refuses_to_read_is_reported(tmp_path, monkeypatch):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD_TEXT.replace("Child P", "Child L"))
    real_hash = ingest_mod.file_hash

    def refuse(path):  # what the OS says for a file we may not read (root ignores chmod)
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_hash(path)

    monkeypatch.setattr(ingest_mod, "file_hash", refuse)
    store = Store.open(tmp_path / "s.db")
    results = {Path(r.file).name: r for r in ingest_paths([good, locked], store)}
    assert results["good.txt"].status == "ingested"
    assert results["locked.txt"].status == "failed"
    assert results["locked.txt"].message == f"{locked}: cannot read the file (Permission denied)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_chmod_000_file_is_reported(tmp_path):
    locked = tmp_path / "locked.pdf"
    shutil.copy(GOOD_PDF, locked)
    locked.chmod(0)
    try:
        [res] = ingest_paths([locked], Store.open(tmp_path / "s.db"))
    finally:
        locked.chmod(0o644)
    assert res.status == "failed" and "Permission denied" in res.message


def _slow_or_crashing_parser(monkeypatch):
    real = ingest_mod.parse_file

    def parse(path, doc_id=None):
        if "hang" in path.name:
            time.sleep(600)
        if "crash" in path.name:
            os.kill(os.getpid(), signal.SIGKILL)
        if "slow" in path.name:
            time.sleep(1)
        return real(path, doc_id)

    # Workers are forked from this process, so they see the patched function.
    monkeypatch.setattr(ingest_mod, "parse_file", parse)


def test_a_hanging_parser_is_stopped_by_the_time_limit(tmp_path, monkeypatch):
    _slow_or_crashing_parser(monkeypatch)
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}-notes.txt").write_text(GOOD_TEXT.replace("Child P", f"Child {i}"))
    (folder / "1a-hang.txt").write_text(GOOD_TEXT)
    db = tmp_path / "s.db"
    t0 = time.perf_counter()
    res = runner.invoke(
        app, ["ingest", str(folder), "--db", str(db), "--timeout", "1.5", "--workers", "2"]
    )
    elapsed = time.perf_counter() - t0
    assert res.exit_code == 1
    assert _failed_lines(res.stderr) == [
        (
            f"failed: {folder / '1a-hang.txt'}: parsing took longer than 1.5 s and was stopped "
            "(the file may be malformed; raise --timeout)"
        )
    ]
    assert "3 ingested" in res.stderr
    assert elapsed < 30, elapsed


def test_a_parser_crash_is_blamed_on_its_own_file_only(tmp_path, monkeypatch):
    _slow_or_crashing_parser(monkeypatch)
    folder = tmp_path / "docs"
    folder.mkdir()
    names = ["0-notes.txt", "1-slow.txt", "2-crash.txt", "3-notes.txt", "4-notes.txt"]
    for i, name in enumerate(names):
        (folder / name).write_text(GOOD_TEXT.replace("Child P", f"Child {i}"))
    # "1-slow" is still running in the other worker when "2-crash" kills its own: the
    # pool reports both as broken, and only a re-run of each alone tells them apart.
    results = ingest_paths([folder], Store.open(tmp_path / "s.db"), workers=2, timeout=60)
    status = {Path(r.file).name: r.status for r in results}
    assert status == {**{n: "ingested" for n in names}, "2-crash.txt": "failed"}
    [crash] = [r for r in results if r.status == "failed"]
    assert "the parser process died on this file" in crash.message


def test_decompression_bombs_are_refused_within_a_memory_limit(tmp_path):
    folder = tmp_path / "bombs"
    folder.mkdir()
    (folder / "flate-bomb.pdf").write_bytes(H.flate_bomb_pdf(120))
    (folder / "zip-bomb.docx").write_bytes(H.docx_zip_bomb(210))
    (folder / "lying-zip-bomb.docx").write_bytes(H.docx_zip_bomb(210, lie=True))
    shutil.copy(GOOD_PDF, folder / "good.pdf")
    with H.quiet_crashes():
        results = {
            Path(r.file).name: r
            for r in ingest_paths(
                [folder], Store.open(tmp_path / "s.db"), memory_limit=96 * 2**20, timeout=60
            )
        }
    assert results["good.pdf"].status == "ingested"
    assert "the parser process died on this file" in results["flate-bomb.pdf"].message
    assert "refused as a possible zip bomb" in results["zip-bomb.docx"].message
    assert (
        "understate its size: refused as a possible zip bomb"
        in results["lying-zip-bomb.docx"].message
    )
    assert sum(r.status == "failed" for r in results.values()) == 3


def test_regression_stale_password_error_does_not_mislabel_the_next_pdf(tmp_path):
    # PDFium keeps its last error per process: a PDF that fails to load without setting
    # one (no pages) used to be reported as "password-protected" after a locked PDF.
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "1-locked.pdf").write_bytes(H.text_pdf(encrypt={"user": b"pw", "r": 2}))
    (folder / "2-no-pages.pdf").write_bytes(
        H.build_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])
    )
    results = ingest_paths([folder], Store.open(tmp_path / "s.db"), workers=1)
    assert [r.message.split(": ", 1)[1] for r in results] == [
        "the PDF is password-protected (save an unprotected copy and ingest that)",
        "the PDF is damaged and cannot be read",
    ]
