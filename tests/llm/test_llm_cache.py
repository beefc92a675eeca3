"""The completion cache: which requests are cacheable, persistence, counters."""

from __future__ import annotations

from pathlib import Path

from fitness.llm.cache import CompletionCache, Generation, cache_key
from fitness.llm.wire import CallKind, GenerateRequest


def _req(temperature: float = 0.0, seed: int | None = None, prompt: str = "x") -> GenerateRequest:
    return GenerateRequest(CallKind.COMPLETE, prompt, (), seed, temperature, 16, ())


def test_only_deterministic_requests_have_keys() -> None:
    assert cache_key("m", _req(0.0)) is not None
    assert cache_key("m", _req(0.7, seed=3)) is not None
    assert cache_key("m", _req(0.7, seed=None)) is None


def test_key_depends_on_model_and_request_but_not_on_seed_when_greedy() -> None:
    assert cache_key("m", _req(0.0, seed=1)) == cache_key("m", _req(0.0, seed=2))
    assert cache_key("m", _req(0.7, seed=1)) != cache_key("m", _req(0.7, seed=2))
    assert cache_key("m", _req()) != cache_key("n", _req())
    assert cache_key("m", _req(prompt="a")) != cache_key("m", _req(prompt="b"))


def test_cache_survives_reopen_and_counts(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "llm.sqlite"
    gen = Generation("def f(): pass", 5, 4, "stop", 0.3)
    cache = CompletionCache(path)
    assert cache.get("k") is None
    cache.put("k", gen)
    cache.put("k", Generation("other", 1, 1, "stop"))  # idempotent: the first entry stays
    cache.close()
    reopened = CompletionCache(path)
    hit = reopened.get("k")
    assert hit == Generation("def f(): pass", 5, 4, "stop", 0.0)
    stats = reopened.stats()
    assert (stats.hits, stats.misses, stats.entries) == (1, 0, 1)
    reopened.close()
