"""Clause alignment: which clauses of one document correspond to which of the other.

1. *Features* (:class:`VectorSpace`): each clause is folded (:func:`statediff.normalizer.fold`: quotes,
   dashes, hyphenation, spacing) and lower-cased, a leading list marker is dropped, and it becomes
   two TF-IDF vectors over the clauses of both documents: Snowball stems plus stem bigrams (order
   matters a little: "force ... coercion" is not "coercion ... force"), and character 5-grams of the
   words (so "cooperate"/"cooperation" and misspellings still overlap). Sublinear term frequency,
   smoothed IDF, L2 norm.
2. *Similarity*: ``0.7 * word cosine + 0.3 * character cosine``, for all pairs with two sparse
   matrix products (no Python loop over pairs).
3. *Anchors*: the one-to-one matching with the largest total similarity (Hungarian method, solved
   per connected component of the candidate graph) among pairs with similarity at least
   ``threshold + MOVE_MARGIN``. Such pairs are linked wherever they are, so moved clauses are found.
4. *In-sequence links*: the anchors that keep their order are those on the heaviest order-keeping
   chain of anchors and weaker candidate pairs (so a moved anchor cannot displace the run of clauses
   that stayed around it). Between consecutive such anchors, the remaining clauses are paired by the
   heaviest order-preserving chain of pairs scoring at least ``threshold``, where the score adds small
   priors for pairs at the same relative place in their gap (``POSITION_PRIOR``), for a pair alone
   in its gap (``GAP_PRIOR``) and for clauses under matching section headings (``SECTION_PRIOR``).
   A clause that stayed where it was needs less lexical evidence than one that moved, and nothing
   here can stop a move from being found in step 3. The priors need similarity ``PRIOR_FLOOR``:
   place supports a pair that shares something, it is no evidence of its own.
5. *Evidence pass* (:class:`Evidence`): a clause still unlinked is linked to a free clause of the
   other side when a logistic model over the pair's similarity, its margins over each clause's other
   options, shared word pairs, place and headings (``RESCUE_WEIGHTS``, fitted on annotated statement
   pairs) gives at least ``RESCUE_P``: a commitment moved and restated is each clause's clear best
   match long before its similarity reaches the bar a move needs alone.
6. *Splits and merges*: an unlinked clause next to a linked one joins that group (1:n or n:1) when the
   group becomes clearly more similar with it and most of the clause's weight is found on the
   other side.
7. *Suggestions* (:func:`align_and_suggest`): for each clause still unlinked, the other side's
   clauses that may continue it, by similarity and heading agreement. Not links.
8. *Moves*: :func:`moved_links` keeps the longest chain of links in order on both sides (of equally
   long ones, the most similar); the rest moved.

The parameters of steps 1 to 6 were fitted on the ArgRewrite development gold data (all but
``SECTION_PRIOR``: the data has no headings), the evidence model on the statement alignments in
``bench/data``; see ``docs/alignment.md`` and ``bench/alignment.py --cv``. Ties are broken
towards the pairs closest in position, so results never depend on hash order or machine speed.

Layout: the features and similarity are in :mod:`statediff.clause_vectors`, the lexical passes
(steps 3 and 4) in :mod:`statediff.lexical_links`, the evidence model and suggestions (steps 5 and 7)
in :mod:`statediff.link_evidence`, the matchings and chains in :mod:`statediff.assignment`; this
module holds the parameters, runs the steps, grows splits and merges and orders the links. The
parameters are attributes of this module read at each call (the benchmarks' calibration sets them
here) and handed to the passes as one :class:`~statediff.lexical_links.Tuning` record.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from .assignment import heaviest_chain
from .clause_vectors import VectorSpace, clause_texts
from .lexical_links import Tuning, lexical_pass
from .link_evidence import EVIDENCE_FEATURES as EVIDENCE_FEATURES  # named by RESCUE_WEIGHTS' docs
from .link_evidence import Evidence
from .model import Clause, Link

__all__ = ["Alignment", "align", "align_and_suggest", "moved_links", "order_links", "similarity", "DEFAULT_THRESHOLD",
           "MOVE_MARGIN"]

#: In-sequence pairs whose score falls below this are not linked: the clauses count as dropped and
#: added. Chosen on a coarse grid on the development gold data and checked by cross-validation.
DEFAULT_THRESHOLD = 0.25
#: A pair that breaks the order of the documents (a move) needs this much more similarity: without
#: the support of its position, only clearly the same clause is linked.
MOVE_MARGIN = 0.3
#: Bonus for an in-sequence pair at the same relative place between two anchors, falling linearly to
#: 0 at opposite ends of the gap (a weak prior: clauses rarely jump inside a gap).
POSITION_PRIOR = 0.05
#: Bonus for an in-sequence pair of clauses under the same section heading, falling to the same
#: amount as a penalty for headings with no word in common (0 when a clause has no heading).
#: Headings are context evidence like position, so the bonus has the position prior's size; the gold
#: data has no headings to fit it on.
SECTION_PRIOR = 0.05
#: Bonus for an in-sequence pair alone in its gap (one free clause on each side between the same two
#: anchors), divided by the square of the larger side of the gap: 1/4 of it in a gap of two.
GAP_PRIOR = 0.08
#: Under this similarity a pair gets no position or gap prior: the two clauses share almost nothing.
PRIOR_FLOOR = 0.15
#: Share of the word vector in the similarity (the rest is the character n-gram vector).
WORD_WEIGHT = 0.7
#: Character n-gram length: 5 spans most stems (and a word boundary), few accidental matches.
CHAR_N = 5
#: A split or merge must raise the group's similarity by this much, and the joining clause must
#: have this share of its weight on the other side.
MERGE_GAIN = 0.02
MERGE_CONTAINMENT = 0.7
#: A pair is a link candidate only when it is among the most similar this many clauses of one of its
#: two clauses: it keeps the candidates, and the time and memory spent on them, linear in the number of
#: clauses when long clauses all look alike (statements never come near it).
CANDIDATES = 50
#: Coefficients of the link evidence model (see :class:`statediff.link_evidence.Evidence`), in the
#: order of :data:`EVIDENCE_FEATURES`, then the intercept: a logistic model of "an analyst links
#: these two clauses", fitted on the statement reference alignments by
#: ``bench/alignment_statements.py --fit`` (leave-one-pair-out scores in docs/alignment.md). None
#: turns the rescue pass off.
RESCUE_WEIGHTS: tuple[float, ...] | None = (4.5, 3.77, 4.28, 0.5, -0.09, 0.19, 0.88, -2.47)
#: A clause left unlinked by the lexical passes is linked to a free clause of the other side when the
#: evidence model gives the pair at least this probability (and the pair wins the one-to-one matching).
RESCUE_P = 0.5
#: How far under the in-sequence threshold a rescued pair's similarity may be: the threshold keeps
#: its meaning (raising it asks more of every link) and pairs that share almost nothing stay apart.
RESCUE_REACH = 0.15


def _tuning(threshold: float) -> Tuning:
    """This module's parameters as they are now, for one call with in-sequence bar ``threshold``."""
    return Tuning(threshold=threshold, default_threshold=DEFAULT_THRESHOLD, move_margin=MOVE_MARGIN,
                  position_prior=POSITION_PRIOR, section_prior=SECTION_PRIOR, gap_prior=GAP_PRIOR,
                  prior_floor=PRIOR_FLOOR, candidates=CANDIDATES, word_weight=WORD_WEIGHT, char_n=CHAR_N,
                  rescue_weights=RESCUE_WEIGHTS, rescue_p=RESCUE_P, rescue_reach=RESCUE_REACH)


def similarity(left: Sequence[str | Clause], right: Sequence[str | Clause]):
    """The matrix of clause similarities (rows: left, columns: right) as a NumPy array in [0, 1].

    >>> similarity(["We oppose change by coercion."], ["We oppose change by coercion.", "Tonga."]).round(2)
    array([[1., 0.]])
    """
    import numpy as np

    lt, rt = clause_texts(left), clause_texts(right)
    if not lt or not rt:
        return np.zeros((len(lt), len(rt)))
    return VectorSpace(lt, rt, WORD_WEIGHT, CHAR_N).similarity()



def align(left: Sequence[str | Clause], right: Sequence[str | Clause], *, threshold: float | None = None,
          merges: bool = True) -> list[Link]:
    """Align two sequences of clauses (strings or :class:`Clause`) and return the links.

    Every item of both sides is in exactly one link; a link with an empty side is an added (left
    empty) or dropped (right empty) clause. Reordered clauses are linked (see :func:`moved_links`);
    a link may group several clauses on one side (a split or a merge). Links come in reading order
    of ``right``, each dropped clause after the link of the clause that preceded it. ``threshold``
    is the similarity an in-sequence pair needs (default :data:`DEFAULT_THRESHOLD`); a moved pair
    needs :data:`MOVE_MARGIN` more. ``merges=False`` keeps every link one-to-one.

    Examples:
        >>> [(l.left, l.right) for l in align(["a b c", "d e"], ["d e f", "a b c"])]
        [((1,), (0,)), ((0,), (1,))]
    """
    return _align(left, right, threshold, merges, 0).links


class Alignment(NamedTuple):
    """What :func:`align_and_suggest` returns."""

    #: The links, as :func:`align` gives them.
    links: list[Link]
    #: Index of an unlinked left clause -> ``((right index, similarity), ...)``, most similar first.
    left: dict[int, tuple[tuple[int, float], ...]]
    #: Index of an unlinked right clause -> ``((left index, similarity), ...)``, most similar first.
    right: dict[int, tuple[tuple[int, float], ...]]
    #: ``group_similarity(lefts, rights)``: the matrix of similarities of groups of left clauses
    #: (lists of indexes) with groups of right clauses, in the alignment's own word space.
    group_similarity: Callable[[list[list[int]], list[list[int]]], Any]
    #: The links that moved (see :func:`moved_links`), as ``(left, right)`` index tuples, decided in
    #: the alignment's canonical direction so that comparing the other way round mirrors them.
    moved: frozenset[tuple[tuple[int, ...], tuple[int, ...]]] = frozenset()


def align_and_suggest(left: Sequence[str | Clause], right: Sequence[str | Clause], *,
                      threshold: float | None = None, limit: int = 5) -> Alignment:
    """:func:`align`, and for every clause it leaves unlinked up to ``limit`` clauses of the other side
    that may continue it, most similar first: an :class:`Alignment`. A suggestion is not a link: see
    :meth:`Evidence.suggestions` for how the candidates are chosen and ranked.

    >>> links, left_s, right_s, *_ = align_and_suggest(
    ...     ["We will expand cooperation on cyber security.", "Tonga."],
    ...     ["Tonga.", "We intend to deepen cyber cooperation."])
    >>> [(l.left, l.right) for l in links]
    [((0,), ()), ((1,), (0,)), ((), (1,))]
    >>> [j for j, _ in left_s[0]], [i for i, _ in right_s[1]]
    ([1], [0])
    """
    return _align(left, right, threshold, True, limit)



def _align(left, right, threshold, merges: bool, limit: int) -> Alignment:
    lt, rt = clause_texts(left), clause_texts(right)
    if (len(rt), rt) < (len(lt), lt):
        # Symmetric by construction: the pair is always aligned in one canonical direction, so that
        # align(b, a) is the mirror image of align(a, b) (tie-breaking and the growth of splits and
        # merges otherwise depend on which side comes first).
        flipped = _align(right, left, threshold, merges, limit)
        return Alignment(order_links([Link(link.right, link.left, link.score) for link in flipped.links]),
                         flipped.right, flipped.left, lambda ls, rs: flipped.group_similarity(rs, ls).T,
                         frozenset((r, left) for left, r in flipped.moved))
    t = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    n, m = len(lt), len(rt)
    if n == 0 or m == 0:
        import numpy as np

        return Alignment(order_links([Link((i,), (), 0.0) for i in range(n)] + [Link((), (j,), 0.0) for j in range(m)]),
                         {}, {}, lambda ls, rs: np.zeros((len(ls), len(rs))))
    tuning = _tuning(t)
    space, sim, groups, headings = lexical_pass(left, right, lt, rt, tuning)
    evidence = Evidence(space, sim, headings, t - DEFAULT_THRESHOLD, (left, right)) \
        if RESCUE_WEIGHTS is not None or limit > 0 else None
    if evidence is not None and RESCUE_WEIGHTS is not None:
        groups += evidence.regroup(groups).rescue(tuning)
    if merges:
        _merge(groups, space)
    links = order_links(_links(groups, space))
    sugg_l, sugg_r = evidence.regroup(groups).suggestions(tuning, limit) \
        if evidence is not None and limit > 0 else ({}, {})
    moved = frozenset((links[k].left, links[k].right) for k in moved_links(links))
    return Alignment(links, sugg_l, sugg_r, space.group_matrix, moved)


def _links(groups: list[tuple[list[int], list[int]]], space: VectorSpace) -> list[Link]:
    """The links of the groups, scored, then a link with an empty side for each clause left out."""
    n, m = space.n, space.size - space.n
    scores = space.group_similarity([g[0] for g in groups], [g[1] for g in groups])
    links = []
    for (gl, gr), score in zip(groups, scores.tolist()):
        gl, gr = sorted(gl), sorted(gr)
        if [space.keys[i] for i in gl] == [space.keys[n + j] for j in gr]:
            score = 1.0  # cosmetic differences only
        links.append(Link(tuple(gl), tuple(gr), round(min(score, 1.0), 4)))
    used_l = {i for g in groups for i in g[0]}
    used_r = {j for g in groups for j in g[1]}
    links.extend(Link((i,), (), 0.0) for i in range(n) if i not in used_l)
    links.extend(Link((), (j,), 0.0) for j in range(m) if j not in used_r)
    return links


def _lexical_pass(left, right, lt: list[str], rt: list[str], t: float):
    """Steps 1 to 4 with this module's parameters and in-sequence bar ``t`` (see
    :func:`statediff.lexical_links.lexical_pass`; ``bench/alignment_statements.py --fit`` calls it)."""
    return lexical_pass(left, right, lt, rt, _tuning(t))


def _merge(groups: list[tuple[list[int], list[int]]], space: VectorSpace) -> None:
    """Grow one-to-one groups into 1:n splits and n:1 merges with adjacent unlinked clauses.

    Each round scores every candidate (an unlinked clause next to a group whose other side is one
    clause) in one batch, then accepts the best candidate per group; rounds repeat while groups grow.
    """
    for _ in range(8):  # a group grows by at most one clause per round
        cands = _merge_candidates(groups, space.n, space.size - space.n)
        if not cands or not _grow(groups, cands, _merge_gains(groups, cands, space)):
            return


def _merge_candidates(groups: list[tuple[list[int], list[int]]], n: int, m: int) -> list[tuple[str, int, int]]:
    """``(side, clause, group)`` for each unlinked clause next to a group whose other side is one clause."""
    owner = {("l", i): g for g, (gl, _) in enumerate(groups) for i in gl}
    owner.update({("r", j): g for g, (_, gr) in enumerate(groups) for j in gr})
    cands = []
    for side, size in (("r", m), ("l", n)):
        for k in range(size):
            if (side, k) in owner:
                continue
            for nb in (k - 1, k + 1):
                g = owner.get((side, nb))
                if g is not None and len(groups[g][0 if side == "r" else 1]) == 1:
                    cands.append((side, k, g))
    return cands


def _merge_gains(groups: list[tuple[list[int], list[int]]], cands: list[tuple[str, int, int]],
                 space: VectorSpace) -> list[tuple[float, int]]:
    """The candidates worth taking, as ``(-gain, candidate)``, best first: those that raise their
    group's similarity by :data:`MERGE_GAIN` with :data:`MERGE_CONTAINMENT` of their weight found
    on the other side."""
    n = space.n
    before = space.group_similarity([groups[g][0] for _, _, g in cands], [groups[g][1] for _, _, g in cands])
    after = space.group_similarity([groups[g][0] + ([k] if s == "l" else []) for s, k, g in cands],
                                   [groups[g][1] + ([k] if s == "r" else []) for s, k, g in cands])
    parts = [k if s == "l" else n + k for s, k, _ in cands]
    wholes = [[n + j for j in groups[g][1]] if s == "l" else list(groups[g][0]) for s, _, g in cands]
    contained = space.containment(parts, wholes)
    gain = after - before
    return sorted((-gain[c], c) for c in range(len(cands))
                  if gain[c] > MERGE_GAIN and contained[c] >= MERGE_CONTAINMENT)


def _grow(groups: list[tuple[list[int], list[int]]], cands: list[tuple[str, int, int]],
          ranked: list[tuple[float, int]]) -> bool:
    """Add the best candidate of each group (a clause joins one group at most); did any group grow?"""
    taken_groups: set[int] = set()
    taken_clauses: set[tuple[str, int]] = set()
    for _, c in ranked:
        side, k, g = cands[c]
        if g in taken_groups or (side, k) in taken_clauses:
            continue
        taken_groups.add(g)
        taken_clauses.add((side, k))
        groups[g][0 if side == "l" else 1].append(k)
    return bool(taken_groups)


def order_links(links: list[Link]) -> list[Link]:
    """Reading order of the right side; a dropped clause follows the link of its left predecessor."""
    by_left: dict[int, Link] = {}
    for link in links:
        if link.right:
            for i in link.left:
                by_left[i] = link

    # The nearest linked left clause before each left index, in one pass: searching backwards from
    # every dropped clause was quadratic in a long run of dropped clauses.
    size = max((i for link in links for i in link.left), default=-1) + 1
    before: list[Link | None] = [None] * size
    last: Link | None = None
    for i in range(size):
        before[i] = last
        last = by_left.get(i, last)

    def key(link: Link) -> tuple[float, int, int]:
        if link.right:
            return (min(link.right), 0, 0)
        i = min(link.left)
        anchor = before[i]
        if anchor is not None:
            return (min(anchor.right), 1, i)
        return (-1, 1, i)

    return sorted(links, key=key)


def moved_links(links: Sequence[Link]) -> set[int]:
    """Indexes (into ``links``) of the links whose relative order changed.

    The largest set of links kept in order on both sides (a longest increasing subsequence of left
    positions taken in right order) stays; the rest moved.

    >>> sorted(moved_links(align(["a b c", "d e f", "g h i"], ["d e f", "g h i", "a b c"])))
    [2]
    """
    import numpy as np

    linked = [link for link in links if link.left and link.right]
    if not linked:
        return set()
    # The longest chain; among equally long ones, the one with the most similar links, so that of two
    # swapped clauses the one that was also edited is the one that moved.
    ii = np.array([min(link.left) for link in linked], dtype=np.int64)
    jj = np.array([min(link.right) for link in linked], dtype=np.int64)
    weight = 1.0 + 1e-3 * np.array([link.score for link in linked])
    stay = set(heaviest_chain(ii, jj, weight, int(ii.max()) + 1))
    return {k for k, link in enumerate(links)
            if link.left and link.right and (min(link.left), min(link.right)) not in stay}
