"""Key terms that appear or vanish between two statements (statediff.terms), and their digest items."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import statediff
from statediff.term_words import TOKEN, Vocabulary, chunks, term_key, token_runs
from statediff.terms import key_terms

from .conftest import CORPORA


def _terms(before: str, after: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    terms = key_terms(statediff.parse(before), statediff.parse(after))
    return {phrase: (t.side, t.numbers) for t in terms for phrase in t.phrases}


def test_a_compound_and_a_name_appear_and_a_phrase_of_ordinary_words_does_not() -> None:
    before = "(1) We will cooperate on trade.\n\n(2) We will review supply chains.\n"
    after = ("(1) We will pursue de-risking in trade.\n\n(2) We will strengthen economic security in supply chains.\n\n"
             "(3) We will protect economic security together with Ukraine.\n")
    terms = _terms(before, after)
    assert terms["de-risking"] == ("right", ("(1)",))
    assert terms["Ukraine"] == ("right", ("(3)",))
    assert "economic security" not in terms  # the language of every statement, however often used


def test_what_vanishes_is_reported_on_the_earlier_side() -> None:
    before = "(1) We oppose any change to the status quo in the Taiwan Strait.\n\n(2) We will meet again.\n"
    after = "(1) We oppose any change to the status quo.\n\n(2) We will meet again.\n"
    assert _terms(before, after) == {"Taiwan Strait": ("left", ("(1)",))}


def test_ordinary_words_spellings_and_narrative_are_no_terms() -> None:
    before = ("(1) The Ministers met in Tokyo on 15 January.\n\n(2) We support the organization of derisking talks.\n\n"
              "(3) We will work with Japan.\n\n(4) We will work with France.\n")
    after = ("(1) The Ministers met in Paris on 20 January.\n\n(2) We support the organisation of de-risking talks.\n\n"
             "(3) We will keep supplies safe.\n\n(4) We will keep networks safe.\n\n(5) We will keep data safe.\n\n"
             "(6) Japan and France will work together.\n")
    # "Paris" is only where the meeting was; "safe" is an ordinary word however often it is used;
    # "organisation" and "de-risking" are the other side's words spelled another way; "Japan and
    # France" names two parties the earlier statement names too
    assert _terms(before, after) == {}


def test_terms_of_the_same_clauses_are_one_item_and_courtesies_do_not_count() -> None:
    before = ("(1) We call on Iran to return to the JCPOA.\n\n(2) We urge Iran to honour the JCPOA.\n\n"
              "(3) We thanked Minister Kishi for his hospitality.\n")
    after = "(1) We will meet again.\n\n(2) We will work together on trade.\n\n(3) We will work together on energy.\n"
    c = statediff.compare(statediff.parse(before), statediff.parse(after))
    terms = [i for i in c.digest.items if i.label == "term vanishes"]
    assert len(terms) == 1 and terms[0].left == ("(1)", "(2)")
    assert terms[0].what.startswith("\u201cIran\u201d, \u201cJCPOA\u201d in 2 clauses: ")
    assert "Kishi" not in " ".join(i.what for i in c.digest.items)  # a thank-you is no policy


def test_variants_of_words_the_other_side_uses_are_no_terms() -> None:
    before = ("(1) We welcome the report of the International Atomic Energy Agency.\n\n"
              "(2) We support Australia acquiring submarines for the Royal Navy.\n\n"
              "(3) The Ministry of Defense will work on the roll out of chargers.\n\n"
              "(4) We support conventionally armed submarines.\n")
    after = ("(1) We welcome the report of the IAEA.\n\n"
             "(2) We support Australian submarines for the Royal Navy.\n\n"
             "(3) The Ministry of Defence will work on the rollout of chargers.\n\n"
             "(4) We support conventionally-armed submarines.\n\n"
             "(5) We will work with Canada.\n")
    # an acronym spelled out, a longer form of a word, the other spelling, a compound written
    # together or apart: only what is new is a term
    assert _terms(before, after) == {"Canada": ("right", ("(5)",))}


def test_a_word_of_a_heading_in_title_case_is_no_name() -> None:
    before = "(1) We will cooperate on procurement.\n"
    after = ("(1) Green Public Procurement Goals And Safe Trade Rules Matter.\n\n"
             "(2) We will cooperate on procurement.\n")
    assert "Safe" not in _terms(before, after)


def test_the_us_eu_summit_digest_names_the_terms_that_came_and_went() -> None:
    series = CORPORA / "us-eu-summit-statements"
    c = statediff.compare(statediff.read(series / "2021-06-15.txt"), statediff.read(series / "2023-10-20.txt"))
    terms = {(i.label, i.what.split(" in ", 1)[0]) for i in c.digest.items if i.label.startswith("term")}
    assert ("term vanishes", "\u201cCOVID-19\u201d") in terms
    assert ("term vanishes", "\u201cJCPOA\u201d, \u201cIran\u201d") in terms
    assert len(terms) == 3  # the rest are not listed


def test_a_word_or_phrase_of_a_longer_name_is_no_name_of_its_own() -> None:
    before = "(1) We will meet again.\n"
    after = ("(1) We will meet again.\n\n(2) We will work with the United States on trade.\n\n"
             "(3) We support the International Counter Ransomware Task Force.\n\n"
             "(4) We will support the reconstruction of Ukraine.\n")
    terms = _terms(before, after)
    assert "United" not in terms and "Task Force" not in terms and "Ransomware Task Force" not in terms
    assert terms["Ukraine"] == ("right", ("(4)",))  # a name on its own still is one


def test_compounds_every_statement_uses_and_a_capitalised_preposition_are_no_terms() -> None:
    before = "(1) We will meet again.\n"
    after = ("(1) We will meet again.\n\n(2) We will pursue long-term, cross-border and high-level cooperation on "
             "a trilaterally-developed submarine.\n\n"
             "(3) Through AUKUS, we will build submarines.\n\n(4) We will pursue de-risking.\n")
    terms = _terms(before, after)
    assert not {"long-term", "cross-border", "high-level", "trilaterally-developed", "Through AUKUS"} & set(terms)
    assert terms["AUKUS"] == ("right", ("(3)",)) and terms["de-risking"] == ("right", ("(4)",))


def test_a_compound_that_only_describes_a_name_is_not_listed_beside_it() -> None:
    before = "(1) We will meet again.\n"
    after = "(1) We will meet again.\n\n(2) We will hold ground-breaking, un-crewed trials in the Maritime Big Play.\n"
    terms = key_terms(statediff.parse(before), statediff.parse(after))
    assert [t.phrases for t in terms] == [("Maritime Big Play",)]
    # alone, a compound stays a term
    alone = key_terms(statediff.parse(before), statediff.parse("(1) We will meet again.\n\n(2) We will pursue de-risking.\n"))
    assert [t.phrases for t in alone] == [("de-risking",)]


def test_a_sentence_dense_with_names_is_no_heading() -> None:
    before = "(1) We will meet again.\n"
    after = ("(1) We will meet again.\n\n(2) Japan is particularly concerned about Chinese military activity in "
             "waters surrounding the Senkaku islands, which Beijing also claims and calls Diaoyu, in the East China Sea.\n")
    terms = _terms(before, after)
    assert terms["Diaoyu"] == ("right", ("(2)",)) and "Beijing" in terms


def test_a_phrase_joined_to_a_longer_name_by_for_is_part_of_it() -> None:
    before = "(1) We will meet again.\n"
    after = ("(1) We will meet again.\n\n(2) We will act as embodied in the Framework for Responsible State Behavior in "
             "Cyberspace.\n")
    assert "Framework" not in _terms(before, after)


def test_an_acronym_of_words_the_other_side_uses_is_no_term() -> None:
    before = "(1) We will support Australia acquiring conventionally armed, nuclear-powered submarines.\n"
    after = ("(1) We will support Australia acquiring conventionally-armed, nuclear-powered submarines (SSNs).\n\n"
             "(2) We will increase SSN port visits.\n\n"
             "(3) We will counter foreign information manipulation and interference (FIMI).\n")
    terms = _terms(before, after)
    assert "SSNs" not in terms and "SSN" not in terms
    assert terms["FIMI"] == ("right", ("(3)",))  # the other side never says "foreign information ..."


def test_the_meanings_of_acronyms_are_as_many_words_as_letters() -> None:
    from statediff.term_words import acronym_meanings, term_key

    meanings = acronym_meanings(["We address effective foreign direct investment (FDI) screening.",
                                 "Conventionally-armed, nuclear-powered submarines (SSNs) and the "
                                 "Joint Comprehensive Plan of Action (JCPOA)."])
    assert meanings[term_key("FDI")] == ("foreign", "direct", "investment")
    assert meanings[term_key("SSN")] == ("nuclear-powered", "submarines")
    assert meanings[term_key("JCPOA")] == ("Joint", "Comprehensive", "Plan", "of", "Action")


def test_a_word_that_refers_back_to_a_longer_name_and_a_point_of_the_compass_are_no_names() -> None:
    before = "(1) We will meet again.\n\n(2) We are committed to continuing to work together not only as the CRI.\n"
    after = ("(1) We will meet again.\n\n(2) We are committed to continuing to work together not only as the CRI, but "
             "also with other partners committed to fighting the scourge of ransomware, including through the Paris "
             "Call for Trust and Security for CRI members that support the Call.\n\n"
             "(3) We will discuss the situation in the East and South China Seas with our regional partners.\n\n"
             "(4) We will fund new connectivity projects in Costa Rica and the Philippines.\n\n"
             "(5) We will work with the Philippines Department of Information on training and other assistance.\n")
    terms = _terms(before, after)
    assert "Call" not in terms and "East" not in terms and "Security for CRI" not in terms  # "... Trust and Security"
    assert "South China Seas" in terms and terms["Philippines"] == ("right", ("(4)", "(5)"))  # one that takes "the"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aBz\u00df\u0130 -'.,;:()?!\u2013\u2014\u20269\n")), max_size=60))
def test_the_words_of_a_text_run_by_run_are_those_chunks_cuts(text: str) -> None:
    runs = [tuple(m.group() for m in chunk) for chunk in chunks(text)]
    quick = list(token_runs(text))
    assert quick[:len(runs)] == runs and not any(quick[len(runs):])  # at most an empty run more


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("aBsS\u00df\u0130.-'9")), min_size=1, max_size=5)
                .filter(lambda t: TOKEN.fullmatch(t) is not None), max_size=8))
def test_a_vocabulary_takes_in_the_words_of_a_run_as_the_matches_give_them(tokens: list[str]) -> None:
    vocab = Vocabulary.__new__(Vocabulary)
    vocab.words, vocab.initials, vocab.acronyms = set(), set(), set()
    runs: list[str] = []
    vocab._add(tuple(tokens), runs)
    # the same run read letter by letter, as the initials and acronyms are defined
    letters = [t[0].upper() for t in tokens if t.casefold() not in ("of", "and", "the", "for", "on", "in", "to")]
    if all(len(x) == 1 for x in letters):
        assert runs == ["".join(letters)]
    else:
        assert runs == [] and vocab.initials == {"".join(letters[i:i + n]) for n in range(2, 7)
                                                  for i in range(len(letters) - n + 1)}
    assert vocab.acronyms == {a for a in (t.rstrip("s").replace(".", "") for t in tokens if len(t) > 1) if a.isupper()}
    stems = [term_key(t) for t in tokens]
    parts = {term_key(p) for t in tokens if re.search(r"[-.']", t) for p in re.split(r"[-.']+", t) if p}
    assert vocab.words == set(stems) | parts | {a + b for a, b in zip(stems, stems[1:])}


def test_a_term_is_quoted_as_the_document_writes_it() -> None:
    before = statediff.parse("We will meet again.\n\nIn light of Russia\u2019s invasion of Ukraine, we will act.\n")
    after = statediff.parse("We will meet again.\n")
    term = key_terms(before, after)[0]
    assert term.phrases[0] == "Russia\u2019s" and "Russia\u2019s invasion" in term.context
