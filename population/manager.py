"""The manager: selection, archive writes and job production in one steady-state loop (no generation barrier).

The manager is the only archive writer. It keeps ``loops × (1 + queue_depth)`` jobs in flight on the jobs
stream so no worker loop waits, reads results one at a time from the results stream (group
:data:`keys.MANAGER_GROUP`) and ``XACK``s each after its archive writes, so a result is never lost and never
applied twice. Decisions depend only on the sequence of results, so a run with one worker loop is
reproducible from its seed.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections import deque
from dataclasses import dataclass, replace
from typing import IO, Any

import redis

from fitness.record import FitnessRecord, Outcome
from lineage import Archive
from population import bus, keys
from population.config import RunConfig
from population.intake import Checked, Fate, Proposed, admit, log_reject
from population.islands import Island, migrate
from population.messages import (
    CrossoverJob,
    EvaluateDone,
    EvaluateJob,
    ReproduceDone,
    ReproduceJob,
    decode,
    encode,
)
from population.novelty import Novelty, NoveltyUnavailableError
from population.qd import Grid
from population.rng import derive_rng, derive_seed
from population.selection import SELECTORS, Member, SelectionParams, best_of
from population.status import Counters
from population.tasks import eval_suite, family

HISTORY = 24  # reflect() sees at most this many recent children of a parent


@dataclass(frozen=True, slots=True)
class Birth:
    """What the manager remembers of a seed waiting for its evaluation."""

    parents: tuple[str, ...]
    island: int
    generation: int
    novelty: float
    parent_cascade: float | None
    parent_fitness: float | None
    operator: str
    size: int = 0  # bytes of the canonical text (MAP-Elites descriptor)


class Manager:
    """One run's population state and its loop. Build, :meth:`seed_origins`, then :meth:`step` until done."""

    def __init__(
        self,
        cfg: RunConfig,
        archive: Archive,
        client: redis.Redis,
        run_key: str,
        run_id: str,
        novelty: Novelty | None,
        log: IO[str],
        loops: int,
    ) -> None:
        self.cfg = cfg
        self.archive = archive
        self.client = client
        self.run_key = run_key
        self.run_id = run_id
        self.novelty = novelty
        self.log = log
        self.loops = loops
        self.counters = Counters()
        self.islands = [Island(i, cfg.island_size) for i in range(cfg.islands)]
        train = eval_suite(cfg.suite, "train", cfg.suite_tasks)
        self.suite_header = (train.name, train.version, "train")
        self.grid = Grid({t.id: family(t) for t in train.tasks}, cfg.size_bins)
        self.selector = SELECTORS[cfg.selector]
        self.params = SelectionParams(cfg.tournament_size, float(cfg.novelty_weight))
        self.pending: dict[str, Any] = {}  # job id → the job, while a worker has it
        self.births: dict[str, Birth] = {}  # seed id → birth facts, until its evaluation returns
        self.eval_queue: deque[EvaluateJob] = deque()
        self.history: dict[str, deque[dict[str, Any]]] = {}
        self.reproductions: dict[str, int] = {}  # parent id → reproduce jobs given
        self.sources: dict[str, str] = {}
        self.origin_ids: list[str] = []
        self.holdout: dict[str, FitnessRecord] = {}
        self.jobs = 0
        self.dispatched_evals = 0
        self.producing = True
        self.notes: list[str] = []
        self.novelty_mode = cfg.novelty
        self.deadline = time.monotonic() + cfg.time_budget_s if cfg.time_budget_s else None
        self.grace_s = cfg.end_grace_s  # in-flight jobs may finish this long past the budget
        # Steady state has no generation barrier: N generations = N × (islands × island_size) evaluations, and
        # no child deeper than N. Origins are generation 0.
        per_generation = cfg.islands * cfg.island_size
        limits = [x for x in (cfg.max_evals, cfg.generations * per_generation) if x]
        self.eval_limit = min(limits) if limits else 0

    # ---------------------------------------------------------------------------------------- jobs
    def _job_id(self) -> str:
        self.jobs += 1
        return f"j{self.jobs}"

    def _send(self, job: ReproduceJob | CrossoverJob | EvaluateJob) -> None:
        bus.add(self.client, keys.jobs(self.run_key), encode(job))
        self.pending[job.job_id] = job

    def _queue_eval(self, sid: str, source: str, birth: Birth) -> None:
        self.births[sid] = birth
        self.sources[sid] = source
        job = EvaluateJob(
            self._job_id(), sid, source, self.cfg.suite, "train", self.cfg.suite_tasks, birth.parent_cascade
        )
        self.eval_queue.append(job)

    def seed_origins(self, origins: list[tuple[str, str]]) -> None:
        """Archive the origin seeds and queue their evaluations (every island starts with all of them)."""
        for name, source in origins:
            result = self.archive.add(source, (), "origin", 0, 0, self.run_id, proposal=f"origin:{name}")
            if result.seed_id in self.origin_ids:
                continue
            self.origin_ids.append(result.seed_id)
            size = len(self.archive.canonical(result.seed_id).encode("utf-8", "surrogatepass"))
            self._queue_eval(result.seed_id, source, Birth((), -1, 0, 1.0, None, None, "origin", size))

    def source(self, sid: str) -> str:
        if sid not in self.sources:
            if len(self.sources) > 1024:
                self.sources.clear()
            self.sources[sid] = self.archive.source(sid)
        return self.sources[sid]

    @property
    def capacity(self) -> int:
        return self.loops * (1 + self.cfg.queue_depth)

    def _budget_left(self) -> bool:
        if self.deadline is not None and time.monotonic() >= self.deadline:
            return False
        return not (self.eval_limit and self.dispatched_evals >= self.eval_limit)

    def _expected_children(self) -> int:
        return sum(
            j.n if isinstance(j, ReproduceJob) else 1
            for j in self.pending.values()
            if isinstance(j, ReproduceJob | CrossoverJob)
        )

    def fill(self) -> None:
        """Top the jobs stream up to :attr:`capacity`: queued evaluations first, then new reproductions."""
        if self.producing and not self._budget_left():
            self.producing = False
        attempts = 4 * self.capacity  # bounded: never spin here
        while len(self.pending) < self.capacity and attempts > 0:
            attempts -= 1
            if self.eval_queue and self._budget_left():
                job = self.eval_queue.popleft()
                self.dispatched_evals += 1
                self._send(job)
                continue
            if not self.producing:
                return
            room = self.eval_limit - self.dispatched_evals - len(self.eval_queue) if self.eval_limit else 1
            if room - self._expected_children() <= 0 or not self._reproduce():
                return

    def _eligible(self, island: Island) -> list[Member]:
        gens = self.cfg.generations
        return [m for m in island.members.values() if not gens or m.generation < gens]

    def _reproduce(self) -> bool:
        """Make one reproduce job (or one crossover job). False when no island has an eligible parent."""
        index = self.jobs
        order = [self.islands[(index + k) % len(self.islands)] for k in range(len(self.islands))]
        island = next((isl for isl in order if self._eligible(isl)), None)
        if island is None:
            if not self.pending and not self.eval_queue and self.counters.evaluations:
                self.producing = False
            return False
        rng = derive_rng(self.cfg.seed, "select", index)
        pool = island.pool(self.grid.elite_ids())
        pool = replace(pool, members=tuple(m for m in pool.members if m in self._eligible(island)))
        parent = self.selector.select(pool, rng, self.params)
        island.count_child(parent.seed_id)
        nth = self.reproductions.get(parent.seed_id, 0)
        self.reproductions[parent.seed_id] = nth + 1
        partner = None
        others = [m for m in pool.members if m.seed_id != parent.seed_id]
        if others and rng.random() < self.cfg.manager_crossover_rate:
            mate = best_of(rng.sample(others, min(len(others), self.params.tournament_size)))
            cross = CrossoverJob(
                self._job_id(),
                parent.seed_id,
                self.source(parent.seed_id),
                mate.seed_id,
                self.source(mate.seed_id),
                derive_seed(self.cfg.seed, "crossover", parent.seed_id, mate.seed_id, nth),
                island.index,
                parent.generation + 1,
            )
            self._send(cross)
            return True
        if others and rng.random() < self.cfg.crossover_rate:
            partner = best_of(rng.sample(others, min(len(others), self.params.tournament_size)))
        job = ReproduceJob(
            self._job_id(),
            parent.seed_id,
            self.source(parent.seed_id),
            self.cfg.children_per_job,
            derive_seed(self.cfg.seed, "reproduce", parent.seed_id, nth),
            partner.seed_id if partner else "",
            self.source(partner.seed_id) if partner else "",
            tuple(self.history.get(parent.seed_id, ())),
            island.index,
            parent.generation + 1,
        )
        self._send(job)
        return True

    # ------------------------------------------------------------------------------------- results
    def step(self, block_ms: int = 250) -> bool:
        """Fill the queue, handle at most one result. Returns False when the run has nothing left to do."""
        started, cpu = time.perf_counter(), time.thread_time()
        self.fill()
        self._spent(started, cpu)
        if not self.pending and not self.eval_queue and not self.producing:
            return False
        if not self.pending and not self._budget_left():
            return False
        if self.deadline is not None and self.pending and time.monotonic() > self.deadline + self.grace_s:
            self.abandon()
            return False
        stream = keys.results(self.run_key)
        for entry_id, fields in bus.read_one(self.client, stream, keys.MANAGER_GROUP, "manager", block_ms):
            started, cpu = time.perf_counter(), time.thread_time()
            self.handle(decode(fields))
            self.client.xack(stream, keys.MANAGER_GROUP, entry_id)
            self._spent(started, cpu)
        return True

    def abandon(self) -> None:
        """Give up on every pending job: workers skip the ones not started and stop the running ones between
        tasks (:func:`keys.cancelled`), so the final holdout jobs queued next start promptly. Their children
        and seeds stay in the archive, just without the record the job would have made."""
        if not self.pending:
            return
        self.client.sadd(keys.cancelled(self.run_key), *self.pending)
        self.notes.append(
            f"{len(self.pending)} job(s) still running {self.grace_s:.0f} s after the time budget were cancelled"
        )
        self.pending.clear()

    def _spent(self, started: float, cpu: float) -> None:
        """Count the manager's own work since ``started`` (wall) and ``cpu`` (this thread's CPU time): the wall
        figure includes time the OS gave the cores to the model and sandboxes, the CPU figure does not."""
        self.counters.manager_s += time.perf_counter() - started
        self.counters.manager_cpu_s += time.thread_time() - cpu

    def handle(self, message: Any) -> None:
        """Apply one result to the archive and the population. A result seen before is ignored."""
        job = self.pending.pop(getattr(message, "job_id", ""), None)
        if job is None:
            return
        self.counters.worker_overhead_s += max(0.0, message.seconds - message.busy_s)
        self.counters.worker_cpu_s += message.cpu_s
        self.counters.sandbox_s += message.busy_s
        if isinstance(message, ReproduceDone) and isinstance(job, ReproduceJob | CrossoverJob):
            parent = self._member(job.parent_id)
            parents = (job.parent_id, job.partner_id) if job.partner_id else (job.parent_id,)
            if isinstance(job, CrossoverJob):
                default = "crossover"
                self.counters.crossovers += len(message.children)
            else:
                default = "reproduce+partner" if job.partner_id else "reproduce"
            checked = list(message.checked) if len(message.checked) == len(message.children) else []
            labels = list(message.operators) if len(message.operators) == len(message.children) else []
            if message.problems:
                kind = "crossover" if isinstance(job, CrossoverJob) else "reproduce"
                if kind == "reproduce":  # a crossover that finds nothing to exchange is no seed's fault
                    self.counters.reproduce_problems += 1
                for problem in message.problems[:10]:
                    log_reject(self.log, kind, str(problem), job.parent_id, job.job_id, list(parents))
            for k, child in enumerate(message.children):
                pre = Checked(*checked[k]) if checked else None
                op = labels[k] if labels and labels[k] else default
                self._intake(child, parents, op, job.island, parent, job.job_id, k, pre)
        elif isinstance(message, EvaluateDone) and isinstance(job, EvaluateJob):
            self._evaluated(job, FitnessRecord.from_json(message.record), message.cascade_score)

    def _member(self, sid: str) -> Member | None:
        for island in self.islands:
            if sid in island.members:
                return island.members[sid]
        return None

    def _intake(
        self,
        source: str,
        parents: tuple[str, ...],
        op: str,
        island: int,
        parent: Member | None,
        job: str,
        k: int,
        checked: Checked | None = None,
    ) -> None:
        self.counters.children += 1
        generation = (parent.generation if parent else 0) + 1
        if not self._budget_left() and self.eval_limit:
            self.counters.dropped += 1
            return
        child = Proposed(source, parents, op, generation, island, f"{job}/{k}")
        try:
            result = admit(
                self.archive, child, self.run_id, self.suite_header, self.novelty, self.log, checked
            )
        except NoveltyUnavailableError as err:
            if self.novelty_mode != "auto":
                raise
            self.novelty = None  # novelty = "auto": carry on without the filter, and say so
            self.notes.append(f"novelty filter off: {err}")
            result = admit(self.archive, child, self.run_id, self.suite_header, None, self.log, checked)
        if self.novelty is not None:
            self.counters.novelty_cpu_s = self.novelty.cpu_s
        if result.fate is Fate.REDISCOVERY:
            self.counters.rediscoveries += 1
        elif result.fate is Fate.INVALID:
            self.counters.invalid += 1
            if result.seed_id and parent is not None:
                self._remember(parents[0], result.seed_id, op, 0.0, parent.fitness, "invalid")
        elif result.fate is Fate.NEAR_CLONE:
            self.counters.novelty_rejects += 1
        else:
            self.counters.new += 1
            birth = Birth(
                parents,
                island,
                generation,
                result.novelty,
                parent.cascade if parent else None,
                parent.fitness if parent else None,
                op,
                result.size,
            )
            self._queue_eval(result.seed_id, source, birth)
            self._event(
                "seed", id=result.seed_id, parents=list(parents), island=island, generation=generation
            )

    def _remember(
        self, parent: str, child: str, op: str, fitness: float, parent_fitness: float, outcome: str
    ) -> None:
        item = {"seed_id": child, "operator": op, "aggregate": fitness, "parent_aggregate": parent_fitness}
        self.history.setdefault(parent, deque(maxlen=HISTORY)).append({**item, "outcome": outcome})

    def _evaluated(self, job: EvaluateJob, record: FitnessRecord, cascade: float | None) -> None:
        if record.seed_id != job.seed_id:  # identity is ours, not the worker's
            record = replace(record, seed_id=job.seed_id)
        self.archive.add_record(record)
        if job.split != "train":
            self.holdout[job.seed_id] = record
            return
        self.counters.evaluations += 1
        self.counters.tokens += record.prompt_tokens + record.completion_tokens
        birth = self.births.pop(job.seed_id, None)
        if birth is None:
            return
        if birth.parents:
            self._remember(
                birth.parents[0],
                job.seed_id,
                birth.operator,
                record.aggregate,
                birth.parent_fitness or 0.0,
                record.outcome.value,
            )
        self._event("record", id=job.seed_id, aggregate=record.aggregate, outcome=record.outcome.value)
        if record.outcome is not Outcome.SCORED:
            return
        self.counters.note_fitness(record.aggregate)
        member = Member(job.seed_id, record.aggregate, cascade, birth.generation, 0, birth.novelty)
        targets = self.islands if birth.island < 0 else [self.islands[birth.island]]
        for island in targets:
            island.offer(member)
        cell = self.grid.descriptor(record.behaviour, birth.size)
        self.grid.tell(job.seed_id, record.aggregate, cell)
        interval = self.cfg.migration_interval
        if interval and self.counters.evaluations % interval == 0:
            self.counters.migrations += migrate(self.islands, self.cfg.migration_size)

    def _event(self, kind: str, **data: Any) -> None:

        with contextlib.suppress(redis.exceptions.RedisError):
            bus.add(
                self.client,
                keys.events(self.run_key),
                {"v": "1", "kind": kind, "data": json.dumps(data)},
                maxlen=keys.EVENTS_MAXLEN,
            )

    # ------------------------------------------------------------------------------------- the end
    def best_members(self) -> tuple[Member | None, Member | None]:
        """(best evolved member, best origin member) over every island."""
        everyone = {m.seed_id: m for isl in self.islands for m in isl.members.values()}
        evolved = [m for m in everyone.values() if m.seed_id not in self.origin_ids]
        origins = [m for m in everyone.values() if m.seed_id in self.origin_ids]
        return (best_of(evolved) if evolved else None, best_of(origins) if origins else None)

    def queue_holdout(self, sids: list[str]) -> None:
        """Queue holdout evaluations (reported, never used for selection) of ``sids``."""
        for sid in dict.fromkeys(sids):
            job = EvaluateJob(
                self._job_id(), sid, self.source(sid), self.cfg.suite, "holdout", self.cfg.holdout_tasks
            )
            self._send(job)

    def drain(self, block_ms: int = 250) -> None:
        """Handle results until nothing is pending (used for the final holdout jobs)."""
        stream = keys.results(self.run_key)
        for entry_id, fields in bus.read_one(self.client, stream, keys.MANAGER_GROUP, "manager", block_ms):
            self.handle(decode(fields))
            self.client.xack(stream, keys.MANAGER_GROUP, entry_id)
