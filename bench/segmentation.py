"""Clause boundaries against the hand-checked lists in fixtures/clauses/, per seed and held-out document.

    python bench/segmentation.py

For each seed: boundary precision and recall of statediff's clauses, the share of matched clauses
whose number, actor and stance agree with the list, and the same boundary scores for two baselines
(one clause per non-blank line; NLTK Punkt with its default parameters on each paragraph), so that
the numbers say what the structure-aware segmenter adds. A boundary is the position, counted in
words, where a clause ends; a document's words are aligned with the list's words (difflib), so a
dropped heading or a re-joined hyphen does not shift every boundary after it.
"""

from __future__ import annotations

import difflib
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import statediff  # noqa: E402

SEEDS = {
    "teleconference-2021": "2021-01-15-defence-ministers-teleconference.txt",
    "consultations-2021": "2021-10-19-political-directors-consultations-tokyo.txt",
    "mofa-2022": "2022-01-20-sixth-2plus2-mofa-readout.txt",
    "ap-2022": "2022-01-20-sixth-2plus2-ap-report.txt",
    "jdf-2017": "2017-01-06-japan-defense-focus-85-third-2plus2.txt",
}


def expected(seed: str) -> list[dict[str, str]]:
    lines = (ROOT / "fixtures" / "clauses" / f"{seed}.expected.txt").read_text(encoding="utf-8").splitlines()
    out = []
    for i, line in enumerate(lines):
        if line.startswith("@ "):
            number, kind, actor, verb, stance = (f.strip() for f in line[2:].split("|"))
            out.append({"number": number, "kind": kind, "actor": actor, "stance": stance, "text": lines[i + 1]})
    return out


def ends(texts: list[str]) -> tuple[list[str], set[int]]:
    """The words of the clauses in order, and the word counts at which each clause ends."""
    words: list[str] = []
    bounds: set[int] = set()
    for t in texts:
        words.extend(t.split())
        bounds.add(len(words))
    return words, bounds


def score(gold_texts: list[str], got_texts: list[str]) -> tuple[float, float]:
    gold_words, gold_bounds = ends(gold_texts)
    got_words, got_bounds = ends(got_texts)
    sm = difflib.SequenceMatcher(None, got_words, gold_words, autojunk=False)
    mapping: dict[int, int] = {}
    for a, b, n in sm.get_matching_blocks():
        for k in range(1, n + 1):  # a boundary after word a+k-1 maps to one after word b+k-1
            mapping[a + k] = b + k
    hits = sum(1 for g in got_bounds if mapping.get(g) in gold_bounds)
    precision = hits / len(got_bounds) if got_bounds else 1.0
    recall = len({mapping[g] for g in got_bounds if mapping.get(g) in gold_bounds}) / len(gold_bounds)
    return precision, recall


def baseline_lines(source: str) -> list[str]:
    return [" ".join(line.split()) for line in source.splitlines() if line.strip()]


def baseline_punkt(source: str) -> list[str]:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    tok = PunktSentenceTokenizer()
    out = []
    for para in re.split(r"\n\s*\n", source):
        para = " ".join(para.split())
        if para:
            out.extend(tok.tokenize(para))
    return out


def main() -> None:
    head = (f"{'seed':22} {'clauses':>7} {'P':>6} {'R':>6} {'number':>7} {'actor':>6} {'stance':>7} {'ms':>6}"
            f"   {'punkt P':>7} {'R':>5}   {'lines P':>7} {'R':>5}")
    print(head)
    print("-" * len(head))
    statediff.parse("We agreed. Mr. Smith noted it.")  # load NLTK and the lexicon before timing
    for seed, name in SEEDS.items():
        path = ROOT / "fixtures" / "japan-france" / name
        gold = expected(seed)
        t0 = time.perf_counter()
        doc = statediff.read(path)
        ms = (time.perf_counter() - t0) * 1000
        got = [{"number": c.number, "kind": c.kind, "actor": c.actor, "stance": c.stance, "text": c.text}
               for c in doc.clauses]
        p, r = score([g["text"] for g in gold], [c["text"] for c in got])
        by_text = {c["text"]: c for c in got}
        matched = [(g, by_text[g["text"]]) for g in gold if g["text"] in by_text]

        def agree(key: str, matched=matched) -> float:
            return sum(g[key] == c[key] for g, c in matched) / len(matched) if matched else 0.0

        source = path.read_text(encoding="utf-8")
        pp, pr = score([g["text"] for g in gold], baseline_punkt(source))
        lp, lr = score([g["text"] for g in gold], baseline_lines(source))
        print(f"{seed:22} {len(gold):7d} {p:6.3f} {r:6.3f} {agree('number'):7.3f} {agree('actor'):6.3f} "
              f"{agree('stance'):7.3f} {ms:6.1f}   {pp:7.3f} {pr:5.3f}   {lp:7.3f} {lr:5.3f}")


def heldout() -> None:
    """Documents whose boundaries were marked by hand from the source alone (fixtures/clauses/heldout)."""
    print()
    print(f"{'held-out document':62} {'clauses':>7} {'P':>6} {'R':>6}   {'punkt P':>7} {'R':>5}   "
          f"{'lines P':>7} {'R':>5}")
    for gold_file in sorted((ROOT / "fixtures" / "clauses" / "heldout").glob("*.boundaries.txt")):
        lines = gold_file.read_text(encoding="utf-8").splitlines()
        rel = lines[0][2:].split(":", 1)[0]
        gold = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
        path = ROOT / "fixtures" / "corpora" / rel
        source = path.read_text(encoding="utf-8")
        p, r = score(gold, [c.text for c in statediff.read(path).clauses])
        pp, pr = score(gold, baseline_punkt(source))
        lp, lr = score(gold, baseline_lines(source))
        print(f"{rel:62} {len(gold):7d} {p:6.3f} {r:6.3f}   {pp:7.3f} {pr:5.3f}   {lp:7.3f} {lr:5.3f}")


if __name__ == "__main__":
    main()
    heldout()
