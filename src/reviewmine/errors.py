"""One exception hierarchy; every message is meant for the user.

Each error has a stable code and names the file (and page, sheet, row) it is
about plus what to do next.  Only the CLI turns these into exit codes.
"""

from __future__ import annotations

from pathlib import Path


class ReviewmineError(Exception):
    """Base class: ``str(err)`` is a one-line message fit for the user."""

    code = "RM000"

    def __init__(self, message: str, *, path: str | Path | None = None, hint: str = "") -> None:
        self.path = str(path) if path is not None else None
        self.hint = hint
        self.message = message
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = f"{self.path}: " if self.path else ""
        tail = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{tail}".replace("\n", " ")


class InputError(ReviewmineError):
    """A document could not be read (corrupt, encrypted, empty, unsupported...)."""

    code = "RM100"


class UnsupportedFile(InputError):
    code = "RM101"


class EmptyDocument(InputError):
    code = "RM102"


class EncryptedDocument(InputError):
    code = "RM103"


class NoTextLayer(InputError):
    code = "RM104"


class ParseTimeout(InputError):
    code = "RM105"


class StoreError(ReviewmineError):
    """The SQLite store is missing, corrupt or from a newer version."""

    code = "RM200"


class StoreMissing(StoreError):
    """A read command was pointed at a store that does not exist."""

    code = "RM202"


class OutputError(ReviewmineError):
    """An output file cannot be written (missing folder, a folder, wrong suffix)."""

    code = "RM800"


class NotFound(ReviewmineError):
    """A document, item or theme asked for by id does not exist."""

    code = "RM201"


class ConfigError(ReviewmineError):
    """A configuration file or value is invalid; the message names the key."""

    code = "RM300"


class ModelError(ReviewmineError):
    """A model is missing or its files do not match the expected hash."""

    code = "RM400"


class TrackerError(ReviewmineError):
    """A tracker spreadsheet could not be read; names file, sheet, row, column."""

    code = "RM500"


class QueryError(ReviewmineError):
    """A search query could not be run (e.g. malformed keyword syntax)."""

    code = "RM600"


class GoldError(ReviewmineError):
    """A gold annotation file is malformed."""

    code = "RM700"
