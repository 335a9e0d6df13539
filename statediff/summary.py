"""The summary of a comparison: its counts, made once when the comparison is built, read by every
output."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Pair, SectionPair

__all__ = ["SECTION_COUNTS", "SUMMARY_COUNTS", "SUMMARY_KEYS", "Summary"]

#: The counts a comparison's summary leads with, in the order reports give them.
SUMMARY_COUNTS = ("changed", "added", "dropped", "unchanged", "moved")
#: The keys of a comparison's summary read as a mapping, in the order of its JSON.
SUMMARY_KEYS = ("unchanged", "changed", "added", "dropped", "moved", "labels", "sections")
#: The counts of a summary's ``sections``: section pairs by status, and moved ones.
SECTION_COUNTS = ("unchanged", "renamed", "added", "dropped", "moved")


@dataclass(frozen=True, slots=True)
class Summary(Mapping[str, Any]):
    """The counts of a comparison, made once when the :class:`Comparison` is built.

    The counts describe the whole comparison, even when ``compare(..., only=...)`` kept just some of
    the pairs: pairs by status, moved pairs, ``labels`` (pairs by label, every label in its documented
    order, 0 included) and ``sections`` (section pairs by status, and moved ones). ``shown_labels``
    counts the labels of the pairs the comparison holds, most frequent first (ties by name, no zeros):
    what a report offers as label filters; it is no part of the mapping, nor of equality.

    It reads as the mapping the summary always was (``summary["changed"]``,
    ``summary["labels"]["softened"]``, ``dict(summary)``, the ``summary`` object of the JSON report),
    with the keys of :data:`SUMMARY_KEYS` in that order; ``labels`` and ``sections`` read as fresh
    dicts. Unlike a dict it is immutable and hashable.
    """

    unchanged: int = 0
    changed: int = 0
    added: int = 0
    dropped: int = 0
    moved: int = 0
    labels: tuple[tuple[str, int], ...] = ()
    sections: tuple[tuple[str, int], ...] = tuple((k, 0) for k in SECTION_COUNTS)
    shown_labels: tuple[tuple[str, int], ...] = ()

    @classmethod
    def count(cls, pairs: Iterable[Pair], sections: Iterable[SectionPair] = (), *,
              shown: Iterable[Pair] | None = None, given: Mapping[str, Any] | None = None) -> Summary:
        """Count ``pairs`` and ``sections``; ``shown`` (default: ``pairs``) are the pairs a comparison
        holds. The keys ``given`` has (a summary made earlier, or by hand) keep its values."""
        from .classifier import LABELS  # the documented order; a constant, not a stage call

        pairs, given = tuple(pairs), given or {}
        statuses: dict[str, int] = dict.fromkeys(("unchanged", "changed", "added", "dropped"), 0)
        labels = dict.fromkeys(LABELS, 0)
        for p in pairs:
            statuses[p.status] += 1
            for label in p.labels:
                labels[label] = labels.get(label, 0) + 1
        statuses["moved"] = sum(1 for p in pairs if p.moved)
        sec = dict.fromkeys(SECTION_COUNTS, 0)
        for sp in sections:
            sec[sp.status] += 1
            sec["moved"] += sp.moved
        counts = {k: int(given.get(k, n)) for k, n in statuses.items()}
        return cls(**counts, labels=tuple(dict(given.get("labels", labels)).items()),
                   sections=tuple(dict(given.get("sections", sec)).items()),
                   shown_labels=_ranked_labels(pairs if shown is None else shown))

    def showing(self, pairs: Iterable[Pair]) -> Summary:
        """The same counts, with ``shown_labels`` counted over ``pairs``."""
        shown = _ranked_labels(pairs)
        return self if shown == self.shown_labels else replace(self, shown_labels=shown)

    def __getitem__(self, key: str) -> Any:
        if key not in SUMMARY_KEYS:
            raise KeyError(key)
        value = getattr(self, key)
        return dict(value) if isinstance(value, tuple) else value

    def __iter__(self) -> Iterator[str]:
        return iter(SUMMARY_KEYS)

    def __len__(self) -> int:
        return len(SUMMARY_KEYS)

    def __contains__(self, key: object) -> bool:
        return key in SUMMARY_KEYS

    def __eq__(self, other: object) -> bool:
        # The counts of the whole comparison: ``shown_labels``, a view of the pairs kept, takes no part,
        # so that a comparison filtered with ``only=`` has the summary of the whole.
        if isinstance(other, Summary):
            return self._counts() == other._counts()
        if isinstance(other, Mapping):  # compares as the dict it reads as
            return dict(self) == dict(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._counts())

    def _counts(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f.name) for f in fields(self) if f.name != "shown_labels")


def _ranked_labels(pairs: Iterable[Pair]) -> tuple[tuple[str, int], ...]:
    """Pairs by label (a label counted once per pair), most frequent first, ties by name."""
    counts = Counter(label for p in pairs for label in dict.fromkeys(p.labels))
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


class _Uncounted(Summary):
    """Stands for "no summary given": :class:`Comparison` counts its pairs."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<counted from the pairs>"


UNCOUNTED = _Uncounted(unchanged=-1)
