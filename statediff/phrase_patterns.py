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
  (straight or curly) or a hyphen counts as part of a word; blank phrases are left out.

Whether case matters is the caller's choice (``flags``): see :mod:`statediff.lexicon` for the rule
of each key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["bounded", "form_pattern", "phrase_regex", "spelling_key", "word_pattern", "word_set_regex"]

# British and American spellings of one verb ("emphasise", "emphasize"; "recognised",
# "recognized"): a form written either way matches both.
_ISE = re.compile(r"i[sz](e|ed|es|ing|ation|ations)$", re.IGNORECASE)


@lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """``word`` casefolded with -ise spellings read as -ize, to index forms by their first word
    (remembered: the lexicon asks it for every word of every sentence and clause)."""
    return _ISE.sub(r"iz\1", word.casefold())


def word_pattern(word: str) -> str:
    """A regex for ``word`` that also matches its other -ise/-ize spelling ("emphasised", "emphasized")."""
    m = _ISE.search(word)
    if m and len(word) > 5:
        return re.escape(word[:m.start()]) + "i[sz]" + re.escape(m.group(1))
    return re.escape(word)


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


def phrase_regex(phrases: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    """One regex for a list of phrases, longest first, or None for none (the classifier's rule)."""
    alts = sorted({p.strip() for p in phrases if isinstance(p, str) and p.strip()}, key=len, reverse=True)
    if not alts:
        return None
    body = "|".join(r"\s+".join(word_pattern(w) for w in p.split()) for p in alts)
    return re.compile(r"(?<![\w'\u2019-])(?:" + body + r")(?![\w'\u2019-])", flags)
