"""Clause alignment: which clauses of one document correspond to which of the other.

1. *Features* (:class:`_Space`): each clause is folded (:func:`statediff.normalizer.fold`: quotes,
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
5. *Evidence pass* (:class:`_Evidence`): a clause still unlinked is linked to a free clause of the
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
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from .model import Clause, Link
from .normalizer import fold

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
#: Candidate pairs kept per clause for the in-sequence chain: bounds the work on large, repetitive
#: documents; a link outside a clause's most similar few is not plausible anyway.
_TOP_K = 8
#: Added to log((1 + N) / (1 + df)) (smoothed IDF). With 0, words found in most clauses weigh
#: almost nothing; on the gold data that scored 0.2 F1 lower at its best threshold.
_IDF_FLOOR = 1.0

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# A list marker at the start of a string ("(3) ", "4. ", "2.1. ", "3) ", "(b) "): renumbering is not a
# change. A bare leading number ("12 countries") is content, so a marker needs its "." or ")".
_MARKER = re.compile(r"^\s*(?:\(\s*\w{1,4}\s*\)|\d{1,3}(?:\.\d{1,3})*[.)])\s+")


@lru_cache(maxsize=1)
def _stemmer():
    from .nltk_parts import modules

    return modules()[1].SnowballStemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


def _words(text: str) -> list[str]:
    """The folded, lower-cased words of a clause, without a leading list marker."""
    return _WORD.findall(fold(_MARKER.sub("", text, count=1)).casefold())


def _blank_key(text: str) -> str:
    """A clause without words, folded (quotes, dashes, spacing) for comparison."""
    return "".join(fold(text).split())


def _texts(items: Sequence[str | Clause]) -> list[str]:
    return [c.text if isinstance(c, Clause) else str(c) for c in items]


def _tfidf(rows, cols, n_rows: int, n_cols: int):
    """Sublinear TF times smoothed IDF, as a CSR matrix (one row per clause)."""
    import numpy as np
    from scipy import sparse

    m = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n_rows, max(n_cols, 1)))
    m.sum_duplicates()
    m.data = 1.0 + np.log(m.data)
    df = np.bincount(m.indices, minlength=m.shape[1])
    idf = np.log((1.0 + n_rows) / (1.0 + df)) + _IDF_FLOOR
    m.data *= idf[m.indices]
    return m


def _word_matrix(docs: list[list[str]]):
    import numpy as np

    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for r, words in enumerate(docs):
        toks: list[str] = []
        for w in words:
            if _CJK.search(w):
                toks.extend(w)  # CJK runs have no spaces: one token per character
            else:
                toks.append(_stem(w))
        feats = toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])]
        cols.extend(vocab.setdefault(f, len(vocab)) for f in feats)
        rows.extend([r] * len(feats))
    return _tfidf(np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64), len(docs), len(vocab))


def _char_matrix(docs: list[list[str]], n: int):
    """Character n-grams of the words joined by single spaces, hashed with NumPy in one pass."""
    import numpy as np

    keys = [" " + " ".join(words) + " " for words in docs]
    codes = np.frombuffer("\x00".join(keys).encode("utf-32-le"), dtype=np.uint32)
    width = len(codes) - n + 1
    if width <= 0:
        return _tfidf(np.zeros(0, np.int64), np.zeros(0, np.int64), len(docs), 0)
    h = np.zeros(width, dtype=np.uint64)
    for t in range(n):  # polynomial hash, wrapping modulo 2**64, computed in place
        h *= np.uint64(1_000_003)
        h += codes[t:t + width]
    seps = np.zeros(len(codes) + 1, dtype=np.int32)  # separators before each position
    np.cumsum(codes == 0, out=seps[1:])
    inside = seps[n:n + width] == seps[:width]  # the n-gram does not cross a clause boundary
    doc = seps[:width][inside]
    del seps, codes
    h = h[inside]
    del inside
    _, col = np.unique(h, return_inverse=True)
    del h
    col = col.astype(np.int32, copy=False).ravel()  # type: ignore[assignment]
    return _tfidf(doc, col, len(docs), int(col.max()) + 1 if len(col) else 0)


def _normalized(m):
    import numpy as np
    from scipy import sparse

    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


class _Space:
    """Weighted word and character vectors of the clauses of both sides (left rows first)."""

    def __init__(self, left: list[str], right: list[str]):
        docs = [_words(t) for t in left + right]
        self.n = len(left)
        self.size = len(docs)
        self.keys = [" ".join(d) for d in docs]
        self.mats = ((_word_matrix(docs), WORD_WEIGHT), (_char_matrix(docs, CHAR_N), 1.0 - WORD_WEIGHT))

    def similarity(self):
        import numpy as np

        n = self.n
        sim = np.zeros((n, self.size - n))
        for mat, weight in self.mats:
            unit = _normalized(mat)
            sim += weight * (unit[:n] @ unit[n:].T).toarray()
        return np.clip(sim, 0.0, 1.0)

    def _indicator(self, groups: list[list[int]]):
        import numpy as np
        from scipy import sparse

        rows = [k for k, g in enumerate(groups) for _ in g]
        cols = [i for g in groups for i in g]
        return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(groups), self.size))

    def group_similarity(self, lefts: list[list[int]], rights: list[list[int]]):
        """Similarity of the left group k (left indexes) with the right group k, for all k at once."""
        import numpy as np

        out = np.zeros(len(lefts))
        if not lefts:
            return out
        a = self._indicator(lefts)
        b = self._indicator([[self.n + j for j in g] for g in rights])
        for mat, weight in self.mats:
            x, y = _normalized(a @ mat), _normalized(b @ mat)
            out += weight * np.asarray(x.multiply(y).sum(axis=1)).ravel()
        return np.clip(out, 0.0, 1.0)

    def group_matrix(self, lefts: list[list[int]], rights: list[list[int]]):
        """Similarity of every left group (left indexes) with every right group (right indexes), as a
        matrix: each group is the sum of its clauses' vectors."""
        import numpy as np

        out = np.zeros((len(lefts), len(rights)))
        if not lefts or not rights:
            return out
        a = self._indicator(lefts)
        b = self._indicator([[self.n + j for j in g] for g in rights])
        for mat, weight in self.mats:
            out += weight * (_normalized(a @ mat) @ _normalized(b @ mat).T).toarray()
        return np.clip(out, 0.0, 1.0)

    def containment(self, parts: list[int], wholes: list[list[int]]):
        """Share of the weight of clause ``parts[k]`` (a row) found in the group ``wholes[k]`` (rows)."""
        import numpy as np

        out = np.zeros(len(parts))
        w = self._indicator(wholes)
        for mat, weight in self.mats:
            part = mat[parts]
            found = np.asarray(part.minimum(w @ mat).sum(axis=1)).ravel()
            total = np.asarray(part.sum(axis=1)).ravel()
            out += weight * np.divide(found, total, out=np.zeros_like(found), where=total > 0)
        return out


def similarity(left: Sequence[str | Clause], right: Sequence[str | Clause]):
    """The matrix of clause similarities (rows: left, columns: right) as a NumPy array in [0, 1].

    >>> similarity(["We oppose change by coercion."], ["We oppose change by coercion.", "Tonga."]).round(2)
    array([[1., 0.]])
    """
    import numpy as np

    lt, rt = _texts(left), _texts(right)
    if not lt or not rt:
        return np.zeros((len(lt), len(rt)))
    return _Space(lt, rt).similarity()


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
    #: Index of an unlinked left clause -> ``((right index, similarity), ...)``, best first.
    left: dict[int, tuple[tuple[int, float], ...]]
    #: Index of an unlinked right clause -> ``((left index, similarity), ...)``, best first.
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
    that may continue it, best first: an :class:`Alignment`. A suggestion is not a link: see
    :meth:`_Evidence.suggestions` for how the candidates are chosen and ranked.

    >>> links, left_s, right_s, *_ = align_and_suggest(
    ...     ["We will expand cooperation on cyber security.", "Tonga."],
    ...     ["Tonga.", "We intend to deepen cyber cooperation."])
    >>> [(l.left, l.right) for l in links]
    [((0,), ()), ((1,), (0,)), ((), (1,))]
    >>> [j for j, _ in left_s[0]], [i for i, _ in right_s[1]]
    ([1], [0])
    """
    return _align(left, right, threshold, True, limit)


def _align(left, right, threshold, merges: bool, limit: int):
    lt, rt = _texts(left), _texts(right)
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
    space, sim, groups, headings = _lexical_pass(left, right, lt, rt, t)
    evidence = _Evidence(space, sim, headings, t - DEFAULT_THRESHOLD, (left, right)) \
        if RESCUE_WEIGHTS is not None or limit > 0 else None
    if evidence is not None and RESCUE_WEIGHTS is not None:
        groups += evidence.regroup(groups).rescue()
    if merges:
        _merge(groups, space)
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
    sugg_l, sugg_r = evidence.regroup(groups).suggestions(limit) if evidence is not None and limit > 0 else ({}, {})
    links = order_links(links)
    moved = frozenset((links[k].left, links[k].right) for k in moved_links(links))
    return Alignment(links, sugg_l, sugg_r, space.group_matrix, moved)


#: A pair is a link candidate only when it is among the most similar this many clauses of one of its
#: two clauses: it keeps the candidates, and the time and memory spent on them, linear in the number of
#: clauses when long clauses all look alike (statements never come near it).
CANDIDATES = 50


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


def _lexical_pass(left, right, lt: list[str], rt: list[str], t: float):
    """Steps 1 to 4: the features, the similarity matrix, the anchors and the in-sequence links.

    Returns the feature space, the similarity matrix, the one-to-one groups found and the heading
    agreement table (with each side's row in it).
    """
    import numpy as np

    n, m = len(lt), len(rt)
    space = _Space(lt, rt)
    sim = space.similarity()
    # A clause with no letters or digits ("...", a rule of dashes) has no features to compare: it is
    # the same clause as one of the other side printed the same way (cosmetics aside).
    blank_r: dict[str, list[int]] = {}
    for j in range(m):
        if not space.keys[n + j]:
            blank_r.setdefault(_blank_key(rt[j]), []).append(j)
    for i in range(n):
        if not space.keys[i]:
            for j in blank_r.get(_blank_key(lt[i]), ()):
                sim[i, j] = 1.0
    # Candidate pairs: those that could reach the lower, in-sequence bar with every bonus.
    floor = min(t - POSITION_PRIOR - GAP_PRIOR - SECTION_PRIOR, t + MOVE_MARGIN) - 2e-3
    ii, jj = np.nonzero((sim >= floor) & _among_best(sim, CANDIDATES))
    score = sim[ii, jj]
    if _annotated(left, right):
        # Two commitments that share their frame but nothing they are about are linked only on the
        # evidence a move needs; their place in the documents is no support.
        keep = _objects_meet(left, right, ii, jj) | (score >= t + MOVE_MARGIN)
        ii, jj, score = ii[keep], jj[keep], score[keep]
    # Among equals prefer the pairs closest in position. The penalty is the squared distance: for a
    # strictly convex penalty the order-keeping matching of tied pairs is the only cheapest one, so
    # identical repeated clauses pair in order.
    tie = 1e-3 * (1.0 - ((ii - jj) / max(n, m)) ** 2)
    strong = np.flatnonzero(score >= t + MOVE_MARGIN)
    anchors = strong[_assign(ii[strong], jj[strong], score[strong] + tie[strong], n, m)]
    table, head_l, head_r = _heading_overlap(left, right)
    context = score + tie + SECTION_PRIOR * table[head_l[ii], head_r[jj]]
    groups = [([int(ii[k])], [int(jj[k])]) for k in anchors]
    groups += [([i], [j]) for i, j in _fill_gaps(anchors, ii, jj, context, score, n, m, t)]
    return space, sim, groups, (table, head_l, head_r)


#: Coefficients of the link evidence model (see :class:`_Evidence`), in the order of
#: :data:`EVIDENCE_FEATURES`, then the intercept: a logistic model of "an analyst links these two
#: clauses", fitted on the statement reference alignments by ``bench/alignment_statements.py --fit``
#: (leave-one-pair-out scores in docs/alignment.md). None turns the rescue pass off.
EVIDENCE_FEATURES = ("similarity", "margin_min", "margin_max", "shared_bigrams", "position", "in_gap", "section")
RESCUE_WEIGHTS: tuple[float, ...] | None = (4.5, 3.77, 4.28, 0.5, -0.09, 0.19, 0.88, -2.47)
#: A clause left unlinked by the lexical passes is linked to a free clause of the other side when the
#: evidence model gives the pair at least this probability (and the pair wins the one-to-one matching).
RESCUE_P = 0.5
#: How far under the in-sequence threshold a rescued pair's similarity may be: the threshold keeps
#: its meaning (raising it asks more of every link) and pairs that share almost nothing stay apart.
RESCUE_REACH = 0.15
#: Candidates kept per free clause for the rescue pass and for suggestions: its most similar few.
_EVIDENCE_K = 5
#: Pairs below this similarity share almost nothing; they are neither rescued nor suggested.
_EVIDENCE_FLOOR = 0.05
#: Candidates looked at per unlinked clause for its suggestions.
_SUGGEST_POOL = 10


class _Evidence:
    """Evidence that two clauses left apart by the lexical passes are the same commitment rewritten.

    Each candidate pair of clauses gets features that speak for a link beyond its similarity: how far
    it beats each clause's other options (``margin_min`` / ``margin_max``: a clause's best partner,
    clearly ahead of the rest, is its likely successor even at low similarity), how many word pairs
    with content the two share (a long shared run survives a rewrite), whether they sit at the same
    relative place and in the same gap between the links kept in order, and whether their headings
    agree. A logistic model over these (:data:`RESCUE_WEIGHTS`) gives the probability of a link.
    """

    def __init__(self, space: _Space, sim, headings, shift: float = 0.0, clauses=((), ())):
        """``shift``: how far the caller's threshold is above the default; ``clauses``: the two
        sequences aligned, whose commitment annotation keeps frame-only pairs apart. Call
        :meth:`regroup` with the links found so far before asking for candidates."""
        import numpy as np

        self.annotated = clauses if _annotated(*clauses) else None
        self.sim = sim
        self.shift = shift
        self.n, self.m = n, m = sim.shape
        self.table, self.head_l, self.head_r = headings
        self.bigrams = [_content_bigrams(k) for k in space.keys]
        # Each clause's two best similarities over the whole other side, for the margins.
        self.top_r = -np.sort(-sim, axis=1)[:, :2] if m > 1 else np.hstack([sim, np.zeros((n, 1))])
        self.top_c = -np.sort(-sim, axis=0)[:2, :].T if n > 1 else np.hstack([sim.T, np.zeros((m, 1))])
        self.regroup([])

    def regroup(self, groups) -> _Evidence:
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
        chain = _heaviest_chain(ii, jj, 1.0 + 1e-3 * self.sim[ii, jj], n) if firsts else []
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
            best = _top_k(sim[np.ix_(rows, pool_r)], k)
            ii.append(np.repeat(rows, best.shape[1]))
            jj.append(pool_r[best].ravel())
        if len(cols) and len(pool_l):
            best = _top_k(sim[np.ix_(pool_l, cols)].T, k)
            ii.append(pool_l[best].ravel())
            jj.append(np.repeat(cols, best.shape[1]))
        if not ii:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        # Each pair once, in order of (left, right); only pairs that share something.
        code = np.unique(np.concatenate(ii) * self.m + np.concatenate(jj))
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
        shared = np.array([min(len(self.bigrams[i] & self.bigrams[self.n + j]), 8) / 8.0
                           for i, j in zip(ii.tolist(), jj.tolist())])
        pos = np.abs(ii / max(self.n - 1, 1) - jj / max(self.m - 1, 1))
        gap = (self.gap_l[ii] == self.gap_r[jj]).astype(float)
        sec = self.table[self.head_l[ii], self.head_r[jj]]
        return np.column_stack([s, np.minimum(mr, mc), np.maximum(mr, mc), shared, pos, gap, sec])

    def probability(self, ii, jj):
        import numpy as np

        w = np.array(RESCUE_WEIGHTS)
        z = self.features(ii, jj) @ w[:-1] + w[-1]
        return 1.0 / (1.0 + np.exp(-z))

    def rescue(self) -> list[tuple[list[int], list[int]]]:
        """One-to-one links between free clauses whose evidence reaches :data:`RESCUE_P`."""
        import numpy as np

        ii, jj = self.candidates()
        if len(ii) == 0:
            return []
        p = self.probability(ii, jj)
        if self.annotated is not None:
            p = np.where(_objects_meet(self.annotated[0], self.annotated[1], ii, jj), p, 0.0)
        keep = np.flatnonzero((p >= RESCUE_P) & (self.sim[ii, jj] >= DEFAULT_THRESHOLD + self.shift - RESCUE_REACH))
        ii, jj, p = ii[keep], jj[keep], p[keep]
        chosen = _assign(ii, jj, p + 1e-3 * (1.0 - np.abs(ii / max(self.n, 1) - jj / max(self.m, 1))),
                         self.n, self.m)
        return [([int(ii[k])], [int(jj[k])]) for k in sorted(chosen)]

    def suggestions(self, limit: int = 5):
        """For each clause left unlinked, up to ``limit`` clauses of the other side that may continue
        it: ``(left, right)`` dicts of clause index -> ``((other index, similarity), ...)``.

        Candidates are each unlinked clause's most similar clauses on the other side, linked or not (a
        dropped clause may live on inside a clause that continues another). They are ranked by
        similarity plus the heading prior of the in-sequence links; ties go to the closest in
        position, then the earlier clause. Measured on the statement references, the evidence model
        ranks them no better than this (docs/alignment.md).
        """
        import numpy as np

        ii, jj = self.candidates(among_free=False, k=_SUGGEST_POOL)
        if len(ii) == 0 or limit <= 0:
            return {}, {}
        sim = self.sim[ii, jj]
        rank = sim + SECTION_PRIOR * self.table[self.head_l[ii], self.head_r[jj]]
        pos = np.abs(ii / max(self.n, 1) - jj / max(self.m, 1))
        out_l: dict[int, list] = {}
        out_r: dict[int, list] = {}
        for i, j, s, r, d in zip(ii.tolist(), jj.tolist(), sim.tolist(), rank.tolist(), pos.tolist()):
            if self.free_l[i]:
                out_l.setdefault(i, []).append((-r, d, j, s))
            if self.free_r[j]:
                out_r.setdefault(j, []).append((-r, d, i, s))

        def best(table):
            return {a: tuple((b, s) for _, _, b, s in sorted(v)[:limit]) for a, v in sorted(table.items())}

        return best(out_l), best(out_r)


def _top_k(mat, k: int):
    """Column indexes of the ``k`` largest values of each row (ties: the earlier column), a row each."""
    import numpy as np

    return np.argsort(-mat, axis=1, kind="stable")[:, :min(k, mat.shape[1])]


@lru_cache(maxsize=65536)
def _content_bigrams(key: str) -> frozenset[tuple[str, str]]:
    """Stemmed word pairs of a folded clause text that hold at least one content word."""
    stems = [(_stem(w), w in _FUNCTION_WORDS or w.isdigit()) for w in key.split()]
    return frozenset((a, b) for (a, fa), (b, fb) in zip(stems, stems[1:]) if not (fa and fb))


# Words that carry no subject matter, left out when comparing what two commitments are about.
_FUNCTION_WORDS = frozenset(
    "a an the of to in on for with by at from as and or but that this these those their its our his her "
    "they them we it be is are was were been will would shall should may might can could also further "
    "such other any all each both more most than into over under between within about regarding "
    "including toward towards".split())


def _annotated(left, right) -> bool:
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
    return frozenset(_stem(w) for w in _words(text) if w not in _FUNCTION_WORDS and not w.isdigit())


def _objects_meet(left, right, ii, jj):
    """For each candidate pair of annotated clauses: do they share a content word besides their
    actor and commitment verb? "The Ministers exchanged views on the regional issues" and "The four
    Ministers exchanged views on the cooperation in support for Tonga" share their whole frame and
    nothing they are about. True where either side has no verb to tell."""
    import numpy as np

    lo = [_object_words(c) for c in left]
    ro = [_object_words(c) for c in right]
    out = np.ones(len(ii), dtype=bool)
    for k, (i, j) in enumerate(zip(ii.tolist(), jj.tolist())):
        a, b = lo[i], ro[j]
        if a and b and not (a & b):
            out[k] = False
    return out


@lru_cache(maxsize=1)
def _linear_sum_assignment():
    """SciPy's assignment solver, loaded from its extension module without running
    ``scipy.optimize``'s package init (which imports most of SciPy: 0.3 to 0.6 s of every start).
    Any SciPy whose layout differs gets the ordinary import."""
    import importlib.machinery
    import importlib.util
    import os

    try:
        spec = importlib.util.find_spec("scipy")
        folder = os.path.join(list(spec.submodule_search_locations or [])[0], "optimize")
        (path,) = [os.path.join(folder, f) for f in os.listdir(folder) if f.startswith("_lsap.")
                   and f.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))]
        loader = importlib.machinery.ExtensionFileLoader("scipy.optimize._lsap", path)
        module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
        loader.exec_module(module)
        return module.linear_sum_assignment
    except Exception:  # noqa: BLE001 - any other layout: the ordinary, slower import
        from scipy.optimize import linear_sum_assignment

        return linear_sum_assignment


def _components(a, b, size: int):
    """Connected components of the undirected graph on ``size`` nodes with edges ``a[k] - b[k]``:
    one label per node, numbered in the order of each component's smallest node (as SciPy's
    ``connected_components`` numbers them)."""
    import numpy as np

    a, b = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
    label = np.arange(size, dtype=np.int64)  # each node's smallest known neighbour, down to its root
    while True:
        low = np.minimum(label[a], label[b])
        new = label.copy()
        np.minimum.at(new, a, low)
        np.minimum.at(new, b, low)
        while not np.array_equal(new[new], new):
            new = new[new]
        if np.array_equal(new, label):
            break
        label = new
    return np.unique(label, return_inverse=True)[1].reshape(-1)


def _assign(ii, jj, weight, n: int, m: int) -> list[int]:
    """The one-to-one matching of largest total ``weight`` (>= 0) among the pairs ``(ii, jj)``, as
    the positions of the chosen pairs in those arrays.

    Solved per connected component of the bipartite graph of allowed pairs, which are small in
    practice, so large documents never need one huge dense problem.
    """
    import numpy as np

    if len(ii) == 0:
        return []
    linear_sum_assignment = _linear_sum_assignment()
    label = _components(ii, jj + n, n + m)
    order = np.argsort(label[ii], kind="stable")
    cuts = np.flatnonzero(np.diff(label[ii][order])) + 1
    chosen: list[int] = []
    for at in np.split(order, cuts):
        if len(at) == 1:
            chosen.append(int(at[0]))
            continue
        rows, rinv = np.unique(ii[at], return_inverse=True)
        cols, cinv = np.unique(jj[at], return_inverse=True)
        sub = np.full((len(rows), len(cols)), -1.0)  # forbidden pairs; real weights are >= 0
        sub[rinv, cinv] = weight[at]
        where = np.zeros((len(rows), len(cols)), dtype=np.int64)
        where[rinv, cinv] = at
        for r, c in zip(*linear_sum_assignment(sub, maximize=True)):
            if sub[r, c] >= 0:
                chosen.append(int(where[r, c]))
    return chosen


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
    lw = [{_stem(w) for w in _words(h)} for h in lu]
    rw = [{_stem(w) for w in _words(h)} for h in ru]
    table = np.array([[2.0 * len(a & b) / len(a | b) - 1.0 if a and b else 0.0 for b in rw] for a in lw])
    return table, li, ri


def _fill_gaps(anchors, ii, jj, context, sim, n: int, m: int, t: float) -> list[tuple[int, int]]:
    """In-sequence links between consecutive anchors that kept their order (step 4).

    ``(ii, jj)`` are the candidate pairs, ``context`` their similarity plus heading prior, and
    ``anchors`` the positions of the anchor pairs among them.
    """
    import numpy as np

    free_l = np.ones(n, bool)
    free_r = np.ones(m, bool)
    free_l[ii[anchors]] = False
    free_r[jj[anchors]] = False
    chain = _anchor_chain(anchors, ii, jj, context, free_l, free_r, n, t)
    gap_l = np.searchsorted(np.array([i for i, _ in chain], dtype=np.int64), np.arange(n))
    gap_r = np.searchsorted(np.array([j for _, j in chain], dtype=np.int64), np.arange(m))
    keep = free_l[ii] & free_r[jj] & (gap_l[ii] == gap_r[jj])
    ii, jj = ii[keep], jj[keep]
    agree = 1.0 - np.abs(_place(gap_l, free_l)[ii] - _place(gap_r, free_r)[jj])
    size_l = np.bincount(gap_l, weights=free_l.astype(float))[gap_l[ii]]
    size_r = np.bincount(gap_r, weights=free_r.astype(float))[gap_r[jj]]
    # A pair alone in its gap on both sides is all but certainly the same slot rewritten: the gap prior
    # falls with the square of the gap's size, so it only speaks for the smallest gaps.
    # Place is support for a pair that shares something, not evidence of its own: two unrelated
    # clauses that each sit alone between the same anchors get no prior.
    prior = agree * (POSITION_PRIOR + GAP_PRIOR / np.maximum(size_l, size_r) ** 2) * (sim[keep] >= PRIOR_FLOOR)
    score = context[keep] + prior
    keep = score >= t
    ii, jj, score = ii[keep], jj[keep], score[keep]
    if len(ii) > _TOP_K * (n + m):
        # Keep each clause's few best candidates (both directions) to bound the chain's work.
        keep = (_rank_within(ii, score) < _TOP_K) | (_rank_within(jj, score) < _TOP_K)
        ii, jj, score = ii[keep], jj[keep], score[keep]
    if len(ii) == 0:
        return []
    # Weight above the bar, so every chosen pair adds to the chain.
    return _heaviest_chain(ii, jj, score - t + 1e-6, n)


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
    chain = _heaviest_chain(ii[at], jj[at], context[at] - t + bonus, n)
    kept = set(zip(ii[anchors].tolist(), jj[anchors].tolist()))
    return [p for p in chain if p in kept]


def _rank_within(key, score):
    """Rank of each pair by decreasing score among the pairs with the same ``key``."""
    import numpy as np

    order = np.lexsort((-score, key))
    sorted_key = key[order]
    first = np.flatnonzero(np.concatenate([[True], sorted_key[1:] != sorted_key[:-1]]))
    start = np.repeat(first, np.diff(np.concatenate([first, [len(key)]])))
    rank = np.empty(len(key), dtype=np.int64)
    rank[order] = np.arange(len(key)) - start
    return rank


def _place(gap, free):
    """Relative place (0..1) of each free clause among the free clauses of its gap."""
    import numpy as np

    pos = np.concatenate([[0], np.cumsum(free)])
    starts = np.flatnonzero(np.concatenate([[True], np.diff(gap) != 0]))
    first = np.repeat(starts, np.diff(np.concatenate([starts, [len(gap)]])))
    count = np.bincount(gap, weights=free.astype(float))[gap]
    return (pos[:-1] - pos[first] + 0.5) / np.maximum(count, 1.0)


def _heaviest_chain(ii, jj, weight, n: int) -> list[tuple[int, int]]:
    """The chain of pairs increasing strictly on both sides with the largest total weight.

    Pairs in order of right index (and, within one, of decreasing left index, so no two share a
    clause); a Fenwick tree over left indexes gives the best chain ending before each pair.
    """
    import numpy as np

    order = np.lexsort((-ii, jj))
    ii, jj, weight = ii[order].tolist(), jj[order].tolist(), weight[order].tolist()
    tree = [0.0] * (n + 1)
    tree_at = [-1] * (n + 1)
    best = [0.0] * len(ii)
    prev = [-1] * len(ii)
    for k, (i, w) in enumerate(zip(ii, weight)):
        p, value, at = i, 0.0, -1
        while p > 0:  # best chain over left indexes < i
            if tree[p] > value:
                value, at = tree[p], tree_at[p]
            p -= p & -p
        best[k] = value + w
        prev[k] = at
        p = i + 1
        while p <= n:
            if best[k] > tree[p]:
                tree[p], tree_at[p] = best[k], k
            p += p & -p
    out = []
    k = max(range(len(best)), key=best.__getitem__)
    while k >= 0:
        out.append((ii[k], jj[k]))
        k = prev[k]
    return out[::-1]


def _merge(groups: list[tuple[list[int], list[int]]], space: _Space) -> None:
    """Grow one-to-one groups into 1:n splits and n:1 merges with adjacent unlinked clauses.

    Each round scores every candidate (an unlinked clause next to a group whose other side is one
    clause) in one batch, then accepts the best candidate per group; rounds repeat while groups grow.
    """
    n, m = space.n, space.size - space.n
    for _ in range(8):  # a group grows by at most one clause per round
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
        if not cands:
            return
        before = space.group_similarity([groups[g][0] for _, _, g in cands], [groups[g][1] for _, _, g in cands])
        after = space.group_similarity([groups[g][0] + ([k] if s == "l" else []) for s, k, g in cands],
                                       [groups[g][1] + ([k] if s == "r" else []) for s, k, g in cands])
        parts = [k if s == "l" else n + k for s, k, _ in cands]
        wholes = [[n + j for j in groups[g][1]] if s == "l" else list(groups[g][0]) for s, _, g in cands]
        contained = space.containment(parts, wholes)
        gain = after - before
        ranked = sorted((-gain[c], c) for c in range(len(cands))
                        if gain[c] > MERGE_GAIN and contained[c] >= MERGE_CONTAINMENT)
        taken_groups: set[int] = set()
        taken_clauses: set[tuple[str, int]] = set()
        for _, c in ranked:
            side, k, g = cands[c]
            if g in taken_groups or (side, k) in taken_clauses:
                continue
            taken_groups.add(g)
            taken_clauses.add((side, k))
            groups[g][0 if side == "l" else 1].append(k)
        if not taken_groups:
            return


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
    stay = set(_heaviest_chain(ii, jj, weight, int(ii.max()) + 1))
    return {k for k, link in enumerate(links)
            if link.left and link.right and (min(link.left), min(link.right)) not in stay}
