"""Tables: a Markdown pipe table, an HTML table or aligned plain-text columns become a clause per row."""

from __future__ import annotations

import pytest

import statediff

from .test_invariants import unaccounted

INTRO = "Joint Statement\n\n1. Defence spending\n\nThe Ministers set out the following targets.\n\n"
ROWS = [("Country", "Target", "Year"), ("Australia", "2% of GDP", "2033"), ("United Kingdom", "2.5% of GDP", "2030"),
        ("United States", "3% of GDP", "2029")]
CHANGED = [ROWS[0], ROWS[1], ("United Kingdom", "2.5% of GDP", "2027"), ROWS[3]]
OUTRO = "\n2. Next meeting\n\nThe Ministers will meet again in 2025.\n"


def markdown(rows) -> str:
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    return INTRO + "\n".join([lines[0], "|---|---|---|", *lines[1:]]) + "\n" + OUTRO


def columns(rows) -> str:
    return INTRO + "\n".join(f"{a:<18}{b:<14}{c}" for a, b, c in rows) + "\n" + OUTRO


def html(rows) -> str:
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return ("<html><body><main><h1>Joint Statement</h1><h2>1. Defence spending</h2>"
            "<p>The Ministers set out the following targets.</p>"
            f"<table>{cells}</table><h2>2. Next meeting</h2><p>The Ministers will meet again in 2025.</p>"
            "</main></body></html>")


def _read(text: str, fmt: str, tmp_path, name: str) -> statediff.Document:
    path = tmp_path / f"{name}.{'html' if fmt == 'html' else 'md' if fmt == 'markdown' else 'txt'}"
    path.write_text(text, encoding="utf-8")
    return statediff.read(path)


@pytest.mark.parametrize("fmt,build", [("markdown", markdown), ("columns", columns), ("html", html)])
def test_a_row_is_a_clause_and_a_changed_row_is_one_changed_pair(tmp_path, fmt, build) -> None:
    old = _read(build(ROWS), fmt, tmp_path, "old")
    new = _read(build(CHANGED), fmt, tmp_path, "new")
    rows = [c for c in old.clauses if c.section == "Defence spending"][1:]
    assert [c.text.replace("|", " ").split() for c in rows] == [" ".join(r).split() for r in ROWS]
    assert len({c.number for c in rows}) == 4
    assert unaccounted(old) == []
    result = statediff.compare(old, new)
    changed = [p for p in result.pairs if p.status != "unchanged"]
    assert len(changed) == 1 and changed[0].status == "changed"
    assert "United Kingdom" in changed[0].right_text
    assert [(e.left, e.right) for e in changed[0].edits if e.op != "equal"] == [("2030", "2027")]
    assert "number-change" in changed[0].labels


def test_markdown_rows_keep_their_cells_and_the_header_rule_is_set_aside(tmp_path) -> None:
    doc = _read(markdown(ROWS), "markdown", tmp_path, "t")
    rows = [c for c in doc.clauses if c.section == "Defence spending"][1:]
    assert rows[1].text == "| Australia | 2% of GDP | 2033 |"
    rule = doc.source.index("|---|")
    assert any(a <= rule < b for a, b in doc.dropped)


def test_two_spaces_after_full_stops_in_prose_are_no_table() -> None:
    text = ("The Committee decided today to keep the target range.  Inflation has\n"
            "moved up.  The Committee expects that with gradual adjustments in the\n"
            "stance of monetary policy, economic activity will expand.  Risks appear\n"
            "roughly balanced.\n")
    doc = statediff.parse(text)
    assert len(doc.clauses) >= 3 and all(len(c.text.split()) > 2 for c in doc.clauses)
    assert doc.clauses[0].text.startswith("The Committee decided today")
