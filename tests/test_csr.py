"""statediff.csr computes what scipy.sparse computes, to the last bit, and a comparison runs without
scipy.sparse's (or scipy.optimize's) package init."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from statediff import csr
from statediff.clause_vectors import VectorSpace

ROOT = Path(__file__).resolve().parent.parent


@st.composite
def _entries(draw, rows: int | None = None, cols: int | None = None):
    """Random entries of a small matrix: repeated positions, empty rows, awkward weights."""
    rows = rows or draw(st.integers(1, 8))
    cols = cols or draw(st.integers(1, 8))
    cells = draw(st.lists(st.tuples(st.integers(0, rows - 1), st.integers(0, cols - 1),
                                    st.floats(0.01, 100.0, allow_nan=False)), max_size=40))
    return rows, cols, cells


def _both(rows: int, cols: int, cells):
    ii, jj, data = (np.array([c[k] for c in cells], dtype=float if k == 2 else np.int64) for k in range(3))
    return (csr.from_entries(ii, jj, (rows, cols), data),
            sparse.csr_matrix((data, (ii, jj)), shape=(rows, cols)))


def _same(ours, theirs) -> bool:
    ours, theirs = np.asarray(ours), np.asarray(theirs)
    return ours.shape == theirs.shape and ours.tobytes() == theirs.tobytes()


def _same_matrix(ours: csr.Csr, theirs) -> bool:
    """The same entries in the same stored order (what later sums depend on)."""
    theirs = sparse.csr_matrix(theirs)
    nnz = theirs.nnz
    return (ours.shape == theirs.shape and _same(ours.indptr.astype(np.int64), theirs.indptr.astype(np.int64))
            and _same(ours.indices.astype(np.int64), theirs.indices[:nnz].astype(np.int64))
            and _same(ours.data, theirs.data[:nnz]))


@settings(max_examples=200, deadline=None)
@given(_entries(), st.data())
def test_operations_match_scipy_sparse(a, data) -> None:
    rows, cols, cells = a
    ours, theirs = _both(rows, cols, cells)
    assert _same_matrix(ours, theirs)
    ours_b, theirs_b = _both(*data.draw(_entries(cols=rows)))
    assert _same_matrix(csr.matmul(ours_b, ours), theirs_b @ theirs)
    ours_c, theirs_c = _both(*data.draw(_entries(rows=rows, cols=cols)))
    product = csr.matmul(ours_b, ours)  # rows in a product's own order, not sorted
    product_theirs = theirs_b @ theirs
    assert _same(csr.row_sums(product), np.asarray(product_theirs.sum(axis=1)).ravel())
    assert _same_matrix(csr.entrywise(ours, ours_c, "elmul"), theirs.multiply(theirs_c))
    assert _same_matrix(csr.entrywise(ours, ours_c, "minimum"), theirs.minimum(theirs_c))
    assert _same_matrix(csr.entrywise(product, product, "elmul"), product_theirs.multiply(product_theirs))
    assert _same_matrix(csr.transposed(ours), sparse.csr_matrix(theirs.T))
    assert _same_matrix(csr.scale_rows(ours, np.arange(1.0, rows + 1) / 3), sparse.diags(np.arange(1.0, rows + 1) / 3) @ theirs)
    picked = data.draw(st.lists(st.integers(0, rows - 1), max_size=6))
    assert _same_matrix(csr.take_rows(ours, picked), theirs[picked])
    start = data.draw(st.integers(0, rows - 1))
    assert _same_matrix(csr.row_range(ours, start, rows), theirs[start:])
    assert _same(csr.dense(product), product_theirs.toarray())


@settings(max_examples=100, deadline=None)
@given(_entries(), st.data(), st.integers(1, 4))
def test_dense_product_by_blocks_is_the_whole_product(a, data, block_rows) -> None:
    rows, cols, cells = a
    ours, _ = _both(rows, cols, cells)
    other, _ = _both(*data.draw(_entries(rows=cols)))
    whole = csr.dense(csr.matmul(ours, other))
    assert _same(csr.dense_product(ours, other), whole)
    # Force blocks of a few rows on threads, as a large product runs.
    cells_before, rows_before = csr._THREADED_CELLS, csr._BLOCK_ROWS
    try:
        csr._THREADED_CELLS, csr._BLOCK_ROWS = 0, block_rows
        assert _same(csr.dense_product(ours, other), whole)
    finally:
        csr._THREADED_CELLS, csr._BLOCK_ROWS = cells_before, rows_before


def test_a_product_with_room_given_is_the_same() -> None:
    a = csr.from_entries([0, 0, 1, 2], [0, 2, 1, 2], (3, 3), [0.5, 1.5, 2.0, 3.0])
    b = csr.transposed(a)
    exact, roomy = csr.matmul(a, b), csr.matmul(a, b, room=9)
    assert _same(exact.indptr, roomy.indptr) and _same(exact.indices, roomy.indices) and _same(exact.data, roomy.data)
    assert len(roomy.data) == roomy.nnz


def _scipy_similarity(space: VectorSpace):
    """VectorSpace.similarity as written on scipy.sparse."""
    n, out = space.n, np.zeros((space.n, space.size - space.n))
    for mat, weight in space.mats:
        m = sparse.csr_matrix((mat.data, mat.indices, mat.indptr), shape=mat.shape)
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        unit = sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)
        out += weight * (unit[:n] @ unit[n:].T).toarray()
    return np.clip(out, 0.0, 1.0)


@pytest.mark.parametrize("seed", ["2021-01-15-defence-ministers-teleconference",
                                  "2017-01-06-japan-defense-focus-85-third-2plus2"])
def test_clause_similarity_is_scipys_to_the_bit(seed) -> None:
    import statediff

    left = [c.text for c in statediff.read(str(ROOT / "fixtures" / "japan-france" / f"{seed}.txt")).clauses]
    right = [c.text for c in statediff.read(
        str(ROOT / "fixtures" / "japan-france" / "2022-01-20-sixth-2plus2-mofa-readout.txt")).clauses]
    space = VectorSpace(left, right, 0.7, 5)
    assert _same(space.similarity(), _scipy_similarity(space))


def test_a_comparison_loads_no_scipy_package() -> None:
    a = ROOT / "fixtures" / "japan-france" / "2021-01-15-defence-ministers-teleconference.txt"
    b = ROOT / "fixtures" / "japan-france" / "2022-01-20-sixth-2plus2-mofa-readout.txt"
    code = (f"import sys, statediff; statediff.compare(statediff.read({str(a)!r}), statediff.read({str(b)!r}));"
            " print(sorted(m for m in sys.modules if m.split('.')[0] == 'scipy'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.split() == ["['scipy.optimize._lsap',", "'scipy.sparse._sparsetools']"]
