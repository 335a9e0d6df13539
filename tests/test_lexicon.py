"""The lexicon: one schema checked when it is built, one compiled matcher per key and reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from statediff.errors import LexiconError
from statediff.lexicon import Lexicon, default_lexicon, load_lexicon
from statediff.lexicon_schema import KEYS, default_data


def test_the_schema_names_every_shipped_key() -> None:
    assert set(KEYS) == set(default_data())


def test_a_stance_class_must_be_one_of_the_stances(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps({"verbs": {"deplore": ["frowned upon"]}}), encoding="utf-8")
    with pytest.raises(LexiconError, match="'verbs' names the stance 'deplore', which 'stances' does not list"):
        load_lexicon(path)
    data = default_data()
    data["stances"].append("deplore")
    data["verbs"]["deplore"] = ["frowned upon"]
    assert Lexicon(data).verbs("We frowned upon it.")[0].stance == "deplore"


@pytest.mark.parametrize("data, message", [
    ({"intensifiers": ["strongly", ["grave"]]}, "'intensifiers'[0] must be a list of phrases"),
    ({"commitment_scale": ["agreed"]}, "'commitment_scale'[0] must be a list"),
])
def test_the_classifier_keys_are_checked_when_the_lexicon_is_built(tmp_path: Path, data: dict, message: str) -> None:
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LexiconError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_lexicon(path)


def test_modals_have_one_matcher_per_case_rule() -> None:
    lex = default_lexicon()
    assert lex.modality("May we continue") == "may"  # the annotator reads around a verb: any case
    lower = dict(lex.label_words.modals_lower_case)["may"]
    assert lower.search("on 3 May we met") is None and lower.search("we may meet")


def test_the_classifier_keys_are_compiled_once_and_share_the_negation_matcher() -> None:
    lex = default_lexicon()
    assert lex.label_words is lex.label_words
    assert lex.label_words.negations is lex.negation
    assert lex.negation is not None and lex.negation.fullmatch("cannot") and lex.negated("We will not.")


def _phrase_words(value: object) -> list[str]:
    if isinstance(value, str):
        return value.split()
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [w for v in items for w in _phrase_words(v)]


_CLASSIFIER_KEYS = ("commitment_scale", "intensifiers", "stance_words", "scope", "hedges", "negation_idioms", "modals")
# Phrases whose first words are not plain ASCII words (the hedges are then scanned whole), and two
# that overlap ("rule of law enforcement").
_ODD_HEDGES = ["U.S. permitting", "\u00fcber alles", "\u017ftrong", "_under score"]
_ODD_MODALS = ["\u00dcber", "K\u00f6nnen"]
_OVERLAPPING = ["rule of law", "law enforcement"]
_SPELLED_TWO_WAYS = ["prioritise cooperation", "organized"]  # "prioritize cooperation", "organised"
_LEXICON_WORDS = sorted({w for k in _CLASSIFIER_KEYS for w in _phrase_words(default_data()[k])}
                        | set(_phrase_words(_ODD_HEDGES + _ODD_MODALS + _OVERLAPPING + _SPELLED_TWO_WAYS)))
# Characters where case and word boundaries are subtle: the kelvin sign and the long s are "k" and
# "s" in any case, the dotted and dotless i are "i"; apostrophes and hyphens join words.
_ODD = ["\u212a", "\u017f", "\u0130", "\u0131", "\u00df", "'", "\u2019", "-", "_", ".", ",", "\u00e9", "\u3057", "\u3066"]


def _mangled(word: str, upper: list[bool], odd: int) -> str:
    word = "".join(c.upper() if u else c for c, u in zip(word, upper + [False] * len(word)))
    if odd == 2:
        return word.replace("is", "iz") if "is" in word else word.replace("iz", "is")
    return word.replace("k", "\u212a").replace("s", "\u017f").replace("i", "\u0131") if odd == 1 else word


_texts = st.lists(st.one_of(
    st.builds(_mangled, st.sampled_from(_LEXICON_WORDS), st.lists(st.booleans(), max_size=8), st.integers(0, 4)),
    st.sampled_from(_ODD), st.text(max_size=3)), max_size=16).flatmap(
    lambda parts: st.lists(st.sampled_from(["", " ", " ", "  ", "-", "'", ", ", "\u00a0", "\n"]),
                           min_size=len(parts), max_size=len(parts)).map(
        lambda glue: "".join(p + g for p, g in zip(parts, glue))))


@given(_texts)
@example("the rule of law enforcement, \u212aEY partners")
@settings(max_examples=400, deadline=None)
def test_the_phrase_finder_finds_what_each_pattern_finds(text: str) -> None:
    data = default_data()
    data["hedges"] = data["hedges"] + _ODD_HEDGES
    data["modals"]["will"] = data["modals"]["will"] + _ODD_MODALS
    data["negation_idioms"] = data["negation_idioms"] + _OVERLAPPING + _SPELLED_TWO_WAYS
    for lex in (default_lexicon(), Lexicon(data)):
        finder = lex.label_words.finder
        found = finder.spans(text)
        patterns = [rx for _, _, rx in lex.label_words.scales] + [rx for _, rx in lex.label_words.modals_lower_case]
        patterns += [rx for _, rx in lex.label_words.intensifiers + lex.label_words.stance_words]
        patterns += [lex.label_words.hedges, lex.label_words.wide, lex.label_words.negation_idioms]
        for rx in patterns:
            assert rx is not None and rx in finder and found.get(rx, []) == [m.span() for m in rx.finditer(text)]


def test_every_shipped_view_verb_is_a_commitment_verb_of_an_affirming_class() -> None:
    # the digest matches view_verbs against a clause's own verb, which only the verbs key can give
    data = default_data()
    affirming = {v.casefold() for stance in ("confirm", "reaffirm", "share_view") for v in data["verbs"][stance]}
    assert data["view_verbs"] and {v.casefold() for v in data["view_verbs"]} <= affirming
