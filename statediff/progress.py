"""A one-line progress bar on standard error, for long runs in a terminal.

It draws only when standard error is a terminal and standard output is not a pipe (so nothing is
mixed into piped output or into a pager), and only once a run has lasted half a second, so that short
runs stay silent. Call it as ``bar(done, total)``; :meth:`ProgressBar.close` wipes the line.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from typing import IO

__all__ = ["ProgressBar", "wanted"]

# Runs shorter than this never show a bar: it would only flicker.
_DELAY = 0.5
_WIDTH = 30


def wanted(stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> bool:
    """True when standard error is a terminal and standard output is not a pipe."""
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    try:
        if not stderr.isatty():
            return False
        return not stat.S_ISFIFO(os.fstat(stdout.fileno()).st_mode)
    except (AttributeError, OSError, ValueError):
        return False


class ProgressBar:
    """``bar(done, total)`` redraws ``label [#####     ] done/total`` on standard error."""

    def __init__(self, label: str, stream: IO[str] | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.start = time.monotonic()
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        if time.monotonic() - self.start < _DELAY:
            return
        filled = _WIDTH * done // total if total else _WIDTH
        self.stream.write(f"\r{self.label} [{'#' * filled}{' ' * (_WIDTH - filled)}] {done}/{total}")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False
