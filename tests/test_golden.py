"""Golden outputs: each fixtures/golden/<case>/case.json names two fixture documents; the comparison
rendered as text, JSON and HTML must equal expected.* byte for byte.

Regenerate after an intended change with ``python -m pytest tests/test_golden.py --update-golden``
and read the diff before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import statediff

from .conftest import FIXTURES

GOLDEN = FIXTURES / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "case.json").is_file())
FORMATS = {"txt": "text", "json": "json", "html": "html"}


def _comparison(case: str) -> statediff.Comparison:
    spec = json.loads((GOLDEN / case / "case.json").read_text(encoding="utf-8"))
    left = statediff.read(FIXTURES / spec["left"], part=spec.get("left_part"))
    right = statediff.read(FIXTURES / spec["right"], part=spec.get("right_part"))
    return statediff.compare(left, right)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("ext", sorted(FORMATS))
def test_golden(case: str, ext: str, update_golden: bool) -> None:
    out = statediff.render(_comparison(case), FORMATS[ext])
    path: Path = GOLDEN / case / f"expected.{ext}"
    if update_golden:
        path.write_text(out, encoding="utf-8")
    assert path.is_file(), f"missing {path}; run pytest --update-golden"
    assert out == path.read_text(encoding="utf-8")


def test_every_case_has_all_formats() -> None:
    assert len(CASES) >= 5
    for case in CASES:
        for ext in FORMATS:
            assert (GOLDEN / case / f"expected.{ext}").is_file(), (case, ext)
