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


class ModelProcess:
    """A llama.cpp model in a child process, restarted when it dies.

    Invariants: at most one request in flight; a request whose model process dies is retried once on a fresh
    process; a request that overruns its deadline by :data:`DEADLINE_GRACE_S` kills the process (it is
    restarted for the next request) and fails with :class:`DeadlineExceeded`.
    """

    def __init__(
        self,
        model_path: Path,
        model_id: str,
        plan: DevicePlan,
        n_ctx: int,
        prefix_cache_bytes: int = DEFAULT_CAPACITY_BYTES,
    ) -> None:
        self.model_id = model_id
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

    def _roundtrip(self, message: dict[str, object], timeout: float | None) -> object:
        assert self._sock is not None
        self._sock.settimeout(timeout)
        send_frame(self._sock, message)
        ok, reply = recv_frame(self._sock)
        if not ok:
            raise ConnectionError("model process closed its socket")
        return reply

    def generate(
        self, request: GenerateRequest, token_limit: int | None, deadline_s: float | None
    ) -> Generation:
        """Run ``request`` on the model process; see the class invariants."""
        if self._closed:
            raise ServiceError("the model process was stopped (broker closed); start a new broker")
        self._next_id += 1
        message = {
            "id": self._next_id,
            "request": request.to_json(),
            "token_limit": token_limit,
            "deadline_s": deadline_s,
        }
        timeout = deadline_s + DEADLINE_GRACE_S if deadline_s is not None else None
        for attempt in (1, 2):
            try:
                if self._sock is None or (self._proc is not None and self._proc.poll() is not None):
                    if self._closed:
                        raise ServiceError(
                            "the model process was stopped (broker closed); start a new broker"
                        )
                    self._restart()
                reply = self._roundtrip(message, timeout)
                break
            except TimeoutError:
                if self._closed:
                    raise ServiceError("the model process was stopped (broker closed)") from None
                self._restart()
                raise DeadlineExceeded(
                    f"LLM call overran its deadline of {deadline_s:.1f} s; the model process was restarted"
                ) from None
            except (OSError, FrameError, ConnectionError) as err:
                if attempt == 2:
                    self._kill()
                    raise ServiceError(
                        f"model process died twice on one request ({err}); try another prompt"
                    ) from None
                self._kill()
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
        """Stop the model process. Idempotent."""
        self._closed = True
        self._kill()
        self._log.close()
