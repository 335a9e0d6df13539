"""Blocks -> structure: which blocks are headings, each clause's number and section, and parts.

*Headings*: :data:`HEADING_RULES` is an ordered table of named rules, one per kind of heading the
corpora print (a Markdown or "Section 2." line, a long title on the first line, front matter, a
wrapped title, "Regional Affairs:", a Roman or lettered section title, a short unpunctuated line); a
block is a heading when any rule says so, the first that does deciding. A new source quirk is one
rule function here and one fixture in ``fixtures/clauses/quirks/``.

*Numbering*: markers give clause numbers the way the document itself counts ("4(1)" for item (1)
under section 4; "12" when paragraphs run on across sections); unmarked paragraphs count "p1", "p2"
within their heading; headings set each clause's section (:func:`numbering`).

*Parts*: unnumbered headings that open a meeting's account, with numbering restarting under them,
split the document into parts (:mod:`statediff.parts`, which reads :func:`is_subtitle` and
:func:`starts_numbering` from here).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .blocks import TERMINAL, Block, is_title_case, looks_like_heading
from .dates import DATE
from .markers import HEADING_KINDS, ITEM_KINDS_WITH_OWN_LABEL, TITLE_KINDS

__all__ = ["HEADING_RULES", "Numbered", "is_subtitle", "mark_headings", "numbering", "starts_numbering"]

# --------------------------------------------------------------------------------------------------
# Headings
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    """A block considered for a heading, with what the heading rules read of it."""

    blocks: list[Block]
    i: int  # its index in ``blocks``
    kinds: list[str]  # the kinds of its markers
    content: str  # its first line's text after the markers

    @property
    def block(self) -> Block:
        return self.blocks[self.i]

    @property
    def joined(self) -> str:
        return self.block.text_joined()


def _marked_heading(c: _Candidate) -> bool:
    """A Markdown "#" line or a "Section 2." / "Article 3" line."""
    return bool(c.kinds) and c.kinds[0] in ("md", "sec")


def _first_line_title(c: _Candidate) -> bool:
    """A long title on the first line (or wrapped over a few)."""
    return c.i == 0 and len(c.block.lines) <= 6 and not c.kinds and len(c.joined) <= 250 \
        and not TERMINAL.search(c.joined)


def _front_matter_line(c: _Candidate) -> bool:
    """Front matter such as "Japan Ministry of Defense / in Japanese" or "2023/04/02": a heading-like
    line or a bare date among the first blocks, all headings so far."""
    return c.i < 4 and not c.kinds and all(blk.heading for blk in c.blocks[:c.i]) \
        and bool(looks_like_heading(c.joined) or DATE.fullmatch(c.joined.strip()))


def _wrapped_title(c: _Candidate) -> bool:
    """A wrapped unnumbered title: two to five lines in title case."""
    return not c.kinds and 2 <= len(c.block.lines) <= 5 and is_title_case(c.joined)


def _wrapped_heading_line(c: _Candidate) -> bool:
    """A one-line heading wrapped ("Standardization work on critical and\nemerging ...")."""
    lines = c.block.lines
    return not c.kinds and len(lines) == 2 and len(lines[1].text) < len(lines[0].text) \
        and looks_like_heading(c.joined)


def _colon_title(c: _Candidate) -> bool:
    """"Regional Affairs:" (a lead-in such as "We intend to:" is not title case)."""
    return len(c.block.lines) == 1 and (not c.kinds or c.kinds[0] in HEADING_KINDS) and c.content.endswith(":") \
        and len(c.content.split()) <= 8 and is_title_case(c.content.rstrip(":"))


def _section_title(c: _Candidate) -> bool:
    """A lettered or Roman section title, wrapped or not."""
    return len(c.kinds) == 1 and c.kinds[0] in TITLE_KINDS and len(c.block.lines) <= 3 \
        and len(c.joined) <= 200 and not TERMINAL.search(c.joined)


def _short_line(c: _Candidate) -> bool:
    """A one-line heading, unmarked or numbered, that reads like one; but a short unpunctuated list
    item among items of the same kind is an item, not a heading."""
    kinds = c.kinds
    if not (len(c.block.lines) == 1 and (not kinds or (len(kinds) == 1 and kinds[0] in HEADING_KINDS))
            and looks_like_heading(c.content)):
        return False
    nxt = c.blocks[c.i + 1] if c.i + 1 < len(c.blocks) else None
    if kinds and nxt is not None and nxt.markers and nxt.markers[0][0] == kinds[0] \
            and not looks_like_heading(nxt.text_joined()):
        return True
    return not (kinds and nxt is not None and nxt.markers and nxt.markers[0] == c.block.markers[0])


#: The heading rules, in order: a block is a heading when one of them holds (the first that holds
#: decides; the order matters only for speed and for reading, since each rule says "heading").
HEADING_RULES: tuple[Callable[[_Candidate], bool], ...] = (
    _marked_heading,
    _first_line_title,
    _front_matter_line,
    _wrapped_title,
    _wrapped_heading_line,
    _colon_title,
    _section_title,
    _short_line,
)


def mark_headings(blocks: list[Block]) -> None:
    """Set ``heading`` on the blocks that :data:`HEADING_RULES` find to be headings (never a table)."""
    for i, b in enumerate(blocks):
        if b.table:
            continue
        candidate = _Candidate(blocks, i, [k for k, _ in b.markers], b.lines[0].text[b.text_offset:])
        if any(rule(candidate) for rule in HEADING_RULES):
            b.heading = True


def is_subtitle(blocks: list[Block], i: int, front: int) -> bool:
    """An unnumbered heading right under a numbered one with nothing between ("Annex I" /
    "Statement on Investment Screening") is the title of that section, not a section of its own."""
    b = blocks[i]
    prev = blocks[i - 1] if i - 1 >= front else None
    return b.heading and not b.markers and prev is not None and prev.heading and bool(prev.markers) \
        and prev.markers[0][0] != "md"


def _heading_text(b: Block) -> str:
    joined = " ".join(b.text_joined().split())  # white space collapsed, as in clause texts
    rest = joined.strip("*_").rstrip(":").strip()  # "*Post-Quantum*", "Regional Affairs:"
    return rest or " ".join(b.lines[0].text.split())


# --------------------------------------------------------------------------------------------------
# Numbering
# --------------------------------------------------------------------------------------------------


def numbering(blocks: list[Block], front: int = 0) -> list[Numbered]:
    """Clause numbers from the document's own structure.

    Numbered headings and items contribute their labels ("4", "(1)" -> "4(1)"); a heading's label is
    left out of the numbers of its items when the items do not restart under it (a document that
    numbers its paragraphs 1..34 across sections keeps "12"). Unnumbered headings count as "1", "2"
    ... at the top of the document and "h1", "h2" ... inside a numbered section. Unmarked paragraphs
    count "p1", "p2" ... within their heading or item, so inserting a paragraph renumbers only the
    paragraphs after it under the same heading.
    """
    state = _Numbering(blocks, front)
    out: list[Numbered] = []
    for bi, b in enumerate(blocks):
        if bi < front:
            continue  # title and metadata lines are not sections
        if b.heading and (not b.markers or b.markers[0][0] == "md"):
            state.unnumbered_heading(bi, b)
        elif b.heading:
            state.numbered_heading(bi, b)
        elif b.markers:
            out.append(state.item(b))
        else:
            out.append(state.paragraph(b))
    return out


class _Numbering:
    """What :func:`numbering` keeps while it walks the blocks: the open headings and items (a stack
    of levels), a counter per parent, and the section the next clause sits in."""

    def __init__(self, blocks: list[Block], front: int) -> None:
        self.blocks = blocks
        self.front = front
        self.stack: list[_Level] = []
        self.counters: dict[tuple[str, ...], int] = {}
        self.section = ""
        # When no item label repeats anywhere, the document numbers its paragraphs across its
        # unnumbered headings ("Preamble / 1. 2. / Ukraine / 3."): the items keep their own numbers
        # under them.
        self.runs_on = not _labels_repeat(blocks[front:])

    def count(self, key: tuple[str, ...]) -> int:
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    def pop_to_headings(self) -> None:
        while self.stack and self.stack[-1].role in ("I", "U"):
            self.stack.pop()

    def close(self, role: str, kind: str) -> None:
        """Close the open level of ``role`` and ``kind``, and every level inside it (a sibling of it
        begins)."""
        stack = self.stack
        if any(lv.role == role and lv.kind == kind for lv in stack):
            while not (stack[-1].role == role and stack[-1].kind == kind):
                stack.pop()
            stack.pop()

    def unnumbered_heading(self, bi: int, b: Block) -> None:
        """An unnumbered heading, or a Markdown one (its "#" marks a level, not a number)."""
        stack = self.stack
        text = _heading_text(b)
        if not b.markers and is_subtitle(self.blocks, bi, self.front):
            self.section = f"{self.section}: {text}" if self.section else text
            return
        kind = b.markers[0][1] if b.markers else ""
        if kind:  # Markdown: a heading closes the headings of its own level and below
            while stack and (stack[-1].role in ("I", "U") or (stack[-1].kind.startswith("#")
                                                              and len(stack[-1].kind) >= len(kind))):
                stack.pop()
        else:
            self.pop_to_headings()
        parent = tuple(lv.label for lv in stack)
        k = self.count(parent + ("u",))
        label = f"h{k}" if any(lv.role == "H" for lv in stack) else str(k)
        stack.append(_Level("U" if not kind else "H", kind, label, b.text_col,
                            not self.runs_on and _restarts_items(self.blocks, bi)))
        self.section = text

    def numbered_heading(self, bi: int, b: Block) -> None:
        kind, label = b.markers[0]
        self.pop_to_headings()
        self.close("H", kind)
        self.stack.append(_Level("H", kind, label, b.text_col, _restarts_items(self.blocks, bi)))
        self.section = _heading_text(b)

    def item(self, b: Block) -> Numbered:
        """A list item: its markers open item levels (nested markers nest), and its number joins the
        labels above it."""
        stack = self.stack
        for mi, (kind, label) in enumerate(b.markers):
            col = b.indent + b.marker_ends[mi] if mi < len(b.marker_ends) else b.text_col
            # A numbered item after a bullet list, not indented under the bullets' text, ends the
            # list ("- ...\n- ...\n3. ..." is item 3, not the last bullet's sub-item).
            while mi == 0 and kind != "bullet" and stack and stack[-1].role == "I" \
                    and stack[-1].kind == "bullet" and b.indent < stack[-1].col:
                stack.pop()
            self.close("I", kind)
            if kind == "bullet":
                label = f"b{self.count(tuple(lv.label for lv in stack) + ('b',))}"
            stack.append(_Level("I", kind, label, col))
        if any(lv.role == "I" and lv.kind != "bullet" for lv in stack):
            number = _join_number([lv.label for lv in stack if lv.label and (lv.role == "I" or lv.in_items)])
        else:  # bullets count within their section: "II.A.b2"
            number = _join_number([lv.label for lv in stack if lv.label])
        return Numbered(b, number, self.section)

    def paragraph(self, b: Block) -> Numbered:
        """An unmarked paragraph: it sits inside the items whose text it is indented under (a
        paragraph aligned with a bullet's text after the list is prose of the list's parent)."""
        stack = self.stack
        while stack and stack[-1].role == "I" and (b.indent < stack[-1].col
                                                   or (stack[-1].kind == "bullet" and b.indent <= stack[-1].col)):
            stack.pop()
        labels = [lv.label for lv in stack if lv.label]
        k = self.count(tuple(labels) + ("p",))
        return Numbered(b, _join_number(labels + [f"p{k}"]), self.section)


def _join_number(parts: list[str]) -> str:
    out = ""
    for p in parts:
        if not out:
            out = p
        elif p.startswith("(") or out.endswith(":") or "\u2460" <= p[:1] <= "\u24ff" or "\u2776" <= p[:1] <= "\u277f":
            out += p
        else:
            out += "." + p
    return out



@dataclass
class Numbered:
    block: Block
    number: str
    section: str


@dataclass
class _Level:
    role: str  # "H" numbered heading, "U" unnumbered heading, "I" list item
    kind: str
    label: str
    col: int  # text column, to tell which items an unmarked paragraph is indented under
    in_items: bool = True  # whether item numbers under this heading carry its label


def _labels_repeat(blocks: list[Block]) -> bool:
    """Whether a top-level item label ("1.", "(1)") occurs under two different headings."""
    seen: dict[tuple[str, str], int] = {}
    heading = 0
    for b in blocks:
        if b.heading:
            heading += 1
            continue
        if b.markers and b.markers[0][0] in ITEM_KINDS_WITH_OWN_LABEL:
            key = b.markers[0]
            if seen.setdefault(key, heading) != heading:
                return True
    return False


# Where numbering starts under a heading (read by the numbering and by statediff.parts)

def _first_label(blocks: list[Block], i: int) -> str | None:
    """The label of the first numbered item after heading ``i`` and before the next unnumbered
    heading, without brackets; None when there is none."""
    for j in range(i + 1, len(blocks)):
        b = blocks[j]
        if b.heading:
            if j == i + 1 and is_subtitle(blocks, j, 0):
                continue
            if blocks[i].markers or not b.markers or b.markers[0][0] == "md":
                return None  # the next section begins: none of its items count here
            # Under an unnumbered heading, numbered section titles ("1. Introduction") are its items.
        for kind, label in b.markers:
            if kind in ITEM_KINDS_WITH_OWN_LABEL:
                return label.strip("()").rstrip(")")
    return None


_FIRST_LABELS = ("1", "a", "i", "I", "A", "\u2460", "\u2776")


def starts_numbering(blocks: list[Block], i: int) -> bool:
    """Whether the first numbered item after heading ``i`` counts from the start ("1.", "(a)")."""
    return _first_label(blocks, i) in _FIRST_LABELS


def _restarts_items(blocks: list[Block], i: int) -> bool:
    """Whether items under heading ``i`` need its label: false only when they go on counting from
    the previous section ("I." then items "4.", "5."), so that the document's own numbers stay."""
    label = _first_label(blocks, i)
    return label is None or label in _FIRST_LABELS
