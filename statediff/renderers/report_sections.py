"""The report's outline: how the later document's sections pair with the earlier one's, each with
a tally of its clauses' changes, and a bar chart of the changes per section.

A later document without headings is outlined by the groups its report is read in
(:func:`statediff.sections.group_titles`: its numbered items or paragraphs), with the same tallies,
chart, links and filters; so are two accounts of one meeting, topic by topic (the headings their
report is read under: each account's headings are its own, and do not continue the other's).
:func:`outline` decides it once per report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Comparison, SectionPair
from ..sections import group_kind, headings_of_pairs
from .tree import add as _add
from .tree import element as _e
from .words import anchor_id, pair_anchor, status_word

__all__ = ["LABELS_SHOWN", "Outline", "outline", "section_list"]


_SECTION_WORD = {"renamed": "Renamed", "added": "New section", "dropped": "Section dropped", "unchanged": "Same"}


#: The labels a section's entry counts besides the statuses: the stance shifts.
LABELS_SHOWN = ("strengthened", "softened", "widened", "narrowed", "negation-flip", "modality-change")


@dataclass(frozen=True, slots=True)
class Outline:
    """How a report is outlined. ``kind``: "section" (the entries are ``c.sections``), else what the
    later document's groups are ("paragraph", "numbered item", "group"; "topic" for the headings two
    accounts are read under), with their ``titles`` in
    reading order. Per pair: the ``heading`` it is reported under and the index of its entry
    (``entry``; None for none)."""

    kind: str
    headings: list[str]
    entry: list[int | None]
    titles: list[str]


def outline(c: Comparison) -> Outline:
    """The outline of comparison ``c``."""
    headings = headings_of_pairs(c)
    kind = group_kind(c.right.clauses)
    if kind == "section" and c.sections and c.mode == "revision":
        return Outline(kind, headings, _section_index(c), [])
    titles: list[str] = []
    index: dict[str, int] = {}
    entry: list[int | None] = []
    # between two accounts, what stands before the first heading is a topic too (the opening of a news
    # report, before the readout's first heading)
    untitled = "(no heading)" if c.mode == "accounts" and any(headings) else ""
    for title in headings:
        title = title or untitled
        if title and title not in index:
            index[title] = len(titles)
            titles.append(title)
        entry.append(index.get(title) if title else None)
    named = kind if kind not in ("", "section") else "topic" if c.mode == "accounts" else "group"
    return Outline(named, headings, entry, titles)


def _section_index(c: Comparison) -> list[int | None]:
    """For each pair, the index in ``c.sections`` of its clause's section in the later document, or
    for a dropped clause the section it stood in."""
    right_of: dict[int, int] = {}
    left_of: dict[int, int] = {}
    for k, sp in enumerate(c.sections):
        for sec in sp.right:
            right_of.update(dict.fromkeys(sec.clauses, k))
        for sec in sp.left:
            left_of.update(dict.fromkeys(sec.clauses, k))
    return [right_of.get(p.right_index[0]) if p.right_index else left_of.get(p.left_index[0]) if p.left_index
            else None for p in c.pairs]


def _tallies(c: Comparison, o: Outline) -> dict[int, Counter]:
    """Per outline entry: how many of its pairs are changed, added, dropped and moved, and how many
    carry each stance shift."""
    out: dict[int, Counter] = {}
    for p, k in zip(c.pairs, o.entry):
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


def _section_rows(c: Comparison, tallies: dict[int, Counter]) -> list[tuple[str, list[int], str]]:
    """The chart's rows for the section pairs: (title, changed/added/dropped counts, anchor id)."""
    rows = []
    for index, sp in enumerate(c.sections):
        counts = _counts(tallies, index)
        if not any(counts):
            continue
        side, doc, secs = ("right", c.right, sp.right) if sp.right else ("left", c.left, sp.left)
        title = " + ".join(s.title or "(no heading)" for s in secs)
        rows.append((title, counts, anchor_id(side, doc.clauses[secs[0].clauses[0]].number)))
    return rows


def _chart(c: Comparison, rows: list[tuple[str, list[int], str]], per: str = "section"):
    """Changes per section, as an inline SVG bar chart (built with lxml like the rest of the page):
    one row per section of the later document (and per dropped one), in reading order, a bar for
    its changed, added and dropped clauses (between two accounts: said differently, only in B, only
    in A); each row links to the section. ``per`` names what a row stands for ("section",
    "paragraph", "numbered item", "group", "topic"). None for fewer than two rows."""
    if len(rows) < 2:
        return None
    names = [status_word(c, key) for key in _CHART_KEYS]
    what = "Differences" if c.mode == "accounts" else "Changes"
    row_h, label_w, bar_w = 20, 300, 280
    most = max(sum(counts) for _, counts, _ in rows)
    height = row_h * len(rows)
    described = "; ".join(f"{t}: " + ", ".join(f"{n} {k}" for n, k in zip(counts, names) if n)
                          for t, counts, _ in rows)
    svg = _e("svg", {"class": "sd-chart", "viewBox": f"0 0 {label_w + bar_w + 40} {height}", "role": "img",
                     "aria-label": f"{what} per {per}: " + described, "width": "100%",
                     "preserveAspectRatio": "xMinYMin meet"})
    for k, (title, counts, target) in enumerate(rows):
        y = k * row_h
        link = _e("a", {"href": "#" + target})
        link.append(_e("title", {}, f"{title}: " + ", ".join(f"{n} {key}" for n, key in zip(counts, names) if n)))
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
                *[_e("span", {"class": f"sd-key sd-key-{key}"}, name) for key, name in zip(_CHART_KEYS, names)])
    return _e("figure", {"class": "sd-chart-box"}, _e("figcaption", {}, f"{what} per {per}"), svg, legend)


def section_list(c: Comparison, o: Outline):
    """The outline: one entry per section of the later document (and per dropped one), with how it
    relates to the earlier document's sections, or one entry per group of a later document without
    headings; each links to its first clause, counts its changes and filters the report to it."""
    tallies = _tallies(c, o)
    if o.kind != "section":
        return _group_list(c, o, tallies)
    counts = c.summary.get("sections", {})
    words = [f"{counts[k]} {k}" for k in ("renamed", "added", "dropped", "moved", "unchanged") if counts.get(k)]
    items = [_section_entry(c, index, sp, tallies.get(index)) for index, sp in enumerate(c.sections)]
    return _details("Sections: " + ", ".join(words), _chart(c, _section_rows(c, tallies)), items)


def _group_list(c: Comparison, o: Outline, tallies: dict[int, Counter]):
    """The outline of a later document without headings: its groups."""
    if len(o.titles) < 2:
        return None
    first: dict[int, str] = {}
    for p, k in zip(c.pairs, o.entry):
        if k is not None:
            first.setdefault(k, pair_anchor(p))
    rows = [(title, _counts(tallies, k), first[k]) for k, title in enumerate(o.titles)]
    items = []
    for k, title in enumerate(o.titles):
        li = _e("li", {"class": "sd-sec sd-sec-group"}, _e("a", {"href": "#" + first[k]}, title))
        _tally(c, li, tallies.get(k))
        _only_button(li, k, title, o.kind)
        items.append(li)
    return _details(f"Outline: {len(o.titles)} {o.kind}s", _chart(c, [r for r in rows if any(r[1])], per=o.kind),
                    items)


def _details(summary: str, chart, items: list):
    """The outline's disclosure: its summary line, the chart (if any) and the entries."""
    return _e("details", {"class": "sd-sections"}, _e("summary", {}, summary), *([chart] if chart is not None else []),
              _e("ol", {}, items))


def _counts(tallies: dict[int, Counter], k: int) -> list[int]:
    """Entry ``k``'s changed, added and dropped clauses, as the chart shows them."""
    return [tallies[k][key] if k in tallies else 0 for key in _CHART_KEYS]


def _tally(c: Comparison, li, tally: Counter | None) -> None:
    if tally:
        li.append(_e("span", {"class": "sd-sec-n"}, " \u00b7 " + ", ".join(
            f"{tally[key]} {status_word(c, key)}" for key in ("changed", "added", "dropped", "moved", *LABELS_SHOWN)
            if tally.get(key))))


def _only_button(li, index: int, name: str, kind: str = "section") -> None:
    # A filter like the label chips (report.js): pressed, the report shows only this entry's rows.
    li.append(_e("button", {"type": "button", "class": "sd-sec-only", "data-filter-section": str(index),
                            "aria-pressed": "false", "hidden": "hidden", "data-needs-script": "",
                            "title": f"Show only the {kind} \u201c{name}\u201d"}, "only this"))


def _section_entry(c: Comparison, index: int, sp: SectionPair, tally: Counter | None):
    """The outline's entry for the section pair ``sp`` (``c.sections[index]``): what became of it, a
    link to each of its sections, the former titles, its tally, and its filter button."""
    side, doc, secs = ("right", c.right, sp.right) if sp.right else ("left", c.left, sp.left)
    li = _e("li", {"class": f"sd-sec sd-sec-{sp.status}", "data-status": sp.status},
            _e("span", {"class": "sd-sec-k"}, _SECTION_WORD[sp.status]), " ")
    for k, sec in enumerate(secs):
        _add(li, " + " if k else "")
        li.append(_e("a", {"href": "#" + anchor_id(side, doc.clauses[sec.clauses[0]].number)},
                     sec.title or "(no heading)"))
    if sp.right and sp.left and (sp.status != "unchanged" or len(sp.left) > 1 or len(sp.right) > 1):
        li.append(_e("span", {"class": "sd-sec-was"}, " \u2190 " + " + ".join(s.title or "(no heading)" for s in sp.left)))
    if sp.moved:
        li.append(_e("span", {"class": "sd-sec-moved"}, " \u2195 moved"))
    _tally(c, li, tally)
    _only_button(li, index, " + ".join(sec.title or "(no heading)" for sec in secs))
    return li
