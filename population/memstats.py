"""The manager's memory, broken down by allocator, for a soak to say which one grows (``bench/soak.py``).

Off unless the environment says ``SEEDPOP_MEMSTATS=SECONDS`` (a positive number). Then the manager appends
one JSON line to ``memory.jsonl`` in the run directory at most every SECONDS (a few milliseconds each), holding,
in bytes unless named:

* ``rss``, ``rss_anon``: resident memory, and its anonymous part (heap, arenas; not the mapped files);
* ``py_blocks``: pymalloc blocks in use (a count; ``sys.getallocatedblocks``): Python's objects of up to 512
  bytes, nearly all of them;
* ``py_arenas``: pymalloc arenas held (a count; 1 MiB each, mapped outside malloc);
* ``malloc_used``, ``malloc_free``: glibc malloc's bytes in use and free inside its heaps (``mallinfo2``),
  in use counting its own mmap'd chunks: C libraries (SQLite, libcst's parser, hiredis) and Python's larger
  objects allocate here;
* ``sqlite_used``: SQLite's own allocations (``sqlite3_memory_used``), a part of ``malloc_used``.

Reading a slope: ``py_blocks`` growing is a Python structure; ``malloc_used`` growing with ``py_blocks`` flat is
a C library or large buffers (``sqlite_used`` says if it is SQLite); ``rss_anon`` growing with both flat is
memory freed but not returned (fragmentation of malloc's heaps or of pymalloc's arenas: ``malloc_free``,
``py_arenas``). A field the platform cannot give is absent.

``SEEDPOP_MEMSTATS_TRACE=1`` adds :mod:`tracemalloc` (one frame; off by default: its own traces grow with what
they trace, it slows every allocation, and it hides pymalloc's arena count): ``py_traced``, the bytes Python's
allocators hand out now (all three domains, so large objects held in malloc too), and ``top``, the five source
lines whose allocations grew most since the first sample (``[file:line, bytes, blocks]``). ``malloc_used``
growing faster than ``py_traced`` is C code allocating (a library, not a Python structure).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import json
import os
import re
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

ENV = "SEEDPOP_MEMSTATS"
TRACE_ENV = "SEEDPOP_MEMSTATS_TRACE"
FILE = "memory.jsonl"


def interval() -> float | None:
    """Seconds between samples from ``SEEDPOP_MEMSTATS``, or None when it is unset, empty or not positive."""
    raw = os.environ.get(ENV, "").strip()
    try:
        seconds = float(raw)
    except ValueError:
        return None
    return seconds if seconds > 0 else None


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def _libc_mallinfo2() -> Any:
    with contextlib.suppress(OSError, AttributeError):
        fn = ctypes.CDLL(None).mallinfo2  # glibc ≥ 2.33
        fn.restype = _MallInfo2
        return fn
    return None


def _sqlite_memory_used() -> Any:
    """``sqlite3_memory_used`` of the SQLite that :mod:`sqlite3` loaded, or None (statically linked, absent)."""
    import sqlite3  # noqa: F401  (load the library first, so dlopen below returns that same instance)

    name = ctypes.util.find_library("sqlite3")
    if name is None:
        return None
    with contextlib.suppress(OSError, AttributeError):
        fn = ctypes.CDLL(name).sqlite3_memory_used
        fn.restype = ctypes.c_int64
        return fn
    return None


_ARENAS = re.compile(rb"# arenas allocated current\s*=\s*([\d,]+)")


def _pymalloc_arenas() -> int | None:
    """Arenas pymalloc holds now, parsed from ``sys._debugmallocstats`` (it writes to the C stderr)."""
    with tempfile.TemporaryFile() as out:
        sys.stderr.flush()
        saved = os.dup(2)
        try:
            os.dup2(out.fileno(), 2)
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        out.seek(0)
        found = _ARENAS.search(out.read())
    return int(found.group(1).replace(b",", b"")) if found else None


def _proc_status() -> dict[str, int]:
    fields: dict[str, int] = {}
    with contextlib.suppress(OSError), open("/proc/self/status", "rb") as f:
        for line in f:
            key, _, rest = line.partition(b":")
            if key in (b"VmRSS", b"RssAnon"):
                fields[key.decode()] = int(rest.split()[0]) * 1024
    return fields


class MemStats:
    """Samples this process's memory into ``run_dir / memory.jsonl``; :meth:`tick` does nothing when off."""

    def __init__(self, run_dir: Path, every_s: float | None = None, trace: bool | None = None) -> None:
        self.every_s = every_s if every_s is not None else interval()
        self.path = run_dir / FILE
        self._last = float("-inf")
        self._mallinfo2 = self._sqlite = None
        self._base: tracemalloc.Snapshot | None = None
        if self.every_s is not None:
            self._mallinfo2 = _libc_mallinfo2()
            self._sqlite = _sqlite_memory_used()
            if trace if trace is not None else os.environ.get(TRACE_ENV, "") not in ("", "0"):
                tracemalloc.start(1)

    def top(self, n: int = 5) -> list[list[object]]:
        """The ``n`` source lines whose traced allocations grew most since the first call (empty then)."""
        if not tracemalloc.is_tracing():
            return []
        now = tracemalloc.take_snapshot()
        if self._base is None:
            self._base = now
            return []
        grown = [d for d in now.compare_to(self._base, "lineno") if d.size_diff > 0][:n]
        return [[str(d.traceback[0]), d.size_diff, d.count_diff] for d in grown]

    def sample(self) -> dict[str, float]:
        """One breakdown now (see the module docstring for the fields)."""
        proc = _proc_status()
        out: dict[str, float] = {"t": time.time()}
        if "VmRSS" in proc:
            out["rss"] = proc["VmRSS"]
        if "RssAnon" in proc:
            out["rss_anon"] = proc["RssAnon"]
        if tracemalloc.is_tracing():
            out["py_traced"] = tracemalloc.get_traced_memory()[0]
        out["py_blocks"] = sys.getallocatedblocks()
        arenas = _pymalloc_arenas()
        if arenas is not None:
            out["py_arenas"] = arenas
        if self._mallinfo2 is not None:
            info = self._mallinfo2()
            out["malloc_used"] = info.uordblks + info.hblkhd
            out["malloc_free"] = info.fordblks
        if self._sqlite is not None:
            out["sqlite_used"] = int(self._sqlite())
        return out

    def tick(self, **extra: float) -> None:
        """Append a sample (with ``extra`` fields, such as the children so far) if one is due."""
        if self.every_s is None or time.monotonic() - self._last < self.every_s:
            return
        self._last = time.monotonic()
        row: dict[str, object] = {**self.sample(), **extra}
        if tracemalloc.is_tracing():
            row["top"] = self.top()
        line = json.dumps(row)
        with contextlib.suppress(OSError), open(self.path, "a", encoding="utf-8") as f:
            f.write(line + "\n")
