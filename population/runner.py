"""One run from start to end: check inputs, prepare the run directory, start Redis and the workers, drive the
manager, and always clean up (workers and their sandboxes and model servers killed, Redis shut down).

Everything is checked before anything is started, so bad input costs one line and stores nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import redis

from core.errors import SeedpopError
from genome.registry import lookup
from lineage import Archive
from population import bus, keys
from population.accounting import measured
from population.config import RunConfig
from population.errors import ConfigError, RunDirError
from population.journal import Entry, Journal, elapsed
from population.leftovers import RunLock
from population.manager import Manager
from population.memstats import MemStats
from population.messages import WIRE_VERSION
from population.metrics import serve_metrics
from population.novelty import NoveltyProcess
from population.origins import load_origins
from population.progress import read_progress, read_workers
from population.redis_server import EmbeddedRedis, connect
from population.replay import recover, replay
from population.scheduler import Verdict, pass_fraction
from population.selection import SELECTORS, Member
from population.slots import parse_slots, slot_text
from population.status import IslandStatus, LLMStatus, MemberStatus, Snapshot, write_status
from population.version import code_version

RUN_FORMAT = 1
RESPAWNS = 10  # workers killed by a signal or failed (exit ≠ 0) that a run starts again before it gives up
REDIS_WAIT_S = 60.0  # how long a run waits for its Redis to come back mid-run (a server by URL)
MAX_RECONNECTS = 10  # Redis outages one run survives before it stops with the error (resume goes on)
MARKER = "population.json"


def default_run_dir(name: str) -> Path:
    """``runs/<name>`` or ``runs/<UTC timestamp>``."""
    return Path("runs") / (name or time.strftime("%Y%m%d-%H%M%S", time.gmtime()))


def check_inputs(cfg: RunConfig, origins: bool = True) -> list[tuple[str, str]]:
    """Check everything a run needs before anything starts; returns the origin seeds ([] when ``origins`` is
    False: a resumed run has its origins in the archive, and their files may be gone).

    Raises:
        UnknownNameError: unknown selector, model or origin name (did-you-mean).
        ConfigError, OriginError, ModelError: see the message.
    """
    lookup(SELECTORS, cfg.selector, "selector")
    for model in {cfg.model, cfg.mutator}:
        if model != "none":
            from llm.models import parse_model_choice

            parse_model_choice(model)
    from fitness.suites import TASK_SUITES

    lookup(TASK_SUITES, cfg.suite, "task suite")
    if cfg.final_holdout:
        from fitness.suites import load_suite

        if not load_suite(cfg.suite).split("validation"):
            raise ConfigError(
                f"task suite {cfg.suite!r} has no validation split, which chooses the champion; use a suite "
                "with one (e.g. 'core') or set final_holdout = false"
            )
    parse_slots(cfg.slots, cfg.model)
    return load_origins(list(cfg.origin)) if origins else []


def prepare_run_dir(run_dir: Path) -> None:
    """Refuse a directory that holds a run (of this or another version) or another archive.

    Raises:
        RunDirError: with the fix.
    """
    marker = run_dir / MARKER
    if marker.exists():
        try:
            fmt = json.loads(marker.read_text(encoding="utf-8")).get("format")
        except (OSError, ValueError):
            fmt = None
        if fmt != RUN_FORMAT:
            raise RunDirError(
                f"run directory {str(run_dir)!r} is from another seedpop version (format {fmt!r}, this one "
                f"writes {RUN_FORMAT}); pass a new --run-dir"
            )
        raise RunDirError(f"run directory {str(run_dir)!r} already holds a run; pass a new --run-dir")
    if (run_dir / "objects").exists():
        raise RunDirError(f"run directory {str(run_dir)!r} holds an archive but no run; pass a new --run-dir")
    try:
        for sub in ("logs", "cache", "reports"):
            (run_dir / sub).mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise RunDirError(
            f"cannot create run directory {str(run_dir)!r}: {err.strerror}; pick a writable path"
        ) from None


class Run:
    """A started run. Use as a context manager; :meth:`loop` drives it to the end."""

    def __init__(
        self,
        cfg: RunConfig,
        run_dir: Path,
        origins: list[tuple[str, str]],
        journal: list[Entry] | None = None,
        lock: RunLock | None = None,
    ) -> None:
        """Take the run's resources in order: the run directory's manager lock, the archive (and its lock),
        Redis (the embedded server, started here), the novelty process and the logs. Each is registered with
        an ``ExitStack`` as soon as it is taken, so if a later step raises, everything taken so far is released
        before the error leaves (no lock, ``redis-server`` or novelty process outlives a failed start).

        Args:
            journal: the entries of a run being resumed (:mod:`population.journal`), already read under the
                lock (:func:`population.resume.resume`); None for a new run.
            lock: the run directory's lock when the caller took it already (resume); else it is taken here.
        """
        self.cfg = cfg
        self.run_dir = run_dir
        self.origins = origins
        self.resumed = journal is not None
        self.redis: EmbeddedRedis | None = None
        self.workers: list[subprocess.Popen[bytes]] = []
        self.respawned = 0
        self.reconnects = 0  # Redis outages survived (_reconnect)
        self.novelty: NoveltyProcess | None = None
        self.notes: list[str] = []
        self.last: Snapshot | None = None  # what loop() published last
        self.verdict: Verdict | None = None  # the champion, once chosen on validation
        self.phase = "new"  # new → evolve → validation → holdout
        self.snap: Snapshot | None = None  # the latest snapshot, for the metrics server
        self._stop_metrics: Callable[[], None] | None = None
        with contextlib.ExitStack() as taken:
            self.lock = lock or RunLock(run_dir).acquire()
            taken.callback(self.lock.release)
            if cfg.metrics_port:  # first: a port in use costs one line and stores nothing
                self._stop_metrics = serve_metrics(cfg.metrics_port, lambda: self.snap, self._workers_alive)
                taken.callback(self._stop_metrics)
            if not self.resumed:
                (run_dir / "config.toml").write_text(cfg.to_toml(), encoding="utf-8")
            self.archive = Archive.create(str(run_dir), cfg.to_toml())
            taken.callback(self.archive.close)
            self.run_id = self.archive.add_run(cfg.to_toml())
            self.run_key = self.run_id[:16]
            self.client, self.url = self._connect(taken)
            self._write_marker()
            self._prepare_streams()
            self.slots = parse_slots(cfg.slots, cfg.model)
            if cfg.novelty != "off":
                with (run_dir / "logs" / "novelty.log").open("ab") as novelty_log:
                    self.novelty = NoveltyProcess(
                        float(cfg.novelty_threshold), novelty_log, str(run_dir.resolve())
                    )
                taken.callback(self.novelty.close)
            self.log = (run_dir / "logs" / "rejects.jsonl").open("a", encoding="utf-8")
            taken.callback(self.log.close)
            self.messages = (run_dir / "logs" / "messages.jsonl").open("a", encoding="utf-8")
            taken.callback(self.messages.close)
            self.journal = Journal(run_dir)
            taken.callback(self.journal.close)
            self.events = (run_dir / "logs" / "events.jsonl").open("a", encoding="utf-8")
            taken.callback(self.events.close)
            loops = len(self.slots) * cfg.loops_per_slot
            self.manager = Manager(
                cfg,
                self.archive,
                self.client,
                self.run_key,
                self.run_id,
                self.novelty,
                self.log,
                loops,
                self.messages,
                self.journal,
                elapsed(journal or []),
                self.events,
            )
            if journal:
                self._resume(journal)
            taken.pop_all()  # started: from here on close() releases them
        self.started = time.monotonic() - self.manager.elapsed()
        self.memstats = MemStats(run_dir)  # off unless SEEDPOP_MEMSTATS is set (bench/soak.py)

    def _resume(self, entries: list[Entry]) -> None:
        """Rebuild the scheduler from the journal and put the jobs that were in flight back on a fresh jobs
        stream (the dead manager's workers are gone; their half-done jobs run again). Results already on the
        results stream are kept and handled first, so a finished job is not run twice."""
        self.phase = replay(self.manager, entries)
        again = recover(self.manager)
        self.client.delete(keys.jobs(self.run_key), keys.progress(self.run_key))
        self.client.xgroup_create(keys.jobs(self.run_key), keys.WORKER_GROUP, id="0", mkstream=True)
        self.manager.send(again)
        self.manager.event("resume", phase=self.phase, resent=len(again), waiting=len(self.manager.backlog))
        self.manager.notes.append(
            f"resumed after {self.manager.elapsed():.0f} s of run time: {len(again)} job(s) in flight sent "
            f"again, {len(self.manager.backlog)} result(s) waiting"
        )

    def _reconnect(self, err: Exception) -> None:
        """The run's Redis went away mid-run. Bring it back — the embedded server is started again on its data
        (same directory and socket: the workers find it where it was), a server by URL is waited for up to
        :data:`REDIS_WAIT_S` —, then rebuild the queue as a resume does: the results waiting on the results
        stream are handled first, every other job in flight is sent again on a fresh jobs stream (a job that
        was running runs again; its late result is dropped as stale). Raises ``err`` when Redis does not come
        back, or after :data:`MAX_RECONNECTS` outages in one run."""
        self.reconnects += 1
        if self.reconnects > MAX_RECONNECTS:
            raise err
        deadline = time.monotonic() + REDIS_WAIT_S
        while True:
            embedded = self.redis  # checked each time: a killed server may not have exited yet at the error
            if embedded is not None and (embedded.process is None or embedded.process.poll() is not None):
                embedded.stop()
                try:
                    self.redis = EmbeddedRedis.start(embedded.directory, socket_path=embedded.socket_path)
                except (SeedpopError, OSError):  # it cannot come back: the run ends on the outage itself
                    self.redis = None
                    raise err from None
            try:
                self.client.ping()
                break
            except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError):
                if time.monotonic() > deadline:
                    raise err from None
                time.sleep(0.5)
        self._prepare_streams()
        again = recover(self.manager)
        self.client.delete(keys.jobs(self.run_key), keys.progress(self.run_key))
        self.client.xgroup_create(keys.jobs(self.run_key), keys.WORKER_GROUP, id="0", mkstream=True)
        self.manager.send(again)
        first = str(err).splitlines()[0][:120] if str(err) else type(err).__name__
        self.manager.notes.append(
            f"the run's Redis went away ({first}) and came back: {len(again)} job(s) in flight sent again, "
            f"{len(self.manager.backlog)} result(s) waiting"
        )
        self.manager.event("redis_reconnected", resent=len(again), waiting=len(self.manager.backlog))

    def _connect(self, taken: contextlib.ExitStack) -> tuple[redis.Redis, str]:
        """A client for the configured Redis, or for an embedded server started in the run directory."""
        if self.cfg.redis:
            return connect(self.cfg.redis), self.cfg.redis
        self.redis = EmbeddedRedis.start(self.run_dir / "redis")
        taken.callback(self.redis.stop)
        return connect(self.redis.url), self.redis.url

    def _write_marker(self) -> None:
        marker = {
            "format": RUN_FORMAT,
            "run": self.run_id,
            "key": self.run_key,
            "redis": self.url,
            "pid": os.getpid(),
            "workers": [w.pid for w in self.workers],  # for the cleanup after a kill -9 (leftovers)
        }
        (self.run_dir / MARKER).write_text(json.dumps(marker, indent=1), encoding="utf-8")

    def _prepare_streams(self) -> None:
        """Clear a stale stop flag, publish the config, create the consumer groups."""
        self.client.delete(keys.stop(self.run_key))
        self.client.set(keys.config(self.run_key), self.cfg.to_json())
        stamp = {"code": code_version(), "wire": WIRE_VERSION, "model": self.cfg.model}
        self.client.set(keys.version(self.run_key), json.dumps(stamp))
        for stream, group in (
            (keys.jobs(self.run_key), keys.WORKER_GROUP),
            (keys.results(self.run_key), keys.MANAGER_GROUP),
        ):
            with contextlib.suppress(redis.exceptions.ResponseError):  # the group exists already
                self.client.xgroup_create(stream, group, id="0", mkstream=True)

    def __enter__(self) -> Run:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start_workers(self) -> None:
        """One worker process per slot, each in its own session (a terminal's Ctrl-C reaches only us)."""
        self.workers = [self._start_worker(i, slot) for i, slot in enumerate(self.slots)]
        self._write_marker()

    def _check_workers(self) -> str:
        """Start again each worker that a signal killed (``kill -9``, the OOM killer) or that failed (exit 1: a
        loop of it died) — at most :data:`RESPAWNS` in a run; its jobs are reclaimed after ``claim_idle`` —;
        "" while any serves, else why they all ended."""
        for i, w in enumerate(self.workers):
            if (
                w.poll() is not None
                and w.returncode != 0
                and self.respawned < RESPAWNS
                and not self._stopping()
            ):
                self.respawned += 1
                how = (
                    f"died (signal {-w.returncode})" if w.returncode < 0 else f"failed (exit {w.returncode})"
                )
                self.manager.notes.append(f"worker w{i} {how}; started again (logs/worker-{i}.log)")
                self.manager.event("worker_restarted", worker=f"w{i}", returncode=w.returncode)
                self.workers[i] = self._start_worker(i, self.slots[i])
                self._write_marker()
        if all(w.poll() is not None for w in self.workers):
            return f"workers exited: {self._worker_error()}"
        return ""

    def _stopping(self) -> bool:
        """Whether the run is ending (its stop key set): a worker that exits then is not started again."""
        with contextlib.suppress(redis.exceptions.RedisError):
            return self.stop_requested()
        return False

    def _start_worker(self, i: int, slot: Any) -> subprocess.Popen[bytes]:
        log = (self.run_dir / "logs" / f"worker-{i}.log").open("ab")
        cmd = [
            sys.executable,
            "-m",
            "population",
            "worker",
            "--redis",
            self.url,
            "--run",
            self.run_key,
            "--name",
            f"w{i}",
            "--slot",
            slot_text(slot),
            "--loops",
            str(self.cfg.loops_per_slot),
            "--cache-dir",
            str(self.run_dir / "cache"),
            "--manager-pid",
            str(os.getpid()),
        ]
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        return proc

    def _worker_error(self) -> str:
        """The last line worker 0 logged (its error), for a one-line message."""
        log = self.run_dir / "logs" / "worker-0.log"
        lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines() if log.exists() else []
        return (lines[-1] if lines else "no output") + f" (see {log})"

    def stop_requested(self) -> bool:
        return bool(self.client.exists(keys.stop(self.run_key)))

    def loop(self, on_tick: Callable[[Snapshot], None] | None = None, tick_s: float = 1.0) -> str:
        """Drive the manager until done, stopped (key or Ctrl-C) or broken; returns why it ended. A resumed
        run goes on in the phase its journal ended in."""
        if self.phase == "new":
            self.manager.event("start", run=self.run_id, key=self.run_key)
            self.manager.seed_origins(self.origins)
            self.phase = "evolve"
        self.start_workers()
        reason = "done"
        if self.phase == "evolve":
            reason = self._evolve(on_tick, tick_s)
        if reason == "done" and self.cfg.final_holdout:
            reason = self._final(on_tick, tick_s)
        if reason == "done":
            self.manager.finish(reason)
        self.manager.event("end", reason=reason)
        self.last = self.publish(on_tick, state="finished" if reason == "done" else reason)
        return reason

    def _turn(self, work: Callable[[], bool]) -> str:
        """One turn of a phase's loop: "" to go on, else why the phase ends — a stop request, the workers gone,
        or "done" when ``work`` says nothing is left. A Redis that went away is brought back here."""
        try:
            if self.stop_requested():
                return "stopped"
            why = self._check_workers()
            if why:
                return why
            return "" if work() else "done"
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as err:
            self._reconnect(err)
            return ""

    def _evolve(self, on_tick: Callable[[Snapshot], None] | None, tick_s: float) -> str:
        last = 0.0
        while True:
            why = self._turn(self.manager.step)
            if why:
                return why
            if time.monotonic() - last >= tick_s:
                last = time.monotonic()
                self.publish(on_tick)

    def _final(self, on_tick: Callable[[Snapshot], None] | None, tick_s: float) -> str:
        """Score the finalists on validation, name the champion and the best origin, score both on holdout."""
        sched = self.manager.scheduler
        if self.phase == "evolve":
            self.manager.queue_final("validation", sched.finalists(), self.cfg.validation_tasks)
            self.phase = "validation"
        if self.phase == "validation":
            why = self._wait(on_tick, tick_s, "validation")
            if why:
                return why
            self.verdict = sched.verdict()
            chosen = [sid for sid in (self.verdict.champion, self.verdict.best_origin) if sid]
            self.manager.queue_final("holdout", chosen, self.cfg.holdout_tasks)
            self.phase = "holdout"
        why = self._wait(on_tick, tick_s, "holdout")
        self.verdict = self.verdict or sched.verdict()
        return why or "done"

    def _wait(self, on_tick: Callable[[Snapshot], None] | None, tick_s: float, state: str) -> str:
        """Handle results until nothing is pending; "" then, else why it stopped (a stop, the workers gone)."""
        last = 0.0

        def drain() -> bool:
            self.manager.drain()
            return True

        while self.manager.pending:
            why = self._turn(drain)
            if why:
                return why
            if time.monotonic() - last >= tick_s:
                last = time.monotonic()
                self.publish(on_tick, state=state)
        return ""

    def publish(self, on_tick: Callable[[Snapshot], None] | None, state: str = "running") -> Snapshot:
        """Take a snapshot, write it (``status.json``, the Redis status hash), hand it to ``on_tick``."""
        snap = self.snapshot(state)
        self.snap = snap
        write_status(self.run_dir, snap)
        self.memstats.tick(children=snap.counters.children, evaluations=snap.counters.evaluations)
        with contextlib.suppress(redis.exceptions.RedisError):
            bus.set_hash(self.client, keys.status(self.run_key), {"json": json.dumps(snap.to_json())})
        if on_tick is not None:
            on_tick(snap)
        return snap

    def llm_stats(self) -> LLMStatus:
        """Busy fraction over every slot's model, from the workers' heartbeats."""
        per_slot: dict[str, dict[str, float]] = {}
        with contextlib.suppress(redis.exceptions.RedisError):
            for key in self.client.scan_iter(keys.workers_pattern(self.run_key)):
                fields: Any = self.client.hgetall(key)
                raw = {k.decode(): v.decode() for k, v in fields.items()}
                if "uptime_seconds" in raw:
                    per_slot[str(key)] = {
                        "busy": float(raw["busy_seconds"]),
                        "up": float(raw["uptime_seconds"]),
                        "prompt": float(raw.get("prompt_tokens", 0)),
                        "evaluated": float(raw.get("prompt_evaluated", 0)),
                    }
        busy = sum(v["busy"] for v in per_slot.values())
        up = sum(v["up"] for v in per_slot.values())
        prompt = int(sum(v["prompt"] for v in per_slot.values()))
        evaluated = int(sum(v["evaluated"] for v in per_slot.values()))
        return LLMStatus(busy / up if up else 0.0, busy, up, prompt, evaluated)

    def snapshot(self, state: str = "running") -> Snapshot:
        """Everything the display, ``status`` and the dashboard show (``status.json`` is its JSON form)."""
        m = self.manager
        islands = []
        for isl in m.islands:
            fits = isl.fitnesses()
            best = isl.best()
            islands.append(
                IslandStatus(
                    index=isl.index,
                    size=len(fits),
                    best=fits[-1] if fits else None,
                    median=fits[len(fits) // 2] if fits else None,
                    best_id=best.seed_id if best else None,
                    max_generation=max((x.generation for x in isl.members.values()), default=0),
                )
            )
        evolved, origin = m.best_members()
        if self.verdict is not None:  # after validation: the champion and the best origin it chose
            evolved = m.scheduler.member(self.verdict.champion)
            origin = m.scheduler.member(self.verdict.best_origin)
        return Snapshot(
            state=state,
            run_dir=str(self.run_dir),
            run=self.run_id,
            pid=os.getpid(),
            elapsed_s=time.monotonic() - self.started,
            counters=measured(
                replace(m.counters, best_history=list(m.counters.best_history)), fresh=state != "running"
            ),
            islands=tuple(islands),
            queued=len(m.scheduler.queue),
            in_flight=len(m.pending),
            slots=tuple(slot_text(s) for s in self.slots),
            loops=m.loops,
            grid_cells=m.grid.coverage,
            llm=self.llm_stats(),
            best_evolved=_member_status(evolved),
            best_origin=_member_status(origin),
            holdout={sid: pass_fraction(r) for sid, r in m.holdout.items()},
            notes=tuple(m.notes),
            model=self.cfg.model,
            suite=self.cfg.suite,
            time_budget_s=self.cfg.time_budget_s,
            max_evals=self.cfg.max_evals,
            validation={sid: pass_fraction(r) for sid, r in m.validation.items()},
            champion=self.verdict.champion if self.verdict else None,
            champion_reason=self.verdict.reason if self.verdict else "",
            jobs=read_progress(self.client, self.run_key),
        )

    def _workers_alive(self) -> int:
        return len(read_workers(self.client, self.run_key))

    def close(self) -> None:
        """Stop everything this run started. Idempotent; never raises."""
        stop_metrics, self._stop_metrics = self._stop_metrics, None
        if stop_metrics is not None:
            with contextlib.suppress(Exception):
                stop_metrics()
        with contextlib.suppress(Exception):
            self.client.set(keys.stop(self.run_key), "1")
        for w in self.workers:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(w.pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        for w in self.workers:
            with contextlib.suppress(subprocess.TimeoutExpired):
                w.wait(timeout=max(0.1, deadline - time.monotonic()))
            if w.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(w.pid, signal.SIGKILL)
                w.wait(timeout=10)
        self.workers = []
        if self.novelty is not None:
            self.novelty.close()
        if self.redis is not None:
            self.redis.stop()
        with contextlib.suppress(Exception):
            self.log.close()
        with contextlib.suppress(Exception):
            self.messages.close()
        with contextlib.suppress(Exception):
            self.journal.close()
        with contextlib.suppress(Exception):
            self.events.close()
        self.archive.close()
        self.lock.release()


def _member_status(m: Member | None) -> MemberStatus | None:
    return MemberStatus(m.seed_id, m.fitness, m.generation) if m is not None else None
