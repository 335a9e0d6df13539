"""Signals: Ctrl-C and SIGTERM become an exception where the program is, so that cleanup runs; the
worker processes of ``--jobs`` leave them to the main process."""

from __future__ import annotations

import signal

__all__ = ["Signalled", "raise_on_signals", "quiet_worker"]


class Signalled(BaseException):
    """SIGINT or SIGTERM, raised where the program is so that cleanup (a temporary output file) runs,
    and outside the Exception family so that nothing on the way swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def raise_on_signals() -> None:
    def handler(signum, frame):  # noqa: ARG001 - the signal module's signature
        raise Signalled(signum)

    try:
        signal.signal(signal.SIGINT, handler)
        signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (an embedding program): leave its handlers alone
        pass


def quiet_worker() -> None:
    """A worker process of ``track --jobs``: Ctrl-C reaches the whole process group, and the main
    process alone answers it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
