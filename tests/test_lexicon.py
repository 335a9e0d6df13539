"""The lexicon: one schema checked when it is built, one compiled matcher per key and reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
