"""The wording in a timeline's cell: the edits since the previous wording marked ``<del>``/``<ins>``,
in full or (the compact layout) as the changes with a few words around them, and a ``--grep``
phrase marked ``<mark>`` wherever the series' filter found it."""

from __future__ import annotations

import re

from ..model import Revision
from .tree import add as _add
from .tree import element as _e

__all__ = ["OPENING", "grep_pattern", "hunks", "opening", "wording"]


OPENING = 14  # words of a new clause shown in the compact layout
_CONTEXT = 4  # words of unchanged wording shown on each side of a change in the compact layout


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


def wording(r: Revision, mark: re.Pattern[str] | None = None):
    """The wording with the edits since the previous wording marked."""
    el = _e("div", {"class": "sd-text"})
    _emit(el, _pieces(r), mark)
    return el


def hunks(r: Revision, mark: re.Pattern[str] | None):
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


def opening(r: Revision, mark: re.Pattern[str] | None):
    """The first words of a new wording, in the compact layout."""
    el = _e("div", {"class": "sd-text"})
    _emit(el, [(r.text[:_end_of_word(r.text, OPENING)], ""), (" \u2026", "gap")], mark)
    return el
