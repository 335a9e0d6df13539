"""The HTML report in a real browser: Debian's Chromium (/usr/bin/chromium) driven by Playwright.

The page is served from a made-up origin through Playwright's router; every other request the page
makes is recorded and refused, so a test can say that nothing left the page. Skipped, with the
reason, where Chromium or the playwright package is missing (CI installs both: see .ci/run).

``python -m tests.test_browser docs/screenshots`` saves the screenshots used in the docs.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

import statediff
from statediff.model import Comparison

from .conftest import CORPORA, SEEDS
from .test_html import moved_comparison

try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
ORIGIN = "http://report.statediff.invalid"
URL = ORIGIN + "/report.html"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(sync_playwright is None,
                       reason="the playwright Python package is not installed (pip install -e '.[test]')"),
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="/usr/bin/chromium is absent (apt-get install chromium; .ci/run does)"),
]

HOSTILE = (
    "(1) The Ministers agreed <script>window.pwned = 1; alert('script')</script> on cooperation.\n"
    "(2) See <img src=\"https://example.org/x.png\" onerror=\"window.pwned = 2; alert('img')\"> here.\n"
    "(3) Click <a href=\"javascript:window.pwned = 3\" id=\"evil\">this link</a> now.\n"
    "(4) Closing </p></article></main><style>body { display: none }</style> & <iframe src=\"//example.org\"></iframe>\n")


def _seed() -> Comparison:
    return statediff.compare(statediff.read(SEEDS["teleconference-2021"]), statediff.read(SEEDS["mofa-2022"]))


def _fomc() -> Comparison:
    series = CORPORA / "fomc-implementation-notes-2015-2016"
    return statediff.compare(statediff.read(series / "2015-12-16.txt"), statediff.read(series / "2016-01-27.txt"))


def _hostile() -> Comparison:
    left = statediff.parse(HOSTILE, name="2020-01-01-<img src=x onerror=alert(9)>.txt")
    right = statediff.parse(HOSTILE.replace("agreed", "decided") + "(5) <b onmouseover=\"alert(5)\">bold</b>\n",
                            name="2021-01-01-report.txt")
    return statediff.compare(left, right)


def _launch(p) -> Browser:
    return p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = _launch(p)
        yield b
        b.close()


class Served:
    """A page showing one HTML text, with every other request recorded and refused."""

    def __init__(self, browser: Browser, html: str, **context: object) -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        context.setdefault("viewport", {"width": 1280, "height": 900})
        self.context = browser.new_context(**context)
        self.context.route("**/*", self._route)
        self.page: Page = self.context.new_page()
        self.page.on("request", lambda r: r.url != URL and self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.html = html
        self.page.goto(URL)

    def _route(self, route) -> None:
        if route.request.url == URL:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=self.html)
        else:
            self.requests.append(route.request.url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def serve(browser: Browser) -> Iterator:
    opened: list[Served] = []

    def open_(html: str, **context: object) -> Served:
        s = Served(browser, html, **context)
        opened.append(s)
        return s

    yield open_
    for s in opened:
        s.close()


def _visible(page: Page, selector: str) -> int:
    return page.locator(selector).evaluate_all("els => els.filter(e => e.getClientRects().length > 0).length")


def _focused(page: Page) -> str | None:
    return page.evaluate("() => { const r = document.activeElement.closest('[data-change]');"
                         " return r ? r.getAttribute('aria-label') : null; }")


def test_view_switch_without_reload(serve) -> None:
    s = serve(statediff.render(_seed(), "html"))
    page = s.page
    c = _seed()
    rows = len(c.pairs) + sum(p.moved for p in c.pairs)  # and a placeholder where a moved clause stood
    assert _visible(page, ".sd-cell") == 2 * rows
    assert _visible(page, ".sd-inline") == 0
    assert page.locator(".sd-colheads").is_visible()
    page.evaluate("() => { window.marker = 'same page'; }")
    page.get_by_text("Inline", exact=True).click()
    assert _visible(page, ".sd-cell") == 0
    assert _visible(page, ".sd-inline") == rows
    assert not page.locator(".sd-colheads").is_visible()
    # One column: the inline text is as wide as the two cells were together.
    first = page.locator("article.sd-pair-changed .sd-inline del").first
    assert first.is_visible()
    assert page.evaluate("() => window.marker") == "same page"
    page.get_by_text("Side by side", exact=True).click()
    assert _visible(page, ".sd-cell") == 2 * rows and _visible(page, ".sd-inline") == 0
    assert s.requests == [] and s.dialogs == [] and s.errors == []


def test_changes_only_filter(serve) -> None:
    c = _fomc()
    unchanged = c.summary["unchanged"]
    assert unchanged > 0
    s = serve(statediff.render(c, "html"))
    page = s.page
    assert _visible(page, "article.sd-pair") == len(c.pairs)
    page.get_by_text("Changes only", exact=True).click()
    assert page.locator("input.sd-only-changes").is_checked()
    assert _visible(page, "article.sd-pair") == len(c.pairs) - unchanged
    assert _visible(page, "article.sd-pair-unchanged") == 0
    assert _visible(page, "article[data-change]") == len(c.pairs) - unchanged
    page.get_by_text("Inline", exact=True).click()  # the filter holds in the other view too
    assert _visible(page, "article.sd-pair") == len(c.pairs) - unchanged
    page.get_by_text("Changes only", exact=True).click()
    assert _visible(page, "article.sd-pair") == len(c.pairs)
    assert s.requests == [] and s.errors == []


def test_keyboard_n_and_p_move_between_changes(serve) -> None:
    c = _seed()
    changes = [p for p in c.pairs if p.status != "unchanged" or p.moved]
    s = serve(statediff.render(c, "html"))
    page = s.page
    labels = page.locator("article[data-change]").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert len(labels) == len(changes)
    page.keyboard.press("n")
    assert _focused(page) == labels[0]
    page.keyboard.press("n")
    page.keyboard.press("n")
    assert _focused(page) == labels[2]
    assert page.locator(".sd-pos").text_content() == f"Change 3 of {len(changes)}"
    page.keyboard.press("p")
    assert _focused(page) == labels[1]
    # The focused change is scrolled into view, below the sticky controls.
    box = page.evaluate("() => document.activeElement.getBoundingClientRect().top")
    bar = page.evaluate("() => document.querySelector('.sd-sticky').getBoundingClientRect().bottom")
    assert bar - 1 <= box < 900
    # Far down the page and in the other view, n / p keep working.
    for _ in range(len(changes)):
        page.keyboard.press("n")
    assert _focused(page) == labels[-1]
    assert page.locator(".sd-pos").text_content() == "Last change reached"
    page.get_by_text("Inline", exact=True).click()
    # The change being read stays in view when the layout changes, and p carries on from it.
    assert 0 <= page.locator("article[data-change]").last.evaluate("e => e.getBoundingClientRect().top") < 900
    page.keyboard.press("p")
    assert _focused(page) == labels[-2]
    # The buttons do the same as the keys.
    page.get_by_role("button", name="Next change").click()
    assert _focused(page) == labels[-1]
    assert s.requests == [] and s.errors == []


def test_keys_with_modifiers_or_in_text_fields_are_left_alone(serve) -> None:
    s = serve(statediff.render(_seed(), "html"))
    page = s.page
    page.keyboard.press("Control+n")
    assert _focused(page) is None
    page.evaluate("() => { const i = document.createElement('input'); i.id = 'typing';"
                  " document.body.prepend(i); i.focus(); }")
    page.keyboard.press("n")
    assert page.evaluate("() => document.activeElement.id") == "typing"
    assert page.evaluate("() => document.getElementById('typing').value") == "n"


def test_moved_clause_links_to_where_it_stood(serve) -> None:
    s = serve(statediff.render(moved_comparison(), "html"), viewport={"width": 1280, "height": 500})
    page = s.page
    page.locator("article.sd-moved a.sd-moved-link").click()
    assert page.evaluate("() => location.hash") == "#left-p2"
    ghost = page.locator("article.sd-ghost")
    assert ghost.is_visible() and ghost.evaluate("e => e.matches(':has(:target)')")
    top = ghost.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 500
    ghost.locator("a.sd-moved-link").click()
    assert page.evaluate("() => location.hash") == "#right-p6"
    assert 0 <= page.locator("article.sd-moved").evaluate("e => e.getBoundingClientRect().top") < 500
    assert s.requests == [] and s.errors == []


def test_hostile_input_executes_nothing(serve) -> None:
    c = _hostile()
    html = statediff.render(c, "html")
    s = serve(html)
    page = s.page
    # Interact with the page the way a reader would.
    page.get_by_text("Inline", exact=True).click()
    page.keyboard.press("n")
    page.keyboard.press("n")
    page.get_by_text("Side by side", exact=True).click()
    page.locator("article").first.hover()
    page.wait_for_timeout(200)
    assert s.dialogs == []
    assert page.evaluate("() => window.pwned") is None
    assert page.locator("img, iframe, #evil, b, article style").count() == 0
    assert page.locator("script").count() == 1
    assert page.locator("body").is_visible()
    # No DOM change beyond the script's own: the elements are exactly those that were served.
    served = page.evaluate("html => { const d = new DOMParser().parseFromString(html, 'text/html');"
                           " return d.getElementsByTagName('*').length; }", html)
    assert page.evaluate("() => document.getElementsByTagName('*').length") == served
    text = page.locator(".statediff").inner_text()
    assert "<script>window.pwned = 1; alert('script')</script>" in text
    assert "<img src=\"https://example.org/x.png\" onerror=" in text
    assert "2020-01-01-<img src=x onerror=alert(9)>.txt" in text
    assert s.requests == []
    assert s.errors == []


def test_no_request_leaves_the_page(serve) -> None:
    s = serve(statediff.render(_seed(), "html"), color_scheme="dark")
    page = s.page
    page.get_by_text("Inline", exact=True).click()
    page.get_by_text("Changes only", exact=True).click()
    page.keyboard.press("n")
    page.locator(".sd-inline .sd-nums a").first.click()
    page.mouse.wheel(0, 4000)
    page.emulate_media(media="print")
    page.wait_for_timeout(200)
    assert s.requests == []
    assert s.errors == []


def test_dark_and_print_styles(serve) -> None:
    html = statediff.render(_seed(), "html")
    light = serve(html, color_scheme="light").page
    dark = serve(html, color_scheme="dark").page
    bg = "() => getComputedStyle(document.querySelector('.sd-clauses')).backgroundColor"
    assert light.evaluate(bg) == "rgb(255, 255, 255)"
    assert dark.evaluate(bg) != light.evaluate(bg)
    dark.emulate_media(media="print")
    assert dark.evaluate(bg) == "rgb(255, 255, 255)"  # paper is white whatever the screen's theme
    assert not dark.locator(".sd-controls").is_visible()
    # Deletions and insertions keep their strike-through and underline on paper.
    decoration = "s => getComputedStyle(document.querySelector(s)).textDecorationLine"
    assert dark.evaluate(decoration, "article.sd-pair-changed del") == "line-through"
    assert dark.evaluate(decoration, "article.sd-pair-changed ins") == "underline"


def test_notebook_fragment_works_without_script(serve) -> None:
    fragment = _fomc()._repr_html_()
    page_html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><meta http-equiv='Content-Security-Policy'"
                 " content=\"default-src 'none'; style-src 'unsafe-inline'\"></head><body>"
                 + fragment + "</body></html>")
    s = serve(page_html)
    page = s.page
    assert not page.locator(".sd-nav").is_visible()  # needs the script, so it stays hidden
    assert _visible(page, ".sd-inline") == 0
    page.get_by_text("Inline", exact=True).click()
    assert _visible(page, ".sd-inline") == len(_fomc().pairs)
    page.get_by_text("Changes only", exact=True).click()
    assert _visible(page, "article.sd-pair-unchanged") == 0
    assert s.requests == [] and s.errors == []


# JupyterLab's rules for description lists in an output cell, as nbconvert's "lab" template ships
# them (share/jupyter/nbconvert/templates/lab/static/index.css): each dt a fifth of the line, floated.
_JUPYTER_LISTS = """
.jp-OutputArea-output dl, .jp-OutputArea-output dt, .jp-OutputArea-output dd { display: block; }
.jp-OutputArea-output dl { width: 100%; overflow: hidden; padding: 0; margin: 0; }
.jp-OutputArea-output dt { font-weight: bold; float: left; width: 20%; padding: 0; margin: 0; }
.jp-OutputArea-output dd { float: left; width: 80%; padding: 0; margin: 0; }
"""


def test_notebook_header_labels_and_values_never_overlap_under_jupyter_css(serve) -> None:
    # In nbconvert's HTML "Clauses 131" read "Clau131s": the cell's dt width (20%) squeezed the label.
    obj = _fomc()
    page_html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><style>" + _JUPYTER_LISTS + "</style></head>"
                 "<body><div class='jp-OutputArea-output' style='width: 900px'>" + obj._repr_html_()
                 + "</div></body></html>")
    page = serve(page_html).page
    boxes = page.locator(".jp-OutputArea-output dl div").evaluate_all(
        "divs => divs.map(d => [d.querySelector('dt'), d.querySelector('dd')].map(e => {"
        " const r = e.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom, e.scrollWidth > e.clientWidth + 1]; }))")
    assert boxes, "the header has label/value pairs"
    for (dl, dr, dt_, db, dclip), (vl, vr, vt, vb, vclip) in boxes:
        same_line = dt_ < vb and vt < db
        assert not (same_line and vl < dr - 0.5), (dl, dr, vl, vr)  # the value starts after its label
        assert not dclip and not vclip  # neither label nor value cut short


def _ttc() -> Comparison:
    series = CORPORA / "us-eu-trade-and-technology-council-joint-statements"
    return statediff.compare(statediff.read(series / "2023-05-31.txt"), statediff.read(series / "2024-04-05.txt"))


def test_a_label_chip_filters_the_report_and_combines_with_changes_only(serve) -> None:
    c = _ttc()
    s = serve(statediff.render(c, "html"))
    page = s.page
    all_rows = _visible(page, "article.sd-pair")
    wanted = sum("substitution" in p.labels for p in c.pairs)
    chip = page.locator(".sd-labels button[data-filter-label='substitution']")
    assert chip.get_attribute("aria-pressed") == "false"
    chip.click()
    assert chip.get_attribute("aria-pressed") == "true"
    assert _visible(page, "article.sd-pair") == wanted > 0
    labels = page.locator("article.sd-pair").evaluate_all(
        "els => els.filter(e => e.getClientRects().length > 0).map(e => e.getAttribute('data-labels'))")
    assert all("substitution" in (ls or "").split() for ls in labels)
    # every section heading still shown has a shown row under it
    assert _visible(page, "h3.sd-section") == len({sec for p, sec in zip(c.pairs, _sections_of(c))
                                                   if "substitution" in p.labels and sec})
    assert page.locator(".sd-pos").text_content() == f"Showing {wanted} clauses labelled substitution"
    page.locator(".sd-only-changes").check()  # combines: every substitution is a change anyway
    assert _visible(page, "article.sd-pair") == wanted
    page.keyboard.press("n")
    assert page.locator(".sd-pos").text_content() == f"Change 1 of {wanted}"
    page.locator(".sd-only-changes").uncheck()
    chip.click()  # pressed again: the filter is off
    assert chip.get_attribute("aria-pressed") == "false" and _visible(page, "article.sd-pair") == all_rows
    # A digest link to a row the filter hides shows everything again and lands on it.
    page.locator(".sd-labels button[data-filter-label='strengthened']").click()
    target = c.digest.items[1]
    page.locator(".sd-digest a").nth(1).click()
    assert _visible(page, "article.sd-pair") == all_rows
    anchor = "right-" + target.right[0] if target.right else "left-" + target.left[0]
    assert page.evaluate("() => location.hash") == "#" + anchor.replace("(", "%28").replace(")", "%29") \
        or page.evaluate("() => decodeURIComponent(location.hash)") == "#" + anchor
    assert not s.errors and not s.requests


def test_what_changed_on_artificial_intelligence_is_two_clicks_away(serve) -> None:
    s = serve(statediff.render(_ttc(), "html"))
    page = s.page
    page.locator("details.sd-sections > summary").click()  # 1: open the section list
    entry = page.locator("details.sd-sections li", has_text="Artificial Intelligence").first
    assert "2 changed, 12 added, 15 dropped" in entry.text_content()
    entry.locator("a").first.click()  # 2: go to the section
    heading = page.locator("h3.sd-section", has_text="Artificial Intelligence").first
    box = heading.bounding_box()
    row = page.locator("article:target, .sd-anchor:target").first
    assert row.count() == 1
    target_box = page.evaluate("() => document.querySelector(':target').closest('article').getBoundingClientRect().top")
    assert 0 <= target_box < 900 and box is not None and box["y"] < target_box
    assert not s.errors and not s.requests


def test_changes_only_compacts_runs_of_added_and_dropped_clauses(serve) -> None:
    s = serve(statediff.render(_ttc(), "html"))
    page = s.page
    full = page.evaluate("() => document.documentElement.scrollHeight")
    runs = page.locator(".sd-run")
    assert runs.count() > 10 and not page.locator(".sd-run-head").first.is_visible()
    page.locator(".sd-only-changes").check()
    compact = page.evaluate("() => document.documentElement.scrollHeight")
    assert compact < full / 1.5, (full, compact)
    first = runs.first
    head = first.locator(".sd-run-head")
    assert head.is_visible() and "clauses in a row" in head.text_content()
    heights = first.locator("article").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    assert len(heights) >= 4 and max(heights) < 44, heights  # one line each
    head.locator("input.sd-run-open").check()  # shown in full
    opened = first.locator("article").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    assert sum(opened) > sum(heights) * 1.5
    # every compacted row is still a change the navigation visits and counts
    changes = _visible(page, "[data-change]")
    page.keyboard.press("n")
    assert page.locator(".sd-pos").text_content().endswith(f" of {changes}")
    # a label filter hides the runs left with no row
    page.locator(".sd-labels button[data-filter-label='modality-change']").click()
    assert _visible(page, ".sd-run") == 0
    assert not s.errors and not s.requests


def test_a_section_entry_filters_the_report_and_combines_with_a_label(serve) -> None:
    c = _ttc()
    s = serve(statediff.render(c, "html"))
    page = s.page
    page.locator("details.sd-sections > summary").click()
    entry = page.locator("details.sd-sections li", has_text="Semiconductors").first
    button = entry.locator("button.sd-sec-only")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    sections = page.locator("article.sd-pair").evaluate_all(
        "els => els.filter(e => e.getClientRects().length > 0).map(e => e.getAttribute('data-section'))")
    index = button.get_attribute("data-filter-section")
    assert len(sections) == 25 and set(sections) == {index}
    assert page.locator(".sd-pos").text_content() == "Showing 25 clauses in \u201cSemiconductors\u201d"
    page.locator(".sd-labels button[data-filter-label='substitution']").click()
    shown = _visible(page, "article.sd-pair")
    assert 0 < shown < 25
    assert page.locator(".sd-pos").text_content() == \
        f"Showing {shown} clauses labelled substitution in \u201cSemiconductors\u201d"
    button.click()  # the section filter off, the label's on
    assert _visible(page, "article.sd-pair") == sum("substitution" in p.labels for p in c.pairs)
    assert not s.errors and not s.requests


def test_with_changes_only_a_section_filter_counts_the_rows_shown(serve) -> None:
    series = CORPORA / "us-eu-summit-statements"
    c = statediff.compare(statediff.read(series / "2021-06-15.txt"), statediff.read(series / "2023-10-20.txt"))
    entries = _section_entries(c)
    rows = Counter(k for k in entries if k is not None)
    kept = Counter(k for p, k in zip(c.pairs, entries) if k is not None and p.status == "unchanged" and not p.moved)
    k = max(kept, key=kept.get)  # the section with the most rows that did not change
    title = c.sections[k].right[0].title
    s = serve(statediff.render(c, "html"))
    page = s.page
    page.locator("details.sd-sections > summary").click()
    page.locator(f"button.sd-sec-only[data-filter-section='{k}']").click()
    assert page.locator(".sd-pos").text_content() == f"Showing {rows[k]} clauses in \u201c{title}\u201d"
    page.locator("input.sd-only-changes").check()  # the line follows the switch, and counts what is shown
    shown = rows[k] - kept[k]
    assert page.locator(".sd-pos").text_content() == f"Showing {shown} clauses in \u201c{title}\u201d"
    assert _visible(page, "article.sd-pair") == shown
    page.locator("input.sd-only-changes").uncheck()
    assert page.locator(".sd-pos").text_content() == f"Showing {rows[k]} clauses in \u201c{title}\u201d"
    assert not s.errors and not s.requests


def _section_entries(c):
    from statediff.renderers.report_sections import outline

    return outline(c).entry


def _ten_documents():
    """A series of ten documents (the AUKUS and the Counter Ransomware Initiative statements, in the order given)."""
    paths = sorted((CORPORA / "aukus-leaders-statements").glob("*.txt")) + sorted(
        (CORPORA / "counter-ransomware-initiative-joint-statements").glob("*.txt"))
    return statediff.track(paths, keep_order=True)


@pytest.mark.parametrize("n", [4, 5, 6])
def test_a_timeline_of_a_few_documents_reads_without_scrolling_sideways(serve, n: int) -> None:
    series = statediff.track(sorted((CORPORA / "aukus-leaders-statements").glob("*.txt"))[:n])
    s = serve(statediff.render(series, "html"), viewport={"width": 1440, "height": 900})
    widths = s.page.evaluate("() => [document.querySelector('.sd-scroll').scrollWidth,"
                             " document.querySelector('.sd-scroll').clientWidth, document.documentElement.scrollWidth]")
    assert widths[0] <= widths[1] and widths[2] <= 1440, widths
    assert not s.errors and not s.requests


def test_a_timeline_of_ten_documents_reads_without_scrolling_sideways(serve) -> None:
    series = _ten_documents()
    assert len(series.documents) == 10
    s = serve(statediff.render(series, "html"), viewport={"width": 1440, "height": 900})
    widths = s.page.evaluate("() => { const b = document.querySelector('.sd-scroll');"
                             " return [b.scrollWidth, b.clientWidth, document.documentElement.scrollWidth]; }")
    assert widths[0] <= widths[1] and widths[2] <= 1440, widths
    # every column is wide enough to read: at least 100 px for each document
    cols = s.page.locator("thead th").evaluate_all("els => els.map(e => e.getBoundingClientRect().width)")
    assert len(cols) == 11 and min(cols[1:]) >= 100, cols
    # the chart is drawn (one group of bars per meeting after the first) and a changed cell opens
    assert s.page.locator("svg.sd-tl-chart g").count() == 9
    cell = s.page.locator("td.sd-changed").first
    cell.locator("summary").click()
    assert cell.locator("details .sd-text").is_visible()
    assert not s.errors and not s.requests


def _sections_of(c: Comparison) -> list[str]:
    from statediff.sections import headings_of_pairs

    return headings_of_pairs(c)


def save_screenshots(out: Path) -> list[Path]:
    """Screenshots of the seed comparison (2021-01-15 teleconference vs 2022-01-20 MOFA readout)."""
    out.mkdir(parents=True, exist_ok=True)
    html = statediff.render(_seed(), "html")
    shots = []
    with sync_playwright() as p:
        b = _launch(p)
        # The first page as it opens, then the "Regional affairs" part in each view and in dark.
        for name, view, scheme, section in (("report-side-by-side.png", "Side by side", "light", None),
                                            ("report-inline.png", "Inline", "light", "Regional affairs"),
                                            ("report-regional-side-by-side.png", "Side by side", "light",
                                             "Regional affairs"),
                                            ("report-dark.png", "Side by side", "dark", "Regional affairs")):
            s = Served(b, html, color_scheme=scheme, device_scale_factor=1, viewport={"width": 1360, "height": 1100})
            s.page.get_by_text(view, exact=True).click()
            if section:
                s.page.evaluate("""t => { const h = [...document.querySelectorAll('h3')].find(e => e.textContent === t);
                    const bar = document.querySelector('.sd-sticky').getBoundingClientRect().height;
                    window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - bar); }""", section)
            path = out / name
            s.page.screenshot(path=str(path))
            shots.append(path)
            s.close()
        # The TTC 2023 -> 2024 report: its digest and section list, then filtered to one label.
        s = Served(b, statediff.render(_ttc(), "html"), device_scale_factor=1, viewport={"width": 1360, "height": 1500})
        s.page.locator("details.sd-sections > summary").click()
        shots.append(out / "report-digest-outline-ttc.png")
        s.page.screenshot(path=str(shots[-1]))
        s.page.locator(".sd-labels button[data-filter-label='modality-change']").click()
        s.page.evaluate("() => window.scrollTo(0, document.querySelector('.sd-sticky').offsetTop)")
        shots.append(out / "report-filtered-ttc.png")
        s.page.screenshot(path=str(shots[-1]))
        s.close()
        # The same report with "changes only": runs of added and dropped clauses, one line each.
        s = Served(b, statediff.render(_ttc(), "html"), device_scale_factor=1, viewport={"width": 1360, "height": 1100})
        s.page.locator(".sd-only-changes").check()
        s.page.evaluate("""() => { const r = document.querySelectorAll('.sd-run')[2];
            const bar = document.querySelector('.sd-sticky').getBoundingClientRect().height;
            window.scrollTo(0, r.getBoundingClientRect().top + window.scrollY - bar - 280); }""")
        shots.append(out / "report-changes-only-ttc.png")
        s.page.screenshot(path=str(shots[-1]))
        s.close()
        # The seeds' two accounts of the 2022 2+2: the AP report and the ministry readout.
        accounts = statediff.compare(statediff.read(SEEDS["ap-2022"]), statediff.read(SEEDS["mofa-2022"]), accounts=True)
        s = Served(b, statediff.render(accounts, "html"), device_scale_factor=1, viewport={"width": 1360, "height": 1100})
        shots.append(out / "report-two-accounts.png")
        s.page.screenshot(path=str(shots[-1]))
        s.close()
        # A timeline with its chart: the seven FOMC implementation notes of 2015-2016, at 1440 px.
        fomc = statediff.track(sorted((CORPORA / "fomc-implementation-notes-2015-2016").glob("*.txt")))
        s = Served(b, statediff.render(fomc, "html"), device_scale_factor=1, viewport={"width": 1440, "height": 1000})
        shots.append(out / "timeline-fomc.png")
        s.page.screenshot(path=str(shots[-1]))
        s.close()
        b.close()
    return shots


if __name__ == "__main__":
    for shot in save_screenshots(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(shot)


def test_a_suggestion_opens_beside_its_clause_and_links_to_the_candidate(serve) -> None:
    series = CORPORA / "us-eu-summit-statements"
    c = statediff.compare(statediff.read(series / "2021-06-15.txt"), statediff.read(series / "2023-10-20.txt"))
    s = serve(statediff.render(c, "html"))
    box = s.page.locator("article:has(#left-26\\.5) details.sd-suggest")
    box.locator("summary").click(position={"x": 5, "y": 5})  # open the disclosure, not a link
    texts = box.locator(".sd-suggest-text")
    texts.first.wait_for()
    assert texts.count() == len(next(p for p in c.pairs if p.left == ("26.5",)).suggestions)
    first = texts.first.inner_text()
    assert first.startswith("11 ") and "international law" in first and "UNCLOS" in first
    box.locator("summary a").first.click()
    assert s.page.evaluate("location.hash") == "#right-11"
    assert s.errors == [] and s.requests == []


def test_a_paragraph_of_a_report_without_headings_filters_the_report(serve) -> None:
    folder = CORPORA / "aukus-leaders-statements"
    c = statediff.compare(statediff.read(folder / "2022-09-23.txt"), statediff.read(folder / "2023-03-13.txt"))
    s = serve(statediff.render(c, "html"))
    page = s.page
    every = _visible(page, "article.sd-pair")  # the pairs, and the place a moved clause left
    assert every == len(c.pairs) + sum(p.moved for p in c.pairs)
    page.locator("details.sd-sections > summary").click()
    entry = page.locator("details.sd-sections li", has_text="\u00b6 4:")
    button = entry.locator("button.sd-sec-only")
    button.click()
    index = button.get_attribute("data-filter-section")
    shown = page.locator("article.sd-pair").evaluate_all(
        "els => els.filter(e => e.getClientRects().length > 0).map(e => e.getAttribute('data-section'))")
    assert len(shown) == 10 and set(shown) == {index}
    title = entry.locator("a").text_content()
    assert title.startswith("\u00b6 4: In order to deliver")
    assert page.locator(".sd-pos").text_content() == f"Showing 10 clauses in \u201c{title}\u201d"
    headings = page.locator("h3.sd-section").evaluate_all(
        "els => els.filter(e => e.getClientRects().length > 0).map(e => e.textContent)")
    assert headings == [title]
    button.click()
    assert _visible(page, "article.sd-pair") == every
    assert not s.errors and not s.requests


def test_the_timeline_filter_reads_the_wordings_not_the_page_s_own_words(serve) -> None:
    a = statediff.parse("(1) We support the energy partnership.\n\n(2) We oppose any unilateral attempt to change "
                        "the status quo by coercion.", name="2021-01-01.txt")
    b = statediff.parse("(1) We support the energy partnership.\n\n(2) We oppose any unilateral attempt to change "
                        "the status quo by force.", name="2022-01-01.txt")
    s = serve(statediff.render(statediff.track([a, b]), "html"))
    page = s.page
    box = page.locator(".sd-timeline input[type=search]")
    assert page.locator(".sd-timeline output").text_content() == "2 of 2 lineages"
    box.fill("changed")  # a status the page prints, in no wording
    assert page.locator(".sd-timeline output").text_content() == "0 of 2 lineages"
    box.fill("coercion")
    assert page.locator(".sd-timeline output").text_content() == "1 of 2 lineages"
    one = statediff.track([statediff.parse("(1) We met.", name="2021-01-01.txt"),
                           statediff.parse("(1) We met.", name="2022-01-01.txt")])
    s = serve(statediff.render(one, "html"))
    assert s.page.locator(".sd-timeline output").text_content() == "1 of 1 lineage"
    assert not s.errors and not s.requests


def test_the_change_map_and_the_chart_stay_whole_and_readable_on_a_narrow_screen(serve) -> None:
    series = CORPORA / "us-eu-trade-and-technology-council-joint-statements"
    c = statediff.compare(statediff.read(series / "2023-05-31.txt"), statediff.read(series / "2024-04-05.txt"))
    s = serve(statediff.render(c, "html"), viewport={"width": 400, "height": 900})
    page = s.page
    # every tick of the map lies within it: the map stands for the whole document
    edges = page.evaluate("""() => { const m = document.querySelector('.sd-map').getBoundingClientRect();
        const t = Array.from(document.querySelectorAll('.sd-map .sd-tick')).map(e => e.getBoundingClientRect());
        return [m.left, m.right, Math.min(...t.map(r => r.left)), Math.max(...t.map(r => r.right)), t.length]; }""")
    assert edges[4] == len(c.pairs) and edges[2] >= edges[0] - 0.5 and edges[3] <= edges[1] + 0.5, edges
    # the chart's words keep a readable size: it scrolls in its box instead of shrinking
    page.locator("details.sd-sections > summary").click()
    size = page.evaluate("() => document.querySelector('.sd-chart .sd-chart-label').getBoundingClientRect().height")
    assert size >= 8, size
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 400
    assert not s.errors and not s.requests


def test_two_accounts_are_outlined_topic_by_topic_and_a_topic_filters_the_report(serve) -> None:
    c = statediff.compare(statediff.read(SEEDS["ap-2022"]), statediff.read(SEEDS["mofa-2022"]), accounts=True)
    s = serve(statediff.render(c, "html"))
    page = s.page
    summary = page.locator("details.sd-sections > summary")
    assert summary.text_content() == "Outline: 6 topics"
    summary.click()
    assert page.locator("details.sd-sections figcaption").text_content() == "Differences per topic"
    entry = page.locator("details.sd-sections li", has_text="Regional affairs").first
    assert "2 said differently, 11 only in B, 13 only in A" in entry.text_content()
    entry.locator("button.sd-sec-only").click()
    assert _visible(page, "article.sd-pair") == 26
    # what stands before the first heading is a topic of its own, so the outline counts every row
    opening = page.locator("details.sd-sections li", has_text="(no heading)").first
    assert "1 said differently, 3 only in B, 3 only in A" in opening.text_content()
    assert page.locator(".sd-pos").text_content() == "Showing 26 clauses in \u201cRegional affairs\u201d"
    assert not s.errors and not s.requests
