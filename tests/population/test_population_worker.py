"""How a worker accounts for its own time (its crossover jobs run in the seed sandbox: see
``tests/fitness/test_fitness_bombs.py``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from core.errors import SeedpopError
from llm.errors import ModelError
from population.config import resolve
from population.runner import check_inputs
from population.worker import JobClock, WorkerSpec, brokers


def _clock(readings: list[float]) -> Callable[[], float]:
    """A clock that returns ``readings`` one after another."""
    it = iter(readings)
    return lambda: next(it)


def test_the_job_clock_sets_sandbox_time_apart_from_the_workers_own_cpu_time() -> None:
    # wall: start 0, busy 1 → 9, read at 10; cpu: start 0, busy 0.5 → 0.75, read at 1.25
    clock = JobClock(wall=_clock([0.0, 1.0, 9.0, 10.0]), cpu=_clock([0.0, 0.5, 0.75, 1.25]))
    with clock.busy():
        pass
    assert clock.busy_s == 8.0
    assert clock.seconds == 10.0
    assert clock.overhead_cpu_s == 1.0  # 1.25 in all, 0.25 of it while the sandbox ran


def test_a_job_clock_never_reports_negative_overhead() -> None:
    clock = JobClock(wall=_clock([0.0, 0.0, 1.0]), cpu=_clock([0.0, 0.0, 1.0, 0.5]))
    with clock.busy():
        pass
    assert clock.overhead_cpu_s == 0.0


class _Model:
    """Stands in for a loaded model: records what was started and closed."""

    def __init__(self, name: str, cache: str, log: list[str]) -> None:
        self.name, self.cache, self.log = name, cache, log

    def close(self) -> None:
        self.log.append(f"close {self.name}")


def _brokers(model: str, mutator_model: str, fail: str = "") -> tuple[Any, Any, list[str]]:
    log: list[str] = []

    def start(name: str, _spec: WorkerSpec, cache: str) -> Any:
        if name == fail:
            raise ModelError(f"model {name!r} cannot load")
        log.append(f"start {name} {cache}")
        return _Model(name, cache, log)

    cfg = resolve({"model": model, "mutator_model": mutator_model})
    spec = WorkerSpec("redis://x", "run", "w0", "cpu:1", 1, "/tmp/cache")
    solver, mutator = brokers(cfg, spec, start)
    return solver, mutator, log


def test_one_model_serves_solving_and_mutation_by_default() -> None:
    solver, mutator, log = _brokers("qwen2.5-coder-0.5b", "")
    assert solver is mutator and log == ["start qwen2.5-coder-0.5b llm.sqlite"]


def test_a_mutator_model_of_its_own_gets_its_own_broker_and_cache() -> None:
    solver, mutator, log = _brokers("qwen2.5-coder-0.5b", "smollm2-135m")
    assert (solver.name, mutator.name) == ("qwen2.5-coder-0.5b", "smollm2-135m")
    assert log == ["start qwen2.5-coder-0.5b llm.sqlite", "start smollm2-135m llm-mutator.sqlite"]


def test_mutator_none_leaves_reproduce_without_a_model_and_solver_none_starts_nothing() -> None:
    solver, mutator, _ = _brokers("qwen2.5-coder-0.5b", "none")
    assert solver is not None and mutator is None
    assert _brokers("none", "")[:2] == (None, None)


def test_a_mutator_that_cannot_load_closes_the_solver_already_loaded() -> None:
    with pytest.raises(ModelError):
        _brokers("qwen2.5-coder-0.5b", "smollm2-135m", fail="smollm2-135m")


def test_an_unknown_mutator_model_is_refused_before_the_run_starts() -> None:
    cfg = resolve({"model": "none", "mutator_model": "qwen-tiny", "origin": ["templates"]})
    with pytest.raises(SeedpopError, match="qwen-tiny"):
        check_inputs(cfg)
