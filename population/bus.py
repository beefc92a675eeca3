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
