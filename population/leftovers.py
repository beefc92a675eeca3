"""What a manager that died (``kill -9``, a power cut) leaves behind, and the lock that says one is alive.

* :class:`RunLock` — an exclusive ``flock`` on ``<run_dir>/manager.lock``, held by the live manager for its
  whole life. The kernel drops it when the process dies, however it dies, so a lock that can be taken means
  no manager is alive (a pid in a file cannot say that: pids are reused).
* :func:`clean_up` — the embedded ``redis-server`` (its pid file in ``<run_dir>/redis/``) and the worker
  process groups (pids in ``population.json``) of a dead manager: ended, the server with ``SIGTERM`` so it
  writes its append-only file first. Each process is checked to be the run's own before it is signalled
  (its command line names the run), so a reused pid is never hit. ``resume`` and ``stop`` call it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
from pathlib import Path
from typing import IO, Any

import psutil  # type: ignore[import-untyped]  # no stubs in the venv (types-psutil)

from population.errors import RunDirError

LOCK = "manager.lock"


class RunLock:
    """The run directory's manager lock. :meth:`acquire` or raise; :meth:`release` is idempotent."""

    def __init__(self, run_dir: Path) -> None:
        self.path = run_dir / LOCK
        self._file: IO[bytes] | None = None

    def acquire(self, pid_hint: int = 0) -> RunLock:
        """Take the lock without waiting.

        Raises:
            RunDirError: a live manager holds it (the message names its pid and how to stop it).
        """
        handle = self.path.open("a+b")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            who = f" (pid {pid_hint})" if pid_hint else ""
            run_dir = str(self.path.parent)
            raise RunDirError(
                f"run directory {run_dir!r} is in use by a live manager{who}; stop it first with "
                f"python -m population stop --run-dir {run_dir}"
            ) from None
        self._file = handle
        return self

    def held_elsewhere(self) -> bool:
        """Whether another process holds the lock now (this one does not take it)."""
        if not self.path.exists():
            return False
        with self.path.open("a+b") as handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return False

    def release(self) -> None:
        handle, self._file = self._file, None
        if handle is not None:
            handle.close()  # closing the descriptor drops the flock


def _process(pid: int, *marks: str) -> psutil.Process | None:
    """Process ``pid`` when it is alive and its command line contains every one of ``marks``."""
    if pid <= 0:
        return None
    try:
        proc = psutil.Process(pid)
        cmd = " ".join(proc.cmdline())
    except (psutil.Error, OSError):
        return None
    return proc if all(m in cmd for m in marks) and proc.status() != psutil.STATUS_ZOMBIE else None


def _end(procs: list[psutil.Process], sig: int, group: bool, wait_s: float) -> None:
    for proc in procs:
        with contextlib.suppress(ProcessLookupError, PermissionError, psutil.Error):
            if group:
                os.killpg(proc.pid, sig)
            else:
                proc.send_signal(sig)
    with contextlib.suppress(psutil.Error):
        _, alive = psutil.wait_procs(procs, timeout=wait_s)
        for proc in alive:
            with contextlib.suppress(ProcessLookupError, PermissionError, psutil.Error):
                os.killpg(proc.pid, signal.SIGKILL) if group else proc.kill()
        psutil.wait_procs(alive, timeout=5)


def clean_up(run_dir: Path, marker: dict[str, Any]) -> list[str]:
    """End the worker groups and the embedded ``redis-server`` a dead manager of ``run_dir`` left running;
    returns what was ended, for a note. Call it only while holding :class:`RunLock`. Never raises."""
    ended: list[str] = []
    key = str(marker.get("key", ""))
    workers = [
        p for pid in marker.get("workers", []) if (p := _process(int(pid), "population", "worker", key))
    ]
    if workers and key:
        _end(workers, signal.SIGKILL, group=True, wait_s=5)  # a dead manager's jobs are re-run: no grace
        ended.append(f"{len(workers)} worker(s)")
    redis_dir = (run_dir / "redis").resolve()
    try:
        pid = int((redis_dir / "redis.pid").read_text().strip() or 0)
    except (OSError, ValueError):
        pid = 0
    server = _process(pid, "redis-server") if pid else None
    if server is not None and _serves(server, redis_dir):
        _end([server], signal.SIGTERM, group=False, wait_s=10)  # SIGTERM: it writes its AOF, then exits
        ended.append(f"redis-server (pid {pid})")
    url = str(marker.get("redis", ""))
    if url.startswith("unix://") and ended:
        with contextlib.suppress(OSError):
            os.unlink(url[len("unix://") :])
    with contextlib.suppress(OSError):
        (redis_dir / "redis.pid").unlink()
    return ended


def _serves(proc: psutil.Process, redis_dir: Path) -> bool:
    """Whether ``proc`` (a redis-server) was started with the config in ``redis_dir``."""
    try:
        return any(str(redis_dir) in part for part in proc.cmdline()) or proc.cwd() == str(redis_dir)
    except (psutil.Error, OSError):
        return False
