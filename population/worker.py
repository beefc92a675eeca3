"""A worker: one process per slot, one model (broker) shared by ``loops`` loops, each with its own harness.

Each loop reads jobs from the run's jobs stream with ``XREADGROUP`` (group :data:`keys.WORKER_GROUP`), runs
them in the sandboxes, appends the result to the results stream, then ``XACK``s the job (at-least-once: the
manager ignores a result it has seen). A worker needs only Redis: the run config comes from
:func:`keys.config`, and every job carries the source texts it needs.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import redis

from fitness.harness import EvalConfig, EvaluationCancelled, Harness
from fitness.sandbox import SandboxLimits
from fitness.scoring import CascadeConfig
from population import bus, keys
from population.config import RunConfig, from_json
from population.intake import check_child
from population.messages import (
    CrossoverJob,
    EvaluateDone,
    EvaluateJob,
    MessageError,
    ReproduceDone,
    ReproduceJob,
    decode,
    encode,
)
from population.progress import ProgressBoard
from population.status import alive_pid
from population.tasks import job_suite

if TYPE_CHECKING:  # keeps llama_cpp out of workers that run without a model
    from llm.broker import Broker


def eval_config(cfg: RunConfig) -> EvalConfig:
    """The harness settings of a run. Pure."""
    return EvalConfig(
        cascade=CascadeConfig(enabled=False),  # racing on blocks (population.scheduler) decides how far
        tokens_per_task=cfg.tokens_per_task,
        solve_timeout_s=float(cfg.solve_timeout_s),
        reproduce_timeout_s=float(cfg.reproduce_timeout_s),
        seed_limits=SandboxLimits(memory_bytes=1024 * 1024 * 1024),
        rng_seed=cfg.seed,
    )


class JobClock:
    """Wall and CPU time of one job, with the part spent waiting on the sandboxes (LLM included) set apart.

    CPU time is this thread's (:func:`time.thread_time`): what the worker itself costs, whatever else holds
    the cores. Use ``with clock.busy(): …`` around sandbox calls. ``wall`` and ``cpu`` are the clocks read.
    """

    def __init__(
        self, wall: Callable[[], float] = time.monotonic, cpu: Callable[[], float] = time.thread_time
    ) -> None:
        self._clocks = (wall, cpu)
        self._start = (wall(), cpu())
        self.busy_s = 0.0
        self._busy_cpu = 0.0

    @contextlib.contextmanager
    def busy(self) -> Iterator[None]:
        wall, cpu = self._clocks
        w, c = wall(), cpu()
        try:
            yield
        finally:
            self.busy_s += wall() - w
            self._busy_cpu += cpu() - c

    @property
    def seconds(self) -> float:
        """Wall seconds since the job started."""
        return self._clocks[0]() - self._start[0]

    @property
    def overhead_cpu_s(self) -> float:
        """CPU seconds of this thread since the job started, outside :meth:`busy`."""
        return max(0.0, self._clocks[1]() - self._start[1] - self._busy_cpu)


@dataclass(frozen=True, slots=True)
class WorkerSpec:
    """Who a worker is: the run, the Redis URL, its name, its slot and how many loops share the slot."""

    url: str
    run: str
    name: str
    slot: str
    loops: int
    cache_dir: str
    manager_pid: int = 0


class Loop:
    """One consumer: reads a job, runs it, publishes the result. ``run`` returns when the run stops."""

    def __init__(
        self, spec: WorkerSpec, index: int, cfg: RunConfig, broker: Broker | None, stop: threading.Event
    ):
        self.spec = spec
        self.name = f"{spec.name}.{index}"
        self.cfg = cfg
        self.broker = broker
        self.stop = stop
        self.client = redis.Redis.from_url(spec.url, socket_timeout=60)
        self.harness = Harness(broker, eval_config(cfg), cfg.model if broker is not None else "none")
        self.jobs_done = 0
        self.progress = ProgressBoard(self.client, spec.run, self.name)  # the job in flight, for live views

    def _should_stop(self) -> bool:
        if self.stop.is_set():
            return True
        if self.spec.manager_pid and not alive_pid(self.spec.manager_pid):
            self.stop.set()
            return True
        return bool(self.client.exists(keys.stop(self.spec.run)))

    def run(self) -> None:
        stream = keys.jobs(self.spec.run)
        while not self._should_stop():
            try:
                entries = bus.read_one(self.client, stream, keys.WORKER_GROUP, self.name, 500)
            except redis.exceptions.ConnectionError:
                return  # the run's Redis is gone: the run is over
            for entry_id, fields in entries:
                self._handle(stream, entry_id, fields)

    def _handle(self, stream: str, entry_id: bytes, fields: dict[Any, Any]) -> None:
        clock = JobClock()
        try:
            job = decode(fields)
        except MessageError:
            self.client.xack(stream, keys.WORKER_GROUP, entry_id)  # unreadable: nobody can run it
            return
        result: ReproduceDone | EvaluateDone
        code_cpu = self.harness.code_cpu_s
        if not isinstance(job, ReproduceJob | CrossoverJob | EvaluateJob) or self._cancelled(job.job_id):
            self.client.xack(stream, keys.WORKER_GROUP, entry_id)  # not ours to run, or given up on
            return
        try:
            if isinstance(job, ReproduceJob):
                self.progress.begin(job.job_id, job.KIND, job.parent_id)
                result = self._reproduce(job, clock)
            elif isinstance(job, CrossoverJob):
                self.progress.begin(job.job_id, job.KIND, job.parent_id)
                result = self._crossover(job, clock)
            else:
                try:
                    result = self._evaluate(job, clock)
                except EvaluationCancelled:
                    self.client.xack(stream, keys.WORKER_GROUP, entry_id)
                    return
        finally:
            self.progress.end()
        result = replace(result, code_cpu_s=self.harness.code_cpu_s - code_cpu)  # population.accounting
        if self.stop.is_set():
            return  # killed mid-job: the result may be a casualty of shutdown, not the seed's doing
        pipe = self.client.pipeline(transaction=True)
        bus.add(pipe, keys.results(self.spec.run), encode(result))
        pipe.xack(stream, keys.WORKER_GROUP, entry_id)
        pipe.execute()
        self.jobs_done += 1

    def _cancelled(self, job_id: str) -> bool:
        """Whether the manager gave up on ``job_id`` (:meth:`population.manager.Manager.abandon`)."""
        return bool(self.client.sismember(keys.cancelled(self.spec.run), job_id))

    def _reproduce(self, job: ReproduceJob, clock: JobClock) -> ReproduceDone:
        with clock.busy():
            reflection = self.harness.run_reflect(job.parent_source, list(job.history)) if job.history else {}
        session = None
        if self.broker is not None:
            session = self.broker.open_session(
                f"reproduce:{job.parent_id[:12]}",
                token_budget=self.cfg.tokens_per_task,
                deadline_s=float(self.cfg.reproduce_timeout_s),
                rng_seed=job.rng_seed,
            )
        try:
            with clock.busy():
                made = self.harness.reproduce(
                    job.parent_source,
                    job.n,
                    job.rng_seed,
                    llm_session=session,
                    partner_source=job.partner_source or None,
                    reflection=reflection or None,
                    failures=list(job.failures) or None,
                )
        finally:
            if session is not None:
                session.close()
        children = tuple(c.source for c in made.children)
        checked = tuple((c.canonical, c.problem) for c in map(check_child, children))
        return ReproduceDone(
            job.job_id,
            children,
            checked,
            tuple(c.operator for c in made.children),
            reflection,
            self.name,
            clock.seconds,
            clock.busy_s,
            made.problems,
            clock.overhead_cpu_s,
        )

    def _crossover(self, job: CrossoverJob, clock: JobClock) -> ReproduceDone:
        """The manager's crossover of two parents, done in the seed sandbox (libcst parses untrusted text only
        under its caps) with no LLM, so ``busy_s`` is 0 and its whole time counts as overhead."""
        made = self.harness.crossover(job.parent_source, job.partner_source, job.rng_seed)
        children = tuple(c.source for c in made.children)
        operators = tuple(c.operator for c in made.children)
        problems = made.problems
        checked = tuple((c.canonical, c.problem) for c in map(check_child, children))
        return ReproduceDone(
            job.job_id,
            children,
            checked,
            operators,
            {},
            self.name,
            clock.seconds,
            0.0,
            problems,
            clock.overhead_cpu_s,
        )

    def _evaluate(self, job: EvaluateJob, clock: JobClock) -> EvaluateDone:
        suite = job_suite(job.suite, job.split, job.tasks, job.label)
        self.progress.begin(job.job_id, job.KIND, job.seed_id, job.split, len(suite.split(job.split)))
        with clock.busy():
            evaluation = self.harness.evaluate(
                job.source,
                suite,
                job.split,
                inbox=job.inbox if job.split == "train" else (),  # unseen splits never see island messages
                cancelled=lambda: self._cancelled(job.job_id),
                on_task=lambda score: self.progress.scored(score.tokens),
            )
        return EvaluateDone(
            job.job_id,
            evaluation.record.to_json(),
            evaluation.cascade_score,
            evaluation.published,
            self.name,
            clock.seconds,
            clock.busy_s,
            clock.overhead_cpu_s,
            evaluation.digests,
        )

    def close(self) -> None:
        self.harness.close()


def heartbeat(client: redis.Redis, spec: WorkerSpec, broker: Broker | None, loops: list[Loop]) -> None:
    """Publish this slot's liveness and its model's counters (one hash per worker process)."""
    info: dict[str, Any] = {
        "time": time.time(),
        "jobs": sum(loop.jobs_done for loop in loops),
        "slot": spec.slot,
    }
    if broker is not None:
        stats = broker.stats()
        info.update(
            busy_fraction=stats.busy_fraction,
            busy_seconds=stats.busy_seconds,
            uptime_seconds=stats.uptime_seconds,
            model_calls=stats.model_calls,
            cache_hits=stats.cache_hits,
            prompt_tokens=stats.prompt_tokens,
            prompt_evaluated=stats.prompt_evaluated,
        )
    with contextlib.suppress(redis.exceptions.RedisError):
        bus.set_hash(client, keys.worker(spec.run, spec.name), info)
    for loop in loops:  # the jobs in flight are still alive
        loop.progress.refresh()


def serve(spec: WorkerSpec) -> int:
    """Run a worker until the run stops (stop key, SIGTERM/SIGINT, manager gone). Returns an exit code."""
    from llm.devices import Slot, SlotKind
    from population.slots import parse_slots

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    client = redis.Redis.from_url(spec.url, socket_timeout=60)
    raw: Any = client.get(keys.config(spec.run))
    if raw is None:
        print(f"error: run {spec.run!r} has no config in Redis at {spec.url}; is the manager running?")
        return 2
    cfg = from_json(raw.decode("utf-8"))
    broker = None
    if cfg.model != "none":
        from llm.broker import Broker

        slot: Slot = parse_slots(spec.slot, cfg.model)[0]
        if slot.kind is SlotKind.CPU:
            slot = Slot.cpu(slot.n_threads)
        Path(spec.cache_dir).mkdir(parents=True, exist_ok=True)
        broker = Broker.start(cfg.model, slot=slot, cache_path=Path(spec.cache_dir) / "llm.sqlite")
    loops = [Loop(spec, i, cfg, broker, stop) for i in range(spec.loops)]
    threads = [threading.Thread(target=loop.run, name=loop.name, daemon=True) for loop in loops]
    for t in threads:
        t.start()
    try:
        while any(t.is_alive() for t in threads) and not stop.is_set():
            heartbeat(client, spec, broker, loops)
            stop.wait(2.0)
    finally:
        stop.set()
        for loop in loops:  # kills every sandboxed process, even mid-job
            loop.close()
        for t in threads:
            t.join(timeout=10)
        if broker is not None:
            broker.close()
    return 0
