"""Clause alignment: which clauses of one document correspond to which of the other.

1. *Features*: folded, lower-cased words reduced by the Snowball stemmer, plus word bigrams, weighted
   by TF-IDF over the clauses of both documents (so "the" counts for little and "coercion" for much).
2. *Similarity*: cosine between the weighted vectors, one sparse matrix product for all pairs.
3. *Assignment*: the one-to-one matching with the largest total similarity (Hungarian method), so
   reordered clauses are found wherever they went; pairs below ``threshold`` are not links.
4. *Splits and merges*: a clause left unmatched next to a matched one joins that group when the pair
   becomes more similar with it and the clause's words are mostly found on the other side.
5. *Moves*: the longest increasing run of matched positions stays; every other link was moved.

Ties are broken by position (a small bonus for links near the diagonal), so results never depend on
hash order or machine speed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .model import Clause, Link
from .normalizer import fold

__all__ = ["align", "moved_links", "order_links", "similarity", "DEFAULT_THRESHOLD"]

#: Pairs whose similarity falls below this are not linked (calibrated on the development gold data;
#: see bench/alignment.py).
DEFAULT_THRESHOLD = 0.3

# How much a merge must improve the group's similarity, and how much of the joining clause's weight
# must be found on the other side, for a split or merge to be accepted.
_MERGE_GAIN = 0.02
_MERGE_CONTAINMENT = 0.5

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


def _features(text: str) -> list[str]:
    words: list[str] = []
    for w in _WORD.findall(fold(text).lower()):
        if _CJK.search(w):
            words.extend(w)  # CJK runs have no spaces: one token per character
        else:
            words.append(_stem(w))
    feats = list(words)
    feats.extend(f"{a} {b}" for a, b in zip(words, words[1:]))
    return feats


def _texts(items: Sequence[str | Clause]) -> list[str]:
    return [c.text if isinstance(c, Clause) else str(c) for c in items]


@dataclass
class _Space:
    """TF-IDF vectors of both sides (rows of sparse matrices, unnormalized and L2-normalized)."""

    left: object
    right: object
    left_n: object
    right_n: object


def _vectorize(left: list[str], right: list[str]) -> _Space:
    import numpy as np
    from scipy import sparse

    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    docs = left + right
    for r, text in enumerate(docs):
        counts: dict[int, int] = {}
        for f in _features(text):
            k = vocab.setdefault(f, len(vocab))
            counts[k] = counts.get(k, 0) + 1
        for k, c in counts.items():
            rows.append(r)
            cols.append(k)
            vals.append(1.0 + math.log(c))  # sublinear term frequency
    shape = (len(docs), max(len(vocab), 1))
    m = sparse.csr_matrix((np.array(vals, dtype=np.float64), (np.array(rows, dtype=np.int64),
                                                                np.array(cols, dtype=np.int64))), shape=shape)
    df = np.bincount(np.array(cols, dtype=np.int64), minlength=shape[1]) if cols else np.zeros(shape[1])
    idf = np.log((1.0 + shape[0]) / (1.0 + df)) + 1.0
    m = m @ sparse.diags(idf)
    m = sparse.csr_matrix(m)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    mn = sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)
    n = len(left)
    return _Space(m[:n], m[n:], mn[:n], mn[n:])


def similarity(left: Sequence[str | Clause], right: Sequence[str | Clause]):
    """The matrix of cosine similarities (rows: left, columns: right) as a NumPy array in [0, 1]."""
    import numpy as np

    lt, rt = _texts(left), _texts(right)
    if not lt or not rt:
        return np.zeros((len(lt), len(rt)))
    space = _vectorize(lt, rt)
    sim = (space.left_n @ space.right_n.T).toarray()
    return np.clip(sim, 0.0, 1.0)


def _group_vector(mat, idx: tuple[int, ...]):
    import numpy as np

    v = np.asarray(mat[list(idx)].sum(axis=0)).ravel()
    norm = float(np.sqrt((v * v).sum()))
    return v / norm if norm else v, v


def _containment(part, whole) -> float:
    """The share of ``part``'s weight found in ``whole`` (both raw weight vectors)."""
    import numpy as np

    total = float(part.sum())
    return float(np.minimum(part, whole).sum()) / total if total else 0.0


def align(left: Sequence[str | Clause], right: Sequence[str | Clause], *, threshold: float | None = None,
          merges: bool = True) -> list[Link]:
    """Align two sequences of clauses (strings or :class:`Clause`) and return the links.

    Every item of both sides is in exactly one link; a link with an empty side is an added (left
    empty) or dropped (right empty) clause. Links come in reading order of ``right``, each dropped
    clause after the link of the clause that preceded it.

    >>> [(l.left, l.right) for l in align(["a b c", "d e"], ["d e f", "a b c"])]
    [((1,), (0,)), ((0,), (1,))]
    """
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    lt, rt = _texts(left), _texts(right)
    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    n, m = len(lt), len(rt)
    if n == 0 or m == 0:
        links = [Link((i,), (), 0.0) for i in range(n)] + [Link((), (j,), 0.0) for j in range(m)]
        return order_links(links)
    space = _vectorize(lt, rt)
    sim = np.clip((space.left_n @ space.right_n.T).toarray(), 0.0, 1.0)
    # Identical texts are certain; among equals prefer links near the diagonal.
    li = np.arange(n)[:, None] / max(n - 1, 1)
    rj = np.arange(m)[None, :] / max(m - 1, 1)
    weight = sim + 1e-3 * (1.0 - np.abs(li - rj))
    weight[sim < threshold] = 0.0
    rows, cols = linear_sum_assignment(weight, maximize=True)
    groups: list[tuple[list[int], list[int]]] = []
    for i, j in zip(rows.tolist(), cols.tolist()):
        if sim[i, j] >= threshold:
            groups.append(([i], [j]))
    if merges and groups:
        _merge_neighbours(groups, space, n, m)
    links: list[Link] = []
    used_l = {i for g in groups for i in g[0]}
    used_r = {j for g in groups for j in g[1]}
    for gl, gr in groups:
        gl_t, gr_t = tuple(sorted(gl)), tuple(sorted(gr))
        lv, _ = _group_vector(space.left, gl_t)
        rv, _ = _group_vector(space.right, gr_t)
        score = float(min(1.0, max(0.0, (lv * rv).sum())))
        if all(fold(lt[i]) == fold(rt[j]) for i, j in zip(gl_t, gr_t)) and len(gl_t) == len(gr_t):
            score = 1.0
        links.append(Link(gl_t, gr_t, round(score, 4)))
    links.extend(Link((i,), (), 0.0) for i in range(n) if i not in used_l)
    links.extend(Link((), (j,), 0.0) for j in range(m) if j not in used_r)
    return order_links(links)


def _merge_neighbours(groups: list[tuple[list[int], list[int]]], space: _Space, n: int, m: int) -> None:
    """Grow 1:1 groups into 1:n splits and n:1 merges with adjacent unmatched clauses."""
    import numpy as np

    changed = True
    while changed:
        changed = False
        owner_l = {i: g for g, (gl, _) in enumerate(groups) for i in gl}
        owner_r = {j: g for g, (_, gr) in enumerate(groups) for j in gr}
        for side, size, owner in (("right", m, owner_r), ("left", n, owner_l)):
            for k in range(size):
                if k in owner:
                    continue
                best = None
                for nb in (k - 1, k + 1):
                    g = owner.get(nb)
                    if g is None:
                        continue
                    gl, gr = groups[g]
                    mine, other = (gr, gl) if side == "right" else (gl, gr)
                    if len(other) != 1:
                        continue  # only 1:n or n:1, never n:m
                    mat_mine = space.right if side == "right" else space.left
                    mat_other = space.left if side == "right" else space.right
                    ov_n, ov = _group_vector(mat_other, tuple(other))
                    before_n, _ = _group_vector(mat_mine, tuple(mine))
                    after_n, _ = _group_vector(mat_mine, tuple(sorted(mine + [k])))
                    gain = float((ov_n * after_n).sum() - (ov_n * before_n).sum())
                    part = np.asarray(mat_mine[k].todense()).ravel()
                    cont = _containment(part, ov)
                    if gain > _MERGE_GAIN and cont >= _MERGE_CONTAINMENT and (best is None or gain > best[0]):
                        best = (gain, g)
                if best is not None:
                    gl, gr = groups[best[1]]
                    (gr if side == "right" else gl).append(k)
                    owner[k] = best[1]
                    changed = True


def order_links(links: list[Link]) -> list[Link]:
    """Reading order of the right side; a dropped clause follows the link of its left predecessor."""
    by_left: dict[int, Link] = {}
    for link in links:
        if link.right:
            for i in link.left:
                by_left[i] = link

    def key(link: Link) -> tuple[float, int, int]:
        if link.right:
            return (min(link.right), 0, 0)
        i = min(link.left)
        for p in range(i - 1, -1, -1):
            anchor = by_left.get(p)
            if anchor is not None:
                return (min(anchor.right), 1, i)
        return (-1, 1, i)

    return sorted(links, key=key)


def moved_links(links: Sequence[Link]) -> set[int]:
    """Indexes (into ``links``) of the links whose relative order changed.

    The largest set of links kept in order on both sides (a longest increasing subsequence of left
    positions taken in right order) stays; the rest moved.
    """
    from bisect import bisect_left

    matched = [(min(l.right), min(l.left), k) for k, l in enumerate(links) if l.left and l.right]
    matched.sort()
    seq = [left for _, left, _ in matched]
    tails: list[int] = []
    tails_idx: list[int] = []
    prev = [-1] * len(seq)
    for pos, v in enumerate(seq):
        t = bisect_left(tails, v)
        if t == len(tails):
            tails.append(v)
            tails_idx.append(pos)
        else:
            tails[t] = v
            tails_idx[t] = pos
        prev[pos] = tails_idx[t - 1] if t > 0 else -1
    keep: set[int] = set()
    p = tails_idx[-1] if tails_idx else -1
    while p >= 0:
        keep.add(p)
        p = prev[p]
    return {matched[pos][2] for pos in range(len(matched)) if pos not in keep}
