"""Reading real inputs: HTML pages full of furniture, PDFs, legacy encodings and URLs.

Pages are built with lxml around the real statements in fixtures/; PDFs are generated at test time
with fpdf2; URLs are served by a local server on 127.0.0.1.
"""

from __future__ import annotations

import http.server
import socket
import threading
import time
from pathlib import Path

import pytest
from lxml import etree

import statediff
from statediff import reader
from statediff.errors import ReadError
from statediff.normalizer import fold

from .conftest import CORPORA, JF

MOFA = JF / "2022-01-20-sixth-2plus2-mofa-readout.txt"
AUKUS = CORPORA / "aukus-leaders-statements" / "2023-03-13.txt"
FURNITURE = ("Privacy Policy", "Tweet", "Subscribe", "cookies", "Related Links", "Press Room",
             "Readout of the Secretary", "Copyright")


# --------------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------------


def _sub(parent, tag, text=None, **attrs):
    el = etree.SubElement(parent, tag, {k.rstrip("_"): v for k, v in attrs.items()})
    el.text = text
    return el


def _page(paragraphs: list[str], layout: str) -> str:
    """A ministry-style page: menu, breadcrumbs, share bar, related links and footer around the text."""
    root = etree.Element("html")
    head = _sub(root, "head")
    _sub(head, "meta", charset="utf-8")
    _sub(head, "script", "var tracking = 1;")
    body = _sub(root, "body")
    _sub(_sub(body, "div", id="cookie-notice"), "p", "We use cookies on this site. Accept all cookies?")
    menu = _sub(body, "nav" if layout == "semantic" else "div", class_="global-menu")
    for label in ("Home", "Press Room", "Policy Areas", "About Us"):
        _sub(_sub(menu, "div"), "a", label, href="#")
    crumbs = _sub(body, "div", class_="breadcrumb")
    _sub(crumbs, "a", "Home", href="#")
    if layout == "semantic":
        content = _sub(_sub(body, "main"), "article")
    else:  # an old table layout: no semantic tags at all
        row = _sub(_sub(body, "table"), "tr")
        side = _sub(row, "td")
        for label in ("Latest News", "Speeches", "Photo Gallery"):
            _sub(_sub(side, "div"), "a", label, href="#")
        content = _sub(row, "td")
    share = _sub(content, "div", class_="share-buttons")
    for label in ("Share", "Tweet", "Email"):
        _sub(share, "a", label, href="#")
    for para in paragraphs:
        _sub(content, "p", para)
    related = _sub(body if layout == "semantic" else row, "div", class_="related-links")
    _sub(related, "h3", "Related Links")
    for label in ("Readout of the Secretary's Call with the Foreign Minister",
                  "Press Briefing on the Upcoming Summit Meetings"):
        _sub(_sub(_sub(related, "ul"), "li"), "a", label, href="#")
    foot = _sub(body, "footer" if layout == "semantic" else "div", id="footer")
    _sub(foot, "p", "Copyright 2024 Ministry of Example Affairs. Privacy Policy. Subscribe to our newsletter.")
    return etree.tostring(root, method="html", encoding="unicode", doctype="<!DOCTYPE html>")


def _paragraphs(path: Path) -> list[str]:
    return [" ".join(p.split()) for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


@pytest.mark.parametrize("layout", ["semantic", "table"])
def test_html_page_keeps_the_statement_and_drops_the_furniture(tmp_path, layout) -> None:
    paras = _paragraphs(AUKUS)
    page = tmp_path / "2023-03-13.html"
    page.write_text(_page(paras, layout), encoding="utf-8")
    doc = statediff.read(page)
    plain = statediff.parse("\n\n".join(paras))
    assert doc.format == "html" and doc.date == "2023-03-13"
    assert [fold(c.text) for c in doc.clauses] == [fold(c.text) for c in plain.clauses]
    for word in FURNITURE:
        assert word not in doc.source, word


def test_html_detected_by_content_and_meta_charset(tmp_path) -> None:
    markup = ('<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'
              "</head><body><main><p>日仏外務・防衛閣僚会合を開催した。</p></main></body></html>")
    page = tmp_path / "statement.txt"  # the extension says text; the content says HTML
    page.write_bytes(markup.encode("shift_jis"))
    doc = statediff.read(page)
    assert doc.format == "html" and doc.clauses[0].text == "日仏外務・防衛閣僚会合を開催した。"


def test_html_numbered_list_and_headings_keep_the_documents_numbers() -> None:
    markup = ("<html><body><main><h1>Joint Statement</h1><h2>II. Regional affairs</h2>"
              "<ol start='4'><li>The Ministers welcomed the agreement.</li>"
              "<li>They opposed any unilateral change.</li></ol></main></body></html>")
    from statediff.html_input import html_text

    doc = statediff.parse(html_text(markup))
    assert [c.number for c in doc.clauses] == ["4", "5"]  # the list's own numbers, from start="4"
    assert {c.section for c in doc.clauses} == {"Regional affairs"}


# --------------------------------------------------------------------------------------------------
# Encodings
# --------------------------------------------------------------------------------------------------

JAPANESE = "日本国外務省とフランス外務省は、第6回日仏外務・防衛閣僚会合（「2+2」）を開催した。両国は協力を確認した。"
FRENCH = "Les ministres ont réaffirmé leur engagement. Ils ont salué l’accord « historique » — déjà signé."


@pytest.mark.parametrize("text,codec", [
    (JAPANESE, "utf-8"), (FRENCH, "utf-8"),
    (JAPANESE, "utf-8-sig"), (FRENCH, "utf-16"), (JAPANESE, "utf-16"),  # with a byte-order mark
    (FRENCH, "cp1252"),
    (JAPANESE, "shift_jis"), (JAPANESE, "cp932"), (JAPANESE, "euc_jp"),
])
def test_encodings_are_detected(tmp_path, text, codec) -> None:
    path = tmp_path / f"doc-{codec}.txt"
    path.write_bytes(text.encode(codec))
    doc = statediff.read(path)
    assert doc.source == text
    assert "".join(c.text for c in doc.clauses).replace(" ", "") == text.replace(" ", "")


def test_real_statement_in_cp1252_reads_like_its_utf8_original(tmp_path) -> None:
    text = MOFA.read_text(encoding="utf-8")
    path = tmp_path / "mofa-cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    assert [c.text for c in statediff.read(path).clauses] == [c.text for c in statediff.read(MOFA).clauses]


def test_shift_jis_is_not_mistaken_for_cp1252_nor_the_reverse() -> None:
    # "Japan's" in cp1252 is valid Shift_JIS bytes ("Japan" + a kanji + "s"): the lone ideograph gives it away.
    english = "Japan\u2019s and France\u2019s shared vision".encode("cp1252")
    assert reader.decode(english) == "Japan\u2019s and France\u2019s shared vision"
    assert reader.decode("日仏".encode("euc_jp")) == "日仏"
    assert reader.decode("“2+2” 会合".encode("shift_jis")) == "“2+2” 会合"


def test_encoding_override(tmp_path, capsys) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("The Ministers met in Münster.".encode("latin-1"))
    assert statediff.read(path, encoding="latin-1").clauses[0].text == "The Ministers met in Münster."
    assert statediff.read(path, encoding="cp1252").clauses[0].text == "The Ministers met in Münster."
    with pytest.raises(ReadError, match="not valid utf-8"):
        statediff.read(path, encoding="utf-8")
    with pytest.raises(ReadError, match="unknown encoding 'klingon'"):
        statediff.read(path, encoding="klingon")
    from statediff.cli import main

    assert main(["clauses", str(path), "--encoding", "latin-1", "--color", "never"]) == 0
    assert "Münster" in capsys.readouterr().out


def test_damaged_utf8_is_refused_not_guessed() -> None:
    data = "Les ministres ont réaffirmé leur engagement à coopérer. ".encode() * 3 + b"\xff\xfe!"
    with pytest.raises(ReadError, match="damaged"):
        reader.decode(data)


# --------------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------------


def _pdf(paragraphs: list[str], path: Path) -> Path:
    fpdf = pytest.importorskip("fpdf")

    class Page(fpdf.FPDF):
        def header(self) -> None:
            self.set_font("helvetica", size=9)
            self.cell(0, 8, "Ministry of Example Affairs - Press Release", align="C")
            self.ln(12)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("helvetica", size=9)
            self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Page()
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for para in paragraphs:
        pdf.multi_cell(0, 6, para)
        pdf.ln(4)
    pdf.output(str(path))
    return path


_ASCII = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def test_pdf_drops_running_heads_and_feet_and_keeps_every_clause(tmp_path) -> None:
    pytest.importorskip("pypdf")
    paras = [p.translate(_ASCII) for p in _paragraphs(AUKUS)]
    doc = statediff.read(_pdf(paras, tmp_path / "2023-03-13.pdf"))
    assert doc.format == "pdf" and doc.date == "2023-03-13"
    assert "Ministry of Example Affairs" not in doc.source and "Page 1 of" not in doc.source
    plain = statediff.parse("\n\n".join(paras))
    # Every word of the statement survives, in order, and a page break does not cut a sentence.
    assert fold(" ".join(c.text for c in doc.clauses)).split() == fold(" ".join(c.text for c in plain.clauses)).split()


def test_pdf_rejoins_hyphenated_words(tmp_path) -> None:
    pytest.importorskip("pypdf")
    # A narrow column forces line breaks; the explicit "develop-" / "ment" break is typeset as two lines.
    paras = ["The Ministers agreed on the develop-\nment of capabilities and on a longer-\nterm plan "
             "for development."]
    doc = statediff.read(_pdf(paras, tmp_path / "hyphen.pdf"))
    text = " ".join(c.text for c in doc.clauses)
    assert "development of capabilities" in text and "longer-term plan" in text


def test_pdf_errors_are_one_line(tmp_path) -> None:
    pytest.importorskip("pypdf")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF")
    with pytest.raises(ReadError, match=r"broken\.pdf: ") as info:
        statediff.read(broken)
    assert "\n" not in str(info.value)


def test_pdf_without_the_extra_says_how_to_install_it(tmp_path, monkeypatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pypdf(name, *args, **kwargs):
        if name == "pypdf" or name.startswith("pypdf."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pypdf)
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.4\n%%EOF")
    with pytest.raises(ReadError, match=r"pip install 'statediff\[pdf\]'"):
        statediff.read(path)


# --------------------------------------------------------------------------------------------------
# URLs (a local server on 127.0.0.1 only)
# --------------------------------------------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes, float]] = {}

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        status, ctype, body, delay = self.routes.get(self.path, (404, "text/plain", b"not found", 0.0))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if self.path != "/no-length":
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            if delay:
                for i in range(0, len(body), 16):  # a server that trickles
                    self.wfile.write(body[i:i + 16])
                    self.wfile.flush()
                    time.sleep(delay)
            else:
                self.wfile.write(body)
        except OSError:  # the client gave up (a timeout test)
            pass

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", _Handler.routes
    httpd.shutdown()
    httpd.server_close()
    _Handler.routes.clear()


def test_url_html_page(server) -> None:
    base, routes = server
    page = _page(_paragraphs(AUKUS), "semantic").encode("utf-8")
    routes["/news/2023-03-13-aukus.html"] = (200, "text/html; charset=utf-8", page, 0.0)
    doc = statediff.read(f"{base}/news/2023-03-13-aukus.html")
    assert doc.name == "2023-03-13-aukus.html" and doc.date == "2023-03-13" and doc.format == "html"
    assert "Privacy Policy" not in doc.source and len(doc.clauses) > 20


def test_url_content_type_and_charset_decide(server) -> None:
    base, routes = server
    # No extension, no doctype: the server's Content-Type says HTML in Shift_JIS.
    routes["/press/123"] = (200, "text/html; charset=Shift_JIS",
                            "<main><p>日仏外務・防衛閣僚会合を開催した。</p></main>".encode("shift_jis"), 0.0)
    doc = statediff.read(f"{base}/press/123")
    assert doc.format == "html" and doc.clauses[0].text == "日仏外務・防衛閣僚会合を開催した。"
    # A server's default "ISO-8859-1" on UTF-8 text loses to the UTF-8 that the bytes are.
    routes["/note.txt"] = (200, "text/plain; charset=ISO-8859-1", "Les ministres ont salué l’accord.".encode(), 0.0)
    assert statediff.read(f"{base}/note.txt").clauses[0].text == "Les ministres ont salué l’accord."
    routes["/latin.txt"] = (200, "text/plain; charset=ISO-8859-1", "Les ministres à Münster.".encode("latin-1"), 0.0)
    assert statediff.read(f"{base}/latin.txt").clauses[0].text == "Les ministres à Münster."


def test_url_errors(server, capsys) -> None:
    from statediff.cli import main

    base, routes = server
    with pytest.raises(ReadError, match="HTTP 404"):
        statediff.read(f"{base}/missing.txt")
    routes["/slow.txt"] = (200, "text/plain", b"The Ministers met. " * 64, 0.2)
    started = time.monotonic()
    with pytest.raises(ReadError, match="timed out"):
        statediff.read(f"{base}/slow.txt", timeout=0.5)
    assert time.monotonic() - started < 10  # the total deadline holds although every read is quick
    assert main(["clauses", f"{base}/slow.txt", "--timeout", "0.5"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("statediff: ") and "timed out" in err and err.count("\n") == 1
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ReadError, match="cannot be fetched"):
        statediff.read(f"http://127.0.0.1:{port}/x.txt", timeout=2)


def test_url_size_cap(server, monkeypatch) -> None:
    base, routes = server
    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    routes["/big.txt"] = (200, "text/plain", b"x" * 5000, 0.0)
    routes["/no-length"] = (200, "text/plain", b"The Ministers met. " * 500, 0.0)
    with pytest.raises(ReadError, match="too large"):  # refused from its Content-Length
        statediff.read(f"{base}/big.txt")
    with pytest.raises(ReadError, match="too large"):  # refused while reading
        statediff.read(f"{base}/no-length")
