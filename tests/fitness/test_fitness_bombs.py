"""Untrusted text is parsed under limits: a child or parent built to exhaust libcst (wide and deep nesting), the
parser (thousands of brackets) or the boundary (thousands of huge children) costs a lost child, never a worker.
Crossover, the one place trusted code parses archived text with libcst, runs in the seed sandbox."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import genome
from fitness.harness import EvalConfig, Harness
from fitness.scoring import CascadeConfig
from genome import DEFAULT_LIMITS, SourceError, accepted_child_id, size_problems, validate
from seeds import ORIGIN_SEEDS, origin_source

A = (
    "def solve(task, llm, tools):\n    return 'a'\n\n\n"
    "def reproduce(source, n, rng_seed, genome, llm):\n    return []\n"
)
B = A.replace("'a'", "'b'")
# 100 lines of a list nested 95 deep: 19 KB, within the byte, node and depth limits, yet libcst would take
# ~17 s and ~0.8 GB on it (measured); the parse-work limit refuses it after one cheap ast walk.
WIDE_AND_DEEP = "".join(f"x{i} = " + "[" * 95 + "]" * 95 + "\n" for i in range(100))
BRACKETS = "x = " + "(" * 5000 + ")" * 5000 + "\n"  # CPython's parser refuses it first (too many nested)


@pytest.fixture(scope="module")
def harness() -> Iterator[Harness]:
    with Harness(None, EvalConfig(cascade=CascadeConfig(enabled=False), reproduce_timeout_s=20.0)) as h:
        yield h


def test_parse_work_is_limited_before_libcst_sees_the_text() -> None:
    assert len(WIDE_AND_DEEP) < DEFAULT_LIMITS.max_bytes
    codes = [p.code for p in validate(WIDE_AND_DEEP, required=())]
    assert codes == ["too-complex"]
    with pytest.raises(SourceError, match="max_work"):
        genome.Parsed(WIDE_AND_DEEP)
    assert accepted_child_id(WIDE_AND_DEEP) is None


def test_deep_brackets_are_refused_by_the_parser() -> None:
    assert [p.code for p in validate(BRACKETS, required=())] == ["syntax"]
    assert accepted_child_id(BRACKETS) is None


def test_the_limits_leave_room_for_real_seeds() -> None:
    for name in ORIGIN_SEEDS:  # the shipped origins are far inside every limit
        source = origin_source(name)
        assert size_problems(genome.parse(source)) == [], name
        assert accepted_child_id(source) is not None, name


def test_crossover_runs_in_the_seed_sandbox_and_the_jobs_seed_decides(harness: Harness) -> None:
    made = harness.crossover(A, B, 1)
    assert made.problems == () and len(made.children) == 1
    child = made.children[0]
    assert "'b'" in child.source and "def reproduce" in child.source
    assert child.operator == "crossover:crossover_function"
    assert harness.crossover(A, B, 1) == made


def test_a_crossover_with_nothing_to_exchange_or_a_bomb_gives_no_child_and_says_why(harness: Harness) -> None:
    for partner in (A, "def solve(:\n", WIDE_AND_DEEP):
        made = harness.crossover(A, partner, 1)
        assert made.children == ()
        assert len(made.problems) == 1 and made.problems[0].startswith("no crossover child: "), made.problems
    assert "max_work" in harness.crossover(WIDE_AND_DEEP, B, 1).problems[0]


HEADER = "def solve(task, llm, tools):\n    return ''\ndef reproduce(source, n, rng_seed, genome, llm):\n"


def test_thousands_of_large_children_are_cut_inside_the_sandbox(harness: Harness) -> None:
    # 5000 references to one 100 KB child: cheap to make, ~500 MB if the runner copied them all out.
    seed = HEADER + "    return ['x = 1\\n' + '#' * 100_000] * 5000\n"
    made = harness.reproduce(seed, 2, 7)
    assert len(made.children) == 2
    assert any("returned 5000 children for n=2" in p for p in made.problems), made.problems


def test_a_child_over_the_size_limit_is_dropped_in_the_sandbox(harness: Harness) -> None:
    seed = HEADER + f"    return ['#' * {DEFAULT_LIMITS.max_bytes + 1}, source]\n"
    made = harness.reproduce(seed, 2, 7)
    assert [c.source for c in made.children] == [seed]
    assert any("over the limit" in p for p in made.problems), made.problems


def test_a_bomb_child_is_refused_and_the_harness_goes_on(harness: Harness) -> None:
    seed = HEADER + f"    return [{WIDE_AND_DEEP!r}, source]\n"
    made = harness.reproduce(seed, 2, 7)
    assert len(made.children) == 2  # the boundary passes texts; the genome's check refuses the bomb
    assert [accepted_child_id(c.source) is None for c in made.children] == [True, False]
    assert harness.crossover(A, B, 1).children  # the same sandbox keeps working
