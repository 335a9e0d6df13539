"""Inputs -> :class:`~statediff.model.Document`.

Paths, ``pathlib.Path``, ``http(s)://`` URLs, binary or text file objects and ``"-"`` (standard
input) are read; a string is always a path or a URL, never literal text (use :func:`parse` for text
in memory). Bytes are decoded with explicit rules (see :func:`decode`), HTML pages are reduced to
their main content, PDF and Word (.docx) files to their text, and the text is handed to the segmenter.

Every input is bounded before any work is done on it: at most :data:`MAX_BYTES` bytes (files, URLs
and streams alike, read in pieces so a larger input is never held whole), a URL within
:data:`URL_TIMEOUT` seconds in all, and no line longer than :data:`MAX_LINE` characters.
"""

from __future__ import annotations

import math
import os
import re
import stat
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, Union

from .decoding import ascii_head, decode
from .errors import LimitError, ReadError
from .lexicon import Lexicon
from .model import Document
from .options import input_format as _input_format

__all__ = ["read", "read_pair", "parse", "decode", "detect_format", "MAX_BYTES", "MAX_LINE", "URL_TIMEOUT", "Source"]

Source = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]

#: Inputs larger than this are refused: a readout is a few pages, and a multi-megabyte "statement" is
#: almost always the wrong file. The limit keeps memory and time bounded.
MAX_BYTES = 20 * 1024 * 1024

#: The longest line accepted, in characters. A statement's longest paragraph is a few thousand
#: characters (the longest in fixtures/ is under 3,000); a line of hundreds of thousands is a data
#: dump or a minified file, and the sentence and clause passes grow faster than linearly on it.
MAX_LINE = 100_000

#: Seconds a URL may take in all (connecting and every read together), so a server that trickles
#: bytes cannot hold the command for ever.
URL_TIMEOUT = 30.0

_HTML_EXT = {".html", ".htm", ".xhtml"}
_MD_EXT = {".md", ".markdown", ".mdown"}
_URL = re.compile(r"^https?://", re.IGNORECASE)
_ISO_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_COMPACT_IN_NAME = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(\d{2})(\d{2})(?!\d)")
_CHUNK = 1 << 16


def read(source: Source, *, part: int | str | None = None, input_format: str | None = None,
         encoding: str | None = None, name: str | None = None, lexicon: Lexicon | None = None,
         timeout: float | None = None, max_clauses: int | None = None, max_text: int | None = None,
         format: str | None = None) -> Document:
    """Read a document from a path, an ``http(s)://`` URL, a file object or ``"-"`` (standard input).

    ``input_format`` forces "text", "markdown", "html", "pdf" or "docx" instead of guessing from the
    extension and content (``format``, its former name, is still accepted with a
    :class:`DeprecationWarning`); ``encoding`` overrides detection; ``part`` selects one meeting of a
    document that holds several (1-based index or title substring); ``timeout`` bounds a URL's download in seconds
    (default :data:`URL_TIMEOUT`) and the wait for a writer to a named pipe; with ``max_clauses``, a
    document holding more clauses raises :class:`~statediff.errors.LimitError` as soon as that is known,
    and with ``max_text``, one holding more characters of clause text.

    Examples:
        >>> doc = read("fixtures/japan-france/2021-01-15-defence-ministers-teleconference.txt")
        >>> doc.date, doc.clauses[0].number
        ('2021-01-15', 'p1')
    """
    fmt = _input_format(input_format, format, "read")
    text, label, fmt = _text(source, format=fmt, encoding=encoding, timeout=timeout)
    return parse(text, name=name or label, input_format=fmt, part=part, lexicon=lexicon, max_clauses=max_clauses,
                 max_text=max_text)


def _text(source: Source, *, format: str | None, encoding: str | None, timeout: float | None
          ) -> tuple[str, str, str]:
    """The text of ``source`` (decoded, HTML reduced to its main content, PDF and DOCX to their text), its label
    for messages and its format."""
    if timeout is not None and not 0 < timeout < math.inf:
        raise ReadError(f"the timeout must be a positive, finite number of seconds, not {timeout!r}")
    data, label, path_hint, declared = _load(source, URL_TIMEOUT if timeout is None else timeout)
    fmt = format or detect_format(path_hint, data, declared.get("type", ""))
    if fmt not in ("text", "markdown", "html", "pdf", "docx"):
        raise ReadError(f"{label}: unknown input format {fmt!r} (use text, markdown, html, pdf or docx)")
    if fmt == "pdf":
        from .pdf import pdf_text

        return pdf_text(data, label), label, fmt
    if fmt == "docx":
        from .docx_input import docx_text

        return docx_text(data, label), label, fmt
    text = decode(data, label, encoding=encoding or declared.get("charset"), html=fmt == "html",
                  strict=bool(encoding))
    if fmt == "html":
        from .html_input import html_text

        text = html_text(text, label)
    return text, label, fmt


def distinct_names(sources: Sequence[Any]) -> list[str | None]:
    """Names for documents whose files share a name ("2023/readout.txt", "2024/readout.txt"): the
    shortest tails of their paths that tell them apart; None where the file name alone does (or for a
    URL, a stream, or the same file given twice)."""
    paths: dict[int, tuple[str, ...]] = {}
    for k, src in enumerate(sources):
        if isinstance(src, tuple):
            src = src[0]
        if isinstance(src, (str, os.PathLike)) and not isinstance(src, bytes):
            path = os.fspath(src)
            if path != "-" and not _URL.match(path):
                paths[k] = Path(os.path.abspath(path)).parts
    out: list[str | None] = [None] * len(sources)
    groups: dict[str, list[int]] = {}
    for k, parts in paths.items():
        groups.setdefault(parts[-1], []).append(k)
    for members in groups.values():
        if len(members) < 2 or len({paths[k] for k in members}) < len(members):
            continue
        for n in range(2, max(len(paths[k]) for k in members) + 1):
            tails = ["/".join(paths[k][-n:]).lstrip("/") for k in members]
            if len(set(tails)) == len(members):
                for k, tail in zip(members, tails):
                    out[k] = tail
                break
    return out


def read_pair(left: Source, right: Source, *, left_part: int | str | None = None,
              right_part: int | str | None = None, input_format: str | None = None, encoding: str | None = None,
              lexicon: Lexicon | None = None, timeout: float | None = None, format: str | None = None,
              ) -> tuple[Document, Document]:
    """Read two documents to compare (options as for :func:`read`), refusing a pair past
    :data:`statediff.limits.MAX_CLAUSE_PAIRS` early, without cutting either document whole into
    clauses when the pair is refused, and a document past :data:`statediff.limits.MAX_CLAUSES` or
    :data:`statediff.limits.MAX_TEXT` as soon as its clauses pass the limit.

    Both texts are loaded first. A pair whose paragraphs alone are far past the pair limit
    (:func:`statediff.limits.least_clauses`, :data:`statediff.limits.SURE`) is refused at once, and a
    text far past a document's limits (:func:`statediff.limits.check_text`) before it is cut.
    Otherwise the smaller is cut into clauses, stopping once it passes the square root of the limit
    (2,000 clauses); the other is then cut only as far as the limit allows against what the first
    holds. When the first was stopped, a second at or under 2,000 clauses sets the first's budget,
    and the first is cut again within it.
    """
    from . import limits

    fmt = _input_format(input_format, format, "read_pair")
    texts = [_text(src, format=fmt, encoding=encoding, timeout=timeout) for src in (left, right)]
    texts = [(t, name or label, fmt) for (t, label, fmt), name in zip(texts, distinct_names([left, right]))]
    parts = [left_part, right_part]
    order = [1, 0] if len(texts[1][0]) < len(texts[0][0]) else [0, 1]
    limit = limits.MAX_CLAUSE_PAIRS
    root = math.isqrt(limit)

    def bounded(k: int, most: int) -> Document | None:
        """Document ``k``, or None once it is found to hold more than ``most`` clauses; refused on its
        own past :data:`~statediff.limits.MAX_CLAUSES` or :data:`~statediff.limits.MAX_TEXT`."""
        text, label, fmt = texts[k]
        return limits.cut_within(lambda clauses, chars: parse(text, name=label, input_format=fmt, part=parts[k],
                                                                lexicon=lexicon, max_clauses=clauses, max_text=chars),
                                 label, most)

    def refuse(k: int, most: int, other: Document) -> LimitError:
        return LimitError(f"too many clauses to compare: {texts[k][1]} has more than {most:,} clauses and "
                          f"{other.name} has {len(other.clauses):,}; {limits.pairs_note()}")

    if left_part is None and right_part is None:  # a part is cut from its document: no estimate
        least = [limits.least_clauses(text) for text, _, _ in texts]
        if least[0] * least[1] > limits.SURE * limit:
            raise LimitError(f"too many clauses to compare: {texts[0][1]} has at least {least[0]:,} paragraphs and "
                             f"{texts[1][1]} {least[1]:,}; {limits.pairs_note()}")
    i, j = order
    docs: dict[int, Document | None] = {i: bounded(i, root)}
    if docs[i] is not None:
        budget = limit // max(1, len(docs[i].clauses))  # type: ignore[union-attr]
        docs[j] = bounded(j, budget)
        if docs[j] is None:
            raise refuse(j, budget, docs[i])  # type: ignore[arg-type]
    else:
        docs[j] = bounded(j, limit // (root + 1))
        if docs[j] is None:  # both hold more than the root: the product is past the limit
            raise LimitError(f"too many clauses to compare: {texts[i][1]} and {texts[j][1]} each have more "
                             f"than {root:,} clauses; {limits.pairs_note()}")
        budget = limit // max(1, len(docs[j].clauses))  # type: ignore[union-attr]
        docs[i] = bounded(i, budget)
        if docs[i] is None:
            raise refuse(i, budget, docs[j])  # type: ignore[arg-type]
    return docs[0], docs[1]  # type: ignore[return-value]


def parse(text: str, *, name: str = "<text>", input_format: str = "text", part: int | str | None = None,
          lexicon: Lexicon | None = None, max_clauses: int | None = None, max_text: int | None = None,
          format: str | None = None) -> Document:
    """Segment text already in memory into a :class:`Document`; ``input_format`` (formerly ``format``,
    still accepted with a :class:`DeprecationWarning`) is "text", "markdown", "html" and so on;
    ``max_clauses`` and ``max_text`` as for :func:`read`.

    Examples:
        >>> [c.number for c in parse("(1) We agreed. We also welcomed it.").clauses]
        ['(1).1', '(1).2']
    """
    from .segmenter import segment

    _check_lines(text, name)
    date = _date_from_name(name)
    fmt = _input_format(input_format, format, "parse", "text") or "text"
    return segment(text, name=name, format=fmt, part=part, lexicon=lexicon, date=date, max_clauses=max_clauses,
                   max_text=max_text)


_LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e]")


def _check_lines(text: str, name: str) -> None:
    if len(text) <= MAX_LINE:
        return
    start, number = 0, 1
    for m in _LINE_BREAK.finditer(text):
        if m.start() - start > MAX_LINE:
            break
        start, number = m.end(), number + 1
    else:
        if len(text) - start <= MAX_LINE:
            return
    end = _LINE_BREAK.search(text, start)
    length = (end.start() if end else len(text)) - start
    raise ReadError(f"{name}: line {number} is {length:,} characters long; statediff reads lines of at most "
                    f"{MAX_LINE:,} characters (is this a data file?)")


def _date_from_name(name: str) -> str:
    base = os.path.basename(name)
    m = _ISO_IN_NAME.search(base) or _COMPACT_IN_NAME.search(base)
    if not m:
        return ""
    y, mo, d = (int(g) for g in m.groups())
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return ""


def _load(source: Source, timeout: float) -> tuple[bytes, str, str, dict[str, str]]:
    """The raw bytes of ``source``, a label for messages, a path for format detection and what a
    server declared ("type" and "charset" from its Content-Type)."""
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if path == "-":
            stream = getattr(sys.stdin, "buffer", sys.stdin)
            return _read_stream(stream, "<stdin>"), "<stdin>", "", {}
        if isinstance(path, str) and _URL.match(path):
            from .fetch import fetch

            return fetch(path, timeout, MAX_BYTES, _read_stream)
        return _read_path(path, timeout), os.path.basename(path) or path, path, {}
    if hasattr(source, "read"):
        label = os.path.basename(str(getattr(source, "name", "") or "")) or "<stream>"
        return _read_stream(source, label), label, str(getattr(source, "name", "") or ""), {}
    raise ReadError(f"cannot read a {type(source).__name__}: give a path, a URL, a file object or '-'")


def _read_path(path: str, timeout: float) -> bytes:
    p = Path(path)
    try:
        if p.is_dir():
            raise ReadError(f"{path}: is a directory, not a document")
        info = p.stat()
        if stat.S_ISFIFO(info.st_mode):
            with _open_fifo(path, timeout) as fh:
                return _read_stream(fh, path)
        if info.st_size > MAX_BYTES:
            raise ReadError(f"{path}: too large ({info.st_size:,} bytes; the limit is {MAX_BYTES:,})")
        with open(p, "rb") as fh:
            return _read_stream(fh, path)
    except FileNotFoundError:
        raise ReadError(f"{path}: no such file") from None
    except PermissionError:
        raise ReadError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise ReadError(f"{path}: is a directory, not a document") from None
    except OSError as exc:
        raise ReadError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _open_fifo(path: str, timeout: float) -> IO[bytes]:
    """Open a named pipe for reading, waiting at most ``timeout`` seconds for a program to open it
    for writing (opening a pipe nobody writes to would otherwise wait for ever)."""
    from .deadline import within

    def be_its_writer() -> None:  # the waiting open returns, and reads nothing
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass

    try:
        return within(timeout, lambda: open(path, "rb"), be_its_writer, name="statediff-fifo",  # noqa: SIM115
                      abandon=lambda fh: fh.close())
    except TimeoutError:
        raise ReadError(f"{path}: a named pipe that nothing wrote to within {timeout:g} s "
                        "(start the program that writes it, or raise --timeout)") from None


def _read_stream(stream: IO[str] | IO[bytes], label: str, deadline: float | None = None) -> bytes:
    """Read in pieces, stopping as soon as the input passes :data:`MAX_BYTES` (or the deadline)."""
    pieces: list[bytes] = []
    size = 0
    # With a deadline, read1 returns what has arrived instead of waiting for a whole chunk, so the
    # deadline is checked while a slow server trickles.
    read = getattr(stream, "read1", stream.read) if deadline is not None else stream.read
    try:
        while True:
            piece = read(_CHUNK)
            if not piece:
                break
            if isinstance(piece, str):
                piece = piece.encode("utf-8", "surrogatepass")
            pieces.append(piece)
            size += len(piece)
            if size > MAX_BYTES:
                raise ReadError(f"{label}: too large (more than {MAX_BYTES:,} bytes)")
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError
    except UnicodeDecodeError as exc:
        raise ReadError(f"{label}: not valid text ({exc.reason} at byte {exc.start})") from None
    except TimeoutError:
        raise ReadError(f"{label}: timed out") from None
    except OSError as exc:
        raise ReadError(f"{label}: cannot be read ({exc.strerror or exc})") from None
    return b"".join(pieces)


_DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def detect_format(path: str, data: bytes, content_type: str = "") -> str:
    """"html", "markdown", "pdf", "docx" or "text", from the extension, a server's content type and, failing
    those, the content."""
    ext = os.path.splitext(path)[1].lower()
    if ext in _HTML_EXT or content_type in ("text/html", "application/xhtml+xml"):
        return "html"
    if ext == ".pdf" or content_type == "application/pdf" or data[:5] == b"%PDF-":
        return "pdf"
    if ext == ".docx" or content_type == _DOCX_TYPE:
        return "docx"
    if data[:4] == b"PK\x03\x04":
        from .docx_input import is_docx

        if is_docx(data):
            return "docx"
    if ext in _MD_EXT or content_type == "text/markdown":
        return "markdown"
    head = ascii_head(data[:2048]).lstrip(" \t\r\n").lower()
    if head.startswith("<!doctype html") or head.startswith("<html") or "<html" in head[:256] \
            or (head.startswith("<?xml") and "<html" in head):
        return "html"
    return "text"
