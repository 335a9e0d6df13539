"""The aligner's evidence pass and suggestions (steps 5 and 7 of :mod:`statediff.aligner`): a
logistic model of "an analyst links these two clauses" over a pair's similarity, margins, shared
word pairs, place and headings, which rescues links the lexical passes left apart, and the ranked
candidates offered for each clause still unlinked.
"""

from __future__ import annotations

from .assignment import assign, distinct, heaviest_chain, top_k
from .clause_vectors import VectorSpace, content_bigrams
from .lexical_links import Tuning, annotated, objects_meet

__all__ = ["EVIDENCE_FEATURES"]

#: The features of the link evidence model, in the order of its coefficients
#: (:data:`statediff.aligner.RESCUE_WEIGHTS`).
EVIDENCE_FEATURES = ("similarity", "margin_min", "margin_max", "shared_bigrams", "position", "in_gap", "section")
#: Candidates kept per free clause for the rescue pass and for suggestions: its most similar few.
_EVIDENCE_K = 5
#: Pairs below this similarity share almost nothing; they are neither rescued nor suggested.
_EVIDENCE_FLOOR = 0.05
#: Candidates looked at per unlinked clause for its suggestions.
_SUGGEST_POOL = 10


class Evidence:
    """Evidence that two clauses left apart by the lexical passes are the same commitment rewritten.

    Each candidate pair of clauses gets features that speak for a link beyond its similarity: how far
    it beats each clause's other options (``margin_min`` / ``margin_max``: a clause's best partner,
    clearly ahead of the rest, is its likely successor even at low similarity), how many word pairs
    with content the two share (a long shared run survives a rewrite), whether they sit at the same
    relative place and in the same gap between the links kept in order, and whether their headings
    agree. A logistic model over these (:data:`statediff.aligner.RESCUE_WEIGHTS`) gives the probability of a link.
    """

    def __init__(self, space: VectorSpace, sim, headings, shift: float = 0.0, clauses=((), ())):
        """``shift``: how far the caller's threshold is above the default; ``clauses``: the two
        sequences aligned, whose commitment annotation keeps frame-only pairs apart. Call
        :meth:`regroup` with the links found so far before asking for candidates."""
        import numpy as np

        self.annotated = clauses if annotated(*clauses) else None
        self.sim = sim
        self.shift = shift
        self.n, self.m = n, m = sim.shape
        self.table, self.head_l, self.head_r = headings
        self.keys = space.keys  # each clause's folded words; their word pairs are read for candidates only
        # Each clause's two best similarities over the whole other side, for the margins.
        self.top_r = -np.partition(-sim, 1, axis=1)[:, :2] if m > 1 else np.hstack([sim, np.zeros((n, 1))])
        self.top_c = -np.partition(-sim, 1, axis=0)[:2, :].T if n > 1 else np.hstack([sim.T, np.zeros((m, 1))])
        self.regroup([])

    def regroup(self, groups) -> Evidence:
        """Take the groups linked so far: which clauses are free, and the gaps between the groups
        kept in order (a moved group does not cut the documents)."""
        import numpy as np

        n, m = self.n, self.m
        self.free_l = np.ones(n, bool)
        self.free_r = np.ones(m, bool)
        for gl, gr in groups:
            self.free_l[gl] = False
            self.free_r[gr] = False
        firsts = [(min(gl), min(gr)) for gl, gr in groups]
        ii = np.array([a for a, _ in firsts], dtype=np.int64)
        jj = np.array([b for _, b in firsts], dtype=np.int64)
        chain = heaviest_chain(ii, jj, 1.0 + 1e-3 * self.sim[ii, jj], n) if firsts else []
        self.gap_l = np.searchsorted(np.array([a for a, _ in chain], dtype=np.int64), np.arange(n), side="right")
        self.gap_r = np.searchsorted(np.array([b for _, b in chain], dtype=np.int64), np.arange(m), side="right")
        return self

    def candidates(self, among_free: bool = True, k: int = _EVIDENCE_K):
        """Candidate pairs ``(ii, jj)``: for each free clause its ``_EVIDENCE_K`` most similar clauses
        of the other side (free ones only when ``among_free``)."""
        import numpy as np

        sim = self.sim
        rows = np.flatnonzero(self.free_l)
        cols = np.flatnonzero(self.free_r)
        pool_r = cols if among_free else np.arange(self.m)
        pool_l = rows if among_free else np.arange(self.n)
        ii, jj = [], []
        if len(rows) and len(pool_r):
            best = top_k(sim[np.ix_(rows, pool_r)], k)
            ii.append(np.repeat(rows, best.shape[1]))
            jj.append(pool_r[best].ravel())
        if len(cols) and len(pool_l):
            best = top_k(sim[np.ix_(pool_l, cols)].T, k)
            ii.append(pool_l[best].ravel())
            jj.append(np.repeat(cols, best.shape[1]))
        if not ii:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        # Each pair once, in order of (left, right); only pairs that share something.
        code = distinct(np.concatenate(ii) * self.m + np.concatenate(jj))
        ii, jj = code // self.m, code % self.m
        keep = sim[ii, jj] >= _EVIDENCE_FLOOR
        return ii[keep], jj[keep]

    def features(self, ii, jj):
        """The :data:`EVIDENCE_FEATURES` of pairs ``(ii, jj)``, one row each."""
        import numpy as np

        s = self.sim[ii, jj]
        # The best other option of each clause: its first choice, or its second when this pair is first.
        other_r = np.where(np.isclose(self.top_r[ii, 0], s), self.top_r[ii, 1], self.top_r[ii, 0])
        other_c = np.where(np.isclose(self.top_c[jj, 0], s), self.top_c[jj, 1], self.top_c[jj, 0])
        mr, mc = s - other_r, s - other_c
        keys, n = self.keys, self.n
        shared = np.array([min(len(content_bigrams(keys[i]) & content_bigrams(keys[n + j])), 8) / 8.0
                           for i, j in zip(ii.tolist(), jj.tolist())])
        pos = np.abs(ii / max(self.n - 1, 1) - jj / max(self.m - 1, 1))
        gap = (self.gap_l[ii] == self.gap_r[jj]).astype(float)
        sec = self.table[self.head_l[ii], self.head_r[jj]]
        return np.column_stack([s, np.minimum(mr, mc), np.maximum(mr, mc), shared, pos, gap, sec])

    def probability(self, ii, jj, weights: tuple[float, ...]):
        """The model's probability of a link for pairs ``(ii, jj)``, with coefficients ``weights``."""
        import numpy as np

        w = np.array(weights)
        z = self.features(ii, jj) @ w[:-1] + w[-1]
        return 1.0 / (1.0 + np.exp(-z))

    def rescue(self, tuning: Tuning) -> list[tuple[list[int], list[int]]]:
        """One-to-one links between free clauses whose evidence reaches
        :data:`statediff.aligner.RESCUE_P` (``tuning.rescue_p``)."""
        import numpy as np

        ii, jj = self.candidates()
        if len(ii) == 0:
            return []
        weights = tuning.rescue_weights
        assert weights is not None, "the aligner runs the rescue pass only with a model"
        p = self.probability(ii, jj, weights)
        if self.annotated is not None:
            p = np.where(objects_meet(self.annotated[0], self.annotated[1], ii, jj), p, 0.0)
        floor = tuning.default_threshold + self.shift - tuning.rescue_reach
        keep = np.flatnonzero((p >= tuning.rescue_p) & (self.sim[ii, jj] >= floor))
        ii, jj, p = ii[keep], jj[keep], p[keep]
        chosen = assign(ii, jj, p + 1e-3 * (1.0 - np.abs(ii / max(self.n, 1) - jj / max(self.m, 1))),
                         self.n, self.m)
        return [([int(ii[k])], [int(jj[k])]) for k in sorted(chosen)]

    def suggestions(self, tuning: Tuning, limit: int = 5):
        """For each clause left unlinked, up to ``limit`` clauses of the other side that may continue
        it: ``(left, right)`` dicts of clause index -> ``((other index, similarity), ...)``.

        Candidates are each unlinked clause's most similar clauses on the other side, linked or not (a
        dropped clause may live on inside a clause that continues another). They are chosen by
        similarity plus the heading prior of the in-sequence links; ties go to the closest in
        position, then the earlier clause. Measured on the statement references, the evidence model
        chooses them no better than this (docs/alignment.md). The chosen are listed most similar
        first, so that the similarities shown read in order.
        """
        import numpy as np

        ii, jj = self.candidates(among_free=False, k=_SUGGEST_POOL)
        if len(ii) == 0 or limit <= 0:
            return {}, {}
        sim = self.sim[ii, jj]
        rank = sim + tuning.section_prior * self.table[self.head_l[ii], self.head_r[jj]]
        pos = np.abs(ii / max(self.n, 1) - jj / max(self.m, 1))
        out_l: dict[int, list] = {}
        out_r: dict[int, list] = {}
        for i, j, s, r, d in zip(ii.tolist(), jj.tolist(), sim.tolist(), rank.tolist(), pos.tolist()):
            if self.free_l[i]:
                out_l.setdefault(i, []).append((-r, d, j, s))
            if self.free_r[j]:
                out_r.setdefault(j, []).append((-r, d, i, s))

        def best(table):  # the best ``limit`` by rank, shown most similar first
            return {a: tuple(sorted(((b, s) for _, _, b, s in sorted(v)[:limit]), key=lambda bs: -bs[1]))
                    for a, v in sorted(table.items())}

        return best(out_l), best(out_r)


