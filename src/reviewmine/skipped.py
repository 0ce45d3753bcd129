"""Which files in the folders given to ``ingest`` are left out, and why.

:func:`reviewmine.ingest.expand_paths` keeps the documents it can read; this
names every other file so that ``ingest`` can say so instead of skipping it
without a word ("notes.xyz: unsupported type .xyz").

Example::

    for path, reason in skipped_files(["corpus"]):
        print(f"skipped: {path} ({reason})")
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def skip_reason(path: Path) -> str:
    """Why a file found in a folder is not ingested (the rules of ``expand_paths``).

    >>> skip_reason(Path("a/notes.xyz"))
    'unsupported type .xyz'
    >>> skip_reason(Path("a/~$report.docx"))
    'an Office lock file'
    """
    from .read.readers import SUPPORTED

    name = path.name
    if name.startswith("~$"):
        return "an Office lock file"
    if name.startswith("."):
        return "a hidden file"
    if name.lower().startswith("readme."):
        return "a folder's README, not a document"
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        return f"unsupported type {suffix}" if suffix else "no file type (no extension)"
    return "not a document"


def skipped_files(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Files inside the given folders that ``ingest`` leaves out, with the reason, sorted.

    Files named directly are never listed: ``ingest`` tries them and reports a
    failure if it cannot read them.
    """
    from .ingest import expand_paths

    out: list[tuple[Path, str]] = []
    for p in map(Path, paths):
        try:
            if not p.is_dir():
                continue
        except OSError:
            continue
        kept = set(expand_paths([p]))
        out.extend(
            (f, skip_reason(f)) for f in sorted(p.rglob("*")) if f.is_file() and f not in kept
        )
    return out
