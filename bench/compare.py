"""Time statediff against other diff tools on the largest pairs of the real statement series.

    python bench/compare.py                 # all tools, all series, CLI start time
    python bench/compare.py --repeat 9      # more runs per measurement (medians are printed)
    python bench/compare.py --profile       # where statediff spends its time on the largest pair
    python bench/compare.py --scale         # aligner time and memory against clause count
    python bench/compare.py --startup       # cold start only: new processes, beside the redlines CLI

Each tool gets the two documents' text and produces its HTML report, as a user would:

* statediff: read both files -> compare -> render HTML (``statediff compare A B --format html``);
* redlines: ``Redlines(a, b).output_markdown`` (word-level, its HTML-in-Markdown output);
* difflib.HtmlDiff: ``make_file`` on the lines (line-level, side by side);
* lxml.html.diff: ``htmldiff`` on the paragraphs as ``<p>`` elements (word-level);
* diff-match-patch: ``diff_main`` with its default 1 s time limit (without it, whole documents
  take minutes: 168 s on the 8,400-word US-EU summit pair) + semantic clean-up + ``diff_prettyHtml``
  (character-level; statediff runs it only inside aligned clause groups, where no limit is needed).

Per series, the pair of consecutive statements with the most words is used. Every measurement is the
median of ``--repeat`` runs after one warm-up run (statediff's first call also loads NLTK's Punkt and
compiles the lexicon; that one-off cost is printed separately as "first call"). Ratios are the other
tool's median over statediff's. Machines differ: compare ratios, not absolute times, across machines.
Tools that are not installed are skipped (``pip install 'statediff[bench]'``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPORA = ROOT / "fixtures" / "corpora"


def largest_pairs() -> list[tuple[str, Path, Path, int]]:
    """(series, earlier, later, words in both) for the largest consecutive pair of each series."""
    out = []
    for series in sorted(p for p in CORPORA.iterdir() if p.is_dir()):
        docs = sorted(series.glob("*.txt"))
        words = {d: len(d.read_text(encoding="utf-8").split()) for d in docs}
        best = max(zip(docs, docs[1:]), key=lambda ab: words[ab[0]] + words[ab[1]])
        out.append((series.name, best[0], best[1], words[best[0]] + words[best[1]]))
    return sorted(out, key=lambda row: row[3])


# --------------------------------------------------------------------------------------------------
# The tools
# --------------------------------------------------------------------------------------------------


def run_statediff(a: Path, b: Path) -> str:
    import statediff
    from statediff.lexicon import default_lexicon

    # Every timed run starts with empty text caches, as a fresh process would: repeated runs on the
    # same pair must not be measured as faster than the first. (The caches of one value, the lexicon
    # and the stemmer loaded, stay: a process that compares keeps them.)
    for module in [m for name, m in sys.modules.items() if name.split(".")[0] == "statediff"]:
        for value in list(vars(module).values()):
            if getattr(value, "__module__", "") == module.__name__ and hasattr(value, "cache_info") \
                    and value.cache_info().maxsize != 1:
                value.cache_clear()
    default_lexicon()._verb_cache.clear()
    default_lexicon()._word_forms.clear()
    default_lexicon().label_words.finder._tried.clear()
    return statediff.render(statediff.compare(statediff.read(a), statediff.read(b)), "html")


def run_redlines(a: Path, b: Path) -> str:
    from redlines import Redlines

    return Redlines(a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")).output_markdown


def run_htmldiff_difflib(a: Path, b: Path) -> str:
    import difflib

    return difflib.HtmlDiff().make_file(a.read_text(encoding="utf-8").splitlines(),
                                        b.read_text(encoding="utf-8").splitlines())


def _paragraph_html(path: Path) -> str:
    from lxml import etree

    root = etree.Element("div")
    for para in path.read_text(encoding="utf-8").split("\n\n"):
        if para.strip():
            etree.SubElement(root, "p").text = " ".join(para.split())
    return etree.tostring(root, encoding="unicode")


def run_lxml_htmldiff(a: Path, b: Path) -> str:
    from lxml.html.diff import htmldiff

    return htmldiff(_paragraph_html(a), _paragraph_html(b))


def run_diff_match_patch(a: Path, b: Path) -> str:
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()  # default Diff_Timeout = 1.0 s: whole documents need the limit
    diffs = dmp.diff_main(a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8"))
    dmp.diff_cleanupSemantic(diffs)
    return dmp.diff_prettyHtml(diffs)


TOOLS = {
    "statediff": run_statediff,
    "redlines": run_redlines,
    "difflib.HtmlDiff": run_htmldiff_difflib,
    "lxml.html.diff": run_lxml_htmldiff,
    "diff-match-patch": run_diff_match_patch,
}


def available(name: str) -> bool:
    module = {"redlines": "redlines", "lxml.html.diff": "lxml.html.diff", "diff-match-patch": "diff_match_patch"}
    if name not in module:
        return True
    try:
        __import__(module[name])
    except ImportError:
        return False
    return True


def median_time(func, *args, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func(*args)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


# --------------------------------------------------------------------------------------------------
# Measurements
# --------------------------------------------------------------------------------------------------


def bench_tools(repeat: int) -> None:
    pairs = largest_pairs()
    tools = [t for t in TOOLS if available(t)]
    missing = [t for t in TOOLS if t not in tools]
    t0 = time.perf_counter()
    run_statediff(pairs[0][1], pairs[0][2])
    print(f"statediff first call (loads Punkt, compiles the lexicon): {1000 * (time.perf_counter() - t0):.0f} ms\n")
    header = f"{'series (largest pair)':44} {'words':>6} " + " ".join(f"{t:>17}" for t in tools)
    print("median ms (ratio to statediff)")
    print(header)
    for series, a, b, words in pairs:
        cells = []
        base = None
        for tool in tools:
            func = TOOLS[tool]
            func(a, b)  # warm-up
            t = median_time(func, a, b, repeat=repeat)
            if base is None:
                base = t
                cells.append(f"{1000 * t:17.1f}")
            else:
                cells.append(f"{1000 * t:9.1f} ({t / base:5.1f}x)")
        print(f"{series + ' ' + a.stem + '..' + b.stem:44} {words:6d} " + " ".join(cells))
    if missing:
        print(f"\nnot installed: {', '.join(missing)} (pip install 'statediff[bench]')")


SEED_A = ROOT / "fixtures" / "japan-france" / "2021-01-15-defence-ministers-teleconference.txt"
SEED_B = ROOT / "fixtures" / "japan-france" / "2022-01-20-sixth-2plus2-mofa-readout.txt"


def bench_startup(repeat: int) -> None:
    """Wall time of fresh processes: ``statediff compare`` of two seed readouts beside the
    ``redlines`` command line on the same files (min and median of ``repeat``), ``statediff --help``
    and plain ``python -c pass`` for scale."""
    bindir = Path(sys.executable).parent
    rows = [("python -c pass", [sys.executable, "-c", "pass"]),
            ("statediff --help", [sys.executable, "-m", "statediff", "--help"]),
            ("statediff compare", [sys.executable, "-m", "statediff", "compare", str(SEED_A), str(SEED_B)])]
    if (bindir / "redlines").exists():
        rows.append(("redlines compare", [str(bindir / "redlines"), "compare", str(SEED_A), str(SEED_B)]))
    print(f"\ncold start (new processes, two seed readouts), min and median of {repeat} runs:")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed: bytecode cached
    best = {}
    for label, cmd in rows:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)  # caches
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
            times.append(time.perf_counter() - t0)
        best[label] = min(times)
        print(f"  {label:18} min {1000 * min(times):7.1f} ms   median {1000 * statistics.median(times):7.1f} ms")
    if "redlines compare" in best:
        print(f"  statediff compare / redlines compare: {best['statediff compare'] / best['redlines compare']:.1f}x")
    code = ("import sys, statediff.cli; heavy = [m for m in ('nltk', 'lxml', 'numpy', 'scipy', 'statediff.aligner')"
            " if m in sys.modules]; print(heavy)")
    heavy = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    print(f"  heavy modules loaded by `import statediff.cli`: {heavy}")
    code = (f"import sys, statediff; statediff.compare(statediff.read({str(SEED_A)!r}), statediff.read({str(SEED_B)!r}));"
            " print([m for m in ('nltk', 'numpy', 'scipy.sparse', 'scipy.sparse.csgraph', 'scipy.optimize',"
            " 'scipy.stats') if m in sys.modules])")
    after = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    print(f"  numeric and NLTK packages loaded by one comparison: {after}")


def bench_profile() -> None:
    import cProfile
    import pstats

    _, a, b, words = largest_pairs()[-1]
    run_statediff(a, b)
    import statediff

    stages = {}
    t0 = time.perf_counter()
    da, db = statediff.read(a), statediff.read(b)
    stages["read + segment"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    result = statediff.compare(da, db)
    stages["compare (align, diff, classify)"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    statediff.render(result, "html")
    stages["render html"] = time.perf_counter() - t0
    print(f"\n{a.parent.name} {a.stem}..{b.stem} ({words} words, {len(da.clauses)} + {len(db.clauses)} clauses)")
    for name, t in stages.items():
        print(f"  {name:34} {1000 * t:7.1f} ms")
    prof = cProfile.Profile()
    prof.enable()
    run_statediff(a, b)
    prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(15)


def bench_scale() -> None:
    """Aligner time and peak memory on n x n clauses of 20 random words each (limits.MAX_CLAUSE_PAIRS)."""
    code = """
import random, resource, sys, time
from statediff.aligner import align
words = open(sys.argv[2], encoding="utf-8").read().split()
random.seed(0)
n = int(sys.argv[1])
a = [" ".join(random.choice(words) for _ in range(20)) for _ in range(n)]
b = [" ".join(random.choice(words) for _ in range(20)) for _ in range(n)]
t0 = time.perf_counter()
align(a, b)
print(f"{n:6d} x {n:<6d} {time.perf_counter() - t0:7.2f} s  {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024:6d} MB")
"""
    sample = CORPORA / "us-eu-trade-and-technology-council-joint-statements" / "2024-04-05.txt"
    print("\naligner on n x n random clauses (one process each):")
    for n in (250, 500, 1000, 2000):
        out = subprocess.run([sys.executable, "-c", code, str(n), str(sample)], capture_output=True, text=True,
                             cwd=ROOT, timeout=600)
        print("  " + (out.stdout.strip() or out.stderr.strip().splitlines()[-1]))


def bench_worst() -> None:
    """The whole command at the limits (statediff.limits), one process each: about 2,000 clauses of
    300 characters a side (MAX_CLAUSE_PAIRS, MAX_TEXT), one word in ten reworded in each; 9,000 short
    clauses against some 420 long ones (MAX_CLAUSES); then inputs far past the limits, which are refused
    early."""
    import random
    import tempfile

    sample = CORPORA / "us-eu-trade-and-technology-council-joint-statements" / "2024-04-05.txt"
    words = [w for w in sample.read_text(encoding="utf-8").split() if w.isalpha()]
    rng = random.Random(0)

    def sentence(size: int) -> list[str]:
        out: list[str] = []
        while sum(len(w) + 1 for w in out) < size:
            out.append(rng.choice(words))
        return out

    left, right = [], []
    for _ in range(1950):
        clause = sentence(290)
        left.append("We " + " ".join(clause) + ".")
        right.append("We " + " ".join(w if rng.random() > 0.1 else rng.choice(words) for w in clause) + ".")
    short = ["We " + " ".join(rng.choice(words) for _ in range(8)) + "." for _ in range(9000)]
    long = ["We " + " ".join(rng.choice(words) for _ in range(100)) + "." for _ in range(400)]
    many = "\n\n".join(f"The Ministers met on day {k} to discuss trade." for k in range(240_000))
    timer = "import resource, runpy, sys, time; t = time.perf_counter(); sys.argv = ['statediff', *sys.argv[1:]]\n" \
            "try:\n    runpy.run_module('statediff', run_name='__main__')\nexcept SystemExit as e:\n    code = e.code\n" \
            "print(f'{time.perf_counter() - t:7.1f} s  {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024:6d} MB" \
            "  exit {code}', file=sys.stderr)"
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for name, text in (("left", "\n\n".join(left)), ("right", "\n\n".join(right)), ("short", "\n\n".join(short)),
                           ("long", "\n\n".join(long)), ("many", many), ("lines", "The Ministers met.\n" * 100_000),
                           ("readout", (ROOT / "fixtures" / "japan-france" / "2021-01-15-defence-ministers-teleconference.txt")
                            .read_text(encoding="utf-8"))):
            paths[name] = Path(tmp) / f"{name}.txt"
            paths[name].write_text(text, encoding="utf-8")
        import statediff

        sizes = {k: statediff.read(paths[k]) for k in ("left", "right", "short", "long")}
        print("\nthe whole command at the limits (one process each):")
        for label, args in ((f"{len(sizes['left'].clauses):,} x {len(sizes['right'].clauses):,} clauses of "
                             f"{sum(len(c.text) for c in sizes['left'].clauses):,} characters", ["left", "right"]),
                            (f"{len(sizes['short'].clauses):,} short clauses x {len(sizes['long'].clauses):,} long ones",
                             ["short", "long"]),
                            (f"{len(many) / 1e6:.0f} MB of 240,000 clauses, twice (refused)", ["many", "many"]),
                            ("the same against the first case (refused)", ["left", "many"]),
                            ("100,000 identical lines against a readout (refused)", ["lines", "readout"])):
            out = subprocess.run([sys.executable, "-c", timer, "compare", *(str(paths[a]) for a in args), "-f", "json",
                                  "-o", str(Path(tmp) / "out.json")], capture_output=True, text=True, cwd=ROOT,
                                 timeout=900)
            lines = out.stderr.strip().splitlines()
            print(f"  {label:56} {lines[-1]}" + (f"\n    {lines[0]}" if len(lines) > 1 else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--profile", action="store_true", help="profile statediff on the largest pair")
    parser.add_argument("--scale", action="store_true", help="aligner time and memory against clause count")
    parser.add_argument("--startup", action="store_true", help="only the cold-start table (new processes)")
    args = parser.parse_args()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    if args.profile:
        bench_profile()
        return
    if args.startup:
        bench_startup(max(args.repeat, 7))
        return
    if args.scale:
        bench_scale()
        bench_worst()
        return
    bench_tools(args.repeat)
    bench_startup(max(args.repeat, 7))


if __name__ == "__main__":
    main()
