"""Output formats. A renderer turns a result record into text and never calls a pipeline stage.

Renderers are registered by name with :func:`register` and looked up lazily, so that importing
statediff does not import lxml until an HTML report is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

__all__ = ["render", "register", "formats"]

# name -> (module, function) for the built-in renderers, imported on first use.
_BUILTIN: dict[str, tuple[str, str]] = {
    "text": ("statediff.renderers.text", "render_text"),
    "json": ("statediff.renderers.json", "render_json"),
    "html": ("statediff.renderers.html", "render_html"),
}
# (record type, format) -> (module, function) for the records other than a Comparison or a Document.
_BUILTIN_BY_TYPE: dict[tuple[str, str], tuple[str, str]] = {
    ("Series", "text"): ("statediff.renderers.series", "render_text"),
    ("Series", "json"): ("statediff.renderers.series", "render_json"),
    ("Series", "html"): ("statediff.renderers.timeline", "render_html"),
}
_REGISTRY: dict[str, Callable[..., str]] = {}


def register(name: str) -> Callable[[Callable[..., str]], Callable[..., str]]:
    """Decorator: make ``func(result, **options) -> str`` available as ``render(result, name)``."""

    def deco(func: Callable[..., str]) -> Callable[..., str]:
        _REGISTRY[name] = func
        return func

    return deco


def formats() -> list[str]:
    """The names of every available format."""
    return sorted({*_BUILTIN, *_REGISTRY})


def render(result: Any, format: str = "text", **options: Any) -> str:
    """Render a :class:`~statediff.model.Comparison` (or another result record) as ``format``.

    Examples:
        >>> import statediff
        >>> a, b = statediff.parse("We agreed."), statediff.parse("We agreed.")
        >>> statediff.render(statediff.compare(a, b), "json").startswith('{\\n  "schema": "statediff.comparison/1"')
        True
    """
    func = _REGISTRY.get(format)
    typed = _BUILTIN_BY_TYPE.get((_record_type(result), format))
    if func is None and (typed or format in _BUILTIN):
        module, name = typed or _BUILTIN[format]
        func = getattr(import_module(module), name)
    if func is None:
        raise ValueError(f"unknown format {format!r}; choose one of {', '.join(formats())}")
    return func(result, **options)


def _record_type(result: Any) -> str:
    from ..model import Series

    return "Series" if isinstance(result, Series) else ""
