"""Hypothesis properties of the pipeline's invariants."""

from __future__ import annotations

import json
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import statediff
from statediff import normalizer
from statediff.differ import diff_words, tokenize
from statediff.grammar import last_words, words

from .conftest import SEEDS

# Clause-like text: words from a diplomatic vocabulary plus arbitrary Unicode, with punctuation.
WORDS = ["The", "four", "Ministers", "reaffirmed", "shared", "the", "view", "to", "strongly", "oppose",
         "attempts", "change", "status", "quo", "by", "coercion", "force", "and", "of", "North", "Korea",
         "\u201cFree\u201d", "Indo\u2011Pacific", "2-1/4", "percent", ",", ".", ";", "\u2014", "(1)", "\u3002",
         "\u65e5\u672c", "  ", "\n"]
word_text = st.lists(st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=6)), max_size=40).map(" ".join)
sentences = st.lists(st.lists(st.sampled_from(WORDS[:22]), min_size=3, max_size=12).map(" ".join)
                     .map(lambda s: s[:1].upper() + s[1:] + "."), max_size=12)


@given(word_text, word_text)
@settings(max_examples=300, deadline=None)
def test_edits_rebuild_both_texts(a: str, b: str) -> None:
    edits = diff_words(a, b)
    assert "".join(e.left for e in edits) == a
    assert "".join(e.right for e in edits) == b
    for e in edits:
        if e.op == "insert":
            assert e.left == "" and e.right
        elif e.op == "delete":
            assert e.right == "" and e.left
        elif e.op == "replace":
            assert e.left and e.right


@given(word_text)
def test_tokens_rebuild_text(a: str) -> None:
    assert "".join(tokenize(a)) == a


@given(sentences)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_compare_with_itself_has_no_change(sents: list[str]) -> None:
    doc = statediff.parse("\n\n".join(sents))
    result = statediff.compare(doc, doc)
    assert not result.changed
    assert all(p.status == "unchanged" and p.score == 1.0 for p in result.pairs)


@given(sentences, sentences)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_scores_in_unit_interval_and_cover_everything(a: list[str], b: list[str]) -> None:
    left, right = statediff.parse("\n\n".join(a)), statediff.parse("\n\n".join(b))
    result = statediff.compare(left, right)
    assert all(0.0 <= p.score <= 1.0 for p in result.pairs)
    assert sorted(i for p in result.pairs for i in p.left_index) == list(range(len(left.clauses)))
    assert sorted(j for p in result.pairs for j in p.right_index) == list(range(len(right.clauses)))
    for link in statediff.align([c.text for c in left.clauses], [c.text for c in right.clauses]):
        assert 0.0 <= link.score <= 1.0


@given(sentences, sentences)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_json_round_trips(a: list[str], b: list[str]) -> None:
    result = statediff.compare(statediff.parse("\n\n".join(a)), statediff.parse("\n\n".join(b)))
    text = statediff.render(result, "json")
    data = json.loads(text)
    assert json.dumps(data, ensure_ascii=False, indent=2) + "\n" == text
    assert data["summary"]["changed"] == result.summary["changed"]


@given(st.sampled_from(sorted(SEEDS)), st.data())
@settings(max_examples=25, deadline=None)
def test_clause_spans_point_at_their_text(name: str, data: st.DataObject) -> None:
    doc = statediff.read(SEEDS[name])
    clause = data.draw(st.sampled_from(doc.clauses))
    a, b = clause.span
    source_words = doc.source[a:b].split()
    assert source_words[0] == clause.text.split()[0]
    assert source_words[-1] == clause.text.split()[-1]


_LINES = st.sampled_from([
    "The Ministers agreed to deepen cooperation.", "We condemn the attack!", "Is this the end?",
    "Regional affairs", "1. We will act.", "(2) They welcomed the plan.", "- a bullet item.",
    "\u201cWe stand together.\u201d", "Annex.", "II. Security.", "Page 3 of 9", "Share", "*", "", "   ",
    "continued from the line above, and ends here.", "12.", "Tokyo, 20 January 2022.", "U.S.", "e.g.",
    "\u65e5\u672c\u306f\u5354\u529b\u3059\u308b\u3002", "| a | b |", "|---|---|", "| cell. | 2. |",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=30), st.sampled_from(["\n", "\n\n", "\r\n\r\n", "\n \n"]))
def test_least_clauses_is_a_lower_bound(lines: list[str], sep: str) -> None:
    """The pre-count that refuses a pair far past the limit never counts more clauses than there are."""
    from statediff import limits

    text = sep.join(lines) + sep
    assert limits.least_clauses(text) <= len(statediff.parse(text).clauses), text


def _fold_by_the_rules(text: str) -> str:
    """fold's rules, one regex each, as written before its shortcuts (white space split and joined,
    the hyphen pattern opening with the hyphen, the punctuation pass only where a space touches it)."""
    text = unicodedata.normalize("NFKC", text).translate(normalizer._FOLD_TABLE)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"(?<=[^\W\d_])-\s*(?=[^\W\d_])", "", text)
    return re.sub(r"\s*([,.;:!?)\]])|([(\[])\s*", lambda m: m.group(1) or m.group(2), text)


_FOLD_PARTS = list("ab1 -\u2010\u2011\u2013(),.;:!?[]\u00a0\t\n\u3000\u00ad\u2026\u201c_") + ["\u0661", "\u01c5", "\u1680",
                                                                                        "\x1c", "\u2028", "co-"]


@given(st.lists(st.one_of(st.sampled_from(_FOLD_PARTS), st.text(max_size=2)), max_size=20).map("".join))
@settings(max_examples=500, deadline=None)
def test_fold_keeps_its_rules(text: str) -> None:
    assert normalizer.fold(text) == _fold_by_the_rules(text)


@given(word_text, st.integers(1, 3))
@settings(max_examples=300, deadline=None)
def test_last_words_are_the_last_of_words(text: str, n: int) -> None:
    assert last_words(text, n) == words(text)[-n:]
