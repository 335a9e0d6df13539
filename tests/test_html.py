"""The HTML report as a tree: structure, anchors, counts, the CSP and the escaping of hostile text.

Browser behaviour (view switch, filter, keyboard, no requests) is in test_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

import statediff
from statediff.cli import main
from statediff.model import Clause, Comparison, Document, Edit, Pair
from statediff.renderers.html import content_security_policy, report_script
from statediff.sections import display_order, headings_of_pairs

from .conftest import CORPORA, SEEDS

HOSTILE = (
    "(1) The Ministers agreed <script>alert('x')</script> on cooperation.\n"
    "(2) See <img src=x onerror=\"alert(1)\"> and <a href=\"javascript:alert(2)\">this link</a>.\n"
    "(3) Closing </div></main><style>body{display:none}</style> & \"quotes\" 'too'.\n")


def moved_comparison() -> Comparison:
    """Real clauses of the 2022 MOFA readout; in the earlier text one of them stood second."""
    final = [c.text for c in statediff.read(SEEDS["mofa-2022"]).clauses[7:15]]
    draft = final[:1] + [final[5].replace("The four Ministers", "The Ministers")] + final[1:5] + final[6:]
    return statediff.compare(statediff.parse("\n\n".join(draft), name="2022-01-19-draft.txt"),
                             statediff.parse("\n\n".join(final), name="2022-01-20-final.txt"))


@pytest.fixture(scope="module")
def seed() -> Comparison:
    return statediff.compare(statediff.read(SEEDS["teleconference-2021"]), statediff.read(SEEDS["mofa-2022"]))


@pytest.fixture(scope="module")
def seed_tree(seed: Comparison):
    return lxml_html.document_fromstring(statediff.render(seed, "html"))


def _rows(tree):
    return tree.xpath("//article[contains(concat(' ', @class, ' '), ' sd-pair ')]")


def _pairs(tree):
    return [r for r in _rows(tree) if "sd-ghost" not in r.get("class")]


def _ghosts(tree):
    return [r for r in _rows(tree) if "sd-ghost" in r.get("class")]


def _cls(el, name):
    return el.xpath(f".//*[contains(concat(' ', @class, ' '), ' {name} ')]")


def test_page_is_one_document_with_sensible_headings(seed_tree) -> None:
    assert seed_tree.tag == "html" and seed_tree.get("lang") == "en"
    assert len(seed_tree.xpath("//h1")) == 1
    assert seed_tree.xpath("//h1")[0].text_content() == "15 January 2021\u2192 compared with 20 January 2022"
    h2 = [h.text_content() for h in seed_tree.xpath("//h2")]
    assert h2 == ["Before", "After", "What matters most", "Summary", "Clauses"]
    # Section headings of the later document, in its order, each once.
    h3 = [h.text_content() for h in seed_tree.xpath("//h3")]
    sections = [cl.section for cl in statediff.read(SEEDS["mofa-2022"]).clauses if cl.section]
    assert h3 == [x for k, x in enumerate(sections) if k == 0 or sections[k - 1] != x]
    assert "Regional affairs" in h3
    assert len(seed_tree.xpath("//main")) == 1


def test_header_names_both_documents(seed: Comparison, seed_tree) -> None:
    left, right = seed_tree.xpath("//section[contains(@class, 'sd-doc ')]")
    assert "Japan-France Defense Ministers\u2019 Teleconference" in left.text_content()
    assert seed.left.name in left.text_content() and seed.right.name in right.text_content()
    assert left.xpath(".//time/@datetime") == ["2021-01-15"]
    assert right.xpath(".//time/@datetime") == ["2022-01-20"]
    assert f"Clauses{len(seed.right.clauses)}" in re.sub(r"\s", "", right.text_content())


def test_counts_by_status_and_label(seed: Comparison, seed_tree) -> None:
    tiles = {li.get("class").split()[-1].removeprefix("sd-count-"): int(_cls(li, "sd-count-n")[0].text)
             for li in _cls(seed_tree, "sd-count")}
    assert tiles == {k: seed.summary[k] for k in ("changed", "added", "dropped", "moved", "unchanged")}
    assert tiles["added"] > 0 and tiles["dropped"] > 0
    chips = {el.get("data-label"): int(_cls(el, "sd-label-n")[0].text)
             for el in seed_tree.xpath("//ul[contains(@class, 'sd-labels')]//button[@data-label]")}
    assert chips == dict(Counter(label for p in seed.pairs for label in p.labels))
    assert chips  # the seed comparison has labelled changes


def test_every_pair_is_a_row_in_order_with_texts(seed: Comparison, seed_tree) -> None:
    rows = _pairs(seed_tree)
    assert len(rows) == len(seed.pairs)
    order = display_order(seed, headings_of_pairs(seed))  # reading order, each section's rows together
    for row, p in zip(rows, [seed.pairs[k] for k in order]):
        assert row.get("data-status") == p.status
        assert (row.get("data-moved") is not None) == p.moved
        left, right = _cls(row, "sd-left"), _cls(row, "sd-right")
        if p.left:
            assert _cls(left[0], "sd-text")[0].text_content() == p.left_text
        else:
            assert "sd-absent" in row.xpath("./div")[1].get("class")
        if p.right:
            assert _cls(right[0], "sd-text")[0].text_content() == p.right_text
        inline = _cls(row, "sd-inline")[0]
        assert inline.get("hidden") is not None  # shown by CSS only in the inline view
        text = _cls(inline, "sd-text")[0]
        kept = "".join(t for t in text.xpath(".//text()[not(ancestor::ins)]"))
        assert kept == p.left_text  # inline minus insertions is the earlier text


def test_every_clause_has_exactly_one_anchor_and_its_number(seed: Comparison, seed_tree) -> None:
    ids = Counter(seed_tree.xpath("//@id"))
    assert all(n == 1 for n in ids.values()), [k for k, n in ids.items() if n > 1]
    assert [h for h in seed_tree.xpath("//a/@href") if h[1:] not in ids] == []  # no link leads nowhere
    for side, doc in (("left", seed.left), ("right", seed.right)):
        for clause in doc.clauses:
            anchor = f"{side}-{clause.number}"
            assert ids[anchor] == 1, anchor
            links = seed_tree.xpath(f"//a[@href='#{anchor}']")
            assert any(a.text_content() == clause.number for a in links) or side == "left"


def test_moved_clause_links_to_its_old_place_and_back() -> None:
    c = moved_comparison()
    tree = lxml_html.document_fromstring(statediff.render(c, "html"))
    moved = [p for p in c.pairs if p.moved]
    ghosts = _ghosts(tree)
    assert len(ghosts) == len(moved) == 1
    p, ghost = moved[0], ghosts[0]
    assert p.status == "changed" and p.left == ("p2",) and p.right == ("p6",)
    row = next(r for r in _pairs(tree) if r.get("data-moved") is not None)
    (to_old,) = row.xpath(".//a[contains(@class, 'sd-moved-link')]/@href")
    assert to_old == "#left-p2"
    assert ghost.xpath(".//*[@id=$i]", i=to_old[1:])  # the old position carries the left anchor
    (to_new,) = ghost.xpath(".//a[contains(@class, 'sd-moved-link')]/@href")
    assert row.xpath(".//*[@id=$i]", i=to_new[1:])
    assert _cls(ghost, "sd-text")[0].text_content() == p.left_text
    assert _cls(ghost, "sd-absent-note")[0].text == "Now p6, further down"
    # p2 stood right after p1 in the earlier text: the placeholder sits there, the pair at its new place.
    rows = _rows(tree)
    k = rows.index(ghost)
    assert rows[k - 1].xpath(".//@id") == ["left-p1", "right-p1"]
    assert rows.index(row) == k + 5
    assert "\u2193" in ghost.xpath(".//a")[0].text and "\u2191" in row.xpath(".//a[contains(@class, 'sd-moved-link')]")[0].text
    assert ghost.get("data-change") is None  # n / p visit the moved pair, not its placeholder
    assert row.get("data-change") is not None


def test_moved_pair_without_clause_indexes_keeps_its_anchors() -> None:
    # Records built by hand (or by an older version) may lack the clause indexes that place the
    # placeholder: then the pair keeps both anchors and links to nothing that does not exist.
    c = moved_comparison()
    pairs = tuple(Pair(p.status, p.left, p.right, p.score, p.moved, p.left_text, p.right_text, p.edits, p.labels)
                  for p in c.pairs)
    tree = lxml_html.document_fromstring(statediff.render(Comparison(c.left, c.right, pairs, c.summary), "html"))
    assert not _ghosts(tree)
    ids = set(tree.xpath("//@id"))
    assert {f"left-{cl.number}" for cl in c.left.clauses} <= ids
    assert all(h[1:] in ids for h in tree.xpath("//a/@href"))


def test_changes_are_marked_for_navigation(seed: Comparison, seed_tree) -> None:
    marked = [r.get("data-status") for r in _pairs(seed_tree) if r.get("data-change") is not None]
    assert len(marked) == sum(1 for p in seed.pairs if p.status != "unchanged" or p.moved)
    assert all(r.get("tabindex") == "-1" for r in _pairs(seed_tree))


def test_absent_side_is_named_by_date_only_when_dates_differ(seed_tree) -> None:
    notes = {el.text for el in seed_tree.xpath("//span[@class='sd-absent-note']")}
    assert notes == {"Not in 15 Jan 2021", "Not in 20 Jan 2022"}
    # The AP report and the MOFA readout tell the same meeting: same date, so say which side.
    c = statediff.compare(statediff.read(SEEDS["ap-2022"]), statediff.read(SEEDS["mofa-2022"]))
    tree = lxml_html.document_fromstring(statediff.render(c, "html"))
    notes = {el.text for el in tree.xpath("//span[@class='sd-absent-note']")}
    assert notes == {"Not in the earlier document", "Not in the later document"}


def test_unchanged_rows_are_not_changes() -> None:
    left = statediff.read(CORPORA / "fomc-implementation-notes-2015-2016" / "2015-12-16.txt")
    right = statediff.read(CORPORA / "fomc-implementation-notes-2015-2016" / "2016-01-27.txt")
    c = statediff.compare(left, right)
    tree = lxml_html.document_fromstring(statediff.render(c, "html"))
    unchanged = [r for r in _pairs(tree) if r.get("data-status") == "unchanged"]
    assert len(unchanged) == c.summary["unchanged"] > 0
    assert all(r.get("data-change") is None and "sd-pair-unchanged" in r.get("class") for r in unchanged)
    assert not _cls(unchanged[0], "sd-text")[0].xpath(".//del|.//ins")


def test_csp_allows_exactly_the_page_script(seed_tree) -> None:
    (meta,) = seed_tree.xpath("//meta[@http-equiv='Content-Security-Policy']")
    policy = dict(d.strip().split(" ", 1) for d in meta.get("content").split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["base-uri"] == "'none'" and policy["form-action"] == "'none'"
    (script,) = seed_tree.xpath("//script")
    assert script.get("src") is None
    digest = base64.b64encode(hashlib.sha256(script.text.encode("utf-8")).digest()).decode()
    assert policy["script-src"] == f"'sha256-{digest}'"
    assert script.text == report_script()
    assert "unsafe" not in policy["script-src"]
    # Nothing is loaded from anywhere: no src, no stylesheet link, no URL in the CSS.
    assert not seed_tree.xpath("//*[@src] | //link")
    assert "url(" not in "".join(seed_tree.xpath("//style/text()"))
    assert all(h.startswith("#") for h in seed_tree.xpath("//a/@href"))


def test_csp_without_scripts_runs_none() -> None:
    assert "script-src 'none'" in content_security_policy()


def _hostile() -> Comparison:
    left = statediff.parse(HOSTILE, name="2020-01-01-<script>alert(3)</script>.txt")
    right = statediff.parse(HOSTILE.replace("agreed", "decided") + "(4) <b onmouseover=alert(4)>bold</b>\n",
                            name="2021-01-01-\" onload=\"alert(5).txt")
    return statediff.compare(left, right)


@pytest.mark.parametrize("fragment", [False, True])
def test_hostile_text_is_inert_text(fragment: bool) -> None:
    c = _hostile()
    out = statediff.render(c, "html", fragment=fragment)
    tree = lxml_html.fromstring(out) if fragment else lxml_html.document_fromstring(out)
    assert len(tree.xpath("//script")) == (0 if fragment else 1)
    assert len(tree.xpath("//style")) == 1
    assert not tree.xpath("//img | //b | //iframe | //object")
    assert not [a for el in tree.iter() for a in el.attrib if a.startswith("on")]
    assert not [h for h in tree.xpath("//@href | //@src") if "javascript" in h.lower()]
    text = tree.text_content()
    for needle in ("<script>alert('x')</script>", "<img src=x onerror=\"alert(1)\">",
                   "<a href=\"javascript:alert(2)\">", "</div></main><style>body{display:none}</style>",
                   "<b onmouseover=alert(4)>bold</b>"):
        assert needle in text, needle
    # The hostile file names are text too, in the header and (for the page) in the title.
    assert "<script>alert(3)</script>" in text
    assert "\" onload=\"alert(5).txt" in text
    if not fragment:
        assert "<script>alert(3)</script>" in tree.xpath("//title")[0].text
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in out


_ugly = st.lists(st.sampled_from(list("ab <>&\"'/=;:-\u00a0\u2028") + ["<script>", "</p>", "onerror=", "javascript:",
                                                                     "&amp;", "]]>", "<!--"]),
                 max_size=12).map("".join)


@settings(max_examples=60, deadline=None)
@given(left=_ugly, right=_ugly, label=_ugly, number=st.text(alphabet="1234567890().ab<>\"", min_size=1, max_size=6))
def test_any_text_round_trips_as_text(left: str, right: str, label: str, number: str) -> None:
    edits = (Edit("equal", "x ", "x "), Edit("replace", left, right))
    pair = Pair("changed", (number,), (number,), 0.5, False, "x " + left, "x " + right, edits, (label,),
                (0,), (0,))
    doc_l = Document(name=left or "l", source="", clauses=(Clause(number, "x " + left, (0, 0)),))
    doc_r = Document(name=right or "r", source="", clauses=(Clause(number, "x " + right, (0, 0)),))
    c = Comparison(doc_l, doc_r, (pair,), {"changed": 1, "added": 0, "dropped": 0, "unchanged": 0, "moved": 0})
    tree = lxml_html.document_fromstring(statediff.render(c, "html"))
    (row,) = _pairs(tree)
    assert _cls(_cls(row, "sd-left")[0], "sd-text")[0].text_content() == "x " + left
    assert _cls(_cls(row, "sd-right")[0], "sd-text")[0].text_content() == "x " + right
    assert {el.tag for el in _cls(row, "sd-text")[0].iter()} <= {"p", "del", "ins"}
    assert [el.text for el in tree.xpath("//ul[contains(@class, 'sd-pair-labels')]/li")] == [label or None]
    assert len(tree.xpath("//script")) == 1


def test_control_characters_and_lone_surrogates_show_as_symbols() -> None:
    # lxml refuses them; a statement decoded with errors="surrogateescape" or carrying terminal
    # escapes must still render, and show where the odd characters were.
    left = statediff.parse("(1) We agreed to \x1b[31mmeet\x00 now.\n(2) Fine\udcff.", name="a\x07.txt")
    right = statediff.parse("(1) We agreed to meet now.\n(2) Fine.", name="b.txt")
    for fragment in (False, True):
        out = statediff.render(statediff.compare(left, right), "html", fragment=fragment)
        text = lxml_html.fromstring(out).text_content()
        assert "\u241b[31mmeet\u2400" in text and "Fine\ufffd." in text
        assert ("a\u2407.txt" in text) and "\x1b" not in out and "\x00" not in out


def test_any_label_is_shown_and_counted() -> None:
    c = statediff.compare(statediff.parse("(1) We agreed to meet."), statediff.parse("(1) We agreed to meet soon."))
    p = c.pairs[0]
    labelled = Comparison(c.left, c.right, (Pair(p.status, p.left, p.right, p.score, p.moved, p.left_text,
                                                 p.right_text, p.edits, ("stance: softened", "new-label")),),
                          c.summary)
    tree = lxml_html.document_fromstring(statediff.render(labelled, "html"))
    assert [li.text for li in tree.xpath("//article//li[@data-label]")] == ["stance: softened", "new-label"]
    assert {s.get("data-label") for s in tree.xpath("//ul[contains(@class, 'sd-labels')]//button[@data-label]")} == {
        "stance: softened", "new-label"}


def test_empty_documents_render() -> None:
    c = statediff.compare(statediff.parse("", name="a.txt"), statediff.parse("", name="b.txt"))
    tree = lxml_html.document_fromstring(statediff.render(c, "html"))
    assert not _rows(tree)
    assert "Neither document has any clauses." in tree.text_content()
    added = statediff.compare(statediff.parse("", name="a.txt"), statediff.parse("(1) We met.", name="b.txt"))
    tree = lxml_html.document_fromstring(statediff.render(added, "html"))
    assert [r.get("data-status") for r in _rows(tree)] == ["added"]


def test_jupyter_fragment_has_style_and_no_script(seed: Comparison) -> None:
    out = seed._repr_html_()
    assert out == statediff.render(seed, "html", fragment=True)
    frag = lxml_html.fromstring(out)
    assert frag.get("class") == "statediff-fragment"
    assert not frag.xpath("//script | //main | //meta")
    (style,) = frag.xpath("./style")
    # Every rule is scoped to the report, so that the notebook around it (and a series timeline shown
    # next to it, whose classes also start with "sd-") keeps its own look.
    css = re.sub(r"/\*.*?\*/", "", style.text, flags=re.S)
    selectors = [sel.strip() for m in re.finditer(r"([^{}]*)\{", css) if not m.group(1).strip().startswith("@")
                 for sel in m.group(1).split(",")]
    assert len(selectors) > 100
    scope = re.compile(r'^(\[data-jp-theme-light="(true|false)"\] |body\.vscode-(light|dark) )?\.statediff([ :.]|$)')
    assert [sel for sel in selectors if not scope.match(sel)] == []
    assert len(_pairs(frag)) == len(seed.pairs)
    # The view switch and filter are form controls that work through CSS alone; the buttons that
    # need the script stay hidden.
    assert frag.xpath("//input[@type='radio' and @value='inline']")
    assert frag.xpath("//input[@type='checkbox' and contains(@class, 'sd-only-changes')]")
    needing = frag.xpath("//*[@data-needs-script]")  # the navigation and the section filters
    assert needing and all(el.get("hidden") is not None for el in needing)
    assert frag.xpath("//*[@data-needs-script and contains(@class, 'sd-nav')]")


def test_render_is_deterministic(seed: Comparison) -> None:
    again = statediff.compare(statediff.read(SEEDS["teleconference-2021"]), statediff.read(SEEDS["mofa-2022"]))
    assert statediff.render(seed, "html") == statediff.render(again, "html")


def test_cli_writes_the_report(tmp_path) -> None:
    out = tmp_path / "report.html"
    code = main(["compare", str(SEEDS["teleconference-2021"]), str(SEEDS["mofa-2022"]), "--format", "html",
                 "-o", str(out)])
    assert code == 1
    tree = lxml_html.document_fromstring(out.read_text(encoding="utf-8"))
    assert len(_pairs(tree)) == len(statediff.compare(statediff.read(SEEDS["teleconference-2021"]),
                                                      statediff.read(SEEDS["mofa-2022"])).pairs)


def test_the_section_list_opens_on_a_chart_of_changes_per_section() -> None:
    from lxml import html as lhtml

    from .conftest import CORPORA

    series = CORPORA / "us-eu-trade-and-technology-council-joint-statements"
    c = statediff.compare(statediff.read(series / "2023-05-31.txt"), statediff.read(series / "2024-04-05.txt"))
    tree = lhtml.fromstring(statediff.render(c, "html"))
    chart = tree.xpath("//details[@class='sd-sections']/figure/svg")[0]
    rows = chart.xpath("./a")
    assert len(rows) == len(tree.xpath("//details[@class='sd-sections']//li")) - sum(
        1 for li in tree.xpath("//details[@class='sd-sections']//li") if "\u00b7" not in li.text_content())
    first = rows[0]
    assert first.get("href") == "#right-I.p1.1" and first.xpath("string(./title)").startswith("Introduction: ")
    # bar widths are proportional to the counts: the longest row is the full width
    totals = [int(r.xpath("string(./text[@class='sd-chart-n'])")) for r in rows]
    widths = [sum(float(x.get("width")) for x in r.xpath("./rect")) for r in rows]
    assert max(widths) == pytest.approx(280, abs=1.5) and widths[totals.index(max(totals))] == max(widths)
    assert chart.get("role") == "img" and chart.get("aria-label").startswith("Changes per section: Introduction:")


def _aukus_2022_2023() -> Comparison:
    folder = CORPORA / "aukus-leaders-statements"
    return statediff.compare(statediff.read(folder / "2022-09-23.txt"), statediff.read(folder / "2023-03-13.txt"))


def test_a_report_without_headings_is_outlined_by_its_paragraphs() -> None:
    """The AUKUS statements have no headings: the outline lists the paragraph groups the report is
    read in, each with its tally, a link to its first clause and a filter that the rows name."""
    c = _aukus_2022_2023()
    assert all(not s.title for sp in c.sections for s in (*sp.left, *sp.right))
    tree = lxml_html.fromstring(statediff.render(c, "html"))
    outline = tree.find(".//details[@class='sd-sections']")
    headings = [h.text for h in tree.iterfind(".//h3[@class='sd-section']")]
    entries = outline.findall(".//li")
    assert outline.findtext("summary") == "Outline: 9 paragraphs" and len(headings) == len(entries) == 9
    assert [li.find("a").text for li in entries] == headings
    assert outline.findtext(".//figcaption") == "Changes per paragraph"
    ids = {el.get("id") for el in tree.iter() if el.get("id")}
    assert all(li.find("a").get("href")[1:] in ids for li in entries)
    # each entry's filter names the rows under its heading, and its tally counts them
    under: dict[str, list] = {}
    heading = None
    for el in tree.find(".//*[@id='sd-clauses']").iter("h3", "article"):
        if el.tag == "h3":
            heading = el.text
        elif el.get("data-section") is not None:
            under.setdefault(heading, []).append(el)
    for li in entries:
        index = li.find("button").get("data-filter-section")
        rows = under[li.find("a").text]
        assert {row.get("data-section") for row in rows} == {index}
        statuses = Counter(row.get("data-status") for row in rows)
        tally = li.findtext("span[@class='sd-sec-n']") or ""
        for status in ("changed", "added", "dropped"):
            assert (f"{statuses[status]} {status}" in tally) == bool(statuses[status]), (tally, statuses)
    # documents with headings keep their section pairing
    headed = statediff.compare(statediff.read(SEEDS["consultations-2021"]), statediff.read(SEEDS["mofa-2022"]))
    assert lxml_html.fromstring(statediff.render(headed, "html")).findtext(
        ".//details[@class='sd-sections']/summary").startswith("Sections: ")


def test_a_later_document_without_headings_is_outlined_by_its_groups_whatever_the_earlier_has() -> None:
    """The rows are read under the later document's groups, so the outline follows them, even where
    the earlier document has headings (the 2017 newsletter against the 2021 teleconference)."""
    c = statediff.compare(statediff.read(SEEDS["jdf-2017"]), statediff.read(SEEDS["teleconference-2021"]))
    assert any(cl.section for cl in c.left.clauses) and not any(cl.section for cl in c.right.clauses)
    tree = lxml_html.fromstring(statediff.render(c, "html"))
    outline = tree.find(".//details[@class='sd-sections']")
    entries = outline.findall(".//li")
    headings = [h.text for h in tree.iterfind(".//h3[@class='sd-section']")]
    assert outline.findtext("summary").startswith("Outline: ") and [li.find("a").text for li in entries] == headings
    assert entries[0].find("button").get("title").startswith("Show only the group \u201c\u00b6 1: On January 15, 2021")
    indexes = {li.find("button").get("data-filter-section") for li in entries}
    assert {a.get("data-section") for a in tree.iterfind(".//article") if a.get("data-section")} <= indexes


def test_a_filtered_report_links_only_to_what_it_shows(tmp_path) -> None:
    series = CORPORA / "us-eu-trade-and-technology-council-joint-statements"
    out = tmp_path / "only.html"
    main(["compare", str(series / "2023-05-31.txt"), str(series / "2024-04-05.txt"), "--only", "modality-change",
          "-f", "html", "-o", str(out)])
    tree = lxml_html.parse(str(out)).getroot()
    ids = set(tree.xpath("//@id"))
    assert [h for h in tree.xpath("//a/@href") if h.startswith("#") and h[1:] not in ids] == []
    # the digest still names every item; those the filter hides are named, not linked
    unlinked = tree.xpath("//*[contains(@class, 'sd-unlinked')]")
    assert unlinked and all(el.tag == "span" and el.get("title") == "not shown in this report" for el in unlinked)
