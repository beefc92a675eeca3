"""The commands behind ``python -m population``: ``run``, ``status``, ``stop`` and ``worker``.

Exit codes: 0 success, 1 a deliberate error (one line on stderr; nothing stored is lost), 2 bad usage,
130 interrupted by Ctrl-C (the run is stopped cleanly first).
"""

from __future__ import annotations

import errno
import json
import signal
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import redis

from genome.errors import SeedpopError
from population.config import load_file, removed_notes, resolve
from population.errors import RunDirError


def run_command(
    overrides: dict[str, Any], config_path: Path | None, run_dir: Path | None, progress_every: float = 30.0
) -> int:
    """``python -m population run``: :func:`population.run` with a live display (on a terminal) or a progress
    line every ``progress_every`` seconds (off one), then the summary."""
    from rich.console import Console
    from rich.live import Live

    from population.api import run
    from population.display import ProgressPrinter, render, summary_lines
    from population.runner import default_run_dir
    from population.status import Snapshot

    console = Console(stderr=True)
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
            result = run(cfg, target, on_tick=tick, tick_s=1.0 if show else min(2.0, progress_every))
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
    alive = alive_pid(int(marker.get("pid", 0)))
    if as_json:
        print(json.dumps({"alive": alive, "status": snap.to_json() if snap is not None else None}))
        return 0
    if snap is None:
        print(
            f"run {marker['run'][:12]} in {run_dir}: no status yet (manager {'running' if alive else 'gone'})"
        )
        return 0
    from rich.console import Console

    from population.display import render

    if not alive and snap.state == "running":
        snap = replace(snap.with_state("manager gone (killed?)"), jobs=())  # its jobs are no longer running
    Console().print(render(snap))
    return 0


def stop_command(run_dir: Path) -> int:
    """``python -m population stop``: ask the run to stop cleanly (it finishes its bookkeeping and exits)."""
    import redis

    from population import keys

    try:
        marker = _run_marker(run_dir)
    except SeedpopError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    try:
        redis.Redis.from_url(marker["redis"], socket_timeout=5).set(keys.stop(marker["key"]), "1")
    except (redis.exceptions.RedisError, OSError):
        print(f"run in {run_dir} is not running (its Redis does not answer); nothing to stop")
        return 0
    print(f"asked run {marker['run'][:12]} to stop; it exits once its workers are down")
    return 0


def worker_command(
    url: str, run: str, name: str, slot: str, loops: int, cache_dir: str, manager_pid: int
) -> int:
    """``python -m population worker``: serve one slot of a run (started by the manager, or by hand)."""
    from population.worker import WorkerSpec, serve

    try:
        return serve(WorkerSpec(url, run, name, slot, loops, cache_dir, manager_pid))
    except SeedpopError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
