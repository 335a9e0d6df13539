"""N documents -> each clause's history: a :class:`~statediff.model.Series` of lineages.

1. *Order*: documents are put in date order (:attr:`Document.date`, from the file name or the text;
   a stable sort, so documents of one day keep the order given), or kept as given.
2. *Neighbours*: each document is aligned with its predecessor: clauses repeated word for word are
   linked first, and :func:`statediff.aligner.align` links the rest. The pairs are independent of
   each other, so they run on an executor when one is given, while the walk below goes on.
3. *Lineages*: walking the documents in order, each clause group continues a lineage, revives one
   that left at most ``lookback`` documents ago, or starts a new one; merges and splits are followed
   (see :mod:`statediff.lineages`).
4. *Wording*: every entry gets the word edits from the wording it was matched with (the last one,
   or an older one recalled) by :func:`statediff.differ.diff_words`, and the labels of
   :func:`statediff.classifier.classify`. This also runs on the executor.

Lineage ids ("L1", "L2", ...) follow first appearance: document order, then reading order, so the same
documents always give the same ids, and filtering with ``grep`` keeps them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from typing import Any, Union, cast

from .aligner import align, order_links
from .classifier import verdict
from .differ import sequence_matcher
from .errors import StatediffError
from .lexicon import Lexicon
from .limits import check_pair
from .lineages import Builder, Entry, Walk, text_of
from .model import Clause, Document, Edit, Event, Lineage, Link, Revision, Series
from .normalizer import fold
from .options import ReadOptions
from .reader import read as read_document

__all__ = ["track", "select", "order_documents", "DocumentSpec"]

#: What :func:`track` accepts for one document: a read :class:`Document`, a path, or a
#: ``(path, part)`` pair selecting one part of a document that holds several meetings.
DocumentSpec = Union[Document, str, "os.PathLike[str]", tuple[Any, int | str | None]]

Progress = Callable[[int, int], None]

# Entries are grouped into batches of about this many clause pairs before they are sent to an
# executor: large enough that pickling and scheduling cost little next to the diffs themselves.
_BATCH = 400


def track(documents: Iterable[DocumentSpec], *, keep_order: bool = False, lookback: int | None = None,
          threshold: float | None = None, grep: str | None = None, lexicon: Lexicon | None = None,
          executor: Executor | None = None, progress: Progress | None = None,
          reading: ReadOptions | None = None, **legacy: str | None) -> Series:
    """Follow every clause through a series of documents and return their lineages.

    ``documents`` are :class:`Document` records, paths, or ``(path, part)`` pairs; paths are read
    with :func:`statediff.read` and the :class:`~statediff.options.ReadOptions` ``reading`` (input
    format, encoding; the keywords ``input_format`` and ``encoding`` this function took before are
    still accepted, with a :class:`DeprecationWarning`); ``lexicon`` annotates their clauses and
    labels the changes.
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
    read = _read_all(items, executor, meter, _reading(reading, legacy), lexicon)
    docs = _unique_names(order_documents(read, keep_order=keep_order))
    for k in range(1, len(docs)):
        check_pair(docs[k - 1], docs[k])
    meter.total += 2 * max(len(docs) - 1, 0)
    differ = _Differ(executor, lexicon, meter)
    walk = Walk(docs, lookback=lookback, threshold=threshold, diff=differ.add)
    builders = walk.run(_Neighbours(docs, threshold, executor), meter.tick)
    lineages = _revise(docs, builders, differ.results())
    series = Series(documents=tuple(docs), lineages=lineages)
    return series if grep is None else select(series, grep)


def _reading(reading: ReadOptions | None, legacy: dict[str, str | None]) -> ReadOptions:
    unknown = sorted(set(legacy) - {"input_format", "encoding"})
    if unknown:
        raise TypeError(f"track() got an unexpected keyword argument {unknown[0]!r}")
    if not legacy:
        return reading or ReadOptions()
    import warnings

    warnings.warn("statediff.series.track(input_format=..., encoding=...) is deprecated; pass "
                  "reading=ReadOptions(...)", DeprecationWarning, stacklevel=3)
    base = reading or ReadOptions()
    return replace(base, input_format=legacy.get("input_format", base.input_format),
                   encoding=legacy.get("encoding", base.encoding))


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


def _read_one(spec: Any, reading: ReadOptions, lexicon: Lexicon | None, name: str | None = None) -> Document:
    """A document of the series, refused as soon as its clauses pass the limits of a comparison."""
    from . import limits

    source, part = spec if isinstance(spec, tuple) else (spec, None)
    doc = limits.cut_within(lambda clauses, chars: read_document(source, part=part, name=name, lexicon=lexicon,
                                                                 max_clauses=clauses, max_text=chars,
                                                                 **reading.keywords()),
                            name or str(source))
    assert doc is not None  # without a budget, a document is refused or whole
    return doc


def _read_all(items: list[DocumentSpec], executor: Executor | None, meter: _Meter, reading: ReadOptions,
              lexicon: Lexicon | None) -> list[Document]:
    todo = [(k, d) for k, d in enumerate(items) if not isinstance(d, Document)]
    for _, d in todo:
        source = d[0] if isinstance(d, tuple) else d
        if not isinstance(source, (str, os.PathLike)) or os.fspath(source) == "-":
            # file objects and standard input cannot travel to another process: read them here
            executor = None
    from .reader import distinct_names

    names = distinct_names([d for _, d in todo])
    read = _map(_read_one, [(d, reading, lexicon, name) for (_, d), name in zip(todo, names)], executor, meter)
    docs: list[Any] = list(items)
    for (k, _), d in zip(todo, read):
        docs[k] = d
    return docs


def _align_pair(left: Sequence[Clause], right: Sequence[Clause], threshold: float | None) -> list[Link]:
    """Align two neighbours: runs of identical clauses in the same order are linked as they are (the
    matching blocks of :class:`difflib.SequenceMatcher` on the clause texts), and the aligner links the
    clauses between them. Consecutive statements of a series repeat most of their clauses, so this
    keeps the aligner's work to what changed."""
    lt, rt = [c.text for c in left], [c.text for c in right]
    links: list[Link] = []
    for a, b, size in sequence_matcher(lt, rt).get_matching_blocks():
        links.extend(Link((a + t,), (b + t,), 1.0) for t in range(size))
    fixed_l = {i for link in links for i in link.left}
    fixed_r = {j for link in links for j in link.right}
    rest_l = [i for i in range(len(left)) if i not in fixed_l]
    rest_r = [j for j in range(len(right)) if j not in fixed_r]
    for link in align([left[i] for i in rest_l], [right[j] for j in rest_r], threshold=threshold):
        links.append(Link(tuple(rest_l[i] for i in link.left), tuple(rest_r[j] for j in link.right), link.score))
    return order_links(links)


class _Neighbours:
    """``neighbours(k)``: the links of document k-1 to document k. Aligned when asked for, or, on an
    executor, all submitted at once: the walk takes them in order while the rest are still aligning."""

    def __init__(self, docs: Sequence[Document], threshold: float | None, executor: Executor | None) -> None:
        self.pairs = [(docs[k - 1].clauses, docs[k].clauses, threshold) for k in range(1, len(docs))]
        self.futures = None if executor is None else [executor.submit(_align_pair, *a) for a in self.pairs]

    def __call__(self, k: int) -> list[Link]:
        if self.futures is None:
            return _align_pair(*self.pairs[k - 1])
        links: list[Link] = self.futures[k - 1].result()
        return links


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
        if text_of(left) == text_of(right):  # most of a long series: decided at once, nothing to send
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


# --- wording: edits and labels for every entry ----------------------------------------------------


def _revise(docs: list[Document], builders: list[Builder], diffs: dict[Any, _Verdict]) -> tuple[Lineage, ...]:
    # ids in order of first appearance: document, then position of the first clause
    order = sorted(range(len(builders)), key=lambda b: (builders[b].entries[0].document,
                                                         builders[b].entries[0].index))
    ids = {b: f"L{n}" for n, b in enumerate(order, 1)}
    lineages = []
    for b_idx in order:
        b = builders[b_idx]
        history = tuple(_revision(docs, e, diffs.get((b_idx, e_idx)), ids) for e_idx, e in enumerate(b.entries))
        lineages.append(Lineage(id=ids[b_idx], history=history, split_from=ids[b.split_from] if b.split_from >= 0 else ""))
    return tuple(lineages)


def _revision(docs: list[Document], e: Entry, diff: _Verdict | None, ids: dict[int, str]) -> Revision:
    """The history entry of walk entry ``e``; its edits and labels are the classifier's verdict."""
    def clauses(document: int, index: tuple[int, ...]) -> tuple[Clause, ...]:
        return tuple(docs[document].clauses[i] for i in index)

    if e.status == "dropped" or e.status == "merged":
        assert e.prev is not None
        _, edits, _ = verdict(clauses(*e.prev), ())
        return Revision(document=e.document, status=e.status, numbers=(), text="", edits=edits,
                        into=ids.get(e.into, ""), base=e.prev.document)
    cl = clauses(e.document, e.index)
    text = text_of(cl)
    numbers = tuple(c.number for c in cl)
    if e.status == "added":
        _, edits, _ = verdict((), cl)
        return Revision(document=e.document, status="added", numbers=numbers, text=text, edits=edits, index=e.index)
    assert diff is not None and e.prev is not None
    verdict_status, edits, labels = diff
    status = cast(Event, verdict_status) if e.status == "continued" else e.status
    return Revision(document=e.document, status=status, numbers=numbers, text=text, edits=edits, labels=labels,
                    score=e.score, moved=e.moved, index=e.index, base=e.prev.document)
