"""The timeline's chart: commitments changed, added and dropped at each meeting of a series."""

from __future__ import annotations

from ..model import Series
from .tree import element as _e
from .words import doc_short

__all__ = ["meeting_counts", "timeline_chart"]


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


def timeline_chart(series: Series):
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
    names = [doc_short(d, k) for k, d in enumerate(docs)][1:]
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
