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

The clause cuts and the annotation live in :mod:`statediff.annotator`. Every clause keeps the span of
its text in the source. docs/clauses.md explains the rules.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .annotator import annotate
from .clause_cuts import split_clauses
from .errors import LimitError, PartError
from .lexicon import Lexicon, default_lexicon
from .model import Clause, Document, Part
from .normalizer import Line, fold, split_lines
from .tables import table_rows
from .textkit import CJK, HAS_LETTER, MONTHS, open_depth, trim

__all__ = ["segment", "split_sentences", "find_parts"]

# --------------------------------------------------------------------------------------------------
# Markers
# --------------------------------------------------------------------------------------------------

_D = "0-9\uff10-\uff19"  # ASCII and full-width digits
_ROMAN_LOWER = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"}
_ROMAN_UPPER = {r.upper() for r in _ROMAN_LOWER}
_BULLETS = ("\u25cf\u2022\u25cb\u25a0\u25a1\u25aa\u25c6\u25c7\u30fb\u25e6\u2023\u2043\u2219\u25b6\u25ba"
            "\u27a2\u2713\u2714\uf0b7")

# Each entry: (kind, regex). The regex's group "n" is the label. Order matters: the first match wins.
_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("md", re.compile(r"(?P<n>#{1,6})[ \t]+")),
    ("sec", re.compile(r"(?:Section|Chapter|Part|Article|Annex|SECTION|CHAPTER|PART|ARTICLE|ANNEX)[ \t\u00a0\u202f\u2007\u2009]+"
                       r"(?P<n>[0-9]{1,3}|[IVXLC]{1,6})\b"
                       # "Article 14 of the Agreement" in running text is not a heading: the label must
                       # end the line or be followed by punctuation or a capitalised title.
                       r"(?=[ \t\u00a0\u202f\u2007\u2009]*(?:$|[.:\u2014\u2013-]|[A-Z\u201c\"(]))"
                       r"[ \t\u00a0\u202f\u2007\u2009]*[.:\u2014\u2013-]?[ \t\u00a0\u202f\u2007\u2009]*")),
    ("dotted", re.compile(rf"(?P<n>[{_D}]{{1,3}}(?:[.\uff0e][{_D}]{{1,3}})+)[.\uff0e]?[ \t\u00a0\u202f\u2007\u2009\u3000]+(?=\S)")),  # noqa: E501
    ("num", re.compile(rf"(?P<n>[{_D}]{{1,3}})[.\uff0e](?![{_D}])[ \t\u00a0\u202f\u2007\u2009\u3000]*(?=[^\s.,;:)\]])")),
    ("paren", re.compile(rf"[(\uff08](?P<n>[{_D}]{{1,3}})[)\uff09][ \t\u00a0\u202f\u2007\u2009\u3000]*")),
    ("rparen", re.compile(rf"(?P<n>[{_D}]{{1,3}})[)\uff09][ \t\u00a0\u202f\u2007\u2009\u3000]+")),
    ("roman", re.compile(r"[(\uff08](?P<n>[ivxlc]{1,6})[)\uff09][ \t\u00a0\u202f\u2007\u2009]*|(?P<n2>[ivxlc]{1,6})[.)][ \t\u00a0\u202f\u2007\u2009]+")),  # noqa: E501
    ("ROMAN", re.compile(r"(?P<n>[IVXLC]{1,6})[.)][ \t\u00a0\u202f\u2007\u2009]+(?=\S)")),
    ("alpha", re.compile(r"[(\uff08](?P<n>[a-zA-Z])[)\uff09][ \t\u00a0\u202f\u2007\u2009]*|(?P<n2>[a-z])[.)][ \t\u00a0\u202f\u2007\u2009]+")),  # noqa: E501
    ("ALPHA", re.compile(r"(?P<n>[A-Z])[.)][ \t\u00a0\u202f\u2007\u2009]+(?=[A-Z])")),
    ("circ", re.compile(r"(?P<n>[\u2460-\u2473\u24ea\u2776-\u277f])[ \t\u00a0\u202f\u2007\u2009\u3000]*")),
    ("bullet", re.compile(rf"(?P<n>[{_BULLETS}])[ \t\u00a0\u202f\u2007\u2009\u3000\u2003]*|(?P<n2>[-*+\u2013])[ \t\u00a0\u202f\u2007\u2009]+(?=\S)")),  # noqa: E501
]
_HEADING_KINDS = {"md", "sec", "num", "dotted", "ROMAN", "ALPHA"}
# Markers whose headings may wrap over a few lines ("I. End the COVID-19 pandemic, prepare for future
# global health\n    challenges, ..."): a Roman or lettered section title is never a list item.
_TITLE_KINDS = {"md", "sec", "ROMAN", "ALPHA"}
_ITEM_KINDS_WITH_OWN_LABEL = {"num", "dotted", "paren", "rparen", "roman", "ROMAN", "alpha", "ALPHA", "circ", "sec"}


def _label(kind: str, m: re.Match[str]) -> str:
    raw = m.group("n") or (m.groupdict().get("n2") or "")
    if kind == "circ":
        return raw  # "①" is a label of its own: "2)①" reads as the document prints it
    raw = raw.translate(str.maketrans("\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19\uff0e",
                                      "0123456789."))
    if kind == "paren":
        return f"({raw})"
    if kind in ("rparen",):
        return f"{raw})"
    if kind in ("roman", "alpha") and m.group(0).lstrip().startswith(("(", "\uff08")):
        return f"({raw})"
    return raw


def _parse_markers(text: str, prev_alpha: str | None,
                   prev_upper: str | None = None) -> tuple[list[tuple[str, str]], int, list[int]]:
    """The list markers at the start of ``text`` (possibly nested, e.g. "4. ●sharing") and where the
    text proper starts."""
    markers: list[tuple[str, str]] = []
    ends: list[int] = []  # where each marker ends, for the text column of nested items ("4. ●sharing")
    pos = 0
    while pos < len(text) and len(markers) < 3:
        for kind, rx in _MARKERS:
            m = rx.match(text, pos)
            if not m or m.end() == pos:
                continue
            if kind == "md" and markers:
                continue
            label = _label(kind, m)
            bare = label.strip("()")
            if kind == "roman" and prev_alpha is not None and ord(bare[0]) == ord(prev_alpha) + 1 and len(bare) == 1:
                kind = "alpha"  # "(i)" after "(h)" is a letter, not a Roman numeral
            if kind == "ROMAN" and prev_upper is not None and len(bare) == 1 and ord(bare) == ord(prev_upper) + 1:
                kind = "ALPHA"  # "I." after "H." likewise
            if kind == "roman" and bare not in _ROMAN_LOWER:
                continue
            if kind == "ROMAN" and bare not in _ROMAN_UPPER:
                continue
            if kind == "ALPHA" and bare != "A" and (prev_upper is None or ord(bare) != ord(prev_upper) + 1):
                continue  # "A. Digital infrastructure", then "B. ...": a sentence may start "I. " or "E. "
            if kind == "alpha" and not m.group(0).lstrip().startswith(("(", "\uff08")):
                # "a. " at the start of a line: accept only a plausible list letter
                if bare not in "abcdefghijklmnopqrstuvwxyz" or (prev_alpha is None and bare != "a"):
                    continue
            markers.append((kind, label))
            ends.append(m.end())
            pos = m.end()
            break
        else:
            break
        if markers[-1][0] == "md":
            break
    return markers, pos, ends


# --------------------------------------------------------------------------------------------------
# Blocks
# --------------------------------------------------------------------------------------------------

# A sentence's end, with closing quotes or brackets and a footnote mark ("2023.[1]", "2023.\u00b9").
_TERMINAL = re.compile(r"[.!?;:\u3002\uff01\uff1f\uff1a\uff1b][\"'\u201d\u2019)\]\u300d\u300f\uff09]*"
                       r"(?:\[\d{1,3}\]|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,3})?$")
_WRAP_END = re.compile(r"(?:\b(?:and|or|the|a|an|of|to|in|on|for|with|by|at|from|as|that|which|its|their|our)"
                       r"|[,\u2014\u2013-])$",
                       re.IGNORECASE)


@dataclass
class _Block:
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


def _looks_like_heading(text: str) -> bool:
    text = " ".join(text.split())  # doubled spaces are no longer a heading
    if not HAS_LETTER.search(text):
        return False
    if (len(text) > 100 or len(text.split()) > 14) and not (len(text) <= 200 and _is_title_case(text)):
        return False  # a long line is a heading only in title case (as a wrapped one: _mark_headings)
    if ";" in text:
        return False  # a semicolon joins the parts of a sentence; no heading has one
    if text.count("\u201c") > text.count("\u201d") or text.count("(") > text.count(")"):
        return False  # a quotation or a bracket left open goes on on the next line
    if (text.count(",") >= 2 or len(text.split()) > 10) and not _is_title_case(text):
        return False  # a run of sentence-case words with a list in it is a sentence cut by a line break
    if _TERMINAL.search(text) or _WRAP_END.search(text):
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
    return len(second) < len(first) and _is_title_case(first) and _is_title_case(f"{first} {second}") \
        and not _DATE.search(second)


def _is_title_case(text: str) -> bool:
    """A wrapped title ("Avoiding New and Unnecessary Barriers to Trade in New and Emerging\n
    Technologies"): every word but the small ones capitalised, no closing punctuation."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", text)
    if not 2 <= len(words) <= 25 or _TERMINAL.search(text) or text.rstrip().endswith(","):
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words) and words[0][:1].isupper()


def _extent(line: Line) -> int:
    """Where a line ends, in columns, with a run of spaces between words counted as one: a doubled
    space inside a sentence is no reason to break a line sooner. (Two spaces after a full stop are a
    typist's habit that the filling counted, and count here too.)"""
    return line.indent + len(_SPACE_RUN.sub(" ", line.text))


_SPACE_RUN = re.compile(r"(?<![.!?:;\u201d\"')])[ \t\u00a0]{2,}")


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
    cut = sum(1 for a, b in pairs if b is not None and not _TERMINAL.search(a.text))
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


def _build_blocks(lines: list[Line | None]) -> list[_Block]:
    widths = _filled_widths(lines, _wrap_width(lines))
    rows = table_rows(lines)
    blocks: list[_Block] = []
    cur: _Block | None = None
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
                cur = _Block([], [], 0, table=True)
                blocks.append(cur)
            cur.lines.append(line)
            continue
        if cur is not None and cur.table:
            cur = None
        if cur is not None and width and _OPEN_END.search(cur.lines[-1].text):
            cur.lines.append(line)
            continue
        markers, offset, ends = _parse_markers(line.text, prev_alpha, prev_upper)
        if markers and cur is not None and width and _inline_number(markers[0], counted, cur.lines[-1].text):
            # "... based on (1) development of\ndefense capabilities,\n(2) the alliance": an enumeration
            # inside a sentence that the filling put at the start of a line
            cur.lines.append(line)
            continue
        if markers and markers[0][0] in _COUNTED:
            counted[markers[0][0]] = markers[0][1]
        if markers and markers[0][0] == "bullet" and line.text[:1] == "\u2013" and cur is not None and width \
                and not _TERMINAL.search(cur.lines[-1].text) \
                and not re.search(r"(?:,|\band|\bor)$", cur.lines[-1].text):
            # "... such as the G7\n– we intend to ...": a dash in filled text that goes on mid-sentence
            cur.lines.append(line)
            continue
        for kind, label in markers:
            if kind == "alpha":
                prev_alpha = label.strip("()")
            elif kind == "ALPHA":
                prev_upper = label
        ends_paragraph = i + 1 >= len(lines) or lines[i + 1] is None
        if cur is not None and not markers and _continues(cur, line, width, ends_paragraph):
            cur.lines.append(line)
            continue
        cur = _Block([line], markers, offset, marker_ends=ends)
        blocks.append(cur)
    return blocks


_COUNTED = ("num", "paren", "rparen", "roman", "alpha")


def _ordinal(kind: str, label: str) -> int:
    """The place of an item label in its numbering: "(2)" and "ii" and "(b)" are all 2."""
    core = label.strip("()")
    if kind == "roman":
        values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
        total = 0
        for k, ch in enumerate(core):
            v = values[ch]
            total += -v if k + 1 < len(core) and values[core[k + 1]] > v else v
        return total
    if kind == "alpha":
        return ord(core.lower()) - ord("a") + 1
    return int(core)


def _inline_number(marker: tuple[str, str], counted: dict[str, str], before: str) -> bool:
    """Whether a number at the start of a filled line ("(2) the alliance") goes on the sentence of the
    line before: that line stops mid-sentence (on a comma, a dash, a word such as "and" or "of", or
    inside brackets: "(Special Publication 800-63, Revision\n3)") and no item numbered one less began
    a block."""
    kind, label = marker
    if kind not in _COUNTED or not (_WRAP_END.search(before) or before.count("(") > before.count(")")):
        return False
    n = _ordinal(kind, label)
    previous = counted.get(kind)
    return n >= 2 and (previous is None or _ordinal(kind, previous) != n - 1)


def _would_fit(last: Line, line: Line, width: int) -> bool:
    """Whether the first word of ``line`` would have fitted at the end of ``last`` (filled text
    breaks a line only when the next word does not fit, so a break before a word that fits is the
    writer's own)."""
    first_word = line.text.split(maxsplit=1)[0]
    return _extent(last) + 1 + len(first_word) <= width


def _continues(block: _Block, line: Line, width: int, ends_paragraph: bool = False) -> bool:
    last = block.lines[-1]
    single = len(block.lines) == 1
    content = last.text[block.text_offset:] if single else last.text
    if single and block.markers and block.markers[0][0] == "md":
        return False
    if single and ends_paragraph and _wrapped_heading(content, line.text):
        return True
    if single and _looks_like_heading(content) and (line.text[:1].isupper() or line.text[:1].isdigit()):
        # In filled text a heading-like line whose next word would not have fitted is the first line
        # of a paragraph ("Today, the leaders of ... partnership - Prime\nMinister ...").
        if (not block.markers or block.markers[0][0] in _HEADING_KINDS) \
                and (not width or _would_fit(last, line, width)):
            return False
    if block.markers and line.indent > block.indent and (width or not _TERMINAL.search(last.text)):
        return True  # hanging indent under a list item (in unfilled text a full stop ends the item)
    if not _TERMINAL.search(last.text):
        return True  # the line stops mid-sentence
    if line.text[:1].islower():
        return True  # no sentence starts in lower case: the full stop was an abbreviation's ("U.S.\nposition")
    if width:
        return not _would_fit(last, line, width)
    return False


_SUSPENDED_BEFORE = {"and", "or", "nor", "to"}


def _fill_text(block: _Block, source: str) -> None:
    """Join the block's lines into one text, collapsing white space, and keep anchors to the source."""
    parts: list[str] = []
    anchors: list[tuple[int, int]] = []
    pos = 0
    for li, line in enumerate(block.lines):
        start = line.start + (block.text_offset if li == 0 else 0)
        for m in re.finditer(r"\S+", source[start:line.end]):
            word = m.group(0)
            if parts:
                glue = parts[-1]
                # A word broken after a hyphen at the end of a line is joined without a space.
                # ("small-\nand medium-sized" keeps its space: a hyphen left hanging before "and", "or",
                # "to" is the writer's, "small- and medium-sized".)
                if m.start() == 0 and li > 0 and glue.endswith(("-", "\u2010", "\u00ad")) and len(glue) > 1 \
                        and glue[-2].isalpha() and word[:1].islower() \
                        and not (glue[-1] != "\u00ad" and word.rstrip(",;") in _SUSPENDED_BEFORE):
                    pass
                else:
                    parts.append(" ")
                    pos += 1
            anchors.append((pos, start + m.start()))
            parts.append(word)
            pos += len(word)
    block.text = "".join(parts)
    block.anchors = anchors


def _line_range(block: _Block, line: Line) -> tuple[int, int]:
    """The range of ``block.text`` that comes from ``line``."""
    words = [(t, src) for t, src in block.anchors if line.start <= src < line.end]
    if not words:
        return 0, 0
    last_t, last_src = words[-1]
    end = last_t + len(block.text[last_t:].split(" ", 1)[0])
    return words[0][0], end


def _anchor_key(anchor: tuple[int, int]) -> int:
    return anchor[0]


def _to_source(block: _Block, a: int, b: int) -> tuple[int, int]:
    """Map a half-open range of the block's text to a range of the source."""
    def at(p: int) -> int:
        # bisect on the anchors themselves: building a list of their keys on every call made a
        # block of n words cost O(n) per clause, quadratic on one huge paragraph.
        k = bisect_right(block.anchors, p, key=_anchor_key) - 1
        t, s = block.anchors[max(k, 0)]
        return s + (p - t)

    return at(a), at(max(a, b - 1)) + 1


# --------------------------------------------------------------------------------------------------
# Sentences and clauses
# --------------------------------------------------------------------------------------------------

# Words that, capitalised after an abbreviation's full stop, start a new sentence ("... to 11:15
# p.m. After the meeting, ..."). Function words only: a name after "Mr." or "U.S." never splits.
_SENTENCE_STARTERS = (
    "the a an this these that those it its they their we our he his she her i there in on at after before "
    "during following furthermore moreover however also both all each as with for to while when since "
    "although finally additionally meanwhile today regarding and but then thus"
).split()


def _abbreviations() -> set[str]:
    data = resources.files("statediff").joinpath("data/abbreviations.txt").read_text(encoding="utf-8")
    return {ln.strip().casefold() for ln in data.splitlines() if ln.strip() and not ln.startswith("#")}


@lru_cache(maxsize=1)
def _punkt():
    from .nltk_parts import modules

    punkt = modules()[0]
    params = punkt.PunktParameters()
    params.abbrev_types = _abbreviations()
    params.sent_starters = set(_SENTENCE_STARTERS)
    return punkt.PunktSentenceTokenizer(params)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``: Punkt with statediff's abbreviations, never splitting inside a
    quotation or parentheses; Japanese and Chinese sentences end at 。！？.

    >>> t = 'Mr. Kishi met H.E. Ms. Parly. They agreed.'
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['Mr. Kishi met H.E. Ms. Parly.', 'They agreed.']
    """
    if not text.strip():
        return []
    if CJK.search(text) and re.search(r"[\u3002\uff01\uff1f]", text):
        return _cjk_sentences(text)
    spans = _merge_open_quotes(text, list(_punkt().span_tokenize(text)))
    # A "sentence" that starts with a lower-case word continues the one before ("... practices.
    # including by fostering ..."): a stray full stop, not a sentence end.
    # Likewise a "sentence" that is a parenthesis, or follows a short one ("Gen. (Ret.) Smith").
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        first = text[a:b].split(maxsplit=1)[0] if text[a:b].strip() else ""
        after_aside = bool(merged) and re.search(r"\(\S{1,12}\.\)$", text[max(merged[-1][0], merged[-1][1] - 20):
                                                                         merged[-1][1]])
        if merged and ((first.isalpha() and first.islower()) or first.startswith("(") or after_aside):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return [piece for a, b in merged for piece in _bounded(text, a, b)]


#: A "sentence" longer than this is cut at white space into pieces no longer than it. Real statements
#: stay far below it (the longest clause in the fixtures is about 1,300 characters); text with no
#: sentence punctuation at all (a pasted table, a run of unbalanced parentheses) would otherwise become
#: one sentence that the clause analysis, which looks back from every verb, handles in quadratic time.
MAX_SENTENCE = 4000


def _bounded(text: str, a: int, b: int) -> list[tuple[int, int]]:
    pieces = []
    while b - a > MAX_SENTENCE:
        cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        cut = cut if cut > a else a + MAX_SENTENCE
        pieces.append(trim(text, a, cut))
        a = cut
    pieces.append(trim(text, a, b))
    return [p for p in pieces if p[1] > p[0]]


_CJK_OPEN = "\u300c\u300e\uff08(\u201c"
_CJK_CLOSE = "\u300d\u300f\uff09)\u201d"


def _cjk_sentences(text: str) -> list[tuple[int, int]]:
    """Japanese and Chinese sentences: they end at 。！？ outside brackets, so that a quotation
    ending in 。 (日本側は「協力する。」と述べた。) stays inside its sentence."""
    spans = []
    start = depth = 0
    for i, ch in enumerate(text):
        if ch in _CJK_OPEN:
            depth += 1
        elif ch in _CJK_CLOSE:
            depth = max(0, depth - 1)
        elif ch in "\u3002\uff01\uff1f!?" and depth == 0:
            spans.append(trim(text, start, i + 1))
            start = i + 1
    if text[start:].strip():
        spans.append(trim(text, start, len(text)))
    return [(a, b) for a, b in spans if b > a]


def _merge_open_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rejoin sentences cut inside a quotation or parentheses ("... called it 'a partner. We ...'").

    The depth of the sentence being built is kept as running counts (brackets opened minus closed,
    and straight double quotes), so a long run of merges stays linear."""
    merged: list[tuple[int, int]] = []
    brackets = quotes = 0
    for a, b in spans:
        piece = text[a:b]
        open_now = brackets + (quotes % 2) > 0
        if merged and open_now:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
            brackets = quotes = 0
        quotes += piece.count('"')
        brackets += open_depth(piece.replace('"', ""))
    return merged


# --------------------------------------------------------------------------------------------------
# Structure, numbering, parts
# --------------------------------------------------------------------------------------------------


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
class _Numbered:
    block: _Block
    number: str
    section: str


@dataclass
class _Level:
    role: str  # "H" numbered heading, "U" unnumbered heading, "I" list item
    kind: str
    label: str
    col: int  # text column, to tell which items an unmarked paragraph is indented under
    in_items: bool = True  # whether item numbers under this heading carry its label


def _mark_headings(blocks: list[_Block]) -> None:
    for i, b in enumerate(blocks):
        if b.table:
            continue
        kinds = [k for k, _ in b.markers]
        content = b.lines[0].text[b.text_offset:]
        if kinds and kinds[0] in ("md", "sec"):
            b.heading = True
        elif i == 0 and len(b.lines) <= 6 and not kinds and len(b.text_joined()) <= 250 \
                and not _TERMINAL.search(b.text_joined()):
            b.heading = True  # a long title on the first line (or wrapped over a few)
        elif i < 4 and not kinds and all(blk.heading for blk in blocks[:i]) \
                and (_looks_like_heading(b.text_joined()) or _DATE.fullmatch(b.text_joined().strip())):
            b.heading = True  # front matter such as "Japan Ministry of Defense / in Japanese" or "2023/04/02"
        elif not kinds and 2 <= len(b.lines) <= 5 and _is_title_case(b.text_joined()):
            b.heading = True  # a wrapped unnumbered title
        elif not kinds and len(b.lines) == 2 and len(b.lines[1].text) < len(b.lines[0].text) \
                and _looks_like_heading(b.text_joined()):
            b.heading = True  # a one-line heading wrapped ("Standardization work on critical and\nemerging ...")
        elif len(b.lines) == 1 and (not kinds or kinds[0] in _HEADING_KINDS) and content.endswith(":") \
                and len(content.split()) <= 8 and _is_title_case(content.rstrip(":")):
            b.heading = True  # "Regional Affairs:" (a lead-in such as "We intend to:" is not title case)
        elif len(kinds) == 1 and kinds[0] in _TITLE_KINDS and len(b.lines) <= 3 \
                and len(b.text_joined()) <= 200 and not _TERMINAL.search(b.text_joined()):
            b.heading = True  # a lettered or Roman section title, wrapped or not
        elif len(b.lines) == 1 and (not kinds or (len(kinds) == 1 and kinds[0] in _HEADING_KINDS)) \
                and _looks_like_heading(content):
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            # A short unpunctuated list item among items of the same kind is an item, not a heading.
            if kinds and nxt is not None and nxt.markers and nxt.markers[0][0] == kinds[0] \
                    and not _looks_like_heading(nxt.text_joined()):
                b.heading = True
            elif kinds and nxt is not None and nxt.markers and nxt.markers[0] == b.markers[0]:
                b.heading = False
            else:
                b.heading = True


def _is_subtitle(blocks: list[_Block], i: int, front: int) -> bool:
    """An unnumbered heading right under a numbered one with nothing between ("Annex I" /
    "Statement on Investment Screening") is the title of that section, not a section of its own."""
    b = blocks[i]
    prev = blocks[i - 1] if i - 1 >= front else None
    return b.heading and not b.markers and prev is not None and prev.heading and bool(prev.markers) \
        and prev.markers[0][0] != "md"


def _heading_text(b: _Block) -> str:
    joined = " ".join(b.text_joined().split())  # white space collapsed, as in clause texts
    rest = joined.strip("*_").rstrip(":").strip()  # "*Post-Quantum*", "Regional Affairs:"
    return rest or " ".join(b.lines[0].text.split())


def _numbering(blocks: list[_Block], front: int = 0) -> list[_Numbered]:
    """Clause numbers from the document's own structure.

    Numbered headings and items contribute their labels ("4", "(1)" -> "4(1)"); a heading's label is
    left out of the numbers of its items when the items do not restart under it (a document that
    numbers its paragraphs 1..34 across sections keeps "12"). Unnumbered headings count as "1", "2"
    ... at the top of the document and "h1", "h2" ... inside a numbered section. Unmarked paragraphs
    count "p1", "p2" ... within their heading or item, so inserting a paragraph renumbers only the
    paragraphs after it under the same heading.
    """
    out: list[_Numbered] = []
    stack: list[_Level] = []
    counters: dict[tuple[str, ...], int] = {}
    section = ""
    # When no item label repeats anywhere, the document numbers its paragraphs across its unnumbered
    # headings ("Preamble / 1. 2. / Ukraine / 3."): the items keep their own numbers under them.
    runs_on = not _labels_repeat(blocks[front:])

    def pop_to_headings() -> None:
        while stack and stack[-1].role in ("I", "U"):
            stack.pop()

    def count(key: tuple[str, ...]) -> int:
        counters[key] = counters.get(key, 0) + 1
        return counters[key]

    for bi, b in enumerate(blocks):
        if bi < front:
            continue  # title and metadata lines are not sections
        if b.heading and (not b.markers or b.markers[0][0] == "md"):
            text = _heading_text(b)
            if not b.markers and _is_subtitle(blocks, bi, front):
                section = f"{section}: {text}" if section else text
                continue
            kind = b.markers[0][1] if b.markers else ""
            if kind:  # Markdown: a heading closes the headings of its own level and below
                while stack and (stack[-1].role in ("I", "U") or (stack[-1].kind.startswith("#")
                                                                 and len(stack[-1].kind) >= len(kind))):
                    stack.pop()
            else:
                pop_to_headings()
            parent = tuple(lv.label for lv in stack)
            k = count(parent + ("u",))
            label = f"h{k}" if any(lv.role == "H" for lv in stack) else str(k)
            stack.append(_Level("U" if not kind else "H", kind, label, b.text_col,
                                (not runs_on or bool(kind)) and _restarts_items(blocks, bi)))
            section = text
            continue
        if b.heading:
            kind, label = b.markers[0]
            pop_to_headings()
            if any(lv.role == "H" and lv.kind == kind for lv in stack):
                while not (stack[-1].role == "H" and stack[-1].kind == kind):
                    stack.pop()
                stack.pop()
            stack.append(_Level("H", kind, label, b.text_col, _restarts_items(blocks, bi)))
            section = _heading_text(b)
            continue
        if b.markers:
            labels: list[str] = []
            for mi, (kind, label) in enumerate(b.markers):
                col = b.indent + b.marker_ends[mi] if mi < len(b.marker_ends) else b.text_col
                # A numbered item after a bullet list, not indented under the bullets' text, ends the
                # list ("- ...\n- ...\n3. ..." is item 3, not the last bullet's sub-item).
                while mi == 0 and kind != "bullet" and stack and stack[-1].role == "I" \
                        and stack[-1].kind == "bullet" and b.indent < stack[-1].col:
                    stack.pop()
                if any(lv.role == "I" and lv.kind == kind for lv in stack):
                    while not (stack[-1].role == "I" and stack[-1].kind == kind):
                        stack.pop()
                    stack.pop()
                if kind == "bullet":
                    label = f"b{count(tuple(lv.label for lv in stack) + ('b',))}"
                stack.append(_Level("I", kind, label, col))
            if any(lv.role == "I" and lv.kind != "bullet" for lv in stack):
                number = _join_number([lv.label for lv in stack if lv.label and (lv.role == "I" or lv.in_items)])
            else:  # bullets count within their section: "II.A.b2"
                number = _join_number([lv.label for lv in stack if lv.label])
            out.append(_Numbered(b, number, section))
            continue
        # An unmarked paragraph sits inside the items whose text it is indented under.
        # A paragraph aligned with a bullet's text after the list is prose of the list's parent.
        while stack and stack[-1].role == "I" and (b.indent < stack[-1].col
                                                   or (stack[-1].kind == "bullet" and b.indent <= stack[-1].col)):
            stack.pop()
        labels = [lv.label for lv in stack if lv.label]
        k = count(tuple(labels) + ("p",))
        out.append(_Numbered(b, _join_number(labels + [f"p{k}"]), section))
    return out


def _labels_repeat(blocks: list[_Block]) -> bool:
    """Whether a top-level item label ("1.", "(1)") occurs under two different headings."""
    seen: dict[tuple[str, str], int] = {}
    heading = 0
    for b in blocks:
        if b.heading:
            heading += 1
            continue
        if b.markers and b.markers[0][0] in _ITEM_KINDS_WITH_OWN_LABEL:
            key = b.markers[0]
            if seen.setdefault(key, heading) != heading:
                return True
    return False


def _front_matter(blocks: list[_Block]) -> int:
    """How many blocks at the start are title and metadata lines (headings before any paragraph).

    The last of them is the first section's heading instead when the document has more unnumbered
    headings later and it is neither a repeated title nor a date ("Title / General / ... / Regional").
    """
    n = 0
    for i, b in enumerate(blocks):
        if b.heading and (not b.markers or (i == 0 and b.markers[0][0] == "md")):
            n += 1
        else:
            break
    if n >= 2 and not blocks[n - 1].markers:
        last = fold(blocks[n - 1].text_joined()).casefold()
        later = any(b.heading and not b.markers for b in blocks[n:])
        repeated = any(fold(b.text_joined()).casefold() == last for b in blocks[:n - 1])
        if later and not repeated and not _DATE.search(blocks[n - 1].text_joined()):
            return n - 1
    if n and _PART_NAME.match(fold(blocks[n - 1].text_joined())):
        n -= 1  # "Preamble": the first section, never the document's title
    return n


# Headings that name a part of a document, never a whole document.
_PART_NAME = re.compile(r"\s*(?:preamble|introduction|overview|background|summary|context|general|opening)"
                        r"\s*[:.]?\s*$", re.IGNORECASE)


def _first_label(blocks: list[_Block], i: int) -> str | None:
    """The label of the first numbered item after heading ``i`` and before the next unnumbered
    heading, without brackets; None when there is none."""
    for j in range(i + 1, len(blocks)):
        b = blocks[j]
        if b.heading:
            if j == i + 1 and _is_subtitle(blocks, j, 0):
                continue
            if blocks[i].markers or not b.markers or b.markers[0][0] == "md":
                return None  # the next section begins: none of its items count here
            # Under an unnumbered heading, numbered section titles ("1. Introduction") are its items.
        for kind, label in b.markers:
            if kind in _ITEM_KINDS_WITH_OWN_LABEL:
                return label.strip("()").rstrip(")")
    return None


_FIRST_LABELS = ("1", "a", "i", "I", "A", "\u2460", "\u2776")


def _starts_numbering(blocks: list[_Block], i: int) -> bool:
    """Whether the first numbered item after heading ``i`` counts from the start ("1.", "(a)")."""
    return _first_label(blocks, i) in _FIRST_LABELS


def _restarts_items(blocks: list[_Block], i: int) -> bool:
    """Whether items under heading ``i`` need its label: false only when they go on counting from
    the previous section ("I." then items "4.", "5."), so that the document's own numbers stay."""
    label = _first_label(blocks, i)
    return label is None or label in _FIRST_LABELS


_MEETING_DATE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
                           r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def find_parts(blocks: list[_Block], lexicon: Lexicon | None = None) -> list[int]:
    """Indexes of the blocks that open a part (one meeting of a document that reports several).

    A part opens with an unnumbered heading after the opening material, followed by a paragraph that
    tells the meeting (a date, or narrative such as "held a meeting" / "met with") and then by
    numbering that starts again at 1. Topic headings and an annex's title are not parts; a document
    needs two such headings to have parts.
    """
    lexicon = lexicon or default_lexicon()
    start = _front_matter(blocks)
    seen_content = False
    heads = []
    for i, b in enumerate(blocks[start:], start):
        if not b.heading:
            seen_content = True
            continue
        if b.markers or not seen_content or _is_subtitle(blocks, i, start):
            continue
        # The paragraphs between the heading and its first section or item tell the meeting.
        opening = []
        for b2 in blocks[i + 1:i + 4]:
            if b2.heading or b2.markers:
                break
            opening.append(b2.text_joined())
        told = any(_MEETING_DATE.search(t) or lexicon.is_context(t) for t in opening)
        if told and _starts_numbering(blocks, i):
            heads.append(i)
    return heads if len(heads) >= 2 else []


# --------------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------------

_DATE = re.compile(
    r"\b(?:(?P<mdy>(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4}))"
    r"|(?P<dmy>(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>January|February|March|April|May|June|July|August|September"
    r"|October|November|December),?\s+(?P<y2>\d{4}))"
    r"|(?P<iso>(?P<y3>\d{4})[-/.](?P<m3>\d{1,2})[-/.](?P<d3>\d{1,2})))\b", re.IGNORECASE)  # "MAY 18, 2023"


def find_date(text: str) -> str:
    """The first date written out in ``text``, as ISO "YYYY-MM-DD", or ""."""
    m = _DATE.search(text)
    if not m:
        return ""
    if m.group("mdy"):
        return f"{int(m.group('y1')):04d}-{MONTHS[m.group('m1').capitalize()]:02d}-{int(m.group('d1')):02d}"
    if m.group("dmy"):
        return f"{int(m.group('y2')):04d}-{MONTHS[m.group('m2').capitalize()]:02d}-{int(m.group('d2')):02d}"
    return f"{m.group('y3')}-{int(m.group('m3')):02d}-{int(m.group('d3')):02d}"


def _select_part(parts: list[Part], part: int | str) -> Part:
    if isinstance(part, int) or (isinstance(part, str) and part.strip().isdigit()):
        k = int(part)
        if not parts:
            if k == 1:
                return Part(1, "", (0, 0))
            raise PartError(f"part {k} does not exist: the document has no parts")
        if not 1 <= k <= len(parts):
            raise PartError(f"part {k} does not exist: the document has {len(parts)} parts")
        return parts[k - 1]
    want = fold(part).casefold()
    found = [p for p in parts if want in fold(p.title).casefold()]
    if not found:
        titles = "; ".join(f"{p.index}: {p.title}" for p in parts) or "none"
        raise PartError(f"no part title contains {part!r} (parts: {titles})")
    if len(found) > 1:
        titles = "; ".join(f"{p.index}: {p.title}" for p in found)
        raise PartError(f"{part!r} matches several parts ({titles}); name one more precisely or by number")
    return found[0]


def segment(source: str, *, name: str = "<text>", format: str = "text", part: int | str | None = None,
            lexicon: Lexicon | None = None, date: str = "", max_clauses: int | None = None) -> Document:
    """Cut ``source`` into numbered, annotated clauses and return the :class:`Document`.

    ``part`` selects one part (1-based index or a title substring) of a document holding several
    meetings; clause numbers are then counted within that part. With ``max_clauses``, a document
    found to hold more clauses raises :class:`LimitError` as soon as it is known, before the rest
    is annotated.
    """
    lexicon = lexicon or default_lexicon()
    lines, dropped = split_lines(source)
    blocks = _build_blocks(lines)
    _mark_headings(blocks)
    for b in blocks:
        _fill_text(b, source)
    front = _front_matter(blocks)
    title = blocks[0].text if front else ""
    heads = find_parts(blocks, lexicon)
    ranges: list[tuple[int, int, str]] = []
    parts: list[Part] = []
    if heads:
        bounds = [front, *heads, len(blocks)]
        for k, (s, e) in enumerate(zip(bounds, bounds[1:])):
            if k == 0 and not any(not b.heading for b in blocks[s:e]):
                continue
            t = blocks[s].text if s in heads else (title or "Opening")
            ranges.append((s, e, t))
        for k, (s, e, t) in enumerate(ranges, 1):
            span = (blocks[s].lines[0].start, blocks[e - 1].lines[-1].end)
            parts.append(Part(k, t, span))
    selected = ""
    # (blocks, number prefix, how many leading blocks are a title rather than content)
    groups: list[tuple[list[_Block], str, int]]
    if part is not None and not (isinstance(part, str) and not part.strip()):
        chosen = _select_part(parts, part)
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

    clauses: list[Clause] = []
    for group, prefix, skip in groups:
        lead: Clause | None = None
        for n in _numbering(group, front=skip):
            made = _clauses_of(n, prefix, lexicon, lead)
            clauses.extend(made)
            if max_clauses is not None and len(clauses) > max_clauses:
                raise LimitError(f"{name} has more than {max_clauses:,} clauses")
            if made and made[-1].text.rstrip().endswith((":", "\uff1a")) and made[-1].kind == "commitment":
                lead = made[-1]
            elif not n.block.markers:
                lead = None  # a list ends at the first unmarked paragraph

    clauses = _unique_numbers(clauses)
    if not date:
        head_text = " ".join(b.text for b in blocks[: front + 2])
        date = find_date(head_text)
    return Document(name=name, source=source, clauses=tuple(clauses), title=title, date=date,
                    format=format, parts=tuple(parts), part=selected, dropped=tuple(dropped))


def _clauses_of(n: _Numbered, prefix: str, lexicon: Lexicon, lead: Clause | None) -> list[Clause]:
    """The block's clauses, numbered and annotated.

    ``lead`` is the clause before the block when it ends in a colon ("... through the following
    measures:"): list items without a verb of their own carry its actor, verb and stance.
    """
    block = n.block
    text = block.text
    spans: list[tuple[int, int]] = []
    if block.table:
        spans = [span for span in (_line_range(block, line) for line in block.lines) if span[0] < span[1]]
    else:
        for a, b in split_sentences(text):
            spans.extend(split_clauses(text, a, b, lexicon))
    out: list[Clause] = []
    actor = ""
    many = len(spans) > 1
    block_id = id(block) & 0x7FFFFFFF
    for k, (a, b) in enumerate(spans, 1):
        ctext = text[a:b]
        ann = annotate(ctext, lexicon)
        kind, who, verb, stance = ann.kind, ann.actor, ann.verb, ann.stance
        if kind == "commitment" and not who and ann.inherit:
            who = actor
        if k == 1 and lead is not None and block.markers and not ann.actor and \
                (kind == "context" or len(ctext[:ctext.find(verb) if verb in ctext else 0].split()) > 2):
            # An item of "We intend to:" without a subject of its own ("Hold ransomware actors
            # accountable ...") carries the lead-in's commitment.
            kind, who, verb, stance = lead.kind, lead.actor, lead.verb, lead.stance
        if who:
            actor = who
        number = prefix + n.number + (f".{k}" if many else "")
        out.append(Clause(number=number, text=ctext, span=_to_source(block, a, b), section=n.section,
                          kind=kind, actor=who, verb=verb, stance=stance, negated=ann.negated,
                          modality=ann.modality, block=block_id))
    return out


def _unique_numbers(clauses: list[Clause]) -> list[Clause]:
    from dataclasses import replace

    seen: dict[str, int] = {}
    out = []
    blocks: dict[int, int] = {}
    for c in clauses:
        ordinal = blocks.setdefault(c.block, len(blocks))
        number = c.number or "p"
        if number in seen:
            seen[number] += 1
            number = f"{number}~{seen[number]}"
        seen.setdefault(number, 1)
        out.append(replace(c, number=number, block=ordinal))
    return out
