"""How a worker accounts for its own time (its crossover jobs run in the seed sandbox: see
``tests/fitness/test_fitness_bombs.py``)."""

from __future__ import annotations

from collections.abc import Callable

from population.worker import JobClock


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


def test_the_worker_harness_counts_tasks_scored_and_tokens_as_it_goes() -> None:
    from population.origins import load_origins
    from population.tasks import eval_suite
    from population.worker import JobProgress, ProgressHarness

    (_, source), *_ = load_origins(["templates"])
    suite = eval_suite("core", "train", 3)
    harness = ProgressHarness(None)
    seen: list[int] = []
    harness.progress = JobProgress("j1", "s1", "train", 3)
    try:
        original = harness.run_hidden

        def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
            assert harness.progress is not None
            seen.append(harness.progress.done)  # progress moves before the evaluation ends
            return original(*args, **kwargs)

        harness.run_hidden = spy  # type: ignore[method-assign]
        record = harness.evaluate(source, suite, "train").record
    finally:
        harness.close()
    assert harness.progress.done == len(record.tasks) == 3
    assert harness.progress.tokens == sum(t.tokens for t in record.tasks) == 0  # no model: no tokens
    assert seen == [0, 1, 2]
