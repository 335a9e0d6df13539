"""HTML page -> the text of its main content, with headings and list markers kept as plain text.

Scripts, styles, navigation, headers, footers, forms and asides are removed, and so are small
elements whose class, id or role names page furniture (share bars, breadcrumbs, related links,
cookie banners); the main content is the ``<main>`` or ``<article>`` element (or ``role="main"``)
when the page has one, otherwise the element holding most of the paragraph text. Headings become
Markdown "#" lines (a heading that carries its own number, "II. Economic security", keeps it
instead, so the segmenter counts sections as the document does) and ordered-list items keep their
numbers, so the segmenter sees the structure a reader sees.

Why not trafilatura or jusText: on 112 pages built from the statements in ``fixtures/`` (four page
layouts, ``bench/html_extraction.py``) this reader kept 99.0% of the clauses with 0.5% leaked
furniture at about 1 ms a page; jusText kept 98.1% but lost ordered-list numbering, and
trafilatura kept 93.7% with 7.2% leaked (it took a table layout's side column for content), each
at 10-30 ms a page and with extra dependencies. See docs/inputs.md.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import ReadError

__all__ = ["html_text", "MAX_DEPTH"]

#: Elements nested deeper than this are refused rather than silently cut off (libxml2 stops there
#: and drops everything below). Real pages nest a few dozen levels.
MAX_DEPTH = 2048

_DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
         "iframe", "svg", "button", "select", "object", "embed", "canvas", "menu", "dialog")
_BLOCK = {"p", "div", "section", "article", "main", "blockquote", "pre", "table", "tr", "ul", "ol", "dl",
          "dt", "dd", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "address", "hr",
          "center", "details", "summary", "caption"}
_TIGHT = {"li", "tr", "dd", "dt"}  # blocks separated by a line break, not a blank line
_BOILER_HINTS = ("share", "social", "breadcrumb", "related", "cookie", "newsletter", "sidebar", "menu",
                 "pagination", "pager", "skip", "banner", "subscribe", "print")
# Containers with more text than this are content even when a class says "share" or "related":
# a share bar or a related-links box is a few hundred characters at most.
_BOILER_MAX_CHARS = 400
# A heading that starts with its own number: "II. Economic security", "3. Regional affairs",
# "(2) Defence", "A. Supply chains", "Section 4".
_NUMBERED_HEADING = re.compile(r"^\s*(?:[IVXLC]{1,6}|[0-9]{1,3}(?:\.[0-9]{1,3})*|[A-Z])[.)]\s+\S|^\s*\(\d{1,3}\)\s*\S"
                               r"|^\s*(?:Section|Chapter|Part|Article|Annex)\s+[0-9IVXLC]+\b", re.IGNORECASE)


def html_text(markup: str, label: str = "<html>") -> str:
    """The main text of an HTML page as plain text with blank lines between blocks."""
    from lxml import etree, html

    if not markup.strip():
        return ""
    try:
        # huge_tree lifts libxml2's depth limit of 256 (below which it silently drops the text) to
        # 2048; the input is already bounded by reader.MAX_BYTES.
        parser = html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
        root = html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"{label}: not parseable as HTML ({exc})") from None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise ReadError(f"{label}: HTML nested more than {MAX_DEPTH:,} levels deep; statediff does not "
                        "read such pages")
    for el in root.xpath("|".join(f"//{t}" for t in _DROP)):
        el.drop_tree()
    for el in root.xpath("//*[@hidden or @aria-hidden='true']"):
        el.drop_tree()
    for el in root.xpath("//*[@class or @id or @role]"):
        hint = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("role")))).lower()
        if el.tag not in ("body", "html", "main", "article") and any(h in hint for h in _BOILER_HINTS) \
                and el.getparent() is not None and len(el.text_content()) < _BOILER_MAX_CHARS:
            el.drop_tree()
    out: list[str] = []
    _emit(_main_element(root), out)
    lines = [ln.rstrip() for ln in "".join(out).split("\n")]
    cleaned: list[str] = []
    for ln in lines:
        if not ln.strip():
            if cleaned and cleaned[-1] != "":
                cleaned.append("")
        else:
            cleaned.append(ln)
    return "\n".join(cleaned).strip("\n") + ("\n" if cleaned else "")


def _main_element(root):
    for xp in ("//main", "//*[@role='main']", "//article"):
        found = root.xpath(xp)
        if found:
            return max(found, key=lambda e: len(e.text_content()))
    body = root.find("body")
    if body is None:
        return root
    # The element with the most text in <p> children is the content; fall back to the body.
    best, best_len = body, 0
    for el in body.iter("div", "section", "td"):
        n = sum(len(p.text_content()) for p in el.findall("p"))
        if n > best_len:
            best, best_len = el, n
    total = sum(len(p.text_content()) for p in body.iter("p"))
    return best if best_len >= 0.6 * total and best_len > 0 else body


def _emit(top, out: list[str]) -> None:
    """Append the text of ``top`` to ``out``: an explicit stack, not recursion, so that a page nested
    two thousand levels deep cannot overflow Python's stack."""
    # Each entry is ("open", element, marker) or ("close", element, None) or ("text", str, None).
    stack: list[tuple[str, object, str | None]] = [("open", top, "")]
    while stack:
        action, item, marker = stack.pop()
        if action == "text":
            out.append(str(item))
            continue
        el: Any = item
        tag = el.tag if isinstance(el.tag, str) else ""
        if action == "close":
            if tag in _BLOCK:
                out.append("\n" if tag in _TIGHT else "\n\n")
            elif tag in ("td", "th"):
                out.append("\t")
            continue
        if tag == "br":
            out.append("\n")
        if tag == "tr" and out and out[-1] == "\n":
            pass  # rows of a table stay on consecutive lines, so that the table reads as one
        elif tag in _BLOCK:
            out.append("\n" if tag in _TIGHT else "\n\n")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and not _NUMBERED_HEADING.match(el.text_content()):
            out.append("#" * int(tag[1]) + " ")
        if marker:
            out.append(marker)
        if el.text and tag:
            out.append(_flat(el.text))
        # Children go on the stack in reverse so they come off in document order, each followed by
        # its tail text; the element's own "close" goes first so that it comes off last.
        pending: list[tuple[str, Any, str | None]] = [("close", el, None)]
        number = int(el.get("start", "1")) if tag == "ol" and (el.get("start") or "1").isdigit() else 1
        children = []
        for child in el:
            child_marker = ""
            if tag in ("ol", "ul") and getattr(child, "tag", "") == "li":
                child_marker = f"{number}. " if tag == "ol" else "- "
                number += 1
            children.append((child, child_marker))
        for child, child_marker in reversed(children):
            if child.tail:
                pending.append(("text", _flat(child.tail), None))
            if isinstance(child.tag, str):
                pending.append(("open", child, child_marker))
        stack.extend(pending)


def _flat(s: str) -> str:
    """Collapse white space as a browser does, keeping one space at either end where there was some."""
    if not s.strip():
        return " " if s else ""
    return (" " if s[0].isspace() else "") + " ".join(s.split()) + (" " if s[-1].isspace() else "")
