"""The Python API: glue of the stages. Every option is keyword-only."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, cast

from .aligner import align_and_suggest
from .classifier import LABELS, verdict
from .digest import digest
from .errors import StatediffError
from .lexicon import Lexicon
from .limits import check_pair
from .model import Clause, Comparison, Document, Link, Pair, SectionPair, Series, Status, Suggestion, Summary
from .options import ReadOptions
from .sections import pair_sections

if TYPE_CHECKING:  # track() imports the series stage itself: a comparison never loads it
    from concurrent.futures import Executor

    from .series import DocumentSpec, Progress

__all__ = ["compare", "summarize", "track"]

_STATUSES = ("unchanged", "changed", "added", "dropped")


def compare(left: Document, right: Document, *, threshold: float | None = None,
            lexicon: Lexicon | None = None, only: Iterable[str] | str | None = None,
            suggest: bool = True, accounts: bool = False) -> Comparison:
    """Compare two documents clause by clause.

    Returns a :class:`Comparison` whose ``pairs`` cover every clause of both documents exactly once,
    in reading order of ``right`` (dropped clauses where they stood). ``lexicon`` (see
    :func:`statediff.load_lexicon`) supplies the word lists and scales the labels are read with.

    ``only`` keeps just the pairs that have one of the given labels (see docs/labels.md), statuses
    (``changed``, ``added``, ``dropped``, ``unchanged``) or ``moved``, e.g.
    ``only=["strengthened", "softened"]`` or ``only="added,dropped"``; the ``summary`` still counts
    the whole comparison. An unknown name raises :class:`StatediffError`.

    ``sections`` pairs the documents' headed sections (renamed, added, dropped, moved; see
    :mod:`statediff.sections`); a renamed, added or dropped section is a change.

    ``accounts=True`` reads the two documents as two accounts of one meeting (a news report and the
    official readout, say) rather than two versions: the same pairs, reported as what both say
    (alike or differently), what only the left says and what only the right says; the order of the
    clauses carries no meaning, so nothing is moved, and the headings of the two accounts are not
    compared (``mode`` is ``"accounts"``).

    ``digest`` lists the changes that matter most, ranked (see :mod:`statediff.digest`), whatever
    ``only`` keeps.

    Each added and dropped pair carries up to five ``suggestions``: clauses of the other document
    that may continue it, most similar first (``suggest=False`` leaves them out). They are not links and
    never count as changes.

    Examples:
        >>> import statediff
        >>> a = statediff.parse("(1) We oppose change by coercion.")
        >>> b = statediff.parse("(1) We oppose change by force.")
        >>> [(p.status, p.labels) for p in statediff.compare(a, b).pairs]
        [('changed', ('substitution',))]
        >>> c = statediff.compare(a, b, only=["strengthened"])
        >>> c.pairs, c.summary["changed"], c.summary["labels"]["substitution"]
        ((), 1, 1)
    """
    keep = _only(only)
    check_pair(left, right)
    alignment = align_and_suggest(left.clauses, right.clauses, threshold=threshold,
                                  limit=SUGGESTIONS if suggest else 0)
    links, sugg_l, sugg_r = alignment.links, alignment.left, alignment.right
    moved = set() if accounts else {k for k, link in enumerate(links) if (link.left, link.right) in alignment.moved}
    sections = pair_sections(left.clauses, right.clauses, links, alignment.group_similarity)
    pairs = tuple(_pair(link, k in moved, left.clauses, right.clauses, lexicon,
                        _suggestions(link, sugg_l, sugg_r, left.clauses, right.clauses))
                  for k, link in enumerate(links))
    summary = Summary.count(pairs, sections)
    mode = "accounts" if accounts else "revision"
    whole = Comparison(left=left, right=right, pairs=pairs, summary=summary, sections=sections, mode=mode)
    ranked = digest(whole, lexicon=lexicon)
    if keep is not None:
        pairs = tuple(p for p in pairs if p.status in keep or (p.moved and "moved" in keep) or keep & set(p.labels))
    return replace(whole, pairs=pairs, digest=ranked)


#: The most suggestions an added or dropped clause carries.
SUGGESTIONS = 5


def _suggestions(link: Link, sugg_l: dict, sugg_r: dict, left: Sequence[Clause],
                 right: Sequence[Clause]) -> tuple[Suggestion, ...]:
    """The suggestions of an added or dropped pair, named by the other side's clause numbers."""
    if link.left and not link.right:
        return tuple(Suggestion(right[j].number, j, round(score, 2)) for j, score in sugg_l.get(link.left[0], ()))
    if link.right and not link.left:
        return tuple(Suggestion(left[i].number, i, round(score, 2)) for i, score in sugg_r.get(link.right[0], ()))
    return ()


ONLY_NAMES = (*_STATUSES, "moved", *LABELS)  # what ``only`` accepts


def _only(only: Iterable[str] | str | None) -> frozenset[str] | None:
    if only is None:
        return None
    names = only.split(",") if isinstance(only, str) else list(only)
    keep = frozenset(n.strip() for n in names if n.strip())
    unknown = sorted(keep.difference(ONLY_NAMES))
    if unknown:
        raise StatediffError(f"unknown label or status {unknown[0]!r} (known: {', '.join(ONLY_NAMES)})")
    return keep


def track(documents: Iterable[DocumentSpec], *, keep_order: bool = False, lookback: int | None = None,
          threshold: float | None = None, grep: str | None = None, lexicon: Lexicon | None = None,
          executor: Executor | None = None, progress: Progress | None = None,
          input_format: str | None = None, encoding: str | None = None,
          reading: ReadOptions | None = None) -> Series:
    """Follow every clause through a series of documents: each lineage's history of wording.

    Documents (records, paths or ``(path, part)`` pairs) are put in date order unless
    ``keep_order``; see :func:`statediff.series.track` for the options, among them ``executor``
    (any :class:`concurrent.futures.Executor`, e.g. a process pool or Dask's
    ``client.get_executor()``). Paths are read with the :class:`~statediff.options.ReadOptions`
    ``reading``, or with ``input_format`` and ``encoding`` (as :func:`statediff.read` takes them).

    Examples:
        >>> import statediff
        >>> a = statediff.parse("(1) We oppose change by coercion.", name="2021-01-15")
        >>> b = statediff.parse("(1) We oppose change by force.", name="2022-01-20")
        >>> [r.status for r in statediff.track([a, b]).lineages[0].history]
        ['added', 'changed']
    """
    from . import series

    if reading is None:
        reading = ReadOptions(input_format=input_format, encoding=encoding)
    elif input_format is not None or encoding is not None:
        raise StatediffError("track: give the reading options either as reading= or as input_format= and encoding=")
    return series.track(documents, keep_order=keep_order, lookback=lookback, threshold=threshold, grep=grep,
                        lexicon=lexicon, executor=executor, progress=progress, reading=reading)


def summarize(pairs: Sequence[Pair], sections: Sequence[SectionPair] = ()) -> Summary:
    """Deprecated: :meth:`statediff.model.Summary.count`, which :func:`compare` calls once (and which a
    :class:`Comparison` calls when built without a summary); the comparison's ``summary`` holds it."""
    warnings.warn("statediff.api.summarize is deprecated; read Comparison.summary, or call "
                  "statediff.model.Summary.count", DeprecationWarning, stacklevel=2)
    return Summary.count(pairs, sections)


def _pair(link: Link, moved: bool, left: Sequence[Clause], right: Sequence[Clause],
          lexicon: Lexicon | None, suggestions: tuple[Suggestion, ...] = ()) -> Pair:
    lc = [left[i] for i in link.left]
    rc = [right[j] for j in link.right]
    status, edits, labels = verdict(lc, rc, lexicon=lexicon)
    return Pair(status=cast(Status, status), left=tuple(c.number for c in lc), right=tuple(c.number for c in rc),
                score=link.score if lc and rc else 0.0, moved=moved and bool(lc and rc),
                left_text=" ".join(c.text for c in lc), right_text=" ".join(c.text for c in rc), edits=edits,
                labels=labels, left_index=link.left, right_index=link.right, suggestions=suggestions)
