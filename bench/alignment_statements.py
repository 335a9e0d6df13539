"""Clause alignment on official statements: statediff against reference alignments by two annotators.

The ArgRewrite benchmark (bench/alignment.py) has human gold data but is made of student essays.
This one measures the aligner on what statediff is for, with two reference files (see
bench/data/README.md):

* ``statements-reference.jsonl``: 7 consecutive pairs of the project's fixture series;
* ``statements-dev-gold.jsonl``: 7 rewritten pairs (US-EU summits, US-EU TTC, AUKUS, Counter
  Ransomware Initiative, Japan-France; the last one two accounts of the same meeting).

Each pair was annotated twice, independently; the agreement of the two passes is printed as the
ceiling to read the scores against. statediff aligns the documents' Clause records exactly as
`statediff compare` does; the gold clauses are mapped to statediff's by text.

    python bench/alignment_statements.py              # both files: links and suggestions
    python bench/alignment_statements.py --fit        # refit the evidence model, leave-one-pair-out
    python bench/alignment_statements.py --errors     # statediff's false and missed links
    python bench/alignment_statements.py --json

Links: precision against the links either pass made, recall against the links both made. Moves are
links here. Suggestions: for the agreed links statediff does not make, how often the gold partner is
among the first 1, 3 or 5 suggestions of one of the two clauses.
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

import statement_gold as sg  # noqa: E402
from alignment import difflib_baseline, tfidf_baseline  # noqa: E402

FILES = {"reference": HERE / "data" / "statements-reference.jsonl",
         "dev-gold": HERE / "data" / "statements-dev-gold.jsonl"}


def _baseline_input(m: sg.Mapped) -> dict:
    return {"old": [c.text for c in m.old_doc.clauses], "new": [c.text for c in m.new_doc.clauses]}


def predict_statediff(m: sg.Mapped, suggest: bool = True):
    """statediff's links as gold pairs, and its suggestions (our indexes, best first)."""
    from statediff.aligner import align_and_suggest

    links, left, right, *_ = align_and_suggest(m.old_doc.clauses, m.new_doc.clauses, limit=5 if suggest else 0)
    return (m.to_gold(links), {i: [j for j, _ in s] for i, s in left.items()},
            {j: [i for i, _ in s] for j, s in right.items()})


# --- the evidence model ----------------------------------------------------------------------------

def evidence_rows(m: sg.Mapped):
    """Features and labels of the rescue candidates of one pair (as the aligner sees them)."""
    import numpy as np

    from statediff import aligner

    left, right = list(m.old_doc.clauses), list(m.new_doc.clauses)
    lt, rt = [c.text for c in left], [c.text for c in right]
    flip = (len(rt), rt) < (len(lt), lt)  # the aligner's canonical direction
    if flip:
        left, right, lt, rt = right, left, rt, lt
    space, sim, groups, headings = aligner._lexical_pass(left, right, lt, rt, aligner.DEFAULT_THRESHOLD)
    ev = aligner.Evidence(space, sim, headings, 0.0, (left, right)).regroup(groups)
    ii, jj = ev.candidates()
    x = ev.features(ii, jj) if len(ii) else np.zeros((0, len(aligner.EVIDENCE_FEATURES)))
    y = np.array([1.0 if m.to_gold([(j, i) if flip else (i, j)]) & m.pair.accept else 0.0
                  for i, j in zip(ii.tolist(), jj.tolist())])
    return x, y


def fit_logistic(x, y, l2: float = 1.0, rounds: int = 50):
    """L2-regularised logistic regression by Newton's method (the intercept is not penalised)."""
    import numpy as np

    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    pen = np.r_[np.ones(len(w) - 1), 0.0] * l2
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + pen * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(pen)
        w -= np.linalg.solve(hess, grad)
    return tuple(round(float(v), 2) for v in w)


def fit(data: dict[str, list[sg.Mapped]]) -> dict:
    """Fit on all pairs of both files; score each pair with the model fitted on the other 13."""
    import numpy as np

    from statediff import aligner

    everything = [m for ms in data.values() for m in ms]
    rows = {m.pair.id: evidence_rows(m) for m in everything}

    def fitted(without: str | None):
        xs = [r[0] for k, r in rows.items() if k != without]
        ys = [r[1] for k, r in rows.items() if k != without]
        return fit_logistic(np.vstack(xs), np.concatenate(ys))

    saved = aligner.RESCUE_WEIGHTS
    out = {"weights": fitted(None), "features": list(aligner.EVIDENCE_FEATURES), "lopo": {}}
    try:
        for name, ms in data.items():
            preds = {}
            for m in ms:
                aligner.RESCUE_WEIGHTS = fitted(m.pair.id)
                preds[m.pair.id] = predict_statediff(m, suggest=False)[0]
            out["lopo"][name] = sg.score([m.pair for m in ms], preds)
    finally:
        aligner.RESCUE_WEIGHTS = saved
    return out


# --- main ------------------------------------------------------------------------------------------

def evaluate(ms: list[sg.Mapped]) -> dict:
    pairs = [m.pair for m in ms]
    results = []
    for name, predict in (("difflib+ratio", difflib_baseline), ("tfidf-greedy", tfidf_baseline)):
        t0 = time.perf_counter()
        preds = {m.pair.id: m.to_gold(predict(_baseline_input(m))) for m in ms}
        results.append({"system": name, **sg.score(pairs, preds), "seconds": time.perf_counter() - t0})
    t0 = time.perf_counter()
    outputs = {m.pair.id: predict_statediff(m) for m in ms}
    seconds = time.perf_counter() - t0
    preds = {k: v[0] for k, v in outputs.items()}
    results.append({"system": "statediff", **sg.score(pairs, preds), "seconds": seconds})
    suggestions = sg.suggestion_recall([(m, *outputs[m.pair.id]) for m in ms])
    return {"pairs": len(ms), "links": sum(len(p.gold) for p in pairs), "results": results,
            "agreement": sg.agreement(pairs), "suggestions": suggestions, "predictions": preds}


def print_table(name: str, ev: dict) -> None:
    print(f"{name}: {ev['pairs']} statement pairs, {ev['links']} links both passes made\n")
    print(f"{'system':<22} {'strict P':>8} {'R':>6} {'F1':>6}   {'changed P':>9} {'R':>6} {'F1':>6}   {'time':>7}")
    rows = [(r["system"], r) for r in ev["results"]] + [("pass B vs pass A", {**ev["agreement"], "seconds": None})]
    for label, row in rows:
        s, c = row["strict"], row["changed"]
        sec = "" if row["seconds"] is None else f"{row['seconds']:6.2f}s"
        print(f"{label:<22} {s['p']:8.1f} {s['r']:6.1f} {s['f1']:6.1f}   {c['p']:9.1f} {c['r']:6.1f} {c['f1']:6.1f}   {sec:>7}")
    sug = ev["suggestions"]
    print(f"\nsuggestions for the {sug['missed']} agreed links statediff does not make: "
          f"recall@1 {sug['r@1']:.1f}, @3 {sug['r@3']:.1f}, @5 {sug['r@5']:.1f}\n")


def print_errors(ms: list[sg.Mapped], preds: dict) -> None:
    for title, pick in (("false links (in neither pass)", lambda p, got: got - p.accept),
                        ("missed links (in both passes)", lambda p, got: p.gold - got)):
        print(f"{title}:")
        for m in ms:
            for i, j in sorted(pick(m.pair, preds[m.pair.id])):
                print(f"  {m.pair.id} old[{i}] -> new[{j}]")
                print(f"    - {m.pair.old[i][:110]}")
                print(f"    + {m.pair.new[j][:110]}")
        print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", choices=[*FILES, "all"], default="all", help="which reference file (default: both)")
    ap.add_argument("--json", action="store_true", help="print the numbers as JSON")
    ap.add_argument("--errors", action="store_true", help="list statediff's false and missed links")
    ap.add_argument("--fit", action="store_true",
                    help="refit the evidence model on both files and score it leave-one-pair-out")
    args = ap.parse_args(argv)

    from statediff.aligner import align

    align(["warm up"], ["warm up"])
    names = list(FILES) if args.data == "all" else [args.data]
    data = {name: sg.mapped(sg.load(FILES[name])) for name in names}
    if args.fit:
        fitted = fit({name: sg.mapped(sg.load(path)) for name, path in FILES.items()})
        if args.json:
            print(json.dumps(fitted, indent=2))
            return 0
        print(f"evidence model fitted on all 14 pairs: {dict(zip([*fitted['features'], 'intercept'], fitted['weights']))}")
        for name, sc in fitted["lopo"].items():
            s = sc["strict"]
            print(f"  leave-one-pair-out, {name}: P {s['p']:.1f} / R {s['r']:.1f} / F1 {s['f1']:.1f}")
        return 0
    evaluations = {name: evaluate(ms) for name, ms in data.items()}
    if args.json:
        print(json.dumps({name: {k: v for k, v in ev.items() if k != "predictions"}
                          for name, ev in evaluations.items()}, indent=2))
        return 0
    for name, ev in evaluations.items():
        print_table(name, ev)
        if args.errors:
            print_errors(data[name], ev["predictions"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
