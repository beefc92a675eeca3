"""The trusted side of the LLM channel: sessions, budgets, deadlines, the completion cache, the fair queue.

One :class:`Broker` serves one slot (one backend: a model process or an endpoint). The harness opens one
:class:`Session` per evaluation, hands the session's client descriptor to the seed sandbox, and reads the
session's :class:`Usage` afterwards. Each session is served by its own thread reading frames from its socket;
requests that miss the cache go through a :class:`~fitness.llm.fairqueue.FairQueue` (round-robin across
sessions) to a single dispatcher thread that keeps the backend busy while anything waits.

Invariants:
    * budget and deadline are checked here, never trusted from the channel;
    * cache hits are accounted like the original call (same tokens), so an evaluation's token counts do not
      depend on the state of the cache; they are also counted in ``Usage.cache_hits``;
    * a malformed request gets an error reply; a broken frame stream closes that session only;
    * a session's failure never reaches another session or the dispatcher.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import secrets
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from fitness.llm.backends import Backend, EndpointBackend, ModelProcess
from fitness.llm.cache import CompletionCache, Generation, cache_key
from fitness.llm.channel import LLMChannel
from fitness.llm.devices import DeviceProbe, Slot, SlotKind, plan_device, probe_devices
from fitness.llm.errors import BadRequest, BudgetExhausted, DeadlineExceeded, LLMError, ServiceError
from fitness.llm.fairqueue import FairQueue
from fitness.llm.models import (
    DEFAULT_MODEL,
    Endpoint,
    LocalGGUF,
    ModelChoice,
    RegistryModel,
    parse_model_choice,
)
from fitness.llm.wire import FrameError, GenerateRequest, parse_request, recv_frame, send_frame


@dataclass(frozen=True, slots=True)
class Usage:
    """What one session spent.

    Attributes:
        calls: requests answered with text (from the model or the cache).
        prompt_tokens: prompt tokens of those calls (chat template included).
        completion_tokens: generated tokens of those calls.
        seconds: wall-clock seconds the calls took on the trusted side (queueing included).
        cache_hits: how many of ``calls`` the cache answered.
    """

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    cache_hits: int = 0

    @property
    def tokens(self) -> int:
        """Prompt plus completion tokens."""
        return self.prompt_tokens + self.completion_tokens


@dataclass(frozen=True, slots=True)
class ServiceStats:
    """A broker's counters since start.

    Attributes:
        requests: well-formed requests received from all sessions.
        model_calls: requests handed to the backend (cache hits and refused requests are not).
        busy_seconds: seconds the backend spent on requests (``busy_fraction`` divides by ``uptime_seconds``).
    """

    model_id: str
    device: str
    requests: int
    model_calls: int
    cache_hits: int
    cache_misses: int
    busy_seconds: float
    uptime_seconds: float
    restarts: int
    load_seconds: float

    @property
    def busy_fraction(self) -> float:
        """Share of wall time the backend was working, in [0, 1]."""
        return min(1.0, self.busy_seconds / self.uptime_seconds) if self.uptime_seconds > 0 else 0.0


class _Job:
    """One request waiting for the backend. The first ``finish`` wins; later ones return False."""

    __slots__ = (
        "_lock",
        "deadline",
        "done",
        "error",
        "request",
        "result",
        "session",
        "started",
        "token_limit",
    )

    def __init__(self, session: Session, request: GenerateRequest, token_limit: int | None) -> None:
        self.session = session
        self.request = request
        self.token_limit = token_limit
        self.deadline = session.deadline
        self.done = threading.Event()
        self.result: Generation | None = None
        self.error: LLMError | None = None
        self.started = False
        self._lock = threading.Lock()

    def start(self) -> bool:
        with self._lock:
            if self.done.is_set():
                return False
            self.started = True
            return True

    def finish(self, result: Generation | None = None, error: LLMError | None = None) -> bool:
        with self._lock:
            if self.done.is_set():
                return False
            self.result, self.error = result, error
            self.done.set()
            return True


class Session:
    """One evaluation's access to the LLM: a socket pair, a token budget and a deadline.

    Use :meth:`client_fd` to hand the untrusted end to a sandbox (``pass_fds``), then :meth:`close_client_end`
    in the parent; or :meth:`channel` for an in-process client. :meth:`usage` is safe to call at any time.
    """

    def __init__(
        self,
        broker: Broker,
        lane: str,
        label: str,
        token_budget: int | None,
        deadline_s: float | None,
        rng_seed: int | None,
    ) -> None:
        self.label = label
        self.token_budget = token_budget
        self.deadline_s = deadline_s
        self.deadline = time.monotonic() + deadline_s if deadline_s is not None else None
        self._broker = broker
        self._lane = lane
        self._rng_seed = rng_seed
        self._draws = 0
        self._pending: _Job | None = None
        self._channels: list[LLMChannel] = []
        self._lock = threading.Lock()
        self._usage = Usage()
        self._server, self._client = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self._client_open = True
        self._thread = threading.Thread(target=self._serve, name=f"llm-session-{label}", daemon=True)
        self._thread.start()

    def client_fd(self) -> int:
        """The untrusted end's descriptor, for ``subprocess.Popen(pass_fds=...)``."""
        return self._client.fileno()

    def close_client_end(self) -> None:
        """Close this process's copy of the untrusted end (after the sandbox inherited it). Idempotent."""
        if self._client_open:
            self._client_open = False
            self._client.close()

    def channel(self) -> LLMChannel:
        """An in-process channel over a duplicate of the untrusted end; :meth:`close` closes it too."""
        channel = LLMChannel(self._client.dup())
        self._channels.append(channel)
        return channel

    def usage(self) -> Usage:
        """What this session has spent so far."""
        with self._lock:
            return self._usage

    def remaining_tokens(self) -> int | None:
        """Tokens left in the budget (None when unlimited)."""
        if self.token_budget is None:
            return None
        return self.token_budget - self.usage().tokens

    def _account(self, generation: Generation, seconds: float, cached: bool) -> None:
        with self._lock:
            u = self._usage
            self._usage = Usage(
                u.calls + 1,
                u.prompt_tokens + generation.prompt_tokens,
                u.completion_tokens + generation.completion_tokens,
                u.seconds + seconds,
                u.cache_hits + int(cached),
            )

    def _seeded(self, request: GenerateRequest) -> tuple[GenerateRequest, bool]:
        """Give an unseeded sampling request a seed; the flag says whether it is still deterministic."""
        if request.seed is not None or request.temperature == 0.0:
            return request, True
        if self._rng_seed is None:
            return request.with_seed(secrets.randbits(32)), False
        with self._lock:
            index, self._draws = self._draws, self._draws + 1
        digest = hashlib.sha256(f"{self._rng_seed}:{self.label}:{index}".encode()).digest()
        return request.with_seed(int.from_bytes(digest[:4], "big")), True

    def _serve(self) -> None:
        try:
            self._serve_frames()
        finally:  # whatever ended the loop, the peer sees end-of-stream rather than a silent hang
            with contextlib.suppress(OSError):
                self._server.shutdown(socket.SHUT_RDWR)

    def _serve_frames(self) -> None:
        sock = self._server
        while True:
            try:
                ok, raw = recv_frame(sock)
            except FrameError as err:
                self._reply(BadRequest(f"bad LLM request: {err}; the channel is closed"))
                break
            except OSError:
                break
            if not ok:
                break
            started = time.monotonic()
            try:
                if isinstance(raw, BadRequest):
                    raise raw
                generation, cached = self._broker._answer(self, parse_request(raw))
                self._account(generation, time.monotonic() - started, cached)
                if generation.finish_reason == "deadline":
                    raise DeadlineExceeded(self._deadline_message())
                reply: dict[str, object] = {
                    "ok": True,
                    "text": generation.text,
                    "prompt_tokens": generation.prompt_tokens,
                    "completion_tokens": generation.completion_tokens,
                    "cached": cached,
                    "model_seconds": generation.seconds,
                }
            except LLMError as err:
                reply = {"ok": False, "error": err.kind, "message": str(err)}
            except Exception as err:  # never let one request take the session thread down silently
                reply = {
                    "ok": False,
                    "error": "service_error",
                    "message": f"LLM service failed: {err!r:.200}",
                }
            if not self._send(reply):
                break

    def _reply(self, err: LLMError) -> None:
        self._send({"ok": False, "error": err.kind, "message": str(err)})

    def _send(self, reply: dict[str, object]) -> bool:
        try:
            send_frame(self._server, reply)
            return True
        except OSError:
            return False

    def _deadline_message(self) -> str:
        return f"LLM deadline of {self.deadline_s:g} s for {self.label!r} has passed; return what you have"

    def close(self) -> None:
        """Stop serving this session and close both ends. Idempotent."""
        with contextlib.suppress(OSError):
            self._server.shutdown(socket.SHUT_RDWR)
        self._server.close()
        pending = self._pending
        if pending is not None:
            pending.finish(error=ServiceError(f"LLM session {self.label!r} was closed"))
        self.close_client_end()
        for channel in self._channels:
            channel.close()
        self._thread.join(timeout=5)
        self._broker._forget(self)


class Broker:
    """Serves one backend to many sessions. Start with :meth:`start`; ``close()`` when done."""

    def __init__(self, backend: Backend, cache: CompletionCache | None = None) -> None:
        self.backend = backend
        self.cache = cache
        self._queue: FairQueue[_Job] = FairQueue()
        self._lanes = itertools.count()
        self._sessions: set[Session] = set()
        self._lock = threading.Lock()
        self._requests = 0
        self._model_calls = 0
        self._busy = 0.0
        self._started = time.monotonic()
        self._closed = False
        self._dispatcher = threading.Thread(target=self._dispatch, name="llm-dispatcher", daemon=True)
        self._dispatcher.start()

    @classmethod
    def start(
        cls,
        model: str | ModelChoice = DEFAULT_MODEL,
        *,
        slot: Slot | None = None,
        cache_path: Path | None = None,
        n_ctx: int = 4096,
        model_dir: Path | None = None,
        probe: DeviceProbe | None = None,
    ) -> Broker:
        """Prepare ``model`` (assemble, verify, load) on ``slot`` and return a serving broker.

        Args:
            model: a registry name, a ``.gguf`` path, an ``http(s)://…/v1[#model]`` URL, or a parsed choice.
            slot: where the model runs; default a CPU slot with every core.
            cache_path: the completion cache file (``run_dir / "cache" / "llm.sqlite"``); None disables it.
            n_ctx: context window in tokens.
            model_dir: where registry models are assembled (default: the XDG model cache).
            probe: device facts for a GPU slot (default: probe this machine).

        Raises:
            ModelError: unknown name, missing package, hash mismatch, corrupt file, unreachable endpoint.
        """
        from fitness.llm.assemble import assemble, check_gguf_header

        choice = parse_model_choice(model) if isinstance(model, str) else model
        backend: Backend
        if isinstance(choice, Endpoint):
            backend = EndpointBackend(choice.base_url, choice.model, n_ctx)
        else:
            if isinstance(choice, RegistryModel):
                built = assemble(choice.spec, model_dir)
                path, model_id = built.path, f"gguf:{built.sha256}"
            else:
                assert isinstance(choice, LocalGGUF)
                path = choice.path
                st = path.stat()
                model_id = (
                    "gguf-file:"
                    + hashlib.sha256(f"{path}:{st.st_size}:{st.st_mtime_ns}".encode()).hexdigest()
                )
            check_gguf_header(path)
            slot = slot or Slot.cpu()
            if slot.kind is SlotKind.GPU and probe is None:
                probe = probe_devices()
            plan = plan_device(slot, probe or DeviceProbe(False, 0))
            backend = ModelProcess(path, model_id, plan, n_ctx)
        return cls(backend, CompletionCache(cache_path) if cache_path is not None else None)

    def open_session(
        self,
        label: str,
        *,
        token_budget: int | None = None,
        deadline_s: float | None = None,
        rng_seed: int | None = None,
    ) -> Session:
        """A new session for one evaluation.

        Args:
            label: who is calling (a seed id), for messages and per-seed seed derivation.
            token_budget: prompt + completion tokens allowed; None for unlimited.
            deadline_s: wall-clock seconds from now after which calls fail; None for none.
            rng_seed: when given, unseeded sampling requests get seeds derived from it, label and call index
                (reproducible and cacheable); otherwise they get fresh random seeds.
        """
        if token_budget is not None and token_budget < 0:
            raise ValueError(f"token_budget is {token_budget}; pass None or a non-negative int")
        if self._closed:
            raise ServiceError("LLM broker is closed; start a new one")
        session = Session(self, f"s{next(self._lanes)}", label, token_budget, deadline_s, rng_seed)
        with self._lock:
            self._sessions.add(session)
        return session

    def _forget(self, session: Session) -> None:
        with self._lock:
            self._sessions.discard(session)

    def _answer(self, session: Session, request: GenerateRequest) -> tuple[Generation, bool]:
        """Serve one validated request for ``session``: checks, cache, queue. Raises LLMError."""
        with self._lock:
            self._requests += 1
        if session.deadline is not None and time.monotonic() >= session.deadline:
            raise DeadlineExceeded(session._deadline_message())
        remaining = session.remaining_tokens()
        if remaining is not None and remaining <= 0:
            raise BudgetExhausted(
                f"LLM token budget of {session.token_budget} for {session.label!r} is spent;"
                " return what you have"
            )
        request, deterministic = session._seeded(request)
        key = cache_key(self.backend.model_id, request) if self.cache is not None and deterministic else None
        if key is not None and self.cache is not None:
            hit = self.cache.get(key)
            if hit is not None and (
                remaining is None or hit.prompt_tokens + hit.completion_tokens <= remaining
            ):
                return hit, True
        job = _Job(session, request, remaining)
        session._pending = job
        self._queue.put(session._lane, job)
        wait = None if session.deadline is None else max(0.0, session.deadline - time.monotonic()) + 0.05
        if not job.done.wait(wait):
            job.finish(error=DeadlineExceeded(session._deadline_message()))
        if job.error is not None:
            raise job.error
        assert job.result is not None
        if key is not None and self.cache is not None and job.result.finish_reason in ("stop", "length"):
            self.cache.put(key, job.result)
        return job.result, False

    def _dispatch(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            if not job.start():
                continue  # its session gave up (deadline) while it queued
            deadline_s = None if job.deadline is None else job.deadline - time.monotonic()
            if deadline_s is not None and deadline_s <= 0:
                job.finish(error=DeadlineExceeded(job.session._deadline_message()))
                continue
            started = time.monotonic()
            result: Generation | None = None
            error: LLMError | None = None
            try:
                result = self.backend.generate(job.request, job.token_limit, deadline_s)
            except LLMError as err:
                error = err
            except Exception as err:  # a backend bug or a failed restart must not stop the dispatcher
                error = ServiceError(f"LLM backend failed: {err}")
            with self._lock:
                self._busy += time.monotonic() - started
                self._model_calls += 1
            if not job.finish(result, error) and result is not None:
                job.session._account(result, 0.0, cached=False)  # spent even though the caller gave up

    def stats(self) -> ServiceStats:
        """Counters since start (cache counters are the cache's own)."""
        cache = self.cache.stats() if self.cache is not None else None
        with self._lock:
            return ServiceStats(
                model_id=self.backend.model_id,
                device=self.backend.device,
                requests=self._requests,
                model_calls=self._model_calls,
                cache_hits=cache.hits if cache else 0,
                cache_misses=cache.misses if cache else 0,
                busy_seconds=self._busy,
                uptime_seconds=time.monotonic() - self._started,
                restarts=int(getattr(self.backend, "restarts", 0)),
                load_seconds=float(getattr(self.backend, "load_seconds", 0.0)),
            )

    def close(self) -> None:
        """Close every session, stop the dispatcher and the backend. Idempotent."""
        if self._closed:
            return
        self._closed = True
        with self._lock:
            sessions = list(self._sessions)
        for session in sessions:
            session.close()
        self._queue.close()
        self._dispatcher.join(timeout=10)
        self.backend.close()
        if self.cache is not None:
            self.cache.close()

    def __enter__(self) -> Broker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
