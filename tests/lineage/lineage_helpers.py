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


def make_record(seed_id: str, aggregate: float, split: str = "train") -> FitnessRecord:
    tasks = (TaskScore("t1", 1, 2, "wrong", 10, 0.5), TaskScore("t2", 2, 2))
    return FitnessRecord(
        seed_id, "core", "1", split, Outcome.SCORED, aggregate, tasks, 5, 7, 1.25, "", "full", "m"
    )
