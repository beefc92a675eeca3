"""Trusted comparison of a solution's returned value with a hidden example.

The solution sandbox returns the JSON of what ``entry_point(*example.args)`` returned; the harness parses
it into plain values and calls :func:`check` here, on the trusted side. A checker never sees a solution's
objects (so an ``__eq__`` that always returns True cannot pass), only ``None``, bools, ints, floats,
strings, lists and string-keyed dicts.

Checkers are pure and never raise: any value of the wrong shape is simply a failure.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

from fitness.tasks import CHECKER_NAMES, CODE_TEST_CHECKER, JSON, Example, Task, TaskError

Checker = Callable[[Example, JSON], bool]

REL_TOL = 1e-6
ABS_TOL = 1e-9


def json_equal(a: JSON, b: JSON) -> bool:
    """Structural equality of JSON values.

    Unlike Python's ``==``: a bool equals only a bool (``True != 1``), NaN equals nothing. Like it: an
    int equals a float of the same value (``3 == 3.0``), list order matters, dict key order does not.
    """
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b  # NaN != NaN by IEEE rules
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    return False


def json_close(a: JSON, b: JSON) -> bool:
    """Like :func:`json_equal`, but numbers (not bools) match within ``REL_TOL``/``ABS_TOL``."""
    if isinstance(a, bool) or isinstance(b, bool):
        return json_equal(a, b)
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=ABS_TOL)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_close(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_close(a[k], b[k]) for k in a)
    return json_equal(a, b)


def _key(value: JSON) -> str:
    """A canonical text of a JSON value, for multiset comparison (bools stay distinct from ints)."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int | float):
        return repr(float(value)) if isinstance(value, float) and not value.is_integer() else repr(int(value))
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list):
        return "[" + ",".join(_key(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(f"{k!r}:{_key(value[k])}" for k in sorted(value)) + "}"
    return f"<{type(value).__name__}>"


def exact(example: Example, actual: JSON) -> bool:
    """The default: ``actual`` equals ``example.expected`` (:func:`json_equal`)."""
    return json_equal(example.expected, actual)


def approx(example: Example, actual: JSON) -> bool:
    """Numbers anywhere in the value match within a relative 1e-6 (absolute 1e-9)."""
    return json_close(example.expected, actual)


def unordered(example: Example, actual: JSON) -> bool:
    """Both are lists with the same elements, counted with multiplicity, in any order."""
    expected = example.expected
    if not isinstance(expected, list) or not isinstance(actual, list):
        return False
    return Counter(_key(v) for v in expected) == Counter(_key(v) for v in actual)


def unordered_groups(example: Example, actual: JSON) -> bool:
    """Lists of lists where neither the groups' order nor the order inside a group matters."""
    expected = example.expected
    if not isinstance(expected, list) or not isinstance(actual, list):
        return False
    if not all(isinstance(g, list) for g in actual) or not all(isinstance(g, list) for g in expected):
        return False

    def canon(groups: list[JSON]) -> Counter[str]:
        return Counter("|".join(sorted(_key(v) for v in g)) for g in groups if isinstance(g, list))

    return canon(expected) == canon(actual)


def topological_order(example: Example, actual: JSON) -> bool:
    """``actual`` lists every node of ``args[0]`` (``{node: [nodes it depends on]}``) once, each after its
    dependencies. If the graph has a cycle the expected answer is ``[]`` and only ``[]`` passes."""
    graph = example.args[0] if example.args else None
    if not isinstance(graph, dict) or not isinstance(actual, list):
        return False
    if example.expected == []:
        return actual == []
    nodes = set(graph)
    for deps in graph.values():
        if isinstance(deps, list):
            nodes.update(d for d in deps if isinstance(d, str))
    if not all(isinstance(n, str) for n in actual) or len(actual) != len(nodes) or set(actual) != nodes:
        return False
    position = {n: i for i, n in enumerate(actual) if isinstance(n, str)}
    for node, deps in graph.items():
        if isinstance(deps, list) and any(position[d] > position[node] for d in deps if isinstance(d, str)):
            return False
    return True


def pair_summing_to_target(example: Example, actual: JSON) -> bool:
    """``actual`` is ``[i, j]`` with ``i < j`` and ``nums[i] + nums[j] == target``, where
    ``args = [nums, target]``; when no pair exists the expected answer is ``[]`` and only ``[]`` passes."""
    if len(example.args) != 2 or not isinstance(actual, list):
        return False
    nums, target = example.args
    if example.expected == []:
        return actual == []
    if not isinstance(nums, list) or len(actual) != 2:
        return False
    i, j = actual
    if isinstance(i, bool) or isinstance(j, bool) or not isinstance(i, int) or not isinstance(j, int):
        return False
    if not 0 <= i < j < len(nums):
        return False
    a, b = nums[i], nums[j]
    return isinstance(a, int) and isinstance(b, int) and a + b == target


CHECKERS: dict[str, Checker] = {
    "exact": exact,
    "approx": approx,
    "unordered": unordered,
    "unordered_groups": unordered_groups,
    "topological_order": topological_order,
    "pair_summing_to_target": pair_summing_to_target,
}
"""Value checkers by name; ``Task.checker`` names one (``None`` means ``"exact"``)."""

if tuple(CHECKERS) != CHECKER_NAMES:  # the task format names checkers without importing this module
    raise ImportError(
        f"fitness.checkers.CHECKERS {tuple(CHECKERS)} and fitness.tasks.CHECKER_NAMES {CHECKER_NAMES} "
        "disagree; add a new checker's name to both"
    )


def check(task: Task, example: Example, actual: JSON) -> bool:
    """Does ``actual`` (the JSON value the solution returned for ``example``) pass? Pure, never raises
    on any JSON ``actual``.

    For a code-tested task (``checker == "humaneval"``) the only examples are the visible ones, which
    compare with ``exact``; its hidden verdict comes from :mod:`fitness.judge`.

    Raises:
        TaskError: the task's checker is unknown (a task built in code, bypassing
            :func:`fitness.tasks.parse_task`).
    """
    name = task.checker or "exact"
    if name == CODE_TEST_CHECKER:
        name = "exact"
    checker = CHECKERS.get(name)
    if checker is None:
        raise TaskError(f"task {task.id!r} names unknown checker {name!r}; known: {', '.join(CHECKERS)}")
    try:
        return checker(example, actual)
    except (TypeError, ValueError, KeyError, IndexError, RecursionError, OverflowError):
        return False  # a malformed value is a failure of the solution, never of the harness
