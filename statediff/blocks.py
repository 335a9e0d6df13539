"""Lines -> blocks: headings, paragraphs, list items and tables, with their text mapped to the source.

Hard-wrapped lines are rejoined (a hanging indent, a line that ends mid-sentence, or a next word that
would have fitted on the line before all mean "same paragraph"; the fill width is measured per
document, or per paragraph filled to a measure of its own); list markers (:mod:`statediff.markers`)
start items; a run of table rows (:mod:`statediff.tables`) is one block. :func:`fill_text` joins a
block's lines into its text and keeps anchors to the source, so that :func:`to_source` maps any span
of the text back. The predicates that say what a line looks like (:func:`looks_like_heading`,
:func:`is_title_case`, :data:`TERMINAL`) are shared with the structure pass.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from .dates import DATE
from .markers import COUNTED, HEADING_KINDS, ordinal, parse_markers
from .normalizer import Line
from .tables import table_rows
from .textkit import HAS_LETTER

__all__ = ["Block", "TERMINAL", "WRAP_END", "build_blocks", "fill_text", "is_title_case", "line_range",
           "looks_like_heading", "to_source"]

# A sentence's end, with closing quotes or brackets and a footnote mark ("2023.[1]", "2023.\u00b9").
TERMINAL = re.compile(r"[.!?;:\u3002\uff01\uff1f\uff1a\uff1b][\"'\u201d\u2019)\]\u300d\u300f\uff09]*"
                       r"(?:\[\d{1,3}\]|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,3})?$")
WRAP_END = re.compile(r"(?:\b(?:and|or|the|a|an|of|to|in|on|for|with|by|at|from|as|that|which|its|their|our)"
                       r"|[,\u2014\u2013-])$",
                       re.IGNORECASE)


@dataclass
class Block:
    lines: list[Line]
    markers: list[tuple[str, str]]
    text_offset: int  # offset in the first line's text where content starts (after markers)
    heading: bool = False
    table: bool = False  # the block is a table, a clause per line (statediff.tables)
    text: str = ""
    marker_ends: list[int] = field(default_factory=list)
    anchors: list[tuple[int, int]] = field(default_factory=list)  # (text offset, source offset)

    def text_joined(self) -> str:
        return " ".join(ln.text for ln in self.lines)[self.text_offset:]

    @property
    def indent(self) -> int:
        return self.lines[0].indent

    @property
    def text_col(self) -> int:
        return self.lines[0].indent + self.text_offset


def looks_like_heading(text: str) -> bool:
    text = " ".join(text.split())  # doubled spaces are no longer a heading
    if not HAS_LETTER.search(text):
        return False
    if (len(text) > 100 or len(text.split()) > 14) and not (len(text) <= 200 and is_title_case(text)):
        return False  # a long line is a heading only in title case (as a wrapped one: mark_headings)
    if ";" in text:
        return False  # a semicolon joins the parts of a sentence; no heading has one
    if text.count("\u201c") > text.count("\u201d") or text.count("(") > text.count(")"):
        return False  # a quotation or a bracket left open goes on on the next line
    if (text.count(",") >= 2 or len(text.split()) > 10) and not is_title_case(text):
        return False  # a run of sentence-case words with a list in it is a sentence cut by a line break
    if TERMINAL.search(text) or WRAP_END.search(text):
        return False
    first = text.lstrip("\"'\u201c\u2018(*_")[:1]
    return bool(first) and (first.isupper() or first.isdigit() or not first.isascii())


_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
                "with", "within", "between", "across", "through", "via", "vs", "under", "over", "toward",
                "towards", "about", "against", "among", "amid"}


def _wrapped_heading(first: str, second: str) -> bool:
    """Whether a paragraph of two lines is one heading wrapped ("Cooperation on Export Controls and
    Sanction-Related Export\nRestrictions"): both lines in title case together, the second shorter
    than the first (the rest of a filled line), and no date (a title over its date is two lines)."""
    return len(second) < len(first) and is_title_case(first) and is_title_case(f"{first} {second}") \
        and not DATE.search(second)


def is_title_case(text: str) -> bool:
    """A wrapped title ("Avoiding New and Unnecessary Barriers to Trade in New and Emerging\n
    Technologies"): every word but the small ones capitalised, no closing punctuation."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", text)
    if not 2 <= len(words) <= 25 or TERMINAL.search(text) or text.rstrip().endswith(","):
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words) and words[0][:1].isupper()


def _extent(line: Line) -> int:
    """Where a line ends, in columns, with a run of spaces between words counted as one: a doubled
    space inside a sentence is no reason to break a line sooner. (Two spaces after a full stop are a
    typist's habit that the filling counted, and count here too.)"""
    text = line.text
    if "  " not in text and "\t" not in text and "\u00a0" not in text:
        return line.indent + len(text)  # no run of two such spaces: nothing to count as one
    return line.indent + len(_SPACES_BETWEEN_WORDS.sub(" ", text))


# Two or more spaces between words, not after a sentence's or a clause's punctuation (unlike the
# normalizer's white-space runs, which are every run, for collapsing).
_SPACES_BETWEEN_WORDS = re.compile(r"(?<![.!?:;\u201d\"')])[ \t\u00a0]{2,}")


def _wrap_width(lines: list[Line | None]) -> int:
    """The width a hard-wrapped document was filled to, or 0 when its lines are whole paragraphs."""
    lengths = sorted(_extent(ln) for ln in lines if ln is not None)
    if len(lengths) < 4:
        return 0
    width = lengths[int(len(lengths) * 0.9)]
    if width <= 100:
        return width
    # Longer "lines" are usually paragraphs written on one line, unless many of them stop in mid
    # sentence with text on the next line: then the text was filled to a wide measure (a readout
    # filled to 115 columns).
    pairs = [(a, b) for a, b in zip(lines, lines[1:]) if a is not None]
    cut = sum(1 for a, b in pairs if b is not None and not TERMINAL.search(a.text))
    return width if pairs and cut >= 0.3 * len(pairs) and width <= 160 else 0


# A line of filled text that ends on one of these words was cut by the filling, so a marker-like start
# of the next line ("... pursuant to\n14. ...") is running text. "and"/"or" are left out: a list item
# often ends "...; and" before the next item.
_OPEN_END = re.compile(r"\b(?:the|a|an|of|to|in|on|for|with|by|at|from|under|pursuant|per|than)$", re.IGNORECASE)


def _filled_widths(lines: list[Line | None], width: int) -> list[int]:
    """The fill width for each line: the document's, or a paragraph's own where the paragraph is
    filled to another measure than the rest (re-wrapped at 50 columns in a text filled at 75): every
    line but its last ends within a few columns of its longest."""
    out = [width] * len(lines)
    k = 0
    while k < len(lines):
        if lines[k] is None:
            k += 1
            continue
        end = k
        while end < len(lines) and lines[end] is not None:
            end += 1
        group = [ln for ln in lines[k:end] if ln is not None]
        ends = [_extent(ln) for ln in group]
        longest = max(ends)
        if len(group) >= 3 and longest >= 40 and all(e >= longest - _RAGGED for e in ends[:-1]) \
                and abs(longest - width) > _OWN_MEASURE:
            out[k:end] = [longest] * (end - k)  # a measure of its own, not the document's
        k = end
    return out


#: How far a paragraph's longest line may be from the document's measure and still be filled to it
#: (the document's measure is an estimate over all its lines).
_OWN_MEASURE = 3

#: How far short of a filled paragraph's longest line its other lines may end (words do not fit
#: exactly); a shorter line is a break of the writer's.
_RAGGED = 15


def build_blocks(lines: list[Line | None]) -> list[Block]:
    """Group lines into blocks: headings, paragraphs, list items and tables (a block a table).

    A blank line (None) ends a block; a line with a list marker starts one, unless the marker is a
    number or a dash inside a sentence that the filling put at the start of a line; an unmarked line
    goes on the block before when :func:`_continues` says it is the same paragraph.
    """
    widths = _filled_widths(lines, _wrap_width(lines))
    rows = table_rows(lines)
    blocks: list[Block] = []
    cur: Block | None = None
    prev_alpha: str | None = None
    prev_upper: str | None = None
    counted: dict[str, str] = {}  # the last label of each numbered kind that began a block
    for i, line in enumerate(lines):
        if line is None:
            cur = None
            continue
        width = widths[i]
        if i in rows:  # a table: one block, a line a row, never marked or joined to prose
            if cur is None or not cur.table:
                cur = Block([], [], 0, table=True)
                blocks.append(cur)
            cur.lines.append(line)
            continue
        if cur is not None and cur.table:
            cur = None
        if cur is not None and width and _OPEN_END.search(cur.lines[-1].text):
            cur.lines.append(line)
            continue
        markers, offset, ends = parse_markers(line.text, prev_alpha, prev_upper)
        if markers and cur is not None and width and _marker_in_sentence(markers[0], counted, line, cur.lines[-1]):
            cur.lines.append(line)
            continue
        if markers and markers[0][0] in COUNTED:
            counted[markers[0][0]] = markers[0][1]
        prev_alpha, prev_upper = _last_letters(markers, prev_alpha, prev_upper)
        ends_paragraph = i + 1 >= len(lines) or lines[i + 1] is None
        if cur is not None and not markers and _continues(cur, line, width, ends_paragraph):
            cur.lines.append(line)
            continue
        cur = Block([line], markers, offset, marker_ends=ends)
        blocks.append(cur)
    return blocks


def _marker_in_sentence(marker: tuple[str, str], counted: dict[str, str], line: Line, last: Line) -> bool:
    """Whether the marker starting a line of filled text is part of the sentence on the line before.

    "... based on (1) development of\ndefense capabilities,\n(2) the alliance": an enumeration
    inside a sentence that the filling put at the start of a line (:func:`_inline_number`); "... such
    as the G7\n– we intend to ...": a dash in filled text that goes on mid-sentence.
    """
    if _inline_number(marker, counted, last.text):
        return True
    return marker[0] == "bullet" and line.text[:1] == "\u2013" and not TERMINAL.search(last.text) \
        and not re.search(r"(?:,|\band|\bor)$", last.text)


def _last_letters(markers: list[tuple[str, str]], prev_alpha: str | None,
                  prev_upper: str | None) -> tuple[str | None, str | None]:
    """The last lower-case and capital list letters seen, after the markers of one more line."""
    for kind, label in markers:
        if kind == "alpha":
            prev_alpha = label.strip("()")
        elif kind == "ALPHA":
            prev_upper = label
    return prev_alpha, prev_upper


def _inline_number(marker: tuple[str, str], counted: dict[str, str], before: str) -> bool:
    """Whether a number at the start of a filled line ("(2) the alliance") goes on the sentence of the
    line before: that line stops mid-sentence (on a comma, a dash, a word such as "and" or "of", or
    inside brackets: "(Special Publication 800-63, Revision\n3)") and no item numbered one less began
    a block."""
    kind, label = marker
    if kind not in COUNTED or not (WRAP_END.search(before) or before.count("(") > before.count(")")):
        return False
    n = ordinal(kind, label)
    previous = counted.get(kind)
    return n >= 2 and (previous is None or ordinal(kind, previous) != n - 1)


def _would_fit(last: Line, line: Line, width: int) -> bool:
    """Whether the first word of ``line`` would have fitted at the end of ``last`` (filled text
    breaks a line only when the next word does not fit, so a break before a word that fits is the
    writer's own)."""
    first_word = line.text.split(maxsplit=1)[0]
    return _extent(last) + 1 + len(first_word) <= width


def _continues(block: Block, line: Line, width: int, ends_paragraph: bool = False) -> bool:
    last = block.lines[-1]
    single = len(block.lines) == 1
    content = last.text[block.text_offset:] if single else last.text
    if single and block.markers and block.markers[0][0] == "md":
        return False
    if single and ends_paragraph and _wrapped_heading(content, line.text):
        return True
    if single and looks_like_heading(content) and (line.text[:1].isupper() or line.text[:1].isdigit()):
        # In filled text a heading-like line whose next word would not have fitted is the first line
        # of a paragraph ("Today, the leaders of ... partnership - Prime\nMinister ...").
        if (not block.markers or block.markers[0][0] in HEADING_KINDS) \
                and (not width or _would_fit(last, line, width)):
            return False
    if block.markers and line.indent > block.indent and (width or not TERMINAL.search(last.text)):
        return True  # hanging indent under a list item (in unfilled text a full stop ends the item)
    if not TERMINAL.search(last.text):
        return True  # the line stops mid-sentence
    if line.text[:1].islower():
        return True  # no sentence starts in lower case: the full stop was an abbreviation's ("U.S.\nposition")
    if width:
        return not _would_fit(last, line, width)
    return False


_SUSPENDED_BEFORE = {"and", "or", "nor", "to"}
_NON_BLANK = re.compile(r"\S+")


def fill_text(block: Block, source: str) -> None:
    """Join the block's lines into one text, collapsing white space, and keep anchors to the source."""
    parts: list[str] = []
    anchors: list[tuple[int, int]] = []
    pos = 0
    last = ""  # the word before this line's first
    for li, line in enumerate(block.lines):
        start = line.start + (block.text_offset if li == 0 else 0)
        found = list(_NON_BLANK.finditer(source, start, line.end))
        if not found:
            continue
        words = [m.group() for m in found]
        if parts and not (li > 0 and found[0].start() == start and _broken_word(last, words[0])):
            parts.append(" ")
            pos += 1
        at = list(accumulate((len(w) + 1 for w in words[:-1]), initial=pos))
        anchors.extend(zip(at, [m.start() for m in found]))
        parts.append(" ".join(words))
        pos = at[-1] + len(words[-1])
        last = words[-1]
    block.text = "".join(parts)
    block.anchors = anchors


def _broken_word(glue: str, word: str) -> bool:
    """Is ``word``, first on its line, the rest of ``glue`` broken after a hyphen at the end of the
    line before (joined without a space)? A line ending "small-" before "and medium-sized" keeps its
    space: a hyphen left hanging before "and", "or", "to" is the writer's, "small- and medium-sized"."""
    return glue.endswith(("-", "\u2010", "\u00ad")) and len(glue) > 1 and glue[-2].isalpha() \
        and word[:1].islower() and not (glue[-1] != "\u00ad" and word.rstrip(",;") in _SUSPENDED_BEFORE)


def line_range(block: Block, line: Line) -> tuple[int, int]:
    """The range of ``block.text`` that comes from ``line``."""
    words = [(t, src) for t, src in block.anchors if line.start <= src < line.end]
    if not words:
        return 0, 0
    last_t, last_src = words[-1]
    end = last_t + len(block.text[last_t:].split(" ", 1)[0])
    return words[0][0], end


def _anchor_key(anchor: tuple[int, int]) -> int:
    return anchor[0]


def to_source(block: Block, a: int, b: int) -> tuple[int, int]:
    """Map a half-open range of the block's text to a range of the source."""
    def at(p: int) -> int:
        # bisect on the anchors themselves: building a list of their keys on every call made a
        # block of n words cost O(n) per clause, quadratic on one huge paragraph.
        k = bisect_right(block.anchors, p, key=_anchor_key) - 1
        t, s = block.anchors[max(k, 0)]
        return s + (p - t)

    return at(a), at(max(a, b - 1)) + 1
