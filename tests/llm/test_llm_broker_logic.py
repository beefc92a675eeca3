"""Broker logic (budgets, deadlines, cache, fairness, bad input) against a scripted backend.

The scripted backend stands in for the model only where the behaviour under test is the broker's own; the
same behaviours are exercised against the real SmolLM2 model in ``test_llm_smol.py``.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from pathlib import Path

import pytest

from llm.broker import Broker, Usage
from llm.cache import CompletionCache, Generation
from llm.channel import LLMChannel
from llm.errors import BadRequest, BudgetExhausted, DeadlineExceeded, LLMError, ServiceError
from llm.wire import GenerateRequest


class ScriptedBackend:
    """Echoes the prompt; each call costs 10 prompt tokens and ``max_tokens`` completion tokens."""

    model_id = "scripted"
    n_ctx = 1000
    device = "cpu"
    concurrency = 1

    def __init__(self, delay_s: float = 0.0) -> None:
        self.calls: list[GenerateRequest] = []
        self.delay_s = delay_s
        self.gate = threading.Event()
        self.gate.set()
        self.entered = threading.Event()

    def generate(
        self, request: GenerateRequest, token_limit: int | None, deadline_s: float | None
    ) -> Generation:
        self.entered.set()
        self.gate.wait()
        self.calls.append(request)
        time.sleep(self.delay_s)
        n = request.max_tokens if token_limit is None else min(request.max_tokens, token_limit - 10)
        text = request.prompt or request.messages[-1].content
        return Generation(f"{text}|{request.seed}", 10, n, "length", self.delay_s)

    def close(self) -> None:
        pass


@pytest.fixture
def broker(tmp_path: Path) -> object:
    b = Broker(ScriptedBackend(), CompletionCache(tmp_path / "llm.sqlite"))
    yield b
    b.close()


def test_calls_are_answered_and_accounted(broker: Broker) -> None:
    session = broker.open_session("seed-a")
    llm = session.channel()
    assert llm.complete("hello", max_tokens=5) == "hello|None"
    assert llm.chat([{"role": "user", "content": "hi"}], max_tokens=3) == "hi|None"
    assert session.usage() == Usage(2, 20, 8, session.usage().seconds, 0)
    session.close()


def test_cache_hit_returns_same_text_without_the_backend(broker: Broker) -> None:
    backend = broker.backend
    assert isinstance(backend, ScriptedBackend)
    llm = broker.open_session("a").channel()
    first = llm.complete("p", max_tokens=4)
    again = broker.open_session("b")
    assert again.channel().complete("p", max_tokens=4) == first
    assert len(backend.calls) == 1
    assert again.usage().cache_hits == 1 and again.usage().tokens == 14  # accounted like the original call
    stats = broker.stats()
    assert (stats.cache_hits, stats.cache_misses) == (1, 1)


def test_sampling_without_seed_is_not_cached(broker: Broker) -> None:
    llm = broker.open_session("a").channel()
    llm.complete("p", temperature=0.8, max_tokens=4)
    llm.complete("p", temperature=0.8, max_tokens=4)
    assert broker.stats().cache_hits == 0


def test_session_rng_seed_derives_reproducible_seeds(broker: Broker) -> None:
    texts = []
    for _ in range(2):
        llm = broker.open_session("seed-x", rng_seed=42).channel()
        texts.append([llm.complete("p", temperature=0.8, max_tokens=2) for _ in range(2)])
    assert texts[0] == texts[1]
    assert texts[0][0] != texts[0][1]


def test_budget_is_enforced_on_the_trusted_side(broker: Broker) -> None:
    session = broker.open_session("a", token_budget=40)
    llm = session.channel()
    llm.complete("p1", max_tokens=15)  # 25 tokens
    llm.complete("p2", max_tokens=50)  # clamped: 10 prompt + 5 completion
    assert session.usage().tokens == 40
    with pytest.raises(BudgetExhausted, match="budget of 40 for 'a' is spent"):
        llm.complete("p3", max_tokens=1)
    other = broker.open_session("b", token_budget=100).channel()
    assert other.complete("fine", max_tokens=1) == "fine|None"  # the service is unharmed


def test_deadline_fails_calls_after_it(broker: Broker) -> None:
    llm = broker.open_session("late", deadline_s=0.05).channel()
    time.sleep(0.1)
    with pytest.raises(DeadlineExceeded, match=r"deadline of 0\.05 s for 'late'"):
        llm.complete("p")


def test_deadline_while_queued_behind_a_slow_call(tmp_path: Path) -> None:
    backend = ScriptedBackend()
    backend.gate.clear()  # hold the backend busy
    with Broker(backend) as b:
        blocker = b.open_session("blocker").channel()
        t = threading.Thread(target=lambda: blocker.complete("x"))
        t.start()
        assert backend.entered.wait(10)  # the blocker holds the backend before the waiter queues
        llm = b.open_session("waiter", deadline_s=0.2).channel()
        with pytest.raises(DeadlineExceeded):
            llm.complete("y")
        backend.gate.set()
        t.join(timeout=5)
        assert [c.prompt for c in backend.calls] == ["x"]  # the expired job never reached the backend


def test_malformed_requests_get_errors_and_the_session_survives(broker: Broker) -> None:
    session = broker.open_session("rude")
    llm = session.channel()
    with pytest.raises(BadRequest, match="max_tokens"):
        llm.complete("x", max_tokens=-3)
    with pytest.raises(BadRequest, match="role"):
        llm.chat([{"role": "wizard", "content": "x"}])
    with pytest.raises(BadRequest, match="JSON-serialisable"):
        llm.complete("x", stop=[object()])  # type: ignore[list-item]
    assert llm.complete("ok", max_tokens=1) == "ok|None"


def test_broken_frame_stream_closes_only_that_session(broker: Broker) -> None:
    session = broker.open_session("garbage")
    raw = socket.socket(fileno=session.channel()._sock.detach())
    raw.sendall(struct.pack(">I", 1 << 30))
    raw.settimeout(5)
    assert b"bad_request" in raw.recv(4096)
    with LLMChannel(raw) as dead, pytest.raises(ServiceError):
        dead.complete("more")
    assert broker.open_session("fine").channel().complete("still up", max_tokens=1) == "still up|None"


def test_many_sessions_are_served_round_robin() -> None:
    backend = ScriptedBackend(delay_s=0.002)
    with Broker(backend) as b:
        chans = [b.open_session(f"s{i}").channel() for i in range(4)]
        errors: list[LLMError] = []

        def client(i: int) -> None:
            for k in range(5):
                try:
                    chans[i].complete(f"{i}-{k}", max_tokens=1)
                except LLMError as err:
                    errors.append(err)

        threads = [threading.Thread(target=client, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert not errors and len(backend.calls) == 20
        # While all four are waiting, no session gets two turns before another waiting one gets one.
        firsts = [c.prompt.split("-")[0] for c in backend.calls]
        for i in range(4):
            assert firsts.count(str(i)) == 5
