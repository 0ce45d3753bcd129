"""Fuzzing the ingest pipeline with hundreds of broken, hostile and odd files.

The inputs are made by the test (seeded) from the real Ofsted PDFs and the
project's sample corpus.  Rules checked for every file: it is either ingested or
refused with one clear line naming it; nothing else in the store changes; no
file takes longer than the per-file limit; a parser process stays within its
memory limit.  A summary (files tried, ingested, refused by reason, slowest
file, peak worker memory) is printed for the README's reliability section:

    .venv/bin/python -m pytest -q tests/test_fuzz.py -m "slow or not slow"
"""

from __future__ import annotations

import os
import random
import re
import resource
import shutil
import time
from collections import Counter
from pathlib import Path

import pytest

import hostile as H
import reviewmine.ingest as ingest_mod
from paths import CORPUS, REAL_OFSTED
from reviewmine.ingest import ingest_paths
from reviewmine.store import Store

TIMEOUT = 30.0  # per file
MEMORY_LIMIT = 512 * 2**20  # growth allowed per parser process
# Small real reports (9-13 pages) keep the default run short.
SEED_PDFS = [
    "dorset_2021-11-19.pdf",
    "cornwall_2019-11-05.pdf",
    "cornwall_2024-08-22.pdf",
    "croydon_2020-03-16.pdf",
    "kensington-and-chelsea_2019-10-15.pdf",
    "thurrock_2019-12-20.pdf",
    "sunderland_2021-08-20.pdf",
    "bradford_2018-10-29.pdf",
    "bexley_2023-03-24.pdf",
    "bournemouth-christchurch-and-poole_2025-01-29.pdf",
]
BASELINE = REAL_OFSTED / "norfolk_2023-01-13.pdf"

# Every refusal must say one of these (a raw Python error is a bug the fuzzer found).
CLEAR_REASONS = {
    "empty": "the file is empty|contains no text|no text could be extracted|has no pages",
    "damaged PDF": "the PDF is damaged",
    "password-protected": "password-protected",
    "no text layer": "no text layer",
    "not a PDF": "not a PDF file",
    "not a DOCX": "not a valid DOCX",
    "damaged DOCX": "the DOCX is damaged",
    "zip bomb": "zip bomb",
    "binary, not text": "binary data, not text",
    "parser died (memory limit)": "the parser process died",
    "time limit": "took longer than",
    "broken HTML": "the HTML could not be parsed",
}


TEXT = (
    "Learning from Child W\n\nRecommendations\n\n1. The partnership should review "
    "neglect cases. Children’s social care – café £5 naïve\n"
)


def _reason(message: str) -> str | None:
    return next((k for k, pat in CLEAR_REASONS.items() if re.search(pat, message)), None)


# --------------------------------------------------------------------- the inputs


def _seeds(all_real: bool) -> list[Path]:
    real = sorted(REAL_OFSTED.glob("*.pdf")) if all_real else [REAL_OFSTED / n for n in SEED_PDFS]
    corpus = sorted(p for p in CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []
    return real + corpus


def _corpus_files(ext: str) -> list[Path]:
    return sorted(CORPUS.glob(f"*{ext}")) if CORPUS.is_dir() else []


def make_fuzz_set(
    folder: Path, rnd: random.Random, *, sweep: bool = False
) -> dict[str, str | None]:
    """Write the fuzzed files; returns name -> expected outcome ("ingested", a reason
    key of CLEAR_REASONS, or None when either is acceptable)."""
    expect: dict[str, str | None] = {}

    def put(name: str, data: bytes, outcome: str | None = None) -> None:
        assert name not in expect, name
        (folder / name).write_bytes(data)
        expect[name] = outcome

    # Damaged copies of real PDFs: truncated, bit-flipped, broken cross-reference tables.
    for k, seed in enumerate(_seeds(all_real=sweep)):
        data = seed.read_bytes()
        stem = f"{k:02d}-{seed.stem[:20]}"
        fractions = [rnd.uniform(0.0, 0.05), rnd.uniform(0.05, 0.95), rnd.uniform(0.95, 0.9999)]
        for j, frac in enumerate(fractions):
            put(f"{stem}-trunc{j}.pdf", H.truncate(data, frac), None)
        for j, n in enumerate((8, 200) if not sweep else (1, 8, 50, 200, 2000)):
            put(f"{stem}-flip{j}.pdf", H.flip_bytes(data, n, rnd), None)
        head = bytearray(data)  # damage confined to the header and first objects
        for _ in range(20):
            i = rnd.randrange(min(2000, len(head)))
            head[i] = rnd.randrange(256)
        put(f"{stem}-headflip.pdf", bytes(head), None)
        kinds = H.XREF_DAMAGE if sweep else rnd.sample(H.XREF_DAMAGE, 2)
        for how in kinds:
            put(f"{stem}-xref-{how}.pdf", H.break_xref(data, how, rnd), None)

    # Hand-made PDFs with hostile structure.
    put("enc-r2-open.pdf", H.text_pdf(encrypt={"user": b"", "r": 2}), "ingested")
    put("enc-r3-open.pdf", H.text_pdf(encrypt={"user": b"", "owner": b"x", "r": 3}), "ingested")
    put("enc-r2-locked.pdf", H.text_pdf(encrypt={"user": b"pw", "r": 2}), "password-protected")
    put("enc-r3-locked.pdf", H.text_pdf(encrypt={"user": b"pw", "r": 3}), "password-protected")
    put(
        "enc-r3-locked-latin1.pdf",
        H.text_pdf(encrypt={"user": "pässwörd".encode("latin-1"), "r": 3}),
        "password-protected",
    )
    put(
        "enc-wrong-key.pdf",
        H.text_pdf(encrypt={"user": b"", "r": 3}).replace(b"/P -4", b"/P -8"),
        None,
    )
    for n in (1, 3, 12):
        put(f"scanned-{n}p.pdf", H.image_only_pdf(n, seed=n), "no text layer")
    for depth in (100, 5_000, 200_000):
        put(f"nested-array-{depth}.pdf", H.nested_array_pdf(depth), None)
    for depth in (100, 50_000):
        put(f"nested-dict-{depth}.pdf", H.nested_dict_pdf(depth), None)
    for depth in (30, 3_000):
        put(f"deep-page-tree-{depth}.pdf", H.deep_page_tree_pdf(depth), None)
    put("page-tree-cycle.pdf", H.cyclic_page_tree_pdf(), None)
    put("form-draws-itself.pdf", H.recursive_form_pdf(), None)
    for n in (1_000, 300_000):
        put(f"unbalanced-q-{n}.pdf", H.unbalanced_q_pdf(n), None)
    # Whether 400 MB of inflated stream crosses the worker's cap depends on what the parent
    # process had loaded when the worker forked; either outcome is fine here, as long as it
    # is one clear line within the limits. test_bad_input pins a bomb refused under a set cap.
    put("flate-bomb-400mb.pdf", H.flate_bomb_pdf(400), None)
    put(
        "no-pages.pdf",
        H.build_pdf(
            [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
        ),
        "damaged PDF",
    )
    put("count-lies.pdf", H.text_pdf().replace(b"/Count 1", b"/Count 99999999"), None)
    put(
        "huge-mediabox.pdf",
        H.text_pdf().replace(b"[0 0 595 842]", b"[-1e30 -1e30 1e30 1e30]"),
        None,
    )
    put("zero-mediabox.pdf", H.text_pdf().replace(b"[0 0 595 842]", b"[0 0 0 0]"), None)
    put("no-font.pdf", H.text_pdf().replace(b"/Font << /F1 3 0 R >>", b""), None)
    put("length-lies.pdf", re.sub(rb"/Length \d+", b"/Length 999999999", H.text_pdf()), None)
    put("missing-objects.pdf", H.text_pdf().replace(b"/Contents 5 0 R", b"/Contents 99 0 R"), None)
    put("huge-object-number.pdf", H.text_pdf().replace(b"3 0 R", b"2147483647 0 R"), None)
    put("only-header.pdf", b"%PDF-1.7\n", None)
    put("pdf-header-then-zip.pdf", b"%PDF-1.4\n" + H.docx_bytes(["x"]), None)
    put("not-really.pdf", b"GIF89a" + rnd.randbytes(3000), "not a PDF")

    # DOCX: not a zip, broken zips, bombs, malformed or hostile XML.
    docx_seeds = _corpus_files(".docx") or []
    made = H.docx_bytes(["Recommendations", "1. Health visitors should record the child's view."])
    for j, data in enumerate([made] + [p.read_bytes() for p in docx_seeds]):
        put(f"docx{j}-trunc.docx", H.truncate(data, rnd.uniform(0.1, 0.9)), None)
        put(f"docx{j}-flip.docx", H.flip_bytes(data, 30, rnd), None)
        put(f"docx{j}-fine.docx", data, "ingested")
    put("docx-random.docx", rnd.randbytes(5000), "not a DOCX")
    put("docx-text.docx", b"Recommendations\n1. Do better.\n", "not a DOCX")
    put("docx-zip-bomb.docx", H.docx_zip_bomb(210), "zip bomb")
    put("docx-zip-bomb-lying.docx", H.docx_zip_bomb(100, lie=True), "zip bomb")
    put(
        "docx-no-document.docx",
        H._docx_zip("x").replace(b"word/document.xml", b"word/documenX.xml"),
        "not a DOCX",
    )
    put("docx-bad-xml.docx", H._docx_zip("<w:document><w:body><w:p>unclosed"), "damaged DOCX")
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'
            for i in range(1, 10)
        )
        + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
        '2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    )
    put("docx-billion-laughs.docx", H._docx_zip(laughs), "damaged DOCX")
    put(
        "docx-external-entity.docx",
        H._docx_zip(
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
        ),
        "empty",
    )

    # HTML: scripts, deep or unclosed nesting, odd entities, junk.
    script = "<script>document.write('INJECTED')</script>"
    put(
        "html-scripts.html",
        (
            f"<html><head>{script}<style>p{{content:'INJECTED'}}</style></head>"
            f"<body><h1>Findings</h1>{script}<p>Partners should share "
            f"information.</p><noscript>INJECTED</noscript></body></html>"
        ).encode(),
        "ingested",
    )
    put("html-script-unclosed.html", b"<p>Learning point one.</p><script>INJECTED " * 3, None)
    put(
        "html-deep.html",
        ("<div>" * 20_000 + "<p>Deep text here.</p>" + "</div>" * 20_000).encode(),
        None,
    )
    put("html-unclosed.html", ("<p>Finding" + "<span><b><i>x" * 20_000).encode(), None)
    put(
        "html-entities.html",
        b"<p>&#0; &#xFFFFFFFF; &#55296; &bogus; &amp;&lt;&gt; fine text</p>",
        None,
    )
    put("html-comment-only.html", b"<!-- nothing to see --><!DOCTYPE html><html></html>", "empty")
    put("html-huge-attr.html", b"<p title='" + b"a" * 2_000_000 + b"'>Some text.</p>", None)
    put("html-binary.html", rnd.randbytes(3000), "binary, not text")
    put("html-cdata.html", b"<p><![CDATA[INJECTED?]]>Text after CDATA.</p>", None)
    for j, p in enumerate(_corpus_files(".html")):
        for n in (5, 100):
            put(f"html{j}-flip{n}.html", H.flip_bytes(p.read_bytes(), n, rnd), None)

    # Plain text and Markdown in the encodings found in the wild, and not.
    text = TEXT
    put("text-cp1252.txt", text.encode("cp1252"), "ingested")
    put("text-latin1.txt", text.replace("’", "'").replace("–", "-").encode("latin-1"), "ingested")
    put("text-utf16le-bom.txt", text.encode("utf-16"), "ingested")
    put("text-utf16be-bom.txt", b"\xfe\xff" + text.encode("utf-16-be"), "ingested")
    put("text-utf16-no-bom.txt", text.encode("utf-16-le"), "binary, not text")
    put("text-utf8-bom.md", b"\xef\xbb\xbf# Title\n\n" + text.encode(), "ingested")
    put("text-bad-utf8.txt", text.encode() + b"\xc3\x28", "ingested")
    put(
        "text-junk-utf8.txt",
        text.encode() + b"\xc3\x28 \xa0\xa1 \xed\xa0\x80 \xf8\x88\x80\x80",
        "ingested",
    )
    put("text-nul-sprinkled.txt", text.encode().replace(b"e", b"e\x00", 5), None)
    put("text-one-long-line.txt", b"Recommendation 1: " + b"word " * 200_000, None)
    put("text-form-feeds.txt", b"\f" * 5000, "empty")
    put("text-bom-only.txt", b"\xef\xbb\xbf", "empty")
    put("text-zero-width.txt", ("\u200b\u200e\u202e" + text + "\ufeff" * 50).encode(), "ingested")
    put("text-control-chars.txt", bytes(range(32)) * 100, "binary, not text")
    put("text-many-headings.md", ("# H\n" * 20_000).encode(), None)
    put(
        "text-deep-bullets.md",
        "".join("  " * (i % 40) + "- item\n" for i in range(20_000)).encode(),
        None,
    )
    for j, p in enumerate(_corpus_files(".md")):
        for n in (5, 100):
            put(f"md{j}-flip{n}.md", H.flip_bytes(p.read_bytes(), n, rnd), None)

    # Odd file names with good content (distinct bytes, so each is a new document).
    names = [
        "space in name.txt",
        "ünïcödé-名前.txt",
        "emoji-📄.txt",
        "quote'double\".txt",
        "semi;colon&amp.txt",
        "$(touch pwned).txt",
        "-leading-dash.txt",
        "new\nline.txt",
        "tab\there.txt",
        "back\\slash.txt",
        "percent-%s%n%d.txt",
        "UPPER.TXT",
        "double.pdf.txt",
        "trailing-dot..txt",
        "x" * 240 + ".txt",
        " leading-space.txt",
    ]
    for j, name in enumerate(names):
        put(name, f"{text}\nCopy {j}.\n".encode(), "ingested")
    return expect


# ----------------------------------------------------------------------- running

_WORKER = ingest_mod._worker
_RSS_LOG = "REVIEWMINE_FUZZ_RSS_LOG"


def _measured_worker(path: str, doc_id: str):
    """The real worker, plus a note of its parse time and peak memory (it runs in the
    forked parser process, so module state is how it gets here)."""
    t0 = time.perf_counter()
    try:
        return _WORKER(path, doc_id)
    finally:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
        with open(os.environ[_RSS_LOG], "a", encoding="utf-8") as fh:
            fh.write(
                f"{os.getpid()}\t{peak}\t{time.perf_counter() - t0:.3f}\t"
                f"{path.replace(chr(10), ' ')}\n"
            )


def run_fuzz(tmp_path: Path, monkeypatch, capsys, *, sweep: bool, seed: int) -> dict:
    folder = tmp_path / "fuzz"
    folder.mkdir()
    t_make = time.perf_counter()
    expect = make_fuzz_set(folder, random.Random(seed), sweep=sweep)
    t_make = time.perf_counter() - t_make

    db = tmp_path / "fuzz.db"
    store = Store.open(db)
    [base] = ingest_paths([BASELINE], store)
    assert base.status == "ingested"
    before = H.snapshot(db)

    log = tmp_path / "rss.log"
    monkeypatch.setenv(_RSS_LOG, str(log))
    monkeypatch.setattr(ingest_mod, "_worker", _measured_worker)
    t_run = time.perf_counter()
    with H.quiet_crashes():
        results = ingest_paths([folder], store, timeout=TIMEOUT, memory_limit=MEMORY_LIMIT)
    t_run = time.perf_counter() - t_run
    store.close()

    by_name = {Path(r.file).name: r for r in results}
    assert set(by_name) == set(expect), set(expect) ^ set(by_name)
    problems: list[str] = []
    refused: Counter[str] = Counter()
    for name, r in sorted(by_name.items()):
        want = expect[name]
        if r.status == "failed":
            flat = r.file.replace("\n", " ")
            reason = _reason(r.message)
            if "\n" in r.message or not r.message.startswith(f"{flat}: "):
                problems.append(f"{name!r}: not one line naming the file: {r.message!r}")
            if reason is None:
                problems.append(f"{name!r}: unclear reason: {r.message}")
            refused[reason or "unclear"] += 1
            if want is not None and want != reason:
                problems.append(f"{name!r}: expected {want}, got: {r.message}")
        else:
            if r.status not in ("ingested", "unchanged", "replaced"):
                problems.append(f"{name!r}: status {r.status}")
            if want not in (None, "ingested"):
                problems.append(f"{name!r}: expected {want}, but it was {r.status}")
        if r.seconds > TIMEOUT + 5:
            problems.append(f"{name!r}: took {r.seconds:.1f} s")

    after = H.snapshot(db)
    new_ids = {r.doc_id for r in results if r.doc_id}
    problems += H.unchanged_except(before, after, new_ids)
    problems += H.consistency_problems(db)
    store = Store.open(db)
    for doc in store.documents(with_blocks=True):
        if doc.file_name.startswith("html") and "INJECTED" in doc.text:
            problems.append(f"{doc.file_name}: script or style text was stored")
        if "root:x:0:0" in doc.text:
            problems.append(f"{doc.file_name}: an external XML entity was resolved")
        if (
            doc.file_name.startswith("text-")
            and "junk" not in doc.file_name
            and "Child W" in doc.text
            and "café" not in doc.text
        ):
            problems.append(f"{doc.file_name}: accents garbled: {doc.text[:200]!r}")
    n_docs = store.counts()["documents"]
    store.close()
    ingested = sum(r.status != "failed" for r in results)
    if n_docs != 1 + len({r.doc_id for r in results if r.status != "failed"}):
        problems.append(f"{n_docs} documents stored for {ingested} ingested files")

    runs = [ln.split("\t") for ln in log.read_text(encoding="utf-8").splitlines()]
    peak_mb = max(int(r[1]) for r in runs) / 1024
    slow_t, slow_file = max((float(r[2]), Path(r[3]).name) for r in runs)
    summary = {
        "files tried": len(results),
        "ingested": ingested,
        "refused": sum(refused.values()),
        "refused by reason": dict(sorted(refused.items())),
        "slowest file": f"{slow_file} {slow_t:.2f} s (limit {TIMEOUT:g} s)",
        "peak parser memory": f"{peak_mb:.0f} MB (cap {MEMORY_LIMIT // 2**20} MB growth)",
        "batch time": f"{t_run:.1f} s (+{t_make:.1f} s to make the files)",
    }
    with capsys.disabled():
        print(f"\nfuzz summary ({'sweep' if sweep else 'default'}, seed {seed}):")
        for k, v in summary.items():
            print(f"  {k}: {v}")
    assert problems == [], "\n".join(problems)
    assert peak_mb < 1536, summary
    return summary


def test_fuzzed_files_are_ingested_or_refused_with_one_clear_line(tmp_path, monkeypatch, capsys):
    summary = run_fuzz(tmp_path, monkeypatch, capsys, sweep=False, seed=20261126)
    assert summary["files tried"] >= 200


@pytest.mark.slow
def test_fuzz_sweep_over_every_real_pdf(tmp_path, monkeypatch, capsys):
    summary = run_fuzz(tmp_path, monkeypatch, capsys, sweep=True, seed=7)
    assert summary["files tried"] >= 500


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["real pages", "generated"])
def test_a_thousand_page_pdf_is_ingested_within_the_limits(tmp_path, monkeypatch, capsys, kind):
    big = tmp_path / "big"
    big.mkdir()
    if kind == "real pages":  # a real 38-page report's pages, 30 times over: 1,140 pages
        import io

        import pypdfium2 as pdfium

        src = pdfium.PdfDocument(REAL_OFSTED / "bexley_2014-05-23.pdf")
        out = pdfium.PdfDocument.new()
        for _ in range(30):
            out.import_pages(src)
        buf = io.BytesIO()
        out.save(buf)
        data, n_pages = buf.getvalue(), 1140
    else:
        data, n_pages = H.many_pages_pdf(1200), 1200
    (big / "thousand-pages.pdf").write_bytes(data)
    log = tmp_path / "rss.log"
    monkeypatch.setenv(_RSS_LOG, str(log))
    monkeypatch.setattr(ingest_mod, "_worker", _measured_worker)
    store = Store.open(tmp_path / "big.db")
    t0 = time.perf_counter()
    [res] = ingest_paths([big], store, timeout=TIMEOUT * 4, memory_limit=MEMORY_LIMIT)
    elapsed = time.perf_counter() - t0
    assert res.status == "ingested", res.message
    assert res.pages == n_pages
    doc = store.document(res.doc_id)
    assert {b.page for b in doc.blocks} >= {1, n_pages // 2, n_pages}
    [(_, peak, _, _)] = [ln.split("\t") for ln in log.read_text().splitlines()]
    with capsys.disabled():
        print(
            f"\n{n_pages:,}-page PDF ({kind}, {len(data) / 2**20:.1f} MB): {elapsed:.1f} s, "
            f"{res.items} items, parser peak {int(peak) / 1024:.0f} MB"
        )
    assert elapsed < TIMEOUT * 4
    shutil.rmtree(big)
