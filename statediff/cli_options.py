"""The command line's choices and the options several commands share, declared once.

Each alias is an ``Annotated`` type that a command's parameter takes with its default, e.g.
``output: OutputOption = None``; where commands word an option differently (``--output``, ``--part``,
``--lexicon``, ``--jobs``), each wording has its alias. Nothing here imports the pipeline, so that
``statediff --help`` stays fast.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

__all__ = ["Command", "Group", "URL_TIMEOUT", "Format", "ClauseFormat", "InputFormat", "Color", "SchemaName"]

#: Seconds a URL input may take (statediff.reader.URL_TIMEOUT; repeated here so that --help does not
#: import the pipeline).
URL_TIMEOUT = 30.0


#: What :func:`_as_given` answers for a value that needs typer's coercion.
_CONVERT = object()


class _PlainFirst:
    """A parameter's coercion: a value given as its type already (:func:`_as_given`) is taken as it
    is; any other goes to typer's own coercion, built on first use.

    Typer (0.29) coerces every parameter, even one not given, through a pydantic ``TypeAdapter``
    built when a command first runs: importing pydantic and building the adapters takes over 0.1 s
    of every ``statediff compare``. A plain comparison gives file names and takes the defaults,
    which need no conversion; a number, a list or a choice typed otherwise than listed still meets
    typer's coercion, with its results and its error messages."""

    def __init__(self, typers: Any) -> None:
        self._typers = typers

    def runtime_param(self) -> _PlainFirst:
        """Stands for the parameter's ``get_runtime_param``: the coercion is this object."""
        return self

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        given = _as_given(param, value, ctx)
        if given is not _CONVERT:
            return given
        return self._typers().coerce(value, param=param, ctx=ctx)


def _as_given(param: Any, value: Any, ctx: Any) -> Any:
    """``value`` as typer's coercion returns it, where that needs no conversion: nothing given for a
    single value, a string for a string, the default declared here, an enum's member, or a choice
    typed exactly as listed (case-sensitive, no token normalisation); else ``_CONVERT``."""
    if param.multiple or param.nargs != 1:
        return _CONVERT
    annotation = param.type_descriptor.annotation
    if value is None or value is param.default or (annotation is str and type(value) is str):
        return value
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        if isinstance(value, annotation):
            return value
        if type(value) is str and param.type_descriptor.case_sensitive and ctx.token_normalize_func is None:
            return next((m for m in annotation if m.value == value), _CONVERT)
    return _CONVERT


def _plain_first(params: list[Any]) -> list[Any]:
    """``params`` with each typer parameter's coercion wrapped in :class:`_PlainFirst` (once)."""
    for param in params:
        typers = getattr(param, "get_runtime_param", None)
        if typers is not None and not isinstance(getattr(typers, "__self__", None), _PlainFirst):
            param.get_runtime_param = _PlainFirst(typers).runtime_param
    return params


class _PlainParams:
    """A group or command whose parameters are coerced as :class:`_PlainFirst` says."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _plain_first(super().get_params(ctx))  # type: ignore[misc]


class Group(_PlainParams, TyperGroup):
    """The ``statediff`` group: its options (``--help``, ``--version``, completion) coerced as
    :class:`_PlainFirst` says."""


class Command(_PlainParams, TyperCommand):
    """A command whose help names arguments as the user types them: "LEFT RIGHT", not typer's
    "{LEFT} {RIGHT}" with "<str>" type labels (choices such as <text|html|json> stay); its parameters
    coerced as :class:`_PlainFirst` says."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        super().format_help(ctx, formatter)
        text = formatter.getvalue()
        text = re.sub(r"\{([A-Z][A-Z .\[\]]*)\}(\.\.\.)?", r"\1", text)  # required arguments in the usage
        text = re.sub(r"(?m)^(  [A-Z][A-Z .\[\]]*?) <(?:str|list\[str\])>( *)",
                      lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), text)
        formatter.buffer[:] = [text]


class Format(str, Enum):
    text = "text"
    html = "html"
    json = "json"


class ClauseFormat(str, Enum):
    text = "text"
    json = "json"


class InputFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    html = "html"
    pdf = "pdf"
    docx = "docx"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class SchemaName(str, Enum):
    comparison = "comparison"
    clauses = "clauses"
    series = "series"


_DOCUMENT = "a path (PATH#PART selects one part), an http(s) URL, or - for standard input."

LeftArgument = Annotated[str, typer.Argument(metavar="LEFT", help=f"The earlier document: {_DOCUMENT}")]
RightArgument = Annotated[str, typer.Argument(metavar="RIGHT", help=f"The later document: {_DOCUMENT}")]
DocArgument = Annotated[str, typer.Argument(metavar="DOC", help=f"A document: {_DOCUMENT}")]

FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutputOption = Annotated[str | None, typer.Option("--output", "-o", metavar="FILE",
                                                  help="Write to FILE (atomically) instead of standard output.")]
ShortOutputOption = Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", help="Write to FILE.")]
InputFormatOption = Annotated[InputFormat | None, typer.Option("--input-format",
                                                               help="Force the input format instead of guessing it.")]
EncodingOption = Annotated[str | None, typer.Option("--encoding", metavar="NAME",
                                                    help="Decode the inputs with this encoding.")]
TimeoutOption = Annotated[float, typer.Option(
    "--timeout", min=0.1, metavar="SECONDS",
    help="Give up on a URL, or a named pipe nobody writes to, after this many seconds.")]
ThresholdOption = Annotated[float | None, typer.Option(
    "--threshold", min=0.0, max=1.0, metavar="0..1",
    help="Similarity below which clauses count as added/dropped [default: the aligner's, 0.25].")]
ColorOption = Annotated[Color, typer.Option("--color", help="Colour text output.")]
LexiconOption = Annotated[str | None, typer.Option(
    "--lexicon", metavar="FILE", help="A JSON lexicon whose keys replace the default's (docs/labels.md).")]
ClauseLexiconOption = Annotated[str | None, typer.Option(
    "--lexicon", metavar="FILE", help="A JSON lexicon whose keys replace the default's (docs/clauses.md).")]
PartOption = Annotated[str | None, typer.Option(
    "--part", metavar="TEXT|N", help="Use one part of both documents: a title substring or a 1-based number.")]
DocPartOption = Annotated[str | None, typer.Option(
    "--part", metavar="TEXT|N", help="Use one part of the document: a title substring or a 1-based number.")]
