"""Benchmark the fitness sandbox and harness.

Usage: ``python bench/fitness.py [--model NAME|none] [--runs N] [--only all|sandbox|llm] [--core-limit N]
[--humaneval-limit N]``

Figures (printed, never asserted):
    cold exec ms        a fresh ``python -I`` interpreter per execution (spawn → exit), running one batch;
    warm exec ms        one hidden-test batch on a warm worker: supervisor-measured (request received →
                        last result line), and the harness's full round trip (request → parsed reply);
    tests/s             hidden-test executions per second, every ``core`` train task, trivial solutions;
    core train wall s   scoring a plain greedy seed on the whole ``core`` train split with the LLM, and the
                        share of that wall time not spent in LLM calls (an upper bound on sandbox cost);
    humaneval pass@1    the same greedy seed on all 164 HumanEval problems (the baseline to beat).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fitness.harness import EvalConfig, Harness
from fitness.sandbox import Sandbox, SandboxKind
from fitness.scoring import CascadeConfig
from fitness.suites import load_suite
from fitness.tasks import Suite
from llm.models import DEFAULT_MODEL

GREEDY_SEED = '''
"""A plain greedy seed: one greedy completion of the prompt, returned as is."""

MAX_TOKENS = 384
STOP = ["\\ndef ", "\\nclass ", "\\nif __name__", "\\nprint(", "\\nassert ", "\\n#"]


def solve(task, llm, tools):
    completion = llm.complete(task.prompt, temperature=0.0, max_tokens=MAX_TOKENS, stop=STOP)
    return task.prompt + completion
'''

SOURCE = "def f(a, b):\n    return a + b\n"
ARGS = [[i, i] for i in range(10)]
BATCH: dict[str, Any] = {"mode": "tests", "source": SOURCE, "entry": "f", "args": ARGS}
COLD = (
    "import json,sys\nns={}\nexec(compile(sys.argv[1],'s','exec'),ns)\n"
    "print(json.dumps([ns['f'](*a) for a in json.loads(sys.argv[2])]))"
)


def ms(values: list[float]) -> str:
    p90 = sorted(values)[int(len(values) * 0.9)]
    return f"median {statistics.median(values) * 1000:.2f} ms, p90 {p90 * 1000:.2f} ms"


def bench_exec(runs: int) -> None:
    import json

    cold = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-I", "-c", COLD, SOURCE, json.dumps(ARGS)],
            check=True,
            capture_output=True,
        )
        cold.append(time.perf_counter() - start)
    print(f"cold interpreter per batch      {ms(cold)}")
    with Sandbox(SandboxKind.SOLUTION) as sb:
        assert sb.mechanisms is not None
        print(f"sandbox mechanisms              {sb.mechanisms.describe()}")
        for _ in range(5):
            sb.execute(BATCH, 5.0)
        inside, round_trip, paced = [], [], []
        cpu0 = sb.cpu_seconds()
        for _ in range(runs):
            start = time.perf_counter()
            result = sb.execute(BATCH, 5.0)
            round_trip.append(time.perf_counter() - start)
            inside.append(result.seconds)
        cpu1 = sb.cpu_seconds()
        for _ in range(runs):  # paced: the next runner is pre-forked between requests, as in real scoring
            time.sleep(0.02)
            start = time.perf_counter()
            sb.execute(BATCH, 5.0)
            paced.append(time.perf_counter() - start)
        print(f"warm exec, supervisor-measured  {ms(inside)}")
        print(f"warm exec, round trip (paced)   {ms(paced)}")
        print(f"warm exec, round trip (b2b)     {ms(round_trip)}")
        if cpu0 is not None and cpu1 is not None:  # independent of how busy the machine is
            print(
                f"warm exec, worker CPU per exec  {(cpu1 - cpu0) / runs * 1000:.2f} ms (zygote + supervisor + runner)"
            )


def bench_throughput() -> None:
    suite = load_suite("core")
    tasks = suite.train()
    n_tests = sum(len(t.hidden) for t in tasks)
    with Harness(None, EvalConfig(cascade=CascadeConfig(enabled=False))) as h:
        h.solution_sandbox.start()
        start = time.perf_counter()
        for task in tasks:
            h.run_hidden(task, f"def {task.entry_point}(*args):\n    return None\n")
        wall = time.perf_counter() - start
    print(
        f"hidden tests / s                {n_tests / wall:.0f} ({n_tests} tests in {len(tasks)} batches, {wall:.2f} s)"
    )


TRIVIAL_SEED = "def solve(task, llm, tools):\n    return task.prompt + '\\n    return None\\n'\n"


def bench_seed_overhead() -> None:
    """Both sandbox layers per task with no LLM: the per-task cost the sandbox adds to an LLM evaluation."""
    core = load_suite("core")
    with Harness(None, EvalConfig(cascade=CascadeConfig(enabled=False))) as h:
        h.evaluate(TRIVIAL_SEED, Suite(core.name, core.version, core.train()[:3]), "train")  # warm up
        start = time.perf_counter()
        rec = h.evaluate(TRIVIAL_SEED, core, "train").record
        wall = time.perf_counter() - start
    per_task = wall / len(rec.tasks)
    print(
        f"sandbox cost per task (no LLM)  {per_task * 1000:.1f} ms "
        f"(seed solve + hidden tests, {len(rec.tasks)} tasks); "
        f"vs 3.5 s/task of Qwen-0.5B (DESIGN.md) = {per_task / (3.5 + per_task) * 100:.1f}% of scoring wall time"
    )


def bench_llm(model: str, he_limit: int, core_limit: int) -> None:
    from llm.broker import Broker

    failure: list[str] = ["the model did not answer a 4-token probe within 90 s"]
    brokers: list[Broker] = []

    def probe() -> None:
        try:
            brokers.append(Broker.start(model))
            session = brokers[0].open_session("probe", token_budget=100, deadline_s=60)
            session.channel().complete("def add(a, b):\n", max_tokens=4)
            session.close()
            failure.clear()
        except Exception as err:  # a benchmark reports what it could not measure
            failure[:] = [f"{type(err).__name__}: {err}"]

    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    thread.join(90)
    if failure or not brokers:
        print(f"LLM figures                     unavailable ({model}): {failure[0] if failure else '?'}")
        return
    broker = brokers[0]
    # Generous solve deadline: on a loaded machine a slow model must not turn into timeouts (score 0).
    config = EvalConfig(cascade=CascadeConfig(enabled=False), solve_timeout_s=900.0)
    try:
        if core_limit >= 0:
            core = load_suite("core")
            train = core.train()[:core_limit] if core_limit else core.train()
            busy0 = broker.stats().busy_seconds
            with Harness(broker, config, model) as h:
                rec = h.evaluate(GREEDY_SEED, Suite(core.name, core.version, train), "train").record
            busy = broker.stats().busy_seconds - busy0
            print(
                f"core train wall ({model})  {rec.seconds:.1f} s for {len(rec.tasks)} tasks, "
                f"aggregate {rec.aggregate:.3f}, tokens {rec.prompt_tokens}+{rec.completion_tokens}; "
                f"outside the model {(rec.seconds - busy) / rec.seconds * 100:.1f}% (upper bound on sandbox share)"
            )
        he = load_suite("humaneval")
        tasks = he.tasks[:he_limit] if he_limit else he.tasks
        with Harness(broker, config, model) as h:
            start = time.perf_counter()
            rec = h.evaluate(GREEDY_SEED, Suite(he.name, he.version, tasks), "all").record
            wall = time.perf_counter() - start
        passed = sum(1 for t in rec.tasks if t.passed == t.total and t.total)
        print(
            f"humaneval pass@1 ({model})  {passed}/{len(tasks)} = {passed / len(tasks):.3f} in {wall:.0f} s"
        )
    finally:
        broker.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--humaneval-limit", type=int, default=0, help="first N problems only (0: all 164)")
    parser.add_argument(
        "--core-limit", type=int, default=0, help="first N core train tasks (0: all, -1: skip)"
    )
    parser.add_argument("--only", choices=["all", "sandbox", "llm"], default="all")
    args = parser.parse_args()
    if args.only in ("all", "sandbox"):
        bench_exec(args.runs)
        bench_throughput()
        bench_seed_overhead()
    if args.only in ("all", "llm") and args.model != "none":
        bench_llm(args.model, args.humaneval_limit, args.core_limit)


if __name__ == "__main__":
    main()
