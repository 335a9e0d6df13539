"""Word (.docx) -> text, through the optional ``python-docx`` dependency (``pip install 'statediff[docx]'``).

The text is what a reader of the document sees, in reading order:

* paragraphs, each its own block; a paragraph in a heading style ("Heading 1" .. "Heading 9", "Title")
  or with an outline level becomes a Markdown "#" line, so the segmenter sees the sections;
* Word's automatic numbering rendered as Word shows it ("2.", "(a)", "iii)"), counted per list and
  level as Word counts it (a level restarts after its parent advances), so the segmenter keeps the
  document's own numbers;
* tables row by row, one line per row and its cells apart by tabs (as the HTML reader writes them),
  so that each row is one clause;
* footnotes and endnotes as their own paragraphs at the end ("\u00b9 ..."), their references in the
  text as raised numbers ("2023.\u00b9"), as Word shows them;
* tracked changes read as the accepted text: insertions and moves in, deletions and moved-away text
  out.

Bad files get one :class:`~statediff.errors.ReadError`: a zip that is not a Word document, an
encrypted or legacy (.doc) file, or one whose parts would unpack to more than :data:`MAX_UNPACKED`.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from typing import Any

from .errors import ReadError

__all__ = ["docx_text", "is_docx", "MAX_UNPACKED"]

#: The most bytes the parts of a .docx may unpack to: real statements unpack to well under 10 MB; a
#: zip bomb is refused before it is unpacked.
MAX_UNPACKED = 200 * 1024 * 1024

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted Office files and legacy .doc


def _q(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def is_docx(data: bytes) -> bool:
    """Whether ``data`` is a zip holding ``word/document.xml`` (sniffed without unpacking)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False


def _check(data: bytes, label: str) -> None:
    if data.startswith(_OLE):
        raise ReadError(f"{label}: an encrypted or legacy (.doc) Word file; statediff reads unprotected .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = z.namelist()
            if "word/document.xml" not in names:
                raise ReadError(f"{label}: a zip file, but not a Word document (no word/document.xml)")
            size = sum(info.file_size for info in z.infolist())
    except zipfile.BadZipFile as exc:
        raise ReadError(f"{label}: not a readable .docx file ({exc})") from None
    if size > MAX_UNPACKED:
        raise ReadError(f"{label}: too large unpacked ({size:,} bytes; the limit is {MAX_UNPACKED:,})")


def docx_text(data: bytes, label: str = "<docx>") -> str:
    """The text of a Word document: headings as "#" lines, numbering rendered, tables by rows,
    footnotes at the end, tracked changes accepted."""
    _check(data, label)
    try:
        import docx
    except ImportError:
        raise ReadError(f"{label}: reading Word files needs python-docx: pip install 'statediff[docx]'") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on a broken package
        raise ReadError(f"{label}: not a readable .docx file ({type(exc).__name__}: {exc})") from None
    parts = {str(p.partname): p for p in document.part.package.iter_parts()}
    reader = _Reader(_xml(parts.get("/word/styles.xml")), _xml(parts.get("/word/numbering.xml")))
    blocks: list[str] = []
    for child in document.element.body:
        blocks.extend(reader.block(child))
    for partname, tag in (("/word/footnotes.xml", "footnote"), ("/word/endnotes.xml", "endnote")):
        notes = _xml(parts.get(partname))
        if notes is None:
            continue
        for note in notes.iter(_q(tag)):
            number = reader.notes.get((tag, note.get(_q("id"), "")))
            if number is None:  # separators and notes nothing refers to
                continue
            text = " ".join(t for t in (reader.paragraph_text(p) for p in note.iter(_q("p"))) if t)
            blocks.append(f"{_superscript(number)} {text}".rstrip())
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"


_SUPERSCRIPT = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def _superscript(number: int) -> str:
    """A note's number as Word shows it, raised: 12 -> "\u00b9\u00b2"."""
    return str(number).translate(_SUPERSCRIPT)


def _xml(part: Any):
    if part is None:
        return None
    from lxml import etree

    element = getattr(part, "element", None)
    if element is not None:
        return element
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(part.blob, parser)
    except etree.XMLSyntaxError:
        return None


_FORMATS: dict[str, Callable[[int], str]] = {
    "lowerLetter": lambda n: _letters(n).lower(), "upperLetter": lambda n: _letters(n),
    "lowerRoman": lambda n: _roman(n).lower(), "upperRoman": lambda n: _roman(n),
    "decimal": str, "decimalZero": lambda n: f"{n:02d}", "none": lambda n: "",
}


def _letters(n: int) -> str:
    # Word's letters: a..z, then aa..zz, aaa..zzz (a letter repeated), not spreadsheet columns
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += numeral
            n -= value
    return out


_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# Deleted and moved-away text, properties, field codes, and text boxes (drawn over the page, like
# its headers and footers). What Word stores twice under mc:AlternateContent, for new and for old
# readers, is read once, from the old readers' mc:Fallback.
_SKIP = frozenset({_q("del"), _q("moveFrom"), _q("pPr"), _q("rPr"), _q("delText"), _q("instrText"),
                   _q("txbxContent"), f"{{{_MC}}}Choice"})


class _Reader:
    """Paragraph text, styles and list counters of one document."""

    def __init__(self, styles: Any, numbering: Any) -> None:
        self.style_names: dict[str, str] = {}
        self.style_numpr: dict[str, tuple[str, int]] = {}
        self.style_outline: dict[str, int] = {}
        if styles is not None:
            for st in styles.iter(_q("style")):
                sid = st.get(_q("styleId"), "")
                name = st.find(_q("name"))
                self.style_names[sid] = (name.get(_q("val"), "") if name is not None else sid).casefold()
                numpr = st.find(f"{_q('pPr')}/{_q('numPr')}")
                if numpr is not None:
                    num = numpr.find(_q("numId"))
                    lvl = numpr.find(_q("ilvl"))
                    if num is not None:
                        self.style_numpr[sid] = (num.get(_q("val"), ""), int(lvl.get(_q("val"), "0")) if lvl is not None else 0)
                outline = st.find(f"{_q('pPr')}/{_q('outlineLvl')}")
                if outline is not None:
                    self.style_outline[sid] = int(outline.get(_q("val"), "9"))
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> level -> (start, format, text)
        if numbering is not None:
            abstract = {a.get(_q("abstractNumId")): a for a in numbering.iter(_q("abstractNum"))}
            for num in numbering.iter(_q("num")):
                ref = num.find(_q("abstractNumId"))
                base = abstract.get(ref.get(_q("val")) if ref is not None else None)
                if base is None:
                    continue
                levels = {}
                for lvl in base.iter(_q("lvl")):
                    start = lvl.find(_q("start"))
                    fmt = lvl.find(_q("numFmt"))
                    text = lvl.find(_q("lvlText"))
                    levels[int(lvl.get(_q("ilvl"), "0"))] = (
                        int(start.get(_q("val"), "1")) if start is not None else 1,
                        fmt.get(_q("val"), "decimal") if fmt is not None else "decimal",
                        text.get(_q("val"), "") if text is not None else "")
                self.levels[num.get(_q("numId"), "")] = levels
        self.counters: dict[str, dict[int, int]] = {}
        self.notes: dict[tuple[str, str], int] = {}

    def block(self, element: Any) -> list[str]:
        if element.tag == _q("p"):
            return [self.paragraph(element)]
        if element.tag == _q("tbl"):
            rows = []
            for tr in element.iter(_q("tr")):
                cells = [" ".join(t for t in (self.paragraph_text(p) for p in tc.iter(_q("p"))) if t)
                         for tc in tr.iter(_q("tc"))]
                rows.append("\t".join(cells))
            return ["\n".join(rows)]  # one block, a row per line, cells apart by tabs: a table to the segmenter
        if element.tag == _q("sdt"):  # a content control: its content, in order
            content = element.find(_q("sdtContent"))
            return [b for child in (content if content is not None else ()) for b in self.block(child)]
        return []

    def paragraph(self, p: Any) -> str:
        text = self.paragraph_text(p)
        style = p.find(f"{_q('pPr')}/{_q('pStyle')}")
        sid = style.get(_q("val"), "") if style is not None else ""
        level = self._heading_level(p, sid)
        number = self._number(p, sid) if text else ""
        line = f"{number} {text}" if number else text
        return f"{'#' * level} {line}" if level and text else line

    def _heading_level(self, p: Any, sid: str) -> int:
        name = self.style_names.get(sid, sid.casefold())
        m = re.fullmatch(r"heading\s*([1-9])", name)
        if m:
            return int(m.group(1))
        if name == "title":
            return 1
        outline = p.find(f"{_q('pPr')}/{_q('outlineLvl')}")
        value = int(outline.get(_q("val"), "9")) if outline is not None else self.style_outline.get(sid, 9)
        return value + 1 if value < 9 else 0

    def _number(self, p: Any, sid: str) -> str:
        numpr = p.find(f"{_q('pPr')}/{_q('numPr')}")
        if numpr is not None:
            num = numpr.find(_q("numId"))
            lvl = numpr.find(_q("ilvl"))
            num_id = num.get(_q("val"), "") if num is not None else self.style_numpr.get(sid, ("", 0))[0]
            ilvl = int(lvl.get(_q("val"), "0")) if lvl is not None else self.style_numpr.get(sid, ("", 0))[1]
        elif sid in self.style_numpr:
            num_id, ilvl = self.style_numpr[sid]
        else:
            return ""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or num_id == "0":
            return ""
        counts = self.counters.setdefault(num_id, {})
        start = levels[ilvl][0]
        counts[ilvl] = counts.get(ilvl, start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a sub-list restarts after its parent item
        start_fmt_text = levels[ilvl]
        if start_fmt_text[1] == "bullet":
            return ""  # a bullet is no number; the text stands alone

        def value(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            if k not in levels:
                return ""
            n = counts.get(k, levels[k][0])
            return _FORMATS.get(levels[k][1], str)(n)

        return re.sub(r"%([1-9])", value, start_fmt_text[2]).strip()

    def paragraph_text(self, p: Any) -> str:
        out: list[str] = []
        self._walk(p, out)
        return "".join(out).strip()

    def _walk(self, element: Any, out: list[str]) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIP:
                continue  # deleted or moved-away text, properties, field codes, text boxes
            if tag == _q("t"):
                out.append(child.text or "")
            elif tag == _q("tab"):
                out.append("\t")
            elif tag in (_q("br"), _q("cr")):
                out.append("\n")
            elif tag == _q("noBreakHyphen"):
                out.append("\u2011")
            elif tag in (_q("footnoteReference"), _q("endnoteReference")):
                kind = "footnote" if tag == _q("footnoteReference") else "endnote"
                key = (kind, child.get(_q("id"), ""))
                number = self.notes.setdefault(key, sum(1 for k in self.notes if k[0] == kind) + 1)
                out.append(_superscript(number))
            else:
                self._walk(child, out)
