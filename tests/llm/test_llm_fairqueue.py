"""The fair queue serves lanes round-robin."""

from __future__ import annotations

import threading

from llm.fairqueue import FairQueue


def test_round_robin_across_lanes_fifo_within() -> None:
    q: FairQueue[str] = FairQueue()
    for i in range(4):
        q.put("greedy", f"g{i}")
    q.put("polite", "p0")
    q.put("other", "o0")
    q.put("polite", "p1")
    order = [q.get() for _ in range(len(q))]
    assert order == ["g0", "p0", "o0", "g1", "p1", "g2", "g3"]


def test_close_wakes_a_blocked_getter() -> None:
    q: FairQueue[int] = FairQueue()
    got: list[int | None] = []
    t = threading.Thread(target=lambda: got.append(q.get()))
    t.start()
    q.close()
    t.join(timeout=5)
    assert got == [None]
