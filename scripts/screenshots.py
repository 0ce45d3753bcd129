"""Screenshots of the HTML report: its first screen and one theme page.

    python scripts/screenshots.py --db reviewmine.db            # an existing store
    python scripts/screenshots.py --ingest ../shared/real/ofsted  # a throwaway store

Writes out/report.html, out/report-overview.png, out/report-theme.png and
out/report-tracker.png (the tracker tab: learning raised again although its action is
complete, one card per action; out/ is not committed).  With --ingest the documents go into a temporary store and,
unless --themes-model is given, get keyword (lexicon) themes so that there is
something to show.  Needs Debian's chromium (/usr/bin/chromium) and the
playwright Python package (dev extras); it never downloads a browser.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from reviewmine.outputs.report import CHROMIUM, CHROMIUM_ARGS, write_report
from reviewmine.store import Store, default_db_path


def _assign_themes(store: Store, use_model: bool) -> None:
    items = store.items()
    if use_model:
        from reviewmine.embedding.cache import cached_embed
        from reviewmine.embedding.embedders import load_embedder
        from reviewmine.themes.classifier import ThemeModel

        model, emb = ThemeModel.load(), load_embedder("minilm")
        texts = [it.text for it in items]
        vectors, _ = cached_embed(store, emb, texts)
        scores = model.assign(texts, vectors, embedder_id=emb.model_id)
    else:
        from reviewmine.themes.taxonomy import LexiconTagger, load_taxonomy

        scores = LexiconTagger(load_taxonomy()).tag_many([it.text for it in items])
    store.set_item_themes({it.id: s for it, s in zip(items, scores)})


def take(report: Path, out: Path, theme: str | None, width: int, height: int) -> list[Path]:
    from playwright.sync_api import sync_playwright

    shots = [out / "report-overview.png", out / "report-theme.png", out / "report-tracker.png"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(report.as_uri())
        page.wait_for_selector("body[data-ready='1']")
        page.screenshot(path=str(shots[0]))
        if theme:
            page.goto(f"{report.as_uri()}#/theme/{theme}")
        else:  # the most-raised theme: first row of the heatmap
            page.locator("table.heatmap tbody tr").first.get_by_role("link").click()
        page.wait_for_selector("#theme-count")
        page.mouse.move(0, 0)
        page.screenshot(path=str(shots[1]))
        page.goto(f"{report.as_uri()}#/tracker")
        page.wait_for_selector("h2")
        page.screenshot(path=str(shots[2]), full_page=False)
        browser.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--db", type=Path, help="store to report on (default: $REVIEWMINE_DB or ./reviewmine.db)"
    )
    ap.add_argument(
        "--ingest",
        type=Path,
        nargs="+",
        help="build a temporary store from these files or folders instead",
    )
    ap.add_argument(
        "--themes-model",
        action="store_true",
        help="with --ingest: assign themes with the trained model (MiniLM) instead of keywords",
    )
    ap.add_argument("--theme", help="theme id for the second screenshot (default: the most raised)")
    ap.add_argument("--today", help="date for overdue actions and the report (ISO; default: today)")
    ap.add_argument("--out", type=Path, default=Path("out"))
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=800)
    args = ap.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(
            f"needs Debian's chromium at {CHROMIUM}: apt-get install -y chromium", file=sys.stderr
        )
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    report = args.out / "report.html"
    with tempfile.TemporaryDirectory() as tmp:
        if args.ingest:
            from reviewmine.ingest import ingest_paths

            store = Store.open(Path(tmp) / "screenshots.db")
            ingest_paths(args.ingest, store)
            _assign_themes(store, args.themes_model)
        else:
            store = Store.open(args.db or default_db_path())
        with store:
            data = write_report(store, report, today=args.today)
    if not data.themes:
        print("the store has no themes yet: run 'reviewmine themes' first", file=sys.stderr)
        return 2
    for path in take(report.resolve(), args.out, args.theme, args.width, args.height):
        print(path)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
