"""Labels for aligned pairs: what kind of edit it is, and how the stance moved.

Every label is documented, with a real example, in ``docs/labels.md``. Two families:

*Edit kinds* describe the word edits. The specific kinds (``reordering``, ``number-change``,
``negation-flip``, ``actor-change``) claim the words they explain; whatever substantive words are
left give ``substitution``, ``insertion`` or ``deletion``. ``cosmetic`` marks a pair whose texts
differ only in quotes, dashes, hyphenation, spacing or numbering, and nothing else.

*Stance shifts* (``strengthened`` / ``softened``, ``widened`` / ``narrowed``, ``modality-change``,
``hedge-added`` / ``hedge-removed``) need local evidence: a word swapped in place inside a short
change between words both texts keep ("[-serious-]{+grave+} concern", "[-will-]{+should+}"). A
marker that comes or goes inside a rewritten passage says nothing about the old wording's stance, so
it is not read. All word lists and scales come from the lexicon (``statediff/data/lexicon.json`` by
default, or a user's file), never from code.

The classifier is conservative: when signals disagree (one says stronger, another weaker) it says
nothing, and a synonym swap with no movement on any scale is only a substitution.

The decision is made here (:func:`verdict`, :func:`classify`); the pair's words and local changes are
in :mod:`statediff.clause_words`, the edit kinds in :mod:`statediff.edit_kinds`, the stance shifts
in :mod:`statediff.stance_shifts`, and the lexicon's compiled word lists in
:attr:`statediff.lexicon.Lexicon.label_words`.
"""

from __future__ import annotations

from collections.abc import Sequence

from .clause_words import Side, find_regions
from .edit_kinds import actor_change, negation_flip, number_change, reordering, residual_kinds
from .lexicon import Lexicon, default_lexicon
from .model import Clause, Edit
from .stance_shifts import hedges, modality_change, scope, strength

__all__ = ["LABELS", "EDIT_KINDS", "STANCE_SHIFTS", "classify", "is_cosmetic_only", "verdict"]

EDIT_KINDS = ("cosmetic", "substitution", "insertion", "deletion", "reordering", "number-change",
              "negation-flip", "actor-change")
STANCE_SHIFTS = ("strengthened", "softened", "widened", "narrowed", "modality-change", "hedge-added",
                 "hedge-removed")
LABELS = EDIT_KINDS + STANCE_SHIFTS  # the order labels are reported in


def is_cosmetic_only(left_text: str, right_text: str) -> bool:
    """True when the two texts are equal once folded (see :func:`statediff.normalizer.fold`)."""
    from .normalizer import fold

    return fold(left_text) == fold(right_text)


def verdict(left: Sequence[Clause], right: Sequence[Clause], *, lexicon: Lexicon | None = None
            ) -> tuple[str, tuple[Edit, ...], tuple[str, ...]]:
    """The one decision on an aligned group of clauses, for ``compare`` and ``track`` alike: its
    status, word edits and labels.

    A group with clauses on both sides is ``unchanged`` when its labels are at most ``cosmetic``:
    every edit changes only quotes, dashes, hyphenation, spacing, list markers, letter case or
    punctuation, so that no word differs (``The Ministers Agreed`` -> ``The Ministers agreed``, a
    comma added). Otherwise it is ``changed``. One side empty: ``added`` or ``dropped``.

    >>> from statediff.model import Clause
    >>> verdict([Clause("1", "The Ministers Agreed.", (0, 21))], [Clause("1", "The Ministers agreed.", (0, 21))])[::2]
    ('unchanged', ('cosmetic',))
    """
    from .differ import diff_words

    lt = " ".join(c.text for c in left)
    rt = " ".join(c.text for c in right)
    if not right:
        return "dropped", (Edit("delete", lt, ""),), ()
    if not left:
        return "added", (Edit("insert", "", rt),), ()
    if lt == rt:
        return "unchanged", ((Edit("equal", lt, rt),) if lt else ()), ()
    edits = diff_words(lt, rt)
    labels = classify(edits, left, right, lexicon=lexicon)
    return ("unchanged" if set(labels) <= {"cosmetic"} else "changed"), edits, labels


def classify(edits: Sequence[Edit], left: Sequence[Clause], right: Sequence[Clause], *,
             lexicon: Lexicon | None = None) -> tuple[str, ...]:
    """The labels of one aligned pair, in the order of :data:`LABELS`.

    ``edits`` are the word edits from ``left`` to ``right`` (see :func:`statediff.differ.diff_words`);
    added and dropped pairs (one side empty) get no labels.

    >>> from statediff.differ import diff_words
    >>> from statediff.model import Clause
    >>> a, b = "We oppose change by force.", "We oppose change by force or coercion."
    >>> classify(diff_words(a, b), [Clause("1", a, (0, len(a)))], [Clause("1", b, (0, len(b)))])
    ('insertion', 'widened')
    """
    if not left or not right:
        return ()
    lex = lexicon or default_lexicon()
    tables = lex.label_words
    left_text = " ".join(c.text for c in left)
    right_text = " ".join(c.text for c in right)
    if is_cosmetic_only(left_text, right_text):
        return ("cosmetic",) if left_text != right_text else ()
    ls, rs = Side(left_text, edits, "left", tables.finder), Side(right_text, edits, "right", tables.finder)
    regions = find_regions(ls, rs)
    found: set[str] = set()
    if reordering(ls, rs):
        found.add("reordering")
    if number_change(ls, rs, edits, tables):
        found.add("number-change")
    if negation_flip(ls, rs, regions, tables):
        found.add("negation-flip")
    if actor_change(ls, rs, edits, left, right, tables):
        found.add("actor-change")
    found.update(residual_kinds(ls, rs, edits))
    found.update(strength(ls, rs, regions, tables))
    found.update(scope(ls, rs, edits, tables, lex))
    if modality_change(ls, rs, regions, tables):
        found.add("modality-change")
    found.update(hedges(ls, rs, tables))
    if not found:
        found.add("cosmetic")  # every edit differs only in case or hyphenation ("re-affirmed")
    return tuple(label for label in LABELS if label in found)


