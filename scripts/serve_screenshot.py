"""Screenshot of the local search page for the README (docs/serve.png).

    .venv/bin/python scripts/serve_screenshot.py [--out docs/serve.png] [--query "..."]

Ingests the fictional corpus (corpus/, never real documents) into a temporary
store, which also embeds its passages, starts `reviewmine serve` on a free
loopback port, searches in Debian's headless Chromium and saves the page.
"""

from __future__ import annotations

import argparse
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-c", "from reviewmine.cli import main; main()"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "serve.png")
    ap.add_argument(
        "--query",
        default="professionals who disagree with a decision by another "
        "agency but do not challenge it",
    )
    ap.add_argument("--kind", default="actionable")
    args = ap.parse_args()

    from reviewmine.outputs.report import CHROMIUM, CHROMIUM_ARGS

    tmp = Path(tempfile.mkdtemp(prefix="serve_shot_"))
    db = tmp / "corpus.db"
    files = [
        p
        for p in sorted((ROOT / "corpus").iterdir())
        if p.suffix in (".pdf", ".docx", ".html", ".md") and p.name != "README.md"
    ]
    subprocess.run([*CLI, "ingest", *map(str, files), "--db", str(db)], check=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([*CLI, "serve", "--db", str(db), "--port", str(port)])
    base = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(base, timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        from playwright.sync_api import sync_playwright

        query = urllib.parse.urlencode({"q": args.query, "kind": args.kind})
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
            page = browser.new_page(viewport={"width": 1200, "height": 1000})
            page.goto(f"{base}?{query}")
            page.wait_for_selector("#count")
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out), full_page=False)
            browser.close()
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
