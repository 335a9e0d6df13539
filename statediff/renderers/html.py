"""Self-contained HTML report, built with lxml so that input text can never become markup.

Every piece of document text goes into the tree as a text node; lxml escapes it on serialization.
The page carries its own CSS, no scripts from elsewhere and a Content-Security-Policy that forbids
loading anything.
"""

from __future__ import annotations

from typing import Any

from ..model import Comparison, Document, Pair

__all__ = ["render_html", "comparison_element"]

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

CSS = """
:root { --fg:#1d2430; --muted:#5b6472; --bg:#fff; --line:#dde2ea; --del:#ffe3e3; --del-fg:#8a1010;
  --ins:#dcf5e1; --ins-fg:#0c5a22; --chip:#eef1f6; }
@media (prefers-color-scheme: dark) { :root { --fg:#e6e9ef; --muted:#a0a8b6; --bg:#151a21; --line:#2c3440;
  --del:#4a1f24; --del-fg:#ffc9c9; --ins:#183d26; --ins-fg:#c6f5d3; --chip:#232b36; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--fg); background: var(--bg); }
.statediff { max-width: 1100px; margin: 0 auto; padding: 24px; }
.statediff h1 { font-size: 1.35rem; margin: 0 0 12px; }
.docs { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin-bottom: 12px; }
.doc { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.doc .side { font-size: .75rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.doc .name { font-weight: 600; word-break: break-all; }
.doc .meta { color: var(--muted); font-size: .9rem; }
.summary { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 20px; padding: 0; list-style: none; }
.summary li { background: var(--chip); border-radius: 999px; padding: 2px 12px; font-size: .9rem; }
.pairs { border-top: 1px solid var(--line); }
.pair { display: grid; grid-template-columns: 9.5rem 1fr; gap: 12px; padding: 10px 0;
  border-bottom: 1px solid var(--line); }
.pair .head { font-size: .85rem; color: var(--muted); }
.pair .num { font-weight: 600; color: var(--fg); font-variant-numeric: tabular-nums; }
.status { display: inline-block; margin-top: 2px; border-radius: 4px; padding: 0 6px; font-size: .78rem;
  background: var(--chip); }
.status-added { background: var(--ins); color: var(--ins-fg); }
.status-dropped { background: var(--del); color: var(--del-fg); }
.status-changed { background: #fff1c2; color: #6b4e00; }
@media (prefers-color-scheme: dark) { .status-changed { background: #4a3d12; color: #ffe7a3; } }
.label { display: inline-block; margin: 2px 4px 0 0; border: 1px solid var(--line); border-radius: 4px;
  padding: 0 5px; font-size: .75rem; }
.text { overflow-wrap: anywhere; }
del { background: var(--del); color: var(--del-fg); text-decoration: line-through; }
ins { background: var(--ins); color: var(--ins-fg); text-decoration: underline; }
.pair-unchanged .text { color: var(--muted); }
@media print { body { font-size: 11pt; } .statediff { max-width: none; padding: 0; }
  del, ins { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


def _e(tag: str, attrib: dict[str, str] | None = None, *children: Any):
    from lxml import etree

    el = etree.Element(tag, attrib or {})
    last = None
    for ch in children:
        if ch is None:
            continue
        if isinstance(ch, str):
            if last is None:
                el.text = (el.text or "") + ch
            else:
                last.tail = (last.tail or "") + ch
        else:
            el.append(ch)
            last = ch
    return el


def _doc_box(side: str, d: Document):
    meta = " · ".join(x for x in (d.date, d.part or "", f"{len(d.clauses)} clauses") if x)
    return _e("div", {"class": "doc"}, _e("div", {"class": "side"}, side), _e("div", {"class": "name"}, d.name),
              _e("div", {"class": "meta"}, d.title) if d.title else None, _e("div", {"class": "meta"}, meta))


def _diff_element(p: Pair):
    el = _e("div", {"class": "text"})
    for e in p.edits:
        if e.op == "equal":
            _append_text(el, e.right)
            continue
        if e.left:
            el.append(_e("del", {}, e.left))
        if e.right:
            el.append(_e("ins", {}, e.right))
    return el


def _append_text(el, text: str) -> None:
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


def _pair_element(p: Pair, k: int):
    number = ", ".join(p.right or p.left)
    if p.left and p.right and p.left != p.right:
        number = f"{', '.join(p.left)} → {', '.join(p.right)}"
    head = _e("div", {"class": "head"}, _e("div", {"class": "num"}, number),
              _e("span", {"class": f"status status-{p.status}"}, p.status + (" · moved" if p.moved else "")))
    for label in p.labels:
        head.append(_e("span", {"class": "label"}, label))
    anchor = f"c-{(p.right or p.left)[0]}" if (p.right or p.left) else f"pair-{k}"
    return _e("section", {"class": f"pair pair-{p.status}", "id": anchor}, head, _diff_element(p))


def comparison_element(c: Comparison):
    """The report as an lxml element (a ``<div class="statediff">``), for embedding."""
    s = c.summary
    summary = _e("ul", {"class": "summary"})
    for key in ("changed", "added", "dropped", "unchanged", "moved"):
        summary.append(_e("li", {"class": f"count-{key}"}, f"{s.get(key, 0)} {key}"))
    pairs = _e("div", {"class": "pairs"})
    for k, p in enumerate(c.pairs):
        pairs.append(_pair_element(p, k))
    return _e("div", {"class": "statediff"}, _e("h1", {}, f"{c.left.name} → {c.right.name}"),
              _e("div", {"class": "docs"}, _doc_box("Before", c.left), _doc_box("After", c.right)),
              summary, pairs)


def render_html(result: Any, *, fragment: bool = False, **_: Any) -> str:
    """A full HTML page (or, with ``fragment=True``, the report ``<div>`` alone)."""
    from lxml import etree

    if not isinstance(result, Comparison):
        to_el = getattr(result, "to_html_element", None)
        if to_el is None:
            raise TypeError(f"cannot render a {type(result).__name__} as HTML")
        body_el = to_el()
        title = getattr(result, "title", "statediff")
    else:
        body_el = comparison_element(result)
        title = f"statediff: {result.left.name} → {result.right.name}"
    if fragment:
        style = _e("style", {}, CSS)
        wrapper = _e("div", {"class": "statediff-fragment"}, style, body_el)
        return etree.tostring(wrapper, method="html", encoding="unicode")
    head = _e("head", {},
              _e("meta", {"charset": "utf-8"}),
              _e("meta", {"http-equiv": "Content-Security-Policy", "content": CSP}),
              _e("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
              _e("title", {}, title), _e("style", {}, CSS))
    page = _e("html", {"lang": "en"}, head, _e("body", {}, body_el))
    return "<!DOCTYPE html>\n" + etree.tostring(page, method="html", encoding="unicode") + "\n"
