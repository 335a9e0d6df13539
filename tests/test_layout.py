"""The code layout of docs/layout.md is the package's: every module listed, imports down the list."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import statediff

PACKAGE = Path(statediff.__file__).parent
LAYOUT = Path(__file__).parent.parent / "docs" / "layout.md"


def _listed() -> list[str]:
    """The modules of docs/layout.md's tables, in order."""
    return re.findall(r"^\| `([\w.]+)` \|", LAYOUT.read_text(encoding="utf-8"), re.MULTILINE)


def _exceptions() -> set[tuple[str, str]]:
    """The imports against the order that docs/layout.md names, as (importer, imported) pairs."""
    text = LAYOUT.read_text(encoding="utf-8").split("## Exceptions to the order", 1)[1]
    out = set()
    for importer, targets in re.findall(r"^- `([\w.]+)` -> ((?:`[\w.]+`(?:, )?)+)", text, re.MULTILINE):
        out.update((importer, t) for t in re.findall(r"`([\w.]+)`", targets))
    return out


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(p for p in parts if p != "__init__") or "statediff"
        out[name] = path
    return out


def _imports(name: str, path: Path) -> set[str]:
    """The package modules ``name`` imports (relative imports; not those for type checking only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                   and ast.unparse(node.test) in ("TYPE_CHECKING", "_TYPE_CHECKING")
                   for n in ast.walk(node)}
    package = ["statediff", *(name.split(".")[:-1] if path.name != "__init__.py" else name.split("."))]
    if name == "statediff":
        package = ["statediff"]
    modules = _modules()
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or not node.level or id(node) in typing_only:
            continue
        base = package[:len(package) - (node.level - 1)]
        for alias in node.names:
            for candidate in (base + [node.module] if node.module else base + [alias.name], base + [node.module or ""]):
                dotted = ".".join(p for p in candidate[1:] if p) or "statediff"
                if dotted in modules:
                    found.add(dotted)
                    break
    found.discard(name)
    return found


def test_every_module_is_listed_once() -> None:
    listed = _listed()
    assert len(listed) == len(set(listed))
    assert sorted(listed) == sorted(_modules())


def test_imports_point_down_the_list() -> None:
    rank = {name: k for k, name in enumerate(_listed())}
    allowed = _exceptions()
    upward = sorted((name, target) for name, path in _modules().items() for target in _imports(name, path)
                    if rank[target] > rank[name] and (name, target) not in allowed)
    assert upward == []


def test_the_exceptions_are_real_imports() -> None:
    modules = _modules()
    for importer, target in _exceptions():
        assert target in _imports(importer, modules[importer]), (importer, target)
