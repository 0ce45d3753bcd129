"""The `reviewmine` command: a thin typer layer over the library.

Each command parses its options, calls one library function, formats the
result and maps :class:`ReviewmineError` to a one-line message and exit code
2.  Heavy libraries (spaCy, torch, sentence-transformers) are imported only
inside the commands that need them, so ``reviewmine --help`` stays fast.
Machine-readable output goes to stdout; progress and messages to stderr.

``reviewmine search`` (and the other commands of :mod:`.search`) registers only
its own module's commands before typer builds the command line: building every
command's options is a tenth of a cold search.  ``from reviewmine.cli import app``
gives the app with every command.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
from typing import Any

from ..errors import ReviewmineError
from ._app import echo_err

__all__ = ["app", "main"]

# Commands whose module alone defines them, so running one needs no other module.
_ALONE = {"search": "search", "similar": "search", "index": "search", "serve": "search"}
# One query, then exit: a few MB of objects, and no need for the cyclic garbage
# collector, whose passes over every imported module's objects were ~6% of a cold search;
# at exit the interpreter's last full collection (~25 ms) is skipped too (gc.freeze): the
# objects go with the process.
_ONE_SHOT = frozenset({"search", "similar"})
# Global options that take a value (see _app._global_options).
_GLOBAL_VALUE_OPTIONS = ("--db", "--config")


def _register_all() -> None:
    # Importing registers the commands, in the order of `reviewmine --help`.
    # isort: off
    from . import documents, doctor, report, search, themes, tracker  # noqa: F401
    # isort: on


def _subcommand(args: list[str]) -> str | None:
    """The subcommand named in *args* (after any global options), or None."""
    it = iter(args)
    for arg in it:
        if arg in _GLOBAL_VALUE_OPTIONS:
            next(it, None)
        elif not arg.startswith("-"):
            return arg
    return None


def _register_for(args: list[str]) -> None:
    """Register the commands *args* may run: one module's for the commands in _ALONE."""
    command = _subcommand(args) or ""
    if command in _ONE_SHOT and "numpy" not in sys.modules:
        # OpenBLAS starts a thread per core when numpy loads (30-40 ms of a cold search
        # here); one query's products are small (search runs them on one thread anyway:
        # engine._one_blas_thread).
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if _ALONE.get(command) == "search":
        from . import search  # noqa: F401
    else:
        _register_all()


def __getattr__(name: str) -> Any:
    if name == "app":
        _register_all()
        from ._app import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> None:
    """Console entry point: one clean line for every expected error (exit 2)."""
    from ._app import app

    args = sys.argv[1:] if argv is None else list(argv)
    _register_for(args)
    collecting = gc.isenabled()
    if _subcommand(args) in _ONE_SHOT:
        gc.disable()
        atexit.register(gc.freeze)
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
    finally:
        if collecting:  # main() may be called in a longer-lived process (tests)
            gc.enable()
