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
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, NamedTuple

from .label_words import LabelWords
from .lexicon import Lexicon, default_lexicon
from .model import Clause, Edit

__all__ = ["LABELS", "EDIT_KINDS", "STANCE_SHIFTS", "classify", "is_cosmetic_only", "verdict"]

EDIT_KINDS = ("cosmetic", "substitution", "insertion", "deletion", "reordering", "number-change",
              "negation-flip", "actor-change")
STANCE_SHIFTS = ("strengthened", "softened", "widened", "narrowed", "modality-change", "hedge-added",
                 "hedge-removed")
LABELS = EDIT_KINDS + STANCE_SHIFTS  # the order labels are reported in

# A moved run must be this long (in words) to count as a reordering: two-word runs ("North Korea",
# "visa-free travel") recur by chance in any rewrite; three words with two content words rarely do.
_MIN_MOVED_WORDS = 3
_MIN_MOVED_CONTENT = 2
# A change is local when it spans at most this many words on each side between words both texts
# keep: "[-reconfirmed the serious concern over the development of-]{+expressed strong concerns over+}"
# is 8 words; a rewritten sentence is 15 or more. Stance shifts, negation flips and modality changes
# are read only in local changes.
_LOCAL_WORDS = 8
# Kept words separate two changes only if there are more than this many of them: "the", "of the" or
# "AUKUS" kept by chance inside a rewritten sentence do not make it several small edits.
_WEAK_GAP = 2
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

# Words as the classifier counts them: a hyphenated compound is one word ("visa-free", "re-affirmed").
# CJK text has no spaces between words: each character is a word, as for the differ and the aligner,
# so that an edit inside a run ("強く" deleted) falls on words of its own.
_CJK_CHAR = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_LETTERS = rf"(?:(?![{_CJK_CHAR}])[^\W_])+"
_WORD = re.compile(rf"[{_CJK_CHAR}]|{_LETTERS}(?:['\u2019]{_LETTERS}|[\u2010\u2011-](?=[^\W\d_]){_LETTERS})*")  # not "2-1/4"
_KEY_DROP = str.maketrans({"-": "", "\u2010": "", "\u2011": "", "\u2019": "'"})
_STOPWORDS = frozenset(
    "a an the of to in on at by for with from and or nor as is are was were be been being that this these "
    "those it its their his her our we they he she which who whom whose also well such than then into "
    "onto over under about between among all any each both".split()
)
_COORDINATORS = ("and", "or", "as well as")
# Words that open a subordinate phrase, not a list member (", while remaining open", "and to promote").
_NOT_MEMBER_START = frozenset(
    "while whereas which who that to including such where when if because although though through by "
    "with without so as effective thereby".split()
)
_DIGIT = re.compile(r"\d")


class _Word(NamedTuple):
    start: int
    end: int
    text: str
    key: str  # casefolded, hyphens dropped: "Re-affirmed" and "reaffirmed" have one key


def _words(text: str) -> list[_Word]:
    return [_Word(m.start(), m.end(), m.group(0), m.group(0).casefold().translate(_KEY_DROP))
            for m in _WORD.finditer(text)]


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


# --------------------------------------------------------------------------------------------------
# The pair under study: both texts, their words, the edit each word is in, and the local changes
# --------------------------------------------------------------------------------------------------


class _Side:
    """One side of a pair: its text, words, the edit each word falls in, and the claimed words."""

    def __init__(self, text: str, edits: Sequence[Edit], which: str) -> None:
        self.text = text
        self.words = _words(text)
        self.starts = [w.start for w in self.words]
        self.ends = [w.end for w in self.words]
        self._hits: dict[re.Pattern[str], list[range]] = {}
        bounds = []  # (start, end, edit index) in this side's text
        pos = 0
        for k, e in enumerate(edits):
            part = e.left if which == "left" else e.right
            bounds.append((pos, pos + len(part), k))
            pos += len(part)
        self.edit_of: list[int] = []
        b = 0
        for w in self.words:
            while b < len(bounds) - 1 and bounds[b][1] <= w.start:
                b += 1
            self.edit_of.append(bounds[b][2] if bounds else -1)
        self.consumed: set[int] = set()
        self.local: set[int] = set()  # words inside a local change (see _regions)
        self.place: list[tuple[int, int]] = []  # per word: (difflib opcode, offset in a kept run or -1)
        self.opcodes: list[tuple[Any, int, int, int, int]] = []  # difflib's, on the words of both sides

    def span(self, start: int, end: int) -> range:
        """Indexes of the words that overlap the character span [start, end)."""
        first = bisect_right(self.ends, start)  # words are in order and never overlap
        last = bisect_left(self.starts, end)
        return range(first, last) if first < last else range(0)

    def hits(self, rx: re.Pattern[str] | None) -> list[range]:
        """Word ranges matched by ``rx`` (found once per side and pattern)."""
        if rx is None:
            return []
        found = self._hits.get(rx)
        if found is None:
            found = self._hits[rx] = [r for r in (self.span(m.start(), m.end()) for m in rx.finditer(self.text))
                                      if len(r)]
        return found


@dataclass(frozen=True, slots=True)
class _Region:
    """A change between kept words: left words [i1, i2), right words [j1, j2)."""

    i1: int
    i2: int
    j1: int
    j2: int

    @property
    def local(self) -> bool:
        return self.i2 - self.i1 <= _LOCAL_WORDS and self.j2 - self.j1 <= _LOCAL_WORDS


def _regions(ls: _Side, rs: _Side) -> list[_Region]:
    """The changes between the two word sequences (difflib, no junk heuristic), with kept runs of
    one or two words absorbed into the changes around them."""
    sm = SequenceMatcher(None, [w.key for w in ls.words], [w.key for w in rs.words], autojunk=False)
    out: list[_Region] = []
    ls.place = [(0, -1)] * len(ls.words)
    rs.place = [(0, -1)] * len(rs.words)
    ls.opcodes = rs.opcodes = sm.get_opcodes()
    for k, (tag, i1, i2, j1, j2) in enumerate(ls.opcodes):
        for i in range(i1, i2):
            ls.place[i] = (k, i - i1 if tag == "equal" else -1)
        for j in range(j1, j2):
            rs.place[j] = (k, j - j1 if tag == "equal" else -1)
        if tag == "equal":
            continue
        if out:
            prev = out[-1]
            if i1 - prev.i2 <= _WEAK_GAP:
                out[-1] = _Region(prev.i1, i2, prev.j1, j2)
                continue
        out.append(_Region(i1, i2, j1, j2))
    for reg in out:
        if reg.local:
            ls.local.update(range(reg.i1, reg.i2))
            rs.local.update(range(reg.j1, reg.j2))
    return out


def _changed(side: _Side, edits: Sequence[Edit]) -> list[int]:
    """Indexes of the words that lie in a non-equal edit."""
    return [i for i, k in enumerate(side.edit_of) if k >= 0 and edits[k].op != "equal"]


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
    ls, rs = _Side(left_text, edits, "left"), _Side(right_text, edits, "right")
    regions = _regions(ls, rs)
    found: set[str] = set()
    if _reordering(ls, rs):
        found.add("reordering")
    if _number_change(ls, rs, edits, tables):
        found.add("number-change")
    if _negation_flip(ls, rs, regions, tables):
        found.add("negation-flip")
    if _actor_change(ls, rs, edits, left, right, tables):
        found.add("actor-change")
    found.update(_residual_kinds(ls, rs, edits))
    found.update(_strength(ls, rs, regions, tables))
    found.update(_scope(ls, rs, edits, tables, lex))
    if _modality_change(ls, rs, regions, tables):
        found.add("modality-change")
    found.update(_hedges(ls, rs, tables))
    if not found:
        found.add("cosmetic")  # every edit differs only in case or hyphenation ("re-affirmed")
    return tuple(label for label in LABELS if label in found)


# --------------------------------------------------------------------------------------------------
# Edit kinds
# --------------------------------------------------------------------------------------------------


def _reordering(ls: _Side, rs: _Side) -> bool:
    """Word runs that both texts hold but in another order: they are left over by the in-order
    matching (difflib's longest-block recursion would have matched any run that kept its place),
    yet occur on both sides. Claims the moved words."""
    lk = [w.key for w in ls.words]
    rk = [w.key for w in rs.words]
    sm = SequenceMatcher(None, lk, rk, autojunk=False)
    lfree = [True] * len(lk)
    rfree = [True] * len(rk)
    for a, b, n in sm.get_matching_blocks():
        for i in range(n):
            lfree[a + i] = False
            rfree[b + i] = False
    runs = []  # (length, i, j)
    for i in range(len(lk)):
        if not lfree[i]:
            continue
        for j in range(len(rk)):
            if not rfree[j] or lk[i] != rk[j]:
                continue
            if i and j and lfree[i - 1] and rfree[j - 1] and lk[i - 1] == rk[j - 1]:
                continue  # not the start of a maximal run
            n = 0
            while i + n < len(lk) and j + n < len(rk) and lfree[i + n] and rfree[j + n] and lk[i + n] == rk[j + n]:
                n += 1
            content = sum(1 for w in lk[i:i + n] if w not in _STOPWORDS)
            if n >= _MIN_MOVED_WORDS and content >= _MIN_MOVED_CONTENT:
                runs.append((n, i, j))
    moved = False
    for n, i, j in sorted(runs, key=lambda r: (-r[0], r[1], r[2])):
        li, ri = range(i, i + n), range(j, j + n)
        if any(x in ls.consumed for x in li) or any(x in rs.consumed for x in ri):
            continue
        ls.consumed.update(li)
        rs.consumed.update(ri)
        moved = True
    return moved


def _is_number(word: str, tables: LabelWords) -> bool:
    return bool(_DIGIT.search(word)) or word.casefold() in tables.numbers or word in tables.proper_numbers


def _number_change(ls: _Side, rs: _Side, edits: Sequence[Edit], tables: LabelWords) -> bool:
    """Numbers, dates and quantities (digits, number words, ordinals, month names) that gave way to
    others in the same slot: a removed and an added number that share the word before or after them
    ("the [-Second-]{+third+} CRI", "[-50-]{+68+} members", "on [-December 16-]{+January 27+}"). A
    number that only appears or disappears, or a date dropped here while an unrelated count comes
    in there, is an insertion or deletion. Claims the numbers of the slots that changed."""
    lnum = [i for i in _changed(ls, edits) if i not in ls.consumed and _is_number(ls.words[i].text, tables)]
    rnum = [i for i in _changed(rs, edits) if i not in rs.consumed and _is_number(rs.words[i].text, tables)]
    lslots = {i: _slot(ls, i, tables) for i in lnum}
    rslots = {j: _slot(rs, j, tables) for j in rnum}
    lkeep = [i for i in lnum if any(_same_slot(lslots[i], rslots[j]) for j in rnum)]
    rkeep = [j for j in rnum if any(_same_slot(lslots[i], rslots[j]) for i in lnum)]
    if Counter(ls.words[i].key for i in lkeep) == Counter(rs.words[j].key for j in rkeep):
        return False  # no slot holds another number now
    ls.consumed.update(lkeep)
    rs.consumed.update(rkeep)
    return True


def _slot(side: _Side, i: int, tables: LabelWords) -> tuple[str, ...]:
    """Where a number stands: the words right before and after it, and the nearest words before and
    after it that are not numbers ("" where there is none). "780 million people" and "800 million
    citizens" share "million"; "on December 16, 2015" and "on January 27, 2016" share "on"."""
    words = side.words

    def plain(k: int) -> str:  # a neighbour in digits says nothing: "1/4" and "1.00" share "1"
        return words[k].key if 0 <= k < len(words) and not _DIGIT.search(words[k].text) else ""

    near_before = next((words[k].key for k in range(i - 1, -1, -1) if not _is_number(words[k].text, tables)), "")
    near_after = next((words[k].key for k in range(i + 1, len(words)) if not _is_number(words[k].text, tables)), "")
    return plain(i - 1), plain(i + 1), near_before, near_after


def _same_slot(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return any(x and x == y for x, y in zip(a, b))


def _negation_words(side: _Side, words: range, tables: LabelWords) -> list[int]:
    if tables.negations is None or not len(words):
        return []
    idioms: set[int] = set()
    for r in side.hits(tables.negation_idioms):
        idioms.update(r)
    return [i for i in words if i not in idioms and tables.negations.fullmatch(side.words[i].text)]


def _contraction_base(key: str) -> str:
    """The word a negative contraction negates: "cannot" -> "can", "won't" -> "will"."""
    key = key.replace("\u2019", "'")
    if key in _CONTRACTIONS:
        return _CONTRACTIONS[key]
    return key[:-3] if key.endswith("n't") else ""


_CONTRACTIONS = {"cannot": "can", "can't": "can", "won't": "will", "shan't": "shall"}


def _negation_flip(ls: _Side, rs: _Side, regions: Sequence[_Region], tables: LabelWords) -> bool:
    """A local change adds or removes a negation ("will" -> "will not", "can" -> "cannot"). Idioms
    that only look negative ("not only", "without delay") do not count. Claims the negations, and
    the word a contraction stands for on the other side ("can" of "can" -> "cannot")."""
    flipped = False
    for reg in regions:
        if not reg.local:
            continue
        lwords, rwords = range(reg.i1, reg.i2), range(reg.j1, reg.j2)
        lneg = _negation_words(ls, lwords, tables)
        rneg = _negation_words(rs, rwords, tables)
        if len(lneg) == len(rneg):
            continue
        flipped = True
        for side, neg, other, other_words in ((ls, lneg, rs, rwords), (rs, rneg, ls, lwords)):
            side.consumed.update(neg)
            for i in neg:
                base = _contraction_base(side.words[i].key)
                match = next((j for j in other_words if other.words[j].key == base and j not in other.consumed), None)
                if match is not None:
                    other.consumed.add(match)
    return flipped


# Determiners, auxiliaries and adverbs do not change who speaks ("The Ministers" / "the Ministers
# also", "We" / "We have"); nor does a count ("The four Ministers"): that is a number-change.
_NOT_ACTOR = frozenset(
    "the both all each also further jointly together have has had are is was were will would shall "
    "can could may might must should do does did".split()
)
# Third-person pronouns refer back to an actor named before; only "we" / "I" speak for themselves.
_ANAPHORA = frozenset({("they",), ("he",), ("she",), ("it",)})
_DETERMINERS = frozenset("the this these that those our their its both all each such".split())


def _actor_key(actor: str, tables: LabelWords) -> tuple[str, ...]:
    return tuple(w.key for w in _words(actor) if w.key not in _NOT_ACTOR and not _is_number(w.text, tables))


def _is_agent(actor: str, tables: LabelWords, agents: frozenset[str]) -> bool:
    """Does the subject name someone who can speak: a pronoun or role noun of the lexicon's
    ``actor_words`` ("We", "the Ministers"), or a proper name ("Japan", "The TTC")? "These initial
    efforts" is a grammatical subject, not an actor."""
    words = _words(actor)
    if any(w.key in agents for w in words):
        return True
    for k, w in enumerate(words):
        if w.text[:1].isupper() and not (k == 0 and w.key in _DETERMINERS) and w.key not in _NOT_ACTOR:
            return True
    return False


def _actor_change(ls: _Side, rs: _Side, edits: Sequence[Edit], left: Sequence[Clause],
                  right: Sequence[Clause], tables: LabelWords) -> bool:
    """The clause names another actor ("The two leaders" -> "We"). Only actors written in the
    clause itself count: an actor inherited from an earlier clause is not visible in the diff.
    Claims the actor's changed words."""
    la = next((c.actor for c in left if c.actor), "")
    ra = next((c.actor for c in right if c.actor), "")
    if not la or not ra:
        return False
    lkey, rkey = _actor_key(la, tables), _actor_key(ra, tables)
    if lkey in _ANAPHORA or rkey in _ANAPHORA:
        return False  # "They" -> "The Ministers": the same people, referred to, not another actor
    short, long = sorted((lkey, rkey), key=len)
    if any(long[k:k + len(short)] == short for k in range(len(long) - len(short) + 1)):
        return False  # the same actor, more or less fully named: "the leaders of Australia" / "Australia"
    if not _is_agent(la, tables, tables.actor_words) or not _is_agent(ra, tables, tables.actor_words):
        return False
    lk, rk = ls.text.casefold().find(la.casefold()), rs.text.casefold().find(ra.casefold())
    if lk < 0 or rk < 0:
        return False
    lwords = [i for i in ls.span(lk, lk + len(la)) if edits[ls.edit_of[i]].op != "equal"]
    rwords = [i for i in rs.span(rk, rk + len(ra)) if edits[rs.edit_of[i]].op != "equal"]
    if not lwords and not rwords:
        return False
    ls.consumed.update(lwords)
    rs.consumed.update(rwords)
    return True


def _residual_kinds(ls: _Side, rs: _Side, edits: Sequence[Edit]) -> set[str]:
    """substitution / insertion / deletion from the substantive words no specific kind claimed.
    Words that differ only in case or hyphenation ("re-affirmed" -> "reaffirmed") are cosmetic."""
    kinds: set[str] = set()
    for k, e in enumerate(edits):
        if e.op == "equal":
            continue
        lkeys = [w.key for i, w in enumerate(ls.words) if ls.edit_of[i] == k and i not in ls.consumed]
        rkeys = [w.key for i, w in enumerate(rs.words) if rs.edit_of[i] == k and i not in rs.consumed]
        # Words both sides of one edit hold are kept words the diff grouped with a change ("[-We-]{+and
        # we+}" only inserts "and") or differ in case or hyphenation only: they are no substitution.
        sm = SequenceMatcher(None, lkeys, rkeys, autojunk=False)
        shared = sum(n for _, _, n in sm.get_matching_blocks())
        removed, added = len(lkeys) - shared, len(rkeys) - shared
        if removed and added:
            kinds.add("substitution")
        elif added:
            kinds.add("insertion")
        elif removed:
            kinds.add("deletion")
    return kinds


# --------------------------------------------------------------------------------------------------
# Stance shifts
# --------------------------------------------------------------------------------------------------


def _direction(before: int, after: int) -> str | None:
    if after > before:
        return "strengthened"
    if after < before:
        return "softened"
    return None


def _strength(ls: _Side, rs: _Side, regions: Sequence[_Region], tables: LabelWords) -> set[str]:
    """strengthened / softened, from two signals that must not disagree:

    * a phrase of a ``commitment_scale`` swapped in place, inside one local change, for a phrase on
      another level of the same scale ("[-confirmed-]{+reaffirmed+}"); phrases on different scales
      ("agreed" and "expressed concern") are never compared;
    * an intensifier qualifying a stance word changed tier ("[-serious-]{+grave+} concern",
      "[-strongly -]oppose"); a stance word is compared only with the one of its class it was kept
      as or swapped for in place (a concern that came or went is not a softer concern).
    """
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
    lint, rint = _intensity(ls, tables), _intensity(rs, tables)
    for place in lint.keys() & rint.keys():
        if len(lint[place]) != len(rint[place]):
            continue  # a stance word came or went: no one-to-one reading
        for before, after in zip(lint[place], rint[place]):
            v = _direction(before, after)
            if v:
                votes.add(v)
    return votes if len(votes) == 1 else set()


def _intensity(side: _Side, tables: LabelWords) -> dict[tuple[str, tuple[int, int]], list[int]]:
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
    words = _WORD.findall(core)
    if not words or len(words) > _MAX_MEMBER_WORDS or words[0].casefold() in _NOT_MEMBER_START:
        return False
    if all(w.islower() and w.endswith("ly") for w in words):
        return False  # "and effectively": manner, not a member
    if words[0].islower() and words[0].endswith(("ed", "ing")):
        return False  # "and exchanged information": a verb phrase
    if lex.verbs(core) or not any(w.casefold() not in _STOPWORDS for w in words):
        return False
    return core.casefold() not in other.casefold()


def _scope(ls: _Side, rs: _Side, edits: Sequence[Edit], tables: LabelWords, lex: Lexicon) -> set[str]:
    """widened / narrowed: scope markers ("anywhere in the world", "only") gained or lost in local
    changes, and list members gained or lost. Nothing when the signals disagree."""
    votes: set[str] = set()

    def count(side: _Side, rx: re.Pattern[str] | None) -> int:
        ignored = {i for r in side.hits(tables.scope_ignore) for i in r}
        return sum(1 for r in side.hits(rx) if not ignored & set(r) and any(i in side.local for i in r))

    wide = count(rs, tables.wide) - count(ls, tables.wide)
    narrow = count(rs, tables.narrow) - count(ls, tables.narrow)
    if wide > 0 or narrow < 0:
        votes.add("widened")
    if wide < 0 or narrow > 0:
        votes.add("narrowed")
    vetoes: set[str] = set()
    ops = ls.opcodes
    kept = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    if kept < _MIN_KEPT_FOR_MEMBERS * max(len(ls.words), len(rs.words), 1):
        ops = []  # a rewritten clause: a phrase it happens to add is no evidence of a longer list
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag not in ("insert", "delete"):
            continue
        # Between kept words (at least one side a run of 3, or the clause's end): a list member
        # inserted inside a rewrite is no evidence of a longer list.
        before = ops[k - 1] if k else None
        after = ops[k + 1] if k + 1 < len(ops) else None
        if not any(op is None or (op[0] == "equal" and op[2] - op[1] >= _MIN_MOVED_WORDS) for op in (before, after)):
            continue
        if before is not None and before[0] != "equal" or after is not None and after[0] != "equal":
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
    votes -= vetoes
    return votes if len(votes) == 1 else set()


def _inserted(side: _Side, a: int, b: int, other: _Side, at: int) -> tuple[str, str, str]:
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


def _modals(side: _Side, tables: LabelWords) -> dict[int, str]:
    """Word index of each modal's first word -> its class ("will", "should", "may", "intend"). A
    negated modal is still its modal ("cannot" is "can"); a noun ("the will of") is none."""
    out: dict[int, str] = {}
    words = side.words
    for name, rx in tables.modals_lower_case:
        for m in rx.finditer(side.text):
            r = side.span(m.start(), m.end())
            if not len(r):
                continue
            single = len(r) == 1
            prev = words[r[0] - 1].key if r[0] else ""
            nxt = words[r[-1] + 1].key if r[-1] + 1 < len(words) else ""
            if single and (prev in _NOT_MODAL_BEFORE or not nxt or nxt in _NOT_MODAL_AFTER):
                continue
            out.setdefault(r[0], name)
    for i, w in enumerate(words):
        base = _contraction_base(w.key)
        if base and i not in out:
            name = next((n for n, rx in tables.modals_lower_case if rx.fullmatch(base)), "")
            if name:
                out[i] = name
    return out


def _modality_change(ls: _Side, rs: _Side, regions: Sequence[_Region], tables: LabelWords) -> bool:
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


def _hedges(ls: _Side, rs: _Side, tables: LabelWords) -> set[str]:
    """hedge-added / hedge-removed: qualifiers such as "as appropriate" or "explore", in local
    changes."""
    before = sum(1 for r in ls.hits(tables.hedges) if any(i in ls.local for i in r))
    after = sum(1 for r in rs.hits(tables.hedges) if any(i in rs.local for i in r))
    if after > before:
        return {"hedge-added"}
    if after < before:
        return {"hedge-removed"}
    return set()
