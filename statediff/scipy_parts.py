"""The two compiled parts of SciPy statediff uses, loaded without SciPy's package inits.

The aligner needs SciPy's assignment solver (``scipy.optimize._lsap``) and its sparse matrix
routines (``scipy.sparse._sparsetools``), both extension modules that need only NumPy. Importing
them through their packages costs most of a start: ``scipy.optimize`` imports most of SciPy (0.3 to
0.6 s), and ``scipy.sparse`` loads SciPy's array API layer, which loads NumPy's testing, f2py and
masked-array packages (about 0.2 s). Each extension is loaded here from its file instead (a few
milliseconds); one already imported is reused, and a SciPy whose layout differs gets the ordinary
import: slower to start, the same module.
"""

from __future__ import annotations

import importlib
import sys
from functools import cache
from types import ModuleType


@cache
def extension(name: str) -> ModuleType:
    """The SciPy extension module ``name`` (e.g. ``"scipy.sparse._sparsetools"``), loaded from its
    file without running the init of any package above it."""
    if name in sys.modules:
        return sys.modules[name]
    try:
        return _load_file(name)
    except Exception:  # noqa: BLE001 - any other layout: the ordinary, slower import
        return importlib.import_module(name)


def _load_file(name: str) -> ModuleType:
    import importlib.machinery
    import importlib.util
    import os

    spec = importlib.util.find_spec("scipy")
    folder = os.path.join(list(spec.submodule_search_locations or [])[0], *name.split(".")[1:-1])  # type: ignore[union-attr]
    stem = name.rsplit(".", 1)[1] + "."
    (path,) = [os.path.join(folder, f) for f in os.listdir(folder) if f.startswith(stem)
               and f.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))]
    loader = importlib.machinery.ExtensionFileLoader(name, path)
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))  # type: ignore[arg-type]
    loader.exec_module(module)
    return module
