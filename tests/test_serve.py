"""The local search page: loopback only, the JSON endpoint equals the CLI, escaping, filters."""

from __future__ import annotations

import json

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from report_sample import PAYLOAD_IMG, PAYLOAD_SCRIPT, build_store
from reviewmine.cli import app as cli
from reviewmine.embedding.embedders import HashingEmbedder
from reviewmine.errors import ConfigError
from reviewmine.search.glossary import Glossary
from reviewmine.search.serve import SearchService, check_host, create_app, segments

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve")
    build_store(tmp).close()
    return tmp / "sample.db"


@pytest.fixture(scope="module")
def client(db):
    service = SearchService(db, HashingEmbedder(256), Glossary(()))
    with TestClient(create_app(service), base_url="http://127.0.0.1:8765") as c:
        yield c


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "[::1]", "localhost", "127.0.0.2"])
def test_loopback_hosts_are_accepted(host):
    assert check_host(host)


@pytest.mark.parametrize(
    "host",
    ["0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "example.org", "", "127.0.0.1.example.org"],
)
def test_any_other_address_is_refused(host):
    with pytest.raises(ConfigError, match="loopback"):
        check_host(host)


def test_cli_serve_refuses_a_public_address_before_loading_anything(db):
    res = runner.invoke(
        cli, ["serve", "--db", str(db), "--host", "0.0.0.0", "--embedder", "hashing"]
    )
    assert res.exit_code != 0 and isinstance(res.exception, ConfigError)
    assert "loopback" in str(res.exception)


def test_json_endpoint_returns_the_same_hits_as_search_format_json(client, db):
    args = [
        "neglect toolkit",
        "--kind",
        "recommendation",
        "--kind",
        "finding",
        "--since",
        "2015-01-01",
        "--limit",
        "5",
    ]
    res = runner.invoke(
        cli,
        [
            "search",
            *args,
            "--db",
            str(db),
            "--format",
            "json",
            "--embedder",
            "hashing:256",
            "--no-glossary",
        ],
    )
    assert res.exit_code == 0, res.output
    from_cli = json.loads(res.stdout)
    params = [
        ("q", "neglect toolkit"),
        ("kind", "recommendation"),
        ("kind", "finding"),
        ("since", "2015-01-01"),
        ("limit", "5"),
    ]
    api = client.get("/api/search", params=params)
    assert api.status_code == 200
    assert from_cli and api.json() == from_cli
    for mode in ("keyword", "semantic"):
        res = runner.invoke(
            cli,
            [
                "search",
                "safe sleep",
                "--mode",
                mode,
                "--db",
                str(db),
                "--format",
                "json",
                "--embedder",
                "hashing:256",
                "--no-glossary",
            ],
        )
        got = client.get("/api/search", params={"q": "safe sleep", "mode": mode}).json()
        assert got == json.loads(res.stdout)[: len(got)] and got


def test_page_shows_hits_with_highlights_citations_and_links(client):
    page = client.get("/", params={"q": "toolkit", "mode": "keyword"})
    assert page.status_code == 200
    html = page.text
    assert "<mark>toolkit</mark>" in html
    assert "page 1" in html and "Document outline" in html and "Similar items" in html
    assert "/doc/" in html and "/similar/" in html


def test_hostile_document_text_is_escaped(client):
    page = client.get("/", params={"q": "pwned", "mode": "keyword"})
    assert page.status_code == 200
    html = page.text
    assert PAYLOAD_SCRIPT not in html and PAYLOAD_IMG not in html
    shown = html.replace("<mark>", "").replace("</mark>", "")  # the query word is marked
    assert "&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;" in shown
    assert "<script" not in html.lower() and "onerror=" not in html.replace("onerror=&#34;", "")
    doc = client.get(page.text.split('href="/doc/')[1].split('"')[0].join(["/doc/", ""]))
    assert doc.status_code == 200 and PAYLOAD_SCRIPT not in doc.text
    assert "<script" not in doc.text.lower()
    # a hostile query comes back escaped in the form and the count line too
    echo = client.get("/", params={"q": PAYLOAD_SCRIPT, "mode": "keyword"})
    assert "<script>" not in echo.text


def test_every_response_forbids_scripts_and_framing(client):
    for path in ("/", "/api/search?q=x", "/static/serve.css", "/doc/nope"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "script-src" not in csp  # nothing may run, not even the page's own script


def test_a_foreign_host_header_is_refused(client):
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 gets nothing."""
    r = client.get("/api/search?q=neglect", headers={"host": "evil.example:8765"})
    assert r.status_code == 400


def test_filters_and_errors(client):
    r = client.get("/api/search", params={"q": "neglect", "area": "Harrowfield"})
    assert r.status_code == 200 and {h["area"] for h in r.json()} == {"Harrowfield"}
    r = client.get("/api/search", params={"q": "neglect", "kind": "actionable"})
    assert r.status_code == 200
    assert r.json() and {h["kind"] for h in r.json() if h["item_id"]} <= {"recommendation"}
    r = client.get("/api/search", params={"q": "neglect", "since": "last year"})
    assert r.status_code == 400 and "not a date" in r.json()["error"]
    r = client.get("/", params={"q": "neglect", "kind": "wish"})
    assert r.status_code == 400 and "unknown item kind" in r.text
    assert client.get("/api/search").status_code == 400
    assert client.get("/similar/nope:1").status_code == 404
    assert client.get("/doc/nope").status_code == 404


def test_similar_page_lists_items_of_other_documents(client):
    first = client.get("/api/search", params={"q": "safe sleep", "kind": "recommendation"})
    item = next(h for h in first.json() if h["item_id"])
    page = client.get(f"/similar/{item['item_id']}")
    assert page.status_code == 200 and "similar item" in page.text
    assert item["text"][:30] in page.text  # the item itself, quoted at the top


def test_the_service_reloads_when_another_process_ingests(db, tmp_path):
    import shutil

    from reviewmine.ingest import ingest_paths
    from reviewmine.store import Store

    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    service = SearchService(copy, None, Glossary(()))
    with TestClient(create_app(service), base_url="http://127.0.0.1") as c:
        assert c.get("/api/search", params={"q": "zeppelin"}).json() == []
        doc = tmp_path / "new_review.md"
        doc.write_text(
            "# Review\n\n## Recommendations\n\n1. Stop the zeppelin visits.\n", encoding="utf-8"
        )
        with Store.open(copy) as other:  # another connection, as a separate ingest would be
            ingest_paths([doc], other, workers=1)
        hits = c.get("/api/search", params={"q": "zeppelin"}).json()
        assert hits and "zeppelin" in hits[0]["text"]


def test_segments_cover_the_text_once():
    text = "abc <b>def</b> ghi"
    parts = segments(text, ((4, 7), (0, 3), (2, 5), (10, 99)))
    assert "".join(p for p, _ in parts) == text
    assert [p for p, m in parts if m] == ["abc", "<b>"]
