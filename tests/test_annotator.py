"""Annotation and clause cuts: who commits, with which verb and stance, and where a sentence is cut.

The first half calls :func:`statediff.annotator.annotate` and :func:`statediff.annotator.split_clauses`
directly on real clauses and sentences of ``fixtures/``; the second checks the same through whole
documents (:func:`statediff.parse` / :func:`statediff.read`), where a clause may inherit its actor.
"""

from __future__ import annotations

import pytest

import statediff
from statediff.annotator import _actor, annotate, split_clauses
from statediff.lexicon import default_lexicon

from .conftest import CORPORA, SEEDS

LEXICON = default_lexicon()


def clause(doc: statediff.Document, start: str) -> statediff.Clause:
    found = [c for c in doc.clauses if c.text.startswith(start)]
    assert len(found) == 1, [c.text[:60] for c in found]
    return found[0]


def fixture_clause(seed: str, start: str) -> str:
    """The text of the clause of seed document ``seed`` that starts with ``start``."""
    return clause(statediff.read(SEEDS[seed]), start).text


def fixture_sentence(seed: str, start: str, clauses: int) -> tuple[str, list[str]]:
    """The sentence made of ``clauses`` clauses from the one starting with ``start`` (white space
    collapsed as in a block's text), and those clauses' texts."""
    doc = statediff.read(SEEDS[seed])
    k = doc.clauses.index(clause(doc, start))
    run = doc.clauses[k:k + clauses]
    return " ".join(doc.source[run[0].span[0]:run[-1].span[1]].split()), [c.text for c in run]


# --------------------------------------------------------------------------------------------------
# annotate() on real clauses
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("seed", "start", "expected"), [
    # an aside between the subject and its verb; "would" in the complement is the modality
    ("mofa-2022", "The four Ministers, taking into account",
     ("commitment", "The four Ministers", "confirmed", "confirm", False, "will", False)),
    # a clause cut off after "and": no actor of its own, so it inherits; a stronger stance inside
    ("mofa-2022", "and shared the view to strongly oppose",
     ("commitment", "", "shared the view", "oppose", False, "", True)),
    ("teleconference-2021", "and concurred to send a clear message",
     ("commitment", "", "concurred", "oppose", False, "", True)),
    # narration of the meeting, no commitment verb
    ("mofa-2022", "The overview of the meeting is as follows.", ("context", "", "", "", False, "", False)),
    # a passive has no actor and inherits none
    ("consultations-2021", "The situation in the Sahel was also discussed",
     ("commitment", "", "discussed", "exchange_views", False, "", False)),
    # a reporting verb takes the stance of what it reports
    ("jdf-2017", "and Secretary General Stoltenberg stated that he welcomed",
     ("commitment", "Secretary General Stoltenberg", "stated", "welcome", False, "", False)),
    ("ap-2022", "Japanese officials have said they hope",
     ("commitment", "Japanese officials", "said", "expect", False, "", False)),
    # "may" before the verb is its modality
    ("ap-2022", "The two sides may also discuss",
     ("commitment", "The two sides", "discuss", "exchange_views", False, "may", False)),
    # "no act ... can be justified": negated, and "can" reads as "may"
    ("teleconference-2021", "Minister Kishi mentioned no act of terrorism",
     ("commitment", "Minister Kishi", "mentioned", "state", True, "may", False)),
])
def test_annotate_real_clauses(seed: str, start: str, expected: tuple[object, ...]) -> None:
    a = annotate(fixture_clause(seed, start), LEXICON)
    assert (a.kind, a.actor, a.verb, a.stance, a.negated, a.modality, a.inherit) == expected


@pytest.mark.parametrize(("seed", "start", "modality"), [
    ("mofa-2022", "The four Ministers confirmed that they would further strengthen", "will"),
    ("jdf-2017", "and shared the belief that disputes should be resolved", "should"),
    ("jdf-2017", "They affirmed that they will materialize the joint research", "will"),
])
def test_modality_of_real_clauses(seed: str, start: str, modality: str) -> None:
    a = annotate(fixture_clause(seed, start), LEXICON)
    assert (a.negated, a.modality) == (False, modality)


def test_the_actor_before_a_verb() -> None:
    # an aside after the subject, closed by a comma
    assert _actor("The four Ministers, taking into account that France holds the Presidency of the EU Council "
                  "in the first half of 2022, ") == ("The four Ministers", True)
    # an enumeration of actors over several comma segments (AUKUS 2022)
    assert _actor("In September 2021, the leaders of Australia, the United Kingdom, and the United States ") == (
        "The leaders of Australia, the United Kingdom, and the United States", True)
    # a bare connector: nothing found, so the clause inherits the actor before it
    assert _actor("and ") == ("", False)


# --------------------------------------------------------------------------------------------------
# split_clauses() on real sentences
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("seed", "start", "pieces"), [
    # a conjunction right before a commitment verb
    ("mofa-2022", "The four Ministers shared serious concerns", [
        "The four Ministers shared serious concerns about the situation in the East and South China Seas,",
        "and shared the view to strongly oppose attempts to unilaterally change the status quo by force."]),
    # a new determined actor without a comma
    ("teleconference-2021", "Minister Kishi mentioned", [
        "Minister Kishi mentioned no act of terrorism can be justified for any reasons",
        "and the Government of Japan firmly condemns all forms of terrorism."]),
    # a new actor after a comma and "while"
    ("mofa-2022", "Japan appreciated", [
        "Japan appreciated France\u2019s significant contribution to the formulation of the Joint Communication on "
        "the EU Strategy for Cooperation in the Indo-Pacific,",
        "while France appreciated Japan\u2019s input to the EU regarding the Indo-Pacific."]),
])
def test_split_clauses_on_real_sentences(seed: str, start: str, pieces: list[str]) -> None:
    text, clauses = fixture_sentence(seed, start, len(pieces))
    assert [text[a:b] for a, b in split_clauses(text, 0, len(text), LEXICON)] == pieces == clauses


def test_split_clauses_keeps_offsets_into_the_text() -> None:
    text, _ = fixture_sentence("mofa-2022", "Japan appreciated", 2)
    padded = "(2) " + text + "  Next."
    spans = split_clauses(padded, 4, 4 + len(text), LEXICON)
    assert [padded[a:b] for a, b in spans] == [text[a - 4:b - 4] for a, b in spans]
    assert spans[0][0] == 4 and spans[-1][1] == 4 + len(text)


def test_a_sentence_with_one_commitment_is_not_cut() -> None:
    text = fixture_clause("mofa-2022", "The four Ministers, taking into account")
    assert split_clauses(text, 0, len(text), LEXICON) == [(0, len(text))]


# --------------------------------------------------------------------------------------------------
# Through whole documents
# --------------------------------------------------------------------------------------------------



def test_a_sentence_with_two_commitments_is_cut_and_keeps_its_actor() -> None:
    doc = statediff.parse("(1) The four Ministers shared serious concerns about the situation in the East and "
                          "South China Seas, and shared the view to strongly oppose attempts to unilaterally "
                          "change the status quo by force.")
    assert [(c.number, c.actor, c.verb, c.stance) for c in doc.clauses] == [
        ("(1).1", "The four Ministers", "shared serious concerns", "concern"),
        ("(1).2", "The four Ministers", "shared the view", "oppose"),
    ]
    assert doc.clauses[1].text.startswith("and shared the view")


@pytest.mark.parametrize(("text", "parts"), [
    # a new actor after a comma
    ("Japan appreciated France\u2019s significant contribution to the EU Strategy, while France appreciated "
     "Japan\u2019s input to the EU.", ["Japan", "France"]),
    # a new determined actor without a comma
    ("Minister Kishi mentioned no act of terrorism can be justified for any reasons and the Government of "
     "Japan firmly condemns all forms of terrorism.", ["Minister Kishi", "The Government of Japan"]),
    # a pronoun actor
    ("We call for progress on a transparent study on the origins of COVID-19, and we commit to working "
     "together toward a swift means of investigation.", ["We", "We"]),
    # a conjunction set off by commas before a fronted adverbial and a new subject
    ("Increased visits by U.S. SSNs to Australia have supported steady progress in workforce development, and, "
     "in August 2024, Australian personnel demonstrated their progress.",
     ["Increased visits by U.S. SSNs to Australia", ""]),
    # a bare verb that governs an object
    ("We call for the immediate release of all hostages and emphasize our shared view that a two-state "
     "solution remains the viable path.", ["We", "We"]),
])
def test_cuts_before_a_new_actor(text: str, parts: list[str]) -> None:
    assert [c.actor for c in statediff.parse(text).clauses] == parts


@pytest.mark.parametrize("text", [
    "We support the development and support for resilient supply chains in the region.",
    "The situation in the Sahel was also discussed, as Japan and France share the goal of restoring cooperation.",
    "The Ministers agreed that France and the United Kingdom will cooperate closely on maritime security.",
    "Having met to discuss the threat, Ministers from Australia, Japan, the United Kingdom, and the United "
    "States recognize that ransomware is a global threat.",
    "He called it \u201ca partnership that endured, and welcomed by all of us\u201d today.",
])
def test_no_cut_inside_a_phrase_a_subject_or_a_quotation(text: str) -> None:
    assert len(statediff.parse(text).clauses) == 1


@pytest.mark.parametrize(("seed", "start", "kind", "actor", "verb", "stance"), [
    ("mofa-2022", "The four Ministers, taking into account", "commitment", "The four Ministers", "confirmed",
     "confirm"),
    ("mofa-2022", "and expressed expectations that the countries concerned", "commitment", "The four Ministers",
     "expressed expectations", "expect"),
    ("mofa-2022", "The overview of the meeting is as follows.", "context", "", "", ""),
    ("mofa-2022", "The meeting lasted for approximately", "context", "", "", ""),
    ("consultations-2021", "The situation in the Sahel was also discussed", "commitment", "", "discussed",
     "exchange_views"),
    ("consultations-2021", "With the expected strengthening", "commitment", "", "approved", "agree"),
    ("ap-2022", "Tokyo: The foreign and defence ministers", "context", "", "", ""),
    ("ap-2022", "\u201cThe security environment", "commitment", "Kishi", "said", "state"),
    ("ap-2022", "Japanese officials have said they hope", "commitment", "Japanese officials", "said", "expect"),
    ("ap-2022", "The two sides may also discuss", "commitment", "The two sides", "discuss", "exchange_views"),
    ("jdf-2017", "and Secretary General Stoltenberg stated that he welcomed", "commitment",
     "Secretary General Stoltenberg", "stated", "welcome"),
    ("teleconference-2021", "and concurred to send a clear message", "commitment", "The Ministers", "concurred",
     "oppose"),
])
def test_actor_verb_and_stance_on_real_sentences(seed, start, kind, actor, verb, stance) -> None:
    c = clause(statediff.read(SEEDS[seed]), start)
    assert (c.kind, c.actor, c.verb, c.stance) == (kind, actor, verb, stance)


@pytest.mark.parametrize(("path", "start", "actor", "verb"), [
    ("aukus-leaders-statements/2024-09-17.txt", "Australia has committed to invest", "Australia", "committed"),
    ("aukus-leaders-statements/2024-09-17.txt", "The United Kingdom and the United States welcomed",
     "The United Kingdom and the United States", "welcomed"),
    ("aukus-leaders-statements/2021-09-15.txt", "We will promote deeper information", "We", "will promote"),
    ("us-eu-trade-and-technology-council-joint-statements/2021-09-29.txt", "We support the continued growth",
     "We", "support"),
    ("fomc-implementation-notes-2015-2016/2016-03-16.txt", "The Board of Governors of the Federal Reserve System took",
     "The Board of Governors of the Federal Reserve System", "took no action"),
])
def test_actors_in_the_corpora(path: str, start: str, actor: str, verb: str) -> None:
    c = clause(statediff.read(CORPORA / path), start)
    assert (c.actor, c.verb) == (actor, verb)


@pytest.mark.parametrize(("text", "kind", "actor", "verb"), [
    # the verb of a relative clause or of a noun's complement is not the clause's commitment
    ("The work programme, which we launched in May 2023, has made progress on trade.", "context", "", ""),
    ("The digital transformation raises risks and challenges that call for accelerating our efforts.",
     "context", "", ""),
    ("The Council is a forum for our efforts to establish joint leadership on standards.", "context", "", ""),
    ("The Task Force (ICRTF)\u2014established at last year\u2019s meeting\u2014began developing platforms.",
     "context", "", ""),
    # a verb coordinated with the sentence's first predicate has the sentence's subject
    ("The United States and the European Union have been making progress on the work strands and will "
     "continue to advance them.", "commitment", "The United States and the European Union", "will continue"),
    ("Export controls are crucial for a favorable environment, and we will continue to coordinate.",
     "commitment", "We", "will continue"),
    # ... but "continue to" and "is tasked to" carry it, and "is expected to" keeps its subject
    ("We also continue to discuss security risks related to specific suppliers.", "commitment", "We", "discuss"),
    ("The working group is tasked to launch outreach activities for small firms.", "commitment",
     "The working group", "is tasked to"),
    ("The Task Force is expected to elaborate on reciprocity in research programs.", "commitment",
     "The Task Force", "expected"),
])
def test_which_verb_is_the_commitment(text: str, kind: str, actor: str, verb: str) -> None:
    c = statediff.parse(text).clauses[0]
    assert (c.kind, c.actor, c.verb) == (kind, actor, verb)


def test_negation_and_modality_belong_to_the_commitment_verb() -> None:
    doc = statediff.parse(
        "The Ministers did not agree on the text. "
        "The Ministers confirmed that they would strengthen cooperation. "
        "He noted the missile technology which could make interception more difficult in the coming years. "
        "Both ministers shared the belief that disputes should be resolved based on the rule of law and not force.")
    assert [(c.negated, c.modality) for c in doc.clauses] == [(True, ""), (False, "will"), (False, ""),
                                                                (False, "should")]


def test_japanese_clauses_are_cut_after_a_commitment_verb() -> None:
    doc = statediff.parse("両大臣は、東シナ海の情勢について意見交換を行い、力による一方的な現状変更の試みに強く反対することで一致した。"  # noqa: E501
                          "また、両大臣は、北朝鮮の核・ミサイル開発に深刻な懸念を表明した。")
    assert [(c.number, c.actor, c.verb, c.stance) for c in doc.clauses] == [
        ("p1.1", "両大臣", "意見交換を行い", "exchange_views"),
        ("p1.2", "両大臣", "一致した", "oppose"),
        ("p1.3", "両大臣", "懸念を表明した", "concern"),
    ]
    assert doc.clauses[0].text == "両大臣は、東シナ海の情勢について意見交換を行い、"


def test_a_readout_with_reported_speech() -> None:
    doc = statediff.parse("Readout of the Meeting\n\nMAY 18, 2023\n\nThe leaders did not agree on every issue, "
                          "but they resolved to continue consultations. Mr. Kishida said Japan \"will never waver. "
                          "We stand with Ukraine.\"")
    assert doc.date == "2023-05-18"
    assert [(c.actor, c.verb, c.stance, c.negated) for c in doc.clauses] == [
        ("The leaders", "agree", "agree", True), ("They", "resolved to", "commit", False),
        # the stance of what is reported, and its negation, not the quotation's first sentence's
        ("Mr. Kishida", "said", "support", False)]



@pytest.mark.parametrize("text,stance,verb", [
    ("We express serious concern about the situation in the East China Sea.", "concern", "express serious concern"),
    ("We express our deep concern over the missile launches.", "concern", "express our deep concern"),
    ("The Ministers note with concern the rise in attacks.", "concern", "note with concern"),
    ("We emphasise the importance of the rule of law.", "confirm", "emphasise"),
    ("We recognise the role of the United Nations.", "confirm", "recognise"),
    ("We express our strong support for Ukraine.", "support", "express our strong support"),
    ("We express our gratitude to the hosts.", "welcome", "express our gratitude"),
    ("We express the hope that talks resume.", "expect", "express the hope"),
    ("We stand ready to address these practices.", "commit", "stand ready"),
    ("We are steadfast in our commitment to the partnership.", "commit", "are steadfast"),
    ("The United States and the European Union remain unwavering in their support.", "commit", "remain unwavering"),
    # forms found missing in a review of every clause of the corpora
    ("The members re-affirmed our joint commitment to building resilience.", "reaffirm", "re-affirmed"),
    ("We salute having reached an understanding on aircraft.", "welcome", "salute"),
    ("The United States applauds the political agreement on the act.", "welcome", "applauds"),
    ("We are also dedicated to continuing to equip our workforce.", "commit", "are also dedicated to"),
    ("We intend also to coordinate on our engagement with China.", "commit", "intend also to"),
    ("The parties also endeavour to increase people-to-people exchanges.", "commit", "endeavour to"),
    ("We endeavor to cooperate on cybersecurity standards.", "commit", "endeavor to"),
    ("We stand prepared to build constructive relations.", "commit", "stand prepared"),
    ("The partners share the commitment to working with third countries.", "commit", "share the commitment"),
    ("We share the aim of avoiding a subsidy race.", "share_view", "share the aim"),
    ("The situation in the Sahel countries is of grave concern.", "concern", "is of grave concern"),
    ("We will keep voicing our concerns about forced labor.", "concern", "will keep"),
    ("The group is also tasked to discuss data security.", "commit", "is also tasked to"),
    ("The two sides consider that these technologies have great potential.", "confirm", "consider that"),
    ("The two sides understand that a multilateral approach is most effective.", "confirm", "understand that"),
    ("The two sides are of the view that controls should not disrupt trade.", "share_view", "are of the view"),
    ("We demand that the attacks stop.", "urge", "demand"),
    ("The two sides have significant concerns that social scoring is spreading.", "concern",
     "have significant concerns that"),
    ("We reiterate our strong condemnation of the war.", "condemn", "reiterate our strong condemnation"),
    ("We reiterate our alarm at Internet shutdowns.", "concern", "reiterate our alarm"),
    ("We emphasize our support for the diplomatic efforts.", "support", "emphasize our support"),
    ("We want to translate our common values into action.", "commit", "want to"),
    ("The partners are endorsing a work program.", "support", "are endorsing"),
    ("We also regret the recent illegitimate elections.", "concern", "regret"),
    ("We are united in our determination to ensure accountability.", "commit", "united in our determination"),
    ("We are also united in our belief in the potential of AI.", "share_view", "united in our belief"),
    ("The partners share the same vision for an open Internet.", "share_view", "share the same vision"),
    ("Committing to assist any member with incident response.", "commit", "Committing to"),
    ("They are also aware that such rules may have unintended consequences.", "confirm", "are also aware that"),
    ("We aim for a cooperative relationship.", "commit", "aim for"),
    ("The partners envisage to meet periodically.", "commit", "envisage to"),
])
def test_present_tense_and_british_forms_carry_their_stance(text, stance, verb) -> None:
    clause = statediff.parse(text).clauses[0]
    assert (clause.kind, clause.stance, clause.verb) == ("commitment", stance, verb)


@pytest.mark.parametrize("text", [
    "Thanks to the efforts of many partners, the project was completed.",
    "The concern expressed by the partners was taken into account.",
    "The dedicated team completed the review.",
    "Standing committees met in May.",
    # look-alikes found in the corpora: a noun, a topic
    "Improving our understanding of forecasted global semiconductor demand is the goal.",
    "Non-market practices that raise concerns include subsidies and other support given to firms.",
    "Transparency is a key tool to avoid concerns over public support programs.",
    "Those who help Russia are supporting actions which undermine the Charter.",
])
def test_look_alikes_of_the_new_forms_carry_no_stance(text) -> None:
    clause = statediff.parse(text).clauses[0]
    assert (clause.kind, clause.stance) == ("context", "")


@pytest.mark.parametrize(("text", "stance", "verb"), [
    # what the parties say they are doing now, in the first person
    ("We are working together to advance public interest research.", "commit", "are working"),
    ("Recognizing these partnerships, we are consulting with Canada and New Zealand.", "commit", "are consulting"),
    ("We are also planning to conduct coordinated export control outreach.", "commit", "are also planning"),
    ("We are currently analysing the proposals received from stakeholders.", "commit", "are currently analysing"),
    ("Together, we are making further strides in quantum technologies.", "commit", "are making"),
    # the stance of the verb's plain form, where the lexicon lists it
    ("We are urging all parties to refrain from escalation.", "urge", "are urging"),
    ("We are deciding on the next steps.", "agree", "are deciding"),
    # what they say they continue to do, after a purpose they lead with too
    ("We continue to consult with the International Atomic Energy Agency.", "commit", "continue to consult"),
    ("To support further progress on these initiatives, we continue to promote greater information sharing.",
     "commit", "continue to promote"),
    ("We also continue to closely monitor the situation.", "commit", "also continue to closely monitor"),
    ("We continue to apply sanctions on Russia.", "commit", "continue to apply"),  # no adverb in "-ly"
    ("We continue to supply weapons to Ukraine.", "commit", "continue to supply"),
    # a verb the lexicon lists keeps its own form
    ("We continue to urge all parties to refrain from escalation.", "urge", "urge"),
])
def test_what_the_parties_are_doing_is_a_commitment(text: str, stance: str, verb: str) -> None:
    clause = statediff.parse(text).clauses[0]
    assert (clause.kind, clause.actor, clause.stance, clause.verb) == ("commitment", "We", stance, verb)


@pytest.mark.parametrize("text", [
    "We are witnessing rapid technological advancements.",
    "We are facing a serious threat from ransomware.",
    "We continue to face a serious threat from ransomware.",
    "We continue to have concerns about the delays.",
    "The parties continue to work on the details.",
    "These milestones have contributed to the joint vision that we are adopting today.",
    "Russia is waging a brutal war of aggression.",
    "The parties are working on the details.",
    "In 2023, we were working on the first phase.",
])
def test_what_happens_to_the_parties_or_others_do_is_no_commitment_of_theirs(text: str) -> None:
    clause = statediff.parse(text).clauses[0]
    assert clause.kind == "context" or clause.actor != "We", (clause.kind, clause.actor, clause.verb)


@pytest.mark.parametrize("text", [
    "In March 2023, we stood together in San Diego and announced the pathway to deliver on this commitment.",
    "Since then, we have launched an ambitious proposal to streamline defense collaboration.",
    "Two years ago our nations pledged to foster deeper integration of our scientists.",
    "At the December 2022 TTC meeting, the United States and the European Union decided to create a task force.",
    "On 31 October 2021, we announced that we would negotiate an arrangement on steel.",
    "Last year, the Ministers agreed to start negotiations.",
    "When AUKUS was first announced, we pledged to pursue information and technology sharing.",
])
def test_what_was_done_at_an_earlier_time_is_told_not_committed(text: str) -> None:
    c = statediff.parse(text, name="2023-09-15.txt").clauses[0]
    assert (c.kind, c.verb, c.stance) == ("context", "", "")


@pytest.mark.parametrize(("text", "date", "verb"), [
    # what is to come
    ("By the end of 2023, we expect to have developed joint policy recommendations.", "2023-05-31", "expect"),
    ("In 2025, we will hold a summit on critical minerals.", "2024-04-05", "will hold"),
    ("Since the threat is growing, we will strengthen our cooperation.", "2024-04-05", "will strengthen"),
    # the meeting's own day and month, and a subject that only begins with "Previously"
    ("On 20 January 2022, the four Ministers confirmed their cooperation on maritime security.", "2022-01-20",
     "confirmed"),
    ("Previously participating states welcomed Albania as a new member.", "2023-11-01", "welcomed"),
    # no time said: the meeting's own decision
    ("The Ministers agreed to start negotiations.", "2023-09-15", "agreed"),
])
def test_what_is_done_now_or_to_come_stays_a_commitment(text: str, date: str, verb: str) -> None:
    c = statediff.parse(text, name=f"{date}.txt").clauses[0]
    assert (c.kind, c.verb) == ("commitment", verb)


def test_a_dated_opening_is_past_only_before_the_document_s_own_month() -> None:
    text = "In March 2023, the Ministers agreed to start negotiations."
    assert statediff.parse(text, name="2023-09-15.txt").clauses[0].kind == "context"
    assert statediff.parse(text, name="2023-03-20.txt").clauses[0].kind == "commitment"
    assert statediff.parse(text).clauses[0].kind == "context"  # no date known: a dated past is the past


@pytest.mark.parametrize(("text", "kind"), [
    ("Such collaboration will be a critical component to reduce safe havens for ransomware actors.", "context"),
    ("This work will be without prejudice to EU and U.S. legislative work.", "context"),
    ("A first focus will be on clean energy, pharmaceuticals, and critical materials.", "context"),
    ("This information will be updated as appropriate to reflect decisions of the Committee.", "commitment"),
    ("The working group will be hosting a public stakeholder outreach event.", "commitment"),
    ("We will be ready to assist any member with incident response.", "commitment"),
])
def test_a_future_be_judges_unless_a_participle_follows(text: str, kind: str) -> None:
    assert statediff.parse(text).clauses[0].kind == kind


def test_the_clause_after_a_judgement_keeps_its_subject() -> None:
    text = ("The cooperation of the Council will be without prejudice to the regulatory autonomy of both sides "
            "and will respect the different legal systems in both jurisdictions.")
    judged, tail = statediff.parse(text).clauses
    assert (judged.kind, tail.kind, tail.actor) == ("context", "commitment", "The cooperation of the Council")


@pytest.mark.parametrize(("text", "kind", "actor", "verb"), [
    # a relative clause without "that" describes the subject: the statement's own announcement
    ("The plan we announce today delivers on this commitment.", "context", "", ""),
    ("The steps we are announcing today will help us to advance these objectives.", "context", "", ""),
    ("The endeavor we launch today will help sustain peace and stability in the region.", "context", "", ""),
    ("This year we will launch a fund for members.", "commitment", None, "will launch"),
    # a past "was" before an infinitive tells what was decided then
    ("The first major initiative of AUKUS was our decision to support Australia.", "context", "", ""),
    ("Our goal is to support Australia.", "commitment", "Our goal", "to support"),
    # a forecast of how things will be
    ("The network will last beyond the timeframe of the Task Force.", "context", "", ""),
    ("This agreement will mark a new chapter in our partnership.", "context", "", ""),
    # what an undertaking will need or bring, whatever verbs its subject holds
    ("Implementing AUKUS will also require robust, novel information sharing.", "context", "", ""),
    ("Successfully addressing our shared concerns will require close coordination.", "context", "", ""),
    ("Expanding the network of experts will enhance our common understanding.", "context", "", ""),
    # a name in "-ing", a longer name it opens, a preposition, and a party named before the "will" commit
    ("Beijing will host the next meeting.", "commitment", "Beijing", "will host"),
    ("Working Group 9 is tasked to launch outreach activities that will offer support.", "commitment",
     "Working Group 9", "is tasked to"),
    ("Building on this work, we will launch a fund.", "commitment", None, "will launch"),
    ("Building on this work we will expand cooperation.", "commitment", None, "will expand"),
    ("During the visit the two leaders will sign a memorandum.", "commitment", None, "will sign"),
    ("Starting next year Japan will contribute 5 billion yen.", "commitment", None, "will contribute"),
    ("Moving forward the Quad will convene annually.", "commitment", None, "will convene"),
    ("Starting next year the ministers will meet twice.", "commitment", None, "will meet"),
    # what a thing is made for
    ("This plan is designed to support Australia's development of the infrastructure.", "context", "", ""),
    ("Cooperation within the TTC is intended to feed into coordination in multilateral bodies.", "context", "", ""),
    ("We intend to feed into coordination in multilateral bodies.", "commitment", "We", "intend to"),
])
def test_a_relative_clause_and_a_past_decision_are_not_the_commitment(text: str, kind: str, actor: str | None,
                                                                      verb: str) -> None:
    a = annotate(text, default_lexicon())
    assert (a.kind, a.verb) == (kind, verb)
    assert actor is None or a.actor == actor


@pytest.mark.parametrize(("text", "negated"), [
    ("We are committed to continuing to work together not only as the CRI, but also with other partners.", False),
    ("The CRI is committed not only to protecting ourselves, but also to helping other countries.", False),
    ("We intend to reach net zero no later than 2050.", False),
    ("Australia will not acquire nuclear weapons.", True),
    ("We will never accept any change of the status quo by force.", True),
])
def test_a_phrase_that_only_looks_negative_does_not_negate_the_commitment(text: str, negated: bool) -> None:
    assert annotate(text, default_lexicon()).negated is negated


def test_a_future_verb_reads_past_no_longer() -> None:
    a = annotate("We will no longer work with the agency.", default_lexicon())
    assert (a.verb, a.negated) == ("will no longer work", True)


@pytest.mark.parametrize(("text", "actor"), [
    ("We do not support the construction of the dam.", "We"),
    ("We no longer support the project.", "We"),
    ("Japan does not support any unilateral change of the status quo.", "Japan"),
])
def test_support_refused_is_a_negated_support(text: str, actor: str) -> None:
    clause = statediff.parse(text).clauses[0]
    assert (clause.kind, clause.stance, clause.negated, clause.actor) == ("commitment", "support", True, actor)


def test_support_refused_is_listed_and_a_support_withdrawn_is_a_negation_flip() -> None:
    before = "(1) We will meet again.\n\n(2) We support the construction of the dam.\n"
    c = statediff.compare(statediff.parse(before), statediff.parse(before.replace("We support", "We no longer support")))
    assert "negation-flip" in c.pairs[1].labels and [i.label for i in c.digest.items] == ["negation flipped"]
    # "support" as a noun is no refusal
    assert statediff.parse("Our support for the project does not change.").clauses[0].kind == "context"
