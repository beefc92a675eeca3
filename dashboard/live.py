"""Live updates: the run's Redis ``events`` stream when it is reachable, and samples of ``status.json``.

How a change reaches the page: every page has a ``dcc.Interval`` (:data:`TICK_MS`). Each tick asks
:meth:`Live.token` for a token made of the index version, the status file's mtime and the number of events
received; figures recompute only when it changed (and their queries are cached per index version). The event
follower is a daemon thread blocked on ``XREAD`` (read-only: no consumer group, nothing acknowledged), so an
event is in memory at once and on the page at the next tick; without Redis (a finished run, or a run on a
machine whose socket we cannot reach) the index and status file are polled at the same tick.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections import deque
from typing import Any

from dashboard.source import RunSource

TICK_MS = 2000
KEEP_EVENTS = 50
KEEP_SAMPLES = 2000


class Live:
    """Status samples and Redis events of one run."""

    def __init__(self, source: RunSource) -> None:
        self.source = source
        self.samples: deque[dict[str, float]] = deque(maxlen=KEEP_SAMPLES)
        self.events: deque[dict[str, Any]] = deque(maxlen=KEEP_EVENTS)
        self.received = 0
        self.redis_state = "not tried"
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._last_mtime = 0.0

    def start(self) -> None:
        with self._lock:
            if self._thread is not None:
                return
            info = self.source.info()
            url = info.redis
            if not url or not info.run_key:
                self.redis_state = "no Redis recorded for this run: polling"
                return
            if url.startswith("unix://") and not os.path.exists(url.removeprefix("unix://")):
                self.redis_state = "the run's Redis is not running: polling"
                return
            self._thread = threading.Thread(target=self._follow, args=(url, info.run_key), daemon=True)
            self._thread.start()

    def _follow(self, url: str, run_key: str) -> None:
        import redis

        stream = f"seedpop:{run_key}:events"  # population/keys.py: events(run)
        last = "$"
        while True:
            try:
                client = redis.Redis.from_url(url, socket_timeout=10)
                client.ping()
                self.redis_state = "following the run's Redis events"
                while True:
                    reply: Any = client.xread({stream: last}, count=200, block=5000)
                    for _name, entries in reply or []:
                        for entry_id, fields in entries:
                            last = entry_id
                            self._event(fields)
            except Exception as err:  # the run ended, or Redis went away: poll, and retry now and then
                self.redis_state = f"Redis unreachable ({type(err).__name__}): polling"
                time.sleep(10.0)

    def _event(self, fields: dict[bytes, bytes]) -> None:
        try:
            data = json.loads(fields.get(b"data", b"{}"))
        except ValueError:
            data = {}
        self.events.appendleft({"kind": fields.get(b"kind", b"?").decode(), "at": time.time(), **data})
        self.received += 1

    def sample(self) -> dict[str, Any]:
        """Read ``status.json`` and keep a sample when it changed; returns the status."""
        path = os.path.join(self.source.run_dir, "status.json")
        try:
            mtime = os.stat(path).st_mtime
        except OSError:
            return {}
        status = self.source.status()
        if mtime != self._last_mtime and status:
            self._last_mtime = mtime
            self.samples.append(flatten(status))
        return status

    def token(self) -> str:
        """Changes whenever something the pages show may have changed."""
        self.sample()
        return f"{self.source.version()}:{self._last_mtime}:{self.received}"


def flatten(status: dict[str, Any]) -> dict[str, float]:
    """The numbers a live chart plots, from one ``status.json`` (missing keys are left out). Pure."""
    c = status.get("counters") or {}
    elapsed = float(status.get("elapsed_s") or 0.0)
    out: dict[str, float] = {"elapsed_s": elapsed}
    for key in ("evaluations", "novelty_rejects", "rediscoveries", "invalid", "tokens"):
        if isinstance(c.get(key), int | float):
            out[key] = float(c[key])
    if elapsed > 0 and "tokens" in out:
        out["tokens_per_s"] = out["tokens"] / elapsed
    llm = status.get("llm") or {}
    if isinstance(llm.get("busy_fraction"), int | float):
        out["llm_busy"] = float(llm["busy_fraction"])
    for key in ("queued", "in_flight", "loops"):
        if isinstance(status.get(key), int | float):
            out[key] = float(status[key])
    if "in_flight" in out and out.get("loops"):
        out["worker_use"] = min(1.0, out["in_flight"] / out["loops"])
    return out
