"""A run's figures from its status snapshot (what the benches print): per child, per hour, shares."""

from __future__ import annotations

import math
from typing import Any

from population.status import Snapshot, run_figures


def _status(drop: tuple[str, ...] = (), **counters: Any) -> Snapshot:
    base = {
        "evaluations": 10,
        "children": 20,
        "rediscoveries": 2,
        "novelty_rejects": 5,
        "invalid": 1,
        "best_history": [[3, 0.25], [9, 0.5]],
        "manager_s": 2.0,
        "manager_cpu_s": 0.2,
        "worker_overhead_s": 1.0,
        "worker_cpu_s": 0.3,
        "novelty_cpu_s": 0.5,
        "tree_cpu_s": 3.0,
        "tree_manager_cpu_s": 0.4,
        "tree_workers_cpu_s": 0.2,
        "tree_novelty_cpu_s": 0.1,
        "tree_redis_cpu_s": 0.05,
        "tree_sandboxes_cpu_s": 2.25,
        "code_cpu_s": 2.0,
        "reproduce_calls": 4,
        "reproduce_cpu_s": 1.0,
    }
    recorded = {k: v for k, v in {**base, **counters}.items() if k not in drop}
    head = {
        "state": "finished",
        "run_dir": "r",
        "run": "ab",
        "pid": 0,
        "queued": 0,
        "in_flight": 0,
        "islands": [],
    }
    return Snapshot.from_json(
        {**head, "elapsed_s": 3600.0, "llm": {"busy_fraction": 0.95}, "counters": recorded}
    )


def test_figures_per_child_per_hour_and_shares() -> None:
    fig = run_figures(_status())
    assert fig["evals_per_hour"] == 10
    assert fig["llm_busy"] == 0.95
    assert (fig["rediscovery_rate"], fig["novelty_reject_rate"], fig["invalid_rate"]) == (0.1, 0.25, 0.05)
    assert fig["overhead_per_child_ms"] == 150.0  # (2 + 1) s wall over 20 children
    assert fig["manager_per_child_ms"] == 100.0
    assert math.isclose(fig["cpu_per_child_ms"], 50.0)  # (3 − 2) s: the tree less the sandboxed code
    assert math.isclose(fig["novelty_cpu_per_child_ms"], 5.0)
    assert math.isclose(fig["sandbox_machinery_cpu_per_child_ms"], 12.5)  # zygotes' trees less the code
    assert math.isclose(fig["reproduce_cpu_per_call_ms"], 250.0)
    assert math.isclose(fig["thread_clock_cpu_per_child_ms"], 50.0)  # what status.json counted before: 1 s
    assert math.isclose(fig["overhead_share"], 3 / 3600)
    assert math.isclose(fig["cpu_share"], 1 / 3600)


def test_a_counter_an_older_run_did_not_record_is_nan_not_zero() -> None:
    fig = run_figures(_status(drop=("tree_cpu_s", "tree_workers_cpu_s")))
    assert math.isnan(fig["cpu_per_child_ms"]) and math.isnan(fig["worker_cpu_per_child_ms"])
    assert math.isclose(fig["manager_cpu_per_child_ms"], 20.0)


def test_a_run_without_children_has_no_per_child_figures() -> None:
    fig = run_figures(_status(children=0, best_history=[]))
    assert math.isnan(fig["overhead_per_child_ms"]) and math.isnan(fig["rediscovery_rate"])
    assert math.isnan(fig["best"])
