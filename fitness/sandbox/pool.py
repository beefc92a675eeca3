"""The trusted side of one warm sandbox worker: spawn it, confine its tree, send requests, parse replies.

One :class:`Sandbox` owns one worker process (:mod:`fitness.sandbox.worker`) and runs one request at a
time; use several for parallelism. Replies are JSON lines parsed here into plain values (``None``, bools,
numbers, strings, lists, dicts); nothing from a sandbox is ever unpickled or trusted beyond that.

Invariants: at most ``limits.processes`` processes and ``limits.memory_bytes`` (+ the worker's own
baseline) of memory per worker where a cgroup can be created; a request never outlives ``timeout_s`` +
``limits.grace_s``; after :meth:`Sandbox.close` no process of the worker's tree is left.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from fitness.sandbox import cgroup
from fitness.sandbox.errors import SandboxError
from fitness.sandbox.lines import End, Line, decode, decode_all
from fitness.sandbox.paths import allowed_read_paths, listable_paths
from llm.channel import LLMChannel
from llm.frames import recv_frame, send_frame

_REPO_ROOT = str(Path(__file__).resolve().parents[2])
_BOOT = "import sys; sys.path.insert(0, sys.argv[2]); from fitness.sandbox.worker import main; main()"
_ids = itertools.count()
MAX_LINES = 100_000
_swept = False  # stale cgroups of dead harnesses are swept once per process
SEED_PRELOAD = (
    "core.registry",
    "genome",
    "genome.operators",
    "genome.registry",
    "genome.variation",
    "libcst.native",
    LLMChannel.__module__,
)
"""What a seed worker imports before it confines itself: none of these packages is on the seed layer's
read allow-list except ``genome`` (:mod:`fitness.sandbox.paths`), so ``core`` (under ``genome``) and the LLM
channel come only from here. ``core.errors`` arrives with ``genome``; ``core.registry`` is imported by
``genome``'s operators on first use, inside the sandbox. ``genome.operators`` (with libcst, about a hundred
modules) is imported here rather than by every ``reproduce``: each runner is a fresh fork of the worker, so a
module it imports itself is imported again by the next one (measured: 0.28 s of a 0.5 s reproduce call)."""


class SandboxKind(Enum):
    """Which layer a worker serves: seeds (``solve``/``reproduce``, LLM channel) or solutions (hidden tests)."""

    SOLUTION = "solution"
    SEED = "seed"


@dataclass(frozen=True, slots=True)
class SandboxLimits:
    """Resource limits of one sandboxed execution.

    Attributes:
        memory_bytes: address space a runner may add to the worker's baseline (RLIMIT_AS), and the cgroup
            memory cap of the whole tree on top of the baseline.
        file_bytes: largest file a runner may write (RLIMIT_FSIZE).
        open_files: descriptors per process (RLIMIT_NOFILE).
        processes: processes in the whole tree (cgroup ``pids.max``; RLIMIT_NPROC when not root).
        tmpfs_bytes: size of the private tmpfs holding the runner's temp dir (all writes go there).
        result_bytes: most bytes of result lines read back; more is an ``OVERSIZE`` failure.
        grace_s: seconds past a request's deadline before the worker itself is declared lost and killed.
    """

    memory_bytes: int = 512 * 1024 * 1024
    file_bytes: int = 16 * 1024 * 1024
    open_files: int = 64
    processes: int = 32
    tmpfs_bytes: int = 64 * 1024 * 1024
    result_bytes: int = 8 * 1024 * 1024
    grace_s: float = 3.0


class ExecStatus(Enum):
    """How one execution ended, from the trusted side's point of view."""

    EXITED = "exited"  # the runner finished (its lines say how the code did)
    TIMEOUT = "timeout"  # killed at the deadline, with everything it started
    OVERSIZE = "oversize"  # wrote more than limits.result_bytes
    LOST = "lost"  # the worker itself failed or hung; it was killed and replaced


@dataclass(frozen=True, slots=True)
class Execution:
    """The result of one request.

    Attributes:
        status: how it ended.
        lines: the runner's result lines, parsed to plain JSON values; malformed lines are dropped. Read them
            typed through :meth:`replies` (:mod:`fitness.sandbox.lines`).
        exit_code: the runner's exit code, None when killed by a signal.
        signal: the signal that killed the runner, if any.
        seconds: wall seconds from fork to reap, as measured by the supervisor.
        cpu_seconds: user + system CPU seconds of the runner and the children it reaped (``tools.run``).
        maxrss_kb: peak resident memory of the runner.
    """

    status: ExecStatus
    lines: tuple[Any, ...] = ()
    exit_code: int | None = None
    signal: int | None = None
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    maxrss_kb: int = 0

    def replies(self) -> tuple[Line, ...]:
        """:attr:`lines` decoded (:func:`fitness.sandbox.lines.decode`), malformed ones left out. Never raises."""
        return decode_all(self.lines)


@dataclass(frozen=True, slots=True)
class Mechanisms:
    """Which confinement mechanisms a worker got on this machine (they fall back one by one)."""

    pid_namespace: bool
    net_namespace: bool
    user_namespace: bool
    private_tmpfs: bool
    landlock_abi: int
    cgroup: str
    seccomp: bool = False
    private_root: bool = False
    runner_uid: int | None = None
    notes: tuple[str, ...] = field(default=())

    def describe(self) -> str:
        """One line for logs and the CLI."""
        parts = [
            f"pidns={'yes' if self.pid_namespace else 'no (subreaper+killpg)'}",
            f"netns={'yes' if self.net_namespace else 'no'}",
            f"userns={'yes' if self.user_namespace else 'no'}",
            f"tmpfs={'yes' if self.private_tmpfs else 'no'}",
            f"landlock=abi{self.landlock_abi}" if self.landlock_abi else "landlock=no",
            f"cgroup={self.cgroup}",
            f"seccomp={'yes' if self.seccomp else 'no'}",
            f"root={'private' if self.private_root else 'host'}",
            f"uid={self.runner_uid if self.runner_uid is not None else 'caller'}",
        ]
        return " ".join(parts)


def default_read_paths(kind: SandboxKind) -> list[str]:
    """What runners may read: an allow-list (:mod:`fitness.sandbox.paths`), never task data."""
    return list(allowed_read_paths(seed=kind is SandboxKind.SEED))


class Sandbox:
    """One warm worker. One request at a time; :meth:`close` may come from another thread mid-request (a
    worker shutting down kills every sandboxed process): the request comes back ``LOST`` and nothing is
    started again until :meth:`start`.

    Args:
        kind: the layer it serves.
        limits: resource limits per execution.
        preload: modules the worker imports before forking (cheap for every execution after).
        namespaces: False forces the fallback without namespaces (subreaper + killpg, Landlock only),
            as on a kernel without unprivileged user namespaces; for tests and comparisons.
    """

    def __init__(
        self,
        kind: SandboxKind,
        limits: SandboxLimits | None = None,
        preload: tuple[str, ...] = (),
        namespaces: bool = True,
    ) -> None:
        self.kind = kind
        self.limits = limits or SandboxLimits()
        self.preload = tuple(preload) + (SEED_PRELOAD if kind is SandboxKind.SEED else ())
        self._proc: subprocess.Popen[bytes] | None = None
        self._sock: socket.socket | None = None
        self._group: cgroup.Group | None = None
        self._root: str | None = None
        self.mechanisms: Mechanisms | None = None
        self.restarts = 0
        self.namespaces = namespaces
        self.executed_cpu_s = 0.0  # the runners' CPU over every execution (Execution.cpu_seconds summed)
        self._lock = threading.RLock()  # start/stop/restart, never held while a request runs
        self._closed = False

    def __enter__(self) -> Sandbox:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        """Spawn the worker, put it in its cgroup and wait for its hello. Idempotent; reopens a closed sandbox.

        Raises:
            SandboxError: the worker did not start.
        """
        with self._lock:
            self._closed = False
            self._start()

    def _start(self) -> None:
        if self._proc is not None:
            return
        global _swept
        if not _swept:
            _swept = True
            cgroup.sweep_stale()
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self._root = tempfile.mkdtemp(prefix="seedpop-sbx-")
        nproc_base = _count_own_processes() if os.geteuid() != 0 else 0
        with child:
            self._proc = subprocess.Popen(
                [sys.executable, "-I", "-c", _BOOT, str(child.fileno()), _REPO_ROOT, self._root],
                pass_fds=[child.fileno()],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        self._sock = parent
        name = f"seedpop-{os.getpid()}-{next(_ids)}"
        self._group = cgroup.create(
            name, self.limits.processes + 4, self.limits.memory_bytes + 256 * 1024 * 1024
        )
        if self._group is not None:
            self._group.add(self._proc.pid)
        config = {
            "root": self._root,
            "limits": {
                "memory_bytes": self.limits.memory_bytes,
                "file_bytes": self.limits.file_bytes,
                "open_files": self.limits.open_files,
                "processes": self.limits.processes,
                "tmpfs_bytes": self.limits.tmpfs_bytes,
                "result_bytes": self.limits.result_bytes,
                "nproc_base": nproc_base,
            },
            "read_paths": default_read_paths(self.kind),
            "list_paths": list(listable_paths()),
            "preload": list(self.preload),
            "namespaces": self.namespaces,
        }
        try:
            send_frame(parent, config)
            parent.settimeout(60)
            frame = recv_frame(parent)
        except (OSError, ValueError) as err:
            self._kill_tree()
            raise SandboxError(f"sandbox worker failed to start: {err}; run it by hand to see why") from None
        if frame is None or "hello" not in frame[0]:
            self._kill_tree()
            raise SandboxError(
                "sandbox worker exited during start-up; check that fitness imports with `python -I`"
            )
        hello = frame[0]["hello"]
        notes = tuple(f"{k}: {v}" for k, v in hello.items() if k.endswith("_error"))
        self.mechanisms = Mechanisms(
            pid_namespace=bool(hello.get("pidns")),
            net_namespace=bool(hello.get("netns")),
            user_namespace=bool(hello.get("userns")),
            private_tmpfs=bool(hello.get("tmpfs")),
            landlock_abi=int(hello.get("landlock", 0)),
            cgroup=f"v{self._group.version}" if self._group else "none",
            seccomp=bool(hello.get("seccomp")),
            private_root=bool(hello.get("pivot")),
            runner_uid=hello.get("uid"),
            notes=notes,
        )

    def execute(self, request: dict[str, Any], timeout_s: float, fds: tuple[int, ...] = ()) -> Execution:
        """Run one request in a fresh confined child; never raises for anything the child does.

        Args:
            request: plain JSON; ``mode`` selects what the runner does (see :mod:`fitness.sandbox.runner`).
            timeout_s: wall-clock seconds before the child's whole tree is killed.
            fds: descriptors handed to the child (at most one: the LLM channel); the caller keeps its copies.
        """
        with self._lock:
            if self._closed:
                return Execution(ExecStatus.LOST)
            if self._proc is not None and self._proc.poll() is not None:
                self._restart()  # the worker died between requests (killed from outside): lose no request
            self._start()
            sock = self._sock
        assert sock is not None
        request_id = next(_ids)
        body = dict(request, timeout_s=timeout_s, id=request_id)
        frame: tuple[Any, list[int]] | None = None
        try:
            send_frame(sock, body, list(fds))
            sock.settimeout(timeout_s + self.limits.grace_s)
            while True:  # skip stale frames (a pre-forked supervisor that died before any request)
                frame = recv_frame(sock)
                if frame is None or not isinstance(frame[0], dict) or frame[0].get("id") == request_id:
                    break
        except (OSError, ValueError):
            frame = None
        if frame is None or not isinstance(frame[0], dict) or "status" not in frame[0]:
            with self._lock:
                if not self._closed:  # closed from another thread mid-request: stay closed
                    self._restart()
            return Execution(ExecStatus.LOST)
        reply = frame[0]
        if reply["status"] == "lost":
            return Execution(ExecStatus.LOST)
        lines = parse_lines(reply.get("output", ""))
        cpu, rss = float(reply.get("cpu_s", 0.0)), int(reply.get("maxrss_kb", 0))
        if lines and lines[-1][0] == "end":  # the runner's own (informational) rusage
            end, lines = decode(lines[-1]), lines[:-1]
            if isinstance(end, End):
                cpu, rss = end.cpu_seconds, end.maxrss_kb
        if 0.0 < cpu < 1e6:  # the end line is the runner's word: a forged NaN or negative must not count
            self.executed_cpu_s += cpu
        return Execution(
            status=ExecStatus(reply["status"]),
            lines=lines,
            exit_code=reply.get("exit"),
            signal=reply.get("signal"),
            seconds=float(reply.get("seconds", 0.0)),
            cpu_seconds=cpu,
            maxrss_kb=rss,
        )

    def _restart(self) -> None:
        """Kill the worker's whole tree and start a fresh one (under the lock)."""
        self._stop()
        self.restarts += 1
        self._start()

    def close(self) -> None:
        """Kill the worker and everything under it, remove its cgroup and temp root. Idempotent; safe from
        another thread while a request runs (that request comes back ``LOST``)."""
        with self._lock:
            self._closed = True
            self._stop()

    def _stop(self) -> None:
        self._kill_tree()
        if self._group is not None:
            self._group.remove()
            self._group = None
        if self._root is not None:
            with contextlib.suppress(OSError):
                os.rmdir(self._root)
            self._root = None

    def cpu_seconds(self) -> float | None:
        """CPU seconds the worker's whole tree has used (cgroup accounting; None without a cgroup)."""
        return self._group.cpu_seconds() if self._group is not None else None

    def tree_pids(self) -> set[int]:
        """The worker and its descendants now (for tests that check nothing is left behind)."""
        if self._proc is None:
            return set()
        return {self._proc.pid, *descendants(self._proc.pid)}

    def _kill_tree(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        if self._proc is None:
            return
        for _ in range(3):
            pids = descendants(self._proc.pid)
            for pid in pids:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            if not pids:
                break
        if self._group is not None:
            self._group.kill()
        with contextlib.suppress(OSError):
            self._proc.kill()
        self._proc.wait()
        self._proc = None


def parse_lines(text: str) -> tuple[Any, ...]:
    """Result lines as plain values; drops lines that are not JSON arrays. Never raises."""
    out: list[Any] = []
    for raw in text.splitlines()[:MAX_LINES]:
        try:
            item = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        if isinstance(item, list) and item and isinstance(item[0], str):
            out.append(item)
    return tuple(out)


def descendants(root: int) -> list[int]:
    """Every descendant of ``root`` now, from ``/proc`` (children before their parents are not guaranteed)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(b")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    found: list[int] = []
    stack = [root]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def _count_own_processes() -> int:
    uid = os.getuid()
    count = 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError):
                if os.stat(f"/proc/{entry}").st_uid == uid:
                    count += 1
    return count
