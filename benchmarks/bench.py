"""Ingest and extraction benchmark on folders of real documents, beside raw pypdfium2 in the same run.

    .venv/bin/python benchmarks/bench.py [FOLDER ...]

Default: every folder of ../shared/real that holds PDFs, plus corpus/.  Any
folder works (for example a mirror of Ofsted's published reports): the
benchmark runs on whatever supported files it finds, recursively.

Prints pages/second of reviewmine's parser (read, layout, metadata,
extraction) beside raw pypdfium2 text extraction, timed file by file in
alternation so that both see the same load, fastest of two runs each (target:
>= 0.4x); a full `ingest`
(2 worker processes, store writes) and the re-ingest speed-up on unchanged
files; items per document by family; every file refused, with its reason;
every document with no actionable item; peak memory.  A file that raises
anything but a stated reason (a ReviewmineError) is listed as a crash: that
is a bug.  The machine is shared and noisy: read the ratios, not the
absolute figures.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real"
TARGET_RATIO = 0.4
# Each PDF is read this many times both ways, alternately, and the fastest run of each
# counts: other work on the machine then slows the two measures less unevenly.
REPEAT = 2


def default_folders() -> list[Path]:
    real = (
        sorted(p for p in REAL.iterdir() if p.is_dir() and any(p.rglob("*.pdf")))
        if REAL.is_dir()
        else []
    )
    return real + [ROOT / "corpus"]


def raw_pdfium(path: Path) -> int:
    """Pages of *path* read by pypdfium2's plain text extraction (the baseline)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        n = 0
        for page in pdf:
            page.get_textpage().get_text_range()
            n += 1
        return n
    finally:
        pdf.close()


def gold_families(folders: list[Path]) -> dict[Path, str]:
    """Family of each file a gold.jsonl in the folders describes (the gold decides, as in eval)."""
    from reviewmine.evaluation.extraction import family_of

    out: dict[Path, str] = {}
    for folder in folders:
        for gold in folder.rglob("gold.jsonl"):
            for line in gold.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    if "file" in row:
                        out[(gold.parent / str(row["file"])).resolve()] = family_of(row)
    return out


def family_from_type(doc_type: str) -> str:
    from reviewmine.evaluation.extraction import _FAMILY_OF_TYPE

    return _FAMILY_OF_TYPE.get(doc_type, doc_type)


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument(
        "folders",
        nargs="*",
        type=Path,
        help="default: every folder of ../shared/real with PDFs, plus corpus/",
    )
    folders = ap.parse_args().folders or default_folders()
    from reviewmine.errors import ReviewmineError
    from reviewmine.extract.items import extract_items
    from reviewmine.ingest import expand_paths, ingest_paths, parse_file
    from reviewmine.read.readers import read_file
    from reviewmine.read.structure import build_blocks
    from reviewmine.store import Store
    from reviewmine.types import ACTIONABLE_KINDS

    files = expand_paths(folders)
    pdfs = [f for f in files if f.suffix.lower() == ".pdf"]
    if not pdfs:
        sys.exit(f"no PDF in {', '.join(map(str, folders))}: nothing to time")
    families = gold_families(folders)
    for f in pdfs[:2]:  # warm the imports and the file cache
        raw_pdfium(f)
        try:
            parse_file(f)
        except Exception:  # noqa: BLE001 - reported below
            pass

    pages = t_raw = t_parse_pdf = 0.0
    docs, refused, crashed = [], [], []
    per_family: dict[str, list[tuple[int, int]]] = defaultdict(
        list
    )  # (actionable, all but strengths)
    no_actionable: list[str] = []
    n_items = 0
    t_parse_all = 0.0
    for f in files:
        is_pdf = f.suffix.lower() == ".pdf"
        n_pages = 0
        dt_raw = dt = float("inf")
        try:
            for _ in range(REPEAT if is_pdf else 1):
                if is_pdf:
                    t = time.perf_counter()
                    try:
                        n_pages = raw_pdfium(f)
                    except Exception:  # noqa: BLE001 - pdfium cannot open it: reviewmine's refusal says why
                        n_pages = 0
                    dt_raw = min(dt_raw, time.perf_counter() - t)
                t = time.perf_counter()
                doc, items = parse_file(f)
                dt = min(dt, time.perf_counter() - t)
        except ReviewmineError as exc:
            refused.append(str(exc))
            continue
        except Exception as exc:  # noqa: BLE001 - a bug: every failure should be a stated reason
            crashed.append(f"{f}: {type(exc).__name__}: {exc}")
            continue
        t_parse_all += dt
        if is_pdf and n_pages:
            pages += n_pages
            t_raw += dt_raw
            t_parse_pdf += dt
        docs.append(doc)
        n_items += len(items)
        family = families.get(f.resolve()) or family_from_type(doc.doc_type)
        actionable = sum(1 for it in items if it.kind in ACTIONABLE_KINDS)
        learning = sum(1 for it in items if it.kind != "good_practice")
        per_family[family].append((actionable, learning))
        if not actionable:
            no_actionable.append(f"{f}  [{family}; {doc.doc_type}; {learning} other items]")

    t = time.perf_counter()
    for f in pdfs[: min(len(pdfs), 40)]:
        try:
            build_blocks(read_file(f))
        except Exception:  # noqa: BLE001 - reported above
            pass
    t_layout = time.perf_counter() - t
    t = time.perf_counter()
    n_extract = sum(len(extract_items(d)) for d in docs)
    t_extract = time.perf_counter() - t

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.db")
        t = time.perf_counter()
        results = ingest_paths(folders, store, workers=2)
        t_ingest = time.perf_counter() - t
        t = time.perf_counter()
        again = ingest_paths(folders, store, workers=2)
        t_again = time.perf_counter() - t
        assert all(r.status in ("unchanged", "failed") for r in again)
        store.close()
    ingest_pages = sum(r.pages for r in results)
    ingest_failed = [r for r in results if r.status == "failed"]

    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    base = pages / t_raw if t_raw else 0.0
    parse_rate = pages / t_parse_pdf if t_parse_pdf else 0.0
    ratio = parse_rate / base if base else 0.0
    print(
        f"{len(files)} files ({len(pdfs)} PDFs, {int(pages)} PDF pages parsed), {n_items} items; "
        f"folders: {', '.join(str(f) for f in folders)}"
    )
    print(f"parse and raw pypdfium2 timed file by file, alternately, fastest of {REPEAT} runs each")
    print(f"{'measure':<46}{'value':>12}{'vs baseline':>14}")
    print(f"{'raw pypdfium2 get_text_range (baseline)':<46}{base:>9.1f} p/s{1.0:>13.2f}x")
    print(
        f"{'reviewmine parse, 1 process':<46}{parse_rate:>9.1f} p/s{ratio:>13.2f}x  "
        f"(target >= {TARGET_RATIO}x: {'met' if ratio >= TARGET_RATIO else 'NOT met'})"
    )
    print(
        f"{'reviewmine ingest, 2 workers + store':<46}{ingest_pages / t_ingest:>9.1f} p/s"
        f"{ingest_pages / t_ingest / base if base else 0:>13.2f}x"
    )
    print(
        f"{'re-ingest of unchanged files':<46}{t_again:>10.3f} s {t_ingest / t_again:>12.1f}x faster"
    )
    print(f"{'layout (read + blocks) of the first 40 PDFs':<46}{t_layout:>10.2f} s")
    print(
        f"{'extraction alone':<46}{n_extract / t_extract:>8.0f} it/s  ({t_extract:.3f} s "
        f"= {t_extract / t_parse_all:.1%} of parse time)"
    )
    print(f"{'items per second of parse + extract':<46}{n_items / t_parse_all:>8.1f} it/s")
    print(f"{'peak RSS: this process / largest worker':<46}{rss_self:>8.0f} MB / {rss_kids:.0f} MB")

    print(
        "\nitems per document, by family (family from gold.jsonl where one names the file, else the "
        "detected document type); actionable: recommendations, areas for improvement, priority actions, "
        "next steps, actions; all: every kind but strengths"
    )
    print(
        f"{'family':<22}{'docs':>6}{'actionable mean':>17}{'min':>5}{'max':>5}{'with 0':>8}{'all mean':>10}"
    )
    for fam, counts in sorted(per_family.items()):
        act = [a for a, _ in counts]
        print(
            f"{fam:<22}{len(counts):>6}{sum(act) / len(act):>17.1f}{min(act):>5}{max(act):>5}"
            f"{sum(1 for c in act if not c):>8}{sum(n for _, n in counts) / len(counts):>10.1f}"
        )

    print(f"\nrefused with a stated reason ({len(refused)}):")
    for line in refused:
        print(f"  {line}")
    print(f"crashed without a stated reason ({len(crashed)}; each is a bug):")
    for line in crashed:
        print(f"  {line}")
    print(f"ingest failures ({len(ingest_failed)}):")
    for r in ingest_failed:
        print(f"  {r.message}")
    print(f"documents with 0 actionable items ({len(no_actionable)}):")
    for line in no_actionable:
        print(f"  {line}")


if __name__ == "__main__":
    main()
