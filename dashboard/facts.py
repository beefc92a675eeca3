"""What only the objects hold, read once per record in a background thread: the MAP-Elites cell of every
scored seed (task families fully solved × code-size bin) and the tokens and seconds of every evaluation.

The index has no behaviour or token columns, so these need one verified object read per record (and one per
seed for its size). They are read incrementally — a record id never changes, so nothing is read twice — by a
daemon thread, and callbacks only look at what has been read so far (``progress`` says how far).
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
import tomllib
from dataclasses import dataclass

from dashboard import foreground, queries
from dashboard.source import RunSource
from fitness.record import FitnessRecord
from lineage import Kind, LineageError

BATCH = 2000


@dataclass(frozen=True, slots=True)
class Cell:
    families: int
    size_bin: int


def size_bin(canonical_bytes: int, bins: int) -> int:
    """As the run's grid bins a program: half-octaves above 1 KiB, clamped to ``[0, bins)``. Pure."""
    if canonical_bytes <= 1024:
        return 0
    return min(bins - 1, int(2 * math.log2(canonical_bytes / 1024)))


def _families(suite: str) -> dict[str, str]:
    """Task id → family (its first tag) for a suite; {} when the suite is unknown here (ids count alone)."""
    try:
        from fitness.suites import load_suite

        return {t.id: (t.tags[0] if t.tags else t.id) for t in load_suite(suite).tasks}
    except Exception:  # an unknown or unloadable suite only costs the family grouping
        return {}


class Facts:
    """Incrementally read record facts of one run. Thread-safe reads of the snapshot fields."""

    def __init__(self, source: RunSource) -> None:
        self.source = source
        cfg: dict[str, object] = {}
        with contextlib.suppress(tomllib.TOMLDecodeError):
            cfg = tomllib.loads(source.config_text())
        self.bins = int(cfg.get("size_bins", 6))  # type: ignore[call-overload]
        self.families = _families(str(cfg.get("suite", "core")))
        self.cells: dict[Cell, tuple[float, str]] = {}
        self.evals: list[tuple[float, int, float]] = []  # (birth time, tokens, seconds) per train record
        self.errors: list[str] = []
        self.read = 0
        self.total = 0
        self._after = 0
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the reader thread (idempotent)."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="dashboard-facts", daemon=True)
                self._thread.start()

    def _loop(self) -> None:
        while True:
            try:
                if not self.step():
                    time.sleep(2.0)
            except Exception as err:  # a broken index must not kill the thread silently
                self.errors.append(f"{type(err).__name__}: {err}")
                time.sleep(5.0)

    def step(self) -> bool:
        """Read up to one batch of new records; True when there was something to read."""
        self.total = self.source.read(
            lambda c: int(c.execute("SELECT COUNT(*) FROM records WHERE split = 'train'").fetchone()[0])
        )
        rows = self.source.read(lambda c: queries.new_records(c, self._after, BATCH))
        for n, rid, sid, born in rows:
            foreground.wait_idle()  # a page waiting on a callback comes first
            self._one(rid, sid, born)
            self._after = n
            self.read += 1
        return bool(rows)

    def _one(self, record_id: str, seed_id: str, born: float) -> None:
        try:
            record = FitnessRecord.from_json(self.source.store.get(record_id, Kind.RECORD).body)
            size = len(self.source.store.get(seed_id, Kind.SEED).body)
        except (LineageError, ValueError) as err:
            if len(self.errors) < 20:
                self.errors.append(str(err))
            return
        solved = {self.families.get(t, t) for t in record.behaviour}
        cell = Cell(len(solved), size_bin(size, self.bins))
        with self._lock:
            held = self.cells.get(cell)
            if held is None or record.aggregate > held[0]:
                self.cells[cell] = (record.aggregate, seed_id)
            self.evals.append((born, record.prompt_tokens + record.completion_tokens, record.seconds))

    def snapshot(self) -> tuple[dict[Cell, tuple[float, str]], list[tuple[float, int, float]]]:
        with self._lock:
            return dict(self.cells), list(self.evals)
