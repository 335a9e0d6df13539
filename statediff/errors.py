"""The one exception family statediff raises.

    StatediffError          base class: anything statediff refuses to do
    ├── ReadError           an input cannot be read: missing, a directory, binary, undecodable, too large
    ├── PartError           a requested part of a document does not exist or is ambiguous
    ├── LexiconError        a lexicon file is missing keys or is not valid JSON
    ├── LimitError          a comparison beyond statediff's limits (clause pairs, text)
    ├── FormatError         an output format that does not exist for the record, or an option its
    │                       renderer does not take (also a ValueError, as before it existed)
    └── OutputError         an output file cannot be written

Every message is one line meant for a person: the CLI prints it as it is and exits 2.
"""

from __future__ import annotations

__all__ = ["StatediffError", "ReadError", "PartError", "LexiconError", "LimitError", "FormatError", "OutputError"]


class StatediffError(Exception):
    """Base class of every error statediff raises on purpose."""


class ReadError(StatediffError):
    """An input could not be read as a document."""


class PartError(StatediffError):
    """The requested part of a document does not exist, or the request matches several parts."""


class LexiconError(StatediffError):
    """A lexicon file is not usable."""


class LimitError(StatediffError):
    """A comparison is beyond statediff's limits (see :mod:`statediff.limits`)."""


class FormatError(StatediffError, ValueError):
    """:func:`statediff.render` has no such format for the record, or its renderer takes no such option.

    Also a :class:`ValueError`, which ``render`` raised for an unknown format before this class existed.
    """


class OutputError(StatediffError):
    """An output file could not be written."""
