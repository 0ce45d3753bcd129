"""The HTML report's facts and its safety, without a browser (see test_report_browser.py)."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import doctest
import hashlib
import io
import json
import re
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from report_sample import PAYLOAD_IMG, PAYLOAD_SCRIPT, TODAY, build_store
from reviewmine.cli import app
from reviewmine.embedding.cache import cached_embed
from reviewmine.embedding.embedders import HashingEmbedder
from reviewmine.outputs import report as report_mod
from reviewmine.outputs.export import neutralise, write_csv, write_xlsx
from reviewmine.outputs.report import (
    action_state,
    build_report,
    render_report_html,
    report_payload,
)
from reviewmine.tracker.despite import DespiteParams, find_despite_complete
from reviewmine.tracker.importer import normalise_status
from reviewmine.tracker.matching import stored_links, tracker_findings

runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = build_store(tmp_path_factory.mktemp("report"))
    yield s
    s.close()


EMB = HashingEmbedder(256)


@pytest.fixture(scope="module")
def data(store):
    return build_report(store, today=TODAY, embedder=EMB)


@pytest.fixture(scope="module")
def page(data):
    return render_report_html(data)


def _embedded_json(page: str) -> str:
    m = re.search(
        r'<script type="application/json" id="report-data">(.*?)</script>', page, re.DOTALL
    )
    assert m, "data element missing"
    return m.group(1)


def test_module_doctests():
    assert doctest.testmod(report_mod).failed == 0


# ------------------------------------------------------------------ the facts


def test_themes_by_year_and_recurrence(data):
    neglect = next(t for t in data.themes if t.id == "neglect")
    assert (neglect.n_docs, neglect.n_items, neglect.n_areas) == (3, 9, 2)
    assert [y for y, _, _ in neglect.by_year] == [2017, 2021, 2023]
    assert neglect.recurring and neglect.n_reviews == 3 and neglect.n_inspections == 0
    safe = next(t for t in data.themes if t.id == "safe_sleep")
    assert not safe.recurring  # one document only (min_docs=2)
    # most-raised first
    assert data.themes[0].id == "neglect"


def test_tracker_coverage_gaps_overdue_and_despite_complete(store, data):
    cov = data.coverage
    assert cov.n_actions == 2 and cov.n_actionable == 7 and cov.n_linked == 2
    assert len(cov.gaps) == 5
    assert [o.action.action_id for o in cov.overdue] == ["A2"]  # Amber, due 2022-01-31
    # the report's cases are exactly those of `reviewmine match` (one function)
    found = tracker_findings(store, EMB, today=dt.date.fromisoformat(TODAY))
    assert cov.despite_complete == found.recurring_despite_complete
    # With a looser threshold (the hashing embedder scores lower than MiniLM): the 2021
    # Eastmere review asks again for the neglect toolkit; Harrowfield's 2023 review is
    # another authority's; items sharing only "neglect" come last.
    cases = find_despite_complete(
        stored_links(store),
        store.items(),
        store.documents(),
        lambda t: cached_embed(store, EMB, list(t))[0],
        DespiteParams(threshold=0.5),
    )
    (dc,) = cases
    assert dc.action.action_id == "A1" and dc.action.status_norm == "complete"
    assert {e.item.file for e in dc.later} == {"eastmere_lcspr_child-a_2021.md"}
    assert [set(e.words) for e in dc.later] == [{"neglect", "toolkit"}] * 2
    assert all(0 <= e.score <= 1 for e in dc.later)


@pytest.mark.slow
def test_report_despite_complete_with_minilm(tmp_path):
    from reviewmine.embedding.embedders import load_embedder

    with build_store(tmp_path) as s:
        d = build_report(s, today=TODAY, embedder=load_embedder("minilm"))
    (dc,) = d.coverage.despite_complete
    assert dc.action.action_id == "A1"
    assert dc.later[0].item.text.startswith("The partnership should make sure all agencies use")
    assert {e.item.file for e in dc.later} == {"eastmere_lcspr_child-a_2021.md"}
    assert next(t for t in d.themes if t.id == "neglect").despite_complete == 1


def test_without_a_tracker_every_recommendation_says_no_tracker(tmp_path):
    with build_store(tmp_path, tracker=False) as s:
        d = build_report(s, today=TODAY, embedder=EMB)
    assert not d.coverage.has_tracker and d.links == {}
    payload = report_payload(d)
    states = {i["state"] for i in payload["items"] if i["kind"] == "recommendation"}
    assert states == {"none"}
    assert payload["states"]["none"] == "No tracker linked"


@pytest.mark.parametrize(
    ("norm", "due", "want"),
    [
        ("complete", "2019-01-01", "complete"),
        ("on_track", "2020-01-01", "overdue"),
        ("at_risk", "2030-01-01", "at_risk"),
        ("overdue", "2030-01-01", "overdue"),
        ("not_started", "2030-01-01", "not_started"),
        (None, None, "unknown"),
    ],
)
def test_action_state(norm, due, want):
    assert action_state(norm, due, TODAY) == want


def test_regression_red_means_the_same_in_the_tracker_and_the_report():
    # report.py once read "Red" as at risk while tracker.py read it as overdue
    assert action_state(normalise_status("Red"), "2030-01-01", TODAY) == "overdue"
    assert action_state(normalise_status("Blue"), None, TODAY) == "complete"


# ------------------------------------------------------------------ the file


def test_report_is_one_self_contained_file(page):
    assert page.startswith("<!doctype html>")
    # no network: nothing is loaded from anywhere
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page, re.IGNORECASE)
    assert "@import" not in page and "url(" not in page
    assert page.count("<script") == 2  # the data element and the inlined script
    assert "<style>" in page


def test_csp_allows_only_the_inlined_script(page):
    m = re.search(r"script-src 'sha256-([A-Za-z0-9+/=]+)'", page)
    assert m, "CSP with a script hash missing"
    body = page.split("<script>", 1)[1].split("</script>", 1)[0]
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
    assert m.group(1) == digest
    assert "default-src 'none'" in page


def test_document_text_cannot_close_the_data_element(page):
    raw = _embedded_json(page)
    assert "<" not in raw and ">" not in raw and "&" not in raw
    payload = json.loads(raw)
    texts = [i["text"] for i in payload["items"]]
    assert any(PAYLOAD_SCRIPT in t and PAYLOAD_IMG in t for t in texts)
    assert any(d["title"].endswith("</script>") for d in payload["docs"])
    # and the payload never appears raw anywhere in the page
    assert PAYLOAD_SCRIPT not in page and PAYLOAD_IMG not in page


def test_hostile_title_is_escaped_by_the_template_and_kept_whole_in_the_data(data):
    # autoescape in the markup, JSON escapes in the data island; template syntax in a
    # value is text, never rendered again
    hostile = "</title><script>alert(3)</script> & 'x' \"y\" <!-- {{ 7*7 }}{% raw %} \u2028"
    page = render_report_html(replace(data, title=hostile))
    escaped = (
        "&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt; &amp; &#39;x&#39; &#34;y&#34; "
        "&lt;!-- {{ 7*7 }}{% raw %} \u2028"
    )
    assert f"<title>{escaped}</title>" in page and f"<h1>{escaped}</h1>" in page
    assert "<script>alert(3)" not in page
    assert page.count("<script") == 2 and page.count("</script>") == 2
    raw = _embedded_json(page)
    assert not {"<", ">", "&", "'"} & set(raw)
    assert json.loads(raw)["title"] == hostile


@pytest.mark.parametrize(
    "asset,closer", [("report.js", "</SCRIPT>"), ("report.js", "<!--"), ("report.css", "</style>")]
)
def test_own_assets_that_would_close_their_element_are_refused(data, monkeypatch, asset, closer):
    real = report_mod._asset
    monkeypatch.setattr(
        report_mod, "_asset", lambda name: real(name) + closer if name == asset else real(name)
    )
    with pytest.raises(ValueError, match=asset):
        render_report_html(data)


def test_script_never_parses_document_text_as_html():
    from importlib import resources

    js = resources.files("reviewmine.data").joinpath("report.js").read_text(encoding="utf-8")
    for banned in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        'setTimeout("',
        "DOMParser",
        "createContextualFragment",
    ):
        assert banned not in js, banned
    assert "textContent" in js and "createElement" in js


def test_accessibility_landmarks_in_the_template(page):
    for needle in (
        '<html lang="en-GB">',
        "<header",
        "<nav",
        'aria-label="Report sections"',
        '<main id="main"',
        "<footer",
        'class="skip-link" href="#main"',
        '<meta name="viewport"',
    ):
        assert needle in page, needle
    js = page.split("<script>", 1)[1]
    assert '"aria-live": "polite"' in js and 'el("button", { type: "button"' in js
    css = page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert ":focus" in css and "outline: 3px solid" in css


def test_report_is_deterministic(store, page):
    assert render_report_html(build_report(store, today=TODAY, embedder=EMB)) == page


def test_payload_carries_citations_and_filters(data):
    p = report_payload(data)
    item = next(i for i in p["items"] if i["text"].startswith("The Board should launch"))
    doc = p["docs"][item["d"]]
    assert (doc["file"], item["page"], item["number"], item["heading"]) == (
        "eastmere_scr_family-x_2017.md",
        1,
        "1",
        "Recommendations",
    )
    assert item["state"] == "complete" and item["links"][0]["action_id"] == "A1"
    assert {d["type"] for d in p["docs"]} == {"scr", "lcspr", "rapid_review"}
    assert {d["area"] for d in p["docs"]} == {"Eastmere", "Harrowfield"}
    assert p["years"] == [2017, 2018, 2019, 2020, 2021, 2022, 2023]  # continuous


def test_cli_report_writes_the_file(store, tmp_path):
    out = tmp_path / "r.html"
    res = runner.invoke(
        app,
        [
            "report",
            "-o",
            str(out),
            "--db",
            str(store.path),
            "--embedder",
            "hashing",
            "--today",
            TODAY,
        ],
    )
    assert res.exit_code == 0, res.output
    assert out.stat().st_size > 10_000
    assert "4 documents" in res.output and "recurring" in res.output
    assert "report" in runner.invoke(app, ["--help"]).output


# ------------------------------------------------- exports neutralise formulas


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
)
def test_exports_neutralise_spreadsheet_formulas(cell, tmp_path):
    assert neutralise(cell) == "'" + cell
    buf = io.StringIO()
    write_csv([{"text": cell, "n": 3}], buf)
    assert buf.getvalue().splitlines()[1].startswith(("'", "\"'"))
    row = next(csv.DictReader(io.StringIO(buf.getvalue(), newline="")))
    assert row["text"] == "'" + cell and row["n"] == "3"
    from openpyxl import load_workbook

    path = tmp_path / "x.xlsx"
    write_xlsx({"items": [{"text": cell}]}, path)
    ws = load_workbook(path).active
    assert ws.cell(2, 1).value == "'" + cell and ws.cell(2, 1).data_type == "s"


def _theme_model_present() -> bool:
    from reviewmine.themes.classifier import CONFIG_FILE, WEIGHTS_FILE, default_model_path

    folder = default_model_path()
    return (folder / CONFIG_FILE).is_file() and (folder / WEIGHTS_FILE).is_file()


@pytest.mark.slow
@pytest.mark.skipif(not _theme_model_present(), reason="no trained theme model in models/themes")
def test_report_and_briefing_with_the_real_theme_model(tmp_path):
    from reviewmine.embedding.cache import cached_embed
    from reviewmine.embedding.embedders import load_embedder
    from reviewmine.outputs.briefing import build_briefing, write_briefing
    from reviewmine.themes.classifier import ThemeModel

    with build_store(tmp_path) as s:
        emb, model = load_embedder("minilm"), ThemeModel.load()
        items = s.items()
        texts = [it.text for it in items]
        vectors, _ = cached_embed(s, emb, texts)
        s.set_item_themes(
            {
                it.id: sc
                for it, sc in zip(items, model.assign(texts, vectors, embedder_id=emb.model_id))
            }
        )
        data = build_report(s, today=TODAY, embedder=emb)
        neglect = next(t for t in data.themes if t.id == "neglect")
        assert neglect.n_docs >= 2 and neglect.recurring
        b = build_briefing(s, "neglect", embedder=emb, today=TODAY)
        write_briefing(b, tmp_path / "n.docx")
    assert b.n_items >= 5 and b.subthemes and (tmp_path / "n.docx").stat().st_size > 5000
    assert PAYLOAD_SCRIPT not in render_report_html(data)
