"""The walk through a series (step 3 of :mod:`statediff.series`): which clause group of each document
continues which lineage.

Walking the documents in order, a linked clause group continues the lineage of the clauses it is
linked to. Clauses the predecessor lacks, and rewordings linked only on the support of their position,
are then matched with every earlier wording of the lineages not yet continued, including those that
left at most ``lookback`` documents ago (see :meth:`Walk.recall`): the best pairs win, a lineage
absent from the predecessor is revived, and clauses left over start new lineages. A group linked to
clauses of several lineages (a merge) continues the first of them and the others end as ``merged``; a
lineage whose clauses went to several groups (a split) continues in the first group and the others
start new lineages that name it in ``split_from``.

The walk records :class:`Entry` records per lineage (a :class:`Builder`); :mod:`statediff.series` turns
them into :class:`~statediff.model.Lineage` records once every entry has its edits and labels.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Literal, NamedTuple

from .aligner import DEFAULT_THRESHOLD, MOVE_MARGIN, moved_links, similarity
from .model import Clause, Document, Link
from .normalizer import fold

__all__ = ["Wording", "Entry", "Builder", "Edge", "Walk", "text_of"]

# Recall (see Shelf): candidates share one of the new clause's this many rarest words, and the
# aligner's similarity scores this many best-ranked lineages per clause. Eight rare words leave room
# for the new names and numbers a reworded clause brings; four lineages cover near-duplicate
# commitments.
_RARE = 8
_CANDIDATES = 4
# A lineage reworded at every meeting is recalled by its latest wordings only: this many bound the
# cost, and a commitment rarely has more distinct wordings in a series.
_WORDINGS = 8

#: What the walk decides for a lineage in one document.
Step = Literal["added", "continued", "revived", "dropped", "merged"]


def text_of(clauses: Sequence[Clause]) -> str:
    """The text of a clause group: its clauses' texts joined with a space."""
    return " ".join(c.text for c in clauses)


class Wording(NamedTuple):
    """Where a wording stands: a document and the indexes of its clauses there."""

    document: int
    indexes: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """One step of a lineage: ``index`` are its clauses in ``document``; ``prev`` is the wording its
    edits start from (None for an added lineage); ``into`` the builder a merged lineage joined."""

    document: int
    status: Step
    index: tuple[int, ...] = ()
    prev: Wording | None = None
    score: float = 0.0
    moved: bool = False
    into: int = -1


@dataclass
class Builder:
    """A lineage in the making: its entries so far and every distinct wording it has had."""

    entries: list[Entry] = field(default_factory=list)
    split_from: int = -1
    last: Wording = Wording(-1, ())
    ended: bool = False  # merged into another lineage: never revived
    wordings: list[str] = field(default_factory=list)  # its distinct texts so far
    sources: list[Wording] = field(default_factory=list)  # where each was first seen

    def appear(self, entry: Entry, docs: Sequence[Document]) -> str | None:
        """Record an appearance; returns its text when it is a wording the lineage had not had."""
        self.entries.append(entry)
        self.last = Wording(entry.document, entry.index)
        text = text_of([docs[entry.document].clauses[i] for i in entry.index])
        if text in self.wordings:
            return None
        self.wordings.append(text)
        self.sources.append(self.last)
        return text


class Edge(NamedTuple):
    """A proposal: clause group ``group`` of the current document continues lineage ``lineage``.

    ``rank`` is 0 for a neighbour link and 1 for a recall, so that a continuation wins a tie against a
    revival; ``base`` is the wording scored (None: the lineage's last), where the edits will start.
    """

    score: float
    rank: int
    group: int
    lineage: int
    moved: bool
    base: Wording | None

    def order(self) -> tuple[float, int, int, int]:
        """The best-scored pairing first, then continuations, then reading order, then older lineages."""
        return -self.score, self.rank, self.group, self.lineage


class Shelf:
    """Every wording of every lineage, indexed by its words, to find recall candidates cheaply.

    Aligning a new clause with all the wordings of a long series would cost as much as the series
    is long, at every document. So candidates are found first, as record linkage does ("blocking"):
    the wordings that share at least one of the clause's rarest words, ranked by the summed inverse
    frequency of the words they share; the aligner then decides among the best few lineages.
    """

    def __init__(self) -> None:
        self.owner: list[int] = []  # wording -> builder
        self.postings: dict[str, list[int]] = {}

    def add(self, b_idx: int, text: str) -> None:
        w_idx = len(self.owner)
        self.owner.append(b_idx)
        for w in _words(text):
            self.postings.setdefault(w, []).append(w_idx)

    def candidates(self, text: str, eligible: Callable[[int], bool]) -> list[int]:
        """Up to ``_CANDIDATES`` eligible lineages that have used the most telling of the clause's words.

        A lineage scores the summed inverse frequency of the clause's ``_RARE`` rarest words that
        any of its wordings holds; ties go to the older lineage.
        """
        words = [w for w in _words(text) if w in self.postings]
        n = len(self.owner)
        best: dict[int, float] = {}
        for w in sorted(words, key=lambda w: (len(self.postings[w]), w))[:_RARE]:
            idf = math.log(n / len(self.postings[w])) + 1e-6
            for b_idx in {self.owner[w_idx] for w_idx in self.postings[w]}:
                if eligible(b_idx):
                    best[b_idx] = best.get(b_idx, 0.0) + idf
        return sorted(best, key=lambda b: (-best[b], b))[:_CANDIDATES]


_WORD = re.compile(r"[^\W_]{3,}")


def _words(text: str) -> frozenset[str]:
    """The distinct words of three letters or more, folded and lower-cased: what blocking compares."""
    return frozenset(_WORD.findall(fold(text).casefold()))


@dataclass
class _Turn:
    """What the walk decides in document ``k``: the lineages continued there (``claimed``), where the
    lineages of several-owner groups went (``merged_into``), the owner of each of its clauses
    (``current``), the clause groups recall may still decide (``open_groups``) and the proposals."""

    k: int
    claimed: set[int] = field(default_factory=set)
    merged_into: dict[int, int] = field(default_factory=dict)
    current: dict[int, int] = field(default_factory=dict)
    open_groups: list[tuple[int, ...]] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def place(self, right: tuple[int, ...], b_idx: int) -> None:
        for j in right:
            self.current[j] = b_idx


#: Called with (builder, entry number), the wording edits start from and the entry's clauses.
Diff = Callable[[tuple[int, int], tuple[Clause, ...], tuple[Clause, ...]], None]


class Walk:
    """The walk through ``docs`` in order; :meth:`run` returns one :class:`Builder` per lineage.

    ``diff`` is handed every entry that has a predecessor wording, as soon as the walk makes it (so
    that on an executor the diffing runs while the walk goes on).
    """

    def __init__(self, docs: Sequence[Document], *, lookback: int | None, threshold: float | None,
                 diff: Diff) -> None:
        self.docs, self.lookback, self.diff = docs, lookback, diff
        self.builders: list[Builder] = []
        self.shelf = Shelf()
        self.threshold = DEFAULT_THRESHOLD if threshold is None else threshold
        # Below this, the aligner would not have linked the pair without the support of its position
        # (a moved pair needs it): such links are weighed against the lineages' other wordings.
        self.contest = self.threshold + MOVE_MARGIN

    def run(self, neighbours: Callable[[int], list[Link]], tick: Callable[[], None]) -> list[Builder]:
        """Walk every document; ``neighbours(k)`` gives the links of document k-1 to document k, and
        ``tick()`` is called as each document is taken up and as it is done."""
        if not self.docs:
            return self.builders
        owner = {i: self.start(0, (i,)) for i in range(len(self.docs[0].clauses))}
        for k in range(1, len(self.docs)):
            links = neighbours(k)
            tick()
            owner = self.step(k, links, owner)
            tick()
        return self.builders

    def step(self, k: int, links: list[Link], owner: dict[int, int]) -> dict[int, int]:
        """Decide document k, whose predecessor's clauses belong to ``owner``; returns its own owners."""
        turn = _Turn(k)
        moved = moved_links(links)
        for pos, link in enumerate(links):
            self._follow(turn, owner, link, pos in moved)
        holders = {e.lineage for e in turn.edges}
        turn.claimed -= holders
        turn.edges += self.recall(turn, holders)
        self._choose(turn)
        self._end(turn, owner)
        return turn.current

    def appear(self, b_idx: int, entry: Entry) -> None:
        b = self.builders[b_idx]
        text = b.appear(entry, self.docs)
        if text is not None:
            self.shelf.add(b_idx, text)
        if entry.prev is not None:
            self.diff((b_idx, len(b.entries) - 1), self._clauses(entry.prev), self._clauses(Wording(entry.document, entry.index)))

    def start(self, k: int, index: tuple[int, ...], split_from: int = -1) -> int:
        """A new lineage, first seen in document k."""
        self.builders.append(Builder(split_from=split_from))
        self.appear(len(self.builders) - 1, Entry(k, "added", index))
        return len(self.builders) - 1

    def settle(self, turn: _Turn, b_idx: int, right: tuple[int, ...], score: float, moved: bool,
               base: Wording | None = None) -> None:
        """Lineage ``b_idx`` continues (or, absent from the predecessor, is revived) in group ``right``."""
        b = self.builders[b_idx]
        status: Step = "continued" if b.last.document == turn.k - 1 else "revived"
        self.appear(b_idx, Entry(turn.k, status, right, base if base is not None else b.last, score, moved))
        turn.claimed.add(b_idx)
        turn.place(right, b_idx)

    def _follow(self, turn: _Turn, owner: dict[int, int], link: Link, moved: bool) -> None:
        """A neighbour link: continue its lineage, split one off, or leave the group to recall."""
        if not link.right:
            return
        if not link.left:
            turn.open_groups.append(link.right)
            return
        owners = list(dict.fromkeys(owner[i] for i in link.left))
        pick = next((o for o in owners if o not in turn.claimed), None)
        for o in owners:
            turn.merged_into.setdefault(o, pick if pick is not None else -1)
        if pick is None:  # a lineage's clauses went to several groups: this one splits off
            turn.place(link.right, self.start(turn.k, link.right, split_from=owners[0]))
        elif link.score < self.contest and len(link.left) == 1 and len(link.right) == 1:
            # a rewording the aligner linked on the support of its position: another lineage, or
            # an older wording, may match the clause better (see recall)
            turn.claimed.add(pick)
            turn.edges.append(Edge(link.score, 0, len(turn.open_groups), pick, moved, None))
            turn.open_groups.append(link.right)
        else:
            self.settle(turn, pick, link.right, link.score, moved)

    def _choose(self, turn: _Turn) -> None:
        """The best proposals win; the groups left over start new lineages."""
        done: set[int] = set()
        for e in sorted(turn.edges, key=Edge.order):
            if e.group not in done and e.lineage not in turn.claimed:
                done.add(e.group)
                self.settle(turn, e.lineage, turn.open_groups[e.group], e.score, e.moved, e.base)
        for g, right in enumerate(turn.open_groups):
            if g not in done:
                turn.place(right, self.start(turn.k, right))

    def _end(self, turn: _Turn, owner: dict[int, int]) -> None:
        """The predecessor's lineages not continued: merged into the lineage that took their group, or dropped."""
        for b_idx in sorted(set(owner.values()) - turn.claimed):
            target = turn.merged_into.get(b_idx, -1)
            b = self.builders[b_idx]
            if target >= 0 and target != b_idx and target in turn.claimed:
                b.entries.append(Entry(turn.k, "merged", prev=b.last, into=target))
                b.ended = True
            else:
                b.entries.append(Entry(turn.k, "dropped", prev=b.last))

    def _eligible(self, turn: _Turn, b_idx: int) -> bool:
        b = self.builders[b_idx]
        return (b_idx not in turn.claimed and not b.ended and b.last.document < turn.k
                and (self.lookback is None or turn.k - 1 - b.last.document <= self.lookback))

    def recall(self, turn: _Turn, holders: set[int]) -> list[Edge]:
        """Propose lineages for the open clause groups of document k: those the predecessor lacks, and
        one-to-one rewordings whose neighbour link another lineage may beat.

        Candidates are the lineages that left at most ``lookback`` documents ago, those of the
        predecessor not yet continued, and the ``holders`` of the rewordings. Every wording a lineage
        had counts (its last ``_WORDINGS``), since a commitment reworded twice may be closer to an older
        wording than to the last; but not the predecessor's own wording, which the aligner has weighed
        already (a holder keeps its neighbour link's edge; two documents give what ``compare``
        gives). The shelf proposes a few lineages per clause; the aligner's
        :func:`~statediff.aligner.similarity` scores them, and a pair counts from the threshold, the
        similarity the aligner asks of pairs in sequence: the lineage's history stands in for the
        support of position. Each edge's ``base`` is the wording scored.
        """
        if not turn.open_groups:
            return []
        right = [text_of([self.docs[turn.k].clauses[j] for j in group]) for group in turn.open_groups]
        chosen: set[int] = set(holders)
        eligible = partial(self._eligible, turn)
        for text in right:
            chosen.update(self.shelf.candidates(text, eligible))
        left: list[str] = []
        whose: list[tuple[int, Wording]] = []
        for b_idx in sorted(chosen):
            b = self.builders[b_idx]
            for text, source in zip(b.wordings[-_WORDINGS:], b.sources[-_WORDINGS:]):
                if source.document == turn.k - 1:
                    continue  # the predecessor's own wording: the aligner has weighed it (a holder keeps its link)
                left.append(text)
                whose.append((b_idx, source))
        if not left:
            return []
        sim = similarity(left, right)
        return [Edge(round(float(sim[i, g]), 4), 1, int(g), whose[i][0], False, whose[i][1])
                for i, g in zip(*(sim >= self.threshold).nonzero())]

    def _clauses(self, wording: Wording) -> tuple[Clause, ...]:
        return tuple(self.docs[wording.document].clauses[i] for i in wording.indexes)
