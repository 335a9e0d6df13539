"""Clause alignment on official statements: statediff against reference alignments of its own corpora.

The ArgRewrite benchmark (bench/alignment.py) has human gold data but is made of student essays.
This one measures the aligner on what statediff is for: consecutive statements of the project's
fixture series (Japan-France, AUKUS, Counter Ransomware Initiative, FOMC), segmented by statediff
itself, with reference links over those clauses (bench/data/statements-reference.jsonl, see
bench/data/README.md). Each pair was annotated twice, independently; the agreement of the two passes
is printed as the ceiling to read the scores against.

    python bench/alignment_statements.py            # table: statediff and the two baselines
    python bench/alignment_statements.py --errors   # statediff's false and missed links
    python bench/alignment_statements.py --json

Moves are links here (the references link a moved clause to its new place), so no pair is left out
of the scoring. statediff aligns the documents' Clause records, exactly as `statediff compare`
does (headings and the commitment annotation included); the baselines see the clause texts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # the working tree, not an installed copy
sys.path.insert(0, str(HERE))

from alignment import difflib_baseline, norm_ws, tfidf_baseline  # noqa: E402

DEFAULT_DATA = HERE / "data" / "statements-reference.jsonl"


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_pair(rec: dict):
    """Both documents, read and segmented by the working tree, as `statediff compare` reads them."""
    import statediff

    old = statediff.read(ROOT / rec["old_path"], part=rec.get("old_part"))
    new = statediff.read(ROOT / rec["new_path"], part=rec.get("new_part"))
    return old, new


def check_segmentation(rec: dict, old, new) -> str | None:
    """The references index clauses; they only hold while segmentation gives the same clauses."""
    for side, doc in (("old", old), ("new", new)):
        texts = [c.text for c in doc.clauses]
        if texts != rec[side]:
            first = next((k for k, (a, b) in enumerate(zip(texts, rec[side])) if a != b),
                         min(len(texts), len(rec[side])))
            return (f"{rec['id']}: the {side} document now segments differently (clause {first}; "
                    f"{len(texts)} clauses, reference has {len(rec[side])})")
    return None


def expand(links) -> set[tuple[int, int]]:
    return {(i, j) for link in links for i in link.left for j in link.right}


def score_all(records: list[dict], predictions: dict[str, set]) -> dict:
    """Precision against the links either pass made (``accept``: a link one careful reader drew is
    not an error), recall against the links both passes made (``gold``: what any aligner should
    find), micro-averaged over all pairs; strict and changed-only (the two clauses differ)."""
    out = {}
    for variant in ("strict", "changed"):
        tp_p = n_pred = tp_r = n_gold = 0
        for rec in records:
            keep = (lambda i, j: True) if variant == "strict" else (
                lambda i, j, rec=rec: norm_ws(rec["old"][i]) != norm_ws(rec["new"][j]))
            gold = {tuple(x) for x in rec["gold"] if keep(*x)}
            accept = {tuple(x) for x in rec["accept"] if keep(*x)}
            pred = {x for x in predictions[rec["id"]] if keep(*x)}
            tp_p += len(pred & accept)
            n_pred += len(pred)
            tp_r += len(pred & gold)
            n_gold += len(gold)
        p = tp_p / n_pred if n_pred else 0.0
        r = tp_r / n_gold if n_gold else 0.0
        out[variant] = {"p": 100 * p, "r": 100 * r, "f1": 200 * p * r / (p + r) if p + r else 0.0,
                        "pred": n_pred, "gold": n_gold}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="reference jsonl (default: %(default)s)")
    ap.add_argument("--json", action="store_true", help="print the numbers as JSON")
    ap.add_argument("--errors", action="store_true", help="list statediff's false and missed links")
    args = ap.parse_args(argv)

    from statediff.aligner import align

    records = load(args.data)
    docs, problems = {}, []
    for rec in records:
        old, new = read_pair(rec)
        problem = check_segmentation(rec, old, new)
        if problem:
            problems.append(problem)
        else:
            docs[rec["id"]] = (old, new)
    records = [rec for rec in records if rec["id"] in docs]
    align(["warm up"], ["warm up"])

    systems = {}
    for name, predict in (("difflib+ratio", difflib_baseline), ("tfidf-greedy", tfidf_baseline)):
        t0 = time.perf_counter()
        preds = {rec["id"]: set(predict(rec)) for rec in records}
        systems[name] = (preds, time.perf_counter() - t0)
    t0 = time.perf_counter()
    preds = {rec["id"]: expand(align(docs[rec["id"]][0].clauses, docs[rec["id"]][1].clauses)) for rec in records}
    systems["statediff"] = (preds, time.perf_counter() - t0)

    results = [{"system": name, **score_all(records, preds), "seconds": sec} for name, (preds, sec) in systems.items()]
    agreement = None
    if records and all("passes" in rec for rec in records):
        # Pass B scored against pass A: how far two careful readings of the same texts agree.
        agreement = score_all([{**rec, "gold": rec["passes"]["a"], "accept": rec["passes"]["a"]} for rec in records],
                              {rec["id"]: {tuple(p) for p in rec["passes"]["b"]} for rec in records})
    n_gold = sum(len(rec["gold"]) for rec in records)
    if args.json:
        print(json.dumps({"pairs": len(records), "links": n_gold, "results": results,
                          "agreement": agreement, "skipped": problems}, indent=2))
        return 0
    clauses = sum(len(rec["old"]) + len(rec["new"]) for rec in records)
    print(f"{len(records)} statement pairs, {clauses} clauses, {n_gold} reference links\n")
    print(f"{'system':<22} {'strict P':>8} {'R':>6} {'F1':>6}   {'changed P':>9} {'R':>6} {'F1':>6}   {'time':>7}")
    rows = [(r["system"], r) for r in results]
    if agreement:
        rows.append(("pass B vs pass A", {**agreement, "seconds": None}))
    for name, row in rows:
        s, c = row["strict"], row["changed"]
        sec = "" if row["seconds"] is None else f"{row['seconds']:6.2f}s"
        print(f"{name:<22} {s['p']:8.1f} {s['r']:6.1f} {s['f1']:6.1f}   {c['p']:9.1f} {c['r']:6.1f} {c['f1']:6.1f}   {sec:>7}")
    for problem in problems:
        print(f"\nskipped: {problem}")
    if args.errors:
        by_id = {rec["id"]: rec for rec in records}
        preds = systems["statediff"][0]
        for title, pick in (("false links (in neither pass)", lambda r, p: p - {tuple(x) for x in r["accept"]}),
                            ("missed links (in both passes)", lambda r, p: {tuple(x) for x in r["gold"]} - p)):
            print(f"\n{title}:")
            for pid in by_id:
                rec = by_id[pid]
                for i, j in sorted(pick(rec, preds[pid])):
                    print(f"  {pid} old[{i}] -> new[{j}]")
                    print(f"    - {rec['old'][i][:110]}")
                    print(f"    + {rec['new'][j][:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
