"""Sentence-alignment benchmark: statediff.align against two lexical baselines.

Gold data: ArgRewrite V.2 development pairs (see bench/data/README.md). Scores are micro precision /
recall / F1 over (pair id, i, j) links, "strict" (all links) and "changed-only" (links whose two
sentences differ after whitespace normalization, because any diff gets identical sentences for free).

    python bench/alignment.py                      # table of the three systems
    python bench/alignment.py --threshold 0.2 0.3  # one statediff row per threshold
    python bench/alignment.py --errors 20          # statediff false positives / negatives
    python bench/alignment.py --scale              # also time 2,000 x 2,000 clauses
    python bench/alignment.py --cv 6               # calibration grid, cross-validated by essay
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the repo root: benchmark the working tree without installing

DEFAULT_DATA = HERE / "data" / "argrewrite-dev.jsonl"
_WORD = re.compile(r"\w+")


def norm_ws(text: str) -> str:
    return " ".join(text.split())


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# --- scoring ---------------------------------------------------------------------------------------

def prf(pred: set, gold: set) -> dict:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": 100 * p, "r": 100 * r, "f1": 100 * f, "tp": tp, "pred": len(pred), "gold": len(gold)}


def link_sets(records: list[dict], predict, count_moves: bool = False, moves_free: bool = False) -> tuple[set, set]:
    """Gold and predicted (id, i, j) links, without the move_like pairs.

    Annotators marked a moved sentence as deleted + added, so a system that finds the move would be
    punished for being right; those pairs count as neither right nor wrong (unless `count_moves`).
    With `moves_free`, so does any predicted link that crosses a gold link and joins two sentences
    that are in no gold link: a move the annotators could not draw.
    """
    gold, pred = set(), set()
    for rec in records:
        skip = set() if count_moves else {tuple(p) for p in rec["move_like"]}
        links = [tuple(x) for x in rec["gold"]]
        gold |= {(rec["id"], i, j) for i, j in links if (i, j) not in skip}
        linked_i = {i for i, _ in links}
        linked_j = {j for _, j in links}
        for i, j in predict(rec):
            if (i, j) in skip:
                continue
            if moves_free and (i, j) not in links and i not in linked_i and j not in linked_j \
                    and any((a - i) * (b - j) < 0 for a, b in links):
                continue
            pred.add((rec["id"], i, j))
    return gold, pred


def score(records: list[dict], gold: set, pred: set) -> dict:
    by_id = {rec["id"]: rec for rec in records}

    def changed(link) -> bool:
        rec = by_id[link[0]]
        return norm_ws(rec["old"][link[1]]) != norm_ws(rec["new"][link[2]])

    return {"strict": prf(pred, gold),
            "changed": prf({x for x in pred if changed(x)}, {x for x in gold if changed(x)})}


# --- baselines -------------------------------------------------------------------------------------

def greedy_one_to_one(sim: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Take the most similar remaining pair until none reaches the threshold (ties: document order)."""
    links, used_i, used_j = [], set(), set()
    order = sorted(zip(*np.nonzero(sim >= threshold)), key=lambda ij: (-sim[ij], ij))
    for i, j in order:
        if i not in used_i and j not in used_j:
            links.append((int(i), int(j)))
            used_i.add(i)
            used_j.add(j)
    return links


def difflib_baseline(rec: dict, threshold: float = 0.5) -> list[tuple[int, int]]:
    """Sentence-level diff; equal blocks are links, and inside a replace block old/new sentences are
    paired one-to-one when their word sequences are similar enough (difflib ratio)."""
    old = [norm_ws(s) for s in rec["old"]]
    new = [norm_ws(s) for s in rec["new"]]
    links = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            links += [(i1 + k, j1 + k) for k in range(i2 - i1)]
        elif op == "replace":
            sim = np.array([[difflib.SequenceMatcher(None, words(a), words(b), autojunk=False).ratio()
                             for b in new[j1:j2]] for a in old[i1:i2]])
            links += [(i1 + i, j1 + j) for i, j in greedy_one_to_one(sim, threshold)]
    return links


def tfidf_baseline(rec: dict, threshold: float = 0.5) -> list[tuple[int, int]]:
    """Cosine of word-unigram TF-IDF vectors (IDF over the sentences of this pair), greedy 1:1."""
    docs = [Counter(words(s)) for s in rec["old"] + rec["new"]]
    vocab = {w: k for k, w in enumerate(sorted({w for d in docs for w in d}))}
    mat = np.zeros((len(docs), max(len(vocab), 1)))
    for r, d in enumerate(docs):
        for w, c in d.items():
            mat[r, vocab[w]] = c
    df = (mat > 0).sum(axis=0)
    mat *= np.log((1 + len(docs)) / (1 + df)) + 1  # smoothed IDF, so words in every sentence still count
    mat /= np.maximum(np.linalg.norm(mat, axis=1, keepdims=True), 1e-12)
    n = len(rec["old"])
    return greedy_one_to_one(mat[:n] @ mat[n:].T, threshold)


# --- statediff -------------------------------------------------------------------------------------

def import_statediff():
    try:
        import statediff
        # The warm-up call keeps lazy imports (scipy, nltk) out of the timings, and checks align works.
        statediff.align(["warm up"], ["warm up"])
        return statediff, None
    except Exception as exc:  # the package may be absent or half-written; still report the baselines
        return None, f"{type(exc).__name__}: {exc}"


def statediff_predictor(statediff, threshold: float | None):
    kwargs = {} if threshold is None else {"threshold": threshold}

    def predict(rec: dict) -> list[tuple[int, int]]:
        # A group link (left=(1, 2), right=(3,)) stands for the gold-style links (1, 3) and (2, 3).
        return [(i, j) for link in statediff.align(rec["old"], rec["new"], **kwargs)
                for i in link.left for j in link.right]
    return predict


def show_errors(records: list[dict], gold: set, pred: set, limit: int) -> None:
    by_id = {rec["id"]: rec for rec in records}

    def short(text: str, width: int = 90) -> str:
        text = norm_ws(text)
        return text if len(text) <= width else text[:width - 3] + "..."

    for title, links in (("false positives", pred - gold), ("false negatives", gold - pred)):
        links = sorted(links)
        print(f"\n{title}: {len(links)} (showing {min(limit, len(links))})")
        for pid, i, j in links[:limit]:
            rec = by_id[pid]
            print(f"  {pid} old[{i}] -> new[{j}]")
            print(f"    - {short(rec['old'][i])}")
            print(f"    + {short(rec['new'][j])}")


# --- scale -----------------------------------------------------------------------------------------

def scale_inputs(records: list[dict], size: int = 2000, seed: int = 0):
    """`size` left clauses and a perturbed right side of the same size, reproducibly.

    Right = left with ~10% of clauses deleted, ~15% missing one word, ~15% with two words swapped,
    and new corpus clauses inserted at random places back up to `size` (~10%), so the aligner faces
    a realistic mix of exact, near and missing matches.
    """
    rng = random.Random(seed)
    pool = sorted({norm_ws(s) for rec in records for s in rec["old"] + rec["new"]})
    rng.shuffle(pool)
    left, fresh = pool[:size], pool[size:]
    right = []
    for text in left:
        ws = text.split()
        roll = rng.random()
        if roll < 0.10:
            continue  # deleted
        if roll < 0.25 and len(ws) > 3:
            del ws[rng.randrange(len(ws))]
        elif roll < 0.40 and len(ws) > 3:
            a, b = rng.sample(range(len(ws)), 2)
            ws[a], ws[b] = ws[b], ws[a]
        right.append(" ".join(ws))
    for text in fresh[:size - len(right)]:  # inserted, back to `size` clauses
        right.insert(rng.randrange(len(right) + 1), text)
    return left, right


def time_scale(statediff, records: list[dict], threshold: float | None) -> dict:
    left, right = scale_inputs(records)
    kwargs = {} if threshold is None else {"threshold": threshold}
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        statediff.align(left, right, **kwargs)
        runs.append(time.perf_counter() - t0)
    return {"left": len(left), "right": len(right), "seconds": statistics.median(runs),
            "runs": runs, "target": 2.0}


# --- calibration -----------------------------------------------------------------------------------

# The aligner's fitted parameters and the coarse grid they were chosen from (module attributes of
# statediff.aligner, read at call time).
GRID = {"DEFAULT_THRESHOLD": [0.2, 0.25, 0.3, 0.35], "MOVE_MARGIN": [0.2, 0.3, 0.4],
        "POSITION_PRIOR": [0.0, 0.05, 0.1], "GAP_PRIOR": [0.0, 0.04, 0.08]}


def essay(rec: dict) -> str:
    """Interface and essay: the 1->2 and 2->3 draft pairs of one essay share text, so they share a fold."""
    interface, _, name = rec["id"].split("/")
    return f"{interface}/{name}"


def cross_validate(statediff, records: list[dict], k: int) -> dict:
    """Choose the grid point with the best strict F1 (then changed-only F1) on k-1 folds of essays,
    score it on the held-out fold; also score the library's defaults on every fold."""
    import itertools

    aligner = statediff.aligner
    names = list(GRID)
    saved = {name: getattr(aligner, name) for name in names}
    points = list(itertools.product(*GRID.values()))
    preds: dict[tuple, dict] = {}
    try:
        for point in points:
            for name, value in zip(names, point):
                setattr(aligner, name, value)
            predict = statediff_predictor(statediff, None)
            preds[point] = {rec["id"]: predict(rec) for rec in records}
    finally:
        for name, value in saved.items():
            setattr(aligner, name, value)
    default = tuple(saved[name] for name in names)
    if default not in preds:
        preds[default] = {rec["id"]: statediff_predictor(statediff, None)(rec) for rec in records}

    def scores(point: tuple, subset: list[dict]) -> dict:
        gold, pred = link_sets(subset, lambda rec: preds[point][rec["id"]])
        return score(subset, gold, pred)

    essays = sorted({essay(rec) for rec in records})
    folds = [[rec for rec in records if essays.index(essay(rec)) % k == f] for f in range(k)]
    rows = []
    for f, held in enumerate(folds):
        train = [rec for g, fold in enumerate(folds) if g != f for rec in fold]
        best = max(points, key=lambda p: (round(scores(p, train)["strict"]["f1"], 6),
                                          round(scores(p, train)["changed"]["f1"], 6)))
        rows.append({"fold": f + 1, "pairs": len(held), "chosen": dict(zip(names, best)),
                     "chosen_scores": scores(best, held), "default_scores": scores(default, held)})
    full = {point: scores(point, records) for point in points}
    return {"grid": GRID, "default": dict(zip(names, default)), "folds": rows,
            "default_all": scores(default, records),
            "top": sorted(({"point": dict(zip(names, p)), "strict": full[p]["strict"]["f1"],
                            "changed": full[p]["changed"]["f1"]} for p in points),
                          key=lambda r: (-r["strict"], -r["changed"]))[:5]}


def print_cv(cv: dict) -> None:
    names = list(cv["grid"])
    print(f"\ncross-validation ({len(cv['folds'])} folds of essays; grid {cv['grid']})")
    print(f"{'fold':>4} {'pairs':>5}   {'chosen ' + ' / '.join(n.lower() for n in names):<48} "
          f"{'strict':>6} {'changed':>7}   {'defaults: strict':>16} {'changed':>7}")
    for row in cv["folds"]:
        chosen = " / ".join(f"{row['chosen'][n]:g}" for n in names)
        c, d = row["chosen_scores"], row["default_scores"]
        print(f"{row['fold']:>4} {row['pairs']:>5}   {chosen:<48} {c['strict']['f1']:6.1f} {c['changed']['f1']:7.1f}"
              f"   {d['strict']['f1']:16.1f} {d['changed']['f1']:7.1f}")
    print("best grid points on all pairs:")
    for r in cv["top"]:
        print(f"  {r['point']}: strict {r['strict']:.1f}, changed {r['changed']:.1f}")


# --- main ------------------------------------------------------------------------------------------

def run(records: list[dict], name: str, predict, count_moves: bool,
        moves_free: bool = False) -> tuple[dict, set, set]:
    t0 = time.perf_counter()
    gold, pred = link_sets(records, predict, count_moves, moves_free)
    seconds = time.perf_counter() - t0
    return {"system": name, **score(records, gold, pred), "seconds": seconds}, gold, pred


def describe(records: list[dict]) -> dict:
    """Facts about the data worth knowing when reading the scores."""
    fan_out = fan_in = changed = 0
    for rec in records:
        left = Counter(i for i, _ in rec["gold"])
        right = Counter(j for _, j in rec["gold"])
        fan_out += sum(left[i] > 1 for i, _ in rec["gold"])
        fan_in += sum(right[j] > 1 for _, j in rec["gold"])
        changed += sum(norm_ws(rec["old"][i]) != norm_ws(rec["new"][j]) for i, j in rec["gold"])
    return {"pairs": len(records), "gold_links": sum(len(r["gold"]) for r in records),
            "changed_gold_links": changed, "links_in_splits": fan_out, "links_in_merges": fan_in,
            "move_like": sum(len(r["move_like"]) for r in records)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="gold jsonl (default: %(default)s)")
    ap.add_argument("--threshold", type=float, nargs="+", default=[None],
                    help="statediff.align threshold(s); one row each (default: the library's own)")
    ap.add_argument("--json", action="store_true", help="print the numbers as JSON")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print up to N statediff false positives and negatives (first threshold)")
    # The data README's reference numbers match this convention (TF-IDF gives exactly 96.2 / 90.4).
    ap.add_argument("--count-moves", action="store_true",
                    help="score move_like pairs like any other link (false positives when predicted)")
    ap.add_argument("--moves-free", action="store_true",
                    help="also count a predicted link that crosses a gold link and joins two sentences in no "
                         "gold link as neither right nor wrong (the annotators never link across a reordering)")
    ap.add_argument("--scale", action="store_true", help="also time statediff.align on 2,000 x 2,000 clauses")
    ap.add_argument("--cv", type=int, default=0, metavar="K",
                    help="cross-validate the aligner's parameter grid over K folds of essays")
    args = ap.parse_args(argv)

    records = load(args.data)
    mf = args.moves_free
    results = [run(records, "difflib+ratio", difflib_baseline, args.count_moves, mf)[0],
               run(records, "tfidf-greedy", tfidf_baseline, args.count_moves, mf)[0]]
    statediff, problem = import_statediff()
    # Before the corpus run, so the first of the 3 runs starts with the library's word caches cold.
    scale = time_scale(statediff, records, args.threshold[0]) if args.scale and statediff else None
    cv = cross_validate(statediff, records, args.cv) if args.cv and statediff else None
    errors = None
    if statediff is not None:
        for k, t in enumerate(args.threshold):
            name = "statediff" if t is None else f"statediff t={t:g}"
            row, gold, pred = run(records, name, statediff_predictor(statediff, t), args.count_moves, mf)
            results.append(row)
            if k == 0:
                errors = (gold, pred)

    if args.json:
        print(json.dumps({"data": describe(records), "results": results, "scale": scale, "cv": cv,
                          "statediff_error": problem}, indent=2))
        return 0
    d = describe(records)
    print(f"{d['pairs']} pairs, {d['gold_links']} gold links ({d['changed_gold_links']} changed, "
          f"{d['links_in_splits']} in splits, {d['links_in_merges']} in merges), "
          f"{d['move_like']} move_like links {'counted' if args.count_moves else 'ignored'}"
          f"{'; other moves not counted' if mf else ''}\n")
    print(f"{'system':<20} {'strict P':>8} {'R':>6} {'F1':>6}   "
          f"{'changed P':>9} {'R':>6} {'F1':>6}   {'time':>7}")
    for row in results:
        s, c = row["strict"], row["changed"]
        print(f"{row['system']:<20} {s['p']:8.1f} {s['r']:6.1f} {s['f1']:6.1f}   "
              f"{c['p']:9.1f} {c['r']:6.1f} {c['f1']:6.1f}   {row['seconds']:6.2f}s")
    if problem:
        print(f"\nnote: statediff not scored, it failed to import or run ({problem})")
    if scale:
        verdict = "ok" if scale["seconds"] < scale["target"] else "TOO SLOW"
        print(f"\nscale: align {scale['left']} x {scale['right']} clauses: median of 3 "
              f"{scale['seconds']:.2f}s, first {scale['runs'][0]:.2f}s "
              f"(target < {scale['target']:g}s: {verdict})")
    elif args.scale:
        print("\nscale: skipped, statediff not importable")
    if cv:
        print_cv(cv)
    if args.errors and errors:
        show_errors(records, *errors, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
