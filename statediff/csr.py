"""Compressed sparse row matrices for the clause vectors, on SciPy's compiled sparse routines.

The aligner's TF-IDF matrices need a handful of operations: build from entries, multiply, transpose,
take rows, multiply or take the minimum entry by entry, sum each row, make dense. ``scipy.sparse``
would cost about 0.2 s of every start (see :mod:`statediff.scipy_parts`); its compiled routines
(``scipy.sparse._sparsetools``) cost a few milliseconds. Each function here calls them as
``scipy.sparse`` (1.10 to 1.17) calls them for the same operation, so every result is the same to
the last bit: a product or an entrywise result lists a row's columns in the order the routine met
them, not sorted, and a later sum over that row adds in that order, as SciPy's does. A property test
compares each operation with ``scipy.sparse``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .scipy_parts import extension

_INT32_MAX = 2**31 - 1


def _kernels() -> Any:
    return extension("scipy.sparse._sparsetools")


def _index_dtype(largest: int) -> Any:
    """SciPy's choice of index type: 32 bits while every index and count fits."""
    import numpy as np

    return np.int32 if largest <= _INT32_MAX else np.int64


@dataclass(frozen=True)
class Csr:
    """A ``shape[0] x shape[1]`` matrix: row ``i`` holds ``data[indptr[i]:indptr[i + 1]]`` at the
    columns ``indices[indptr[i]:indptr[i + 1]]``, in stored order, no column twice in a row."""

    indptr: Any
    indices: Any
    data: Any
    shape: tuple[int, int]

    @property
    def nnz(self) -> int:
        return int(self.indptr[-1])

    def with_data(self, data: Any) -> Csr:
        """The same entries holding ``data``."""
        return Csr(self.indptr, self.indices, data, self.shape)


def empty(shape: tuple[int, int]) -> Csr:
    """A matrix without entries."""
    import numpy as np

    dtype = _index_dtype(max(shape))
    return Csr(np.zeros(shape[0] + 1, dtype), np.zeros(0, dtype), np.zeros(0), shape)


def from_entries(rows: Any, cols: Any, shape: tuple[int, int], data: Any = None) -> Csr:
    """The matrix with ``data[k]`` (default 1.0) at ``(rows[k], cols[k])``, repeated positions summed,
    columns sorted in each row (``csr_matrix((data, (rows, cols)), shape)``)."""
    import numpy as np

    rows, cols = np.asarray(rows), np.asarray(cols)
    data = np.ones(len(rows)) if data is None else np.asarray(data, dtype=float)
    dtype = _index_dtype(max(len(rows), shape[1]))
    indptr, indices, out = np.empty(shape[0] + 1, dtype), np.empty(len(rows), dtype), np.empty_like(data)
    _kernels().coo_tocsr(shape[0], shape[1], len(rows), rows.astype(dtype), cols.astype(dtype), data,
                         indptr, indices, out)
    if not _kernels().csr_has_canonical_format(shape[0], indptr, indices):
        if not _kernels().csr_has_sorted_indices(shape[0], indptr, indices):
            _kernels().csr_sort_indices(shape[0], indptr, indices, out)
        _kernels().csr_sum_duplicates(shape[0], shape[1], indptr, indices, out)
    nnz = int(indptr[-1])
    return Csr(indptr, indices[:nnz].copy(), out[:nnz].copy(), shape)


def _indexes(largest: int, *arrays: Any) -> list[Any]:
    dtype = _index_dtype(max([largest] + [len(a) for a in arrays]))
    return [a.astype(dtype, copy=False) for a in arrays]


def matmul(a: Csr, b: Csr, room: int | None = None) -> Csr:
    """``a @ b``: entry ``(i, j)`` adds ``a[i, k] * b[k, j]`` over the columns ``k`` of row ``i`` in
    ``a``'s stored order; a row lists its columns in the reverse order of their first product.

    ``room``, when given, is a bound on the product's entries (a dense product's rows times columns,
    say) that spares the pass counting them; the result is the same."""
    import numpy as np

    if a.shape[1] != b.shape[0]:
        raise ValueError(f"shapes {a.shape} and {b.shape} do not multiply")
    m, n = a.shape[0], b.shape[1]
    ap, aj, bp, bj = _indexes(max(a.shape + b.shape), a.indptr, a.indices, b.indptr, b.indices)
    nnz = int(_kernels().csr_matmat_maxnnz(m, n, ap, aj, bp, bj)) if room is None else room
    if nnz == 0:
        return empty((m, n))
    ap, aj, bp, bj = _indexes(max(a.shape + b.shape + (nnz,)), ap, aj, bp, bj)
    indptr, indices, data = np.empty(m + 1, ap.dtype), np.empty(nnz, ap.dtype), np.empty(nnz)
    _kernels().csr_matmat(m, n, ap, aj, a.data, bp, bj, b.data, indptr, indices, data)
    return _trimmed(Csr(indptr, indices, data, (m, n)))


def _trimmed(m: Csr) -> Csr:
    nnz = m.nnz
    if len(m.data) == nnz:
        return m
    return Csr(m.indptr, m.indices[:nnz].copy(), m.data[:nnz].copy(), m.shape)


def scale_rows(m: Csr, factors: Any) -> Csr:
    """Row ``i`` times ``factors[i]`` (none zero), computed as ``diags(factors) @ m``: each row's
    columns come out in the reverse of their stored order."""
    import numpy as np

    diagonal = np.arange(m.shape[0] + 1)
    return matmul(Csr(diagonal, diagonal[:-1], np.asarray(factors, dtype=float), (m.shape[0], m.shape[0])), m)


def transposed(m: Csr) -> Csr:
    """``m.T`` with each row's columns sorted (SciPy converting the transpose to CSR)."""
    import numpy as np

    rows, cols = m.shape
    mp, mj = _indexes(max(m.nnz, rows, cols), m.indptr, m.indices)
    indptr, indices, data = np.empty(cols + 1, mp.dtype), np.empty(m.nnz, mp.dtype), np.empty(m.nnz)
    _kernels().csr_tocsc(rows, cols, mp, mj, m.data, indptr, indices, data)
    return Csr(indptr, indices, data, (cols, rows))


def row_range(m: Csr, start: int, stop: int) -> Csr:
    """Rows ``start`` to ``stop`` (excluded), entries in stored order."""
    lo, hi = int(m.indptr[start]), int(m.indptr[stop])
    return Csr(m.indptr[start:stop + 1] - lo, m.indices[lo:hi].copy(), m.data[lo:hi].copy(), (stop - start, m.shape[1]))


def take_rows(m: Csr, rows: list[int]) -> Csr:
    """The rows ``rows`` (repeats allowed), in that order, entries in stored order."""
    import numpy as np

    index = np.asarray(rows, dtype=m.indptr.dtype)
    indptr = np.zeros(len(index) + 1, dtype=m.indptr.dtype)
    np.cumsum(m.indptr[index + 1] - m.indptr[index], out=indptr[1:])
    indices, data = np.empty(int(indptr[-1]), m.indices.dtype), np.empty(int(indptr[-1]))
    if len(index):
        _kernels().csr_row_index(len(index), index, m.indptr, m.indices, m.data, indices, data)
    return Csr(indptr, indices, data, (len(index), m.shape[1]))


def entrywise(a: Csr, b: Csr, op: str) -> Csr:
    """``a.multiply(b)`` (``op`` "elmul") or ``a.minimum(b)`` ("minimum"), zero results left out."""
    import numpy as np

    if a.shape != b.shape:
        raise ValueError(f"shapes {a.shape} and {b.shape} differ")
    largest = a.nnz + b.nnz
    ap, aj, bp, bj = _indexes(max(a.shape + (largest,)), a.indptr, a.indices, b.indptr, b.indices)
    indptr, indices, data = np.empty(len(ap), ap.dtype), np.empty(largest, ap.dtype), np.empty(largest)
    getattr(_kernels(), f"csr_{op}_csr")(a.shape[0], a.shape[1], ap, aj, a.data, bp, bj, b.data, indptr, indices, data)
    return _trimmed(Csr(indptr, indices, data, a.shape))


def row_sums(m: Csr) -> Any:
    """The sum of each row, adding its entries in stored order as ``m.sum(axis=1)`` does."""
    import numpy as np

    out = np.zeros(m.shape[0])
    filled = np.flatnonzero(np.diff(m.indptr))
    if len(filled):
        out[filled] = np.add.reduceat(m.data, m.indptr[filled])
    return out


#: Rows of ``a`` per block of :func:`dense_product`: small enough to share the work among threads
#: and keep each block's sparse product in memory, large enough that a block outweighs its call.
_BLOCK_ROWS = 256
#: Below this many entries (rows times columns) :func:`dense_product` runs as one block.
_THREADED_CELLS = 1 << 20


def dense_product(a: Csr, b: Csr) -> Any:
    """``dense(matmul(a, b))``, computed by blocks of rows (on a few threads for a large product: the
    compiled routine releases the GIL). Rows are independent, so every entry is the same to the last
    bit as in the whole product."""
    import numpy as np

    m, n = a.shape[0], b.shape[1]
    out = np.zeros((m, n))
    if m * n < _THREADED_CELLS:
        _dense_block(a, b, out, 0, m)
        return out
    from concurrent.futures import ThreadPoolExecutor

    starts = range(0, m, _BLOCK_ROWS)
    pool = ThreadPoolExecutor(max_workers=min(_workers(), len(starts)))
    try:
        for done in [pool.submit(_dense_block, a, b, out, lo, min(lo + _BLOCK_ROWS, m)) for lo in starts]:
            done.result()
    finally:  # interrupted (Ctrl-C, a signal): the blocks not started yet are dropped
        pool.shutdown(wait=True, cancel_futures=True)
    return out


def _dense_block(a: Csr, b: Csr, out: Any, start: int, stop: int) -> None:
    """Write rows ``start`` to ``stop`` of ``a @ b`` into ``out`` (zeros there)."""
    part = matmul(row_range(a, start, stop), b, room=(stop - start) * b.shape[1])
    if part.nnz:
        _kernels().csr_todense(part.shape[0], part.shape[1], part.indptr, part.indices, part.data, out[start:stop])


def _workers() -> int:
    """The processors this process may run on (at most 8)."""
    import os

    try:
        count = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        count = os.cpu_count() or 1
    return max(1, min(count, 8))


def dense(m: Csr) -> Any:
    """``m.toarray()``."""
    import numpy as np

    out = np.zeros(m.shape)
    if m.nnz:
        _kernels().csr_todense(m.shape[0], m.shape[1], m.indptr, m.indices, m.data, out)
    return out
