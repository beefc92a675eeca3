"""Batched decoding (``llm/engine.py``): a request gets the text ``Llama.create_completion`` gives it, alone or
decoded together with others that join and leave mid-generation; through the broker, several sessions'
calls are decoded together and answered as they would be one by one."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from llm.assemble import assemble
from llm.broker import Broker
from llm.cache import Generation
from llm.devices import Slot
from llm.engine import BatchEngine, Finished, Limits
from llm.loader import load_llama
from llm.models import MODELS, LocalGGUF
from llm.prefix import ALIGN
from llm.wire import GenerateRequest

pytestmark = pytest.mark.slow

PROMPTS = (
    'def fibonacci(n):\n    """Return the n-th Fibonacci number."""\n',
    "# Reverse the words of a sentence, keeping single spaces between them.\ndef reverse_words(s):\n",
    "import re\n\n\ndef is_valid_email(address: str) -> bool:\n    " + "# a valid address has one @ " * 12,
    "class Stack:\n    def __init__(self):\n",
)
# (prompt index, temperature, seed, max_tokens, stop strings)
REQUESTS = (
    (0, 0.0, 0, 40, ()),
    (1, 0.9, 7, 40, ()),
    (2, 0.7, 123, 48, ("\n\n",)),
    (3, 0.0, 0, 5, ()),
    (0, 1.2, 99, 40, ("return",)),
)


@pytest.fixture(scope="module", params=["smollm2-135m", "qwen2.5-coder-0.5b"])
def llm(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A loaded model: the plumbing one, and the default one (the numerics that matter)."""
    where = tmp_path_factory.mktemp("models") if request.param == "smollm2-135m" else None
    holder = load_llama(
        str(assemble(MODELS[request.param], where).path), n_ctx=1024, n_threads=2, n_batch=ALIGN
    )
    yield holder
    holder.close()


def _limits(i: int, deadline: float | None = None) -> Limits:
    _, temperature, seed, max_tokens, stop = REQUESTS[i]
    return Limits(max_tokens, temperature, seed, tuple(s.encode() for s in stop), deadline)


def _tokens(llm: Any, i: int) -> list[int]:
    return list(llm.tokenize(PROMPTS[REQUESTS[i][0]].encode(), add_bos=True, special=True))


def _reference(llm: Any, i: int) -> tuple[str, int, str]:
    """What ``create_completion`` writes for request ``i`` from a cold context."""
    _, temperature, seed, max_tokens, stop = REQUESTS[i]
    llm.reset()
    out: Any = llm.create_completion(
        _tokens(llm, i), max_tokens=max_tokens, temperature=temperature, seed=seed, stop=list(stop)
    )
    choice = out["choices"][0]
    return choice["text"], int(out["usage"]["completion_tokens"]), str(choice["finish_reason"])


def _run(engine: BatchEngine, tag: object, prompt: list[int], limits: Limits) -> Finished:
    """One request to its end, alone on ``engine``."""
    engine.add(tag, prompt, limits)
    while True:
        for done in engine.step():
            if done.tag == tag:
                return done


def _summary(done: Finished) -> tuple[str, int, str]:
    g = done.generation
    return g.text, g.completion_tokens, g.finish_reason


def test_alone_a_request_gets_the_text_create_completion_gives_it(llm: Any) -> None:
    engine = BatchEngine(llm, 1, 1024, 2, prefix_cache_bytes=0)
    try:
        for i in range(len(REQUESTS)):
            done = _run(engine, i, _tokens(llm, i), _limits(i))
            assert _summary(done) == _reference(llm, i), f"request {i}"
            assert done.generation.prompt_tokens == len(_tokens(llm, i))
    finally:
        engine.close()


def test_sequences_that_join_and_leave_mid_generation_write_what_they_write_alone(llm: Any) -> None:
    alone = [_reference(llm, i) for i in range(len(REQUESTS))]
    engine = BatchEngine(llm, 3, 1024, 2)
    ended: dict[int, Finished] = {}
    try:
        order = list(range(len(REQUESTS)))
        steps = 0
        while order or engine.busy:
            # A new request joins every third step while there is room: prompts are evaluated between the
            # other sequences' tokens, and sequences end at different steps (stop strings, lengths).
            if order and engine.free and steps % 3 == 0:
                i = order.pop(0)
                engine.add(i, _tokens(llm, i), _limits(i))
            for done in engine.step():
                assert isinstance(done.tag, int)
                ended[done.tag] = done
            steps += 1
        assert {i: _summary(d) for i, d in ended.items()} == dict(enumerate(alone))
        # Asked again, the first request finds its aligned prompt prefix kept and writes the same text.
        again = _run(engine, "again", _tokens(llm, 2), _limits(2))
        assert _summary(again) == alone[2]
        reused = again.generation
        assert reused.prompt_evaluated is not None and reused.prompt_evaluated < reused.prompt_tokens > ALIGN
    finally:
        engine.close()


def test_a_sequence_past_its_deadline_ends_and_the_others_are_unaffected(llm: Any) -> None:
    engine = BatchEngine(llm, 2, 1024, 2)
    try:
        engine.add("late", _tokens(llm, 1), _limits(1, deadline=time.monotonic() - 1))
        engine.add("on time", _tokens(llm, 0), _limits(0))
        ended = {}
        while engine.busy:
            ended.update({d.tag: d for d in engine.step()})
        assert ended["late"].generation.finish_reason == "deadline"
        assert _summary(ended["on time"]) == _reference(llm, 0)
        with pytest.raises(ValueError, match="out of range"):
            engine.add("empty", [], _limits(0))
        engine.add("a", _tokens(llm, 0), _limits(0))
        engine.add("b", _tokens(llm, 1), _limits(1))
        with pytest.raises(RuntimeError, match="all 2 sequences are busy"):
            engine.add("c", _tokens(llm, 2), _limits(2))
    finally:
        engine.close()


@pytest.fixture(scope="module")
def smol(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return assemble(MODELS["smollm2-135m"], tmp_path_factory.mktemp("smol")).path


def test_the_broker_decodes_sessions_together_and_answers_each_as_alone(smol: Path) -> None:
    asks = [(f"Write a Python function number {k} that adds two numbers.", 0.8, k) for k in range(4)]
    with Broker.start(LocalGGUF(smol), slot=Slot.cpu(2), n_ctx=1024) as single:
        llm = single.open_session("one").channel()
        expected = [llm.complete(p, max_tokens=32, temperature=t, seed=s) for p, t, s in asks]
    answers: dict[int, str] = {}
    with Broker.start(LocalGGUF(smol), slot=Slot.cpu(2), n_ctx=1024, n_seq=4) as batched:
        model_seconds: list[float] = []  # each call's time inside the model process, admission to reply
        generate = batched.backend.generate

        def timed(request: GenerateRequest, token_limit: int | None, deadline_s: float | None) -> Generation:
            generation = generate(request, token_limit, deadline_s)
            model_seconds.append(generation.seconds)
            return generation

        batched.backend.generate = timed  # type: ignore[method-assign]

        def ask(k: int) -> None:
            p, t, s = asks[k]
            answers[k] = (
                batched.open_session(f"s{k}").channel().complete(p, max_tokens=32, temperature=t, seed=s)
            )

        threads = [threading.Thread(target=ask, args=(k,)) for k in range(len(asks))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        stats = batched.stats()
    assert [answers.get(k) for k in range(len(asks))] == expected
    assert stats.model_calls == len(asks) and stats.restarts == 0
    # Decoded together, the calls' model times overlap: they add up to well over the time the model was busy
    # (one at a time, they would add up to at most that).
    assert sum(model_seconds) > 1.5 * stats.busy_seconds
