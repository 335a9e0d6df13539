"""Invariants of the whole pipeline, checked with Hypothesis on generated statements and on the real
ones in fixtures/:

* every character of a document is accounted for: clause spans, the boilerplate spans normalization
  dropped, list markers, headings and white space make up the whole source, and nothing else;
* the output is the same bytes on every run, whatever the hash seed;
* ``compare(a, b)`` and ``compare(b, a)`` are mirror images;
* the JSON report round-trips: it decodes to exactly the records' values and re-encodes to the same text.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import statediff
from statediff.model import Comparison, Document, Series
from statediff.renderers.json import clause_dict

from .conftest import CORPORA, JF, ROOT

REAL = sorted(JF.glob("*.txt")) + sorted(CORPORA.glob("*/*.txt"))
SERIES_PAIRS = [(a, b) for series in [sorted(JF.glob("*.txt")), *(sorted(d.glob("*.txt")) for d in sorted(CORPORA.iterdir()))]
                for a, b in zip(series, series[1:])]

# --------------------------------------------------------------------------------------------------
# Generated statements: a title, a date line, headings, numbered items, bullets, hard-wrapped
# paragraphs and page furniture, in the shapes the fixtures show.
# --------------------------------------------------------------------------------------------------

VOCAB = ["The", "Ministers", "reaffirmed", "their", "commitment", "to", "a", "free", "and", "open", "Indo-Pacific",
         "welcomed", "the", "progress", "in", "defence", "equipment", "cooperation", "shared", "view", "that",
         "they", "oppose", "any", "unilateral", "attempts", "change", "status", "quo", "by", "force", "or",
         "coercion", "expressed", "serious", "concern", "over", "situation", "East", "China", "Sea",
         "\u201cExceptional", "Partnership\u201d", "co-operation", "2+2", "Japan", "France", "(CPTPP)", "U.S.", "H.E."]

sentence = st.lists(st.sampled_from(VOCAB), min_size=3, max_size=16).map(
    lambda ws: " ".join(ws)[:1].upper() + " ".join(ws)[1:] + ".")
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
heading = st.lists(st.sampled_from([w for w in VOCAB if w[:1].isalpha()]), min_size=1, max_size=4).map(
    lambda ws: " ".join(ws).title())


def _wrap(text: str, width: int) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


@st.composite
def statements(draw) -> str:
    out = [draw(heading)]
    if draw(st.booleans()):
        out.append("January 20, 2022")
    width = draw(st.sampled_from([0, 60, 72]))
    for s in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            out.append(draw(st.sampled_from([f"## {draw(heading)}", f"{s + 1}. {draw(heading)}", draw(heading)])))
        style = draw(st.sampled_from(["para", "paren", "bullet"]))
        for k in range(draw(st.integers(1, 4))):
            text = draw(paragraph)
            if style == "paren":
                text = f"({k + 1}) {text}"
            elif style == "bullet":
                text = f"\u25cf {text}"
            out.append(_wrap(text, width) if width else text)
        if draw(st.booleans()):
            out.append(draw(st.sampled_from(["Share", "Back to top", "Print", "\u2022 back"])))
    return "\n\n".join(out) + draw(st.sampled_from(["", "\n", "\n\n"]))


SLOW = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# --------------------------------------------------------------------------------------------------
# Every character accounted for
# --------------------------------------------------------------------------------------------------

# A list marker or numbering at a line's start: "(1)", "1.", "II.", "a)", "●", "-", "#", "Section 2".
_MARKER = re.compile(r"^(?:#{1,6}|[(\uff08]?(?:[0-9\uff10-\uff19]{1,3}(?:[.\uff0e][0-9]{1,3})*|[ivxlcIVXLC]{1,6}|[a-zA-Z])"
                     r"[.)\uff09\uff0e]?|[\u25cf\u2022\u25cb\u25a0\u25aa\u30fb*+\u2013-]|(?:Section|Part|Article|Annex)\s+\w+[.:]?)$")


def unaccounted(doc: Document) -> list[str]:
    """The lines of ``doc.source`` holding characters that no clause span, dropped span, marker,
    heading or white space explains: what the pipeline would have lost."""
    src = doc.source
    covered = bytearray(len(src))
    for a, b in [c.span for c in doc.clauses] + list(doc.dropped):
        covered[a:b] = b"\x01" * (b - a)
    headings = {_norm(doc.title)} | {_norm(c.section) for c in doc.clauses} | {_norm(p.title) for p in doc.parts}
    first = min((c.span[0] for c in doc.clauses), default=len(src))
    lost = []
    pos = 0
    lines = src.splitlines(keepends=True)
    for k, line in enumerate(lines):
        start, pos = pos, pos + len(line)
        left = "".join(ch for i, ch in enumerate(line, start) if not covered[i])
        pieces = left.split()
        if not pieces:
            continue
        whole = all(not covered[i] for i in range(start, start + len(line.rstrip())))
        text = _norm(_strip_marker(line))
        if whole and (start < first or not text or any(text in h for h in headings)):
            continue  # front matter (title, date, metadata), a section number, or (a line of) a heading
        if all(_MARKER.match(p) for p in pieces) and line.lstrip().startswith(pieces[0]):
            continue  # the line's list marker
        if whole and (_looks_like_heading(line) or _looks_like_heading(_wrapped(lines, k))):
            continue  # a heading with no clause under it, on one line or wrapped over a few
        lost.append(line.rstrip("\n"))
    return lost


def _norm(s: str) -> str:
    return " ".join(s.replace("#", " ").replace("*", " ").split()).casefold()


_LEAD_MARKER = re.compile(r"^\s*(?:#{1,6}\s*|[(\uff08]?(?:[0-9\uff10-\uff19]{1,3}(?:[.\uff0e][0-9]{1,3})*|[ivxlcIVXLC]{1,6}"
                          r"|[a-zA-Z])[.)\uff09\uff0e]\s*|[(\uff08][0-9]{1,3}[)\uff09]\s*"
                          r"|[\u25cf\u2022\u25cb\u25a0\u25aa\u30fb*+\u2013-]\s+|(?:Section|Part|Article|Annex)\s+\w+[.:]?\s*)+")


def _wrapped(lines: list[str], k: int) -> str:
    """Line ``k`` with the lines above it in its paragraph (a heading wrapped over a few lines)."""
    first = k
    while first > 0 and lines[first - 1].strip() and k - first < 5:
        first -= 1
    return " ".join(ln.strip() for ln in lines[first:k + 1])


def _strip_marker(line: str) -> str:
    return _LEAD_MARKER.sub("", line).strip()


def _looks_like_heading(line: str) -> bool:
    text = _strip_marker(line)
    return bool(text) and len(text) <= 100 and not text.endswith((".", ";", ",")) and text[:1].isupper()


@given(statements())
@SLOW
def test_every_character_of_a_generated_statement_is_accounted_for(text: str) -> None:
    doc = statediff.parse(text)
    assert unaccounted(doc) == []
    for c in doc.clauses:  # and each clause's span holds exactly its words
        assert doc.source[c.span[0]:c.span[1]].split() == c.text.split() or \
            "".join(doc.source[c.span[0]:c.span[1]].split()) == "".join(c.text.split())


def test_a_lost_clause_is_noticed() -> None:
    from dataclasses import replace

    doc = statediff.read(JF / "2021-01-15-defence-ministers-teleconference.txt")
    assert unaccounted(doc) == []
    lost = doc.clauses[3]
    damaged = replace(doc, clauses=doc.clauses[:3] + doc.clauses[4:])
    assert any(lost.text.split()[-1] in line for line in unaccounted(damaged))


@pytest.mark.parametrize("path", REAL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_character_of_a_real_statement_is_accounted_for(path: Path) -> None:
    assert unaccounted(statediff.read(path)) == []


# --------------------------------------------------------------------------------------------------
# Same bytes on every run and every hash seed
# --------------------------------------------------------------------------------------------------


@given(statements(), statements())
@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
def test_same_output_on_every_run(a: str, b: str) -> None:
    outputs = set()
    for _ in range(2):
        result = statediff.compare(statediff.parse(a, name="a.txt"), statediff.parse(b, name="b.txt"))
        outputs.add(tuple(statediff.render(result, f) for f in ("text", "json", "html")))
    assert len(outputs) == 1


# One run of the pipeline per seed renders every format, as ``statediff compare -o FILE`` writes them
# (no colour in a file), and exits as the command does.
_EVERY_FORMAT = """
import sys
import statediff
left, right, *targets = sys.argv[1:]
result = statediff.compare(statediff.read(left), statediff.read(right))
for fmt, target in zip(("json", "html", "text"), targets):
    with open(target, "w", encoding="utf-8", newline="") as fh:
        fh.write(statediff.render(result, fmt))
sys.exit(1 if result.changed else 0)
"""


def test_same_bytes_whatever_the_hash_seed(tmp_path) -> None:
    left, right = JF / "2021-10-19-political-directors-consultations-tokyo.txt", JF / "2022-01-20-sixth-2plus2-mofa-readout.txt"
    formats = ("json", "html", "text")
    outputs: dict[str, list[bytes]] = {fmt: [] for fmt in formats}
    for seed in ("1", "2", "12345"):
        targets = [tmp_path / f"out-{seed}.{fmt}" for fmt in formats]
        env = {**os.environ, "PYTHONHASHSEED": seed, "NO_COLOR": "1"}
        proc = subprocess.run([sys.executable, "-c", _EVERY_FORMAT, str(left), str(right), *map(str, targets)],
                              env=env, cwd=ROOT, capture_output=True, timeout=300)
        assert proc.returncode == 1, proc.stderr
        for fmt, target in zip(formats, targets):
            outputs[fmt].append(target.read_bytes())
    for fmt in formats:
        assert outputs[fmt][0] == outputs[fmt][1] == outputs[fmt][2] and len(outputs[fmt][0]) > 1000, fmt
    # the command writes the same bytes
    target = tmp_path / "cli.json"
    proc = subprocess.run([sys.executable, "-m", "statediff", "compare", str(left), str(right), "--format", "json",
                           "-o", str(target)], env={**os.environ, "PYTHONHASHSEED": "777"}, cwd=ROOT,
                          capture_output=True, timeout=300)
    assert proc.returncode == 1 and target.read_bytes() == outputs["json"][0], proc.stderr


# --------------------------------------------------------------------------------------------------
# Mirror images
# --------------------------------------------------------------------------------------------------

_FLIP = {"added": "dropped", "dropped": "added", "changed": "changed", "unchanged": "unchanged"}
_OP = {"insert": "delete", "delete": "insert", "equal": "equal", "replace": "replace"}


def mirror_mismatches(ab: Comparison, ba: Comparison) -> list[str]:
    """How ``compare(b, a)`` fails to be the mirror image of ``compare(a, b)`` ([] when it is)."""
    there = {(p.left_index, p.right_index): p for p in ab.pairs}
    back = {(p.right_index, p.left_index): p for p in ba.pairs}
    problems = [f"linked one way only: {k}" for k in sorted(set(there) ^ set(back))]
    for key in sorted(set(there) & set(back)):
        p, q = there[key], back[key]
        if (_FLIP[p.status], p.left, p.right, p.left_text, p.right_text, p.moved) != \
                (q.status, q.right, q.left, q.right_text, q.left_text, q.moved):
            problems.append(f"{key}: {p.status} vs {q.status}")
        elif abs(p.score - q.score) > 1e-9:
            problems.append(f"{key}: score {p.score} vs {q.score}")
        elif "".join(e.left for e in p.edits) != "".join(e.right for e in q.edits) or \
                "".join(e.right for e in p.edits) != "".join(e.left for e in q.edits):
            problems.append(f"{key}: edits do not mirror")
    return problems


@given(statements(), statements())
@SLOW
def test_compare_mirrors_on_generated_statements(a: str, b: str) -> None:
    da, db = statediff.parse(a), statediff.parse(b)
    assert mirror_mismatches(statediff.compare(da, db), statediff.compare(db, da)) == []


@pytest.mark.parametrize("pair", SERIES_PAIRS, ids=lambda p: f"{p[0].parent.name}/{p[0].stem}")
def test_compare_mirrors_on_real_pairs(pair: tuple[Path, Path]) -> None:
    da, db = statediff.read(pair[0]), statediff.read(pair[1])
    assert mirror_mismatches(statediff.compare(da, db), statediff.compare(db, da)) == []


# --------------------------------------------------------------------------------------------------
# JSON round trip
# --------------------------------------------------------------------------------------------------


def _check_round_trip(result: Comparison) -> None:
    text = statediff.render(result, "json")
    data = json.loads(text)
    assert json.dumps(data, ensure_ascii=False, indent=2) + "\n" == text
    for side, doc in (("left", result.left), ("right", result.right)):
        assert data[side]["clauses"] == [clause_dict(c) for c in doc.clauses]
        for c, d in zip(doc.clauses, data[side]["clauses"]):
            assert tuple(d["span"]) == c.span
    assert len(data["pairs"]) == len(result.pairs)
    for p, d in zip(result.pairs, data["pairs"]):
        assert (d["status"], tuple(d["left"]), tuple(d["right"]), d["score"], d["moved"], d["left_text"],
                d["right_text"], tuple(d["labels"])) == \
            (p.status, p.left, p.right, p.score, p.moved, p.left_text, p.right_text, p.labels)
        assert [(e["op"], e["left"], e["right"]) for e in d["edits"]] == [(e.op, e.left, e.right) for e in p.edits]
    assert {k: data["summary"][k] for k in ("unchanged", "changed", "added", "dropped", "moved")} == \
        {k: result.summary[k] for k in ("unchanged", "changed", "added", "dropped", "moved")}
    # back to the records, and to the same text
    loaded = statediff.load_json(text)
    assert isinstance(loaded, Comparison) and statediff.render(loaded, "json") == text
    assert (loaded.pairs, loaded.summary, loaded.sections, loaded.digest, loaded.mode) == \
        (result.pairs, result.summary, result.sections, result.digest, result.mode)
    for got, doc in ((loaded.left, result.left), (loaded.right, result.right)):
        assert _carried(got) == _carried(doc)


def _carried(doc: Document) -> Document:
    """What a report carries of a document: not its source, dropped spans, clause blocks, part spans."""
    return replace(doc, source="", dropped=(), clauses=tuple(replace(c, block=0) for c in doc.clauses),
                   parts=tuple(replace(p, span=(0, 0)) for p in doc.parts))


@given(statements(), statements())
@SLOW
def test_json_round_trips_on_generated_statements(a: str, b: str) -> None:
    _check_round_trip(statediff.compare(statediff.parse(a), statediff.parse(b)))


@pytest.mark.parametrize("pair", SERIES_PAIRS[:6], ids=lambda p: f"{p[0].parent.name}/{p[0].stem}")
def test_json_round_trips_on_real_pairs(pair: tuple[Path, Path]) -> None:
    _check_round_trip(statediff.compare(statediff.read(pair[0]), statediff.read(pair[1])))


def test_json_round_trips_for_clauses_and_series() -> None:
    docs = sorted(JF.glob("*.txt"))[:4]
    for path in docs:
        doc = statediff.read(path)
        text = statediff.render(doc, "json")
        loaded = statediff.load_json(text)
        assert statediff.render(loaded, "json") == text and loaded == _carried(doc)
    series = statediff.track(docs)
    text = statediff.render(series, "json")
    loaded = statediff.load_json(text)
    assert isinstance(loaded, Series) and statediff.render(loaded, "json") == text
    assert statediff.render(loaded, "text", all=True) == statediff.render(series, "text", all=True)
    # a revision's clause indexes are not in the report; everything else of a lineage is
    assert loaded.lineages == tuple(replace(lin, history=tuple(replace(r, index=()) for r in lin.history))
                                    for lin in series.lineages)
    assert [d.name for d in loaded.documents] == [d.name for d in series.documents]


def test_json_round_trips_through_files_and_dicts(tmp_path) -> None:
    c = statediff.compare(statediff.parse("(1) We agreed.", name="a"), statediff.parse("(1) We disagreed.", name="b"))
    text = statediff.render(c, "json")
    path = tmp_path / "report.json"
    path.write_text(text, encoding="utf-8")
    with open(path, encoding="utf-8") as fh:
        from_file = statediff.load_json(fh)
    assert statediff.load_json(path) == from_file == statediff.load_json(json.loads(text)) \
        == statediff.load_json(text.encode())


@pytest.mark.parametrize("text,message", [
    ("{not json", "<json>: not JSON (Expecting property name enclosed in double quotes at line 1, column 2)"),
    ("[1, 2]", "<json>: not a statediff JSON report (no 'schema' key; statediff reads statediff.comparison/1, "),
    ('{"schema": "statediff.comparison/9"}', "not a statediff JSON report (schema 'statediff.comparison/9'; "),
    ('{"schema": "statediff.clauses/1", "name": "x", "clauses": [{"number": "1", "text": "t", "span": [0]}]}',
     "<json>: not a statediff.clauses/1 report: clauses[0]: 'span' is not two offsets"),
    ('{"schema": "statediff.clauses/1", "name": 3, "clauses": []}',
     "<json>: not a statediff.clauses/1 report: 'name' is not a string"),
    ('{"schema": "statediff.series/1", "documents": [], "lineages": [{"id": "L1", "history": '
     '[{"document": "nowhere", "status": "added", "numbers": [], "text": "", "edits": [], "labels": []}]}]}',
     "lineages[0].history[0]: 'document' names no document of the series ('nowhere')"),
    ('{"schema": "statediff.series/1", "documents": [{"name": "a", "clauses": -3}], "lineages": []}',
     "documents[0]: 'clauses' is not a count of clauses"),
    ("[" * 100_000, "<json>: not a statediff JSON report (nested too deeply)"),
])
def test_bad_json_is_one_clear_read_error(text: str, message: str) -> None:
    with pytest.raises(statediff.ReadError) as info:
        statediff.load_json(text)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_a_report_of_a_comparison_names_the_clauses_it_has(tmp_path) -> None:
    c = statediff.compare(statediff.parse("(1) We agreed."), statediff.parse("(1) We disagreed."))
    data = json.loads(statediff.render(c, "json"))
    data["pairs"][0]["left"] = ["9"]
    with pytest.raises(statediff.ReadError, match=r"pairs\[0\]: <text> has no clause '9'"):
        statediff.load_json(data)
    with pytest.raises(statediff.ReadError, match="missing.json: cannot be read"):
        statediff.load_json(tmp_path / "missing.json")
    data = json.loads(statediff.render(c, "json"))
    data["left"]["clauses"].append(dict(data["left"]["clauses"][0]))
    with pytest.raises(statediff.ReadError, match="numbers two clauses alike"):
        statediff.load_json(data)
    bad = tmp_path / "latin1.json"
    bad.write_bytes(b'{"schema": "caf\xe9"}')
    with open(bad, encoding="utf-8") as fh, pytest.raises(statediff.ReadError, match="not UTF-8 text"):
        statediff.load_json(fh)
