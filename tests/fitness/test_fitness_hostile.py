"""Hostile solutions and seeds: each is contained, fails only itself, and leaves no process behind.

Limits are small (16 processes, 256 MiB, short deadlines) so that a containment failure could not take a
shared machine down. After every case the same warm worker must still answer correctly.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sandbox_helpers import SMALL, assert_gone, assert_nothing_left

from fitness.sandbox import ExecStatus, Execution, Sandbox, SandboxKind

SUITE_FILE = Path(__file__).resolve().parents[2] / "fitness" / "suites" / "core" / "00_strings.json"
REFERENCE_DIR = Path(__file__).resolve().parents[2] / "tests" / "fitness_suite" / "solutions"
# Refused by Landlock (EACCES) or absent from the sandbox's private root (ENOENT), by platform.
DENIED = "Error: [Errno"


def run(
    sb: Sandbox, source: str, timeout: float = 3.0, per_test: float = 1.0, args: object = None
) -> Execution:
    request = {"mode": "tests", "source": source, "entry": "f", "args": args or [[]], "per_test_s": per_test}
    return sb.execute(request, timeout)


def healthy(sb: Sandbox) -> None:
    assert run(sb, "def f():\n    return 42\n").lines == (["r", 0, 42],)
    assert_nothing_left(sb)


def passed(execution: Execution) -> bool:
    return any(line[0] == "r" for line in execution.lines)


FORK_BOMB = """
import os
def f():
    while True:
        try:
            os.fork()
        except OSError:
            pass
"""

SETSID_SLEEPER = """
import os, time
def f():
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            time.sleep(1000)
        os._exit(0)
    return 1
"""

MEMORY_HOG = """
def f():
    blocks = []
    while True:
        blocks.append(bytearray(50 * 1024 * 1024))
"""

BUSY_SWALLOWING_ALARM = """
def f():
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass
"""

SLEEP_FOREVER = """
import signal, time
def f():
    signal.signal(signal.SIGALRM, signal.SIG_IGN)
    time.sleep(10**6)
"""

DISK_FILLER = """
def f():
    i = 0
    while True:
        with open(f"fill{i}", "wb") as out:
            out.write(b"x" * (3 * 1024 * 1024))
        i += 1
"""

KILL_PARENT = """
import os, signal
def f():
    for target in (os.getppid(), 0, -1, 1):
        try:
            os.kill(target, signal.SIGKILL)
        except OSError:
            pass
    return "still here"
"""


@pytest.mark.slow
def test_fork_bomb_is_contained(solution_sandbox: Sandbox) -> None:
    result = run(solution_sandbox, FORK_BOMB, timeout=2.0, per_test=1.0)
    assert not passed(result)
    healthy(solution_sandbox)


def test_setsid_grandchild_is_killed(solution_sandbox: Sandbox) -> None:
    result = run(solution_sandbox, SETSID_SLEEPER)
    assert result.lines == (["r", 0, 1],)
    healthy(solution_sandbox)


@pytest.mark.slow
def test_memory_hog_fails_alone(solution_sandbox: Sandbox) -> None:
    result = run(solution_sandbox, MEMORY_HOG, timeout=5.0, per_test=4.0)
    assert not passed(result)
    assert any(line[0] == "e" and "MemoryError" in line[2] for line in result.lines) or result.signal
    healthy(solution_sandbox)


def test_busy_loop_swallowing_the_alarm_is_killed_at_the_deadline(solution_sandbox: Sandbox) -> None:
    result = run(solution_sandbox, BUSY_SWALLOWING_ALARM, timeout=1.5, per_test=0.2)
    assert result.status is ExecStatus.TIMEOUT and not passed(result)
    healthy(solution_sandbox)


def test_sleep_forever_is_killed_at_the_deadline(solution_sandbox: Sandbox) -> None:
    result = run(solution_sandbox, SLEEP_FOREVER, timeout=1.0, per_test=0.2)
    assert result.status is ExecStatus.TIMEOUT
    healthy(solution_sandbox)


def test_disk_filler_hits_the_tmpfs_cap(solution_sandbox: Sandbox) -> None:
    result = run(solution_sandbox, DISK_FILLER, timeout=5.0, per_test=4.0)
    assert not passed(result)
    healthy(solution_sandbox)


def test_writes_outside_the_temp_dir_are_refused(solution_sandbox: Sandbox, tmp_path: Path) -> None:
    target = tmp_path / "escaped.txt"
    src = f"def f():\n    open({str(target)!r}, 'w').write('x')\n    return 'wrote'\n"
    result = run(solution_sandbox, src)
    assert not passed(result) and DENIED in result.lines[0][2]
    assert not target.exists()
    healthy(solution_sandbox)


def test_tcp_connect_to_localhost_is_refused(solution_sandbox: Sandbox) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(1.5)
    port = listener.getsockname()[1]
    accepted: list[object] = []

    def accept() -> None:
        with contextlib.suppress(OSError):
            accepted.append(listener.accept())

    thread = threading.Thread(target=accept)
    thread.start()
    src = (
        "import socket\ndef f():\n"
        f"    socket.create_connection(('127.0.0.1', {port}), timeout=1).close()\n"
        "    return 'connected'\n"
    )
    result = run(solution_sandbox, src)
    thread.join()
    listener.close()
    assert not passed(result) and not accepted
    healthy(solution_sandbox)


def test_unix_socket_connect_is_refused(solution_sandbox: Sandbox, tmp_path: Path) -> None:
    """Redis and model servers listen on unix sockets in the run directory: unreachable from a sandbox."""
    path = str(tmp_path / "redis.sock")
    server = socket.socket(socket.AF_UNIX)
    server.bind(path)
    server.listen(1)
    os.chmod(path, 0o777)
    try:
        src = f"import socket\ndef f():\n    socket.socket(socket.AF_UNIX).connect({path!r})\n    return 'connected'\n"
        result = run(solution_sandbox, src)
    finally:
        server.close()
    assert not passed(result)
    healthy(solution_sandbox)


@pytest.mark.parametrize("path", [SUITE_FILE, REFERENCE_DIR])
def test_reading_hidden_tests_or_references_from_disk_is_refused(
    solution_sandbox: Sandbox, path: Path
) -> None:
    assert path.exists()
    src = (
        f"import os\ndef f():\n    p = {str(path)!r}\n"
        "    return os.listdir(p) if os.path.isdir(p) else open(p).read()[:50]\n"
    )
    result = run(solution_sandbox, src)
    assert not passed(result) and DENIED in result.lines[0][2]
    src = "import os\ndef f():\n    return os.listdir('/proc/1/')\n"
    assert not passed(run(solution_sandbox, src))
    healthy(solution_sandbox)


def test_killing_its_parent_and_everyone_hurts_only_itself(solution_sandbox: Sandbox) -> None:
    me = os.getpid()
    run(solution_sandbox, KILL_PARENT)
    assert os.getpid() == me
    healthy(solution_sandbox)


def test_raising_rlimits_back_is_refused(solution_sandbox: Sandbox) -> None:
    src = "import resource\ndef f():\n    resource.setrlimit(resource.RLIMIT_AS, (-1, -1))\n    return 'raised'\n"
    assert not passed(run(solution_sandbox, src))
    healthy(solution_sandbox)


def test_oversized_output_is_cut(solution_sandbox: Sandbox) -> None:
    src = "import os\ndef f():\n    while True:\n        os.write(3, b'x' * 65536)\n"
    result = run(solution_sandbox, src)
    assert not passed(result)
    healthy(solution_sandbox)


def test_worker_killed_from_outside_between_requests_is_replaced(solution_sandbox: Sandbox) -> None:
    assert solution_sandbox._proc is not None
    restarts = solution_sandbox.restarts
    os.kill(solution_sandbox._proc.pid, 9)
    solution_sandbox._proc.wait(timeout=10)
    result = run(solution_sandbox, "def f():\n    return 1\n")
    assert result.lines == (["r", 0, 1],)  # the dead worker was replaced before the request, not after it
    assert solution_sandbox.restarts == restarts + 1
    healthy(solution_sandbox)


def test_worker_killed_from_outside_mid_request_loses_only_that_request(solution_sandbox: Sandbox) -> None:
    proc = solution_sandbox._proc
    assert proc is not None
    killer = threading.Timer(0.5, os.kill, (proc.pid, 9))
    killer.start()
    try:
        result = run(
            solution_sandbox,
            "import time\ndef f():\n    time.sleep(5)\n    return 1\n",
            timeout=10,
            per_test=8,
        )
    finally:
        killer.cancel()
    assert result.status is ExecStatus.LOST
    healthy(solution_sandbox)


def test_closed_from_another_thread_mid_request_stays_closed_and_leaves_nothing() -> None:
    """A worker shutting down closes its loops' sandboxes while a loop may be mid-request: the request comes
    back LOST, the loop's sandbox starts no new worker behind the close, and no process is left."""
    sandbox = Sandbox(SandboxKind.SOLUTION, SMALL)
    sandbox.start()
    marker = sandbox._root
    closer = threading.Timer(0.5, sandbox.close)
    closer.start()
    try:
        result = run(
            sandbox, "import time\ndef f():\n    time.sleep(5)\n    return 1\n", timeout=10, per_test=8
        )
    finally:
        closer.join()
    assert result.status is ExecStatus.LOST
    assert run(sandbox, "def f():\n    return 1\n").status is ExecStatus.LOST  # closed: nothing is started
    assert sandbox._proc is None
    assert_gone(marker)
    sandbox.start()  # an explicit start reopens it
    try:
        healthy(sandbox)
    finally:
        sandbox.close()


@pytest.fixture(scope="module")
def fallback_sandbox() -> Iterator[Sandbox]:
    """A worker without namespaces: the subreaper supervisor and Landlock must still contain everything."""
    with Sandbox(SandboxKind.SOLUTION, SMALL, namespaces=False) as sandbox:
        marker = sandbox._root
        assert sandbox.mechanisms is not None and not sandbox.mechanisms.pid_namespace
        yield sandbox
    assert_gone(marker)


@pytest.mark.parametrize(
    "source", [SETSID_SLEEPER, pytest.param(FORK_BOMB, marks=pytest.mark.slow), SLEEP_FOREVER, KILL_PARENT]
)
def test_fallback_without_namespaces_contains_too(fallback_sandbox: Sandbox, source: str) -> None:
    run(fallback_sandbox, source, timeout=1.5, per_test=0.5)
    healthy(fallback_sandbox)
    target = "/tmp/seedpop-fallback-escape"
    src = f"def f():\n    open({target!r}, 'w').write('x')\n    return 1\n"
    assert not passed(run(fallback_sandbox, src)) and not os.path.exists(target)
