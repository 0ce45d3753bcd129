"""Ingest batches, the store contract and the CLI's stable interfaces."""

import json
import shutil
import subprocess
import sys
import time

from typer.testing import CliRunner

from paths import REAL_OFSTED
from reviewmine.cli import app
from reviewmine.ingest import ingest_paths
from reviewmine.store import Store

runner = CliRunner()
SMALL = ["cornwall_2019-11-05.pdf", "bexley_2014-05-23.pdf"]


def _folder(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    for name in SMALL:
        shutil.copy(REAL_OFSTED / name, d / name)
    return d


def test_ingest_twice_does_no_work_and_changed_file_replaces(tmp_path):
    folder = _folder(tmp_path)
    store = Store.open(tmp_path / "s.db")
    first = ingest_paths([folder], store)
    assert [r.status for r in first] == ["ingested", "ingested"]
    second = ingest_paths([folder], store)
    assert [r.status for r in second] == ["unchanged", "unchanged"]
    assert store.counts()["documents"] == 2
    # a changed file replaces its old version under the same path
    shutil.copy(REAL_OFSTED / "dorset_2021-11-19.pdf", folder / SMALL[0])
    third = {r.file.rsplit("/", 1)[-1]: r.status for r in ingest_paths([folder], store)}
    assert third == {SMALL[0]: "replaced", SMALL[1]: "unchanged"}
    assert store.counts()["documents"] == 2
    assert {d.file_name for d in store.documents()} == set(SMALL)


def test_docs_and_items_jsonl_fields(tmp_path):
    folder = _folder(tmp_path)
    db = tmp_path / "s.db"
    res = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--no-index"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["docs", "--db", str(db), "--format", "jsonl"])
    docs = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(docs) == 2
    for d in docs:
        assert {"id", "file", "title", "doc_type", "area", "date", "pages", "judgements"} <= set(d)
    bexley = next(d for d in docs if d["file"].endswith("bexley_2014-05-23.pdf"))
    assert bexley["date"] == "2014-03-11" and bexley["area"] == "Bexley"
    assert bexley["judgements"]["Local Safeguarding Children Board"] == "inadequate"
    res = runner.invoke(app, ["items", "--db", str(db), "--format", "jsonl"])
    items = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(items) == 3 + 44
    for it in items:
        assert {
            "id",
            "doc_id",
            "file",
            "kind",
            "number",
            "text",
            "page",
            "heading",
            "themes",
        } <= set(it)
    res = runner.invoke(
        app, ["items", "--db", str(db), "--format", "csv", "--kind", "recommendation"]
    )
    assert res.stdout.startswith("id,doc_id,file,kind")
    res = runner.invoke(app, ["show", "bexley_2014-05-23.pdf", "--db", str(db)])
    assert "What does the local authority need to improve?" in res.stdout
    xlsx = tmp_path / "items.xlsx"
    res = runner.invoke(app, ["items", "--db", str(db), "--format", "xlsx", "-o", str(xlsx)])
    assert res.exit_code == 0 and xlsx.stat().st_size > 0


def test_bad_file_does_not_stop_the_batch(tmp_path):
    folder = _folder(tmp_path)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "s.db"
    res = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert res.exit_code == 1
    assert "broken.pdf" in res.stderr and "empty.txt" in res.stderr
    assert "2 ingested" in res.stderr and "2 failed" in res.stderr


def test_help_is_fast_and_imports_nothing_heavy():
    code = (
        "import sys, time; t=time.perf_counter(); from reviewmine.cli import app; "
        "from typer.testing import CliRunner; r=CliRunner().invoke(app, ['--help']); "
        "heavy=[m for m in ('torch','spacy','sentence_transformers','sklearn','pdfplumber') "
        "if m in sys.modules]; print(heavy, r.exit_code)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[] 0", out.stdout + out.stderr
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "reviewmine.cli", "--help"], capture_output=True, check=True
    )
    assert time.perf_counter() - t < 1.0
