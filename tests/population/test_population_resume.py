"""Crash-proof resume, end to end: ``kill -9`` of the manager at random points, then ``python -m population
resume``; Redis losing its data; ``stop`` cleaning up after a dead manager; bad input to ``resume``.

Real processes throughout: the manager (``python -m population run``), its worker and the embedded
``redis-server``, with ``--model none`` and LLM-free seeds, one worker loop (the deterministic mode).
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from population_helpers import (
    TOGGLE,
    journal_lines,
    kill_redis,
    processes_using,
    run_cli,
    seed_ids,
    start_cli,
    write_config,
    write_seed,
)

from lineage import Archive

pytestmark = pytest.mark.slow

KILLS = 5


def _twice_evaluated(run_dir: Path) -> list[tuple[str, str]]:
    """(seed, part) pairs with more than one record: a seed scored twice on one block or final split."""
    with Archive.open(str(run_dir)) as archive:
        twice = []
        for summary in archive.all_summaries():
            parts = [r.suite_version for r in archive.records(summary.id)]
            twice += [(summary.id, p) for p in set(parts) if parts.count(p) > 1]
        return twice


def _start(*args: str) -> subprocess.Popen[str]:
    return start_cli(*args, stdout=subprocess.DEVNULL)


def _kill_after(proc: subprocess.Popen[str], run_dir: Path, lines: int, pause: float) -> bool:
    """``kill -9`` the manager once the journal has grown by ``lines`` and ``pause`` seconds more passed;
    False when the run ended first."""
    target = journal_lines(run_dir) + lines
    deadline = time.monotonic() + 60
    while proc.poll() is None and journal_lines(run_dir) < target and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(pause)
    if proc.poll() is not None:
        return False
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)  # not communicate(): what the manager left running may hold its pipes
    if proc.stderr is not None:
        proc.stderr.close()
    return True


def test_killed_at_random_points_and_resumed_reaches_the_uninterrupted_archive(tmp_path: Path) -> None:
    toggle = write_seed(tmp_path, "toggle", TOGGLE)
    cfg = write_config(tmp_path, origin=["templates", toggle], max_evals=6, seed=11)
    whole = tmp_path / "whole"
    done = run_cli("run", "--config", str(cfg), "--run-dir", str(whole))
    assert done.returncode == 0, done.stderr[-2000:]

    run_dir = tmp_path / "killed"
    rng = random.Random(19)  # the kill points: journal growth and a pause, from a fixed seed
    proc = _start("run", "--config", str(cfg), "--run-dir", str(run_dir))
    kills = 0
    for k in range(KILLS):
        if not _kill_after(proc, run_dir, rng.randint(1, 3), rng.uniform(0.0, 0.4)):
            break
        kills += 1
        if k == 2:
            kill_redis(
                run_dir, lose_data=True
            )  # one resume rebuilds the queue from the journal and archive alone
        proc = _start("resume", "--run-dir", str(run_dir), "--no-display")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err[-2000:]
    assert kills == KILLS, "the run ended before every kill: give it more evaluations"

    verified = subprocess.run(
        [sys.executable, "-m", "lineage", "--run-dir", str(run_dir), "verify"], capture_output=True, text=True
    )
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert _twice_evaluated(run_dir) == []
    assert seed_ids(run_dir) == seed_ids(whole) and len(seed_ids(whole)) >= 5
    status = json.loads((run_dir / "status.json").read_text())
    assert status["state"] == "finished" and status["counters"]["evaluations"] == 6
    assert status["champion"] == json.loads((whole / "status.json").read_text())["champion"]
    assert processes_using(run_dir) == []
    again = run_cli("resume", "--run-dir", str(run_dir), timeout=120)  # finished: nothing to resume
    assert again.returncode == 1 and again.stderr.count("\n") == 1 and "has finished" in again.stderr


def test_stop_after_kill_cleans_up_and_bad_resumes_are_one_line_errors(tmp_path: Path) -> None:
    toggle = write_seed(tmp_path, "toggle", TOGGLE)
    cfg = write_config(tmp_path, origin=["templates", toggle], max_evals=40, seed=3)
    run_dir = tmp_path / "run"
    proc = _start("run", "--config", str(cfg), "--run-dir", str(run_dir))
    while proc.poll() is None and journal_lines(run_dir) < 4:
        time.sleep(0.05)
    before = (run_dir / "journal.jsonl").read_bytes()
    locked = run_cli("resume", "--run-dir", str(run_dir), timeout=120)  # a live manager holds the run
    assert locked.returncode == 1 and locked.stderr.count("\n") == 1, locked.stderr
    assert "in use by a live manager" in locked.stderr and "population stop" in locked.stderr
    assert (run_dir / "journal.jsonl").read_bytes().startswith(before)  # nothing lost
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    if proc.stderr is not None:
        proc.stderr.close()
    assert processes_using(run_dir), "the dead manager's redis-server is still there"
    shown = run_cli("status", "--run-dir", str(run_dir), timeout=120)
    assert shown.returncode == 0 and "population resume" in shown.stdout
    stopped = run_cli("stop", "--run-dir", str(run_dir), timeout=120)
    assert stopped.returncode == 0 and "redis-server" in stopped.stdout, stopped.stdout + stopped.stderr
    assert processes_using(run_dir) == []

    not_a_run = tmp_path / "empty"
    not_a_run.mkdir()
    done = run_cli("resume", "--run-dir", str(not_a_run), timeout=120)
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "is not a population run directory" in done.stderr
    assert list(not_a_run.iterdir()) == []
