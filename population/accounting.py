"""Framework CPU, counted over the run's whole process tree.

The framework's CPU is everything the run's processes spend except the sandboxes' execution of seed and
solution code and the LLM's own work: the manager (start-up included), the workers (every thread, not one
thread's clock), the near-clone filter's process, the embedded Redis server, and the sandbox machinery (the
warm zygotes, the supervisors). It is measured, not estimated:

* :func:`tree_cpu` walks the manager's process tree with psutil and sums, per role, each live process's own
  CPU time plus what its reaped children spent. A model process (``llm.server``) is counted apart (``llm``)
  and so is its reaped CPU: a worker's reaped children are never summed (a model process restarted after a
  deadline would land there), only its live sandbox zygotes, whose reaped children are the supervisors and
  runners of finished executions.
* The runners' CPU (the confined process that imports the seed and runs its ``solve``/``reproduce``/``reflect``,
  or a solution's tests, with what they fork) comes back with each execution and is summed per job by the
  worker (``code_cpu_s`` of the result messages); :func:`note_result` adds it to the counters. A manager
  crossover's runner runs trusted genome code, so it is framework CPU, not code CPU.

Framework CPU = tree CPU (model processes apart) − code CPU (``population.status.run_figures``).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import psutil  # type: ignore[import-untyped]  # no stubs in the venv (types-psutil)

if TYPE_CHECKING:
    from population.status import Counters

# How each process of the tree is recognised: a marker in its command line → its role.
ROLES: dict[str, str] = {
    "population worker": "workers",
    "population.novelty": "novelty",
    "redis-server": "redis",
    "fitness.sandbox.worker": "sandboxes",
    "llm.server": "llm",
}


@dataclass(frozen=True, slots=True)
class TreeCpu:
    """CPU seconds (user + system) of a run's process tree so far, per role.

    ``sandboxes`` is the sandbox zygotes' whole trees (the runners' execution of seed and solution code
    included); ``llm`` the model processes'. ``total`` is every role but ``llm``.
    """

    manager: float = 0.0
    workers: float = 0.0
    novelty: float = 0.0
    redis: float = 0.0
    sandboxes: float = 0.0
    other: float = 0.0
    llm: float = 0.0

    @property
    def total(self) -> float:
        return self.manager + self.workers + self.novelty + self.redis + self.sandboxes + self.other


def role(cmdline: list[str]) -> str:
    """The role of a process from its command line ("other" when none matches). Pure."""
    text = " ".join(cmdline)
    for marker, name in ROLES.items():
        if marker in text:
            return name
    return "other"


def _times(proc: Any, reaped: bool) -> float:
    t = proc.cpu_times()
    own = float(t.user + t.system)
    return own + float(t.children_user + t.children_system) if reaped else own


def tree_cpu(root: int | None = None) -> TreeCpu:
    """The CPU of ``root`` (default: this process) and its descendants, per role. Never raises: a process
    that ends while it is read counts 0 (its CPU then shows in its parent's reaped time, once reaped).

    The root counts as the manager with its reaped children (nothing the manager reaps during a run runs
    seed code); a worker counts its own CPU only; every other process its own plus its reaped children's, and
    a process's live descendants take its role (a zygote's supervisor and runner are ``sandboxes``). One scan
    of the process table; a command line is read once per process, only for the root's and workers' children.
    """
    sums = dict.fromkeys(("manager", "workers", "novelty", "redis", "sandboxes", "other", "llm"), 0.0)
    try:
        top = psutil.Process(root if root is not None else os.getpid())
        sums["manager"] = _times(top, reaped=True)
        tree = top.children(recursive=True)  # parents before their children
    except psutil.Error:
        return TreeCpu()
    roles = {top.pid: "manager"}
    for proc in tree:
        try:
            above = roles.get(proc.ppid(), "other")
            name = _role_of(proc) if above in ("manager", "workers") else above
            roles[proc.pid] = name
            sums[name] += _times(proc, reaped=name != "workers")
        except psutil.Error:
            continue
    return TreeCpu(**sums)


_roles: dict[tuple[int, float], str] = {}  # (pid, start time) → role: a long-lived process is read once


def _role_of(proc: Any) -> str:
    key = (proc.pid, proc.create_time())
    if key not in _roles:
        _roles[key] = role(proc.cmdline())
    return _roles[key]


REFRESH_S = 10.0  # a running run's tree is read at most this often (each read scans the process table)
_last: list[tuple[float, TreeCpu]] = []


def measured(counters: Counters, root: int | None = None, fresh: bool = True) -> Counters:
    """``counters`` with the tree's CPU (:func:`tree_cpu`) filled in, for a snapshot. Unless ``fresh``, a
    reading up to :data:`REFRESH_S` old is reused: the figure costs CPU itself, and the live view can wait."""
    now = time.monotonic()
    if fresh or not _last or now - _last[0][0] > REFRESH_S:
        _last[:] = [(now, tree_cpu(root))]
    tree = _last[0][1]
    return replace(
        counters,
        tree_cpu_s=tree.total,
        tree_manager_cpu_s=tree.manager,
        tree_workers_cpu_s=tree.workers,
        tree_novelty_cpu_s=tree.novelty,
        tree_redis_cpu_s=tree.redis + tree.other,
        tree_sandboxes_cpu_s=tree.sandboxes,
        llm_cpu_s=tree.llm,
    )


def note_result(counters: Counters, reproduce: bool, message: Any) -> None:
    """Add a result's sandboxed code CPU (``code_cpu_s``) to ``counters``; a reproduce job's also counts as
    one reproduce call (its reflect and reproduce executions)."""
    code = float(getattr(message, "code_cpu_s", 0.0))
    counters.code_cpu_s += code
    if reproduce:
        counters.reproduce_calls += 1
        counters.reproduce_cpu_s += code
