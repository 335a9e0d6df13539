"""Shared fixtures and the ``--update-golden`` flag."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
JF = FIXTURES / "japan-france"
CORPORA = FIXTURES / "corpora"

SEEDS = {
    "teleconference-2021": JF / "2021-01-15-defence-ministers-teleconference.txt",
    "consultations-2021": JF / "2021-10-19-political-directors-consultations-tokyo.txt",
    "mofa-2022": JF / "2022-01-20-sixth-2plus2-mofa-readout.txt",
    "ap-2022": JF / "2022-01-20-sixth-2plus2-ap-report.txt",
    "jdf-2017": JF / "2017-01-06-japan-defense-focus-85-third-2plus2.txt",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="Rewrite the golden files under fixtures/ from the current output.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seeds() -> dict[str, Path]:
    return dict(SEEDS)
