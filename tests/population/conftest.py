"""A safety net for the population tests: processes a test started and could not end (a test killed by its
timeout leaves its run's redis-server and workers, which live in sessions of their own) are killed when the
test session ends, so one hung test never leaves servers behind on the machine that ran it."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator

import psutil  # type: ignore[import-untyped]
import pytest


@pytest.fixture(scope="session", autouse=True)
def _end_what_tests_left(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    yield
    base = str(tmp_path_factory.getbasetemp())
    left = []
    for proc in psutil.process_iter(["cmdline"]):
        try:
            cmd = " ".join(proc.info["cmdline"] or [])
            if base in cmd and proc.pid != os.getpid():
                proc.send_signal(signal.SIGKILL)
                left.append(cmd[:120])
        except (psutil.Error, TypeError):
            continue
    if left:
        print(f"\nkilled {len(left)} process(es) the population tests left: {left[:3]}", file=sys.stderr)
