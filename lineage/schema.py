"""The SQLite index schema. Ids are 32-byte blobs; rows refer to each other by small integers.

Everything here is derived from ``objects/`` and rebuilt by ``reindex``:

* ``seeds(n, id, birth)`` — one row per seed that has at least one edge; ``birth`` is its earliest edge.
* ``edges(n, id, key, child, source, operator, generation, island, run, proposal, time)`` — one row per
  edge object; ``key`` (16 bytes, unique) identifies the proposal regardless of time.
* ``links(edge, pos, child, parent)`` — the parents of each edge, in order.
* ``records(n, id, seed, suite, suite_version, split, outcome, aggregate, stage, base, tasks, passed)`` — one
  per record object; ``base`` is the version before its first ``/`` (``core-2`` of ``core-2/train/b3``),
  ``tasks``/``passed`` the task results it holds and the tasks fully passed.
* ``evidence(n, seed, suite, base, split, records, tasks, passed, low, high)`` — one per (seed, suite, base,
  split): its records there added up, with the Wilson 95% interval (``lineage.evidence``). Kept up to date by
  every record insert, so ``best`` reads the top rows of one index instead of adding up every record.
* ``runs(n, id)`` — one per run object.
"""

from __future__ import annotations

SCHEMA_VERSION = 1
# An additive change on top of schema 1, marked by its own meta key so that readers of schema 1 (the
# read-only dashboard) keep reading an index that has it: records.base/tasks/passed and the evidence table.
# ``Archive.open``/``create`` add it to an index that lacks it (``lineage.upgrade``); a reader that needs
# the evidence table checks ``meta['evidence'] == EVIDENCE_VERSION``.
EVIDENCE_VERSION = 1

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE seeds (n INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE, birth INTEGER);
CREATE TABLE edges (
    n INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE,
    key BLOB NOT NULL UNIQUE,
    child INTEGER NOT NULL,
    source BLOB NOT NULL,
    operator TEXT NOT NULL,
    generation INTEGER NOT NULL,
    island INTEGER NOT NULL,
    run BLOB,
    proposal TEXT NOT NULL,
    time REAL NOT NULL
);
CREATE INDEX edges_child ON edges(child);
CREATE INDEX edges_generation ON edges(generation);
CREATE TABLE links (
    edge INTEGER NOT NULL,
    pos INTEGER NOT NULL,
    child INTEGER NOT NULL,
    parent INTEGER NOT NULL,
    PRIMARY KEY (edge, pos)
) WITHOUT ROWID;
CREATE INDEX links_child ON links(child, parent);
CREATE INDEX links_parent ON links(parent, child);
CREATE TABLE records (
    n INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE,
    seed INTEGER NOT NULL,
    suite TEXT NOT NULL,
    suite_version TEXT NOT NULL,
    split TEXT NOT NULL,
    outcome TEXT NOT NULL,
    aggregate REAL NOT NULL,
    stage TEXT NOT NULL,
    base TEXT NOT NULL,
    tasks INTEGER NOT NULL,
    passed INTEGER NOT NULL
);
CREATE INDEX records_seed ON records(seed, aggregate);
CREATE TABLE evidence (
    n INTEGER PRIMARY KEY,
    seed INTEGER NOT NULL,
    suite TEXT NOT NULL,
    base TEXT NOT NULL,
    split TEXT NOT NULL,
    records INTEGER NOT NULL,
    tasks INTEGER NOT NULL,
    passed INTEGER NOT NULL,
    low REAL NOT NULL,
    high REAL NOT NULL,
    UNIQUE (seed, split, suite, base)
);
CREATE INDEX evidence_rank ON evidence(split, low DESC, tasks DESC);
CREATE TABLE runs (n INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE);
"""

# Evidence added to an index of schema 1 without it (``lineage.upgrade``): the columns, the table, its index.
ADD_EVIDENCE = """
ALTER TABLE records ADD COLUMN base TEXT NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN tasks INTEGER NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN passed INTEGER NOT NULL DEFAULT 0;
""" + DDL[DDL.index("CREATE TABLE evidence") : DDL.index("CREATE TABLE runs")]
