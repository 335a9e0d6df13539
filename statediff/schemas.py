"""The JSON Schemas (draft 2020-12) of statediff's three JSON formats, shipped with the package.

``statediff.comparison/1`` (``compare --format json``), ``statediff.clauses/1`` (``clauses --format
json``) and ``statediff.series/1`` (``track --format json``); ``statediff schema NAME`` prints one.
Their ``$id`` names them and nothing is fetched from it. Later releases may add optional keys to a
format without changing its name, so a consumer validating with an older copy should let unknown
keys through (the schemas do: they close no object).
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

from .errors import StatediffError

__all__ = ["NAMES", "schema", "schema_text"]

#: The formats, by the name ``statediff schema`` takes.
NAMES = ("comparison", "clauses", "series")


def schema_text(name: str) -> str:
    """The schema of format ``name`` (one of :data:`NAMES`), as shipped."""
    if name not in NAMES:
        raise StatediffError(f"no schema named {name!r}; choose one of: {', '.join(NAMES)}")
    return files("statediff").joinpath("data").joinpath("schemas").joinpath(f"{name}.schema.json").read_text(
        encoding="utf-8")


def schema(name: str) -> dict[str, Any]:
    """The schema of format ``name`` as a dict."""
    result: dict[str, Any] = json.loads(schema_text(name))
    return result
