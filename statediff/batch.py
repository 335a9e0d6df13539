"""Many comparisons at once: a manifest of pairs (a newsroom's watch list), one report per pair and a
JSON lines summary, resumable.

The manifest is CSV with a header (``left,right`` and optionally ``name``) or JSON lines (one object
per line with the same keys); relative paths are read from the manifest's folder. Each pair's report
is written atomically to ``OUTDIR/NAME.EXT`` and its line appended to ``OUTDIR/summary.jsonl`` as soon
as it is done, so an interrupted batch loses at most the pairs in flight. Run again, it skips every
pair whose summary line says it was compared and whose report is there, and retries the rest. A pair
that cannot be compared (a missing file, a bad input) gets ``"status": "error"`` and its message in
the summary; the batch goes on.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import Any

from .errors import ReadError, StatediffError
from .options import ReadOptions

__all__ = ["BatchPair", "read_manifest", "run_batch", "SUMMARY"]

#: The summary's file name in the output folder.
SUMMARY = "summary.jsonl"

_EXTENSIONS = {"text": "txt", "html": "html", "json": "json"}


@dataclass(frozen=True, slots=True)
class BatchPair:
    """One line of a manifest: the two documents (as given and as resolved) and the report's name."""

    name: str
    left: str
    right: str
    line: int  # in the manifest, for messages


def _safe_name(text: str) -> str:
    name = re.sub(r"[^\w.+-]+", "-", text, flags=re.UNICODE).strip("-.")
    return name[:120] or "pair"


def read_manifest(path: str) -> list[BatchPair]:
    """The pairs of a CSV or JSON lines manifest, with unique report names."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            text = fh.read(4 * 1024 * 1024 + 1)
    except OSError as exc:
        raise ReadError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ReadError(f"{path}: a manifest is UTF-8 text (CSV or JSON lines)") from None
    if len(text) > 4 * 1024 * 1024:
        raise ReadError(f"{path}: a manifest is at most 4 MB")
    rows = _json_rows(text, path) if text.lstrip()[:1] == "{" else _csv_rows(text, path)
    return _pairs(rows, path)


def _json_rows(text: str, path: str) -> list[tuple[int, dict[str, Any]]]:
    """The objects of a JSON lines manifest, with their line numbers."""
    rows: list[tuple[int, dict[str, Any]]] = []
    for k, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ReadError(f"{path}:{k}: not a JSON object ({exc.msg})") from None
        if not isinstance(row, dict):
            raise ReadError(f"{path}:{k}: not a JSON object")
        rows.append((k, row))
    return rows


def _csv_rows(text: str, path: str) -> list[tuple[int, dict[str, Any]]]:
    """The rows of a CSV manifest, keyed by the header's names (trimmed, case folded), with their line numbers."""
    reader = csv.DictReader(io.StringIO(text))
    fields = [f.strip().casefold() for f in reader.fieldnames or []]
    if "left" not in fields or "right" not in fields:
        raise ReadError(f"{path}: a CSV manifest needs a header with 'left' and 'right' columns")
    return [(k, {(key or "").strip().casefold(): value for key, value in raw.items()}) for k, raw in enumerate(reader, 2)]


def _pairs(rows: list[tuple[int, dict[str, Any]]], path: str) -> list[BatchPair]:
    """One pair per row, paths resolved from the manifest's folder, each with a report name of its own."""
    base = os.path.dirname(os.path.abspath(path))
    pairs: list[BatchPair] = []
    taken: set[str] = set()
    for k, row in rows:
        left, right = row.get("left"), row.get("right")
        if not isinstance(left, str) or not isinstance(right, str) or not left.strip() or not right.strip():
            raise ReadError(f"{path}:{k}: each pair needs 'left' and 'right'")
        given = row.get("name")
        stem = _safe_name(given if isinstance(given, str) and given.strip() else
                          f"{os.path.splitext(os.path.basename(left))[0]}--{os.path.splitext(os.path.basename(right))[0]}")
        name, n = stem, 2
        while name.casefold() in taken:
            name, n = f"{stem}-{n}", n + 1
        taken.add(name.casefold())
        pairs.append(BatchPair(name, _resolve(left.strip(), base), _resolve(right.strip(), base), k))
    return pairs


def _resolve(source: str, base: str) -> str:
    if re.match(r"^https?://", source, re.IGNORECASE) or os.path.isabs(source):
        return source
    return os.path.join(base, source)


def _done(outdir: str) -> dict[str, dict[str, Any]]:
    """The summary lines of pairs compared in an earlier run, by name (the last line of each wins)."""
    done: dict[str, dict[str, Any]] = {}
    try:
        with open(os.path.join(outdir, SUMMARY), encoding="utf-8") as fh:
            for line in fh:
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line cut by an interruption
                if isinstance(row, dict) and isinstance(row.get("name"), str):
                    done[row["name"]] = row
    except FileNotFoundError:
        pass
    return done


def compare_pair(left: str, right: str, fmt: str, reading: ReadOptions | dict[str, Any] | None = None,
                 threshold: float | None = None) -> dict[str, Any]:
    """One pair, in a worker: the report's text and the summary's facts, or the error. (``reading``
    as a dict of ``input_format``, ``encoding`` and ``threshold`` is the former form, still accepted.)"""
    from . import api
    from .reader import read_pair
    from .renderers import render
    from .summary import SUMMARY_COUNTS

    if isinstance(reading, dict):
        reading, threshold = _from_dict(reading)
    try:
        a, b = read_pair(left, right, **(reading or ReadOptions()).keywords())
        result = api.compare(a, b, threshold=threshold)
        counts = {k: result.summary[k] for k in SUMMARY_COUNTS}
        return {"status": "changed" if result.changed else "unchanged", "counts": counts,
                "report": render(result, fmt)}
    except StatediffError as exc:
        return {"status": "error", "error": str(exc)}


def _from_dict(options: dict[str, Any]) -> tuple[ReadOptions, float | None]:
    return ReadOptions(input_format=options.get("input_format"), encoding=options.get("encoding")), \
        options.get("threshold")


def run_batch(pairs: Iterable[BatchPair], outdir: str, *, fmt: str = "html", executor: Executor | None = None,
              reading: ReadOptions | None = None, threshold: float | None = None,
              write: Callable[[str, str], None], progress: Callable[[int, int], None] | None = None,
              options: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Compare every pair not done in an earlier run; returns every pair's summary line (earlier ones
    included), in manifest order. ``write(text, path)`` writes a report atomically; ``reading`` and
    ``threshold`` are passed on to :func:`statediff.reader.read_pair` and :func:`statediff.compare`
    (``options``, a dict of ``input_format``, ``encoding`` and ``threshold``, is their former form,
    deprecated)."""
    if options is not None:
        import warnings

        warnings.warn("run_batch(options=...) is deprecated; pass reading=ReadOptions(...) and threshold=",
                      DeprecationWarning, stacklevel=2)
        reading, threshold = _from_dict(options)
    pairs = list(pairs)
    os.makedirs(outdir, exist_ok=True)
    rows = _finished(pairs, outdir)
    todo = [p for p in pairs if p.name not in rows]
    journal = _Journal(outdir, _EXTENSIONS[fmt], write, rows, total=len(pairs), progress=progress)
    with journal:
        if executor is None:
            for pair in todo:
                journal.record(pair, compare_pair(pair.left, pair.right, fmt, reading, threshold))
        else:
            from concurrent.futures import as_completed

            futures = {executor.submit(compare_pair, p.left, p.right, fmt, reading, threshold): p for p in todo}
            for fut in as_completed(futures):
                journal.record(futures[fut], fut.result())
    return [rows[p.name] for p in pairs]


def _finished(pairs: list[BatchPair], outdir: str) -> dict[str, dict[str, Any]]:
    """The summary lines of the pairs an earlier run compared and whose report is still there."""
    earlier = _done(outdir)

    def finished(pair: BatchPair) -> bool:
        row = earlier.get(pair.name) or {}
        return row.get("status") in ("changed", "unchanged") and bool(row.get("report")) \
            and os.path.isfile(os.path.join(outdir, str(row["report"])))

    return {p.name: earlier[p.name] for p in pairs if finished(p)}


def _ends_cut(path: str) -> bool:
    """True when the file at ``path`` ends in the middle of a line (a run interrupted while writing it)."""
    try:
        with open(path, "rb") as fh:
            if fh.seek(0, os.SEEK_END) > 0:
                fh.seek(-1, os.SEEK_END)
                return fh.read(1) != b"\n"
    except FileNotFoundError:
        pass
    return False


class _Journal:
    """The summary file, open for appending while the batch runs: each pair's report is written and its
    line appended (and flushed) as soon as the pair is done; ``rows`` collects the lines by name."""

    def __init__(self, outdir: str, ext: str, write: Callable[[str, str], None], rows: dict[str, dict[str, Any]],
                 *, total: int, progress: Callable[[int, int], None] | None) -> None:
        self.outdir, self.ext, self.write, self.rows = outdir, ext, write, rows
        self.total, self.count, self.progress = total, len(rows), progress
        self.path = os.path.join(outdir, SUMMARY)

    def __enter__(self) -> _Journal:
        if self.progress is not None:
            self.progress(self.count, self.total)
        cut = _ends_cut(self.path)
        self.summary = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - closed by __exit__
        if cut:
            self.summary.write("\n")  # end the line an interrupted run cut short, so that it stays alone
        return self

    def __exit__(self, *exc: object) -> None:
        self.summary.close()

    def record(self, pair: BatchPair, outcome: dict[str, Any]) -> None:
        row: dict[str, Any] = {"name": pair.name, "left": pair.left, "right": pair.right,
                               "status": outcome["status"]}
        if outcome["status"] == "error":
            row["error"] = outcome["error"]
        else:
            report = f"{pair.name}.{self.ext}"
            try:
                self.write(outcome["report"], os.path.join(self.outdir, report))
            except StatediffError as exc:
                row.update(status="error", error=str(exc))
            else:
                row.update(report=report, **outcome["counts"])
        self.summary.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.summary.flush()
        self.rows[pair.name] = row
        self.count += 1
        if self.progress is not None:
            self.progress(self.count, self.total)
