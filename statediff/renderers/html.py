"""Self-contained HTML report, built with lxml so that input text can never become markup.

Every piece of document text goes into the tree as a text node or an attribute value; lxml escapes
it on serialization, so a statement that contains ``<script>`` shows those characters and runs
nothing. The page carries its own CSS (``statediff/data/report.css``) and one small script
(``report.js``, keyboard navigation), and a Content-Security-Policy that allows exactly that script
(by its SHA-256 hash) and loads nothing from anywhere.

The view switch (side by side / inline) and the "changes only" filter are form controls styled by
CSS (``:has()``), so they also work in the fragment shown by Jupyter, where the script is left out.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..model import Comparison, Document, Edit, Pair
from ..sections import former_titles, headings_of_pairs
from .page import asset, content_security_policy, render_fragment, render_page
from .tree import add as _add
from .tree import element as _e
from .words import few, side_word, status_word

__all__ = ["render_html", "comparison_element", "content_security_policy"]

_STATUS_SIGN = {"changed": "~", "added": "+", "dropped": "\u2212", "unchanged": "="}

# The page adds rules of its own (report-page.css) that would restyle a notebook if they were in the
# fragment.
STYLES = ("report.css", "report-page.css")
SCRIPT_FILE = "report.js"


def report_css() -> str:
    """The report's stylesheet (scoped to ``.statediff``)."""
    return asset("report.css")


def report_script() -> str:
    """The report's script, exactly as it is placed in the page."""
    return asset(SCRIPT_FILE)


def _anchor_id(side: str, number: str) -> str:
    # Clause numbers are unique within a document (the contract); white space is not allowed in an id.
    return f"{side}-" + "".join("_" if c.isspace() else c for c in number)


# English month names whatever the locale (strftime would follow LC_TIME and make output vary).
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _nice_date(iso: str, *, short: bool = False) -> str:
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    month = _MONTHS[d.month - 1]
    return f"{d.day} {month[:3] if short else month} {d.year}"


def _short_date(iso: str) -> str:
    return _nice_date(iso, short=True)


def _doc_label(d: Document) -> str:
    return d.part or d.title or d.name


# --- header -------------------------------------------------------------------------------------

def _doc_card(side: str, word: str, d: Document):
    meta = _e("dl", {"class": "sd-doc-meta"})
    rows: list[tuple[str, Any]] = []
    if d.date:
        rows.append(("Date", _e("time", {"datetime": d.date}, _nice_date(d.date))))
    rows.append(("File", d.name))
    if d.part:
        rows.append(("Part", d.part))
    rows.append(("Clauses", str(len(d.clauses))))
    for term, value in rows:
        meta.append(_e("div", {}, _e("dt", {}, term), _e("dd", {}, value)))
    return _e("section", {"class": f"sd-doc sd-doc-{side}", "aria-label": f"{word}: {d.name}"},
              _e("h2", {"class": "sd-doc-side"}, word),
              _e("p", {"class": "sd-doc-title"}, d.title or d.name), meta)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _label_counts(pairs: Sequence[Pair]) -> list[tuple[str, int]]:
    counts = Counter(label for p in pairs for label in dict.fromkeys(p.labels))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _pair_kind(p: Pair) -> str:
    return "moved" if p.moved else p.status


def _summary(c: Comparison, rows: Sequence[tuple[str, Pair, str]]):
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
                                  "title": f"{_numbers_text(p)}: {_pair_kind(p)}"}))
        section.append(strip)
        section.append(_e("div", {"class": "sd-map-legend", "aria-hidden": "true"},
                          _e("span", {}, "start of document"), _e("span", {}, "end")))
    outline = _section_list(c) if c.mode == "revision" else None
    if outline is not None:
        section.append(outline)
    labels = _label_counts(c.pairs)
    if labels:
        ul = _e("ul", {"class": "sd-labels", "aria-label": "Labels"},
                _e("li", {"class": "sd-labels-h"}, "Labels"))
        for label, n in labels:
            # A filter: pressed, the report shows only the clauses with this label (report.js).
            ul.append(_e("li", {}, _e("button", {"type": "button", "class": "sd-label", "data-label": label,
                                                 "data-filter-label": label, "aria-pressed": "false",
                                                 "title": f"Show only the clauses labelled {label}"},
                                      label, " ", _e("span", {"class": "sd-label-n"}, str(n)))))
        section.append(ul)
    return section


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
            li.append(_e("a", {"href": "#" + _anchor_id(side, numbers[0]), "class": "sd-digest-at"},
                         few(numbers)))
            _add(li, " ")
        li.append(_e("span", {"class": "sd-digest-what"}, item.what))
        items.append(li)
    section = _e("section", {"class": "sd-digest", "aria-labelledby": "sd-digest-h"},
                 _e("h2", {"id": "sd-digest-h"}, "What matters most"), _e("ol", {}, items))
    if d.more:
        section.append(_e("p", {"class": "sd-digest-more"},
                          f"and {d.more} more in the report below"))
    return section


_SECTION_WORD = {"renamed": "Renamed", "added": "New section", "dropped": "Section dropped", "unchanged": "Same"}


#: The labels a section's entry counts besides the statuses: the stance shifts.
LABELS_SHOWN = ("strengthened", "softened", "widened", "narrowed", "negation-flip", "modality-change")


def _section_of_pairs(c: Comparison) -> list[int | None]:
    """For each pair, the index in ``c.sections`` of the section pair it counts under: its clause's
    section in the later document, or for a dropped clause the section it stood in."""
    right_of: dict[int, int] = {}
    left_of: dict[int, int] = {}
    for k, sp in enumerate(c.sections):
        for sec in sp.right:
            right_of.update(dict.fromkeys(sec.clauses, k))
        for sec in sp.left:
            left_of.update(dict.fromkeys(sec.clauses, k))
    return [right_of.get(p.right_index[0]) if p.right_index else left_of.get(p.left_index[0]) if p.left_index
            else None for p in c.pairs]


def _section_tallies(c: Comparison) -> dict[int, Counter]:
    """Per section pair (its index in ``c.sections``): how many of its pairs are changed, added,
    dropped and moved, and how many carry each stance shift."""
    out: dict[int, Counter] = {}
    for p, k in zip(c.pairs, _section_of_pairs(c)):
        if k is None:
            continue
        tally = out.setdefault(k, Counter())
        if p.status != "unchanged":
            tally[p.status] += 1
        if p.moved:
            tally["moved"] += 1
        for label in p.labels:
            tally[label] += 1
    return out


_CHART_KEYS = ("changed", "added", "dropped")


def _section_chart(c: Comparison, tallies: dict[int, Counter]):
    """Changes per section, as an inline SVG bar chart (built with lxml like the rest of the page):
    one row per section of the later document (and per dropped one), in reading order, a bar for
    its changed, added and dropped clauses; each row links to the section."""
    rows = []
    for index, sp in enumerate(c.sections):
        counts = [tallies[index][key] if index in tallies else 0 for key in _CHART_KEYS]
        if not any(counts):
            continue
        side, doc, secs = ("right", c.right, sp.right) if sp.right else ("left", c.left, sp.left)
        title = " + ".join(s.title or "(no heading)" for s in secs)
        rows.append((title, counts, _anchor_id(side, doc.clauses[secs[0].clauses[0]].number)))
    if len(rows) < 2:
        return None
    row_h, label_w, bar_w = 20, 300, 280
    most = max(sum(counts) for _, counts, _ in rows)
    height = row_h * len(rows)
    described = "; ".join(f"{t}: " + ", ".join(f"{n} {k}" for n, k in zip(counts, _CHART_KEYS) if n)
                          for t, counts, _ in rows)
    svg = _e("svg", {"class": "sd-chart", "viewBox": f"0 0 {label_w + bar_w + 40} {height}", "role": "img",
                     "aria-label": "Changes per section: " + described, "width": "100%",
                     "preserveAspectRatio": "xMinYMin meet"})
    for k, (title, counts, target) in enumerate(rows):
        y = k * row_h
        link = _e("a", {"href": "#" + target})
        link.append(_e("title", {}, f"{title}: " + ", ".join(f"{n} {key}" for n, key in zip(counts, _CHART_KEYS) if n)))
        short = title if len(title) <= 46 else title[:45].rstrip() + "\u2026"
        link.append(_e("text", {"x": str(label_w - 8), "y": str(y + 14), "text-anchor": "end", "class": "sd-chart-label"},
                       short))
        x = float(label_w)
        for n, key in zip(counts, _CHART_KEYS):
            if n:
                w = bar_w * n / most
                link.append(_e("rect", {"x": f"{x:.1f}", "y": str(y + 4), "width": f"{max(w, 1.5):.1f}", "height": "12",
                                        "class": f"sd-bar sd-bar-{key}"}))
                x += w
        link.append(_e("text", {"x": f"{x + 5:.1f}", "y": str(y + 14), "class": "sd-chart-n"}, str(sum(counts))))
        svg.append(link)
    legend = _e("p", {"class": "sd-chart-legend", "aria-hidden": "true"},
                *[_e("span", {"class": f"sd-key sd-key-{key}"}, key) for key in _CHART_KEYS])
    return _e("figure", {"class": "sd-chart-box"}, _e("figcaption", {}, "Changes per section"), svg, legend)


def _section_list(c: Comparison):
    """The section pairing: one entry per section of the later document (and per dropped one), with
    how it relates to the earlier document's sections; each links to the section's first clause."""
    if not c.sections:
        return None
    counts = c.summary.get("sections", {})
    words = [f"{counts[k]} {k}" for k in ("renamed", "added", "dropped", "moved", "unchanged") if counts.get(k)]
    items = []
    tallies = _section_tallies(c)
    for index, sp in enumerate(c.sections):
        side, doc, secs = ("right", c.right, sp.right) if sp.right else ("left", c.left, sp.left)
        li = _e("li", {"class": f"sd-sec sd-sec-{sp.status}", "data-status": sp.status},
                _e("span", {"class": "sd-sec-k"}, _SECTION_WORD[sp.status]), " ")
        for k, sec in enumerate(secs):
            _add(li, " + " if k else "")
            li.append(_e("a", {"href": "#" + _anchor_id(side, doc.clauses[sec.clauses[0]].number)},
                         sec.title or "(no heading)"))
        if sp.right and sp.left and (sp.status != "unchanged" or len(sp.left) > 1 or len(sp.right) > 1):
            li.append(_e("span", {"class": "sd-sec-was"}, " \u2190 " + " + ".join(s.title or "(no heading)" for s in sp.left)))
        if sp.moved:
            li.append(_e("span", {"class": "sd-sec-moved"}, " \u2195 moved"))
        tally = tallies.get(index)
        if tally:
            li.append(_e("span", {"class": "sd-sec-n"}, " \u00b7 " + ", ".join(
                f"{tally[key]} {key}" for key in ("changed", "added", "dropped", "moved", *LABELS_SHOWN) if tally.get(key))))
        name = " + ".join(sec.title or "(no heading)" for sec in secs)
        # A filter like the label chips (report.js): pressed, the report shows only this section.
        li.append(_e("button", {"type": "button", "class": "sd-sec-only", "data-filter-section": str(index),
                                "aria-pressed": "false", "hidden": "hidden", "data-needs-script": "",
                                "title": f"Show only the section \u201c{name}\u201d"}, "only this"))
        items.append(li)
    chart = _section_chart(c, tallies)
    return _e("details", {"class": "sd-sections"},
              _e("summary", {}, "Sections: " + ", ".join(words)), *([chart] if chart is not None else []),
              _e("ol", {}, items))


def _controls(c: Comparison, group: str):
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
            bits.append(" \u00b7 " + _short_date(d.date))
        bits.append(" \u00b7 " + _doc_label(d))
        heads.append(_e("span", {}, bits))
    return _e("div", {"class": "sd-sticky"}, controls, heads)


# --- rows ---------------------------------------------------------------------------------------

def _edits(p: Pair) -> tuple[Edit, ...]:
    if p.edits:
        return p.edits
    if p.status == "added":
        return (Edit("insert", "", p.right_text),)
    if p.status == "dropped":
        return (Edit("delete", p.left_text, ""),)
    return (Edit("equal", p.left_text, p.right_text),)


def _text(p: Pair, side: str):
    """The clause text of one side (``left``, ``right``) or both (``inline``) with <del>/<ins> marks."""
    whole = {"class": "sd-whole"} if p.status in ("added", "dropped") else {}
    el = _e("p", {"class": "sd-text"})
    for e in _edits(p):
        if e.op == "equal":
            _add(el, e.left if side == "left" else e.right)
            continue
        if e.left and side in ("left", "inline"):
            _mark(el, "del", e.left, whole, trim=side != "inline")
        if e.right and side in ("right", "inline"):
            _mark(el, "ins", e.right, whole, trim=side != "inline")
    return el


def _mark(el: Any, tag: str, text: str, attrib: dict[str, str], *, trim: bool) -> None:
    """Append ``<tag>text</tag>``. With ``trim``, white space at either end stays outside the mark (no
    underlined gaps) while the paragraph's text is unchanged; only a one-sided cell may do that, since
    inline the space belongs to one version only."""
    core = text.strip()
    if tag == "del" and not attrib and len(core.split()) >= LONG_DELETION:
        attrib = {"class": "sd-long"}  # struck more lightly, to stay readable
    if not core or not trim:
        el.append(_e(tag, dict(attrib), text))
        return
    start = text.index(core)
    _add(el, text[:start])
    el.append(_e(tag, dict(attrib), core))
    _add(el, text[start + len(core):])


def _number_links(side: str, numbers: Sequence[str]):
    out: list[Any] = []
    for k, n in enumerate(numbers):
        if k:
            out.append(", ")
        out.append(_e("a", {"href": "#" + _anchor_id(side, n)}, n))
    return out


def _numbers_text(p: Pair) -> str:
    left, right = ", ".join(p.left), ", ".join(p.right)
    if not p.left:
        return right
    if not p.right:
        return left
    return right if left == right else f"{left} \u2192 {right}"


def _absent(c: Comparison, side: str, p: Pair | None = None):
    d, other = (c.left, c.right) if side == "left" else (c.right, c.left)
    # The date names the document only when it tells the two apart.
    if c.mode == "accounts":
        note = f"Not in {side_word(c, side)}"
    elif d.date and d.date != other.date:
        note = f"Not in {_short_date(d.date)}"
    else:
        note = "Not in the earlier document" if side == "left" else "Not in the later document"
    cell = _e("div", {"class": "sd-cell sd-absent"}, _e("span", {"class": "sd-absent-note"}, note))
    if p is not None and p.suggestions:
        cell.append(_suggestions(d, side, p))
    return cell


def _suggestions(d: Document, side: str, p: Pair):
    """The clauses of document ``d`` (on ``side``) that may continue the pair's clause: a tentative
    disclosure whose summary links to each candidate, and which, opened, shows their texts beside
    the pair's own (the report's script copies them from the clauses, so the page does not carry
    every text again)."""
    head = "Possibly continues" if p.status == "added" else "Possibly continued by"
    summary = _e("summary", {}, head, " ")
    for k, s in enumerate(p.suggestions):
        _add(summary, ", " if k else "")
        summary.append(_e("a", {"href": "#" + _anchor_id(side, s.number)}, s.number))
        _add(summary, f" {round(s.score * 100)}%")
    return _e("details", {"class": "sd-suggest", "aria-label": f"{head}: a guess, not a link"}, summary)


def _cell(side: str, numbers: Sequence[str], text):
    return _e("div", {"class": f"sd-cell sd-{side}"},
              _e("p", {"class": "sd-nums"}, _number_links(side, numbers)), text)


def _inline(p: Pair, text):
    nums = _e("p", {"class": "sd-nums"})
    if p.left and p.right:
        if p.left == p.right:
            _add(nums, _number_links("right", p.right))
        else:
            _add(nums, _number_links("left", p.left))
            nums.append(_e("span", {"class": "sd-to", "aria-hidden": "true"}, "\u2192"))
            nums.append(_e("span", {"class": "sd-vh"}, " became "))
            _add(nums, _number_links("right", p.right))
    else:
        _add(nums, _number_links("left" if p.left else "right", p.left or p.right))
    # Hidden unless the inline view is chosen, so that without the stylesheet the text shows once.
    return _e("div", {"class": "sd-inline", "hidden": "hidden"}, nums, text)


def _badge(kind: str, word: str, sign: str):
    return _e("span", {"class": f"sd-badge sd-badge-{kind}"},
              _e("span", {"class": "sd-sign", "aria-hidden": "true"}, sign), word)


def _pair_row(c: Comparison, p: Pair, ghost_above: bool | None, section: int | None = None):
    """One aligned group. ``ghost_above`` tells where the placeholder of a moved pair stands (None: the
    pair has no placeholder)."""
    meta = _e("div", {"class": "sd-meta"})
    # A moved clause's left anchor marks its old position, on the placeholder row.
    anchored_left = () if ghost_above is not None else p.left
    for n in anchored_left:
        meta.append(_e("span", {"class": "sd-anchor", "id": _anchor_id("left", n)}))
    for n in p.right:
        meta.append(_e("span", {"class": "sd-anchor", "id": _anchor_id("right", n)}))
    meta.append(_badge(p.status, _capital(status_word(c, p.status)), _STATUS_SIGN.get(p.status, "\u2022")))
    if p.moved:
        meta.append(_badge("moved", "Moved", "\u2195"))
    if p.moved and ghost_above is not None:
        arrow = "\u2191" if ghost_above else "\u2193"
        meta.append(_e("a", {"class": "sd-moved-link", "href": "#" + _anchor_id("left", p.left[0])},
                       f"{arrow} was {', '.join(p.left)}"))
    if p.left and p.right and p.status == "changed":
        meta.append(_e("span", {"class": "sd-score", "title": "word similarity of the two versions"},
                       f"{round(p.score * 100)}% similar"))
    if p.labels:
        meta.append(_e("ul", {"class": "sd-pair-labels", "aria-label": "Labels"},
                       [_e("li", {"class": "sd-label", "data-label": label}, label) for label in p.labels]))
    left = _cell("left", p.left, _text(p, "left")) if p.left else _absent(c, "left", p)
    right = _cell("right", p.right, _text(p, "right")) if p.right else _absent(c, "right", p)
    classes = f"sd-pair sd-pair-{p.status}" + (" sd-moved" if p.moved else "")
    attrib = {"class": classes, "data-status": p.status, "tabindex": "-1",
              "aria-label": f"Clause {_numbers_text(p)}: {p.status}" + (", moved" if p.moved else "")}
    if p.moved:
        attrib["data-moved"] = ""
    if p.status != "unchanged" or p.moved:
        attrib["data-change"] = ""
    if p.labels:
        attrib["data-labels"] = " ".join(p.labels)
    if section is not None:
        attrib["data-section"] = str(section)
    return _e("article", attrib, meta, left, right, _inline(p, _text(p, "inline")))


def _ghost_row(c: Comparison, p: Pair, pair_below: bool):
    """Where a moved clause stood in the left document, linking to where it stands now."""
    meta = _e("div", {"class": "sd-meta"})
    for n in p.left:
        meta.append(_e("span", {"class": "sd-anchor", "id": _anchor_id("left", n)}))
    meta.append(_badge("moved", "Moved away", "\u2195"))
    arrow = "\u2193" if pair_below else "\u2191"
    meta.append(_e("a", {"class": "sd-moved-link", "href": "#" + _anchor_id("right", p.right[0])},
                   f"{arrow} now {', '.join(p.right)}"))
    text = _e("p", {"class": "sd-text"}, p.left_text)
    inline_nums = _e("p", {"class": "sd-nums"}, ", ".join(p.left), _e("span", {"class": "sd-to"}, "\u2192"),
                     _number_links("right", p.right))
    return _e("article", {"class": "sd-pair sd-ghost", "data-status": "moved-away",
                          "aria-label": f"Clause {', '.join(p.left)} stood here; it moved to {', '.join(p.right)}"},
              meta,
              _e("div", {"class": "sd-cell sd-left"}, _e("p", {"class": "sd-nums"}, ", ".join(p.left)), text),
              _e("div", {"class": "sd-cell sd-absent"},
                 _e("span", {"class": "sd-absent-note"},
                    f"Now {', '.join(p.right)}, further {'down' if pair_below else 'up'}")),
              _e("div", {"class": "sd-inline", "hidden": "hidden"}, inline_nums,
                 _e("p", {"class": "sd-text"}, p.left_text)))


def _rows(pairs: Sequence[Pair]) -> list[tuple[str, Pair, int]]:
    """Display order: the pairs as given, plus a placeholder where each moved group stood on the left.

    The placeholder goes right after the last row holding an earlier left clause that did not move:
    the same rule that places dropped clauses, applied to the clause's old place. Entries are
    ``("pair", pair, k)`` or ``("ghost", pair, k)`` with ``k`` the pair's index.
    """
    # For "the last row (largest j) among the unmoved pairs whose first left clause comes before i":
    # unmoved pairs sorted by first left clause, with the running maximum of their row.
    starts = sorted((min(q.left_index), j) for j, q in enumerate(pairs) if not q.moved and q.left_index)
    firsts = [first for first, _ in starts]
    last_row: list[int] = []
    for _, j in starts:
        last_row.append(max(j, last_row[-1]) if last_row else j)
    placed_after: dict[int, list[int]] = {}
    for k, p in enumerate(pairs):
        if not (p.moved and p.left_index):
            continue
        before = bisect_left(firsts, min(p.left_index))
        placed_after.setdefault(last_row[before - 1] if before else -1, []).append(k)
    rows: list[tuple[str, Pair, int]] = []
    for k in sorted(placed_after.get(-1, []), key=lambda m: min(pairs[m].left_index)):
        rows.append(("ghost", pairs[k], k))
    for j, p in enumerate(pairs):
        rows.append(("pair", p, j))
        for k in sorted(placed_after.get(j, []), key=lambda m: min(pairs[m].left_index)):
            rows.append(("ghost", pairs[k], k))
    return rows


#: Words from which a deletion inside a changed clause is a long struck passage (class ``sd-long``).
LONG_DELETION = 12
#: Consecutive clauses added or dropped under one heading that "changes only" compacts into a list
#: of their first lines, expandable.
RUN = 4


def _runs(rows: Sequence[tuple[str, Pair, int]], headings: Sequence[str]) -> dict[int, int]:
    """The runs of at least :data:`RUN` rows added or dropped in a row under one heading: the first
    row's position mapped to its last. Moved clauses and placeholders break a run."""
    out: dict[int, int] = {}
    start = None

    def key(at: int):
        kind, p, k = rows[at]
        if kind != "pair" or p.moved or p.status not in ("added", "dropped"):
            return None
        return headings[k]

    for at in range(len(rows) + 1):
        here = key(at) if at < len(rows) else None
        if start is not None and (here is None or here != key(start)):
            if at - start >= RUN:
                out[start] = at - 1
            start = None
        if here is not None and start is None:
            start = at
    return out


def _run_box(c: Comparison, statuses: list[str]):
    """The container of a run of rows: with "changes only", a line that says what the run holds, its
    clauses one line each, and a switch that shows them in full."""
    counts = Counter(statuses)
    what = ", ".join(f"{counts[s]} {status_word(c, s)}" for s in ("added", "dropped") if counts[s])
    head = _e("div", {"class": "sd-run-head"},
              _e("span", {"class": "sd-run-n"}, f"{len(statuses)} clauses in a row: {what}"),
              _e("label", {"class": "sd-toggle"}, _e("input", {"type": "checkbox", "class": "sd-run-open"}),
                 _e("span", {}, "Show in full")))
    return _e("div", {"class": "sd-run"}, head)


def comparison_element(c: Comparison, *, clauses_tag: str = "section"):
    """The report as an lxml element (a ``<div class="statediff">``), for embedding in a page."""
    rows = _rows(c.pairs)
    ghost_at = {k: pos for pos, (kind, _, k) in enumerate(rows) if kind == "ghost"}
    pair_at = {k: pos for pos, (kind, _, k) in enumerate(rows) if kind == "pair"}
    group = "sd-view-" + hashlib.sha256(
        "\0".join((c.left.name, c.left.source, c.right.name, c.right.source)).encode("utf-8", "surrogatepass")
    ).hexdigest()[:10]

    clauses = _e(clauses_tag, {"class": "sd-clauses", "id": "sd-clauses", "aria-labelledby": "sd-clauses-h"},
                 _e("h2", {"id": "sd-clauses-h", "class": "sd-vh"}, "Clauses"))
    headings = headings_of_pairs(c)
    renamed = former_titles(c)
    current = ""
    strip: list[tuple[str, Pair, str]] = []
    runs = _runs(rows, headings)
    section_of = _section_of_pairs(c)
    box, box_until = None, -1
    for at, (kind, p, k) in enumerate(rows):
        if kind == "ghost":
            clauses.append(_ghost_row(c, p, pair_below=pair_at[k] > ghost_at[k]))
            continue
        section = headings[k]
        if section and section != current:
            heading = _e("h3", {"class": "sd-section"}, section)
            was = renamed.get(section)
            if was:
                heading.append(_e("span", {"class": "sd-section-was"}, f" (was \u201c{was}\u201d)"))
            clauses.append(heading)
        current = section
        if at in runs:
            box_until = runs[at]
            box = _run_box(c, [q.status for _, q, _ in rows[at:box_until + 1]])
            clauses.append(box)
        row = _pair_row(c, p, ghost_above=(ghost_at[k] < pair_at[k]) if k in ghost_at else None,
                        section=section_of[k])
        (box if box is not None and at <= box_until else clauses).append(row)
        target = _anchor_id("right", p.right[0]) if p.right else _anchor_id("left", p.left[0]) if p.left else ""
        strip.append((_pair_kind(p), p, target))
    if not rows:
        clauses.append(_e("p", {"class": "sd-absent-note"}, "Neither document has any clauses."))

    # Dated statements are best told apart by their dates; the cards below give the titles.
    dated = bool(c.left.date and c.right.date and c.left.date != c.right.date)
    if c.mode == "accounts":  # one meeting, two tellings: named by their sources, side by side
        title = _e("h1", {"class": "sd-title"}, _doc_label(c.left),
                   _e("span", {"class": "sd-arrow"}, " and "), _doc_label(c.right),
                   _e("span", {"class": "sd-vh"}, ": two accounts of one meeting"))
    else:
        title = _e("h1", {"class": "sd-title"},
                   _nice_date(c.left.date) if dated else _doc_label(c.left),
                   _e("span", {"class": "sd-arrow", "aria-hidden": "true"}, "\u2192"),
                   _e("span", {"class": "sd-vh"}, " compared with "),
                   _nice_date(c.right.date) if dated else _doc_label(c.right))
    header = _e("header", {"class": "sd-header"},
                _e("p", {"class": "sd-eyebrow"}, _e("span", {"class": "sd-logo", "aria-hidden": "true"}, "sd"),
                   "statediff \u00b7 " + ("two accounts of one meeting" if c.mode == "accounts"
                                          else "clause-by-clause comparison")),
                title,
                _e("div", {"class": "sd-docs"}, _doc_card("left", side_word(c, "left"), c.left),
                   _doc_card("right", side_word(c, "right"), c.right)))
    digest = _digest(c)
    if digest is not None:
        header.append(digest)
    header.append(_summary(c, strip))
    return _e("div", {"class": "statediff"}, header, _controls(c, group), clauses)


def render_html(result: Any, *, fragment: bool = False, **_: Any) -> str:
    """A full HTML page (or, with ``fragment=True``, the report ``<div>`` with its style and no script)."""
    if not isinstance(result, Comparison):
        to_el = getattr(result, "to_html_element", None)
        if to_el is None:
            raise TypeError(f"cannot render a {type(result).__name__} as HTML")
        body_el = to_el()
        title = getattr(result, "title", "statediff")
        skip = None
    else:
        body_el = comparison_element(result, clauses_tag="section" if fragment else "main")
        title = f"statediff: {_doc_label(result.left)} \u2192 {_doc_label(result.right)}"
        skip = "sd-clauses"
    if fragment:
        return render_fragment(body_el, style="report.css")
    return render_page(body_el, title, styles=STYLES, script=SCRIPT_FILE, skip_to=skip)
