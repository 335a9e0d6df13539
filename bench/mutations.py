"""Mutated real statements, and the promises statediff keeps on them.

Used by ``bench/robustness.py`` (thousands of rounds, counterexample counts) and by
``tests/test_robustness.py`` (a few rounds in CI). A round takes a real statement from the fixtures,
applies seeded edits, and checks:

* ``compare(x, x)`` reports no change;
* ``compare(b, a)`` mirrors ``compare(a, b)`` (statuses, clause numbers, moves);
* a cosmetic-only variant (quotes, dashes, non-breaking hyphens and spaces, doubled spaces,
  re-wrapping at another width) compares unchanged;
* every character of every source is accounted for (a clause, the title, a heading or set-aside
  furniture).
"""

from __future__ import annotations

import random
import re
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(p for p in (ROOT / "fixtures").glob("**/*.txt")
                 if "golden" not in p.parts and "clauses" not in p.parts)

_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z])")
_WORD = re.compile(r"\b[a-z]{4,}\b")
_NUMBER = re.compile(r"\b\d+\b")
VERBS = ["reaffirmed", "welcomed", "condemned", "supported", "noted", "stressed", "agreed", "opposed"]


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def _unwrap(par: str) -> str:
    lines = par.split("\n")
    # A paragraph of prose (not a list or a table) is re-wrapped; its line breaks are the writer's.
    if len(lines) > 1 and any(re.match(r"\s*(?:[-*\u2022\u25cf]|\(?\d+[.)]|\|)", ln) for ln in lines[1:]):
        return par
    return " ".join(ln.strip() for ln in lines)


def _filled(par: str) -> bool:
    """A hard-wrapped paragraph of prose: several lines of at most 100 columns, every one but the last
    ending within 15 columns of the longest, ending in punctuation, and no list items. (A short line
    above a long one is a heading or a byline over its paragraph, a break of the writer's that
    re-filling would remove; two lines without a full stop may be two headings.)"""
    lines = par.strip("\n").split("\n")
    if len(lines) < 2 or _unwrap(par) is par:
        return False
    ends = [len(ln.rstrip()) for ln in lines]
    longest = max(ends)
    return longest <= 100 and all(e >= longest - 15 for e in ends[:-1]) \
        and re.search(r"[.;:!?][\"'\u201d\u2019)]*$", lines[-1].rstrip()) is not None


def rewrap(text: str, width: int) -> str:
    """Every paragraph of prose filled to ``width`` columns: a pure white-space change. A paragraph
    written on one line is filled; a hard-wrapped one (see :func:`_filled`) is re-filled; lists,
    tables and a heading over its paragraph are left alone."""
    out = []
    for par in paragraphs(text):
        flat = par.strip()
        if "\n" not in flat and len(flat) > width:
            out.append(textwrap.fill(flat, width=width, break_long_words=False, break_on_hyphens=False))
        elif _filled(par):
            lead = par[:len(par) - len(par.lstrip("\n"))]
            out.append(lead + textwrap.fill(_unwrap(par).strip(), width=width, break_long_words=False,
                                            break_on_hyphens=False))
        else:
            out.append(par)
    return "\n\n".join(out)


COSMETIC_KINDS = ("quotes", "dashes", "nbhyphen", "nbspace", "spaces", "rewrap")


def cosmetic(text: str, rng: random.Random, kinds: tuple[str, ...] = COSMETIC_KINDS) -> tuple[str, str]:
    """A cosmetic-only variant (the same words, printed differently) and its kind."""
    kind = rng.choice(kinds)
    return _cosmetic(text, rng, kind), kind


def _cosmetic(text: str, rng: random.Random, kind: str) -> str:
    if kind == "quotes":
        return text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    if kind == "dashes":
        return text.replace(" \u2013 ", " - ").replace("\u2014", " - ")
    if kind == "nbhyphen":
        return re.sub(r"(?<=\w)-(?=\w)", "\u2011", text)
    if kind == "nbspace":
        return re.sub(r"(?<=\w) (?=\w)", lambda m: "\u00a0" if rng.random() < 0.1 else " ", text)
    if kind == "spaces":
        return re.sub(r"(?<=[a-z,]) (?=[a-z])", lambda m: "  " if rng.random() < 0.1 else " ", text)
    return rewrap(text, rng.choice([50, 70, 90]))


def substantive(text: str, rng: random.Random, pool: list[str]) -> str:
    """A real edit: sentences reordered, split, merged, deleted or inserted; words swapped; a number
    or a verb changed."""
    pars = paragraphs(text)
    prose = [k for k, p in enumerate(pars) if len(_SENTENCE.split(p)) >= 2 or len(p) > 80]
    if not prose:
        return text + "\n\nThe Ministers agreed to meet again next year.\n"
    k = rng.choice(prose)
    sents = _SENTENCE.split(pars[k])
    kind = rng.choice(["reorder", "split", "merge", "delete", "insert", "swap", "number", "verb"])
    if kind == "reorder" and len(sents) > 1:
        rng.shuffle(sents)
    elif kind == "split" and ", and " in pars[k]:
        pars[k] = pars[k].replace(", and ", ". And ", 1)
        return "\n\n".join(pars)
    elif kind == "merge" and len(sents) > 1:
        i = rng.randrange(len(sents) - 1)
        sents[i:i + 2] = [sents[i].rstrip(".") + ", and " + sents[i + 1][:1].lower() + sents[i + 1][1:]]
    elif kind == "delete" and len(sents) > 1:
        del sents[rng.randrange(len(sents))]
    elif kind == "insert":
        sents.insert(rng.randrange(len(sents) + 1), rng.choice(pool))
    elif kind == "swap":
        words = _WORD.findall(pars[k])
        if len(words) >= 2:
            a, b = rng.sample(words, 2)
            pars[k] = re.sub(rf"\b{a}\b", "\0", pars[k], count=1).replace(b, a, 1).replace("\0", b)
            return "\n\n".join(pars)
    elif kind == "number" and _NUMBER.search(pars[k]):
        pars[k] = _NUMBER.sub(lambda m: str(int(m.group()) + 1), pars[k], count=1)
        return "\n\n".join(pars)
    elif kind == "verb":
        for v in VERBS:
            if v in pars[k]:
                pars[k] = pars[k].replace(v, rng.choice([w for w in VERBS if w != v]), 1)
                return "\n\n".join(pars)
    pars[k] = " ".join(sents)
    return "\n\n".join(pars)


def pool_of_sentences() -> list[str]:
    out = []
    for path in SOURCES:
        for par in paragraphs(path.read_text(encoding="utf-8")):
            out.extend(s for s in _SENTENCE.split(_unwrap(par)) if 40 < len(s) < 200 and s.endswith("."))
    return out


def _mirrored(ab, ba) -> bool:
    flip = {"added": "dropped", "dropped": "added", "changed": "changed", "unchanged": "unchanged"}
    key = sorted((p.status, p.left, p.right, p.moved) for p in ab.pairs)
    back = sorted((flip[p.status], p.right, p.left, p.moved) for p in ba.pairs)
    return key == back


def check_round(seed: int, pool: list[str], unaccounted, kinds: tuple[str, ...] = COSMETIC_KINDS) -> list[str]:
    """One round: a source, a substantive and a cosmetic variant; the promises broken, by name (a
    cosmetic one with its kind: ``cosmetic:rewrap``)."""
    import statediff

    rng = random.Random(seed)
    path = rng.choice(SOURCES)
    text = path.read_text(encoding="utf-8")
    edited = substantive(text, rng, pool)
    variant, kind = cosmetic(text, rng, kinds)
    broken = []
    docs = {name: statediff.parse(t, name=f"{name}.txt") for name, t in
            (("a", text), ("b", edited), ("c", variant))}
    a, b, c = docs["a"], docs["b"], docs["c"]
    if statediff.compare(a, a).changed:
        broken.append("self")
    if not _mirrored(statediff.compare(a, b), statediff.compare(b, a)):
        broken.append("mirror")
    if statediff.compare(a, c).changed:
        broken.append(f"cosmetic:{kind}")
    if any(unaccounted(d) for d in (a, b)):
        broken.append("accounting")
    if unaccounted(c):
        broken.append(f"accounting:{kind}")
    return broken
