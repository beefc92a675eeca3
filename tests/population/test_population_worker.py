"""What a worker does with a crossover job (no Redis needed: :func:`population.worker.cross` is pure)."""

from __future__ import annotations

from population.messages import CrossoverJob
from population.worker import cross

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
