"""The lexicon's classifier keys, compiled: the scales, tiers and word lists the labels are read with.

Built once per :class:`statediff.lexicon.Lexicon`, when the classifier first asks for it
(:attr:`statediff.lexicon.Lexicon.label_words`), from data the lexicon has already validated
(:mod:`statediff.lexicon_schema`). Phrases match on whole words in any case
(:func:`statediff.phrase_patterns.phrase_regex`), except the modals: lower case only. One
:class:`~statediff.phrase_patterns.PhraseFinder` finds the matches of all of them in a text at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .phrase_patterns import PhraseFinder, phrase_regex

__all__ = ["LabelWords", "compile_label_words"]


@dataclass(frozen=True, slots=True)
class LabelWords:
    """The compiled classifier keys of one lexicon (see ``docs/labels.md`` for each key)."""

    scales: tuple[tuple[int, int, re.Pattern[str]], ...]  # (scale, level, pattern); level 0 = weakest
    intensifiers: tuple[tuple[int, re.Pattern[str]], ...]  # (tier, pattern); tier 1 = weakest
    stance_words: tuple[tuple[str, re.Pattern[str]], ...]  # (stance class, pattern)
    wide: re.Pattern[str] | None
    narrow: re.Pattern[str] | None
    scope_ignore: re.Pattern[str] | None
    hedges: re.Pattern[str] | None
    # Modals as written: lower case only, since "May" mid-sentence is the month. The annotator reads
    # the same key in any case (:meth:`statediff.lexicon.Lexicon.modality`), around a verb only.
    modals_lower_case: tuple[tuple[str, re.Pattern[str]], ...]
    # The lexicon's one negation matcher (:attr:`statediff.lexicon.Lexicon.negation`), any case; the
    # classifier matches it against single words.
    negations: re.Pattern[str] | None
    negation_idioms: re.Pattern[str] | None
    actor_words: frozenset[str]
    numbers: frozenset[str]  # lower-case entries match in any case
    proper_numbers: frozenset[str]  # capitalised entries ("May", "March") match only capitalised
    # All the phrase patterns above (the negations aside), to find their matches in a text at once.
    finder: PhraseFinder


class _Patterns:
    """The phrase patterns of one lexicon, compiled and kept with their phrases for the finder."""

    def __init__(self) -> None:
        self.phrases: list[tuple[re.Pattern[str], list[str]]] = []

    def regex(self, phrases: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
        phrases = list(phrases)
        rx = phrase_regex(phrases, flags)
        if rx is not None:
            self.phrases.append((rx, phrases))
        return rx

    def tagged(self, pairs: Iterable[tuple[Any, Iterable[str]]], flags: int = re.IGNORECASE) -> tuple:
        """``(tag, pattern)`` for each ``(tag, phrases)`` that has a phrase."""
        out = []
        for tag, words in pairs:
            rx = self.regex(words, flags)
            if rx is not None:
                out.append((tag, rx))
        return tuple(out)


def compile_label_words(section: Callable[[str, Any], Any], negation: re.Pattern[str] | None) -> LabelWords:
    """The classifier keys of a validated lexicon (``section(key, default)`` reads one), compiled."""
    patterns = _Patterns()
    scales = []
    for k, scale in enumerate(section("commitment_scale", [])):
        for level, level_phrases in enumerate(scale):
            rx = patterns.regex([level_phrases] if isinstance(level_phrases, str) else level_phrases)
            if rx is not None:
                scales.append((k, level, rx))
    scope = section("scope", {})
    numbers = section("number_words", [])
    return LabelWords(
        scales=tuple(scales),
        intensifiers=patterns.tagged(enumerate(section("intensifiers", []), start=1)),
        stance_words=patterns.tagged(section("stance_words", {}).items()),
        wide=patterns.regex(scope.get("wide", [])),
        narrow=patterns.regex(scope.get("narrow", [])),
        scope_ignore=patterns.regex(scope.get("ignore", [])),
        hedges=patterns.regex(section("hedges", [])),
        modals_lower_case=patterns.tagged(section("modals", {}).items(), flags=0),
        negations=negation,
        negation_idioms=patterns.regex(section("negation_idioms", [])),
        actor_words=frozenset(w.casefold() for w in section("actor_words", [])),
        numbers=frozenset(w.casefold() for w in numbers if w.islower()),
        proper_numbers=frozenset(w for w in numbers if not w.islower()),
        finder=PhraseFinder(patterns.phrases),
    )
