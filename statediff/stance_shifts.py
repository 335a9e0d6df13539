"""Stance shifts of a pair: ``strengthened`` / ``softened``, ``widened`` / ``narrowed``,
``modality-change`` and ``hedge-added`` / ``hedge-removed``, read only from local evidence (see
``docs/labels.md``). When signals disagree, nothing is said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .clause_words import STOPWORDS, WORD, Region, Side, contraction_base, word_opcodes
from .edit_kinds import MIN_MOVED_WORDS
from .label_words import LabelWords
from .lexicon import Lexicon
from .model import Edit

__all__ = ["hedges", "modality_change", "scope", "strength"]

# A list member is a short coordinated phrase ("or coercion", "Colombia, "); longer insertions are
# new content rather than a longer list. Members are read only in a clause that keeps at least half
# of its words: in a rewrite, a phrase that happens to come in says nothing about the old list.
_MAX_MEMBER_WORDS = 5
_MIN_KEPT_FOR_MEMBERS = 0.5
# An intensifier qualifies a stance word it stands at most this many words before ("strong and
# unwavering support", "serious concern") or right after ("oppose firmly"); an adverbial phrase
# ("in the strongest terms") may follow the stance word's object: "condemn the attack on the
# convoy in the strongest terms".
_INTENSIFIER_BEFORE = 3
_INTENSIFIER_AFTER = 1
_INTENSIFIER_PHRASE_AFTER = 6
_COORDINATORS = ("and", "or", "as well as")
# Words that open a subordinate phrase, not a list member (", while remaining open", "and to promote").
_NOT_MEMBER_START = frozenset(
    "while whereas which who that to including such where when if because although though through by "
    "with without so as effective thereby".split()
)

def _direction(before: int, after: int) -> str | None:
    if after > before:
        return "strengthened"
    if after < before:
        return "softened"
    return None


def strength(ls: Side, rs: Side, regions: Sequence[Region], tables: LabelWords) -> set[str]:
    """strengthened / softened, from two signals that must not disagree:

    * a phrase of a ``commitment_scale`` swapped in place, inside one local change, for a phrase on
      another level of the same scale ("[-confirmed-]{+reaffirmed+}"); phrases on different scales
      ("agreed" and "expressed concern") are never compared;
    * an intensifier qualifying a stance word changed tier ("[-serious-]{+grave+} concern",
      "[-strongly -]oppose"); a stance word is compared only with the one of its class it was kept
      as or swapped for in place (a concern that came or went is not a softer concern).
    """
    votes = _scale_votes(ls, rs, regions, tables) | _intensity_votes(ls, rs, tables)
    return votes if len(votes) == 1 else set()


def _scale_votes(ls: Side, rs: Side, regions: Sequence[Region], tables: LabelWords) -> set[str]:
    """The directions of the scale phrases swapped in place inside local changes."""
    votes: set[str] = set()
    lhits = [(k, lvl, r) for k, lvl, rx in tables.scales for r in ls.hits(rx)]
    rhits = [(k, lvl, r) for k, lvl, rx in tables.scales for r in rs.hits(rx)]
    for reg in regions:
        if not reg.local:
            continue
        lin = sorted((r[0], k, lvl) for k, lvl, r in lhits if reg.i1 <= r[0] < reg.i2)
        rin = sorted((r[0], k, lvl) for k, lvl, r in rhits if reg.j1 <= r[0] < reg.j2)
        for scale in {k for _, k, _ in lin} & {k for _, k, _ in rin}:
            before = next(lvl for _, k, lvl in lin if k == scale)  # the first phrase of that scale
            after = next(lvl for _, k, lvl in rin if k == scale)
            v = _direction(before, after)
            if v:
                votes.add(v)
    return votes


def _intensity_votes(ls: Side, rs: Side, tables: LabelWords) -> set[str]:
    """The directions of the intensifier tiers of stance words kept or swapped in place."""
    votes: set[str] = set()
    lint, rint = _intensity(ls, tables), _intensity(rs, tables)
    for place in lint.keys() & rint.keys():
        if len(lint[place]) != len(rint[place]):
            continue  # a stance word came or went: no one-to-one reading
        for before, after in zip(lint[place], rint[place]):
            v = _direction(before, after)
            if v:
                votes.add(v)
    return votes


def _intensity(side: Side, tables: LabelWords) -> dict[tuple[str, tuple[int, int]], list[int]]:
    """Stance words grouped by class and place (the difflib opcode they stand in, so that a stance
    word is only compared with the one it was kept as or swapped for in place), each with the tier
    of the strongest intensifier qualifying it (0: none)."""
    anchors = sorted((r[0], r[-1], stance) for stance, rx in tables.stance_words for r in side.hits(rx))
    tiers = [0] * len(anchors)
    for tier, rx in tables.intensifiers:
        for r in side.hits(rx):
            for k, (a, b, _) in enumerate(anchors):
                after = _INTENSIFIER_PHRASE_AFTER if len(r) > 1 else _INTENSIFIER_AFTER
                if 0 < a - r[-1] <= _INTENSIFIER_BEFORE or 0 < r[0] - b <= after:
                    tiers[k] = max(tiers[k], tier)
    out: dict[tuple[str, tuple[int, int]], list[int]] = {}
    for (a, _, stance), tier in zip(anchors, tiers):
        out.setdefault((stance, side.place[a]), []).append(tier)
    return out


def _coordinated(text: str, before: str, after: str) -> str | None:
    """The phrase ``text`` adds to (or takes from) a list, when it is coordinated (" or coercion",
    "East and ") or sits between list commas ("Canada, [Colombia, ]Croatia"); else None."""
    t = text.strip()
    low = t.casefold()
    for c in _COORDINATORS:
        if low.startswith(c + " "):
            return t[len(c) + 1:].strip(" ,")
        if low.endswith(" " + c):
            return t[: -len(c) - 1].strip(" ,")
    in_list = (t.endswith(",") and before.rstrip().endswith((",", "\u2014", ":", "("))) or (
        t.startswith(",") and after.lstrip().startswith((",", "and ", "or ")))
    return t.strip(" ,") if in_list else None


def _member(core: str, other: str, lex: Lexicon) -> bool:
    """Is the coordinated phrase ``core`` one list member? It must be short, hold no commitment verb
    or verb form, not open a subordinate phrase (", while ..."), and not occur on the other side
    (then it moved)."""
    if not core or re.search(r"[.;:!?()]", core):
        return False
    words = WORD.findall(core)
    if not words or len(words) > _MAX_MEMBER_WORDS or words[0].casefold() in _NOT_MEMBER_START:
        return False
    if all(w.islower() and w.endswith("ly") for w in words):
        return False  # "and effectively": manner, not a member
    if words[0].islower() and words[0].endswith(("ed", "ing")):
        return False  # "and exchanged information": a verb phrase
    if lex.verbs(core) or not any(w.casefold() not in STOPWORDS for w in words):
        return False
    return core.casefold() not in other.casefold()


def scope(ls: Side, rs: Side, edits: Sequence[Edit], tables: LabelWords, lex: Lexicon) -> set[str]:
    """widened / narrowed: scope markers ("anywhere in the world", "only") gained or lost in local
    changes, and list members gained or lost. Nothing when the signals disagree."""
    votes = _marker_votes(ls, rs, tables)
    members, vetoes = _member_votes(ls, rs, lex)
    votes = (votes | members) - vetoes
    return votes if len(votes) == 1 else set()


def _marker_votes(ls: Side, rs: Side, tables: LabelWords) -> set[str]:
    """widened / narrowed from the scope markers gained or lost in local changes."""
    votes: set[str] = set()

    def count(side: Side, rx: re.Pattern[str] | None) -> int:
        ignored = {i for r in side.hits(tables.scope_ignore) for i in r}
        return sum(1 for r in side.hits(rx) if not ignored & set(r) and any(i in side.local for i in r))

    wide = count(rs, tables.wide) - count(ls, tables.wide)
    narrow = count(rs, tables.narrow) - count(ls, tables.narrow)
    if wide > 0 or narrow < 0:
        votes.add("widened")
    if wide < 0 or narrow > 0:
        votes.add("narrowed")
    return votes


def _member_votes(ls: Side, rs: Side, lex: Lexicon) -> tuple[set[str], set[str]]:
    """Votes from list members inserted or deleted between kept words, and vetoes from longer
    coordinated phrases (evidence the other way)."""
    votes: set[str] = set()
    vetoes: set[str] = set()
    ops = word_opcodes(ls, rs)
    kept = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    if kept < _MIN_KEPT_FOR_MEMBERS * max(len(ls.words), len(rs.words), 1):
        ops = []  # a rewritten clause: a phrase it happens to add is no evidence of a longer list
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag not in ("insert", "delete") or not _between_kept_words(ops, k):
            continue
        side, other, a, b, at, vote = (rs, ls, j1, j2, i1, "widened") if tag == "insert" else \
            (ls, rs, i1, i2, j1, "narrowed")
        core = _coordinated(*_inserted(side, a, b, other, at))
        if core is None:
            continue
        if _member(core, other.text, lex):
            votes.add(vote)
        else:
            # A longer coordinated phrase ("and discuss new ways to expand our partnership") is not
            # a member, but it is evidence the other way: review {+and advance+} while a purpose
            # went is not a wider clause.
            vetoes.add("narrowed" if vote == "widened" else "widened")
    return votes, vetoes


def _between_kept_words(ops: list, k: int) -> bool:
    """Does opcode ``k`` stand between kept words (at least one side a run of 3, or the clause's
    end)? A list member inserted inside a rewrite is no evidence of a longer list."""
    before = ops[k - 1] if k else None
    after = ops[k + 1] if k + 1 < len(ops) else None
    if not any(op is None or (op[0] == "equal" and op[2] - op[1] >= MIN_MOVED_WORDS) for op in (before, after)):
        return False
    return not (before is not None and before[0] != "equal" or after is not None and after[0] != "equal")


def _inserted(side: Side, a: int, b: int, other: Side, at: int) -> tuple[str, str, str]:
    """The text that words [a, b) of ``side`` add between kept words, with the punctuation around
    them that the other side lacks ("Canada, {+Colombia, +}Croatia"; "by force{+ or coercion+}."), and
    the side's text before and after it."""
    words, owords = side.words, other.words
    start = words[a - 1].end if a else 0
    end = words[b].start if b < len(words) else len(side.text)
    ostart = owords[at - 1].end if at else 0
    oend = owords[at].start if at < len(owords) else len(other.text)
    gap, ogap = side.text[start:end], other.text[ostart:oend]
    head = 0
    while head < min(len(gap), len(ogap)) and gap[head] == ogap[head]:
        head += 1
    tail = 0
    while tail < min(len(gap), len(ogap)) - head and gap[-1 - tail] == ogap[-1 - tail]:
        tail += 1
    return gap[head:len(gap) - tail], side.text[:start + head], side.text[end - tail:]


# A modal word used as a noun is no modality: "political will to act", "the will of the people".
_NOT_MODAL_BEFORE = frozenset("the a their our its his her my your political strong".split())
_NOT_MODAL_AFTER = frozenset("to of and or".split())


def _modals(side: Side, tables: LabelWords) -> dict[int, str]:
    """Word index of each modal's first word -> its class ("will", "should", "may", "intend"). A
    negated modal is still its modal ("cannot" is "can"); a noun ("the will of") is none."""
    out: dict[int, str] = {}
    words = side.words
    for name, rx in tables.modals_lower_case:
        for r in side.hits(rx):
            single = len(r) == 1
            prev = words[r[0] - 1].key if r[0] else ""
            nxt = words[r[-1] + 1].key if r[-1] + 1 < len(words) else ""
            if single and (prev in _NOT_MODAL_BEFORE or not nxt or nxt in _NOT_MODAL_AFTER):
                continue
            out.setdefault(r[0], name)
    for i, w in enumerate(words):
        base = contraction_base(w.key)
        if base and i not in out:
            name = next((n for n, rx in tables.modals_lower_case if rx.fullmatch(base)), "")
            if name:
                out[i] = name
    return out


def modality_change(ls: Side, rs: Side, regions: Sequence[Region], tables: LabelWords) -> bool:
    """A local change swaps, adds or removes a modal ("will" -> "should", "will" -> "intend to")."""
    lmod, rmod = _modals(ls, tables), _modals(rs, tables)
    for reg in regions:
        if not reg.local:
            continue
        before = {name for i, name in lmod.items() if reg.i1 <= i < reg.i2}
        after = {name for j, name in rmod.items() if reg.j1 <= j < reg.j2}
        if before != after:
            return True
    return False


def hedges(ls: Side, rs: Side, tables: LabelWords) -> set[str]:
    """hedge-added / hedge-removed: qualifiers such as "as appropriate" or "explore", in local
    changes."""
    before = sum(1 for r in ls.hits(tables.hedges) if any(i in ls.local for i in r))
    after = sum(1 for r in rs.hits(tables.hedges) if any(i in rs.local for i in r))
    if after > before:
        return {"hedge-added"}
    if after < before:
        return {"hedge-removed"}
    return set()
