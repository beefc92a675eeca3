"""At-least-once, idempotent jobs, end to end: a worker killed mid-job, a worker that stalls past
``claim_idle`` (its job reclaimed by another, its late result dropped), a result delivered twice.

Real processes: the manager, its worker, a second worker started by hand (``python -m population worker``)
and the embedded ``redis-server``; ``--model none`` and seeds whose ``solve`` sleeps, so a job is in flight
long enough to hit.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
import redis
from population_helpers import TOGGLE, processes_using, start_cli, write_config, write_seed

from lineage import Archive
from population import keys

pytestmark = pytest.mark.slow

# TOGGLE whose every solve takes 1 s: an evaluation of a 2-task block is in flight for 2 s or more.
SLEEPY = TOGGLE.replace(
    "def solve(task, llm, tools):\n", "def solve(task, llm, tools):\n    __import__('time').sleep(1.0)\n"
)


def _start(*args: str) -> subprocess.Popen[str]:
    return start_cli(*args, new_session=True)


def _marker(run_dir: Path) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            marker: dict[str, Any] = json.loads((run_dir / "population.json").read_text())
            if marker.get("workers"):
                return marker
        except (OSError, ValueError):
            pass
        time.sleep(0.05)
    raise AssertionError("the run never started its workers")


def _evaluation_in_flight(client: redis.Redis, key: str, loop: str, timeout_s: float = 60) -> str:
    """The id of an evaluate job ``loop`` runs now (from the progress hash the workers keep)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        raw: Any = client.hgetall(keys.progress(key))
        for value in raw.values():
            job = json.loads(value)
            if job["kind"] == "evaluate" and job["loop"] == loop and job["split"] == "train":
                return str(job["job_id"])
        time.sleep(0.05)
    raise AssertionError(f"no evaluation in flight on {loop}")


def _journal(run_dir: Path) -> list[dict[str, Any]]:
    """The journal's whole lines (the manager may be writing the last one)."""
    text = (run_dir / "journal.jsonl").read_text()
    return [json.loads(line) for line in text[: text.rfind("\n") + 1].splitlines()]


def _records_per_part(run_dir: Path) -> dict[tuple[str, str], int]:
    with Archive.open(str(run_dir)) as archive:
        counts: dict[tuple[str, str], int] = {}
        for s in archive.all_summaries():
            for r in archive.records(s.id):
                counts[(s.id, r.suite_version)] = counts.get((s.id, r.suite_version), 0) + 1
    return counts


def _finish(proc: subprocess.Popen[str], run_dir: Path) -> dict[str, Any]:
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err[-2000:]
    assert all(n == 1 for n in _records_per_part(run_dir).values())  # none evaluated twice
    status: dict[str, Any] = json.loads((run_dir / "status.json").read_text())
    assert status["state"] == "finished"
    return status


def _run_with_an_evaluation_in_flight(
    tmp_path: Path,
) -> tuple[subprocess.Popen[str], Path, dict[str, Any], str]:
    """A 4-evaluation run of SLEEPY (claim_idle 3 s) once loop w0.0 runs an evaluation: (process, run
    directory, marker, the job's id)."""
    sleepy = write_seed(tmp_path, "sleepy", SLEEPY)
    cfg = write_config(tmp_path, origin=[sleepy], max_evals=4, seed=2, claim_idle="3s", final_holdout=False)
    run_dir = tmp_path / "run"
    proc = _start("run", "--config", str(cfg), "--run-dir", str(run_dir))
    marker = _marker(run_dir)
    client = redis.Redis.from_url(marker["redis"])
    job = _evaluation_in_flight(client, marker["key"], "w0.0")
    return proc, run_dir, marker, job


def test_worker_killed_mid_job_is_started_again_and_its_job_rerun(tmp_path: Path) -> None:
    proc, run_dir, marker, job = _run_with_an_evaluation_in_flight(tmp_path)
    os.killpg(marker["workers"][0], signal.SIGKILL)  # the worker and its sandboxes, mid-job
    status = _finish(proc, run_dir)
    assert status["counters"]["evaluations"] == 4
    assert any("died (signal 9); started again" in note for note in status["notes"]), status["notes"]
    assert [e["job"] for e in _journal(run_dir) if e["op"] == "evaluated"].count(job) == 1
    assert processes_using(run_dir) == []


def test_stalled_worker_loses_its_job_to_another_and_its_late_result_is_dropped(tmp_path: Path) -> None:
    proc, run_dir, marker, job = _run_with_an_evaluation_in_flight(tmp_path)
    stalled = marker["workers"][0]
    os.killpg(stalled, signal.SIGSTOP)  # no heartbeat, no progress: stalled, not dead
    other = _start("worker", "--redis", marker["redis"], "--run", marker["key"], "--name", "other")
    try:
        deadline = time.monotonic() + 60  # claim_idle (3 s) + one evaluation (2 s), room for a slow box
        while not any(e.get("job") == job for e in _journal(run_dir) if e["op"] == "evaluated"):
            assert time.monotonic() < deadline, "the stalled worker's job was not reclaimed"
            time.sleep(0.1)
        os.killpg(stalled, signal.SIGCONT)  # it wakes up and finishes the job it no longer holds
        status = _finish(proc, run_dir)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(stalled, signal.SIGCONT)
        other.terminate()
        other_out, _ = other.communicate(timeout=30)
    assert status["counters"]["evaluations"] == 4
    log = (run_dir / "logs" / "worker-0.log").read_text()
    assert f"stale result of job {job} dropped" in log, log[-2000:]
    assert "reclaimed job entry" in other_out, other_out[-2000:]
    assert processes_using(run_dir) == []


def test_a_result_delivered_twice_changes_nothing(tmp_path: Path) -> None:
    toggle = write_seed(tmp_path, "toggle", TOGGLE)
    cfg = write_config(tmp_path, origin=["templates", toggle], max_evals=6, seed=11)
    run_dir = tmp_path / "run"
    proc = _start("run", "--config", str(cfg), "--run-dir", str(run_dir))
    marker = _marker(run_dir)
    client = redis.Redis.from_url(marker["redis"])
    stream = keys.results(marker["key"])
    copied: set[bytes] = set()
    deadline = time.monotonic() + 60
    while len(copied) < 4 and proc.poll() is None and time.monotonic() < deadline:
        with_fields: Any = client.xrange(stream)
        for entry_id, fields in with_fields:  # every result again, as a worker retrying its XADD would
            if entry_id not in copied:
                client.xadd(stream, fields)
                copied.add(entry_id)
        time.sleep(0.02)
    status = _finish(proc, run_dir)
    assert len(copied) >= 4
    assert status["counters"]["evaluations"] == 6
    jobs = [e["job"] for e in _journal(run_dir) if e["op"] in ("evaluated", "reproduced")]
    assert len(jobs) == len(set(jobs))  # each job applied once
    assert processes_using(run_dir) == []
