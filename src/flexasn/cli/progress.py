"""A progress bar on standard error, for the commands that work OPD by OPD."""

from __future__ import annotations

import sys


class Progress:
    """A progress bar on standard error, shown only when it is a terminal."""

    def __init__(self, total: int, label: str) -> None:
        self.total = total
        self.label = label
        self.done = 0
        self.shown = total > 3 and sys.stderr.isatty()

    def step(self) -> None:
        """One more item done."""
        self.done += 1
        if self.shown:
            filled = 30 * self.done // self.total
            bar = "#" * filled + "." * (30 - filled)
            end = "\n" if self.done == self.total else ""
            print(f"\r{self.label} [{bar}] {self.done}/{self.total}", end=end, file=sys.stderr)
            sys.stderr.flush()
