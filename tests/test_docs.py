"""Docs that cannot drift: the CLI reference is generated from --help and must match docs/cli.md.

Regenerate with ``python -m pytest tests/test_docs.py --update-golden``.
"""

from __future__ import annotations

from typer.testing import CliRunner

from statediff.cli import app

from .conftest import ROOT

CLI_DOC = ROOT / "docs" / "cli.md"
HEADER = """# CLI reference

Generated from `statediff --help`; `tests/test_docs.py` keeps this file equal to the real help text
(regenerate with `python -m pytest tests/test_docs.py --update-golden`).

Exit codes, as for GNU diff: **0** no substantive change (cosmetic differences only, or none),
**1** changes found, **2** trouble (a bad input gets one line on standard error; a usage error gets
the usage message).
"""


def _commands() -> list[str]:
    from typer.main import get_command

    return sorted(get_command(app).commands)  # type: ignore[attr-defined]


def cli_reference() -> str:
    runner = CliRunner()
    parts = [HEADER]
    for args, title in [([], "statediff"), *(([c], f"statediff {c}") for c in _commands())]:
        result = runner.invoke(app, [*args, "--help"], prog_name="statediff", terminal_width=100,
                               env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"})
        assert result.exit_code == 0, result.output
        parts.append(f"\n## `{title}`\n\n```text\n{result.output.rstrip()}\n```\n")
    return "".join(parts)


def test_cli_reference_is_current(update_golden: bool) -> None:
    text = cli_reference()
    if update_golden:
        CLI_DOC.write_text(text, encoding="utf-8")
    assert CLI_DOC.read_text(encoding="utf-8") == text


def test_readme_commands_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = next(line for line in readme.splitlines() if "python -m pytest" in line and "venv" in line)
    assert test_command.strip() in ci
    for path in ("fixtures/japan-france/2021-01-15-defence-ministers-teleconference.txt",
                 "fixtures/japan-france/2022-01-20-sixth-2plus2-mofa-readout.txt"):
        assert path in readme and (ROOT / path).is_file()


def test_readme_example_output_is_real(capsys) -> None:
    from statediff.cli import main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("## What the output looks like", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    jf = ROOT / "fixtures" / "japan-france"
    code = main(["compare", str(jf / "2021-01-15-defence-ministers-teleconference.txt"),
                 str(jf / "2022-01-20-sixth-2plus2-mofa-readout.txt")])
    output = capsys.readouterr().out.splitlines()
    assert code == 1
    assert [line for line in example.splitlines() if line.strip() and line not in output] == []
