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
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path

from .errors import InputError, ParseTimeout, ReviewmineError
from .extract.items import extract_items
from .extract.metadata import detect_metadata
from .read.readers import SUPPORTED, read_file
from .read.structure import build_blocks
from .store import Store
from .types import Document, IngestResult, Item

DEFAULT_TIMEOUT = 120.0  # seconds per file
# How much a parser process may grow beyond its start (address space, bytes).  Real
# reports need a few hundred MB at most; a PDF or DOCX "bomb" needs far more.
DEFAULT_MEMORY_LIMIT = 4 * 2**30


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files given directly, plus supported files found in folders (sorted, recursive).

    Broken links in a folder are listed too, so that they are reported rather than
    silently skipped; a path that cannot even be looked at is kept for the same reason.
    """
    out: list[Path] = []
    for p in map(Path, paths):
        try:
            is_dir = p.is_dir()
        except OSError:  # e.g. a name too long for the file system
            is_dir = False
        if is_dir:
            out.extend(
                sorted(
                    f
                    for f in p.rglob("*")
                    if (f.is_file() or _broken_link(f))
                    and f.suffix.lower() in SUPPORTED
                    and not f.name.startswith((".", "~$"))
                    # a folder's README describes the folder; it is not a document
                    and not f.name.lower().startswith("readme.")
                )
            )
        else:
            out.append(p)
    return out


def _broken_link(p: Path) -> bool:
    return p.is_symlink() and not p.exists()


def parse_file(path: Path, doc_id: str | None = None) -> tuple[Document, list[Item]]:
    """Parse one file into a Document and its items (no store involved).

    >>> doc, items = parse_file(Path("corpus/eastmere-scr-child-d-2017.pdf"))  # doctest: +SKIP
    """
    raw = read_file(path)
    blocks, page_texts, text = build_blocks(raw)
    if not text.strip():
        raise InputError("no text could be extracted", path=path)
    headings = [b.text for b in blocks if b.kind == "heading"]
    meta = detect_metadata(page_texts, path.name, headings, blocks)
    title = meta.title or raw.title_hint or (headings[0] if headings else path.stem)
    doc = Document(
        id=doc_id or file_hash(path),
        file=str(path),
        file_name=path.name,
        doc_type=meta.doc_type,
        title=title,
        area=meta.area,
        date=meta.date,
        pages=len(raw.pages),
        text=text,
        blocks=tuple(blocks),
        page_texts=tuple(page_texts),
        dates=dict(meta.dates),
        pseudonym=meta.pseudonym,
        judgements=dict(meta.judgements),
        framework=meta.framework,
        topic=meta.topic,
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
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
    reparse: bool = False,
) -> list[IngestResult]:
    """Ingest files and folders into *store*; unchanged files cost one hash each.

    Each file is parsed in a worker process limited to *timeout* seconds and
    *memory_limit* bytes of growth (None: no limit).  With *reparse*, files already
    stored are parsed again, so a newer version's metadata and items replace the old
    ones (their themes and tracker links go with them; `themes` and `match` redo them).
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
            if _broken_link(f):
                raise InputError("the link points to a file that does not exist", path=f)
            if not f.exists():
                raise InputError("no such file", path=f)
            if not f.is_file():  # reading a pipe or device would block the whole batch
                raise InputError("not a regular file (a folder, pipe or device?)", path=f)
            if f.suffix.lower() not in SUPPORTED:
                read_file(f)  # raises the clear "unsupported" error
            st = f.stat()
            digest = file_hash(f)
        except ReviewmineError as exc:
            done(i, IngestResult(str(f), "failed", message=str(exc)))
            continue
        except OSError as exc:
            done(
                i,
                IngestResult(
                    str(f), "failed", message=f"{f}: cannot read the file ({exc.strerror})"
                ),
            )
            continue
        key = str(f)
        if reparse:
            todo.append((i, f, digest, st.st_size, st.st_mtime))
            continue
        if store.doc_id_for_path(key) == digest:
            done(i, IngestResult(key, "unchanged", doc_id=digest, seconds=time.perf_counter() - t0))
            continue
        if store.has_document(digest):
            replaced = store.link_file(key, digest, st.st_size, st.st_mtime)
            done(
                i,
                IngestResult(
                    key,
                    "replaced" if replaced else "unchanged",
                    doc_id=digest,
                    seconds=time.perf_counter() - t0,
                ),
            )
            continue
        todo.append((i, f, digest, st.st_size, st.st_mtime))

    for i, f, _digest, size, mtime, outcome, secs in _parse_all(
        todo, timeout, workers, memory_limit
    ):
        if isinstance(outcome, BaseException):
            msg = (
                str(outcome)
                if isinstance(outcome, ReviewmineError)
                else f"{f}: could not be parsed ({type(outcome).__name__}: {outcome})"
            )
            done(i, IngestResult(str(f), "failed", message=msg.replace("\n", " "), seconds=secs))
            continue
        doc, items = outcome
        doc = replace(doc, file=str(f), file_name=f.name)
        replaced = store.save_document(doc, items, path=str(f), size=size, mtime=mtime)
        done(
            i,
            IngestResult(
                str(f),
                "replaced" if replaced else "ingested",
                doc_id=doc.id,
                pages=doc.pages,
                items=len(items),
                seconds=secs,
            ),
        )
    return [results[i] for i in sorted(results)]


def _parse_all(
    todo: list[tuple[int, Path, str, int, float]],
    timeout: float,
    workers: int | None,
    memory_limit: int | None = None,
) -> Iterator[
    tuple[int, Path, str, int, float, tuple[Document, list[Item]] | BaseException, float]
]:
    if not todo:
        return
    n = max(1, min(workers or os.cpu_count() or 1, len(todo), 4))

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=n, initializer=_init_worker, initargs=(memory_limit, os.getpid())
        )

    pool = new_pool()
    # Jobs that were running when a worker died.  They are re-run one at a time,
    # so the next death names the file that caused it, not an innocent neighbour.
    suspects: set[int] = set()
    try:
        pending: list[
            tuple[tuple[int, Path, str, int, float], Future[tuple[Document, list[Item]]], float]
        ] = []
        queue = list(todo)
        while queue or pending:
            while queue and len(pending) < (1 if suspects else n):
                job = queue[0]
                try:
                    fut = pool.submit(_worker, str(job[1]), job[2])
                except BrokenProcessPool:
                    if pending:
                        break  # the death is reported on a pending job, handled below
                    _kill(pool)
                    pool = new_pool()
                    continue
                queue.pop(0)
                pending.append((job, fut, time.perf_counter()))
            job, fut, t0 = pending.pop(0)
            remaining = max(0.1, timeout - (time.perf_counter() - t0))
            try:
                outcome: tuple[Document, list[Item]] | BaseException = fut.result(timeout=remaining)
            except FutureTimeout:
                outcome = ParseTimeout(
                    f"parsing took longer than {timeout:g} s and was stopped",
                    path=job[1],
                    hint="the file may be malformed; raise --timeout",
                )
                # A hung worker cannot be cancelled: replace the whole pool and requeue the rest.
                _kill(pool)
                pool = new_pool()
                queue = [j for j, _, _ in pending] + queue
                pending = []
            except BrokenProcessPool:
                _kill(pool)
                pool = new_pool()
                if pending:
                    # Several files were in flight: any of them may have killed the worker.
                    running = [job] + [j for j, _, _ in pending]
                    suspects.update(j[0] for j in running)
                    queue = running + queue
                    pending = []
                    continue
                outcome = InputError(
                    "the parser process died on this file (out of memory, or a "
                    "crash in the PDF library)",
                    path=job[1],
                    hint="the file may be malformed or too large",
                )
            except Exception as exc:  # noqa: BLE001 the worker's exception, re-raised here
                outcome = exc
            suspects.discard(job[0])
            yield (*job, outcome, time.perf_counter() - t0)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _init_worker(memory_limit: int | None, parent: int) -> None:
    _exit_with_parent(parent)
    _limit_memory(memory_limit)


def _exit_with_parent(parent: int) -> None:
    """Linux: have the kernel kill this worker when the batch process dies, even by
    SIGKILL; otherwise workers linger as orphans, blocked on their queue, forever."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _limit_memory(limit: int | None) -> None:
    """Cap how far a parser process may grow (Linux): a decompression bomb then fails
    alone, with a clear message, instead of exhausting the machine's memory."""
    if not limit:
        return
    try:
        import resource

        with open("/proc/self/statm") as fh:
            in_use = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = in_use + limit
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, ValueError):
        pass  # no /proc or no rlimits (not Linux): run without a cap


def _kill(pool: ProcessPoolExecutor) -> None:
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            proc.kill()
        except (OSError, ValueError):  # already gone
            pass
    pool.shutdown(wait=False, cancel_futures=True)


def stored_paths(store: Store) -> list[str]:
    """The files the stored documents were read from (for re-parsing them in place)."""
    return sorted({d.file for d in store.documents()})


def reextract(store: Store) -> int:
    """Re-run extraction on stored documents (after the extractor changed)."""
    n = 0
    for doc_id in store.document_ids():
        doc = store.document(doc_id, with_blocks=True)
        items = extract_items(doc)
        store.replace_items(doc_id, items)
        n += len(items)
    return n
