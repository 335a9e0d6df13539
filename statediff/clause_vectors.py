"""Clause features and similarity for the aligner (steps 1 and 2 of :mod:`statediff.aligner`).

Each clause is folded (:func:`statediff.normalizer.fold`: quotes, dashes, hyphenation, spacing) and
lower-cased, a leading list marker is dropped, and it becomes two TF-IDF vectors over the clauses of
both documents: Snowball stems plus stem bigrams, and character n-grams of the words. Sublinear term
frequency, smoothed IDF, L2 norm. The weights and the n-gram length are the aligner's parameters
(:data:`statediff.aligner.WORD_WEIGHT`, :data:`statediff.aligner.CHAR_N`), handed to :class:`VectorSpace`.
The sparse matrices are :mod:`statediff.csr`'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from . import csr
from .model import Clause
from .normalizer import fold
from .textkit import CJK

#: Added to log((1 + N) / (1 + df)) (smoothed IDF). With 0, words found in most clauses weigh
#: almost nothing; on the gold data that scored 0.2 F1 lower at its best threshold.
_IDF_FLOOR = 1.0

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# A list marker at the start of a string ("(3) ", "4. ", "2.1. ", "3) ", "(b) "): renumbering is not a
# change. A bare leading number ("12 countries") is content, so a marker needs its "." or ")".
_MARKER = re.compile(r"^\s*(?:\(\s*\w{1,4}\s*\)|\d{1,3}(?:\.\d{1,3})*[.)])\s+")



@lru_cache(maxsize=1)
def _stemmer():
    from .nltk_parts import modules

    return modules()[1].SnowballStemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stem(word)


@lru_cache(maxsize=1 << 13)
def folded_words(text: str) -> tuple[str, ...]:
    """The folded, lower-cased words of a clause, without a leading list marker (the aligner, the
    section pairing and the digest read a clause's words alike: found once per text)."""
    return tuple(_WORD.findall(fold(_MARKER.sub("", text, count=1)).casefold()))


def blank_key(text: str) -> str:
    """A clause without words, folded (quotes, dashes, spacing) for comparison."""
    return "".join(fold(text).split())


def clause_texts(items: Sequence[str | Clause]) -> list[str]:
    return [c.text if isinstance(c, Clause) else str(c) for c in items]


def _tfidf(rows, cols, n_rows: int, n_cols: int) -> csr.Csr:
    """Sublinear TF times smoothed IDF, as a sparse matrix (one row per clause, columns sorted)."""
    import numpy as np

    m = csr.from_entries(rows, cols, (n_rows, max(n_cols, 1)))
    data = 1.0 + np.log(m.data)
    df = np.bincount(m.indices, minlength=m.shape[1])
    idf = np.log((1.0 + n_rows) / (1.0 + df)) + _IDF_FLOOR
    data *= idf[m.indices]
    return m.with_data(data)


def _word_matrix(docs: list[tuple[str, ...]]) -> csr.Csr:
    """Stems and stem bigrams, one row per clause (a CJK character is a word of its own)."""
    import numpy as np

    vocab: dict[str, int] = {}  # each feature's column, numbered in order of first use
    cols: list[int] = []
    counts: list[int] = []
    for words in docs:
        toks = _tokens(words)
        feats = toks + list(map(" ".join, zip(toks, toks[1:])))
        cols.extend([vocab.setdefault(f, len(vocab)) for f in feats])
        counts.append(len(feats))
    rows = np.repeat(np.arange(len(docs), dtype=np.int64), counts)
    return _tfidf(rows, np.array(cols, dtype=np.int64), len(docs), len(vocab))


def _tokens(words: tuple[str, ...]) -> list[str]:
    """A clause's word features: the stems of its words, each character of a CJK run."""
    if all(map(str.isascii, words)):
        return list(map(stem, words))
    toks: list[str] = []
    for w in words:
        if not w.isascii() and CJK.search(w):
            toks.extend(w)  # CJK runs have no spaces: one token per character
        else:
            toks.append(stem(w))
    return toks


def _char_matrix(docs: list[tuple[str, ...]], n: int) -> csr.Csr:
    """Character n-grams of the words joined by single spaces, hashed with NumPy in one pass."""
    import numpy as np

    keys = [" " + " ".join(words) + " " for words in docs]
    codes = np.frombuffer("\x00".join(keys).encode("utf-32-le"), dtype=np.uint32)
    width = len(codes) - n + 1
    if width <= 0:
        return _tfidf(np.zeros(0, np.int64), np.zeros(0, np.int64), len(docs), 0)
    h = np.zeros(width, dtype=np.uint64)
    for t in range(n):  # polynomial hash, wrapping modulo 2**64, computed in place
        h *= np.uint64(1_000_003)
        h += codes[t:t + width]
    seps = np.zeros(len(codes) + 1, dtype=np.int32)  # separators before each position
    np.cumsum(codes == 0, out=seps[1:])
    inside = seps[n:n + width] == seps[:width]  # the n-gram does not cross a clause boundary
    doc = seps[:width][inside]
    del seps, codes
    h = h[inside]
    del inside
    col = ranks(h).astype(np.int32)  # each n-gram's rank among the distinct ones
    del h
    return _tfidf(doc, col, len(docs), int(col.max()) + 1 if len(col) else 0)


def ranks(values):
    """Each value's rank among the distinct values of a 1-d array (``np.unique``'s inverse): sorting
    the values and searching them is about twice as fast as sorting their indexes.

    >>> import numpy as np
    >>> ranks(np.array([30, 10, 30, 20])).tolist()
    [2, 0, 2, 1]
    """
    import numpy as np

    ordered = np.sort(values)
    first = np.ones(len(ordered), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    return np.searchsorted(ordered[first], values)


def _normalized(m: csr.Csr) -> csr.Csr:
    """Each row divided by its length (rows without entries left as they are)."""
    import numpy as np

    norms = np.sqrt(csr.row_sums(csr.entrywise(m, m, "elmul")))
    norms[norms == 0] = 1.0
    return csr.scale_rows(m, 1.0 / norms)


class VectorSpace:
    """Weighted word and character vectors of the clauses of both sides (left rows first)."""

    def __init__(self, left: list[str], right: list[str], word_weight: float, char_n: int):
        docs = [folded_words(t) for t in left + right]
        self.n = len(left)
        self.size = len(docs)
        self.keys = [" ".join(d) for d in docs]
        self.mats = ((_word_matrix(docs), word_weight), (_char_matrix(docs, char_n), 1.0 - word_weight))

    def similarity(self):
        import numpy as np

        n = self.n
        sim = np.zeros((n, self.size - n))
        for mat, weight in self.mats:
            unit = _normalized(mat)
            sim += weight * csr.dense_product(csr.row_range(unit, 0, n), csr.transposed(csr.row_range(unit, n, self.size)))
        return np.clip(sim, 0.0, 1.0)

    def _indicator(self, groups: list[list[int]]) -> csr.Csr:
        rows = [k for k, g in enumerate(groups) for _ in g]
        cols = [i for g in groups for i in g]
        return csr.from_entries(rows, cols, (len(groups), self.size))

    def group_similarity(self, lefts: list[list[int]], rights: list[list[int]]):
        """Similarity of the left group k (left indexes) with the right group k, for all k at once."""
        import numpy as np

        out = np.zeros(len(lefts))
        if not lefts:
            return out
        a = self._indicator(lefts)
        b = self._indicator([[self.n + j for j in g] for g in rights])
        for mat, weight in self.mats:
            x, y = _normalized(csr.matmul(a, mat)), _normalized(csr.matmul(b, mat))
            out += weight * csr.row_sums(csr.entrywise(x, y, "elmul"))
        return np.clip(out, 0.0, 1.0)

    def group_matrix(self, lefts: list[list[int]], rights: list[list[int]]):
        """Similarity of every left group (left indexes) with every right group (right indexes), as a
        matrix: each group is the sum of its clauses' vectors."""
        import numpy as np

        out = np.zeros((len(lefts), len(rights)))
        if not lefts or not rights:
            return out
        a = self._indicator(lefts)
        b = self._indicator([[self.n + j for j in g] for g in rights])
        for mat, weight in self.mats:
            x, y = _normalized(csr.matmul(a, mat)), _normalized(csr.matmul(b, mat))
            out += weight * csr.dense_product(x, csr.transposed(y))
        return np.clip(out, 0.0, 1.0)

    def containment(self, parts: list[int], wholes: list[list[int]]):
        """Share of the weight of clause ``parts[k]`` (a row) found in the group ``wholes[k]`` (rows)."""
        import numpy as np

        out = np.zeros(len(parts))
        w = self._indicator(wholes)
        for mat, weight in self.mats:
            part = csr.take_rows(mat, parts)
            found = csr.row_sums(csr.entrywise(part, csr.matmul(w, mat), "minimum"))
            total = csr.row_sums(part)
            out += weight * np.divide(found, total, out=np.zeros_like(found), where=total > 0)
        return out


@lru_cache(maxsize=65536)
def content_bigrams(key: str) -> frozenset[tuple[str, str]]:
    """Stemmed word pairs of a folded clause text that hold at least one content word."""
    stems = [(stem(w), w in FUNCTION_WORDS or w.isdigit()) for w in key.split()]
    return frozenset((a, b) for (a, fa), (b, fb) in zip(stems, stems[1:]) if not (fa and fb))


# Words that carry no subject matter, left out when comparing what two commitments are about.
FUNCTION_WORDS = frozenset(
    "a an the of to in on for with by at from as and or but that this these those their its our his her "
    "they them we it be is are was were been will would shall should may might can could also further "
    "such other any all each both more most than into over under between within about regarding "
    "including toward towards".split())
