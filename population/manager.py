"""The manager: the thin I/O loop around the pure :class:`population.scheduler.Scheduler`.

It turns the scheduler's jobs into messages on the jobs stream (with the source texts from the archive),
reads results one at a time from the results stream (group :data:`keys.MANAGER_GROUP`), admits children and
records to the archive (it is the only archive writer), tells the scheduler, ``XACK``s each result after its
archive writes, and publishes events. Decisions live in the scheduler, so a run with one worker loop is
reproducible from its seed; the clock (time budget, end grace) lives here.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections import deque
from dataclasses import replace
from typing import IO, Any

import redis

from fitness.record import FitnessRecord
from fitness.suites import load_suite
from lineage import Archive
from lineage.objects import Kind, object_id
from population import bus, keys
from population.accounting import note_result
from population.config import RunConfig
from population.intake import Checked, Fate, Proposed, admit, log_reject
from population.journal import Entry, Journal
from population.messages import (
    CrossoverJob,
    EvaluateDone,
    EvaluateJob,
    JobFailed,
    ReproduceDone,
    ReproduceJob,
    decode,
    encode,
)
from population.novelty import Novelty, NoveltyUnavailableError
from population.rng import derive_rng
from population.scheduler import Admitted, Cross, Evaluate, Job, Reproduce, Scheduler
from population.tasks import job_suite, sample

SOURCE_CACHE = 1024  # seed texts kept in memory (jobs carry them; the archive has them all)
# The counters the manager keeps itself (the scheduler's own are rebuilt by replaying the journal).
MANAGER_COUNTERS = (
    "worker_overhead_s",
    "worker_cpu_s",
    "sandbox_s",
    "reproduce_problems",
    "dropped",
    "novelty_cpu_s",
    "manager_s",
    "manager_cpu_s",
)


#: Results handled between two trims of the jobs and results streams (``bus.trim_done``).
TRIM_EVERY = 50


def publish_event(client: redis.Redis, run_key: str, kind: str, data: dict[str, Any]) -> None:
    """One entry of the run's events stream, capped at :data:`keys.EVENTS_MAXLEN` (approximately)."""
    fields = {"v": "1", "kind": kind, "data": json.dumps(data)}
    bus.add(client, keys.events(run_key), fields, maxlen=keys.EVENTS_MAXLEN)


class Manager:
    """One run's loop. Build, :meth:`seed_origins`, then :meth:`step` until it returns False."""

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
        messages_log: IO[str] | None = None,
        journal: Journal | None = None,
        elapsed_s: float = 0.0,
        events_log: IO[str] | None = None,
    ) -> None:
        self.cfg = cfg
        self.archive = archive
        self.client = client
        self.run_key = run_key
        self.run_id = run_id
        self.novelty = novelty
        self.log = log
        self.messages_log = messages_log or log  # logs/messages.jsonl: island messages and their senders
        self.loops = loops
        train = job_suite(cfg.suite, "train", (), "")
        self.suite_header = (train.name, train.version, "train")
        self.scheduler = Scheduler(cfg, train.split("train"))
        self.counters = self.scheduler.counters
        self.sources: dict[str, str] = {}
        self.notes: list[str] = []
        # ``python -m population replay``: stop asking after as many job-making asks as the run it re-derives
        # made (where its time budget ran out), as if the time budget ran out here too. None: no such limit.
        self.ask_limit: int | None = None
        self.asks = 0  # asks that made jobs, this process
        self.handled = 0  # results handled, this process (the streams are trimmed every TRIM_EVERY)
        self.novelty_mode = cfg.novelty
        self.journal = journal  # None: nothing is journaled (the run cannot be resumed)
        self.events_log = events_log  # logs/events.jsonl
        self.clock0 = time.monotonic() - elapsed_s  # run seconds count on across resumes
        self.deadline = self.clock0 + cfg.time_budget_s if cfg.time_budget_s else None
        self.grace_s = cfg.end_grace_s  # in-flight jobs may finish this long past the budget
        self.backlog: deque[bus.Entry] = deque()  # results a resume found on the stream, handled first

    # ------------------------------------------------------------------------------- views
    @property
    def islands(self) -> list[Any]:
        return self.scheduler.islands

    @property
    def grid(self) -> Any:
        return self.scheduler.grid

    @property
    def pending(self) -> dict[str, Job]:
        return self.scheduler.pending

    @property
    def holdout(self) -> dict[str, FitnessRecord]:
        return self.scheduler.results["holdout"]

    @property
    def validation(self) -> dict[str, FitnessRecord]:
        return self.scheduler.results["validation"]

    @property
    def capacity(self) -> int:
        return self.loops * (1 + self.cfg.queue_depth)

    def best_members(self) -> tuple[Any, Any]:
        return self.scheduler.best_members()

    def elapsed(self) -> float:
        """Run seconds so far, over every manager that drove this run (the time budget's clock)."""
        return time.monotonic() - self.clock0

    def _note(self, entry: Entry, counters: bool = False) -> None:
        """Journal one scheduler input (durably) with the run clock and, for results, the manager's counters."""
        if self.journal is None:
            return
        entry["t"] = round(self.elapsed(), 3)
        if counters:
            entry["m"] = {name: getattr(self.counters, name) for name in MANAGER_COUNTERS}
        self.journal.append(entry)

    # ------------------------------------------------------------------------------- jobs
    def seed_origins(self, origins: list[tuple[str, str]]) -> None:
        """Archive the origin seeds and hand them to the scheduler (every island starts with all of them)."""
        added = []
        for name, source in origins:
            result = self.archive.add(source, (), "origin", 0, 0, self.run_id, proposal=f"origin:{name}")
            size = len(self.archive.canonical(result.seed_id).encode("utf-8", "surrogatepass"))
            self.scheduler.add_origin(result.seed_id, size)
            added.append([result.seed_id, size])
        self._note({"op": "origins", "seeds": added})  # one entry: a resume sees all of them or none

    def source(self, sid: str) -> str:
        if sid not in self.sources:
            if len(self.sources) > SOURCE_CACHE:
                self.sources.clear()
            self.sources[sid] = self.archive.source(sid)
        return self.sources[sid]

    def _message(self, job: Job) -> ReproduceJob | CrossoverJob | EvaluateJob:
        if isinstance(job, Evaluate):
            return EvaluateJob(
                job.job_id,
                job.seed_id,
                self.source(job.seed_id),
                self.cfg.suite,
                job.split,
                job.tasks,
                job.label,
            )
        if isinstance(job, Cross):
            return CrossoverJob(
                job.job_id,
                job.parent_id,
                self.source(job.parent_id),
                job.partner_id,
                self.source(job.partner_id),
                job.rng_seed,
                job.island,
                job.generation,
            )
        return ReproduceJob(
            job.job_id,
            job.parent_id,
            self.source(job.parent_id),
            job.n,
            job.rng_seed,
            job.partner_id,
            self.source(job.partner_id) if job.partner_id else "",
            job.history,
            job.island,
            job.generation,
            job.failures,
        )

    def send(self, jobs: list[Job] | list[Evaluate]) -> None:
        for job in jobs:
            bus.add(self.client, keys.jobs(self.run_key), encode(self._message(job)))

    def _time_left(self) -> bool:
        return self.deadline is None or time.monotonic() < self.deadline

    # ------------------------------------------------------------------------------- results
    def step(self, block_ms: int = 250) -> bool:
        """Ask for jobs (while the time budget lasts), handle at most one result. False when nothing is left."""
        started, cpu = time.perf_counter(), time.thread_time()
        if self._time_left() and (self.ask_limit is None or self.asks < self.ask_limit):
            jobs = self.scheduler.ask(self.capacity)
            if jobs:  # journaled before they are sent: a job on the stream is always one resume knows
                self.asks += 1
                self._note({"op": "ask", "cap": self.capacity, "jobs": [j.job_id for j in jobs]})
            self.send(jobs)
        self._spent(started, cpu)
        if not self.pending:
            return False
        if self.deadline is not None and time.monotonic() > self.deadline + self.grace_s:
            self.abandon()
            return False
        self.drain(block_ms)
        return True

    def drain(self, block_ms: int = 250) -> None:
        """Handle at most one result (also used for the final validation and holdout jobs): the oldest one a
        resume found waiting (:meth:`recover`), else the next on the stream."""
        stream = keys.results(self.run_key)
        if self.backlog:
            entries = [self.backlog.popleft()]
        else:
            entries = bus.read_one(self.client, stream, keys.MANAGER_GROUP, "manager", block_ms)
        for entry_id, fields in entries:
            started, cpu = time.perf_counter(), time.thread_time()
            self.handle(decode(fields))
            self.client.xack(stream, keys.MANAGER_GROUP, entry_id)
            self.handled += 1
            if self.handled % TRIM_EVERY == 0:  # acknowledged entries only: streams stay short in long runs
                bus.trim_done(self.client, keys.jobs(self.run_key), keys.WORKER_GROUP)
                bus.trim_done(self.client, stream, keys.MANAGER_GROUP)
            self._spent(started, cpu)

    def abandon(self) -> None:
        """Give up on every pending job: workers skip the ones not started and stop the running ones between
        tasks (:func:`keys.cancelled`), so the final jobs queued next start promptly. Their children and seeds
        stay in the archive, just without the records the jobs would have made."""
        ids = self.scheduler.abandon()
        if not ids:
            return
        self._note({"op": "abandon", "jobs": ids})
        self.client.sadd(keys.cancelled(self.run_key), *ids)
        self.notes.append(
            f"{len(ids)} job(s) still running {self.grace_s:.0f} s after the time budget were cancelled"
        )

    def _spent(self, started: float, cpu: float) -> None:
        """Count the manager's own work since ``started`` (wall) and ``cpu`` (this thread's CPU time)."""
        self.counters.manager_s += time.perf_counter() - started
        self.counters.manager_cpu_s += time.thread_time() - cpu

    def handle(self, message: Any) -> None:
        """Apply one result to the archive, then tell the scheduler. A result seen before is ignored."""
        job = self.pending.get(getattr(message, "job_id", ""))
        if job is None:
            return
        if isinstance(message, JobFailed):  # the workers gave up on it: drop it, say so, score nobody
            self.pending.pop(job.job_id, None)
            self.counters.jobs_failed += 1
            self.notes.append(f"job {job.job_id} failed on worker {message.worker}: {message.error}")
            self._note({"op": "ignored", "job": job.job_id, "failed": message.error}, counters=True)
            self.event("job_failed", job=job.job_id, worker=message.worker, error=message.error)
            return
        self.counters.worker_overhead_s += max(0.0, message.seconds - message.busy_s)
        self.counters.worker_cpu_s += message.cpu_s
        self.counters.sandbox_s += message.busy_s
        note_result(self.counters, isinstance(job, Reproduce), message)
        if isinstance(message, ReproduceDone) and isinstance(job, Reproduce | Cross):
            self._reproduced(job, message)
        elif isinstance(message, EvaluateDone) and isinstance(job, Evaluate):
            record = FitnessRecord.from_json(message.record)
            if record.seed_id != job.seed_id:  # identity is ours, not the worker's
                record = replace(record, seed_id=job.seed_id)
            record, rid = self._store_record(record)
            sent = self.scheduler.tell_evaluated(job.job_id, record, message.digests, message.published)
            self._note(
                {
                    "op": "evaluated",
                    "job": job.job_id,
                    "record": rid,
                    "digests": dict(message.digests),
                    "published": list(message.published),
                },
                counters=True,
            )
            for text in sent:  # archived with the seed that sent it
                line = {"seed_id": job.seed_id, "job": job.job_id, "block": job.block, "message": text}
                self.messages_log.write(json.dumps(line) + "\n")
            if sent:
                self.messages_log.flush()
            self.event("record", id=job.seed_id, aggregate=record.aggregate, outcome=record.outcome.value)
        else:
            self.pending.pop(job.job_id, None)  # a result of the wrong kind: nothing to apply
            self._note({"op": "ignored", "job": job.job_id}, counters=True)

    def _store_record(self, record: FitnessRecord) -> tuple[FitnessRecord, str]:
        """Archive an evaluation's record unless the archive has this seed's record of the same part already
        (this job's result re-run after a crash, before the journal said so): then that one stands, so a seed
        never has two records of one block. Returns the record that counts and its object id."""
        for old in self.archive.records(record.seed_id):
            if (old.suite, old.suite_version, old.split) == (
                record.suite,
                record.suite_version,
                record.split,
            ):
                return old, object_id(Kind.RECORD, old.to_json().encode("utf-8", "surrogatepass"))
        return record, self.archive.add_record(record).record_id

    def _reproduced(self, job: Reproduce | Cross, message: ReproduceDone) -> None:
        parents = (job.parent_id, job.partner_id) if job.partner_id else (job.parent_id,)
        default = "reproduce+partner" if job.partner_id else "reproduce"
        if isinstance(job, Cross):
            default = "crossover"
        checked = list(message.checked) if len(message.checked) == len(message.children) else []
        labels = list(message.operators) if len(message.operators) == len(message.children) else []
        if message.problems:
            kind = "crossover" if isinstance(job, Cross) else "reproduce"
            if kind == "reproduce":  # a crossover that finds nothing to exchange is no seed's fault
                self.counters.reproduce_problems += 1
            for problem in message.problems[:10]:
                log_reject(self.log, kind, str(problem), job.parent_id, job.job_id, list(parents))
        admitted: list[Admitted] = []
        for k, child in enumerate(message.children):
            if not self.scheduler.accepting():
                self.counters.dropped += 1
                continue
            pre = Checked(*checked[k]) if checked else None
            op = labels[k] if labels and labels[k] else default
            proposed = Proposed(child, parents, op, job.generation, job.island, f"{job.job_id}/{k}")
            result = self._admit(proposed, pre)
            admitted.append(Admitted(result.fate, result.seed_id, op, result.novelty, result.size))
            if result.fate is Fate.NEW:
                self.event(
                    "seed",
                    id=result.seed_id,
                    parents=list(parents),
                    island=job.island,
                    generation=job.generation,
                )
        self.scheduler.tell_reproduced(job.job_id, admitted)
        children = [[a.fate.value, a.seed_id, a.operator, a.novelty, a.size] for a in admitted]
        self._note({"op": "reproduced", "job": job.job_id, "children": children}, counters=True)

    def _admit(self, child: Proposed, checked: Checked | None) -> Any:
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
        return result

    def event(self, kind: str, **data: Any) -> None:
        """One event: a line of ``logs/events.jsonl`` (when the run keeps one) and an entry of the run's capped
        events stream (for the dashboard; a Redis error here is not the run's)."""
        if self.events_log is not None:
            self.events_log.write(json.dumps({"time": round(time.time(), 3), "kind": kind, **data}) + "\n")
            self.events_log.flush()
        with contextlib.suppress(redis.exceptions.RedisError):
            publish_event(self.client, self.run_key, kind, data)

    # ------------------------------------------------------------------------------- the end
    def queue_final(self, split: str, seed_ids: list[str], limit: int) -> None:
        """Score ``seed_ids`` on a sample of ``limit`` tasks of ``split`` (0: all), the same for each."""
        tasks = sample(load_suite(self.cfg.suite).split(split), limit, derive_rng(self.cfg.seed, split))
        jobs = self.scheduler.ask_final(split, seed_ids, tasks)
        self._note(
            {
                "op": "final",
                "split": split,
                "seeds": list(seed_ids),
                "tasks": list(tasks),
                "jobs": [j.job_id for j in jobs],
            }
        )
        self.send(jobs)

    def finish(self, reason: str) -> None:
        """Journal the run's end: a run that ended on its budget (``done``) cannot be resumed."""
        self._note({"op": "end", "reason": reason}, counters=True)
