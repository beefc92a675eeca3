"""Every Redis key and stream name the population uses, in one place (workers and the dashboard read these).

Names are namespaced by the run id so that several runs can share one external Redis server. Streams:

* :func:`jobs` — manager → workers, consumer group :data:`WORKER_GROUP`; one message per job.
* :func:`results` — workers → manager, consumer group :data:`MANAGER_GROUP`; one message per finished job.
* :func:`events` — manager → dashboard (capped), one message per archive write worth showing.

Plain keys: :func:`config` (the resolved run config as JSON, for workers on other machines), :func:`version`
(the manager's code version and model: workers check theirs against it), :func:`stop`
(set to ask every process of the run to stop), :func:`status` (hash, the manager's latest counters),
:func:`worker` (hash per worker loop: heartbeat and LLM stats), :func:`cancelled` (set of job ids the manager gave
up on; a worker skips them, or stops one between tasks), :func:`progress` (hash: each job in flight, as its
worker last reported it; :mod:`population.progress`).
"""

from __future__ import annotations

PREFIX = "seedpop"
WORKER_GROUP = "workers"
MANAGER_GROUP = "manager"
# Entries the events stream keeps (``XADD … MAXLEN ~``; Redis trims whole nodes, so up to ~100 more). Live
# viewers follow new entries only (the dashboard shows the latest 50) and logs/events.jsonl keeps them all, so
# this only has to cover a viewer that fell behind: a few minutes of a busy model-free run (~3 events/s).
EVENTS_MAXLEN = 1_000
WORKER_TTL_S = 10  # a worker hash outlives its last heartbeat (every 2 s) by this many seconds


def _key(run: str, *parts: str) -> str:
    return ":".join((PREFIX, run, *parts))


def jobs(run: str) -> str:
    """Stream of jobs for the run's workers."""
    return _key(run, "jobs")


def results(run: str) -> str:
    """Stream of results for the run's manager."""
    return _key(run, "results")


def events(run: str) -> str:
    """Capped stream of events for live viewers (dashboard)."""
    return _key(run, "events")


def config(run: str) -> str:
    """String key: the resolved config JSON."""
    return _key(run, "config")


def version(run: str) -> str:
    """String key: JSON ``{"code", "wire", "model"}`` of the manager; a worker with another one is refused."""
    return _key(run, "version")


def stop(run: str) -> str:
    """String key: present when the run must stop."""
    return _key(run, "stop")


def cancelled(run: str) -> str:
    """Set: ids of jobs the manager abandoned (past the end grace); workers drop them."""
    return _key(run, "cancelled")


def status(run: str) -> str:
    """Hash: the manager's counters, refreshed while it runs."""
    return _key(run, "status")


def progress(run: str) -> str:
    """Hash: job id → that job's progress as JSON (``population.progress.JobProgress``), kept by the workers."""
    return _key(run, "progress")


def worker(run: str, name: str) -> str:
    """Hash: one worker process's heartbeat (host, pid, slot, each loop's job) and its slot's LLM counters;
    it expires :data:`WORKER_TTL_S` after the last heartbeat, so only live workers have one."""
    return _key(run, "worker", name)


def workers_pattern(run: str) -> str:
    """``SCAN`` pattern matching every :func:`worker` key of the run."""
    return _key(run, "worker", "*")
