"""Block text -> sentence spans: Punkt with statediff's abbreviations, CJK sentence ends, quotations.

:func:`split_sentences` cuts a block's text into sentences with NLTK's Punkt tokenizer, given our own
abbreviations (``data/abbreviations.txt``) and sentence starters as data (nothing is downloaded); a
sentence is never cut inside a quotation or parentheses (:func:`_merge_open_quotes` rejoins them),
a stray full stop before a lower-case word is no sentence end, and Japanese and Chinese sentences
end at 。！？ outside brackets. No sentence is longer than :data:`MAX_SENTENCE` characters.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache
from importlib import resources

from .textkit import CJK, open_depth, trim

__all__ = ["MAX_SENTENCE", "split_sentences"]

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


#: Where an overlong sentence is cut: after a word whose checksum is a multiple of this, once the
#: piece holds a quarter of :data:`MAX_SENTENCE` (some 1,500 characters a piece on average).
_CUT_EVERY = 128
_WORD = re.compile(r"\S+")


def _bounded(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The span ``text[a:b]`` cut into pieces of at most :data:`MAX_SENTENCE` characters. The cuts
    are chosen by the words themselves (content-defined, like a backup tool's chunks), not by their
    offsets: a word added or removed changes the piece it stands in, not every cut after it."""
    if b - a <= MAX_SENTENCE:
        return [p for p in [trim(text, a, b)] if p[1] > p[0]]
    pieces = []
    start = a
    for m in _WORD.finditer(text, a, b):
        while m.end() - start > MAX_SENTENCE:  # no chosen word in reach: cut by size
            cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
            cut = cut if cut > start else start + MAX_SENTENCE
            pieces.append(trim(text, start, cut))
            start = cut
        if m.end() - start >= MAX_SENTENCE // 4 and zlib.crc32(m.group().casefold().encode("utf-8")) % _CUT_EVERY == 0:
            pieces.append(trim(text, start, m.end()))
            start = m.end()
    pieces.append(trim(text, start, b))
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
