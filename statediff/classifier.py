"""Labels for aligned pairs: what kind of edit, and how the stance moved.

``cosmetic`` marks a pair whose texts differ only in quotes, dashes, hyphenation, spacing or
numbering; changed pairs get the edit kinds found in their word diff (``substitution``,
``insertion``, ``deletion``).
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import Lexicon
from .model import Clause, Edit

__all__ = ["classify", "is_cosmetic_only"]


def is_cosmetic_only(left_text: str, right_text: str) -> bool:
    """True when the two texts are equal once folded (see :func:`statediff.normalizer.fold`)."""
    from .normalizer import fold

    return fold(left_text) == fold(right_text)


def classify(edits: Sequence[Edit], left: Sequence[Clause], right: Sequence[Clause], *,
             lexicon: Lexicon | None = None) -> tuple[str, ...]:
    """The labels of one aligned pair, in a fixed order."""
    if not left or not right:
        return ()
    left_text = " ".join(c.text for c in left)
    right_text = " ".join(c.text for c in right)
    if is_cosmetic_only(left_text, right_text):
        return ("cosmetic",) if left_text != right_text else ()
    labels = []
    ops = {e.op for e in edits}
    if "replace" in ops:
        labels.append("substitution")
    if "insert" in ops:
        labels.append("insertion")
    if "delete" in ops:
        labels.append("deletion")
    return tuple(labels)
