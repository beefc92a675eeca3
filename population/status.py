"""The manager's counters, and the status file/hash that ``status``, the display and the dashboard read."""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]  # no stubs in the venv (types-psutil)

STATUS_FILE = "status.json"


@dataclass
class Counters:
    """What the run has done so far (manager-side; mutable, owned by the manager).

    Attributes:
        evaluations: train evaluations finished (records stored).
        children: child texts received from reproduce calls and manager crossovers.
        new: children that were new seeds (archived).
        rediscoveries: children whose canonical id was already archived (edge recorded, not evaluated).
        novelty_rejects: children refused as near-clones before evaluation.
        invalid: children that do not parse or miss ``solve``/``reproduce`` (never evaluated).
        dropped: children arriving after the evaluation budget was spent (not archived).
        reproduce_problems: reproduce calls that failed, or whose children were dropped or cut (each logged).
        crossovers: children made by the manager's own crossover.
        migrations: members copied between islands.
        tokens: LLM tokens (prompt + completion) spent by evaluations.
        manager_s: wall seconds the manager spent handling results and making jobs (its overhead).
        manager_cpu_s: CPU seconds of the same work (less than ``manager_s`` when the cores were busy).
        worker_overhead_s: wall seconds workers spent on jobs outside the sandboxes.
        worker_cpu_s: CPU seconds of the same work (the workers' own threads).
        novelty_cpu_s: CPU seconds the near-clone filter's process spent answering (model loading excluded).
        sandbox_s: wall seconds workers spent inside the sandboxes (LLM included).
        best_history: (evaluations, best train fitness) each time the best improved.
    """

    evaluations: int = 0
    children: int = 0
    new: int = 0
    rediscoveries: int = 0
    novelty_rejects: int = 0
    invalid: int = 0
    dropped: int = 0
    reproduce_problems: int = 0
    crossovers: int = 0
    migrations: int = 0
    tokens: int = 0
    manager_s: float = 0.0
    manager_cpu_s: float = 0.0
    worker_overhead_s: float = 0.0
    worker_cpu_s: float = 0.0
    novelty_cpu_s: float = 0.0
    sandbox_s: float = 0.0
    started: float = field(default_factory=time.time)
    best_history: list[tuple[int, float]] = field(default_factory=list)

    @property
    def best(self) -> float | None:
        return self.best_history[-1][1] if self.best_history else None

    def note_fitness(self, fitness: float) -> None:
        """Track the best train fitness ever seen (monotone by construction)."""
        if self.best is None or fitness > self.best:
            self.best_history.append((self.evaluations, fitness))


def write_status(run_dir: Path, snapshot: dict[str, Any]) -> None:
    """Write ``status.json`` atomically (temp file + rename)."""
    path = run_dir / STATUS_FILE
    tmp = path.with_suffix(f".tmp-{os.getpid()}")
    tmp.write_text(json.dumps(snapshot, sort_keys=True, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def read_status(run_dir: Path) -> dict[str, Any] | None:
    """The last status the run's manager wrote, or None."""
    try:
        data: dict[str, Any] = json.loads((run_dir / STATUS_FILE).read_text(encoding="utf-8"))
        return data
    except (OSError, ValueError):
        return None


def counters_dict(c: Counters) -> dict[str, Any]:
    """Plain-JSON form of the counters."""
    data = asdict(c)
    data["best"] = c.best
    return data


def alive_pid(pid: int) -> bool:
    """Whether process ``pid`` exists (``pid`` ≤ 0 never does)."""
    return pid > 0 and psutil.pid_exists(pid)


def run_figures(status: dict[str, Any]) -> dict[str, float]:
    """A run's rates from its status snapshot (``status.json``). Pure.

    Framework overhead is what the run spends outside LLM calls and sandboxed execution, per child received:
    ``overhead_per_child_ms`` in wall time (manager plus workers; on a machine whose cores the model holds, most
    of it is waiting for a core) and ``cpu_per_child_ms`` in CPU time (manager, workers and the near-clone
    filter's process). A counter the run did not record (an older run) gives NaN, never a flattering 0.
    """
    c = status["counters"]
    wall = float(status["elapsed_s"])
    n = int(c["children"])
    nan = float("nan")

    def per_child(seconds: float) -> float:
        return 1000 * seconds / n if n else nan

    overhead = c["manager_s"] + c["worker_overhead_s"]
    cpu = c.get("manager_cpu_s", nan) + c.get("worker_cpu_s", nan) + c.get("novelty_cpu_s", nan)
    return {
        "wall_s": wall,
        "evaluations": c["evaluations"],
        "children": n,
        "evals_per_hour": 3600 * c["evaluations"] / wall if wall else 0.0,
        "llm_busy": status["llm"]["busy_fraction"],
        "rediscovery_rate": c["rediscoveries"] / n if n else nan,
        "novelty_reject_rate": c["novelty_rejects"] / n if n else nan,
        "invalid_rate": c["invalid"] / n if n else nan,
        "best": c["best"] if c["best"] is not None else nan,
        "overhead_per_child_ms": per_child(overhead),
        "manager_per_child_ms": per_child(c["manager_s"]),
        "cpu_per_child_ms": per_child(cpu),
        "manager_cpu_per_child_ms": per_child(c.get("manager_cpu_s", nan)),
        "worker_cpu_per_child_ms": per_child(c.get("worker_cpu_s", nan)),
        "novelty_cpu_per_child_ms": per_child(c.get("novelty_cpu_s", nan)),
        "overhead_share": overhead / wall if wall else nan,
        "cpu_share": cpu / wall if wall else nan,
    }
