"""Text and JSON for a :class:`~statediff.model.Series` (schema ``statediff.series/1``, docs/series.md).

The text report lists the documents with a short key ("[2]"), then each lineage's history: one line
per document where it appears or leaves, and the wording in git's word-diff notation where it is new
or changed.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Document, Lineage, Revision, Series
from .text import BOLD, DIM, RESET, visible, word_diff

__all__ = ["render_text", "render_json", "series_dict", "lineage_dict", "summarize_series", "SERIES_SCHEMA"]

SERIES_SCHEMA = "statediff.series/1"

_SIGN = {"added": "+", "changed": "~", "unchanged": "=", "dropped": "-", "revived": "^", "merged": ">"}
_EVENTS = ("changed", "added", "dropped", "revived", "merged")


def summarize_series(series: Series) -> dict[str, int]:
    """Counts: documents, lineages, and lineages with each kind of event after the first document."""
    counts = {"documents": len(series.documents), "lineages": len(series.lineages)}
    for event in _EVENTS:
        counts[event] = sum(1 for lin in series.lineages
                            if any(r.status == event and r.document > 0 for r in lin.history))
    counts["unchanged"] = sum(1 for lin in series.lineages if not lin.changed)
    return counts


# --- JSON --------------------------------------------------------------------------------------


def _document_dict(d: Document) -> dict[str, Any]:
    return {"name": d.name, "date": d.date, "title": d.title, "part": d.part, "clauses": len(d.clauses)}


def _revision_dict(r: Revision, docs: tuple[Document, ...]) -> dict[str, Any]:
    out = {"document": docs[r.document].name, "number": ", ".join(r.numbers), "numbers": list(r.numbers),
           "status": r.status, "text": r.text, "score": r.score, "moved": r.moved,
           "edits": [{"op": e.op, "left": e.left, "right": e.right} for e in r.edits],
           "labels": list(r.labels)}
    out["base"] = docs[r.base].name if r.base >= 0 else None
    if r.status == "merged":
        out["into"] = r.into
    return out


def lineage_dict(lin: Lineage, docs: tuple[Document, ...]) -> dict[str, Any]:
    dropped = lin.dropped
    return {"id": lin.id, "first_seen": docs[lin.first_seen].name, "last_seen": docs[lin.last_seen].name,
            "dropped": None if dropped is None else docs[dropped].name,
            "revived": [docs[k].name for k in lin.revived], "split_from": lin.split_from or None,
            "changed": lin.changed, "history": [_revision_dict(r, docs) for r in lin.history]}


def series_dict(series: Series) -> dict[str, Any]:
    docs = series.documents
    return {"schema": SERIES_SCHEMA, "grep": series.grep or None,
            "documents": [_document_dict(d) for d in docs],
            "lineages": [lineage_dict(lin, docs) for lin in series.lineages],
            "summary": summarize_series(series)}


def render_json(series: Series) -> str:
    """JSON text, schema ``statediff.series/1``."""
    return json.dumps(series_dict(series), ensure_ascii=False, indent=2) + "\n"


# --- text --------------------------------------------------------------------------------------


def _when(d: Document, k: int) -> str:
    return f"[{k + 1}] {d.date}" if d.date else f"[{k + 1}]"


def _entry(r: Revision, previous: int, docs: tuple[Document, ...], width: int, color: bool) -> list[str]:
    head = f"  {_SIGN[r.status]} {_when(docs[r.document], r.document):<{width}}  "
    head += f"{visible(', '.join(r.numbers)) or '-':<8} {r.status}"
    if r.status in ("changed", "unchanged", "revived") and r.score:
        head += f" {r.score:.2f}"
    if r.moved:
        head += "  moved"
    if r.status == "merged":
        head += f" into {r.into}"
    if r.status in ("changed", "unchanged", "revived") and r.base >= 0 and r.base != previous:
        head += f"  (from [{r.base + 1}])"
    if r.labels:
        head += "  [" + ", ".join(r.labels) + "]"
    lines = [f"{DIM}{head}{RESET}" if color and r.status == "unchanged" else head]
    if r.status == "added":
        lines.append("      " + visible(r.text))
    elif r.status in ("changed", "revived"):
        lines.append("      " + word_diff(r, color))
    return lines


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def render_text(series: Series, *, color: bool = False, all: bool = False) -> str:
    """The documents, then the history of every lineage that changed (``all=True``: every lineage)."""
    docs = series.documents
    s = summarize_series(series)
    lines = [_count(s["documents"], "document") + ", " + _count(s["lineages"], "lineage")
             + (f" with {visible(repr(series.grep))}" if series.grep else "")
             + f": {s['changed']} changed, {s['added']} added, {s['dropped']} dropped, {s['revived']} revived, "
             f"{s['merged']} merged, {s['unchanged']} unchanged"]
    for k, d in enumerate(docs):
        bits = [f"  [{k + 1}] {d.name}"]
        if d.part:
            bits.append(f"[{d.part}]")
        if d.date and d.date not in d.name:
            bits.append(f"({d.date})")
        bits.append(f"{len(d.clauses)} clauses")
        lines.append(visible("  ".join(bits)))
    width = max((len(_when(d, k)) for k, d in enumerate(docs)), default=0)
    shown = [lin for lin in series.lineages if all or lin.changed]
    for lin in shown:
        title = lin.id + (f"  split from {lin.split_from}" if lin.split_from else "")
        lines.append("")
        lines.append(f"{BOLD}{title}{RESET}" if color else title)
        previous = -1
        for r in lin.history:
            lines.extend(_entry(r, previous, docs, width, color))
            if r.status not in ("dropped", "merged"):
                previous = r.document
    if not shown:
        lines.append("")
        lines.append("No lineage matches." if series.grep and not series.lineages else "No substantive change.")
    return "\n".join(lines) + "\n"
