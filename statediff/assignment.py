"""Matchings and chains for the aligner: the one-to-one assignment of largest weight (solved per
connected component), the heaviest chain of pairs kept in order on both sides, and the small array
helpers the passes share. Pure NumPy (and SciPy's assignment solver), no clause text.
"""

from __future__ import annotations

from .scipy_parts import extension


def assignment_solver():
    """SciPy's assignment solver, ``linear_sum_assignment``, from its extension module
    (:mod:`statediff.scipy_parts`): ``scipy.optimize``'s package init never runs."""
    return extension("scipy.optimize._lsap").linear_sum_assignment


def components(a, b, size: int):
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


def distinct(values):
    """The distinct values of an integer array, sorted: ``np.unique`` without the masked-array check
    that imports ``numpy.ma`` (as NumPy 2.4 does: about 20 ms of a start)."""
    import numpy as np

    ordered = np.sort(values)
    first = np.ones(len(ordered), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    return ordered[first]


def assign(ii, jj, weight, n: int, m: int) -> list[int]:
    """The one-to-one matching of largest total ``weight`` (>= 0) among the pairs ``(ii, jj)``, as
    the positions of the chosen pairs in those arrays.

    Solved per connected component of the bipartite graph of allowed pairs, which are small in
    practice, so large documents never need one huge dense problem.
    """
    import numpy as np

    if len(ii) == 0:
        return []
    linear_sum_assignment = assignment_solver()
    label = components(ii, jj + n, n + m)
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


def rank_within(key, score):
    """Rank of each pair by decreasing score among the pairs with the same ``key``."""
    import numpy as np

    order = np.lexsort((-score, key))
    sorted_key = key[order]
    first = np.flatnonzero(np.concatenate([[True], sorted_key[1:] != sorted_key[:-1]]))
    start = np.repeat(first, np.diff(np.concatenate([first, [len(key)]])))
    rank = np.empty(len(key), dtype=np.int64)
    rank[order] = np.arange(len(key)) - start
    return rank


def place_in_gap(gap, free):
    """Relative place (0..1) of each free clause among the free clauses of its gap."""
    import numpy as np

    pos = np.concatenate([[0], np.cumsum(free)])
    starts = np.flatnonzero(np.concatenate([[True], np.diff(gap) != 0]))
    first = np.repeat(starts, np.diff(np.concatenate([starts, [len(gap)]])))
    count = np.bincount(gap, weights=free.astype(float))[gap]
    return (pos[:-1] - pos[first] + 0.5) / np.maximum(count, 1.0)


def heaviest_chain(ii, jj, weight, n: int) -> list[tuple[int, int]]:
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


def top_k(mat, k: int):
    """Column indexes of the ``k`` largest values of each row (ties: the earlier column), a row each:
    the first ``k`` columns of ``np.argsort(-mat, axis=1, kind="stable")``.

    Only the values at least as large as each row's ``k``-th largest are sorted (found by partition,
    linear in the row); a row where more than a few times ``k`` values tie with it is sorted whole.
    """
    import numpy as np

    n_rows, n_cols = mat.shape
    k = min(k, n_cols)
    if k == 0 or n_cols <= 4 * k or n_rows == 0:
        return np.argsort(-mat, axis=1, kind="stable")[:, :k]
    kth = np.partition(mat, n_cols - k, axis=1)[:, n_cols - k]  # each row's k-th largest value
    rows, cols = np.nonzero(mat >= kth[:, None])  # row by row, columns in order
    counts = np.bincount(rows, minlength=n_rows)
    out = np.empty((n_rows, k), dtype=np.int64)
    crowded = counts > 4 * k  # many values tie with the k-th largest: sorted whole
    if crowded.any():
        out[crowded] = np.argsort(-mat[crowded], axis=1, kind="stable")[:, :k]
        keep = ~crowded[rows]
        rows, cols = rows[keep], cols[keep]
    if len(rows):
        order = np.lexsort((cols, -mat[rows, cols], rows))  # by row, value (largest first), column
        rows, cols = rows[order], cols[order]
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        nth = np.arange(len(rows)) - np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
        first = nth < k
        out[rows[first], nth[first]] = cols[first]
    return out

