"""The classifier's view of a pair: its words, the edit each word falls in, and the local changes.

Words as the classifier counts them (a hyphenated compound is one word, a CJK character is one
word), each side of a pair with the edits of :func:`statediff.differ.diff_words` laid over it
(:class:`Side`), and the changes between kept words (:class:`Region`) that stance shifts, negation
flips and modality changes are read in.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add
from typing import Any, NamedTuple

from .differ import sequence_matcher
from .model import Edit
from .phrase_patterns import PhraseFinder
from .textkit import CJK_CLASS, split_runs

# A change is local when it spans at most this many words on each side between words both texts
# keep: "[-reconfirmed the serious concern over the development of-]{+expressed strong concerns over+}"
# is 8 words; a rewritten sentence is 15 or more. Stance shifts, negation flips and modality changes
# are read only in local changes.
_LOCAL_WORDS = 8
# Kept words separate two changes only if there are more than this many of them: "the", "of the" or
# "AUKUS" kept by chance inside a rewritten sentence do not make it several small edits.
_WEAK_GAP = 2

# Words as the classifier counts them: a hyphenated compound is one word ("visa-free", "re-affirmed").
# CJK text has no spaces between words: each character is a word, as for the differ and the aligner,
# so that an edit inside a run ("強く" deleted) falls on words of its own.
_LETTERS = rf"[^\W_{CJK_CLASS}]+"  # letters and digits outside those scripts
WORD = re.compile(rf"[{CJK_CLASS}]|{_LETTERS}(?:['\u2019]{_LETTERS}|[\u2010\u2011-](?=[^\W\d_]){_LETTERS})*")  # not "2-1/4"
_WORD_SPLIT = re.compile(f"({WORD.pattern})")
_KEY_DROP = str.maketrans({"-": "", "\u2010": "", "\u2011": "", "\u2019": "'"})
STOPWORDS = frozenset(
    "a an the of to in on at by for with from and or nor as is are was were be been being that this these "
    "those it its their his her our we they he she which who whom whose also well such than then into "
    "onto over under about between among all any each both".split()
)
DIGIT = re.compile(r"\d")


class Word(NamedTuple):
    start: int
    end: int
    text: str
    key: str  # casefolded, hyphens dropped: "Re-affirmed" and "reaffirmed" have one key


def classifier_words(text: str) -> list[Word]:
    """The words of ``text`` as the classifier counts them (see :data:`WORD`), in order.

    >>> [(w.start, w.text, w.key) for w in classifier_words("We re-affirmed it")]
    [(0, 'We', 'we'), (3, 're-affirmed', 'reaffirmed'), (15, 'it', 'it')]
    """
    words, starts = split_runs(_WORD_SPLIT, text)
    ends = map(add, starts, map(len, words))
    return list(map(tuple.__new__, repeat(Word), zip(starts, ends, words, map(word_key, words))))


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """A word's :attr:`Word.key`: casefolded, hyphens dropped (texts repeat their words: cached)."""
    return word.casefold().translate(_KEY_DROP)



class Side:
    """One side of a pair: its text, words, the edit each word falls in, and the claimed words.
    ``finder`` finds the lexicon's phrases in the text at once (see :meth:`hits`)."""

    def __init__(self, text: str, edits: Sequence[Edit], which: str, finder: PhraseFinder | None = None) -> None:
        self.text = text
        self.words = classifier_words(text)
        self.starts = [w.start for w in self.words]
        self.ends = [w.end for w in self.words]
        self._hits: dict[re.Pattern[str], list[range]] = {}
        self._finder = finder
        self._found: dict[re.Pattern[str], list[tuple[int, int]]] | None = None  # the finder's spans
        self._finder_patterns = finder.patterns if finder is not None else frozenset()
        # Per word, the edit it falls in: the first whose part of this side's text ends after the
        # word starts (the last edit for any word past them all; -1 with no edits).
        ends = list(accumulate(len(e.left if which == "left" else e.right) for e in edits))
        last = len(ends) - 1
        self.edit_of: list[int] = list(map(min, map(bisect_right, repeat(ends), self.starts), repeat(last)))
        self.consumed: set[int] = set()
        self.local: set[int] = set()  # words inside a local change (see find_regions)
        self.place: list[tuple[int, int]] = []  # per word: (difflib opcode, offset in a kept run or -1)
        self.opcodes: list[tuple[Any, int, int, int, int]] | None = None  # see word_opcodes
        self.derived: dict[Any, Any] = {}  # what a label rule reads off the side once, by the rule

    def span(self, start: int, end: int) -> range:
        """Indexes of the words that overlap the character span [start, end)."""
        first = bisect_right(self.ends, start)  # words are in order and never overlap
        last = bisect_left(self.starts, end)
        return range(first, last) if first < last else range(0)

    def words_in(self, edit: int) -> range:
        """Indexes of the words that fall in edit number ``edit`` (words fall in the edits in order).

        >>> side = Side("We oppose force.", [Edit("equal", "We ", "We "), Edit("replace", "oppose force.", "")], "left")
        >>> side.words_in(0), side.words_in(1), side.words_in(2)
        (range(0, 1), range(1, 3), range(3, 3))
        """
        return range(bisect_left(self.edit_of, edit), bisect_right(self.edit_of, edit))

    def hits(self, rx: re.Pattern[str] | None) -> list[range]:
        """Word ranges matched by ``rx`` (found once per side and pattern; a pattern of the finder's
        is found with all of the finder's others, at the first that is asked for)."""
        if rx is None:
            return []
        found = self._hits.get(rx)
        if found is None:
            spans = self._spans(rx)
            found = self._hits[rx] = [r for r in (self.span(a, b) for a, b in spans) if len(r)] if spans else []
        return found

    def _spans(self, rx: re.Pattern[str]) -> list[tuple[int, int]]:
        if rx not in self._finder_patterns:
            return [m.span() for m in rx.finditer(self.text)]
        if self._found is None:
            assert self._finder is not None  # the finder's patterns are known only with a finder
            self._found = self._finder.spans(self.text)
        return self._found.get(rx, [])


@dataclass(frozen=True, slots=True)
class Region:
    """A change between kept words: left words [i1, i2), right words [j1, j2)."""

    i1: int
    i2: int
    j1: int
    j2: int

    @property
    def local(self) -> bool:
        return self.i2 - self.i1 <= _LOCAL_WORDS and self.j2 - self.j1 <= _LOCAL_WORDS


def word_opcodes(ls: Side, rs: Side) -> list[tuple[Any, int, int, int, int]]:
    """difflib's opcodes from the words of ``ls`` to those of ``rs`` (by key, no junk heuristic),
    found once per pair and kept on both sides."""
    if ls.opcodes is None:
        sm = sequence_matcher([w.key for w in ls.words], [w.key for w in rs.words])
        ls.opcodes = rs.opcodes = sm.get_opcodes()
    return ls.opcodes


def find_regions(ls: Side, rs: Side) -> list[Region]:
    """The changes between the two word sequences (:func:`word_opcodes`), with kept runs of one or
    two words absorbed into the changes around them."""
    out: list[Region] = []
    ls.place = [(0, -1)] * len(ls.words)
    rs.place = [(0, -1)] * len(rs.words)
    for k, (tag, i1, i2, j1, j2) in enumerate(word_opcodes(ls, rs)):
        if tag == "equal":
            ls.place[i1:i2] = rs.place[j1:j2] = [(k, d) for d in range(i2 - i1)]
            continue
        ls.place[i1:i2] = [(k, -1)] * (i2 - i1)
        rs.place[j1:j2] = [(k, -1)] * (j2 - j1)
        if out:
            prev = out[-1]
            if i1 - prev.i2 <= _WEAK_GAP:
                out[-1] = Region(prev.i1, i2, prev.j1, j2)
                continue
        out.append(Region(i1, i2, j1, j2))
    for reg in out:
        if reg.local:
            ls.local.update(range(reg.i1, reg.i2))
            rs.local.update(range(reg.j1, reg.j2))
    return out


def changed_words(side: Side, edits: Sequence[Edit]) -> list[int]:
    """Indexes of the words that lie in a non-equal edit."""
    return [i for i, k in enumerate(side.edit_of) if k >= 0 and edits[k].op != "equal"]



@lru_cache(maxsize=1 << 16)
def contraction_base(key: str) -> str:
    """The word a negative contraction negates: "cannot" -> "can", "won't" -> "will"."""
    key = key.replace("\u2019", "'")
    if key in _CONTRACTIONS:
        return _CONTRACTIONS[key]
    return key[:-3] if key.endswith("n't") else ""


_CONTRACTIONS = {"cannot": "can", "can't": "can", "won't": "will", "shan't": "shall"}

