"""``population.run``: the Python API that ``python -m population run`` is a layer over (real Redis, sandboxes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from population_helpers import processes_using

import population
from genome.errors import SeedpopError
from population.status import read_status

pytestmark = pytest.mark.slow  # starts the embedded redis-server and a worker


def test_run_returns_how_it_ended_with_the_final_snapshot(tmp_path: Path) -> None:
    ticks: list[population.Snapshot] = []
    keys = {"model": "none", "origin": ["templates"], "novelty": "off", "slots": "cpu:1", "loops_per_slot": 1}
    keys |= {"max_evals": 2, "time_budget": 0, "block_size": 2, "final_holdout": False, "display": False}
    result = population.run(keys, tmp_path / "run", on_tick=ticks.append)
    assert isinstance(result, population.RunResult) and result.ok and result.reason == "done"
    assert result.snapshot.state == "finished" and result.snapshot.counters.evaluations == 2
    assert ticks and ticks[-1] == result.snapshot
    assert read_status(result.run_dir) == result.snapshot  # status.json is the same snapshot
    assert processes_using(result.run_dir) == []


def test_bad_input_raises_before_anything_starts(tmp_path: Path) -> None:
    with pytest.raises(SeedpopError, match=r"unknown selector 'tournamnet' \(did you mean 'tournament'\?\)"):
        population.run({"selector": "tournamnet", "model": "none"}, tmp_path / "run")
    assert not (tmp_path / "run").exists()
