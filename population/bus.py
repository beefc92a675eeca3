"""Typed helpers over the redis-py stream calls the population makes (redis-py's own types are too loose)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import redis

Entry = tuple[bytes, dict[bytes, bytes]]


def read_one(client: redis.Redis, stream: str, group: str, consumer: str, block_ms: int) -> list[Entry]:
    """At most one new entry for ``consumer`` of ``group`` (``XREADGROUP … COUNT 1 BLOCK``)."""
    reply: Any = client.xreadgroup(group, consumer, {stream: ">"}, count=1, block=block_ms)
    return [(entry_id, fields) for _, entries in reply or [] for entry_id, fields in entries]


def add(client: Any, stream: str, fields: Mapping[str, str], maxlen: int | None = None) -> None:
    """``XADD`` (optionally capped, approximately) on ``client`` (a client or a pipeline)."""
    client.xadd(stream, dict(fields), maxlen=maxlen, approximate=maxlen is not None)


def set_hash(client: redis.Redis, key: str, mapping: Mapping[str, Any]) -> None:
    """``HSET`` every field of ``mapping`` (values as strings)."""
    data: Any = {k: str(v) for k, v in mapping.items()}
    client.hset(key, mapping=data)


def read_now(
    client: redis.Redis, stream: str, group: str, consumer: str, start: str, count: int
) -> list[Entry]:
    """Up to ``count`` entries for ``consumer`` without waiting: its own pending ones (``start="0"``) or new
    ones (``start=">"``)."""
    reply: Any = client.xreadgroup(group, consumer, {stream: start}, count=count)
    return [(entry_id, fields) for _, entries in reply or [] for entry_id, fields in entries if fields]


def autoclaim(client: redis.Redis, stream: str, group: str, consumer: str, idle_ms: int) -> list[Entry]:
    """At most one entry of ``group`` idle for ``idle_ms`` or more, now ``consumer``'s (``XAUTOCLAIM … COUNT
    1``); entries deleted from the stream meanwhile are skipped."""
    reply: Any = client.xautoclaim(stream, group, consumer, idle_ms, start_id="0-0", count=1)
    claimed = reply[1] if reply and len(reply) > 1 else []
    return [(entry_id, fields) for entry_id, fields in claimed if fields]


def owner(client: redis.Redis, stream: str, group: str, entry_id: bytes) -> str | None:
    """The consumer an entry of ``group`` is pending with (None once it is acknowledged)."""
    reply: Any = client.xpending_range(stream, group, min=entry_id, max=entry_id, count=1)
    if not reply:
        return None
    name = reply[0]["consumer"]
    return name.decode() if isinstance(name, bytes) else str(name)


def deliveries(client: redis.Redis, stream: str, group: str, entry_id: bytes) -> int:
    """How many times an entry of ``group`` has been delivered (0 once it is acknowledged)."""
    reply: Any = client.xpending_range(stream, group, min=entry_id, max=entry_id, count=1)
    return int(reply[0]["times_delivered"]) if reply else 0


def redeliver(client: redis.Redis, stream: str, group: str, consumer: str, entry_id: bytes) -> list[Entry]:
    """Deliver an entry ``consumer`` holds to it once more (``XCLAIM … 0``, which counts a delivery): a retry
    that the delivery count sees. Empty when the entry is gone."""
    reply: Any = client.xclaim(stream, group, consumer, 0, [entry_id])
    return [(entry_id_, fields) for entry_id_, fields in reply or [] if fields]


def touch(client: redis.Redis, stream: str, group: str, consumer: str, entry_id: bytes) -> None:
    """Reset the idle time of an entry ``consumer`` holds (``XCLAIM … 0 … JUSTID``): it is still running."""
    client.xclaim(stream, group, consumer, 0, [entry_id], justid=True)


def trim_done(client: redis.Redis, stream: str, group: str) -> int:
    """Delete the entries of ``stream`` that ``group`` is done with: those before its oldest pending entry, or,
    when nothing is pending, before the last one it was delivered (kept: ``XTRIM … MINID`` is exclusive).
    Entries not yet delivered and entries still pending stay, so no job or result is lost and a reclaim still
    finds what it claims. Returns how many were deleted; 0 when the stream or group does not exist."""
    try:
        pending: Any = client.xpending(stream, group)
        if pending["pending"]:
            floor = pending["min"]
        else:
            groups: Any = client.xinfo_groups(stream)
            mine = [g for g in groups if _text(g["name"]) == group]
            if not mine:
                return 0
            floor = mine[0]["last-delivered-id"]
    except redis.exceptions.ResponseError:  # no such stream or group
        return 0
    floor = _text(floor)
    if floor == "0-0":
        return 0
    deleted: Any = client.xtrim(stream, minid=floor, approximate=False)
    return int(deleted)


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
