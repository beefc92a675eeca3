"""Upgrade an index of schema 1 (before evidence) to schema 2 in place, so an older run's archive opens as
it is: the new record columns are filled from the record objects (each read once, hash-checked) and every
seed's evidence rows computed. ``objects/`` is not touched; ``reindex`` would give the same index.
"""

from __future__ import annotations

import sqlite3

from fitness.record import FitnessRecord, RecordError
from lineage import index
from lineage.errors import IndexUnavailableError, LineageError
from lineage.evidence import base_version, task_counts
from lineage.objects import Kind, ObjectStore
from lineage.schema import UPGRADE_FROM_1


def upgrade_from_1(conn: sqlite3.Connection, store: ObjectStore, path: str) -> None:
    """Bring the schema-1 index ``conn`` (at ``path``) to schema 2. Call inside a transaction.

    Raises:
        IndexUnavailableError: a record object is missing or corrupt (the message says to reindex, which
            skips such objects and names them).
    """
    for statement in UPGRADE_FROM_1.split(";"):
        if statement.strip():
            conn.execute(statement)
    for n, rid in conn.execute("SELECT n, id FROM records").fetchall():
        try:
            record = FitnessRecord.from_json(store.get(bytes(rid).hex(), Kind.RECORD).body)
        except (LineageError, RecordError) as err:
            raise IndexUnavailableError(
                f"index {path} (schema 1) could not be upgraded: {err}; run `python -m lineage --run-dir DIR "
                "reindex` to rebuild it from the objects that are intact"
            ) from None
        tasks, passed = task_counts(record)
        conn.execute(
            "UPDATE records SET base=?, tasks=?, passed=? WHERE n=?",
            (base_version(record.suite_version), tasks, passed, n),
        )
    for seed, suite, base, split in conn.execute("SELECT DISTINCT seed, suite, base, split FROM records"):
        index.refresh_evidence(conn, seed, suite, base, split)
