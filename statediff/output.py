"""Writing a report: to standard output, or atomically to a file (never half a file, never an input
replaced, never a device or a pipe replaced by a file: those are written to in place).

Used by the command line (:mod:`statediff.cli`) and by ``statediff batch``; an output that cannot be
written raises :class:`~statediff.errors.OutputError`.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Sequence

from .errors import OutputError
from .options import split_part

__all__ = ["check_output", "write_output", "BrokenPipe"]


class BrokenPipe(BaseException):
    """The reader of standard output went away (``statediff compare a b | head -1``)."""


def _file_mode(target: str) -> int:
    """The mode of the file being replaced, or what the umask gives a new file."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def check_output(output: str | None, inputs: Sequence[str] = ()) -> None:
    """Refuse, before any work, an output that cannot be written or would replace an input."""
    if not output or output == "-":
        return
    target = os.path.realpath(output)  # through a symbolic link: the link stays, its target is written
    if os.path.isdir(target):
        raise OutputError(f"{output}: is a directory")
    if not os.path.isdir(os.path.dirname(target)):
        raise OutputError(f"{output}: folder {os.path.dirname(target)} does not exist")
    for given in inputs:
        path = split_part(given)[0] if given != "-" else given
        try:
            same = os.path.exists(target) and os.path.exists(path) and os.path.samefile(target, path)
        except OSError:
            same = False
        if same:
            raise OutputError(f"{output}: is also an input; write the report to another file")


def write_output(text: str, output: str | None, inputs: Sequence[str] = ()) -> None:
    """Write ``text`` to standard output, or atomically to ``output`` (never half a file, never an
    input replaced, never a device or a pipe replaced by a file: those are written to in place)."""
    if not output or output == "-":
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise BrokenPipe() from None  # past click, which would make it exit 1 ("changes")
        except OSError as exc:
            raise OutputError(f"standard output: cannot be written ({exc.strerror or exc})") from None
        return
    check_output(output, inputs)
    target = os.path.realpath(output)
    try:
        mode = os.stat(target).st_mode
    except OSError:
        mode = 0
    if mode and not stat.S_ISREG(mode):
        # /dev/null, a terminal, a named pipe: there is nothing to replace, only something to write to.
        try:
            with open(target, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
        except OSError as exc:
            raise OutputError(f"{output}: cannot be written ({exc.strerror or exc})") from None
        return
    fd, tmp = -1, ""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".statediff-", suffix=".tmp", dir=os.path.dirname(target))
        fh = os.fdopen(fd, "w", encoding="utf-8", newline="")
        fd = -1  # the file object owns the descriptor now
        with fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())  # the new content is on disk before it replaces the old
        # mkstemp makes the file private (0600); give it the mode a plain write would have.
        os.chmod(tmp, _file_mode(target))
        os.replace(tmp, target)
        tmp = ""
    except OSError as exc:
        raise OutputError(f"{output}: cannot be written ({exc.strerror or exc})") from None
    finally:
        # Also on Ctrl-C or SIGTERM (which main() turns into an exception): no temporary file stays.
        if fd >= 0:
            try:
                os.close(fd)
            except OSError:
                pass
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass
