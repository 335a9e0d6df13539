"""HTML page -> the text of its main content, with headings and list markers kept as plain text.

Scripts, styles, navigation, headers, footers, forms and asides are removed; the main content is the
``<main>`` or ``<article>`` element (or ``role="main"``) when the page has one, otherwise the
element holding the most paragraph text. Headings become Markdown "#" lines and ordered-list items
keep their numbers, so the segmenter sees the same structure a reader sees.
"""

from __future__ import annotations

from .errors import ReadError

__all__ = ["html_text"]

_DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
         "iframe", "svg", "button", "select", "object", "embed", "canvas", "menu", "dialog")
_BLOCK = {"p", "div", "section", "article", "main", "blockquote", "pre", "table", "tr", "ul", "ol", "dl",
          "dt", "dd", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "address", "hr"}
_BOILER_HINTS = ("share", "social", "breadcrumb", "related", "cookie", "newsletter", "sidebar", "menu",
                 "pagination", "pager", "skip", "banner", "subscribe", "print")


def html_text(markup: str, label: str = "<html>") -> str:
    """The main text of an HTML page as plain text with blank lines between blocks."""
    from lxml import etree, html

    if not markup.strip():
        return ""
    try:
        parser = html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=False)
        root = html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"{label}: not parseable as HTML ({exc})") from None
    for el in root.xpath("|".join(f"//{t}" for t in _DROP)):
        el.drop_tree()
    for el in root.xpath("//*[@hidden or @aria-hidden='true']"):
        el.drop_tree()
    for el in root.xpath("//*[@class or @id or @role]"):
        hint = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("role")))).lower()
        if el.tag not in ("body", "html", "main", "article") and any(h in hint for h in _BOILER_HINTS) \
                and len(el.text_content()) < 400:
            el.drop_tree()
    main = _main_element(root)
    out: list[str] = []
    _emit(main, out, depth=0)
    text = "".join(out)
    lines = [ln.rstrip() for ln in text.split("\n")]
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


def _emit(el, out: list[str], depth: int, marker: str = "") -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in ("br",):
        out.append("\n")
    block = tag in _BLOCK
    if block:
        out.append("\n\n" if tag not in ("li", "tr", "dd", "dt") else "\n")
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        out.append("#" * int(tag[1]) + " ")
    if marker:
        out.append(marker)
    if el.text and tag:
        out.append(_flat(el.text))
    number = int(el.get("start", "1")) if tag == "ol" and (el.get("start") or "1").isdigit() else 1
    for child in el:
        child_marker = ""
        if tag in ("ol", "ul") and getattr(child, "tag", "") == "li":
            child_marker = f"{number}. " if tag == "ol" else "- "
            number += 1
        if isinstance(child.tag, str):
            _emit(child, out, depth + 1, child_marker)
        if child.tail:
            out.append(_flat(child.tail))
    if block:
        out.append("\n\n" if tag not in ("li", "tr", "dd", "dt") else "\n")
    elif tag in ("td", "th"):
        out.append("\t")


def _flat(s: str) -> str:
    """Collapse white space as a browser does, keeping one space at either end where there was some."""
    if not s.strip():
        return " " if s else ""
    return (" " if s[0].isspace() else "") + " ".join(s.split()) + (" " if s[-1].isspace() else "")
