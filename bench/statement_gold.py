"""Reference clause alignments of official statements: loading, mapping by text, scoring.

Two files share this code (see bench/data/README.md):

* ``statements-reference.jsonl``: 7 pairs of the project's fixtures, links as ``[i, j]`` pairs per pass.
* ``statements-dev-gold.jsonl``: 7 rewritten pairs, links as groups (``{"old": [..], "new": [..]}``)
  per pass.

Both are read into one shape. The gold indexes its own clause texts; statediff's clauses are mapped
to them by text (an exact match or containment, in reading order), so a change of segmentation keeps
the gold usable: a predicted link between two of statediff's clauses stands for the links between
the gold clauses they overlap.

Metric: precision against the links either pass made (``accept``), recall against the links both
passes made (``gold``), micro-averaged over pairs; strict (all links) and changed-only (the two gold
clauses differ once runs of whitespace are collapsed).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def norm_ws(text: str) -> str:
    return " ".join(text.split())


def _expand(links) -> set[tuple[int, int]]:
    out = set()
    for link in links:
        if isinstance(link, dict):
            out |= {(i, j) for i in link["old"] for j in link["new"]}
        else:
            out.add((int(link[0]), int(link[1])))
    return out


@dataclass
class GoldPair:
    id: str
    old_path: str
    new_path: str
    old_part: str | None
    new_part: str | None
    old: list[str]                  # the gold's clause texts
    new: list[str]
    gold: set = field(default_factory=set)      # (i, j) both passes made
    accept: set = field(default_factory=set)    # (i, j) either pass made
    pass_a: set = field(default_factory=set)
    pass_b: set = field(default_factory=set)


def load(path: Path) -> list[GoldPair]:
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            if "passes" in rec:
                a, b = _expand(rec["passes"]["a"]), _expand(rec["passes"]["b"])
            else:
                a, b = _expand(rec["pass_a"]), _expand(rec["pass_b"])
            out.append(GoldPair(rec["id"], rec["old_path"], rec["new_path"], rec.get("old_part"),
                                rec.get("new_part"), rec["old"], rec["new"], a & b, a | b, a, b))
    return out


def read_pair(pair: GoldPair):
    """Both documents, read and segmented by the working tree, as `statediff compare` reads them."""
    import statediff

    return (statediff.read(ROOT / pair.old_path, part=pair.old_part),
            statediff.read(ROOT / pair.new_path, part=pair.new_part))


def map_by_text(ours: list[str], gold: list[str]) -> list[tuple[int, ...]]:
    """For each of our clause texts, the gold clauses it overlaps, found in reading order.

    The gold texts are joined into one string; each of our texts is looked up from where the last one
    ended (an exact match or containment either way). A text not found maps to nothing, and then
    counts neither for nor against the aligner.
    """
    joined, ranges = "", []
    for text in gold:
        t = norm_ws(text)
        ranges.append((len(joined), len(joined) + len(t)))
        joined += t + " "
    out, cursor = [], 0
    for text in ours:
        t = norm_ws(text)
        at = joined.find(t, cursor) if t else -1
        if at < 0:
            out.append(())
            continue
        end = at + len(t)
        out.append(tuple(k for k, (a, b) in enumerate(ranges) if a < end and b > at))
        cursor = end
    return out


@dataclass
class Mapped:
    pair: GoldPair
    old_doc: object
    new_doc: object
    old_map: list[tuple[int, ...]]  # our old clause -> gold old indexes
    new_map: list[tuple[int, ...]]

    def to_gold(self, links) -> set[tuple[int, int]]:
        """Our (i, j) pairs (or Links) as gold (i, j) pairs."""
        out = set()
        for link in links:
            lefts, rights = (link.left, link.right) if hasattr(link, "left") else ((link[0],), (link[1],))
            out |= {(gi, gj) for i in lefts for j in rights for gi in self.old_map[i] for gj in self.new_map[j]}
        return out


def mapped(pairs: list[GoldPair]) -> list[Mapped]:
    out = []
    for pair in pairs:
        old, new = read_pair(pair)
        out.append(Mapped(pair, old, new, map_by_text([c.text for c in old.clauses], pair.old),
                          map_by_text([c.text for c in new.clauses], pair.new)))
    return out


def _changed(pair: GoldPair, i: int, j: int) -> bool:
    return norm_ws(pair.old[i]) != norm_ws(pair.new[j])


def score(pairs: list[GoldPair], predictions: dict[str, set]) -> dict:
    """Precision against ``accept``, recall against ``gold``, micro-averaged; strict and changed-only."""
    out = {}
    for variant in ("strict", "changed"):
        tp_p = n_pred = tp_r = n_gold = 0
        for pair in pairs:
            keep = (lambda i, j: True) if variant == "strict" else (lambda i, j, p=pair: _changed(p, i, j))
            gold = {x for x in pair.gold if keep(*x)}
            accept = {x for x in pair.accept if keep(*x)}
            pred = {x for x in predictions[pair.id] if keep(*x)}
            tp_p += len(pred & accept)
            n_pred += len(pred)
            tp_r += len(pred & gold)
            n_gold += len(gold)
        p = tp_p / n_pred if n_pred else 0.0
        r = tp_r / n_gold if n_gold else 0.0
        out[variant] = {"p": 100 * p, "r": 100 * r, "f1": 200 * p * r / (p + r) if p + r else 0.0,
                        "pred": n_pred, "gold": n_gold}
    return out


def agreement(pairs: list[GoldPair]) -> dict:
    """Pass B scored against pass A: how far two careful readings of the same texts agree."""
    return score([GoldPair(p.id, p.old_path, p.new_path, p.old_part, p.new_part, p.old, p.new,
                           p.pass_a, p.pass_a) for p in pairs], {p.id: p.pass_b for p in pairs})


def suggestion_recall(items: list[tuple[Mapped, set, dict, dict]], ks=(1, 3, 5)) -> dict:
    """For the agreed links that are not confident links: how often the gold partner is among the
    suggestions. ``items`` holds, per pair, the confident links (gold pairs), the suggestions of each
    of our left clauses (our right indexes, best first) and of each right clause (our left indexes).

    A missed link (i, j) is found at k when one of our clauses mapped to j is in the first k
    suggestions of one mapped to i, or the other way round.
    """
    hits = dict.fromkeys(ks, 0)
    total = 0
    for m, confident, left_sugg, right_sugg in items:
        ours_old = {}
        for a, gs in enumerate(m.old_map):
            for g in gs:
                ours_old.setdefault(g, set()).add(a)
        ours_new = {}
        for b, gs in enumerate(m.new_map):
            for g in gs:
                ours_new.setdefault(g, set()).add(b)
        for gi, gj in sorted(m.pair.gold - confident):
            total += 1
            for k in ks:
                found = any(b in left_sugg.get(a, [])[:k] for a in ours_old.get(gi, ()) for b in ours_new.get(gj, ())) \
                    or any(a in right_sugg.get(b, [])[:k] for a in ours_old.get(gi, ()) for b in ours_new.get(gj, ()))
                hits[k] += found
    return {"missed": total, **{f"r@{k}": (100 * hits[k] / total if total else 0.0) for k in ks}}

