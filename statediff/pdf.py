"""PDF -> text, through the optional ``pypdf`` dependency (``pip install 'statediff[pdf]'``).

Page headers and footers that repeat on most pages are dropped, and a word hyphenated across a line
break ("longer-\\nterm") is left for the segmenter, which rejoins wrapped lines.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from .errors import ReadError

__all__ = ["pdf_text"]

_PAGE_NUMBER = re.compile(r"^\W*(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\W*$", re.IGNORECASE)


def pdf_text(data: bytes, label: str = "<pdf>") -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise ReadError(f"{label}: reading PDF needs the pdf extra: pip install 'statediff[pdf]'") from None
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ReadError(f"{label}: not a readable PDF ({exc})") from None
    return _strip_running_lines(pages)


def _strip_running_lines(pages: list[str]) -> str:
    """Join pages, dropping page numbers and the first/last lines that repeat on most pages."""
    split = [p.splitlines() for p in pages]
    edges: Counter[str] = Counter()
    for lines in split:
        for ln in {*(lines[:2]), *(lines[-2:])}:
            edges[ln.strip()] += 1
    threshold = max(2, int(0.6 * len(pages)))
    running = {ln for ln, n in edges.items() if n >= threshold and ln}
    out: list[str] = []
    for lines in split:
        kept = [ln for i, ln in enumerate(lines)
                if not ((i < 2 or i >= len(lines) - 2) and (ln.strip() in running or _PAGE_NUMBER.match(ln.strip())))]
        out.append("\n".join(kept))
    return "\n".join(out)
