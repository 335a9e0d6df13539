"""Counterexamples to statediff's promises on mutated real statements (see bench/mutations.py).

    python bench/robustness.py              # 6,000 rounds: counts of broken promises, first seeds
    python bench/robustness.py --rounds 500 --show 3

Each round is seeded (its number), so a counterexample is reproduced with ``--seed N``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import mutations  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=6000)
    ap.add_argument("--seed", type=int, default=None, help="run this one round and print what broke")
    ap.add_argument("--show", type=int, default=5, help="seeds to list per broken promise")
    args = ap.parse_args(argv)
    from tests.test_invariants import unaccounted

    pool = mutations.pool_of_sentences()
    if args.seed is not None:
        print(mutations.check_round(args.seed, pool, unaccounted) or "nothing broken")
        return 0
    counts: Counter[str] = Counter()
    seeds: dict[str, list[int]] = {}
    t0 = time.perf_counter()
    for seed in range(args.rounds):
        for name in mutations.check_round(seed, pool, unaccounted):
            counts[name] += 1
            seeds.setdefault(name, []).append(seed)
    print(f"{args.rounds} rounds in {time.perf_counter() - t0:.0f} s over {len(mutations.SOURCES)} real statements")
    names = ["self", "mirror", "accounting"] + [f"{p}:{k}" for p in ("cosmetic", "accounting")
                                                 for k in mutations.COSMETIC_KINDS]
    for name in names:
        print(f"  {name:<22} {counts[name]:>5} counterexamples" +
              (f"  (seeds {', '.join(map(str, seeds[name][:args.show]))})" if counts[name] else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
