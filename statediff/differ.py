"""Word-level edits between two clause texts, by diff-match-patch in word mode.

Each token (a word, a run of white space, or one punctuation mark; one character in CJK runs) is
mapped to a private-use character, diff-match-patch diffs those strings, and the result is mapped
back: a bijection, so the edits rebuild both texts exactly. Tokens are compared by their folded form,
so curly and straight quotes or a hyphen and a non-breaking hyphen never show up as a change.

The diff is the C++ port of diff-match-patch (``fast_diff_match_patch``), which finds the same edits
as Google's Python original (``tests/test_differ.py`` compares the two) about eight times faster;
the original runs where the port is not installed (it publishes no wheel for Python 3.13 on).

:func:`sequence_matcher` is the one :class:`difflib.SequenceMatcher` of the stages that match word or
clause sequences (the classifier's words, the series' clause texts): CyDifflib's (``cydifflib``),
difflib's own code compiled, where it is installed.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from functools import lru_cache
from typing import Any, Literal

from .model import Edit
from .normalizer import fold
from .textkit import CJK_CLASS

__all__ = ["coded_diff", "diff_words", "sequence_matcher", "tokenize"]

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"  # combining marks
_TOKEN = re.compile(
    r"\s+"
    rf"|[{CJK_CLASS}\uff00-\uffef\u3000-\u303f]"  # and full-width forms, CJK punctuation
    # A hyphenated word is one token, so that "re-affirmed" and "reaffirmed", or "Indo-Pacific" with a
    # hyphen and with a non-breaking hyphen, compare equal once folded rather than as a changed word;
    # so is a word with combining accents ("re\u0301affirme\u0301"), equal to its composed form once folded.
    rf"|[^\W_](?:[^\W_]|[{_MARKS}])*(?:['\u2019\-\u2010\u2011][^\W_](?:[^\W_]|[{_MARKS}])*)*"
    r"|.",
    re.UNICODE | re.DOTALL,
)


def tokenize(text: str) -> list[str]:
    """Split ``text`` into diff tokens; ``"".join(tokenize(t)) == t`` always."""
    return _TOKEN.findall(text)


def coded_diff(left: str, right: str) -> list[tuple[str, int]]:
    """diff-match-patch's diff of two strings after its semantic clean-up, as ``(op, length)`` runs
    with ``op`` one of ``"="``, ``"-"``, ``"+"``. It never times out: the same input gives the same
    output on any machine.

    >>> coded_diff("by coercion.", "by force.")
    [('=', 3), ('-', 8), ('+', 5), ('=', 1)]
    """
    try:
        from fast_diff_match_patch import diff
    except ImportError:
        return python_diff(left, right)
    return diff(left, right, timelimit=0, checklines=False, cleanup="Semantic", counts_only=True)


def python_diff(left: str, right: str) -> list[tuple[str, int]]:
    """:func:`coded_diff` by Google's Python diff-match-patch.

    >>> python_diff("by coercion.", "by force.")
    [('=', 3), ('-', 8), ('+', 5), ('=', 1)]
    """
    dmp = _engine()
    diffs = dmp.diff_main(left, right, False)
    dmp.diff_cleanupSemantic(diffs)
    return [(_OPS[op], len(chunk)) for op, chunk in diffs]


_OPS = {0: "=", -1: "-", 1: "+"}


@lru_cache(maxsize=1)
def _engine():
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # never time out: the same input gives the same output on any machine
    return dmp


def sequence_matcher(a: Sequence[Hashable], b: Sequence[Hashable]) -> Any:
    """difflib's ``SequenceMatcher(None, a, b, autojunk=False)``: CyDifflib's where it is installed
    (the same matching blocks and opcodes, several times faster; ``tests/test_differ.py`` compares
    the two), the standard library's otherwise (CyDifflib has no wheel for Python 3.14 yet).

    >>> sequence_matcher("abxcd", "abcd").get_opcodes()
    [('equal', 0, 2, 0, 2), ('delete', 2, 3, 2, 2), ('equal', 3, 5, 2, 4)]
    """
    try:
        from cydifflib import SequenceMatcher
    except ImportError:
        from difflib import SequenceMatcher
    return SequenceMatcher(None, a, b, autojunk=False)


def _code(k: int) -> str:
    # The Basic Multilingual Plane's private use area holds 6,400 codes; beyond that, plane 15's.
    return chr(0xE000 + k) if k < 6400 else chr(0xF0000 + k - 6400)


def _codes(tokens: list[str]) -> dict[str, str]:
    """Each distinct token's character: tokens that fold alike share one, numbered in order of first use."""
    distinct = list(dict.fromkeys(tokens))
    keys = [" " if t.isspace() else fold(t) or t for t in distinct]
    numbered = dict.fromkeys(keys)  # the folded tokens in order of first use
    codes = dict(zip(numbered, map(_code, range(len(numbered)))))
    return dict(zip(distinct, map(codes.__getitem__, keys)))


def diff_words(left: str, right: str) -> tuple[Edit, ...]:
    """The word edits turning ``left`` into ``right``.

    >>> [(e.op, e.left, e.right) for e in diff_words("by coercion.", "by force.")]
    [('equal', 'by ', 'by '), ('replace', 'coercion', 'force'), ('equal', '.', '.')]
    """
    if left == right:
        return (Edit("equal", left, right),) if left else ()
    if not left:
        return (Edit("insert", "", right),)
    if not right:
        return (Edit("delete", left, ""),)
    ltok, rtok = tokenize(left), tokenize(right)
    code = _codes(ltok + rtok)
    lcode, rcode = "".join(map(code.__getitem__, ltok)), "".join(map(code.__getitem__, rtok))
    edits: list[Edit] = []
    for op, i1, i2, j1, j2 in _realigned(_spans(coded_diff(lcode, rcode)), lcode, rcode, ltok):
        edits.append(Edit(_KIND[op], "".join(ltok[i1:i2]), "".join(rtok[j1:j2])))
    return tuple(_pair_replacements(edits))


_KIND: dict[str, Literal["equal", "delete", "insert"]] = {"=": "equal", "-": "delete", "+": "insert"}


def _spans(runs: list[tuple[str, int]]) -> list[tuple[str, int, int, int, int]]:
    """diff-match-patch's runs as spans of tokens: (op, left start, left end, right start, right end)."""
    out, li, ri = [], 0, 0
    for op, k in runs:
        lk, rk = (k if op in "=-" else 0), (k if op in "=+" else 0)
        out.append((op, li, li + lk, ri, ri + rk))
        li, ri = li + lk, ri + rk
    return out


def _realigned(spans: list[tuple[str, int, int, int, int]], lcode: str, rcode: str,
               ltok: list[str]) -> list[tuple[str, int, int, int, int]]:
    """A list's members shifted by one read as members added and dropped, not as every word replaced.

    diff-match-patch may pair the words of a stretch of changes kept apart only by punctuation and
    spaces one by one ("[-Sweden-]{+Spain+}, [-Switzerland-]{+Sweden+}, [-Ukraine-]{+Switzerland+}"
    where "Spain" came in and "Ukraine" went). Such a stretch is matched again by its longest
    common runs (:func:`sequence_matcher`), which is taken where it keeps words the first did not
    ("{+Spain, +}Sweden, Switzerland, [-Ukraine, -]")."""
    out: list[tuple[str, int, int, int, int]] = []
    k = 0
    while k < len(spans):
        end = k
        # a stretch of changes with only punctuation and spaces kept between them
        while spans[k][0] != "=" and end + 1 < len(spans) and (
                spans[end + 1][0] != "=" or end + 2 < len(spans) and spans[end + 2][0] != "="
                and not _has_word(ltok[spans[end + 1][1]:spans[end + 1][2]])):
            end += 1
        if any(op == "=" for op, *_ in spans[k:end + 1]):
            i1, j1, i2, j2 = spans[k][1], spans[k][3], spans[end][2], spans[end][4]
            blocks = sequence_matcher(lcode[i1:i2], rcode[j1:j2]).get_opcodes()
            kept = [(a, b) for tag, a, b, _, _ in blocks if tag == "equal"]
            if any(_has_word(ltok[i1 + a:i1 + b]) for a, b in kept):
                for tag, a, b, c, d in blocks:  # a replace is a delete and an insert, merged again below
                    if tag != "insert":
                        out.append(("=" if tag == "equal" else "-", i1 + a, i1 + b, j1 + c, j1 + (d if tag == "equal" else c)))
                    if tag in ("insert", "replace"):
                        out.append(("+", i1 + b, i1 + b, j1 + c, j1 + d))
                k = end + 1
                continue
        out += spans[k:end + 1]
        k = end + 1
    return out


def _has_word(tokens: list[str]) -> bool:
    return any(t[:1].isalnum() for t in tokens)


def _pair_replacements(edits: list[Edit]) -> list[Edit]:
    """Merge a delete next to an insert into one replace, and adjacent edits of one kind."""
    out: list[Edit] = []
    for e in edits:
        if out:
            prev = out[-1]
            if prev.op == e.op:
                out[-1] = Edit(e.op, prev.left + e.left, prev.right + e.right)
                continue
            if {prev.op, e.op} == {"delete", "insert"} or (prev.op == "replace" and e.op in ("delete", "insert")):
                out[-1] = Edit("replace", prev.left + e.left, prev.right + e.right)
                continue
        out.append(e)
    return out
