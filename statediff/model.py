"""Immutable records passed between the stages. No I/O and no algorithms live here.

The vocabulary is difflib's: an :class:`Edit` has an ``op`` of ``equal``, ``insert``, ``delete`` or
``replace``; a :class:`Pair` has a ``status`` of ``unchanged``, ``changed``, ``added`` or ``dropped``.
Every :class:`Clause` keeps a ``span`` into its document's ``source`` so that nothing is re-typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .summary import SUMMARY_COUNTS, UNCOUNTED, Summary

__all__ = ["Op", "Status", "SectionStatus", "Clause", "Part", "Document", "Link", "Edit", "Suggestion", "Pair",
           "Section", "SectionPair", "DigestItem", "Digest", "Summary", "Comparison", "Event", "Revision",
           "Lineage", "Series"]

Op = Literal["equal", "insert", "delete", "replace"]
Status = Literal["unchanged", "changed", "added", "dropped"]

SectionStatus = Literal["unchanged", "renamed", "added", "dropped"]
Event = Literal["added", "unchanged", "changed", "dropped", "revived", "merged"]


@dataclass(frozen=True, slots=True)
class Clause:
    """One numbered clause of a document.

    ``number`` comes from the document's own numbering where it has one ("4(1)", "2.3") and from
    paragraph ordinals otherwise ("p5"); a suffix ".k" counts the clauses of one numbered item when
    it holds several. ``text`` is the clause as printed, with wrapped lines rejoined and white space
    collapsed; ``span`` gives its offsets in :attr:`Document.source`.
    """

    number: str
    text: str
    span: tuple[int, int]
    section: str = ""
    kind: str = "commitment"  # "commitment" or "context"
    actor: str = ""
    verb: str = ""
    stance: str = ""
    negated: bool = False
    modality: str = ""
    block: int = 0  # ordinal of the paragraph or list item the clause comes from


@dataclass(frozen=True, slots=True)
class Part:
    """A part of a document that holds several meetings, found by its heading."""

    index: int  # 1-based
    title: str
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Document:
    """A read and segmented document.

    ``source`` is the text the spans point into: the decoded file for text and Markdown, the extracted
    main text for HTML and PDF. ``dropped`` lists the spans normalization left out (boilerplate such as
    "Share" or "back / next"), so that clause spans plus dropped spans account for every line.
    """

    name: str
    source: str
    clauses: tuple[Clause, ...]
    title: str = ""
    date: str = ""
    format: str = "text"
    parts: tuple[Part, ...] = ()
    part: str = ""  # title of the selected part, "" when the whole document is used
    dropped: tuple[tuple[int, int], ...] = ()

    def __len__(self) -> int:
        return len(self.clauses)

    def __repr__(self) -> str:  # the source can be megabytes: counts, not contents
        return (f"Document(name={self.name!r}, date={self.date!r}, title={_short(self.title)!r}, "
                f"format={self.format!r}, clauses={len(self.clauses)}, characters={len(self.source)})")


@dataclass(frozen=True, slots=True)
class Link:
    """One aligned group of clauses; an empty side means added (left empty) or dropped (right empty)."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float


@dataclass(frozen=True, slots=True)
class Edit:
    """A run of words: ``left`` and ``right`` are the text on each side ("" where a side has none)."""

    op: Op
    left: str
    right: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A clause of the other document that may continue an added or dropped clause: not a link.

    ``number`` and ``index`` name the other side's clause (its right-hand clause for a dropped pair,
    its left-hand clause for an added one); ``score`` is the similarity of the two clauses.
    """

    number: str
    index: int
    score: float


@dataclass(frozen=True, slots=True)
class Pair:
    """One row of a comparison: an aligned group with its status, word edits and labels."""

    status: Status
    left: tuple[str, ...]  # clause numbers
    right: tuple[str, ...]
    score: float
    moved: bool
    left_text: str
    right_text: str
    edits: tuple[Edit, ...] = ()
    labels: tuple[str, ...] = ()
    left_index: tuple[int, ...] = ()  # clause indexes, parallel to ``left``
    right_index: tuple[int, ...] = ()
    #: For an added or dropped pair, the other side's clauses that may continue it, most similar first (never
    #: counted as a change): see :func:`statediff.aligner.align_and_suggest`.
    suggestions: tuple[Suggestion, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A run of consecutive clauses under one heading (``title`` "" for clauses under none)."""

    title: str
    clauses: tuple[int, ...]  # clause indexes, consecutive


@dataclass(frozen=True, slots=True)
class SectionPair:
    """Which sections of the later document continue which of the earlier one.

    ``left`` and ``right`` hold the sections paired first, then any section whose clauses mostly went
    into the pair (merged, on ``left``) or mostly came from it (split off, on ``right``); an empty side
    is an added or dropped section.
    ``status`` is ``renamed`` when the paired headings differ in more than cosmetics; ``score`` is the
    similarity of the two headings and ``links`` the number of clause pairs linked between the sides.
    """

    status: SectionStatus
    left: tuple[Section, ...]
    right: tuple[Section, ...]
    moved: bool = False
    score: float = 0.0
    links: int = 0


@dataclass(frozen=True, slots=True)
class DigestItem:
    """One change that matters: what it is (``label``, e.g. "softened", "commitment added"), the
    clauses it concerns on each side, the change in a few words and the clause's stance."""

    label: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    what: str
    stance: str = ""


@dataclass(frozen=True, slots=True)
class Digest:
    """The items that matter most, best first, and how many more there were."""

    items: tuple[DigestItem, ...] = ()
    more: int = 0

    def __bool__(self) -> bool:
        return bool(self.items)


@dataclass(frozen=True, slots=True)
class Comparison:
    """The outcome of comparing two documents: data only, rendered by :func:`statediff.render`."""

    left: Document
    right: Document
    pairs: tuple[Pair, ...]
    #: The counts of the whole comparison (see :class:`Summary`), made when the comparison is built:
    #: counted from ``pairs`` and ``sections`` unless given; a mapping with the summary's keys is
    #: accepted too, and completed from the pairs.
    summary: Summary = UNCOUNTED
    #: The pairing of the two documents' sections, in reading order of ``right`` (see
    #: :mod:`statediff.sections`); () for a comparison built without it.
    sections: tuple[SectionPair, ...] = ()
    #: The changes that matter most, ranked (see :mod:`statediff.digest`); empty for a comparison
    #: built without it.
    digest: Digest = field(default_factory=lambda: Digest())
    #: "revision" (the right document is a later version of the left) or "accounts" (two accounts of
    #: one meeting, side by side: what both say, what only one says; no order, so nothing moves).
    mode: str = "revision"

    def __post_init__(self) -> None:
        given = self.summary
        if isinstance(given, Summary) and given is not UNCOUNTED:
            summary = given.showing(self.pairs)
        else:
            summary = Summary.count(self.pairs, self.sections, given=None if given is UNCOUNTED else given)
        object.__setattr__(self, "summary", summary)

    @property
    def changed(self) -> bool:
        """True when anything other than cosmetic differences was found: in the clauses, or a section
        renamed, added or dropped.

        Read from the summary, which describes the whole comparison even when ``only=`` kept just
        some of the pairs.
        """
        s = self.summary
        sections = dict(s.sections) if self.mode == "revision" else {}
        return any((s.changed, s.added, s.dropped, s.moved)) \
            or any(sections.get(k, 0) for k in ("renamed", "added", "dropped"))

    def __repr__(self) -> str:  # both sources can be megabytes: names and counts
        counts = ", ".join(f"{k}={self.summary[k]}" for k in SUMMARY_COUNTS)
        return (f"Comparison(left={self.left.name!r}, right={self.right.name!r}, mode={self.mode!r}, "
                f"pairs={len(self.pairs)}, {counts})")

    def _repr_html_(self) -> str:  # Jupyter shows the report fragment
        from .renderers import render

        return render(self, "html", fragment=True)

    def to_dataframe(self):
        """One row per pair (needs pandas, which statediff does not install)."""
        from .renderers.frame import comparison_frame

        return comparison_frame(self)


@dataclass(frozen=True, slots=True)
class Revision:
    """One entry of a lineage's history: its wording in one document, or the document it left.

    ``edits`` turn the lineage's wording in document ``base`` into ``text``: its last wording, or an
    older one when the clause was matched to that (a commitment reworded and later reworded back); a
    ``dropped`` or ``merged`` entry has no numbers and no text, and its edits delete the last wording.
    """

    document: int  # index into Series.documents
    status: Event
    numbers: tuple[str, ...]  # clause numbers in that document
    text: str
    edits: tuple[Edit, ...] = ()
    labels: tuple[str, ...] = ()
    score: float = 0.0  # similarity to the previous wording, 0.0 where there is none
    moved: bool = False  # its order relative to the other clauses changed since the predecessor
    index: tuple[int, ...] = ()  # clause indexes, parallel to ``numbers``
    into: str = ""  # for "merged": the id of the lineage it joined
    base: int = -1  # document whose wording the edits start from: the last one, or an older one recalled


@dataclass(frozen=True, slots=True)
class Lineage:
    """One clause followed through a series: a stable id and the history of its wording."""

    id: str
    history: tuple[Revision, ...]
    split_from: str = ""  # id of the lineage whose clause group it split off from

    @property
    def first_seen(self) -> int:
        """Index of the document where the lineage first appears."""
        return self.history[0].document

    @property
    def last_seen(self) -> int:
        """Index of the last document that holds the lineage."""
        return max(r.document for r in self.history if r.status not in ("dropped", "merged"))

    @property
    def dropped(self) -> int | None:
        """Index of the document where the lineage left for good, None while it lives."""
        last = self.history[-1]
        return last.document if last.status in ("dropped", "merged") else None

    @property
    def revived(self) -> tuple[int, ...]:
        """Indexes of the documents where the lineage came back after a gap."""
        return tuple(r.document for r in self.history if r.status == "revived")

    @property
    def changed(self) -> bool:
        """True when the lineage is new after the first document or changed anywhere after it."""
        return self.first_seen > 0 or any(r.status != "unchanged" or r.moved for r in self.history[1:])


@dataclass(frozen=True, slots=True)
class Series:
    """The outcome of tracking clauses through documents in date order: data only, see :func:`render`.

    ``lineages`` are ordered by first appearance; ``grep`` is the phrase they were filtered by ("" for
    none). Ids stay those of the unfiltered series.
    """

    documents: tuple[Document, ...]
    lineages: tuple[Lineage, ...]
    grep: str = ""

    @property
    def changed(self) -> bool:
        """True when any lineage changed across the series."""
        return any(lin.changed for lin in self.lineages)

    @property
    def title(self) -> str:
        names = [d.name for d in self.documents]
        return f"statediff: {len(names)} documents" + (f", {names[0]} … {names[-1]}" if names else "")

    def __repr__(self) -> str:  # every document's source is inside: names and counts
        names = [d.name for d in self.documents]
        span = f", first={names[0]!r}, last={names[-1]!r}" if names else ""
        return (f"Series(documents={len(names)}{span}, lineages={len(self.lineages)}, "
                f"changed={sum(1 for lin in self.lineages if lin.changed)}, grep={self.grep!r})")

    def _repr_html_(self) -> str:  # Jupyter shows the timeline fragment
        from .renderers import render

        return render(self, "html", fragment=True)

    def to_dataframe(self):
        """One row per lineage and document where it appears or leaves (needs pandas)."""
        from .renderers.frame import series_frame

        return series_frame(self)


def _short(text: str, most: int = 60) -> str:
    return text if len(text) <= most else text[:most - 1] + "\u2026"
