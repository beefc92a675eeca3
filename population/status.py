"""The manager's counters, and the status file/hash that ``status``, the display and the dashboard read."""

from __future__ import annotations

import json
import math
import os
import time
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]  # no stubs in the venv (types-psutil)

from population.progress import JobProgress

STATUS_FILE = "status.json"
SNAPSHOT_FORMAT = 2  # 1: the same keys without "format" (runs before the typed Snapshot)


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
        task_runs: train tasks run by evaluations (a block is several).
        raced_out: children dropped because they were clearly behind their parent (racing).
        promotions: members that became their island's elite by a paired comparison.
        reevaluations: blocks given to elites on slots no child could use.
        neutral: children that behaved exactly like their parent on their first block (equal behaviour
            digests: same LLM conversation, same answer): an edge and this count, no island slot.
        messages: island messages train evaluations published and the run delivered (cooperation).
        tree_cpu_s: CPU seconds of the run's whole process tree so far, start-up included, model processes
            excluded (``population.accounting.tree_cpu``, read at each snapshot); NaN in older runs.
        tree_manager_cpu_s, tree_workers_cpu_s, tree_novelty_cpu_s, tree_redis_cpu_s, tree_sandboxes_cpu_s:
            its parts: the manager process, the worker processes (every thread), the near-clone filter's
            process, the Redis server (and anything unrecognised), the sandbox zygotes' whole trees.
        llm_cpu_s: CPU seconds of the model processes (not framework CPU).
        code_cpu_s: CPU seconds the sandboxes spent executing seed and solution code (the runners' own
            rusage, per execution; a manager crossover's runner is framework CPU, not counted here).
        reproduce_calls: reproduce jobs done (reflect + reproduce in the seed sandbox).
        reproduce_cpu_s: the code CPU of those calls (part of ``code_cpu_s``).
        clock_bound: train task-runs that failed because the solve ran out of wall-clock time (the LLM deadline
            or the solve timeout; ``fitness.record.clock_bound``) rather than on the seed's answer. Many of them
            mean the machine is too busy or ``solve_timeout_s`` too low: those scores measure the load.
        jobs_failed: jobs the workers gave up on (an error of the worker's own on every delivery, or
            delivered too often without a result: ``population.messages.JobFailed``); no seed was scored.
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
    task_runs: int = 0
    raced_out: int = 0
    promotions: int = 0
    reevaluations: int = 0
    neutral: int = 0
    messages: int = 0
    tree_cpu_s: float = 0.0
    tree_manager_cpu_s: float = 0.0
    tree_workers_cpu_s: float = 0.0
    tree_novelty_cpu_s: float = 0.0
    tree_redis_cpu_s: float = 0.0
    tree_sandboxes_cpu_s: float = 0.0
    llm_cpu_s: float = 0.0
    code_cpu_s: float = 0.0
    reproduce_calls: int = 0
    reproduce_cpu_s: float = 0.0
    jobs_failed: int = 0
    clock_bound: int = 0

    @property
    def best(self) -> float | None:
        return self.best_history[-1][1] if self.best_history else None

    def note_fitness(self, fitness: float) -> None:
        """Track the best train fitness ever seen (monotone by construction)."""
        if self.best is None or fitness > self.best:
            self.best_history.append((self.evaluations, fitness))


CLOCK_WARN_RUNS = 12
CLOCK_WARN_SHARE = 0.2


def clock_warning(c: Counters) -> str | None:
    """A warning when many train solves ran out of wall-clock time (at least :data:`CLOCK_WARN_SHARE` of at
    least :data:`CLOCK_WARN_RUNS` task-runs), else ``None``. Pure."""
    if c.task_runs < CLOCK_WARN_RUNS or c.clock_bound < CLOCK_WARN_SHARE * c.task_runs:
        return None
    return (
        f"warning: {c.clock_bound} of {c.task_runs} train solves ran out of wall-clock time (LLM deadline or "
        "solve_timeout_s): the machine is too busy or the limit too low, and those scores measure the load, "
        "not the seeds"
    )


def counters_dict(c: Counters) -> dict[str, Any]:
    """Plain-JSON form of the counters."""
    data = asdict(c)
    data["best"] = c.best
    return data


def counters_from_json(data: dict[str, Any]) -> Counters:
    """Inverse of :func:`counters_dict`. A float counter an older run did not record is NaN (unknown), never a
    flattering 0; an int counter it did not record is 0."""
    values: dict[str, Any] = {}
    for f in fields(Counters):
        if f.name in data:
            values[f.name] = data[f.name]
        elif f.type == "float" and f.name != "started":
            values[f.name] = math.nan
    values["best_history"] = [(int(n), float(b)) for n, b in values.get("best_history", [])]
    return Counters(**values)


@dataclass(frozen=True, slots=True)
class IslandStatus:
    """One island now: members, best and median train fitness, deepest generation, its best seed."""

    index: int
    size: int
    best: float | None
    median: float | None
    best_id: str | None
    max_generation: int


@dataclass(frozen=True, slots=True)
class MemberStatus:
    """A seed the run singles out (best evolved, best origin): id, train fitness, generation."""

    id: str
    fitness: float
    generation: int


@dataclass(frozen=True, slots=True)
class LLMStatus:
    """The slots' models: busy seconds over uptime, and prompt tokens the models evaluated of those they were
    asked to (the rest was a reused prompt prefix), from the workers' heartbeats."""

    busy_fraction: float = 0.0
    busy_seconds: float = 0.0
    uptime_seconds: float = 0.0
    prompt_tokens: int = 0
    prompt_evaluated: int = 0


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the display, ``status``, the benches and the dashboard show about a run at one moment.

    Its JSON form (:meth:`to_json`) is ``status.json`` and the run's Redis status hash, with
    ``"format": SNAPSHOT_FORMAT``; :meth:`from_json` also reads the unversioned form runs wrote before
    (format 1: the same keys, no ``format``). ``jobs`` is optional in both (runs before per-job progress).
    """

    state: str
    run_dir: str
    run: str
    pid: int
    elapsed_s: float
    counters: Counters
    islands: tuple[IslandStatus, ...]
    queued: int
    in_flight: int
    slots: tuple[str, ...]
    loops: int
    grid_cells: int
    llm: LLMStatus
    best_evolved: MemberStatus | None
    best_origin: MemberStatus | None
    holdout: dict[str, float]
    notes: tuple[str, ...]
    model: str
    suite: str
    time_budget_s: float
    max_evals: int
    validation: dict[str, float] = field(default_factory=dict)
    champion: str | None = None
    champion_reason: str = ""
    jobs: tuple[JobProgress, ...] = ()  # what each job in flight has done, as its worker reported it

    def with_state(self, state: str) -> Snapshot:
        """A copy in another state (e.g. "manager gone")."""
        return replace(self, state=state)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON values, ``format`` first."""
        data: dict[str, Any] = {"format": SNAPSHOT_FORMAT}
        for f in fields(self):
            data[f.name] = getattr(self, f.name)
        data["counters"] = counters_dict(self.counters)
        data["islands"] = [asdict(i) for i in self.islands]
        data["slots"] = list(self.slots)
        data["llm"] = asdict(self.llm)
        data["best_evolved"] = asdict(self.best_evolved) if self.best_evolved else None
        data["best_origin"] = asdict(self.best_origin) if self.best_origin else None
        data["holdout"] = dict(self.holdout)
        data["validation"] = dict(self.validation)
        data["notes"] = list(self.notes)
        data["jobs"] = [asdict(j) for j in self.jobs]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Snapshot:
        """Read :meth:`to_json`'s form, or the unversioned form of older runs.

        Raises:
            ValueError: another format (a newer seedpop wrote it), or a field missing or of the wrong shape.
        """
        fmt = data.get("format", 1)
        if fmt not in (1, SNAPSHOT_FORMAT):
            raise ValueError(f"status format {fmt!r}; this seedpop reads formats 1 and {SNAPSHOT_FORMAT}")
        try:
            return cls(
                state=str(data["state"]),
                run_dir=str(data["run_dir"]),
                run=str(data["run"]),
                pid=int(data["pid"]),
                elapsed_s=float(data["elapsed_s"]),
                counters=counters_from_json(data["counters"]),
                islands=tuple(IslandStatus(**i) for i in data["islands"]),
                queued=int(data["queued"]),
                in_flight=int(data["in_flight"]),
                slots=tuple(data.get("slots", ())),
                loops=int(data.get("loops", 0)),
                grid_cells=int(data.get("grid_cells", 0)),
                llm=LLMStatus(**data.get("llm", {})),
                best_evolved=_member(data.get("best_evolved")),
                best_origin=_member(data.get("best_origin")),
                holdout={str(k): float(v) for k, v in data.get("holdout", {}).items()},
                notes=tuple(data.get("notes", ())),
                model=str(data.get("model", "")),
                suite=str(data.get("suite", "")),
                time_budget_s=float(data.get("time_budget_s") or 0.0),
                max_evals=int(data.get("max_evals") or 0),
                validation={str(k): float(v) for k, v in data.get("validation", {}).items()},
                champion=data.get("champion"),
                champion_reason=str(data.get("champion_reason", "")),
                jobs=tuple(JobProgress.from_dict(j) for j in data.get("jobs", ())),
            )
        except (KeyError, TypeError, AttributeError) as err:
            raise ValueError(f"status is malformed: {type(err).__name__}: {err}") from None


def _member(data: dict[str, Any] | None) -> MemberStatus | None:
    return MemberStatus(str(data["id"]), float(data["fitness"]), int(data["generation"])) if data else None


def write_status(run_dir: Path, snapshot: Snapshot) -> None:
    """Write ``status.json`` atomically (temp file + rename)."""
    path = run_dir / STATUS_FILE
    tmp = path.with_suffix(f".tmp-{os.getpid()}")
    tmp.write_text(json.dumps(snapshot.to_json(), sort_keys=True, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def read_status(run_dir: Path) -> Snapshot | None:
    """The last status the run's manager wrote (either format), or None when there is none or it is unreadable."""
    try:
        return Snapshot.from_json(json.loads((run_dir / STATUS_FILE).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def alive_pid(pid: int) -> bool:
    """Whether process ``pid`` exists (``pid`` ≤ 0 never does)."""
    return pid > 0 and psutil.pid_exists(pid)


def run_figures(status: Snapshot) -> dict[str, float]:
    """A run's rates from its status snapshot (``status.json``). Pure.

    Framework overhead is what the run spends outside LLM calls and sandboxed execution, per child received:
    ``overhead_per_child_ms`` in wall time (manager plus workers; on a machine whose cores the model holds, most
    of it is waiting for a core) and ``cpu_per_child_ms`` in CPU time (manager, workers and the near-clone
    filter's process, the Redis server and the sandbox machinery, start-up included: the whole process tree but
    the sandboxed seed and solution code and the model, :mod:`population.accounting`). A counter the run did
    not record (an older run) gives NaN, never a flattering 0.
    """
    c = status.counters
    wall = status.elapsed_s
    n = c.children
    nan = float("nan")

    def per_child(seconds: float) -> float:
        return 1000 * seconds / n if n else nan

    overhead = c.manager_s + c.worker_overhead_s
    # Framework CPU over the process tree (population.accounting); older runs did not measure it (NaN).
    cpu = c.tree_cpu_s - c.code_cpu_s if c.tree_cpu_s else nan
    sandbox_machinery = c.tree_sandboxes_cpu_s - c.code_cpu_s
    return {
        "wall_s": wall,
        "evaluations": c.evaluations,
        "children": n,
        "evals_per_hour": 3600 * c.evaluations / wall if wall else 0.0,
        "llm_busy": status.llm.busy_fraction,
        "rediscovery_rate": c.rediscoveries / n if n else nan,
        "novelty_reject_rate": c.novelty_rejects / n if n else nan,
        "invalid_rate": c.invalid / n if n else nan,
        "neutral_rate": c.neutral / c.new if c.new else nan,
        "task_runs_per_evaluation": c.task_runs / c.evaluations if c.evaluations else nan,
        "clock_bound_rate": c.clock_bound / c.task_runs if c.task_runs else nan,
        "best": c.best if c.best is not None else nan,
        "overhead_per_child_ms": per_child(overhead),
        "manager_per_child_ms": per_child(c.manager_s),
        "cpu_per_child_ms": per_child(cpu),
        "manager_cpu_per_child_ms": per_child(c.tree_manager_cpu_s),
        "worker_cpu_per_child_ms": per_child(c.tree_workers_cpu_s),
        "novelty_cpu_per_child_ms": per_child(c.tree_novelty_cpu_s),
        "redis_cpu_per_child_ms": per_child(c.tree_redis_cpu_s),
        "sandbox_machinery_cpu_per_child_ms": per_child(sandbox_machinery),
        "code_cpu_per_child_ms": per_child(c.code_cpu_s),
        "reproduce_cpu_per_call_ms": 1000 * c.reproduce_cpu_s / c.reproduce_calls
        if c.reproduce_calls
        else nan,
        "thread_clock_cpu_per_child_ms": per_child(c.manager_cpu_s + c.worker_cpu_s + c.novelty_cpu_s),
        "overhead_share": overhead / wall if wall else nan,
        "cpu_share": cpu / wall if wall else nan,
    }
