"""The report's header (title, the two documents, what matters most, the summary with its overview
strip, section outline and label filters) and the bar of view controls that stays on screen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Comparison, Document, Pair
from .report_sections import Outline, section_list
from .tree import add as _add
from .tree import element as _e
from .words import (
    anchor_id,
    doc_label,
    item_where,
    nice_date,
    numbers_text,
    pair_kind,
    parts_hint,
    short_date,
    side_word,
    status_word,
)

__all__ = ["header", "view_controls"]


def header(c: Comparison, strip: Sequence[tuple[str, Pair, str]], labels: Sequence[tuple[str, int]], plan: Outline):
    """The ``<header>``: ``strip`` has the overview strip's entries (kind, pair, anchor id) in reading
    order, ``labels`` the label filters' labels with their counts, most frequent first, ``plan`` the
    report's outline."""
    out = _e("header", {"class": "sd-header"},
             _e("p", {"class": "sd-eyebrow"}, _e("span", {"class": "sd-logo", "aria-hidden": "true"}, "sd"),
                "statediff \u00b7 " + ("two accounts of one meeting" if c.mode == "accounts"
                                       else "clause-by-clause comparison")),
             _title(c),
             _e("div", {"class": "sd-docs"}, _doc_card("left", side_word(c, "left"), c.left),
                _doc_card("right", side_word(c, "right"), c.right)))
    digest = _digest(c)
    if digest is not None:
        out.append(digest)
    out.append(_summary(c, strip, labels, plan))
    return out


def _title(c: Comparison):
    # Dated statements are best told apart by their dates; the cards below give the titles.
    dated = bool(c.left.date and c.right.date and c.left.date != c.right.date)
    if c.mode == "accounts":  # one meeting, two tellings: named by their sources, side by side
        return _e("h1", {"class": "sd-title"}, doc_label(c.left),
                  _e("span", {"class": "sd-arrow"}, " and "), doc_label(c.right),
                  _e("span", {"class": "sd-vh"}, ": two accounts of one meeting"))
    return _e("h1", {"class": "sd-title"},
              nice_date(c.left.date) if dated else doc_label(c.left),
              _e("span", {"class": "sd-arrow", "aria-hidden": "true"}, "\u2192"),
              _e("span", {"class": "sd-vh"}, " compared with "),
              nice_date(c.right.date) if dated else doc_label(c.right))


def _doc_card(side: str, word: str, d: Document):
    meta = _e("dl", {"class": "sd-doc-meta"})
    rows: list[tuple[str, Any]] = []
    if d.date:
        rows.append(("Date", _e("time", {"datetime": d.date}, nice_date(d.date))))
    rows.append(("File", d.name))
    if d.part:
        rows.append(("Part", d.part))
    elif parts_hint(d):
        rows.append(("Parts", parts_hint(d)))
    rows.append(("Clauses", str(len(d.clauses))))
    for term, value in rows:
        meta.append(_e("div", {}, _e("dt", {}, term), _e("dd", {}, value)))
    return _e("section", {"class": f"sd-doc sd-doc-{side}", "aria-label": f"{word}: {d.name}"},
              _e("h2", {"class": "sd-doc-side"}, word),
              _e("p", {"class": "sd-doc-title"}, d.title or d.name), meta)


def _summary(c: Comparison, rows: Sequence[tuple[str, Pair, str]], labels: Sequence[tuple[str, int]], plan: Outline):
    s = c.summary
    counts = _e("ul", {"class": "sd-counts"})
    keys = ("changed", "dropped", "added", "unchanged") if c.mode == "accounts" else \
        ("changed", "added", "dropped", "moved", "unchanged")
    for key in keys:
        n = s.get(key, sum(1 for p in c.pairs if (p.moved if key == "moved" else p.status == key)))
        word = status_word(c, key) + (" (cosmetic or none)" if key == "unchanged" and c.mode == "revision" else "")
        counts.append(_e("li", {"class": f"sd-count sd-count-{key}"},
                         _e("span", {"class": "sd-count-n"}, str(n)), " ", _e("span", {"class": "sd-count-k"}, word)))
    section = _e("section", {"class": "sd-summary", "aria-labelledby": "sd-summary-h"},
                 _e("h2", {"id": "sd-summary-h"}, "Summary"), counts)
    if rows:
        # An overview strip, one tick per row in reading order; the counts above say it in words.
        strip = _e("div", {"class": "sd-map", "aria-hidden": "true"})
        for kind, p, target in rows:
            strip.append(_e("a", {"class": f"sd-tick sd-tick-{kind}", "href": "#" + target, "tabindex": "-1",
                                  "title": f"{numbers_text(p)}: {pair_kind(p)}"}))
        section.append(strip)
        section.append(_e("div", {"class": "sd-map-legend", "aria-hidden": "true"},
                          _e("span", {}, "start of document"), _e("span", {}, "end")))
    outline = section_list(c, plan)
    if outline is not None:
        section.append(outline)
    if labels:
        section.append(_label_filters(labels))
    return section


def _label_filters(labels: Sequence[tuple[str, int]]):
    """The labels with their counts, each a filter button."""
    ul = _e("ul", {"class": "sd-labels", "aria-label": "Labels"},
            _e("li", {"class": "sd-labels-h"}, "Labels"))
    for label, n in labels:
        # A filter: pressed, the report shows only the clauses with this label (report.js).
        ul.append(_e("li", {}, _e("button", {"type": "button", "class": "sd-label", "data-label": label,
                                             "data-filter-label": label, "aria-pressed": "false",
                                             "title": f"Show only the clauses labelled {label}"},
                                  label, " ", _e("span", {"class": "sd-label-n"}, str(n)))))
    return ul


def _digest(c: Comparison):
    """What matters most: one entry per digest item, each linking to its clause."""
    d = c.digest
    if not d:
        return None
    items = []
    for item in d.items:
        side, numbers = ("right", item.right) if item.right else ("left", item.left)
        li = _e("li", {"class": "sd-digest-item"}, _e("span", {"class": "sd-digest-k"}, item.label), " ")
        if numbers:
            li.append(_e("a", {"href": "#" + anchor_id(side, numbers[0]), "class": "sd-digest-at"},
                         item_where(item.left, item.right, "\u2192")))
            _add(li, " ")
        li.append(_e("span", {"class": "sd-digest-what"}, item.what))
        items.append(li)
    section = _e("section", {"class": "sd-digest", "aria-labelledby": "sd-digest-h"},
                 _e("h2", {"id": "sd-digest-h"}, "What matters most"), _e("ol", {}, items))
    if d.more:
        section.append(_e("p", {"class": "sd-digest-more"},
                          f"and {d.more} more in the report below"))
    return section


def view_controls(c: Comparison, group: str):
    view = _e("fieldset", {"class": "sd-seg"}, _e("legend", {"class": "sd-vh"}, "View"))
    for value, word in (("side", "Side by side"), ("inline", "Inline")):
        attrib = {"type": "radio", "name": group, "value": value, "class": f"sd-view-{value}"}
        if value == "side":
            attrib["checked"] = "checked"
        view.append(_e("label", {}, _e("input", attrib), _e("span", {}, word)))
    only = _e("label", {"class": "sd-toggle"},
              _e("input", {"type": "checkbox", "class": "sd-only-changes"}), _e("span", {}, "Changes only"))
    nav = _e("div", {"class": "sd-nav", "hidden": "hidden", "data-needs-script": ""},
             _e("button", {"type": "button", "data-go": "-1", "aria-keyshortcuts": "p"},
                "Previous change ", _e("kbd", {}, "p")),
             _e("button", {"type": "button", "data-go": "1", "aria-keyshortcuts": "n"},
                "Next change ", _e("kbd", {}, "n")),
             _e("span", {"class": "sd-pos", "role": "status", "aria-live": "polite"}))
    controls = _e("div", {"class": "sd-controls", "role": "group", "aria-label": "Report view"}, view, only, nav)
    heads = _e("div", {"class": "sd-colheads", "aria-hidden": "true"}, _e("span", {}, ""))
    for word, d in ((side_word(c, "left"), c.left), (side_word(c, "right"), c.right)):
        bits = [_e("span", {"class": "sd-colhead-side"}, word)]
        if d.date:
            bits.append(" \u00b7 " + short_date(d.date))
        bits.append(" \u00b7 " + doc_label(d))
        heads.append(_e("span", {}, bits))
    return _e("div", {"class": "sd-sticky"}, controls, heads)

