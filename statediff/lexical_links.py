"""The aligner's lexical passes (steps 3 and 4 of :mod:`statediff.aligner`): the anchors linked
wherever they are, and the in-sequence links between the anchors that kept their order, with the
priors of place, gap and headings. Also the commitment objects of annotated clauses, which keep
pairs that share only their frame apart (here and in the evidence pass).

The parameters come from :mod:`statediff.aligner` at each call, as one :class:`Tuning` record.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from .assignment import assign, heaviest_chain, place_in_gap, rank_within
from .clause_vectors import FUNCTION_WORDS, VectorSpace, blank_key, folded_words, stem
from .model import Clause

__all__ = ["Tuning", "lexical_pass"]


class Tuning(NamedTuple):
    """The aligner's parameters for one call (see :mod:`statediff.aligner` for each)."""

    threshold: float  # the in-sequence bar of this call
    default_threshold: float
    move_margin: float
    position_prior: float
    section_prior: float
    gap_prior: float
    prior_floor: float
    candidates: int
    word_weight: float
    char_n: int
    rescue_weights: tuple[float, ...] | None
    rescue_p: float
    rescue_reach: float


#: Candidate pairs kept per clause for the in-sequence chain: bounds the work on large, repetitive
#: documents; a link outside a clause's most similar few is not plausible anyway.
_TOP_K = 8


def _among_best(sim, k: int):
    """Boolean matrix: the pair is among the ``k`` most similar of its row or of its column."""
    import numpy as np

    n, m = sim.shape
    best = np.zeros((n, m), bool)
    if m > k:
        best[np.arange(n)[:, None], np.argpartition(-sim, k - 1, axis=1)[:, :k]] = True
    else:
        best[:] = True
    if n > k:
        best[np.argpartition(-sim, k - 1, axis=0)[:k, :], np.arange(m)[None, :]] = True
    else:
        best[:] = True
    return best


def lexical_pass(left, right, lt: list[str], rt: list[str], tuning: Tuning):
    """Steps 1 to 4: the features, the similarity matrix, the anchors and the in-sequence links.

    Returns the feature space, the similarity matrix, the one-to-one groups found and the heading
    agreement table (with each side's row in it).
    """
    import numpy as np

    n, m = len(lt), len(rt)
    t = tuning.threshold
    space = VectorSpace(lt, rt, tuning.word_weight, tuning.char_n)
    sim = space.similarity()
    # A clause with no letters or digits ("...", a rule of dashes) has no features to compare: it is
    # the same clause as one of the other side printed the same way (cosmetics aside).
    blank_r: dict[str, list[int]] = {}
    for j in range(m):
        if not space.keys[n + j]:
            blank_r.setdefault(blank_key(rt[j]), []).append(j)
    for i in range(n):
        if not space.keys[i]:
            for j in blank_r.get(blank_key(lt[i]), ()):
                sim[i, j] = 1.0
    # Candidate pairs: those that could reach the lower, in-sequence bar with every bonus.
    floor = min(t - tuning.position_prior - tuning.gap_prior - tuning.section_prior, t + tuning.move_margin) - 2e-3
    ii, jj = np.nonzero((sim >= floor) & _among_best(sim, tuning.candidates))
    score = sim[ii, jj]
    if annotated(left, right):
        # Two commitments that share their frame but nothing they are about are linked only on the
        # evidence a move needs; their place in the documents is no support.
        keep = objects_meet(left, right, ii, jj) | (score >= t + tuning.move_margin)
        ii, jj, score = ii[keep], jj[keep], score[keep]
    # Among equals prefer the pairs closest in position. The penalty is the squared distance: for a
    # strictly convex penalty the order-keeping matching of tied pairs is the only cheapest one, so
    # identical repeated clauses pair in order.
    tie = 1e-3 * (1.0 - ((ii - jj) / max(n, m)) ** 2)
    strong = np.flatnonzero(score >= t + tuning.move_margin)
    anchors = strong[assign(ii[strong], jj[strong], score[strong] + tie[strong], n, m)]
    table, head_l, head_r = _heading_overlap(left, right)
    context = score + tie + tuning.section_prior * table[head_l[ii], head_r[jj]]
    groups = [([int(ii[k])], [int(jj[k])]) for k in anchors]
    groups += [([i], [j]) for i, j in _fill_gaps(anchors, ii, jj, context, score, n, m, tuning)]
    return space, sim, groups, (table, head_l, head_r)


def annotated(left, right) -> bool:
    """Both sides carry the commitment annotation (actor and verb) of :class:`Clause` records."""
    return any(isinstance(c, Clause) and c.verb for c in left) and any(isinstance(c, Clause) and c.verb for c in right)


def _object_words(c: str | Clause) -> frozenset[str]:
    """The content words of an annotated clause other than its actor and commitment verb."""
    if not isinstance(c, Clause) or not c.verb:
        return frozenset()
    return _object_words_of(c.text, c.verb, c.actor)


@lru_cache(maxsize=65536)
def _object_words_of(text: str, verb: str, actor: str) -> frozenset[str]:
    for frame in (verb, actor):
        at = text.find(frame) if frame else -1
        if at >= 0:
            text = text[:at] + " " + text[at + len(frame):]
    return frozenset(stem(w) for w in folded_words(text) if w not in FUNCTION_WORDS and not w.isdigit())


def objects_meet(left, right, ii, jj):
    """For each candidate pair of annotated clauses: do they share a content word besides their
    actor and commitment verb? "The Ministers exchanged views on the regional issues" and "The four
    Ministers exchanged views on the cooperation in support for Tonga" share their whole frame and
    nothing they are about. True where either side has no verb to tell."""
    import numpy as np

    lo = [_object_words(c) for c in left]
    ro = [_object_words(c) for c in right]
    return np.array([not (lo[i] and ro[j]) or not lo[i].isdisjoint(ro[j]) for i, j in zip(ii.tolist(), jj.tolist())],
                    dtype=bool)

def _heading_overlap(left: Sequence[str | Clause], right: Sequence[str | Clause]):
    """Heading agreement of clause pairs: a table over distinct headings and each side's row in it.

    From the Jaccard overlap of the headings' stemmed words, rescaled to -1 (nothing in common) ..
    +1 (the same heading); 0 when either clause has no heading.
    """
    import numpy as np

    def heads(items):
        names = [c.section if isinstance(c, Clause) else "" for c in items]
        unique = sorted(set(names))
        return unique, np.array([unique.index(x) for x in names], dtype=np.int64)

    lu, li = heads(left)
    ru, ri = heads(right)
    lw = [{stem(w) for w in folded_words(h)} for h in lu]
    rw = [{stem(w) for w in folded_words(h)} for h in ru]
    table = np.array([[2.0 * len(a & b) / len(a | b) - 1.0 if a and b else 0.0 for b in rw] for a in lw])
    return table, li, ri


def _fill_gaps(anchors, ii, jj, context, sim, n: int, m: int, tuning: Tuning) -> list[tuple[int, int]]:
    """In-sequence links between consecutive anchors that kept their order (step 4).

    ``(ii, jj)`` are the candidate pairs, ``context`` their similarity plus heading prior, and
    ``anchors`` the positions of the anchor pairs among them.
    """
    import numpy as np

    t = tuning.threshold
    free_l = np.ones(n, bool)
    free_r = np.ones(m, bool)
    free_l[ii[anchors]] = False
    free_r[jj[anchors]] = False
    chain = _anchor_chain(anchors, ii, jj, context, free_l, free_r, n, t)
    gap_l = np.searchsorted(np.array([i for i, _ in chain], dtype=np.int64), np.arange(n))
    gap_r = np.searchsorted(np.array([j for _, j in chain], dtype=np.int64), np.arange(m))
    keep = free_l[ii] & free_r[jj] & (gap_l[ii] == gap_r[jj])
    ii, jj = ii[keep], jj[keep]
    agree = 1.0 - np.abs(place_in_gap(gap_l, free_l)[ii] - place_in_gap(gap_r, free_r)[jj])
    size_l = np.bincount(gap_l, weights=free_l.astype(float))[gap_l[ii]]
    size_r = np.bincount(gap_r, weights=free_r.astype(float))[gap_r[jj]]
    # A pair alone in its gap on both sides is all but certainly the same slot rewritten: the gap prior
    # falls with the square of the gap's size, so it only speaks for the smallest gaps.
    # Place is support for a pair that shares something, not evidence of its own: two unrelated
    # clauses that each sit alone between the same anchors get no prior.
    prior = agree * (tuning.position_prior + tuning.gap_prior / np.maximum(size_l, size_r) ** 2) \
        * (sim[keep] >= tuning.prior_floor)
    score = context[keep] + prior
    keep = score >= t
    ii, jj, score = ii[keep], jj[keep], score[keep]
    if len(ii) > _TOP_K * (n + m):
        # Keep each clause's few best candidates (both directions) to bound the chain's work.
        keep = (rank_within(ii, score) < _TOP_K) | (rank_within(jj, score) < _TOP_K)
        ii, jj, score = ii[keep], jj[keep], score[keep]
    if len(ii) == 0:
        return []
    # Weight above the bar, so every chosen pair adds to the chain.
    return heaviest_chain(ii, jj, score - t + 1e-6, n)


def _anchor_chain(anchors, ii, jj, context, free_l, free_r, n: int, t: float) -> list[tuple[int, int]]:
    """The anchors that keep their order: those on the heaviest order-keeping chain of anchors and
    weaker candidate pairs of free clauses, so that an anchor which moved does not displace the run
    of clauses that stayed around it."""
    import numpy as np

    weak = np.flatnonzero(free_l[ii] & free_r[jj] & (context >= t))
    at = np.concatenate([anchors, weak])
    if len(at) == 0:
        return []
    bonus = np.concatenate([np.full(len(anchors), 1e-3), np.full(len(weak), 1e-6)])
    chain = heaviest_chain(ii[at], jj[at], context[at] - t + bonus, n)
    kept = set(zip(ii[anchors].tolist(), jj[anchors].tolist()))
    return [p for p in chain if p in kept]


