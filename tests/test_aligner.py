"""The aligner: contract, reorders, splits, merges, moves, cosmetic noise, the seeds and the gold data."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import statediff
from statediff import aligner
from statediff.aligner import (
    DEFAULT_THRESHOLD,
    GAP_PRIOR,
    MOVE_MARGIN,
    POSITION_PRIOR,
    RESCUE_REACH,
    align,
    moved_links,
    similarity,
)
from statediff.model import Link

from .conftest import JF, ROOT

GOLD = ROOT / "bench" / "data" / "argrewrite-dev.jsonl"
STATEMENTS = ROOT / "bench" / "data" / "statements-reference.jsonl"

SENTENCES = [
    "Japan and France will hold the next 2+2 meeting in Tokyo.",
    "The Ministers condemned North Korea's ballistic missile launches.",
    "They welcomed the port call of the training cruiser Jeanne d'Arc.",
    "They discussed cooperation with the Pacific island countries.",
    "The Ministers agreed to start negotiations on an acquisition and cross-servicing agreement.",
    "France will send a frigate to the region next spring.",
]


def pairs(links: list[Link]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(link.left, link.right) for link in links}


def assert_partition(links: list[Link], n: int, m: int) -> None:
    """Every clause of both sides is in exactly one link, and scores are in [0, 1]."""
    left = sorted(i for link in links for i in link.left)
    right = sorted(j for link in links for j in link.right)
    assert left == list(range(n))
    assert right == list(range(m))
    assert all(link.left or link.right for link in links)
    assert all(0.0 <= link.score <= 1.0 for link in links)


# --- hand-made lists ------------------------------------------------------------------------------

def test_identical_lists_link_one_to_one_in_order() -> None:
    links = align(SENTENCES, SENTENCES)
    assert [(link.left, link.right, link.score) for link in links] == [((k,), (k,), 1.0) for k in range(6)]
    assert moved_links(links) == set()


def test_reorder_links_every_clause_and_flags_the_moved_one() -> None:
    right = SENTENCES[1:4] + SENTENCES[:1] + SENTENCES[4:]
    links = align(SENTENCES, right)
    assert pairs(links) == {((0,), (3,)), ((1,), (0,)), ((2,), (1,)), ((3,), (2,)), ((4,), (4,)), ((5,), (5,))}
    moved = [links[k] for k in moved_links(links)]
    assert [(link.left, link.right) for link in moved] == [((0,), (3,))]
    assert [link.right for link in links] == [(j,) for j in range(6)]  # reading order of the right side


def test_of_two_swapped_clauses_the_edited_one_moved() -> None:
    # A swap keeps either clause in order; the one that was also reworded is reported as moved, in
    # both directions.
    left = [SENTENCES[1], "They welcomed the port call of the Jeanne d'Arc."]
    right = [SENTENCES[2], SENTENCES[1]]
    for a, b, edited in ((left, right, (1,)), (right, left, (0,))):
        links = align(a, b)
        assert len(links) == 2 and all(link.left and link.right for link in links)
        assert [links[k].left for k in moved_links(links)] == [edited]


def test_a_clause_moved_and_edited_is_linked_and_flagged() -> None:
    edited = "The Ministers strongly condemned North Korea's repeated ballistic missile launches."
    right = [SENTENCES[0], SENTENCES[2], SENTENCES[3], SENTENCES[4], edited, SENTENCES[5]]
    links = align(SENTENCES, right)
    link = next(link for link in links if link.left == (1,))
    assert link.right == (4,) and link.score < 1.0
    assert {links.index(link)} == moved_links(links)


def test_split_pairs_one_clause_with_both_halves() -> None:
    left = ["The Ministers welcomed the entry into force of the agreement on defence equipment, and confirmed "
            "that they would start a joint project on unmanned underwater vehicles for mine detection.",
            SENTENCES[1]]
    right = ["The Ministers welcomed the entry into force of the agreement on defence equipment.",
             "They confirmed that they would start a joint project on unmanned underwater vehicles for mine detection.",
             SENTENCES[1]]
    assert pairs(align(left, right)) == {((0,), (0, 1)), ((1,), (2,))}
    assert pairs(align(right, left)) == {((0, 1), (0,)), ((2,), (1,))}  # and the merge the other way
    assert pairs(align(left, right, merges=False)) & {((0,), (0, 1))} == set()


def test_unrelated_clauses_are_dropped_and_added() -> None:
    links = align(SENTENCES[:3], [SENTENCES[0], "Tonga needs help after the eruption.", SENTENCES[2]])
    assert pairs(links) == {((0,), (0,)), ((1,), ()), ((), (1,)), ((2,), (2,))}
    # A dropped clause sits after the link of the clause before it.
    assert [(link.left, link.right) for link in links] == [((0,), (0,)), ((1,), ()), ((), (1,)), ((2,), (2,))]


def test_cosmetic_differences_never_lower_the_score() -> None:
    left = ["The \u201cFree and Open Indo\u2011Pacific\u201d  matters for longer- term peace \u2014 all agree."]
    right = ['The "Free and Open Indo-Pacific" matters for longer-term peace - all agree.']
    assert [(link.left, link.right, link.score) for link in align(left, right)] == [((0,), (0,), 1.0)]
    comparison = statediff.compare(statediff.parse(left[0]), statediff.parse(right[0]))
    assert [(p.status, p.labels) for p in comparison.pairs] == [("unchanged", ("cosmetic",))]


def test_renumbered_items_are_unchanged() -> None:
    assert [link.score for link in align(["(3) The Ministers met in Paris."], ["(4) The Ministers met in Paris."])] == [1.0]
    a = statediff.parse("1. General\n(1) The Ministers met in Paris.\n(2) They agreed to meet again.\n")
    b = statediff.parse("1. General\n(1) The Ministers opened the meeting.\n(2) The Ministers met in Paris.\n"
                        "(3) They agreed to meet again.\n")
    result = [(p.status, p.left, p.right, p.moved) for p in statediff.compare(a, b).pairs]
    assert result == [("added", (), ("1(1)",), False), ("unchanged", ("1(1)",), ("1(2)",), False),
                      ("unchanged", ("1(2)",), ("1(3)",), False)]


@pytest.mark.parametrize("left, right", [([], []), ([], SENTENCES[:2]), (SENTENCES[:2], [])])
def test_empty_sides(left: list[str], right: list[str]) -> None:
    links = align(left, right)
    assert_partition(links, len(left), len(right))
    assert all(not (link.left and link.right) for link in links)
    assert similarity(left, right).shape == (len(left), len(right))


def test_identical_repeated_clauses_pair_in_order() -> None:
    same = "The Ministers reaffirmed their commitment."
    assert pairs(align([same] * 3, [same] * 2)) == {((0,), (0,)), ((1,), (1,)), ((2,), ())}
    links = align(["Other business.", same, same], [same, same, "Other business."])
    assert pairs(links) == {((1,), (0,)), ((2,), (1,)), ((0,), (2,))}
    assert [links[k].left for k in moved_links(links)] == [(0,)]


def test_threshold_decides_what_is_linked() -> None:
    left = ["The Ministers oppose change by coercion."]
    right = ["The Ministers oppose change by force."]
    score = similarity(left, right)[0, 0]
    assert DEFAULT_THRESHOLD < score < 1.0
    assert pairs(align(left, right)) == {((0,), (0,))}
    # A pair in place, alone in its gap, gets the position and gap priors on top of its similarity.
    bonus = POSITION_PRIOR + GAP_PRIOR
    assert pairs(align(left, right, threshold=score + bonus - 0.01)) == {((0,), (0,))}
    # The evidence pass links a clear pair up to RESCUE_REACH under the threshold, never further.
    reach = max(bonus, RESCUE_REACH)
    assert pairs(align(left, right, threshold=score + reach - 0.01)) == {((0,), (0,))}
    assert pairs(align(left, right, threshold=score + reach + 0.01)) == {((0,), ()), ((), (0,))}


def test_a_lone_clause_rewritten_in_place_needs_less_evidence_than_one_among_many(monkeypatch) -> None:
    # One clause each side between the same two anchors is the same slot rewritten; among several
    # unlinked clauses the same pair gets only a quarter of the gap prior and the lexical passes
    # leave it alone (the evidence pass, off here, weighs it on other grounds).
    monkeypatch.setattr(aligner, "RESCUE_WEIGHTS", None)
    weak_l = "The Ministers discussed the regional security situation at length."
    weak_r = "The Ministers discussed the security of maritime trade routes."
    t = similarity([weak_l], [weak_r])[0, 0] + POSITION_PRIOR + GAP_PRIOR / 2
    lone = align([SENTENCES[0], weak_l, SENTENCES[1]], [SENTENCES[0], weak_r, SENTENCES[1]], threshold=t)
    assert ((1,), (1,)) in pairs(lone)
    among = align([SENTENCES[0], weak_l, "Tonga and Fiji.", SENTENCES[1]],
                  [SENTENCES[0], weak_r, "Cyber attacks.", SENTENCES[1]], threshold=t)
    assert ((1,), ()) in pairs(among) and ((), (1,)) in pairs(among)


def test_a_moved_clause_does_not_displace_the_clauses_that_stayed() -> None:
    # The second clause moved to the end. Taken as the order to keep, it would leave no room for the
    # rewritten last clause next to the anchor that stayed: the heaviest order-keeping chain counts
    # the weaker in-place pair too, so the move is the link that breaks the order.
    moved = "Although time and money may be saved, the long term prosperity of this technology is not promising."
    left = [SENTENCES[0], moved, SENTENCES[1], "They agreed that the time saved will be worth this risk."]
    right = [SENTENCES[0], SENTENCES[1], "They argued that the time saved would be worth the cost.", SENTENCES[2],
             moved]
    links = align(left, right)
    assert pairs(links) == {((0,), (0,)), ((2,), (1,)), ((3,), (2,)), ((), (3,)), ((1,), (4,))}
    assert [links[k].left for k in sorted(moved_links(links))] == [(1,)]


def test_a_move_needs_more_similarity_than_a_pair_in_place(monkeypatch) -> None:
    # In the lexical passes the same weak pair is linked where it stands and left alone when it would
    # have to be a move; the evidence pass then links it, since each is clearly the other's only match.
    weak_l = "The Ministers discussed the regional security situation at length."
    weak_r = "The Ministers discussed the security of maritime trade routes."
    score = similarity([weak_l], [weak_r])[0, 0]
    assert DEFAULT_THRESHOLD <= score < DEFAULT_THRESHOLD + MOVE_MARGIN
    in_place = align([SENTENCES[0], weak_l, SENTENCES[1]], [SENTENCES[0], weak_r, SENTENCES[1]])
    assert ((1,), (1,)) in pairs(in_place)
    moved = align([weak_l] + SENTENCES[:4], SENTENCES[:4] + [weak_r])
    assert ((0,), (4,)) in pairs(moved)
    monkeypatch.setattr(aligner, "RESCUE_WEIGHTS", None)
    moved = align([weak_l] + SENTENCES[:4], SENTENCES[:4] + [weak_r])
    assert ((0,), ()) in pairs(moved) and ((), (4,)) in pairs(moved)


def _numbered(left, right, links):
    return {(tuple(left[i].number for i in link.left), tuple(right[j].number for j in link.right)) for link in links}


def test_a_moved_commitment_restated_is_followed() -> None:
    # US-EU TTC 2021 -> 2022: the investment-screening commitment moved from working group 1 to the
    # section on investment and was restated (similarity 0.51, under the bar a move needs alone). It
    # is each clause's clearly best match and shares "investment screening", "national security".
    corpora = ROOT / "fixtures" / "corpora" / "us-eu-trade-and-technology-council-joint-statements"
    old = statediff.read(corpora / "2021-09-29.txt").clauses
    new = statediff.read(corpora / "2022-12-05.txt").clauses
    links = align(old, new)
    numbered = _numbered(old, new, links)
    assert (("2.1.b1.3",), ("II.F.h1.p1.3",)) in numbered
    link = next(k for k, lk in enumerate(links) if lk.left and old[lk.left[0]].number == "2.1.b1.3")
    assert link in moved_links(links)
    assert "investment screening" in old[links[link].left[0]].text
    assert "investment screening" in new[links[link].right[0]].text


def test_a_lone_unrelated_clause_between_two_anchors_is_not_paired() -> None:
    # Two clauses from different statements (similarity 0.13), each alone between the same two
    # anchors: their place is no evidence that one continues the other.
    cri = ("Diplomatic engagement continues to be an essential tool for the international community's fight "
           "against ransomware attacks.")
    aukus = ("We continue to engage openly and transparently with the International Atomic Energy Agency (IAEA) and "
             "remain committed to an approach that sets the highest non-proliferation standard.")
    assert 0.1 < similarity([cri], [aukus])[0, 0] < aligner.PRIOR_FLOOR
    links = align([SENTENCES[0], cri, SENTENCES[1]], [SENTENCES[0], aukus, SENTENCES[1]])
    assert pairs(links) == {((0,), (0,)), ((1,), ()), ((), (1,)), ((2,), (2,))}


def test_clauses_and_strings_align_alike() -> None:
    doc = statediff.read(JF / "2021-01-15-defence-ministers-teleconference.txt")
    assert align(doc.clauses, doc.clauses) == align([c.text for c in doc.clauses], [c.text for c in doc.clauses])


words = st.sampled_from("ministers japan france agreed cooperation security north korea force coercion "
                        "pacific maritime training the of and to".split())
clause = st.lists(words, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(clause, max_size=8), st.lists(clause, max_size=8))
def test_every_clause_in_exactly_one_link(left: list[str], right: list[str]) -> None:
    links = align(left, right)
    assert_partition(links, len(left), len(right))
    keys = [min(link.right) for link in links if link.right]
    assert keys == sorted(keys)  # reading order of the right side
    sim = similarity(left, right)
    assert ((sim >= 0) & (sim <= 1)).all()


@settings(max_examples=30, deadline=None)
@given(st.lists(clause, min_size=1, max_size=8, unique=True), st.randoms(use_true_random=False))
def test_a_permutation_links_every_clause_to_itself(left: list[str], rnd) -> None:
    order = list(range(len(left)))
    rnd.shuffle(order)
    links = align(left, [left[k] for k in order])
    assert pairs(links) == {((k,), (order.index(k),)) for k in range(len(left))}


# --- the seeds ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def third_vs_sixth():
    left = statediff.read(JF / "2017-01-06-japan-defense-focus-85-third-2plus2.txt", part="2+2")
    right = statediff.read(JF / "2022-01-20-sixth-2plus2-mofa-readout.txt")
    return left, right, statediff.compare(left, right)


def _pair_with(comparison, text: str, side: str = "left"):
    found = [p for p in comparison.pairs if text in (p.left_text if side == "left" else p.right_text)]
    assert len(found) == 1, (text, found)
    return found[0]


def test_third_vs_sixth_2plus2_pairs_the_lasting_commitments(third_vs_sixth) -> None:
    _, _, comparison = third_vs_sixth
    jeanne = _pair_with(comparison, "Jeanne d", "left")
    assert jeanne.status == "changed" and "Jeanne d" in jeanne.right_text
    assert "joint training" in jeanne.right_text
    korea = _pair_with(comparison, "serious concern over the development of North Korea", "left")
    assert korea.status == "changed" and "North Korea’s advancing nuclear and missile development" in korea.right_text
    law = _pair_with(comparison, "consolidate the rule of law", "left")
    assert law.status == "changed" and "confirmed that they would encourage cooperation" in law.right_text


def test_third_vs_sixth_2plus2_reports_acsa_dropped_and_tonga_and_ukraine_added(third_vs_sixth) -> None:
    _, _, comparison = third_vs_sixth
    assert _pair_with(comparison, "start negotiations of the Japan-France Acquisition", "left").status == "dropped"
    assert _pair_with(comparison, "support for Tonga", "right").status == "added"
    ukraine = _pair_with(comparison, "sovereignty and territorial integrity of Ukraine", "right")
    assert ukraine.status == "added"


def test_teleconference_vs_2plus2_keeps_the_known_changes_as_changed_pairs() -> None:
    left = statediff.read(JF / "2021-01-15-defence-ministers-teleconference.txt")
    right = statediff.read(JF / "2022-01-20-sixth-2plus2-mofa-readout.txt")
    comparison = statediff.compare(left, right)
    status_quo = _pair_with(comparison, "change the status quo by coercion", "left")
    assert status_quo.status == "changed" and "change the status quo by force" in status_quo.right_text
    assert not status_quo.moved
    korea = _pair_with(comparison, "irreversible dismantlement of all of North Korea", "left")
    assert korea.status == "changed"
    assert "in a complete, verifiable, and irreversible manner" in korea.right_text


def test_the_same_document_compares_unchanged() -> None:
    doc = statediff.read(JF / "2022-01-20-sixth-2plus2-mofa-readout.txt")
    summary = statediff.compare(doc, doc).summary
    counts = {k: summary[k] for k in ("unchanged", "changed", "added", "dropped", "moved")}
    assert counts == {"unchanged": len(doc.clauses), "changed": 0, "added": 0, "dropped": 0, "moved": 0}


# --- the gold data --------------------------------------------------------------------------------

def test_gold_development_split_stays_above_the_lexical_baselines() -> None:
    """Micro F1 over links on the ArgRewrite dev split (see bench/alignment.py for the full report).

    The floor sits below the measured score (98.2) and above both lexical baselines (96.8), so a
    change that breaks the similarity, the assignment or the merges fails here.
    """
    gold, pred = set(), set()
    with open(GOLD, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            skip = {tuple(p) for p in rec["move_like"]}
            gold |= {(rec["id"], i, j) for i, j in rec["gold"] if (i, j) not in skip}
            pred |= {(rec["id"], i, j) for link in align(rec["old"], rec["new"])
                     for i in link.left for j in link.right if (i, j) not in skip}
    tp = len(gold & pred)
    f1 = 2 * tp / (len(gold) + len(pred))
    assert f1 >= 0.975


def test_statement_references_hold_and_statediff_keeps_its_precision_and_recall() -> None:
    """The reference alignments of 7 statement pairs (bench/alignment_statements.py for the report).

    They index statediff's own clauses, so they hold only while segmentation gives the same clause
    texts. Precision is against the links either annotation pass made, recall against the links both
    made; measured 92.7 and 42.7, and a pass scores 86.8 F1 against the other.
    """
    with open(STATEMENTS, encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    assert len(records) == 7
    tp_p = n_pred = tp_r = n_gold = 0
    for rec in records:
        old = statediff.read(ROOT / rec["old_path"], part=rec["old_part"])
        new = statediff.read(ROOT / rec["new_path"], part=rec["new_part"])
        assert [c.text for c in old.clauses] == rec["old"], rec["id"]
        assert [c.text for c in new.clauses] == rec["new"], rec["id"]
        pred = {(i, j) for link in align(old.clauses, new.clauses) for i in link.left for j in link.right}
        gold = {tuple(x) for x in rec["gold"]}
        accept = {tuple(x) for x in rec["accept"]}
        assert gold <= accept
        tp_p, n_pred = tp_p + len(pred & accept), n_pred + len(pred)
        tp_r, n_gold = tp_r + len(pred & gold), n_gold + len(gold)
    assert tp_p / n_pred >= 0.88
    assert tp_r / n_gold >= 0.40


def test_a_shared_frame_alone_does_not_link_commitments() -> None:
    # Same actor and verb, nothing in common that the clauses are about: one dropped, one added.
    left = statediff.parse("1. The Ministers exchanged views on the regional issues.\n\n"
                           "2. The Ministers welcomed the new training programme for pilots.")
    right = statediff.parse("1. The four Ministers exchanged views on the cooperation in support for Tonga.\n\n"
                            "2. The Ministers welcomed the new training programme for naval pilots.")
    links = [(link.left, link.right) for link in statediff.align(left.clauses, right.clauses)]
    assert ((1,), (1,)) in links
    assert ((0,), ()) in links and ((), (0,)) in links
    # The same texts as plain strings carry no annotation, and position alone links them.
    plain = [(link.left, link.right) for link in statediff.align([c.text for c in left.clauses],
                                                                 [c.text for c in right.clauses])]
    assert ((0,), (0,)) in plain


@given(st.lists(st.sampled_from(SENTENCES), max_size=8), st.lists(st.sampled_from(SENTENCES), max_size=8))
@settings(max_examples=60, deadline=None)
def test_alignment_is_symmetric(a: list[str], b: list[str]) -> None:
    there = {(link.left, link.right, link.score) for link in align(a, b)}
    back = {(link.right, link.left, link.score) for link in align(b, a)}
    assert there == back


def test_rewritten_statement_pairs_keep_links_precise_and_suggestions_useful() -> None:
    """bench/data/statements-dev-gold.jsonl, 7 rewritten pairs annotated twice (the bench script
    prints the full table): measured P 86.8 / R 16.5 for links and recall@5 75.4 for suggestions."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    import statement_gold as sg

    ms = sg.mapped(sg.load(ROOT / "bench" / "data" / "statements-dev-gold.jsonl"))
    assert len(ms) == 7 and all(any(m.old_map) and any(m.new_map) for m in ms)
    items, preds = [], {}
    for m in ms:
        links, left, right, *_ = statediff.aligner.align_and_suggest(m.old_doc.clauses, m.new_doc.clauses)
        preds[m.pair.id] = m.to_gold(links)
        items.append((m, preds[m.pair.id], {i: [j for j, _ in s] for i, s in left.items()},
                      {j: [i for i, _ in s] for j, s in right.items()}))
    strict = sg.score([m.pair for m in ms], preds)["strict"]
    assert strict["p"] >= 85.0 and strict["r"] >= 15.0
    assert sg.suggestion_recall(items)["r@5"] >= 72.0


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 30), st.integers(1, 30), st.lists(st.tuples(st.integers(0, 29), st.integers(0, 29)), max_size=80))
def test_components_number_as_scipy_does(n, m, edges) -> None:
    import numpy as np
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    from statediff.assignment import components as _components

    ii = np.array([a % n for a, _ in edges], dtype=np.int64)
    jj = np.array([b % m for _, b in edges], dtype=np.int64)
    graph = sparse.coo_matrix((np.ones(len(ii)), (ii, jj + n)), shape=(n + m, n + m))
    assert _components(ii, jj + n, n + m).tolist() == connected_components(graph, directed=False)[1].tolist()


def test_assignment_solver_is_scipys_without_scipy_optimize() -> None:
    import subprocess
    import sys

    code = ("import sys, numpy as np; from statediff.assignment import assignment_solver as f; "
            "r, c = f()(np.array([[1.0, 5.0], [4.0, 1.0]]), maximize=True); "
            "print(r.tolist(), c.tolist(), 'scipy.optimize' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["[0,", "1]", "[1,", "0]", "False"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(-50, 10**12), max_size=60))
def test_distinct_is_numpys_unique(values) -> None:
    import numpy as np

    from statediff.assignment import distinct

    array = np.array(values, dtype=np.int64)
    got, want = distinct(array), np.unique(array)
    assert got.dtype == want.dtype and got.tolist() == want.tolist()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 2**64 - 1), max_size=60))
def test_ranks_are_numpys_unique_inverse(values) -> None:
    import numpy as np

    from statediff.clause_vectors import ranks

    array = np.array(values, dtype=np.uint64)
    assert ranks(array).tolist() == np.unique(array, return_inverse=True)[1].ravel().tolist()


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 6), st.integers(1, 90), st.integers(0, 12),
       st.sampled_from([(0.0, -0.0, 0.25, 0.5, 1.0), (0.0, 0.1), (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)]),
       st.randoms(use_true_random=False))
def test_top_k_is_the_first_columns_of_a_stable_sort(n, m, k, values, rnd) -> None:
    import numpy as np

    from statediff.assignment import top_k

    # few distinct values: ties at the k-th largest, rows crowded with them and rows with few
    weights = [rnd.random() ** 3 for _ in values]
    mat = np.array([[rnd.choices(values, weights)[0] for _ in range(m)] for _ in range(n)]).reshape(n, m)
    expected = np.argsort(-mat, axis=1, kind="stable")[:, :min(k, m)]
    found = top_k(mat, k)
    assert found.shape == expected.shape and (found == expected).all()
    assert (top_k(mat.T.copy().T, k) == expected).all()  # a view in another memory order alike
