"""Progress on stderr for long embedding runs (a rich bar on a terminal, plain lines otherwise)."""

from __future__ import annotations

from typing import Any


class Progress:
    """Context manager yielding an ``advance(n)`` callable that reports progress on stderr.

    On a terminal: a rich bar.  Otherwise (a log, a pipe, a service) a plain
    line every ``every`` seconds and at the end, so a long run never looks hung.
    """

    def __init__(self, enabled: bool, total: int, label: str, every: float = 10.0) -> None:
        self.enabled = enabled
        self.total = total
        self.label = label
        self.every = every
        self._bar: Any = None
        self._done = 0
        self._start = 0.0
        self._last = 0.0

    def __enter__(self) -> Any:
        if not self.enabled:
            return lambda n: None
        import sys

        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            self._bar = Progress(console=Console(stderr=True), transient=True)
            self._bar.start()
            task = self._bar.add_task(self.label, total=self.total)
            return lambda n: self._bar.advance(task, n)
        import time

        self._start = self._last = time.monotonic()
        return self._line

    def _line(self, n: int) -> None:
        import sys
        import time

        self._done += n
        now = time.monotonic()
        if now - self._last >= self.every or self._done >= self.total:
            self._last = now
            rate = self._done / max(now - self._start, 1e-9)
            print(
                f"{self.label}: {self._done}/{self.total} ({rate:.0f}/s)",
                file=sys.stderr,
                flush=True,
            )

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
