"""How a comparison names its sides, statuses and clauses: a revision (before, after; changed, added,
dropped) or two accounts of one meeting (A, B; said differently, only in B, only in A); and how the
HTML report names documents, dates and clause anchors."""

from __future__ import annotations

from datetime import date

from ..model import Comparison, Document, Pair
from ..textkit import MONTH_NAMES

__all__ = ["anchor_id", "pair_anchor", "capital", "doc_label", "doc_short", "few", "item_where", "nice_date",
           "numbers_text",
           "pair_kind", "parts_hint", "short_date", "side_word", "status_word", "suggestion_word"]

_STATUS = {
    "revision": {"changed": "changed", "added": "added", "dropped": "dropped", "unchanged": "unchanged"},
    "accounts": {"changed": "said differently", "added": "only in B", "dropped": "only in A",
                 "unchanged": "said alike"},
}
_SIDE = {"revision": {"left": "Before", "right": "After"}, "accounts": {"left": "Account A", "right": "Account B"}}


def status_word(c: Comparison, status: str) -> str:
    """``status`` as the report says it: "added" in a revision, "only in B" between two accounts."""
    return _STATUS.get(c.mode, _STATUS["revision"]).get(status, status)


def suggestion_word(c: Comparison, status: str) -> str:
    """What a pair's suggestions are to it: "possibly continues" (an added clause) or "possibly
    continued by" (a dropped one); between two accounts, "perhaps said by A as" / "by B as"."""
    if c.mode == "accounts":
        return "perhaps said by A as" if status == "added" else "perhaps said by B as"
    return "possibly continues" if status == "added" else "possibly continued by"


def parts_hint(d: Document) -> str:
    """For a document that reports several meetings and was read whole, how to pick one: "4 parts
    (PATH#N picks one)"; else ""."""
    if len(d.parts) > 1 and not d.part:
        return f"{len(d.parts)} parts (PATH#N picks one)"
    return ""


def side_word(c: Comparison, side: str) -> str:
    """"Before" / "After", or "Account A" / "Account B"."""
    return _SIDE.get(c.mode, _SIDE["revision"])[side]


def few(numbers: tuple[str, ...] | list[str], most: int = 3) -> str:
    """Clause numbers, or the first two and a count of the rest when there are more than ``most``."""
    if len(numbers) <= most:
        return ", ".join(numbers)
    return f"{numbers[0]}, {numbers[1]} +{len(numbers) - 2}"


def anchor_id(side: str, number: str) -> str:
    """The id of a clause's anchor in the report: ``left-4(1)``, ``right-2.3``."""
    # Clause numbers are unique within a document (the contract); white space is not allowed in an id.
    # The only printable white space is " ": most numbers need no character by character pass.
    if number.isprintable() and " " not in number:
        return f"{side}-{number}"
    return f"{side}-" + "".join("_" if c.isspace() else c for c in number)


def pair_anchor(p: Pair) -> str:
    """The anchor id a link to pair ``p`` goes to: its later clause's, else its earlier one's."""
    return anchor_id("right", p.right[0]) if p.right else anchor_id("left", p.left[0]) if p.left else ""


def nice_date(iso: str, *, short: bool = False) -> str:
    """``2022-01-20`` as "20 January 2022" ("20 Jan 2022" with ``short``); anything else as it is."""
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    month = MONTH_NAMES[d.month - 1]  # English whatever the locale (strftime follows LC_TIME)
    return f"{d.day} {month[:3] if short else month} {d.year}"


def short_date(iso: str) -> str:
    return nice_date(iso, short=True)


def doc_label(d: Document) -> str:
    """A document's name in headings: its part, else its title, else its file name."""
    return d.part or d.title or d.name


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def pair_kind(p: Pair) -> str:
    """A pair's kind in the overview strip: "moved", else its status."""
    return "moved" if p.moved else p.status


def numbers_text(p: Pair) -> str:
    """The pair's clause numbers in words: "4", or "3 \u2192 4" when they differ between the sides."""
    left, right = ", ".join(p.left), ", ".join(p.right)
    if not p.left:
        return right
    if not p.right:
        return left
    return right if left == right else f"{left} \u2192 {right}"


def item_where(left: tuple[str, ...], right: tuple[str, ...], arrow: str = "->") -> str:
    """Where a digest item is: its clause numbers, a few of them, on the side that has them, or "3.1
    -> 3" when they differ between the sides."""
    lw, rw = few(left), few(right)
    return rw if not lw else lw if not rw else rw if lw == rw else f"{lw} {arrow} {rw}"


def doc_short(d: Document, k: int) -> str:
    """A document where a series timeline names it briefly: its date, else its position (``#3``)."""
    return d.date or f"#{k + 1}"
