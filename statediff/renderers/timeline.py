"""The HTML timeline of a :class:`~statediff.model.Series`: lineages as rows, documents as columns.

Each cell holds the lineage's wording in that document with the words changed since its previous
wording marked ``<del>``/``<ins>``; unchanged wording, and the last wording of a dropped lineage,
fold into a ``<details>`` so that changes stand out. The page is built with lxml (document text only
ever becomes text nodes), carries its own CSS and one small inline script (filtering rows by text and
by kind), and a Content-Security-Policy that loads nothing and runs only that script, allowed by its
SHA-256 hash. Without the script every row shows and the filter controls stay hidden.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from ..model import Document, Lineage, Revision, Series
from .series import summarize_series
from .tree import add as _add
from .tree import element as _e

__all__ = ["render_html", "timeline_element", "SCRIPT", "CSS"]

CSS = """
.sd-timeline { --fg:#1d2430; --muted:#5b6472; --bg:#fff; --line:#dde2ea; --head:#f5f7fa; --del:#ffe3e3;
  --del-fg:#8a1010; --ins:#dcf5e1; --ins-fg:#0c5a22; --chg:#fff1c2; --chg-fg:#6b4e00; --rev:#e3ecff;
  --rev-fg:#1a3d8f; color: var(--fg); background: var(--bg);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
@media (prefers-color-scheme: dark) { .sd-timeline { --fg:#e6e9ef; --muted:#a0a8b6; --bg:#151a21;
  --line:#2c3440; --head:#1c232d; --del:#4a1f24; --del-fg:#ffc9c9; --ins:#183d26; --ins-fg:#c6f5d3;
  --chg:#4a3d12; --chg-fg:#ffe7a3; --rev:#1d2b4d; --rev-fg:#c9d8ff; } }
.sd-timeline * { box-sizing: border-box; }
.sd-timeline h1 { font-size: 1.3rem; margin: 0 0 4px; }
.sd-timeline .sd-meta { color: var(--muted); margin: 0 0 10px; }
.sd-timeline .sd-counts { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; padding: 0;
  margin: 0 0 12px; }
.sd-timeline .sd-counts li { border: 1px solid var(--line); border-radius: 999px; padding: 0 10px; }
.sd-timeline .sd-filter { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 0 0 12px; }
.sd-timeline .sd-filter[hidden] { display: none; }
.sd-timeline input[type=search] { min-width: 18rem; padding: 4px 8px; font: inherit; color: inherit;
  background: var(--bg); border: 1px solid var(--line); border-radius: 6px; }
.sd-timeline .sd-scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; }
.sd-timeline table { border-collapse: separate; border-spacing: 0; }
.sd-timeline th, .sd-timeline td { vertical-align: top; text-align: left; padding: 8px 10px;
  border-bottom: 1px solid var(--line); border-right: 1px solid var(--line); }
.sd-timeline thead th { background: var(--head); position: sticky; top: 0; z-index: 2; min-width: 16rem; }
.sd-timeline thead th .sd-name { font-weight: 400; color: var(--muted); font-size: .8rem;
  overflow-wrap: anywhere; }
.sd-timeline th.sd-lineage { position: sticky; left: 0; z-index: 1; background: var(--head);
  min-width: 9rem; max-width: 11rem; font-weight: 600; }
.sd-timeline thead th.sd-lineage { z-index: 3; }
.sd-timeline th.sd-lineage .sd-gist { display: block; font-weight: 400; font-size: .78rem; margin: 2px 0; }
.sd-timeline th.sd-lineage .sd-life { display: block; font-weight: 400; color: var(--muted); font-size: .78rem; }
.sd-timeline td { min-width: 16rem; max-width: 26rem; overflow-wrap: anywhere; }
.sd-timeline td.sd-absent { background: repeating-linear-gradient(135deg, transparent 0 6px, var(--head) 6px 12px); }
.sd-timeline .sd-head { display: flex; flex-wrap: wrap; gap: 4px; align-items: baseline; margin-bottom: 2px;
  font-size: .78rem; color: var(--muted); }
.sd-timeline .sd-num { font-weight: 600; color: var(--fg); font-variant-numeric: tabular-nums; }
.sd-timeline .sd-status { border-radius: 4px; padding: 0 6px; background: var(--head); }
.sd-timeline .sd-added .sd-status { background: var(--ins); color: var(--ins-fg); }
.sd-timeline .sd-changed .sd-status { background: var(--chg); color: var(--chg-fg); }
.sd-timeline .sd-revived .sd-status { background: var(--rev); color: var(--rev-fg); }
.sd-timeline .sd-dropped .sd-status, .sd-timeline .sd-merged .sd-status { background: var(--del);
  color: var(--del-fg); }
.sd-timeline .sd-base { font-style: italic; }
.sd-timeline .sd-label { border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; }
.sd-timeline summary { cursor: pointer; color: var(--muted); font-size: .78rem; }
.sd-timeline summary .sd-head { display: inline-flex; margin: 0; }
.sd-timeline .sd-unchanged .sd-text { color: var(--muted); }
.sd-timeline .sd-dropped .sd-text, .sd-timeline .sd-merged .sd-text { color: var(--muted); }
.sd-timeline del { background: var(--del); color: var(--del-fg); text-decoration: line-through; }
.sd-timeline del + ins { margin-left: 3px; }
.sd-timeline ins { background: var(--ins); color: var(--ins-fg); text-decoration: underline; }
.sd-timeline tr[hidden] { display: none; }
@media print { .sd-timeline .sd-filter { display: none; } .sd-timeline .sd-scroll { overflow: visible; border: 0; }
  .sd-timeline del, .sd-timeline ins { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""

PAGE_CSS = """
body { margin: 0; padding: 20px; background: #fff; }
@media (prefers-color-scheme: dark) { body { background: #151a21; } }
"""

# Filters rows by the words typed (every word must occur in the row, ignoring case and curly quotes)
# and by kind; it only shows and hides rows, so the page reads the same without it.
SCRIPT = """(function () {
  "use strict";
  var root = document.querySelector(".sd-timeline");
  if (!root) { return; }
  var form = root.querySelector(".sd-filter");
  var box = root.querySelector("input[type=search]");
  var kind = root.querySelector("select");
  var out = root.querySelector("output");
  var rows = Array.prototype.slice.call(root.querySelectorAll("tbody tr"));
  function fold(s) {
    return s.toLowerCase().replace(/[\\u2018\\u2019\\u201b\\u2032]/g, "'").replace(/[\\u201c\\u201d\\u201f\\u2033]/g, '"')
      .replace(/[\\u2010-\\u2015\\u2212]/g, "-").replace(/\\s+/g, " ");
  }
  var texts = rows.map(function (r) { return fold(r.textContent); });
  function apply() {
    var words = fold(box.value).trim().split(" ").filter(Boolean);
    var want = kind.value;
    var shown = 0;
    rows.forEach(function (r, i) {
      var ok = words.every(function (w) { return texts[i].indexOf(w) >= 0; }) &&
        (want === "all" || (" " + r.getAttribute("data-events") + " ").indexOf(" " + want + " ") >= 0);
      r.hidden = !ok;
      if (ok) { shown += 1; }
    });
    out.textContent = shown + " of " + rows.length + " lineages";
  }
  form.hidden = false;
  box.addEventListener("input", apply);
  kind.addEventListener("change", apply);
  apply();
}());
"""

_GIST = 8  # words

_KINDS = (("all", "all lineages"), ("changed", "changed"), ("added", "added later"), ("dropped", "dropped"),
          ("revived", "revived"), ("merged", "merged"), ("unchanged", "never changed"))


def content_security_policy(script: str) -> str:
    """Load nothing; run only ``script`` (by its SHA-256 hash); inline styles are allowed."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; img-src data:; "
            "base-uri 'none'; form-action 'none'; object-src 'none'")




def _events(lin: Lineage) -> str:
    """Space-separated kinds the row filter matches: "changed", "added" (after the first document), ..."""
    kinds = {r.status for r in lin.history[1:]} - {"unchanged"}
    if lin.first_seen > 0:
        kinds.add("added")
    if any(r.status == "changed" or r.moved for r in lin.history):
        kinds.add("changed")
    if not lin.changed:
        kinds.add("unchanged")
    return " ".join(sorted(kinds))


def _text(r: Revision):
    """The wording with the edits since the previous wording marked."""
    el = _e("div", {"class": "sd-text"})
    if r.status == "added":
        _add(el, r.text)
        return el
    for e in r.edits:
        if e.op == "equal":
            _add(el, e.right)
            continue
        if e.left:
            el.append(_e("del", {}, e.left))
        if e.right:
            el.append(_e("ins", {}, e.right))
    return el


def _cell(r: Revision, previous: int, docs: tuple[Document, ...]):
    head = _e("div", {"class": "sd-head"})
    if r.numbers:
        head.append(_e("span", {"class": "sd-num"}, ", ".join(r.numbers)))
    word = f"merged into {r.into}" if r.status == "merged" else r.status
    if r.status in ("changed", "revived") and r.score:
        word += f" {r.score:.2f}"
    if r.moved:
        word += " · moved"
    head.append(_e("span", {"class": "sd-status"}, word))
    for label in r.labels:
        head.append(_e("span", {"class": "sd-label"}, label))
    if r.status in ("changed", "unchanged", "revived") and r.base >= 0 and r.base != previous:
        head.append(_e("span", {"class": "sd-base"}, f"compared with {_short(docs[r.base], r.base)}"))
    td = _e("td", {"class": f"sd-{r.status}"})
    if r.status in ("unchanged", "dropped", "merged"):  # folded, so that the changes stand out
        td.append(_e("details", {}, _e("summary", {}, head), _text(r)))
    else:
        td.append(head)
        td.append(_text(r))
    return td


def _life(lin: Lineage, docs: tuple[Document, ...]) -> str:
    bits = [f"from {_short(docs[lin.first_seen], lin.first_seen)}"]
    if lin.revived:
        bits.append("revived " + ", ".join(_short(docs[k], k) for k in lin.revived))
    if lin.dropped is not None:
        how = "merged " if lin.history[-1].status == "merged" else "dropped "
        bits.append(how + _short(docs[lin.dropped], lin.dropped))
    if lin.split_from:
        bits.append(f"split from {lin.split_from}")
    return "; ".join(bits)


def _gist(lin: Lineage) -> str:
    """The first words of the lineage's last wording: what the row is about when it scrolls sideways."""
    words = next(r.text for r in reversed(lin.history) if r.text).split()
    return " ".join(words[:_GIST]) + (" …" if len(words) > _GIST else "")


def _short(d: Document, k: int) -> str:
    return d.date or f"#{k + 1}"


def _row(lin: Lineage, docs: tuple[Document, ...]):
    tr = _e("tr", {"id": f"lineage-{lin.id}", "data-events": _events(lin)},
            _e("th", {"class": "sd-lineage", "scope": "row"}, lin.id, _e("span", {"class": "sd-gist"}, _gist(lin)),
               _e("span", {"class": "sd-life"}, _life(lin, docs))))
    at = {r.document: r for r in lin.history}
    previous = -1
    for k in range(len(docs)):
        r = at.get(k)
        tr.append(_cell(r, previous, docs) if r is not None else _e("td", {"class": "sd-absent"}))
        if r is not None and r.status not in ("dropped", "merged"):
            previous = k
    return tr


def _doc_head(d: Document, k: int):
    th = _e("th", {"scope": "col"}, d.date or f"Document {k + 1}")
    th.append(_e("div", {"class": "sd-name"}, d.name + (f" · {d.part}" if d.part else "")))
    if d.title and d.title != d.part:
        th.append(_e("div", {"class": "sd-name"}, d.title))
    return th


def timeline_element(series: Series):
    """The timeline as an lxml element (a ``<div class="sd-timeline">``), for embedding."""
    docs = series.documents
    s = summarize_series(series)
    title = "Timeline" + (f" of \u201c{series.grep}\u201d" if series.grep else "")
    span = f"{docs[0].date or docs[0].name} to {docs[-1].date or docs[-1].name}" if docs else "no documents"
    counts = _e("ul", {"class": "sd-counts"})
    for key in ("lineages", "changed", "added", "dropped", "revived", "merged", "unchanged"):
        counts.append(_e("li", {}, f"{s[key]} {key}"))
    select = _e("select", {"aria-label": "Show"})
    for value, label in _KINDS:
        select.append(_e("option", {"value": value}, label))
    controls = _e("div", {"class": "sd-filter", "hidden": "hidden"},
                  _e("input", {"type": "search", "placeholder": "Filter by words", "aria-label": "Filter by words"}),
                  _e("label", {}, "Show ", select), _e("output", {}))
    thead = _e("thead", {}, _e("tr", {}, _e("th", {"class": "sd-lineage", "scope": "col"}, "Lineage"),
                               *[_doc_head(d, k) for k, d in enumerate(docs)]))
    tbody = _e("tbody", {}, *[_row(lin, docs) for lin in series.lineages])
    return _e("div", {"class": "sd-timeline"}, _e("h1", {}, title),
              _e("p", {"class": "sd-meta"}, f"{len(docs)} documents, {span}"), counts, controls,
              _e("div", {"class": "sd-scroll"}, _e("table", {}, thead, tbody)))


def render_html(series: Series, *, fragment: bool = False, **_: Any) -> str:
    """A self-contained page (or, with ``fragment=True``, the timeline ``<div>`` with its style, no script)."""
    from lxml import etree

    body_el = timeline_element(series)
    if fragment:
        wrapper = _e("div", {"class": "statediff-fragment"}, _e("style", {}, CSS), body_el)
        return etree.tostring(wrapper, method="html", encoding="unicode")
    head = _e("head", {},
              _e("meta", {"charset": "utf-8"}),
              _e("meta", {"http-equiv": "Content-Security-Policy", "content": content_security_policy(SCRIPT)}),
              _e("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
              _e("meta", {"name": "color-scheme", "content": "light dark"}),
              _e("meta", {"name": "referrer", "content": "no-referrer"}),
              _e("title", {}, series.title), _e("style", {}, CSS + PAGE_CSS))
    page = _e("html", {"lang": "en"}, head, _e("body", {}, body_el, _e("script", {}, SCRIPT)))
    return "<!DOCTYPE html>\n" + etree.tostring(page, method="html", encoding="unicode") + "\n"
