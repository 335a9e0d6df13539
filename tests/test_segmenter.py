"""Segmentation: structure, numbering, parts, sentences, and annotated documents as a whole.

The five seeds are checked against hand-checked clause lists in ``fixtures/clauses/``; each quirk
found in the corpora has a small fixture in ``fixtures/clauses/quirks/`` and a test here. Clause cuts
and the annotation of single clauses (actor, verb, stance, negation, modality) are tested in
``tests/test_annotator.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import statediff
from statediff.cli import main
from statediff.errors import LexiconError, PartError
from statediff.lexicon import load_lexicon
from statediff.segmenter import split_sentences

from .conftest import CORPORA, FIXTURES, JF, ROOT, SEEDS

CLAUSES = FIXTURES / "clauses"
QUIRKS = CLAUSES / "quirks"
MOFA = SEEDS["mofa-2022"]
JDF = SEEDS["jdf-2017"]


def expected_clauses(path: Path) -> list[dict[str, str]]:
    """Parse a ``<seed>.expected.txt`` list: '@ number | kind | actor | verb | stance', then the text."""
    out: list[dict[str, str]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.startswith("@ "):
            number, kind, actor, verb, stance = (f.strip() for f in line[2:].split("|"))
            out.append({"number": number, "kind": kind, "actor": actor, "verb": verb, "stance": stance,
                        "text": lines[i + 1]})
    return out


def got_clauses(doc: statediff.Document) -> list[dict[str, str]]:
    return [{"number": c.number, "kind": c.kind, "actor": c.actor, "verb": c.verb, "stance": c.stance,
             "text": c.text} for c in doc.clauses]


def clause(doc: statediff.Document, start: str) -> statediff.Clause:
    found = [c for c in doc.clauses if c.text.startswith(start)]
    assert len(found) == 1, [c.text[:60] for c in found]
    return found[0]


# --------------------------------------------------------------------------------------------------
# The seeds against their hand-checked lists
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_clauses_match_the_hand_checked_list(seed: str) -> None:
    expected = expected_clauses(CLAUSES / f"{seed}.expected.txt")
    got = got_clauses(statediff.read(SEEDS[seed]))
    assert [c["text"] for c in got] == [c["text"] for c in expected]  # boundaries
    assert [c["number"] for c in got] == [c["number"] for c in expected]
    assert got == expected  # and the annotation


ALL_DOCUMENTS = sorted([*JF.glob("*.txt"), *CORPORA.glob("*/*.txt"), *QUIRKS.glob("*.txt")])


@pytest.mark.parametrize("path", ALL_DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_clause_spans_hold_exactly_the_clause_text(path: Path) -> None:
    doc = statediff.read(path)
    for c in doc.clauses:
        a, b = c.span
        source = doc.source[a:b]
        for x, y in doc.dropped:  # page furniture inside a clause's span is set aside
            if a <= x and y <= b:
                source = source.replace(doc.source[x:y], " ")
        # The same characters; only line breaks and runs of spaces differ.
        assert "".join(source.split()) == "".join(c.text.split())


# --------------------------------------------------------------------------------------------------
# Numbering
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ALL_DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_numbers_are_unique_and_come_from_the_structure(path: Path) -> None:
    doc = statediff.read(path)
    numbers = [c.number for c in doc.clauses]
    assert len(numbers) == len(set(numbers))
    # The collision suffix is a last resort: at most one in the whole collection (an annex that
    # restarts its list after bullets).
    assert sum("~" in n for n in numbers) <= 1


def test_numbers_follow_the_documents_own_numbering() -> None:
    doc = statediff.read(MOFA)
    numbers = [c.number for c in doc.clauses]
    assert "4(1).2" in numbers and "3(4)" in numbers and "5.p1" in numbers
    assert clause(doc, "and shared the view to strongly oppose").number == "4(1).2"
    assert clause(doc, "The four Ministers exchanged views on the cooperation in support for Tonga").number == "3(4)"


def _insert_after(source: str, anchor: str, paragraph: str) -> str:
    at = source.index(anchor) + len(anchor)
    return source[:at] + paragraph + source[at:]


def test_inserting_an_item_renumbers_nothing_else() -> None:
    source = MOFA.read_text(encoding="utf-8")
    edited = _insert_after(source, "in support for Tonga.\n",
                           "(5) The four Ministers welcomed the new dialogue on maritime security.\n")
    before = {c.text: c.number for c in statediff.parse(source).clauses}
    after = {c.text: c.number for c in statediff.parse(edited).clauses}
    assert all(after[t] == n for t, n in before.items())
    assert after["The four Ministers welcomed the new dialogue on maritime security."] == "3(5)"


def test_inserting_a_paragraph_in_one_section_keeps_the_others() -> None:
    source = JDF.read_text(encoding="utf-8")
    edited = _insert_after(source, "situation surrounding both countries.\n",
                           "\nThe two sides also agreed to meet again next year.\n")
    before = {c.text: c.number for c in statediff.parse(source).clauses}
    after = {c.text: c.number for c in statediff.parse(edited).clauses}
    assert all(after[t] == n for t, n in before.items())
    assert clause(statediff.parse(edited), "The two sides also agreed").number == "2:3.p2"


# Paragraph breaks after the title lines (where the first clause starts).
_BREAKS = {path: [i for i in range(len(text)) if text.startswith("\n\n", i)
                  and i >= statediff.parse(text).clauses[0].span[0]]
           for path in (MOFA, JDF, SEEDS["teleconference-2021"])
           for text in [path.read_text(encoding="utf-8")]}


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_a_paragraph_inserted_anywhere_keeps_every_printed_number(data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(sorted(_BREAKS)), label="document")
    at = data.draw(st.sampled_from(_BREAKS[path]), label="offset")
    source = path.read_text(encoding="utf-8")
    edited = source[:at] + "\n\nThe Ministers also agreed to meet again next year." + source[at:]
    after = {c.text: c.number for c in statediff.parse(edited).clauses}
    for c in statediff.parse(source).clauses:
        # Numbers the document prints (items, sections, parts) never move; only the ordinals of
        # unmarked paragraphs after the new one, under the same heading, may.
        if "p" not in c.number:
            assert after[c.text] == c.number


def test_paragraph_numbers_are_scoped_to_their_heading() -> None:
    text = "Title\n\nGeneral\n\nWe agreed on A.\n\nWe agreed on B.\n\nRegional\n\nWe agreed on C.\n"
    numbers = [c.number for c in statediff.parse(text).clauses]
    assert numbers == ["1.p1", "1.p2", "2.p1"]
    inserted = text.replace("We agreed on A.\n", "We agreed on A.\n\nWe agreed on A2.\n")
    assert [c.number for c in statediff.parse(inserted).clauses][-1] == "2.p1"


def test_markers_glued_to_text_and_nested() -> None:
    doc = statediff.parse("1.General remarks\n(1) We agreed on A.\n(2) We agreed on B.\n"
                          "2.Regional affairs\n(1) We welcomed C.\n  4. \u25cfsharing D.\n")
    assert [c.number for c in doc.clauses] == ["1(1)", "1(2)", "2(1)", "2(1).4.b1"]
    assert [c.section for c in doc.clauses][:3] == ["General remarks", "General remarks", "Regional affairs"]


def test_restarting_items_under_unnumbered_headings_get_the_heading_ordinal() -> None:
    text = ("Joint statement\n\nGeneral remarks\n\n(1) We agreed on A.\n(2) We agreed on B.\n\n"
            "Regional affairs\n\n(1) We condemned C.\n")
    assert [c.number for c in statediff.parse(text).clauses] == ["1(1)", "1(2)", "2(1)"]


def test_paragraph_numbers_running_across_unnumbered_headings() -> None:
    text = ("Leaders' Communique\n\n2023/05/20\n\nPreamble\n\n1. We met in Hiroshima for our annual Summit.\n\n"
            "2. To this end, we will take concrete steps to:\n\u2022 support Ukraine for as long as it takes;\n"
            "\u2022 strengthen disarmament efforts.\n\nUkraine\n\n3. We reaffirm our commitment to stand together.\n")
    doc = statediff.parse(text)
    assert doc.title == "Leaders' Communique" and doc.date == "2023-05-20"
    assert [c.number for c in doc.clauses] == ["1", "2", "2.b1", "2.b2", "3"]
    assert [c.section for c in doc.clauses] == ["Preamble"] * 4 + ["Ukraine"]


def test_a_title_case_heading_may_end_in_a_colon() -> None:
    doc = statediff.parse("Joint Statement\n\nGeneral Remarks:\n\nWe agreed to cooperate.\n\nWe intend to:\n\n"
                          "- meet again;\n- talk.\n\nRegional Affairs:\n\nWe condemned the launch.\n")
    assert [(c.number, c.section) for c in doc.clauses] == [
        ("1.p1", "General Remarks"), ("1.p2", "General Remarks"), ("1.b1", "General Remarks"),
        ("1.b2", "General Remarks"), ("2.p1", "Regional Affairs")]


def test_markdown_headings() -> None:
    text = ("# Joint statement\n\n## General\n\n1. We agreed on A.\n2. We agreed on B.\n\n## Regional\n\n"
            "1. We condemned C.\n")
    doc = statediff.parse(text, input_format="markdown")
    assert doc.title == "Joint statement"
    assert [c.number for c in doc.clauses] == ["1.1", "1.2", "2.1"]
    assert [c.section for c in doc.clauses] == ["General", "General", "Regional"]


# --------------------------------------------------------------------------------------------------
# Quirks found in the corpora (one fixture each)
# --------------------------------------------------------------------------------------------------


def test_filled_text_whose_first_line_looks_like_a_title() -> None:
    # AUKUS 2023: "Today, we, the leaders of Australia, the United Kingdom, and the United" is the
    # first line of a filled paragraph, and "Article 14 of ..." starts a line inside one.
    doc = statediff.read(QUIRKS / "filled-first-line.txt")
    assert doc.title == ""
    assert doc.clauses[0].text.startswith("Today, we, the leaders of Australia")
    assert doc.clauses[-1].text.endswith(
        "pursuant to Article 14 of Australia\u2019s Comprehensive Safeguards Agreement.")
    assert not any(c.section for c in doc.clauses)


def test_paragraph_numbers_run_across_wrapped_roman_titles() -> None:
    # US-EU summit 2021: paragraphs 1..N run across "I. ..." titles that wrap over two lines, and
    # "6.  We resolve to reinforce cooperation to reform the World Health" wraps like a title.
    doc = statediff.read(QUIRKS / "running-numbers-roman-titles.txt")
    heads = {c.number.split(".")[0] for c in doc.clauses}
    assert heads == {"1", "2", "4", "6", "9"}
    assert clause(doc, "We resolve to reinforce cooperation").number == "6.1"
    assert clause(doc, "We resolve to reinforce cooperation").section.startswith("End the COVID-19 pandemic")
    assert clause(doc, "We plan to continue and strengthen").section == "Protect our planet and foster green growth"


def test_lettered_sections_and_subheadings() -> None:
    # TTC 2022: "II." / "A." / an unnumbered subtitle / bullets; the bullets stay inside "II.A".
    doc = statediff.read(QUIRKS / "lettered-sections-subheadings.txt")
    numbers = [c.number for c in doc.clauses]
    assert numbers[:4] == ["II.A.p1.1", "II.A.p1.2", "II.A.p1.3", "II.A.b1.1"]
    assert numbers[-2] == "II.A.b2.3"
    assert doc.clauses[0].section == "Digital Infrastructure and Connectivity: Joint Initiatives with Jamaica and Kenya"
    # The excerpt ends with "B. ..." and a wrapped title-case subheading with nothing under it: "B." is
    # numbered, a heading; the plain line after it heads nothing, so it is the excerpt's text.
    last = doc.clauses[-1]
    assert (last.number, last.section) == ("II.B.p1", "Cooperation on New and Emerging Technologies")
    assert last.text.startswith("Artificial Intelligence (AI) Roadmap and Pilot Project on Privacy-Enhancing")


def test_a_plain_heading_after_the_last_text_is_text_and_its_change_is_a_change() -> None:
    ending = "Trade\n\nWe agreed to expand trade.\n\nSecurity\n"
    c = statediff.compare(statediff.parse(ending), statediff.parse(ending.replace("Security", "Energy")))
    assert (c.summary.added, c.summary.dropped) == (1, 1)
    # a heading followed by text is a heading; so are a closing date, a numbered or Markdown heading,
    # and the lines of a document without text (its title and front matter)
    assert statediff.parse(ending + "\nWe will meet again.\n").clauses[-1].section == "Security"
    for closing in ("31 May 2023", "II. Security", "## Security"):
        assert [c.text for c in statediff.parse(ending.replace("Security", closing)).clauses] == [
            "We agreed to expand trade."], closing
    dated = statediff.parse("31 May 2023\n\nJoint Statement on Trade\n")
    assert (dated.title, dated.clauses) == ("Joint Statement on Trade", ())
    # a news agency's credit alone on its line is set aside, as page furniture
    wire = statediff.parse("Tokyo: The ministers met.\n\nThey agreed to meet again.\n\nAP\n")
    assert [c.text for c in wire.clauses] == ["Tokyo: The ministers met.", "They agreed to meet again."]
    assert [wire.source[a:b] for a, b in wire.dropped] == ["AP"]


def test_annex_titles_are_sections_not_parts() -> None:
    # TTC 2021: "Annex I" / "Statement on Investment Screening" are one section title, and topic
    # headings do not split a single meeting into parts.
    doc = statediff.read(QUIRKS / "annex-titles-not-parts.txt")
    assert doc.parts == ()
    assert doc.clauses[0].number == "I.1.1"
    assert doc.clauses[0].section == "Annex I: Statement on Investment Screening"
    whole = statediff.read(CORPORA / "us-eu-trade-and-technology-council-joint-statements" / "2021-09-29.txt")
    assert whole.parts == ()


def test_list_items_carry_their_lead_in() -> None:
    # CRI 2022: "We intend to:" then items without a subject of their own.
    doc = statediff.read(QUIRKS / "lead-in-list.txt")
    items = [c for c in doc.clauses if c.number.startswith("b")]
    assert len(items) == 4
    assert {(c.kind, c.actor, c.verb, c.stance) for c in items} == {("commitment", "We", "intend to", "commit")}
    assert clause(doc, "Building our resilience").kind == "context"  # the list has ended


def test_rules_emphasis_and_stray_full_stops_left_by_conversions() -> None:
    doc = statediff.parse("Key deliverables\n\n*This year the members agreed to act.\n*\n\n"
                          "*Post-Quantum Cryptography*\n\n"
                          "We will continue to explore policy tools and possible action against these\n"
                          "practices. including by fostering supply chain diversification and building\n"
                          "resilience, such as the G7\n\u2013 we intend to identify additional commonalities in\n"
                          "current digital trade policies across our economies and the partners.\n")
    assert doc.title == "Key deliverables"
    assert [c.section for c in doc.clauses] == ["", "Post-Quantum Cryptography"]
    # One sentence: the stray full stop before "including" and the dash line inside it do not cut it.
    assert "practices. including by fostering" in doc.clauses[1].text
    assert "such as the G7 \u2013 we intend" in doc.clauses[1].text
    assert [doc.source[a:b] for a, b in doc.dropped] == ["*"]  # set aside, not read as text


def test_page_furniture_is_set_aside() -> None:
    text = ("FOR IMMEDIATE RELEASE\n\nJoint Statement\n\nThe Ministers agreed to deepen cooperation in the\n"
            "- 2 -\nregion and welcomed the new dialogue.\n\nPage 3 of 5\n\nShare\n")
    doc = statediff.parse(text)
    assert doc.title == "Joint Statement"
    # the page number inside the paragraph does not break it
    assert [c.text for c in doc.clauses] == ["The Ministers agreed to deepen cooperation in the region",
                                             "and welcomed the new dialogue."]
    assert [doc.source[a:b] for a, b in doc.dropped] == ["FOR IMMEDIATE RELEASE", "- 2 -", "Page 3 of 5", "Share"]


def test_nested_bullets_and_the_paragraph_after_them() -> None:
    doc = statediff.read(SEEDS["teleconference-2021"])
    assert clause(doc, "sharing lessons learned").number == "4.b1"
    assert clause(doc, "Minister Parly consented").number == "4.p1"


# --------------------------------------------------------------------------------------------------
# Parts
# --------------------------------------------------------------------------------------------------


def test_a_document_holding_several_meetings_has_parts() -> None:
    doc = statediff.read(JDF)
    assert [p.title for p in doc.parts][1:] == [
        "Meeting between the Minister of Defense and Jens Stoltenberg, Secretary General of NATO",
        "Japan-France Defense Ministerial Meeting",
        "The Third Japan-France Foreign and Defense Ministers\u2019 Meeting (\u201c2+2\u201d)",
    ]
    assert clause(doc, "The four ministers agreed to start negotiations").number == "4:2.1"


@pytest.mark.parametrize("part", ["2+2", "third japan-france", 4, "4"])
def test_a_part_is_selected_by_title_substring_or_index(part: object) -> None:
    doc = statediff.read(JDF, part=part)
    assert doc.part.startswith("The Third Japan-France")
    assert doc.clauses[0].text.startswith("On January 6th")
    assert clause(doc, "The four ministers agreed to start negotiations").number == "2.1"
    assert not any("Stoltenberg" in c.text for c in doc.clauses)


@pytest.mark.parametrize(("part", "message"), [
    ("Japan-France", "matches several parts"),
    ("Ukraine", "no part title contains 'Ukraine'"),
    (9, "part 9 does not exist: the document has 4 parts"),
])
def test_ambiguous_and_missing_parts_are_errors(part: object, message: str) -> None:
    with pytest.raises(PartError, match=message):
        statediff.read(JDF, part=part)


def test_a_document_without_parts_is_its_own_first_part() -> None:
    assert statediff.read(MOFA, part=1).clauses == statediff.read(MOFA).clauses
    with pytest.raises(PartError, match="has no parts"):
        statediff.read(MOFA, part=2)


def test_cli_compares_one_part_with_another_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(JDF), str(MOFA), "--left-part", "4", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["left"]["part"].startswith("The Third Japan-France")
    assert {c["number"] for c in data["left"]["clauses"]} >= {"p1.1", "1.1", "2.1", "3.3"}
    pair = next(p for p in data["pairs"] if "2.1" in p["left"])  # the ACSA negotiations
    assert pair["status"] == "dropped"


def test_cli_part_errors_are_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clauses", str(JDF), "--part", "Ukraine"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("statediff: ") and err.count("\n") == 1


# --------------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------------


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize("text", [
    "H.E. Mr. Jean-Yves Le Drian met Ms. Parly in Paris.",
    "The U.S. Secretary of State and the U.N. Secretary-General spoke.",
    "Japan Defense Focus No. 85 reports Gen. Yoshida and Adm. Sakai.",
    "The rate is 2-1/4 to 2-1/2 percent, or 1.5 percent on Jan. 27.",
    "The Hon. Florence Parly, Minister for the Armed Forces, attended.",
    "The Secretary of State, Gen. (Ret.) Smith, and Amb. Emanuel also attended.",
])
def test_abbreviations_names_and_numbers_do_not_end_sentences(text: str) -> None:
    assert sentences(text) == [text]


def test_a_time_abbreviation_before_a_new_sentence_ends_it() -> None:
    text = "The meeting lasted from 9:30 p.m. to 11:15 p.m. After the meeting, a Joint Statement was issued."
    assert sentences(text) == ["The meeting lasted from 9:30 p.m. to 11:15 p.m.",
                               "After the meeting, a Joint Statement was issued."]


def test_quotations_are_never_split() -> None:
    text = ("He called France \u201ca partner. A reliable one.\u201d They agreed. "
            "\u201cThe environment is severe,\u201d Kishi said. She added \"we act. We will.\" It ended.")
    assert sentences(text) == ["He called France \u201ca partner. A reliable one.\u201d", "They agreed.",
                               "\u201cThe environment is severe,\u201d Kishi said.",
                               "She added \"we act. We will.\"", "It ended."]


def test_japanese_sentences_end_at_the_ideographic_full_stop() -> None:
    text = "両大臣は会談を行った。北朝鮮について意見交換した！日本側は「協力する。」と述べた。"
    assert sentences(text) == ["両大臣は会談を行った。", "北朝鮮について意見交換した！", "日本側は「協力する。」と述べた。"]


# --------------------------------------------------------------------------------------------------
# Annotated documents
# --------------------------------------------------------------------------------------------------


def test_a_japanese_readout_is_numbered_annotated_and_compared() -> None:
    path = QUIRKS / "japanese-readout.txt"
    doc = statediff.read(path)
    assert doc.title == "日仏防衛相会談（概要）"
    assert [(c.number, c.section, c.actor, c.stance) for c in doc.clauses] == [
        ("1(1).1", "総論", "両大臣", "reaffirm"), ("1(1).2", "総論", "両大臣", "welcome"),
        ("1(2)", "総論", "両大臣", "confirm"),
        ("2(1).1", "地域情勢", "両大臣", "concern"), ("2(1).2", "地域情勢", "両大臣", "oppose"),
        ("2(2).1", "地域情勢", "両大臣", "concern"), ("2(2).2", "地域情勢", "岸大臣", "urge"),
    ]
    assert [c.modality for c in doc.clauses][2] == "will"  # 強化していく
    edited = statediff.parse(path.read_text(encoding="utf-8").replace("強く反対する", "反対する"))
    changed = [p for p in statediff.compare(doc, edited).pairs if p.status != "unchanged"]
    assert [(p.left, p.right) for p in changed] == [(("2(1).2",), ("2(1).2",))]
    assert [e.left for e in changed[0].edits if e.op != "equal"] == ["強く"]


def test_an_empty_document_has_no_clauses() -> None:
    assert statediff.parse("").clauses == ()
    assert statediff.parse("\n\n   \n").clauses == ()


# --------------------------------------------------------------------------------------------------
# Lexicon as data
# --------------------------------------------------------------------------------------------------


def test_a_user_lexicon_extends_the_verbs(tmp_path: Path) -> None:
    text = "The Ministers deplored the launch. The Ministers warned against any provocation."
    assert [c.stance for c in statediff.parse(text).clauses] == ["condemn", ""]
    data = json.loads((ROOT / "statediff" / "data" / "lexicon.json").read_text(encoding="utf-8"))
    data["verbs"]["urge"].append("warned against")
    user = tmp_path / "lexicon.json"
    user.write_text(json.dumps({"verbs": data["verbs"]}), encoding="utf-8")
    lexicon = load_lexicon(user)
    doc = statediff.parse(text, lexicon=lexicon)
    assert [(c.kind, c.verb, c.stance) for c in doc.clauses] == [("commitment", "deplored", "condemn"),
                                                                ("commitment", "warned against", "urge")]


def test_a_user_lexicon_can_add_context_markers(tmp_path: Path) -> None:
    user = tmp_path / "lexicon.json"
    user.write_text(json.dumps({"context_markers": ["on the sidelines of"]}), encoding="utf-8")
    text = "On the sidelines of the summit, the Ministers discussed trade."
    assert statediff.parse(text).clauses[0].kind == "commitment"
    assert statediff.parse(text, lexicon=load_lexicon(user)).clauses[0].kind == "context"


def test_cli_clauses_takes_a_user_lexicon(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "statement.txt"
    doc.write_text("The Ministers warned against any provocation.\n", encoding="utf-8")
    user = tmp_path / "lexicon.json"
    user.write_text(json.dumps({"verbs": {"urge": ["warned against"]}}), encoding="utf-8")
    assert main(["clauses", str(doc), "--format", "json", "--lexicon", str(user)]) == 0
    c = json.loads(capsys.readouterr().out)["clauses"][0]
    assert (c["kind"], c["verb"], c["stance"]) == ("commitment", "warned against", "urge")
    assert main(["clauses", str(doc), "--lexicon", str(tmp_path / "missing.json")]) == 2
    assert "no such lexicon file" in capsys.readouterr().err


def test_a_broken_lexicon_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(LexiconError, match="not a readable JSON lexicon"):
        load_lexicon(bad)


# --------------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------------


def test_clauses_text_is_readable_at_a_glance(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clauses", str(MOFA), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "## Regional affairs" in out
    block = out[out.index("4(1).2"):].split("\n\n")[0]
    assert "The four Ministers" in block and "shared the view" in block and "oppose" in block
    assert "and shared the view to strongly oppose attempts" in block


def test_clauses_json_keeps_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clauses", str(MOFA), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "statediff.clauses/1"
    c = next(c for c in data["clauses"] if c["number"] == "4(1).2")
    assert {k: c[k] for k in ("section", "kind", "actor", "verb", "stance")} == {
        "section": "Regional affairs", "kind": "commitment", "actor": "The four Ministers",
        "verb": "shared the view", "stance": "oppose"}
    assert isinstance(c["span"], list) and len(c["span"]) == 2


def test_overlong_sentences_are_cut_into_bounded_pieces() -> None:
    # Text with no sentence punctuation and unbalanced parentheses would be one endless sentence.
    from statediff.segmenter import MAX_SENTENCE

    text = " ".join(f"(note{i} the ministers agreed on cooperation" for i in range(2000))
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(b - a <= MAX_SENTENCE for a, b in spans)
    assert " ".join(text[a:b] for a, b in spans).split() == text.split()


def test_quotations_still_hold_their_sentences_together() -> None:
    t = 'He said "We agree. Fully." Then (as noted. Really.) they left. Done.'
    assert [t[a:b] for a, b in split_sentences(t)] == [
        'He said "We agree. Fully."', "Then (as noted. Really.) they left.", "Done."]


def test_a_word_added_to_an_overlong_sentence_changes_only_its_own_piece() -> None:
    from statediff.segmenter import MAX_SENTENCE

    words = [f"the partners will support initiative number {i} in region {i % 7}," for i in range(150)]
    before = "We commit to the following: " + " ".join(words) + " and more."
    after = before.replace("We commit", "We strongly commit")
    a, b = split_sentences(before), split_sentences(after)
    assert len(a) > 2 and all(q - p <= MAX_SENTENCE for p, q in a + b)
    pieces_a, pieces_b = [before[p:q] for p, q in a], [after[p:q] for p, q in b]
    assert pieces_a[1:] == pieces_b[1:] and pieces_a[0] != pieces_b[0]  # every cut after the word stays
    c = statediff.compare(statediff.parse(before), statediff.parse(after))
    assert [p.status for p in c.pairs].count("changed") == 1 and c.summary["labels"]["number-change"] == 0


def test_markdown_headings_number_items_as_plain_headings_do() -> None:
    # items numbered 1..4 across two headings keep their own numbers, in Markdown as in plain text
    plain = ("Joint Statement\n\nSecurity\n\n1. We will deepen defence cooperation.\n\n2. We oppose any attempt to "
             "change the status quo.\n\nClimate\n\n3. We commit to net zero by 2050.\n\n4. We will share information.\n")
    markdown = plain.replace("Joint Statement", "# Joint Statement").replace("Security", "## Security").replace(
        "Climate", "## Climate")
    numbers = [[c.number for c in statediff.parse(text).clauses] for text in (plain, markdown)]
    assert numbers == [["1", "2", "3", "4"]] * 2
    # where every section's list starts again at 1, the heading's number tells them apart
    restart = "# T\n\n## A\n\n1. We will meet.\n\n2. We will act.\n\n## B\n\n1. We will talk.\n\n2. We will go.\n"
    assert [c.number for c in statediff.parse(restart).clauses] == ["1.1", "1.2", "2.1", "2.2"]


def test_a_dateline_is_no_title() -> None:
    for head in ("31 May 2023\nLuleå, Sweden", "Leuven, Belgium", "September 29, 2021", "Washington, D.C."):
        doc = statediff.parse(f"{head}\n\nI. Introduction\n\nThe Ministers met and agreed to cooperate.\n")
        assert doc.title == "", (head, doc.title)
    titled = statediff.parse("Joint Statement on Cooperation\n\nLeuven, Belgium\n\nI. Introduction\n\n"
                             "The Ministers met and agreed to cooperate.\n")
    assert titled.title == "Joint Statement on Cooperation"
    assert statediff.parse("Tokyo Declaration\n\nThe Ministers agreed to cooperate.\n").title == "Tokyo Declaration"
