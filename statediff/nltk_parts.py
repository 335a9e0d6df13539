"""The two parts of NLTK statediff uses, Punkt and the English Snowball stemmer, loaded on their own.

``import nltk`` runs NLTK's package initialisation, which imports most of NLTK and, through
``nltk.collocations``, NumPy and SciPy's statistics: over half a second before the first sentence is
cut. The modules statediff needs (``nltk.tokenize.punkt``, ``nltk.stem.snowball``) only need a few
small siblings. They are loaded here under bare package modules (``nltk``, ``nltk.tokenize``,
``nltk.stem``, ``nltk.corpus`` created from their import specs but not executed), and every ``nltk``
entry the load added to ``sys.modules`` is removed afterwards. A later ``import nltk`` by the caller
therefore gets a complete, ordinary NLTK of its own, and an NLTK the caller had already imported is
put back as it was; statediff keeps its private copies.

A name a bare package does not define (Snowball's ``from nltk.corpus import stopwords``, used only
with ``ignore_stopwords=True``) resolves to a stand-in that refuses to be used. If the bare load
fails on an NLTK release whose modules need more at import time, the ordinary import is used
instead: slower to start, identical results.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
from functools import lru_cache
from types import ModuleType
from typing import Any

#: Packages created bare (their ``__init__`` is not run) while the two modules load.
_BARE = ("nltk", "nltk.tokenize", "nltk.stem", "nltk.corpus")

_LOCK = threading.Lock()


class _Absent:
    """What a bare package hands out for a name it does not define: unusable, and says why."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        raise RuntimeError(f"{self._name} is not loaded in statediff's private copy of NLTK")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError(f"{self._name} is not loaded in statediff's private copy of NLTK")


def _bare(name: str) -> ModuleType:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.submodule_search_locations is None:
        raise ImportError(f"no package {name}")
    module = importlib.util.module_from_spec(spec)

    def missing(attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        if importlib.util.find_spec(f"{name}.{attr}") is not None:
            return importlib.import_module(f"{name}.{attr}")
        return _Absent(f"{name}.{attr}")

    module.__getattr__ = missing  # type: ignore[method-assign]
    return module


def _load_bare(names: tuple[str, ...]) -> list[ModuleType]:
    """``names`` loaded under bare packages; ``sys.modules`` is left as it was found (a caller's
    own NLTK, if it had imported one, included)."""
    theirs = {k: v for k, v in sys.modules.items() if k == "nltk" or k.startswith("nltk.")}
    for key in theirs:
        del sys.modules[key]
    try:
        for package in _BARE:
            sys.modules[package] = _bare(package)
        return [importlib.import_module(n) for n in names]
    finally:
        for key in [k for k in sys.modules if k == "nltk" or k.startswith("nltk.")]:
            del sys.modules[key]
        sys.modules.update(theirs)


def _trust(punkt: ModuleType) -> None:
    """Punkt's own patterns on statediff's private copy run without NLTK's per-match time limit
    (NLTK 3.10 and later: 5 s): they are linear, and a long document legitimately takes longer."""
    redos = getattr(punkt, "redos", None)
    if redos is not None and hasattr(redos, "DEFAULT_TIMEOUT"):
        redos.DEFAULT_TIMEOUT = None


@lru_cache(maxsize=1)
def modules() -> tuple[ModuleType, ModuleType]:
    """``(nltk.tokenize.punkt, nltk.stem.snowball)``: private copies of NLTK's own modules, loaded
    without its package init (or, where that fails, NLTK's shared modules)."""
    names = ("nltk.tokenize.punkt", "nltk.stem.snowball")
    with _LOCK:
        try:
            punkt, snowball = _load_bare(names)
        except Exception:  # noqa: BLE001 - any failure falls back to the ordinary import
            return importlib.import_module(names[0]), importlib.import_module(names[1])
        _trust(punkt)
        return punkt, snowball


def bare_load_works() -> bool:
    """Whether this NLTK release loads without its package init (for tests and diagnostics)."""
    try:
        _load_bare(("nltk.tokenize.punkt", "nltk.stem.snowball"))
    except Exception:  # noqa: BLE001
        return False
    return True
