"""Authoring specs of the ``core`` suite: load the family modules in ``solutions/`` and build Tasks.

Each ``solutions/<family>.py`` defines ``TASKS`` (a list of plain dicts: id, sig, doc, difficulty, tags,
visible, hidden, optional checker, ref, wrong) plus ``REFERENCE[task_id]`` and ``WRONG[task_id]`` source
strings. They live under ``tests/`` so that no seed can ever import or read them from the package.

``python tests/fitness_suite/make_core.py`` turns the specs into the committed data files in
``fitness/suites/core/`` (expected values computed by the reference solutions); from then on the data is
the source of truth and ``test_fitness_core_suite.py`` checks it against the references.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from fitness.tasks import DIFFICULTIES, Example, Task

SOLUTIONS_DIR = Path(__file__).resolve().parent / "solutions"
FAMILIES = ("strings", "lists", "dicts", "numbers", "parsing", "recursion", "dp", "simulation")
VERSION = "core-1"


def load_family(family: str) -> ModuleType:
    """Import ``solutions/<family>.py`` by path (no package, so no name clashes with other test dirs)."""
    path = SOLUTIONS_DIR / f"{family}.py"
    spec = importlib.util.spec_from_file_location(f"_core_solutions_{family}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def all_specs() -> dict[str, list[dict[str, Any]]]:
    """Family name → its task specs, in file order."""
    return {family: list(load_family(family).TASKS) for family in FAMILIES}


def references() -> dict[str, str]:
    """Task id → reference solution source, over every family."""
    out: dict[str, str] = {}
    for family in FAMILIES:
        out.update(load_family(family).REFERENCE)
    return out


def wrongs() -> dict[str, list[str]]:
    """Task id → plausible wrong solution sources, over every family."""
    out: dict[str, list[str]] = {}
    for family in FAMILIES:
        out.update(load_family(family).WRONG)
    return out


def compile_function(source: str, entry_point: str) -> Callable[..., Any]:
    """Exec trusted source (ours: a reference or a wrong solution) and return its entry point."""
    namespace: dict[str, Any] = {}
    exec(compile(textwrap.dedent(source), f"<{entry_point}>", "exec"), namespace)
    return namespace[entry_point]  # type: ignore[no-any-return]


def call_json(fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    """Call ``fn`` the way the harness does: fresh JSON-decoded args in, JSON round trip of the result."""
    fresh = json.loads(json.dumps(list(args)))
    return json.loads(json.dumps(fn(*fresh)))


def entry_point_of(sig: str) -> str:
    match = re.match(r"def\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(", sig)
    assert match, sig
    return match.group(1)


def build_prompt(sig: str, doc: str, entry: str, visible: list[Example]) -> str:
    """Signature + docstring, with the visible examples as doctest lines."""
    lines = [
        sig,
        '    """' + textwrap.dedent(doc).strip().replace("\n", "\n    ").replace("\n    \n", "\n\n"),
    ]
    if visible:
        lines.append("")
        for ex in visible:
            call = ", ".join(repr(a) for a in ex.args)
            lines.append(f"    >>> {entry}({call})")
            lines.append(f"    {ex.expected!r}")
    lines.append('    """')
    return "\n".join(lines) + "\n"


def assign_splits(specs: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    """Task id → split, about 60/40 train/holdout within every difficulty AND every family.

    Greedy and deterministic: tasks in (difficulty, sha256(id)) order each go to the split that keeps
    both their difficulty's and their family's train share closest to 60%.
    """
    family_of = {s["id"]: family for family, items in specs.items() for s in items}
    difficulty_of = {s["id"]: s["difficulty"] for items in specs.values() for s in items}
    order = sorted(
        family_of,
        key=lambda i: (DIFFICULTIES.index(difficulty_of[i]), hashlib.sha256(i.encode()).hexdigest()),
    )
    seen: dict[str, int] = {}
    train: dict[str, int] = {}
    split: dict[str, str] = {}
    for task_id in order:
        keys = (difficulty_of[task_id], family_of[task_id])
        cost = [
            sum((train.get(k, 0) + extra - 0.6 * (seen.get(k, 0) + 1)) ** 2 for k in keys) for extra in (0, 1)
        ]
        split[task_id] = "train" if cost[1] <= cost[0] else "holdout"
        for k in keys:
            seen[k] = seen.get(k, 0) + 1
            train[k] = train.get(k, 0) + (split[task_id] == "train")
    return split


def build_tasks() -> dict[str, list[Task]]:
    """Family → Tasks, expected values computed by the references."""
    specs = all_specs()
    split = assign_splits(specs)
    out: dict[str, list[Task]] = {}
    for family, items in specs.items():
        tasks = []
        for s in items:
            entry = entry_point_of(s["sig"])
            fn = compile_function(s["ref"], entry)
            visible = [
                Example(tuple(json.loads(json.dumps(list(a)))), call_json(fn, a)) for a in s["visible"]
            ]
            hidden = [Example(tuple(json.loads(json.dumps(list(a)))), call_json(fn, a)) for a in s["hidden"]]
            tasks.append(
                Task(
                    id=s["id"],
                    prompt=build_prompt(s["sig"], s["doc"], entry, visible),
                    entry_point=entry,
                    visible=tuple(visible),
                    hidden=tuple(hidden),
                    checker=s.get("checker"),
                    difficulty=s["difficulty"],
                    tags=tuple(s["tags"]),
                    split=split[s["id"]],
                )
            )
        out[family] = tasks
    return out
