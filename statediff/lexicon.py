"""Word lists that drive annotation and classification, loaded from JSON data files.

The default lexicon ships as ``statediff/data/lexicon.json``; :func:`load_lexicon` reads a user's file
with the same keys (missing keys fall back to the default), so teams can extend the scales without
touching code. Matching is case-insensitive on whole words; ``...`` in a form stands for up to three
words of any kind ("expressed ... concern" matches "expressed serious concern").
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import LexiconError

__all__ = ["check_shape", "Lexicon", "default_lexicon", "load_lexicon", "VerbHit", "word_pattern"]

_REQUIRED = ("stances", "salience", "verbs")


@dataclass(frozen=True, slots=True)
class VerbHit:
    """A commitment verb found in a text: where, what it says, and its stance class."""

    start: int
    end: int
    text: str
    stance: str


# Where a verb form may start: a run of word characters not preceded by one (or by a hyphen).
_WORD_START = re.compile(r"(?<![\w-])\w+")


_WORD = re.compile(r"(?<![\w-])[\w-]+")


# British and American spellings of one verb ("emphasise", "emphasize"; "recognised",
# "recognized"): a form written either way matches both.
_ISE = re.compile(r"i[sz](e|ed|es|ing|ation|ations)$", re.IGNORECASE)


def _spelling_key(word: str) -> str:
    """``word`` casefolded with -ise spellings read as -ize, to index forms by their first word."""
    return _ISE.sub(r"iz\1", word.casefold())


def word_pattern(word: str) -> str:
    """A regex for ``word`` that also matches its other -ise/-ize spelling ("emphasised", "emphasized")."""
    m = _ISE.search(word)
    if m and len(word) > 5:
        return re.escape(word[:m.start()]) + "i[sz]" + re.escape(m.group(1))
    return re.escape(word)


def _form_pattern(form: str) -> str:
    parts = []
    for word in form.split():
        if word == "...":
            parts.append(r"(?:\S+\s+){0,3}?")
        else:
            parts.append(word_pattern(word) + r"\s+")
    pattern = "".join(parts)
    pattern = pattern[: -len(r"\s+")] if pattern.endswith(r"\s+") else pattern
    return pattern


class Lexicon:
    """A compiled lexicon. Build it with :func:`load_lexicon` or :func:`default_lexicon`."""

    def __init__(self, data: dict[str, Any], origin: str = "<default>") -> None:
        for key in _REQUIRED:
            if key not in data:
                raise LexiconError(f"{origin}: lexicon has no {key!r} key")
        if origin != "<default>":
            check_shape(data, origin)
        self.data = data
        self.origin = origin
        self.stances: tuple[str, ...] = tuple(data["stances"])
        self.salience: dict[str, int] = {s: i for i, s in enumerate(reversed(data["salience"]))}
        self.override: frozenset[str] = frozenset(data.get("override_stances", ()))
        forms: list[tuple[str, str]] = []
        for stance, words in data["verbs"].items():
            if not isinstance(words, list):
                raise LexiconError(f"{origin}: verbs[{stance!r}] must be a list of phrases")
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
                key = _spelling_key(form.split()[0])
                self._by_first_source.setdefault(key, []).append((_bounded(form, _form_pattern(form)), stance))
            else:
                self._stance_of[f"v{i}"] = stance
                unspaced.append(f"(?P<v{i}>{_form_pattern(form)})")
                firsts.add(form[0])
        self._unspaced = re.compile("|".join(unspaced)) if unspaced else None
        # Every unspaced form starts with its own literal first character: a text with none of them
        # cannot match (most non-ASCII texts are Latin with curly quotes or accents).
        self._unspaced_firsts = frozenset(firsts)
        self._negation = _word_set_regex(data.get("negations", []))
        self._modals = {name: _word_set_regex(words) for name, words in data.get("modals", {}).items()}
        self._context = [m.casefold() for m in data.get("context_markers", [])]
        # Consecutive statements repeat most of their sentences, and the segmenter asks for a
        # sentence's verbs again for each of its clauses: remembering recent answers halves the work.
        self._verb_cache: dict[str, tuple[VerbHit, ...]] = {}

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
        for w in _WORD.finditer(text):
            if w.start() < taken:
                continue
            for rx, stance in self._forms_from(_spelling_key(w.group(0))):
                m = rx.match(text, w.start())
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
        return bool(self._negation and self._negation.search(text))

    def modality(self, text: str) -> str:
        for name, rx in self._modals.items():
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
        """A raw section of the lexicon data (for the classifier's scales and word lists)."""
        return self.data.get(key, default)


def _bounded(form: str, pattern: str) -> str:
    """``pattern`` with a word boundary after it where ``form`` ends with a Latin letter or digit.

    Japanese and Chinese write words without spaces, so a form such as "確認し" must match inside a
    run of characters ("…ことを確認した"), where a \\w boundary would never hold. (The boundary in
    front of spaced forms is put once before all of them, in :class:`Lexicon`.)
    """
    tail = r"(?![\w-])" if form[-1:].isascii() and form[-1:].isalnum() else ""
    return pattern + tail


def _word_set_regex(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    ordered = sorted(words, key=len, reverse=True)
    spaced = "|".join(_form_pattern(w) for w in ordered if w[:1].isascii())
    unspaced = "|".join(_form_pattern(w) for w in ordered if not w[:1].isascii())  # "ていく" inside a word run
    alts = [r"(?<![\w'])(?:" + spaced + r")(?![\w'])"] if spaced else []
    alts += [f"(?:{unspaced})"] if unspaced else []
    return re.compile("|".join(alts), re.IGNORECASE)


def _default_data() -> dict[str, Any]:
    text = resources.files("statediff").joinpath("data/lexicon.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon that ships with statediff."""
    return Lexicon(_default_data())


#: The largest lexicon file read: the shipped one is about 30 kB.
MAX_LEXICON_BYTES = 4 * 1024 * 1024


def check_shape(data: dict[str, Any], origin: str) -> None:
    """Check every key of ``data`` against the shape of the shipped lexicon's value for it, once, when
    the lexicon is built, so that a wrong type is one clear error for every command, never a failure
    deep in a stage. A list whose shipped entries are lists also takes a single phrase for an entry
    (a scale level of one phrase)."""
    model = _default_data()
    for key, value in data.items():
        if key not in model:
            known = ", ".join(sorted(model))
            raise LexiconError(f"{origin}: unknown lexicon key {key!r} (known: {known})")
        _check(value, model[key], origin, repr(key))


def _check(value: Any, model: Any, origin: str, where: str) -> None:
    def fail(what: str) -> None:
        raise LexiconError(f"{origin}: {where} must be {what}")

    if isinstance(model, str):
        if not isinstance(value, str):
            fail("a string")
    elif isinstance(model, dict):
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            fail("an object with string keys")
        inner = next(iter(model.values()), None)
        for k, v in value.items():
            if inner is not None:
                _check(v, inner, origin, f"{where}[{k!r}]")
    elif isinstance(model, list):
        if not isinstance(value, list):
            fail("a list")
        inner = model[0] if model else None
        for i, v in enumerate(value):
            if isinstance(inner, list) and isinstance(v, str):
                continue  # one phrase where a list of phrases may stand
            if inner is not None:
                _check(v, inner, origin, f"{where}[{i}]")
    elif type(value) is not type(model):
        fail(f"a {type(model).__name__}")


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
    data = _default_data()
    data.update(user)
    return Lexicon(data, origin=os.fspath(path))
