"""The warm sandbox worker (a zygote): pre-imports, then forks one confined child per request.

Started by :class:`fitness.sandbox.pool.Sandbox` as ``python -I`` with the control socket inherited. Per
request it forks a *supervisor* (trusted code) that enters a fresh pid namespace and forks the *runner*,
the namespace's init, which confines itself (rlimits, Landlock, no capabilities) and runs untrusted code
(:mod:`fitness.sandbox.runner`). The supervisor enforces the deadline: killing the runner kills every
process in its namespace, including children that called ``setsid``. Without pid namespaces the
supervisor is a child subreaper and kills every descendant it inherits instead.

Frames on the control socket: 4-byte big-endian length + UTF-8 JSON; descriptors travel as SCM_RIGHTS
with a request's header. Nothing is ever unpickled.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import resource
import select
import shutil
import signal
import socket
import sys
import time
from typing import Any

from fitness.sandbox import linux, runner
from llm.frames import recv_frame, send_frame


class Zygote:
    """State of one worker process: its configuration and which confinement mechanisms work."""

    def __init__(self, sock: socket.socket, config: dict[str, Any]) -> None:
        self.sock = sock
        self.config = config
        self.root: str = config["root"]
        self.limits: dict[str, Any] = config["limits"]
        self.mech: dict[str, Any] = {
            "landlock": 0,
            "netns": False,
            "mountns": False,
            "tmpfs": False,
            "pidns": False,
        }
        self.counter = 0
        self.workroot = self.root

    def setup(self) -> None:
        """Confine the worker itself, once: private net and mount namespaces (plus a user namespace when not
        root), a size-capped tmpfs pivoted to as ``/`` holding only the read paths, pre-imports, probes.

        Each step falls back independently (recorded in ``self.mech``, reported in the hello frame).
        """
        linux.prctl(linux.PR_SET_PDEATHSIG, signal.SIGKILL)
        uid, gid = os.geteuid(), os.getegid()
        flags = linux.CLONE_NEWNET | linux.CLONE_NEWNS
        try:
            if not self.config.get("namespaces", True):
                raise OSError("namespaces disabled by the harness")
            if uid == 0:
                linux.unshare(flags)
            else:
                linux.unshare(flags | linux.CLONE_NEWUSER)
                _write("/proc/self/setgroups", "deny")
                _write("/proc/self/uid_map", f"{uid} {uid} 1")
                _write("/proc/self/gid_map", f"{gid} {gid} 1")
                self.mech["userns"] = True
            self.mech["netns"] = True
            self.mech["mountns"] = True
        except OSError as err:
            self.mech["ns_error"] = str(err)
        self.mech["landlock"] = linux.landlock_abi()
        for name in self.config.get("preload", []):
            importlib.import_module(name)
        if self.mech["mountns"]:
            try:
                linux.mount("none", "/", None, linux.MS_REC | linux.MS_PRIVATE, None)
                size = int(self.limits["tmpfs_bytes"])
                linux.mount("tmpfs", self.root, "tmpfs", linux.MS_NOSUID, f"size={size},mode=0755")
                self.mech["tmpfs"] = True
            except OSError as err:
                self.mech["tmpfs_error"] = str(err)
        if self.mech["tmpfs"]:
            try:
                devices = ["/dev/null", "/dev/zero", "/dev/urandom"]
                linux.build_root(self.root, self.config["read_paths"], ["/proc", *devices])
                self.mech["pivot"] = True
                self.workroot = "/sandbox"
            except OSError as err:
                self.mech["pivot_error"] = str(err)
        os.makedirs(self.workroot, mode=0o755, exist_ok=True)
        if os.geteuid() == 0 and not self.mech.get("userns") and self.mech.get("pivot"):
            self.mech["uid"] = RUNNER_UID  # the runner drops to an unprivileged uid (see _confine)
        self.mech["pidns"] = self.config.get("namespaces", True) and self._probe_pidns()
        self.mech["seccomp"] = self._probe_seccomp()
        gc.collect()
        gc.freeze()  # forked children then never touch the zygote's objects to collect them (no COW storm)

    def _probe_pidns(self) -> bool:
        pid = os.fork()
        if pid == 0:
            try:
                linux.unshare(linux.CLONE_NEWPID)
                os._exit(0)
            except BaseException:
                os._exit(1)
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status) == 0

    def _probe_seccomp(self) -> bool:
        """Does a seccomp filter work here? (Some virtualised kernels kill any process that installs one.)"""
        pid = os.fork()
        if pid == 0:
            try:
                linux.prctl(linux.PR_SET_NO_NEW_PRIVS, 1)
                linux.deny_socket_creation()
                try:
                    socket.socket(socket.AF_UNIX)
                    os._exit(1)
                except OSError:
                    os._exit(0)
            except BaseException:
                os._exit(1)
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status) == 0

    def serve(self) -> None:
        """Keep one supervisor (with its runner) pre-forked and waiting; answer until the socket closes.

        The next pair is forked while the harness digests the previous reply, so the fork cost stays off
        the request's critical path.
        """
        send_frame(self.sock, {"hello": self.mech, "pid": os.getpid()})
        while True:
            self.counter += 1
            pid = _fork_retrying()
            if pid == 0:
                code = 1
                try:
                    code = Supervisor(self).run()
                finally:
                    os._exit(code)
            _, status = os.waitpid(pid, 0)
            code = os.waitstatus_to_exitcode(status)
            if code == _CLOSED:
                return
            if code != 0:
                send_frame(
                    self.sock, {"status": "lost", "id": None, "reason": f"supervisor exited with {code}"}
                )


_CLOSED = 3
RUNNER_UID = 65534  # nobody
NPROC_SLACK = 64  # RLIMIT_NPROC counts every process of the uid (idle runners of other workers too)


def _ended(tail: bytes) -> bool:
    """Does the output end with the runner's ``["end", ...]`` line?"""
    if not tail.endswith(b"\n"):
        return False
    last = tail[:-1].rsplit(b"\n", 1)[-1]
    return last.startswith(b'["end",')


class Supervisor:
    """Trusted code in the per-request child: owns the runner's deadline, output cap and cleanup."""

    def __init__(self, zygote: Zygote) -> None:
        self.z = zygote
        self.request: dict[str, Any] = {}
        self.fds: list[int] = []

    def run(self) -> int:
        """Pre-fork the runner, wait for one request, supervise it, reply; the exit code for the zygote."""
        z = self.z
        linux.prctl(linux.PR_SET_PDEATHSIG, signal.SIGKILL)
        linux.prctl(linux.PR_SET_CHILD_SUBREAPER, 1)
        workdir = os.path.join(z.workroot, f"run{z.counter}")
        os.mkdir(workdir, 0o700)
        if "uid" in z.mech:
            os.chown(workdir, z.mech["uid"], z.mech["uid"])
        r, w = os.pipe()
        here, there = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        if z.mech["pidns"]:
            linux.unshare(linux.CLONE_NEWPID)
        pid = os.fork()
        if pid == 0:
            try:
                os.close(r)
                here.close()
                self._confine(workdir, w, there.fileno())
                frame = recv_frame(there, max_fds=4)
                if frame is not None:
                    self.request, self.fds = frame
                    self._run(w)
            finally:
                os._exit(0)
        os.close(w)
        there.close()
        try:
            frame = recv_frame(z.sock, max_fds=4)
        except (OSError, ValueError):
            frame = None
        if frame is None:
            os.kill(pid, signal.SIGKILL)
            self._reap_all()
            shutil.rmtree(workdir, ignore_errors=True)
            return _CLOSED
        self.request, self.fds = frame
        start = time.monotonic()
        send_frame(here, self.request, self.fds)
        for fd in self.fds:
            os.close(fd)
        here.close()
        timeout = float(self.request.get("timeout_s", 10.0))
        data, status = self._watch(pid, r, timeout)
        reply: dict[str, Any] = {"id": self.request.get("id"), "output": data.decode("utf-8", "replace")}
        if status == "ended":
            # The runner wrote its last line and was killed at once: reply before its teardown.
            reply.update(status="exited", exit=0, signal=None, seconds=time.monotonic() - start)
            send_frame(z.sock, reply)
            os.wait4(pid, 0)
        else:
            _, wstatus, usage = os.wait4(pid, 0)
            reply.update(
                status=status,
                exit=os.WEXITSTATUS(wstatus) if os.WIFEXITED(wstatus) else None,
                signal=os.WTERMSIG(wstatus) if os.WIFSIGNALED(wstatus) else None,
                seconds=time.monotonic() - start,
                cpu_s=usage.ru_utime + usage.ru_stime,
                maxrss_kb=usage.ru_maxrss,
            )
            send_frame(z.sock, reply)
        self._reap_all()  # after the reply: off the request's critical path
        shutil.rmtree(workdir, ignore_errors=True)
        return 0

    def _watch(self, pid: int, fd: int, timeout: float) -> tuple[bytes, str]:
        cap = int(self.z.limits["result_bytes"])
        with contextlib.suppress(TypeError, ValueError):  # a request may ask for less, never more
            cap = min(cap, max(1, int(self.request.get("result_bytes") or cap)))
        pidfd = os.pidfd_open(pid)
        end = time.monotonic() + timeout
        chunks: list[bytes] = []
        size = 0
        status = "exited"
        watching = [fd, pidfd]
        try:
            while True:
                left = end - time.monotonic()
                if left <= 0:
                    status = "timeout"
                    break
                ready, _, _ = select.select(watching, [], [], left)
                if fd in ready:
                    chunk = os.read(fd, 1 << 16)
                    if chunk:
                        chunks.append(chunk)
                        size += len(chunk)
                        if size > cap:
                            status = "oversize"
                            break
                        if _ended(b"".join(chunks[-2:])):
                            status = "ended"
                            break
                        continue
                    watching = [pidfd]
                if pidfd in ready:
                    break
        finally:
            # With a pid namespace the runner is its init: the kernel kills every process in it. Without,
            # its process group goes at once (fork is blocked while a group is signalled); _reap_all then
            # hunts what left the group with setsid.
            for target in (pid, -pid):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(target, signal.SIGKILL)
            if status == "exited":  # died without its end line: drain what it wrote before exiting
                os.set_blocking(fd, False)
                while size <= cap:
                    try:
                        chunk = os.read(fd, 1 << 16)
                    except BlockingIOError:
                        break
                    if not chunk:
                        break
                    chunks.append(chunk)
                    size += len(chunk)
            os.close(fd)
            os.close(pidfd)
        return b"".join(chunks)[:cap], status

    def _reap_all(self) -> None:
        """Kill and reap every descendant this subreaper inherited (the fallback without pid namespaces)."""
        me = os.getpid()
        for _ in range(1000):
            try:
                with open(f"/proc/{me}/task/{me}/children") as f:
                    children = [int(p) for p in f.read().split()]
            except OSError:
                children = []
            for child in children:
                for target in (-child, child):
                    with contextlib.suppress(OSError):
                        os.kill(target, signal.SIGKILL)
            try:
                got, _ = os.waitpid(-1, 0 if children else os.WNOHANG)
            except ChildProcessError:
                return
            if got == 0 and not children:
                return

    def _confine(self, workdir: str, w: int, channel: int) -> None:
        """Everything that does not depend on the request: done while the runner waits for one."""
        z = self.z
        linux.prctl(linux.PR_SET_PDEATHSIG, signal.SIGKILL)
        os.setsid()
        devnull = os.open(os.devnull, os.O_RDWR)
        for target in (0, 1, 2):
            os.dup2(devnull, target)
        os.close(devnull)
        _close_except(sorted({0, 1, 2, w, channel}))
        os.chdir(workdir)
        os.environ.clear()
        os.environ.update({"HOME": workdir, "TMPDIR": workdir, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
        limits = z.limits
        _setrlimit(resource.RLIMIT_AS, _vm_bytes() + int(limits["memory_bytes"]))
        _setrlimit(resource.RLIMIT_FSIZE, int(limits["file_bytes"]))
        _setrlimit(resource.RLIMIT_NOFILE, int(limits["open_files"]))
        _setrlimit(resource.RLIMIT_CORE, 0)
        if os.geteuid() != 0 or z.mech.get("userns"):
            _setrlimit(resource.RLIMIT_NPROC, int(limits["processes"]) + int(limits.get("nproc_base", 0)))
        if z.mech["landlock"]:
            reads = [*z.config["read_paths"], "/dev/urandom"]
            lists = z.config.get("list_paths", [])
            linux.landlock_restrict(reads, [workdir, os.devnull], z.mech["landlock"], lists)
        uid = z.mech.get("uid")
        if uid is not None:  # root outside a user namespace: become nobody (RLIMIT_NPROC counts again)
            _setrlimit(resource.RLIMIT_NPROC, int(limits["processes"]) + NPROC_SLACK)
            os.setgroups([])
            os.setresgid(uid, uid, uid)
            os.setresuid(uid, uid, uid)
        linux.drop_all_capabilities()
        linux.prctl(linux.PR_SET_NO_NEW_PRIVS, 1)
        if z.mech.get("seccomp"):
            linux.deny_socket_creation()
        sys.setrecursionlimit(max(sys.getrecursionlimit(), 3000))

    def _run(self, w: int) -> None:
        """Set the request's CPU limit and run it; the last line is ``["end"]``."""
        request = self.request
        _setrlimit(resource.RLIMIT_CPU, max(1, int(float(request.get("timeout_s", 10.0))) + 1))
        llm_fd = self.fds[0] if self.fds else None
        factory = None
        name = request.get("llm_factory")
        if name and llm_fd is not None:  # preloaded by the zygote: nothing is read from disk here
            module, _, attr = name.partition(":")
            if module in sys.modules:
                factory = _resolve(sys.modules[module], attr)
        out = runner.Out(w)
        runner.run(request, out, llm_fd, factory)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        forked = resource.getrusage(resource.RUSAGE_CHILDREN)  # what tools.run forked and reaped
        cpu = usage.ru_utime + usage.ru_stime + forked.ru_utime + forked.ru_stime
        out.line("end", cpu, usage.ru_maxrss)


def _fork_retrying() -> int:
    """``os.fork``, retried for a while when the process limit is momentarily full (a dying fork bomb)."""
    for attempt in range(50):
        try:
            return os.fork()
        except BlockingIOError:
            time.sleep(0.01 * (attempt + 1))
    return os.fork()


def _resolve(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def _write(path: str, text: str) -> None:
    with open(path, "w") as f:
        f.write(text)


def _vm_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _setrlimit(which: int, value: int) -> None:
    _, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(which, (value, value))


def _close_except(keep: list[int]) -> None:
    low = 0
    for fd in keep:
        if fd > low:
            os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, 65536)


def main() -> None:
    """Entry point: ``argv[1]`` is the control socket's descriptor."""
    sock = socket.socket(fileno=int(sys.argv[1]))
    frame = recv_frame(sock)
    if frame is None:
        return
    zygote = Zygote(sock, frame[0])
    zygote.setup()
    zygote.serve()
