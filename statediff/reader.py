"""Inputs -> :class:`~statediff.model.Document`.

Paths, ``pathlib.Path``, binary or text file objects and ``"-"`` (standard input) are read; a string
is always a path, never literal text (use :func:`parse` for text in memory). Bytes are decoded with
explicit rules (BOM, then UTF-8, then a declared or user-given encoding), HTML pages are reduced to
their main content, and the text is handed to the segmenter.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import IO, Union

from .errors import ReadError
from .lexicon import Lexicon
from .model import Document
from .segmenter import find_date, segment

__all__ = ["read", "parse", "decode", "detect_format", "MAX_BYTES", "Source"]

Source = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]

#: Inputs larger than this are refused: a readout is a few pages, and a multi-megabyte "statement" is
#: almost always the wrong file. The limit keeps memory and time bounded.
MAX_BYTES = 20 * 1024 * 1024

_HTML_EXT = {".html", ".htm", ".xhtml"}
_MD_EXT = {".md", ".markdown", ".mdown"}
_ISO_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_COMPACT_IN_NAME = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(\d{2})(\d{2})(?!\d)")


def read(source: Source, *, part: int | str | None = None, format: str | None = None,
         encoding: str | None = None, name: str | None = None, lexicon: Lexicon | None = None) -> Document:
    """Read a document from a path, a file object or ``"-"`` (standard input).

    ``format`` forces "text", "markdown", "html" or "pdf" instead of guessing from the extension and
    content; ``encoding`` overrides detection; ``part`` selects one meeting of a document that holds
    several (1-based index or title substring).

    >>> doc = read("fixtures/japan-france/2021-01-15-defence-ministers-teleconference.txt")
    >>> doc.date, doc.clauses[0].number
    ('2021-01-15', 'p1')
    """
    data, label, path_hint = _load(source)
    fmt = format or detect_format(path_hint, data)
    if fmt not in ("text", "markdown", "html", "pdf"):
        raise ReadError(f"{label}: unknown input format {fmt!r} (use text, markdown, html or pdf)")
    if fmt == "pdf":
        from .pdf import pdf_text

        text = pdf_text(data, label)
    else:
        text = decode(data, label, encoding=encoding, html=fmt == "html")
        if fmt == "html":
            from .html_input import html_text

            text = html_text(text, label)
    return parse(text, name=name or label, format=fmt, part=part, lexicon=lexicon)


def parse(text: str, *, name: str = "<text>", format: str = "text", part: int | str | None = None,
          lexicon: Lexicon | None = None) -> Document:
    """Segment text already in memory into a :class:`Document`.

    >>> [c.number for c in parse("(1) We agreed. We also welcomed it.").clauses]
    ['(1).1', '(1).2']
    """
    date = _date_from_name(name)
    return segment(text, name=name, format=format, part=part, lexicon=lexicon, date=date)


def _date_from_name(name: str) -> str:
    base = os.path.basename(name)
    m = _ISO_IN_NAME.search(base) or _COMPACT_IN_NAME.search(base)
    if not m:
        return ""
    y, mo, d = (int(g) for g in m.groups())
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return ""


def _load(source: Source) -> tuple[bytes, str, str]:
    """The raw bytes of ``source``, a label for messages and a path for format detection."""
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if path == "-":
            stream = getattr(sys.stdin, "buffer", sys.stdin)
            return _read_stream(stream, "<stdin>"), "<stdin>", ""
        return _read_path(path), os.path.basename(path) or path, path
    if hasattr(source, "read"):
        label = os.path.basename(str(getattr(source, "name", "") or "")) or "<stream>"
        return _read_stream(source, label), label, str(getattr(source, "name", "") or "")
    raise ReadError(f"cannot read a {type(source).__name__}: give a path, a file object or '-'")


def _read_path(path: str) -> bytes:
    p = Path(path)
    try:
        if p.is_dir():
            raise ReadError(f"{path}: is a directory, not a document")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(f"{path}: too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
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


def _read_stream(stream: IO[str] | IO[bytes], label: str) -> bytes:
    try:
        data = stream.read(MAX_BYTES + 1)
    except UnicodeDecodeError as exc:
        raise ReadError(f"{label}: not valid text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise ReadError(f"{label}: cannot be read ({exc})") from None
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if len(data) > MAX_BYTES:
        raise ReadError(f"{label}: too large (more than {MAX_BYTES:,} bytes)")
    return data


def detect_format(path: str, data: bytes) -> str:
    """"html", "markdown", "pdf" or "text", from the extension and, failing that, the content."""
    ext = os.path.splitext(path)[1].lower()
    if ext in _HTML_EXT:
        return "html"
    if ext == ".pdf" or data[:5] == b"%PDF-":
        return "pdf"
    if ext in _MD_EXT:
        return "markdown"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<!doctype html") or head.startswith(b"<html") or b"<html" in head[:256]:
        return "html"
    return "text"


_BOMS = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode(data: bytes, label: str = "<input>", *, encoding: str | None = None, html: bool = False) -> str:
    """Decode ``data``: a given encoding, else a BOM, else UTF-8, else an HTML meta charset.

    Anything else is refused with a clear message rather than guessed into mojibake; ``--encoding``
    names the right one.
    """
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise ReadError(f"{label}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise ReadError(f"{label}: not valid {encoding} ({exc.reason} at byte {exc.start})") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise ReadError(f"{label}: not valid {codec} ({exc.reason} at byte {exc.start})") from None
            return text
    if b"\x00" in data[:8192]:
        raise ReadError(f"{label}: looks like a binary file, not a text document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_error = exc
    if html:
        m = _META_CHARSET.search(data[:4096])
        if m:
            try:
                return data.decode(m.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
    raise ReadError(f"{label}: not valid UTF-8 ({first_error.reason} at byte {first_error.start}); "
                    "name the encoding with --encoding")
