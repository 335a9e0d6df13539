"""JSON output, schema ``statediff.comparison/1`` and ``statediff.clauses/1`` (see docs/formats.md)."""

from __future__ import annotations

import json
from typing import Any

from ..model import Clause, Comparison, Document, Pair, SectionPair
from ..sections import headings_of_pairs

__all__ = ["render_json", "comparison_dict", "clauses_dict", "document_dict", "clause_dict"]

COMPARISON_SCHEMA = "statediff.comparison/1"
CLAUSES_SCHEMA = "statediff.clauses/1"


def clause_dict(c: Clause) -> dict[str, Any]:
    return {"number": c.number, "text": c.text, "span": [c.span[0], c.span[1]], "section": c.section,
            "kind": c.kind, "actor": c.actor, "verb": c.verb, "stance": c.stance, "negated": c.negated,
            "modality": c.modality}


def document_dict(d: Document) -> dict[str, Any]:
    return {"name": d.name, "title": d.title, "date": d.date, "format": d.format, "part": d.part,
            "parts": [{"index": p.index, "title": p.title} for p in d.parts],
            "clauses": [clause_dict(c) for c in d.clauses]}


def pair_dict(p: Pair) -> dict[str, Any]:
    out: dict[str, Any] = {"status": p.status, "left": list(p.left), "right": list(p.right), "score": p.score,
           "moved": p.moved, "left_text": p.left_text, "right_text": p.right_text,
           "edits": [{"op": e.op, "left": e.left, "right": e.right} for e in p.edits],
           "labels": list(p.labels)}
    if p.suggestions:  # optional: added and dropped pairs only, and only when there are some
        out["suggestions"] = [{"number": s.number, "score": s.score} for s in p.suggestions]
    return out


def section_pair_dict(sp: SectionPair, c: Comparison) -> dict[str, Any]:
    def side(sections, doc):
        return [{"title": s.title, "clauses": [doc.clauses[i].number for i in s.clauses]} for s in sections]

    return {"status": sp.status, "left": side(sp.left, c.left), "right": side(sp.right, c.right),
            "moved": sp.moved, "score": sp.score, "links": sp.links}


def comparison_dict(c: Comparison) -> dict[str, Any]:
    out = {"schema": COMPARISON_SCHEMA, "mode": c.mode, "left": document_dict(c.left), "right": document_dict(c.right),
           "pairs": [{**pair_dict(p), "section": section} for p, section in zip(c.pairs, headings_of_pairs(c))],
           "summary": dict(c.summary)}  # made with the comparison (see statediff.model.Summary)
    if c.sections:
        out["sections"] = [section_pair_dict(sp, c) for sp in c.sections]
    if c.digest:  # optional: only when something matters
        out["digest"] = {"items": [{"label": i.label, "left": list(i.left), "right": list(i.right), "what": i.what,
                                    "stance": i.stance} for i in c.digest.items],
                         "more": c.digest.more}
    return out


def clauses_dict(d: Document) -> dict[str, Any]:
    out = {"schema": CLAUSES_SCHEMA}
    out.update(document_dict(d))
    return out


def render_json(result: Comparison | Document) -> str:
    """JSON text for a :class:`Comparison` or a :class:`Document` (its clauses)."""
    data = comparison_dict(result) if isinstance(result, Comparison) else clauses_dict(result)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
