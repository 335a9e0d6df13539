"""Immutable records passed between the stages. No I/O and no algorithms live here.

The vocabulary is difflib's: an :class:`Edit` has an ``op`` of ``equal``, ``insert``, ``delete`` or
``replace``; a :class:`Pair` has a ``status`` of ``unchanged``, ``changed``, ``added`` or ``dropped``.
Every :class:`Clause` keeps a ``span`` into its document's ``source`` so that nothing is re-typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Op", "Status", "Clause", "Part", "Document", "Link", "Edit", "Pair", "Comparison"]

Op = Literal["equal", "insert", "delete", "replace"]
Status = Literal["unchanged", "changed", "added", "dropped"]


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


@dataclass(frozen=True, slots=True)
class Comparison:
    """The outcome of comparing two documents: data only, rendered by :func:`statediff.render`."""

    left: Document
    right: Document
    pairs: tuple[Pair, ...]
    summary: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        """True when anything other than cosmetic differences was found."""
        return any(p.status != "unchanged" for p in self.pairs) or any(p.moved for p in self.pairs)

    def _repr_html_(self) -> str:  # Jupyter shows the report fragment
        from .renderers import render

        return render(self, "html", fragment=True)
