"""What a worker does with a crossover job (no Redis needed: :func:`population.worker.cross` is pure), and how
it accounts for its own time."""

from __future__ import annotations

from collections.abc import Callable

from population.messages import CrossoverJob
from population.worker import JobClock, cross

A = (
    "def solve(task, llm, tools):\n    return 'a'\n\n\n"
    "def reproduce(source, n, rng_seed, genome, llm):\n    return []\n"
)
B = A.replace("'a'", "'b'")


def _job(partner: str, seed: int = 1) -> CrossoverJob:
    return CrossoverJob("j1", "pa", A, "pb", partner, seed, 0, 1)


def _as_text(sid: str, source: str) -> str:
    return source


def test_a_crossover_takes_a_function_from_the_partner() -> None:
    children, operators, problems = cross(_job(B), _as_text)
    assert len(children) == 1 and "'b'" in children[0] and "def reproduce" in children[0]
    assert operators == ("crossover:crossover_function",) and problems == ()
    assert cross(_job(B), _as_text) == (children, operators, problems)  # the job's seed decides


def test_parents_with_nothing_to_exchange_give_no_child_and_say_why() -> None:
    children, operators, problems = cross(_job(A), _as_text)
    assert (children, operators, len(problems)) == ((), (), 1)
    assert problems[0].startswith("no crossover child: ")
    children, _, problems = cross(_job("def solve(:\n"), _as_text)
    assert children == () and problems[0].startswith("no crossover child: ")


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
