"""The ``statediff`` command: parse the arguments, make one API call, write the result atomically.

Exit codes follow GNU diff: 0 no substantive change, 1 changes found, 2 trouble (a bad input gets
one line on standard error; a usage error gets typer's usage message; a crash also exits 2).
"""

from __future__ import annotations

import os
import re
import signal
import stat
import sys
import tempfile
from collections.abc import Sequence
from enum import Enum
from typing import Any

import typer
from typer.core import TyperCommand

from . import __version__
from .errors import OutputError, StatediffError

__all__ = ["app", "main"]

#: Seconds a URL input may take (statediff.reader.URL_TIMEOUT; repeated here so that --help does not
#: import the pipeline).
URL_TIMEOUT = 30.0

app = typer.Typer(
    name="statediff",
    help="Compare official statements clause by clause: what was added, dropped or reworded.",
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


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


class _Command(TyperCommand):
    """A command whose help names arguments as the user types them: "LEFT RIGHT", not typer's
    "{LEFT} {RIGHT}" with "<str>" type labels (choices such as <text|html|json> stay)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        super().format_help(ctx, formatter)
        text = formatter.getvalue()
        text = re.sub(r"\{([A-Z][A-Z .\[\]]*)\}(\.\.\.)?", r"\1", text)  # required arguments in the usage
        text = re.sub(r"(?m)^(  [A-Z][A-Z .\[\]]*?) <(?:str|list\[str\])>( *)",
                      lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), text)
        formatter.buffer[:] = [text]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"statediff {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
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


def _file_mode(target: str) -> int:
    """The mode of the file being replaced, or what the umask gives a new file."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def check_output(output: str | None, inputs: Sequence[str] = ()) -> None:
    """Refuse, before any work, an output that cannot be written or would replace an input."""
    if not output or output == "-":
        return
    target = os.path.realpath(output)  # through a symbolic link: the link stays, its target is written
    if os.path.isdir(target):
        raise OutputError(f"{output}: is a directory")
    if not os.path.isdir(os.path.dirname(target)):
        raise OutputError(f"{output}: folder {os.path.dirname(target)} does not exist")
    for given in inputs:
        path = _split_part(given)[0] if given != "-" else given
        try:
            same = os.path.exists(target) and os.path.exists(path) and os.path.samefile(target, path)
        except OSError:
            same = False
        if same:
            raise OutputError(f"{output}: is also an input; write the report to another file")


def write_output(text: str, output: str | None, inputs: Sequence[str] = ()) -> None:
    """Write ``text`` to standard output, or atomically to ``output`` (never half a file, never an
    input replaced, never a device or a pipe replaced by a file: those are written to in place)."""
    if not output or output == "-":
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise _BrokenPipe() from None  # past click, which would make it exit 1 ("changes")
        except OSError as exc:
            raise OutputError(f"standard output: cannot be written ({exc.strerror or exc})") from None
        return
    check_output(output, inputs)
    target = os.path.realpath(output)
    try:
        mode = os.stat(target).st_mode
    except OSError:
        mode = 0
    if mode and not stat.S_ISREG(mode):
        # /dev/null, a terminal, a named pipe: there is nothing to replace, only something to write to.
        try:
            with open(target, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
        except OSError as exc:
            raise OutputError(f"{output}: cannot be written ({exc.strerror or exc})") from None
        return
    fd, tmp = -1, ""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".statediff-", suffix=".tmp", dir=os.path.dirname(target))
        fh = os.fdopen(fd, "w", encoding="utf-8", newline="")
        fd = -1  # the file object owns the descriptor now
        with fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())  # the new content is on disk before it replaces the old
        # mkstemp makes the file private (0600); give it the mode a plain write would have.
        os.chmod(tmp, _file_mode(target))
        os.replace(tmp, target)
        tmp = ""
    except OSError as exc:
        raise OutputError(f"{output}: cannot be written ({exc.strerror or exc})") from None
    finally:
        # Also on Ctrl-C or SIGTERM (which main() turns into an exception): no temporary file stays.
        if fd >= 0:
            try:
                os.close(fd)
            except OSError:
                pass
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass


@app.command(cls=_Command)
def compare(
    left: str = typer.Argument(..., metavar="LEFT", help="The earlier document: a path (PATH#PART selects one part), an http(s) "
                                         "URL, or - for standard input."),
    right: str = typer.Argument(..., metavar="RIGHT", help="The later document: a path (PATH#PART selects one part), an http(s) "
                                          "URL, or - for standard input."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    output: str | None = typer.Option(None, "--output", "-o", metavar="FILE",
                                         help="Write to FILE (atomically) instead of standard output."),
    part: str | None = typer.Option(None, "--part", metavar="TEXT|N",
                                       help="Use one part of both documents: a title substring or a 1-based number."),
    left_part: str | None = typer.Option(None, "--left-part", metavar="TEXT|N", help="Part of LEFT to use."),
    right_part: str | None = typer.Option(None, "--right-part", metavar="TEXT|N", help="Part of RIGHT to use."),
    input_format: InputFormat | None = typer.Option(None, "--input-format",
                                                       help="Force the input format instead of guessing it."),
    encoding: str | None = typer.Option(None, "--encoding", metavar="NAME",
                                           help="Decode the inputs with this encoding."),
    timeout: float = typer.Option(URL_TIMEOUT, "--timeout", min=0.1, metavar="SECONDS",
                                  help="Give up on a URL, or a named pipe nobody writes to, after this many seconds."),
    all_pairs: bool = typer.Option(False, "--all", help="Text output: show unchanged clauses too."),
    threshold: float | None = typer.Option(None, "--threshold", min=0.0, max=1.0, metavar="0..1",
                                              help="Similarity below which clauses count as added/dropped "
                                                   "[default: the aligner's, 0.25]."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour text output."),
    lexicon: str | None = typer.Option(None, "--lexicon", metavar="FILE",
                                          help="A JSON lexicon whose keys replace the default's (docs/labels.md)."),
    only: str | None = typer.Option(None, "--only", metavar="LABEL[,LABEL]",
                                       help="Show only pairs with one of these labels, statuses or 'moved', "
                                            "e.g. strengthened,softened; the summary still counts all pairs."),
    suggest: bool = typer.Option(True, "--suggest/--no-suggest",
                                 help="Name the clauses that may continue an added or dropped one."),
    accounts: bool = typer.Option(False, "--accounts",
                                  help="Read LEFT and RIGHT as two accounts of one meeting (A and B), not two "
                                       "versions: what both say, what only A says, what only B says."),
    digest_only: bool = typer.Option(False, "--digest",
                                     help="Text output: print only the summary and what matters most (the "
                                          "digest); JSON has it under 'digest', the HTML report shows it first."),
) -> None:
    """Compare two documents clause by clause. Exit 0: no substantive change; 1: changes; 2: trouble."""
    from . import api, reader
    from .lexicon import load_lexicon
    from .renderers import render

    if left == "-" and right == "-":
        raise _fail("only one of LEFT and RIGHT can be standard input")
    if digest_only and format is not Format.text:
        raise _fail("--digest is for text output (JSON has a 'digest' key; the HTML report shows it first)")
    fmt = input_format.value if input_format else None
    try:
        check_output(output, (left, right))
        lex = load_lexicon(lexicon) if lexicon else None
        (left, left_in), (right, right_in) = _split_part(left), _split_part(right)
        a, b = reader.read_pair(left, right, left_part=left_part or left_in or part,
                                right_part=right_part or right_in or part, format=fmt, encoding=encoding,
                                lexicon=lex, timeout=timeout)
        result = api.compare(a, b, threshold=threshold, lexicon=lex, only=only, suggest=suggest, accounts=accounts)
        options = {"color": _use_color(color, output), "all": all_pairs, "digest_only": digest_only} \
            if format is Format.text else {}
        write_output(render(result, format.value, **options), output, (left, right))
    except StatediffError as exc:
        raise _fail(str(exc)) from None
    # The exit code describes the whole comparison, as the summary does, whatever --only shows.
    raise typer.Exit(1 if result.changed else 0)


@app.command(cls=_Command)
def clauses(
    doc: str = typer.Argument(..., metavar="DOC", help="A document: a path (PATH#PART selects one part), an http(s) URL, or - "
                                        "for standard input."),
    format: ClauseFormat = typer.Option(ClauseFormat.text, "--format", "-f", help="Output format."),
    output: str | None = typer.Option(None, "--output", "-o", metavar="FILE", help="Write to FILE."),
    part: str | None = typer.Option(None, "--part", metavar="TEXT|N",
                                       help="Use one part of the document: a title substring or a 1-based number."),
    input_format: InputFormat | None = typer.Option(None, "--input-format",
                                                       help="Force the input format instead of guessing it."),
    encoding: str | None = typer.Option(None, "--encoding", metavar="NAME", help="Decode with this encoding."),
    timeout: float = typer.Option(URL_TIMEOUT, "--timeout", min=0.1, metavar="SECONDS",
                                  help="Give up on a URL, or a named pipe nobody writes to, after this many seconds."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour text output."),
    lexicon: str | None = typer.Option(None, "--lexicon", metavar="FILE",
                                          help="A JSON lexicon whose keys replace the default's (docs/clauses.md)."),
) -> None:
    """List a document's numbered clauses with their section, actor, commitment verb and stance."""
    from . import reader
    from .lexicon import load_lexicon
    from .renderers import render

    try:
        check_output(output, (doc,))
        lex = load_lexicon(lexicon) if lexicon else None
        doc, doc_part = _split_part(doc)
        d = reader.read(doc, part=part or doc_part, format=input_format.value if input_format else None,
                        encoding=encoding, timeout=timeout, lexicon=lex)
        options = {"color": _use_color(color, output)} if format is ClauseFormat.text else {}
        write_output(render(d, format.value, **options), output, (doc,))
    except StatediffError as exc:
        raise _fail(str(exc)) from None


class SchemaName(str, Enum):
    comparison = "comparison"
    clauses = "clauses"
    series = "series"


@app.command(cls=_Command)
def schema(
    name: SchemaName = typer.Argument(..., metavar="NAME",
                                      help="The JSON format: comparison (compare), clauses or series (track)."),
    output: str | None = typer.Option(None, "--output", "-o", metavar="FILE", help="Write to FILE."),
) -> None:
    """Print the JSON Schema (draft 2020-12) of one of statediff's JSON formats."""
    from .schemas import schema_text

    try:
        check_output(output)
        write_output(schema_text(name.value), output)
    except StatediffError as exc:
        raise _fail(str(exc)) from None


def _split_part(arg: str) -> tuple[str, str | None]:
    """``PATH#PART`` -> (PATH, PART): a part title substring or 1-based number. An existing path, a URL
    (whose ``#`` is a fragment) and ``-`` are taken whole."""
    if arg == "-" or "#" not in arg or os.path.exists(arg) or arg.lower().startswith(("http://", "https://")):
        return arg, None
    path, part = arg.rsplit("#", 1)
    return path, part or None


def _document_spec(arg: str) -> str | tuple[str, str]:
    """A ``track`` document: ``PATH`` or ``(PATH, PART)``."""
    path, part = _split_part(arg)
    return (path, part) if part else path


@app.command(cls=_Command)
def track(
    docs: list[str] = typer.Argument(..., metavar="DOC DOC [DOC ...]",
                                     help="Documents: paths (PATH#PART selects one part), or - once for standard input."),
    grep: str | None = typer.Option(None, "--grep", metavar="PHRASE",
                                       help="Keep the lineages whose text, in any document, contains PHRASE."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    output: str | None = typer.Option(None, "--output", "-o", metavar="FILE",
                                         help="Write to FILE (atomically) instead of standard output."),
    keep_order: bool = typer.Option(False, "--keep-order", help="Keep the documents in the order given, not by date."),
    lookback: int | None = typer.Option(None, "--lookback", min=1, metavar="N",
                                           help="Revive a dropped clause only within N documents (default: any)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, metavar="N", help="Run on N processes."),
    input_format: InputFormat | None = typer.Option(None, "--input-format",
                                                       help="Force the input format instead of guessing it."),
    encoding: str | None = typer.Option(None, "--encoding", metavar="NAME",
                                           help="Decode the inputs with this encoding."),
    all_lineages: bool = typer.Option(False, "--all", help="Text output: show unchanged lineages too."),
    threshold: float | None = typer.Option(None, "--threshold", min=0.0, max=1.0, metavar="0..1",
                                              help="Similarity below which clauses count as added/dropped "
                                                   "[default: the aligner's, 0.25]."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour text output."),
    lexicon: str | None = typer.Option(None, "--lexicon", metavar="FILE",
                                          help="A JSON lexicon whose keys replace the default's (docs/labels.md)."),
) -> None:
    """Follow each clause through a series of documents in date order: first seen, changes, dropped,
    revived. Exit 0: no lineage changed; 1: changes; 2: trouble."""
    from concurrent.futures import ProcessPoolExecutor

    from . import api
    from .lexicon import load_lexicon
    from .progress import ProgressBar, wanted
    from .renderers import render

    if len(docs) < 2:
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
    executor = ProcessPoolExecutor(max_workers=workers, initializer=_quiet_worker) if workers > 1 else None
    try:
        lex = load_lexicon(lexicon) if lexicon else None
        result = api.track([_document_spec(d) for d in docs], keep_order=keep_order, lookback=lookback,
                           threshold=threshold, grep=grep, lexicon=lex, executor=executor, progress=bar,
                           input_format=input_format.value if input_format else None, encoding=encoding)
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


@app.command(cls=_Command)
def batch(
    manifest: str = typer.Argument(..., metavar="MANIFEST",
                                   help="The pairs: CSV with a header (left,right and optionally name) or JSON lines "
                                        "with the same keys; relative paths are read from the manifest's folder."),
    outdir: str = typer.Option(..., "--output-dir", "-d", metavar="DIR",
                               help="Folder for one report per pair and summary.jsonl (made if missing)."),
    format: Format = typer.Option(Format.html, "--format", "-f", help="Report format."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, metavar="N", help="Compare on N processes."),
    scheduler: str | None = typer.Option(None, "--scheduler", metavar="ADDRESS",
                                         help="Compare on a Dask cluster (pip install 'dask[distributed]')."),
    input_format: InputFormat | None = typer.Option(None, "--input-format",
                                                    help="Force the input format instead of guessing it."),
    encoding: str | None = typer.Option(None, "--encoding", metavar="NAME", help="Decode the inputs with this encoding."),
    threshold: float | None = typer.Option(None, "--threshold", min=0.0, max=1.0, metavar="0..1",
                                           help="Similarity below which clauses count as added/dropped "
                                                "[default: the aligner's, 0.25]."),
) -> None:
    """Compare many pairs: one report per pair, a JSON lines summary; run again, it resumes. A pair
    that fails is reported in the summary and the batch goes on. Exit 0: no changes; 1: changes;
    2: some pair failed."""
    from concurrent.futures import ProcessPoolExecutor

    from .batch import SUMMARY, read_manifest, run_batch
    from .progress import ProgressBar, wanted

    try:
        pairs = read_manifest(manifest)
    except StatediffError as exc:
        raise _fail(str(exc)) from None
    if os.path.exists(outdir) and not os.path.isdir(outdir):
        raise _fail(f"{outdir}: is not a folder")
    client = None
    executor: Any = None
    if scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise _fail("--scheduler needs dask.distributed: pip install 'dask[distributed]'") from None
        try:
            client = Client(scheduler, timeout=30)
        except (OSError, TimeoutError) as exc:
            raise _fail(f"{scheduler}: no Dask scheduler answers ({exc})") from None
        executor = client.get_executor()
    elif jobs > 1 and len(pairs) > 1:
        executor = ProcessPoolExecutor(max_workers=min(jobs, len(pairs)), initializer=_quiet_worker)
    bar = ProgressBar("statediff batch") if wanted() else None
    options = {"input_format": input_format.value if input_format else None, "encoding": encoding,
               "threshold": threshold}
    try:
        rows = run_batch(pairs, outdir, fmt=format.value, executor=executor, options=options,
                         write=write_output, progress=bar)
    except OSError as exc:
        raise _fail(f"{outdir}: cannot be written ({exc.strerror or exc})") from None
    finally:
        if bar is not None:
            bar.close()
        if client is not None:
            client.close()
        elif executor is not None:
            executor.shutdown(cancel_futures=True)
    tally = {k: sum(1 for r in rows if r["status"] == k) for k in ("changed", "unchanged", "error")}
    typer.echo(f"{len(rows)} pairs: {tally['changed']} changed, {tally['unchanged']} unchanged, "
               f"{tally['error']} failed; summary in {os.path.join(outdir, SUMMARY)}")
    raise typer.Exit(2 if tally["error"] else 1 if tally["changed"] else 0)


class _BrokenPipe(BaseException):
    """The reader of standard output went away (``statediff compare a b | head -1``)."""


class _Signalled(BaseException):
    """SIGINT or SIGTERM, raised where the program is so that cleanup (a temporary output file) runs,
    and outside the Exception family so that nothing on the way swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_on_signals() -> None:
    def handler(signum, frame):  # noqa: ARG001 - the signal module's signature
        raise _Signalled(signum)

    try:
        signal.signal(signal.SIGINT, handler)
        signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (an embedding program): leave its handlers alone
        pass


def _quiet_worker() -> None:
    """A worker process of ``track --jobs``: Ctrl-C reaches the whole process group, and the main
    process alone answers it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


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
    _raise_on_signals()
    try:
        result = app(args=argv, prog_name="statediff", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    except _BrokenPipe:
        # As a program killed by SIGPIPE, silently: the reader wanted no more. Python would otherwise
        # complain when it flushes standard output at exit.
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - replaces the closed pipe until exit
        except OSError:
            pass
        return 128 + 13
    except _Signalled as exc:
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
