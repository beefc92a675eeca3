"""One run directory, opened read-only: the index (SQLite ``mode=ro``), the objects, ``status.json``.

Invariants: nothing here writes to the run directory or takes the archive's lock; the index connection is
opened with ``mode=ro`` (a finished run whose WAL files are gone is opened ``immutable``, which needs no
``-shm`` file). Every read of ``status.json`` tolerates missing keys, since its shape is the run's, not ours.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, overload
from urllib.parse import quote

from dashboard.errors import NotARunError
from lineage import Kind, LineageError, ObjectStore
from lineage.edge import Edge
from lineage.layout import check_layout
from lineage.schema import SCHEMA_VERSION

RUN_FORMAT = 1  # population.json "format" this dashboard reads
MARKER = "population.json"
STATUS = "status.json"

T = TypeVar("T")
D = TypeVar("D")


@dataclass(frozen=True, slots=True)
class RunInfo:
    """What a run directory says about itself (from ``population.json`` and ``status.json``)."""

    name: str
    run_dir: str
    state: str
    redis: str
    run_key: str
    status: dict[str, Any]


def _connect_ro(path: str) -> sqlite3.Connection:
    """A read-only connection to the index at ``path``. Raises NotARunError."""
    if not os.path.exists(path):
        raise NotARunError(
            f"{path} is missing; the run has no index yet (rebuild it with `python -m lineage reindex`)"
        )
    wal = _has_wal(path)
    # With the WAL files present a writer may be live: mode=ro shares its -shm. Without them the run is
    # closed, and mode=ro could not create a -shm in a directory we must not write to: immutable reads it as is.
    mode = "mode=ro" if wal else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(
            f"file:{quote(path)}?{mode}", uri=True, check_same_thread=False, isolation_level=None, timeout=10
        )
        row = conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
    except sqlite3.Error as err:
        raise NotARunError(f"index {path} cannot be read ({err}); is this a seedpop run directory?") from None
    if row is None or row[0] != str(SCHEMA_VERSION):
        conn.close()
        found = None if row is None else row[0]
        raise NotARunError(
            f"index {path} has schema {found!r}, this dashboard reads {SCHEMA_VERSION}; "
            "use the seedpop version that wrote this run"
        )
    return conn


class RunSource:
    """A run directory opened for reading. Thread-safe: one lock around the index connection.

    Raises (from the constructor):
        NotARunError: missing directory, no archive, another or newer format, unreadable index.
    """

    def __init__(self, run_dir: str, name: str | None = None) -> None:
        self.run_dir = os.path.abspath(run_dir)
        self.name = name or os.path.basename(self.run_dir.rstrip("/")) or self.run_dir
        marker = _read_json(Path(self.run_dir) / MARKER)
        fmt = marker.get("format") if marker else None
        if marker and fmt != RUN_FORMAT:
            raise NotARunError(
                f"{self.run_dir} was written by another seedpop version (run format {fmt!r}, this dashboard "
                f"reads {RUN_FORMAT}); use the seedpop version that wrote it"
            )
        try:
            layout = check_layout(self.run_dir)
        except LineageError as err:
            raise NotARunError(str(err)) from None
        self.marker = marker or {}
        self.store = ObjectStore(layout.objects)
        self._path = layout.index
        self._conn: sqlite3.Connection | None = None
        self._live = False
        self._lock = threading.RLock()
        self._cache: dict[str, tuple[tuple[int, int], Any]] = {}
        with self._lock:
            self._connection()

    def _connection(self) -> sqlite3.Connection:
        live = _has_wal(self._path)
        if self._conn is not None and live and not self._live:
            self._conn.close()  # opened immutable while closed, and a writer has since started: reopen
            self._conn = None
        if self._conn is None:
            self._conn = _connect_ro(self._path)
            self._live = live
        return self._conn

    def close(self) -> None:
        """Close the index connection. Idempotent."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``fn`` on the index connection under the lock (one read transaction, consistent)."""
        with self._lock:
            conn = self._connection()
            conn.execute("BEGIN")
            try:
                return fn(conn)
            finally:
                conn.execute("COMMIT")

    def version(self) -> tuple[int, int]:
        """Changes when the index does: (edges, records) row counts' max row ids. Cheap (two index probes)."""

        def probe(conn: sqlite3.Connection) -> tuple[int, int]:
            e = conn.execute("SELECT COALESCE(MAX(n), 0) FROM edges").fetchone()[0]
            r = conn.execute("SELECT COALESCE(MAX(n), 0) FROM records").fetchone()[0]
            return int(e), int(r)

        return self.read(probe)

    @overload
    def cached(self, key: str, fn: Callable[[sqlite3.Connection], T]) -> T: ...

    @overload
    def cached(self, key: str, fn: Callable[[sqlite3.Connection], D], build: Callable[[D], T]) -> T: ...

    def cached(
        self,
        key: str,
        fn: Callable[[sqlite3.Connection], Any],
        build: Callable[[Any], Any] | None = None,
    ) -> Any:
        """``build(fn(conn))`` (or ``fn(conn)``) for the index as it is now, computed once per index version.

        Only ``fn`` runs under the index lock: ``build`` (a figure, which plotly validates for 0.1-0.3 s at
        10k seeds) runs outside it, so one page's figures never hold up another callback's reads.
        """
        version = self.version()
        hit = self._cache.get(key)
        if hit is not None and hit[0] == version:
            return hit[1]
        value = self.read(fn)
        if build is not None:
            value = build(value)
        self._cache[key] = (version, value)
        return value

    def status(self) -> dict[str, Any]:
        """The run's last ``status.json`` ({} when there is none or it cannot be read)."""
        return _read_json(Path(self.run_dir) / STATUS) or {}

    def info(self) -> RunInfo:
        status = self.status()
        state = str(status.get("state") or ("no status yet" if self.marker else "archive only"))
        if state == "running" and not _alive(self.marker.get("pid")):
            state = "stopped (the manager is gone)"
        return RunInfo(
            self.name,
            self.run_dir,
            state,
            str(self.marker.get("redis") or ""),
            str(self.marker.get("key") or ""),
            status,
        )

    def config_text(self) -> str:
        try:
            return (Path(self.run_dir) / "config.toml").read_text(encoding="utf-8")
        except OSError:
            return ""

    # ---- objects (verified reads; LineageError on a missing or corrupt object) ---------------------
    def canonical(self, seed_id: str) -> str:
        return self.store.get(seed_id, Kind.SEED).body.decode("utf-8", errors="replace")

    def birth_edge(self, seed_id: str) -> Edge | None:
        def first(conn: sqlite3.Connection) -> str | None:
            row = conn.execute(
                "SELECT e.id FROM edges e JOIN seeds s ON s.n = e.child WHERE s.id = ? ORDER BY e.time, e.id",
                (bytes.fromhex(seed_id),),
            ).fetchone()
            return None if row is None else bytes(row[0]).hex()

        eid = self.read(first)
        return None if eid is None else Edge.from_json(self.store.get(eid, Kind.EDGE).body)

    def source(self, seed_id: str) -> str:
        """The exact text first proposed (comments included); the canonical text when no edge names one."""
        edge = self.birth_edge(seed_id)
        if edge is None:
            return self.canonical(seed_id)
        return self.store.get(edge.source, Kind.SOURCE).body.decode("utf-8", errors="replace")


def _has_wal(path: str) -> bool:
    return os.path.exists(path + "-wal") or os.path.exists(path + "-shm")


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _alive(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def find_runs(runs_dir: str) -> list[RunSource | tuple[str, str]]:
    """Every run directory directly under ``runs_dir``, by name: a source, or (name, why it cannot be read).

    Raises:
        NotARunError: ``runs_dir`` is not a directory.
    """
    if not os.path.isdir(runs_dir):
        raise NotARunError(f"runs directory {runs_dir} does not exist; pass the folder that holds your runs")
    out: list[RunSource | tuple[str, str]] = []
    for name in sorted(os.listdir(runs_dir)):
        path = os.path.join(runs_dir, name)
        if not os.path.isdir(path):
            continue
        try:
            out.append(RunSource(path, name))
        except NotARunError as err:
            out.append((name, str(err)))
    return out
