"""Regular expressions for the lexicon's phrases: one home for how a listed word or phrase is matched.

A phrase's words may be separated by any white space; a word written with the British or the
American spelling matches both ("emphasised", "emphasized"). Two boundary rules exist, each named
for its readers:

* :func:`word_set_regex` (the annotator's negations and modals; verbs are built from
  :func:`form_pattern` and :func:`bounded` with the same rule): whole words, where an
  apostrophe counts as part of a word; ``...`` in a form stands for up to three words of any kind,
  and forms that start with a non-ASCII character (Japanese, Chinese) match inside a run of
  characters.
* :func:`phrase_regex` (the classifier's scales and word lists): whole words, where an apostrophe
  (straight or curly) or a hyphen counts as part of a word; blank phrases are left out. A
  :class:`PhraseFinder` finds the matches of many such patterns in a text in one pass over its words.

Whether case matters is the caller's choice (``flags``): see :mod:`statediff.lexicon` for the rule
of each key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .textkit import Memo, split_runs

__all__ = ["PhraseFinder", "bounded", "form_pattern", "phrase_regex", "spelling_key", "word_pattern",
           "word_set_regex"]

# British and American spellings of one verb ("emphasise", "emphasize"; "recognised",
# "recognized"): a form written either way matches both.
_ISE = re.compile(r"i[sz](e|ed|es|ing|ation|ations)$", re.IGNORECASE)


def spelling_key(word: str) -> str:
    """``word`` casefolded with -ise spellings read as -ize, to index forms by their first word (the
    lexicon remembers it for each word it looks up, :attr:`Lexicon._word_forms`)."""
    return _ISE.sub(r"iz\1", word.casefold())


def _ise_ending(word: str) -> tuple[str, str] | None:
    """``word`` around an -ise/-ize ending that :func:`word_pattern` spells both ways: the part before
    the "is"/"iz" and the part after; None if it has none."""
    m = _ISE.search(word)
    return (word[:m.start()], m.group(1)) if m and len(word) > 5 else None


def word_pattern(word: str) -> str:
    """A regex for ``word`` that also matches its other -ise/-ize spelling ("emphasised", "emphasized")."""
    ending = _ise_ending(word)
    if ending:
        return re.escape(ending[0]) + "i[sz]" + re.escape(ending[1])
    return re.escape(word)


def _spellings(word: str) -> tuple[str, ...]:
    """What :func:`word_pattern` matches, case aside: ``word``, or both its -ise and -ize spellings."""
    ending = _ise_ending(word)
    return (ending[0] + "is" + ending[1], ending[0] + "iz" + ending[1]) if ending else (word,)


def form_pattern(form: str) -> str:
    """A regex for a lexicon form: its words separated by any white space, ``...`` up to three words."""
    parts = []
    for word in form.split():
        if word == "...":
            parts.append(r"(?:\S+\s+){0,3}?")
        else:
            parts.append(word_pattern(word) + r"\s+")
    pattern = "".join(parts)
    pattern = pattern[: -len(r"\s+")] if pattern.endswith(r"\s+") else pattern
    return pattern


def bounded(form: str, pattern: str) -> str:
    """``pattern`` with a word boundary after it where ``form`` ends with a Latin letter or digit.

    Japanese and Chinese write words without spaces, so a form such as "確認し" must match inside a
    run of characters ("…ことを確認した"), where a \\w boundary would never hold. (The boundary in
    front of spaced forms is put once before all of them, in :class:`statediff.lexicon.Lexicon`.)
    """
    tail = r"(?![\w-])" if form[-1:].isascii() and form[-1:].isalnum() else ""
    return pattern + tail


def word_set_regex(words: list[str]) -> re.Pattern[str] | None:
    """One case-insensitive regex for a list of forms, longest first (the annotator's rule)."""
    if not words:
        return None
    ordered = sorted(words, key=len, reverse=True)
    spaced = "|".join(form_pattern(w) for w in ordered if w[:1].isascii())
    unspaced = "|".join(form_pattern(w) for w in ordered if not w[:1].isascii())  # "ていく" inside a word run
    alts = [r"(?<![\w'])(?:" + spaced + r")(?![\w'])"] if spaced else []
    alts += [f"(?:{unspaced})"] if unspaced else []
    return re.compile("|".join(alts), re.IGNORECASE)


def _alternatives(phrases: Iterable[str]) -> list[str]:
    """The phrases :func:`phrase_regex` matches: distinct, stripped, not blank, longest first."""
    return sorted({p.strip() for p in phrases if isinstance(p, str) and p.strip()}, key=len, reverse=True)


def phrase_regex(phrases: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    """One regex for a list of phrases, longest first, or None for none (the classifier's rule)."""
    alts = _alternatives(phrases)
    if not alts:
        return None
    body = "|".join(r"\s+".join(word_pattern(w) for w in p.split()) for p in alts)
    return re.compile(r"(?<![\w'\u2019-])(?:" + body + r")(?![\w'\u2019-])", flags)


# Where a phrase of phrase_regex can start: a run of word characters, apostrophes and hyphens that
# none precedes (the boundary phrase_regex puts around a phrase).
_RUN = re.compile(r"(?<![\w'\u2019-])[\w'\u2019-]+")
_RUN_SPLIT = re.compile(f"({_RUN.pattern})")


class PhraseFinder:
    """The matches of many :func:`phrase_regex` patterns in a text, found in one pass over its words.

    Scanning a text with a pattern tries each of its phrases at each position. But a phrase starts
    only at a run of word characters, apostrophes and hyphens that none precedes, and when its first
    word is such a run all through, that run is its first word (white space or the boundary follows
    it). So each pattern is tried only at the runs that spell one of its phrases' first words: as
    written for a case-sensitive pattern; lower-cased for a case-insensitive one, whose first words
    must then be ASCII, and which is also tried at every run that is not ASCII (where case reaches
    further: "\u212a", the kelvin sign, is "k" in any case). Any other pattern is scanned whole. The
    spans are those of ``finditer``, in order, exactly.
    """

    def __init__(self, patterns: Iterable[tuple[re.Pattern[str], Iterable[str]]]) -> None:
        """``patterns``: each :func:`phrase_regex` pattern with the phrases it was built from."""
        self._indexed: list[re.Pattern[str]] = []
        self._any_case: list[re.Pattern[str]] = []  # the case-insensitive ones among them
        self._whole: list[re.Pattern[str]] = []
        self._by_word: dict[str, list[re.Pattern[str]]] = {}  # first word as written -> case-sensitive patterns
        self._by_lower: dict[str, list[re.Pattern[str]]] = {}  # lower-cased -> case-insensitive ones
        self._tried = Memo(self._tried_at)  # run -> the patterns to try there
        self._all: set[re.Pattern[str]] = set()
        for rx, phrases in patterns:
            if rx in self._all:
                continue  # the same phrases twice (re.compile gives the one pattern)
            self._all.add(rx)
            firsts = {p.split()[0] for p in _alternatives(phrases)}
            flags = rx.flags & ~re.UNICODE
            any_case = flags == re.IGNORECASE
            if flags not in (0, re.IGNORECASE) or not all(_RUN.fullmatch(w) and (w.isascii() or not any_case)
                                                          for w in firsts):
                self._whole.append(rx)
                continue
            self._indexed.append(rx)
            if any_case:
                self._any_case.append(rx)
            index = self._by_lower if any_case else self._by_word
            for key in {s.lower() if any_case else s for w in firsts for s in _spellings(w)}:
                index.setdefault(key, []).append(rx)
        self._patterns = frozenset(self._all)

    def __contains__(self, rx: object) -> bool:
        return rx in self._all

    @property
    def patterns(self) -> frozenset[re.Pattern[str]]:
        """The patterns this finder finds."""
        return self._patterns

    def spans(self, text: str) -> dict[re.Pattern[str], list[tuple[int, int]]]:
        """The matches in ``text`` of each pattern that has any, as ``(start, end)`` in the order
        ``finditer`` finds them."""
        runs, at = split_runs(_RUN_SPLIT, text)
        tried = list(map(self._tried.__getitem__, runs))
        starts: dict[re.Pattern[str], list[int]] = {}
        for k in [k for k, t in enumerate(tried) if t]:
            for rx in tried[k]:
                starts.setdefault(rx, []).append(at[k])
        out = {rx: _matches_at(rx, text, found) for rx, found in starts.items()}
        out.update((rx, [m.span() for m in rx.finditer(text)]) for rx in self._whole)
        return {rx: found for rx, found in out.items() if found}

    def _tried_at(self, word: str) -> tuple[re.Pattern[str], ...]:
        """The indexed patterns to try at a run that reads ``word``."""
        return tuple(self._by_word.get(word, []) + (self._by_lower.get(word.lower(), []) if word.isascii()
                                                    else self._any_case))


def _matches_at(rx: re.Pattern[str], text: str, starts: list[int]) -> list[tuple[int, int]]:
    """``rx.finditer(text)`` as spans, where ``starts`` (ascending) holds every place it can match."""
    out: list[tuple[int, int]] = []
    end = 0
    for at in starts:
        if at >= end:
            m = rx.match(text, at)
            if m:
                out.append(m.span())
                end = m.end()
    return out
