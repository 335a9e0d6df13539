"""N documents -> each clause's history: a :class:`~statediff.model.Series` of lineages.

1. *Order*: documents are put in date order (:attr:`Document.date`, from the file name or the text;
   a stable sort, so documents of one day keep the order given), or kept as given.
2. *Neighbours*: each document is aligned with its predecessor by :func:`statediff.aligner.align`.
   The pairs are independent of each other, so they run on an executor when one is given.
3. *Lineages*: walking the documents in order, a linked clause group continues the lineage of the
   clauses it is linked to. Clauses the predecessor lacks are then aligned with the last wording of
   the lineages that left earlier (at most ``lookback`` documents ago), and a match revives that
   lineage; the rest start new lineages. A group linked to clauses of several lineages (a merge)
   continues the first of them and the others end as ``merged``; a lineage whose clauses went to
   several groups (a split) continues in the first group and the others start new lineages that
   name it in ``split_from``.
4. *Wording*: every entry gets the word edits from the lineage's previous wording
   (:func:`statediff.differ.diff_words`) and the labels of :func:`statediff.classifier.classify`.
   This also runs on the executor.

Lineage ids ("L1", "L2", ...) follow first appearance: document order, then reading order, so the same
documents always give the same ids, and filtering with ``grep`` keeps them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field, replace
from typing import Any, Union

from .aligner import align, moved_links
from .classifier import classify, is_cosmetic_only
from .differ import diff_words
from .errors import StatediffError
from .lexicon import Lexicon
from .model import Clause, Document, Edit, Lineage, Link, Revision, Series
from .normalizer import fold

__all__ = ["track", "select", "order_documents", "DocumentSpec"]

#: What :func:`track` accepts for one document: a read :class:`Document`, a path, or a
#: ``(path, part)`` pair selecting one part of a document that holds several meetings.
DocumentSpec = Union[Document, str, "os.PathLike[str]", tuple[Any, Union[int, str, None]]]

Progress = Callable[[int, int], None]

# Entries are grouped into batches of about this many clause pairs before they are sent to an
# executor: large enough that pickling and scheduling cost little next to the diffs themselves.
_BATCH = 400


def track(documents: Iterable[DocumentSpec], *, keep_order: bool = False, lookback: int | None = None,
          threshold: float | None = None, grep: str | None = None, lexicon: Lexicon | None = None,
          executor: Executor | None = None, progress: Progress | None = None,
          input_format: str | None = None, encoding: str | None = None) -> Series:
    """Follow every clause through a series of documents and return their lineages.

    ``documents`` are :class:`Document` records, paths, or ``(path, part)`` pairs; paths are read
    with :func:`statediff.read` (``input_format`` and ``encoding`` as its ``format`` and ``encoding``).
    They are ordered by date unless ``keep_order``. A lineage that left
    may be revived by a later document at most ``lookback`` documents after it was last seen (no
    limit when None). ``grep`` keeps the lineages whose wording, in any document, contains the phrase
    (see :func:`select`). ``executor`` (any :class:`concurrent.futures.Executor`: a process pool, or a
    Dask cluster's ``client.get_executor()``) runs the reading, aligning and diffing; ``progress``
    is called as ``progress(done, total)`` while work completes.

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
    read = _read_all(items, executor, meter, input_format, encoding)
    docs = _unique_names(order_documents(read, keep_order=keep_order))
    n = len(docs)
    meter.total += 3 * max(n - 1, 0)
    neighbours = _map(_align_pair, [(docs[k - 1].clauses, docs[k].clauses, threshold) for k in range(1, n)],
                      executor, meter)
    builders = _walk(docs, neighbours, lookback, threshold, meter)
    lineages = _revise(docs, builders, lexicon, executor, meter)
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


def _read_one(spec: Any, format: str | None, encoding: str | None) -> Document:
    from .reader import read

    source, part = spec if isinstance(spec, tuple) else (spec, None)
    return read(source, part=part, format=format, encoding=encoding)


def _read_all(items: list[DocumentSpec], executor: Executor | None, meter: _Meter, format: str | None,
              encoding: str | None) -> list[Document]:
    todo = [(k, d) for k, d in enumerate(items) if not isinstance(d, Document)]
    for _, d in todo:
        source = d[0] if isinstance(d, tuple) else d
        if not isinstance(source, (str, os.PathLike)) or os.fspath(source) == "-":
            # file objects and standard input cannot travel to another process: read them here
            executor = None
    read = _map(_read_one, [(d, format, encoding) for _, d in todo], executor, meter)
    docs: list[Any] = list(items)
    for (k, _), d in zip(todo, read):
        docs[k] = d
    return docs


def _align_pair(left: Sequence[Clause], right: Sequence[Clause], threshold: float | None) -> list[Link]:
    return align(left, right, threshold=threshold)


def _diff_batch(pairs: list[tuple[tuple[Clause, ...], tuple[Clause, ...]]], lexicon: Lexicon | None,
                ) -> list[tuple[tuple[Edit, ...], tuple[str, ...]]]:
    out = []
    for lc, rc in pairs:
        edits = diff_words(_text(lc), _text(rc))
        out.append((edits, classify(edits, lc, rc, lexicon=lexicon)))
    return out


def _text(clauses: Sequence[Clause]) -> str:
    return " ".join(c.text for c in clauses)


# --- the walk through the documents ------------------------------------------------------------


@dataclass
class _Entry:
    document: int
    status: str  # "added", "continued", "revived", "dropped", "merged"
    index: tuple[int, ...] = ()
    prev: tuple[int, tuple[int, ...]] | None = None  # (document, clause indexes) of the last wording
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

    def appear(self, entry: _Entry, docs: list[Document]) -> None:
        self.entries.append(entry)
        self.last_doc, self.last_index = entry.document, entry.index
        text = _text([docs[entry.document].clauses[i] for i in entry.index])
        if text not in self.wordings:
            self.wordings.append(text)


def _walk(docs: list[Document], neighbours: list[list[Link]], lookback: int | None,
          threshold: float | None, meter: _Meter) -> list[_Builder]:
    builders: list[_Builder] = []

    def start(k: int, index: tuple[int, ...], split_from: int = -1) -> int:
        b = _Builder(split_from=split_from)
        b.appear(_Entry(k, "added", index), docs)
        builders.append(b)
        return len(builders) - 1

    owner = {i: start(0, (i,)) for i in range(len(docs[0].clauses))} if docs else {}
    for k in range(1, len(docs)):
        links = neighbours[k - 1]
        moved = moved_links(links)
        claimed: set[int] = set()
        merged_into: dict[int, int] = {}
        pending: list[tuple[int, ...]] = []
        current: dict[int, int] = {}
        for pos, link in enumerate(links):
            if not link.right:
                continue
            if not link.left:
                pending.append(link.right)
                continue
            owners: list[int] = []
            for i in link.left:
                if owner[i] not in owners:
                    owners.append(owner[i])
            pick = next((o for o in owners if o not in claimed), None)
            if pick is None:  # a lineage's clauses went to several groups: this one splits off
                target = start(k, link.right, split_from=owners[0])
            else:
                target = pick
                claimed.add(pick)
                b = builders[pick]
                b.appear(_Entry(k, "continued", link.right, (b.last_doc, b.last_index), link.score,
                                pos in moved), docs)
            for o in owners:
                merged_into.setdefault(o, target)
            for j in link.right:
                current[j] = target
        for right, b_idx, score in _recall(docs, builders, k, pending, claimed, lookback, threshold):
            b = builders[b_idx]
            status = "continued" if b.last_doc == k - 1 else "revived"
            b.appear(_Entry(k, status, right, (b.last_doc, b.last_index), score), docs)
            claimed.add(b_idx)
            for j in right:
                current[j] = b_idx
        for right in pending:
            if right[0] not in current:
                b_idx = start(k, right)
                for j in right:
                    current[j] = b_idx
        for b_idx in sorted(set(owner.values()) - claimed):
            target = merged_into.get(b_idx, -1)
            b = builders[b_idx]
            if target >= 0 and target != b_idx:
                b.entries.append(_Entry(k, "merged", prev=(b.last_doc, b.last_index), into=target))
                b.ended = True
            else:
                b.entries.append(_Entry(k, "dropped", prev=(b.last_doc, b.last_index)))
        owner = current
        meter.tick()
    return builders


def _recall(docs: list[Document], builders: list[_Builder], k: int, pending: list[tuple[int, ...]],
            claimed: set[int], lookback: int | None, threshold: float | None,
            ) -> list[tuple[tuple[int, ...], int, float]]:
    """Match the clauses the predecessor lacks with every wording of the lineages not yet in document k.

    Candidates are the lineages that left at most ``lookback`` documents ago, and those of the
    predecessor that the neighbour alignment did not continue: a commitment reworded twice may be
    closer to one of its older wordings than to the last. Each lineage takes at most one clause, by
    best score; returns (clause group, lineage, score) triples.
    """
    if not pending:
        return []
    candidates = [b_idx for b_idx, b in enumerate(builders)
                  if b_idx not in claimed and not b.ended and b.last_doc < k
                  and (lookback is None or k - 1 - b.last_doc <= lookback)]
    left, whose = [], []
    for b_idx in candidates:
        for text in builders[b_idx].wordings:
            left.append(text)
            whose.append(b_idx)
    if not left:
        return []
    right = [_text([docs[k].clauses[j] for j in group]) for group in pending]
    # merges=False: a recalled lineage takes one clause; the rest start lineages of their own
    links = [link for link in align(left, right, threshold=threshold, merges=False) if link.left and link.right]
    links.sort(key=lambda link: (-link.score, link.right[0]))
    taken: set[int] = set()
    found = []
    for link in links:
        b_idx = whose[link.left[0]]
        if b_idx not in taken:
            taken.add(b_idx)
            found.append((pending[link.right[0]], b_idx, link.score))
    return sorted(found)


# --- wording: edits and labels for every entry ----------------------------------------------------


def _revise(docs: list[Document], builders: list[_Builder], lexicon: Lexicon | None,
            executor: Executor | None, meter: _Meter) -> tuple[Lineage, ...]:
    def clauses(d: int, index: tuple[int, ...]) -> tuple[Clause, ...]:
        return tuple(docs[d].clauses[i] for i in index)

    wanted = [(b_idx, e_idx) for b_idx, b in enumerate(builders) for e_idx, e in enumerate(b.entries)
              if e.status in ("continued", "revived")]
    pairs = [(clauses(*builders[b].entries[e].prev), clauses(builders[b].entries[e].document,
                                                             builders[b].entries[e].index))
             for b, e in wanted]
    batches = [(pairs[s:s + _BATCH], lexicon) for s in range(0, len(pairs), _BATCH)]
    meter.total += len(batches) - max(len(docs) - 1, 0)
    done = [r for batch in _map(_diff_batch, batches, executor, meter) for r in batch]
    diffs = dict(zip(wanted, done))

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


def _revision(docs: list[Document], e: _Entry, diff: tuple[tuple[Edit, ...], tuple[str, ...]] | None,
              ids: dict[int, str], clauses: Callable[[int, tuple[int, ...]], tuple[Clause, ...]]) -> Revision:
    if e.status in ("dropped", "merged"):
        assert e.prev is not None
        last = _text(clauses(*e.prev))
        return Revision(document=e.document, status=e.status, numbers=(), text="",  # type: ignore[arg-type]
                        edits=(Edit("delete", last, ""),), into=ids.get(e.into, ""))
    cl = clauses(e.document, e.index)
    text = _text(cl)
    numbers = tuple(c.number for c in cl)
    if e.status == "added":
        return Revision(document=e.document, status="added", numbers=numbers, text=text,
                        edits=(Edit("insert", "", text),), index=e.index)
    assert diff is not None and e.prev is not None
    edits, labels = diff
    status = e.status
    if status == "continued":
        status = "unchanged" if is_cosmetic_only(_text(clauses(*e.prev)), text) else "changed"
    return Revision(document=e.document, status=status, numbers=numbers, text=text,  # type: ignore[arg-type]
                    edits=edits, labels=labels, score=e.score, moved=e.moved, index=e.index)
