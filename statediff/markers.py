"""List markers: what starts a numbered or bulleted line, and the label it gives.

A line may start with one or more markers ("1.", "(1)", "a)", "A.", "I.", "①", "●", "-", "Section
2.", "#"; nested as in "4. ●sharing"). :func:`parse_markers` reads them with the labels the document
prints ("(1)", "2.3", "iv"), telling a Roman numeral from a letter by the list it continues ("(i)"
after "(h)" is a letter). The kinds say what a marker may open: a heading, a title, an item.
"""

from __future__ import annotations

import re

__all__ = ["COUNTED", "HEADING_KINDS", "ITEM_KINDS_WITH_OWN_LABEL", "TITLE_KINDS", "ordinal", "parse_markers"]

_D = "0-9\uff10-\uff19"  # ASCII and full-width digits
_ROMAN_LOWER = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"}
_ROMAN_UPPER = {r.upper() for r in _ROMAN_LOWER}
_BULLETS = ("\u25cf\u2022\u25cb\u25a0\u25a1\u25aa\u25c6\u25c7\u30fb\u25e6\u2023\u2043\u2219\u25b6\u25ba"
            "\u27a2\u2713\u2714\uf0b7")

# Each entry: (kind, regex). The regex's group "n" is the label. Order matters: the first match wins.
_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("md", re.compile(r"(?P<n>#{1,6})[ \t]+")),
    ("sec", re.compile(r"(?:Section|Chapter|Part|Article|Annex|SECTION|CHAPTER|PART|ARTICLE|ANNEX)[ \t\u00a0\u202f\u2007\u2009]+"
                       r"(?P<n>[0-9]{1,3}|[IVXLC]{1,6})\b"
                       # "Article 14 of the Agreement" in running text is not a heading: the label must
                       # end the line or be followed by punctuation or a capitalised title.
                       r"(?=[ \t\u00a0\u202f\u2007\u2009]*(?:$|[.:\u2014\u2013-]|[A-Z\u201c\"(]))"
                       r"[ \t\u00a0\u202f\u2007\u2009]*[.:\u2014\u2013-]?[ \t\u00a0\u202f\u2007\u2009]*")),
    ("dotted", re.compile(rf"(?P<n>[{_D}]{{1,3}}(?:[.\uff0e][{_D}]{{1,3}})+)[.\uff0e]?[ \t\u00a0\u202f\u2007\u2009\u3000]+(?=\S)")),  # noqa: E501
    ("num", re.compile(rf"(?P<n>[{_D}]{{1,3}})[.\uff0e](?![{_D}])[ \t\u00a0\u202f\u2007\u2009\u3000]*(?=[^\s.,;:)\]])")),
    ("paren", re.compile(rf"[(\uff08](?P<n>[{_D}]{{1,3}})[)\uff09][ \t\u00a0\u202f\u2007\u2009\u3000]*")),
    ("rparen", re.compile(rf"(?P<n>[{_D}]{{1,3}})[)\uff09][ \t\u00a0\u202f\u2007\u2009\u3000]+")),
    ("roman", re.compile(r"[(\uff08](?P<n>[ivxlc]{1,6})[)\uff09][ \t\u00a0\u202f\u2007\u2009]*|(?P<n2>[ivxlc]{1,6})[.)][ \t\u00a0\u202f\u2007\u2009]+")),  # noqa: E501
    ("ROMAN", re.compile(r"(?P<n>[IVXLC]{1,6})[.)][ \t\u00a0\u202f\u2007\u2009]+(?=\S)")),
    ("alpha", re.compile(r"[(\uff08](?P<n>[a-zA-Z])[)\uff09][ \t\u00a0\u202f\u2007\u2009]*|(?P<n2>[a-z])[.)][ \t\u00a0\u202f\u2007\u2009]+")),  # noqa: E501
    ("ALPHA", re.compile(r"(?P<n>[A-Z])[.)][ \t\u00a0\u202f\u2007\u2009]+(?=[A-Z])")),
    ("circ", re.compile(r"(?P<n>[\u2460-\u2473\u24ea\u2776-\u277f])[ \t\u00a0\u202f\u2007\u2009\u3000]*")),
    ("bullet", re.compile(rf"(?P<n>[{_BULLETS}])[ \t\u00a0\u202f\u2007\u2009\u3000\u2003]*|(?P<n2>[-*+\u2013])[ \t\u00a0\u202f\u2007\u2009]+(?=\S)")),  # noqa: E501
]
HEADING_KINDS = {"md", "sec", "num", "dotted", "ROMAN", "ALPHA"}
# Markers whose headings may wrap over a few lines ("I. End the COVID-19 pandemic, prepare for future
# global health\n    challenges, ..."): a Roman or lettered section title is never a list item.
TITLE_KINDS = {"md", "sec", "ROMAN", "ALPHA"}
ITEM_KINDS_WITH_OWN_LABEL = {"num", "dotted", "paren", "rparen", "roman", "ROMAN", "alpha", "ALPHA", "circ", "sec"}


def _label(kind: str, m: re.Match[str]) -> str:
    raw = m.group("n") or (m.groupdict().get("n2") or "")
    if kind == "circ":
        return raw  # "①" is a label of its own: "2)①" reads as the document prints it
    raw = raw.translate(str.maketrans("\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19\uff0e",
                                      "0123456789."))
    if kind == "paren":
        return f"({raw})"
    if kind in ("rparen",):
        return f"{raw})"
    if kind in ("roman", "alpha") and m.group(0).lstrip().startswith(("(", "\uff08")):
        return f"({raw})"
    return raw


def parse_markers(text: str, prev_alpha: str | None,
                  prev_upper: str | None = None) -> tuple[list[tuple[str, str]], int, list[int]]:
    """The list markers at the start of ``text`` (possibly nested, e.g. "4. ●sharing") and where the
    text proper starts."""
    markers: list[tuple[str, str]] = []
    ends: list[int] = []  # where each marker ends, for the text column of nested items ("4. ●sharing")
    pos = 0
    while pos < len(text) and len(markers) < 3:
        found = _marker_at(text, pos, bool(markers), prev_alpha, prev_upper)
        if found is None:
            break
        kind, label, pos = found
        markers.append((kind, label))
        ends.append(pos)
        if kind == "md":
            break
    return markers, pos, ends


def _marker_at(text: str, pos: int, nested: bool, prev_alpha: str | None,
               prev_upper: str | None) -> tuple[str, str, int] | None:
    """The first marker of :data:`_MARKERS` that starts ``text`` at ``pos`` and is accepted: its kind,
    label and end. ``nested``: a marker came before it on the line (then a Markdown "#" is text)."""
    for kind, rx in _MARKERS:
        m = rx.match(text, pos)
        if not m or m.end() == pos:
            continue
        if kind == "md" and nested:
            continue
        label = _label(kind, m)
        accepted = _accepted_kind(kind, label, m, prev_alpha, prev_upper)
        if accepted is not None:
            return accepted, label, m.end()
    return None


def _accepted_kind(kind: str, label: str, m: re.Match[str], prev_alpha: str | None,
                   prev_upper: str | None) -> str | None:
    """The kind of a matched marker in context (a letter where it continues a lettered list), or None
    when the match is no marker (an unknown Roman numeral, a letter out of sequence)."""
    bare = label.strip("()")
    if kind == "roman" and prev_alpha is not None and ord(bare[0]) == ord(prev_alpha) + 1 and len(bare) == 1:
        kind = "alpha"  # "(i)" after "(h)" is a letter, not a Roman numeral
    if kind == "ROMAN" and prev_upper is not None and len(bare) == 1 and ord(bare) == ord(prev_upper) + 1:
        kind = "ALPHA"  # "I." after "H." likewise
    if kind == "roman" and bare not in _ROMAN_LOWER:
        return None
    if kind == "ROMAN" and bare not in _ROMAN_UPPER:
        return None
    if kind == "ALPHA" and bare != "A" and (prev_upper is None or ord(bare) != ord(prev_upper) + 1):
        return None  # "A. Digital infrastructure", then "B. ...": a sentence may start "I. " or "E. "
    if kind == "alpha" and not m.group(0).lstrip().startswith(("(", "\uff08")):
        # "a. " at the start of a line: accept only a plausible list letter
        if bare not in "abcdefghijklmnopqrstuvwxyz" or (prev_alpha is None and bare != "a"):
            return None
    return kind


# Item kinds that count 1, 2, 3 ...: an item of one of them whose number does not follow the last
# one that began a block is a number inside a sentence (statediff.blocks).
COUNTED = ("num", "paren", "rparen", "roman", "alpha")


def ordinal(kind: str, label: str) -> int:
    """The place of an item label in its numbering: "(2)" and "ii" and "(b)" are all 2."""
    core = label.strip("()")
    if kind == "roman":
        values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
        total = 0
        for k, ch in enumerate(core):
            v = values[ch]
            total += -v if k + 1 < len(core) and values[core[k + 1]] > v else v
        return total
    if kind == "alpha":
        return ord(core.lower()) - ord("a") + 1
    return int(core)
