"""Options that travel together: how documents are read.

A :class:`ReadOptions` record carries the reading options from the caller (the CLI, :func:`statediff.track`)
through :func:`statediff.series.track` to :func:`statediff.read`, so that no signature on the way
repeats them. ``input_format`` always names the format of an input; the format of an output is the
``format`` of :func:`statediff.render`. :func:`input_format` accepts the older ``format=`` keyword of
:func:`statediff.read` and :func:`statediff.parse`, with a :class:`DeprecationWarning`.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from typing import Any

from .errors import StatediffError

__all__ = ["ReadOptions", "document_spec", "input_format", "split_part"]


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read documents, as :func:`statediff.read` takes it.

    ``input_format`` forces "text", "markdown", "html", "pdf" or "docx" instead of guessing;
    ``encoding`` overrides detection; ``timeout`` bounds a URL's download and the wait for a named
    pipe (None: :data:`statediff.reader.URL_TIMEOUT`). The lexicon is not among them: it serves the
    reading (annotation) and the comparing (labels) alike, and travels beside them.
    """

    input_format: str | None = None
    encoding: str | None = None
    timeout: float | None = None

    def keywords(self) -> dict[str, Any]:
        """The options as keywords of :func:`statediff.read` and :func:`statediff.reader.read_pair`."""
        return {"input_format": self.input_format, "encoding": self.encoding, "timeout": self.timeout}


def input_format(given: str | None, old: str | None, where: str, default: str | None = None) -> str | None:
    """The input format asked for as ``input_format=given`` or, deprecated, ``format=old`` of
    function ``where`` (whose ``input_format`` defaults to ``default``); both at once must agree."""
    if old is None:
        return given
    warnings.warn(f"{where}(format=...) is deprecated; use input_format=...", DeprecationWarning, stacklevel=3)
    if given != default and given != old:
        raise StatediffError(f"{where}: input_format={given!r} and format={old!r} disagree; give input_format only")
    return old


def split_part(arg: str) -> tuple[str, str | None]:
    """``PATH#PART`` -> (PATH, PART): a part title substring or 1-based number. An existing path, a URL
    (whose ``#`` is a fragment) and ``-`` are taken whole."""
    if arg == "-" or "#" not in arg or os.path.exists(arg) or arg.lower().startswith(("http://", "https://")):
        return arg, None
    path, part = arg.rsplit("#", 1)
    return path, part or None


def document_spec(arg: str) -> str | tuple[str, str]:
    """A ``track`` document: ``PATH`` or ``(PATH, PART)``."""
    path, part = split_part(arg)
    return (path, part) if part else path
