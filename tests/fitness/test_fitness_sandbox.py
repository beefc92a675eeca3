"""The solution sandbox on ordinary and malformed solutions: plain JSON back, per-test errors, reasons."""

from __future__ import annotations

from sandbox_helpers import assert_nothing_left

from fitness.sandbox import ExecStatus, Sandbox
from fitness.sandbox.linux import landlock_abi


def run(
    sb: Sandbox, source: str, args: list[list[object]], timeout: float = 5.0, per_test: float = 1.0
) -> tuple:
    result = sb.execute(
        {"mode": "tests", "source": source, "entry": "f", "args": args, "per_test_s": per_test}, timeout
    )
    return result.status, result.lines


def test_returns_plain_json_per_test(solution_sandbox: Sandbox) -> None:
    status, lines = run(solution_sandbox, "def f(a, b):\n    return (a + b, [a])\n", [[1, 2], [3, 4]])
    assert status is ExecStatus.EXITED
    assert lines == (["r", 0, [3, [1]]], ["r", 1, [7, [3]]])


def test_exception_in_one_test_fails_only_that_test(solution_sandbox: Sandbox) -> None:
    _, lines = run(solution_sandbox, "def f(x):\n    return 10 // x\n", [[2], [0], [5]])
    assert lines[0] == ["r", 0, 5]
    assert lines[1][:2] == ["e", 1] and "ZeroDivisionError" in lines[1][2]
    assert lines[2] == ["r", 2, 2]


def test_not_python_and_wrong_name_are_load_errors(solution_sandbox: Sandbox) -> None:
    _, lines = run(solution_sandbox, "def f(:\n", [[1]])
    assert lines[0][0] == "load" and "SyntaxError" in lines[0][1]
    _, lines = run(solution_sandbox, "def g(x):\n    return x\n", [[1]])
    assert lines == (["load", "the solution defines no function named 'f'"],)


def test_unserializable_return_is_a_test_error(solution_sandbox: Sandbox) -> None:
    _, lines = run(solution_sandbox, "def f():\n    return {1, 2}\n", [[]])
    assert lines[0][:2] == ["e", 0] and "not plain JSON" in lines[0][2]


def test_worker_is_reused_and_leaves_nothing(solution_sandbox: Sandbox) -> None:
    pid = solution_sandbox._proc.pid if solution_sandbox._proc else None
    for i in range(20):
        _, lines = run(solution_sandbox, f"def f():\n    return {i}\n", [[]])
        assert lines == (["r", 0, i],)
    assert solution_sandbox._proc is not None and solution_sandbox._proc.pid == pid
    assert_nothing_left(solution_sandbox)


def test_mechanisms_are_reported(solution_sandbox: Sandbox) -> None:
    mech = solution_sandbox.mechanisms
    assert mech is not None
    abi = landlock_abi()  # probed here, independently of the worker
    assert mech.landlock_abi == abi
    assert (f"landlock=abi{abi}" if abi else "landlock=no") in mech.describe()
