"""A blocking queue that serves its producers round-robin.

Each item belongs to a lane (a session). :meth:`FairQueue.get` takes the oldest item of the next lane in
rotation, so a session that floods the queue cannot starve the others. Thread-safe.
"""

from __future__ import annotations

import threading
from collections import deque
from typing import Generic, TypeVar

T = TypeVar("T")


class FairQueue(Generic[T]):
    """Round-robin over lanes, FIFO within a lane. ``close()`` wakes every waiter with None."""

    def __init__(self) -> None:
        self._lanes: dict[str, deque[T]] = {}
        self._order: deque[str] = deque()
        self._cond = threading.Condition()
        self._closed = False

    def put(self, lane: str, item: T) -> None:
        """Append ``item`` to ``lane``."""
        with self._cond:
            if lane not in self._lanes:
                self._lanes[lane] = deque()
                self._order.append(lane)
            self._lanes[lane].append(item)
            self._cond.notify()

    def get(self) -> T | None:
        """The next item in round-robin order; blocks while empty; None once closed."""
        with self._cond:
            while not self._order and not self._closed:
                self._cond.wait()
            if self._closed:
                return None
            lane = self._order.popleft()
            items = self._lanes[lane]
            item = items.popleft()
            if items:
                self._order.append(lane)
            else:
                del self._lanes[lane]
            return item

    def __len__(self) -> int:
        with self._cond:
            return sum(len(items) for items in self._lanes.values())

    def close(self) -> None:
        """Wake all waiters; later ``get`` calls return None. Idempotent."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
