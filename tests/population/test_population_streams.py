"""Trimming the jobs and results streams against the real embedded Redis: only entries the group is done with
go; pending and undelivered ones stay, so no job or result is lost."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis

from population import bus
from population.redis_server import EmbeddedRedis, connect

pytestmark = pytest.mark.slow  # a real redis-server


@pytest.fixture
def client(tmp_path: Path) -> Iterator[redis.Redis]:
    server = EmbeddedRedis.start(tmp_path / "redis")
    try:
        yield connect(server.url)
    finally:
        server.stop()


def _ids(client: redis.Redis) -> list[bytes]:
    entries: Any = client.xrange("s")
    return [entry_id for entry_id, _ in entries]


def test_trimming_keeps_pending_and_undelivered_entries(client: redis.Redis) -> None:
    client.xgroup_create("s", "g", id="0", mkstream=True)
    ids = [client.xadd("s", {"n": str(n)}) for n in range(5)]
    delivered = [bus.read_one(client, "s", "g", "c", 100)[0][0] for _ in range(3)]
    assert delivered == ids[:3]
    client.xack("s", "g", ids[0], ids[1])
    assert bus.trim_done(client, "s", "g") == 2  # before the oldest pending entry (the third)
    assert _ids(client) == ids[2:]
    client.xack("s", "g", ids[2])
    assert bus.trim_done(client, "s", "g") == 0  # the last delivered entry stays (MINID is exclusive)
    assert _ids(client) == ids[2:]  # the two never delivered are still there
    assert [e[0] for e in bus.read_now(client, "s", "g", "c", ">", 10)] == ids[3:]


def test_trimming_a_stream_or_group_that_does_not_exist_does_nothing(client: redis.Redis) -> None:
    assert bus.trim_done(client, "missing", "g") == 0
    client.xadd("s", {"n": "0"})
    assert bus.trim_done(client, "s", "nogroup") == 0
    assert client.xlen("s") == 1


def test_the_events_stream_stays_capped_and_the_dashboard_keeps_following_it(client: redis.Redis) -> None:
    import time

    from dashboard.live import Live
    from dashboard.source import RunInfo
    from population import keys
    from population.manager import publish_event

    url = client.connection_pool.connection_kwargs["path"]

    class Source:  # what Live.start reads of a run directory
        run_dir = ""

        def info(self) -> RunInfo:
            return RunInfo("r", "", "running", f"unix://{url}", "r", {})

    live = Live(Source())  # type: ignore[arg-type]
    live.start()
    deadline = time.monotonic() + 30
    while live.redis_state != "following the run's Redis events" and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # its first XREAD ("$": new entries only) is under way
    cap, sent = keys.EVENTS_MAXLEN, 0
    for _ in range(7):  # half the cap a round, read before the next: together 3.5 times the cap
        for _ in range(cap // 2):
            publish_event(client, "r", "seed", {"n": sent})
            sent += 1
        while live.received < sent and time.monotonic() < deadline:
            time.sleep(0.05)
        assert client.xlen(keys.events("r")) <= cap + 100  # MAXLEN ~: Redis drops whole nodes of 100
    assert client.xlen(keys.events("r")) >= cap
    assert live.received == sent and live.events[0]["n"] == sent - 1  # every event, the newest first
