"""Two seedpop processes on one machine never disturb each other: the sweep of dead harnesses' cgroups leaves
alone every group it cannot prove dead, including one whose owner lives in another pid namespace."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from fitness.sandbox import Sandbox, SandboxKind, cgroup
from lineage.archive import Archive

UNSEEN_PID = 4_194_304  # above the kernel's largest pid_max: no process here has it
REPO = Path(__file__).resolve().parents[2]


def fake_v2_tree(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (root / "cgroup.controllers").write_text("pids memory\n")
    monkeypatch.setattr(cgroup, "ROOT", root)
    monkeypatch.setattr(cgroup, "_own_paths", lambda: {"": "/"})


def test_a_group_whose_processes_we_cannot_see_is_never_killed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_v2_tree(tmp_path, monkeypatch)
    group = tmp_path / f"seedpop-{UNSEEN_PID}-1"
    group.mkdir()
    (group / "cgroup.procs").write_text("")  # what a reader in another pid namespace sees: nothing
    (group / "cgroup.kill").write_text("")
    assert cgroup.sweep_stale() == 0
    assert (group / "cgroup.kill").read_text() == ""  # "1" would kill the neighbour's sandbox mid-request
    assert group.is_dir()


def test_an_empty_group_of_a_dead_harness_is_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_v2_tree(tmp_path, monkeypatch)
    (tmp_path / f"seedpop-{UNSEEN_PID}-2").mkdir()
    (tmp_path / "seedpop-x-3").mkdir()  # not ours by name: left alone
    assert cgroup.sweep_stale() == 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == ["seedpop-x-3"]


def test_a_sweep_from_another_pid_namespace_leaves_a_live_sandbox_working() -> None:
    sweep = "from fitness.sandbox import cgroup; print(cgroup.sweep_stale())"
    with Sandbox(SandboxKind.SOLUTION) as sandbox:
        request = {"mode": "ping"}
        assert sandbox.execute(request, 5.0).lines == (["pong"],)  # the worker and its group exist
        done = subprocess.run(
            ["unshare", "--pid", "--fork", "--mount-proc", sys.executable, "-c", sweep],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=60,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot make a pid namespace here: {done.stderr.strip()[-200:]}")
        assert sandbox.execute(request, 5.0).lines == (["pong"],)
        assert sandbox.restarts == 0


def lost_in(run_dir: Path) -> int:
    """Task results and records of a run whose reason says a sandbox worker was lost."""
    lost = 0
    with Archive.open(str(run_dir)) as archive:
        for seed in {str(record["seed"]) for record in archive.all_records()}:
            for r in archive.records(seed):
                lost += ("lost" in r.reason) + sum("lost" in t.reason for t in r.tasks)
    return lost


@pytest.mark.slow
def test_two_runs_and_an_eval_side_by_side_lose_no_sandbox(tmp_path: Path) -> None:
    run = [
        sys.executable,
        "-m",
        "population",
        "run",
        "--model",
        "none",
        "--origin",
        "templates",
        "--no-display",
    ]
    procs = [
        subprocess.Popen(
            [*run, "--seed", str(k), "--max-evals", "12", "--run-dir", str(tmp_path / f"r{k}")],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in (1, 2)
    ]
    evaluation = subprocess.run(
        [
            sys.executable,
            "-m",
            "fitness",
            "eval",
            str(REPO / "seeds/origin/templates.py"),
            "--model",
            "none",
            "--json",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err[-2000:]
    assert evaluation.returncode == 0, evaluation.stderr[-2000:]
    record = json.loads(evaluation.stdout)
    assert all("lost" not in task[3] for task in record["tasks"])  # [id, passed, total, reason, …]
    assert [lost_in(tmp_path / f"r{k}") for k in (1, 2)] == [0, 0]
