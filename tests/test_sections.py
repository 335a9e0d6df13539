"""Sections as units: renamed, added, dropped, merged, split and moved sections, in every output."""

from __future__ import annotations

import json

import pytest
from lxml import html as lxml_html

import statediff
from statediff.cli import main
from statediff.sections import headings_of_pairs, sections_of

from .conftest import CORPORA, ROOT, SEEDS

TTC = ROOT / "fixtures" / "corpora" / "us-eu-trade-and-technology-council-joint-statements"


def _table(c: statediff.Comparison) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each section title (the new one; the old one for a dropped section) -> (status of its pair,
    the old titles of the pair)."""
    out = {}
    for sp in c.sections:
        for s in sp.right or sp.left:
            out[s.title] = (sp.status, tuple(t.title for t in sp.left))
    return out


@pytest.fixture(scope="module")
def two_plus_two() -> statediff.Comparison:
    return statediff.compare(statediff.read(SEEDS["jdf-2017"], part="2+2"), statediff.read(SEEDS["mofa-2022"]))


def test_the_seed_2plus2_sections_are_paired_and_renamed(two_plus_two) -> None:
    table = _table(two_plus_two)
    assert table["Regional affairs"] == ("renamed", ("Regional Situations",))
    assert table["General remarks"] == ("renamed", ("General Issues",))
    # Case alone is no rename.
    assert table["Security and defense cooperation"] == ("unchanged", ("Security and Defense Cooperation",))
    assert table["Disarmament and non-proliferation"] == ("added", ())
    # The 2017 "Regional Situations" commitments on a free and open Indo-Pacific now stand under a
    # heading of their own: it split off.
    regional = next(sp for sp in two_plus_two.sections if sp.right and sp.right[0].title == "Regional affairs")
    assert [s.title for s in regional.right] == ["Regional affairs", "Indo-Pacific cooperation"]
    assert two_plus_two.summary["sections"] == {"unchanged": 2, "renamed": 2, "added": 1, "dropped": 0, "moved": 0}


def test_every_section_is_in_exactly_one_pair(two_plus_two) -> None:
    for doc, side in ((two_plus_two.left, "left"), (two_plus_two.right, "right")):
        listed = [s for sp in two_plus_two.sections for s in getattr(sp, side)]
        assert sorted(listed, key=lambda s: s.clauses) == sections_of(doc.clauses)


def test_a_renamed_section_over_restated_commitments_and_a_heading_that_only_sounds_alike() -> None:
    # TTC 2023 -> 2024: "Outbound Investment Controls" became "Outbound Investment Security" (no clause
    # is linked, but the headings share "Outbound" and the texts are each other's closest match);
    # "AI Cooperation to Address Global Challenges" and "Biotechnology Cooperation to Promote the
    # Bioeconomy and Address Global Challenges" share half their heading and none of their matter.
    c = statediff.compare(statediff.read(TTC / "2023-05-31.txt"), statediff.read(TTC / "2024-04-05.txt"))
    table = _table(c)
    assert table["Outbound Investment Security"] == ("renamed", ("Outbound Investment Controls",))
    assert table["AI Cooperation to Address Global Challenges"] == ("dropped", ("AI Cooperation to Address Global Challenges",))
    biotech = next(k for k in table if k.startswith("Biotechnology Cooperation"))
    assert table[biotech] == ("added", ())
    assert table["Investment Screening"] == ("unchanged", ("Investment Screening",))


def test_a_heading_over_what_was_said_under_none_is_a_new_section() -> None:
    # The 2021 teleconference has no headings; the 2022 readout put "Regional affairs" over the
    # status-quo and North Korea commitments the teleconference had made: a heading added, not the
    # untitled text split (nor "unchanged")
    c = statediff.compare(statediff.read(SEEDS["teleconference-2021"]), statediff.read(SEEDS["mofa-2022"]))
    opening = next(sp for sp in c.sections if sp.left and sp.left[0].title == "")
    assert [s.title for s in opening.right] == [""]
    regional = next(sp for sp in c.sections if sp.right and sp.right[0].title == "Regional affairs")
    assert regional.status == "added" and not regional.left
    assert c.summary["sections"]["added"] == 5
    # the teleconference's dropped clauses stand where they stood, beside the clauses that continue them
    headings = headings_of_pairs(c)
    dropped = [h for p, h in zip(c.pairs, headings) if p.status == "dropped" and p.left == ("2.5",)]
    assert dropped == ["Regional affairs"]


def test_sections_mirror_when_the_documents_swap(two_plus_two) -> None:
    back = statediff.compare(two_plus_two.right, two_plus_two.left)
    flip = {"added": "dropped", "dropped": "added", "renamed": "renamed", "unchanged": "unchanged"}
    forward = {(sp.left, sp.right): sp for sp in two_plus_two.sections}
    for sp in back.sections:
        match = forward[(sp.right, sp.left)]
        assert (flip[sp.status], sp.moved, sp.links) == (match.status, match.moved, match.links)


def test_a_heading_renamed_over_the_same_clauses_is_a_change(capsys) -> None:
    body = "\n\n(1) We oppose change by force.\n\n(2) We support ASEAN.\n\n2. Other matters\n\n(1) We met.\n"
    a = statediff.parse("Joint Statement\n\n1. Regional issues" + body)
    b = statediff.parse("Joint Statement\n\n1. Regional affairs" + body)
    c = statediff.compare(a, b)
    assert [p.status for p in c.pairs] == ["unchanged"] * 3
    assert [(sp.status, sp.left[0].title, sp.right[0].title) for sp in c.sections] == \
        [("renamed", "Regional issues", "Regional affairs"), ("unchanged", "Other matters", "Other matters")]
    assert c.changed
    same = statediff.compare(a, statediff.parse("Joint Statement\n\n1. Regional Issues" + body))
    assert [sp.status for sp in same.sections] == ["unchanged"] * 2 and not same.changed


def test_json_text_and_html_carry_the_pairing(tmp_path, capsys) -> None:
    old, new = str(SEEDS["jdf-2017"]) + "#2+2", str(SEEDS["mofa-2022"])
    assert main(["compare", old, new, "-f", "json", "-o", str(tmp_path / "c.json")]) == 1
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    regional = next(s for s in data["sections"] if s["right"] and s["right"][0]["title"] == "Regional affairs")
    assert regional["status"] == "renamed" and regional["left"][0]["title"] == "Regional Situations"
    assert regional["right"][0]["clauses"][0] == "4(1).1" and regional["links"] >= 1
    assert data["summary"]["sections"]["renamed"] == 2

    assert main(["compare", old, new]) == 1
    out = capsys.readouterr().out
    assert '  ~ "Regional Situations" -> "Regional affairs" + "Indo-Pacific cooperation"  renamed  split\n' in out
    assert '  + "Disarmament and non-proliferation"  added\n' in out

    assert main(["compare", old, new, "-f", "html", "-o", str(tmp_path / "r.html")]) == 1
    tree = lxml_html.parse(str(tmp_path / "r.html"))
    ids = set(tree.xpath("//@id"))
    entries = tree.xpath("//details[@class='sd-sections']//li")
    assert len(entries) == len(data["sections"])
    assert all(h[1:] in ids for h in tree.xpath("//details[@class='sd-sections']//a/@href"))
    renamed = [li for li in entries if li.get("data-status") == "renamed"]
    assert [li.xpath("./a/text()")[0] for li in renamed] == ["General remarks", "Regional affairs"]
    assert tree.xpath("//h3[@class='sd-section'][contains(., 'Regional affairs')]/span/text()") == \
        [" (was \u201cRegional Situations\u201d)"]


# --- documents without headings: grouped by their own numbering or by paragraph --------------------

def test_a_document_without_headings_is_grouped_by_its_numbering_or_paragraphs() -> None:
    from statediff.sections import group_titles

    numbered = statediff.parse("1. The Ministers met. They agreed on trade.\n\n2. They discussed Ukraine.\n\n"
                               "(a) They condemned the invasion.\n")
    titles = group_titles(numbered.clauses)
    assert titles[0] == titles[1] == "1: The Ministers met."
    assert titles[2].startswith("2: They discussed Ukraine.")
    paragraphs = statediff.parse("We met today in Paris to review the partnership. We agreed on trade.\n\n"
                                 "We discussed:\n\n- Ukraine\n- the Indo-Pacific\n\nWe will meet again.\n")
    titles = group_titles(paragraphs.clauses)
    numbers = [cl.number for cl in paragraphs.clauses]
    assert titles[0] == titles[1] == "\u00b6 1: We met today in Paris to review the\u2026"
    # the bullets go with the paragraph that leads them in
    bullets = [t for n, t in zip(numbers, titles) if n.startswith("b")]
    assert bullets and set(bullets) == {titles[numbers.index("p2")]}
    assert titles[-1].startswith("\u00b6 3: ")
    assert group_titles(statediff.parse("We met. We agreed.").clauses) == ["", ""]  # one group: no titles
    headed = statediff.parse("Trade\n\nWe agreed on trade.\n\nSecurity\n\nWe discussed security.\n")
    assert group_titles(headed.clauses) == [cl.section for cl in headed.clauses]


def test_the_report_of_a_pair_without_headings_reads_paragraph_by_paragraph(capsys) -> None:
    from statediff.cli import main

    series = CORPORA / "aukus-leaders-statements"
    assert main(["compare", str(series / "2022-04-05.txt"), str(series / "2022-09-23.txt")]) == 1
    out = capsys.readouterr().out
    heads = [line for line in out.splitlines() if line.startswith("## ")]
    # the paragraph's opening words are not said twice over the clause that opens with them
    assert heads[:2] == ["## \u00b6 1", "## \u00b6 2"]
    assert len(heads) == len(set(heads)) >= 4
    # they stay where that clause is not shown (unchanged): they tell which paragraph it is
    before = ("The ministers met in Tokyo on Monday for their annual talks on security. They agreed to expand "
              "joint exercises in the region next year.\n\nThey will meet again in Paris next spring.\n")
    after = before.replace("joint exercises", "joint naval exercises").replace("Paris", "Rome")
    report = statediff.render(statediff.compare(statediff.parse(before), statediff.parse(after)), "text")
    assert [line for line in report.splitlines() if line.startswith("## ")] == [
        "## \u00b6 1: The ministers met in Tokyo on Monday for\u2026", "## \u00b6 2"]
    # even where the clause shown opens with the same words as the group's first
    same = "We will continue to work together on the energy transition. We will continue to work together on the climate."
    report = statediff.render(statediff.compare(statediff.parse(before + "\n" + same + "\n"),
                                                statediff.parse(before + "\n" + same.replace("climate", "oceans") + "\n")),
                              "text")
    assert [line for line in report.splitlines() if line.startswith("## ")] == [
        "## \u00b6 3: We will continue to work together on the\u2026"]


def test_a_heading_over_what_stood_under_none_is_added_and_the_report_says_only_the_sections_changed() -> None:
    c = statediff.compare(statediff.parse("We will expand trade.\n"), statediff.parse("Overview\n\nWe will expand trade.\n"))
    assert [sp.status for sp in c.sections] == ["renamed"]
    text = statediff.render(c, "text", all=True)
    assert "## Overview  (heading added)" in text and "was \u201c\u201d" not in text
    assert text.rstrip().endswith("No clause changed; only the sections did.")


def test_a_dropped_section_stands_under_its_own_heading_where_the_later_document_has_none() -> None:
    before = ("Trade\n\nWe agreed to expand trade in semiconductors.\n\n"
              "Fisheries\n\nWe discussed fishing quotas in the Pacific.\n\nWe agreed to protect tuna stocks.\n\n"
              "Climate\n\nWe will cut emissions by half by 2030.\n")
    after = ("We agreed to expand trade in semiconductors and chips.\n\n"
             "We will cut emissions by half by 2030.\n\nWe will meet again in Rome.\n")
    c = statediff.compare(statediff.parse(before), statediff.parse(after))
    assert "dropped" in [sp.status for sp in c.sections]
    text = statediff.render(c, "text")
    heads = [line for line in text.splitlines() if line.startswith("## ")]
    assert "## Fisheries  (section dropped)" in heads and heads.index("## Fisheries  (section dropped)") == 1
    block = text.split("## Fisheries  (section dropped)")[1].split("## ")[0]
    assert "fishing quotas" in block and "tuna stocks" in block
    page = lxml_html.fromstring(statediff.render(c, "html"))
    assert [h.text_content() for h in page.xpath("//h3")][1] == "Fisheries (section dropped)"
    entries = [li.xpath("string(a)") + li.xpath("string(span)") for li in page.xpath("//details[@class='sd-sections']//li")]
    assert entries[1] == "Fisheries \u00b7 2 dropped"
