"""The page shell shared by the HTML renderers (the comparison report and the series timeline).

A page is one self-contained document: its stylesheets and its one small script are data files
(``statediff/data``) placed inline, and a Content-Security-Policy that loads nothing and runs only
that script, allowed by its SHA-256 hash. The shell is built with lxml like the pages' content, so
no text can become markup. A fragment (for a notebook) is the content with its style and no script.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Sequence
from functools import cache
from importlib.resources import files
from typing import Any

from lxml import etree  # this module is imported only when an HTML page is asked for

from .tree import element as _e

__all__ = ["asset", "content_security_policy", "render_fragment", "render_page"]


@cache
def asset(name: str) -> str:
    """The text of the data file ``statediff/data/<name>``, exactly as it is placed in a page."""
    return files("statediff").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(scripts: Iterable[str] = (), *, images: str = "") -> str:
    """A policy that loads nothing and runs only the given inline scripts (by their SHA-256 hashes).

    Inline styles stay allowed: CSS cannot run code, and other reports (a series timeline) embed
    their own ``<style>`` in the same page shell. ``images``, when given, is the ``img-src`` source
    list (the timeline's policy allows ``data:``).
    """
    hashes = " ".join(_sha256(s) for s in scripts)
    return ("default-src 'none'; " + (f"script-src {hashes}; " if hashes else "script-src 'none'; ")
            + "style-src 'unsafe-inline'; " + (f"img-src {images}; " if images else "")
            + "base-uri 'none'; form-action 'none'; object-src 'none'")


def render_page(content: Any, title: str, *, styles: Sequence[str], script: str, images: str = "",
         skip_to: str | None = None) -> str:
    """A full page around the element ``content``: the data files named by ``styles`` in one
    ``<style>``, the one named by ``script`` at the end of the body (and allowed by the policy),
    and, with ``skip_to``, a link that skips to the element of that id (shown on focus)."""
    code = asset(script)
    head = _e("head", {},
              _e("meta", {"charset": "utf-8"}),
              _e("meta", {"http-equiv": "Content-Security-Policy",
                          "content": content_security_policy([code], images=images)}),
              _e("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
              _e("meta", {"name": "color-scheme", "content": "light dark"}),
              _e("meta", {"name": "referrer", "content": "no-referrer"}),
              _e("title", {}, title),
              _e("style", {}, "".join(asset(name) for name in styles)))
    body = _e("body", {})
    if skip_to:
        body.append(_e("a", {"class": "sd-skip", "href": "#" + skip_to}, "Skip to the clauses"))
    body.append(content)
    body.append(_e("script", {}, code))
    html = _e("html", {"lang": "en"}, head, body)
    return "<!DOCTYPE html>\n" + etree.tostring(html, method="html", encoding="unicode") + "\n"


def render_fragment(content: Any, *, style: str) -> str:
    """The element ``content`` with the data file ``style`` before it and no script, for embedding in
    another page (a notebook); each renderer's content is built to read without its script."""
    wrapper = _e("div", {"class": "statediff-fragment"}, _e("style", {}, asset(style)), content)
    return etree.tostring(wrapper, method="html", encoding="unicode")
