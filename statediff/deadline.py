"""Blocking work bounded in time: a URL that trickles, a named pipe that nobody opens.

:func:`within` runs the work in a daemon thread and waits for it at most so long. When the time is
up (or the wait is interrupted) it calls ``release``, which makes the blocked work end soon (hang up
its sockets, become the pipe's writer), and raises :class:`TimeoutError`; a result that still
arrives is handed to ``abandon`` (a file opened too late is closed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

__all__ = ["within"]

T = TypeVar("T")

#: How long the released work is waited for, so that what it opened late can be closed.
_GRACE = 1.0


def within(seconds: float, work: Callable[[], T], release: Callable[[], None], *, name: str,
           abandon: Callable[[T], None] | None = None) -> T:
    """``work()``, or :class:`TimeoutError` when it takes more than ``seconds``. Exceptions raised
    by ``work`` are raised here."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["result"] = work()
        except BaseException as exc:  # handed to the waiting caller
            outcome["error"] = exc

    worker = threading.Thread(target=run, name=name, daemon=True)
    worker.start()
    late = True
    try:
        worker.join(max(0.0, seconds))
        late = worker.is_alive()
    finally:
        if late:  # the time is up, or the caller was interrupted: make the work end
            release()
            worker.join(_GRACE)
            if "result" in outcome and abandon is not None:
                abandon(outcome["result"])  # type: ignore[arg-type]
    if late:  # whatever the work makes of the release, the answer is the deadline
        raise TimeoutError
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]
