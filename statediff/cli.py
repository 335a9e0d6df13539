"""The ``statediff`` command: parse the arguments, make one API call, write the result atomically.

Exit codes follow GNU diff: 0 no substantive change, 1 changes found, 2 trouble (a bad input gets
one line on standard error; a usage error gets typer's usage message; a crash also exits 2).

The options several commands share are declared once in :mod:`statediff.cli_options`; writing is
:mod:`statediff.output`.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import __version__
from .cli_options import (
    URL_TIMEOUT,
    ClauseFormat,
    ClauseLexiconOption,
    Color,
    ColorOption,
    Command,
    DocArgument,
    DocPartOption,
    EncodingOption,
    Format,
    FormatOption,
    Group,
    InputFormat,
    InputFormatOption,
    LeftArgument,
    LexiconOption,
    OutputOption,
    PartOption,
    RightArgument,
    SchemaName,
    ShortOutputOption,
    ThresholdOption,
    TimeoutOption,
)
from .errors import StatediffError
from .interrupts import Signalled, quiet_worker, raise_on_signals
from .options import ReadOptions, document_spec, split_part
from .output import BrokenPipe, check_output, write_output

if TYPE_CHECKING:
    from .lexicon import Lexicon

__all__ = ["app", "main", "check_output", "write_output"]

app = typer.Typer(
    name="statediff",
    cls=Group,
    help="Compare official statements clause by clause: what was added, dropped or reworded.",
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"statediff {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Compare official statements clause by clause: what was added, dropped or reworded."""


def _fail(message: str) -> typer.Exit:
    from .renderers.text import visible

    # A message may quote a file name or a server's words: shown, never obeyed by the terminal.
    typer.echo(f"statediff: {visible(message)}", err=True)
    return typer.Exit(2)


def _use_color(color: Color, output: str | None) -> bool:
    """``--color`` decides when given; a file named by ``-o`` is never coloured by default; then a
    non-empty ``NO_COLOR`` turns colour off and a ``FORCE_COLOR`` other than "", "0" or "false" turns
    it on (CI logs, pagers); else colour when standard output is a terminal."""
    if color is Color.always:
        return True
    if color is Color.never or output or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "").strip().casefold() not in ("", "0", "false"):
        return True
    return sys.stdout.isatty()


def _reading(input_format: InputFormat | None, encoding: str | None, timeout: float | None = None) -> ReadOptions:
    return ReadOptions(input_format=input_format.value if input_format else None, encoding=encoding, timeout=timeout)


def _lexicon(path: str | None) -> Lexicon | None:
    from .lexicon import load_lexicon

    return load_lexicon(path) if path else None


@app.command(cls=Command)
def compare(
    left: LeftArgument,
    right: RightArgument,
    format: FormatOption = Format.text,
    output: OutputOption = None,
    part: PartOption = None,
    left_part: Annotated[str | None, typer.Option("--left-part", metavar="TEXT|N", help="Part of LEFT to use.")] = None,
    right_part: Annotated[str | None, typer.Option("--right-part", metavar="TEXT|N", help="Part of RIGHT to use.")] = None,
    input_format: InputFormatOption = None,
    encoding: EncodingOption = None,
    timeout: TimeoutOption = URL_TIMEOUT,
    all_pairs: Annotated[bool, typer.Option("--all", help="Text output: show unchanged clauses too.")] = False,
    threshold: ThresholdOption = None,
    color: ColorOption = Color.auto,
    lexicon: LexiconOption = None,
    only: Annotated[str | None, typer.Option(
        "--only", metavar="LABEL[,LABEL]", help="Show only pairs with one of these labels, statuses or 'moved', "
                                                "e.g. strengthened,softened; the summary still counts all pairs.")] = None,
    suggest: Annotated[bool, typer.Option(
        "--suggest/--no-suggest", help="Name the clauses that may continue an added or dropped one.")] = True,
    accounts: Annotated[bool, typer.Option(
        "--accounts", help="Read LEFT and RIGHT as two accounts of one meeting (A and B), not two "
                           "versions: what both say, what only A says, what only B says.")] = False,
    digest_only: Annotated[bool, typer.Option(
        "--digest", help="Text output: print only the summary and what matters most (the "
                         "digest); JSON has it under 'digest', the HTML report shows it first.")] = False,
) -> None:
    """Compare two documents clause by clause. Exit 0: no substantive change; 1: changes; 2: trouble."""
    from . import api, reader
    from .renderers import render

    if left == "-" and right == "-":
        raise _fail("only one of LEFT and RIGHT can be standard input")
    if digest_only and format is not Format.text:
        raise _fail("--digest is for text output (JSON has a 'digest' key; the HTML report shows it first)")
    try:
        check_output(output, (left, right))
        lex = _lexicon(lexicon)
        (left, left_in), (right, right_in) = split_part(left), split_part(right)
        a, b = reader.read_pair(left, right, left_part=left_part or left_in or part,
                                right_part=right_part or right_in or part, lexicon=lex,
                                **_reading(input_format, encoding, timeout).keywords())
        result = api.compare(a, b, threshold=threshold, lexicon=lex, only=only, suggest=suggest, accounts=accounts)
        options = {"color": _use_color(color, output), "all": all_pairs, "digest_only": digest_only} \
            if format is Format.text else {}
        write_output(render(result, format.value, **options), output, (left, right))
    except StatediffError as exc:
        raise _fail(str(exc)) from None
    # The exit code describes the whole comparison, as the summary does, whatever --only shows.
    raise typer.Exit(1 if result.changed else 0)


@app.command(cls=Command)
def clauses(
    doc: DocArgument,
    format: Annotated[ClauseFormat, typer.Option("--format", "-f", help="Output format.")] = ClauseFormat.text,
    output: ShortOutputOption = None,
    part: DocPartOption = None,
    input_format: InputFormatOption = None,
    encoding: Annotated[str | None, typer.Option("--encoding", metavar="NAME", help="Decode with this encoding.")] = None,
    timeout: TimeoutOption = URL_TIMEOUT,
    color: ColorOption = Color.auto,
    lexicon: ClauseLexiconOption = None,
) -> None:
    """List a document's numbered clauses with their section, actor, commitment verb and stance."""
    from .reader import read
    from .renderers import render

    try:
        check_output(output, (doc,))
        lex = _lexicon(lexicon)
        doc, doc_part = split_part(doc)
        d = read(doc, part=part or doc_part, lexicon=lex, **_reading(input_format, encoding, timeout).keywords())
        options = {"color": _use_color(color, output)} if format is ClauseFormat.text else {}
        write_output(render(d, format.value, **options), output, (doc,))
    except StatediffError as exc:
        raise _fail(str(exc)) from None


@app.command(cls=Command)
def schema(
    name: Annotated[SchemaName, typer.Argument(
        metavar="NAME", help="The JSON format: comparison (compare), clauses or series (track).")],
    output: ShortOutputOption = None,
) -> None:
    """Print the JSON Schema (draft 2020-12) of one of statediff's JSON formats."""
    from .schemas import schema_text

    try:
        check_output(output)
        write_output(schema_text(name.value), output)
    except StatediffError as exc:
        raise _fail(str(exc)) from None


@app.command(cls=Command)
def track(
    docs: Annotated[list[str], typer.Argument(
        metavar="DOC DOC [DOC ...]", help="Documents: paths (PATH#PART selects one part), or - once for standard input.")],
    grep: Annotated[str | None, typer.Option(
        "--grep", metavar="PHRASE", help="Keep the lineages whose text, in any document, contains PHRASE.")] = None,
    format: FormatOption = Format.text,
    output: OutputOption = None,
    keep_order: Annotated[bool, typer.Option(
        "--keep-order", help="Keep the documents in the order given, not by date.")] = False,
    lookback: Annotated[int | None, typer.Option(
        "--lookback", min=1, metavar="N", help="Revive a dropped clause only within N documents (default: any).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, metavar="N", help="Run on N processes.")] = 1,
    input_format: InputFormatOption = None,
    encoding: EncodingOption = None,
    all_lineages: Annotated[bool, typer.Option("--all", help="Text output: show unchanged lineages too.")] = False,
    threshold: ThresholdOption = None,
    color: ColorOption = Color.auto,
    lexicon: LexiconOption = None,
) -> None:
    """Follow each clause through a series of documents in date order: first seen, changes, dropped,
    revived. Exit 0: no lineage changed; 1: changes; 2: trouble."""
    from concurrent.futures import ProcessPoolExecutor

    from . import api
    from .progress import ProgressBar, wanted
    from .renderers import render

    if len(docs) < 2:
        if docs and os.path.isdir(str(docs[0])):
            raise typer.BadParameter(f"{docs[0]} is a directory: give the documents in it ({docs[0]}/*.txt)",
                                     param_hint="DOC")
        raise typer.BadParameter("give at least two documents", param_hint="DOC")
    if docs.count("-") > 1:
        raise _fail("only one DOC can be standard input")
    bar = ProgressBar("statediff track") if wanted() else None
    try:
        check_output(output, docs)
    except StatediffError as exc:
        raise _fail(str(exc)) from None
    # No more workers than pairs of documents to compare.
    workers = min(jobs, len(docs) - 1)
    executor = ProcessPoolExecutor(max_workers=workers, initializer=quiet_worker) if workers > 1 else None
    try:
        result = api.track([document_spec(d) for d in docs], keep_order=keep_order, lookback=lookback,
                           threshold=threshold, grep=grep, lexicon=_lexicon(lexicon), executor=executor, progress=bar,
                           reading=_reading(input_format, encoding))
        if bar is not None:
            bar.close()
        options = {"color": _use_color(color, output), "all": all_lineages} if format is Format.text else {}
        write_output(render(result, format.value, **options), output, docs)
    except StatediffError as exc:
        raise _fail(str(exc)) from None
    finally:
        if bar is not None:
            bar.close()
        if executor is not None:
            executor.shutdown(cancel_futures=True)
    raise typer.Exit(1 if result.changed else 0)


@app.command(cls=Command)
def batch(
    manifest: Annotated[str, typer.Argument(
        metavar="MANIFEST", help="The pairs: CSV with a header (left,right and optionally name) or JSON lines "
                                 "with the same keys; relative paths are read from the manifest's folder.")],
    outdir: Annotated[str, typer.Option(
        "--output-dir", "-d", metavar="DIR", help="Folder for one report per pair and summary.jsonl (made if missing).")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Report format.")] = Format.html,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, metavar="N", help="Compare on N processes.")] = 1,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", metavar="ADDRESS", help="Compare on a Dask cluster (pip install 'dask[distributed]').")] = None,
    input_format: InputFormatOption = None,
    encoding: EncodingOption = None,
    threshold: ThresholdOption = None,
) -> None:
    """Compare many pairs: one report per pair, a JSON lines summary; run again, it resumes. A pair
    that fails is reported in the summary and the batch goes on. Exit 0: no changes; 1: changes;
    2: some pair failed."""
    from .batch import read_manifest, run_batch
    from .progress import ProgressBar, wanted

    try:
        pairs = read_manifest(manifest)
    except StatediffError as exc:
        raise _fail(str(exc)) from None
    if os.path.exists(outdir) and not os.path.isdir(outdir):
        raise _fail(f"{outdir}: is not a folder")
    client, executor = _batch_executor(scheduler, jobs, len(pairs))
    bar = ProgressBar("statediff batch") if wanted() else None
    try:
        rows = run_batch(pairs, outdir, fmt=format.value, executor=executor, reading=_reading(input_format, encoding),
                         threshold=threshold, write=write_output, progress=bar)
    except OSError as exc:
        raise _fail(f"{outdir}: cannot be written ({exc.strerror or exc})") from None
    finally:
        if bar is not None:
            bar.close()
        if client is not None:
            client.close()
        elif executor is not None:
            executor.shutdown(cancel_futures=True)
    raise typer.Exit(_batch_outcome(rows, outdir))


def _batch_executor(scheduler: str | None, jobs: int, pairs: int) -> tuple[Any, Any]:
    """The Dask client and its executor for ``--scheduler``, or a process pool for ``--jobs``, or none."""
    from concurrent.futures import ProcessPoolExecutor

    if scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise _fail("--scheduler needs dask.distributed: pip install 'dask[distributed]'") from None
        try:
            client = Client(scheduler, timeout=30)
        except (OSError, TimeoutError) as exc:
            raise _fail(f"{scheduler}: no Dask scheduler answers ({exc})") from None
        return client, client.get_executor()
    if jobs > 1 and pairs > 1:
        return None, ProcessPoolExecutor(max_workers=min(jobs, pairs), initializer=quiet_worker)
    return None, None


def _batch_outcome(rows: list[dict[str, Any]], outdir: str) -> int:
    """Say how the batch went in one line; the exit code: 2 a pair failed, 1 changes, 0 none."""
    from .batch import SUMMARY

    tally = {k: sum(1 for r in rows if r["status"] == k) for k in ("changed", "unchanged", "error")}
    typer.echo(f"{len(rows)} pairs: {tally['changed']} changed, {tally['unchanged']} unchanged, "
               f"{tally['error']} failed; summary in {os.path.join(outdir, SUMMARY)}")
    return 2 if tally["error"] else 1 if tally["changed"] else 0


def _is_usage_error(exc: BaseException) -> bool:
    """A command-line mistake reported by Click (typer's own copy of it or the package)."""
    return any(k.__name__ == "ClickException" for k in type(exc).__mro__)


def _usage_error(exc: Exception) -> int:
    """One line on standard error for a command-line mistake, exit 2; a bare ``statediff`` or a
    command without its arguments where it shows help prints that help, as before."""
    from .renderers.text import visible

    if type(exc).__name__ == "NoArgsIsHelpError":
        typer.echo(exc.format_message())  # type: ignore[attr-defined]
        return 2
    message = " ".join(exc.format_message().split())  # type: ignore[attr-defined]
    message = message.replace("Value error, ", "")  # typer's coercion wording, not the user's concern
    ctx = getattr(exc, "ctx", None)
    path = str(getattr(ctx, "command_path", "") or "") if ctx is not None else ""
    where = f" (see '{path} --help')" if path else ""
    typer.echo(visible(f"statediff: {message.rstrip('.')}{where}"), err=True)
    return int(getattr(exc, "exit_code", 2) or 2)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; an unexpected error exits 2 with one line, never a traceback."""
    raise_on_signals()
    try:
        result = app(args=argv, prog_name="statediff", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    except BrokenPipe:
        # As a program killed by SIGPIPE, silently: the reader wanted no more. Python would otherwise
        # complain when it flushes standard output at exit.
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - replaces the closed pipe until exit
        except OSError:
            pass
        return 128 + 13
    except Signalled as exc:
        typer.echo("statediff: terminated" if exc.signum == signal.SIGTERM else "statediff: interrupted", err=True)
        return 128 + exc.signum
    except KeyboardInterrupt:
        typer.echo("statediff: interrupted", err=True)
        return 130
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        except OSError:
            pass
        return 2
    except Exception as exc:  # a bug: say so in one line, keep the exit code meaningful
        from .renderers.text import visible

        if _is_usage_error(exc):
            return _usage_error(exc)

        typer.echo(visible(f"statediff: internal error: {type(exc).__name__}: {exc}"), err=True)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
