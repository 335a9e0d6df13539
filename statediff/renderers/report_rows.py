"""The report's clause rows: one ``<article>`` per aligned group, with both versions side by side and
inline (``<del>``/``<ins>`` marks), a placeholder where a moved clause stood, and the boxes that
compact long runs of added or dropped clauses."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..model import Comparison, Document, Edit, Pair
from .tree import add as _add
from .tree import element as _e
from .words import anchor_id, capital, numbers_text, short_date, side_word, status_word, suggestion_word

__all__ = ["LONG_DELETION", "RUN", "find_runs", "ghost_row", "pair_row", "row_order", "run_box"]


_STATUS_SIGN = {"changed": "~", "added": "+", "dropped": "\u2212", "unchanged": "="}


#: Words from which a deletion inside a changed clause is a long struck passage (class ``sd-long``).
LONG_DELETION = 12
#: Consecutive clauses added or dropped under one heading that "changes only" compacts into a list
#: of their first lines, expandable.
RUN = 4


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
        out.append(_e("a", {"href": "#" + anchor_id(side, n)}, n))
    return out


def _absent(c: Comparison, side: str, p: Pair | None = None):
    d, other = (c.left, c.right) if side == "left" else (c.right, c.left)
    # The date names the document only when it tells the two apart.
    if c.mode == "accounts":
        note = f"Not in {side_word(c, side)}"
    elif d.date and d.date != other.date:
        note = f"Not in {short_date(d.date)}"
    else:
        note = "Not in the earlier document" if side == "left" else "Not in the later document"
    cell = _e("div", {"class": "sd-cell sd-absent"}, _e("span", {"class": "sd-absent-note"}, note))
    if p is not None and p.suggestions:
        cell.append(_suggestions(c, d, side, p))
    return cell


def _suggestions(c: Comparison, d: Document, side: str, p: Pair):
    """The clauses of document ``d`` (on ``side``) that may continue the pair's clause: a tentative
    disclosure whose summary links to each candidate, and which, opened, shows their texts beside
    the pair's own (the report's script copies them from the clauses, so the page does not carry
    every text again)."""
    head = capital(suggestion_word(c, p.status))
    summary = _e("summary", {}, head, " ")
    for k, s in enumerate(p.suggestions):
        _add(summary, ", " if k else "")
        summary.append(_e("a", {"href": "#" + anchor_id(side, s.number)}, s.number))
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


def pair_row(c: Comparison, p: Pair, ghost_above: bool | None, section: int | None = None):
    """One aligned group. ``ghost_above`` tells where the placeholder of a moved pair stands (None: the
    pair has no placeholder)."""
    left = _cell("left", p.left, _text(p, "left")) if p.left else _absent(c, "left", p)
    right = _cell("right", p.right, _text(p, "right")) if p.right else _absent(c, "right", p)
    return _e("article", _pair_attrib(c, p, section), _pair_meta(c, p, ghost_above), left, right,
              _inline(p, _text(p, "inline")))


def _pair_meta(c: Comparison, p: Pair, ghost_above: bool | None):
    """The row's line above the texts: the clauses' anchors, the status (and "moved") badges, where a
    moved clause was, how similar the versions are, and the labels."""
    meta = _e("div", {"class": "sd-meta"})
    # A moved clause's left anchor marks its old position, on the placeholder row.
    anchored_left = () if ghost_above is not None else p.left
    for n in anchored_left:
        meta.append(_e("span", {"class": "sd-anchor", "id": anchor_id("left", n)}))
    for n in p.right:
        meta.append(_e("span", {"class": "sd-anchor", "id": anchor_id("right", n)}))
    meta.append(_badge(p.status, capital(status_word(c, p.status)), _STATUS_SIGN.get(p.status, "\u2022")))
    if p.moved:
        meta.append(_badge("moved", "Moved", "\u2195"))
    if p.moved and ghost_above is not None:
        arrow = "\u2191" if ghost_above else "\u2193"
        meta.append(_e("a", {"class": "sd-moved-link", "href": "#" + anchor_id("left", p.left[0])},
                       f"{arrow} was {', '.join(p.left)}"))
    if p.left and p.right and p.status == "changed":
        meta.append(_e("span", {"class": "sd-score", "title": "word similarity of the two versions"},
                       f"{round(p.score * 100)}% similar"))
    if p.labels:
        meta.append(_e("ul", {"class": "sd-pair-labels", "aria-label": "Labels"},
                       [_e("li", {"class": "sd-label", "data-label": label}, label) for label in p.labels]))
    return meta


def _pair_attrib(c: Comparison, p: Pair, section: int | None) -> dict[str, str]:
    """The row's attributes, which the stylesheet and the script select on (status, change, labels,
    section)."""
    classes = f"sd-pair sd-pair-{p.status}" + (" sd-moved" if p.moved else "")
    attrib = {"class": classes, "data-status": p.status, "tabindex": "-1",
              "aria-label": f"Clause {numbers_text(p)}: {status_word(c, p.status)}" + (", moved" if p.moved else "")}
    if p.moved:
        attrib["data-moved"] = ""
    if p.status != "unchanged" or p.moved:
        attrib["data-change"] = ""
    if p.labels:
        attrib["data-labels"] = " ".join(p.labels)
    if section is not None:
        attrib["data-section"] = str(section)
    return attrib


def ghost_row(c: Comparison, p: Pair, pair_below: bool):
    """Where a moved clause stood in the left document, linking to where it stands now."""
    meta = _e("div", {"class": "sd-meta"})
    for n in p.left:
        meta.append(_e("span", {"class": "sd-anchor", "id": anchor_id("left", n)}))
    meta.append(_badge("moved", "Moved away", "\u2195"))
    arrow = "\u2193" if pair_below else "\u2191"
    meta.append(_e("a", {"class": "sd-moved-link", "href": "#" + anchor_id("right", p.right[0])},
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


def row_order(pairs: Sequence[Pair], order: Sequence[int] | None = None) -> list[tuple[str, Pair, int]]:
    """Display order: the pairs as given (or in ``order``, their indexes), plus a placeholder where
    each moved group stood on the left.

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
    for j in range(len(pairs)) if order is None else order:
        rows.append(("pair", pairs[j], j))
        for k in sorted(placed_after.get(j, []), key=lambda m: min(pairs[m].left_index)):
            rows.append(("ghost", pairs[k], k))
    return rows


def find_runs(rows: Sequence[tuple[str, Pair, int]], headings: Sequence[str]) -> dict[int, int]:
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


def run_box(c: Comparison, statuses: list[str]):
    """The container of a run of rows: with "changes only", a line that says what the run holds, its
    clauses one line each, and a switch that shows them in full."""
    counts = Counter(statuses)
    what = ", ".join(f"{counts[s]} {status_word(c, s)}" for s in ("added", "dropped") if counts[s])
    head = _e("div", {"class": "sd-run-head"},
              _e("span", {"class": "sd-run-n"}, f"{len(statuses)} clauses in a row: {what}"),
              _e("label", {"class": "sd-toggle"}, _e("input", {"type": "checkbox", "class": "sd-run-open"}),
                 _e("span", {}, "Show in full")))
    return _e("div", {"class": "sd-run"}, head)

