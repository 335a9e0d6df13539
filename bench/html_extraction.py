"""Which HTML main-content extractor serves statediff best: the built-in lxml reader, trafilatura or
jusText, on realistic pages built from the real statements under ``fixtures/``.

Each statement is wrapped in four page layouts seen on ministry sites (semantic HTML5; an old
div-and-table layout without semantic tags; a CMS page with breadcrumbs, a share bar and "related
links" lists inside the content column; a page whose numbered paragraphs are an ``<ol>``), with
menus, share bars, related links, cookie banners and footers around it. The extracted text is then
segmented, and its clauses are compared with the clauses of the plain-text original:

* recall: the share of the original's clauses found (folded text) among the extracted ones;
* noise: the share of extracted clauses that are not in the original (page furniture leaking in);
* numbers: the share of the original's clause numbers that survive (list numbering and headings).

    pip install trafilatura justext lxml_html_clean   # the candidates (not statediff dependencies)
    python bench/html_extraction.py                    # all layouts, every installed extractor

The page furniture uses its own words ("Subscribe to our newsletter", "Related: ..."), never words
from the statement, so leaks are measurable.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from statediff.normalizer import fold  # noqa: E402
from statediff.reader import parse  # noqa: E402

DOCS = sorted((ROOT / "fixtures" / "corpora").glob("*/*.txt")) + sorted((ROOT / "fixtures" / "japan-france").glob("*.txt"))

_ITEM = re.compile(r"^(?:\(?\d{1,3}[.)]|\*|-|\u25cf|\u2022)\s*")


def blocks(text: str) -> list[tuple[str, str]]:
    """The statement as (kind, text) blocks: "h" for a short unpunctuated line, "li" for a list item
    (kept with its marker), "p" otherwise; hard-wrapped lines are joined."""
    out = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.strip() for ln in chunk.splitlines() if ln.strip()]
        if not lines:
            continue
        # a list written one item per line ("(1) ...\n(2) ...") becomes several items
        items: list[list[str]] = []
        for ln in lines:
            if _ITEM.match(ln) or not items:
                items.append([ln])
            else:
                items[-1].append(ln)
        for item in items:
            joined = " ".join(item)
            if len(item) == 1 and len(joined) < 90 and not joined.endswith((".", ":", ";", ",")) and not _ITEM.match(joined):
                out.append(("h", joined))
            elif _ITEM.match(joined):
                out.append(("li", joined))
            else:
                out.append(("p", joined))
    return out


def _sub(parent, tag, text=None, **attrs):
    el = etree.SubElement(parent, tag, {k.rstrip("_"): v for k, v in attrs.items()})
    if text:
        el.text = text
    return el


def _nav(parent, tag="nav", **attrs):
    nav = _sub(parent, tag, **attrs)
    ul = _sub(nav, "ul")
    for label in ("Home", "Press Room", "Countries and Regions", "Policy Areas", "About Us", "Contact"):
        li = _sub(ul, "li")
        _sub(li, "a", label, href="#")
    return nav


def _share(parent, tag="div"):
    bar = _sub(parent, tag, class_="share-bar")
    for label in ("Share", "Tweet", "Email", "Print this page"):
        _sub(bar, "a", label, href="#")
    return bar


def _related(parent, tag="div", heading="Related Links"):
    box = _sub(parent, tag, class_="related-links")
    _sub(box, "h3", heading)
    ul = _sub(box, "ul")
    for label in ("Readout of the Secretary's Call with the Foreign Minister of Ruritania",
                  "Press Briefing on the Upcoming Summit Meetings in Brussels and Vienna",
                  "Fact Sheet: Partnership for Infrastructure and Investment Announced Today",
                  "Statement by the Spokesperson on the Anniversary of the Regional Accord"):
        _sub(_sub(ul, "li"), "a", label, href="#")
    return box


def _footer(parent, tag="footer", **attrs):
    foot = _sub(parent, tag, **attrs)
    _sub(foot, "p", "Copyright 2024 Ministry of Example Affairs. All rights reserved.")
    ul = _sub(foot, "ul")
    for label in ("Privacy Policy", "Accessibility Statement", "Terms of Use", "Sitemap", "Careers"):
        _sub(_sub(ul, "li"), "a", label, href="#")
    _sub(foot, "p", "Subscribe to our newsletter to receive press releases by email every week.")
    return foot


def _content(parent, title: str, body: list[tuple[str, str]], lists: str = "p") -> None:
    _sub(parent, "h1", title)
    ol = None
    for kind, text in body:
        if kind == "h":
            _sub(parent, "h2", text)
            ol = None
        elif kind == "li" and lists == "ol":
            m = re.match(r"^\(?(\d{1,3})[.)]\s*", text)
            if m:
                if ol is None:
                    ol = _sub(parent, "ol", start=m.group(1))
                _sub(ol, "li", text[m.end():])
            else:
                ol = None
                _sub(parent, "p", text)
        else:
            ol = None
            _sub(parent, "p", text)


def page(text: str, layout: str) -> str:
    """The statement wrapped in one of the page layouts."""
    body_blocks = blocks(text)
    title = body_blocks[0][1] if body_blocks and body_blocks[0][0] == "h" else "Joint Statement"
    rest = body_blocks[1:] if body_blocks and body_blocks[0][0] == "h" else body_blocks
    root = etree.Element("html", lang="en")
    head = _sub(root, "head")
    _sub(head, "meta", charset="utf-8")
    _sub(head, "title", title + " | Ministry of Example Affairs")
    _sub(head, "script", "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}")
    body = _sub(root, "body")
    cookie = _sub(body, "div", id="cookie-banner")
    _sub(cookie, "p", "We use cookies to improve your experience on our website. Accept all cookies?")
    if layout == "semantic":
        header = _sub(body, "header")
        _sub(header, "a", "Ministry of Example Affairs", href="/")
        _nav(header)
        main = _sub(body, "main")
        art = _sub(main, "article")
        _content(art, title, rest)
        _share(art)
        _related(main, "aside")
        _footer(body)
    elif layout == "divsoup":
        _nav(body, "div", id="menu")
        crumbs = _sub(body, "div", class_="breadcrumb")
        _sub(crumbs, "a", "Home", href="/")
        _sub(crumbs, "span", " > Press Releases > 2024")
        table = _sub(body, "table", width="100%")
        tr = _sub(table, "tr")
        left = _sub(tr, "td", width="20%")
        for label in ("Latest News", "Speeches", "Photo Gallery", "Videos", "Archives"):
            _sub(_sub(left, "div"), "a", label, href="#")
        centre = _sub(tr, "td")
        _content(centre, title, rest)
        _related(_sub(tr, "td", width="25%"), heading="More from the Press Room")
        _footer(body, "div", id="footer")
    elif layout == "cms":
        _nav(body, "div", class_="global-nav")
        wrap = _sub(body, "div", id="contents")
        crumbs = _sub(wrap, "ol", class_="breadcrumbs")
        for label in ("Top Page", "Foreign Policy", "Press Releases"):
            _sub(_sub(crumbs, "li"), "a", label, href="#")
        _share(wrap, "ul")
        inner = _sub(wrap, "div", class_="main-text")
        _content(inner, title, rest)
        _sub(wrap, "p", "Back to Index")
        _related(wrap, heading="Related Articles")
        _footer(body, "div", class_="site-footer")
    elif layout == "ol":
        header = _sub(body, "div", class_="header")
        _nav(header)
        main = _sub(body, "div", role="main")
        _content(main, title, rest, lists="ol")
        _share(main)
        _related(body, "div")
        _footer(body)
    else:
        raise ValueError(layout)
    return etree.tostring(root, method="html", encoding="unicode", doctype="<!DOCTYPE html>")


LAYOUTS = ("semantic", "divsoup", "cms", "ol")


def extract_builtin(markup: str) -> str:
    from statediff.html_input import html_text

    return html_text(markup)


def extract_trafilatura(markup: str) -> str:
    import trafilatura

    return trafilatura.extract(markup, output_format="markdown", include_comments=False, include_tables=True,
                               include_formatting=False, deduplicate=False, favor_precision=False) or ""


def extract_justext(markup: str) -> str:
    import justext

    paras = justext.justext(markup.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
    return "\n\n".join(p.text for p in paras if not p.is_boilerplate)


EXTRACTORS = {"builtin (lxml)": extract_builtin, "trafilatura": extract_trafilatura, "jusText": extract_justext}


def _keys(text: str) -> tuple[Counter, list[str]]:
    doc = parse(text)
    return Counter(fold(c.text).casefold() for c in doc.clauses), [c.number for c in doc.clauses]


def evaluate() -> None:
    originals = {d: _keys(d.read_text(encoding="utf-8")) for d in DOCS}
    pages = {(d, layout): page(d.read_text(encoding="utf-8"), layout) for d in DOCS for layout in LAYOUTS}
    print(f"{len(DOCS)} statements x {len(LAYOUTS)} layouts = {len(pages)} pages\n")
    print(f"{'extractor':16} {'layout':9} {'recall':>7} {'noise':>7} {'numbers':>8} {'ms/page':>8}")
    for name, func in EXTRACTORS.items():
        try:
            func("<html><body><p>warm up</p></body></html>")
        except ImportError:
            print(f"{name:16} not installed")
            continue
        for layout in (*LAYOUTS, "all"):
            found = total = noise = extracted = nums_kept = nums = 0
            elapsed = 0.0
            for d in DOCS:
                for lay in (LAYOUTS if layout == "all" else (layout,)):
                    t0 = time.perf_counter()
                    text = func(pages[(d, lay)])
                    elapsed += time.perf_counter() - t0
                    want, want_nums = originals[d]
                    got, got_nums = _keys(text)
                    found += sum((want & got).values())
                    total += sum(want.values())
                    noise += sum((got - want).values())
                    extracted += sum(got.values())
                    nums += len(want_nums)
                    nums_kept += len(set(want_nums) & set(got_nums))
            n = len(DOCS) * (len(LAYOUTS) if layout == "all" else 1)
            print(f"{name:16} {layout:9} {found / total:7.3f} {noise / max(extracted, 1):7.3f} "
                  f"{nums_kept / max(nums, 1):8.3f} {1000 * elapsed / n:8.1f}")
        print()


if __name__ == "__main__":
    evaluate()
