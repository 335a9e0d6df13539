"""What statediff compares at once: the one place the size limits of a comparison are decided.

The aligner scores every pair of clauses (a dense matrix) and the classifier reads every linked pair
word by word, so time and memory grow with the product of the clause counts and with the length of
the text. Within both limits below, the worst case measured (3,000 clauses of 660 characters a side,
every pair reworded) takes 16 to 50 s and 500 to 650 MB on one core, by machine (``bench/compare.py --scale``); the
longest statement in ``fixtures/`` has 252 clauses and 60,000 characters.
"""

from __future__ import annotations

import math
import re

from .errors import LimitError
from .model import Document

__all__ = ["MAX_CLAUSE_PAIRS", "MAX_TEXT", "check_pair", "least_clauses", "pairs_note", "SURE"]

#: The most clause pairs compared at once (3,000 x 3,000).
MAX_CLAUSE_PAIRS = 9_000_000

#: The most characters of clause text a compared document may hold: some 300,000 words, ten times
#: the longest summit declarations.
MAX_TEXT = 2_000_000


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


def pairs_note() -> str:
    """How :data:`MAX_CLAUSE_PAIRS` reads in a message."""
    side = math.isqrt(MAX_CLAUSE_PAIRS)
    return f"statediff compares up to {MAX_CLAUSE_PAIRS:,} clause pairs (e.g. {side:,} x {side:,})"


def check_pair(left: Document, right: Document) -> None:
    """Raise :class:`LimitError` when the two documents are too large to compare."""
    n, m = len(left.clauses), len(right.clauses)
    if n * m > MAX_CLAUSE_PAIRS:
        raise LimitError(f"too many clauses to compare: {left.name} has {n:,} and {right.name} {m:,}; {pairs_note()}")
    for doc in (left, right):
        size = sum(len(c.text) for c in doc.clauses)
        if size > MAX_TEXT:
            raise LimitError(f"{doc.name} is too long to compare: {size:,} characters of clauses; statediff "
                             f"compares documents of up to {MAX_TEXT:,} characters")
