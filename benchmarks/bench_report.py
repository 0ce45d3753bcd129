"""Benchmark: size of the HTML report and the time it takes to open in headless Chromium.

    python benchmarks/bench_report.py                       # the real Ofsted folder
    python benchmarks/bench_report.py --db reviewmine.db    # an existing store
    python benchmarks/bench_report.py --report out/report.html

Targets: the report for the real Ofsted folder is under 5 MB and opens (page
loaded, data parsed, first view rendered) in under 2 seconds.  Beside the
open time it prints a baseline measured in the same run: a plain HTML page of
the same size with no script, opened the same way.  The machine is shared and
noisy, so read the ratio rather than the absolute figure.  Not a timed test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL_OFSTED = ROOT.parent / "shared" / "real" / "ofsted"
SIZE_TARGET = 5_000_000
OPEN_TARGET = 2.0


def build_real_report(out: Path, source: list[Path] | None = None, db: Path | None = None) -> Path:
    """Write the report for *db*, or for a temporary store of *source* with keyword themes."""
    from reviewmine.outputs.report import write_report
    from reviewmine.store import Store

    if db is not None:
        with Store.open(db) as store:
            write_report(store, out)
        return out
    from reviewmine.ingest import ingest_paths
    from reviewmine.themes.taxonomy import LexiconTagger, load_taxonomy

    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.db") as store:
        ingest_paths(source or [REAL_OFSTED], store)
        items = store.items()
        tags = LexiconTagger(load_taxonomy()).tag_many([it.text for it in items])
        store.set_item_themes({it.id: t for it, t in zip(items, tags)})
        t0 = time.perf_counter()
        write_report(store, out)
        print(f"report built in {time.perf_counter() - t0:.2f} s")
    return out


def _open_times(browser, path: Path, ready: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        t0 = time.perf_counter()
        page.goto(path.resolve().as_uri())
        page.wait_for_selector(ready)
        times.append(time.perf_counter() - t0)
        page.close()
    return times


def measure_report_open(report: Path, runs: int = 5) -> dict[str, float]:
    """Print and return the report's size and its median open time, with a baseline.

    Open time: from navigation start until the page's script has parsed the
    data and rendered the first view (``body[data-ready='1']``), in a fresh
    tab of an already running browser.  Baseline: a script-free page of the
    same size (the text in a <pre>).
    """
    from playwright.sync_api import sync_playwright

    from reviewmine.outputs.report import CHROMIUM, CHROMIUM_ARGS

    size = report.stat().st_size
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "plain.html"
        filler = "safeguarding learning " * (size // 22 + 1)
        plain.write_text(
            f"<!doctype html><title>x</title><body><pre>{filler[:size]}</pre>"
            "<p id=done>done</p></body>",
            encoding="utf-8",
        )
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
            _open_times(browser, report, "body[data-ready='1']", 1)  # warm-up
            times = _open_times(browser, report, "body[data-ready='1']", runs)
            base = _open_times(browser, plain, "#done", runs)
            browser.close()
    med, bmed = statistics.median(times), statistics.median(base)
    print(
        f"report size: {size:,} bytes ({size / 1e6:.2f} MB); target < {SIZE_TARGET / 1e6:.0f} MB:"
        f" {'ok' if size < SIZE_TARGET else 'OVER'}"
    )
    print(
        f"open time: median {med:.3f} s over {runs} runs (min {min(times):.3f}, "
        f"max {max(times):.3f}); target < {OPEN_TARGET:.0f} s: "
        f"{'ok' if med < OPEN_TARGET else 'OVER'}"
    )
    print(
        f"baseline (script-free page of the same size): median {bmed:.3f} s; "
        f"ratio {med / bmed:.2f}x"
    )
    return {"size_bytes": float(size), "open_s": med, "baseline_s": bmed, "ratio": med / bmed}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, help="report on this store instead of the Ofsted folder")
    ap.add_argument(
        "--source",
        type=Path,
        nargs="+",
        help="documents to ingest (default: the real Ofsted folder)",
    )
    ap.add_argument("--report", type=Path, help="measure this existing report file")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        report = args.report or build_real_report(Path(tmp) / "report.html", args.source, args.db)
        measure_report_open(report, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
