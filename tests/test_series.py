"""Series: each clause's history through documents in date order (statediff.track, statediff track)."""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import sys
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

import statediff
from statediff.cli import main
from statediff.errors import StatediffError
from statediff.model import Series
from statediff.renderers import timeline

from .conftest import CORPORA, SEEDS
from .test_golden import with_markers

# The seeds as a series: the 2017 Third 2+2 (one part of the JDF article), the 2021 teleconference
# and consultations, the 2022 MOFA readout of the Sixth 2+2.
SEED_SERIES = [(SEEDS["jdf-2017"], "2+2"), SEEDS["teleconference-2021"], SEEDS["consultations-2021"],
               SEEDS["mofa-2022"]]
SEED_ARGS = [f"{SEEDS['jdf-2017']}#2+2", str(SEEDS["teleconference-2021"]), str(SEEDS["consultations-2021"]),
             str(SEEDS["mofa-2022"])]
SERIES_DIRS = sorted(p for p in CORPORA.iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def seed_series() -> Series:
    return statediff.track(SEED_SERIES)


@pytest.fixture(scope="module")
def corpus_series() -> dict[str, Series]:
    return {d.name: statediff.track(sorted(d.glob("*.txt"))) for d in SERIES_DIRS}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def entry_in(series: Series, lineage, name_part: str):
    """The lineage's history entry in the document whose name contains ``name_part``."""
    for r in lineage.history:
        if name_part in series.documents[r.document].name:
            return r
    return None


def lineage_with(series: Series, phrase: str):
    found = [lin for lin in series.lineages if any(phrase in r.text for r in lin.history)]
    assert len(found) == 1, (phrase, [lin.id for lin in found])
    return found[0]


# --- the seeds: the acceptance cases --------------------------------------------------------


def test_seeds_are_in_date_order(seed_series: Series) -> None:
    assert [d.date for d in seed_series.documents] == ["2017-01-06", "2021-01-15", "2021-10-19", "2022-01-20"]
    assert seed_series.documents[0].part.endswith("(\u201c2+2\u201d)")


def test_status_quo_coercion_becomes_force(seed_series: Series) -> None:
    lin = lineage_with(seed_series, "status quo by coercion")
    tele = entry_in(seed_series, lin, "teleconference")
    mofa = entry_in(seed_series, lin, "mofa")
    assert "by coercion" in tele.text and "by force" in mofa.text
    # the 2022 wording is compared with the 2021 one: the change shows as words removed and added
    assert any("coercion" in e.left for e in mofa.edits if e.op != "equal")
    assert any("force" in e.right for e in mofa.edits if e.op != "equal")
    assert mofa.status in ("changed", "revived")


def test_status_quo_grep(seed_series: Series) -> None:
    found = statediff.track(SEED_SERIES, grep="STATUS QUO")
    assert [lin.id for lin in found.lineages] == [lineage_with(seed_series, "status quo by coercion").id]
    assert found.grep == "STATUS QUO"


def test_north_korea_commitment_is_one_lineage(seed_series: Series) -> None:
    lin = lineage_with(seed_series, "irreversible dismantlement of all of North Korea")
    cvid_2022 = entry_in(seed_series, lin, "mofa")
    assert cvid_2022 is not None and "in a complete, verifiable, and irreversible manner" in cvid_2022.text
    # every meeting whose clauses speak of North Korea's missile programmes holds the lineage
    for k, doc in enumerate(seed_series.documents):
        if any("North Korea" in c.text and "ballistic" in c.text for c in doc.clauses):
            assert any(r.document == k and r.text for r in lin.history), doc.name


def test_cli_grep_status_quo(capsys) -> None:
    code, out, err = run(capsys, "track", *SEED_ARGS, "--grep", "status quo")
    assert code == 1 and err == ""
    assert re.search(r"status quo by \[-[^\]]*coercion", out) and re.search(r"\{\+[^}]*force", out)
    assert out.count("\nL") == 1  # one lineage


# --- invariants on every real series ----------------------------------------------------------


def check_invariants(series: Series) -> None:
    docs = series.documents
    dates = [d.date for d in docs]
    assert dates == sorted(dates)
    seen: dict[int, list[int]] = {k: [] for k in range(len(docs))}
    for lin in series.lineages:
        assert lin.history[0].status == "added"
        positions = [r.document for r in lin.history]
        assert positions == sorted(set(positions)), lin.id  # one entry per document, in order
        alive = True
        for r in lin.history[1:]:
            if not alive:
                assert r.status == "revived", lin.id  # after a gap only a revival
            alive = r.status not in ("dropped", "merged")
            if r.status == "merged":
                assert r is lin.history[-1] and r.into
        for r in lin.history:
            if r.status in ("dropped", "merged"):
                assert r.text == "" and not r.numbers
                continue
            seen[r.document].extend(r.index)
            assert r.text == " ".join(docs[r.document].clauses[i].text for i in r.index)
            assert "".join(e.right for e in r.edits) == r.text  # the edits rebuild the wording
            if r.status != "added":
                base = next(x for x in lin.history if x.document == r.base)
                assert "".join(e.left for e in r.edits) == base.text  # ... from the wording compared
            assert 0.0 <= r.score <= 1.0
    for k, idx in seen.items():
        assert sorted(idx) == list(range(len(docs[k].clauses))), docs[k].name  # every clause exactly once
    firsts = [(lin.first_seen, min(lin.history[0].index)) for lin in series.lineages]
    assert firsts == sorted(firsts)
    assert [lin.id for lin in series.lineages] == [f"L{n}" for n in range(1, len(series.lineages) + 1)]


def test_invariants_on_the_seeds(seed_series: Series) -> None:
    check_invariants(seed_series)


@pytest.mark.parametrize("name", [d.name for d in SERIES_DIRS])
def test_invariants_on_every_corpus(corpus_series: dict[str, Series], name: str) -> None:
    check_invariants(corpus_series[name])


def test_fomc_interest_on_reserves(corpus_series: dict[str, Series]) -> None:
    s = corpus_series["fomc-implementation-notes-2015-2016"]
    lin = lineage_with(s, "voted unanimously to raise the interest rate paid on required and excess reserve")
    assert [r.status for r in lin.history] == ["added", "changed"] + ["unchanged"] * 5
    assert "left unchanged" in lin.history[1].text
    # the December 2015 term RRP authorization goes after the first meeting of 2016
    rrp = [lin for lin in s.lineages if any("term reverse repurchase" in r.text for r in lin.history)]
    assert rrp and all(not any("term reverse repurchase" in r.text for r in lin.history[1:]) for lin in rrp)


def test_revival_after_a_gap_keeps_the_lineage() -> None:
    a = statediff.parse("(1) We oppose change by coercion.\n(2) We welcome the talks.", name="2021-01-15.txt")
    b = statediff.parse("(1) We welcome the talks.", name="2021-06-01.txt")
    c = statediff.parse("(1) We oppose change by force.\n(2) We welcome the talks.", name="2022-01-20.txt")
    s = statediff.track([c, b, a])
    coercion = lineage_with(s, "coercion")
    assert [(r.document, r.status) for r in coercion.history] == [(0, "added"), (1, "dropped"), (2, "revived")]
    assert coercion.revived == (2,) and coercion.dropped is None
    assert [e for e in coercion.history[2].edits if e.op != "equal"][0].right == "force"
    # when the gap is longer than the lookback, the 2022 clause starts a lineage of its own
    d = statediff.parse("(1) We welcome the talks.", name="2021-09-01.txt")
    gapped = statediff.track([a, b, d, c], lookback=1)
    assert len(gapped.lineages) == 3
    assert lineage_with(gapped, "coercion").dropped == 1


def test_order_keep_order_and_missing_dates(tmp_path) -> None:
    docs = [statediff.read(p) for p in (SEEDS["mofa-2022"], SEEDS["teleconference-2021"])]
    assert [d.date for d in statediff.track(docs).documents] == ["2021-01-15", "2022-01-20"]
    assert [d.date for d in statediff.track(docs, keep_order=True).documents] == ["2022-01-20", "2021-01-15"]
    undated = statediff.parse("(1) We agreed.", name="notes.txt")
    with pytest.raises(StatediffError, match="notes.txt: no date"):
        statediff.track([docs[0], undated])
    assert len(statediff.track([docs[0], undated], keep_order=True).documents) == 2


def test_repeated_names_are_told_apart() -> None:
    a = statediff.parse("(1) We agreed.", name="2021-01-15.txt")
    s = statediff.track([a, a])
    assert [d.name for d in s.documents] == ["2021-01-15.txt", "2021-01-15.txt (2)"]
    assert not s.changed


def test_grep_folds_quotes_and_case() -> None:
    a = statediff.parse("(1) We discussed China\u2019s posture.\n(2) We agreed.", name="2021-01-15.txt")
    b = statediff.parse("(1) We agreed.", name="2021-02-15.txt")
    s = statediff.track([a, b], grep="CHINA'S posture")
    assert [lin.history[0].text for lin in s.lineages] == ["We discussed China\u2019s posture."]
    assert statediff.track([a, b], grep="Tonga").lineages == ()


def test_empty_and_single_documents() -> None:
    empty = statediff.parse("", name="2021-01-01.txt")
    full = statediff.parse("(1) We agreed.", name="2021-02-01.txt")
    s = statediff.track([empty, full, statediff.parse("", name="2021-03-01.txt")])
    assert [[r.status for r in lin.history] for lin in s.lineages] == [["added", "dropped"]]
    assert s.changed
    assert statediff.track([]).lineages == ()
    assert not statediff.track([full]).changed


def test_any_executor_gives_the_same_series(seed_series: Series) -> None:
    with ThreadPoolExecutor(2) as pool:
        assert statediff.track(SEED_SERIES, executor=pool) == seed_series
    with ProcessPoolExecutor(2) as pool:
        assert statediff.track(SEED_SERIES, executor=pool) == seed_series


def test_progress_is_reported() -> None:
    calls: list[tuple[int, int]] = []
    statediff.track(SEED_SERIES, progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_shuffled_input_gives_the_same_series(seed_series: Series) -> None:
    items = list(SEED_SERIES)
    random.Random(3).shuffle(items)
    assert statediff.track(items) == seed_series


# --- outputs ------------------------------------------------------------------------------------


def test_json_schema(seed_series: Series) -> None:
    data = json.loads(statediff.render(seed_series, "json"))
    assert data["schema"] == "statediff.series/1"
    names = [d["name"] for d in data["documents"]]
    assert [d["date"] for d in data["documents"]] == ["2017-01-06", "2021-01-15", "2021-10-19", "2022-01-20"]
    for lin in data["lineages"]:
        assert {"id", "first_seen", "dropped", "history"} <= lin.keys()
        assert lin["first_seen"] in names and (lin["dropped"] is None or lin["dropped"] in names)
        for h in lin["history"]:
            assert {"document", "number", "status", "text"} <= h.keys()
            assert h["document"] in names and isinstance(h["number"], str)
    assert len(data["lineages"]) == len(seed_series.lineages)


def test_text_output(seed_series: Series) -> None:
    out = statediff.render(seed_series, "text")
    assert out.startswith("4 documents, ")
    assert "[2] 2021-01-15-defence-ministers-teleconference.txt" in out
    everything = statediff.render(seed_series, "text", all=True)
    assert everything.count("\nL") == len(seed_series.lineages)


def test_html_timeline(seed_series: Series) -> None:
    from lxml import html

    page = statediff.render(seed_series, "html")
    tree = html.fromstring(page)
    assert len(tree.xpath("//thead/tr/th")) == 1 + len(seed_series.documents)
    rows = tree.xpath("//tbody/tr")
    assert len(rows) == len(seed_series.lineages)
    assert all(len(r.xpath("./td")) == len(seed_series.documents) for r in rows)
    script = tree.xpath("//script")[0].text
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert f"'sha256-{digest}'" in csp and "default-src 'none'" in csp
    assert not tree.xpath("//*[@src or @href]")  # nothing loaded from anywhere
    status_quo = tree.xpath(f"//tr[@id='lineage-{lineage_with(seed_series, 'status quo by coercion').id}']")[0]
    assert "coercion" in " ".join(status_quo.xpath(".//del/text()"))
    assert "force" in " ".join(status_quo.xpath(".//ins/text()"))
    fragment = statediff.render(seed_series, "html", fragment=True)
    assert "<script" not in fragment and 'class="sd-timeline"' in fragment


def test_the_timeline_charts_commitments_changed_added_and_dropped_at_each_meeting(corpus_series) -> None:
    from lxml import html

    from statediff.renderers.timeline_chart import meeting_counts

    series = corpus_series["fomc-implementation-notes-2015-2016"]
    counts = meeting_counts(series)
    assert len(counts) == len(series.documents) - 1
    # January 2016: the five commitments the FOMC reworded and the one it dropped (the term RRP resolution)
    assert counts[0] == {"changed": 5, "added": 0, "dropped": 1}
    tree = html.fromstring(statediff.render(series, "html"))
    svg = tree.xpath("//figure[@class='sd-chart-box']/*[local-name()='svg']")[0]
    assert svg.get("aria-label").startswith("Commitments changed, added and dropped at each meeting: "
                                            "2016-01-27: 5 changed, 0 added, 1 dropped; ")
    groups = svg.xpath("./*[local-name()='g']")
    assert len(groups) == len(counts)
    assert [g.xpath("./*[local-name()='title']/text()")[0].split(":")[0] for g in groups] == [
        d.date for d in series.documents[1:]]


def test_the_grep_phrase_is_marked_in_the_cells_as_the_filter_matched_it() -> None:
    a = statediff.parse("(1) We support the Indo-Pacific strategy.\n\n(2) We oppose coercion.", name="2021-01-01.txt")
    b = statediff.parse("(1) We support the Indo\u2011Pacific Strategy and its goals.\n\n(2) We oppose force.",
                        name="2022-01-01.txt")
    series = statediff.track([a, b], grep="indo-pacific strategy")
    from lxml import html

    tree = html.fromstring(statediff.render(series, "html"))
    # the second is found across the edit ("strategy" -> "Strategy and its goals"), marked on each side of it
    assert "".join(tree.xpath("//mark/text()")) == "Indo-Pacific strategy" + "Indo\u2011Pacific Strategy"
    assert not statediff.track([a, b]).grep and "<mark>" not in statediff.render(statediff.track([a, b]), "html")


def test_many_documents_take_the_compact_layout_each_change_with_its_context() -> None:
    from lxml import html

    from statediff.renderers.timeline import MANY

    words = "the partners will continue to cooperate closely on maritime security in the region".split()
    docs = []
    for k in range(MANY + 2):
        text = " ".join(words[:6] + [f"step{k}"] + words[6:])
        docs.append(statediff.parse(f"(1) {text.capitalize()}.", name=f"20{10 + k}-01-01.txt"))
    tree = html.fromstring(statediff.render(statediff.track(docs), "html"))
    assert "sd-many" in tree.xpath("//div[contains(@class, 'sd-timeline')]/@class")[0]
    hunks = tree.xpath("//div[contains(@class, 'sd-hunks')]")
    assert len(hunks) == MANY + 1
    assert hunks[0].text_content() == "\u2026 will continue to cooperate step0step1 closely on maritime security \u2026"
    few = html.fromstring(statediff.render(statediff.track(docs[:MANY]), "html"))
    assert not few.xpath("//div[contains(@class, 'sd-hunks')]")


def test_html_escapes_document_text() -> None:
    a = statediff.parse("(1) We agreed <script>alert(1)</script> & more.", name="2021-01-01.txt")
    b = statediff.parse("(1) We agreed <b>loudly</b> & more.", name="2021-02-01.txt")
    page = statediff.render(statediff.track([a, b]), "html")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)" in page
    assert "<b>loudly" not in page


def test_dataframes(seed_series: Series) -> None:
    pd = pytest.importorskip("pandas")
    frame = seed_series.to_dataframe()
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == sum(len(lin.history) for lin in seed_series.lineages)
    assert {"lineage", "document", "date", "status", "text"} <= set(frame.columns)
    comparison = statediff.compare(statediff.read(SEEDS["teleconference-2021"]), statediff.read(SEEDS["mofa-2022"]))
    pairs = comparison.to_dataframe()
    assert len(pairs) == len(comparison.pairs) and "labels" in pairs.columns


def test_dataframe_without_pandas(seed_series: Series, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="needs pandas"):
        seed_series.to_dataframe()


# --- the command --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_cli_output_file(tmp_path, capsys, fmt: str) -> None:
    target = tmp_path / f"timeline.{fmt}"
    code, out, err = run(capsys, "track", *SEED_ARGS, "--format", fmt, "-o", str(target), "--jobs", "2")
    assert code == 1 and out == "" and err == ""
    text = target.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text)["schema"] == "statediff.series/1"
    elif fmt == "html":
        assert text.startswith("<!DOCTYPE html>") and "sd-timeline" in text
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_cli_no_change_exit_0(tmp_path, capsys) -> None:
    for name in ("2021-01-01.txt", "2021-02-01.txt", "2021-03-01.txt"):
        (tmp_path / name).write_text("1. The Ministers welcomed the \u201cFree and Open Indo-Pacific\u201d.\n",
                                     encoding="utf-8")
    code, out, _ = run(capsys, "track", *sorted(str(p) for p in tmp_path.iterdir()))
    assert code == 0 and "No substantive change." in out


@pytest.mark.parametrize("args, message", [
    (["track", str(SEEDS["mofa-2022"]), "missing-2021-01-01.txt"], "missing-2021-01-01.txt: no such file"),
    (["track", f"{SEEDS['jdf-2017']}#nowhere", str(SEEDS["mofa-2022"])], "no part title contains 'nowhere'"),
    (["track", "-", "-"], "only one DOC can be standard input"),
])
def test_cli_trouble_exit_2(capsys, args: list[str], message: str) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith("statediff: ") and message in err and "Traceback" not in err


def test_cli_undated_documents_need_keep_order(tmp_path, capsys) -> None:
    a, b = tmp_path / "first.txt", tmp_path / "second.txt"
    a.write_text("1. We agreed.\n", encoding="utf-8")
    b.write_text("1. We agreed to talk.\n", encoding="utf-8")
    code, _, err = run(capsys, "track", str(a), str(b))
    assert code == 2 and "--keep-order" in err
    code, out, _ = run(capsys, "track", str(a), str(b), "--keep-order")
    assert code == 1 and "[1] first.txt" in out


def test_cli_one_document_is_a_usage_error(capsys) -> None:
    code, _, err = run(capsys, "track", str(SEEDS["mofa-2022"]))
    assert code == 2 and "at least two documents" in err


def test_cli_no_progress_bar_when_not_a_terminal(capsys) -> None:
    run(capsys, "track", *SEED_ARGS)
    _, err = capsys.readouterr()
    assert err == ""


def test_progress_bar_draws_and_wipes() -> None:
    import io

    from statediff.progress import ProgressBar, wanted

    stream = io.StringIO()
    bar = ProgressBar("track", stream=stream)
    bar.start -= 10  # as if the run had lasted a while
    bar(3, 6)
    bar.close()
    assert "3/6" in stream.getvalue() and stream.getvalue().endswith("\r\x1b[K")
    assert not wanted(io.StringIO(), io.StringIO())


def test_path_with_hash_that_exists(tmp_path, capsys) -> None:
    odd = tmp_path / "2021-01-01 notes#1.txt"
    odd.write_text("1. We agreed.\n", encoding="utf-8")
    other = tmp_path / "2021-02-01.txt"
    other.write_text("1. We agreed.\n", encoding="utf-8")
    code, out, err = run(capsys, "track", str(odd), str(other))
    assert code == 0 and err == "" and "notes#1.txt" in out


def test_module_does_not_need_the_api() -> None:
    source = (Path(statediff.__file__).parent / "series.py").read_text(encoding="utf-8")
    assert "from .api" not in source and "import api" not in source


@pytest.mark.browser
def test_timeline_filters_rows_in_a_browser(seed_series: Series) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("/usr/bin/chromium is absent")
    url = "http://timeline.statediff.invalid/timeline.html"
    page_html = statediff.render(seed_series, "html")
    requests: list[str] = []
    errors: list[str] = []

    def route(r) -> None:
        if r.request.url == url:
            r.fulfill(status=200, content_type="text/html; charset=utf-8", body=page_html)
        else:
            requests.append(r.request.url)
            r.abort()

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), headless=True,
                                    args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("console", lambda m: m.type == "error" and errors.append(m.text))
            page.route("**/*", route)
            page.goto(url)
            rows = page.locator("tbody tr")
            assert page.locator(".sd-filter").is_visible()  # the script ran (the CSP hash matches)
            n = len(seed_series.lineages)
            assert page.locator("output").inner_text() == f"{n} of {n} lineages"
            page.fill("input[type=search]", "STATUS quo")
            visible = [r for r in rows.all() if r.is_visible()]
            assert [r.get_attribute("id") for r in visible] == [
                "lineage-" + lineage_with(seed_series, "status quo by coercion").id]
            page.fill("input[type=search]", "")
            page.select_option("select", "revived")
            revived = sum(1 for lin in seed_series.lineages if lin.revived)
            assert sum(1 for r in rows.all() if r.is_visible()) == revived
        finally:
            browser.close()
    assert errors == [] and requests == []


def test_merges_and_splits(monkeypatch) -> None:
    """Neighbour links that group clauses: a merge ends the second lineage as ``merged``; a lineage
    whose clauses go to separate links continues in the first and the other splits off."""
    import statediff.series as series_module
    from statediff.model import Link

    docs = [statediff.parse("1. Alpha beta.\n2. Gamma delta.", name="2021-01-01.txt"),
            statediff.parse("1. Alpha beta gamma delta.", name="2021-02-01.txt"),
            statediff.parse("1. Alpha beta gamma.\n2. Delta epsilon.", name="2021-03-01.txt"),
            statediff.parse("1. Alpha beta gamma.\n2. Delta epsilon zeta.", name="2021-04-01.txt")]
    links = {2: [Link((0, 1), (0,), 0.7)],  # merge
             3: [Link((0,), (0, 1), 0.7)],  # one lineage now holds two clauses
             4: [Link((0,), (0,), 1.0), Link((1,), (1,), 0.8)]}  # ... which go separate ways

    def fake(left, right, threshold):
        month = int(next(d for d in docs if d.clauses == tuple(right)).name[5:7])
        return links[month]

    monkeypatch.setattr(series_module, "_align_pair", fake)
    s = statediff.track(docs)
    check_invariants(s)
    first, second, third = s.lineages
    assert [r.status for r in first.history] == ["added", "changed", "changed", "changed"]
    assert first.history[2].numbers == ("1", "2")
    # the part that split off shows as deleted from the lineage it left
    assert [e.left for e in first.history[3].edits if e.op == "delete"] == [" Delta epsilon."]
    assert [(r.status, r.into) for r in second.history] == [("added", ""), ("merged", "L1")]
    assert second.dropped == 1
    assert third.split_from == "L1" and third.first_seen == 3 and third.history[0].text == "Delta epsilon zeta."


# --- golden outputs: fixtures/golden/series-*/series.json names the documents (paths under fixtures/,
# "PATH#PART" for a part); regenerate with ``python -m pytest tests/test_series.py --update-golden``.

GOLDEN_SERIES = sorted(p.parent.name for p in (CORPORA.parent / "golden").glob("series-*/series.json"))


@pytest.mark.parametrize("case", GOLDEN_SERIES)
@pytest.mark.parametrize("ext, fmt", [("txt", "text"), ("json", "json"), ("html", "html")])
def test_golden_series(case: str, ext: str, fmt: str, update_golden: bool) -> None:
    folder = CORPORA.parent / "golden" / case
    spec = json.loads((folder / "series.json").read_text(encoding="utf-8"))
    items = []
    for d in spec["documents"]:
        path, _, part = d.partition("#")
        items.append((CORPORA.parent / path, part) if part else CORPORA.parent / path)
    out = statediff.render(statediff.track(items), fmt)
    if fmt == "html":  # the timeline's stylesheets and script are stored as markers (tests/test_golden.py)
        out = with_markers(out, timeline.STYLES, timeline.SCRIPT_FILE)
    target = folder / f"expected.{ext}"
    if update_golden:
        target.write_text(out, encoding="utf-8")
    assert out == target.read_text(encoding="utf-8")


def test_golden_series_exist() -> None:
    assert GOLDEN_SERIES


def test_track_options_are_keyword_only() -> None:
    import inspect

    params = list(inspect.signature(statediff.track).parameters.values())
    assert params[0].name == "documents" and params[0].kind is params[0].POSITIONAL_OR_KEYWORD
    assert all(p.kind is p.KEYWORD_ONLY for p in params[1:])


def test_cli_standard_input(tmp_path, capsys, monkeypatch) -> None:
    import io

    later = tmp_path / "2022-01-20.txt"
    later.write_text("1. The Ministers oppose change by force.\n", encoding="utf-8")
    stdin = io.TextIOWrapper(io.BytesIO(b"1. The Ministers oppose change by coercion.\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, err = run(capsys, "track", "-", str(later), "--keep-order", "--jobs", "2")
    assert code == 1 and err == ""
    assert "[-coercion-]{+force+}" in out and "[1] <stdin>" in out


def test_same_bytes_whatever_the_hash_seed(tmp_path) -> None:
    import os
    import subprocess

    outputs = []
    for seed in ("1", "777"):
        target = tmp_path / f"series-{seed}.json"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-m", "statediff", "track", *SEED_ARGS, "-f", "json", "-o", str(target)],
                              env=env, capture_output=True, timeout=300)
        assert proc.returncode == 1, proc.stderr
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]


def test_timeline_shows_control_characters_instead_of_failing(tmp_path) -> None:
    import statediff

    a = statediff.parse("We agreed on \x1b[31m cooperation.", name="2020-01-01.txt")
    b = statediff.parse("We agreed on \x07 close cooperation.", name="2021-01-01.txt")
    html = statediff.render(statediff.track([a, b]), "html")
    assert "\u241b[31m cooperation" in html and "\u2407 close" in html
    assert "\x1b" not in html and "\x07" not in html


def test_track_reads_documents_with_the_given_lexicon(tmp_path, capsys) -> None:
    import json as _json

    import statediff
    from statediff.cli import main

    a = tmp_path / "2021-01-01.txt"
    b = tmp_path / "2022-01-01.txt"
    a.write_text("The Ministers vouched for the plan.\n", encoding="utf-8")
    b.write_text("The Ministers vouched for the new plan.\n", encoding="utf-8")
    lexicon = tmp_path / "lexicon.json"
    lexicon.write_text(_json.dumps({"verbs": {"support": ["vouched for"]}}), encoding="utf-8")
    plain = statediff.track([a, b])
    custom = statediff.track([a, b], lexicon=statediff.load_lexicon(lexicon))
    assert plain.documents[0].clauses[0].verb == ""
    assert custom.documents[0].clauses[0].verb == "vouched for"
    assert custom.documents[0].clauses[0].stance == "support"
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    code = main(["track", str(a), str(b), "--lexicon", str(broken)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("statediff: ") and err.count("\n") == 1
    assert main(["track", str(a), str(b), "--lexicon", str(lexicon), "--format", "json"]) == 1


def test_reading_options_travel_as_one_record(tmp_path) -> None:
    import pytest

    import statediff
    from statediff import series
    from statediff.options import ReadOptions

    a = tmp_path / "2021-01-01.md"
    b = tmp_path / "2022-01-01.md"
    a.write_text("# Title\n\n1. The Ministers agreed.\n", encoding="latin-1")
    b.write_text("# Title\n\n1. The Ministers agreed again.\n", encoding="latin-1")
    reading = ReadOptions(input_format="text", encoding="latin-1")
    by_record = statediff.track([a, b], reading=reading)
    by_keywords = statediff.track([a, b], input_format="text", encoding="latin-1")
    assert by_record == by_keywords and by_record.documents[0].format == "text"
    with pytest.warns(DeprecationWarning, match="reading=ReadOptions"):
        assert series.track([a, b], input_format="text", encoding="latin-1") == by_record
    with pytest.raises(statediff.StatediffError, match="either as reading="):
        statediff.track([a, b], reading=reading, encoding="utf-8")
    with pytest.raises(TypeError, match="'colour'"):
        series.track([a, b], colour=True)


def test_in_the_compact_layout_the_phrase_looked_for_is_shown_where_it_is() -> None:
    from lxml import html

    from statediff.renderers.timeline import MANY

    opening = "The partners will continue to cooperate closely on many shared priorities in the region, including"
    docs = [statediff.parse(f"(1) {opening} the interest rate paid on reserve balances, step {k}.",
                            name=f"20{10 + k}-01-01.txt") for k in range(MANY + 2)]
    tree = html.fromstring(statediff.render(statediff.track(docs, grep="interest rate"), "html"))
    first = tree.xpath("//tbody/tr[1]/td")[0]  # the first document's cell: how the clause opens
    assert "interest rate" not in first.xpath("string(./p | ./div[not(self::details)])")
    whole = first.xpath(".//details")[0]
    assert whole.get("open") is not None and whole.xpath("string(.//mark)") == "interest rate"


def test_two_documents_track_as_they_compare() -> None:
    # the predecessor's own wording of a clause the aligner dropped is not tried again by the walk
    for series, a, b in (("us-eu-summit-statements", "2021-06-15.txt", "2023-10-20.txt"),
                         ("us-eu-trade-and-technology-council-joint-statements", "2023-05-31.txt", "2024-04-05.txt")):
        left, right = CORPORA / series / a, CORPORA / series / b
        c = statediff.compare(statediff.read(left), statediff.read(right))
        t = statediff.track([left, right])
        links = sorted((p.left_index, p.right_index) for p in c.pairs if p.left_index and p.right_index)
        at = [{r.document: r for r in lin.history if r is not None} for lin in t.lineages]
        continued = sorted((h[0].index, h[1].index) for h in at if 0 in h and 1 in h and h[1].index)
        assert continued == links
