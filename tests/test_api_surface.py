"""The public surface: a sorted ``__all__`` equal to the public names, keyword-only options."""

from __future__ import annotations

import inspect

import statediff


def test_all_is_sorted_and_complete() -> None:
    public = {n for n in dir(statediff) if not n.startswith("_")}
    modules = {n for n in public if inspect.ismodule(getattr(statediff, n))}
    assert statediff.__all__ == sorted(statediff.__all__)
    assert set(statediff.__all__) - {"__version__"} == public - modules


def test_every_export_is_documented() -> None:
    for name in statediff.__all__:
        obj = getattr(statediff, name)
        if callable(obj):
            assert inspect.getdoc(obj), f"statediff.{name} has no docstring"


def test_options_are_keyword_only() -> None:
    for func, positional in ((statediff.compare, 2), (statediff.read, 1), (statediff.parse, 1),
                             (statediff.align, 2), (statediff.render, 2)):
        params = list(inspect.signature(func).parameters.values())
        assert all(p.kind is p.POSITIONAL_OR_KEYWORD for p in params[:positional]), func
        assert all(p.kind in (p.KEYWORD_ONLY, p.VAR_KEYWORD) for p in params[positional:]), func


def test_functions_do_not_shadow_modules() -> None:
    import statediff.aligner
    import statediff.reader

    assert statediff.align is statediff.aligner.align
    assert statediff.read is statediff.reader.read


def test_align_contract() -> None:
    links = statediff.align(["a b c", "d e"], ["d e f", "a b c"])
    assert [(link.left, link.right) for link in links] == [((1,), (0,)), ((0,), (1,))]
    assert all(0.0 <= link.score <= 1.0 for link in links)
    only_left = statediff.align(["The Ministers agreed."], [])
    assert [(link.left, link.right) for link in only_left] == [((0,), ())]


def test_records_are_immutable() -> None:
    import dataclasses

    import pytest

    clause = statediff.parse("We agreed.").clauses[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        clause.text = "changed"  # type: ignore[misc]


def test_the_renderer_table_names_each_built_in_renderers_own_options() -> None:
    """The options :func:`statediff.render` accepts are the renderer's keyword-only parameters."""
    from statediff.renderers import _RENDERERS, _keyword_options

    for (kind, fmt), renderer in _RENDERERS.items():
        assert renderer.options == _keyword_options(renderer.load()), (kind.__name__, fmt)
