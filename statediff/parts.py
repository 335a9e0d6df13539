"""Parts: the meetings of a document that reports several, and the title lines before them.

:func:`front_matter` tells how many leading blocks are the document's title and metadata;
:func:`find_parts` finds the unnumbered headings that open a meeting's account (a paragraph that tells
the meeting, then numbering that starts again at 1); :func:`select_part` picks one by index or title.
"""

from __future__ import annotations

import re

from .blocks import Block
from .dates import DATE, MEETING_DATE
from .errors import PartError
from .lexicon import Lexicon, default_lexicon
from .model import Part
from .normalizer import fold
from .structure import is_subtitle, starts_numbering

__all__ = ["find_parts", "front_matter", "select_part"]


def front_matter(blocks: list[Block]) -> int:
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
        if later and not repeated and not DATE.search(blocks[n - 1].text_joined()):
            return n - 1
    if n and _PART_NAME.match(fold(blocks[n - 1].text_joined())):
        n -= 1  # "Preamble": the first section, never the document's title
    return n


# Headings that name a part of a document, never a whole document.
_PART_NAME = re.compile(r"\s*(?:preamble|introduction|overview|background|summary|context|general|opening)"
                        r"\s*[:.]?\s*$", re.IGNORECASE)


def find_parts(blocks: list[Block], lexicon: Lexicon | None = None) -> list[int]:
    """Indexes of the blocks that open a part (one meeting of a document that reports several).

    A part opens with an unnumbered heading after the opening material, followed by a paragraph that
    tells the meeting (a date, or narrative such as "held a meeting" / "met with") and then by
    numbering that starts again at 1. Topic headings and an annex's title are not parts; a document
    needs two such headings to have parts.
    """
    lexicon = lexicon or default_lexicon()
    start = front_matter(blocks)
    seen_content = False
    heads = []
    for i, b in enumerate(blocks[start:], start):
        if not b.heading:
            seen_content = True
            continue
        if b.markers or not seen_content or is_subtitle(blocks, i, start):
            continue
        # The paragraphs between the heading and its first section or item tell the meeting.
        opening = []
        for b2 in blocks[i + 1:i + 4]:
            if b2.heading or b2.markers:
                break
            opening.append(b2.text_joined())
        told = any(MEETING_DATE.search(t) or lexicon.is_context(t) for t in opening)
        if told and starts_numbering(blocks, i):
            heads.append(i)
    return heads if len(heads) >= 2 else []


def select_part(parts: list[Part], part: int | str) -> Part:
    """The part ``part`` names: a 1-based index (as a number or digits) or a title substring
    (case-insensitive). A document without parts is its own part 1."""
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
