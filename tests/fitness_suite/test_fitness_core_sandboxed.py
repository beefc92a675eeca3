"""The ``core`` data through the real scoring path: the harness runs each reference and wrong solution in
the solution sandbox and compares on the trusted side, exactly as a seed's solutions are scored."""

from __future__ import annotations

import textwrap

import pytest
from fitness_suite_specs import references, wrongs

from fitness.harness import Harness
from fitness.suites import load_suite


@pytest.mark.slow  # ~200 sandboxed runs; the in-process self-check covers the data in the fast lane
def test_references_score_1_and_wrong_solutions_less_through_the_sandbox() -> None:
    core = load_suite("core")
    reference, wrong = references(), wrongs()
    problems = []
    with Harness() as harness:
        for task in core.tasks:
            verdict = harness.run_hidden(task, textwrap.dedent(reference[task.id]))
            if (verdict.passed, verdict.total) != (len(task.hidden), len(task.hidden)):
                problems.append(f"{task.id}: reference {verdict}")
            for source in wrong[task.id]:
                verdict = harness.run_hidden(task, textwrap.dedent(source))
                if verdict.passed >= verdict.total:
                    problems.append(f"{task.id}: a wrong solution passes every hidden test in the sandbox")
    assert not problems, problems
