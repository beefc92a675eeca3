"""Callbacks before background readers: a reader waits while a callback runs, and never for longer than asked."""

from __future__ import annotations

import threading
import time

from dashboard import foreground, ui


def _reader_wait(**kwargs: float) -> float:
    """Seconds a reader thread spends in ``wait_idle``."""
    took: list[float] = []

    def reader() -> None:
        start = time.monotonic()
        foreground.wait_idle(**kwargs)
        took.append(time.monotonic() - start)

    t = threading.Thread(target=reader)
    t.start()
    t.join(timeout=30)
    return took[0]


def test_a_reader_does_not_wait_when_no_callback_runs() -> None:
    assert not foreground.busy()
    assert _reader_wait(max_wait_s=5.0) < 0.5


def test_a_reader_waits_until_the_callback_ends() -> None:
    release = threading.Event()
    started = threading.Event()

    @ui.guarded(lambda msg: msg)
    def callback() -> str:
        started.set()
        release.wait(30)
        return "drawn"

    answer: list[str] = []
    t = threading.Thread(target=lambda: answer.append(callback()))
    t.start()
    started.wait(30)
    assert foreground.busy()
    threading.Timer(0.4, release.set).start()
    waited = _reader_wait(max_wait_s=20.0)
    t.join(timeout=30)
    assert answer == ["drawn"] and not foreground.busy()
    assert 0.3 <= waited < 10.0  # it waited for the callback, and went on once it ended


def test_a_stream_of_callbacks_only_slows_a_reader_down() -> None:
    with foreground.serving():
        assert 0.2 <= _reader_wait(max_wait_s=0.3) < 5.0
    assert foreground.busy(quiet_s=60.0) and not foreground.busy()  # ended just now: inside a quiet period


def test_a_callback_that_fails_still_lets_the_readers_go_on() -> None:
    @ui.guarded(lambda msg: msg)
    def broken() -> str:
        raise RuntimeError("boom")

    assert "RuntimeError: boom" in broken()
    assert not foreground.busy()
