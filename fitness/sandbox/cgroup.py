"""A per-worker control group capping the whole sandbox tree's processes and memory.

Works with cgroup v2 (one unified hierarchy) and v1 (``pids`` and ``memory`` hierarchies), created under
the harness's own cgroup so outer limits still apply. Needs write access to the hierarchy (root, or a
delegated subtree); :func:`create` returns ``None`` where that is missing, and the sandbox falls back to
rlimits (``RLIMIT_NPROC`` works for non-root users).
"""

from __future__ import annotations

import contextlib
import os
import signal
from dataclasses import dataclass
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")


@dataclass(frozen=True, slots=True)
class Group:
    """The directories of one worker's cgroup (one per controller on v1, one on v2)."""

    dirs: tuple[Path, ...]
    version: int

    def add(self, pid: int) -> None:
        """Move ``pid`` (and its future children) into the group."""
        for d in self.dirs:
            (d / "cgroup.procs").write_text(str(pid))

    def cpu_seconds(self) -> float | None:
        """CPU seconds used by every process that ever ran in the group (None where not accounted)."""
        for d in self.dirs:
            with contextlib.suppress(OSError, ValueError):
                if (d / "cpuacct.usage").exists():
                    return int((d / "cpuacct.usage").read_text()) / 1e9
                for line in (d / "cpu.stat").read_text().splitlines():
                    if line.startswith("usage_usec "):
                        return int(line.split()[1]) / 1e6
        return None

    def pids(self) -> set[int]:
        """Processes in the group now."""
        found: set[int] = set()
        for d in self.dirs:
            with contextlib.suppress(OSError):
                found.update(int(p) for p in (d / "cgroup.procs").read_text().split())
        return found

    def kill(self) -> None:
        """SIGKILL every process in the group; returns when the group is empty (or after 200 rounds)."""
        for d in self.dirs:
            kill_file = d / "cgroup.kill"
            if kill_file.exists():
                with contextlib.suppress(OSError):
                    kill_file.write_text("1")
        for _ in range(200):
            alive = self.pids()
            if not alive:
                return
            for pid in alive:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            os.sched_yield()

    def remove(self) -> None:
        """Kill what is left and delete the directories. Idempotent."""
        self.kill()
        for d in self.dirs:
            for _ in range(100):
                try:
                    d.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    self.kill()


def _own_paths() -> dict[str, str]:
    paths: dict[str, str] = {}
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/cgroup").read_text().splitlines():
            _, controllers, path = line.split(":", 2)
            for c in controllers.split(",") if controllers else [""]:
                paths[c] = path
    return paths


def create(name: str, max_pids: int, max_memory: int) -> Group | None:
    """Create cgroup ``name`` with ``pids.max`` and a memory limit; None when not permitted here."""
    own = _own_paths()
    if (ROOT / "cgroup.controllers").exists():
        base = ROOT / own.get("", "/").lstrip("/")
        d = base / name
        try:
            d.mkdir()
            (d / "pids.max").write_text(str(max_pids))
            (d / "memory.max").write_text(str(max_memory))
            (d / "memory.swap.max").write_text("0")
        except OSError:
            with contextlib.suppress(OSError):
                d.rmdir()
            return None
        return Group((d,), 2)
    dirs: list[Path] = []
    try:
        for controller, files in (
            ("pids", {"pids.max": str(max_pids)}),
            ("memory", {"memory.limit_in_bytes": str(max_memory)}),
        ):
            d = ROOT / controller / own.get(controller, "/").lstrip("/") / name
            d.mkdir()
            dirs.append(d)
            for fname, value in files.items():
                (d / fname).write_text(value)
    except OSError:
        for d in dirs:
            with contextlib.suppress(OSError):
                d.rmdir()
        return None
    with contextlib.suppress(OSError):  # CPU accounting is optional: only the bench reads it
        d = ROOT / "cpuacct" / own.get("cpuacct", "/").lstrip("/") / name
        d.mkdir()
        dirs.append(d)
    return Group(tuple(dirs), 1)


def sweep_stale() -> int:
    """Kill and remove the groups of harnesses that died without cleaning up (``seedpop-<pid>-<n>``).

    A harness killed with SIGKILL cannot remove its groups; a runner that cleared its own parent-death
    signal may still be running in one. Returns how many groups were removed. Never raises.

    A group whose owner we cannot see may still be alive in another pid namespace (a container sharing the
    cgroup tree): its processes are then invisible here too, so ``cgroup.procs`` reads empty, and writing
    ``cgroup.kill`` would kill that harness's sandbox mid-request. So a group that looks empty is only
    ``rmdir``-ed (the kernel refuses while anything is in it); killing is kept for groups whose processes we can
    see — and seeing any of them means we would also see their owner, were it alive.
    """
    own = _own_paths()
    bases = [ROOT / own.get("", "/").lstrip("/")] if (ROOT / "cgroup.controllers").exists() else []
    if not bases:
        bases = [ROOT / c / own.get(c, "/").lstrip("/") for c in ("pids", "memory", "cpuacct")]
    removed = 0
    for base in bases:
        with contextlib.suppress(OSError):
            for d in base.glob("seedpop-*-*"):
                try:
                    owner = int(d.name.split("-")[1])
                except (IndexError, ValueError):
                    continue
                if owner == os.getpid() or Path(f"/proc/{owner}").exists():
                    continue
                group = Group((d,), 1)
                if group.pids():
                    group.remove()
                else:
                    try:
                        d.rmdir()
                    except OSError:  # not empty after all: someone else's, out of our sight
                        continue
                removed += 1
    return removed
