"""Document text -> numbered clauses.

Three passes, each with a job:

1. *Blocks*: lines are grouped into headings, paragraphs and list items. Hard-wrapped lines are
   rejoined (a hanging indent, a line that ends mid-sentence, or a next word that would have fitted
   on the line before all mean "same paragraph"; the fill width is measured per document); list
   markers ("1.", "(1)", "a)", "A.", "I.", "①", "●", "-", "Section 2.", "#") start items.
2. *Structure*: markers give clause numbers the way the document itself counts ("4(1)" for item
   (1) under section 4; "12" when paragraphs run on across sections); unmarked paragraphs count "p1",
   "p2" within their heading; headings set each clause's section; unnumbered headings that open a
   meeting's account, with numbering restarting under them, split the document into parts.
3. *Clauses*: each block is cut into sentences (Punkt with our own abbreviations, never inside a
   quotation; 。！？ for Japanese) and sentences into commitment clauses ("..., and shared the view
   to ...", ", while France appreciated ..."); each clause is annotated with its kind (commitment or
   narrative context), actor, commitment verb, stance, negation and modality from the lexicon.

This module is the entry point (:func:`segment`) and puts the clauses together; the stages live
beside it: :mod:`statediff.markers` and :mod:`statediff.blocks` (pass 1), :mod:`statediff.structure`
and :mod:`statediff.parts` (pass 2), :mod:`statediff.sentences`, :mod:`statediff.clause_cuts` and
:mod:`statediff.annotator` (pass 3), :mod:`statediff.dates` (the document's date). Every clause keeps
the span of its text in the source. docs/clauses.md explains the rules.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .annotator import annotate
from .blocks import Block, build_blocks, fill_text, line_range, to_source
from .clause_cuts import split_clauses
from .dates import DATE, find_date
from .errors import LimitError
from .lexicon import Lexicon, default_lexicon
from .limits import check_text, text_refusal
from .model import Clause, Document, Part
from .normalizer import split_lines
from .parts import find_parts, front_matter, select_part
from .sentences import MAX_SENTENCE as MAX_SENTENCE  # re-exported: callers read the bound here
from .sentences import split_sentences
from .structure import Numbered, mark_headings, numbering

__all__ = ["segment", "split_sentences", "find_parts"]

# One group of blocks numbered on its own: (blocks, number prefix, how many leading blocks are a
# title rather than content).
_Group = tuple[list[Block], str, int]


def segment(source: str, *, name: str = "<text>", format: str = "text", part: int | str | None = None,
            lexicon: Lexicon | None = None, date: str = "", max_clauses: int | None = None,
            max_text: int | None = None) -> Document:
    """Cut ``source`` into numbered, annotated clauses and return the :class:`Document`.

    ``part`` selects one part (1-based index or a title substring) of a document holding several
    meetings; clause numbers are then counted within that part. With ``max_clauses``, a document
    found to hold more clauses raises :class:`LimitError` as soon as it is known, before the rest
    is annotated; with ``max_text``, so does one found to hold more characters of clause text
    (:class:`statediff.limits.TextLimitError`). A text far past either limit is refused before it is
    cut (:func:`statediff.limits.check_text`).
    """
    lexicon = lexicon or default_lexicon()
    if part is None:  # a part is cut from its document: its size is known only once it is cut
        check_text(source, name, max_text=max_text, max_clauses=max_clauses)
    lines, dropped = split_lines(source)
    blocks = build_blocks(lines)
    mark_headings(blocks)
    for b in blocks:
        fill_text(b, source)
    _unmark_trailing_headings(blocks)
    front = front_matter(blocks)
    title = next((b.text for b in blocks[:front] if not _dateline(b.text)), "")
    heads = find_parts(blocks, lexicon)
    ranges = _part_ranges(blocks, front, heads, title)
    parts = [Part(k, t, (blocks[s].lines[0].start, blocks[e - 1].lines[-1].end))
             for k, (s, e, t) in enumerate(ranges, 1)]
    selected = ""
    groups: list[_Group]
    if part is not None and not (isinstance(part, str) and not part.strip()):
        chosen = select_part(parts, part)
        selected = chosen.title
        if parts:
            s, e, _ = ranges[chosen.index - 1]
            groups = [(blocks[s:e], "", 1 if s in heads else 0)]
        else:
            groups = [(blocks, "", front)]
    elif parts:
        groups = [(blocks[:ranges[0][0]], "", front)]
        groups += [(blocks[s:e], f"{k}:", 1 if s in heads else 0) for k, (s, e, _) in enumerate(ranges, 1)]
    else:
        groups = [(blocks, "", front)]
    if not date:
        date = find_date(" ".join(b.text for b in blocks[: front + 2]))
    clauses = _unique_numbers(_clauses(groups, name, lexicon, max_clauses, max_text, date))
    return Document(name=name, source=source, clauses=tuple(clauses), title=title, date=date,
                    format=format, parts=tuple(parts), part=selected, dropped=tuple(dropped))


def _unmark_trailing_headings(blocks: list[Block]) -> None:
    """A heading heads what follows it: plain heading-like lines after a statement's last text, with
    nothing after them, are its text, not headings ("... / Security" closing a statement is a clause
    of its own), so that a change in them is a change. A numbered or Markdown heading says it is one
    and stays; so does a closing date or place line, and the lines of a document without text (its
    title and front matter)."""
    if all(b.heading for b in blocks):
        return
    for b in reversed(blocks):
        if not b.heading or b.markers or _dateline(b.text):
            break
        b.heading = False


# A dateline of place: "Leuven, Belgium", "Luleå, Sweden", "Washington, D.C." (two to five capitalised words
# around one comma).
_PLACE = re.compile(r"[A-Z][\w.\u2019'-]*(?: [A-Z][\w.\u2019'-]*){0,2}, [A-Z][\w.\u2019'-]*(?: [A-Z][\w.\u2019'-]*)?")


def _dateline(text: str) -> bool:
    """Whether a line of the front matter only says when or where the meeting was ("31 May 2023",
    "Leuven, Belgium"): no title."""
    text = " ".join(text.split())
    rest = DATE.sub("", text).strip(" ,.;:-\u2013\u2014")
    return not rest or _PLACE.fullmatch(rest) is not None and not any(c.isdigit() for c in rest)


def _part_ranges(blocks: list[Block], front: int, heads: list[int], title: str) -> list[tuple[int, int, str]]:
    """The parts as (first block, end block, title); the opening before the first part heading is a
    part of its own ("Opening", or the document's title) when it holds any content."""
    ranges: list[tuple[int, int, str]] = []
    if heads:
        bounds = [front, *heads, len(blocks)]
        for k, (s, e) in enumerate(zip(bounds, bounds[1:])):
            if k == 0 and not any(not b.heading for b in blocks[s:e]):
                continue
            t = blocks[s].text if s in heads else (title or "Opening")
            ranges.append((s, e, t))
    return ranges


def _clauses(groups: list[_Group], name: str, lexicon: Lexicon, max_clauses: int | None,
             max_text: int | None, date: str) -> list[Clause]:
    """The clauses of every group's blocks, in reading order, each carrying the ordinal of its block
    (counted over the blocks that hold clauses); ``date`` is the document's."""
    clauses: list[Clause] = []
    ordinal = 0
    size = 0
    for group, prefix, skip in groups:
        lead: Clause | None = None
        for n in numbering(group, front=skip):
            made = _clauses_of(n, prefix, lexicon, lead, ordinal, date)
            if made:
                ordinal += 1
            clauses.extend(made)
            if max_clauses is not None and len(clauses) > max_clauses:
                raise LimitError(f"{name} has more than {max_clauses:,} clauses")
            size += sum(len(c.text) for c in made)
            if max_text is not None and size > max_text:
                raise text_refusal(name, max_text, limit=max_text, partial=True)
            if made and made[-1].text.rstrip().endswith((":", "\uff1a")) and made[-1].kind == "commitment":
                lead = made[-1]
            elif not n.block.markers:
                lead = None  # a list ends at the first unmarked paragraph
    return clauses


def _clauses_of(n: Numbered, prefix: str, lexicon: Lexicon, lead: Clause | None, ordinal: int,
                date: str = "") -> list[Clause]:
    """The block's clauses, numbered and annotated; ``ordinal`` is the block's (``Clause.block``).

    ``lead`` is the clause before the block when it ends in a colon ("... through the following
    measures:"): list items without a verb of their own carry its actor, verb and stance.
    """
    block = n.block
    text = block.text
    spans: list[tuple[int, int]] = []
    if block.table:
        spans = [span for span in (line_range(block, line) for line in block.lines) if span[0] < span[1]]
    else:
        for a, b in split_sentences(text):
            spans.extend(split_clauses(text, a, b, lexicon))
    out: list[Clause] = []
    actor = ""
    many = len(spans) > 1
    for k, (a, b) in enumerate(spans, 1):
        ctext = text[a:b]
        ann = annotate(ctext, lexicon, date)
        kind, who, verb, stance = ann.kind, ann.actor, ann.verb, ann.stance
        if kind == "commitment" and not who and ann.inherit:
            who = actor
        if k == 1 and lead is not None and block.markers and not ann.actor and \
                (kind == "context" or len(ctext[:ctext.find(verb) if verb in ctext else 0].split()) > 2):
            # An item of "We intend to:" without a subject of its own ("Hold ransomware actors
            # accountable ...") carries the lead-in's commitment.
            kind, who, verb, stance = lead.kind, lead.actor, lead.verb, lead.stance
        if who or ann.subject:
            actor = who or ann.subject
        number = prefix + n.number + (f".{k}" if many else "")
        out.append(Clause(number=number, text=ctext, span=to_source(block, a, b), section=n.section,
                          kind=kind, actor=who, verb=verb, stance=stance, negated=ann.negated,
                          modality=ann.modality, block=ordinal))
    return out


def _unique_numbers(clauses: list[Clause]) -> list[Clause]:
    """The clauses with numbers made unique: a number seen before gets "~2", "~3" ..."""
    seen: dict[str, int] = {}
    out = []
    for c in clauses:
        number = c.number or "p"
        if number in seen:
            seen[number] += 1
            number = f"{number}~{seen[number]}"
        seen.setdefault(number, 1)
        out.append(replace(c, number=number))
    return out
