"""Fitness records as stored: stable JSON, read back exactly, old records unchanged by newer fields."""

from __future__ import annotations

import json

from fitness.record import FitnessRecord, Outcome, TaskScore


def _record(*tasks: TaskScore) -> FitnessRecord:
    return FitnessRecord("ab" * 32, "core", "core-2/train/b0", "train", Outcome.SCORED, 0.5, tasks, 3, 4, 1.0)


def test_a_visible_failure_is_stored_and_read_back() -> None:
    rec = _record(
        TaskScore("a", 0, 8, "test 0: wrong answer", 10, 1.0, "f(1) should return 2 but returned 3")
    )
    back = FitnessRecord.from_json(rec.to_json())
    assert back == rec and back.tasks[0].visible == "f(1) should return 2 but returned 3"


def test_a_record_without_visible_failures_keeps_the_bytes_it_always_had() -> None:
    rec = _record(TaskScore("a", 8, 8, "", 10, 1.0), TaskScore("b", 0, 8, "test 0: wrong answer", 5, 2.0))
    assert json.loads(rec.to_json())["tasks"] == [
        ["a", 8, 8, "", 10, 1.0],
        ["b", 0, 8, "test 0: wrong answer", 5, 2.0],
    ]
    assert FitnessRecord.from_json(rec.to_json()) == rec
