"""``python -m lineage`` on a small fixture archive: every command, JSON output, and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from lineage_helpers import make_source

from lineage import Archive, ObjectStore
from lineage.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], run_dir: str, *args: str) -> object:
    code, out, err = run(capsys, "--run-dir", run_dir, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_log_show_best_stats(
    fixture_archive: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    run_dir, ids = fixture_archive
    log = run_json(capsys, run_dir, "log", "-n", "3")
    assert [s["id"] for s in log] == [ids["x"], ids["b"], ids["a"]]  # type: ignore[index]
    code, out, _ = run(capsys, "--run-dir", run_dir, "log")
    assert code == 0 and ids["x"][:12] in out and "crossover" in out
    show = run_json(capsys, run_dir, "show", ids["a"][:8])
    assert show["source"] == make_source(2)  # type: ignore[index]
    assert [e["operator"] for e in show["edges"]] == ["mutate", "llm_rewrite"]  # type: ignore[index]
    assert show["children"] == [ids["x"]] and show["records"][0]["aggregate"] == 0.5  # type: ignore[index]
    code, out, _ = run(capsys, "--run-dir", run_dir, "show", ids["x"][:8])
    assert code == 0 and "crossover" in out and "0.750" in out
    assert "train core 1: 8/8 tasks passed (1.000)" in out and "holdout core 1: 1/2 tasks passed" in out
    best = run_json(capsys, run_dir, "best", "-n", "1")
    assert [s["id"] for s in best] == [ids["x"]]  # type: ignore[index]
    code, out, _ = run(capsys, "--run-dir", run_dir, "best", "--island", "1")
    assert code == 0 and ids["root2"][:12] in out
    stats = run_json(capsys, run_dir, "stats")
    assert stats["counts"] == {"seeds": 5, "edges": 6, "records": 4, "runs": 1, "dedup_hits": 1}  # type: ignore[index]
    assert stats["most_rediscovered"] == [[ids["a"], 1]]  # type: ignore[index]
    code, out, _ = run(capsys, "--run-dir", run_dir, "stats")
    assert code == 0 and "llm_rewrite" in out and "generations" in out


def test_diff_and_show_to_a_pipe_keep_long_lines_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = "x = " + " + ".join(str(i) for i in range(60)) + "\n"
    with Archive.create(str(tmp_path)) as archive:
        a = archive.add("def solve(task, llm, tools):\n    return 1\n" + long).seed_id
        b = archive.add("def solve(task, llm, tools):\n    return 2\n" + long).seed_id
    code, out, _ = run(capsys, "--run-dir", str(tmp_path), "diff", a, b)
    assert code == 0
    assert "-    return 1\n+    return 2\n " + long in out  # exact lines, nothing cut at 80 columns
    code, out, _ = run(capsys, "--run-dir", str(tmp_path), "show", b)
    assert code == 0 and "3 " + long in out


def test_diff_and_tree(
    fixture_archive: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    run_dir, ids = fixture_archive
    diff = run_json(capsys, run_dir, "diff", ids["root"], ids["a"])
    assert "-    k = 0" in diff["diff"] and "+    k = 2" in diff["diff"]  # type: ignore[index]
    assert "-# root" in diff["diff"]  # type: ignore[index]
    canonical = run_json(capsys, run_dir, "diff", ids["root"], ids["a"], "--canonical")
    assert "# root" not in canonical["diff"]  # type: ignore[index]
    tree = run_json(capsys, run_dir, "tree", ids["x"])
    assert {p["id"] for p in tree["parents"]} == {ids["a"], ids["root2"]}  # type: ignore[index]
    shallow = run_json(capsys, run_dir, "tree", ids["x"], "--depth", "1")
    assert all(p.get("truncated") or not p["parents"] for p in shallow["parents"])  # type: ignore[index]
    code, out, _ = run(capsys, "--run-dir", run_dir, "tree", ids["x"])
    assert code == 0 and ids["root"][:12] in out and "crossover" in out


def test_export(
    fixture_archive: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:
    run_dir, ids = fixture_archive
    data = run_json(capsys, run_dir, "export", "--format", "json")
    assert {s["id"] for s in data["seeds"]} == set(ids.values())  # type: ignore[index]
    assert len(data["edges"]) == 6 and len(data["records"]) == 4  # type: ignore[index]
    target = os.path.join(str(tmp_path), "g.graphml")
    code, _, _ = run(capsys, "--run-dir", run_dir, "export", "--format", "graphml", "-o", target)
    assert code == 0
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    graph = ET.parse(target).getroot().find("g:graph", ns)
    assert graph is not None
    assert len(graph.findall("g:node", ns)) == 5 and len(graph.findall("g:edge", ns)) == 5  # parent links


def test_init_add_verify_reindex(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    run_dir = os.path.join(str(tmp_path), "run")
    os.mkdir(run_dir)
    assert run(capsys, "--run-dir", run_dir, "init")[0] == 0
    seed = os.path.join(str(tmp_path), "seed.py")
    with open(seed, "w") as fh:
        fh.write(make_source(9, "hand-written"))
    added = run_json(capsys, run_dir, "add", seed)
    assert added["status"] == "new"  # type: ignore[index]
    assert run_json(capsys, run_dir, "add", seed)["status"] == "already_recorded"  # type: ignore[index]
    assert run_json(capsys, run_dir, "log")[0]["operator"] == "manual"  # type: ignore[index]
    code, out, _ = run(capsys, "--run-dir", run_dir, "verify")
    assert code == 0 and "ok" in out
    assert run_json(capsys, run_dir, "reindex")["seeds"] == 1  # type: ignore[index]


def test_verify_names_each_corrupt_object(
    fixture_archive: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    run_dir, ids = fixture_archive
    store = ObjectStore(os.path.join(run_dir, "objects"))
    with Archive.open(run_dir) as a:
        x_edge = next(str(e["id"]) for e in a.all_edges() if e["child"] == ids["x"])
    victims = [ids["x"], x_edge]
    for oid in victims:
        path = store.path(oid)
        with open(path, "rb") as fh:
            data = bytearray(fh.read())
        data[len(data) // 2] ^= 0xFF
        with open(path, "wb") as fh:
            fh.write(bytes(data))
    code, _, err = run(capsys, "--run-dir", run_dir, "verify")
    assert code == 1
    for oid in victims:
        assert f"corrupt object {oid}" in err
    report = run_json_fail(capsys, run_dir, "verify")
    assert {c["id"] for c in report["corrupt"]} >= set(victims)
    code, _out, err = run(capsys, "--run-dir", run_dir, "show", ids["x"])
    assert code == 1 and err.count("\n") == 1 and any(v in err for v in victims) and "verify" in err


def run_json_fail(
    capsys: pytest.CaptureFixture[str], run_dir: str, *args: str
) -> dict[str, list[dict[str, str]]]:
    code, out, _ = run(capsys, "--run-dir", run_dir, *args, "--json")
    assert code == 1
    return json.loads(out)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["log"], "does not exist"),
        (["show", "abc"], "does not exist"),
    ],
)
def test_missing_run_dir(
    tmp_path: object, capsys: pytest.CaptureFixture[str], args: list[str], needle: str
) -> None:
    code, out, err = run(capsys, "--run-dir", os.path.join(str(tmp_path), "missing"), *args)
    assert code == 1 and needle in err and err.count("\n") == 1 and out == ""


def test_bad_ids_and_missing_index(
    fixture_archive: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    run_dir, _ = fixture_archive
    for bad, needle in (("zz", "not a seed id"), ("000000", "no seed id starts with")):
        code, _, err = run(capsys, "--run-dir", run_dir, "show", bad)
        assert code == 1 and needle in err and err.count("\n") == 1
    code, _, err = run(capsys, "--run-dir", run_dir, "show", "")
    assert code == 1
    os.rename(os.path.join(run_dir, "lineage.sqlite"), os.path.join(run_dir, "moved.sqlite"))
    code, _, err = run(capsys, "--run-dir", run_dir, "log")
    assert code == 1 and "lineage.sqlite is missing" in err and "reindex" in err


def test_foreign_dir_and_usage_errors_via_python_m(tmp_path: object) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([ROOT, os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run(
        [sys.executable, "-m", "lineage", "--run-dir", str(tmp_path), "stats"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert proc.returncode == 1 and "not a seedpop run directory" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1
    assert os.listdir(str(tmp_path)) == []  # nothing created in a foreign directory
    proc = subprocess.run(
        [sys.executable, "-m", "lineage", "--run-dir", str(tmp_path), "frobnicate"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert proc.returncode == 2 and "invalid choice" in proc.stderr
