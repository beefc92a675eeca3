"""The trusted side of the LLM channel: sessions, budgets, deadlines, the completion cache, the fair queue.

One :class:`Broker` serves one slot (one backend: a model process or an endpoint). The harness opens one
:class:`Session` per evaluation, hands the session's client descriptor to the seed sandbox, and reads the
session's :class:`Usage` afterwards. Each session is served by its own thread reading frames from its socket;
requests that miss the cache go through a :class:`~llm.fairqueue.FairQueue` (round-robin across
sessions) to the dispatcher threads — one per request the backend serves at once (a model process's
``n_seq``, batched) — that keep the backend busy while anything waits.

Invariants:
    * budget and deadline are checked here, never trusted from the channel;
    * cache hits are accounted like the original call (same tokens), so an evaluation's token counts do not
      depend on the state of the cache; they are also counted in ``Usage.cache_hits``;
    * a malformed request gets an error reply; a broken frame stream closes that session only;
    * a session's failure never reaches another session or the dispatcher.
"""

from __future__ import annotations

import hashlib
import itertools
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from llm.backends import Backend, EndpointBackend
from llm.cache import CompletionCache, Generation, cache_key
from llm.devices import DeviceProbe, Slot, SlotKind, plan_device, probe_devices
from llm.errors import LLMError, ServiceError
from llm.fairqueue import FairQueue
from llm.models import (
    DEFAULT_MODEL,
    Endpoint,
    LocalGGUF,
    ModelChoice,
    RegistryModel,
    parse_model_choice,
)
from llm.prefix import DEFAULT_CAPACITY_BYTES
from llm.process import ModelProcess
from llm.session import Job, Session, Usage

__all__ = ["Broker", "ServiceStats", "Session", "Usage"]


@dataclass(frozen=True, slots=True)
class ServiceStats:
    """A broker's counters since start.

    Attributes:
        requests: well-formed requests that sessions admitted (within their deadline and token budget).
        model_calls: requests handed to the backend (cache hits and refused requests are not).
        busy_seconds: wall seconds the backend had at least one request (``busy_fraction`` divides by
            ``uptime_seconds``); requests decoded together count once.
        replayed_seconds: seconds the cache hits took when they were first generated (``replayed_unknown``
            hits are from before the cache kept times and count 0).
        prompt_tokens: prompt tokens of the requests the backend answered (what was asked to evaluate).
        prompt_evaluated: of those, the tokens it evaluated (the rest was a reused prefix; a backend that
            does not say counts its whole prompt).
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
    replayed_seconds: float = 0.0
    replayed_unknown: int = 0
    prompt_tokens: int = 0
    prompt_evaluated: int = 0

    @property
    def busy_fraction(self) -> float:
        """Share of wall time the backend was working, in [0, 1]."""
        return min(1.0, self.busy_seconds / self.uptime_seconds) if self.uptime_seconds > 0 else 0.0


class Broker:
    """Serves one backend to many sessions. Start with :meth:`start`; ``close()`` when done."""

    def __init__(self, backend: Backend, cache: CompletionCache | None = None) -> None:
        self.backend = backend
        self.cache = cache
        self._queue: FairQueue[Job] = FairQueue()
        self._lanes = itertools.count()
        self._sessions: set[Session] = set()
        self._lock = threading.Lock()
        self._requests = 0
        self._model_calls = 0
        self._prompt_tokens = 0
        self._prompt_evaluated = 0
        self._busy = 0.0  # wall seconds with at least one request on the backend (however many)
        self._inflight = 0
        self._busy_since = 0.0
        self._started = time.monotonic()
        self._closed = False
        # One dispatcher per request the backend serves at once (a batched model process: its n_seq).
        self._dispatchers = [
            threading.Thread(target=self._dispatch, name=f"llm-dispatcher-{i}", daemon=True)
            for i in range(max(1, backend.concurrency))
        ]
        for dispatcher in self._dispatchers:
            dispatcher.start()

    @classmethod
    def start(
        cls,
        model: str | ModelChoice = DEFAULT_MODEL,
        *,
        slot: Slot | None = None,
        cache_path: Path | None = None,
        n_ctx: int = 4096,
        prefix_cache_bytes: int = DEFAULT_CAPACITY_BYTES,
        model_dir: Path | None = None,
        probe: DeviceProbe | None = None,
        n_seq: int = 1,
    ) -> Broker:
        """Prepare ``model`` (assemble, verify, load) on ``slot`` and return a serving broker.

        Args:
            model: a registry name, a ``.gguf`` path, an ``http(s)://…/v1[#model]`` URL, or a parsed choice.
            slot: where the model runs; default a CPU slot with every core.
            cache_path: the completion cache file (``run_dir / "cache" / "llm.sqlite"``); None disables it.
            n_ctx: context window in tokens.
            prefix_cache_bytes: bound of the model process's stored prompt prefixes (:mod:`llm.prefix`).
            model_dir: where registry models are assembled (default: the XDG model cache).
            probe: device facts for a GPU slot (default: probe this machine).
            n_seq: requests a local model decodes together (batched; :mod:`llm.engine`): the number of worker
                loops sharing the slot; each gets ``n_ctx`` cells. An endpoint gets that many requests at once.

        Raises:
            ModelError: unknown name, missing package, hash mismatch, corrupt file, unreachable endpoint.
        """
        from llm.assemble import assemble, check_gguf_header

        choice = parse_model_choice(model) if isinstance(model, str) else model
        backend: Backend
        if isinstance(choice, Endpoint):
            backend = EndpointBackend(choice.base_url, choice.model, n_ctx, concurrency=n_seq)
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
            backend = ModelProcess(path, model_id, plan, n_ctx, prefix_cache_bytes, n_seq)
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

    def forget(self, session: Session) -> None:
        """Drop a closed session (:class:`~llm.session.Host`)."""
        with self._lock:
            self._sessions.discard(session)

    def serve(self, job: Job) -> tuple[Generation, bool]:
        """Answer a job its session admitted (:class:`~llm.session.Host`): cache, else the fair queue and
        the backend. Returns ``(generation, from_cache)``; raises LLMError."""
        with self._lock:
            self._requests += 1
        remaining = job.token_limit
        key = (
            cache_key(self.backend.model_id, job.request)
            if self.cache is not None and job.deterministic
            else None
        )
        if key is not None and self.cache is not None:
            hit = self.cache.get(key)
            if hit is not None and (
                remaining is None or hit.prompt_tokens + hit.completion_tokens <= remaining
            ):
                return hit, True
        self._queue.put(job.lane, job)
        wait = None if job.deadline is None else max(0.0, job.deadline - time.monotonic()) + 0.05
        if not job.done.wait(wait):
            job.finish(error=job.expired())
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
                job.finish(error=job.expired())
                continue
            with self._lock:
                self._inflight += 1
                if self._inflight == 1:
                    self._busy_since = time.monotonic()
            result: Generation | None = None
            error: LLMError | None = None
            try:
                result = self.backend.generate(job.request, job.token_limit, deadline_s)
            except LLMError as err:
                error = err
            except Exception as err:  # a backend bug or a failed restart must not stop the dispatcher
                error = ServiceError(f"LLM backend failed: {err}")
            with self._lock:
                self._inflight -= 1
                if self._inflight == 0:
                    self._busy += time.monotonic() - self._busy_since
                self._model_calls += 1
                if result is not None:
                    self._prompt_tokens += result.prompt_tokens
                    evaluated = result.prompt_evaluated
                    self._prompt_evaluated += result.prompt_tokens if evaluated is None else evaluated
            if not job.finish(result, error) and result is not None:
                job.spent_late(result)  # spent even though the caller gave up

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
                busy_seconds=self._busy + (time.monotonic() - self._busy_since if self._inflight else 0.0),
                uptime_seconds=time.monotonic() - self._started,
                restarts=int(getattr(self.backend, "restarts", 0)),
                load_seconds=float(getattr(self.backend, "load_seconds", 0.0)),
                replayed_seconds=cache.replayed_seconds if cache else 0.0,
                replayed_unknown=cache.replayed_unknown if cache else 0,
                prompt_tokens=self._prompt_tokens,
                prompt_evaluated=self._prompt_evaluated,
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
        until = time.monotonic() + 10  # the requests in flight get 10 s together to finish
        for dispatcher in self._dispatchers:
            dispatcher.join(timeout=max(0.0, until - time.monotonic()))
        self.backend.close()
        if self.cache is not None:
            self.cache.close()

    def __enter__(self) -> Broker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
