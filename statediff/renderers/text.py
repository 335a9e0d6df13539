"""Plain-text output in git's word-diff notation: ``[-removed-]{+added+}``.

With ``color=True`` deletions are red and insertions green (ANSI), and the brackets stay so that
meaning never rests on colour alone. The CLI turns colour on for a terminal unless ``NO_COLOR`` is set.
"""

from __future__ import annotations

from typing import Any

from ..model import Comparison, Document, Pair

__all__ = ["render_text", "word_diff"]

_RED, _GREEN, _DIM, _BOLD, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[1m", "\x1b[0m"
_SIGN = {"changed": "~", "added": "+", "dropped": "-", "unchanged": "="}


def word_diff(pair: Pair, color: bool = False) -> str:
    """The pair's edits inline: unchanged words as they are, ``[-old-]`` and ``{+new+}``."""
    out = []
    for e in pair.edits:
        if e.op == "equal":
            out.append(e.right)
            continue
        if e.left:
            out.append(f"{_RED}[-{e.left}-]{_RESET}" if color else f"[-{e.left}-]")
        if e.right:
            out.append(f"{_GREEN}{{+{e.right}+}}{_RESET}" if color else f"{{+{e.right}+}}")
    return "".join(out)


def _doc_line(mark: str, d: Document) -> str:
    bits = [f"{mark} {d.name}"]
    if d.part:
        bits.append(f"[{d.part}]")
    if d.date:
        bits.append(f"({d.date})")
    if d.title and d.title != d.part:
        bits.append(f"{d.title}")
    return "  ".join(bits)


def _numbers(p: Pair) -> str:
    left = ", ".join(p.left)
    right = ", ".join(p.right)
    if p.status == "added":
        return right
    if p.status == "dropped":
        return left
    return right if left == right else f"{left} -> {right}"


def render_text(result: Any, *, color: bool = False, all: bool = False, **_: Any) -> str:
    """A readable report of a :class:`Comparison`, or the clause list of a :class:`Document`."""
    if isinstance(result, Document):
        return render_clauses(result, color=color)
    if not isinstance(result, Comparison):
        to_text = getattr(result, "to_text", None)
        if to_text is None:
            raise TypeError(f"cannot render a {type(result).__name__} as text")
        return to_text(color=color)
    c = result
    s = c.summary
    lines = [_doc_line("---", c.left), _doc_line("+++", c.right)]
    lines.append(f"{len(c.left.clauses)} -> {len(c.right.clauses)} clauses: {s['changed']} changed, "
                 f"{s['added']} added, {s['dropped']} dropped, {s['unchanged']} unchanged, {s['moved']} moved")
    labels = [f"{n} {label}" for label, n in s.get("labels", {}).items() if n]
    if labels:
        lines.append("labels: " + ", ".join(labels))
    for p in c.pairs:
        if p.status == "unchanged" and not p.moved and not all:
            continue
        head = f"{_SIGN[p.status]} {_numbers(p)}  {p.status}"
        if p.status in ("changed", "unchanged"):
            head += f" {p.score:.2f}"
        if p.moved:
            head += "  moved"
        if p.labels:
            head += "  [" + ", ".join(p.labels) + "]"
        lines.append("")
        lines.append(f"{_BOLD}{head}{_RESET}" if color else head)
        lines.append("    " + word_diff(p, color))
    # From the summary, which counts every pair even when the comparison shows only some (``only=``).
    if not any(s.get(k, 0) for k in ("changed", "added", "dropped", "moved")):
        lines.append("")
        lines.append("No substantive change." if s["unchanged"] or not c.pairs else "Both documents are empty.")
    return "\n".join(lines) + "\n"


def render_clauses(d: Document, color: bool = False) -> str:
    """One block per clause: number, section, kind, actor / verb / stance, then the text."""
    head = [f"{d.name}" + (f"  [{d.part}]" if d.part else "") + (f"  ({d.date})" if d.date else "")]
    if d.title:
        head.append(d.title)
    if d.parts:
        head.append("parts: " + "; ".join(f"{p.index}: {p.title}" for p in d.parts))
    head.append(f"{len(d.clauses)} clauses")
    lines = head
    section = None
    for cl in d.clauses:
        if cl.section != section:
            section = cl.section
            if section:
                lines.append("")
                lines.append(f"{_BOLD}## {section}{_RESET}" if color else f"## {section}")
        tags = []
        if cl.kind == "context":
            tags.append("context")
        else:
            if cl.actor:
                tags.append(f"actor: {cl.actor}")
            if cl.verb:
                tags.append(f"verb: {cl.verb}")
            if cl.stance:
                tags.append(f"stance: {cl.stance}")
        if cl.negated:
            tags.append("negated")
        if cl.modality:
            tags.append(f"modality: {cl.modality}")
        meta = " | ".join(tags)
        lines.append("")
        num = f"{_BOLD}{cl.number}{_RESET}" if color else cl.number
        lines.append(f"{num}  " + (f"{_DIM}{meta}{_RESET}" if color and meta else meta))
        lines.append(f"    {cl.text}")
    return "\n".join(lines) + "\n"
