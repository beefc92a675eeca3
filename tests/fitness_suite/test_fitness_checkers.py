"""Trusted checkers: strict JSON equality, the named checkers, and check() never raising on any value."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fitness.checkers import CHECKERS, check, json_equal
from fitness.suites import load_suite
from fitness.tasks import Example, Task, TaskError

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner, max_size=4),
    max_leaves=12,
)


def task_with(checker: str | None) -> Task:
    return Task("t", "def f(x):\n    pass\n", "f", (), (Example((1,), 1),), checker, "easy", ("x",), "train")


@pytest.mark.parametrize(
    ("a", "b", "equal"),
    [
        (1, 1, True),
        (3, 3.0, True),
        (True, 1, False),
        (False, 0, False),
        (True, True, True),
        (None, 0, False),
        (None, None, True),
        ([1, [2]], [1, [2]], True),
        ([1, 2], [2, 1], False),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}, True),
        ({"a": 1}, {"a": 1, "b": 2}, False),
        ("1", 1, False),
        (float("nan"), float("nan"), False),
        ([], {}, False),
    ],
)
def test_json_equal_is_strict_about_bools_and_lenient_about_int_float(a: Any, b: Any, equal: bool) -> None:
    assert json_equal(a, b) is equal
    assert json_equal(b, a) is equal


def test_approx_unordered_and_groups() -> None:
    assert CHECKERS["approx"](Example((), [0.1 + 0.2, 2]), [0.3, 2.0000000001])
    assert not CHECKERS["approx"](Example((), 1.0), 1.001)
    assert not CHECKERS["approx"](Example((), 1), True)
    assert CHECKERS["unordered"](Example((), [1, 2, 2]), [2, 1, 2])
    assert not CHECKERS["unordered"](Example((), [1, 2, 2]), [1, 2])
    assert not CHECKERS["unordered"](Example((), [1]), [True])
    groups = CHECKERS["unordered_groups"]
    assert groups(Example((), [["a", "b"], ["c"]]), [["c"], ["b", "a"]])
    assert not groups(Example((), [["a", "b"], ["c"]]), [["a"], ["b", "c"]])
    assert not groups(Example((), [["a"]]), ["a"])


def test_topological_order_checker() -> None:
    deps = {"b": ["a"], "c": ["b", "a"]}
    ex = Example((deps,), ["a", "b", "c"])
    topo = CHECKERS["topological_order"]
    assert topo(ex, ["a", "b", "c"])
    assert not topo(ex, ["b", "a", "c"])
    assert not topo(ex, ["a", "b"])
    assert not topo(ex, ["a", "b", "c", "c"])
    assert not topo(ex, [])
    cyclic = Example(({"a": ["b"], "b": ["a"]},), [])
    assert topo(cyclic, []) and not topo(cyclic, ["a", "b"])


def test_pair_checker() -> None:
    pair = CHECKERS["pair_summing_to_target"]
    ex = Example(([3, 2, 4], 6), [1, 2])
    assert pair(ex, [1, 2])
    assert not pair(ex, [0, 0])
    assert not pair(ex, [2, 1])
    assert not pair(ex, [True, 2])
    assert not pair(ex, [])
    none = Example(([1, 2], 10), [])
    assert pair(none, []) and not pair(none, [0, 1])


def test_check_uses_the_tasks_checker_and_rejects_unknown_names() -> None:
    assert check(task_with(None), Example((), [1, 2]), [1, 2])
    assert not check(task_with(None), Example((), [1, 2]), [2, 1])
    assert check(task_with("unordered"), Example((), [1, 2]), [2, 1])
    assert check(task_with("humaneval"), Example((), [1, 2]), [1, 2])  # visible examples: exact
    with pytest.raises(TaskError, match="unknown checker 'nope'"):
        check(task_with("nope"), Example((), 1), 1)


@pytest.mark.parametrize("name", sorted(CHECKERS))
@settings(max_examples=40, deadline=None)
@given(actual=json_values)
def test_every_checker_returns_a_bool_for_any_json_value(name: str, actual: Any) -> None:
    for ex in (Example((), [1, 2]), Example(({"a": ["b"]},), ["b", "a"]), Example(([1, 2], 3), [0, 1])):
        assert check(task_with(name), ex, actual) in (True, False)


def test_every_registered_checker_is_used_by_a_core_task_or_documented() -> None:
    used = {t.checker or "exact" for t in load_suite("core").tasks}
    assert used <= set(CHECKERS)
    assert {"exact", "approx", "unordered_groups", "topological_order", "pair_summing_to_target"} <= used
