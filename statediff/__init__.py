"""statediff: compare official statements clause by clause.

>>> import statediff
>>> left = statediff.parse("(1) The Ministers oppose change by coercion.")
>>> right = statediff.parse("(1) The Ministers oppose change by force.")
>>> print(statediff.render(statediff.compare(left, right), "text"), end="")  # doctest: +ELLIPSIS
--- <text>
+++ <text>
1 -> 1 clauses: 1 changed, 0 added, 0 dropped, 0 unchanged, 0 moved
labels: 1 substitution
<BLANKLINE>
~ (1)  changed ...  [substitution]
    The Ministers oppose change by [-coercion-]{+force+}.
"""

__version__ = "0.1.0"

from importlib import import_module as _import_module
from typing import TYPE_CHECKING as _TYPE_CHECKING

if _TYPE_CHECKING:
    from .aligner import align
    from .api import compare, track
    from .errors import FormatError, LexiconError, LimitError, OutputError, PartError, ReadError, StatediffError
    from .lexicon import Lexicon, load_lexicon
    from .loader import load_json
    from .model import Clause, Comparison, Document, Edit, Lineage, Link, Pair, Part, Revision, Series
    from .reader import parse, read
    from .renderers import render

# Public name -> the module that defines it. Names are imported on first use (PEP 562), so that
# `statediff --help` and `import statediff.cli` do not load the pipeline (NLTK, NumPy, SciPy, lxml).
_HOME = {
    "align": "aligner", "compare": "api", "track": "api",
    **dict.fromkeys(("FormatError", "LexiconError", "LimitError", "OutputError", "PartError", "ReadError",
                     "StatediffError"), "errors"),
    "Lexicon": "lexicon", "load_lexicon": "lexicon", "load_json": "loader",
    **dict.fromkeys(("Clause", "Comparison", "Document", "Edit", "Lineage", "Link", "Pair", "Part", "Revision",
                     "Series"), "model"),
    "parse": "reader", "read": "reader", "render": "renderers",
}


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'statediff' has no attribute {name!r}")
    value = getattr(_import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOME})

__all__ = [
    "Clause",
    "Comparison",
    "Document",
    "Edit",
    "FormatError",
    "Lexicon",
    "LexiconError",
    "LimitError",
    "Lineage",
    "Link",
    "OutputError",
    "Pair",
    "Part",
    "PartError",
    "ReadError",
    "Revision",
    "Series",
    "StatediffError",
    "__version__",
    "align",
    "compare",
    "load_json",
    "load_lexicon",
    "parse",
    "read",
    "render",
    "track",
]
