"""Word (.docx) input: documents built here with python-docx (tracked changes and footnotes written
into their XML as Word writes them), read through the API and the CLI, and bad Word files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import statediff
from statediff.cli import main

from .conftest import JF

docx = pytest.importorskip("docx")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TELE = JF / "2021-01-15-defence-ministers-teleconference.txt"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _numbered(paragraph, num_id: int, level: int = 0) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl, num = OxmlElement("w:ilvl"), OxmlElement("w:numId")
    ilvl.set(qn("w:val"), str(level))
    num.set(qn("w:val"), str(num_id))
    numpr.append(ilvl)
    numpr.append(num)
    ppr.append(numpr)


def _add_numbering(document) -> int:
    """A list definition "1." / "(a)" / "i)" (as Word's "1, a, i" style), returns its numId."""
    from lxml import etree

    part = document.part.numbering_part
    root = part.element
    abstract = etree.SubElement(root, _w("abstractNum"), {_w("abstractNumId"): "90"})
    for ilvl, (fmt, text) in enumerate((("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "%3)"))):
        lvl = etree.SubElement(abstract, _w("lvl"), {_w("ilvl"): str(ilvl)})
        etree.SubElement(lvl, _w("start"), {_w("val"): "1"})
        etree.SubElement(lvl, _w("numFmt"), {_w("val"): fmt})
        etree.SubElement(lvl, _w("lvlText"), {_w("val"): text})
    # abstractNum elements come before num elements in a valid numbering part
    first_num = root.find(_w("num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    num = etree.SubElement(root, _w("num"), {_w("numId"): "77"})
    etree.SubElement(num, _w("abstractNumId"), {_w("val"): "90"})
    return 77


def _statement(path: Path, *, tracked: bool = True) -> Path:
    from lxml import etree

    d = docx.Document()
    d.add_heading("Joint Statement of the Ministers", level=1)
    d.add_paragraph("The Ministers met in Paris on 20 January 2022.")
    d.add_heading("Regional affairs", level=2)
    num = _add_numbering(d)
    p = d.add_paragraph("The Ministers strongly opposed any unilateral attempts to change the status quo by coercion.")
    _numbered(p, num)
    p = d.add_paragraph("They reaffirmed the importance of peace and stability across the Taiwan Strait.")
    _numbered(p, num)
    p = d.add_paragraph("They called on North Korea to abandon its weapons programmes.")
    _numbered(p, num, 1)
    p = d.add_paragraph("They condemned the missile launches.")
    _numbered(p, num, 1)
    p = d.add_paragraph("They welcomed the progress of the dialogue.")
    _numbered(p, num)
    table = d.add_table(rows=2, cols=2)
    for r, row in enumerate((("Meeting", "Date"), ("2+2", "20 January 2022"))):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    last = d.add_paragraph("The Ministers decided to hold the next meeting in Tokyo")
    if tracked:
        # Word's tracked changes: "in Tokyo" deleted, "in 2023" inserted, and a footnote reference
        ins = etree.SubElement(last._p, _w("ins"), {_w("id"): "1", _w("author"): "x"})
        run = etree.SubElement(ins, _w("r"))
        etree.SubElement(run, _w("t"), {"{http://www.w3.org/XML/1998/namespace}space": "preserve"}).text = " in 2023"
        old = last._p.findall(_w("r"))[0]
        deleted = etree.SubElement(last._p, _w("del"), {_w("id"): "2", _w("author"): "x"})
        drun = etree.SubElement(deleted, _w("r"))
        etree.SubElement(drun, _w("delText")).text = " at the earliest"
        old.find(_w("t")).text = "The Ministers decided to hold the next meeting"
        etree.SubElement(etree.SubElement(last._p, _w("r")), _w("t")).text = "."
        ref = etree.SubElement(last._p, _w("r"))
        etree.SubElement(ref, _w("footnoteReference"), {_w("id"): "5"})
    d.save(path)
    if tracked:
        _add_footnotes(path, {"5": "The date is to be fixed through diplomatic channels."})
    return path


def _add_footnotes(path: Path, notes: dict[str, str]) -> None:
    """Write word/footnotes.xml and its relationship into the saved package, as Word does."""
    body = "".join(f'<w:footnote w:id="{k}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {v}'
                   f"</w:t></w:r></w:p></w:footnote>" for k, v in notes.items())
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W}">'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           f"{body}</w:footnotes>")
    buf = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdFn1" Type="http://schemas.openxml'
                                    b'formats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                                    b"</Relationships>")
            dst.writestr(item, data)
        dst.writestr("word/footnotes.xml", xml)
    path.write_bytes(buf.getvalue())


def test_docx_reads_headings_numbering_tables_footnotes_and_accepted_changes(tmp_path) -> None:
    from statediff.docx_input import docx_text

    path = _statement(tmp_path / "statement.docx")
    text = docx_text(path.read_bytes(), path.name)
    assert text.splitlines() == [
        "# Joint Statement of the Ministers", "",
        "The Ministers met in Paris on 20 January 2022.", "",
        "## Regional affairs", "",
        "1. The Ministers strongly opposed any unilateral attempts to change the status quo by coercion.", "",
        "2. They reaffirmed the importance of peace and stability across the Taiwan Strait.", "",
        "(a) They called on North Korea to abandon its weapons programmes.", "",
        "(b) They condemned the missile launches.", "",
        "3. They welcomed the progress of the dialogue.", "",
        "Meeting\tDate",
        "2+2\t20 January 2022", "",
        "The Ministers decided to hold the next meeting in 2023.\u00b9", "",
        "\u00b9 The date is to be fixed through diplomatic channels.",
    ]
    doc = statediff.read(path)
    assert doc.format == "docx" and doc.title == "Joint Statement of the Ministers"
    assert [(c.number, c.text[:24]) for c in doc.clauses] == [
        ("p1", "The Ministers met in Par"), ("1", "The Ministers strongly o"), ("2", "They reaffirmed the impo"),
        ("2(a)", "They called on North Kor"), ("2(b)", "They condemned the missi"),
        ("3", "They welcomed the progre"), ("1.p1.1", "Meeting Date"), ("1.p1.2", "2+2 20 January 2022"),
        ("1.p2", "The Ministers decided to"), ("1.p3", "\u00b9 The date is to be fixe")]
    assert {c.section for c in doc.clauses[1:]} == {"Regional affairs"}
    assert not any("earliest" in c.text for c in doc.clauses)  # deleted text is not read
    assert doc.clauses[-2].text.endswith("in 2023.\u00b9")  # inserted text is


def test_docx_by_content_and_by_option_and_compared(tmp_path, capsys) -> None:
    path = _statement(tmp_path / "statement.docx")
    renamed = tmp_path / "statement.bin"
    renamed.write_bytes(path.read_bytes())
    assert statediff.read(renamed).format == "docx"  # detected by content
    code = main(["compare", str(TELE), str(renamed), "--input-format", "docx"])  # forced on a text file
    _, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1 and "teleconference.txt: not a readable .docx file" in err
    code = main(["compare", str(path), str(path)])
    assert code == 0
    capsys.readouterr()
    plain = _statement(tmp_path / "plain.docx", tracked=False)
    code = main(["compare", str(plain), str(path), "--format", "json"])
    out, _ = capsys.readouterr()
    assert code == 1 and "in 2023" in out and "\u00b9 The date is to be fixed" in out


@pytest.mark.parametrize("make, message", [
    (lambda: _zip({"hello.txt": b"hello"}), "a zip file, but not a Word document"),
    (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "encrypted or legacy (.doc)"),
    (lambda: b"PK\x03\x04 broken", "not a readable .docx file"),
])
def test_bad_word_files_are_one_line_exit_2(tmp_path, capsys, make, message) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(make())
    code = main(["compare", str(path), str(TELE)])
    _, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1 and message in err and err.startswith("statediff: ")
    assert "Traceback" not in err


def test_a_word_zip_bomb_is_refused_before_unpacking(tmp_path, capsys, monkeypatch) -> None:
    import statediff.docx_input as dx

    path = _statement(tmp_path / "big.docx", tracked=False)
    monkeypatch.setattr(dx, "MAX_UNPACKED", 10_000)  # the same check as at 200 MB, on a small file
    code = main(["clauses", str(path)])
    _, err = capsys.readouterr()
    assert code == 2 and "too large unpacked" in err and err.count("\n") == 1


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()



def test_numbering_from_a_list_style_and_bullets_left_out() -> None:
    from statediff.docx_input import docx_text

    d = docx.Document()
    d.add_paragraph("We agreed on the first point.", style="List Number")
    d.add_paragraph("We agreed on the second point.", style="List Number")
    d.add_paragraph("A bullet point here.", style="List Bullet")
    buf = io.BytesIO()
    d.save(buf)
    assert docx_text(buf.getvalue()).split("\n\n") == [
        "1. We agreed on the first point.", "2. We agreed on the second point.", "A bullet point here.\n"]
