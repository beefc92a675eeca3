"""Self-check of the ``core`` suite: the committed data against the reference and wrong solutions.

Runs trusted code (our own references) in-process: it is ours, never a seed's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from fitness_suite_specs import (
    CORE1_HOLDOUT,
    CORE1_TRAIN,
    FAMILY_TAGS,
    SPLIT_SHARES,
    build_tasks,
    field_problems,
    passes,
    references,
    wrongs,
)

from fitness.suites import load_suite

CORE = load_suite("core")
REFERENCE = references()
WRONG = wrongs()
TASK_IDS = [t.id for t in CORE.tasks]
MIN_SPLIT = {"train": 120, "validation": 60, "holdout": 60}
"""The issue's minimum split sizes."""
MIN_FAMILY = 12


def test_a_visible_example_the_reference_does_not_reproduce_is_named() -> None:
    """Bad input: a visible example whose expected value the reference does not return."""
    task = CORE.get("clamp")
    broken = replace(task, visible=(replace(task.visible[0], expected=-12345), *task.visible[1:]))
    hidden, visible, reasons = passes(broken, REFERENCE["clamp"])
    assert (hidden, visible) == (len(task.hidden), len(task.visible) - 1)
    assert any(r.startswith("task 'clamp': visible[0]:") and "expected -12345" in r for r in reasons), reasons


def test_core_suite_size_version_and_ids() -> None:
    assert CORE.name == "core"
    assert CORE.version == "core-2"
    assert len(set(TASK_IDS)) == len(TASK_IDS)
    assert set(REFERENCE) == set(TASK_IDS), "every task needs a reference solution and vice versa"
    assert set(WRONG) == set(TASK_IDS)


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_core_task_fields(task_id: str) -> None:
    task = CORE.get(task_id)
    assert task.split in SPLIT_SHARES
    assert not field_problems(task)


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_core_reference_passes_every_test(task_id: str) -> None:
    task = CORE.get(task_id)
    hidden, visible, reasons = passes(task, REFERENCE[task_id])
    assert (hidden, visible) == (len(task.hidden), len(task.visible)), reasons


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_core_every_wrong_solution_fails_some_hidden_test(task_id: str) -> None:
    task = CORE.get(task_id)
    assert WRONG[task_id], "at least one plausible wrong solution"
    for source in WRONG[task_id]:
        hidden, _, _ = passes(task, source)
        assert hidden < len(task.hidden), f"a wrong solution of {task_id} passes every hidden test"


def test_core_splits_partition_the_suite() -> None:
    assert sum(len(CORE.split(name)) for name in SPLIT_SHARES) == len(CORE.tasks)
    for name in SPLIT_SHARES:
        assert CORE.split(name), f"split {name} is empty"


def test_core_reaches_the_issue_16_sizes() -> None:
    """Issue 16: >= 240 tasks, train/validation/holdout >= 120/60/60, >= 12 tasks per family, and the
    standard error of a pass rate of 0.6 at most 0.045 on train and 0.065 on validation and holdout."""
    assert len(CORE.tasks) >= sum(MIN_SPLIT.values())
    for name, least in MIN_SPLIT.items():
        assert len(CORE.split(name)) >= least, name
    for name, most in {"train": 0.045, "validation": 0.065, "holdout": 0.065}.items():
        assert (0.6 * 0.4 / len(CORE.split(name))) ** 0.5 <= most, name
    families = Counter(t.tags[0] for t in CORE.tasks)
    for group, n in families.items():
        assert n >= MIN_FAMILY, group


def test_core_splits_are_stratified_by_family_and_difficulty() -> None:
    """Every family and every measured difficulty has tasks in every split. Families new in core-2 carry the
    validation split that core-1's pinned families lack, so their shares are about 45/35/20."""
    by_family = Counter((t.tags[0], t.split) for t in CORE.tasks)
    by_difficulty = Counter((t.difficulty, t.split) for t in CORE.tasks)
    families = Counter(t.tags[0] for t in CORE.tasks)
    difficulties = Counter(t.difficulty for t in CORE.tasks)
    old = {CORE.get(i).tags[0] for i in CORE1_TRAIN | CORE1_HOLDOUT}
    free = Counter(t.difficulty for t in CORE.tasks if t.id not in CORE1_TRAIN | CORE1_HOLDOUT)
    for name in SPLIT_SHARES:
        for group, n in families.items():
            assert by_family[(group, name)] >= 1, (group, name)
            if group not in old:
                least = {"train": 0.4, "validation": 0.25, "holdout": 0.15}[name]
                assert by_family[(group, name)] / n >= least, (group, name)
        for group, n in difficulties.items():
            if free[group] >= 10:  # a stratum of a few tasks pinned by core-1 (4 trivial ones) cannot spread
                assert by_difficulty[(group, name)] / n >= 0.12, (group, name)
    assert sum(n for group, n in difficulties.items() if free[group] >= 10) >= 0.95 * len(CORE.tasks)


def test_core1_tasks_keep_their_split() -> None:
    """core-1 holdout stays holdout; core-1 train stays train (seeds were already selected on it)."""
    for task in CORE.tasks:
        if task.id in CORE1_HOLDOUT:
            assert task.split == "holdout", task.id
        if task.id in CORE1_TRAIN:
            assert task.split == "train", task.id
    assert set(TASK_IDS) >= CORE1_HOLDOUT | CORE1_TRAIN


def test_core_covers_every_family() -> None:
    assert set(Counter(t.tags[0] for t in CORE.tasks)) == set(FAMILY_TAGS.values())


def test_core_committed_data_matches_the_specs() -> None:
    """The data files are what ``make_core.py`` produces from the specs (regenerate after editing them)."""
    built = [t for family in build_tasks().values() for t in family]
    assert [t.to_json() for t in built] == [t.to_json() for t in CORE.tasks]


def test_readme_composition_table_is_current() -> None:
    """fitness/README.md pastes ``python -m fitness.suites.describe core``; keep it in step with the data."""
    from pathlib import Path

    from fitness.suites.describe import composition

    readme = Path(__file__).resolve().parents[2] / "fitness" / "README.md"
    assert composition(CORE) in readme.read_text(encoding="utf-8")
