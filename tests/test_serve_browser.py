"""`reviewmine serve` as a user meets it: a real server process, headless Chromium, Ctrl-C.

Drives Debian's /usr/bin/chromium through Playwright, as the report's browser tests
do; skipped only when that browser is absent.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from report_sample import PAYLOAD_IMG, PAYLOAD_SCRIPT, build_store
from reviewmine.outputs.report import CHROMIUM, CHROMIUM_ARGS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(),
        reason=f"Debian's chromium is not installed at {CHROMIUM} (apt-get install -y chromium)",
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from reviewmine.cli import main; main()",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
            "--embedder",
            "hashing",
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"serve exited early: {proc.stderr.read()}")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise AssertionError("serve did not answer within 120 s")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve_browser")
    build_store(tmp).close()
    proc, url = start_server(tmp / "sample.db")
    yield url
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=30)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    errors: list[str] = []
    dialogs: list[str] = []
    requests: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.on("request", lambda r: requests.append(r.url))
    pg.add_init_script(
        "window.__csp = []; document.addEventListener("
        "'securitypolicyviolation', e => window.__csp.push(e.violatedDirective));"
    )
    pg.goto(server)
    yield pg
    assert errors == [] and dialogs == []
    assert pg.evaluate("typeof window.__pwned") == "undefined"
    assert all(u.startswith(server) for u in requests), requests  # nothing leaves the machine
    ctx.close()


def test_search_filter_and_follow_the_links(page, server):
    page.fill("#q", "neglect toolkit")
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector("#count")
    hits = page.locator("li.hit")
    assert hits.count() >= 3
    assert page.locator("li.hit mark").count() >= 3
    assert "page " in hits.first.locator(".hit-cite").inner_text()
    # the form keeps what was typed; a filter narrows the hits
    assert page.input_value("#q") == "neglect toolkit"
    page.select_option("#f-area", "Harrowfield")
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector("#count")
    metas = page.locator("li.hit .hit-meta").all_inner_texts()
    assert metas and all("Harrowfield" in m for m in metas)
    page.select_option("#f-area", "")
    page.select_option("#f-kind", ["actionable"])
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector("#count")
    kinds = page.locator("li.hit .hit-meta .kind").all_inner_texts()
    assert kinds and set(kinds) <= {"Recommendation", "Area for improvement"}
    # the outline link lands on the item's anchor; similar items list other documents
    page.locator("li.hit a.outline-link").first.click()
    page.wait_for_selector("ol.items")
    anchor = page.url.split("#")[1]
    assert page.locator(f"[id='{anchor}']").count() == 1
    page.go_back()
    page.locator("li.hit a.similar-link").first.click()
    page.wait_for_selector("#count")
    assert "similar item" in page.locator("#count").inner_text()


def test_hostile_document_text_is_shown_literally_and_never_runs(page):
    page.fill("#q", "pwned")
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector("#count")
    text = page.locator("li.hit .hit-text").first.inner_text()
    assert PAYLOAD_SCRIPT in text and PAYLOAD_IMG in text
    assert page.locator("main img").count() == 0 and page.locator("script").count() == 0
    assert page.get_by_text("Rapid Review: Baby L </script>").count() >= 1
    page.locator("li.hit a.outline-link").first.click()
    page.wait_for_selector("ol.items")
    assert page.locator("main img").count() == 0 and page.locator("script").count() == 0
    # a hostile query is echoed as text, not markup
    page.goto(page.url.split("/doc/")[0] + "/?q=" + urllib.request.quote(PAYLOAD_IMG))
    assert page.input_value("#q") == PAYLOAD_IMG
    assert page.locator("main img").count() == 0
    assert page.evaluate("window.__csp") == []


def test_ctrl_c_stops_the_server_cleanly(tmp_path):
    build_store(tmp_path).close()
    proc, url = start_server(tmp_path / "sample.db")
    assert urllib.request.urlopen(url + "api/search?q=neglect", timeout=5).status == 200
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "stopped" in err and "Traceback" not in err
    with pytest.raises(OSError):
        urllib.request.urlopen(url, timeout=2)


def test_it_listens_on_loopback_only(tmp_path):
    build_store(tmp_path).close()
    proc, url = start_server(tmp_path / "sample.db")
    try:
        port = int(url.rsplit(":", 1)[1].strip("/"))
        listening = (
            subprocess.run(
                ["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True, check=False
            ).stdout
            if _has("ss")
            else ""
        )
        for line in listening.splitlines():  # State Recv-Q Send-Q Local:Port Peer:Port
            assert line.split()[3] == f"127.0.0.1:{port}", line
        addrs = {
            a[4][0] for a in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        } - {"127.0.0.1"}
        addrs |= {a for a in _own_addresses() if not a.startswith("127.")}
        for addr in addrs:  # the machine's other addresses refuse the connection
            with pytest.raises(OSError):
                socket.create_connection((addr, port), timeout=1).close()
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)


def _has(cmd: str) -> bool:
    return any((Path(p) / cmd).exists() for p in os.environ.get("PATH", "").split(":"))


def _own_addresses() -> set[str]:
    """This machine's IPv4 addresses as the kernel routes to the outside (no traffic sent)."""
    out = set()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # TEST-NET: connecting a UDP socket sends nothing
            out.add(s.getsockname()[0])
        except OSError:
            pass
    return out


def test_a_port_in_use_is_a_one_line_error(tmp_path):
    build_store(tmp_path).close()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        res = subprocess.run(
            [
                sys.executable,
                "-c",
                "from reviewmine.cli import main; main()",
                "serve",
                "--db",
                str(tmp_path / "sample.db"),
                "--port",
                str(port),
                "--embedder",
                "hashing",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert res.returncode != 0
    assert f"could not listen on 127.0.0.1:{port}" in res.stderr
    assert "Traceback" not in res.stderr
