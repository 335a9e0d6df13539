"""pandas DataFrames of results, for analysts who continue in notebooks.

pandas is not a dependency of statediff: it is imported here, on first use, and a missing pandas gives
one clear :class:`ImportError`.
"""

from __future__ import annotations

from typing import Any

from ..model import Comparison, Series

__all__ = ["comparison_frame", "series_frame"]

_SERIES_COLUMNS = ["lineage", "document", "date", "position", "status", "number", "text", "previous_text",
                   "score", "moved", "labels", "first_seen", "dropped", "split_from", "into"]
_COMPARISON_COLUMNS = ["status", "left", "right", "score", "moved", "left_text", "right_text", "labels"]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError("to_dataframe() needs pandas, which statediff does not install: "
                          "pip install pandas") from None
    return pandas


def series_frame(series: Series) -> Any:
    """One row per lineage and document where it appears, changes, leaves or comes back.

    ``position`` is the document's index in the series (0-based); ``previous_text`` is the wording the
    row's edits start from; ``labels`` is a tuple. Rows are in lineage order, then document order.
    """
    pd = _pandas()
    docs = series.documents
    rows = []
    for lin in series.lineages:
        dropped = lin.dropped
        for r in lin.history:
            rows.append({
                "lineage": lin.id, "document": docs[r.document].name, "date": docs[r.document].date,
                "position": r.document, "status": r.status, "number": ", ".join(r.numbers), "text": r.text,
                "previous_text": "".join(e.left for e in r.edits), "score": r.score, "moved": r.moved,
                "labels": r.labels, "first_seen": docs[lin.first_seen].name,
                "dropped": None if dropped is None else docs[dropped].name,
                "split_from": lin.split_from or None, "into": r.into or None})
    return pd.DataFrame(rows, columns=_SERIES_COLUMNS)


def comparison_frame(comparison: Comparison) -> Any:
    """One row per pair, in the comparison's order; ``left``/``right`` join the clause numbers."""
    pd = _pandas()
    rows = [{"status": p.status, "left": ", ".join(p.left), "right": ", ".join(p.right), "score": p.score,
             "moved": p.moved, "left_text": p.left_text, "right_text": p.right_text, "labels": p.labels}
            for p in comparison.pairs]
    return pd.DataFrame(rows, columns=_COMPARISON_COLUMNS)
