"""Prompt-prefix reuse: the bounded store and its alignment rule (pure), then the real model process reusing
a shared prompt prefix without changing a single generated token."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from llm.assemble import assemble
from llm.broker import Broker
from llm.devices import Slot
from llm.models import MODELS, LocalGGUF
from llm.prefix import ALIGN, PrefixStore, common_prefix, reusable


def test_reuse_is_aligned_down_and_leaves_one_token_to_evaluate() -> None:
    assert common_prefix([1, 2, 3], [1, 2, 4, 5]) == 2
    assert common_prefix([], [1]) == 0
    assert reusable(ALIGN - 1, 1000) == 0
    assert reusable(ALIGN, 1000) == ALIGN
    assert reusable(3 * ALIGN + 5, 1000) == 3 * ALIGN
    # The whole prompt in common: the last token is still evaluated (its logits start the sampling).
    assert reusable(2 * ALIGN, 2 * ALIGN) == ALIGN
    assert reusable(2 * ALIGN, 2 * ALIGN + 1) == 2 * ALIGN


def test_the_store_finds_the_longest_reusable_prefix() -> None:
    store = PrefixStore(10_000)
    system = list(range(ALIGN))
    a = [*system, *range(1000, 1000 + ALIGN)]
    b = [*system, *range(2000, 2000 + ALIGN)]
    assert store.put(a, b"a" * 100) and store.put(system[:ALIGN], b"s" * 10)
    stored, n = store.best([*a, 7, 8, 9])
    assert stored is not None and stored.tokens == tuple(a) and stored.state == b"a" * 100 and n == 2 * ALIGN
    stored, n = store.best([*b, 1])  # shares only the system prompt with a
    assert stored is not None and n == ALIGN
    assert store.best([5, 6, 7]) == (None, 0)


def test_the_store_stays_within_its_capacity_least_recently_used_first() -> None:
    store = PrefixStore(250)
    keys = [[k] * ALIGN for k in range(4)]
    for k in keys[:2]:
        store.put(k, b"x" * 100)
    store.best([*keys[0], 1])  # keys[0] is now the most recently used
    store.put(keys[2], b"x" * 100)  # 300 bytes > 250: the least recently used (keys[1]) goes
    assert store.holds(keys[0]) and not store.holds(keys[1]) and store.holds(keys[2]) and len(store) == 2
    assert not store.put(keys[3], b"x" * 251)  # larger than the whole store: not kept
    assert not store.holds(keys[3]) and len(store) == 2


def test_a_longer_prefix_replaces_the_shorter_one_it_extends() -> None:
    store = PrefixStore(10_000)
    store.put([1] * ALIGN, b"short")
    store.put([1] * (2 * ALIGN), b"long")
    assert len(store) == 1 and store.holds([1] * (2 * ALIGN))


def test_bad_keys_and_capacities_are_refused() -> None:
    with pytest.raises(ValueError, match="multiple of"):
        PrefixStore().put([1, 2, 3], b"x")
    with pytest.raises(ValueError, match="capacity_bytes is -1"):
        PrefixStore(-1)


# ----------------------------------------------------------------- the real model process
SYSTEM = (
    "You are a careful Python programmer. Answer with one Python code block and nothing else. Use only the"
    " standard library, keep functions short, name things clearly and handle the empty input. " * 6
)


def _ask(task: str) -> list[dict[str, str]]:
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": task}]


DETAILS = " Give it a docstring with one example, type hints, and no print statements or input calls." * 4
TASK_A = "Write `def total(xs: list[int]) -> int` returning the sum of xs." + DETAILS
TASK_B = "Write `def longest(words: list[str]) -> str` returning the longest word." + DETAILS


@pytest.fixture(scope="module")
def smol(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return assemble(MODELS["smollm2-135m"], tmp_path_factory.mktemp("models")).path


@pytest.fixture
def cold(smol: Path) -> Iterator[Broker]:
    """A broker without a completion cache: every call reaches the model."""
    with Broker.start(LocalGGUF(smol), slot=Slot.cpu(1), n_ctx=1024) as broker:
        yield broker


@pytest.fixture(params=["smollm2-135m", "qwen2.5-coder-0.5b"])
def model(request: pytest.FixtureRequest, smol: Path) -> Path:
    """The plumbing model, and the default model (another quantisation: the numerics that matter)."""
    return smol if request.param == "smollm2-135m" else assemble(MODELS[request.param]).path


@pytest.mark.slow
def test_a_shared_prefix_is_not_evaluated_again_and_changes_no_text(model: Path) -> None:
    with Broker.start(LocalGGUF(model), slot=Slot.cpu(2), n_ctx=1024) as cold:
        _shared_prefix_case(model, cold)


def _shared_prefix_case(model: Path, cold: Broker) -> None:
    llm = cold.open_session("prefix").channel()
    greedy_a = llm.chat(_ask(TASK_A), max_tokens=24)
    first = cold.stats()
    assert first.prompt_evaluated == first.prompt_tokens > 2 * ALIGN  # nothing to reuse yet
    n_prompt = llm.last_prompt_tokens
    sampled_b = llm.chat(_ask(TASK_B), max_tokens=24, temperature=0.9, seed=7)
    second = cold.stats()
    evaluated_b = second.prompt_evaluated - first.prompt_evaluated
    assert (
        evaluated_b <= (second.prompt_tokens - first.prompt_tokens) - 2 * ALIGN
    )  # the system prompt: reused
    # The same request again, now with its prefix in the store: the same text, a fraction of the work.
    assert llm.chat(_ask(TASK_A), max_tokens=24) == greedy_a
    third = cold.stats()
    assert third.prompt_evaluated - second.prompt_evaluated <= ALIGN < n_prompt
    assert llm.chat(_ask(TASK_B), max_tokens=24, temperature=0.9, seed=7) == sampled_b
    # And the same as a model process that has seen nothing (cold: every prompt token evaluated).
    with Broker.start(LocalGGUF(model), slot=Slot.cpu(2), n_ctx=1024) as fresh:
        other = fresh.open_session("fresh").channel()
        assert other.chat(_ask(TASK_B), max_tokens=24, temperature=0.9, seed=7) == sampled_b
        assert other.chat(_ask(TASK_A), max_tokens=24) == greedy_a


@pytest.mark.slow
def test_a_store_too_small_for_any_prefix_still_answers_the_same(smol: Path, cold: Broker) -> None:
    reference = cold.open_session("ref").channel()
    texts = [reference.chat(_ask(t), max_tokens=16) for t in (TASK_A, TASK_B, TASK_A)]
    with Broker.start(LocalGGUF(smol), slot=Slot.cpu(1), n_ctx=1024, prefix_cache_bytes=0) as tiny:
        llm = tiny.open_session("tiny").channel()
        assert [llm.chat(_ask(t), max_tokens=16) for t in (TASK_A, TASK_B, TASK_A)] == texts
        stats = tiny.stats()
    # Without a store only the live cells (the last prompt's) are reused: the second A shares just the
    # system prompt with B, where the store gave back all of A's aligned prefix.
    assert stats.prompt_tokens == cold.stats().prompt_tokens
    assert stats.prompt_evaluated > cold.stats().prompt_evaluated
