"""The model process supervisor: a llama.cpp model in a child process, restarted when it dies.

The child is ``python -m llm.server`` (see there for the protocol), connected by a socket pair it
inherits, in its own session, with a parent watch so that it never outlives the broker's process.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from llm.cache import Generation
from llm.devices import DevicePlan
from llm.errors import CorruptModel, DeadlineExceeded, ServiceError, error_from_wire
from llm.prefix import DEFAULT_CAPACITY_BYTES
from llm.wire import FrameError, GenerateRequest, recv_frame, send_frame

# How long past a request's deadline the model process may take before it is killed and restarted.
DEADLINE_GRACE_S = 2.0
LOAD_TIMEOUT_S = 300.0


def _package_root() -> str:
    return str(Path(__file__).resolve().parents[1])


class _Call:
    """One request in flight: set when its reply came (``reply``) or its model process was lost (None)."""

    __slots__ = ("done", "epoch", "reply")

    def __init__(self, epoch: int) -> None:
        self.done = threading.Event()
        self.epoch = epoch
        self.reply: object = None


class ModelProcess:
    """A llama.cpp model in a child process, restarted when it dies.

    Thread-safe: up to ``concurrency`` (``n_seq``) callers' requests are decoded together (the model
    process batches them); more wait in the model process. A reader thread hands each reply to its caller.

    Invariants: a request whose model process dies is retried once on a fresh process; a request that
    overruns its deadline by :data:`DEADLINE_GRACE_S` means a step of the model process hangs: the process is
    killed (restarted for the next request; the requests beside it are retried there) and the request fails
    with :class:`DeadlineExceeded`.
    """

    def __init__(
        self,
        model_path: Path,
        model_id: str,
        plan: DevicePlan,
        n_ctx: int,
        prefix_cache_bytes: int = DEFAULT_CAPACITY_BYTES,
        n_seq: int = 1,
    ) -> None:
        self.model_id = model_id
        self.concurrency = n_seq
        self.device = plan.device if not plan.note else f"{plan.device} ({plan.note})"
        self.n_ctx = n_ctx
        self.restarts = 0
        self.load_seconds = 0.0
        self._config = {
            "model_path": str(model_path),
            "n_ctx": n_ctx,
            "n_threads": plan.n_threads,
            "n_gpu_layers": plan.n_gpu_layers,
            "prefix_cache_bytes": prefix_cache_bytes,
            "n_seq": n_seq,
        }
        self._env = dict(os.environ)
        self._env.update(plan.env)
        self._env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [_package_root(), os.environ.get("PYTHONPATH")])
        )
        self._proc: subprocess.Popen[bytes] | None = None
        self._sock: socket.socket | None = None
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 -- lives as long as the backend; closed in close()
        self._next_id = 0
        self._closed = False
        self._lock = threading.RLock()  # the process, its socket, the calls in flight
        self._calls: dict[int, _Call] = {}
        self._epoch = 0  # which started process the socket belongs to
        try:
            self._start()
        except BaseException:
            self._log.close()
            raise

    @property
    def pid(self) -> int | None:
        """The model process id (None when not running)."""
        return self._proc.pid if self._proc is not None else None

    def _start(self) -> None:
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        started = time.monotonic()
        try:
            self._proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "llm.server",
                    "--fd",
                    str(child.fileno()),
                    "--config",
                    json.dumps(self._config),
                    "--parent-pid",
                    str(os.getpid()),
                ],
                pass_fds=(child.fileno(),),
                env=self._env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=self._log,
                start_new_session=True,
            )
        finally:
            child.close()
        parent.settimeout(LOAD_TIMEOUT_S)
        try:
            ok, hello = recv_frame(parent)
        except (OSError, FrameError) as err:
            ok, hello = False, str(err)
        if not ok or not isinstance(hello, dict) or hello.get("ready") is not True:
            self._kill(parent)
            detail = hello.get("message") if isinstance(hello, dict) else self._log_tail()
            raise CorruptModel(
                f"model file {self._config['model_path']!r} failed to load ({detail});"
                " check the file is a complete GGUF model or reinstall its package"
            )
        self.n_ctx = int(hello["n_ctx"])
        self.load_seconds = time.monotonic() - started
        parent.settimeout(None)
        self._sock = parent
        self._epoch += 1
        threading.Thread(
            target=self._read, args=(parent, self._epoch), name="model-replies", daemon=True
        ).start()

    def _read(self, sock: socket.socket, epoch: int) -> None:
        """Hand each reply to its call; when the socket ends, fail the calls sent on it."""
        while True:
            try:
                ok, reply = recv_frame(sock)
            except (OSError, FrameError, ValueError):
                ok, reply = False, None
            if not ok:
                break
            request_id = reply.get("id") if isinstance(reply, dict) else None
            with self._lock:
                call = self._calls.pop(request_id, None) if isinstance(request_id, int) else None
            if call is not None:
                call.reply = reply
                call.done.set()
        with self._lock:
            lost = [i for i, c in self._calls.items() if c.epoch == epoch]
            for request_id in lost:
                self._calls.pop(request_id).done.set()

    def _log_tail(self) -> str:
        self._log.seek(0)
        text = self._log.read()[-400:].decode("utf-8", "replace").strip().replace("\n", " | ")
        return text or "no output"

    def _kill(self, sock: socket.socket | None = None) -> None:
        for s in (sock, self._sock):
            if s is not None:
                s.close()
        self._sock = None
        if self._proc is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._proc.pid, 9)
            self._proc.wait()
            self._proc = None

    def _restart(self) -> None:
        self._kill()
        self.restarts += 1
        self._start()

    def _send(self, message: dict[str, object]) -> _Call:
        """Send one request on a running process (started if it is not); its call."""
        with self._lock:
            if self._closed:
                raise ServiceError("the model process was stopped (broker closed); start a new broker")
            if self._sock is None or (self._proc is not None and self._proc.poll() is not None):
                self._restart()
            assert self._sock is not None
            self._next_id += 1
            message["id"] = self._next_id
            call = _Call(self._epoch)
            self._calls[self._next_id] = call
            try:
                send_frame(self._sock, message)
            except (OSError, FrameError):
                self._calls.pop(self._next_id, None)
                call.done.set()  # lost, like a process that died with it
            return call

    def _lost(self, call: _Call) -> None:
        """The process ``call`` was sent to is gone or stuck: kill it (once), so the next call restarts it."""
        with self._lock:
            if self._epoch == call.epoch:
                self._kill()

    def generate(
        self, request: GenerateRequest, token_limit: int | None, deadline_s: float | None
    ) -> Generation:
        """Run ``request`` on the model process; see the class invariants."""
        message: dict[str, object] = {
            "request": request.to_json(),
            "token_limit": token_limit,
            "deadline_s": deadline_s,
        }
        timeout = deadline_s + DEADLINE_GRACE_S if deadline_s is not None else None
        for attempt in (1, 2):
            call = self._send(message)
            if not call.done.wait(timeout):
                with self._lock:
                    self._calls = {i: c for i, c in self._calls.items() if c is not call}
                    if self._closed:
                        raise ServiceError("the model process was stopped (broker closed)")
                    if self._epoch == call.epoch:
                        self._restart()
                raise DeadlineExceeded(
                    f"LLM call overran its deadline of {deadline_s:.1f} s; the model process was restarted"
                )
            if call.reply is not None:
                break
            if self._closed:
                raise ServiceError("the model process was stopped (broker closed)")
            self._lost(call)
            if attempt == 2:
                raise ServiceError("model process died twice on one request; try another prompt")
        reply = call.reply
        if not isinstance(reply, dict):
            raise ServiceError(f"model process sent a malformed reply {reply!r:.60}")
        if reply.get("ok") is not True:
            raise error_from_wire(str(reply.get("error")), str(reply.get("message")))
        return Generation(
            str(reply["text"]),
            int(reply["prompt_tokens"]),
            int(reply["completion_tokens"]),
            str(reply["finish_reason"]),
            float(reply["seconds"]),
            int(reply["prompt_evaluated"]),
        )

    def close(self) -> None:
        """Stop the model process (calls in flight fail). Idempotent."""
        with self._lock:
            self._closed = True
            self._kill()
            self._log.close()
