"""Helpers for the sandbox tests: small limits and the leftover-process check (psutil)."""

from __future__ import annotations

import time

import psutil

from fitness.sandbox import Sandbox, SandboxLimits

SMALL = SandboxLimits(
    memory_bytes=256 * 1024 * 1024,
    file_bytes=4 * 1024 * 1024,
    open_files=32,
    processes=16,
    tmpfs_bytes=16 * 1024 * 1024,
    result_bytes=1024 * 1024,
    grace_s=3.0,
)


def marker_processes(sandbox: Sandbox | str | None) -> list[psutil.Process]:
    """Every process on the machine started from a sandbox's worker (its temp root, the marker, is in argv)."""
    marker = sandbox._root if isinstance(sandbox, Sandbox) else sandbox
    found = []
    for proc in psutil.process_iter(["cmdline"]):
        cmdline = proc.info["cmdline"] or []
        if marker and marker in cmdline:
            found.append(proc)
    return found


def _alive(proc: psutil.Process) -> bool:
    try:
        return proc.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def assert_nothing_left(sandbox: Sandbox, timeout_s: float = 10.0) -> None:
    """Only the worker and its pre-forked supervisor + runner remain (polls while the next pair forks)."""
    end = time.monotonic() + timeout_s
    while True:
        procs = [p for p in marker_processes(sandbox) if _alive(p)]
        worker = sandbox._proc.pid if sandbox._proc else None
        extra = [p for p in procs if p.pid != worker]
        tree = sandbox.tree_pids()
        if len(extra) <= 2 and all(p.pid in tree for p in procs):
            return
        if time.monotonic() > end:
            raise AssertionError(f"processes left behind: {[p.pid for p in extra]}")
        time.sleep(0.05)


def assert_gone(marker: str | None, timeout_s: float = 10.0) -> None:
    """No live process of a closed sandbox remains (zombies awaiting their reaper are allowed to pass)."""
    end = time.monotonic() + timeout_s
    while True:
        left = [p.pid for p in marker_processes(marker) if _alive(p)]
        if not left:
            return
        if time.monotonic() > end:
            raise AssertionError(f"processes of a closed sandbox still alive: {left}")
        time.sleep(0.05)
