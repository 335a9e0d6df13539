"""Golden outputs: each fixtures/golden/<case>/case.json names two fixture documents; the comparison
rendered as text, JSON and HTML must equal expected.* byte for byte.

The HTML page carries the report's stylesheets and script (data files of the package) and the
script's hash in its Content-Security-Policy. The stored page has short markers in their place,
``{{asset report.css}}`` and ``{{sha256 report.js}}``, so that a change to an asset does not touch
every golden page: the test renders the whole page, replaces the exact text of each shipped asset,
where the page shell puts it, by its marker (failing if it is not there verbatim), and compares the
rest byte for byte. The assets themselves are exercised by the browser tests, which load real pages.

Regenerate after an intended change with ``python -m pytest tests/test_golden.py --update-golden``
and read the diff before committing it.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path

import pytest

import statediff
from statediff.renderers import html

from .conftest import FIXTURES

GOLDEN = FIXTURES / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "case.json").is_file())
FORMATS = {"txt": "text", "json": "json", "html": "html"}


#: The report page's assets: its stylesheets, in the order the page joins them, and its script.
REPORT_STYLES = html.STYLES
REPORT_SCRIPT = html.SCRIPT_FILE


def _asset(name: str) -> str:
    return files("statediff").joinpath("data", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _swap(page: str, text: str, marker: str, where: str) -> str:
    assert page.count(text) == 1, f"the shipped asset is not in the page verbatim, once, in its {where}"
    return page.replace(text, marker)


def with_markers(page: str, styles: Sequence[str], script: str) -> str:
    """``page`` with its stylesheets (the data files ``styles``, joined in one ``<style>``), its script
    and the script's hash in the policy replaced by markers naming the files."""
    code = _asset(script)
    page = _swap(page, f"script-src 'sha256-{_sha256(code)}';", f"script-src 'sha256-{{{{sha256 {script}}}}}';",
                 "Content-Security-Policy")
    page = _swap(page, "<style>" + "".join(_asset(name) for name in styles) + "</style></head>",
                 "<style>" + "".join(f"{{{{asset {name}}}}}" for name in styles) + "</style></head>", "<style>")
    return _swap(page, f"<script>{code}</script></body>", f"<script>{{{{asset {script}}}}}</script></body>",
                 "closing <script>")


def without_markers(page: str, styles: Sequence[str], script: str) -> str:
    """The inverse of :func:`with_markers`: a stored page with the assets' text put back."""
    for name in (*styles, script):
        page = page.replace(f"{{{{asset {name}}}}}", _asset(name))
    return page.replace(f"{{{{sha256 {script}}}}}", _sha256(_asset(script)))


def _comparison(case: str) -> statediff.Comparison:
    spec = json.loads((GOLDEN / case / "case.json").read_text(encoding="utf-8"))
    left = statediff.read(FIXTURES / spec["left"], part=spec.get("left_part"))
    right = statediff.read(FIXTURES / spec["right"], part=spec.get("right_part"))
    return statediff.compare(left, right)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("ext", sorted(FORMATS))
def test_golden(case: str, ext: str, update_golden: bool) -> None:
    out = statediff.render(_comparison(case), FORMATS[ext])
    if ext == "html":
        out = with_markers(out, REPORT_STYLES, REPORT_SCRIPT)
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


def test_golden_html_markers_stand_for_the_shipped_assets() -> None:
    page = statediff.render(_comparison(CASES[0]), "html")
    stored = with_markers(page, REPORT_STYLES, REPORT_SCRIPT)
    assert "{{asset report.css}}{{asset report-page.css}}" in stored and "{{sha256 report.js}}" in stored
    assert without_markers(stored, REPORT_STYLES, REPORT_SCRIPT) == page
    # An asset that is not in the page verbatim, where the page shell puts it, fails the comparison.
    for changed in (page.replace("</style>", " </style>"), page.replace("})();\n</script>", "})();</script>"),
                    page.replace("script-src 'sha256-", "script-src 'sha256-x")):
        with pytest.raises(AssertionError):
            with_markers(changed, REPORT_STYLES, REPORT_SCRIPT)
