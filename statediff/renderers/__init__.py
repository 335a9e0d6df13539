"""Output formats. A renderer turns a result record into text and never calls a pipeline stage.

:func:`render` dispatches on the record's type (:class:`~statediff.model.Comparison`,
:class:`~statediff.model.Document`, :class:`~statediff.model.Series`) and the format's name. Each
renderer takes its own keyword options, named in the table below; an option it does not take, or a
format it does not have, raises :class:`~statediff.errors.FormatError`. The built-in renderers are
imported on first use, so that importing statediff does not import lxml until an HTML report is asked
for; :func:`register` adds a renderer of one's own.

=================  ===========================  ===========================  ====================
record             ``"text"``                   ``"json"``                   ``"html"``
=================  ===========================  ===========================  ====================
``Comparison``     ``color``, ``all``,          (none)                       ``fragment``
                   ``digest_only``
``Document``       ``color``, ``width``         (none)
``Series``         ``color``, ``all``           (none)                       ``fragment``
=================  ===========================  ===========================  ====================
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from ..errors import FormatError
from ..model import Comparison, Document, Series

__all__ = ["render", "register", "formats"]


@dataclass(frozen=True, slots=True)
class _Renderer:
    """A renderer: ``function``, or ``module:function`` imported on first use, and the keyword
    options it takes (None: any)."""

    function: Callable[..., str] | str
    options: frozenset[str] | None

    def load(self) -> Callable[..., str]:
        if callable(self.function):
            return self.function
        module, name = self.function.split(":")
        func: Callable[..., str] = getattr(import_module(module), name)
        return func


_TEXT, _JSON = "statediff.renderers.text", "statediff.renderers.json"

# (record type, format) -> renderer. register() adds to it; a later registration replaces an earlier one.
_RENDERERS: dict[tuple[type, str], _Renderer] = {
    (Comparison, "text"): _Renderer(f"{_TEXT}:render_text", frozenset({"color", "all", "digest_only"})),
    (Comparison, "json"): _Renderer(f"{_JSON}:render_json", frozenset()),
    (Comparison, "html"): _Renderer("statediff.renderers.html:render_html", frozenset({"fragment"})),
    (Document, "text"): _Renderer(f"{_TEXT}:render_clauses", frozenset({"color", "width"})),
    (Document, "json"): _Renderer(f"{_JSON}:render_json", frozenset()),
    (Series, "text"): _Renderer("statediff.renderers.series:render_text", frozenset({"color", "all"})),
    (Series, "json"): _Renderer("statediff.renderers.series:render_json", frozenset()),
    (Series, "html"): _Renderer("statediff.renderers.timeline:render_html", frozenset({"fragment"})),
}


def register(format: str, *types: type, options: Iterable[str] | None = None,
             ) -> Callable[[Callable[..., str]], Callable[..., str]]:
    """Decorator: make ``func(record, **options) -> str`` available as ``render(record, format)`` for
    records of the given ``types`` (any record when none is given); it replaces a renderer of the
    same format and type, built-in ones included.

    The options it takes are ``options``, or by default its keyword-only parameters (any option
    when it has ``**kwargs``); :func:`render` rejects the others.

    For example, a one-line count of a comparison's pairs with a given status::

        @register("count", statediff.Comparison)
        def count_pairs(c: statediff.Comparison, *, status: str = "changed") -> str:
            return f"{sum(p.status == status for p in c.pairs)} {status}\\n"

        statediff.render(comparison, "count", status="added")  # "3 added\\n"
    """

    def deco(func: Callable[..., str]) -> Callable[..., str]:
        names = frozenset(options) if options is not None else _keyword_options(func)
        for t in types or (object,):
            _RENDERERS[(t, format)] = _Renderer(func, names)
        return func

    return deco


def _keyword_options(func: Callable[..., str]) -> frozenset[str] | None:
    params = inspect.signature(func).parameters.values()
    if any(p.kind is p.VAR_KEYWORD for p in params):
        return None
    return frozenset(p.name for p in params if p.kind is p.KEYWORD_ONLY)


def formats(record_type: type | None = None) -> list[str]:
    """The names of the formats available for records of ``record_type`` (for any record when None)."""
    if record_type is None:
        return sorted({name for _, name in _RENDERERS})
    return sorted({name for t, name in _RENDERERS if issubclass(record_type, t)})


def render(result: Any, format: str = "text", **options: Any) -> str:
    """Render a :class:`~statediff.model.Comparison`, a :class:`~statediff.model.Document` (its clauses)
    or a :class:`~statediff.model.Series` as ``format``: "text", "json" or "html" (see the module's
    table for the options each takes), or a format added with :func:`register`.

    Raises :class:`~statediff.errors.FormatError` for a format the record does not have, and for an
    option its renderer does not take.

    Examples:
        >>> import statediff
        >>> a, b = statediff.parse("We agreed."), statediff.parse("We agreed.")
        >>> statediff.render(statediff.compare(a, b), "json").startswith('{\\n  "schema": "statediff.comparison/1"')
        True
        >>> statediff.render(statediff.compare(a, b), "text", colour=True)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        statediff.errors.FormatError: the text renderer of a Comparison takes no option 'colour' (it takes: all, ...)
    """
    kind = type(result)
    renderer = next((_RENDERERS[(t, format)] for t in kind.__mro__ if (t, format) in _RENDERERS), None)
    if renderer is None:
        if format not in formats():
            raise FormatError(f"unknown format {format!r}; choose one of {', '.join(formats())}")
        raise FormatError(f"cannot render a {kind.__name__} as {format}; its formats: "
                          f"{', '.join(formats(kind)) or 'none'}")
    unknown = sorted(set(options) - renderer.options) if renderer.options is not None else []
    if unknown:
        takes = f"it takes: {', '.join(sorted(renderer.options))}" if renderer.options else "it takes none"
        raise FormatError(f"the {format} renderer of a {kind.__name__} takes no option {unknown[0]!r} ({takes})")
    return renderer.load()(result, **options)
