"""reviewmine: learn from safeguarding reviews and inspections.

Library first: every capability is a function in one of the stage packages
(read, extract, embedding, themes, tracker, search, outputs, evaluation) working over the dataclasses in :mod:`reviewmine.types` and the
SQLite store in :mod:`reviewmine.store`.  The CLI in :mod:`reviewmine.cli` is a
thin layer on top.  Nothing heavy is imported here.
"""

__version__ = "0.1.0"
