"""Self-contained HTML report, built with lxml so that input text can never become markup.

Every piece of document text goes into the tree as a text node or an attribute value; lxml escapes
it on serialization, so a statement that contains ``<script>`` shows those characters and runs
nothing. The page carries its own CSS (``statediff/data/report.css``, and ``report-page.css`` for the
page around it) and one small script (``report.js``, keyboard navigation), and a
Content-Security-Policy that allows exactly that script (by its SHA-256 hash) and loads nothing from
anywhere; the page shell is :mod:`statediff.renderers.page`, shared with the series timeline.

The view switch (side by side / inline) and the "changes only" filter are form controls styled by
CSS (``:has()``), so they also work in the fragment shown by Jupyter, where the script is left out.
"""

from __future__ import annotations

import hashlib
from typing import Any

from ..model import Comparison, Pair
from ..sections import display_order, heading_notes
from .page import asset, content_security_policy, render_fragment, render_page
from .report_header import header, view_controls
from .report_rows import find_runs, ghost_row, pair_row, row_order, run_box
from .report_sections import Outline, outline
from .tree import element as _e
from .words import doc_label, pair_anchor, pair_kind

__all__ = ["render_html", "comparison_element", "content_security_policy"]

# The report is built by report_header, report_sections and report_rows; the page's policy stays
# importable from here.

# The page adds rules of its own (report-page.css) that would restyle a notebook if they were in the
# fragment.
STYLES = ("report.css", "report-page.css")
SCRIPT_FILE = "report.js"


def report_script() -> str:
    """The report's script, exactly as it is placed in the page."""
    return asset(SCRIPT_FILE)


def comparison_element(c: Comparison, *, clauses_tag: str = "section"):
    """The report as an lxml element (a ``<div class="statediff">``), for embedding in a page."""
    group = "sd-view-" + hashlib.sha256(
        "\0".join((c.left.name, c.left.source, c.right.name, c.right.source)).encode("utf-8", "surrogatepass")
    ).hexdigest()[:10]
    plan = outline(c)
    clauses, strip = _clauses(c, clauses_tag, plan)
    report = _e("div", {"class": "statediff"}, header(c, strip, list(c.summary.shown_labels), plan),
                view_controls(c, group), clauses)
    _unlink_absent(report)
    return report


def _unlink_absent(report) -> None:
    """A link to a clause the report does not show (``--only`` keeps some pairs, the digest and the
    suggestions name any clause) becomes plain text that says so, never a link that leads nowhere."""
    ids = set(report.xpath(".//@id"))
    for a in report.xpath(".//a[starts-with(@href, '#')]"):
        if a.get("href")[1:] not in ids:
            a.tag = "span"
            del a.attrib["href"]
            a.set("class", " ".join(filter(None, (a.get("class"), "sd-unlinked"))))
            a.set("title", "not shown in this report")


def _clauses(c: Comparison, tag: str, plan: Outline) -> tuple[Any, list[tuple[str, Pair, str]]]:
    """The clauses' element: the rows in display order under their section headings, each long run of
    added or dropped rows in its box; and the overview strip's entries (kind, pair, anchor id), one
    per pair in the same order."""
    rows = row_order(c.pairs, display_order(c, plan.headings))
    ghost_at = {k: pos for pos, (kind, _, k) in enumerate(rows) if kind == "ghost"}
    pair_at = {k: pos for pos, (kind, _, k) in enumerate(rows) if kind == "pair"}
    clauses = _e(tag, {"class": "sd-clauses", "id": "sd-clauses", "aria-labelledby": "sd-clauses-h"},
                 _e("h2", {"id": "sd-clauses-h", "class": "sd-vh"}, "Clauses"))
    headings = plan.headings
    notes = heading_notes(c)
    current = ""
    strip: list[tuple[str, Pair, str]] = []
    runs = find_runs(rows, headings)
    box, box_until = None, -1
    for at, (kind, p, k) in enumerate(rows):
        if kind == "ghost":
            clauses.append(ghost_row(c, p, pair_below=pair_at[k] > ghost_at[k]))
            continue
        section = headings[k]
        if section and section != current:
            clauses.append(_section_heading(section, notes.get(section)))
        current = section
        if at in runs:
            box_until = runs[at]
            box = run_box(c, [q.status for _, q, _ in rows[at:box_until + 1]])
            clauses.append(box)
        row = pair_row(c, p, ghost_above=(ghost_at[k] < pair_at[k]) if k in ghost_at else None,
                       section=plan.entry[k])
        (box if box is not None and at <= box_until else clauses).append(row)
        strip.append((pair_kind(p), p, pair_anchor(p)))
    if not rows:
        clauses.append(_e("p", {"class": "sd-absent-note"}, "Neither document has any clauses."))
    return clauses, strip


def _section_heading(section: str, note: str | None):
    heading = _e("h3", {"class": "sd-section"}, section)
    if note:
        heading.append(_e("span", {"class": "sd-section-was"}, f" ({note})"))
    return heading


def render_html(result: Comparison, *, fragment: bool = False) -> str:
    """A full HTML page (or, with ``fragment=True``, the report ``<div>`` with its style and no script)."""
    body_el = comparison_element(result, clauses_tag="section" if fragment else "main")
    if fragment:
        return render_fragment(body_el, style="report.css")
    title = f"statediff: {doc_label(result.left)} \u2192 {doc_label(result.right)}"
    return render_page(body_el, title, styles=STYLES, script=SCRIPT_FILE, skip_to="sd-clauses")

