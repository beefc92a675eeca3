"""A worker: one process per slot, one model (broker) shared by ``loops`` loops, each with its own harness.

Each loop reads jobs from the run's jobs stream with ``XREADGROUP`` (group :data:`keys.WORKER_GROUP`), runs
them in the sandboxes, appends the result to the results stream, then ``XACK``s the job (at-least-once: the
manager ignores a result it has seen). A worker needs only Redis: the run config comes from
:func:`keys.config`, and every job carries the source texts it needs, so it may run on another machine; it
refuses a run of another code version or model (:func:`check_run`).

Lost jobs: the heartbeat (every :data:`HEARTBEAT_S`) keeps each running job's entry idle-free, so a job idle
past ``claim_idle`` belongs to a loop that died or stalled, and an idle loop takes it over (``XAUTOCLAIM``).
A loop that wakes up after losing its job drops its stale result instead of publishing it.

Failed jobs: an error of the worker's own while running a job (a framework bug, never a seed's doing: seeds
fail inside the sandboxes, and that is a result) is printed with its traceback and the job is delivered again,
up to :data:`MAX_DELIVERIES` times in all; a job reclaimed that often (its loops died or stalled on it) is not
run again either. Either way the loop publishes a :class:`~population.messages.JobFailed`, which the manager
drops and counts, so one poison job neither kills a loop nor holds the run. A loop that dies all the same ends
its worker with exit status 1, so that it is not a process that heartbeats and never takes a job.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import sys
import threading
import time
import traceback
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
from population.errors import WorkerRefusedError
from population.intake import check_child
from population.messages import (
    WIRE_VERSION,
    CrossoverJob,
    EvaluateDone,
    EvaluateJob,
    JobFailed,
    MessageError,
    ReproduceDone,
    ReproduceJob,
    decode,
    encode,
)
from population.progress import ProgressBoard
from population.redis_server import connect, redact
from population.status import alive_pid
from population.tasks import job_suite
from population.version import code_version

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


CLAIM_EVERY_S = 1.0  # how often an idle loop looks for jobs of dead or stalled loops to reclaim
HEARTBEAT_S = 2.0


@dataclass(frozen=True, slots=True)
class WorkerSpec:
    """Who a worker is: the run, the Redis URL, its name, its slot and how many loops share the slot
    (0: the run's ``loops_per_slot``); ``model`` is what the user asked for ("" = the run's: checked)."""

    url: str
    run: str
    name: str
    slot: str
    loops: int
    cache_dir: str
    manager_pid: int = 0
    model: str = ""


#: Seconds a loop waits for the run's Redis to come back after losing it (the manager restarts its own).
REDIS_WAIT_S = 90.0

#: Deliveries of one job (first run, in-loop retries after a worker error, reclaims) before it is given up.
MAX_DELIVERIES = 3


class Loop:
    """One consumer: reads a job, runs it, publishes the result. ``run`` returns when the run stops."""

    def __init__(
        self,
        spec: WorkerSpec,
        index: int,
        cfg: RunConfig,
        broker: Broker | None,
        stop: threading.Event,
        mutator: Broker | None = None,
    ):
        """``broker`` solves tasks; ``mutator`` serves ``reproduce`` (None: no LLM there). A worker whose run
        uses one model for both passes the same broker twice (:func:`brokers`)."""
        self.spec = spec
        self.name = f"{spec.name}.{index}"
        self.cfg = cfg
        self.broker = broker
        self.mutator = mutator
        self.stop = stop
        self.client = connect(spec.url, timeout_s=60)
        self.harness = Harness(broker, eval_config(cfg), cfg.model if broker is not None else "none")
        self.jobs_done = 0
        self.progress = ProgressBoard(self.client, spec.run, self.name)  # the job in flight, for live views
        self.claim_ms = int(cfg.claim_idle_s * 1000)
        self.entry: bytes | None = None  # the jobs-stream entry running now (the heartbeat keeps it ours)
        self.job_id = ""
        self._entry_lock = threading.Lock()
        self.crashed = ""  # why run() ended with an error of its own ("" while it runs or after a clean end)

    def _should_stop(self) -> bool:
        if self.stop.is_set():
            return True
        if self.spec.manager_pid and not alive_pid(self.spec.manager_pid):
            self.stop.set()
            return True
        return bool(self.client.exists(keys.stop(self.spec.run)))

    def run(self) -> None:
        """Serve jobs until the run stops (:meth:`serve_jobs`); an error that escapes it is kept in
        :attr:`crashed` for the worker to report."""
        try:
            self.serve_jobs()
        except BaseException as err:  # the thread's last word: serve() reports it and exits 1
            self.crashed = f"{type(err).__name__}: {err}"
            traceback.print_exc(file=sys.stderr)

    def serve_jobs(self) -> None:
        """Serve jobs until the run stops: first the ones a previous process of this loop's name held when it
        died, then (every :data:`CLAIM_EVERY_S`) any job idle past ``claim_idle`` — its loop died or
        stalled —, else the next new job."""
        stream = keys.jobs(self.spec.run)
        try:
            backlog = bus.read_now(self.client, stream, keys.WORKER_GROUP, self.name, "0", 100)
        except redis.exceptions.ConnectionError:
            return
        next_claim = 0.0
        while True:
            try:
                if self._should_stop():
                    return
                entries, backlog = backlog[:1], backlog[1:]
                if not entries and time.monotonic() >= next_claim:
                    next_claim = time.monotonic() + CLAIM_EVERY_S
                    entries = bus.autoclaim(self.client, stream, keys.WORKER_GROUP, self.name, self.claim_ms)
                    for entry_id, _ in entries:
                        print(f"{self.name}: reclaimed job entry {entry_id.decode()} (idle past claim_idle)")
                if not entries:
                    entries = bus.read_one(self.client, stream, keys.WORKER_GROUP, self.name, 500)
                for entry_id, fields in entries:
                    self._attempt(stream, entry_id, fields)
            except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError):
                if not self._wait_for_redis():
                    return  # the run's Redis is gone for good, or its manager: the run is over
            except redis.exceptions.ResponseError as err:
                if "NOGROUP" not in str(err):
                    raise
                time.sleep(0.5)  # Redis came back empty: the manager is rebuilding the queue

    def _wait_for_redis(self) -> bool:
        """After a connection error: wait up to :data:`REDIS_WAIT_S` for the run's Redis to answer again (the
        manager restarts its embedded server; a server by URL may be restarting). False when it does not, or
        when the run stopped or its manager died meanwhile."""
        print(f"{self.name}: lost the run's Redis; waiting up to {REDIS_WAIT_S:.0f} s for it to come back")
        deadline = time.monotonic() + REDIS_WAIT_S
        while time.monotonic() < deadline:
            if self.stop.is_set() or (self.spec.manager_pid and not alive_pid(self.spec.manager_pid)):
                return False
            with contextlib.suppress(redis.exceptions.RedisError, OSError):
                self.client.ping()
                return True
            time.sleep(0.5)
        return False

    def _attempt(self, stream: str, entry_id: bytes, fields: dict[Any, Any]) -> None:
        """Run one job entry; after an error of the worker's own, run it again while it has deliveries left,
        then give it up (:class:`JobFailed`). An entry delivered :data:`MAX_DELIVERIES` times already (its
        loops died or stalled on it) is given up without running."""
        error = ""
        while True:
            delivered = bus.deliveries(self.client, stream, keys.WORKER_GROUP, entry_id)
            if delivered > MAX_DELIVERIES or (error and delivered >= MAX_DELIVERIES):
                self._give_up(stream, entry_id, fields, error or "its loops died or stalled on it", delivered)
                return
            if error:  # a retry that the delivery count sees
                again = bus.redeliver(self.client, stream, keys.WORKER_GROUP, self.name, entry_id)
                if not again:
                    return  # acknowledged or deleted meanwhile: nothing left to run
                fields = again[0][1]
            try:
                self._handle(stream, entry_id, fields)
                return
            except redis.exceptions.RedisError:
                raise  # the transport, not the job: serve_jobs waits for Redis or ends the loop
            except Exception as err:  # a bug of ours must not end the loop (module doc)
                error = f"{type(err).__name__}: {err}"[:300]
                print(
                    f"{self.name}: error of the worker itself on job entry {entry_id.decode()}:",
                    file=sys.stderr,
                )
                traceback.print_exc(file=sys.stderr)

    def _give_up(
        self, stream: str, entry_id: bytes, fields: dict[Any, Any], error: str, delivered: int
    ) -> None:
        try:
            job_id = str(getattr(decode(fields), "job_id", ""))
        except MessageError:
            job_id = ""
        print(
            f"{self.name}: gave up on job {job_id or entry_id.decode()} after {delivered} deliveries: {error}"
        )
        pipe = self.client.pipeline(transaction=True)
        if job_id:
            failed = JobFailed(job_id, error, self.name, delivered)
            bus.add(pipe, keys.results(self.spec.run), encode(failed))
        pipe.xack(stream, keys.WORKER_GROUP, entry_id)
        pipe.execute()

    def touch(self) -> None:
        """The heartbeat: keep the running job's entry ours (its idle time back to 0), so no other loop
        reclaims a job that is merely long. A loop that lost its job (reclaimed while it stalled) leaves it."""
        with self._entry_lock:
            entry = self.entry
        if entry is None:
            return
        stream = keys.jobs(self.spec.run)
        with contextlib.suppress(redis.exceptions.RedisError):
            if bus.owner(self.client, stream, keys.WORKER_GROUP, entry) == self.name:
                bus.touch(self.client, stream, keys.WORKER_GROUP, self.name, entry)

    def _handle(self, stream: str, entry_id: bytes, fields: dict[Any, Any]) -> None:
        with self._entry_lock:
            self.entry = entry_id
        try:
            self._run_entry(stream, entry_id, fields)
        finally:
            with self._entry_lock:
                self.entry, self.job_id = None, ""

    def _run_entry(self, stream: str, entry_id: bytes, fields: dict[Any, Any]) -> None:
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
        self.job_id = job.job_id
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
        holder = bus.owner(self.client, stream, keys.WORKER_GROUP, entry_id)
        if (
            holder != self.name
        ):  # this loop stalled past claim_idle: another reran the job (or is rerunning it)
            print(f"{self.name}: stale result of job {job.job_id} dropped (job now {holder or 'done'})")
            return
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
        if self.mutator is not None:
            session = self.mutator.open_session(
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
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "running": " ".join(f"{loop.name}={loop.job_id or '-'}" for loop in loops),
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
        client.expire(keys.worker(spec.run, spec.name), keys.WORKER_TTL_S)
    for loop in loops:  # the jobs in flight are still alive
        loop.progress.refresh()
        loop.touch()


def check_run(client: redis.Redis, spec: WorkerSpec) -> RunConfig:
    """The run's config, once this worker may serve it: the run exists, and this worker runs the run's code
    version and model.

    Raises:
        WorkerRefusedError: with which of them differs and the fix.
    """
    where = redact(spec.url)
    raw: Any = client.get(keys.config(spec.run))
    stamp: Any = client.get(keys.version(spec.run))
    if raw is None or stamp is None:
        raise WorkerRefusedError(
            f"run {spec.run!r} is not in the Redis at {where} (no config); check --run (the key `python -m "
            "population status` shows) and that its manager is running"
        )
    run = json.loads(stamp)
    mine = {"code": code_version(), "wire": WIRE_VERSION}
    for what in ("code", "wire"):
        if run.get(what) != mine[what]:
            raise WorkerRefusedError(
                f"worker refused: its {what} version {mine[what]!r} differs from run {spec.run}'s "
                f"{run.get(what)!r}; install the seedpop the run's manager runs on this machine"
            )
    cfg = from_json(raw.decode("utf-8"))
    if spec.model and spec.model != cfg.model:
        raise WorkerRefusedError(
            f"worker refused: model {spec.model!r} differs from run {spec.run}'s model {cfg.model!r}; "
            f"start it with --model {cfg.model} or leave --model out"
        )
    return cfg


def start_broker(model: str, spec: WorkerSpec, cache_name: str) -> Broker:
    """Load ``model`` on this worker's slot (a CPU slot uses its thread count) with a completion cache; its
    model process decodes the requests of the worker's loops together (one sequence per loop)."""
    from llm.broker import Broker
    from llm.devices import Slot, SlotKind
    from population.slots import parse_slots

    slot: Slot = parse_slots(spec.slot, model)[0]
    if slot.kind is SlotKind.CPU:
        slot = Slot.cpu(slot.n_threads)
    return Broker.start(
        model, slot=slot, cache_path=Path(spec.cache_dir) / cache_name, n_seq=max(1, spec.loops)
    )


def brokers(
    cfg: RunConfig, spec: WorkerSpec, start: Callable[[str, WorkerSpec, str], Broker]
) -> tuple[Broker | None, Broker | None]:
    """(solver, mutator) for this worker: the solver model for tasks, the mutator model for ``reproduce``;
    one broker serves both when they are the same model, none where a model is ``'none'``. The mutator's
    completions are cached in a file of its own."""
    solver = None if cfg.model == "none" else start(cfg.model, spec, "llm.sqlite")
    if cfg.mutator == cfg.model:
        return solver, solver
    try:
        mutator = None if cfg.mutator == "none" else start(cfg.mutator, spec, "llm-mutator.sqlite")
    except BaseException:
        if solver is not None:
            solver.close()
        raise
    return solver, mutator


def serve(spec: WorkerSpec) -> int:
    """Run a worker until the run stops (stop key, SIGTERM/SIGINT, manager gone). Returns an exit code."""
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    client = connect(spec.url)
    cfg = check_run(client, spec)
    if spec.loops <= 0:
        spec = replace(spec, loops=cfg.loops_per_slot)
    Path(spec.cache_dir).mkdir(parents=True, exist_ok=True)
    broker, mutator = brokers(cfg, spec, start_broker)
    loops = [Loop(spec, i, cfg, broker, stop, mutator) for i in range(spec.loops)]
    threads = [threading.Thread(target=loop.run, name=loop.name, daemon=True) for loop in loops]
    for t in threads:
        t.start()
    try:
        while all(t.is_alive() for t in threads) and not stop.is_set():
            heartbeat(client, spec, broker, loops)
            stop.wait(HEARTBEAT_S)
    finally:
        stop.set()
        for loop in loops:  # kills every sandboxed process, even mid-job
            loop.close()
        for t in threads:
            t.join(timeout=10)
        for model in {id(b): b for b in (broker, mutator) if b is not None}.values():
            model.close()
    crashed = [f"{loop.name}: {loop.crashed}" for loop in loops if loop.crashed]
    if crashed:  # a half-dead worker would heartbeat and never take a job: end it, its jobs get reclaimed
        print(
            f"worker {spec.name} stopped: a loop died ({'; '.join(crashed)}); start it again", file=sys.stderr
        )
        return 1
    return 0
