"""Word lists that drive annotation and classification, loaded from JSON data files.

The default lexicon ships as ``statediff/data/lexicon.json``; :func:`load_lexicon` reads a user's file
with the same keys (missing keys fall back to the default), so teams can extend the scales without
touching code. Matching is on whole words; ``...`` in a form stands for up to three words of any kind
("expressed ... concern" matches "expressed serious concern").

A :class:`Lexicon` is the one compiled form of the data, for the annotator and the classifier alike:
it is validated once when it is built (:func:`statediff.lexicon_schema.validate`), and each key is
compiled once, with the case rule :data:`statediff.lexicon_schema.KEYS` states for it. Every key
matches in any case except ``modals`` as the classifier reads them (lower case only: "May" is a
month) and capitalised ``number_words`` ("May", "March": only capitalised). The annotator's matchers
are compiled when the lexicon is built (verb forms when a text first holds their first word); the
classifier's (:attr:`Lexicon.label_words`) when it first classifies.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from .errors import LexiconError
from .label_words import LabelWords, compile_label_words
from .lexicon_schema import default_data, validate
from .phrase_patterns import bounded, form_pattern, spelling_key, word_set_regex
from .textkit import Memo, split_runs

__all__ = ["Lexicon", "default_lexicon", "load_lexicon", "VerbHit"]


@dataclass(frozen=True, slots=True)
class VerbHit:
    """A commitment verb found in a text: where, what it says, and its stance class."""

    start: int
    end: int
    text: str
    stance: str


# Where a verb form may start: a run of word characters (or hyphens) not preceded by one.
_WORD_SPLIT = re.compile(r"((?<![\w-])[\w-]+)")


class Lexicon:
    """A compiled lexicon. Build it with :func:`load_lexicon` or :func:`default_lexicon`.

    The matchers, one per key and reader (case rules in :data:`statediff.lexicon_schema.KEYS`):

    * :meth:`verbs`: the ``verbs`` forms, any case;
    * :attr:`negation`: ``negations``, any case; the annotator looks for one anywhere in a clause's
      scope outside the ``negation_idioms`` (:meth:`negated`), the classifier matches it against
      single words;
    * :attr:`modals_any_case`: ``modals`` for the annotator (:meth:`modality`), which reads them
      around a verb only, so a capital "May" opening a sentence is the modal;
    * :attr:`label_words`: the classifier's keys, among them ``modals`` in lower case only
      (``label_words.modals_lower_case``): the classifier reads whole clauses, where "May" is the month;
    * :meth:`context_at`: ``context_markers``, any case.
    """

    def __init__(self, data: dict[str, Any], origin: str = "<default>") -> None:
        validate(data, origin)
        self.data = data
        self.origin = origin
        self.stances: tuple[str, ...] = tuple(data["stances"])
        self.salience: dict[str, int] = {s: i for i, s in enumerate(reversed(data["salience"]))}
        self.override: frozenset[str] = frozenset(data.get("override_stances", ()))
        forms: list[tuple[str, str]] = []
        for stance, words in data["verbs"].items():
            forms.extend((stance, w) for w in words)
        # Longest forms first so that "shared the view" wins over "shared".
        forms.sort(key=lambda f: (-len(f[1]), f[1]))
        self._stance_of: dict[str, str] = {}
        # Forms are indexed by their first word and tried longest first at each word that starts
        # one ("shared the view" before "shared"): one regex alternation of every form would be
        # tried at every word of the text, which is a hundred times slower. A first word's forms are
        # compiled when a text first contains that word: most of the lexicon never is.
        self._by_first_source: dict[str, list[tuple[str, str]]] = {}
        self._by_first: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        unspaced = []  # Japanese and Chinese forms, matched anywhere in a run of characters
        firsts: set[str] = set()
        for i, (stance, form) in enumerate(forms):
            if form[:1].isascii():
                key = spelling_key(form.split()[0])
                self._by_first_source.setdefault(key, []).append((bounded(form, form_pattern(form)), stance))
            else:
                self._stance_of[f"v{i}"] = stance
                unspaced.append(f"(?P<v{i}>{form_pattern(form)})")
                firsts.add(form[0])
        self._unspaced = re.compile("|".join(unspaced)) if unspaced else None
        # Every unspaced form starts with its own literal first character: a text with none of them
        # cannot match (most non-ASCII texts are Latin with curly quotes or accents).
        self._unspaced_firsts = frozenset(firsts)
        self.negation: re.Pattern[str] | None = word_set_regex(data.get("negations", []))
        self._not_negating = word_set_regex(data.get("negation_idioms", []))
        self.modals_any_case: dict[str, re.Pattern[str] | None] = {
            name: word_set_regex(words) for name, words in data.get("modals", {}).items()}
        self._context = [m.casefold() for m in data.get("context_markers", [])]
        # Consecutive statements repeat most of their sentences, and the segmenter asks for a
        # sentence's verbs again for each of its clauses: remembering recent answers halves the work.
        self._verb_cache: dict[str, tuple[VerbHit, ...]] = {}
        # The forms that may start at each word as written: a text repeats its words, and a word's
        # key (case and -ise spelling folded) costs more to find than the word costs to look up.
        self._word_forms = Memo(self._forms_of_word)

    def verbs(self, text: str) -> list[VerbHit]:
        """Every commitment verb in ``text``, left to right, non-overlapping."""
        cached = self._verb_cache.get(text)
        if cached is None:
            if len(self._verb_cache) >= 8192:
                self._verb_cache.clear()
            cached = self._verb_cache[text] = tuple(self._find_verbs(text))
        return list(cached)

    def _find_verbs(self, text: str) -> list[VerbHit]:
        hits = []
        taken = 0
        words, starts = split_runs(_WORD_SPLIT, text)
        forms = list(map(self._word_forms.__getitem__, words))
        for k in [k for k, f in enumerate(forms) if f]:
            if starts[k] < taken:
                continue
            for rx, stance in forms[k]:
                m = rx.match(text, starts[k])
                if m:
                    hits.append(VerbHit(m.start(), m.end(), m.group(0), stance))
                    taken = m.end()
                    break
        if self._unspaced is not None and not text.isascii() and not self._unspaced_firsts.isdisjoint(text):
            for m in self._unspaced.finditer(text):
                if not any(h.start < m.end() and m.start() < h.end for h in hits):
                    hits.append(VerbHit(m.start(), m.end(), m.group(0), self._stance_of[m.lastgroup or ""]))
            hits.sort(key=lambda h: h.start)
        return hits

    def _forms_of_word(self, word: str) -> list[tuple[re.Pattern[str], str]]:
        """The compiled forms that may start at ``word`` as written, longest first."""
        return self._forms_from(spelling_key(word))

    def _forms_from(self, key: str) -> list[tuple[re.Pattern[str], str]]:
        """The compiled forms whose first word is ``key``, longest first."""
        found = self._by_first.get(key)
        if found is None:
            if key not in self._by_first_source:
                return []
            found = self._by_first[key] = [(re.compile(p, re.IGNORECASE), stance)
                                           for p, stance in self._by_first_source[key]]
        return found

    def negated(self, text: str) -> bool:
        """Does ``text`` hold a negation (any case), outside the phrases that only look negative
        ("not only ... but also", "no later than": ``negation_idioms``)?"""
        if self.negation is None or not self.negation.search(text):
            return False
        return bool(self.negation.search(self.without_idioms(text)))

    def without_idioms(self, text: str) -> str:
        """``text`` with the ``negation_idioms`` blanked out, character for character (offsets hold)."""
        if self._not_negating is None:
            return text
        return self._not_negating.sub(lambda m: " " * len(m.group()), text)

    def modality(self, text: str) -> str:
        """The first class of ``modals`` (in the lexicon's order) with a modal in ``text``, any case."""
        for name, rx in self.modals_any_case.items():
            if rx is not None and rx.search(text):
                return name
        return ""

    def is_context(self, text: str) -> bool:
        return self.context_at(text) >= 0

    def context_at(self, text: str) -> int:
        """Where the first narrative-context marker ("held talks", "for approximately") starts in
        ``text``, or -1."""
        low = text.casefold()
        found = [i for i in (low.find(m) for m in self._context) if i >= 0]
        return min(found, default=-1)

    def section(self, key: str, default: Any = None) -> Any:
        """A raw section of the lexicon data."""
        return self.data.get(key, default)

    @cached_property
    def actor_words(self) -> frozenset[str]:
        """The pronouns and role nouns that name a speaker ("we", "ministers"), case-folded."""
        return frozenset(w.casefold() for w in self.section("actor_words", []))

    @cached_property
    def label_words(self) -> LabelWords:
        """The classifier's keys, compiled when the classifier first asks (see :mod:`statediff.label_words`)."""
        return compile_label_words(self.section, self.negation)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon that ships with statediff."""
    return Lexicon(default_data())


#: The largest lexicon file read: the shipped one is about 30 kB.
MAX_LEXICON_BYTES = 4 * 1024 * 1024


def load_lexicon(path: str | os.PathLike[str] | None) -> Lexicon:
    """Read a lexicon file; its keys replace the default's, missing keys keep the default."""
    if path is None:
        return default_lexicon()
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_LEXICON_BYTES + 1)
        if len(raw) > MAX_LEXICON_BYTES:
            raise LexiconError(f"{os.fspath(path)}: larger than {MAX_LEXICON_BYTES // (1024 * 1024)} MB; "
                               "not a lexicon")
        user = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise LexiconError(f"{os.fspath(path)}: no such lexicon file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LexiconError(f"{os.fspath(path)}: not a readable JSON lexicon ({exc})") from None
    except RecursionError:
        raise LexiconError(f"{os.fspath(path)}: not a readable JSON lexicon (nested too deeply)") from None
    if not isinstance(user, dict):
        raise LexiconError(f"{os.fspath(path)}: a lexicon must be a JSON object")
    data = default_data()
    data.update(user)
    return Lexicon(data, origin=os.fspath(path))
