"""Completion cache: deterministic requests answered before are answered again without the model.

A request is cacheable when it is deterministic (``temperature == 0`` or an explicit seed). The key is the
sha256 of the model's identity and the canonical JSON of the request; with ``temperature == 0`` the seed is
left out of the key because greedy decoding ignores it. Entries live in one SQLite file (e.g.
``<run_dir>/cache/llm.sqlite``) and survive restarts. Each entry keeps the seconds the model took to generate
it, so a benchmark replayed from the cache can still say what its calls cost. Thread-safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from llm.wire import GenerateRequest


@dataclass(frozen=True, slots=True)
class Generation:
    """What one model call produced.

    Attributes:
        text: the generated text (stop sequence excluded).
        prompt_tokens: tokens of the prompt as the model saw it (chat template applied).
        completion_tokens: tokens generated.
        finish_reason: ``"stop"``, ``"length"`` or ``"deadline"``.
        seconds: seconds of wall clock the model spent on it (0 for a cache hit).
        prompt_evaluated: prompt tokens the model actually evaluated (the rest was a reused prefix); None
            when the backend does not say (an endpoint) or for a cache hit. Not stored in the cache.
    """

    text: str
    prompt_tokens: int
    completion_tokens: int
    finish_reason: str
    seconds: float = 0.0
    prompt_evaluated: int | None = None


@dataclass(frozen=True, slots=True)
class CacheStats:
    """Counters since the cache was opened."""

    hits: int
    misses: int
    entries: int
    replayed_seconds: float = 0.0  # what the hits cost the model when they were first generated
    replayed_unknown: int = 0  # hits stored before generation times were kept (counted as 0 s above)


def cache_key(model_id: str, request: GenerateRequest) -> str | None:
    """The cache key of ``request`` on ``model_id``, or None when the request is not deterministic."""
    if not request.deterministic:
        return None
    body = request.to_json()
    if request.temperature == 0.0:
        body["seed"] = None
    canonical = json.dumps([model_id, body], sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class CompletionCache:
    """SQLite-backed map from :func:`cache_key` to :class:`Generation`. Idempotent ``put``."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS completions (key TEXT PRIMARY KEY, text TEXT NOT NULL,"
            " prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL,"
            " finish_reason TEXT NOT NULL, seconds REAL)"
        )
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(completions)")}
        if "seconds" not in columns:  # a cache from before generation times were kept: NULL for old entries
            with contextlib.suppress(sqlite3.OperationalError):  # another process added it first
                self._db.execute("ALTER TABLE completions ADD COLUMN seconds REAL")
        self._hits = 0
        self._misses = 0
        self._replayed_seconds = 0.0
        self._replayed_unknown = 0

    def get(self, key: str) -> Generation | None:
        """The stored generation for ``key`` (counted as a hit) or None (counted as a miss)."""
        with self._lock:
            row = self._db.execute(
                "SELECT text, prompt_tokens, completion_tokens, finish_reason, seconds FROM completions"
                " WHERE key = ?",
                (key,),
            ).fetchone()
            if row is None:
                self._misses += 1
                return None
            self._hits += 1
            if row[4] is None:
                self._replayed_unknown += 1
            else:
                self._replayed_seconds += float(row[4])
        return Generation(row[0], row[1], row[2], row[3], 0.0)

    def put(self, key: str, generation: Generation) -> None:
        """Store ``generation`` under ``key``; a second put of the same key keeps the first."""
        with self._lock:
            self._db.execute(
                "INSERT OR IGNORE INTO completions"
                " (key, text, prompt_tokens, completion_tokens, finish_reason, seconds) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    key,
                    generation.text,
                    generation.prompt_tokens,
                    generation.completion_tokens,
                    generation.finish_reason,
                    generation.seconds,
                ),
            )

    def stats(self) -> CacheStats:
        """Hit/miss counters and the number of stored entries."""
        with self._lock:
            (entries,) = self._db.execute("SELECT COUNT(*) FROM completions").fetchone()
            return CacheStats(
                self._hits, self._misses, int(entries), self._replayed_seconds, self._replayed_unknown
            )

    def close(self) -> None:
        """Close the database. Idempotent."""
        with self._lock:
            self._db.close()
