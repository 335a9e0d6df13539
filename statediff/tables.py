"""Tables in running text: which lines are the rows of a table, so that each row is one clause.

Three shapes are recognised, each needing at least two rows in a run of consecutive lines (a blank
line or any other line ends the run):

* Markdown pipe tables: ``| Japan | 2% of GDP | 2027 |`` (the ``|---|---|`` rule under the header
  is set aside as furniture by the normalizer; the pipes stay in the row's text, which is the
  source's);
* tab-separated cells, as the HTML reader writes ``<td>`` and ``<th>`` cells;
* aligned plain-text columns: cells separated by two or more spaces, with at least three rows, the
  same number of cells in every row and every cell starting in the same column (give or take one),
  so that two spaces after a full stop in running text are never taken for a column, and not every
  gap between two words of a sentence (doubled spaces in prose that happen to line up).

A row's clause text is the line as printed with white space collapsed, like every clause's, so the
word diff shows which cell changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .normalizer import Line

__all__ = ["table_rows"]

_GAP = re.compile(r"\t+| {2,}")


def _pipe_row(text: str) -> bool:
    return text.startswith("|") and text.count("|") >= 2


def _tab_cells(text: str) -> int:
    return len([c for c in text.split("\t") if c.strip()]) if "\t" in text else 0


def _column_starts(line: Line) -> list[int]:
    """Where each cell of a space-aligned row starts, in columns from the left margin."""
    starts = [line.indent]
    for m in _GAP.finditer(line.text):
        starts.append(line.indent + m.end())
    return starts


# A gap inside a sentence: a word, or a comma, before it and a lower-case word after it.
_PROSE_GAP = re.compile(r"[a-z,;] {2,}[a-z]")


def _aligned(run: list[Line]) -> bool:
    starts = [_column_starts(line) for line in run]
    if len(starts[0]) < 2 or any(len(s) != len(starts[0]) for s in starts):
        return False
    if all(len(_PROSE_GAP.findall(line.text)) == len(_GAP.findall(line.text)) for line in run):
        return False  # doubled spaces in running text that happen to line up, not columns
    return all(max(col) - min(col) <= 1 for col in zip(*starts))


def _has_gap(text: str) -> bool:
    """Whether :data:`_GAP` finds a gap in ``text`` (two substring tests: a regex tries every place).

    >>> _has_gap("a  b"), _has_gap("a\tb"), _has_gap("a b")
    (True, True, False)
    """
    return "\t" in text or "  " in text


def table_rows(lines: Sequence[Line | None]) -> set[int]:
    """Indexes of the lines that are table rows (``None`` entries are blank lines)."""
    rows: set[int] = set()
    k = 0
    n = len(lines)
    while k < n:
        line = lines[k]
        if line is None:
            k += 1
            continue
        for test, least in ((lambda ln: _pipe_row(ln.text), 2), (lambda ln: _tab_cells(ln.text) >= 2, 2)):
            end = k
            while end < n and lines[end] is not None and test(lines[end]):
                end += 1
            if end - k >= least:
                rows.update(range(k, end))
                k = end
                break
        else:
            end = k
            while end < n and (gap := lines[end]) is not None and _has_gap(gap.text):
                end += 1
            run = [ln for ln in lines[k:end] if ln is not None]
            if end - k >= 3 and _aligned(run):
                rows.update(range(k, end))
                k = end
            else:
                k += 1
    return rows
