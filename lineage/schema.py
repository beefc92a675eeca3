"""The SQLite index schema. Ids are 32-byte blobs; rows refer to each other by small integers.

Everything here is derived from ``objects/`` and rebuilt by ``reindex``:

* ``seeds(n, id, birth)`` — one row per seed that has at least one edge; ``birth`` is its earliest edge.
* ``edges(n, id, key, child, source, operator, generation, island, run, proposal, time)`` — one row per
  edge object; ``key`` (16 bytes, unique) identifies the proposal regardless of time.
* ``links(edge, pos, child, parent)`` — the parents of each edge, in order.
* ``records(n, id, seed, suite, suite_version, split, outcome, aggregate, stage)`` — one per record object.
* ``runs(n, id)`` — one per run object.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

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
    stage TEXT NOT NULL
);
CREATE INDEX records_seed ON records(seed, aggregate);
CREATE TABLE runs (n INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE);
"""
