"""Redis by URL and workers on other hosts, end to end.

The "other host" is a network namespace the test makes (``ip netns`` and a veth pair): the run's Redis — a
real ``redis-server`` with a password, listening on the veth address only — is reachable from the worker
started in the namespace exactly as from a second machine, over a network link and nothing else. That test
needs root and ``ip netns`` and is skipped with the reason otherwise. Bad input (on loopback, no namespace
needed): a wrong or missing password, an unreachable URL, a worker of another code version, an unknown run.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from population_helpers import (
    REPO,
    TOGGLE,
    processes_using,
    run_cli,
    start_redis,
    write_config,
    write_seed,
)

from population import keys
from population.config import resolve
from population.redis_server import redis_binary

pytestmark = pytest.mark.slow

SLEEPY = TOGGLE.replace(
    "def solve(task, llm, tools):\n", "def solve(task, llm, tools):\n    __import__('time').sleep(0.5)\n"
)
PASSWORD = "s3cret-pass"


def _ip(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["ip", *args], capture_output=True, text=True)


@pytest.fixture
def other_host() -> Iterator[tuple[str, str]]:
    """(namespace, address of this host as the namespace sees it): a veth pair 10.77.<n>.1 ↔ .2."""
    n = os.getpid() % 200 + 20
    ns, here, there = f"seedpop-test-{os.getpid()}", f"spa{n}", f"spb{n}"
    made = _ip("netns", "add", ns)
    if made.returncode != 0:
        pytest.skip(f"cannot make a network namespace here (ip netns add: {made.stderr.strip()})")
    try:
        for args in (
            ["link", "add", here, "type", "veth", "peer", "name", there],
            ["link", "set", there, "netns", ns],
            ["addr", "add", f"10.77.{n}.1/30", "dev", here],
            ["link", "set", here, "up"],
            ["netns", "exec", ns, "ip", "addr", "add", f"10.77.{n}.2/30", "dev", there],
            ["netns", "exec", ns, "ip", "link", "set", there, "up"],
            ["netns", "exec", ns, "ip", "link", "set", "lo", "up"],
        ):
            done = _ip(*args)
            if done.returncode != 0:
                pytest.skip(f"cannot wire the namespace (ip {' '.join(args)}: {done.stderr.strip()})")
        yield ns, f"10.77.{n}.1"
    finally:
        _ip("link", "del", here)
        _ip("netns", "del", ns)


@contextlib.contextmanager
def _password_redis(address: str, port: int, data: Path) -> Iterator[str]:
    """A password-protected redis-server on ``address:port``; yields its URL without the password."""
    data.mkdir()
    conf = (
        f"bind {address}\nport {port}\nprotected-mode no\nrequirepass {PASSWORD}\nsave ''\n"
        f"appendonly no\ndir {data}\ndaemonize no\nlogfile {data / 'redis.log'}\n"
    )
    url = f"redis://{address}:{port}/0"
    server = start_redis(redis_binary(), conf, data, url, password=PASSWORD)
    try:
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def shared_redis(other_host: tuple[str, str], tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The run's Redis on the veth address, as the namespace reaches it: (namespace, URL without password)."""
    ns, address = other_host
    with _password_redis(address, 16379, tmp_path / "shared-redis") as url:
        yield ns, url


@pytest.fixture
def local_redis(tmp_path: Path) -> Iterator[str]:
    """A password-protected Redis on loopback (no namespace needed): its URL without the password."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    with _password_redis("127.0.0.1", port, tmp_path / "local-redis") as url:
        yield url


def _in_ns(ns: str, *args: str) -> list[str]:
    return ["ip", "netns", "exec", ns, sys.executable, "-m", "population", *args]


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(REPO))


def test_a_worker_in_another_network_namespace_serves_the_run(
    shared_redis: tuple[str, str], tmp_path: Path
) -> None:
    ns, url = shared_redis
    authed = url.replace("redis://", f"redis://:{PASSWORD}@")
    sleepy = write_seed(tmp_path, "sleepy", SLEEPY)
    cfg = write_config(
        tmp_path, origin=[sleepy, "templates"], max_evals=8, seed=5, final_holdout=False, redis=url
    )
    run_dir = tmp_path / "run"
    manager = subprocess.Popen(
        [sys.executable, "-m", "population", "run", "--config", str(cfg), "--run-dir", str(run_dir)],
        cwd=REPO,
        env=dict(_env(), SEEDPOP_REDIS_PASSWORD=PASSWORD),  # the password stays out of config.toml
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    while not (run_dir / "population.json").exists():
        assert manager.poll() is None, manager.communicate()[1][-2000:]
        time.sleep(0.05)
    key = json.loads((run_dir / "population.json").read_text())["key"]
    remote = subprocess.Popen(
        _in_ns(ns, "worker", "--redis", authed, "--run", key, "--name", "remote", "--model", "none"),
        cwd=REPO,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, err = manager.communicate(timeout=240)
    assert manager.returncode == 0, err[-2000:]
    _, remote_err = remote.communicate(timeout=60)
    assert remote.returncode == 0, remote_err[-2000:]
    client = redis.Redis.from_url(url, password=PASSWORD)
    entries: Any = client.xrange(keys.results(key))
    by = {json.loads(fields[b"data"])["worker"] for _, fields in entries}
    assert any(name.startswith("remote.") for name in by), by  # the other host did jobs
    assert PASSWORD not in (run_dir / "config.toml").read_text()
    assert processes_using(run_dir) == []

    # The run's keys are still there: a worker of another code version, or model, is refused.
    stamp = json.loads(client.get(keys.version(key)) or b"{}")
    client.set(keys.version(key), json.dumps({**stamp, "code": "0123456789abcdef"}))
    refused = subprocess.run(
        _in_ns(ns, "worker", "--redis", authed, "--run", key), capture_output=True, text=True, env=_env()
    )
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1, refused.stderr
    assert "code version" in refused.stderr and "0123456789abcdef" in refused.stderr
    client.set(keys.version(key), json.dumps(stamp))
    refused = subprocess.run(
        _in_ns(ns, "worker", "--redis", authed, "--run", key, "--model", "qwen2.5-coder-0.5b"),
        capture_output=True,
        text=True,
        env=_env(),
    )
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1, refused.stderr
    assert "model 'qwen2.5-coder-0.5b' differs from run" in refused.stderr and "'none'" in refused.stderr


def test_wrong_password_unreachable_url_and_another_version_are_one_line_errors(
    local_redis: str, tmp_path: Path
) -> None:
    url = local_redis
    wrong = url.replace("redis://", "redis://:not-it@")
    done = run_cli("worker", "--redis", wrong, "--run", "abc", timeout=120)
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    assert "refused the password" in done.stderr and "not-it" not in done.stderr
    run_dir = tmp_path / "run"
    done = run_cli("run", "--model", "none", "--redis", url, "--run-dir", str(run_dir), timeout=120)
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    assert "wants a password" in done.stderr
    unreachable = url.rsplit(":", 1)[0] + ":1/0"  # the right host, a port nothing listens on
    done = run_cli("run", "--model", "none", "--redis", unreachable, "--run-dir", str(run_dir), timeout=120)
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    assert "cannot reach Redis at" in done.stderr
    assert not run_dir.exists()  # checked before anything was stored

    # A run published by a manager of another code version: the worker says which version differs.
    client = redis.Redis.from_url(url, password=PASSWORD)
    client.set(keys.config("other"), resolve({"model": "none"}).to_json())
    client.set(keys.version("other"), json.dumps({"code": "0123456789abcdef", "wire": 2, "model": "none"}))
    authed = url.replace("redis://", f"redis://:{PASSWORD}@")
    done = run_cli("worker", "--redis", authed, "--run", "other", timeout=120)
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    assert "code version" in done.stderr and "0123456789abcdef" in done.stderr
    done = run_cli("worker", "--redis", authed, "--run", "nosuchrun", timeout=120)
    assert done.returncode == 1 and "run 'nosuchrun' is not in the Redis" in done.stderr
