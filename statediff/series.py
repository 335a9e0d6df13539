"""N documents -> each clause's history: a :class:`~statediff.model.Series` of lineages.

1. *Order*: documents are put in date order (:attr:`Document.date`, from the file name or the text;
   a stable sort, so documents of one day keep the order given), or kept as given.
2. *Neighbours*: each document is aligned with its predecessor: clauses repeated word for word are
   linked first, and :func:`statediff.aligner.align` links the rest. The pairs are independent of
   each other, so they run on an executor when one is given, while the walk below goes on.
3. *Lineages*: walking the documents in order, a linked clause group continues the lineage of the
   clauses it is linked to. Clauses the predecessor lacks, and rewordings linked only on the support
   of their position, are then matched with every earlier wording of the lineages not yet continued,
   including those that left at most ``lookback`` documents ago (see :func:`_recall`): the best pairs
   win, a lineage absent from the predecessor is revived, and clauses left over start new lineages.
   A group linked to clauses of several lineages (a merge) continues the first of them and the
   others end as ``merged``; a lineage whose clauses went to several groups (a split) continues in
   the first group and the others start new lineages that name it in ``split_from``.
4. *Wording*: every entry gets the word edits from the wording it was matched with (the last one,
   or an older one recalled) by :func:`statediff.differ.diff_words`, and the labels of
   :func:`statediff.classifier.classify`. This also runs on the executor.

Lineage ids ("L1", "L2", ...) follow first appearance: document order, then reading order, so the same
documents always give the same ids, and filtering with ``grep`` keeps them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field, replace
from typing import Any, Union

from .aligner import DEFAULT_THRESHOLD, MOVE_MARGIN, align, moved_links, order_links, similarity
from .classifier import verdict
from .errors import StatediffError
from .lexicon import Lexicon
from .limits import check_pair
from .model import Clause, Document, Edit, Lineage, Link, Revision, Series
from .normalizer import fold

__all__ = ["track", "select", "order_documents", "DocumentSpec"]

#: What :func:`track` accepts for one document: a read :class:`Document`, a path, or a
#: ``(path, part)`` pair selecting one part of a document that holds several meetings.
DocumentSpec = Union[Document, str, "os.PathLike[str]", tuple[Any, int | str | None]]

Progress = Callable[[int, int], None]

# Entries are grouped into batches of about this many clause pairs before they are sent to an
# executor: large enough that pickling and scheduling cost little next to the diffs themselves.
_BATCH = 400

# Recall (see _Shelf): candidates share one of the new clause's this many rarest words, and the
# aligner's similarity scores this many best-ranked lineages per clause. Eight rare words leave room
# for the new names and numbers a reworded clause brings; four lineages cover near-duplicate
# commitments.
_RARE = 8
_CANDIDATES = 4
# A lineage reworded at every meeting is recalled by its latest wordings only: this many bound the
# cost, and a commitment rarely has more distinct wordings in a series.
_WORDINGS = 8


def track(documents: Iterable[DocumentSpec], *, keep_order: bool = False, lookback: int | None = None,
          threshold: float | None = None, grep: str | None = None, lexicon: Lexicon | None = None,
          executor: Executor | None = None, progress: Progress | None = None,
          input_format: str | None = None, encoding: str | None = None) -> Series:
    """Follow every clause through a series of documents and return their lineages.

    ``documents`` are :class:`Document` records, paths, or ``(path, part)`` pairs; paths are read
    with :func:`statediff.read` (``input_format`` and ``encoding`` as its ``format`` and ``encoding``;
    ``lexicon`` annotates their clauses and labels the changes).
    They are ordered by date unless ``keep_order``. A lineage that left may be revived by a later
    document at most ``lookback`` documents after it was last seen (no limit when None); ``threshold``
    is the aligner's (see :func:`statediff.align`). ``grep`` keeps the lineages whose wording, in any
    document, contains the phrase (see :func:`select`). ``executor`` (any
    :class:`concurrent.futures.Executor`: a process pool, or a Dask cluster's
    ``client.get_executor()``) runs the reading, aligning and diffing; ``progress`` is called as
    ``progress(done, total)`` while work completes.

    >>> import statediff
    >>> a = statediff.parse("(1) We oppose change by coercion.\\n(2) We welcome the talks.", name="2021-01-15")
    >>> b = statediff.parse("(1) We welcome the talks.", name="2021-06-01")
    >>> c = statediff.parse("(1) We oppose change by force.\\n(2) We welcome the talks.", name="2022-01-20")
    >>> s = statediff.track([c, a, b])
    >>> [(lin.id, [(s.documents[r.document].name, r.status) for r in lin.history]) for lin in s.lineages]
    [('L1', [('2021-01-15', 'added'), ('2021-06-01', 'dropped'), ('2022-01-20', 'revived')]), \
('L2', [('2021-01-15', 'added'), ('2021-06-01', 'unchanged'), ('2022-01-20', 'unchanged')])]
    """
    if lookback is not None and lookback < 1:
        raise ValueError("lookback must be at least 1 (or None for no limit)")
    items = list(documents)
    meter = _Meter(progress, total=sum(not isinstance(d, Document) for d in items))
    read = _read_all(items, executor, meter, input_format, encoding, lexicon)
    docs = _unique_names(order_documents(read, keep_order=keep_order))
    n = len(docs)
    for k in range(1, n):
        check_pair(docs[k - 1], docs[k])
    meter.total += 2 * max(n - 1, 0)
    pairs = [(docs[k - 1].clauses, docs[k].clauses, threshold) for k in range(1, n)]
    if executor is None:
        neighbours: Callable[[int], list[Link]] = lambda k: _align_pair(*pairs[k - 1])  # noqa: E731
    else:  # all neighbours at once; the walk takes them in order while the rest are still aligning
        futures = [executor.submit(_align_pair, *a) for a in pairs]
        neighbours = lambda k: futures[k - 1].result()  # noqa: E731
    differ = _Differ(executor, lexicon, meter)
    builders = _walk(docs, neighbours, lookback, threshold, meter, differ)
    lineages = _revise(docs, builders, differ.results())
    series = Series(documents=tuple(docs), lineages=lineages)
    return series if grep is None else select(series, grep)


def select(series: Series, phrase: str) -> Series:
    """The lineages whose wording, in any document, contains ``phrase``.

    Matching ignores case and the differences :func:`statediff.normalizer.fold` removes (curly or
    straight quotes, dashes, non-breaking spaces), so "China’s" finds "China's". Ids are kept.
    """
    want = _folded(phrase)
    keep = tuple(lin for lin in series.lineages if any(want in _folded(r.text) for r in lin.history))
    return replace(series, lineages=keep, grep=phrase)


def order_documents(documents: Sequence[Document], *, keep_order: bool = False) -> list[Document]:
    """Documents in date order (stable), or as given with ``keep_order``.

    Raises :class:`StatediffError` when a document has no date to order by.
    """
    docs = list(documents)
    if keep_order:
        return docs
    for d in docs:
        if not d.date:
            raise StatediffError(f"{d.name}: no date in its name or text to order the series by; "
                                 "give the documents in order and keep it (--keep-order)")
    return sorted(docs, key=lambda d: d.date)


def _folded(text: str) -> str:
    return " ".join(fold(text).casefold().split())


def _unique_names(docs: list[Document]) -> list[Document]:
    """Lineages name documents by name, so a repeated name gets " (2)", " (3)", ... after it."""
    seen: dict[str, int] = {}
    out = []
    for d in docs:
        k = seen[d.name] = seen.get(d.name, 0) + 1
        out.append(d if k == 1 else replace(d, name=f"{d.name} ({k})"))
    return out


# --- running work, in this process or on an executor -------------------------------------------


@dataclass
class _Meter:
    callback: Progress | None
    total: int
    done: int = 0

    def tick(self, k: int = 1) -> None:
        self.done += k
        if self.callback is not None:
            self.callback(self.done, self.total)


def _map(func: Callable[..., Any], args: list[tuple], executor: Executor | None, meter: _Meter) -> list[Any]:
    """``[func(*a) for a in args]``, on ``executor`` when one is given, ticking ``meter``."""
    if executor is None:
        out = []
        for a in args:
            out.append(func(*a))
            meter.tick()
        return out
    from concurrent.futures import as_completed

    futures = {executor.submit(func, *a): k for k, a in enumerate(args)}
    results: list[Any] = [None] * len(args)
    for fut in as_completed(futures):
        k = futures[fut]
        results[k] = fut.result()
        meter.tick()
    return results


def _read_one(spec: Any, format: str | None, encoding: str | None, lexicon: Lexicon | None,
              name: str | None = None) -> Document:
    from .reader import read

    source, part = spec if isinstance(spec, tuple) else (spec, None)
    return read(source, part=part, format=format, encoding=encoding, lexicon=lexicon, name=name)


def _read_all(items: list[DocumentSpec], executor: Executor | None, meter: _Meter, format: str | None,
              encoding: str | None, lexicon: Lexicon | None) -> list[Document]:
    todo = [(k, d) for k, d in enumerate(items) if not isinstance(d, Document)]
    for _, d in todo:
        source = d[0] if isinstance(d, tuple) else d
        if not isinstance(source, (str, os.PathLike)) or os.fspath(source) == "-":
            # file objects and standard input cannot travel to another process: read them here
            executor = None
    from .reader import distinct_names

    names = distinct_names([d for _, d in todo])
    read = _map(_read_one, [(d, format, encoding, lexicon, name) for (_, d), name in zip(todo, names)], executor, meter)
    docs: list[Any] = list(items)
    for (k, _), d in zip(todo, read):
        docs[k] = d
    return docs


def _align_pair(left: Sequence[Clause], right: Sequence[Clause], threshold: float | None) -> list[Link]:
    """Align two neighbours: runs of identical clauses in the same order are linked as they are (the
    matching blocks of :class:`difflib.SequenceMatcher` on the clause texts), and the aligner links the
    clauses between them. Consecutive statements of a series repeat most of their clauses, so this
    keeps the aligner's work to what changed."""
    from difflib import SequenceMatcher

    lt, rt = [c.text for c in left], [c.text for c in right]
    links: list[Link] = []
    for a, b, size in SequenceMatcher(None, lt, rt, autojunk=False).get_matching_blocks():
        links.extend(Link((a + t,), (b + t,), 1.0) for t in range(size))
    fixed_l = {i for link in links for i in link.left}
    fixed_r = {j for link in links for j in link.right}
    rest_l = [i for i in range(len(left)) if i not in fixed_l]
    rest_r = [j for j in range(len(right)) if j not in fixed_r]
    for link in align([left[i] for i in rest_l], [right[j] for j in rest_r], threshold=threshold):
        links.append(Link(tuple(rest_l[i] for i in link.left), tuple(rest_r[j] for j in link.right), link.score))
    return order_links(links)


_Verdict = tuple[str, tuple[Edit, ...], tuple[str, ...]]  # status, edits, labels


class _Differ:
    """Word edits and labels for the entries the walk creates, in batches sent off as they fill up,
    so that on an executor the diffing runs while the walk goes on."""

    def __init__(self, executor: Executor | None, lexicon: Lexicon | None, meter: _Meter) -> None:
        self.executor, self.lexicon, self.meter = executor, lexicon, meter
        self.done: dict[Any, _Verdict] = {}
        self.keys: list[Any] = []
        self.pairs: list[tuple[tuple[Clause, ...], tuple[Clause, ...]]] = []
        self.sent: list[tuple[list[Any], Any]] = []

    def add(self, key: Any, left: tuple[Clause, ...], right: tuple[Clause, ...]) -> None:
        if _text(left) == _text(right):  # most of a long series: decided at once, nothing to send
            self.done[key] = verdict(left, right, lexicon=self.lexicon)
            return
        self.keys.append(key)
        self.pairs.append((left, right))
        if len(self.pairs) >= _BATCH:
            self._send()

    def _send(self) -> None:
        if not self.pairs:
            return
        self.meter.total += 1
        if self.executor is None:
            self.done.update(zip(self.keys, _diff_batch(self.pairs, self.lexicon)))
            self.meter.tick()
        else:
            self.sent.append((self.keys, self.executor.submit(_diff_batch, self.pairs, self.lexicon)))
        self.keys, self.pairs = [], []

    def results(self) -> dict[Any, _Verdict]:
        self._send()
        for keys, future in self.sent:
            self.done.update(zip(keys, future.result()))
            self.meter.tick()
        self.sent = []
        return self.done


def _diff_batch(pairs: list[tuple[tuple[Clause, ...], tuple[Clause, ...]]], lexicon: Lexicon | None,
                ) -> list[_Verdict]:
    """The classifier's verdict on each pair: the same decision as ``compare`` makes."""
    return [verdict(lc, rc, lexicon=lexicon) for lc, rc in pairs]


def _text(clauses: Sequence[Clause]) -> str:
    return " ".join(c.text for c in clauses)


# --- the walk through the documents ------------------------------------------------------------


@dataclass
class _Entry:
    document: int
    status: str  # "added", "continued", "revived", "dropped", "merged"
    index: tuple[int, ...] = ()
    prev: tuple[int, tuple[int, ...]] | None = None  # (document, clause indexes) the edits start from
    score: float = 0.0
    moved: bool = False
    into: int = -1  # builder the lineage merged into


@dataclass
class _Builder:
    entries: list[_Entry] = field(default_factory=list)
    split_from: int = -1
    last_doc: int = -1
    last_index: tuple[int, ...] = ()
    ended: bool = False  # merged into another lineage: never revived
    wordings: list[str] = field(default_factory=list)  # its distinct texts so far
    sources: list[tuple[int, tuple[int, ...]]] = field(default_factory=list)  # where each was first seen

    def appear(self, entry: _Entry, docs: list[Document]) -> str | None:
        """Record an appearance; returns its text when it is a wording the lineage had not had."""
        self.entries.append(entry)
        self.last_doc, self.last_index = entry.document, entry.index
        text = _text([docs[entry.document].clauses[i] for i in entry.index])
        if text in self.wordings:
            return None
        self.wordings.append(text)
        self.sources.append((entry.document, entry.index))
        return text


class _Shelf:
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
        import math

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


def _walk(docs: list[Document], neighbours: Callable[[int], list[Link]], lookback: int | None,
          threshold: float | None, meter: _Meter, differ: _Differ) -> list[_Builder]:
    builders: list[_Builder] = []
    shelf = _Shelf()
    t = DEFAULT_THRESHOLD if threshold is None else threshold
    # Below this, the aligner would not have linked the pair without the support of its position
    # (a moved pair needs it): such links are weighed against the lineages' other wordings.
    contest = t + MOVE_MARGIN

    def appear(b_idx: int, entry: _Entry) -> None:
        b = builders[b_idx]
        text = b.appear(entry, docs)
        if text is not None:
            shelf.add(b_idx, text)
        if entry.prev is not None:
            differ.add((b_idx, len(b.entries) - 1), _clauses(docs, *entry.prev),
                       _clauses(docs, entry.document, entry.index))

    def start(k: int, index: tuple[int, ...], split_from: int = -1) -> int:
        builders.append(_Builder(split_from=split_from))
        appear(len(builders) - 1, _Entry(k, "added", index))
        return len(builders) - 1

    owner = {i: start(0, (i,)) for i in range(len(docs[0].clauses))} if docs else {}
    for k in range(1, len(docs)):
        links = neighbours(k)
        meter.tick()
        moved = moved_links(links)
        claimed: set[int] = set()
        merged_into: dict[int, int] = {}
        current: dict[int, int] = {}
        open_groups: list[tuple[int, ...]] = []  # clause groups whose lineage recall may still decide
        # (score, rank, group, lineage, moved, wording matched or None for the last one)
        edges: list[tuple[float, int, int, int, bool, Any]] = []

        def settle(b_idx: int, right: tuple[int, ...], score: float, was_moved: bool, base: Any = None, *,
                   k: int = k, claimed: set[int] = claimed, current: dict[int, int] = current) -> None:
            b = builders[b_idx]
            status = "continued" if b.last_doc == k - 1 else "revived"
            appear(b_idx, _Entry(k, status, right, base or (b.last_doc, b.last_index), score, was_moved))
            claimed.add(b_idx)
            for j in right:
                current[j] = b_idx

        for pos, link in enumerate(links):
            if not link.right:
                continue
            if not link.left:
                open_groups.append(link.right)
                continue
            owners: list[int] = []
            for i in link.left:
                if owner[i] not in owners:
                    owners.append(owner[i])
            pick = next((o for o in owners if o not in claimed), None)
            for o in owners:
                merged_into.setdefault(o, pick if pick is not None else -1)
            if pick is None:  # a lineage's clauses went to several groups: this one splits off
                b_idx = start(k, link.right, split_from=owners[0])
                for j in link.right:
                    current[j] = b_idx
            elif link.score < contest and len(link.left) == 1 and len(link.right) == 1:
                # a rewording the aligner linked on the support of its position: another lineage, or
                # an older wording, may match the clause better (see _recall)
                claimed.add(pick)
                edges.append((link.score, 0, len(open_groups), pick, pos in moved, None))
                open_groups.append(link.right)
            else:
                settle(pick, link.right, link.score, pos in moved)
        holders = {e[3] for e in edges}
        claimed -= holders
        edges += _recall(docs, builders, shelf, k, open_groups, claimed, holders, lookback, t)
        # the best-scored pairing first; a continuation wins a tie against a revival
        edges.sort(key=lambda e: (-e[0], e[1], e[2], e[3]))
        done: set[int] = set()
        for score, _, g, b_idx, was_moved, base in edges:
            if g not in done and b_idx not in claimed:
                done.add(g)
                settle(b_idx, open_groups[g], score, was_moved, base)
        for g, right in enumerate(open_groups):
            if g not in done:
                b_idx = start(k, right)
                for j in right:
                    current[j] = b_idx
        for b_idx in sorted(set(owner.values()) - claimed):
            target = merged_into.get(b_idx, -1)
            b = builders[b_idx]
            if target >= 0 and target != b_idx and target in claimed:
                b.entries.append(_Entry(k, "merged", prev=(b.last_doc, b.last_index), into=target))
                b.ended = True
            else:
                b.entries.append(_Entry(k, "dropped", prev=(b.last_doc, b.last_index)))
        owner = current
        meter.tick()
    return builders


def _recall(docs: list[Document], builders: list[_Builder], shelf: _Shelf, k: int, groups: list[tuple[int, ...]],
            claimed: set[int], holders: set[int], lookback: int | None,
            threshold: float) -> list[tuple[float, int, int, int, bool, Any]]:
    """Propose lineages for clause groups of document k: those the predecessor lacks, and one-to-one
    rewordings whose neighbour link another lineage may beat.

    Candidates are the lineages that left at most ``lookback`` documents ago, those of the
    predecessor not yet continued, and the ``holders`` of the rewordings. Every wording a lineage
    had counts (its last ``_WORDINGS``), since a commitment reworded twice may be closer to an older
    wording than to the last. The shelf proposes a few lineages per clause; the aligner's
    :func:`~statediff.aligner.similarity` scores them, and a pair counts from ``threshold``, the
    similarity the aligner asks of pairs in sequence: the lineage's history stands in for the support
    of position. Returns edges (score, 1, group, lineage, False, wording) for :func:`_walk` to choose
    from; wording is the (document, clauses) of the wording scored, where the edits will start.
    """
    if not groups:
        return []

    def eligible(b_idx: int) -> bool:
        b = builders[b_idx]
        return (b_idx not in claimed and not b.ended and b.last_doc < k
                and (lookback is None or k - 1 - b.last_doc <= lookback))

    right = [_text([docs[k].clauses[j] for j in group]) for group in groups]
    chosen: set[int] = set(holders)
    for text in right:
        chosen.update(shelf.candidates(text, eligible))
    left, whose = [], []
    for b_idx in sorted(chosen):
        b = builders[b_idx]
        for text, source in zip(b.wordings[-_WORDINGS:], b.sources[-_WORDINGS:]):
            left.append(text)
            whose.append((b_idx, source))
    if not left:
        return []
    sim = similarity(left, right)
    return [(round(float(sim[i, g]), 4), 1, int(g), whose[i][0], False, whose[i][1])
            for i, g in zip(*(sim >= threshold).nonzero())]


# --- wording: edits and labels for every entry ----------------------------------------------------


def _clauses(docs: list[Document], d: int, index: tuple[int, ...]) -> tuple[Clause, ...]:
    return tuple(docs[d].clauses[i] for i in index)


def _revise(docs: list[Document], builders: list[_Builder],
            diffs: dict[Any, _Verdict]) -> tuple[Lineage, ...]:
    def clauses(d: int, index: tuple[int, ...]) -> tuple[Clause, ...]:
        return _clauses(docs, d, index)

    # ids in order of first appearance: document, then position of the first clause
    order = sorted(range(len(builders)), key=lambda b: (builders[b].entries[0].document,
                                                         builders[b].entries[0].index))
    ids = {b: f"L{n}" for n, b in enumerate(order, 1)}
    lineages = []
    for b_idx in order:
        b = builders[b_idx]
        history = []
        for e_idx, e in enumerate(b.entries):
            history.append(_revision(docs, e, diffs.get((b_idx, e_idx)), ids, clauses))
        lineages.append(Lineage(id=ids[b_idx], history=tuple(history),
                                split_from=ids[b.split_from] if b.split_from >= 0 else ""))
    return tuple(lineages)


def _revision(docs: list[Document], e: _Entry, diff: _Verdict | None,
              ids: dict[int, str], clauses: Callable[[int, tuple[int, ...]], tuple[Clause, ...]]) -> Revision:
    if e.status in ("dropped", "merged"):
        assert e.prev is not None
        _, edits, _ = verdict(clauses(*e.prev), ())
        return Revision(document=e.document, status=e.status, numbers=(), text="",  # type: ignore[arg-type]
                        edits=edits, into=ids.get(e.into, ""), base=e.prev[0])
    cl = clauses(e.document, e.index)
    text = _text(cl)
    numbers = tuple(c.number for c in cl)
    if e.status == "added":
        _, edits, _ = verdict((), cl)
        return Revision(document=e.document, status="added", numbers=numbers, text=text, edits=edits, index=e.index)
    assert diff is not None and e.prev is not None
    verdict_status, edits, labels = diff
    status = verdict_status if e.status == "continued" else e.status
    return Revision(document=e.document, status=status, numbers=numbers, text=text,  # type: ignore[arg-type]
                    edits=edits, labels=labels, score=e.score, moved=e.moved, index=e.index, base=e.prev[0])
