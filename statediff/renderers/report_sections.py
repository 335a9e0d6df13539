"""The report's section outline: how the later document's sections pair with the earlier one's,
each with a tally of its clauses' changes, and a bar chart of the changes per section.

A comparison whose documents have no headed sections is outlined by the groups its report is read in
(:func:`statediff.sections.headings_of_pairs`: the later document's numbered items or paragraphs),
with the same tallies, chart, links and filters."""

from __future__ import annotations

from collections import Counter

from ..model import Comparison, SectionPair
from ..sections import headings_of_pairs
from .tree import add as _add
from .tree import element as _e
from .words import anchor_id

__all__ = ["LABELS_SHOWN", "groups", "headed", "section_list", "section_of_pairs"]


_SECTION_WORD = {"renamed": "Renamed", "added": "New section", "dropped": "Section dropped", "unchanged": "Same"}


#: The labels a section's entry counts besides the statuses: the stance shifts.
LABELS_SHOWN = ("strengthened", "softened", "widened", "narrowed", "negation-flip", "modality-change")


def section_of_pairs(c: Comparison) -> list[int | None]:
    """For each pair, the index of the outline entry it counts under: with headed sections, the index
    in ``c.sections`` of its clause's section in the later document, or for a dropped clause the
    section it stood in; where the documents have no headed sections, the index of its group
    (:func:`groups`)."""
    if not headed(c):
        return groups(c)[1]
    right_of: dict[int, int] = {}
    left_of: dict[int, int] = {}
    for k, sp in enumerate(c.sections):
        for sec in sp.right:
            right_of.update(dict.fromkeys(sec.clauses, k))
        for sec in sp.left:
            left_of.update(dict.fromkeys(sec.clauses, k))
    return [right_of.get(p.right_index[0]) if p.right_index else left_of.get(p.left_index[0]) if p.left_index
            else None for p in c.pairs]


def headed(c: Comparison) -> bool:
    """Whether the comparison's documents have headed sections (else it is outlined by groups)."""
    return any(s.title for sp in c.sections for s in (*sp.left, *sp.right))


def groups(c: Comparison) -> tuple[list[str], list[int | None]]:
    """The groups the report of a comparison without headed sections is read in: their titles in
    reading order ("¶ 3: In light of Russia's…", "2: The two Ministers…"), and for each pair the
    index of its group (None where the document forms a single group)."""
    titles: list[str] = []
    index: dict[str, int] = {}
    of_pairs: list[int | None] = []
    for title in headings_of_pairs(c):
        if title and title not in index:
            index[title] = len(titles)
            titles.append(title)
        of_pairs.append(index.get(title) if title else None)
    return titles, of_pairs


def _section_tallies(c: Comparison) -> dict[int, Counter]:
    """Per section pair (its index in ``c.sections``): how many of its pairs are changed, added,
    dropped and moved, and how many carry each stance shift."""
    out: dict[int, Counter] = {}
    for p, k in zip(c.pairs, section_of_pairs(c)):
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
        counts = [tallies[index][key] if index in tallies else 0 for key in _CHART_KEYS]
        if not any(counts):
            continue
        side, doc, secs = ("right", c.right, sp.right) if sp.right else ("left", c.left, sp.left)
        title = " + ".join(s.title or "(no heading)" for s in secs)
        rows.append((title, counts, anchor_id(side, doc.clauses[secs[0].clauses[0]].number)))
    return rows


def _chart(rows: list[tuple[str, list[int], str]], per: str = "section"):
    """Changes per section, as an inline SVG bar chart (built with lxml like the rest of the page):
    one row per section of the later document (and per dropped one), in reading order, a bar for
    its changed, added and dropped clauses; each row links to the section. ``per`` names what a row
    stands for ("section", "paragraph", "numbered item", "group"). None for fewer than two rows."""
    if len(rows) < 2:
        return None
    row_h, label_w, bar_w = 20, 300, 280
    most = max(sum(counts) for _, counts, _ in rows)
    height = row_h * len(rows)
    described = "; ".join(f"{t}: " + ", ".join(f"{n} {k}" for n, k in zip(counts, _CHART_KEYS) if n)
                          for t, counts, _ in rows)
    svg = _e("svg", {"class": "sd-chart", "viewBox": f"0 0 {label_w + bar_w + 40} {height}", "role": "img",
                     "aria-label": f"Changes per {per}: " + described, "width": "100%",
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
    return _e("figure", {"class": "sd-chart-box"}, _e("figcaption", {}, f"Changes per {per}"), svg, legend)


def section_list(c: Comparison):
    """The outline: one entry per section of the later document (and per dropped one), with how it
    relates to the earlier document's sections, or, without headed sections, one entry per group;
    each links to its first clause, counts its changes and filters the report to it."""
    if not headed(c):
        return _group_list(c)
    counts = c.summary.get("sections", {})
    words = [f"{counts[k]} {k}" for k in ("renamed", "added", "dropped", "moved", "unchanged") if counts.get(k)]
    tallies = _section_tallies(c)
    items = [_section_entry(c, index, sp, tallies.get(index)) for index, sp in enumerate(c.sections)]
    chart = _chart(_section_rows(c, tallies))
    return _e("details", {"class": "sd-sections"},
              _e("summary", {}, "Sections: " + ", ".join(words)), *([chart] if chart is not None else []),
              _e("ol", {}, items))


def _group_list(c: Comparison):
    """The outline of a comparison whose documents have no headed sections: its groups."""
    titles, of_pairs = groups(c)
    if len(titles) < 2:
        return None
    tallies = _section_tallies(c)
    first: dict[int, str] = {}
    for p, k in zip(c.pairs, of_pairs):
        if k is not None and k not in first:
            first[k] = anchor_id("right", p.right[0]) if p.right else anchor_id("left", p.left[0])
    rows = [(title, [tallies[k][key] if k in tallies else 0 for key in _CHART_KEYS], first[k])
            for k, title in enumerate(titles)]
    kind = ("paragraph" if all(t.startswith("\u00b6") for t in titles)
            else "numbered item" if not any(t.startswith("\u00b6") for t in titles) else "group")
    chart = _chart([row for row in rows if any(row[1])], per=kind)
    items = [_group_entry(k, title, first[k], tallies.get(k)) for k, title in enumerate(titles)]
    return _e("details", {"class": "sd-sections"}, _e("summary", {}, f"Outline: {len(titles)} {kind}s"),
              *([chart] if chart is not None else []), _e("ol", {}, items))


def _group_entry(index: int, title: str, target: str, tally: Counter | None):
    """The outline's entry for group ``index``: a link to its first clause, its tally, its filter."""
    li = _e("li", {"class": "sd-sec sd-sec-group"}, _e("a", {"href": "#" + target}, title))
    _tally(li, tally)
    _only_button(li, index, title)
    return li


def _tally(li, tally: Counter | None) -> None:
    if tally:
        li.append(_e("span", {"class": "sd-sec-n"}, " \u00b7 " + ", ".join(
            f"{tally[key]} {key}" for key in ("changed", "added", "dropped", "moved", *LABELS_SHOWN) if tally.get(key))))


def _only_button(li, index: int, name: str) -> None:
    # A filter like the label chips (report.js): pressed, the report shows only this section.
    li.append(_e("button", {"type": "button", "class": "sd-sec-only", "data-filter-section": str(index),
                            "aria-pressed": "false", "hidden": "hidden", "data-needs-script": "",
                            "title": f"Show only the section \u201c{name}\u201d"}, "only this"))


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
    _tally(li, tally)
    _only_button(li, index, " + ".join(sec.title or "(no heading)" for sec in secs))
    return li
