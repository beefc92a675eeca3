"""The run's embedded Redis dying mid-run (``kill -9``), with its data and without: the manager starts it
again where it was, rebuilds the queue, its workers wait and carry on, and the run ends with the archive an
uninterrupted run makes (one worker loop, ``--model none``: the deterministic mode). Real processes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from population_helpers import TOGGLE, processes_using, run_cli, start_cli, write_config, write_seed

from lineage import Archive

pytestmark = pytest.mark.slow


def _journal_lines(run_dir: Path) -> int:
    path = run_dir / "journal.jsonl"
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _kill_redis(run_dir: Path, lose_data: bool) -> int:
    """``kill -9`` the run's redis-server (and delete its append-only data: a server that lost its data);
    returns the pid killed."""
    pid = int((run_dir / "redis" / "redis.pid").read_text())
    os.kill(pid, signal.SIGKILL)
    if lose_data:
        shutil.rmtree(run_dir / "redis" / "appendonlydir", ignore_errors=True)
        for name in ("appendonly.aof", "dump.rdb"):
            (run_dir / "redis" / name).unlink(missing_ok=True)
    return pid


def _wait_for_journal(proc: subprocess.Popen[str], run_dir: Path, lines: int) -> None:
    deadline = time.monotonic() + 120
    while proc.poll() is None and _journal_lines(run_dir) < lines and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before the outage: give it more evaluations"


def _seed_ids(run_dir: Path) -> set[str]:
    with Archive.open(str(run_dir)) as archive:
        return {s.id for s in archive.all_summaries()}


def test_redis_killed_twice_mid_run_once_losing_its_data_and_the_run_carries_on(tmp_path: Path) -> None:
    toggle = write_seed(tmp_path, "toggle", TOGGLE)
    cfg = write_config(tmp_path, origin=["templates", toggle], max_evals=8, seed=11)
    whole = tmp_path / "whole"
    done = run_cli("run", "--config", str(cfg), "--run-dir", str(whole))
    assert done.returncode == 0, done.stderr[-2000:]

    run_dir = tmp_path / "outages"
    proc = start_cli("run", "--config", str(cfg), "--run-dir", str(run_dir), stdout=subprocess.DEVNULL)
    _wait_for_journal(proc, run_dir, 5)
    first = _kill_redis(run_dir, lose_data=False)
    _wait_for_journal(proc, run_dir, _journal_lines(run_dir) + 3)
    second = _kill_redis(run_dir, lose_data=True)
    _, err = proc.communicate(timeout=240)
    assert proc.returncode == 0, err[-2000:]
    assert second != first  # the second kill hit the server the manager had started again

    check = subprocess.run(
        [sys.executable, "-m", "lineage", "--run-dir", str(run_dir), "verify"], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert _seed_ids(run_dir) == _seed_ids(whole)
    status = json.loads((run_dir / "status.json").read_text())
    assert status["state"] == "finished"
    assert (
        status["counters"]["evaluations"]
        == json.loads((whole / "status.json").read_text())["counters"]["evaluations"]
    )
    assert sum("Redis went away" in note for note in status["notes"]) == 2
    assert processes_using(run_dir) == []
