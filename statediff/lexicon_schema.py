"""The lexicon's schema: which keys a lexicon has, who reads them, how they match, and the checks a
lexicon passes when it is built (:class:`statediff.lexicon.Lexicon`), so that a wrong shape is one
clear error for every command, never a failure deep in a stage.

Matching is on whole words, a phrase's words separated by any white space, and -ise/-ize spellings
alike (:mod:`statediff.phrase_patterns`). The case rule of each key is in :data:`KEYS`.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, NamedTuple

from .errors import LexiconError

__all__ = ["KEYS", "REQUIRED", "check_shape", "default_data", "validate"]


class Key(NamedTuple):
    """What one lexicon key is for: who reads it and how its phrases match."""

    read_by: str
    case: str


#: Every key of the shipped lexicon. ``case`` is the one rule its matcher follows for every reader.
KEYS: dict[str, Key] = {
    "about": Key("nobody (a note for people)", "-"),
    "classifier_about": Key("nobody (a note for people)", "-"),
    "stances": Key("the lexicon: every stance class named by the other keys must be one of these", "-"),
    "salience": Key("annotator, digest: stance classes, most salient first", "-"),
    "override_stances": Key("annotator: stance classes that name a clause's stance wherever they stand", "-"),
    "verbs": Key("annotator, segmenter: stance class -> commitment verb forms", "any case"),
    "negations": Key("annotator (anywhere in a clause's scope), classifier (a word that negates)", "any case"),
    "modals": Key("annotator (Lexicon.modality) in any case; classifier (Lexicon.label_words.modals_lower_case) "
                  "in lower case only, since 'May' mid-sentence is the month", "per reader, see read_by"),
    "context_markers": Key("annotator, segmenter: narrative context", "any case"),
    "commitment_scale": Key("classifier: strengthened / softened (verbs)", "any case"),
    "intensifiers": Key("classifier: strengthened / softened (intensity)", "any case"),
    "stance_words": Key("classifier: words an intensifier qualifies, by stance class", "any case"),
    "scope": Key("classifier: widened / narrowed", "any case"),
    "hedges": Key("classifier: hedge-added / hedge-removed", "any case"),
    "actor_words": Key("classifier: pronouns and role nouns that name a speaker", "any case"),
    "negation_idioms": Key("classifier and annotator: phrases that look negative but do not negate", "any case"),
    "view_verbs": Key("digest: commitment verbs that only state a view held ('recognize', 'recall'), taking no step",
                      "any case"),
    "number_words": Key("classifier: words counted as numbers", "lower-case entries any case, capitalised "
                        "entries ('May') only capitalised"),
}

#: Keys a lexicon cannot do without (a user's file that leaves them out keeps the default's).
REQUIRED = ("stances", "salience", "verbs")


def default_data() -> dict[str, Any]:
    """The shipped lexicon's data, freshly parsed (callers may change it)."""
    text = resources.files("statediff").joinpath("data/lexicon.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate(data: dict[str, Any], origin: str) -> None:
    """Every check a lexicon passes when it is built, in the order of its error messages: the
    required keys, the shape of a user's keys (:func:`check_shape`), the verbs, the keys the
    classifier reads, and the stance classes named anywhere."""
    for key in REQUIRED:
        if key not in data:
            raise LexiconError(f"{origin}: lexicon has no {key!r} key")
    if origin != "<default>":
        check_shape(data, origin)
    for stance, words in data["verbs"].items():
        if not isinstance(words, list):
            raise LexiconError(f"{origin}: verbs[{stance!r}] must be a list of phrases")
    _check_label_keys(data, origin)
    _check_stances(data, origin)


def check_shape(data: dict[str, Any], origin: str) -> None:
    """Check every key of ``data`` against the shape of the shipped lexicon's value for it, once, when
    the lexicon is built, so that a wrong type is one clear error for every command, never a failure
    deep in a stage. A list whose shipped entries are lists also takes a single phrase for an entry
    (a scale level of one phrase)."""
    model = default_data()
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


def _phrases(value: object, where: str, origin: str) -> list[str]:
    """A list of phrases, or a LexiconError naming the key (a user's file may have any shape)."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{origin}: {where} must be a list of phrases")
    return value


def _lists(value: object, where: str, origin: str) -> list:
    if not isinstance(value, list):
        raise LexiconError(f"{origin}: {where} must be a list")
    return value


def _mapping(value: object, where: str, origin: str) -> dict:
    if not isinstance(value, dict):
        raise LexiconError(f"{origin}: {where} must be an object")
    return value


def _check_label_keys(data: dict[str, Any], o: str) -> None:
    """The keys the classifier reads have the shapes its matchers are built from. Stricter than
    :func:`check_shape` in two places: a scale of ``commitment_scale`` and a tier of ``intensifiers``
    must be lists (a scale's level may be one phrase)."""
    for k, scale in enumerate(_lists(data.get("commitment_scale", []), "'commitment_scale'", o)):
        for level, level_phrases in enumerate(_lists(scale, f"'commitment_scale'[{k}]", o)):
            if not isinstance(level_phrases, str):
                _phrases(level_phrases, f"'commitment_scale'[{k}][{level}]", o)
    tiers = _lists(data.get("intensifiers", []), "'intensifiers'", o)
    stance_words = _mapping(data.get("stance_words", {}), "'stance_words'", o)
    scope = _mapping(data.get("scope", {}), "'scope'", o)
    modals = _mapping(data.get("modals", {}), "'modals'", o)
    _phrases(data.get("number_words", []), "'number_words'", o)
    for k, tier in enumerate(tiers):
        _phrases(tier, f"'intensifiers'[{k}]", o)
    for c, words in stance_words.items():
        _phrases(words, f"'stance_words'[{c!r}]", o)
    for part in ("wide", "narrow", "ignore"):
        _phrases(scope.get(part, []), f"'scope'[{part!r}]", o)
    _phrases(data.get("hedges", []), "'hedges'", o)
    for name, words in modals.items():
        _phrases(words, f"'modals'[{name!r}]", o)
    for key in ("negations", "negation_idioms", "actor_words", "view_verbs"):
        _phrases(data.get(key, []), repr(key), o)


def _check_stances(data: dict[str, Any], origin: str) -> None:
    """Every stance class that ``verbs``, ``salience``, ``override_stances`` and ``stance_words`` name
    is one of ``stances``: a class misspelt in one key would otherwise never meet its namesake."""
    stances = _lists(data["stances"], "'stances'", origin)
    named = [("'verbs'", s) for s in data["verbs"]]
    named += [("'salience'", s) for s in _lists(data["salience"], "'salience'", origin)]
    named += [("'override_stances'", s) for s in _lists(data.get("override_stances", []), "'override_stances'", origin)]
    named += [("'stance_words'", s) for s in data.get("stance_words", {})]
    for where, stance in named:
        if stance not in stances:
            raise LexiconError(f"{origin}: {where} names the stance {stance!r}, which 'stances' does not list")
