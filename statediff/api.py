"""The Python API: glue of the stages. Every option is keyword-only."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from concurrent.futures import Executor

from .aligner import align, moved_links
from .classifier import classify, is_cosmetic_only
from .differ import diff_words
from .lexicon import Lexicon
from .model import Clause, Comparison, Document, Edit, Link, Pair, Series
from .series import DocumentSpec, Progress

__all__ = ["compare", "summarize", "track"]

_STATUSES = ("unchanged", "changed", "added", "dropped")


def compare(left: Document, right: Document, *, threshold: float | None = None,
            lexicon: Lexicon | None = None) -> Comparison:
    """Compare two documents clause by clause.

    Returns a :class:`Comparison` whose ``pairs`` cover every clause of both documents exactly once,
    in reading order of ``right`` (dropped clauses where they stood).

    >>> import statediff
    >>> a = statediff.parse("(1) We oppose change by coercion.")
    >>> b = statediff.parse("(1) We oppose change by force.")
    >>> [(p.status, p.labels) for p in statediff.compare(a, b).pairs]
    [('changed', ('substitution',))]
    """
    links = align(left.clauses, right.clauses, threshold=threshold)
    moved = moved_links(links)
    pairs = tuple(_pair(link, k in moved, left.clauses, right.clauses, lexicon) for k, link in enumerate(links))
    return Comparison(left=left, right=right, pairs=pairs, summary=summarize(pairs))


def track(documents: Iterable[DocumentSpec], *, keep_order: bool = False, lookback: int | None = None,
          threshold: float | None = None, grep: str | None = None, lexicon: Lexicon | None = None,
          executor: Executor | None = None, progress: Progress | None = None,
          input_format: str | None = None, encoding: str | None = None) -> Series:
    """Follow every clause through a series of documents: each lineage's history of wording.

    Documents (records, paths or ``(path, part)`` pairs) are put in date order unless
    ``keep_order``; see :func:`statediff.series.track` for the options, among them ``executor``
    (any :class:`concurrent.futures.Executor`, e.g. a process pool or Dask's
    ``client.get_executor()``).

    >>> import statediff
    >>> a = statediff.parse("(1) We oppose change by coercion.", name="2021-01-15")
    >>> b = statediff.parse("(1) We oppose change by force.", name="2022-01-20")
    >>> [r.status for r in statediff.track([a, b]).lineages[0].history]
    ['added', 'changed']
    """
    from . import series

    return series.track(documents, keep_order=keep_order, lookback=lookback, threshold=threshold, grep=grep,
                        lexicon=lexicon, executor=executor, progress=progress, input_format=input_format,
                        encoding=encoding)


def summarize(pairs: Sequence[Pair]) -> dict[str, int]:
    """Counts of pairs by status, and of moved pairs."""
    counts = {s: 0 for s in _STATUSES}
    for p in pairs:
        counts[p.status] += 1
    counts["moved"] = sum(1 for p in pairs if p.moved)
    return counts


def _pair(link: Link, moved: bool, left: Sequence[Clause], right: Sequence[Clause],
          lexicon: Lexicon | None) -> Pair:
    lc = [left[i] for i in link.left]
    rc = [right[j] for j in link.right]
    lt = " ".join(c.text for c in lc)
    rt = " ".join(c.text for c in rc)
    if not rc:
        status, edits = "dropped", (Edit("delete", lt, ""),)
    elif not lc:
        status, edits = "added", (Edit("insert", "", rt),)
    else:
        edits = diff_words(lt, rt)
        status = "unchanged" if is_cosmetic_only(lt, rt) else "changed"
    labels = classify(edits, lc, rc, lexicon=lexicon)
    return Pair(status=status, left=tuple(c.number for c in lc), right=tuple(c.number for c in rc),
                score=link.score if lc and rc else 0.0, moved=moved and bool(lc and rc), left_text=lt,
                right_text=rt, edits=edits, labels=labels, left_index=link.left, right_index=link.right)
