"""Ingest and extraction benchmark on the real Ofsted PDFs, beside baselines in the same run.

    .venv/bin/python benchmarks/bench.py [FOLDER]

Prints pages/second of raw pypdfium2 text extraction (the baseline), of
reviewmine's parser in one process and of a full `ingest` (2 worker
processes, store writes), the re-ingest speed-up on unchanged files, items/s
of extraction beside the parse time, and peak memory.  The machine is shared
and noisy: read the ratios, not the absolute figures.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "real" / "ofsted"


def raw_pdfium(files: list[Path]) -> tuple[int, float]:
    import pypdfium2 as pdfium

    pages = 0
    t = time.perf_counter()
    for f in files:
        pdf = pdfium.PdfDocument(f)
        for page in pdf:
            page.get_textpage().get_text_range()
            pages += 1
        pdf.close()
    return pages, time.perf_counter() - t


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    files = sorted(folder.glob("*.pdf"))
    from reviewmine.extract import extract_items
    from reviewmine.ingest import ingest_paths, parse_file
    from reviewmine.readers import read_file
    from reviewmine.store import Store
    from reviewmine.structure import build_blocks

    raw_pdfium(files[:2])  # warm the imports and the file cache
    pages, t_raw = raw_pdfium(files)

    t = time.perf_counter()
    docs = [parse_file(f)[0] for f in files]
    t_parse_1p = time.perf_counter() - t

    t = time.perf_counter()
    for f in files:
        build_blocks(read_file(f))
    t_layout = time.perf_counter() - t
    t = time.perf_counter()
    n_items = sum(len(extract_items(d)) for d in docs)
    t_extract = time.perf_counter() - t

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.db")
        t = time.perf_counter()
        ingest_paths([folder], store, workers=2)
        t_ingest = time.perf_counter() - t
        t = time.perf_counter()
        again = ingest_paths([folder], store, workers=2)
        t_again = time.perf_counter() - t
        assert all(r.status == "unchanged" for r in again)
        store.close()

    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    base = pages / t_raw
    print(f"{len(files)} PDFs, {pages} pages, {n_items} items  ({folder})")
    print(f"{'measure':<46}{'value':>12}{'vs baseline':>14}")
    print(f"{'raw pypdfium2 get_text_range (baseline)':<46}{base:>9.1f} p/s{1.0:>13.2f}x")
    print(f"{'reviewmine parse, 1 process':<46}{pages / t_parse_1p:>9.1f} p/s{pages / t_parse_1p / base:>13.2f}x")
    print(f"{'reviewmine ingest, 2 workers + store':<46}{pages / t_ingest:>9.1f} p/s{pages / t_ingest / base:>13.2f}x")
    print(f"{'re-ingest of unchanged files':<46}{t_again:>10.3f} s {t_ingest / t_again:>12.1f}x faster")
    print(f"{'layout (read + blocks), 1 process':<46}{t_layout:>10.2f} s")
    print(f"{'extraction alone':<46}{n_items / t_extract:>8.0f} it/s  ({t_extract:.3f} s "
          f"= {t_extract / t_layout:.1%} of layout time)")
    print(f"{'items per second of parse + extract':<46}{n_items / (t_parse_1p):>8.1f} it/s")
    print(f"{'peak RSS: this process / largest worker':<46}{rss_self:>8.0f} MB / {rss_kids:.0f} MB")


if __name__ == "__main__":
    main()
