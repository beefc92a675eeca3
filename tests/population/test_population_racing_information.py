"""``bench/racing_information.py``: train task-runs per measured difficulty, and how often a child's result
differed from its parent's, read from a real archive."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from fitness.record import FitnessRecord, Outcome, TaskScore
from fitness.suites import load_suite
from lineage import Archive

TRAIN = load_suite("core").split("train")
HARD = next(t.id for t in TRAIN if t.difficulty == "hard")
EASY = next(t.id for t in TRAIN if t.difficulty == "easy")


def record(seed: str, results: dict[str, int], split: str = "train") -> FitnessRecord:
    """``results``: task id → hidden tests passed of 4."""
    tasks = tuple(TaskScore(t, n, 4, "" if n == 4 else "wrong") for t, n in results.items())
    return FitnessRecord(seed, "core", "core-2/train/b0", split, Outcome.SCORED, 0.0, tasks)


def test_counts_runs_solves_and_child_parent_differences_per_label(
    tmp_path: Path, load_bench: Callable[[str], ModuleType]
) -> None:
    b = load_bench("racing_information")
    run = tmp_path / "run"
    with Archive.create(str(run)) as a:
        parent = a.add("x = 1\n").seed_id
        child = a.add("x = 2\n", (parent,), "mutate").seed_id
        a.add_record(record(parent, {EASY: 4, HARD: 1}))
        a.add_record(record(child, {EASY: 3, HARD: 2}))
        a.add_record(record(child, {EASY: 4}, split="validation"))  # never read
    (run / "config.toml").write_text('suite = "core"\n', encoding="utf-8")
    (run / "status.json").write_text(json.dumps({"validation": {child: 0.5}}), encoding="utf-8")
    version, counts, in_split, final = b.tally(str(run))
    assert version == "core-2"
    assert (counts["easy", "runs"], counts["easy", "solved"], counts["easy", "discordant"]) == (2, 1, 1)
    assert (counts["hard", "runs"], counts["hard", "solved"], counts["hard", "discordant"]) == (2, 0, 0)
    assert counts["hard", "tests differ"] == 1 and counts["hard", "paired"] == 1
    assert in_split["hard"] == sum(t.difficulty == "hard" for t in TRAIN)
    assert final == [f"finalist {child[:12]}: train 0/2, not hard 0/1"]
    assert b.main([str(run)]) == 0
