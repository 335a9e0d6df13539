"""``statediff batch``: many pairs from a manifest, one report each, a JSON lines summary, resuming."""

from __future__ import annotations

import json
import shutil

import pytest

from statediff.cli import main

from .conftest import JF

TELE = "2021-01-15-defence-ministers-teleconference.txt"
MOFA = "2022-01-20-sixth-2plus2-mofa-readout.txt"
CONS = "2021-10-19-political-directors-consultations-tokyo.txt"


@pytest.fixture
def folder(tmp_path):
    for name in (TELE, MOFA, CONS):
        shutil.copy(JF / name, tmp_path / name)
    return tmp_path


def _summary(out) -> list[dict]:
    return [json.loads(line) for line in (out / "summary.jsonl").read_text(encoding="utf-8").splitlines()]


def test_a_csv_watch_list_gives_reports_a_summary_and_goes_on_past_a_bad_pair(folder, capsys) -> None:
    (folder / "watch.csv").write_text(f"left,right,name\n{TELE},{MOFA},tele-2plus2\nmissing.txt,{MOFA},\n"
                                      f"{MOFA},{MOFA},same\n", encoding="utf-8")
    out = folder / "out"
    code = main(["batch", str(folder / "watch.csv"), "-d", str(out), "-f", "json"])
    stdout, err = capsys.readouterr()
    assert code == 2 and err == ""
    assert stdout == f"3 pairs: 1 changed, 1 unchanged, 1 failed; summary in {out / 'summary.jsonl'}\n"
    rows = _summary(out)
    assert [(r["name"], r["status"]) for r in rows] == [
        ("tele-2plus2", "changed"), (f"missing--{MOFA[:-4]}", "error"), ("same", "unchanged")]
    assert rows[0]["added"] == 33 and rows[0]["dropped"] == 16 and rows[0]["report"] == "tele-2plus2.json"
    assert "missing.txt" in rows[1]["error"] and "report" not in rows[1]
    report = json.loads((out / "tele-2plus2.json").read_text(encoding="utf-8"))
    assert report["schema"] == "statediff.comparison/1" and report["summary"]["added"] == 33
    assert sorted(p.name for p in out.iterdir()) == ["same.json", "summary.jsonl", "tele-2plus2.json"]


def test_a_second_run_resumes_without_redoing_finished_pairs(folder, capsys) -> None:
    (folder / "watch.csv").write_text(f"left,right\n{TELE},{MOFA}\nmissing.txt,{MOFA}\n{CONS},{MOFA}\n",
                                      encoding="utf-8")
    out = folder / "out"
    main(["batch", str(folder / "watch.csv"), "-d", str(out)])
    first = _summary(out)
    done = out / f"{TELE[:-4]}--{MOFA[:-4]}.html"
    stamp = done.stat().st_mtime_ns
    # an interrupted run leaves a cut line at the end, and a report can go missing
    with open(out / "summary.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"name": "cut')
    (out / f"{CONS[:-4]}--{MOFA[:-4]}.html").unlink()
    (folder / "missing.txt").write_text((folder / TELE).read_text(encoding="utf-8"), encoding="utf-8")
    capsys.readouterr()
    code = main(["batch", str(folder / "watch.csv"), "-d", str(out)])
    stdout, _ = capsys.readouterr()
    assert code == 1 and stdout.startswith("3 pairs: 3 changed, 0 unchanged, 0 failed")
    again = [json.loads(line) for line in (out / "summary.jsonl").read_text(encoding="utf-8").splitlines()
             if line.startswith('{"name": "') and line.endswith("}")]
    assert len(first) == 3 and [r["name"] for r in again[3:]] == sorted(
        [f"missing--{MOFA[:-4]}", f"{CONS[:-4]}--{MOFA[:-4]}"], key=[r["name"] for r in first].index)
    assert done.stat().st_mtime_ns == stamp  # the finished pair was not compared again


def test_json_lines_manifest_names_made_unique_and_jobs(folder, capsys) -> None:
    sub = folder / "lists"
    sub.mkdir()
    lines = [{"left": f"../{TELE}", "right": f"../{MOFA}"}, {"left": f"../{TELE}", "right": f"../{MOFA}"},
             {"left": str(folder / CONS), "right": f"../{MOFA}", "name": "cons / 2+2"}]
    (sub / "watch.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    code = main(["batch", str(sub / "watch.jsonl"), "-d", str(folder / "out"), "--jobs", "2", "-f", "text"])
    capsys.readouterr()
    rows = _summary(folder / "out")
    names = {r["name"] for r in rows}
    assert code == 1 and names == {f"{TELE[:-4]}--{MOFA[:-4]}", f"{TELE[:-4]}--{MOFA[:-4]}-2", "cons-2+2"}
    assert all(r["status"] == "changed" and (folder / "out" / r["report"]).read_text(encoding="utf-8").startswith("--- ")
               for r in rows)


@pytest.mark.parametrize("manifest, message", [
    ("a,b\nx,y\n", "needs a header with 'left' and 'right'"),
    ('{"left": "a.txt"}\n', "each pair needs 'left' and 'right'"),
    ('{"left": "a.txt", "right": \n', "not a JSON object"),
])
def test_a_bad_manifest_is_one_line_exit_2(tmp_path, capsys, manifest, message) -> None:
    (tmp_path / "m.txt").write_text(manifest, encoding="utf-8")
    code = main(["batch", str(tmp_path / "m.txt"), "-d", str(tmp_path / "out")])
    _, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1 and message in err and not (tmp_path / "out").exists()


def test_batch_on_a_dask_scheduler(folder, capsys) -> None:
    distributed = pytest.importorskip("distributed")
    (folder / "watch.csv").write_text(f"left,right\n{TELE},{MOFA}\n{CONS},{MOFA}\n", encoding="utf-8")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        code = main(["batch", str(folder / "watch.csv"), "-d", str(folder / "dask"), "--scheduler", cluster.scheduler_address,
                     "-f", "json"])
    main(["batch", str(folder / "watch.csv"), "-d", str(folder / "local"), "-f", "json"])
    capsys.readouterr()
    assert code == 1
    for r in _summary(folder / "local"):
        assert (folder / "dask" / r["report"]).read_text(encoding="utf-8") == \
            (folder / "local" / r["report"]).read_text(encoding="utf-8")


def test_progress_counts_finished_pairs_including_earlier_ones(folder) -> None:
    from statediff.batch import read_manifest, run_batch
    from statediff.cli import write_output

    (folder / "watch.csv").write_text(f"left,right\n{TELE},{MOFA}\n{CONS},{MOFA}\n", encoding="utf-8")
    pairs = read_manifest(str(folder / "watch.csv"))
    seen: list[tuple[int, int]] = []
    run_batch(pairs[:1], str(folder / "out"), write=write_output, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(0, 1), (1, 1)]
    seen.clear()
    rows = run_batch(pairs, str(folder / "out"), write=write_output, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 2), (2, 2)] and [r["status"] for r in rows] == ["changed", "changed"]
