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

from .aligner import align
from .api import compare, track
from .errors import LexiconError, OutputError, PartError, ReadError, StatediffError
from .lexicon import Lexicon, load_lexicon
from .model import Clause, Comparison, Document, Edit, Lineage, Link, Pair, Part, Revision, Series
from .reader import parse, read
from .renderers import render

__all__ = [
    "Clause",
    "Comparison",
    "Document",
    "Edit",
    "Lexicon",
    "LexiconError",
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
    "load_lexicon",
    "parse",
    "read",
    "render",
    "track",
]
