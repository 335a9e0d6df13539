"""End-to-end behaviour of the Python API on the seed documents."""

from __future__ import annotations

import itertools
import json

import pytest

import statediff

from .conftest import ROOT, SEEDS


def _pairs_with(result: statediff.Comparison, phrase: str) -> list[statediff.Pair]:
    return [p for p in result.pairs if phrase in p.left_text or phrase in p.right_text]


@pytest.fixture(scope="module")
def tele_vs_2plus2() -> statediff.Comparison:
    return statediff.compare(statediff.read(SEEDS["teleconference-2021"]), statediff.read(SEEDS["mofa-2022"]))


def test_status_quo_clause_is_one_changed_pair(tele_vs_2plus2: statediff.Comparison) -> None:
    pairs = _pairs_with(tele_vs_2plus2, "status quo")
    assert len(pairs) == 1
    (pair,) = pairs
    assert pair.status == "changed"
    assert "by coercion" in pair.left_text and "by force" in pair.right_text
    deleted = " ".join(e.left for e in pair.edits if e.op in ("delete", "replace"))
    inserted = " ".join(e.right for e in pair.edits if e.op in ("insert", "replace"))
    assert "coercion" in deleted.split() and "force" in inserted.split()
    assert "force" not in deleted and "coercion" not in inserted


def test_dismantlement_clause_is_one_changed_pair(tele_vs_2plus2: statediff.Comparison) -> None:
    pairs = _pairs_with(tele_vs_2plus2, "dismantlement")
    assert len(pairs) == 1
    assert pairs[0].status == "changed"
    assert pairs[0].left and pairs[0].right


def test_pairs_cover_every_clause_once(tele_vs_2plus2: statediff.Comparison) -> None:
    left = [i for p in tele_vs_2plus2.pairs for i in p.left_index]
    right = [j for p in tele_vs_2plus2.pairs for j in p.right_index]
    assert sorted(left) == list(range(len(tele_vs_2plus2.left.clauses)))
    assert sorted(right) == list(range(len(tele_vs_2plus2.right.clauses)))
    # reading order of the right document
    firsts = [min(p.right_index) for p in tele_vs_2plus2.pairs if p.right_index]
    assert firsts == sorted(firsts)


def test_summary_counts_match_pairs(tele_vs_2plus2: statediff.Comparison) -> None:
    s = tele_vs_2plus2.summary
    for status in ("unchanged", "changed", "added", "dropped"):
        assert s[status] == sum(p.status == status for p in tele_vs_2plus2.pairs)
    assert s["moved"] == sum(p.moved for p in tele_vs_2plus2.pairs)
    assert tele_vs_2plus2.changed


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_against_itself_has_no_change(name: str) -> None:
    doc = statediff.read(SEEDS[name])
    result = statediff.compare(doc, doc)
    assert not result.changed
    assert all(p.status == "unchanged" and p.score == 1.0 and not p.labels for p in result.pairs)
    assert len(result.pairs) == len(doc.clauses) > 0


REQUIRED_PAIR_KEYS = {"status", "left", "right", "score", "moved", "left_text", "right_text", "edits", "labels"}


def _check_schema(data: dict, left: statediff.Document, right: statediff.Document) -> None:
    assert data["schema"] == "statediff.comparison/1"
    for side, doc in (("left", left), ("right", right)):
        assert data[side]["name"] == doc.name
        numbers = [c["number"] for c in data[side]["clauses"]]
        assert len(numbers) == len(set(numbers)) == len(doc.clauses)
        for c in data[side]["clauses"]:
            assert {"number", "text", "span"} <= set(c)
            a, b = c["span"]
            assert 0 <= a < b <= len(doc.source)
    seen = {"left": [], "right": []}
    for p in data["pairs"]:
        assert REQUIRED_PAIR_KEYS <= set(p)
        assert p["status"] in ("unchanged", "changed", "added", "dropped")
        assert 0.0 <= p["score"] <= 1.0
        for e in p["edits"]:
            assert set(e) >= {"op", "left", "right"} and e["op"] in ("equal", "insert", "delete", "replace")
        assert "".join(e["left"] for e in p["edits"]) == p["left_text"]
        assert "".join(e["right"] for e in p["edits"]) == p["right_text"]
        seen["left"] += p["left"]
        seen["right"] += p["right"]
    assert sorted(seen["left"]) == sorted(c["number"] for c in data["left"]["clauses"])
    assert sorted(seen["right"]) == sorted(c["number"] for c in data["right"]["clauses"])
    assert set(data["summary"]) >= {"unchanged", "changed", "added", "dropped", "moved"}


@pytest.mark.parametrize("a,b", list(itertools.permutations(sorted(SEEDS), 2)))
def test_every_seed_pair_in_every_format(a: str, b: str) -> None:
    left, right = statediff.read(SEEDS[a]), statediff.read(SEEDS[b])
    result = statediff.compare(left, right)
    _check_schema(json.loads(statediff.render(result, "json")), left, right)
    text = statediff.render(result, "text")
    assert text.startswith(f"--- {left.name}")
    html = statediff.render(result, "html")
    assert html.startswith("<!DOCTYPE html>") and right.name in html


def test_parts_select_one_meeting() -> None:
    whole = statediff.read(SEEDS["jdf-2017"])
    assert len(whole.parts) >= 3
    part = statediff.read(SEEDS["jdf-2017"], part="2+2")
    assert "Third" in part.part
    assert part.clauses and len(part.clauses) < len(whole.clauses)
    assert any("Acquisition and Cross Servicing Agreement" in c.text for c in part.clauses)
    assert not any("Stoltenberg" in c.text for c in part.clauses)
    by_index = statediff.read(SEEDS["jdf-2017"], part=len(whole.parts))
    assert [c.text for c in by_index.clauses] == [c.text for c in part.clauses]
    with pytest.raises(statediff.PartError):
        statediff.read(SEEDS["jdf-2017"], part="no such meeting")
    with pytest.raises(statediff.PartError):
        statediff.read(SEEDS["jdf-2017"], part=99)


def test_empty_document_has_no_clauses_and_compares_as_all_added() -> None:
    empty = statediff.parse("", name="empty.txt")
    doc = statediff.read(SEEDS["teleconference-2021"])
    assert empty.clauses == ()
    forward = statediff.compare(empty, doc)
    assert {p.status for p in forward.pairs} == {"added"}
    backward = statediff.compare(doc, empty)
    assert {p.status for p in backward.pairs} == {"dropped"}
    assert not statediff.compare(empty, empty).changed


def test_cosmetic_difference_is_unchanged_with_label() -> None:
    a = statediff.parse("(1) The Ministers welcomed the \u201cFree and Open Indo\u2011Pacific\u201d vision.")
    b = statediff.parse('(2) The Ministers welcomed the "Free and Open Indo-Pacific"  vision.')
    (pair,) = statediff.compare(a, b).pairs
    assert pair.status == "unchanged"
    assert pair.labels == ("cosmetic",)
    assert not statediff.compare(a, b).changed


def test_read_accepts_path_str_and_file_objects(tmp_path) -> None:
    path = SEEDS["mofa-2022"]
    by_path = statediff.read(path)
    by_str = statediff.read(str(path))
    with open(path, "rb") as fh:
        by_binary = statediff.read(fh)
    with open(path, encoding="utf-8") as fh:
        by_text = statediff.read(fh)
    texts = [[c.text for c in d.clauses] for d in (by_path, by_str, by_binary, by_text)]
    assert texts[0] == texts[1] == texts[2] == texts[3]
    assert by_binary.name == path.name


def test_a_missing_path_is_an_error_not_text() -> None:
    with pytest.raises(statediff.ReadError, match="no such file"):
        statediff.read("The Ministers agreed.")


def test_reprs_are_short_and_say_what_is_inside() -> None:
    # They embedded every source in full: 185 KB for a comparison, 593 KB for a series.
    corpus = ROOT / "fixtures" / "corpora" / "us-eu-trade-and-technology-council-joint-statements"
    docs = [statediff.read(p) for p in sorted(corpus.glob("*.txt"))[-2:]]
    c = statediff.compare(*docs)
    s = statediff.track(docs)
    for obj in (docs[0], c, s):
        assert len(repr(obj)) < 400
    assert repr(docs[1]).startswith(f"Document(name={docs[1].name!r}, date=") and f"clauses={len(docs[1])}" in repr(docs[1])
    assert f"pairs={len(c.pairs)}, changed={c.summary['changed']}, added={c.summary['added']}" in repr(c)
    assert f"Series(documents=2, first={docs[0].name!r}" in repr(s) and f"lineages={len(s.lineages)}" in repr(s)


def test_summary_is_a_frozen_record_read_as_the_old_dict(tele_vs_2plus2: statediff.Comparison) -> None:
    import dataclasses

    from statediff.classifier import LABELS
    from statediff.model import Summary

    s = tele_vs_2plus2.summary
    assert isinstance(s, Summary)
    assert list(s) == ["unchanged", "changed", "added", "dropped", "moved", "labels", "sections"]
    assert s["changed"] == s.changed == s.get("changed") and s.get("nothing", 7) == 7
    assert list(s["labels"]) == list(LABELS) and dict(s.labels) == s["labels"]
    assert list(s["sections"]) == ["unchanged", "renamed", "added", "dropped", "moved"]
    as_dict = dict(s)
    assert as_dict == s and s == as_dict and json.loads(json.dumps(as_dict)) == as_dict
    as_dict["labels"]["softened"] = 99  # a copy: the record does not change
    assert s["labels"]["softened"] != 99
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.changed = 0  # type: ignore[misc]
    with pytest.raises(KeyError):
        s["shown_labels"]
    # shown_labels: the labels of the pairs the comparison holds, most frequent first
    shown = [(label, n) for label, n in s.labels if n]
    assert sorted(s.shown_labels) == sorted(shown)
    assert [n for _, n in s.shown_labels] == sorted((n for _, n in s.shown_labels), reverse=True)


def test_a_comparison_can_be_hashed(tele_vs_2plus2: statediff.Comparison) -> None:
    again = statediff.compare(tele_vs_2plus2.left, tele_vs_2plus2.right)
    assert again == tele_vs_2plus2 and hash(again) == hash(tele_vs_2plus2)
    assert len({tele_vs_2plus2, again}) == 1


def test_summary_counts_the_whole_comparison_and_shows_the_kept_pairs() -> None:
    a = statediff.parse("(1) We oppose change by coercion.\n(2) We welcome the talks.")
    b = statediff.parse("(1) We oppose change by force.\n(2) We welcome the new talks.\n(3) We agreed.")
    whole = statediff.compare(a, b)
    kept = statediff.compare(a, b, only="added")
    assert kept.summary == whole.summary and dict(kept.summary) == dict(whole.summary) and kept.summary["added"] == 1
    assert kept.summary.shown_labels == () and whole.summary.shown_labels
    # built by hand: counted from the pairs, or completed from a partial mapping
    by_hand = statediff.Comparison(whole.left, whole.right, whole.pairs, sections=whole.sections)
    assert dict(by_hand.summary) == dict(whole.summary) and by_hand.changed
    partial = statediff.Comparison(whole.left, whole.right, whole.pairs, {"changed": 5})
    assert partial.summary["changed"] == 5 and partial.summary["added"] == 1


def test_summarize_is_a_deprecated_alias() -> None:
    from statediff.api import summarize

    c = statediff.compare(statediff.parse("(1) We agreed."), statediff.parse("(1) We disagreed."))
    with pytest.warns(DeprecationWarning):
        assert summarize(c.pairs, c.sections) == c.summary


def test_render_dispatches_on_the_record_and_rejects_what_it_does_not_know() -> None:
    doc = statediff.parse("(1) We agreed.")
    c = statediff.compare(doc, doc)
    with pytest.raises(statediff.FormatError, match="unknown format 'yaml'; choose one of html, json, text"):
        statediff.render(c, "yaml")
    with pytest.raises(ValueError):  # as before FormatError existed
        statediff.render(c, "yaml")
    with pytest.raises(statediff.FormatError, match="takes no option 'colour' .it takes: all, color, digest_only"):
        statediff.render(c, "text", colour=True)
    with pytest.raises(statediff.FormatError, match="json renderer of a Comparison takes no option 'color' .it takes none"):
        statediff.render(c, "json", color=True)
    with pytest.raises(statediff.FormatError, match="cannot render a Document as html; its formats: json, text"):
        statediff.render(doc, "html")
    with pytest.raises(statediff.FormatError, match="cannot render a int as text"):
        statediff.render(42, "text")
    assert statediff.render(doc, "text", width=60).startswith("<text>")
    assert issubclass(statediff.FormatError, statediff.StatediffError)


def test_register_adds_a_format_with_its_own_options() -> None:
    from statediff.renderers import _RENDERERS, formats, register

    @register("count", statediff.Comparison)
    def count_pairs(c: statediff.Comparison, *, status: str = "changed") -> str:
        return f"{sum(p.status == status for p in c.pairs)} {status}\n"

    try:
        c = statediff.compare(statediff.parse("(1) We agreed."), statediff.parse("(1) We disagreed."))
        assert statediff.render(c, "count") == "1 changed\n"
        assert statediff.render(c, "count", status="added") == "0 added\n"
        assert "count" in formats(statediff.Comparison) and "count" not in formats(statediff.Series)
        with pytest.raises(statediff.FormatError, match="takes no option 'colour'"):
            statediff.render(c, "count", colour=True)
        with pytest.raises(statediff.FormatError, match="cannot render a Document as count"):
            statediff.render(c.left, "count")
    finally:
        del _RENDERERS[(statediff.Comparison, "count")]
    assert "count" not in formats()


def test_input_format_is_the_name_and_format_is_deprecated() -> None:
    text = "# Title\n\n1. We agreed.\n"
    new = statediff.parse(text, input_format="markdown")
    with pytest.warns(DeprecationWarning, match=r"parse\(format=...\) is deprecated"):
        old = statediff.parse(text, format="markdown")
    assert old == new and new.format == "markdown"
    path = ROOT / "fixtures" / "japan-france" / "2021-01-15-defence-ministers-teleconference.txt"
    with pytest.warns(DeprecationWarning, match=r"read\(format=...\)"):
        assert statediff.read(path, format="text") == statediff.read(path, input_format="text")
    with pytest.raises(statediff.StatediffError, match="disagree"), pytest.warns(DeprecationWarning):
        statediff.read(path, format="text", input_format="html")
