"""Plain-text output in git's word-diff notation: ``[-removed-]{+added+}``.

With ``color=True`` deletions are red and insertions green (ANSI), and the brackets stay so that
meaning never rests on colour alone. The CLI turns colour on for a terminal unless ``NO_COLOR`` is set.
"""

from __future__ import annotations

import re

from ..model import Clause, Comparison, Document, Pair, Revision
from ..sections import bare_title, display_order, group_kind, group_openers, heading_notes, headings_of_pairs
from .words import item_where, parts_hint, status_word, suggestion_word

__all__ = ["digest_lines", "render_text", "suggestion_line", "visible", "word_diff"]

# Characters that a terminal takes as control, shown as symbols instead: C0 controls as their
# "control pictures" (ESC as ␛), DEL as ␡, C1 controls and the bidirectional embeddings,
# overrides and isolates as <U+XXXX>, so that no input text can move the cursor, retitle the window,
# write the clipboard or reorder what is shown.
_VISIBLE: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20)}
_VISIBLE[0x7F] = "\u2421"
_VISIBLE.update({c: f"<U+{c:04X}>" for c in [*range(0x80, 0xA0), 0x061C, *range(0x200E, 0x2010),
                                              *range(0x202A, 0x202F), *range(0x2066, 0x206A)]})
_UNSAFE = re.compile("[" + "".join(re.escape(chr(c)) for c in _VISIBLE) + "]")


def visible(text: str) -> str:
    """``text`` with every character a terminal would take as control shown as a symbol."""
    return text.translate(_VISIBLE) if _UNSAFE.search(text) else text


_RED, _GREEN, DIM, BOLD, RESET = "\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[1m", "\x1b[0m"
_SIGN = {"changed": "~", "added": "+", "dropped": "-", "unchanged": "="}
_ACCOUNT_SIGN = {"changed": "~", "added": ">", "dropped": "<", "unchanged": "="}


def word_diff(pair: Pair | Revision, color: bool = False) -> str:
    """A pair's (or a series revision's) edits inline: unchanged words as they are, ``[-old-]`` and
    ``{+new+}``."""
    out = []
    for e in pair.edits:
        left, right = visible(e.left), visible(e.right)
        if e.op == "equal":
            out.append(right)
            continue
        if left:
            out.append(f"{_RED}[-{left}-]{RESET}" if color else f"[-{left}-]")
        if right:
            out.append(f"{_GREEN}{{+{right}+}}{RESET}" if color else f"{{+{right}+}}")
    return "".join(out)


def _doc_line(mark: str, d: Document) -> str:
    bits = [f"{mark} {d.name}"]
    if d.part:
        bits.append(f"[{d.part}]")
    if d.date:
        bits.append(f"({d.date})")
    if d.title and d.title != d.part:
        bits.append(f"{d.title}")
    if hint := parts_hint(d):
        bits.append(f"[{hint}]")
    return visible("  ".join(bits))


def suggestion_line(c: Comparison, p: Pair) -> str:
    """``possibly continues 4(2) 0.31, 3(1) 0.22`` (an added pair) or ``possibly continued by ...``
    (a dropped pair); between two accounts ``perhaps said by A as ...``: candidates, not links."""
    return visible(f"{suggestion_word(c, p.status)} " + ", ".join(f"{s.number} {s.score:.2f}" for s in p.suggestions))


def _section_name(title: str) -> str:
    return f'"{title}"' if title else "(no heading)"


_SECTION_SIGN = {"renamed": "~", "added": "+", "dropped": "-", "unchanged": "="}


def section_lines(c: Comparison, all: bool = False) -> list[str]:
    """The section pairing: a count line, then one line per renamed, added, dropped or moved section
    (every section with ``all``), e.g. ``~ "Regional Situations" -> "Regional affairs"  renamed``."""
    shown = [sp for sp in c.sections
             if all or sp.status != "unchanged" or sp.moved or len(sp.left) > 1 or len(sp.right) > 1]
    counts = c.summary.get("sections", {})
    words = [f"{counts[k]} {k}" for k in ("renamed", "added", "dropped", "moved", "unchanged") if counts.get(k)]
    if not shown:
        return []
    lines = ["sections: " + ", ".join(words)]
    for sp in shown:
        left = " + ".join(_section_name(s.title) for s in sp.left)
        right = " + ".join(_section_name(s.title) for s in sp.right)
        names = right if sp.status == "added" else left if sp.status == "dropped" else \
            (right if sp.status == "unchanged" and len(sp.left) == len(sp.right) == 1 else f"{left} -> {right}")
        notes = [sp.status] + ["merged"] * (len(sp.left) > 1) + ["split"] * (len(sp.right) > 1) + ["moved"] * sp.moved
        lines.append(visible(f"  {_SECTION_SIGN[sp.status]} {names}  " + "  ".join(notes)))
    return lines


def digest_lines(c: Comparison) -> list[str]:
    """The digest: a head line, then one line per item, e.g.
    ``  softened  4(1) -> 3(2)  “strongly oppose” → “express serious concern”``."""
    d = c.digest
    if not d:
        return []
    total = len(d.items) + d.more
    lines = [f"what matters most ({len(d.items)} of {total}):" if d.more else "what matters most:"]
    for item in d.items:
        where = item_where(item.left, item.right)
        bits = [item.label] + ([where] if where else []) + [item.what]
        lines.append(visible("  " + "  ".join(bits)))
    return lines


def _numbers(p: Pair) -> str:
    left = ", ".join(p.left)
    right = ", ".join(p.right)
    if p.status == "added":
        return right
    if p.status == "dropped":
        return left
    return right if left == right else f"{left} -> {right}"


def render_text(result: Comparison | Document, *, color: bool = False, all: bool = False,
                digest_only: bool = False) -> str:
    """A readable report of a :class:`Comparison`, or the clause list of a :class:`Document` (see
    :func:`render_clauses`). With ``digest_only`` the report is its head (the sections' count line
    only) and the digest."""
    if isinstance(result, Document):
        return render_clauses(result, color=color)
    c = result
    lines = _head_lines(c, all=all, brief=digest_only)
    dig = digest_lines(c)
    if dig:
        lines.append("")
        lines.extend(dig)
    if digest_only:
        if not dig:
            lines.append("")
            lines.append("Nothing to single out: no stance shift, no commitment added or dropped.")
        return "\n".join(lines) + "\n"
    shown = _pair_lines(c, lines, color=color, all=all)
    lines.extend(_closing_lines(c, shown))
    return "\n".join(lines) + "\n"


def _head_lines(c: Comparison, *, all: bool, brief: bool = False) -> list[str]:
    """The two documents, the counts, the labels and (for two versions) the sections (every one with
    ``all``; with ``brief``, their count line only)."""
    s = c.summary
    accounts = c.mode == "accounts"
    lines = [_doc_line("A", c.left), _doc_line("B", c.right)] if accounts else \
        [_doc_line("---", c.left), _doc_line("+++", c.right)]
    if accounts:
        lines.append(f"two accounts, {len(c.left.clauses)} and {len(c.right.clauses)} clauses: {s.unchanged} "
                     f"said alike, {s.changed} said differently, {s.dropped} only in A, {s.added} only in B")
    else:
        lines.append(f"{len(c.left.clauses)} -> {len(c.right.clauses)} clauses: {s.changed} changed, "
                     f"{s.added} added, {s.dropped} dropped, {s.unchanged} unchanged, {s.moved} moved")
    labels = [f"{n} {label}" for label, n in s.labels if n]
    if labels:
        lines.append("labels: " + ", ".join(labels))
    if not accounts:  # two accounts' headings are each their own; only the later version's continue the earlier's
        lines.extend(section_lines(c, all=all)[:1] if brief else section_lines(c, all=all))
    return lines


def _pair_lines(c: Comparison, lines: list[str], *, color: bool, all: bool) -> int:
    """Append the pairs shown (every pair with ``all``, else those changed or moved) under their
    section headings; returns how many were shown."""
    shown = 0
    notes = heading_notes(c)
    current = ""
    headings = headings_of_pairs(c)
    openers = group_openers(c) if group_kind(c.right.clauses) not in ("section", "") else None  # paragraphs, items
    for k in display_order(c, headings):
        p, section = c.pairs[k], headings[k]
        if p.status == "unchanged" and not p.moved and not all:
            continue
        if section and section != current:
            # a group's opening words, over the clause that opens with them, would say them twice
            name = bare_title(section, openers, p) if openers is not None else section
            title = f"## {name}" + (f"  ({notes[section]})" if section in notes else "")
            lines.append("")
            lines.append(f"{BOLD}{visible(title)}{RESET}" if color else visible(title))
        current = section
        shown += 1
        lines.append("")
        lines.extend(_pair_block(c, p, color))
    return shown


def _pair_block(c: Comparison, p: Pair, color: bool) -> list[str]:
    """A pair's head line (sign, numbers, status, score, moved, labels), its word diff and suggestions."""
    sign = _ACCOUNT_SIGN[p.status] if c.mode == "accounts" else _SIGN[p.status]
    head = f"{sign} {visible(_numbers(p))}  {status_word(c, p.status)}"
    if p.status in ("changed", "unchanged"):
        head += f" {p.score:.2f}"
    if p.moved:
        head += "  moved"
    if p.labels:
        head += "  [" + ", ".join(p.labels) + "]"
    # between two accounts, what only one says is its text, neither struck out nor inserted
    said = c.mode == "accounts" and p.status in ("added", "dropped")
    lines = [f"{BOLD}{head}{RESET}" if color else head,
             "    " + (visible(p.right_text or p.left_text) if said else word_diff(p, color))]
    if p.suggestions:
        line = "    " + suggestion_line(c, p)
        lines.append(f"{DIM}{line}{RESET}" if color else line)
    return lines


def _closing_lines(c: Comparison, shown: int) -> list[str]:
    """What to say when no pair was shown."""
    s = c.summary
    # From the summary, which counts every pair even when the comparison shows only some (``only=``).
    if not any((s.changed, s.added, s.dropped, s.moved)):
        if c.changed:  # a section renamed, added or dropped (the exit status says so too)
            return ["", "No clause changed; only the sections did."]
        return ["", ("The two accounts say the same." if c.mode == "accounts" else "No substantive change.")
                if s.unchanged or not c.pairs else "Both documents are empty."]
    if not shown:
        return ["", "No pair matches the filter."]
    return []


def render_clauses(d: Document, *, color: bool = False, width: int = 100) -> str:
    """The clause list, one block per clause, aligned so that it reads at a glance::

        4(1).2  oppose          The four Ministers · shared the view
                and shared the view to strongly oppose attempts to unilaterally change the status
                quo by force.

    The first line gives the number, the stance (or ``context``) and who commits with which verb,
    with ``not`` for a negated verb and the modality in brackets; the text follows, indented and
    wrapped to ``width`` columns. Section headings come as ``## Heading`` lines.
    """
    lines = _clauses_head(d)
    num_w = min(max((len(c.number) for c in d.clauses), default=0), 14) + 2
    stance_w = max(max((len(c.stance) for c in d.clauses), default=0), len("context")) + 2
    section = None
    for cl in d.clauses:
        if cl.section != section:
            section = cl.section
            if section:
                lines.append("")
                lines.append(f"{BOLD}## {visible(section)}{RESET}" if color else f"## {visible(section)}")
        lines.append("")
        lines.extend(_clause_block(cl, num_w, stance_w, color=color, width=width))
    return "\n".join(lines) + "\n"


def _clauses_head(d: Document) -> list[str]:
    """The document's name, part and date, its title and parts, and how many clauses of each kind."""
    head = [visible(f"{d.name}" + (f"  [{d.part}]" if d.part else "") + (f"  ({d.date})" if d.date else ""))]
    if d.title:
        head.append(visible(d.title))
    if d.parts:
        head.append(visible("parts: " + "; ".join(f"{p.index}: {p.title}" for p in d.parts)))
    kinds = [c.kind for c in d.clauses]
    head.append(f"{len(d.clauses)} clauses: {kinds.count('commitment')} commitments, "
                f"{kinds.count('context')} context")
    return head


def _who(cl: Clause) -> str:
    """``actor · verb`` with ``not`` for a negated verb that does not say so, and ``[modality]``."""
    spelled = re.search(r"\b(?:not|never|no)\b|n't", cl.verb)
    verb = ("not " if cl.negated and not spelled else "") + cl.verb
    who = visible(" \u00b7 ".join(x for x in (cl.actor, verb) if x))
    return who + (f" [{cl.modality}]" if cl.modality else "")


def _clause_block(cl: Clause, num_w: int, stance_w: int, *, color: bool, width: int) -> list[str]:
    """A clause's head line (number, stance, who) and its text, indented and wrapped."""
    import textwrap

    stance, who = ("context", "") if cl.kind == "context" else (cl.stance or "-", _who(cl))
    num = visible(cl.number).ljust(num_w)
    stance = stance.ljust(stance_w)
    if color:
        num = f"{BOLD}{num}{RESET}"
        stance = f"{DIM}{stance}{RESET}" if cl.kind == "context" else stance
    indent = " " * num_w
    wrapped = textwrap.wrap(visible(cl.text), width=max(40, width - len(indent)), break_long_words=False,
                            break_on_hyphens=False) or [""]
    return [f"{num}{stance}{who}".rstrip(), *(indent + w for w in wrapped)]
