"""Add the evidence to an index written before it existed, in place, so an older run's archive opens as it
is: the new record columns are filled from the record objects (each read once, hash-checked) and every
seed's evidence rows computed. ``objects/`` is not touched; ``reindex`` would give the same index.
"""

from __future__ import annotations

import os
import sqlite3

from fitness.record import FitnessRecord, RecordError
from lineage import index
from lineage.errors import IndexUnavailableError, LineageError
from lineage.evidence import base_version, task_counts
from lineage.objects import Kind, ObjectStore
from lineage.schema import ADD_EVIDENCE


def add_evidence(conn: sqlite3.Connection, store: ObjectStore, path: str) -> None:
    """Add the evidence columns and table to the index ``conn`` (at ``path``). Call inside a transaction.

    Raises:
        IndexUnavailableError: a record object is missing or corrupt (the message says to reindex, which
            skips such objects and names them).
    """
    for statement in ADD_EVIDENCE.split(";"):
        if statement.strip():
            conn.execute(statement)
    for n, rid in conn.execute("SELECT n, id FROM records").fetchall():
        try:
            record = FitnessRecord.from_json(store.get(bytes(rid).hex(), Kind.RECORD).body)
        except (LineageError, RecordError) as err:
            raise IndexUnavailableError(
                f"index {path} (written before evidence) could not be upgraded: {err}; run "
                f"`python -m lineage --run-dir {os.path.dirname(path)} reindex` to rebuild it from the intact objects"
            ) from None
        tasks, passed = task_counts(record)
        conn.execute(
            "UPDATE records SET base=?, tasks=?, passed=? WHERE n=?",
            (base_version(record.suite_version), tasks, passed, n),
        )
    for seed, suite, base, split in conn.execute("SELECT DISTINCT seed, suite, base, split FROM records"):
        index.refresh_evidence(conn, seed, suite, base, split)
