"""Ingest files into the store: read, structure, describe, extract, save.

A batch never stops for one bad file: each failure becomes an
:class:`IngestResult` with a one-line reason.  Files are parsed in worker
processes, so a parser that hangs is stopped by a per-file time limit and
both cores are used; the store is written only by the calling process, one
transaction per document.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import replace
from pathlib import Path

from .errors import InputError, ParseTimeout, ReviewmineError
from .extract import extract_items
from .metadata import detect_metadata
from .readers import SUPPORTED, read_file
from .store import Store
from .structure import build_blocks
from .types import Document, IngestResult, Item

DEFAULT_TIMEOUT = 120.0  # seconds per file


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files given directly, plus supported files found in folders (sorted, recursive)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file()
                              and f.suffix.lower() in SUPPORTED and not f.name.startswith((".", "~$"))))
        else:
            out.append(p)
    return out


def parse_file(path: Path, doc_id: str | None = None) -> tuple[Document, list[Item]]:
    """Parse one file into a Document and its items (no store involved).

    >>> doc, items = parse_file(Path("corpus/eastmere-scr-child-d-2017.pdf"))  # doctest: +SKIP
    """
    raw = read_file(path)
    blocks, page_texts, text = build_blocks(raw)
    if not text.strip():
        raise InputError("no text could be extracted", path=path)
    headings = [b.text for b in blocks if b.kind == "heading"]
    meta = detect_metadata(page_texts, path.name, headings)
    title = meta.title or raw.title_hint or (headings[0] if headings else path.stem)
    doc = Document(
        id=doc_id or file_hash(path), file=str(path), file_name=path.name,
        doc_type=meta.doc_type, title=title, area=meta.area, date=meta.date,
        pages=len(raw.pages), text=text, blocks=tuple(blocks), page_texts=tuple(page_texts),
        dates=dict(meta.dates), pseudonym=meta.pseudonym, judgements=dict(meta.judgements),
        framework=meta.framework,
    )
    return doc, extract_items(doc)


def _worker(path: str, doc_id: str) -> tuple[Document, list[Item]]:
    return parse_file(Path(path), doc_id)


def ingest_paths(
    paths: Sequence[str | Path],
    store: Store,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int | None = None,
    on_result: Callable[[IngestResult], None] | None = None,
) -> list[IngestResult]:
    """Ingest files and folders into *store*; unchanged files cost one hash each.

    Returns one result per file, in input order.
    """
    files = expand_paths(paths)
    results: dict[int, IngestResult] = {}
    todo: list[tuple[int, Path, str, int, float]] = []

    def done(i: int, res: IngestResult) -> None:
        results[i] = res
        if on_result:
            on_result(res)

    for i, f in enumerate(files):
        t0 = time.perf_counter()
        try:
            if not f.exists():
                raise InputError("no such file", path=f)
            if f.suffix.lower() not in SUPPORTED:
                read_file(f)  # raises the clear "unsupported" error
            st = f.stat()
            digest = file_hash(f)
        except ReviewmineError as exc:
            done(i, IngestResult(str(f), "failed", message=str(exc)))
            continue
        except OSError as exc:
            done(i, IngestResult(str(f), "failed", message=f"{f}: cannot read the file ({exc.strerror})"))
            continue
        key = str(f)
        if store.doc_id_for_path(key) == digest:
            done(i, IngestResult(key, "unchanged", doc_id=digest, seconds=time.perf_counter() - t0))
            continue
        if store.has_document(digest):
            replaced = store.link_file(key, digest, st.st_size, st.st_mtime)
            done(i, IngestResult(key, "replaced" if replaced else "unchanged", doc_id=digest,
                                 seconds=time.perf_counter() - t0))
            continue
        todo.append((i, f, digest, st.st_size, st.st_mtime))

    for i, f, digest, size, mtime, outcome, secs in _parse_all(todo, timeout, workers):
        if isinstance(outcome, BaseException):
            msg = str(outcome) if isinstance(outcome, ReviewmineError) else \
                f"{f}: could not be parsed ({type(outcome).__name__}: {outcome})"
            done(i, IngestResult(str(f), "failed", message=msg.replace("\n", " "), seconds=secs))
            continue
        doc, items = outcome
        doc = replace(doc, file=str(f), file_name=f.name)
        replaced = store.save_document(doc, items, path=str(f), size=size, mtime=mtime)
        done(i, IngestResult(str(f), "replaced" if replaced else "ingested", doc_id=doc.id,
                             pages=doc.pages, items=len(items), seconds=secs))
    return [results[i] for i in sorted(results)]


def _parse_all(
    todo: list[tuple[int, Path, str, int, float]], timeout: float, workers: int | None
) -> Iterator[tuple[int, Path, str, int, float, object, float]]:
    if not todo:
        return
    n = max(1, min(workers or os.cpu_count() or 1, len(todo), 4))
    pool = ProcessPoolExecutor(max_workers=n)
    try:
        pending: list[tuple[tuple[int, Path, str, int, float], Future[tuple[Document, list[Item]]], float]] = []
        queue = list(todo)
        while queue or pending:
            while queue and len(pending) < n:
                job = queue.pop(0)
                pending.append((job, pool.submit(_worker, str(job[1]), job[2]), time.perf_counter()))
            job, fut, t0 = pending.pop(0)
            remaining = max(0.1, timeout - (time.perf_counter() - t0))
            try:
                outcome: object = fut.result(timeout=remaining)
            except FutureTimeout:
                outcome = ParseTimeout(f"parsing took longer than {timeout:.0f} s and was stopped",
                                       path=job[1], hint="the file may be malformed; raise --timeout")
                # A hung worker cannot be cancelled: replace the whole pool and requeue the rest.
                _kill(pool)
                pool = ProcessPoolExecutor(max_workers=n)
                queue = [j for j, _, _ in pending] + queue
                pending = []
            except BrokenProcessPool:
                outcome = InputError("the parser crashed on this file", path=job[1])
                pool = ProcessPoolExecutor(max_workers=n)
                queue = [j for j, _, _ in pending] + queue
                pending = []
            except BaseException as exc:  # the worker's exception, re-raised here
                outcome = exc
            yield (*job, outcome, time.perf_counter() - t0)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _kill(pool: ProcessPoolExecutor) -> None:
    for proc in list(getattr(pool, "_processes", {}).values()):
        proc.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def reextract(store: Store) -> int:
    """Re-run extraction on stored documents (after the extractor changed)."""
    n = 0
    for doc_id in store.document_ids():
        doc = store.document(doc_id, with_blocks=True)
        items = extract_items(doc)
        store.replace_items(doc_id, items)
        n += len(items)
    return n
