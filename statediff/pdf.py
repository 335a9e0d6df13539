"""PDF -> text, through the optional ``pypdf`` dependency (``pip install 'statediff[pdf]'``).

Three repairs turn a PDF's text layer back into the text that was typeset:

* *Running headers and footers*: lines among the first and last two of a page that recur (digits
  aside, so "Page 3 of 9" and "Page 4 of 9" count as one) on most pages are dropped, and so are bare
  page numbers. Pages are joined with a line break, so a sentence cut by a page break reads on.
* *Hyphenation*: a word broken at a line end ("develop-" / "ment") is rejoined without the hyphen
  when the document spells the joined word elsewhere ("development"), and with it otherwise
  ("longer-" / "term" -> "longer-term"), because a compound hyphen cannot be told from a typesetting
  one without a dictionary, and statediff treats the two spellings as a cosmetic difference anyway.
* Page furniture aside, the line structure is kept: the segmenter rejoins wrapped lines.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from contextlib import contextmanager

from .errors import ReadError

__all__ = ["pdf_text"]

# A page number alone on a line at a page's edge ("12", "- 12 -", "Page 3 of 9", "[3/9]"). Looser than
# the normalizer's page numbers inside a text (_PAGE_NUMBER_IN_TEXT there: up to three digits, dashes
# only around them): here the line is known to be at the top or bottom of a page, so any decoration
# and four digits are still a page number, not a line of the statement.
_PAGE_NUMBER_AT_EDGE = re.compile(r"^\W*(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\W*$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
# A line ending in a letter and a hyphen, the next starting with a lower-case letter.
_BROKEN = re.compile(r"([^\W\d_]+)[-\u00ad\u2010]\n([^\W\d_A-Z][^\W\d_]*)([ \t]+|(?=\n)|$)")
_WORDS = re.compile(r"[^\W\d_]+")
# How many of the first and last lines of a page are looked at for running heads and feet.
_EDGE = 2
# Share of pages a line must recur on to count as a running head or foot.
_RUNNING_SHARE = 0.6


def pdf_text(data: bytes, label: str = "<pdf>") -> str:
    """The text of a PDF file with running heads and feet dropped and broken words rejoined."""
    try:
        from pypdf import PdfReader
    except ImportError:
        raise ReadError(f"{label}: reading PDF needs the pdf extra: pip install 'statediff[pdf]'") from None
    try:
        # pypdf reports what it repairs ("EOF marker not found") through logging and warnings: the
        # user gets statediff's one line or the text, never the parser's notes around them.
        with _quiet_pypdf():
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise ReadError(f"{label}: the PDF is encrypted; statediff cannot read it")
            pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - a third-party parser fed arbitrary bytes: any failure is a bad input
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ReadError(f"{label}: not a readable PDF ({detail})") from None
    if pages and not any(p.strip() for p in pages):
        raise ReadError(f"{label}: the PDF has no text layer (a scanned image?); statediff reads text only")
    return rejoin_hyphenated(strip_running_lines(pages))


@contextmanager
def _quiet_pypdf():
    import logging
    import warnings

    log = logging.getLogger("pypdf")
    level, propagate = log.level, log.propagate
    log.setLevel(logging.CRITICAL + 1)
    log.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        log.setLevel(level)
        log.propagate = propagate


def strip_running_lines(pages: list[str]) -> str:
    """Join pages, dropping page numbers and the first/last lines that recur on most pages."""
    split = [p.splitlines() for p in pages]
    edges: Counter[str] = Counter()
    for lines in split:
        for ln in {_key(x) for x in (*lines[:_EDGE], *lines[-_EDGE:])}:
            edges[ln] += 1
    threshold = max(2, int(_RUNNING_SHARE * len(pages) + 0.5))
    running = {ln for ln, n in edges.items() if n >= threshold and ln}
    out: list[str] = []
    for lines in split:
        kept = [ln for i, ln in enumerate(lines)
                if not ((i < _EDGE or i >= len(lines) - _EDGE)
                        and (_key(ln) in running or _PAGE_NUMBER_AT_EDGE.match(ln.strip())))]
        out.append("\n".join(kept))
    return "\n".join(out)


def _key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()))


def rejoin_hyphenated(text: str) -> str:
    """Rejoin words broken across lines: without the hyphen where the document spells the word whole
    elsewhere, with it otherwise.

    >>> rejoin_hyphenated("the develop-\\nment of a longer-\\nterm plan; development")
    'the development\\nof a longer-term\\nplan; development'
    """
    whole = Counter(w.lower() for w in _WORDS.findall(text))

    def join(m: re.Match[str]) -> str:
        head, tail, space = m.group(1), m.group(2), m.group(3)
        sep = "" if whole[(head + tail).lower()] else "-"
        # The line break moves after the rejoined word, so the line structure is kept.
        return f"{head}{sep}{tail}" + ("\n" if space else "")

    return _BROKEN.sub(join, text)
