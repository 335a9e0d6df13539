"""statediff's private copy of NLTK's Punkt and Snowball: loaded without NLTK's package init, giving
the same results as the ordinary import, and leaving the caller's own NLTK alone.

Run in new processes: which modules a process has loaded is what is being tested. CI runs this
module again with the oldest NLTK that ``pyproject.toml`` allows.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "japan-france" / "2022-01-20-sixth-2plus2-mofa-readout.txt"


def _run(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


_COMPARE_WITH_NLTK = """
import json, sys
import statediff
from statediff import nltk_parts
from statediff.segmenter import split_sentences
text = open(%r, encoding="utf-8").read()
doc = statediff.read(%r)
loaded = sorted(k for k in sys.modules if k.split(".")[0] in ("nltk", "scipy") and "stats" in k or k == "nltk")
ours_punkt, ours_snowball = nltk_parts.modules()
words = sorted(set(text.casefold().split()))
ours = [ours_snowball.SnowballStemmer("english").stem(w) for w in words]
spans = split_sentences(text)
import nltk.tokenize.punkt, nltk.stem.snowball
theirs = [nltk.stem.snowball.SnowballStemmer("english").stem(w) for w in words]
print(json.dumps({
    "loaded_before": loaded, "clauses": len(doc.clauses),
    "private": ours_punkt is not nltk.tokenize.punkt and ours_snowball is not nltk.stem.snowball,
    "same_stems": ours == theirs, "stems": len(words),
    "theirs_complete": hasattr(nltk, "word_tokenize") and hasattr(nltk, "FreqDist"),
    "bare": nltk_parts.bare_load_works(), "sentences": len(spans),
}))
"""


def test_read_loads_neither_nltk_package_init_nor_scipy_stats() -> None:
    got = _run(_COMPARE_WITH_NLTK % (str(SEED), str(SEED)))
    assert got["loaded_before"] == []  # no "nltk" package and no scipy.stats after a whole read
    assert got["clauses"] > 20 and got["sentences"] > 20
    assert got["bare"] and got["private"]


def test_private_copy_stems_as_nltk_and_leaves_the_callers_nltk_complete() -> None:
    got = _run(_COMPARE_WITH_NLTK % (str(SEED), str(SEED)))
    assert got["stems"] > 300 and got["same_stems"]
    assert got["theirs_complete"]  # the caller's `import nltk` afterwards is the whole package


def test_an_nltk_imported_first_is_kept_as_it_was() -> None:
    got = _run(f"""
import json, sys
import nltk
before = {{k: id(v) for k, v in sys.modules.items() if k.startswith("nltk")}}
import statediff
doc = statediff.read({str(SEED)!r})
after = {{k: id(v) for k, v in sys.modules.items() if k.startswith("nltk")}}
from statediff import nltk_parts
print(json.dumps({{"same": before == after, "private": nltk_parts.modules()[0] is not nltk.tokenize.punkt,
                  "clauses": len(doc.clauses)}}))
""")
    assert got == {"same": True, "private": True, "clauses": got["clauses"]} and got["clauses"] > 20


def test_punkt_has_no_time_limit_on_the_private_copy() -> None:
    # NLTK 3.10 runs Punkt's patterns under a 5 s limit per call: a long (valid) document hit it and
    # ended in "internal error". statediff's private copy lifts it; the caller's NLTK keeps it.
    got = _run("""
import json
from statediff import nltk_parts
punkt, _ = nltk_parts.modules()
import nltk
redos = getattr(punkt, "redos", None)
theirs = getattr(nltk, "redos", None)
print(json.dumps({"ours": getattr(redos, "DEFAULT_TIMEOUT", None),
                  "theirs_kept": theirs is None or theirs.DEFAULT_TIMEOUT is not None}))
""")
    assert got == {"ours": None, "theirs_kept": True}
