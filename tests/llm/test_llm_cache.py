"""The completion cache: which requests are cacheable, persistence, counters."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from llm.cache import CompletionCache, Generation, cache_key
from llm.wire import CallKind, GenerateRequest


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


def test_hits_report_what_they_first_cost_and_old_caches_are_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "llm.sqlite"
    old = sqlite3.connect(path)  # the layout before generation times were kept
    old.execute(
        "CREATE TABLE completions (key TEXT PRIMARY KEY, text TEXT NOT NULL, prompt_tokens INTEGER NOT NULL,"
        " completion_tokens INTEGER NOT NULL, finish_reason TEXT NOT NULL)"
    )
    old.execute("INSERT INTO completions VALUES ('old', 'x = 1', 3, 2, 'stop')")
    old.commit()
    old.close()
    cache = CompletionCache(path)
    cache.put("new", Generation("y = 2", 4, 3, "length", 1.25))
    assert cache.get("old") == Generation("x = 1", 3, 2, "stop", 0.0)
    assert cache.get("new") == Generation("y = 2", 4, 3, "length", 0.0)  # this call took no model time
    assert cache.get("new") is not None
    stats = cache.stats()
    assert (stats.hits, stats.entries, stats.replayed_unknown) == (3, 2, 1)
    assert stats.replayed_seconds == 2.5
    cache.close()
