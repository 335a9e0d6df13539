"""Survey of the classifier's labels on the real fixtures: every seed pair and every consecutive pair
of each series under fixtures/corpora/.

    python bench/labels.py                 # counts of each label per pair, then totals
    python bench/labels.py --examples 3    # and up to 3 example pairs per label
    python bench/labels.py --label softened --examples 50   # every pair with one label
    python bench/labels.py --markdown      # the table of docs/labels.md

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
    args = ap.parse_args()
    if args.markdown:
        print(markdown())
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
    out.append(f"| **total** | | " + " | ".join(f"**{totals[label]}**" for label in seen) + " |")
    return "\n".join(out)


if __name__ == "__main__":
    main()
