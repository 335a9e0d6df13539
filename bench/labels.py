"""Survey of the classifier's labels on the real fixtures: every seed pair and every consecutive pair
of each series under fixtures/corpora/.

    python bench/labels.py                 # counts of each label per pair, then totals
    python bench/labels.py --examples 3    # and up to 3 example pairs per label
    python bench/labels.py --label softened --examples 50   # every pair with one label
    python bench/labels.py --markdown      # the table of docs/labels.md
    python bench/labels.py --time          # time spent labelling, against the whole comparison

The output is what docs/labels.md summarises; read it for plausibility after changing the lexicon
or the classifier.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # the working tree, not an installed copy

import statediff  # noqa: E402
from statediff.classifier import LABELS  # noqa: E402
from statediff.renderers.text import word_diff  # noqa: E402

JF = ROOT / "fixtures" / "japan-france"
SEED_PAIRS = [
    (JF / "2021-01-15-defence-ministers-teleconference.txt", None, JF / "2022-01-20-sixth-2plus2-mofa-readout.txt"),
    (JF / "2017-01-06-japan-defense-focus-85-third-2plus2.txt", "2+2", JF / "2022-01-20-sixth-2plus2-mofa-readout.txt"),
    (JF / "2021-10-19-political-directors-consultations-tokyo.txt", None,
     JF / "2022-01-20-sixth-2plus2-mofa-readout.txt"),
    (JF / "2022-01-20-sixth-2plus2-ap-report.txt", None, JF / "2022-01-20-sixth-2plus2-mofa-readout.txt"),
]


def pairs() -> list[tuple[Path, str | None, Path]]:
    out = list(SEED_PAIRS)
    for series in sorted((ROOT / "fixtures" / "corpora").iterdir()):
        docs = sorted(series.glob("*.txt"))
        out.extend((a, None, b) for a, b in zip(docs, docs[1:]))
    return out


def name(path: Path, part: str | None) -> str:
    label = f"{path.parent.name}/{path.name}"
    return f"{label} [{part}]" if part else label


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=0, help="example pairs to print per label")
    ap.add_argument("--label", action="append", help="only these labels (repeatable)")
    ap.add_argument("--markdown", action="store_true", help="print the counts as a Markdown table")
    ap.add_argument("--time", action="store_true", help="time the classifier against the whole comparison")
    args = ap.parse_args()
    if args.markdown:
        print(markdown())
        return
    if args.time:
        print(timing())
        return
    totals: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for left, part, right in pairs():
        result = statediff.compare(statediff.read(left, part=part), statediff.read(right))
        counts = Counter(label for p in result.pairs for label in p.labels)
        totals.update(counts)
        row = ", ".join(f"{label} {counts[label]}" for label in LABELS if counts[label]) or "(none)"
        print(f"{name(left, part)} -> {right.name}: {row}")
        for p in result.pairs:
            for label in p.labels:
                if args.label and label not in args.label:
                    continue
                if len(examples[label]) < args.examples:
                    examples[label].append(f"  {right.parent.name}/{right.name} {','.join(p.right)} "
                                           f"[{', '.join(p.labels)}]\n    {word_diff(p)}")
    print()
    print("totals: " + ", ".join(f"{label} {totals[label]}" for label in LABELS if totals[label]))
    for label in LABELS:
        if examples[label]:
            print(f"\n== {label}")
            print("\n".join(examples[label]))


def timing(repeat: int = 5) -> str:
    """Seconds spent in classify() and in compare() over all survey pairs (best of ``repeat``)."""
    import time

    from statediff import api

    docs = [(statediff.read(a, part=p), statediff.read(b)) for a, p, b in pairs()]
    original = api.classify
    spent = [0.0]
    calls = [0]

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start
            calls[0] += 1

    best_total = best_classify = float("inf")
    api.classify = timed
    try:
        for _ in range(repeat):
            spent[0] = 0.0
            calls[0] = 0
            start = time.perf_counter()
            for a, b in docs:
                statediff.compare(a, b)
            best_total = min(best_total, time.perf_counter() - start)
            best_classify = min(best_classify, spent[0])
    finally:
        api.classify = original
    return (f"{len(docs)} comparisons, {calls[0]} pairs: compare {best_total:.3f} s, "
            f"of which classify {best_classify:.3f} s ({100 * best_classify / best_total:.0f}%)")


def markdown() -> str:
    """Counts per label per pair as a Markdown table: one row per pair, one column per label seen."""
    rows = []
    totals: Counter[str] = Counter()
    for left, part, right in pairs():
        result = statediff.compare(statediff.read(left, part=part), statediff.read(right))
        counts = Counter(label for p in result.pairs for label in p.labels)
        totals.update(counts)
        changed = result.summary["changed"]
        rows.append((f"{name(left, part)} -> {right.name}", changed, counts))
    seen = [label for label in LABELS if totals[label]]
    out = ["| pair | changed | " + " | ".join(seen) + " |", "|---|---:|" + "---:|" * len(seen)]
    for title, changed, counts in rows:
        out.append(f"| {title} | {changed} | " + " | ".join(str(counts[label] or "") for label in seen) + " |")
    out.append("| **total** | | " + " | ".join(f"**{totals[label]}**" for label in seen) + " |")
    return "\n".join(out)


if __name__ == "__main__":
    main()
