"""The HTML report opened in real headless Chromium (Debian's /usr/bin/chromium) via Playwright.

Needs `apt-get install -y chromium` and the playwright Python package (dev extras);
never `playwright install`.  Skipped only when /usr/bin/chromium is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from report_sample import PAYLOAD_IMG, PAYLOAD_SCRIPT, TODAY, build_store
from reviewmine.outputs.report import CHROMIUM, CHROMIUM_ARGS, write_report

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(),
        reason=f"Debian's chromium is not installed at {CHROMIUM} (apt-get install -y chromium)",
    ),
]

# Records CSP violations and any alert() before the page's own script runs.
WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective));
"""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        yield b
        b.close()


@pytest.fixture(scope="module")
def report_file(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    with build_store(tmp) as store:
        write_report(store, tmp / "report.html", today=TODAY)
    return tmp / "report.html"


class Opened:
    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []


@pytest.fixture
def opened(browser, report_file):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    o = Opened(page)
    page.on("pageerror", lambda e: o.errors.append(str(e)))
    page.on("dialog", lambda d: (o.dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: o.requests.append(r.url))
    page.add_init_script(WATCH)
    page.goto(report_file.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    yield o
    assert o.errors == [], o.errors
    assert o.dialogs == [], o.dialogs
    assert page.evaluate("window.__csp") == []
    # nothing but the file itself was requested: no network, no CDN
    assert o.requests == [report_file.as_uri()], o.requests
    ctx.close()


def expect(locator):
    # Playwright's expect polls without eval(); wait_for_function(str) would need
    # 'unsafe-eval', which the report's Content-Security-Policy (rightly) forbids.
    from playwright.sync_api import expect as _expect

    return _expect(locator)


def test_click_a_theme_shows_its_items_with_citations(opened):
    page = opened.page
    rows = page.locator("table.heatmap tbody tr")
    assert rows.count() == 5
    assert rows.first.get_attribute("data-theme") == "neglect"
    page.locator("table.heatmap").get_by_role("link", name="Neglect", exact=True).click()
    page.wait_for_selector("#theme-count")
    assert page.locator("main h2").inner_text() == "Neglect"
    assert page.evaluate("document.activeElement.tagName") == "H2"  # focus follows navigation
    assert page.locator("#theme-count").inner_text() == "9 items shown"
    items = page.locator("#theme-results li.item")
    assert items.count() == 9
    first = items.first
    assert (
        "Local Child Safeguarding Practice Review: Tyler"
        in first.locator(".item-cite").inner_text()
    )
    assert "page 1, para 1" in first.locator(".item-cite").inner_text()
    # tracker status is shown on the recommendation with an action
    assert page.locator("li.item .tag.state-complete").count() == 1
    assert page.locator("li.item .tag.state-overdue").count() == 1
    # filter by area
    page.select_option("#theme-area", "Eastmere")
    assert page.locator("#theme-count").inner_text() == "7 items shown (of 9)"
    page.select_option("#theme-year", "2017")
    assert page.locator("#theme-count").inner_text() == "3 items shown (of 9)"
    page.get_by_role("button", name="Clear filters").click()
    assert page.locator("#theme-count").inner_text() == "9 items shown"


def test_search_box_and_filters(opened):
    page = opened.page
    page.locator("nav").get_by_role("link", name="Search").click()
    count = page.locator("#search-count")
    assert count.get_attribute("aria-live") == "polite"
    assert count.inner_text() == "14 items found"
    page.fill("#search-box", "neglect toolkit")
    expect(count).to_have_text("5 items found")
    results = page.locator("#search-results li.item")
    assert results.count() == 5
    assert all("toolkit" in t.lower() for t in results.locator(".item-text").all_inner_texts())
    assert page.locator("#search-results mark").count() >= 10  # both words marked in each
    page.select_option("#search-area", "Harrowfield")
    assert count.inner_text() == "1 item found"
    page.select_option("#search-area", "")
    page.select_option("#search-type", "scr")
    assert count.inner_text() == "2 items found"
    page.fill("#search-box", "zebra")
    expect(count).to_have_text("0 items found")


def test_hostile_document_text_is_shown_literally_and_never_runs(opened):
    page = opened.page
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.goto(page.url.split("#")[0] + "#/search")
    page.fill("#search-box", "pwned")
    expect(page.locator("#search-count")).to_have_text("1 item found")
    text = page.locator("#search-results .item-text").inner_text()
    assert PAYLOAD_SCRIPT in text and PAYLOAD_IMG in text
    assert page.locator("#view img").count() == 0 and page.locator("#view script").count() == 0
    page.goto(page.url.split("#")[0] + "#/documents")
    assert page.get_by_text("Rapid Review: Baby L </script>").count() == 1
    page.goto(page.url.split("#")[0] + "#/tracker")
    assert (
        page.get_by_text("Launch the neglect toolkit <b>and</b> train staff", exact=False).count()
        == 1
    )
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_tracker_coverage_view(opened):
    page = opened.page
    page.locator("nav").get_by_role("link", name="Tracker coverage").click()
    page.wait_for_selector("text=Overdue actions")
    figures = page.locator("ul.figures li").all_inner_texts()
    assert any(f.startswith("2 of 7") for f in figures)
    overdue = page.locator("table tbody tr")
    assert overdue.count() == 1 and "Audit use of the toolkit" in overdue.inner_text()
    assert page.locator("h3", has_text="Recommendations with no tracker action").count() == 1
    gaps = page.locator("li.item .tag.state-none")
    assert gaps.count() == 5 and gaps.first.inner_text() == "Tracker: No tracker action found"
    # raised again although complete: one card per action, its themes as tags, the later
    # item with its citation and a strength between 0 and 1
    (card,) = page.locator("li.case").all()
    assert "Action: Launch the neglect toolkit" in card.inner_text()
    assert card.locator("a.tag").all_inner_texts() == ["Neglect"]
    later = card.locator("ul.later li").first.inner_text()
    assert "eastmere_lcspr_child-a_2021.md" in later
    assert 0 <= float(later.split("match strength ")[1].split(";")[0]) <= 1


def test_keyboard_navigation_and_visible_focus(opened):
    page = opened.page
    page.keyboard.press("Tab")
    active = page.evaluate("document.activeElement.className")
    assert active == "skip-link"
    box = page.evaluate("document.activeElement.getBoundingClientRect().left")
    assert box >= 0  # the skip link comes into view when focused
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Overview"
    style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert style == "solid"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Themes"
    page.wait_for_selector("ul.theme-cards")
    assert page.evaluate("document.activeElement.textContent") == "Themes"
    assert page.locator("nav a[aria-current='page']").inner_text() == "Themes"
    # every control on the search page is a real, labelled form control or button
    page.goto(page.url.split("#")[0] + "#/search")
    for sel in ("#search-type", "#search-area", "#search-year", "#search-kind", "#search-theme"):
        assert page.locator(f"label[for='{sel[1:]}']").count() == 1
    assert page.locator("button").evaluate_all("bs => bs.every(b => b.type === 'button')")


def test_every_view_renders(opened):
    page = opened.page
    base = page.url.split("#")[0]
    for view, heading in (
        ("overview", "Overview"),
        ("themes", "Themes"),
        ("recurring", "Recurring learning"),
        ("tracker", "Tracker coverage"),
        ("search", "Search"),
        ("documents", "Documents"),
        ("theme/safe_sleep", "Safe sleep and sudden unexpected death in infancy"),
        ("theme/nope", "Theme not found"),
    ):
        page.goto(f"{base}#/{view}")
        expect(page.locator("main h2")).to_have_text(heading)


@pytest.mark.skipif(
    not (Path(__file__).resolve().parents[2] / "shared" / "real" / "ofsted").is_dir(),
    reason="the shared real Ofsted reports are not present",
)
def test_real_ofsted_report_is_small_and_opens(browser, tmp_path):
    from paths import REAL_OFSTED
    from reviewmine.ingest import ingest_paths
    from reviewmine.store import Store
    from reviewmine.themes.taxonomy import LexiconTagger, load_taxonomy

    with Store.open(tmp_path / "o.db") as store:
        ingest_paths([REAL_OFSTED], store)
        tagger = LexiconTagger(load_taxonomy())
        store.set_item_themes({it.id: tagger.tag(it.text) for it in store.items()})
        data = write_report(store, tmp_path / "r.html", today=TODAY)
    size = (tmp_path / "r.html").stat().st_size
    assert size < 5_000_000
    page = browser.new_page()
    page.goto((tmp_path / "r.html").as_uri())
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("table.heatmap tbody tr").count() == len(data.themes) > 10
    page.locator("table.heatmap tbody tr").first.get_by_role("link").click()
    page.wait_for_selector("#theme-results li.item")
    page.close()
