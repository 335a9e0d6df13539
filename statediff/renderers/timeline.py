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
from typing import Any

from ..model import Document, Lineage, Revision, Series
from .page import asset, render_fragment, render_page
from .series import summarize_series
from .tree import add as _add
from .tree import element as _e

__all__ = ["render_html", "timeline_element", "SCRIPT", "CSS"]

STYLES = ("timeline.css", "timeline-page.css")
#: The script (timeline.js) filters rows by the words typed (every word must occur in the row, ignoring
#: case and curly quotes) and by kind; it only shows and hides rows, so the page reads the same without it.
SCRIPT_FILE = "timeline.js"
#: The policy also allows images given as ``data:`` URLs.
IMAGES = "data:"
CSS = asset("timeline.css")
SCRIPT = asset(SCRIPT_FILE)

_GIST = 8  # words
#: With more documents than this the timeline takes the compact layout (class ``sd-many``).
MANY = 6
_OPENING = 14  # words of a new clause shown in the compact layout
_CONTEXT = 4  # words of unchanged wording shown on each side of a change in the compact layout

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


def grep_pattern(phrase: str) -> re.Pattern[str]:
    """A regex that finds ``phrase`` in a text wherever the series' ``grep`` finds it: ignoring case,
    quotes, dashes, spacing and hyphens between letters (what :func:`statediff.normalizer.fold`
    folds away), so that the highlighted words are the ones the filter matched."""
    from ..normalizer import fold

    out = []
    folded = fold(phrase).casefold()
    for k, ch in enumerate(folded):
        if ch == " ":
            out.append(r"\s+")
            continue
        out.append(_CHAR_CLASS.get(ch, re.escape(ch)))
        if ch.isalpha() and k + 1 < len(folded) and folded[k + 1].isalpha():
            out.append(r"(?:[-\u2010\u2011\u00ad]\s*)?")
    return re.compile("".join(out), re.IGNORECASE)


_CHAR_CLASS = {"'": "['\u2018\u2019\u201b\u2032]", '"': '["\u201c\u201d\u201f\u2033]',
               "-": "[-\u2010-\u2015\u2212]"}


def _emit(el, pieces: list[tuple[str, str]], mark: re.Pattern[str] | None) -> None:
    """Append the pieces (text, tag: "" for plain text, "del", "ins" or "gap") to ``el``, with the grep
    phrase in ``<mark>``: found in the wording the pieces spell (all but the deleted ones, so that a
    phrase across an edit is found) and in the deleted words."""
    spans: dict[str, list[tuple[int, int]]] = {"new": [], "del": []}
    if mark is not None:
        for side in spans:
            text = "".join(t for t, tag in pieces if (tag == "del") == (side == "del") and tag != "gap")
            spans[side] = [m.span() for m in mark.finditer(text)]
    at = {"new": 0, "del": 0}
    for text, tag in pieces:
        if tag == "gap":
            el.append(_e("span", {"class": "sd-gap"}, text))
            continue
        side = "del" if tag == "del" else "new"
        start, end = at[side], at[side] + len(text)
        at[side] = end
        host = el
        if tag:
            host = _e(tag, {})
            el.append(host)
        k = start
        for a, b in spans[side]:
            a, b = max(a, start), min(b, end)
            if a >= b:
                continue
            _add(host, text[k - start:a - start])
            host.append(_e("mark", {}, text[a - start:b - start]))
            k = b
        _add(host, text[k - start:])


def _pieces(r: Revision) -> list[tuple[str, str]]:
    if r.status == "added":
        return [(r.text, "")]
    out: list[tuple[str, str]] = []
    for e in r.edits:
        if e.op == "equal":
            out.append((e.right, ""))
            continue
        if e.left:
            out.append((e.left, "del"))
        if e.right:
            out.append((e.right, "ins"))
    return out


def _text(r: Revision, mark: re.Pattern[str] | None = None):
    """The wording with the edits since the previous wording marked."""
    el = _e("div", {"class": "sd-text"})
    _emit(el, _pieces(r), mark)
    return el


def _hunks(r: Revision, mark: re.Pattern[str] | None):
    """The compact form of a changed wording: each change with a few unchanged words around it,
    the words between shown as "…"."""
    pieces = _pieces(r)
    out: list[tuple[str, str]] = []
    for k, (text, tag) in enumerate(pieces):
        if tag:
            out.append((text, tag))
            continue
        words = text.split()
        after, before = k > 0, k + 1 < len(pieces)
        keep = (2 * _CONTEXT + 1) if after and before else _CONTEXT
        if len(words) <= keep:
            out.append((text, ""))
            continue
        if after:
            out.append((text[:_end_of_word(text, _CONTEXT)] + " ", ""))
        out.append(("\u2026", "gap"))
        if before:
            out.append((" " + text[_start_of_last_words(text, _CONTEXT):], ""))
    el = _e("div", {"class": "sd-text sd-hunks"})
    _emit(el, out, mark)
    return el


def _end_of_word(text: str, n: int) -> int:
    """Where the ``n``-th word of ``text`` ends (its leading space kept)."""
    ends = [m.end() for m in re.finditer(r"\S+", text)]
    return ends[n - 1]


def _start_of_last_words(text: str, n: int) -> int:
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    return starts[-n]


def _opening(r: Revision, mark: re.Pattern[str] | None):
    """The first words of a new wording, in the compact layout."""
    el = _e("div", {"class": "sd-text"})
    _emit(el, [(r.text[:_end_of_word(r.text, _OPENING)], ""), (" \u2026", "gap")], mark)
    return el


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
        head.append(_e("span", {"class": "sd-base"}, f"compared with {_short(docs[r.base], r.base)}"))
    td = _e("td", {"class": f"sd-{r.status}"})
    if r.status in ("unchanged", "dropped", "merged"):  # folded, so that the changes stand out
        td.append(_e("details", {}, _e("summary", {}, head), _text(r, mark)))
    elif many and (r.status == "changed" or len(r.text.split()) > _OPENING):
        # what changed, or how a new clause opens; the whole wording a click away
        td.append(head)
        td.append(_hunks(r, mark) if r.status == "changed" else _opening(r, mark))
        td.append(_e("details", {}, _e("summary", {}, "whole wording"), _text(r, mark)))
    else:
        td.append(head)
        td.append(_text(r, mark))
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
    chart = _chart(series)
    if chart is not None:
        out.append(chart)
    out.append(controls)
    out.append(_e("div", {"class": "sd-scroll"}, _e("table", {}, thead, tbody)))
    return out


_CHART_KEYS = ("changed", "added", "dropped")


def meeting_counts(series: Series) -> list[dict[str, int]]:
    """For each document after the first: how many commitment lineages (of those shown) changed,
    came (added or revived) and went (dropped or merged) there."""
    docs = series.documents
    out = [dict.fromkeys(_CHART_KEYS, 0) for _ in docs]
    for lin in series.lineages:
        last_kind = ""
        for r in lin.history:
            kind = docs[r.document].clauses[r.index[0]].kind if r.index else last_kind
            last_kind = kind
            if r.document == 0 or kind != "commitment":
                continue
            key = {"changed": "changed", "added": "added", "revived": "added", "dropped": "dropped",
                   "merged": "dropped"}.get(r.status)
            if key:
                out[r.document][key] += 1
    return out[1:]


def _chart(series: Series):
    """Commitments changed, added and dropped at each meeting: an inline SVG of grouped bars (built
    with lxml like the rest of the page), one group per document after the first."""
    docs = series.documents
    if len(docs) < 2:
        return None
    counts = meeting_counts(series)
    most = max((max(c.values()) for c in counts), default=0)
    if most == 0:
        return None
    group_w, bar_w, height, top, bottom, left = 72, 16, 150, 14, 34, 30
    width = left + group_w * len(counts) + 10
    names = [_short(d, k) for k, d in enumerate(docs)][1:]
    described = "; ".join(f"{name}: " + ", ".join(f"{c[key]} {key}" for key in _CHART_KEYS)
                          for name, c in zip(names, counts))
    svg = _e("svg", {"class": "sd-tl-chart", "viewBox": f"0 0 {width} {height + top + bottom}", "role": "img",
                     "aria-label": "Commitments changed, added and dropped at each meeting: " + described,
                     "preserveAspectRatio": "xMinYMin meet"})
    base = top + height
    svg.append(_e("line", {"x1": str(left), "x2": str(width - 10), "y1": str(base), "y2": str(base),
                           "class": "sd-axis"}))
    svg.append(_e("text", {"x": str(left - 6), "y": str(top + 4), "text-anchor": "end"}, str(most)))
    svg.append(_e("text", {"x": str(left - 6), "y": str(base), "text-anchor": "end"}, "0"))
    for k, (name, c) in enumerate(zip(names, counts)):
        x0 = left + k * group_w + (group_w - 3 * bar_w) / 2
        group = _e("g", {})
        group.append(_e("title", {}, f"{name}: " + ", ".join(f"{c[key]} {key}" for key in _CHART_KEYS)))
        for j, key in enumerate(_CHART_KEYS):
            h = height * c[key] / most
            x = x0 + j * bar_w
            group.append(_e("rect", {"x": f"{x:.1f}", "y": f"{base - h:.1f}", "width": str(bar_w - 3),
                                     "height": f"{max(h, 0.0):.1f}", "class": f"sd-bar-{key}"}))
            if c[key]:
                group.append(_e("text", {"x": f"{x + (bar_w - 3) / 2:.1f}", "y": f"{base - h - 3:.1f}",
                                         "text-anchor": "middle"}, str(c[key])))
        group.append(_e("text", {"x": f"{left + k * group_w + group_w / 2:.1f}", "y": str(base + 16),
                                 "text-anchor": "middle"}, name))
        svg.append(group)
    legend = _e("p", {"class": "sd-chart-legend", "aria-hidden": "true"},
                *[_e("span", {"class": f"sd-key sd-key-{key}"}, key) for key in _CHART_KEYS])
    return _e("figure", {"class": "sd-chart-box"},
              _e("figcaption", {}, "Commitments changed, added and dropped at each meeting"), svg, legend)


def render_html(series: Series, *, fragment: bool = False, **_: Any) -> str:
    """A self-contained page (or, with ``fragment=True``, the timeline ``<div>`` with its style, no script)."""
    body_el = timeline_element(series)
    if fragment:
        return render_fragment(body_el, style="timeline.css")
    return render_page(body_el, series.title, styles=STYLES, script=SCRIPT_FILE, images=IMAGES)
