"""``http(s)://`` URLs -> bytes, within a deadline and a size cap.

The whole exchange (name lookup, connecting, every redirect, the headers and the body) runs in one
worker thread that the caller waits for at most ``timeout`` seconds; when the time is up the
connection is shut down and the caller gets a :class:`~statediff.errors.ReadError`, so a server that
trickles its headers or redirects slowly cannot hold a run past its deadline. Only ``http`` and
``https`` are fetched, redirects included; a body shorter than its ``Content-Length``, a malformed
status line, header block or chunked body is an error, never a half document.
"""

from __future__ import annotations

import http.client
import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from email.message import Message

from .deadline import within
from .errors import ReadError

__all__ = ["fetch", "MAX_REDIRECTS"]

#: Redirects followed before giving up.
MAX_REDIRECTS = 10

_ACCEPT = "text/html, text/plain, application/pdf, */*;q=0.5"


def fetch(url: str, timeout: float, max_bytes: int,
          read_body: Callable[..., bytes]) -> tuple[bytes, str, str, dict[str, str]]:
    """GET ``url``: (body, label, path, declared), where ``declared`` holds the server's content
    "type" and "charset". ``read_body(response, label, deadline)`` reads the body within
    ``max_bytes``."""
    parts = urllib.parse.urlsplit(url)
    path = urllib.parse.unquote(parts.path)
    label = os.path.basename(path.rstrip("/")) or parts.hostname or url
    deadline = time.monotonic() + timeout
    sockets: list[socket.socket] = []

    def hang_up() -> None:
        for sock in list(sockets):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    try:
        data, declared = within(timeout, lambda: _get(url, timeout, deadline, max_bytes, read_body, sockets),
                                hang_up, name="statediff-fetch")
    except TimeoutError:
        raise ReadError(f"{url}: timed out after {timeout:g} s") from None
    return data, label, path, declared


def _get(url: str, timeout: float, deadline: float, max_bytes: int, read_body: Callable[..., bytes],
         sockets: list[socket.socket]) -> tuple[bytes, dict[str, str]]:
    from . import __version__

    opener = urllib.request.build_opener(_handler(urllib.request.HTTPHandler, http.client.HTTPConnection, sockets),
                                         _handler(urllib.request.HTTPSHandler, http.client.HTTPSConnection, sockets),
                                         _Redirects)
    request = urllib.request.Request(url, headers={"User-Agent": f"statediff/{__version__}", "Accept": _ACCEPT})
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise ReadError(f"{url}: too large ({int(length):,} bytes; the limit is {max_bytes:,})")
            data = read_body(response, url, deadline)
            # http.client counts down a declared length as the body arrives: what is left was never sent.
            missing = getattr(response, "length", None)
            if missing:
                raise ReadError(f"{url}: the connection closed after {len(data):,} of "
                                f"{len(data) + missing:,} bytes (the document is incomplete)")
            header = Message()
            header["Content-Type"] = response.headers.get("Content-Type", "")
            declared = {"type": header.get_content_type() if response.headers.get("Content-Type") else ""}
            charset = header.get_param("charset")
            if isinstance(charset, str) and charset:
                declared["charset"] = charset
            return data, declared
    except urllib.error.HTTPError as exc:
        raise ReadError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, ReadError):
            raise reason from None
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise ReadError(f"{url}: timed out after {timeout:g} s") from None
        raise ReadError(f"{url}: cannot be fetched ({getattr(reason, 'strerror', None) or reason})") from None
    except TimeoutError:
        raise ReadError(f"{url}: timed out after {timeout:g} s") from None
    except http.client.IncompleteRead as exc:
        raise ReadError(f"{url}: the chunked body broke off or went wrong after {len(exc.partial):,} bytes "
                        "(the document is incomplete)") from None
    except http.client.RemoteDisconnected:
        raise ReadError(f"{url}: cannot be fetched (the server closed the connection without an answer)") from None
    except http.client.HTTPException as exc:  # bad status line, headers too long or too many, ...
        raise ReadError(f"{url}: not a valid HTTP response ({type(exc).__name__}: {exc})"[:300]) from None
    except (OSError, ValueError) as exc:  # ValueError: a malformed chunk size, among others
        if time.monotonic() >= deadline:
            raise ReadError(f"{url}: timed out after {timeout:g} s") from None
        raise ReadError(f"{url}: cannot be fetched ({exc})"[:300]) from None


def _handler(base: type, connection: type, sockets: list[socket.socket]) -> type:
    """``base`` (urllib's HTTP or HTTPS handler) opening ``connection``s whose sockets are recorded
    in ``sockets``, so that the waiting caller can hang up on them."""

    class Recorded(connection):
        def connect(self) -> None:
            super().connect()
            sockets.append(self.sock)

    scheme = "https" if connection is http.client.HTTPSConnection else "http"

    def open_(self: urllib.request.AbstractHTTPHandler, req: urllib.request.Request) -> object:
        options = {"context": self._context} if scheme == "https" else {}  # type: ignore[attr-defined]
        return self.do_open(Recorded, req, **options)

    return type(f"Recorded{base.__name__}", (base,), {f"{scheme}_open": open_})


class _Redirects(urllib.request.HTTPRedirectHandler):
    """urllib's redirects, to ``http`` and ``https`` only (urllib also follows ``ftp``)."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            raise ReadError(f"{req.full_url}: redirected to {newurl}, which is not an http or https URL")
        return super().redirect_request(req, fp, code, msg, headers, newurl)
