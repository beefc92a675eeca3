"""``python -m population replay RUN_DIR`` end to end (real processes, embedded Redis, ``--model none``): a
finished one-loop run — ended by its time budget — is re-derived with the same seed ids and records; a run whose
seed reads the clock is caught differing; what cannot be replayed is refused in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from population_helpers import TOGGLE, processes_using, run_cli, write_config, write_seed

pytestmark = pytest.mark.slow

# Like TOGGLE, but every child carries the wall clock: no re-run makes the same children.
CLOCKED = """
import time

STAMP = 0


def solve(task, llm, tools):
    return "def %s(*args):\\n    return %d\\n" % (task.entry_point, STAMP % 2)


def reproduce(source, n, rng_seed, genome, llm):
    return [source.replace("STAMP = %d" % STAMP, "STAMP = %d" % (time.time_ns() + k), 1) for k in range(n)]
"""


def test_a_finished_run_ended_by_its_time_budget_is_re_derived_exactly(tmp_path: Path) -> None:
    toggle = write_seed(tmp_path, "toggle", TOGGLE)
    cfg = write_config(tmp_path, origin=["templates", toggle], time_budget="20s", seed=11)
    run_dir = tmp_path / "run"
    ran = run_cli("run", "--config", str(cfg), "--run-dir", str(run_dir), timeout=300)
    assert ran.returncode == 0, ran.stderr[-2000:]
    kept = tmp_path / "replayed"
    replayed = run_cli("replay", str(run_dir), "--into", str(kept), timeout=300)
    assert replayed.returncode == 0, replayed.stdout + replayed.stderr[-2000:]
    [verdict] = [line for line in replayed.stdout.splitlines() if line.startswith("same: ")]
    assert int(verdict.split()[1]) >= 4  # seed ids compared, more than the origins
    assert (kept / "population.json").exists() and processes_using(kept) == []
    assert processes_using(run_dir) == []


def test_a_run_whose_seed_reads_the_clock_is_reported_differing(tmp_path: Path) -> None:
    clocked = write_seed(tmp_path, "clocked", CLOCKED)
    cfg = write_config(tmp_path, origin=[clocked], max_evals=4, seed=2)
    run_dir = tmp_path / "run"
    ran = run_cli("run", "--config", str(cfg), "--run-dir", str(run_dir), timeout=300)
    assert ran.returncode == 0, ran.stderr[-2000:]
    replayed = run_cli("replay", str(run_dir), timeout=300)
    assert replayed.returncode == 1, replayed.stdout + replayed.stderr
    shown = replayed.stdout
    assert "missing from the replay: " in shown and "only in the replay: " in shown
    assert not list(Path("/tmp").glob("seedpop-replay-*/population.json"))  # the temporary run is gone


def test_what_cannot_be_replayed_is_refused_in_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    refused = run_cli("replay", str(empty), timeout=120)
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert "is not a population run directory" in refused.stderr
    assert list(empty.iterdir()) == []
