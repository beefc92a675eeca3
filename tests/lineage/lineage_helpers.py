"""Helpers shared by the lineage tests and their writer subprocess (a unique name: conftest.py is not
importable reliably when several test folders have one)."""

from __future__ import annotations

from fitness.record import FitnessRecord, Outcome, TaskScore


def make_source(i: int, comment: str = "") -> str:
    """A small distinct program per ``i`` (with an optional comment that does not change its id)."""
    note = f"# {comment}\n" if comment else ""
    return (
        f'{note}"""Seed {i}."""\n\n\ndef solve(task, llm, tools):\n    k = {i}\n    return str(k)  # answer\n'
    )


def make_record(
    seed_id: str,
    aggregate: float,
    split: str = "train",
    *,
    results: str = "01",
    version: str = "1",
    suite: str = "core",
    first: int = 1,
    outcome: Outcome = Outcome.SCORED,
) -> FitnessRecord:
    """A record whose task ``t<first + i>`` passes every hidden test where ``results[i]`` is ``"1"`` and one
    of two where it is ``"0"``."""
    tasks = tuple(
        TaskScore(f"t{first + i}", 2, 2) if r == "1" else TaskScore(f"t{first + i}", 1, 2, "wrong", 10, 0.5)
        for i, r in enumerate(results)
    )
    return FitnessRecord(
        seed_id, suite, version, split, outcome, aggregate, tasks, 5, 7, 1.25, "", "full", "m"
    )
