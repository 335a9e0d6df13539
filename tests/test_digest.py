"""The digest: the changes that matter most, ranked by the documented rule (statediff.digest)."""

from __future__ import annotations

import json

import pytest

import statediff
from statediff.cli import main
from statediff.digest import DIGEST_SIZE, TERMS_SHOWN, digest
from statediff.sections import dropped_titles, headings_of_pairs
from statediff.terms import key_terms

from .conftest import CORPORA, JF

BEFORE = """(1) We strongly oppose any unilateral attempt to change the status quo by force.

(2) The Ministers met in Tokyo on 15 January.

(3) We will hold the next meeting in Paris.

(4) We will provide 2 billion doses of vaccine.
"""
AFTER = """(1) We express serious concern about any unilateral attempt to change the status quo by force.

(2) The Ministers met in Paris on 20 January.

(3) We will hold the next meeting in Paris.

(4) We will provide 3 billion doses of vaccine.

(5) We condemn the missile launches.

(6) The talks lasted two hours.
"""


def _items(c):
    return [(i.label, i.left, i.right) for i in c.digest.items]


def test_stance_shifts_lead_then_numbers_then_commitments_and_narrative_stays_out() -> None:
    c = statediff.compare(statediff.parse(BEFORE), statediff.parse(AFTER))
    assert _items(c) == [
        ("softened", ("(1)",), ("(1)",)),
        ("number changed", ("(4)",), ("(4)",)),
        ("commitment added", (), ("(5)",)),
    ]
    first = c.digest.items[0]
    assert first.what == "\u201cstrongly oppose\u201d \u2192 \u201cexpress serious concern about\u201d"
    assert first.stance == "concern" and c.digest.more == 0
    # the narrative's changed date (2) and the context clause added (6) are in the report, not the digest
    assert {p.status for p in c.pairs if p.right in (("(2)",), ("(6)",))} == {"changed", "added"}


def test_the_digest_is_kept_whatever_only_shows() -> None:
    a, b = statediff.parse(BEFORE), statediff.parse(AFTER)
    assert statediff.compare(a, b, only="added").digest == statediff.compare(a, b).digest


def test_a_long_rewrite_lists_fifteen_and_counts_the_rest() -> None:
    series = CORPORA / "us-eu-summit-statements"
    c = statediff.compare(statediff.read(series / "2021-06-15.txt"), statediff.read(series / "2023-10-20.txt"))
    assert len(c.digest.items) == DIGEST_SIZE and c.digest.more >= 5
    labels = [i.label for i in c.digest.items]
    # the key terms have places of their own, after the strongest commitments: a shorter digest
    # keeps them and lists fewer of the other items
    terms = [k for k, label in enumerate(labels) if label.startswith("term")]
    assert len(terms) == TERMS_SHOWN and terms == list(range(terms[0], terms[0] + len(terms)))
    short = digest(c, size=5)
    assert [i.label for i in short.items].count("term appears") + [i.label for i in short.items].count(
        "term vanishes") == TERMS_SHOWN
    assert short.more == len(c.digest.items) - TERMS_SHOWN + c.digest.more - (5 - TERMS_SHOWN)


def test_a_shift_in_a_clause_that_moved_and_is_only_loosely_alike_is_left_to_the_report() -> None:
    # "a reciprocal mechanism has been put in place" (Semiconductors) and "will explore putting in
    # place a reciprocal mechanism" (Clean Energy Incentives) are two mechanisms: the report keeps
    # the pair and its label, the digest does not list it
    series = CORPORA / "us-eu-trade-and-technology-council-joint-statements"
    c = statediff.compare(statediff.read(series / "2023-05-31.txt"), statediff.read(series / "2024-04-05.txt"))
    pair = next(p for p in c.pairs if p.left == ("II.A.h4.p5.2",))
    assert pair.right == ("II.B.h4.p2.4",) and pair.moved and pair.score < 0.5 and "hedge-added" in pair.labels
    assert not any(i.left == pair.left for i in digest(c, size=200).items)
    # kept in place, the same change of wording is an item
    before = "(1) A reciprocal mechanism has been put in place.\n\n(2) We will meet again.\n"
    after = "(1) We will explore putting in place a reciprocal mechanism.\n\n(2) We will meet again.\n"
    kept = statediff.compare(statediff.parse(before), statediff.parse(after))
    assert "hedge-added" in kept.pairs[0].labels and not kept.pairs[0].moved
    assert [i.left for i in kept.digest.items if "hedge added" in i.label] == [("(1)",)]


def test_a_narrative_that_becomes_a_commitment_changes_no_modality() -> None:
    before = "(1) We will meet again.\n\n(2) The Policy Pillar led efforts to counter the business model of ransomware.\n"
    after = ("(1) We will meet again.\n\n(2) These efforts seek to counter the business model of ransomware.\n\n"
             "(3) We should counter the business model of extortion.\n")
    c = statediff.compare(statediff.parse(before), statediff.parse(after))
    pair = next(p for p in c.pairs if p.left == ("(2)",))
    assert pair.right == ("(2)",) and "modality-change" in pair.labels  # the report keeps the label
    assert not any(i.label.startswith("modality") for i in c.digest.items)
    # a commitment on both sides does change its modality
    will = statediff.parse("(1) We will support the fund.\n")
    intend = statediff.parse("(1) We intend to support the fund.\n")
    assert [i.label for i in statediff.compare(will, intend).digest.items] == ["modality changed"]


def test_the_digest_alone_keeps_the_sections_to_their_count(capsys) -> None:
    series = CORPORA / "us-eu-trade-and-technology-council-joint-statements"
    assert main(["compare", str(series / "2021-09-29.txt"), str(series / "2022-12-05.txt"), "--digest"]) == 1
    lines = capsys.readouterr().out.splitlines()
    at = next(k for k, line in enumerate(lines) if line.startswith("sections: "))
    assert lines[at + 1] == "" and lines[at + 2].startswith("what matters most")
    assert len(lines) <= 25  # one screen


def test_identical_documents_have_an_empty_digest(capsys) -> None:
    path = JF / "2021-01-15-defence-ministers-teleconference.txt"
    doc = statediff.read(path)
    assert not statediff.compare(doc, doc).digest
    assert main(["compare", str(path), str(path), "--digest"]) == 0
    assert "Nothing to single out" in capsys.readouterr().out


def test_digest_in_text_json_and_html(tmp_path, capsys) -> None:
    a, b = tmp_path / "2021-01-01-a.txt", tmp_path / "2022-01-01-b.txt"
    a.write_text(BEFORE, encoding="utf-8")
    b.write_text(AFTER, encoding="utf-8")
    assert main(["compare", str(a), str(b), "--digest"]) == 1
    out = capsys.readouterr().out
    assert "what matters most:\n  softened  (1)  \u201cstrongly oppose\u201d" in out
    assert "(6)" not in out and "[-" not in out  # only the digest, no pairs
    main(["compare", str(a), str(b), "-f", "json"])
    data = json.loads(capsys.readouterr().out)
    assert [i["label"] for i in data["digest"]["items"]] == ["softened", "number changed", "commitment added"]
    assert data["digest"]["more"] == 0 and data["digest"]["items"][2]["right"] == ["(5)"]
    main(["compare", str(a), str(b), "-f", "html", "-o", str(tmp_path / "r.html")])
    from lxml import html as lhtml

    tree = lhtml.parse(str(tmp_path / "r.html")).getroot()
    links = tree.xpath("//section[@class='sd-digest']//a/@href")
    assert len(links) == 3 and all(tree.xpath(f"//*[@id='{h[1:]}']") for h in links)
    # each item says where it is as the text does, on both sides where the numbers differ
    fomc = CORPORA / "fomc-implementation-notes-2015-2016"
    c = statediff.compare(statediff.read(fomc / "2015-12-16.txt"), statediff.read(fomc / "2016-01-27.txt"))
    page = lhtml.fromstring(statediff.render(c, "html"))
    assert page.xpath("//a[@class='sd-digest-at']/text()") == ["b1", "b3.1 \u2192 b3"]
    assert "decision changed  b3.1 -> b3  " in statediff.render(c, "text", digest_only=True)
    assert main(["compare", str(a), str(b), "--digest", "-f", "json"]) == 2
    assert "--digest is for text output" in capsys.readouterr().err


def test_a_changed_date_is_no_number_that_matters() -> None:
    a = statediff.parse("The Committee will keep the rate at 0.25 percent, as decided on December 16, 2015.")
    b = statediff.parse("The Committee will keep the rate at 0.25 percent, as decided on January 27, 2016.")
    c = statediff.parse("The Committee will keep the rate at 0.50 percent, as decided on January 27, 2016.")
    assert "number-change" in statediff.compare(a, b).pairs[0].labels
    assert not statediff.compare(a, b).digest
    assert [i.label for i in statediff.compare(b, c).digest.items] == ["number changed"]


def test_the_number_of_a_recurring_meeting_is_no_number_that_matters() -> None:
    """"COP26" -> "COP28" and "26th" -> "28th" name the next session of a yearly meeting, as a date
    does; a figure beside them still counts."""
    a = statediff.parse("We resolve to achieve an ambitious outcome at the 26th Conference of the Parties (COP26).")
    b = statediff.parse("We resolve to achieve an ambitious outcome at the 28th Conference of the Parties (COP28).")
    c = statediff.parse("We resolve to achieve an ambitious outcome at the 28th Conference of the Parties (COP28), "
                        "with 5 billion euros.")
    d = statediff.parse("We resolve to achieve an ambitious outcome at the 28th Conference of the Parties (COP28), "
                        "with 7 billion euros.")
    assert "number-change" in statediff.compare(a, b).pairs[0].labels
    assert not statediff.compare(a, b).digest
    assert [i.label for i in statediff.compare(c, d).digest.items] == ["number changed"]
    # a figure written against its currency code, and a word that starts with a month's name, still count
    e = statediff.parse("The Ministers committed USD100 million to the Market Access Fund.")
    f = statediff.parse("The Ministers committed USD200 million to the Market Access Fund.")
    assert [i.label for i in statediff.compare(e, f).digest.items] == ["number changed"]
    g = statediff.parse("The Mayor committed 3 billion euros.")
    h = statediff.parse("The Mayor committed 4 billion euros.")
    assert [i.label for i in statediff.compare(g, h).digest.items] == ["number changed"]


def test_the_text_report_and_the_json_group_pairs_by_section(capsys) -> None:
    left = JF / "2017-01-06-japan-defense-focus-85-third-2plus2.txt"
    right = JF / "2022-01-20-sixth-2plus2-mofa-readout.txt"
    main(["compare", f"{left}#2+2", str(right)])
    out = capsys.readouterr().out
    heads = [line for line in out.splitlines() if line.startswith("## ")]
    order = list(dict.fromkeys(c.section for c in statediff.read(right).clauses if c.section))
    assert [h[3:].split("  (was")[0] for h in heads] == order  # the later document's, in its order, once each
    assert "## Regional affairs  (was \u201cRegional Situations\u201d)" in heads
    main(["compare", f"{left}#2+2", str(right), "-f", "json"])
    data = json.loads(capsys.readouterr().out)
    sections = {c["number"]: c["section"] for c in data["right"]["clauses"]}
    assert all(p["section"] == sections[p["right"][0]] for p in data["pairs"] if p["right"])


def test_a_dropped_clause_stands_under_the_section_that_continues_its_own(capsys) -> None:
    series = CORPORA / "us-eu-trade-and-technology-council-joint-statements"
    left, right = series / "2023-05-31.txt", series / "2024-04-05.txt"
    c = statediff.compare(statediff.read(left), statediff.read(right))
    headings = headings_of_pairs(c)
    # "Addressing Economic Coercion" was dropped: its clauses stand under its own heading, marked so
    gone = next(sp for sp in c.sections if sp.left and sp.left[0].title == "Addressing Economic Coercion")
    assert not gone.right and "Addressing Economic Coercion" in dropped_titles(c)
    under = {h for p, h in zip(c.pairs, headings) if p.left_index and p.left_index[0] in gone.left[0].clauses}
    assert under == {"Addressing Economic Coercion"}
    # every other dropped clause stands under a section that continues its own
    right_of = {cl.number: cl.section for cl in c.right.clauses}
    gone_titles = dropped_titles(c)
    for p, h in zip(c.pairs, headings):
        if p.status == "dropped" and h != "Addressing Economic Coercion" and h in gone_titles:
            continue
        if p.status == "dropped":
            sp = next(sp for sp in c.sections for sec in sp.left if p.left_index[0] in sec.clauses)
            assert h in [sec.title for sec in sp.right] or not sp.right, (p.left, h)
        else:
            assert h == right_of[p.right[0]]
    # the text report names each heading once, the dropped section's marked as such
    main(["compare", str(left), str(right), "--color", "never"])
    heads = [line for line in capsys.readouterr().out.splitlines() if line.startswith("## ")]
    assert len(heads) == len(set(heads))
    assert "## Addressing Economic Coercion  (section dropped)" in heads


def test_a_deadline_moved_is_a_number_changed_and_a_meeting_year_is_not() -> None:
    def labels(before: str, after: str) -> list[str]:
        return [i.label for i in statediff.compare(statediff.parse(before), statediff.parse(after)).digest.items]

    assert labels("We commit to net zero by 2050.", "We commit to net zero by 2060.") == ["number changed"]
    assert labels("We will phase out coal no later than 2030.", "We will phase out coal no later than 2035.") == [
        "number changed"]
    assert labels("We will act by the end of 2025.", "We will act by the end of 2026.") == ["number changed"]
    assert labels("In 2015, we will hold the review.", "In 2016, we will hold the review.") == []
    assert labels("We will meet on December 16, 2015.", "We will meet on January 27, 2016.") == []


def test_a_decision_reversed_leads_and_courtesies_stay_out() -> None:
    series = CORPORA / "fomc-implementation-notes-2015-2016"
    c = statediff.compare(statediff.read(series / "2015-12-16.txt"), statediff.read(series / "2016-01-27.txt"))
    first = c.digest.items[0]
    assert (first.label, first.right) == ("decision changed", ("b1",))
    assert first.what.startswith("\u201cvoted unanimously to raise\u201d \u2192 \u201cleft unchanged\u201d")
    assert [i.right for i in c.digest.items if i.label == "decision changed"] == [("b1",), ("b3",)]
    # the change of the decision leads, before the rewording around it ("In a related action, the" -> "The")
    second = c.digest.items[1]
    assert second.what.startswith("\u201cvoted unanimously to approve a 1/4 percentage\u2026\u201d \u2192 "
                                  "\u201ctook no action"), second.what
    # a change of function words alone is no change to show beside one that says something
    seeds = statediff.compare(statediff.read(JF / "2021-01-15-defence-ministers-teleconference.txt"),
                              statediff.read(JF / "2022-01-20-sixth-2plus2-mofa-readout.txt"))
    assert not seeds.digest.items[0].what.endswith("\u2212\u201cthe\u201d")
    a = statediff.parse("(1) Minister Parly congratulated Minister Kishi on his appointment.\n\n(2) We met.\n")
    b = statediff.parse("(2) We met.\n\n(3) We intend to:\n\n(4) The Ministers thanked the hosts.\n")
    assert not statediff.compare(a, b).digest


def test_a_fragment_ending_in_a_comma_is_not_a_commitment_that_matters() -> None:
    a = statediff.parse("(1) We met in Paris.\n")
    b = statediff.parse("(1) We met in Paris.\n\n(2) We are committed to working with them,\n")
    assert statediff.compare(a, b).pairs[-1].status == "added" and not statediff.compare(a, b).digest


def test_a_commitment_whose_words_the_other_side_still_uses_is_left_to_the_report_as_a_likely_rewrite() -> None:
    before = ("(1) Critical minerals remain vital for the energy transition and require attention.\n\n"
              "(2) We intend to work with partners in Africa on mining standards and cooperate on refining.\n\n"
              "(3) We will launch a joint fund for clean hydrogen.\n")
    after = "(1) We will cooperate on critical minerals.\n\n(2) We will review export controls on dual-use items.\n"
    c = statediff.compare(statediff.parse(before), statediff.parse(after))
    assert [p.status for p in c.pairs if p.right_index] == ["added", "added"]  # no suggestion reaches 0.2
    assert all(s.score < 0.2 for p in c.pairs for s in p.suggestions)
    kinds = [(i.label, i.left or i.right) for i in digest(c, size=200).items if i.label.startswith("commitment")]
    # the added (1) was said before in other words: only the new (2) is listed
    assert kinds == [("commitment added", ("(2)",))]
    from statediff.digest import CARRIED_OVER, _Reading
    from statediff.lexicon import default_lexicon

    carried = _Reading(c, default_lexicon())
    assert carried.share([c.right.clauses[0]], "left") >= CARRIED_OVER > carried.share([c.right.clauses[1]], "left")


def test_a_dropped_commitment_is_listed_only_when_it_voiced_alarm() -> None:
    before = ("(1) We condemn the missile launches.\n\n(2) We will hold joint exercises in the Pacific.\n\n"
              "(3) We will meet again.\n")
    after = "(3) We will meet again.\n"
    c = statediff.compare(statediff.parse(before), statediff.parse(after))
    assert [p.status for p in c.pairs][:2] == ["dropped", "dropped"]
    assert [(i.label, i.left) for i in c.digest.items if i.label.startswith("commitment")] == [
        ("commitment dropped", ("(1)",))]
    # between two accounts of one meeting, what only one says is listed whatever its stance
    accounts = statediff.compare(statediff.parse(before), statediff.parse(after), accounts=True)
    assert [i.left for i in accounts.digest.items if i.label == "only in A"] == [("(1)",), ("(2)",)]


def test_what_the_later_statement_says_anew_ranks_before_what_it_does_not_repeat() -> None:
    before = "(1) We condemn the missile launches.\n\n(2) We will meet again.\n"
    after = "(1) We will meet again.\n\n(2) We will launch a joint fund for clean hydrogen.\n"
    c = statediff.compare(statediff.parse(before), statediff.parse(after))
    assert [(i.label, i.left or i.right) for i in c.digest.items if i.label.startswith("commitment")] == [
        ("commitment added", ("(2)",)), ("commitment dropped", ("(1)",))]
    # two accounts of one meeting: what only one of them says ranks alike on either side, the
    # strongest stance first
    accounts = statediff.compare(statediff.parse(before), statediff.parse(after), accounts=True)
    assert [i.label for i in accounts.digest.items if i.label.startswith("only")] == ["only in A", "only in B"]


def test_the_tail_of_a_sentence_cut_in_two_ranks_after_a_whole_commitment() -> None:
    before = "(1) We will meet again.\n\n(2) We reaffirm our partnership.\n"
    after = ("(1) We will meet again.\n\n(2) We reaffirm our partnership and will launch a joint fund for wind power.\n\n"
             "(3) We will launch a joint fund for clean hydrogen.\n")
    c = statediff.compare(statediff.parse(before), statediff.parse(after))
    tail = next(cl for cl in c.right.clauses if cl.text.startswith("and will"))
    whole = next(cl for cl in c.right.clauses if cl.number == "(3)")
    assert tail.stance == whole.stance == "commit"  # the same stance: only the cut tells them apart
    order = [i.right[0] for i in c.digest.items if i.label == "commitment added"]
    assert order == [whole.number, tail.number]


def test_a_tail_whose_head_is_added_too_is_not_an_item_of_its_own_unless_it_says_more() -> None:
    c = _added("(1) We will meet again.\n\n(2) We reaffirm our partnership with Kenya and confirm the progress to date.\n\n"
             "(3) We welcome the new fund and strongly oppose any attempt to change the status quo by force.\n")
    listed = [i.right[0] for i in c.digest.items if i.label == "commitment added"]
    assert "(2).1" in listed and "(2).2" not in listed  # "and confirm the progress" adds nothing to its head
    assert "(3).2" in listed  # "and strongly oppose" says more than "We welcome"




def test_the_future_will_coming_or_going_alone_is_no_change_of_modality_for_the_digest() -> None:
    will = statediff.parse("(1) We will continue to support the development of these mechanisms.\n")
    plain = statediff.parse("(1) We continue to support the development of these mechanisms.\n")
    may = statediff.parse("(1) We may continue to support the development of these mechanisms.\n")
    dropped_will = statediff.compare(will, plain)
    assert "modality-change" in dropped_will.pairs[0].labels  # the label says what changed
    assert not dropped_will.digest  # the commitment stands as it stood
    assert [i.label for i in statediff.compare(will, may).digest.items] == ["modality changed"]
    assert [i.label for i in statediff.compare(plain, may).digest.items] == ["modality changed"]


def test_sections_added_dropped_or_renamed_are_left_to_the_section_table() -> None:
    before = ("(1) We will cut tariffs on steel.\n\nClimate Action\n\n(2) We will cut emissions by half.\n\n"
              "Trade Policy\n\n(3) We will cut tariffs.\n")
    after = ("Intro\n\n(2) We will cut emissions by half.\n\nEnergy Security\n\n(4) We will store gas.\n\n"
             "Next Steps\n\n(5) We will meet again in Rome.\n")
    c = statediff.compare(statediff.parse(before), statediff.parse(after))
    assert {sp.status for sp in c.sections} >= {"added", "dropped"}  # the report's section table has them
    assert not [i for i in digest(c, size=200).items if i.label.startswith("section")]
    assert [i.right for i in c.digest.items] == [("(4)",), ("(5)",)]


def _accounts(a: str, b: str) -> statediff.Comparison:
    """The comparison of two accounts of one meeting, given as texts."""
    return statediff.compare(statediff.parse(a), statediff.parse(b), accounts=True)


def _added(after: str, accounts: bool = False) -> statediff.Comparison:
    """The comparison of a statement of one clause, "(1) We will meet again.", with ``after``."""
    return statediff.compare(statediff.parse("(1) We will meet again.\n"), statediff.parse(after), accounts=accounts)


def test_what_a_thing_will_do_ranks_after_what_a_party_commits_to() -> None:
    c = _added("(1) We will meet again.\n\n(2) These platforms will allow members to share threat information.\n\n"
             "(3) We will rebuild the energy grids.\n\n"
             "(4) The four Ministers will hold joint exercises.\n")
    assert {cl.number: cl.stance for cl in c.right.clauses}["(2)"] == "commit"
    assert [i.right for i in c.digest.items] == [("(3)",), ("(4)",), ("(2)",)]


def test_what_the_parties_say_they_are_doing_ranks_as_going_on() -> None:
    c = _added("(1) We will meet again.\n\n(2) We are working together to advance research on the Digital Services Act.\n\n"
               "(3) We will rebuild the energy grids.\n\n(4) We are endorsing a work programme on standards.\n")
    assert [cl.verb for cl in c.right.clauses[1:]] == ["are working", "will rebuild", "are endorsing"]
    # at work already, like "we will continue to": after what is committed anew; "are endorsing" does it now
    assert [i.right for i in c.digest.items] == [("(3)",), ("(4)",), ("(2)",)]


def test_what_the_thing_just_brought_in_will_do_is_part_of_its_item() -> None:
    c = _added("(1) We will meet again.\n\n"
               "(2) Canada will establish an advisory panel on ransomware. This panel will catalyze information sharing.\n\n"
               "(3) We endorsed guidance on cyber insurance. The guidance underscores the role insurers can play.\n\n"
               "(4) We will sell three submarines to Australia. The platforms will allow members to share threats.\n\n"
               "(5) In August the three nations signed an agreement. This agreement will enable the transfer of material.\n")
    assert [(cl.number, cl.actor) for cl in c.right.clauses if cl.actor.startswith(("This", "The"))] == [
        ("(2).2", "This panel"), ("(3).2", "The guidance"), ("(4).2", "The platforms"), ("(5).2", "This agreement")]
    # a thing the clause before brought in (an added commitment) is part of its item; "The platforms"
    # are not the submarines, and an agreement only told of (a narrative) leaves the clause an item
    assert sorted(i.right for i in c.digest.items) == [("(2).1",), ("(3).1",), ("(4).1",), ("(4).2",), ("(5).2",)]


def test_a_term_whose_clauses_are_all_listed_gives_its_place_to_another() -> None:
    before = "(1) We will meet again.\n\n(2) We will support our partners on trade and investment.\n"
    after = ("(1) We will meet again.\n\n(2) We condemn the attacks on shipping by the Houthis.\n\n"
             "(3) We will support our partners in Kenya on trade and investment.\n")
    c = statediff.compare(statediff.parse(before), statediff.parse(after))
    assert ("commitment added", ("(2)",)) in [(i.label, i.right) for i in c.digest.items]
    terms = [i.what for i in c.digest.items if i.label == "term appears"]
    assert terms and not any("Houthis" in t for t in terms) and any("Kenya" in t for t in terms)


def test_a_dropped_pledge_of_restraint_is_listed() -> None:
    before = "(1) Australia will not acquire nuclear weapons.\n\n(2) We will hold joint exercises.\n\n(3) We will meet.\n"
    after = "(3) We will meet.\n"
    c = statediff.compare(statediff.parse(before), statediff.parse(after))
    assert [(i.label, i.left) for i in c.digest.items if i.label.startswith("commitment")] == [
        ("commitment dropped", ("(1)",))]


def test_two_accounts_take_turns_within_a_tier() -> None:
    a = ("(1) The Ministers confirmed their cooperation on space with India.\n\n"
         "(2) The Ministers confirmed their work on cyber with Estonia.\n\n(3) We will meet again.\n")
    b = ("(1) We will meet again.\n\n(2) The Ministers reaffirmed their support for the reconstruction of Tonga.\n\n"
         "(3) The Ministers reaffirmed their support for maritime patrols in the Pacific.\n")
    c = _accounts(a, b)
    order = [i.label for i in c.digest.items if i.label.startswith("only")]
    assert order == ["only in B", "only in A", "only in B", "only in A"]


def test_what_a_thing_will_do_ranks_after_a_dropped_pledge_of_restraint() -> None:
    before = "(1) We will meet again.\n\n(5) Australia will not acquire nuclear weapons.\n"
    after = ("(1) We will meet again.\n\n(2) These platforms will allow members to share threat information.\n\n"
             "(3) We will rebuild the energy grids.\n")
    c = statediff.compare(statediff.parse(before), statediff.parse(after))
    assert [(i.label, i.left or i.right) for i in c.digest.items] == [
        ("commitment added", ("(3)",)), ("commitment dropped", ("(5)",)), ("commitment added", ("(2)",))]


def test_a_weak_tail_and_a_move_among_affirming_stances_are_no_items() -> None:
    before = "(1) We share the view that online platforms must protect children.\n\n(2) We will meet again.\n"
    after = ("(1) We reaffirm our view that online platforms must protect children.\n\n(2) We will meet again.\n\n"
             "(3) The Ministers exchanged views on the region, and reaffirmed their continued close cooperation.\n\n"
             "(4) The Ministers welcomed the report, and strongly oppose any attempt to change the status quo by force.\n")
    c = statediff.compare(statediff.parse(before), statediff.parse(after))
    assert "strengthened" in c.pairs[0].labels  # the report still says so
    assert [(i.label, i.right) for i in c.digest.items] == [("commitment added", ("(4).2",))]


def test_no_term_vanishes_from_a_much_shorter_statement() -> None:
    from statediff.digest import SHORTER

    long = ("(1) We will meet again.\n\n(2) We will support the reconstruction of Ukraine.\n\n"
            "(3) We will work together on trade.\n\n(4) We will work together on energy.\n\n"
            "(5) We will work together on health.\n")
    short = "(1) We will meet again.\n\n(3) We will work together on trade.\n\n(4) We will work together on energy.\n"
    c = statediff.compare(statediff.parse(long), statediff.parse(short))
    assert len(c.right.clauses) < SHORTER * len(c.left.clauses)
    assert not [i for i in c.digest.items if i.label == "term vanishes"]  # it leaves out, it does not drop
    fuller = short + "\n(5) We will work together on health.\n"
    c = statediff.compare(statediff.parse(long), statediff.parse(fuller))
    assert [(i.label, i.left) for i in c.digest.items if i.label == "term vanishes"] == [("term vanishes", ("(2)",))]
    # what appears in a shorter statement, and what only one of two accounts says, are still listed
    accounts = statediff.compare(statediff.parse(long), statediff.parse(short), accounts=True)
    assert [i.label for i in digest(accounts, size=1).items] == ["term only in A"]  # its place is kept


def test_what_a_party_continues_ranks_after_what_it_says_anew() -> None:
    c = _added("(1) We will meet again.\n\n(2) We will continue to work together on trade with Kenya.\n\n"
             "(3) We remain committed to the partnership with ASEAN.\n\n"
             "(4) We will launch a joint fund for clean hydrogen.\n\n"
             "(5) We welcome the report and will continue to refine this forum.\n")
    assert [i.right for i in c.digest.items] == [("(4)",), ("(2)",), ("(3)",)]
    # "and will continue to refine this forum" goes on with what its sentence has just said
    assert [p.status for p in c.pairs if p.right == ("(5).2",)] == ["added"]


def test_a_view_affirmed_anew_ranks_after_a_step_taken_between_two_versions_only() -> None:
    c = _added("(1) We will meet again.\n\n(2) We reaffirm that urgent action is needed on climate in the Sahel.\n\n"
             "(3) We confirm the indispensable role of independent media in Belarus.\n\n"
             "(4) We urge all countries to join the clean hydrogen fund.\n")
    assert [(i.right, i.stance) for i in c.digest.items] == [
        (("(4)",), "urge"), (("(2)",), "reaffirm"), (("(3)",), "confirm")]
    # between two accounts of one meeting, what only one says it affirmed is what it reports agreed:
    # the more salient stance first
    accounts = _added(c.right.source, accounts=True)
    assert [i.right for i in accounts.digest.items] == [("(2)",), ("(4)",), ("(3)",)]


def test_a_view_stated_anew_takes_no_step_and_is_left_to_the_report() -> None:
    views = ("(1) We will meet again.\n\n(2) We recognize its indispensable role in informing public opinion in Moldova.\n\n"
             "(3) We are also united in our belief of the potential of AI.\n\n"
             "(4) The United States and the European Union recall the importance of trusted networks in Africa.\n\n"
             "(5) We confirm the indispensable role of independent media in Belarus.\n")
    c = _added(views)
    assert [cl.kind for cl in c.right.clauses[1:]] == ["commitment"] * 4
    added = [i.right for i in c.digest.items if i.label == "commitment added"]
    assert added == [("(5)",)]  # what the parties confirm is a position taken
    # between two accounts, what one reports the parties recognized is what it reports they said
    accounts = _added(views, accounts=True).digest.items
    assert [i.right for i in accounts if i.label == "only in B"] == [("(2)",), ("(4)",), ("(5)",), ("(3)",)]


def test_between_two_accounts_what_a_report_only_relays_ranks_after_what_was_agreed() -> None:
    a = ("(1) Japanese officials have said they hope to deepen their defense ties in the Arctic.\n\n"
         "(2) The foreign minister described the two countries as indispensable partners.\n\n(3) We will meet again.\n")
    b = ("(1) We will meet again.\n\n(2) The Ministers reaffirmed their support for maritime patrols.\n\n"
         "(3) The Ministers affirmed the importance of peace and stability across the Taiwan Strait.\n")
    c = _accounts(a, b)
    # what one relays that names nothing the other account does not ("indispensable partners") is
    # left to the report
    assert [(i.label, i.left or i.right) for i in c.digest.items] == [
        ("only in B", ("(2)",)), ("only in B", ("(3)",)), ("only in A", ("(1)",))]


def test_the_tail_of_a_narrative_or_a_courtesy_is_no_item() -> None:
    before = ("(1) We will meet again.\n\n(2) Minister Kishi expressed his condolences for the victims of the attacks, "
              "and the Government of Japan firmly condemns all forms of terrorism.\n")
    after = ("(1) We will meet again.\n\n(3) We engaged with other countries who share our concerns about the "
             "practices in the sector, and conveyed these concerns directly to China.\n\n"
             "(4) The Ministers shared serious concerns about the situation in the region, and strongly oppose any "
             "attempt to change the status quo by force.\n")
    c = statediff.compare(statediff.parse(before), statediff.parse(after))
    # only the tail that goes on with a commitment (its head, which a comma ends, is no item of its own)
    assert [(i.label, i.left or i.right) for i in c.digest.items if i.label.startswith("commitment")] == [
        ("commitment added", ("(4).2",))]


def test_an_alarm_restated_on_both_sides_starts_or_stops_nothing() -> None:
    before = ("(1) We reiterate our strong condemnation of the war of aggression against Ukraine.\n\n"
              "(2) We will meet again.\n")
    restated = ("(1) We reiterated the central role of the council, reconfirmed in the context of the war of "
                "aggression against Ukraine.\n\n(2) We will meet again.\n")
    voiced = "(1) We support a just peace after the war of aggression against Ukraine.\n\n(2) We will meet again.\n"
    c = statediff.compare(statediff.parse(before), statediff.parse(restated))
    assert [cl.stance for cl in c.left.clauses[:1] + c.right.clauses[:1]] == ["condemn", "reaffirm"]
    assert c.pairs[0].status == "changed" and not c.digest  # each restates a standing position
    c = statediff.compare(statediff.parse(before), statediff.parse(voiced))
    assert _items(c) == [("stance changed: condemn \u2192 support", ("(1)",), ("(1)",))]  # it stops condemning


def test_between_two_accounts_a_point_relayed_is_no_other_stance() -> None:
    a = ("(1) He also noted North Korea's nuclear and missile development.\n\n"
         "(2) Japan supports the sanctions against North Korea.\n")
    b = ("(1) The Ministers expressed strong concerns over North Korea's nuclear and missile development.\n\n"
         "(2) Japan is concerned about the sanctions against North Korea.\n")
    c = _accounts(a, b)
    assert [(cl.stance, cl.verb) for cl in c.left.clauses] == [("confirm", "noted"), ("support", "supports")]
    assert all(p.status == "changed" for p in c.pairs)
    # the news report relays the point (1); the two accounts take other sides in (2)
    assert _items(c) == [("stance changed: support \u2192 concern", ("(2)",), ("(2)",))]
    revision = statediff.compare(statediff.parse(a), statediff.parse(b))
    assert [i.left for i in revision.digest.items] == [("(1)",), ("(2)",)]  # between two versions, both


def test_an_acronym_only_clauses_that_go_on_use_is_a_short_name_not_a_term_that_matters() -> None:
    before = ("(1) We will deepen our cooperation on investment screening mechanisms to address security risks.\n\n"
              "(2) We will meet again in Paris.\n")
    after = ("(1) We will deepen our cooperation on foreign direct investment (FDI) screening mechanisms to address "
             "security risks.\n\n(2) We will meet again in Paris.\n\n"
             "(3) We will counter FIMI in third countries.\n")
    c = statediff.compare(statediff.parse(before), statediff.parse(after))
    assert c.pairs[0].status == "changed"
    assert {t.phrases for t in key_terms(c.left, c.right)} >= {("FDI",), ("FIMI",)}
    terms = [i for i in digest(c, size=1).items if i.label == "term appears"]  # the place kept for a term
    assert [i.what.split(" in ")[0] for i in terms] == ["\u201cFIMI\u201d"]
    # where the clause that uses it is new, the acronym is a term that appears
    c = statediff.compare(statediff.parse(before.split("\n\n", 1)[1]), statediff.parse(after))
    terms = [i for i in digest(c, size=2).items if i.label == "term appears"]
    assert {i.what.split(" in ")[0] for i in terms} == {"\u201cFDI\u201d", "\u201cFIMI\u201d"}


def test_a_figure_of_a_preamble_that_became_a_commitment_is_no_number_that_matters() -> None:
    before = "(1) The two unions represent 780 million people who share democratic values.\n\n(2) We will meet again.\n"
    after = ("(1) The two unions, representing nearly 800 million citizens, reaffirm our commitment to the partnership."
             "\n\n(2) We will meet again.\n")
    c = statediff.compare(statediff.parse(before), statediff.parse(after))
    assert [cl.kind for cl in (c.left.clauses[0], c.right.clauses[0])] == ["context", "commitment"]
    assert "number-change" in c.pairs[0].labels and not c.digest  # the report keeps the label
    # a figure in a commitment on both sides is one
    pledge = "(1) The two unions will support 780 million people who share democratic values.\n\n(2) We will meet again.\n"
    committed = statediff.compare(statediff.parse(pledge), statediff.parse(after))
    assert committed.left.clauses[0].kind == "commitment" and "number-change" in committed.pairs[0].labels
    assert [i.label for i in committed.digest.items] == ["number changed"]


def test_restating_verbs_hide_no_reversal_and_a_view_that_takes_a_side_stays() -> None:
    before = "(1) We reiterate our strong condemnation of the military takeover.\n\n(2) We will meet again.\n"
    after = "(1) We reiterate our strong support for the military takeover.\n\n(2) We will meet again.\n"
    c = statediff.compare(statediff.parse(before), statediff.parse(after))
    assert [i.label for i in c.digest.items] == ["stance changed: condemn \u2192 support"]
    views = _added("(1) We will meet again.\n\n(2) We note with concern the deteriorating situation in Sudan.\n\n"
                   "(3) We do not recognize the results of the sham referendums.\n\n"
                   "(4) We recognize the importance of trusted networks.\n")
    assert [(cl.stance, cl.negated) for cl in views.right.clauses[1:]] == [
        ("concern", False), ("confirm", True), ("confirm", False)]
    assert [i.right for i in views.digest.items if i.label == "commitment added"] == [("(2)",), ("(3)",)]


@pytest.mark.parametrize(("after", "verbs", "listed"), [
    # going on with what was just said, read from the verb; an alarm, "that" and "those" stay
    ("(2) We will continue these efforts.\n\n(3) We will continue to condemn these attacks.\n\n"
     "(4) We will continue to ensure that sanctions on Belarus are enforced.\n\n"
     "(5) We will continue to support those affected by the earthquake in Türkiye.\n\n"
     "(6) We remain committed to achieving these goals.\n",
     ["will continue", "will continue", "will continue", "will continue", "remain committed"],
     [("(3)",), ("(4)",), ("(5)",)]),
    # restating it; a restatement of a new object, an alarm restated and a first commitment stay
    ("(2) We reaffirm our shared commitment to this historic partnership.\n\n"
     "(3) Today we recommit ourselves to these values.\n\n"
     "(4) We reaffirm our commitment to the Treaty on the Non-Proliferation of Nuclear Weapons.\n\n"
     "(5) We reiterate our strong condemnation of these attacks.\n\n(6) We commit ourselves to these goals.\n",
     ["reaffirm", "recommit"], [("(4)",), ("(5)",), ("(6)",)]),
])
def test_going_on_with_or_restating_what_was_just_said_is_no_item(after: str, verbs: list[str],
                                                                    listed: list[tuple[str]]) -> None:
    c = _added("(1) We will meet again.\n\n" + after)
    assert [cl.verb for cl in c.right.clauses[1:1 + len(verbs)]] == verbs
    assert sorted(i.right for i in c.digest.items) == listed


def test_one_clause_one_item_between_a_term_and_the_other_items() -> None:
    before = "(1) We will meet again.\n\n(2) We will support our partners on trade.\n"
    # "Houthis": one of its clauses is listed already, so the term is seen there
    houthis = before + ("\n(3) We condemn the attacks on shipping by the Houthis.\n\n"
                        "(4) The Houthis have attacked 40 ships since November.\n\n"
                        "(5) The Houthis seized a vessel in December.\n")
    c = statediff.compare(statediff.parse(before), statediff.parse(houthis))
    assert [(i.label, i.right) for i in c.digest.items] == [("commitment added", ("(3)",))]
    # its place goes to the other items, not to a term used less ("Peru")
    places = houthis + ("\n(6) We will support Kenya on trade.\n\n(7) Kenya hosted the fair.\n\n"
                        "(8) We will support Ghana on trade.\n\n(9) Ghana hosted the talks.\n\n"
                        "(10) We will support Peru on trade.\n")
    c = statediff.compare(statediff.parse(before), statediff.parse(places))
    assert [t.phrases for t in key_terms(c.left, c.right)][:4] == [("Houthis",), ("Kenya",), ("Ghana",), ("Peru",)]
    assert [(i.label, i.right) for i in c.digest.items] == [
        ("commitment added", ("(3)",)), ("term appears", ("(6)", "(7)")), ("term appears", ("(8)", "(9)"))]
    # "Kenya": a view it affirms is listed, so the term is seen there; in a digest too short to list
    # that view (one item and the term), it is part of the term's item
    kenya = before + ("\n(3) We will launch a joint fund for clean hydrogen.\n\n"
                      "(4) We reaffirm that the partnership with Kenya on trade matters.\n\n"
                      "(5) The Ministers visited Kenya in March.\n\n(6) Kenya hosted the trade fair.\n")
    c = statediff.compare(statediff.parse(before), statediff.parse(kenya))
    assert [(cl.kind, cl.stance) for cl in c.right.clauses[3:]] == [("commitment", "reaffirm"), ("context", ""),
                                                                     ("context", "")]
    assert [(i.label, i.right) for i in c.digest.items] == [("commitment added", ("(3)",)),
                                                             ("commitment added", ("(4)",))]
    assert [(i.label, i.right) for i in digest(c, size=2).items] == [("commitment added", ("(3)",)),
                                                                      ("term appears", ("(4)", "(5)", "(6)"))]
    assert digest(c, size=2).more == 0  # the view is counted as part of the term's item


def test_going_on_or_affirming_what_names_nothing_new_is_no_item() -> None:
    after = ("(1) We will meet again.\n\n(2) We will continue to work together on energy.\n\n"
             "(3) We reaffirm that the partnership matters.\n\n(4) We continue to promote information sharing.\n\n"
             "(5) We remain committed to the partnership with Kenya.\n\n(6) We will continue to fund 40 scholarships.\n\n"
             "(7) We will continue to condemn the attacks.\n\n(8) We do not recognize the referendum.\n\n"
             "(9) We will continue the exchanges started in 2019.\n\n"
             "(10) We will continue the exchanges agreed on 14 March.\n")
    c = _added(after)
    assert [cl.verb for cl in c.right.clauses[1:4]] == ["will continue", "reaffirm", "continue to promote"]
    # a new name ("Kenya") or figure ("40", not a date) is news; so is an alarm, or a refusal
    assert sorted(i.right for i in c.digest.items if i.label == "commitment added") == [
        ("(5)",), ("(6)",), ("(7)",), ("(8)",)]
    # so for the tail of a sentence, whose head is kept
    before = "(1) We will meet again.\n\n(2) We welcome the progress on screening.\n"
    tail = before.replace("on screening.", "on screening and will continue to support sound mechanisms.")
    c = statediff.compare(statediff.parse(before), statediff.parse(tail))
    assert [p.status for p in c.pairs if p.right == ("(2).2",)] == ["added"] and not c.digest.items
    c = statediff.compare(statediff.parse(before), statediff.parse(tail.replace("mechanisms.", "mechanisms in Kenya.")))
    assert [i.right for i in c.digest.items if i.label == "commitment added"] == [("(2).2",)]
    # so between two accounts of one meeting, against what the other account names
    accounts = {i.right for i in _added(after, accounts=True).digest.items}
    assert {("(5)",), ("(6)",), ("(7)",), ("(8)",)} <= accounts and not {("(2)",), ("(3)",), ("(4)",)} & accounts


def test_a_term_another_replaces_in_a_kept_clause_is_one_item() -> None:
    before = ("(1) We will hold the next meeting in Paris to review the partnership.\n\n"
              "(2) We will support the reconstruction of Ukraine.\n")
    after = ("(1) We will hold the next meeting in Tokyo to review the partnership.\n\n"
             "(2) We will support the reconstruction of Ukraine.\n\n(3) We condemn the attacks on Gaza.\n")
    c = statediff.compare(statediff.parse(before), statediff.parse(after))
    assert [(i.label, i.left, i.right) for i in c.digest.items] == [
        ("commitment added", (), ("(3)",)), ("term replaced", ("(1)",), ("(1)",))]
    assert c.digest.items[1].what.startswith("\u201cParis\u201d \u2192 \u201cTokyo\u201d in 1 clause: \u2026will hold")
    # a term that comes with an added clause is no replacement of one that goes from a kept one
    elsewhere = after.replace("in Tokyo", "soon").replace("(3) We condemn the attacks on Gaza.",
                                                          "(3) We condemn the attacks on Kyoto.")
    c = statediff.compare(statediff.parse(before), statediff.parse(elsewhere))
    assert [i.label for i in c.digest.items] == ["commitment added", "term vanishes"]
    accounts = statediff.compare(statediff.parse(before), statediff.parse(after), accounts=True)
    assert "term differs" in [i.label for i in accounts.digest.items]


def test_no_clause_is_in_two_items_when_a_term_gives_its_place_to_the_other_items() -> None:
    # "Houthis" is seen in a listed item; the place it leaves goes to "(16)", which names "Kenya"
    before = "(1) We will meet again.\n\n(2) We will support our partners on trade.\n"
    after = before + ("\n(3) We condemn the attacks on shipping by the Houthis.\n\n"
                      "(4) The Houthis have attacked ships since November.\n")
    topics = ["ferries", "hospitals", "schools", "dams", "power grids", "bridges", "ports", "pipelines", "railways",
              "granaries", "museums"]
    after += "".join(f"\n({k}) We condemn the strikes on {t}.\n" for k, t in enumerate(topics, start=5))
    after += "\n(16) We condemn the blockade imposed on Kenya.\n\n(17) Kenya hosted the fair.\n"
    c = statediff.compare(statediff.parse(before), statediff.parse(after))
    numbers = [n for i in c.digest.items for n in i.right]
    assert "(16)" in numbers and len(numbers) == len(set(numbers))


def test_no_clause_of_the_corpora_is_in_two_items_of_a_digest() -> None:
    # (two terms may share a clause: "new connectivity projects in Costa Rica and the Philippines")
    for series in sorted(p for p in CORPORA.iterdir() if p.is_dir()):
        docs = sorted(series.glob("*.txt"))
        for a, b in zip(docs, docs[1:]):
            items = statediff.compare(statediff.read(a), statediff.read(b)).digest.items
            for side in ("left", "right"):
                others = [n for i in items if not i.label.startswith("term") for n in getattr(i, side)]
                terms = {n for i in items if i.label.startswith("term") for n in getattr(i, side)}
                assert len(others) == len(set(others)) and not terms & set(others), (a.name, b.name, side)
