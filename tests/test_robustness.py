"""Mutated real statements keep statediff's promises (bench/mutations.py; bench/robustness.py runs
thousands of rounds): compare(x, x) has no change, compare(b, a) mirrors compare(a, b), a
cosmetic-only variant compares unchanged, and every character is accounted for.

Re-wrapping (every paragraph of prose filled to 50, 70 or 90 columns) is also checked on every real
statement in fixtures/, whole.
"""

from __future__ import annotations

import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import ROOT
from .test_invariants import unaccounted

sys.path.insert(0, str(ROOT / "bench"))
import mutations  # noqa: E402

POOL = mutations.pool_of_sentences()
KINDS = mutations.COSMETIC_KINDS


@given(st.integers(min_value=0, max_value=10**9))
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
def test_mutated_real_statements_keep_the_promises(seed: int) -> None:
    assert mutations.check_round(seed, POOL, unaccounted, KINDS) == []


@pytest.mark.parametrize("path", mutations.SOURCES, ids=lambda p: p.name)
def test_re_wrapping_a_real_statement_changes_nothing(path) -> None:
    import statediff

    text = path.read_text(encoding="utf-8")
    original = statediff.parse(text, name=path.name)
    for width in (50, 70, 90):
        variant = statediff.parse(mutations.rewrap(text, width), name=path.name)
        comparison = statediff.compare(original, variant)
        assert not comparison.changed, (width, [(p.status, p.left, p.right) for p in comparison.pairs
                                                if p.status != "unchanged"][:3])
        assert [c.text for c in variant.clauses] == [c.text for c in original.clauses]
        assert not unaccounted(variant)


@pytest.mark.parametrize("seed", [2022, 3484, 4066])
def test_counterexamples_once_found_stay_fixed(seed: int) -> None:
    # Doubled spaces inside sentences: they moved the measured fill width (4066, 3484) and lined
    # up like table columns in three lines of prose (2022).
    assert mutations.check_round(seed, POOL, unaccounted) == []
