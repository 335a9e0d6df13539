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
from typer.core import TyperCommand

__all__ = ["Command", "URL_TIMEOUT", "Format", "ClauseFormat", "InputFormat", "Color", "SchemaName"]

#: Seconds a URL input may take (statediff.reader.URL_TIMEOUT; repeated here so that --help does not
#: import the pipeline).
URL_TIMEOUT = 30.0


class Command(TyperCommand):
    """A command whose help names arguments as the user types them: "LEFT RIGHT", not typer's
    "{LEFT} {RIGHT}" with "<str>" type labels (choices such as <text|html|json> stay)."""

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
