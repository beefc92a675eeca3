"""The harness end to end with a scripted LLM backend behind the real broker: scoring, forged results,
bad seeds, the LLM budget, the cascade and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fitness.harness import EvalConfig, EvaluationCancelled, Harness, SolveKind
from fitness.record import Outcome
from fitness.scoring import CascadeConfig, cascade_sample
from fitness.tasks import Example, Suite, Task
from llm.broker import Broker
from llm.cache import Generation
from llm.wire import GenerateRequest

REPO = Path(__file__).resolve().parents[2]


class ScriptedBackend:
    """A fake model for logic tests: answers every request with ``text`` and counts 10+10 tokens."""

    model_id = "scripted"
    n_ctx = 4096
    device = "cpu"
    concurrency = 1

    def __init__(self, text: str) -> None:
        self.text = text
        self.calls = 0

    def generate(
        self, request: GenerateRequest, token_limit: int | None, deadline_s: float | None
    ) -> Generation:
        self.calls += 1
        return Generation(self.text, 10, 10, "stop")

    def close(self) -> None:
        pass


def task(task_id: str, hidden: list[tuple[list[object], object]], split: str = "train") -> Task:
    return Task(
        id=task_id,
        prompt=f"def {task_id}(x):\n    '''Return something.'''\n",
        entry_point=task_id,
        visible=(Example((1,), 2),),
        hidden=tuple(Example(tuple(a), e) for a, e in hidden),
        checker=None,
        difficulty="easy",
        tags=("numbers",),
        split=split,
    )


DOUBLE = task("double", [([i], 2 * i) for i in range(8)])
SQUARE = task("square", [([i], i * i) for i in range(8)])
SUITE = Suite("toy", "toy-1", (DOUBLE, SQUARE))

SEED_FROM_TABLE = """
ANSWERS = {"double": "def double(x):\\n    return 2 * x\\n", "square": "def square(x):\\n    return x * 2\\n"}
def solve(task, llm, tools):
    return ANSWERS[task.entry_point]
"""


@pytest.fixture(scope="module")
def harness() -> Iterator[Harness]:
    config = EvalConfig(
        cascade=CascadeConfig(enabled=False), solve_timeout_s=5.0, tests_timeout_s=3.0, per_test_s=1.0
    )
    with Harness(None, config) as h:
        yield h


def test_scores_are_fractions_of_hidden_tests(harness: Harness) -> None:
    record = harness.evaluate(SEED_FROM_TABLE, SUITE, "train").record
    assert record.outcome is Outcome.SCORED
    by_id = {t.task_id: t for t in record.tasks}
    assert (by_id["double"].passed, by_id["double"].total) == (8, 8)
    assert by_id["square"].passed == 2  # x*2 == x*x only for 0 and 2
    assert record.aggregate == pytest.approx((1 + 2 / 8) / 2)
    assert record.behaviour == frozenset({"double"})


def test_a_cancelled_evaluation_stops_between_tasks(harness: Harness) -> None:
    asked: list[int] = []

    def after_first_task() -> bool:
        asked.append(1)
        return len(asked) > 1

    with pytest.raises(EvaluationCancelled) as stopped:
        harness.evaluate(SEED_FROM_TABLE, SUITE, cancelled=after_first_task)
    assert stopped.value.tasks_done == 1 and len(asked) == 2
    never = harness.evaluate(SEED_FROM_TABLE, SUITE, cancelled=lambda: False)
    assert len(never.record.tasks) == 2  # asked before each task, never after the last


@pytest.mark.parametrize(
    "solution",
    [
        # an object whose __eq__ is always True
        "class Liar:\n    def __eq__(self, o):\n        return True\ndef double(x):\n    return Liar()\n",
        # an int subclass that claims equality: it crosses as its plain value
        "class L(int):\n    def __eq__(self, o):\n        return True\ndef double(x):\n    return L(-1)\n",
        # printing fake results, then exiting before any test runs
        "import sys\nprint('[\"r\", 0, 0]')\nsys.exit(0)\n",
        # sys.exit(0) in the middle of a test
        "import sys\ndef double(x):\n    sys.exit(0)\n",
        # os._exit(0) before any result is written
        "import os\ndef double(x):\n    os._exit(0)\n",
        # monkeypatching builtins and the json module used by the runner
        "import builtins, json\nbuiltins.isinstance = lambda *a: True\njson.dumps = lambda *a, **k: '7'\n"
        "def double(x):\n    return -1\n",
        # patching the runner's writer (it is live: the loop calling this module uses it) so that every
        # test, failed or not, claims to have returned True
        "import sys\nr = sys.modules['fitness.sandbox.runner']\nline = r.Out.line\n"
        "def forged(self, *items):\n"
        "    line(self, *(('r', items[1], True) if items and items[0] in ('r', 'e') else items))\n"
        "r.Out.line = forged\n"
        "def double(x):\n    raise ValueError(x)\n",
    ],
)
def test_forged_results_do_not_pass(harness: Harness, solution: str) -> None:
    verdict = harness.run_hidden(DOUBLE, solution)
    assert verdict.passed <= 1  # at most the one test whose answer happens to be 0 (double(0) == 0)
    assert harness.run_hidden(DOUBLE, "def double(x):\n    return 2 * x\n").passed == 8


def test_humaneval_style_task_is_judged_outside_the_candidate(harness: Harness) -> None:
    code_task = Task(
        id="he",
        prompt="def add(a, b):\n    '''Add.'''\n",
        entry_point="add",
        visible=(),
        hidden=(),
        checker="humaneval",
        difficulty="easy",
        tags=("numbers",),
        split="holdout",
        test_code="def check(candidate):\n    assert candidate(2, 3) == 5\n",
    )
    assert harness.run_hidden(code_task, "def add(a, b):\n    return a + b\n").passed == 1
    assert harness.run_hidden(code_task, "def add(a, b):\n    return a - b\n").passed == 0
    # A forged passing verdict written to every descriptor (the call channel among them), then an exit.
    forged = (
        "import os\nfor fd in range(3, 20):\n"
        '    try:\n        os.write(fd, b\'["verdict", "0", true, ""]\\n\')\n'
        "    except OSError:\n        pass\n"
        "raise SystemExit(0)\n"
    )
    assert harness.run_hidden(code_task, forged).passed == 0


def test_a_wrong_solution_names_the_visible_example_it_got_wrong(harness: Harness) -> None:
    verdict = harness.run_hidden(DOUBLE, "def double(x):\n    return x + 3\n")
    assert verdict.passed == 1 and verdict.reason == "test 0: wrong answer"  # hidden: no detail
    assert verdict.visible == "double(1) should return 2 but returned 4"
    verdict = harness.run_hidden(DOUBLE, "def double(x):\n    return [][x]\n")
    assert verdict.visible.startswith("double(1) should return 2 but raised IndexError")
    assert harness.run_hidden(DOUBLE, "def double(x):\n    return 2 * x\n").visible == ""
    # right on the visible example, wrong on hidden ones: nothing visible to show
    assert harness.run_hidden(DOUBLE, "def double(x):\n    return 2 if x == 1 else 0\n").visible == ""


def test_bad_solutions_score_zero_with_a_reason(harness: Harness) -> None:
    verdict = harness.run_hidden(DOUBLE, "def double(:\\n    return")
    assert verdict.passed == 0 and "not valid Python" in verdict.reason
    verdict = harness.run_hidden(DOUBLE, "def triple(x):\n    return 3 * x\n")
    assert verdict.passed == 0 and "no function named 'double'" in verdict.reason
    verdict = harness.run_hidden(DOUBLE, "def double(x):\n    while True:\n        pass\n")
    assert verdict.passed == 0 and verdict.reason


def test_seed_without_solve_is_invalid(harness: Harness) -> None:
    record = harness.evaluate(
        "def reproduce(source, n, rng_seed, genome, llm):\n    return []\n", SUITE
    ).record
    assert record.outcome is Outcome.INVALID and "solve" in record.reason
    record = harness.evaluate("def solve(:\n", SUITE).record
    assert record.outcome is Outcome.INVALID and "not valid Python" in record.reason
    # One definition of a seed (genome.validate): a name bound to something else is refused before it runs.
    record = harness.evaluate("solve = 3\n", SUITE).record
    assert record.outcome is Outcome.INVALID and record.reason == "seed defines no solve(task, llm, tools)"


def test_seed_crashing_at_import_is_crashed(harness: Harness) -> None:
    record = harness.evaluate(
        "raise RuntimeError('boom')\ndef solve(task, llm, tools):\n    return ''\n", SUITE
    ).record
    assert record.outcome is Outcome.CRASHED and "boom" in record.reason


def test_hanging_seed_times_out() -> None:
    seed = "import time\ndef solve(task, llm, tools):\n    time.sleep(100)\n"
    with Harness(None, EvalConfig(cascade=CascadeConfig(enabled=False), solve_timeout_s=1.0)) as h:
        record = h.evaluate(seed, SUITE).record
    assert record.outcome is Outcome.TIMED_OUT and record.aggregate == 0.0


def test_seed_sees_no_hidden_tests_and_tools_run_visible_examples(harness: Harness) -> None:
    seed = """
def solve(task, llm, tools):
    assert not hasattr(task, "hidden") and not hasattr(task, "test_code")
    tools.publish("hello from " + task.id)
    good = "def double(x):\\n    return 2 * x\\n"
    results = tools.run(good, task.visible)
    assert results[0]["passed"], results
    bad = tools.run("def double(x):\\n    while True:\\n        pass\\n", task.visible, timeout_s=0.3)
    assert not bad[0]["passed"]
    return good
"""
    score, solved = harness.score_task(seed, DOUBLE)
    assert solved.kind is SolveKind.SOLUTION, solved.reason
    assert score.passed == 8 and solved.published == ("hello from double",)


def test_llm_budget_is_enforced_and_counted() -> None:
    backend = ScriptedBackend("def double(x):\n    return 2 * x\n")
    broker = Broker(backend)
    seed = """
def solve(task, llm, tools):
    text = ""
    for _ in range(1000):
        try:
            text = llm.complete(task.prompt, temperature=0.0, max_tokens=20)
        except Exception as err:
            if "budget" not in str(err).lower() and "budget" not in type(err).__name__.lower():
                raise
            break
    return text
"""
    config = EvalConfig(cascade=CascadeConfig(enabled=False), tokens_per_task=100, solve_timeout_s=10.0)
    try:
        with Harness(broker, config, model="scripted") as h:
            score, solved = h.score_task(seed, DOUBLE)
    finally:
        broker.close()
    assert solved.kind is SolveKind.SOLUTION, solved.reason
    assert score.passed == 8
    assert 0 < solved.prompt_tokens + solved.completion_tokens <= 120
    assert backend.calls <= 6


def test_cascade_stops_a_child_worse_than_its_parent() -> None:
    tasks = tuple(task(f"t{i}", [([1], 1)]) for i in range(6))
    suite = Suite("toy", "toy-c", tasks)
    failing = "def solve(task, llm, tools):\n    return 'def f(): pass'\n"
    config = EvalConfig(cascade=CascadeConfig(enabled=True, size=2, factor=0.9), solve_timeout_s=5.0)
    with Harness(None, config) as h:
        stopped = h.evaluate(failing, suite, "train", parent_cascade=0.5)
        full = h.evaluate(failing, suite, "train", parent_cascade=None)
    assert stopped.record.stage == "cascade" and len(stopped.record.tasks) == 2
    assert stopped.cascade_score == 0.0 and "cascade stopped" in stopped.record.reason
    assert full.record.stage == "full" and len(full.record.tasks) == 6
    assert cascade_sample(tasks, 2, "toy-c") == cascade_sample(tasks, 2, "toy-c")


def test_reproduce_runs_in_the_seed_sandbox(harness: Harness) -> None:
    seed = """
def solve(task, llm, tools):
    return ""
def reproduce(source, n, rng_seed, genome, llm, partner_source=None):
    assert hasattr(genome, "seed_id")
    return [source + f"\\n# child {i} {rng_seed} {partner_source is not None}\\n" for i in range(n + 3)]
"""
    children = [c.source for c in harness.reproduce(seed, 2, 7, partner_source="x = 1\n").children]
    assert len(children) == 2 and children[0].endswith("# child 0 7 True\n")
    assert harness.reproduce("def solve(t, l, x):\n    return ''\n", 2, 7).children == ()


HEADER = "def solve(task, llm, tools):\n    return ''\ndef reproduce(source, n, rng_seed, genome, llm):\n"
BAD_REPRODUCE = {
    "too_many": (
        "return [source + f'\\n# {i}\\n' for i in range(5)]",
        2,
        ["returned 5 children for n=2: kept the first 2"],
    ),
    "non_string": (
        "return [source + '\\n# a\\n', 42, {'source': 7}]",
        1,
        ["child 1 is a int", "child 2 is a dict"],
    ),
    "not_a_list": ("return 'abc'", 0, ["reproduce must return a list"]),
    "raises": ("raise RuntimeError('no')", 0, ["reproduce raised RuntimeError: no"]),
}


@pytest.mark.parametrize("case", sorted(BAD_REPRODUCE))
def test_bad_reproduce_output_is_cut_or_dropped_with_the_reason(harness: Harness, case: str) -> None:
    body, kept, reasons = BAD_REPRODUCE[case]
    seed = f"{HEADER}    {body}\n"
    made = harness.reproduce(seed, 2, 7)
    assert len(made.children) == kept
    assert all(isinstance(c.source, str) for c in made.children)
    for reason in reasons:
        assert any(reason in p for p in made.problems), made.problems


def test_a_seed_that_behaves_reports_no_problem(harness: Harness) -> None:
    seed = HEADER + "    return [source + '\\n# x\\n']\n"
    made = harness.reproduce(seed, 2, 7)
    assert len(made.children) == 1 and made.problems == ()


@pytest.mark.slow  # three interpreter start-ups and three evaluations
def test_cli_prints_a_table_and_aggregate(tmp_path: Path) -> None:
    seed = tmp_path / "seed.py"
    seed.write_text("def solve(task, llm, tools):\n    return task.prompt + '\\n    return None\\n'\n")
    cmd = [
        sys.executable,
        "-m",
        "fitness",
        "eval",
        str(seed),
        "--suite",
        "core",
        "--model",
        "none",
        "--tasks",
        "3",
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "aggregate" in out.stdout and "outcome scored" in out.stdout
    out = subprocess.run([*cmd, "--json"], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert json.loads(out.stdout)["suite"] == "core"
    bad = tmp_path / "bad.py"
    bad.write_text("x = 1\n")
    out = subprocess.run(
        [*cmd[:4], str(bad), *cmd[5:]], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert out.returncode == 1 and "invalid" in out.stdout


def test_island_inbox_goes_in_and_published_messages_come_back(harness: Harness) -> None:
    seed = """
def solve(task, llm, tools):
    for message in tools.inbox():
        tools.publish("seen " + message)
    return "def double(x):\\n    return 2 * x\\n"
"""
    evaluation = harness.evaluate(seed, SUITE, "train", inbox=["a", "b"])
    assert evaluation.published == ("seen a", "seen b", "seen a", "seen b")


ASK_TWICE = """
PROMPT = "Write {name}"


def solve(task, llm, tools):
    first = llm.complete(PROMPT.format(name=task.entry_point), temperature=0.0, max_tokens=5)
    llm.complete(first + " again", temperature=0.0, max_tokens=5)
    return first
"""


def test_behaviour_digests_are_equal_exactly_when_the_conversation_and_answer_are() -> None:
    backend = ScriptedBackend("def double(x):\n    return 2 * x\n")
    broker = Broker(backend)
    config = EvalConfig(cascade=CascadeConfig(enabled=False), solve_timeout_s=10.0)
    reworded = ASK_TWICE.replace('"Write {name}"', '"Please write {name}"')
    comment = "# a comment changes the seed, not what it asks\n" + ASK_TWICE
    try:
        with Harness(broker, config, model="scripted") as h:
            digests = [h.evaluate(s, SUITE).digests for s in (ASK_TWICE, comment, reworded, ASK_TWICE)]
    finally:
        broker.close()
    assert set(digests[0]) == {"double", "square"} and digests[0]["double"] != digests[0]["square"]
    assert digests[0] == digests[1] == digests[3]  # same requests, same replies, same answer
    assert digests[2]["double"] != digests[0]["double"]  # another request: another behaviour
    with Harness(None, config) as h:  # without a model the digest is the answer alone
        plain = h.evaluate(SEED_FROM_TABLE, SUITE).digests
        other = h.evaluate(SEED_FROM_TABLE.replace("x * 2", "x * x"), SUITE).digests
    assert plain["double"] == other["double"] and plain["square"] != other["square"]


def test_failures_reach_a_reproduce_that_names_them(harness: Harness) -> None:
    seed = """
def solve(task, llm, tools):
    return ""


def reproduce(source, n, rng_seed, genome, llm, failures=None):
    return [source + "\\n# " + ",".join(f["task_id"] + ":" + f["reason"] for f in failures or []) + "\\n"]
"""
    failures = [{"task_id": "double", "prompt": "def double(x): ...", "entry_point": "double", "reason": "r"}]
    (child,) = harness.reproduce(seed, 1, 3, failures=failures).children
    assert child.source.endswith("# double:r\n")
    plain = seed.replace(", failures=None", "").replace("failures or []", "[]")
    (child,) = harness.reproduce(plain, 1, 3, failures=failures).children  # not named: not passed
    assert child.source.endswith("# \n")
