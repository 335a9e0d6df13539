"""Bad input, through the command line: each case works in bounded time or fails with one line on
standard error (``statediff: ...``), exit 2 and no traceback; ``-o`` never leaves half a report.
"""

from __future__ import annotations

import builtins
import json
import os
import subprocess
import sys

import pytest

import statediff
from statediff import reader
from statediff.cli import main

from .conftest import CORPORA, JF

MOFA = JF / "2022-01-20-sixth-2plus2-mofa-readout.txt"
TELECON = JF / "2021-01-15-defence-ministers-teleconference.txt"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([*args])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(code: int, err: str) -> bool:
    return code == 2 and err.startswith("statediff: ") and err.count("\n") == 1 and "Traceback" not in err


# --------------------------------------------------------------------------------------------------
# Files that are not there or cannot be read
# --------------------------------------------------------------------------------------------------


def test_missing_file(tmp_path, capsys) -> None:
    code, out, err = run(capsys, "compare", str(tmp_path / "nope.txt"), str(MOFA))
    assert one_line_error(code, err) and "nope.txt: no such file" in err and out == ""


def test_directory(tmp_path, capsys) -> None:
    code, _, err = run(capsys, "clauses", str(tmp_path))
    assert one_line_error(code, err) and "is a directory" in err


def test_unreadable_file(tmp_path, capsys, monkeypatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("The Ministers met.", encoding="utf-8")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make open() refuse as it would for a user
        real_open = builtins.open

        def refusing_open(file, *args, **kwargs):
            if os.fspath(file) == str(path):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", refusing_open)
    code, _, err = run(capsys, "compare", str(path), str(MOFA))
    assert one_line_error(code, err) and "secret.txt: permission denied" in err


def test_binary_file(tmp_path, capsys) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 64)
    code, _, err = run(capsys, "compare", str(MOFA), str(path))
    assert one_line_error(code, err) and "binary" in err


def test_invalid_bytes(tmp_path, capsys) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes(MOFA.read_bytes()[:2000] + b"\xc3\x28\xa0\xa1" + MOFA.read_bytes()[2000:4000])
    code, _, err = run(capsys, "compare", str(path), str(MOFA))
    assert one_line_error(code, err) and "not valid UTF-8" in err and "--encoding" in err
    code, _, err = run(capsys, "clauses", str(MOFA), "--encoding", "no-such-codec")
    assert one_line_error(code, err) and "unknown encoding" in err


# --------------------------------------------------------------------------------------------------
# Empty documents are valid
# --------------------------------------------------------------------------------------------------


def test_empty_file_compares_as_all_added_or_dropped(tmp_path, capsys) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, _ = run(capsys, "compare", str(empty), str(MOFA), "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["left"]["clauses"] == []
    assert data["summary"]["added"] == len(data["right"]["clauses"]) > 0 and data["summary"]["dropped"] == 0
    code, out, _ = run(capsys, "compare", str(MOFA), str(empty), "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["summary"]["dropped"] == len(data["left"]["clauses"]) and data["summary"]["added"] == 0
    blank = tmp_path / "blank.txt"
    blank.write_text("\n  \n\t\n", encoding="utf-8")
    code, out, _ = run(capsys, "compare", str(empty), str(blank), "--format", "json")
    assert code == 0 and json.loads(out)["pairs"] == []


# --------------------------------------------------------------------------------------------------
# HTML that is broken or absurd
# --------------------------------------------------------------------------------------------------


def test_malformed_html_still_reads(tmp_path, capsys) -> None:
    page = tmp_path / "broken.html"
    page.write_text("<html><body><div><p>The Ministers reaffirmed the <b>Exceptional <i>Partnership.</p>"
                    "<p>They welcomed &bogus; progress</table></td> on defence equipment.<div></span>",
                    encoding="utf-8")
    code, out, _ = run(capsys, "clauses", str(page), "--format", "json")
    texts = [c["text"] for c in json.loads(out)["clauses"]]
    assert code == 0
    assert texts == ["The Ministers reaffirmed the Exceptional Partnership.",
                     "They welcomed &bogus; progress on defence equipment."]


def test_deeply_nested_html(tmp_path, capsys) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 1500 + "<p>The Ministers met.</p>" + "</div>" * 1500
                    + "</body></html>", encoding="utf-8")
    code, out, _ = run(capsys, "clauses", str(page), "--format", "json")
    assert code == 0 and [c["text"] for c in json.loads(out)["clauses"]] == ["The Ministers met."]
    page.write_text("<html><body>" + "<div>" * 100_000 + "<p>Lost below the parser's limit.</p></body></html>",
                    encoding="utf-8")
    code, _, err = run(capsys, "compare", str(page), str(MOFA))
    assert one_line_error(code, err) and "nested more than" in err


# --------------------------------------------------------------------------------------------------
# Size
# --------------------------------------------------------------------------------------------------


def test_single_5mb_line(tmp_path, capsys) -> None:
    words = MOFA.read_text(encoding="utf-8").split()
    line = " ".join(words * (5_000_000 // len(" ".join(words)) + 1))[:5_000_000]
    path = tmp_path / "one-line.txt"
    path.write_text(line, encoding="utf-8")
    code, _, err = run(capsys, "compare", str(path), str(MOFA))
    assert one_line_error(code, err) and "line 1 is 5,000,000 characters long" in err


def test_100000_identical_lines(tmp_path, capsys, monkeypatch) -> None:
    path = tmp_path / "repeated.txt"
    path.write_text("The Ministers met.\n" * 100_000, encoding="utf-8")
    _never_cut(monkeypatch, longer_than=100_000)  # ten times limits.MAX_CLAUSES: refused before it is cut
    code, _, err = run(capsys, "compare", str(path), str(TELECON), "--format", "json")
    assert one_line_error(code, err) and "repeated.txt is too long to compare: more than 10,000 clauses" in err


def test_10000_identical_lines(tmp_path, capsys) -> None:
    path = tmp_path / "repeated.txt"
    path.write_text("The Ministers met.\n" * 10_000, encoding="utf-8")  # limits.MAX_CLAUSES
    code, out, _ = run(capsys, "compare", str(path), str(TELECON), "--format", "json")
    data = json.loads(out)
    assert code == 1 and len(data["left"]["clauses"]) == 10_000
    assert sum(len(p["left"]) for p in data["pairs"]) == 10_000  # every clause placed exactly once


def test_too_many_clause_pairs_are_refused(tmp_path, capsys, monkeypatch) -> None:
    # 100,000 lines against themselves would need 10^10 similarity scores; the same refusal, shown on
    # 2,000 lines against a lowered limit so that the test stays quick.
    path = tmp_path / "repeated.txt"
    path.write_text("The Ministers reaffirmed their commitment to a free and open Indo-Pacific.\n" * 2_000,
                    encoding="utf-8")
    monkeypatch.setattr("statediff.limits.MAX_CLAUSE_PAIRS", 1_000_000)
    code, _, err = run(capsys, "compare", str(path), str(path))
    assert one_line_error(code, err) and "repeated.txt and repeated.txt each have more than 1,000 clauses" in err
    doc = statediff.read(path)
    with pytest.raises(statediff.LimitError, match="repeated.txt has 2,000 and repeated.txt 2,000"):
        statediff.compare(doc, doc)


def test_50mb_file(tmp_path, capsys) -> None:
    path = tmp_path / "huge.txt"
    chunk = MOFA.read_bytes()
    with open(path, "wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
    assert path.stat().st_size > 50 * 1024 * 1024
    code, _, err = run(capsys, "compare", str(path), str(MOFA))
    assert one_line_error(code, err) and "too large" in err
    # Through standard input the size is unknown in advance: reading stops at the limit.
    proc = subprocess.run([sys.executable, "-m", "statediff", "compare", "-", str(MOFA)], stdin=open(path, "rb"),
                          capture_output=True, text=True, timeout=120)
    assert one_line_error(proc.returncode, proc.stderr) and f"more than {reader.MAX_BYTES:,} bytes" in proc.stderr


# --------------------------------------------------------------------------------------------------
# Output files: atomic, never half a report, never clobbered by a failure
# --------------------------------------------------------------------------------------------------


def test_failing_run_writes_nothing_and_keeps_the_old_report(tmp_path, capsys) -> None:
    fresh = tmp_path / "fresh.html"
    code, _, err = run(capsys, "compare", str(tmp_path / "missing.txt"), str(MOFA), "-o", str(fresh))
    assert one_line_error(code, err) and not fresh.exists()
    old = tmp_path / "old.html"
    old.write_text("the previous report", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    code, _, err = run(capsys, "compare", str(binary), str(MOFA), "-o", str(old), "--format", "html")
    assert one_line_error(code, err) and old.read_text(encoding="utf-8") == "the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["binary.txt", "old.html"]  # no temporary left


def test_crash_while_rendering_leaves_no_half_report(tmp_path, capsys, monkeypatch) -> None:
    target = tmp_path / "report.html"
    target.write_text("the previous report", encoding="utf-8")

    def broken_render(*args, **kwargs):
        raise RuntimeError("renderer bug")

    monkeypatch.setattr("statediff.renderers.render", broken_render)
    code, _, err = run(capsys, "compare", str(TELECON), str(MOFA), "-o", str(target), "--format", "html")
    assert one_line_error(code, err) and "internal error" in err
    assert target.read_text(encoding="utf-8") == "the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_write_failure_midway_keeps_the_old_report(tmp_path, capsys, monkeypatch) -> None:
    target = tmp_path / "report.json"
    target.write_text("the previous report", encoding="utf-8")

    def failing_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    code, _, err = run(capsys, "compare", str(TELECON), str(MOFA), "-o", str(target), "--format", "json")
    assert one_line_error(code, err) and "No space left on device" in err
    assert target.read_text(encoding="utf-8") == "the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_successful_run_replaces_the_report_with_a_normal_mode(tmp_path, capsys) -> None:
    target = tmp_path / "report.json"
    code, _, _ = run(capsys, "compare", str(TELECON), str(MOFA), "-o", str(target), "--format", "json")
    assert code == 1 and json.loads(target.read_text(encoding="utf-8"))["schema"] == "statediff.comparison/1"
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask  # not mkstemp's private 0600
    target.chmod(0o640)
    run(capsys, "compare", str(TELECON), str(MOFA), "-o", str(target), "--format", "json")
    assert target.stat().st_mode & 0o777 == 0o640  # the replaced file's mode is kept
    code, _, err = run(capsys, "compare", str(TELECON), str(MOFA), "-o", str(tmp_path / "no" / "dir.json"))
    assert one_line_error(code, err) and "does not exist" in err


# --------------------------------------------------------------------------------------------------
# The real command in a process of its own
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("args,message", [
    (["compare", "no-such-file.txt", str(MOFA)], "no-such-file.txt: no such file"),
    (["clauses", "."], "is a directory"),
])
def test_subprocess_one_line_no_traceback(args, message) -> None:
    proc = subprocess.run([sys.executable, "-m", "statediff", *args], capture_output=True, text=True, timeout=120)
    assert one_line_error(proc.returncode, proc.stderr) and message in proc.stderr and proc.stdout == ""


# --------------------------------------------------------------------------------------------------
# A comparison reports only real change
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("odd", ["...", "*.*", "\u2014 \u2014 \u2014", "\u2026"])
def test_a_clause_without_letters_compared_with_itself_is_unchanged(tmp_path, capsys, odd) -> None:
    path = tmp_path / "x.txt"
    path.write_text(f"We agreed.\n\n{odd}\n\n{'-' * 72}\n\nWe met again.\n", encoding="utf-8")
    code, out, err = run(capsys, "compare", str(path), str(path))
    assert (code, err) == (0, "") and "No substantive change." in out


def test_two_swapped_sentences_are_the_same_move_both_ways(tmp_path, capsys) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("We will reduce our holdings. We are committed to full employment.\n", encoding="utf-8")
    b.write_text("We are committed to full employment. We will reduce our holdings.\n", encoding="utf-8")
    moved = []
    for x, y in ((a, b), (b, a)):
        code, out, err = run(capsys, "compare", str(x), str(y), "-f", "json")
        pairs = json.loads(out)["pairs"]
        moved.append({p["left_text"] for p in pairs if p["moved"]})
    assert moved[0] == moved[1] and len(moved[0]) == 1


# --------------------------------------------------------------------------------------------------
# Input text never acts as a terminal control
# --------------------------------------------------------------------------------------------------

# (a NUL makes a file binary: refused)
HOSTILE_CONTROLS = ["\x1b]0;TITLE\x07", "\x1b[2J", "\x1b]52;c;aGk=\x07", "\x9b31m", "\x7f", "\u202e", "\u2066"]


def _inert(text: str) -> bool:
    """No character a terminal obeys: C0 (but line breaks), DEL, C1, bidi embeddings and isolates."""
    bidi = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    return not any(ord(ch) < 0x20 and ch != "\n" or 0x7F <= ord(ch) < 0xA0 or ch in bidi for ch in text)


def test_escape_sequences_in_statements_are_shown_not_obeyed(tmp_path, capsys) -> None:
    # A real statement's length around the few hostile characters (a file mostly of control bytes is
    # refused as binary).
    body = MOFA.read_text(encoding="utf-8")
    hostile = body + "".join(f"({k}) We agreed {c} on item {k}.\n\n" for k, c in enumerate(HOSTILE_CONTROLS, 1))
    plain = body + "".join(f"({k}) We agreed on item {k}.\n\n" for k in range(1, len(HOSTILE_CONTROLS) + 1))
    a, b = tmp_path / "2021-01-01 \x1b[31mred.txt", tmp_path / "2022-01-01.txt"
    a.write_text(plain, encoding="utf-8")
    b.write_text(hostile, encoding="utf-8")
    # --all: a control character alone changes no word, so its pair is unchanged (and hidden without it).
    for args in (["compare", str(a), str(b), "--all"], ["compare", str(a), str(b), "--all", "--color", "always"],
                 ["clauses", str(b)], ["track", str(a), str(b), "--all"],
                 ["track", str(a), str(b), "--all", "--color", "always"]):
        code, out, err = run(capsys, *args)
        assert code in (0, 1) and err == "", (args, err)
        painted = out.replace("\x1b[31m", "").replace("\x1b[32m", "").replace("\x1b[2m", "") \
            .replace("\x1b[1m", "").replace("\x1b[0m", "")
        if "--color" not in args:
            assert painted == out
        assert _inert(painted), args
        assert "{+<U+009B>31m +}" in out or args[0] == "clauses"  # a changed pair, shown
        if args[0] != "track":  # track prints no text for an unchanged revision
            assert "\u241b]0;TITLE\u2407" in out and "<U+202E>" in out and "\u241b[2J" in out
    code, out, err = run(capsys, "compare", str(tmp_path / "missing \x1b[2J\x9b.txt"), str(b))
    assert one_line_error(code, err) and _inert(err) and "\u241b[2J" in err


# --------------------------------------------------------------------------------------------------
# Output files
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["compare", "clauses", "track"])
def test_output_equal_to_an_input_is_refused_and_the_input_kept(tmp_path, capsys, command) -> None:
    a, b = tmp_path / "2021-01-15.txt", tmp_path / "2022-01-20.txt"
    a.write_bytes(TELECON.read_bytes())
    b.write_bytes(MOFA.read_bytes())
    args = {"compare": ["compare", str(a), str(b)], "clauses": ["clauses", str(b)],
            "track": ["track", str(a), str(b)]}[command]
    for target in (str(b), str(tmp_path / "." / b.name), f"{b}#1"):
        code, out, err = run(capsys, *args, "-o", target.split("#")[0])
        assert one_line_error(code, err) and "is also an input" in err
        assert b.read_bytes() == MOFA.read_bytes()
    link = tmp_path / "link.txt"
    link.symlink_to(b)
    code, out, err = run(capsys, *args, "-o", str(link))
    assert one_line_error(code, err) and b.read_bytes() == MOFA.read_bytes()


def test_output_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path, capsys) -> None:
    target, link = tmp_path / "report.txt", tmp_path / "latest.txt"
    link.symlink_to(target)
    code, out, err = run(capsys, "compare", str(TELECON), str(MOFA), "-o", str(link))
    assert code == 1 and err == ""
    assert link.is_symlink() and "status quo" in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".statediff-")] == []


def test_output_to_a_named_pipe_writes_to_it_and_never_replaces_it(tmp_path, capsys) -> None:
    # A named pipe stands for any node that is not a regular file (/dev/null, a terminal): the report
    # goes into it, and the node stays what it was. (Not /dev/null itself: a regression would replace
    # the machine's /dev/null with a file.)
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, out, err = run(capsys, "compare", str(TELECON), str(MOFA), "-o", str(fifo))
    reader.join(timeout=30)
    assert code == 1 and err == "" and out == ""
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert b"status quo" in got[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


@pytest.mark.parametrize("sig,code,word", [("SIGINT", 130, "interrupted"), ("SIGTERM", 143, "terminated")])
def test_a_signal_while_the_report_is_written_leaves_no_temporary_file(tmp_path, sig, code, word) -> None:
    # The child stops inside the write (os.fsync waits for the signal), as a Ctrl-C or a kill would.
    script = (
        "import os, signal, sys\n"
        "from statediff import cli\n"
        "real = os.fsync\n"
        "def slow(fd):\n"
        f"    os.kill(os.getpid(), signal.{sig})\n"
        "    real(fd)\n"
        "os.fsync = slow\n"
        f"sys.exit(cli.main(['compare', {str(TELECON)!r}, {str(MOFA)!r}, '-o', {str(tmp_path / 'r.txt')!r}]))\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == code
    assert proc.stderr == f"statediff: {word}\n"
    assert list(tmp_path.iterdir()) == []


def test_track_starts_no_more_workers_than_pairs(monkeypatch, capsys) -> None:
    import concurrent.futures

    started = []
    real = concurrent.futures.ProcessPoolExecutor

    class Counting(real):
        def __init__(self, max_workers=None, **kw):
            started.append(max_workers)
            super().__init__(max_workers=max_workers, **kw)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Counting)
    series = sorted((JF.parent / "corpora" / "aukus-leaders-statements").glob("*.txt"))
    code, out, err = run(capsys, "track", *map(str, series[:2]), "--jobs", "200")
    assert code in (0, 1) and err == "" and started == []  # one pair: no pool at all
    code, out, err = run(capsys, "track", *map(str, series[:4]), "--jobs", "200")
    assert code in (0, 1) and err == "" and started == [3]


# --------------------------------------------------------------------------------------------------
# Text lost or structure misread
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("first", ["Voting for the action were: Ben S. Bernanke, Chairman; Kevin",
                                   "Voting for the action were Ben S. Bernanke, Chairman, and Kevin"])
def test_a_wrapped_first_paragraph_keeps_its_first_line(capsys, monkeypatch, first) -> None:
    import io

    text = f"FOMC Statement\n\n{first}\nM. Warsh; and Janet L. Yellen.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    code, out, err = run(capsys, "clauses", "-", "-f", "json")
    assert code == 0 and err == ""
    clauses = json.loads(out)["clauses"]
    assert len(clauses) == 1 and clauses[0]["text"].startswith("Voting for the action were")
    assert clauses[0]["text"].endswith("Kevin M. Warsh; and Janet L. Yellen.")


def test_an_item_number_before_a_narrow_no_break_space_is_a_number(tmp_path, capsys) -> None:
    path = tmp_path / "s.txt"
    path.write_text("1.\u202fWe support peace.\n\n2.\u2009We oppose war.\n", encoding="utf-8")
    code, out, err = run(capsys, "clauses", str(path), "-f", "json")
    assert [(c["number"], c["text"]) for c in json.loads(out)["clauses"]] == \
        [("1", "We support peace."), ("2", "We oppose war.")]


@pytest.mark.parametrize("before,after", [
    ("The Ministers Agreed to meet again.", "The Ministers agreed to meet again."),
    ("The Ministers agreed, to meet again.", "The Ministers agreed to meet again."),
    ("They welcomed ROK-U.S. cooperation.", "They welcomed ROK\u2011U.S. cooperation."),
    ("They welcomed the U.S.\nposition on trade.", "They welcomed the U.S. position on trade."),
])
def test_a_cosmetic_only_edit_is_unchanged_with_exit_0_in_compare_and_track(tmp_path, capsys, before, after) -> None:
    a, b = tmp_path / "2021-01-01.txt", tmp_path / "2022-01-01.txt"
    a.write_text(f"(1) We met in Tokyo.\n\n(2) {before}\n", encoding="utf-8")
    b.write_text(f"(1) We met in Tokyo.\n\n(2) {after}\n", encoding="utf-8")
    code, out, err = run(capsys, "compare", str(a), str(b), "-f", "json")
    data = json.loads(out)
    assert code == 0 and err == ""
    assert all(p["status"] == "unchanged" for p in data["pairs"])
    assert all(set(p["labels"]) <= {"cosmetic"} for p in data["pairs"])
    code, out, err = run(capsys, "track", str(a), str(b), "-f", "json")
    assert code == 0 and err == ""
    statuses = {h["status"] for lin in json.loads(out)["lineages"] for h in lin["history"][1:]}
    assert statuses == {"unchanged"}


def test_a_damaged_pdf_gets_one_line_and_none_of_the_parsers_notes(tmp_path, capsys) -> None:
    pytest.importorskip("pypdf")
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 10, "(1) We agreed on cooperation.\n\n(2) We met again.")
    data = bytes(pdf.output())
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[:data.rfind(b"%%EOF")])  # "EOF marker not found"
    # A new process, as a user runs it: pypdf's notes go through logging's last-resort handler.
    proc = subprocess.run([sys.executable, "-m", "statediff", "clauses", str(cut)], capture_output=True,
                          text=True, timeout=120)
    assert one_line_error(proc.returncode, proc.stderr) or (proc.returncode == 0 and proc.stderr == "")
    assert "EOF marker" not in proc.stderr and "CAUTION" not in proc.stderr


# --------------------------------------------------------------------------------------------------
# Lexicon files
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("content,message", [
    ('{"intensifiers": "serious"}', "'intensifiers' must be a list"),
    ('{"verbs": {"oppose": "oppose"}}', "'verbs'['oppose'] must be a list"),
    ('{"modals": [1]}', "'modals' must be an object"),
    ('{"stance_words": {"oppose": [1]}}', "'stance_words'['oppose'][0] must be a string"),
    ('{"salience": null}', "'salience' must be a list"),
    ('{"intensifer": [["acutely"]]}', "unknown lexicon key 'intensifer'"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
])
@pytest.mark.parametrize("command", ["clauses", "compare"])
def test_a_malformed_lexicon_fails_the_same_way_for_every_command(tmp_path, capsys, content, message, command) -> None:
    lex = tmp_path / "lexicon.json"
    lex.write_text(content, encoding="utf-8")
    args = ["clauses", str(MOFA)] if command == "clauses" else ["compare", str(TELECON), str(MOFA)]
    code, out, err = run(capsys, *args, "--lexicon", str(lex))
    assert one_line_error(code, err) and message in err and "internal error" not in err


def test_an_endless_lexicon_is_refused_after_a_few_megabytes(capsys) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    code, out, err = run(capsys, "clauses", str(MOFA), "--lexicon", "/dev/zero")
    assert one_line_error(code, err) and "larger than 4 MB" in err


# --------------------------------------------------------------------------------------------------
# Standard output that goes away or fills up
# --------------------------------------------------------------------------------------------------


def test_a_reader_that_goes_away_ends_the_run_quietly_with_141() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "statediff", "compare", str(TELECON), str(MOFA)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # as `| true` does, before statediff writes
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141 and err == ""


def test_a_full_standard_output_is_one_line_and_exit_2() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "statediff", "compare", str(TELECON), str(MOFA)],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert one_line_error(proc.returncode, proc.stderr) and "standard output" in proc.stderr


def test_a_numbered_paragraph_after_a_bullet_list_keeps_its_own_number(tmp_path, capsys) -> None:
    path = tmp_path / "s.txt"
    path.write_text("Joint Statement\n\n- We support peace.\n- We oppose war.\n\n3. The Ministers agreed to meet again.\n\n"
                    "4. The Ministers welcomed the talks.\n", encoding="utf-8")
    code, out, err = run(capsys, "clauses", str(path), "-f", "json")
    assert [c["number"] for c in json.loads(out)["clauses"]] == ["b1", "b2", "3", "4"]


def test_a_press_releases_time_and_contacts_are_set_aside(tmp_path, capsys) -> None:
    text = ("For release at 2:00 p.m. EST\n\n1. The Committee decided to maintain the target range.\n\n"
            "2. The Committee will monitor incoming information.\n\n"
            "For media inquiries, please email media@frb.gov or call 202-452-2955.\n")
    path = tmp_path / "s.txt"
    path.write_text(text, encoding="utf-8")
    doc = statediff.read(path)
    assert [c.number for c in doc.clauses] == ["1", "2"]
    assert [text[a:b] for a, b in doc.dropped] == [
        "For release at 2:00 p.m. EST", "For media inquiries, please email media@frb.gov or call 202-452-2955."]


def test_a_paragraph_filled_narrower_than_its_document_is_cut_as_the_original(tmp_path) -> None:
    # FOMC implementation note of December 2015, its quoted directive re-filled at 50 columns inside a
    # document filled at 75: the first line of the directive is no heading.
    source = (JF.parent / "corpora" / "fomc-implementation-notes-2015-2016" / "2015-12-16.txt").read_text(encoding="utf-8")
    start = source.index('"Effective December 17, 2015')
    end = source.index("\n\n", start)
    import textwrap

    narrow = source[:start] + textwrap.fill(" ".join(source[start:end].split()), 50) + source[end:]
    a, b = statediff.parse(source), statediff.parse(narrow)
    assert [c.text for c in a.clauses] == [c.text for c in b.clauses]
    assert not statediff.compare(a, b).changed


def test_doubled_spaces_in_a_heading_are_no_rename(tmp_path, capsys) -> None:
    body = "\n\n(1) We oppose change by force.\n\n2. Other matters\n\n(1) We met.\n"
    a = statediff.parse("Joint Statement\n\n1. Regional affairs and the Indo-Pacific" + body)
    b = statediff.parse("Joint Statement\n\n1. Regional  affairs and  the Indo-Pacific" + body)
    assert [c.section for c in b.clauses] == [c.section for c in a.clauses]
    assert not statediff.compare(a, b).changed


# --------------------------------------------------------------------------------------------------
# Hostile servers: a raw socket server on 127.0.0.1 that answers each path with a script of its own
# --------------------------------------------------------------------------------------------------


@pytest.fixture
def raw_server():
    import socket
    import threading
    import time

    scripts: dict = {}
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    base = f"http://127.0.0.1:{listener.getsockname()[1]}"

    def answer(conn) -> None:
        with conn:
            try:
                request = b""
                while b"\r\n\r\n" not in request:
                    piece = conn.recv(4096)
                    if not piece:
                        return
                    request += piece
                path = request.split(b" ")[1].decode()
                for step in scripts.get(path, [b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n"]):
                    if isinstance(step, float):
                        time.sleep(step)
                    else:
                        conn.sendall(step)
            except OSError:  # the client hung up (a deadline test)
                pass

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=answer, args=(conn,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    yield base, scripts
    listener.close()


def _trickle(data: bytes, pause: float) -> list:
    return [x for i in range(len(data)) for x in (data[i:i + 1], pause)]


def test_the_timeout_is_a_deadline_for_trickled_headers_and_slow_redirects(raw_server, capsys) -> None:
    import time

    base, scripts = raw_server
    # Every byte arrives quickly enough for a per-read timeout; the whole answer never would.
    scripts["/trickle"] = _trickle(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nX-Padding: " + b"x" * 200, 0.05)
    for i in range(10):
        scripts[f"/hop{i}"] = [0.3, f"HTTP/1.0 302 Found\r\nLocation: /hop{i + 1}\r\nContent-Length: 0\r\n\r\n".encode()]
    for path in ("/trickle", "/hop0"):
        started = time.monotonic()
        code, out, err = run(capsys, "clauses", base + path, "--timeout", "1")
        assert one_line_error(code, err) and "timed out after 1 s" in err and out == ""
        assert time.monotonic() - started < 5


def test_a_body_cut_short_of_its_length_is_refused(raw_server, capsys) -> None:
    base, scripts = raw_server
    body = b"The Ministers agreed to deepen cooperation. " * 20
    scripts["/short.txt"] = [b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n"
                             b"Connection: close\r\n\r\n" % len(body), body[:300]]
    scripts["/chunked.txt"] = [b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n"
                               b"Connection: close\r\n\r\n100\r\n", body[:40]]
    code, out, err = run(capsys, "clauses", base + "/short.txt")
    assert one_line_error(code, err) and "after 300 of 880 bytes" in err and out == ""
    code, out, err = run(capsys, "clauses", base + "/chunked.txt")
    assert one_line_error(code, err) and "incomplete" in err and out == ""


@pytest.mark.parametrize("answer,message", [
    (b"HTTP/1.1 302 Found\r\nLocation: ftp://127.0.0.1/statement.txt\r\nContent-Length: 0\r\n\r\n",
     "redirected to ftp://127.0.0.1/statement.txt, which is not an http or https URL"),
    (b"HELLO THERE\r\n\r\n", "not a valid HTTP response"),
    (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nabc\r\n", "document is incomplete"),
    (b"HTTP/1.1 200 OK\r\nX-Long: " + b"x" * 70_000 + b"\r\n\r\n", "not a valid HTTP response"),
    (b"HTTP/1.1 200 OK\r\n" + b"X-Many: 1\r\n" * 150 + b"\r\n", "not a valid HTTP response"),
    (b"", "closed the connection without an answer"),
])
def test_malformed_answers_are_one_line(raw_server, capsys, answer, message) -> None:
    base, scripts = raw_server
    scripts["/doc.txt"] = [answer]
    code, out, err = run(capsys, "compare", base + "/doc.txt", str(TELECON))
    assert one_line_error(code, err) and message in err and out == ""
    assert "internal error" not in err


@pytest.mark.parametrize("value", ["inf", "1e400"])
def test_an_endless_timeout_is_refused(raw_server, capsys, value) -> None:
    base, scripts = raw_server
    scripts["/doc.txt"] = [b"HTTP/1.0 200 OK\r\nContent-Length: 11\r\n\r\nWe agreed. "]
    code, out, err = run(capsys, "clauses", base + "/doc.txt", "--timeout", value)
    assert one_line_error(code, err) and "finite number of seconds" in err
    with pytest.raises(statediff.ReadError, match="finite number of seconds"):
        statediff.read(base + "/doc.txt", timeout=float("nan"))


def test_a_charset_that_is_no_character_set_is_ignored(raw_server, capsys) -> None:
    base, scripts = raw_server
    body = rb"We agreed to cooperate on \u0041\x42 and C:\new rules."
    for name in ("unicode_escape", "raw_unicode_escape", "punycode", "rot13", "base64"):
        scripts[f"/{name}.txt"] = [b"HTTP/1.0 200 OK\r\nContent-Type: text/plain; charset=%s\r\n"
                                   b"Content-Length: %d\r\n\r\n" % (name.encode(), len(body)), body]
        code, out, err = run(capsys, "clauses", f"{base}/{name}.txt", "-f", "json")
        assert code == 0, err
        assert json.loads(out)["clauses"][0]["text"] == body.decode()
    code, out, err = run(capsys, "clauses", str(TELECON), "--encoding", "unicode_escape")
    assert one_line_error(code, err) and "unknown encoding 'unicode_escape'" in err


def test_a_named_pipe_that_nobody_writes_to_is_given_up_after_the_timeout(tmp_path, capsys) -> None:
    import time

    fifo = tmp_path / "left.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    code, out, err = run(capsys, "compare", str(fifo), str(TELECON), "--timeout", "0.5")
    assert one_line_error(code, err) and "named pipe that nothing wrote to within 0.5 s" in err
    assert time.monotonic() - started < 5


def test_a_named_pipe_with_a_writer_is_read(tmp_path, capsys) -> None:
    import threading
    import time

    fifo = tmp_path / "left.txt"
    os.mkfifo(fifo)

    def write() -> None:
        time.sleep(0.3)
        with open(fifo, "wb") as fh:
            fh.write(TELECON.read_bytes())

    threading.Thread(target=write, daemon=True).start()
    code, out, err = run(capsys, "compare", str(fifo), str(TELECON))
    assert code == 0 and err == "" and "unchanged" in out


@pytest.mark.parametrize("name", ["Preamble", "Introduction", "PREAMBLE"])
def test_a_first_heading_naming_a_part_of_a_document_is_a_section_not_the_title(tmp_path, capsys, name) -> None:
    path = tmp_path / "2024-05-01-communique.txt"
    path.write_text(f"{name}\n\nWe, the Leaders, met in Rome.\n\nCommitments\n\nWe will act now.\n")
    code, out, err = run(capsys, "clauses", str(path), "-f", "json")
    doc = json.loads(out)
    assert code == 0 and doc["title"] == ""
    assert [c["number"] for c in doc["clauses"]] == ["1.p1", "2.p1"]
    assert [c["section"] for c in doc["clauses"]] == [name.rstrip(":"), "Commitments"]
    titled = tmp_path / "titled.txt"
    titled.write_text(f"Joint Statement of the Leaders\n\n{name}\n\nWe met.\n\nCommitments\n\nWe will act.\n")
    code, out, err = run(capsys, "clauses", str(titled), "-f", "json")
    assert json.loads(out)["title"] == "Joint Statement of the Leaders"


def _paragraphs(folder, name: str, n: int):
    """A file ``name`` in ``folder`` of ``n`` one-sentence paragraphs."""
    path = folder / name
    path.write_text("".join(f"The Ministers met on day {k}.\n\n" for k in range(n)), encoding="utf-8")
    return path


def test_a_pair_past_the_limit_is_refused_before_either_side_is_cut_whole(tmp_path, capsys, monkeypatch) -> None:
    from statediff import segmenter

    monkeypatch.setattr("statediff.limits.MAX_CLAUSE_PAIRS", 10_000)  # 100 x 100
    monkeypatch.setattr("statediff.limits.SURE", 10**9)  # no refusal on the paragraphs alone here
    made: list[int] = []
    real = segmenter._clauses_of
    monkeypatch.setattr(segmenter, "_clauses_of", lambda *a: made.append(1) or real(*a))
    big, small = _paragraphs(tmp_path, "big.txt", 2_000), _paragraphs(tmp_path, "small.txt", 50)
    code, _, err = run(capsys, "compare", str(big), str(big))
    assert one_line_error(code, err) and "big.txt and big.txt each have more than 100 clauses" in err
    assert len(made) < 400  # 2 x 101 paragraphs cut, not 2 x 2,000
    made.clear()
    code, _, err = run(capsys, "compare", str(big), str(small))
    assert one_line_error(code, err) and "big.txt has more than 200 clauses and small.txt has 50" in err
    assert len(made) < 400
    code, _, err = run(capsys, "compare", str(small), str(small))
    assert code == 0, err


def test_a_pair_whose_paragraphs_are_far_past_the_limit_is_refused_before_any_is_cut(tmp_path, capsys,
                                                                                     monkeypatch) -> None:
    from statediff import segmenter

    monkeypatch.setattr("statediff.limits.MAX_CLAUSE_PAIRS", 10_000)  # 100 x 100
    made: list[int] = []
    real = segmenter.segment
    monkeypatch.setattr(segmenter, "segment", lambda *a, **k: made.append(1) or real(*a, **k))
    big, small = _paragraphs(tmp_path, "big.txt", 2_000), _paragraphs(tmp_path, "small.txt", 50)
    code, _, err = run(capsys, "compare", str(big), str(small))
    assert one_line_error(code, err) and "big.txt has at least 2,000 paragraphs and small.txt 50" in err
    assert made == []  # refused on the paragraphs alone: neither text was segmented
    # within SURE times the limit the count of clauses decides: 300 x 50 paragraphs is refused by it
    part = _paragraphs(tmp_path, "part.txt", 300)
    code, _, err = run(capsys, "compare", str(part), str(small))
    assert one_line_error(code, err) and "part.txt has more than 200 clauses and small.txt has 50" in err
    assert made
    # a part of a long document is not judged by the whole document's paragraphs
    made.clear()
    code, _, err = run(capsys, "compare", str(big), str(small), "--left-part", "1")
    assert code == 2 and "paragraphs" not in err and made


def test_the_least_clauses_of_every_fixture_are_no_more_than_its_clauses() -> None:
    from statediff import limits
    from statediff.reader import _text

    from .conftest import CORPORA

    paths = [p for p in sorted(CORPORA.parent.rglob("*")) if p.suffix in (".txt", ".md", ".html")
             and "golden" not in p.parts and p.name not in ("README.md", "SOURCE.md")]
    assert len(paths) > 30
    for path in paths:
        text = _text(path, format=None, encoding=None, timeout=None)[0]
        assert limits.least_clauses(text) <= len(statediff.read(path).clauses), path


def test_a_document_past_the_text_limit_is_refused_by_compare_and_track(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("statediff.limits.MAX_TEXT", 1_000)
    path = tmp_path / "2024-01-01-long.txt"
    path.write_text("The Ministers agreed to deepen their cooperation on many matters. " * 20, encoding="utf-8")
    other = tmp_path / "2024-02-01-short.txt"
    other.write_text("The Ministers agreed.", encoding="utf-8")
    for args in (["compare", str(path), str(other)], ["track", str(path), str(other)]):
        code, out, err = run(capsys, *args)
        # cut into clauses only until they pass the limit
        held = "more than 1,000 characters of clauses"
        assert one_line_error(code, err) and f"2024-01-01-long.txt is too long to compare: {held}" in err
        assert "up to 1,000 characters" in err and out == ""
    assert run(capsys, "clauses", str(path))[0] == 0  # listing its clauses is no comparison


def test_a_document_past_the_clause_limit_is_refused_as_soon_as_its_clauses_pass_it(tmp_path, capsys,
                                                                                     monkeypatch) -> None:
    monkeypatch.setattr("statediff.limits.MAX_CLAUSES", 50)
    short = tmp_path / "short.txt"
    short.write_text("The Ministers agreed.", encoding="utf-8")
    for count, refused in ((50, False), (51, True)):
        path = tmp_path / f"{count}.txt"
        path.write_text("".join(f"The Ministers met on day {k}.\n\n" for k in range(count)), encoding="utf-8")
        code, out, err = run(capsys, "compare", str(path), str(short), "--format", "json")
        if refused:
            assert one_line_error(code, err) and f"{count}.txt is too long to compare: more than 50 clauses" in err
            with pytest.raises(statediff.LimitError, match="51.txt is too long to compare: 51 clauses"):
                statediff.compare(statediff.read(path), statediff.read(short))
        else:
            assert code == 1 and len(json.loads(out)["left"]["clauses"]) == 50
    many = tmp_path / "2024-01-01-many.txt"  # far past it: refused before it is cut into clauses
    many.write_text("The Ministers met.\n" * 201, encoding="utf-8")
    assert run(capsys, "clauses", str(many))[0] == 0  # listing its clauses is no comparison
    _never_cut(monkeypatch, longer_than=1_000)
    for command in ("compare", "track"):
        code, _, err = run(capsys, command, str(many), str(short))
        assert one_line_error(code, err) and "many.txt is too long to compare: more than 50 clauses" in err


def _never_cut(monkeypatch, longer_than: int) -> None:
    """Make cutting a text of more than ``longer_than`` characters into clauses fail: what is refused
    after this was refused before it was cut."""
    from statediff import segmenter

    split_lines = segmenter.split_lines

    def cut(text: str):
        if len(text) > longer_than:
            raise AssertionError("the text was cut into clauses")
        return split_lines(text)

    monkeypatch.setattr(segmenter, "split_lines", cut)


def test_a_text_far_past_the_text_limit_is_refused_before_it_is_cut(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("statediff.limits.MAX_TEXT", 1_000)
    path = tmp_path / "long.txt"
    path.write_text("The Ministers agreed to deepen their cooperation on many matters. " * 70, encoding="utf-8")
    _never_cut(monkeypatch, longer_than=1_000)
    for command in ("compare", "track"):
        code, _, err = run(capsys, command, str(path), str(path))
        assert one_line_error(code, err) and "long.txt is too long to compare: 4,620 characters;" in err


def test_a_furniture_word_inside_a_running_sentence_is_kept(capsys) -> None:
    from .conftest import CORPORA

    path = CORPORA / "counter-ransomware-initiative-joint-statements" / "2021-10-14.txt"
    text = path.read_text(encoding="utf-8")
    wrapped = text.replace("We will\nshare approaches", "We will\nshare\napproaches")
    assert wrapped != text
    before, after = statediff.parse(text), statediff.parse(wrapped)
    assert [c.text for c in after.clauses] == [c.text for c in before.clauses]
    assert any("We will share approaches to capacity building" in c.text for c in after.clauses)
    assert not statediff.compare(before, after).changed
    # Between paragraphs the same word is furniture, set aside.
    aside = statediff.parse("We agreed.\n\nShare\n\nWe met.\n")
    assert [c.text for c in aside.clauses] == ["We agreed.", "We met."] and len(aside.dropped) == 1


_BODY = ("The Ministers reviewed the progress made since their last meeting and agreed to deepen their "
         "cooperation in every field discussed today.\n\nOther Matters\n\nWe met again in Paris on the same day.\n")


@pytest.mark.parametrize("one_line,wrapped", [
    # a title-case heading wrapped at the fill width
    ("Intro.\n\nCooperation on Export Controls and Sanction-Related Export Restrictions\n\n" + _BODY,
     "Intro.\n\nCooperation on Export Controls and Sanction-Related Export\nRestrictions\n\n" + _BODY),
    # a sentence-case heading wrapped
    ("Intro.\n\nStandardization work on critical and emerging technologies\n\n" + _BODY,
     "Intro.\n\nStandardization work on critical and emerging\ntechnologies\n\n" + _BODY),
    # a long title wrapped over several lines
    ("Japan – Consultations between political directors from the Ministry for Europe and Foreign Affairs and "
     "the Ministry of the Armed Forces with their Japanese counterparts (Tokyo, 19 October 2021)\n\n" + _BODY,
     "Japan – Consultations between political directors from\nthe Ministry for Europe and Foreign Affairs and\n"
     "the Ministry of the Armed Forces with their\nJapanese counterparts (Tokyo, 19 October 2021)\n\n" + _BODY),
    # a numbered heading over a numbered paragraph that is wrapped
    ("Intro.\n\n1. General Issues\n\n1. The four ministers confirmed the strong determination of Japan and France "
     "to collaborate.\n\n2. Regional Affairs\n\n2. They discussed the region.\n",
     "Intro.\n\n1. General Issues\n\n1. The four ministers confirmed the strong\ndetermination of Japan and France "
     "to collaborate.\n\n2. Regional Affairs\n\n2. They discussed the region.\n"),
    # an enumeration inside a sentence, wrapped so that "(2)" starts a line
    ("We met today in Paris, and the security policy is based on (1) development of defense capabilities, "
     "(2) the alliance, and (3) cooperative relationships with other countries in the region and beyond. "
     "We agreed.\n\nWe met.\n",
     "We met today in Paris, and the security policy is based on (1) development of\ndefense capabilities,\n"
     "(2) the alliance, and (3) cooperative relationships with other countries in\nthe region and beyond. "
     "We agreed.\n\nWe met.\n"),
    # the same with Roman numerals
    ("The groups have (i) issued a list of 65 key AI terms essential to understanding risk and "
     "(ii) mapped the involvement of both sides in standardisation activities.\n\nWe met.\n",
     "The groups have (i) issued a list of 65 key AI\nterms essential to understanding risk and\n"
     "(ii) mapped the involvement of both sides in\nstandardisation activities.\n\nWe met.\n"),
    # a long title-case subtitle wrapped over four lines
    ("Intro.\n\nB. Cooperation on New and Emerging Technologies\n\nArtificial Intelligence (AI) Roadmap and Pilot "
     "Project on Privacy-Enhancing Technologies and Collaboration on AI and Computing Research for the Public Good"
     "\n\n" + _BODY,
     "Intro.\n\nB. Cooperation on New and Emerging Technologies\n\nArtificial Intelligence (AI) Roadmap and Pilot\n"
     "Project on Privacy-Enhancing Technologies and\nCollaboration on AI and Computing Research for the\nPublic Good"
     "\n\n" + _BODY),
    # a first paragraph re-filled narrower than the rest of the document, after a title-like first line
    ("The 50 members of the International Counter Ransomware Initiative (CRI), Albania, Australia, Austria, "
     "Belgium, Brazil, Bulgaria, Canada, Colombia, met in Washington.\n\n" + _BODY,
     "The 50 members of the International Counter\nRansomware Initiative (CRI), Albania, Australia,\n"
     "Austria, Belgium, Brazil, Bulgaria, Canada,\nColombia, met in Washington.\n\n" + _BODY),
])
def test_re_wrapping_a_heading_or_a_sentence_changes_nothing(one_line, wrapped) -> None:
    a, b = statediff.parse(one_line), statediff.parse(wrapped)
    assert (b.title, [(c.number, c.section, c.text) for c in b.clauses]) == \
        (a.title, [(c.number, c.section, c.text) for c in a.clauses])
    assert not statediff.compare(a, b).changed


def test_a_heading_wrapped_in_the_source_is_one_section() -> None:
    from .conftest import CORPORA

    doc = statediff.read(CORPORA / "us-eu-trade-and-technology-council-joint-statements" / "2024-04-05.txt")
    sections = {c.section for c in doc.clauses}
    assert "Cooperation on Export Controls and Sanction-Related Export Restrictions" in sections
    assert "Restrictions" not in sections


def test_ctrl_c_during_track_with_workers_is_one_line_and_130() -> None:
    import signal
    import time

    from .conftest import CORPORA

    # every corpus document, four times: several seconds of work, so that Ctrl-C comes while workers run
    series = sorted(CORPORA.glob("*/*.txt")) * 4
    proc = subprocess.Popen([sys.executable, "-m", "statediff", "track", *map(str, series), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    time.sleep(1.5)  # the workers are reading and aligning
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole foreground process group
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130 and err == "statediff: interrupted\n"


def test_a_document_of_a_series_past_the_clause_limit_is_refused(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("statediff.limits.MAX_CLAUSES", 50)
    path = tmp_path / "2024-01-01-many.txt"
    path.write_text("".join(f"The Ministers met on day {k}.\n\n" for k in range(60)), encoding="utf-8")
    other = tmp_path / "2024-02-01-short.txt"
    other.write_text("The Ministers agreed.", encoding="utf-8")
    code, out, err = run(capsys, "track", str(path), str(other))
    assert one_line_error(code, err) and "2024-01-01-many.txt is too long to compare: more than 50 clauses" in err
    assert out == ""


def test_track_given_a_directory_says_so(capsys) -> None:
    folder = CORPORA / "aukus-leaders-statements"
    assert main(["track", str(folder)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is a directory: give the documents in it" in err[0]
