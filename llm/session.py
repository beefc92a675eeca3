"""A session: one evaluation's budgeted, deadlined access to a broker, served on one socket pair.

The untrusted end goes to the seed sandbox; this side reads frames, validates them
(:func:`~llm.wire.parse_request`), admits it (deadline, token budget, a derived seed), hands its broker a
:class:`Job` through the two-method :class:`Host` interface, accounts the call and replies.

Invariants: budget and deadline are checked on this side; a malformed request gets an error reply; a broken
frame stream ends this session only, and the peer then sees end-of-stream rather than a hang. The broker sees
only what a :class:`Job` carries (its request, limits and a callback for tokens spent after the caller gave
up); the session sees only :meth:`Host.serve` and :meth:`Host.forget`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import secrets
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from llm.cache import Generation
from llm.channel import LLMChannel
from llm.errors import BadRequest, BudgetExhausted, DeadlineExceeded, LLMError, ServiceError
from llm.wire import FrameError, GenerateRequest, parse_request, recv_frame, send_frame


class Host(Protocol):
    """What a session needs of the broker that serves it (:class:`llm.broker.Broker`); named here so
    that this module does not import the broker's (which imports this one)."""

    def serve(self, job: Job) -> tuple[Generation, bool]:
        """Answer an admitted job (cache or model); returns ``(generation, from_cache)``. Raises LLMError."""
        ...

    def forget(self, session: Session) -> None:
        """``session`` is closed; drop it."""
        ...


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


class Job:
    """One admitted request on its way to the backend. The first ``finish`` wins; later ones return False.

    Attributes:
        lane: the session's fair-queue lane.
        request: the request, seeded when it samples (so that it is reproducible and cacheable).
        deterministic: whether the same request always yields the same text (cacheable).
        token_limit: prompt + completion tokens the session has left (None: unlimited).
        deadline: the session's deadline on ``time.monotonic()``'s clock (None: none).
        deadline_message: the error text once the deadline has passed.
        spent_late: called with a generation the backend finished after the caller gave up, so that its
            tokens are still accounted to the session.
    """

    __slots__ = (
        "_lock",
        "deadline",
        "deadline_message",
        "deterministic",
        "done",
        "error",
        "lane",
        "request",
        "result",
        "spent_late",
        "started",
        "token_limit",
    )

    def __init__(
        self,
        lane: str,
        request: GenerateRequest,
        *,
        deterministic: bool,
        token_limit: int | None,
        deadline: float | None,
        deadline_message: str,
        spent_late: Callable[[Generation], None],
    ) -> None:
        self.lane = lane
        self.request = request
        self.deterministic = deterministic
        self.token_limit = token_limit
        self.deadline = deadline
        self.deadline_message = deadline_message
        self.spent_late = spent_late
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

    def expired(self) -> DeadlineExceeded:
        """The error for a job whose deadline has passed."""
        return DeadlineExceeded(self.deadline_message)

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
        host: Host,
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
        self._host = host
        self._lane = lane
        self._rng_seed = rng_seed
        self._draws = 0
        self._pending: Job | None = None
        self._channels: list[LLMChannel] = []
        self._lock = threading.Lock()
        self._usage = Usage()
        self._transcript = hashlib.sha256()  # every request and its answer, in order (behaviour digest)
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

    def transcript_digest(self) -> str:
        """SHA-256 over every request the client sent and the answer it got (text or error kind), in order:
        two sessions with equal digests saw the same conversation. Safe to call at any time."""
        with self._lock:
            return self._transcript.hexdigest()

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

    def _spent_late(self, generation: Generation) -> None:
        self._account(generation, 0.0, cached=False)

    def _admit(self, request: GenerateRequest) -> Job:
        """Check the deadline and the budget and seed the request; raises LLMError."""
        if self.deadline is not None and time.monotonic() >= self.deadline:
            raise DeadlineExceeded(self._deadline_message())
        remaining = self.remaining_tokens()
        if remaining is not None and remaining <= 0:
            raise BudgetExhausted(
                f"LLM token budget of {self.token_budget} for {self.label!r} is spent; return what you have"
            )
        request, deterministic = self._seeded(request)
        return Job(
            self._lane,
            request,
            deterministic=deterministic,
            token_limit=remaining,
            deadline=self.deadline,
            deadline_message=self._deadline_message() if self.deadline is not None else "",
            spent_late=self._spent_late,
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
                job = self._admit(parse_request(raw))
                self._pending = job
                generation, cached = self._host.serve(job)
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
            with self._lock:
                answer = [reply.get("text"), reply.get("error")]  # not timings or cache flags
                line = json.dumps([raw, answer], sort_keys=True, default=repr)
                self._transcript.update(line.encode("utf-8", "surrogatepass") + b"\n")
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
        self._host.forget(self)
