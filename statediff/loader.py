"""statediff's JSON reports read back into records: the inverse of ``render(..., "json")``.

:func:`load_json` takes a report of any of the three formats (``statediff.comparison/1``,
``statediff.clauses/1``, ``statediff.series/1``; see docs/formats.md) and returns the record it was
rendered from: a :class:`~statediff.model.Comparison`, a :class:`~statediff.model.Document` or a
:class:`~statediff.model.Series`. Rendered as JSON again, the record gives the same text.

A report does not carry everything a record holds, so a loaded record differs from the original in
what was left out: a document's ``source`` text and ``dropped`` spans (a loaded document has
``source=""``; its clause spans still give the offsets in the original), each clause's ``block`` and
each part's ``span``; in a series, the documents' clauses (the report gives their number: a loaded
document holds that many empty clauses) and each revision's clause ``index``. Clause indexes of a
comparison are found again from the clause numbers, which are unique within a document.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import IO, Any

from .errors import ReadError
from .model import (
    Clause,
    Comparison,
    Digest,
    DigestItem,
    Document,
    Edit,
    Lineage,
    Pair,
    Part,
    Revision,
    Section,
    SectionPair,
    Series,
    Suggestion,
    Summary,
)

__all__ = ["load_json"]

_SCHEMAS = ("statediff.comparison/1", "statediff.clauses/1", "statediff.series/1")
_MISSING = object()


class _Bad(Exception):
    """A report that is not what its schema says, at ``where``."""


def load_json(source: str | bytes | os.PathLike[str] | IO[str] | IO[bytes] | Mapping[str, Any],
              ) -> Comparison | Document | Series:
    """The record a statediff JSON report was rendered from.

    ``source`` is the report's text (``str`` or ``bytes``), a path to it (a :class:`pathlib.Path` or
    another :class:`os.PathLike`; a ``str`` is always taken as the text), an open file, or the report
    already decoded (a dict). What a report does not carry is left empty (see :mod:`statediff.loader`).

    Raises :class:`~statediff.errors.ReadError` with one line that says what is wrong for a file that
    cannot be read, text that is not JSON, and JSON that is not a statediff report.

    Examples:
        >>> import statediff
        >>> a = statediff.parse("(1) We oppose change by coercion.", name="a.txt")
        >>> b = statediff.parse("(1) We oppose change by force.", name="b.txt")
        >>> report = statediff.render(statediff.compare(a, b), "json")
        >>> c = statediff.load_json(report)
        >>> c.pairs[0].status, c.summary["changed"], statediff.render(c, "json") == report
        ('changed', 1, True)
        >>> statediff.load_json('{"schema": "statediff.comparison/1", "left": {}}')
        Traceback (most recent call last):
        ...
        statediff.errors.ReadError: <json>: not a statediff.comparison/1 report: left: 'name' is missing
    """
    data, label = _decode(source)
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema not in _SCHEMAS:
        found = "no 'schema' key" if schema is None else f"schema {schema!r}"
        raise ReadError(f"{label}: not a statediff JSON report ({found}; statediff reads {', '.join(_SCHEMAS)})")
    try:
        if schema == "statediff.comparison/1":
            return _comparison(data)
        if schema == "statediff.clauses/1":
            return _document(data, "")
        return _series(data)
    except _Bad as exc:
        raise ReadError(f"{label}: not a {schema} report: {exc}") from None


def _decode(source: Any) -> tuple[Any, str]:
    """The decoded JSON of ``source`` and a label for messages."""
    if isinstance(source, Mapping):
        return dict(source), "<json>"
    label = "<json>"
    if isinstance(source, os.PathLike):
        label = os.fspath(source)
        try:
            with open(source, "rb") as fh:
                source = fh.read()
        except OSError as exc:
            raise ReadError(f"{label}: cannot be read ({exc.strerror or exc})") from None
    try:
        if hasattr(source, "read"):
            label = str(getattr(source, "name", label))
            source = source.read()
        return json.loads(source), label
    except UnicodeDecodeError:
        raise ReadError(f"{label}: not a statediff JSON report (not UTF-8 text)") from None
    except RecursionError:
        raise ReadError(f"{label}: not a statediff JSON report (nested too deeply)") from None
    except json.JSONDecodeError as exc:
        raise ReadError(f"{label}: not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    except TypeError:
        raise ReadError(f"{label}: load_json takes JSON text, a path, a file or a dict, "
                        f"not {type(source).__name__}") from None


# --- checked access: every problem names where it is --------------------------------------------


_KINDS: dict[type | tuple[type, ...], str] = {str: "a string", bool: "true or false", int: "an integer",
                                             (int, float): "a number", list: "a list", dict: "an object"}


def _get(obj: Any, key: str, kind: type | tuple[type, ...], where: str, default: Any = _MISSING) -> Any:
    if not isinstance(obj, dict):
        raise _Bad(f"{where or 'the report'}: not an object")
    if key not in obj:
        if default is _MISSING:
            raise _Bad(f"{where + ': ' if where else ''}{key!r} is missing")
        return default
    value = obj[key]
    if value is None and default is None:
        return None
    numeric = kind in (int, (int, float))
    if not isinstance(value, kind) or (numeric and isinstance(value, bool)):
        raise _Bad(f"{where + ': ' if where else ''}{key!r} is not {_KINDS.get(kind, kind)}")
    return value


def _items(obj: Any, key: str, where: str, default: Any = _MISSING) -> list[tuple[str, Any]]:
    """``obj[key]``, a list, as (where, item) pairs."""
    values = _get(obj, key, list, where, default)
    return [(f"{where + '.' if where else ''}{key}[{k}]", v) for k, v in enumerate(values or [])]


def _strings(obj: Any, key: str, where: str) -> tuple[str, ...]:
    values = _get(obj, key, list, where)
    if not all(isinstance(v, str) for v in values):
        raise _Bad(f"{where}: {key!r} is not a list of strings")
    return tuple(values)


def _edits(obj: Any, where: str) -> tuple[Edit, ...]:
    edits = []
    for at, e in _items(obj, "edits", where):
        op = _get(e, "op", str, at)
        if op not in ("equal", "insert", "delete", "replace"):
            raise _Bad(f"{at}: 'op' is not one of equal, insert, delete, replace")
        edits.append(Edit(op, _get(e, "left", str, at), _get(e, "right", str, at)))
    return tuple(edits)


# The clause positions of the documents being read, by identity: a report names clauses by number in
# every pair, suggestion and section, and each document is indexed once.
_POSITIONS: dict[int, tuple[Document, dict[str, int]]] = {}


def _index(doc: Document, numbers: tuple[str, ...], where: str) -> tuple[int, ...]:
    known = _POSITIONS.get(id(doc))
    if known is None or known[0] is not doc:
        if len(_POSITIONS) >= 8:
            _POSITIONS.clear()
        known = _POSITIONS[id(doc)] = (doc, {c.number: k for k, c in enumerate(doc.clauses)})
        if len(known[1]) < len(doc.clauses):
            raise _Bad(f"{where}: {doc.name} numbers two clauses alike; clause numbers are unique")
    positions = known[1]
    missing = [n for n in numbers if n not in positions]
    if missing:
        raise _Bad(f"{where}: {doc.name} has no clause {missing[0]!r}")
    return tuple(positions[n] for n in numbers)


# --- records ------------------------------------------------------------------------------------


def _clause(c: Any, where: str) -> Clause:
    span = _get(c, "span", list, where)
    if len(span) != 2 or not all(isinstance(x, int) and not isinstance(x, bool) for x in span):
        raise _Bad(f"{where}: 'span' is not two offsets")
    return Clause(number=_get(c, "number", str, where), text=_get(c, "text", str, where), span=(span[0], span[1]),
                  section=_get(c, "section", str, where, ""), kind=_get(c, "kind", str, where, "commitment"),
                  actor=_get(c, "actor", str, where, ""), verb=_get(c, "verb", str, where, ""),
                  stance=_get(c, "stance", str, where, ""), negated=_get(c, "negated", bool, where, False),
                  modality=_get(c, "modality", str, where, ""))


def _document(d: Any, where: str) -> Document:
    parts = tuple(Part(_get(p, "index", int, at), _get(p, "title", str, at), (0, 0))
                  for at, p in _items(d, "parts", where, []))
    return Document(name=_get(d, "name", str, where), source="",
                    clauses=tuple(_clause(c, at) for at, c in _items(d, "clauses", where)),
                    title=_get(d, "title", str, where, ""), date=_get(d, "date", str, where, ""),
                    format=_get(d, "format", str, where, "text"), parts=parts, part=_get(d, "part", str, where, ""))


def _pair(p: Any, where: str, left: Document, right: Document) -> Pair:
    numbers_l, numbers_r = _strings(p, "left", where), _strings(p, "right", where)
    status = _get(p, "status", str, where)
    if status not in ("unchanged", "changed", "added", "dropped"):
        raise _Bad(f"{where}: 'status' is not one of unchanged, changed, added, dropped")
    other = right if numbers_l and not numbers_r else left
    suggestions = []
    for at, s in _items(p, "suggestions", where, []):
        number = _get(s, "number", str, at)
        suggestions.append(Suggestion(number, _index(other, (number,), at)[0], _get(s, "score", (int, float), at)))
    return Pair(status=status, left=numbers_l, right=numbers_r, score=_get(p, "score", (int, float), where),
                moved=_get(p, "moved", bool, where), left_text=_get(p, "left_text", str, where),
                right_text=_get(p, "right_text", str, where), edits=_edits(p, where),
                labels=_strings(p, "labels", where), left_index=_index(left, numbers_l, where),
                right_index=_index(right, numbers_r, where), suggestions=tuple(suggestions))


def _section_pair(sp: Any, where: str, left: Document, right: Document) -> SectionPair:
    def side(key: str, doc: Document) -> tuple[Section, ...]:
        return tuple(Section(_get(s, "title", str, at), _index(doc, _strings(s, "clauses", at), at))
                     for at, s in _items(sp, key, where))

    status = _get(sp, "status", str, where)
    if status not in ("unchanged", "renamed", "added", "dropped"):
        raise _Bad(f"{where}: 'status' is not one of unchanged, renamed, added, dropped")
    return SectionPair(status=status, left=side("left", left), right=side("right", right),
                       moved=_get(sp, "moved", bool, where, False), score=_get(sp, "score", (int, float), where, 0.0),
                       links=_get(sp, "links", int, where, 0))


def _digest(data: Any) -> Digest:
    d = _get(data, "digest", dict, "", None)
    if d is None:
        return Digest()
    items = tuple(DigestItem(label=_get(i, "label", str, at), left=_strings(i, "left", at),
                             right=_strings(i, "right", at), what=_get(i, "what", str, at),
                             stance=_get(i, "stance", str, at, ""))
                  for at, i in _items(d, "items", "digest"))
    return Digest(items=items, more=_get(d, "more", int, "digest", 0))


def _comparison(data: dict[str, Any]) -> Comparison:
    left, right = _document(_get(data, "left", dict, ""), "left"), _document(_get(data, "right", dict, ""), "right")
    summary = _get(data, "summary", dict, "")
    for key in ("unchanged", "changed", "added", "dropped", "moved"):
        _get(summary, key, int, "summary")
    for key in ("labels", "sections"):
        counts = _get(summary, key, dict, "summary", {})
        if not all(isinstance(n, int) and not isinstance(n, bool) for n in counts.values()):
            raise _Bad(f"summary: {key!r} holds a count that is not an integer")
    pairs = tuple(_pair(p, at, left, right) for at, p in _items(data, "pairs", ""))
    sections = tuple(_section_pair(sp, at, left, right) for at, sp in _items(data, "sections", "", []))
    return Comparison(left=left, right=right, pairs=pairs, summary=Summary.count(pairs, sections, given=summary),
                      sections=sections, digest=_digest(data), mode=_get(data, "mode", str, "", "revision"))


#: The most clauses a document of a series report may say it holds.
MAX_CLAUSES = 10_000_000
_EVENTS = ("added", "unchanged", "changed", "dropped", "revived", "merged")


def _series(data: dict[str, Any]) -> Series:
    docs = []
    for at, d in _items(data, "documents", ""):
        count = _get(d, "clauses", int, at, 0)
        if not 0 <= count <= MAX_CLAUSES:
            raise _Bad(f"{at}: 'clauses' is not a count of clauses")
        docs.append(Document(name=_get(d, "name", str, at), source="", clauses=(Clause("", "", (0, 0)),) * count,
                             title=_get(d, "title", str, at, ""), date=_get(d, "date", str, at, ""),
                             part=_get(d, "part", str, at, "")))
    position = {d.name: k for k, d in enumerate(docs)}

    def document(obj: Any, key: str, where: str, default: Any = _MISSING) -> int:
        name = _get(obj, key, str, where, default)
        if name is None:
            return -1
        if name not in position:
            raise _Bad(f"{where}: {key!r} names no document of the series ({name!r})")
        return position[name]

    lineages = []
    for at, lin in _items(data, "lineages", ""):
        history = []
        for here, r in _items(lin, "history", at):
            status = _get(r, "status", str, here)
            if status not in _EVENTS:
                raise _Bad(f"{here}: 'status' is not one of {', '.join(_EVENTS)}")
            history.append(Revision(document=document(r, "document", here), status=status,
                                    numbers=_strings(r, "numbers", here), text=_get(r, "text", str, here),
                                    edits=_edits(r, here), labels=_strings(r, "labels", here),
                                    score=_get(r, "score", (int, float), here, 0.0),
                                    moved=_get(r, "moved", bool, here, False), into=_get(r, "into", str, here, ""),
                                    base=document(r, "base", here, None)))
        if not history:
            raise _Bad(f"{at}: 'history' is empty")
        lineages.append(Lineage(id=_get(lin, "id", str, at), history=tuple(history),
                                split_from=_get(lin, "split_from", str, at, None) or ""))
    return Series(documents=tuple(docs), lineages=tuple(lineages), grep=_get(data, "grep", str, "", None) or "")
