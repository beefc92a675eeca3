"""A job that the worker itself fails on (a framework bug, not a seed's doing) against the real embedded Redis:
retried while it has deliveries left, then given up with a ``JobFailed`` the manager drops and counts; a job
whose loops kept dying is not run again; a loop that dies anyway ends its worker with exit status 1."""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from population import bus, keys
from population.config import resolve
from population.messages import (
    WIRE_VERSION,
    JobFailed,
    ReproduceDone,
    ReproduceJob,
    decode,
    encode,
)
from population.redis_server import EmbeddedRedis, connect
from population.version import code_version
from population.worker import MAX_DELIVERIES, Loop, WorkerSpec, serve

pytestmark = pytest.mark.slow  # a real Redis server and a worker's sandboxes

RUN = "failed-jobs-test"


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    server = EmbeddedRedis.start(tmp_path / "redis")
    try:
        client = connect(server.url)
        cfg = resolve({"model": "none", "slots": "cpu:1", "loops_per_slot": 1})
        client.set(keys.config(RUN), cfg.to_json())
        client.set(
            keys.version(RUN), json.dumps({"code": code_version(), "wire": WIRE_VERSION, "model": "none"})
        )
        for stream, group in ((keys.jobs(RUN), keys.WORKER_GROUP), (keys.results(RUN), keys.MANAGER_GROUP)):
            client.xgroup_create(stream, group, id="0", mkstream=True)
        yield server.url
    finally:
        server.stop()


def _spec(url: str, tmp_path: Path) -> WorkerSpec:
    return WorkerSpec(url, RUN, "w0", "cpu:1", 1, str(tmp_path / "cache"))


def _loop(url: str, tmp_path: Path) -> Loop:
    return Loop(_spec(url, tmp_path), 0, resolve({"model": "none"}), None, threading.Event())


def _send_job(loop: Loop) -> tuple[bytes, dict[bytes, bytes]]:
    """One reproduce job on the jobs stream, delivered to ``loop``; returns its entry (id, fields)."""
    job = ReproduceJob("j1", "p" * 64, "def solve(task, llm, tools):\n    return ''\n", 1, 7)
    bus.add(loop.client, keys.jobs(RUN), encode(job))
    [entry] = bus.read_one(loop.client, keys.jobs(RUN), keys.WORKER_GROUP, loop.name, 1000)
    return entry


def _results(loop: Loop) -> list[Any]:
    entries: Any = loop.client.xrange(keys.results(RUN))
    return [decode(fields) for _, fields in entries]


def _failing(loop: Loop, failures: int) -> list[int]:
    """Make ``loop``'s reproduce raise an error of the worker's own ``failures`` times, then succeed; returns
    the list its calls are counted in."""
    calls: list[int] = []

    def reproduce(job: ReproduceJob, clock: Any) -> ReproduceDone:
        calls.append(1)
        if len(calls) <= failures:
            raise SystemError("AST constructor recursion depth mismatch (before=48, after=49)")
        return ReproduceDone(job.job_id, ())

    loop._reproduce = reproduce  # type: ignore[method-assign]
    return calls


def test_a_job_the_worker_fails_on_once_is_run_again_and_its_result_published(
    redis_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = _loop(redis_url, tmp_path)
    try:
        calls = _failing(loop, failures=1)
        entry, fields = _send_job(loop)
        loop._attempt(keys.jobs(RUN), entry, fields)
        assert len(calls) == 2
        assert [type(r).__name__ for r in _results(loop)] == ["ReproduceDone"]
        assert bus.deliveries(loop.client, keys.jobs(RUN), keys.WORKER_GROUP, entry) == 0  # acknowledged
        assert "recursion depth mismatch" in capsys.readouterr().err  # the traceback, for whoever debugs it
    finally:
        loop.close()


def test_a_job_the_worker_always_fails_on_is_given_up_after_its_deliveries(
    redis_url: str, tmp_path: Path
) -> None:
    loop = _loop(redis_url, tmp_path)
    try:
        calls = _failing(loop, failures=100)
        entry, fields = _send_job(loop)
        loop._attempt(keys.jobs(RUN), entry, fields)
        assert len(calls) == MAX_DELIVERIES
        [failed] = _results(loop)
        assert isinstance(failed, JobFailed)
        assert (failed.job_id, failed.worker, failed.deliveries) == ("j1", "w0.0", MAX_DELIVERIES)
        assert failed.error.startswith("SystemError: AST constructor")
        assert bus.deliveries(loop.client, keys.jobs(RUN), keys.WORKER_GROUP, entry) == 0
    finally:
        loop.close()


def test_a_job_whose_loops_kept_dying_is_given_up_without_running(redis_url: str, tmp_path: Path) -> None:
    loop = _loop(redis_url, tmp_path)
    try:
        calls = _failing(loop, failures=0)
        entry, fields = _send_job(loop)
        for _ in range(MAX_DELIVERIES):  # reclaimed that often: each loop that took it died or stalled
            bus.redeliver(loop.client, keys.jobs(RUN), keys.WORKER_GROUP, loop.name, entry)
        loop._attempt(keys.jobs(RUN), entry, fields)
        assert calls == []
        [failed] = _results(loop)
        assert isinstance(failed, JobFailed) and failed.deliveries == MAX_DELIVERIES + 1
        assert "died or stalled" in failed.error
    finally:
        loop.close()


def test_a_worker_whose_loop_dies_exits_1_and_says_which(
    redis_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def die(self: Loop) -> None:
        raise RuntimeError("a bug in the loop")

    monkeypatch.setattr(Loop, "serve_jobs", die)
    assert serve(_spec(redis_url, tmp_path)) == 1
    assert "w0.0: RuntimeError: a bug in the loop" in capsys.readouterr().err


def test_the_manager_drops_a_failed_job_counts_it_and_journals_it(tmp_path: Path) -> None:
    import redis

    from lineage import Archive
    from population.journal import Journal, read
    from population.manager import Manager
    from population.scheduler import Reproduce

    with Archive.create(str(tmp_path / "run")) as archive:
        run = archive.add_run("test")
        journal = Journal(tmp_path, durable=False)
        cfg = resolve({"model": "none"})
        manager = Manager(
            cfg, archive, redis.Redis(port=1), "t", run, None, io.StringIO(), 1, journal=journal
        )
        job = Reproduce("j1", "p" * 64, 2, 1, "", (), 0, 1)
        manager.pending[job.job_id] = job
        manager.handle(JobFailed("j1", "SystemError: boom", "w0.0", 3))
        manager.handle(JobFailed("j1", "SystemError: boom", "w0.0", 3))  # delivered twice: applied once
        journal.close()
    assert "j1" not in manager.pending
    assert manager.counters.jobs_failed == 1
    assert manager.notes == ["job j1 failed on worker w0.0: SystemError: boom"]
    [entry] = [e for e in read(tmp_path) if e.get("job") == "j1"]
    assert (entry["op"], entry["failed"]) == ("ignored", "SystemError: boom")  # a resume drops it as well
