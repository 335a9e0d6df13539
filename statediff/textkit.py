"""The small shared building blocks of text handling, each defined once.

What lives here:

* Script ranges: :data:`KANA_KANJI_CLASS` (kana and CJK ideographs), :data:`HANGUL_CLASS`, and
  :data:`CJK_CLASS` (both together) as character-class strings for building patterns; :data:`CJK`
  compiled, matching one such character; :func:`mostly_cjk` for a text written mainly in them.
* :data:`HAS_LETTER`: a letter of any script (not a digit, not "_").
* Months: :data:`MONTH_NAMES` in calendar order, :data:`MONTHS` (name -> number, 1-12) and
  :data:`MONTH_PATTERN`, the regex alternation of the names ("January|February|...").
* Brackets and spans: :func:`open_depth` (how many quotations and brackets a text leaves open),
  :func:`trim` (a span of a text without its leading and trailing white space) and
  :func:`split_runs` (the runs a pattern finds in a text, with where each starts); :class:`Memo`
  remembers what a function says of each word.
* Grammar word lists that several stages read: :data:`DETERMINERS`, :data:`PRONOUNS`,
  :data:`BE_FORMS`, :data:`PREPOSITIONS`, :data:`CONJUNCTIONS`.

Word patterns are not here: each stage tokenizes for its own purpose and says so where it does
(the differ's tokens keep white space and punctuation for an exact round trip; the aligner's words are
letter-and-digit runs; the classifier's words join hyphenated compounds; the lexicon's phrase patterns
keep hyphens inside a word). The differ, the classifier and the aligner take CJK characters from
:data:`CJK_CLASS` (or :data:`CJK`), so they split CJK text alike.

Everything here is pure and cheap to import (the standard library only); the
one thing that changes is what a :class:`Memo` remembers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate
from typing import TypeVar

__all__ = [
    "BE_FORMS", "CJK", "CJK_CLASS", "CONJUNCTIONS", "DETERMINERS", "HANGUL_CLASS", "HAS_LETTER",
    "KANA_KANJI_CLASS", "MONTHS", "MONTH_NAMES", "MONTH_PATTERN", "PREPOSITIONS", "PRONOUNS", "mostly_cjk",
    "Memo", "open_depth", "split_runs", "trim",
]

# --------------------------------------------------------------------------------------------------
# Scripts
# --------------------------------------------------------------------------------------------------

#: Hiragana, katakana, CJK ideographs (extension A and the unified block): Japanese and Chinese text.
KANA_KANJI_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
#: Hangul syllables.
HANGUL_CLASS = "\uac00-\ud7af"
#: The characters of East Asian scripts that are written without spaces between words: kana, CJK
#: ideographs and Hangul, as a character-class body (``f"[{CJK_CLASS}]"``).
CJK_CLASS = KANA_KANJI_CLASS + HANGUL_CLASS
#: One character of :data:`CJK_CLASS`.
CJK = re.compile(f"[{CJK_CLASS}]")

#: A letter of any script: a word character that is neither a digit nor "_".
HAS_LETTER = re.compile(r"[^\W\d_]")


def mostly_cjk(text: str) -> bool:
    """Whether ``text`` is written mainly in a CJK script: more than half of its characters other
    than spaces are kana, ideographs or Hangul."""
    return bool(CJK.search(text)) and len(CJK.findall(text)) * 2 > len(text.replace(" ", ""))


# --------------------------------------------------------------------------------------------------
# Months
# --------------------------------------------------------------------------------------------------

#: The English month names, January first.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
#: Month name -> its number (1-12).
MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, 1)}
#: The month names as a regex alternation, to be put inside a group: ``rf"(?:{MONTH_PATTERN})"``.
MONTH_PATTERN = "|".join(MONTH_NAMES)


# --------------------------------------------------------------------------------------------------
# Brackets and spans
# --------------------------------------------------------------------------------------------------


def open_depth(s: str) -> int:
    """How many quotations and brackets ``s`` leaves open: curly double quotes, round brackets,
    corner brackets 「」 and full-width brackets （）, opened minus closed, plus one for an odd
    number of straight double quotes."""
    depth = (s.count("\u201c") - s.count("\u201d") + s.count("(") - s.count(")")
             + s.count("\u300c") - s.count("\u300d") + s.count("\uff08") - s.count("\uff09"))
    if s.count('"') % 2:
        depth += 1
    return depth


def split_runs(splitter: re.Pattern[str], text: str) -> tuple[list[str], list[int]]:
    """The runs that ``splitter`` (one capturing group around a pattern) finds in ``text``, and where
    each starts: one split, no match object per run, which is what makes a walk over a text's words
    in Python cost little."""
    parts = splitter.split(text)  # the text before the first run, the run, the text after it, ...
    return parts[1::2], list(accumulate(map(len, parts[:-1])))[::2]


_V = TypeVar("_V")


class Memo(dict[str, _V]):
    """``memo[word]``: ``find(word)``, computed on first use and remembered; a text repeats its words,
    and a lookup costs less than the work. At most ``size`` are kept (then it starts again)."""

    def __init__(self, find: Callable[[str], _V], size: int = 1 << 16) -> None:
        super().__init__()
        self._find = find
        self._size = size

    def __missing__(self, word: str) -> _V:
        if len(self) >= self._size:
            self.clear()
        value = self[word] = self._find(word)
        return value


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    """The span ``text[a:b]`` without its leading and trailing white space (empty: ``a == b``)."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


# --------------------------------------------------------------------------------------------------
# Grammar word lists (lower case)
# --------------------------------------------------------------------------------------------------

#: Words that open a noun phrase ("the", "our", "each", ...): a verb form after one is a noun or an
#: adjective ("the expected strengthening", "an agreed framework").
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "our", "his", "her", "this", "these", "those",
                         "such", "any", "every", "each", "both", "all", "my", "your"})
#: Personal pronouns in subject position.
PRONOUNS = frozenset({"we", "they", "he", "she", "it", "i", "you"})
#: The forms of "be".
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being"})
#: Prepositions and other words that open an adverbial phrase rather than a subject ("with", "taking",
#: "although", "noting", ...): a subject does not start at one, and a verb form after one is a noun.
PREPOSITIONS = frozenset({"with", "in", "on", "for", "among", "regarding", "as", "to", "by", "at", "from",
                          "after", "before", "during", "under", "through", "taking", "given", "following",
                          "if", "when", "concerning", "about", "against", "beyond", "into", "over", "toward",
                          "towards", "upon", "via", "within", "without", "despite", "since", "until", "amid",
                          "amidst", "across", "beginning", "starting", "once", "once again", "although",
                          "though", "because", "whereas", "unless", "noting", "recognizing", "recognising",
                          "building", "of"})
#: Coordinating conjunctions.
CONJUNCTIONS = frozenset({"and", "or", "but", "nor"})
