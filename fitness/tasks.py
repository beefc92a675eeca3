"""Coding tasks and suites: the types, loading from versioned JSON data, and validation.

A task asks for one Python function. The harness calls it as ``entry_point(*example.args)`` with the
arguments of one example (JSON values: lists, never tuples) and compares the JSON of what it returned
with ``example.expected`` on the trusted side (:mod:`fitness.checkers`). Tasks whose tests are code
(HumanEval) carry ``test_code`` instead of hidden examples; see ``fitness/README.md``.

Everything here is pure data handling: nothing in this module executes task or solution code.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias

from genome.errors import SeedpopError

JSON: TypeAlias = bool | int | float | str | list["JSON"] | dict[str, "JSON"] | None

DIFFICULTIES = ("trivial", "easy", "medium", "hard")
SPLITS = ("train", "validation", "holdout")
SPLIT_NAMES = (*SPLITS, "all")
TASK_FILE_FORMAT = 1
CODE_TEST_CHECKER = "humaneval"
CHECKER_NAMES: tuple[str, ...] = (
    "exact",
    "approx",
    "unordered",
    "unordered_groups",
    "topological_order",
    "pair_summing_to_target",
)
"""The value checkers a task may name, in :data:`fitness.checkers.CHECKERS`' order. Named here, not read
from the registry, so that the task format does not import the checkers (which import it);
``fitness.checkers`` refuses to load when the two disagree."""
"""``Task.checker`` of tasks whose hidden tests are code (``Task.test_code``), run by :mod:`fitness.judge`."""

_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./-]*$")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class TaskError(SeedpopError):
    """A task, a suite or a task file is malformed or misused."""


class TaskFormatError(TaskError):
    """A task data file is malformed; the message names the file, the task and the field."""


@dataclass(frozen=True, slots=True)
class Example:
    """One call of the entry point and the value it must return.

    Attributes:
        args: positional arguments, JSON values; the harness calls ``entry_point(*args)``.
        expected: the expected return value after a JSON round trip (tuples are lists, dict keys strings).
            For tasks with a value checker other than ``exact`` it is one right answer, for reference.
    """

    args: tuple[JSON, ...]
    expected: JSON

    def to_json(self) -> dict[str, JSON]:
        """Plain JSON form ``{"args": [...], "expected": ...}``."""
        return {"args": list(self.args), "expected": self.expected}


@dataclass(frozen=True, slots=True)
class Task:
    """One coding task.

    Attributes:
        id: unique within its suite.
        prompt: the function's signature and docstring (Python source ending after the docstring).
        entry_point: the function name the solution must define; the prompt defines it too.
        visible: examples a seed may see and run its candidates on.
        hidden: examples never shown to a seed; the score is the fraction of these passed.
        checker: name of the value checker in :data:`fitness.checkers.CHECKERS` (``None`` = ``"exact"``),
            or :data:`CODE_TEST_CHECKER` for tasks whose tests are ``test_code``.
        difficulty: one of :data:`DIFFICULTIES`.
        tags: topics, e.g. ``("strings", "parsing")``.
        split: ``"train"`` (used for selection), ``"validation"`` (only chooses a run's champion among
            finalists) or ``"holdout"`` (reported, never used for selection).
        test_code: for code-tested tasks only: source defining ``check(candidate)``, which raises on
            failure; :mod:`fitness.judge` runs it against the solution in the sandbox. ``None`` otherwise.
    """

    id: str
    prompt: str
    entry_point: str
    visible: tuple[Example, ...]
    hidden: tuple[Example, ...]
    checker: str | None
    difficulty: str
    tags: tuple[str, ...]
    split: str
    test_code: str | None = None

    @property
    def is_code_tested(self) -> bool:
        """True when the hidden tests are ``test_code`` rather than examples."""
        return self.test_code is not None

    @property
    def hidden_count(self) -> int:
        """Number of hidden tests: the examples, or 1 for a code-tested task (all asserts or nothing)."""
        return 1 if self.test_code is not None else len(self.hidden)

    @property
    def digest(self) -> str:
        """A short hash of what a solver is asked and judged on: prompt, entry point, visible and hidden
        examples, checker and test code — not the id, difficulty label, tags or split, which may change
        after a measurement without making it stale. Pure."""
        body = self.to_json()
        for key in ("id", "difficulty", "tags", "split"):
            body.pop(key, None)
        return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:16]

    def seed_view(self) -> dict[str, JSON]:
        """What a seed may see, as plain JSON: id, prompt, entry point and visible examples only.

        Never contains hidden examples, the checker or test code.
        """
        return {
            "id": self.id,
            "prompt": self.prompt,
            "entry_point": self.entry_point,
            "visible": [e.to_json() for e in self.visible],
        }

    def to_json(self) -> dict[str, JSON]:
        """The task's record in a task data file (inverse of :func:`parse_task`)."""
        data: dict[str, JSON] = {
            "id": self.id,
            "prompt": self.prompt,
            "entry_point": self.entry_point,
            "visible": [e.to_json() for e in self.visible],
            "hidden": [e.to_json() for e in self.hidden],
            "checker": self.checker,
            "difficulty": self.difficulty,
            "tags": list(self.tags),
            "split": self.split,
        }
        if self.test_code is not None:
            data["test_code"] = self.test_code
        return data


@dataclass(frozen=True, slots=True)
class Suite:
    """A versioned, ordered collection of tasks with unique ids.

    Attributes:
        name: registry name, e.g. ``"core"``.
        version: version of the data, e.g. ``"core-1"``; every fitness record names it.
        tasks: in suite order (the order of the data files and of the tasks within them).
    """

    name: str
    version: str
    tasks: tuple[Task, ...]

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for task in self.tasks:
            if task.id in seen:
                raise TaskError(
                    f"suite {self.name!r} has two tasks with id {task.id!r} (task {task.id!r}, field 'id'); "
                    "rename one"
                )
            seen.add(task.id)

    def train(self) -> tuple[Task, ...]:
        """Tasks used for selection."""
        return tuple(t for t in self.tasks if t.split == "train")

    def validation(self) -> tuple[Task, ...]:
        """Tasks that only choose a run's champion among finalists (never used for selection)."""
        return tuple(t for t in self.tasks if t.split == "validation")

    def holdout(self) -> tuple[Task, ...]:
        """Tasks reported but never used for selection."""
        return tuple(t for t in self.tasks if t.split == "holdout")

    def split(self, name: str) -> tuple[Task, ...]:
        """Tasks of split ``name``: ``"train"``, ``"validation"``, ``"holdout"`` or ``"all"``.

        Raises:
            TaskError: unknown split name.
        """
        if name == "all":
            return self.tasks
        if name not in SPLITS:
            raise TaskError(f"unknown split {name!r}; use one of {', '.join(SPLIT_NAMES)}")
        return tuple(t for t in self.tasks if t.split == name)

    def get(self, task_id: str) -> Task:
        """The task with id ``task_id``.

        Raises:
            UnknownNameError: no such task (with a did-you-mean hint).
        """
        from genome.registry import lookup  # local: keeps the module's import surface small

        return lookup({t.id: t for t in self.tasks}, task_id, f"task in suite {self.name!r}")


def _fail(where: str, task_id: str, field: str, problem: str) -> TaskFormatError:
    return TaskFormatError(f"{where}: task {task_id!r}: field {field!r}: {problem}; fix the task data")


def _parse_examples(raw: Any, where: str, task_id: str, field: str) -> tuple[Example, ...]:
    if not isinstance(raw, list):
        raise _fail(where, task_id, field, f"expected a list of examples, got {type(raw).__name__}")
    out = []
    for i, item in enumerate(raw):
        name = f"{field}[{i}]"
        if not isinstance(item, dict) or set(item) != {"args", "expected"}:
            raise _fail(where, task_id, name, 'expected an object with exactly "args" and "expected"')
        if not isinstance(item["args"], list):
            raise _fail(where, task_id, f"{name}.args", f"expected a list, got {type(item['args']).__name__}")
        out.append(Example(tuple(item["args"]), item["expected"]))
    return tuple(out)


def _str_field(raw: Mapping[str, Any], key: str, where: str, task_id: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value:
        raise _fail(where, task_id, key, f"expected a non-empty string, got {value!r:.60}")
    return value


def parse_task(raw: Any, where: str, known_checkers: Sequence[str] | None = None) -> Task:
    """Build a :class:`Task` from its JSON record, validating every field.

    Args:
        raw: one element of a task file's ``"tasks"`` list.
        where: the file (or other source) for error messages.
        known_checkers: accepted ``checker`` names; defaults to :data:`CHECKER_NAMES`.

    Raises:
        TaskFormatError: naming ``where``, the task id (or its index) and the field.
    """
    if known_checkers is None:
        known_checkers = CHECKER_NAMES
    if not isinstance(raw, dict):
        raise TaskFormatError(f"{where}: task record is a {type(raw).__name__}, expected an object")
    task_id = raw.get("id")
    if not isinstance(task_id, str) or not _ID.match(task_id):
        raise _fail(where, str(task_id), "id", "expected letters, digits and _./- (not starting with . - /)")
    allowed = {"id", "prompt", "entry_point", "visible", "hidden", "checker", "difficulty", "tags", "split"}
    allowed.add("test_code")
    extra = sorted(set(raw) - allowed)
    if extra:
        raise _fail(where, task_id, extra[0], f"unknown field (known: {', '.join(sorted(allowed))})")
    prompt = _str_field(raw, "prompt", where, task_id)
    entry = _str_field(raw, "entry_point", where, task_id)
    if not _IDENT.match(entry):
        raise _fail(where, task_id, "entry_point", f"{entry!r} is not a Python identifier")
    if not re.search(rf"\bdef\s+{re.escape(entry)}\s*\(", prompt):
        raise _fail(where, task_id, "prompt", f"does not define the entry point {entry!r}")
    difficulty = raw.get("difficulty")
    if difficulty not in DIFFICULTIES:
        raise _fail(where, task_id, "difficulty", f"{difficulty!r} is not one of {', '.join(DIFFICULTIES)}")
    split = raw.get("split")
    if split not in SPLITS:
        raise _fail(where, task_id, "split", f"{split!r} is not one of {', '.join(SPLITS)}")
    tags = raw.get("tags")
    if not isinstance(tags, list) or not tags or not all(isinstance(t, str) and t for t in tags):
        raise _fail(where, task_id, "tags", f"expected a non-empty list of strings, got {tags!r:.60}")
    checker = raw.get("checker")
    test_code = raw.get("test_code")
    visible = _parse_examples(raw.get("visible"), where, task_id, "visible")
    hidden = _parse_examples(raw.get("hidden"), where, task_id, "hidden")
    if checker == CODE_TEST_CHECKER:
        if not isinstance(test_code, str) or "def check(" not in test_code:
            raise _fail(
                where, task_id, "test_code", "a code-tested task needs source defining check(candidate)"
            )
    else:
        if test_code is not None:
            raise _fail(where, task_id, "test_code", f'only allowed with checker "{CODE_TEST_CHECKER}"')
        if checker is not None and checker not in known_checkers:
            raise _fail(
                where, task_id, "checker", f"unknown checker {checker!r} (known: {', '.join(known_checkers)})"
            )
        if not hidden:
            raise _fail(where, task_id, "hidden", "needs at least one hidden example")
    return Task(
        id=task_id,
        prompt=prompt,
        entry_point=entry,
        visible=visible,
        hidden=hidden,
        checker=checker,
        difficulty=difficulty,
        tags=tuple(tags),
        split=split,
        test_code=test_code,
    )


def load_task_file(path: Path) -> tuple[str, str, tuple[Task, ...]]:
    """Read one task data file: ``{"format": 1, "suite": ..., "version": ..., "tasks": [...]}``.

    Returns:
        (suite name, suite version, tasks in file order).

    Raises:
        TaskFormatError: unreadable, not JSON, wrong format number, or a malformed task.
    """
    where = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise TaskFormatError(f"{where}: cannot read task file: {err}") from None
    except json.JSONDecodeError as err:
        raise TaskFormatError(
            f"{where}: not JSON (line {err.lineno}, column {err.colno}): {err.msg}"
        ) from None
    if not isinstance(data, dict):
        raise TaskFormatError(f"{where}: expected a JSON object with format, suite, version, tasks")
    if data.get("format") != TASK_FILE_FORMAT:
        raise TaskFormatError(
            f"{where}: field 'format' is {data.get('format')!r}, expected {TASK_FILE_FORMAT}"
        )
    for key in ("suite", "version"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise TaskFormatError(f"{where}: field {key!r} must be a non-empty string, got {data.get(key)!r}")
    if not isinstance(data.get("tasks"), list):
        raise TaskFormatError(f"{where}: field 'tasks' must be a list of task objects")
    tasks = []
    for i, raw in enumerate(data["tasks"]):
        tasks.append(parse_task(raw, f"{where} (tasks[{i}])"))
    return data["suite"], data["version"], tuple(tasks)


def load_suite_dir(directory: Path, name: str) -> Suite:
    """Load every ``*.json`` task file of ``directory`` (sorted by file name) as suite ``name``.

    Every file must name the same suite and version.

    Raises:
        TaskFormatError: no task files, a file names another suite or version, or a malformed task.
        TaskError: two tasks share an id.
    """
    files = sorted(directory.glob("*.json"))
    if not files:
        raise TaskFormatError(f"{directory}: no *.json task files for suite {name!r}")
    version: str | None = None
    tasks: list[Task] = []
    for path in files:
        suite, file_version, file_tasks = load_task_file(path)
        if suite != name:
            raise TaskFormatError(f"{path}: field 'suite' is {suite!r}, expected {name!r}")
        if version is not None and file_version != version:
            raise TaskFormatError(f"{path}: field 'version' is {file_version!r}, other files say {version!r}")
        version = file_version
        tasks.extend(file_tasks)
    assert version is not None
    return Suite(name=name, version=version, tasks=tuple(tasks))


def write_task_file(path: Path, suite: str, version: str, tasks: Sequence[Task]) -> None:
    """Write ``tasks`` as a task data file: stable bytes for equal tasks (sorted keys), one field per line
    and one example per line, so that diffs of the data stay readable."""

    def dump(value: object) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False)

    head = {"format": TASK_FILE_FORMAT, "suite": suite, "version": version}
    lines = ["{"] + [f" {dump(k)}: {dump(v)}," for k, v in head.items()] + [' "tasks": [']
    for n, task in enumerate(tasks):
        fields = []
        for key, value in sorted(task.to_json().items()):
            if key in ("visible", "hidden") and isinstance(value, list) and value:
                examples = ",\n".join(f"    {dump(e)}" for e in value)
                fields.append(f"   {dump(key)}: [\n{examples}\n   ]")
            else:
                fields.append(f"   {dump(key)}: {dump(value)}")
        lines.append("  {\n" + ",\n".join(fields) + "\n  }" + ("," if n < len(tasks) - 1 else ""))
    lines += [" ]", "}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
