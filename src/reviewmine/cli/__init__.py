"""The `reviewmine` command: a thin typer layer over the library.

Each command parses its options, calls one library function, formats the
result and maps :class:`ReviewmineError` to a one-line message and exit code
2.  Heavy libraries (spaCy, torch, sentence-transformers) are imported only
inside the commands that need them, so ``reviewmine --help`` stays fast.
Machine-readable output goes to stdout; progress and messages to stderr.
"""

from __future__ import annotations

import sys

from ..errors import ReviewmineError
from ._app import app, echo_err

# Importing registers the commands, in the order of `reviewmine --help`.
# isort: off
from . import documents, doctor, report, search, themes, tracker  # noqa: F401
# isort: on

__all__ = ["app", "main"]

# ------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> None:
    """Console entry point: one clean line for every expected error (exit 2)."""
    try:
        app(args=argv, prog_name="reviewmine")
    except ReviewmineError as exc:
        echo_err(f"error [{exc.code}]: {exc}")
        sys.exit(2)
    except OSError as exc:  # a file that cannot be written or read: no traceback
        where = f"{exc.filename}: " if exc.filename else ""
        echo_err(f"error: {where}{exc.strerror or exc}")
        sys.exit(2)
    except KeyboardInterrupt:
        echo_err("interrupted")
        sys.exit(130)
