"""Building HTML trees with lxml: every string becomes a text node, so no input can become markup.

Shared by the comparison report and the series timeline.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

__all__ = ["element", "add", "clean"]

# Characters an HTML document cannot carry as text (lxml refuses them): C0 controls other than tab,
# newline and carriage return become their visible "control pictures" (U+2400 block), so that an
# escape character in a statement shows as a symbol; lone surrogates and the non-characters U+FFFE
# and U+FFFF become the replacement character.
UNSAFE = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}
UNSAFE.update({0x7F: 0x2421, 0xFFFE: 0xFFFD, 0xFFFF: 0xFFFD})
UNSAFE.update(dict.fromkeys(range(55296, 57344), 65533))


_UNSAFE_CHAR = re.compile("[" + "".join(re.escape(chr(c)) for c in UNSAFE if c < 0xD800) + "\ud800-\udfff]")


def clean(text: str) -> str:
    """``text`` with the characters HTML cannot carry made visible or replaced."""
    # Every character of UNSAFE is unprintable (a control, a surrogate or a non-character), and most
    # strings are printable: one test in C. Others are scanned; translating every string copies it.
    if text.isprintable() or not _UNSAFE_CHAR.search(text):
        return text
    return text.translate(UNSAFE)


def element(tag: str, attrib: dict[str, str] | None = None, *children: Any):
    """An element with text and child elements; strings become text nodes (escaped by lxml)."""
    el = etree.Element(tag, {k: clean(v) for k, v in attrib.items() if v is not None} if attrib else None)
    for ch in children:
        add(el, ch)
    return el


def add(el: Any, ch: Any) -> None:
    """Append a child: a string (as text), an element, a list of either, or nothing."""
    if isinstance(ch, str):
        if not ch:
            return
        ch = clean(ch)
        if len(el):
            last = el[-1]
            last.tail = (last.tail or "") + ch
        else:
            el.text = (el.text or "") + ch
    elif isinstance(ch, (list, tuple)):
        for c in ch:
            add(el, c)
    elif ch is not None:
        el.append(ch)
