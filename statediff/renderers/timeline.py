"""The HTML timeline of a :class:`~statediff.model.Series`: lineages as rows, documents as columns.

Each cell holds the lineage's wording in that document with the words changed since its previous
wording marked ``<del>``/``<ins>``; unchanged wording, and the last wording of a dropped lineage,
fold into a ``<details>`` so that changes stand out. The page is built with lxml (document text only
ever becomes text nodes), carries its own CSS and one small inline script (filtering rows by text and
by kind), and a Content-Security-Policy that loads nothing and runs only that script, allowed by its
SHA-256 hash. Without the script every row shows and the filter controls stay hidden.
"""

from __future__ import annotations

import re

from ..model import Document, Lineage, Revision, Series
from .page import render_fragment, render_page
from .series import summarize_series
from .timeline_chart import timeline_chart
from .timeline_wording import OPENING, grep_pattern, hunks, opening, wording
from .tree import element as _e
from .words import doc_short

__all__ = ["render_html", "timeline_element"]

# The cells' wording is built by timeline_wording and the chart by timeline_chart.


STYLES = ("timeline.css", "timeline-page.css")
#: The script (timeline.js) filters rows by the words typed (every word must occur in the row, ignoring
#: case and curly quotes) and by kind; it only shows and hides rows, so the page reads the same without it.
SCRIPT_FILE = "timeline.js"
#: The policy also allows images given as ``data:`` URLs.
IMAGES = "data:"


_GIST = 8  # words
#: With more documents than this the timeline takes the compact layout (class ``sd-many``): five
#: full-width columns do not fit 1,440 px.
MANY = 4


_KINDS = (("all", "all lineages"), ("changed", "changed"), ("added", "added later"), ("dropped", "dropped"),
          ("revived", "revived"), ("merged", "merged"), ("unchanged", "never changed"))


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


def _cell(r: Revision, previous: int, docs: tuple[Document, ...], mark: re.Pattern[str] | None, many: bool):
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
        head.append(_e("span", {"class": "sd-base"}, f"compared with {doc_short(docs[r.base], r.base)}"))
    td = _e("td", {"class": f"sd-{r.status}"})
    if r.status in ("unchanged", "dropped", "merged"):  # folded, so that the changes stand out
        td.append(_e("details", {}, _e("summary", {}, head), wording(r, mark)))
    elif many and (r.status == "changed" or len(r.text.split()) > OPENING):
        # what changed, or how a new clause opens; the whole wording a click away
        td.append(head)
        shown = hunks(r, mark) if r.status == "changed" else opening(r, mark)
        td.append(shown)
        whole = _e("details", {}, _e("summary", {}, "whole wording"), wording(r, mark))
        if mark is not None and mark.search(r.text) and not mark.search("".join(shown.itertext())):
            whole.set("open", "open")  # the phrase looked for is further on: the whole wording shows it
        td.append(whole)
    else:
        td.append(head)
        td.append(wording(r, mark))
    return td


def _life(lin: Lineage, docs: tuple[Document, ...]) -> str:
    bits = [f"from {doc_short(docs[lin.first_seen], lin.first_seen)}"]
    if lin.revived:
        bits.append("revived " + ", ".join(doc_short(docs[k], k) for k in lin.revived))
    if lin.dropped is not None:
        how = "merged " if lin.history[-1].status == "merged" else "dropped "
        bits.append(how + doc_short(docs[lin.dropped], lin.dropped))
    if lin.split_from:
        bits.append(f"split from {lin.split_from}")
    return "; ".join(bits)


def _gist(lin: Lineage) -> str:
    """The first words of the lineage's last wording: what the row is about when it scrolls sideways."""
    words = next(r.text for r in reversed(lin.history) if r.text).split()
    return " ".join(words[:_GIST]) + (" …" if len(words) > _GIST else "")


def _row(lin: Lineage, docs: tuple[Document, ...], mark: re.Pattern[str] | None, many: bool):
    tr = _e("tr", {"id": f"lineage-{lin.id}", "data-events": _events(lin)},
            _e("th", {"class": "sd-lineage", "scope": "row"}, lin.id, _e("span", {"class": "sd-gist"}, _gist(lin)),
               _e("span", {"class": "sd-life"}, _life(lin, docs))))
    at = {r.document: r for r in lin.history}
    previous = -1
    for k in range(len(docs)):
        r = at.get(k)
        tr.append(_cell(r, previous, docs, mark, many) if r is not None else _e("td", {"class": "sd-absent"}))
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
    mark = grep_pattern(series.grep) if series.grep else None
    many = len(docs) > MANY
    tbody = _e("tbody", {}, *[_row(lin, docs, mark, many) for lin in series.lineages])
    out = _e("div", {"class": "sd-timeline sd-many" if many else "sd-timeline"}, _e("h1", {}, title),
             _e("p", {"class": "sd-meta"}, f"{len(docs)} documents, {span}"), counts)
    chart = timeline_chart(series)
    if chart is not None:
        out.append(chart)
    out.append(controls)
    out.append(_e("div", {"class": "sd-scroll"}, _e("table", {}, thead, tbody)))
    return out


def render_html(series: Series, *, fragment: bool = False) -> str:
    """A self-contained page (or, with ``fragment=True``, the timeline ``<div>`` with its style, no script)."""
    body_el = timeline_element(series)
    if fragment:
        return render_fragment(body_el, style="timeline.css")
    return render_page(body_el, series.title, styles=STYLES, script=SCRIPT_FILE, images=IMAGES)
