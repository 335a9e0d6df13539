"""Word-level edits inside aligned clauses."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from statediff.differ import coded_diff, diff_words, python_diff, sequence_matcher, tokenize


def ops(a: str, b: str) -> list[tuple[str, str, str]]:
    return [(e.op, e.left, e.right) for e in diff_words(a, b)]


def test_substitution_is_one_replace() -> None:
    assert ops("change the status quo by coercion.", "change the status quo by force.") == [
        ("equal", "change the status quo by ", "change the status quo by "),
        ("replace", "coercion", "force"),
        ("equal", ".", "."),
    ]


def test_whole_words_never_split() -> None:
    # "strongly" vs "strong": a character diff would keep "strong"; a word diff replaces the word.
    assert ops("strongly oppose", "strong opposition") == [("replace", "strongly oppose", "strong opposition")]


def test_insertion_and_deletion() -> None:
    assert ops("The Ministers agreed.", "The four Ministers agreed.") == [
        ("equal", "The ", "The "), ("insert", "", "four "), ("equal", "Ministers agreed.", "Ministers agreed.")]
    assert ops("oppose any attempts", "oppose attempts") == [
        ("equal", "oppose ", "oppose "), ("delete", "any ", ""), ("equal", "attempts", "attempts")]


def test_cosmetic_variants_are_equal_runs() -> None:
    edits = diff_words("the \u201cJeanne d\u2019Arc\u201d left", 'the "Jeanne d\'Arc" left')
    assert [e.op for e in edits] == ["equal"]
    assert edits[0].left.startswith("the \u201c") and edits[0].right.startswith('the "')


def test_identical_and_empty_sides() -> None:
    assert ops("same", "same") == [("equal", "same", "same")]
    assert ops("", "") == []
    assert ops("", "new") == [("insert", "", "new")]
    assert ops("old", "") == [("delete", "old", "")]


def test_cjk_is_diffed_by_character() -> None:
    assert tokenize("日本とフランス") == list("日本とフランス")
    edits = diff_words("力による現状変更", "威圧による現状変更")
    assert ("replace", "力", "威圧") in [(e.op, e.left, e.right) for e in edits]


def test_many_distinct_tokens_beyond_private_use_area() -> None:
    a = " ".join(f"w{i}" for i in range(8000))
    b = a.replace("w7999", "changed")
    edits = diff_words(a, b)
    assert "".join(e.left for e in edits) == a and "".join(e.right for e in edits) == b
    assert [(e.op, e.left, e.right) for e in edits if e.op != "equal"] == [("replace", "w7999", "changed")]


def test_hyphenation_variants_are_equal_runs() -> None:
    edits = diff_words("members re-affirmed the Indo\u2011Pacific vision", "members reaffirmed the Indo-Pacific vision")
    assert [e.op for e in edits] == ["equal"]
    assert ops("ship-to-ship transfers", "ship-to-shore transfers") == [
        ("replace", "ship-to-ship", "ship-to-shore"), ("equal", " transfers", " transfers")]


# Token codes as the differ makes them: private-use characters of the BMP and of plane 15, few
# distinct ones so that runs repeat and the semantic clean-up has overlaps to settle.
_CODES = st.sampled_from(["\ue000", "\ue001", "\ue002", "\ue003", "\U000f0000", "\U000f0001"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_CODES, max_size=40), st.data())
def test_coded_diff_is_googles_python_diff(tokens, data) -> None:
    left = "".join(tokens)
    edited = list(tokens)
    for _ in range(data.draw(st.integers(0, 8))):
        at = data.draw(st.integers(0, len(edited)))
        if data.draw(st.booleans()) and edited[at:]:
            del edited[at]
        else:
            edited.insert(at, data.draw(_CODES))
    right = "".join(edited)
    assert coded_diff(left, right) == python_diff(left, right)
    assert coded_diff(right, left) == python_diff(right, left)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["we", "the", "oppose", "force", "and", "Japan"]), max_size=60),
       st.lists(st.sampled_from(["we", "the", "oppose", "coercion", "and", "Japan"]), max_size=60))
def test_sequence_matcher_is_difflibs(a, b) -> None:
    from difflib import SequenceMatcher

    ours, theirs = sequence_matcher(a, b), SequenceMatcher(None, a, b, autojunk=False)
    assert ours.get_opcodes() == theirs.get_opcodes()
    assert ours.get_matching_blocks() == theirs.get_matching_blocks()


def test_a_word_with_combining_accents_is_its_composed_form() -> None:
    import unicodedata

    left = "Nous avons réaffirmé notre soutien ferme au partenariat."
    right = unicodedata.normalize("NFD", "Nous avons réaffirmé notre soutien total au partenariat.")
    edits = [e for e in diff_words(left, right) if e.op != "equal"]
    assert [(e.op, e.left, e.right) for e in edits] == [("replace", "ferme", "total")]
    assert "".join(e.right for e in diff_words(left, right)) == right  # the text as it was given


def test_a_list_shifted_by_one_member_reads_as_members_added_and_dropped() -> None:
    left = "Slovakia, Sweden, Switzerland, Ukraine, the United Kingdom"
    right = "Slovakia, Spain, Sweden, Switzerland, the United Kingdom"
    edits = [(e.op, e.left, e.right) for e in diff_words(left, right)]
    assert edits == [("equal", "Slovakia, ", "Slovakia, "), ("insert", "", "Spain, "),
                     ("equal", "Sweden, Switzerland", "Sweden, Switzerland"), ("delete", ", Ukraine", ""),
                     ("equal", ", the United Kingdom", ", the United Kingdom")]
    # a change of words kept apart by punctuation alone, with no word to keep, stays word for word
    assert [e.op for e in diff_words("x, y", "p, q")] == ["replace", "equal", "replace"]
