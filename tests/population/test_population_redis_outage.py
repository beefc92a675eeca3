"""The run's embedded Redis dying mid-run (``kill -9``), with its data and without: the manager starts it
again where it was, rebuilds the queue, its workers wait and carry on, and the run ends with the archive an
uninterrupted run makes (one worker loop, ``--model none``: the deterministic mode). Real processes."""

from __future__ import annotations

import json
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

pytestmark = pytest.mark.slow


def _wait_for_journal(proc: subprocess.Popen[str], run_dir: Path, lines: int) -> None:
    deadline = time.monotonic() + 120
    while proc.poll() is None and journal_lines(run_dir) < lines and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before the outage: give it more evaluations"


def test_redis_killed_twice_mid_run_once_losing_its_data_and_the_run_carries_on(tmp_path: Path) -> None:
    toggle = write_seed(tmp_path, "toggle", TOGGLE)
    cfg = write_config(tmp_path, origin=["templates", toggle], max_evals=8, seed=11)
    whole = tmp_path / "whole"
    done = run_cli("run", "--config", str(cfg), "--run-dir", str(whole))
    assert done.returncode == 0, done.stderr[-2000:]

    run_dir = tmp_path / "outages"
    proc = start_cli("run", "--config", str(cfg), "--run-dir", str(run_dir), stdout=subprocess.DEVNULL)
    _wait_for_journal(proc, run_dir, 5)
    first = kill_redis(run_dir, lose_data=False)
    _wait_for_journal(proc, run_dir, journal_lines(run_dir) + 3)
    second = kill_redis(run_dir, lose_data=True)
    _, err = proc.communicate(timeout=240)
    assert proc.returncode == 0, err[-2000:]
    assert second != first  # the second kill hit the server the manager had started again

    check = subprocess.run(
        [sys.executable, "-m", "lineage", "--run-dir", str(run_dir), "verify"], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert seed_ids(run_dir) == seed_ids(whole)
    status = json.loads((run_dir / "status.json").read_text())
    assert status["state"] == "finished"
    assert (
        status["counters"]["evaluations"]
        == json.loads((whole / "status.json").read_text())["counters"]["evaluations"]
    )
    assert sum("Redis went away" in note for note in status["notes"]) == 2
    assert processes_using(run_dir) == []
