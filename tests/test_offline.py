"""The whole pipeline works with network access made impossible.

The `no_network` fixture (conftest.py) makes every connection and name lookup
raise, records any attempt, and removes HF_* / TRANSFORMERS_* settings, so
nothing passes only because the environment happened to say "offline".
Worker processes forked by ingest inherit the guard.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import urllib.request
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import NetworkBlocked
from paths import CORPUS, REAL_OFSTED
from reviewmine.cli import app

runner = CliRunner()
REAL = ["bexley_2014-05-23.pdf", "cornwall_2019-11-05.pdf", "norfolk_2023-01-13.pdf"]


def _try_connect(address: tuple[str, int]) -> str:
    try:
        socket.create_connection(address, timeout=1)
    except NetworkBlocked:
        return "blocked"
    except OSError as exc:
        return f"not blocked: {exc}"
    return "connected"


def test_the_guard_blocks_every_way_out(no_network, monkeypatch):
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    with pytest.raises(NetworkBlocked):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("127.0.0.1", 9))
    with pytest.raises(NetworkBlocked):
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("127.0.0.1", 53))
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("example.org", 443)
    with pytest.raises(NetworkBlocked):  # what a library's download would do
        urllib.request.urlopen("https://example.org/model.bin", timeout=1)
    # parser processes are forked from the guarded process and inherit the guard
    with ProcessPoolExecutor(max_workers=1) as pool:
        assert pool.submit(_try_connect, ("127.0.0.1", 9)).result() == "blocked"
    assert len(no_network) == 5  # the worker's attempt is recorded in its own memory
    assert not [k for k in os.environ if k.startswith(("HF_", "TRANSFORMERS_"))]


def _batch(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in REAL:
        shutil.copy(REAL_OFSTED / name, folder / name)
    if CORPUS.is_dir():
        for p in sorted(CORPUS.iterdir()):
            if p.suffix in (".pdf", ".docx", ".html", ".md") and p.name != "README.md":
                shutil.copy(p, folder / p.name)
    return folder


def _ingest_and_list(tmp_path: Path) -> tuple[Path, list[dict], list[dict]]:
    folder = _batch(tmp_path)
    db = tmp_path / "offline.db"
    res = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert res.exit_code == 0, res.output
    # ingest embeds the new passages for search, with progress lines (stderr is no terminal)
    assert re.search(r"embedding passages: (\d+)/\1 ", res.stderr), res.stderr[-500:]
    assert re.search(r"embedded \d+ new passages", res.stderr)
    docs = [
        json.loads(x)
        for x in runner.invoke(
            app, ["docs", "--db", str(db), "--format", "jsonl"]
        ).stdout.splitlines()
    ]
    items = [
        json.loads(x)
        for x in runner.invoke(
            app, ["items", "--db", str(db), "--format", "jsonl"]
        ).stdout.splitlines()
    ]
    assert len(docs) == len(list(folder.iterdir()))
    assert len(items) > 50 and all(it["page"] >= 1 for it in items)
    return db, docs, items


def test_ingest_list_and_keyword_search_offline(tmp_path, no_network):
    from reviewmine.embedding.cache import cached_embed
    from reviewmine.embedding.embedders import HashingEmbedder
    from reviewmine.search.engine import search
    from reviewmine.store import Store

    db, _, items = _ingest_and_list(tmp_path)
    res = runner.invoke(app, ["extract", "--db", str(db)])  # re-extraction from the store
    assert res.exit_code == 0 and f"{len(items)} items extracted" in res.stderr, res.output
    with Store.open(db) as store:
        vectors, n = cached_embed(store, HashingEmbedder(), [it["text"] for it in items])
        assert n > 0 and vectors.shape == (len(items), 256)
        assert search(store, "strategy discussions", mode="keyword")
    assert no_network == []


@pytest.mark.slow
def test_the_whole_pipeline_runs_offline_with_the_real_model(tmp_path, no_network):
    import numpy as np

    from reviewmine.embedding.cache import cached_embed
    from reviewmine.embedding.embedders import MiniLMEmbedder
    from reviewmine.outputs.briefing import briefing_markdown, build_briefing
    from reviewmine.outputs.report import write_report
    from reviewmine.search.engine import search
    from reviewmine.store import Store
    from reviewmine.themes.classifier import ThemeModel
    from reviewmine.themes.recurrence import theme_recurrence, themed_items
    from reviewmine.tracker.importer import import_tracker
    from reviewmine.tracker.matching import match_tracker

    db, _, _ = _ingest_and_list(tmp_path)
    emb = MiniLMEmbedder()
    with Store.open(db) as store:
        stored = store.items()
        texts = [it.text for it in stored]
        vectors, computed = cached_embed(store, emb, texts)
        # ingest embedded every passage (with MiniLM on ONNX Runtime, same model id): the
        # sentence-transformers runner finds them all cached and computes nothing
        assert computed == 0 and vectors.shape == (len(texts), 384)
        assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-3)

        model = ThemeModel.load()
        scores = model.assign(texts, vectors, embedder_id=emb.model_id)
        store.set_item_themes({it.id: s for it, s in zip(stored, scores)})
        by_id = {d.id: d for d in store.documents()}
        recurring = theme_recurrence(themed_items(by_id, stored, store.item_themes()))
        assert recurring

        if (CORPUS / "tracker.xlsx").is_file():
            import_tracker(store, CORPUS / "tracker.xlsx")
            result = match_tracker(store, emb, save=True)
            assert result.links

        hits = search(store, "neglect of young children", mode="hybrid", embedder=emb)
        assert hits and all(h.page >= 1 for h in hits)

        report = tmp_path / "report.html"
        write_report(store, report)
        html = report.read_text(encoding="utf-8")
        # self-contained: nothing fetched when a partner opens it offline
        assert not re.search(r"<(script|link|img)\b[^>]*\b(src|href)=[\"']?(https?:)?//", html)

        theme = next(s[0].theme for s in scores if s)
        brief = build_briefing(store, theme, embedder=emb, redact=True)  # redaction uses spaCy
        assert briefing_markdown(brief).strip()

    listed = [
        json.loads(x)
        for x in runner.invoke(
            app, ["items", "--db", str(db), "--format", "jsonl"]
        ).stdout.splitlines()
    ]
    assert sum(bool(it["themes"]) for it in listed) > len(listed) // 2
    res = runner.invoke(
        app,
        [
            "search",
            "information sharing",
            "--db",
            str(db),
            "--format",
            "json",
            "--embedder",
            "minilm",
        ],
    )
    assert res.exit_code == 0, res.output
    assert no_network == [], no_network
