"""The SQLite index: opening it (WAL, busy timeout), transactions, and the writes.

Several processes may write at once: every write runs inside ``BEGIN IMMEDIATE`` (one writer at a time,
others wait up to the busy timeout) and rows are inserted with ``INSERT OR IGNORE`` against unique ids, so
concurrent adds of the same thing leave exactly one row.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

from fitness.record import FitnessRecord
from lineage.edge import Edge
from lineage.errors import IndexUnavailableError, UnknownIdError
from lineage.evidence import base_version, task_counts, wilson
from lineage.model import AddStatus
from lineage.schema import DDL, EVIDENCE_VERSION, SCHEMA_VERSION

BUSY_TIMEOUT_S = 60.0


def _fix(path: str) -> str:
    run_dir = os.path.dirname(path)
    return f"run `python -m lineage --run-dir {run_dir} reindex` to rebuild it from objects/"


def connect(
    path: str, *, create: bool = False, upgrade: Callable[[sqlite3.Connection], None] | None = None
) -> sqlite3.Connection:
    """Open the index at ``path``; with ``create``, make an empty one there first.

    With ``upgrade``, an index without the evidence table (written before it existed) gets it in place, in
    one transaction (another process that got there first leaves nothing to do): ``upgrade(conn)`` adds and
    fills it. Without ``upgrade`` such an index opens as it is (for reads that do not need evidence).

    Raises:
        IndexUnavailableError: missing (without ``create``), not a database, another schema, or locked.
    """
    if not create and not os.path.exists(path):
        raise IndexUnavailableError(f"index {path} is missing; {_fix(path)}")
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")  # WAL stays consistent; objects/ is the durable truth
        # Lookups (has, resolve, ancestry) read pages through a memory map instead of a syscall per page.
        conn.execute(f"PRAGMA mmap_size={256 * 1024 * 1024}")
        conn.execute("PRAGMA cache_size=-32768")
        if create:
            with transaction(conn, path):
                if conn.execute("SELECT 1 FROM sqlite_master WHERE name='meta'").fetchone() is None:
                    for statement in DDL.split(";"):
                        if statement.strip():
                            conn.execute(statement)
                    conn.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
                    conn.execute("INSERT INTO meta VALUES ('evidence', ?)", (str(EVIDENCE_VERSION),))
        row = conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if (
            upgrade is not None
            and row is not None
            and row[0] == str(SCHEMA_VERSION)
            and not _has_evidence(conn)
        ):
            with transaction(conn, path):
                if not _has_evidence(conn):
                    upgrade(conn)
                    conn.execute("INSERT INTO meta VALUES ('evidence', ?)", (str(EVIDENCE_VERSION),))
    except sqlite3.DatabaseError as err:
        raise unavailable(path, err) from None
    if row is None or row[0] != str(SCHEMA_VERSION):
        conn.close()
        found = None if row is None else row[0]
        raise IndexUnavailableError(
            f"index {path} has schema {found!r}, this seedpop reads {SCHEMA_VERSION}; {_fix(path)}"
        )
    return conn


def _has_evidence(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM meta WHERE key='evidence'").fetchone() is not None


def unavailable(path: str, err: sqlite3.Error) -> IndexUnavailableError:
    """Turn a sqlite3 error into a one-line error naming the index and the fix."""
    text = str(err)
    if "disk is full" in text or "disk I/O error" in text:
        return IndexUnavailableError(
            f"index {path} could not be written ({text}); free space on that disk and rerun — what was "
            "committed before is intact"
        )
    if "locked" in text or "busy" in text:
        return IndexUnavailableError(
            f"index {path} is locked by another process (waited {BUSY_TIMEOUT_S:.0f} s); retry when it is done"
        )
    return IndexUnavailableError(f"index {path} is unusable ({text}); {_fix(path)}")


@contextmanager
def transaction(conn: sqlite3.Connection, path: str) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; rolls back on any error. sqlite3 errors become IndexUnavailableError."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as err:
        raise unavailable(path, err) from None
    try:
        yield
        conn.execute("COMMIT")
    except sqlite3.Error as err:  # e.g. disk full: SQLite may have rolled back already
        _rollback(conn)
        raise unavailable(path, err) from None
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: sqlite3.Connection) -> None:
    """End the open transaction, if SQLite has not ended it already; never raises (the first error counts)."""
    if conn.in_transaction:
        with suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def seed_n(conn: sqlite3.Connection, seed_id: str) -> int | None:
    """Row number of a seed, or None."""
    row = conn.execute("SELECT n FROM seeds WHERE id=?", (bytes.fromhex(seed_id),)).fetchone()
    return None if row is None else int(row[0])


def edge_with_key(conn: sqlite3.Connection, key: bytes) -> str | None:
    """Id of the edge recorded under ``key``, or None."""
    row = conn.execute("SELECT id FROM edges WHERE key=?", (key,)).fetchone()
    return None if row is None else bytes(row[0]).hex()


def insert_edge(conn: sqlite3.Connection, edge: Edge, edge_id: str) -> AddStatus:
    """Insert an edge (and its child's seed row when new). Call inside a transaction.

    Returns NEW when the child had no row before, DUPLICATE when it had, ALREADY_RECORDED when an edge
    with the same id or key is there.

    Raises:
        UnknownIdError: a parent is not in the index.
    """
    parents: list[int] = []
    for parent in edge.parents:
        pn = seed_n(conn, parent)
        if pn is None:
            raise UnknownIdError(
                f"parent {parent} of {edge.child} is not in the archive; add the parent first"
            )
        parents.append(pn)
    if edge_with_key(conn, edge.key) is not None:
        return AddStatus.ALREADY_RECORDED
    child = bytes.fromhex(edge.child)
    cur = conn.execute("INSERT OR IGNORE INTO seeds (id) VALUES (?)", (child,))
    status = AddStatus.NEW if cur.rowcount == 1 else AddStatus.DUPLICATE
    cn = seed_n(conn, edge.child)
    eid = bytes.fromhex(edge_id)
    cur = conn.execute(
        "INSERT OR IGNORE INTO edges (id, key, child, source, operator, generation, island, run, proposal, time)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)",
        (
            eid,
            edge.key,
            cn,
            bytes.fromhex(edge.source),
            edge.operator,
            edge.generation,
            edge.island,
            None if edge.run is None else bytes.fromhex(edge.run),
            edge.proposal,
            edge.time,
        ),
    )
    if cur.rowcount == 0:
        return AddStatus.ALREADY_RECORDED
    en = cur.lastrowid
    conn.executemany(
        "INSERT INTO links (edge, pos, child, parent) VALUES (?,?,?,?)",
        [(en, pos, cn, pn) for pos, pn in enumerate(parents)],
    )
    # Birth = earliest edge by (time, id), the same rule reindex applies, whatever order commits came in.
    conn.execute(
        "UPDATE seeds SET birth=:e WHERE n=:c AND (birth IS NULL OR "
        "EXISTS (SELECT 1 FROM edges b WHERE b.n = seeds.birth AND (b.time, b.id) > (:t, :i)))",
        {"e": en, "c": cn, "t": edge.time, "i": eid},
    )
    return status


def insert_record(conn: sqlite3.Connection, record: FitnessRecord, record_id: str) -> AddStatus:
    """Insert a record row. Returns NEW or ALREADY_RECORDED. Raises UnknownIdError for an unknown seed."""
    sn = seed_n(conn, record.seed_id)
    if sn is None:
        raise UnknownIdError(
            f"fitness record for seed {record.seed_id}, which is not in the archive; add it first"
        )
    tasks, passed = task_counts(record)
    base = base_version(record.suite_version)
    cur = conn.execute(
        "INSERT OR IGNORE INTO records (id, seed, suite, suite_version, split, outcome, aggregate, stage, base,"
        " tasks, passed) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            bytes.fromhex(record_id),
            sn,
            record.suite,
            record.suite_version,
            record.split,
            record.outcome.value,
            record.aggregate,
            record.stage,
            base,
            tasks,
            passed,
        ),
    )
    if cur.rowcount == 0:
        return AddStatus.ALREADY_RECORDED
    refresh_evidence(conn, sn, record.suite, base, record.split)
    return AddStatus.NEW


def refresh_evidence(conn: sqlite3.Connection, seed: int, suite: str, base: str, split: str) -> None:
    """Recompute one evidence row from the seed's records (a handful of rows, by the ``records_seed``
    index). Call inside a transaction.

    One record per suite version counts: a block scored twice (a retried job) is not evidence twice; the
    longest record counts, then the lowest record id — never the luckier one.
    """
    count, tasks, passed = conn.execute(
        """
        SELECT COUNT(*), COALESCE(SUM(tasks), 0), COALESCE(SUM(passed), 0) FROM (
            SELECT tasks, passed, ROW_NUMBER() OVER (PARTITION BY suite_version ORDER BY tasks DESC, id) AS k
            FROM records WHERE seed = ? AND suite = ? AND base = ? AND split = ?
        ) WHERE k = 1
        """,
        (seed, suite, base, split),
    ).fetchone()
    low, high = wilson(int(passed), int(tasks))
    conn.execute(
        "INSERT INTO evidence (seed, suite, base, split, records, tasks, passed, low, high)"
        " VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (seed, split, suite, base) DO UPDATE SET"
        " records=excluded.records, tasks=excluded.tasks, passed=excluded.passed, low=excluded.low,"
        " high=excluded.high",
        (seed, suite, base, split, count, tasks, passed, low, high),
    )


def insert_run(conn: sqlite3.Connection, run_id: str) -> AddStatus:
    """Insert a run row. Returns NEW or ALREADY_RECORDED."""
    cur = conn.execute("INSERT OR IGNORE INTO runs (id) VALUES (?)", (bytes.fromhex(run_id),))
    return AddStatus.NEW if cur.rowcount == 1 else AddStatus.ALREADY_RECORDED
