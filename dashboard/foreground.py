"""Callbacks before background readers: a page waiting on a callback gets the interpreter, not a reader thread.

The dashboard serves callbacks from Flask's threads and reads in the background in threads of the same process
(:mod:`dashboard.facts` reads every record object; :mod:`dashboard.embeddings` embeds seeds).
With one interpreter lock they would share it with a callback (a 50 ms callback measured 0.6 s at 100k seeds
while torch was being imported). So :func:`serving` marks a callback as running, and the readers call
:func:`wait_idle` between small steps: it returns at once when no callback runs, else sleeps (releasing the lock)
until none does, or ``max_wait_s`` has passed (a stream of callbacks slows the readers down; it never stops them).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator

_lock = threading.Lock()
_active = 0
_last_end = 0.0


@contextlib.contextmanager
def serving() -> Iterator[None]:
    """Mark a callback as running for its duration (re-entrant, thread-safe)."""
    global _active, _last_end
    with _lock:
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            _last_end = time.monotonic()


def busy(quiet_s: float = 0.0) -> bool:
    """Whether a callback runs now, or ended less than ``quiet_s`` seconds ago."""
    return _active > 0 or (quiet_s > 0 and time.monotonic() - _last_end < quiet_s)


def wait_idle(max_wait_s: float = 2.0, quiet_s: float = 0.0, poll_s: float = 0.005) -> None:
    """Sleep while :func:`busy` says so, at most ``max_wait_s`` seconds. Cheap when idle (one comparison)."""
    if not busy(quiet_s):
        return
    deadline = time.monotonic() + max_wait_s
    while busy(quiet_s) and time.monotonic() < deadline:
        time.sleep(poll_s)
