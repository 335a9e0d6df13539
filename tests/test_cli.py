"""The command line: exit codes (0 / 1 / 2), output files, error paths, stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from statediff import __version__
from statediff.cli import main

from .conftest import JF, ROOT, SEEDS

TELE, MOFA, JDF = (str(SEEDS[k]) for k in ("teleconference-2021", "mofa-2022", "jdf-2017"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_compare_finds_changes_exit_1(capsys) -> None:
    code, out, err = run(capsys, "compare", TELE, MOFA)
    assert code == 1 and err == ""
    assert "[-coercion" in out and "{+force+}" in out
    assert "\x1b[" not in out  # not a terminal: no colour


def test_same_document_exit_0(capsys) -> None:
    code, out, _ = run(capsys, "compare", MOFA, MOFA)
    assert code == 0
    assert "No substantive change." in out


def test_cosmetic_only_difference_exit_0(tmp_path, capsys) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("1. The Ministers welcomed the \u201cFree and Open Indo\u2011Pacific\u201d.\n", encoding="utf-8")
    b.write_text('2. The Ministers welcomed the "Free and Open Indo-Pacific".\n', encoding="utf-8")
    code, _, _ = run(capsys, "compare", str(a), str(b))
    assert code == 0


@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_output_file_in_each_format(tmp_path, capsys, fmt: str) -> None:
    target = tmp_path / f"report.{fmt}"
    code, out, err = run(capsys, "compare", TELE, MOFA, "--format", fmt, "-o", str(target))
    assert code == 1 and out == "" and err == ""
    text = target.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text)["schema"] == "statediff.comparison/1"
    elif fmt == "html":
        assert text.startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left behind


@pytest.mark.parametrize("args,message", [
    (["compare", "missing.txt", MOFA], "missing.txt: no such file"),
    (["compare", MOFA, str(ROOT / "fixtures")], "is a directory"),
    (["compare", JDF, MOFA, "--left-part", "no such meeting"], "no part title contains"),
    (["clauses", JDF, "--part", "Japan-France"], "matches several parts"),
    (["compare", TELE, MOFA, "--encoding", "no-such-codec"], "unknown encoding"),
])
def test_bad_input_one_line_exit_2(capsys, args: list[str], message: str) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("statediff: ") and message in err
    assert "Traceback" not in err


def test_binary_and_undecodable_input(tmp_path, capsys) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, _, err = run(capsys, "compare", str(binary), MOFA)
    assert code == 2 and "binary" in err
    damaged = tmp_path / "damaged.txt"  # UTF-8 with a broken byte: refused, not guessed into mojibake
    damaged.write_bytes("The Ministers agreed on caf\u00e9 diplomacy, caf\u00e9 ".encode("utf-8") + b"\xff.")
    code, _, err = run(capsys, "compare", str(damaged), MOFA)
    assert code == 2 and "--encoding" in err
    code, out, _ = run(capsys, "clauses", str(damaged), "--encoding", "cp1252")
    assert code == 0 and "caf\u00c3\u00a9" in out  # what the user asked for


def test_failed_run_leaves_existing_output_untouched(tmp_path, capsys) -> None:
    target = tmp_path / "report.html"
    target.write_text("previous report", encoding="utf-8")
    code, _, _ = run(capsys, "compare", "missing.txt", MOFA, "-o", str(target))
    assert code == 2
    assert target.read_text(encoding="utf-8") == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_output_into_missing_folder_is_exit_2(tmp_path, capsys) -> None:
    code, _, err = run(capsys, "compare", TELE, MOFA, "-o", str(tmp_path / "nope" / "r.html"))
    assert code == 2 and "does not exist" in err


def test_empty_document_is_not_an_error(tmp_path, capsys) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, out, _ = run(capsys, "compare", str(empty), MOFA, "--format", "json")
    assert code == 1
    statuses = {p["status"] for p in json.loads(out)["pairs"]}
    assert statuses == {"added"}
    code, _, _ = run(capsys, "compare", str(empty), str(empty))
    assert code == 0


def test_usage_error_exit_2(capsys) -> None:
    code, _, err = run(capsys, "compare", MOFA)
    # one line, as every other error: what is wrong and where the help is
    assert code == 2 and err == "statediff: Missing argument 'RIGHT' (see 'statediff compare --help')\n"
    code, _, err = run(capsys, "compare", MOFA, MOFA, "--format", "xml")
    assert code == 2 and err == ("statediff: Invalid value for '--format' / '-f': 'xml' is not one of 'text', "
                                 "'html', 'json' (see 'statediff compare --help')\n")
    code, _, err = run(capsys, "track", MOFA, MOFA, "--xyzzy")
    assert code == 2 and err == "statediff: No such option: --xyzzy (see 'statediff track --help')\n"
    code, _, err = run(capsys, "schema", "xml")
    assert code == 2 and err.count("\n") == 1 and "'xml' is not one of 'comparison'" in err
    code, _, err = run(capsys, "compare", TELE, MOFA, "--format", "pdf")  # an input format, not an output one
    assert code == 2 and err.count("\n") == 1 and "'pdf' is not one of 'text', 'html', 'json'" in err


def test_version(capsys) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"statediff {__version__}"


def test_clauses_text_and_json(capsys) -> None:
    code, out, _ = run(capsys, "clauses", MOFA)
    assert code == 0
    assert "4(1).2" in out and "shared the view" in out
    code, out, _ = run(capsys, "clauses", MOFA, "--format", "json")
    data = json.loads(out)
    assert data["schema"] == "statediff.clauses/1"
    assert data["name"] == os.path.basename(MOFA)
    clause = next(c for c in data["clauses"] if c["number"] == "4(1).2")
    assert clause["section"] == "Regional affairs"
    assert clause["actor"] == "The four Ministers" and clause["stance"] == "oppose"


def test_clauses_of_one_part(capsys) -> None:
    code, out, _ = run(capsys, "clauses", JDF, "--part", "2+2", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert "Third" in data["part"]
    assert any("ACSA" in c["text"] for c in data["clauses"])


def test_path_hash_part_selects_a_part_in_compare_and_clauses(capsys) -> None:
    # The PATH#PART form that track takes works the same in compare and clauses.
    code, by_hash, _ = run(capsys, "compare", f"{JDF}#2+2", MOFA, "--format", "json")
    assert code == 1
    code, by_option, _ = run(capsys, "compare", JDF, MOFA, "--left-part", "2+2", "--format", "json")
    assert json.loads(by_hash) == json.loads(by_option)
    code, out, _ = run(capsys, "clauses", f"{JDF}#2+2", "--format", "json")
    assert code == 0 and "Third" in json.loads(out)["part"]
    code, _, err = run(capsys, "clauses", f"{JDF}#9")
    assert code == 2 and err.strip() == "statediff: part 9 does not exist: the document has 4 parts"


def test_a_url_fragment_is_not_a_part() -> None:
    from statediff.options import split_part as _split_part

    assert _split_part("https://example.org/readout#section-2") == ("https://example.org/readout#section-2", None)
    assert _split_part("minutes.txt#3") == ("minutes.txt", "3")
    assert _split_part("minutes.txt#") == ("minutes.txt", None)
    assert _split_part("-") == ("-", None)


def test_python_dash_m_and_stdin() -> None:
    with open(TELE, "rb") as fh:
        proc = subprocess.run([sys.executable, "-m", "statediff", "compare", "-", MOFA, "--format", "json"],
                              stdin=fh, capture_output=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert data["left"]["name"] == "<stdin>"
    assert any("coercion" in p["left_text"] for p in data["pairs"])


def test_color_on_request_and_no_color(capsys, monkeypatch) -> None:
    code, out, _ = run(capsys, "compare", TELE, MOFA, "--color", "always")
    assert "\x1b[31m[-" in out
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, _ = run(capsys, "compare", TELE, MOFA)
    assert "\x1b[" not in out


def test_force_color_colours_a_pipe_and_no_color_wins(capsys, monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, out, _ = run(capsys, "compare", TELE, MOFA)  # captured output is not a terminal
    assert "\x1b[31m[-" in out
    target = tmp_path / "report.txt"
    run(capsys, "compare", TELE, MOFA, "-o", str(target))
    assert "\x1b[" not in target.read_text(encoding="utf-8")  # a file only on --color always
    for off in ("0", "false", ""):
        monkeypatch.setenv("FORCE_COLOR", off)
        assert "\x1b[" not in run(capsys, "compare", TELE, MOFA)[1]
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(capsys, "compare", TELE, MOFA)[1]
    monkeypatch.setenv("NO_COLOR", "")  # empty means unset (no-color.org)
    assert "\x1b[" in run(capsys, "compare", TELE, MOFA)[1]


def test_crash_exits_2_with_one_line(capsys, monkeypatch) -> None:
    import statediff.api

    def boom(*args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(statediff.api, "compare", boom)
    code, _, err = run(capsys, "compare", TELE, MOFA)
    assert code == 2
    assert err.strip() == "statediff: internal error: RuntimeError: simulated failure"


def test_only_filter_keeps_exit_code_and_says_when_nothing_matches(capsys) -> None:
    code, out, _ = run(capsys, "compare", TELE, MOFA, "--only", "softened")
    assert code == 1  # the comparison as a whole still has changes
    assert out.rstrip().endswith("No pair matches the filter.")
    code, out, _ = run(capsys, "compare", TELE, MOFA, "--only", "reordering", "--format", "json")
    data = json.loads(out)
    assert data["pairs"] and all("reordering" in p["labels"] for p in data["pairs"])
    assert data["summary"]["added"] > 0  # the summary describes the whole comparison


def test_files_sharing_a_name_are_told_apart_by_their_paths(capsys, tmp_path) -> None:
    for year, src in (("2021", TELE), ("2022", MOFA)):
        (tmp_path / "a" / year).mkdir(parents=True)
        (tmp_path / "a" / year / "readout.txt").write_text(Path(src).read_text(encoding="utf-8"), encoding="utf-8")
    left, right = tmp_path / "a" / "2021" / "readout.txt", tmp_path / "a" / "2022" / "readout.txt"
    code, out, _ = run(capsys, "compare", str(left), str(right))
    assert code == 1 and out.startswith("--- 2021/readout.txt  (2021-01-15)") and "\n+++ 2022/readout.txt  (2022-01-20)" in out
    code, out, _ = run(capsys, "track", str(left), str(right))
    assert "[1] 2021/readout.txt" in out and "[2] 2022/readout.txt" in out
    code, out, _ = run(capsys, "compare", str(left), str(left))  # one file twice: nothing to tell apart
    assert code == 0 and out.startswith("--- readout.txt")


def test_distinct_names_take_the_shortest_telling_tail() -> None:
    from statediff.reader import distinct_names

    assert distinct_names(["x/2023/a.txt", "y/2023/a.txt", "b.txt", "-", "https://e.org/a.txt"]) == \
        ["x/2023/a.txt", "y/2023/a.txt", None, None, None]
    assert distinct_names(["p/a.txt", "q/a.txt", ("r/a.txt", 2)]) == ["p/a.txt", "q/a.txt", "r/a.txt"]
    assert distinct_names(["a.txt", "./a.txt"]) == [None, None]  # the same file


def _complete(words: str, cword: int) -> list[str]:
    env = {**os.environ, "_STATEDIFF_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    done = subprocess.run([sys.executable, "-m", "statediff"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_shell_completion_of_commands_options_and_choices() -> None:
    assert _complete("statediff comp", 1) == ["compare"]
    assert _complete("statediff compare --for", 2) == ["--format"]
    assert _complete("statediff compare --format ", 3) == ["text", "html", "json"]
    assert _complete("statediff track --col", 2) == ["--color"]
    # Named explicitly, the shell is not guessed from the parent process (a job started in the
    # background has none that typer's detection recognises).
    script = subprocess.run([sys.executable, "-m", "statediff", "--show-completion", "bash"], capture_output=True,
                            text=True, timeout=60,
                            env={**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert script.returncode == 0 and "_STATEDIFF_COMPLETE=complete_bash" in script.stdout


def test_help_names_arguments_without_internal_type_names(capsys) -> None:
    usages = {"compare": "LEFT RIGHT", "clauses": "DOC", "track": "DOC DOC [DOC ...]", "schema": "NAME",
              "batch": "MANIFEST"}
    for command, args in usages.items():
        assert main([command, "--help"]) == 0
        out = capsys.readouterr()[0]
        assert out.startswith(f"Usage: statediff {command} [OPTIONS] {args}\n")
        assert "<str>" not in out and "list[str]" not in out and "{" not in out and "float range" not in out
    assert main(["compare", "--help"]) == 0
    assert "  --format <text|html|json>" in capsys.readouterr()[0].replace("-f, ", "")  # choices stay


def test_values_taken_as_given_are_what_typers_coercion_gives() -> None:
    """cli_options takes defaults, strings, enum members and exactly typed choices as given (sparing a
    plain comparison pydantic); for each parameter of each command, typer's own coercion agrees."""
    from enum import Enum

    from typer.main import get_command

    from statediff.cli import app
    from statediff.cli_options import _CONVERT, _as_given

    group = get_command(app)
    commands = [(None, group), *group.commands.items()]  # type: ignore[attr-defined]
    checked = 0
    for name, command in commands:
        ctx = command.context_class(command, info_name=name or "statediff")
        for param in command.get_params(ctx):
            annotation = param.type_descriptor.annotation
            values = [None, param.default, "a string"]
            if isinstance(annotation, type) and issubclass(annotation, Enum):
                values += [*annotation, *(m.value for m in annotation), "not a choice"]
            for value in values:
                given = _as_given(param, value, ctx)
                if given is _CONVERT:
                    continue
                typers = param.get_runtime_param()._typers().coerce(value, param=param, ctx=ctx)
                assert type(given) is type(typers) and given == typers, (name, param.name, value)
                checked += 1
    assert checked > 100


def test_a_plain_comparison_loads_no_pydantic() -> None:
    code = ("import sys; from statediff.cli import main; "
            f"code = main(['compare', {TELE!r}, {MOFA!r}, '-f', 'json', '-o', {os.devnull!r}]); "
            "print(code, any(m.split('.')[0] == 'pydantic' for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.split() == ["1", "False"]


def test_a_document_of_several_meetings_read_whole_says_how_to_pick_one(capsys, tmp_path) -> None:
    whole = JF / "2017-01-06-japan-defense-focus-85-third-2plus2.txt"
    right = JF / "2022-01-20-sixth-2plus2-mofa-readout.txt"
    main(["compare", str(whole), str(right), "--digest"])
    first = capsys.readouterr().out.splitlines()[0]
    assert first.endswith("[4 parts (PATH#N picks one)]")
    main(["compare", f"{whole}#2+2", str(right), "--digest"])
    assert "parts (PATH#N" not in capsys.readouterr().out  # one part chosen
    out = tmp_path / "r.html"
    main(["compare", str(whole), str(right), "-f", "html", "-o", str(out)])
    assert "4 parts (PATH#N picks one)" in out.read_text(encoding="utf-8")
