"""The commands behind ``python -m population``: ``run``, ``resume``, ``status``, ``stop`` and ``worker``.

Exit codes: 0 success, 1 a deliberate error (one line on stderr; nothing stored is lost), 2 bad usage,
130 interrupted by Ctrl-C (the run is stopped cleanly first).
"""

from __future__ import annotations

import errno
import json
import signal
import sys
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import redis

from genome.errors import SeedpopError
from population.config import RunConfig, load_file, load_run_config, removed_notes, resolve
from population.errors import RunDirError
from population.leftovers import LOCK, RunLock
from population.progress import WorkerInfo, read_workers
from population.redis_server import connect, redact

if TYPE_CHECKING:
    from population.api import RunResult
    from population.status import Snapshot


def run_command(
    overrides: dict[str, Any], config_path: Path | None, run_dir: Path | None, progress_every: float = 30.0
) -> int:
    """``python -m population run``: :func:`population.run` with a live display (on a terminal) or a progress
    line every ``progress_every`` seconds (off one), then the summary."""
    from population.api import run
    from population.runner import default_run_dir

    try:
        values = load_file(config_path) if config_path else {}
        cfg = resolve(values, overrides)
    except SeedpopError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    if not progress_every > 0:
        print(f"error: --progress-every must be > 0 seconds, got {progress_every:g}", file=sys.stderr)
        return 1
    for note in removed_notes(values):
        print(f"note: {note}", file=sys.stderr)
    target = run_dir or default_run_dir(cfg.name)
    return _watch(cfg, target, lambda tick, s: run(cfg, target, on_tick=tick, tick_s=s), progress_every)


def resume_command(run_dir: Path, no_display: bool, progress_every: float = 30.0) -> int:
    """``python -m population resume``: :func:`population.resume.resume` watched like ``run``."""
    from population.resume import resume

    if not progress_every > 0:
        print(f"error: --progress-every must be > 0 seconds, got {progress_every:g}", file=sys.stderr)
        return 1
    try:  # for the display settings and error messages; resume() checks the directory itself
        cfg = load_run_config(run_dir / "config.toml", {"display": False} if no_display else {})
    except SeedpopError:
        cfg = resolve({}, {"display": False} if no_display else {})
    return _watch(cfg, run_dir, lambda tick, s: resume(run_dir, on_tick=tick, tick_s=s), progress_every)


def _watch(
    cfg: RunConfig,
    target: Path,
    start: Callable[[Callable[[Snapshot], None] | None, float], RunResult],
    progress_every: float,
) -> int:
    """Drive ``start`` (a run or a resume) with the live display or progress lines; print the summary; map
    failures to one line on stderr and an exit code."""
    from rich.console import Console
    from rich.live import Live

    from population.display import ProgressPrinter, render, summary_lines

    console = Console(stderr=True)
    interrupted = False

    def on_sigint(*_: object) -> None:
        nonlocal interrupted
        interrupted = True
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, on_sigint)
    live = Live(console=console, refresh_per_second=2, transient=False)
    show = cfg.display and console.is_terminal

    def on_tick(snap: Snapshot) -> None:
        if not live.is_started:  # from the first tick on: bad input never draws an empty table
            live.start()
        live.update(render(snap))

    # Off a terminal (a log file, a pipe), no live table: a progress line every `progress_every` seconds.
    printer = ProgressPrinter(
        lambda line: console.print(line, highlight=False, markup=False, soft_wrap=True), progress_every
    )
    tick = on_tick if show else printer if cfg.display else None
    try:
        try:
            result = start(tick, 1.0 if show else min(2.0, progress_every))
        finally:
            if live.is_started:
                live.stop()
        reason = result.reason
        for line in summary_lines(result.snapshot, "finished" if reason == "done" else reason):
            console.print(line, highlight=False, markup=False, soft_wrap=True)
        if reason.startswith("workers exited"):
            print(f"error: {reason}", file=sys.stderr)
            return 1
        return 130 if interrupted else 0
    except OSError as err:
        if err.errno == errno.ENOSPC:
            print(
                f"error: disk full while writing {str(target)!r}; free space — the archive is intact",
                file=sys.stderr,
            )
            return 1
        raise
    except redis.exceptions.RedisError as err:  # the server died, or refuses writes (its disk is full)
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        where = cfg.redis or str(target / "redis" / "redis.log")
        # A full disk reaches us as Redis refusing writes (MISCONF … No space left on device) when Redis
        # happens to write before the archive does: the fix is the same, so say it.
        fix = "disk full: free space on that disk; " if "No space left" in first else ""
        print(
            f"error: the run's Redis failed mid-run ({first[:200]}); {fix}the archive in {str(target)!r} is "
            f"intact — see {where!r}",
            file=sys.stderr,
        )
        return 1
    except SeedpopError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGINT, previous)


def _run_marker(run_dir: Path) -> dict[str, Any]:
    from population.runner import MARKER

    try:
        data: dict[str, Any] = json.loads((run_dir / MARKER).read_text(encoding="utf-8"))
        return data
    except (OSError, ValueError):
        raise RunDirError(
            f"{str(run_dir)!r} is not a population run directory; pass the --run-dir of a run"
        ) from None


def status_command(run_dir: Path, as_json: bool) -> int:
    """``python -m population status``: the run's last snapshot and whether its manager is alive."""
    from population.status import alive_pid, read_status

    try:
        marker = _run_marker(run_dir)
    except SeedpopError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    snap = read_status(run_dir)
    alive = RunLock(run_dir).held_elsewhere() or (
        not (run_dir / LOCK).exists() and alive_pid(int(marker.get("pid", 0)))
    )
    workers = _live_workers(marker) if alive else ()
    if as_json:
        shown = [asdict(w) for w in workers]
        print(
            json.dumps(
                {
                    "alive": alive,
                    "run_key": marker.get("key"),
                    "workers": shown,
                    "status": snap.to_json() if snap is not None else None,
                }
            )
        )
        return 0
    if snap is None:
        print(
            f"run {marker['run'][:12]} in {run_dir}: no status yet (manager {'running' if alive else 'gone'})"
        )
    else:
        from rich.console import Console

        from population.display import render

        if not alive and snap.state == "running":
            snap = replace(snap.with_state("manager gone (killed?)"), jobs=())  # its jobs are not running
        Console().print(render(snap))
    if alive:
        print(f"run key {marker.get('key')} · Redis {redact(str(marker.get('redis', '')))}")
        print(f"workers alive: {len(workers)}")
        for w in workers:
            print(
                f"  {w.name:<16} host {w.host} pid {w.pid} slot {w.slot} jobs done {w.jobs} "
                f"running {w.running} (heartbeat {w.age_s:.0f} s ago)"
            )
    elif snap is not None and snap.state != "finished":
        print(f"the manager is gone; go on with python -m population resume --run-dir {run_dir}")
    return 0


def _live_workers(marker: dict[str, Any]) -> tuple[WorkerInfo, ...]:
    """The live workers of a running run (from their heartbeats in its Redis); () when it does not answer."""
    try:  # connect(): the password may be in $SEEDPOP_REDIS_PASSWORD rather than in the stored URL
        client = connect(str(marker["redis"]), timeout_s=5)
    except (SeedpopError, KeyError):
        return ()
    return read_workers(client, str(marker.get("key", "")))


def stop_command(run_dir: Path) -> int:
    """``python -m population stop``: ask the live run to stop cleanly (it finishes its bookkeeping and exits);
    for a run whose manager is gone (``kill -9``), end what it left running (its workers, its embedded
    ``redis-server``) so nothing of it stays behind. Either way ``resume`` can go on with it."""
    import redis

    from population import keys
    from population.leftovers import RunLock, clean_up

    try:
        marker = _run_marker(run_dir)
    except SeedpopError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    lock = RunLock(run_dir)
    try:
        lock.acquire()
    except SeedpopError:  # a live manager holds it: ask it to stop
        try:
            connect(str(marker["redis"]), timeout_s=5).set(keys.stop(marker["key"]), "1")
        except (SeedpopError, redis.exceptions.RedisError, OSError) as err:
            print(
                f"error: the run in {run_dir} is running but its Redis does not answer: {err}",
                file=sys.stderr,
            )
            return 1
        print(f"asked run {marker['run'][:12]} to stop; it exits once its workers are down")
        return 0
    try:
        ended = clean_up(run_dir, marker)
    finally:
        lock.release()
    left = f"; ended what its manager left: {', '.join(ended)}" if ended else ""
    print(
        f"run in {run_dir} is not running{left}; go on with python -m population resume --run-dir {run_dir}"
    )
    return 0


def replay_command(run_dir: Path, into: Path | None) -> int:
    """``python -m population replay``: :func:`population.rederive.replay`, its report on stdout; exit 0 when
    the run is re-derived exactly, 1 on a difference or an error (one line on stderr)."""
    from population.rederive import replay

    print(
        f"replaying the run in {run_dir} from its config and completion cache (one worker loop) …", flush=True
    )
    try:
        report = replay(run_dir, into)
    except SeedpopError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for line in report.lines():
        print(line)
    return 0 if report.same else 1


def worker_command(
    url: str,
    run: str,
    name: str,
    slot: str,
    loops: int,
    cache_dir: str,
    manager_pid: int,
    model: str = "",
) -> int:
    """``python -m population worker``: serve one slot of a run (started by the manager, or by hand on any
    machine that reaches the run's Redis)."""
    import os
    import socket

    from population.worker import WorkerSpec, serve

    name = name or f"{socket.gethostname()}-{os.getpid()}"
    try:
        return serve(WorkerSpec(url, run, name, slot, loops, cache_dir, manager_pid, model))
    except SeedpopError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
