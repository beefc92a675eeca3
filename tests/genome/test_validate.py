from __future__ import annotations

import pytest

from genome import DEFAULT_LIMITS, Limits, validate

GOOD = (
    "def solve(task, llm, tools):\n    return ''\n\n\n"
    "def reproduce(source, n, rng_seed, genome, llm):\n    return []\n"
)


def codes(source: str | bytes, **kwargs: object) -> list[str]:
    return [p.code for p in validate(source, **kwargs)]  # type: ignore[arg-type]


def test_a_good_seed_has_no_problems() -> None:
    assert validate(GOOD, required=("solve", "reproduce")) == []


def test_missing_function_is_named() -> None:
    problems = validate("def solve(task, llm, tools):\n    return ''\n", required=("solve", "reproduce"))
    assert [p.message for p in problems] == ["no top-level function reproduce(); a seed must define it"]


def test_syntax_error_has_line_and_column() -> None:
    [problem] = validate("def solve(:\n")
    assert (problem.code, problem.line, problem.col) == ("syntax", 1, 11)


def test_compile_errors_that_parse() -> None:
    assert codes("def solve():\n    nonlocal x\n") == ["compile"]
    assert codes("return 1\n", required=()) == ["compile"]


@pytest.mark.parametrize(("source", "code"), [(b"\xff\xfe", "source"), ("", "source"), ("   \n", "source")])
def test_unusable_text(source: str | bytes, code: str) -> None:
    assert codes(source) == [code]


def test_limits_are_named_in_the_message() -> None:
    tight = Limits(max_bytes=DEFAULT_LIMITS.max_bytes, max_nodes=10, max_depth=5)
    problems = validate(GOOD + "x = [[[[[[1]]]]]]\n", limits=tight)
    messages = " ".join(p.message for p in problems)
    assert "max_nodes=10" in messages and "max_depth=5" in messages
    [big] = validate(GOOD, limits=Limits(max_bytes=10))
    assert "max_bytes=10" in big.message
