"""Size and rendering time of the HTML report on the golden cases and on a long synthetic comparison.

    python bench/html_report.py            # each golden case, then a comparison of N clauses
    python bench/html_report.py --clauses 2000

Times only ``statediff.render(result, "html")`` (the comparison is computed once, outside the
timing): the median of five runs. The synthetic case repeats the MOFA readout's clauses, rewording
every fifth, so that the page has many rows of each kind.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # the working tree, not an installed copy

import statediff  # noqa: E402

FIXTURES = ROOT / "fixtures"


def _median_ms(result: statediff.Comparison, runs: int = 5) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        size = len(statediff.render(result, "html").encode("utf-8"))
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), size


def _golden() -> list[tuple[str, statediff.Comparison]]:
    out = []
    for case in sorted((FIXTURES / "golden").iterdir()):
        spec_path = case / "case.json"
        if not spec_path.is_file():
            continue
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        left = statediff.read(FIXTURES / spec["left"], part=spec.get("left_part"))
        right = statediff.read(FIXTURES / spec["right"], part=spec.get("right_part"))
        out.append((case.name, statediff.compare(left, right)))
    return out


def _synthetic(n: int) -> statediff.Comparison:
    base = [c.text for c in statediff.read(FIXTURES / "japan-france" / "2022-01-20-sixth-2plus2-mofa-readout.txt").clauses]
    right = [base[k % len(base)] + f" (item {k})" for k in range(n)]
    left = [t.replace("four Ministers", "Ministers") if k % 5 == 0 else t for k, t in enumerate(right)]
    left = [t for k, t in enumerate(left) if k % 7 != 3]  # some added
    right = [t for k, t in enumerate(right) if k % 11 != 5]  # some dropped
    return statediff.compare(statediff.parse("\n\n".join(left), name="left.txt"),
                             statediff.parse("\n\n".join(right), name="right.txt"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clauses", type=int, default=1000, help="clauses in the synthetic comparison")
    args = ap.parse_args()
    print(f"{'case':45} {'rows':>5} {'KiB':>8} {'ms':>8}")
    cases = _golden()
    t = time.perf_counter()
    cases.append((f"synthetic {args.clauses} clauses", _synthetic(args.clauses)))
    print(f"(synthetic comparison computed in {time.perf_counter() - t:.1f} s)", file=sys.stderr)
    for name, result in cases:
        ms, size = _median_ms(result)
        print(f"{name:45} {len(result.pairs):5d} {size / 1024:8.1f} {ms:8.1f}")


if __name__ == "__main__":
    main()
