"""Cosmetic folding, boilerplate removal and line bookkeeping.

Display text keeps the characters the document printed; :func:`fold` gives the key used to decide
whether two texts differ only cosmetically (quotes, dashes, hyphenation, spacing, Unicode forms).
:func:`split_lines` cuts a source into :class:`Line` records that remember their offsets, and sets
aside boilerplate lines ("Share", "back / next") as dropped spans so that nothing is lost silently.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Line", "fold", "fold_char", "split_lines", "is_boilerplate", "collapse_space"]

# Characters folded to a plain equivalent for comparison. Curly and angled quotes, primes and
# backticks become straight quotes; every dash and minus becomes "-" (a hyphen and an en dash in
# "2021–2022" say the same thing); exotic spaces become a space; soft hyphens and zero-width
# characters vanish.
_FOLD = {
    **dict.fromkeys("‘’‚‛′‵`´ʼ", "'"),
    **dict.fromkeys("“”„‟″‶«»〝〞＂", '"'),
    **dict.fromkeys("‐‑‒–—―−﹘﹣－⸺⸻", "-"),
    **dict.fromkeys("\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                    "\u202f\u205f\u3000\t\r\n\x0b\x0c", " "),
    **dict.fromkeys("\xad\u200b\u200c\u200d\u2060\ufeff", ""),
    "\u2026": "...",
}
_FOLD_TABLE = str.maketrans(_FOLD)
_SPACE_RUN = re.compile(r"\s+")
# "longer- term" (a PDF line break after a hyphen) and "longer-term" are one word spelled two ways;
# "co-operation" and "cooperation" likewise. Hyphens between letters fold away (not between digits,
# where "2-1/4" is a number). The pattern opens with the hyphen, so that a search skips to hyphens.
_HYPHEN_JOIN = re.compile(r"-(?<=[^\W\d_]-)\s*(?=[^\W\d_])")
# Spacing around punctuation is cosmetic too: "( 1 )", "word ," and "word,". Once white space is
# single spaces, only these pairs have any to fold.
_PUNCT_SPACE = re.compile(r"\s*([,.;:!?)\]])|([(\[])\s*")
_SPACED_PUNCT = (" ,", " .", " ;", " :", " !", " ?", " )", " ]", "( ", "[ ")


def fold_char(ch: str) -> str:
    """The folded form of one character (may be "" or several characters)."""
    return ch.translate(_FOLD_TABLE)


def collapse_space(text: str) -> str:
    """Collapse every run of white space (including non-breaking and ideographic) to one space."""
    return _SPACE_RUN.sub(" ", text.translate(_SPACE_ONLY)).strip()


_SPACE_ONLY = str.maketrans({c: " " for c, v in _FOLD.items() if v == " "})


# Clauses recur across a series and between stages (aligner, differ, classifier all fold the same
# texts), so keys are cached; the cache is bounded, and fold is pure.
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The comparison key of ``text``: texts with equal keys differ only cosmetically.

    >>> fold("the \u201cFree and Open Indo\u2011Pacific\u201d") == fold('the "Free and Open Indo-Pacific"')
    True
    >>> fold("longer- term") == fold("longer-term") == fold("longerterm")
    True
    """
    text = unicodedata.normalize("NFKC", text).translate(_FOLD_TABLE)
    text = " ".join(text.split())  # as _SPACE_RUN: str.split's white space is \s
    text = _HYPHEN_JOIN.sub("", text)
    if any(pair in text for pair in _SPACED_PUNCT):
        text = _PUNCT_SPACE.sub(r"\1\2", text)
    return text


@dataclass(frozen=True, slots=True)
class Line:
    """A line of the source without its line break and trailing white space."""

    start: int  # offset of the first character of ``text`` in the source (after indentation)
    end: int  # offset just past ``text``
    text: str  # the line's content, indentation and trailing spaces stripped
    indent: int  # width of the indentation, a tab counting 4


@lru_cache(maxsize=1)
def _boilerplate() -> frozenset[str]:
    data = resources.files("statediff").joinpath("data/boilerplate.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().casefold() for line in data.splitlines() if line.strip() and not line.startswith("# ")
    )


# Page numbers left in text taken from a PDF: "2", "- 2 -", "Page 2 of 5", "2/5". Stricter than the PDF
# reader's page numbers at a page's edge (pdf._PAGE_NUMBER_AT_EDGE: four digits, any decoration): this
# line may stand anywhere in any text, so only up to three digits with dashes around them count, and a
# line such as "2023" or "(1)" stays text.
_PAGE_NUMBER_IN_TEXT = (r"[-\u2013\u2014]?[ \t]*(?:[Pp]age[ \t]+)?\d{1,3}(?:[ \t]*(?:/|of)[ \t]*\d{1,3})?"
                        r"[ \t]*[-\u2013\u2014]?")
# A line of emphasis or rule characters only ("*", "* * *", "---", "___"): left over from
# Markdown or a text conversion, it carries no words.
_RULE = re.compile(r"[*_=~#-]+(?:[ \t]+[*_=~#-]+)*"
                   # the rule under a Markdown table's header: "|---|:--:|", "--- | ---"
                   r"|\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?|\|[ \t]*:?-{3,}:?[ \t]*\|"
                   # page numbers left in text taken from a PDF
                   rf"|{_PAGE_NUMBER_IN_TEXT}")
_BULLET_LEAD = re.compile(r"^[\s\u2022\u25cf\u25cb\u25aa\u25a0\u30fb\u00b7*>|-]*")


# A press release's furniture: its release time and its press contacts ("For release at 2:00 p.m.
# EST", "For media inquiries, please email ... or call ..."), never part of the statement.
_PRESS = re.compile(r"(?:for\s+(?:immediate\s+)?release(?:\s+at|\s+on|\s*:|\s*$)|embargoed\s+(?:until|for)\b"
                    r"|(?:for\s+)?(?:media|press)\s+(?:inquiries|enquiries|contacts?)\b).{0,200}$", re.IGNORECASE)


def is_boilerplate(text: str) -> bool:
    """True for a line that is page furniture only, such as "Share", "• back" or "<!-- -->"."""
    stripped = text.strip()
    if stripped and _PRESS.match(stripped):
        return True
    if not stripped or len(stripped) > 40:
        return False
    table = _boilerplate()
    if stripped.casefold() in table or _RULE.fullmatch(stripped):
        return True
    return _BULLET_LEAD.sub("", stripped).strip().casefold() in table


_LINE = re.compile(r"[^\n\r\u2028\u2029\x85]*(?:\r\n|[\n\r\u2028\u2029\x85]|$)")


def split_lines(source: str) -> tuple[list[Line | None], list[tuple[int, int]]]:
    """Cut ``source`` into lines; blank lines become ``None``, boilerplate lines go to ``dropped``
    (and out of the line list, so that a paragraph they interrupt stays one paragraph).

    A furniture word inside a running sentence is a word of that sentence, not furniture: "share"
    in "We will\nshare\napproaches" stays (the line before stops mid-sentence, and the line or the
    one after goes on in lower case), while a "Share" line between paragraphs is set aside.

    Returns the lines in order and the spans of the dropped boilerplate lines.
    """
    raw: list[tuple[Line, bool] | None] = []
    pos = 0
    n = len(source)
    while pos < n:
        m = _LINE.match(source, pos)
        assert m is not None  # the pattern matches the empty string
        raw_end = m.end()
        body = m.group(0).rstrip("\r\n\u2028\u2029\x85")
        content = body.rstrip()
        stripped = content.lstrip()
        if not stripped or not stripped.strip():
            raw.append(None)
        else:
            lead = content[: len(content) - len(stripped)]
            indent = sum(4 if c == "\t" else 1 for c in lead)
            line = Line(pos + len(lead), pos + len(content), stripped, indent)
            raw.append((line, is_boilerplate(stripped)))
        if raw_end == pos:  # only at the very end
            break
        pos = raw_end
    lines: list[Line | None] = []
    dropped: list[tuple[int, int]] = []
    for k, entry in enumerate(raw):
        if entry is None:
            lines.append(None)
        elif entry[1] and not _in_sentence(raw, k):
            # Set aside without breaking the paragraph: a page number inside a paragraph taken
            # from a PDF ("... in the\n- 2 -\nregion ...") is not a paragraph end.
            dropped.append((entry[0].start, entry[0].end))
        else:
            lines.append(entry[0])
    return lines, dropped


_SENTENCE_STOP = re.compile(r"[.!?:;\u3002\uff01\uff1f\uff1a\uff1b][\"'\u201d\u2019)\]]*$")


def _in_sentence(raw: list[tuple[Line, bool] | None], k: int) -> bool:
    """Whether the furniture-like line ``k`` is a word of the sentence running through it."""
    text = raw[k][0].text  # type: ignore[index]
    if not text[:1].isalpha():
        return False
    before = raw[k - 1] if k else None
    after = raw[k + 1] if k + 1 < len(raw) else None
    if before is None or before[1] or _SENTENCE_STOP.search(before[0].text):
        return False
    return text[:1].islower() or (after is not None and not after[1] and after[0].text[:1].islower())
