"""The JSON Schemas shipped with the package (statediff/data/schemas) describe every JSON output."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

import statediff
from statediff.cli import main
from statediff.schemas import NAMES, schema

from .conftest import CORPORA, ROOT, SEEDS

jsonschema = pytest.importorskip("jsonschema")

_BY_TAG = {f"statediff.{name}/1": name for name in NAMES}


def _closed(s: object) -> object:
    """A copy of schema ``s`` in which every object with declared properties allows no other key: an
    output with a key the schema does not document fails."""
    s = copy.deepcopy(s)

    def close(node: object) -> None:
        if isinstance(node, dict):
            if "properties" in node and "additionalProperties" not in node:
                node["additionalProperties"] = False
            for value in node.values():
                close(value)
        elif isinstance(node, list):
            for value in node:
                close(value)

    close(s)
    return s


def validate(data: dict) -> None:
    """Validate ``data`` against the schema its ``schema`` key names, closed (see :func:`_closed`)."""
    name = _BY_TAG[data["schema"]]
    jsonschema.Draft202012Validator(_closed(schema(name))).validate(data)


@pytest.mark.parametrize("name", NAMES)
def test_the_schemas_are_valid_draft_2020_12(name: str) -> None:
    s = schema(name)
    jsonschema.Draft202012Validator.check_schema(s)
    assert s["title"] == f"statediff.{name}/1"


@pytest.mark.parametrize("path", sorted((ROOT / "fixtures" / "golden").glob("*/expected.json")),
                         ids=lambda p: p.parent.name)
def test_every_golden_json_output_is_valid(path: Path) -> None:
    validate(json.loads(path.read_text(encoding="utf-8")))


def test_comparisons_with_every_optional_key_are_valid() -> None:
    series = CORPORA / "us-eu-trade-and-technology-council-joint-statements"
    c = statediff.compare(statediff.read(series / "2023-05-31.txt"), statediff.read(series / "2024-04-05.txt"))
    data = json.loads(statediff.render(c, "json"))
    # suggestions, sections and the digest are all there
    assert "sections" in data and "digest" in data and any("suggestions" in p for p in data["pairs"])
    validate(data)
    accounts = statediff.compare(statediff.read(SEEDS["ap-2022"]), statediff.read(SEEDS["mofa-2022"]), accounts=True)
    validate(json.loads(statediff.render(accounts, "json")))
    empty = statediff.compare(statediff.parse(""), statediff.parse(""))
    validate(json.loads(statediff.render(empty, "json")))


@pytest.mark.parametrize("path", sorted(SEEDS.values()) + sorted(CORPORA.glob("*/*.txt"))[::4],
                         ids=lambda p: p.name)
def test_clauses_json_is_valid(path: Path) -> None:
    validate(json.loads(statediff.render(statediff.read(path), "json")))


def test_series_json_is_valid_with_and_without_grep() -> None:
    paths = sorted((CORPORA / "aukus-leaders-statements").glob("*.txt"))
    validate(json.loads(statediff.render(statediff.track(paths), "json")))
    validate(json.loads(statediff.render(statediff.track(paths, grep="submarine"), "json")))


def test_an_output_that_breaks_the_format_is_caught() -> None:
    c = statediff.compare(statediff.read(SEEDS["teleconference-2021"]), statediff.read(SEEDS["mofa-2022"]))
    data = json.loads(statediff.render(c, "json"))
    validate(data)
    for break_it in (lambda d: d["pairs"][0].update(status="moved"),
                     lambda d: d["left"]["clauses"][0].update(span=[1]),
                     lambda d: d["pairs"][0].update(colour="red"),  # an undocumented key
                     lambda d: d.pop("summary")):
        broken = copy.deepcopy(data)
        break_it(broken)
        with pytest.raises(jsonschema.ValidationError):
            validate(broken)


def test_the_cli_prints_each_schema(capsys) -> None:
    for name in NAMES:
        assert main(["schema", name]) == 0
        assert json.loads(capsys.readouterr().out) == schema(name)
    assert main(["schema", "xml"]) == 2
    assert "xml" in capsys.readouterr().err
