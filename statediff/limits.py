"""What statediff compares at once: the one place the size limits of a comparison are decided.

The aligner scores every pair of clauses (a dense matrix) and the classifier reads every linked pair
word by word, so time and memory grow with the product of the clause counts, with the number of
clauses and with the length of the text. The limits below keep the worst case of one comparison
within 10 s and 1 GB on one core of a small machine (``bench/compare.py --scale`` measures the
worst inputs within them), and still hold several times the longest statements: the longest in
``fixtures/`` has 252 clauses and 60,000 characters; a G7 summit communiqué has some 700 clauses and
130,000 characters.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from .errors import LimitError
from .model import Document

__all__ = ["MAX_CLAUSE_PAIRS", "MAX_CLAUSES", "MAX_TEXT", "check_document", "check_pair", "check_text", "cut_within",
           "least_clauses", "pairs_note", "SURE", "TextLimitError"]

#: The most clause pairs compared at once (2,000 x 2,000).
MAX_CLAUSE_PAIRS = 4_000_000

#: The most clauses a compared document may hold (against a short one: "100,000 identical lines").
MAX_CLAUSES = 10_000

#: The most characters of clause text a compared document may hold: some 90,000 words, four times a
#: G7 summit communiqué.
MAX_TEXT = 600_000


class TextLimitError(LimitError):
    """A document found, while it is cut into clauses, to hold more clause text than a limit."""


def text_refusal(name: str, size: int, *, limit: int | None = None, partial: bool = False,
                 what: str = "characters of clauses") -> TextLimitError:
    """The refusal of document ``name`` with ``size`` characters of clauses (``partial``: more than
    that; ``what`` they are), past ``limit`` (default :data:`MAX_TEXT`)."""
    held = f"more than {size:,}" if partial else f"{size:,}"
    return TextLimitError(f"{name} is too long to compare: {held} {what}; statediff compares "
                          f"documents of up to {MAX_TEXT if limit is None else limit:,} characters")


def clauses_refusal(name: str, count: int, *, partial: bool = False) -> LimitError:
    """The refusal of document ``name`` with ``count`` clauses (``partial``: at least)."""
    held = f"more than {count:,}" if partial else f"{count:,}"
    return LimitError(f"{name} is too long to compare: {held} clauses; statediff compares documents of up to "
                      f"{MAX_CLAUSES:,} clauses")


#: How far past :data:`MAX_CLAUSE_PAIRS` the product of two texts' :func:`least_clauses` must be for
#: the pair to be refused before either text is cut into clauses. The count is a lower bound but for
#: a paragraph that turns out to be a heading or page furniture although it ends a sentence; the
#: margin leaves those to the exact count.
SURE = 4

# A blank line, which ends a paragraph; the last line of a paragraph that ends a sentence: two letters
# in a row, then a full stop, question or exclamation mark and any closing quotes or brackets.
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")
_ENDS_SENTENCE = re.compile(r"[.!?\u3002\uff01\uff1f][\"'\u201d\u2019)\]\u300d\uff09]*[ \t\r]*\Z")
_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")


def least_clauses(text: str) -> int:
    """How many clauses ``text`` holds at least, read without cutting it: its paragraphs that end a
    sentence and are followed by a blank line (each yields at least one clause). Linear in the text."""
    count = 0
    for paragraph in _BLANK_LINE.split(text)[:-1]:  # the last is followed by no blank line
        if paragraph:
            last = paragraph[paragraph.rfind("\n") + 1:]
            count += bool(_ENDS_SENTENCE.search(last) and _TWO_LETTERS.search(last))
    return count


# A sentence end: two letters (not an initial or "Mr."), a full stop, question or exclamation mark,
# any closing quotes or brackets, then white space; or a Japanese or Chinese full stop.
_SENTENCE_END = re.compile(r"[^\W\d_]{2}[.!?][\"'\u201d\u2019)\]]*\s|[\u3002\uff01\uff1f]")


def check_text(text: str, name: str, *, max_text: int | None = None, max_clauses: int | None = None) -> None:
    """Refuse, before it is cut into clauses, a text far past ``max_text`` characters of clauses or
    ``max_clauses`` clauses: more than :data:`SURE` times as many characters, or as many sentence
    ends. (Each sentence holds a clause or more but for a stray full stop; the clauses hold most of a
    text but for its headings and page furniture: the margin leaves those to the exact count.) The
    errors are those of :func:`statediff.segmenter.segment` past the same limits. Linear in the text."""
    if max_text is not None and len(text) > SURE * max_text:
        raise text_refusal(name, len(text), limit=max_text, what="characters")
    if max_clauses is not None:
        ends = len(_SENTENCE_END.findall(text))
        if ends > SURE * max_clauses:
            raise LimitError(f"{name} has more than {max_clauses:,} clauses (some {ends:,} sentences)")


def pairs_note() -> str:
    """How :data:`MAX_CLAUSE_PAIRS` reads in a message."""
    side = math.isqrt(MAX_CLAUSE_PAIRS)
    return f"statediff compares up to {MAX_CLAUSE_PAIRS:,} clause pairs (e.g. {side:,} x {side:,})"


def cut_within(cut: Callable[[int, int], Document], name: str, budget: int | None = None) -> Document | None:
    """Document ``name`` as ``cut(max_clauses, max_text)`` makes it (see
    :func:`statediff.segmenter.segment`), within :data:`MAX_CLAUSES`, :data:`MAX_TEXT` and ``budget``
    clauses: None once it is found to hold more than ``budget`` (the pair's share); refused with
    :class:`LimitError` once it is found past the document's own limits."""
    cap = MAX_CLAUSES if budget is None else min(budget, MAX_CLAUSES)
    try:
        return cut(cap, MAX_TEXT)
    except TextLimitError:
        raise
    except LimitError:
        if budget is None or cap < budget:
            raise clauses_refusal(name, cap, partial=True) from None
        return None


def check_document(doc: Document) -> None:
    """Raise :class:`LimitError` when ``doc`` holds too many clauses or too much clause text to compare."""
    if len(doc.clauses) > MAX_CLAUSES:
        raise clauses_refusal(doc.name, len(doc.clauses))
    size = sum(len(c.text) for c in doc.clauses)
    if size > MAX_TEXT:
        raise text_refusal(doc.name, size)


def check_pair(left: Document, right: Document) -> None:
    """Raise :class:`LimitError` when the two documents are too large to compare."""
    n, m = len(left.clauses), len(right.clauses)
    if n * m > MAX_CLAUSE_PAIRS:
        raise LimitError(f"too many clauses to compare: {left.name} has {n:,} and {right.name} {m:,}; {pairs_note()}")
    for doc in (left, right):
        check_document(doc)
