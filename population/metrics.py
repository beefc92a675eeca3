"""Prometheus metrics of a live run (``--metrics-port``), read from the run's latest snapshot.

A custom collector answers each scrape from the last :class:`population.status.Snapshot` the run published
(about once a second), so the manager's loop does no metric bookkeeping of its own and a scrape never waits
on it. Counters are the run's totals (they count on across resumes); gauges are the state now. Served by
``prometheus_client`` on 127.0.0.1 with a registry of its own (no process or platform collectors mixed in).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

from prometheus_client import CollectorRegistry, start_http_server
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

from population.errors import ConfigError
from population.status import Snapshot, run_figures

PREFIX = "seedpop"
COUNTERS = {  # name: (Counters field, help)
    "evaluations": ("evaluations", "train evaluations finished (records stored)"),
    "children": ("children", "child texts received from reproduce calls and crossovers"),
    "new_seeds": ("new", "children archived as new seeds"),
    "rediscoveries": ("rediscoveries", "children whose canonical id was already archived"),
    "neutral_children": ("neutral", "children that behaved exactly like their parent on their first block"),
    "invalid_children": ("invalid", "children that do not parse or miss solve/reproduce"),
    "novelty_rejects": ("novelty_rejects", "children refused as near-clones"),
    "tokens": ("tokens", "LLM tokens (prompt + completion) spent by train evaluations"),
    "task_runs": ("task_runs", "train tasks run by evaluations"),
    "jobs_failed": ("jobs_failed", "jobs the workers gave up on (an error of their own; no seed scored)"),
}


class SnapshotCollector(Collector):
    """Metrics from ``latest()`` (None before the first snapshot: nothing is reported)."""

    def __init__(self, latest: Callable[[], Snapshot | None], workers: Callable[[], int]) -> None:
        self.latest = latest
        self.workers = workers

    def collect(self) -> Iterator[CounterMetricFamily | GaugeMetricFamily]:
        snap = self.latest()
        if snap is None:
            return
        for name, (field, text) in COUNTERS.items():
            yield CounterMetricFamily(f"{PREFIX}_{name}", text, value=float(getattr(snap.counters, field)))
        cpu = run_figures(snap).get("cpu_per_child_ms", math.nan)
        gauges = {
            "llm_busy_fraction": (snap.llm.busy_fraction, "fraction of the slots' model time spent busy"),
            "queue_depth": (float(snap.queued), "train blocks waiting for a free worker loop"),
            "jobs_in_flight": (float(snap.in_flight), "jobs sent and not yet answered"),
            "workers_alive": (float(self.workers()), "worker processes with a heartbeat in the last 10 s"),
            "framework_cpu_per_child_ms": (cpu, "CPU ms of manager, workers and novelty filter per child"),
            "elapsed_seconds": (snap.elapsed_s, "run time so far, over every manager of the run"),
        }
        llm = {
            "llm_prompt_tokens": (
                snap.llm.prompt_tokens,
                "prompt tokens the slots' models were asked to read",
            ),
            "llm_prompt_evaluated": (
                snap.llm.prompt_evaluated,
                "of those, evaluated (the rest: a reused prefix)",
            ),
        }
        for name, (total, text) in llm.items():
            yield CounterMetricFamily(f"{PREFIX}_{name}", text, value=float(total))
        rate = snap.counters.tokens / snap.elapsed_s if snap.elapsed_s > 0 else 0.0
        gauges["llm_tokens_per_second"] = (rate, "LLM tokens train evaluations spent per second of run time")
        for name, (value, text) in gauges.items():
            yield GaugeMetricFamily(f"{PREFIX}_{name}", text, value=float(value))


def serve_metrics(
    port: int, latest: Callable[[], Snapshot | None], workers: Callable[[], int]
) -> Callable[[], None]:
    """Serve the run's metrics on ``127.0.0.1:port``; returns a function that stops the server.

    Raises:
        ConfigError: the port cannot be bound (in use, or privileged).
    """
    registry = CollectorRegistry(auto_describe=False)
    registry.register(SnapshotCollector(latest, workers))
    try:
        server, thread = start_http_server(port, addr="127.0.0.1", registry=registry)
    except OSError as err:
        raise ConfigError(
            f"metrics_port = {port} cannot be served ({err.strerror}); pick a free port with --metrics-port"
        ) from None

    def stop() -> None:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

    return stop
