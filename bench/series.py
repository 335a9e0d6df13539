"""Time and peak memory of ``statediff.track`` on a long series built from the fixture corpora.

The series: the five series under fixtures/corpora/ and the Japan-France seeds (the 2017 Third 2+2
part, the 2021 teleconference and consultations, the 2022 MOFA readout), one after another, dated a
month apart. Each real document is followed by perturbed copies of itself, each copy perturbing the
one before (a few clauses dropped, reworded, borrowed from another document of its series, swapped,
and now and then one dropped earlier put back), so a long series evolves the way a statement
template does, changes wholesale where the real series moves to its next document, and changes topic
where one series ends and the next begins. The base documents are read once and not timed; the timed
part is ``statediff.track`` on the read documents (aligning, walking, diffing).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # the working tree, not an installed copy

import statediff  # noqa: E402
from statediff.model import Document  # noqa: E402

JF = ROOT / "fixtures" / "japan-france"
SEEDS = [(JF / "2017-01-06-japan-defense-focus-85-third-2plus2.txt", "2+2"),
         (JF / "2021-01-15-defence-ministers-teleconference.txt", None),
         (JF / "2021-10-19-political-directors-consultations-tokyo.txt", None),
         (JF / "2022-01-20-sixth-2plus2-mofa-readout.txt", None)]

# Per clause and copy: how often it is dropped, reworded (one word replaced), followed by a clause
# borrowed from another document of its series, swapped with the next clause, or (per dropped clause)
# put back.
DROP, REWORD, INSERT, SWAP, RESTORE = 0.04, 0.12, 0.04, 0.02, 0.2


def base_series() -> list[list[Document]]:
    series = []
    for folder in sorted((ROOT / "fixtures" / "corpora").iterdir()):
        series.append([statediff.read(p) for p in sorted(folder.glob("*.txt"))])
    series.append([statediff.read(p, part=part) for p, part in SEEDS])
    return series


def perturb(doc: Document, siblings: list[Document], rng: random.Random, k: int,
            shelf: list) -> Document:
    """A copy of ``doc`` with a few clauses changed; ``shelf`` keeps dropped clauses to put back."""
    words = [w for c in doc.clauses for w in c.text.split()] or ["statement"]
    clauses = []
    for c in doc.clauses:
        if rng.random() < DROP:
            shelf.append(c)
            continue
        text = c.text
        if rng.random() < REWORD:
            toks = text.split()
            toks[rng.randrange(len(toks))] = rng.choice(words)
            text = " ".join(toks)
        clauses.append(replace(c, text=text))
        if rng.random() < INSERT:
            other = rng.choice(siblings)
            if other.clauses:
                clauses.append(rng.choice(other.clauses))
        if shelf and rng.random() < RESTORE / max(len(doc.clauses), 1):
            clauses.append(shelf.pop(rng.randrange(len(shelf))))
    for i in range(len(clauses) - 1):
        if rng.random() < SWAP:
            clauses[i], clauses[i + 1] = clauses[i + 1], clauses[i]
    year, month = 2000 + k // 12, k % 12 + 1
    return replace(doc, name=f"{k + 1:03d}-{doc.name}", date=f"{year:04d}-{month:02d}-01", clauses=tuple(clauses))


def build(n: int, seed: int = 1) -> list[Document]:
    """``n`` documents: every real document followed by perturbed copies, in equal shares."""
    rng = random.Random(seed)
    series = base_series()
    real = [(doc, base) for base in series for doc in base]
    docs: list[Document] = []
    for r, (doc, base) in enumerate(real):
        copies = n * (r + 1) // len(real) - n * r // len(real)
        current, shelf = doc, []
        for _ in range(copies):
            current = perturb(current, base, rng, len(docs), shelf)
            docs.append(current)
    return docs


def _cpu() -> tuple[float, float]:
    """User and system CPU seconds of this process, and of its finished workers."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def _redlines_over_pairs(docs: list[Document], repeat: int) -> float | None:
    """Best time of redlines' word diff (its Markdown output) over every consecutive pair, or None
    when redlines is not installed (``pip install 'statediff[bench]'``)."""
    try:
        from redlines import Redlines
    except ImportError:
        return None
    texts = ["\n".join(c.text for c in d.clauses) for d in docs]
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for a, b in zip(texts, texts[1:]):
            Redlines(a, b).output_markdown  # noqa: B018 - the property computes the diff
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--documents", type=int, default=240)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--lookback", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    ap.add_argument("--memory", action="store_true", help="also measure the Python heap peak with tracemalloc")
    args = ap.parse_args()

    t0 = time.perf_counter()
    docs = build(args.documents)
    setup = time.perf_counter() - t0
    clauses = sum(len(d.clauses) for d in docs)
    print(f"series: {len(docs)} documents, {clauses} clauses (built in {setup:.1f} s, not timed)")
    statediff.track(docs[:3])  # warm the imports and caches so the timing is the work itself
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    times: list[float] = []
    cpus: list[tuple[float, float]] = []
    result = None
    for _ in range(args.repeat):
        executor = None
        if args.jobs > 1:
            from concurrent.futures import ProcessPoolExecutor

            executor = ProcessPoolExecutor(max_workers=args.jobs)
        t0, c0 = time.perf_counter(), _cpu()
        result = statediff.track(docs, lookback=args.lookback, executor=executor)
        if executor is not None:
            executor.shutdown()
        times.append(time.perf_counter() - t0)
        c1 = _cpu()
        cpus.append((c1[0] - c0[0], c1[1] - c0[1]))
    assert result is not None
    s = statediff.render(result, "json")
    print(f"track: best {min(times):.2f} s, runs {', '.join(f'{t:.2f}' for t in times)} "
          f"(jobs={args.jobs}, lookback={args.lookback})")
    best = min(cpus, key=sum)
    print(f"CPU time: {sum(best):.2f} s in all, {best[0]:.2f} s in this process (the walk runs here), "
          f"{best[1]:.2f} s in workers; load average when done {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"result: {len(result.lineages)} lineages, "
          f"{sum(1 for lin in result.lineages if lin.revived)} revived at least once, JSON {len(s) / 1e6:.1f} MB")
    peer = _redlines_over_pairs(docs, args.repeat)
    if peer is not None:
        print(f"peer: redlines over the {len(docs) - 1} consecutive pairs (the clauses' text, one per line), best "
              f"{peer:.2f} s; statediff / redlines = {min(times) / peer:.1f}x")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss:.0f} MB (this process; {before:.0f} MB before tracking)" + (
        f", {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB (largest worker)"
        if args.jobs > 1 else ""))
    if args.memory:
        import tracemalloc

        tracemalloc.start()
        statediff.track(docs, lookback=args.lookback)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"Python heap peak during track: {peak / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
